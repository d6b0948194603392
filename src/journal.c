/*
 * journal.c: writes into the mapping, undo/redo, save and discard.
 *
 * A step is a list of pieces, each an offset with the bytes before and
 * after; a write is one piece, an undo-all one piece per dirty range.
 * Applying a piece reads what is there now, writes the mapping and then
 * tells the dirty set (dirty.c), so the set always knows every byte's
 * saved and current value.  Steps hold absolute bytes, so applying one
 * twice is harmless and a half-applied step can simply be retried.
 *
 * Bytes past the end of a mapping that shrank live only in the dirty
 * set until a save writes them out.  This file owns no copy of file
 * data besides those sets; it must not print, exit or know the screen.
 */
#include "config.h"

#include "journal.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dirty.h"

/* Bytes of one piece: big changes are steps of many, between which
 * progress is shown and cancel asked. */
#define JOURNAL_PIECE	(1u << 20)
/*
 * A window of the largest page-cache folio; stores up to EVICT_MAX
 * bytes prepare one (journal_prepare), while fewer than EVICT_RANGES
 * ranges are unsaved.
 */
#define JOURNAL_EVICT_WINDOW	((uint64_t)2 << 20)
#define JOURNAL_EVICT_MAX	(64u << 10)
#define JOURNAL_EVICT_RANGES	64

/*
 * A fill's pieces hold no after bytes: they repeat the step's pattern,
 * starting at byte phase of it.  A piece whose span held no unsaved
 * byte when it was made holds no before bytes either (before is NULL):
 * they are the saved bytes, which the dirty set keeps.  The piece lends
 * them from the set until the set is about to lose them (a save, a
 * size change, another program's byte adopted) or the step is undone;
 * then it takes a copy (journal_own).  So a change costs the old byte
 * once, not twice.  Only applied steps made since the last save, after
 * the last size change, lend: their offsets are the set's.
 *
 * A big write (JOURNAL_LEND_AFTER bytes or more) whose pieces all lend
 * their before bytes lends its after bytes too (lends_after): they are
 * the set's current bytes until another change touches its span, and
 * then the step takes copies of both first.  Outside every range the
 * mapping holds both: such a byte was written to its saved value.
 */
struct journal_piece {
	uint64_t		 off;
	size_t			 len;
	unsigned char		*before;	/* shares a block with after;
						   NULL: the saved bytes */
	unsigned char		*after;		/* NULL in a fill */
};

/*
 * A size change: JOURNAL_INSERT put len bytes in at where (forward) and
 * JOURNAL_DELETE took them out.  data holds those bytes (NULL: zeros,
 * as an extend adds), so the step can be undone and redone.  dirt holds
 * the dirty ranges' pieces that lay in [where, where+len) when the
 * bytes were last taken out (their saved and current bytes), so that
 * putting the bytes back puts back what was unsaved in them.
 *
 * An overwrite of a few bytes in one piece (a typed byte) keeps them
 * after its piece, in the step's own allocation (inl): a keystroke
 * costs one allocation, not two.
 */
enum journal_kind { JOURNAL_OVERWRITE, JOURNAL_INSERT, JOURNAL_DELETE };

#define JOURNAL_INLINE	8	/* bytes an overwrite keeps inline */

struct journal_step {
	uint64_t		where;		/* where the cursor goes */
	unsigned char		*data;		/* a fill's pattern, a size
						   change's bytes, or NULL */
	uint64_t		len;		/* their length */
	struct journal_piece	*dirt;
	uint32_t		ndirt;
	uint32_t		n;		/* pieces */
	uint32_t		lent;		/* pieces lending before */
	unsigned char		kind;		/* enum journal_kind */
	unsigned char		all;		/* an undo-all step */
	unsigned char		inl;		/* bytes kept inline */
	unsigned char		lends_after;	/* see above */
	struct journal_piece	p[];
};

struct journal {
	struct doc		 *d;
	struct dirty		  dirty;
	struct journal_step	**steps;
	size_t			  nsteps;	/* steps[pos..nsteps) are redo */
	size_t			  pos;
	size_t			  cap;
	size_t			  saved_pos;	/* pos at the last save */
	int			  saved_known;	/* undo can still reach it */
	uint64_t		  kept;		/* others' bytes left alone */
	/* Asked between pieces of a step: nonzero cancels it. */
	int			(*step_fn)(void *, uint64_t, uint64_t);
	void			 *step_arg;
	/* Ranges a failed preview save wrote: their saved bytes. */
	struct journal_piece	 *written;
	size_t			  nwritten;
	uint64_t		  held;		/* bytes the steps hold */
	uint64_t		  held_max;	/* the history's cap */
	uint64_t		  dropped;	/* oldest steps let go */
	size_t			  nreshape;	/* size changes in steps */
	size_t			  nlent;	/* steps with lent pieces */
	struct journal_step	**lenders;	/* steps that lend after */
	size_t			  nlenders;
	size_t			  lenders_cap;
	size_t			  lend_min;	/* JOURNAL_LEND_AFTER */
	uint64_t		  reshape_lost;	/* unsaved ones let go */
};

static struct journal_step *journal_step_new(size_t, size_t);
static void	journal_step_free(struct journal_step *);
static unsigned char *journal_inline(struct journal_step *);
static uint64_t	journal_step_bytes(const struct journal_step *);
static int	journal_own_after(struct journal *, struct journal_step *);
static void	journal_lent_after(struct journal *,
		    const struct journal_piece *, unsigned char *);
static void	journal_forget_lender(struct journal *, struct journal_step *);
static int	journal_own_touched(struct journal *,
		    const struct journal_step *);
static void	journal_lend_after(struct journal *, struct journal_step *);
static int	journal_piece_init(struct journal_piece *, uint64_t, size_t,
		    int, int);
static void	journal_lent_before(struct journal *,
		    const struct journal_step *, const struct journal_piece *,
		    unsigned char *, unsigned char *);
static int	journal_own(struct journal *, struct journal_step *);
static int	journal_own_all(struct journal *);
static void	journal_drop_first(struct journal *, size_t);
static void	journal_keep_saved(struct journal *);
static int	journal_reserve(struct journal *);
static int	journal_lenders_room(struct journal *);
static void	journal_push(struct journal *, struct journal_step *);
static void	journal_cut(struct journal *, size_t);
static int	journal_current(struct journal *, uint64_t, size_t,
		    unsigned char *, const unsigned char *, char *, size_t);
static int	journal_put(struct journal *, uint64_t, size_t,
		    const unsigned char *, const unsigned char *, char *,
		    size_t);
static int	journal_apply(struct journal *, struct journal_step *, int,
		    char *, size_t);
static int	journal_step_cancelled(struct journal *,
		    const struct journal_step *, size_t, char *, size_t);
static void	journal_unapply(struct journal *, struct journal_step *, int,
		    size_t);
static int	journal_commit(struct journal *, struct journal_step *,
		    char *, size_t);
static int	journal_pwrite(struct journal *, uint64_t, char *, size_t);
static int	journal_note_written(struct journal *, size_t);
static int	journal_pwrite_range(struct journal *,
		    const struct dirty_range *, uint64_t);
static int	journal_flush(struct journal *, int, char *, size_t);
static int	journal_rewrite(struct journal *, const struct dirty_range *,
		    size_t, int);
static void	journal_forget_written(struct journal *);
static int	journal_restore_written(struct journal *, char *, size_t);
static void	journal_saved(struct journal *);
static size_t	journal_inside(const struct journal *, uint64_t, size_t);
static int	journal_nomem(const struct journal *, char *, size_t);
static const unsigned char *journal_after(const struct journal_step *,
		    const struct journal_piece *, unsigned char *);
static struct journal_step *journal_build(struct journal *, uint64_t,
		    size_t, const unsigned char *, const unsigned char *,
		    size_t, char *, size_t);
static void	journal_forget_oldest(struct journal *);
static void	journal_dirt_free(struct journal_step *);
static int	journal_dirt_take(struct journal *, struct journal_step *);
static int	journal_reshape(struct journal *, struct journal_step *, int,
		    char *, size_t);
static int	journal_grow(struct journal *, struct journal_step *, char *,
		    size_t);
static int	journal_shrink(struct journal *, struct journal_step *,
		    char *, size_t);
static int	journal_can_reshape(struct journal *, char *, size_t);
static int	journal_reshape_new(struct journal *, enum journal_kind,
		    uint64_t, const void *, uint64_t, char *, size_t);
static uint64_t	journal_reshaped(const struct journal *);
static int	journal_walk_saved(struct journal *, char *, size_t);

/* Returns how many of the len bytes at off lie inside the mapping. */
static size_t
journal_inside(const struct journal *j, uint64_t off, size_t len)
{
	uint64_t	end = doc_size(j->d);

	if (off >= end)
		return (0);
	return (off + len <= end ? len : (size_t)(end - off));
}

static int
journal_nomem(const struct journal *j, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: out of memory", doc_path(j->d));
	return (-1);
}

struct journal *
journal_new(struct doc *d)
{
	struct journal	*j;

	if ((j = calloc(1, sizeof *j)) == NULL)
		return (NULL);
	j->d = d;
	j->saved_known = 1;
	j->held_max = JOURNAL_HISTORY_MAX;
	j->lend_min = JOURNAL_LEND_AFTER;
	return (j);
}

void
journal_free(struct journal *j)
{
	if (j == NULL)
		return;
	journal_cut(j, 0);
	free(j->steps);
	free(j->lenders);
	dirty_clear(&j->dirty);
	journal_forget_written(j);
	free(j);
}

/* Returns a step of n pieces with room for inl bytes after them. */
static struct journal_step *
journal_step_new(size_t n, size_t inl)
{
	struct journal_step	*s;

	/* Steps are small: a typed byte makes one. */
	if (n > UINT32_MAX || n > (SIZE_MAX - sizeof *s - inl) /
	    sizeof s->p[0])
		return (NULL);
	s = calloc(1, sizeof *s + n * sizeof s->p[0] + inl);
	if (s != NULL) {
		s->n = (uint32_t)n;
		s->inl = inl > 0;
	}
	return (s);
}

/*
 * Returns the memory s holds, as the history counts it: the step, its
 * pieces and the bytes they own (not those they lend, nor a size
 * change's dirty pieces).
 */
static uint64_t
journal_step_bytes(const struct journal_step *s)
{
	uint64_t	b = sizeof *s + (uint64_t)s->n * sizeof s->p[0];
	size_t		i;

	if (s->data != NULL)
		b += s->len;
	if (s->inl)
		return (b + 2 * s->p[0].len);
	for (i = 0; i < s->n; i++)
		b += (s->p[i].before != NULL ? s->p[i].len : 0) +
		    (s->p[i].after != NULL ? s->p[i].len : 0);
	return (b);
}

/* Returns the bytes kept inline, after the pieces. */
static unsigned char *
journal_inline(struct journal_step *s)
{
	return ((unsigned char *)(s->p + s->n));
}

static void
journal_step_free(struct journal_step *s)
{
	size_t	i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n && !s->inl; i++)
		free(s->p[i].before != NULL ? s->p[i].before : s->p[i].after);
	journal_dirt_free(s);
	free(s->data);
	free(s);
}

/*
 * Gives the piece room for before bytes unless it lends them, and for
 * after bytes unless a fill.
 */
static int
journal_piece_init(struct journal_piece *p, uint64_t off, size_t len,
    int fill, int lend)
{
	size_t	need = (fill ? 0 : len) + (lend ? 0 : len);

	p->off = off;
	p->len = len;
	p->before = p->after = NULL;
	if (need == 0)
		return (0);
	if (len > SIZE_MAX / 2 || (p->after = malloc(need)) == NULL)
		return (-1);
	if (!lend) {
		p->before = p->after;
		p->after = fill ? NULL : p->before + len;
	}
	return (0);
}

/*
 * Puts a lending piece's before bytes into buf: the saved bytes where
 * the dirty set holds them, elsewhere what is there now (a byte outside
 * every range is clean), or past the end of a file that shrank the
 * after bytes (tmp has room for len of them).
 */
static void
journal_lent_before(struct journal *j, const struct journal_step *s,
    const struct journal_piece *p, unsigned char *buf, unsigned char *tmp)
{
	char	err[8];

	if (journal_current(j, p->off, p->len, buf, journal_after(s, p, tmp),
	    err, sizeof err) == -1)
		memcpy(buf, journal_after(s, p, tmp), p->len);
	dirty_copy_saved(&j->dirty, p->off, p->len, buf);
}

/*
 * Gives every lending piece of s its own copy of its before bytes,
 * counting them in the history.  0, or -1 (no memory) with the pieces
 * done so far owning theirs.
 */
static int
journal_own(struct journal *j, struct journal_step *s)
{
	struct journal_piece	*p;
	unsigned char		*block, *tmp;
	size_t			 i;

	if (s->lends_after && journal_own_after(j, s) == -1)
		return (-1);
	for (i = 0; i < s->n && s->lent > 0; i++) {
		p = &s->p[i];
		if (p->before != NULL)
			continue;
		if (s->inl) {
			/* The room is there, and counted. */
			p->before = journal_inline(s);
			journal_lent_before(j, s, p, p->before, NULL);
			if (--s->lent == 0)
				j->nlent--;
			continue;
		}
		block = malloc(p->after != NULL ? 2 * p->len : p->len);
		tmp = malloc(p->len);
		if (block == NULL || tmp == NULL) {
			free(block);
			free(tmp);
			return (-1);
		}
		journal_lent_before(j, s, p, block, tmp);
		free(tmp);
		if (p->after != NULL) {
			memcpy(block + p->len, p->after, p->len);
			free(p->after);
			p->after = block + p->len;
		}
		p->before = block;
		j->held += p->len;
		if (--s->lent == 0)
			j->nlent--;
	}
	return (0);
}

/*
 * Gives every piece of s, which lends its after bytes too, its own copy
 * of both.  0, or -1 (no memory) with the pieces done so far owning
 * theirs and s still lending the rest.
 */
static int
journal_own_after(struct journal *j, struct journal_step *s)
{
	struct journal_piece	*p;
	unsigned char		*block;
	size_t			 i;

	for (i = 0; i < s->n; i++) {
		p = &s->p[i];
		if (p->after != NULL)
			continue;
		if ((block = malloc(2 * p->len)) == NULL)
			return (-1);
		journal_lent_after(j, p, block + p->len);
		p->after = block + p->len;
		journal_lent_before(j, s, p, block, NULL);
		p->before = block;
		j->held += 2 * p->len;
		if (--s->lent == 0)
			j->nlent--;
	}
	s->lends_after = 0;
	journal_forget_lender(j, s);
	return (0);
}

/*
 * Puts a piece's lent after bytes into buf: the current bytes the dirty
 * set keeps, elsewhere what is there now (zeros past the end of a file
 * that shrank).
 */
static void
journal_lent_after(struct journal *j, const struct journal_piece *p,
    unsigned char *buf)
{
	char	err[8];

	memset(buf, 0, p->len);
	(void)journal_current(j, p->off, p->len, buf, NULL, err, sizeof err);
	dirty_copy_cur_over(&j->dirty, p->off, p->len, buf);
}

/* Takes s off the list of steps that lend their after bytes. */
static void
journal_forget_lender(struct journal *j, struct journal_step *s)
{
	size_t	i;

	for (i = 0; i < j->nlenders; i++)
		if (j->lenders[i] == s) {
			j->lenders[i] = j->lenders[--j->nlenders];
			return;
		}
}

/*
 * Before s changes bytes, the steps lending after bytes in its span take
 * copies of them.  0, or -1 (no memory).
 */
static int
journal_own_touched(struct journal *j, const struct journal_step *s)
{
	const struct journal_step	*l;
	uint64_t			 a, b;
	size_t				 i;

	if (s->n == 0)
		return (0);
	a = s->p[0].off;
	b = s->p[s->n - 1].off + s->p[s->n - 1].len;
	for (i = j->nlenders; i > 0; i--) {
		l = j->lenders[i - 1];
		if (l->p[0].off < b &&
		    l->p[l->n - 1].off + l->p[l->n - 1].len > a &&
		    journal_own(j, j->lenders[i - 1]) == -1)
			return (-1);
	}
	return (0);
}

/*
 * A write just applied lends its after bytes from the dirty set, if it
 * is big and all its pieces lend their before bytes; the room for the
 * list of such steps was made before.
 */
static void
journal_lend_after(struct journal *j, struct journal_step *s)
{
	uint64_t	total = 0;
	size_t		i;

	if (s->data != NULL || s->inl || s->all || s->n == 0 ||
	    s->lent != s->n)
		return;
	for (i = 0; i < s->n; i++)
		total += s->p[i].len;
	if (total < j->lend_min)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->p[i].after);
		s->p[i].after = NULL;
	}
	s->lends_after = 1;
	j->lenders[j->nlenders++] = s;
}

/*
 * Makes every lending step own its before bytes, newest first: the
 * dirty set is about to lose or change its saved bytes.  0, or -1 (no
 * memory) with the steps from the one that failed on still lending.
 */
static int
journal_own_all(struct journal *j)
{
	size_t	i;

	for (i = j->pos; i > 0 && j->nlent > 0; i--)
		if (journal_own(j, j->steps[i - 1]) == -1)
			return (-1);
	return (0);
}

/*
 * Returns the after bytes of s's piece p: its own, or for a fill the
 * step's pattern laid out in tmp (len bytes) from where p starts in it.
 */
static const unsigned char *
journal_after(const struct journal_step *s, const struct journal_piece *p,
    unsigned char *tmp)
{
	size_t	k, at;

	if (p->after != NULL)
		return (p->after);
	at = (size_t)((uint64_t)(p - s->p) * JOURNAL_PIECE % s->len);
	for (k = 0; k < p->len; k++) {
		tmp[k] = s->data[at];
		if (++at == s->len)
			at = 0;
	}
	return (tmp);
}

/* Makes room for one more step that lends after bytes. */
static int
journal_lenders_room(struct journal *j)
{
	struct journal_step	**l;
	size_t			  ncap;

	if (j->nlenders < j->lenders_cap)
		return (0);
	ncap = j->lenders_cap == 0 ? 8 : j->lenders_cap * 2;
	if ((l = reallocarray(j->lenders, ncap, sizeof *l)) == NULL)
		return (-1);
	j->lenders = l;
	j->lenders_cap = ncap;
	return (0);
}

/* Makes room for one more step, so that pushing it cannot fail. */
static int
journal_reserve(struct journal *j)
{
	struct journal_step	**s;
	size_t			  ncap;

	if (j->pos < j->cap)
		return (0);
	ncap = j->cap == 0 ? 64 : j->cap * 2;
	if ((s = reallocarray(j->steps, ncap, sizeof *s)) == NULL)
		return (-1);
	j->steps = s;
	j->cap = ncap;
	return (0);
}

/* Frees the steps from n on; the saved point may go with them. */
static void
journal_cut(struct journal *j, size_t n)
{
	struct journal_step	*s;

	while (j->nsteps > n) {
		s = j->steps[--j->nsteps];
		if (s->lends_after)
			journal_forget_lender(j, s);
		j->held -= journal_step_bytes(s);
		j->nlent -= s->lent > 0;
		if (s->kind != JOURNAL_OVERWRITE) {
			j->nreshape--;
			/* Undone past the save: the undo is unsaved. */
			if (j->saved_known && j->nsteps < j->saved_pos)
				j->reshape_lost += s->len;
		}
		journal_step_free(s);
	}
	if (j->pos > n)
		j->pos = n;
	if (j->saved_pos > n)
		j->saved_known = 0;
}

/* Appends an applied step after the current one, dropping the redo list. */
static void
journal_push(struct journal *j, struct journal_step *s)
{
	journal_cut(j, j->pos);
	j->steps[j->pos++] = s;
	j->nsteps = j->pos;
	j->held += journal_step_bytes(s);
	if (j->held > j->held_max)
		journal_forget_oldest(j);
}

/*
 * The history holds more than its cap: lets go of the oldest steps, down
 * to three quarters of the cap (so that typing at the cap does not move
 * the list at every key), but never of the newest step nor of one
 * undone.
 */
static void
journal_forget_oldest(struct journal *j)
{
	uint64_t	held = j->held;
	size_t		k = 0;

	while (k + 1 < j->nsteps && k < j->pos && held > j->held_max / 4 * 3)
		held -= journal_step_bytes(j->steps[k++]);
	journal_drop_first(j, k);
}

/* Lets go of the k oldest steps, which are applied. */
static void
journal_drop_first(struct journal *j, size_t k)
{
	size_t	i;

	for (i = 0; i < k; i++) {
		if (j->steps[i]->lends_after)
			journal_forget_lender(j, j->steps[i]);
		j->held -= journal_step_bytes(j->steps[i]);
		j->nlent -= j->steps[i]->lent > 0;
		if (j->steps[i]->kind != JOURNAL_OVERWRITE) {
			j->nreshape--;
			if (!j->saved_known || i >= j->saved_pos)
				j->reshape_lost += j->steps[i]->len;
		}
		journal_step_free(j->steps[i]);
	}
	memmove(j->steps, j->steps + k, (j->nsteps - k) * sizeof *j->steps);
	j->nsteps -= k;
	j->pos -= k;
	if (j->saved_pos < k)
		j->saved_known = 0;
	else
		j->saved_pos -= k;
	j->dropped += k;
}

/*
 * Reads the current bytes of [off, off+len): from the mapping, or past
 * its end (the file shrank) from the dirty set, or failing that from
 * guess, what the history says is there (NULL: fail).
 */
static int
journal_current(struct journal *j, uint64_t off, size_t len,
    unsigned char *buf, const unsigned char *guess, char *err,
    size_t errlen)
{
	size_t	in = journal_inside(j, off, len);

	if (doc_read(j->d, off, buf, in) == -1) {
		snprintf(err, errlen, "%s: cannot read at 0x%llx: the page "
		    "is unreadable or the file shrank", doc_path(j->d),
		    (unsigned long long)off);
		return (-1);
	}
	if (in == len ||
	    dirty_copy_cur(&j->dirty, off + in, len - in, buf + in) == 0)
		return (0);
	if (guess == NULL) {
		snprintf(err, errlen, "%s: 0x%llx is past the end of the "
		    "file, which shrank", doc_path(j->d),
		    (unsigned long long)(off + in));
		return (-1);
	}
	memcpy(buf + in, guess + in, len - in);
	return (0);
}

/*
 * Before the first small store into a window of the file, lets the
 * kernel drop that window's clean cached pages, so that the store
 * dirties one page rather than a large folio that saving would write
 * back whole (1 MiB for a one-byte edit was seen on ext4).  A window
 * that holds an unsaved change was prepared already.  Later stores into
 * the window fault in a page each, so a mass of scattered edits (many
 * ranges) stops preparing: the cache is worth more there.
 */
static void
journal_prepare(struct journal *j, uint64_t off, size_t len)
{
	uint64_t	a, b;

	if (doc_mode(j->d) != MAPPING_DIRECT || len > JOURNAL_EVICT_MAX ||
	    j->dirty.n >= JOURNAL_EVICT_RANGES)
		return;
	a = off - off % JOURNAL_EVICT_WINDOW;
	b = off + len + (JOURNAL_EVICT_WINDOW - (off + len) %
	    JOURNAL_EVICT_WINDOW) % JOURNAL_EVICT_WINDOW;
	if (!dirty_overlaps(&j->dirty, a, b - a))
		doc_evict(j->d, a, b - a);
}

/*
 * Puts bytes at [off, off+len), which held before: into the mapping
 * where it reaches, and into the dirty set.  Fails with both unchanged.
 */
static int
journal_put(struct journal *j, uint64_t off, size_t len,
    const unsigned char *before, const unsigned char *bytes, char *err,
    size_t errlen)
{
	size_t	in = journal_inside(j, off, len);

	journal_prepare(j, off, in);
	if (doc_write(j->d, off, bytes, in) == -1) {
		(void)doc_write(j->d, off, before, in);
		snprintf(err, errlen, "%s: cannot write at 0x%llx: the page "
		    "cannot be written (disk full, file shrank, or I/O "
		    "error)", doc_path(j->d), (unsigned long long)off);
		return (-1);
	}
	if (dirty_apply(&j->dirty, off, len, before, bytes) == -1) {
		(void)doc_write(j->d, off, before, in);
		return (journal_nomem(j, err, errlen));
	}
	/* A big piece is done with: keep RSS small (shared mappings only). */
	if (in > JOURNAL_EVICT_MAX)
		doc_release(j->d, off, in);
	return (0);
}

/* Applies a step's pieces: forward writes after, backward before. */
static int
journal_apply(struct journal *j, struct journal_step *s, int forward,
    char *err, size_t errlen)
{
	struct journal_piece	*p;
	unsigned char		*now, *to, *tmp;
	const unsigned char	*was, *want;
	size_t			 i, k, kept;
	int			 rc = 0;

	j->kept = 0;
	if (journal_own(j, s) == -1)
		return (journal_nomem(j, err, errlen));
	for (i = 0; i < s->n && rc == 0; i++) {
		if (i > 0 && journal_step_cancelled(j, s, i, err, errlen)) {
			journal_unapply(j, s, forward, i);
			return (-1);
		}
		p = &s->p[forward ? i : s->n - 1 - i];
		now = malloc(p->len);
		to = malloc(p->len);
		tmp = p->after == NULL ? malloc(p->len) : NULL;
		if (now == NULL || to == NULL ||
		    (p->after == NULL && tmp == NULL)) {
			free(now);
			free(to);
			free(tmp);
			return (journal_nomem(j, err, errlen));
		}
		was = forward ? p->before : journal_after(s, p, tmp);
		want = forward ? journal_after(s, p, tmp) : p->before;
		rc = journal_current(j, p->off, p->len, now, was, err, errlen);
		/* A byte that is not what maphex wrote is someone else's. */
		for (k = 0, kept = 0; rc == 0 && k < p->len; k++) {
			to[k] = now[k] == was[k] ? want[k] : now[k];
			kept += now[k] != was[k];
		}
		j->kept += kept;
		if (rc == 0)
			rc = journal_put(j, p->off, p->len, now, to, err,
			    errlen);
		/* Adopting changes saved bytes that steps may be lending. */
		if (rc == 0 && kept > 0 && journal_own_all(j) == -1)
			rc = journal_nomem(j, err, errlen);
		for (k = 0; rc == 0 && kept > 0 && k < p->len; k++)
			if (now[k] != was[k])
				dirty_adopt(&j->dirty, p->off + k, now[k]);
		free(now);
		free(to);
		free(tmp);
	}
	return (rc);
}

/*
 * Asks the progress callback, between pieces, whether to go on: returns
 * 1 with a message when the user cancelled, else 0.
 */
static int
journal_step_cancelled(struct journal *j, const struct journal_step *s,
    size_t i, char *err, size_t errlen)
{
	if (j->step_fn == NULL || !j->step_fn(j->step_arg, i, s->n))
		return (0);
	snprintf(err, errlen, "cancelled: nothing changed");
	return (1);
}

/*
 * Takes back the first n pieces journal_apply() applied in direction
 * forward, so that a cancelled undo or redo changes nothing.
 */
static void
journal_unapply(struct journal *j, struct journal_step *s, int forward,
    size_t n)
{
	struct journal_piece	*p;
	unsigned char		*now, *tmp;
	const unsigned char	*after;

	while (n-- > 0) {
		p = &s->p[forward ? n : s->n - 1 - n];
		now = malloc(p->len);
		tmp = malloc(p->len);
		if (now != NULL && tmp != NULL) {
			after = journal_after(s, p, tmp);
			if (journal_current(j, p->off, p->len, now, forward ?
			    after : p->before, NULL, 0) == 0)
				(void)journal_put(j, p->off, p->len, now,
				    forward ? p->before : after, NULL, 0);
		}
		free(now);
		free(tmp);
	}
}

/*
 * Applies a new step, whose before bytes were just read, and makes it
 * the last one.  On failure the pieces already applied are taken back
 * and the step is freed.
 */
static int
journal_commit(struct journal *j, struct journal_step *s, char *err,
    size_t errlen)
{
	struct journal_piece	*p;
	unsigned char		*tmp = NULL, *was = NULL;
	size_t			 i;

	if (journal_reserve(j) == -1 || journal_lenders_room(j) == -1 ||
	    journal_own_touched(j, s) == -1 || (s->data != NULL &&
	    (tmp = malloc(s->p[0].len)) == NULL) || (s->lent > 0 &&
	    (was = malloc(s->p[0].len)) == NULL)) {
		free(tmp);
		journal_step_free(s);
		return (journal_nomem(j, err, errlen));
	}
	for (i = 0; i < s->n; i++) {
		p = &s->p[i];
		if (i > 0 && journal_step_cancelled(j, s, i, err, errlen))
			break;
		/* A lending piece's span is clean: what is there is saved. */
		if (p->before == NULL && journal_current(j, p->off, p->len, was,
		    NULL, err, errlen) == -1)
			break;
		if (journal_put(j, p->off, p->len, p->before != NULL ?
		    p->before : was, journal_after(s, p, tmp), err, errlen) == -1)
			break;
	}
	if (i == s->n) {
		free(tmp);
		free(was);
		j->nlent += s->lent > 0;
		journal_lend_after(j, s);
		journal_push(j, s);
		return (0);
	}
	while (i-- > 0) {
		p = &s->p[i];
		if (p->before == NULL)
			journal_lent_before(j, s, p, was, tmp);
		(void)journal_put(j, p->off, p->len, journal_after(s, p, tmp),
		    p->before != NULL ? p->before : was, NULL, 0);
	}
	free(tmp);
	free(was);
	journal_step_free(s);
	return (-1);
}

/*
 * Builds the step that writes len bytes at off: buf, or when buf is NULL
 * the pattern pat (patlen bytes) repeated.  Reads the before bytes.
 * Returns the step, or NULL with a reason in err.
 */
static struct journal_step *
journal_build(struct journal *j, uint64_t off, size_t len,
    const unsigned char *buf, const unsigned char *pat, size_t patlen,
    char *err, size_t errlen)
{
	struct doc		*d = j->d;
	struct journal_step	*s;
	struct journal_piece	*p;
	size_t			 i, n, inl;
	int			 lend;

	if (doc_mode(d) == MAPPING_READONLY) {
		snprintf(err, errlen, "read-only: %s cannot be changed%s%s",
		    doc_path(d), doc_note(d)[0] != '\0' ? ", " : "",
		    doc_note(d));
		return (NULL);
	}
	if (off > doc_size(d) || len > doc_size(d) - off) {
		snprintf(err, errlen, "%s: 0x%llx is past the end of the file",
		    doc_path(d), (unsigned long long)off);
		return (NULL);
	}
	inl = buf != NULL && len <= JOURNAL_INLINE ? 2 * len : 0;
	if ((s = journal_step_new((len + JOURNAL_PIECE - 1) / JOURNAL_PIECE,
	    inl)) == NULL ||
	    (buf == NULL && (s->data = malloc(patlen)) == NULL)) {
		journal_step_free(s);
		journal_nomem(j, err, errlen);
		return (NULL);
	}
	s->where = off;
	if (buf == NULL) {
		memcpy(s->data, pat, patlen);
		s->len = patlen;
	}
	for (i = 0; i < s->n; i++) {
		p = &s->p[i];
		n = len - i * JOURNAL_PIECE < JOURNAL_PIECE ?
		    len - i * JOURNAL_PIECE : JOURNAL_PIECE;
		/* Inline room costs the same lent or not. */
		lend = inl == 0 &&
		    !dirty_overlaps(&j->dirty, off + i * JOURNAL_PIECE, n);
		if (inl > 0) {
			p->off = off;
			p->len = n;
			p->before = lend ? NULL : journal_inline(s);
			p->after = journal_inline(s) + n;
		} else if (journal_piece_init(p, off + i * JOURNAL_PIECE, n,
		    buf == NULL, lend) == -1) {
			journal_step_free(s);
			journal_nomem(j, err, errlen);
			return (NULL);
		}
		s->lent += lend;
		if (buf != NULL)
			memcpy(p->after, buf + i * JOURNAL_PIECE, n);
		if (!lend && journal_current(j, p->off, n, p->before, NULL,
		    err, errlen) == -1) {
			journal_step_free(s);
			return (NULL);
		}
	}
	return (s);
}

int
journal_write(struct journal *j, uint64_t off, const void *buf, size_t len,
    char *err, size_t errlen)
{
	struct journal_step	*s;

	if ((s = journal_build(j, off, len, buf, NULL, 0, err, errlen)) ==
	    NULL)
		return (-1);
	if (len == 0) {
		journal_step_free(s);
		return (0);
	}
	return (journal_commit(j, s, err, errlen));
}

int
journal_fill(struct journal *j, uint64_t off, size_t len,
    const unsigned char *pat, size_t patlen, char *err, size_t errlen)
{
	struct journal_step	*s;

	if (patlen == 0) {
		snprintf(err, errlen, "an empty pattern fills nothing");
		return (-1);
	}
	if ((s = journal_build(j, off, len, NULL, pat, patlen, err,
	    errlen)) == NULL)
		return (-1);
	if (len == 0) {
		journal_step_free(s);
		return (0);
	}
	return (journal_commit(j, s, err, errlen));
}

int
journal_write_at(struct journal *j, const uint64_t *off, size_t n,
    const void *buf, size_t len, char *err, size_t errlen)
{
	struct journal_step	*s;
	size_t			 i;
	int			 lend;

	if (n == 0 || len == 0)
		return (0);
	for (i = 1; i < n; i++)
		if (off[i] < off[i - 1] + len) {
			snprintf(err, errlen, "replacements overlap at 0x%llx",
			    (unsigned long long)off[i]);
			return (-1);
		}
	if (len > JOURNAL_PIECE) {
		snprintf(err, errlen, "a replacement is at most %u bytes",
		    JOURNAL_PIECE);
		return (-1);
	}
	/* The mode and the last span's bounds are what journal_build checks. */
	if ((s = journal_build(j, off[n - 1], len, buf, NULL, 0, err,
	    errlen)) == NULL)
		return (-1);
	journal_step_free(s);
	if ((s = journal_step_new(n, 0)) == NULL)
		return (journal_nomem(j, err, errlen));
	s->where = off[0];
	for (i = 0; i < n; i++) {
		lend = !dirty_overlaps(&j->dirty, off[i], len);
		if (journal_piece_init(&s->p[i], off[i], len, 0, lend) == -1) {
			s->n = (uint32_t)i;
			journal_step_free(s);
			return (journal_nomem(j, err, errlen));
		}
		s->lent += lend;
		memcpy(s->p[i].after, buf, len);
		if (!lend && journal_current(j, off[i], len, s->p[i].before,
		    NULL, err, errlen) == -1) {
			s->n = (uint32_t)i + 1;
			journal_step_free(s);
			return (-1);
		}
	}
	return (journal_commit(j, s, err, errlen));
}

int
journal_undo(struct journal *j, uint64_t *off, char *err, size_t errlen)
{
	struct journal_step	*s;

	if (j->pos == 0)
		return (0);
	s = j->steps[j->pos - 1];
	if ((s->kind == JOURNAL_OVERWRITE ? journal_apply(j, s, 0, err,
	    errlen) : journal_reshape(j, s, 0, err, errlen)) == -1)
		return (-1);
	j->pos--;
	*off = s->where;
	/* Its before bytes are its own now, and count. */
	if (j->held > j->held_max)
		journal_forget_oldest(j);
	return (1);
}

int
journal_redo(struct journal *j, uint64_t *off, char *err, size_t errlen)
{
	struct journal_step	*s;
	int			 rc;

	if (j->pos == j->nsteps) {
		if (j->pos == 0 || !j->steps[j->pos - 1]->all)
			return (0);
		/*
		 * Redo after an undo-all puts back what it took back, as if
		 * the undo-all had been a run of undos; the step goes, so a
		 * second redo finds nothing to redo.
		 */
		if ((rc = journal_undo(j, off, err, errlen)) == 1)
			journal_cut(j, j->pos);
		return (rc);
	}
	s = j->steps[j->pos];
	if ((s->kind == JOURNAL_OVERWRITE ? journal_apply(j, s, 1, err,
	    errlen) : journal_reshape(j, s, 1, err, errlen)) == -1)
		return (-1);
	j->pos++;
	*off = s->where;
	return (1);
}

int
journal_undo_all(struct journal *j, uint64_t *off, char *err,
    size_t errlen)
{
	struct dirty		*d = &j->dirty;
	struct dirty_range	*r, **all;
	struct journal_step	*s;
	uint64_t		 first;
	size_t			 i, k, n = 0, at, len;

	if (journal_reshaped(j) > 0) {
		/* Offsets moved: walk the history back to the save. */
		if (journal_walk_saved(j, err, errlen) == -1)
			return (-1);
		*off = j->pos > 0 ? j->steps[j->pos - 1]->where : 0;
		return (1);
	}
	if (d->n == 0)
		return (0);
	first = dirty_first_diff(d, 0);
	if ((all = dirty_list(d)) == NULL)
		return (journal_nomem(j, err, errlen));
	for (i = 0; i < d->n; i++)
		n += (all[i]->len + JOURNAL_PIECE - 1) / JOURNAL_PIECE;
	if ((s = journal_step_new(n, 0)) == NULL) {
		free(all);
		return (journal_nomem(j, err, errlen));
	}
	for (i = 0, k = 0; i < d->n; i++) {
		r = all[i];
		for (at = 0; at < r->len; at += len, k++) {
			len = r->len - at < JOURNAL_PIECE ?
			    r->len - at : JOURNAL_PIECE;
			if (journal_piece_init(&s->p[k], r->off + at,
			    len, 0, 0) == -1) {
				free(all);
				journal_step_free(s);
				return (journal_nomem(j, err, errlen));
			}
			memcpy(s->p[k].before, r->cur + at, len);
			memcpy(s->p[k].after, r->saved + at, len);
		}
	}
	free(all);
	s->where = first;
	s->all = 1;
	if (journal_commit(j, s, err, errlen) == -1)
		return (-1);
	*off = first;
	return (1);
}

/*
 * Writes out the current bytes of every dirty range from offset from
 * on with pwrite, then fsyncs.  SIGXFSZ is ignored meanwhile so that a
 * file-size limit gives EFBIG instead of killing the program.  The
 * highest range goes first: a save that fails for want of room or for
 * a size limit then usually fails before it changed the file.
 */
static int
journal_pwrite(struct journal *j, uint64_t from, char *err, size_t errlen)
{
	const struct dirty_range	*r;
	size_t				 i, done = 0, todo = 0;
	int				 rc = 0, e;

	for (i = 0; i < j->dirty.n; i++) {
		r = dirty_at(&j->dirty, i);
		todo += r->off + r->len > from;
	}
	for (i = j->dirty.n; i > 0 && rc == 0; i--) {
		r = dirty_at(&j->dirty, i - 1);
		if (r->off + r->len <= from)
			continue;
		rc = journal_pwrite_range(j, r, from);
		done += rc == 0;
	}
	if (rc == 0 && done > 0 && doc_fsync(j->d) == -1)
		rc = -1;
	if (rc == 0)
		return (0);
	e = errno;
	if (done == 0 || done == todo || journal_note_written(j, done) == -1)
		snprintf(err, errlen, "%s: save failed, edits kept: %s",
		    doc_path(j->d), strerror(e));
	else
		snprintf(err, errlen, "%s: save failed after writing %zu of "
		    "%zu changed ranges, so the file is partly written (F2 "
		    "retries, Ctrl-C puts them back): %s", doc_path(j->d),
		    done, todo, strerror(e));
	return (-1);
}

/*
 * A preview save failed after writing the last n dirty ranges (the
 * highest go first): keeps their saved bytes, so that a discard can
 * put them back.  0, or -1 when out of memory.
 */
static int
journal_note_written(struct journal *j, size_t n)
{
	struct journal_piece	*w;
	struct dirty_range	*r;
	size_t			 i;

	journal_forget_written(j);
	if ((w = calloc(n, sizeof *w)) == NULL)
		return (-1);
	j->written = w;
	for (i = 0; i < n; i++) {
		r = dirty_at(&j->dirty, j->dirty.n - 1 - i);
		if (journal_piece_init(&w[i], r->off, r->len, 0, 0) == -1) {
			journal_forget_written(j);
			return (-1);
		}
		memcpy(w[i].before, r->saved, r->len);
		j->nwritten++;
	}
	return (0);
}

static void
journal_forget_written(struct journal *j)
{
	size_t	i;

	for (i = 0; i < j->nwritten; i++)
		free(j->written[i].before);
	free(j->written);
	j->written = NULL;
	j->nwritten = 0;
}

/* Puts back into the file what a failed preview save wrote over. */
static int
journal_restore_written(struct journal *j, char *err, size_t errlen)
{
	size_t	i;

	for (i = 0; i < j->nwritten; i++)
		if (doc_pwrite(j->d, j->written[i].off, j->written[i].before,
		    j->written[i].len) == -1)
			break;
	if (i == j->nwritten && (j->nwritten == 0 || doc_fsync(j->d) == 0)) {
		journal_forget_written(j);
		return (0);
	}
	snprintf(err, errlen, "%s: cannot put back the %zu ranges a failed "
	    "save wrote, so the file stays partly written: %s",
	    doc_path(j->d), j->nwritten, strerror(errno));
	return (-1);
}

/* Writes the current bytes of r from offset from on; 0 or -1 (errno). */
static int
journal_pwrite_range(struct journal *j, const struct dirty_range *r,
    uint64_t from)
{
	size_t	done = r->off >= from ? 0 : (size_t)(from - r->off);

	if (done >= r->len)
		return (0);
	return (doc_pwrite(j->d, r->off + done, r->cur + done,
	    r->len - done));
}

/*
 * Makes each dirty range's bytes in the shared mapping what a save
 * (saved == 0) or a discard (saved != 0) wants, then msyncs their
 * pages with one msync over their span.  A byte whose value is not
 * the one maphex wrote was changed by another program and is left as
 * it is (counted in j->kept): a save writes back what the mapping holds
 * now, which re-dirties pages whose write-back failed before without
 * undoing anyone's change; a discard restores only maphex's own bytes.
 */
static int
journal_flush(struct journal *j, int saved, char *err, size_t errlen)
{
	uint64_t		 end = doc_size(j->d), a, b, lo = 0, hi = 0;
	struct dirty_range	*r;
	size_t			 i;

	j->kept = 0;
	for (i = 0; i < j->dirty.n; i++) {
		r = dirty_at(&j->dirty, i);
		if (r->off >= end)
			break;
		a = r->off;
		b = r->off + r->len > end ? end : r->off + r->len;
		if (journal_rewrite(j, r, (size_t)(b - a), saved) == -1) {
			snprintf(err, errlen, "%s: cannot write at 0x%llx: "
			    "the page cannot be written (disk full, file "
			    "shrank, or I/O error)", doc_path(j->d),
			    (unsigned long long)a);
			return (-1);
		}
		if (i == 0)
			lo = a;
		hi = b;
	}
	/*
	 * One msync over the whole span: the kernel writes only the dirty
	 * pages in it, and a save of scattered edits costs one call and
	 * one wait instead of one a page group.
	 */
	if (hi > lo)
		return (doc_sync(j->d, lo, hi - lo, err, errlen));
	return (0);
}

/*
 * Writes the first n bytes of r into the mapping as journal_flush()
 * says: the saved bytes where maphex's own bytes are, else what is
 * there.  0, or -1 (a page cannot be read or written).
 */
static int
journal_rewrite(struct journal *j, const struct dirty_range *r, size_t n,
    int saved)
{
	unsigned char	*buf;
	size_t		 at, k, len;
	int		 rc = 0;

	if ((buf = malloc(n < JOURNAL_PIECE ? (n > 0 ? n : 1) :
	    JOURNAL_PIECE)) == NULL)
		return (-1);
	for (at = 0; at < n && rc == 0; at += len) {
		len = n - at < JOURNAL_PIECE ? n - at : JOURNAL_PIECE;
		rc = doc_read(j->d, r->off + at, buf, len);
		for (k = 0; rc == 0 && k < len; k++) {
			if (buf[k] != r->cur[at + k])
				j->kept++;
			else if (saved)
				buf[k] = r->saved[at + k];
		}
		if (rc == 0)
			rc = doc_write(j->d, r->off + at, buf, len);
		/* Done with this piece: keep RSS small. */
		if (rc == 0 && len > JOURNAL_EVICT_MAX)
			doc_release(j->d, r->off + at, len);
	}
	free(buf);
	return (rc);
}

/*
 * The dirty set is about to forget the saved bytes: the steps lending
 * them take copies.  Short of memory, the oldest steps up to the one
 * that could not are let go, as the cap lets go of them.
 */
static void
journal_keep_saved(struct journal *j)
{
	size_t	i;

	for (i = j->pos; i > 0 && j->nlent > 0; i--)
		if (journal_own(j, j->steps[i - 1]) == -1) {
			journal_drop_first(j, i);
			break;
		}
	if (j->held > j->held_max)
		journal_forget_oldest(j);
}

/* The current bytes are now the saved ones. */
static void
journal_saved(struct journal *j)
{
	dirty_clear(&j->dirty);
	journal_forget_written(j);
	j->saved_pos = j->pos;
	j->saved_known = 1;
	j->reshape_lost = 0;
}

int
journal_save(struct journal *j, char *err, size_t errlen)
{
	struct doc	*d = j->d;

	if (doc_mode(d) == MAPPING_READONLY)
		return (0);
	if (j->dirty.n != 0 && !doc_can_save(d)) {
		snprintf(err, errlen, "%s: cannot save, edits kept: %s",
		    doc_path(d), doc_note(d)[0] != '\0' ? doc_note(d) :
		    "the file was opened read-only");
		return (-1);
	}
	if (doc_mode(d) == MAPPING_PREVIEW) {
		if (j->dirty.n != 0 && journal_pwrite(j, 0, err, errlen) == -1)
			return (-1);
	} else if (journal_flush(j, 0, err, errlen) == -1 ||
	    journal_pwrite(j, doc_size(d), err, errlen) == -1)
		return (-1);
	else if (journal_reshaped(j) > 0 &&
	    (doc_sync(d, 0, doc_size(d), err, errlen) == -1 ||
	    doc_fsync(d) == -1)) {
		snprintf(err, errlen, "%s: save failed, edits kept: %s",
		    doc_path(d), strerror(errno));
		return (-1);
	}
	journal_keep_saved(j);
	journal_saved(j);
	return (0);
}

int
journal_discard(struct journal *j, char *err, size_t errlen)
{
	if (doc_mode(j->d) == MAPPING_READONLY)
		return (0);
	if (doc_mode(j->d) == MAPPING_PREVIEW) {
		if (journal_restore_written(j, err, errlen) == -1 ||
		    doc_reload(j->d, err, errlen) == -1)
			return (-1);
	} else if ((journal_reshaped(j) > 0 &&
	    journal_walk_saved(j, err, errlen) == -1) ||
	    journal_flush(j, 1, err, errlen) == -1)
		return (-1);
	if (j->saved_known)
		journal_cut(j, j->saved_pos);
	else
		journal_cut(j, 0);
	j->pos = j->nsteps;
	journal_saved(j);
	return (0);
}

int
journal_reapply(struct journal *j, uint64_t *lost, char *err,
    size_t errlen)
{
	struct dirty_range	*r;
	uint64_t		 k;
	size_t			 i, in;

	*lost = 0;
	for (i = 0; i < j->dirty.n; i++) {
		r = dirty_at(&j->dirty, i);
		in = journal_inside(j, r->off, r->len);
		/*
		 * A shared mapping needs nothing written back: maphex's bytes
		 * are in the file, or another program replaced them, and
		 * then they stay replaced.  A preview's private pages were
		 * dropped by the remap and take the edits again.
		 */
		if (doc_mode(j->d) == MAPPING_PREVIEW &&
		    doc_write(j->d, r->off, r->cur, in) == -1) {
			snprintf(err, errlen, "%s: cannot write at 0x%llx: "
			    "the page cannot be written (disk full, file "
			    "shrank, or I/O error)", doc_path(j->d),
			    (unsigned long long)r->off);
			return (-1);
		}
		for (k = in; k < r->len; k++)
			*lost += r->saved[k] != r->cur[k];
	}
	return (0);
}

uint64_t
journal_past_end(const struct journal *j)
{
	const struct dirty_range	*r;
	uint64_t			 end = doc_size(j->d), n = 0;
	size_t				 i, k;

	for (i = j->dirty.n; i > 0; i--) {
		r = dirty_at(&j->dirty, i - 1);
		if (r->off + r->len <= end)
			break;
		for (k = r->off >= end ? 0 : (size_t)(end - r->off);
		    k < r->len; k++)
			n += r->saved[k] != r->cur[k];
	}
	return (n);
}

int
journal_drop_past_end(struct journal *j, char *err, size_t errlen)
{
	struct dirty_range	*r;
	unsigned char		*now, *was;
	uint64_t		 end = doc_size(j->d), a;
	size_t			 i, k, n;
	int			 rc = 0;

	/* Current bytes change under the steps that lend them. */
	if (journal_own_all(j) == -1)
		return (journal_nomem(j, err, errlen));
	for (i = j->dirty.n; i > 0 && rc == 0; i--) {
		r = dirty_at(&j->dirty, i - 1);
		if (r->off + r->len <= end)
			break;
		k = r->off >= end ? 0 : (size_t)(end - r->off);
		a = r->off + k;
		n = r->len - k;
		now = malloc(n);
		was = malloc(n);
		if (now == NULL || was == NULL)
			rc = journal_nomem(j, err, errlen);
		else {
			memcpy(now, r->cur + k, n);
			memcpy(was, r->saved + k, n);
			if (dirty_apply(&j->dirty, a, n, now, was) == -1)
				rc = journal_nomem(j, err, errlen);
		}
		free(now);
		free(was);
	}
	return (rc);
}

uint64_t
journal_changed_on_disk(const struct journal *j)
{
	const struct dirty_range	*r;
	unsigned char			*buf;
	uint64_t			 n = 0;
	size_t				 i, k, got;

	for (i = 0; i < j->dirty.n; i++) {
		r = dirty_at(&j->dirty, i);
		if ((buf = malloc(r->len)) == NULL)
			return (0);
		got = doc_pread(j->d, r->off, buf, r->len);
		for (k = 0; k < got; k++)
			n += buf[k] != r->saved[k] && buf[k] != r->cur[k];
		free(buf);
	}
	return (n);
}

void
journal_set_progress(struct journal *j,
    int (*fn)(void *, uint64_t, uint64_t), void *arg)
{
	j->step_fn = fn;
	j->step_arg = arg;
}

void
journal_set_lend_min(struct journal *j, size_t bytes)
{
	j->lend_min = bytes;
}

void
journal_set_history_max(struct journal *j, uint64_t bytes)
{
	j->held_max = bytes;
	if (j->held > j->held_max)
		journal_forget_oldest(j);
}

int
journal_revert(struct journal *j, uint64_t off, size_t len, char *err,
    size_t errlen)
{
	const struct dirty_range	*r;
	unsigned char			*buf;
	ssize_t				 i;
	size_t				 k;
	int				 rc;

	if (journal_reshaped(j) > 0) {
		snprintf(err, errlen, "the size changed since the save: undo "
		    "(Backspace) takes the changes back one by one");
		return (-1);
	}
	if ((buf = malloc(len > 0 ? len : 1)) == NULL)
		return (journal_nomem(j, err, errlen));
	if (doc_read(j->d, off, buf, len) == -1) {
		free(buf);
		snprintf(err, errlen, "%s: cannot read at 0x%llx", doc_path(j->d),
		    (unsigned long long)off);
		return (-1);
	}
	for (k = 0; k < len; k++)
		if ((i = dirty_find(&j->dirty, off + k)) != -1) {
			r = dirty_at(&j->dirty, (size_t)i);
			buf[k] = r->saved[off + k - r->off];
		}
	rc = journal_write(j, off, buf, len, err, errlen);
	free(buf);
	return (rc);
}

uint64_t
journal_history(const struct journal *j)
{
	return (j->held);
}

uint64_t
journal_take_dropped(struct journal *j)
{
	uint64_t	n = j->dropped;

	j->dropped = 0;
	return (n);
}

uint64_t
journal_kept(const struct journal *j)
{
	return (j->kept);
}

int
journal_is_dirty(const struct journal *j, uint64_t off)
{
	return (dirty_is_dirty(&j->dirty, off));
}

uint64_t
journal_unsaved(const struct journal *j)
{
	return (j->dirty.ndiff + journal_reshaped(j));
}

int
journal_can_undo(const struct journal *j)
{
	return (j->pos > 0);
}

int
journal_can_redo(const struct journal *j)
{
	return (j->pos < j->nsteps);
}

size_t
journal_nranges(const struct journal *j)
{
	return (j->dirty.n);
}

int
journal_range(const struct journal *j, size_t i, uint64_t *off,
    uint64_t *len)
{
	const struct dirty_range	*r;

	if (i >= j->dirty.n)
		return (-1);
	r = dirty_at(&j->dirty, i);
	*off = r->off;
	*len = r->len;
	return (0);
}

int
journal_amend(struct journal *j, uint64_t off, const void *buf, size_t len,
    char *err, size_t errlen)
{
	struct journal_step	*s;
	unsigned char		*now;
	int			 rc;

	s = j->pos > 0 ? j->steps[j->pos - 1] : NULL;
	/* The second digit of a byte typed in insert mode. */
	if (s != NULL && j->pos == j->nsteps && s->kind == JOURNAL_INSERT &&
	    s->data != NULL && s->where == off && s->len == len &&
	    !(j->saved_known && j->saved_pos == j->pos)) {
		if (doc_write(j->d, off, buf, len) == -1) {
			snprintf(err, errlen, "%s: cannot write at 0x%llx",
			    doc_path(j->d), (unsigned long long)off);
			return (-1);
		}
		memcpy(s->data, buf, len);
		return (0);
	}
	/* A step that lends its new bytes takes them before they change. */
	if (s != NULL && s->lends_after && journal_own(j, s) == -1)
		return (journal_nomem(j, err, errlen));
	if (s == NULL || j->pos != j->nsteps || s->n != 1 ||
	    s->p[0].after == NULL || s->p[0].off != off || s->p[0].len != len ||
	    (j->saved_known && j->saved_pos == j->pos))
		return (journal_write(j, off, buf, len, err, errlen));
	if ((now = malloc(len)) == NULL)
		return (journal_nomem(j, err, errlen));
	rc = journal_current(j, off, len, now, s->p[0].after, err, errlen);
	if (rc == 0)
		rc = journal_put(j, off, len, now, buf, err, errlen);
	if (rc == 0)
		memcpy(s->p[0].after, buf, len);
	free(now);
	return (rc);
}

int
journal_truncate(struct journal *j, uint64_t size, char *err,
    size_t errlen)
{
	struct doc	*d = j->d;

	if (doc_mode(d) != MAPPING_DIRECT || doc_blockdev(d) ||
	    j->dirty.n != 0 || journal_reshaped(j) > 0) {
		snprintf(err, errlen, "%s: truncate needs direct mode on a "
		    "file with nothing unsaved", doc_path(d));
		return (-1);
	}
	if (doc_resize(d, size, err, errlen) == -1)
		return (-1);
	/* The history may name bytes that no longer exist. */
	journal_cut(j, 0);
	journal_saved(j);
	return (0);
}

/* Frees the dirty pieces a size change keeps. */
static void
journal_dirt_free(struct journal_step *s)
{
	size_t	i;

	for (i = 0; i < s->ndirt; i++)
		free(s->dirt[i].before);
	free(s->dirt);
	s->dirt = NULL;
	s->ndirt = 0;
}

/*
 * Keeps the pieces of the dirty ranges that lie in the step's span,
 * which is about to be taken out, with their saved and current bytes.
 * 0, or -1 when out of memory.
 */
static int
journal_dirt_take(struct journal *j, struct journal_step *s)
{
	struct dirty_range	**all = NULL, *r;
	struct journal_piece	 *p;
	uint64_t		  a, b, end = s->where + s->len;
	size_t			  i;

	journal_dirt_free(s);
	if (j->dirty.n == 0)
		return (0);
	if (j->dirty.n > UINT32_MAX ||
	    (all = dirty_list(&j->dirty)) == NULL ||
	    (s->dirt = calloc(j->dirty.n, sizeof *s->dirt)) == NULL) {
		free(all);
		return (-1);
	}
	for (i = 0; i < j->dirty.n; i++) {
		r = all[i];
		a = r->off > s->where ? r->off : s->where;
		b = r->off + r->len < end ? r->off + r->len : end;
		if (a >= b)
			continue;
		p = &s->dirt[s->ndirt];
		if (journal_piece_init(p, a, (size_t)(b - a), 0, 0) == -1) {
			free(all);
			journal_dirt_free(s);
			return (-1);
		}
		s->ndirt++;
		memcpy(p->before, r->saved + (a - r->off), p->len);
		memcpy(p->after, r->cur + (a - r->off), p->len);
	}
	free(all);
	return (0);
}

/* Applies size change s forward (as made) or backward (undone). */
static int
journal_reshape(struct journal *j, struct journal_step *s, int forward,
    char *err, size_t errlen)
{
	j->kept = 0;
	/* Offsets are about to move under the lending steps. */
	if (journal_own_all(j) == -1)
		return (journal_nomem(j, err, errlen));
	if ((s->kind == JOURNAL_INSERT) == (forward != 0))
		return (journal_grow(j, s, err, errlen));
	return (journal_shrink(j, s, err, errlen));
}

/*
 * Puts the step's bytes in at its offset, moves the dirty ranges past
 * it and gives back the ones it held.
 */
static int
journal_grow(struct journal *j, struct journal_step *s, char *err,
    size_t errlen)
{
	unsigned char	*zeros = NULL;
	size_t		 i;
	int		 rc;

	doc_set_progress(j->d, j->step_fn, j->step_arg);
	rc = doc_insert(j->d, s->where, s->data, s->len, err, errlen);
	doc_set_progress(j->d, NULL, NULL);
	if (rc == -1)
		return (-1);
	if (dirty_splice(&j->dirty, s->where, 0, s->len) == -1) {
		if (s->data == NULL)
			zeros = calloc(1, (size_t)s->len);
		(void)doc_delete(j->d, s->where, s->len, s->data != NULL ?
		    s->data : zeros, err, errlen);
		free(zeros);
		return (journal_nomem(j, err, errlen));
	}
	for (i = 0; i < s->ndirt; i++)
		(void)dirty_apply(&j->dirty, s->dirt[i].off, s->dirt[i].len,
		    s->dirt[i].before, s->dirt[i].after);
	journal_dirt_free(s);
	return (0);
}

/*
 * Takes the step's span out, keeping the dirty pieces in it, and moves
 * the dirty ranges past it down.
 */
static int
journal_shrink(struct journal *j, struct journal_step *s, char *err,
    size_t errlen)
{
	struct doc	*d = j->d;
	unsigned char	*was = NULL;
	int		 rc;

	if (s->where > doc_size(d) || s->len > doc_size(d) - s->where) {
		snprintf(err, errlen, "%s: the file is shorter than the "
		    "change to undo at 0x%llx", doc_path(d),
		    (unsigned long long)s->where);
		return (-1);
	}
	if (s->where + s->len < doc_size(d)) {
		if ((was = malloc((size_t)s->len)) == NULL)
			return (journal_nomem(j, err, errlen));
		if (doc_read(d, s->where, was, (size_t)s->len) == -1) {
			free(was);
			snprintf(err, errlen, "%s: cannot read at 0x%llx",
			    doc_path(d), (unsigned long long)s->where);
			return (-1);
		}
	}
	if (journal_dirt_take(j, s) == -1) {
		free(was);
		return (journal_nomem(j, err, errlen));
	}
	doc_set_progress(d, j->step_fn, j->step_arg);
	rc = doc_delete(d, s->where, s->len, was, err, errlen);
	doc_set_progress(d, NULL, NULL);
	if (rc == 0 && dirty_splice(&j->dirty, s->where, s->len, 0) == -1) {
		(void)doc_insert(d, s->where, was, s->len, err, errlen);
		rc = journal_nomem(j, err, errlen);
	}
	if (rc == -1)
		journal_dirt_free(s);
	free(was);
	return (rc);
}

/* Refuses a size change where there can be none, with the reason. */
static int
journal_can_reshape(struct journal *j, char *err, size_t errlen)
{
	struct doc	*d = j->d;

	if (doc_mode(d) == MAPPING_READONLY)
		snprintf(err, errlen, "read-only: %s cannot be changed%s%s",
		    doc_path(d), doc_note(d)[0] != '\0' ? ", " : "",
		    doc_note(d));
	else if (doc_mode(d) == MAPPING_PREVIEW)
		snprintf(err, errlen, "preview mode cannot change the size "
		    "of %s: reopen it with -w to insert or delete",
		    doc_path(d));
	else if (doc_blockdev(d))
		snprintf(err, errlen, "%s: a block device's size cannot "
		    "change", doc_path(d));
	else if (!doc_can_save(d))
		snprintf(err, errlen, "%s: opened read-only, so its size "
		    "cannot change", doc_path(d));
	else if (journal_past_end(j) > 0)
		snprintf(err, errlen, "%s: the file shrank under maphex: save "
		    "or discard first", doc_path(d));
	else
		return (0);
	return (-1);
}

/* Makes, applies and records one size change. */
static int
journal_reshape_new(struct journal *j, enum journal_kind kind, uint64_t off,
    const void *bytes, uint64_t n, char *err, size_t errlen)
{
	struct journal_step	*s = NULL;
	uint64_t		 size = doc_size(j->d);
	int			 keep;

	if (journal_can_reshape(j, err, errlen) == -1)
		return (-1);
	if (off > size || (kind == JOURNAL_DELETE && n > size - off)) {
		snprintf(err, errlen, "%s: 0x%llx is past the end of the file",
		    doc_path(j->d), (unsigned long long)off);
		return (-1);
	}
	keep = kind == JOURNAL_DELETE || bytes != NULL;
	if (n > SIZE_MAX || (keep && n > j->held_max)) {
		snprintf(err, errlen, "%llu bytes are more than undo can keep "
		    "(%llu MiB): %s", (unsigned long long)n,
		    (unsigned long long)(j->held_max >> 20), kind ==
		    JOURNAL_DELETE ? "truncate (Esc-T) drops a file's tail "
		    "without undo" : "insert less at a time");
		return (-1);
	}
	if (n == 0)
		return (0);
	if (journal_reserve(j) == -1 || (s = journal_step_new(0, 0)) == NULL ||
	    (keep && (s->data = malloc((size_t)n)) == NULL)) {
		if (s != NULL)
			journal_step_free(s);
		return (journal_nomem(j, err, errlen));
	}
	s->kind = kind;
	s->where = off;
	s->len = n;
	if (bytes != NULL)
		memcpy(s->data, bytes, (size_t)n);
	else if (keep && doc_read(j->d, off, s->data, (size_t)n) == -1) {
		journal_step_free(s);
		snprintf(err, errlen, "%s: cannot read at 0x%llx",
		    doc_path(j->d), (unsigned long long)off);
		return (-1);
	}
	if (journal_reshape(j, s, 1, err, errlen) == -1) {
		journal_step_free(s);
		return (-1);
	}
	j->nreshape++;
	journal_push(j, s);
	return (0);
}

int
journal_insert(struct journal *j, uint64_t off, const void *bytes,
    uint64_t n, char *err, size_t errlen)
{
	return (journal_reshape_new(j, JOURNAL_INSERT, off, bytes, n, err,
	    errlen));
}

int
journal_delete(struct journal *j, uint64_t off, uint64_t n, char *err,
    size_t errlen)
{
	return (journal_reshape_new(j, JOURNAL_DELETE, off, NULL, n, err,
	    errlen));
}

int
journal_resize(struct journal *j, uint64_t size, char *err, size_t errlen)
{
	uint64_t	now = doc_size(j->d);

	if (size >= now)
		return (journal_insert(j, now, NULL, size - now, err, errlen));
	return (journal_delete(j, size, now - size, err, errlen));
}

int
journal_move(struct journal *j, uint64_t dst, uint64_t src, uint64_t n,
    char *err, size_t errlen)
{
	unsigned char	*buf;
	uint64_t	 size = doc_size(j->d);
	int		 rc;

	if (src > size || n > size - src || dst > size || n > size - dst) {
		snprintf(err, errlen, "%s: the move runs past the end of the "
		    "file", doc_path(j->d));
		return (-1);
	}
	if (n > j->held_max / 2 || n > SIZE_MAX) {
		snprintf(err, errlen, "%llu bytes are more than undo can keep "
		    "(%llu MiB for a move)", (unsigned long long)n,
		    (unsigned long long)(j->held_max >> 21));
		return (-1);
	}
	if (n == 0 || dst == src)
		return (0);
	/* The source is read whole first: overlap works as memmove(3). */
	if ((buf = malloc((size_t)n)) == NULL)
		return (journal_nomem(j, err, errlen));
	if (doc_read(j->d, src, buf, (size_t)n) == -1) {
		free(buf);
		snprintf(err, errlen, "%s: cannot read at 0x%llx",
		    doc_path(j->d), (unsigned long long)src);
		return (-1);
	}
	rc = journal_write(j, dst, buf, (size_t)n, err, errlen);
	free(buf);
	return (rc);
}

/*
 * Returns the bytes inserted or deleted since the last save (undoing
 * one past the save counts too), or 0 when the size never changed.
 */
static uint64_t
journal_reshaped(const struct journal *j)
{
	size_t		i, a = 0, b = j->pos;
	uint64_t	n = j->reshape_lost;

	if (j->nreshape == 0)
		return (n);
	if (j->saved_known) {
		a = j->saved_pos < j->pos ? j->saved_pos : j->pos;
		b = j->saved_pos < j->pos ? j->pos : j->saved_pos;
	}
	for (i = a; i < b && i < j->nsteps; i++)
		if (j->steps[i]->kind != JOURNAL_OVERWRITE)
			n += j->steps[i]->len;
	return (n);
}

/*
 * Undoes (or redoes) steps until the history is back at the last save,
 * without progress or cancel: what discard and undo-all do once the
 * size changed.  -1 when the history no longer reaches the save.
 */
static int
journal_walk_saved(struct journal *j, char *err, size_t errlen)
{
	int		(*fn)(void *, uint64_t, uint64_t) = j->step_fn;
	uint64_t	off;
	int		rc = 0;

	if (!j->saved_known || j->reshape_lost > 0) {
		snprintf(err, errlen, "%s: the undo history no longer reaches "
		    "the last save, so the size changes cannot be taken back "
		    "(F2 saves them)", doc_path(j->d));
		return (-1);
	}
	j->step_fn = NULL;
	while (rc != -1 && j->pos > j->saved_pos)
		rc = journal_undo(j, &off, err, errlen);
	while (rc != -1 && j->pos < j->saved_pos)
		rc = journal_redo(j, &off, err, errlen);
	j->step_fn = fn;
	return (rc == -1 ? -1 : 0);
}
