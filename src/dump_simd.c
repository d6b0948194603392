/*
 * dump_simd.c: xxd's default line and -p's digits, the hot loops of
 * --dump, at the speed of the widest vectors the CPU has.
 *
 * A default line is 68 bytes while its offset is below 4 GiB: the
 * offset's 8 digits, ": ", 8 groups of 4 hex digits and a space, one
 * more space, 16 text characters and a newline.  The scalar path
 * assembles it in 64-bit words from a table of hex pairs.  The vector
 * paths turn a line's 16 bytes into 32 digits with one table lookup
 * (pshufb) a nibble, pick the text characters with one add and one
 * compare, and put the digits and spaces in place with three shuffles;
 * the line goes out in four unaligned 16-byte stores and one 8-byte
 * store of the offset's first digits, which also ends the line before.
 * The offsets of a run of 16 lines share all but their last two
 * digits, and the last is the same on every line, so only one digit is
 * looked up a line.  SSSE3 formats a line a step, AVX2 two (one a
 * 128-bit lane), AVX-512 four.  Lines past 4 GiB, whose offsets are
 * longer, and a short last line take a slower path.  The path is
 * picked once from __builtin_cpu_supports(); tests force each one.
 * Nothing here allocates, fails or keeps state.
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
#define DUMP_LINE	68	/* a line with an 8-digit offset */

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

static uint64_t	 dump_pair(const char *, unsigned char);
static uint64_t	 dump_text8(const unsigned char *);
static char	*dump_full(char *, const char *, const unsigned char *);
static char	*dump_short(char *, const char *, const unsigned char *,
		    size_t);
static size_t	 dump_scalar(char *, const char *, uint64_t,
		    const unsigned char *, size_t);
static size_t	 dump_plain_scalar(char *, const char *, uint64_t, uint64_t,
		    const unsigned char *, size_t);

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

/* The same in uppercase, for -u (whose offsets stay lowercase). */
static const char dump_hexu[] =
	"000102030405060708090A0B0C0D0E0F"
	"101112131415161718191A1B1C1D1E1F"
	"202122232425262728292A2B2C2D2E2F"
	"303132333435363738393A3B3C3D3E3F"
	"404142434445464748494A4B4C4D4E4F"
	"505152535455565758595A5B5C5D5E5F"
	"606162636465666768696A6B6C6D6E6F"
	"707172737475767778797A7B7C7D7E7F"
	"808182838485868788898A8B8C8D8E8F"
	"909192939495969798999A9B9C9D9E9F"
	"A0A1A2A3A4A5A6A7A8A9AAABACADAEAF"
	"B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF"
	"C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF"
	"D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"
	"E0E1E2E3E4E5E6E7E8E9EAEBECEDEEEF"
	"F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF";

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

/* The two hex digits of b in table hex, as memcpy() loads them. */
static uint64_t
dump_pair(const char *hex, unsigned char b)
{
	uint16_t	v;

	memcpy(&v, hex + 2 * (size_t)b, 2);
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
 * Writes "%08" PRIx64 ": " for off (more digits past 4 GiB) at q and
 * returns the end.
 */
char *
dump_simd_offset(char *q, uint64_t off)
{
	size_t		nd = 8, i;
	uint64_t	w;

	if (off <= UINT32_MAX) {
		w = DUMP_PUT(dump_pair(dump_hex, off >> 24), 2, 0) |
		    DUMP_PUT(dump_pair(dump_hex, off >> 16 & 0xff), 2, 2) |
		    DUMP_PUT(dump_pair(dump_hex, off >> 8 & 0xff), 2, 4) |
		    DUMP_PUT(dump_pair(dump_hex, off & 0xff), 2, 6);
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
 * The hex groups and text of a whole line, digits from table hex.
 * Each group's word carries its two spaces and three bytes the next
 * store overwrites, so the stores must stay in this order.
 */
static char *
dump_full(char *q, const char *hex, const unsigned char *p)
{
	uint64_t	w;
	int		i;

	for (i = 0; i < DUMP_COLS / 2; i++) {
		w = DUMP_PUT(dump_pair(hex, p[2 * i]), 2, 0) |
		    DUMP_PUT(dump_pair(hex, p[2 * i + 1]), 2, 2) |
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
dump_short(char *q, const char *hex, const unsigned char *p, size_t n)
{
	size_t	i;

	memset(q, ' ', DUMP_HEXW);
	for (i = 0; i < n; i++)
		memcpy(q + 5 * i / 2, hex + 2 * (size_t)p[i], 2);
	q += DUMP_HEXW;
	for (i = 0; i < n; i++)
		*q++ = dump_text[p[i]];
	*q++ = '\n';
	return (q);
}

/* Formats the n bytes at p, the file's bytes from off, into out. */
static size_t
dump_scalar(char *out, const char *hex, uint64_t off,
    const unsigned char *p, size_t n)
{
	char	*q = out;
	size_t	 i;

	for (i = 0; n - i >= DUMP_COLS; i += DUMP_COLS) {
		q = dump_simd_offset(q, off + i);
		q = dump_full(q, hex, p + i);
	}
	if (i < n) {
		q = dump_simd_offset(q, off + i);
		q = dump_short(q, hex, p + i, n - i);
	}
	return ((size_t)(q - out));
}

/*
 * -p: two digits a byte, a newline after each byte whose count from
 * the start of the dump (index is that of p[0]) is a multiple of cols
 * (0: none).
 */
static size_t
dump_plain_scalar(char *out, const char *hex, uint64_t cols,
    uint64_t index, const unsigned char *p, size_t n)
{
	char	*q = out;
	size_t	 i;

	for (i = 0; i < n; i++) {
		memcpy(q, hex + 2 * (size_t)p[i], 2);
		q += 2;
		if (cols > 0 && (index + i + 1) % cols == 0)
			*q++ = '\n';
	}
	return ((size_t)(q - out));
}

#ifdef DUMP_X86
/*
 * Where a line's bytes go, in five stores at 0, 16, 32, 48 and 64 of
 * its 68 bytes, which start 4-byte aligned and neither overlap nor
 * split a byte pair's digits across odd addresses, the pattern that
 * stores fastest.  H holds the digits of bytes 0-7, G those of bytes
 * 8-15, T the text.  The store at 0 is the offset's 8 digits and the
 * low half of X0 (": ", 5 digits of H); at 16, 13 digits of H and G
 * (H shifted on by 5); at 32, 13 digits of G; at 48, G's last digit,
 * two spaces and 13 of T (G shifted on by 15); the 4 bytes at 64 the
 * rest of T and the newline.  0x80 gives a zero that the constant
 * fills with a space.
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
static size_t	 dump_avx2(char *, const char *, uint64_t,
		    const unsigned char *, size_t);
static size_t	 dump_avx512(char *, const char *, uint64_t,
		    const unsigned char *, size_t);
static size_t	 dump_plain_ssse3(char *, const char *, uint64_t, uint64_t,
		    const unsigned char *, size_t);
static size_t	 dump_plain_avx2(char *, const char *, uint64_t, uint64_t,
		    const unsigned char *, size_t);

/* The 8 digits of an offset o < 4 GiB, as memcpy() loads them. */
DUMP_INLINE uint64_t
dump_digits8(uint32_t o)
{
	return (dump_pair(dump_hex, o >> 24) |
	    dump_pair(dump_hex, o >> 16 & 0xff) << 16 |
	    dump_pair(dump_hex, o >> 8 & 0xff) << 32 |
	    dump_pair(dump_hex, o & 0xff) << 48);
}

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
	DUMP_ST(q, _mm_unpacklo_epi64(_mm_cvtsi64_si128((long long)w),
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
		dump_line128(k, q, dump_digits8(o + DUMP_COLS * (uint32_t)i),
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
		dump_line128(k, line + 8, dump_digits8((uint32_t)(off + i)),
		    p + i);
		nd = (size_t)(dump_simd_offset(q, off + i) - q) - 2;
		memcpy(q + nd - 8, line + 8, DUMP_LINE);
		q += nd - 8 + DUMP_LINE;
	}
	if (i < n) {
		q = dump_simd_offset(q, off + i);
		q = dump_short(q, hex, p + i, n - i);
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
		base = dump_digits8(o + DUMP_COLS * (uint32_t)i) ^ dump_d6[0];
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
	DUMP_ST(q, _mm_unpacklo_epi64(_mm_cvtsi64_si128((long long)w0),
	    _mm256_castsi256_si128(x)));
	DUMP_ST(q + DUMP_LINE, _mm_unpacklo_epi64(_mm_cvtsi64_si128(
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
		base = dump_digits8(o + DUMP_COLS * (uint32_t)i) ^ dump_d6[0];
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
	    _mm_cvtsi64_si128((long long)(w)[l]), DUMP_LANE((x0), (l))))
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
		base = dump_digits8(o + DUMP_COLS * (uint32_t)i) ^ dump_d6[0];
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
 * -p as dump_plain_scalar(), a line at a time: 16 bytes a step, and a
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
			dump_plain_scalar(q + 2 * j, hex, 0, 0, p + i + j,
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
__attribute__((target("avx2"))) static size_t
dump_plain_avx2(char *out, const char *hex, uint64_t cols, uint64_t index,
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
dump_simd_lines(enum dump_isa isa, int upper, char *out, uint64_t off,
    const unsigned char *p, size_t n)
{
	const char	*hex = upper ? dump_hexu : dump_hex;

	if (isa == DUMP_ISA_AUTO)
		isa = dump_simd_best();
	switch (isa) {
#ifdef DUMP_X86
	case DUMP_ISA_SSSE3:
		return (dump_ssse3(out, hex, off, p, n));
	case DUMP_ISA_AVX2:
		return (dump_avx2(out, hex, off, p, n));
	case DUMP_ISA_AVX512:
		return (dump_avx512(out, hex, off, p, n));
#endif
	default:
		return (dump_scalar(out, hex, off, p, n));
	}
}

size_t
dump_simd_plain(enum dump_isa isa, int upper, char *out, uint64_t cols,
    uint64_t index, const unsigned char *p, size_t n)
{
	const char	*hex = upper ? dump_hexu : dump_hex;

	if (isa == DUMP_ISA_AUTO)
		isa = dump_simd_best();
	switch (isa) {
#ifdef DUMP_X86
	case DUMP_ISA_SSSE3:
		return (dump_plain_ssse3(out, hex, cols, index, p, n));
	case DUMP_ISA_AVX2:
	case DUMP_ISA_AVX512:
		return (dump_plain_avx2(out, hex, cols, index, p, n));
#endif
	default:
		return (dump_plain_scalar(out, hex, cols, index, p, n));
	}
}
