/*
 * check_replace.c: replace, from the journal step up to the keys.
 *
 * journal_write_at() on random offsets in direct and preview mode:
 * the bytes after it are a reference replace's, one undo restores
 * every byte, redo brings the replacements back, and a bad call
 * changes nothing.  Then Esc-% driven by keys on a session: y, n and a,
 * a regex with a text replacement, the same-length rule, read-only,
 * and a cancelled prompt, each checked against the bytes in memory and
 * in the file.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "input.h"
#include "journal.h"
#include "keymap.h"
#include "layout.h"
#include "session.h"
#include "suites.h"
#include "testutil.h"

#define RP_SIZE		65536

struct rp_fx {
	char		*path;
	struct doc	 d;
	struct session	 s;
};

static void
rp_open(struct rp_fx *fx, const void *data, size_t len,
    enum mapping_mode mode)
{
	char	err[256];

	fx->path = tu_file(data, len);
	ck_assert_msg(doc_open(&fx->d, fx->path, mode, err, sizeof err) ==
	    0, "%s", err);
	ck_assert_int_eq(session_init(&fx->s, &fx->d, 16, 0, err,
	    sizeof err), 0);
	layout_apply(&fx->s, 11, 100);
}

static void
rp_close(struct rp_fx *fx)
{
	session_free(&fx->s);
	doc_close(&fx->d);
	tu_remove(fx->path);
}

/* Asserts that the document holds want (len bytes). */
static void
rp_assert_doc(const struct doc *d, const unsigned char *want, size_t len)
{
	unsigned char	*got = malloc(len);
	size_t		 i;

	ck_assert_ptr_nonnull(got);
	ck_assert_uint_eq(doc_size(d), len);
	ck_assert_int_eq(doc_read(d, 0, got, len), 0);
	for (i = 0; i < len && got[i] == want[i]; i++)
		continue;
	ck_assert_msg(i == len, "byte %zu is %02x, not %02x", i,
	    i < len ? got[i] : 0, i < len ? want[i] : 0);
	free(got);
}

static void
rp_type(struct rp_fx *fx, const char *text)
{
	for (; *text != '\0'; text++)
		input_key(&fx->s, (unsigned char)*text);
}

START_TEST(test_write_at_undo)
{
	static const enum mapping_mode modes[] = { MAPPING_DIRECT,
	    MAPPING_PREVIEW };
	struct journal	*j;
	struct rp_fx	 fx;
	unsigned char	*orig, *want, *file;
	uint64_t	 seed = 99 + (uint64_t)_i, off[2000], at;
	size_t		 n = 0, len, flen;
	unsigned char	 with[16];
	char		 err[256];

	orig = malloc(RP_SIZE);
	want = malloc(RP_SIZE);
	ck_assert(orig != NULL && want != NULL);
	tu_random(orig, RP_SIZE, &seed);
	memcpy(want, orig, RP_SIZE);
	rp_open(&fx, orig, RP_SIZE, modes[_i]);
	j = fx.s.journal;
	len = 1 + (size_t)(tu_rand(&seed) % 9);
	for (at = tu_rand(&seed) % 50; at + len <= RP_SIZE && n < 2000;
	    at += len + tu_rand(&seed) % 60) {
		off[n++] = at;
		memset(want + at, 0xa5, len);
	}
	memset(with, 0xa5, sizeof with);
	ck_assert_int_eq(journal_write_at(j, off, n, with, len, err,
	    sizeof err), 0);
	rp_assert_doc(&fx.d, want, RP_SIZE);
	ck_assert_int_eq(journal_undo(j, &at, err, sizeof err), 1);
	ck_assert_uint_eq(at, off[0]);
	rp_assert_doc(&fx.d, orig, RP_SIZE);
	ck_assert_uint_eq(journal_unsaved(j), 0);
	ck_assert_int_eq(journal_can_undo(j), 0);
	ck_assert_int_eq(journal_redo(j, &at, err, sizeof err), 1);
	rp_assert_doc(&fx.d, want, RP_SIZE);
	/* Overlapping spans, or one past the end, change nothing. */
	off[1] = off[0] + len - 1;
	ck_assert_int_eq(journal_write_at(j, off, 2, "zzzzzzzzz", len, err,
	    sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "overlap"));
	off[0] = RP_SIZE - len + 1;
	ck_assert_int_eq(journal_write_at(j, off, 1, "zzzzzzzzz", len, err,
	    sizeof err), -1);
	rp_assert_doc(&fx.d, want, RP_SIZE);
	ck_assert_int_eq(journal_undo(j, &at, err, sizeof err), 1);
	rp_assert_doc(&fx.d, orig, RP_SIZE);
	/* Direct mode wrote the file; a preview left it alone. */
	ck_assert_int_eq(journal_redo(j, &at, err, sizeof err), 1);
	file = tu_slurp(fx.path, &flen);
	ck_assert_uint_eq(flen, RP_SIZE);
	ck_assert(memcmp(file, modes[_i] == MAPPING_DIRECT ? want : orig,
	    RP_SIZE) == 0);
	free(file);
	rp_close(&fx);
	free(orig);
	free(want);
}
END_TEST

/* y, n and a over a literal hex pattern; undo takes back a at once. */
START_TEST(test_keys_literal)
{
	static const char	 data[] = "abc.abc.ab.abc.abcabc.";
	static const char	 step1[] = "xyz.abc.ab.abc.abcabc.";
	static const char	 all[] = "xyz.abc.ab.xyz.xyzxyz.";
	struct rp_fx		 fx;
	unsigned char		*file;
	size_t			 flen;

	rp_open(&fx, data, sizeof data - 1, MAPPING_DIRECT);
	input_key(&fx.s, KEYMAP_META | '%');
	ck_assert_str_eq(fx.s.prompt.label, "Replace (hex): ");
	rp_type(&fx, "61 62 63\r");
	ck_assert_str_eq(fx.s.prompt.label, "Replace with (hex): ");
	rp_type(&fx, "78797a\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 0);
	ck_assert_ptr_nonnull(fx.s.prompt.answer);
	input_key(&fx.s, 'y');
	rp_assert_doc(&fx.d, (const unsigned char *)step1, sizeof data - 1);
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 4);
	input_key(&fx.s, 'n');
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 11);
	input_key(&fx.s, 'a');
	ck_assert_ptr_null(fx.s.prompt.answer);
	rp_assert_doc(&fx.d, (const unsigned char *)all, sizeof data - 1);
	ck_assert_str_eq(fx.s.message, "replaced 3 in one undo step (4 in "
	    "all)");
	file = tu_slurp(fx.path, &flen);
	ck_assert(flen == sizeof data - 1 && memcmp(file, all, flen) == 0);
	free(file);
	input_key(&fx.s, KEYMAP_BACKSPACE);
	rp_assert_doc(&fx.d, (const unsigned char *)step1, sizeof data - 1);
	input_key(&fx.s, KEYMAP_BACKSPACE);
	rp_assert_doc(&fx.d, (const unsigned char *)data, sizeof data - 1);
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	/* A replacement of another length is refused before anything. */
	input_key(&fx.s, KEYMAP_META | '%');
	rp_type(&fx, "61 62\r");
	rp_type(&fx, "78\r");
	ck_assert_str_eq(fx.s.message, "the pattern is 2 bytes and the "
	    "replacement 1: replace needs the same length");
	ck_assert_int_eq(fx.s.prompt.active, 0);
	/* q stops; nothing was written. */
	input_key(&fx.s, KEYMAP_META | '%');
	rp_type(&fx, "61 62\r");
	rp_type(&fx, "78 78\r");
	input_key(&fx.s, 'q');
	ck_assert_str_eq(fx.s.message, "replace stopped: 0 replaced");
	rp_assert_doc(&fx.d, (const unsigned char *)data, sizeof data - 1);
	rp_close(&fx);
}
END_TEST

/* A regex with a text replacement, in a preview; lengths must agree. */
START_TEST(test_keys_regex_preview)
{
	static const char	 data[] = "id=1234;id=98;id=5678;id=4321x";
	static const char	 all[] = "id=####;id=98;id=####;id=####x";
	struct rp_fx		 fx;
	unsigned char		*file;
	size_t			 flen;

	rp_open(&fx, data, sizeof data - 1, MAPPING_PREVIEW);
	input_key(&fx.s, '\t');		/* the text pane */
	input_key(&fx.s, KEYMAP_META | '%');
	ck_assert_str_eq(fx.s.prompt.label, "Replace (text): ");
	input_key(&fx.s, '\t');
	input_key(&fx.s, '\t');
	ck_assert_str_eq(fx.s.prompt.label, "Replace (regex): ");
	rp_type(&fx, "(?<==)[0-9]{4}\r");
	ck_assert_str_eq(fx.s.prompt.label, "Replace with (text): ");
	rp_type(&fx, "####\r");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 3);
	input_key(&fx.s, '!');
	rp_assert_doc(&fx.d, (const unsigned char *)all, sizeof data - 1);
	file = tu_slurp(fx.path, &flen);
	ck_assert(flen == sizeof data - 1 && memcmp(file, data, flen) == 0);
	free(file);
	input_key(&fx.s, KEYMAP_BACKSPACE);
	rp_assert_doc(&fx.d, (const unsigned char *)data, sizeof data - 1);
	/* [0-9]+ meets "98": refused, and nothing written. */
	input_key(&fx.s, KEYMAP_META | '<');
	input_key(&fx.s, KEYMAP_META | '%');
	input_key(&fx.s, '\t');
	input_key(&fx.s, '\t');
	rp_type(&fx, "[0-9]+\r####\ra");
	ck_assert_str_eq(fx.s.message, "the match at 0xb is 2 bytes and the "
	    "replacement 4: replace needs the same length");
	ck_assert_uint_eq(session_window(&fx.s)->cursor, 11);
	rp_assert_doc(&fx.d, (const unsigned char *)data, sizeof data - 1);
	ck_assert_uint_eq(session_unsaved(&fx.s), 0);
	/* A bad regex is refused at the first prompt. */
	input_key(&fx.s, KEYMAP_META | '%');
	input_key(&fx.s, '\t');
	input_key(&fx.s, '\t');
	rp_type(&fx, "[0-9\r");
	ck_assert_int_eq(fx.s.message_error, 1);
	ck_assert_ptr_nonnull(strstr(fx.s.message, "bad regex at column"));
	ck_assert_int_eq(fx.s.prompt.active, 0);
	rp_close(&fx);
}
END_TEST

START_TEST(test_keys_readonly)
{
	static const char	data[] = "abcabc";
	struct rp_fx		fx;

	rp_open(&fx, data, sizeof data - 1, MAPPING_READONLY);
	input_key(&fx.s, KEYMAP_META | '%');
	ck_assert_int_eq(fx.s.prompt.active, 0);
	ck_assert_str_eq(fx.s.message, "read-only mode: nothing can be "
	    "changed");
	rp_assert_doc(&fx.d, (const unsigned char *)data, sizeof data - 1);
	rp_close(&fx);
}
END_TEST

Suite *
replace_suite(void)
{
	Suite	*s = suite_create("replace");
	TCase	*tc = tcase_create("replace");

	tcase_add_loop_test(tc, test_write_at_undo, 0, 2);
	tcase_add_test(tc, test_keys_literal);
	tcase_add_test(tc, test_keys_regex_preview);
	tcase_add_test(tc, test_keys_readonly);
	suite_add_tcase(s, tc);
	return (s);
}
