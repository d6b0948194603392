/*
 * bench_journal.c: the cost of many scattered edits, undo-all and undo.
 *
 *	bench_journal [EDITS]
 *
 * Makes a 64 MiB file in $TMPDIR, opens it in preview mode and times,
 * through the journal: EDITS (default 100000) one-byte writes at
 * offsets 160 bytes apart, first in order and then (on a fresh
 * journal) the same offsets in a shuffled order; undo-all of the EDITS
 * ranges against undo-all of a tenth of them; and undoing every step one
 * by one.  It also weighs the heap the journal holds for 10,000 typed
 * bytes, for a 64 MiB fill and for a 16 MiB write (a paste), against
 * the bytes changed.  Prints rows for tests/bench/run: "| name | maphex
 * | baseline | ratio | target |".  A benchmark, not a test: it judges
 * nothing.
 */
#include "config.h"

#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "doc.h"
#include "journal.h"

#define FILE_SIZE	(64u << 20)
#define GAP		160

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

static void
die(const char *what, const char *err)
{
	fprintf(stderr, "bench_journal: %s: %s\n", what, err);
	exit(1);
}

/* Writes one byte at each of the n offsets; returns the seconds taken. */
static double
type_all(struct journal *j, const uint64_t *offs, size_t n)
{
	char		err[256];
	unsigned char	b = 0x5a;
	double		t0 = now();
	size_t		i;

	for (i = 0; i < n; i++)
		if (journal_write(j, offs[i], &b, 1, err, sizeof err) == -1)
			die("write", err);
	return (now() - t0);
}

static double
undo_all(struct journal *j)
{
	char		err[256];
	uint64_t	off;
	double		t0 = now();

	if (journal_undo_all(j, &off, err, sizeof err) != 1)
		die("undo-all", err);
	return (now() - t0);
}

static double
undo_each(struct journal *j)
{
	char		err[256];
	uint64_t	off;
	double		t0 = now();
	int		rc;

	while ((rc = journal_undo(j, &off, err, sizeof err)) == 1)
		;
	if (rc == -1)
		die("undo", err);
	return (now() - t0);
}

static struct journal *
fresh(struct doc *d, const char *path)
{
	struct journal	*j;
	char		 err[256];

	doc_close(d);
	if (doc_open(d, path, MAPPING_PREVIEW, err, sizeof err) == -1)
		die("open", err);
	if ((j = journal_new(d)) == NULL)
		die("journal", "out of memory");
	return (j);
}

/* Bytes of heap in use now. */
static double
heap(void)
{
	struct mallinfo2	mi = mallinfo2();

	return ((double)mi.uordblks + (double)mi.hblkhd);
}

/*
 * Heap the journal holds per changed byte: 10,000 bytes typed one at a
 * time (*typed), a fill of 64 MiB with a 4-byte pattern (*fill), and a
 * write of 16 MiB (*wrote).
 */
static void
weigh(struct doc *d, const char *path, double *typed, double *fill,
    double *wrote)
{
	struct journal	*j;
	char		 err[256];
	unsigned char	 b = 0x5a, *buf;
	double		 h0;
	size_t		 i, n = 16u << 20;

	j = fresh(d, path);
	h0 = heap();
	for (i = 0; i < 10000; i++)
		if (journal_write(j, 4096 + i, &b, 1, err, sizeof err) == -1)
			die("write", err);
	*typed = (heap() - h0) / 10000;
	journal_free(j);
	j = fresh(d, path);
	h0 = heap();
	if (journal_fill(j, 0, 64u << 20 > FILE_SIZE ? FILE_SIZE : 64u << 20,
	    (const unsigned char *)"\xde\xad\xbe\xef", 4, err,
	    sizeof err) == -1)
		die("fill", err);
	*fill = (heap() - h0) / (64u << 20 > FILE_SIZE ? FILE_SIZE :
	    64u << 20);
	journal_free(j);
	if ((buf = malloc(n)) == NULL)
		die("write", "out of memory");
	for (i = 0; i < n; i++)
		buf[i] = (unsigned char)(i * 7 + 1);
	j = fresh(d, path);
	h0 = heap();
	if (journal_write(j, 4096, buf, n, err, sizeof err) == -1)
		die("write", err);
	*wrote = (heap() - h0) / n;
	journal_free(j);
	free(buf);
}

static void
row(const char *name, double a, double b, const char *target)
{
	printf("| %s | %.3f s | %.3f s | %.2fx | %s |\n", name, a, b,
	    b > 0 ? a / b : 0.0, target);
}

int
main(int argc, char **argv)
{
	struct doc	 d;
	struct journal	*j;
	uint64_t	*offs, t;
	size_t		 n = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000, i, k;
	const char	*tmp = getenv("TMPDIR");
	char		 path[4096];
	double		 sorted, random, all, tenth, each, typed, fill, wrote;
	int		 fd;

	if (n == 0 || n > FILE_SIZE / GAP)
		die("EDITS", "must be 1 to 419430");
	snprintf(path, sizeof path, "%s/maphex-bench-journal.XXXXXX",
	    tmp != NULL ? tmp : "/tmp");
	if ((fd = mkstemp(path)) == -1 || ftruncate(fd, FILE_SIZE) == -1)
		die(path, "cannot create");
	close(fd);
	if ((offs = calloc(n, sizeof *offs)) == NULL)
		die("offsets", "out of memory");
	for (i = 0; i < n; i++)
		offs[i] = (uint64_t)i * GAP;
	memset(&d, 0, sizeof d);

	j = fresh(&d, path);
	sorted = type_all(j, offs, n);
	all = undo_all(j);
	journal_free(j);

	srand(1);
	for (i = n - 1; i > 0; i--) {		/* Fisher-Yates */
		k = (size_t)rand() % (i + 1);
		t = offs[i], offs[i] = offs[k], offs[k] = t;
	}
	j = fresh(&d, path);
	random = type_all(j, offs, n);
	each = undo_each(j);
	journal_free(j);

	j = fresh(&d, path);
	type_all(j, offs, n / 10);
	tenth = undo_all(j);
	journal_free(j);
	weigh(&d, path, &typed, &fill, &wrote);
	doc_close(&d);
	unlink(path);

	char name[128];
	snprintf(name, sizeof name, "%zu one-byte edits, shuffled vs in order",
	    n);
	row(name, random, sorted, "<= 1.5x");
	snprintf(name, sizeof name, "undo-all of %zu ranges vs %zu", n, n / 10);
	row(name, all, tenth, "< 0.050 s, ~10x");
	snprintf(name, sizeof name, "undo %zu steps one by one vs typing them",
	    n);
	row(name, each, random, "~1x");
	printf("| heap per byte typed (10000 one-byte steps) | %.0f B | 1 B "
	    "| %.0fx | the step's bookkeeping |\n", typed, typed);
	printf("| heap per byte filled (%u MiB, 4-byte pattern) | %.2f B | "
	    "1 B | %.2fx | ~2x |\n", FILE_SIZE >> 20, fill, fill);
	printf("| heap per byte written (16 MiB, a paste) | %.2f B | 1 B | "
	    "%.2fx | ~2x |\n", wrote, wrote);
	free(offs);
	return (0);
}
