/*
 * format.c: turns bytes into the text of one screen row.
 *
 * Pure functions over caller-supplied buffers: nothing here reads the
 * file, allocates, or knows about attributes and the cursor.
 */
#include "config.h"

#include "format.h"

#include <string.h>

#define FORMAT_GAP	2	/* spaces between offset and hex */

const char format_hex_pairs[256][2] = {
#define H(n)	{ "0123456789abcdef"[(n) >> 4], "0123456789abcdef"[(n) & 15] }
#define H4(n)	H(n), H((n) + 1), H((n) + 2), H((n) + 3)
#define H16(n)	H4(n), H4((n) + 4), H4((n) + 8), H4((n) + 12)
#define H64(n)	H16(n), H16((n) + 16), H16((n) + 32), H16((n) + 48)
	H64(0), H64(64), H64(128), H64(192)
#undef H64
#undef H16
#undef H4
#undef H
};

int
format_offset_digits(uint64_t size)
{
	uint64_t	last = size > 0 ? size - 1 : 0;
	int		digits = 1;

	while (last >>= 4)
		digits++;
	return (digits < 8 ? 8 : digits);
}

size_t
format_hex_col(int digits, size_t i)
{
	return ((size_t)digits + FORMAT_GAP + 3 * i + i / 8);
}

size_t
format_text_col(int digits, size_t cols, size_t i)
{
	return (format_hex_col(digits, cols) - (cols % 8 == 0 ? 1 : 0) +
	    2 + i);
}

size_t
format_row_width(int digits, size_t cols)
{
	return (format_text_col(digits, cols, cols) + 1);
}

size_t
format_fit_columns(int digits, size_t width)
{
	size_t	cols = 0;

	while (format_row_width(digits, cols + 1) <= width)
		cols++;
	return (cols);
}

char
format_text_char(unsigned char c)
{
	return (c >= 0x20 && c < 0x7f ? (char)c : '.');
}

void
format_row(char *out, int digits, size_t cols, uint64_t off,
    const unsigned char *bytes, const unsigned char *ok, size_t n)
{
	size_t	i, col, width = format_row_width(digits, cols);
	int	d;

	memset(out, ' ', width);
	for (d = digits - 1; d >= 0; d--, off >>= 4)
		out[d] = "0123456789abcdef"[off & 15];
	col = format_text_col(digits, cols, 0);
	out[col - 1] = '|';
	out[width - 1] = '|';
	for (i = 0; i < n && i < cols; i++) {
		if (ok != NULL && !ok[i]) {
			memcpy(out + format_hex_col(digits, i), "??", 2);
			out[col + i] = '?';
			continue;
		}
		memcpy(out + format_hex_col(digits, i),
		    format_hex_pairs[bytes[i]], 2);
		out[col + i] = format_text_char(bytes[i]);
	}
}

int
format_hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}
