/*
 * cli.h: the command line, parsed into options.
 *
 *   maphex [-r|-p|-w] [-c N|-m] [--sector] [-s OFFSET|-f] [--history SIZE]
 *          FILE
 *   maphex --dump [-s OFFSET] [-l LEN] [xxd's -c -g -e -u -p -i -b -d -o -n] FILE
 *   maphex --revert DUMP [-p] [-c N] [-s OFFSET] FILE
 *   maphex --find PATTERN [--hex|--regex [-o]] [-i] FILE
 *   maphex --inspect OFFSET FILE
 *   maphex --set TYPE@OFFSET=VALUE [--set ...] FILE
 *   maphex --create SIZE FILE
 *   maphex [-r|-p] -     (or no FILE with stdin a pipe: stdin)
 *   maphex --help | --version | --keys
 */
#ifndef MAPHEX_CLI_H
#define MAPHEX_CLI_H

#include <stddef.h>
#include <stdint.h>

#include "mapping.h"

enum cli_action { CLI_EDIT, CLI_DUMP, CLI_FIND, CLI_HELP, CLI_VERSION,
	CLI_KEYS, CLI_INSPECT, CLI_SET, CLI_REVERT };

#define CLI_MAX_SETS	64	/* --set options one run takes */

struct cli {
	enum cli_action		 action;
	enum mapping_mode	 mode;
	int			 mode_set;
	size_t			 columns;	/* 0: the default */
	int			 maximize;
	int			 follow;	/* -f: follow the end */
	int			 sector;	/* --sector */
	const char		*start;		/* -s, unparsed */
	const char		*length;	/* -l, unparsed */
	const char		*pattern;	/* --find */
	const char		*inspect;	/* --inspect OFFSET, unparsed */
	const char		*set[CLI_MAX_SETS];	/* --set specs */
	int			 nset;
	int			 hex;
	int			 regex;		/* --regex */
	int			 lengths;	/* -o */
	int			 icase;
	uint64_t		 history;	/* 0: the default */
	const char		*path;
	unsigned		 given;		/* modifiers seen, by bit */
	/* xxd's flags, for --dump and --revert (cli_dump.c reads them). */
	const char		*cols;		/* -c, unparsed */
	const char		*group;		/* -g */
	const char		*displace;	/* -o */
	const char		*name;		/* -n */
	const char		*revert;	/* --revert DUMP */
	int			 kind;		/* the last of -b -e -p -i */
	int			 upper;		/* -u */
	int			 decimal;	/* -d */
	const char		*create;	/* --create SIZE, unparsed */
};

/*
 * Parses argv into cli.  Returns 0, or -1 with a one-line reason in err
 * (unknown option, missing FILE, conflicting modes, bad -c, two actions,
 * or an option that means nothing to the action, naming both).
 */
int	cli_parse(int argc, char **argv, struct cli *, char *err,
	    size_t errlen);

/* The usage text for --help. */
extern const char cli_usage[];

#endif
