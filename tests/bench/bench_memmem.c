/*
 * bench_memmem.c: the baseline and the driver for bench_search.sh.
 *
 * Built alone it is what the search layer is measured against, a plain
 * mmap + memmem loop counting the matches of a text in a file:
 *	bench_memmem memmem FILE TEXT
 * and it writes the test data, MIB mebibytes of pseudo-random bytes
 * with NEEDLE planted every 16 MiB:
 *	bench_memmem gen FILE MIB NEEDLE
 * Built with -DBENCH_SEARCH and linked with the library (src/search.c,
 * src/search_scan.c, src/search_simd.c, src/mapping.c, src/guard.c and
 * the rest) it also drives the search layer, counting the matches going
 * one way, on THREADS threads at most (default: one per CPU, up to the
 * search's limit):
 *	bench_memmem forward|backward FILE PATTERN [text|hex|icase [THREADS]]
 * Each mode prints the number of matches; the script times the runs.
 */
#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef BENCH_SEARCH
#include "doc.h"
#include "pattern.h"
#include "search.h"
#endif

#define BENCH_STRIDE	(16u << 20)

static int	bench_memmem(const char *, const char *);
static int	bench_gen(const char *, const char *, const char *);
#ifdef BENCH_SEARCH
static int	bench_count(void *, uint64_t);
static int	bench_search(const char *, const char *, const char *,
		    const char *, int);
#endif

static int
bench_memmem(const char *path, const char *text)
{
	struct stat		 st;
	const unsigned char	*base, *p, *end;
	size_t			 len = strlen(text);
	unsigned long long	 count = 0;
	int			 fd;

	if ((fd = open(path, O_RDONLY)) == -1 || fstat(fd, &st) == -1) {
		perror(path);
		return (2);
	}
	base = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (base == MAP_FAILED) {
		perror(path);
		return (2);
	}
	end = base + st.st_size;
	for (p = base; (p = memmem(p, (size_t)(end - p), text, len)) != NULL;
	    p++)
		count++;
	printf("%llu\n", count);
	return (0);
}

static int
bench_gen(const char *path, const char *mib, const char *needle)
{
	static unsigned char	 buf[1 << 20];
	uint64_t		 x = 0x9e3779b97f4a7c15ull;
	size_t			 i, n = strtoul(mib, NULL, 10);
	FILE			*f;

	if ((f = fopen(path, "w")) == NULL) {
		perror(path);
		return (2);
	}
	for (; n > 0; n--) {
		for (i = 0; i < sizeof buf; i += 8) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			memcpy(buf + i, &x, 8);
		}
		if (n % (BENCH_STRIDE >> 20) == 0)
			memcpy(buf + 12345, needle, strlen(needle));
		if (fwrite(buf, 1, sizeof buf, f) != sizeof buf)
			break;
	}
	if (fclose(f) != 0 || n != 0) {
		perror(path);
		return (2);
	}
	return (0);
}

#ifdef BENCH_SEARCH
static int
bench_count(void *arg, uint64_t off)
{
	(void)off;
	(*(unsigned long long *)arg)++;
	return (0);
}

static int
bench_search(const char *way, const char *path, const char *text,
    const char *kind, int threads)
{
	struct pattern		p;
	struct search_opts	o;
	struct doc		m;
	unsigned long long	count = 0;
	uint64_t		from = UINT64_MAX, at;
	char			err[512];
	int			r;

	memset(&o, 0, sizeof o);
	o.use_holes = 1;
	o.threads = threads;
	if (doc_open(&m, path, MAPPING_READONLY, err, sizeof err) == -1 ||
	    (strcmp(kind, "hex") == 0 ?
	    pattern_parse_hex(text, &p, err, sizeof err) :
	    pattern_parse_text(text, strcmp(kind, "icase") == 0, &p, err,
	    sizeof err)) == -1) {
		fprintf(stderr, "%s\n", err);
		return (2);
	}
	if (strcmp(way, "forward") == 0)
		r = search_all(&m, &p, 0, &o, bench_count, &count, err,
		    sizeof err);
	else {
		while ((r = search_backward(&m, &p, from, &o, &at, err,
		    sizeof err)) == SEARCH_FOUND && at > 0) {
			count++;
			from = at - 1;
		}
		count += r == SEARCH_FOUND;
	}
	if (r == SEARCH_ERROR) {
		fprintf(stderr, "%s\n", err);
		return (2);
	}
	printf("%llu\n", count);
	pattern_free(&p);
	doc_close(&m);
	return (0);
}
#endif

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "memmem") == 0)
		return (bench_memmem(argv[2], argv[3]));
	if (argc == 5 && strcmp(argv[1], "gen") == 0)
		return (bench_gen(argv[2], argv[3], argv[4]));
#ifdef BENCH_SEARCH
	if (argc >= 4 && argc <= 6 && (strcmp(argv[1], "forward") == 0 ||
	    strcmp(argv[1], "backward") == 0))
		return (bench_search(argv[1], argv[2], argv[3],
		    argc >= 5 ? argv[4] : "text",
		    argc == 6 ? atoi(argv[5]) : 0));
#endif
	fprintf(stderr, "usage: bench_memmem memmem FILE TEXT | "
	    "gen FILE MIB NEEDLE | forward|backward FILE PATTERN "
	    "[text|hex|icase [THREADS]]\n");
	return (2);
}
