/*
 * commands.c: the command table, and the checks every command shares.
 *
 * The functions live in the cmd_*.c files, one file a kind (moving,
 * editing, the file, searching, the screen); this file only names them,
 * says what each needs, and refuses what cannot run: an edit in
 * read-only mode, or a command on a selection when there is none.
 */
#include "config.h"

#include "commands.h"

#include <string.h>

#include "cmd_edit.h"
#include "cmd_file.h"
#include "cmd_inspect.h"
#include "cmd_move.h"
#include "cmd_replace.h"
#include "cmd_resize.h"
#include "cmd_screen.h"
#include "cmd_search.h"
#include "session.h"

#define E	COMMAND_EDITS
#define S	COMMAND_SELECTION

const struct command commands_table[] = {
	{ "backward-char", cmd_backward_char, 0, "move one byte left" },
	{ "forward-char", cmd_forward_char, 0, "move one byte right" },
	{ "previous-line", cmd_previous_line, 0, "move one row up" },
	{ "next-line", cmd_next_line, 0, "move one row down" },
	{ "forward-block", cmd_forward_block, 0,
	    "move 4 bytes right (8 with --sector), as hexedit" },
	{ "backward-block", cmd_backward_block, 0,
	    "move 4 bytes left (8 with --sector)" },
	{ "next-rows", cmd_next_rows, 0,
	    "move 4 rows down (8 with --sector)" },
	{ "previous-rows", cmd_previous_rows, 0,
	    "move 4 rows up (8 with --sector)" },
	{ "page-down", cmd_page_down, 0, "move one screen down" },
	{ "page-up", cmd_page_up, 0, "move one screen up" },
	{ "page-from-cursor", cmd_page_from_cursor, 0,
	    "scroll so the screen starts at the cursor's row" },
	{ "beginning-of-line", cmd_beginning_of_line, 0,
	    "go to the row start" },
	{ "end-of-line", cmd_end_of_line, 0, "go to the row end" },
	{ "beginning-of-file", cmd_beginning_of_file, 0,
	    "go to the first byte" },
	{ "end-of-file", cmd_end_of_file, 0, "go to the last byte" },
	{ "follow", cmd_follow, 0,
	    "follow the end as the file grows (tail -f); any key stops" },
	{ "goto-offset", cmd_goto_offset, 0,
	    "go to an offset: 0x1f, 31, +16, -0x10, end-16, 50%" },
	{ "set-bookmark", cmd_set_bookmark, 0,
	    "set a bookmark (a-z) at the cursor" },
	{ "jump-bookmark", cmd_jump_bookmark, 0,
	    "list the bookmarks and jump to one" },
	{ "back", cmd_back, 0,
	    "back to the position before the last jump (go-to, search, "
	    "bookmark)" },
	{ "switch-pane", cmd_switch_pane, 0, "switch between hex and text" },
	{ "quoted-insert", cmd_quoted_insert, E,
	    "type the next key as a byte" },
	{ "search-forward", cmd_search_forward, 0,
	    "search forward (Tab in the prompt: hex/text/ignore case/regex)" },
	{ "search-backward", cmd_search_backward, 0, "search backward" },
	{ "search-next", cmd_search_next, 0,
	    "repeat the last search (wraps around the end)" },
	{ "search-previous", cmd_search_previous, 0,
	    "repeat the last search the other way" },
	{ "undo", cmd_undo, E, "undo one step" },
	{ "redo", cmd_redo, E, "redo one step" },
	{ "undo-bytes", cmd_undo_bytes, E,
	    "put back the saved values of the unsaved bytes just before the "
	    "cursor (as hexedit)" },
	{ "undo-all", cmd_undo_all, E,
	    "undo all unsaved changes (Ctrl-/ too; Esc-U redoes them)" },
	{ "save", cmd_save, E, "save (flush) the changes to the file" },
	{ "save-as", cmd_save_as, 0,
	    "save everything to a new file and go on editing it" },
	{ "open-file", cmd_open_file, 0,
	    "open another file (asks about unsaved changes first)" },
	{ "quit", cmd_quit, 0, "quit (asks when there are unsaved changes)" },
	{ "quit-discard", cmd_quit_discard, 0,
	    "quit, discarding unsaved changes" },
	{ "mark-here", cmd_mark_here, 0, "set the mark at the cursor" },
	{ "set-mark", cmd_set_mark, 0, "set or clear the mark" },
	{ "copy", cmd_copy, S, "copy the selection" },
	{ "paste", cmd_paste, E, "paste over the bytes at the cursor" },
	{ "save-selection", cmd_save_selection, 0,
	    "write the selection (else the copied bytes) to a file" },
	{ "fill-selection", cmd_fill_selection, E | S,
	    "fill the selection with hex bytes (text in the text pane)" },
	{ "truncate", cmd_truncate, E, "truncate the file at the cursor" },
	{ "inspector", cmd_inspector, 0,
	    "data inspector pane on / off (Tab reaches it)" },
	{ "inspector-previous-row", cmd_inspector_previous_row, 0,
	    "inspector pane: the row above" },
	{ "inspector-next-row", cmd_inspector_next_row, 0,
	    "inspector pane: the row below" },
	{ "inspector-edit", cmd_inspector_edit, E,
	    "inspector pane: type a value for the row, written at the cursor" },
	{ "inspector-byte-order", cmd_inspector_byte_order, 0,
	    "inspector pane: little- / big-endian" },
	{ "inspector-follow", cmd_inspector_follow, 0,
	    "inspector pane: go to the offset an integer row holds" },
	{ "replace", cmd_replace, E,
	    "replace from the cursor: y/n/a(ll)/q, same length only" },
	{ "insert-mode", cmd_insert_mode, E,
	    "insert mode on/off (INS): typed bytes are inserted" },
	{ "delete", cmd_delete, E,
	    "delete the byte at the cursor, or the selection" },
	{ "resize", cmd_resize, E,
	    "extend or truncate to a size: 4k, 0x1000, +1M, -16" },
	{ "copy-to-cursor", cmd_copy_to_cursor, E,
	    "mark the selection as a block; again: copy it over the bytes "
	    "at the cursor (memmove, no size limit but undo's)" },
	{ "help", cmd_help, 0, "show this help" },
	{ "redraw", cmd_redraw, 0, "redraw the screen" },
	{ "suspend", cmd_suspend, 0, "suspend maphex (fg resumes)" },
	{ NULL, NULL, 0, NULL }
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
commands_run(struct session *s, const char *name)
{
	const struct command	*c;
	uint64_t		 start, len;

	if ((c = commands_find(name)) == NULL)
		return (-1);
	if ((c->flags & COMMAND_EDITS) && session_refuse_edit(s))
		return (0);
	if ((c->flags & COMMAND_SELECTION) &&
	    !window_selection(session_window(s), &start, &len)) {
		session_message(s, 1, "no selection: set the mark first "
		    "(Ctrl-Space or F9)");
		return (0);
	}
	return (c->fn(s));
}
