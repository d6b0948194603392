/*
 * pattern.c: turns what the user typed into a pattern of bytes.
 *
 * Hex patterns take two digits a byte, ?? for any byte, and optional
 * spaces between bytes; text patterns are taken literally, with ASCII
 * case folding on request.  Errors name the column at fault.  This file
 * knows nothing of files or scans.
 */
#include "config.h"

#include "pattern.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"

static int	pattern_alloc(struct pattern *, size_t, char *, size_t);
static void	pattern_hex_stray(unsigned char, size_t, char *, size_t);
static int	pattern_hex_end(const struct pattern *, int, size_t, char *,
		    size_t);

/* Allocates room for n bytes in an emptied pattern. */
static int
pattern_alloc(struct pattern *p, size_t n, char *err, size_t errlen)
{
	memset(p, 0, sizeof *p);
	p->bytes = malloc(n + 1);
	p->mask = malloc(n + 1);
	if (p->bytes == NULL || p->mask == NULL) {
		pattern_free(p);
		snprintf(err, errlen, "out of memory for the pattern");
		return (-1);
	}
	return (0);
}

/* Names a character that has no place in a hex pattern. */
static void
pattern_hex_stray(unsigned char c, size_t col, char *err, size_t errlen)
{
	if (c > ' ' && c < 0x7f)
		snprintf(err, errlen, "unexpected '%c' at column %zu", c, col);
	else
		snprintf(err, errlen, "unexpected byte 0x%02x at column %zu", c,
		    col);
}

/*
 * Checks the end of a hex pattern: half is the digit left over (16 for
 * a '?', -1 for none), col its column.  Returns 0 or -1.
 */
static int
pattern_hex_end(const struct pattern *p, int half, size_t col,
    char *err, size_t errlen)
{
	if (half == 16)
		snprintf(err, errlen, "lone '?' at column %zu: use ?? for any "
		    "byte", col);
	else if (half != -1)
		snprintf(err, errlen, "odd number of hex digits");
	else if (p->len == 0)
		snprintf(err, errlen, "empty pattern: type hex bytes such as "
		    "de ad ?? ef");
	else
		return (0);
	return (-1);
}

int
pattern_parse_hex(const char *text, struct pattern *p, char *err,
    size_t errlen)
{
	unsigned char	c;
	size_t		i, col = 0;
	int		v, half = -1;

	if (pattern_alloc(p, strlen(text) / 2, err, errlen) == -1)
		return (-1);
	for (i = 0; (c = (unsigned char)text[i]) != '\0'; i++) {
		if (c == ' ' || c == '\t') {
			if (half == -1)
				continue;
			snprintf(err, errlen, "space inside a byte at column "
			    "%zu", i + 1);
			goto fail;
		}
		if ((v = c == '?' ? 16 : format_hex_digit(c)) == -1) {
			pattern_hex_stray(c, i + 1, err, errlen);
			goto fail;
		}
		if (half == -1) {
			half = v;
			col = i + 1;
			continue;
		}
		if ((half == 16) != (v == 16)) {
			snprintf(err, errlen, "'?' mixed with a hex digit at "
			    "column %zu: use ?? for any byte", col);
			goto fail;
		}
		p->bytes[p->len] = v == 16 ? 0 : (unsigned char)(half << 4 | v);
		p->mask[p->len++] = v == 16 ? 0x00 : 0xff;
		half = -1;
	}
	if (pattern_hex_end(p, half, col, err, errlen) == 0)
		return (0);
fail:
	pattern_free(p);
	return (-1);
}

int
pattern_parse_text(const char *text, int icase, struct pattern *p,
    char *err, size_t errlen)
{
	size_t	n = strlen(text);

	if (n == 0) {
		memset(p, 0, sizeof *p);
		snprintf(err, errlen, "empty pattern");
		return (-1);
	}
	if (pattern_alloc(p, n, err, errlen) == -1)
		return (-1);
	memcpy(p->bytes, text, n);
	memset(p->mask, 0xff, n);
	p->len = n;
	p->icase = icase != 0;
	return (0);
}

void
pattern_free(struct pattern *p)
{
	free(p->bytes);
	free(p->mask);
	memset(p, 0, sizeof *p);
}
