/*
 * doc.h: the document, the bytes of one open file as the rest of
 * maphex sees them.
 *
 * A document owns one mapping and is the only way above the mapping
 * layer to reach its bytes: size, guarded reads and writes of a span,
 * a span's address for scans, resize and move (what insert and delete
 * are built from), and the save-side calls the journal makes.  It keeps
 * a generation number that changes whenever the bytes move to a new
 * address or a new size (a remap), so that a long scan can tell that
 * what it was reading is gone and stop instead of reading stale bounds.
 * A stamp (the file's modification time) and the span of the bytes
 * maphex wrote since it last asked let the session tell bytes another
 * process changed from its own.
 * The fields are private to doc.c; tests may read them.  Functions that
 * can fail return -1 and write a one-line reason, naming the path, into
 * err (errlen bytes); nothing here prints, exits or knows the screen.
 */
#ifndef MAPHEX_DOC_H
#define MAPHEX_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "mapping.h"

/* Bytes a size change moves at a time, between progress calls. */
#define DOC_CHUNK	((size_t)4 << 20)

struct doc {
	struct mapping	map;
	uint64_t	gen;	/* changes at every remap */
	/* Size changes: see doc_insert() and doc_delete(). */
	size_t		chunk;		/* 0: DOC_CHUNK; tests shrink it */
	int		no_shift;	/* never use fallocate (benchmarks) */
	uint64_t	moved;		/* bytes the last one moved */
	int		shifted;	/* the last one used fallocate */
	int		(*progress)(void *, uint64_t, uint64_t);
	void		*progress_arg;
	/* The span maphex itself wrote since doc_take_written(). */
	uint64_t	wrote_lo, wrote_hi;	/* hi 0: nothing */
};

/* The file as last looked at, to tell when another process changed it. */
struct doc_stamp {
	uint64_t	dev, ino;	/* which file */
	uint64_t	mtime;		/* modified, in nanoseconds */
	uint64_t	gen;		/* doc_generation() */
};

/*
 * Opens path in mode (see mapping_open(); MAPPING_AUTO picks direct or
 * read-only).  Returns 0, or -1 with a reason and a hint in err.
 */
int	doc_open(struct doc *, const char *path, enum mapping_mode,
	    char *err, size_t errlen);

/*
 * Opens the anonymous file fd (a memfd), taking fd over, as name; see
 * mapping_open_anon() for mode and note.  0, or -1 with err (fd closed).
 */
int	doc_open_anon(struct doc *, int fd, const char *name, enum mapping_mode,
	    const char *note, char *err, size_t errlen);

/*
 * Maps the document again in another mode (see mapping_set_mode()):
 * an anonymous file that was read-only while it filled becomes
 * editable.  0, or -1 with err and the document as it was.
 */
int	doc_set_mode(struct doc *, enum mapping_mode, char *err,
	    size_t errlen);

/*
 * 1 when no path names the bytes (a copy of stdin or of a /proc file
 * in an anonymous file): saving them needs a name (save as).
 */
int	doc_anonymous(const struct doc *);

/*
 * Makes a new sparse file of size bytes at path (see mapping_create());
 * refuses a path that exists.  0, or -1 with a reason in err.
 */
int	doc_create(const char *path, uint64_t size, char *err, size_t errlen);

/* Unmaps and closes; safe on a closed document. */
void	doc_close(struct doc *);

/* The number of bytes that can be read now (0 for an empty file). */
uint64_t doc_size(const struct doc *);

/* The mode the document was opened in; never MAPPING_AUTO. */
enum mapping_mode doc_mode(const struct doc *);

/* The path as given; owned by the document. */
const char *doc_path(const struct doc *);

/* Why write access was lost, or "" when it was not. */
const char *doc_note(const struct doc *);

/* 1 if the file was opened for writing (a preview can save), else 0. */
int	doc_can_save(const struct doc *);

/* 1 for a block device (its size cannot change), else 0. */
int	doc_blockdev(const struct doc *);

/* A number that changes whenever the mapping is redone. */
uint64_t doc_generation(const struct doc *);

/*
 * Copies len bytes at off into buf.  Returns 0, or -1 if the span is
 * outside the document or a page cannot be read (SIGBUS).
 */
int	doc_read(const struct doc *, uint64_t off, void *buf, size_t len);

/*
 * Copies buf into the document at off.  Returns 0, or -1 in read-only
 * mode, outside the document, or on SIGBUS.  Only the journal should
 * call this: a write that bypasses it cannot be undone or saved.
 */
int	doc_write(struct doc *, uint64_t off, const void *buf, size_t len);

/*
 * Returns the address of the len bytes at off for a scan, or NULL when
 * the span is outside.  The address is good while doc_generation()
 * stays the same; reads of it must run under guard_call().
 */
const unsigned char *doc_span(const struct doc *, uint64_t off,
	    size_t len);

/*
 * Fills *st with what the file is now (one fstat).  Two stamps that
 * differ mean the file may have changed.  0, or -1 with errno set.
 */
int	doc_stamp(const struct doc *, struct doc_stamp *st);

/* 1 if the two stamps name the same file (device and inode), else 0. */
int	doc_stamp_same_file(const struct doc_stamp *, const struct doc_stamp *);

/*
 * Returns 1 and the span [*lo, *hi) that covers every byte maphex wrote
 * or moved (writes, moves, size changes, a preview's reload) since the
 * last call, or 0 if it wrote nothing; either way it starts again.
 */
int	doc_take_written(struct doc *, uint64_t *lo, uint64_t *hi);

/*
 * Re-reads the size of the file and maps it again if it changed.
 * Returns 0 if nothing changed, 1 if the size changed, -1 on error.  A
 * preview's private pages are dropped by a remap.
 */
int	doc_refresh(struct doc *, char *err, size_t errlen);

/* Maps the file again at its current size, dropping private pages. */
int	doc_reload(struct doc *, char *err, size_t errlen);

/* Puts the file's size now (which may differ from doc_size()) in *size. */
int	doc_file_size(const struct doc *, uint64_t *size);

/*
 * Changes the file's size to size bytes (truncating or extending with
 * zeros) and maps it again.  Direct mode only (a preview must not
 * touch the file; block devices have a fixed size).  0, or -1 with err.
 */
int	doc_resize(struct doc *, uint64_t size, char *err, size_t errlen);

/*
 * Moves len bytes from src to dst inside the document; the spans may
 * overlap.  With doc_resize() this is what insert and delete are made
 * of.  0, or -1 (read-only, outside, SIGBUS).
 */
int	doc_move(struct doc *, uint64_t dst, uint64_t src, uint64_t len);

/*
 * Sets what doc_insert() and doc_delete() call between the chunks they
 * move, with the bytes moved and the total: a nonzero return cancels
 * the change, which then puts back what it moved.  The callback may
 * only paint.  NULL turns it off.
 */
void	doc_set_progress(struct doc *,
	    int (*fn)(void *arg, uint64_t done, uint64_t total), void *arg);

/*
 * Makes the file n bytes longer by inserting at off (at most the size):
 * the bytes from off on move n bytes up, in chunks through the mapping,
 * and bytes (or zeros when NULL) fill the gap.  Where off and n are
 * multiples of the file system's block size, fallocate(2) inserts the
 * gap instead and nothing moves.  Direct mode only.  Returns 0, or -1
 * with err and the file as it was (also when cancelled: err then
 * starts with "cancelled").
 */
int	doc_insert(struct doc *, uint64_t off, const void *bytes, uint64_t n,
	    char *err, size_t errlen);

/*
 * Removes the n bytes at off: the bytes after them move n bytes down,
 * in chunks, and the file becomes n bytes shorter (fallocate when block
 * aligned, as above).  was must hold the n bytes being removed, so
 * that a cancel can put them back; it may be NULL only when the bytes
 * end at the end of the file (nothing moves).  Returns as doc_insert().
 */
int	doc_delete(struct doc *, uint64_t off, uint64_t n, const void *was,
	    char *err, size_t errlen);

/* The file system's block size: what fallocate's shifts align to. */
uint64_t doc_block_size(const struct doc *);

/*
 * Finds the data at or after pos, skipping holes: see
 * mapping_next_data().  0, 1 (no more data), or -1 (cannot tell).
 */
int	doc_next_data(const struct doc *, uint64_t pos, uint64_t *data,
	    uint64_t *hole);

/* Hints the kernel: sequential != 0 for scans, 0 for browsing. */
void	doc_advise(const struct doc *, int sequential);

/* Releases the pages a scan passed: see mapping_release(). */
void	doc_release(const struct doc *, uint64_t off, uint64_t len);

/* Evicts clean cached pages before a first store: see mapping_evict(). */
void	doc_evict(const struct doc *, uint64_t off, uint64_t len);

/* msync(MS_SYNC) of the pages holding [off, off+len).  0, or -1 with err. */
int	doc_sync(struct doc *, uint64_t off, uint64_t len, char *err,
	    size_t errlen);

/* Writes buf to the file at off (pwrite): 0, or -1 with errno. */
int	doc_pwrite(struct doc *, uint64_t off, const void *buf, size_t len);

/* Reads the file itself (not a preview's pages): see mapping_pread(). */
size_t	doc_pread(const struct doc *, uint64_t off, void *buf, size_t len);

/* fsync(2) of the file: 0, or -1 with errno. */
int	doc_fsync(struct doc *);

/*
 * What the document's path names now: MAPPING_PATH_SAME, _REPLACED
 * (another file is there: edits go to the one maphex has open, which
 * nothing names any more) or _GONE (deleted).
 */
int	doc_path_state(const struct doc *);

/* 1 if path names the open file itself (its device and inode), else 0. */
int	doc_same_file(const struct doc *, const char *path);

/* 1 if path would land on the document's file system, else 0. */
int	doc_same_fs(const struct doc *, const char *path);

/* 1 if reading changes the file's access time (O_NOATIME refused). */
int	doc_atime(const struct doc *);

#endif
