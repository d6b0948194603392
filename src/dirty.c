/*
 * dirty.c: the coalescing set of byte ranges changed since the last save.
 *
 * The ranges live in a treap ordered by offset: a binary search tree
 * whose nodes also carry a random priority (a heap on it keeps the tree
 * balanced in expectation) and the size of their subtree (so a range
 * can be found by its index).  Split and join are the only two ways the
 * shape changes; every lookup, insert and removal costs O(log n) in the
 * number of ranges, whatever order the edits come in.
 *
 * A change first makes one range cover it, merging every range it
 * overlaps or touches (bytes it brings in that no range held start out
 * clean, saved == cur == before), then overwrites the current bytes and
 * counts how many differ from their saved value.  Typing past a range's
 * end grows it geometrically.  Every allocation happens before the set
 * is touched, so a failure leaves it as it was.  This file must not
 * touch a mapping or a file.
 */
#include "config.h"

#include "dirty.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct dirty_node {
	struct dirty_node	*left;		/* what a search reads first */
	struct dirty_node	*right;
	struct dirty_range	 r;
	uint32_t		 prio;
	size_t			 size;		/* nodes in this subtree */
};

static size_t	dirty_size(const struct dirty_node *);
static void	dirty_fix(struct dirty_node *);
static void	dirty_split(struct dirty_node *, size_t, struct dirty_node **,
		    struct dirty_node **);
static struct dirty_node *dirty_join(struct dirty_node *, struct dirty_node *);
static void	dirty_split_key(struct dirty_node *, uint64_t,
		    struct dirty_node **, struct dirty_node **);
static struct dirty_node *dirty_place_key(struct dirty_node *,
		    struct dirty_node *);
static struct dirty_node *dirty_cut_node(struct dirty_node *,
		    struct dirty_node *);
static struct dirty_range **dirty_fill(struct dirty_node *,
		    struct dirty_range **);
static struct dirty_node *dirty_touching(const struct dirty *, uint64_t,
		    uint64_t, int *);
static void	dirty_free_tree(struct dirty_node *);
static uint64_t	dirty_sum(const struct dirty_node *);
static struct dirty_node *dirty_cut(struct dirty_node *, size_t,
		    struct dirty_node **);
static const struct dirty_range *dirty_holding(const struct dirty *,
		    uint64_t);
static void	dirty_span(const struct dirty *, uint64_t, uint64_t, size_t *,
		    size_t *);
static struct dirty_range *dirty_insert(struct dirty *, uint64_t, size_t,
		    const unsigned char *);
static int	dirty_grow(struct dirty_range *, uint64_t, size_t);
static struct dirty_range *dirty_merge(struct dirty *, struct dirty_range *,
		    size_t, size_t, uint64_t, size_t, const unsigned char *);
static void	dirty_drop(struct dirty *, struct dirty_range *);
static void	dirty_gap(struct dirty_range *, uint64_t, uint64_t, uint64_t,
		    const unsigned char *);
static void	dirty_set(struct dirty *, struct dirty_range *, uint64_t,
		    size_t, const unsigned char *);
static void	dirty_remove(struct dirty *, size_t, size_t);
static void	dirty_overlay(const struct dirty *, uint64_t, size_t,
		    unsigned char *, int);

static size_t
dirty_size(const struct dirty_node *t)
{
	return (t == NULL ? 0 : t->size);
}

static void
dirty_fix(struct dirty_node *t)
{
	t->size = 1 + dirty_size(t->left) + dirty_size(t->right);
}

/* Splits t into its first k nodes (*a) and the rest (*b). */
static void
dirty_split(struct dirty_node *t, size_t k, struct dirty_node **a,
    struct dirty_node **b)
{
	if (t == NULL) {
		*a = *b = NULL;
		return;
	}
	if (dirty_size(t->left) >= k) {
		dirty_split(t->left, k, a, &t->left);
		*b = t;
	} else {
		dirty_split(t->right, k - dirty_size(t->left) - 1, &t->right,
		    b);
		*a = t;
	}
	dirty_fix(t);
}

/* Joins a and b, every node of a coming before every node of b. */
static struct dirty_node *
dirty_join(struct dirty_node *a, struct dirty_node *b)
{
	if (a == NULL)
		return (b);
	if (b == NULL)
		return (a);
	if (a->prio >= b->prio) {
		a->right = dirty_join(a->right, b);
		dirty_fix(a);
		return (a);
	}
	b->left = dirty_join(a, b->left);
	dirty_fix(b);
	return (b);
}

/* Splits t into the nodes that start before off (*a) and the rest (*b). */
static void
dirty_split_key(struct dirty_node *t, uint64_t off, struct dirty_node **a,
    struct dirty_node **b)
{
	if (t == NULL) {
		*a = *b = NULL;
		return;
	}
	if (t->r.off >= off) {
		dirty_split_key(t->left, off, a, &t->left);
		*b = t;
	} else {
		dirty_split_key(t->right, off, &t->right, b);
		*a = t;
	}
	dirty_fix(t);
}

/* Like dirty_place(), finding nd's place by its offset. */
static struct dirty_node *
dirty_place_key(struct dirty_node *t, struct dirty_node *nd)
{
	if (t == NULL || nd->prio > t->prio) {
		dirty_split_key(t, nd->r.off, &nd->left, &nd->right);
		dirty_fix(nd);
		return (nd);
	}
	if (nd->r.off < t->r.off)
		t->left = dirty_place_key(t->left, nd);
	else
		t->right = dirty_place_key(t->right, nd);
	t->size++;
	return (t);
}

/* Takes the node nd, which is in t, out of t; returns the new root. */
static struct dirty_node *
dirty_cut_node(struct dirty_node *t, struct dirty_node *nd)
{
	if (t == nd)
		return (dirty_join(t->left, t->right));
	if (nd->r.off < t->r.off)
		t->left = dirty_cut_node(t->left, nd);
	else
		t->right = dirty_cut_node(t->right, nd);
	t->size--;
	return (t);
}

static void
dirty_free_tree(struct dirty_node *t)
{
	if (t == NULL)
		return;
	dirty_free_tree(t->left);
	dirty_free_tree(t->right);
	free(t->r.saved);
	free(t->r.cur);
	free(t);
}

/* Returns the unsaved bytes of the ranges in t. */
static uint64_t
dirty_sum(const struct dirty_node *t)
{
	if (t == NULL)
		return (0);
	return (t->r.ndiff + dirty_sum(t->left) + dirty_sum(t->right));
}

void
dirty_clear(struct dirty *d)
{
	dirty_free_tree(d->root);
	memset(d, 0, sizeof *d);
}

struct dirty_range *
dirty_at(const struct dirty *d, size_t i)
{
	struct dirty_node	*t = d->root;
	size_t			 left;

	while (t != NULL) {
		left = dirty_size(t->left);
		if (i == left)
			return (&t->r);
		if (i < left)
			t = t->left;
		else {
			i -= left + 1;
			t = t->right;
		}
	}
	return (NULL);
}

/*
 * Sets *lo to the index of the first range that ends at or after off
 * (touches it) and *hi to the index of the first range that starts
 * after end.  The two searches share their path down the tree for as
 * long as they go the same way, which for a change that touches no
 * range is all the way.
 */
static void
dirty_span(const struct dirty *d, uint64_t off, uint64_t end, size_t *lo,
    size_t *hi)
{
	const struct dirty_node	*t = d->root, *u;
	size_t			 at = 0, bt;
	int			 left_lo, left_hi;

	while (t != NULL) {
		left_lo = t->r.off + t->r.len >= off;
		left_hi = t->r.off > end;
		if (left_lo != left_hi)
			break;
		if (left_lo)
			t = t->left;
		else {
			at += dirty_size(t->left) + 1;
			t = t->right;
		}
	}
	/* Here the range at t touches [off, end]: lo goes left, hi right. */
	bt = at;
	for (u = t; u != NULL;) {
		if (u->r.off + u->r.len < off) {
			at += dirty_size(u->left) + 1;
			u = u->right;
		} else
			u = u->left;
	}
	for (u = t; u != NULL;) {
		if (u->r.off <= end) {
			bt += dirty_size(u->left) + 1;
			u = u->right;
		} else
			u = u->left;
	}
	*lo = at;
	*hi = bt;
}

/*
 * Inserts a clean range [off, off+len) holding before, which touches no
 * range, and returns it, or NULL (ENOMEM) with the set unchanged.
 */
static struct dirty_range *
dirty_insert(struct dirty *d, uint64_t off, size_t len,
    const unsigned char *before)
{
	struct dirty_node	*nd;

	nd = calloc(1, sizeof *nd);
	if (nd != NULL) {
		nd->r.saved = malloc(len);
		nd->r.cur = malloc(len);
	}
	if (nd == NULL || nd->r.saved == NULL || nd->r.cur == NULL) {
		if (nd != NULL) {
			free(nd->r.saved);
			free(nd->r.cur);
		}
		free(nd);
		errno = ENOMEM;
		return (NULL);
	}
	nd->r.off = off;
	nd->r.len = nd->r.cap = len;
	memcpy(nd->r.saved, before, len);
	memcpy(nd->r.cur, before, len);
	/* xorshift32: any fixed sequence balances as well as a random one. */
	d->seed = d->seed == 0 ? 2463534242u : d->seed;
	d->seed ^= d->seed << 13;
	d->seed ^= d->seed >> 17;
	d->seed ^= d->seed << 5;
	nd->prio = d->seed;
	d->root = dirty_place_key(d->root, nd);
	d->n++;
	return (&nd->r);
}

/*
 * Fills [from, to) of r, a gap no range held, with the bytes before
 * held there; a gap always lies inside the change that starts at off.
 */
static void
dirty_gap(struct dirty_range *r, uint64_t from, uint64_t to, uint64_t off,
    const unsigned char *before)
{
	if (from >= to)
		return;
	memcpy(r->saved + (from - r->off), before + (from - off), to - from);
	memcpy(r->cur + (from - r->off), before + (from - off), to - from);
}

/* Takes the node at index i out of t into *out; returns the new root. */
static struct dirty_node *
dirty_cut(struct dirty_node *t, size_t i, struct dirty_node **out)
{
	size_t	left = dirty_size(t->left);

	if (i == left) {
		*out = t;
		return (dirty_join(t->left, t->right));
	}
	if (i < left)
		t->left = dirty_cut(t->left, i, out);
	else
		t->right = dirty_cut(t->right, i - left - 1, out);
	t->size--;
	return (t);
}

/* Removes the ranges [from, to) from the set, freeing their bytes. */
static void
dirty_remove(struct dirty *d, size_t from, size_t to)
{
	struct dirty_node	*a, *mid, *b;

	if (from == to)
		return;
	if (to == from + 1) {
		d->root = dirty_cut(d->root, from, &mid);
		mid->left = mid->right = NULL;
	} else {
		dirty_split(d->root, from, &a, &mid);
		dirty_split(mid, to - from, &mid, &b);
		d->root = dirty_join(a, b);
	}
	d->ndiff -= dirty_sum(mid);
	dirty_free_tree(mid);
	d->n -= to - from;
}

/*
 * Gives r room for need bytes from start (at or before r->off), its
 * bytes moved into place; off and len stay for the caller to set.
 * Growing at the end doubles the room, so typing forward is cheap.
 */
static int
dirty_grow(struct dirty_range *r, uint64_t start, size_t need)
{
	unsigned char	*ns, *nc;
	size_t		 ncap = need;

	if (start == r->off && need <= r->cap)
		return (0);
	if (start == r->off && r->cap <= SIZE_MAX / 2 && r->cap * 2 > need)
		ncap = r->cap * 2;
	ns = malloc(ncap);
	nc = malloc(ncap);
	if (ns == NULL || nc == NULL) {
		free(ns);
		free(nc);
		errno = ENOMEM;
		return (-1);
	}
	memcpy(ns + (r->off - start), r->saved, r->len);
	memcpy(nc + (r->off - start), r->cur, r->len);
	free(r->saved);
	free(r->cur);
	r->saved = ns;
	r->cur = nc;
	r->cap = ncap;
	return (0);
}

/*
 * Makes r, range lo, cover [off, off+len) and the ranges up to hi, which
 * all touch it, and returns it.  Allocates first, so it fails (NULL)
 * with the set unchanged.  A lone range (hi == lo + 1) needs no index.
 */
static struct dirty_range *
dirty_merge(struct dirty *d, struct dirty_range *r, size_t lo, size_t hi,
    uint64_t off, size_t len, const unsigned char *before)
{
	struct dirty_range	*s;
	uint64_t		 start, end, prev, first;
	size_t			 i;

	s = hi == lo + 1 ? r : dirty_at(d, hi - 1);
	start = off < r->off ? off : r->off;
	end = s->off + s->len;
	if (off + len > end)
		end = off + len;
	if (dirty_grow(r, start, (size_t)(end - start)) == -1)
		return (NULL);
	prev = r->off + r->len;
	first = r->off;
	r->off = start;
	r->len = (size_t)(end - start);
	dirty_gap(r, start, first, off, before);
	for (i = lo + 1; i < hi; i++) {
		s = dirty_at(d, i);
		dirty_gap(r, prev, s->off, off, before);
		memcpy(r->saved + (s->off - start), s->saved, s->len);
		memcpy(r->cur + (s->off - start), s->cur, s->len);
		r->ndiff += s->ndiff;
		d->ndiff += s->ndiff;		/* dirty_remove takes it off */
		prev = s->off + s->len;
	}
	dirty_gap(r, prev, end, off, before);
	dirty_remove(d, lo + 1, hi);
	return (r);
}

/* Removes range r, which has no unsaved byte left. */
static void
dirty_drop(struct dirty *d, struct dirty_range *r)
{
	struct dirty_node	*t;

	t = (struct dirty_node *)(void *)((char *)r -
	    offsetof(struct dirty_node, r));
	d->root = dirty_cut_node(d->root, t);
	d->ndiff -= r->ndiff;
	d->n--;
	t->left = t->right = NULL;
	dirty_free_tree(t);
}

/* Overwrites the current bytes of [off, off+len) in r, counting. */
static void
dirty_set(struct dirty *d, struct dirty_range *r, uint64_t off, size_t len,
    const unsigned char *bytes)
{
	unsigned char	*saved = r->saved + (off - r->off);
	unsigned char	*cur = r->cur + (off - r->off);
	size_t		 k;

	for (k = 0; k < len; k++) {
		if (saved[k] != cur[k]) {
			r->ndiff--;
			d->ndiff--;
		}
		cur[k] = bytes[k];
		if (saved[k] != cur[k]) {
			r->ndiff++;
			d->ndiff++;
		}
	}
}

/*
 * Returns a range that touches [off, end] (overlaps or is adjacent), or
 * NULL when none does; *more is set when its neighbours touch too.  One
 * walk down the tree: the neighbours are the nearest ancestors passed
 * on either side, or the nearest nodes below the one found.
 */
static struct dirty_node *
dirty_touching(const struct dirty *d, uint64_t off, uint64_t end, int *more)
{
	struct dirty_node	*t = d->root, *pred = NULL, *succ = NULL, *u;

	*more = 0;
	while (t != NULL) {
		if (t->r.off + t->r.len < off) {
			pred = t;
			t = t->right;
		} else if (t->r.off > end) {
			succ = t;
			t = t->left;
		} else
			break;
	}
	if (t == NULL)
		return (NULL);
	for (u = t->left; u != NULL; u = u->right)
		pred = u;
	for (u = t->right; u != NULL; u = u->left)
		succ = u;
	*more = (pred != NULL && pred->r.off + pred->r.len >= off) ||
	    (succ != NULL && succ->r.off <= end);
	return (t);
}

int
dirty_apply(struct dirty *d, uint64_t off, size_t len,
    const unsigned char *before, const unsigned char *bytes)
{
	struct dirty_node	*t;
	struct dirty_range	*r;
	size_t			 lo, hi;
	int			 more;

	if (len == 0)
		return (0);
	t = dirty_touching(d, off, off + len, &more);
	if (t == NULL) {
		if (memcmp(before, bytes, len) == 0)
			return (0);
		if ((r = dirty_insert(d, off, len, before)) == NULL)
			return (-1);
	} else {
		/* Indexes are needed only to merge; a lone range grows. */
		lo = 0;
		hi = 1;
		r = &t->r;
		if (more) {
			dirty_span(d, off, off + len, &lo, &hi);
			r = dirty_at(d, lo);
		}
		if (dirty_merge(d, r, lo, hi, off, len, before) == NULL)
			return (-1);
	}
	dirty_set(d, r, off, len, bytes);
	if (r->ndiff == 0)
		dirty_drop(d, r);
	return (0);
}

/* Appends the ranges of t to out in order; returns the next slot. */
static struct dirty_range **
dirty_fill(struct dirty_node *t, struct dirty_range **out)
{
	while (t != NULL) {
		out = dirty_fill(t->left, out);
		*out++ = &t->r;
		t = t->right;
	}
	return (out);
}

struct dirty_range **
dirty_list(const struct dirty *d)
{
	struct dirty_range	**v;

	if ((v = calloc(d->n + 1, sizeof *v)) == NULL)
		return (NULL);
	dirty_fill(d->root, v);
	return (v);
}

ssize_t
dirty_find(const struct dirty *d, uint64_t off)
{
	const struct dirty_node	*t = d->root;
	size_t			 at = 0;

	while (t != NULL) {
		if (off < t->r.off)
			t = t->left;
		else if (off - t->r.off >= t->r.len) {
			at += dirty_size(t->left) + 1;
			t = t->right;
		} else
			return ((ssize_t)(at + dirty_size(t->left)));
	}
	return (-1);
}

int
dirty_overlaps(const struct dirty *d, uint64_t off, uint64_t len)
{
	const struct dirty_node		*t = d->root;
	const struct dirty_range	*first = NULL;

	/* Ranges are disjoint and in order, so their ends are too. */
	while (t != NULL) {
		if (t->r.len > 0 && t->r.off + t->r.len > off) {
			first = &t->r;
			t = t->left;
		} else
			t = t->right;
	}
	return (first != NULL && len > 0 && first->off < off + len);
}

/* Returns the range holding off, or NULL. */
static const struct dirty_range *
dirty_holding(const struct dirty *d, uint64_t off)
{
	const struct dirty_node	*t = d->root;

	while (t != NULL) {
		if (off < t->r.off)
			t = t->left;
		else if (off - t->r.off >= t->r.len)
			t = t->right;
		else
			return (&t->r);
	}
	return (NULL);
}

int
dirty_is_dirty(const struct dirty *d, uint64_t off)
{
	const struct dirty_range	*r;

	if ((r = dirty_holding(d, off)) == NULL)
		return (0);
	return (r->saved[off - r->off] != r->cur[off - r->off]);
}

int
dirty_copy_cur(const struct dirty *d, uint64_t off, size_t len,
    unsigned char *buf)
{
	const struct dirty_range	*r;

	if (len == 0)
		return (0);
	if ((r = dirty_holding(d, off)) == NULL)
		return (-1);
	if (len > r->len - (off - r->off))
		return (-1);
	memcpy(buf, r->cur + (off - r->off), len);
	return (0);
}

void
dirty_copy_saved(const struct dirty *d, uint64_t off, size_t len,
    unsigned char *buf)
{
	dirty_overlay(d, off, len, buf, 0);
}

void
dirty_copy_cur_over(const struct dirty *d, uint64_t off, size_t len,
    unsigned char *buf)
{
	dirty_overlay(d, off, len, buf, 1);
}

/* Copies into buf the saved (cur == 0) or current bytes the ranges hold. */
static void
dirty_overlay(const struct dirty *d, uint64_t off, size_t len,
    unsigned char *buf, int cur)
{
	const struct dirty_node		*t = d->root;
	const struct dirty_range	*r;
	uint64_t			 a, b;
	size_t				 i = 0;

	/* The index of the first range that ends after off. */
	while (t != NULL) {
		if (t->r.off + t->r.len > off)
			t = t->left;
		else {
			i += dirty_size(t->left) + 1;
			t = t->right;
		}
	}
	for (; (r = dirty_at(d, i)) != NULL && r->off < off + len; i++) {
		a = r->off > off ? r->off : off;
		b = r->off + r->len < off + len ? r->off + r->len : off + len;
		memcpy(buf + (a - off), (cur ? r->cur : r->saved) +
		    (a - r->off), b - a);
	}
}

uint64_t
dirty_first_diff(const struct dirty *d, size_t i)
{
	const struct dirty_range	*r = dirty_at(d, i);
	size_t				 k;

	for (k = 0; k < r->len; k++)
		if (r->saved[k] != r->cur[k])
			return (r->off + k);
	return (r->off);
}

void
dirty_adopt(struct dirty *d, uint64_t off, unsigned char byte)
{
	struct dirty_range	*r;
	ssize_t			 i;
	size_t			 k;

	if ((i = dirty_find(d, off)) == -1)
		return;
	r = dirty_at(d, (size_t)i);
	k = (size_t)(off - r->off);
	if (r->saved[k] != r->cur[k]) {
		r->ndiff--;
		d->ndiff--;
	}
	r->saved[k] = r->cur[k] = byte;
	if (r->ndiff == 0)
		dirty_remove(d, (size_t)i, (size_t)i + 1);
}

int
dirty_splice(struct dirty *d, uint64_t off, uint64_t del, uint64_t ins)
{
	struct dirty		 nd;
	struct dirty_range	**all, *r;
	uint64_t		 a, b, to;
	size_t			 i;

	if (d->n == 0)
		return (0);
	if ((all = dirty_list(d)) == NULL)
		return (-1);
	memset(&nd, 0, sizeof nd);
	nd.seed = d->seed;
	for (i = 0; i < d->n; i++) {
		r = all[i];
		/* The part before the cut stays; the part after it moves. */
		b = r->off + r->len < off ? r->off + r->len : off;
		if (r->off < b && dirty_apply(&nd, r->off, (size_t)(b - r->off),
		    r->saved, r->cur) == -1)
			goto fail;
		a = r->off > off + del ? r->off : off + del;
		if (a >= r->off + r->len)
			continue;
		to = a - del + ins;
		if (dirty_apply(&nd, to, (size_t)(r->off + r->len - a),
		    r->saved + (a - r->off), r->cur + (a - r->off)) == -1)
			goto fail;
	}
	free(all);
	dirty_clear(d);
	*d = nd;
	return (0);
fail:
	free(all);
	dirty_clear(&nd);
	errno = ENOMEM;
	return (-1);
}
