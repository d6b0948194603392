/*
 * quote.c: escapes the bytes of a string that must not reach a
 * terminal raw.
 *
 * Valid UTF-8 passes through so that names in any script stay
 * readable; everything a terminal would act on is spelled out.  This
 * file must not print, allocate or depend on the locale.
 */
#include "config.h"

#include "quote.h"

#include <stdio.h>
#include <string.h>

static size_t	quote_utf8(const unsigned char *);
static size_t	quote_piece(const unsigned char *, char *, size_t *);

/*
 * Returns the length of the printable UTF-8 sequence of two to four
 * bytes at s, or 0 if s does not start one.  Overlong forms,
 * surrogates, code points past U+10FFFF and the C1 controls (U+0080 to
 * U+009F, which some terminals obey) do not count.
 */
static size_t
quote_utf8(const unsigned char *s)
{
	unsigned char	lo = 0x80, hi = 0xbf;
	size_t		n, i;

	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return (0);
	if (s[0] == 0xc2 || s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	if (s[1] < lo || s[1] > hi)
		return (0);
	for (i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return (0);
	return (n);
}

/*
 * Writes the quoted form of the character at s into piece (at least 5
 * bytes, not terminated) and the count of bytes of s it stands for into
 * *used.  Returns the length of the piece.
 */
static size_t
quote_piece(const unsigned char *s, char *piece, size_t *used)
{
	size_t	n;

	*used = 1;
	if (s[0] == '\n' || s[0] == '\r' || s[0] == '\t') {
		piece[0] = '\\';
		piece[1] = s[0] == '\n' ? 'n' : s[0] == '\r' ? 'r' : 't';
		return (2);
	}
	if (s[0] >= 0x20 && s[0] < 0x7f) {
		piece[0] = (char)s[0];
		return (1);
	}
	if ((n = quote_utf8(s)) > 0) {
		memcpy(piece, s, n);
		*used = n;
		return (n);
	}
	snprintf(piece, 5, "\\x%02x", s[0]);
	return (4);
}

const char *
quote_string(char *buf, size_t len, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	char			 piece[5];
	size_t			 at = 0, fits = 0, n, used;

	if (len == 0)
		return (buf);
	if (*p == '\0') {
		snprintf(buf, len, "''");
		return (buf);
	}
	while (*p != '\0') {
		n = quote_piece(p, piece, &used);
		if (at + n >= len) {
			/* Cut back to the last character "..." fits after. */
			if (fits + 3 < len) {
				memcpy(buf + fits, "...", 3);
				at = fits + 3;
			}
			buf[at] = '\0';
			return (buf);
		}
		memcpy(buf + at, piece, n);
		at += n;
		if (at + 3 < len)
			fits = at;
		p += used;
	}
	buf[at] = '\0';
	return (buf);
}

size_t
quote_char_start(const char *s, size_t i)
{
	size_t	j = i;

	while (j > 0 && i - j < 3 && ((unsigned char)s[j] & 0xc0) == 0x80)
		j--;
	return ((unsigned char)s[j] >= 0xc0 ? j : i);
}
