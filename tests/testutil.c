/* testutil.c: scratch files and random data for the Check suites. */
#include "config.h"

#include "testutil.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *
tu_path(void)
{
	char	 tmpl[] = "/tmp/maphex-test-XXXXXX";
	char	*path;

	if (mkdtemp(tmpl) == NULL)
		ck_abort_msg("mkdtemp failed");
	if (asprintf(&path, "%s/file", tmpl) == -1)
		ck_abort_msg("asprintf failed");
	return (path);
}

char *
tu_file(const void *data, size_t len)
{
	char		*path = tu_path();
	unsigned char	*zeros = NULL;
	int		 fd;

	if (data == NULL && len > 0)
		data = zeros = calloc(1, len);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(fd, 0);
	if (len > 0)
		ck_assert_int_eq(write(fd, data, len), (ssize_t)len);
	ck_assert_int_eq(close(fd), 0);
	free(zeros);
	return (path);
}

char *
tu_sparse(uint64_t size)
{
	char	*path = tu_path();
	int	 fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, (off_t)size), 0);
	ck_assert_int_eq(close(fd), 0);
	return (path);
}

unsigned char *
tu_slurp(const char *path, size_t *len)
{
	struct stat	 st;
	unsigned char	*buf;
	int		 fd;

	fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(fstat(fd, &st), 0);
	buf = malloc((size_t)st.st_size + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_int_eq(read(fd, buf, (size_t)st.st_size), st.st_size);
	close(fd);
	*len = (size_t)st.st_size;
	return (buf);
}

uint64_t
tu_rand(uint64_t *seed)
{
	uint64_t	x = *seed;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*seed = x;
	return (x);
}

void
tu_random(void *buf, size_t len, uint64_t *seed)
{
	unsigned char	*p = buf;
	size_t		 i;

	for (i = 0; i < len; i++)
		p[i] = (unsigned char)(tu_rand(seed) >> 24);
}

void
tu_remove(char *path)
{
	char	*dir;

	unlink(path);
	dir = dirname(path);
	rmdir(dir);
	free(path);
}

int	tu_pwrite_budget;
int	tu_pwrite_errno = ENOSPC;

ssize_t	__real_pwrite(int, const void *, size_t, off_t);
ssize_t	__wrap_pwrite(int, const void *, size_t, off_t);

ssize_t
__wrap_pwrite(int fd, const void *buf, size_t len, off_t off)
{
	if (tu_pwrite_budget > 0 && --tu_pwrite_budget == 0) {
		errno = tu_pwrite_errno;
		return (-1);
	}
	return (__real_pwrite(fd, buf, len, off));
}
