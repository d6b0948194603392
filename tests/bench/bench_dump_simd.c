/*
 * bench_dump_simd.c: the --dump formatter on each path this CPU has.
 *
 * Built by bench_dump.sh with src/dump_simd.c, it formats MIB mebibytes
 * of pseudo-random bytes in memory (no file, no write) in 256 KiB steps
 * as --dump does, best of three per path, and prints one line a path:
 *	NAME SECONDS
 * so that the vector paths can be read as a ratio to the scalar one.
 *	bench_dump_simd MIB
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dump_simd.h"

#define STEP	(256 * 1024)

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

int
main(int argc, char **argv)
{
	size_t		 mib = argc > 1 ? strtoul(argv[1], NULL, 10) : 256;
	size_t		 size = mib * 1024 * 1024, i, sink = 0;
	unsigned char	*data = malloc(size);
	char		*out = malloc(STEP / 16 * 80 + DUMP_SIMD_SLACK);
	uint64_t	 x = 88172645463325252ULL;
	double		 best, t;
	int		 isa, run;

	if (data == NULL || out == NULL)
		return (1);
	for (i = 0; i < size; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		data[i] = (unsigned char)x;
	}
	for (isa = DUMP_ISA_SCALAR; isa < DUMP_ISA_COUNT; isa++) {
		if (!dump_simd_supported((enum dump_isa)isa))
			continue;
		best = 1e9;
		for (run = 0; run < 3; run++) {
			t = now();
			for (i = 0; i < size; i += STEP)
				sink += dump_simd_lines((enum dump_isa)isa, 0, out,
				    i, data + i, STEP);
			t = now() - t;
			if (t < best)
				best = t;
		}
		printf("%s %.4f\n", dump_simd_name((enum dump_isa)isa), best);
	}
	free(out);
	free(data);
	return (sink == 0);
}
