/*
 * outside.c: notices bytes on screen that another process changed.
 *
 * The snapshot is of the rows on screen only, by file offset, so that
 * scrolling never looks like a change and the cost stays a few KiB.
 * The changed ranges are a short list, oldest first: a lookup walks it,
 * which costs nothing while it is empty, as it nearly always is.  This
 * file must not read more of the document than the spans it is given.
 */
#include "config.h"

#include "outside.h"

#include <stdlib.h>
#include <string.h>

#define OUTSIDE_CHUNK	4096	/* bytes compared at a time */

static int	outside_cut(const struct doc *, const uint64_t *,
		    const uint64_t *, int, uint64_t *, size_t *);
static void	outside_drop(struct outside *, size_t);

void
outside_free(struct outside *o)
{
	free(o->snap);
	memset(o, 0, sizeof *o);
}

/* Forgets range i, keeping the others in order. */
static void
outside_drop(struct outside *o, size_t i)
{
	memmove(&o->range[i], &o->range[i + 1], (o->nrange - i - 1) *
	    sizeof o->range[0]);
	o->nrange--;
}

void
outside_add(struct outside *o, uint64_t off, uint64_t len, uint64_t ms)
{
	struct outside_range	r = { off, len, ms };
	uint64_t		end;
	size_t			i;

	if (len == 0)
		return;
	/* Take in every range it touches; the result goes last (newest). */
	for (i = 0; i < o->nrange; ) {
		if (o->range[i].off > r.off + r.len ||
		    o->range[i].off + o->range[i].len < r.off) {
			i++;
			continue;
		}
		end = r.off + r.len;
		if (o->range[i].off + o->range[i].len > end)
			end = o->range[i].off + o->range[i].len;
		if (o->range[i].off < r.off)
			r.off = o->range[i].off;
		r.len = end - r.off;
		outside_drop(o, i);
	}
	if (o->nrange == OUTSIDE_MAX)
		outside_drop(o, 0);
	o->range[o->nrange++] = r;
}

uint64_t
outside_note(struct outside *o, uint64_t off, const unsigned char *old,
    const unsigned char *now, size_t n, uint64_t skip_lo, uint64_t skip_hi,
    uint64_t ms)
{
	uint64_t	count = 0, at;
	size_t		i, start;

	for (i = 0; i < n; ) {
		at = off + i;
		if (old[i] == now[i] || (at >= skip_lo && at < skip_hi)) {
			i++;
			continue;
		}
		for (start = i; i < n && old[i] != now[i] &&
		    !(off + i >= skip_lo && off + i < skip_hi); i++)
			continue;
		outside_add(o, off + start, i - start, ms);
		count += i - start;
	}
	return (count);
}

int
outside_expire(struct outside *o, uint64_t ms)
{
	size_t	i;
	int	gone = 0;

	for (i = 0; i < o->nrange; ) {
		if (ms >= o->range[i].seen &&
		    ms - o->range[i].seen >= OUTSIDE_SHOW_MS) {
			outside_drop(o, i);
			gone = 1;
		} else
			i++;
	}
	return (gone);
}

int
outside_has(const struct outside *o, uint64_t off)
{
	size_t	i;

	for (i = 0; i < o->nrange; i++)
		if (off >= o->range[i].off &&
		    off - o->range[i].off < o->range[i].len)
			return (1);
	return (0);
}

uint64_t
outside_count(const struct outside *o, uint64_t *first)
{
	uint64_t	n = 0;
	size_t		i;

	for (i = 0; i < o->nrange; i++) {
		n += o->range[i].len;
		if (first != NULL && (i == 0 || o->range[i].off < *first))
			*first = o->range[i].off;
	}
	return (n);
}

/*
 * Cuts the n spans at the document's end and at OUTSIDE_SNAP_MAX bytes
 * in all, into off and len; returns how many are left.
 */
static int
outside_cut(const struct doc *d, const uint64_t *off, const uint64_t *len,
    int n, uint64_t *coff, size_t *clen)
{
	uint64_t	size = doc_size(d), l, room = OUTSIDE_SNAP_MAX;
	int		i, k = 0;

	for (i = 0; i < n && i < OUTSIDE_SPANS && room > 0; i++) {
		if (off[i] >= size)
			continue;
		l = len[i] < size - off[i] ? len[i] : size - off[i];
		if (l > room)
			l = room;
		if (l == 0)
			continue;
		coff[k] = off[i];
		clen[k++] = (size_t)l;
		room -= l;
	}
	return (k);
}

int
outside_covers(const struct outside *o, const struct doc *d,
    const uint64_t *off, const uint64_t *len, int n)
{
	uint64_t	coff[OUTSIDE_SPANS];
	size_t		clen[OUTSIDE_SPANS];
	int		k, i;

	if (!o->stamped)
		return (0);
	k = outside_cut(d, off, len, n, coff, clen);
	if (k != o->nspans)
		return (0);
	for (i = 0; i < k; i++)
		if (coff[i] != o->span_off[i] || clen[i] != o->span_len[i])
			return (0);
	return (1);
}

int
outside_take(struct outside *o, const struct doc *d,
    const struct doc_stamp *st, const uint64_t *off, const uint64_t *len,
    int n)
{
	unsigned char	*p;
	size_t		 used = 0, total = 0;
	int		 i, k;

	o->stamped = 0;
	o->nspans = 0;
	k = outside_cut(d, off, len, n, o->span_off, o->span_len);
	for (i = 0; i < k; i++)
		total += o->span_len[i];
	/* Only as big as the screen: a few KiB, OUTSIDE_SNAP_MAX at most. */
	if (total > o->snapcap) {
		if ((p = realloc(o->snap, total)) == NULL)
			return (-1);
		o->snap = p;
		o->snapcap = total;
	}
	for (i = 0; i < k; i++) {
		if (doc_read(d, o->span_off[i], o->snap + used,
		    o->span_len[i]) == -1)
			o->span_len[i] = 0;
		used += o->span_len[i];
	}
	o->nspans = k;
	o->stamp = *st;
	o->stamped = 1;
	return (0);
}

uint64_t
outside_compare(struct outside *o, const struct doc *d, uint64_t skip_lo,
    uint64_t skip_hi, uint64_t ms)
{
	unsigned char	 now[OUTSIDE_CHUNK];
	const unsigned char *old = o->snap;
	uint64_t	 count = 0, size = doc_size(d), at;
	size_t		 c, done;
	int		 i;

	for (i = 0; i < o->nspans; old += o->span_len[i], i++)
		for (done = 0; done < o->span_len[i]; done += c) {
			at = o->span_off[i] + done;
			c = o->span_len[i] - done;
			if (c > sizeof now)
				c = sizeof now;
			if (at >= size)
				break;
			if (c > size - at)
				c = (size_t)(size - at);
			if (doc_read(d, at, now, c) == 0)
				count += outside_note(o, at, old + done, now,
				    c, skip_lo, skip_hi, ms);
		}
	return (count);
}
