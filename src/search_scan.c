/*
 * search_scan.c: finds matches of a pattern inside one chunk of memory.
 *
 * search.c hands over a window of candidate start offsets whose bytes
 * are all readable; this file finds the matches in it as fast as the C
 * library allows without SIMD code of our own.  A prefilter finds
 * candidates and each candidate is verified against the whole pattern,
 * wildcards and case folding included.  The prefilters, fastest first
 * on typical data: memchr (memrchr backward) on the pattern's rarest
 * byte; a block loop testing two pattern bytes at once, which the
 * compiler vectorises and which handles folded letters; memmem, which
 * is linear in the worst case.  When a prefilter yields too many false
 * candidates on the data at hand, the state moves on to the next one
 * for the rest of the chunk.  This file only reads memory: no signals,
 * no files, no mapping struct.
 */
#include "config.h"

#include "search_scan.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Bytes the pair loop tests before it looks at the result. */
#define SCAN_BLOCK	64

/* False candidates a prefilter may have before it is judged. */
#define SCAN_WARMUP	32

/* Literal patterns at least this long go straight to memmem. */
#define SCAN_LONG	16

static int		 scan_is_alpha(unsigned char);
static unsigned char	 scan_lower(unsigned char);
static int		 scan_rank(unsigned char, int);
static size_t		 scan_rarest(const struct scan_plan *, size_t,
			    int);
static void		 scan_choose(struct scan_plan *);
static int		 scan_verify(const struct scan_plan *,
			    const unsigned char *);
static void		 scan_miss(const struct scan_plan *,
			    struct scan_state *, size_t);
static size_t		 scan_pair_fwd(const struct scan_plan *,
			    const unsigned char *, size_t, size_t);
static size_t		 scan_pair_rev(const struct scan_plan *,
			    const unsigned char *, size_t, size_t);
static size_t		 scan_cand_fwd(const struct scan_plan *,
			    const struct scan_state *, const unsigned char *,
			    size_t, size_t);
static size_t		 scan_cand_rev(const struct scan_plan *,
			    const struct scan_state *, const unsigned char *,
			    size_t, size_t);
static size_t		 scan_memmem_rev(const struct scan_plan *,
			    const unsigned char *, size_t, size_t);

static int
scan_is_alpha(unsigned char c)
{
	return ((unsigned char)((c | 0x20) - 'a') < 26);
}

static unsigned char
scan_lower(unsigned char c)
{
	return ((unsigned char)((unsigned char)(c - 'A') < 26 ? c | 0x20 : c));
}

/*
 * Guesses how common a byte is in the files people search (programs,
 * disk images, text): higher is more common, only the order matters.
 * A folded letter stands for two bytes, so it ranks high.
 */
static int
scan_rank(unsigned char c, int folded)
{
	if (c == 0x00)
		return (255);
	if (c == 0xff)
		return (200);
	if (folded)
		return (190);
	if (c == ' ' || (c >= 'a' && c <= 'z'))
		return (180);
	if (c < 0x20)
		return (160);
	if (c >= '0' && c <= '9')
		return (130);
	if (c >= 'A' && c <= 'Z')
		return (120);
	if (c < 0x80)
		return (110);
	return (100);
}

/*
 * Returns the rarest byte that must match, not at position skip and
 * not of value avoid (-1 for none), or SIZE_MAX if there is none.
 */
static size_t
scan_rarest(const struct scan_plan *sp, size_t skip, int avoid)
{
	size_t	i, best = SIZE_MAX;
	int	rank, low = INT_MAX;

	for (i = 0; i < sp->len; i++) {
		if (sp->mask[i] != 0xff || i == skip || sp->want[i] == avoid)
			continue;
		rank = scan_rank(sp->want[i], sp->icase &&
		    scan_is_alpha(sp->want[i]));
		if (rank < low) {
			low = rank;
			best = i;
		}
	}
	return (best);
}

/*
 * Chooses the prefilter bytes: r1 the rarest, r2 the rarest of another
 * value (a repeated byte tells the pair loop little), or of the same
 * value, or r1 itself.
 */
static void
scan_choose(struct scan_plan *sp)
{
	sp->r1 = scan_rarest(sp, SIZE_MAX, -1);
	if (sp->r1 == SIZE_MAX) {
		sp->r1 = sp->r2 = 0;
		return;
	}
	sp->r2 = scan_rarest(sp, sp->r1, sp->want[sp->r1]);
	if (sp->r2 == SIZE_MAX)
		sp->r2 = scan_rarest(sp, sp->r1, -1);
	if (sp->r2 == SIZE_MAX)
		sp->r2 = sp->r1;
	sp->c1 = sp->want[sp->r1];
	sp->c2 = sp->want[sp->r2];
	sp->f1 = sp->icase && scan_is_alpha(sp->c1) ? 0x20 : 0;
	sp->f2 = sp->icase && scan_is_alpha(sp->c2) ? 0x20 : 0;
}

int
scan_plan_init(struct scan_plan *sp, const struct pattern *p)
{
	size_t	i;

	memset(sp, 0, sizeof *sp);
	sp->bytes = p->bytes;
	sp->mask = p->mask;
	sp->len = p->len;
	sp->icase = p->icase != 0;
	sp->literal = 1;
	if ((sp->want = malloc(p->len == 0 ? 1 : p->len)) == NULL)
		return (-1);
	for (i = 0; i < p->len; i++) {
		sp->want[i] = (sp->icase ? scan_lower(p->bytes[i]) :
		    p->bytes[i]) & p->mask[i];
		if (sp->want[i] != 0)
			sp->nonzero = 1;
		if (p->mask[i] == 0xff)
			sp->nlit++;
		if (p->mask[i] != 0xff ||
		    (sp->icase && scan_is_alpha(sp->want[i])))
			sp->literal = 0;
	}
	scan_choose(sp);
	return (0);
}

void
scan_plan_free(struct scan_plan *sp)
{
	free(sp->want);
	sp->want = NULL;
}

/*
 * Past SCAN_LONG bytes glibc's memmem skips so far that it beats any
 * one-byte prefilter (measured on random data in the page cache).
 */
void
scan_reset(const struct scan_plan *sp, struct scan_state *st, size_t pos)
{
	if (sp->literal && sp->len >= SCAN_LONG)
		st->mode = SCAN_MEMMEM;
	else
		st->mode = sp->f1 == 0 ? SCAN_MEMCHR : SCAN_PAIR;
	st->misses = 0;
	st->since = pos;
}

/* Compares the pattern at d, wildcards and case folding included. */
static int
scan_verify(const struct scan_plan *sp, const unsigned char *d)
{
	size_t		i;
	unsigned char	c;

	if (sp->literal)
		return (memcmp(d, sp->bytes, sp->len) == 0);
	for (i = 0; i < sp->len; i++) {
		c = sp->icase ? scan_lower(d[i]) : d[i];
		if ((c & sp->mask[i]) != sp->want[i])
			return (0);
	}
	return (1);
}

/*
 * Counts a false candidate at s.  A memchr that stops more often than
 * every 64 bytes is slower than the pair loop; a pair loop that stops
 * every 8 is worse than memmem.
 */
static void
scan_miss(const struct scan_plan *sp, struct scan_state *st, size_t s)
{
	size_t	gap, covered;

	if (++st->misses % SCAN_WARMUP != 0)
		return;
	if (st->mode == SCAN_MEMCHR)
		gap = 64;
	else if (st->mode == SCAN_PAIR && sp->literal)
		gap = 8;
	else
		return;
	covered = s > st->since ? s - st->since : st->since - s;
	if (covered < st->misses * gap) {
		st->mode = st->mode == SCAN_MEMCHR ? SCAN_PAIR : SCAN_MEMMEM;
		st->misses = 0;
		st->since = s;
	}
}

/* Returns the first i in [lo, hi) where both rare bytes match, or hi. */
static size_t
scan_pair_fwd(const struct scan_plan *sp, const unsigned char *base,
    size_t lo, size_t hi)
{
	const unsigned char	*a = base + sp->r1, *b = base + sp->r2;
	unsigned char		 c1 = sp->c1, c2 = sp->c2;
	unsigned char		 f1 = sp->f1, f2 = sp->f2;
	unsigned int		 hit;
	size_t			 i, k;

	for (i = lo; hi - i >= SCAN_BLOCK; i += SCAN_BLOCK) {
		hit = 0;
		for (k = 0; k < SCAN_BLOCK; k++)
			hit |= ((a[i + k] | f1) == c1) &
			    ((b[i + k] | f2) == c2);
		if (hit)
			break;
	}
	for (; i < hi; i++)
		if ((a[i] | f1) == c1 && (b[i] | f2) == c2)
			return (i);
	return (hi);
}

/* Returns the last i in [lo, hi) where both rare bytes match, or hi. */
static size_t
scan_pair_rev(const struct scan_plan *sp, const unsigned char *base,
    size_t lo, size_t hi)
{
	const unsigned char	*a = base + sp->r1, *b = base + sp->r2;
	unsigned char		 c1 = sp->c1, c2 = sp->c2;
	unsigned char		 f1 = sp->f1, f2 = sp->f2;
	unsigned int		 hit;
	size_t			 i, k;

	for (i = hi; i - lo >= SCAN_BLOCK; i -= SCAN_BLOCK) {
		hit = 0;
		for (k = i - SCAN_BLOCK; k < i; k++)
			hit |= ((a[k] | f1) == c1) & ((b[k] | f2) == c2);
		if (hit)
			break;
	}
	while (i-- > lo)
		if ((a[i] | f1) == c1 && (b[i] | f2) == c2)
			return (i);
	return (hi);
}

/* Returns the next candidate, or a verified match in memmem mode. */
static size_t
scan_cand_fwd(const struct scan_plan *sp, const struct scan_state *st,
    const unsigned char *base, size_t lo, size_t hi)
{
	const unsigned char	*q;

	switch (st->mode) {
	case SCAN_MEMCHR:
		q = memchr(base + lo + sp->r1, sp->c1, hi - lo);
		return (q == NULL ? hi : (size_t)(q - base) - sp->r1);
	case SCAN_PAIR:
		return (scan_pair_fwd(sp, base, lo, hi));
	case SCAN_MEMMEM:
		q = memmem(base + lo, hi - lo + sp->len - 1, sp->bytes,
		    sp->len);
		return (q == NULL ? hi : (size_t)(q - base));
	}
	return (hi);
}

size_t
scan_next(const struct scan_plan *sp, struct scan_state *st,
    const unsigned char *base, size_t lo, size_t hi)
{
	size_t	s;

	if (sp->nlit == 0)
		return (lo < hi ? lo : hi);
	while (lo < hi) {
		s = scan_cand_fwd(sp, st, base, lo, hi);
		if (s >= hi)
			break;
		if (st->mode == SCAN_MEMMEM || ((base[s + sp->r2] | sp->f2) ==
		    sp->c2 && scan_verify(sp, base + s)))
			return (s);
		scan_miss(sp, st, s);
		lo = s + 1;
	}
	return (hi);
}

/* Returns the last match in [lo, hi) found by memmem going forward. */
static size_t
scan_memmem_rev(const struct scan_plan *sp, const unsigned char *base,
    size_t lo, size_t hi)
{
	const unsigned char	*q;
	size_t			 last = hi;

	while (lo < hi) {
		q = memmem(base + lo, hi - lo + sp->len - 1, sp->bytes,
		    sp->len);
		if (q == NULL)
			break;
		last = (size_t)(q - base);
		lo = last + 1;
	}
	return (last);
}

/* Returns the previous candidate, or a verified match in memmem mode. */
static size_t
scan_cand_rev(const struct scan_plan *sp, const struct scan_state *st,
    const unsigned char *base, size_t lo, size_t hi)
{
#ifdef HAVE_MEMRCHR
	const unsigned char	*q;
#endif

	switch (st->mode) {
	case SCAN_MEMCHR:
#ifdef HAVE_MEMRCHR
		q = memrchr(base + lo + sp->r1, sp->c1, hi - lo);
		return (q == NULL ? hi : (size_t)(q - base) - sp->r1);
#else
		return (hi);	/* scan_prev() does not let it happen */
#endif
	case SCAN_PAIR:
		return (scan_pair_rev(sp, base, lo, hi));
	case SCAN_MEMMEM:
		return (scan_memmem_rev(sp, base, lo, hi));
	}
	return (hi);
}

size_t
scan_prev(const struct scan_plan *sp, struct scan_state *st,
    const unsigned char *base, size_t lo, size_t hi)
{
	size_t	s, top = hi;

#ifndef HAVE_MEMRCHR
	if (st->mode == SCAN_MEMCHR)
		st->mode = SCAN_PAIR;
#endif
	if (sp->nlit == 0)
		return (lo < hi ? hi - 1 : hi);
	while (lo < top) {
		s = scan_cand_rev(sp, st, base, lo, top);
		if (s >= top)
			break;
		if (st->mode == SCAN_MEMMEM || ((base[s + sp->r2] | sp->f2) ==
		    sp->c2 && scan_verify(sp, base + s)))
			return (s);
		scan_miss(sp, st, s);
		top = s;
	}
	return (hi);
}
