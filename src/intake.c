/*
 * intake.c: stdin and /proc files copied into anonymous files and
 * opened as documents, filled while the session shows them.
 *
 * The feed does the copying and knows no document; the mapping maps
 * a descriptor of its own.  This file decides the modes: the copy is
 * read-only while it fills (nothing can be edited that is still
 * growing), stdin's becomes direct (or what -p or -r asked for) at
 * the end, a /proc file's stays read-only.  Stdin that is a file is
 * mapped as it is, in the mode its descriptor allows.  It must not
 * print.
 */
#include "config.h"

#include "intake.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc.h"
#include "offset.h"
#include "session.h"
#include "window.h"

static int	intake_begin(struct feed *, const char *, char *, size_t);
static int	intake_mappable(void);
static int	intake_map_start(struct intake *, enum mapping_mode, char *,
		    size_t);
static uint64_t	intake_mem_available(void);
static int	intake_limit(struct intake *, char *, size_t);
static void	intake_size_text(uint64_t, char *, size_t);
static void	intake_capped(const struct intake *, const char *, char *,
		    size_t);
static void	intake_end(struct intake *, struct session *, int);
static void	intake_seek(struct intake *, struct session *);
static int	intake_drain(struct intake *, struct doc *, char *, size_t);

/* Starts f over stdin or a /proc file: 1, 0 (neither), or -1. */
static int
intake_begin(struct feed *f, const char *path, char *err, size_t errlen)
{
	if (strcmp(path, "-") != 0)
		return (feed_probe(f, path, err, errlen));
	if (isatty(STDIN_FILENO)) {
		snprintf(err, errlen, "-: stdin is a terminal; pipe the data "
		    "in (cmd | maphex -) or name a FILE");
		return (-1);
	}
	return (feed_open(f, STDIN_FILENO, 0, INTAKE_STDIN, err, errlen) ==
	    -1 ? -1 : 1);
}

/* Is stdin a regular file with bytes, or a block device? */
static int
intake_mappable(void)
{
	struct stat	st;

	return (fstat(STDIN_FILENO, &st) == 0 && ((S_ISREG(st.st_mode) &&
	    st.st_size > 0) || S_ISBLK(st.st_mode)));
}

/*
 * Stdin is a file: it is mapped as it is.  Its descriptor decides the
 * mode: direct only when it was opened for writing (<>), else
 * read-only, or a preview that saves under a new name.  1, or -1.
 */
static int
intake_map_start(struct intake *in, enum mapping_mode mode, char *err,
    size_t errlen)
{
	off_t	cur;
	int	fl, writable;

	if ((fl = fcntl(STDIN_FILENO, F_GETFL)) == -1) {
		snprintf(err, errlen, "-: stdin: %s", strerror(errno));
		return (-1);
	}
	writable = (fl & O_ACCMODE) == O_RDWR;
	if (mode == MAPPING_DIRECT && !writable) {
		snprintf(err, errlen, "-: stdin is open read-only, so -w "
		    "cannot write it (maphex -w - <> FILE opens it for "
		    "writing; -p edits a copy)");
		return (-1);
	}
	in->mapped = 1;
	in->from_stdin = 1;
	if ((cur = lseek(STDIN_FILENO, 0, SEEK_CUR)) > 0)
		in->skip = (uint64_t)cur;
	in->mode = mode != MAPPING_AUTO ? mode : writable ? MAPPING_DIRECT :
	    MAPPING_READONLY;
	in->note = mode == MAPPING_AUTO && !writable ? "stdin is a file "
	    "open read-only (<> opens it for writing; -p edits a copy)" : "";
	return (1);
}

int
intake_start(struct intake *in, const char *path, enum mapping_mode mode,
    const char *start, char *err, size_t errlen)
{
	int	rc;

	memset(in, 0, sizeof *in);
	in->feed.src = in->feed.memfd = -1;
	in->path = path;
	if (strcmp(path, "-") == 0 && !isatty(STDIN_FILENO) &&
	    intake_mappable())
		return (intake_map_start(in, mode, err, errlen));
	if ((rc = intake_begin(&in->feed, path, err, errlen)) != 1)
		return (rc);
	if (intake_limit(in, err, errlen) == -1) {
		intake_close(in);
		return (-1);
	}
	in->active = 1;
	in->feed.patience = INTAKE_WAIT_MS;
	in->from_stdin = strcmp(path, "-") == 0;
	in->path = path;
	in->mode = !in->from_stdin ? MAPPING_READONLY :
	    mode == MAPPING_AUTO ? MAPPING_DIRECT : mode;
	in->start = start;
	return (1);
}

int
intake_open(struct intake *in, struct doc *d, char *err, size_t errlen)
{
	int	fd;

	if (in->mapped) {
		/* Read-only mode holds a read-only descriptor, even for <>. */
		fd = in->mode == MAPPING_READONLY ?
		    open("/proc/self/fd/0", O_RDONLY | O_CLOEXEC) : -1;
		if (fd == -1 &&
		    (fd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0)) == -1) {
			snprintf(err, errlen, "-: stdin: %s", strerror(errno));
			return (-1);
		}
		return (doc_open_anon(d, fd, INTAKE_STDIN, in->mode, in->note,
		    err, errlen));
	}
	/* A copy that stays read-only is mapped from a read-only fd. */
	if ((fd = feed_map_fd(&in->feed, in->mode != MAPPING_READONLY, err,
	    errlen)) == -1)
		return (-1);
	return (doc_open_anon(d, fd, in->from_stdin ? INTAKE_STDIN :
	    in->path, MAPPING_READONLY, in->from_stdin ?
	    "reading stdin..." : "/proc file copied at open", err, errlen));
}

void
intake_attach(const struct intake *in, struct session *s)
{
	s->reading = in->active;
	s->in_memory = in->from_stdin && !in->mapped &&
	    in->mode != MAPPING_READONLY;
}

int
intake_tick(struct intake *in, struct session *s)
{
	char		err[512];
	uint64_t	was = in->feed.size;
	int		rc;

	if (!in->active) {
		session_refresh(s);
		return (-1);
	}
	rc = feed_pump(&in->feed, FEED_BUDGET, err, sizeof err);
	/* The status line's size grows; the note says why. */
	session_refresh(s);
	if (rc == -1)
		session_message(s, 1, "%s", err);
	if (in->feed.done) {
		intake_end(in, s, rc == -1);
		return (-1);
	}
	/*
	 * Input that came may come on: a producer refills its pipe only
	 * once it was read, so the next tick looks at once (after the
	 * keys); only a tick that found nothing waits the idle time.
	 */
	return (rc == 1 || in->feed.size > was ? 0 : INTAKE_IDLE_MS);
}

/*
 * The input ended (failed: the error is said already).  Stdin's copy
 * becomes what the command line asked for; a /proc file's stays
 * read-only.  Then -s applies.
 */
static void
intake_end(struct intake *in, struct session *s, int failed)
{
	char		err[512];
	uint64_t	n = in->feed.size;
	int		capped = in->feed.capped;

	intake_close(in);
	s->reading = 0;
	if (in->from_stdin && session_set_mode(s, in->mode, err,
	    sizeof err) == -1)
		session_message(s, 1, "%s", err);
	else if (capped) {
		intake_capped(in, "is not shown", err, sizeof err);
		session_message(s, 1, "%s", err);
	} else if (!failed)
		session_message(s, 0, "%s: %llu byte%s, end of input%s",
		    in->from_stdin ? "stdin" : "read-only",
		    (unsigned long long)n, n == 1 ? "" : "s", !in->from_stdin ?
		    " (a /proc file, copied)" : in->mode != MAPPING_READONLY ?
		    "; F2 saves it as a file" : "");
	intake_seek(in, s);
}

/* -s OFFSET, once the size it counts from is known. */
static void
intake_seek(struct intake *in, struct session *s)
{
	char		err[256];
	uint64_t	off;

	if (in->start == NULL)
		return;
	if (offset_seek(in->start, doc_size(s->doc), &off, err,
	    sizeof err) == -1) {
		session_message(s, 1, "-s %s: %s", in->start, err);
		return;
	}
	/* As main does at open: the last screenful, then the offset. */
	window_goto(session_window(s), doc_size(s->doc));
	window_goto(session_window(s), off);
}

void
intake_close(struct intake *in)
{
	feed_close(&in->feed);
	in->active = 0;
}

int
intake_open_whole(const char *path, struct doc *d, uint64_t *skip,
    char *err, size_t errlen)
{
	struct intake	in;
	int		rc;

	if (skip != NULL)
		*skip = 0;
	if ((rc = intake_start(&in, path, MAPPING_READONLY, NULL, err,
	    errlen)) <= 0)
		return (rc == 0 ? doc_open(d, path, MAPPING_READONLY, err,
		    errlen) : -1);
	if (in.mapped && (skip != NULL || in.skip == 0)) {
		if (skip != NULL)
			*skip = in.skip;
		return (intake_open(&in, d, err, errlen));
	}
	/* A read from stdin's offset on gives what the caller wants. */
	if (in.mapped && (feed_open(&in.feed, STDIN_FILENO, 0, INTAKE_STDIN,
	    err, errlen) == -1 || intake_limit(&in, err, errlen) == -1)) {
		intake_close(&in);
		return (-1);
	}
	in.mapped = 0;
	return (intake_drain(&in, d, err, errlen));
}

int
intake_open_proc(const char *path, struct doc *d, char *err, size_t errlen)
{
	struct intake	in;
	int		rc;

	memset(&in, 0, sizeof in);
	in.feed.src = in.feed.memfd = -1;
	if ((rc = feed_probe(&in.feed, path, err, errlen)) != 1)
		return (rc);
	in.path = path;
	in.mode = MAPPING_READONLY;
	if (intake_limit(&in, err, errlen) == -1) {
		intake_close(&in);
		return (-1);
	}
	return (intake_drain(&in, d, err, errlen) < 0 ? -1 : 1);
}

/*
 * Reads the input to its end, then opens d over the copy; closes in.
 * A copy cut at the limit opens nothing: -2 with err.
 */
static int
intake_drain(struct intake *in, struct doc *d, char *err, size_t errlen)
{
	int	rc;

	rc = feed_drain(&in->feed, err, errlen);
	if (rc == 0 && in->feed.capped) {
		intake_capped(in, "was not read (a larger "
		    INTAKE_LIMIT_ENV " reads more)", err, errlen);
		rc = -2;
	}
	if (rc == 0)
		rc = intake_open(in, d, err, errlen);
	intake_close(in);
	return (rc);
}

/* MemAvailable of /proc/meminfo in bytes, or 0 when unknown. */
static uint64_t
intake_mem_available(void)
{
	unsigned long long	 kib = 0;
	char			 line[256];
	FILE			*fp;

	if ((fp = fopen("/proc/meminfo", "re")) == NULL)
		return (0);
	while (fgets(line, sizeof line, fp) != NULL)
		if (sscanf(line, "MemAvailable: %llu kB", &kib) == 1)
			break;
	fclose(fp);
	return (kib > UINT64_MAX / 1024 ? 0 : (uint64_t)kib * 1024);
}

/*
 * Sets the feed's limit: $MAPHEX_INPUT_LIMIT when set, else the smaller
 * of INTAKE_LIMIT and half the memory available now (whole MiBs, 1 at
 * least), for the copy lives in memory.  0, or -1 with err (a bad
 * size in the environment).
 */
static int
intake_limit(struct intake *in, char *err, size_t errlen)
{
	const char	*env = getenv(INTAKE_LIMIT_ENV);
	const uint64_t	 mib = (uint64_t)1 << 20;
	uint64_t	 half = intake_mem_available() / 2, limit = 0;
	char		 why[256];
	int		 bad;

	if (env != NULL && env[0] != '\0') {
		bad = offset_size(env, 0, &limit, why, sizeof why) == -1;
		if (bad || limit == 0) {
			snprintf(err, errlen, "%s=%s: %s (give a size such as "
			    "512M)", INTAKE_LIMIT_ENV, env, bad ? why :
			    "the limit must be above 0");
			return (-1);
		}
		in->why = INTAKE_LIMIT_ENV;
	} else {
		limit = INTAKE_LIMIT;
		if (half > 0 && half < limit)
			limit = half < mib ? mib : half / mib * mib;
		in->why = "memory";
	}
	in->feed.limit = limit;
	return (0);
}

/* "4 GiB", "512 MiB", "3 KiB" or "1000 bytes": n, exactly. */
static void
intake_size_text(uint64_t n, char *buf, size_t len)
{
	static const char *const units[] = { "GiB", "MiB", "KiB" };
	int	i;

	for (i = 0; i < 3; i++)
		if (n > 0 && n % ((uint64_t)1 << (30 - 10 * i)) == 0) {
			snprintf(buf, len, "%llu %s", (unsigned long long)(n >>
			    (30 - 10 * i)), units[i]);
			return;
		}
	snprintf(buf, len, "%llu byte%s", (unsigned long long)n,
	    n == 1 ? "" : "s");
}

/* Says that the copy stopped at the limit and the rest of it "what". */
static void
intake_capped(const struct intake *in, const char *what, char *err,
    size_t errlen)
{
	char	size[64];

	intake_size_text(in->feed.limit, size, sizeof size);
	snprintf(err, errlen, "%s: stopped reading at %s (%s); the rest of "
	    "the input %s", in->from_stdin ? "stdin" : in->path, size,
	    in->why, what);
}
