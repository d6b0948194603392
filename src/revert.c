/*
 * revert.c: xxd -r, reading a dump back into bytes.
 *
 * The parser is xxd's huntype() state machine, so that the same dump
 * gives the same bytes: an offset up to the first non-hex character,
 * then pairs of hex digits until cols bytes or two non-hex characters
 * in a row, and the rest of the line skipped.  Bytes collect in a
 * buffer that goes out with pwrite(2) whenever the position jumps; a
 * long run of zeros past the old end of the file is skipped instead,
 * and a final ftruncate() gives the file its length.  This file owns
 * its own descriptor of the output; it must not print or exit.
 */
#include "config.h"

#include "revert.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io.h"
#include "quote.h"

#define REVERT_BUF	(64 * 1024)

struct revert {
	const struct revert_opts *o;
	int		 in, fd;
	const char	*inname, *path;
	unsigned char	 ibuf[REVERT_BUF];
	size_t		 ilen, ipos;
	unsigned char	 obuf[REVERT_BUF];
	size_t		 olen;
	uint64_t	 ooff;		/* file offset of obuf[0] */
	uint64_t	 oldsize;	/* the file's size when opened */
	uint64_t	 end;		/* the end of the last byte stored */
	uint64_t	 stored;
	char		*err;
	size_t		 errlen;
};

static int	revert_getc(struct revert *);
static int	revert_fail(struct revert *, const char *);
static int	revert_flush(struct revert *);
static int	revert_put(struct revert *, int64_t, unsigned char);
static int	revert_hex(int);
static int	revert_parse(struct revert *);
static int	revert_open(struct revert *);

static int
revert_fail(struct revert *r, const char *what)
{
	char	q[256];

	snprintf(r->err, r->errlen, "%s: %s: %s", quote_string(q, sizeof q,
	    what == NULL ? r->inname : r->path), what == NULL ?
	    "cannot read the dump" : what, strerror(errno));
	return (-1);
}

/* The next byte of the dump, -1 at its end, -2 when a read fails. */
static int
revert_getc(struct revert *r)
{
	ssize_t	n;

	if (r->ipos == r->ilen) {
		do
			n = read(r->in, r->ibuf, sizeof r->ibuf);
		while (n == -1 && errno == EINTR);
		if (n == -1)
			return (revert_fail(r, NULL) - 1);
		if (n == 0)
			return (-1);
		r->ilen = (size_t)n;
		r->ipos = 0;
	}
	return (r->ibuf[r->ipos++]);
}

/*
 * Writes the buffered bytes.  Zeros past the old end in runs of at
 * least o->hole bytes are skipped: the file there is a hole, which
 * reads as zeros once ftruncate() has set the length.
 */
static int
revert_flush(struct revert *r)
{
	size_t		i = 0, j, z;
	uint64_t	off;

	while (i < r->olen) {
		for (j = i; j < r->olen; j = z) {
			for (z = j; z < r->olen && r->obuf[z] == 0; z++)
				continue;
			if (z - j >= r->o->hole && r->ooff + j >= r->oldsize)
				break;
			if (z == j)
				z++;
		}
		off = r->ooff + i;
		if (j > i && io_pwrite_all(r->fd, r->obuf + i, j - i, off) == -1)
			return (revert_fail(r, "cannot write"));
		for (i = j; i < r->olen && r->obuf[i] == 0; i++)
			continue;
	}
	if (r->ooff + r->olen > r->end)
		r->end = r->ooff + r->olen;
	r->ooff += r->olen;
	r->olen = 0;
	return (0);
}

/* Stores byte b at offset at, which may jump back or forth. */
static int
revert_put(struct revert *r, int64_t at, unsigned char b)
{
	char	q[256];

	if (at < 0) {
		snprintf(r->err, r->errlen, "%s: the dump names an offset "
		    "before the start of the file (check -s)",
		    quote_string(q, sizeof q, r->path));
		return (-1);
	}
	if ((uint64_t)at != r->ooff + r->olen || r->olen == sizeof r->obuf) {
		if (revert_flush(r) == -1)
			return (-1);
		r->ooff = (uint64_t)at;
	}
	r->obuf[r->olen++] = b;
	r->stored++;
	return (0);
}

static int
revert_hex(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/*
 * xxd's huntype(): n1, n2, n3 are the last three characters as hex
 * digits (-1: not one), p counts the bytes of the line (p >= cols
 * while reading the offset), want is the offset the dump names.
 */
static int
revert_parse(struct revert *r)
{
	const int	 plain = r->o->plain;
	const uint64_t	 cols = r->o->cols;
	int		 c, n1 = -1, n2 = 0, n3 = 0, garbage = 1;
	uint64_t	 p = cols, want = 0;

	while ((c = revert_getc(r)) >= 0) {
		if (c == '\r')
			continue;
		if (plain && (c == ' ' || c == '\n' || c == '\t'))
			continue;
		n3 = n2;
		n2 = n1;
		n1 = revert_hex(c);
		if (n1 == -1 && garbage)
			continue;
		garbage = 0;
		if (!plain && p >= cols) {
			if (n1 < 0)
				p = 0;
			else
				want = want << 4 | (uint64_t)n1;
			continue;
		}
		if (n2 >= 0 && n1 >= 0) {
			if (revert_put(r, r->o->base + (int64_t)want,
			    (unsigned char)(n2 << 4 | n1)) == -1)
				return (-1);
			want++;
			n1 = -1;
			if (!plain && ++p >= cols)
				while (c != '\n' && c >= 0)
					c = revert_getc(r);
		} else if (n1 < 0 && n2 < 0 && n3 < 0)
			while (c != '\n' && c >= 0)
				c = revert_getc(r);
		if (c == -2)
			return (-1);
		if (c == '\n') {
			if (!plain)
				want = 0;
			p = cols;
			garbage = 1;
		}
		if (c == -1)
			break;
	}
	return (c == -2 ? -1 : 0);
}

static int
revert_open(struct revert *r)
{
	struct stat	st;
	char		q[256];

	r->fd = open(r->path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
	if (r->fd == -1)
		return (revert_fail(r, "cannot open for writing"));
	if (fstat(r->fd, &st) == -1)
		return (revert_fail(r, "cannot stat"));
	if (!S_ISREG(st.st_mode)) {
		snprintf(r->err, r->errlen, "%s: not a regular file; "
		    "--revert writes into files only",
		    quote_string(q, sizeof q, r->path));
		return (-1);
	}
	r->oldsize = (uint64_t)st.st_size;
	return (0);
}

int
revert_run(int infd, const char *inname, const char *path,
    const struct revert_opts *o, uint64_t *written, char *err,
    size_t errlen)
{
	struct revert	*rp = calloc(1, sizeof *rp);
	struct stat	 st;
	int		 rc;

	if (rp == NULL) {
		snprintf(err, errlen, "--revert: %s", strerror(ENOMEM));
		return (-1);
	}
#define r (*rp)
	r.o = o;
	r.in = infd;
	r.fd = -1;
	r.inname = inname;
	r.path = path;
	r.err = err;
	r.errlen = errlen;
	rc = revert_open(&r);
	if (rc == 0)
		rc = revert_parse(&r);
	if (rc == 0)
		rc = revert_flush(&r);
	if (rc == 0 && fstat(r.fd, &st) == -1)
		rc = revert_fail(&r, "cannot stat");
	if (rc == 0 && r.end > (uint64_t)st.st_size &&
	    ftruncate(r.fd, (off_t)r.end) == -1)
		rc = revert_fail(&r, "cannot set the length");
	if (r.fd != -1 && close(r.fd) == -1 && rc == 0)
		rc = revert_fail(&r, "cannot close");
	if (written != NULL)
		*written = r.stored;
#undef r
	free(rp);
	return (rc);
}
