/*
 * cmd_inspect.c: the data inspector pane's commands.
 *
 * What a row shows comes from inspect.c; a typed value is encoded by
 * inspect_encode.c, the same code --set uses, and written at the cursor
 * through the journal as one undo step.  A follow moves the cursor with
 * session_jump(), so that a position history has one place to look.
 */
#include "config.h"

#include "cmd_inspect.h"

#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "inspect.h"
#include "inspect_encode.h"
#include "inspect_read.h"
#include "journal.h"
#include "session.h"

static int	inspect_submit(void *, const char *);
static void	inspect_name(const struct session *, char *, size_t);

/* The selected row's type as --set names it: "u32le", "utf8". */
static void
inspect_name(const struct session *s, char *buf, size_t len)
{
	const struct inspect_info	*in = &inspect_types[s->inspector.row];

	snprintf(buf, len, "%s%s", in->name, !(in->flags & INSPECT_ORDER) ?
	    "" : s->inspector.be ? "be" : "le");
}

int
cmd_inspector(struct session *s)
{
	int	i;

	s->inspector.shown = !s->inspector.shown;
	for (i = 0; i < s->nwin && !s->inspector.shown; i++)
		if (s->win[i].pane == WINDOW_INSPECT)
			s->win[i].pane = WINDOW_HEX;
	if (s->inspector.shown)
		session_message(s, 0, "inspector: Tab reaches it; Up/Down a "
		    "row, Return writes, e byte order, f follows");
	return (0);
}

int
cmd_inspector_previous_row(struct session *s)
{
	if (s->inspector.row > 0)
		s->inspector.row--;
	return (0);
}

int
cmd_inspector_next_row(struct session *s)
{
	if (s->inspector.row < INSPECT_ROWS - 1)
		s->inspector.row++;
	return (0);
}

int
cmd_inspector_byte_order(struct session *s)
{
	s->inspector.be = !s->inspector.be;
	session_message(s, 0, "inspector: %s", s->inspector.be ?
	    "big-endian" : "little-endian");
	return (0);
}

int
cmd_inspector_edit(struct session *s)
{
	char	name[16], label[64];

	if (doc_size(s->doc) == 0) {
		session_message(s, 1, "the file is empty: nothing to write "
		    "over");
		return (0);
	}
	inspect_name(s, name, sizeof name);
	snprintf(label, sizeof label, "%s at 0x%llx: ", name,
	    (unsigned long long)session_cwindow(s)->cursor);
	prompt_open_line(&s->prompt, label, inspect_submit, NULL, s);
	return (0);
}

/* Encodes the typed value for the row and writes it at the cursor. */
static int
inspect_submit(void *arg, const char *line)
{
	struct session	*s = arg;
	uint64_t	 at = session_cwindow(s)->cursor;
	uint64_t	 room = doc_size(s->doc) - at;
	unsigned char	 buf[INSPECT_MAX];
	char		 name[16], err[320];
	size_t		 len;

	inspect_name(s, name, sizeof name);
	if (inspect_encode(s->inspector.row, s->inspector.be, line, buf,
	    sizeof buf, &len, err, sizeof err) == -1) {
		session_message(s, 1, "%s", err);
		return (0);
	}
	if (len > room) {
		session_message(s, 1, "%s: %zu bytes do not fit: %llu left "
		    "before the end", name, len, (unsigned long long)room);
		return (0);
	}
	if (journal_write(s->journal, at, buf, len, err, sizeof err) == -1) {
		session_message(s, 1, "%s", err);
		return (0);
	}
	session_message(s, 0, "%s %s written at 0x%llx (%zu byte%s; "
	    "Backspace undoes)", name, line, (unsigned long long)at, len,
	    len == 1 ? "" : "s");
	return (0);
}

int
cmd_inspector_follow(struct session *s)
{
	struct inspect_bytes	 b;
	const struct inspect_info *in = &inspect_types[s->inspector.row];
	uint64_t		 v, size = doc_size(s->doc);
	char			 name[16];

	inspect_name(s, name, sizeof name);
	inspect_read(s->doc, session_cwindow(s)->cursor, &b);
	if (!(in->flags & INSPECT_INT)) {
		session_message(s, 1, "%s is not an integer: f follows u8 to "
		    "i64 and LEB128 rows", name);
		return (0);
	}
	if (inspect_integer(s->inspector.row, s->inspector.be, &b, &v) == -1) {
		session_message(s, 1, "%s cannot be read here", name);
		return (0);
	}
	if ((in->flags & INSPECT_SIGNED) && (int64_t)v < 0) {
		session_message(s, 1, "%s is %lld: not an offset", name,
		    (long long)(int64_t)v);
		return (0);
	}
	if (v >= size) {
		session_message(s, 1, "%s is 0x%llx, past the end (0x%llx)",
		    name, (unsigned long long)v, (unsigned long long)size);
		return (0);
	}
	session_jump(s, v);
	session_message(s, 0, "followed %s to 0x%llx", name,
	    (unsigned long long)v);
	return (0);
}
