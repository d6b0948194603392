/*
 * path.h: file names typed at a prompt: a leading ~ and Tab completion.
 *
 * Nothing here opens a file for reading or writing; completion only
 * lists a directory.
 */
#ifndef MAPHEX_PATH_H
#define MAPHEX_PATH_H

#include <stddef.h>

/*
 * Writes in to out with a leading "~" or "~user" replaced by that home
 * directory.  Returns 0, or -1 with a one-line reason in err (no HOME,
 * an unknown user, a result longer than len).
 */
int	path_expand(const char *in, char *out, size_t len, char *err,
	    size_t errlen);

/*
 * Completes the last component of the path in line (size bytes, a
 * leading ~ expanded first) to the longest prefix the directory's
 * matching entries share, adding "/" when the one match is a directory.
 * Dot files match only when the component starts with a dot.  Returns
 * the number of matches, or -1 with a reason in err when the directory
 * cannot be listed.
 */
int	path_complete(char *line, size_t size, char *err, size_t errlen);

#endif
