/*
 * search_simd.h: the pair prefilter of search, in the widest vectors
 * the CPU has, chosen at run time.
 *
 * A pair is two bytes of a pattern at their offsets in it, each maybe
 * folded: a candidate start i is one where (base[i + off] | fold) ==
 * want for both.  Every path finds the same candidates; they differ
 * only in how many starts they test at once.  The caller guarantees
 * that every byte a candidate in [lo, hi) could touch is readable:
 * base[lo + off] up to base[hi - 1 + off] for both offsets.  Nothing
 * here allocates, fails or keeps state.
 */
#ifndef MAPHEX_SEARCH_SIMD_H
#define MAPHEX_SEARCH_SIMD_H

#include <stddef.h>

/* The instruction sets the pair scan can use, slowest first. */
enum search_isa {
	SEARCH_ISA_AUTO,	/* the best this CPU has */
	SEARCH_ISA_SCALAR,	/* a byte at a time, any CPU */
	SEARCH_ISA_SSE2,	/* 16 starts a step */
	SEARCH_ISA_AVX2,	/* 32 starts a step */
	SEARCH_ISA_COUNT
};

struct search_pair {
	size_t		off1, off2;	/* offsets in the pattern */
	unsigned char	want1, want2;	/* the bytes, lowered if folded */
	unsigned char	fold1, fold2;	/* 0x20 to fold a letter, else 0 */
};

/* Whether this CPU (and this build) can run isa. */
int	search_simd_supported(enum search_isa isa);

/* The fastest supported isa; SEARCH_ISA_AUTO resolves to it. */
enum search_isa search_simd_best(void);

/* The isa's name for benchmarks and messages ("avx2"). */
const char *search_simd_name(enum search_isa isa);

/*
 * Returns the first start in [lo, hi) of base where both bytes of pr
 * match, or hi; isa must be supported.
 */
size_t	search_simd_next(enum search_isa isa, const struct search_pair *pr,
	    const unsigned char *base, size_t lo, size_t hi);

/* Returns the last such start in [lo, hi), or hi. */
size_t	search_simd_prev(enum search_isa isa, const struct search_pair *pr,
	    const unsigned char *base, size_t lo, size_t hi);

#endif
