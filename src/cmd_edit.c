/*
 * cmd_edit.c: changing bytes at the cursor and in the selection.
 *
 * Typing, undo and redo, the mark, copy, paste and fill.  Every change
 * goes through the journal, which writes the document; this file only
 * decides what to ask for and what to tell the user.
 */
#include "config.h"

#include "cmd_edit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "cmd_resize.h"
#include "format.h"
#include "journal.h"
#include "keymap.h"
#include "pattern.h"
#include "progress.h"
#include "session.h"

#define MIB		(1ULL << 20)
#define CLIP_MAX	(64 * MIB)	/* largest copy or fill in memory */

typedef int (*journal_step_fn)(struct journal *, uint64_t *, char *, size_t);

static int	edit_step(struct session *, journal_step_fn, const char *);
static int	edit_write(struct session *, uint64_t, const unsigned char *,
		    size_t, const unsigned char *, size_t, const char *);
static int	edit_too_big(struct session *, uint64_t, const char *);
static unsigned char *edit_buffer(struct session *, uint64_t, const char *,
		    const char *);
static int	edit_fill_submit(void *, const char *);
static int	edit_refuse_empty(struct session *);
static int	edit_put_byte(struct session *, unsigned char, int);
static void	edit_type_hex(struct session *, int);
static void	edit_type_byte(struct session *, unsigned char);

/* Runs an undo-like journal step and moves the cursor to what changed. */
static int
edit_step(struct session *s, journal_step_fn fn, const char *what)
{
	struct window	*w = session_window(s);
	struct progress	 p;
	char		 err[256];
	uint64_t	 off = w->cursor;
	int		 rc;

	progress_begin(&p, s, what);
	journal_set_progress(s->journal, progress_step_hook, &p);
	rc = fn(s->journal, &off, err, sizeof err);
	journal_set_progress(s->journal, NULL, NULL);
	if (rc == -1 && p.cancelled)
		session_message(s, 0, "%s cancelled: nothing changed", what);
	else if (rc == -1)
		session_message(s, 1, "%s", err);
	else if (rc == 0)
		session_message(s, 0, "nothing to %s", what);
	else {
		window_goto(w, off);
		session_message(s, 0, "%s: %llu unsaved byte%s%s", what,
		    (unsigned long long)session_unsaved(s),
		    session_unsaved(s) == 1 ? "" : "s",
		    journal_kept(s->journal) > 0 ? "; bytes another program "
		    "changed were left alone" : "");
	}
	return (0);
}

int
cmd_undo(struct session *s)
{
	return (edit_step(s, journal_undo, "undo"));
}

int
cmd_redo(struct session *s)
{
	return (edit_step(s, journal_redo, "redo"));
}

int
cmd_undo_all(struct session *s)
{
	return (edit_step(s, journal_undo_all, "undo all"));
}

/*
 * Esc-Ctrl-H, hexedit's "undo the previous bytes": the run of unsaved
 * bytes just before the cursor gets its saved values back, as one step,
 * and the cursor goes to the run's start.
 */
int
cmd_undo_bytes(struct session *s)
{
	struct window	*w = session_window(s);
	uint64_t	 start = w->cursor;
	char		 err[256];

	while (start > 0 && session_is_dirty(s, start - 1))
		start--;
	if (start == w->cursor) {
		session_message(s, 1, "no unsaved bytes just before the "
		    "cursor");
		return (0);
	}
	if (w->cursor - start > SIZE_MAX ||
	    journal_revert(s->journal, start, (size_t)(w->cursor - start),
	    err, sizeof err) == -1) {
		session_message(s, 1, "%s", w->cursor - start > SIZE_MAX ?
		    "too many bytes at once" : err);
		return (0);
	}
	session_message(s, 0, "put back the saved value of %llu byte%s",
	    (unsigned long long)(w->cursor - start),
	    w->cursor - start == 1 ? "" : "s");
	window_goto(w, start);
	return (0);
}

int
cmd_set_mark(struct session *s)
{
	struct window	*w = session_window(s);

	if (w->has_mark) {
		w->has_mark = 0;
		session_message(s, 0, "mark cleared");
		return (0);
	}
	w->has_mark = 1;
	w->mark = w->cursor;
	session_message(s, 0, "mark set at 0x%llx",
	    (unsigned long long)w->cursor);
	return (0);
}

/* Ctrl-Space: sets the mark at the cursor, set or not, as hexedit. */
int
cmd_mark_here(struct session *s)
{
	struct window	*w = session_window(s);

	w->has_mark = 1;
	w->mark = w->cursor;
	session_message(s, 0, "mark set at 0x%llx",
	    (unsigned long long)w->cursor);
	return (0);
}

/*
 * Writes len bytes at off as one step, with progress: buf, or when buf
 * is NULL the patlen bytes of pat repeated.  Cancel leaves everything
 * as it was.  Returns 0, or -1 with a message.
 */
static int
edit_write(struct session *s, uint64_t off, const unsigned char *buf,
    size_t len, const unsigned char *pat, size_t patlen, const char *what)
{
	struct progress	p;
	char		err[256];
	int		rc;

	progress_begin(&p, s, what);
	journal_set_progress(s->journal, progress_step_hook, &p);
	if (buf != NULL)
		rc = journal_write(s->journal, off, buf, len, err, sizeof err);
	else
		rc = journal_fill(s->journal, off, len, pat, patlen, err,
		    sizeof err);
	journal_set_progress(s->journal, NULL, NULL);
	if (rc == -1 && p.cancelled)
		session_message(s, 0, "%s cancelled: nothing changed", what);
	else if (rc == -1)
		session_message(s, 1, "%s", err);
	return (rc);
}

/*
 * Returns 1 with a message giving the size, the limit and hint when len
 * bytes are more than a copy or a fill may take (CLIP_MAX), else 0.
 */
static int
edit_too_big(struct session *s, uint64_t len, const char *hint)
{
	uint64_t	tenths;

	if (len <= CLIP_MAX)
		return (0);
	/* Rounded up, so that it never reads as the limit itself. */
	tenths = len / MIB * 10 + ((len % MIB) * 10 + MIB - 1) / MIB;
	session_message(s, 1, "selection is %llu.%llu MiB; copy and fill "
	    "handle at most %llu MiB%s", (unsigned long long)(tenths / 10),
	    (unsigned long long)(tenths % 10),
	    (unsigned long long)(CLIP_MAX / MIB), hint);
	return (1);
}

/*
 * Allocates len bytes for a copy (what), or returns NULL with a message
 * (see edit_too_big() for hint).
 */
static unsigned char *
edit_buffer(struct session *s, uint64_t len, const char *what,
    const char *hint)
{
	unsigned char	*buf;

	if (edit_too_big(s, len, hint))
		return (NULL);
	if ((buf = malloc(len > 0 ? (size_t)len : 1)) == NULL)
		session_message(s, 1, "out of memory to %s %llu bytes", what,
		    (unsigned long long)len);
	return (buf);
}

int
cmd_copy(struct session *s)
{
	struct window	*w = session_window(s);
	uint64_t	 start, len;
	unsigned char	*buf;

	if (!window_selection(w, &start, &len))
		return (0);
	if ((buf = edit_buffer(s, len, "copy", "; Esc-Y saves it")) == NULL)
		return (0);
	if (doc_read(s->doc, start, buf, (size_t)len) == -1) {
		free(buf);
		session_message(s, 1, "cannot read the selection");
		return (0);
	}
	free(s->clip);
	s->clip = buf;
	s->cliplen = (size_t)len;
	w->has_mark = 0;
	session_message(s, 0, "copied %llu bytes", (unsigned long long)len);
	return (0);
}

int
cmd_paste(struct session *s)
{
	struct window	*w = session_window(s);
	uint64_t	 size = doc_size(s->doc);
	size_t		 n = s->cliplen;

	if (s->clip != NULL && (s->insert_mode || w->cursor >= size)) {
		if (resize_insert(s, s->clip, s->cliplen, w->cursor, 0, 1) ==
		    0 && s->pending == 0)
			session_message(s, 0, "inserted %zu bytes",
			    s->cliplen);
		return (0);
	}
	if (s->clip == NULL || size == 0) {
		session_message(s, 1, "nothing to paste: copy with Esc-W or "
		    "F7 first");
		return (0);
	}
	if (n > size - w->cursor)
		n = (size_t)(size - w->cursor);
	if (edit_write(s, w->cursor, s->clip, n, NULL, 0, "pasting") == -1)
		return (0);
	session_message(s, 0, "pasted %zu bytes%s", n,
	    n < s->cliplen ? " (cut short at the end of the file)" : "");
	return (0);
}

int
cmd_fill_selection(struct session *s)
{
	prompt_open_line(&s->prompt, session_window(s)->pane == WINDOW_TEXT ?
	    "Fill selection with text: " : "Fill selection with hex bytes: ",
	    edit_fill_submit, NULL, s);
	session_prompt_history(s, SESSION_HIST_FILL);
	return (0);
}

static int
edit_fill_submit(void *arg, const char *text)
{
	struct session	*s = arg;
	struct window	*w = session_window(s);
	struct pattern	 pat;
	uint64_t	 start, len;
	char		 err[256];

	if (!window_selection(w, &start, &len))
		return (0);
	if (w->pane == WINDOW_TEXT) {
		/* The text pane fills with the text as typed, byte for byte. */
		if (text[0] == '\0') {
			session_message(s, 1, "no fill text given");
			return (0);
		}
		if (pattern_parse_text(text, 0, &pat, err, sizeof err) == -1) {
			session_message(s, 1, "bad fill text: %s", err);
			return (0);
		}
	} else if (pattern_parse_hex(text, &pat, err, sizeof err) == -1) {
		session_message(s, 1, "bad fill bytes: %s", err);
		return (0);
	}
	if (memchr(pat.mask, 0x00, pat.len) != NULL) {
		pattern_free(&pat);
		session_message(s, 1, "fill pattern cannot contain ??: type "
		    "the bytes to write");
		return (0);
	}
	if (edit_too_big(s, len, "")) {
		pattern_free(&pat);
		return (0);
	}
	if (edit_write(s, start, NULL, (size_t)len, pat.bytes, pat.len,
	    "filling") == 0) {
		w->has_mark = 0;
		session_message(s, 0, "filled %llu bytes",
		    (unsigned long long)len);
	}
	pattern_free(&pat);
	return (0);
}

int
cmd_quoted_insert(struct session *s)
{
	s->quote = 1;
	session_message(s, 0, "quoted insert: the next key is typed as a "
	    "byte");
	return (0);
}

/* Says so and returns 1 if the file has no byte to overwrite. */
static int
edit_refuse_empty(struct session *s)
{
	if (doc_size(s->doc) > 0)
		return (0);
	session_message(s, 1, "the file is empty: nothing to overwrite");
	return (1);
}

/* Writes one byte at the cursor; merge amends the last step. */
static int
edit_put_byte(struct session *s, unsigned char byte, int merge)
{
	uint64_t	at = session_window(s)->cursor;
	char		err[256];
	int		rc;

	if (merge)
		rc = journal_amend(s->journal, at, &byte, 1, err, sizeof err);
	else
		rc = journal_write(s->journal, at, &byte, 1, err, sizeof err);
	if (rc == -1)
		session_message(s, 1, "%s", err);
	return (rc);
}

/* Types one hex digit into the cursor's byte, high nibble first. */
static void
edit_type_hex(struct session *s, int digit)
{
	struct window	*w = session_window(s);
	unsigned char	 old, byte;

	if (doc_read(s->doc, w->cursor, &old, 1) == -1) {
		session_message(s, 1, "cannot read offset 0x%llx",
		    (unsigned long long)w->cursor);
		return;
	}
	if (w->nibble == 0)
		byte = (unsigned char)((digit << 4) | (old & 0x0f));
	else
		byte = (unsigned char)((old & 0xf0) | digit);
	if (edit_put_byte(s, byte, w->nibble) == -1)
		return;
	if (w->nibble == 0)
		w->nibble = 1;
	else if (w->cursor + 1 < doc_size(s->doc) || w->append)
		window_goto(w, w->cursor + 1);
	else
		w->nibble = 0;
}

/* Writes byte at the cursor and moves on. */
static void
edit_type_byte(struct session *s, unsigned char byte)
{
	struct window	*w = session_window(s);

	if (edit_put_byte(s, byte, 0) == 0 &&
	    (w->cursor + 1 < doc_size(s->doc) || w->append))
		window_goto(w, w->cursor + 1);
}

/*
 * The text pane takes printable ASCII and every byte from 0x80 up, so
 * a character typed in UTF-8 (or any 8-bit set) is written as the bytes
 * the terminal sent, one step each.
 */
int
cmd_type(struct session *s, int key)
{
	struct window	*w = session_window(s);
	int		 quoted = s->quote, digit = -1;
	unsigned char	 byte;

	s->quote = 0;
	if (key == KEYMAP_ESC && !quoted)
		return (0);
	if (!quoted && w->pane == WINDOW_HEX && key < 0x80)
		digit = format_hex_digit(key);
	if (digit == -1 && !(quoted && key >= 0 && key < 0x100) &&
	    !(w->pane == WINDOW_TEXT && key >= 0x20 && key < 0x100 &&
	    key != 0x7f))
		return (-1);
	if (session_refuse_edit(s))
		return (0);
	if ((s->insert_mode && w->nibble == 0) ||
	    w->cursor >= doc_size(s->doc)) {
		/* Inserted, or appended past the last byte. */
		byte = digit != -1 ? (unsigned char)(digit << 4) :
		    (unsigned char)key;
		(void)resize_insert(s, &byte, 1, digit != -1 ? w->cursor :
		    w->cursor + 1, digit != -1, 1);
		return (0);
	}
	if (edit_refuse_empty(s))
		return (0);
	if (digit != -1)
		edit_type_hex(s, digit);
	else
		edit_type_byte(s, (unsigned char)key);
	return (0);
}
