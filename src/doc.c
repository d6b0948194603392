/*
 * doc.c: the document over one mapping.
 *
 * Most calls pass straight to the mapping layer; what this file adds is
 * the generation count that tells a scan its mapping was redone, and
 * one place where the rest of maphex asks about the bytes, so that the
 * mapping's base pointer and descriptor stay inside mapping.c.  It must
 * not keep a copy of file data, print, or know about edits.
 */
#include "config.h"

#include <sys/stat.h>

#include "doc.h"

#include <string.h>

int
doc_open(struct doc *d, const char *path, enum mapping_mode mode,
    char *err, size_t errlen)
{
	memset(d, 0, sizeof *d);
	d->map.fd = -1;
	return (mapping_open(&d->map, path, mode, err, errlen));
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

int
doc_write(struct doc *d, uint64_t off, const void *buf, size_t len)
{
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
	return (mapping_truncate(&d->map, size, err, errlen));
}

int
doc_move(struct doc *d, uint64_t dst, uint64_t src, uint64_t len)
{
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
