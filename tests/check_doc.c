/*
 * check_doc.c: the document over a mapping, and the write loops of
 * io.c: sizes, guarded reads and writes, the generation that a remap
 * changes, resize and move (the pieces of insert and delete), and the
 * save-side calls, each asserted on the file's bytes.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc.h"
#include "io.h"
#include "suites.h"
#include "testutil.h"

START_TEST(test_read_write)
{
	struct doc	 d;
	char		*path, err[256];
	unsigned char	 buf[8], *disk;
	size_t		 n;

	path = tu_file("0123456789", 10);
	ck_assert_int_eq(doc_open(&d, path, MAPPING_DIRECT, err, sizeof err),
	    0);
	ck_assert_uint_eq(doc_size(&d), 10);
	ck_assert_int_eq(doc_mode(&d), MAPPING_DIRECT);
	ck_assert_str_eq(doc_path(&d), path);
	ck_assert_str_eq(doc_note(&d), "");
	ck_assert_int_eq(doc_can_save(&d), 1);
	ck_assert_int_eq(doc_blockdev(&d), 0);
	ck_assert_int_eq(doc_read(&d, 8, buf, 2), 0);
	ck_assert_int_eq(memcmp(buf, "89", 2), 0);
	ck_assert_int_eq(doc_read(&d, 9, buf, 2), -1);
	ck_assert_int_eq(doc_read(&d, UINT64_MAX, buf, 1), -1);
	ck_assert_int_eq(doc_write(&d, 0, "ab", 2), 0);
	ck_assert_int_eq(doc_write(&d, 10, "c", 1), -1);
	ck_assert_ptr_nonnull(doc_span(&d, 0, 10));
	ck_assert_ptr_null(doc_span(&d, 1, 10));
	ck_assert_int_eq(memcmp(doc_span(&d, 0, 10), "ab23456789", 10), 0);
	ck_assert_int_eq(doc_sync(&d, 0, 2, err, sizeof err), 0);
	disk = tu_slurp(path, &n);
	ck_assert_int_eq(memcmp(disk, "ab23456789", 10), 0);
	free(disk);
	doc_close(&d);
	tu_remove(path);
}
END_TEST

START_TEST(test_readonly_refuses)
{
	struct doc	 d;
	char		*path, err[256];
	unsigned char	*disk;
	size_t		 n;

	path = tu_file("0123456789", 10);
	ck_assert_int_eq(doc_open(&d, path, MAPPING_READONLY, err,
	    sizeof err), 0);
	ck_assert_int_eq(doc_write(&d, 0, "ab", 2), -1);
	ck_assert_int_eq(doc_move(&d, 0, 5, 5), -1);
	ck_assert_int_eq(doc_resize(&d, 4, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "read-only"));
	disk = tu_slurp(path, &n);
	ck_assert_uint_eq(n, 10);
	ck_assert_int_eq(memcmp(disk, "0123456789", 10), 0);
	free(disk);
	doc_close(&d);
	tu_remove(path);
}
END_TEST

/* The generation changes exactly when the mapping is redone. */
START_TEST(test_generation)
{
	struct doc	 d;
	char		*path, err[256];
	uint64_t	 g, size;
	int		 fd;

	path = tu_file("0123456789", 10);
	ck_assert_int_eq(doc_open(&d, path, MAPPING_READONLY, err,
	    sizeof err), 0);
	g = doc_generation(&d);
	ck_assert_int_eq(doc_refresh(&d, err, sizeof err), 0);
	ck_assert_uint_eq(doc_generation(&d), g);
	fd = open(path, O_WRONLY | O_APPEND);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "ab", 2), 2);
	ck_assert_int_eq(doc_file_size(&d, &size), 0);
	ck_assert_uint_eq(size, 12);
	ck_assert_uint_eq(doc_size(&d), 10);
	ck_assert_int_eq(doc_refresh(&d, err, sizeof err), 1);
	ck_assert_uint_ne(doc_generation(&d), g);
	ck_assert_uint_eq(doc_size(&d), 12);
	g = doc_generation(&d);
	ck_assert_int_eq(doc_reload(&d, err, sizeof err), 0);
	ck_assert_uint_ne(doc_generation(&d), g);
	close(fd);
	doc_close(&d);
	tu_remove(path);
}
END_TEST

/*
 * Insert and delete as a later step will build them: resize, then move
 * the tail, checked against a plain array for random operations.
 */
START_TEST(test_resize_move_model)
{
	struct doc	 d;
	char		*path, err[256];
	unsigned char	 model[4096], buf[4096], *disk;
	uint64_t	 seed = 7, at, len, size = 1000;
	size_t		 n;
	int		 i;

	tu_random(model, size, &seed);
	path = tu_file(model, size);
	ck_assert_int_eq(doc_open(&d, path, MAPPING_DIRECT, err, sizeof err),
	    0);
	for (i = 0; i < 300; i++) {
		at = tu_rand(&seed) % (size + 1);
		if (tu_rand(&seed) % 2 && size < sizeof model - 64) {
			len = 1 + tu_rand(&seed) % 64;
			ck_assert_int_eq(doc_resize(&d, size + len, err,
			    sizeof err), 0);
			ck_assert_int_eq(doc_move(&d, at + len, at,
			    size - at), 0);
			tu_random(buf, (size_t)len, &seed);
			ck_assert_int_eq(doc_write(&d, at, buf, (size_t)len),
			    0);
			memmove(model + at + len, model + at, size - at);
			memcpy(model + at, buf, len);
			size += len;
		} else if (at < size) {
			len = 1 + tu_rand(&seed) % (size - at);
			ck_assert_int_eq(doc_move(&d, at, at + len,
			    size - at - len), 0);
			ck_assert_int_eq(doc_resize(&d, size - len, err,
			    sizeof err), 0);
			memmove(model + at, model + at + len, size - at - len);
			size -= len;
		}
		ck_assert_uint_eq(doc_size(&d), size);
		ck_assert_int_eq(doc_read(&d, 0, buf, (size_t)size), 0);
		ck_assert_int_eq(memcmp(buf, model, size), 0);
	}
	ck_assert_int_eq(doc_move(&d, 0, size, 1), -1);
	doc_close(&d);
	disk = tu_slurp(path, &n);
	ck_assert_uint_eq(n, size);
	ck_assert_int_eq(memcmp(disk, model, size), 0);
	free(disk);
	tu_remove(path);
}
END_TEST

/* A preview saves with pwrite and fsync, and never touches the file before. */
START_TEST(test_preview_pwrite)
{
	struct doc	 d;
	char		*path, err[256];
	unsigned char	*disk;
	size_t		 n;

	path = tu_file("0123456789", 10);
	ck_assert_int_eq(doc_open(&d, path, MAPPING_PREVIEW, err, sizeof err),
	    0);
	ck_assert_int_eq(doc_write(&d, 2, "xy", 2), 0);
	disk = tu_slurp(path, &n);
	ck_assert_int_eq(memcmp(disk, "0123456789", 10), 0);
	free(disk);
	ck_assert_int_eq(doc_pwrite(&d, 2, "xy", 2), 0);
	ck_assert_int_eq(doc_fsync(&d), 0);
	disk = tu_slurp(path, &n);
	ck_assert_int_eq(memcmp(disk, "01xy456789", 10), 0);
	free(disk);
	ck_assert_int_eq(doc_resize(&d, 4, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "preview"));
	ck_assert_uint_eq(doc_size(&d), 10);
	doc_close(&d);
	tu_remove(path);
}
END_TEST

START_TEST(test_io_loops)
{
	static unsigned char	 big[1 << 20];
	unsigned char		 back[16];
	char			*path;
	size_t			 n;
	int			 p[2], fd;
	unsigned char		*disk;
	ssize_t			 got, total = 0;

	/* A pipe takes 64 KiB at a time: the loop must continue. */
	memset(big, 'q', sizeof big);
	ck_assert_int_eq(pipe(p), 0);
	if (fork() == 0) {
		close(p[0]);
		_exit(io_write_all(p[1], big, sizeof big) == 0 ? 0 : 1);
	}
	close(p[1]);
	while ((got = read(p[0], big, sizeof big)) > 0)
		total += got;
	close(p[0]);
	ck_assert_int_eq(total, (ssize_t)sizeof big);
	errno = 0;
	ck_assert_int_eq(io_write_all(-1, "x", 1), -1);
	ck_assert_int_eq(errno, EBADF);
	path = tu_file("0123456789", 10);
	fd = open(path, O_RDWR);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(io_pwrite_all(fd, "abc", 3, 12), 0);
	ck_assert_int_eq(pread(fd, back, 3, 12), 3);
	ck_assert_int_eq(memcmp(back, "abc", 3), 0);
	close(fd);
	disk = tu_slurp(path, &n);
	ck_assert_uint_eq(n, 15);
	ck_assert_int_eq(disk[10], 0);
	free(disk);
	tu_remove(path);
}
END_TEST

Suite *
doc_suite(void)
{
	Suite	*s = suite_create("doc");
	TCase	*tc = tcase_create("doc");

	tcase_add_test(tc, test_read_write);
	tcase_add_test(tc, test_readonly_refuses);
	tcase_add_test(tc, test_generation);
	tcase_add_test(tc, test_resize_move_model);
	tcase_add_test(tc, test_preview_pwrite);
	tcase_add_test(tc, test_io_loops);
	suite_add_tcase(s, tc);
	return (s);
}
