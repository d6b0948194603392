/*
 * cmd_resize.c: inserting, deleting, appending and resizing.
 *
 * Each change is one journal step (an insert undoes as a delete).  When
 * it would move more than RESIZE_ASK bytes through the mapping, the
 * change waits in the session (pending_*) for a y/n.  This file only
 * decides what to ask the journal for and what to tell the user; it
 * never touches the mapping.
 */
#include "config.h"

#include "cmd_resize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "journal.h"
#include "offset.h"
#include "progress.h"
#include "session.h"

enum { RESIZE_INSERT = 1, RESIZE_DELETE = 2 };

static int	resize_start(struct session *, int, uint64_t,
		    const unsigned char *, uint64_t);
static int	resize_answer(void *, int);
static int	resize_run(struct session *);
static uint64_t	resize_moves(const struct session *, int, uint64_t,
		    uint64_t);
static int	resize_submit(void *, const char *);

int
cmd_insert_mode(struct session *s)
{
	s->insert_mode = !s->insert_mode;
	session_message(s, 0, s->insert_mode ? "insert mode: typed bytes "
	    "are inserted (Esc-A: overwrite)" : "overwrite mode: typed bytes "
	    "replace the cursor's");
	return (0);
}

/*
 * Returns how many bytes a change moves through the mapping: none when
 * off and n are block aligned (fallocate shifts the blocks instead).
 */
static uint64_t
resize_moves(const struct session *s, int kind, uint64_t off, uint64_t n)
{
	uint64_t	size = doc_size(s->doc), bs = doc_block_size(s->doc);

	if (off >= size || (kind == RESIZE_DELETE && off + n >= size))
		return (0);
	if (off % bs == 0 && n % bs == 0)
		return (0);
	return (kind == RESIZE_INSERT ? size - off : size - off - n);
}

/*
 * Records a change (bytes copied; NULL: zeros) and runs it, or asks
 * first when it moves much.  The caller set pending_cursor and the rest.
 */
static int
resize_start(struct session *s, int kind, uint64_t off,
    const unsigned char *bytes, uint64_t n)
{
	char		label[96];
	uint64_t	moves;

	free(s->pending_bytes);
	s->pending_bytes = NULL;
	if (bytes != NULL) {
		if ((s->pending_bytes = malloc(n > 0 ? (size_t)n : 1)) ==
		    NULL) {
			session_message(s, 1, "out of memory for %llu bytes",
			    (unsigned long long)n);
			return (-1);
		}
		memcpy(s->pending_bytes, bytes, (size_t)n);
	}
	s->pending = kind;
	s->pending_off = off;
	s->pending_len = n;
	if ((moves = resize_moves(s, kind, off, n)) <= RESIZE_ASK)
		return (resize_run(s));
	snprintf(label, sizeof label, "This moves %llu bytes; go on? (y/n) ",
	    (unsigned long long)moves);
	prompt_open_key(&s->prompt, label, resize_answer, s);
	return (0);
}

static int
resize_answer(void *arg, int key)
{
	struct session	*s = arg;

	prompt_close(&s->prompt);
	if (key != 'y' && key != 'Y') {
		free(s->pending_bytes);
		s->pending_bytes = NULL;
		s->pending = 0;
		session_message(s, 0, "cancelled: nothing changed");
		return (0);
	}
	(void)resize_run(s);
	return (0);
}

/* Runs the pending change with progress; Ctrl-C or Esc cancels it. */
static int
resize_run(struct session *s)
{
	struct window	*w = session_window(s);
	struct progress	 p;
	char		 err[256];
	int		 rc, kind = s->pending;
	uint64_t	 n = s->pending_len;

	progress_begin(&p, s, kind == RESIZE_INSERT ? "inserting" :
	    "deleting");
	journal_set_progress(s->journal, progress_step_hook, &p);
	if (kind == RESIZE_INSERT)
		rc = journal_insert(s->journal, s->pending_off,
		    s->pending_bytes, n, err, sizeof err);
	else
		rc = journal_delete(s->journal, s->pending_off, n, err,
		    sizeof err);
	journal_set_progress(s->journal, NULL, NULL);
	free(s->pending_bytes);
	s->pending_bytes = NULL;
	s->pending = 0;
	session_clamp(s);
	if (rc == -1) {
		if (p.cancelled)
			session_message(s, 0, "%s cancelled: nothing changed",
			    kind == RESIZE_INSERT ? "insert" : "delete");
		else
			session_message(s, 1, "%s", err);
		return (-1);
	}
	window_goto(w, s->pending_cursor);
	w->nibble = s->pending_nibble;
	if (!s->pending_quiet)
		session_message(s, 0, "%s %llu byte%s; now %llu bytes",
		    kind == RESIZE_INSERT ? "inserted" : "deleted",
		    (unsigned long long)n, n == 1 ? "" : "s",
		    (unsigned long long)doc_size(s->doc));
	return (0);
}

int
resize_insert(struct session *s, const unsigned char *bytes, size_t n,
    uint64_t cursor, int nibble, int quiet)
{
	struct window	*w = session_window(s);

	s->pending_cursor = cursor;
	s->pending_nibble = nibble;
	s->pending_quiet = quiet;
	return (resize_start(s, RESIZE_INSERT, w->cursor < doc_size(s->doc) ?
	    w->cursor : doc_size(s->doc), bytes, n));
}

int
cmd_delete(struct session *s)
{
	struct window	*w = session_window(s);
	uint64_t	 start, len;

	if (!window_selection(w, &start, &len)) {
		if (w->cursor >= doc_size(s->doc)) {
			session_message(s, 1, "nothing to delete: the cursor "
			    "is past the last byte");
			return (0);
		}
		start = w->cursor;
		len = 1;
	}
	w->has_mark = 0;
	s->pending_cursor = start;
	s->pending_nibble = 0;
	s->pending_quiet = 0;
	(void)resize_start(s, RESIZE_DELETE, start, NULL, len);
	return (0);
}

int
cmd_resize(struct session *s)
{
	prompt_open_line(&s->prompt, "New size (4k, 0x1000, +1M, -16): ",
	    resize_submit, NULL, s);
	return (0);
}

static int
resize_submit(void *arg, const char *text)
{
	struct session	*s = arg;
	struct window	*w = session_window(s);
	uint64_t	 size = doc_size(s->doc), want;
	char		 err[256];

	if (offset_size(text, size, &want, err, sizeof err) == -1) {
		session_message(s, 1, "bad size: %s", err);
		return (0);
	}
	if (want == size) {
		session_message(s, 0, "the file already has %llu bytes",
		    (unsigned long long)size);
		return (0);
	}
	s->pending_cursor = w->cursor;
	s->pending_nibble = 0;
	s->pending_quiet = 0;
	if (want > size)
		(void)resize_start(s, RESIZE_INSERT, size, NULL, want - size);
	else
		(void)resize_start(s, RESIZE_DELETE, want, NULL, size - want);
	return (0);
}

/*
 * The first press remembers the selection as the block; the second,
 * with the cursor where it goes, copies it there as memmove(3) does.
 */
int
cmd_copy_to_cursor(struct session *s)
{
	struct window	*w = session_window(s);
	struct progress	 p;
	uint64_t	 start, len;
	char		 err[256];
	int		 rc;

	if (window_selection(w, &start, &len)) {
		s->has_block = 1;
		s->block_start = start;
		s->block_len = len;
		w->has_mark = 0;
		session_message(s, 0, "block of %llu bytes at 0x%llx: put the "
		    "cursor where it goes and press Esc-C again",
		    (unsigned long long)len, (unsigned long long)start);
		return (0);
	}
	if (!s->has_block) {
		session_message(s, 1, "no block: select one (Ctrl-Space) and "
		    "press Esc-C, then again at the destination");
		return (0);
	}
	start = s->block_start;
	len = s->block_len;
	if (w->cursor >= doc_size(s->doc) || start >= doc_size(s->doc) ||
	    len > doc_size(s->doc) - w->cursor ||
	    len > doc_size(s->doc) - start) {
		session_message(s, 1, "the copy would run past the end of the "
		    "file: put the cursor at least %llu bytes before it",
		    (unsigned long long)len);
		return (0);
	}
	progress_begin(&p, s, "copying");
	journal_set_progress(s->journal, progress_step_hook, &p);
	rc = journal_move(s->journal, w->cursor, start, len, err, sizeof err);
	journal_set_progress(s->journal, NULL, NULL);
	if (rc == -1 && p.cancelled)
		session_message(s, 0, "copy cancelled: nothing changed");
	else if (rc == -1)
		session_message(s, 1, "%s", err);
	else {
		s->has_block = 0;
		session_message(s, 0, "copied %llu bytes from 0x%llx to 0x%llx",
		    (unsigned long long)len, (unsigned long long)start,
		    (unsigned long long)w->cursor);
	}
	return (0);
}
