/*
 * view.c: renders the windows' rows of bytes, the status line, prompts
 * and the help screen into a frame.
 *
 * The regions come from layout.c and the row text from format.c;
 * attributes (cursor, unsaved bytes, selection, match, bytes another
 * process changed) are laid over it
 * cell by cell.  A terminal too small for one row says so instead of
 * drawing a broken layout.  The session is read, never written.
 */
#include "config.h"

#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "format.h"
#include "frame.h"
#include "help.h"
#include "layout.h"
#include "outside.h"
#include "quote.h"
#include "session.h"
#include "view_inspect.h"

#define VIEW_MAX_COLS	4096

/* What one window's rows are drawn with. */
struct view_win {
	const struct session	*s;
	const struct window	*w;
	const struct region	*r;
	int			 focused;
	int			 digits;
	uint64_t		 fault;	/* first unreadable offset + 1 */
};

static void	view_rows(struct view_win *, struct frame *);
static void	view_row(struct view_win *, struct frame *, int, uint64_t);
static void	view_row_attrs(const struct view_win *, struct frame *, int,
		    uint64_t, size_t);
static void	view_status(const struct session *, struct frame *);
static void	view_prompt(const struct session *, struct frame *, int);
static void	view_status_line(const struct session *, struct frame *,
		    unsigned);
static void	view_status_right(const struct session *, int, unsigned,
		    char *, size_t);
static void	view_status_watch(const struct session *, int, char *,
		    size_t);
static void	view_help(const struct session *, const struct region *,
		    struct frame *);
static void	view_too_small(const struct session *, struct frame *,
		    size_t);
static void	view_read(struct view_win *, uint64_t, unsigned char *,
		    unsigned char *, size_t);

uint64_t
view_render(const struct session *s, struct frame *f)
{
	struct layout	l;
	struct view_win	v;
	uint64_t	fault = 0;
	int		i;

	frame_clear(f);
	layout_make(&l, s, f->rows, f->cols);
	if (l.too_small) {
		view_too_small(s, f, l.need);
		return (0);
	}
	if (s->help)
		view_help(s, &l.win[s->focus], f);
	else
		for (i = 0; i < s->nwin; i++) {
			memset(&v, 0, sizeof v);
			v.s = s;
			v.w = &s->win[i];
			v.r = &l.win[i];
			v.focused = i == s->focus;
			v.digits = l.digits;
			view_rows(&v, f);
			if (fault == 0)
				fault = v.fault;
		}
	if (!s->help)
		view_inspect(s, &l.side, f);
	view_status(s, f);
	return (fault);
}

/*
 * Says the screen is too small; the quit prompt, or the message that
 * says which keys work, takes the last row when there are three.
 */
static void
view_too_small(const struct session *s, struct frame *f, size_t need)
{
	frame_printf(f, 0, 0, FRAME_ERROR, "terminal too small");
	frame_printf(f, 1, 0, FRAME_ERROR, "need %zux2, have %dx%d", need,
	    f->cols, f->rows);
	if (s->prompt.active && f->rows > 0)
		view_prompt(s, f, f->rows - 1);
	else if (f->rows > 2 && s->message[0] != '\0')
		frame_printf(f, f->rows - 1, 0, FRAME_ERROR, "%s", s->message);
}

/*
 * Reads n bytes at off into bytes; ok[i] says which could be read.
 * Falls back to byte by byte only when the whole row faults.
 */
static void
view_read(struct view_win *v, uint64_t off, unsigned char *bytes,
    unsigned char *ok, size_t n)
{
	size_t	i;

	if (doc_read(v->s->doc, off, bytes, n) == 0) {
		memset(ok, 1, n);
		return;
	}
	for (i = 0; i < n; i++) {
		ok[i] = doc_read(v->s->doc, off + i, bytes + i, 1) == 0;
		if (!ok[i] && v->fault == 0)
			v->fault = off + i + 1;
	}
}

static void
view_rows(struct view_win *v, struct frame *f)
{
	uint64_t	off = v->w->top, size = doc_size(v->s->doc);
	int		row, append;

	/* A row of its own for the cursor just past a full last row. */
	append = v->w->cursor == size && size % v->w->columns == 0 &&
	    doc_mode(v->s->doc) == MAPPING_DIRECT;
	if (size == 0 && !append) {
		frame_printf(f, v->r->row, 0, 0, "%0*x  (empty file: nothing "
		    "to show)", v->digits, 0);
		return;
	}
	for (row = 0; row < v->r->rows && (off < size ||
	    (append && off == size)); row++) {
		view_row(v, f, v->r->row + row, off);
		if (size - off < v->w->columns ||
		    (size - off == v->w->columns && !append))
			break;
		off += v->w->columns;
	}
	if (size == 0 && v->r->rows > 1)
		frame_printf(f, v->r->row + 1, 0, 0, "%*s  (empty file: typing "
		    "appends)", v->digits, "");
}

static void
view_row(struct view_win *v, struct frame *f, int row, uint64_t off)
{
	unsigned char	bytes[VIEW_MAX_COLS], ok[VIEW_MAX_COLS];
	char		line[VIEW_MAX_COLS * 5];
	size_t		n = v->w->columns, width;

	if (n > VIEW_MAX_COLS)
		n = VIEW_MAX_COLS;
	if (n > doc_size(v->s->doc) - off)
		n = (size_t)(doc_size(v->s->doc) - off);
	width = format_row_width(v->digits, v->w->columns);
	view_read(v, off, bytes, ok, n);
	format_row(line, v->digits, v->w->columns, off, bytes, ok, n);
	frame_put(f, row, v->r->col, line, width, 0);
	view_row_attrs(v, f, row, off, n);
}

static void
view_row_attrs(const struct view_win *v, struct frame *f, int row,
    uint64_t off, size_t n)
{
	const struct session	*s = v->s;
	const struct window	*w = v->w;
	size_t			 i, hex, text;
	uint16_t		 a;
	uint64_t		 at;

	for (i = 0; i < n; i++) {
		at = off + i;
		a = 0;
		if (session_is_dirty(s, at))
			a |= FRAME_DIRTY;
		if (session_is_outside(s, at))
			a |= FRAME_OUTSIDE;
		if (window_in_selection(w, at))
			a |= FRAME_SELECT;
		if (s->has_match && at >= s->match &&
		    at - s->match < s->matchlen)
			a |= FRAME_MATCH;
		hex = format_hex_col(v->digits, i);
		text = format_text_col(v->digits, w->columns, i);
		if (at == w->cursor) {
			frame_mark(f, row, (int)hex, 2, a | (w->pane ==
			    WINDOW_HEX && v->focused ? FRAME_CURSOR :
			    FRAME_SHADOW));
			frame_mark(f, row, (int)text, 1, a | (w->pane ==
			    WINDOW_TEXT && v->focused ? FRAME_CURSOR :
			    FRAME_SHADOW));
			if (v->focused) {
				f->cursor_row = row;
				f->cursor_col = (int)(w->pane == WINDOW_HEX ?
				    hex + (size_t)w->nibble : text);
			}
		} else if (a != 0) {
			frame_mark(f, row, (int)hex, 2, a);
			frame_mark(f, row, (int)text, 1, a);
		}
	}
	/* The cursor just past the last byte, where typing appends. */
	if (w->cursor == off + n && n < w->columns &&
	    off + n == doc_size(s->doc)) {
		hex = format_hex_col(v->digits, n);
		text = format_text_col(v->digits, w->columns, n);
		frame_mark(f, row, (int)hex, 2, v->focused && w->pane ==
		    WINDOW_HEX ? FRAME_CURSOR : FRAME_SHADOW);
		frame_mark(f, row, (int)text, 1, v->focused && w->pane ==
		    WINDOW_TEXT ? FRAME_CURSOR : FRAME_SHADOW);
		if (v->focused) {
			f->cursor_row = row;
			f->cursor_col = (int)(w->pane == WINDOW_HEX ? hex : text);
		}
	}
}

static void
view_status(const struct session *s, struct frame *f)
{
	int		 row = f->rows - 1;
	uint64_t	 size = doc_size(s->doc);
	uint64_t	 cur = session_cwindow(s)->cursor;
	unsigned	 pct;
	char		 watch[160];

	frame_mark(f, row, 0, (size_t)f->cols, FRAME_STATUS);
	if (s->prompt.active) {
		view_prompt(s, f, row);
		return;
	}
	if (s->message[0] != '\0') {
		/* A message must not hide that the view follows or changed. */
		view_status_watch(s, 2, watch, sizeof watch);
		frame_printf(f, row, 0, FRAME_STATUS | (s->message_error ?
		    FRAME_ERROR : 0), " %s%s", s->message, watch);
		return;
	}
	/* 0% on the first byte, 100% on the last (and past it). */
	pct = size == 0 ? 0 : cur + 1 >= size ? 100 : (unsigned)((double)cur *
	    100 / (double)(size - 1));
	view_status_line(s, f, pct);
}

/*
 * Puts the prompt's label and input on row with the cursor after the
 * input; an input too long for the line shows its end.
 */
static void
view_prompt(const struct session *s, struct frame *f, int row)
{
	size_t	lw, room, iw, cut;

	lw = frame_width(s->prompt.label, strlen(s->prompt.label), 0, NULL);
	room = (size_t)f->cols > lw + 1 ? (size_t)f->cols - lw - 1 : 0;
	iw = frame_width(s->prompt.input, s->prompt.len, room, &cut);
	frame_put(f, row, 0, s->prompt.label, strlen(s->prompt.label),
	    FRAME_STATUS);
	frame_put(f, row, (int)lw, s->prompt.input + cut, s->prompt.len - cut,
	    FRAME_STATUS);
	/* The editing cursor, inside the part of the line shown. */
	if (s->prompt.pos >= cut)
		iw = frame_width(s->prompt.input + cut, s->prompt.pos - cut, 0,
		    NULL);
	else
		iw = 0;
	f->cursor_row = row;
	f->cursor_col = (int)(lw + iw);
	if (f->cursor_col >= f->cols)
		f->cursor_col = f->cols - 1;
}

/*
 * Writes the status line's words for following and for bytes another
 * process changed into buf, shorter for a higher level (see
 * view_status_right()), or "".
 */
static void
view_status_watch(const struct session *s, int level, char *buf,
    size_t len)
{
	uint64_t	first = 0, n = outside_count(&s->outside, &first);
	char		changed[96] = "";

	if (n > 0 && level < 4)
		snprintf(changed, sizeof changed, "  changed by another "
		    "process: %llu byte%s at 0x%llx", (unsigned long long)n,
		    n == 1 ? "" : "s", (unsigned long long)first);
	else if (n > 0)
		snprintf(changed, sizeof changed, " CHANGED");
	snprintf(buf, len, "%s%s", !s->follow ? "" : level < 2 ?
	    "  FOLLOW (any key stops)" : level < 4 ? "  FOLLOW" : " F",
	    changed);
}

/*
 * Writes the status line's fields after the path into buf, shorter for
 * a higher level: 0 all, 1 without the mode's note, 2 without "(in
 * file, not flushed)", 3 without the size, 4 only the hex cursor and
 * the unsaved mark.  The mode, the unsaved mark, the cursor and the
 * words of view_status_watch() stay at every level.
 */
static void
view_status_right(const struct session *s, int level, unsigned pct,
    char *buf, size_t len)
{
	const struct window	*w = session_cwindow(s);
	uint64_t		 n = session_unsaved(s), size = doc_size(s->doc);
	int			 digits = format_offset_digits(size);
	char			 unsaved[64] = "", where[128], watch[128];
	const char		*notes = doc_note(s->doc);
	const char		*gone = s->path_state == MAPPING_PATH_GONE ?
				    "  [deleted]" : s->path_state ==
				    MAPPING_PATH_REPLACED ? "  [replaced]" :
				    s->in_memory && level < 3 ?
				    "  [not saved]" : "";

	if (n > 0 && level >= 4)
		snprintf(unsaved, sizeof unsaved, " **");
	else if (n > 0)
		snprintf(unsaved, sizeof unsaved, "  ** %llu unsaved%s",
		    (unsigned long long)n, level >= 2 ? "" :
		    s->in_memory || (doc_anonymous(s->doc) &&
		    doc_mode(s->doc) != MAPPING_DIRECT) ?
		    " (in memory: F2 saves as)" :
		    doc_mode(s->doc) == MAPPING_DIRECT ?
		    " (in file, not flushed)" : "");
	if (level >= 4)
		snprintf(where, sizeof where, " 0x%0*llx", digits,
		    (unsigned long long)w->cursor);
	else if (level >= 3)
		snprintf(where, sizeof where, "  0x%0*llx (%llu)  %u%%",
		    digits, (unsigned long long)w->cursor,
		    (unsigned long long)w->cursor, pct);
	else
		snprintf(where, sizeof where, "  0x%0*llx (%llu) / 0x%llx "
		    "(%llu)  %u%%", digits, (unsigned long long)w->cursor,
		    (unsigned long long)w->cursor, (unsigned long long)size,
		    (unsigned long long)size, pct);
	view_status_watch(s, level, watch, sizeof watch);
	snprintf(buf, len, "%s%s%s%s%s%s%s%s", where, gone, unsaved, watch,
	    level >= 4 ? "" : w->pane == WINDOW_TEXT ? "  [text]" :
	    w->pane == WINDOW_INSPECT ? "  [inspector]" : "",
	    s->insert_mode ? "  INS" : "",
	    notes[0] != '\0' && level == 0 ? "  " : "",
	    level == 0 ? notes : "");
}

/*
 * Lays out the position fields first, as short as the width needs,
 * and gives the path what width is left, cutting its middle so that
 * both the start and the file name stay visible.
 */
static void
view_status_line(const struct session *s, struct frame *f, unsigned pct)
{
	char		 right[512];
	const char	*mode = mapping_mode_name(doc_mode(s->doc));
	const char	*path = doc_path(s->doc);
	const char	*name;
	size_t		 plen = strlen(path), room, fixed, cut, head, namew;
	size_t		 cols = f->cols > 0 ? (size_t)f->cols : 0;
	int		 level;

	for (level = 0; level < 4; level++) {
		view_status_right(s, level, pct, right, sizeof right);
		fixed = strlen(mode) + 3 + strlen(right);
		if (fixed + (plen < 12 ? plen : 12) <= cols)
			break;
	}
	if (level == 4)
		view_status_right(s, level, pct, right, sizeof right);
	fixed = strlen(mode) + 3 + strlen(right);
	room = cols > fixed ? cols - fixed : 0;
	if (frame_width(path, plen, 0, NULL) <= room)
		frame_printf(f, f->rows - 1, 0, FRAME_STATUS, " %s  %s%s",
		    mode, path, right);
	else if (room > 7) {
		/* The start, "...", and the end with the whole file name. */
		name = strrchr(path, '/') != NULL ? strrchr(path, '/') : path;
		namew = frame_width(name, strlen(name), 0, NULL);
		head = room - 3 > namew ? room - 3 - namew : 0;
		if (head > (room - 3) / 3)
			head = (room - 3) / 3;
		head = quote_char_start(path, head);
		frame_width(path + head, plen - head, room - 3 - head, &cut);
		frame_printf(f, f->rows - 1, 0, FRAME_STATUS, " %s  %.*s...%s%s",
		    mode, (int)head, path, path + head + cut, right);
	} else
		frame_printf(f, f->rows - 1, 0, FRAME_STATUS, " %s%s", mode,
		    right);
}

/* Draws the help screen, scrolled, into region r. */
static void
view_help(const struct session *s, const struct region *r, struct frame *f)
{
	struct help	h;
	int		i, row;

	help_build(&h, doc_mode(s->doc) == MAPPING_READONLY);
	for (i = s->help_top; i < h.n; i++) {
		row = r->row + i - s->help_top;
		if (row >= r->row + r->rows)
			break;
		frame_put(f, row, r->col, h.line[i], strlen(h.line[i]),
		    h.title[i] ? FRAME_TITLE : 0);
	}
}
