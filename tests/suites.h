/* suites.h: one Check suite a layer; check_main.c runs them all. */
#ifndef MAPHEX_SUITES_H
#define MAPHEX_SUITES_H

#include <check.h>

Suite	*mapping_suite(void);
Suite	*doc_suite(void);
Suite	*dirty_suite(void);
Suite	*journal_suite(void);
Suite	*resize_suite(void);
Suite	*search_suite(void);
Suite	*offset_suite(void);
Suite	*quote_suite(void);
Suite	*format_suite(void);
Suite	*dump_suite(void);
Suite	*session_suite(void);
Suite	*view_suite(void);

#endif
