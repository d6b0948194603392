/* check_offset.c: go-to expressions, every form and garbage. */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <string.h>

#include "offset.h"
#include "suites.h"

static uint64_t
parse_ok(const char *text, uint64_t cur, uint64_t size)
{
	char		err[128];
	uint64_t	out = 0xdeadbeef;

	ck_assert_msg(offset_parse(text, cur, size, &out, err,
	    sizeof err) == 0, "'%s' failed: %s", text, err);
	return (out);
}

static void
parse_bad(const char *text, uint64_t cur, uint64_t size, const char *what)
{
	char		err[128] = "";
	uint64_t	out = 7;

	ck_assert_msg(offset_parse(text, cur, size, &out, err,
	    sizeof err) == -1, "'%s' was accepted", text);
	ck_assert_uint_eq(out, 7);
	ck_assert_msg(strstr(err, what) != NULL, "'%s': '%s' lacks '%s'",
	    text, err, what);
}

START_TEST(test_forms)
{
	ck_assert_uint_eq(parse_ok("0x1f", 0, 100), 31);
	ck_assert_uint_eq(parse_ok("0X1F", 0, 100), 31);
	ck_assert_uint_eq(parse_ok("31", 5, 100), 31);
	ck_assert_uint_eq(parse_ok("  31  ", 5, 100), 31);
	ck_assert_uint_eq(parse_ok("+16", 10, 100), 26);
	ck_assert_uint_eq(parse_ok("-0x10", 20, 100), 4);
	ck_assert_uint_eq(parse_ok("end-16", 0, 100), 84);
	ck_assert_uint_eq(parse_ok("END - 0x10", 0, 100), 84);
	ck_assert_uint_eq(parse_ok("end", 0, 100), 100);
	ck_assert_uint_eq(parse_ok("50%", 0, 100), 50);
	ck_assert_uint_eq(parse_ok("0%", 9, 100), 0);
	ck_assert_uint_eq(parse_ok("100%", 0, 100), 100);
	ck_assert_uint_eq(parse_ok("0", 0, 0), 0);
}
END_TEST

START_TEST(test_arithmetic)
{
	uint64_t	big = 64ULL << 30;

	ck_assert_uint_eq(parse_ok("0x10+5", 0, 100), 21);
	ck_assert_uint_eq(parse_ok("3*16", 0, 100), 48);
	ck_assert_uint_eq(parse_ok("2+3*4", 0, 100), 14);
	ck_assert_uint_eq(parse_ok("(2+3)*4", 0, 100), 20);
	ck_assert_uint_eq(parse_ok("90/4", 0, 100), 22);
	ck_assert_uint_eq(parse_ok("end/2", 0, 100), 50);
	ck_assert_uint_eq(parse_ok("end - 2*8", 0, 100), 84);
	ck_assert_uint_eq(parse_ok("+2*8", 10, 100), 26);
	ck_assert_uint_eq(parse_ok("-(1+2)", 10, 100), 7);
	ck_assert_uint_eq(parse_ok("10-4-3", 0, 100), 3);
	ck_assert_uint_eq(parse_ok("4k", 0, big), 4096);
	ck_assert_uint_eq(parse_ok("4K+1", 0, big), 4097);
	ck_assert_uint_eq(parse_ok("1M", 0, big), 1ULL << 20);
	ck_assert_uint_eq(parse_ok("2g", 0, big), 2ULL << 30);
	ck_assert_uint_eq(parse_ok("3*512", 0, big), 1536);
	ck_assert_uint_eq(parse_ok("end-4k", 0, big), big - 4096);
	ck_assert_uint_eq(parse_ok("0x1b", 0, big), 27);
}
END_TEST

START_TEST(test_large)
{
	uint64_t	big = 64ULL << 30;

	ck_assert_uint_eq(parse_ok("0x1000000000", 0, big), 1ULL << 36);
	ck_assert_uint_eq(parse_ok("50%", 0, big), 32ULL << 30);
	ck_assert_uint_eq(parse_ok("33%", 0, UINT64_MAX),
	    UINT64_MAX / 100 * 33 + UINT64_MAX % 100 * 33 / 100);
	ck_assert_uint_eq(parse_ok("end-1", 0, big), big - 1);
	ck_assert_uint_eq(parse_ok("+0x10", big - 17, big), big - 1);
}
END_TEST

START_TEST(test_garbage)
{
	parse_bad("", 0, 100, "no offset");
	parse_bad("   ", 0, 100, "no offset");
	parse_bad("zz", 0, 100, "not a");
	parse_bad("0x", 0, 100, "not a number");
	parse_bad("12abc", 0, 100, "not a decimal");
	parse_bad("0xfg", 0, 100, "not a hex");
	parse_bad("1 2", 0, 100, "not a number");
	parse_bad("--5", 0, 100, "not a");
	parse_bad("end*2", 0, 100, "past the end");
	parse_bad("end**2", 0, 100, "not a number or expression");
	parse_bad("3*", 0, 100, "not a number or expression");
	parse_bad("(1+2", 0, 100, "not a number or expression");
	parse_bad("1)", 0, 100, "not a number or expression");
	parse_bad("4/0", 0, 100, "division by zero");
	parse_bad("1-2", 0, 100, "before the start");
	parse_bad("4q", 0, 100, "not a decimal");
	parse_bad("k", 0, 100, "not a");
	parse_bad("0x10k", 0, UINT64_MAX, "not a hex");
	parse_bad("18014398509481984k", 0, UINT64_MAX, "too large");
	parse_bad("17179869184G", 0, UINT64_MAX, "too large");
	parse_bad("8589934592G*2", 0, UINT64_MAX, "too large");
	parse_bad("((((((((((((((((((1))))))))))))))))))", 0, 100,
	    "not a number or expression");
	parse_bad("-5", 2, 100, "before the start");
	parse_bad("101", 0, 100, "past the end");
	parse_bad("end+1", 0, 100, "past the end");
	parse_bad("+1", 100, 100, "past the end");
	parse_bad("101%", 0, 100, "over 100");
	parse_bad("x%", 0, 100, "not a");
	parse_bad("99999999999999999999999", 0, 100, "too large");
	parse_bad("0x1ffffffffffffffff", 0, 100, "too large");
	parse_bad("+0xffffffffffffffff", 2, UINT64_MAX, "past the end");
}
END_TEST

START_TEST(test_number)
{
	char		err[128];
	uint64_t	v;

	ck_assert_int_eq(offset_number("0xffffffffffffffff", &v, err,
	    sizeof err), 0);
	ck_assert_uint_eq(v, UINT64_MAX);
	ck_assert_int_eq(offset_number("18446744073709551615", &v, err,
	    sizeof err), 0);
	ck_assert_uint_eq(v, UINT64_MAX);
	ck_assert_int_eq(offset_number("18446744073709551616", &v, err,
	    sizeof err), -1);
	ck_assert_int_eq(offset_number("-1", &v, err, sizeof err), -1);
}
END_TEST

/* The command line's -s: "-N" counts from the end, as xxd -s does. */
START_TEST(test_seek)
{
	char		err[128] = "";
	uint64_t	v = 7;

	ck_assert_int_eq(offset_seek("-16", 100, &v, err, sizeof err), 0);
	ck_assert_uint_eq(v, 84);
	ck_assert_int_eq(offset_seek(" -0x10", 100, &v, err, sizeof err), 0);
	ck_assert_uint_eq(v, 84);
	ck_assert_int_eq(offset_seek("-0", 100, &v, err, sizeof err), 0);
	ck_assert_uint_eq(v, 100);
	ck_assert_int_eq(offset_seek("-100", 100, &v, err, sizeof err), 0);
	ck_assert_uint_eq(v, 0);
	ck_assert_int_eq(offset_seek("+16", 100, &v, err, sizeof err), 0);
	ck_assert_uint_eq(v, 16);
	ck_assert_int_eq(offset_seek("010", 100, &v, err, sizeof err), 0);
	ck_assert_uint_eq(v, 10);
	ck_assert_int_eq(offset_seek("end-1", 100, &v, err, sizeof err), 0);
	ck_assert_uint_eq(v, 99);
	ck_assert_int_eq(offset_seek("50%", 100, &v, err, sizeof err), 0);
	ck_assert_uint_eq(v, 50);
	v = 7;
	ck_assert_int_eq(offset_seek("-101", 100, &v, err, sizeof err), -1);
	ck_assert_msg(strstr(err, "before the start") != NULL, "%s", err);
	ck_assert_int_eq(offset_seek("-x", 100, &v, err, sizeof err), -1);
	ck_assert_int_eq(offset_seek("--1", 100, &v, err, sizeof err), -1);
	ck_assert_uint_eq(v, 7);
	/* The go-to prompt's "-16" still moves back from the cursor. */
	ck_assert_uint_eq(parse_ok("-16", 50, 100), 34);
}
END_TEST

Suite *
offset_suite(void)
{
	Suite	*s = suite_create("offset");
	TCase	*tc = tcase_create("parse");

	tcase_add_test(tc, test_forms);
	tcase_add_test(tc, test_arithmetic);
	tcase_add_test(tc, test_large);
	tcase_add_test(tc, test_garbage);
	tcase_add_test(tc, test_number);
	tcase_add_test(tc, test_seek);
	suite_add_tcase(s, tc);
	return (s);
}
