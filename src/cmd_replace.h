/*
 * cmd_replace.h: the replace command.  It asks for a pattern and a
 * replacement of the same length, then replaces the matches from the
 * cursor on one by one or all at once (one undo step), through the
 * journal; it returns SESSION_ flags.
 */
#ifndef MAPHEX_CMD_REPLACE_H
#define MAPHEX_CMD_REPLACE_H

struct session;

int	cmd_replace(struct session *);

#endif
