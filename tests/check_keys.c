/*
 * check_keys.c: hexedit's keys and the daily-use keys, fed to a session;
 * asserts on the cursor, the mark, the history and the file's bytes.
 */
#include "config.h"

#include <sys/stat.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "frame.h"
#include "help.h"
#include "input.h"
#include "journal.h"
#include "keymap.h"
#include "layout.h"
#include "path.h"
#include "prompt.h"
#include "session.h"
#include "suites.h"
#include "testutil.h"
#include "view.h"

#define M(c)	(KEYMAP_META | (c))
#define C(c)	KEYMAP_CTRL(c)

struct kfx {
	struct doc	 d;
	struct session	 s;
	char		*path;
	unsigned char	 data[4096];
};

static void
kfx_open(struct kfx *fx, enum mapping_mode mode)
{
	char	err[256];
	size_t	i;

	for (i = 0; i < sizeof fx->data; i++)
		fx->data[i] = (unsigned char)(i * 7 + 3);
	fx->path = tu_file(fx->data, sizeof fx->data);
	ck_assert_int_eq(doc_open(&fx->d, fx->path, mode, err, sizeof err),
	    0);
	ck_assert_int_eq(session_init(&fx->s, &fx->d, 16, 0, err,
	    sizeof err), 0);
	layout_apply(&fx->s, 11, 100);
}

static void
kfx_close(struct kfx *fx)
{
	session_free(&fx->s);
	doc_close(&fx->d);
	tu_remove(fx->path);
}

static void
kfx_keys(struct kfx *fx, const int *keys, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		input_key(&fx->s, keys[i]);
}

static void
kfx_type(struct kfx *fx, const char *text)
{
	for (; *text != '\0'; text++)
		input_key(&fx->s, (unsigned char)*text);
}

static uint64_t
kfx_cursor(struct kfx *fx)
{
	return (session_window(&fx->s)->cursor);
}

/* The byte at off as the file holds it now. */
static unsigned char
kfx_byte(struct kfx *fx, uint64_t off)
{
	unsigned char	b;

	ck_assert_int_eq(doc_read(&fx->d, off, &b, 1), 0);
	return (b);
}

START_TEST(test_undo_all_keys_and_redo)
{
	struct kfx	fx;

	kfx_open(&fx, MAPPING_DIRECT);
	kfx_type(&fx, "aabb");
	ck_assert_uint_eq(kfx_byte(&fx, 0), 0xaa);
	ck_assert_uint_eq(kfx_byte(&fx, 1), 0xbb);
	/* Ctrl-_ (what Ctrl-/ sends) undoes all, as in hexedit. */
	input_key(&fx.s, C('_'));
	ck_assert_uint_eq(kfx_byte(&fx, 0), fx.data[0]);
	ck_assert_uint_eq(kfx_byte(&fx, 1), fx.data[1]);
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	/* Esc-U redoes what the undo-all took back, once. */
	input_key(&fx.s, M('U'));
	ck_assert_uint_eq(kfx_byte(&fx, 0), 0xaa);
	ck_assert_uint_eq(kfx_byte(&fx, 1), 0xbb);
	ck_assert_uint_eq(session_unsaved(&fx.s), 2);
	input_key(&fx.s, M('U'));
	ck_assert_str_eq(fx.s.message, "nothing to redo");
	ck_assert_uint_eq(kfx_byte(&fx, 0), 0xaa);
	/* Ctrl-U too, and Backspace still undoes one step. */
	input_key(&fx.s, C('U'));
	ck_assert_uint_eq(kfx_byte(&fx, 1), fx.data[1]);
	input_key(&fx.s, M('U'));
	input_key(&fx.s, KEYMAP_BACKSPACE);
	ck_assert_uint_eq(kfx_byte(&fx, 0), 0xaa);
	ck_assert_uint_eq(kfx_byte(&fx, 1), fx.data[1]);
	kfx_close(&fx);
}
END_TEST

/* Esc-Ctrl-H puts back the run of unsaved bytes before the cursor. */
START_TEST(test_undo_previous_bytes)
{
	struct kfx	fx;
	uint64_t	off;

	kfx_open(&fx, MAPPING_DIRECT);
	input_key(&fx.s, M(C('H')));
	ck_assert_str_eq(fx.s.message, "no unsaved bytes just before the "
	    "cursor");
	kfx_type(&fx, "aabbcc");
	input_key(&fx.s, KEYMAP_RIGHT);
	kfx_type(&fx, "dd");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 5);
	/* Only the run that ends at the cursor: 0x04 is unsaved, 0x03 not. */
	input_key(&fx.s, M(0x7f));
	ck_assert_str_eq(fx.s.message, "put back the saved value of 1 byte");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 4);
	ck_assert_uint_eq(kfx_byte(&fx, 4), fx.data[4]);
	ck_assert_uint_eq(kfx_byte(&fx, 2), 0xcc);
	input_key(&fx.s, KEYMAP_LEFT);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 3);
	input_key(&fx.s, M(C('H')));
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 0);
	for (off = 0; off < 5; off++)
		ck_assert_uint_eq(kfx_byte(&fx, off), fx.data[off]);
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	/* One step: undo brings the three bytes back. */
	input_key(&fx.s, KEYMAP_BACKSPACE);
	ck_assert_uint_eq(kfx_byte(&fx, 0), 0xaa);
	ck_assert_uint_eq(kfx_byte(&fx, 2), 0xcc);
	ck_assert_uint_eq(session_unsaved(&fx.s), 3);
	kfx_close(&fx);
	/* Read-only refuses it like any edit. */
	kfx_open(&fx, MAPPING_READONLY);
	input_key(&fx.s, KEYMAP_RIGHT);
	input_key(&fx.s, M(C('H')));
	ck_assert_ptr_nonnull(strstr(fx.s.message, "read-only"));
	kfx_close(&fx);
}
END_TEST

START_TEST(test_mark_copy_paste_keys)
{
	struct kfx	fx;
	int		keys[] = { 0, KEYMAP_RIGHT, KEYMAP_RIGHT, 0 };

	kfx_open(&fx, MAPPING_DIRECT);
	/* Ctrl-Space sets the mark every time: the second moves it. */
	kfx_keys(&fx, keys, 4);
	ck_assert(session_window(&fx.s)->has_mark);
	ck_assert_uint_eq(session_window(&fx.s)->mark, 2);
	/* F9 still sets and clears. */
	input_key(&fx.s, KEYMAP_F(9));
	ck_assert(!session_window(&fx.s)->has_mark);
	/* Delete copies the selection, Insert pastes it. */
	input_key(&fx.s, 0);
	input_key(&fx.s, KEYMAP_RIGHT);
	input_key(&fx.s, KEYMAP_DELETE);
	ck_assert_uint_eq(fx.s.cliplen, 2);
	ck_assert_mem_eq(fx.s.clip, fx.data + 2, 2);
	window_goto(session_window(&fx.s), 100);
	input_key(&fx.s, KEYMAP_INSERT);
	ck_assert_uint_eq(kfx_byte(&fx, 100), fx.data[2]);
	ck_assert_uint_eq(kfx_byte(&fx, 101), fx.data[3]);
	ck_assert_uint_eq(kfx_byte(&fx, 102), fx.data[102]);
	kfx_close(&fx);
}
END_TEST

START_TEST(test_save_selection_writes_clipboard)
{
	struct kfx	 fx;
	char		 out[256];
	unsigned char	*got;
	size_t		 len;

	kfx_open(&fx, MAPPING_PREVIEW);
	snprintf(out, sizeof out, "/tmp/maphex-keys-%ld.bin", (long)getpid());
	(void)unlink(out);
	/* Nothing marked, nothing copied: says so, opens no prompt. */
	input_key(&fx.s, M('Y'));
	ck_assert(!fx.s.prompt.active);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "nothing to save"));
	window_goto(session_window(&fx.s), 8);
	input_key(&fx.s, 0);
	window_goto(session_window(&fx.s), 11);
	input_key(&fx.s, M('W'));
	ck_assert(!session_window(&fx.s)->has_mark);
	/* Esc-Y now writes the copied bytes. */
	input_key(&fx.s, M('Y'));
	ck_assert(fx.s.prompt.active);
	kfx_type(&fx, out);
	input_key(&fx.s, '\r');
	got = tu_slurp(out, &len);
	ck_assert_ptr_nonnull(got);
	ck_assert_uint_eq(len, 4);
	ck_assert_mem_eq(got, fx.data + 8, 4);
	free(got);
	ck_assert_int_eq(unlink(out), 0);
	kfx_close(&fx);
}
END_TEST

START_TEST(test_block_moves)
{
	struct kfx	fx;

	kfx_open(&fx, MAPPING_READONLY);
	input_key(&fx.s, M('F'));
	ck_assert_uint_eq(kfx_cursor(&fx), 4);
	input_key(&fx.s, M(KEYMAP_RIGHT));
	ck_assert_uint_eq(kfx_cursor(&fx), 8);
	input_key(&fx.s, M('N'));
	ck_assert_uint_eq(kfx_cursor(&fx), 8 + 64);
	input_key(&fx.s, M(KEYMAP_DOWN));
	ck_assert_uint_eq(kfx_cursor(&fx), 8 + 128);
	input_key(&fx.s, M('p'));
	ck_assert_uint_eq(kfx_cursor(&fx), 8 + 64);
	input_key(&fx.s, M(KEYMAP_UP));
	input_key(&fx.s, M('b'));
	ck_assert_uint_eq(kfx_cursor(&fx), 4);
	/* Stops at the ends. */
	input_key(&fx.s, M(KEYMAP_LEFT));
	input_key(&fx.s, M(KEYMAP_LEFT));
	ck_assert_uint_eq(kfx_cursor(&fx), 0);
	window_goto(session_window(&fx.s), 4094);
	input_key(&fx.s, M('N'));
	ck_assert_uint_eq(kfx_cursor(&fx), 4095);
	/* --sector: 8 bytes, 8 rows. */
	fx.s.sector = 1;
	window_goto(session_window(&fx.s), 0);
	input_key(&fx.s, M('F'));
	ck_assert_uint_eq(kfx_cursor(&fx), 8);
	input_key(&fx.s, M('N'));
	ck_assert_uint_eq(kfx_cursor(&fx), 8 + 128);
	kfx_close(&fx);
}
END_TEST

START_TEST(test_page_from_cursor)
{
	struct kfx	fx;

	kfx_open(&fx, MAPPING_READONLY);
	window_goto(session_window(&fx.s), 0x35);
	ck_assert_uint_eq(session_window(&fx.s)->top, 0);
	input_key(&fx.s, M('L'));
	ck_assert_uint_eq(session_window(&fx.s)->top, 0x30);
	ck_assert_uint_eq(kfx_cursor(&fx), 0x35);
	kfx_close(&fx);
}
END_TEST

START_TEST(test_goto_sector)
{
	struct kfx	fx;

	kfx_open(&fx, MAPPING_READONLY);
	fx.s.sector = 1;
	input_key(&fx.s, '\r');
	ck_assert_ptr_nonnull(strstr(fx.s.prompt.label, "sector"));
	kfx_type(&fx, "3");
	input_key(&fx.s, '\r');
	ck_assert_uint_eq(kfx_cursor(&fx), 3 * 512);
	input_key(&fx.s, '\r');
	kfx_type(&fx, "+2");
	input_key(&fx.s, '\r');
	ck_assert_uint_eq(kfx_cursor(&fx), 5 * 512);
	input_key(&fx.s, '\r');
	kfx_type(&fx, "9");
	input_key(&fx.s, '\r');
	ck_assert_uint_eq(kfx_cursor(&fx), 5 * 512);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "sectors of 512"));
	kfx_close(&fx);
}
END_TEST

START_TEST(test_open_file_asks_first)
{
	struct kfx	 fx;
	unsigned char	 other[3] = { 1, 2, 3 };
	char		*path2 = tu_file(other, sizeof other);
	unsigned char	*got;
	size_t		 len;

	kfx_open(&fx, MAPPING_DIRECT);
	kfx_type(&fx, "ff");
	input_key(&fx.s, C('O'));
	ck_assert(fx.s.prompt.active && fx.s.prompt.answer != NULL);
	/* Cancel keeps the edit and the file. */
	input_key(&fx.s, 'c');
	ck_assert(!fx.s.prompt.active);
	ck_assert_uint_eq(session_unsaved(&fx.s), 1);
	/* Discard rolls the edit back, then asks for the path. */
	input_key(&fx.s, KEYMAP_F(3));
	input_key(&fx.s, 'd');
	ck_assert(fx.s.prompt.active && fx.s.prompt.submit != NULL);
	got = tu_slurp(fx.path, &len);
	ck_assert_uint_eq(got[0], fx.data[0]);
	free(got);
	kfx_type(&fx, "/nonexistent/maphex-none");
	input_key(&fx.s, '\r');
	ck_assert(fx.s.message_error);
	ck_assert_uint_eq(doc_size(&fx.d), sizeof fx.data);
	input_key(&fx.s, C('O'));
	kfx_type(&fx, path2);
	input_key(&fx.s, '\r');
	ck_assert_str_eq(doc_path(&fx.d), path2);
	ck_assert_uint_eq(doc_size(&fx.d), 3);
	ck_assert_uint_eq(kfx_cursor(&fx), 0);
	ck_assert_uint_eq(kfx_byte(&fx, 2), 3);
	tu_remove(path2);
	kfx_close(&fx);
}
END_TEST

START_TEST(test_position_history)
{
	struct kfx	fx;
	size_t		i;

	kfx_open(&fx, MAPPING_READONLY);
	ck_assert_int_eq(session_back(&fx.s), -1);
	session_jump(&fx.s, 100);
	session_jump(&fx.s, 100);	/* no move: nothing remembered */
	session_jump(&fx.s, 200);
	ck_assert_uint_eq(fx.s.nback, 2);
	ck_assert_int_eq(session_back(&fx.s), 0);
	ck_assert_uint_eq(kfx_cursor(&fx), 100);
	ck_assert_int_eq(session_back(&fx.s), 0);
	ck_assert_uint_eq(kfx_cursor(&fx), 0);
	ck_assert_int_eq(session_back(&fx.s), -1);
	/* Past SESSION_BACK the oldest goes. */
	for (i = 1; i <= SESSION_BACK + 5; i++)
		session_jump(&fx.s, i);
	ck_assert_uint_eq(fx.s.nback, SESSION_BACK);
	ck_assert_uint_eq(fx.s.back[0], 5);
	ck_assert_uint_eq(fx.s.back[SESSION_BACK - 1], SESSION_BACK + 4);
	/* A position past a shrunken end is clamped. */
	fx.s.back[fx.s.nback - 1] = 1u << 30;
	ck_assert_int_eq(session_back(&fx.s), 0);
	ck_assert_uint_eq(kfx_cursor(&fx), sizeof fx.data - 1);
	kfx_close(&fx);
}
END_TEST

START_TEST(test_bookmarks)
{
	struct kfx	fx;
	char		names[64];
	uint64_t	off;

	kfx_open(&fx, MAPPING_READONLY);
	ck_assert_int_eq(session_bookmark_names(&fx.s, names, sizeof names),
	    0);
	ck_assert_str_eq(names, "");
	input_key(&fx.s, M('J'));
	ck_assert(!fx.s.prompt.active);
	ck_assert_str_eq(fx.s.message, "no bookmarks: Esc-M sets one");
	window_goto(session_window(&fx.s), 0x40);
	input_key(&fx.s, M('m'));
	input_key(&fx.s, 'c');
	ck_assert_int_eq(session_bookmark_get(&fx.s, 'c', &off), 0);
	ck_assert_uint_eq(off, 0x40);
	window_goto(session_window(&fx.s), 0x123);
	input_key(&fx.s, M('M'));
	input_key(&fx.s, 'a');
	input_key(&fx.s, M('M'));
	input_key(&fx.s, '1');
	ck_assert_str_eq(fx.s.message, "bookmarks are named a to z");
	ck_assert_int_eq(session_bookmark_names(&fx.s, names, sizeof names),
	    2);
	ck_assert_str_eq(names, "a c");
	ck_assert_int_eq(session_bookmark_get(&fx.s, 'b', &off), -1);
	/* Esc-J lists them in its prompt and jumps; Esc-, comes back. */
	window_goto(session_window(&fx.s), 0x200);
	input_key(&fx.s, M('j'));
	ck_assert_str_eq(fx.s.prompt.label, "Jump to bookmark (a c): ");
	input_key(&fx.s, 'c');
	ck_assert_uint_eq(kfx_cursor(&fx), 0x40);
	input_key(&fx.s, M('J'));
	input_key(&fx.s, 'z');
	ck_assert_str_eq(fx.s.message, "no such bookmark (Esc-J lists them)");
	ck_assert_uint_eq(kfx_cursor(&fx), 0x40);
	input_key(&fx.s, M(','));
	ck_assert_uint_eq(kfx_cursor(&fx), 0x200);
	/* Go-to and search jumps are remembered too. */
	input_key(&fx.s, C('G'));
	kfx_type(&fx, "0x10\r");
	ck_assert_uint_eq(kfx_cursor(&fx), 0x10);
	input_key(&fx.s, M(','));
	ck_assert_uint_eq(kfx_cursor(&fx), 0x200);
	kfx_close(&fx);
}
END_TEST

static char	 prompt_got[PROMPT_LINE];

static int
prompt_keep(void *arg, const char *line)
{
	(void)arg;
	snprintf(prompt_got, sizeof prompt_got, "%s", line);
	return (0);
}

static void
prompt_feed(struct prompt *p, const int *keys, size_t n)
{
	enum prompt_event	ev;
	size_t			i;

	for (i = 0; i < n; i++)
		(void)prompt_key(p, keys[i], &ev);
}

static void
prompt_text(struct prompt *p, const char *text)
{
	enum prompt_event	ev;

	for (; *text != '\0'; text++)
		(void)prompt_key(p, (unsigned char)*text, &ev);
}

START_TEST(test_prompt_editing)
{
	struct prompt	p;
	int		k1[] = { KEYMAP_LEFT, KEYMAP_LEFT, 'X' };
	int		k2[] = { KEYMAP_HOME, '<', KEYMAP_END, '>' };
	int		k3[] = { KEYMAP_HOME, KEYMAP_DELETE, KEYMAP_RIGHT,
			    KEYMAP_BACKSPACE };
	int		k4[] = { KEYMAP_END, KEYMAP_LEFT, KEYMAP_BACKSPACE };
	int		k5[] = { KEYMAP_CTRL('A'), KEYMAP_RIGHT, KEYMAP_RIGHT,
			    KEYMAP_CTRL('E'), KEYMAP_DELETE };

	memset(&p, 0, sizeof p);
	prompt_open_line(&p, "x: ", prompt_keep, NULL, NULL);
	prompt_text(&p, "abcd");
	ck_assert_uint_eq(p.pos, 4);
	prompt_feed(&p, k1, 3);
	ck_assert_str_eq(p.input, "abXcd");
	ck_assert_uint_eq(p.pos, 3);
	prompt_feed(&p, k2, 4);
	ck_assert_str_eq(p.input, "<abXcd>");
	prompt_feed(&p, k3, 4);
	ck_assert_str_eq(p.input, "bXcd>");
	ck_assert_uint_eq(p.pos, 0);
	/* A UTF-8 character is one step and one deletion. */
	prompt_set_input(&p, "a\xc3\xa9" "b");
	prompt_feed(&p, k4, 3);
	ck_assert_str_eq(p.input, "ab");
	ck_assert_uint_eq(p.pos, 1);
	/* Delete at the end deletes nothing. */
	prompt_feed(&p, k5, 5);
	ck_assert_str_eq(p.input, "ab");
	ck_assert_uint_eq(p.len, 2);
	prompt_feed(&p, (const int []){ '\r' }, 1);
	ck_assert_str_eq(prompt_got, "ab");
	ck_assert(!p.active);
}
END_TEST

START_TEST(test_prompt_history)
{
	struct prompt		p;
	struct prompt_history	h;
	int			i;
	char			line[16];
	int			up[] = { KEYMAP_UP }, down[] = { KEYMAP_DOWN };

	memset(&p, 0, sizeof p);
	memset(&h, 0, sizeof h);
	prompt_history_add(&h, "");
	ck_assert_int_eq(h.n, 0);
	prompt_history_add(&h, "one");
	prompt_history_add(&h, "one");
	prompt_history_add(&h, "two");
	ck_assert_int_eq(h.n, 2);
	prompt_open_line(&p, "x: ", prompt_keep, NULL, NULL);
	prompt_set_history(&p, &h);
	prompt_text(&p, "typed");
	prompt_feed(&p, up, 1);
	ck_assert_str_eq(p.input, "two");
	ck_assert_uint_eq(p.pos, 3);
	prompt_feed(&p, up, 1);
	ck_assert_str_eq(p.input, "one");
	prompt_feed(&p, up, 1);
	ck_assert_str_eq(p.input, "one");
	prompt_feed(&p, down, 1);
	prompt_feed(&p, down, 1);
	ck_assert_str_eq(p.input, "");
	prompt_text(&p, "three\r");
	ck_assert_str_eq(prompt_got, "three");
	ck_assert_int_eq(h.n, 3);
	ck_assert_str_eq(h.line[2], "three");
	/* The oldest goes when it is full. */
	for (i = 0; i < PROMPT_HISTORY + 2; i++) {
		snprintf(line, sizeof line, "l%d", i);
		prompt_history_add(&h, line);
	}
	ck_assert_int_eq(h.n, PROMPT_HISTORY);
	ck_assert_str_eq(h.line[0], "l2");
	snprintf(line, sizeof line, "l%d", PROMPT_HISTORY + 1);
	ck_assert_str_eq(h.line[PROMPT_HISTORY - 1], line);
}
END_TEST

START_TEST(test_goto_history_in_session)
{
	struct kfx	fx;

	kfx_open(&fx, MAPPING_READONLY);
	input_key(&fx.s, C('G'));
	kfx_type(&fx, "0x10\r");
	input_key(&fx.s, C('G'));
	kfx_type(&fx, "2k+1\r");
	ck_assert_uint_eq(kfx_cursor(&fx), 2049);
	input_key(&fx.s, C('G'));
	kfx_type(&fx, "3*5\r");
	ck_assert_uint_eq(kfx_cursor(&fx), 15);
	/* Up twice brings back 2k+1; Left and Backspace edit it. */
	input_key(&fx.s, C('G'));
	input_key(&fx.s, KEYMAP_UP);
	input_key(&fx.s, KEYMAP_UP);
	ck_assert_str_eq(fx.s.prompt.input, "2k+1");
	input_key(&fx.s, KEYMAP_LEFT);
	input_key(&fx.s, KEYMAP_BACKSPACE);
	input_key(&fx.s, '-');
	input_key(&fx.s, '\r');
	ck_assert_uint_eq(kfx_cursor(&fx), 2047);
	ck_assert_str_eq(fx.s.hist[SESSION_HIST_GOTO].line[3], "2k-1");
	/* The search prompt keeps its own. */
	ck_assert_int_eq(fx.s.hist[SESSION_HIST_SEARCH].n, 0);
	kfx_close(&fx);
}
END_TEST

START_TEST(test_path_expand_and_complete)
{
	char	dir[] = "/tmp/maphex-path-XXXXXX", line[256], out[256], p[300];
	char	err[256], *home = getenv("HOME"), *saved;
	FILE	*f;
	const char *names[] = { "alpha1", "alpha2", ".hidden" };
	size_t	i;

	saved = home != NULL ? strdup(home) : NULL;
	ck_assert_ptr_nonnull(mkdtemp(dir));
	for (i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, names[i]);
		ck_assert_ptr_nonnull(f = fopen(p, "w"));
		ck_assert_int_eq(fclose(f), 0);
	}
	snprintf(p, sizeof p, "%s/beta", dir);
	ck_assert_int_eq(mkdir(p, 0700), 0);
	ck_assert_int_eq(setenv("HOME", dir, 1), 0);
	ck_assert_int_eq(path_expand("~/x", out, sizeof out, err,
	    sizeof err), 0);
	snprintf(p, sizeof p, "%s/x", dir);
	ck_assert_str_eq(out, p);
	ck_assert_int_eq(path_expand("a~b", out, sizeof out, err,
	    sizeof err), 0);
	ck_assert_str_eq(out, "a~b");
	ck_assert_int_eq(path_expand("~no-such-user-mx/x", out, sizeof out,
	    err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "no such user"));
	/* Two matches complete to what they share; one dir gets a '/'. */
	snprintf(line, sizeof line, "~/al");
	ck_assert_int_eq(path_complete(line, sizeof line, err, sizeof err),
	    2);
	snprintf(p, sizeof p, "%s/alpha", dir);
	ck_assert_str_eq(line, p);
	snprintf(line, sizeof line, "%s/b", dir);
	ck_assert_int_eq(path_complete(line, sizeof line, err, sizeof err),
	    1);
	snprintf(p, sizeof p, "%s/beta/", dir);
	ck_assert_str_eq(line, p);
	/* Dot files only for a leading dot; no match leaves the line. */
	snprintf(line, sizeof line, "%s/", dir);
	ck_assert_int_eq(path_complete(line, sizeof line, err, sizeof err),
	    3);
	snprintf(line, sizeof line, "%s/.h", dir);
	ck_assert_int_eq(path_complete(line, sizeof line, err, sizeof err),
	    1);
	snprintf(p, sizeof p, "%s/.hidden", dir);
	ck_assert_str_eq(line, p);
	snprintf(line, sizeof line, "%s/zz", dir);
	ck_assert_int_eq(path_complete(line, sizeof line, err, sizeof err),
	    0);
	snprintf(p, sizeof p, "%s/zz", dir);
	ck_assert_str_eq(line, p);
	snprintf(line, sizeof line, "%s/nodir/x", dir);
	ck_assert_int_eq(path_complete(line, sizeof line, err, sizeof err),
	    -1);
	for (i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, names[i]);
		ck_assert_int_eq(unlink(p), 0);
	}
	snprintf(p, sizeof p, "%s/beta", dir);
	ck_assert_int_eq(rmdir(p), 0);
	ck_assert_int_eq(rmdir(dir), 0);
	if (saved != NULL)
		setenv("HOME", saved, 1);
	else
		unsetenv("HOME");
	free(saved);
}
END_TEST

START_TEST(test_fill_text_pane)
{
	struct kfx	fx;
	unsigned char	buf[5];

	kfx_open(&fx, MAPPING_DIRECT);
	window_goto(session_window(&fx.s), 10);
	input_key(&fx.s, 0);
	window_goto(session_window(&fx.s), 14);
	input_key(&fx.s, '\t');
	input_key(&fx.s, M('I'));
	ck_assert_str_eq(fx.s.prompt.label, "Fill selection with text: ");
	input_key(&fx.s, '\r');
	ck_assert_str_eq(fx.s.message, "no fill text given");
	input_key(&fx.s, M('I'));
	kfx_type(&fx, "ab\r");
	ck_assert_int_eq(doc_read(&fx.d, 10, buf, 5), 0);
	ck_assert_mem_eq(buf, "ababa", 5);
	ck_assert_uint_eq(kfx_byte(&fx, 15), fx.data[15]);
	/* The hex pane still takes hex bytes. */
	input_key(&fx.s, 0);
	window_goto(session_window(&fx.s), 11);
	input_key(&fx.s, '\t');
	input_key(&fx.s, M('I'));
	kfx_type(&fx, "ff\r");
	ck_assert_uint_eq(kfx_byte(&fx, 10), 0x61);
	ck_assert_uint_eq(kfx_byte(&fx, 11), 0xff);
	ck_assert_uint_eq(kfx_byte(&fx, 14), 0xff);
	kfx_close(&fx);
}
END_TEST

/* The status row of fx's session drawn cols wide, into row. */
static void
kfx_status(struct kfx *fx, int cols, char *row, size_t len)
{
	struct frame	f;

	memset(&f, 0, sizeof f);
	ck_assert_int_eq(frame_resize(&f, 11, cols), 0);
	layout_apply(&fx->s, 11, cols);
	fx->s.message[0] = '\0';
	(void)view_render(&fx->s, &f);
	frame_row(&f, 10, row, len);
	frame_free(&f);
}

START_TEST(test_status_narrow)
{
	struct kfx	fx;
	char		row[1024];

	kfx_open(&fx, MAPPING_DIRECT);
	session_window(&fx.s)->autofit = 1;	/* as without -c */
	kfx_type(&fx, "aa");
	window_goto(session_window(&fx.s), 0x123);
	kfx_status(&fx, 120, row, sizeof row);
	ck_assert_msg(strstr(row, "0x00000123 (291) / 0x1000 (4096)  7%  ** 1 "
	    "unsaved (in file, not flushed)") != NULL, "%s", row);
	ck_assert_ptr_nonnull(strstr(row, fx.path));
	/* Narrower: the size and the long words go first, then the path's
	 * middle; the mode, the unsaved mark and the cursor stay. */
	kfx_status(&fx, 60, row, sizeof row);
	ck_assert_msg(strncmp(row, " DIRECT  ", 9) == 0 &&
	    strstr(row, "0x00000123") != NULL && strstr(row, "**") != NULL,
	    "%s", row);
	kfx_status(&fx, 40, row, sizeof row);
	ck_assert_msg(strncmp(row, " DIRECT  ", 9) == 0 &&
	    strstr(row, "...") != NULL && strstr(row, " 0x00000123 **") != NULL,
	    "%s", row);
	ck_assert_msg(strstr(row, strrchr(fx.path, '/') + 1) != NULL ||
	    strstr(row, "...") != NULL, "%s", row);
	kfx_close(&fx);
}
END_TEST

START_TEST(test_help_hex_pane_keys)
{
	struct help	h;
	int		i, found = 0;

	help_build(&h, 0);
	for (i = 0; i < h.n; i++)
		if (strstr(h.line[i], "go to the first byte (< only in the "
		    "hex pane)") != NULL)
			found++;
	ck_assert_int_eq(found, 1);
}
END_TEST

START_TEST(test_overwrite_asks)
{
	struct kfx	 fx;
	char		 out[256];
	unsigned char	*got;
	size_t		 len;
	FILE		*f;

	kfx_open(&fx, MAPPING_PREVIEW);
	snprintf(out, sizeof out, "%s.old", fx.path);
	ck_assert_ptr_nonnull(f = fopen(out, "w"));
	ck_assert_int_eq(fputs("old contents", f) >= 0, 1);
	ck_assert_int_eq(fclose(f), 0);
	window_goto(session_window(&fx.s), 4);
	input_key(&fx.s, 0);
	window_goto(session_window(&fx.s), 6);
	/* n leaves the file as it was. */
	input_key(&fx.s, M('Y'));
	kfx_type(&fx, out);
	input_key(&fx.s, '\r');
	ck_assert_ptr_nonnull(strstr(fx.s.prompt.label, "overwrite? (y/n)"));
	input_key(&fx.s, 'n');
	got = tu_slurp(out, &len);
	ck_assert_uint_eq(len, 12);
	ck_assert_mem_eq(got, "old contents", 12);
	free(got);
	/* y replaces it whole with the selection, and leaves no temp. */
	input_key(&fx.s, M('Y'));
	kfx_type(&fx, out);
	input_key(&fx.s, '\r');
	input_key(&fx.s, 'y');
	ck_assert_msg(strstr(fx.s.message, "wrote 3 bytes") != NULL, "%s",
	    fx.s.message);
	got = tu_slurp(out, &len);
	ck_assert_uint_eq(len, 3);
	ck_assert_mem_eq(got, fx.data + 4, 3);
	free(got);
	ck_assert_int_eq(fx.s.overwrite_ok, 0);
	snprintf(out + strlen(out), sizeof out - strlen(out), ".maphex-%ld",
	    (long)getpid());
	ck_assert_int_eq(access(out, F_OK), -1);
	out[strlen(out) - strlen(strrchr(out, '.'))] = '\0';
	ck_assert_int_eq(unlink(out), 0);
	kfx_close(&fx);
}
END_TEST

Suite *
keys_suite(void)
{
	Suite	*s = suite_create("keys");
	TCase	*tc = tcase_create("hexedit");

	tcase_add_test(tc, test_undo_all_keys_and_redo);
	tcase_add_test(tc, test_undo_previous_bytes);
	tcase_add_test(tc, test_mark_copy_paste_keys);
	tcase_add_test(tc, test_save_selection_writes_clipboard);
	tcase_add_test(tc, test_block_moves);
	tcase_add_test(tc, test_page_from_cursor);
	tcase_add_test(tc, test_goto_sector);
	tcase_add_test(tc, test_open_file_asks_first);
	tcase_add_test(tc, test_position_history);
	tcase_add_test(tc, test_bookmarks);
	tcase_add_test(tc, test_prompt_editing);
	tcase_add_test(tc, test_prompt_history);
	tcase_add_test(tc, test_goto_history_in_session);
	tcase_add_test(tc, test_path_expand_and_complete);
	tcase_add_test(tc, test_fill_text_pane);
	tcase_add_test(tc, test_status_narrow);
	tcase_add_test(tc, test_help_hex_pane_keys);
	tcase_add_test(tc, test_overwrite_asks);
	suite_add_tcase(s, tc);
	return (s);
}
