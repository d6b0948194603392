/*
 * frame.h: one screenful of text and attributes, built in memory.
 *
 * The view fills a frame; ui_curses copies it to the terminal; tests
 * read it.  A cell holds one printable character of the locale's
 * character set; a double-width character takes two cells, the second
 * holding FRAME_TAIL.  No control character is ever stored.
 */
#ifndef MAPHEX_FRAME_H
#define MAPHEX_FRAME_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

/* The right half of a double-width character. */
#define FRAME_TAIL	L'\0'

/* Cell attributes; a cell may carry several (16 bits, 7 still free). */
#define FRAME_DIRTY	0x01	/* changed since the last save */
#define FRAME_CURSOR	0x02	/* the cursor's byte, active pane */
#define FRAME_SHADOW	0x04	/* the cursor's byte, other pane */
#define FRAME_SELECT	0x08	/* inside the mark's selection */
#define FRAME_MATCH	0x10	/* the last search match */
#define FRAME_STATUS	0x20	/* the status line */
#define FRAME_ERROR	0x40	/* an error message or unreadable byte */
#define FRAME_TITLE	0x80	/* headings on the help screen */
#define FRAME_OUTSIDE	0x100	/* lately changed by another process */

struct frame {
	int		 rows;
	int		 cols;
	wchar_t		*text;		/* rows * cols */
	uint16_t	*attr;		/* rows * cols */
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
 * Writes the len bytes of s at row, col with attr, clipped to the
 * frame.  s is decoded in the locale's multibyte encoding (UTF-8, or
 * plain ASCII in the C locale); a character that is not printable, a
 * byte that starts no valid character and a double-width character
 * with one cell left are each stored as '.'.
 */
void	frame_put(struct frame *, int row, int col, const char *s,
	    size_t len, uint16_t attr);

/* Like frame_put with a printf format. */
void	frame_printf(struct frame *, int row, int col, uint16_t attr,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* ORs attr into len cells from row, col, clipped. */
void	frame_mark(struct frame *, int row, int col, size_t len,
	    uint16_t attr);

/*
 * Returns the number of cells frame_put would fill with s.  With cut
 * not NULL, it sets *cut to the offset of the longest tail of s that
 * fits in cols cells (so s + *cut shows s cut from the left) and
 * returns the cells that tail fills.
 */
size_t	frame_width(const char *s, size_t len, size_t cols, size_t *cut);

/*
 * Copies row into out in the locale's encoding, with a NUL; out holds
 * outlen bytes, of which cols * MB_LEN_MAX + 1 always suffice.
 */
void	frame_row(const struct frame *, int row, char *out, size_t outlen);

#endif
