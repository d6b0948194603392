/*
 * mapping.h: one file or block device mapped whole into memory.
 *
 * The mapping layer opens a path, sizes it, maps it in one of the three
 * modes, remaps it when its size changes, and flushes, writes back,
 * fsyncs and truncates it.  It knows nothing of edits or screens.  It is
 * the only user of the base pointer and the descriptor: everything else
 * reaches the bytes through the document (doc.h), which calls the
 * functions here.  The fields of struct mapping may be read by doc.c
 * and by tests; nothing else touches them.  Functions that can fail
 * return -1 and write a one-line reason, naming the path, into err
 * (errlen bytes); they never print or exit.
 */
#ifndef MAPHEX_MAPPING_H
#define MAPHEX_MAPPING_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum mapping_mode {
	MAPPING_READONLY,	/* O_RDONLY, MAP_SHARED, PROT_READ */
	MAPPING_PREVIEW,	/* MAP_PRIVATE: edits stay in private pages */
	MAPPING_DIRECT,		/* O_RDWR, MAP_SHARED: edits hit the file */
	MAPPING_AUTO		/* mapping_open() only: direct if writable */
};

struct mapping {
	char			*path;
	int			 fd;
	enum mapping_mode	 mode;
	int			 writable;	/* fd is O_RDWR */
	int			 blockdev;
	uint64_t		 size;
	unsigned char		*base;		/* NULL when size is 0 */
	size_t			 maplen;
	char			 note[256];	/* why write access was lost */
	int			 atime;		/* O_NOATIME was refused */
	int			 anon;		/* a descriptor no path names */
	dev_t			 dev;		/* what path named at open */
	ino_t			 ino;
};

/* What the path names now, next to the object that is open. */
enum {
	MAPPING_PATH_SAME,	/* the same file */
	MAPPING_PATH_REPLACED,	/* another file (mv, cp over a rename) */
	MAPPING_PATH_GONE	/* nothing: the file was deleted */
};

/* Returns the status-line word of a mode: READ-ONLY, PREVIEW, DIRECT. */
const char	*mapping_mode_name(enum mapping_mode);

/*
 * Opens path and maps it in mode.  MAPPING_AUTO opens direct, or
 * read-only when the file (or a read-only block device) cannot be
 * opened or mapped for writing; a preview of such a file stays a
 * preview that cannot save.  Either way note says why.  MAPPING_DIRECT
 * asked for explicitly fails instead.  Missing paths, directories,
 * FIFOs, sockets and character devices fail with a reason and a hint.
 * m->mode is never MAPPING_AUTO afterwards.
 */
int	mapping_open(struct mapping *, const char *path, enum mapping_mode,
	    char *err, size_t errlen);

/*
 * Maps the object fd refers to (an anonymous file: a memfd; or a
 * regular file or block device handed over as a descriptor: stdin) in
 * mode, taking fd over: it is closed by mapping_close(), or here on
 * failure.
 * name is what messages call it ("(stdin)"); no path names the object,
 * so it is never found replaced or deleted.  MAPPING_AUTO maps direct
 * when fd is open for writing.  note, when not "", says why the
 * mapping is read-only (as mapping_open() does when it loses write
 * access).  Returns 0, or -1 with err.
 */
int	mapping_open_anon(struct mapping *, int fd, const char *name,
	    enum mapping_mode, const char *note, char *err, size_t errlen);

/*
 * Maps the object again in mode (not MAPPING_AUTO) and clears the
 * note: how an anonymous file that was read-only while it was filled
 * becomes editable.  Refused (-1 with err) when the descriptor is not
 * open for writing and mode is not MAPPING_READONLY; the mapping is
 * then left as it was.
 */
int	mapping_set_mode(struct mapping *, enum mapping_mode, char *err,
	    size_t errlen);

/* Unmaps and closes; safe on a zeroed or already closed mapping. */
void	mapping_close(struct mapping *);

/* Re-reads the size of the object.  Returns it, or -1 on error. */
int	mapping_stat_size(const struct mapping *, uint64_t *size,
	    char *err, size_t errlen);

/*
 * Puts the object's modification time, in nanoseconds, in *ns (fstat).
 * Returns 0, or -1 with errno set.
 */
int	mapping_mtime(const struct mapping *, uint64_t *ns);

/*
 * Re-reads the size and maps again if it changed.  Returns 0 if nothing
 * changed, 1 if the size changed and the mapping was redone, -1 on
 * error.  In preview mode a remap drops the private pages.
 */
int	mapping_refresh(struct mapping *, char *err, size_t errlen);

/* Maps the object again at its current size, dropping private pages. */
int	mapping_remap(struct mapping *, char *err, size_t errlen);

/*
 * Copies len bytes at off into buf.  Returns 0, or -1 if the range is
 * outside the mapping or a page could not be read (SIGBUS).
 */
int	mapping_read(const struct mapping *, uint64_t off, void *buf,
	    size_t len);

/*
 * Copies len bytes from buf into the mapping at off.  Returns 0, or -1
 * in read-only mode, outside the mapping, or on SIGBUS.
 */
int	mapping_write(struct mapping *, uint64_t off, const void *buf,
	    size_t len);

/*
 * Moves len bytes inside the mapping from src to dst (the spans may
 * overlap).  Returns 0, or -1 in read-only mode, outside the mapping,
 * or on SIGBUS.
 */
int	mapping_move(struct mapping *, uint64_t dst, uint64_t src,
	    uint64_t len);

/* msync(MS_SYNC) of the pages that hold [off, off+len).  0 or -1. */
int	mapping_sync(struct mapping *, uint64_t off, uint64_t len,
	    char *err, size_t errlen);

/* Hints the kernel: sequential != 0 for scans, 0 for browsing. */
void	mapping_advise(const struct mapping *, int sequential);

/*
 * Lets go of the whole pages in [off, off+len) that a scan has passed
 * (MADV_DONTNEED), so that a scan of a big file keeps little resident.
 * Only for shared mappings, where the bytes stay in the page cache
 * (dirty ones too): a preview's private pages would be lost, so in
 * preview mode it does nothing.
 */
void	mapping_release(const struct mapping *, uint64_t off, uint64_t len);

/*
 * Direct mode only: drops the clean cached pages of [off, off+len) from
 * the mapping and the page cache, so that the next store faults in a
 * single page.  A recently written file stays cached in large folios
 * (up to MiBs); a store into one dirties all of it, and msync writes
 * all of it back.  Dirty pages are left alone by the kernel; nothing of
 * the file's content changes.
 */
void	mapping_evict(const struct mapping *, uint64_t off, uint64_t len);

/*
 * Returns a pointer to the len mapped bytes at off, or NULL when the
 * span is not wholly inside the mapping.  The pointer is good until the
 * next remap; touching it may raise SIGBUS, so callers read it under
 * guard_call().
 */
const unsigned char *mapping_span(const struct mapping *, uint64_t off,
	    size_t len);

/*
 * Writes len bytes of buf to the file itself at off (pwrite, whole,
 * SIGXFSZ ignored meanwhile so that a file size limit is EFBIG).
 * Returns 0, or -1 with errno set; err is left to the caller.
 */
int	mapping_pwrite(struct mapping *, uint64_t off, const void *buf,
	    size_t len);

/*
 * Reads up to len bytes of the file itself at off (pread, not the
 * mapping: a preview's private pages are not seen).  Returns the
 * number read, 0 at the end or on error.
 */
size_t	mapping_pread(const struct mapping *, uint64_t off, void *buf,
	    size_t len);

/* fsync(2) of the descriptor.  0, or -1 with errno set. */
int	mapping_fsync(struct mapping *);

/*
 * Truncates or extends the file to size bytes and maps it again.
 * Direct mode only: refused for block devices, in read-only mode, and
 * in preview mode, which must not touch the file before a save.  0, or
 * -1 with err.
 */
int	mapping_truncate(struct mapping *, uint64_t size, char *err,
	    size_t errlen);

/*
 * Inserts (insert != 0) a hole of len zero bytes at off, or removes
 * the len bytes at off, in the file itself with fallocate(2)
 * (FALLOC_FL_INSERT_RANGE, FALLOC_FL_COLLAPSE_RANGE), then maps it
 * again.  Only where off and len are multiples of the file system's
 * block size and off lies before the end (a collapse must also end
 * before it).  Direct mode only.  Returns 0 when done, 1 when the
 * file system or the alignment does not allow it (nothing changed:
 * move the bytes instead), -1 on error with err.
 */
int	mapping_shift(struct mapping *, uint64_t off, uint64_t len,
	    int insert, char *err, size_t errlen);

/*
 * Makes a new file at path, size bytes long and sparse: seeks to
 * size - 1 and writes one zero there (nothing for size 0).  Refuses a
 * path that exists.  0, or -1 with a one-line reason in err (and no
 * file left behind).
 */
int	mapping_create(const char *path, uint64_t size, char *err,
	    size_t errlen);

/* The file system's block size for the open object (st_blksize). */
uint64_t mapping_block_size(const struct mapping *);

/*
 * Finds the data extent at or after pos (SEEK_DATA, SEEK_HOLE): sets
 * *data and *hole (the end of that data).  Returns 0, 1 when there is
 * no data from pos to the end of the file, or -1 where holes cannot be
 * asked about (block devices, file systems without SEEK_DATA).
 */
int	mapping_next_data(const struct mapping *, uint64_t pos,
	    uint64_t *data, uint64_t *hole);

/*
 * Compares what the path names now with the object that is open.
 * Returns a MAPPING_PATH_ value; an error other than a missing path
 * counts as the same file.
 */
int	mapping_path_state(const struct mapping *);

/*
 * Returns 1 if path (or, when it does not exist, its directory) lies on
 * the file system of the open object, else 0.
 */
int	mapping_same_fs(const struct mapping *, const char *path);

#endif
