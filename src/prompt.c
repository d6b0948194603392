/*
 * prompt.c: the one-line prompt.
 *
 * Editing is a line editor's: type or delete at the cursor (Backspace,
 * Delete, a whole UTF-8 character at a time), Left/Right, Home/End
 * (Ctrl-A/E), Ctrl-U to clear, Up/Down through the prompt's history;
 * Return submits; Esc, Ctrl-G and Ctrl-C cancel.  A one-key prompt hands every key to its answer callback.
 * What the line is for is the callback's business, never this file's.
 */
#include "config.h"

#include "prompt.h"

#include <stdio.h>
#include <string.h>

#include "keymap.h"
#include "quote.h"

static int	prompt_edit(struct prompt *, int);
static int	prompt_move(struct prompt *, int);
static size_t	prompt_next_char(const struct prompt *, size_t);
static void	prompt_browse(struct prompt *, int);

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
	p->pos = 0;
	p->hist = NULL;
	p->browse = 0;
	p->submit = NULL;
	p->answer = NULL;
	p->tab = NULL;
}

void
prompt_set_history(struct prompt *p, struct prompt_history *h)
{
	p->hist = h;
	p->browse = h->n;
}

void
prompt_set_input(struct prompt *p, const char *text)
{
	snprintf(p->input, sizeof p->input, "%s", text);
	p->len = strlen(p->input);
	p->pos = p->len;
}

void
prompt_history_add(struct prompt_history *h, const char *line)
{
	if (line[0] == '\0' || (h->n > 0 &&
	    strcmp(h->line[h->n - 1], line) == 0))
		return;
	if (h->n == PROMPT_HISTORY) {
		memmove(h->line[0], h->line[1], sizeof h->line[0] *
		    (PROMPT_HISTORY - 1));
		h->n--;
	}
	snprintf(h->line[h->n++], sizeof h->line[0], "%s", line);
}

/* Up (older, dir -1) or Down (newer, +1); past the newest is empty. */
static void
prompt_browse(struct prompt *p, int dir)
{
	int	at = p->browse + dir;

	if (p->hist == NULL || at < 0 || at > p->hist->n)
		return;
	p->browse = at;
	prompt_set_input(p, at == p->hist->n ? "" : p->hist->line[at]);
}

/* The offset just past the UTF-8 character at i. */
static size_t
prompt_next_char(const struct prompt *p, size_t i)
{
	if (i < p->len)
		i++;
	while (i < p->len && ((unsigned char)p->input[i] & 0xc0) == 0x80)
		i++;
	return (i);
}

/* Applies a key that moves the cursor; returns 1 if it was one. */
static int
prompt_move(struct prompt *p, int key)
{
	switch (key) {
	case KEYMAP_LEFT:
	case KEYMAP_CTRL('B'):
		if (p->pos > 0)
			p->pos = quote_char_start(p->input, p->pos - 1);
		return (1);
	case KEYMAP_RIGHT:
	case KEYMAP_CTRL('F'):
		p->pos = prompt_next_char(p, p->pos);
		return (1);
	case KEYMAP_HOME:
	case KEYMAP_CTRL('A'):
		p->pos = 0;
		return (1);
	case KEYMAP_END:
	case KEYMAP_CTRL('E'):
		p->pos = p->len;
		return (1);
	case KEYMAP_UP:
	case KEYMAP_CTRL('P'):
		prompt_browse(p, -1);
		return (1);
	case KEYMAP_DOWN:
	case KEYMAP_CTRL('N'):
		prompt_browse(p, 1);
		return (1);
	}
	return (0);
}

/*
 * Applies an editing key to the input line; returns 1 if it was one.
 * Bytes from 0x80 up are kept as they come, so text typed in UTF-8 is
 * searched for as UTF-8.
 */
static int
prompt_edit(struct prompt *p, int key)
{
	size_t	from, to;

	if (prompt_move(p, key))
		return (1);
	if (key == KEYMAP_BACKSPACE || key == 0x7f ||
	    key == KEYMAP_CTRL('H') || key == KEYMAP_DELETE) {
		if (key == KEYMAP_DELETE) {
			from = p->pos;
			to = prompt_next_char(p, p->pos);
		} else {
			to = p->pos;
			from = to > 0 ? quote_char_start(p->input, to - 1) : 0;
		}
		memmove(p->input + from, p->input + to, p->len - to + 1);
		p->len -= to - from;
		p->pos = from;
		return (1);
	}
	if (key == KEYMAP_CTRL('U')) {
		p->len = 0;
		p->pos = 0;
		p->input[0] = '\0';
		return (1);
	}
	if (key >= 0x20 && key < 0x100 && key != 0x7f) {
		if (p->len + 1 < sizeof p->input) {
			memmove(p->input + p->pos + 1, p->input + p->pos,
			    p->len - p->pos + 1);
			p->input[p->pos++] = (char)key;
			p->len++;
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
		if (p->hist != NULL)
			prompt_history_add(p->hist, line);
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
