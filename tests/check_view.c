/*
 * check_view.c: what the screen shows, asserted on frame rows and
 * attributes.
 */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "editor.h"
#include "frame.h"
#include "keymap.h"
#include "suites.h"
#include "testutil.h"
#include "view.h"

struct fixture {
	struct mapping	 m;
	struct editor	 ed;
	struct frame	 f;
	char		*path;
	char		 row[512];
};

static void
fx_open(struct fixture *fx, const void *data, size_t len,
    enum mapping_mode mode, int rows, int cols)
{
	char	err[256];

	memset(fx, 0, sizeof *fx);
	fx->path = tu_file(data, len);
	ck_assert_int_eq(mapping_open(&fx->m, fx->path, mode, err,
	    sizeof err), 0);
	ck_assert_int_eq(editor_init(&fx->ed, &fx->m, 16, 0, err,
	    sizeof err), 0);
	ck_assert_int_eq(frame_resize(&fx->f, rows, cols), 0);
	editor_resize(&fx->ed, rows, cols);
}

static const char *
fx_row(struct fixture *fx, int row)
{
	view_render(&fx->ed, &fx->f);
	frame_row(&fx->f, row, fx->row);
	return (fx->row);
}

static unsigned char
fx_attr(struct fixture *fx, int row, int col)
{
	return (fx->f.attr[row * fx->f.cols + col]);
}

static void
fx_close(struct fixture *fx)
{
	frame_free(&fx->f);
	editor_free(&fx->ed);
	mapping_close(&fx->m);
	tu_remove(fx->path);
}

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
	fx.ed.message[0] = '\0';
	editor_goto(&fx.ed, 18);
	fx_row(&fx, 5);
	ck_assert_msg(strncmp(fx.row, " READ-ONLY  ", 12) == 0, "%s", fx.row);
	ck_assert_ptr_nonnull(strstr(fx.row, fx.path));
	ck_assert_ptr_nonnull(strstr(fx.row, "0x00000012 (18) / 0x28 (40)  "
	    "47%"));
	ck_assert_int_eq(fx.f.cursor_row, 1);
	ck_assert_int_eq(fx.f.cursor_col, 10 + 6);
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
	editor_key(&fx.ed, 'f');
	editor_key(&fx.ed, 'f');
	fx.ed.message[0] = '\0';
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
	editor_key(&fx.ed, '4');
	fx_row(&fx, 0);
	ck_assert_int_eq(fx.f.cursor_col, 11);
	editor_key(&fx.ed, '\t');
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
	editor_resize(&fx.ed, 1, 100);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 0), "too small"));
	fx_close(&fx);
}
END_TEST

START_TEST(test_maximize_and_columns)
{
	struct fixture	fx;
	char		err[256];

	fx_open(&fx, NULL, 100, MAPPING_READONLY, 5, 100);
	editor_free(&fx.ed);
	ck_assert_int_eq(editor_init(&fx.ed, &fx.m, 0, 1, err,
	    sizeof err), 0);
	editor_resize(&fx.ed, 5, 120);
	ck_assert_uint_eq(fx.ed.columns, 24);
	editor_resize(&fx.ed, 5, 100);
	ck_assert_uint_eq(fx.ed.columns, 16);
	editor_free(&fx.ed);
	ck_assert_int_eq(editor_init(&fx.ed, &fx.m, 4, 0, err,
	    sizeof err), 0);
	editor_resize(&fx.ed, 5, 100);
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
	editor_key(&fx.ed, KEYMAP_F(1));
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
	editor_goto(&fx.ed, 4096 + 16);
	fd = open(fx.path, O_RDWR);
	ck_assert_int_eq(ftruncate(fd, 4096), 0);
	close(fd);
	ck_assert_ptr_null(strstr(fx_row(&fx, 1), "??"));
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 2), "00001000  ?? ?? ??"));
	ck_assert_uint_eq(fx.ed.fault, 4096 + 1);
	editor_refresh(&fx.ed);
	ck_assert_uint_eq(fx.m.size, 4096);
	ck_assert_uint_eq(fx.ed.cursor, 4095);
	ck_assert_ptr_nonnull(strstr(fx.ed.message, "8192 to 4096"));
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
	suite_add_tcase(s, tc);
	return (s);
}
