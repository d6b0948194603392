/*
 * check_journal.c: the edit layer against a model, and its fault cases.
 *
 * The model is two plain arrays, the current and the saved contents,
 * plus a list of undo steps holding whole before/after copies.  Random
 * writes, undos, redos, undo-alls, saves and discards run against both
 * the journal and the model; after every step the mapping, the file on
 * disk, the unsaved count and every byte's dirty flag must agree.  Some
 * runs cap the history, and the model lets go of as many of its oldest
 * steps as the journal says it did; some add amends (a typed byte's
 * second digit), reverts, replace-alls and a file that another program
 * grows (a remap, after which the edits are written again).  A
 * byte is unsaved exactly when its current value differs from its
 * value at the last save.  Risky cases (rlimits, permissions) rely on
 * Check's default fork mode.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journal.h"
#include "doc.h"
#include "suites.h"
#include "testutil.h"

#define PG	4096

/*
 * An assertion that costs nothing while it holds: each of Check's own
 * costs a write(2), which runs of 100,000 steps cannot afford.
 */
#define JT_ASSERT(c, ...)	do {					\
	if (!(c))							\
		ck_abort_msg(__VA_ARGS__);				\
} while (0)

struct model_step {
	uint64_t	 where;
	uint64_t	 off;
	size_t		 len;
	unsigned char	*before;
	unsigned char	*after;
	int		 all;		/* an undo-all */
	int		 amend;		/* journal_amend() may change it */
};

struct model {
	unsigned char		*cur;
	unsigned char		*saved;
	size_t			 size;
	struct model_step	*steps;
	size_t			 n;
	size_t			 pos;
	size_t			 saved_pos;
	int			 saved_known;
	uint64_t		 dropped;	/* steps the cap let go */
};

struct jt {
	char		*path;
	struct doc	 m;
	struct journal	*j;
	struct model	 md;
	uint64_t	 seed;
	int		 step;
	char		 err[512];
};

/* Drops the model's steps from n on, as the journal does. */
static void
model_cut(struct model *md, size_t n)
{
	while (md->n > n) {
		md->n--;
		free(md->steps[md->n].before);
		free(md->steps[md->n].after);
	}
	if (md->pos > n)
		md->pos = n;
	if (md->saved_pos > n)
		md->saved_known = 0;
}

/* Records a step and applies its after bytes to the model. */
static void
model_push(struct model *md, uint64_t where, uint64_t off, size_t len,
    const unsigned char *after)
{
	struct model_step	*s;

	model_cut(md, md->pos);
	md->steps = realloc(md->steps, (md->n + 1) * sizeof *md->steps);
	JT_ASSERT(md->steps != NULL, "out of memory");
	s = &md->steps[md->n++];
	md->pos = md->n;
	s->where = where;
	s->off = off;
	s->len = len;
	s->all = 0;
	s->amend = 0;
	s->before = malloc(len);
	s->after = malloc(len);
	JT_ASSERT(s->before != NULL && s->after != NULL, "out of memory");
	memcpy(s->before, md->cur + off, len);
	memcpy(s->after, after, len);
	memcpy(md->cur + off, after, len);
}

/* Lets go of the k oldest steps, as the journal's cap did. */
static void
model_drop(struct model *md, size_t k)
{
	size_t	i;

	if (k == 0)
		return;
	JT_ASSERT(k <= md->pos, "the cap let go of an undone step");
	for (i = 0; i < k; i++) {
		free(md->steps[i].before);
		free(md->steps[i].after);
	}
	memmove(md->steps, md->steps + k, (md->n - k) * sizeof *md->steps);
	md->n -= k;
	md->pos -= k;
	if (md->saved_pos < k)
		md->saved_known = 0;
	else
		md->saved_pos -= k;
	md->dropped += k;
}

/* Counts the bytes that differ, skipping equal blocks at memcmp's pace. */
static uint64_t
model_unsaved(const struct model *md)
{
	uint64_t	n = 0;
	size_t		i, k, len;

	for (i = 0; i < md->size; i += len) {
		len = md->size - i < 256 ? md->size - i : 256;
		if (memcmp(md->cur + i, md->saved + i, len) == 0)
			continue;
		for (k = i; k < i + len; k++)
			n += md->cur[k] != md->saved[k];
	}
	return (n);
}

static void
model_discard(struct model *md)
{
	memcpy(md->cur, md->saved, md->size);
	model_cut(md, md->saved_known ? md->saved_pos : 0);
	md->pos = md->n;
	md->saved_pos = md->pos;
	md->saved_known = 1;
}

static void
model_free(struct model *md)
{
	model_cut(md, 0);
	free(md->steps);
	free(md->cur);
	free(md->saved);
}

/* Opens a random file of size bytes in mode, with its model. */
static void
jt_open(struct jt *t, size_t size, enum mapping_mode mode, uint64_t seed)
{
	unsigned char	*data = malloc(size);
	size_t		 i;

	memset(t, 0, sizeof *t);
	t->seed = seed;
	ck_assert_ptr_nonnull(data);
	tu_random(data, size, &t->seed);
	for (i = 0; i < size; i++)
		data[i] &= 3;	/* few values, so writes often restore */
	t->path = tu_file(data, size);
	ck_assert_msg(doc_open(&t->m, t->path, mode, t->err,
	    sizeof t->err) == 0, "%s", t->err);
	ck_assert_int_eq(t->m.map.mode, mode);
	t->j = journal_new(&t->m);
	ck_assert_ptr_nonnull(t->j);
	/* Writes of 16 bytes and more lend their new bytes too. */
	journal_set_lend_min(t->j, 16);
	t->md.size = size;
	t->md.cur = data;
	t->md.saved = malloc(size);
	ck_assert_ptr_nonnull(t->md.saved);
	memcpy(t->md.saved, data, size);
	t->md.saved_known = 1;
}

static void
jt_close(struct jt *t)
{
	journal_free(t->j);
	doc_close(&t->m);
	model_free(&t->md);
	tu_remove(t->path);
}

/* Ranges are sorted, never touch, lie in the file and hold a dirty byte. */
static void
jt_check_ranges(struct jt *t)
{
	uint64_t	off, len, prev_end = 0, k;
	size_t		i;
	int		any;

	for (i = 0; i < journal_nranges(t->j); i++) {
		ck_assert_int_eq(journal_range(t->j, i, &off, &len), 0);
		ck_assert_msg(len > 0 && off + len <= t->md.size,
		    "step %d: range %zu out of the file", t->step, i);
		ck_assert_msg(i == 0 || off > prev_end,
		    "step %d: ranges %zu and %zu touch", t->step, i - 1, i);
		for (any = 0, k = off; k < off + len; k++)
			any |= journal_is_dirty(t->j, k);
		ck_assert_msg(any, "step %d: range %zu is clean", t->step, i);
		prev_end = off + len;
	}
	ck_assert_int_eq(journal_range(t->j, i, &off, &len), -1);
}

/* The mapping, the file, the count and the dirty flags match the model. */
static void
jt_check(struct jt *t)
{
	struct model	*md = &t->md;
	unsigned char	*buf = malloc(md->size), *disk;
	size_t		 i, len;

	ck_assert_ptr_nonnull(buf);
	ck_assert_int_eq(doc_read(&t->m, 0, buf, md->size), 0);
	ck_assert_msg(memcmp(buf, md->cur, md->size) == 0,
	    "step %d: mapping differs from the model", t->step);
	ck_assert_msg(journal_unsaved(t->j) == model_unsaved(md),
	    "step %d: unsaved %llu, model %llu", t->step,
	    (unsigned long long)journal_unsaved(t->j),
	    (unsigned long long)model_unsaved(md));
	/* One assertion, not one a byte: each costs Check a write(2). */
	for (i = 0; i < md->size; i++)
		if (journal_is_dirty(t->j, i) != (md->cur[i] != md->saved[i]))
			break;
	ck_assert_msg(i == md->size, "step %d: dirty flag of %zu", t->step, i);
	ck_assert_int_eq(journal_is_dirty(t->j, md->size), 0);
	ck_assert_int_eq(journal_can_undo(t->j), md->pos > 0);
	ck_assert_int_eq(journal_can_redo(t->j), md->pos < md->n);
	jt_check_ranges(t);
	disk = tu_slurp(t->path, &len);
	ck_assert_uint_eq(len, md->size);
	ck_assert_msg(memcmp(disk, t->m.map.mode == MAPPING_DIRECT ? md->cur :
	    md->saved, md->size) == 0, "step %d: file on disk is wrong",
	    t->step);
	free(disk);
	free(buf);
}

/* Picks an offset: anywhere, at a page edge, or at the very end. */
static uint64_t
jt_offset(struct jt *t)
{
	uint64_t	r = tu_rand(&t->seed), size = t->md.size;
	uint64_t	edge;

	switch (r % 4) {
	case 0:
	case 1:
		return ((r >> 8) % size);
	case 2:
		edge = PG * (1 + (r >> 8) % (size / PG));
		edge = edge - 4 + (r >> 20) % 8;
		return (edge < size ? edge : size - 1);
	default:
		return (size - 1 - (r >> 8) % 6);
	}
}

/* Makes len bytes for off: random, the saved bytes, or a mix. */
static void
jt_bytes(struct jt *t, uint64_t off, unsigned char *buf, size_t len)
{
	uint64_t	r = tu_rand(&t->seed);
	size_t		i;

	tu_random(buf, len, &t->seed);
	for (i = 0; i < len; i++) {
		if (r % 3 == 0 || (r % 3 == 1 && (buf[i] & 0x80)))
			buf[i] = t->md.saved[off + i];
		else if ((r >> 4) % 2 == 0)
			buf[i] &= 3;
	}
}

static void
jt_op_write(struct jt *t)
{
	uint64_t	 off = jt_offset(t), r = tu_rand(&t->seed);
	size_t		 len, max = t->md.size - off, plen, k;
	unsigned char	*buf;

	if (r % 10 < 7)
		len = 1 + (r >> 8) % 4;
	else if (r % 10 < 9)
		len = 1 + (r >> 8) % 64;
	else
		len = 1 + (r >> 8) % 5000;
	if (len > max)
		len = max;
	buf = malloc(len);
	JT_ASSERT(buf != NULL, "out of memory");
	jt_bytes(t, off, buf, len);
	if ((r >> 40) % 8 == 0) {
		plen = 1 + (r >> 44) % 3;
		plen = plen < len ? plen : len;
		for (k = plen; k < len; k++)
			buf[k] = buf[k % plen];
		JT_ASSERT(journal_fill(t->j, off, len, buf, plen, t->err,
		    sizeof t->err) == 0, "%s", t->err);
		model_push(&t->md, off, off, len, buf);
	} else {
		JT_ASSERT(journal_write(t->j, off, buf, len, t->err,
		    sizeof t->err) == 0, "%s", t->err);
		model_push(&t->md, off, off, len, buf);
		t->md.steps[t->md.n - 1].amend = 1;
	}
	free(buf);
}

/*
 * Changes the bytes of the last step, as a typed byte's second digit
 * does, when the journal allows it; else writes.
 */
static void
jt_op_amend(struct jt *t)
{
	struct model		*md = &t->md;
	struct model_step	*s = md->n > 0 ? &md->steps[md->n - 1] : NULL;
	unsigned char		*buf;

	if (s == NULL || md->pos != md->n || !s->amend ||
	    (md->saved_known && md->saved_pos == md->pos)) {
		jt_op_write(t);
		return;
	}
	JT_ASSERT((buf = malloc(s->len)) != NULL, "out of memory");
	jt_bytes(t, s->off, buf, s->len);
	JT_ASSERT(journal_amend(t->j, s->off, buf, s->len, t->err,
	    sizeof t->err) == 0, "%s", t->err);
	memcpy(s->after, buf, s->len);
	memcpy(md->cur + s->off, buf, s->len);
	free(buf);
}

/* Puts the saved bytes back into a span (Esc-Ctrl-H). */
static void
jt_op_revert(struct jt *t)
{
	uint64_t	off = jt_offset(t), r = tu_rand(&t->seed);
	size_t		len = 1 + r % 64;

	if (len > t->md.size - off)
		len = t->md.size - off;
	JT_ASSERT(journal_revert(t->j, off, len, t->err,
	    sizeof t->err) == 0, "%s", t->err);
	model_push(&t->md, off, off, len, t->md.saved + off);
	t->md.steps[t->md.n - 1].amend = 1;
}

/* Writes the same bytes at a few offsets as one step (replace-all). */
static void
jt_op_write_at(struct jt *t)
{
	struct model	*md = &t->md;
	uint64_t	 r = tu_rand(&t->seed), off[6], at;
	size_t		 n = 1 + r % 6, len = 1 + (r >> 8) % 8, i, k = 0;
	unsigned char	 buf[8], *after;

	at = (r >> 16) % md->size;
	for (i = 0; i < n && at + len <= md->size; i++) {
		off[k++] = at;
		at += len + (r >> (20 + 4 * i)) % 16;
	}
	if (k == 0) {
		jt_op_write(t);
		return;
	}
	jt_bytes(t, off[0], buf, len);
	JT_ASSERT(journal_write_at(t->j, off, k, buf, len, t->err,
	    sizeof t->err) == 0, "%s", t->err);
	at = off[k - 1] + len - off[0];
	JT_ASSERT((after = malloc(at)) != NULL, "out of memory");
	memcpy(after, md->cur + off[0], at);
	for (i = 0; i < k; i++)
		memcpy(after + (off[i] - off[0]), buf, len);
	model_push(md, off[0], off[0], at, after);
	md->steps[md->n - 1].amend = k == 1;
	free(after);
}

/*
 * Another program appends to the file: the mapping is made again and
 * the journal writes its edits into it again (a preview's private pages
 * went with the old mapping).  The new bytes are saved ones.
 */
static void
jt_op_grow(struct jt *t)
{
	struct model	*md = &t->md;
	uint64_t	 lost = 1;
	size_t		 k = 1 + tu_rand(&t->seed) % 300;
	unsigned char	*more;
	int		 fd;

	ck_assert_ptr_nonnull(more = malloc(k));
	tu_random(more, k, &t->seed);
	ck_assert_int_ge(fd = open(t->path, O_WRONLY | O_APPEND), 0);
	ck_assert_int_eq(write(fd, more, k), (ssize_t)k);
	ck_assert_int_eq(close(fd), 0);
	ck_assert_int_eq(doc_refresh(&t->m, t->err, sizeof t->err), 1);
	ck_assert_msg(journal_reapply(t->j, &lost, t->err,
	    sizeof t->err) == 0, "%s", t->err);
	ck_assert_uint_eq(lost, 0);
	ck_assert_ptr_nonnull(md->cur = realloc(md->cur, md->size + k));
	ck_assert_ptr_nonnull(md->saved = realloc(md->saved, md->size + k));
	memcpy(md->cur + md->size, more, k);
	memcpy(md->saved + md->size, more, k);
	md->size += k;
	free(more);
}

static void
jt_op_undo(struct jt *t, int redo)
{
	struct model		*md = &t->md;
	struct model_step	*s;
	uint64_t		 off = UINT64_MAX;
	int			 rc;

	if (redo)
		rc = journal_redo(t->j, &off, t->err, sizeof t->err);
	else
		rc = journal_undo(t->j, &off, t->err, sizeof t->err);
	if (redo && md->pos == md->n && md->pos > 0 &&
	    md->steps[md->pos - 1].all) {
		/* Redo right after an undo-all takes it back and drops it. */
		JT_ASSERT(rc == 1, "step %d: %s", t->step, t->err);
		s = &md->steps[--md->pos];
		memcpy(md->cur + s->off, s->before, s->len);
		JT_ASSERT(off == s->where, "step %d: at %llu", t->step,
		    (unsigned long long)off);
		model_cut(md, md->pos);
		return;
	}
	if (redo ? md->pos == md->n : md->pos == 0) {
		JT_ASSERT(rc == 0, "step %d: nothing to undo or redo", t->step);
		return;
	}
	JT_ASSERT(rc == 1, "step %d: %s", t->step, t->err);
	s = &md->steps[redo ? md->pos++ : --md->pos];
	memcpy(md->cur + s->off, redo ? s->after : s->before, s->len);
	JT_ASSERT(off == s->where, "step %d: at %llu", t->step,
	    (unsigned long long)off);
}

static void
jt_op_undo_all(struct jt *t)
{
	struct model	*md = &t->md;
	uint64_t	 off = UINT64_MAX, first;
	int		 rc;

	rc = journal_undo_all(t->j, &off, t->err, sizeof t->err);
	for (first = 0; first < md->size; first++)
		if (md->cur[first] != md->saved[first])
			break;
	if (first == md->size) {
		JT_ASSERT(rc == 0, "step %d: nothing was unsaved", t->step);
		return;
	}
	JT_ASSERT(rc == 1, "step %d: %s", t->step, t->err);
	JT_ASSERT(off == first, "step %d: at %llu", t->step,
	    (unsigned long long)off);
	model_push(md, first, 0, md->size, md->saved);
	md->steps[md->n - 1].all = 1;
}

static void
jt_op_save(struct jt *t)
{
	ck_assert_msg(journal_save(t->j, t->err, sizeof t->err) == 0, "%s",
	    t->err);
	memcpy(t->md.saved, t->md.cur, t->md.size);
	t->md.saved_pos = t->md.pos;
	t->md.saved_known = 1;
	ck_assert_uint_eq(journal_unsaved(t->j), 0);
	ck_assert_uint_eq(journal_nranges(t->j), 0);
}

static void
jt_op_discard(struct jt *t)
{
	ck_assert_msg(journal_discard(t->j, t->err, sizeof t->err) == 0,
	    "%s", t->err);
	model_discard(&t->md);
}

/* Checks what is cheap to check: the mapping, the unsaved count. */
static void
jt_check_fast(struct jt *t)
{
	struct model	*md = &t->md;
	const void	*map = doc_span(&t->m, 0, md->size);

	JT_ASSERT(map != NULL && memcmp(map, md->cur, md->size) == 0,
	    "step %d: mapping differs from the model", t->step);
	JT_ASSERT(journal_unsaved(t->j) == model_unsaved(md),
	    "step %d: unsaved %llu, model %llu", t->step,
	    (unsigned long long)journal_unsaved(t->j),
	    (unsigned long long)model_unsaved(md));
	JT_ASSERT(journal_can_undo(t->j) == (md->pos > 0) &&
	    journal_can_redo(t->j) == (md->pos < md->n),
	    "step %d: can undo or redo differs", t->step);
}

/*
 * Runs nsteps random operations with the history capped at cap bytes
 * (0: the default), checking the model after each, wholly after every
 * every-th.  Long runs (every > 1) save and discard less often: each
 * syncs the file.
 */
static void
jt_random(enum mapping_mode mode, size_t size, int nsteps, uint64_t seed,
    uint64_t cap, int every)
{
	struct jt	t;
	uint64_t	r;

	jt_open(&t, size, mode, seed);
	if (cap > 0)
		journal_set_history_max(t.j, cap);
	for (t.step = 0; t.step < nsteps; t.step++) {
		r = tu_rand(&t.seed) % 100;
		if (r < 40 || (r >= 97 && t.md.size >= 2 * size))
			jt_op_write(&t);
		else if (r < 46)
			jt_op_amend(&t);
		else if (r < 49)
			jt_op_revert(&t);
		else if (r < 52)
			jt_op_write_at(&t);
		else if (r >= 97)
			jt_op_grow(&t);
		else if (r < 66)
			jt_op_undo(&t, 0);
		else if (r < 78)
			jt_op_undo(&t, 1);
		else if (r < 81)
			jt_op_undo_all(&t);
		else if (every > 1 && tu_rand(&t.seed) % 16 != 0)
			jt_op_write(&t);	/* a sync costs the disk */
		else if (r < 92)
			jt_op_save(&t);
		else
			jt_op_discard(&t);
		model_drop(&t.md, journal_take_dropped(t.j));
		if (t.step % every == 0 || t.step == nsteps - 1)
			jt_check(&t);
		else
			jt_check_fast(&t);
	}
	if (cap > 0)
		ck_assert_uint_gt(t.md.dropped, 0);
	jt_close(&t);
}

START_TEST(test_model_direct)
{
	jt_random(MAPPING_DIRECT, 2 * PG + 77, 4000, 0x9e3779b97f4a7c15ULL,
	    0, 1);
	jt_random(MAPPING_DIRECT, PG, 800, 0x1234567ULL, 0, 1);
}
END_TEST

START_TEST(test_model_preview)
{
	jt_random(MAPPING_PREVIEW, 2 * PG + 77, 4000, 0xdeadbeefcafeULL, 0,
	    1);
	jt_random(MAPPING_PREVIEW, 3 * PG, 800, 0x7654321ULL, 0, 1);
}
END_TEST

/*
 * A small cap: the oldest steps go all the time, and discard and
 * undo-all still put back the saved bytes of changes whose steps went.
 */
START_TEST(test_model_capped)
{
	jt_random(MAPPING_DIRECT, 2 * PG + 77, 4000, 0x51ed270b2f3aULL,
	    8 << 10, 1);
	jt_random(MAPPING_PREVIEW, 2 * PG + 77, 4000, 0x2545f4914f6cULL,
	    8 << 10, 1);
}
END_TEST

/* 100,000 operations each, checked wholly every 200th. */
START_TEST(test_model_long)
{
	jt_random(MAPPING_PREVIEW, PG + 13, 100000, 0x6a09e667f3bcc908ULL,
	    32 << 10, 200);
	jt_random(MAPPING_DIRECT, PG + 13, 100000, 0xbb67ae8584caa73bULL,
	    32 << 10, 200);
}
END_TEST

/* Fills len bytes at off with v and asserts the number of ranges. */
static void
jt_put(struct jt *t, uint64_t off, size_t len, unsigned char v,
    size_t nranges)
{
	unsigned char	*buf = malloc(len);

	ck_assert_ptr_nonnull(buf);
	memset(buf, v, len);
	ck_assert_msg(journal_fill(t->j, off, len, &v, 1, t->err,
	    sizeof t->err) == 0, "%s", t->err);
	ck_assert_uint_eq(journal_nranges(t->j), nranges);
	model_push(&t->md, off, off, len, buf);
	free(buf);
}

static void
jt_range_is(struct jt *t, size_t i, uint64_t off, uint64_t len)
{
	uint64_t	o, l;

	ck_assert_int_eq(journal_range(t->j, i, &o, &l), 0);
	ck_assert_uint_eq(o, off);
	ck_assert_uint_eq(l, len);
}

START_TEST(test_coalesce)
{
	struct jt	t;
	uint64_t	off;
	int		i;

	jt_open(&t, 3 * PG, MAPPING_PREVIEW, 42);
	jt_put(&t, PG - 1, 1, 0xf0, 1);		/* last byte of page 0 */
	jt_put(&t, PG, 1, 0xf1, 1);		/* first of page 1: merged */
	jt_range_is(&t, 0, PG - 1, 2);
	jt_put(&t, PG - 3, 1, 0xf2, 2);		/* a gap of one byte */
	jt_put(&t, PG - 2, 1, 0xf3, 1);		/* fills it */
	jt_range_is(&t, 0, PG - 3, 4);
	jt_put(&t, 2 * PG - 5, 10, 0xf4, 2);	/* across the next edge */
	jt_range_is(&t, 1, 2 * PG - 5, 10);
	jt_put(&t, 2 * PG, 20, 0xf5, 2);	/* overlaps its end */
	jt_range_is(&t, 1, 2 * PG - 5, 25);
	jt_put(&t, PG, PG - 5, 0xf6, 1);	/* bridges both */
	jt_range_is(&t, 0, PG - 3, PG + 23);
	for (i = 0; i < 1000; i++)		/* typing forward */
		jt_put(&t, 100 + i, 1, 0xe0, 2);
	jt_range_is(&t, 0, 100, 1000);
	for (i = 0; i < 50; i++)		/* and backward */
		jt_put(&t, 99 - i, 1, 0xe1, 2);
	jt_range_is(&t, 0, 50, 1050);
	ck_assert_uint_eq(journal_unsaved(t.j), 1050 + PG + 23);
	jt_put(&t, 3 * PG - 1, 1, 0xe2, 3);	/* the very last byte */
	jt_range_is(&t, 2, 3 * PG - 1, 1);
	ck_assert_int_eq(journal_undo_all(t.j, &off, t.err,
	    sizeof t.err), 1);
	ck_assert_uint_eq(off, 50);
	ck_assert_uint_eq(journal_nranges(t.j), 0);
	ck_assert_uint_eq(journal_unsaved(t.j), 0);
	jt_close(&t);
}
END_TEST

START_TEST(test_clean_again)
{
	struct jt	 t;
	unsigned char	 b, orig;
	uint64_t	 off;

	jt_open(&t, PG, MAPPING_DIRECT, 7);
	orig = t.md.saved[10];
	b = orig ^ 0xff;
	ck_assert_int_eq(journal_write(t.j, 10, &orig, 1, t.err,
	    sizeof t.err), 0);			/* same value: stays clean */
	ck_assert_uint_eq(journal_nranges(t.j), 0);
	ck_assert_int_eq(journal_can_undo(t.j), 1);
	ck_assert_int_eq(journal_write(t.j, 10, &b, 1, t.err,
	    sizeof t.err), 0);
	ck_assert_int_eq(journal_is_dirty(t.j, 10), 1);
	ck_assert_int_eq(journal_write(t.j, 10, &orig, 1, t.err,
	    sizeof t.err), 0);			/* typed back: clean */
	ck_assert_int_eq(journal_is_dirty(t.j, 10), 0);
	ck_assert_uint_eq(journal_unsaved(t.j), 0);
	ck_assert_uint_eq(journal_nranges(t.j), 0);
	ck_assert_int_eq(journal_undo(t.j, &off, t.err, sizeof t.err), 1);
	ck_assert_uint_eq(off, 10);
	ck_assert_int_eq(journal_is_dirty(t.j, 10), 1);
	jt_close(&t);
}
END_TEST

START_TEST(test_undo_across_save)
{
	struct jt	 t;
	unsigned char	 a = 0xaa, b = 0xbb, orig, *disk;
	uint64_t	 off;
	size_t		 len;

	jt_open(&t, PG, MAPPING_PREVIEW, 9);
	orig = t.md.saved[5];
	ck_assert_int_eq(journal_write(t.j, 5, &a, 1, t.err, sizeof t.err), 0);
	ck_assert_int_eq(journal_save(t.j, t.err, sizeof t.err), 0);
	ck_assert_uint_eq(journal_unsaved(t.j), 0);
	ck_assert_int_eq(journal_undo(t.j, &off, t.err, sizeof t.err), 1);
	ck_assert_uint_eq(off, 5);
	ck_assert_uint_eq(journal_unsaved(t.j), 1);	/* a new change */
	ck_assert_int_eq(journal_is_dirty(t.j, 5), 1);
	ck_assert_int_eq(journal_can_redo(t.j), 1);
	ck_assert_int_eq(journal_write(t.j, 6, &b, 1, t.err, sizeof t.err), 0);
	ck_assert_int_eq(journal_can_redo(t.j), 0);	/* redo list gone */
	ck_assert_int_eq(journal_undo_all(t.j, &off, t.err, sizeof t.err), 1);
	ck_assert_uint_eq(off, 5);
	disk = tu_slurp(t.path, &len);
	ck_assert_int_eq(disk[5], a);		/* what was saved */
	free(disk);
	ck_assert_int_eq(doc_read(&t.m, 5, &b, 1), 0);
	ck_assert_int_eq(b, a);
	ck_assert_int_eq(journal_undo(t.j, &off, t.err, sizeof t.err), 1);
	ck_assert_int_eq(journal_undo(t.j, &off, t.err, sizeof t.err), 1);
	ck_assert_int_eq(journal_save(t.j, t.err, sizeof t.err), 0);
	disk = tu_slurp(t.path, &len);
	ck_assert_int_eq(disk[5], orig);
	free(disk);
	jt_close(&t);
}
END_TEST

START_TEST(test_discard_direct)
{
	struct jt	 t;
	unsigned char	*disk, *orig;
	size_t		 len;

	jt_open(&t, 3 * PG, MAPPING_DIRECT, 11);
	orig = malloc(t.md.size);
	ck_assert_ptr_nonnull(orig);
	memcpy(orig, t.md.saved, t.md.size);
	jt_put(&t, PG - 2, 4, 0x55, 1);
	jt_put(&t, 2 * PG + 9, 1, 0x66, 2);
	disk = tu_slurp(t.path, &len);
	ck_assert_int_eq(disk[PG], 0x55);	/* direct: in the file at once */
	free(disk);
	ck_assert_int_eq(journal_discard(t.j, t.err, sizeof t.err), 0);
	disk = tu_slurp(t.path, &len);
	ck_assert(memcmp(disk, orig, len) == 0);
	free(disk);
	ck_assert_uint_eq(journal_unsaved(t.j), 0);
	ck_assert_int_eq(journal_can_undo(t.j), 0);
	free(orig);
	jt_close(&t);
}
END_TEST

START_TEST(test_readonly)
{
	struct jt	 t;
	unsigned char	 b = 0x99, *before, *after;
	uint64_t	 off;
	size_t		 len;

	jt_open(&t, PG, MAPPING_READONLY, 13);
	before = tu_slurp(t.path, &len);
	ck_assert_int_eq(journal_write(t.j, 3, &b, 1, t.err, sizeof t.err),
	    -1);
	ck_assert_msg(strncmp(t.err, "read-only: ", 11) == 0, "%s", t.err);
	ck_assert_int_eq(journal_fill(t.j, 0, 10, (const unsigned char *)"",
	    1, t.err, sizeof t.err), -1);
	ck_assert_uint_eq(journal_unsaved(t.j), 0);
	ck_assert_int_eq(journal_can_undo(t.j), 0);
	ck_assert_int_eq(journal_undo(t.j, &off, t.err, sizeof t.err), 0);
	ck_assert_int_eq(journal_undo_all(t.j, &off, t.err, sizeof t.err), 0);
	ck_assert_int_eq(journal_save(t.j, t.err, sizeof t.err), 0);
	ck_assert_int_eq(journal_discard(t.j, t.err, sizeof t.err), 0);
	jt_check(&t);
	after = tu_slurp(t.path, &len);
	ck_assert(memcmp(before, after, len) == 0);
	free(before);
	free(after);
	jt_close(&t);
}
END_TEST

START_TEST(test_out_of_range)
{
	struct jt	t;
	unsigned char	b[2] = { 1, 2 };

	jt_open(&t, PG, MAPPING_DIRECT, 17);
	ck_assert_int_eq(journal_write(t.j, PG - 1, b, 2, t.err,
	    sizeof t.err), -1);
	ck_assert_int_eq(journal_write(t.j, PG, b, 1, t.err, sizeof t.err),
	    -1);
	ck_assert_int_eq(journal_write(t.j, UINT64_MAX, b, 2, t.err,
	    sizeof t.err), -1);
	ck_assert_ptr_nonnull(strstr(t.err, t.path));
	ck_assert_int_eq(journal_write(t.j, 0, b, 0, t.err, sizeof t.err), 0);
	ck_assert_int_eq(journal_can_undo(t.j), 0);
	jt_check(&t);
	jt_close(&t);
}
END_TEST

/* Saving past `ulimit -f` fails with EFBIG, keeps all, and can retry. */
START_TEST(test_save_efbig)
{
	struct jt	 t;
	struct rlimit	 rl, low;
	unsigned char	*disk;
	size_t		 len;
	int		 rc;

	jt_open(&t, 16 * PG, MAPPING_PREVIEW, 19);
	jt_put(&t, 100, 1, 0xa1, 1);
	jt_put(&t, 10 * PG + 1, 3, 0xa2, 2);
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &rl), 0);
	low = rl;
	low.rlim_cur = 4 * PG;
	/*
	 * Check itself writes results to a file, so the limit is lifted
	 * before the next assertion.  No signal(SIGXFSZ, SIG_IGN) here:
	 * journal_save() must do that itself.
	 */
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &low), 0);
	rc = journal_save(t.j, t.err, sizeof t.err);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
	ck_assert_int_eq(rc, -1);
	ck_assert_msg(strstr(t.err, t.path) != NULL &&
	    strstr(t.err, strerror(EFBIG)) != NULL, "%s", t.err);
	ck_assert_uint_eq(journal_unsaved(t.j), 4);
	ck_assert_int_eq(journal_is_dirty(t.j, 10 * PG + 3), 1);
	jt_check(&t);				/* file untouched, edits kept */
	ck_assert_msg(journal_save(t.j, t.err, sizeof t.err) == 0, "%s",
	    t.err);
	memcpy(t.md.saved, t.md.cur, t.md.size);
	jt_check(&t);
	disk = tu_slurp(t.path, &len);
	ck_assert_int_eq(disk[10 * PG + 3], 0xa2);
	free(disk);
	jt_close(&t);
}
END_TEST

/*
 * Makes m a preview that cannot save.  Root opens a 0444 file O_RDWR
 * anyway, so then the descriptor is swapped for a read-only one and the
 * mapping told, as doc_open() does for everyone else.
 */
static void
jt_force_readonly_fd(struct mapping *m)
{
	int	fd;

	if (!m->writable)
		return;
	fd = open(m->path, O_RDONLY | O_CLOEXEC);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(dup2(fd, m->fd), m->fd);
	close(fd);
	m->writable = 0;
	snprintf(m->note, sizeof m->note, "opened read-only: %s",
	    strerror(EACCES));
}

START_TEST(test_preview_unwritable)
{
	struct jt	 t;
	unsigned char	*disk;
	uint64_t	 off;
	size_t		 len;

	jt_open(&t, 2 * PG, MAPPING_PREVIEW, 23);
	journal_free(t.j);
	doc_close(&t.m);
	ck_assert_int_eq(chmod(t.path, 0444), 0);
	ck_assert_int_eq(doc_open(&t.m, t.path, MAPPING_PREVIEW, t.err,
	    sizeof t.err), 0);
	ck_assert_int_eq(t.m.map.mode, MAPPING_PREVIEW);
	if (geteuid() != 0)
		ck_assert_int_eq(t.m.map.writable, 0);
	jt_force_readonly_fd(&t.m.map);
	t.j = journal_new(&t.m);
	ck_assert_ptr_nonnull(t.j);
	jt_put(&t, PG - 1, 2, 0x77, 1);
	ck_assert_int_eq(journal_save(t.j, t.err, sizeof t.err), -1);
	ck_assert_msg(strstr(t.err, t.path) != NULL &&
	    strstr(t.err, "read-only") != NULL, "%s", t.err);
	ck_assert_uint_eq(journal_unsaved(t.j), 2);
	jt_check(&t);			/* edits kept, file untouched */
	disk = tu_slurp(t.path, &len);
	ck_assert(memcmp(disk, t.md.saved, len) == 0);
	free(disk);
	ck_assert_int_eq(journal_undo(t.j, &off, t.err, sizeof t.err), 1);
	ck_assert_uint_eq(journal_unsaved(t.j), 0);
	jt_close(&t);
}
END_TEST

/* Checks the file after a save that followed the truncation. */
static void
jt_truncate_disk(struct jt *t, uint64_t size)
{
	unsigned char	*disk, b;
	size_t		 len, i;

	disk = tu_slurp(t->path, &len);
	ck_assert_uint_eq(len, size - 4);	/* grown back to the edit */
	ck_assert(memcmp(disk, t->md.saved, 100) == 0);
	ck_assert_int_eq(disk[100], 0xc1);
	ck_assert(memcmp(disk + 101, t->md.saved + 101, PG - 103) == 0);
	for (i = PG - 2; i < len; i++) {
		b = i < PG + 2 ? 0xc4 : i >= 5000 && i < 5002 ? 0xc2 :
		    i >= size - 8 ? 0xc3 : 0;
		ck_assert_msg(disk[i] == b, "byte %zu", i);
	}
	free(disk);
}

/*
 * Another process truncates the file under the editor.  Until the
 * mapping is redone, touching the lost pages fails cleanly; after it,
 * edits inside the mapping are put back, those past the end are
 * counted as lost from the mapping yet kept (and can be undone and
 * redone), and a save writes them all, growing the file again.
 */
static void
jt_truncate(enum mapping_mode mode)
{
	struct jt	 t;
	unsigned char	 b = 0;
	uint64_t	 lost, size = 3 * PG + 100, off;

	jt_open(&t, (size_t)size, mode, 29);
	jt_put(&t, 100, 1, 0xc1, 1);
	jt_put(&t, PG - 2, 4, 0xc4, 2);		/* straddles the new end */
	jt_put(&t, 5000, 2, 0xc2, 3);
	jt_put(&t, size - 8, 4, 0xc3, 4);
	ck_assert_int_eq(truncate(t.path, PG), 0);
	ck_assert_int_eq(journal_write(t.j, 5000, &b, 1, t.err,
	    sizeof t.err), -1);			/* SIGBUS, caught */
	ck_assert_int_eq(journal_undo(t.j, &off, t.err, sizeof t.err), -1);
	ck_assert_int_eq(journal_can_undo(t.j), 1);
	ck_assert_uint_eq(journal_unsaved(t.j), 11);
	ck_assert_int_eq(doc_refresh(&t.m, t.err, sizeof t.err), 1);
	ck_assert_int_eq(journal_reapply(t.j, &lost, t.err, sizeof t.err), 0);
	ck_assert_uint_eq(lost, 2 + 2 + 4);
	ck_assert_uint_eq(journal_unsaved(t.j), 11);
	ck_assert_int_eq(doc_read(&t.m, 100, &b, 1), 0);
	ck_assert_int_eq(b, 0xc1);
	ck_assert_int_eq(doc_read(&t.m, PG - 1, &b, 1), 0);
	ck_assert_int_eq(b, 0xc4);
	ck_assert_int_eq(journal_is_dirty(t.j, size - 5), 1);
	ck_assert_int_eq(journal_undo(t.j, &off, t.err, sizeof t.err), 1);
	ck_assert_uint_eq(off, size - 8);
	ck_assert_uint_eq(journal_unsaved(t.j), 7);
	ck_assert_int_eq(journal_redo(t.j, &off, t.err, sizeof t.err), 1);
	ck_assert_uint_eq(journal_unsaved(t.j), 11);
	ck_assert_msg(journal_save(t.j, t.err, sizeof t.err) == 0, "%s",
	    t.err);
	ck_assert_uint_eq(journal_unsaved(t.j), 0);
	jt_truncate_disk(&t, size);
	ck_assert_int_eq(doc_refresh(&t.m, t.err, sizeof t.err), 1);
	ck_assert_int_eq(journal_reapply(t.j, &lost, t.err, sizeof t.err), 0);
	ck_assert_uint_eq(lost, 0);
	ck_assert_int_eq(doc_read(&t.m, 5001, &b, 1), 0);
	ck_assert_int_eq(b, 0xc2);
	ck_assert_int_eq(journal_undo(t.j, &off, t.err, sizeof t.err), 1);
	ck_assert_uint_eq(off, size - 8);
	ck_assert_uint_eq(journal_unsaved(t.j), 4);
	jt_close(&t);
}

START_TEST(test_truncate_preview)
{
	jt_truncate(MAPPING_PREVIEW);
}
END_TEST

START_TEST(test_truncate_direct)
{
	jt_truncate(MAPPING_DIRECT);
}
END_TEST

/* A one-byte edit of a 1 GiB sparse file: one range, one byte saved. */
START_TEST(test_big_sparse)
{
	static const enum mapping_mode	 modes[] = {
		MAPPING_DIRECT, MAPPING_PREVIEW
	};
	struct doc	 m;
	struct journal	*j;
	char		 err[512], *path;
	unsigned char	 b = 0x42;
	uint64_t	 size = (uint64_t)1 << 30, off = size / 2 + 1;
	struct stat	 st;
	size_t		 i;
	int		 fd;

	for (i = 0; i < 2; i++) {
		path = tu_sparse(size);
		ck_assert_int_eq(doc_open(&m, path, modes[i], err,
		    sizeof err), 0);
		ck_assert_ptr_nonnull(j = journal_new(&m));
		ck_assert_int_eq(journal_write(j, off, &b, 1, err, sizeof err),
		    0);
		ck_assert_uint_eq(journal_unsaved(j), 1);
		ck_assert_int_eq(journal_save(j, err, sizeof err), 0);
		fd = open(path, O_RDONLY);
		ck_assert_int_eq(pread(fd, &b, 1, (off_t)off), 1);
		ck_assert_int_eq(b, 0x42);
		ck_assert_int_eq(fstat(fd, &st), 0);
		ck_assert_int_le(st.st_blocks, 64);	/* still sparse */
		close(fd);
		journal_free(j);
		doc_close(&m);
		tu_remove(path);
	}
}
END_TEST

/*
 * A fill of three pieces and a bit, with a three-byte pattern that does
 * not divide a piece: every byte is the pattern's, undo restores them
 * all, redo puts the pattern back, and the history holds the old bytes
 * but not the new ones.
 */
START_TEST(test_fill_pattern)
{
	struct doc	 m;
	struct journal	*j;
	char		 err[512], *path;
	unsigned char	*was, *want;
	size_t		 size = (3u << 20) + 4096, off = 5, len = size - 11, k;
	uint64_t	 at;

	/* One assertion a buffer: Check's per-assertion cost is high. */
	ck_assert_ptr_nonnull(was = malloc(size));
	ck_assert_ptr_nonnull(want = malloc(size));
	for (k = 0; k < size; k++) {
		was[k] = (unsigned char)(k * 7 + k / 251);
		want[k] = k < off || k >= off + len ? was[k] :
		    (unsigned char)"abc"[(k - off) % 3];
	}
	path = tu_file(was, size);
	ck_assert_int_eq(doc_open(&m, path, MAPPING_PREVIEW, err, sizeof err),
	    0);
	ck_assert_ptr_nonnull(j = journal_new(&m));
	ck_assert_msg(journal_fill(j, off, len, (const unsigned char *)"abc",
	    3, err, sizeof err) == 0, "%s", err);
	ck_assert_ptr_nonnull(doc_span(&m, 0, size));
	ck_assert_int_eq(memcmp(doc_span(&m, 0, size), want, size), 0);
	ck_assert_uint_lt(journal_history(j), len + 4096);
	ck_assert_int_eq(journal_undo(j, &at, err, sizeof err), 1);
	ck_assert_uint_eq(at, off);
	ck_assert_int_eq(memcmp(doc_span(&m, 0, size), was, size), 0);
	ck_assert_uint_eq(journal_unsaved(j), 0);
	ck_assert_int_eq(journal_redo(j, &at, err, sizeof err), 1);
	ck_assert_int_eq(memcmp(doc_span(&m, 0, size), want, size), 0);
	ck_assert_int_eq(journal_fill(j, 0, 1, (const unsigned char *)"", 0,
	    err, sizeof err), -1);
	journal_free(j);
	doc_close(&m);
	tu_remove(path);
	free(was);
	free(want);
}
END_TEST

/*
 * A change of bytes that had no unsaved change keeps no copy of them in
 * its step (the dirty set has them as saved bytes) until a save, an
 * undo or the cap needs one; undo, redo and discard still put back
 * exactly the old bytes, also once the cap let the step go.
 */
START_TEST(test_lend)
{
	struct jt	 t;
	unsigned char	*buf;
	size_t		 size = 3 * PG, len = PG, i;
	uint64_t	 at, held;

	jt_open(&t, size, MAPPING_DIRECT, 77);
	ck_assert_ptr_nonnull(buf = malloc(len));
	memset(buf, 0xee, len);
	ck_assert_int_eq(journal_fill(t.j, 10, len, buf, 1, t.err,
	    sizeof t.err), 0);
	model_push(&t.md, 10, 10, len, buf);
	ck_assert_uint_lt(journal_history(t.j), 1024);	/* no old bytes */
	jt_check(&t);
	ck_assert_int_eq(journal_undo(t.j, &at, t.err, sizeof t.err), 1);
	memcpy(t.md.cur + 10, t.md.saved + 10, len);
	t.md.pos--;
	ck_assert_uint_ge(journal_history(t.j), len);	/* owns them now */
	jt_check(&t);
	ck_assert_int_eq(journal_redo(t.j, &at, t.err, sizeof t.err), 1);
	memcpy(t.md.cur + 10, buf, len);
	t.md.pos++;
	jt_check(&t);
	/*
	 * A write of clean bytes keeps neither their old nor (16 bytes and
	 * more, see jt_open) their new values; a save makes it keep both.
	 */
	for (i = 0; i < PG; i++)
		buf[i] = (unsigned char)(i * 13);
	ck_assert_int_eq(journal_write(t.j, size - PG, buf, PG, t.err,
	    sizeof t.err), 0);
	model_push(&t.md, size - PG, size - PG, PG, buf);
	held = journal_history(t.j);
	ck_assert_uint_lt(held, len + 1024);
	jt_op_save(&t);
	ck_assert_uint_eq(journal_history(t.j), held + 2 * PG);
	jt_check(&t);
	/* Lent, then let go by the cap: discard still restores. */
	memset(buf, 0x11, len);
	ck_assert_int_eq(journal_fill(t.j, 0, len, buf, 1, t.err,
	    sizeof t.err), 0);
	model_push(&t.md, 0, 0, len, buf);
	journal_set_history_max(t.j, 2048);
	for (i = 0; i < 40; i++) {
		buf[0] = (unsigned char)i;
		ck_assert_int_eq(journal_write(t.j, size - 1 - i, buf, 1,
		    t.err, sizeof t.err), 0);
		model_push(&t.md, size - 1 - i, size - 1 - i, 1, buf);
		model_drop(&t.md, journal_take_dropped(t.j));
	}
	ck_assert_uint_gt(t.md.dropped, 0);
	jt_check(&t);
	jt_op_discard(&t);
	jt_check(&t);
	free(buf);
	jt_close(&t);
}
END_TEST

/*
 * Another program's byte, adopted as saved while an older step lends
 * its old bytes from the dirty set, does not become that step's old
 * byte: undoing it still puts back what was there before it.
 */
START_TEST(test_lend_adopt)
{
	struct jt	 t;
	unsigned char	 fill = 0xee, mine[4] = { 0x77, 0x77, 0x77, 0x77 };
	unsigned char	 orig[16], b;
	uint64_t	 at;
	int		 fd;

	jt_open(&t, PG, MAPPING_DIRECT, 31);
	memcpy(orig, t.md.saved, sizeof orig);
	ck_assert_int_eq(journal_fill(t.j, 0, 16, &fill, 1, t.err,
	    sizeof t.err), 0);			/* lends its old bytes */
	ck_assert_int_eq(journal_write(t.j, 8, mine, 4, t.err,
	    sizeof t.err), 0);
	ck_assert_int_ge(fd = open(t.path, O_WRONLY), 0);
	ck_assert_int_eq(pwrite(fd, &fill, 1, 9), 1);	/* theirs */
	ck_assert_int_eq(close(fd), 0);
	ck_assert_int_eq(journal_undo(t.j, &at, t.err, sizeof t.err), 1);
	ck_assert_uint_eq(journal_kept(t.j), 1);
	ck_assert_int_eq(journal_is_dirty(t.j, 9), 0);	/* adopted */
	ck_assert_int_eq(journal_undo(t.j, &at, t.err, sizeof t.err), 1);
	ck_assert_int_eq(doc_read(&t.m, 9, &b, 1), 0);
	ck_assert_int_eq(b, orig[9]);
	ck_assert_int_eq(doc_read(&t.m, 3, &b, 1), 0);
	ck_assert_int_eq(b, orig[3]);
	jt_close(&t);
}
END_TEST

/*
 * With the history capped, the oldest steps go and say so; the newest
 * always stays, and what is left undoes exactly.
 */
START_TEST(test_history_max)
{
	struct doc	 m;
	struct journal	*j;
	char		 err[512], *path;
	unsigned char	 zero[8192] = { 0 }, b;
	uint64_t	 at, dropped;
	size_t		 i, undone = 0;

	path = tu_file(zero, sizeof zero);
	ck_assert_int_eq(doc_open(&m, path, MAPPING_PREVIEW, err, sizeof err),
	    0);
	ck_assert_ptr_nonnull(j = journal_new(&m));
	journal_set_history_max(j, 4096);
	for (i = 0; i < 1000; i++) {
		b = (unsigned char)(i % 255 + 1);
		ck_assert_int_eq(journal_write(j, i, &b, 1, err, sizeof err),
		    0);
		ck_assert_uint_le(journal_history(j), 4096);
	}
	dropped = journal_take_dropped(j);
	ck_assert_uint_gt(dropped, 0);
	ck_assert_uint_lt(dropped, 1000);
	ck_assert_uint_eq(journal_take_dropped(j), 0);
	while (journal_undo(j, &at, err, sizeof err) == 1)
		undone++;
	ck_assert_uint_eq(undone + dropped, 1000);
	/* The bytes whose steps were dropped keep their new values. */
	for (i = 0; i < 1000; i++) {
		b = i < dropped ? (unsigned char)(i % 255 + 1) : 0;
		ck_assert_uint_eq(doc_span(&m, i, 1)[0], b);
	}
	/* A step bigger than the cap stays: it is the newest. */
	ck_assert_int_eq(journal_fill(j, 0, 8192, (const unsigned char *)"z",
	    1, err, sizeof err), 0);
	ck_assert_int_eq(journal_can_undo(j), 1);
	ck_assert_int_eq(journal_undo(j, &at, err, sizeof err), 1);
	ck_assert_int_eq(journal_can_undo(j), 0);
	journal_free(j);
	doc_close(&m);
	tu_remove(path);
}
END_TEST

Suite *
journal_suite(void)
{
	Suite	*s = suite_create("journal");
	TCase	*tc = tcase_create("journal");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_coalesce);
	tcase_add_test(tc, test_clean_again);
	tcase_add_test(tc, test_undo_across_save);
	tcase_add_test(tc, test_discard_direct);
	tcase_add_test(tc, test_readonly);
	tcase_add_test(tc, test_out_of_range);
	tcase_add_test(tc, test_save_efbig);
	tcase_add_test(tc, test_preview_unwritable);
	tcase_add_test(tc, test_truncate_preview);
	tcase_add_test(tc, test_truncate_direct);
	tcase_add_test(tc, test_big_sparse);
	tcase_add_test(tc, test_fill_pattern);
	tcase_add_test(tc, test_history_max);
	tcase_add_test(tc, test_lend);
	tcase_add_test(tc, test_lend_adopt);
	tcase_add_test(tc, test_model_direct);
	tcase_add_test(tc, test_model_preview);
	tcase_add_test(tc, test_model_capped);
	tcase_add_test(tc, test_model_long);
	suite_add_tcase(s, tc);
	return (s);
}
