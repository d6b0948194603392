/*
 * search.c: parses patterns and drives searches over the mapping.
 *
 * A search walks the candidate start offsets chunk by chunk.  Between
 * chunks it reports progress and asks whether to stop; each chunk is
 * scanned under guard_call() so that a SIGBUS (the file shrank, a page
 * could not be read) ends the search with an error.  A chunk of
 * candidates [lo, hi) reads bytes [lo, hi + len - 1), so consecutive
 * chunks overlap by len - 1 bytes and no match is seen twice.  When
 * the caller allows it, a pattern that cannot match zeros skips the
 * file's holes with SEEK_DATA.  The inner loops are in search_scan.c.
 * This file never prints, exits or draws.
 */
#include "config.h"

#include "search.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guard.h"
#include "search_scan.h"

/* The state of one search, shared with the guarded chunk scans. */
struct search_run {
	const struct mapping	*m;
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
};

static const struct search_opts search_defaults;

static int	search_hex_digit(int);
static void	search_hex_stray(unsigned char, size_t, char *, size_t);
static int	search_hex_end(const struct search_pattern *, int, size_t,
		    char *, size_t);
static int	search_alloc(struct search_pattern *, size_t, char *,
		    size_t);
static int	search_begin(struct search_run *, const struct mapping *,
		    const struct search_pattern *,
		    const struct search_opts *, char *, size_t);
static void	search_end(struct search_run *);
static int	search_step(struct search_run *, uint64_t, uint64_t);
static int	search_shrank(struct search_run *);
static int	search_eof(struct search_run *);
static int	search_data_fwd(struct search_run *, uint64_t, uint64_t *,
		    uint64_t *);
static int	search_data_rev(struct search_run *, uint64_t *, uint64_t);
static int	search_guard(struct search_run *, void (*)(void *));
static void	search_chunk_fwd(void *);
static void	search_chunk_rev(void *);
static enum search_result search_run_fwd(struct search_run *, uint64_t);
static enum search_result search_run_rev(struct search_run *, uint64_t);
static int	search_first(void *, uint64_t);

static int
search_hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* Allocates room for n bytes in an emptied pattern. */
static int
search_alloc(struct search_pattern *p, size_t n, char *err, size_t errlen)
{
	memset(p, 0, sizeof *p);
	p->bytes = malloc(n + 1);
	p->mask = malloc(n + 1);
	if (p->bytes == NULL || p->mask == NULL) {
		search_pattern_free(p);
		snprintf(err, errlen, "out of memory for the pattern");
		return (-1);
	}
	return (0);
}

/* Names a character that has no place in a hex pattern. */
static void
search_hex_stray(unsigned char c, size_t col, char *err, size_t errlen)
{
	if (c > ' ' && c < 0x7f)
		snprintf(err, errlen, "unexpected '%c' at column %zu", c, col);
	else
		snprintf(err, errlen, "unexpected byte 0x%02x at column %zu", c,
		    col);
}

/*
 * Checks the end of a hex pattern: half is the digit left over (16 for
 * a '?', -1 for none), col its column.  Returns 0 or -1.
 */
static int
search_hex_end(const struct search_pattern *p, int half, size_t col,
    char *err, size_t errlen)
{
	if (half == 16)
		snprintf(err, errlen, "lone '?' at column %zu: use ?? for any "
		    "byte", col);
	else if (half != -1)
		snprintf(err, errlen, "odd number of hex digits");
	else if (p->len == 0)
		snprintf(err, errlen, "empty pattern: type hex bytes such as "
		    "de ad ?? ef");
	else
		return (0);
	return (-1);
}

int
search_parse_hex(const char *text, struct search_pattern *p, char *err,
    size_t errlen)
{
	unsigned char	c;
	size_t		i, col = 0;
	int		v, half = -1;

	if (search_alloc(p, strlen(text) / 2, err, errlen) == -1)
		return (-1);
	for (i = 0; (c = (unsigned char)text[i]) != '\0'; i++) {
		if (c == ' ' || c == '\t') {
			if (half == -1)
				continue;
			snprintf(err, errlen, "space inside a byte at column "
			    "%zu", i + 1);
			goto fail;
		}
		if ((v = c == '?' ? 16 : search_hex_digit(c)) == -1) {
			search_hex_stray(c, i + 1, err, errlen);
			goto fail;
		}
		if (half == -1) {
			half = v;
			col = i + 1;
			continue;
		}
		if ((half == 16) != (v == 16)) {
			snprintf(err, errlen, "'?' mixed with a hex digit at "
			    "column %zu: use ?? for any byte", col);
			goto fail;
		}
		p->bytes[p->len] = v == 16 ? 0 : (unsigned char)(half << 4 | v);
		p->mask[p->len++] = v == 16 ? 0x00 : 0xff;
		half = -1;
	}
	if (search_hex_end(p, half, col, err, errlen) == 0)
		return (0);
fail:
	search_pattern_free(p);
	return (-1);
}

int
search_parse_text(const char *text, int icase, struct search_pattern *p,
    char *err, size_t errlen)
{
	size_t	n = strlen(text);

	if (n == 0) {
		memset(p, 0, sizeof *p);
		snprintf(err, errlen, "empty pattern");
		return (-1);
	}
	if (search_alloc(p, n, err, errlen) == -1)
		return (-1);
	memcpy(p->bytes, text, n);
	memset(p->mask, 0xff, n);
	p->len = n;
	p->icase = icase != 0;
	return (0);
}

void
search_pattern_free(struct search_pattern *p)
{
	free(p->bytes);
	free(p->mask);
	memset(p, 0, sizeof *p);
}

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
search_begin(struct search_run *r, const struct mapping *m,
    const struct search_pattern *p, const struct search_opts *o,
    char *err, size_t errlen)
{
	memset(r, 0, sizeof *r);
	r->m = m;
	r->o = o != NULL ? o : &search_defaults;
	r->chunk = r->o->chunk != 0 ? r->o->chunk : SEARCH_CHUNK;
	r->len = p->len;
	r->err = err;
	r->errlen = errlen;
	if (p->len == 0) {
		snprintf(err, errlen, "empty pattern");
		return (-1);
	}
	if (m->base == NULL || m->maplen < p->len)
		return (1);
	if (guard_install() == -1 || scan_plan_init(&r->plan, p) == -1) {
		snprintf(err, errlen, "%s: cannot search: %s", m->path,
		    strerror(errno));
		return (-1);
	}
	r->holes = r->o->use_holes && r->plan.nonzero && !m->blockdev;
	mapping_advise(m, 1);
	return (0);
}

static void
search_end(struct search_run *r)
{
	mapping_advise(r->m, 0);
	scan_plan_free(&r->plan);
}

/* Reports progress, then asks whether to stop: returns 1 to stop. */
static int
search_step(struct search_run *r, uint64_t done, uint64_t total)
{
	if (r->o->progress != NULL)
		r->o->progress(r->o->arg, done, total);
	return (r->o->cancel != NULL && r->o->cancel(r->o->arg));
}

/* Returns 1, with a message, if the file is now shorter than mapped. */
static int
search_shrank(struct search_run *r)
{
	char		scratch[64];
	uint64_t	size;

	if (mapping_stat_size(r->m, &size, scratch, sizeof scratch) == -1 ||
	    size >= r->m->maplen)
		return (0);
	snprintf(r->err, r->errlen, "%s: the file shrank to %llu bytes "
	    "during the search", r->m->path, (unsigned long long)size);
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
	off_t	d, h;

	*lo = pos;
	*hi = UINT64_MAX;
	if (!r->holes)
		return (0);
	if (pos >= r->xhi) {
		if ((d = lseek(r->m->fd, (off_t)pos, SEEK_DATA)) == -1) {
			if (errno == ENXIO)
				return (search_eof(r));
			r->holes = 0;
			return (0);
		}
		if ((h = lseek(r->m->fd, d, SEEK_HOLE)) == -1)
			h = (off_t)r->m->maplen;
		r->xlo = (uint64_t)d;
		r->xhi = (uint64_t)h;
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
	off_t	d;

	if (!r->holes)
		return (0);
	if ((d = lseek(r->m->fd, (off_t)*lo, SEEK_DATA)) == -1) {
		if (errno == ENXIO)
			return (search_eof(r));
		r->holes = 0;
		return (0);
	}
	if ((uint64_t)d >= top + r->len - 1)
		return (1);
	if ((uint64_t)d > *lo + r->len - 1)
		*lo = (uint64_t)d - (r->len - 1);
	return (0);
}

/* Scans the chunk [r->lo, r->hi) with fn under the SIGBUS guard. */
static int
search_guard(struct search_run *r, void (*fn)(void *))
{
	if (guard_call(fn, r) == 0)
		return (0);
	if (!search_shrank(r))
		snprintf(r->err, r->errlen, "%s: cannot read offsets %zu to "
		    "%zu: I/O error during the search", r->m->path, r->lo,
		    r->hi + r->len - 1);
	return (-1);
}

static void
search_chunk_fwd(void *arg)
{
	struct search_run	*r = arg;
	size_t			 s = r->lo;

	scan_reset(&r->plan, &r->st, s);
	while ((s = scan_next(&r->plan, &r->st, r->m->base, s, r->hi)) <
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
	r->found = scan_prev(&r->plan, &r->st, r->m->base, r->lo, r->hi);
}

/* Feeds every match from from on to r->fn. */
static enum search_result
search_run_fwd(struct search_run *r, uint64_t from)
{
	uint64_t	end = r->m->maplen - r->len + 1;
	uint64_t	pos = from, lo, hi;
	int		k;

	while (pos < end && !r->stopped) {
		if ((k = search_data_fwd(r, pos, &lo, &hi)) == -1)
			return (SEARCH_ERROR);
		if (k == 1 || lo >= end)
			break;
		if (hi > end)
			hi = end;
		if (hi - lo > r->chunk)
			hi = lo + r->chunk;
		r->lo = (size_t)lo;
		r->hi = (size_t)hi;
		if (search_guard(r, search_chunk_fwd) == -1)
			return (SEARCH_ERROR);
		pos = hi;
		if (!r->stopped && search_step(r, pos - from, end - from))
			return (SEARCH_CANCELLED);
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
	uint64_t	top = from + 1, span = r->chunk, lo;
	int		k;

	while (top > 0) {
		lo = top > span ? top - span : 0;
		if ((k = search_data_rev(r, &lo, top)) == -1)
			return (SEARCH_ERROR);
		if (k == 0 && span > r->chunk) {
			span = r->chunk;
			continue;
		}
		if (k == 1 && span < (UINT64_MAX >> 2))
			span *= 2;
		if (k == 0) {
			r->lo = (size_t)lo;
			r->hi = (size_t)top;
			if (search_guard(r, search_chunk_rev) == -1)
				return (SEARCH_ERROR);
			if (r->found < r->hi)
				return (SEARCH_FOUND);
		}
		top = lo;
		if (search_step(r, from + 1 - top, from + 1))
			return (SEARCH_CANCELLED);
	}
	return (SEARCH_NOT_FOUND);
}

enum search_result
search_all(const struct mapping *m, const struct search_pattern *p,
    uint64_t from, const struct search_opts *o, int (*fn)(void *, uint64_t),
    void *fnarg, char *err, size_t errlen)
{
	struct search_run	r;
	enum search_result	res;
	int			k;

	if ((k = search_begin(&r, m, p, o, err, errlen)) != 0)
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
search_forward(const struct mapping *m, const struct search_pattern *p,
    uint64_t from, const struct search_opts *o, uint64_t *at, char *err,
    size_t errlen)
{
	return (search_all(m, p, from, o, search_first, at, err, errlen));
}

enum search_result
search_backward(const struct mapping *m, const struct search_pattern *p,
    uint64_t from, const struct search_opts *o, uint64_t *at, char *err,
    size_t errlen)
{
	struct search_run	r;
	enum search_result	res;
	int			k;

	if ((k = search_begin(&r, m, p, o, err, errlen)) != 0)
		return (k == 1 ? SEARCH_NOT_FOUND : SEARCH_ERROR);
	if (from > m->maplen - p->len)
		from = m->maplen - p->len;
	if (r.o->cancel != NULL && r.o->cancel(r.o->arg))
		res = SEARCH_CANCELLED;
	else
		res = search_run_rev(&r, from);
	if (res == SEARCH_FOUND)
		*at = r.found;
	search_end(&r);
	return (res);
}
