/*
 * inspect_num.c: byte order, half floats and LEB128.
 *
 * Half precision is converted by hand rather than with _Float16 so that
 * every compiler gives the same bits; doubles hold every binary16 value
 * exactly, so only the way back needs rounding.
 */
#include "config.h"

#include "inspect_num.h"

#include <math.h>
#include <string.h>

static uint16_t	inspect_half_round(double, uint16_t);

uint64_t
inspect_load(const unsigned char *p, size_t n, int be)
{
	uint64_t	v = 0;
	size_t		i;

	for (i = 0; i < n; i++)
		v |= (uint64_t)p[be ? n - 1 - i : i] << (8 * i);
	return (v);
}

void
inspect_store(unsigned char *p, size_t n, int be, uint64_t v)
{
	size_t	i;

	for (i = 0; i < n; i++)
		p[be ? n - 1 - i : i] = (unsigned char)(v >> (8 * i));
}

int64_t
inspect_sign(uint64_t v, unsigned bits)
{
	uint64_t	top;

	if (bits >= 64)
		return ((int64_t)v);
	v &= ((uint64_t)1 << bits) - 1;
	top = (uint64_t)1 << (bits - 1);
	if (v & top)
		return (-(int64_t)(((uint64_t)1 << bits) - v));
	return ((int64_t)v);
}

double
inspect_half_to_double(uint16_t h)
{
	int	exp = (h >> 10) & 0x1f;
	int	frac = h & 0x3ff;
	double	d;

	if (exp == 0x1f)
		d = frac != 0 ? NAN : INFINITY;
	else if (exp == 0)
		d = ldexp((double)frac, -24);
	else
		d = ldexp((double)(frac | 0x400), exp - 25);
	return ((h & 0x8000) ? -d : d);
}

/*
 * Rounds the finite, non-negative a to binary16 bits (without the sign),
 * ties to even; 0x7c00 means it overflowed.
 */
static uint16_t
inspect_half_round(double a, uint16_t sign)
{
	int	exp;
	double	m, r, q;

	if (a == 0)
		return (sign);
	(void)frexp(a, &exp);		/* a = m * 2^exp, 0.5 <= m < 1 */
	if (exp < -13)
		exp = -13;		/* subnormal: a fixed step of 2^-24 */
	/* The step between halves near a is 2^(exp - 11). */
	q = ldexp(a, 11 - exp);
	r = floor(q);
	if (q - r > 0.5 || (q - r == 0.5 && fmod(r, 2) != 0))
		r += 1;
	m = ldexp(r, exp - 11);		/* a rounded to a half's value */
	if (m > 65504.0)
		return ((uint16_t)(sign | 0x7c00));
	if (m < ldexp(1.0, -14))
		return ((uint16_t)(sign | (uint16_t)ldexp(m, 24)));
	(void)frexp(m, &exp);
	return ((uint16_t)(sign | (uint16_t)((exp + 14) << 10) |
	    ((uint16_t)ldexp(m, 11 - exp) & 0x3ff)));
}

int
inspect_double_to_half(double d, uint16_t *h)
{
	uint16_t	sign = signbit(d) ? 0x8000 : 0;

	if (isnan(d)) {
		*h = (uint16_t)(sign | 0x7e00);
		return (0);
	}
	if (isinf(d)) {
		*h = (uint16_t)(sign | 0x7c00);
		return (0);
	}
	*h = inspect_half_round(fabs(d), sign);
	return ((*h & 0x7fff) == 0x7c00 ? -1 : 0);
}

enum inspect_leb
inspect_leb_decode(const unsigned char *p, size_t n, int sign, uint64_t *v,
    size_t *used)
{
	uint64_t	val = 0, part, fill;
	unsigned	shift = 0;
	size_t		i;
	int		range = 0;

	for (i = 0; i < n && i < INSPECT_LEB_MAX; i++) {
		part = p[i] & 0x7f;
		if (shift < 64) {
			val |= part << shift;
			/* Bits that fell off the top must repeat the sign. */
			if (shift > 57) {
				fill = sign && (val >> 63) ? 0x7f : 0;
				if ((part >> (64 - shift)) !=
				    (fill >> (64 - shift)))
					range = 1;
			}
		} else if (part != (sign && (val >> 63) ? 0x7fU : 0U))
			range = 1;
		shift += 7;
		if ((p[i] & 0x80) == 0) {
			if (sign && shift < 64 && (part & 0x40))
				val |= ~(uint64_t)0 << shift;
			*v = val;
			*used = i + 1;
			return (range ? INSPECT_LEB_RANGE : INSPECT_LEB_OK);
		}
	}
	*used = i;
	return (i == INSPECT_LEB_MAX ? INSPECT_LEB_LONG : INSPECT_LEB_SHORT);
}

size_t
inspect_leb_encode(unsigned char *p, int sign, uint64_t v)
{
	int64_t		s = (int64_t)v;
	size_t		n = 0;
	unsigned char	b;

	for (;;) {
		b = (unsigned char)(v & 0x7f);
		if (sign) {
			s >>= 7;	/* arithmetic on every compiler we use */
			v = (uint64_t)s;
			if ((s == 0 && !(b & 0x40)) || (s == -1 && (b & 0x40))) {
				p[n++] = b;
				return (n);
			}
		} else {
			v >>= 7;
			if (v == 0) {
				p[n++] = b;
				return (n);
			}
		}
		p[n++] = (unsigned char)(b | 0x80);
	}
}
