/*
 * prompt.c: the one-line prompt on the status line.
 *
 * A prompt collects a line of text (an offset, a pattern, a file name,
 * fill bytes) or a one-key answer (save / discard / cancel), then hands
 * it to the command that opened it.  Editing is deliberately small:
 * type, Backspace, Ctrl-U to clear; Return submits; Esc, Ctrl-G and
 * Ctrl-C cancel.
 */
#include "config.h"

#include "commands.h"

#include <stdio.h>
#include <string.h>

#include "editor.h"
#include "keymap.h"
#include "offset.h"
#include "quote.h"

static int	prompt_submit(struct editor *);
static void	prompt_close(struct editor *);
static int	prompt_edit(struct editor *, int);

void
commands_prompt_open(struct editor *ed, int kind, const char *label)
{
	ed->prompt = kind;
	snprintf(ed->prompt_label, sizeof ed->prompt_label, "%s", label);
	ed->input[0] = '\0';
	ed->inputlen = 0;
}

static void
prompt_close(struct editor *ed)
{
	ed->prompt = EDITOR_PROMPT_NONE;
	ed->input[0] = '\0';
	ed->inputlen = 0;
}

/* Hands the finished line to its command; returns EDITOR_ flags. */
static int
prompt_submit(struct editor *ed)
{
	char	line[sizeof ed->input];
	int	kind = ed->prompt;

	memcpy(line, ed->input, sizeof line);
	prompt_close(ed);
	switch (kind) {
	case EDITOR_PROMPT_GOTO:
		return (commands_goto_submit(ed, line));
	case EDITOR_PROMPT_SEARCH:
		return (commands_search_submit(ed, line));
	case EDITOR_PROMPT_FILL:
		return (commands_fill_submit(ed, line));
	case EDITOR_PROMPT_SAVE_SELECTION:
		return (commands_save_selection_submit(ed, line));
	}
	return (0);
}

/*
 * Applies an editing key to the input line; returns 1 if it was one.
 * Bytes from 0x80 up are kept as they come, so text typed in UTF-8 is
 * searched for as UTF-8.
 */
static int
prompt_edit(struct editor *ed, int key)
{
	if (key == KEYMAP_BACKSPACE || key == 0x7f ||
	    key == KEYMAP_CTRL('H')) {
		if (ed->inputlen > 0)
			ed->inputlen = quote_char_start(ed->input,
			    ed->inputlen - 1);
		ed->input[ed->inputlen] = '\0';
		return (1);
	}
	if (key == KEYMAP_CTRL('U')) {
		ed->inputlen = 0;
		ed->input[0] = '\0';
		return (1);
	}
	if (key >= 0x20 && key < 0x100 && key != 0x7f) {
		if (ed->inputlen + 1 < sizeof ed->input) {
			ed->input[ed->inputlen++] = (char)key;
			ed->input[ed->inputlen] = '\0';
		}
		return (1);
	}
	return (0);
}

int
commands_prompt_key(struct editor *ed, int key)
{
	if (ed->prompt == EDITOR_PROMPT_QUIT)
		return (commands_quit_answer(ed, key));
	if (ed->prompt == EDITOR_PROMPT_TRUNCATE)
		return (commands_truncate_answer(ed, key));
	if (key == KEYMAP_ESC || key == KEYMAP_CTRL('G') ||
	    key == KEYMAP_CTRL('C')) {
		prompt_close(ed);
		editor_message(ed, 0, "cancelled");
		return (0);
	}
	if (key == '\r' || key == '\n')
		return (prompt_submit(ed));
	if (key == '\t' && ed->prompt == EDITOR_PROMPT_SEARCH) {
		commands_search_toggle(ed);
		return (0);
	}
	if (!prompt_edit(ed, key))
		editor_message(ed, 1, "Return to accept, Esc to cancel");
	return (0);
}

int
commands_goto_submit(struct editor *ed, const char *text)
{
	char		err[256];
	uint64_t	off;

	if (offset_parse(text, ed->cursor, ed->map->size, &off, err,
	    sizeof err) == -1) {
		editor_message(ed, 1, "%s", err);
		return (0);
	}
	editor_goto(ed, off);
	return (0);
}
