/* check_format.c: the screen row layout, byte for byte. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "format.h"
#include "suites.h"

static void
row_is(int digits, size_t cols, uint64_t off, const unsigned char *b,
    const unsigned char *ok, size_t n, const char *want)
{
	char	line[1024];
	size_t	w = format_row_width(digits, cols);

	ck_assert_uint_eq(w, strlen(want));
	format_row(line, digits, cols, off, b, ok, n);
	line[w] = '\0';
	ck_assert_str_eq(line, want);
}

START_TEST(test_row16)
{
	const unsigned char	elf[16] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 };

	row_is(8, 16, 0, elf, NULL, 16,
	    "00000000  7f 45 4c 46 02 01 01 00  00 00 00 00 00 00 00 00  "
	    "|.ELF............|");
}
END_TEST

START_TEST(test_short_and_unreadable)
{
	const unsigned char	b[5] = { 'a', 0x1b, 0x9b, 0x7f, ' ' };
	const unsigned char	ok[5] = { 1, 1, 1, 0, 1 };

	row_is(8, 8, 0x10, b, ok, 5,
	    "00000010  61 1b 9b ?? 20           |a..?    |");
	row_is(8, 5, 0, b, NULL, 5,
	    "00000000  61 1b 9b 7f 20  |a... |");
}
END_TEST

START_TEST(test_wide_offsets)
{
	const unsigned char	b[2] = { 0xff, 0x00 };

	ck_assert_int_eq(format_offset_digits(0), 8);
	ck_assert_int_eq(format_offset_digits(1ULL << 32), 8);
	ck_assert_int_eq(format_offset_digits((1ULL << 32) + 1), 9);
	ck_assert_int_eq(format_offset_digits(64ULL << 30), 9);
	ck_assert_int_eq(format_offset_digits(UINT64_MAX), 16);
	row_is(9, 2, 0xfffffffffULL, b, NULL, 2,
	    "fffffffff  ff 00  |..|");
}
END_TEST

START_TEST(test_columns)
{
	size_t	c;

	ck_assert_uint_eq(format_hex_col(8, 0), 10);
	ck_assert_uint_eq(format_hex_col(8, 8), 35);
	ck_assert_uint_eq(format_text_col(8, 16, 0), 61);
	ck_assert_uint_eq(format_row_width(8, 16), 78);
	ck_assert_uint_eq(format_fit_columns(8, 78), 16);
	ck_assert_uint_eq(format_fit_columns(8, 77), 15);
	ck_assert_uint_eq(format_fit_columns(8, 10), 0);
	for (c = 1; c < 64; c++)
		ck_assert_uint_eq(format_fit_columns(8,
		    format_row_width(8, c)), c);
	for (c = 0; c < 256; c++)
		ck_assert(format_text_char((unsigned char)c) >= 0x20 &&
		    format_text_char((unsigned char)c) < 0x7f);
	ck_assert_int_eq(memcmp(format_hex_pairs[0xa5], "a5", 2), 0);
}
END_TEST

Suite *
format_suite(void)
{
	Suite	*s = suite_create("format");
	TCase	*tc = tcase_create("row");

	tcase_add_test(tc, test_row16);
	tcase_add_test(tc, test_short_and_unreadable);
	tcase_add_test(tc, test_wide_offsets);
	tcase_add_test(tc, test_columns);
	suite_add_tcase(s, tc);
	return (s);
}
