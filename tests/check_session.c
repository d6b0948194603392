/*
 * check_editor.c: keys fed to an editor, asserted on its state and on
 * the file's bytes; no terminal involved.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "doc.h"
#include "frame.h"
#include "help.h"
#include "input.h"
#include "journal.h"
#include "keymap.h"
#include "layout.h"
#include "session.h"
#include "suites.h"
#include "testutil.h"
#include "view.h"

struct fixture {
	struct doc	 m;
	struct session	 s;
	char		*path;
};

static void
fx_open(struct fixture *fx, const void *data, size_t len,
    enum mapping_mode mode)
{
	char	err[256];

	fx->path = tu_file(data, len);
	ck_assert_int_eq(doc_open(&fx->m, fx->path, mode, err,
	    sizeof err), 0);
	ck_assert_int_eq(session_init(&fx->s, &fx->m, 16, 0, err,
	    sizeof err), 0);
	layout_apply(&fx->s, 11, 100);
}

static void
fx_close(struct fixture *fx)
{
	session_free(&fx->s);
	doc_close(&fx->m);
	tu_remove(fx->path);
}

static int
fx_keys(struct fixture *fx, const int *keys)
{
	int	flags = 0;

	for (; *keys != -1; keys++)
		flags |= input_key(&fx->s, *keys);
	return (flags);
}

static void
fx_type(struct fixture *fx, const char *s)
{
	for (; *s != '\0'; s++)
		input_key(&fx->s, (unsigned char)*s);
}

START_TEST(test_movement)
{
	struct fixture	 fx;
	unsigned char	 data[4096];
	int		 keys[] = { KEYMAP_RIGHT, KEYMAP_RIGHT, KEYMAP_DOWN,
			    KEYMAP_CTRL('F'), KEYMAP_CTRL('N'), -1 };

	memset(data, 0, sizeof data);
	fx_open(&fx, data, sizeof data, MAPPING_READONLY);
	fx_keys(&fx, keys);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 3 + 32);
	input_key(&fx.s, KEYMAP_CTRL('B'));
	input_key(&fx.s, KEYMAP_UP);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 2 + 16);
	input_key(&fx.s, KEYMAP_END);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 31);
	input_key(&fx.s, KEYMAP_HOME);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 16);
	input_key(&fx.s, KEYMAP_PGDN);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 16 + 160);
	ck_assert_uint_eq(session_window(&fx.s)->top, 160);
	input_key(&fx.s, KEYMAP_PGUP);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 16);
	ck_assert_uint_eq(session_window(&fx.s)->top, 0);
	input_key(&fx.s, KEYMAP_META | '>');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 4095);
	ck_assert_uint_eq(session_window(&fx.s)->top, 4096 - 160);
	input_key(&fx.s, KEYMAP_RIGHT);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 4095);
	input_key(&fx.s, KEYMAP_PGDN);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 4095);
	input_key(&fx.s, 'g');		/* less key: read-only */
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 0);
	input_key(&fx.s, 'G');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 4095);
	input_key(&fx.s, KEYMAP_META | '<');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 0);
	input_key(&fx.s, KEYMAP_LEFT);
	input_key(&fx.s, KEYMAP_UP);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 0);
	fx_close(&fx);
}
END_TEST

START_TEST(test_goto)
{
	struct fixture	fx;

	fx_open(&fx, NULL, 1000, MAPPING_READONLY);
	input_key(&fx.s, '\r');
	ck_assert_str_eq(fx.s.prompt.label,
	    "Go to offset (0x1f, 31, +16, end-16, 50%): ");
	fx_type(&fx, "0x1f\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 31);
	input_key(&fx.s, KEYMAP_CTRL('G'));
	fx_type(&fx, "+16\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 47);
	input_key(&fx.s, KEYMAP_F(4));
	fx_type(&fx, "-0x10\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 31);
	input_key(&fx.s, '\r');
	fx_type(&fx, "end-16\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 984);
	input_key(&fx.s, '\r');
	fx_type(&fx, "50%\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 500);
	input_key(&fx.s, '\r');
	fx_type(&fx, "end\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 999);
	input_key(&fx.s, '\r');
	fx_type(&fx, "banana\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 999);
	ck_assert_int_eq(fx.s.message_error, 1);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "not a"));
	input_key(&fx.s, '\r');
	fx_type(&fx, "5000\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 999);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "past the end"));
	input_key(&fx.s, '\r');
	fx_type(&fx, "12");
	input_key(&fx.s, KEYMAP_ESC);
	ck_assert_int_eq(fx.s.prompt.active, 0);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 999);
	fx_close(&fx);
}
END_TEST

START_TEST(test_readonly_refuses)
{
	struct fixture	 fx;
	unsigned char	*disk;
	size_t		 len;

	fx_open(&fx, "hello", 5, MAPPING_READONLY);
	fx_type(&fx, "ab");
	input_key(&fx.s, '\t');
	fx_type(&fx, "xy");
	input_key(&fx.s, KEYMAP_CTRL('Y'));
	input_key(&fx.s, KEYMAP_CTRL('W'));
	ck_assert_ptr_nonnull(strstr(fx.s.message, "read-only"));
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	disk = tu_slurp(fx.path, &len);
	ck_assert_int_eq(memcmp(disk, "hello", 5), 0);
	free(disk);
	ck_assert_int_eq(input_key(&fx.s, 'q'), SESSION_QUIT);
	fx_close(&fx);
}
END_TEST

START_TEST(test_panes_and_help)
{
	struct fixture	fx;

	fx_open(&fx, "abc", 3, MAPPING_DIRECT);
	ck_assert_int_eq(session_window(&fx.s)->pane, WINDOW_HEX);
	input_key(&fx.s, '\t');
	ck_assert_int_eq(session_window(&fx.s)->pane, WINDOW_TEXT);
	input_key(&fx.s, KEYMAP_CTRL('T'));
	ck_assert_int_eq(session_window(&fx.s)->pane, WINDOW_HEX);
	input_key(&fx.s, KEYMAP_F(1));
	ck_assert_int_eq(fx.s.help, 1);
	input_key(&fx.s, KEYMAP_DOWN);
	ck_assert_int_eq(fx.s.help_top, 1);
	input_key(&fx.s, 'x');
	ck_assert_int_eq(fx.s.help, 0);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 0);
	ck_assert_int_eq(input_key(&fx.s, KEYMAP_F(10)), SESSION_QUIT);
	ck_assert_int_eq(input_key(&fx.s, KEYMAP_CTRL('L')),
	    SESSION_REPAINT);
	ck_assert_int_eq(input_key(&fx.s, KEYMAP_CTRL('Z')),
	    SESSION_SUSPEND);
	fx_close(&fx);
}
END_TEST

START_TEST(test_typing_direct)
{
	struct fixture	 fx;
	unsigned char	*disk;
	size_t		 len;

	fx_open(&fx, "hello", 5, MAPPING_DIRECT);
	input_key(&fx.s, '4');
	ck_assert_int_eq(session_window(&fx.s)->nibble, 1);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 0);
	input_key(&fx.s, 'A');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 1);
	ck_assert_uint_eq(session_unsaved(&fx.s), 1);
	input_key(&fx.s, '\t');
	fx_type(&fx, "EL");
	input_key(&fx.s, KEYMAP_CTRL('Q'));
	input_key(&fx.s, KEYMAP_CTRL('A'));
	disk = tu_slurp(fx.path, &len);
	ck_assert_int_eq(memcmp(disk, "JEL\001o", 5), 0);
	free(disk);
	ck_assert_uint_eq(session_unsaved(&fx.s), 4);
	input_key(&fx.s, KEYMAP_BACKSPACE);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 3);
	input_key(&fx.s, KEYMAP_CTRL('H'));
	input_key(&fx.s, KEYMAP_BACKSPACE);
	input_key(&fx.s, 0x7f);
	disk = tu_slurp(fx.path, &len);
	ck_assert_int_eq(memcmp(disk, "hello", 5), 0);
	free(disk);
	input_key(&fx.s, KEYMAP_META | 'u');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 0);
	input_key(&fx.s, KEYMAP_CTRL('W'));
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	disk = tu_slurp(fx.path, &len);
	ck_assert_int_eq(memcmp(disk, "Jello", 5), 0);
	free(disk);
	fx_close(&fx);
}
END_TEST

START_TEST(test_quit_asks)
{
	struct fixture	 fx;
	unsigned char	*disk;
	size_t		 len;

	fx_open(&fx, "hello", 5, MAPPING_PREVIEW);
	fx_type(&fx, "ff");
	ck_assert_int_eq(input_key(&fx.s, KEYMAP_CTRL('X')), 0);
	ck_assert_ptr_nonnull(strstr(fx.s.prompt.label, "Unsaved changes"));
	ck_assert_int_eq(input_key(&fx.s, 'c'), 0);
	ck_assert_int_eq(fx.s.prompt.active, 0);
	disk = tu_slurp(fx.path, &len);
	ck_assert_int_eq(memcmp(disk, "hello", 5), 0);
	free(disk);
	input_key(&fx.s, KEYMAP_F(10));
	ck_assert_int_eq(input_key(&fx.s, 's'), SESSION_QUIT);
	disk = tu_slurp(fx.path, &len);
	ck_assert_int_eq(memcmp(disk, "\377ello", 5), 0);
	free(disk);
	fx_close(&fx);
}
END_TEST

START_TEST(test_quit_discard_direct)
{
	struct fixture	 fx;
	unsigned char	*disk;
	size_t		 len;

	fx_open(&fx, "hello", 5, MAPPING_DIRECT);
	fx_type(&fx, "0000");
	disk = tu_slurp(fx.path, &len);
	ck_assert_int_eq(memcmp(disk, "\0\0llo", 5), 0);
	free(disk);
	input_key(&fx.s, KEYMAP_CTRL('X'));
	ck_assert_int_eq(input_key(&fx.s, 'd'), SESSION_QUIT);
	disk = tu_slurp(fx.path, &len);
	ck_assert_int_eq(memcmp(disk, "hello", 5), 0);
	free(disk);
	fx_close(&fx);
}
END_TEST

START_TEST(test_mark_copy_paste_fill)
{
	struct fixture	 fx;
	unsigned char	*disk;
	size_t		 len;

	fx_open(&fx, "abcdefgh", 8, MAPPING_DIRECT);
	input_key(&fx.s, 0);			/* Ctrl-Space */
	input_key(&fx.s, KEYMAP_RIGHT);
	ck_assert(window_in_selection(session_window(&fx.s), 1));
	ck_assert(!window_in_selection(session_window(&fx.s), 2));
	input_key(&fx.s, KEYMAP_META | 'w');
	input_key(&fx.s, KEYMAP_META | '>');
	input_key(&fx.s, KEYMAP_LEFT);
	input_key(&fx.s, KEYMAP_CTRL('Y'));
	disk = tu_slurp(fx.path, &len);
	ck_assert_int_eq(memcmp(disk, "abcdefab", 8), 0);
	free(disk);
	input_key(&fx.s, KEYMAP_META | '<');
	input_key(&fx.s, KEYMAP_F(9));
	input_key(&fx.s, KEYMAP_RIGHT);
	input_key(&fx.s, KEYMAP_RIGHT);
	input_key(&fx.s, KEYMAP_F(12));
	ck_assert_str_eq(fx.s.prompt.label, "Fill selection with hex bytes: ");
	fx_type(&fx, "2a\r");
	disk = tu_slurp(fx.path, &len);
	ck_assert_int_eq(memcmp(disk, "***defab", 8), 0);
	free(disk);
	input_key(&fx.s, KEYMAP_BACKSPACE);	/* a fill is one step */
	disk = tu_slurp(fx.path, &len);
	ck_assert_int_eq(memcmp(disk, "abcdefab", 8), 0);
	free(disk);
	fx_close(&fx);
}
END_TEST

START_TEST(test_search_keys)
{
	struct fixture	fx;
	const char	data[] = "xxABCxxabcxxABC";

	fx_open(&fx, data, sizeof data - 1, MAPPING_READONLY);
	input_key(&fx.s, KEYMAP_CTRL('S'));
	fx_type(&fx, "41 42\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 2);
	input_key(&fx.s, KEYMAP_CTRL('S'));
	input_key(&fx.s, '\r');		/* repeat */
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 12);
	input_key(&fx.s, 'N');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 2);
	input_key(&fx.s, '\t');
	input_key(&fx.s, '/');
	input_key(&fx.s, '\t');		/* text, ignore case */
	fx_type(&fx, "abc\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 7);
	input_key(&fx.s, 'n');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 12);
	input_key(&fx.s, 'n');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 2);
	ck_assert_str_eq(fx.s.message, "'abc' (text, ignore case, forward): "
	    "found at 0x2 (2); wrapped past the end");
	input_key(&fx.s, 'N');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 12);
	input_key(&fx.s, KEYMAP_CTRL('R'));
	fx_type(&fx, "abc\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 7);
	input_key(&fx.s, KEYMAP_CTRL('S'));
	input_key(&fx.s, '\t');
	input_key(&fx.s, '\t');		/* back to hex */
	fx_type(&fx, "4g\r");
	ck_assert_int_eq(fx.s.message_error, 1);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 7);
	fx_close(&fx);
}
END_TEST

START_TEST(test_empty_file)
{
	struct fixture	fx;

	fx_open(&fx, NULL, 0, MAPPING_DIRECT);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "empty"));
	input_key(&fx.s, KEYMAP_RIGHT);
	input_key(&fx.s, KEYMAP_PGDN);
	input_key(&fx.s, KEYMAP_META | '>');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 0);
	/* In direct mode typing into an empty file appends. */
	fx_type(&fx, "fe");
	ck_assert_uint_eq(doc_size(fx.s.doc), 1);
	ck_assert_uint_eq(doc_span(fx.s.doc, 0, 1)[0], 0xfe);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 1);
	ck_assert_uint_eq(session_unsaved(&fx.s), 1);
	fx_close(&fx);
}
END_TEST

/* Opens a sparse file of size bytes, like fx_open(). */
static void
fx_open_sparse(struct fixture *fx, uint64_t size, enum mapping_mode mode)
{
	char	err[256];

	fx->path = tu_sparse(size);
	ck_assert_int_eq(doc_open(&fx->m, fx->path, mode, err,
	    sizeof err), 0);
	ck_assert_int_eq(session_init(&fx->s, &fx->m, 16, 0, err,
	    sizeof err), 0);
	layout_apply(&fx->s, 11, 100);
}

/* Asserts that the file at path starts with the len bytes of want. */
static void
fx_bytes_prefix(const char *path, const void *want, size_t len)
{
	unsigned char	*disk;
	size_t		 n;

	disk = tu_slurp(path, &n);
	ck_assert_uint_ge(n, len);
	ck_assert_int_eq(memcmp(disk, want, len), 0);
	free(disk);
}

/* Asserts that the file at path holds exactly len bytes of want. */
static void
fx_bytes(const char *path, const void *want, size_t len)
{
	unsigned char	*disk;
	size_t		 n;

	disk = tu_slurp(path, &n);
	ck_assert_uint_eq(n, len);
	ck_assert_int_eq(memcmp(disk, want, len), 0);
	free(disk);
}

START_TEST(test_fill_refuses_wildcard)
{
	struct fixture	fx;

	fx_open(&fx, "abcd", 4, MAPPING_DIRECT);
	input_key(&fx.s, KEYMAP_F(9));
	input_key(&fx.s, KEYMAP_META | '>');
	input_key(&fx.s, KEYMAP_F(12));
	fx_type(&fx, "ab ??\r");
	ck_assert_int_eq(fx.s.prompt.active, 0);
	ck_assert_int_eq(fx.s.message_error, 1);
	ck_assert_ptr_nonnull(strstr(fx.s.message,
	    "fill pattern cannot contain ??"));
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	fx_bytes(fx.path, "abcd", 4);
	input_key(&fx.s, KEYMAP_META | 'i');	/* the mark is kept */
	fx_type(&fx, "ab 00\r");
	fx_bytes(fx.path, "\xab\0\xab\0", 4);
	fx_close(&fx);
}
END_TEST

START_TEST(test_copy_fill_limit)
{
	struct fixture	fx;

	fx_open_sparse(&fx, 100ULL << 20, MAPPING_PREVIEW);
	input_key(&fx.s, 0);
	input_key(&fx.s, KEYMAP_META | '>');
	input_key(&fx.s, KEYMAP_META | 'w');
	ck_assert_ptr_null(fx.s.clip);
	ck_assert_int_eq(fx.s.message_error, 1);
	ck_assert_str_eq(fx.s.message, "selection is 100.0 MiB; copy and "
	    "fill handle at most 64 MiB; Esc-Y saves it");
	input_key(&fx.s, KEYMAP_F(12));
	fx_type(&fx, "ff\r");
	ck_assert_str_eq(fx.s.message, "selection is 100.0 MiB; copy and "
	    "fill handle at most 64 MiB");
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	/* One byte over the limit must not read as the limit. */
	window_goto(session_window(&fx.s), 64ULL << 20);
	input_key(&fx.s, KEYMAP_F(7));
	ck_assert_str_eq(fx.s.message, "selection is 64.1 MiB; copy and "
	    "fill handle at most 64 MiB; Esc-Y saves it");
	input_key(&fx.s, KEYMAP_LEFT);
	input_key(&fx.s, KEYMAP_F(7));
	ck_assert_uint_eq(fx.s.cliplen, 64ULL << 20);
	fx_close(&fx);
}
END_TEST

/* Writes len bytes of data into a new file at path. */
static void
fd_write_file(const char *path, const void *data, size_t len)
{
	int	fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, data, len), (ssize_t)len);
	ck_assert_int_eq(close(fd), 0);
}

/* Returns the lowest free descriptor: a leaked one raises it. */
static int
fx_free_fd(void)
{
	int	fd = dup(0);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(close(fd), 0);
	return (fd);
}

START_TEST(test_save_selection_fails)
{
	static unsigned char	 data[65536];
	struct fixture		 fx;
	struct rlimit		 rl, low;
	char			 out[4096], want[4200];
	size_t			 i;
	int			 fd;

	for (i = 0; i < sizeof data; i++)
		data[i] = (unsigned char)(i * 7 + i / 256);
	fx_open(&fx, data, sizeof data, MAPPING_PREVIEW);
	snprintf(out, sizeof out, "%s.sel", fx.path);
	input_key(&fx.s, KEYMAP_F(9));
	input_key(&fx.s, KEYMAP_META | '>');
	fd = fx_free_fd();
	signal(SIGXFSZ, SIG_IGN);
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &rl), 0);
	low = rl;
	low.rlim_cur = 4096;
	/* Check writes its results to a file: lift the limit at once. */
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &low), 0);
	input_key(&fx.s, KEYMAP_META | 'y');
	fx_type(&fx, out);
	input_key(&fx.s, '\r');
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
	snprintf(want, sizeof want, "cannot save the selection to %s: %s "
	    "(partial file removed)", out, strerror(EFBIG));
	ck_assert_str_eq(fx.s.message, want);
	ck_assert_int_eq(fx.s.message_error, 1);
	ck_assert_int_eq(fx_free_fd(), fd);
	ck_assert_int_eq(access(out, F_OK), -1);
	ck_assert_int_eq(errno, ENOENT);
	/* Nothing is left in the way of trying again. */
	input_key(&fx.s, KEYMAP_F(11));
	fx_type(&fx, out);
	input_key(&fx.s, '\r');
	ck_assert_int_eq(fx.s.message_error, 0);
	ck_assert_int_eq(fx_free_fd(), fd);
	fx_bytes(out, data, sizeof data);
	ck_assert_int_eq(unlink(out), 0);
	fx_close(&fx);
}
END_TEST

/* Tab reaches the regex mode; n and N repeat a regex search. */
START_TEST(test_search_regex)
{
	struct fixture	fx;
	const char	data[] = "xxA1xxB22xxC333x";

	fx_open(&fx, data, sizeof data - 1, MAPPING_READONLY);
	input_key(&fx.s, KEYMAP_CTRL('S'));
	ck_assert_str_eq(fx.s.prompt.label, "Search forward (hex): ");
	input_key(&fx.s, '\t');
	input_key(&fx.s, '\t');
	input_key(&fx.s, '\t');
	ck_assert_str_eq(fx.s.prompt.label, "Search forward (regex): ");
	fx_type(&fx, "[A-C][0-9]+\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 2);
	ck_assert_uint_eq(fx.s.matchlen, 2);
	input_key(&fx.s, 'n');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 6);
	ck_assert_uint_eq(fx.s.matchlen, 3);
	input_key(&fx.s, 'n');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 11);
	ck_assert_uint_eq(fx.s.matchlen, 4);
	/* Past the last match it wraps to the first, and back. */
	input_key(&fx.s, 'n');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 2);
	ck_assert_str_eq(fx.s.message, "'[A-C][0-9]+' (regex, forward): "
	    "found at 0x2 (2); wrapped past the end");
	input_key(&fx.s, 'N');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 11);
	ck_assert_uint_eq(fx.s.matchlen, 4);
	input_key(&fx.s, 'N');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 6);
	/* A text prompt keeps the regex mode; the hex pane's says so. */
	input_key(&fx.s, '\t');
	input_key(&fx.s, KEYMAP_CTRL('R'));
	ck_assert_str_eq(fx.s.prompt.label,
	    "Search backward (regex) [[A-C][0-9]+]: ");
	fx_type(&fx, "x\\x00|[0-9]x{2}\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 3);
	input_key(&fx.s, '\t');
	input_key(&fx.s, KEYMAP_CTRL('S'));
	ck_assert_str_eq(fx.s.prompt.label,
	    "Search forward (hex) [regex: x\\x00|[0-9]x{2}]: ");
	input_key(&fx.s, KEYMAP_ESC);
	/* A bad regex is refused with PCRE2's reason, and not kept. */
	input_key(&fx.s, '/');
	input_key(&fx.s, '\t');
	input_key(&fx.s, '\t');
	input_key(&fx.s, '\t');
	fx_type(&fx, "a(b\r");
	ck_assert_int_eq(fx.s.message_error, 1);
	ck_assert_str_eq(fx.s.message, "bad pattern: bad regex at column 4: "
	    "missing closing parenthesis");
	ck_assert_str_eq(fx.s.search.text, "x\\x00|[0-9]x{2}");
	fx_close(&fx);
}
END_TEST

START_TEST(test_search_prompt_state)
{
	struct fixture	fx;
	const char	data[] = "xxABCxxabcxxABC";

	fx_open(&fx, data, sizeof data - 1, MAPPING_READONLY);
	input_key(&fx.s, '\t');
	input_key(&fx.s, '/');
	input_key(&fx.s, '\t');		/* text, ignore case */
	fx_type(&fx, "abc\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 2);
	/* The prompt keeps the case mode that an empty line repeats. */
	input_key(&fx.s, '/');
	ck_assert_str_eq(fx.s.prompt.label,
	    "Search forward (text, ignore case) [abc]: ");
	input_key(&fx.s, '\r');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 7);
	input_key(&fx.s, '\t');		/* hex pane */
	input_key(&fx.s, KEYMAP_CTRL('S'));
	ck_assert_str_eq(fx.s.prompt.label,
	    "Search forward (hex) [text, ignore case: abc]: ");
	input_key(&fx.s, '\r');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 12);
	/* A bad pattern is refused and not remembered. */
	input_key(&fx.s, KEYMAP_CTRL('S'));
	fx_type(&fx, "d e\r");
	ck_assert_str_eq(fx.s.message,
	    "bad pattern: space inside a byte at column 2");
	ck_assert_str_eq(fx.s.search.text, "abc");
	input_key(&fx.s, KEYMAP_CTRL('R'));
	ck_assert_str_eq(fx.s.prompt.label,
	    "Search backward (hex) [text, ignore case: abc]: ");
	/* An empty ? turns n backward, and N forward. */
	input_key(&fx.s, KEYMAP_ESC);
	input_key(&fx.s, '?');
	input_key(&fx.s, '\r');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 7);
	input_key(&fx.s, 'n');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 2);
	input_key(&fx.s, 'N');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 7);
	input_key(&fx.s, 'n');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 2);
	/* A long pattern is cut short to fit the label. */
	input_key(&fx.s, '/');
	fx_type(&fx, "41 42 43 44 45 46 47 48 49 4a 4b 4c\r");
	ck_assert_str_eq(fx.s.message, "41 42 43 44 45 46 47 48 49 4a 4b 4c "
	    "(hex, forward): not found");
	input_key(&fx.s, '?');
	ck_assert_str_eq(fx.s.prompt.label, "Search backward (hex) "
	    "[41 42 43 44 45 46 47 48 49 4a 4b 4c]: ");
	input_key(&fx.s, '\t');
	ck_assert_str_eq(fx.s.prompt.label, "Search backward (text) "
	    "[hex: 41 42 43 44 45 46 47 48 49 4...]: ");
	/* The cut never splits a UTF-8 character (e acute is c3 a9). */
	fx_type(&fx, "x"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\r");
	input_key(&fx.s, '?');
	ck_assert_str_eq(fx.s.prompt.label, "Search backward (hex) [text: x"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9...]: ");
	fx_close(&fx);
}
END_TEST

/* Collects what the prompt's callbacks were given. */
struct pt_calls {
	char	line[256];
	int	submits;
	int	answers;
	int	tabs;
	int	last_key;
};

static int
pt_submit(void *arg, const char *line)
{
	struct pt_calls	*c = arg;

	snprintf(c->line, sizeof c->line, "%s", line);
	c->submits++;
	return (SESSION_REPAINT);
}

static int
pt_answer(void *arg, int key)
{
	struct pt_calls	*c = arg;

	c->answers++;
	c->last_key = key;
	return (key == 'y' ? SESSION_QUIT : 0);
}

static void
pt_tab(void *arg)
{
	((struct pt_calls *)arg)->tabs++;
}

/* The prompt alone: editing, callbacks, cancel, and keys it refuses. */
START_TEST(test_prompt_callbacks)
{
	struct prompt		p;
	struct pt_calls		c;
	enum prompt_event	ev;
	const char		*typed = "ab\xc3\xa9";
	size_t			i;

	memset(&p, 0, sizeof p);
	memset(&c, 0, sizeof c);
	prompt_open_line(&p, "Label: ", pt_submit, pt_tab, &c);
	ck_assert_int_eq(p.active, 1);
	ck_assert_str_eq(p.label, "Label: ");
	for (i = 0; typed[i] != '\0'; i++)
		ck_assert_int_eq(prompt_key(&p, (unsigned char)typed[i], &ev), 0);
	ck_assert_int_eq(ev, PROMPT_EDITED);
	ck_assert_str_eq(p.input, typed);
	prompt_key(&p, KEYMAP_BACKSPACE, &ev);
	ck_assert_str_eq(p.input, "ab");		/* the whole é */
	prompt_key(&p, '\t', &ev);
	ck_assert_int_eq(c.tabs, 1);
	prompt_key(&p, KEYMAP_F(3), &ev);
	ck_assert_int_eq(ev, PROMPT_REFUSED);
	ck_assert_str_eq(p.input, "ab");
	ck_assert_int_eq(prompt_key(&p, '\r', &ev), SESSION_REPAINT);
	ck_assert_int_eq(c.submits, 1);
	ck_assert_str_eq(c.line, "ab");
	ck_assert_int_eq(p.active, 0);
	ck_assert_str_eq(p.input, "");

	prompt_open_line(&p, "Again: ", pt_submit, NULL, &c);
	prompt_key(&p, 'x', &ev);
	prompt_key(&p, KEYMAP_CTRL('U'), &ev);
	ck_assert_str_eq(p.input, "");
	prompt_key(&p, '\t', &ev);		/* no Tab callback: refused */
	ck_assert_int_eq(ev, PROMPT_REFUSED);
	prompt_key(&p, 'x', &ev);
	prompt_key(&p, KEYMAP_CTRL('G'), &ev);
	ck_assert_int_eq(ev, PROMPT_CANCELLED);
	ck_assert_int_eq(p.active, 0);
	ck_assert_int_eq(c.submits, 1);

	prompt_open_key(&p, "Sure? ", pt_answer, &c);
	ck_assert_int_eq(prompt_key(&p, KEYMAP_ESC, &ev), 0);
	ck_assert_int_eq(c.answers, 1);
	ck_assert_int_eq(c.last_key, KEYMAP_ESC);
	ck_assert_int_eq(prompt_key(&p, 'y', &ev), SESSION_QUIT);
	ck_assert_int_eq(c.answers, 2);
	ck_assert_int_eq(p.active, 1);	/* the answer decides when to close */
	prompt_close(&p);
	ck_assert_int_eq(p.active, 0);

	/* A long line stops at the buffer, never past it. */
	prompt_open_line(&p, "", pt_submit, NULL, &c);
	for (i = 0; i < 1000; i++)
		prompt_key(&p, 'z', &ev);
	ck_assert_uint_eq(p.len, sizeof p.input - 1);
	ck_assert_uint_eq(strlen(p.input), sizeof p.input - 1);
}
END_TEST

/*
 * Every command the table marks as an edit is refused in read-only
 * mode, with one message, before it runs; the file stays as it was.
 * Every command on a selection says there is none when no mark is set.
 */
START_TEST(test_command_flags)
{
	struct fixture		 fx;
	const struct command	*c;
	unsigned char		 data[64];
	int			 edits = 0, sels = 0;

	memset(data, 0x5a, sizeof data);
	fx_open(&fx, data, sizeof data, MAPPING_READONLY);
	ck_assert_int_eq(commands_run(&fx.s, "no-such-command"), -1);
	for (c = commands_table; c->name != NULL; c++) {
		if (!(c->flags & COMMAND_EDITS))
			continue;
		edits++;
		fx.s.message[0] = '\0';
		ck_assert_int_eq(commands_run(&fx.s, c->name), 0);
		ck_assert_msg(strstr(fx.s.message, "read-only") != NULL,
		    "%s: %s", c->name, fx.s.message);
		ck_assert_int_eq(fx.s.prompt.active, 0);
		ck_assert_int_eq(fx.s.quote, 0);
	}
	ck_assert_int_ge(edits, 8);
	fx_bytes(fx.path, data, sizeof data);
	fx_close(&fx);

	fx_open(&fx, data, sizeof data, MAPPING_DIRECT);
	for (c = commands_table; c->name != NULL; c++) {
		if (!(c->flags & COMMAND_SELECTION))
			continue;
		sels++;
		fx.s.message[0] = '\0';
		ck_assert_int_eq(commands_run(&fx.s, c->name), 0);
		ck_assert_str_eq(fx.s.message, "no selection: set the mark "
		    "first (Ctrl-Space or F9)");
		ck_assert_int_eq(fx.s.prompt.active, 0);
	}
	ck_assert_int_eq(sels, 2);
	fx_bytes(fx.path, data, sizeof data);
	fx_close(&fx);
}
END_TEST

/* Esc-T: asks, truncates on y, cancels on anything else, refuses where it must. */
START_TEST(test_truncate)
{
	struct fixture	fx;
	unsigned char	data[300];
	size_t		i;

	for (i = 0; i < sizeof data; i++)
		data[i] = (unsigned char)i;
	fx_open(&fx, data, sizeof data, MAPPING_DIRECT);
	window_goto(session_window(&fx.s), 100);
	input_key(&fx.s, KEYMAP_META | 'T');
	ck_assert_str_eq(fx.s.prompt.label, "Truncate to 100 bytes? This "
	    "cannot be undone (y/n) ");
	input_key(&fx.s, 'n');
	ck_assert_int_eq(fx.s.prompt.active, 0);
	ck_assert_str_eq(fx.s.message, "cancelled");
	fx_bytes(fx.path, data, sizeof data);

	input_key(&fx.s, KEYMAP_META | 't');
	input_key(&fx.s, 'y');
	ck_assert_str_eq(fx.s.message, "truncated to 100 bytes");
	ck_assert_uint_eq(doc_size(&fx.m), 100);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 99);
	fx_bytes(fx.path, data, 100);
	/* The history is gone: undo has nothing to undo. */
	input_key(&fx.s, KEYMAP_BACKSPACE);
	ck_assert_str_eq(fx.s.message, "nothing to undo");

	/* Refused with unsaved edits, and past them nothing changes. */
	window_goto(session_window(&fx.s), 10);
	fx_type(&fx, "ff");
	input_key(&fx.s, KEYMAP_META | 'T');
	ck_assert_int_eq(fx.s.prompt.active, 0);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "save first"));
	ck_assert_uint_eq(doc_size(&fx.m), 100);

	/* At offset 0 after a save: an empty file. */
	input_key(&fx.s, KEYMAP_F(2));
	window_goto(session_window(&fx.s), 0);
	input_key(&fx.s, KEYMAP_META | 'T');
	input_key(&fx.s, 'Y');
	ck_assert_uint_eq(doc_size(&fx.m), 0);
	fx_bytes(fx.path, data, 0);
	fx_close(&fx);

	fx_open(&fx, data, sizeof data, MAPPING_PREVIEW);
	input_key(&fx.s, KEYMAP_META | 'T');
	ck_assert_int_eq(fx.s.prompt.active, 0);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "direct mode"));
	fx_bytes(fx.path, data, sizeof data);
	fx_close(&fx);

	fx_open(&fx, data, sizeof data, MAPPING_READONLY);
	input_key(&fx.s, KEYMAP_META | 'T');
	ck_assert_int_eq(fx.s.prompt.active, 0);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "read-only"));
	fx_bytes(fx.path, data, sizeof data);
	fx_close(&fx);
}
END_TEST

/*
 * Two windows over one document: each keeps its own cursor, pane and
 * mark, an edit made in one is unsaved in both, and the layout shares
 * the rows out between them.
 */
START_TEST(test_two_windows)
{
	struct fixture	 fx;
	struct layout	 l;
	unsigned char	 data[4096];
	struct window	*a, *b;

	memset(data, 0x11, sizeof data);
	fx_open(&fx, data, sizeof data, MAPPING_DIRECT);
	a = session_window(&fx.s);
	window_goto(a, 40);
	ck_assert_int_eq(session_split(&fx.s), 0);
	ck_assert_int_eq(session_split(&fx.s), -1);
	ck_assert_int_eq(fx.s.nwin, 2);
	b = session_window(&fx.s);
	ck_assert_ptr_ne(a, b);
	ck_assert_uint_eq(b->cursor, 40);
	layout_apply(&fx.s, 11, 100);
	layout_make(&l, &fx.s, 11, 100);
	ck_assert_int_eq(l.win[0].rows + l.win[1].rows, 10);
	ck_assert_int_eq(l.win[1].row, l.win[0].rows);
	ck_assert_int_eq(a->rows, l.win[0].rows);
	ck_assert_int_eq(b->rows, l.win[1].rows);
	ck_assert_int_eq(l.status.row, 10);

	input_key(&fx.s, KEYMAP_META | '>');
	input_key(&fx.s, '\t');
	fx_type(&fx, "Q");
	/* Past the last byte, where the next key would append. */
	ck_assert_uint_eq(b->cursor, 4096);
	ck_assert_uint_eq(doc_size(fx.s.doc), 4096);
	ck_assert_int_eq(b->pane, WINDOW_TEXT);
	ck_assert_uint_eq(a->cursor, 40);
	ck_assert_int_eq(a->pane, WINDOW_HEX);
	session_next_window(&fx.s);
	ck_assert_ptr_eq(session_window(&fx.s), a);
	fx_type(&fx, "ab");
	ck_assert_uint_eq(a->cursor, 41);
	ck_assert_uint_eq(session_unsaved(&fx.s), 2);
	ck_assert(session_is_dirty(&fx.s, 40));
	ck_assert(session_is_dirty(&fx.s, 4095));
	input_key(&fx.s, KEYMAP_F(9));
	ck_assert_int_eq(a->has_mark, 1);
	ck_assert_int_eq(b->has_mark, 0);
	input_key(&fx.s, KEYMAP_F(2));
	data[40] = 0xab;
	data[4095] = 'Q';
	fx_bytes(fx.path, data, sizeof data);
	fx_close(&fx);
}
END_TEST

/* The help screen and --keys come from the tables, and name every key. */
START_TEST(test_help_from_tables)
{
	struct help		 h;
	const struct command	*c;
	char			 line[512];
	size_t			 i, n = 0;
	int			 k, found;

	for (c = commands_table; c->name != NULL; c++)
		n++;
	for (i = 0; help_keys_line(i, line, sizeof line) == 0; i++)
		ck_assert_ptr_nonnull(strstr(line,
		    commands_table[i].help));
	ck_assert_uint_eq(i, n);
	help_build(&h, 1);
	ck_assert_int_eq(h.title[0], 1);
	for (c = commands_table; c->name != NULL; c++) {
		found = 0;
		for (k = 0; k < h.n; k++)
			found |= strstr(h.line[k], c->help) != NULL;
		ck_assert_msg(found, "%s is missing from help", c->name);
	}
	ck_assert_ptr_nonnull(strstr(h.line[2], "Left, Ctrl-B"));
	help_build(&h, 0);
	for (k = 0; k < h.n; k++)
		ck_assert_ptr_null(strstr(h.line[k], ", q  "));
}
END_TEST

/*
 * Sequences that are not keys are never typed, and while the screen is
 * too small only quit and redraw act; a prompt open then is cancelled.
 */
START_TEST(test_stray_keys_and_too_small)
{
	static const int	 stray[] = { KEYMAP_UNKNOWN, KEYMAP_PASTE,
				    KEYMAP_LOST };
	struct fixture		 fx;
	unsigned char		 data[64];
	size_t			 i;

	memset(data, '0', sizeof data);
	fx_open(&fx, data, sizeof data, MAPPING_DIRECT);
	for (i = 0; i < 3; i++) {
		input_key(&fx.s, '\t');
		input_key(&fx.s, stray[i]);
		ck_assert_int_eq(fx.s.message_error, 1);
		input_key(&fx.s, KEYMAP_CTRL('Q'));
		input_key(&fx.s, stray[i]);
		input_key(&fx.s, KEYMAP_CTRL('S'));
		input_key(&fx.s, stray[i]);
		ck_assert_str_eq(fx.s.prompt.input, "");
		input_key(&fx.s, KEYMAP_ESC);
	}
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	fx_bytes(fx.path, data, sizeof data);

	input_key(&fx.s, '\r');
	ck_assert_int_eq(fx.s.prompt.active, 1);
	layout_apply(&fx.s, 1, 100);
	ck_assert_int_eq(fx.s.too_small, 1);
	ck_assert_int_eq(fx.s.prompt.active, 0);
	fx.s.quote = 0;
	input_key(&fx.s, '\t');
	fx_type(&fx, "abc");
	input_key(&fx.s, KEYMAP_CTRL('S'));
	input_key(&fx.s, KEYMAP_F(1));
	ck_assert_int_eq(fx.s.prompt.active, 0);
	ck_assert_int_eq(fx.s.help, 0);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "terminal too small"));
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	ck_assert_int_eq(input_key(&fx.s, KEYMAP_CTRL('L')), SESSION_REPAINT);
	ck_assert_int_eq(input_key(&fx.s, KEYMAP_CTRL('X')), SESSION_QUIT);
	layout_apply(&fx.s, 11, 100);
	ck_assert_int_eq(fx.s.too_small, 0);
	/* A resize that leaves room, or none, keeps an open prompt. */
	input_key(&fx.s, '\r');
	ck_assert_int_eq(fx.s.prompt.active, 1);
	layout_apply(&fx.s, 11, 100);
	layout_apply(&fx.s, 30, 100);
	ck_assert_int_eq(fx.s.too_small, 0);
	ck_assert_int_eq(fx.s.prompt.active, 1);
	input_key(&fx.s, KEYMAP_ESC);
	ck_assert_int_eq(fx.s.prompt.active, 0);
	fx_type(&fx, "a");
	ck_assert_uint_eq(session_unsaved(&fx.s), 1);
	/* Quit still asks while too small, and its answer is taken; more
	 * resizes that leave it too small do not cancel the question. */
	layout_apply(&fx.s, 1, 10);
	input_key(&fx.s, KEYMAP_F(10));
	ck_assert_int_eq(fx.s.prompt.active, 1);
	layout_apply(&fx.s, 1, 10);
	layout_apply(&fx.s, 2, 20);
	ck_assert_int_eq(fx.s.too_small, 1);
	ck_assert_int_eq(fx.s.prompt.active, 1);
	ck_assert_int_eq(input_key(&fx.s, 'd'), SESSION_QUIT);
	fx_bytes(fx.path, data, sizeof data);
	fx_close(&fx);
}
END_TEST

/* Quitting is always possible, even when the rollback cannot be done. */
START_TEST(test_quit_when_rollback_fails)
{
	struct fixture	fx;
	unsigned char	data[8192];
	int		fd;

	memset(data, 'k', sizeof data);
	fx_open(&fx, data, sizeof data, MAPPING_DIRECT);
	window_goto(session_window(&fx.s), 5000);
	fx_type(&fx, "00");
	ck_assert_uint_eq(session_unsaved(&fx.s), 1);
	/* The page of the edit is gone: discard cannot write it back. */
	fd = open(fx.path, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, 4096), 0);
	close(fd);
	ck_assert_int_eq(input_key(&fx.s, KEYMAP_CTRL('C')), SESSION_QUIT);
	ck_assert_ptr_nonnull(strstr(fx.s.exit_note, "could not roll back 1 "
	    "changed byte,"));
	fx_close(&fx);

	/* The quit prompt's discard quits the same way. */
	fx_open(&fx, data, sizeof data, MAPPING_DIRECT);
	window_goto(session_window(&fx.s), 5000);
	fx_type(&fx, "00");
	fd = open(fx.path, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, 4096), 0);
	close(fd);
	input_key(&fx.s, KEYMAP_F(10));
	ck_assert_int_eq(input_key(&fx.s, 'd'), SESSION_QUIT);
	ck_assert_ptr_nonnull(strstr(fx.s.exit_note, "could not roll back"));
	fx_close(&fx);
}
END_TEST

/* Returns 1 (cancel) on the cancel hook's count-th call. */
struct fx_cancel {
	int	calls;
	int	at;
};

static int
fx_cancel_hook(void *arg)
{
	struct fx_cancel	*c = arg;

	return (++c->calls >= c->at);
}

/*
 * Esc-S writes everything, unsaved edits too, to a new file (holes kept
 * as holes), then edits that file; the old one is back as it was saved.
 */
START_TEST(test_save_as)
{
	struct fixture	 fx;
	struct stat	 st;
	unsigned char	 data[4096], *big;
	char		 out[4096];
	uint64_t	 size = 8u << 20;
	int		 fd;

	memset(data, 'p', sizeof data);
	fx_open(&fx, data, sizeof data, MAPPING_DIRECT);
	snprintf(out, sizeof out, "%s.as", fx.path);
	fx_type(&fx, "00");
	input_key(&fx.s, KEYMAP_META | 's');
	ck_assert_str_eq(fx.s.prompt.label, "Save as (a new file): ");
	fx_type(&fx, out);
	input_key(&fx.s, '\r');
	ck_assert_ptr_nonnull(strstr(fx.s.message, "now editing it"));
	ck_assert_str_eq(doc_path(&fx.m), out);
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 1);
	data[0] = 0;
	fx_bytes(out, data, sizeof data);
	data[0] = 'p';
	fx_bytes(fx.path, data, sizeof data);	/* rolled back */
	/* It edits the new file now, and asks before overwriting one. */
	fx_type(&fx, "11");
	input_key(&fx.s, KEYMAP_F(2));
	data[0] = 0;
	data[1] = 0x11;
	fx_bytes(out, data, sizeof data);
	input_key(&fx.s, KEYMAP_META | 's');
	fx_type(&fx, fx.path);
	input_key(&fx.s, '\r');
	ck_assert_ptr_nonnull(strstr(fx.s.prompt.label,
	    "exists: overwrite? (y/n)"));
	input_key(&fx.s, 'n');
	ck_assert_ptr_nonnull(strstr(fx.s.message, "not written"));
	ck_assert_str_eq(doc_path(&fx.m), out);
	/* The open file itself is never a target. */
	input_key(&fx.s, KEYMAP_META | 's');
	fx_type(&fx, out);
	input_key(&fx.s, '\r');
	ck_assert_ptr_nonnull(strstr(fx.s.message, "is the open file"));
	ck_assert(!fx.s.prompt.active);
	unlink(out);
	fx_close(&fx);

	/* A sparse file stays sparse; a cancel leaves no file behind. */
	fx_open_sparse(&fx, size, MAPPING_DIRECT);
	window_goto(session_window(&fx.s), size / 2);
	fx_type(&fx, "77");
	input_key(&fx.s, KEYMAP_F(2));
	snprintf(out, sizeof out, "%s.as", fx.path);
	input_key(&fx.s, KEYMAP_META | 'S');
	fx_type(&fx, out);
	input_key(&fx.s, '\r');
	ck_assert_int_eq(stat(out, &st), 0);
	ck_assert_uint_eq((uint64_t)st.st_size, size);
	ck_assert_int_le((long long)st.st_blocks * 512, 64 << 10);
	fd = open(out, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	big = malloc(2);
	ck_assert_int_eq(pread(fd, big, 2, (off_t)(size / 2)), 2);
	ck_assert_int_eq(big[0], 0x77);
	ck_assert_int_eq(big[1], 0);
	free(big);
	close(fd);
	unlink(out);
	fx_close(&fx);
}
END_TEST

/* A cancelled copy removes the partial file and says so. */
START_TEST(test_copy_cancel)
{
	struct fixture		 fx;
	struct fx_cancel	 c = { 0, 1 };
	unsigned char		*data;
	char			 out[4096];
	size_t			 n = 4u << 20;

	data = malloc(n);
	ck_assert_ptr_nonnull(data);
	memset(data, 'c', n);
	fx_open(&fx, data, n, MAPPING_PREVIEW);
	fx.s.hooks.cancel = fx_cancel_hook;
	fx.s.hooks.arg = &c;
	snprintf(out, sizeof out, "%s.sel", fx.path);
	input_key(&fx.s, KEYMAP_F(9));
	input_key(&fx.s, KEYMAP_META | '>');
	input_key(&fx.s, KEYMAP_F(11));
	fx_type(&fx, out);
	/* Polls are rationed by time: wait for the first one to be due. */
	usleep(60000);
	input_key(&fx.s, '\r');
	ck_assert_ptr_nonnull(strstr(fx.s.message, "cancelled"));
	ck_assert_int_eq(access(out, F_OK), -1);
	ck_assert_int_ge(c.calls, 1);
	free(data);
	fx_close(&fx);
}
END_TEST

/*
 * The file replaced (mv) or deleted under maphex: the status line says
 * so, and a save is refused instead of writing to a file nobody names.
 */
START_TEST(test_path_replaced)
{
	struct fixture	 fx;
	struct layout	 l;
	struct frame	 f;
	unsigned char	 data[256];
	char		 other[4096], row[4096];
	int		 round;

	memset(&f, 0, sizeof f);
	ck_assert_int_eq(frame_resize(&f, 11, 100), 0);
	for (round = 0; round < 2; round++) {
		memset(data, 'r', sizeof data);
		fx_open(&fx, data, sizeof data, MAPPING_DIRECT);
		fx_type(&fx, "00");
		if (round == 0) {
			snprintf(other, sizeof other, "%s.new", fx.path);
			fd_write_file(other, "other", 5);
			ck_assert_int_eq(rename(other, fx.path), 0);
		} else
			ck_assert_int_eq(unlink(fx.path), 0);
		session_refresh(&fx.s);
		ck_assert_ptr_nonnull(strstr(fx.s.message, round == 0 ?
		    "was replaced on disk" : "was deleted on disk"));
		layout_make(&l, &fx.s, 11, 100);
		input_key(&fx.s, KEYMAP_CTRL('L'));
		view_render(&fx.s, &f);
		frame_row(&f, 10, row, sizeof row);
		ck_assert_ptr_nonnull(strstr(row, round == 0 ? "[replaced]" :
		    "[deleted]"));
		input_key(&fx.s, KEYMAP_F(2));
		ck_assert_ptr_nonnull(strstr(fx.s.message, "not saved: "));
		ck_assert_ptr_nonnull(strstr(fx.s.message, "Esc-S"));
		ck_assert_uint_eq(session_unsaved(&fx.s), 1);
		if (round == 0)
			fx_bytes(fx.path, "other", 5);
		else
			ck_assert_int_eq(access(fx.path, F_OK), -1);
		/* Save as rescues the edits. */
		input_key(&fx.s, KEYMAP_META | 'S');
		snprintf(other, sizeof other, "%s.rescued", fx.path);
		fx_type(&fx, other);
		input_key(&fx.s, '\r');
		data[0] = 0;
		fx_bytes(other, data, sizeof data);
		unlink(other);
		if (round == 1)
			fd_write_file(fx.path, "x", 1);
		fx_close(&fx);
	}
	frame_free(&f);
}
END_TEST

/*
 * Read-only mode writes nothing on the evidence's file system: save
 * selection and save as are refused there, and work elsewhere.
 */
START_TEST(test_forensic_targets)
{
	struct fixture	fx;
	struct stat	a, b;
	unsigned char	data[512];
	char		out[4096];

	memset(data, 'e', sizeof data);
	fx_open(&fx, data, sizeof data, MAPPING_READONLY);
	snprintf(out, sizeof out, "%s.sel", fx.path);
	input_key(&fx.s, KEYMAP_F(9));
	input_key(&fx.s, KEYMAP_RIGHT);
	input_key(&fx.s, KEYMAP_META | 'Y');
	fx_type(&fx, out);
	input_key(&fx.s, '\r');
	ck_assert_ptr_nonnull(strstr(fx.s.message, "file system of the file "
	    "being examined"));
	ck_assert_int_eq(access(out, F_OK), -1);
	input_key(&fx.s, KEYMAP_META | 'S');
	fx_type(&fx, out);
	input_key(&fx.s, '\r');
	ck_assert_ptr_nonnull(strstr(fx.s.message, "file system of the file "
	    "being examined"));
	ck_assert_int_eq(access(out, F_OK), -1);
	/* Another file system takes it. */
	if (stat("/dev/shm", &a) == 0 && stat(fx.path, &b) == 0 &&
	    a.st_dev != b.st_dev) {
		snprintf(out, sizeof out, "/dev/shm/maphex-sel-%ld",
		    (long)getpid());
		unlink(out);
		input_key(&fx.s, KEYMAP_META | 'Y');
		fx_type(&fx, out);
		input_key(&fx.s, '\r');
		ck_assert_str_eq(fx.s.message + strlen(fx.s.message) -
		    strlen(out), out);
		fx_bytes(out, data, 2);
		unlink(out);
	}
	fx_close(&fx);
}
END_TEST

/*
 * Saving after the file shrank under unsaved edits asks: extend it,
 * drop the edits past the end, or cancel; it never grows it silently.
 */
START_TEST(test_save_after_shrink)
{
	struct fixture	 fx;
	unsigned char	 data[8192];
	struct stat	 st;
	int		 round, fd;
	static const int answer[] = { 'c', 'd', 'e' };

	for (round = 0; round < 3; round++) {
		memset(data, 's', sizeof data);
		fx_open(&fx, data, sizeof data, MAPPING_PREVIEW);
		fx_type(&fx, "00");
		window_goto(session_window(&fx.s), 6000);
		fx_type(&fx, "00");
		fd = open(fx.path, O_WRONLY);
		ck_assert_int_ge(fd, 0);
		ck_assert_int_eq(ftruncate(fd, 4096), 0);
		close(fd);
		session_refresh(&fx.s);
		ck_assert_ptr_nonnull(strstr(fx.s.message, "1 unsaved byte "
		    "past its end"));
		ck_assert_uint_eq(journal_past_end(fx.s.journal), 1);
		input_key(&fx.s, KEYMAP_F(2));
		ck_assert_str_eq(fx.s.prompt.label, "1 past the end: (e)xtend, "
		    "(d)rop, (c)ancel? ");
		input_key(&fx.s, answer[round]);
		ck_assert_int_eq(fx.s.prompt.active, 0);
		ck_assert_int_eq(stat(fx.path, &st), 0);
		if (round == 0) {
			ck_assert_str_eq(fx.s.message, "cancelled");
			ck_assert_int_eq(st.st_size, 4096);
			ck_assert_uint_eq(session_unsaved(&fx.s), 2);
		} else if (round == 1) {
			ck_assert_int_eq(st.st_size, 4096);
			ck_assert_uint_eq(session_unsaved(&fx.s), 0);
			data[0] = 0;
			fx_bytes(fx.path, data, 4096);
		} else {
			ck_assert_int_eq(st.st_size, 6001);
			ck_assert_uint_eq(session_unsaved(&fx.s), 0);
		}
		fx_close(&fx);
	}
	/* Quit's save asks too, and quits once answered. */
	memset(data, 's', sizeof data);
	fx_open(&fx, data, sizeof data, MAPPING_PREVIEW);
	window_goto(session_window(&fx.s), 6000);
	fx_type(&fx, "00");
	fd = open(fx.path, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, 4096), 0);
	close(fd);
	session_refresh(&fx.s);
	input_key(&fx.s, KEYMAP_F(10));
	ck_assert_int_eq(input_key(&fx.s, 's'), 0);
	ck_assert_ptr_nonnull(strstr(fx.s.prompt.label, "past the end"));
	ck_assert_int_eq(input_key(&fx.s, 'd'), SESSION_QUIT);
	ck_assert_int_eq(stat(fx.path, &st), 0);
	ck_assert_int_eq(st.st_size, 4096);
	fx_close(&fx);
}
END_TEST

/* Writes len bytes at off of path, as another program would. */
static void
fx_other_write(const char *path, uint64_t off, const void *buf, size_t len)
{
	int	fd;

	fd = open(path, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pwrite(fd, buf, len, (off_t)off), (ssize_t)len);
	ck_assert_int_eq(close(fd), 0);
}

/*
 * Another program writes the bytes maphex edited (direct mode): undo,
 * save and discard leave its bytes alone and say so; a size change
 * writes nothing back.
 */
START_TEST(test_other_writer_direct)
{
	struct fixture	fx;
	unsigned char	data[4096], want[4096];

	memset(data, 'o', sizeof data);
	fx_open(&fx, data, sizeof data, MAPPING_DIRECT);
	fx_type(&fx, "aabb");
	fx_other_write(fx.path, 1, "\x77", 1);
	input_key(&fx.s, KEYMAP_BACKSPACE);		/* undo bb */
	ck_assert_ptr_nonnull(strstr(fx.s.message, "left alone"));
	memcpy(want, data, sizeof want);
	want[0] = 0xaa;
	want[1] = 0x77;
	fx_bytes(fx.path, want, sizeof want);
	/* Discard restores only maphex's own byte. */
	ck_assert_int_eq(input_key(&fx.s, KEYMAP_CTRL('C')), SESSION_QUIT);
	ck_assert_str_eq(fx.s.exit_note, "");
	want[0] = 'o';
	fx_bytes(fx.path, want, sizeof want);
	fx_close(&fx);

	/* Save does not write the journal's copy over theirs. */
	fx_open(&fx, data, sizeof data, MAPPING_DIRECT);
	fx_type(&fx, "aabb");
	fx_other_write(fx.path, 0, "\x55", 1);
	input_key(&fx.s, KEYMAP_F(2));
	ck_assert_ptr_nonnull(strstr(fx.s.message, "another program"));
	memcpy(want, data, sizeof want);
	want[0] = 0x55;
	want[1] = 0xbb;
	fx_bytes(fx.path, want, sizeof want);
	fx_close(&fx);

	/* The same size copied over the file, then Ctrl-C: theirs stays. */
	fx_open(&fx, data, sizeof data, MAPPING_DIRECT);
	window_goto(session_window(&fx.s), 100);
	fx_type(&fx, "aa");
	memset(want, 'n', sizeof want);
	fx_other_write(fx.path, 0, want, sizeof want);
	ck_assert_int_eq(input_key(&fx.s, KEYMAP_CTRL('C')), SESSION_QUIT);
	ck_assert_ptr_nonnull(strstr(fx.s.exit_info, "1 byte another "
	    "program changed"));
	fx_bytes(fx.path, want, sizeof want);
	fx_close(&fx);

	/* A size change re-applies nothing into the new content. */
	fx_open(&fx, data, sizeof data, MAPPING_DIRECT);
	fx_type(&fx, "aa");
	fx_other_write(fx.path, 0, "\x66", 1);
	fx_other_write(fx.path, sizeof data, "zz", 2);
	session_refresh(&fx.s);
	ck_assert_uint_eq(doc_size(&fx.m), sizeof data + 2);
	memcpy(want, data, sizeof want);
	want[0] = 0x66;
	fx_bytes_prefix(fx.path, want, sizeof want);
	fx_close(&fx);
}
END_TEST

/* A preview save asks before overwriting bytes changed on disk. */
START_TEST(test_other_writer_preview)
{
	struct fixture	fx;
	unsigned char	data[4096], want[4096];

	memset(data, 'o', sizeof data);
	fx_open(&fx, data, sizeof data, MAPPING_PREVIEW);
	fx_type(&fx, "aa");
	fx_other_write(fx.path, 0, "\x55", 1);
	input_key(&fx.s, KEYMAP_F(2));
	ck_assert_str_eq(fx.s.prompt.label, "1 changed on disk: (o)verwrite, "
	    "(c)ancel? ");
	input_key(&fx.s, 'c');
	memcpy(want, data, sizeof want);
	want[0] = 0x55;
	fx_bytes(fx.path, want, sizeof want);
	ck_assert_uint_eq(session_unsaved(&fx.s), 1);
	input_key(&fx.s, KEYMAP_F(2));
	input_key(&fx.s, 'o');
	want[0] = 0xaa;
	fx_bytes(fx.path, want, sizeof want);
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	fx_close(&fx);
}
END_TEST

/*
 * A preview save that fails after writing some ranges says the file is
 * partly written; a discard then puts those ranges back.
 */
START_TEST(test_partial_preview_save)
{
	struct fixture	fx;
	unsigned char	data[65536];

	memset(data, 'q', sizeof data);
	fx_open(&fx, data, sizeof data, MAPPING_PREVIEW);
	fx_type(&fx, "aa");
	window_goto(session_window(&fx.s), 30000);
	fx_type(&fx, "bb");
	window_goto(session_window(&fx.s), 60000);
	fx_type(&fx, "cc");
	tu_pwrite_budget = 3;		/* the third write fails */
	input_key(&fx.s, KEYMAP_F(2));
	tu_pwrite_budget = 0;
	ck_assert_ptr_nonnull(strstr(fx.s.message, "after writing 2 of 3 "
	    "changed ranges"));
	ck_assert_uint_eq(session_unsaved(&fx.s), 3);
	ck_assert_int_eq(input_key(&fx.s, KEYMAP_CTRL('C')), SESSION_QUIT);
	ck_assert_str_eq(fx.s.exit_note, "");
	fx_bytes(fx.path, data, sizeof data);
	fx_close(&fx);

	/* Retrying the save after the failure writes everything. */
	fx_open(&fx, data, sizeof data, MAPPING_PREVIEW);
	fx_type(&fx, "aa");
	window_goto(session_window(&fx.s), 60000);
	fx_type(&fx, "cc");
	tu_pwrite_budget = 2;
	input_key(&fx.s, KEYMAP_F(2));
	tu_pwrite_budget = 0;
	ck_assert_ptr_nonnull(strstr(fx.s.message, "partly written"));
	input_key(&fx.s, KEYMAP_F(2));
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	data[0] = 0xaa;
	data[60000] = 0xcc;
	fx_bytes(fx.path, data, sizeof data);
	fx_close(&fx);
}
END_TEST

/*
 * Big fills, pastes and undos go a MiB at a time: Ctrl-C or Esc cancels
 * them between pieces and nothing changes.
 */
START_TEST(test_cancel_big_edits)
{
	struct fixture		 fx;
	struct fx_cancel	 c = { 0, 1 };
	unsigned char		*data, *want;
	size_t			 n = 8u << 20;

	data = malloc(n);
	want = malloc(n);
	ck_assert_ptr_nonnull(data);
	ck_assert_ptr_nonnull(want);
	memset(data, 'f', n);
	fx_open(&fx, data, n, MAPPING_DIRECT);
	input_key(&fx.s, KEYMAP_F(9));
	input_key(&fx.s, KEYMAP_META | '>');
	input_key(&fx.s, KEYMAP_F(12));
	fx_type(&fx, "ab");
	fx.s.hooks.cancel = fx_cancel_hook;
	fx.s.hooks.arg = &c;
	input_key(&fx.s, '\r');
	ck_assert_str_eq(fx.s.message, "filling cancelled: nothing changed");
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	fx_bytes(fx.path, data, n);
	/* Without a cancel the fill is made; then its undo is cancelled. */
	fx.s.hooks.cancel = NULL;
	ck_assert_int_eq(session_window(&fx.s)->has_mark, 1);
	input_key(&fx.s, KEYMAP_F(12));
	fx_type(&fx, "ab\r");
	ck_assert_uint_eq(session_unsaved(&fx.s), n);
	memset(want, 0xab, n);
	fx_bytes(fx.path, want, n);
	fx.s.hooks.cancel = fx_cancel_hook;
	c.calls = 0;
	input_key(&fx.s, KEYMAP_BACKSPACE);
	ck_assert_str_eq(fx.s.message, "undo cancelled: nothing changed");
	ck_assert_uint_eq(session_unsaved(&fx.s), n);
	fx_bytes(fx.path, want, n);
	fx.s.hooks.cancel = NULL;
	input_key(&fx.s, KEYMAP_BACKSPACE);
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	fx_bytes(fx.path, data, n);
	free(data);
	free(want);
	fx_close(&fx);
}
END_TEST

Suite *
session_suite(void)
{
	Suite	*s = suite_create("session");
	TCase	*tc = tcase_create("keys");

	tcase_add_test(tc, test_movement);
	tcase_add_test(tc, test_goto);
	tcase_add_test(tc, test_readonly_refuses);
	tcase_add_test(tc, test_panes_and_help);
	tcase_add_test(tc, test_typing_direct);
	tcase_add_test(tc, test_quit_asks);
	tcase_add_test(tc, test_quit_discard_direct);
	tcase_add_test(tc, test_mark_copy_paste_fill);
	tcase_add_test(tc, test_search_keys);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_fill_refuses_wildcard);
	tcase_add_test(tc, test_copy_fill_limit);
	tcase_add_test(tc, test_save_selection_fails);
	tcase_add_test(tc, test_search_prompt_state);
	tcase_add_test(tc, test_search_regex);
	tcase_add_test(tc, test_prompt_callbacks);
	tcase_add_test(tc, test_command_flags);
	tcase_add_test(tc, test_truncate);
	tcase_add_test(tc, test_two_windows);
	tcase_add_test(tc, test_help_from_tables);
	tcase_add_test(tc, test_stray_keys_and_too_small);
	tcase_add_test(tc, test_quit_when_rollback_fails);
	tcase_add_test(tc, test_save_as);
	tcase_add_test(tc, test_copy_cancel);
	tcase_add_test(tc, test_path_replaced);
	tcase_add_test(tc, test_forensic_targets);
	tcase_add_test(tc, test_save_after_shrink);
	tcase_add_test(tc, test_other_writer_direct);
	tcase_add_test(tc, test_other_writer_preview);
	tcase_add_test(tc, test_partial_preview_save);
	tcase_add_test(tc, test_cancel_big_edits);
	suite_add_tcase(s, tc);
	return (s);
}
