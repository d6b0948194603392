/*
 * view_inspect.h: draws the data inspector pane into a frame.
 *
 * The pane shows the bytes at the focused window's cursor as one row a
 * type (inspect.h), in the byte order the session chose, the selected
 * row highlighted, and the selection's length when there is one.  The
 * session is read, never written.
 */
#ifndef MAPHEX_VIEW_INSPECT_H
#define MAPHEX_VIEW_INSPECT_H

struct session;
struct region;
struct frame;

/* Draws the pane into region r of f. */
void	view_inspect(const struct session *, const struct region *r,
	    struct frame *f);

#endif
