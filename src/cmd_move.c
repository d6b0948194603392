/*
 * cmd_move.c: moving through the document.
 *
 * Byte, row, page, row ends, file ends, a typed offset, and the pane
 * switch.  These commands only move the focused window; they never
 * read or write the bytes.
 */
#include "config.h"

#include "cmd_move.h"

#include "doc.h"
#include "offset.h"
#include "session.h"

static int	move_goto_submit(void *, const char *);

int
cmd_backward_char(struct session *s)
{
	struct window	*w = session_window(s);

	if (w->nibble)
		w->nibble = 0;
	else if (w->cursor > 0)
		window_goto(w, w->cursor - 1);
	return (0);
}

int
cmd_forward_char(struct session *s)
{
	struct window	*w = session_window(s);

	window_goto(w, w->cursor + 1);
	return (0);
}

int
cmd_previous_line(struct session *s)
{
	struct window	*w = session_window(s);

	if (w->cursor >= w->columns)
		window_goto(w, w->cursor - w->columns);
	return (0);
}

int
cmd_next_line(struct session *s)
{
	struct window	*w = session_window(s);
	uint64_t	 size = doc_size(s->doc);

	if (size > w->columns && w->cursor < size - w->columns)
		window_goto(w, w->cursor + w->columns);
	return (0);
}

int
cmd_page_down(struct session *s)
{
	window_page(session_window(s), 1);
	return (0);
}

int
cmd_page_up(struct session *s)
{
	window_page(session_window(s), 0);
	return (0);
}

int
cmd_beginning_of_line(struct session *s)
{
	struct window	*w = session_window(s);

	window_goto(w, w->cursor - w->cursor % w->columns);
	return (0);
}

int
cmd_end_of_line(struct session *s)
{
	struct window	*w = session_window(s);

	window_goto(w, w->cursor - w->cursor % w->columns + w->columns - 1);
	return (0);
}

int
cmd_beginning_of_file(struct session *s)
{
	window_goto(session_window(s), 0);
	return (0);
}

int
cmd_end_of_file(struct session *s)
{
	uint64_t	size = doc_size(s->doc);

	window_goto(session_window(s), size > 0 ? size - 1 : 0);
	return (0);
}

static int
move_goto_submit(void *arg, const char *text)
{
	struct session	*s = arg;
	struct window	*w = session_window(s);
	char		 err[256];
	uint64_t	 off;

	if (offset_parse(text, w->cursor, doc_size(s->doc), &off, err,
	    sizeof err) == -1) {
		session_message(s, 1, "%s", err);
		return (0);
	}
	window_goto(w, off);
	return (0);
}

int
cmd_goto_offset(struct session *s)
{
	prompt_open_line(&s->prompt, "Go to offset: ", move_goto_submit, NULL,
	    s);
	return (0);
}

int
cmd_switch_pane(struct session *s)
{
	struct window	*w = session_window(s);

	w->pane = w->pane == WINDOW_HEX ? WINDOW_TEXT : WINDOW_HEX;
	w->nibble = 0;
	return (0);
}
