/*
 * intake.c: stdin and /proc files copied into anonymous files and
 * opened as documents, filled while the session shows them.
 *
 * The feed does the copying and knows no document; the mapping maps
 * a descriptor of its own.  This file decides the modes: the copy is
 * read-only while it fills (nothing can be edited that is still
 * growing), stdin's becomes direct (or what -p or -r asked for) at
 * the end, a /proc file's stays read-only.  It must not print.
 */
#include "config.h"

#include "intake.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "offset.h"
#include "session.h"
#include "window.h"

static int	intake_begin(struct feed *, const char *, char *, size_t);
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

int
intake_start(struct intake *in, const char *path, enum mapping_mode mode,
    const char *start, char *err, size_t errlen)
{
	int	rc;

	memset(in, 0, sizeof *in);
	in->feed.src = in->feed.memfd = -1;
	if ((rc = intake_begin(&in->feed, path, err, errlen)) != 1)
		return (rc);
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
	s->in_memory = in->from_stdin && in->mode != MAPPING_READONLY;
}

int
intake_tick(struct intake *in, struct session *s)
{
	char	err[512];
	int	rc;

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
	return (rc == 1 ? 0 : INTAKE_IDLE_MS);
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

	intake_close(in);
	s->reading = 0;
	if (in->from_stdin && session_set_mode(s, in->mode, err,
	    sizeof err) == -1)
		session_message(s, 1, "%s", err);
	else if (!failed)
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
intake_open_whole(const char *path, struct doc *d, char *err, size_t errlen)
{
	struct intake	in;
	int		rc;

	if ((rc = intake_start(&in, path, MAPPING_READONLY, NULL, err,
	    errlen)) <= 0)
		return (rc == 0 ? doc_open(d, path, MAPPING_READONLY, err,
		    errlen) : -1);
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
	return (intake_drain(&in, d, err, errlen) == -1 ? -1 : 1);
}

/* Reads the input to its end, then opens d over the copy; closes in. */
static int
intake_drain(struct intake *in, struct doc *d, char *err, size_t errlen)
{
	int	rc;

	rc = feed_drain(&in->feed, err, errlen);
	if (rc == 0)
		rc = intake_open(in, d, err, errlen);
	intake_close(in);
	return (rc);
}
