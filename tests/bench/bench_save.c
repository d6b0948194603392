/*
 * bench_save.c: bytes written to disk by saving a one-byte edit.
 *
 * The driver of bench_edit.sh, which builds it against the sources.
 * It opens PATH in MODE (direct or preview), changes the byte at OFF,
 * saves through the journal and prints what that cost, three ways:
 *
 *  write_bytes  what /proc/self/io charges to this process from just
 *               before the edit to just after the save.  Linux charges
 *               a page (folio) when it is dirtied, whether by a store
 *               into a shared mapping or by pwrite, not when msync or
 *               fsync writes it back, so the window must include the
 *               edit.  Block allocation and some other file-system
 *               metadata dirtied by the process are charged as well.
 *  syscall      bytes handed to msync and pwrite, counted by wrapping
 *               them (built with -Wl,--wrap); -1 when not wrapped.
 *  device       sectors written to the device that holds PATH over the
 *               same window, times 512: every writer on that device and
 *               the file system's journal included, so only a bound.
 *
 * Before measuring it drops PATH from the page cache, as when a big
 * file is opened cold, and makes one unmeasured edit and save 64 KiB
 * further on.  That absorbs the file system's once-in-a-while work: on
 * ext4 the first change after the inode was last written back (by a
 * sync, or the flusher every 30 s) also dirties the inode's metadata
 * block, charging 4096 more bytes to whoever makes it; no sync() may
 * come between the warm-up and the measured save for the same reason.
 *
 * Why cold: on kernels whose page cache uses large folios (ext4 since
 * 6.16), a file region written recently with big write()s stays cached
 * in folios of up to a few MiB.  A store into a shared mapping dirties
 * the whole folio and msync writes all of it back (1 MiB was seen
 * here), while pwrite dirties only the blocks it touches.  Pages read
 * in through the mapping with MADV_RANDOM are single 4 KiB folios.
 *
 * It prints "WRITE_BYTES SYSCALL DEVICE" on one line and exits 1 on
 * failure; it is not part of maphex.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "doc.h"
#include "journal.h"

#ifndef BENCH_WRAP
static long long	syscall_bytes = -1;
#else
static long long	syscall_bytes;

int	__real_msync(void *, size_t, int);
int	__wrap_msync(void *, size_t, int);
ssize_t	__real_pwrite(int, const void *, size_t, off_t);
ssize_t	__wrap_pwrite(int, const void *, size_t, off_t);
ssize_t	__real_pwrite64(int, const void *, size_t, off_t);
ssize_t	__wrap_pwrite64(int, const void *, size_t, off_t);

int
__wrap_msync(void *addr, size_t len, int flags)
{
	syscall_bytes += (long long)len;
	return (__real_msync(addr, len, flags));
}

ssize_t
__wrap_pwrite(int fd, const void *buf, size_t len, off_t off)
{
	ssize_t	n = __real_pwrite(fd, buf, len, off);

	if (n > 0)
		syscall_bytes += n;
	return (n);
}

ssize_t
__wrap_pwrite64(int fd, const void *buf, size_t len, off_t off)
{
	ssize_t	n = __real_pwrite64(fd, buf, len, off);

	if (n > 0)
		syscall_bytes += n;
	return (n);
}
#endif

static long long
io_write_bytes(void)
{
	char		 line[256];
	long long	 v = -1;
	FILE		*f;

	if ((f = fopen("/proc/self/io", "r")) == NULL)
		return (-1);
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "write_bytes: %lld", &v) == 1)
			break;
	fclose(f);
	return (v);
}

/* Sectors written so far to the device holding path, or -1. */
static long long
dev_sectors(const char *path)
{
	struct stat	 st;
	char		 name[128];
	long long	 v[7];
	FILE		*f;
	int		 n;

	if (stat(path, &st) == -1)
		return (-1);
	snprintf(name, sizeof name, "/sys/dev/block/%u:%u/stat",
	    major(st.st_dev), minor(st.st_dev));
	if ((f = fopen(name, "r")) == NULL)
		return (-1);
	n = fscanf(f, "%lld %lld %lld %lld %lld %lld %lld", &v[0], &v[1],
	    &v[2], &v[3], &v[4], &v[5], &v[6]);
	fclose(f);
	return (n == 7 ? v[6] : -1);
}

/* Writes back and evicts the file's cached pages. */
static void
drop_cache(const char *path)
{
	int	fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return;
	(void)fdatasync(fd);
	(void)posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
	close(fd);
}

/* Flips the byte at off and saves; 0 or -1 with err. */
static int
edit_save(struct doc *m, struct journal *j, uint64_t off, char *err,
    size_t errlen)
{
	unsigned char	b;

	if (doc_read(m, off, &b, 1) == -1) {
		snprintf(err, errlen, "cannot read at %llu",
		    (unsigned long long)off);
		return (-1);
	}
	b ^= 0x5a;
	if (journal_write(j, off, &b, 1, err, errlen) == -1)
		return (-1);
	return (journal_save(j, err, errlen));
}

int
main(int argc, char **argv)
{
	struct doc	 m;
	struct journal	*j;
	char		 err[512];
	long long	 w0, w1, s0, s1, c0;
	uint64_t	 off;

	if (argc != 4) {
		fprintf(stderr, "usage: bench_save PATH direct|preview OFF\n");
		return (2);
	}
	off = strtoull(argv[3], NULL, 0);
	drop_cache(argv[1]);
	if (doc_open(&m, argv[1], strcmp(argv[2], "direct") == 0 ?
	    MAPPING_DIRECT : MAPPING_PREVIEW, err, sizeof err) == -1 ||
	    (j = journal_new(&m)) == NULL ||
	    edit_save(&m, j, off + 65536, err, sizeof err) == -1) {
		fprintf(stderr, "bench_save: %s\n", err);
		return (1);
	}
	c0 = syscall_bytes;
	w0 = io_write_bytes();
	s0 = dev_sectors(argv[1]);
	if (edit_save(&m, j, off, err, sizeof err) == -1) {
		fprintf(stderr, "bench_save: %s\n", err);
		return (1);
	}
	w1 = io_write_bytes();
	s1 = dev_sectors(argv[1]);
	printf("%lld %lld %lld\n", w0 < 0 || w1 < 0 ? -1 : w1 - w0,
	    c0 < 0 ? -1 : syscall_bytes - c0,
	    s0 < 0 || s1 < 0 ? -1 : (s1 - s0) * 512);
	journal_free(j);
	doc_close(&m);
	return (0);
}
