/*
 * offset.c: parses go-to expressions into file offsets.
 *
 * The grammar is small on purpose: [+|-]NUMBER, end[(+|-)NUMBER] and
 * NUMBER%.  Arithmetic is checked so that no expression wraps around a
 * 64-bit offset.  Nothing here knows about the cursor beyond the value
 * it is handed.
 */
#include "config.h"

#include "offset.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char	*offset_skip(const char *);
static int		 offset_percent(const char *, size_t, uint64_t,
			    uint64_t *, char *, size_t);
static int		 offset_apply(uint64_t, int, uint64_t, uint64_t,
			    uint64_t *, char *, size_t);

static const char *
offset_skip(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return (s);
}

int
offset_number(const char *text, uint64_t *out, char *err, size_t errlen)
{
	const char	*s = offset_skip(text);
	uint64_t	 v = 0;
	unsigned	 base = 10, d;
	int		 digits = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	for (; *s != '\0' && !isspace((unsigned char)*s); s++, digits++) {
		if (isdigit((unsigned char)*s))
			d = (unsigned)(*s - '0');
		else if (base == 16 && isxdigit((unsigned char)*s))
			d = (unsigned)(tolower((unsigned char)*s) - 'a' + 10);
		else {
			snprintf(err, errlen, "not a %s number: '%s'",
			    base == 16 ? "hex" : "decimal", text);
			return (-1);
		}
		if (v > (UINT64_MAX - d) / base) {
			snprintf(err, errlen, "number too large: '%s'", text);
			return (-1);
		}
		v = v * base + d;
	}
	if (digits == 0 || *offset_skip(s) != '\0') {
		snprintf(err, errlen, "not a number: '%s'", text);
		return (-1);
	}
	*out = v;
	return (0);
}

/* Computes base + sign * delta, refusing results outside [0, size]. */
static int
offset_apply(uint64_t base, int sign, uint64_t delta, uint64_t size,
    uint64_t *out, char *err, size_t errlen)
{
	uint64_t	r;

	if (sign < 0 && delta > base) {
		snprintf(err, errlen, "offset before the start of the file");
		return (-1);
	}
	if (sign > 0 && delta > UINT64_MAX - base) {
		snprintf(err, errlen, "offset past the end of the file");
		return (-1);
	}
	r = sign < 0 ? base - delta : base + delta;
	if (r > size) {
		snprintf(err, errlen, "offset 0x%llx is past the end "
		    "(size 0x%llx)", (unsigned long long)r,
		    (unsigned long long)size);
		return (-1);
	}
	*out = r;
	return (0);
}

static int
offset_percent(const char *s, size_t len, uint64_t size, uint64_t *out,
    char *err, size_t errlen)
{
	char		num[32];
	uint64_t	pct;

	if (len >= sizeof num) {
		snprintf(err, errlen, "bad percentage: '%s'", s);
		return (-1);
	}
	memcpy(num, s, len);
	num[len] = '\0';
	if (offset_number(num, &pct, err, errlen) == -1)
		return (-1);
	if (pct > 100) {
		snprintf(err, errlen, "percentage over 100: '%s'", s);
		return (-1);
	}
	*out = size / 100 * pct + size % 100 * pct / 100;
	return (0);
}

int
offset_parse(const char *text, uint64_t cur, uint64_t size, uint64_t *out,
    char *err, size_t errlen)
{
	const char	*s = offset_skip(text);
	size_t		 len = strlen(s);
	uint64_t	 delta;

	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0) {
		snprintf(err, errlen, "no offset given");
		return (-1);
	}
	if (s[len - 1] == '%') {
		if (offset_percent(s, len - 1, size, out, err, errlen) == -1)
			return (-1);
		return (offset_apply(*out, 1, 0, size, out, err, errlen));
	}
	if (strncasecmp(s, "end", 3) == 0) {
		s = offset_skip(s + 3);
		if (*s == '\0')
			return (offset_apply(size, 1, 0, size, out, err,
			    errlen));
		if (*s != '+' && *s != '-') {
			snprintf(err, errlen, "bad offset: '%s' (try end-16)",
			    text);
			return (-1);
		}
		if (offset_number(s + 1, &delta, err, errlen) == -1)
			return (-1);
		return (offset_apply(size, *s == '-' ? -1 : 1, delta, size,
		    out, err, errlen));
	}
	if (*s == '+' || *s == '-') {
		if (offset_number(s + 1, &delta, err, errlen) == -1)
			return (-1);
		return (offset_apply(cur, *s == '-' ? -1 : 1, delta, size,
		    out, err, errlen));
	}
	if (offset_number(s, &delta, err, errlen) == -1)
		return (-1);
	return (offset_apply(delta, 1, 0, size, out, err, errlen));
}

int
offset_seek(const char *text, uint64_t size, uint64_t *out, char *err,
    size_t errlen)
{
	const char	*s = offset_skip(text);
	uint64_t	 delta;

	if (*s != '-')
		return (offset_parse(text, 0, size, out, err, errlen));
	if (offset_number(s + 1, &delta, err, errlen) == -1)
		return (-1);
	return (offset_apply(size, -1, delta, size, out, err, errlen));
}

int
offset_size(const char *text, uint64_t size, uint64_t *out, char *err,
    size_t errlen)
{
	const char	*s = offset_skip(text);
	char		 buf[64], *e;
	unsigned	 shift = 0;
	uint64_t	 v;
	int		 sign = 0;

	if (*s == '+' || *s == '-')
		sign = *s++ == '+' ? 1 : -1;
	if (strlen(s) >= sizeof buf) {
		snprintf(err, errlen, "not a size: too long");
		return (-1);
	}
	strcpy(buf, s);
	for (e = buf + strlen(buf); e > buf && isspace((unsigned char)e[-1]);)
		*--e = '\0';
	if (e > buf && strchr("kKmMgGtT", e[-1]) != NULL) {
		shift = e[-1] == 'k' || e[-1] == 'K' ? 10 : e[-1] == 'm' ||
		    e[-1] == 'M' ? 20 : e[-1] == 'g' || e[-1] == 'G' ? 30 : 40;
		*--e = '\0';
	}
	if (offset_number(buf, &v, err, errlen) == -1)
		return (-1);
	if (v > (uint64_t)INT64_MAX >> shift ||
	    (sign > 0 && (v << shift) > (uint64_t)INT64_MAX - size)) {
		snprintf(err, errlen, "size too large: '%s'", text);
		return (-1);
	}
	v <<= shift;
	if (sign < 0 && v > size) {
		snprintf(err, errlen, "the file has only %llu bytes to take "
		    "away", (unsigned long long)size);
		return (-1);
	}
	*out = sign > 0 ? size + v : sign < 0 ? size - v : v;
	return (0);
}
