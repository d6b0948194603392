/*
 * view_inspect.c: the inspector pane.
 *
 * Two heading lines (byte order and offset, then the selection's
 * length) and a line a row: the type's name and its value.  When the
 * region is shorter than the rows, they scroll so that the selected
 * one stays on screen.  Values come from inspect.c, which never yields
 * a control byte.
 */
#include "config.h"

#include "view_inspect.h"

#include "frame.h"
#include "inspect.h"
#include "inspect_read.h"
#include "layout.h"
#include "session.h"

#define VIEW_INSPECT_HEAD	2	/* heading lines above the rows */

static void	view_inspect_head(const struct session *,
		    const struct region *, struct frame *);
static int	view_inspect_top(const struct session *, int);

static void
view_inspect_head(const struct session *s, const struct region *r,
    struct frame *f)
{
	const struct window	*w = session_cwindow(s);
	uint64_t		 start, len;
	int			 col = r->col + 1;

	frame_printf(f, r->row, col, FRAME_TITLE, "inspector, %s at 0x%llx",
	    s->inspector.be ? "big-endian" : "little-endian",
	    (unsigned long long)w->cursor);
	if (r->rows < 2)
		return;
	if (window_selection(w, &start, &len))
		frame_printf(f, r->row + 1, col, 0, "selection: %llu byte%s "
		    "(0x%llx)", (unsigned long long)len, len == 1 ? "" : "s",
		    (unsigned long long)len);
	else
		frame_printf(f, r->row + 1, col, 0, "e: byte order, f: follow");
}

/* The first row to show so that the selected one is on screen. */
static int
view_inspect_top(const struct session *s, int shown)
{
	int	top = s->inspector.row - shown + 1;

	return (top > 0 && shown > 0 ? top : 0);
}

void
view_inspect(const struct session *s, const struct region *r,
    struct frame *f)
{
	const struct window	*w = session_cwindow(s);
	struct inspect_bytes	 b;
	char			 value[INSPECT_TEXT];
	int			 shown = r->rows - VIEW_INSPECT_HEAD, top, t, row;
	int			 active = w->pane == WINDOW_INSPECT;

	if (r->cols <= 0 || r->rows <= 0)
		return;
	view_inspect_head(s, r, f);
	inspect_read(s->doc, w->cursor, &b);
	top = view_inspect_top(s, shown);
	for (t = top; t < INSPECT_ROWS && t - top < shown; t++) {
		row = r->row + VIEW_INSPECT_HEAD + t - top;
		inspect_decode(t, s->inspector.be, &b, value);
		frame_printf(f, row, r->col + 1, 0, "%-9s %s",
		    inspect_types[t].name, value);
		if (t != s->inspector.row)
			continue;
		frame_mark(f, row, r->col + 1, (size_t)(r->cols - 1), active ?
		    FRAME_CURSOR : FRAME_SHADOW);
		if (active) {
			f->cursor_row = row;
			f->cursor_col = r->col + 11;
		}
	}
}
