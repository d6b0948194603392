/*
 * search_scan.h: the inner loops of search, private to search.c.
 *
 * A plan is a pattern compiled for scanning: which of its bytes a
 * prefilter looks for and how the rest is verified.  A scan state
 * remembers, within one chunk, which prefilter is in use and how well
 * it has done.  The scans only read memory; the caller guarantees that
 * base[lo] up to base[hi + len - 2] are mapped and guards the call.
 */
#ifndef MAPHEX_SEARCH_SCAN_H
#define MAPHEX_SEARCH_SCAN_H

#include <stddef.h>

#include "pattern.h"
#include "search_simd.h"

enum scan_mode {
	SCAN_MEMCHR,	/* memchr/memrchr on the rarest byte, then verify */
	SCAN_PAIR,	/* vector loop on two bytes at once, then verify */
	SCAN_MEMMEM	/* memmem on the whole pattern (literals only) */
};

struct scan_plan {
	const unsigned char	*bytes;
	const unsigned char	*mask;
	unsigned char		*want;	/* bytes & mask, lowered if icase */
	size_t			 len;
	int			 icase;
	int			 literal;	/* no wildcard, no folding */
	int			 nonzero;	/* zeros cannot match */
	size_t			 nlit;	/* bytes that must match */
	struct search_pair	 pair;	/* the two rarest that must match */
	enum search_isa		 isa;	/* how the pair is scanned */
};

struct scan_state {
	enum scan_mode	mode;
	size_t		misses;	/* false candidates so far */
	size_t		since;	/* offset the count began at */
};

/*
 * Compiles p into sp, to be scanned with the best isa this CPU has
 * (tests may set sp->isa to any supported one afterwards).  Returns 0,
 * or -1 when out of memory.
 */
int	scan_plan_init(struct scan_plan *sp, const struct pattern *p);

/* Frees what scan_plan_init() allocated. */
void	scan_plan_free(struct scan_plan *sp);

/* Starts a chunk at offset pos with the plan's best prefilter. */
void	scan_reset(const struct scan_plan *sp, struct scan_state *st,
	    size_t pos);

/* Returns the first match start in [lo, hi) of base, or hi if none. */
size_t	scan_next(const struct scan_plan *sp, struct scan_state *st,
	    const unsigned char *base, size_t lo, size_t hi);

/* Returns the last match start in [lo, hi) of base, or hi if none. */
size_t	scan_prev(const struct scan_plan *sp, struct scan_state *st,
	    const unsigned char *base, size_t lo, size_t hi);

#endif
