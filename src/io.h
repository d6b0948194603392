/*
 * io.h: whole writes to a descriptor.
 *
 * write(2) and pwrite(2) may write less than asked, or be interrupted;
 * every caller that must write all of a buffer goes through these two
 * loops instead of keeping its own.  Nothing here prints or exits.
 */
#ifndef MAPHEX_IO_H
#define MAPHEX_IO_H

#include <stddef.h>
#include <stdint.h>

/*
 * Writes all len bytes of buf to fd, retrying after EINTR and short
 * writes.  Returns 0, or -1 with errno set (EIO if write returned 0).
 */
int	io_write_all(int fd, const void *buf, size_t len);

/* Like io_write_all() at file offset off, with pwrite(2). */
int	io_pwrite_all(int fd, const void *buf, size_t len, uint64_t off);

#endif
