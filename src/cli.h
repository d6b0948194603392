/*
 * cli.h: the command line, parsed into options.
 *
 *   maphex [-r|-p|-w] [-c N|-m] [-s OFFSET] FILE
 *   maphex --dump [-s OFFSET] [-l LEN] FILE
 *   maphex --find PATTERN [--hex] [-i] FILE
 *   maphex --create SIZE FILE
 *   maphex --help | --version | --keys
 */
#ifndef MAPHEX_CLI_H
#define MAPHEX_CLI_H

#include <stddef.h>

#include "mapping.h"

enum cli_action { CLI_EDIT, CLI_DUMP, CLI_FIND, CLI_HELP, CLI_VERSION,
	CLI_KEYS };

struct cli {
	enum cli_action		 action;
	enum mapping_mode	 mode;
	int			 mode_set;
	size_t			 columns;	/* 0: the default */
	int			 maximize;
	const char		*start;		/* -s, unparsed */
	const char		*length;	/* -l, unparsed */
	const char		*pattern;	/* --find */
	int			 hex;
	int			 icase;
	const char		*path;
	unsigned		 given;		/* modifiers seen, by bit */
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
