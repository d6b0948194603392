/*
 * inspect_cli.h: the inspector on the command line, --inspect and
 * --set.
 *
 * --inspect prints every row at an offset, one a line: the type's
 * name, the little-endian value and the big-endian one, separated by
 * tabs ("-" where the byte order does not matter).  --set writes typed
 * values: each "TYPE@OFFSET=VALUE" is parsed and encoded first, all of
 * them, so that one bad value writes nothing; the caller then writes
 * them through the journal.  Nothing here prints but to the descriptor
 * it is given, or exits.
 */
#ifndef MAPHEX_INSPECT_CLI_H
#define MAPHEX_INSPECT_CLI_H

#include <stddef.h>
#include <stdint.h>

#include "inspect.h"

struct doc;

/*
 * Writes the rows at off to fd.  Returns 0, or -1 with a one-line
 * reason in err (off past the end, a failed write).
 */
int	inspect_cli_print(const struct doc *, uint64_t off, int fd,
	    char *err, size_t errlen);

/* One typed write of --set. */
struct inspect_cli_set {
	enum inspect_type	 type;
	int			 be;
	uint64_t		 off;
	unsigned char		*bytes;		/* owned */
	size_t			 len;
};

/*
 * Parses spec, "TYPE@OFFSET=VALUE", against a document of size bytes:
 * the type (see inspect_type_find()), the offset (as -s takes it:
 * 0x1f, 31, end-16, 50%), and the value encoded for the type, which
 * must fit before the end.  Returns 0, or -1 with a one-line reason
 * naming the spec in err and nothing to free.
 */
int	inspect_cli_parse(const char *spec, uint64_t size,
	    struct inspect_cli_set *, char *err, size_t errlen);

/* Frees what inspect_cli_parse() allocated. */
void	inspect_cli_free(struct inspect_cli_set *);

#endif
