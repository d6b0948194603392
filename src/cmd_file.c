/*
 * cmd_file.c: saving, saving as, quitting, writing the selection out,
 * truncating.
 *
 * Save and discard go through the journal.  Save-as and the selection
 * are copied to a new file (O_EXCL: never over an existing one) in
 * chunks read from the document, with progress and cancel, keeping
 * holes; in read-only mode never onto the file system of the file
 * being examined.  A save is refused when the path no longer names
 * the open file.  This file decides what to ask and what to say.
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
#include "intake.h"
#include "io.h"
#include "journal.h"
#include "keymap.h"
#include "path.h"
#include "progress.h"
#include "session.h"

/* The steps of a save (file_save_flow()). */
enum { SAVE_PAST_END, SAVE_ON_DISK, SAVE_WRITE };

#define COPY_CHUNK	(1 << 20)	/* bytes read at a time */
#define COPY_BLOCK	4096		/* zero blocks of it stay holes */

static int	file_save_now(struct session *);
static int	file_save_flow(struct session *, int);
static int	file_past_end_answer(void *, int);
static int	file_on_disk_answer(void *, int);
static int	file_quit_answer(void *, int);
static int	file_discard_quit(struct session *);
static int	file_zero(const unsigned char *, size_t);
static int	file_put_sparse(int, const unsigned char *, size_t, uint64_t);
static int	file_copy_out(struct session *, int, uint64_t, uint64_t,
		    char *, size_t);
static int	file_create(struct session *, const char *);
static int	file_write_new(struct session *, const char *,
		    const char *, uint64_t, uint64_t);
static int	file_save_selection_submit(void *, const char *);
static int	file_save_as_submit(void *, const char *);
static int	file_truncate_answer(void *, int);
static int	file_switch(struct session *, struct doc *, int);
static void	file_tab(void *);
static int	file_expand(struct session *, const char *, char *, size_t);
static int	file_ask_overwrite(struct session *, const char *, int);
static int	file_overwrite_answer(void *, int);
static int	file_write_over(struct session *, const char *, const char *,
		    uint64_t, uint64_t);
static int	file_open_ask(struct session *);
static int	file_open_answer(void *, int);
static int	file_open_submit(void *, const char *);
static int	file_needs_name(const struct session *);

/* Saves; returns 0 on success, -1 (with a message) on failure. */
static int
file_save_now(struct session *s)
{
	char		err[256];
	uint64_t	n = session_unsaved(s);

	if (session_check_path(s, err, sizeof err) == -1) {
		session_message(s, 1, "not saved: %s", err);
		return (-1);
	}
	if (journal_save(s->journal, err, sizeof err) == -1) {
		session_message(s, 1, "%s", err);
		return (-1);
	}
	if (journal_kept(s->journal) > 0)
		session_message(s, 0, "saved to %s; %llu byte%s another "
		    "program changed stay as it wrote them", doc_path(s->doc),
		    (unsigned long long)journal_kept(s->journal),
		    journal_kept(s->journal) == 1 ? "" : "s");
	else
		session_message(s, 0, "saved %llu changed byte%s to %s",
		    (unsigned long long)n, n == 1 ? "" : "s",
		    doc_path(s->doc));
	return (0);
}

/*
 * Saving needs a name when the bytes are only in memory, or when no
 * path names the file and only direct mode writes it (a preview of
 * stdin mapped as it is).
 */
static int
file_needs_name(const struct session *s)
{
	return (s->in_memory || (doc_anonymous(s->doc) &&
	    doc_mode(s->doc) != MAPPING_DIRECT));
}

int
cmd_save(struct session *s)
{
	if (file_needs_name(s))
		return (cmd_save_as(s));
	if (session_unsaved(s) == 0) {
		session_message(s, 0, "no changes to save");
		return (0);
	}
	s->save_quits = 0;
	return (file_save_flow(s, SAVE_PAST_END));
}

/*
 * Runs a save from step on.  Each step may stop to ask (then its
 * answer goes on from the next step): the file shrank under unsaved
 * edits (extend it again, or drop them); a preview's target bytes were
 * changed on disk by another program (overwrite them?).  Returns
 * SESSION_QUIT when the save was the quit prompt's and it worked.
 */
static int
file_save_flow(struct session *s, int step)
{
	char		label[sizeof s->prompt.label];
	uint64_t	n;

	if (step <= SAVE_PAST_END &&
	    (n = journal_past_end(s->journal)) > 0) {
		snprintf(label, sizeof label, "%llu past the end: (e)xtend, "
		    "(d)rop, (c)ancel? ", (unsigned long long)n);
		prompt_open_key(&s->prompt, label, file_past_end_answer, s);
		return (0);
	}
	if (step <= SAVE_ON_DISK && doc_mode(s->doc) == MAPPING_PREVIEW &&
	    (n = journal_changed_on_disk(s->journal)) > 0) {
		snprintf(label, sizeof label, "%llu changed on disk: "
		    "(o)verwrite, (c)ancel? ", (unsigned long long)n);
		prompt_open_key(&s->prompt, label, file_on_disk_answer, s);
		return (0);
	}
	if (session_unsaved(s) == 0)
		return (s->save_quits ? SESSION_QUIT : 0);
	if (file_save_now(s) == -1)
		return (0);
	return (s->save_quits ? SESSION_QUIT : 0);
}

static int
file_past_end_answer(void *arg, int key)
{
	struct session	*s = arg;
	char		 err[256];

	prompt_close(&s->prompt);
	switch (key) {
	case 'e':
	case 'E':
		return (file_save_flow(s, SAVE_ON_DISK));
	case 'd':
	case 'D':
		if (journal_drop_past_end(s->journal, err, sizeof err) == -1) {
			session_message(s, 1, "%s", err);
			return (0);
		}
		session_message(s, 0, "dropped the edits past the end");
		return (file_save_flow(s, SAVE_ON_DISK));
	}
	session_message(s, 0, "cancelled");
	return (0);
}

static int
file_on_disk_answer(void *arg, int key)
{
	struct session	*s = arg;

	prompt_close(&s->prompt);
	if (key == 'o' || key == 'O')
		return (file_save_flow(s, SAVE_WRITE));
	session_message(s, 0, "cancelled: nothing written");
	return (0);
}

int
cmd_quit(struct session *s)
{
	if (session_unsaved(s) == 0 && !s->in_memory)
		return (SESSION_QUIT);
	if (s->in_memory)
		prompt_open_key(&s->prompt, "The input was never saved: "
		    "(s)ave as, (d)iscard, (c)ancel? ", file_quit_answer, s);
	else
		prompt_open_key(&s->prompt, "Unsaved changes: (s)ave, "
		    "(d)iscard, (c)ancel? ", file_quit_answer, s);
	return (0);
}

/*
 * Ctrl-C: quits discarding, but input that exists nowhere else is not
 * thrown away without asking.
 */
int
cmd_quit_discard(struct session *s)
{
	if (s->in_memory)
		return (cmd_quit(s));
	return (file_discard_quit(s));
}

/*
 * Quits, throwing the unsaved changes away.  Quitting is always
 * possible: when the rollback fails (an immutable file, an I/O error)
 * maphex still ends and says on stderr what is left in the file.
 */
static int
file_discard_quit(struct session *s)
{
	char		err[256];
	uint64_t	n = session_unsaved(s);

	if (n > 0 && journal_discard(s->journal, err, sizeof err) == -1)
		snprintf(s->exit_note, sizeof s->exit_note, "%s: could not "
		    "roll back %llu changed byte%s, which stay in the file: "
		    "%s", doc_path(s->doc), (unsigned long long)n,
		    n == 1 ? "" : "s", err);
	else if (n > 0 && journal_kept(s->journal) > 0)
		snprintf(s->exit_info, sizeof s->exit_info, "%s: %llu byte%s "
		    "another program changed were left as it wrote them",
		    doc_path(s->doc),
		    (unsigned long long)journal_kept(s->journal),
		    journal_kept(s->journal) == 1 ? "" : "s");
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
		if (file_needs_name(s)) {
			(void)cmd_save_as(s);
			s->save_quits = 1;
			return (0);
		}
		s->save_quits = 1;
		return (file_save_flow(s, SAVE_PAST_END));
	case 'd':
	case 'D':
	case 'n':
	case 'N':
		prompt_close(&s->prompt);
		return (file_discard_quit(s));
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

/* Esc-Y: the selection when there is one, else the copied bytes. */
int
cmd_save_selection(struct session *s)
{
	uint64_t	start, len;

	if (window_selection(session_window(s), &start, &len))
		prompt_open_line(&s->prompt, "Save selection to file: ",
		    file_save_selection_submit, file_tab, s);
	else if (s->clip != NULL)
		prompt_open_line(&s->prompt, "Save copied bytes to file: ",
		    file_save_selection_submit, file_tab, s);
	else {
		session_message(s, 1, "nothing to save: set the mark "
		    "(Ctrl-Space) or copy (Esc-W) first");
		return (0);
	}
	session_prompt_history(s, SESSION_HIST_PATH);
	return (0);
}

/* Returns 1 if the n bytes of buf are all zero. */
static int
file_zero(const unsigned char *buf, size_t n)
{
	return (n == 0 || (buf[0] == 0 && memcmp(buf, buf + 1, n - 1) == 0));
}

/* Writes buf to fd at off a block at a time, leaving zero blocks out. */
static int
file_put_sparse(int fd, const unsigned char *buf, size_t n, uint64_t off)
{
	size_t	i, k;

	for (i = 0; i < n; i += k) {
		k = n - i < COPY_BLOCK ? n - i : COPY_BLOCK;
		if (!file_zero(buf + i, k) &&
		    io_pwrite_all(fd, buf + i, k, off + i) == -1)
			return (-1);
	}
	return (0);
}

/*
 * Copies [start, start+len) of the document to fd, which is empty,
 * showing progress.  Holes stay holes: spans SEEK_DATA says hold none
 * (when the mapping holds nothing the file lacks) and chunks of zeros
 * are skipped, and the size is set at the end.  Returns 0, 1 when the
 * user cancelled, or -1 with a reason in err.
 */
static int
file_copy_out(struct session *s, int fd, uint64_t start, uint64_t len,
    char *err, size_t errlen)
{
	struct progress	 p;
	unsigned char	*buf;
	uint64_t	 done = 0, data, hole;
	size_t		 n;
	int		 holes, k, rc = 0;

	if ((buf = malloc(COPY_CHUNK)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return (-1);
	}
	holes = doc_mode(s->doc) != MAPPING_PREVIEW ||
	    session_unsaved(s) == 0;
	progress_begin(&p, s, "saving");
	while (done < len && rc == 0) {
		n = len - done < COPY_CHUNK ? (size_t)(len - done) : COPY_CHUNK;
		k = holes ? doc_next_data(s->doc, start + done, &data,
		    &hole) : -1;
		if (k == 1 || (k == 0 && data > start + done)) {
			done = k == 0 && data - start < len ? data - start :
			    len;
			continue;
		}
		if (doc_read(s->doc, start + done, buf, n) == -1) {
			snprintf(err, errlen, "cannot read offset 0x%llx",
			    (unsigned long long)(start + done));
			rc = -1;
		} else if (file_put_sparse(fd, buf, n, done) == -1) {
			snprintf(err, errlen, "%s", strerror(errno));
			rc = -1;
		}
		doc_release(s->doc, start + done, n);
		done += n;
		progress_show(&p, done, len);
		if (rc == 0 && progress_cancelled(&p))
			rc = 1;
	}
	free(buf);
	if (rc == 0 && (ftruncate(fd, (off_t)len) == -1 || fsync(fd) == -1)) {
		snprintf(err, errlen, "%s", strerror(errno));
		rc = -1;
	}
	return (rc);
}

/*
 * Creates path for a copy, never over an existing file, and in
 * read-only (forensic) mode never on the evidence's file system.
 * Returns the descriptor, or -1 with a message.
 */
static int
file_create(struct session *s, const char *path)
{
	int	fd;

	if (path[0] == '\0') {
		session_message(s, 1, "no file name given");
		return (-1);
	}
	if (doc_mode(s->doc) == MAPPING_READONLY &&
	    doc_same_fs(s->doc, path)) {
		session_message(s, 1, "%s is on the file system of the file "
		    "being examined; read-only mode writes nothing there "
		    "(choose another disk)", path);
		return (-1);
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd == -1)
		session_message(s, 1, "%s: %s%s", path, strerror(errno),
		    errno == EEXIST ? " (will not overwrite)" : "");
	return (fd);
}

/*
 * Writes [start, start+len), what the message calls what, to a new file
 * at path.  Returns 0, or -1
 * with a message; a cancelled or failed copy removes what it created.
 */
static int
file_write_new(struct session *s, const char *what, const char *path,
    uint64_t start, uint64_t len)
{
	char	err[256];
	int	fd, rc;

	if ((fd = file_create(s, path)) == -1)
		return (-1);
	rc = file_copy_out(s, fd, start, len, err, sizeof err);
	if (close(fd) == -1 && rc == 0) {
		snprintf(err, sizeof err, "%s", strerror(errno));
		rc = -1;
	}
	if (rc == 0)
		return (0);
	/* O_EXCL made the file ours: leave no partial copy behind. */
	(void)unlink(path);
	if (rc == 1)
		session_message(s, 0, "cancelled: %s not written", path);
	else
		session_message(s, 1, "cannot save %s to %s: %s (partial "
		    "file removed)", what, path, err);
	return (-1);
}

/*
 * A save to a name that exists asks first; returns 1 if it asked (the
 * answer goes on with the save) or refused, 0 to go on now.  The open
 * file itself is never a target: save writes it.
 */
static int
file_ask_overwrite(struct session *s, const char *path, int as)
{
	char		 label[sizeof s->prompt.label];
	const char	*name = strrchr(path, '/');

	if (s->overwrite_ok || access(path, F_OK) == -1)
		return (0);
	if (doc_same_file(s->doc, path)) {
		session_message(s, 1, "%s is the open file: F2 saves it", path);
		return (1);
	}
	snprintf(s->overwrite, sizeof s->overwrite, "%s", path);
	s->overwrite_as = as;
	snprintf(label, sizeof label, "%.36s exists: overwrite? (y/n) ",
	    name != NULL && strlen(path) > 36 ? name + 1 : path);
	prompt_open_key(&s->prompt, label, file_overwrite_answer, s);
	return (1);
}

static int
file_overwrite_answer(void *arg, int key)
{
	struct session	*s = arg;
	int		 rc;

	prompt_close(&s->prompt);
	if (key != 'y' && key != 'Y') {
		session_message(s, 0, "cancelled: %s not written",
		    s->overwrite);
		return (0);
	}
	s->overwrite_ok = 1;
	rc = s->overwrite_as ? file_save_as_submit(s, s->overwrite) :
	    file_save_selection_submit(s, s->overwrite);
	s->overwrite_ok = 0;
	return (rc);
}

/*
 * As file_write_new(), but over an existing file when the user said
 * so: the copy goes to a new file beside it that replaces it only when
 * complete, so a failed or cancelled save leaves the old one whole.
 */
static int
file_write_over(struct session *s, const char *what, const char *path,
    uint64_t start, uint64_t len)
{
	char	tmp[4200];

	if (!s->overwrite_ok || access(path, F_OK) == -1)
		return (file_write_new(s, what, path, start, len));
	snprintf(tmp, sizeof tmp, "%s.maphex-%ld", path, (long)getpid());
	if (file_write_new(s, what, tmp, start, len) == -1)
		return (-1);
	if (rename(tmp, path) == -1) {
		session_message(s, 1, "cannot replace %s: %s", path,
		    strerror(errno));
		(void)unlink(tmp);
		return (-1);
	}
	return (0);
}

/* Tab in a file-name prompt: completes the name, as a shell does. */
static void
file_tab(void *arg)
{
	struct session	*s = arg;
	char		 line[sizeof s->prompt.input], err[256];
	int		 n;

	memcpy(line, s->prompt.input, sizeof line);
	if ((n = path_complete(line, sizeof line, err, sizeof err)) > 0)
		prompt_set_input(&s->prompt, line);
	if (n == 0)
		session_message(s, 1, "no file name starts so");
	else if (n == -1)
		session_message(s, 1, "%s", err);
}

/* Expands a leading ~ of the name typed; -1 with a message if it fails. */
static int
file_expand(struct session *s, const char *typed, char *path, size_t len)
{
	char	err[256];

	if (path_expand(typed, path, len, err, sizeof err) == 0)
		return (0);
	session_message(s, 1, "%s", err);
	return (-1);
}

static int
file_save_selection_submit(void *arg, const char *typed)
{
	struct session	*s = arg;
	uint64_t	 start, len;
	int		 fd, e, over;
	char		 path[4096], target[4200];

	if (file_expand(s, typed, path, sizeof path) == -1 ||
	    file_ask_overwrite(s, path, 0))
		return (0);
	if (window_selection(session_window(s), &start, &len)) {
		if (file_write_over(s, "the selection", path, start, len) == 0)
			session_message(s, 0, "wrote %llu bytes to %s",
			    (unsigned long long)len, path);
		return (0);
	}
	/* The copied bytes: over an existing file, by a rename too. */
	over = s->overwrite_ok && access(path, F_OK) == 0;
	snprintf(target, sizeof target, over ? "%s.maphex-%ld" : "%s", path,
	    (long)getpid());
	if (s->clip == NULL || (fd = file_create(s, target)) == -1)
		return (0);
	e = io_pwrite_all(fd, s->clip, s->cliplen, 0) == -1 ||
	    fsync(fd) == -1 ? errno : 0;
	if (close(fd) == -1 && e == 0)
		e = errno;
	if (e == 0 && over && rename(target, path) == -1)
		e = errno;
	if (e != 0) {
		session_message(s, 1, "cannot write %s: %s (partial file "
		    "removed)", path, strerror(e));
		(void)unlink(target);
		return (0);
	}
	session_message(s, 0, "wrote %zu copied bytes to %s", s->cliplen,
	    path);
	return (0);
}

int
cmd_save_as(struct session *s)
{
	s->save_quits = 0;
	if (s->reading) {
		session_message(s, 1, "still reading %s: save it when the "
		    "input has ended", doc_path(s->doc));
		return (0);
	}
	prompt_open_line(&s->prompt, doc_anonymous(s->doc) ? "Save the "
	    "input as (a new file): " : "Save as (a new file): ",
	    file_save_as_submit, file_tab, s);
	session_prompt_history(s, SESSION_HIST_PATH);
	return (0);
}

/*
 * Writes everything, unsaved edits too, to a new file, then goes on
 * editing that file in the same mode.  The old file gets back what it
 * held at the last save, as a discard would leave it.
 */
static int
file_save_as_submit(void *arg, const char *typed)
{
	struct session	*s = arg;
	char		 path[4096];
	struct doc	 next;
	char		 err[256];
	uint64_t	 size = doc_size(s->doc);
	enum mapping_mode mode = doc_mode(s->doc);

	if (file_expand(s, typed, path, sizeof path) == -1 ||
	    file_ask_overwrite(s, path, 1) ||
	    file_write_over(s, "the file", path, 0, size) == -1)
		return (0);
	if (doc_open(&next, path, mode, err, sizeof err) == -1) {
		session_message(s, 1, "wrote %s, but cannot open it: %s", path,
		    err);
		return (0);
	}
	if (session_unsaved(s) > 0 &&
	    journal_discard(s->journal, err, sizeof err) == -1)
		snprintf(s->exit_note, sizeof s->exit_note, "%s: could not "
		    "roll back the edits saved as %.200s: %s",
		    doc_path(s->doc), path, err);
	if (file_switch(s, &next, 1) != 0)
		return (SESSION_QUIT);
	session_message(s, 0, "saved %llu bytes as %s; now editing it",
	    (unsigned long long)size, path);
	return (s->save_quits ? SESSION_QUIT : 0);
}

/*
 * Puts next in the place of the open document, with a new journal; keep
 * leaves the windows where they are, else they go to offset 0 and the
 * marks are cleared.  Returns 0, or SESSION_QUIT when out of memory.
 */
static int
file_switch(struct session *s, struct doc *next, int keep)
{
	struct doc	old;
	int		i;

	old = *s->doc;
	*s->doc = *next;
	doc_close(&old);
	journal_free(s->journal);
	if ((s->journal = journal_new(s->doc)) == NULL) {
		snprintf(s->exit_note, sizeof s->exit_note, "out of memory");
		return (SESSION_QUIT);
	}
	s->path_state = MAPPING_PATH_SAME;
	s->in_memory = 0;
	s->fault = 0;
	s->has_match = 0;
	if (!keep)
		session_forget_positions(s);
	for (i = 0; !keep && i < s->nwin; i++) {
		s->win[i].has_mark = 0;
		s->win[i].top = 0;
		window_goto(&s->win[i], 0);
	}
	session_clamp(s);
	return (0);
}

/* Ctrl-O, F3: another file, after asking about unsaved changes. */
int
cmd_open_file(struct session *s)
{
	if (s->reading) {
		session_message(s, 1, "still reading %s: open another file "
		    "when the input has ended", doc_path(s->doc));
		return (0);
	}
	if (session_unsaved(s) == 0 && !s->in_memory)
		return (file_open_ask(s));
	prompt_open_key(&s->prompt, s->in_memory ? "The input was never "
	    "saved: (s)ave as, (d)iscard, (c)ancel? " : "Unsaved changes: "
	    "(s)ave, (d)iscard, (c)ancel? ", file_open_answer, s);
	return (0);
}

static int
file_open_ask(struct session *s)
{
	prompt_open_line(&s->prompt, "Open file: ", file_open_submit, file_tab,
	    s);
	session_prompt_history(s, SESSION_HIST_PATH);
	return (0);
}

static int
file_open_answer(void *arg, int key)
{
	struct session	*s = arg;
	char		 err[256];

	prompt_close(&s->prompt);
	switch (key) {
	case 's':
	case 'S':
		/* Saved under a name, it opens; Ctrl-O again goes on. */
		if (file_needs_name(s))
			return (cmd_save_as(s));
		if (journal_past_end(s->journal) > 0) {
			session_message(s, 1, "some edits lie past the end of "
			    "the file: F2 first");
			return (0);
		}
		if (file_save_now(s) == -1)
			return (0);
		return (file_open_ask(s));
	case 'd':
	case 'D':
		if (journal_discard(s->journal, err, sizeof err) == -1) {
			session_message(s, 1, "%s", err);
			return (0);
		}
		return (file_open_ask(s));
	}
	session_message(s, 0, "cancelled");
	return (0);
}

/*
 * Opens path in the mode the open file has (a file that fell back to
 * read-only opens the next one writable if it can) and shows it.
 */
static int
file_open_submit(void *arg, const char *typed)
{
	struct session		*s = arg;
	struct doc		 next;
	char			 err[256], path[4096];
	enum mapping_mode	 mode = doc_mode(s->doc);
	int			 rc;

	if (typed[0] == '\0') {
		session_message(s, 1, "no file name given");
		return (0);
	}
	if (file_expand(s, typed, path, sizeof path) == -1)
		return (0);
	if (mode == MAPPING_DIRECT ||
	    (mode == MAPPING_READONLY && doc_note(s->doc)[0] != '\0'))
		mode = MAPPING_AUTO;
	/* A /proc file is copied, as on the command line. */
	if ((rc = intake_open_proc(path, &next, err, sizeof err)) == -1 ||
	    (rc == 0 && doc_open(&next, path, mode, err, sizeof err) == -1)) {
		session_message(s, 1, "%s", err);
		return (0);
	}
	if (file_switch(s, &next, 0) != 0)
		return (SESSION_QUIT);
	if (doc_note(s->doc)[0] != '\0')
		session_message(s, 0, "%s", doc_note(s->doc));
	else
		session_message(s, 0, "opened %s (%llu bytes)", path,
		    (unsigned long long)doc_size(s->doc));
	return (0);
}

int
cmd_truncate(struct session *s)
{
	char	label[64];

	if (doc_blockdev(s->doc)) {
		session_message(s, 1, "a block device cannot be truncated: its "
		    "size is fixed");
		return (0);
	}
	if (doc_mode(s->doc) != MAPPING_DIRECT) {
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

	prompt_close(&s->prompt);
	if (key != 'y' && key != 'Y') {
		session_message(s, 0, "cancelled");
		return (0);
	}
	if (journal_truncate(s->journal, w->cursor, err, sizeof err) == -1) {
		session_message(s, 1, "%s", err);
		return (0);
	}
	session_clamp(s);
	window_goto(w, w->cursor);
	session_message(s, 0, "truncated to %llu bytes",
	    (unsigned long long)doc_size(s->doc));
	return (0);
}
