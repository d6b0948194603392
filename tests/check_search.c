/*
 * check_search.c: the search layer against a naive reference matcher.
 *
 * Random data over a small alphabet and random patterns (literal,
 * wildcard, case-insensitive) are searched in both directions with
 * chunks shrunk to a few bytes, so that matches at offset 0, at the
 * last byte, across chunk boundaries and overlapping each other all
 * occur; every answer is compared with a byte-by-byte reference.  Then
 * sparse files, pattern parsing, progress, cancel, a file truncated
 * under the mapping, and find_print's output.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "find.h"
#include "doc.h"
#include "pattern.h"
#include "search.h"
#include "suites.h"
#include "testutil.h"

#define NOPE	UINT64_MAX

static const unsigned char alphabet[] = "aAbB\0\xff\n";

/* A test file mapped read-only; path is removed at ts_close(). */
struct ts_file {
	char		*path;
	struct doc	 m;
};

static void
ts_open(struct ts_file *f, const void *data, size_t len)
{
	char	err[256];

	f->path = tu_file(data, len);
	ck_assert_msg(doc_open(&f->m, f->path, MAPPING_READONLY, err,
	    sizeof err) == 0, "%s", err);
}

/*
 * Opens data as ts_open() does, then cuts the file to one page under
 * the mapping, so that reading past 4096 raises SIGBUS.
 */
static void
ts_open_cut(struct ts_file *f, const void *data, size_t len)
{
	int	fd;

	ts_open(f, data, len);
	fd = open(f->path, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, 4096), 0);
	ck_assert_int_eq(close(fd), 0);
}

static void
ts_close(struct ts_file *f)
{
	doc_close(&f->m);
	tu_remove(f->path);
}

static unsigned char
ts_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z' ? c + 32 : c);
}

/* The reference: does p match d at s? */
static int
ref_at(const unsigned char *d, size_t n, const struct pattern *p,
    size_t s)
{
	unsigned char	a, b;
	size_t		j;

	if (s > n || p->len > n - s)
		return (0);
	for (j = 0; j < p->len; j++) {
		a = p->icase ? ts_lower(d[s + j]) : d[s + j];
		b = p->icase ? ts_lower(p->bytes[j]) : p->bytes[j];
		if (p->mask[j] != 0 && a != b)
			return (0);
	}
	return (1);
}

static uint64_t
ref_next(const unsigned char *d, size_t n, const struct pattern *p,
    uint64_t from)
{
	for (; from < n; from++)
		if (ref_at(d, n, p, from))
			return (from);
	return (NOPE);
}

static uint64_t
ref_prev(const unsigned char *d, size_t n, const struct pattern *p,
    uint64_t from)
{
	uint64_t	s;

	if (n < p->len)
		return (NOPE);
	s = from < n - p->len ? from : n - p->len;
	for (;; s--) {
		if (ref_at(d, n, p, s))
			return (s);
		if (s == 0)
			return (NOPE);
	}
}

/* Makes a pattern of len bytes: data (when given) or alphabet bytes. */
static void
ts_pattern(struct pattern *p, const unsigned char *data, size_t len,
    int wild, int icase, uint64_t *seed)
{
	size_t	j;

	p->bytes = malloc(len);
	p->mask = malloc(len);
	ck_assert(p->bytes != NULL && p->mask != NULL);
	p->len = len;
	p->icase = icase;
	for (j = 0; j < len; j++) {
		p->bytes[j] = data != NULL ? data[j] :
		    alphabet[tu_rand(seed) % (sizeof alphabet - 1)];
		if (icase && ts_lower(p->bytes[j]) != ts_lower(p->bytes[j] ^
		    0x20) && tu_rand(seed) % 2)
			p->bytes[j] ^= 0x20;
		p->mask[j] = wild && tu_rand(seed) % 4 == 0 ? 0 : 0xff;
		if (p->mask[j] == 0)
			p->bytes[j] = (unsigned char)tu_rand(seed);
	}
}

/* Collects search_all() output. */
struct ts_list {
	uint64_t	*off;
	size_t		 n, cap;
};

static int
ts_collect(void *arg, uint64_t off)
{
	struct ts_list	*l = arg;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->off = realloc(l->off, l->cap * sizeof *l->off);
		ck_assert_ptr_nonnull(l->off);
	}
	l->off[l->n++] = off;
	return (0);
}

static uint64_t
ts_fwd(const struct doc *m, const struct pattern *p,
    uint64_t from, const struct search_opts *o)
{
	enum search_result	r;
	uint64_t		at = NOPE;
	char			err[256] = "";

	r = search_forward(m, p, from, o, &at, err, sizeof err);
	ck_assert_msg(r == SEARCH_FOUND || r == SEARCH_NOT_FOUND, "%s", err);
	return (r == SEARCH_FOUND ? at : NOPE);
}

static uint64_t
ts_bwd(const struct doc *m, const struct pattern *p,
    uint64_t from, const struct search_opts *o)
{
	enum search_result	r;
	uint64_t		at = NOPE;
	char			err[256] = "";

	r = search_backward(m, p, from, o, &at, err, sizeof err);
	ck_assert_msg(r == SEARCH_FOUND || r == SEARCH_NOT_FOUND, "%s", err);
	return (r == SEARCH_FOUND ? at : NOPE);
}

/* Checks every kind of search of p in f against the reference. */
static void
ts_compare(struct ts_file *f, const unsigned char *d, size_t n,
    const struct pattern *p, const struct search_opts *o,
    uint64_t *seed)
{
	struct ts_list	l = { NULL, 0, 0 };
	char		err[256];
	uint64_t	from, s;
	size_t		i = 0;

	from = n == 0 ? 0 : tu_rand(seed) % (n + 1);
	ck_assert_uint_eq(ts_fwd(&f->m, p, from, o), ref_next(d, n, p, from));
	ck_assert_uint_eq(ts_bwd(&f->m, p, from, o), ref_prev(d, n, p, from));
	ck_assert_uint_eq(ts_bwd(&f->m, p, NOPE, o), ref_prev(d, n, p, NOPE));
	ck_assert_int_ne(search_all(&f->m, p, 0, o, ts_collect, &l, err,
	    sizeof err), SEARCH_ERROR);
	/* One assertion at the end: each costs a write in Check. */
	for (s = ref_next(d, n, p, 0); s != NOPE; s = ref_next(d, n, p, s + 1))
		if (i >= l.n || l.off[i++] != s)
			break;
	ck_assert_msg(s == NOPE && i == l.n, "search_all: match %zu of %zu "
	    "is %llu, not %llu", i, l.n, (unsigned long long)(i > 0 ?
	    l.off[i - 1] : NOPE), (unsigned long long)s);
	free(l.off);
}

/* Random data, random patterns, tiny random chunks, both directions. */
static void
ts_differential(int wild, int icase, uint64_t seed)
{
	struct pattern	 p;
	struct search_opts	 o;
	struct ts_file		 f;
	unsigned char		*d;
	size_t			 n, len, at;
	int			 round, k;

	for (round = 0; round < 100; round++) {
		n = tu_rand(&seed) % (round < 10 ? 16 : 3000);
		d = malloc(n + 1);
		for (at = 0; at < n; at++)
			d[at] = alphabet[tu_rand(&seed) % (round % 3 == 0 ?
			    2 : sizeof alphabet - 1)];
		ts_open(&f, d, n);
		for (k = 0; k < 30; k++) {
			memset(&o, 0, sizeof o);
			o.chunk = k % 5 == 0 ? 0 : 1 + tu_rand(&seed) % 100;
			o.threads = k % 4 == 1 ? 2 + k % 3 : 1;
			o.use_holes = k % 2;
			len = 1 + tu_rand(&seed) % (k % 3 == 0 ? 40 : 5);
			at = n >= len ? tu_rand(&seed) % (n - len + 1) : 0;
			ts_pattern(&p, k % 4 != 0 && n >= len ? d + at : NULL,
			    len, wild, icase, &seed);
			ts_compare(&f, d, n, &p, &o, &seed);
			pattern_free(&p);
		}
		ts_close(&f);
		free(d);
	}
}

START_TEST(test_random_literal)
{
	ts_differential(0, 0, 0x1234567887654321ull);
}
END_TEST

START_TEST(test_random_wildcard)
{
	ts_differential(1, 0, 0x9e3779b97f4a7c15ull);
}
END_TEST

START_TEST(test_random_icase)
{
	ts_differential(0, 1, 0xdeadbeefcafef00dull);
}
END_TEST

START_TEST(test_random_wildcard_icase)
{
	ts_differential(1, 1, 0x0123456789abcdefull);
}
END_TEST

START_TEST(test_edges)
{
	struct pattern	 p;
	struct search_opts	 o;
	struct ts_file		 f;
	unsigned char		 data[100];
	char			 err[128];
	size_t			 n = sizeof data;

	memset(data, '.', n);
	memcpy(data, "xyz", 3);
	memcpy(data + 63, "xyz", 3);
	memcpy(data + 98, "xy", 2);
	memset(&o, 0, sizeof o);
	o.chunk = 64;
	ts_open(&f, data, n);
	ck_assert_int_eq(pattern_parse_text("xyz", 0, &p, err, sizeof err), 0);
	ck_assert_uint_eq(ts_fwd(&f.m, &p, 0, &o), 0);
	ck_assert_uint_eq(ts_fwd(&f.m, &p, 1, &o), 63);
	ck_assert_uint_eq(ts_fwd(&f.m, &p, 64, &o), NOPE);
	ck_assert_uint_eq(ts_bwd(&f.m, &p, NOPE, &o), 63);
	ck_assert_uint_eq(ts_bwd(&f.m, &p, 62, &o), 0);
	ck_assert_uint_eq(ts_bwd(&f.m, &p, 0, &o), 0);
	pattern_free(&p);
	ck_assert_int_eq(pattern_parse_text("y", 0, &p, err, sizeof err), 0);
	ck_assert_uint_eq(ts_bwd(&f.m, &p, NOPE, &o), n - 1);
	ck_assert_uint_eq(ts_fwd(&f.m, &p, n - 1, &o), n - 1);
	ck_assert_uint_eq(ts_fwd(&f.m, &p, n, &o), NOPE);
	pattern_free(&p);
	ck_assert_int_eq(pattern_parse_hex("78 ?? 00", &p, err, sizeof err), 0);
	ck_assert_uint_eq(ts_fwd(&f.m, &p, 0, &o), NOPE);
	ck_assert_uint_eq(ts_bwd(&f.m, &p, NOPE, &o), NOPE);
	pattern_free(&p);
	ts_close(&f);
}
END_TEST

/* Search reads the mapping, so it sees edits not yet saved. */
START_TEST(test_sees_edits)
{
	struct pattern	 p;
	struct ts_file		 f;
	unsigned char		 data[8192];
	char			 err[128];

	memset(data, 0, sizeof data);
	f.path = tu_file(data, sizeof data);
	ck_assert_int_eq(doc_open(&f.m, f.path, MAPPING_PREVIEW, err,
	    sizeof err), 0);
	ck_assert_int_eq(pattern_parse_text("edit", 1, &p, err, sizeof err), 0);
	ck_assert_uint_eq(ts_fwd(&f.m, &p, 0, NULL), NOPE);
	ck_assert_int_eq(doc_write(&f.m, 5000, "EDIT", 4), 0);
	ck_assert_uint_eq(ts_fwd(&f.m, &p, 0, NULL), 5000);
	ck_assert_uint_eq(ts_bwd(&f.m, &p, NOPE, NULL), 5000);
	pattern_free(&p);
	ts_close(&f);
}
END_TEST

START_TEST(test_overlapping)
{
	struct pattern	 p;
	struct ts_list		 l = { NULL, 0, 0 };
	struct ts_file		 f;
	char			 err[128];

	ts_open(&f, "aaaaa", 5);
	ck_assert_int_eq(pattern_parse_text("aAa", 1, &p, err, sizeof err), 0);
	ck_assert_int_eq(search_all(&f.m, &p, 0, NULL, ts_collect, &l, err,
	    sizeof err), SEARCH_FOUND);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_uint_eq(l.off[0], 0);
	ck_assert_uint_eq(l.off[2], 2);
	ck_assert_uint_eq(ts_bwd(&f.m, &p, 1, NULL), 1);
	pattern_free(&p);
	ck_assert_int_eq(pattern_parse_hex("?? ?? ?? ??", &p, err, sizeof err),
	    0);
	ck_assert_uint_eq(ts_fwd(&f.m, &p, 1, NULL), 1);
	ck_assert_uint_eq(ts_fwd(&f.m, &p, 2, NULL), NOPE);
	ck_assert_uint_eq(ts_bwd(&f.m, &p, NOPE, NULL), 1);
	pattern_free(&p);
	free(l.off);
	ts_close(&f);
}
END_TEST

START_TEST(test_empty_file)
{
	struct pattern	 p;
	struct ts_file		 f;
	char			 err[128];

	ts_open(&f, NULL, 0);
	ck_assert_int_eq(pattern_parse_text("a", 0, &p, err, sizeof err), 0);
	ck_assert_uint_eq(ts_fwd(&f.m, &p, 0, NULL), NOPE);
	ck_assert_uint_eq(ts_bwd(&f.m, &p, 0, NULL), NOPE);
	pattern_free(&p);
	ts_close(&f);
}
END_TEST

START_TEST(test_parse_hex)
{
	struct pattern	p;
	char			err[128];

	ck_assert_int_eq(pattern_parse_hex(" de AD\t??ef", &p, err, sizeof err),
	    0);
	ck_assert_uint_eq(p.len, 4);
	ck_assert_int_eq(memcmp(p.bytes, "\xde\xad\x00\xef", 4), 0);
	ck_assert_int_eq(memcmp(p.mask, "\xff\xff\x00\xff", 4), 0);
	ck_assert_int_eq(p.icase, 0);
	pattern_free(&p);
	ck_assert_int_eq(pattern_parse_hex("00ff", &p, err, sizeof err), 0);
	ck_assert_uint_eq(p.len, 2);
	ck_assert_int_eq(memcmp(p.bytes, "\x00\xff", 2), 0);
	pattern_free(&p);
	pattern_free(&p);
	/* Spaces go between whole bytes, any number of them. */
	ck_assert_int_eq(pattern_parse_hex("dead", &p, err, sizeof err), 0);
	ck_assert_uint_eq(p.len, 2);
	pattern_free(&p);
	ck_assert_int_eq(pattern_parse_hex("de  ad ??ef", &p, err, sizeof err),
	    0);
	ck_assert_uint_eq(p.len, 4);
	ck_assert_int_eq(memcmp(p.bytes, "\xde\xad\x00\xef", 4), 0);
	ck_assert_int_eq(memcmp(p.mask, "\xff\xff\x00\xff", 4), 0);
	pattern_free(&p);
}
END_TEST

static void
ts_bad_hex(const char *text, const char *want)
{
	struct pattern	p;
	char			err[128] = "";

	ck_assert_int_eq(pattern_parse_hex(text, &p, err, sizeof err), -1);
	ck_assert_str_eq(err, want);
	ck_assert_ptr_null(p.bytes);
	ck_assert_uint_eq(p.len, 0);
}

START_TEST(test_parse_errors)
{
	struct pattern	p;
	char			err[128] = "";

	ts_bad_hex("dea", "odd number of hex digits");
	ts_bad_hex("de d", "odd number of hex digits");
	ts_bad_hex("d e", "space inside a byte at column 2");
	ts_bad_hex("d e a d", "space inside a byte at column 2");
	ts_bad_hex("de a\td", "space inside a byte at column 5");
	ts_bad_hex("?? ? ?", "space inside a byte at column 5");
	ts_bad_hex("de az", "unexpected 'z' at column 5");
	ts_bad_hex("0xde", "unexpected 'x' at column 2");
	ts_bad_hex("de\x01", "unexpected byte 0x01 at column 3");
	ts_bad_hex("", "empty pattern: type hex bytes such as de ad ?? ef");
	ts_bad_hex("  \t", "empty pattern: type hex bytes such as de ad ?? ef");
	ts_bad_hex("de ?a", "'?' mixed with a hex digit at column 4: use ?? "
	    "for any byte");
	ts_bad_hex("de ?", "lone '?' at column 4: use ?? for any byte");
	ck_assert_int_eq(pattern_parse_text("", 1, &p, err, sizeof err), -1);
	ck_assert_str_eq(err, "empty pattern");
	ck_assert_str_eq(search_result_name(SEARCH_CANCELLED), "cancelled");
	ck_assert_int_eq(pattern_parse_text("Hi ?", 1, &p, err, sizeof err), 0);
	ck_assert_uint_eq(p.len, 4);
	ck_assert_int_eq(memcmp(p.bytes, "Hi ?", 4), 0);
	ck_assert_int_eq(memcmp(p.mask, "\xff\xff\xff\xff", 4), 0);
	ck_assert_int_eq(p.icase, 1);
	pattern_free(&p);
}
END_TEST

/*
 * Spells p in hex with random blanks between bytes; with split, one
 * byte also gets a space between its digits, whose column goes to *col.
 */
static void
ts_spell(const struct pattern *p, int split, char *buf, size_t *col,
    uint64_t *seed)
{
	static const char	 blank[] = " \t";
	size_t			 j, n = 0, at = tu_rand(seed) % p->len;
	int			 k;

	for (j = 0; j < p->len; j++) {
		for (k = (int)(tu_rand(seed) % 3); k > 0; k--)
			buf[n++] = blank[tu_rand(seed) % 2];
		n += (size_t)sprintf(buf + n, p->mask[j] ? "%02x" : "??",
		    p->bytes[j]);
		if (split && j == at) {
			buf[n] = buf[n - 1];
			buf[n - 1] = blank[tu_rand(seed) % 2];
			*col = n++;
		}
	}
	buf[n] = '\0';
}

/* Random hex spellings parse back to their bytes, or name the split. */
START_TEST(test_parse_differential)
{
	struct pattern	p, q;
	uint64_t		seed = 0x5eed5eed5eed5eedull;
	char			buf[256], err[128], want[64];
	size_t			col = 0, j;
	int			round;

	for (round = 0; round < 500; round++) {
		ts_pattern(&p, NULL, 1 + tu_rand(&seed) % 20, 1, 0, &seed);
		for (j = 0; j < p.len; j++)
			p.bytes[j] &= p.mask[j];
		ts_spell(&p, 0, buf, &col, &seed);
		ck_assert_msg(pattern_parse_hex(buf, &q, err, sizeof err) == 0,
		    "'%s': %s", buf, err);
		ck_assert_uint_eq(q.len, p.len);
		ck_assert_int_eq(memcmp(q.mask, p.mask, p.len), 0);
		ck_assert_int_eq(memcmp(q.bytes, p.bytes, p.len), 0);
		pattern_free(&q);
		ts_spell(&p, 1, buf, &col, &seed);
		snprintf(want, sizeof want, "space inside a byte at column "
		    "%zu", col);
		ck_assert_int_eq(pattern_parse_hex(buf, &q, err, sizeof err),
		    -1);
		ck_assert_str_eq(err, want);
		pattern_free(&p);
	}
}
END_TEST

/* Writes len bytes of data at off into the file at path. */
static void
ts_pwrite(const char *path, uint64_t off, const void *data, size_t len)
{
	int	fd = open(path, O_WRONLY);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pwrite(fd, data, len, (off_t)off), (ssize_t)len);
	ck_assert_int_eq(close(fd), 0);
}

/* Checks every kind of search of the hex pattern in a sparse file. */
static void
ts_sparse_case(struct ts_file *f, const unsigned char *d, size_t n,
    const char *hex, uint64_t *seed)
{
	static const uint64_t	edges[] = { 65536, 3 * 65536 - 2,
	    49 * 4096, 8 * 65536 };
	struct pattern	p;
	struct search_opts	o;
	char			err[128];
	uint64_t		from;
	int			k;

	ck_assert_int_eq(pattern_parse_hex(hex, &p, err, sizeof err), 0);
	for (k = 0; k < 4; k++) {
		memset(&o, 0, sizeof o);
		o.use_holes = k < 3;
		o.chunk = k % 2 ? 4096 + tu_rand(seed) % 9000 : 0;
		o.threads = 1 + k;
		ts_compare(f, d, n, &p, &o, seed);
	}
	/* Start right at the data edges, with chunks ending there too. */
	memset(&o, 0, sizeof o);
	o.use_holes = 1;
	for (k = 0; k < 4 * 16; k++) {
		from = edges[k / 16] + (uint64_t)(k % 16) - 8;
		o.chunk = k % 3 == 0 ? 1 : k % 3 == 1 ? 3 : 4096;
		o.threads = 1 + k % 4;
		ck_assert_uint_eq(ts_fwd(&f->m, &p, from, &o),
		    ref_next(d, n, &p, from));
		ck_assert_uint_eq(ts_bwd(&f->m, &p, from, &o),
		    ref_prev(d, n, &p, from));
	}
	pattern_free(&p);
}

START_TEST(test_sparse)
{
	struct ts_file	 f;
	unsigned char	*d;
	uint64_t	 seed = 42;
	size_t		 n;
	char		 err[128];

	f.path = tu_sparse(10 * 65536);
	ts_pwrite(f.path, 65536, "\x01\x02\x03", 3);
	ts_pwrite(f.path, 3 * 65536 - 2, "\x04\x05", 2);
	ts_pwrite(f.path, 8 * 65536, "\x06\x07\x06\x07", 4);
	ts_pwrite(f.path, 10 * 65536 - 1, "\x08", 1);
	ck_assert_int_eq(doc_open(&f.m, f.path, MAPPING_READONLY, err,
	    sizeof err), 0);
	d = tu_slurp(f.path, &n);
	ts_sparse_case(&f, d, n, "00 00 01 02", &seed);
	ts_sparse_case(&f, d, n, "00 01", &seed);
	ts_sparse_case(&f, d, n, "05 00 00", &seed);
	ts_sparse_case(&f, d, n, "04 ?? 00 00 00 00 00 00 00", &seed);
	ts_sparse_case(&f, d, n, "06 07", &seed);
	ts_sparse_case(&f, d, n, "00 08", &seed);
	ts_sparse_case(&f, d, n, "00 00 00 00", &seed);
	ts_sparse_case(&f, d, n, "?? 00", &seed);
	ts_sparse_case(&f, d, n, "ff", &seed);
	ck_assert_uint_eq(ts_bwd(&f.m, &(struct pattern){
	    (unsigned char *)"\0\0", (unsigned char *)"\xff\xff", 2, 0 },
	    NOPE, NULL), n - 3);
	free(d);
	ts_close(&f);
}
END_TEST

/* In direct mode an edit in a hole is file data: SEEK_DATA sees it. */
START_TEST(test_direct_hole_edit)
{
	struct pattern	p;
	struct search_opts	o;
	struct ts_file		f;
	char			err[128];

	f.path = tu_sparse(1 << 20);
	ck_assert_int_eq(doc_open(&f.m, f.path, MAPPING_DIRECT, err,
	    sizeof err), 0);
	ck_assert_int_eq(doc_write(&f.m, 300000, "needle", 6), 0);
	memset(&o, 0, sizeof o);
	o.use_holes = 1;
	ck_assert_int_eq(pattern_parse_text("needle", 0, &p, err, sizeof err),
	    0);
	ck_assert_uint_eq(ts_fwd(&f.m, &p, 0, &o), 300000);
	ck_assert_uint_eq(ts_bwd(&f.m, &p, NOPE, &o), 300000);
	pattern_free(&p);
	ts_close(&f);
}
END_TEST

/* Runs outside any test, so it asserts nothing. */
int
holes_have(char *why, size_t len)
{
	char	path[] = "/tmp/maphex-probe-XXXXXX";
	int	fd, have;

	if ((fd = mkstemp(path)) == -1 || ftruncate(fd, 1 << 20) == -1) {
		snprintf(why, len, "cannot make a file in /tmp: %s",
		    strerror(errno));
		if (fd != -1)
			unlink(path);
		return (0);
	}
	have = lseek(fd, 0, SEEK_DATA) == -1 && errno == ENXIO;
	close(fd);
	unlink(path);
	if (!have)
		snprintf(why, len, "lseek(SEEK_DATA) does not see holes in "
		    "files under /tmp");
	return (have);
}

/* A big sparse file is searched in no time: holes are skipped. */
START_TEST(test_sparse_big)
{
	struct pattern	p;
	struct search_opts	o;
	struct ts_file		f;
	uint64_t		size = 16ull << 30, at = 0;
	char			err[128];
	int			fd;

	f.path = tu_sparse(size);
	fd = open(f.path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(lseek(fd, 0, SEEK_DATA), -1);
	ck_assert_int_eq(errno, ENXIO);
	close(fd);
	ts_pwrite(f.path, 5ull << 30, "needle", 6);
	ts_pwrite(f.path, size - 6, "needle", 6);
	ck_assert_int_eq(doc_open(&f.m, f.path, MAPPING_READONLY, err,
	    sizeof err), 0);
	memset(&o, 0, sizeof o);
	o.use_holes = 1;
	ck_assert_int_eq(pattern_parse_text("NEEDLE", 1, &p, err, sizeof err),
	    0);
	ck_assert_int_eq(search_forward(&f.m, &p, 1, &o, &at, err, sizeof err),
	    SEARCH_FOUND);
	ck_assert_uint_eq(at, 5ull << 30);
	ck_assert_int_eq(search_forward(&f.m, &p, at + 1, &o, &at, err,
	    sizeof err), SEARCH_FOUND);
	ck_assert_uint_eq(at, size - 6);
	ck_assert_int_eq(search_backward(&f.m, &p, size - 7, &o, &at, err,
	    sizeof err), SEARCH_FOUND);
	ck_assert_uint_eq(at, 5ull << 30);
	ck_assert_int_eq(search_backward(&f.m, &p, at - 1, &o, &at, err,
	    sizeof err), SEARCH_NOT_FOUND);
	pattern_free(&p);
	ts_close(&f);
}
END_TEST

struct ts_counter {
	int		calls;
	int		stop_after;	/* cancel when calls reaches it */
	uint64_t	done, total;
};

static void
ts_progress(void *arg, uint64_t done, uint64_t total)
{
	struct ts_counter	*c = arg;

	ck_assert_uint_ge(done, c->done);
	ck_assert_uint_le(done, total);
	c->done = done;
	c->total = total;
	c->calls++;
}

static int
ts_cancel(void *arg)
{
	struct ts_counter	*c = arg;

	return (c->stop_after != 0 && c->calls >= c->stop_after);
}

START_TEST(test_progress_cancel)
{
	struct pattern	 p;
	struct search_opts	 o;
	struct ts_counter	 c;
	struct ts_file		 f;
	unsigned char		 data[65536];
	uint64_t		 at;
	char			 err[128];

	memset(data, 'x', sizeof data);
	ts_open(&f, data, sizeof data);
	ck_assert_int_eq(pattern_parse_text("y", 0, &p, err, sizeof err), 0);
	memset(&o, 0, sizeof o);
	memset(&c, 0, sizeof c);
	o.chunk = 1024;
	o.threads = 1;
	o.progress = ts_progress;
	o.cancel = ts_cancel;
	o.arg = &c;
	ck_assert_int_eq(search_forward(&f.m, &p, 0, &o, &at, err, sizeof err),
	    SEARCH_NOT_FOUND);
	ck_assert_int_eq(c.calls, 64);
	ck_assert_uint_eq(c.done, sizeof data);
	ck_assert_uint_eq(c.total, sizeof data);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(search_backward(&f.m, &p, NOPE, &o, &at, err,
	    sizeof err), SEARCH_NOT_FOUND);
	ck_assert_int_eq(c.calls, 64);
	ck_assert_uint_eq(c.done, c.total);
	memset(&c, 0, sizeof c);
	c.stop_after = 3;
	ck_assert_int_eq(search_forward(&f.m, &p, 0, &o, &at, err, sizeof err),
	    SEARCH_CANCELLED);
	ck_assert_int_eq(c.calls, 3);
	memset(&c, 0, sizeof c);
	c.stop_after = 5;
	ck_assert_int_eq(search_backward(&f.m, &p, NOPE, &o, &at, err,
	    sizeof err), SEARCH_CANCELLED);
	ck_assert_int_eq(c.calls, 5);
	/* Two threads: the first chunk alone, then two chunks a batch. */
	o.threads = 2;
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(search_forward(&f.m, &p, 0, &o, &at, err, sizeof err),
	    SEARCH_NOT_FOUND);
	ck_assert_int_eq(c.calls, 1 + 63 / 2 + 1);
	ck_assert_uint_eq(c.done, sizeof data);
	memset(&c, 0, sizeof c);
	ck_assert_int_eq(search_backward(&f.m, &p, NOPE, &o, &at, err,
	    sizeof err), SEARCH_NOT_FOUND);
	ck_assert_int_eq(c.calls, 1 + 63 / 2 + 1);
	ck_assert_uint_eq(c.done, c.total);
	memset(&c, 0, sizeof c);
	c.stop_after = 3;
	ck_assert_int_eq(search_forward(&f.m, &p, 0, &o, &at, err, sizeof err),
	    SEARCH_CANCELLED);
	ck_assert_int_eq(c.calls, 3);
	ck_assert_uint_eq(c.done, 1024 + 2 * 2048);
	pattern_free(&p);
	ts_close(&f);
}
END_TEST

/* The file shrinks under the mapping: every search fails cleanly. */
/*
 * What a progress hook that remaps does to a running search: the hook
 * shrinks the file and refreshes the document, as the old paint hook
 * did through the editor.  The search must notice the new generation
 * and stop with an error instead of reading the old bounds.
 */
struct ts_shrinker {
	struct doc	*d;
	const char	*path;
	uint64_t	 to;
	int		 calls;
	int		 refreshed;
};

static void
ts_shrink_progress(void *arg, uint64_t done, uint64_t total)
{
	struct ts_shrinker	*k = arg;
	char			 err[256];
	int			 fd;

	(void)done;
	(void)total;
	if (k->calls++ != 1)
		return;
	fd = open(k->path, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, (off_t)k->to), 0);
	close(fd);
	k->refreshed = doc_refresh(k->d, err, sizeof err);
}

START_TEST(test_remap_in_progress)
{
	static const uint64_t	 sizes[] = { 4096, 0, 3000 };
	struct pattern		 p;
	struct search_opts	 o;
	struct ts_shrinker	 k;
	struct ts_file		 f;
	struct ts_list		 l = { NULL, 0, 0 };
	unsigned char		 data[65536];
	uint64_t		 at;
	char			 err[256];
	size_t			 i;
	int			 back;

	ck_assert_int_eq(pattern_parse_text("xy", 0, &p, err, sizeof err), 0);
	for (i = 0; i < 2 * sizeof sizes / sizeof sizes[0]; i++) {
		back = (int)(i % 2);
		memset(data, 'x', sizeof data);
		ts_open(&f, data, sizeof data);
		memset(&k, 0, sizeof k);
		k.d = &f.m;
		k.path = f.path;
		k.to = sizes[i / 2];
		memset(&o, 0, sizeof o);
		o.chunk = 1024;
		o.progress = ts_shrink_progress;
		o.arg = &k;
		err[0] = '\0';
		if (back)
			ck_assert_int_eq(search_backward(&f.m, &p, NOPE, &o,
			    &at, err, sizeof err), SEARCH_ERROR);
		else
			ck_assert_int_eq(search_forward(&f.m, &p, 0, &o, &at,
			    err, sizeof err), SEARCH_ERROR);
		ck_assert_int_eq(k.refreshed, 1);
		ck_assert_int_eq(k.calls, 2);
		ck_assert_uint_eq(doc_size(&f.m), k.to);
		ck_assert_msg(strstr(err, "file changed size") != NULL, "%s",
		    err);
		ts_close(&f);
	}
	/* search_all too, and after a remap to the same size. */
	memset(data, 'x', sizeof data);
	ts_open(&f, data, sizeof data);
	memset(&k, 0, sizeof k);
	k.d = &f.m;
	k.path = f.path;
	k.to = 100;
	memset(&o, 0, sizeof o);
	o.chunk = 1024;
	o.progress = ts_shrink_progress;
	o.arg = &k;
	ck_assert_int_eq(search_all(&f.m, &p, 0, &o, ts_collect, &l, err,
	    sizeof err), SEARCH_ERROR);
	ck_assert_int_eq(k.calls, 2);
	ck_assert_uint_eq(doc_size(&f.m), 100);
	pattern_free(&p);
	free(l.off);
	ts_close(&f);
}
END_TEST

START_TEST(test_sigbus)
{
	struct pattern	 p;
	struct search_opts	 o;
	struct ts_list		 l = { NULL, 0, 0 };
	struct ts_file		 f;
	unsigned char		 data[65536];
	uint64_t		 at;
	char			 err[256];
	int			 holes, out, k;

	memset(data, 'x', sizeof data);
	ts_open_cut(&f, data, sizeof data);
	ck_assert_int_eq(pattern_parse_text("xy", 0, &p, err, sizeof err), 0);
	/* With 3 threads the fault is taken on a thread of the pool. */
	for (k = 0; k < 4; k++) {
		holes = k % 2;
		memset(&o, 0, sizeof o);
		o.use_holes = holes;
		o.chunk = 1000;
		o.threads = k < 2 ? 1 : 3;
		err[0] = '\0';
		ck_assert_int_eq(search_forward(&f.m, &p, 0, &o, &at, err,
		    sizeof err), SEARCH_ERROR);
		ck_assert_ptr_nonnull(strstr(err, "shrank to 4096 bytes"));
		err[0] = '\0';
		ck_assert_int_eq(search_backward(&f.m, &p, NOPE, &o, &at, err,
		    sizeof err), SEARCH_ERROR);
		ck_assert_ptr_nonnull(strstr(err, "shrank to 4096 bytes"));
		ck_assert_int_eq(search_all(&f.m, &p, 0, &o, ts_collect, &l,
		    err, sizeof err), SEARCH_ERROR);
	}
	out = open("/dev/null", O_WRONLY);
	ck_assert_int_eq(find_print(&f.m, &p, out, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "shrank"));
	close(out);
	pattern_free(&p);
	free(l.off);
	ts_close(&f);
}
END_TEST

/*
 * A match before the page that fails, in the same chunk of a batch: it
 * is found and fed to the callback before the error, on any number of
 * threads, as on one.
 */
START_TEST(test_sigbus_after_match)
{
	struct pattern		 p;
	struct search_opts	 o;
	struct ts_list		 l = { NULL, 0, 0 };
	struct ts_file		 f;
	unsigned char		 data[65536];
	uint64_t		 at;
	char			 err[256];
	int			 threads;

	memset(data, 'x', sizeof data);
	memcpy(data + 4050, "xy", 2);
	ts_open_cut(&f, data, sizeof data);
	ck_assert_int_eq(pattern_parse_text("xy", 0, &p, err, sizeof err), 0);
	for (threads = 1; threads <= 3; threads++) {
		memset(&o, 0, sizeof o);
		o.chunk = 1000;
		o.threads = threads;
		at = 0;
		ck_assert_int_eq(search_forward(&f.m, &p, 0, &o, &at, err,
		    sizeof err), SEARCH_FOUND);
		ck_assert_uint_eq(at, 4050);
		ck_assert_int_eq(search_backward(&f.m, &p, 4080, &o, &at, err,
		    sizeof err), SEARCH_FOUND);
		ck_assert_uint_eq(at, 4050);
		l.n = 0;
		err[0] = '\0';
		ck_assert_int_eq(search_all(&f.m, &p, 0, &o, ts_collect, &l,
		    err, sizeof err), SEARCH_ERROR);
		ck_assert_ptr_nonnull(strstr(err, "shrank to 4096 bytes"));
		ck_assert_uint_eq(l.n, 1);
		ck_assert_uint_eq(l.off[0], 4050);
	}
	pattern_free(&p);
	free(l.off);
	ts_close(&f);
}
END_TEST

/*
 * A pattern that matches at every byte: each thread of a batch keeps
 * only so many matches and the caller finishes the rest, in order.
 */
START_TEST(test_many_matches)
{
	struct pattern		 p;
	struct search_opts	 o;
	struct ts_list		 l = { NULL, 0, 0 };
	struct ts_file		 f;
	unsigned char		*d;
	size_t			 n = 1u << 20, i;
	uint64_t		 seed = 42;
	char			 err[128];
	int			 threads;

	d = malloc(n);
	memset(d, 'a', n);
	for (i = 0; i < 64; i++)
		d[tu_rand(&seed) % n] = 'b';
	ts_open(&f, d, n);
	ck_assert_int_eq(pattern_parse_text("aa", 0, &p, err, sizeof err), 0);
	for (threads = 1; threads <= 4; threads++) {
		memset(&o, 0, sizeof o);
		o.chunk = 65536 + (size_t)threads * 1000;
		o.threads = threads;
		l.n = 0;
		ck_assert_int_eq(search_all(&f.m, &p, 5, &o, ts_collect, &l,
		    err, sizeof err), SEARCH_FOUND);
		for (i = 0; i < l.n; i++)
			if (l.off[i] != ref_next(d, n, &p, i == 0 ? 5 :
			    l.off[i - 1] + 1))
				break;
		ck_assert_uint_eq(i, l.n);
		ck_assert_uint_eq(ref_next(d, n, &p, l.off[l.n - 1] + 1), NOPE);
		ck_assert_uint_eq(ts_bwd(&f.m, &p, NOPE, &o),
		    ref_prev(d, n, &p, NOPE));
	}
	pattern_free(&p);
	free(l.off);
	ts_close(&f);
	free(d);
}
END_TEST

START_TEST(test_find_print)
{
	struct pattern	 p;
	struct ts_file		 f, out;
	unsigned char		*got;
	size_t			 n;
	char			 err[256];
	int			 fd;

	ts_open(&f, "abcabcab\0ab", 11);
	out.path = tu_file(NULL, 0);
	fd = open(out.path, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pattern_parse_text("ab", 0, &p, err, sizeof err), 0);
	ck_assert_int_eq(find_print(&f.m, &p, fd, err, sizeof err), 1);
	pattern_free(&p);
	ck_assert_int_eq(pattern_parse_hex("00 61 63", &p, err, sizeof err), 0);
	ck_assert_int_eq(find_print(&f.m, &p, fd, err, sizeof err), 0);
	ck_assert_int_eq(find_print(&f.m, &p, -1, err, sizeof err), 0);
	pattern_free(&p);
	close(fd);
	got = tu_slurp(out.path, &n);
	got[n] = '\0';
	ck_assert_str_eq((char *)got, "0\n3\n6\n9\n");
	free(got);
	ck_assert_int_eq(pattern_parse_text("b", 0, &p, err, sizeof err), 0);
	ck_assert_int_eq(find_print(&f.m, &p, -1, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "cannot write"));
	pattern_free(&p);
	tu_remove(out.path);
	ts_close(&f);
}
END_TEST

Suite *
search_suite(void)
{
	Suite	*s = suite_create("search");
	TCase	*tc = tcase_create("search");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_random_literal);
	tcase_add_test(tc, test_random_wildcard);
	tcase_add_test(tc, test_random_icase);
	tcase_add_test(tc, test_random_wildcard_icase);
	tcase_add_test(tc, test_edges);
	tcase_add_test(tc, test_sees_edits);
	tcase_add_test(tc, test_overlapping);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_parse_hex);
	tcase_add_test(tc, test_parse_errors);
	tcase_add_test(tc, test_parse_differential);
	tcase_add_test(tc, test_sparse);
	tcase_add_test(tc, test_direct_hole_edit);
	tcase_add_test(tc, test_progress_cancel);
	tcase_add_test(tc, test_sigbus);
	tcase_add_test(tc, test_sigbus_after_match);
	tcase_add_test(tc, test_remap_in_progress);
	tcase_add_test(tc, test_many_matches);
	tcase_add_test(tc, test_find_print);
	suite_add_tcase(s, tc);
	return (s);
}

Suite *
holes_suite(void)
{
	Suite	*s = suite_create("holes");
	TCase	*tc = tcase_create("holes");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_sparse_big);
	suite_add_tcase(s, tc);
	return (s);
}
