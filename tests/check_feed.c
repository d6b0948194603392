/*
 * check_feed.c: input copied into an anonymous file (feed.c) and that
 * file as a document: the bytes appended are the bytes read, a pump
 * stops at its budget and when nothing is ready, the end of input, read
 * and write errors, the /proc probe, growth seen by the document, the
 * switch to editable at the end, and the session asking before input
 * that exists nowhere else is lost.
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
	ck_assert_int_eq(intake_tick(&in, &s), INTAKE_IDLE_MS);
	ck_assert_int_eq(doc_size(&d), 3);
	ck_assert_int_eq(doc_mode(&d), MAPPING_READONLY);
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
	tcase_add_test(tc, test_drain);
	tcase_add_test(tc, test_empty_input);
	tcase_add_test(tc, test_read_error);
	tcase_add_test(tc, test_write_error);
	tcase_add_test(tc, test_probe);
	tcase_add_test(tc, test_doc_grows);
	tcase_add_test(tc, test_doc_editable);
	tcase_add_test(tc, test_session_reading);
	tcase_add_test(tc, test_session_save_as);
	tcase_add_test(tc, test_intake_ticks);
	tcase_add_test(tc, test_intake_readonly);
	tcase_add_test(tc, test_intake_proc);
	tcase_add_test(tc, test_intake_whole);
	tcase_add_test(tc, test_open_proc);
	suite_add_tcase(s, tc);
	return (s);
}
