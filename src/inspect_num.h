/*
 * inspect_num.h: the bit-level conversions behind the data inspector.
 *
 * Loading and storing unsigned integers of 1 to 8 bytes in either byte
 * order, IEEE 754 half precision to and from double, and LEB128.  Pure
 * functions over caller buffers: no I/O, no allocation, no locale.
 */
#ifndef MAPHEX_INSPECT_NUM_H
#define MAPHEX_INSPECT_NUM_H

#include <stddef.h>
#include <stdint.h>

/* The n (1 to 8) bytes at p as an unsigned number; be: big-endian. */
uint64_t inspect_load(const unsigned char *p, size_t n, int be);

/* Stores the low n (1 to 8) bytes of v at p in the byte order be. */
void	inspect_store(unsigned char *p, size_t n, int be, uint64_t v);

/* Sign-extends the low bits (1 to 64) of v. */
int64_t	inspect_sign(uint64_t v, unsigned bits);

/* The value of the IEEE 754 binary16 h, exactly (NaN keeps its sign). */
double	inspect_half_to_double(uint16_t h);

/*
 * Rounds d to binary16, to nearest with ties to even.  Returns 0, or
 * -1 when a finite d is too large for it (the largest is 65504).
 */
int	inspect_double_to_half(double d, uint16_t *h);

/* What inspect_leb_decode() found. */
enum inspect_leb {
	INSPECT_LEB_OK,
	INSPECT_LEB_SHORT,	/* the bytes ran out before the last one */
	INSPECT_LEB_LONG,	/* more than INSPECT_LEB_MAX bytes */
	INSPECT_LEB_RANGE	/* the value does not fit 64 bits */
};

/* The longest LEB128 the inspector reads, padding included. */
#define INSPECT_LEB_MAX	16

/*
 * Decodes an unsigned (sign 0) or signed (sign 1) LEB128 from the n
 * bytes at p into *v (two's complement for signed) and its length into
 * *used.  Padding bytes (0x80 ... 0x00, or 0xff ... 0x7f for a negative
 * signed value) are allowed while the value still fits 64 bits.
 */
enum inspect_leb inspect_leb_decode(const unsigned char *p, size_t n,
	    int sign, uint64_t *v, size_t *used);

/*
 * Encodes v (as int64_t when sign) as the shortest LEB128 at p, which
 * holds at least 10 bytes; returns its length.
 */
size_t	inspect_leb_encode(unsigned char *p, int sign, uint64_t v);

#endif
