/*
 * search_simd.c: the pair prefilter of search, 16 or 32 starts a step.
 *
 * A search spends nearly all its time here, looking for the starts
 * where two chosen bytes of the pattern both match; search_scan.c
 * verifies each one it is given.  With two bytes the pattern rarely
 * has, a false candidate comes seldom enough that the scan runs as
 * fast as memory delivers the bytes.  Each vector step loads the
 * bytes at both offsets for 32 starts (16 with SSE2), ORs in the fold
 * bit for case-insensitive letters, compares both with their wanted
 * value and ANDs the results: one bit a start.  The AVX2 loop does two
 * steps before it branches.  The scalar path is a block loop the
 * compiler vectorises for any CPU.  Each search picks the widest path
 * __builtin_cpu_supports() allows; tests force each one.
 */
#include "config.h"

#include "search_simd.h"

#include <stdint.h>

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define SEARCH_X86	1
#include <immintrin.h>
#endif

/* Starts the scalar loop tests before it looks at the result. */
#define SEARCH_BLOCK	64

static size_t	search_scalar_next(const struct search_pair *,
		    const unsigned char *, size_t, size_t);
static size_t	search_scalar_prev(const struct search_pair *,
		    const unsigned char *, size_t, size_t);

static size_t
search_scalar_next(const struct search_pair *pr, const unsigned char *base,
    size_t lo, size_t hi)
{
	const unsigned char	*a = base + pr->off1, *b = base + pr->off2;
	unsigned char		 c1 = pr->want1, c2 = pr->want2;
	unsigned char		 f1 = pr->fold1, f2 = pr->fold2;
	unsigned int		 hit;
	size_t			 i, k;

	for (i = lo; hi - i >= SEARCH_BLOCK; i += SEARCH_BLOCK) {
		hit = 0;
		for (k = 0; k < SEARCH_BLOCK; k++)
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

static size_t
search_scalar_prev(const struct search_pair *pr, const unsigned char *base,
    size_t lo, size_t hi)
{
	const unsigned char	*a = base + pr->off1, *b = base + pr->off2;
	unsigned char		 c1 = pr->want1, c2 = pr->want2;
	unsigned char		 f1 = pr->fold1, f2 = pr->fold2;
	unsigned int		 hit;
	size_t			 i, k;

	for (i = hi; i - lo >= SEARCH_BLOCK; i -= SEARCH_BLOCK) {
		hit = 0;
		for (k = i - SEARCH_BLOCK; k < i; k++)
			hit |= ((a[k] | f1) == c1) & ((b[k] | f2) == c2);
		if (hit)
			break;
	}
	while (i-- > lo)
		if ((a[i] | f1) == c1 && (b[i] | f2) == c2)
			return (i);
	return (hi);
}

#ifdef SEARCH_X86
/* The starts a 16-byte step at i matches, one bit each. */
#define SEARCH_HIT128(i)						\
	((unsigned int)_mm_movemask_epi8(_mm_and_si128(			\
	    _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128(		\
	    (const __m128i *)(const void *)(a + (i))), f1), w1),	\
	    _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128(		\
	    (const __m128i *)(const void *)(b + (i))), f2), w2))))

/* The same for 32 starts, as a vector of 0x00 or 0xff bytes. */
#define SEARCH_HIT256(i)						\
	_mm256_and_si256(						\
	    _mm256_cmpeq_epi8(_mm256_or_si256(_mm256_loadu_si256(	\
	    (const __m256i *)(const void *)(a + (i))), f1), w1),	\
	    _mm256_cmpeq_epi8(_mm256_or_si256(_mm256_loadu_si256(	\
	    (const __m256i *)(const void *)(b + (i))), f2), w2))

#define SEARCH_MASK256(v)	((uint32_t)_mm256_movemask_epi8(v))

__attribute__((target("sse2"))) static size_t
search_sse2_next(const struct search_pair *pr, const unsigned char *base,
    size_t lo, size_t hi)
{
	const unsigned char	*a = base + pr->off1, *b = base + pr->off2;
	const __m128i		 w1 = _mm_set1_epi8((char)pr->want1);
	const __m128i		 w2 = _mm_set1_epi8((char)pr->want2);
	const __m128i		 f1 = _mm_set1_epi8((char)pr->fold1);
	const __m128i		 f2 = _mm_set1_epi8((char)pr->fold2);
	unsigned int		 m;
	size_t			 i;

	for (i = lo; hi - i >= 16; i += 16)
		if ((m = SEARCH_HIT128(i)) != 0)
			return (i + (size_t)__builtin_ctz(m));
	return (search_scalar_next(pr, base, i, hi));
}

__attribute__((target("sse2"))) static size_t
search_sse2_prev(const struct search_pair *pr, const unsigned char *base,
    size_t lo, size_t hi)
{
	const unsigned char	*a = base + pr->off1, *b = base + pr->off2;
	const __m128i		 w1 = _mm_set1_epi8((char)pr->want1);
	const __m128i		 w2 = _mm_set1_epi8((char)pr->want2);
	const __m128i		 f1 = _mm_set1_epi8((char)pr->fold1);
	const __m128i		 f2 = _mm_set1_epi8((char)pr->fold2);
	unsigned int		 m;
	size_t			 i, s;

	for (i = hi; i - lo >= 16; i -= 16)
		if ((m = SEARCH_HIT128(i - 16)) != 0)
			return (i - 16 + 31 - (size_t)__builtin_clz(m));
	s = search_scalar_prev(pr, base, lo, i);
	return (s < i ? s : hi);
}

__attribute__((target("avx2"))) static size_t
search_avx2_next(const struct search_pair *pr, const unsigned char *base,
    size_t lo, size_t hi)
{
	const unsigned char	*a = base + pr->off1, *b = base + pr->off2;
	const __m256i		 w1 = _mm256_set1_epi8((char)pr->want1);
	const __m256i		 w2 = _mm256_set1_epi8((char)pr->want2);
	const __m256i		 f1 = _mm256_set1_epi8((char)pr->fold1);
	const __m256i		 f2 = _mm256_set1_epi8((char)pr->fold2);
	__m256i			 x, y;
	uint32_t		 m;
	size_t			 i;

	for (i = lo; hi - i >= 64; i += 64) {
		x = SEARCH_HIT256(i);
		y = SEARCH_HIT256(i + 32);
		if (SEARCH_MASK256(_mm256_or_si256(x, y)) == 0)
			continue;
		if ((m = SEARCH_MASK256(x)) != 0)
			return (i + (size_t)__builtin_ctz(m));
		return (i + 32 + (size_t)__builtin_ctz(SEARCH_MASK256(y)));
	}
	if (hi - i >= 32) {
		if ((m = SEARCH_MASK256(SEARCH_HIT256(i))) != 0)
			return (i + (size_t)__builtin_ctz(m));
		i += 32;
	}
	return (search_scalar_next(pr, base, i, hi));
}

__attribute__((target("avx2"))) static size_t
search_avx2_prev(const struct search_pair *pr, const unsigned char *base,
    size_t lo, size_t hi)
{
	const unsigned char	*a = base + pr->off1, *b = base + pr->off2;
	const __m256i		 w1 = _mm256_set1_epi8((char)pr->want1);
	const __m256i		 w2 = _mm256_set1_epi8((char)pr->want2);
	const __m256i		 f1 = _mm256_set1_epi8((char)pr->fold1);
	const __m256i		 f2 = _mm256_set1_epi8((char)pr->fold2);
	__m256i			 x, y;
	uint32_t		 m;
	size_t			 i, s;

	for (i = hi; i - lo >= 64; i -= 64) {
		x = SEARCH_HIT256(i - 32);
		y = SEARCH_HIT256(i - 64);
		if (SEARCH_MASK256(_mm256_or_si256(x, y)) == 0)
			continue;
		if ((m = SEARCH_MASK256(x)) != 0)
			return (i - 32 + 31 - (size_t)__builtin_clz(m));
		return (i - 64 + 31 - (size_t)__builtin_clz(SEARCH_MASK256(y)));
	}
	if (i - lo >= 32) {
		if ((m = SEARCH_MASK256(SEARCH_HIT256(i - 32))) != 0)
			return (i - 32 + 31 - (size_t)__builtin_clz(m));
		i -= 32;
	}
	s = search_scalar_prev(pr, base, lo, i);
	return (s < i ? s : hi);
}
#endif

int
search_simd_supported(enum search_isa isa)
{
	switch (isa) {
	case SEARCH_ISA_AUTO:
	case SEARCH_ISA_SCALAR:
		return (1);
#ifdef SEARCH_X86
	case SEARCH_ISA_SSE2:
		return (__builtin_cpu_supports("sse2") != 0);
	case SEARCH_ISA_AVX2:
		return (__builtin_cpu_supports("avx2") != 0);
#endif
	default:
		return (0);
	}
}

enum search_isa
search_simd_best(void)
{
	int	isa;

	for (isa = SEARCH_ISA_COUNT - 1; isa > SEARCH_ISA_SCALAR; isa--)
		if (search_simd_supported((enum search_isa)isa))
			return ((enum search_isa)isa);
	return (SEARCH_ISA_SCALAR);
}

const char *
search_simd_name(enum search_isa isa)
{
	static const char *const names[SEARCH_ISA_COUNT] = { "auto",
	    "scalar", "sse2", "avx2" };

	return (isa < SEARCH_ISA_COUNT ? names[isa] : "unknown");
}

size_t
search_simd_next(enum search_isa isa, const struct search_pair *pr,
    const unsigned char *base, size_t lo, size_t hi)
{
	if (isa == SEARCH_ISA_AUTO)
		isa = search_simd_best();
	switch (isa) {
#ifdef SEARCH_X86
	case SEARCH_ISA_SSE2:
		return (search_sse2_next(pr, base, lo, hi));
	case SEARCH_ISA_AVX2:
		return (search_avx2_next(pr, base, lo, hi));
#endif
	default:
		return (search_scalar_next(pr, base, lo, hi));
	}
}

size_t
search_simd_prev(enum search_isa isa, const struct search_pair *pr,
    const unsigned char *base, size_t lo, size_t hi)
{
	if (isa == SEARCH_ISA_AUTO)
		isa = search_simd_best();
	switch (isa) {
#ifdef SEARCH_X86
	case SEARCH_ISA_SSE2:
		return (search_sse2_prev(pr, base, lo, hi));
	case SEARCH_ISA_AVX2:
		return (search_avx2_prev(pr, base, lo, hi));
#endif
	default:
		return (search_scalar_prev(pr, base, lo, hi));
	}
}
