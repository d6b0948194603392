/*
 * cli.c: parses the command line with getopt_long.
 *
 * Offsets and lengths stay strings here: their meaning ("end-16",
 * "50%") depends on the file's size, which only the caller knows after
 * opening it.  Nothing here prints.
 */
#include "config.h"

#include "cli.h"

#include <sys/stat.h>

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "offset.h"

#define CLI_MAX_COLUMNS	4096

enum { OPT_DUMP = 0x100, OPT_FIND, OPT_HEX, OPT_KEYS, OPT_HISTORY, OPT_INSPECT,
	OPT_SET, OPT_REGEX, OPT_REVERT, OPT_SECTOR,
	OPT_CREATE };

const char cli_usage[] =
"usage: maphex [-r|-p|-w] [-c N|-m] [--sector] [-s OFFSET|-f]\n"
"                     [--history SIZE] FILE\n"
"       maphex --dump [-s OFFSET] [-l LEN] [-c N] [-g N] [-e|-b|-p|-i]\n"
"                     [-u] [-d] [-o OFFSET] [-n NAME] FILE\n"
"       maphex --revert DUMP [-p] [-c N] [-s [-]OFFSET] FILE\n"
"       maphex --find PATTERN [--hex|--regex [-o]] [-i] FILE\n"
"       maphex --inspect OFFSET FILE\n"
"       maphex --set TYPE@OFFSET=VALUE [--set ...] FILE\n"
"       maphex --create SIZE FILE\n"
"       maphex [-r|-p] -   or   cmd | maphex [-r|-p]\n"
"       maphex --help | --version | --keys\n"
"\n"
"  FILE                - (or none, with stdin a pipe or a file) is stdin,\n"
"                      copied into memory as it arrives (at most 4G or\n"
"                      half the free memory; MAPHEX_INPUT_LIMIT=SIZE sets\n"
"                      it), save it with F2; a file on stdin is mapped\n"
"  -r, --readonly      forensic mode: nothing can be written\n"
"  -p, --preview       copy-on-write: edits stay private until F2 saves\n"
"  -w, --write         direct mode (default when writable): edits hit\n"
"                      the file, F2 flushes them to disk; a file it\n"
"                      cannot write opens read-only, saying why\n"
"  -c, --columns N     bytes a row, fixed (default 16, fewer when the\n"
"                      terminal is narrower)\n"
"  -m, --maximize      as many bytes a row as the terminal fits\n"
"      --sector        go-to (Return) counts sectors of 512 bytes, and\n"
"                      Esc-F/B/N/P move 8 bytes or rows (hexedit -s)\n"
"  -s, --seek OFFSET   start at OFFSET: 0x1f, 31 (decimal, never octal),\n"
"                      end-16 or -16 (16 bytes before the end), 50%\n"
"  -f, --follow        start at the end and follow it as the file grows\n"
"                      (as tail -f; any key stops; F in read-only mode\n"
"                      follows again)\n"
"      --history SIZE  keep at most SIZE of undo history (default 256M;\n"
"                      k, M, G: KiB, MiB, GiB); the oldest steps go first\n"
"  -l, --length LEN    with --dump: dump LEN bytes\n"
"      --create SIZE   make FILE (which must not exist) a sparse file of\n"
"                      SIZE bytes (4k, 0x1000, 1M) and open it\n"
"      --dump          print an xxd-identical hex dump and exit; takes\n"
"                      xxd's layout flags, as xxd means them:\n"
"                      -c N bytes a line, -g N bytes a group, -e little-\n"
"                      endian groups, -b bits, -p plain, -i C include\n"
"                      (-n NAME its name), -u upper case, -d decimal\n"
"                      offsets, -o OFFSET added to the offsets shown\n"
"      --revert DUMP   as xxd -r: write the bytes of a dump (- for\n"
"                      stdin; -p plain) into FILE, patching it or\n"
"                      creating it sparse; -s adds OFFSET to positions\n"
"      --find PATTERN  print the offset of every match and exit\n"
"      --hex           with --find: PATTERN is hex bytes, ?? any byte\n"
"      --regex         with --find: PATTERN is a PCRE2 regex over the\n"
"                      bytes; prints what grep -obUaP does\n"
"  -o, --lengths       with --regex: print offset:length\n"
"  -i, --ignore-case   with --find: text matches in any case\n"
"      --inspect OFFSET  print the typed values at OFFSET, one a line:\n"
"                      type, little-endian, big-endian (tab-separated)\n"
"      --set TYPE@OFFSET=VALUE  write a typed value and flush; repeat\n"
"                      for more (all are checked before any is written).\n"
"                      TYPE: u8 i8 u16 i16 u24 i24 u32 i32 u64 i64 f16\n"
"                      f32 f64 time32 time64 dostime filetime guid utf16\n"
"                      (add le or be: u32be; le is the default), uleb128\n"
"                      sleb128 utf8 binary, hex (de ad be ef), text\n"
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
	{ "follow", no_argument, NULL, 'f' },
	{ "seek", required_argument, NULL, 's' },
	{ "length", required_argument, NULL, 'l' },
	{ "ignore-case", no_argument, NULL, 'i' },
	{ "dump", no_argument, NULL, OPT_DUMP },
	{ "find", required_argument, NULL, OPT_FIND },
	{ "hex", no_argument, NULL, OPT_HEX },
	{ "history", required_argument, NULL, OPT_HISTORY },
	{ "regex", no_argument, NULL, OPT_REGEX },
	{ "lengths", no_argument, NULL, 'o' },
	{ "keys", no_argument, NULL, OPT_KEYS },
	{ "inspect", required_argument, NULL, OPT_INSPECT },
	{ "set", required_argument, NULL, OPT_SET },
	{ "revert", required_argument, NULL, OPT_REVERT },
	{ "sector", no_argument, NULL, OPT_SECTOR },
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
	CLI_MOD_G = 0x200, CLI_MOD_E = 0x400, CLI_MOD_U = 0x800,
	CLI_MOD_B = 0x1000, CLI_MOD_D = 0x2000, CLI_MOD_O = 0x4000,
	CLI_MOD_N = 0x8000, CLI_MOD_HISTORY = 0x10000, CLI_MOD_REGEX = 0x20000,
	CLI_MOD_SECTOR = 0x40000,
	CLI_MOD_CREATE = 0x80000, CLI_MOD_F = 0x100000
};
#define CLI_MOD_XXD	(CLI_MOD_S | CLI_MOD_L | CLI_MOD_C | CLI_MOD_P | \
	CLI_MOD_I | CLI_MOD_G | CLI_MOD_E | CLI_MOD_U | CLI_MOD_B | \
	CLI_MOD_D | CLI_MOD_O | CLI_MOD_N)

static const struct cli_modifier {
	int		 ch;
	unsigned	 bit;
	const char	*name;
} cli_modifiers[] = {
	{ 'r', CLI_MOD_R, "-r" }, { 'p', CLI_MOD_P, "-p" },
	{ 'w', CLI_MOD_W, "-w" }, { 'c', CLI_MOD_C, "-c" },
	{ 'm', CLI_MOD_M, "-m" }, { 's', CLI_MOD_S, "-s" },
	{ 'l', CLI_MOD_L, "-l" }, { 'i', CLI_MOD_I, "-i" },
	{ OPT_HEX, CLI_MOD_HEX, "--hex" }, { 'g', CLI_MOD_G, "-g" },
	{ 'e', CLI_MOD_E, "-e" }, { 'u', CLI_MOD_U, "-u" },
	{ 'b', CLI_MOD_B, "-b" }, { 'd', CLI_MOD_D, "-d" },
	{ 'o', CLI_MOD_O, "-o" }, { 'n', CLI_MOD_N, "-n" },
	{ OPT_HISTORY, CLI_MOD_HISTORY, "--history" },
	{ OPT_REGEX, CLI_MOD_REGEX, "--regex" },
	{ OPT_SECTOR, CLI_MOD_SECTOR, "--sector" },
	{ OPT_CREATE, CLI_MOD_CREATE, "--create" },
	{ 'f', CLI_MOD_F, "-f" }
};
#define CLI_NMODIFIERS	(sizeof cli_modifiers / sizeof cli_modifiers[0])

/* The modifiers each action takes; every modifier belongs to one. */
static const struct cli_takes {
	enum cli_action	 action;
	const char	*name;
	unsigned	 takes;
} cli_takes[] = {
	{ CLI_EDIT, "the interactive mode", CLI_MOD_R | CLI_MOD_P |
	    CLI_MOD_W | CLI_MOD_C | CLI_MOD_M | CLI_MOD_S | CLI_MOD_HISTORY |
	    CLI_MOD_SECTOR | CLI_MOD_CREATE | CLI_MOD_F },
	{ CLI_FIND, "--find", CLI_MOD_I | CLI_MOD_HEX | CLI_MOD_REGEX |
	    CLI_MOD_O },
	{ CLI_DUMP, "--dump", CLI_MOD_XXD },
	{ CLI_REVERT, "--revert", CLI_MOD_P | CLI_MOD_C | CLI_MOD_S },
	{ CLI_KEYS, "--keys", 0 },
	{ CLI_INSPECT, "--inspect", 0 },
	{ CLI_SET, "--set", 0 },
	{ CLI_HELP, "--help", 0 },
	{ CLI_VERSION, "--version", 0 }
};

static const struct cli_takes *cli_action_of(enum cli_action);
static int	cli_piped(void);
static int	cli_set_action(struct cli *, enum cli_action, char *, size_t);
static void	cli_given(struct cli *, int);
static int	cli_set_mode(struct cli *, enum mapping_mode, char *, size_t);
static int	cli_size(const char *, uint64_t *, char *, size_t);
static int	cli_columns(struct cli *, char *, size_t);
static int	cli_option(struct cli *, int, char *, size_t);
static int	cli_modifiers_fit(const struct cli *, char *, size_t);
static int	cli_check(struct cli *, char *, size_t);
static int	cli_unswallow(struct cli *, char *, size_t);

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

/*
 * Parses --history's size as offset_size() reads a file size (64M,
 * 1GiB, 0x100000), but neither zero nor relative.
 */
static int
cli_size(const char *arg, uint64_t *out, char *err, size_t errlen)
{
	char	why[128];

	if (*arg == '+' || *arg == '-' ||
	    offset_size(arg, 0, out, why, sizeof why) == -1 || *out == 0) {
		snprintf(err, errlen, "--history wants a size such as 64M or "
		    "1G, not '%s'", arg);
		return (-1);
	}
	return (0);
}

/*
 * -c N of the interactive mode; --dump and --revert read it as xxd
 * does (cli_dump.c).
 */
static int
cli_columns(struct cli *c, char *err, size_t errlen)
{
	uint64_t	n;

	if (c->action != CLI_EDIT || c->cols == NULL)
		return (0);
	if (offset_number(c->cols, &n, err, errlen) == -1 || n == 0 ||
	    n > CLI_MAX_COLUMNS) {
		snprintf(err, errlen, "-c wants 1 to %d bytes a row, "
		    "not '%s'", CLI_MAX_COLUMNS, c->cols);
		return (-1);
	}
	c->columns = (size_t)n;
	return (0);
}

static int
cli_option(struct cli *c, int ch, char *err, size_t errlen)
{
	cli_given(c, ch);
	switch (ch) {
	case 'r':
		return (cli_set_mode(c, MAPPING_READONLY, err, errlen));
	case 'p':
		c->kind = ch;
		return (cli_set_mode(c, MAPPING_PREVIEW, err, errlen));
	case 'w':
		return (cli_set_mode(c, MAPPING_DIRECT, err, errlen));
	case 'c':
		c->cols = optarg;
		return (0);
	case 'm':
		c->maximize = 1;
		return (0);
	case 'f':
		c->follow = 1;
		return (0);
	case 's':
		c->start = optarg;
		return (0);
	case 'l':
		c->length = optarg;
		return (0);
	case 'i':
		c->icase = 1;
		c->kind = ch;
		return (0);
	case 'b': case 'e':
		c->kind = ch;
		return (0);
	case 'u':
		c->upper = 1;
		return (0);
	case 'd':
		c->decimal = 1;
		return (0);
	case 'g':
		c->group = optarg;
		return (0);
	case 'o':
		/* --dump -o OFFSET; --find -o (--lengths) is a flag. */
		c->displace = optarg;
		c->lengths = 1;
		return (0);
	case 'n':
		c->name = optarg;
		return (0);
	case OPT_REVERT:
		c->revert = optarg;
		return (cli_set_action(c, CLI_REVERT, err, errlen));
	case OPT_DUMP:
		return (cli_set_action(c, CLI_DUMP, err, errlen));
	case OPT_FIND:
		c->pattern = optarg;
		return (cli_set_action(c, CLI_FIND, err, errlen));
	case OPT_HEX:
		c->hex = 1;
		return (0);
	case OPT_HISTORY:
		return (cli_size(optarg, &c->history, err, errlen));
	case OPT_REGEX:
		c->regex = 1;
		return (0);
	case OPT_KEYS:
		return (cli_set_action(c, CLI_KEYS, err, errlen));
	case OPT_INSPECT:
		c->inspect = optarg;
		return (cli_set_action(c, CLI_INSPECT, err, errlen));
	case OPT_SET:
		if (c->nset == CLI_MAX_SETS) {
			snprintf(err, errlen, "at most %d --set options at a "
			    "time", CLI_MAX_SETS);
			return (-1);
		}
		c->set[c->nset++] = optarg;
		return (cli_set_action(c, CLI_SET, err, errlen));
	case OPT_SECTOR:
		c->sector = 1;
		return (0);
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

/*
 * Is stdin data to read (a pipe, a file, a socket, a block device)
 * rather than a terminal or a device such as /dev/null?  Then a
 * missing FILE is -.
 */
static int
cli_piped(void)
{
	struct stat	st;

	return (!isatty(STDIN_FILENO) && fstat(STDIN_FILENO, &st) == 0 &&
	    (S_ISFIFO(st.st_mode) || S_ISREG(st.st_mode) ||
	    S_ISSOCK(st.st_mode) || S_ISBLK(st.st_mode)));
}

/* Checks what the options need once all are read. */
static int
cli_check(struct cli *c, char *err, size_t errlen)
{
	if (c->action == CLI_HELP || c->action == CLI_VERSION)
		return (0);
	if (cli_modifiers_fit(c, err, errlen) == -1 ||
	    cli_columns(c, err, errlen) == -1)
		return (-1);
	if (c->action == CLI_KEYS) {
		if (c->path == NULL)
			return (0);
		snprintf(err, errlen, "%s takes no FILE ('%s' is extra)",
		    cli_action_of(c->action)->name, c->path);
		return (-1);
	}
	if (c->path == NULL && cli_piped() && (c->action == CLI_EDIT ||
	    c->action == CLI_DUMP || c->action == CLI_FIND ||
	    c->action == CLI_INSPECT) && c->create == NULL)
		c->path = "-";
	if (c->path == NULL) {
		snprintf(err, errlen, "no FILE given (see maphex --help)");
		return (-1);
	}
	if (strcmp(c->path, "-") == 0 && (c->create != NULL ||
	    c->action == CLI_SET || c->action == CLI_REVERT)) {
		snprintf(err, errlen, "%s writes FILE in place, so FILE "
		    "cannot be - (stdin)", c->create != NULL ? "--create" :
		    cli_action_of(c->action)->name);
		return (-1);
	}
	if (c->columns > 0 && c->maximize) {
		snprintf(err, errlen, "choose one of -c and -m");
		return (-1);
	}
	if (c->follow && c->start != NULL) {
		snprintf(err, errlen, "choose one of -s and -f (-f starts at "
		    "the end)");
		return (-1);
	}
	if (c->hex && c->regex) {
		snprintf(err, errlen, "choose one of --hex and --regex");
		return (-1);
	}
	if (c->action == CLI_FIND && c->lengths && !c->regex) {
		snprintf(err, errlen, "-o goes with --regex");
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

/*
 * -o takes a value for --dump (xxd's -o OFFSET) but none for --find,
 * where getopt still handed it the word after it: that word is FILE.
 */
static int
cli_unswallow(struct cli *c, char *err, size_t errlen)
{
	if (c->action != CLI_FIND || c->displace == NULL)
		return (0);
	if (c->path != NULL) {
		snprintf(err, errlen, "one FILE at a time ('%s' is extra)",
		    c->displace);
		return (-1);
	}
	c->path = c->displace;
	c->displace = NULL;
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
	while ((ch = getopt_long(argc, argv, ":rpwc:mfs:l:ihVg:ebudo:n:",
	    cli_options, NULL)) != -1) {
		if (ch == ':' && optopt == 'o') {
			/* A closing -o of --find, with no value to take. */
			cli_given(c, 'o');
			c->lengths = 1;
			continue;
		}
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
		/* "--find --regex PATTERN" as well as "--find PATTERN --regex". */
		if (ch == OPT_FIND && optind < argc && optarg == argv[optind - 1]
		    && strcmp(optarg, "--regex") == 0) {
			cli_given(c, OPT_REGEX);
			c->regex = 1;
			c->pattern = argv[optind++];
		}
	}
	if (optind < argc)
		c->path = argv[optind++];
	if (cli_unswallow(c, err, errlen) == -1)
		return (-1);
	if (optind < argc) {
		snprintf(err, errlen, "one FILE at a time ('%s' is extra)",
		    argv[optind]);
		return (-1);
	}
	return (cli_check(c, err, errlen));
}
