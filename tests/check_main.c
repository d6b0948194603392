/*
 * check_main.c: runs every layer's Check suite; exit 0 when all pass.
 *
 *	check_maphex			every suite (CK_RUN_SUITE picks one)
 *	check_maphex --shard K/N	every Nth suite from the Kth, so that
 *					make check -j runs N at once
 *	check_maphex --optional NAME	one optional test (suites.h); exit
 *					77 when the machine lacks what it
 *					needs
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"

#define SKIP_STATUS	77	/* what automake counts as a skip */

static const struct {
	const char	*name;
	Suite		*(*suite)(void);
	int		 (*have)(char *, size_t);
} optional[] = {
	{ "blockdev", blockdev_suite, blockdev_have },
	{ "xxd", xxd_suite, xxd_have },
	{ "devfull", devfull_suite, devfull_have },
	{ "holes", holes_suite, holes_have },
	{ "utf8", utf8_suite, utf8_have },
};

/* Runs first and every step-th of more from the start-th. */
static int
run(Suite *first, Suite *(*const *more)(void), size_t n, size_t start,
    size_t step)
{
	SRunner	*sr;
	size_t	 i;
	int	 failed;

	sr = srunner_create(first);
	for (i = start; i < n; i += step)
		srunner_add_suite(sr, more[i]());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}

static int
run_optional(const char *name)
{
	char	why[256] = "";
	size_t	i;

	for (i = 0; i < sizeof optional / sizeof optional[0]; i++) {
		if (strcmp(optional[i].name, name) != 0)
			continue;
		if (!optional[i].have(why, sizeof why)) {
			printf("SKIP: %s: %s\n", name, why);
			return (SKIP_STATUS);
		}
		return (run(optional[i].suite(), NULL, 0, 0, 1));
	}
	fprintf(stderr, "check_maphex: no optional test '%s'\n", name);
	return (2);
}

/* Runs suites k-1, k-1+n, k-1+2n... of shard "k/n". */
static int
run_shard(const char *arg, Suite *(*const *suites)(void), size_t nsuites)
{
	int	k, n, end;

	if (sscanf(arg, "%d/%d%n", &k, &n, &end) != 2 || arg[end] != '\0' ||
	    n < 1 || k < 1 || k > n || (size_t)k > nsuites) {
		fprintf(stderr, "check_maphex: --shard wants K/N, 1 <= K <= "
		    "N, not '%s'\n", arg);
		return (2);
	}
	return (run(suites[k - 1](), suites, nsuites, (size_t)(k - 1 + n),
	    (size_t)n));
}

int
main(int argc, char **argv)
{
	static Suite	*(*const suites[])(void) = {
		mapping_suite, doc_suite, dirty_suite, journal_suite,
		search_suite, scan_suite, regex_suite, replace_suite,
		offset_suite, format_suite, dump_suite,
		session_suite, view_suite, quote_suite, inspect_suite,
		inspector_suite, keys_suite, resize_suite, outside_suite,
		feed_suite,
	};

	if (argc == 3 && strcmp(argv[1], "--optional") == 0)
		return (run_optional(argv[2]));
	if (argc == 3 && strcmp(argv[1], "--shard") == 0)
		return (run_shard(argv[2], suites,
		    sizeof suites / sizeof suites[0]));
	if (argc != 1) {
		fprintf(stderr, "usage: check_maphex [--shard K/N | "
		    "--optional NAME]\n");
		return (2);
	}
	return (run(suites[0](), suites, sizeof suites / sizeof suites[0], 1,
	    1));
}
