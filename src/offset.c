/*
 * offset.c: parses go-to expressions into file offsets.
 *
 * The grammar is small on purpose: [+|-]EXPR and NUMBER%, where EXPR
 * is numbers (0x1f, 31, 4k, 1M, 2G), "end" and brackets joined by
 * + - * / with the usual precedence.  Arithmetic is checked so that no
 * expression wraps around a 64-bit offset.  Nothing here knows about the cursor beyond the value
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

/* An expression being read: where, the whole text, the file's size. */
struct offset_expr {
	const char	*p;
	const char	*text;
	uint64_t	 size;
	int		 depth;
	char		*err;
	size_t		 errlen;
};

#define OFFSET_DEPTH	16	/* brackets inside brackets, at most */

static int		 offset_syntax(struct offset_expr *);
static int		 offset_factor(struct offset_expr *, uint64_t *);
static int		 offset_term(struct offset_expr *, uint64_t *);
static int		 offset_sum(struct offset_expr *, uint64_t *);
static int		 offset_eval(const char *, uint64_t, uint64_t *, char *,
			    size_t);

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

static int
offset_syntax(struct offset_expr *e)
{
	snprintf(e->err, e->errlen, "not a number or expression: '%s' (try "
	    "0x10+5, 4k, 3*512, end-16)", e->text);
	return (-1);
}

/*
 * A number (a decimal one may end in a unit: k, M, G, powers of 1024),
 * "end", or a bracketed expression.
 */
static int
offset_factor(struct offset_expr *e, uint64_t *out)
{
	char		 word[64];
	size_t		 n = 0;
	uint64_t	 unit = 1;

	e->p = offset_skip(e->p);
	if (*e->p == '(') {
		if (++e->depth > OFFSET_DEPTH)
			return (offset_syntax(e));
		e->p++;
		if (offset_sum(e, out) == -1)
			return (-1);
		e->p = offset_skip(e->p);
		if (*e->p != ')')
			return (offset_syntax(e));
		e->p++;
		e->depth--;
		return (0);
	}
	while (isalnum((unsigned char)e->p[n]) && n + 1 < sizeof word) {
		word[n] = e->p[n];
		n++;
	}
	word[n] = '\0';
	if (n == 0)
		return (offset_syntax(e));
	e->p += n;
	if (strcasecmp(word, "end") == 0) {
		*out = e->size;
		return (0);
	}
	switch (word[n - 1]) {
	case 'k': case 'K':
		unit = 1ULL << 10;
		break;
	case 'm': case 'M':
		unit = 1ULL << 20;
		break;
	case 'g': case 'G':
		unit = 1ULL << 30;
		break;
	}
	/* Units go after decimal numbers only: 0xfg is a typo. */
	if (unit > 1 && n > 1 && !(word[0] == '0' && (word[1] == 'x' ||
	    word[1] == 'X')))
		word[n - 1] = '\0';
	else
		unit = 1;
	if (offset_number(word, out, e->err, e->errlen) == -1) {
		/* Say it of the whole text, as the user typed it. */
		(void)offset_number(e->text, out, e->err, e->errlen);
		return (-1);
	}
	if (*out > UINT64_MAX / unit) {
		snprintf(e->err, e->errlen, "number too large: '%s'", e->text);
		return (-1);
	}
	*out *= unit;
	return (0);
}

static int
offset_term(struct offset_expr *e, uint64_t *out)
{
	uint64_t	r;
	char		op;

	if (offset_factor(e, out) == -1)
		return (-1);
	for (;;) {
		e->p = offset_skip(e->p);
		if (*e->p != '*' && *e->p != '/')
			return (0);
		op = *e->p++;
		if (offset_factor(e, &r) == -1)
			return (-1);
		if (op == '/' && r == 0) {
			snprintf(e->err, e->errlen, "division by zero: '%s'",
			    e->text);
			return (-1);
		}
		if (op == '*' && r != 0 && *out > UINT64_MAX / r) {
			snprintf(e->err, e->errlen, "number too large: '%s'",
			    e->text);
			return (-1);
		}
		*out = op == '*' ? *out * r : *out / r;
	}
}

static int
offset_sum(struct offset_expr *e, uint64_t *out)
{
	uint64_t	r;
	char		op;

	if (offset_term(e, out) == -1)
		return (-1);
	for (;;) {
		e->p = offset_skip(e->p);
		if (*e->p != '+' && *e->p != '-')
			return (0);
		op = *e->p++;
		if (offset_term(e, &r) == -1)
			return (-1);
		if (op == '-' && r > *out) {
			snprintf(e->err, e->errlen, "offset before the start of "
			    "the file");
			return (-1);
		}
		if (op == '+' && r > UINT64_MAX - *out) {
			snprintf(e->err, e->errlen, "offset past the end of the "
			    "file");
			return (-1);
		}
		*out = op == '+' ? *out + r : *out - r;
	}
}

/* Evaluates a whole expression; trailing garbage is an error. */
static int
offset_eval(const char *text, uint64_t size, uint64_t *out, char *err,
    size_t errlen)
{
	struct offset_expr	e;

	memset(&e, 0, sizeof e);
	e.p = text;
	e.text = text;
	e.size = size;
	e.err = err;
	e.errlen = errlen;
	if (offset_sum(&e, out) == -1)
		return (-1);
	if (*offset_skip(e.p) != '\0') {
		if (isalnum((unsigned char)*offset_skip(e.p)))
			snprintf(err, errlen, "not a number: '%s'", text);
		else
			(void)offset_syntax(&e);
		return (-1);
	}
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
	if (*s == '+' || *s == '-') {
		if (offset_eval(s + 1, size, &delta, err, errlen) == -1)
			return (-1);
		return (offset_apply(cur, *s == '-' ? -1 : 1, delta, size,
		    out, err, errlen));
	}
	if (offset_eval(s, size, &delta, err, errlen) == -1)
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
	if (offset_eval(s + 1, size, &delta, err, errlen) == -1)
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
	/* "MiB" and "MB" are read as "M". */
	if (e - buf >= 3 && strcmp(e - 2, "iB") == 0 &&
	    strchr("kKmMgGtT", e[-3]) != NULL)
		*(e -= 2) = '\0';
	else if (e - buf >= 2 && e[-1] == 'B' &&
	    strchr("kKmMgGtT", e[-2]) != NULL)
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
