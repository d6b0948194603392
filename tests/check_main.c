/* check_main.c: runs every layer's Check suite; exit 0 when all pass. */
#include "config.h"

#include <stdlib.h>

#include "suites.h"

int
main(void)
{
	Suite	*(*suites[])(void) = {
		mapping_suite, doc_suite, dirty_suite, journal_suite,
		search_suite, offset_suite, format_suite, dump_suite,
		session_suite, view_suite, quote_suite, resize_suite,
	};
	SRunner	*sr;
	size_t	 i;
	int	 failed;

	sr = srunner_create(suites[0]());
	for (i = 1; i < sizeof suites / sizeof suites[0]; i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
