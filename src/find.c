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

#define FIND_BUFSIZE	65536

struct find_out {
	int	fd;
	int	error;		/* errno of a failed write, or 0 */
	size_t	used;
	char	buf[FIND_BUFSIZE];
};

static int	find_flush(struct find_out *);
static int	find_emit(void *, uint64_t);

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

/* Appends one offset and a newline; returns nonzero to stop. */
static int
find_emit(void *arg, uint64_t off)
{
	struct find_out	*out = arg;
	char		 digits[24];
	size_t		 n = 0;

	if (FIND_BUFSIZE - out->used < sizeof digits && find_flush(out) == -1)
		return (1);
	do {
		digits[n++] = (char)('0' + off % 10);
		off /= 10;
	} while (off != 0);
	while (n > 0)
		out->buf[out->used++] = digits[--n];
	out->buf[out->used++] = '\n';
	return (0);
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
	res = search_all(d, p, 0, &opts, find_emit, &out, err, errlen);
	if (out.error == 0)
		(void)find_flush(&out);
	if (out.error != 0) {
		snprintf(err, errlen, "%s: cannot write the offsets: %s",
		    outfd == STDOUT_FILENO ? "standard output" : "output",
		    strerror(out.error));
		return (-1);
	}
	if (res == SEARCH_ERROR || res == SEARCH_CANCELLED)
		return (-1);
	return (res == SEARCH_FOUND);
}
