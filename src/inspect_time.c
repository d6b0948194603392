/*
 * inspect_time.c: civil dates from day counts and back, and ISO 8601.
 *
 * The day arithmetic is Howard Hinnant's era-based algorithm, exact for
 * every int64_t second count.  Parsing is strict: every field has its
 * own range and anything left over is an error, so a typo never writes
 * a plausible but wrong date into a file.
 */
#include "config.h"

#include "inspect_time.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY	86400

static int	inspect_field(const char **, int, uint64_t, uint64_t,
		    uint64_t *);
static int	inspect_small(const char **, int, unsigned, unsigned,
		    unsigned *);
static int	inspect_zone(const char **, int64_t *);
static int	inspect_date_part(const char **, struct inspect_tm *);
static int	inspect_clock_part(const char **, struct inspect_tm *,
		    uint32_t *);

int64_t
inspect_days(int64_t y, unsigned m, unsigned d)
{
	int64_t		era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (int64_t)(m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468);
}

unsigned
inspect_month_days(int64_t y, unsigned m)
{
	static const unsigned	days[] = { 31, 28, 31, 30, 31, 30, 31, 31,
				    30, 31, 30, 31 };
	int			leap = (y % 4 == 0 && y % 100 != 0) ||
				    y % 400 == 0;

	if (m < 1 || m > 12)
		return (0);
	return (days[m - 1] + (m == 2 && leap));
}

void
inspect_tm_of(int64_t secs, struct inspect_tm *t)
{
	int64_t	z = secs / DAY, rem = secs % DAY, era, doe, yoe, doy, mp;

	if (rem < 0) {
		rem += DAY;
		z--;
	}
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	t->day = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	t->month = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	t->year = yoe + era * 400 + (t->month <= 2);
	t->hour = (unsigned)(rem / 3600);
	t->min = (unsigned)(rem / 60 % 60);
	t->sec = (unsigned)(rem % 60);
}

void
inspect_tm_format(char *out, size_t len, const struct inspect_tm *t,
    uint32_t frac, int digits)
{
	char	f[12] = "";
	int	i;

	/* Written digit by digit: at most 10, the rightmost last. */
	if (digits > 10)
		digits = 10;
	if (digits > 0) {
		f[0] = '.';
		for (i = digits; i > 0; i--, frac /= 10)
			f[i] = (char)('0' + frac % 10);
		f[digits + 1] = '\0';
	}
	snprintf(out, len, "%s%04lld-%02u-%02uT%02u:%02u:%02u%sZ",
	    t->year < 0 ? "-" : "", (long long)(t->year < 0 ? -t->year :
	    t->year), t->month, t->day, t->hour, t->min, t->sec, f);
}

/*
 * Reads exactly width digits (width 0: one to 12) at *p into *v and
 * checks lo <= v <= hi.  Returns 0, or -1.
 */
static int
inspect_field(const char **p, int width, uint64_t lo, uint64_t hi,
    uint64_t *v)
{
	const char	*s = *p;
	uint64_t	 n = 0;
	int		 i;

	for (i = 0; isdigit((unsigned char)s[i]) && (width == 0 ?
	    i < 12 : i < width); i++)
		n = n * 10 + (uint64_t)(s[i] - '0');
	if (i == 0 || (width > 0 && i != width) || isdigit((unsigned char)s[i]))
		return (-1);
	if (n < lo || n > hi)
		return (-1);
	*v = n;
	*p = s + i;
	return (0);
}

/* inspect_field() for a field that fits an unsigned. */
static int
inspect_small(const char **p, int width, unsigned lo, unsigned hi,
    unsigned *v)
{
	uint64_t	n;

	if (inspect_field(p, width, lo, hi, &n) == -1)
		return (-1);
	*v = (unsigned)n;
	return (0);
}

/* Reads "YYYY-MM-DD" (a year of 1 to 9 digits, with a sign). */
static int
inspect_date_part(const char **p, struct inspect_tm *t)
{
	uint64_t	y;
	int		neg = **p == '-';

	if (**p == '-' || **p == '+')
		(*p)++;
	/* The years int64_t seconds reach, either way. */
	if (inspect_field(p, 0, 0, 292277026596ULL, &y) == -1 ||
	    *(*p)++ != '-' || inspect_small(p, 2, 1, 12, &t->month) == -1 ||
	    *(*p)++ != '-' || inspect_small(p, 2, 1, 31, &t->day) == -1)
		return (-1);
	t->year = neg ? -(int64_t)y : (int64_t)y;
	return (t->day <= inspect_month_days(t->year, t->month) ? 0 : -1);
}

/* Reads "HH:MM[:SS[.fraction]]"; the fraction in 100 ns units. */
static int
inspect_clock_part(const char **p, struct inspect_tm *t, uint32_t *frac)
{
	uint32_t	scale = 1000000;

	if (inspect_small(p, 2, 0, 23, &t->hour) == -1 || *(*p)++ != ':' ||
	    inspect_small(p, 2, 0, 59, &t->min) == -1)
		return (-1);
	if (**p != ':')
		return (0);
	(*p)++;
	if (inspect_small(p, 2, 0, 59, &t->sec) == -1)
		return (-1);
	if (**p != '.' && **p != ',')
		return (0);
	(*p)++;
	if (!isdigit((unsigned char)**p))
		return (-1);
	for (; isdigit((unsigned char)**p); (*p)++) {
		if (scale == 0)
			return (-1);	/* finer than 100 ns */
		*frac += (uint32_t)(**p - '0') * scale;
		scale /= 10;
	}
	return (0);
}

/* Reads "Z", "+HH:MM", "-HH:MM" or nothing into *off (seconds east). */
static int
inspect_zone(const char **p, int64_t *off)
{
	unsigned	h, m;
	int		sign;

	*off = 0;
	if (**p == 'Z' || **p == 'z') {
		(*p)++;
		return (0);
	}
	if (**p != '+' && **p != '-')
		return (0);
	sign = *(*p)++ == '-' ? -1 : 1;
	if (inspect_small(p, 2, 0, 23, &h) == -1)
		return (-1);
	if (**p == ':')
		(*p)++;
	if (inspect_small(p, 2, 0, 59, &m) == -1)
		return (-1);
	*off = sign * (int64_t)(h * 3600 + m * 60);
	return (0);
}

int
inspect_time_parse(const char *s, int64_t *secs, uint32_t *frac,
    char *err, size_t errlen)
{
	struct inspect_tm	t;
	const char		*p = s;
	int64_t			off = 0;

	memset(&t, 0, sizeof t);
	*frac = 0;
	if (inspect_date_part(&p, &t) == -1)
		goto bad;
	if ((*p == 'T' || *p == 't' || *p == ' ') && p[1] != '\0') {
		p++;
		if (inspect_clock_part(&p, &t, frac) == -1 ||
		    inspect_zone(&p, &off) == -1)
			goto bad;
	}
	if (*p != '\0')
		goto bad;
	/* Days of 12-digit years fit; their seconds may not. */
	if (__builtin_mul_overflow(inspect_days(t.year, t.month, t.day), DAY,
	    secs) || __builtin_add_overflow(*secs, (int64_t)(t.hour * 3600 +
	    t.min * 60 + t.sec) - off, secs))
		goto bad;
	return (0);
bad:
	snprintf(err, errlen, "'%s' is not a time: use ISO 8601, e.g. "
	    "2024-02-29T13:05:09Z", s);
	return (-1);
}
