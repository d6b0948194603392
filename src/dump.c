/*
 * dump.c: formats a range of a mapping exactly as xxd's default output.
 *
 * This file owns the xxd line layout and the loop that streams it: a
 * chunk of the mapping at a time is formatted under guard_call(), so a
 * page that raises SIGBUS becomes an error, into one buffer of whole
 * lines built from a table of hex pairs, and the buffer goes out in one
 * write(2).  Speed is the point (at least 10 times xxd), which is why
 * lines are assembled a word at a time.  It must not print anywhere but
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
#include "guard.h"
#include "io.h"
#include "quote.h"

#define DUMP_COLS	16	/* bytes a line, as xxd's default -c 16 */
#define DUMP_HEXW	41	/* hex area and the gap before the text */
#define DUMP_LINEMAX	(16 + 2 + DUMP_HEXW + DUMP_COLS + 1)
#define DUMP_CHUNKMAX	(16 * 1024 * 1024)

/*
 * Whole lines are assembled in 64-bit words and stored with memcpy(),
 * a dozen stores a line instead of sixty, which more than halves the
 * time a line takes.  DUMP_PUT(v, n, k) places the n-byte value v, as memcpy() loaded it
 * from memory, at byte k of a word that memcpy() will store.
 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define DUMP_PUT(v, n, k)	((uint64_t)(v) << (64 - 8 * ((n) + (k))))
#else
#define DUMP_PUT(v, n, k)	((uint64_t)(v) << (8 * (k)))
#endif

struct dump {
	const struct doc	*m;
	int			 fd;
	unsigned char		*in;	/* one chunk of the file */
	char			*out;	/* the lines of that chunk */
	size_t			 chunk;
	char			*err;
	size_t			 errlen;
};

static uint64_t	 dump_pair(unsigned char);
static uint64_t	 dump_text8(const unsigned char *);
static char	*dump_offset(char *, uint64_t);
static char	*dump_full(char *, const unsigned char *);
static char	*dump_short(char *, const unsigned char *, size_t);
static size_t	 dump_lines(char *, uint64_t, const unsigned char *, size_t);
static int	 dump_read(struct dump *, uint64_t, size_t, size_t *);
static int	 dump_write(struct dump *, const char *, size_t);
static void	 dump_format(void *);
static int	 dump_step(struct dump *, uint64_t, size_t);

/* Byte b is at dump_hex[2 * b], as two lowercase hex digits. */
static const char dump_hex[] =
	"000102030405060708090a0b0c0d0e0f"
	"101112131415161718191a1b1c1d1e1f"
	"202122232425262728292a2b2c2d2e2f"
	"303132333435363738393a3b3c3d3e3f"
	"404142434445464748494a4b4c4d4e4f"
	"505152535455565758595a5b5c5d5e5f"
	"606162636465666768696a6b6c6d6e6f"
	"707172737475767778797a7b7c7d7e7f"
	"808182838485868788898a8b8c8d8e8f"
	"909192939495969798999a9b9c9d9e9f"
	"a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"
	"b0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
	"c0c1c2c3c4c5c6c7c8c9cacbcccdcecf"
	"d0d1d2d3d4d5d6d7d8d9dadbdcdddedf"
	"e0e1e2e3e4e5e6e7e8e9eaebecedeeef"
	"f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";

/*
 * xxd's text column: printable ASCII (0x20..0x7e) as itself, anything
 * else a dot.  A table, because a compare on random data mispredicts.
 */
static const char dump_text[] =
	"................"
	"................"
	" !\"#$%&'()*+,-./"
	"0123456789:;<=>?"
	"@ABCDEFGHIJKLMNO"
	"PQRSTUVWXYZ[\\]^_"
	"`abcdefghijklmno"
	"pqrstuvwxyz{|}~."
	"................"
	"................"
	"................"
	"................"
	"................"
	"................"
	"................"
	"................";

/* The two hex digits of b, as memcpy() loads them. */
static uint64_t
dump_pair(unsigned char b)
{
	uint16_t	v;

	memcpy(&v, dump_hex + 2 * (size_t)b, 2);
	return (v);
}

/*
 * The text column of the 8 bytes at p, computed on all 8 at once: a
 * byte stays when its top bit is clear, it is at least 0x20 and it is
 * not 0x7f, else it becomes '.'.  No sum carries out of its byte, so
 * this holds in either byte order.
 */
static uint64_t
dump_text8(const unsigned char *p)
{
	const uint64_t	ones = 0x0101010101010101ULL;
	uint64_t	x, low, keep;

	memcpy(&x, p, 8);
	low = x & 0x7f * ones;
	keep = ~x & (low + 0x60 * ones) & ~(low + ones) & 0x80 * ones;
	keep = (keep >> 7) * 0xff;
	return ((x & keep) | ('.' * ones & ~keep));
}

/*
 * Writes "%08" PRIx64 ": ", which is what xxd's "%08lx:" and the space
 * before the first group come to: at least 8 digits, more past 4 GiB.
 */
static char *
dump_offset(char *q, uint64_t off)
{
	size_t		nd = 8, i;
	uint64_t	w;

	if (off <= UINT32_MAX) {
		w = DUMP_PUT(dump_pair(off >> 24), 2, 0) |
		    DUMP_PUT(dump_pair(off >> 16 & 0xff), 2, 2) |
		    DUMP_PUT(dump_pair(off >> 8 & 0xff), 2, 4) |
		    DUMP_PUT(dump_pair(off & 0xff), 2, 6);
		memcpy(q, &w, 8);
		memcpy(q + 8, ": ", 2);
		return (q + 10);
	}
	while (nd < 16 && (off >> (4 * nd)) != 0)
		nd++;
	for (i = nd; i >= 2; i -= 2) {
		memcpy(q + i - 2, dump_hex + 2 * (off & 0xff), 2);
		off >>= 8;
	}
	if (i == 1)
		q[0] = dump_hex[2 * (off & 0xf) + 1];
	memcpy(q + nd, ": ", 2);
	return (q + nd + 2);
}

/*
 * The hex groups and text of a whole line; the hot loop of a dump.
 * Each group's word carries its two spaces and three bytes the next
 * store overwrites, so the stores must stay in this order.
 */
static char *
dump_full(char *q, const unsigned char *p)
{
	uint64_t	w;
	int		i;

	for (i = 0; i < DUMP_COLS / 2; i++) {
		w = DUMP_PUT(dump_pair(p[2 * i]), 2, 0) |
		    DUMP_PUT(dump_pair(p[2 * i + 1]), 2, 2) |
		    DUMP_PUT(' ', 1, 4) | DUMP_PUT(' ', 1, 5);
		memcpy(q + 5 * i, &w, 8);
	}
	q += DUMP_HEXW;
	w = dump_text8(p);
	memcpy(q, &w, 8);
	w = dump_text8(p + 8);
	memcpy(q + 8, &w, 8);
	q[16] = '\n';
	return (q + 17);
}

/*
 * A last line of n < 16 bytes.  xxd pads the hex area with spaces, so
 * the text column starts where it does on a whole line.
 */
static char *
dump_short(char *q, const unsigned char *p, size_t n)
{
	size_t	i;

	memset(q, ' ', DUMP_HEXW);
	for (i = 0; i < n; i++)
		memcpy(q + 5 * i / 2, dump_hex + 2 * (size_t)p[i], 2);
	q += DUMP_HEXW;
	for (i = 0; i < n; i++)
		*q++ = dump_text[p[i]];
	*q++ = '\n';
	return (q);
}

/* Formats the n bytes at p, the file's bytes from off, into out. */
static size_t
dump_lines(char *out, uint64_t off, const unsigned char *p, size_t n)
{
	char	*q = out;
	size_t	 i;

	for (i = 0; n - i >= DUMP_COLS; i += DUMP_COLS) {
		q = dump_offset(q, off + i);
		q = dump_full(q, p + i);
	}
	if (i < n) {
		q = dump_offset(q, off + i);
		q = dump_short(q, p + i, n - i);
	}
	return ((size_t)(q - out));
}

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
		step = n - i < DUMP_COLS ? n - i : DUMP_COLS;
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

/* The arguments and result of dump_format() under guard_call(). */
struct dump_format_args {
	char			*out;
	uint64_t		 off;
	const unsigned char	*p;
	size_t			 n;
	size_t			 outlen;
};

static void
dump_format(void *arg)
{
	struct dump_format_args	*a = arg;

	a->outlen = dump_lines(a->out, a->off, a->p, a->n);
}

/*
 * Dumps n <= d->chunk bytes at off.  The lines are formatted straight
 * from the mapping under the guard, which saves a copy; only a chunk
 * that faults is copied, line by line, to find where the damage is.
 */
static int
dump_step(struct dump *d, uint64_t off, size_t n)
{
	struct dump_format_args	 a = { d->out, off, NULL, n, 0 };
	size_t			 got;
	int			 rc = 0;

	a.p = doc_span(d->m, off, n);
	if (a.p == NULL || guard_call(dump_format, &a) == -1) {
		rc = dump_read(d, off, n, &got);
		a.outlen = dump_lines(d->out, off, d->in, got);
	}
	if (dump_write(d, d->out, a.outlen) == -1)
		return (-1);
	return (rc);
}

int
dump_run_chunked(const struct doc *m, uint64_t start, uint64_t len,
    int outfd, char *err, size_t errlen, size_t chunk)
{
	struct dump	d = { m, outfd, NULL, NULL, chunk, err, errlen };
	char		q[256];
	uint64_t	done;
	size_t		n;
	int		rc = 0;

	if (start >= doc_size(m))
		return (0);
	if (len > doc_size(m) - start)
		len = doc_size(m) - start;
	if (d.chunk > DUMP_CHUNKMAX)
		d.chunk = DUMP_CHUNKMAX;
	d.chunk = d.chunk < DUMP_COLS ? DUMP_COLS : d.chunk & ~(size_t)15;
	d.in = malloc(d.chunk);
	d.out = malloc(d.chunk / DUMP_COLS * DUMP_LINEMAX);
	if (d.in == NULL || d.out == NULL) {
		snprintf(err, errlen, "%s: %s", quote_string(q, sizeof q,
		    doc_path(m)), strerror(ENOMEM));
		rc = -1;
	}
	doc_advise(m, 1);
	for (done = 0; rc == 0 && done < len; done += n) {
		n = len - done < d.chunk ? (size_t)(len - done) : d.chunk;
		rc = dump_step(&d, start + done, n);
		/* What was dumped need not stay resident. */
		doc_release(m, start + done, n);
	}
	doc_advise(m, 0);
	free(d.out);
	free(d.in);
	return (rc);
}

int
dump_run(const struct doc *m, uint64_t start, uint64_t len, int outfd,
    char *err, size_t errlen)
{
	return (dump_run_chunked(m, start, len, outfd, err, errlen,
	    DUMP_CHUNK));
}
