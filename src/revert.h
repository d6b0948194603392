/*
 * revert.h: --revert, xxd -r's inverse of a dump.
 *
 * revert_run() reads a dump (xxd's default layout, or -p's plain hex)
 * from a descriptor and writes its bytes into a file at the offsets
 * the dump names, exactly where `xxd -r` would put them: an existing
 * file is patched in place and never truncated, a missing one is
 * created.  Runs of zeros past the file's old end are not written but
 * left as holes, so a dump of a sparse image restores sparse.  This
 * layer never prints or exits; failures come back as -1 and a message.
 */
#ifndef MAPHEX_REVERT_H
#define MAPHEX_REVERT_H

#include <stddef.h>
#include <stdint.h>

/* The shortest run of zeros past the old end that becomes a hole. */
#define REVERT_HOLE	4096

struct revert_opts {
	int		 plain;	/* -p: hex digits only, offsets implied */
	uint64_t	 cols;	/* bytes a line read at most (default 16) */
	int64_t		 base;	/* added to every offset of the dump */
	size_t		 hole;	/* REVERT_HOLE; tests shrink it */
};

/*
 * Reads the dump from infd (named inname in messages) to its end and
 * writes its bytes into path, creating it with mode 0666 & ~umask when
 * missing.  Returns 0, or -1 with a one-line reason naming the path in
 * err: the file cannot be opened or is not a regular file, the dump
 * cannot be read, an offset would be negative, a write, ftruncate or
 * close fails.  Bytes written before a failure stay written, as with
 * xxd -r.  *written (when not NULL) counts the bytes of the dump that
 * were stored, holes included.
 */
int	revert_run(int infd, const char *inname, const char *path,
	    const struct revert_opts *o, uint64_t *written, char *err,
	    size_t errlen);

#endif
