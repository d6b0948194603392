/* suites.h: one Check suite a layer; check_main.c runs them all. */
#ifndef MAPHEX_SUITES_H
#define MAPHEX_SUITES_H

#include <stddef.h>

#include <check.h>

Suite	*mapping_suite(void);
Suite	*doc_suite(void);
Suite	*dirty_suite(void);
Suite	*journal_suite(void);
Suite	*resize_suite(void);
Suite	*search_suite(void);
Suite	*scan_suite(void);
Suite	*regex_suite(void);
Suite	*replace_suite(void);
Suite	*offset_suite(void);
Suite	*inspect_suite(void);
Suite	*inspector_suite(void);
Suite	*quote_suite(void);
Suite	*format_suite(void);
Suite	*dump_suite(void);
Suite	*session_suite(void);
Suite	*view_suite(void);
Suite	*keys_suite(void);
Suite	*outside_suite(void);
Suite	*feed_suite(void);

/*
 * Optional tests need something a machine may lack.  They are in no
 * suite above: `check_maphex --optional NAME` runs one alone, and exits
 * 77 (automake's skip) when its have function returns 0, after writing
 * why (a sentence) into why.  Where the prerequisite is there, every
 * assertion runs and a missing piece is a failure, not a pass.
 */
Suite	*blockdev_suite(void);	/* check_mapping.c: loop devices */
int	 blockdev_have(char *why, size_t len);
Suite	*xxd_suite(void);	/* check_dump.c: the real xxd */
int	 xxd_have(char *why, size_t len);
Suite	*devfull_suite(void);	/* check_dump.c: /dev/full */
int	 devfull_have(char *why, size_t len);
Suite	*holes_suite(void);	/* check_search.c: SEEK_DATA */
int	 holes_have(char *why, size_t len);
Suite	*utf8_suite(void);	/* check_view.c: a UTF-8 locale */
int	 utf8_have(char *why, size_t len);

#endif
