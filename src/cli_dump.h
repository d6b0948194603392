/*
 * cli_dump.h: xxd's flags of the command line, resolved as xxd
 * resolves them, for --dump and --revert.
 */
#ifndef MAPHEX_CLI_DUMP_H
#define MAPHEX_CLI_DUMP_H

#include <stddef.h>
#include <stdint.h>

#include "cli.h"
#include "dump.h"

/*
 * Fills l from c's -c -g -e -b -p -i -u -d -o -n as xxd does: the last
 * of -b -e -p -i wins; a missing -c (or -c 0 but with -p) takes the
 * kind's default (16, -p 30, -i 12, -b 6); a -g of 0 or more than -c
 * means the whole line.  -i's name is -n, else the path (none for
 * "-").  Returns 0, or -1 with a one-line reason in err: a number that
 * does not parse, -c past 256 for a line kind, -g not a power of 2
 * with -e.  l->name points into c.
 */
int	cli_dump_layout(const struct cli *c, struct dump_layout *l, char *err,
	    size_t errlen);

/*
 * --revert's -c (default 16, as xxd -r) and -s: a number, or -N to
 * subtract, added to the offsets of the dump.  Returns 0, or -1 with a
 * reason in err.
 */
int	cli_dump_revert(const struct cli *c, uint64_t *cols, int64_t *base,
	    char *err, size_t errlen);

#endif
