/*
 * dirty.h: the set of byte ranges changed since the last save.
 *
 * The set holds disjoint ranges that never touch, in offset order: two
 * ranges that would be adjacent or overlap are merged.  Finding,
 * adding and dropping a range cost O(log n) in the number of ranges
 * (a balanced tree, see dirty.c), so typing in random order costs
 * what typing in order does.  Each range keeps
 * two copies of its bytes, the saved ones (as of the last save) and the
 * current ones, so a byte inside a range is unsaved exactly when the two
 * differ.  A range may hold a few bytes that were written back to their
 * saved value; a range whose bytes all equal their saved value is
 * dropped.  Memory grows with the bytes changed, never with the file.
 *
 * This module knows nothing of mappings, files or undo: journal.c feeds
 * it every change and reads the ranges through dirty_at(); only dirty.c
 * changes them.  Nothing here prints or exits.
 */
#ifndef MAPHEX_DIRTY_H
#define MAPHEX_DIRTY_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct dirty_range {
	uint64_t	 off;
	size_t		 len;
	size_t		 cap;		/* bytes allocated in saved and cur */
	size_t		 ndiff;		/* bytes where saved != cur */
	unsigned char	*saved;		/* the bytes as of the last save */
	unsigned char	*cur;		/* the bytes as they are now */
};

struct dirty_node;

struct dirty {
	struct dirty_node	*root;	/* see dirty.c */
	size_t			 n;	/* ranges */
	uint64_t		 ndiff;	/* sum of the ranges' ndiff */
	uint32_t		 seed;	/* for the tree's priorities */
};

/* Frees every range and leaves an empty set; safe on a zeroed set. */
void	dirty_clear(struct dirty *);

/*
 * Records that [off, off+len) now holds bytes; before holds what was
 * there just before the change, which becomes the saved value of any
 * byte not yet in a range.  Returns 0, or -1 (ENOMEM) with the set
 * unchanged.
 */
int	dirty_apply(struct dirty *, uint64_t off, size_t len,
	    const unsigned char *before, const unsigned char *bytes);

/*
 * Returns range i (0 is the lowest), or NULL when i >= n; O(log n).
 * The pointer stays valid until the set next changes.
 */
struct dirty_range *dirty_at(const struct dirty *, size_t i);

/*
 * Returns the n ranges in order, in an array the caller frees, or NULL
 * when out of memory; O(n), for a walk over every range.
 */
struct dirty_range **dirty_list(const struct dirty *);

/* Returns the index of the range holding off, or -1 if none does. */
ssize_t	dirty_find(const struct dirty *, uint64_t off);

/* Returns 1 if any range overlaps [off, off+len), else 0; O(log n). */
int	dirty_overlaps(const struct dirty *, uint64_t off, uint64_t len);

/* Returns 1 if the byte at off differs from its saved value, else 0. */
int	dirty_is_dirty(const struct dirty *, uint64_t off);

/*
 * Copies the current bytes of [off, off+len) into buf.  Returns 0, or
 * -1 if the span is not wholly inside one range.
 */
int	dirty_copy_cur(const struct dirty *, uint64_t off, size_t len,
	    unsigned char *buf);

/*
 * Overwrites each byte of buf (the len bytes from off) that lies in a
 * range with its saved value; leaves the others as they are.
 */
void	dirty_copy_saved(const struct dirty *, uint64_t off, size_t len,
	    unsigned char *buf);

/* Likewise with the current values. */
void	dirty_copy_cur_over(const struct dirty *, uint64_t off, size_t len,
	    unsigned char *buf);

/*
 * Makes byte the saved and the current value of the byte at off, if it
 * lies in a range: another program wrote it, so it is no longer an
 * unsaved change of maphex's.  A range left with no unsaved byte is
 * dropped.
 */
void	dirty_adopt(struct dirty *, uint64_t off, unsigned char byte);

/*
 * The bytes [off, off+del) were cut out of the file and ins bytes put
 * in their place: drops what the ranges held there, moves the ranges
 * past it by ins - del, and leaves [off, off+ins) in no range.  O(n)
 * in the ranges and their bytes.  Returns 0, or -1 (ENOMEM) with the
 * set unchanged.
 */
int	dirty_splice(struct dirty *, uint64_t off, uint64_t del,
	    uint64_t ins);

/* Returns the offset of the first unsaved byte of range i. */
uint64_t dirty_first_diff(const struct dirty *, size_t i);

#endif
