/*
 * cmd_file.c: saving, quitting, writing the selection out, truncating.
 *
 * Save and discard go through the journal; the selection is copied to
 * a new file (O_EXCL: never over an existing one) in chunks read from
 * the document.  This file decides what to ask and what to say, never
 * how bytes reach the disk.
 */
#include "config.h"

#include "cmd_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "io.h"
#include "journal.h"
#include "keymap.h"
#include "session.h"

#define COPY_CHUNK	(1 << 20)

static int	file_save_now(struct session *);
static int	file_quit_answer(void *, int);
static int	file_write_range(struct session *, int, uint64_t, uint64_t,
		    char *, size_t);
static int	file_save_selection_submit(void *, const char *);
static int	file_truncate_answer(void *, int);

/* Saves; returns 0 on success, -1 (with a message) on failure. */
static int
file_save_now(struct session *s)
{
	char		err[256];
	uint64_t	n = session_unsaved(s);

	if (journal_save(s->journal, err, sizeof err) == -1) {
		session_message(s, 1, "%s", err);
		return (-1);
	}
	session_message(s, 0, "saved %llu changed byte%s to %s",
	    (unsigned long long)n, n == 1 ? "" : "s", doc_path(s->doc));
	return (0);
}

int
cmd_save(struct session *s)
{
	if (session_unsaved(s) == 0) {
		session_message(s, 0, "no changes to save");
		return (0);
	}
	(void)file_save_now(s);
	return (0);
}

int
cmd_quit(struct session *s)
{
	if (session_unsaved(s) == 0)
		return (SESSION_QUIT);
	prompt_open_key(&s->prompt, "Unsaved changes: (s)ave, (d)iscard, "
	    "(c)ancel? ", file_quit_answer, s);
	return (0);
}

/*
 * Quits, throwing the unsaved changes away.  Quitting is always
 * possible: when the rollback fails (an immutable file, an I/O error)
 * maphex still ends and says on stderr what is left in the file.
 */
int
cmd_quit_discard(struct session *s)
{
	char		err[256];
	uint64_t	n = session_unsaved(s);

	if (n > 0 && journal_discard(s->journal, err, sizeof err) == -1)
		snprintf(s->exit_note, sizeof s->exit_note, "%s: could not "
		    "roll back %llu changed byte%s, which stay in the file: "
		    "%s", doc_path(s->doc), (unsigned long long)n,
		    n == 1 ? "" : "s", err);
	return (SESSION_QUIT);
}

static int
file_quit_answer(void *arg, int key)
{
	struct session	*s = arg;

	switch (key) {
	case 's':
	case 'S':
	case 'y':
	case 'Y':
		prompt_close(&s->prompt);
		return (file_save_now(s) == 0 ? SESSION_QUIT : 0);
	case 'd':
	case 'D':
	case 'n':
	case 'N':
		prompt_close(&s->prompt);
		return (cmd_quit_discard(s));
	case 'c':
	case 'C':
	case KEYMAP_ESC:
	case KEYMAP_CTRL('G'):
	case KEYMAP_CTRL('C'):
		prompt_close(&s->prompt);
		session_message(s, 0, "cancelled");
		return (0);
	}
	session_message(s, 1, "press s to save, d to discard, c to cancel");
	return (0);
}

int
cmd_save_selection(struct session *s)
{
	prompt_open_line(&s->prompt, "Save selection to file: ",
	    file_save_selection_submit, NULL, s);
	return (0);
}

/* Copies [start, start+len) of the document to fd in chunks. */
static int
file_write_range(struct session *s, int fd, uint64_t start, uint64_t len,
    char *err, size_t errlen)
{
	unsigned char	*buf;
	size_t		 n;
	int		 rc = 0;

	if ((buf = malloc(COPY_CHUNK)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return (-1);
	}
	for (; len > 0; start += n, len -= n) {
		n = len < COPY_CHUNK ? (size_t)len : COPY_CHUNK;
		if (doc_read(s->doc, start, buf, n) == -1) {
			snprintf(err, errlen, "cannot read offset 0x%llx",
			    (unsigned long long)start);
			rc = -1;
			break;
		}
		if (io_write_all(fd, buf, n) == -1) {
			snprintf(err, errlen, "%s", strerror(errno));
			rc = -1;
			break;
		}
	}
	free(buf);
	return (rc);
}

static int
file_save_selection_submit(void *arg, const char *path)
{
	struct session	*s = arg;
	uint64_t	 start, len;
	char		 err[256];
	int		 fd, rc;

	if (!window_selection(session_window(s), &start, &len))
		return (0);
	if (path[0] == '\0') {
		session_message(s, 1, "no file name given");
		return (0);
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd == -1) {
		session_message(s, 1, "%s: %s%s", path, strerror(errno),
		    errno == EEXIST ? " (will not overwrite)" : "");
		return (0);
	}
	rc = file_write_range(s, fd, start, len, err, sizeof err);
	if (close(fd) == -1 && rc == 0) {
		snprintf(err, sizeof err, "%s", strerror(errno));
		rc = -1;
	}
	if (rc == -1) {
		/* O_EXCL made the file ours: leave no partial copy behind. */
		(void)unlink(path);
		session_message(s, 1, "cannot save the selection to %s: %s "
		    "(partial file removed)", path, err);
		return (0);
	}
	session_message(s, 0, "wrote %llu bytes to %s",
	    (unsigned long long)len, path);
	return (0);
}

int
cmd_truncate(struct session *s)
{
	char	label[64];

	if (doc_mode(s->doc) != MAPPING_DIRECT || doc_blockdev(s->doc)) {
		session_message(s, 1, "truncate works only on files in direct "
		    "mode (-w)");
		return (0);
	}
	if (session_unsaved(s) > 0) {
		session_message(s, 1, "save first (F2): truncate cannot be "
		    "undone");
		return (0);
	}
	snprintf(label, sizeof label, "Truncate to %llu bytes? This cannot "
	    "be undone (y/n) ",
	    (unsigned long long)session_window(s)->cursor);
	prompt_open_key(&s->prompt, label, file_truncate_answer, s);
	return (0);
}

static int
file_truncate_answer(void *arg, int key)
{
	struct session	*s = arg;
	struct window	*w = session_window(s);
	char		 err[256];
	int		 i;

	prompt_close(&s->prompt);
	if (key != 'y' && key != 'Y') {
		session_message(s, 0, "cancelled");
		return (0);
	}
	if (journal_truncate(s->journal, w->cursor, err, sizeof err) == -1) {
		session_message(s, 1, "%s", err);
		return (0);
	}
	for (i = 0; i < s->nwin; i++)
		window_clamp(&s->win[i]);
	window_goto(w, w->cursor);
	session_message(s, 0, "truncated to %llu bytes",
	    (unsigned long long)doc_size(s->doc));
	return (0);
}
