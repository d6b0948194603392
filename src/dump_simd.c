/*
 * dump_simd.c: xxd's default line, the hot loop of --dump, at the speed
 * of the widest vectors the CPU has.
 *
 * Every path builds the same 58 bytes after a line's offset: 8 groups
 * of 4 hex digits and a space, one more space, 16 text characters and
 * a newline.  The scalar path assembles them in 64-bit words from a
 * table of hex pairs; the vector paths turn 16 bytes into 32 digits
 * with one table lookup (pshufb) a nibble, pick the text characters
 * with two compares, and place everything with four shuffles, one line
 * per 128-bit lane: SSSE3 does a line a step, AVX2 two, AVX-512 four.
 * The path is picked once from __builtin_cpu_supports(); tests force
 * each one.  It must not allocate, fail or keep state.
 */
#include "config.h"

#include "dump_simd.h"

#include <string.h>

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define DUMP_X86	1
#include <immintrin.h>
#endif

#define DUMP_COLS	16	/* bytes a line, as xxd's default -c 16 */
#define DUMP_HEXW	41	/* hex area and the gap before the text */
#define DUMP_AREA	58	/* a line after its offset */

/*
 * Whole lines are assembled in 64-bit words and stored with memcpy(),
 * a dozen stores a line instead of sixty, which more than halves the
 * time a line takes.  DUMP_PUT(v, n, k) places the n-byte value v, as memcpy() loaded it
 * from memory, at byte k of a word that memcpy() will store.
 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define DUMP_PUT(v, n, k)	((uint64_t)(v) << (64 - 8 * ((n) + (k))))
#else
#define DUMP_PUT(v, n, k)	((uint64_t)(v) << (8 * (k)))
#endif

static uint64_t	 dump_pair(unsigned char);
static uint64_t	 dump_text8(const unsigned char *);
static char	*dump_full(char *, const unsigned char *);
static char	*dump_short(char *, const unsigned char *, size_t);
static size_t	 dump_scalar(char *, uint64_t, const unsigned char *, size_t);

/* Byte b is at dump_hex[2 * b], as two lowercase hex digits. */
static const char dump_hex[] =
	"000102030405060708090a0b0c0d0e0f"
	"101112131415161718191a1b1c1d1e1f"
	"202122232425262728292a2b2c2d2e2f"
	"303132333435363738393a3b3c3d3e3f"
	"404142434445464748494a4b4c4d4e4f"
	"505152535455565758595a5b5c5d5e5f"
	"606162636465666768696a6b6c6d6e6f"
	"707172737475767778797a7b7c7d7e7f"
	"808182838485868788898a8b8c8d8e8f"
	"909192939495969798999a9b9c9d9e9f"
	"a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"
	"b0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
	"c0c1c2c3c4c5c6c7c8c9cacbcccdcecf"
	"d0d1d2d3d4d5d6d7d8d9dadbdcdddedf"
	"e0e1e2e3e4e5e6e7e8e9eaebecedeeef"
	"f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";

/*
 * xxd's text column: printable ASCII (0x20..0x7e) as itself, anything
 * else a dot.  A table, because a compare on random data mispredicts.
 */
static const char dump_text[] =
	"................"
	"................"
	" !\"#$%&'()*+,-./"
	"0123456789:;<=>?"
	"@ABCDEFGHIJKLMNO"
	"PQRSTUVWXYZ[\\]^_"
	"`abcdefghijklmno"
	"pqrstuvwxyz{|}~."
	"................"
	"................"
	"................"
	"................"
	"................"
	"................"
	"................"
	"................";

/* The two hex digits of b, as memcpy() loads them. */
static uint64_t
dump_pair(unsigned char b)
{
	uint16_t	v;

	memcpy(&v, dump_hex + 2 * (size_t)b, 2);
	return (v);
}

/*
 * The text column of the 8 bytes at p, computed on all 8 at once: a
 * byte stays when its top bit is clear, it is at least 0x20 and it is
 * not 0x7f, else it becomes '.'.  No sum carries out of its byte, so
 * this holds in either byte order.
 */
static uint64_t
dump_text8(const unsigned char *p)
{
	const uint64_t	ones = 0x0101010101010101ULL;
	uint64_t	x, low, keep;

	memcpy(&x, p, 8);
	low = x & 0x7f * ones;
	keep = ~x & (low + 0x60 * ones) & ~(low + ones) & 0x80 * ones;
	keep = (keep >> 7) * 0xff;
	return ((x & keep) | ('.' * ones & ~keep));
}

/*
 * Writes "%08" PRIx64 ": ", which is what xxd's "%08lx:" and the space
 * before the first group come to: at least 8 digits, more past 4 GiB.
 */
char *
dump_simd_offset(char *q, uint64_t off)
{
	size_t		nd = 8, i;
	uint64_t	w;

	if (off <= UINT32_MAX) {
		w = DUMP_PUT(dump_pair(off >> 24), 2, 0) |
		    DUMP_PUT(dump_pair(off >> 16 & 0xff), 2, 2) |
		    DUMP_PUT(dump_pair(off >> 8 & 0xff), 2, 4) |
		    DUMP_PUT(dump_pair(off & 0xff), 2, 6);
		memcpy(q, &w, 8);
		memcpy(q + 8, ": ", 2);
		return (q + 10);
	}
	while (nd < 16 && (off >> (4 * nd)) != 0)
		nd++;
	for (i = nd; i >= 2; i -= 2) {
		memcpy(q + i - 2, dump_hex + 2 * (off & 0xff), 2);
		off >>= 8;
	}
	if (i == 1)
		q[0] = dump_hex[2 * (off & 0xf) + 1];
	memcpy(q + nd, ": ", 2);
	return (q + nd + 2);
}

/*
 * The hex groups and text of a whole line; the hot loop of a dump.
 * Each group's word carries its two spaces and three bytes the next
 * store overwrites, so the stores must stay in this order.
 */
static char *
dump_full(char *q, const unsigned char *p)
{
	uint64_t	w;
	int		i;

	for (i = 0; i < DUMP_COLS / 2; i++) {
		w = DUMP_PUT(dump_pair(p[2 * i]), 2, 0) |
		    DUMP_PUT(dump_pair(p[2 * i + 1]), 2, 2) |
		    DUMP_PUT(' ', 1, 4) | DUMP_PUT(' ', 1, 5);
		memcpy(q + 5 * i, &w, 8);
	}
	q += DUMP_HEXW;
	w = dump_text8(p);
	memcpy(q, &w, 8);
	w = dump_text8(p + 8);
	memcpy(q + 8, &w, 8);
	q[16] = '\n';
	return (q + 17);
}

/*
 * A last line of n < 16 bytes.  xxd pads the hex area with spaces, so
 * the text column starts where it does on a whole line.
 */
static char *
dump_short(char *q, const unsigned char *p, size_t n)
{
	size_t	i;

	memset(q, ' ', DUMP_HEXW);
	for (i = 0; i < n; i++)
		memcpy(q + 5 * i / 2, dump_hex + 2 * (size_t)p[i], 2);
	q += DUMP_HEXW;
	for (i = 0; i < n; i++)
		*q++ = dump_text[p[i]];
	*q++ = '\n';
	return (q);
}

/* Formats the n bytes at p, the file's bytes from off, into out. */
static size_t
dump_scalar(char *out, uint64_t off, const unsigned char *p, size_t n)
{
	char	*q = out;
	size_t	 i;

	for (i = 0; n - i >= DUMP_COLS; i += DUMP_COLS) {
		q = dump_simd_offset(q, off + i);
		q = dump_full(q, p + i);
	}
	if (i < n) {
		q = dump_simd_offset(q, off + i);
		q = dump_short(q, p + i, n - i);
	}
	return ((size_t)(q - out));
}


#ifdef DUMP_X86
/*
 * Shuffles that place a line: H holds the digits of bytes 0-7, G of
 * bytes 8-15, T the text; 0x80 gives a zero that the constant fills
 * with a space or the newline.  Generated from: digit j of the line at
 * 5 * (j / 4) + j % 4, spaces at 5k + 4 and 40, text at 41, newline
 * at 57 of the 58 bytes after the offset.
 */
static const unsigned char dump_m0h[16] = { 0x00, 0x01, 0x02, 0x03, 0x80,
	0x04, 0x05, 0x06, 0x07, 0x80, 0x08, 0x09, 0x0a, 0x0b, 0x80, 0x0c };
static const unsigned char dump_m1h[16] = { 0x0d, 0x0e, 0x0f, 0x80, 0x80,
	0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80 };
static const unsigned char dump_m1g[16] = { 0x80, 0x80, 0x80, 0x80, 0x00,
	0x01, 0x02, 0x03, 0x80, 0x04, 0x05, 0x06, 0x07, 0x80, 0x08, 0x09 };
static const unsigned char dump_m2g[16] = { 0x0a, 0x0b, 0x80, 0x0c, 0x0d,
	0x0e, 0x0f, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80 };
static const unsigned char dump_m2t[16] = { 0x80, 0x80, 0x80, 0x80, 0x80,
	0x80, 0x80, 0x80, 0x80, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06 };
static const unsigned char dump_m3t[16] = { 0x07, 0x08, 0x09, 0x0a, 0x0b,
	0x0c, 0x0d, 0x0e, 0x0f, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80 };
static const unsigned char dump_c0[16] = { 0, 0, 0, 0, ' ', 0, 0, 0, 0,
	' ', 0, 0, 0, 0, ' ', 0 };
static const unsigned char dump_c1[16] = { 0, 0, 0, ' ', 0, 0, 0, 0, ' ',
	0, 0, 0, 0, ' ', 0, 0 };
static const unsigned char dump_c2[16] = { 0, 0, ' ', 0, 0, 0, 0, ' ',
	' ', 0, 0, 0, 0, 0, 0, 0 };
static const unsigned char dump_c3[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0,
	'\n', 0, 0, 0, 0, 0, 0 };
static const char dump_digits[16] = "0123456789abcdef";

#define DUMP_LD(a)	_mm_loadu_si128((const __m128i *)(const void *)(a))
#define DUMP_ST(q, v)	_mm_storeu_si128((__m128i *)(void *)(q), (v))

static size_t	dump_ssse3(char *, uint64_t, const unsigned char *, size_t);
static size_t	dump_avx2(char *, uint64_t, const unsigned char *, size_t);
static size_t	dump_avx512(char *, uint64_t, const unsigned char *, size_t);

/* One line a step: the 128-bit shape the wider paths repeat per lane. */
__attribute__((target("ssse3"))) static size_t
dump_ssse3(char *out, uint64_t off, const unsigned char *p, size_t n)
{
	const __m128i	digits = DUMP_LD(dump_digits);
	const __m128i	nib = _mm_set1_epi8(0x0f), dots = _mm_set1_epi8('.');
	const __m128i	c1f = _mm_set1_epi8(0x1f), c7f = _mm_set1_epi8(0x7f);
	__m128i		v, hi, lo, h, g, t, keep;
	char		*q = out;
	size_t		i;

	for (i = 0; n - i >= DUMP_COLS; i += DUMP_COLS) {
		v = DUMP_LD(p + i);
		hi = _mm_shuffle_epi8(digits, _mm_and_si128(_mm_srli_epi16(v,
		    4), nib));
		lo = _mm_shuffle_epi8(digits, _mm_and_si128(v, nib));
		h = _mm_unpacklo_epi8(hi, lo);
		g = _mm_unpackhi_epi8(hi, lo);
		keep = _mm_and_si128(_mm_cmpgt_epi8(v, c1f),
		    _mm_cmpgt_epi8(c7f, v));
		t = _mm_or_si128(_mm_and_si128(keep, v),
		    _mm_andnot_si128(keep, dots));
		q = dump_simd_offset(q, off + i);
		DUMP_ST(q, _mm_or_si128(_mm_shuffle_epi8(h, DUMP_LD(dump_m0h)),
		    DUMP_LD(dump_c0)));
		DUMP_ST(q + 16, _mm_or_si128(_mm_or_si128(_mm_shuffle_epi8(h,
		    DUMP_LD(dump_m1h)), _mm_shuffle_epi8(g, DUMP_LD(dump_m1g))),
		    DUMP_LD(dump_c1)));
		DUMP_ST(q + 32, _mm_or_si128(_mm_or_si128(_mm_shuffle_epi8(g,
		    DUMP_LD(dump_m2g)), _mm_shuffle_epi8(t, DUMP_LD(dump_m2t))),
		    DUMP_LD(dump_c2)));
		DUMP_ST(q + 48, _mm_or_si128(_mm_shuffle_epi8(t,
		    DUMP_LD(dump_m3t)), DUMP_LD(dump_c3)));
		q += DUMP_AREA;
	}
	if (i < n) {
		q = dump_simd_offset(q, off + i);
		q = dump_short(q, p + i, n - i);
	}
	return ((size_t)(q - out));
}

#define DUMP_B256(a)	_mm256_broadcastsi128_si256(DUMP_LD(a))

/* Two lines a step, one a 128-bit lane; the lanes are stored in order. */
__attribute__((target("avx2"))) static size_t
dump_avx2(char *out, uint64_t off, const unsigned char *p, size_t n)
{
	const __m256i	digits = DUMP_B256(dump_digits);
	const __m256i	nib = _mm256_set1_epi8(0x0f);
	const __m256i	dots = _mm256_set1_epi8('.');
	const __m256i	c1f = _mm256_set1_epi8(0x1f);
	const __m256i	c7f = _mm256_set1_epi8(0x7f);
	const __m256i	m0h = DUMP_B256(dump_m0h), m1h = DUMP_B256(dump_m1h);
	const __m256i	m1g = DUMP_B256(dump_m1g), m2g = DUMP_B256(dump_m2g);
	const __m256i	m2t = DUMP_B256(dump_m2t), m3t = DUMP_B256(dump_m3t);
	const __m256i	c0 = DUMP_B256(dump_c0), c1 = DUMP_B256(dump_c1);
	const __m256i	c2 = DUMP_B256(dump_c2), c3 = DUMP_B256(dump_c3);
	__m256i		v, hi, lo, h, g, t, keep, o[4];
	char		*q = out;
	size_t		i;
	int		k;

	for (i = 0; n - i >= 2 * DUMP_COLS; i += 2 * DUMP_COLS) {
		v = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
		hi = _mm256_shuffle_epi8(digits, _mm256_and_si256(
		    _mm256_srli_epi16(v, 4), nib));
		lo = _mm256_shuffle_epi8(digits, _mm256_and_si256(v, nib));
		h = _mm256_unpacklo_epi8(hi, lo);
		g = _mm256_unpackhi_epi8(hi, lo);
		keep = _mm256_and_si256(_mm256_cmpgt_epi8(v, c1f),
		    _mm256_cmpgt_epi8(c7f, v));
		t = _mm256_blendv_epi8(dots, v, keep);
		o[0] = _mm256_or_si256(_mm256_shuffle_epi8(h, m0h), c0);
		o[1] = _mm256_or_si256(_mm256_or_si256(_mm256_shuffle_epi8(h,
		    m1h), _mm256_shuffle_epi8(g, m1g)), c1);
		o[2] = _mm256_or_si256(_mm256_or_si256(_mm256_shuffle_epi8(g,
		    m2g), _mm256_shuffle_epi8(t, m2t)), c2);
		o[3] = _mm256_or_si256(_mm256_shuffle_epi8(t, m3t), c3);
		q = dump_simd_offset(q, off + i);
		for (k = 0; k < 4; k++)
			DUMP_ST(q + 16 * k, _mm256_castsi256_si128(o[k]));
		q = dump_simd_offset(q + DUMP_AREA, off + i + DUMP_COLS);
		for (k = 0; k < 4; k++)
			DUMP_ST(q + 16 * k, _mm256_extracti128_si256(o[k], 1));
		q += DUMP_AREA;
	}
	return ((size_t)(q - out) + dump_ssse3(q, off + i, p + i, n - i));
}

#define DUMP_B512(a)	_mm512_broadcast_i32x4(DUMP_LD(a))

/* Four lines a step (AVX-512 BW for the byte shuffles and compares). */
__attribute__((target("avx512f,avx512bw"))) static size_t
dump_avx512(char *out, uint64_t off, const unsigned char *p, size_t n)
{
	const __m512i	digits = DUMP_B512(dump_digits);
	const __m512i	nib = _mm512_set1_epi8(0x0f);
	const __m512i	dots = _mm512_set1_epi8('.');
	const __m512i	c20 = _mm512_set1_epi8(0x20);
	const __m512i	c7f = _mm512_set1_epi8(0x7f);
	const __m512i	m0h = DUMP_B512(dump_m0h), m1h = DUMP_B512(dump_m1h);
	const __m512i	m1g = DUMP_B512(dump_m1g), m2g = DUMP_B512(dump_m2g);
	const __m512i	m2t = DUMP_B512(dump_m2t), m3t = DUMP_B512(dump_m3t);
	const __m512i	c0 = DUMP_B512(dump_c0), c1 = DUMP_B512(dump_c1);
	const __m512i	c2 = DUMP_B512(dump_c2), c3 = DUMP_B512(dump_c3);
	__m512i		v, hi, lo, h, g, t, o0, o1, o2, o3;
	__mmask64	keep;
	char		*q = out;
	size_t		i;

	for (i = 0; n - i >= 4 * DUMP_COLS; i += 4 * DUMP_COLS) {
		v = _mm512_loadu_si512((const void *)(p + i));
		hi = _mm512_shuffle_epi8(digits, _mm512_and_si512(
		    _mm512_srli_epi16(v, 4), nib));
		lo = _mm512_shuffle_epi8(digits, _mm512_and_si512(v, nib));
		h = _mm512_unpacklo_epi8(hi, lo);
		g = _mm512_unpackhi_epi8(hi, lo);
		/* Unsigned: 0x20 <= b < 0x7f. */
		keep = _mm512_cmpge_epu8_mask(v, c20) &
		    _mm512_cmplt_epu8_mask(v, c7f);
		t = _mm512_mask_blend_epi8(keep, dots, v);
		o0 = _mm512_or_si512(_mm512_shuffle_epi8(h, m0h), c0);
		o1 = _mm512_or_si512(_mm512_or_si512(_mm512_shuffle_epi8(h,
		    m1h), _mm512_shuffle_epi8(g, m1g)), c1);
		o2 = _mm512_or_si512(_mm512_or_si512(_mm512_shuffle_epi8(g,
		    m2g), _mm512_shuffle_epi8(t, m2t)), c2);
		o3 = _mm512_or_si512(_mm512_shuffle_epi8(t, m3t), c3);
#define DUMP_LANE(k) do {						\
		q = dump_simd_offset(q, off + i + (k) * DUMP_COLS);	\
		DUMP_ST(q, _mm512_extracti32x4_epi32(o0, k));		\
		DUMP_ST(q + 16, _mm512_extracti32x4_epi32(o1, k));	\
		DUMP_ST(q + 32, _mm512_extracti32x4_epi32(o2, k));	\
		DUMP_ST(q + 48, _mm512_extracti32x4_epi32(o3, k));	\
		q += DUMP_AREA;						\
	} while (0)
		DUMP_LANE(0);
		DUMP_LANE(1);
		DUMP_LANE(2);
		DUMP_LANE(3);
#undef DUMP_LANE
	}
	return ((size_t)(q - out) + dump_ssse3(q, off + i, p + i, n - i));
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
	case DUMP_ISA_SSSE3:
		return (__builtin_cpu_supports("ssse3") != 0);
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

	for (isa = DUMP_ISA_COUNT - 1; isa > DUMP_ISA_SCALAR; isa--)
		if (dump_simd_supported((enum dump_isa)isa))
			return ((enum dump_isa)isa);
	return (DUMP_ISA_SCALAR);
}

const char *
dump_simd_name(enum dump_isa isa)
{
	static const char *const names[DUMP_ISA_COUNT] = { "auto", "scalar",
	    "ssse3", "avx2", "avx512" };

	return (isa < DUMP_ISA_COUNT ? names[isa] : "unknown");
}

size_t
dump_simd_lines(enum dump_isa isa, char *out, uint64_t off,
    const unsigned char *p, size_t n)
{
	if (isa == DUMP_ISA_AUTO)
		isa = dump_simd_best();
	switch (isa) {
#ifdef DUMP_X86
	case DUMP_ISA_SSSE3:
		return (dump_ssse3(out, off, p, n));
	case DUMP_ISA_AVX2:
		return (dump_avx2(out, off, p, n));
	case DUMP_ISA_AVX512:
		return (dump_avx512(out, off, p, n));
#endif
	default:
		return (dump_scalar(out, off, p, n));
	}
}
