/*
 * dump_scalar.c: xxd's default line and -p's digits without vector
 * instructions, for any CPU, and the pieces of a line the vector paths
 * in dump_simd.c leave to it: offsets, long ones past 4 GiB included,
 * and the short last line.
 *
 * Nothing here allocates, fails or keeps state.
 */
#include "config.h"

#include "dump_scalar.h"

#include <string.h>

#define DUMP_COLS	16	/* bytes a line, as xxd's default -c 16 */
#define DUMP_HEXW	41	/* hex area and the gap before the text */

/*
 * Whole lines are assembled in 64-bit words and stored with memcpy(),
 * a dozen stores a line instead of sixty, which more than halves the
 * time a line takes.  DUMP_PUT(v, n, k) places the n-byte value v, as
 * memcpy() loaded it from memory, at byte k of a word that memcpy() will store.
 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define DUMP_PUT(v, n, k)	((uint64_t)(v) << (64 - 8 * ((n) + (k))))
#else
#define DUMP_PUT(v, n, k)	((uint64_t)(v) << (8 * (k)))
#endif

static uint64_t	 dump_pair(const char *, unsigned char);
static uint64_t	 dump_text8(const unsigned char *);
static char	*dump_full(char *, const char *, const unsigned char *);

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
dump_scalar_offset(char *q, uint64_t off)
{
	size_t		nd = 8, i;
	uint64_t	w;

	if (off <= UINT32_MAX) {
		w = dump_scalar_digits8((uint32_t)off);
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
char *
dump_scalar_short(char *q, const char *hex, const unsigned char *p, size_t n)
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
size_t
dump_scalar_lines(char *out, const char *hex, uint64_t off,
    const unsigned char *p, size_t n)
{
	char	*q = out;
	size_t	 i;

	for (i = 0; n - i >= DUMP_COLS; i += DUMP_COLS) {
		q = dump_scalar_offset(q, off + i);
		q = dump_full(q, hex, p + i);
	}
	if (i < n) {
		q = dump_scalar_offset(q, off + i);
		q = dump_scalar_short(q, hex, p + i, n - i);
	}
	return ((size_t)(q - out));
}

/*
 * -p: two digits a byte, a newline after each byte whose count from
 * the start of the dump (index is that of p[0]) is a multiple of cols
 * (0: none).
 */
size_t
dump_scalar_plain(char *out, const char *hex, uint64_t cols,
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

const char *
dump_scalar_hex(int upper)
{
	return (upper ? dump_hexu : dump_hex);
}

uint64_t
dump_scalar_digits8(uint32_t o)
{
	return (DUMP_PUT(dump_pair(dump_hex, o >> 24), 2, 0) |
	    DUMP_PUT(dump_pair(dump_hex, o >> 16 & 0xff), 2, 2) |
	    DUMP_PUT(dump_pair(dump_hex, o >> 8 & 0xff), 2, 4) |
	    DUMP_PUT(dump_pair(dump_hex, o & 0xff), 2, 6));
}
