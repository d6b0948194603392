/*
 * frame.c: an in-memory grid of characters and attributes.
 *
 * The frame is the boundary between drawing and the terminal: every
 * character stored here is printable in the current locale, so
 * whatever copies it out can never send a control byte.  Text comes in
 * as bytes in the locale's multibyte encoding; ASCII takes a short
 * path, anything else goes through mbrtowc() and wcwidth().
 */
#include "config.h"

#include "frame.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

static size_t	frame_next(const char *, size_t, wchar_t *, int *);

/*
 * Decodes the character at the start of s (len > 0 bytes) into *wc and
 * its width in cells into *width (1 or 2).  Anything that cannot be
 * shown as it is comes out as '.', one cell wide.  Returns the bytes
 * used, at least 1.
 */
static size_t
frame_next(const char *s, size_t len, wchar_t *wc, int *width)
{
	unsigned char	c = (unsigned char)s[0];
	mbstate_t	st;
	size_t		n;
	int		w;

	*width = 1;
	if (c < 0x80) {
		*wc = c >= 0x20 && c < 0x7f ? (wchar_t)c : L'.';
		return (1);
	}
	memset(&st, 0, sizeof st);
	n = mbrtowc(wc, s, len, &st);
	if (n == 0 || n == (size_t)-1 || n == (size_t)-2) {
		*wc = L'.';
		return (1);
	}
	w = wcwidth(*wc);
	if (!iswprint((wint_t)*wc) || w < 1 || w > 2)
		*wc = L'.';
	else
		*width = w;
	return (n);
}

int
frame_resize(struct frame *f, int rows, int cols)
{
	size_t	n;

	if (rows < 0)
		rows = 0;
	if (cols < 0)
		cols = 0;
	n = (size_t)rows * (size_t)cols;
	frame_free(f);
	f->text = calloc(n + 1, sizeof *f->text);
	f->attr = calloc(n + 1, sizeof *f->attr);
	if (f->text == NULL || f->attr == NULL) {
		frame_free(f);
		return (-1);
	}
	f->rows = rows;
	f->cols = cols;
	frame_clear(f);
	return (0);
}

void
frame_free(struct frame *f)
{
	free(f->text);
	free(f->attr);
	f->text = NULL;
	f->attr = NULL;
	f->rows = f->cols = 0;
}

void
frame_clear(struct frame *f)
{
	size_t	i, n = (size_t)f->rows * (size_t)f->cols;

	if (f->text != NULL) {
		for (i = 0; i < n; i++)
			f->text[i] = L' ';
		memset(f->attr, 0, n * sizeof *f->attr);
	}
	f->cursor_row = -1;
	f->cursor_col = -1;
}

void
frame_put(struct frame *f, int row, int col, const char *s, size_t len,
    uint16_t attr)
{
	size_t	i, n, at;
	wchar_t	wc;
	int	w;

	if (row < 0 || row >= f->rows || col < 0)
		return;
	for (i = 0; i < len && col < f->cols; i += n) {
		n = frame_next(s + i, len - i, &wc, &w);
		if (w == 2 && col + 1 >= f->cols) {
			wc = L'.';
			w = 1;
		}
		at = (size_t)row * (size_t)f->cols + (size_t)col;
		f->text[at] = wc;
		f->attr[at] = attr;
		if (w == 2) {
			f->text[at + 1] = FRAME_TAIL;
			f->attr[at + 1] = attr;
		}
		col += w;
	}
}

void
frame_printf(struct frame *f, int row, int col, uint16_t attr,
    const char *fmt, ...)
{
	char	buf[1024];
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof buf)
		n = sizeof buf - 1;
	frame_put(f, row, col, buf, (size_t)n, attr);
}

void
frame_mark(struct frame *f, int row, int col, size_t len,
    uint16_t attr)
{
	size_t	i;

	if (row < 0 || row >= f->rows || col < 0)
		return;
	for (i = 0; i < len && col + (int)i < f->cols; i++)
		f->attr[(size_t)row * (size_t)f->cols + (size_t)col + i] |=
		    attr;
}

size_t
frame_width(const char *s, size_t len, size_t cols, size_t *cut)
{
	size_t	i, n, total = 0;
	wchar_t	wc;
	int	w;

	for (i = 0; i < len; i += n) {
		n = frame_next(s + i, len - i, &wc, &w);
		total += (size_t)w;
	}
	if (cut == NULL)
		return (total);
	for (i = 0; i < len && total > cols; i += n) {
		n = frame_next(s + i, len - i, &wc, &w);
		total -= (size_t)w;
	}
	*cut = i;
	return (total);
}

void
frame_row(const struct frame *f, int row, char *out, size_t outlen)
{
	const wchar_t	*cell = f->text + (size_t)row * (size_t)f->cols;
	char		 mb[MB_LEN_MAX];
	mbstate_t	 st;
	size_t		 used = 0, n;
	int		 col;

	memset(&st, 0, sizeof st);
	for (col = 0; col < f->cols; col++) {
		if (cell[col] == FRAME_TAIL)
			continue;
		if ((n = wcrtomb(mb, cell[col], &st)) == (size_t)-1) {
			mb[0] = '.';
			n = 1;
		}
		if (used + n >= outlen)
			break;
		memcpy(out + used, mb, n);
		used += n;
	}
	if (outlen > 0)
		out[used] = '\0';
}
