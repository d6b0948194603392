/*
 * search_scan.c: finds matches of a pattern inside one chunk of memory.
 *
 * search.c hands over a window of candidate start offsets whose bytes
 * are all readable; this file finds the matches in it.  A prefilter
 * finds candidates and each candidate is verified against the whole
 * pattern, wildcards and case folding included.  The prefilter is the
 * pair scan of search_simd.c on the two rarest bytes that must match
 * (by a static table of how often each byte occurs), which runs at
 * memory speed on most data; memchr when only one byte value must
 * match; memmem when a literal's rare bytes turn out common in the
 * data at hand, since it is linear in the worst case.  Without vector
 * code (a CPU other than x86) the cheaper memchr on the rarest byte
 * goes first and long literals go straight to memmem, as glibc's
 * memmem then beats the scalar pair loop.  When a prefilter yields too
 * many false candidates the state moves on to the next one for the
 * rest of the chunk.  This file only reads memory: no signals, no
 * files, no mapping struct.
 */
#include "config.h"

#include "search_scan.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* False candidates a prefilter may have before it is judged. */
#define SCAN_WARMUP	32

/* Without vector code, literals this long go straight to memmem. */
#define SCAN_LONG	16

static int		 scan_is_alpha(unsigned char);
static unsigned char	 scan_lower(unsigned char);
static int		 scan_rank(unsigned char, int);
static size_t		 scan_rarest(const struct scan_plan *, size_t,
			    int);
static void		 scan_choose(struct scan_plan *);
static int		 scan_verify(const struct scan_plan *,
			    const unsigned char *);
static int		 scan_second(const struct scan_plan *,
			    const unsigned char *, size_t);
static void		 scan_miss(const struct scan_plan *,
			    struct scan_state *, size_t);
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
 * How common each byte is in the files people search, as a rank from 0
 * (rarest) to 255 (most common): byte counts over 400 programs and
 * libraries and 3000 text files (headers, manuals, documentation) of a
 * Debian system, the two kinds weighted alike.  So 0x00 and the space
 * come last, and 'H' and 'A' are common because x86-64 code is full of
 * them (0x48 is the REX.W prefix).  Only the order matters.
 */
static const unsigned char scan_ranks[256] = {
	255, 224, 191, 181, 188, 187, 155, 158,	/* 00 */
	211, 160, 236, 143, 128, 126, 208, 227,	/* 08 */
	195, 130,  96,  81, 115, 127,  68,  66,	/* 10 */
	179,  57,  53,  54,  84,  73,  65, 176,	/* 18 */
	254,  64, 214, 172, 235, 139,  98, 121,	/* 20 */
	212, 206, 183,  89, 196, 209, 215, 237,	/* 28 */
	207, 204, 167, 146, 138, 169, 105,  88,	/* 30 */
	163, 184, 168, 166, 228, 201, 226,  49,	/* 38 */
	174, 229, 186, 205, 218, 221, 175, 173,	/* 40 */
	251, 220, 104, 135, 230, 185, 197, 199,	/* 48 */
	202,  58, 194, 222, 216, 177, 141, 129,	/* 50 */
	165, 119,  44, 137, 144, 153,  70, 242,	/* 58 */
	140, 248, 217, 241, 239, 253, 231, 213,	/* 60 */
	233, 247, 159, 193, 243, 225, 246, 245,	/* 68 */
	240,  99, 244, 250, 252, 232, 189, 182,	/* 70 */
	190, 210, 107, 114, 161, 132,  67,  74,	/* 78 */
	164,  97,  55, 200, 198, 203,  91,  46,	/* 80 */
	124, 238,  24, 234, 103, 219,  69,  60,	/* 88 */
	157,  18,  14,  29,  87,  47,   9,   7,	/* 90 */
	 80,  10,   3,  12,  42,  27,   0,   8,	/* 98 */
	149,   1,   5,  17,  59,  22,   6,  11,	/* a0 */
	 76,  16,  25,  23,  51,  19,   2,  21,	/* a8 */
	102,  13,   4,  15,  71,  45, 110,  34,	/* b0 */
	112,  61, 117,  33, 108,  86, 116,  95,	/* b8 */
	192, 131, 150, 170, 118,  94, 147, 178,	/* c0 */
	100,  92,  31,  20,  39,  26,  30,  28,	/* c8 */
	145,  43, 120,  36,  38,  40,  35,  37,	/* d0 */
	122,  63,  48,  90,  41,  62,  75, 151,	/* d8 */
	136,  50,  77,  32,  78,  56,  85, 109,	/* e0 */
	223, 180,  82, 152, 111, 101, 113, 156,	/* e8 */
	142,  52,  83,  93,  79,  72, 148, 125,	/* f0 */
	162, 106, 123, 134, 133, 154, 171, 249,	/* f8 */
};

/*
 * Ranks c, twice the table's rank so that a folded letter, which
 * stands for two bytes, counts as commoner than either of them.
 */
static int
scan_rank(unsigned char c, int folded)
{
	int	lo = scan_ranks[c], up;

	if (!folded)
		return (2 * lo);
	up = scan_ranks[c & ~0x20];
	return (2 * (lo > up ? lo : up) + 1);
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
 * Chooses the pair: the rarest byte, then the rarest of another value
 * (a repeated byte tells the pair scan little), or of the same value,
 * or the first one again.
 */
static void
scan_choose(struct scan_plan *sp)
{
	struct search_pair	*pr = &sp->pair;

	pr->off1 = scan_rarest(sp, SIZE_MAX, -1);
	if (pr->off1 == SIZE_MAX) {
		pr->off1 = pr->off2 = 0;
		return;
	}
	pr->off2 = scan_rarest(sp, pr->off1, sp->want[pr->off1]);
	if (pr->off2 == SIZE_MAX)
		pr->off2 = scan_rarest(sp, pr->off1, -1);
	if (pr->off2 == SIZE_MAX)
		pr->off2 = pr->off1;
	pr->want1 = sp->want[pr->off1];
	pr->want2 = sp->want[pr->off2];
	pr->fold1 = sp->icase && scan_is_alpha(pr->want1) ? 0x20 : 0;
	pr->fold2 = sp->icase && scan_is_alpha(pr->want2) ? 0x20 : 0;
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
	sp->isa = search_simd_best();
	return (0);
}

void
scan_plan_free(struct scan_plan *sp)
{
	free(sp->want);
	sp->want = NULL;
}

/*
 * The vector pair scan goes first unless one byte value is all that
 * must match, for which memchr is as fast.  Without vector code memchr
 * goes first, and past SCAN_LONG bytes glibc's memmem skips so far that
 * it beats any scalar prefilter (measured on random data in the page
 * cache).
 */
void
scan_reset(const struct scan_plan *sp, struct scan_state *st, size_t pos)
{
	const struct search_pair	*pr = &sp->pair;
	int				 one;

	one = pr->want1 == pr->want2 && pr->fold1 == 0;
	if (sp->isa != SEARCH_ISA_SCALAR)
		st->mode = one ? SCAN_MEMCHR : SCAN_PAIR;
	else if (sp->literal && sp->len >= SCAN_LONG)
		st->mode = SCAN_MEMMEM;
	else
		st->mode = pr->fold1 == 0 ? SCAN_MEMCHR : SCAN_PAIR;
	st->misses = 0;
	st->since = pos;
}

/* Whether the pair's second byte matches at s. */
static int
scan_second(const struct scan_plan *sp, const unsigned char *base,
    size_t s)
{
	return ((base[s + sp->pair.off2] | sp->pair.fold2) ==
	    sp->pair.want2);
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

/* Returns the next candidate, or a verified match in memmem mode. */
static size_t
scan_cand_fwd(const struct scan_plan *sp, const struct scan_state *st,
    const unsigned char *base, size_t lo, size_t hi)
{
	const unsigned char	*q;

	switch (st->mode) {
	case SCAN_MEMCHR:
		q = memchr(base + lo + sp->pair.off1, sp->pair.want1, hi - lo);
		return (q == NULL ? hi : (size_t)(q - base) - sp->pair.off1);
	case SCAN_PAIR:
		return (search_simd_next(sp->isa, &sp->pair, base, lo, hi));
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
		if (st->mode == SCAN_MEMMEM || (scan_second(sp, base, s) &&
		    scan_verify(sp, base + s)))
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
		q = memrchr(base + lo + sp->pair.off1, sp->pair.want1,
		    hi - lo);
		return (q == NULL ? hi : (size_t)(q - base) - sp->pair.off1);
#else
		return (hi);	/* scan_prev() does not let it happen */
#endif
	case SCAN_PAIR:
		return (search_simd_prev(sp->isa, &sp->pair, base, lo, hi));
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
		if (st->mode == SCAN_MEMMEM || (scan_second(sp, base, s) &&
		    scan_verify(sp, base + s)))
			return (s);
		scan_miss(sp, st, s);
		top = s;
	}
	return (hi);
}
