/*
 * check_feed.c: input copied into an anonymous file (feed.c) and that
 * file as a document: the bytes appended are the bytes read, a pump
 * stops at its budget and when nothing is ready, the end of input, read
 * and write errors, the /proc probe, growth seen by the document, the
 * switch to editable at the end, and the session asking before input
 * that exists nowhere else is lost; the limit of a copy (the rest of
 * the input left unread, an error for --dump); stdin that is a file
 * mapped as it is, in the mode its descriptor allows.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "feed.h"
#include "input.h"
#include "intake.h"
#include "keymap.h"
#include "layout.h"
#include "session.h"
#include "suites.h"
#include "testutil.h"

/* A pipe whose read end a feed copies from; w is the write end. */
struct pfx {
	struct feed	f;
	int		w;
};

static void
pfx_open(struct pfx *p, size_t bufsize)
{
	char	err[256];
	int	fds[2];

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(feed_open(&p->f, fds[0], 1, "(stdin)", err,
	    sizeof err), 0);
	p->f.bufsize = bufsize;
	p->w = fds[1];
}

static void
pfx_write(struct pfx *p, const void *buf, size_t len)
{
	ck_assert_int_eq(write(p->w, buf, len), (ssize_t)len);
}

static void
pfx_close_writer(struct pfx *p)
{
	if (p->w != -1)
		close(p->w);
	p->w = -1;
}

/* Asserts that the anonymous file holds exactly len bytes of want. */
static void
assert_copy(const struct feed *f, const unsigned char *want, size_t len)
{
	unsigned char	*got = malloc(len + 1);
	off_t		 end;

	ck_assert_ptr_nonnull(got);
	end = lseek(f->memfd, 0, SEEK_END);
	ck_assert_int_eq(end, (off_t)len);
	ck_assert_int_eq(pread(f->memfd, got, len + 1, 0), (ssize_t)len);
	ck_assert(memcmp(got, want, len) == 0);
	free(got);
}

START_TEST(test_pump_budget)
{
	struct pfx	p;
	unsigned char	data[3000];
	char		err[256];
	uint64_t	seed = 7;

	tu_random(data, sizeof data, &seed);
	pfx_open(&p, 256);
	/* Nothing written yet: nothing ready, not ended. */
	ck_assert_int_eq(feed_pump(&p.f, 1000, err, sizeof err), 0);
	ck_assert_int_eq(p.f.size, 0);
	ck_assert(!p.f.done);
	pfx_write(&p, data, sizeof data);
	/* The budget stops the pump, even between reads of a buffer. */
	ck_assert_int_eq(feed_pump(&p.f, 1000, err, sizeof err), 1);
	ck_assert_int_eq(p.f.size, 1000);
	assert_copy(&p.f, data, 1000);
	ck_assert_int_eq(feed_pump(&p.f, 1000, err, sizeof err), 1);
	ck_assert_int_eq(p.f.size, 2000);
	/* The rest, then nothing is ready: 0, still not the end. */
	ck_assert_int_eq(feed_pump(&p.f, 5000, err, sizeof err), 0);
	ck_assert_int_eq(p.f.size, sizeof data);
	ck_assert(!p.f.done);
	assert_copy(&p.f, data, sizeof data);
	pfx_close_writer(&p);
	ck_assert_int_eq(feed_pump(&p.f, 5000, err, sizeof err), 0);
	ck_assert(p.f.done);
	ck_assert_int_eq(p.f.src, -1);
	ck_assert_int_eq(p.f.size, sizeof data);
	assert_copy(&p.f, data, sizeof data);
	/* After the end a pump does nothing. */
	ck_assert_int_eq(feed_pump(&p.f, 5000, err, sizeof err), 0);
	feed_close(&p.f);
	feed_close(&p.f);
	ck_assert_int_eq(p.f.memfd, -1);
}
END_TEST

/*
 * A producer that trickles: once some bytes came, the pump takes what is
 * ready and returns, however patient it is for the first ones (with an
 * hour's patience between reads, this test would time out).
 */
START_TEST(test_pump_trickle)
{
	struct pfx	p;
	char		err[256];

	pfx_open(&p, 256);
	p.f.patience = 3600 * 1000;
	pfx_write(&p, "0123456789", 10);
	ck_assert_int_eq(feed_pump(&p.f, 1 << 20, err, sizeof err), 0);
	ck_assert_int_eq(p.f.size, 10);
	ck_assert(!p.f.done);
	assert_copy(&p.f, (const unsigned char *)"0123456789", 10);
	pfx_close_writer(&p);
	feed_close(&p.f);
}
END_TEST

START_TEST(test_drain)
{
	struct pfx	p;
	unsigned char	data[5000];
	char		err[256];
	uint64_t	seed = 11;

	tu_random(data, sizeof data, &seed);
	pfx_open(&p, 100);
	pfx_write(&p, data, sizeof data);
	pfx_close_writer(&p);
	ck_assert_int_eq(feed_drain(&p.f, err, sizeof err), 0);
	ck_assert(p.f.done);
	assert_copy(&p.f, data, sizeof data);
	feed_close(&p.f);
}
END_TEST

START_TEST(test_empty_input)
{
	struct pfx	p;
	char		err[256];

	pfx_open(&p, 0);
	pfx_close_writer(&p);
	ck_assert_int_eq(feed_drain(&p.f, err, sizeof err), 0);
	ck_assert(p.f.done);
	ck_assert_int_eq(p.f.size, 0);
	assert_copy(&p.f, (const unsigned char *)"", 0);
	feed_close(&p.f);
}
END_TEST

START_TEST(test_read_error)
{
	struct feed	f;
	char		err[256];
	int		fd;

	/* Reading a directory fails (EISDIR): a one-line reason. */
	fd = open("/", O_RDONLY | O_CLOEXEC);
	ck_assert_int_ne(fd, -1);
	ck_assert_int_eq(feed_open(&f, fd, 1, "(stdin)", err, sizeof err),
	    0);
	ck_assert_int_eq(feed_pump(&f, 4096, err, sizeof err), -1);
	ck_assert(f.done);
	ck_assert_ptr_nonnull(strstr(err, "(stdin): cannot read: "));
	ck_assert_ptr_null(strchr(err, '\n'));
	ck_assert_int_eq(f.size, 0);
	feed_close(&f);
	fd = open("/", O_RDONLY | O_CLOEXEC);
	ck_assert_int_eq(feed_open(&f, fd, 1, "(stdin)", err, sizeof err),
	    0);
	ck_assert_int_eq(feed_drain(&f, err, sizeof err), -1);
	feed_close(&f);
}
END_TEST

START_TEST(test_write_error)
{
	struct pfx	p;
	char		err[256];

	pfx_open(&p, 4);
	pfx_write(&p, "abcdefgh", 8);
	/* The second append fails: the first four bytes stay. */
	tu_pwrite_errno = ENOSPC;
	tu_pwrite_budget = 2;
	ck_assert_int_eq(feed_pump(&p.f, 100, err, sizeof err), -1);
	tu_pwrite_budget = 0;
	ck_assert(p.f.done);
	ck_assert_int_eq(p.f.size, 4);
	ck_assert_ptr_nonnull(strstr(err, "cannot hold more"));
	ck_assert_ptr_nonnull(strstr(err, "4 bytes kept"));
	assert_copy(&p.f, (const unsigned char *)"abcd", 4);
	pfx_close_writer(&p);
	feed_close(&p.f);
}
END_TEST

/* A pipe whose read end the feed does not own, so the rest is seen. */
static struct feed *
limit_open(struct feed *f, int fds[2], uint64_t limit, size_t bufsize)
{
	char	err[256];

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(feed_open(f, fds[0], 0, "(stdin)", err, sizeof err),
	    0);
	f->limit = limit;
	f->bufsize = bufsize;
	return (f);
}

START_TEST(test_limit_drain)
{
	struct feed	f;
	unsigned char	data[3000], rest[3000];
	char		err[256];
	uint64_t	seed = 3;
	int		fds[2];

	tu_random(data, sizeof data, &seed);
	limit_open(&f, fds, 1000, 300);
	ck_assert_int_eq(write(fds[1], data, sizeof data), 3000);
	close(fds[1]);
	ck_assert_int_eq(feed_drain(&f, err, sizeof err), 0);
	ck_assert(f.done && f.capped);
	ck_assert_int_eq(f.size, 1000);
	assert_copy(&f, data, 1000);
	/* The rest stays unread but for the byte that told it goes on. */
	ck_assert_int_eq(read(fds[0], rest, sizeof rest), 1999);
	ck_assert(memcmp(rest, data + 1001, 1999) == 0);
	close(fds[0]);
	feed_close(&f);
}
END_TEST

START_TEST(test_limit_exact)
{
	struct feed	f;
	unsigned char	data[1000];
	char		err[256];
	uint64_t	seed = 5;
	int		fds[2];

	/* Input of exactly the limit ended: it is not cut. */
	tu_random(data, sizeof data, &seed);
	limit_open(&f, fds, 1000, 0);
	ck_assert_int_eq(write(fds[1], data, sizeof data), 1000);
	close(fds[1]);
	ck_assert_int_eq(feed_drain(&f, err, sizeof err), 0);
	ck_assert(f.done && !f.capped);
	assert_copy(&f, data, 1000);
	close(fds[0]);
	feed_close(&f);
}
END_TEST

START_TEST(test_limit_pump)
{
	struct feed	f;
	unsigned char	data[3000];
	char		err[256];
	uint64_t	seed = 9;
	int		fds[2];

	/* A pipe still open: the pump stops at the limit all the same. */
	tu_random(data, sizeof data, &seed);
	limit_open(&f, fds, 1500, 256);
	ck_assert_int_eq(write(fds[1], data, sizeof data), 3000);
	ck_assert_int_eq(feed_pump(&f, 1000, err, sizeof err), 1);
	ck_assert(!f.done);
	ck_assert_int_eq(feed_pump(&f, 1000, err, sizeof err), 0);
	ck_assert(f.done && f.capped);
	ck_assert_int_eq(f.size, 1500);
	assert_copy(&f, data, 1500);
	close(fds[1]);
	close(fds[0]);
	feed_close(&f);
}
END_TEST

START_TEST(test_probe)
{
	struct feed	 f;
	char		 err[256], *empty, *full;
	unsigned char	*want;
	size_t		 len;
	ssize_t		 n;
	int		 fd;

	empty = tu_file(NULL, 0);
	full = tu_file("abc", 3);
	/* A real empty file, a file with a size, a directory: not fed. */
	ck_assert_int_eq(feed_probe(&f, empty, err, sizeof err), 0);
	ck_assert_int_eq(feed_probe(&f, full, err, sizeof err), 0);
	ck_assert_int_eq(feed_probe(&f, "/", err, sizeof err), 0);
	ck_assert_int_eq(feed_probe(&f, "/nonexistent/x", err, sizeof err),
	    0);
	/* /proc/version says it is empty and is not. */
	ck_assert_int_eq(feed_probe(&f, "/proc/version", err, sizeof err), 1);
	ck_assert_int_gt(f.size, 0);
	ck_assert_int_eq(feed_drain(&f, err, sizeof err), 0);
	/* What a plain read gives (its size says 0). */
	want = malloc(65536);
	ck_assert_ptr_nonnull(want);
	fd = open("/proc/version", O_RDONLY | O_CLOEXEC);
	ck_assert_int_ne(fd, -1);
	for (len = 0; (n = read(fd, want + len, 65536 - len)) > 0; )
		len += (size_t)n;
	close(fd);
	ck_assert_int_gt(len, 0);
	assert_copy(&f, want, len);
	free(want);
	feed_close(&f);
	tu_remove(empty);
	tu_remove(full);
}
END_TEST

/* The copy as a document: it grows as the feed appends. */
START_TEST(test_doc_grows)
{
	struct pfx	p;
	struct doc	d;
	char		err[256], buf[8];
	int		fd, fl;

	pfx_open(&p, 0);
	fd = feed_map_fd(&p.f, 0, err, sizeof err);
	ck_assert_int_ne(fd, -1);
	fl = fcntl(fd, F_GETFL);
	ck_assert_int_eq(fl & O_ACCMODE, O_RDONLY);
	ck_assert_int_eq(doc_open_anon(&d, fd, "(stdin)", MAPPING_READONLY,
	    "still reading", err, sizeof err), 0);
	ck_assert_int_eq(doc_size(&d), 0);
	ck_assert(doc_anonymous(&d));
	ck_assert_str_eq(doc_path(&d), "(stdin)");
	ck_assert_str_eq(doc_note(&d), "still reading");
	ck_assert_int_eq(doc_path_state(&d), MAPPING_PATH_SAME);
	pfx_write(&p, "abc", 3);
	ck_assert_int_eq(feed_pump(&p.f, 100, err, sizeof err), 0);
	ck_assert_int_eq(doc_refresh(&d, err, sizeof err), 1);
	ck_assert_int_eq(doc_size(&d), 3);
	pfx_write(&p, "def", 3);
	pfx_close_writer(&p);
	ck_assert_int_eq(feed_drain(&p.f, err, sizeof err), 0);
	ck_assert_int_eq(doc_refresh(&d, err, sizeof err), 1);
	ck_assert_int_eq(doc_read(&d, 0, buf, 6), 0);
	ck_assert(memcmp(buf, "abcdef", 6) == 0);
	/* Read-only by construction: no mode can write it. */
	ck_assert_int_eq(doc_set_mode(&d, MAPPING_DIRECT, err, sizeof err),
	    -1);
	ck_assert_int_eq(doc_mode(&d), MAPPING_READONLY);
	ck_assert_int_eq(doc_write(&d, 0, "x", 1), -1);
	doc_close(&d);
	feed_close(&p.f);
}
END_TEST

/* Stdin's copy becomes editable at the end of input; edits stay in it. */
START_TEST(test_doc_editable)
{
	struct pfx	p;
	struct doc	d;
	char		err[256], buf[4];
	int		fd;

	pfx_open(&p, 0);
	pfx_write(&p, "wxyz", 4);
	pfx_close_writer(&p);
	ck_assert_int_eq(feed_drain(&p.f, err, sizeof err), 0);
	fd = feed_map_fd(&p.f, 1, err, sizeof err);
	ck_assert_int_eq(doc_open_anon(&d, fd, "(stdin)", MAPPING_READONLY,
	    "reading", err, sizeof err), 0);
	ck_assert_int_eq(doc_write(&d, 0, "W", 1), -1);
	ck_assert_int_eq(doc_set_mode(&d, MAPPING_DIRECT, err, sizeof err),
	    0);
	ck_assert_str_eq(doc_note(&d), "");
	ck_assert_int_eq(doc_write(&d, 0, "W", 1), 0);
	ck_assert_int_eq(pread(p.f.memfd, buf, 4, 0), 4);
	ck_assert(memcmp(buf, "Wxyz", 4) == 0);
	doc_close(&d);
	feed_close(&p.f);
}
END_TEST

/* A session over stdin's copy, as main sets it up after the end. */
struct sfx {
	struct pfx	p;
	struct doc	d;
	struct session	s;
};

static void
sfx_open(struct sfx *x, const char *data)
{
	char	err[256];
	int	fd;

	pfx_open(&x->p, 0);
	pfx_write(&x->p, data, strlen(data));
	pfx_close_writer(&x->p);
	ck_assert_int_eq(feed_drain(&x->p.f, err, sizeof err), 0);
	fd = feed_map_fd(&x->p.f, 1, err, sizeof err);
	ck_assert_int_eq(doc_open_anon(&x->d, fd, "(stdin)",
	    MAPPING_READONLY, "still reading stdin", err, sizeof err), 0);
	ck_assert_int_eq(session_init(&x->s, &x->d, 16, 0, err, sizeof err),
	    0);
	layout_apply(&x->s, 11, 100);
	x->s.in_memory = 1;
	x->s.reading = 1;
}

static void
sfx_close(struct sfx *x)
{
	session_free(&x->s);
	doc_close(&x->d);
	feed_close(&x->p.f);
}

static void
sfx_type(struct sfx *x, const char *text)
{
	for (; *text != '\0'; text++)
		input_key(&x->s, (unsigned char)*text);
}

START_TEST(test_session_reading)
{
	struct sfx	x;
	char		err[256];

	sfx_open(&x, "abc");
	/* While reading: no edit, no save as, no other file. */
	sfx_type(&x, "4");
	ck_assert_int_eq(session_unsaved(&x.s), 0);
	ck_assert_ptr_nonnull(strstr(x.s.message, "still reading"));
	input_key(&x.s, KEYMAP_META | 's');
	ck_assert(!x.s.prompt.active);
	ck_assert_ptr_nonnull(strstr(x.s.message, "still reading"));
	input_key(&x.s, KEYMAP_CTRL('O'));
	ck_assert(!x.s.prompt.active);
	/* Quitting asks, and Ctrl-C too. */
	ck_assert_int_eq(input_key(&x.s, KEYMAP_CTRL('X')) & SESSION_QUIT, 0);
	ck_assert(x.s.prompt.active);
	ck_assert_ptr_nonnull(strstr(x.s.prompt.label, "never saved"));
	input_key(&x.s, 'c');
	ck_assert(!x.s.prompt.active);
	ck_assert_int_eq(input_key(&x.s, KEYMAP_CTRL('C')) & SESSION_QUIT, 0);
	ck_assert(x.s.prompt.active);
	ck_assert_int_ne(input_key(&x.s, 'd') & SESSION_QUIT, 0);
	(void)err;
	sfx_close(&x);
}
END_TEST

START_TEST(test_session_save_as)
{
	struct sfx	 x;
	char		 err[256], *dir, path[4096];
	unsigned char	*got;
	size_t		 len;

	sfx_open(&x, "hello");
	x.s.reading = 0;
	ck_assert_int_eq(session_set_mode(&x.s, MAPPING_DIRECT, err,
	    sizeof err), 0);
	ck_assert(session_window(&x.s)->append);
	sfx_type(&x, "4a");
	ck_assert_int_eq(session_unsaved(&x.s), 1);
	/* F2 cannot flush to a file that has no name: it asks for one. */
	input_key(&x.s, KEYMAP_F(2));
	ck_assert(x.s.prompt.active);
	ck_assert_ptr_nonnull(strstr(x.s.prompt.label, "Save the input as"));
	input_key(&x.s, KEYMAP_CTRL('G'));
	/* Quit asks; s asks for the name, and the save quits. */
	ck_assert_int_eq(input_key(&x.s, KEYMAP_F(10)) & SESSION_QUIT, 0);
	input_key(&x.s, 's');
	ck_assert(x.s.prompt.active);
	dir = tu_file(NULL, 0);
	snprintf(path, sizeof path, "%s.saved", dir);
	sfx_type(&x, path);
	ck_assert_int_ne(input_key(&x.s, '\r') & SESSION_QUIT, 0);
	got = tu_slurp(path, &len);
	ck_assert_uint_eq(len, 5);
	ck_assert(memcmp(got, "Jello", 5) == 0);
	free(got);
	/* Now it is a file: nothing is only in memory any more. */
	ck_assert(!x.s.in_memory);
	ck_assert(!doc_anonymous(x.s.doc));
	ck_assert_str_eq(doc_path(x.s.doc), path);
	unlink(path);
	tu_remove(dir);
	sfx_close(&x);
}
END_TEST

/* Makes a pipe stdin; returns the write end, *saved the old stdin. */
static int
stdin_pipe(int *saved)
{
	int	fds[2];

	ck_assert_int_eq(pipe(fds), 0);
	*saved = dup(STDIN_FILENO);
	ck_assert_int_ne(*saved, -1);
	ck_assert_int_eq(dup2(fds[0], STDIN_FILENO), STDIN_FILENO);
	close(fds[0]);
	return (fds[1]);
}

static void
stdin_restore(int saved)
{
	ck_assert_int_eq(dup2(saved, STDIN_FILENO), STDIN_FILENO);
	close(saved);
}

/* What main does for maphex -s end-2 -: the loop's ticks fill it. */
START_TEST(test_intake_ticks)
{
	struct intake	in;
	struct doc	d;
	struct session	s;
	char		err[256], buf[6];
	int		w, saved;

	w = stdin_pipe(&saved);
	ck_assert_int_eq(intake_start(&in, "-", MAPPING_AUTO, "end-2", err,
	    sizeof err), 1);
	ck_assert_int_eq(intake_open(&in, &d, err, sizeof err), 0);
	ck_assert_int_eq(session_init(&s, &d, 16, 0, err, sizeof err), 0);
	layout_apply(&s, 11, 100);
	intake_attach(&in, &s);
	ck_assert(s.reading && s.in_memory);
	ck_assert_str_eq(doc_path(&d), "(stdin)");
	ck_assert_str_eq(s.message, "reading stdin...");
	ck_assert_int_eq(write(w, "abc", 3), 3);
	/* Bytes came, so more may be ready at once: no wait. */
	ck_assert_int_eq(intake_tick(&in, &s), 0);
	ck_assert_int_eq(doc_size(&d), 3);
	ck_assert_int_eq(doc_mode(&d), MAPPING_READONLY);
	/* Nothing came: the loop may wait for a key. */
	ck_assert_int_eq(intake_tick(&in, &s), INTAKE_IDLE_MS);
	ck_assert_int_eq(doc_size(&d), 3);
	/* Growth while reading is not news: the message stays. */
	ck_assert_str_eq(s.message, "reading stdin...");
	ck_assert_int_eq(write(w, "def", 3), 3);
	close(w);
	ck_assert_int_eq(intake_tick(&in, &s), -1);
	ck_assert(!in.active && !s.reading && s.in_memory);
	ck_assert_int_eq(doc_size(&d), 6);
	ck_assert_int_eq(doc_mode(&d), MAPPING_DIRECT);
	ck_assert_str_eq(doc_note(&d), "");
	ck_assert(session_window(&s)->append);
	ck_assert_ptr_nonnull(strstr(s.message, "stdin: 6 bytes, end of "
	    "input"));
	/* -s end-2 applies at the end. */
	ck_assert_int_eq(session_window(&s)->cursor, 4);
	ck_assert_int_eq(doc_read(&d, 0, buf, 6), 0);
	ck_assert(memcmp(buf, "abcdef", 6) == 0);
	ck_assert_int_eq(intake_tick(&in, &s), -1);
	intake_close(&in);
	session_free(&s);
	doc_close(&d);
	stdin_restore(saved);
}
END_TEST

START_TEST(test_intake_readonly)
{
	struct intake	in;
	struct doc	d;
	struct session	s;
	char		err[256];
	int		w, saved;

	w = stdin_pipe(&saved);
	ck_assert_int_eq(intake_start(&in, "-", MAPPING_READONLY, NULL, err,
	    sizeof err), 1);
	ck_assert_int_eq(intake_open(&in, &d, err, sizeof err), 0);
	ck_assert_int_eq(session_init(&s, &d, 16, 0, err, sizeof err), 0);
	intake_attach(&in, &s);
	ck_assert(s.reading && !s.in_memory);
	ck_assert_int_eq(write(w, "xy", 2), 2);
	close(w);
	ck_assert_int_eq(intake_tick(&in, &s), -1);
	ck_assert_int_eq(doc_mode(&d), MAPPING_READONLY);
	ck_assert_int_eq(doc_size(&d), 2);
	/* -r: quitting does not ask. */
	ck_assert_int_ne(input_key(&s, 'q') & SESSION_QUIT, 0);
	intake_close(&in);
	session_free(&s);
	doc_close(&d);
	stdin_restore(saved);
}
END_TEST

START_TEST(test_intake_proc)
{
	struct intake	in;
	struct doc	d;
	struct session	s;
	char		err[256];

	ck_assert_int_eq(intake_start(&in, "/proc/version", MAPPING_AUTO,
	    NULL, err, sizeof err), 1);
	ck_assert_int_eq(intake_open(&in, &d, err, sizeof err), 0);
	ck_assert_str_eq(doc_path(&d), "/proc/version");
	ck_assert_int_eq(session_init(&s, &d, 16, 0, err, sizeof err), 0);
	intake_attach(&in, &s);
	ck_assert(!s.in_memory);
	while (intake_tick(&in, &s) != -1)
		continue;
	ck_assert_int_gt(doc_size(&d), 0);
	ck_assert_int_eq(doc_mode(&d), MAPPING_READONLY);
	ck_assert_str_eq(doc_note(&d), "/proc file copied at open");
	ck_assert_ptr_nonnull(strstr(s.message, "end of input"));
	input_key(&s, 'x');
	input_key(&s, KEYMAP_CTRL('D'));
	ck_assert_str_eq(s.message, "read-only: /proc file copied at open");
	intake_close(&in);
	session_free(&s);
	doc_close(&d);
	/* A plain file is not taken in. */
	ck_assert_int_eq(intake_start(&in, "/", MAPPING_AUTO, NULL, err,
	    sizeof err), 0);
	intake_close(&in);
}
END_TEST

START_TEST(test_intake_whole)
{
	struct doc	d;
	char		err[256], buf[5];
	int		w, saved;

	w = stdin_pipe(&saved);
	ck_assert_int_eq(write(w, "hello", 5), 5);
	close(w);
	ck_assert_int_eq(intake_open_whole("-", &d, NULL, err, sizeof err), 0);
	ck_assert_int_eq(doc_size(&d), 5);
	ck_assert_int_eq(doc_mode(&d), MAPPING_READONLY);
	ck_assert(doc_anonymous(&d));
	ck_assert_int_eq(doc_read(&d, 0, buf, 5), 0);
	ck_assert(memcmp(buf, "hello", 5) == 0);
	doc_close(&d);
	stdin_restore(saved);
}
END_TEST

/* maphex - with MAPHEX_INPUT_LIMIT=1k and more input than that. */
START_TEST(test_intake_limit)
{
	unsigned char	data[3000];
	struct intake	in;
	struct doc	d;
	struct session	s;
	char		err[256];
	uint64_t	seed = 13;
	int		w, saved, i;

	tu_random(data, sizeof data, &seed);
	ck_assert_int_eq(setenv(INTAKE_LIMIT_ENV, "1k", 1), 0);
	w = stdin_pipe(&saved);
	ck_assert_int_eq(intake_start(&in, "-", MAPPING_AUTO, NULL, err,
	    sizeof err), 1);
	ck_assert_int_eq(in.feed.limit, 1024);
	ck_assert_int_eq(intake_open(&in, &d, err, sizeof err), 0);
	ck_assert_int_eq(session_init(&s, &d, 16, 0, err, sizeof err), 0);
	layout_apply(&s, 11, 100);
	intake_attach(&in, &s);
	ck_assert_int_eq(write(w, data, sizeof data), 3000);
	for (i = 0; i < 100 && intake_tick(&in, &s) != -1; i++)
		continue;
	ck_assert(!in.active && !s.reading);
	ck_assert_int_eq(doc_size(&d), 1024);
	ck_assert_str_eq(s.message, "stdin: stopped reading at 1 KiB "
	    "(MAPHEX_INPUT_LIMIT); the rest of the input is not shown");
	ck_assert(s.message_error);
	/* What was read is there, and editable as at the end of input. */
	ck_assert_int_eq(doc_mode(&d), MAPPING_DIRECT);
	ck_assert_int_eq(doc_read(&d, 0, err, 16), 0);
	ck_assert(memcmp(err, data, 16) == 0);
	close(w);
	intake_close(&in);
	session_free(&s);
	doc_close(&d);
	stdin_restore(saved);
	ck_assert_int_eq(unsetenv(INTAKE_LIMIT_ENV), 0);
}
END_TEST

/* --dump and --find: a cut copy is an error, not a shorter dump. */
START_TEST(test_intake_whole_limit)
{
	struct doc	d;
	struct intake	in;
	char		err[256], big[3000];
	int		w, saved;

	memset(big, 'y', sizeof big);
	ck_assert_int_eq(setenv(INTAKE_LIMIT_ENV, "2000", 1), 0);
	w = stdin_pipe(&saved);
	ck_assert_int_eq(write(w, big, sizeof big), 3000);
	close(w);
	ck_assert_int_eq(intake_open_whole("-", &d, NULL, err, sizeof err),
	    -2);
	ck_assert_str_eq(err, "stdin: stopped reading at 2000 bytes "
	    "(MAPHEX_INPUT_LIMIT); the rest of the input was not read (a "
	    "larger MAPHEX_INPUT_LIMIT reads more)");
	stdin_restore(saved);
	/* A bad size in the environment is said. */
	ck_assert_int_eq(setenv(INTAKE_LIMIT_ENV, "lots", 1), 0);
	w = stdin_pipe(&saved);
	close(w);
	ck_assert_int_eq(intake_open_whole("-", &d, NULL, err, sizeof err),
	    -1);
	ck_assert_ptr_nonnull(strstr(err, "MAPHEX_INPUT_LIMIT=lots: "));
	stdin_restore(saved);
	/* Unset: 4 GiB, or half the memory available, in whole MiBs. */
	ck_assert_int_eq(unsetenv(INTAKE_LIMIT_ENV), 0);
	w = stdin_pipe(&saved);
	ck_assert_int_eq(intake_start(&in, "-", MAPPING_AUTO, NULL, err,
	    sizeof err), 1);
	ck_assert_uint_le(in.feed.limit, INTAKE_LIMIT);
	ck_assert_uint_ge(in.feed.limit, 1u << 20);
	ck_assert_uint_eq(in.feed.limit % (1u << 20), 0);
	ck_assert_str_eq(in.why, "memory");
	intake_close(&in);
	close(w);
	stdin_restore(saved);
}
END_TEST

/* Makes the file at path, opened with flags, stdin. */
static void
stdin_file(const char *path, int flags, int *saved)
{
	int	fd;

	fd = open(path, flags | O_CLOEXEC);
	ck_assert_int_ne(fd, -1);
	*saved = dup(STDIN_FILENO);
	ck_assert_int_ne(*saved, -1);
	ck_assert_int_eq(dup2(fd, STDIN_FILENO), STDIN_FILENO);
	close(fd);
}

/* maphex < FILE: the file itself is mapped, read-only; nothing copied. */
START_TEST(test_stdin_file_readonly)
{
	struct intake	in;
	struct doc	d;
	struct session	s;
	char		err[256], buf[11], *path;
	int		saved;

	path = tu_file("hello world", 11);
	stdin_file(path, O_RDONLY, &saved);
	ck_assert_int_eq(intake_start(&in, "-", MAPPING_AUTO, NULL, err,
	    sizeof err), 1);
	ck_assert(in.mapped && !in.active);
	ck_assert_int_eq(in.feed.memfd, -1);
	ck_assert_int_eq(intake_open(&in, &d, err, sizeof err), 0);
	ck_assert_int_eq(doc_size(&d), 11);
	ck_assert_int_eq(doc_mode(&d), MAPPING_READONLY);
	ck_assert(doc_anonymous(&d));
	ck_assert_str_eq(doc_path(&d), "(stdin)");
	ck_assert_int_eq(doc_read(&d, 0, buf, 11), 0);
	ck_assert(memcmp(buf, "hello world", 11) == 0);
	ck_assert_int_eq(session_init(&s, &d, 16, 0, err, sizeof err), 0);
	layout_apply(&s, 11, 100);
	intake_attach(&in, &s);
	ck_assert(!s.reading && !s.in_memory);
	ck_assert_int_eq(intake_tick(&in, &s), -1);
	input_key(&s, '4');
	ck_assert_str_eq(s.message, "read-only: stdin is a file open "
	    "read-only (<> opens it for writing; -p edits a copy)");
	/* Nothing is only in memory: q quits without asking. */
	ck_assert_int_ne(input_key(&s, 'q') & SESSION_QUIT, 0);
	intake_close(&in);
	session_free(&s);
	doc_close(&d);
	/* -w cannot write a read-only descriptor: said, not tried. */
	ck_assert_int_eq(intake_start(&in, "-", MAPPING_DIRECT, NULL, err,
	    sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "stdin is open read-only"));
	intake_close(&in);
	stdin_restore(saved);
	tu_remove(path);
}
END_TEST

/* maphex - <> FILE: direct, edits reach the file, F2 flushes. */
START_TEST(test_stdin_file_direct)
{
	struct intake	 in;
	struct doc	 d;
	struct session	 s;
	char		 err[256], *path;
	unsigned char	*got;
	size_t		 len;
	int		 saved;

	path = tu_file("abcd", 4);
	stdin_file(path, O_RDWR, &saved);
	ck_assert_int_eq(intake_start(&in, "-", MAPPING_AUTO, NULL, err,
	    sizeof err), 1);
	ck_assert_int_eq(intake_open(&in, &d, err, sizeof err), 0);
	ck_assert_int_eq(doc_mode(&d), MAPPING_DIRECT);
	ck_assert_int_eq(session_init(&s, &d, 16, 0, err, sizeof err), 0);
	layout_apply(&s, 11, 100);
	intake_attach(&in, &s);
	ck_assert(!s.in_memory);
	input_key(&s, '4');
	input_key(&s, '1');
	ck_assert_int_eq(session_unsaved(&s), 1);
	input_key(&s, KEYMAP_F(2));
	ck_assert(!s.prompt.active);
	ck_assert_int_eq(session_unsaved(&s), 0);
	got = tu_slurp(path, &len);
	ck_assert_uint_eq(len, 4);
	ck_assert(memcmp(got, "Abcd", 4) == 0);
	free(got);
	intake_close(&in);
	session_free(&s);
	doc_close(&d);
	stdin_restore(saved);
	tu_remove(path);
}
END_TEST

/* maphex -p < FILE: a private copy; F2 asks for a name. */
START_TEST(test_stdin_file_preview)
{
	struct intake	 in;
	struct doc	 d;
	struct session	 s;
	char		 err[256], *path;
	unsigned char	*got;
	size_t		 len;
	int		 saved;

	path = tu_file("abcd", 4);
	stdin_file(path, O_RDONLY, &saved);
	ck_assert_int_eq(intake_start(&in, "-", MAPPING_PREVIEW, NULL, err,
	    sizeof err), 1);
	ck_assert_int_eq(intake_open(&in, &d, err, sizeof err), 0);
	ck_assert_int_eq(doc_mode(&d), MAPPING_PREVIEW);
	ck_assert_int_eq(session_init(&s, &d, 16, 0, err, sizeof err), 0);
	layout_apply(&s, 11, 100);
	intake_attach(&in, &s);
	input_key(&s, '4');
	input_key(&s, '1');
	ck_assert_int_eq(session_unsaved(&s), 1);
	input_key(&s, KEYMAP_F(2));
	ck_assert(s.prompt.active);
	ck_assert_ptr_nonnull(strstr(s.prompt.label, "Save the input as"));
	input_key(&s, KEYMAP_CTRL('G'));
	got = tu_slurp(path, &len);
	ck_assert(len == 4 && memcmp(got, "abcd", 4) == 0);
	free(got);
	/* Quit's save asks for a name too. */
	ck_assert_int_eq(input_key(&s, KEYMAP_F(10)) & SESSION_QUIT, 0);
	input_key(&s, 's');
	ck_assert(s.prompt.active);
	ck_assert_ptr_nonnull(strstr(s.prompt.label, "Save the input as"));
	intake_close(&in);
	session_free(&s);
	doc_close(&d);
	stdin_restore(saved);
	tu_remove(path);
}
END_TEST

/* --dump on a file stdin read from before; an empty file is copied. */
START_TEST(test_stdin_file_whole)
{
	struct doc	d;
	struct intake	in;
	char		err[256], buf[11], *path, *empty;
	uint64_t	skip;
	int		saved;

	path = tu_file("hello world", 11);
	stdin_file(path, O_RDONLY, &saved);
	ck_assert_int_eq(lseek(STDIN_FILENO, 5, SEEK_SET), 5);
	/* --dump maps it whole and is told where a read would start. */
	ck_assert_int_eq(intake_open_whole("-", &d, &skip, err, sizeof err),
	    0);
	ck_assert_int_eq(skip, 5);
	ck_assert_int_eq(doc_size(&d), 11);
	doc_close(&d);
	/* --find gets what a read gives, as grep does. */
	ck_assert_int_eq(intake_open_whole("-", &d, NULL, err, sizeof err),
	    0);
	ck_assert_int_eq(doc_size(&d), 6);
	ck_assert_int_eq(doc_read(&d, 0, buf, 6), 0);
	ck_assert(memcmp(buf, " world", 6) == 0);
	doc_close(&d);
	stdin_restore(saved);
	/* A file that says it is empty on stdin is read, as before. */
	empty = tu_file(NULL, 0);
	stdin_file(empty, O_RDONLY, &saved);
	ck_assert_int_eq(intake_start(&in, "-", MAPPING_AUTO, NULL, err,
	    sizeof err), 1);
	ck_assert(!in.mapped && in.active);
	ck_assert_int_ne(in.feed.memfd, -1);
	intake_close(&in);
	stdin_restore(saved);
	tu_remove(empty);
	tu_remove(path);
}
END_TEST

/* Ctrl-O /proc/version from a file: a read-only copy, said why. */
START_TEST(test_open_proc)
{
	struct doc	 d;
	struct session	 s;
	char		 err[256], *path;
	const char	*p;

	path = tu_file("abc", 3);
	ck_assert_int_eq(doc_open(&d, path, MAPPING_AUTO, err, sizeof err),
	    0);
	ck_assert_int_eq(session_init(&s, &d, 16, 0, err, sizeof err), 0);
	layout_apply(&s, 11, 100);
	input_key(&s, KEYMAP_CTRL('O'));
	ck_assert(s.prompt.active);
	for (p = "/proc/version"; *p != '\0'; p++)
		input_key(&s, (unsigned char)*p);
	input_key(&s, '\r');
	ck_assert_str_eq(doc_path(&d), "/proc/version");
	ck_assert(doc_anonymous(&d));
	ck_assert_int_gt(doc_size(&d), 0);
	ck_assert_int_eq(doc_mode(&d), MAPPING_READONLY);
	ck_assert_str_eq(s.message, "/proc file copied at open");
	session_free(&s);
	doc_close(&d);
	tu_remove(path);
}
END_TEST

Suite *
feed_suite(void)
{
	Suite	*s = suite_create("feed");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_pump_budget);
	tcase_add_test(tc, test_pump_trickle);
	tcase_add_test(tc, test_drain);
	tcase_add_test(tc, test_empty_input);
	tcase_add_test(tc, test_read_error);
	tcase_add_test(tc, test_write_error);
	tcase_add_test(tc, test_limit_drain);
	tcase_add_test(tc, test_limit_exact);
	tcase_add_test(tc, test_limit_pump);
	tcase_add_test(tc, test_probe);
	tcase_add_test(tc, test_doc_grows);
	tcase_add_test(tc, test_doc_editable);
	tcase_add_test(tc, test_session_reading);
	tcase_add_test(tc, test_session_save_as);
	tcase_add_test(tc, test_intake_ticks);
	tcase_add_test(tc, test_intake_readonly);
	tcase_add_test(tc, test_intake_proc);
	tcase_add_test(tc, test_intake_whole);
	tcase_add_test(tc, test_intake_limit);
	tcase_add_test(tc, test_intake_whole_limit);
	tcase_add_test(tc, test_stdin_file_readonly);
	tcase_add_test(tc, test_stdin_file_direct);
	tcase_add_test(tc, test_stdin_file_preview);
	tcase_add_test(tc, test_stdin_file_whole);
	tcase_add_test(tc, test_open_proc);
	suite_add_tcase(s, tc);
	return (s);
}
