/*
 * check_scan.c: the scan layer (search_scan.c, search_simd.c) alone.
 *
 * Every instruction set this CPU has is forced in turn and scanned
 * against a byte-by-byte reference: random haystacks over small
 * alphabets, so that the pair matches often and the prefilters switch
 * mid-chunk; needles of 1 to 40 bytes, some taken from the haystack,
 * with wildcards and folded case; random windows [lo, hi), starts at
 * every alignment, both directions, every match in turn as search.c
 * asks for them.  Each haystack ends where its allocation ends, so the
 * sanitizer catches a read past the last byte.  A sweep plants one
 * match at every offset around the vector widths.  Then which
 * prefilter the state ends in, on data made to defeat each.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "pattern.h"
#include "search_scan.h"
#include "search_simd.h"
#include "suites.h"
#include "testutil.h"

/* Without memrchr, backward scans start with the pair loop. */
#ifdef HAVE_MEMRCHR
#define REV_MEMCHR	SCAN_MEMCHR
#else
#define REV_MEMCHR	SCAN_PAIR
#endif

/* The haystack alphabets: two bytes, case pairs, then odd bytes too. */
static const char *const sc_alphabets[] = { "ab", "aA", "aAbB",
    "aAbB\n\xff" };

static unsigned char
sc_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z' ? c + 32 : c);
}

/* The reference: does p match d at s (which leaves room for it)? */
static int
sc_ref_at(const unsigned char *d, const struct pattern *p, size_t s)
{
	unsigned char	a, b;
	size_t		j;

	for (j = 0; j < p->len; j++) {
		a = p->icase ? sc_lower(d[s + j]) : d[s + j];
		b = p->icase ? sc_lower(p->bytes[j]) : p->bytes[j];
		if (p->mask[j] != 0 && a != b)
			return (0);
	}
	return (1);
}

/* Makes a pattern of len bytes from data, or from alpha when NULL. */
static void
sc_pattern(struct pattern *p, const unsigned char *data, size_t len,
    const char *alpha, int wild, int icase, uint64_t *seed)
{
	size_t	j;

	p->bytes = malloc(len);
	p->mask = malloc(len);
	ck_assert(p->bytes != NULL && p->mask != NULL);
	p->len = len;
	p->icase = icase;
	for (j = 0; j < len; j++) {
		p->bytes[j] = data != NULL ? data[j] :
		    (unsigned char)alpha[tu_rand(seed) % strlen(alpha)];
		if (icase && sc_lower(p->bytes[j]) != sc_lower(p->bytes[j] ^
		    0x20) && tu_rand(seed) % 2)
			p->bytes[j] ^= 0x20;
		p->mask[j] = wild && tu_rand(seed) % 4 == 0 ? 0 : 0xff;
		if (p->mask[j] == 0)
			p->bytes[j] = (unsigned char)tu_rand(seed);
	}
}

/*
 * Walks every match in [lo, hi) forward, then backward, as search.c's
 * chunks do with one state each, and compares both with the reference.
 */
static void
sc_compare(const struct scan_plan *sp, const struct pattern *p,
    const unsigned char *d, size_t lo, size_t hi)
{
	struct scan_state	st;
	size_t			s, r, got;

	scan_reset(sp, &st, lo);
	for (r = lo, s = lo; ; r++, s++) {
		while (r < hi && !sc_ref_at(d, p, r))
			r++;
		got = scan_next(sp, &st, d, s, hi);
		if (got != r || r >= hi)
			break;
		s = got;
	}
	ck_assert_msg(got == r, "%s forward in [%zu, %zu): %zu, not %zu",
	    search_simd_name(sp->isa), lo, hi, got, r);
	scan_reset(sp, &st, hi);
	for (r = hi, s = hi; ; s = got) {
		while (r > lo && !sc_ref_at(d, p, r - 1))
			r--;
		got = scan_prev(sp, &st, d, lo, s);
		if (r == lo ? got != s : got != r - 1)
			break;
		if (r-- == lo)
			return;
	}
	ck_assert_msg(0, "%s backward in [%zu, %zu) below %zu: %zu, not "
	    "%zu", search_simd_name(sp->isa), lo, hi, s, got,
	    r == lo ? s : r - 1);
}

/* Random haystacks and needles, scanned with isa. */
static void
sc_random(enum search_isa isa, uint64_t seed)
{
	struct pattern		 p;
	struct scan_plan	 sp;
	const char		*alpha;
	unsigned char		*buf, *d;
	size_t			 n, len, shift, at, lo, hi, i;
	int			 round, k;

	for (round = 0; round < 150; round++) {
		n = tu_rand(&seed) % (round % 5 == 0 ? 4000 : 300);
		shift = tu_rand(&seed) % 32;
		alpha = sc_alphabets[round % 4];
		ck_assert_ptr_nonnull(buf = malloc(shift + n > 0 ?
		    shift + n : 1));
		d = buf + shift;
		for (i = 0; i < n; i++)
			d[i] = (unsigned char)alpha[tu_rand(&seed) %
			    strlen(alpha)];
		for (k = 0; k < 12; k++) {
			len = 1 + tu_rand(&seed) % (k % 2 ? 40 : 6);
			if (len > n)
				continue;
			at = k % 3 == 0 ? n - len : tu_rand(&seed) % (n - len + 1);
			sc_pattern(&p, k % 4 != 3 ? d + at : NULL, len, alpha,
			    k % 3 == 1, round % 2, &seed);
			ck_assert_int_eq(scan_plan_init(&sp, &p), 0);
			sp.isa = isa;
			hi = n - len + 1;
			lo = k % 2 ? tu_rand(&seed) % (hi + 1) : 0;
			if (k % 4 == 1)
				hi = lo + tu_rand(&seed) % (hi - lo + 1);
			sc_compare(&sp, &p, d, lo, hi);
			scan_plan_free(&sp);
			pattern_free(&p);
		}
		free(buf);
	}
}

/* One match planted at each offset, found from every window around it. */
static void
sc_sweep(enum search_isa isa, const char *pat, int icase, const char *put)
{
	enum { N = 160 };
	struct pattern		 p;
	struct scan_plan	 sp;
	unsigned char		*d;
	char			 err[64];
	size_t			 at, lo, len = strlen(put), end = N - len + 1;

	ck_assert_int_eq(pattern_parse_hex(pat, &p, err, sizeof err), 0);
	p.icase = icase;
	ck_assert_int_eq(scan_plan_init(&sp, &p), 0);
	sp.isa = isa;
	ck_assert_ptr_nonnull(d = malloc(N));
	for (at = 0; at < end; at++) {
		memset(d, '.', N);
		memcpy(d + at, put, len);
		for (lo = 0; lo <= at; lo++) {
			sc_compare(&sp, &p, d, lo, at + 1);
			sc_compare(&sp, &p, d, lo, end);
			sc_compare(&sp, &p, d, at - lo, end - lo);
		}
	}
	free(d);
	scan_plan_free(&sp);
	pattern_free(&p);
}

START_TEST(test_isas_random)
{
	int	isa;

	for (isa = SEARCH_ISA_SCALAR; isa < SEARCH_ISA_COUNT; isa++)
		if (search_simd_supported((enum search_isa)isa))
			sc_random((enum search_isa)isa, 0x5eed0000u + isa);
	ck_assert_int_ne(search_simd_best(), SEARCH_ISA_AUTO);
}
END_TEST

START_TEST(test_isas_sweep)
{
	int	isa;

	for (isa = SEARCH_ISA_SCALAR; isa < SEARCH_ISA_COUNT; isa++) {
		if (!search_simd_supported((enum search_isa)isa))
			continue;
		sc_sweep((enum search_isa)isa, "51 7a", 0, "Qz");
		sc_sweep((enum search_isa)isa, "71 ?? 5a", 1, "Q-z");
		sc_sweep((enum search_isa)isa, "ff", 0, "\xff");
	}
}
END_TEST

/*
 * Scans buf with isa and one state, as one chunk; returns the mode.
 * The data below is made of 'b', rarer than 'e' but not than '.'.
 */
static enum scan_mode
sc_mode(enum search_isa isa, const char *pat, int icase,
    const unsigned char *buf, size_t n, int backward, size_t want)
{
	struct pattern		p;
	struct scan_plan	sp;
	struct scan_state	st;
	char			err[64];
	size_t			got, hi;

	ck_assert_int_eq(pattern_parse_text(pat, icase, &p, err, sizeof err),
	    0);
	ck_assert_int_eq(scan_plan_init(&sp, &p), 0);
	sp.isa = isa;
	hi = n - p.len + 1;
	scan_reset(&sp, &st, backward ? hi : 0);
	got = backward ? scan_prev(&sp, &st, buf, 0, hi) :
	    scan_next(&sp, &st, buf, 0, hi);
	ck_assert_uint_eq(got, want);
	scan_plan_free(&sp);
	pattern_free(&p);
	return (st.mode);
}

/* Without vector code: memchr first, memmem for long literals. */
START_TEST(test_modes_scalar)
{
	enum search_isa	sc = SEARCH_ISA_SCALAR;
	unsigned char	buf[8192];
	size_t		i, n = sizeof buf;

	memset(buf, 'b', n);
	memcpy(buf + 100, "bbbe", 4);
	memcpy(buf + 4000, "b.e", 3);
	memcpy(buf + 8000, "bbbe", 4);
	ck_assert_int_eq(sc_mode(sc, "bbbe", 0, buf, n, 0, 100), SCAN_PAIR);
	ck_assert_int_eq(sc_mode(sc, "bbbe", 0, buf, n, 1, 8000), SCAN_PAIR);
	ck_assert_int_eq(sc_mode(sc, "bbbc", 0, buf, n, 1, 8189), SCAN_PAIR);
	ck_assert_int_eq(sc_mode(sc, "bbbb", 0, buf, n, 0, 0), SCAN_MEMCHR);
	ck_assert_int_eq(sc_mode(sc, "bbbbbbbbbbbbbbbe", 0, buf, n, 0, 88),
	    SCAN_MEMMEM);
	ck_assert_int_eq(sc_mode(sc, "b.e", 0, buf, n, 0, 4000), SCAN_MEMCHR);
	ck_assert_int_eq(sc_mode(sc, "b.e", 0, buf, n, 1, 4000), REV_MEMCHR);
	ck_assert_int_eq(sc_mode(sc, "B.E", 1, buf, n, 1, 4000), REV_MEMCHR);
	ck_assert_int_eq(sc_mode(sc, "BBBE", 1, buf, n, 0, 100), SCAN_PAIR);
	ck_assert_int_eq(sc_mode(sc, "BBBE", 1, buf, n, 1, 8000), SCAN_PAIR);
	for (i = 0; i < n; i++)
		buf[i] = "ab"[i % 2];
	buf[6004] = 'b';
	ck_assert_int_eq(sc_mode(sc, "ababb", 0, buf, n, 0, 6000),
	    SCAN_MEMMEM);
	ck_assert_int_eq(sc_mode(sc, "ababb", 0, buf, n, 1, 6000),
	    SCAN_MEMMEM);
	ck_assert_int_eq(sc_mode(sc, "ABABB", 1, buf, n, 0, 6000), SCAN_PAIR);
	memset(buf, 0, n);
	memcpy(buf + 7000, "\x01\x02", 2);
	ck_assert_int_eq(sc_mode(sc, "\x02\x01", 0, buf, n, 0, 8191),
	    SCAN_MEMCHR);
}
END_TEST

/*
 * With vector code the pair scan goes first, long literals too; memchr
 * only when one byte value must match; memmem when the pair is common.
 */
START_TEST(test_modes_vector)
{
	enum search_isa	v = search_simd_best();
	unsigned char	buf[8192];
	size_t		i, n = sizeof buf;

	if (v == SEARCH_ISA_SCALAR)
		return;
	memset(buf, 'b', n);
	memcpy(buf + 100, "bbbe", 4);
	memcpy(buf + 4000, "b.e", 3);
	memcpy(buf + 8000, "bbbe", 4);
	ck_assert_int_eq(sc_mode(v, "bbbe", 0, buf, n, 0, 100), SCAN_PAIR);
	ck_assert_int_eq(sc_mode(v, "bbbe", 0, buf, n, 1, 8000), SCAN_PAIR);
	ck_assert_int_eq(sc_mode(v, "bbbb", 0, buf, n, 0, 0), SCAN_MEMCHR);
	ck_assert_int_eq(sc_mode(v, "bbbbbbbbbbbbbbbe", 0, buf, n, 0, 88),
	    SCAN_PAIR);
	ck_assert_int_eq(sc_mode(v, "b.e", 0, buf, n, 1, 4000), SCAN_PAIR);
	ck_assert_int_eq(sc_mode(v, "BBBE", 1, buf, n, 1, 8000), SCAN_PAIR);
	for (i = 0; i < n; i++)
		buf[i] = "ab"[i % 2];
	buf[6004] = 'b';
	ck_assert_int_eq(sc_mode(v, "ababb", 0, buf, n, 0, 6000),
	    SCAN_MEMMEM);
	ck_assert_int_eq(sc_mode(v, "ababb", 0, buf, n, 1, 6000),
	    SCAN_MEMMEM);
	ck_assert_int_eq(sc_mode(v, "ABABB", 1, buf, n, 0, 6000), SCAN_PAIR);
}
END_TEST

Suite *
scan_suite(void)
{
	Suite	*s = suite_create("scan");
	TCase	*tc = tcase_create("scan");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_isas_random);
	tcase_add_test(tc, test_isas_sweep);
	tcase_add_test(tc, test_modes_scalar);
	tcase_add_test(tc, test_modes_vector);
	suite_add_tcase(s, tc);
	return (s);
}
