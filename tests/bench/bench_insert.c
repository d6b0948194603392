/*
 * bench_insert.c: inserting one byte at offset 0 of a 1 GiB file.
 *
 *	bench_insert FILE
 *
 * FILE must be a 1 GiB file on the file system to measure; it is
 * changed.  Opens it in direct mode and times, through the journal:
 * inserting 1 byte at 0 (the whole file moves up through the mapping,
 * in chunks), undoing it, then inserting 4096 bytes at 0 with the
 * fallocate path allowed (block aligned: the blocks shift, nothing
 * moves) and without it.  Prints one line a case, "NAME SECONDS MOVED
 * SHIFTED", for bench_insert.sh.  A benchmark, not a test: it judges
 * nothing.  Times are into the page cache: nothing is flushed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "journal.h"

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

/* Inserts n bytes at 0 and prints what it cost; undoes it after. */
static int
one(struct doc *d, struct journal *j, const char *name, size_t n,
    int no_shift)
{
	static unsigned char	bytes[4096];
	char			err[256];
	uint64_t		off;
	double			t;

	d->no_shift = no_shift;
	memset(bytes, 0x5a, sizeof bytes);
	t = now();
	if (journal_insert(j, 0, bytes, n, err, sizeof err) == -1) {
		fprintf(stderr, "bench_insert: %s\n", err);
		return (-1);
	}
	t = now() - t;
	printf("%s %.3f %llu %d\n", name, t, (unsigned long long)d->moved,
	    d->shifted);
	if (journal_undo(j, &off, err, sizeof err) != 1) {
		fprintf(stderr, "bench_insert: undo: %s\n", err);
		return (-1);
	}
	return (0);
}

int
main(int argc, char **argv)
{
	struct doc	 d;
	struct journal	*j;
	char		 err[512];
	int		 rc = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: bench_insert FILE\n");
		return (2);
	}
	if (doc_open(&d, argv[1], MAPPING_DIRECT, err, sizeof err) == -1 ||
	    (j = journal_new(&d)) == NULL) {
		fprintf(stderr, "bench_insert: %s\n", err);
		return (1);
	}
	if (one(&d, j, "insert-1", 1, 1) == -1 ||
	    one(&d, j, "insert-4096-fallocate", 4096, 0) == -1 ||
	    one(&d, j, "insert-4096-moved", 4096, 1) == -1)
		rc = 1;
	journal_free(j);
	doc_close(&d);
	return (rc);
}
