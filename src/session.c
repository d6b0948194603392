/*
 * session.c: the session's state, its messages, and keeping its
 * windows right when the file changes under them: its size (or, while
 * following, its end) and the bytes another process wrote.
 *
 * Nothing here draws, reads keys, or knows a command.  The only file
 * data it holds is the clipboard the user asked for and the small
 * snapshot of the screen that outside.c compares.
 */
#include "config.h"

#include "session.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "journal.h"

static void	session_resized(struct session *);
static uint64_t	session_now(const struct session *);
static void	session_watch(struct session *);
static void	session_follow_end(struct session *);

static int	session_can_append(const struct doc *);

/* Typing past the last byte appends where the size can change. */
static int
session_can_append(const struct doc *d)
{
	return (doc_mode(d) == MAPPING_DIRECT && !doc_blockdev(d) &&
	    doc_can_save(d));
}

int
session_init(struct session *s, struct doc *d, size_t columns,
    int maximize, char *err, size_t errlen)
{
	memset(s, 0, sizeof *s);
	s->doc = d;
	s->nwin = 1;
	window_init(&s->win[0], d, columns, maximize);
	s->win[0].append = session_can_append(d);
	if ((s->journal = journal_new(d)) == NULL) {
		snprintf(err, errlen, "%s: out of memory", doc_path(d));
		return (-1);
	}
	if (doc_note(d)[0] != '\0')
		session_message(s, 0, "%s", doc_note(d));
	else if (doc_size(d) == 0)
		session_message(s, 0, "%s is empty", doc_path(d));
	else if (doc_atime(d))
		session_message(s, 0, "reading changes the file's access time "
		    "(only its owner can prevent that)");
	return (0);
}

void
session_free(struct session *s)
{
	if (s->journal != NULL)
		journal_free(s->journal);
	free(s->clip);
	free(s->pending_bytes);
	outside_free(&s->outside);
	s->pending_bytes = NULL;
	s->journal = NULL;
	s->clip = NULL;
}

struct window *
session_window(struct session *s)
{
	return (&s->win[s->focus]);
}

const struct window *
session_cwindow(const struct session *s)
{
	return (&s->win[s->focus]);
}

int
session_split(struct session *s)
{
	if (s->nwin == SESSION_WINDOWS)
		return (-1);
	s->win[s->nwin] = s->win[s->focus];
	s->win[s->nwin].has_mark = 0;
	s->focus = s->nwin++;
	return (0);
}

void
session_next_window(struct session *s)
{
	s->focus = (s->focus + 1) % s->nwin;
}

void
session_jump(struct session *s, uint64_t off)
{
	struct window	*w = session_window(s);
	uint64_t	 was = w->cursor;

	window_goto(w, off);
	if (w->cursor == was)
		return;
	if (s->nback == SESSION_BACK) {
		memmove(s->back, s->back + 1, (SESSION_BACK - 1) *
		    sizeof s->back[0]);
		s->nback--;
	}
	s->back[s->nback++] = was;
}

int
session_back(struct session *s)
{
	if (s->nback == 0)
		return (-1);
	window_goto(session_window(s), s->back[--s->nback]);
	return (0);
}

void
session_prompt_history(struct session *s, enum session_history which)
{
	prompt_set_history(&s->prompt, &s->hist[which]);
}

void
session_forget_positions(struct session *s)
{
	s->nback = 0;
	s->marks = 0;
}

int
session_bookmark_set(struct session *s, int name)
{
	if (name < 'a' || name > 'z')
		return (-1);
	s->mark_at[name - 'a'] = session_window(s)->cursor;
	s->marks |= 1u << (name - 'a');
	return (0);
}

int
session_bookmark_get(const struct session *s, int name, uint64_t *off)
{
	if (name < 'a' || name > 'z' || !(s->marks & (1u << (name - 'a'))))
		return (-1);
	*off = s->mark_at[name - 'a'];
	return (0);
}

int
session_bookmark_names(const struct session *s, char *buf, size_t len)
{
	size_t	used = 0;
	int	i, n = 0;

	if (len > 0)
		buf[0] = '\0';
	for (i = 0; i < SESSION_MARKS; i++) {
		if (!(s->marks & (1u << i)))
			continue;
		if (used + 3 <= len) {
			if (n > 0)
				buf[used++] = ' ';
			buf[used++] = (char)('a' + i);
			buf[used] = '\0';
		}
		n++;
	}
	return (n);
}

void
session_message(struct session *s, int error, const char *fmt, ...)
{
	va_list		 ap;
	const char	*path = doc_path(s->doc);
	size_t		 n = strlen(path);

	va_start(ap, fmt);
	vsnprintf(s->message, sizeof s->message, fmt, ap);
	va_end(ap);
	s->message_error = error;
	/* The status line names the file already; keep room for why. */
	if (n > 0 && strncmp(s->message, path, n) == 0 &&
	    strncmp(s->message + n, ": ", 2) == 0)
		memmove(s->message, s->message + n + 2,
		    strlen(s->message + n + 2) + 1);
}

void
session_clamp(struct session *s)
{
	int	i;

	for (i = 0; i < s->nwin; i++)
		window_clamp(&s->win[i]);
}

int
session_check_path(struct session *s, char *err, size_t errlen)
{
	int	state = doc_path_state(s->doc);

	if (state == MAPPING_PATH_SAME) {
		s->path_state = state;
		return (0);
	}
	snprintf(err, errlen, "%s was %s on disk: maphex still has the old "
	    "file open, which nothing names; Esc-S saves it under a name",
	    doc_path(s->doc), state == MAPPING_PATH_GONE ? "deleted" :
	    "replaced");
	if (state != s->path_state)
		session_message(s, 1, "%s", err);
	s->path_state = state;
	return (-1);
}

/*
 * The size part of session_refresh(): remaps when the size changed and
 * keeps the windows inside, or, while following, on the new end.
 */
static void
session_resized(struct session *s)
{
	uint64_t	old = doc_size(s->doc), now, lost = 0;
	char		err[256];
	int		changed;

	(void)session_check_path(s, err, sizeof err);
	changed = doc_refresh(s->doc, err, sizeof err);
	if (changed == -1) {
		session_message(s, 1, "%s", err);
		return;
	}
	if (changed == 0)
		return;
	s->fault = 0;
	now = doc_size(s->doc);
	if (journal_reapply(s->journal, &lost, err, sizeof err) == -1)
		session_message(s, 1, "%s", err);
	else if (lost > 0)
		session_message(s, 1, "file %s %llu bytes; %llu unsaved "
		    "byte%s past its end are kept: F2 asks what to do",
		    now < old ? "shrank to" : "is now",
		    (unsigned long long)now, (unsigned long long)lost,
		    lost == 1 ? "" : "s");
	else if (!s->follow && !s->reading)
		session_message(s, now < old, "file size changed from %llu "
		    "to %llu bytes", (unsigned long long)old,
		    (unsigned long long)now);
	session_clamp(s);
	if (s->follow)
		session_follow_end(s);
}

/* Milliseconds of the session's clock. */
static uint64_t
session_now(const struct session *s)
{
	struct timespec	ts;

	if (s->hooks.now != NULL)
		return (s->hooks.now(s->hooks.arg));
	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		return (0);
	return ((uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000);
}

/*
 * Notices bytes on screen that another process changed.  Costs one
 * fstat while nothing changes: the bytes are compared only when the
 * file's stamp moved, and what maphex wrote itself is left out (the
 * snapshot is taken again after it).
 */
static void
session_watch(struct session *s)
{
	struct outside		*o = &s->outside;
	struct doc_stamp	 st;
	uint64_t		 off[SESSION_WINDOWS], len[SESSION_WINDOWS];
	uint64_t		 lo, hi, ms = session_now(s);
	int			 i, own, moved;

	(void)outside_expire(o, ms);
	own = doc_take_written(s->doc, &lo, &hi);
	if (doc_stamp(s->doc, &st) == -1)
		return;
	for (i = 0; i < s->nwin; i++) {
		off[i] = s->win[i].top;
		len[i] = (uint64_t)s->win[i].rows * s->win[i].columns;
	}
	moved = o->stamped && (st.mtime != o->stamp.mtime ||
	    st.gen != o->stamp.gen);
	if (o->stamped && !moved && !own &&
	    outside_covers(o, s->doc, off, len, s->nwin))
		return;
	if (o->stamped && !doc_stamp_same_file(&st, &o->stamp))
		o->nrange = 0;
	else if (moved)
		(void)outside_compare(o, s->doc, own ? lo : 0, own ? hi : 0,
		    ms);
	(void)outside_take(o, s->doc, &st, off, len, s->nwin);
}

void
session_refresh(struct session *s)
{
	session_resized(s);
	session_watch(s);
}

/* Puts the focused window's cursor on the last byte. */
static void
session_follow_end(struct session *s)
{
	uint64_t	size = doc_size(s->doc);

	window_goto(session_window(s), size > 0 ? size - 1 : 0);
}

void
session_follow(struct session *s)
{
	s->follow = 1;
	session_follow_end(s);
}

int
session_unfollow(struct session *s)
{
	int	was = s->follow;

	s->follow = 0;
	return (was);
}

int
session_is_outside(const struct session *s, uint64_t off)
{
	return (outside_has(&s->outside, off));
}

void
session_fault(struct session *s, uint64_t off)
{
	char	msg[sizeof s->message];

	/* Said once: the next redraw must not hide a command's message. */
	if (s->fault == off + 1)
		return;
	s->fault = off + 1;
	session_message(s, 1, "cannot read offset 0x%llx: I/O error",
	    (unsigned long long)off);
	memcpy(msg, s->message, sizeof msg);
	s->message[0] = '\0';
	session_refresh(s);
	/* A size change explains the fault better than the I/O error. */
	if (s->message[0] == '\0') {
		memcpy(s->message, msg, sizeof msg);
		s->message_error = 1;
	}
}

int
session_is_dirty(const struct session *s, uint64_t off)
{
	return (journal_is_dirty(s->journal, off));
}

uint64_t
session_unsaved(const struct session *s)
{
	return (journal_unsaved(s->journal));
}

int
session_set_mode(struct session *s, enum mapping_mode mode, char *err,
    size_t errlen)
{
	int	i;

	if (doc_set_mode(s->doc, mode, err, errlen) == -1)
		return (-1);
	for (i = 0; i < s->nwin; i++)
		s->win[i].append = session_can_append(s->doc);
	session_clamp(s);
	return (0);
}

int
session_refuse_edit(struct session *s)
{
	if (doc_mode(s->doc) != MAPPING_READONLY)
		return (0);
	if (s->reading && s->in_memory)
		session_message(s, 1, "still reading %s: edits wait for the "
		    "end of the input", doc_path(s->doc));
	else if (doc_note(s->doc)[0] != '\0')
		session_message(s, 1, "read-only: %s", doc_note(s->doc));
	else
		session_message(s, 1, "read-only mode: nothing can be changed");
	return (1);
}

int
session_terminate(struct session *s, char *note, size_t notelen)
{
	char		err[256];
	uint64_t	n = session_unsaved(s);

	if (s->in_memory) {
		snprintf(note, notelen, "the input was never saved and is "
		    "gone (%llu byte%s unsaved)", (unsigned long long)n,
		    n == 1 ? "" : "s");
		return (0);
	}
	if (n == 0) {
		snprintf(note, notelen, "nothing was unsaved");
		return (0);
	}
	if (doc_mode(s->doc) != MAPPING_DIRECT) {
		snprintf(note, notelen, "%llu unsaved byte%s dropped; the "
		    "file is untouched", (unsigned long long)n, n == 1 ? "" :
		    "s");
		return (0);
	}
	if (journal_save(s->journal, err, sizeof err) == -1) {
		snprintf(note, notelen, "%llu changed byte%s are in the file "
		    "but could not be flushed: %s", (unsigned long long)n,
		    n == 1 ? "" : "s", err);
		return (-1);
	}
	snprintf(note, notelen, "%llu changed byte%s saved (direct mode)",
	    (unsigned long long)n, n == 1 ? "" : "s");
	return (0);
}
