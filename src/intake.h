/*
 * intake.h: stdin and /proc files as documents.
 *
 * "-" (stdin) and a regular file that says it is empty but reads bytes
 * (a /proc or /sys file) cannot be mapped as they are; intake copies
 * them into an anonymous file (feed.h) and opens a document over it.
 * Stdin that is a regular file with bytes, or a block device, is not
 * copied: its descriptor is mapped as it is (read-only unless it was
 * opened for writing, as with <>).  A copy stops at a limit (the
 * smaller of INTAKE_LIMIT and half the memory available, or
 * $MAPHEX_INPUT_LIMIT), leaving the rest of the input unread.
 * For --dump, --find and --inspect it reads all of the input first
 * (intake_open_whole()); for editing, the document opens read-only at
 * once and intake_tick(), called by the main loop, fills it while the
 * session shows it, then at the end of the input makes stdin's copy
 * what the command line asked for.  Nothing here prints or touches the
 * terminal; failures return -1 with a one-line reason in err.
 */
#ifndef MAPHEX_INTAKE_H
#define MAPHEX_INTAKE_H

#include <stddef.h>
#include <stdint.h>

#include "feed.h"
#include "mapping.h"

struct doc;
struct session;

#define INTAKE_STDIN	"(stdin)"	/* what stdin is called on screen */
#define INTAKE_WAIT_MS	2	/* a tick waits this long for more input */
#define INTAKE_IDLE_MS	30	/* how often input is looked for */
#define INTAKE_LIMIT	((uint64_t)4 << 30)	/* copy at most this */
#define INTAKE_LIMIT_ENV "MAPHEX_INPUT_LIMIT"	/* a smaller or larger one */

struct intake {
	struct feed		 feed;
	int			 active;	/* the input has not ended */
	int			 from_stdin;	/* else a /proc file */
	int			 mapped;	/* stdin is a file: no copy */
	uint64_t		 skip;		/* mapped: stdin's offset */
	const char		*note;		/* mapped: why read-only */
	const char		*path;		/* as given; not owned */
	enum mapping_mode	 mode;		/* what stdin's copy becomes */
	const char		*start;		/* -s, for the end of input */
	const char		*why;		/* what set the feed's limit */
};

/*
 * Is path "-" (stdin, which must not be a terminal) or a /proc file?
 * Then it starts copying it and returns 1; mode (MAPPING_AUTO: direct)
 * is what stdin's copy becomes at the end, start (-s, may be NULL) is
 * applied then.  Stdin that is a file is not copied (mapped is set,
 * active is not): mode (MAPPING_AUTO: direct if its descriptor is
 * open for writing, else read-only) is what it opens in, and -s is the
 * caller's; -w on a read-only descriptor fails.  Returns 0 for a path
 * to open as usual, or -1 with err (a bad MAPHEX_INPUT_LIMIT too).
 * Either way intake_close() may be called after it.
 */
int	intake_start(struct intake *, const char *path, enum mapping_mode,
	    const char *start, char *err, size_t errlen);

/*
 * Opens d over the copy that intake_start() began, read-only until the
 * input ends, with a note saying so.  0, or -1 with err.
 */
int	intake_open(struct intake *, struct doc *d, char *err, size_t errlen);

/*
 * Tells the session it shows input that is still arriving and, for
 * stdin's copy that may be edited, that it exists nowhere else.
 */
void	intake_attach(const struct intake *, struct session *);

/*
 * One turn of the main loop: copies what the input has ready, at most
 * FEED_BUDGET bytes, and refreshes the session (which sees the size
 * grow).  At the end of the input: the mode changes, the end is said,
 * -s applies.  Returns how many ms the loop may wait for a key: 0 when
 * the tick copied anything (more may be ready at once), INTAKE_IDLE_MS
 * when it found nothing, -1 when no input is arriving (then it only
 * refreshes the session, and the loop waits as it likes).
 */
int	intake_tick(struct intake *, struct session *);

/* Closes the copy's feed; the document keeps its own descriptor. */
void	intake_close(struct intake *);

/*
 * Opens path read-only as doc_open() does, but "-" and /proc files are
 * read to their end into an anonymous file first.  Stdin that is a
 * file is mapped whole; when skip is not NULL, *skip is its offset
 * (where a read would start), else stdin is copied from that offset
 * on when it is past 0, so that the document is what a read gives.
 * Returns 0, -1 with err, or -2 with err when the copy stopped at the
 * limit (the document is then closed).
 */
int	intake_open_whole(const char *path, struct doc *d, uint64_t *skip,
	    char *err, size_t errlen);

/*
 * For a file opened from inside maphex (Ctrl-O): if path is a /proc
 * file, reads it to its end into a read-only anonymous document and
 * returns 1; returns 0 for any other path (open it as usual), or -1
 * with err.  "-" is a file name here, not stdin.
 */
int	intake_open_proc(const char *path, struct doc *d, char *err,
	    size_t errlen);

#endif
