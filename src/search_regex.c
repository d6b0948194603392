/*
 * search_regex.c: regular-expression scans of the document with PCRE2.
 *
 * The subject handed to pcre2_match() always starts at the first byte
 * of the mapping, so look-behinds and \b see what lies before a chunk;
 * only its end is cut, at the chunk's end.  A cut subject is matched
 * with PCRE2_PARTIAL_HARD: PCRE2 then says "partial" whenever more
 * bytes could change the answer, and the same start is tried again with
 * the subject grown (by at least a chunk, doubling, so a match as long
 * as the file costs linear time).  A complete match on a cut subject is
 * thus the match the whole file gives, and a chunk edge never splits or
 * repeats one.  Every match runs under guard_call(); between chunks the
 * callbacks paint and poll, and the document's generation is checked
 * after them as search.c does.
 *
 * Past its first chunk, a scan of all matches hands a batch of chunks,
 * one a thread, to a pool (pool.c).  Each thread finds the matches that
 * start in its chunk as if the scan began there, and keeps them.  The
 * caller then feeds them in order: a chunk's list is the scan's own
 * when the match before it ended at or before the chunk's start; when
 * that match ran into the chunk, the caller scans on from its end until
 * it meets a match of the list, after which the two agree.  Callbacks
 * run on the caller's thread only.  This file never prints, exits or
 * draws.
 */
#include "config.h"

#include "search_regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guard.h"
#include "pool.h"

/* The matches each thread of a batch keeps of its chunk. */
#define RX_HITS		4096

struct search_regex {
	pcre2_code	*code;
	int		 jit;
	int		 nonzero;	/* no match can begin with a zero */
	int		 serial;	/* matches depend on where a scan began */
};

/* One scan: the bounds taken at its start and the match in flight. */
struct rx_run {
	const struct doc		*d;
	const struct search_regex	*re;
	const struct search_opts	*o;
	const unsigned char		*base;
	uint64_t			 size;
	uint64_t			 gen;
	size_t				 chunk;
	int				 holes;
	uint64_t			 xlo, xhi;	/* data extent */
	pcre2_match_data		*md;
	pcre2_match_context		*mc;
	pcre2_jit_stack			*stack;
	/* The guarded call's arguments and result. */
	size_t				 start, end;
	uint32_t			 flags;
	int				 rc;
	/* Progress: the span the scan covers and where it was last shown. */
	uint64_t			 from, total, shown;
	char				*err;
	size_t				 errlen;
	int				 quiet;		/* a batch's: no callbacks */
	uint64_t			 chunks;	/* chunks scanned so far */
};

/* One chunk of a batch: the matches that start in [lo, hi). */
struct rx_job {
	_Alignas(64) struct rx_run	*run;	/* the job's own match data */
	uint64_t			 lo, hi;
	uint64_t			*hits;	/* start, end pairs */
	size_t				 nhits;
	int				 rc;	/* 0 all, 1 full, -1 failed */
};

/* A scan's threads, and what each chunk of a batch needs. */
struct rx_batch {
	struct pool	*pool;
	int		 n;		/* jobs a batch; 1: no batches */
	int		 dense;		/* a list filled: no more batches */
	struct rx_run	 runs[SEARCH_THREADS];
	struct rx_job	 jobs[SEARCH_THREADS];
	uint64_t	*hits;
	char		 errs[SEARCH_THREADS][160];
};

/* Where matches go: the caller's callback, and whether it was called. */
struct rx_feed {
	int		(*fn)(void *, uint64_t, uint64_t);
	void		*arg;
	int		 called;
};

static const struct search_opts rx_defaults;

static int	rx_begin(struct rx_run *, const struct doc *,
		    const struct search_regex *, const struct search_opts *,
		    char *, size_t);
static void	rx_end(struct rx_run *);
static int	rx_matcher(struct rx_run *);
static void	rx_matcher_free(struct rx_run *);
static void	rx_call(void *);
static int	rx_match(struct rx_run *, size_t, size_t);
static int	rx_step(struct rx_run *, uint64_t);
static int	rx_first(struct rx_run *, uint64_t, uint64_t, uint64_t *,
		    uint64_t *);
static int	rx_data(struct rx_run *, uint64_t *);
static int	rx_give(struct rx_feed *, uint64_t, uint64_t);
static int	rx_chunk(struct rx_run *, uint64_t *, struct rx_feed *);
static int	rx_batch_new(struct rx_run *, struct rx_batch *);
static void	rx_batch_free(struct rx_batch *);
static int	rx_batch_ok(struct rx_run *, struct rx_batch *, uint64_t);
static void	rx_job_run(void *, int);
static int	rx_job_has(const struct rx_job *, uint64_t, uint64_t,
		    size_t *);
static int	rx_merge(struct rx_run *, const struct rx_job *, uint64_t *,
		    struct rx_feed *);
static int	rx_batch(struct rx_run *, struct rx_batch *, uint64_t *,
		    struct rx_feed *);
static int	rx_hole_start(struct rx_run *, uint64_t *, uint64_t);
static int	rx_first_of(void *, uint64_t, uint64_t);
static enum search_result rx_result(int);

struct search_regex *
search_regex_new(const char *pattern, size_t len, int icase, char *err,
    size_t errlen)
{
	struct search_regex	*re;
	PCRE2_UCHAR		 msg[160];
	PCRE2_SIZE		 at;
	const uint8_t		*bits = NULL;
	uint32_t		 type = 0, unit = 0;
	int			 code;

	if (len == 0) {
		snprintf(err, errlen, "empty regex");
		return (NULL);
	}
	if ((re = calloc(1, sizeof *re)) == NULL) {
		snprintf(err, errlen, "cannot compile the regex: %s",
		    strerror(errno));
		return (NULL);
	}
	re->code = pcre2_compile((PCRE2_SPTR)pattern, len,
	    icase ? PCRE2_CASELESS : 0, &code, &at, NULL);
	if (re->code == NULL) {
		pcre2_get_error_message(code, msg, sizeof msg);
		snprintf(err, errlen, "bad regex at column %zu: %s",
		    (size_t)at + 1, (const char *)msg);
		free(re);
		return (NULL);
	}
	re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE |
	    PCRE2_JIT_PARTIAL_HARD) == 0;
	/*
	 * \G, \K and the backtracking verbs make a match depend on where
	 * the scan started, not only on where the match starts: a batch's
	 * threads start at chunk edges, so such a pattern stays on one
	 * thread (a look-alike, such as \\G, only costs the threads).
	 */
	re->serial = memmem(pattern, len, "\\G", 2) != NULL ||
	    memmem(pattern, len, "\\K", 2) != NULL ||
	    memmem(pattern, len, "(*", 2) != NULL;
	/* A known first byte, or a set of them, that excludes zero. */
	if (pcre2_pattern_info(re->code, PCRE2_INFO_FIRSTCODETYPE,
	    &type) == 0 && type == 1 && pcre2_pattern_info(re->code,
	    PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0)
		re->nonzero = unit != 0;
	else if (type == 0 && pcre2_pattern_info(re->code,
	    PCRE2_INFO_FIRSTBITMAP, &bits) == 0 && bits != NULL)
		re->nonzero = (bits[0] & 1) == 0;
	return (re);
}

void
search_regex_free(struct search_regex *re)
{
	if (re == NULL)
		return;
	pcre2_code_free(re->code);
	free(re);
}

int
search_regex_jit(const struct search_regex *re)
{
	return (re->jit);
}

/*
 * Prepares a scan.  Returns 0 to scan, 1 when the document is empty,
 * -1 with a message; on 0 the caller must call rx_end().
 */
static int
rx_begin(struct rx_run *r, const struct doc *d,
    const struct search_regex *re, const struct search_opts *o,
    char *err, size_t errlen)
{
	memset(r, 0, sizeof *r);
	r->d = d;
	r->re = re;
	r->o = o != NULL ? o : &rx_defaults;
	r->size = doc_size(d);
	r->gen = doc_generation(d);
	r->chunk = r->o->chunk != 0 ? r->o->chunk : SEARCH_REGEX_CHUNK;
	r->err = err;
	r->errlen = errlen;
	if (r->size == 0 || (r->base = doc_span(d, 0, (size_t)r->size)) ==
	    NULL)
		return (1);
	if (rx_matcher(r) == -1 || guard_install() == -1) {
		snprintf(err, errlen, "%s: cannot search: out of memory",
		    doc_path(d));
		rx_end(r);
		return (-1);
	}
	r->holes = r->o->use_holes && re->nonzero;
	doc_advise(d, 1);
	return (0);
}

static void
rx_end(struct rx_run *r)
{
	if (r->base != NULL && doc_generation(r->d) == r->gen)
		doc_advise(r->d, 0);
	rx_matcher_free(r);
}

/*
 * Gives r match data, a match context and (with JIT) a stack of its
 * own: a scan's and each thread's of a batch.  Returns 0, or -1 when
 * memory ran out (what was made is freed by rx_matcher_free()).
 */
static int
rx_matcher(struct rx_run *r)
{
	r->md = pcre2_match_data_create_from_pattern(r->re->code, NULL);
	r->mc = pcre2_match_context_create(NULL);
	r->stack = r->re->jit ? pcre2_jit_stack_create(32 << 10, 8 << 20,
	    NULL) : NULL;
	if (r->md == NULL || r->mc == NULL || (r->re->jit &&
	    r->stack == NULL))
		return (-1);
	if (r->stack != NULL)
		pcre2_jit_stack_assign(r->mc, NULL, r->stack);
	return (0);
}

static void
rx_matcher_free(struct rx_run *r)
{
	pcre2_match_data_free(r->md);
	pcre2_match_context_free(r->mc);
	pcre2_jit_stack_free(r->stack);
}

static void
rx_call(void *arg)
{
	struct rx_run	*r = arg;

	r->rc = pcre2_match(r->re->code, r->base, r->end, r->start,
	    r->flags, r->md, r->mc);
}

/*
 * Matches from start in the subject cut at end, under the guard.
 * Returns 1 matched, 2 partial, 0 none, -1 with a message.
 */
static int
rx_match(struct rx_run *r, size_t start, size_t end)
{
	PCRE2_UCHAR	msg[160];
	uint64_t	now;

	r->start = start;
	r->end = end;
	r->flags = PCRE2_NOTEMPTY | (end < r->size ? PCRE2_PARTIAL_HARD : 0);
	if (guard_call(rx_call, r) == -1) {
		if (doc_file_size(r->d, &now) == 0 && now < r->size)
			snprintf(r->err, r->errlen, "%s: the file shrank to "
			    "%llu bytes during the search", doc_path(r->d),
			    (unsigned long long)now);
		else
			snprintf(r->err, r->errlen, "%s: cannot read offsets "
			    "%zu to %zu: I/O error during the search",
			    doc_path(r->d), start, end);
		return (-1);
	}
	if (r->rc >= 0)
		return (1);
	if (r->rc == PCRE2_ERROR_PARTIAL)
		return (2);
	if (r->rc == PCRE2_ERROR_NOMATCH)
		return (0);
	pcre2_get_error_message(r->rc, msg, sizeof msg);
	snprintf(r->err, r->errlen, "regex search stopped at 0x%zx: %s", start,
	    (const char *)msg);
	return (-1);
}

/*
 * Shows progress at pos and asks whether to stop.  Returns 0 to go on,
 * -2 cancelled, or -1 with a message when the document was mapped
 * again meanwhile (its bounds are gone).
 */
static int
rx_step(struct rx_run *r, uint64_t pos)
{
	uint64_t	done;
	int		stop = 0;

	if (r->quiet)
		return (0);
	done = pos > r->from ? pos - r->from : r->from - pos;
	r->shown = pos;
	if (r->o->progress != NULL)
		r->o->progress(r->o->arg, done, r->total);
	if (doc_generation(r->d) == r->gen && r->o->cancel != NULL)
		stop = r->o->cancel(r->o->arg) != 0;
	if (doc_generation(r->d) != r->gen) {
		snprintf(r->err, r->errlen, "%s: file changed size during the "
		    "search (now %llu bytes)", doc_path(r->d),
		    (unsigned long long)doc_size(r->d));
		return (-1);
	}
	return (stop ? -2 : 0);
}

/*
 * Finds the leftmost match starting in [pos, lim): 1 with its bounds
 * in *ms and *me, 0 if none, -1 error, -2 cancelled.  The subject is
 * cut at lim and grown while PCRE2 answers "partial".
 */
static int
rx_first(struct rx_run *r, uint64_t pos, uint64_t lim, uint64_t *ms,
    uint64_t *me)
{
	PCRE2_SIZE	*ov;
	uint64_t	 end = lim, grow = r->chunk;
	int		 k;

	for (;;) {
		if ((k = rx_match(r, (size_t)pos, (size_t)end)) <= 0)
			return (k);
		ov = pcre2_get_ovector_pointer(r->md);
		if (ov[0] >= lim)
			return (0);
		if (k == 1) {
			*ms = ov[0];
			*me = ov[1];
			return (1);
		}
		pos = ov[0];
		end = r->size - end > grow ? end + grow : r->size;
		if (grow < (UINT64_MAX >> 2))
			grow *= 2;
		if ((k = rx_step(r, pos)) != 0)
			return (k);
	}
}

/*
 * Moves *pos out of a hole to the data extent holding it or after it.
 * Returns 0, 1 when no data is left, -1 with a message.
 */
static int
rx_data(struct rx_run *r, uint64_t *pos)
{
	uint64_t	now;
	int		k;

	if (!r->holes || *pos < r->xhi) {
		if (*pos < r->xlo)
			*pos = r->xlo;
		return (0);
	}
	k = doc_next_data(r->d, *pos, &r->xlo, &r->xhi);
	if (k == -1) {
		r->holes = 0;
		r->xlo = 0;
		return (0);
	}
	if (k == 1) {
		if (doc_file_size(r->d, &now) == 0 && now < r->size) {
			snprintf(r->err, r->errlen, "%s: the file shrank to "
			    "%llu bytes during the search", doc_path(r->d),
			    (unsigned long long)now);
			return (-1);
		}
		return (1);
	}
	if (*pos < r->xlo)
		*pos = r->xlo;
	return (0);
}

/*
 * Backward: moves *pos to the first data at or after it; returns 1 when
 * there is none below top (the window is all hole), else 0.  Where
 * SEEK_DATA cannot tell, everything is data.
 */
static int
rx_hole_start(struct rx_run *r, uint64_t *pos, uint64_t top)
{
	uint64_t	data, hole;
	int		k;

	if ((k = doc_next_data(r->d, *pos, &data, &hole)) == -1) {
		r->holes = 0;
		return (0);
	}
	if (k == 1 || data >= top)
		return (1);
	if (data > *pos)
		*pos = data;
	return (0);
}

/* Hands a match to the callback; returns 1 when it says stop. */
static int
rx_give(struct rx_feed *f, uint64_t ms, uint64_t me)
{
	f->called = 1;
	return (f->fn(f->arg, ms, me - ms) != 0);
}

/*
 * Feeds the matches that start in the chunk at *pos (a data extent's
 * part, the rest of the file at most), leaving *pos where the next
 * match may start.  Returns 0, 1 stopped by the callback, -1 error or
 * -2 cancelled.
 */
static int
rx_chunk(struct rx_run *r, uint64_t *pos, struct rx_feed *f)
{
	uint64_t	start = *pos, lim, ms, me;
	int		k = 0;

	lim = r->size - start > r->chunk ? start + r->chunk : r->size;
	if (r->holes && lim > r->xhi)
		lim = r->xhi;
	r->chunks++;
	while (*pos < lim && (k = rx_first(r, *pos, lim, &ms, &me)) == 1) {
		if (rx_give(f, ms, me))
			return (1);
		*pos = me;
		/* Dense matches still let the user see and cancel. */
		if (*pos - r->shown >= r->chunk && *pos < r->size &&
		    (k = rx_step(r, *pos)) != 0)
			return (k);
		k = 0;
	}
	if (k < 0)
		return (k);
	doc_release(r->d, start, lim - start);
	if (*pos < lim)
		*pos = lim;
	return (0);
}

/*
 * Starts the pool and gives each job its own match data.  Returns 0, or
 * -1 when it cannot (the scan stays on one thread).
 */
static int
rx_batch_new(struct rx_run *r, struct rx_batch *b)
{
	struct rx_run	*w;
	int		 k;

	if ((b->hits = calloc((size_t)b->n * RX_HITS * 2,
	    sizeof *b->hits)) == NULL)
		return (-1);
	for (k = 0; k < b->n; k++) {
		w = &b->runs[k];
		*w = *r;
		w->quiet = 1;
		w->err = b->errs[k];
		w->errlen = sizeof b->errs[k];
		if (rx_matcher(w) == -1)
			return (-1);
		b->jobs[k].run = w;
		b->jobs[k].hits = b->hits + (size_t)k * RX_HITS * 2;
	}
	return ((b->pool = pool_new(b->n)) == NULL ? -1 : 0);
}

static void
rx_batch_free(struct rx_batch *b)
{
	int	k;

	pool_free(b->pool);
	for (k = 0; k < SEARCH_THREADS; k++)
		rx_matcher_free(&b->runs[k]);
	free(b->hits);
	memset(b, 0, sizeof *b);
}

/*
 * Returns 1 if the next scan from pos may be a batch: not the first
 * chunk, which is often all a find-next reads; whole chunks of one data
 * extent; and the pool started (on the first batch).
 */
static int
rx_batch_ok(struct rx_run *r, struct rx_batch *b, uint64_t pos)
{
	uint64_t	span = (uint64_t)b->n * r->chunk;

	if (b->n < 2 || b->dense || r->re->serial || r->chunks == 0 ||
	    r->size - pos < span ||
	    (r->holes && r->xhi - pos < span))
		return (0);
	if (b->pool != NULL)
		return (1);
	if (rx_batch_new(r, b) == 0)
		return (1);
	rx_batch_free(b);
	return (0);
}

/* Keeps the matches that start in the job's chunk, as if from its start. */
static void
rx_job_run(void *arg, int k)
{
	struct rx_batch	*b = arg;
	struct rx_job	*j = &b->jobs[k];
	uint64_t	 p = j->lo, ms, me;
	int		 rc;

	j->nhits = 0;
	j->rc = 0;
	while (p < j->hi && (rc = rx_first(j->run, p, j->hi, &ms,
	    &me)) != 0) {
		if (rc < 0 || j->nhits == RX_HITS) {
			j->rc = rc < 0 ? -1 : 1;
			return;
		}
		j->hits[2 * j->nhits] = ms;
		j->hits[2 * j->nhits + 1] = me;
		j->nhits++;
		p = me;
	}
}

/* Finds the match [ms, me) in the job's list: 1 with its index in *i. */
static int
rx_job_has(const struct rx_job *j, uint64_t ms, uint64_t me, size_t *i)
{
	size_t	lo = 0, hi = j->nhits, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (j->hits[2 * mid] < ms)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == j->nhits || j->hits[2 * lo] != ms ||
	    j->hits[2 * lo + 1] != me)
		return (0);
	*i = lo;
	return (1);
}

/*
 * Feeds the matches of a job's chunk, *p being where the next match may
 * start.  While the job's list is the scan's own (from *p on), it feeds
 * the list; else it scans on the caller's thread until a match is in the
 * list, or the chunk ends.  Returns as rx_chunk().
 */
static int
rx_merge(struct rx_run *r, const struct rx_job *j, uint64_t *p,
    struct rx_feed *f)
{
	uint64_t	ms, me;
	size_t		i = 0;
	int		list = j->rc != -1, same = list && *p <= j->lo, k;

	for (;;) {
		for (; same && i < j->nhits; i++) {
			if (rx_give(f, j->hits[2 * i], j->hits[2 * i + 1]))
				return (1);
			*p = j->hits[2 * i + 1];
		}
		if (same && j->rc == 0)
			return (0);
		/* The list is done with, or not yet the scan's own. */
		if (same)
			list = same = 0;
		if (*p >= j->hi ||
		    (k = rx_first(r, *p, j->hi, &ms, &me)) == 0)
			return (0);
		if (k < 0)
			return (k);
		if (rx_give(f, ms, me))
			return (1);
		*p = me;
		if (list && rx_job_has(j, ms, me, &i)) {
			i++;
			same = 1;
		}
	}
}

/*
 * Scans b->n chunks from *pos at once and feeds their matches in
 * order; leaves *pos where the next match may start.  Returns as
 * rx_chunk().
 */
static int
rx_batch(struct rx_run *r, struct rx_batch *b, uint64_t *pos,
    struct rx_feed *f)
{
	uint64_t	p = *pos;
	int		k, rc;

	for (k = 0; k < b->n; k++) {
		b->jobs[k].lo = p + (uint64_t)k * r->chunk;
		b->jobs[k].hi = b->jobs[k].lo + r->chunk;
	}
	r->chunks += (uint64_t)b->n;
	pool_run(b->pool, rx_job_run, b, b->n);
	for (k = 0; k < b->n; k++) {
		if ((rc = rx_merge(r, &b->jobs[k], &p, f)) != 0)
			return (rc);
		/* The caller may have read the chunk again: release it. */
		doc_release(r->d, b->jobs[k].lo, r->chunk);
		/*
		 * Matches too dense for the lists: the caller scans most of
		 * each chunk again, so the rest of the scan is its alone.
		 */
		if (b->jobs[k].rc == 1)
			b->dense = 1;
		if (p < b->jobs[k].hi)
			p = b->jobs[k].hi;
		/* A chunk may hold many matches: show and poll after each. */
		if (k + 1 < b->n && (rc = rx_step(r, p)) != 0)
			return (rc);
	}
	*pos = p;
	return (0);
}

static enum search_result
rx_result(int k)
{
	return (k == -2 ? SEARCH_CANCELLED : SEARCH_ERROR);
}

enum search_result
search_regex_all(const struct doc *d, const struct search_regex *re,
    uint64_t from, const struct search_opts *o,
    int (*fn)(void *, uint64_t, uint64_t), void *fnarg, char *err,
    size_t errlen)
{
	struct rx_run	 r;
	struct rx_batch	 b;
	struct rx_feed	 f = { fn, fnarg, 0 };
	uint64_t	 pos = from;
	int		 k;

	if ((k = rx_begin(&r, d, re, o, err, errlen)) != 0)
		return (k == 1 ? SEARCH_NOT_FOUND : SEARCH_ERROR);
	memset(&b, 0, sizeof b);
	b.n = pool_threads(r.o->threads, SEARCH_THREADS);
	r.from = r.shown = from;
	r.total = r.size > from ? r.size - from : 0;
	k = r.o->cancel != NULL && r.o->cancel(r.o->arg) ? -2 : 0;
	while (k == 0 && pos < r.size) {
		if ((k = rx_data(&r, &pos)) != 0 || pos >= r.size) {
			k = k == 1 ? 0 : k;
			break;
		}
		k = rx_batch_ok(&r, &b, pos) ? rx_batch(&r, &b, &pos, &f) :
		    rx_chunk(&r, &pos, &f);
		if (k == 0 && pos < r.size)
			k = rx_step(&r, pos);
	}
	rx_batch_free(&b);
	rx_end(&r);
	if (k < 0)
		return (rx_result(k));
	return (f.called ? SEARCH_FOUND : SEARCH_NOT_FOUND);
}

struct rx_hit {
	uint64_t	at, len;
};

/* Keeps the first match and stops. */
static int
rx_first_of(void *arg, uint64_t at, uint64_t len)
{
	struct rx_hit	*h = arg;

	h->at = at;
	h->len = len;
	return (1);
}

enum search_result
search_regex_forward(const struct doc *d, const struct search_regex *re,
    uint64_t from, const struct search_opts *o, uint64_t *at,
    uint64_t *len, char *err, size_t errlen)
{
	struct rx_hit		h;
	enum search_result	res;

	res = search_regex_all(d, re, from, o, rx_first_of, &h, err, errlen);
	if (res == SEARCH_FOUND) {
		*at = h.at;
		*len = h.len;
	}
	return (res);
}

/*
 * Scans windows of a chunk of starts from from down to 0; in each, every
 * start that matches is found left to right and the last one kept.
 */
enum search_result
search_regex_backward(const struct doc *d, const struct search_regex *re,
    uint64_t from, const struct search_opts *o, uint64_t *at,
    uint64_t *len, char *err, size_t errlen)
{
	struct rx_run	r;
	uint64_t	top, lo, pos, ms, me;
	int		k, found = 0;

	if ((k = rx_begin(&r, d, re, o, err, errlen)) != 0)
		return (k == 1 ? SEARCH_NOT_FOUND : SEARCH_ERROR);
	top = (from < r.size ? from : r.size - 1) + 1;
	r.from = r.shown = top;
	r.total = top;
	k = r.o->cancel != NULL && r.o->cancel(r.o->arg) ? -2 : 0;
	while (k == 0 && !found && top > 0) {
		lo = top > r.chunk ? top - r.chunk : 0;
		pos = lo;
		/* No match starts in a hole: skip to the window's data. */
		if (r.holes && rx_hole_start(&r, &pos, top))
			pos = top;
		for (; (k = rx_first(&r, pos, top, &ms, &me)) == 1;
		    pos = ms + 1) {
			found = 1;
			*at = ms;
			*len = me - ms;
		}
		if (k == 0 && !found && (top = lo) > 0)
			k = rx_step(&r, top);
	}
	rx_end(&r);
	if (k < 0)
		return (rx_result(k));
	return (found ? SEARCH_FOUND : SEARCH_NOT_FOUND);
}
