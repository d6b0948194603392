/*
 * check_resize.c: size changes (insert, delete, resize, move) in the
 * document and the journal, against a model.
 *
 * The model is a plain byte array with, for every byte, the value a
 * save would call its saved one (orig), and a list of steps that know
 * how to undo themselves.  Thousands of random inserts, deletes,
 * overwrites, moves, undos, redos, undo-alls, saves and discards run on
 * both, with the document's chunk shrunk to a few bytes so that every
 * move crosses many chunk boundaries; after each one the mapping, the
 * file on disk, its size, the unsaved count and every byte's dirty flag
 * must agree.  Then cancels in the middle of a move, discard after
 * inserts, the modes that refuse, and fallocate's block-aligned path.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc.h"
#include "journal.h"
#include "offset.h"
#include "suites.h"
#include "testutil.h"

enum rm_kind { RM_WRITE, RM_INSERT, RM_DELETE };

struct rm_step {
	enum rm_kind	 kind;
	size_t		 off;
	size_t		 len;
	unsigned char	*before;	/* a write's old bytes */
	unsigned char	*bytes;		/* written, inserted or deleted */
	int		*orig;		/* origs taken out at the last removal */
	int		 has_orig;
	int		 all;		/* an undo-all's step */
};

struct rm {
	unsigned char	*cur;
	int		*orig;		/* saved value of each byte */
	size_t		 size;
	struct rm_step	*steps;
	size_t		 n, pos, saved_pos;
	int		 saved_known;
	uint64_t	 lost;		/* size changes cut after the save */
};

struct rt {
	char		*path;
	struct doc	 d;
	struct journal	*j;
	struct rm	 md;
	uint64_t	 seed;
	int		 step;
	char		 err[512];
};

static void
rm_cut(struct rm *md, size_t n)
{
	while (md->n > n) {
		md->n--;
		if (md->saved_known && md->n < md->saved_pos &&
		    md->steps[md->n].kind != RM_WRITE)
			md->lost += md->steps[md->n].len;
		free(md->steps[md->n].before);
		free(md->steps[md->n].bytes);
		free(md->steps[md->n].orig);
	}
	if (md->pos > n)
		md->pos = n;
	if (md->saved_pos > n)
		md->saved_known = 0;
}

/* Opens a gap of len bytes at off in the model's arrays. */
static void
rm_open_gap(struct rm *md, size_t off, size_t len)
{
	md->cur = realloc(md->cur, md->size + len + 1);
	md->orig = realloc(md->orig, (md->size + len + 1) * sizeof *md->orig);
	ck_assert(md->cur != NULL && md->orig != NULL);
	memmove(md->cur + off + len, md->cur + off, md->size - off);
	memmove(md->orig + off + len, md->orig + off,
	    (md->size - off) * sizeof *md->orig);
	md->size += len;
}

static void
rm_close_gap(struct rm *md, size_t off, size_t len)
{
	memmove(md->cur + off, md->cur + off + len, md->size - off - len);
	memmove(md->orig + off, md->orig + off + len,
	    (md->size - off - len) * sizeof *md->orig);
	md->size -= len;
}

/* Applies s forward or backward to the model. */
static void
rm_apply(struct rm *md, struct rm_step *s, int forward)
{
	size_t	k;
	int	grow = (s->kind == RM_INSERT) == (forward != 0);

	if (s->kind == RM_WRITE) {
		memcpy(md->cur + s->off, forward ? s->bytes : s->before,
		    s->len);
		return;
	}
	if (grow) {
		rm_open_gap(md, s->off, s->len);
		memcpy(md->cur + s->off, s->bytes, s->len);
		for (k = 0; k < s->len; k++)
			md->orig[s->off + k] = s->has_orig ? s->orig[k] :
			    s->bytes[k];
		return;
	}
	free(s->orig);
	s->orig = malloc(s->len * sizeof *s->orig + 1);
	ck_assert_ptr_nonnull(s->orig);
	memcpy(s->orig, md->orig + s->off, s->len * sizeof *s->orig);
	s->has_orig = 1;
	rm_close_gap(md, s->off, s->len);
}

static void
rm_push(struct rm *md, enum rm_kind kind, size_t off, size_t len,
    const unsigned char *bytes)
{
	struct rm_step	*s;

	rm_cut(md, md->pos);
	md->steps = realloc(md->steps, (md->n + 1) * sizeof *md->steps);
	ck_assert_ptr_nonnull(md->steps);
	s = &md->steps[md->n++];
	md->pos = md->n;
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->off = off;
	s->len = len;
	s->bytes = malloc(len + 1);
	ck_assert_ptr_nonnull(s->bytes);
	memcpy(s->bytes, kind == RM_DELETE ? md->cur + off : bytes, len);
	if (kind == RM_WRITE) {
		s->before = malloc(len + 1);
		ck_assert_ptr_nonnull(s->before);
		memcpy(s->before, md->cur + off, len);
	}
	rm_apply(md, s, 1);
}

/* Bytes inserted or deleted between the save and now. */
static uint64_t
rm_reshaped(const struct rm *md)
{
	size_t		i, a = 0, b = md->pos;
	uint64_t	n = md->lost;

	if (md->saved_known) {
		a = md->saved_pos < md->pos ? md->saved_pos : md->pos;
		b = md->saved_pos < md->pos ? md->pos : md->saved_pos;
	}
	for (i = a; i < b; i++)
		if (md->steps[i].kind != RM_WRITE)
			n += md->steps[i].len;
	return (n);
}

static uint64_t
rm_dirty(const struct rm *md)
{
	uint64_t	n = 0;
	size_t		i;

	for (i = 0; i < md->size; i++)
		n += md->orig[i] != md->cur[i];
	return (n);
}

static void
rm_saved(struct rm *md)
{
	size_t	i;

	for (i = 0; i < md->size; i++)
		md->orig[i] = md->cur[i];
	md->saved_pos = md->pos;
	md->saved_known = 1;
	md->lost = 0;
}

static void
rt_open(struct rt *t, size_t size, uint64_t seed, size_t chunk)
{
	unsigned char	*data = malloc(size + 1);
	size_t		 i;

	memset(t, 0, sizeof *t);
	t->seed = seed;
	ck_assert_ptr_nonnull(data);
	tu_random(data, size, &t->seed);
	for (i = 0; i < size; i++)
		data[i] &= 3;
	t->path = tu_file(data, size);
	ck_assert_msg(doc_open(&t->d, t->path, MAPPING_DIRECT, t->err,
	    sizeof t->err) == 0, "%s", t->err);
	t->d.chunk = chunk;
	t->d.no_shift = 1;
	t->j = journal_new(&t->d);
	ck_assert_ptr_nonnull(t->j);
	t->md.cur = data;
	t->md.size = size;
	t->md.orig = malloc((size + 1) * sizeof *t->md.orig);
	ck_assert_ptr_nonnull(t->md.orig);
	rm_saved(&t->md);
}

static void
rt_close(struct rt *t)
{
	journal_free(t->j);
	doc_close(&t->d);
	rm_cut(&t->md, 0);
	free(t->md.steps);
	free(t->md.cur);
	free(t->md.orig);
	tu_remove(t->path);
}

/* The mapping, the file on disk, the size and the dirt match the model. */
static void
rt_check(struct rt *t)
{
	struct rm	*md = &t->md;
	unsigned char	*buf = malloc(md->size + 1), *disk;
	size_t		 i, len;

	ck_assert_ptr_nonnull(buf);
	ck_assert_msg(doc_size(&t->d) == md->size, "step %d: size %llu, "
	    "model %zu", t->step, (unsigned long long)doc_size(&t->d),
	    md->size);
	ck_assert_int_eq(doc_read(&t->d, 0, buf, md->size), 0);
	ck_assert_msg(memcmp(buf, md->cur, md->size) == 0,
	    "step %d: mapping differs from the model", t->step);
	disk = tu_slurp(t->path, &len);
	ck_assert_msg(len == md->size && memcmp(disk, md->cur, len) == 0,
	    "step %d: file differs from the model", t->step);
	ck_assert_msg(journal_unsaved(t->j) == rm_dirty(md) + rm_reshaped(md),
	    "step %d: %llu unsaved, model %llu + %llu", t->step,
	    (unsigned long long)journal_unsaved(t->j),
	    (unsigned long long)rm_dirty(md),
	    (unsigned long long)rm_reshaped(md));
	for (i = 0; i < md->size; i++)
		ck_assert_msg(journal_is_dirty(t->j, i) ==
		    (md->orig[i] != md->cur[i]), "step %d: byte %zu dirty "
		    "flag", t->step, i);
	free(disk);
	free(buf);
}

/* One random operation on both. */
static void
rt_random_op(struct rt *t)
{
	struct rm	*md = &t->md;
	unsigned char	 bytes[40];
	uint64_t	 r = tu_rand(&t->seed) % 100, off;
	size_t		 n = (size_t)(1 + tu_rand(&t->seed) % 24), k, src;
	int		 rc, all;

	tu_random(bytes, n, &t->seed);
	for (k = 0; k < n; k++)
		bytes[k] &= 3;
	if (r < 25) {
		off = md->size == 0 ? 0 : tu_rand(&t->seed) % (md->size + 1);
		if (md->size > 300)
			return;
		rc = journal_insert(t->j, off, bytes, n, t->err, sizeof t->err);
		ck_assert_msg(rc == 0, "step %d: %s", t->step, t->err);
		rm_push(md, RM_INSERT, (size_t)off, n, bytes);
	} else if (r < 45 && md->size > 0) {
		off = tu_rand(&t->seed) % md->size;
		if (n > md->size - off)
			n = md->size - (size_t)off;
		rc = journal_delete(t->j, off, n, t->err, sizeof t->err);
		ck_assert_msg(rc == 0, "step %d: %s", t->step, t->err);
		rm_push(md, RM_DELETE, (size_t)off, n, NULL);
	} else if (r < 60 && md->size > 0) {
		off = tu_rand(&t->seed) % md->size;
		if (n > md->size - off)
			n = md->size - (size_t)off;
		rc = journal_write(t->j, off, bytes, n, t->err, sizeof t->err);
		ck_assert_msg(rc == 0, "step %d: %s", t->step, t->err);
		rm_push(md, RM_WRITE, (size_t)off, n, bytes);
	} else if (r < 65 && md->size > 0) {
		src = (size_t)(tu_rand(&t->seed) % md->size);
		off = tu_rand(&t->seed) % md->size;
		if (n > md->size - src)
			n = md->size - src;
		if (n > md->size - off)
			n = md->size - (size_t)off;
		memcpy(bytes, md->cur + src, n);
		rc = journal_move(t->j, off, src, n, t->err, sizeof t->err);
		ck_assert_msg(rc == 0, "step %d: %s", t->step, t->err);
		if (off != src)
			rm_push(md, RM_WRITE, (size_t)off, n, bytes);
	} else if (r < 78) {
		rc = journal_undo(t->j, &off, t->err, sizeof t->err);
		ck_assert_msg(rc == (md->pos > 0), "step %d: undo %d: %s",
		    t->step, rc, t->err);
		if (md->pos > 0)
			rm_apply(md, &md->steps[--md->pos], 0);
	} else if (r < 88) {
		rc = journal_redo(t->j, &off, t->err, sizeof t->err);
		/* Right after an undo-all, redo takes it back and drops it. */
		all = md->pos == md->n && md->n > 0 && md->steps[md->n - 1].all;
		ck_assert_msg(rc == (md->pos < md->n || all), "step %d: redo "
		    "%d: %s", t->step, rc, t->err);
		if (md->pos < md->n)
			rm_apply(md, &md->steps[md->pos++], 1);
		else if (all) {
			rm_apply(md, &md->steps[--md->pos], 0);
			rm_cut(md, md->pos);
		}
	} else if (r < 92) {
		rc = journal_undo_all(t->j, &off, t->err, sizeof t->err);
		ck_assert_msg(rc != -1 || (rm_reshaped(md) > 0 &&
		    !md->saved_known), "step %d: undo all: %s", t->step,
		    t->err);
		if (rc == -1)
			return;
		if (rm_reshaped(md) > 0) {
			while (md->pos > md->saved_pos)
				rm_apply(md, &md->steps[--md->pos], 0);
			while (md->pos < md->saved_pos)
				rm_apply(md, &md->steps[md->pos++], 1);
		} else if (rm_dirty(md) > 0) {
			unsigned char	*sv = malloc(md->size + 1);
			size_t		 lo = md->size, hi = 0;

			ck_assert_ptr_nonnull(sv);
			for (k = 0; k < md->size; k++) {
				sv[k] = (unsigned char)md->orig[k];
				if (md->orig[k] != md->cur[k]) {
					lo = k < lo ? k : lo;
					hi = k + 1;
				}
			}
			/* One step over the span of the changed bytes. */
			rm_push(md, RM_WRITE, lo, hi - lo, sv + lo);
			md->steps[md->n - 1].all = 1;
			free(sv);
		}
	} else if (r < 96) {
		ck_assert_msg(journal_save(t->j, t->err, sizeof t->err) == 0,
		    "step %d: save: %s", t->step, t->err);
		rm_saved(md);
	} else {
		rc = journal_discard(t->j, t->err, sizeof t->err);
		ck_assert_msg(rc == 0 || (rm_reshaped(md) > 0 &&
		    !md->saved_known), "step %d: discard: %s", t->step,
		    t->err);
		if (rc == -1)
			return;
		while (md->pos > md->saved_pos)
			rm_apply(md, &md->steps[--md->pos], 0);
		while (md->pos < md->saved_pos)
			rm_apply(md, &md->steps[md->pos++], 1);
		for (k = 0; k < md->size; k++)
			md->cur[k] = (unsigned char)md->orig[k];
		rm_cut(md, md->saved_known ? md->saved_pos : 0);
		md->pos = md->n;
		rm_saved(md);
	}
}

START_TEST(test_model_resize)
{
	struct rt	t;
	static const size_t sizes[] = { 0, 1, 40, 200 };

	rt_open(&t, sizes[_i % 4], 0x5eed + (uint64_t)_i, 1 + (size_t)_i % 5);
	for (t.step = 0; t.step < 1500; t.step++) {
		rt_random_op(&t);
		rt_check(&t);
	}
	rt_close(&t);
}
END_TEST

/* Cancels after the first chunk; the move is put back. */
static int
rt_cancel_at(void *arg, uint64_t done, uint64_t total)
{
	int	*calls = arg;

	(void)done;
	(void)total;
	return (++*calls >= 2);
}

START_TEST(test_cancel_middle)
{
	struct rt	 t;
	unsigned char	*before, *after;
	size_t		 len;
	uint64_t	 off;
	int		 calls = 0;

	rt_open(&t, 100, 77, 7);
	before = tu_slurp(t.path, &len);
	ck_assert_int_eq(journal_write(t.j, 90, "\x09", 1, t.err,
	    sizeof t.err), 0);
	journal_set_progress(t.j, rt_cancel_at, &calls);
	ck_assert_int_eq(journal_insert(t.j, 10, "abcdef", 6, t.err,
	    sizeof t.err), -1);
	ck_assert_msg(strncmp(t.err, "cancelled", 9) == 0, "%s", t.err);
	ck_assert_int_eq(calls, 2);
	ck_assert_uint_eq(doc_size(&t.d), 100);
	calls = 0;
	ck_assert_int_eq(journal_delete(t.j, 5, 30, t.err, sizeof t.err), -1);
	ck_assert_msg(strncmp(t.err, "cancelled", 9) == 0, "%s", t.err);
	ck_assert_uint_eq(doc_size(&t.d), 100);
	journal_set_progress(t.j, NULL, NULL);
	/* Only the one write is there; undoing it gives the file back. */
	after = tu_slurp(t.path, &len);
	ck_assert_uint_eq(len, 100);
	ck_assert_int_eq(after[90], 9);
	ck_assert_mem_eq(after, before, 90);
	ck_assert_mem_eq(after + 91, before + 91, 9);
	ck_assert(journal_is_dirty(t.j, 90) == (before[90] != 9));
	ck_assert_int_eq(journal_undo(t.j, &off, t.err, sizeof t.err), 1);
	ck_assert_int_eq(journal_undo(t.j, &off, t.err, sizeof t.err), 0);
	free(after);
	after = tu_slurp(t.path, &len);
	ck_assert_uint_eq(len, 100);
	ck_assert_mem_eq(after, before, 100);
	free(after);
	free(before);
	rt_close(&t);
}
END_TEST

START_TEST(test_discard_restores)
{
	struct rt	 t;
	unsigned char	*before, *after;
	size_t		 len, blen;
	struct stat	 st;

	rt_open(&t, 5000, 99, 16);
	before = tu_slurp(t.path, &blen);
	ck_assert_int_eq(journal_insert(t.j, 0, "xyz", 3, t.err,
	    sizeof t.err), 0);
	ck_assert_int_eq(journal_write(t.j, 4000, "qq", 2, t.err,
	    sizeof t.err), 0);
	ck_assert_int_eq(journal_resize(t.j, 9000, t.err, sizeof t.err), 0);
	ck_assert_int_eq(journal_delete(t.j, 100, 50, t.err, sizeof t.err), 0);
	ck_assert_int_eq(journal_insert(t.j, 8000, NULL, 10, t.err,
	    sizeof t.err), 0);
	ck_assert(journal_unsaved(t.j) > 0);
	ck_assert_int_eq(stat(t.path, &st), 0);
	ck_assert_int_eq(st.st_size, 9000 - 50 + 10);
	ck_assert_msg(journal_discard(t.j, t.err, sizeof t.err) == 0, "%s",
	    t.err);
	ck_assert_uint_eq(journal_unsaved(t.j), 0);
	after = tu_slurp(t.path, &len);
	ck_assert_uint_eq(len, blen);
	ck_assert_mem_eq(after, before, blen);
	ck_assert_int_eq(journal_can_undo(t.j), 0);
	free(after);
	free(before);
	rt_close(&t);
}
END_TEST

START_TEST(test_undo_all_size)
{
	struct rt	 t;
	unsigned char	*before, *after;
	size_t		 len, blen;
	uint64_t	 off;

	rt_open(&t, 300, 5, 4);
	before = tu_slurp(t.path, &blen);
	ck_assert_int_eq(journal_insert(t.j, 300, "end", 3, t.err,
	    sizeof t.err), 0);
	ck_assert_int_eq(journal_delete(t.j, 0, 10, t.err, sizeof t.err), 0);
	ck_assert_int_eq(journal_undo_all(t.j, &off, t.err, sizeof t.err), 1);
	after = tu_slurp(t.path, &len);
	ck_assert_uint_eq(len, blen);
	ck_assert_mem_eq(after, before, blen);
	ck_assert_uint_eq(journal_unsaved(t.j), 0);
	/* Redo brings the changes back. */
	ck_assert_int_eq(journal_redo(t.j, &off, t.err, sizeof t.err), 1);
	ck_assert_int_eq(journal_redo(t.j, &off, t.err, sizeof t.err), 1);
	ck_assert_uint_eq(doc_size(&t.d), 293);
	free(after);
	free(before);
	rt_close(&t);
}
END_TEST

START_TEST(test_refused_modes)
{
	char		*path = tu_file("abcdef", 6);
	struct doc	 d;
	struct journal	*j;
	char		 err[256];
	enum mapping_mode modes[] = { MAPPING_PREVIEW, MAPPING_READONLY };
	size_t		 i, len;
	unsigned char	*after;

	for (i = 0; i < 2; i++) {
		ck_assert_int_eq(doc_open(&d, path, modes[i], err,
		    sizeof err), 0);
		j = journal_new(&d);
		ck_assert_ptr_nonnull(j);
		ck_assert_int_eq(journal_insert(j, 0, "x", 1, err,
		    sizeof err), -1);
		ck_assert_ptr_null(strchr(err, '\n'));
		ck_assert_msg(strstr(err, i == 0 ? "preview" : "read-only") !=
		    NULL, "%s", err);
		ck_assert_int_eq(journal_delete(j, 0, 1, err, sizeof err), -1);
		ck_assert_int_eq(journal_resize(j, 100, err, sizeof err), -1);
		ck_assert_uint_eq(doc_size(&d), 6);
		journal_free(j);
		doc_close(&d);
	}
	after = tu_slurp(path, &len);
	ck_assert_uint_eq(len, 6);
	ck_assert_mem_eq(after, "abcdef", 6);
	free(after);
	tu_remove(path);
}
END_TEST

/*
 * Block-aligned inserts and deletes go through fallocate where the file
 * system has it: nothing moves.  Elsewhere the test says it skipped.
 */
START_TEST(test_fallocate)
{
	struct rt	 t;
	unsigned char	*blk, *after;
	uint64_t	 bs, off;
	size_t		 len;

	rt_open(&t, 3 * 65536, 11, 0);
	t.d.no_shift = 0;
	bs = mapping_block_size(&t.d.map);
	blk = malloc(bs);
	ck_assert_ptr_nonnull(blk);
	memset(blk, 0xab, bs);
	ck_assert_msg(journal_insert(t.j, bs, blk, bs, t.err,
	    sizeof t.err) == 0, "%s", t.err);
	if (!t.d.shifted) {
		fprintf(stderr, "check_resize: SKIP fallocate test: this file "
		    "system cannot insert ranges\n");
		free(blk);
		rt_close(&t);
		return;
	}
	ck_assert_uint_eq(t.d.moved, 0);
	rm_push(&t.md, RM_INSERT, bs, bs, blk);
	rt_check(&t);
	ck_assert_int_eq(journal_delete(t.j, 0, bs, t.err, sizeof t.err), 0);
	ck_assert_int_eq(t.d.shifted, 1);
	ck_assert_uint_eq(t.d.moved, 0);
	rm_push(&t.md, RM_DELETE, 0, bs, NULL);
	rt_check(&t);
	ck_assert_int_eq(journal_undo(t.j, &off, t.err, sizeof t.err), 1);
	ck_assert_int_eq(journal_undo(t.j, &off, t.err, sizeof t.err), 1);
	after = tu_slurp(t.path, &len);
	ck_assert_uint_eq(len, 3 * 65536);
	rm_apply(&t.md, &t.md.steps[1], 0);
	rm_apply(&t.md, &t.md.steps[0], 0);
	ck_assert_mem_eq(after, t.md.cur, len);
	free(after);
	free(blk);
	rt_close(&t);
}
END_TEST

START_TEST(test_size_expr)
{
	static const struct {
		const char	*text;
		uint64_t	 want;
	} ok[] = {
		{ "4k", 4096 }, { "0x1000", 4096 }, { "+1M", 1000 + 1048576 },
		{ "-16", 984 }, { "1G", 1073741824 }, { " 7 ", 7 },
		{ "+0", 1000 }, { "-1000", 0 }, { "2K", 2048 },
		{ "1MiB", 1048576 }, { "+2kB", 1000 + 2048 },
	};
	static const char *bad[] = { "", "k", "lots", "-1001", "0x", "1.5M",
	    "99999999999T", "4kk", "4iB", "4B", "MiB" };
	char		err[128];
	uint64_t	v;
	size_t		i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		ck_assert_msg(offset_size(ok[i].text, 1000, &v, err,
		    sizeof err) == 0, "%s: %s", ok[i].text, err);
		ck_assert_msg(v == ok[i].want, "%s gave %llu", ok[i].text,
		    (unsigned long long)v);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_msg(offset_size(bad[i], 1000, &v, err, sizeof err) ==
		    -1, "%s was taken", bad[i]);
		ck_assert_ptr_null(strchr(err, '\n'));
	}
}
END_TEST

Suite *
resize_suite(void)
{
	Suite	*s = suite_create("resize");
	TCase	*tc = tcase_create("resize");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_model_resize, 0, 8);
	tcase_add_test(tc, test_cancel_middle);
	tcase_add_test(tc, test_discard_restores);
	tcase_add_test(tc, test_undo_all_size);
	tcase_add_test(tc, test_refused_modes);
	tcase_add_test(tc, test_fallocate);
	tcase_add_test(tc, test_size_expr);
	suite_add_tcase(s, tc);
	return (s);
}
