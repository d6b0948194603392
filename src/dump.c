/*
 * dump.c: formats a range of a mapping exactly as xxd's default output.
 *
 * This file owns the xxd line layout and the loop that streams it: a
 * chunk of the file at a time is formatted into one buffer of whole
 * lines, and the buffer goes out in one write(2).  The chunk is copied
 * in with pread(2) where the file holds what the document shows: the
 * kernel copies from its page cache without building page tables for
 * the pages, which costs a quarter of the CPU time of faulting them
 * into the mapping, and leaves nothing mapped.  A short read (the file
 * shrank, or the disk failed) and a preview's own pages go through the
 * mapping under guard_call(), so a page that raises SIGBUS becomes an
 * error.  xxd's default layout,
 * -u and -p go through dump_simd.c, the widest vectors the CPU has; the
 * others through dump_layout.c.  It must not print anywhere but
 * the descriptor it is given, exit, or keep any state between calls.
 */
#include "config.h"

#include "dump.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "dump_simd.h"
#include "guard.h"
#include "io.h"
#include "quote.h"

#define DUMP_COLS	16	/* bytes a line, as xxd's default -c 16 */
#define DUMP_HEXW	41	/* hex area and the gap before the text */
#define DUMP_LINEMAX	(16 + 2 + DUMP_HEXW + DUMP_COLS + 1)
#define DUMP_CHUNKMAX	(16 * 1024 * 1024)

struct dump {
	const struct doc	*m;
	int			 fd;
	unsigned char		*in;	/* one chunk of the file */
	char			*out;	/* the lines of that chunk */
	size_t			 chunk;
	char			*err;
	size_t			 errlen;
	const struct dump_layout *l;
	int			 fast;	/* l is xxd's default or -u */
	int			 copy;	/* the file is the document: pread */
	enum dump_isa		 isa;	/* the fast path's instructions */
	size_t			 step;	/* bytes a line, for reads that fault */
	char			*line;	/* scratch line of the other layouts */
	uint64_t		 start;
};

static size_t	 dump_any(const struct dump *, char *, uint64_t,
		    const unsigned char *, size_t);
static int	 dump_setup(struct dump *, const struct dump_layout *);
static int	 dump_read(struct dump *, uint64_t, size_t, size_t *);
static int	 dump_write(struct dump *, const char *, size_t);
static void	 dump_format(void *);
static int	 dump_step(struct dump *, uint64_t, size_t);

/*
 * Copies n bytes at off into d->in.  When a page faults, finds the
 * last whole line before it so that everything readable still goes
 * out: *got is the number of bytes copied, and -1 says why it is short.
 */
static int
dump_read(struct dump *d, uint64_t off, size_t n, size_t *got)
{
	char	q[256];
	size_t	i, step;

	*got = n;
	if (doc_read(d->m, off, d->in, n) == 0)
		return (0);
	for (i = 0; i < n; i += step) {
		step = n - i < d->step ? n - i : d->step;
		if (doc_read(d->m, off + i, d->in + i, step) == -1)
			break;
	}
	*got = i;
	snprintf(d->err, d->errlen, "%s: cannot read offset 0x%" PRIx64
	    ": the file shrank or the disk failed", quote_string(q, sizeof q,
	    doc_path(d->m)), off + i);
	return (-1);
}

/* Writes all of buf; -1 with a message naming the output. */
static int
dump_write(struct dump *d, const char *buf, size_t len)
{
	char	q[256];

	if (io_write_all(d->fd, buf, len) == 0)
		return (0);
	snprintf(d->err, d->errlen, "%s: cannot write the dump of %s: %s",
	    d->fd == STDOUT_FILENO ? "standard output" : "output",
	    quote_string(q, sizeof q, doc_path(d->m)), strerror(errno));
	return (-1);
}

/*
 * Formats the n bytes at p, the file's bytes from off, in d's layout:
 * the default, -u and -p in dump_simd.c, the rest in dump_layout.c.
 */
static size_t
dump_any(const struct dump *d, char *out, uint64_t off,
    const unsigned char *p, size_t n)
{
	uint64_t	shown = off + d->l->displace;

	if (d->fast)
		return (dump_simd_lines(d->isa, d->l->upper, out, shown, p,
		    n));
	if (d->l->kind == DUMP_PLAIN)
		return (dump_simd_plain(d->isa, d->l->upper, out, d->l->cols,
		    off - d->start, p, n));
	return (dump_layout_format(d->l, out, d->line, off - d->start, shown,
	    p, n));
}

/* The arguments and result of dump_format() under guard_call(). */
struct dump_format_args {
	const struct dump	*d;
	uint64_t		 off;
	const unsigned char	*p;
	size_t			 n;
	size_t			 outlen;
};

static void
dump_format(void *arg)
{
	struct dump_format_args	*a = arg;

	a->outlen = dump_any(a->d, a->d->out, a->off, a->p, a->n);
}

/*
 * Dumps n <= d->chunk bytes at off.  The lines are formatted from a
 * pread(2) copy where the file is the document, else straight from the
 * mapping under the guard; only a chunk that faults is copied from the
 * mapping, line by line, to find where the damage is.
 */
static int
dump_step(struct dump *d, uint64_t off, size_t n)
{
	struct dump_format_args	 a = { d, off, NULL, n, 0 };
	size_t			 got;
	int			 rc = 0;

	if (d->copy && doc_pread(d->m, off, d->in, n) == n)
		return (dump_write(d, d->out, dump_any(d, d->out, off, d->in,
		    n)));
	a.p = doc_span(d->m, off, n);
	if (a.p == NULL || guard_call(dump_format, &a) == -1) {
		rc = dump_read(d, off, n, &got);
		a.outlen = dump_any(d, d->out, off, d->in, got);
	}
	/* What was dumped need not stay mapped. */
	doc_release(d->m, off, n);
	if (dump_write(d, d->out, a.outlen) == -1)
		return (-1);
	return (rc);
}

/*
 * Sizes the chunk to whole lines of d->l and allocates its buffers;
 * -1 when memory runs out.  The other layouts take a quarter of the
 * default's chunk, their lines being up to four times as long.
 */
static int
dump_setup(struct dump *d, const struct dump_layout *l)
{
	size_t	unit = l->kind == DUMP_PLAIN || l->kind == DUMP_INCLUDE ?
		    DUMP_COLS : (size_t)l->cols;

	d->l = l;
	d->fast = l->kind == DUMP_HEX && l->cols == DUMP_COLS &&
	    l->group == 2 && !l->decimal;
	if (!d->fast && d->chunk > DUMP_CHUNK / 4)
		d->chunk = DUMP_CHUNK / 4;
	if (d->chunk > DUMP_CHUNKMAX)
		d->chunk = DUMP_CHUNKMAX;
	d->chunk = d->chunk < unit ? unit : d->chunk / unit * unit;
	d->step = unit;
	d->isa = l->isa == DUMP_ISA_AUTO ||
	    !dump_simd_supported((enum dump_isa)l->isa) ? dump_simd_best() :
	    (enum dump_isa)l->isa;
	d->in = malloc(d->chunk);
	if (d->fast)
		d->out = malloc(d->chunk / DUMP_COLS * DUMP_LINEMAX +
		    DUMP_SIMD_SLACK);
	else {
		d->out = malloc(dump_layout_outmax(l, d->chunk) +
		    DUMP_SIMD_SLACK);
		d->line = malloc(DUMP_LINECAP(l->cols > DUMP_MAXCOLS ?
		    0 : l->cols) + 128 + 2 * (l->name ? strlen(l->name) : 0));
	}
	return (d->in == NULL || d->out == NULL || (!d->fast &&
	    d->line == NULL) ? -1 : 0);
}

int
dump_run_layout(const struct doc *m, uint64_t start, uint64_t len,
    const struct dump_layout *l, int outfd, char *err, size_t errlen,
    size_t chunk)
{
	struct dump	d;
	char		q[256];
	uint64_t	done;
	size_t		n;
	int		rc = 0;

	memset(&d, 0, sizeof d);
	d.m = m;
	d.fd = outfd;
	d.chunk = chunk;
	d.err = err;
	d.errlen = errlen;
	d.start = start;
	d.copy = doc_mode(m) != MAPPING_PREVIEW;
	if (start >= doc_size(m))
		len = 0;
	else if (len > doc_size(m) - start)
		len = doc_size(m) - start;
	if (d.chunk == 0)
		d.chunk = DUMP_CHUNK;
	if (dump_setup(&d, l) == -1) {
		snprintf(err, errlen, "%s: %s", quote_string(q, sizeof q,
		    doc_path(m)), strerror(ENOMEM));
		rc = -1;
	}
	if (rc == 0 && !d.fast)
		rc = dump_write(&d, d.line, dump_layout_head(l, d.line));
	doc_advise(m, 1);
	for (done = 0; rc == 0 && done < len; done += n) {
		n = len - done < d.chunk ? (size_t)(len - done) : d.chunk;
		rc = dump_step(&d, start + done, n);
	}
	doc_advise(m, 0);
	if (rc == 0 && !d.fast)
		rc = dump_write(&d, d.line, dump_layout_tail(l, d.line, len));
	free(d.line);
	free(d.out);
	free(d.in);
	return (rc);
}

int
dump_run_chunked(const struct doc *m, uint64_t start, uint64_t len,
    int outfd, char *err, size_t errlen, size_t chunk)
{
	struct dump_layout	l;

	dump_layout_default(&l);
	return (dump_run_layout(m, start, len, &l, outfd, err, errlen,
	    chunk == 0 ? 1 : chunk));
}

int
dump_run(const struct doc *m, uint64_t start, uint64_t len, int outfd,
    char *err, size_t errlen)
{
	return (dump_run_chunked(m, start, len, outfd, err, errlen,
	    DUMP_CHUNK));
}
