/*
 * dump_scalar.h: xxd's default line and -p's digits one byte pair at a
 * time, the path of CPUs without vectors and the vector paths' helper
 * for offsets and short last lines.
 *
 * Every function writes to a caller's buffer and returns its end or
 * the bytes written; none allocates, fails or keeps state.
 */
#ifndef MAPHEX_DUMP_SCALAR_H
#define MAPHEX_DUMP_SCALAR_H

#include <stddef.h>
#include <stdint.h>

/* Byte b's two hex digits at [2 * b], lowercase or (upper) uppercase. */
const char *dump_scalar_hex(int upper);

/* The 8 lowercase digits of o as memcpy() loads them from a line. */
uint64_t dump_scalar_digits8(uint32_t o);

/*
 * Writes "%08" PRIx64 ": " for off (more digits past 4 GiB) at q and
 * returns the end.
 */
char	*dump_scalar_offset(char *q, uint64_t off);

/*
 * A last line's hex area and text for n < 16 bytes at p, digits from
 * hex, at q after its offset; returns the end, after the newline.
 */
char	*dump_scalar_short(char *q, const char *hex, const unsigned char *p,
	    size_t n);

/*
 * The lines of the n bytes at p, shown from offset off, at out, digits
 * from hex; returns the bytes written.
 */
size_t	dump_scalar_lines(char *out, const char *hex, uint64_t off,
	    const unsigned char *p, size_t n);

/*
 * -p: two digits a byte from hex, and a newline after each byte whose
 * count from the start of the dump (index is that of p[0]) is a
 * multiple of cols (0: none); returns the bytes written.
 */
size_t	dump_scalar_plain(char *out, const char *hex, uint64_t cols,
	    uint64_t index, const unsigned char *p, size_t n);

#endif
