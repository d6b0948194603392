/*
 * cmd_resize.h: the commands that change the file's size: insert mode,
 * delete, paste-insert, append, resize to a typed size, and copying
 * the selection to the cursor.
 *
 * Direct mode only: the journal refuses a size change in preview and
 * read-only mode with a reason, which these show.  A change that moves
 * more than RESIZE_ASK bytes through the mapping (no fallocate path)
 * asks first, saying how many.  Commands return SESSION_ flags.
 */
#ifndef MAPHEX_CMD_RESIZE_H
#define MAPHEX_CMD_RESIZE_H

#include <stddef.h>
#include <stdint.h>

struct session;

/* Moving more bytes than this asks first. */
#define RESIZE_ASK	((uint64_t)64 << 20)

int	cmd_insert_mode(struct session *);
int	cmd_delete(struct session *);
int	cmd_resize(struct session *);
int	cmd_copy_to_cursor(struct session *);

/*
 * Inserts n bytes (copied) at the cursor, as typing or a paste in
 * insert mode does, or appends them at the end; the cursor then goes
 * to cursor (and the low nibble when nibble is set).  quiet: no
 * message on success.  Returns 0 (done, refused or asked), -1 on error.
 */
int	resize_insert(struct session *, const unsigned char *bytes, size_t n,
	    uint64_t cursor, int nibble, int quiet);

#endif
