/*
 * dump_layout.c: xxd's layouts other than its default, byte for byte.
 *
 * The line kinds (-e, -b, -c, -g, -u, -d) follow xxd's own loop: a
 * line is blanked, each byte's digits go where xxd puts them, then its
 * text character, and the line ends after the last text character.
 * xxd's quirks come with it: -e with a partial group or a column count
 * that is not a multiple of the group lets later digits land on the
 * text column, exactly as xxd prints them.  -p and -i are streams whose
 * line breaks depend only on the count of bytes before.  Nothing here
 * allocates, prints or fails; speed matters less than in dump.c.
 */
#include "config.h"

#include "dump_layout.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static const char	 dump_lower[] = "0123456789abcdef";
static const char	 dump_upper[] = "0123456789ABCDEF";

static size_t	 dump_layout_line(const struct dump_layout *, char *, char *,
		    uint64_t, const unsigned char *, size_t);
static size_t	 dump_layout_plain(const struct dump_layout *, char *,
		    uint64_t, const unsigned char *, size_t);
static size_t	 dump_layout_include(const struct dump_layout *, char *,
		    uint64_t, const unsigned char *, size_t);
static size_t	 dump_layout_name(const char *, char *);

void
dump_layout_default(struct dump_layout *l)
{
	memset(l, 0, sizeof *l);
	l->kind = DUMP_HEX;
	l->cols = 16;
	l->group = 2;
}

size_t
dump_layout_outmax(const struct dump_layout *l, size_t n)
{
	size_t	lines;

	switch (l->kind) {
	case DUMP_PLAIN:
		return (3 * n + 2);
	case DUMP_INCLUDE:
		return (10 * n + 8);
	default:
		lines = n / l->cols + 1;
		return (lines * DUMP_LINECAP(l->cols));
	}
}

/*
 * One line of the n <= cols bytes at p, as xxd builds it: byte i's
 * digits at addrlen + 1 + grplen * x / group, where x is i with -e's
 * order within a group, and its text at addrlen + 3 + i plus the width
 * of the hex area, (grplen * cols - 1) / group.
 */
static size_t
dump_layout_line(const struct dump_layout *l, char *out, char *line,
    uint64_t shown, const unsigned char *p, size_t n)
{
	const char	*hex = l->upper ? dump_upper : dump_lower;
	size_t		 grplen, i, x, c = 0, k, a;
	int		 len;

	if (l->decimal)
		len = snprintf(line, 32, "%08" PRId64 ":", (int64_t)shown);
	else
		len = snprintf(line, 32, "%08" PRIx64 ":", shown);
	a = (size_t)len;
	memset(line + a, ' ', DUMP_LINECAP(l->cols) - a);
	grplen = l->kind == DUMP_BITS ? 8 * l->group + 1 : 2 * l->group + 1;
	for (i = 0; i < n; i++) {
		x = l->kind == DUMP_LITTLE ? i ^ (l->group - 1) : i;
		c = a + 1 + grplen * x / l->group;
		if (l->kind == DUMP_BITS) {
			for (k = 0; k < 8; k++)
				line[c + k] = p[i] >> (7 - k) & 1 ? '1' : '0';
		} else {
			line[c] = hex[p[i] >> 4];
			line[c + 1] = hex[p[i] & 15];
		}
		c = (grplen * l->cols - 1) / l->group + a + 3 + i;
		line[c++] = p[i] > 31 && p[i] < 127 ? (char)p[i] : '.';
	}
	line[c++] = '\n';
	memcpy(out, line, c);
	return (c);
}

/* -p: two digits a byte, a newline after every cols bytes (0: none). */
static size_t
dump_layout_plain(const struct dump_layout *l, char *out, uint64_t index,
    const unsigned char *p, size_t n)
{
	const char	*hex = l->upper ? dump_upper : dump_lower;
	char		*q = out;
	size_t		 i;

	for (i = 0; i < n; i++) {
		*q++ = hex[p[i] >> 4];
		*q++ = hex[p[i] & 15];
		if (l->cols > 0 && (index + i + 1) % l->cols == 0)
			*q++ = '\n';
	}
	return ((size_t)(q - out));
}

/* -i: "  0x12, 0x34,", cols a line. */
static size_t
dump_layout_include(const struct dump_layout *l, char *out, uint64_t index,
    const unsigned char *p, size_t n)
{
	const char	*hex = l->upper ? dump_upper : dump_lower;
	char		*q = out;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (index + i == 0) {
			memcpy(q, "  ", 2);
			q += 2;
		} else if ((index + i) % l->cols != 0) {
			memcpy(q, ", ", 2);
			q += 2;
		} else {
			memcpy(q, ",\n  ", 4);
			q += 4;
		}
		*q++ = '0';
		*q++ = l->upper ? 'X' : 'x';
		*q++ = hex[p[i] >> 4];
		*q++ = hex[p[i] & 15];
	}
	return ((size_t)(q - out));
}

size_t
dump_layout_format(const struct dump_layout *l, char *out, char *line,
    uint64_t index, uint64_t shown, const unsigned char *p, size_t n)
{
	size_t	i, k, len = 0;

	if (l->kind == DUMP_PLAIN)
		return (dump_layout_plain(l, out, index, p, n));
	if (l->kind == DUMP_INCLUDE)
		return (dump_layout_include(l, out, index, p, n));
	for (i = 0; i < n; i += k) {
		k = n - i < l->cols ? n - i : (size_t)l->cols;
		len += dump_layout_line(l, out + len, line, shown + i, p + i,
		    k);
	}
	return (len);
}

/*
 * xxd's C name for a path: letters and digits stay, anything else is
 * '_', and a leading digit gets "__" before it.
 */
static size_t
dump_layout_name(const char *name, char *out)
{
	size_t		 n = 0;
	unsigned char	 ch;

	if (name[0] >= '0' && name[0] <= '9') {
		memcpy(out, "__", 2);
		n = 2;
	}
	for (; *name != '\0'; name++) {
		ch = (unsigned char)*name;
		out[n++] = (ch >= '0' && ch <= '9') || (ch >= 'a' &&
		    ch <= 'z') || (ch >= 'A' && ch <= 'Z') ? (char)ch : '_';
	}
	return (n);
}

size_t
dump_layout_head(const struct dump_layout *l, char *out)
{
	size_t	n;

	if (l->kind != DUMP_INCLUDE || l->name == NULL)
		return (0);
	memcpy(out, "unsigned char ", 14);
	n = 14 + dump_layout_name(l->name, out + 14);
	memcpy(out + n, "[] = {\n", 7);
	return (n + 7);
}

size_t
dump_layout_tail(const struct dump_layout *l, char *out, uint64_t total)
{
	size_t	n = 0;
	int	len;

	if (l->kind == DUMP_PLAIN) {
		if (l->cols == 0 || total % l->cols != 0)
			out[n++] = '\n';
		return (n);
	}
	if (l->kind != DUMP_INCLUDE)
		return (0);
	if (total > 0)
		out[n++] = '\n';
	if (l->name == NULL)
		return (n);
	memcpy(out + n, "};\nunsigned int ", 16);
	n += 16;
	n += dump_layout_name(l->name, out + n);
	len = snprintf(out + n, 32, "_len = %" PRIu64 ";\n", total);
	return (n + (size_t)len);
}
