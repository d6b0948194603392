/*
 * layout.h: how the screen is cut into regions.
 *
 * The screen holds, from the top: one region of rows of bytes for each
 * window of the session (stacked, the rows shared out), an optional
 * side pane (the data inspector) to the right of them when the screen
 * is wide enough, else below them, and the status line at the bottom.
 * The layout is worked out from the terminal size and the session;
 * layout_apply() then gives each window its rows and, with -m, as many
 * bytes a row as fit.  Nothing here draws.
 */
#ifndef MAPHEX_LAYOUT_H
#define MAPHEX_LAYOUT_H

#include <stddef.h>

#include "session.h"

/* Columns the inspector takes beside the bytes; rows it wants below. */
#define LAYOUT_SIDE_COLS	48
#define LAYOUT_SIDE_ROWS	25

struct region {
	int	row;
	int	col;
	int	rows;
	int	cols;
};

struct layout {
	struct region	win[SESSION_WINDOWS];	/* rows of bytes */
	struct region	side;			/* cols 0: no side pane */
	int		side_below;	/* the side pane is under the bytes */
	struct region	status;
	int		digits;		/* hex digits of an offset */
	size_t		need;		/* cells a row of bytes needs */
	int		too_small;	/* the screen cannot hold a row */
};

/* Cuts a rows x cols screen into regions for the session. */
void	layout_make(struct layout *, const struct session *, int rows,
	    int cols);

/*
 * Tells every window of the session how many rows of bytes it shows on
 * a rows x cols screen and, for -m, how many bytes a row fit, and the
 * session whether the screen is too small (which cancels a prompt).
 */
void	layout_apply(struct session *, int rows, int cols);

#endif
