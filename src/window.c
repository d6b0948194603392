/*
 * window.c: cursor, scrolling and the mark of one window.
 *
 * Scrolling moves the top as little as keeps the cursor's row on
 * screen; paging moves both by a screenful, as hexedit does.  The only
 * thing read from the document is its size.
 */
#include "config.h"

#include "window.h"

#include "doc.h"

static void	window_scroll(struct window *);
static uint64_t	window_last_page(const struct window *);

void
window_init(struct window *w, const struct doc *d, size_t columns,
    int maximize)
{
	w->doc = d;
	w->cursor = 0;
	w->top = 0;
	w->pane = WINDOW_HEX;
	w->nibble = 0;
	w->columns = columns > 0 ? columns : 16;
	w->maximize = maximize;
	w->autofit = columns == 0 && !maximize;
	w->rows = 1;
	w->has_mark = 0;
	w->mark = 0;
}

void
window_resize(struct window *w, int rows, size_t columns)
{
	w->rows = rows > 0 ? rows : 1;
	if (columns > 0)
		w->columns = columns;
	w->top -= w->top % w->columns;
	window_scroll(w);
}

/* Keeps the cursor's row on screen, moving the top as little as can be. */
static void
window_scroll(struct window *w)
{
	uint64_t	row = w->cursor - w->cursor % w->columns;
	uint64_t	span = (uint64_t)(w->rows - 1) * w->columns;

	if (row < w->top)
		w->top = row;
	else if (row - w->top > span)
		w->top = row - span;
}

void
window_goto(struct window *w, uint64_t off)
{
	uint64_t	size = doc_size(w->doc);

	if (size == 0)
		off = 0;
	else if (off >= size)
		off = w->append ? size : size - 1;
	w->cursor = off;
	w->nibble = 0;
	window_scroll(w);
}

void
window_page(struct window *w, int down)
{
	uint64_t	page = (uint64_t)w->rows * w->columns;
	uint64_t	size = doc_size(w->doc);

	if (down) {
		if (size == 0 || w->cursor >= size - 1)
			return;
		if (size - 1 - w->cursor < page) {
			window_goto(w, size - 1);
			return;
		}
		w->top += page;
		window_goto(w, w->cursor + page);
		return;
	}
	if (w->cursor < page) {
		w->top = 0;
		window_goto(w, w->cursor % w->columns);
		return;
	}
	w->top = w->top >= page ? w->top - page : 0;
	window_goto(w, w->cursor - page);
}

/* Returns the top offset that shows the document's last full screen. */
static uint64_t
window_last_page(const struct window *w)
{
	uint64_t	size = doc_size(w->doc);
	uint64_t	last = size > 0 ? size - 1 : 0;
	uint64_t	span = (uint64_t)(w->rows - 1) * w->columns;

	last -= last % w->columns;
	return (last > span ? last - span : 0);
}

void
window_clamp(struct window *w)
{
	uint64_t	size = doc_size(w->doc);

	if (w->top >= size)
		w->top = window_last_page(w);
	if (w->cursor >= size)
		window_goto(w, size > 0 ? size - 1 : 0);
}

int
window_selection(const struct window *w, uint64_t *start, uint64_t *len)
{
	uint64_t	a = w->mark, b = w->cursor, size = doc_size(w->doc);

	if (!w->has_mark || size == 0)
		return (0);
	if (a > b) {
		a = w->cursor;
		b = w->mark;
	}
	if (b >= size)
		b = size - 1;
	if (a > b)
		return (0);
	*start = a;
	*len = b - a + 1;
	return (1);
}

int
window_in_selection(const struct window *w, uint64_t off)
{
	uint64_t	start, len;

	return (window_selection(w, &start, &len) && off >= start &&
	    off - start < len);
}
