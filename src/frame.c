/*
 * frame.c: an in-memory grid of characters and attributes.
 *
 * The frame is the boundary between drawing and the terminal: every
 * character stored here is printable ASCII, so whatever copies it out
 * can never send a control byte.
 */
#include "config.h"

#include "frame.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	f->text = malloc(n + 1);
	f->attr = malloc(n + 1);
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
	size_t	n = (size_t)f->rows * (size_t)f->cols;

	if (f->text != NULL) {
		memset(f->text, ' ', n);
		memset(f->attr, 0, n);
	}
	f->cursor_row = -1;
	f->cursor_col = -1;
}

void
frame_put(struct frame *f, int row, int col, const char *s, size_t len,
    unsigned char attr)
{
	size_t	i, at;

	if (row < 0 || row >= f->rows || col < 0)
		return;
	for (i = 0; i < len && col + (int)i < f->cols; i++) {
		at = (size_t)row * (size_t)f->cols + (size_t)col + i;
		f->text[at] = s[i] >= 0x20 && s[i] < 0x7f ? s[i] : '.';
		f->attr[at] = attr;
	}
}

void
frame_printf(struct frame *f, int row, int col, unsigned char attr,
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
    unsigned char attr)
{
	size_t	i;

	if (row < 0 || row >= f->rows || col < 0)
		return;
	for (i = 0; i < len && col + (int)i < f->cols; i++)
		f->attr[(size_t)row * (size_t)f->cols + (size_t)col + i] |=
		    attr;
}

void
frame_row(const struct frame *f, int row, char *out)
{
	memcpy(out, f->text + (size_t)row * (size_t)f->cols,
	    (size_t)f->cols);
	out[f->cols] = '\0';
}
