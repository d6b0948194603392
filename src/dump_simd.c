/*
 * dump_simd.c: xxd's default line (and -u's) and -p's digits, the hot
 * loops of --dump, at the speed of the widest vectors the CPU has.
 *
 * A default line is 68 bytes while its offset is below 4 GiB: the
 * offset's 8 digits, ": ", 8 groups of 4 hex digits and a space, one
 * more space, 16 text characters and a newline.  The vector paths turn
 * a line's 16 bytes into 32 digits with one table lookup (pshufb) a
 * nibble, pick the text characters with one add and one compare, and
 * put digits and spaces in place with five shuffles; the line goes out
 * in five stores that do not overlap (overlapping and odd-aligned
 * stores cost this loop a third of its speed on the AMD EPYC it was
 * measured on).  The offsets of a run of 16 lines differ only in their
 * next to last digit, so one digit is looked up a line.  SSSE3 formats
 * a line a step, AVX two in 128-bit VEX instructions (the best on AMD
 * Zen 1, which splits 256-bit ones), AVX2 two (one a 128-bit lane),
 * AVX-512 four.  Lines
 * past 4 GiB, whose offsets are longer, a short last line and CPUs
 * without SSSE3 go to dump_scalar.c.  The path is picked once from
 * __builtin_cpu_supports(); tests force each one.  Nothing here
 * allocates, fails or keeps state.
 */
#include "config.h"

#include "dump_simd.h"

#include <string.h>

#include "dump_scalar.h"

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define DUMP_X86	1
#include <immintrin.h>
#endif

#define DUMP_COLS	16	/* bytes a line, as xxd's default -c 16 */
#define DUMP_LINE	68	/* a line with an 8-digit offset */

#ifdef DUMP_X86
/*
 * Where a line's bytes go, in five stores at 0, 16, 32, 48 and 64 of
 * its 68 bytes, which neither overlap nor (in a 4-byte aligned buffer)
 * start at odd addresses, the pattern that stores fastest.  H holds
 * the digits of bytes 0-7, G those of bytes 8-15, T the text.  The
 * store at 0 is the offset's 8 digits and the low half of X0 (": ", 5
 * digits of H); at 16, 13 digits of H and G (H shifted on by 5); at
 * 32, 13 digits of G; at 48, G's last digit, two spaces and 13 of T (G
 * shifted on by 15); the 4 bytes at 64 the rest of T and the newline.
 * 0x80 gives a zero that the constant fills with a space.
 */
static const unsigned char dump_m0[16] = { 0x80, 0x80, 0, 1, 2, 3, 0x80, 4,
	0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80 };
static const unsigned char dump_c0[16] = { ':', ' ', 0, 0, 0, 0, ' ', 0 };
static const unsigned char dump_m1[16] = { 0, 1, 2, 0x80, 3, 4, 5, 6, 0x80,
	7, 8, 9, 10, 0x80, 11, 12 };
static const unsigned char dump_c1[16] = { 0, 0, 0, ' ', 0, 0, 0, 0, ' ',
	0, 0, 0, 0, ' ', 0, 0 };
static const unsigned char dump_m2[16] = { 2, 3, 0x80, 4, 5, 6, 7, 0x80, 8,
	9, 10, 11, 0x80, 12, 13, 14 };
static const unsigned char dump_c2[16] = { 0, 0, ' ', 0, 0, 0, 0, ' ', 0,
	0, 0, 0, ' ', 0, 0, 0 };
static const unsigned char dump_m3[16] = { 0, 0x80, 0x80, 1, 2, 3, 4, 5, 6,
	7, 8, 9, 10, 11, 12, 13 };
static const unsigned char dump_c3[16] = { 0, ' ', ' ' };
static const unsigned char dump_m4[16] = { 13, 14, 15, 0x80, 0x80, 0x80,
	0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80 };
static const unsigned char dump_c4[16] = { 0, 0, 0, '\n' };

/* The next to last offset digit of line k of a run of 16, in a word. */
static const uint64_t dump_d6[16] = {
#define DUMP_D6(c)	((uint64_t)(unsigned char)(c) << 48)
	DUMP_D6('0'), DUMP_D6('1'), DUMP_D6('2'), DUMP_D6('3'), DUMP_D6('4'),
	DUMP_D6('5'), DUMP_D6('6'), DUMP_D6('7'), DUMP_D6('8'), DUMP_D6('9'),
	DUMP_D6('a'), DUMP_D6('b'), DUMP_D6('c'), DUMP_D6('d'), DUMP_D6('e'),
	DUMP_D6('f')
#undef DUMP_D6
};

#define DUMP_LD(a)	_mm_loadu_si128((const __m128i *)(const void *)(a))
#define DUMP_ST(q, v)	_mm_storeu_si128((__m128i *)(void *)(q), (v))
#define DUMP_INLINE	__attribute__((always_inline)) static inline

/* A line's constants. */
struct dump_k128 {
	__m128i	digits, nib, c60, cm33, dots;
	__m128i	m0, m1, m2, m3, m4, c0, c1, c2, c3, c4;
};

static size_t	 dump_short_offsets(uint64_t, size_t);
static size_t	 dump_ssse3(char *, const char *, uint64_t,
		    const unsigned char *, size_t);
static size_t	 dump_avx(char *, const char *, uint64_t,
		    const unsigned char *, size_t);
static size_t	 dump_avx2(char *, const char *, uint64_t,
		    const unsigned char *, size_t);
static size_t	 dump_avx512(char *, const char *, uint64_t,
		    const unsigned char *, size_t);
static size_t	 dump_plain_ssse3(char *, const char *, uint64_t, uint64_t,
		    const unsigned char *, size_t);
static size_t	 dump_plain_avx(char *, const char *, uint64_t, uint64_t,
		    const unsigned char *, size_t);

__attribute__((target("ssse3"))) DUMP_INLINE void
dump_k128_init(struct dump_k128 *k, const char *hex)
{
	char	digits[16];
	int	i;

	for (i = 0; i < 16; i++)
		digits[i] = hex[2 * i + 1];
	k->digits = DUMP_LD(digits);
	k->nib = _mm_set1_epi8(0x0f);
	k->c60 = _mm_set1_epi8(0x60);
	k->cm33 = _mm_set1_epi8(-33);
	k->dots = _mm_set1_epi8('.');
	k->m0 = DUMP_LD(dump_m0);
	k->m1 = DUMP_LD(dump_m1);
	k->m2 = DUMP_LD(dump_m2);
	k->m3 = DUMP_LD(dump_m3);
	k->m4 = DUMP_LD(dump_m4);
	k->c0 = DUMP_LD(dump_c0);
	k->c1 = DUMP_LD(dump_c1);
	k->c2 = DUMP_LD(dump_c2);
	k->c3 = DUMP_LD(dump_c3);
	k->c4 = DUMP_LD(dump_c4);
}

/*
 * Formats the 16 bytes at p as the line at q whose offset's digits are
 * the word w.  A byte is kept in the text when b + 0x60, signed, is
 * below -33, which is 0x20 <= b <= 0x7e.
 */
__attribute__((target("ssse3"))) DUMP_INLINE void
dump_line128(const struct dump_k128 *k, char *q, uint64_t w,
    const unsigned char *p)
{
	__m128i	v = DUMP_LD(p), hi, lo, h, g, t, keep;

	hi = _mm_shuffle_epi8(k->digits, _mm_and_si128(_mm_srli_epi16(v, 4),
	    k->nib));
	lo = _mm_shuffle_epi8(k->digits, _mm_and_si128(v, k->nib));
	h = _mm_unpacklo_epi8(hi, lo);
	g = _mm_unpackhi_epi8(hi, lo);
	keep = _mm_cmplt_epi8(_mm_add_epi8(v, k->c60), k->cm33);
	t = _mm_or_si128(_mm_and_si128(keep, v), _mm_andnot_si128(keep,
	    k->dots));
	DUMP_ST(q, _mm_unpacklo_epi64(_mm_set_epi64x(0, (long long)w),
	    _mm_or_si128(_mm_shuffle_epi8(h, k->m0), k->c0)));
	DUMP_ST(q + 16, _mm_or_si128(_mm_shuffle_epi8(_mm_alignr_epi8(g, h,
	    5), k->m1), k->c1));
	DUMP_ST(q + 32, _mm_or_si128(_mm_shuffle_epi8(g, k->m2), k->c2));
	DUMP_ST(q + 48, _mm_or_si128(_mm_shuffle_epi8(_mm_alignr_epi8(t, g,
	    15), k->m3), k->c3));
	_mm_storeu_si32(q + 64, _mm_or_si128(_mm_shuffle_epi8(t, k->m4),
	    k->c4));
}

/*
 * Lines i to end of those at p, shown from o < 4 GiB, at q, each
 * offset computed whole.  Returns the end.
 */
__attribute__((target("ssse3"))) DUMP_INLINE char *
dump_each(const struct dump_k128 *k, char *q, uint32_t o,
    const unsigned char *p, size_t i, size_t end)
{
	for (; i < end; i++) {
		dump_line128(k, q, dump_scalar_digits8(o + DUMP_COLS * (uint32_t)i),
		    p + DUMP_COLS * i);
		q += DUMP_LINE;
	}
	return (q);
}

/* Lines before the first that starts a run of 16, at most lines. */
static size_t
dump_lead(uint32_t o, size_t lines)
{
	size_t	lead = 15 & (0 - (o >> 4));

	return (lead < lines ? lead : lines);
}

/*
 * The lines of n bytes at off that dump_each() cannot do, one at a
 * time: those whose offsets are longer than 8 digits (or wrap past
 * 2^64) and a short last line.  Returns the end.
 */
__attribute__((target("ssse3"))) DUMP_INLINE char *
dump_rest(const struct dump_k128 *k, char *q, const char *hex,
    uint64_t off, const unsigned char *p, size_t n)
{
	char	line[DUMP_LINE + 16];
	size_t	i, nd;

	for (i = 0; n - i >= DUMP_COLS; i += DUMP_COLS) {
		/* The line with the offset's last 8 digits, moved up. */
		dump_line128(k, line + 8, dump_scalar_digits8((uint32_t)(off + i)),
		    p + i);
		nd = (size_t)(dump_scalar_offset(q, off + i) - q) - 2;
		memcpy(q + nd - 8, line + 8, DUMP_LINE);
		q += nd - 8 + DUMP_LINE;
	}
	if (i < n) {
		q = dump_scalar_offset(q, off + i);
		q = dump_scalar_short(q, hex, p + i, n - i);
	}
	return (q);
}

/* Whole lines at off that all have 8-digit offsets. */
static size_t
dump_short_offsets(uint64_t off, size_t n)
{
	uint64_t	room;

	if (off > UINT32_MAX)
		return (0);
	room = ((uint64_t)UINT32_MAX - off) / DUMP_COLS + 1;
	return (n / DUMP_COLS < room ? n / DUMP_COLS : (size_t)room);
}

/*
 * One line a step: the 128-bit shape the wider paths repeat per lane.
 * The lines come in runs of 16, whose offsets differ only in their
 * next to last digit.
 */
__attribute__((target("ssse3"))) static size_t
dump_ssse3(char *out, const char *hex, uint64_t off, const unsigned char *p,
    size_t n)
{
	struct dump_k128	 k;
	size_t			 lines = dump_short_offsets(off, n), i, j;
	uint32_t		 o = (uint32_t)off;
	uint64_t		 base;
	char			*q = out;

	dump_k128_init(&k, hex);
	i = dump_lead(o, lines);
	q = dump_each(&k, q, o, p, 0, i);
	for (; lines - i >= 16; i += 16) {
		base = dump_scalar_digits8(o + DUMP_COLS * (uint32_t)i) ^ dump_d6[0];
		for (j = 0; j < 16; j++) {
			dump_line128(&k, q, base | dump_d6[j],
			    p + DUMP_COLS * (i + j));
			q += DUMP_LINE;
		}
	}
	q = dump_each(&k, q, o, p, i, lines);
	i = lines * DUMP_COLS;
	return ((size_t)(dump_rest(&k, q, hex, off + i, p + i, n - i) - out));
}

/*
 * Two lines a step in 128-bit VEX instructions, for CPUs that run a
 * 256-bit instruction as two 128-bit halves: no lanes to move out, and
 * no register copies.  As dump_ssse3() otherwise.
 */
__attribute__((target("avx"))) static size_t
dump_avx(char *out, const char *hex, uint64_t off, const unsigned char *p,
    size_t n)
{
	struct dump_k128	 k;
	size_t			 lines = dump_short_offsets(off, n), i, j;
	uint32_t		 o = (uint32_t)off;
	uint64_t		 base;
	char			*q = out;

	dump_k128_init(&k, hex);
	i = dump_lead(o, lines);
	q = dump_each(&k, q, o, p, 0, i);
	for (; lines - i >= 16; i += 16) {
		base = dump_scalar_digits8(o + DUMP_COLS * (uint32_t)i) ^
		    dump_d6[0];
		for (j = 0; j < 16; j += 2) {
			dump_line128(&k, q, base | dump_d6[j],
			    p + DUMP_COLS * (i + j));
			dump_line128(&k, q + DUMP_LINE, base | dump_d6[j + 1],
			    p + DUMP_COLS * (i + j + 1));
			q += 2 * DUMP_LINE;
		}
	}
	q = dump_each(&k, q, o, p, i, lines);
	i = lines * DUMP_COLS;
	return ((size_t)(dump_rest(&k, q, hex, off + i, p + i, n - i) - out));
}

/* The constants of a line, the same in each 128-bit lane. */
struct dump_k256 {
	__m256i	digits, nib, c60, cm33, dots;
	__m256i	m0, m1, m2, m3, m4, c0, c1, c2, c3, c4;
};

#define DUMP_B256(v)	_mm256_broadcastsi128_si256(v)

__attribute__((target("avx2"))) DUMP_INLINE void
dump_k256_init(struct dump_k256 *k2, const struct dump_k128 *k)
{
	k2->digits = DUMP_B256(k->digits);
	k2->nib = DUMP_B256(k->nib);
	k2->c60 = DUMP_B256(k->c60);
	k2->cm33 = DUMP_B256(k->cm33);
	k2->dots = DUMP_B256(k->dots);
	k2->m0 = DUMP_B256(k->m0);
	k2->m1 = DUMP_B256(k->m1);
	k2->m2 = DUMP_B256(k->m2);
	k2->m3 = DUMP_B256(k->m3);
	k2->m4 = DUMP_B256(k->m4);
	k2->c0 = DUMP_B256(k->c0);
	k2->c1 = DUMP_B256(k->c1);
	k2->c2 = DUMP_B256(k->c2);
	k2->c3 = DUMP_B256(k->c3);
	k2->c4 = DUMP_B256(k->c4);
}

/* Stores the two lanes of v at q, the first line, and a line later. */
#define DUMP_ST2(q, v) do {						\
	DUMP_ST((q), _mm256_castsi256_si128(v));			\
	DUMP_ST((q) + DUMP_LINE, _mm256_extracti128_si256((v), 1));	\
} while (0)

/* dump_line128() on two lines, the second's offset w1. */
__attribute__((target("avx2"))) DUMP_INLINE void
dump_line256(const struct dump_k256 *k, char *q, uint64_t w0, uint64_t w1,
    const unsigned char *p)
{
	__m256i	v, hi, lo, h, g, t, x;

	v = _mm256_loadu_si256((const __m256i *)(const void *)p);
	hi = _mm256_shuffle_epi8(k->digits, _mm256_and_si256(
	    _mm256_srli_epi16(v, 4), k->nib));
	lo = _mm256_shuffle_epi8(k->digits, _mm256_and_si256(v, k->nib));
	h = _mm256_unpacklo_epi8(hi, lo);
	g = _mm256_unpackhi_epi8(hi, lo);
	t = _mm256_blendv_epi8(k->dots, v, _mm256_cmpgt_epi8(k->cm33,
	    _mm256_add_epi8(v, k->c60)));
	x = _mm256_or_si256(_mm256_shuffle_epi8(h, k->m0), k->c0);
	DUMP_ST(q, _mm_unpacklo_epi64(_mm_set_epi64x(0, (long long)w0),
	    _mm256_castsi256_si128(x)));
	DUMP_ST(q + DUMP_LINE, _mm_unpacklo_epi64(_mm_set_epi64x(0,
	    (long long)w1), _mm256_extracti128_si256(x, 1)));
	x = _mm256_or_si256(_mm256_shuffle_epi8(_mm256_alignr_epi8(g, h, 5),
	    k->m1), k->c1);
	DUMP_ST2(q + 16, x);
	x = _mm256_or_si256(_mm256_shuffle_epi8(g, k->m2), k->c2);
	DUMP_ST2(q + 32, x);
	x = _mm256_or_si256(_mm256_shuffle_epi8(_mm256_alignr_epi8(t, g, 15),
	    k->m3), k->c3);
	DUMP_ST2(q + 48, x);
	x = _mm256_or_si256(_mm256_shuffle_epi8(t, k->m4), k->c4);
	_mm_storeu_si32(q + 64, _mm256_castsi256_si128(x));
	_mm_storeu_si32(q + DUMP_LINE + 64, _mm256_extracti128_si256(x, 1));
}

/* Two lines a step, one a 128-bit lane; as dump_ssse3() otherwise. */
__attribute__((target("avx2"))) static size_t
dump_avx2(char *out, const char *hex, uint64_t off, const unsigned char *p,
    size_t n)
{
	struct dump_k128	 k;
	struct dump_k256	 k2;
	size_t			 lines = dump_short_offsets(off, n), i, j;
	uint32_t		 o = (uint32_t)off;
	uint64_t		 base;
	char			*q = out;

	dump_k128_init(&k, hex);
	dump_k256_init(&k2, &k);
	i = dump_lead(o, lines);
	q = dump_each(&k, q, o, p, 0, i);
	for (; lines - i >= 16; i += 16) {
		base = dump_scalar_digits8(o + DUMP_COLS * (uint32_t)i) ^ dump_d6[0];
		for (j = 0; j < 16; j += 2) {
			dump_line256(&k2, q, base | dump_d6[j],
			    base | dump_d6[j + 1], p + DUMP_COLS * (i + j));
			q += 2 * DUMP_LINE;
		}
	}
	q = dump_each(&k, q, o, p, i, lines);
	i = lines * DUMP_COLS;
	return ((size_t)(dump_rest(&k, q, hex, off + i, p + i, n - i) - out));
}

/* The constants of a line, the same in each 128-bit lane. */
struct dump_k512 {
	__m512i	digits, nib, c60, cm33, dots;
	__m512i	m0, m1, m2, m3, m4, c0, c1, c2, c3, c4;
};

#define DUMP_B512(v)	_mm512_broadcast_i32x4(v)

__attribute__((target("avx512f,avx512bw"))) DUMP_INLINE void
dump_k512_init(struct dump_k512 *k4, const struct dump_k128 *k)
{
	k4->digits = DUMP_B512(k->digits);
	k4->nib = DUMP_B512(k->nib);
	k4->c60 = DUMP_B512(k->c60);
	k4->cm33 = DUMP_B512(k->cm33);
	k4->dots = DUMP_B512(k->dots);
	k4->m0 = DUMP_B512(k->m0);
	k4->m1 = DUMP_B512(k->m1);
	k4->m2 = DUMP_B512(k->m2);
	k4->m3 = DUMP_B512(k->m3);
	k4->m4 = DUMP_B512(k->m4);
	k4->c0 = DUMP_B512(k->c0);
	k4->c1 = DUMP_B512(k->c1);
	k4->c2 = DUMP_B512(k->c2);
	k4->c3 = DUMP_B512(k->c3);
	k4->c4 = DUMP_B512(k->c4);
}

/* Lane l of v. */
#define DUMP_LANE(v, l)	_mm512_extracti32x4_epi32((v), (l))

/* Stores the four lanes of v a line apart from q. */
#define DUMP_ST4(q, v) do {						\
	DUMP_ST((q), DUMP_LANE((v), 0));				\
	DUMP_ST((q) + DUMP_LINE, DUMP_LANE((v), 1));			\
	DUMP_ST((q) + 2 * DUMP_LINE, DUMP_LANE((v), 2));		\
	DUMP_ST((q) + 3 * DUMP_LINE, DUMP_LANE((v), 3));		\
} while (0)

/* The line at q + l lines from lane l of x0 (v the line's offset). */
#define DUMP_HEAD4(q, x0, w, l)						\
	DUMP_ST((q) + (l) * DUMP_LINE, _mm_unpacklo_epi64(		\
	    _mm_set_epi64x(0, (long long)(w)[l]), DUMP_LANE((x0), (l))))
#define DUMP_TAIL4(q, x4, l)						\
	_mm_storeu_si32((q) + (l) * DUMP_LINE + 64, DUMP_LANE((x4), (l)))

/* dump_line128() on four lines, with the offsets w[0..3]. */
__attribute__((target("avx512f,avx512bw"))) DUMP_INLINE void
dump_line512(const struct dump_k512 *k, char *q, const uint64_t *w,
    const unsigned char *p)
{
	__m512i		v, hi, lo, h, g, t, x;
	__mmask64	keep;

	v = _mm512_loadu_si512((const void *)p);
	hi = _mm512_shuffle_epi8(k->digits, _mm512_and_si512(
	    _mm512_srli_epi16(v, 4), k->nib));
	lo = _mm512_shuffle_epi8(k->digits, _mm512_and_si512(v, k->nib));
	h = _mm512_unpacklo_epi8(hi, lo);
	g = _mm512_unpackhi_epi8(hi, lo);
	keep = _mm512_cmpgt_epi8_mask(k->cm33, _mm512_add_epi8(v, k->c60));
	t = _mm512_mask_blend_epi8(keep, k->dots, v);
	x = _mm512_or_si512(_mm512_shuffle_epi8(h, k->m0), k->c0);
	DUMP_HEAD4(q, x, w, 0);
	DUMP_HEAD4(q, x, w, 1);
	DUMP_HEAD4(q, x, w, 2);
	DUMP_HEAD4(q, x, w, 3);
	x = _mm512_or_si512(_mm512_shuffle_epi8(_mm512_alignr_epi8(g, h, 5),
	    k->m1), k->c1);
	DUMP_ST4(q + 16, x);
	x = _mm512_or_si512(_mm512_shuffle_epi8(g, k->m2), k->c2);
	DUMP_ST4(q + 32, x);
	x = _mm512_or_si512(_mm512_shuffle_epi8(_mm512_alignr_epi8(t, g, 15),
	    k->m3), k->c3);
	DUMP_ST4(q + 48, x);
	x = _mm512_or_si512(_mm512_shuffle_epi8(t, k->m4), k->c4);
	DUMP_TAIL4(q, x, 0);
	DUMP_TAIL4(q, x, 1);
	DUMP_TAIL4(q, x, 2);
	DUMP_TAIL4(q, x, 3);
}

/* Four lines a step (AVX-512 BW); as dump_ssse3() otherwise. */
__attribute__((target("avx512f,avx512bw"))) static size_t
dump_avx512(char *out, const char *hex, uint64_t off,
    const unsigned char *p, size_t n)
{
	struct dump_k128	 k;
	struct dump_k512	 k4;
	size_t			 lines = dump_short_offsets(off, n), i, j;
	uint32_t		 o = (uint32_t)off;
	uint64_t		 base, w[4];
	char			*q = out;
	int			 l;

	dump_k128_init(&k, hex);
	dump_k512_init(&k4, &k);
	i = dump_lead(o, lines);
	q = dump_each(&k, q, o, p, 0, i);
	for (; lines - i >= 16; i += 16) {
		base = dump_scalar_digits8(o + DUMP_COLS * (uint32_t)i) ^ dump_d6[0];
		for (j = 0; j < 16; j += 4) {
			for (l = 0; l < 4; l++)
				w[l] = base | dump_d6[j + (size_t)l];
			dump_line512(&k4, q, w, p + DUMP_COLS * (i + j));
			q += 4 * DUMP_LINE;
		}
	}
	q = dump_each(&k, q, o, p, i, lines);
	i = lines * DUMP_COLS;
	return ((size_t)(dump_rest(&k, q, hex, off + i, p + i, n - i) - out));
}

/* -p's digits of the 16 bytes at p, 32 of them at q. */
__attribute__((target("ssse3"))) DUMP_INLINE void
dump_hex32(const struct dump_k128 *k, char *q, const unsigned char *p)
{
	__m128i	v = DUMP_LD(p), hi, lo;

	hi = _mm_shuffle_epi8(k->digits, _mm_and_si128(_mm_srli_epi16(v, 4),
	    k->nib));
	lo = _mm_shuffle_epi8(k->digits, _mm_and_si128(v, k->nib));
	DUMP_ST(q, _mm_unpacklo_epi8(hi, lo));
	DUMP_ST(q + 16, _mm_unpackhi_epi8(hi, lo));
}

/*
 * -p as dump_scalar_plain(), a line at a time: 16 bytes a step, and a
 * last step of fewer bytes that still converts 16 where the input has
 * them, its extra digits landing where the newline and the next line
 * overwrite them (or in the slack).
 */
__attribute__((target("ssse3"))) DUMP_INLINE size_t
dump_plain128(char *out, const char *hex, uint64_t cols, uint64_t index,
    const unsigned char *p, size_t n)
{
	struct dump_k128	 k;
	uint64_t		 col = cols > 0 ? index % cols : 0;
	size_t			 i, j, len;
	char			*q = out;

	dump_k128_init(&k, hex);
	for (i = 0; i < n; i += len) {
		len = n - i;
		if (cols > 0 && cols - col <= len)
			len = (size_t)(cols - col);
		for (j = 0; len - j >= DUMP_COLS; j += DUMP_COLS)
			dump_hex32(&k, q + 2 * j, p + i + j);
		if (j < len && n - i - j >= DUMP_COLS)
			dump_hex32(&k, q + 2 * j, p + i + j);
		else if (j < len)
			dump_scalar_plain(q + 2 * j, hex, 0, 0, p + i + j,
			    len - j);
		q += 2 * len;
		col += len;
		if (cols > 0 && col == cols) {
			*q++ = '\n';
			col = 0;
		}
	}
	return ((size_t)(q - out));
}

__attribute__((target("ssse3"))) static size_t
dump_plain_ssse3(char *out, const char *hex, uint64_t cols, uint64_t index,
    const unsigned char *p, size_t n)
{
	return (dump_plain128(out, hex, cols, index, p, n));
}

/* The same in VEX encoding, which saves the register copies. */
__attribute__((target("avx"))) static size_t
dump_plain_avx(char *out, const char *hex, uint64_t cols, uint64_t index,
    const unsigned char *p, size_t n)
{
	return (dump_plain128(out, hex, cols, index, p, n));
}
#endif

int
dump_simd_supported(enum dump_isa isa)
{
	switch (isa) {
	case DUMP_ISA_AUTO:
	case DUMP_ISA_SCALAR:
		return (1);
#ifdef DUMP_X86
	/* __builtin_cpu_supports() returns a flag's bit, not 1. */
	case DUMP_ISA_SSSE3:
		return (__builtin_cpu_supports("ssse3") != 0);
	case DUMP_ISA_AVX:
		return (__builtin_cpu_supports("avx") != 0);
	case DUMP_ISA_AVX2:
		return (__builtin_cpu_supports("avx2") != 0);
	case DUMP_ISA_AVX512:
		return (__builtin_cpu_supports("avx512f") &&
		    __builtin_cpu_supports("avx512bw"));
#endif
	default:
		return (0);
	}
}

enum dump_isa
dump_simd_best(void)
{
	int	isa;

#ifdef DUMP_X86
	/* Zen 1 runs 256-bit instructions as two halves: AVX is faster. */
	if (!dump_simd_supported(DUMP_ISA_AVX512) &&
	    dump_simd_supported(DUMP_ISA_AVX) && __builtin_cpu_is("znver1"))
		return (DUMP_ISA_AVX);
#endif
	for (isa = DUMP_ISA_COUNT - 1; isa > DUMP_ISA_SCALAR; isa--)
		if (dump_simd_supported((enum dump_isa)isa))
			return ((enum dump_isa)isa);
	return (DUMP_ISA_SCALAR);
}

const char *
dump_simd_name(enum dump_isa isa)
{
	static const char *const names[DUMP_ISA_COUNT] = { "auto", "scalar",
	    "ssse3", "avx", "avx2", "avx512" };

	return (isa < DUMP_ISA_COUNT ? names[isa] : "unknown");
}

size_t
dump_simd_lines(enum dump_isa isa, int upper, char *out, uint64_t off,
    const unsigned char *p, size_t n)
{
	const char	*hex = dump_scalar_hex(upper);

	if (isa == DUMP_ISA_AUTO)
		isa = dump_simd_best();
	switch (isa) {
#ifdef DUMP_X86
	case DUMP_ISA_SSSE3:
		return (dump_ssse3(out, hex, off, p, n));
	case DUMP_ISA_AVX:
		return (dump_avx(out, hex, off, p, n));
	case DUMP_ISA_AVX2:
		return (dump_avx2(out, hex, off, p, n));
	case DUMP_ISA_AVX512:
		return (dump_avx512(out, hex, off, p, n));
#endif
	default:
		return (dump_scalar_lines(out, hex, off, p, n));
	}
}

size_t
dump_simd_plain(enum dump_isa isa, int upper, char *out, uint64_t cols,
    uint64_t index, const unsigned char *p, size_t n)
{
	const char	*hex = dump_scalar_hex(upper);

	if (isa == DUMP_ISA_AUTO)
		isa = dump_simd_best();
	switch (isa) {
#ifdef DUMP_X86
	case DUMP_ISA_SSSE3:
		return (dump_plain_ssse3(out, hex, cols, index, p, n));
	case DUMP_ISA_AVX:
	case DUMP_ISA_AVX2:
	case DUMP_ISA_AVX512:
		return (dump_plain_avx(out, hex, cols, index, p, n));
#endif
	default:
		return (dump_scalar_plain(out, hex, cols, index, p, n));
	}
}
