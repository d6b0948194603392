/*
 * frame.h: one screenful of text and attributes, built in memory.
 *
 * The view fills a frame; ui_curses copies it to the terminal; tests
 * read it.  Cells hold printable ASCII only.
 */
#ifndef MAPHEX_FRAME_H
#define MAPHEX_FRAME_H

#include <stddef.h>

/* Cell attributes; a cell may carry several. */
#define FRAME_DIRTY	0x01	/* changed since the last save */
#define FRAME_CURSOR	0x02	/* the cursor's byte, active pane */
#define FRAME_SHADOW	0x04	/* the cursor's byte, other pane */
#define FRAME_SELECT	0x08	/* inside the mark's selection */
#define FRAME_MATCH	0x10	/* the last search match */
#define FRAME_STATUS	0x20	/* the status line */
#define FRAME_ERROR	0x40	/* an error message or unreadable byte */
#define FRAME_TITLE	0x80	/* headings on the help screen */

struct frame {
	int		 rows;
	int		 cols;
	char		*text;		/* rows * cols, no NULs */
	unsigned char	*attr;		/* rows * cols */
	int		 cursor_row;	/* -1: hide the cursor */
	int		 cursor_col;
};

/* Sizes the frame to rows x cols and blanks it.  0, or -1 on ENOMEM. */
int	frame_resize(struct frame *, int rows, int cols);

/* Frees the cells; the frame may be resized again afterwards. */
void	frame_free(struct frame *);

/* Blanks every cell and hides the cursor. */
void	frame_clear(struct frame *);

/*
 * Writes len characters of s at row, col with attr, clipped to the
 * frame; bytes outside 0x20..0x7e are stored as '.'.
 */
void	frame_put(struct frame *, int row, int col, const char *s,
	    size_t len, unsigned char attr);

/* Like frame_put with a printf format. */
void	frame_printf(struct frame *, int row, int col, unsigned char attr,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* ORs attr into len cells from row, col, clipped. */
void	frame_mark(struct frame *, int row, int col, size_t len,
	    unsigned char attr);

/* Copies row into out (cols characters plus a NUL); for tests. */
void	frame_row(const struct frame *, int row, char *out);

#endif
