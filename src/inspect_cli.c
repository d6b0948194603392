/*
 * inspect_cli.c: --inspect's table and --set's specs.
 *
 * The rows are the ones the pane shows, decoded by the same code; the
 * specs are encoded by the same code the pane's prompt uses, so the
 * command line and the screen can never disagree about a value.
 */
#include "config.h"

#include "inspect_cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "inspect_encode.h"
#include "inspect_read.h"
#include "io.h"
#include "offset.h"

static int	inspect_cli_value(const char *, const char *,
		    struct inspect_cli_set *, char *, size_t);

int
inspect_cli_print(const struct doc *d, uint64_t off, int fd, char *err,
    size_t errlen)
{
	struct inspect_bytes	b;
	char			le[INSPECT_TEXT], be[INSPECT_TEXT];
	char			line[3 * INSPECT_TEXT];
	int			t, n;

	if (off >= doc_size(d)) {
		snprintf(err, errlen, "%s: offset %llu is past the end (the "
		    "file has %llu bytes)", doc_path(d), (unsigned long long)
		    off, (unsigned long long)doc_size(d));
		return (-1);
	}
	inspect_read(d, off, &b);
	for (t = 0; t < INSPECT_ROWS; t++) {
		inspect_decode(t, 0, &b, le);
		if (inspect_types[t].flags & INSPECT_ORDER)
			inspect_decode(t, 1, &b, be);
		else
			snprintf(be, sizeof be, "-");
		n = snprintf(line, sizeof line, "%s\t%s\t%s\n",
		    inspect_types[t].name, le, be);
		if (io_write_all(fd, line, (size_t)n) == -1) {
			snprintf(err, errlen, "cannot write the rows: %s",
			    strerror(errno));
			return (-1);
		}
	}
	return (0);
}

/* Encodes value for set->type into a buffer of its own. */
static int
inspect_cli_value(const char *spec, const char *value,
    struct inspect_cli_set *set, char *err, size_t errlen)
{
	size_t	cap = strlen(value) + 16;
	char	why[320];

	if ((set->bytes = malloc(cap)) == NULL) {
		snprintf(err, errlen, "--set %s: out of memory", spec);
		return (-1);
	}
	if (inspect_encode(set->type, set->be, value, set->bytes, cap,
	    &set->len, why, sizeof why) == -1) {
		snprintf(err, errlen, "--set %s: %s", spec, why);
		inspect_cli_free(set);
		return (-1);
	}
	return (0);
}

int
inspect_cli_parse(const char *spec, uint64_t size,
    struct inspect_cli_set *set, char *err, size_t errlen)
{
	char		type[32], where[64], why[320];
	const char	*at = strchr(spec, '@'), *eq;
	int		t;

	memset(set, 0, sizeof *set);
	eq = at != NULL ? strchr(at, '=') : NULL;
	if (at == NULL || eq == NULL || at == spec ||
	    (size_t)(at - spec) >= sizeof type ||
	    (size_t)(eq - at - 1) >= sizeof where) {
		snprintf(err, errlen, "--set %s: write it as TYPE@OFFSET=VALUE, "
		    "e.g. u32le@0x10=7", spec);
		return (-1);
	}
	snprintf(type, sizeof type, "%.*s", (int)(at - spec), spec);
	snprintf(where, sizeof where, "%.*s", (int)(eq - at - 1), at + 1);
	if ((t = inspect_type_find(type, &set->be, why, sizeof why)) == -1 ||
	    offset_seek(where, size, &set->off, why, sizeof why) == -1) {
		snprintf(err, errlen, "--set %s: %s", spec, why);
		return (-1);
	}
	set->type = (enum inspect_type)t;
	if (inspect_cli_value(spec, eq + 1, set, err, errlen) == -1)
		return (-1);
	if (set->off >= size || set->len > size - set->off) {
		snprintf(err, errlen, "--set %s: %zu byte%s at %llu go past the "
		    "end (the file has %llu bytes)", spec, set->len,
		    set->len == 1 ? "" : "s", (unsigned long long)set->off,
		    (unsigned long long)size);
		inspect_cli_free(set);
		return (-1);
	}
	return (0);
}

void
inspect_cli_free(struct inspect_cli_set *set)
{
	free(set->bytes);
	set->bytes = NULL;
	set->len = 0;
}
