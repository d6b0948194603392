/*
 * feed.h: input that cannot be mapped as it is (stdin, a pipe, a /proc
 * file that says it is empty) copied into an anonymous file (a memfd)
 * that can be.
 *
 * A feed owns the input's descriptor when it opened it, and the
 * anonymous file's descriptor, which it appends to; the document maps
 * a descriptor of its own (feed_map_fd()), so the mapping layer stays
 * the only one that maps.  feed_pump() copies what is ready without
 * blocking, at most a budget of bytes a call, so that a fast producer
 * cannot stall the loop that calls it; feed_drain() copies everything,
 * blocking.  A feed with a limit stops copying there (capped), as if
 * the input had ended, and leaves the rest of it unread, so that an
 * endless producer cannot fill memory.  Nothing here prints or knows the screen or the document:
 * failures return -1 with a one-line reason naming the input in err.
 */
#ifndef MAPHEX_FEED_H
#define MAPHEX_FEED_H

#include <stddef.h>
#include <stdint.h>

#define FEED_BUDGET	((size_t)1 << 20)	/* bytes a pump, at most */
#define FEED_BUF	((size_t)1 << 20)	/* bytes a read, at most */

struct feed {
	int		 src;		/* the input; -1 once it ended */
	int		 own;		/* src was opened here: close it */
	int		 memfd;		/* the copy; -1 when closed */
	uint64_t	 size;		/* bytes copied so far */
	int		 done;		/* the input ended, or failed */
	uint64_t	 limit;		/* copy at most this; 0: no limit */
	int		 capped;	/* stopped at limit, the rest unread */
	size_t		 bufsize;	/* 0: FEED_BUF; tests shrink it */
	int		 patience;	/* ms a pump waits for more input */
	unsigned char	*buf;
	char		 name[256];	/* the input's name, quoted */
};

/*
 * Starts copying src into a new anonymous file; name is what messages
 * call it ("(stdin)").  own: the feed closes src when it ends (and here
 * on failure).  Returns 0, or -1 with err.
 */
int	feed_open(struct feed *, int src, int own, const char *name,
	    char *err, size_t errlen);

/*
 * Is path a regular file that says it is empty but reads bytes (a
 * /proc or /sys file)?  Then it starts a feed over it (holding the
 * first bytes read) and returns 1.  Returns 0 for every other path,
 * a truly empty file too (the caller opens it as usual), or -1 with
 * err when the anonymous file cannot be made.
 */
int	feed_probe(struct feed *, const char *path, char *err, size_t errlen);

/*
 * Copies what the input has ready until budget bytes were copied,
 * waiting at most patience ms for the first bytes (a producer refills
 * a pipe only after it was read; 0 never waits) and never after them,
 * so a trickling producer cannot hold the caller.  Returns 1 when the
 * budget ran out (more may be ready),
 * 0 when nothing more is ready now or the input ended (done), -1 when
 * reading or holding the input failed: then done is set, err says why
 * and the bytes copied so far stay.
 */
int	feed_pump(struct feed *, size_t budget, char *err, size_t errlen);

/* Copies everything up to the end of the input, blocking.  0 or -1. */
int	feed_drain(struct feed *, char *err, size_t errlen);

/*
 * A new descriptor (close-on-exec) of the anonymous file for the
 * mapping layer to own: read-write when writable, else read-only where
 * /proc/self/fd allows.  Returns it, or -1 with err.
 */
int	feed_map_fd(const struct feed *, int writable, char *err,
	    size_t errlen);

/* Closes what feed_open() gave the feed; safe to call twice. */
void	feed_close(struct feed *);

#endif
