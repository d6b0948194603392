/*
 * doc.c: the document over one mapping.
 *
 * Most calls pass straight to the mapping layer; what this file adds is
 * the generation count that tells a scan its mapping was redone, the
 * stamp and the span of maphex's own writes that tell another process's
 * changes from maphex's (outside.c), one place where the rest of maphex
 * asks about the bytes, so that the mapping's base pointer and
 * descriptor stay inside mapping.c, and the size changes (insert,
 * delete), which move the bytes after the change through the mapping
 * in chunks and put them back when cancelled.  It must not keep a copy
 * of file data, print, or know about edits.
 */
#include "config.h"

#include <sys/stat.h>

#include "doc.h"

#include <stdio.h>
#include <string.h>

static size_t	doc_chunk(const struct doc *);
static int	doc_cancel(struct doc *, uint64_t, uint64_t);
static int	doc_move_up(struct doc *, uint64_t, uint64_t, uint64_t, int,
		    uint64_t *);
static int	doc_move_down(struct doc *, uint64_t, uint64_t, uint64_t,
		    int, uint64_t *);
static int	doc_fill(struct doc *, uint64_t, const void *, uint64_t);
static int	doc_failed(struct doc *, int, const char *, char *, size_t);
static void	doc_wrote(struct doc *, uint64_t, uint64_t);

int
doc_open(struct doc *d, const char *path, enum mapping_mode mode,
    char *err, size_t errlen)
{
	memset(d, 0, sizeof *d);
	d->map.fd = -1;
	return (mapping_open(&d->map, path, mode, err, errlen));
}

int
doc_open_anon(struct doc *d, int fd, const char *name, enum mapping_mode mode,
    const char *note, char *err, size_t errlen)
{
	memset(d, 0, sizeof *d);
	return (mapping_open_anon(&d->map, fd, name, mode, note, err, errlen));
}

int
doc_set_mode(struct doc *d, enum mapping_mode mode, char *err,
    size_t errlen)
{
	d->gen++;
	return (mapping_set_mode(&d->map, mode, err, errlen));
}

int
doc_anonymous(const struct doc *d)
{
	return (d->map.anon);
}

void
doc_close(struct doc *d)
{
	mapping_close(&d->map);
	d->gen++;
}

uint64_t
doc_size(const struct doc *d)
{
	return (d->map.maplen);
}

enum mapping_mode
doc_mode(const struct doc *d)
{
	return (d->map.mode);
}

const char *
doc_path(const struct doc *d)
{
	return (d->map.path != NULL ? d->map.path : "");
}

const char *
doc_note(const struct doc *d)
{
	return (d->map.note);
}

int
doc_can_save(const struct doc *d)
{
	return (d->map.writable);
}

int
doc_blockdev(const struct doc *d)
{
	return (d->map.blockdev);
}

uint64_t
doc_generation(const struct doc *d)
{
	return (d->gen);
}

int
doc_read(const struct doc *d, uint64_t off, void *buf, size_t len)
{
	return (mapping_read(&d->map, off, buf, len));
}

/* Widens the span of own writes by [off, off + len), len 0: to the end. */
static void
doc_wrote(struct doc *d, uint64_t off, uint64_t len)
{
	uint64_t	end = len == 0 || len > UINT64_MAX - off ? UINT64_MAX :
			    off + len;

	if (d->wrote_hi == 0 || off < d->wrote_lo)
		d->wrote_lo = off;
	if (end > d->wrote_hi)
		d->wrote_hi = end;
}

int
doc_take_written(struct doc *d, uint64_t *lo, uint64_t *hi)
{
	*lo = d->wrote_lo;
	*hi = d->wrote_hi;
	d->wrote_lo = d->wrote_hi = 0;
	return (*hi != 0);
}

int
doc_stamp(const struct doc *d, struct doc_stamp *st)
{
	memset(st, 0, sizeof *st);
	st->dev = (uint64_t)d->map.dev;
	st->ino = (uint64_t)d->map.ino;
	st->gen = d->gen;
	return (mapping_mtime(&d->map, &st->mtime));
}

int
doc_stamp_same_file(const struct doc_stamp *a, const struct doc_stamp *b)
{
	return (a->dev == b->dev && a->ino == b->ino);
}

int
doc_write(struct doc *d, uint64_t off, const void *buf, size_t len)
{
	if (len > 0)
		doc_wrote(d, off, len);
	return (mapping_write(&d->map, off, buf, len));
}

const unsigned char *
doc_span(const struct doc *d, uint64_t off, size_t len)
{
	return (mapping_span(&d->map, off, len));
}

int
doc_refresh(struct doc *d, char *err, size_t errlen)
{
	int	rc;

	rc = mapping_refresh(&d->map, err, errlen);
	if (rc != 0)
		d->gen++;
	return (rc);
}

int
doc_reload(struct doc *d, char *err, size_t errlen)
{
	d->gen++;
	doc_wrote(d, 0, 0);
	return (mapping_remap(&d->map, err, errlen));
}

int
doc_file_size(const struct doc *d, uint64_t *size)
{
	char	scratch[8];

	return (mapping_stat_size(&d->map, size, scratch, sizeof scratch));
}

int
doc_resize(struct doc *d, uint64_t size, char *err, size_t errlen)
{
	d->gen++;
	doc_wrote(d, size < doc_size(d) ? size : doc_size(d), 0);
	return (mapping_truncate(&d->map, size, err, errlen));
}

int
doc_move(struct doc *d, uint64_t dst, uint64_t src, uint64_t len)
{
	if (len > 0)
		doc_wrote(d, dst, len);
	return (mapping_move(&d->map, dst, src, len));
}

int
doc_next_data(const struct doc *d, uint64_t pos, uint64_t *data,
    uint64_t *hole)
{
	return (mapping_next_data(&d->map, pos, data, hole));
}

void
doc_advise(const struct doc *d, int sequential)
{
	mapping_advise(&d->map, sequential);
}

void
doc_release(const struct doc *d, uint64_t off, uint64_t len)
{
	mapping_release(&d->map, off, len);
}

void
doc_evict(const struct doc *d, uint64_t off, uint64_t len)
{
	mapping_evict(&d->map, off, len);
}

int
doc_sync(struct doc *d, uint64_t off, uint64_t len, char *err,
    size_t errlen)
{
	return (mapping_sync(&d->map, off, len, err, errlen));
}

int
doc_pwrite(struct doc *d, uint64_t off, const void *buf, size_t len)
{
	if (len > 0)
		doc_wrote(d, off, len);
	return (mapping_pwrite(&d->map, off, buf, len));
}

size_t
doc_pread(const struct doc *d, uint64_t off, void *buf, size_t len)
{
	return (mapping_pread(&d->map, off, buf, len));
}

int
doc_fsync(struct doc *d)
{
	return (mapping_fsync(&d->map));
}

int
doc_path_state(const struct doc *d)
{
	return (mapping_path_state(&d->map));
}

int
doc_same_file(const struct doc *d, const char *path)
{
	struct stat	st;

	return (stat(path, &st) == 0 && st.st_dev == d->map.dev &&
	    st.st_ino == d->map.ino);
}

int
doc_same_fs(const struct doc *d, const char *path)
{
	return (mapping_same_fs(&d->map, path));
}

int
doc_atime(const struct doc *d)
{
	return (d->map.atime);
}

void
doc_set_progress(struct doc *d, int (*fn)(void *, uint64_t, uint64_t),
    void *arg)
{
	d->progress = fn;
	d->progress_arg = arg;
}

static size_t
doc_chunk(const struct doc *d)
{
	return (d->chunk != 0 ? d->chunk : DOC_CHUNK);
}

/* Asks the progress callback whether to stop; 1 to stop. */
static int
doc_cancel(struct doc *d, uint64_t done, uint64_t total)
{
	return (d->progress != NULL &&
	    d->progress(d->progress_arg, done, total) != 0);
}

/*
 * Moves the len bytes at src up to dst (> src), a chunk at a time from
 * the top, so that no byte is overwritten before it moved.  With
 * cancel, asks between chunks.  *done gets the bytes moved (the top
 * ones).  Returns 0 when all moved, 1 when cancelled, -1 on SIGBUS.
 */
static int
doc_move_up(struct doc *d, uint64_t dst, uint64_t src, uint64_t len,
    int cancel, uint64_t *done)
{
	uint64_t	pos = len, c;

	*done = 0;
	while (pos > 0) {
		c = pos < doc_chunk(d) ? pos : doc_chunk(d);
		if (mapping_move(&d->map, dst + pos - c, src + pos - c, c) ==
		    -1)
			return (-1);
		pos -= c;
		*done += c;
		d->moved += c;
		if (cancel && pos > 0 && doc_cancel(d, *done, len))
			return (1);
	}
	return (0);
}

/* Like doc_move_up() for dst < src: from the bottom up. */
static int
doc_move_down(struct doc *d, uint64_t dst, uint64_t src, uint64_t len,
    int cancel, uint64_t *done)
{
	uint64_t	c;

	*done = 0;
	while (*done < len) {
		c = len - *done < doc_chunk(d) ? len - *done : doc_chunk(d);
		if (mapping_move(&d->map, dst + *done, src + *done, c) == -1)
			return (-1);
		*done += c;
		d->moved += c;
		if (cancel && *done < len && doc_cancel(d, *done, len))
			return (1);
	}
	return (0);
}

/* Writes n bytes (zeros when bytes is NULL) at off, a chunk at a time. */
static int
doc_fill(struct doc *d, uint64_t off, const void *bytes, uint64_t n)
{
	static const unsigned char	zeros[4096];
	const unsigned char		*b = bytes;
	uint64_t			at, c;

	for (at = 0; at < n; at += c) {
		c = n - at;
		if (b == NULL && c > sizeof zeros)
			c = sizeof zeros;
		if (mapping_write(&d->map, off + at, b != NULL ? b + at : zeros,
		    (size_t)c) == -1)
			return (-1);
	}
	return (0);
}

/* Says why a move stopped (rc 1: cancelled) and returns -1. */
static int
doc_failed(struct doc *d, int rc, const char *what, char *err,
    size_t errlen)
{
	if (rc == 1)
		snprintf(err, errlen, "cancelled: nothing changed");
	else
		snprintf(err, errlen, "%s: cannot %s: a page could not be "
		    "read or written (I/O error or disk full)", doc_path(d),
		    what);
	return (-1);
}

int
doc_insert(struct doc *d, uint64_t off, const void *bytes, uint64_t n,
    char *err, size_t errlen)
{
	uint64_t	size = doc_size(d), done, back;
	int		rc = 1;

	d->moved = 0;
	d->shifted = 0;
	if (off > size || n > (uint64_t)INT64_MAX - size) {
		snprintf(err, errlen, "%s: cannot insert at 0x%llx: past the "
		    "end or too large", doc_path(d), (unsigned long long)off);
		return (-1);
	}
	if (n == 0)
		return (0);
	d->gen++;
	doc_wrote(d, off, 0);
	if (!d->no_shift &&
	    (rc = mapping_shift(&d->map, off, n, 1, err, errlen)) == -1)
		return (-1);
	if (rc == 0)
		d->shifted = 1;
	else {
		if (mapping_truncate(&d->map, size + n, err, errlen) == -1)
			return (-1);
		rc = doc_move_up(d, off + n, off, size - off, 1, &done);
		if (rc != 0) {
			/* Puts back the top bytes that moved, then the size. */
			(void)doc_move_down(d, size - done, size - done + n,
			    done, 0, &back);
			(void)mapping_truncate(&d->map, size, err, errlen);
			return (doc_failed(d, rc, "insert", err, errlen));
		}
	}
	if ((bytes != NULL || (!d->shifted && off < size)) &&
	    doc_fill(d, off, bytes, n) == -1)
		return (doc_failed(d, -1, "insert", err, errlen));
	return (0);
}

int
doc_delete(struct doc *d, uint64_t off, uint64_t n, const void *was,
    char *err, size_t errlen)
{
	uint64_t	size = doc_size(d), tail, done, back;
	int		rc = 1;

	d->moved = 0;
	d->shifted = 0;
	if (off > size || n > size - off) {
		snprintf(err, errlen, "%s: cannot delete at 0x%llx: past the "
		    "end", doc_path(d), (unsigned long long)off);
		return (-1);
	}
	if (n == 0)
		return (0);
	tail = size - off - n;
	if (tail > 0 && was == NULL) {
		snprintf(err, errlen, "%s: cannot delete at 0x%llx: the "
		    "bytes to put back on cancel are missing", doc_path(d),
		    (unsigned long long)off);
		return (-1);
	}
	d->gen++;
	doc_wrote(d, off, 0);
	if (tail > 0 && !d->no_shift &&
	    (rc = mapping_shift(&d->map, off, n, 0, err, errlen)) == -1)
		return (-1);
	if (rc == 0) {
		d->shifted = 1;
		return (0);
	}
	if (tail > 0 &&
	    (rc = doc_move_down(d, off, off + n, tail, 1, &done)) != 0) {
		/* Puts back what moved down, then the removed bytes. */
		(void)doc_move_up(d, off + n, off, done, 0, &back);
		(void)doc_fill(d, off, was, n);
		return (doc_failed(d, rc, "delete", err, errlen));
	}
	return (mapping_truncate(&d->map, size - n, err, errlen));
}

uint64_t
doc_block_size(const struct doc *d)
{
	return (mapping_block_size(&d->map));
}

int
doc_create(const char *path, uint64_t size, char *err, size_t errlen)
{
	return (mapping_create(path, size, err, errlen));
}
