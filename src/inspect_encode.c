/*
 * inspect_encode.c: parses a typed value and encodes it for a type.
 *
 * Numbers are parsed here rather than with strtoull, which would take
 * "-1" for an unsigned type and leading blanks without a word.  Every
 * encoder checks the range first and writes nothing when it refuses.
 */
#include "config.h"

#include "inspect_encode.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inspect_num.h"
#include "inspect_time.h"

#define FILETIME_1970	11644473600LL

/* A value being encoded: what was typed, where the bytes go. */
struct enc {
	enum inspect_type	 t;
	int			 be;
	const char		*text;
	unsigned char		*out;
	size_t			 cap;
	size_t			*len;
	char			*err;
	size_t			 errlen;
};

static int	enc_fail(struct enc *, const char *);
static int	enc_number(const char *, int *, uint64_t *);
static int	enc_int(struct enc *);
static int	enc_leb(struct enc *, uint64_t);
static int	enc_float(struct enc *);
static int	enc_binary(struct enc *);
static int	enc_codepoint(const char *, uint32_t *);
static int	enc_char(struct enc *);
static int	enc_time(struct enc *);
static int	enc_dos(struct enc *);
static int	enc_filetime(struct enc *);
static int	enc_guid(struct enc *);
static int	enc_hex(struct enc *);
static int	enc_put(struct enc *, const void *, size_t);

/* Refuses the value: "u8 takes 0 to 255, not '300'" and the like. */
static int
enc_fail(struct enc *e, const char *why)
{
	if (e->t >= INSPECT_NTYPES)
		snprintf(e->err, e->errlen, "'%s' %s", e->text, why);
	else
		snprintf(e->err, e->errlen, "%s: '%s' %s (%s)",
		    inspect_types[e->t].name, e->text, why,
		    inspect_types[e->t].hint);
	return (-1);
}

static int
enc_put(struct enc *e, const void *p, size_t n)
{
	if (n > e->cap)
		return (enc_fail(e, "is too long"));
	memcpy(e->out, p, n);
	*e->len = n;
	return (0);
}

/*
 * Parses [+-]decimal or [+-]0x hex into a sign and a magnitude.
 * Returns 0, or -1 for anything else and for more than 64 bits.
 */
static int
enc_number(const char *s, int *neg, uint64_t *mag)
{
	unsigned	base = 10;
	uint64_t	v = 0;
	int		d, any = 0;

	*neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	for (; *s != '\0'; s++, any = 1) {
		if (isdigit((unsigned char)*s))
			d = *s - '0';
		else if (base == 16 && isxdigit((unsigned char)*s))
			d = tolower((unsigned char)*s) - 'a' + 10;
		else
			return (-1);
		if (v > (UINT64_MAX - (uint64_t)d) / base)
			return (-1);
		v = v * base + (uint64_t)d;
	}
	*mag = v;
	return (any ? 0 : -1);
}

/* u8 to i64 (and the LEB128 values): checks the range, stores. */
static int
enc_int(struct enc *e)
{
	const struct inspect_info	*in = &inspect_types[e->t];
	unsigned			 bits = in->size > 0 ?
					    (unsigned)in->size * 8 : 64;
	uint64_t			 mag, max, top;
	unsigned char			 b[8];
	int				 neg;

	if (enc_number(e->text, &neg, &mag) == -1)
		return (enc_fail(e, "is not a number"));
	max = bits == 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1;
	top = (uint64_t)1 << (bits - 1);
	if (!(in->flags & INSPECT_SIGNED) ? ((neg && mag != 0) || mag > max) :
	    (neg ? mag > top : mag > top - 1))
		return (enc_fail(e, "is out of range"));
	if (neg)
		mag = (uint64_t)0 - mag;
	if (in->size == 0)
		return (enc_leb(e, mag));
	inspect_store(b, in->size, e->be, mag);
	return (enc_put(e, b, in->size));
}

/* The shortest LEB128 of v (two's complement for sleb128). */
static int
enc_leb(struct enc *e, uint64_t v)
{
	unsigned char	b[10];

	return (enc_put(e, b, inspect_leb_encode(b, e->t == INSPECT_SLEB,
	    v)));
}

static int
enc_float(struct enc *e)
{
	unsigned char	b[8];
	char		*end;
	double		d;
	float		f;
	uint32_t	v32;
	uint64_t	v;
	uint16_t	h;

	errno = 0;
	d = strtod(e->text, &end);
	if (end == e->text || *end != '\0' || isspace((unsigned char)
	    e->text[0]))
		return (enc_fail(e, "is not a number"));
	if (errno == ERANGE && isinf(d))
		return (enc_fail(e, "is out of range"));
	if (e->t == INSPECT_F16) {
		if (inspect_double_to_half(d, &h) == -1)
			return (enc_fail(e, "is out of range"));
		v = h;
	} else if (e->t == INSPECT_F32) {
		if (isfinite(d) && fabs(d) >= ldexp(1, 128) - ldexp(1, 103))
			return (enc_fail(e, "is out of range"));
		f = (float)d;
		memcpy(&v32, &f, sizeof v32);
		v = v32;
	} else
		memcpy(&v, &d, sizeof v);
	inspect_store(b, inspect_types[e->t].size, e->be, v);
	return (enc_put(e, b, inspect_types[e->t].size));
}

static int
enc_binary(struct enc *e)
{
	const char	*s = e->text;
	unsigned char	 v = 0;
	size_t		 n;

	if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
		s += 2;
	for (n = 0; s[n] == '0' || s[n] == '1'; n++)
		v = (unsigned char)(v << 1 | (s[n] - '0'));
	if (n == 0 || n > 8 || s[n] != '\0')
		return (enc_fail(e, "is not 1 to 8 binary digits"));
	return (enc_put(e, &v, 1));
}

/* "U+hex", or exactly one character in UTF-8. */
static int
enc_codepoint(const char *s, uint32_t *cp)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n, i;

	if ((p[0] == 'U' || p[0] == 'u') && p[1] == '+') {
		for (*cp = 0, i = 2; isxdigit(p[i]) && i < 8; i++)
			*cp = *cp << 4 | (uint32_t)(isdigit(p[i]) ? p[i] - '0' :
			    tolower(p[i]) - 'a' + 10);
		return (i > 2 && p[i] == '\0' ? 0 : -1);
	}
	n = p[0] < 0x80 ? 1 : p[0] >= 0xc2 && p[0] < 0xe0 ? 2 :
	    p[0] >= 0xe0 && p[0] < 0xf0 ? 3 : p[0] >= 0xf0 && p[0] < 0xf5 ? 4 :
	    0;
	if (n == 0 || p[0] == '\0')
		return (-1);
	*cp = n == 1 ? p[0] : p[0] & (0x7fU >> n);
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return (-1);
		*cp = *cp << 6 | (p[i] & 0x3f);
	}
	if (p[n] != '\0' || (n == 3 && *cp < 0x800) || (n == 4 &&
	    *cp < 0x10000))
		return (-1);
	return (0);
}

static int
enc_char(struct enc *e)
{
	unsigned char	b[4];
	uint32_t	cp;
	size_t		n, i;

	if (enc_codepoint(e->text, &cp) == -1)
		return (enc_fail(e, "is not one character"));
	if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))
		return (enc_fail(e, "is not a Unicode scalar value"));
	if (e->t == INSPECT_UTF16 && cp < 0x10000) {
		inspect_store(b, 2, e->be, cp);
		return (enc_put(e, b, 2));
	}
	if (e->t == INSPECT_UTF16) {
		inspect_store(b, 2, e->be, 0xd800 + ((cp - 0x10000) >> 10));
		inspect_store(b + 2, 2, e->be, 0xdc00 + (cp & 0x3ff));
		return (enc_put(e, b, 4));
	}
	n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
	b[0] = (unsigned char)(n == 1 ? cp : ((0xf00U >> n) & 0xff) | (cp >>
	    (6 * (n - 1))));
	for (i = 1; i < n; i++)
		b[i] = (unsigned char)(0x80 | ((cp >> (6 * (n - 1 - i))) & 0x3f));
	return (enc_put(e, b, n));
}

/* time32, time64: whole seconds since 1970, signed. */
static int
enc_time(struct enc *e)
{
	unsigned char	b[8];
	size_t		size = inspect_types[e->t].size;
	int64_t		secs;
	uint32_t	frac;

	if (inspect_time_parse(e->text, &secs, &frac, e->err, e->errlen) == -1)
		return (enc_fail(e, "is not an ISO 8601 time"));
	if (frac != 0)
		return (enc_fail(e, "has a fraction of a second"));
	if (size == 4 && (secs < INT32_MIN || secs > INT32_MAX))
		return (enc_fail(e, "is out of range (1901-12-13T20:45:52Z to "
		    "2038-01-19T03:14:07Z)"));
	inspect_store(b, size, e->be, (uint64_t)secs);
	return (enc_put(e, b, size));
}

/* DOS: the date in the high half, 2-second steps, 1980 to 2107. */
static int
enc_dos(struct enc *e)
{
	struct inspect_tm	t;
	unsigned char		b[4];
	int64_t			secs;
	uint32_t		frac, v;

	if (inspect_time_parse(e->text, &secs, &frac, e->err, e->errlen) == -1)
		return (enc_fail(e, "is not an ISO 8601 time"));
	inspect_tm_of(secs, &t);
	if (t.year < 1980 || t.year > 2107)
		return (enc_fail(e, "is out of range"));
	if (frac != 0 || t.sec % 2 != 0)
		return (enc_fail(e, "is not a whole even second"));
	v = (uint32_t)((t.year - 1980) << 25 | t.month << 21 | t.day << 16 |
	    t.hour << 11 | t.min << 5 | t.sec / 2);
	inspect_store(b, 4, e->be, v);
	return (enc_put(e, b, 4));
}

static int
enc_filetime(struct enc *e)
{
	unsigned char	b[8];
	int64_t		secs;
	uint32_t	frac;
	uint64_t	s;

	if (inspect_time_parse(e->text, &secs, &frac, e->err, e->errlen) == -1)
		return (enc_fail(e, "is not an ISO 8601 time"));
	if (secs < -FILETIME_1970 || (uint64_t)(secs + FILETIME_1970) >
	    (UINT64_MAX - frac) / 10000000)
		return (enc_fail(e, "is out of range (1601 to 60056)"));
	s = (uint64_t)(secs + FILETIME_1970) * 10000000 + frac;
	inspect_store(b, 8, e->be, s);
	return (enc_put(e, b, 8));
}

/* 8-4-4-4-12 hex digits, braces allowed; see inspect_guid(). */
static int
enc_guid(struct enc *e)
{
	static const int	dash[] = { 8, 13, 18, 23 };
	const char		*s = e->text;
	unsigned char		 b[16];
	size_t			 i, k = 0, n = strlen(s);

	if (n == 38 && s[0] == '{' && s[37] == '}') {
		s++;
		n -= 2;
	}
	if (n != 36)
		return (enc_fail(e, "is not a GUID"));
	for (i = 0; i < 36; i++) {
		if (k < 4 && (int)i == dash[k]) {
			if (s[i] != '-')
				return (enc_fail(e, "is not a GUID"));
			k++;
		} else if (!isxdigit((unsigned char)s[i]))
			return (enc_fail(e, "is not a GUID"));
	}
	for (i = 0, k = 0; i < 16; i++, k += 2) {
		if (s[k] == '-')
			k++;
		b[i] = (unsigned char)strtoul((char[]){ s[k], s[k + 1], 0 },
		    NULL, 16);
	}
	if (!e->be) {
		inspect_store(b, 4, 1, inspect_load(b, 4, 0));
		inspect_store(b + 4, 2, 1, inspect_load(b + 4, 2, 0));
		inspect_store(b + 6, 2, 1, inspect_load(b + 6, 2, 0));
	}
	return (enc_put(e, b, 16));
}

/* Hex bytes, pairs of digits, blanks allowed between bytes. */
static int
enc_hex(struct enc *e)
{
	const char	*s = e->text;
	size_t		 n = 0;

	for (;;) {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		if (!isxdigit((unsigned char)s[0]) ||
		    !isxdigit((unsigned char)s[1]))
			return (enc_fail(e, "is not pairs of hex digits"));
		if (n == e->cap)
			return (enc_fail(e, "is too long"));
		e->out[n++] = (unsigned char)strtoul((char[]){ s[0], s[1], 0 },
		    NULL, 16);
		s += 2;
	}
	if (n == 0)
		return (enc_fail(e, "has no bytes"));
	*e->len = n;
	return (0);
}

int
inspect_encode(enum inspect_type t, int be, const char *text,
    unsigned char *out, size_t cap, size_t *len, char *err, size_t errlen)
{
	struct enc	e = { t, be && (inspect_types[t].flags &
			    INSPECT_ORDER), text, out, cap, len, err, errlen };
	char		trim[128];
	size_t		n;

	/* Blanks around a value mean nothing, except in text. */
	if (t != INSPECT_STRING) {
		while (*text == ' ' || *text == '\t')
			text++;
		for (n = strlen(text); n > 0 && (text[n - 1] == ' ' ||
		    text[n - 1] == '\t'); n--)
			continue;
		if (n >= sizeof trim && t != INSPECT_HEX)
			return (enc_fail(&e, "is too long"));
		if (n < sizeof trim) {
			memcpy(trim, text, n);
			trim[n] = '\0';
			e.text = trim;
		}
	}
	if (e.text[0] == '\0')
		return (enc_fail(&e, "is empty: type a value"));
	switch (t) {
	case INSPECT_BINARY:
		return (enc_binary(&e));
	case INSPECT_F16:
	case INSPECT_F32:
	case INSPECT_F64:
		return (enc_float(&e));
	case INSPECT_UTF8:
	case INSPECT_UTF16:
		return (enc_char(&e));
	case INSPECT_TIME32:
	case INSPECT_TIME64:
		return (enc_time(&e));
	case INSPECT_DOSTIME:
		return (enc_dos(&e));
	case INSPECT_FILETIME:
		return (enc_filetime(&e));
	case INSPECT_GUID:
		return (enc_guid(&e));
	case INSPECT_HEX:
		return (enc_hex(&e));
	case INSPECT_STRING:
		return (enc_put(&e, e.text, strlen(e.text)));
	case INSPECT_NTYPES:
		return (enc_fail(&e, "has no type"));
	default:
		return (enc_int(&e));
	}
}
