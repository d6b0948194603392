/*
 * journal.h: every change to the bytes of a mapped file.
 *
 * The journal writes into the document, keeps the undo/redo history (per
 * step: offset, old bytes, new bytes) and the set of dirty ranges (bytes
 * changed since the last save, with their saved and current values),
 * and saves or discards per mode:
 *
 *  - direct: a write lands in the shared mapping, so in the file's pages
 *    at once; save is msync(MS_SYNC) of the dirty pages only; discard
 *    writes the saved bytes back and msyncs them.  Another program may
 *    write the same file: a byte whose value is not the one maphex
 *    wrote is theirs, and undo, discard and save leave it alone;
 *  - preview: a write lands in private copy-on-write pages; save pwrites
 *    only the dirty ranges, from the journal's own copy of the current
 *    bytes, and fsyncs; discard drops the private pages;
 *  - read-only: every write is refused.
 *
 * A byte is unsaved (dirty) when its current value differs from its
 * value at the last save (or at open, before the first save); writing a
 * byte's saved value back makes it clean again.  Memory grows with the
 * bytes changed, never with the file size.  Undo works across a save:
 * an undo after a save is a new unsaved change.  A failed save keeps
 * every edit and can be retried; a preview save that wrote some ranges
 * before failing says so, and a discard puts those ranges back.  Saving writes with SIGXFSZ ignored
 * (restored afterwards), so exceeding `ulimit -f` is an EFBIG error, not
 * death.  Functions that can fail return -1 and put a one-line reason,
 * naming the path, in err (errlen bytes); nothing here prints or exits.
 */
#ifndef MAPHEX_JOURNAL_H
#define MAPHEX_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

struct journal;

/*
 * Returns a journal with no history and nothing dirty for d, which it
 * uses but does not own: d must outlive it.  NULL when out of memory.
 */
struct journal	*journal_new(struct doc *d);

/* Frees the journal and its history; leaves the mapping as it is. */
void		 journal_free(struct journal *);

/*
 * Overwrites len bytes at off with buf as one undo step and clears the
 * redo list.  The range must lie inside the mapping.  Returns 0, or -1
 * (read-only mode, out of range, unreadable page, no memory) with
 * nothing changed.  The journal keeps its own copy of buf.
 */
int	journal_write(struct journal *, uint64_t off, const void *buf,
	    size_t len, char *err, size_t errlen);

/*
 * Like journal_write() with the patlen bytes of pat repeated over len
 * bytes.  The step keeps the pattern, not len bytes of it, so a fill
 * costs the history only the bytes it replaced.
 */
int	journal_fill(struct journal *, uint64_t off, size_t len,
	    const unsigned char *pat, size_t patlen, char *err,
	    size_t errlen);

/*
 * Writes the len bytes of buf at each of the n offsets in off (in
 * increasing order, the spans not overlapping, all inside the mapping)
 * as one undo step: a replace-all that one undo takes back whole.
 * Returns 0, or -1 with nothing changed (as journal_write(), or
 * cancelled through the progress callback).
 */
int	journal_write_at(struct journal *, const uint64_t *off, size_t n,
	    const void *buf, size_t len, char *err, size_t errlen);

/*
 * The history's cap: when its steps hold more than this many bytes (old
 * and new bytes, and their bookkeeping), the oldest steps are let go,
 * down to three quarters of the cap, never the newest step nor one that
 * is undone.  Old bytes a step lends from the dirty set (see journal.c)
 * count once the step takes its own copy, at the latest at a save.
 * The default is JOURNAL_HISTORY_MAX.
 */
#define JOURNAL_HISTORY_MAX	((uint64_t)256 << 20)
void	journal_set_history_max(struct journal *, uint64_t bytes);

/*
 * A write of at least this many bytes over bytes with no unsaved change
 * keeps no copy of its new bytes while nothing else changes them: the
 * dirty set has them (see journal.c).  Tests make it small.
 */
#define JOURNAL_LEND_AFTER	((size_t)64 << 10)
void	journal_set_lend_min(struct journal *, size_t bytes);

/*
 * Puts the saved values back into [off, off+len) as one new step (a
 * byte with no unsaved change keeps its value).  Refused, with a reason
 * in err, once the size has changed since the save.  0, or -1.
 */
int	journal_revert(struct journal *, uint64_t off, size_t len, char *err,
	    size_t errlen);

/* Returns the bytes the history's steps hold now. */
uint64_t journal_history(const struct journal *);

/*
 * Returns how many of the oldest steps were let go since the last call
 * (so that the caller can say so), and starts counting again.
 */
uint64_t journal_take_dropped(struct journal *);

/*
 * Undoes the last step.  Returns 1 with *off the start of what changed,
 * 0 if there is nothing to undo, or -1 with the step still counted as
 * applied (a step holds absolute bytes, so retrying is safe).
 */
int	journal_undo(struct journal *, uint64_t *off, char *err,
	    size_t errlen);

/*
 * Redoes the last undone step; returns as journal_undo().  With nothing
 * to redo right after an undo-all, it takes the undo-all back instead
 * (and forgets it), so the changes it undid come back.
 */
int	journal_redo(struct journal *, uint64_t *off, char *err,
	    size_t errlen);

/*
 * Restores every unsaved byte to its saved value, as one new step that
 * can itself be undone (or redone away, see journal_redo()).  Returns 1 with *off the first byte that
 * changed, 0 if nothing was unsaved, or -1.
 */
int	journal_undo_all(struct journal *, uint64_t *off, char *err,
	    size_t errlen);

/*
 * Makes the current bytes the saved ones (see above for each mode) and
 * empties the dirty set; the history stays.  Returns 0 (also when
 * nothing was unsaved or the mode is read-only), or -1 with every edit
 * kept, e.g. for a preview whose file was opened read-only, a full
 * disk, EFBIG or an I/O error; it can then be retried.
 */
int	journal_save(struct journal *, char *err, size_t errlen);

/*
 * Throws the unsaved changes away so the file and the mapping hold the
 * saved bytes: a preview maps the file again, direct mode writes the
 * saved bytes back and msyncs them.  The history is cut back to the
 * last save, or emptied if undo can no longer reach it.  Returns 0, or
 * -1 with the dirty set and history kept, so that discard or save can
 * be retried.
 */
int	journal_discard(struct journal *, char *err, size_t errlen);

/*
 * After the document was mapped again (doc_refresh() returned 1), writes
 * the current bytes of every dirty range that lies inside the new
 * mapping back into it, as a remap drops a preview's private pages.
 * *lost gets the number of unsaved bytes now past the end; they are
 * kept, and journal_save() writes them too, extending the file.
 * Returns 0, or -1 if the mapping could not be written.
 */
int	journal_reapply(struct journal *, uint64_t *lost, char *err,
	    size_t errlen);

/*
 * Returns the number of unsaved bytes that lie past the end of the
 * document, which shrank under them.
 */
uint64_t journal_past_end(const struct journal *);

/*
 * Forgets the unsaved bytes past the end of the document: they take
 * their saved values, so a save no longer extends the file for them.
 * The history stays (redo may bring them back).  0, or -1 (no memory).
 */
int	journal_drop_past_end(struct journal *, char *err, size_t errlen);

/*
 * Sets what is called between the pieces (a MiB each) of a big write,
 * undo, redo or undo-all, with the pieces done and their total: a
 * nonzero return cancels the step, which then changes nothing and
 * fails with "cancelled".  NULL turns it off.
 */
void	journal_set_progress(struct journal *,
	    int (*fn)(void *arg, uint64_t done, uint64_t total), void *arg);

/*
 * Returns how many bytes the last undo, redo, undo-all, save or
 * discard left alone because another program had changed them: a byte
 * whose value is not the one maphex wrote belongs to whoever wrote it.
 */
uint64_t journal_kept(const struct journal *);

/*
 * Preview mode: returns how many unsaved bytes' places in the file no
 * longer hold what they held when maphex read them (another program
 * wrote there), so that a save can ask before overwriting them.
 */
uint64_t journal_changed_on_disk(const struct journal *);

/* Returns 1 if the byte at off is unsaved, else 0; O(log ranges). */
int	journal_is_dirty(const struct journal *, uint64_t off);

/* Returns the number of unsaved bytes. */
uint64_t journal_unsaved(const struct journal *);

/* Return 1 if there is a step to undo (redo), else 0. */
int	journal_can_undo(const struct journal *);
int	journal_can_redo(const struct journal *);

/*
 * Returns the number of dirty ranges, and with journal_range() the
 * offset and length of range i (in offset order; 0, or -1 when i is out
 * of bounds).  Ranges never touch: adjacent changes merge.  A range may
 * include bytes written back to their saved value.
 */
size_t	journal_nranges(const struct journal *);
int	journal_range(const struct journal *, size_t i, uint64_t *off,
	    uint64_t *len);

/*
 * Like journal_write, but when the last step wrote exactly [off,
 * off+len) and nothing was saved or undone since, changes that step's
 * bytes instead of adding one: the second hex digit of a byte amends
 * the step its first digit made.  An insert of exactly [off, off+len)
 * is amended the same way (a byte typed in insert mode).  0 / -1.
 */
int	journal_amend(struct journal *, uint64_t off, const void *buf,
	    size_t len, char *err, size_t errlen);

/*
 * Truncates the file to size bytes (direct mode, nothing unsaved) and
 * forgets the undo history, which may name bytes past the new end.
 * 0 / -1.
 */
int	journal_truncate(struct journal *, uint64_t size, char *err,
	    size_t errlen);

/*
 * Size changes, direct mode only (preview and read-only mode refuse
 * with a reason, as do block devices).  Each is one undo step: an
 * insert undoes as a delete and back.  The bytes after the change move
 * through the mapping in chunks (see doc_insert()), or not at all where
 * fallocate(2) can shift block-aligned ranges; the progress callback
 * (journal_set_progress()) is asked between chunks and a cancel puts
 * back what moved.  The dirty ranges past the change move with it.
 * Once the size changed, undo-all and discard walk the history back to
 * the last save (undo-all as several steps, which redo brings back);
 * they fail, changing nothing, when the cap let go of steps since it.
 * Each returns 0, or -1 with err and nothing changed.
 */

/*
 * Inserts n bytes at off (at most the size): bytes, or zeros when NULL.
 * Bytes kept for redo count against the history cap, which refuses an
 * insert of more than it; zeros at the end (an extend) keep nothing.
 */
int	journal_insert(struct journal *, uint64_t off, const void *bytes,
	    uint64_t n, char *err, size_t errlen);

/* Deletes the n bytes at off, keeping them for undo (at most the cap). */
int	journal_delete(struct journal *, uint64_t off, uint64_t n, char *err,
	    size_t errlen);

/* Extends the file with zeros, or deletes its tail, to size bytes. */
int	journal_resize(struct journal *, uint64_t size, char *err,
	    size_t errlen);

/*
 * Copies the n bytes at src over the n bytes at dst, as memmove(3) does
 * (the spans may overlap), as one overwrite step; both spans must lie
 * inside the file, and n be at most half the history cap.
 */
int	journal_move(struct journal *, uint64_t dst, uint64_t src,
	    uint64_t n, char *err, size_t errlen);

#endif
