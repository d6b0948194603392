/*
 * dump_simd.h: xxd's default line (16 bytes, groups of 2, lowercase or
 * -u's uppercase) and -p's digits formatted with vector instructions,
 * chosen at run time.
 *
 * The same lines come out of every path; the paths differ only in how
 * many lines they format at once.  Nothing here allocates or fails.
 */
#ifndef MAPHEX_DUMP_SIMD_H
#define MAPHEX_DUMP_SIMD_H

#include <stddef.h>
#include <stdint.h>

/* The instruction sets a dump can use, slowest first. */
enum dump_isa {
	DUMP_ISA_AUTO,		/* the best this CPU has */
	DUMP_ISA_SCALAR,	/* 64-bit words, any CPU */
	DUMP_ISA_SSSE3,		/* one line a step (pshufb) */
	DUMP_ISA_AVX,		/* two lines a step, 128-bit VEX */
	DUMP_ISA_AVX2,		/* two lines a step, one a 256-bit op */
	DUMP_ISA_AVX512,	/* four lines a step (AVX-512 BW) */
	DUMP_ISA_COUNT
};

/* Bytes a formatter may write past the end of its last line. */
#define DUMP_SIMD_SLACK	64

/* Whether this CPU (and this build) can run isa. */
int	dump_simd_supported(enum dump_isa isa);

/*
 * The fastest supported isa (AVX over AVX2 on AMD Zen 1);
 * DUMP_ISA_AUTO resolves to it.
 */
enum dump_isa dump_simd_best(void);

/* The isa's name for benchmarks and messages ("avx2"). */
const char *dump_simd_name(enum dump_isa isa);

/*
 * Formats the n bytes at p, shown from offset off, as whole lines of
 * 16 and one short last line, in isa (which must be supported), with
 * uppercase hex digits (-u; the offsets stay lowercase) when upper is
 * not 0.  Returns the bytes written to out, which must have room for
 * them plus DUMP_SIMD_SLACK.
 */
size_t	dump_simd_lines(enum dump_isa isa, int upper, char *out, uint64_t off,
	    const unsigned char *p, size_t n);

/*
 * -p: the two hex digits of each of the n bytes at p, and a newline
 * after each byte whose count from the start of the dump is a multiple
 * of cols (0: no newlines); index is the count of the bytes dumped
 * before p[0].  Same isa, upper, return and room as dump_simd_lines().
 */
size_t	dump_simd_plain(enum dump_isa isa, int upper, char *out,
	    uint64_t cols, uint64_t index, const unsigned char *p, size_t n);

#endif
