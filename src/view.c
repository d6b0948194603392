/*
 * view.c: renders rows of bytes, the status line, prompts and the help
 * screen into a frame.
 *
 * The layout comes from format.c; attributes (cursor, unsaved bytes,
 * selection, match) are laid over it cell by cell.  A terminal too
 * small for one row says so instead of drawing a broken layout.
 */
#include "config.h"

#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "editor.h"
#include "format.h"
#include "frame.h"
#include "keymap.h"

#define VIEW_MAX_COLS	4096

static void	view_rows(struct editor *, struct frame *, int);
static void	view_row(struct editor *, struct frame *, int, uint64_t,
		    int);
static void	view_row_attrs(struct editor *, struct frame *, int,
		    uint64_t, size_t, int);
static void	view_status(struct editor *, struct frame *);
static void	view_prompt(struct editor *, struct frame *, int);
static void	view_status_line(struct editor *, struct frame *, unsigned);
static void	view_help(struct editor *, struct frame *);
static void	view_help_line(struct frame *, int, unsigned char,
		    const char *);
static void	view_too_small(struct editor *, struct frame *, size_t);
static size_t	view_read(struct editor *, uint64_t, unsigned char *,
		    unsigned char *, size_t);

void
view_render(struct editor *ed, struct frame *f)
{
	int	digits = format_offset_digits(ed->map->size);
	size_t	need = format_row_width(digits, ed->columns);

	frame_clear(f);
	if (f->rows < 2 || (size_t)f->cols < need) {
		view_too_small(ed, f, need);
		return;
	}
	if (ed->help)
		view_help(ed, f);
	else
		view_rows(ed, f, digits);
	view_status(ed, f);
}

static void
view_too_small(struct editor *ed, struct frame *f, size_t need)
{
	(void)ed;
	frame_printf(f, 0, 0, FRAME_ERROR, "terminal too small");
	frame_printf(f, 1, 0, FRAME_ERROR, "need %zux2, have %dx%d", need,
	    f->cols, f->rows);
}

/*
 * Reads n bytes at off into bytes; ok[i] says which could be read.
 * Falls back to byte by byte only when the whole row faults.
 */
static size_t
view_read(struct editor *ed, uint64_t off, unsigned char *bytes,
    unsigned char *ok, size_t n)
{
	size_t	i, bad = 0;

	if (mapping_read(ed->map, off, bytes, n) == 0) {
		memset(ok, 1, n);
		return (0);
	}
	for (i = 0; i < n; i++) {
		ok[i] = mapping_read(ed->map, off + i, bytes + i, 1) == 0;
		if (!ok[i] && bad++ == 0 && ed->fault == 0)
			ed->fault = off + i + 1;
	}
	return (bad);
}

static void
view_rows(struct editor *ed, struct frame *f, int digits)
{
	uint64_t	off = ed->top, size = ed->map->size;
	int		row;

	if (size == 0) {
		frame_printf(f, 0, 0, 0, "%0*x  (empty file: nothing to show)",
		    digits, 0);
		return;
	}
	for (row = 0; row < f->rows - 1 && off < size; row++) {
		view_row(ed, f, row, off, digits);
		if (size - off <= ed->columns)
			break;
		off += ed->columns;
	}
}

static void
view_row(struct editor *ed, struct frame *f, int row, uint64_t off,
    int digits)
{
	unsigned char	bytes[VIEW_MAX_COLS], ok[VIEW_MAX_COLS];
	char		line[VIEW_MAX_COLS * 5];
	size_t		n = ed->columns, width;

	if (n > VIEW_MAX_COLS)
		n = VIEW_MAX_COLS;
	if (n > ed->map->size - off)
		n = (size_t)(ed->map->size - off);
	width = format_row_width(digits, ed->columns);
	view_read(ed, off, bytes, ok, n);
	format_row(line, digits, ed->columns, off, bytes, ok, n);
	frame_put(f, row, 0, line, width, 0);
	view_row_attrs(ed, f, row, off, n, digits);
}

static void
view_row_attrs(struct editor *ed, struct frame *f, int row, uint64_t off,
    size_t n, int digits)
{
	size_t		i, hex, text;
	unsigned char	a;
	uint64_t	at;

	for (i = 0; i < n; i++) {
		at = off + i;
		a = 0;
		if (editor_is_dirty(ed, at))
			a |= FRAME_DIRTY;
		if (editor_in_selection(ed, at))
			a |= FRAME_SELECT;
		if (ed->has_match && at >= ed->match &&
		    at - ed->match < ed->matchlen)
			a |= FRAME_MATCH;
		hex = format_hex_col(digits, i);
		text = format_text_col(digits, ed->columns, i);
		if (at == ed->cursor) {
			frame_mark(f, row, (int)hex, 2, a | (ed->pane ==
			    EDITOR_HEX ? FRAME_CURSOR : FRAME_SHADOW));
			frame_mark(f, row, (int)text, 1, a | (ed->pane ==
			    EDITOR_TEXT ? FRAME_CURSOR : FRAME_SHADOW));
			f->cursor_row = row;
			f->cursor_col = (int)(ed->pane == EDITOR_HEX ?
			    hex + (size_t)ed->nibble : text);
		} else if (a != 0) {
			frame_mark(f, row, (int)hex, 2, a);
			frame_mark(f, row, (int)text, 1, a);
		}
	}
}

static void
view_status(struct editor *ed, struct frame *f)
{
	int		 row = f->rows - 1;
	uint64_t	 size = ed->map->size, cur = ed->cursor;
	unsigned	 pct;

	frame_mark(f, row, 0, (size_t)f->cols, FRAME_STATUS);
	if (ed->prompt != EDITOR_PROMPT_NONE) {
		view_prompt(ed, f, row);
		return;
	}
	if (ed->message[0] != '\0') {
		frame_printf(f, row, 0, FRAME_STATUS | (ed->message_error ?
		    FRAME_ERROR : 0), " %s", ed->message);
		return;
	}
	pct = size == 0 ? 0 : (unsigned)((double)(cur + 1) * 100 /
	    (double)size);
	view_status_line(ed, f, pct);
}

/*
 * Puts the prompt's label and input on row with the cursor after the
 * input; an input too long for the line shows its end.
 */
static void
view_prompt(struct editor *ed, struct frame *f, int row)
{
	size_t	lw, room, iw, cut;

	lw = frame_width(ed->prompt_label, strlen(ed->prompt_label), 0, NULL);
	room = (size_t)f->cols > lw + 1 ? (size_t)f->cols - lw - 1 : 0;
	iw = frame_width(ed->input, ed->inputlen, room, &cut);
	frame_put(f, row, 0, ed->prompt_label, strlen(ed->prompt_label),
	    FRAME_STATUS);
	frame_put(f, row, (int)lw, ed->input + cut, ed->inputlen - cut,
	    FRAME_STATUS);
	f->cursor_row = row;
	f->cursor_col = (int)(lw + iw);
	if (f->cursor_col >= f->cols)
		f->cursor_col = f->cols - 1;
}

/*
 * Lays out the position fields first and gives the path what width is
 * left, cutting it from the left so the file name stays visible.
 */
static void
view_status_line(struct editor *ed, struct frame *f, unsigned pct)
{
	char		 right[512], unsaved[64] = "";
	const char	*mode = mapping_mode_name(ed->map->mode);
	const char	*path = ed->map->path;
	uint64_t	 n = editor_unsaved(ed);
	size_t		 plen = strlen(path), room, fixed, cut;
	int		 note = ed->map->note[0] != '\0';

	if (n > 0)
		snprintf(unsaved, sizeof unsaved, "  ** %llu unsaved",
		    (unsigned long long)n);
	for (;;) {
		snprintf(right, sizeof right, "  0x%08llx (%llu) / 0x%llx "
		    "(%llu)  %u%%%s%s%s%s", (unsigned long long)ed->cursor,
		    (unsigned long long)ed->cursor,
		    (unsigned long long)ed->map->size,
		    (unsigned long long)ed->map->size, pct, unsaved,
		    ed->pane == EDITOR_TEXT ? "  [text]" : "",
		    note ? "  " : "", note ? ed->map->note : "");
		fixed = strlen(mode) + 3 + strlen(right);
		if (!note || fixed + 12 <= (size_t)f->cols)
			break;
		note = 0;
	}
	room = (size_t)f->cols > fixed ? (size_t)f->cols - fixed : 0;
	if (frame_width(path, plen, 0, NULL) <= room)
		frame_printf(f, f->rows - 1, 0, FRAME_STATUS, " %s  %s%s",
		    mode, path, right);
	else if (room > 3) {
		frame_width(path, plen, room - 3, &cut);
		frame_printf(f, f->rows - 1, 0, FRAME_STATUS, " %s  ...%s%s",
		    mode, path + cut, right);
	}
	else
		frame_printf(f, f->rows - 1, 0, FRAME_STATUS, " %s %s", mode,
		    right);
}

/* Puts one help line, keeping clear of the status line. */
static void
view_help_line(struct frame *f, int row, unsigned char attr, const char *s)
{
	if (row >= 0 && row < f->rows - 1)
		frame_put(f, row, 0, s, strlen(s), attr);
}

static void
view_help(struct editor *ed, struct frame *f)
{
	const struct command	*c;
	char			 keys[256], less[128], line[512];
	int			 row = -ed->help_top, n;

	view_help_line(f, row++, FRAME_TITLE, "maphex keys (Up/Down/PgDn "
	    "scroll, any other key closes)");
	row++;
	for (c = commands_table; c->name != NULL; c++) {
		n = keymap_keys_for(c->name, 0, keys, sizeof keys);
		if (ed->map->mode == MAPPING_READONLY &&
		    keymap_keys_for(c->name, 1, less, sizeof less) > 0) {
			snprintf(keys + strlen(keys), sizeof keys - strlen(keys),
			    "%s%s", n > 0 ? ", " : "", less);
			n++;
		}
		if (n == 0)
			continue;
		snprintf(line, sizeof line, "  %-34s %s", keys, c->help);
		view_help_line(f, row++, 0, line);
	}
	row++;
	view_help_line(f, row++, 0, "  Hex digits (hex pane) and printable "
	    "keys (text pane) overwrite the byte at the cursor.");
	view_help_line(f, row, 0, "  In read-only mode the keys of less work "
	    "too: q / ? n N g G Space b j k.");
}
