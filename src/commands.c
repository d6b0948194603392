/*
 * commands.c: the command table, and the commands that move the cursor,
 * switch panes and show help.
 *
 * Editing, searching and prompts live in commands_edit.c,
 * commands_search.c and prompt.c; this file holds the table that names
 * them all.  Commands change editor state and return EDITOR_ flags;
 * they never draw.
 */
#include "config.h"

#include "commands.h"

#include <string.h>

#include "editor.h"
#include "keymap.h"

static int	cmd_backward_char(struct editor *);
static int	cmd_forward_char(struct editor *);
static int	cmd_previous_line(struct editor *);
static int	cmd_next_line(struct editor *);
static int	cmd_page_down(struct editor *);
static int	cmd_page_up(struct editor *);
static int	cmd_beginning_of_line(struct editor *);
static int	cmd_end_of_line(struct editor *);
static int	cmd_beginning_of_file(struct editor *);
static int	cmd_end_of_file(struct editor *);
static int	cmd_goto_offset(struct editor *);
static int	cmd_switch_pane(struct editor *);
static int	cmd_quoted_insert(struct editor *);
static int	cmd_help(struct editor *);
static int	cmd_redraw(struct editor *);
static int	cmd_suspend(struct editor *);

const struct command commands_table[] = {
	{ "backward-char", cmd_backward_char, "move one byte left" },
	{ "forward-char", cmd_forward_char, "move one byte right" },
	{ "previous-line", cmd_previous_line, "move one row up" },
	{ "next-line", cmd_next_line, "move one row down" },
	{ "page-down", cmd_page_down, "move one screen down" },
	{ "page-up", cmd_page_up, "move one screen up" },
	{ "beginning-of-line", cmd_beginning_of_line, "go to the row start" },
	{ "end-of-line", cmd_end_of_line, "go to the row end" },
	{ "beginning-of-file", cmd_beginning_of_file,
	    "go to the first byte" },
	{ "end-of-file", cmd_end_of_file, "go to the last byte" },
	{ "goto-offset", cmd_goto_offset,
	    "go to an offset: 0x1f, 31, +16, -0x10, end-16, 50%" },
	{ "switch-pane", cmd_switch_pane, "switch between hex and text" },
	{ "quoted-insert", cmd_quoted_insert,
	    "type the next key as a byte" },
	{ "search-forward", cmd_search_forward,
	    "search forward (Tab in the prompt: hex/text/ignore case)" },
	{ "search-backward", cmd_search_backward, "search backward" },
	{ "search-next", cmd_search_next, "repeat the last search" },
	{ "search-previous", cmd_search_previous,
	    "repeat the last search the other way" },
	{ "undo", cmd_undo, "undo one step" },
	{ "redo", cmd_redo, "redo one step" },
	{ "undo-all", cmd_undo_all, "undo all unsaved changes" },
	{ "save", cmd_save, "save (flush) the changes to the file" },
	{ "quit", cmd_quit, "quit (asks when there are unsaved changes)" },
	{ "quit-discard", cmd_quit_discard,
	    "quit, discarding unsaved changes" },
	{ "set-mark", cmd_set_mark, "set or clear the mark" },
	{ "copy", cmd_copy, "copy the selection" },
	{ "paste", cmd_paste, "paste over the bytes at the cursor" },
	{ "save-selection", cmd_save_selection,
	    "write the selection to a file" },
	{ "fill-selection", cmd_fill_selection,
	    "fill the selection with hex bytes" },
	{ "truncate", cmd_truncate, "truncate the file at the cursor" },
	{ "help", cmd_help, "show this help" },
	{ "redraw", cmd_redraw, "redraw the screen" },
	{ "suspend", cmd_suspend, "suspend maphex (fg resumes)" },
	{ NULL, NULL, NULL }
};

const struct command *
commands_find(const char *name)
{
	const struct command	*c;

	for (c = commands_table; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return (c);
	return (NULL);
}

int
editor_command(struct editor *ed, const char *name)
{
	const struct command	*c;

	if ((c = commands_find(name)) == NULL)
		return (-1);
	return (c->fn(ed));
}

static int
cmd_backward_char(struct editor *ed)
{
	if (ed->nibble)
		ed->nibble = 0;
	else if (ed->cursor > 0)
		editor_goto(ed, ed->cursor - 1);
	return (0);
}

static int
cmd_forward_char(struct editor *ed)
{
	editor_goto(ed, ed->cursor + 1);
	return (0);
}

static int
cmd_previous_line(struct editor *ed)
{
	if (ed->cursor >= ed->columns)
		editor_goto(ed, ed->cursor - ed->columns);
	return (0);
}

static int
cmd_next_line(struct editor *ed)
{
	if (ed->map->size > ed->columns &&
	    ed->cursor < ed->map->size - ed->columns)
		editor_goto(ed, ed->cursor + ed->columns);
	return (0);
}

static int
cmd_page_down(struct editor *ed)
{
	uint64_t	page = (uint64_t)ed->rows * ed->columns;
	uint64_t	size = ed->map->size;

	if (size == 0 || ed->cursor >= size - 1)
		return (0);
	if (size - 1 - ed->cursor < page) {
		editor_goto(ed, size - 1);
		return (0);
	}
	ed->top += page;
	editor_goto(ed, ed->cursor + page);
	return (0);
}

static int
cmd_page_up(struct editor *ed)
{
	uint64_t	page = (uint64_t)ed->rows * ed->columns;

	if (ed->cursor < page) {
		ed->top = 0;
		editor_goto(ed, ed->cursor % ed->columns);
		return (0);
	}
	ed->top = ed->top >= page ? ed->top - page : 0;
	editor_goto(ed, ed->cursor - page);
	return (0);
}

static int
cmd_beginning_of_line(struct editor *ed)
{
	editor_goto(ed, ed->cursor - ed->cursor % ed->columns);
	return (0);
}

static int
cmd_end_of_line(struct editor *ed)
{
	editor_goto(ed, ed->cursor - ed->cursor % ed->columns +
	    ed->columns - 1);
	return (0);
}

static int
cmd_beginning_of_file(struct editor *ed)
{
	editor_goto(ed, 0);
	return (0);
}

static int
cmd_end_of_file(struct editor *ed)
{
	editor_goto(ed, ed->map->size);
	return (0);
}

static int
cmd_goto_offset(struct editor *ed)
{
	commands_prompt_open(ed, EDITOR_PROMPT_GOTO, "Go to offset: ");
	return (0);
}

static int
cmd_switch_pane(struct editor *ed)
{
	ed->pane = ed->pane == EDITOR_HEX ? EDITOR_TEXT : EDITOR_HEX;
	ed->nibble = 0;
	return (0);
}

static int
cmd_quoted_insert(struct editor *ed)
{
	if (editor_refuse_edit(ed))
		return (0);
	ed->quote = 1;
	editor_message(ed, 0, "quoted insert: the next key is typed as a "
	    "byte");
	return (0);
}

static int
cmd_help(struct editor *ed)
{
	ed->help = 1;
	ed->help_top = 0;
	return (0);
}

int
commands_help_lines(void)
{
	const struct command	*c;
	int			 n = 0;

	for (c = commands_table; c->name != NULL; c++)
		n++;
	return (n + 6);
}

int
commands_help_key(struct editor *ed, int key)
{
	int	page = ed->rows > 1 ? ed->rows - 1 : 1;
	int	last = commands_help_lines() - page;

	switch (key) {
	case KEYMAP_DOWN:
	case 'j':
	case KEYMAP_CTRL('N'):
		ed->help_top++;
		break;
	case KEYMAP_UP:
	case 'k':
	case KEYMAP_CTRL('P'):
		ed->help_top--;
		break;
	case KEYMAP_PGDN:
	case ' ':
	case KEYMAP_CTRL('V'):
		ed->help_top += page;
		break;
	case KEYMAP_PGUP:
	case 'b':
		ed->help_top -= page;
		break;
	default:
		ed->help = 0;
		return (0);
	}
	if (ed->help_top > last)
		ed->help_top = last;
	if (ed->help_top < 0)
		ed->help_top = 0;
	return (0);
}

static int
cmd_redraw(struct editor *ed)
{
	(void)ed;
	return (EDITOR_REPAINT);
}

static int
cmd_suspend(struct editor *ed)
{
	(void)ed;
	return (EDITOR_SUSPEND);
}
