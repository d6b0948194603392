/*
 * bench_dump_simd.c: the --dump formatter on each path this CPU has,
 * and a plain vector formatter written here to measure it against.
 *
 * Built by bench_dump.sh with src/dump_simd.c and src/dump_scalar.c,
 * it formats MIB mebibytes of pseudo-random bytes in memory (no file,
 * no write) in 256 KiB steps as --dump does, best of five per path in
 * CPU time (a loaded machine skews wall-clock time), and prints one
 * line a path:
 *	NAME SECONDS
 * then "reference SECONDS" for ref_lines() below (on a CPU with AVX2)
 * and "best NAME", the path --dump picks, so that the paths can be read
 * as ratios to the scalar path and the picked one to the reference.
 * Before timing, the reference's output is compared with the scalar
 * path's and the picked path's on every step; a difference exits 1.
 *	bench_dump_simd MIB
 *
 * The reference is the straightforward way to vectorise xxd's line,
 * written without looking at dump_simd.c's tricks: per line, the
 * offset's 8 digits from one nibble lookup, the 32 data digits from
 * two, three shuffles to spread them into groups, a compare and a blend
 * for the text, and six unaligned stores that may overlap.  It handles
 * offsets below 4 GiB only, which is all this benchmark needs.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dump_simd.h"

#define STEP	(256 * 1024)
#define RUNS	5

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define HAVE_REF	1

#define LD(a)	_mm_loadu_si128((const __m128i *)(const void *)(a))
#define ST(q, v) _mm_storeu_si128((__m128i *)(void *)(q), (v))

/* Hex area bytes 0-15 from the digits of bytes 0-7 (0x80: a space). */
static const unsigned char ref_a[16] = { 0, 1, 2, 3, 0x80, 4, 5, 6, 7, 0x80,
	8, 9, 10, 11, 0x80, 12 };
/*
 * Bytes 16-31: the rest of bytes 0-7, then the start of bytes 8-15,
 * OR-ed into the spaces of the first shuffle; every hex digit has bit
 * 0x20 set, so the space under it does not change it.
 */
static const unsigned char ref_b1[16] = { 13, 14, 15, 0x80, 0x80, 0x80,
	0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80 };
static const unsigned char ref_b2[16] = { 0x80, 0x80, 0x80, 0x80, 0, 1, 2,
	3, 0x80, 4, 5, 6, 7, 0x80, 8, 9 };
/* Bytes 32-47: the end of bytes 8-15 and spaces up to the text. */
static const unsigned char ref_c[16] = { 10, 11, 0x80, 12, 13, 14, 15,
	0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80 };

/* Turns the nibbles in x (0-15 a byte) into hex digits; 0x80 a space. */
__attribute__((target("avx2"))) static __m128i
ref_spread(__m128i x, const unsigned char *mask)
{
	__m128i	m = LD(mask);

	return (_mm_or_si128(_mm_shuffle_epi8(x, m), _mm_and_si128(
	    _mm_cmpeq_epi8(m, _mm_set1_epi8((char)0x80)),
	    _mm_set1_epi8(' '))));
}

/* One 16-byte line at offset off < 4 GiB; returns its end. */
__attribute__((target("avx2"))) static char *
ref_line(char *q, uint32_t off, const unsigned char *p)
{
	const __m128i	digits = _mm_setr_epi8('0', '1', '2', '3', '4', '5',
			    '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f');
	const __m128i	nib = _mm_set1_epi8(0x0f);
	__m128i		o, v, hi, lo, h, g, printable;

	/* The offset: its bytes, most significant first, split in two. */
	o = _mm_cvtsi32_si128((int)__builtin_bswap32(off));
	o = _mm_unpacklo_epi8(_mm_and_si128(_mm_srli_epi16(o, 4), nib),
	    _mm_and_si128(o, nib));
	_mm_storel_epi64((__m128i *)(void *)q, _mm_shuffle_epi8(digits, o));
	q[8] = ':';
	q[9] = ' ';
	v = LD(p);
	hi = _mm_shuffle_epi8(digits, _mm_and_si128(_mm_srli_epi16(v, 4), nib));
	lo = _mm_shuffle_epi8(digits, _mm_and_si128(v, nib));
	h = _mm_unpacklo_epi8(hi, lo);
	g = _mm_unpackhi_epi8(hi, lo);
	ST(q + 10, ref_spread(h, ref_a));
	ST(q + 26, _mm_or_si128(ref_spread(h, ref_b1), _mm_shuffle_epi8(g,
	    LD(ref_b2))));
	ST(q + 42, ref_spread(g, ref_c));
	printable = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1f)),
	    _mm_cmplt_epi8(v, _mm_set1_epi8(0x7f)));
	ST(q + 51, _mm_blendv_epi8(_mm_set1_epi8('.'), v, printable));
	q[67] = '\n';
	return (q + 68);
}

/* Whole lines only: n is a multiple of 16 here. */
static size_t
ref_lines(char *out, uint32_t off, const unsigned char *p, size_t n)
{
	char	*q = out;
	size_t	 i;

	for (i = 0; i < n; i += 16)
		q = ref_line(q, off + (uint32_t)i, p + i);
	return ((size_t)(q - out));
}
#endif

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

/* The best of RUNS times of formatting size bytes on isa, 0 the reference. */
static double
timed(int isa, char *out, const unsigned char *data, size_t size,
    size_t *sink)
{
	double	best = 1e9, t;
	size_t	i;
	int	run;

	for (run = 0; run < RUNS; run++) {
		t = now();
		for (i = 0; i < size; i += STEP) {
#ifdef HAVE_REF
			if (isa == 0) {
				*sink += ref_lines(out, (uint32_t)i, data + i,
				    STEP);
				continue;
			}
#endif
			*sink += dump_simd_lines((enum dump_isa)isa, 0, out, i,
			    data + i, STEP);
		}
		t = now() - t;
		if (t < best)
			best = t;
	}
	return (best);
}

#ifdef HAVE_REF
/* Whether the reference, the scalar and the best path agree on every step. */
static int
same(const unsigned char *data, size_t size)
{
	static char	a[STEP / 16 * 80 + DUMP_SIMD_SLACK];
	static char	b[sizeof a], c[sizeof a];
	size_t		i, la, lb, lc;

	for (i = 0; i < size; i += STEP) {
		la = ref_lines(a, (uint32_t)i, data + i, STEP);
		lb = dump_simd_lines(DUMP_ISA_SCALAR, 0, b, i, data + i, STEP);
		lc = dump_simd_lines(DUMP_ISA_AUTO, 0, c, i, data + i, STEP);
		if (la != lb || memcmp(a, b, la) != 0 || lb != lc ||
		    memcmp(b, c, lb) != 0) {
			fprintf(stderr, "bench_dump_simd: the reference, scalar "
			    "and %s paths differ at offset %zu\n",
			    dump_simd_name(dump_simd_best()), i);
			return (0);
		}
	}
	return (1);
}
#endif

int
main(int argc, char **argv)
{
	size_t		 mib = argc > 1 ? strtoul(argv[1], NULL, 10) : 256;
	size_t		 size = mib * 1024 * 1024, i, sink = 0;
	int		 ref = 0;
	unsigned char	*data = malloc(size);
	char		*out = malloc(STEP / 16 * 80 + DUMP_SIMD_SLACK);
	uint64_t	 x = 88172645463325252ULL;
	int		 isa;

	if (data == NULL || out == NULL || size == 0)
		return (1);
	for (i = 0; i < size; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		data[i] = (unsigned char)x;
	}
	/* Every byte value, so each digit and text character is compared. */
	for (i = 0; i < 256 && i < size; i++)
		data[i] = (unsigned char)i;
#ifdef HAVE_REF
	ref = __builtin_cpu_supports("avx2") != 0;
	if (ref && !same(data, size))
		return (1);
#endif
	for (isa = DUMP_ISA_SCALAR; isa < DUMP_ISA_COUNT; isa++)
		if (dump_simd_supported((enum dump_isa)isa))
			printf("%s %.4f\n", dump_simd_name((enum dump_isa)isa),
			    timed(isa, out, data, size, &sink));
	if (ref)
		printf("reference %.4f\n", timed(0, out, data, size, &sink));
	printf("best %s\n", dump_simd_name(dump_simd_best()));
	free(out);
	free(data);
	return (sink == 0);
}
