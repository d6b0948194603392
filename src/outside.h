/*
 * outside.h: bytes on screen that another process changed.
 *
 * maphex keeps a small snapshot of the bytes it showed (the rows on
 * screen only, at most OUTSIDE_SNAP_MAX bytes, by file offset) and,
 * when the file's stamp says it was modified, compares the snapshot
 * with the bytes there now.  What differs, apart from what maphex
 * wrote itself, is remembered with the time it was seen, and forgotten
 * OUTSIDE_SHOW_MS later.  Times are milliseconds of a clock the caller
 * reads, so that tests can set them.  Nothing here prints or draws;
 * the snapshot is the only copy of file data, and it is small.
 */
#ifndef MAPHEX_OUTSIDE_H
#define MAPHEX_OUTSIDE_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

#define OUTSIDE_SNAP_MAX	65536	/* bytes of the screen remembered */
#define OUTSIDE_SPANS		4	/* spans of the snapshot (windows) */
#define OUTSIDE_MAX		64	/* changed ranges remembered */
#define OUTSIDE_SHOW_MS		3000	/* how long a change is shown */

/* A run of changed bytes and when it was seen. */
struct outside_range {
	uint64_t	off;
	uint64_t	len;
	uint64_t	seen;	/* ms */
};

struct outside {
	unsigned char		*snap;	/* the spans' bytes, one after another */
	size_t			 snapcap;	/* bytes snap can hold */
	uint64_t		 span_off[OUTSIDE_SPANS];
	size_t			 span_len[OUTSIDE_SPANS];
	int			 nspans;
	struct doc_stamp	 stamp;	/* the file when the snapshot was taken */
	int			 stamped;
	struct outside_range	 range[OUTSIDE_MAX];	/* oldest first */
	size_t			 nrange;
};

/* Frees the snapshot and forgets everything; the struct may be reused. */
void	outside_free(struct outside *);

/*
 * Compares old with now, the n bytes at file offset off, and remembers
 * every run of bytes that differ, seen at ms, except those in [skip_lo,
 * skip_hi) (what maphex wrote itself).  Returns the count of bytes
 * remembered.
 */
uint64_t outside_note(struct outside *, uint64_t off, const unsigned char *old,
	    const unsigned char *now, size_t n, uint64_t skip_lo,
	    uint64_t skip_hi, uint64_t ms);

/*
 * Remembers [off, off + len) as changed at ms.  A range it touches or
 * overlaps grows to take it in and is seen again; when all
 * OUTSIDE_MAX are in use the oldest is forgotten.
 */
void	outside_add(struct outside *, uint64_t off, uint64_t len, uint64_t ms);

/* Forgets the ranges seen OUTSIDE_SHOW_MS or more before ms; 1 if any. */
int	outside_expire(struct outside *, uint64_t ms);

/* 1 if the byte at off is in a remembered range, else 0. */
int	outside_has(const struct outside *, uint64_t off);

/*
 * Returns how many bytes the remembered ranges hold, and the lowest
 * offset among them in *first (when not NULL and the count is not 0).
 */
uint64_t outside_count(const struct outside *, uint64_t *first);

/*
 * Takes a new snapshot of the n spans (offset and length, at most
 * OUTSIDE_SPANS, cut at the document's end and at OUTSIDE_SNAP_MAX
 * bytes in all) with the stamp st.  A span that cannot be read is left
 * out.  0, or -1 when out of memory (then there is no snapshot).
 */
int	outside_take(struct outside *, const struct doc *,
	    const struct doc_stamp *st, const uint64_t *off,
	    const uint64_t *len, int n);

/*
 * Compares the snapshot with the document's bytes now, as
 * outside_note() does; spans past the end are compared as far as the
 * document reaches.  Returns the count of changed bytes remembered.
 */
uint64_t outside_compare(struct outside *, const struct doc *,
	    uint64_t skip_lo, uint64_t skip_hi, uint64_t ms);

/*
 * 1 if the snapshot holds exactly the n spans (cut as outside_take()
 * cuts them), else 0: the screen moved and needs a new one.
 */
int	outside_covers(const struct outside *, const struct doc *,
	    const uint64_t *off, const uint64_t *len, int n);

#endif
