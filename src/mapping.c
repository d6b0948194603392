/*
 * mapping.c: opens, sizes, maps and flushes one file or block device.
 *
 * The whole object is mapped once; nothing here copies file data into
 * a buffer of its own.  Sizes are uint64_t end to end.  This file must
 * not know about edits, undo or the screen.
 */
#include "config.h"

#include "mapping.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef HAVE_LINUX_FS_H
#include <linux/fs.h>
#endif

#include "guard.h"
#include "io.h"
#include "quote.h"

static void		 mapping_error(char *, size_t, const char *,
			    const char *, ...)
			    __attribute__((format(printf, 4, 5)));
static void		 mapping_open_error(char *, size_t, const char *,
			    int);
static const char	*mapping_kind(mode_t);
static int		 mapping_denied(int);
static int		 mapping_dev_readonly(int);
static int		 mapping_open_rw(const char *, int);
static int		 mapping_open_ro(const char *, int, int *);
static int		 mapping_lose_write(struct mapping *, const char *,
			    int, char *, size_t);
static int		 mapping_open_fd(struct mapping *, const char *,
			    char *, size_t);
static int		 mapping_map_readonly(struct mapping *, int, char *,
			    size_t);
static int		 mapping_map(struct mapping *, char *, size_t);
static void		 mapping_unmap(struct mapping *);

const char *
mapping_mode_name(enum mapping_mode mode)
{
	switch (mode) {
	case MAPPING_READONLY:
		return ("READ-ONLY");
	case MAPPING_PREVIEW:
		return ("PREVIEW");
	case MAPPING_DIRECT:
	case MAPPING_AUTO:
		return ("DIRECT");
	}
	return ("?");
}

/*
 * Writes "PATH: " and the formatted reason into err, with the path
 * quoted so that the message stays one harmless line.
 */
static void
mapping_error(char *err, size_t errlen, const char *path, const char *fmt,
    ...)
{
	char	q[256], why[256];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	snprintf(err, errlen, "%s: %s", quote_string(q, sizeof q, path), why);
}

/* Says why opening path failed with errno e, and what to do. */
static void
mapping_open_error(char *err, size_t errlen, const char *path, int e)
{
	const char	*hint = NULL;

	switch (e) {
	case ENOENT:
	case ENOTDIR:
	case ELOOP:
	case ENAMETOOLONG:
		hint = "check the path";
		break;
	case EACCES:
	case EPERM:
		hint = "check the file's permissions, or run as its owner";
		break;
	case ENXIO:
	case ENODEV:
#ifdef ENOMEDIUM
	case ENOMEDIUM:
#endif
		hint = "check that the device is there";
		break;
	case EIO:
		hint = "the disk may be failing";
		break;
	}
	if (hint == NULL)
		mapping_error(err, errlen, path, "cannot open: %s",
		    strerror(e));
	else
		mapping_error(err, errlen, path, "cannot open: %s (%s)",
		    strerror(e), hint);
}

/* Names a file type that cannot be mapped, and what to do, or NULL. */
static const char *
mapping_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return ("is a directory (name a file in it)");
	if (S_ISFIFO(mode))
		return ("is a FIFO (pipe), which cannot be mapped (read it "
		    "as stdin: maphex - < the FIFO)");
	if (S_ISSOCK(mode))
		return ("is a socket, which cannot be mapped (name a file or "
		    "block device)");
	if (S_ISCHR(mode))
		return ("is a character device, which cannot be mapped (copy "
		    "it to a file first, e.g. with dd)");
	if (!S_ISREG(mode) && !S_ISBLK(mode))
		return ("is not a regular file or block device (name one that "
		    "is)");
	return (NULL);
}

/* Returns non-zero if errno e refuses writing rather than the file. */
static int
mapping_denied(int e)
{
	return (e == EACCES || e == EPERM || e == EROFS || e == ETXTBSY);
}

/* Returns non-zero if fd is a block device that is set read-only. */
static int
mapping_dev_readonly(int fd)
{
#ifdef BLKROGET
	struct stat	st;
	int		ro = 0;

	if (fstat(fd, &st) == 0 && S_ISBLK(st.st_mode) &&
	    ioctl(fd, BLKROGET, &ro) == 0)
		return (ro);
#else
	(void)fd;
#endif
	return (0);
}

/*
 * Opens path read-write.  A block device set read-only (blockdev
 * --setro, losetup -r) may open O_RDWR all the same and fail only at
 * mmap() or at the first write, so it is asked, and counts as EROFS.
 */
static int
mapping_open_rw(const char *path, int flags)
{
	int	fd;

	if ((fd = open(path, flags | O_RDWR)) == -1)
		return (-1);
	if (mapping_dev_readonly(fd)) {
		close(fd);
		errno = EROFS;
		return (-1);
	}
	return (fd);
}

/* Opens path read-only, without touching its access time if allowed. */
static int
mapping_open_ro(const char *path, int flags, int *atime)
{
	int	fd;

	fd = open(path, flags | O_RDONLY | O_NOATIME);
	if (fd == -1 && errno == EPERM) {
		/* Only the owner may ask for no atime updates. */
		fd = open(path, flags | O_RDONLY);
		if (fd != -1 && atime != NULL)
			*atime = 1;
	}
	return (fd);
}

/*
 * Write access was refused with errno e.  Direct mode (asked for or
 * not) goes on read-only and a preview goes on unable to save, both
 * with a note saying why; an error that is not about writing fails.
 * Returns 0 to go on, or -1 with err set.
 */
static int
mapping_lose_write(struct mapping *m, const char *path, int e, char *err,
    size_t errlen)
{
	if (!mapping_denied(e)) {
		mapping_open_error(err, errlen, path, e);
		return (-1);
	}
	snprintf(m->note, sizeof m->note, "opened read-only: %s",
	    strerror(e));
	if (m->mode == MAPPING_AUTO || m->mode == MAPPING_DIRECT)
		m->mode = MAPPING_READONLY;
	return (0);
}

/*
 * Opens the descriptor for the wanted mode.  O_NONBLOCK keeps a FIFO
 * that slipped past the stat() from blocking the open.
 */
static int
mapping_open_fd(struct mapping *m, const char *path, char *err,
    size_t errlen)
{
	int	flags = O_CLOEXEC | O_NONBLOCK;
	int	fd;

	if (m->mode != MAPPING_READONLY) {
		if ((fd = mapping_open_rw(path, flags)) != -1) {
			m->writable = 1;
			if (m->mode == MAPPING_AUTO)
				m->mode = MAPPING_DIRECT;
			return (fd);
		}
		if (mapping_lose_write(m, path, errno, err, errlen) == -1)
			return (-1);
	}
	if (m->mode == MAPPING_READONLY)
		fd = mapping_open_ro(path, flags, &m->atime);
	else
		fd = open(path, flags | O_RDONLY);
	if (fd == -1)
		mapping_open_error(err, errlen, path, errno);
	return (fd);
}

/*
 * Direct mode's writable mapping failed with errno e: some
 * objects open for writing but cannot be mapped so.  Opens and maps
 * the object read-only instead, with a note.  Returns 0, or -1 with
 * err set (and left as it was when read-only is no answer).
 */
static int
mapping_map_readonly(struct mapping *m, int e, char *err, size_t errlen)
{
	int	fd;

	if (m->mode != MAPPING_DIRECT || (!mapping_denied(e) && e != EINVAL))
		return (-1);
	if ((fd = mapping_open_ro(m->path, O_CLOEXEC | O_NONBLOCK, NULL)) == -1) {
		mapping_open_error(err, errlen, m->path, errno);
		return (-1);
	}
	close(m->fd);
	m->fd = fd;
	m->writable = 0;
	m->mode = MAPPING_READONLY;
	snprintf(m->note, sizeof m->note, "opened read-only: cannot map "
	    "for writing: %s", strerror(e));
	return (mapping_map(m, err, errlen));
}

int
mapping_open(struct mapping *m, const char *path, enum mapping_mode mode,
    char *err, size_t errlen)
{
	struct stat	 st;
	const char	*why;

	memset(m, 0, sizeof *m);
	m->fd = -1;
	m->mode = mode;
	if (guard_install() == -1) {
		mapping_error(err, errlen, path, "cannot catch SIGBUS: %s",
		    strerror(errno));
		return (-1);
	}
	if (*path == '\0') {
		mapping_error(err, errlen, path, "empty path (name a file or "
		    "block device)");
		return (-1);
	}
	if (stat(path, &st) == -1) {
		mapping_open_error(err, errlen, path, errno);
		return (-1);
	}
	if ((why = mapping_kind(st.st_mode)) != NULL) {
		mapping_error(err, errlen, path, "%s", why);
		return (-1);
	}
	if ((m->fd = mapping_open_fd(m, path, err, errlen)) == -1)
		return (-1);
	if (fstat(m->fd, &st) == -1 || (why = mapping_kind(st.st_mode))) {
		mapping_error(err, errlen, path, "%s",
		    why ? why : strerror(errno));
		goto fail;
	}
	m->blockdev = S_ISBLK(st.st_mode);
	m->dev = st.st_dev;
	m->ino = st.st_ino;
	if ((m->path = strdup(path)) == NULL) {
		mapping_error(err, errlen, path, "%s", strerror(errno));
		goto fail;
	}
	if (mapping_stat_size(m, &m->size, err, errlen) == -1)
		goto fail;
	if (mapping_map(m, err, errlen) == -1 &&
	    ((mode != MAPPING_AUTO && mode != MAPPING_DIRECT) ||
	    mapping_map_readonly(m, errno, err, errlen) == -1))
		goto fail;
	return (0);
fail:
	mapping_close(m);
	return (-1);
}

int
mapping_open_anon(struct mapping *m, int fd, const char *name,
    enum mapping_mode mode, const char *note, char *err, size_t errlen)
{
	struct stat	st;
	int		fl;

	memset(m, 0, sizeof *m);
	m->fd = fd;
	m->anon = 1;
	if (guard_install() == -1 || fstat(fd, &st) == -1 ||
	    (fl = fcntl(fd, F_GETFL)) == -1) {
		mapping_error(err, errlen, name, "%s", strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode) && !S_ISBLK(st.st_mode)) {
		mapping_error(err, errlen, name, "not a file or block device");
		goto fail;
	}
	m->blockdev = S_ISBLK(st.st_mode);
	m->writable = (fl & O_ACCMODE) == O_RDWR;
	if (mode == MAPPING_AUTO)
		mode = m->writable ? MAPPING_DIRECT : MAPPING_READONLY;
	m->mode = mode;
	m->dev = st.st_dev;
	m->ino = st.st_ino;
	snprintf(m->note, sizeof m->note, "%s", note);
	if ((m->path = strdup(name)) == NULL) {
		mapping_error(err, errlen, name, "%s", strerror(errno));
		goto fail;
	}
	if (mapping_stat_size(m, &m->size, err, errlen) == -1 ||
	    mapping_map(m, err, errlen) == -1)
		goto fail;
	return (0);
fail:
	mapping_close(m);
	return (-1);
}

int
mapping_set_mode(struct mapping *m, enum mapping_mode mode, char *err,
    size_t errlen)
{
	enum mapping_mode	was = m->mode;
	char			scratch[8];

	if (mode != MAPPING_READONLY && !m->writable) {
		mapping_error(err, errlen, m->path, "not open for writing");
		return (-1);
	}
	m->mode = mode;
	if (mapping_remap(m, err, errlen) == -1) {
		m->mode = was;
		(void)mapping_remap(m, scratch, sizeof scratch);
		return (-1);
	}
	m->note[0] = '\0';
	return (0);
}

int
mapping_stat_size(const struct mapping *m, uint64_t *size, char *err,
    size_t errlen)
{
	struct stat	st;

	if (fstat(m->fd, &st) == -1) {
		mapping_error(err, errlen, m->path, "%s", strerror(errno));
		return (-1);
	}
	if (!S_ISBLK(st.st_mode)) {
		*size = (uint64_t)st.st_size;
		return (0);
	}
#ifdef BLKGETSIZE64
	if (ioctl(m->fd, BLKGETSIZE64, size) == 0)
		return (0);
	mapping_error(err, errlen, m->path, "cannot size block device: %s",
	    strerror(errno));
#else
	mapping_error(err, errlen, m->path, "cannot size block devices here");
#endif
	return (-1);
}

int
mapping_mtime(const struct mapping *m, uint64_t *ns)
{
	struct stat	st;

	if (fstat(m->fd, &st) == -1)
		return (-1);
	*ns = (uint64_t)st.st_mtim.tv_sec * 1000000000u +
	    (uint64_t)st.st_mtim.tv_nsec;
	return (0);
}

/*
 * Maps the whole object in m's mode.  Returns 0, or -1 with errno and
 * err set.
 */
static int
mapping_map(struct mapping *m, char *err, size_t errlen)
{
	int	 prot = PROT_READ, flags = MAP_SHARED, e;
	void	*p;

	m->base = NULL;
	m->maplen = 0;
	if (m->size == 0)
		return (0);
	if (m->size > SIZE_MAX) {
		mapping_error(err, errlen, m->path, "too large to map on "
		    "this machine");
		errno = EFBIG;
		return (-1);
	}
	if (m->mode == MAPPING_DIRECT)
		prot |= PROT_WRITE;
	else if (m->mode == MAPPING_PREVIEW) {
		prot |= PROT_WRITE;
		flags = MAP_PRIVATE;
#ifdef MAP_NORESERVE
		/* Only the pages edited need memory, not the whole file. */
		flags |= MAP_NORESERVE;
#endif
	}
	p = mmap(NULL, (size_t)m->size, prot, flags, m->fd, 0);
	if (p == MAP_FAILED) {
		e = errno;
		if (m->mode == MAPPING_DIRECT &&
		    (mapping_denied(e) || e == EINVAL))
			mapping_error(err, errlen, m->path, "cannot map for "
			    "writing: %s (use -r to view it)", strerror(e));
		else
			mapping_error(err, errlen, m->path, "cannot map: %s",
			    strerror(e));
		errno = e;
		return (-1);
	}
	m->base = p;
	m->maplen = (size_t)m->size;
	mapping_advise(m, 0);
	return (0);
}

static void
mapping_unmap(struct mapping *m)
{
	if (m->base != NULL)
		munmap(m->base, m->maplen);
	m->base = NULL;
	m->maplen = 0;
}

void
mapping_close(struct mapping *m)
{
	mapping_unmap(m);
	if (m->fd != -1)
		close(m->fd);
	m->fd = -1;
	free(m->path);
	m->path = NULL;
}

int
mapping_remap(struct mapping *m, char *err, size_t errlen)
{
	uint64_t	size;

	if (mapping_stat_size(m, &size, err, errlen) == -1)
		return (-1);
	mapping_unmap(m);
	m->size = size;
	return (mapping_map(m, err, errlen));
}

int
mapping_refresh(struct mapping *m, char *err, size_t errlen)
{
	uint64_t	size;

	if (mapping_stat_size(m, &size, err, errlen) == -1)
		return (-1);
	if (size == m->size)
		return (0);
	if (mapping_remap(m, err, errlen) == -1)
		return (-1);
	return (1);
}

int
mapping_read(const struct mapping *m, uint64_t off, void *buf, size_t len)
{
	if (len == 0)
		return (0);
	if (off > m->maplen || len > m->maplen - off)
		return (-1);
	return (guard_copy(buf, m->base + off, len));
}

int
mapping_write(struct mapping *m, uint64_t off, const void *buf, size_t len)
{
	if (m->mode == MAPPING_READONLY)
		return (-1);
	if (len == 0)
		return (0);
	if (off > m->maplen || len > m->maplen - off)
		return (-1);
	return (guard_copy(m->base + off, buf, len));
}

int
mapping_move(struct mapping *m, uint64_t dst, uint64_t src, uint64_t len)
{
	if (m->mode == MAPPING_READONLY)
		return (-1);
	if (len == 0)
		return (0);
	if (dst > m->maplen || len > m->maplen - dst ||
	    src > m->maplen || len > m->maplen - src)
		return (-1);
	return (guard_copy(m->base + dst, m->base + src, (size_t)len));
}

int
mapping_sync(struct mapping *m, uint64_t off, uint64_t len, char *err,
    size_t errlen)
{
	uint64_t	pg = (uint64_t)sysconf(_SC_PAGESIZE);
	uint64_t	start, end;

	if (m->base == NULL || len == 0 || off >= m->maplen)
		return (0);
	start = off - off % pg;
	end = off + len > m->maplen ? m->maplen : off + len;
	if (msync(m->base + start, (size_t)(end - start), MS_SYNC) == -1) {
		mapping_error(err, errlen, m->path, "flush failed: %s",
		    strerror(errno));
		return (-1);
	}
	return (0);
}

void
mapping_advise(const struct mapping *m, int sequential)
{
	if (m->base != NULL)
		(void)madvise(m->base, m->maplen,
		    sequential ? MADV_SEQUENTIAL : MADV_RANDOM);
}

const unsigned char *
mapping_span(const struct mapping *m, uint64_t off, size_t len)
{
	if (m->base == NULL || off > m->maplen || len > m->maplen - off)
		return (NULL);
	return (m->base + off);
}

int
mapping_pwrite(struct mapping *m, uint64_t off, const void *buf, size_t len)
{
	struct sigaction	ign, old;
	int			rc, e;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	if (sigaction(SIGXFSZ, &ign, &old) == -1)
		return (-1);
	rc = io_pwrite_all(m->fd, buf, len, off);
	e = errno;
	(void)sigaction(SIGXFSZ, &old, NULL);
	errno = e;
	return (rc);
}

size_t
mapping_pread(const struct mapping *m, uint64_t off, void *buf, size_t len)
{
	unsigned char	*p = buf;
	size_t		 done = 0;
	ssize_t		 n;

	while (done < len) {
		n = pread(m->fd, p + done, len - done, (off_t)(off + done));
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	return (done);
}

int
mapping_fsync(struct mapping *m)
{
	return (fsync(m->fd));
}

int
mapping_truncate(struct mapping *m, uint64_t size, char *err, size_t errlen)
{
	if (m->mode != MAPPING_DIRECT || m->blockdev || !m->writable) {
		mapping_error(err, errlen, m->path, "cannot change the size "
		    "%s", m->blockdev ? "of a block device" :
		    m->mode == MAPPING_PREVIEW ? "in preview mode" :
		    "of a file opened read-only");
		return (-1);
	}
	if (size > (uint64_t)INT64_MAX ||
	    ftruncate(m->fd, (off_t)size) == -1) {
		mapping_error(err, errlen, m->path, "cannot truncate: %s",
		    size > (uint64_t)INT64_MAX ? strerror(EFBIG) :
		    strerror(errno));
		return (-1);
	}
	return (mapping_refresh(m, err, errlen) == -1 ? -1 : 0);
}

int
mapping_next_data(const struct mapping *m, uint64_t pos, uint64_t *data,
    uint64_t *hole)
{
	off_t	d, h;

	if (m->blockdev || pos > (uint64_t)INT64_MAX)
		return (-1);
	if ((d = lseek(m->fd, (off_t)pos, SEEK_DATA)) == -1)
		return (errno == ENXIO ? 1 : -1);
	if ((h = lseek(m->fd, d, SEEK_HOLE)) == -1)
		h = (off_t)m->maplen;
	*data = (uint64_t)d;
	*hole = (uint64_t)h;
	return (0);
}

int
mapping_path_state(const struct mapping *m)
{
	struct stat	st;

	if (m->path == NULL)
		return (MAPPING_PATH_GONE);
	if (m->anon)
		return (MAPPING_PATH_SAME);
	if (stat(m->path, &st) == -1)
		return (errno == ENOENT || errno == ENOTDIR ?
		    MAPPING_PATH_GONE : MAPPING_PATH_SAME);
	if (st.st_dev != m->dev || st.st_ino != m->ino)
		return (MAPPING_PATH_REPLACED);
	return (MAPPING_PATH_SAME);
}

int
mapping_same_fs(const struct mapping *m, const char *path)
{
	struct stat	 st;
	char		*dir, *slash;
	int		 same;

	if (stat(path, &st) == 0)
		return (st.st_dev == m->dev);
	if ((dir = strdup(path)) == NULL)
		return (1);
	if ((slash = strrchr(dir, '/')) == NULL)
		same = stat(".", &st) == 0 && st.st_dev == m->dev;
	else {
		slash[slash == dir ? 1 : 0] = '\0';
		same = stat(dir, &st) == 0 && st.st_dev == m->dev;
	}
	free(dir);
	return (same);
}

void
mapping_evict(const struct mapping *m, uint64_t off, uint64_t len)
{
	if (m->mode != MAPPING_DIRECT)
		return;
	mapping_release(m, off, len);
	(void)posix_fadvise(m->fd, (off_t)off, (off_t)len,
	    POSIX_FADV_DONTNEED);
}

void
mapping_release(const struct mapping *m, uint64_t off, uint64_t len)
{
	uint64_t	pg = (uint64_t)sysconf(_SC_PAGESIZE);
	uint64_t	a, b;

	if (m->base == NULL || m->mode == MAPPING_PREVIEW || off >= m->maplen)
		return;
	if (len > m->maplen - off)
		len = m->maplen - off;
	a = off + (pg - off % pg) % pg;
	b = (off + len) - (off + len) % pg;
	if (b > a)
		(void)madvise(m->base + a, (size_t)(b - a), MADV_DONTNEED);
}

uint64_t
mapping_block_size(const struct mapping *m)
{
	struct stat	st;

	if (fstat(m->fd, &st) == -1 || st.st_blksize <= 0)
		return (4096);
	return ((uint64_t)st.st_blksize);
}

int
mapping_shift(struct mapping *m, uint64_t off, uint64_t len, int insert,
    char *err, size_t errlen)
{
#if defined(FALLOC_FL_INSERT_RANGE) && defined(FALLOC_FL_COLLAPSE_RANGE)
	uint64_t	bs = mapping_block_size(m);
	int		mode;

	if (m->mode != MAPPING_DIRECT || m->blockdev || !m->writable ||
	    len == 0 || off % bs != 0 || len % bs != 0 || off >= m->size ||
	    (!insert && len >= m->size - off) ||
	    m->size + len > (uint64_t)INT64_MAX)
		return (1);
	mode = insert ? FALLOC_FL_INSERT_RANGE : FALLOC_FL_COLLAPSE_RANGE;
	if (fallocate(m->fd, mode, (off_t)off, (off_t)len) == -1) {
		if (errno == EOPNOTSUPP || errno == EINVAL || errno == ENOSYS)
			return (1);
		mapping_error(err, errlen, m->path, "cannot %s bytes: %s",
		    insert ? "insert" : "delete", strerror(errno));
		return (-1);
	}
	return (mapping_remap(m, err, errlen));
#else
	(void)m;
	(void)off;
	(void)len;
	(void)insert;
	(void)err;
	(void)errlen;
	return (1);
#endif
}

int
mapping_create(const char *path, uint64_t size, char *err, size_t errlen)
{
	static const unsigned char	zero;
	int				fd, e;

	if (size > (uint64_t)INT64_MAX) {
		mapping_error(err, errlen, path, "cannot create: %s",
		    strerror(EFBIG));
		return (-1);
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd == -1) {
		if (errno == EEXIST)
			mapping_error(err, errlen, path, "already exists "
			    "(--create makes a new file; open this one "
			    "without it)");
		else
			mapping_open_error(err, errlen, path, errno);
		return (-1);
	}
	if (size > 0 && io_pwrite_all(fd, &zero, 1, (off_t)(size - 1)) == -1) {
		e = errno;
		close(fd);
		(void)unlink(path);
		mapping_error(err, errlen, path, "cannot create %llu bytes: %s",
		    (unsigned long long)size, strerror(e));
		return (-1);
	}
	if (close(fd) == -1) {
		e = errno;
		(void)unlink(path);
		mapping_error(err, errlen, path, "cannot create: %s",
		    strerror(e));
		return (-1);
	}
	return (0);
}
