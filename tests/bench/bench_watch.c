/*
 * bench_watch.c: what watching for other writers costs a refresh.
 *
 *	bench_watch [REFRESHES]
 *
 * Makes a 64 MiB file in $TMPDIR, opens it read-only in a session laid
 * out on a 100x30 screen, and times REFRESHES (default 100000) calls of
 * session_refresh() (the path check, the size check and the watch for
 * other writers) against the same number of what a refresh did before
 * the watch (session_check_path() and doc_refresh()): first with the
 * file unchanged, then with another writer's byte on screen before each
 * call (a pwrite and a new mtime in both loops), where the watch
 * compares the screen and takes it again.  Then the same on a 300x100
 * screen with -m.  Prints rows for tests/bench/run: "| name | maphex |
 * baseline | ratio | target |".  A benchmark, not a test: it judges
 * nothing.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "doc.h"
#include "layout.h"
#include "session.h"

#define FILE_SIZE	(64u << 20)

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
	fprintf(stderr, "bench_watch: %s: %s\n", what, err);
	exit(1);
}

/* Another writer: one byte at off on screen, and a modification time. */
static void
other_write(int fd, uint64_t off, unsigned char b, time_t sec)
{
	struct timespec	ts[2] = { { sec, 0 }, { sec, 0 } };

	if (pwrite(fd, &b, 1, (off_t)off) != 1 || futimens(fd, ts) == -1)
		die("pwrite", "cannot write the file");
}

/*
 * Times n refreshes of s, the whole one (watch != 0) or what a refresh
 * did before the watch; with fd >= 0 another writer changes a byte on
 * screen before each.
 */
static double
refreshes(struct session *s, size_t n, int watch, int fd)
{
	char	err[256];
	double	t0 = now();
	size_t	i;

	for (i = 0; i < n; i++) {
		if (fd >= 0)
			other_write(fd, 0x25 + i % 64, (unsigned char)i,
			    (time_t)(1000000 + i));
		if (watch)
			session_refresh(s);
		else {
			(void)session_check_path(s, err, sizeof err);
			(void)doc_refresh(s->doc, err, sizeof err);
		}
	}
	return (now() - t0);
}

static void
row(const char *name, double a, double b, size_t n, const char *target)
{
	printf("| %s | %.2f us | %.2f us | %.2fx | %s |\n", name, a * 1e6 / n,
	    b * 1e6 / n, b > 0 ? a / b : 0.0, target);
}

/* The four rows of one screen size. */
static void
screen(const char *path, size_t n, int rows, int cols, int maximize)
{
	struct doc	d;
	struct session	s;
	char		err[256], name[160];
	double		quiet, quiet0, busy, busy0;
	int		fd;

	if (doc_open(&d, path, MAPPING_READONLY, err, sizeof err) == -1 ||
	    session_init(&s, &d, 0, maximize, err, sizeof err) == -1)
		die("open", err);
	layout_apply(&s, rows, cols);
	session_refresh(&s);
	quiet0 = refreshes(&s, n, 0, -1);
	quiet = refreshes(&s, n, 1, -1);
	if ((fd = open(path, O_WRONLY)) == -1)
		die(path, "cannot open for writing");
	busy0 = refreshes(&s, n / 10, 0, fd);
	busy = refreshes(&s, n / 10, 1, fd);
	close(fd);
	snprintf(name, sizeof name, "refresh, %dx%d screen (%zu bytes a row), "
	    "file unchanged, vs without the watch", cols, rows,
	    session_window(&s)->columns);
	row(name, quiet, quiet0, n, "one fstat more");
	snprintf(name, sizeof name, "refresh, %dx%d screen, another writer's "
	    "byte each time, vs without the watch", cols, rows);
	row(name, busy, busy0, n / 10, "a few us");
	session_free(&s);
	doc_close(&d);
}

int
main(int argc, char **argv)
{
	size_t		 n = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
	const char	*tmp = getenv("TMPDIR");
	char		 path[4096];
	int		 fd;

	if (n < 10)
		die("REFRESHES", "must be 10 or more");
	snprintf(path, sizeof path, "%s/maphex-bench-watch.XXXXXX",
	    tmp != NULL ? tmp : "/tmp");
	if ((fd = mkstemp(path)) == -1 || ftruncate(fd, FILE_SIZE) == -1)
		die(path, "cannot create");
	close(fd);
	screen(path, n, 30, 100, 0);
	screen(path, n, 100, 300, 1);
	unlink(path);
	return (0);
}
