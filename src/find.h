/*
 * find.h: the non-interactive --find mode.
 *
 * Prints the decimal start offset of every match of a pattern, one a
 * line, the way `grep -obUaF` would, overlapping matches included.
 * Nothing here parses the command line or exits: main.c does that.
 */
#ifndef MAPHEX_FIND_H
#define MAPHEX_FIND_H

#include <stddef.h>

#include "doc.h"
#include "pattern.h"

struct search_regex;

/*
 * Writes every match offset of p in d to outfd, buffered in big
 * writes.  Holes are skipped, so d must hold no unsaved preview edits.
 * Returns 1 if anything matched, 0 if nothing did, or -1 with a
 * one-line message in err (a failed read or write).
 */
int	find_print(const struct doc *d, const struct pattern *p,
	    int outfd, char *err, size_t errlen);

/*
 * Like find_print() for a regex: the matches `grep -obUaP` prints, one
 * offset a line, or "offset:length" when lengths is nonzero.
 */
int	find_print_regex(const struct doc *d, const struct search_regex *re,
	    int lengths, int outfd, char *err, size_t errlen);

#endif
