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

int
io_write_all(int fd, const void *buf, size_t len)
{
	const unsigned char	*p = buf;
	ssize_t			 n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return (-1);
		if (n == 0) {
			errno = EIO;
			return (-1);
		}
		p += n;
		len -= (size_t)n;
	}
	return (0);
}

int
io_pwrite_all(int fd, const void *buf, size_t len, uint64_t off)
{
	const unsigned char	*p = buf;
	ssize_t			 n;

	while (len > 0) {
		n = pwrite(fd, p, len, (off_t)off);
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
