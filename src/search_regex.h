/*
 * search_regex.h: regular-expression search over the document (PCRE2).
 *
 * The pattern is a Perl-compatible regular expression matched against
 * bytes: no UTF, NUL bytes are ordinary, and `.` matches any byte but a
 * newline, as in `grep -P` (`(?s)` changes that).  A match is never
 * empty.  The whole mapping is one subject, so `^` is the start of the
 * file and a look-behind sees the bytes before a chunk, but it is
 * scanned a chunk at a time with PCRE2's hard partial matching: a match
 * that may go on past the end of a chunk is tried again with more bytes,
 * so one that crosses a chunk edge is found exactly once, and found as
 * it would be in one piece.  Progress, cancel, the SIGBUS guard, the
 * document's generation and hole skipping work as in search.h, with the
 * same search_opts and results; a pattern whose matches cannot begin
 * with a zero skips holes.  Nothing here prints, exits or draws.
 */
#ifndef MAPHEX_SEARCH_REGEX_H
#define MAPHEX_SEARCH_REGEX_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "search.h"

struct search_regex;

/*
 * Compiles pattern (len bytes, which may hold NULs) for matching,
 * JIT-compiled where PCRE2 can; icase folds ASCII case.  Returns the
 * regex, which the caller frees with search_regex_free(), or NULL with
 * a one-line message in err: "bad regex at column N: <PCRE2's words>".
 */
struct search_regex *search_regex_new(const char *pattern, size_t len,
	    int icase, char *err, size_t errlen);

/* Frees a regex; safe on NULL. */
void	search_regex_free(struct search_regex *);

/* Returns 1 if the regex runs JIT-compiled, else 0. */
int	search_regex_jit(const struct search_regex *);

/*
 * Start offsets scanned between two checks of progress and cancel
 * unless opts->chunk says otherwise; tests shrink that to a few bytes
 * so that chunk edges fall inside matches.
 */
#define SEARCH_REGEX_CHUNK	(4u << 20)

/*
 * Calls fn(fnarg, offset, length) for every match starting at or
 * after from, left to right, each search going on at the end of the
 * previous match (the matches `grep -obP` prints), until fn returns
 * nonzero.  Returns SEARCH_FOUND if fn was called at all, else
 * SEARCH_NOT_FOUND, or SEARCH_CANCELLED or SEARCH_ERROR (also after
 * some calls).
 */
enum search_result search_regex_all(const struct doc *d,
	    const struct search_regex *re, uint64_t from,
	    const struct search_opts *opts,
	    int (*fn)(void *, uint64_t, uint64_t), void *fnarg,
	    char *err, size_t errlen);

/*
 * Finds the first match starting at or after from: *at and *len get
 * its offset and length on SEARCH_FOUND.  opts may be NULL.
 */
enum search_result search_regex_forward(const struct doc *d,
	    const struct search_regex *re, uint64_t from,
	    const struct search_opts *opts, uint64_t *at, uint64_t *len,
	    char *err, size_t errlen);

/*
 * Finds the match with the last start at or before from (every start
 * counts, not only those a forward scan would stop at): *at and *len
 * as above.
 */
enum search_result search_regex_backward(const struct doc *d,
	    const struct search_regex *re, uint64_t from,
	    const struct search_opts *opts, uint64_t *at, uint64_t *len,
	    char *err, size_t errlen);

#endif
