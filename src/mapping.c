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

static const char	*mapping_kind(mode_t);
static int		 mapping_open_fd(struct mapping *, const char *,
			    char *, size_t);
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
		return ("DIRECT");
	}
	return ("?");
}

/* Names a file type that cannot be mapped, or returns NULL. */
static const char *
mapping_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return ("is a directory");
	if (S_ISFIFO(mode))
		return ("is a FIFO (pipe), which cannot be mapped");
	if (S_ISSOCK(mode))
		return ("is a socket, which cannot be mapped");
	if (S_ISCHR(mode))
		return ("is a character device, which cannot be mapped");
	if (!S_ISREG(mode) && !S_ISBLK(mode))
		return ("is not a regular file or block device");
	return (NULL);
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
	int	fd = -1, saved;

	if (m->mode != MAPPING_READONLY) {
		fd = open(path, flags | O_RDWR);
		if (fd != -1) {
			m->writable = 1;
			return (fd);
		}
		saved = errno;
		if (saved != EACCES && saved != EROFS && saved != EPERM &&
		    saved != ETXTBSY) {
			snprintf(err, errlen, "%s: %s", path, strerror(saved));
			return (-1);
		}
		snprintf(m->note, sizeof m->note,
		    "opened read-only: %s", strerror(saved));
		if (m->mode == MAPPING_DIRECT)
			m->mode = MAPPING_READONLY;
	}
	if (m->mode == MAPPING_READONLY) {
		fd = open(path, flags | O_RDONLY | O_NOATIME);
		if (fd == -1 && errno == EPERM)
			fd = open(path, flags | O_RDONLY);
	} else
		fd = open(path, flags | O_RDONLY);
	if (fd == -1)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	return (fd);
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
		snprintf(err, errlen, "%s: cannot catch SIGBUS: %s", path,
		    strerror(errno));
		return (-1);
	}
	if (stat(path, &st) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return (-1);
	}
	if ((why = mapping_kind(st.st_mode)) != NULL) {
		snprintf(err, errlen, "%s: %s", path, why);
		return (-1);
	}
	if ((m->fd = mapping_open_fd(m, path, err, errlen)) == -1)
		return (-1);
	if (fstat(m->fd, &st) == -1 || (why = mapping_kind(st.st_mode))) {
		snprintf(err, errlen, "%s: %s", path,
		    why ? why : strerror(errno));
		goto fail;
	}
	m->blockdev = S_ISBLK(st.st_mode);
	if ((m->path = strdup(path)) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
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
mapping_stat_size(const struct mapping *m, uint64_t *size, char *err,
    size_t errlen)
{
	struct stat	st;

	if (fstat(m->fd, &st) == -1) {
		snprintf(err, errlen, "%s: %s", m->path, strerror(errno));
		return (-1);
	}
	if (!S_ISBLK(st.st_mode)) {
		*size = (uint64_t)st.st_size;
		return (0);
	}
#ifdef BLKGETSIZE64
	if (ioctl(m->fd, BLKGETSIZE64, size) == 0)
		return (0);
	snprintf(err, errlen, "%s: cannot size block device: %s", m->path,
	    strerror(errno));
#else
	snprintf(err, errlen, "%s: cannot size block devices here", m->path);
#endif
	return (-1);
}

static int
mapping_map(struct mapping *m, char *err, size_t errlen)
{
	int	 prot = PROT_READ, flags = MAP_SHARED;
	void	*p;

	m->base = NULL;
	m->maplen = 0;
	if (m->size == 0)
		return (0);
	if (m->size > SIZE_MAX) {
		snprintf(err, errlen, "%s: too large to map", m->path);
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
		snprintf(err, errlen, "%s: cannot map: %s", m->path,
		    strerror(errno));
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
		snprintf(err, errlen, "%s: flush failed: %s", m->path,
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
