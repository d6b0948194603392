/*
 * find.c: prints the offsets of all matches for --find.
 *
 * The offsets go into a buffer that is written out in big pieces, so
 * that a pattern matching millions of times costs little more than the
 * scan.  This file owns the buffer and the output descriptor; it never
 * opens files, parses arguments or exits.
 */
#include "config.h"

#include "find.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "io.h"
#include "search.h"
#include "search_regex.h"

#define FIND_BUFSIZE	65536

struct find_out {
	int	fd;
	int	error;		/* errno of a failed write, or 0 */
	int	lengths;	/* "offset:length" lines */
	size_t	used;
	char	buf[FIND_BUFSIZE];
};

static int	find_flush(struct find_out *);
static int	find_emit(void *, uint64_t);
static int	find_emit_regex(void *, uint64_t, uint64_t);
static void	find_number(struct find_out *, uint64_t);
static int	find_finish(struct find_out *, enum search_result, char *,
		    size_t);

/* Writes out the buffer.  Returns 0, or -1 with out->error set. */
static int
find_flush(struct find_out *out)
{
	if (io_write_all(out->fd, out->buf, out->used) == -1) {
		out->error = errno;
		return (-1);
	}
	out->used = 0;
	return (0);
}

/* Appends the decimal digits of n. */
static void
find_number(struct find_out *out, uint64_t n)
{
	char	digits[24];
	size_t	k = 0;

	do {
		digits[k++] = (char)('0' + n % 10);
		n /= 10;
	} while (n != 0);
	while (k > 0)
		out->buf[out->used++] = digits[--k];
}

/* Appends one offset and a newline; returns nonzero to stop. */
static int
find_emit(void *arg, uint64_t off)
{
	struct find_out	*out = arg;

	if (FIND_BUFSIZE - out->used < 48 && find_flush(out) == -1)
		return (1);
	find_number(out, off);
	out->buf[out->used++] = '\n';
	return (0);
}

/* Appends "offset" or "offset:length" and a newline. */
static int
find_emit_regex(void *arg, uint64_t off, uint64_t len)
{
	struct find_out	*out = arg;

	if (FIND_BUFSIZE - out->used < 48 && find_flush(out) == -1)
		return (1);
	find_number(out, off);
	if (out->lengths) {
		out->buf[out->used++] = ':';
		find_number(out, len);
	}
	out->buf[out->used++] = '\n';
	return (0);
}

/* Flushes and turns the search's result into find_print's. */
static int
find_finish(struct find_out *out, enum search_result res, char *err,
    size_t errlen)
{
	if (out->error == 0)
		(void)find_flush(out);
	if (out->error != 0) {
		snprintf(err, errlen, "%s: cannot write the offsets: %s",
		    out->fd == STDOUT_FILENO ? "standard output" : "output",
		    strerror(out->error));
		return (-1);
	}
	if (res == SEARCH_ERROR || res == SEARCH_CANCELLED)
		return (-1);
	return (res == SEARCH_FOUND);
}

int
find_print(const struct doc *d, const struct pattern *p,
    int outfd, char *err, size_t errlen)
{
	struct find_out		out;
	struct search_opts	opts;
	enum search_result	res;

	memset(&opts, 0, sizeof opts);
	opts.use_holes = 1;
	out.fd = outfd;
	out.error = 0;
	out.used = 0;
	out.lengths = 0;
	res = search_all(d, p, 0, &opts, find_emit, &out, err, errlen);
	return (find_finish(&out, res, err, errlen));
}

int
find_print_regex(const struct doc *d, const struct search_regex *re,
    int lengths, int outfd, char *err, size_t errlen)
{
	struct find_out		out;
	struct search_opts	opts;
	enum search_result	res;

	memset(&opts, 0, sizeof opts);
	opts.use_holes = 1;
	out.fd = outfd;
	out.error = 0;
	out.used = 0;
	out.lengths = lengths;
	res = search_regex_all(d, re, 0, &opts, find_emit_regex, &out, err,
	    errlen);
	return (find_finish(&out, res, err, errlen));
}
