/* check_quote.c: strings made safe for a one-line message. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "quote.h"
#include "suites.h"

static void
quoted(const char *in, const char *want)
{
	char	buf[256];

	ck_assert_ptr_eq(quote_string(buf, sizeof buf, in), buf);
	ck_assert_str_eq(buf, want);
}

START_TEST(test_plain)
{
	quoted("file.bin", "file.bin");
	quoted("/a b/c\\d", "/a b/c\\d");
	quoted("", "''");
	quoted("gr\xc3\xbc\xc3\x9f \xe6\x97\xa5 \xf0\x9f\x98\x80",
	    "gr\xc3\xbc\xc3\x9f \xe6\x97\xa5 \xf0\x9f\x98\x80");
}
END_TEST

START_TEST(test_controls)
{
	quoted("q\ny\x1b", "q\\ny\\x1b");
	quoted("\r\t\x01\x7f", "\\r\\t\\x01\\x7f");
	/* C1 controls are valid UTF-8 but some terminals obey them. */
	quoted("a\xc2\x9b" "1m", "a\\xc2\\x9b1m");
	quoted("\xc2\xa0", "\xc2\xa0");
}
END_TEST

START_TEST(test_bad_utf8)
{
	quoted("\xff\xfe", "\\xff\\xfe");
	quoted("\xc3", "\\xc3");
	quoted("\xc3(", "\\xc3(");
	quoted("\xc0\xaf", "\\xc0\\xaf");		/* overlong '/' */
	quoted("\xed\xa0\x80", "\\xed\\xa0\\x80");	/* a surrogate */
	quoted("\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80");
	quoted("\xe6\x97", "\\xe6\\x97");
}
END_TEST

/* Quoting what is already quoted leaves it as it is. */
START_TEST(test_twice)
{
	char	once[64], twice[64];

	quote_string(once, sizeof once, "a\n\x1b\xff");
	quote_string(twice, sizeof twice, once);
	ck_assert_str_eq(once, twice);
}
END_TEST

START_TEST(test_cut)
{
	char	buf[8];

	memset(buf, 'z', sizeof buf);
	ck_assert_str_eq(quote_string(buf, sizeof buf, "abcdefg"), "abcdefg");
	ck_assert_str_eq(quote_string(buf, sizeof buf, "abcdefgh"),
	    "abcd...");
	/* An escape is never cut in half. */
	ck_assert_str_eq(quote_string(buf, sizeof buf, "abc\x1b" "defg"),
	    "abc...");
	ck_assert_str_eq(quote_string(buf, sizeof buf,
	    "ab\xe6\x97\xa5\xe6\x97\xa5"), "ab...");
	ck_assert_str_eq(quote_string(buf, 3, "abc"), "ab");
	ck_assert_str_eq(quote_string(buf, 1, "abc"), "");
	buf[0] = 'z';
	ck_assert_ptr_eq(quote_string(buf, 0, "abc"), buf);
	ck_assert_int_eq(buf[0], 'z');
}
END_TEST

START_TEST(test_char_start)
{
	/* "a", U+00E9, U+65E5, U+1F600, then stray and lone bytes. */
	const char	*s = "a\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80\x80\x80"
	    "\xc3";

	ck_assert_uint_eq(quote_char_start(s, 0), 0);
	ck_assert_uint_eq(quote_char_start(s, 1), 1);
	ck_assert_uint_eq(quote_char_start(s, 2), 1);
	ck_assert_uint_eq(quote_char_start(s, 5), 3);
	ck_assert_uint_eq(quote_char_start(s, 4), 3);
	ck_assert_uint_eq(quote_char_start(s, 9), 6);
	/* Continuation bytes with no lead close enough stay where they are. */
	ck_assert_uint_eq(quote_char_start(s, 10), 10);
	ck_assert_uint_eq(quote_char_start(s, 11), 11);
	ck_assert_uint_eq(quote_char_start(s, 12), 12);
	ck_assert_uint_eq(quote_char_start("\x80\x80", 1), 1);
}
END_TEST

Suite *
quote_suite(void)
{
	Suite	*s = suite_create("quote");
	TCase	*tc = tcase_create("quote");

	tcase_add_test(tc, test_plain);
	tcase_add_test(tc, test_controls);
	tcase_add_test(tc, test_bad_utf8);
	tcase_add_test(tc, test_twice);
	tcase_add_test(tc, test_cut);
	tcase_add_test(tc, test_char_start);
	suite_add_tcase(s, tc);
	return (s);
}
