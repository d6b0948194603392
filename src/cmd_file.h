/*
 * cmd_file.h: the commands that act on the file as a whole: save,
 * save as (a new file, then edit it), quit (asking about unsaved
 * changes), quit discarding, write the selection to a new file, and
 * truncate.  They return SESSION_ flags.
 */
#ifndef MAPHEX_CMD_FILE_H
#define MAPHEX_CMD_FILE_H

struct session;

int	cmd_save(struct session *);
int	cmd_quit(struct session *);
int	cmd_quit_discard(struct session *);
int	cmd_save_selection(struct session *);
int	cmd_save_as(struct session *);
int	cmd_open_file(struct session *);
int	cmd_truncate(struct session *);

#endif
