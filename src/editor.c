/*
 * editor.c: the session state, cursor movement, typing and key dispatch.
 *
 * Keys arrive as keymap ints.  A bound key runs its named command (see
 * commands.c); an unbound one may type a byte.  Prompts and the help
 * screen take keys first while they are up.  Nothing here draws or
 * reads the terminal, and no file data is copied except the clipboard
 * the user asked for.
 */
#include "config.h"

#include "editor.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "format.h"
#include "journal.h"
#include "keymap.h"

static int	editor_type(struct editor *, int);
static int	editor_type_hex(struct editor *, int);
static int	editor_put_byte(struct editor *, unsigned char, int);
static void	editor_scroll(struct editor *);
static uint64_t	editor_last_page(const struct editor *);

int
editor_init(struct editor *ed, struct mapping *m, size_t columns,
    int maximize, char *err, size_t errlen)
{
	memset(ed, 0, sizeof *ed);
	ed->map = m;
	ed->columns = columns > 0 ? columns : 16;
	ed->maximize = maximize;
	ed->rows = 1;
	ed->width = 80;
	if ((ed->journal = journal_new(m)) == NULL) {
		snprintf(err, errlen, "%s: out of memory", m->path);
		return (-1);
	}
	if (m->note[0] != '\0')
		editor_message(ed, 0, "%s", m->note);
	else if (m->size == 0)
		editor_message(ed, 0, "%s is empty", m->path);
	return (0);
}

void
editor_free(struct editor *ed)
{
	if (ed->journal != NULL)
		journal_free(ed->journal);
	free(ed->clip);
	ed->journal = NULL;
	ed->clip = NULL;
}

void
editor_resize(struct editor *ed, int rows, int width)
{
	size_t	fit;

	ed->rows = rows > 1 ? rows - 1 : 1;
	ed->width = width;
	if (ed->maximize) {
		fit = format_fit_columns(format_offset_digits(ed->map->size),
		    (size_t)(width > 0 ? width : 0));
		if (fit > 8)
			fit -= fit % 8;
		ed->columns = fit > 0 ? fit : 1;
	}
	ed->top -= ed->top % ed->columns;
	editor_scroll(ed);
}

void
editor_message(struct editor *ed, int error, const char *fmt, ...)
{
	va_list	ap;
	size_t	n = strlen(ed->map->path);

	va_start(ap, fmt);
	vsnprintf(ed->message, sizeof ed->message, fmt, ap);
	va_end(ap);
	ed->message_error = error;
	/* The status line names the file already; keep room for why. */
	if (strncmp(ed->message, ed->map->path, n) == 0 &&
	    strncmp(ed->message + n, ": ", 2) == 0)
		memmove(ed->message, ed->message + n + 2,
		    strlen(ed->message + n + 2) + 1);
}

/* Keeps the cursor's row on screen, moving the top as little as can be. */
static void
editor_scroll(struct editor *ed)
{
	uint64_t	row = ed->cursor - ed->cursor % ed->columns;
	uint64_t	span = (uint64_t)(ed->rows - 1) * ed->columns;

	if (row < ed->top)
		ed->top = row;
	else if (row - ed->top > span)
		ed->top = row - span;
}

void
editor_goto(struct editor *ed, uint64_t off)
{
	uint64_t	size = ed->map->size;

	if (size == 0)
		off = 0;
	else if (off >= size)
		off = size - 1;
	ed->cursor = off;
	ed->nibble = 0;
	editor_scroll(ed);
}

void
editor_refresh(struct editor *ed)
{
	uint64_t	old = ed->map->size, lost = 0;
	char		err[256];
	int		changed;

	changed = mapping_refresh(ed->map, err, sizeof err);
	if (changed == -1) {
		editor_message(ed, 1, "%s", err);
		return;
	}
	if (changed == 0 && ed->fault == 0)
		return;
	if (journal_reapply(ed->journal, &lost, err, sizeof err) == -1)
		editor_message(ed, 1, "%s", err);
	else if (lost > 0)
		editor_message(ed, 1, "file shrank to %llu bytes under us; "
		    "%llu unsaved bytes past the end are kept: F2 saves them",
		    (unsigned long long)ed->map->size,
		    (unsigned long long)lost);
	else if (changed == 1)
		editor_message(ed, ed->map->size < old, "file size changed "
		    "from %llu to %llu bytes", (unsigned long long)old,
		    (unsigned long long)ed->map->size);
	else
		editor_message(ed, 1, "cannot read offset 0x%llx: I/O error",
		    (unsigned long long)(ed->fault - 1));
	ed->fault = 0;
	if (ed->top >= ed->map->size)
		ed->top = editor_last_page(ed);
	if (ed->cursor >= ed->map->size)
		editor_goto(ed, ed->map->size);
}

/* Returns the top offset that shows the file's last full screen. */
static uint64_t
editor_last_page(const struct editor *ed)
{
	uint64_t	size = ed->map->size;
	uint64_t	last = size > 0 ? size - 1 : 0;
	uint64_t	span = (uint64_t)(ed->rows - 1) * ed->columns;

	last -= last % ed->columns;
	return (last > span ? last - span : 0);
}

int
editor_is_dirty(const struct editor *ed, uint64_t off)
{
	return (journal_is_dirty(ed->journal, off));
}

uint64_t
editor_unsaved(const struct editor *ed)
{
	return (journal_unsaved(ed->journal));
}

int
editor_selection(const struct editor *ed, uint64_t *start, uint64_t *len)
{
	uint64_t	a = ed->mark, b = ed->cursor;

	if (!ed->has_mark || ed->map->size == 0)
		return (0);
	if (a > b) {
		a = ed->cursor;
		b = ed->mark;
	}
	if (b >= ed->map->size)
		b = ed->map->size - 1;
	if (a > b)
		return (0);
	*start = a;
	*len = b - a + 1;
	return (1);
}

int
editor_in_selection(const struct editor *ed, uint64_t off)
{
	uint64_t	start, len;

	return (editor_selection(ed, &start, &len) && off >= start &&
	    off - start < len);
}

/* Refuses an edit in read-only mode; returns non-zero if refused. */
int
editor_refuse_edit(struct editor *ed)
{
	if (ed->map->mode != MAPPING_READONLY)
		return (0);
	if (ed->map->note[0] != '\0')
		editor_message(ed, 1, "read-only: %s", ed->map->note);
	else
		editor_message(ed, 1, "read-only mode: nothing can be changed");
	return (1);
}

/* Says so and returns 1 if the file has no byte to overwrite. */
static int
editor_refuse_empty(struct editor *ed)
{
	if (ed->map->size > 0)
		return (0);
	editor_message(ed, 1, "the file is empty: nothing to overwrite");
	return (1);
}

/* Writes one byte at the cursor; advance moves the cursor on. */
static int
editor_put_byte(struct editor *ed, unsigned char byte, int merge)
{
	char	err[256];
	int	rc;

	if (editor_refuse_empty(ed))
		return (-1);
	if (merge)
		rc = journal_amend(ed->journal, ed->cursor, &byte, 1, err,
		    sizeof err);
	else
		rc = journal_write(ed->journal, ed->cursor, &byte, 1, err,
		    sizeof err);
	if (rc == -1) {
		editor_message(ed, 1, "%s", err);
		return (-1);
	}
	return (0);
}

static int
editor_type_hex(struct editor *ed, int key)
{
	unsigned char	old, byte;
	int		digit;

	digit = isdigit(key) ? key - '0' : tolower(key) - 'a' + 10;
	if (editor_refuse_empty(ed))
		return (0);
	if (mapping_read(ed->map, ed->cursor, &old, 1) == -1) {
		editor_message(ed, 1, "cannot read offset 0x%llx",
		    (unsigned long long)ed->cursor);
		return (0);
	}
	if (ed->nibble == 0)
		byte = (unsigned char)((digit << 4) | (old & 0x0f));
	else
		byte = (unsigned char)((old & 0xf0) | digit);
	if (editor_put_byte(ed, byte, ed->nibble) == -1)
		return (0);
	if (ed->nibble == 0)
		ed->nibble = 1;
	else if (ed->cursor + 1 < ed->map->size)
		editor_goto(ed, ed->cursor + 1);
	else
		ed->nibble = 0;
	return (0);
}

/*
 * Types key at the cursor if it is a byte the pane accepts.  The text
 * pane takes printable ASCII and every byte from 0x80 up, so a
 * character typed in UTF-8 (or any 8-bit set) is written as the bytes
 * the terminal sent, one step each.  A lone Esc with nothing bound to
 * it does nothing.
 */
static int
editor_type(struct editor *ed, int key)
{
	char	name[32];

	if (key == KEYMAP_ESC && !ed->quote)
		return (0);

	if (ed->pane == EDITOR_HEX && key < 0x80 && isxdigit(key) &&
	    !ed->quote) {
		if (editor_refuse_edit(ed))
			return (0);
		return (editor_type_hex(ed, key));
	}
	if ((ed->quote && key >= 0 && key < 0x100) ||
	    (ed->pane == EDITOR_TEXT && key >= 0x20 && key < 0x100 &&
	    key != 0x7f)) {
		ed->quote = 0;
		if (editor_refuse_edit(ed))
			return (0);
		if (editor_put_byte(ed, (unsigned char)key, 0) == 0 &&
		    ed->cursor + 1 < ed->map->size)
			editor_goto(ed, ed->cursor + 1);
		return (0);
	}
	ed->quote = 0;
	keymap_key_name(key, name, sizeof name);
	editor_message(ed, 1, "%s is not bound here (F1 shows the keys)",
	    name);
	return (0);
}

int
editor_key(struct editor *ed, int key)
{
	const char	*name;

	if (key == KEYMAP_RESIZE)
		return (0);
	if ((key & KEYMAP_META) && islower(key & 0xff) &&
	    (key & ~KEYMAP_META) < 0x80)
		key = KEYMAP_META | toupper(key & 0xff);
	ed->message[0] = '\0';
	if (ed->prompt != EDITOR_PROMPT_NONE)
		return (commands_prompt_key(ed, key));
	if (ed->help)
		return (commands_help_key(ed, key));
	if (ed->quote)
		return (editor_type(ed, key));
	name = keymap_lookup(key, ed->pane == EDITOR_HEX,
	    ed->map->mode == MAPPING_READONLY);
	if (name == NULL)
		return (editor_type(ed, key));
	return (editor_command(ed, name));
}

int
editor_terminate(struct editor *ed)
{
	char	err[256];

	if (ed->map->mode != MAPPING_DIRECT || editor_unsaved(ed) == 0)
		return (0);
	return (journal_save(ed->journal, err, sizeof err));
}
