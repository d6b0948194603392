/*
 * check_view.c: what the screen shows, asserted on frame rows and
 * attributes.
 */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "doc.h"
#include "input.h"
#include "layout.h"
#include "session.h"
#include "frame.h"
#include "keymap.h"
#include "suites.h"
#include "testutil.h"
#include "view.h"
#include "viewfix.h"

START_TEST(test_rows_and_status)
{
	struct fixture	fx;
	unsigned char	data[40];
	int		i;

	for (i = 0; i < 40; i++)
		data[i] = (unsigned char)(i * 7);
	fx_open(&fx, data, sizeof data, MAPPING_READONLY, 6, 100);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 0), "00000000  00 07 0e 15 "
	    "1c 23 2a 31  38 3f 46 4d 54 5b 62 69  |.....#*18?FMT[bi|"));
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 2), "00000020  e0 e7 ee f5 "
	    "fc 03 0a 11                           |........        |"));
	ck_assert_str_eq(fx_row(&fx, 3), fx_row(&fx, 4));
	fx.s.message[0] = '\0';
	window_goto(session_window(&fx.s), 18);
	fx_row(&fx, 5);
	ck_assert_msg(strncmp(fx.row, " READ-ONLY  ", 12) == 0, "%s", fx.row);
	ck_assert_ptr_nonnull(strstr(fx.row, fx.path));
	ck_assert_ptr_nonnull(strstr(fx.row, "0x00000012 (18) / 0x28 (40)  "
	    "46%"));
	ck_assert_int_eq(fx.f.cursor_row, 1);
	ck_assert_int_eq(fx.f.cursor_col, 10 + 6);
	/* 0% on the first byte, 100% on the last. */
	window_goto(session_window(&fx.s), 0);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 5), "(40)  0%"));
	window_goto(session_window(&fx.s), 39);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 5), "(40)  100%"));
	window_goto(session_window(&fx.s), 0);
	window_goto(session_window(&fx.s), 18);
	fx_row(&fx, 5);
	ck_assert(fx_attr(&fx, 1, 16) & FRAME_CURSOR);
	ck_assert(fx_attr(&fx, 1, 61 + 2) & FRAME_SHADOW);
	ck_assert(fx_attr(&fx, 5, 0) & FRAME_STATUS);
	fx_close(&fx);
}
END_TEST

START_TEST(test_no_control_bytes)
{
	struct fixture	fx;
	unsigned char	data[256];
	int		i, r, c;

	for (i = 0; i < 256; i++)
		data[i] = (unsigned char)i;
	fx_open(&fx, data, sizeof data, MAPPING_READONLY, 20, 90);
	fx_row(&fx, 0);
	for (r = 0; r < fx.f.rows; r++)
		for (c = 0; c < fx.f.cols; c++)
			ck_assert(fx.f.text[r * fx.f.cols + c] >= 0x20 &&
			    fx.f.text[r * fx.f.cols + c] < 0x7f);
	fx_close(&fx);
}
END_TEST

START_TEST(test_dirty_and_unsaved)
{
	struct fixture	fx;

	fx_open(&fx, "hello world", 11, MAPPING_PREVIEW, 5, 100);
	input_key(&fx.s, 'f');
	input_key(&fx.s, 'f');
	fx.s.message[0] = '\0';
	fx_row(&fx, 4);
	ck_assert_msg(strncmp(fx.row, " PREVIEW  ", 10) == 0, "%s", fx.row);
	ck_assert_ptr_nonnull(strstr(fx.row, "** 1 unsaved"));
	ck_assert(fx_attr(&fx, 0, 10) & FRAME_DIRTY);
	ck_assert(fx_attr(&fx, 0, 61) & FRAME_DIRTY);
	ck_assert(!(fx_attr(&fx, 0, 13) & FRAME_DIRTY));
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 0), "ff 65 6c"));
	fx_close(&fx);
}
END_TEST

START_TEST(test_nibble_cursor)
{
	struct fixture	fx;

	fx_open(&fx, "abc", 3, MAPPING_DIRECT, 5, 100);
	input_key(&fx.s, '4');
	fx_row(&fx, 0);
	ck_assert_int_eq(fx.f.cursor_col, 11);
	input_key(&fx.s, '\t');
	fx_row(&fx, 0);
	ck_assert_int_eq(fx.f.cursor_col, 61);
	fx_close(&fx);
}
END_TEST

START_TEST(test_too_small)
{
	struct fixture	fx;

	fx_open(&fx, "abc", 3, MAPPING_READONLY, 5, 40);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 0), "terminal too small"));
	ck_assert_ptr_null(strstr(fx_row(&fx, 1), "000000"));
	frame_resize(&fx.f, 1, 100);
	layout_apply(&fx.s, 1, 100);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 0), "too small"));
	fx_close(&fx);
}
END_TEST

START_TEST(test_maximize_and_columns)
{
	struct fixture	fx;
	char		err[256];

	fx_open(&fx, NULL, 100, MAPPING_READONLY, 5, 100);
	session_free(&fx.s);
	ck_assert_int_eq(session_init(&fx.s, &fx.d, 0, 1, err,
	    sizeof err), 0);
	layout_apply(&fx.s, 5, 120);
	ck_assert_uint_eq(session_window(&fx.s)->columns, 24);
	layout_apply(&fx.s, 5, 100);
	ck_assert_uint_eq(session_window(&fx.s)->columns, 16);
	session_free(&fx.s);
	ck_assert_int_eq(session_init(&fx.s, &fx.d, 4, 0, err,
	    sizeof err), 0);
	layout_apply(&fx.s, 5, 100);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 1),
	    "00000004  00 00 00 00  |....|"));
	fx_close(&fx);
}
END_TEST

START_TEST(test_help_from_keymap)
{
	struct fixture	 fx;
	int		 r, found = 0;

	fx_open(&fx, "abc", 3, MAPPING_READONLY, 60, 120);
	input_key(&fx.s, KEYMAP_F(1));
	for (r = 0; r < 59; r++) {
		fx_row(&fx, r);
		if (strstr(fx.row, "PgDn, Ctrl-V, F6, Space") &&
		    strstr(fx.row, "move one screen down"))
			found |= 1;
		if (strstr(fx.row, "Return, Ctrl-J, Ctrl-G, F4"))
			found |= 2;
		if (strstr(fx.row, "F10, Ctrl-X, q"))
			found |= 4;
	}
	ck_assert_int_eq(found, 7);
	fx_close(&fx);
}
END_TEST

START_TEST(test_unreadable_bytes)
{
	struct fixture	 fx;
	unsigned char	 data[8192];
	int		 fd;

	memset(data, 'z', sizeof data);
	fx_open(&fx, data, sizeof data, MAPPING_READONLY, 5, 100);
	window_goto(session_window(&fx.s), 4096 + 16);
	fd = open(fx.path, O_RDWR);
	ck_assert_int_eq(ftruncate(fd, 4096), 0);
	close(fd);
	ck_assert_ptr_null(strstr(fx_row(&fx, 1), "??"));
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 2), "00001000  ?? ?? ??"));
	ck_assert_uint_eq(view_render(&fx.s, &fx.f), 4096 + 1);
	session_fault(&fx.s, 4096);
	ck_assert_uint_eq(doc_size(&fx.d), 4096);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 4095);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "8192 to 4096"));
	ck_assert_ptr_null(strstr(fx_row(&fx, 3), "??"));
	fx_close(&fx);
}
END_TEST

START_TEST(test_empty)
{
	struct fixture	fx;

	fx_open(&fx, NULL, 0, MAPPING_READONLY, 5, 100);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 0), "empty"));
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 4), "empty"));
	fx_close(&fx);
	/*
	 * Typing in either pane of a preview, which cannot grow the file,
	 * says the same thing (direct mode appends: see resize.sh).
	 */
	fx_open(&fx, NULL, 0, MAPPING_PREVIEW, 5, 100);
	input_key(&fx.s, 'f');
	ck_assert_ptr_nonnull(strstr(fx.s.message, "preview mode cannot "
	    "change the size"));
	input_key(&fx.s, '\t');
	input_key(&fx.s, 'z');
	ck_assert_ptr_nonnull(strstr(fx.s.message, "preview mode cannot "
	    "change the size"));
	ck_assert_uint_eq(doc_size(fx.s.doc), 0);
	fx_close(&fx);
}
END_TEST

/*
 * In direct mode the cursor can sit just past the last byte, where
 * typing appends: after a full last row it gets a row of its own, and
 * an empty file shows that row too.
 */
START_TEST(test_append_row)
{
	struct fixture	fx;
	const char	data[] = "0123456789abcdef";
	const char	*row;

	fx_open(&fx, data, 16, MAPPING_DIRECT, 5, 100);
	input_key(&fx.s, KEYMAP_END);
	input_key(&fx.s, KEYMAP_RIGHT);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 16);
	row = fx_row(&fx, 1);
	ck_assert_int_eq(strncmp(row, "00000010", 8), 0);
	ck_assert_uint_eq(strspn(row + 8, " "), 52);	/* no byte shown */
	ck_assert_int_eq(strncmp(row + 60, "|                |", 18), 0);
	ck_assert_int_eq(fx.f.cursor_row, 1);
	ck_assert_int_eq(fx.f.cursor_col, 10);
	ck_assert_uint_ne(fx_attr(&fx, 1, 10) & FRAME_CURSOR, 0);
	input_key(&fx.s, KEYMAP_LEFT);
	ck_assert_uint_eq(strspn(fx_row(&fx, 1), " "), strlen(fx_row(&fx, 1)));
	fx_close(&fx);
	/* Preview mode cannot append: no such row. */
	fx_open(&fx, data, 16, MAPPING_PREVIEW, 5, 100);
	input_key(&fx.s, KEYMAP_END);
	input_key(&fx.s, KEYMAP_RIGHT);
	ck_assert_uint_eq(strspn(fx_row(&fx, 1), " "), strlen(fx_row(&fx, 1)));
	fx_close(&fx);
	fx_open(&fx, NULL, 0, MAPPING_DIRECT, 5, 100);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 0), "00000000  "));
	ck_assert_int_eq(fx.f.cursor_row, 0);
	ck_assert_int_eq(fx.f.cursor_col, 10);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 1), "(empty file: typing "
	    "appends)"));
	fx_close(&fx);
}
END_TEST

/* Switches LC_CTYPE to UTF-8 for a test; 0 where the system has none. */
/* Sets a UTF-8 locale for LC_CTYPE; returns 0 where there is none. */
static int
fx_utf8(void)
{
	return (setlocale(LC_CTYPE, "C.UTF-8") != NULL ||
	    setlocale(LC_CTYPE, "C.utf8") != NULL ||
	    setlocale(LC_CTYPE, "en_US.UTF-8") != NULL);
}

int
utf8_have(char *why, size_t len)
{
	int	have = fx_utf8();

	setlocale(LC_CTYPE, "C");
	if (!have)
		snprintf(why, len, "no UTF-8 locale (C.UTF-8, C.utf8 or "
		    "en_US.UTF-8)");
	return (have);
}

START_TEST(test_frame_c_locale)
{
	struct frame	f;
	char		out[256];

	memset(&f, 0, sizeof f);
	ck_assert_int_eq(frame_resize(&f, 1, 8), 0);
	/* In the C locale only ASCII is shown. */
	frame_put(&f, 0, 0, "a\x1b\xc3\xa9\x7f", 5, 0);
	frame_row(&f, 0, out, sizeof out);
	ck_assert_str_eq(out, "a....   ");
	frame_free(&f);
}
END_TEST

START_TEST(test_frame_utf8)
{
	struct frame	f;
	char		out[256];
	size_t		cut;
	const char	*name = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e.bin";

	memset(&f, 0, sizeof f);
	ck_assert_int_eq(frame_resize(&f, 1, 8), 0);
	ck_assert_msg(fx_utf8(), "no UTF-8 locale");
	/* Controls (C0, DEL, C1), stray bytes and a cut sequence are dots. */
	frame_put(&f, 0, 0, "a\x1b\xc3\xa9\xe6\x97\xa5\xff\xc2\x85\xe6", 13,
	    0);
	frame_row(&f, 0, out, sizeof out);
	ck_assert_str_eq(out, "a.\xc3\xa9\xe6\x97\xa5...");
	ck_assert_int_eq(f.text[3], 0x65e5);
	ck_assert_int_eq(f.text[4], FRAME_TAIL);
	/* A wide character with one cell left becomes a dot. */
	frame_clear(&f);
	frame_put(&f, 0, 5, "ab\xe6\x97\xa5", 5, 0);
	frame_row(&f, 0, out, sizeof out);
	ck_assert_str_eq(out, "     ab.");
	ck_assert_uint_eq(frame_width(name, strlen(name), 0, NULL), 10);
	ck_assert_uint_eq(frame_width(name, strlen(name), 6, &cut), 6);
	ck_assert_uint_eq(cut, 6);
	ck_assert_uint_eq(frame_width(name, strlen(name), 5, &cut), 4);
	ck_assert_uint_eq(cut, 9);
	setlocale(LC_CTYPE, "C");
	frame_free(&f);
}
END_TEST

START_TEST(test_type_and_search_utf8)
{
	struct fixture	 fx;
	const char	*data = "xxxx caf\xc3\xa9 xx";
	const char	*p;
	int		 k;

	fx_open(&fx, data, strlen(data), MAPPING_PREVIEW, 5, 100);
	ck_assert_msg(fx_utf8(), "no UTF-8 locale");
	/* A UTF-8 character typed in the text pane is written as sent. */
	input_key(&fx.s, '\t');
	input_key(&fx.s, 0xc3);
	input_key(&fx.s, 0xa9);
	ck_assert_str_eq(fx.s.message, "");
	ck_assert_int_eq(memcmp(doc_span(&fx.d, 0, 4), "\xc3\xa9xx", 4), 0);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 2);
	/* The search prompt takes it too, shows it, and erases it whole. */
	input_key(&fx.s, KEYMAP_CTRL('S'));
	input_key(&fx.s, KEYMAP_CTRL('U'));
	for (p = "caf\xc3\xa9"; *p != '\0'; p++)
		input_key(&fx.s, (unsigned char)*p);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 4), "caf\xc3\xa9"));
	k = fx.f.cursor_col;
	input_key(&fx.s, KEYMAP_BACKSPACE);
	ck_assert_str_eq(fx.s.prompt.input, "caf");
	ck_assert_int_eq(fx_row(&fx, 4) != NULL && fx.f.cursor_col == k - 1,
	    1);
	input_key(&fx.s, 0xc3);
	input_key(&fx.s, 0xa9);
	input_key(&fx.s, '\r');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 5);
	setlocale(LC_CTYPE, "C");
	fx_close(&fx);
}
END_TEST

START_TEST(test_status_utf8_path)
{
	struct fixture	 fx;
	char		*old, *path;
	const char	*name = "\xe6\x97\xa5\xe6\x9c\xac.bin";

	ck_assert_msg(fx_utf8(), "no UTF-8 locale");
	old = tu_file("abc", 3);
	ck_assert_int_ne(asprintf(&path, "%.*s/%s",
	    (int)(strrchr(old, '/') - old), old, name), -1);
	ck_assert_int_eq(rename(old, path), 0);
	free(old);
	memset(&fx, 0, sizeof fx);
	fx.path = path;
	ck_assert_int_eq(doc_open(&fx.d, path, MAPPING_READONLY, fx.row,
	    sizeof fx.row), 0);
	ck_assert_int_eq(session_init(&fx.s, &fx.d, 4, 0, fx.row,
	    sizeof fx.row), 0);
	ck_assert_int_eq(frame_resize(&fx.f, 5, 100), 0);
	layout_apply(&fx.s, 5, 100);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 4), name));
	/* Narrow: the path is cut in its middle, the name kept whole. */
	ck_assert_int_eq(frame_resize(&fx.f, 5, 53), 0);
	layout_apply(&fx.s, 5, 53);
	fx_row(&fx, 4);
	ck_assert_msg(strstr(fx.row, " READ-ONLY  /tmp/") != NULL &&
	    strstr(fx.row, "...") != NULL && strstr(fx.row, "/\xe6\x97\xa5"
	    "\xe6\x9c\xac.bin  0x0") != NULL, "%s", fx.row);
	setlocale(LC_CTYPE, "C");
	fx_close(&fx);
}
END_TEST

START_TEST(test_lone_esc_and_help)
{
	struct fixture	 fx;
	char		 name[32];
	int		 r;

	fx_open(&fx, "abc", 3, MAPPING_PREVIEW, 60, 120);
	keymap_key_name(KEYMAP_ESC, name, sizeof name);
	ck_assert_str_eq(name, "Esc");
	input_key(&fx.s, KEYMAP_ESC);
	ck_assert_str_eq(fx.s.message, "");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 0);
	/* Help lists the less keys only in read-only mode. */
	input_key(&fx.s, KEYMAP_F(1));
	for (r = 0; r < 59; r++)
		ck_assert_msg(strstr(fx_row(&fx, r),
		    "Esc-/, n ") == NULL, "%s", fx.row);
	fx_close(&fx);
}
END_TEST

Suite *
view_suite(void)
{
	Suite	*s = suite_create("view");
	TCase	*tc = tcase_create("frame");

	tcase_add_test(tc, test_rows_and_status);
	tcase_add_test(tc, test_no_control_bytes);
	tcase_add_test(tc, test_dirty_and_unsaved);
	tcase_add_test(tc, test_nibble_cursor);
	tcase_add_test(tc, test_too_small);
	tcase_add_test(tc, test_maximize_and_columns);
	tcase_add_test(tc, test_help_from_keymap);
	tcase_add_test(tc, test_unreadable_bytes);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_append_row);
	tcase_add_test(tc, test_frame_c_locale);
	tcase_add_test(tc, test_lone_esc_and_help);
	suite_add_tcase(s, tc);
	return (s);
}

Suite *
utf8_suite(void)
{
	Suite	*s = suite_create("utf8");
	TCase	*tc = tcase_create("frame");

	tcase_add_test(tc, test_frame_utf8);
	tcase_add_test(tc, test_type_and_search_utf8);
	tcase_add_test(tc, test_status_utf8_path);
	suite_add_tcase(s, tc);
	return (s);
}
