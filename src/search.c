/*
 * search.c: drives searches over the document.
 *
 * A search walks the candidate start offsets chunk by chunk.  Between
 * chunks it reports progress and asks whether to stop; each chunk is
 * scanned under guard_call() so that a SIGBUS (the file shrank, a page
 * could not be read) ends the search with an error.  A chunk of
 * candidates [lo, hi) reads bytes [lo, hi + len - 1), so consecutive
 * chunks overlap by len - 1 bytes and no match is seen twice.  When
 * the caller allows it, a pattern that cannot match zeros skips the
 * file's holes with SEEK_DATA.  The size, and the generation of the
 * document's mapping, are taken when the search begins and checked
 * after every callback: a callback that caused a remap ends the search
 * cleanly instead of letting it read memory that is no longer mapped.
 * Past its first chunk a search that may use several threads scans a
 * batch of chunks at once on a pool (pool.c): each thread keeps the
 * matches of its own chunk, and once all are done the caller feeds
 * them to the callback in order, so callbacks run on the caller's
 * thread only and never while another thread reads the document.  A
 * chunk that matches more often than a thread can keep is finished on
 * the caller's thread.  The inner loops are in search_scan.c.  This
 * file never prints, exits or draws.
 */
#include "config.h"

#include "search.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guard.h"
#include "pool.h"
#include "search_scan.h"

/* The matches each thread of a batch may keep. */
#define SEARCH_HITS	16384

struct search_run;

/*
 * One thread's chunk of a batch, on a cache line of its own so that the
 * threads' counts do not share one.
 */
struct search_job {
	_Alignas(64) struct search_run *r;
	size_t			 lo, hi;	/* candidates */
	size_t			 next;		/* forward: scanned up to */
	size_t			 found;		/* backward: last match, or hi */
	size_t			*hits;		/* forward: matches kept */
	size_t			 nhits;
	int			 fault;		/* a SIGBUS ended it */
};

/* The state of one search, shared with the guarded chunk scans. */
struct search_run {
	const struct doc	*d;
	const unsigned char	*base;		/* the mapping at the start */
	uint64_t		 size;		/* its size then */
	uint64_t		 gen;		/* its generation then */
	const struct search_opts *o;
	struct scan_plan	 plan;
	struct scan_state	 st;
	size_t			 len;
	size_t			 chunk;
	int			 holes;		/* skipping holes */
	uint64_t		 xlo, xhi;	/* data extent, forward */
	size_t			 lo, hi;	/* the chunk scanned */
	size_t			 found;		/* backward: at or hi */
	int			 called;	/* fn was called */
	int			 stopped;	/* fn asked to stop */
	int			(*fn)(void *, uint64_t);
	void			*fnarg;
	char			*err;
	size_t			 errlen;
	int			 threads;	/* may use, 1 for none */
	uint64_t		 chunks;	/* chunks scanned so far */
	struct pool		*pool;		/* started at the first batch */
	size_t			*hits;		/* the jobs' match buffers */
	void			(*job)(void *);	/* the batch's scan */
	struct search_job	 jobs[SEARCH_THREADS];
};

static const struct search_opts search_defaults;

static int	search_begin(struct search_run *, const struct doc *,
		    const struct pattern *,
		    const struct search_opts *, char *, size_t);
static void	search_end(struct search_run *);
static int	search_step(struct search_run *, uint64_t, uint64_t);
static int	search_shrank(struct search_run *);
static int	search_eof(struct search_run *);
static int	search_data_fwd(struct search_run *, uint64_t, uint64_t *,
		    uint64_t *);
static int	search_data_rev(struct search_run *, uint64_t *, uint64_t);
static int	search_guard(struct search_run *, void (*)(void *));
static int	search_fault(struct search_run *, size_t, size_t);
static void	search_chunk_fwd(void *);
static void	search_chunk_rev(void *);
static int	search_serial(struct search_run *, uint64_t, uint64_t,
		    void (*)(void *), size_t);
static int	search_parallel(struct search_run *);
static uint64_t	search_unit(struct search_run *);
static int	search_split(struct search_run *, uint64_t, uint64_t,
		    void (*)(void *));
static void	search_job_run(void *, int);
static void	search_job_fwd(void *);
static void	search_job_rev(void *);
static int	search_scan_fwd(struct search_run *, uint64_t, uint64_t);
static int	search_feed(struct search_run *, struct search_job *);
static int	search_scan_rev(struct search_run *, uint64_t, uint64_t);
static enum search_result search_run_fwd(struct search_run *, uint64_t);
static enum search_result search_run_rev(struct search_run *, uint64_t);
static int	search_first(void *, uint64_t);

const char *
search_result_name(enum search_result r)
{
	switch (r) {
	case SEARCH_FOUND:
		return ("found");
	case SEARCH_NOT_FOUND:
		return ("not found");
	case SEARCH_CANCELLED:
		return ("cancelled");
	case SEARCH_ERROR:
		return ("error");
	}
	return ("?");
}

/*
 * Prepares a run.  Returns 0 to search, 1 when the mapping is too small
 * to hold a match, -1 on error; on 0 the caller must call search_end().
 */
static int
search_begin(struct search_run *r, const struct doc *d,
    const struct pattern *p, const struct search_opts *o,
    char *err, size_t errlen)
{
	memset(r, 0, sizeof *r);
	r->d = d;
	r->size = doc_size(d);
	r->gen = doc_generation(d);
	r->o = o != NULL ? o : &search_defaults;
	r->chunk = r->o->chunk != 0 ? r->o->chunk : SEARCH_CHUNK;
	r->threads = pool_threads(r->o->threads, SEARCH_THREADS);
	r->len = p->len;
	r->err = err;
	r->errlen = errlen;
	if (p->len == 0) {
		snprintf(err, errlen, "empty pattern");
		return (-1);
	}
	if (r->size < p->len ||
	    (r->base = doc_span(d, 0, (size_t)r->size)) == NULL)
		return (1);
	if (guard_install() == -1 || scan_plan_init(&r->plan, p) == -1) {
		snprintf(err, errlen, "%s: cannot search: %s", doc_path(d),
		    strerror(errno));
		return (-1);
	}
	r->holes = r->o->use_holes && r->plan.nonzero;
	doc_advise(d, 1);
	return (0);
}

static void
search_end(struct search_run *r)
{
	if (doc_generation(r->d) == r->gen)
		doc_advise(r->d, 0);
	pool_free(r->pool);
	free(r->hits);
	scan_plan_free(&r->plan);
}

/*
 * Reports progress, then asks whether to stop: returns 1 to stop, or
 * -1 with a message when the document was mapped again meanwhile, so
 * that the bounds the search took are no longer true.
 */
static int
search_step(struct search_run *r, uint64_t done, uint64_t total)
{
	int	stop = 0;

	if (r->o->progress != NULL)
		r->o->progress(r->o->arg, done, total);
	if (doc_generation(r->d) == r->gen && r->o->cancel != NULL)
		stop = r->o->cancel(r->o->arg) != 0;
	if (doc_generation(r->d) != r->gen) {
		snprintf(r->err, r->errlen, "%s: file changed size during the "
		    "search (now %llu bytes)", doc_path(r->d),
		    (unsigned long long)doc_size(r->d));
		return (-1);
	}
	return (stop);
}

/* Returns 1, with a message, if the file is now shorter than mapped. */
static int
search_shrank(struct search_run *r)
{
	uint64_t	size;

	if (doc_file_size(r->d, &size) == -1 || size >= r->size)
		return (0);
	snprintf(r->err, r->errlen, "%s: the file shrank to %llu bytes "
	    "during the search", doc_path(r->d), (unsigned long long)size);
	return (1);
}

/*
 * SEEK_DATA found no data up to the end of the file: returns 1, or -1
 * when that is because the file shrank under the mapping.
 */
static int
search_eof(struct search_run *r)
{
	return (search_shrank(r) ? -1 : 1);
}

/*
 * Narrows the candidates from pos on to those whose bytes may touch the
 * next data extent: [*lo, *hi).  Returns 0, 1 when no data is left, or
 * -1 on error.  Where SEEK_DATA does not work, everything is data.
 */
static int
search_data_fwd(struct search_run *r, uint64_t pos, uint64_t *lo,
    uint64_t *hi)
{
	int	k;

	*lo = pos;
	*hi = UINT64_MAX;
	if (!r->holes)
		return (0);
	if (pos >= r->xhi) {
		k = doc_next_data(r->d, pos, &r->xlo, &r->xhi);
		if (k == 1)
			return (search_eof(r));
		if (k == -1) {
			r->holes = 0;
			return (0);
		}
	}
	if (r->xlo > pos + r->len - 1)
		*lo = r->xlo - (r->len - 1);
	*hi = r->xhi;
	return (0);
}

/*
 * Raises *lo past candidates that lie wholly in a hole below the next
 * data, for the chunk [*lo, top).  Returns 0, 1 when the chunk touches
 * no data at all, or -1 on error.
 */
static int
search_data_rev(struct search_run *r, uint64_t *lo, uint64_t top)
{
	uint64_t	d, h;
	int		k;

	if (!r->holes)
		return (0);
	if ((k = doc_next_data(r->d, *lo, &d, &h)) == 1)
		return (search_eof(r));
	if (k == -1) {
		r->holes = 0;
		return (0);
	}
	if (d >= top + r->len - 1)
		return (1);
	if (d > *lo + r->len - 1)
		*lo = d - (r->len - 1);
	return (0);
}

/* Scans the chunk [r->lo, r->hi) with fn under the SIGBUS guard. */
static int
search_guard(struct search_run *r, void (*fn)(void *))
{
	if (guard_call(fn, r) == 0)
		return (0);
	return (search_fault(r, r->lo, r->hi));
}

/* A SIGBUS stopped the scan of [lo, hi): returns -1 with a message. */
static int
search_fault(struct search_run *r, size_t lo, size_t hi)
{
	if (!search_shrank(r))
		snprintf(r->err, r->errlen, "%s: cannot read offsets %zu to "
		    "%zu: I/O error during the search", doc_path(r->d), lo,
		    hi + r->len - 1);
	return (-1);
}

static void
search_chunk_fwd(void *arg)
{
	struct search_run	*r = arg;
	size_t			 s = r->lo;

	scan_reset(&r->plan, &r->st, s);
	while ((s = scan_next(&r->plan, &r->st, r->base, s, r->hi)) <
	    r->hi) {
		r->called = 1;
		if (r->fn(r->fnarg, s) != 0) {
			r->stopped = 1;
			return;
		}
		s++;
	}
}

static void
search_chunk_rev(void *arg)
{
	struct search_run	*r = arg;

	scan_reset(&r->plan, &r->st, r->hi);
	r->found = scan_prev(&r->plan, &r->st, r->base, r->lo, r->hi);
}

/*
 * Scans the candidates [lo, hi) with fn on the caller's thread under
 * the SIGBUS guard, then releases them but their first keep bytes.
 * Returns 0, or -1 on error.
 */
static int
search_serial(struct search_run *r, uint64_t lo, uint64_t hi,
    void (*fn)(void *), size_t keep)
{
	r->lo = (size_t)lo;
	r->hi = (size_t)hi;
	if (search_guard(r, fn) == -1)
		return (-1);
	doc_release(r->d, lo + keep, hi - lo);
	return (0);
}

/*
 * Returns 1 if the next scan may be a batch on several threads: not the
 * first chunk, which is often all an interactive search reads, and only
 * once the pool and the match buffers exist.  A pool that cannot start
 * leaves the search on one thread.
 */
static int
search_parallel(struct search_run *r)
{
	if (r->threads < 2 || r->chunks == 0)
		return (0);
	if (r->pool != NULL)
		return (1);
	r->hits = calloc((size_t)r->threads * SEARCH_HITS, sizeof *r->hits);
	if (r->hits == NULL || (r->pool = pool_new(r->threads)) == NULL) {
		free(r->hits);
		r->hits = NULL;
		r->threads = 1;
		return (0);
	}
	return (1);
}

/* Returns how many candidates the next scan takes at most. */
static uint64_t
search_unit(struct search_run *r)
{
	if (!search_parallel(r))
		return (r->chunk);
	return ((uint64_t)r->chunk * (uint64_t)pool_size(r->pool));
}

/* Runs one job of a batch under the SIGBUS guard. */
static void
search_job_run(void *arg, int k)
{
	struct search_run	*r = arg;
	struct search_job	*j = &r->jobs[k];

	j->fault = guard_call(r->job, j) != 0;
}

/*
 * Keeps the matches of [j->lo, j->hi) until the buffer is full, then
 * releases what it scanned.  j->next is always where the scan would go
 * on: past the last match kept, so that a fault keeps the matches it
 * came after, as on one thread.
 */
static void
search_job_fwd(void *arg)
{
	struct search_job	*j = arg;
	struct search_run	*r = j->r;
	struct scan_state	 st;
	size_t			 s = j->lo;

	j->next = s;
	scan_reset(&r->plan, &st, s);
	while ((s = scan_next(&r->plan, &st, r->base, s, j->hi)) < j->hi &&
	    j->nhits < SEARCH_HITS) {
		j->hits[j->nhits++] = s++;
		j->next = s;
	}
	j->next = s < j->hi ? s : j->hi;
	doc_release(r->d, j->lo, j->next - j->lo);
}

/* Finds the last match in [j->lo, j->hi). */
static void
search_job_rev(void *arg)
{
	struct search_job	*j = arg;
	struct search_run	*r = j->r;
	struct scan_state	 st;

	scan_reset(&r->plan, &st, j->hi);
	j->found = scan_prev(&r->plan, &st, r->base, j->lo, j->hi);
	/* The next lower scan reads the job's first len - 1 bytes again. */
	if (j->hi > j->lo)
		doc_release(r->d, j->lo + r->len, j->hi - j->lo);
}

/*
 * Splits the candidates [lo, hi) into one chunk a thread and scans them
 * all with job.  Returns the number of jobs.
 */
static int
search_split(struct search_run *r, uint64_t lo, uint64_t hi,
    void (*job)(void *))
{
	int		n = pool_size(r->pool), k;
	uint64_t	step = (hi - lo + (uint64_t)n - 1) / (uint64_t)n;
	struct search_job *j;

	for (k = 0; k < n; k++) {
		j = &r->jobs[k];
		memset(j, 0, sizeof *j);
		j->r = r;
		j->lo = (size_t)(lo + step * (uint64_t)k < hi ?
		    lo + step * (uint64_t)k : hi);
		j->hi = (size_t)(hi - j->lo > step ? j->lo + step : hi);
		j->hits = r->hits + (size_t)k * SEARCH_HITS;
	}
	r->job = job;
	pool_run(r->pool, search_job_run, r, n);
	return (n);
}

/*
 * Feeds a forward job's matches to r->fn, then scans on the caller's
 * thread what the job left, for want of room or because a page failed
 * (the scan meets the fault again and says where).  Returns 0, or -1
 * on error.
 */
static int
search_feed(struct search_run *r, struct search_job *j)
{
	size_t	i;

	for (i = 0; i < j->nhits; i++) {
		r->called = 1;
		if (r->fn(r->fnarg, j->hits[i]) != 0) {
			r->stopped = 1;
			return (0);
		}
	}
	if (j->next >= j->hi)
		return (j->fault ? search_fault(r, j->lo, j->hi) : 0);
	return (search_serial(r, j->next, j->hi, search_chunk_fwd, 0));
}

/* Feeds the matches in the candidates [lo, hi); returns 0 or -1. */
static int
search_scan_fwd(struct search_run *r, uint64_t lo, uint64_t hi)
{
	int	k, n;

	r->chunks++;
	if (r->pool == NULL || hi - lo <= r->chunk)
		return (search_serial(r, lo, hi, search_chunk_fwd, 0));
	n = search_split(r, lo, hi, search_job_fwd);
	for (k = 0; k < n && !r->stopped; k++)
		if (search_feed(r, &r->jobs[k]) == -1)
			return (-1);
	return (0);
}

/*
 * Finds the last match in the candidates [lo, hi) into r->found.
 * Returns 1 if there is one, 0 if not, -1 on error.
 */
static int
search_scan_rev(struct search_run *r, uint64_t lo, uint64_t hi)
{
	struct search_job	*j;
	int			 k;

	r->chunks++;
	if (r->pool == NULL || hi - lo <= r->chunk) {
		/* The next lower scan reads the first len - 1 bytes again. */
		if (search_serial(r, lo, hi, search_chunk_rev, r->len) == -1)
			return (-1);
		return (r->found < r->hi);
	}
	for (k = search_split(r, lo, hi, search_job_rev) - 1; k >= 0; k--) {
		j = &r->jobs[k];
		if (j->fault)
			return (search_fault(r, j->lo, j->hi));
		if (j->found < j->hi) {
			r->found = j->found;
			return (1);
		}
	}
	return (0);
}

/* Feeds every match from from on to r->fn. */
static enum search_result
search_run_fwd(struct search_run *r, uint64_t from)
{
	uint64_t	end = r->size - r->len + 1;
	uint64_t	pos = from, lo, hi, unit;
	int		k, stop;

	while (pos < end && !r->stopped) {
		if ((k = search_data_fwd(r, pos, &lo, &hi)) == -1)
			return (SEARCH_ERROR);
		if (k == 1 || lo >= end)
			break;
		if (hi > end)
			hi = end;
		unit = search_unit(r);
		if (hi - lo > unit)
			hi = lo + unit;
		if (search_scan_fwd(r, lo, hi) == -1)
			return (SEARCH_ERROR);
		pos = hi;
		if (r->stopped)
			break;
		if ((stop = search_step(r, pos - from, end - from)) != 0)
			return (stop == -1 ? SEARCH_ERROR : SEARCH_CANCELLED);
	}
	return (r->called ? SEARCH_FOUND : SEARCH_NOT_FOUND);
}

/*
 * Finds the last match at or before from into r->found.  Chunks that
 * touch no data are skipped with a span that doubles while it finds
 * none, so that a huge hole costs few lseek calls.
 */
static enum search_result
search_run_rev(struct search_run *r, uint64_t from)
{
	uint64_t	top = from + 1, span = r->chunk, lo, unit;
	int		k, stop;

	while (top > 0) {
		unit = search_unit(r);
		if (span < unit)
			span = unit;
		lo = top > span ? top - span : 0;
		if ((k = search_data_rev(r, &lo, top)) == -1)
			return (SEARCH_ERROR);
		if (k == 0 && span > unit) {
			span = unit;
			continue;
		}
		if (k == 1 && span < (UINT64_MAX >> 2))
			span *= 2;
		if (k == 0 && (k = search_scan_rev(r, lo, top)) != 0)
			return (k == 1 ? SEARCH_FOUND : SEARCH_ERROR);
		top = lo;
		if ((stop = search_step(r, from + 1 - top, from + 1)) != 0)
			return (stop == -1 ? SEARCH_ERROR : SEARCH_CANCELLED);
	}
	return (SEARCH_NOT_FOUND);
}

enum search_result
search_all(const struct doc *d, const struct pattern *p,
    uint64_t from, const struct search_opts *o, int (*fn)(void *, uint64_t),
    void *fnarg, char *err, size_t errlen)
{
	struct search_run	r;
	enum search_result	res;
	int			k;

	if ((k = search_begin(&r, d, p, o, err, errlen)) != 0)
		return (k == 1 ? SEARCH_NOT_FOUND : SEARCH_ERROR);
	r.fn = fn;
	r.fnarg = fnarg;
	if (r.o->cancel != NULL && r.o->cancel(r.o->arg))
		res = SEARCH_CANCELLED;
	else
		res = search_run_fwd(&r, from);
	search_end(&r);
	return (res);
}

/* Keeps the first match and stops. */
static int
search_first(void *arg, uint64_t off)
{
	*(uint64_t *)arg = off;
	return (1);
}

enum search_result
search_forward(const struct doc *d, const struct pattern *p,
    uint64_t from, const struct search_opts *o, uint64_t *at, char *err,
    size_t errlen)
{
	return (search_all(d, p, from, o, search_first, at, err, errlen));
}

enum search_result
search_backward(const struct doc *d, const struct pattern *p,
    uint64_t from, const struct search_opts *o, uint64_t *at, char *err,
    size_t errlen)
{
	struct search_run	r;
	enum search_result	res;
	int			k;

	if ((k = search_begin(&r, d, p, o, err, errlen)) != 0)
		return (k == 1 ? SEARCH_NOT_FOUND : SEARCH_ERROR);
	if (from > r.size - p->len)
		from = r.size - p->len;
	if (r.o->cancel != NULL && r.o->cancel(r.o->arg))
		res = SEARCH_CANCELLED;
	else
		res = search_run_rev(&r, from);
	if (res == SEARCH_FOUND)
		*at = r.found;
	search_end(&r);
	return (res);
}
