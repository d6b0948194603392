/*
 * io.c: the write loops every writer of maphex shares.
 *
 * A short write is continued and EINTR retried; a write that returns 0
 * is an error (EIO) rather than a loop without end.  These functions
 * know nothing of what they write.
 */
#include "config.h"

#include "io.h"

#include <errno.h>
#include <sys/types.h>
#include <unistd.h>

static int	io_all(int, const void *, size_t, uint64_t, int);

/* Writes all of buf, at off when positional (pwrite), else write. */
static int
io_all(int fd, const void *buf, size_t len, uint64_t off, int positional)
{
	const unsigned char	*p = buf;
	ssize_t			 n;

	while (len > 0) {
		n = positional ? pwrite(fd, p, len, (off_t)off) :
		    write(fd, p, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return (-1);
		if (n == 0) {
			errno = EIO;
			return (-1);
		}
		p += n;
		off += (uint64_t)n;
		len -= (size_t)n;
	}
	return (0);
}

int
io_write_all(int fd, const void *buf, size_t len)
{
	return (io_all(fd, buf, len, 0, 0));
}

int
io_pwrite_all(int fd, const void *buf, size_t len, uint64_t off)
{
	return (io_all(fd, buf, len, off, 1));
}
