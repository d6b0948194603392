/*
 * check_regex.c: the regex scanner against a naive reference.
 *
 * The reference runs PCRE2 anchored at every start offset over the
 * whole buffer in memory, with no chunks and no partial matching; the
 * scanner must give the same matches with its chunks shrunk to a few
 * bytes, so that chunk edges fall inside, before and after matches of
 * bounded and unbounded length, look-arounds and anchors.  Then matches
 * across one edge, bad patterns, holes, cancel and a remap.
 */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "doc.h"
#include "search_regex.h"
#include "suites.h"
#include "testutil.h"

#define NOPE	UINT64_MAX

static const unsigned char rx_alphabet[] = "aAbB\0\xff\n";

static const char *const rx_patterns[] = {
	"a", "ab|ba", "a+", "A.{3}b", "(?s)a.*?b", "[ab]{2,5}",
	"\\x00+\\xff", "b(?=a)", "(?<=a)b", "\\bAb", "a[^b]*b", "(?i)ab",
	"\\x00{3,}", "^a", "b$", "(a|b\\n)+?B", "[\\x80-\\xff]\\x00*a",
	"(?s).{9}", "b\\Ba", "(?:a|Ab|\\x00)*\\xff"
};
#define RX_NPATTERNS	(sizeof rx_patterns / sizeof rx_patterns[0])

struct rx_file {
	char		*path;
	struct doc	 d;
};

struct rx_list {
	uint64_t	*at, *len;
	size_t		 n, cap;
};

static void
rx_open(struct rx_file *f, const void *data, size_t len)
{
	char	err[256];

	f->path = tu_file(data, len);
	ck_assert_msg(doc_open(&f->d, f->path, MAPPING_READONLY, err,
	    sizeof err) == 0, "%s", err);
}

static void
rx_close(struct rx_file *f)
{
	doc_close(&f->d);
	tu_remove(f->path);
}

static struct search_regex *
rx_new(const char *pat)
{
	struct search_regex	*re;
	char			 err[256];

	re = search_regex_new(pat, strlen(pat), 0, err, sizeof err);
	ck_assert_msg(re != NULL, "%s: %s", pat, err);
	return (re);
}

/* The reference: the end of the match anchored at s, or NOPE. */
static uint64_t
ref_at(pcre2_code *code, pcre2_match_data *md, const unsigned char *d,
    size_t n, size_t s)
{
	int	rc;

	rc = pcre2_match(code, d, n, s, PCRE2_ANCHORED | PCRE2_NOTEMPTY |
	    PCRE2_NO_JIT, md, NULL);
	ck_assert(rc >= 0 || rc == PCRE2_ERROR_NOMATCH);
	return (rc >= 0 ? pcre2_get_ovector_pointer(md)[1] : NOPE);
}

static int
rx_collect(void *arg, uint64_t at, uint64_t len)
{
	struct rx_list	*l = arg;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->at = realloc(l->at, l->cap * sizeof *l->at);
		l->len = realloc(l->len, l->cap * sizeof *l->len);
		ck_assert(l->at != NULL && l->len != NULL);
	}
	l->at[l->n] = at;
	l->len[l->n++] = len;
	return (0);
}

/* Every match from from on, by the reference, into l. */
static void
ref_all(pcre2_code *code, pcre2_match_data *md, const unsigned char *d,
    size_t n, uint64_t from, struct rx_list *l)
{
	uint64_t	s, e;

	for (s = from; s < n; s++) {
		if ((e = ref_at(code, md, d, n, s)) == NOPE)
			continue;
		rx_collect(l, s, e - s);
		s = e - 1;
	}
}

/* The last start at or before from that matches, or NOPE. */
static uint64_t
ref_prev(pcre2_code *code, pcre2_match_data *md, const unsigned char *d,
    size_t n, uint64_t from, uint64_t *len)
{
	uint64_t	s, e;

	if (n == 0)
		return (NOPE);
	for (s = from < n ? from : n - 1;; s--) {
		if ((e = ref_at(code, md, d, n, s)) != NOPE) {
			*len = e - s;
			return (s);
		}
		if (s == 0)
			return (NOPE);
	}
}

/* Compares every kind of scan of pat over f with the reference. */
static void
rx_compare(struct rx_file *f, const unsigned char *d, size_t n,
    const char *pat, const struct search_opts *o, uint64_t *seed)
{
	struct search_regex	*re = rx_new(pat);
	struct rx_list		 got = { 0 }, want = { 0 };
	pcre2_code		*code;
	pcre2_match_data	*md;
	enum search_result	 r;
	uint64_t		 from, at = NOPE, len = 0, rlen = 0, ref;
	size_t			 i;
	int			 ec;
	PCRE2_SIZE		 eo;
	char			 err[256] = "";

	code = pcre2_compile((PCRE2_SPTR)pat, strlen(pat), 0, &ec, &eo, NULL);
	md = pcre2_match_data_create_from_pattern(code, NULL);
	ck_assert(code != NULL && md != NULL);
	from = n == 0 ? 0 : tu_rand(seed) % n;
	ref_all(code, md, d, n, from, &want);
	r = search_regex_all(&f->d, re, from, o, rx_collect, &got, err,
	    sizeof err);
	ck_assert_msg(r == (want.n > 0 ? SEARCH_FOUND : SEARCH_NOT_FOUND),
	    "%s: %s", pat, err);
	ck_assert_msg(got.n == want.n, "%s from %llu: %zu matches, not %zu",
	    pat, (unsigned long long)from, got.n, want.n);
	for (i = 0; i < got.n; i++) {
		ck_assert_uint_eq(got.at[i], want.at[i]);
		ck_assert_uint_eq(got.len[i], want.len[i]);
	}
	r = search_regex_forward(&f->d, re, from, o, &at, &len, err,
	    sizeof err);
	ck_assert_uint_eq(r == SEARCH_FOUND ? at : NOPE,
	    want.n > 0 ? want.at[0] : NOPE);
	ref = ref_prev(code, md, d, n, from, &rlen);
	at = NOPE;
	r = search_regex_backward(&f->d, re, from, o, &at, &len, err,
	    sizeof err);
	ck_assert_msg(r == SEARCH_FOUND || r == SEARCH_NOT_FOUND, "%s", err);
	ck_assert_msg((r == SEARCH_FOUND ? at : NOPE) == ref,
	    "%s backward from %llu: %llu, not %llu", pat,
	    (unsigned long long)from, (unsigned long long)at,
	    (unsigned long long)ref);
	if (r == SEARCH_FOUND)
		ck_assert_uint_eq(len, rlen);
	free(got.at);
	free(got.len);
	free(want.at);
	free(want.len);
	pcre2_match_data_free(md);
	pcre2_code_free(code);
	search_regex_free(re);
}

START_TEST(test_random_differential)
{
	struct search_opts	 o;
	struct rx_file		 f;
	unsigned char		*d;
	uint64_t		 seed = 0x5eed0 + (uint64_t)_i;
	size_t			 n, i, p;

	for (i = 0; i < 12; i++) {
		n = (size_t)(tu_rand(&seed) % 300);
		d = malloc(n + 1);
		ck_assert_ptr_nonnull(d);
		for (p = 0; p < n; p++)
			d[p] = rx_alphabet[tu_rand(&seed) %
			    (sizeof rx_alphabet - 1)];
		rx_open(&f, d, n);
		memset(&o, 0, sizeof o);
		for (p = 0; p < RX_NPATTERNS; p++) {
			o.chunk = (size_t)(tu_rand(&seed) % 9);
			/* 1 to 4; from 2, batches of chunks on threads. */
			o.threads = 1 + (int)(tu_rand(&seed) % 4);
			rx_compare(&f, d, n, rx_patterns[p], &o, &seed);
		}
		rx_close(&f);
		free(d);
	}
}
END_TEST

/* Random bytes of every value, and the default chunk. */
START_TEST(test_random_bytes)
{
	struct search_opts	 o;
	struct rx_file		 f;
	unsigned char		*d;
	uint64_t		 seed = 77;
	size_t			 n = 20000, p;

	d = malloc(n);
	ck_assert_ptr_nonnull(d);
	tu_random(d, n, &seed);
	rx_open(&f, d, n);
	memset(&o, 0, sizeof o);
	for (p = 0; p < RX_NPATTERNS; p++) {
		o.chunk = p % 2 ? 0 : 1000 + p;
		o.threads = 1 + (int)(p % 4);
		rx_compare(&f, d, n, rx_patterns[p], &o, &seed);
	}
	rx_close(&f);
	free(d);
}
END_TEST

/*
 * Matches at almost every byte, and matches that run across many chunk
 * edges: a thread of a batch keeps only so many of its chunk's matches
 * (the caller scans the rest), and a match that runs on into the next
 * thread's chunk makes the caller scan on until the two agree.
 */
START_TEST(test_batches)
{
	static const char *const pats[] = { "a", "a+b", "(?s)a.*?b",
	    "b[a]{0,40}", "(?<=b)a+" };
	struct search_opts	 o;
	struct rx_file		 f;
	unsigned char		*d;
	uint64_t		 seed = 4242;
	size_t			 n = 60000, p, i;

	d = malloc(n);
	ck_assert_ptr_nonnull(d);
	for (i = 0; i < n; i++)
		d[i] = tu_rand(&seed) % 64 == 0 ? 'b' : 'a';
	rx_open(&f, d, n);
	memset(&o, 0, sizeof o);
	for (p = 0; p < sizeof pats / sizeof pats[0]; p++)
		for (i = 0; i < 4; i++) {
			o.chunk = i % 2 ? 10000 : 37;
			o.threads = 1 + (int)i;
			rx_compare(&f, d, n, pats[p], &o, &seed);
		}
	rx_close(&f);
	free(d);
}
END_TEST

/*
 * With \\G, \\K or a backtracking verb a match depends on where the scan
 * began, so chunk edges change the answer; threads must not: such a
 * pattern gives what one thread gives, on any number.
 */
START_TEST(test_start_dependent)
{
	static const char *const pats[] = { "\\Ga|xy", "a(*COMMIT)b|xy",
	    "aa(*SKIP)b|a", "\\Ga+", "a\\Kb" };
	struct search_opts	 o;
	struct search_regex	*re;
	struct rx_list		 one, more;
	struct rx_file		 f;
	unsigned char		 d[3000];
	uint64_t		 seed = 99;
	size_t			 i, p;
	char			 err[256];
	int			 threads;

	for (i = 0; i < sizeof d; i++)
		d[i] = "abcxy"[tu_rand(&seed) % 5];
	rx_open(&f, d, sizeof d);
	memset(&o, 0, sizeof o);
	o.chunk = 4;
	for (p = 0; p < sizeof pats / sizeof pats[0]; p++) {
		re = rx_new(pats[p]);
		memset(&one, 0, sizeof one);
		o.threads = 1;
		(void)search_regex_all(&f.d, re, 0, &o, rx_collect, &one, err,
		    sizeof err);
		ck_assert_uint_gt(one.n, 0);
		for (threads = 2; threads <= 4; threads++) {
			memset(&more, 0, sizeof more);
			o.threads = threads;
			(void)search_regex_all(&f.d, re, 0, &o, rx_collect,
			    &more, err, sizeof err);
			ck_assert_msg(more.n == one.n && memcmp(more.at, one.at,
			    one.n * sizeof *one.at) == 0 && memcmp(more.len,
			    one.len, one.n * sizeof *one.len) == 0,
			    "%s on %d threads: %zu matches, on one %zu",
			    pats[p], threads, more.n, one.n);
			free(more.at);
			free(more.len);
		}
		free(one.at);
		free(one.len);
		search_regex_free(re);
	}
	rx_close(&f);
}
END_TEST

/*
 * A file cut to one page under its mapping, with a match before the
 * cut: on one thread or several, the match is fed, then the scan stops
 * with the error.
 */
START_TEST(test_fault_after_match)
{
	struct search_opts	 o;
	struct search_regex	*re = rx_new("xy");
	struct rx_list		 got = { 0 };
	struct rx_file		 f;
	unsigned char		 data[65536];
	char			 err[256];
	int			 fd, threads;

	memset(data, 'x', sizeof data);
	memcpy(data + 4050, "xy", 2);
	rx_open(&f, data, sizeof data);
	fd = open(f.path, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, 4096), 0);
	ck_assert_int_eq(close(fd), 0);
	memset(&o, 0, sizeof o);
	o.chunk = 1000;
	for (threads = 1; threads <= 3; threads++) {
		o.threads = threads;
		got.n = 0;
		err[0] = '\0';
		ck_assert_int_eq(search_regex_all(&f.d, re, 0, &o, rx_collect,
		    &got, err, sizeof err), SEARCH_ERROR);
		ck_assert_msg(strstr(err, "shrank to 4096 bytes") != NULL,
		    "%s", err);
		ck_assert_uint_eq(got.n, 1);
		ck_assert_uint_eq(got.at[0], 4050);
	}
	free(got.at);
	free(got.len);
	search_regex_free(re);
	rx_close(&f);
}
END_TEST

/* A match across one chunk edge is found once and whole. */
START_TEST(test_across_edges)
{
	static const char	 data[] = "....hello world....hello world..";
	struct search_opts	 o;
	struct search_regex	*re = rx_new("hello w[a-z]+");
	struct rx_list		 l = { 0 };
	struct rx_file		 f;
	char			 err[256];
	size_t			 chunk;

	rx_open(&f, data, sizeof data - 1);
	memset(&o, 0, sizeof o);
	for (chunk = 1; chunk < 40; chunk++) {
		o.chunk = chunk;
		l.n = 0;
		ck_assert_int_eq(search_regex_all(&f.d, re, 0, &o, rx_collect,
		    &l, err, sizeof err), SEARCH_FOUND);
		ck_assert_uint_eq(l.n, 2);
		ck_assert_uint_eq(l.at[0], 4);
		ck_assert_uint_eq(l.len[0], 11);
		ck_assert_uint_eq(l.at[1], 19);
		ck_assert_uint_eq(l.len[1], 11);
	}
	free(l.at);
	free(l.len);
	search_regex_free(re);
	rx_close(&f);
}
END_TEST

START_TEST(test_bad_patterns)
{
	static const char *const bad[] = { "a(b", "[z-a]", "a{3,1}", "*a",
	    "\\" };
	char	err[256];
	size_t	i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err[0] = '\0';
		ck_assert_ptr_null(search_regex_new(bad[i], strlen(bad[i]), 0,
		    err, sizeof err));
		ck_assert_msg(strncmp(err, "bad regex at column ", 20) == 0,
		    "%s", err);
		ck_assert_ptr_null(strchr(err, '\n'));
	}
	ck_assert_ptr_null(search_regex_new("a(b", 3, 0, err, sizeof err));
	ck_assert_str_eq(err, "bad regex at column 4: missing closing "
	    "parenthesis");
	ck_assert_ptr_null(search_regex_new("", 0, 0, err, sizeof err));
	ck_assert_str_eq(err, "empty regex");
}
END_TEST

/* NUL bytes in the pattern and the data; ignore case. */
START_TEST(test_binary_icase)
{
	static const unsigned char data[] = "\0\0AbC\0abc\xff\0aBc";
	struct search_regex	*re;
	struct rx_list		 l = { 0 };
	struct rx_file		 f;
	char			 err[256];

	rx_open(&f, data, sizeof data - 1);
	re = search_regex_new("\0abc", 4, 1, err, sizeof err);
	ck_assert_ptr_nonnull(re);
	ck_assert_int_eq(search_regex_all(&f.d, re, 0, NULL, rx_collect, &l,
	    err, sizeof err), SEARCH_FOUND);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_uint_eq(l.at[0], 1);
	ck_assert_uint_eq(l.at[1], 5);
	ck_assert_uint_eq(l.at[2], 10);
	search_regex_free(re);
	free(l.at);
	free(l.len);
	rx_close(&f);
}
END_TEST

/* Holes are skipped when no match begins with a zero, and found else. */
START_TEST(test_sparse)
{
	struct search_opts	 o;
	struct search_regex	*re;
	struct doc		 d;
	char			*path = tu_sparse(64 << 20);
	char			 err[256];
	uint64_t		 at = 0, len = 0;
	FILE			*fp;

	fp = fopen(path, "r+");
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(fseeko(fp, (off_t)(40 << 20) - 2, SEEK_SET), 0);
	ck_assert_int_eq(fwrite("\0\0ab\0c", 1, 6, fp), 6);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_int_eq(doc_open(&d, path, MAPPING_READONLY, err,
	    sizeof err), 0);
	memset(&o, 0, sizeof o);
	o.use_holes = 1;
	o.chunk = 4096;
	re = rx_new("ab\\x00[c-z]");
	ck_assert_int_eq(search_regex_forward(&d, re, 0, &o, &at, &len, err,
	    sizeof err), SEARCH_FOUND);
	ck_assert_uint_eq(at, 40 << 20);
	ck_assert_uint_eq(len, 4);
	at = 0;
	ck_assert_int_eq(search_regex_backward(&d, re, 64 << 20, &o, &at,
	    &len, err, sizeof err), SEARCH_FOUND);
	ck_assert_uint_eq(at, 40 << 20);
	ck_assert_int_eq(search_regex_backward(&d, re, (40 << 20) - 1, &o,
	    &at, &len, err, sizeof err), SEARCH_NOT_FOUND);
	search_regex_free(re);
	re = rx_new("\\x00{4}a");
	ck_assert_int_eq(search_regex_forward(&d, re, 1000, &o, &at, &len,
	    err, sizeof err), SEARCH_FOUND);
	ck_assert_uint_eq(at, (40 << 20) - 4);
	ck_assert_int_eq(search_regex_backward(&d, re, 64 << 20, &o, &at,
	    &len, err, sizeof err), SEARCH_FOUND);
	ck_assert_uint_eq(at, (40 << 20) - 4);
	search_regex_free(re);
	doc_close(&d);
	tu_remove(path);
}
END_TEST

struct rx_poll {
	int	calls;
	int	stop_at;
	uint64_t last_done;
	struct doc *remap;
};

static void
rx_progress(void *arg, uint64_t done, uint64_t total)
{
	struct rx_poll	*p = arg;

	ck_assert_uint_le(done, total);
	p->last_done = done;
}

static int
rx_cancel(void *arg)
{
	struct rx_poll	*p = arg;
	char		 err[256];

	p->calls++;
	if (p->remap != NULL && p->calls == 2)
		ck_assert_int_eq(doc_reload(p->remap, err, sizeof err), 0);
	return (p->stop_at != 0 && p->calls >= p->stop_at);
}

START_TEST(test_cancel_remap)
{
	struct search_opts	 o;
	struct search_regex	*re = rx_new("zz+q");
	struct rx_poll		 poll;
	struct rx_file		 f;
	unsigned char		 data[4096];
	char			 err[256];
	uint64_t		 at, len;

	memset(data, 'z', sizeof data);
	rx_open(&f, data, sizeof data);
	memset(&o, 0, sizeof o);
	memset(&poll, 0, sizeof poll);
	o.chunk = 100;
	o.progress = rx_progress;
	o.cancel = rx_cancel;
	o.arg = &poll;
	/* No match: every chunk polls once, plus the start. */
	ck_assert_int_eq(search_regex_forward(&f.d, re, 0, &o, &at, &len,
	    err, sizeof err), SEARCH_NOT_FOUND);
	ck_assert_int_gt(poll.calls, 5);
	poll.calls = 0;
	poll.stop_at = 3;
	ck_assert_int_eq(search_regex_forward(&f.d, re, 0, &o, &at, &len,
	    err, sizeof err), SEARCH_CANCELLED);
	ck_assert_int_eq(poll.calls, 3);
	poll.calls = 0;
	ck_assert_int_eq(search_regex_backward(&f.d, re, 4095, &o, &at, &len,
	    err, sizeof err), SEARCH_CANCELLED);
	poll.calls = 0;
	poll.stop_at = 0;
	poll.remap = &f.d;
	ck_assert_int_eq(search_regex_forward(&f.d, re, 0, &o, &at, &len,
	    err, sizeof err), SEARCH_ERROR);
	ck_assert_ptr_nonnull(strstr(err, "changed size during the search"));
	search_regex_free(re);
	rx_close(&f);
}
END_TEST

Suite *
regex_suite(void)
{
	Suite	*s = suite_create("regex");
	TCase	*tc = tcase_create("regex");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_random_differential, 0, 4);
	tcase_add_test(tc, test_random_bytes);
	tcase_add_test(tc, test_batches);
	tcase_add_test(tc, test_start_dependent);
	tcase_add_test(tc, test_fault_after_match);
	tcase_add_test(tc, test_across_edges);
	tcase_add_test(tc, test_bad_patterns);
	tcase_add_test(tc, test_binary_icase);
	tcase_add_test(tc, test_sparse);
	tcase_add_test(tc, test_cancel_remap);
	suite_add_tcase(s, tc);
	return (s);
}
