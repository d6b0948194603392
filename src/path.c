/*
 * path.c: expands ~ and completes file names for the path prompts.
 *
 * Completion lists one directory with opendir/readdir and keeps only
 * the names that start with what was typed; it never follows the names
 * further than one stat to tell a directory.  Nothing here prints.
 */
#include "config.h"

#include "path.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t	path_common(const char *, const char *);

int
path_expand(const char *in, char *out, size_t len, char *err,
    size_t errlen)
{
	const char	*rest, *home;
	char		 user[256];
	struct passwd	*pw;
	size_t		 n;

	if (in[0] != '~') {
		home = "";
		rest = in;
	} else {
		rest = in + 1 + strcspn(in + 1, "/");
		n = (size_t)(rest - in - 1);
		if (n == 0)
			home = getenv("HOME");
		else if (n < sizeof user) {
			memcpy(user, in + 1, n);
			user[n] = '\0';
			pw = getpwnam(user);
			home = pw != NULL ? pw->pw_dir : NULL;
		} else
			home = NULL;
		if (home == NULL || home[0] == '\0') {
			snprintf(err, errlen, "%s: %s", in, n == 0 ? "HOME is "
			    "not set" : "no such user");
			return (-1);
		}
	}
	if ((size_t)snprintf(out, len, "%s%s", home, rest) >= len) {
		snprintf(err, errlen, "file name too long");
		return (-1);
	}
	return (0);
}

/* The length of the prefix a and b share. */
static size_t
path_common(const char *a, const char *b)
{
	size_t	i = 0;

	while (a[i] != '\0' && a[i] == b[i])
		i++;
	return (i);
}

int
path_complete(char *line, size_t size, char *err, size_t errlen)
{
	char		 full[4096], dir[4096], best[256], *slash;
	const char	*base;
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	size_t		 blen = 0, keep;
	int		 n = 0;

	if (path_expand(line, full, sizeof full, err, errlen) == -1)
		return (-1);
	if ((slash = strrchr(full, '/')) != NULL) {
		base = slash + 1;
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - full + 1),
		    full);
	} else {
		base = full;
		snprintf(dir, sizeof dir, ".");
	}
	if ((d = opendir(dir)) == NULL) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return (-1);
	}
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, base, strlen(base)) != 0 ||
		    strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0 ||
		    (e->d_name[0] == '.' && base[0] != '.'))
			continue;
		if (n++ == 0) {
			snprintf(best, sizeof best, "%s", e->d_name);
			blen = strlen(best);
		} else if ((keep = path_common(best, e->d_name)) < blen)
			best[blen = keep] = '\0';
	}
	(void)closedir(d);
	if (n == 0)
		return (0);
	keep = (size_t)(base - full);
	if (keep + blen + 2 > sizeof full)
		return (n);
	memcpy(full + keep, best, blen + 1);
	if (n == 1 && stat(full, &st) == 0 && S_ISDIR(st.st_mode))
		strcat(full, "/");
	if (strlen(full) < size)
		memcpy(line, full, strlen(full) + 1);
	return (n);
}
