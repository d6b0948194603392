/*
 * check_mapping.c: the mapping layer in all three modes, odd files,
 * sizes, and the SIGBUS guard.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "mapping.h"
#include "suites.h"
#include "testutil.h"

static void
open_fails(const char *path, const char *why)
{
	struct mapping	m;
	char		err[512] = "";

	ck_assert_int_eq(mapping_open(&m, path, MAPPING_DIRECT, err,
	    sizeof err), -1);
	ck_assert_msg(strstr(err, path) != NULL, "'%s' lacks the path", err);
	ck_assert_msg(strstr(err, why) != NULL, "'%s' lacks '%s'", err, why);
	ck_assert_ptr_null(strchr(err, '\n'));
}

START_TEST(test_modes)
{
	unsigned char	 data[100], b, *disk;
	char		 err[256], *path;
	struct mapping	 m;
	size_t		 len;
	int		 i;

	for (i = 0; i < 100; i++)
		data[i] = (unsigned char)i;
	path = tu_file(data, sizeof data);

	ck_assert_int_eq(mapping_open(&m, path, MAPPING_READONLY, err,
	    sizeof err), 0);
	ck_assert_uint_eq(m.size, 100);
	ck_assert_str_eq(mapping_mode_name(m.mode), "READ-ONLY");
	ck_assert_int_eq(mapping_read(&m, 99, &b, 1), 0);
	ck_assert_uint_eq(b, 99);
	ck_assert_int_eq(mapping_write(&m, 0, "x", 1), -1);
	ck_assert_int_eq(mapping_read(&m, 100, &b, 1), -1);
	ck_assert_int_eq(mapping_read(&m, 99, data, 2), -1);
	mapping_close(&m);

	ck_assert_int_eq(mapping_open(&m, path, MAPPING_PREVIEW, err,
	    sizeof err), 0);
	ck_assert_int_eq(mapping_write(&m, 5, "P", 1), 0);
	ck_assert_int_eq(mapping_read(&m, 5, &b, 1), 0);
	ck_assert_uint_eq(b, 'P');
	disk = tu_slurp(path, &len);
	ck_assert_uint_eq(disk[5], 5);
	free(disk);
	mapping_close(&m);

	ck_assert_int_eq(mapping_open(&m, path, MAPPING_DIRECT, err,
	    sizeof err), 0);
	ck_assert_str_eq(mapping_mode_name(m.mode), "DIRECT");
	ck_assert_int_eq(mapping_write(&m, 7, "D", 1), 0);
	disk = tu_slurp(path, &len);
	ck_assert_uint_eq(disk[7], 'D');
	free(disk);
	ck_assert_int_eq(mapping_sync(&m, 7, 1, err, sizeof err), 0);
	mapping_close(&m);
	tu_remove(path);
}
END_TEST

START_TEST(test_empty)
{
	struct mapping	 m;
	char		 err[256], *path = tu_file(NULL, 0);
	unsigned char	 b;

	ck_assert_int_eq(mapping_open(&m, path, MAPPING_DIRECT, err,
	    sizeof err), 0);
	ck_assert_uint_eq(m.size, 0);
	ck_assert_ptr_null(m.base);
	ck_assert_int_eq(mapping_read(&m, 0, &b, 1), -1);
	ck_assert_int_eq(mapping_read(&m, 0, &b, 0), 0);
	mapping_close(&m);
	mapping_close(&m);
	tu_remove(path);
}
END_TEST

START_TEST(test_sparse_64g)
{
	struct mapping	 m;
	char		 err[256], *path = tu_sparse(64ULL << 30);
	unsigned char	 b = 1;

	ck_assert_int_eq(mapping_open(&m, path, MAPPING_READONLY, err,
	    sizeof err), 0);
	ck_assert_uint_eq(m.size, 64ULL << 30);
	ck_assert_int_eq(mapping_read(&m, (64ULL << 30) - 1, &b, 1), 0);
	ck_assert_uint_eq(b, 0);
	mapping_close(&m);
	tu_remove(path);
}
END_TEST

START_TEST(test_bad_paths)
{
	char			 dir[] = "/tmp/maphex-odd-XXXXXX", p[108];
	struct sockaddr_un	 sun;
	int			 s;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(p, sizeof p, "%s/missing", dir);
	open_fails(p, "No such file");
	open_fails(p, "(check the path)");
	open_fails("", "empty path (name a file");
	open_fails(dir, "is a directory (name a file in it)");
	snprintf(p, sizeof p, "%s/fifo", dir);
	ck_assert_int_eq(mkfifo(p, 0600), 0);
	open_fails(p, "FIFO");
	unlink(p);
	snprintf(p, sizeof p, "%s/sock", dir);
	s = socket(AF_UNIX, SOCK_STREAM, 0);
	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	snprintf(sun.sun_path, sizeof sun.sun_path, "%s", p);
	ck_assert_int_eq(bind(s, (struct sockaddr *)&sun, sizeof sun), 0);
	open_fails(p, "socket");
	close(s);
	unlink(p);
	open_fails("/dev/null", "character device");
	open_fails("/dev/null", "copy it to a file first");
	rmdir(dir);
}
END_TEST

/* A path with control bytes stays on one harmless line in errors. */
START_TEST(test_error_quotes_path)
{
	struct mapping	 m;
	const char	*want = "/nonexistent/q\\ny\\x1b\\xff: cannot open: ";
	char		 err[512] = "";

	ck_assert_int_eq(mapping_open(&m, "/nonexistent/q\ny\x1b\xff",
	    MAPPING_READONLY, err, sizeof err), -1);
	ck_assert_msg(strncmp(err, want, strlen(want)) == 0, "'%s'", err);
	ck_assert_ptr_null(strchr(err, '\n'));
	ck_assert_ptr_null(strchr(err, '\x1b'));
}
END_TEST

/* Runs as an unprivileged user where the tests run as root. */
START_TEST(test_no_write_permission)
{
	struct mapping	 m;
	char		 err[256], dir[256], *path = tu_file("abc", 3);
	char		*noread = tu_file("abc", 3);
	int		 root;

	snprintf(dir, sizeof dir, "%s", path);
	ck_assert_int_eq(chmod(path, 0444), 0);
	ck_assert_int_eq(chmod(dirname(dir), 0755), 0);
	snprintf(dir, sizeof dir, "%s", noread);
	ck_assert_int_eq(chmod(noread, 0), 0);
	ck_assert_int_eq(chmod(dirname(dir), 0755), 0);
	/* Root keeps its saved uid, to remove the files afterwards. */
	if ((root = geteuid() == 0) && setresuid(65534, 65534, 0) == -1)
		ck_abort_msg("cannot drop root");
	open_fails(noread, "cannot open: Permission denied (check the "
	    "file's permissions");

	/* Direct mode, asked for or not, opens read-only and says why. */
	ck_assert_int_eq(mapping_open(&m, path, MAPPING_DIRECT, err,
	    sizeof err), 0);
	ck_assert_int_eq(m.mode, MAPPING_READONLY);
	ck_assert_msg(strstr(m.note, "Permission denied") != NULL, "%s",
	    m.note);
	mapping_close(&m);
	ck_assert_int_eq(mapping_open(&m, path, MAPPING_AUTO, err,
	    sizeof err), 0);
	ck_assert_int_eq(m.mode, MAPPING_READONLY);
	ck_assert_int_eq(m.writable, 0);
	ck_assert_msg(strstr(m.note, "Permission denied") != NULL, "%s",
	    m.note);
	mapping_close(&m);
	ck_assert_int_eq(mapping_open(&m, path, MAPPING_PREVIEW, err,
	    sizeof err), 0);
	ck_assert_int_eq(m.mode, MAPPING_PREVIEW);
	ck_assert_int_eq(m.writable, 0);
	ck_assert_int_eq(mapping_write(&m, 0, "z", 1), 0);
	mapping_close(&m);
	if (root)
		ck_assert_int_eq(setresuid(0, 0, 0), 0);
	tu_remove(path);
	tu_remove(noread);
}
END_TEST

START_TEST(test_sigbus_guard)
{
	struct mapping	 m;
	unsigned char	 data[3 * 4096], buf[16];
	char		 err[256], *path;
	int		 fd;

	memset(data, 'x', sizeof data);
	path = tu_file(data, sizeof data);
	ck_assert_int_eq(mapping_open(&m, path, MAPPING_DIRECT, err,
	    sizeof err), 0);
	fd = open(path, O_RDWR);
	ck_assert_int_eq(ftruncate(fd, 4096), 0);
	close(fd);
	ck_assert_int_eq(mapping_read(&m, 0, buf, 16), 0);
	ck_assert_int_eq(mapping_read(&m, 2 * 4096, buf, 16), -1);
	ck_assert_int_eq(mapping_read(&m, 4096 - 8, buf, 16), -1);
	ck_assert_int_eq(mapping_write(&m, 2 * 4096, "y", 1), -1);
	ck_assert_int_eq(mapping_refresh(&m, err, sizeof err), 1);
	ck_assert_uint_eq(m.size, 4096);
	ck_assert_int_eq(mapping_read(&m, 4095, buf, 1), 0);
	ck_assert_uint_eq(buf[0], 'x');
	ck_assert_int_eq(mapping_refresh(&m, err, sizeof err), 0);
	fd = open(path, O_RDWR);
	ck_assert_int_eq(ftruncate(fd, 0), 0);
	close(fd);
	ck_assert_int_eq(mapping_refresh(&m, err, sizeof err), 1);
	ck_assert_ptr_null(m.base);
	mapping_close(&m);
	tu_remove(path);
}
END_TEST

START_TEST(test_growth)
{
	struct mapping	 m;
	char		 err[256], *path = tu_file("abcd", 4);
	unsigned char	 b;
	int		 fd;

	ck_assert_int_eq(mapping_open(&m, path, MAPPING_READONLY, err,
	    sizeof err), 0);
	fd = open(path, O_WRONLY | O_APPEND);
	ck_assert_int_eq(write(fd, "efgh", 4), 4);
	close(fd);
	ck_assert_int_eq(mapping_refresh(&m, err, sizeof err), 1);
	ck_assert_uint_eq(m.size, 8);
	ck_assert_int_eq(mapping_read(&m, 7, &b, 1), 0);
	ck_assert_uint_eq(b, 'h');
	mapping_close(&m);
	tu_remove(path);
}
END_TEST

/*
 * Attaches path to a free loop device (read-only if asked) and puts its
 * name in dev; returns 0, or -1 where the machine has no loop device
 * for us (no losetup, not root, none free).
 */
static int
loop_attach(const char *path, int readonly, char *dev, size_t len)
{
	char	 cmd[512];
	FILE	*p;
	int	 ok;

	dev[0] = '\0';
	snprintf(cmd, sizeof cmd, "losetup %s--find --show %s 2>/dev/null",
	    readonly ? "--read-only " : "", path);
	if ((p = popen(cmd, "r")) == NULL)
		return (-1);
	ok = fgets(dev, (int)len, p) != NULL && dev[0] == '/';
	if (pclose(p) != 0 || !ok) {
		dev[0] = '\0';
		return (-1);
	}
	dev[strcspn(dev, "\n")] = '\0';
	return (0);
}

static int
loop_detach(const char *dev)
{
	char	cmd[128];

	snprintf(cmd, sizeof cmd, "losetup -d %s", dev);
	return (system(cmd));
}

/* Runs outside any test, so it asserts nothing. */
int
blockdev_have(char *why, size_t len)
{
	char	dev[64], path[] = "/tmp/maphex-probe-XXXXXX";
	int	fd, have;

	if ((fd = mkstemp(path)) == -1 || ftruncate(fd, 4096) == -1) {
		snprintf(why, len, "cannot make a file in /tmp: %s",
		    strerror(errno));
		if (fd != -1)
			unlink(path);
		return (0);
	}
	close(fd);
	have = loop_attach(path, 0, dev, sizeof dev) == 0;
	if (have && loop_detach(dev) != 0)
		have = 0;
	unlink(path);
	if (!have)
		snprintf(why, len, "no loop device to attach a file to "
		    "(needs losetup and root)");
	return (have);
}

/* A block device through a loop device. */
START_TEST(test_block_device)
{
	struct mapping	 m;
	unsigned char	 data[8192], b;
	char		 err[256], dev[64], *path;

	memset(data, 0xab, sizeof data);
	path = tu_file(data, sizeof data);
	ck_assert_msg(loop_attach(path, 0, dev, sizeof dev) == 0,
	    "losetup failed for %s", path);
	ck_assert_int_eq(mapping_open(&m, dev, MAPPING_READONLY, err,
	    sizeof err), 0);
	ck_assert_int_eq(m.blockdev, 1);
	ck_assert_uint_eq(m.size, 8192);
	ck_assert_int_eq(mapping_read(&m, 8191, &b, 1), 0);
	ck_assert_uint_eq(b, 0xab);
	mapping_close(&m);
	ck_assert_int_eq(loop_detach(dev), 0);
	tu_remove(path);
}
END_TEST

/*
 * A read-only loop device, made and detached by an unchecked fixture
 * so that it goes away even when the test fails.  Empty when losetup
 * failed, which the test reports.
 */
static char	*ro_file;
static char	 ro_dev[64];

static void
ro_setup(void)
{
	unsigned char	 data[4096];

	memset(data, 0x5a, sizeof data);
	ro_file = tu_file(data, sizeof data);
	(void)loop_attach(ro_file, 1, ro_dev, sizeof ro_dev);
}

static void
ro_teardown(void)
{
	if (ro_dev[0] != '\0' && loop_detach(ro_dev) != 0)
		fprintf(stderr, "check_mapping: cannot detach %s\n", ro_dev);
	tu_remove(ro_file);
}

/*
 * A read-only block device opens for writing all the same and fails
 * at mmap(); the default mode must open it read-only and say so.
 */
START_TEST(test_readonly_block_device)
{
	struct mapping	 m;
	unsigned char	 b;
	char		 err[256] = "";

	ck_assert_msg(ro_dev[0] != '\0', "losetup --read-only failed");
	ck_assert_msg(mapping_open(&m, ro_dev, MAPPING_AUTO, err,
	    sizeof err) == 0, "%s", err);
	ck_assert_int_eq(m.blockdev, 1);
	ck_assert_int_eq(m.mode, MAPPING_READONLY);
	ck_assert_int_eq(m.writable, 0);
	ck_assert_msg(strstr(m.note, "read-only") != NULL, "%s", m.note);
	ck_assert_int_eq(mapping_read(&m, 4095, &b, 1), 0);
	ck_assert_uint_eq(b, 0x5a);
	ck_assert_int_eq(mapping_write(&m, 0, "x", 1), -1);
	mapping_close(&m);

	/* Asked for -w explicitly: read-only too, saying why. */
	ck_assert_msg(mapping_open(&m, ro_dev, MAPPING_DIRECT, err,
	    sizeof err) == 0, "%s", err);
	ck_assert_int_eq(m.mode, MAPPING_READONLY);
	ck_assert_msg(strstr(m.note, "read-only") != NULL, "%s", m.note);
	mapping_close(&m);

	/* A preview opens, but on a descriptor that cannot save. */
	ck_assert_msg(mapping_open(&m, ro_dev, MAPPING_PREVIEW, err,
	    sizeof err) == 0, "%s", err);
	ck_assert_int_eq(m.mode, MAPPING_PREVIEW);
	ck_assert_int_eq(m.writable, 0);
	ck_assert_msg(strstr(m.note, "read-only") != NULL, "%s", m.note);
	ck_assert_int_eq(mapping_write(&m, 0, "x", 1), 0);
	mapping_close(&m);
}
END_TEST

Suite *
mapping_suite(void)
{
	Suite	*s = suite_create("mapping");
	TCase	*tc = tcase_create("open");

	tcase_add_test(tc, test_modes);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_sparse_64g);
	tcase_add_test(tc, test_bad_paths);
	tcase_add_test(tc, test_error_quotes_path);
	tcase_add_test(tc, test_no_write_permission);
	tcase_add_test(tc, test_sigbus_guard);
	tcase_add_test(tc, test_growth);
	suite_add_tcase(s, tc);
	return (s);
}

Suite *
blockdev_suite(void)
{
	Suite	*s = suite_create("blockdev");
	TCase	*tc = tcase_create("loop");

	tcase_add_test(tc, test_block_device);
	suite_add_tcase(s, tc);
	tc = tcase_create("readonly-device");
	tcase_add_unchecked_fixture(tc, ro_setup, ro_teardown);
	tcase_add_test(tc, test_readonly_block_device);
	suite_add_tcase(s, tc);
	return (s);
}
