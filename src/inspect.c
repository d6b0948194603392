/*
 * inspect.c: the bytes at the cursor as the inspector's typed rows.
 *
 * Each kind of value has one decoder; inspect_decode() first checks
 * that the bytes it needs were read, so that no decoder ever sees a
 * byte that is not there.  Characters are shown only when they are
 * printable; control characters and bytes that are not valid text
 * appear as their code point or as "invalid".
 */
#include "config.h"

#include "inspect.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inspect_num.h"
#include "inspect_time.h"

#define O	INSPECT_ORDER
#define I	INSPECT_INT
#define S	INSPECT_SIGNED

/* 100 ns intervals from 1601-01-01 to 1970-01-01, over 10^7. */
#define FILETIME_1970	11644473600LL

const struct inspect_info inspect_types[INSPECT_NTYPES] = {
	{ "binary", 1, 0, "8 binary digits, e.g. 01000001" },
	{ "u8", 1, I, "0 to 255, or 0x hex" },
	{ "i8", 1, I | S, "-128 to 127" },
	{ "u16", 2, O | I, "0 to 65535, or 0x hex" },
	{ "i16", 2, O | I | S, "-32768 to 32767" },
	{ "u24", 3, O | I, "0 to 16777215, or 0x hex" },
	{ "i24", 3, O | I | S, "-8388608 to 8388607" },
	{ "u32", 4, O | I, "0 to 4294967295, or 0x hex" },
	{ "i32", 4, O | I | S, "-2147483648 to 2147483647" },
	{ "u64", 8, O | I, "0 to 18446744073709551615, or 0x hex" },
	{ "i64", 8, O | I | S, "a signed 64-bit number" },
	{ "f16", 2, O, "a number, inf, -inf or nan" },
	{ "f32", 4, O, "a number, inf, -inf or nan" },
	{ "f64", 8, O, "a number, inf, -inf or nan" },
	{ "uleb128", 0, I, "0 to 18446744073709551615" },
	{ "sleb128", 0, I | S, "a signed 64-bit number" },
	{ "utf8", 0, 0, "one character, or U+hex" },
	{ "utf16", 0, O, "one character, or U+hex" },
	{ "time32", 4, O, "ISO 8601 UTC, e.g. 2024-02-29T13:05:09Z" },
	{ "time64", 8, O, "ISO 8601 UTC, e.g. 2024-02-29T13:05:09Z" },
	{ "dostime", 4, O, "1980 to 2107, even seconds: 2024-02-29T13:05:08" },
	{ "filetime", 8, O, "ISO 8601 UTC, e.g. 2024-02-29T13:05:09.1234567Z" },
	{ "guid", 16, O, "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" },
	{ "hex", 0, 0, "hex bytes, e.g. de ad be ef" },
	{ "text", 0, 0, "the bytes of the text as typed" }
};

static int	inspect_missing(const struct inspect_bytes *, size_t, char *);
static void	inspect_int(enum inspect_type, int,
		    const struct inspect_bytes *, char *);
static void	inspect_float(enum inspect_type, int,
		    const struct inspect_bytes *, char *);
static void	inspect_leb(int, const struct inspect_bytes *, char *);
static void	inspect_char(char *, uint32_t, size_t);
static void	inspect_utf8(const struct inspect_bytes *, char *);
static void	inspect_utf16(int, const struct inspect_bytes *, char *);
static void	inspect_dos(uint64_t, char *);
static void	inspect_filetime(uint64_t, char *);
static void	inspect_guid(int, const unsigned char *, char *);

/*
 * Says why a value of need bytes cannot be shown, if it cannot:
 * returns 1 with "end of file" or "unreadable" in out, else 0.
 */
static int
inspect_missing(const struct inspect_bytes *b, size_t need, char *out)
{
	if (b->n >= need)
		return (0);
	snprintf(out, INSPECT_TEXT, "%s", b->unreadable ? "unreadable" :
	    "end of file");
	return (1);
}

static void
inspect_int(enum inspect_type t, int be, const struct inspect_bytes *b,
    char *out)
{
	const struct inspect_info	*in = &inspect_types[t];
	uint64_t			 v = inspect_load(b->b, in->size, be);

	if (in->flags & INSPECT_SIGNED)
		snprintf(out, INSPECT_TEXT, "%lld", (long long)inspect_sign(v,
		    (unsigned)in->size * 8));
	else
		snprintf(out, INSPECT_TEXT, "%llu", (unsigned long long)v);
}

/*
 * Writes the shortest decimal that reads back as the same value of the
 * type (up to 17 digits), and NaN and the infinities by name.
 */
static void
inspect_float(enum inspect_type t, int be, const struct inspect_bytes *b,
    char *out)
{
	uint64_t	v = inspect_load(b->b, inspect_types[t].size, be);
	uint32_t	v32 = (uint32_t)v;
	uint16_t	h;
	double		d;
	float		f;
	int		prec;

	if (t == INSPECT_F16)
		d = inspect_half_to_double((uint16_t)v);
	else if (t == INSPECT_F32) {
		memcpy(&f, &v32, sizeof f);
		d = f;
	} else
		memcpy(&d, &v, sizeof d);
	if (isnan(d) || isinf(d)) {
		snprintf(out, INSPECT_TEXT, "%s%s", signbit(d) ? "-" : "",
		    isnan(d) ? "nan" : "inf");
		return;
	}
	/* Whole numbers read best in full: 65504, not 6.55e+04. */
	if (d == trunc(d) && fabs(d) < 1e15) {
		snprintf(out, INSPECT_TEXT, "%.0f", d);
		return;
	}
	for (prec = 1; prec < 17; prec++) {
		snprintf(out, INSPECT_TEXT, "%.*g", prec, d);
		if (t == INSPECT_F16 && inspect_double_to_half(strtod(out,
		    NULL), &h) == 0 && h == (uint16_t)v)
			return;
		if (t == INSPECT_F32 && strtof(out, NULL) == f)
			return;
		if (t == INSPECT_F64 && strtod(out, NULL) == d)
			return;
	}
	snprintf(out, INSPECT_TEXT, "%.17g", d);
}

static void
inspect_leb(int sign, const struct inspect_bytes *b, char *out)
{
	uint64_t	v;
	size_t		used;

	switch (inspect_leb_decode(b->b, b->n, sign, &v, &used)) {
	case INSPECT_LEB_OK:
		if (sign)
			snprintf(out, INSPECT_TEXT, "%lld (%zu byte%s)",
			    (long long)(int64_t)v, used, used == 1 ? "" : "s");
		else
			snprintf(out, INSPECT_TEXT, "%llu (%zu byte%s)",
			    (unsigned long long)v, used, used == 1 ? "" : "s");
		break;
	case INSPECT_LEB_SHORT:
		(void)inspect_missing(b, b->n + 1, out);
		break;
	case INSPECT_LEB_LONG:
		snprintf(out, INSPECT_TEXT, "longer than %d bytes",
		    INSPECT_LEB_MAX);
		break;
	case INSPECT_LEB_RANGE:
		snprintf(out, INSPECT_TEXT, "too large for 64 bits");
		break;
	}
}

/*
 * Writes code point c, which took n bytes, as "'x' U+0078": the glyph
 * only when it is printable text, never a control, format or
 * surrogate code point.
 */
static void
inspect_char(char *out, uint32_t c, size_t n)
{
	char	g[8] = "", u[16];
	int	show = (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c != 0xad &&
		    !(c >= 0x2000 && c <= 0x206f) && !(c >= 0xd800 &&
		    c <= 0xf8ff) && !(c >= 0xfff0 && c <= 0xffff) &&
		    !(c >= 0xe0000 && c <= 0xe007f) && c < 0xf0000);

	if (show && c < 0x80)
		snprintf(g, sizeof g, "'%c' ", (int)c);
	else if (show && c < 0x800)
		snprintf(g, sizeof g, "'%c%c' ", 0xc0 | (c >> 6),
		    0x80 | (c & 0x3f));
	else if (show && c < 0x10000)
		snprintf(g, sizeof g, "'%c%c%c' ", 0xe0 | (c >> 12),
		    0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
	else if (show)
		snprintf(g, sizeof g, "'%c%c%c%c' ", 0xf0 | (c >> 18),
		    0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f),
		    0x80 | (c & 0x3f));
	snprintf(u, sizeof u, "U+%04lX", (unsigned long)c);
	snprintf(out, INSPECT_TEXT, "%s%s%s", g, u, n > 1 ? n == 2 ?
	    " (2 bytes)" : n == 3 ? " (3 bytes)" : " (4 bytes)" : "");
}

/* One UTF-8 character: shortest form only, no surrogates. */
static void
inspect_utf8(const struct inspect_bytes *b, char *out)
{
	static const uint32_t	min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	unsigned char		c = b->b[0];
	size_t			n, i;
	uint32_t		cp;

	n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 &&
	    c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
	if (n == 0)
		goto invalid;
	cp = n == 1 ? c : c & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if (i >= b->n) {
			(void)inspect_missing(b, n, out);
			return;
		}
		if ((b->b[i] & 0xc0) != 0x80)
			goto invalid;
		cp = cp << 6 | (b->b[i] & 0x3f);
	}
	if (cp < min[n] || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))
		goto invalid;
	inspect_char(out, cp, n);
	return;
invalid:
	snprintf(out, INSPECT_TEXT, "invalid UTF-8");
}

/* One UTF-16 character: a unit, or a surrogate pair. */
static void
inspect_utf16(int be, const struct inspect_bytes *b, char *out)
{
	uint32_t	hi = (uint32_t)inspect_load(b->b, 2, be), lo;

	if (hi < 0xd800 || hi >= 0xe000) {
		inspect_char(out, hi, 1);
		return;
	}
	if (hi >= 0xdc00) {
		snprintf(out, INSPECT_TEXT, "lone surrogate U+%04lX",
		    (unsigned long)hi);
		return;
	}
	if (inspect_missing(b, 4, out))
		return;
	lo = (uint32_t)inspect_load(b->b + 2, 2, be);
	if (lo < 0xdc00 || lo >= 0xe000) {
		snprintf(out, INSPECT_TEXT, "lone surrogate U+%04lX",
		    (unsigned long)hi);
		return;
	}
	inspect_char(out, 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00), 1);
	memcpy(out + strlen(out), " (pair)", 8);
}

/* A DOS date and time: the date in the high half, local time. */
static void
inspect_dos(uint64_t v, char *out)
{
	struct inspect_tm	t;
	unsigned		date = (unsigned)(v >> 16), tim = (unsigned)v &
				    0xffff;

	t.year = 1980 + (date >> 9);
	t.month = (date >> 5) & 0xf;
	t.day = date & 0x1f;
	t.hour = tim >> 11;
	t.min = (tim >> 5) & 0x3f;
	t.sec = (tim & 0x1f) * 2;
	if (t.month < 1 || t.month > 12 || t.day < 1 ||
	    t.day > inspect_month_days(t.year, t.month) || t.hour > 23 ||
	    t.min > 59 || t.sec > 59) {
		snprintf(out, INSPECT_TEXT, "invalid DOS date/time");
		return;
	}
	inspect_tm_format(out, INSPECT_TEXT, &t, 0, 0);
	out[strlen(out) - 1] = '\0';	/* local time: no Z */
}

static void
inspect_filetime(uint64_t v, char *out)
{
	struct inspect_tm	t;

	inspect_tm_of((int64_t)(v / 10000000) - FILETIME_1970, &t);
	inspect_tm_format(out, INSPECT_TEXT, &t, (uint32_t)(v % 10000000), 7);
}

/* Little-endian: the first three fields are stored byte-swapped. */
static void
inspect_guid(int be, const unsigned char *p, char *out)
{
	snprintf(out, INSPECT_TEXT, "%08llx-%04llx-%04llx-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", (unsigned long long)inspect_load(p,
	    4, be), (unsigned long long)inspect_load(p + 4, 2, be),
	    (unsigned long long)inspect_load(p + 6, 2, be), p[8], p[9], p[10],
	    p[11], p[12], p[13], p[14], p[15]);
}

void
inspect_decode(enum inspect_type t, int be, const struct inspect_bytes *b,
    char *out)
{
	size_t	need = inspect_types[t].size;
	int	i;

	if (inspect_missing(b, need > 0 ? need : t == INSPECT_UTF16 ? 2 : 1,
	    out))
		return;
	if (!(inspect_types[t].flags & INSPECT_ORDER))
		be = 0;
	switch (t) {
	case INSPECT_BINARY:
		for (i = 0; i < 8; i++)
			out[i] = (char)('0' + ((b->b[0] >> (7 - i)) & 1));
		out[8] = '\0';
		break;
	case INSPECT_F16:
	case INSPECT_F32:
	case INSPECT_F64:
		inspect_float(t, be, b, out);
		break;
	case INSPECT_ULEB:
	case INSPECT_SLEB:
		inspect_leb(t == INSPECT_SLEB, b, out);
		break;
	case INSPECT_UTF8:
		inspect_utf8(b, out);
		break;
	case INSPECT_UTF16:
		inspect_utf16(be, b, out);
		break;
	case INSPECT_TIME32:
	case INSPECT_TIME64: {
		struct inspect_tm	tm;

		inspect_tm_of(inspect_sign(inspect_load(b->b, need, be),
		    (unsigned)need * 8), &tm);
		inspect_tm_format(out, INSPECT_TEXT, &tm, 0, 0);
		break;
	}
	case INSPECT_DOSTIME:
		inspect_dos(inspect_load(b->b, 4, be), out);
		break;
	case INSPECT_FILETIME:
		inspect_filetime(inspect_load(b->b, 8, be), out);
		break;
	case INSPECT_GUID:
		inspect_guid(be, b->b, out);
		break;
	case INSPECT_HEX:
	case INSPECT_STRING:
	case INSPECT_NTYPES:
		out[0] = '\0';
		break;
	default:
		inspect_int(t, be, b, out);
		break;
	}
}

int
inspect_integer(enum inspect_type t, int be, const struct inspect_bytes *b,
    uint64_t *v)
{
	const struct inspect_info	*in = &inspect_types[t];
	size_t				 used;

	if (!(in->flags & INSPECT_INT))
		return (-1);
	if (in->size == 0)
		return (inspect_leb_decode(b->b, b->n, t == INSPECT_SLEB, v,
		    &used) == INSPECT_LEB_OK ? 0 : -1);
	if (b->n < in->size)
		return (-1);
	*v = inspect_load(b->b, in->size, (in->flags & INSPECT_ORDER) && be);
	if (in->flags & INSPECT_SIGNED)
		*v = (uint64_t)inspect_sign(*v, (unsigned)in->size * 8);
	return (0);
}

int
inspect_type_find(const char *name, int *be, char *err, size_t errlen)
{
	size_t	i, n, len = strlen(name);

	for (i = 0; i < INSPECT_NTYPES; i++) {
		n = strlen(inspect_types[i].name);
		if (strncmp(name, inspect_types[i].name, n) != 0)
			continue;
		*be = 0;
		if (name[n] == '\0')
			return ((int)i);
		if (!(inspect_types[i].flags & INSPECT_ORDER) || len != n + 2)
			continue;
		if (strcmp(name + n, "le") == 0 || strcmp(name + n, "be") == 0) {
			*be = name[n] == 'b';
			return ((int)i);
		}
	}
	snprintf(err, errlen, "unknown type '%s': use u8 i8 u16 i16 u24 i24 "
	    "u32 i32 u64 i64 f16 f32 f64 (le/be), uleb128 sleb128 utf8 utf16 "
	    "time32 time64 dostime filetime guid binary hex text", name);
	return (-1);
}
