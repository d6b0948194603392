/*
 * commands_edit.c: the commands that change bytes or the file: undo,
 * redo, save, quit, and the mark with copy, paste, fill, save-selection
 * and truncate.
 *
 * Every change goes through the journal, which writes the mapping; this
 * file only decides what to ask for and what to tell the user.
 */
#include "config.h"

#include "commands.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "editor.h"
#include "journal.h"
#include "keymap.h"
#include "search.h"

#define MIB		(1ULL << 20)
#define CLIP_MAX	(64 * MIB)	/* largest copy or fill in memory */
#define COPY_CHUNK	(1 << 20)

typedef int (*journal_step_fn)(struct journal *, uint64_t *, char *, size_t);

static int	edit_step(struct editor *, journal_step_fn, const char *);
static int	edit_save_now(struct editor *);
static unsigned char *edit_buffer(struct editor *, uint64_t, const char *,
		    const char *);
static int	edit_write_range(struct editor *, int, uint64_t, uint64_t,
		    char *, size_t);

/* Runs an undo-like journal step and moves the cursor to what changed. */
static int
edit_step(struct editor *ed, journal_step_fn fn, const char *what)
{
	char		err[256];
	uint64_t	off = ed->cursor;
	int		rc;

	if (editor_refuse_edit(ed))
		return (0);
	rc = fn(ed->journal, &off, err, sizeof err);
	if (rc == -1)
		editor_message(ed, 1, "%s", err);
	else if (rc == 0)
		editor_message(ed, 0, "nothing to %s", what);
	else {
		editor_goto(ed, off);
		editor_message(ed, 0, "%s: %llu unsaved", what,
		    (unsigned long long)editor_unsaved(ed));
	}
	return (0);
}

int
cmd_undo(struct editor *ed)
{
	return (edit_step(ed, journal_undo, "undo"));
}

int
cmd_redo(struct editor *ed)
{
	return (edit_step(ed, journal_redo, "redo"));
}

int
cmd_undo_all(struct editor *ed)
{
	return (edit_step(ed, journal_undo_all, "undo all"));
}

/* Saves; returns 0 on success, -1 (with a message) on failure. */
static int
edit_save_now(struct editor *ed)
{
	char		err[256];
	uint64_t	n = editor_unsaved(ed);

	if (journal_save(ed->journal, err, sizeof err) == -1) {
		editor_message(ed, 1, "%s", err);
		return (-1);
	}
	editor_message(ed, 0, "saved %llu changed byte%s to %s",
	    (unsigned long long)n, n == 1 ? "" : "s", ed->map->path);
	return (0);
}

int
cmd_save(struct editor *ed)
{
	if (editor_refuse_edit(ed))
		return (0);
	if (editor_unsaved(ed) == 0) {
		editor_message(ed, 0, "no changes to save");
		return (0);
	}
	(void)edit_save_now(ed);
	return (0);
}

int
cmd_quit(struct editor *ed)
{
	if (editor_unsaved(ed) == 0)
		return (EDITOR_QUIT);
	commands_prompt_open(ed, EDITOR_PROMPT_QUIT,
	    "Unsaved changes: (s)ave, (d)iscard, (c)ancel? ");
	return (0);
}

int
cmd_quit_discard(struct editor *ed)
{
	char	err[256];

	if (editor_unsaved(ed) > 0 &&
	    journal_discard(ed->journal, err, sizeof err) == -1) {
		editor_message(ed, 1, "discard failed: %s", err);
		return (0);
	}
	return (EDITOR_QUIT);
}

int
commands_quit_answer(struct editor *ed, int key)
{
	switch (key) {
	case 's':
	case 'S':
	case 'y':
	case 'Y':
		ed->prompt = EDITOR_PROMPT_NONE;
		return (edit_save_now(ed) == 0 ? EDITOR_QUIT : 0);
	case 'd':
	case 'D':
	case 'n':
	case 'N':
		ed->prompt = EDITOR_PROMPT_NONE;
		return (cmd_quit_discard(ed));
	case 'c':
	case 'C':
	case KEYMAP_ESC:
	case KEYMAP_CTRL('G'):
	case KEYMAP_CTRL('C'):
		ed->prompt = EDITOR_PROMPT_NONE;
		editor_message(ed, 0, "cancelled");
		return (0);
	}
	editor_message(ed, 1, "press s to save, d to discard, c to cancel");
	return (0);
}

int
cmd_set_mark(struct editor *ed)
{
	if (ed->has_mark) {
		ed->has_mark = 0;
		editor_message(ed, 0, "mark cleared");
		return (0);
	}
	ed->has_mark = 1;
	ed->mark = ed->cursor;
	editor_message(ed, 0, "mark set at 0x%llx",
	    (unsigned long long)ed->cursor);
	return (0);
}

/*
 * Allocates len bytes for a copy or a fill (what), or returns NULL with
 * a message: over CLIP_MAX it gives the size and the limit, and hint.
 */
static unsigned char *
edit_buffer(struct editor *ed, uint64_t len, const char *what,
    const char *hint)
{
	unsigned char	*buf;
	uint64_t	 tenths;

	if (len > CLIP_MAX) {
		/* Rounded up, so that it never reads as the limit itself. */
		tenths = len / MIB * 10 + ((len % MIB) * 10 + MIB - 1) / MIB;
		editor_message(ed, 1, "selection is %llu.%llu MiB; copy and "
		    "fill handle at most %llu MiB%s",
		    (unsigned long long)(tenths / 10),
		    (unsigned long long)(tenths % 10),
		    (unsigned long long)(CLIP_MAX / MIB), hint);
		return (NULL);
	}
	if ((buf = malloc(len > 0 ? (size_t)len : 1)) == NULL)
		editor_message(ed, 1, "out of memory to %s %llu bytes", what,
		    (unsigned long long)len);
	return (buf);
}

int
cmd_copy(struct editor *ed)
{
	uint64_t	 start, len;
	unsigned char	*buf;

	if (!editor_selection(ed, &start, &len)) {
		editor_message(ed, 1, "no selection: set the mark first "
		    "(Ctrl-Space or F9)");
		return (0);
	}
	if ((buf = edit_buffer(ed, len, "copy", "; Esc-Y saves it")) == NULL)
		return (0);
	if (mapping_read(ed->map, start, buf, (size_t)len) == -1) {
		free(buf);
		editor_message(ed, 1, "cannot read the selection");
		return (0);
	}
	free(ed->clip);
	ed->clip = buf;
	ed->cliplen = (size_t)len;
	ed->has_mark = 0;
	editor_message(ed, 0, "copied %llu bytes", (unsigned long long)len);
	return (0);
}

int
cmd_paste(struct editor *ed)
{
	char	err[256];
	size_t	n = ed->cliplen;

	if (editor_refuse_edit(ed))
		return (0);
	if (ed->clip == NULL || ed->map->size == 0) {
		editor_message(ed, 1, "nothing to paste: copy with Esc-W or "
		    "F7 first");
		return (0);
	}
	if (n > ed->map->size - ed->cursor)
		n = (size_t)(ed->map->size - ed->cursor);
	if (journal_write(ed->journal, ed->cursor, ed->clip, n, err,
	    sizeof err) == -1) {
		editor_message(ed, 1, "%s", err);
		return (0);
	}
	editor_message(ed, 0, "pasted %zu bytes%s", n,
	    n < ed->cliplen ? " (cut short at the end of the file)" : "");
	return (0);
}

int
cmd_fill_selection(struct editor *ed)
{
	uint64_t	start, len;

	if (editor_refuse_edit(ed))
		return (0);
	if (!editor_selection(ed, &start, &len)) {
		editor_message(ed, 1, "no selection: set the mark first");
		return (0);
	}
	commands_prompt_open(ed, EDITOR_PROMPT_FILL,
	    "Fill selection with hex bytes: ");
	return (0);
}

int
commands_fill_submit(struct editor *ed, const char *text)
{
	struct search_pattern	 pat;
	unsigned char		*buf;
	uint64_t		 start, len, i;
	char			 err[256];

	if (!editor_selection(ed, &start, &len))
		return (0);
	if (search_parse_hex(text, &pat, err, sizeof err) == -1) {
		editor_message(ed, 1, "bad fill bytes: %s", err);
		return (0);
	}
	if (memchr(pat.mask, 0x00, pat.len) != NULL) {
		search_pattern_free(&pat);
		editor_message(ed, 1, "fill pattern cannot contain ??: type "
		    "the bytes to write");
		return (0);
	}
	if ((buf = edit_buffer(ed, len, "fill", "")) == NULL) {
		search_pattern_free(&pat);
		return (0);
	}
	for (i = 0; i < len; i++)
		buf[i] = pat.bytes[i % pat.len];
	search_pattern_free(&pat);
	if (journal_write(ed->journal, start, buf, (size_t)len, err,
	    sizeof err) == -1)
		editor_message(ed, 1, "%s", err);
	else {
		ed->has_mark = 0;
		editor_message(ed, 0, "filled %llu bytes",
		    (unsigned long long)len);
	}
	free(buf);
	return (0);
}

int
cmd_save_selection(struct editor *ed)
{
	uint64_t	start, len;

	if (!editor_selection(ed, &start, &len)) {
		editor_message(ed, 1, "no selection: set the mark first");
		return (0);
	}
	commands_prompt_open(ed, EDITOR_PROMPT_SAVE_SELECTION,
	    "Save selection to file: ");
	return (0);
}

/* Copies [start, start+len) of the mapping to fd in chunks. */
static int
edit_write_range(struct editor *ed, int fd, uint64_t start, uint64_t len,
    char *err, size_t errlen)
{
	unsigned char	*buf;
	size_t		 n, done;
	ssize_t		 w;
	int		 rc = 0;

	if ((buf = malloc(COPY_CHUNK)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return (-1);
	}
	for (; len > 0 && rc == 0; start += n, len -= n) {
		n = len < COPY_CHUNK ? (size_t)len : COPY_CHUNK;
		if (mapping_read(ed->map, start, buf, n) == -1) {
			snprintf(err, errlen, "cannot read offset 0x%llx",
			    (unsigned long long)start);
			rc = -1;
			break;
		}
		for (done = 0; done < n; done += (size_t)w) {
			w = write(fd, buf + done, n - done);
			if (w == -1 && errno == EINTR)
				w = 0;
			else if (w == -1) {
				snprintf(err, errlen, "%s", strerror(errno));
				rc = -1;
				break;
			}
		}
	}
	free(buf);
	return (rc);
}

int
commands_save_selection_submit(struct editor *ed, const char *path)
{
	uint64_t	start, len;
	char		err[256];
	int		fd, rc;

	if (!editor_selection(ed, &start, &len))
		return (0);
	if (path[0] == '\0') {
		editor_message(ed, 1, "no file name given");
		return (0);
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd == -1) {
		editor_message(ed, 1, "%s: %s%s", path, strerror(errno),
		    errno == EEXIST ? " (will not overwrite)" : "");
		return (0);
	}
	rc = edit_write_range(ed, fd, start, len, err, sizeof err);
	if (close(fd) == -1 && rc == 0) {
		snprintf(err, sizeof err, "%s", strerror(errno));
		rc = -1;
	}
	if (rc == -1) {
		/* O_EXCL made the file ours: leave no partial copy behind. */
		(void)unlink(path);
		editor_message(ed, 1, "cannot save the selection to %s: %s "
		    "(partial file removed)", path, err);
		return (0);
	}
	editor_message(ed, 0, "wrote %llu bytes to %s",
	    (unsigned long long)len, path);
	return (0);
}

int
cmd_truncate(struct editor *ed)
{
	if (editor_refuse_edit(ed))
		return (0);
	if (ed->map->mode != MAPPING_DIRECT || ed->map->blockdev) {
		editor_message(ed, 1, "truncate works only on files in direct "
		    "mode (-w)");
		return (0);
	}
	if (editor_unsaved(ed) > 0) {
		editor_message(ed, 1, "save first (F2): truncate cannot be "
		    "undone");
		return (0);
	}
	commands_prompt_open(ed, EDITOR_PROMPT_TRUNCATE, "");
	snprintf(ed->prompt_label, sizeof ed->prompt_label, "Truncate to "
	    "%llu bytes? This cannot be undone (y/n) ",
	    (unsigned long long)ed->cursor);
	return (0);
}

int
commands_truncate_answer(struct editor *ed, int key)
{
	char	err[256];

	ed->prompt = EDITOR_PROMPT_NONE;
	if (key != 'y' && key != 'Y') {
		editor_message(ed, 0, "cancelled");
		return (0);
	}
	if (journal_truncate(ed->journal, ed->cursor, err, sizeof err) == -1) {
		editor_message(ed, 1, "%s", err);
		return (0);
	}
	editor_goto(ed, ed->cursor);
	editor_message(ed, 0, "truncated to %llu bytes",
	    (unsigned long long)ed->map->size);
	return (0);
}
