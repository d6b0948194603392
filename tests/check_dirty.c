/*
 * check_dirty.c: the dirty set against a plain model.
 *
 * The model is two byte arrays, saved and current.  Random changes
 * (short writes, writes back to the saved value, long writes that
 * swallow many ranges) and adoptions run against both; the set must
 * then hold ranges in order that never touch, each with at least one
 * unsaved byte, its counts right, and every byte's dirty flag and
 * current value equal to the model's.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "dirty.h"
#include "suites.h"

#define SIZE	4096

struct model {
	unsigned char	saved[SIZE];
	unsigned char	cur[SIZE];
};

/* dirty_overlaps agrees with a walk over every range. */
static void
check_overlaps(const struct dirty *d, struct dirty_range **all)
{
	uint64_t	off, len;
	size_t		i, t;
	int		want;

	for (t = 0; t < 200; t++) {
		off = (uint64_t)rand() % (SIZE + 8);
		len = t % 4 == 0 ? 0 : 1 + (uint64_t)rand() % (t % 2 ? 4 : 900);
		for (i = 0, want = 0; i < d->n && !want; i++)
			want = len > 0 && all[i]->off < off + len &&
			    all[i]->off + all[i]->len > off;
		ck_assert_int_eq(dirty_overlaps(d, off, len), want);
	}
}

/* The whole set agrees with the model. */
static void
check_all(const struct dirty *d, const struct model *m)
{
	const struct dirty_range	*r, *prev = NULL;
	struct dirty_range		**all;
	uint64_t			 ndiff = 0, covered = 0;
	size_t				 i, k, rd;

	all = dirty_list(d);
	ck_assert_ptr_nonnull(all);
	for (i = 0; i < d->n; i++) {
		r = all[i];
		ck_assert_ptr_eq(r, dirty_at(d, i));
		ck_assert_uint_gt(r->len, 0);
		if (prev != NULL)
			ck_assert_uint_gt(r->off, prev->off + prev->len);
		for (k = 0, rd = 0; k < r->len; k++) {
			ck_assert_uint_eq(r->saved[k], m->saved[r->off + k]);
			ck_assert_uint_eq(r->cur[k], m->cur[r->off + k]);
			rd += r->saved[k] != r->cur[k];
		}
		ck_assert_uint_eq(rd, r->ndiff);
		ck_assert_uint_gt(rd, 0);
		for (k = 0; r->saved[k] == r->cur[k]; k++)
			continue;
		ck_assert_uint_eq(dirty_first_diff(d, i), r->off + k);
		ndiff += rd;
		covered += r->len;
		prev = r;
	}
	ck_assert_ptr_null(dirty_at(d, d->n));
	check_overlaps(d, all);
	free(all);
	ck_assert_uint_eq(ndiff, d->ndiff);
	for (i = 0, ndiff = 0; i < SIZE; i++) {
		ck_assert_int_eq(dirty_is_dirty(d, i), m->saved[i] != m->cur[i]);
		ndiff += m->saved[i] != m->cur[i];
	}
	ck_assert_uint_eq(ndiff, d->ndiff);
	ck_assert_uint_le(covered, SIZE);
}

/* Applies one random change to both. */
static void
random_change(struct dirty *d, struct model *m)
{
	unsigned char	 buf[600];
	size_t		 off, len, k, kind = (size_t)rand() % 10;
	int		 held;

	len = kind == 0 ? 1 + (size_t)rand() % sizeof buf :
	    1 + (size_t)rand() % 4;
	off = (size_t)rand() % (SIZE - len + 1);
	for (k = 0; k < len; k++)
		buf[k] = kind < 3 ? m->saved[off + k] :
		    (unsigned char)(rand() % 4);
	if (kind == 9) {		/* another program writes a byte */
		buf[0] = (unsigned char)rand();
		held = dirty_find(d, off) != -1;
		ck_assert(held || m->saved[off] == m->cur[off]);
		dirty_adopt(d, off, buf[0]);
		if (held)	/* outside every range nothing is known */
			m->saved[off] = m->cur[off] = buf[0];
		return;
	}
	ck_assert_int_eq(dirty_apply(d, off, len, m->cur + off, buf), 0);
	memcpy(m->cur + off, buf, len);
}

START_TEST(test_model)
{
	struct dirty	 d;
	struct model	*m;
	size_t		 i;

	srand(7 + (unsigned)_i);
	memset(&d, 0, sizeof d);
	m = calloc(1, sizeof *m);
	ck_assert_ptr_nonnull(m);
	for (i = 0; i < SIZE; i++)
		m->saved[i] = m->cur[i] = (unsigned char)(rand() % 4);
	for (i = 0; i < 20000; i++) {
		random_change(&d, m);
		if (i % 1000 == 999)
			check_all(&d, m);
	}
	check_all(&d, m);
	dirty_clear(&d);
	ck_assert_uint_eq(d.n, 0);
	free(m);
}
END_TEST

/* 100k one-byte edits in shuffled order, then each undone. */
START_TEST(test_many_ranges)
{
	struct dirty	 d;
	uint64_t	*offs, t;
	unsigned char	 zero = 0, one = 1;
	size_t		 n = 100000, i, k;

	memset(&d, 0, sizeof d);
	offs = calloc(n, sizeof *offs);
	ck_assert_ptr_nonnull(offs);
	for (i = 0; i < n; i++)
		offs[i] = (uint64_t)i * 3;
	srand(11);
	for (i = n - 1; i > 0; i--) {
		k = (size_t)rand() % (i + 1);
		t = offs[i], offs[i] = offs[k], offs[k] = t;
	}
	for (i = 0; i < n; i++)
		ck_assert_int_eq(dirty_apply(&d, offs[i], 1, &zero, &one), 0);
	ck_assert_uint_eq(d.n, n);
	ck_assert_uint_eq(d.ndiff, n);
	for (i = 0; i < n; i += 997) {
		ck_assert_uint_eq(dirty_at(&d, i)->off, (uint64_t)i * 3);
		ck_assert_int_eq(dirty_find(&d, (uint64_t)i * 3), (ssize_t)i);
		ck_assert_int_eq(dirty_find(&d, (uint64_t)i * 3 + 1), -1);
	}
	/* Filling the gaps merges everything into one range. */
	for (i = 0; i + 1 < n; i++)
		ck_assert_int_eq(dirty_apply(&d, (uint64_t)i * 3 + 1, 2,
		    (const unsigned char *)"\0\0", (const unsigned char *)"\1\1"),
		    0);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_uint_eq(d.ndiff, 3 * n - 2);
	ck_assert_uint_eq(dirty_at(&d, 0)->len, 3 * n - 2);
	for (i = 0; i < 3 * n - 2; i++)
		ck_assert_int_eq(dirty_apply(&d, i, 1, &one, &zero), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(d.ndiff, 0);
	dirty_clear(&d);
	free(offs);
}
END_TEST

Suite *
dirty_suite(void)
{
	Suite	*s = suite_create("dirty");
	TCase	*tc = tcase_create("model");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_model, 0, 4);
	tcase_add_test(tc, test_many_ranges);
	suite_add_tcase(s, tc);
	return (s);
}
