/*
 * inspect_time.h: calendar dates for the data inspector's time rows.
 *
 * Seconds since 1970-01-01 in UTC to and from the proleptic Gregorian
 * calendar, over the whole range of int64_t seconds, without the C
 * library's time functions (whose range and time zone vary).  Pure
 * functions: no I/O, no locale, no time zone.
 */
#ifndef MAPHEX_INSPECT_TIME_H
#define MAPHEX_INSPECT_TIME_H

#include <stddef.h>
#include <stdint.h>

/* A date and time of day in UTC. */
struct inspect_tm {
	int64_t		year;
	unsigned	month;		/* 1 to 12 */
	unsigned	day;		/* 1 to 31 */
	unsigned	hour, min, sec;
};

/* Days since 1970-01-01 of the date; the date must be valid. */
int64_t	inspect_days(int64_t year, unsigned month, unsigned day);

/* The number of days in month (1 to 12) of year. */
unsigned inspect_month_days(int64_t year, unsigned month);

/* Splits seconds since 1970-01-01T00:00:00Z into a date and time. */
void	inspect_tm_of(int64_t secs, struct inspect_tm *);

/*
 * Writes t as ISO 8601, "2024-02-29T13:05:09Z"; with digits > 0 the
 * fraction frac (of 10^digits) follows the seconds.
 */
void	inspect_tm_format(char *out, size_t len, const struct inspect_tm *t,
	    uint32_t frac, int digits);

/*
 * Parses ISO 8601 "YYYY-MM-DD[(T| )HH:MM[:SS[.fraction]]][Z|+HH:MM|-HH:MM]"
 * (UTC when no zone is given) into seconds since 1970 and the fraction
 * in units of 100 ns (at most 7 digits).  Returns 0, or -1 with a
 * one-line reason in err.
 */
int	inspect_time_parse(const char *s, int64_t *secs, uint32_t *frac,
	    char *err, size_t errlen);

#endif
