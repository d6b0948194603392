/*
 * feed.c: copies input that cannot be mapped into an anonymous file.
 *
 * The copy is appended with pwrite at the feed's own count of bytes,
 * so the anonymous file's size is always exactly what was read; the
 * mapping layer notices the growth by its size (fstat).  Readiness is
 * asked with poll(), not by making the input non-blocking: stdin's
 * open file description is shared with the programs around us.  This
 * file must not print, map, or know the document.
 */
#include "config.h"

#include "feed.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io.h"
#include "quote.h"

#define FEED_PROBE	4096	/* bytes the probe of a /proc file reads */

static int	feed_anon(void);
static int	feed_ready(const struct feed *, int);
static int	feed_read(struct feed *, size_t, char *, size_t);
static int	feed_cap(struct feed *, char *, size_t);
static void	feed_end(struct feed *);

/* Makes the anonymous file: a memfd, or an unlinked file in $TMPDIR. */
static int
feed_anon(void)
{
#ifdef HAVE_MEMFD_CREATE
	return (memfd_create("maphex-input", MFD_CLOEXEC));
#else
	const char	*dir = getenv("TMPDIR");
	char		 path[4096];
	int		 fd;

	snprintf(path, sizeof path, "%s/maphex-input-XXXXXX",
	    dir != NULL && dir[0] != '\0' ? dir : "/tmp");
	if ((fd = mkostemp(path, O_CLOEXEC)) != -1)
		(void)unlink(path);
	return (fd);
#endif
}

int
feed_open(struct feed *f, int src, int own, const char *name, char *err,
    size_t errlen)
{
	char	q[256];

	memset(f, 0, sizeof *f);
	f->src = src;
	f->own = own;
	snprintf(f->name, sizeof f->name, "%s", quote_string(q, sizeof q,
	    name));
	if ((f->memfd = feed_anon()) == -1) {
		snprintf(err, errlen, "%s: cannot make an anonymous file to "
		    "hold the input: %s", f->name, strerror(errno));
		feed_close(f);
		return (-1);
	}
	return (0);
}

int
feed_probe(struct feed *f, const char *path, char *err, size_t errlen)
{
	unsigned char	first[FEED_PROBE];
	struct stat	st;
	ssize_t		n;
	int		fd;

	if (stat(path, &st) == -1 || !S_ISREG(st.st_mode) || st.st_size != 0)
		return (0);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd == -1)
		return (0);
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) || st.st_size != 0 ||
	    (n = read(fd, first, sizeof first)) <= 0) {
		close(fd);
		return (0);
	}
	if (feed_open(f, fd, 1, path, err, errlen) == -1)
		return (-1);
	if (io_pwrite_all(f->memfd, first, (size_t)n, 0) == -1) {
		snprintf(err, errlen, "%s: cannot copy it: %s", f->name,
		    strerror(errno));
		feed_close(f);
		return (-1);
	}
	f->size = (uint64_t)n;
	return (1);
}

/* Returns 1 when a read of src would not block (data, end, error). */
static int
feed_ready(const struct feed *f, int wait)
{
	struct pollfd	p;

	p.fd = f->src;
	p.events = POLLIN;
	p.revents = 0;
	return (poll(&p, 1, wait) == 1);
}

/*
 * Reads at most want bytes and appends them.  Returns the bytes read,
 * 0 at the end of the input (done), -2 when nothing was ready (EAGAIN,
 * EINTR), or -1 with err (done).
 */
static int
feed_read(struct feed *f, size_t want, char *err, size_t errlen)
{
	size_t	size = f->bufsize > 0 ? f->bufsize : FEED_BUF;
	ssize_t	n;

	if (f->buf == NULL && (f->buf = malloc(size)) == NULL) {
		snprintf(err, errlen, "%s: out of memory", f->name);
		feed_end(f);
		return (-1);
	}
	if (want > size)
		want = size;
	if (f->limit > 0 && f->size >= f->limit)
		return (feed_cap(f, err, errlen));
	if (f->limit > 0 && want > f->limit - f->size)
		want = (size_t)(f->limit - f->size);
	if ((n = read(f->src, f->buf, want)) == -1) {
		if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
			return (-2);
		snprintf(err, errlen, "%s: cannot read: %s (%llu bytes read)",
		    f->name, strerror(errno), (unsigned long long)f->size);
		feed_end(f);
		return (-1);
	}
	if (n == 0) {
		feed_end(f);
		return (0);
	}
	if (io_pwrite_all(f->memfd, f->buf, (size_t)n, f->size) == -1) {
		snprintf(err, errlen, "%s: cannot hold more of the input: %s "
		    "(%llu bytes kept)", f->name, strerror(errno),
		    (unsigned long long)f->size);
		feed_end(f);
		return (-1);
	}
	f->size += (uint64_t)n;
	return ((int)n);
}

/*
 * The copy holds limit bytes.  One more byte read tells whether the
 * input ends here (0) or goes on: then it stops, capped, leaving the
 * rest unread.  Returns 0, -2 (nothing ready) or -1 as feed_read().
 */
static int
feed_cap(struct feed *f, char *err, size_t errlen)
{
	ssize_t	n;

	if ((n = read(f->src, f->buf, 1)) == -1) {
		if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
			return (-2);
		snprintf(err, errlen, "%s: cannot read: %s (%llu bytes read)",
		    f->name, strerror(errno), (unsigned long long)f->size);
		feed_end(f);
		return (-1);
	}
	f->capped = n > 0;
	feed_end(f);
	return (0);
}

int
feed_pump(struct feed *f, size_t budget, char *err, size_t errlen)
{
	uint64_t	start = f->size;
	int		n, wait = f->patience;

	/* Only the first wait is patient: a trickle must not hold the UI. */
	while (!f->done && f->size - start < budget) {
		if (!feed_ready(f, wait))
			return (0);
		wait = 0;
		n = feed_read(f, budget - (size_t)(f->size - start), err,
		    errlen);
		if (n == -1)
			return (-1);
		if (n == -2)
			return (0);
	}
	return (f->done ? 0 : 1);
}

int
feed_drain(struct feed *f, char *err, size_t errlen)
{
	int	n;

	while (!f->done) {
		n = feed_read(f, SIZE_MAX, err, errlen);
		if (n == -1)
			return (-1);
		/* A source someone made non-blocking: wait for it. */
		if (n == -2)
			(void)feed_ready(f, -1);
	}
	return (0);
}

int
feed_map_fd(const struct feed *f, int writable, char *err, size_t errlen)
{
	char	self[64];
	int	fd = -1;

	if (!writable) {
		snprintf(self, sizeof self, "/proc/self/fd/%d", f->memfd);
		fd = open(self, O_RDONLY | O_CLOEXEC);
	}
	if (fd == -1)
		fd = fcntl(f->memfd, F_DUPFD_CLOEXEC, 0);
	if (fd == -1)
		snprintf(err, errlen, "%s: %s", f->name, strerror(errno));
	return (fd);
}

/* The input ended: lets go of it and of the read buffer. */
static void
feed_end(struct feed *f)
{
	if (f->own && f->src != -1)
		close(f->src);
	f->src = -1;
	f->done = 1;
	free(f->buf);
	f->buf = NULL;
}

void
feed_close(struct feed *f)
{
	feed_end(f);
	if (f->memfd != -1)
		close(f->memfd);
	f->memfd = -1;
}
