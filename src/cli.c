/*
 * cli.c: parses the command line with getopt_long.
 *
 * Offsets and lengths stay strings here: their meaning ("end-16",
 * "50%") depends on the file's size, which only the caller knows after
 * opening it.  Nothing here prints.
 */
#include "config.h"

#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "offset.h"

#define CLI_MAX_COLUMNS	4096

enum { OPT_DUMP = 0x100, OPT_FIND, OPT_HEX, OPT_KEYS, OPT_CREATE };

const char cli_usage[] =
"usage: maphex [-r|-p|-w] [-c N|-m] [-s OFFSET] FILE\n"
"       maphex --create SIZE FILE\n"
"       maphex --dump [-s OFFSET] [-l LEN] FILE\n"
"       maphex --find PATTERN [--hex] [-i] FILE\n"
"       maphex --help | --version | --keys\n"
"\n"
"  -r, --readonly      forensic mode: nothing can be written\n"
"  -p, --preview       copy-on-write: edits stay private until F2 saves\n"
"  -w, --write         direct mode (default when writable): edits hit\n"
"                      the file, F2 flushes them to disk; a file it\n"
"                      cannot write opens read-only, saying why\n"
"  -c, --columns N     bytes a row (default 16)\n"
"  -m, --maximize      as many bytes a row as the terminal fits\n"
"  -s, --seek OFFSET   start at OFFSET: 0x1f, 31 (decimal, never octal),\n"
"                      end-16 or -16 (16 bytes before the end), 50%\n"
"  -l, --length LEN    with --dump: dump LEN bytes\n"
"      --create SIZE   make FILE (which must not exist) a sparse file of\n"
"                      SIZE bytes (4k, 0x1000, 1M) and open it\n"
"      --dump          print an xxd-identical hex dump and exit\n"
"      --find PATTERN  print the offset of every match and exit\n"
"      --hex           with --find: PATTERN is hex bytes, ?? any byte\n"
"  -i, --ignore-case   with --find: text matches in any case\n"
"      --keys          list the interactive keys\n"
"  -h, --help          show this help\n"
"  -V, --version       show the version\n"
"\n"
"Exit status: 0 done (--find: found), 1 runtime failure (--find: not\n"
"found), 2 usage or open error.  F1 inside maphex lists the keys.\n";

static const struct option cli_options[] = {
	{ "readonly", no_argument, NULL, 'r' },
	{ "preview", no_argument, NULL, 'p' },
	{ "write", no_argument, NULL, 'w' },
	{ "columns", required_argument, NULL, 'c' },
	{ "maximize", no_argument, NULL, 'm' },
	{ "seek", required_argument, NULL, 's' },
	{ "length", required_argument, NULL, 'l' },
	{ "ignore-case", no_argument, NULL, 'i' },
	{ "dump", no_argument, NULL, OPT_DUMP },
	{ "find", required_argument, NULL, OPT_FIND },
	{ "hex", no_argument, NULL, OPT_HEX },
	{ "keys", no_argument, NULL, OPT_KEYS },
	{ "create", required_argument, NULL, OPT_CREATE },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* The options that modify an action, one bit each. */
enum {
	CLI_MOD_R = 0x001, CLI_MOD_P = 0x002, CLI_MOD_W = 0x004,
	CLI_MOD_C = 0x008, CLI_MOD_M = 0x010, CLI_MOD_S = 0x020,
	CLI_MOD_L = 0x040, CLI_MOD_I = 0x080, CLI_MOD_HEX = 0x100,
	CLI_MOD_CREATE = 0x200
};

static const struct cli_modifier {
	int		 ch;
	unsigned	 bit;
	const char	*name;
} cli_modifiers[] = {
	{ 'r', CLI_MOD_R, "-r" }, { 'p', CLI_MOD_P, "-p" },
	{ 'w', CLI_MOD_W, "-w" }, { 'c', CLI_MOD_C, "-c" },
	{ 'm', CLI_MOD_M, "-m" }, { 's', CLI_MOD_S, "-s" },
	{ 'l', CLI_MOD_L, "-l" }, { 'i', CLI_MOD_I, "-i" },
	{ OPT_HEX, CLI_MOD_HEX, "--hex" },
	{ OPT_CREATE, CLI_MOD_CREATE, "--create" }
};
#define CLI_NMODIFIERS	(sizeof cli_modifiers / sizeof cli_modifiers[0])

/* The modifiers each action takes; every modifier belongs to one. */
static const struct cli_takes {
	enum cli_action	 action;
	const char	*name;
	unsigned	 takes;
} cli_takes[] = {
	{ CLI_EDIT, "the interactive mode", CLI_MOD_R | CLI_MOD_P |
	    CLI_MOD_W | CLI_MOD_C | CLI_MOD_M | CLI_MOD_S | CLI_MOD_CREATE },
	{ CLI_DUMP, "--dump", CLI_MOD_S | CLI_MOD_L },
	{ CLI_FIND, "--find", CLI_MOD_I | CLI_MOD_HEX },
	{ CLI_KEYS, "--keys", 0 },
	{ CLI_HELP, "--help", 0 },
	{ CLI_VERSION, "--version", 0 }
};

static const struct cli_takes *cli_action_of(enum cli_action);
static int	cli_set_action(struct cli *, enum cli_action, char *, size_t);
static void	cli_given(struct cli *, int);
static int	cli_set_mode(struct cli *, enum mapping_mode, char *, size_t);
static int	cli_option(struct cli *, int, char *, size_t);
static int	cli_modifiers_fit(const struct cli *, char *, size_t);
static int	cli_check(struct cli *, char *, size_t);

static const struct cli_takes *
cli_action_of(enum cli_action action)
{
	size_t	i;

	for (i = 0; i < sizeof cli_takes / sizeof cli_takes[0]; i++)
		if (cli_takes[i].action == action)
			return (&cli_takes[i]);
	return (&cli_takes[0]);
}

/*
 * Sets the action; a second, different one is an error naming both.
 * --help and then --version win over anything else given with them,
 * as in other GNU-style tools.
 */
static int
cli_set_action(struct cli *c, enum cli_action action, char *err,
    size_t errlen)
{
	if (c->action == CLI_HELP ||
	    (c->action == CLI_VERSION && action != CLI_HELP))
		return (0);
	if (action == CLI_HELP || action == CLI_VERSION) {
		c->action = action;
		return (0);
	}
	if (c->action != CLI_EDIT && c->action != action) {
		snprintf(err, errlen, "choose one of %s and %s",
		    cli_action_of(c->action)->name,
		    cli_action_of(action)->name);
		return (-1);
	}
	c->action = action;
	return (0);
}

/* Remembers that the modifier ch was given. */
static void
cli_given(struct cli *c, int ch)
{
	size_t	i;

	for (i = 0; i < CLI_NMODIFIERS; i++)
		if (cli_modifiers[i].ch == ch)
			c->given |= cli_modifiers[i].bit;
}

static int
cli_set_mode(struct cli *c, enum mapping_mode mode, char *err,
    size_t errlen)
{
	if (c->mode_set && c->mode != mode) {
		snprintf(err, errlen, "choose one of -r, -p and -w");
		return (-1);
	}
	c->mode = mode;
	c->mode_set = 1;
	return (0);
}

static int
cli_option(struct cli *c, int ch, char *err, size_t errlen)
{
	uint64_t	n;

	cli_given(c, ch);
	switch (ch) {
	case 'r':
		return (cli_set_mode(c, MAPPING_READONLY, err, errlen));
	case 'p':
		return (cli_set_mode(c, MAPPING_PREVIEW, err, errlen));
	case 'w':
		return (cli_set_mode(c, MAPPING_DIRECT, err, errlen));
	case 'c':
		if (offset_number(optarg, &n, err, errlen) == -1)
			return (-1);
		if (n == 0 || n > CLI_MAX_COLUMNS) {
			snprintf(err, errlen, "-c wants 1 to %d bytes a row, "
			    "not '%s'", CLI_MAX_COLUMNS, optarg);
			return (-1);
		}
		c->columns = (size_t)n;
		return (0);
	case 'm':
		c->maximize = 1;
		return (0);
	case 's':
		c->start = optarg;
		return (0);
	case 'l':
		c->length = optarg;
		return (0);
	case 'i':
		c->icase = 1;
		return (0);
	case OPT_DUMP:
		return (cli_set_action(c, CLI_DUMP, err, errlen));
	case OPT_FIND:
		c->pattern = optarg;
		return (cli_set_action(c, CLI_FIND, err, errlen));
	case OPT_HEX:
		c->hex = 1;
		return (0);
	case OPT_KEYS:
		return (cli_set_action(c, CLI_KEYS, err, errlen));
	case OPT_CREATE:
		c->create = optarg;
		return (0);
	case 'h':
		return (cli_set_action(c, CLI_HELP, err, errlen));
	case 'V':
		return (cli_set_action(c, CLI_VERSION, err, errlen));
	}
	snprintf(err, errlen, "unknown option (see maphex --help)");
	return (-1);
}

/*
 * Refuses a modifier that means nothing to the action, naming both:
 * "-c has no meaning with --find", or for the interactive mode the
 * action it belongs to: "-l goes with --dump".
 */
static int
cli_modifiers_fit(const struct cli *c, char *err, size_t errlen)
{
	const struct cli_takes	*a = cli_action_of(c->action), *t;
	size_t			 i;
	unsigned		 bit;

	for (i = 0; i < CLI_NMODIFIERS; i++) {
		bit = cli_modifiers[i].bit;
		if ((c->given & bit) == 0 || (a->takes & bit) != 0)
			continue;
		if (c->action != CLI_EDIT) {
			snprintf(err, errlen, "%s has no meaning with %s",
			    cli_modifiers[i].name, a->name);
			return (-1);
		}
		for (t = cli_takes; (t->takes & bit) == 0; t++)
			continue;
		snprintf(err, errlen, "%s goes with %s",
		    cli_modifiers[i].name, t->name);
		return (-1);
	}
	return (0);
}

/* Checks what the options need once all are read. */
static int
cli_check(struct cli *c, char *err, size_t errlen)
{
	if (c->action == CLI_HELP || c->action == CLI_VERSION)
		return (0);
	if (cli_modifiers_fit(c, err, errlen) == -1)
		return (-1);
	if (c->action == CLI_KEYS) {
		if (c->path == NULL)
			return (0);
		snprintf(err, errlen, "%s takes no FILE ('%s' is extra)",
		    cli_action_of(c->action)->name, c->path);
		return (-1);
	}
	if (c->path == NULL) {
		snprintf(err, errlen, "no FILE given (see maphex --help)");
		return (-1);
	}
	if (c->columns > 0 && c->maximize) {
		snprintf(err, errlen, "choose one of -c and -m");
		return (-1);
	}
	if (c->create != NULL && c->mode == MAPPING_READONLY) {
		snprintf(err, errlen, "--create writes a file, which -r "
		    "forbids");
		return (-1);
	}
	if (c->hex && c->icase) {
		snprintf(err, errlen, "-i is for text patterns, not --hex");
		return (-1);
	}
	return (0);
}

int
cli_parse(int argc, char **argv, struct cli *c, char *err, size_t errlen)
{
	int	ch;

	memset(c, 0, sizeof *c);
	c->mode = MAPPING_AUTO;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":rpwc:ms:l:ihV", cli_options,
	    NULL)) != -1) {
		if (ch == ':') {
			snprintf(err, errlen, "option %s needs a value",
			    argv[optind - 1]);
			return (-1);
		}
		if (ch == '?') {
			snprintf(err, errlen, "unknown option '%s' (see "
			    "maphex --help)", argv[optind - 1]);
			return (-1);
		}
		if (cli_option(c, ch, err, errlen) == -1)
			return (-1);
	}
	if (optind < argc)
		c->path = argv[optind++];
	if (optind < argc) {
		snprintf(err, errlen, "one FILE at a time ('%s' is extra)",
		    argv[optind]);
		return (-1);
	}
	return (cli_check(c, err, errlen));
}
