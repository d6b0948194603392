/*
 * layout.c: the screen's regions.
 *
 * The windows share the rows above the status line, the focused one
 * first taking any row left over; the side pane (the inspector), when
 * shown, takes columns from the right, or on a narrow screen rows from
 * the bottom.  A screen too small for one row of
 * bytes and the status line is marked so: the view says so, a prompt
 * that was open is cancelled, and input lets only quit and redraw
 * act.
 */
#include "config.h"

#include "layout.h"

#include <string.h>

#include "doc.h"
#include "format.h"

#define LAYOUT_COLUMNS		16	/* bytes a row without -c or -m */

static size_t	layout_fit(const struct window *, int, int);
static int	layout_side(struct layout *, const struct session *, int, int);
static void	layout_windows(struct layout *, const struct session *, int,
		    int);

/*
 * Places the inspector: beside the bytes when a row and the pane fit
 * side by side, else below them, taking at most half the rows.
 * Returns the rows left above the status line for the windows.
 */
static int
layout_side(struct layout *l, const struct session *s, int rows, int cols)
{
	int	grid = rows > 1 ? rows - 1 : 1, below;

	memset(&l->side, 0, sizeof l->side);
	l->side_below = 0;
	if (!s->inspector.shown)
		return (grid);
	if (cols >= 0 && (size_t)cols >= l->need + LAYOUT_SIDE_COLS) {
		l->side.rows = grid;
		l->side.cols = LAYOUT_SIDE_COLS;
		l->side.col = cols - LAYOUT_SIDE_COLS;
		return (grid);
	}
	below = grid / 2 < LAYOUT_SIDE_ROWS ? grid / 2 : LAYOUT_SIDE_ROWS;
	if (below < 2)
		return (grid);		/* no room: the bytes come first */
	l->side_below = 1;
	l->side.row = grid - below;
	l->side.rows = below;
	l->side.cols = cols;
	return (grid - below);
}

/* Shares grid rows out among the windows, the focused one first. */
static void
layout_windows(struct layout *l, const struct session *s, int grid,
    int cols)
{
	int	i, row = 0, each = grid / s->nwin > 0 ? grid / s->nwin : 1;

	for (i = 0; i < s->nwin; i++) {
		l->win[i].row = row;
		l->win[i].col = 0;
		l->win[i].rows = each + (i == s->focus ? grid - each *
		    s->nwin : 0);
		if (l->win[i].rows < 1)
			l->win[i].rows = 1;
		l->win[i].cols = cols - (l->side_below ? 0 : l->side.cols);
		row += l->win[i].rows;
	}
}

void
layout_make(struct layout *l, const struct session *s, int rows, int cols)
{
	const struct window	*w = session_cwindow(s);

	l->digits = format_offset_digits(doc_size(s->doc));
	l->need = format_row_width(l->digits, w->columns);
	l->too_small = rows < 2 || cols < 0 || (size_t)cols < l->need;
	l->status.row = rows > 0 ? rows - 1 : 0;
	l->status.col = 0;
	l->status.rows = 1;
	l->status.cols = cols;
	layout_windows(l, s, layout_side(l, s, rows, cols), cols);
}

/*
 * The bytes a row that fit in cols cells: for -m in eights from 8 up;
 * without -c, 16 or as many as fit when fewer do (as hexedit refits).
 */
static size_t
layout_fit(const struct window *w, int digits, int cols)
{
	size_t	fit;

	if (!w->maximize && !w->autofit)
		return (0);
	fit = format_fit_columns(digits, (size_t)(cols > 0 ? cols : 0));
	if (w->autofit)
		return (fit >= LAYOUT_COLUMNS ? LAYOUT_COLUMNS : fit > 0 ? fit :
		    1);
	if (fit > 8)
		fit -= fit % 8;
	return (fit > 0 ? fit : 1);
}

void
layout_apply(struct session *s, int rows, int cols)
{
	struct layout	l;
	int		i;

	layout_make(&l, s, rows, cols);
	for (i = 0; i < s->nwin; i++)
		window_resize(&s->win[i], l.win[i].rows, layout_fit(&s->win[i],
		    l.digits, l.win[i].cols));
	layout_make(&l, s, rows, cols);
	/* A prompt nobody can see must not take keys. */
	if (l.too_small && !s->too_small && s->prompt.active) {
		prompt_close(&s->prompt);
		session_message(s, 0, "cancelled: the terminal is too small");
	}
	s->too_small = l.too_small;
}
