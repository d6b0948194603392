/*
 * check_inspect_view.c: the inspector pane through the session: keys
 * fed to input_key(), the frame's rows and attributes, and the file's
 * bytes after typed writes, undo, refusals and follows.
 */
#include "config.h"

#include <check.h>
#include <string.h>

#include "doc.h"
#include "frame.h"
#include "help.h"
#include "input.h"
#include "inspect.h"
#include "journal.h"
#include "keymap.h"
#include "layout.h"
#include "session.h"
#include "suites.h"
#include "viewfix.h"
#include "testutil.h"
#include "view.h"

#define ESC_D	(KEYMAP_META | 'D')

/* Feeds a key, lays out again as the main loop does, and renders. */
static void
fx_key(struct fixture *fx, int key)
{
	input_key(&fx->s, key);
	layout_apply(&fx->s, fx->f.rows, fx->f.cols);
	view_render(&fx->s, &fx->f);
}

static void
fx_type(struct fixture *fx, const char *text)
{
	for (; *text != '\0'; text++)
		fx_key(fx, (unsigned char)*text);
}

/* The frame row holding needle, or -1. */
static int
fx_find(struct fixture *fx, const char *needle)
{
	int	r;

	for (r = 0; r < fx->f.rows; r++)
		if (strstr(fx_row(fx, r), needle) != NULL)
			return (r);
	return (-1);
}

static void
fx_bytes(struct fixture *fx, uint64_t off, const void *want, size_t n)
{
	unsigned char	got[64];

	ck_assert_int_eq(doc_read(&fx->d, off, got, n), 0);
	ck_assert_msg(memcmp(got, want, n) == 0, "bytes at %llu differ",
	    (unsigned long long)off);
}

/* Moves the pane's selection to row t from the top. */
static void
fx_row_select(struct fixture *fx, int t)
{
	int	i;

	for (i = 0; i < INSPECT_ROWS; i++)
		fx_key(fx, KEYMAP_UP);
	for (i = 0; i < t; i++)
		fx_key(fx, KEYMAP_DOWN);
	ck_assert_int_eq(fx->s.inspector.row, t);
}

static const unsigned char data[64] = {
	0x20, 0x00, 0x00, 0x00, 0xff, 0x02, 0x03, 0x04,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf8, 0x3f,
};

START_TEST(test_beside)
{
	struct fixture	fx;
	struct layout	l;
	int		r;

	fx_open(&fx, data, sizeof data, MAPPING_DIRECT, 30, 140);
	ck_assert_int_eq(fx_find(&fx, "inspector"), -1);
	fx_key(&fx, ESC_D);
	layout_make(&l, &fx.s, 30, 140);
	ck_assert_int_eq(l.side_below, 0);
	ck_assert_int_eq(l.side.cols, LAYOUT_SIDE_COLS);
	ck_assert_int_eq(l.side.col, 140 - LAYOUT_SIDE_COLS);
	ck_assert_int_eq(l.win[0].rows, 29);
	ck_assert_int_ge(l.side.col, (int)l.need);
	/* The bytes' rows and the pane share the screen's rows. */
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 0), "00000000  20 00 00 00"));
	ck_assert_ptr_nonnull(strstr(fx.row, "inspector, little-endian at "
	    "0x0"));
	r = fx_find(&fx, "u32       32");
	ck_assert_int_ge(r, 2);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, r - 6), "u8        32"));
	ck_assert_int_ge(fx_find(&fx, "binary    00100000"), 2);
	ck_assert_int_ge(fx_find(&fx, "utf8      ' ' U+0020"), 2);
	ck_assert_int_ge(fx_find(&fx, "guid      00000020-02ff-0403-0000-"
	    "00000000f83f"), 2);
	fx_key(&fx, ESC_D);
	ck_assert_int_eq(fx_find(&fx, "inspector"), -1);
	fx_close(&fx);
}
END_TEST

START_TEST(test_below_on_a_narrow_screen)
{
	struct fixture	fx;
	struct layout	l;
	int		r;

	fx_open(&fx, data, sizeof data, MAPPING_DIRECT, 40, 80);
	fx_key(&fx, ESC_D);
	layout_make(&l, &fx.s, 40, 80);
	ck_assert_int_eq(l.side_below, 1);
	ck_assert_int_eq(l.side.rows, 19);
	ck_assert_int_eq(l.side.row, 20);
	ck_assert_int_eq(l.win[0].rows, 20);
	ck_assert_int_eq(l.win[0].cols, 80);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 20), "inspector"));
	/* A pane too short for every row scrolls to the selected one. */
	ck_assert_int_eq(fx_find(&fx, "guid "), -1);
	fx_key(&fx, '\t');
	fx_key(&fx, '\t');
	fx_row_select(&fx, INSPECT_GUID);
	r = fx_find(&fx, "guid ");
	ck_assert_int_eq(r, 38);
	ck_assert(fx.f.attr[r * 80 + 2] & FRAME_CURSOR);
	ck_assert_int_eq(fx.f.cursor_row, r);
	/* Too few rows for a pane: the bytes keep them. */
	ck_assert_int_eq(frame_resize(&fx.f, 4, 80), 0);
	layout_apply(&fx.s, 4, 80);
	layout_make(&l, &fx.s, 4, 80);
	ck_assert_int_eq(l.side.cols, 0);
	ck_assert_int_eq(l.win[0].rows, 3);
	fx_close(&fx);
}
END_TEST

START_TEST(test_tab_cycles)
{
	struct fixture	fx;

	fx_open(&fx, data, sizeof data, MAPPING_DIRECT, 30, 140);
	fx_key(&fx, '\t');
	ck_assert_int_eq(session_window(&fx.s)->pane, WINDOW_TEXT);
	fx_key(&fx, '\t');
	ck_assert_int_eq(session_window(&fx.s)->pane, WINDOW_HEX);
	fx_key(&fx, ESC_D);
	fx_key(&fx, '\t');
	fx_key(&fx, '\t');
	ck_assert_int_eq(session_window(&fx.s)->pane, WINDOW_INSPECT);
	ck_assert_ptr_nonnull(strstr(fx_row(&fx, 29), "[inspector]"));
	/* Up and Down pick rows here; Left and Right still move bytes. */
	fx_key(&fx, KEYMAP_DOWN);
	ck_assert_int_eq(fx.s.inspector.row, 1);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 0);
	fx_key(&fx, KEYMAP_RIGHT);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 1);
	/* Letters are not typed into the file from the pane. */
	fx_key(&fx, 'a');
	fx_bytes(&fx, 0, data, 16);
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	fx_key(&fx, '\t');
	ck_assert_int_eq(session_window(&fx.s)->pane, WINDOW_HEX);
	fx_key(&fx, '\t');
	fx_key(&fx, '\t');
	fx_key(&fx, ESC_D);
	ck_assert_int_eq(session_window(&fx.s)->pane, WINDOW_HEX);
	fx_close(&fx);
}
END_TEST

START_TEST(test_rows_byte_order_selection)
{
	struct fixture	fx;
	int		r;

	fx_open(&fx, data, sizeof data, MAPPING_DIRECT, 30, 140);
	fx_key(&fx, ESC_D);
	fx_key(&fx, '\t');
	fx_key(&fx, '\t');
	fx_row_select(&fx, INSPECT_U16);
	r = fx_find(&fx, "u16       32 ");
	ck_assert_int_ge(r, 0);
	ck_assert(fx.f.attr[r * 140 + 140 - LAYOUT_SIDE_COLS + 3] &
	    FRAME_CURSOR);
	fx_key(&fx, 'e');
	ck_assert_int_eq(fx.s.inspector.be, 1);
	ck_assert_int_ge(fx_find(&fx, "inspector, big-endian"), 0);
	ck_assert_int_ge(fx_find(&fx, "u16       8192 "), 0);
	ck_assert_int_ge(fx_find(&fx, "f64       "), 0);
	/* With a mark, the pane gives the selection's length. */
	fx_key(&fx, 0);
	fx_key(&fx, KEYMAP_RIGHT);
	fx_key(&fx, KEYMAP_RIGHT);
	ck_assert_int_ge(fx_find(&fx, "selection: 3 bytes (0x3)"), 0);
	/* Past the end, rows say so. */
	fx_key(&fx, KEYMAP_META | '>');
	ck_assert_int_ge(fx_find(&fx, "u16       end of file"), 0);
	ck_assert_int_ge(fx_find(&fx, "u8        0"), 0);
	fx_close(&fx);
}
END_TEST

START_TEST(test_write_and_undo)
{
	struct fixture	fx;

	fx_open(&fx, data, sizeof data, MAPPING_DIRECT, 30, 140);
	fx_key(&fx, ESC_D);
	fx_key(&fx, '\t');
	fx_key(&fx, '\t');
	fx_key(&fx, KEYMAP_RIGHT);
	fx_row_select(&fx, INSPECT_U32);
	fx_key(&fx, '\r');
	ck_assert(fx.s.prompt.active);
	ck_assert_str_eq(fx.s.prompt.label, "u32le at 0x1: ");
	fx_type(&fx, "0x11223344");
	fx_key(&fx, '\r');
	ck_assert(!fx.s.prompt.active);
	fx_bytes(&fx, 0, "\x20\x44\x33\x22\x11\x02", 6);
	ck_assert_uint_eq(session_unsaved(&fx.s), 4);
	ck_assert_int_ge(fx_find(&fx, "u32       287454020"), 0);
	/* f64, big-endian, at 8. */
	fx_key(&fx, 'e');
	fx_row_select(&fx, INSPECT_F64);
	fx_key(&fx, KEYMAP_CTRL('G'));
	fx_type(&fx, "8\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 8);
	fx_key(&fx, '\r');
	ck_assert_str_eq(fx.s.prompt.label, "f64be at 0x8: ");
	fx_type(&fx, "-2.5\r");
	fx_bytes(&fx, 8, "\xc0\x04\x00\x00\x00\x00\x00\x00", 8);
	/* One step each: two undos put every byte back. */
	fx_key(&fx, KEYMAP_BACKSPACE);
	fx_bytes(&fx, 8, data + 8, 8);
	fx_bytes(&fx, 0, "\x20\x44\x33\x22\x11", 5);
	fx_key(&fx, KEYMAP_BACKSPACE);
	fx_bytes(&fx, 0, data, 16);
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	fx_close(&fx);
}
END_TEST

START_TEST(test_write_refused)
{
	struct fixture	fx;

	fx_open(&fx, data, sizeof data, MAPPING_DIRECT, 30, 140);
	fx_key(&fx, ESC_D);
	fx_key(&fx, '\t');
	fx_key(&fx, '\t');
	fx_row_select(&fx, INSPECT_U8);
	fx_key(&fx, '\r');
	fx_type(&fx, "256\r");
	ck_assert_ptr_nonnull(strstr(fx.s.message, "out of range"));
	ck_assert(fx.s.message_error);
	fx_row_select(&fx, INSPECT_TIME32);
	fx_key(&fx, '\r');
	fx_type(&fx, "yesterday\r");
	ck_assert_ptr_nonnull(strstr(fx.s.message, "ISO 8601"));
	/* Four bytes do not fit in the last two. */
	fx_key(&fx, KEYMAP_META | '>');
	fx_key(&fx, KEYMAP_LEFT);
	fx_row_select(&fx, INSPECT_U32);
	fx_key(&fx, '\r');
	fx_type(&fx, "1\r");
	ck_assert_ptr_nonnull(strstr(fx.s.message, "do not fit"));
	fx_bytes(&fx, 0, data, sizeof data);
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	fx_close(&fx);

	fx_open(&fx, data, sizeof data, MAPPING_READONLY, 30, 140);
	fx_key(&fx, ESC_D);
	fx_key(&fx, '\t');
	fx_key(&fx, '\t');
	fx_key(&fx, '\r');
	ck_assert(!fx.s.prompt.active);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "read-only"));
	/* The pane's keys win over less's in read-only mode. */
	fx_row_select(&fx, INSPECT_U32);
	fx_key(&fx, 'f');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 0x20);
	fx_close(&fx);
}
END_TEST

START_TEST(test_follow)
{
	struct fixture	fx;

	fx_open(&fx, data, sizeof data, MAPPING_DIRECT, 30, 140);
	fx_key(&fx, ESC_D);
	fx_key(&fx, '\t');
	fx_key(&fx, '\t');
	fx_row_select(&fx, INSPECT_U32);
	fx_key(&fx, 'f');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 0x20);
	ck_assert_str_eq(fx.s.message, "followed u32le to 0x20");
	fx_key(&fx, KEYMAP_META | '<');
	fx_key(&fx, 'e');
	fx_key(&fx, 'f');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 0);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "past the end"));
	fx_key(&fx, 'e');
	fx_row_select(&fx, INSPECT_F32);
	fx_key(&fx, 'f');
	ck_assert_ptr_nonnull(strstr(fx.s.message, "not an integer"));
	/* A negative value is no offset. */
	fx_key(&fx, KEYMAP_CTRL('G'));
	fx_type(&fx, "4\r");
	fx_row_select(&fx, INSPECT_I8);
	fx_key(&fx, 'f');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 4);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "-1: not an offset"));
	fx_row_select(&fx, INSPECT_ULEB);
	fx_key(&fx, 'f');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 4);
	fx_row_select(&fx, INSPECT_U8);
	fx_key(&fx, 'f');
	ck_assert_ptr_nonnull(strstr(fx.s.message, "past the end"));
	fx_close(&fx);
}
END_TEST

START_TEST(test_keys_listed)
{
	char	buf[512];
	size_t	i;
	int	found = 0;

	ck_assert_int_eq(keymap_keys_for("inspector", 0, buf, sizeof buf), 1);
	ck_assert_str_eq(buf, "Esc-D");
	keymap_keys_for("inspector-follow", 0, buf, sizeof buf);
	ck_assert_str_eq(buf, "f");
	keymap_keys_for("inspector-byte-order", 0, buf, sizeof buf);
	ck_assert_str_eq(buf, "e");
	keymap_keys_for("inspector-edit", 0, buf, sizeof buf);
	ck_assert_str_eq(buf, "Return, Ctrl-J");
	for (i = 0; help_keys_line(i, buf, sizeof buf) == 0; i++)
		if (strncmp(buf, "inspector-next-row", 18) == 0 &&
		    strstr(buf, "Down, Ctrl-N") != NULL)
			found = 1;
	ck_assert(found);
	/* Outside the pane, Up still moves the cursor. */
	ck_assert_str_eq(keymap_lookup(KEYMAP_UP, KEYMAP_PANE_HEX, 0),
	    "previous-line");
	ck_assert_str_eq(keymap_lookup(KEYMAP_UP, KEYMAP_PANE_INSPECT, 0),
	    "inspector-previous-row");
	ck_assert_str_eq(keymap_lookup('g', KEYMAP_PANE_INSPECT, 1),
	    "beginning-of-file");
}
END_TEST

Suite *
inspector_suite(void)
{
	Suite	*s = suite_create("inspector");
	TCase	*tc = tcase_create("pane");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_beside);
	tcase_add_test(tc, test_below_on_a_narrow_screen);
	tcase_add_test(tc, test_tab_cycles);
	tcase_add_test(tc, test_rows_byte_order_selection);
	tcase_add_test(tc, test_write_and_undo);
	tcase_add_test(tc, test_write_refused);
	tcase_add_test(tc, test_follow);
	tcase_add_test(tc, test_keys_listed);
	suite_add_tcase(s, tc);
	return (s);
}
