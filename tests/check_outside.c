/*
 * check_outside.c: bytes another process changed (outside.c) and
 * following the end (session_follow()): the ranges noted from two
 * snapshots, their expiry on an injected clock, and a session that
 * flags another writer's bytes but never its own edits, scrolling or
 * appends.
 */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "doc.h"
#include "format.h"
#include "frame.h"
#include "input.h"
#include "journal.h"
#include "keymap.h"
#include "outside.h"
#include "session.h"
#include "suites.h"
#include "testutil.h"
#include "viewfix.h"

static uint64_t	clock_ms;	/* what the session's clock says */
static time_t	mtime_sec = 1000000;	/* another writer's mtimes */

static uint64_t
fake_now(void *arg)
{
	(void)arg;
	return (clock_ms);
}

/*
 * Another process writes len bytes at off into path (append when off
 * is UINT64_MAX) and leaves a modification time of its own.
 */
static void
other_write(const char *path, uint64_t off, const void *buf, size_t len)
{
	struct timespec	ts[2];
	int		fd;

	fd = open(path, O_WRONLY | (off == UINT64_MAX ? O_APPEND : 0));
	ck_assert_int_ge(fd, 0);
	if (off == UINT64_MAX)
		ck_assert_int_eq(write(fd, buf, len), (ssize_t)len);
	else
		ck_assert_int_eq(pwrite(fd, buf, len, (off_t)off),
		    (ssize_t)len);
	ts[0].tv_sec = ts[1].tv_sec = ++mtime_sec;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	ck_assert_int_eq(futimens(fd, ts), 0);
	close(fd);
}

/* Opens data in mode with the fake clock at 0 and a first snapshot. */
static void
open_watched(struct fixture *fx, const void *data, size_t len,
    enum mapping_mode mode)
{
	fx_open(fx, data, len, mode, 10, 100);
	clock_ms = 0;
	fx->s.hooks.now = fake_now;
	session_refresh(&fx->s);
}

START_TEST(test_note_runs)
{
	struct outside	o;
	unsigned char	old[32], now[32];
	uint64_t	first = 0;

	memset(&o, 0, sizeof o);
	memset(old, 'a', sizeof old);
	memcpy(now, old, sizeof now);
	ck_assert_uint_eq(outside_note(&o, 100, old, now, sizeof old, 0, 0,
	    5), 0);
	ck_assert_uint_eq(o.nrange, 0);
	now[3] = now[4] = now[5] = 'b';
	now[10] = 'c';
	now[31] = 'd';
	ck_assert_uint_eq(outside_note(&o, 100, old, now, sizeof old, 0, 0,
	    5), 5);
	ck_assert_uint_eq(o.nrange, 3);
	ck_assert_uint_eq(o.range[0].off, 103);
	ck_assert_uint_eq(o.range[0].len, 3);
	ck_assert_uint_eq(o.range[1].off, 110);
	ck_assert_uint_eq(o.range[2].off, 131);
	ck_assert_uint_eq(o.range[2].seen, 5);
	ck_assert_uint_eq(outside_count(&o, &first), 5);
	ck_assert_uint_eq(first, 103);
	ck_assert_int_eq(outside_has(&o, 102), 0);
	ck_assert_int_eq(outside_has(&o, 103), 1);
	ck_assert_int_eq(outside_has(&o, 105), 1);
	ck_assert_int_eq(outside_has(&o, 106), 0);
	ck_assert_int_eq(outside_has(&o, 131), 1);
	ck_assert_int_eq(outside_has(&o, 132), 0);
	outside_free(&o);

	/* What maphex wrote itself, [104, 111), is left out. */
	ck_assert_uint_eq(outside_note(&o, 100, old, now, sizeof old, 104,
	    111, 5), 2);
	ck_assert_uint_eq(o.nrange, 2);
	ck_assert_uint_eq(o.range[0].off, 103);
	ck_assert_uint_eq(o.range[0].len, 1);
	ck_assert_uint_eq(o.range[1].off, 131);
	outside_free(&o);
}
END_TEST

START_TEST(test_merge_and_cap)
{
	struct outside	o;
	uint64_t	i;

	memset(&o, 0, sizeof o);
	outside_add(&o, 10, 2, 1);
	outside_add(&o, 12, 3, 2);	/* touches: one range [10, 15) */
	ck_assert_uint_eq(o.nrange, 1);
	ck_assert_uint_eq(o.range[0].off, 10);
	ck_assert_uint_eq(o.range[0].len, 5);
	ck_assert_uint_eq(o.range[0].seen, 2);
	outside_add(&o, 8, 4, 3);	/* overlaps: [8, 15), seen again */
	ck_assert_uint_eq(o.nrange, 1);
	ck_assert_uint_eq(o.range[0].off, 8);
	ck_assert_uint_eq(o.range[0].len, 7);
	ck_assert_uint_eq(o.range[0].seen, 3);
	outside_add(&o, 20, 0, 4);	/* nothing */
	ck_assert_uint_eq(o.nrange, 1);
	/* Full: the oldest goes. */
	for (i = 0; i < OUTSIDE_MAX; i++)
		outside_add(&o, 100 + 2 * i, 1, 10 + i);
	ck_assert_uint_eq(o.nrange, OUTSIDE_MAX);
	ck_assert_int_eq(outside_has(&o, 8), 0);
	ck_assert_int_eq(outside_has(&o, 100), 1);
	ck_assert_int_eq(outside_has(&o, 100 + 2 * (OUTSIDE_MAX - 1)), 1);
	outside_free(&o);
}
END_TEST

START_TEST(test_expire)
{
	struct outside	o;

	memset(&o, 0, sizeof o);
	outside_add(&o, 10, 1, 1000);
	outside_add(&o, 20, 1, 2000);
	ck_assert_int_eq(outside_expire(&o, 1000 + OUTSIDE_SHOW_MS - 1), 0);
	ck_assert_uint_eq(o.nrange, 2);
	ck_assert_int_eq(outside_expire(&o, 1000 + OUTSIDE_SHOW_MS), 1);
	ck_assert_uint_eq(o.nrange, 1);
	ck_assert_int_eq(outside_has(&o, 10), 0);
	ck_assert_int_eq(outside_has(&o, 20), 1);
	/* Seen again, it stays longer. */
	outside_add(&o, 20, 1, 4000);
	ck_assert_int_eq(outside_expire(&o, 2000 + OUTSIDE_SHOW_MS), 0);
	ck_assert_int_eq(outside_expire(&o, 4000 + OUTSIDE_SHOW_MS), 1);
	ck_assert_uint_eq(outside_count(&o, NULL), 0);
	outside_free(&o);
}
END_TEST

/* Two spans (two windows), cut at the end; compared by offset. */
START_TEST(test_snapshot_spans)
{
	struct doc		d;
	struct doc_stamp	st;
	struct outside		o;
	unsigned char		data[1000];
	uint64_t		off[2] = { 0, 900 }, len[2] = { 64, 200 };
	uint64_t		moved[2] = { 16, 900 };
	char			err[256], *path;

	memset(data, 'a', sizeof data);
	memset(&o, 0, sizeof o);
	path = tu_file(data, sizeof data);
	ck_assert_int_eq(doc_open(&d, path, MAPPING_READONLY, err,
	    sizeof err), 0);
	ck_assert_int_eq(doc_stamp(&d, &st), 0);
	ck_assert_int_eq(outside_covers(&o, &d, off, len, 2), 0);
	ck_assert_int_eq(outside_take(&o, &d, &st, off, len, 2), 0);
	ck_assert_int_eq(o.nspans, 2);
	ck_assert_uint_eq(o.span_len[1], 100);	/* cut at the end */
	ck_assert_uint_eq(o.snapcap, 164);
	ck_assert_int_eq(outside_covers(&o, &d, off, len, 2), 1);
	ck_assert_int_eq(outside_covers(&o, &d, moved, len, 2), 0);
	other_write(path, 10, "x", 1);
	other_write(path, 500, "y", 1);		/* off screen */
	other_write(path, 999, "z", 1);
	ck_assert_uint_eq(outside_compare(&o, &d, 0, 0, 7), 2);
	ck_assert_int_eq(outside_has(&o, 10), 1);
	ck_assert_int_eq(outside_has(&o, 500), 0);
	ck_assert_int_eq(outside_has(&o, 999), 1);
	outside_free(&o);
	doc_close(&d);
	tu_remove(path);
}
END_TEST

/* Another writer's byte: flagged, drawn, said, and gone in time. */
START_TEST(test_session_flags_other_writer)
{
	struct fixture	fx;
	unsigned char	data[256];
	char		status[4096];
	int		col;

	memset(data, 'a', sizeof data);
	open_watched(&fx, data, sizeof data, MAPPING_READONLY);
	session_refresh(&fx.s);
	ck_assert_uint_eq(outside_count(&fx.s.outside, NULL), 0);
	other_write(fx.path, 0x25, "\xff", 1);
	clock_ms = 100;
	session_refresh(&fx.s);
	ck_assert_uint_eq(outside_count(&fx.s.outside, NULL), 1);
	ck_assert_int_eq(session_is_outside(&fx.s, 0x25), 1);
	ck_assert_int_eq(session_is_outside(&fx.s, 0x24), 0);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 2), "00000020  61 61 61 61 "
	    "61 ff 61 61  61 61 61 61 61 61 61 61  |aaaaa.aaaaaaaaaa|"));
	col = (int)format_hex_col(8, 5);
	ck_assert(fx_attr(&fx, 2, col) & FRAME_OUTSIDE);
	ck_assert(fx_attr(&fx, 2, col + 1) & FRAME_OUTSIDE);
	ck_assert(!(fx_attr(&fx, 2, col - 3) & FRAME_OUTSIDE));
	ck_assert(fx_attr(&fx, 2, (int)format_text_col(8, 16, 5)) &
	    FRAME_OUTSIDE);
	snprintf(status, sizeof status, "%s", fx_row(&fx, 9));
	ck_assert_ptr_nonnull(strstr(status, "changed by another process: "
	    "1 byte at 0x25"));

	/* Scrolling away and back: by offset, nothing new, still shown. */
	input_key(&fx.s, KEYMAP_PGDN);
	session_refresh(&fx.s);
	input_key(&fx.s, KEYMAP_PGUP);
	session_refresh(&fx.s);
	ck_assert_uint_eq(outside_count(&fx.s.outside, NULL), 1);

	clock_ms = 100 + OUTSIDE_SHOW_MS - 1;
	session_refresh(&fx.s);
	ck_assert_int_eq(session_is_outside(&fx.s, 0x25), 1);
	clock_ms = 100 + OUTSIDE_SHOW_MS;
	session_refresh(&fx.s);
	ck_assert_int_eq(session_is_outside(&fx.s, 0x25), 0);
	(void)fx_row(&fx, 2);
	ck_assert(!(fx_attr(&fx, 2, col) & FRAME_OUTSIDE));
	snprintf(status, sizeof status, "%s", fx_row(&fx, 9));
	ck_assert_ptr_null(strstr(status, "changed by another"));
	fx_close(&fx);
}
END_TEST

/* Bytes off screen, and appended bytes, are not flagged. */
START_TEST(test_session_screen_only)
{
	struct fixture	fx;
	unsigned char	data[4096];

	memset(data, 'a', sizeof data);
	open_watched(&fx, data, sizeof data, MAPPING_READONLY);
	other_write(fx.path, 2000, "zz", 2);
	other_write(fx.path, UINT64_MAX, "tail", 4);
	session_refresh(&fx.s);
	ck_assert_uint_eq(doc_size(&fx.d), sizeof data + 4);
	ck_assert_uint_eq(outside_count(&fx.s.outside, NULL), 0);
	/* Scrolling to it now shows it as it is, unflagged. */
	window_goto(session_window(&fx.s), 2000);
	session_refresh(&fx.s);
	ck_assert_uint_eq(outside_count(&fx.s.outside, NULL), 0);
	other_write(fx.path, 2001, "y", 1);
	session_refresh(&fx.s);
	ck_assert_uint_eq(outside_count(&fx.s.outside, NULL), 1);
	ck_assert_int_eq(session_is_outside(&fx.s, 2001), 1);
	fx_close(&fx);
}
END_TEST

/* Edits, undo, save and size changes by maphex itself are its own. */
START_TEST(test_session_own_edits)
{
	struct fixture	fx;
	unsigned char	data[256];
	char		err[256];
	uint64_t	off;

	memset(data, 'a', sizeof data);
	open_watched(&fx, data, sizeof data, MAPPING_DIRECT);
	input_key(&fx.s, '4');
	input_key(&fx.s, '2');
	session_refresh(&fx.s);
	ck_assert_uint_eq(session_unsaved(&fx.s), 1);
	ck_assert_uint_eq(outside_count(&fx.s.outside, NULL), 0);
	ck_assert_int_eq(journal_save(fx.s.journal, err, sizeof err), 0);
	session_refresh(&fx.s);
	ck_assert_int_eq(journal_undo(fx.s.journal, &off, err, sizeof err),
	    1);
	session_refresh(&fx.s);
	ck_assert_int_eq(journal_insert(fx.s.journal, 3, "xyz", 3, err,
	    sizeof err), 0);
	session_refresh(&fx.s);
	ck_assert_uint_eq(outside_count(&fx.s.outside, NULL), 0);

	/* Another writer and an own edit in one tick: only theirs. */
	input_key(&fx.s, '4');
	input_key(&fx.s, '3');
	other_write(fx.path, 0x40, "Q", 1);
	session_refresh(&fx.s);
	ck_assert_uint_eq(outside_count(&fx.s.outside, NULL), 1);
	ck_assert_int_eq(session_is_outside(&fx.s, 0x40), 1);
	fx_close(&fx);
}
END_TEST

/* Follow: an append and a truncation move to the end; a key stops it. */
START_TEST(test_follow)
{
	struct fixture	fx;
	unsigned char	data[1000];
	char		status[4096];
	unsigned char	more[3000];

	memset(data, 'a', sizeof data);
	memset(more, 'b', sizeof more);
	open_watched(&fx, data, sizeof data, MAPPING_READONLY);
	ck_assert_ptr_nonnull(commands_find("follow"));
	ck_assert_int_eq(input_key(&fx.s, 'F'), 0);
	ck_assert_int_eq(fx.s.follow, 1);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 999);
	snprintf(status, sizeof status, "%s", fx_row(&fx, 9));
	ck_assert_ptr_nonnull(strstr(status, "FOLLOW"));

	other_write(fx.path, UINT64_MAX, more, sizeof more);
	session_refresh(&fx.s);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 3999);
	/* The last screenful: the last row at the bottom of 9 rows. */
	ck_assert_uint_eq(session_window(&fx.s)->top, 3984 - 8 * 16);
	ck_assert_str_eq(fx.s.message, "");

	ck_assert_int_eq(truncate(fx.path, 500), 0);
	session_refresh(&fx.s);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 499);

	/* Any key stops following and does nothing else (q does not quit). */
	ck_assert_int_eq(input_key(&fx.s, 'q'), 0);
	ck_assert_int_eq(fx.s.follow, 0);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "stopped following"));
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 499);
	other_write(fx.path, UINT64_MAX, more, 10);
	session_refresh(&fx.s);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 499);
	snprintf(status, sizeof status, "%s", fx_row(&fx, 9));
	ck_assert_ptr_null(strstr(status, "FOLLOW"));
	/* A resize is not a key. */
	session_follow(&fx.s);
	input_key(&fx.s, KEYMAP_RESIZE);
	ck_assert_int_eq(fx.s.follow, 1);
	fx_close(&fx);

	/* F is a hex digit in direct mode, never follow. */
	open_watched(&fx, data, sizeof data, MAPPING_DIRECT);
	input_key(&fx.s, 'F');
	ck_assert_int_eq(fx.s.follow, 0);
	fx_close(&fx);
}
END_TEST

Suite *
outside_suite(void)
{
	Suite	*s = suite_create("outside");
	TCase	*tc = tcase_create("outside");

	tcase_add_test(tc, test_note_runs);
	tcase_add_test(tc, test_merge_and_cap);
	tcase_add_test(tc, test_expire);
	tcase_add_test(tc, test_snapshot_spans);
	tcase_add_test(tc, test_session_flags_other_writer);
	tcase_add_test(tc, test_session_screen_only);
	tcase_add_test(tc, test_session_own_edits);
	tcase_add_test(tc, test_follow);
	suite_add_tcase(s, tc);
	return (s);
}
