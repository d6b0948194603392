/*
 * cmd_edit.h: the commands that change bytes in place: undo, redo,
 * undo all, the mark with copy, paste and fill, quoted insert, and
 * typing a byte at the cursor.
 *
 * Every change goes through the journal.  The commands return SESSION_
 * flags; the table (commands.c) refuses the edits in read-only mode
 * before they run.
 */
#ifndef MAPHEX_CMD_EDIT_H
#define MAPHEX_CMD_EDIT_H

struct session;

int	cmd_undo(struct session *);
int	cmd_redo(struct session *);
int	cmd_undo_all(struct session *);
int	cmd_undo_bytes(struct session *);
int	cmd_set_mark(struct session *);
int	cmd_mark_here(struct session *);
int	cmd_copy(struct session *);
int	cmd_paste(struct session *);
int	cmd_fill_selection(struct session *);
int	cmd_quoted_insert(struct session *);

/*
 * Types key at the cursor when the pane takes it: a hex digit in the
 * hex pane (a nibble), a printable key or any byte from 0x80 up in the
 * text pane, any byte after quoted insert.  A lone Esc does nothing.
 * Returns 0 when the key was taken (typed, or refused with a message),
 * or -1 when it types nothing here, so the caller can say it is not
 * bound.
 */
int	cmd_type(struct session *, int key);

#endif
