/*
 * cmd_inspect.h: the data inspector pane's commands.
 *
 * Esc-D shows or hides the pane; in it, Up and Down pick a row, Return
 * writes a typed value for the row at the cursor, e flips the byte
 * order, f follows an integer row to the offset it names.  Each returns
 * SESSION_ flags, as every command does.
 */
#ifndef MAPHEX_CMD_INSPECT_H
#define MAPHEX_CMD_INSPECT_H

struct session;

int	cmd_inspector(struct session *);
int	cmd_inspector_previous_row(struct session *);
int	cmd_inspector_next_row(struct session *);
int	cmd_inspector_edit(struct session *);
int	cmd_inspector_byte_order(struct session *);
int	cmd_inspector_follow(struct session *);

#endif
