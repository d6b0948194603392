/*
 * prompt.c: the one-line prompt.
 *
 * Editing is deliberately small: type, Backspace (a whole UTF-8
 * character), Ctrl-U to clear; Return submits; Esc, Ctrl-G and Ctrl-C
 * cancel.  A one-key prompt hands every key to its answer callback.
 * What the line is for is the callback's business, never this file's.
 */
#include "config.h"

#include "prompt.h"

#include <stdio.h>
#include <string.h>

#include "keymap.h"
#include "quote.h"

static int	prompt_edit(struct prompt *, int);

void
prompt_open_line(struct prompt *p, const char *label,
    int (*submit)(void *, const char *), void (*tab)(void *), void *arg)
{
	prompt_close(p);
	p->active = 1;
	snprintf(p->label, sizeof p->label, "%s", label);
	p->submit = submit;
	p->tab = tab;
	p->arg = arg;
}

void
prompt_open_key(struct prompt *p, const char *label,
    int (*answer)(void *, int), void *arg)
{
	prompt_close(p);
	p->active = 1;
	snprintf(p->label, sizeof p->label, "%s", label);
	p->answer = answer;
	p->arg = arg;
}

void
prompt_close(struct prompt *p)
{
	p->active = 0;
	p->input[0] = '\0';
	p->len = 0;
	p->submit = NULL;
	p->answer = NULL;
	p->tab = NULL;
}

/*
 * Applies an editing key to the input line; returns 1 if it was one.
 * Bytes from 0x80 up are kept as they come, so text typed in UTF-8 is
 * searched for as UTF-8.
 */
static int
prompt_edit(struct prompt *p, int key)
{
	if (key == KEYMAP_BACKSPACE || key == 0x7f ||
	    key == KEYMAP_CTRL('H')) {
		if (p->len > 0)
			p->len = quote_char_start(p->input, p->len - 1);
		p->input[p->len] = '\0';
		return (1);
	}
	if (key == KEYMAP_CTRL('U')) {
		p->len = 0;
		p->input[0] = '\0';
		return (1);
	}
	if (key >= 0x20 && key < 0x100 && key != 0x7f) {
		if (p->len + 1 < sizeof p->input) {
			p->input[p->len++] = (char)key;
			p->input[p->len] = '\0';
		}
		return (1);
	}
	return (0);
}

int
prompt_key(struct prompt *p, int key, enum prompt_event *event)
{
	char	line[sizeof p->input];
	int	(*submit)(void *, const char *) = p->submit;
	void	*arg = p->arg;

	*event = PROMPT_EDITED;
	if (p->answer != NULL)
		return (p->answer(p->arg, key));
	if (key == KEYMAP_ESC || key == KEYMAP_CTRL('G') ||
	    key == KEYMAP_CTRL('C')) {
		prompt_close(p);
		*event = PROMPT_CANCELLED;
		return (0);
	}
	if (key == '\r' || key == '\n') {
		memcpy(line, p->input, sizeof line);
		prompt_close(p);
		return (submit != NULL ? submit(arg, line) : 0);
	}
	if (key == '\t' && p->tab != NULL) {
		p->tab(p->arg);
		return (0);
	}
	if (!prompt_edit(p, key))
		*event = PROMPT_REFUSED;
	return (0);
}
