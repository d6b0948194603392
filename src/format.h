/*
 * format.h: the layout of one screen row of bytes.
 *
 *   00000010  03 00 3e 00 01 00 00 00  c0 5a 00 00 00 00 00 00  |..>......Z......|
 *
 * The view and the help text share this; it owns the column arithmetic
 * so that nobody else computes where a byte's hex digits land.  Every
 * byte outside 0x20..0x7e is shown as '.', so no control byte is ever
 * produced.
 */
#ifndef MAPHEX_FORMAT_H
#define MAPHEX_FORMAT_H

#include <stddef.h>
#include <stdint.h>

/* The 256 two-digit lowercase hex strings, "00" to "ff". */
extern const char format_hex_pairs[256][2];

/* Digits needed for offsets in a file of size bytes: at least 8. */
int	format_offset_digits(uint64_t size);

/* Column of the first hex digit of byte i of a row. */
size_t	format_hex_col(int digits, size_t i);

/* Column of byte i in the text pane of a row of cols bytes. */
size_t	format_text_col(int digits, size_t cols, size_t i);

/* Width of a whole row of cols bytes. */
size_t	format_row_width(int digits, size_t cols);

/* Largest bytes-per-row that fits width columns (0 if none does). */
size_t	format_fit_columns(int digits, size_t width);

/* Returns the text-pane character for a byte: itself or '.'. */
char	format_text_char(unsigned char);

/*
 * Writes the row for the n bytes at off into out, which must hold
 * format_row_width() characters; no terminating NUL.  bytes[i] is shown
 * only where ok[i] is non-zero, else as "??" (ok may be NULL: all
 * readable).  Bytes n..cols-1 are blank.
 */
void	format_row(char *out, int digits, size_t cols, uint64_t off,
	    const unsigned char *bytes, const unsigned char *ok, size_t n);

/* Returns the value of hex digit c (either case), or -1 if it is none. */
int	format_hex_digit(int c);

#endif
