/*
 * search.h: searching the document for a pattern.
 *
 * The searches read the document's mapped bytes in place, so they see
 * unsaved edits, and scan them in chunks: between two chunks they
 * report progress and ask whether to stop.  A SIGBUS (a file that
 * shrank, a page the disk cannot read) ends the search with an error
 * instead of killing the process, and so does a document that was
 * mapped again while a callback ran ("file changed size"): a search
 * never reads past bounds it took before a callback.  The callbacks
 * should only paint and poll.  Nothing here prints, exits or draws:
 * failures come back as an error result and a one-line message in err
 * (errlen bytes).
 */
#ifndef MAPHEX_SEARCH_H
#define MAPHEX_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "pattern.h"

/* Candidate starts scanned between two progress or cancel checks. */
#define SEARCH_CHUNK	(2u << 20)
/* Threads a search (literal or regex) scans on at most. */
#define SEARCH_THREADS	4

struct search_opts {
	size_t	  chunk;	/* 0 is SEARCH_CHUNK; tests shrink it */
	/*
	 * Threads that may scan at once: 0 is one a CPU (at most
	 * SEARCH_THREADS), 1
	 * keeps the search on the caller's thread.  Past the first chunk
	 * a batch of chunks is scanned at once; the callbacks still run
	 * on the caller's thread only, between batches.  The regex scans
	 * (search_regex.h) take the same options; their backward search
	 * stays on one thread.
	 */
	int	  threads;
	/*
	 * Nonzero lets a pattern that cannot match zeros skip the file's
	 * holes (SEEK_DATA).  Set it only when every nonzero byte of the
	 * mapping is in the file too: true in read-only and direct mode,
	 * false in preview mode while unsaved edits exist.
	 */
	int	  use_holes;
	/*
	 * Called at most once a chunk; done and total count offsets.  It
	 * may paint the screen; it must not remap the document (a search
	 * that sees the document remapped stops with SEARCH_ERROR).
	 */
	void	(*progress)(void *arg, uint64_t done, uint64_t total);
	/* Asked before every chunk; nonzero stops the search. */
	int	(*cancel)(void *arg);
	void	 *arg;
};

enum search_result {
	SEARCH_FOUND,
	SEARCH_NOT_FOUND,
	SEARCH_CANCELLED,
	SEARCH_ERROR
};

/*
 * Finds the first match starting at or after from.  On SEARCH_FOUND
 * *at is its offset.  opts may be NULL (defaults, no hole skipping).
 */
enum search_result search_forward(const struct doc *d,
	    const struct pattern *p, uint64_t from,
	    const struct search_opts *opts, uint64_t *at,
	    char *err, size_t errlen);

/*
 * Finds the last match starting at or before from (clamped to the
 * last possible start; a caller at offset 0 has nothing before it and
 * should not call).  On SEARCH_FOUND *at is its offset.
 */
enum search_result search_backward(const struct doc *d,
	    const struct pattern *p, uint64_t from,
	    const struct search_opts *opts, uint64_t *at,
	    char *err, size_t errlen);

/*
 * Calls fn(fnarg, offset) for every match starting at or after from,
 * in increasing order, overlapping ones too, until fn returns nonzero.
 * fn runs on the caller's thread and must not change the document:
 * the matches of a batch are found before the first is fed.
 * Returns SEARCH_FOUND if fn was called at all, else SEARCH_NOT_FOUND;
 * or SEARCH_CANCELLED or SEARCH_ERROR, even after some calls.
 */
enum search_result search_all(const struct doc *d,
	    const struct pattern *p, uint64_t from,
	    const struct search_opts *opts, int (*fn)(void *, uint64_t),
	    void *fnarg, char *err, size_t errlen);

/* Returns the message word of a result: "found", "not found", ... */
const char	*search_result_name(enum search_result);

#endif
