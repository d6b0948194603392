/*
 * cmd_move.c: moving through the document.
 *
 * Byte, row, page, row ends, file ends, a typed offset, and the pane
 * switch.  These commands only move the focused window; they never
 * read or write the bytes.
 */
#include "config.h"

#include "cmd_move.h"

#include <stdio.h>

#include "doc.h"
#include "keymap.h"
#include "offset.h"
#include "session.h"

#define MOVE_BLOCK		4	/* bytes or rows Esc-F/B/N/P move */
#define MOVE_BLOCK_SECTOR	8	/* the same with --sector, as hexedit */

static int	move_goto_submit(void *, const char *);
static int	move_bookmark_set_answer(void *, int);
static int	move_bookmark_jump_answer(void *, int);
static uint64_t	move_block(const struct session *);
static void	move_by(struct session *, uint64_t, int);

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

/* How many bytes (or rows) Esc-F/B/N/P move: hexedit's block size. */
static uint64_t
move_block(const struct session *s)
{
	return (s->sector ? MOVE_BLOCK_SECTOR : MOVE_BLOCK);
}

/*
 * Moves the cursor n bytes forward (or back), stopping at the first or
 * last byte, as hexedit's block moves do.
 */
static void
move_by(struct session *s, uint64_t n, int forward)
{
	struct window	*w = session_window(s);

	if (forward)
		window_goto(w, n > UINT64_MAX - w->cursor ? UINT64_MAX :
		    w->cursor + n);
	else
		window_goto(w, w->cursor > n ? w->cursor - n : 0);
}

int
cmd_forward_block(struct session *s)
{
	move_by(s, move_block(s), 1);
	return (0);
}

int
cmd_backward_block(struct session *s)
{
	move_by(s, move_block(s), 0);
	return (0);
}

int
cmd_next_rows(struct session *s)
{
	move_by(s, move_block(s) * session_window(s)->columns, 1);
	return (0);
}

int
cmd_previous_rows(struct session *s)
{
	move_by(s, move_block(s) * session_window(s)->columns, 0);
	return (0);
}

/* Esc-L: the screen starts at the cursor's row (hexedit's recenter). */
int
cmd_page_from_cursor(struct session *s)
{
	struct window	*w = session_window(s);

	w->top = w->cursor - w->cursor % w->columns;
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

int
cmd_follow(struct session *s)
{
	session_follow(s);
	return (0);
}

static int
move_goto_submit(void *arg, const char *text)
{
	struct session	*s = arg;
	struct window	*w = session_window(s);
	char		 err[256];
	uint64_t	 off, size = doc_size(s->doc);

	if (s->sector) {
		/* Sector numbers: the last one may be partly past the end. */
		if (offset_parse(text, w->cursor / SESSION_SECTOR,
		    size / SESSION_SECTOR + (size % SESSION_SECTOR != 0), &off,
		    err, sizeof err) == -1) {
			session_message(s, 1, "%s (in sectors of %d bytes)", err,
			    SESSION_SECTOR);
			return (0);
		}
		off *= SESSION_SECTOR;
	} else if (offset_parse(text, w->cursor, size, &off, err,
	    sizeof err) == -1) {
		session_message(s, 1, "%s", err);
		return (0);
	}
	session_jump(s, off);
	return (0);
}

int
cmd_goto_offset(struct session *s)
{
	prompt_open_line(&s->prompt, s->sector ? "Go to sector (of 512 "
	    "bytes; 7, 0x10, +1, end-1, 50%): " : "Go to offset (0x1f, 31, "
	    "+16, end-16, 50%): ", move_goto_submit, NULL, s);
	session_prompt_history(s, SESSION_HIST_GOTO);
	return (0);
}

int
cmd_switch_pane(struct session *s)
{
	struct window	*w = session_window(s);

	/* Hex, text, then the inspector when it is shown. */
	if (w->pane == WINDOW_HEX)
		w->pane = WINDOW_TEXT;
	else if (w->pane == WINDOW_TEXT && s->inspector.shown)
		w->pane = WINDOW_INSPECT;
	else
		w->pane = WINDOW_HEX;
	w->nibble = 0;
	return (0);
}

/* Esc-M: asks for a letter and sets that bookmark at the cursor. */
int
cmd_set_bookmark(struct session *s)
{
	prompt_open_key(&s->prompt, "Set bookmark (a-z): ",
	    move_bookmark_set_answer, s);
	return (0);
}

static int
move_bookmark_set_answer(void *arg, int key)
{
	struct session	*s = arg;

	prompt_close(&s->prompt);
	if (session_bookmark_set(s, key) == -1) {
		session_message(s, key == KEYMAP_ESC ? 0 : 1, key ==
		    KEYMAP_ESC ? "cancelled" : "bookmarks are named a to z");
		return (0);
	}
	session_message(s, 0, "bookmark %c set at 0x%llx", key,
	    (unsigned long long)session_window(s)->cursor);
	return (0);
}

/* Esc-J: lists the bookmarks in the prompt and jumps to the one typed. */
int
cmd_jump_bookmark(struct session *s)
{
	char	names[2 * SESSION_MARKS], label[sizeof s->prompt.label + 64];

	if (session_bookmark_names(s, names, sizeof names) == 0) {
		session_message(s, 1, "no bookmarks: Esc-M sets one");
		return (0);
	}
	snprintf(label, sizeof label, "Jump to bookmark (%s): ", names);
	prompt_open_key(&s->prompt, label, move_bookmark_jump_answer, s);
	return (0);
}

static int
move_bookmark_jump_answer(void *arg, int key)
{
	struct session	*s = arg;
	uint64_t	 off;

	prompt_close(&s->prompt);
	if (key == KEYMAP_ESC || key == KEYMAP_CTRL('G')) {
		session_message(s, 0, "cancelled");
		return (0);
	}
	if (session_bookmark_get(s, key, &off) == -1) {
		session_message(s, 1, "no such bookmark (Esc-J lists them)");
		return (0);
	}
	session_jump(s, off);
	session_message(s, 0, "bookmark %c: 0x%llx", key,
	    (unsigned long long)session_window(s)->cursor);
	return (0);
}

/* Esc-,: back to where the last jump came from. */
int
cmd_back(struct session *s)
{
	if (session_back(s) == -1)
		session_message(s, 1, "no earlier position (go-to, searches "
		    "and bookmark jumps leave one)");
	return (0);
}
