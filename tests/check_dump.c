/*
 * check_dump.c: the --dump formatter against xxd, byte for byte.
 *
 * Three kinds of expectation: strings written out by hand (they hold
 * where xxd is missing), a slow reference formatter that follows xxd's
 * own source one byte at a time (the model for random tests), and the
 * real /usr/bin/xxd where it exists.  Chunks are shrunk so that small
 * files cross many chunk boundaries.  Failures are asserted on their
 * return value, their message and the bytes written before them.
 */
#include "config.h"

#include "dump.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc.h"
#include "dump_simd.h"
#include "revert.h"
#include "suites.h"
#include "testutil.h"

#define XXD	"/usr/bin/xxd"

struct result {
	int		 rc;
	char		 err[512];
	char		*out;		/* NUL-terminated */
	size_t		 len;
};

static const char small_data[] = "Hello, world!\n\x00\x01\x7f\x80\xff ~";

static const char all_bytes[] =
	"00000000: 0001 0203 0405 0607 0809 0a0b 0c0d 0e0f  ................\n"
	"00000010: 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f  ................\n"
	"00000020: 2021 2223 2425 2627 2829 2a2b 2c2d 2e2f   !\"#$%&'()*+,-./\n"
	"00000030: 3031 3233 3435 3637 3839 3a3b 3c3d 3e3f  0123456789:;<=>?\n"
	"00000040: 4041 4243 4445 4647 4849 4a4b 4c4d 4e4f  @ABCDEFGHIJKLMNO\n"
	"00000050: 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f  PQRSTUVWXYZ[\\]^_\n"
	"00000060: 6061 6263 6465 6667 6869 6a6b 6c6d 6e6f  `abcdefghijklmno\n"
	"00000070: 7071 7273 7475 7677 7879 7a7b 7c7d 7e7f  pqrstuvwxyz{|}~.\n"
	"00000080: 8081 8283 8485 8687 8889 8a8b 8c8d 8e8f  ................\n"
	"00000090: 9091 9293 9495 9697 9899 9a9b 9c9d 9e9f  ................\n"
	"000000a0: a0a1 a2a3 a4a5 a6a7 a8a9 aaab acad aeaf  ................\n"
	"000000b0: b0b1 b2b3 b4b5 b6b7 b8b9 babb bcbd bebf  ................\n"
	"000000c0: c0c1 c2c3 c4c5 c6c7 c8c9 cacb cccd cecf  ................\n"
	"000000d0: d0d1 d2d3 d4d5 d6d7 d8d9 dadb dcdd dedf  ................\n"
	"000000e0: e0e1 e2e3 e4e5 e6e7 e8e9 eaeb eced eeef  ................\n"
	"000000f0: f0f1 f2f3 f4f5 f6f7 f8f9 fafb fcfd feff  ................\n";

/* Dumps path's range into a scratch file and reads the bytes back. */
static void
run_dump(struct result *r, const char *path, uint64_t start, uint64_t len,
    size_t chunk)
{
	struct doc	 m;
	char		*outpath = tu_file(NULL, 0);
	int		 fd;

	ck_assert_int_eq(doc_open(&m, path, MAPPING_READONLY, r->err,
	    sizeof r->err), 0);
	fd = open(outpath, O_WRONLY | O_TRUNC);
	ck_assert_int_ge(fd, 0);
	r->err[0] = '\0';
	r->rc = dump_run_chunked(&m, start, len, fd, r->err, sizeof r->err,
	    chunk);
	ck_assert_int_eq(close(fd), 0);
	doc_close(&m);
	r->out = (char *)tu_slurp(outpath, &r->len);
	r->out[r->len] = '\0';
	tu_remove(outpath);
}

/* Dumps a file holding data and frees everything but the result. */
static void
run_data(struct result *r, const void *data, size_t n, uint64_t start,
    uint64_t len, size_t chunk)
{
	char	*path = tu_file(data, n);

	run_dump(r, path, start, len, chunk);
	tu_remove(path);
}

/*
 * The model: xxd's own loop (xxd.c, HEX_NORMAL, -c 16 -g 2) for the n
 * bytes at data, which sit at file offset base.  A line is blanked to
 * spaces first; byte p's digits go to addrlen + 1 + 5p/2 and its text
 * character to addrlen + 42 + p.
 */
static char *
ref_dump(const unsigned char *data, uint64_t base, size_t n, size_t *len)
{
	static const char	 hex[] = "0123456789abcdef";
	char			*out = malloc(n / 16 * 80 + 81), *q = out;
	char			 line[128];
	size_t			 i, p;
	int			 a;

	ck_assert_ptr_nonnull(out);
	for (i = 0; i < n; i += 16) {
		a = snprintf(line, sizeof line, "%08" PRIx64 ":", base + i);
		memset(line + a, ' ', sizeof line - (size_t)a);
		for (p = 0; p < 16 && i + p < n; p++) {
			line[a + 1 + 5 * p / 2] = hex[data[i + p] >> 4];
			line[a + 2 + 5 * p / 2] = hex[data[i + p] & 15];
			line[a + 42 + p] = data[i + p] > 31 && data[i + p] < 127 ?
			    (char)data[i + p] : '.';
		}
		line[a + 42 + p] = '\n';
		memcpy(q, line, (size_t)a + 43 + p);
		q += (size_t)a + 43 + p;
	}
	*q = '\0';
	*len = (size_t)(q - out);
	return (out);
}

/* The model's dump of [start, start + len) of the n bytes at data. */
static char *
ref_range(const unsigned char *data, size_t n, uint64_t start,
    uint64_t len, size_t *outlen)
{
	if (start >= n)
		return (ref_dump(data, start, 0, outlen));
	if (len > n - start)
		len = n - start;
	return (ref_dump(data + start, start, (size_t)len, outlen));
}

int
xxd_have(char *why, size_t len)
{
	if (access(XXD, X_OK) == 0)
		return (1);
	snprintf(why, len, "%s is not installed (Debian package xxd)", XXD);
	return (0);
}

/*
 * Runs the real xxd on the range into a scratch file.  len ==
 * UINT64_MAX leaves -l out.
 */
static char *
xxd_dump(const char *path, uint64_t start, uint64_t len, size_t *outlen)
{
	char	*outpath, *cmd, *out;
	char	 lopt[64] = "";

	outpath = tu_file(NULL, 0);
	if (len != UINT64_MAX)
		snprintf(lopt, sizeof lopt, "-l %" PRIu64, len);
	ck_assert_int_ne(asprintf(&cmd, "%s -s %" PRIu64 " %s %s > %s", XXD,
	    start, lopt, path, outpath), -1);
	ck_assert_int_eq(system(cmd), 0);
	out = (char *)tu_slurp(outpath, outlen);
	out[*outlen] = '\0';
	free(cmd);
	tu_remove(outpath);
	return (out);
}

/* Asserts a dump and an expectation are the same bytes; frees r. */
static void
same_bytes(struct result *r, const char *want, size_t wantlen,
    const char *what)
{
	ck_assert_msg(r->rc == 0, "%s: dump failed: %s", what, r->err);
	ck_assert_msg(r->len == wantlen && memcmp(r->out, want, wantlen) == 0,
	    "%s: got %zu bytes:\n%.400s\nwant %zu bytes:\n%.400s", what,
	    r->len, r->out, wantlen, want);
	free(r->out);
}

/* Opens path, checking that a write to fd fails with a message. */
static void
write_fails(const char *path, int fd, const char *reason)
{
	struct doc	m;
	char		err[512] = "";

	ck_assert_int_eq(doc_open(&m, path, MAPPING_READONLY, err,
	    sizeof err), 0);
	ck_assert_int_eq(dump_run(&m, 0, UINT64_MAX, fd, err, sizeof err),
	    -1);
	ck_assert_msg(strstr(err, path) != NULL, "no path in '%s'", err);
	ck_assert_msg(strstr(err, "cannot write") != NULL, "'%s'", err);
	ck_assert_msg(strstr(err, reason) != NULL, "'%s' lacks '%s'", err,
	    reason);
	ck_assert_ptr_null(strchr(err, '\n'));
	doc_close(&m);
}

/* Writes len bytes into path at off (for sparse files). */
static void
poke(const char *path, uint64_t off, const void *data, size_t len)
{
	int	fd = open(path, O_WRONLY);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pwrite(fd, data, len, (off_t)off), (ssize_t)len);
	ck_assert_int_eq(close(fd), 0);
}

START_TEST(test_known_small)
{
	struct result	r;

	run_data(&r, small_data, sizeof small_data - 1, 0, UINT64_MAX,
	    DUMP_CHUNK);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_str_eq(r.out,
	    "00000000: 4865 6c6c 6f2c 2077 6f72 6c64 210a 0001  "
	    "Hello, world!...\n"
	    "00000010: 7f80 ff20 7e                             ... ~\n");
	free(r.out);
	run_data(&r, small_data, sizeof small_data - 1, 3, 5, DUMP_CHUNK);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_str_eq(r.out,
	    "00000003: 6c6f 2c20 77                             lo, w\n");
	free(r.out);
}
END_TEST

START_TEST(test_all_bytes)
{
	unsigned char	data[256];
	struct result	r;
	size_t		chunks[] = { 16, 32, 48, 256, DUMP_CHUNK }, i;

	for (i = 0; i < sizeof data; i++)
		data[i] = (unsigned char)i;
	for (i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
		run_data(&r, data, sizeof data, 0, UINT64_MAX, chunks[i]);
		ck_assert_int_eq(r.rc, 0);
		ck_assert_str_eq(r.out, all_bytes);
		free(r.out);
	}
}
END_TEST

/* Every length of a last line, 1 to 16 bytes, against the model. */
START_TEST(test_short_lines)
{
	unsigned char	data[64];
	uint64_t	seed = 7;
	struct result	r;
	char		*want, what[64];
	size_t		n, wantlen;

	tu_random(data, sizeof data, &seed);
	for (n = 1; n <= 33; n++) {
		run_data(&r, data, n, 0, UINT64_MAX, 16);
		want = ref_dump(data, 0, n, &wantlen);
		snprintf(what, sizeof what, "%zu bytes", n);
		same_bytes(&r, want, wantlen, what);
		free(want);
	}
	run_data(&r, "A", 1, 0, UINT64_MAX, DUMP_CHUNK);
	ck_assert_str_eq(r.out, "00000000: 41"
	    "                                       A\n");
	free(r.out);
	run_data(&r, "AB", 2, 0, UINT64_MAX, DUMP_CHUNK);
	ck_assert_str_eq(r.out, "00000000: 4142"
	    "                                     AB\n");
	free(r.out);
}
END_TEST

/* Empty files, empty ranges and starts at or past the end: nothing. */
START_TEST(test_empty)
{
	struct result	r;
	uint64_t	starts[] = { 20, 21, 22, 1000, UINT64_MAX };
	size_t		i;

	run_data(&r, NULL, 0, 0, UINT64_MAX, DUMP_CHUNK);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_uint_eq(r.len, 0);
	free(r.out);
	for (i = 0; i < sizeof starts / sizeof starts[0]; i++) {
		run_data(&r, small_data, 21, starts[i], UINT64_MAX, 16);
		ck_assert_int_eq(r.rc, 0);
		ck_assert_uint_eq(r.len, starts[i] == 20 ? 53 : 0);
		free(r.out);
		run_data(&r, small_data, 21, starts[i] % 21, 0, 16);
		ck_assert_int_eq(r.rc, 0);
		ck_assert_uint_eq(r.len, 0);
		free(r.out);
	}
}
END_TEST

/* A range running past the end stops at the end, as xxd's -l does. */
START_TEST(test_clamp)
{
	struct result	r;

	run_data(&r, small_data, 21, 16, 1000, DUMP_CHUNK);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_str_eq(r.out,
	    "00000010: 7f80 ff20 7e                             ... ~\n");
	free(r.out);
	run_data(&r, small_data, 21, 16, UINT64_MAX - 3, 16);
	ck_assert_str_eq(r.out,
	    "00000010: 7f80 ff20 7e                             ... ~\n");
	free(r.out);
}
END_TEST

/* Random sizes, ranges and chunk sizes against the model. */
START_TEST(test_model_random)
{
	static unsigned char	 data[3000];
	uint64_t		 seed = 0x5eed, start, len;
	struct result		 r;
	char			*path, *want, what[128];
	size_t			 n, chunk, wantlen;
	int			 i;

	for (i = 0; i < 150; i++) {
		n = tu_rand(&seed) % sizeof data;
		tu_random(data, n, &seed);
		start = tu_rand(&seed) % (n + 20);
		len = tu_rand(&seed) % 4 == 0 ? UINT64_MAX :
		    tu_rand(&seed) % (n + 40);
		chunk = 1 + tu_rand(&seed) % 600;
		path = tu_file(data, n);
		run_dump(&r, path, start, len, chunk);
		tu_remove(path);
		want = ref_range(data, n, start, len, &wantlen);
		snprintf(what, sizeof what, "n %zu -s %" PRIu64 " -l %" PRIu64
		    " chunk %zu", n, start, len, chunk);
		same_bytes(&r, want, wantlen, what);
		free(want);
	}
}
END_TEST

/* dump_run() itself across its own chunk boundary (DUMP_CHUNK). */
START_TEST(test_default_chunk)
{
	size_t		 n = DUMP_CHUNK * 2 + 37, wantlen;
	unsigned char	*data = malloc(n);
	uint64_t	 seed = 99;
	struct result	 r;
	char		*path, *want;

	ck_assert_ptr_nonnull(data);
	tu_random(data, n, &seed);
	path = tu_file(data, n);
	run_dump(&r, path, 5, UINT64_MAX, DUMP_CHUNK);
	want = ref_range(data, n, 5, UINT64_MAX, &wantlen);
	same_bytes(&r, want, wantlen, "two chunks and a bit");
	free(want);
	tu_remove(path);
	free(data);
}
END_TEST

/*
 * A dump shows the document, not the file: a preview's own pages (the
 * file still holds the old bytes) and a direct edit both come out, in
 * every chunk size, while the file itself is dumped as it is.
 */
START_TEST(test_dump_shows_edits)
{
	enum mapping_mode modes[] = { MAPPING_PREVIEW, MAPPING_DIRECT };
	size_t		 n = DUMP_CHUNK + 4099, chunks[] = { 16, 4096,
			    DUMP_CHUNK }, i, k, wantlen;
	unsigned char	*data = malloc(n), *was = malloc(n);
	uint64_t	 seed = 5;
	struct result	 r;
	struct doc	 m;
	char		*path, *outpath, *want;
	int		 fd;

	ck_assert_ptr_nonnull(data);
	ck_assert_ptr_nonnull(was);
	for (i = 0; i < 2; i++) {
		tu_random(data, n, &seed);
		memcpy(was, data, n);
		path = tu_file(data, n);
		ck_assert_int_eq(doc_open(&m, path, modes[i], r.err,
		    sizeof r.err), 0);
		memset(data + 4090, 0xee, 20);
		memset(data + n - 3, 0x41, 3);
		ck_assert_int_eq(doc_write(&m, 4090, data + 4090, 20), 0);
		ck_assert_int_eq(doc_write(&m, n - 3, data + n - 3, 3), 0);
		want = ref_dump(data, 0, n, &wantlen);
		for (k = 0; k < sizeof chunks / sizeof chunks[0]; k++) {
			outpath = tu_file(NULL, 0);
			fd = open(outpath, O_WRONLY | O_TRUNC);
			ck_assert_int_ge(fd, 0);
			r.rc = dump_run_chunked(&m, 0, UINT64_MAX, fd, r.err,
			    sizeof r.err, chunks[k]);
			ck_assert_int_eq(close(fd), 0);
			r.out = (char *)tu_slurp(outpath, &r.len);
			same_bytes(&r, want, wantlen, modes[i] ==
			    MAPPING_PREVIEW ? "preview" : "direct");
			tu_remove(outpath);
		}
		free(want);
		doc_close(&m);
		if (modes[i] == MAPPING_PREVIEW) {
			/* The preview never reached the file. */
			run_dump(&r, path, 0, UINT64_MAX, DUMP_CHUNK);
			want = ref_dump(was, 0, n, &wantlen);
			same_bytes(&r, want, wantlen, "file under a preview");
			free(want);
		}
		tu_remove(path);
	}
	free(was);
	free(data);
}
END_TEST

/* One file, several -s/-l pairs and chunk sizes, against real xxd. */
static void
xxd_ranges(const unsigned char *data, size_t n)
{
	uint64_t	 starts[] = { 0, 1, 17, 999 };
	uint64_t	 lens[] = { UINT64_MAX, 0, 1, 16, 33 };
	size_t		 chunks[] = { 16, 48, DUMP_CHUNK }, i, j, k, wantlen;
	char		*path = tu_file(data, n), *want, what[128];
	struct result	 r;

	for (i = 0; i < sizeof starts / sizeof starts[0]; i++)
		for (j = 0; j < sizeof lens / sizeof lens[0]; j++) {
			want = xxd_dump(path, starts[i], lens[j], &wantlen);
			for (k = 0; k < sizeof chunks / sizeof chunks[0]; k++) {
				run_dump(&r, path, starts[i], lens[j],
				    chunks[k]);
				snprintf(what, sizeof what, "xxd n %zu -s %"
				    PRIu64 " -l %" PRIu64 " chunk %zu", n,
				    starts[i], lens[j], chunks[k]);
				same_bytes(&r, want, wantlen, what);
			}
			free(want);
		}
	tu_remove(path);
}

START_TEST(test_vs_xxd)
{
	static unsigned char	data[1000];
	size_t			sizes[] = { 0, 1, 15, 16, 17, 1000 }, i;
	uint64_t		seed = 1234;

	tu_random(data, sizeof data, &seed);
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		xxd_ranges(data, sizes[i]);
}
END_TEST

/* A file that straddles many shrunk chunks, whole, against xxd. */
START_TEST(test_chunks_vs_xxd)
{
	static unsigned char	 data[5000];
	size_t			 chunks[] = { 16, 32, 48, 1008, 4096 }, i, wl;
	uint64_t		 seed = 4321;
	struct result		 r;
	char			*path, *want;

	tu_random(data, sizeof data, &seed);
	path = tu_file(data, sizeof data);
	want = xxd_dump(path, 5, 4090, &wl);
	for (i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
		run_dump(&r, path, 5, 4090, chunks[i]);
		same_bytes(&r, want, wl, "-s 5 -l 4090");
	}
	free(want);
	tu_remove(path);
}
END_TEST

/* Past 4 GiB the offset grows to 9 digits and pushes the line right. */
START_TEST(test_past_4gib)
{
	char		*path = tu_sparse(0x100000025ULL), *want;
	struct result	 r;
	size_t		 wl;

	poke(path, 0xfffffffeULL, "ABCD", 4);
	run_dump(&r, path, 0xffffffe0ULL, UINT64_MAX, 32);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_str_eq(r.out,
	    "ffffffe0: 0000 0000 0000 0000 0000 0000 0000 0000  "
	    "................\n"
	    "fffffff0: 0000 0000 0000 0000 0000 0000 0000 4142  "
	    "..............AB\n"
	    "100000000: 4344 0000 0000 0000 0000 0000 0000 0000  "
	    "CD..............\n"
	    "100000010: 0000 0000 0000 0000 0000 0000 0000 0000  "
	    "................\n"
	    "100000020: 0000 0000 00                             .....\n");
	if ((want = xxd_dump(path, 0xffffffe0ULL, UINT64_MAX, &wl)) != NULL)
		ck_assert_str_eq(r.out, want);
	free(want);
	free(r.out);
	run_dump(&r, path, 0xfffffff9ULL, 20, DUMP_CHUNK);
	ck_assert_str_eq(r.out,
	    "fffffff9: 0000 0000 0041 4243 4400 0000 0000 0000  "
	    ".....ABCD.......\n"
	    "100000009: 0000 0000                                ....\n");
	free(r.out);
	tu_remove(path);
}
END_TEST

/* Past 64 GiB: 9 then 10 digits, an odd and an even count. */
START_TEST(test_past_64gib)
{
	char		*path = tu_sparse(0x1000000020ULL), *want;
	struct result	 r;
	size_t		 wl;

	poke(path, 0xffffffffeULL, "\xff\x10", 2);
	run_dump(&r, path, 0xffffffff8ULL, UINT64_MAX, 16);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_str_eq(r.out,
	    "ffffffff8: 0000 0000 0000 ff10 0000 0000 0000 0000  "
	    "................\n"
	    "1000000008: 0000 0000 0000 0000 0000 0000 0000 0000  "
	    "................\n"
	    "1000000018: 0000 0000 0000 0000                      "
	    "........\n");
	if ((want = xxd_dump(path, 0xffffffff8ULL, UINT64_MAX, &wl)) != NULL)
		ck_assert_str_eq(r.out, want);
	free(want);
	free(r.out);
	tu_remove(path);
}
END_TEST

START_TEST(test_write_readonly_fd)
{
	char	*path = tu_file(small_data, 21);
	int	 fd = open(path, O_RDONLY);

	ck_assert_int_ge(fd, 0);
	write_fails(path, fd, strerror(EBADF));
	close(fd);
	tu_remove(path);
}
END_TEST

START_TEST(test_write_closed_pipe)
{
	char	*path = tu_file(small_data, 21);
	void	(*old)(int) = signal(SIGPIPE, SIG_IGN);
	int	 p[2];

	ck_assert_int_eq(pipe(p), 0);
	close(p[0]);
	write_fails(path, p[1], strerror(EPIPE));
	close(p[1]);
	signal(SIGPIPE, old);
	tu_remove(path);
}
END_TEST

int
devfull_have(char *why, size_t len)
{
	if (access("/dev/full", W_OK) == 0)
		return (1);
	snprintf(why, len, "no writable /dev/full: %s", strerror(errno));
	return (0);
}

START_TEST(test_write_full_disk)
{
	char	*path = tu_file(small_data, 21);
	int	 fd = open("/dev/full", O_WRONLY);

	ck_assert_msg(fd != -1, "/dev/full: %s", strerror(errno));
	write_fails(path, fd, strerror(ENOSPC));
	close(fd);
	tu_remove(path);
}
END_TEST

/*
 * The file shrinks to a page and a bit under a 3-page mapping, so the
 * third page faults.  The dump must stop with an error after the last
 * line before it (the tail of page 2 reads as zeros), whatever the
 * chunk.
 */
static void
shrunk_file(size_t chunk)
{
	size_t		 pg = (size_t)sysconf(_SC_PAGESIZE), wl;
	unsigned char	*data = calloc(3, pg);
	uint64_t	 seed = 77;
	char		*path, *outpath = tu_file(NULL, 0), *want, at[32];
	struct doc	 m;
	struct result	 r;
	int		 fd;

	ck_assert_ptr_nonnull(data);
	tu_random(data, pg + 904, &seed);
	path = tu_file(data, 3 * pg);
	ck_assert_int_eq(doc_open(&m, path, MAPPING_READONLY, r.err,
	    sizeof r.err), 0);
	ck_assert_int_eq(truncate(path, (off_t)pg + 904), 0);
	fd = open(outpath, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	r.rc = dump_run_chunked(&m, 0, UINT64_MAX, fd, r.err, sizeof r.err,
	    chunk);
	close(fd);
	doc_close(&m);
	ck_assert_int_eq(r.rc, -1);
	snprintf(at, sizeof at, "0x%zx", 2 * pg);
	ck_assert_msg(strstr(r.err, path) != NULL, "no path: '%s'", r.err);
	ck_assert_msg(strstr(r.err, at) != NULL, "no %s: '%s'", at, r.err);
	r.rc = 0;
	r.out = (char *)tu_slurp(outpath, &r.len);
	want = ref_dump(data, 0, 2 * pg, &wl);
	same_bytes(&r, want, wl, "shrunk file");
	free(want);
	free(data);
	tu_remove(outpath);
	tu_remove(path);
}

START_TEST(test_shrunk_file)
{
	shrunk_file(DUMP_CHUNK);
	shrunk_file(1024);
	shrunk_file(16);
	shrunk_file(4096 + 48);
}
END_TEST

/* Dumps data in layout l with the given chunk into r. */
static void
run_layout(struct result *r, const void *data, size_t n, uint64_t start,
    uint64_t len, const struct dump_layout *l, size_t chunk)
{
	struct doc	 m;
	char		*path = tu_file(data, n), *outpath = tu_file(NULL, 0);
	int		 fd;

	ck_assert_int_eq(doc_open(&m, path, MAPPING_READONLY, r->err,
	    sizeof r->err), 0);
	fd = open(outpath, O_WRONLY | O_TRUNC);
	ck_assert_int_ge(fd, 0);
	r->rc = dump_run_layout(&m, start, len, l, fd, r->err, sizeof r->err,
	    chunk);
	ck_assert_int_eq(close(fd), 0);
	doc_close(&m);
	r->out = (char *)tu_slurp(outpath, &r->len);
	r->out[r->len] = '\0';
	tu_remove(outpath);
	tu_remove(path);
}

static void
layout(struct dump_layout *l, enum dump_kind kind, uint64_t cols,
    uint64_t group)
{
	dump_layout_default(l);
	l->kind = kind;
	l->cols = cols;
	l->group = group;
}

/* Each layout's output for a short input, written out as xxd prints it. */
START_TEST(test_layouts_known)
{
	static const unsigned char	 d[] = "ABCDEFGHIJ\001\377";
	static const struct {
		enum dump_kind	 kind;
		uint64_t	 cols, group;
		int		 upper, decimal;
		uint64_t	 displace;
		const char	*name, *want;
	} cases[] = {
		{ DUMP_HEX, 8, 4, 0, 0, 0, NULL,
		    "00000000: 41424344 45464748  ABCDEFGH\n"
		    "00000008: 494a01ff           IJ..\n" },
		{ DUMP_LITTLE, 16, 4, 1, 0, 0, NULL,
		    "00000000: 44434241 48474645 FF014A49           "
		    "ABCDEFGHIJ..\n" },
		{ DUMP_LITTLE, 5, 4, 0, 0, 0, NULL,
		    "00000000: 44434241     AB45E\n"
		    "00000005: 49484746     FG4aJ\n"
		    "0000000a:     ff01     ..\n" },
		{ DUMP_BITS, 6, 1, 0, 1, 1000, NULL,
		    "00001000: 01000001 01000010 01000011 01000100 01000101"
		    " 01000110  ABCDEF\n"
		    "00001006: 01000111 01001000 01001001 01001010 00000001"
		    " 11111111  GHIJ..\n" },
		{ DUMP_PLAIN, 5, 5, 0, 0, 0, NULL,
		    "4142434445\n464748494a\n01ff\n" },
		{ DUMP_PLAIN, 0, 0, 1, 0, 0, NULL,
		    "4142434445464748494A01FF\n" },
		{ DUMP_INCLUDE, 5, 5, 0, 0, 0, "9 x.y",
		    "unsigned char __9_x_y[] = {\n"
		    "  0x41, 0x42, 0x43, 0x44, 0x45,\n"
		    "  0x46, 0x47, 0x48, 0x49, 0x4a,\n"
		    "  0x01, 0xff\n"
		    "};\nunsigned int __9_x_y_len = 12;\n" },
		{ DUMP_HEX, 12, 12, 0, 1, UINT64_MAX, NULL,
		    "-0000001: 4142434445464748494a01ff  ABCDEFGHIJ..\n" },
	};
	struct dump_layout	 l;
	struct result		 r;
	size_t			 i, chunk;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (chunk = 1; chunk <= 64; chunk *= 4) {
			layout(&l, cases[i].kind, cases[i].cols,
			    cases[i].group);
			l.upper = cases[i].upper;
			l.decimal = cases[i].decimal;
			l.displace = cases[i].displace;
			l.name = cases[i].name;
			run_layout(&r, d, 12, 0, UINT64_MAX, &l, chunk);
			same_bytes(&r, cases[i].want, strlen(cases[i].want),
			    cases[i].want);
		}
}
END_TEST

/* What xxd prints for no input: -i's declarations, -p -c 0's newline. */
START_TEST(test_layouts_empty)
{
	struct dump_layout	l;
	struct result		r;
	const char		*want = "unsigned char t[] = {\n};\n"
				    "unsigned int t_len = 0;\n";

	layout(&l, DUMP_INCLUDE, 12, 12);
	l.name = "t";
	run_layout(&r, "x", 1, 1, UINT64_MAX, &l, 0);
	same_bytes(&r, want, strlen(want), "-i, empty");
	l.name = NULL;
	run_layout(&r, "x", 1, 0, 0, &l, 0);
	same_bytes(&r, "", 0, "-i from stdin, empty");
	layout(&l, DUMP_PLAIN, 0, 0);
	run_layout(&r, "x", 1, 0, 0, &l, 0);
	same_bytes(&r, "\n", 1, "-p -c 0, empty");
	layout(&l, DUMP_PLAIN, 30, 30);
	run_layout(&r, "x", 1, 0, 0, &l, 0);
	same_bytes(&r, "", 0, "-p, empty");
	layout(&l, DUMP_BITS, 6, 1);
	run_layout(&r, "x", 1, 5, 9, &l, 0);
	same_bytes(&r, "", 0, "-b past the end");
}
END_TEST

/*
 * Random layouts, ranges and chunks: the chunked output is the output
 * of one chunk, and the real xxd's where it exists.
 */
START_TEST(test_layouts_random)
{
	static unsigned char	 data[2000];
	static const char	 flag[] = { ' ', 'e', 'b', 'p', 'i' };
	uint64_t		 seed = 0x1a70, start, len;
	struct dump_layout	 l;
	struct result		 r, one;
	char			 what[256];
	char			*path, *cmd, *outpath, *want;
	size_t			 n, wl;
	int			 i;

	for (i = 0; i < 60; i++) {
		n = tu_rand(&seed) % sizeof data;
		tu_random(data, n, &seed);
		layout(&l, (enum dump_kind)(tu_rand(&seed) % 5),
		    1 + tu_rand(&seed) % 40, 1);
		l.group = l.kind == DUMP_LITTLE ? 1u << tu_rand(&seed) % 4 :
		    1 + tu_rand(&seed) % 9;
		if (l.group > l.cols)
			l.group = l.cols;
		l.upper = tu_rand(&seed) % 2;
		l.decimal = tu_rand(&seed) % 2;
		l.displace = tu_rand(&seed) % 3 == 0 ? 0 : tu_rand(&seed);
		l.name = "data";
		start = tu_rand(&seed) % (n + 10);
		len = tu_rand(&seed) % (n + 10);
		snprintf(what, sizeof what, "-%c -c %" PRIu64 " -g %" PRIu64
		    "%s%s -o %" PRIu64 " -s %" PRIu64 " -l %" PRIu64 " (%zu)",
		    flag[l.kind], l.cols, l.group, l.upper ? " -u" : "",
		    l.decimal ? " -d" : "", l.displace, start, len, n);
		run_layout(&one, data, n, start, len, &l, 1 << 20);
		run_layout(&r, data, n, start, len, &l,
		    1 + tu_rand(&seed) % 100);
		same_bytes(&r, one.out, one.len, what);
		if (access(XXD, X_OK) != 0) {
			free(one.out);
			continue;
		}
		path = tu_file(data, n);
		outpath = tu_file(NULL, 0);
		/* xxd -i names the array after its input file: "data". */
		ck_assert_int_ne(asprintf(&cmd, "cd $(dirname %s) && cp %s "
		    "data && %s %s -c %" PRIu64 " -g %" PRIu64 " %s %s -o %"
		    PRIu64 " -s %" PRIu64 " -l %" PRIu64 " data > %s; rm -f "
		    "data", path, path, XXD, l.kind == DUMP_HEX ? "" :
		    (char []){ '-', flag[l.kind], '\0' }, l.cols, l.group,
		    l.upper ? "-u" : "",
		    l.decimal ? "-d" : "", l.displace, start, len, outpath),
		    -1);
		ck_assert_int_eq(system(cmd), 0);
		want = (char *)tu_slurp(outpath, &wl);
		ck_assert_msg(one.len == wl && memcmp(one.out, want, wl) == 0,
		    "%s: ours\n%.300s\nxxd's\n%.300s", what, one.out, want);
		free(want);
		free(cmd);
		free(one.out);
		tu_remove(outpath);
		tu_remove(path);
	}
}
END_TEST

/* Runs --revert of the dump text into path; returns revert_run()'s. */
static int
revert_text(const char *text, const char *path, int plain, int64_t base,
    size_t hole, uint64_t *written, char *err, size_t errlen)
{
	struct revert_opts	 o = { plain, 16, base, hole };
	char			*in = tu_file(text, strlen(text));
	int			 fd = open(in, O_RDONLY), rc;

	ck_assert_int_ge(fd, 0);
	rc = revert_run(fd, in, path, &o, written, err, errlen);
	ck_assert_int_eq(close(fd), 0);
	tu_remove(in);
	return (rc);
}

/* A dump patches the bytes it names and nothing else. */
START_TEST(test_revert_patch)
{
	char		*path = tu_file("0123456789abcdefghijklmnopqrstuv", 32);
	char		 err[512];
	unsigned char	*got;
	size_t		 len;
	uint64_t	 n;

	ck_assert_int_eq(revert_text("00000004: 4142 43  ABC\n"
	    "00000011: 5a  Z\nnot hex at all\n0000001e:5859 junk 41\n", path,
	    0, 0, REVERT_HOLE, &n, err, sizeof err), 0);
	got = tu_slurp(path, &len);
	ck_assert_uint_eq(len, 32);
	ck_assert_mem_eq(got, "0123ABC789abcdefgZijklmnopqrstXY", 32);
	ck_assert_uint_eq(n, 6);
	free(got);
	/* -p: offsets are implied, -s adds to them. */
	ck_assert_int_eq(revert_text("61 62\n6\n3", path, 1, 8, REVERT_HOLE,
	    &n, err, sizeof err), 0);
	got = tu_slurp(path, &len);
	ck_assert_mem_eq(got, "0123ABC7abcbcdefgZijklmnopqrstXY", 32);
	free(got);
	tu_remove(path);
}
END_TEST

/* A new file from a dump: zeros past the end become a hole. */
START_TEST(test_revert_sparse)
{
	char		*path = tu_file(NULL, 0), err[512];
	char		 line[64], *text = malloc(64 * 300 + 64), *q = text;
	unsigned char	*got;
	struct stat	 st;
	size_t		 len, i;
	uint64_t	 n;

	ck_assert_ptr_nonnull(text);
	ck_assert_int_eq(unlink(path), 0);
	q += sprintf(q, "00000000: 4142\n");
	for (i = 0; i < 256; i++) {
		snprintf(line, sizeof line, "%08zx: 0000 0000 0000 0000 0000"
		    " 0000 0000 0000\n", 16 + 16 * i);
		q += sprintf(q, "%s", line);
	}
	q += sprintf(q, "00001010: 43\n");
	ck_assert_int_eq(revert_text(text, path, 0, 0, 64, &n, err,
	    sizeof err), 0);
	ck_assert_uint_eq(n, 2 + 4096 + 1);
	got = tu_slurp(path, &len);
	ck_assert_uint_eq(len, 4113);
	ck_assert_mem_eq(got, "AB", 2);
	for (i = 2; i < 4112; i++)
		ck_assert_uint_eq(got[i], 0);
	ck_assert_uint_eq(got[4112], 'C');
	free(got);
	/* Zeros at the very end: the length still counts them. */
	ck_assert_int_eq(revert_text("00002000: 0000 0000 0000 0000 0000 0000"
	    " 0000 0000\n", path, 0, 0, 4, &n, err, sizeof err), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_size, 0x2010);
	free(text);
	tu_remove(path);
}
END_TEST

/* Bad dumps and bad targets: -1, a one-line reason naming the path. */
START_TEST(test_revert_errors)
{
	char	*path = tu_file("abc", 3), err[512] = "";
	char	 dir[] = "/tmp/maphex-revert-XXXXXX";
	uint64_t n;

	ck_assert_int_eq(revert_text("00000000: 4142\n", path, 0, -1,
	    REVERT_HOLE, &n, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, path));
	ck_assert_ptr_nonnull(strstr(err, "before the start"));
	ck_assert_ptr_null(strchr(err, '\n'));
	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(revert_text("00000000: 4142\n", dir, 0, 0,
	    REVERT_HOLE, &n, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, dir));
	ck_assert_int_eq(rmdir(dir), 0);
	tu_remove(path);
}
END_TEST

/* Dump then revert, random data in every layout that reads back. */
START_TEST(test_revert_round_trip)
{
	static unsigned char	 data[3000];
	uint64_t		 seed = 77, w;
	struct dump_layout	 l;
	struct result		 r;
	char			*path, err[512];
	unsigned char		*got;
	size_t			 n, len;
	int			 i;

	for (i = 0; i < 20; i++) {
		n = tu_rand(&seed) % sizeof data;
		tu_random(data, n, &seed);
		if (i % 3 == 0)
			memset(data + n / 3, 0, n / 3);
		if (i % 2 == 0)
			layout(&l, DUMP_HEX, 16, 1 + tu_rand(&seed) % 16);
		else
			layout(&l, DUMP_PLAIN, tu_rand(&seed) % 50, 1);
		l.upper = i % 4 < 2;
		run_layout(&r, data, n, 0, UINT64_MAX, &l, 0);
		path = tu_file(NULL, 0);
		ck_assert_int_eq(unlink(path), 0);
		ck_assert_int_eq(revert_text(r.out, path, l.kind == DUMP_PLAIN,
		    0, 32, &w, err, sizeof err), 0);
		ck_assert_uint_eq(w, n);
		got = tu_slurp(path, &len);
		ck_assert_uint_eq(len, n);
		ck_assert_mem_eq(got, data, n);
		free(got);
		free(r.out);
		tu_remove(path);
	}
}
END_TEST

/*
 * Every vector path the CPU has formats what the scalar path formats,
 * on random lengths (whole and short last lines, fewer lines than a
 * step) and offsets (across 4 GiB, where the offset grows a digit).
 */
START_TEST(test_simd_vs_scalar)
{
	static unsigned char	 data[4096];
	static char		 want[4096 / 16 * 80 + 160];
	static char		 got[4096 / 16 * 80 + 160];
	uint64_t		 seed = 0x51d, off;
	size_t			 n, wl, gl;
	int			 isa, i, tried = 0;

	tu_random(data, sizeof data, &seed);
	/* Every byte value, so each digit and text character is seen. */
	for (i = 0; i < 256; i++)
		data[i] = (unsigned char)i;
	for (isa = DUMP_ISA_SSSE3; isa < DUMP_ISA_COUNT; isa++) {
		if (!dump_simd_supported((enum dump_isa)isa))
			continue;
		tried++;
		for (i = 0; i < 400; i++) {
			n = i < 130 ? (size_t)i : tu_rand(&seed) % sizeof data;
			off = i % 3 == 0 ? tu_rand(&seed) % 4096 : i % 3 == 1 ?
			    0xffffff00 + tu_rand(&seed) % 512 : tu_rand(&seed);
			off &= ~(uint64_t)0 << (i % 2 ? 0 : 4);
			wl = dump_simd_lines(DUMP_ISA_SCALAR, 0, want, off, data, n);
			memset(got, 'Z', sizeof got);
			gl = dump_simd_lines((enum dump_isa)isa, 0, got, off, data,
			    n);
			ck_assert_msg(gl == wl && memcmp(got, want, wl) == 0,
			    "%s: n %zu off %" PRIu64 ":\n%.200s\nwant\n%.200s",
			    dump_simd_name((enum dump_isa)isa), n, off, got,
			    want);
		}
	}
	/* x86-64 always has SSSE3 or better on the machines we build on. */
	ck_assert_int_eq(dump_simd_supported(dump_simd_best()), 1);
	ck_assert_int_ge(tried, dump_simd_best() >= DUMP_ISA_SSSE3 ? 1 : 0);
}
END_TEST

/* Offsets for the lines of every length: runs of 16, 4 GiB, 2^64. */
static const uint64_t simd_offsets[] = { 0, 5, 0xf0, 0x1234567, 0xfffffe9c,
	0xffffffe0, 0x123456789a, UINT64_MAX - 40 };

/*
 * Formats n bytes at data on path isa and on the scalar path and
 * asserts the same bytes, none written past the slack.
 */
static void
simd_same(enum dump_isa isa, int upper, int plain, uint64_t cols,
    uint64_t off, const unsigned char *data, size_t n)
{
	static char	want[300 * 5 + 200], got[sizeof want];
	size_t		wl, gl, i;

	if (plain) {
		wl = dump_simd_plain(DUMP_ISA_SCALAR, upper, want, cols, off,
		    data, n);
		memset(got, 'Z', sizeof got);
		gl = dump_simd_plain(isa, upper, got, cols, off, data, n);
	} else {
		wl = dump_simd_lines(DUMP_ISA_SCALAR, upper, want, off, data,
		    n);
		memset(got, 'Z', sizeof got);
		gl = dump_simd_lines(isa, upper, got, off, data, n);
	}
	if (gl != wl || memcmp(got, want, wl) != 0)
		ck_abort_msg("%s%s%s: n %zu off %" PRIu64 " cols %" PRIu64
		    ":\n%.300s\nwant\n%.300s", dump_simd_name(isa),
		    upper ? " -u" : "", plain ? " -p" : "", n, off, cols, got,
		    want);
	for (i = gl + DUMP_SIMD_SLACK; i < sizeof got && got[i] == 'Z'; i++)
		continue;
	if (i != sizeof got)
		ck_abort_msg("%s: wrote past the slack at %zu",
		    dump_simd_name(isa), i);
}

/*
 * Each vector path against the scalar one on random bytes of every
 * length 0..300, at several offsets and input alignments, lowercase
 * and -u.
 */
START_TEST(test_simd_every_length)
{
	static unsigned char	 data[300 + 8];
	uint64_t		 seed = 0x1e57;
	size_t			 n, k, a;
	int			 isa, upper;

	tu_random(data, sizeof data, &seed);
	for (isa = DUMP_ISA_SSSE3; isa < DUMP_ISA_COUNT; isa++) {
		if (!dump_simd_supported((enum dump_isa)isa))
			continue;
		for (upper = 0; upper < 2; upper++)
		for (k = 0; k < sizeof simd_offsets / sizeof simd_offsets[0];
		    k++)
		for (a = 0; a < 8; a += 3)
		for (n = 0; n <= 300; n++)
			simd_same((enum dump_isa)isa, upper, 0, 0,
			    simd_offsets[k], data + a, n);
	}
}
END_TEST

/*
 * -p on each vector path against the scalar one, every length 0..300,
 * line lengths around the 16-byte steps, starts within a line.
 */
START_TEST(test_simd_plain_every_length)
{
	static const uint64_t	 cols[] = { 0, 1, 2, 15, 16, 17, 30, 31, 32,
				    33, 256, 1000 };
	static const uint64_t	 index[] = { 0, 1, 7, 29 };
	static unsigned char	 data[300 + 8];
	uint64_t		 seed = 0x9a1;
	size_t			 n, c, i;
	int			 isa, upper;

	tu_random(data, sizeof data, &seed);
	for (isa = DUMP_ISA_SSSE3; isa < DUMP_ISA_COUNT; isa++) {
		if (!dump_simd_supported((enum dump_isa)isa))
			continue;
		for (upper = 0; upper < 2; upper++)
		for (c = 0; c < sizeof cols / sizeof cols[0]; c++)
		for (i = 0; i < sizeof index / sizeof index[0]; i++)
		for (n = 0; n <= 300; n++)
			simd_same((enum dump_isa)isa, upper, 1, cols[c],
			    index[i], data + i % 4, n);
	}
}
END_TEST

/* The scalar -p is dump_layout.c's -p, byte for byte. */
START_TEST(test_simd_plain_layout)
{
	static unsigned char	 data[700];
	static char		 want[3 * sizeof data + 2], got[sizeof want +
				    DUMP_SIMD_SLACK];
	struct dump_layout	 l;
	uint64_t		 seed = 0x71a, index;
	size_t			 n, wl, gl;
	int			 i;

	tu_random(data, sizeof data, &seed);
	for (i = 0; i < 200; i++) {
		dump_layout_default(&l);
		l.kind = DUMP_PLAIN;
		l.cols = tu_rand(&seed) % 70;
		l.upper = i % 2;
		n = tu_rand(&seed) % sizeof data;
		index = tu_rand(&seed) % 100;
		wl = dump_layout_format(&l, want, NULL, index, 0, data, n);
		gl = dump_simd_plain(dump_simd_best(), l.upper, got, l.cols,
		    index, data, n);
		ck_assert_uint_eq(gl, wl);
		ck_assert_mem_eq(got, want, wl);
	}
}
END_TEST

/* dump_run_layout() forced onto each path, with shrunk chunks. */
START_TEST(test_simd_runs)
{
	static unsigned char	 data[3000];
	uint64_t		 seed = 0xa5, start, len;
	struct dump_layout	 l;
	struct result		 r;
	char			*want, what[128];
	size_t			 wl, n;
	int			 isa, i;

	for (isa = DUMP_ISA_SCALAR; isa < DUMP_ISA_COUNT; isa++) {
		if (!dump_simd_supported((enum dump_isa)isa))
			continue;
		for (i = 0; i < 25; i++) {
			n = tu_rand(&seed) % sizeof data;
			tu_random(data, n, &seed);
			start = tu_rand(&seed) % (n + 5);
			len = tu_rand(&seed) % (n + 20);
			dump_layout_default(&l);
			l.isa = isa;
			run_layout(&r, data, n, start, len, &l,
			    16 + tu_rand(&seed) % 700);
			want = ref_range(data, n, start, len, &wl);
			snprintf(what, sizeof what, "%s n %zu -s %" PRIu64
			    " -l %" PRIu64, dump_simd_name((enum dump_isa)isa),
			    n, start, len);
			same_bytes(&r, want, wl, what);
			free(want);
		}
	}
}
END_TEST

Suite *
dump_suite(void)
{
	Suite	*s = suite_create("dump");
	TCase	*tc = tcase_create("format");
	TCase	*tx = tcase_create("xxd");
	TCase	*tf = tcase_create("failure");
	TCase	*tl = tcase_create("layouts");

	tcase_add_test(tc, test_known_small);
	tcase_add_test(tc, test_all_bytes);
	tcase_add_test(tc, test_short_lines);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_clamp);
	tcase_add_test(tc, test_model_random);
	tcase_add_test(tc, test_default_chunk);
	tcase_add_test(tc, test_dump_shows_edits);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tx, test_past_4gib);
	tcase_add_test(tx, test_past_64gib);
	tcase_set_timeout(tx, 120);
	tcase_add_test(tf, test_write_readonly_fd);
	tcase_add_test(tf, test_write_closed_pipe);
	tcase_add_test(tf, test_shrunk_file);
	tcase_add_test(tl, test_layouts_known);
	tcase_add_test(tl, test_layouts_empty);
	tcase_add_test(tl, test_layouts_random);
	tcase_add_test(tl, test_revert_patch);
	tcase_add_test(tl, test_revert_sparse);
	tcase_add_test(tl, test_revert_errors);
	tcase_add_test(tl, test_revert_round_trip);
	tcase_add_test(tl, test_simd_vs_scalar);
	tcase_add_test(tl, test_simd_runs);
	tcase_add_test(tl, test_simd_every_length);
	tcase_add_test(tl, test_simd_plain_every_length);
	tcase_add_test(tl, test_simd_plain_layout);
	tcase_set_timeout(tl, 120);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, tl);
	suite_add_tcase(s, tx);
	suite_add_tcase(s, tf);
	return (s);
}

Suite *
xxd_suite(void)
{
	Suite	*s = suite_create("xxd");
	TCase	*tc = tcase_create("xxd");

	tcase_add_test(tc, test_vs_xxd);
	tcase_add_test(tc, test_chunks_vs_xxd);
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);
	return (s);
}

Suite *
devfull_suite(void)
{
	Suite	*s = suite_create("devfull");
	TCase	*tc = tcase_create("failure");

	tcase_add_test(tc, test_write_full_disk);
	suite_add_tcase(s, tc);
	return (s);
}
