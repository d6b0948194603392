/*
 * dirty.c: the coalescing set of byte ranges changed since the last save.
 *
 * A change first makes one range cover it, merging every range it
 * overlaps or touches (bytes it brings in that no range held start out
 * clean, saved == cur == before), then overwrites the current bytes and
 * counts how many differ from their saved value.  Typing inside a range
 * costs a binary search; typing past its end grows it geometrically.
 * Every allocation happens before the set is touched, so a failure
 * leaves it as it was.  This file must not touch a mapping or a file.
 */
#include "config.h"

#include "dirty.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static size_t	dirty_lower(const struct dirty *, uint64_t);
static size_t	dirty_upper(const struct dirty *, uint64_t);
static int	dirty_insert(struct dirty *, size_t, uint64_t, size_t,
		    const unsigned char *);
static int	dirty_grow(struct dirty_range *, uint64_t, size_t);
static int	dirty_merge(struct dirty *, size_t, size_t, uint64_t, size_t,
		    const unsigned char *);
static void	dirty_gap(struct dirty_range *, uint64_t, uint64_t, uint64_t,
		    const unsigned char *);
static void	dirty_set(struct dirty *, size_t, uint64_t, size_t,
		    const unsigned char *);
static void	dirty_remove(struct dirty *, size_t, size_t);

void
dirty_clear(struct dirty *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++) {
		free(d->r[i].saved);
		free(d->r[i].cur);
	}
	free(d->r);
	memset(d, 0, sizeof *d);
}

/* Returns the first range that ends at or after off (touches it). */
static size_t
dirty_lower(const struct dirty *d, uint64_t off)
{
	size_t	lo = 0, hi = d->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->r[mid].off + d->r[mid].len < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo);
}

/* Returns the first range that starts after end. */
static size_t
dirty_upper(const struct dirty *d, uint64_t end)
{
	size_t	lo = 0, hi = d->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->r[mid].off <= end)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo);
}

/* Inserts a clean range [off, off+len) holding before at index at. */
static int
dirty_insert(struct dirty *d, size_t at, uint64_t off, size_t len,
    const unsigned char *before)
{
	struct dirty_range	*r, nr;
	size_t			 ncap;

	memset(&nr, 0, sizeof nr);
	nr.saved = malloc(len);
	nr.cur = malloc(len);
	if (d->n == d->cap && nr.saved != NULL && nr.cur != NULL) {
		ncap = d->cap == 0 ? 16 : d->cap * 2;
		if ((r = reallocarray(d->r, ncap, sizeof *r)) != NULL) {
			d->r = r;
			d->cap = ncap;
		}
	}
	if (nr.saved == NULL || nr.cur == NULL || d->n == d->cap) {
		free(nr.saved);
		free(nr.cur);
		errno = ENOMEM;
		return (-1);
	}
	nr.off = off;
	nr.len = nr.cap = len;
	memcpy(nr.saved, before, len);
	memcpy(nr.cur, before, len);
	memmove(&d->r[at + 1], &d->r[at], (d->n - at) * sizeof *d->r);
	d->r[at] = nr;
	d->n++;
	return (0);
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

/* Removes the ranges [from, to) from the array, freeing their bytes. */
static void
dirty_remove(struct dirty *d, size_t from, size_t to)
{
	size_t	i;

	for (i = from; i < to; i++) {
		d->ndiff -= d->r[i].ndiff;
		free(d->r[i].saved);
		free(d->r[i].cur);
	}
	memmove(&d->r[from], &d->r[to], (d->n - to) * sizeof *d->r);
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
 * Makes range lo cover [off, off+len) and the ranges up to hi, which
 * all touch it.  Allocates first, so it fails with the set unchanged.
 */
static int
dirty_merge(struct dirty *d, size_t lo, size_t hi, uint64_t off,
    size_t len, const unsigned char *before)
{
	struct dirty_range	*r = &d->r[lo], *s;
	uint64_t		 start, end, prev, first;
	size_t			 i;

	start = off < r->off ? off : r->off;
	end = d->r[hi - 1].off + d->r[hi - 1].len;
	if (off + len > end)
		end = off + len;
	if (dirty_grow(r, start, (size_t)(end - start)) == -1)
		return (-1);
	prev = r->off + r->len;
	first = r->off;
	r->off = start;
	r->len = (size_t)(end - start);
	dirty_gap(r, start, first, off, before);
	for (i = lo + 1; i < hi; i++) {
		s = &d->r[i];
		dirty_gap(r, prev, s->off, off, before);
		memcpy(r->saved + (s->off - start), s->saved, s->len);
		memcpy(r->cur + (s->off - start), s->cur, s->len);
		r->ndiff += s->ndiff;
		d->ndiff += s->ndiff;		/* dirty_remove takes it off */
		prev = s->off + s->len;
	}
	dirty_gap(r, prev, end, off, before);
	dirty_remove(d, lo + 1, hi);
	return (0);
}

/* Overwrites the current bytes of [off, off+len) in range i, counting. */
static void
dirty_set(struct dirty *d, size_t i, uint64_t off, size_t len,
    const unsigned char *bytes)
{
	struct dirty_range	*r = &d->r[i];
	unsigned char		*saved = r->saved + (off - r->off);
	unsigned char		*cur = r->cur + (off - r->off);
	size_t			 k;

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

int
dirty_apply(struct dirty *d, uint64_t off, size_t len,
    const unsigned char *before, const unsigned char *bytes)
{
	size_t	lo, hi;

	if (len == 0)
		return (0);
	lo = dirty_lower(d, off);
	hi = dirty_upper(d, off + len);
	if (lo == hi) {
		if (memcmp(before, bytes, len) == 0)
			return (0);
		if (dirty_insert(d, lo, off, len, before) == -1)
			return (-1);
	} else if (dirty_merge(d, lo, hi, off, len, before) == -1)
		return (-1);
	dirty_set(d, lo, off, len, bytes);
	if (d->r[lo].ndiff == 0)
		dirty_remove(d, lo, lo + 1);
	return (0);
}

ssize_t
dirty_find(const struct dirty *d, uint64_t off)
{
	size_t	i = dirty_lower(d, off + 1);

	if (i < d->n && d->r[i].off <= off)
		return ((ssize_t)i);
	return (-1);
}

int
dirty_is_dirty(const struct dirty *d, uint64_t off)
{
	const struct dirty_range	*r;
	ssize_t				 i;

	if ((i = dirty_find(d, off)) == -1)
		return (0);
	r = &d->r[i];
	return (r->saved[off - r->off] != r->cur[off - r->off]);
}

int
dirty_copy_cur(const struct dirty *d, uint64_t off, size_t len,
    unsigned char *buf)
{
	const struct dirty_range	*r;
	ssize_t				 i;

	if (len == 0)
		return (0);
	if ((i = dirty_find(d, off)) == -1)
		return (-1);
	r = &d->r[i];
	if (len > r->len - (off - r->off))
		return (-1);
	memcpy(buf, r->cur + (off - r->off), len);
	return (0);
}

uint64_t
dirty_first_diff(const struct dirty *d, size_t i)
{
	const struct dirty_range	*r = &d->r[i];
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
	r = &d->r[i];
	k = (size_t)(off - r->off);
	if (r->saved[k] != r->cur[k]) {
		r->ndiff--;
		d->ndiff--;
	}
	r->saved[k] = r->cur[k] = byte;
	if (r->ndiff == 0)
		dirty_remove(d, (size_t)i, (size_t)i + 1);
}
