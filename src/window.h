/*
 * window.h: one view of a document: where the cursor is, which row is
 * at the top, which pane types, how many bytes a row, and the mark.
 *
 * A window knows its document only to clamp offsets to its size; it
 * never reads or writes the bytes.  Two windows over one document move
 * independently.  Nothing here draws, prints or allocates.
 */
#ifndef MAPHEX_WINDOW_H
#define MAPHEX_WINDOW_H

#include <stddef.h>
#include <stdint.h>

struct doc;

/* The inspector pane takes keys only while the session shows it. */
enum window_pane { WINDOW_HEX, WINDOW_TEXT, WINDOW_INSPECT };

struct window {
	const struct doc	*doc;
	uint64_t		 cursor;
	uint64_t		 top;		/* offset of the first row */
	enum window_pane	 pane;
	int			 nibble;	/* 1: the low nibble is next */
	size_t			 columns;	/* bytes a row */
	int			 maximize;	/* fit columns to the width */
	int			 autofit;	/* no -c: 16, fewer if narrow */
	int			 rows;		/* rows of bytes on screen */
	int			 has_mark;
	uint64_t		 mark;
	int			 append;	/* the cursor may sit at the end */
};

/*
 * Sets up a window over doc at offset 0 with columns bytes a row (0:
 * 16, or fewer when the screen is narrower: the layout fits them);
 * maximize lets the layout fit the columns to the screen.
 */
void	window_init(struct window *, const struct doc *, size_t columns,
	    int maximize);

/*
 * Gives the window rows rows of bytes and columns bytes a row (0 keeps
 * the columns), keeping the cursor on screen.
 */
void	window_resize(struct window *, int rows, size_t columns);

/*
 * Moves the cursor to off (clamped to the last byte, or to just past it
 * when the window appends) and scrolls.
 */
void	window_goto(struct window *, uint64_t off);

/* Moves the cursor and the top row a screenful down (or up). */
void	window_page(struct window *, int down);

/*
 * After the document changed size: keeps the top inside, and the
 * cursor on a byte (the last one when it was past it).
 */
void	window_clamp(struct window *);

/*
 * Returns 1 with the selection's first offset and length (from the
 * mark to the cursor, both included, cut at the end), or 0 if there
 * is no mark or no byte.
 */
int	window_selection(const struct window *, uint64_t *start,
	    uint64_t *len);

/* Returns non-zero when off lies in the selection. */
int	window_in_selection(const struct window *, uint64_t off);

#endif
