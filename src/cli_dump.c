/*
 * cli_dump.c: turns xxd's flags, as cli.c stores them, into a dump
 * layout or --revert's settings.
 *
 * The rules are xxd's own (xxd.c, main()), so that the same flags give
 * the same bytes; where xxd takes nonsense silently (a negative -c or
 * -g, a number with junk after it) this refuses it with a reason.
 * Nothing here prints.
 */
#include "config.h"

#include "cli_dump.h"

#include <stdio.h>
#include <string.h>

#include "offset.h"

static int	cli_dump_number(const char *, const char *, uint64_t *, char *,
		    size_t);

/* Parses the value of flag; the error names both. */
static int
cli_dump_number(const char *flag, const char *text, uint64_t *out,
    char *err, size_t errlen)
{
	char	why[256];

	if (offset_number(text, out, why, sizeof why) == 0)
		return (0);
	snprintf(err, errlen, "%s %s: %s", flag, text, why);
	return (-1);
}

int
cli_dump_layout(const struct cli *c, struct dump_layout *l, char *err,
    size_t errlen)
{
	static const uint64_t	defcols[] = { 16, 16, 6, 30, 12 };
	static const uint64_t	defgroup[] = { 2, 4, 1, 0, 0 };
	uint64_t		cols = 0, group = 0;
	const char		*d = c->displace;

	dump_layout_default(l);
	l->kind = c->kind == 'e' ? DUMP_LITTLE : c->kind == 'b' ? DUMP_BITS :
	    c->kind == 'p' ? DUMP_PLAIN : c->kind == 'i' ? DUMP_INCLUDE :
	    DUMP_HEX;
	if (c->cols != NULL &&
	    cli_dump_number("-c", c->cols, &cols, err, errlen) == -1)
		return (-1);
	if (c->cols == NULL || (cols == 0 && l->kind != DUMP_PLAIN))
		cols = defcols[l->kind];
	if (l->kind != DUMP_PLAIN && l->kind != DUMP_INCLUDE &&
	    cols > DUMP_MAXCOLS) {
		snprintf(err, errlen, "-c wants at most %d bytes a line "
		    "with --dump, not '%s'", DUMP_MAXCOLS, c->cols);
		return (-1);
	}
	l->cols = cols;
	group = defgroup[l->kind];
	if (c->group != NULL &&
	    cli_dump_number("-g", c->group, &group, err, errlen) == -1)
		return (-1);
	if (group < 1 || group > cols)
		group = cols;
	else if (l->kind == DUMP_LITTLE && (group & (group - 1)) != 0) {
		snprintf(err, errlen, "-g wants a power of 2 with -e, not "
		    "'%s'", c->group);
		return (-1);
	}
	l->group = group;
	l->upper = c->upper;
	l->decimal = c->decimal;
	/* As xxd: "-o -N" shows offsets N lower, modulo 2^64. */
	if (d != NULL) {
		d += d[0] == '+';
		if (cli_dump_number("-o", d + (d[0] == '-'), &l->displace,
		    err, errlen) == -1)
			return (-1);
		if (d[0] == '-')
			l->displace = 0 - l->displace;
	}
	l->name = c->name != NULL ? c->name :
	    strcmp(c->path, "-") == 0 ? NULL : c->path;
	return (0);
}

int
cli_dump_revert(const struct cli *c, uint64_t *cols, int64_t *base,
    char *err, size_t errlen)
{
	const char	*s = c->start;
	uint64_t	 n;

	*cols = 16;
	*base = 0;
	if (c->cols != NULL &&
	    cli_dump_number("-c", c->cols, cols, err, errlen) == -1)
		return (-1);
	if (*cols == 0)
		*cols = 16;
	if (s == NULL)
		return (0);
	s += s[0] == '+';
	if (cli_dump_number("-s", s + (s[0] == '-'), &n, err, errlen) == -1)
		return (-1);
	if (n > INT64_MAX) {
		snprintf(err, errlen, "-s %s: too large", c->start);
		return (-1);
	}
	*base = s[0] == '-' ? -(int64_t)n : (int64_t)n;
	return (0);
}
