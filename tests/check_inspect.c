/*
 * check_inspect.c: the inspector's rows and typed writes against
 * reference values, and random round trips through both.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "inspect.h"
#include "inspect_encode.h"
#include "inspect_num.h"
#include "inspect_time.h"
#include "suites.h"
#include "testutil.h"

static char	dec_out[INSPECT_TEXT];

/* The row text of type t over the n bytes given as a string. */
static const char *
dec(enum inspect_type t, int be, const char *bytes, size_t n)
{
	struct inspect_bytes	b;

	memset(&b, 0, sizeof b);
	memcpy(b.b, bytes, n);
	b.n = n;
	inspect_decode(t, be, &b, dec_out);
	return (dec_out);
}

#define DEC(t, be, s, want) \
	ck_assert_str_eq(dec((t), (be), (s), sizeof(s) - 1), (want))

/* Encodes text and checks the bytes (given as a string). */
static void
enc_ok(const char *type, const char *text, const char *want, size_t n)
{
	unsigned char	out[64];
	char		err[256];
	size_t		len = 0;
	int		t, be;

	t = inspect_type_find(type, &be, err, sizeof err);
	ck_assert_msg(t >= 0, "%s: %s", type, err);
	ck_assert_msg(inspect_encode(t, be, text, out, sizeof out, &len, err,
	    sizeof err) == 0, "%s '%s': %s", type, text, err);
	ck_assert_uint_eq(len, n);
	ck_assert_msg(memcmp(out, want, n) == 0, "%s '%s': wrong bytes",
	    type, text);
}

#define ENC(type, text, want)	enc_ok((type), (text), (want), sizeof(want) - 1)

/* Encoding text must fail with a one-line reason holding what. */
static void
enc_bad(const char *type, const char *text, const char *what)
{
	unsigned char	out[64];
	char		err[256] = "";
	size_t		len = 99;
	int		t, be;

	t = inspect_type_find(type, &be, err, sizeof err);
	ck_assert_int_ge(t, 0);
	ck_assert_msg(inspect_encode(t, be, text, out, sizeof out, &len, err,
	    sizeof err) == -1, "%s '%s' was accepted", type, text);
	ck_assert_uint_eq(len, 99);
	ck_assert_msg(strstr(err, what) != NULL, "'%s' lacks '%s'", err, what);
	ck_assert_ptr_null(strchr(err, '\n'));
	ck_assert_msg(strncmp(err, inspect_types[t].name,
	    strlen(inspect_types[t].name)) == 0, "'%s' names no type", err);
}

START_TEST(test_integers)
{
	DEC(INSPECT_U8, 0, "\xff", "255");
	DEC(INSPECT_I8, 0, "\xff", "-1");
	DEC(INSPECT_U16, 0, "\x01\x02", "513");
	DEC(INSPECT_U16, 1, "\x01\x02", "258");
	DEC(INSPECT_I16, 1, "\x80\x00", "-32768");
	DEC(INSPECT_U24, 0, "\x01\x02\x03", "197121");
	DEC(INSPECT_U24, 1, "\x01\x02\x03", "66051");
	DEC(INSPECT_I24, 0, "\x00\x00\x80", "-8388608");
	DEC(INSPECT_I24, 0, "\xff\xff\xff", "-1");
	DEC(INSPECT_U32, 0, "\x01\x02\x03\x04", "67305985");
	DEC(INSPECT_I32, 1, "\xff\xff\xff\xfe", "-2");
	DEC(INSPECT_U64, 0, "\xff\xff\xff\xff\xff\xff\xff\xff",
	    "18446744073709551615");
	DEC(INSPECT_I64, 1, "\x80\x00\x00\x00\x00\x00\x00\x00",
	    "-9223372036854775808");
	DEC(INSPECT_BINARY, 0, "\xa5", "10100101");
	DEC(INSPECT_BINARY, 1, "\x01", "00000001");
}
END_TEST

START_TEST(test_floats)
{
	DEC(INSPECT_F32, 0, "\x00\x00\x80\x7f", "inf");
	DEC(INSPECT_F32, 0, "\x00\x00\x80\xff", "-inf");
	DEC(INSPECT_F32, 0, "\x00\x00\xc0\x7f", "nan");
	DEC(INSPECT_F32, 1, "\xff\xc0\x00\x01", "-nan");
	DEC(INSPECT_F32, 0, "\x01\x00\x00\x00", "1e-45");
	DEC(INSPECT_F32, 1, "\x40\x49\x0f\xdb", "3.1415927");
	DEC(INSPECT_F32, 0, "\xff\xff\x7f\x7f", "3.4028235e+38");
	DEC(INSPECT_F64, 0, "\x01\x00\x00\x00\x00\x00\x00\x00", "5e-324");
	DEC(INSPECT_F64, 0, "\x9a\x99\x99\x99\x99\x99\xb9\x3f", "0.1");
	DEC(INSPECT_F64, 1, "\x3f\xf0\x00\x00\x00\x00\x00\x00", "1");
	DEC(INSPECT_F64, 0, "\x00\x00\x00\x00\x00\x00\x00\x80", "-0");
	DEC(INSPECT_F64, 0, "\x00\x00\x00\x00\x00\x00\xf8\x7f", "nan");
	DEC(INSPECT_F64, 0, "\x00\x00\x00\x00\x00\x00\xf0\xff", "-inf");
	DEC(INSPECT_F16, 0, "\x00\x3c", "1");
	DEC(INSPECT_F16, 1, "\x7b\xff", "65504");
	DEC(INSPECT_F16, 0, "\x01\x00", "6e-08");
	DEC(INSPECT_F16, 0, "\x00\x04", "6.104e-05");
	DEC(INSPECT_F16, 0, "\xff\x03", "6.1e-05");
	DEC(INSPECT_F16, 0, "\x00\x7c", "inf");
	DEC(INSPECT_F16, 0, "\x00\xfc", "-inf");
	DEC(INSPECT_F16, 0, "\x01\x7c", "nan");
	DEC(INSPECT_F16, 0, "\x00\x80", "-0");
	DEC(INSPECT_F16, 0, "\x55\x35", "0.3333");
}
END_TEST

START_TEST(test_half_rounding)
{
	uint16_t	h;

	ck_assert_int_eq(inspect_double_to_half(65519.99, &h), 0);
	ck_assert_uint_eq(h, 0x7bff);
	ck_assert_int_eq(inspect_double_to_half(65520, &h), -1);
	ck_assert_int_eq(inspect_double_to_half(-1e9, &h), -1);
	/* Halfway between 1 and 1+2^-10 goes to the even one, 1. */
	ck_assert_int_eq(inspect_double_to_half(1 + ldexp(1, -11), &h), 0);
	ck_assert_uint_eq(h, 0x3c00);
	ck_assert_int_eq(inspect_double_to_half(1 + 3 * ldexp(1, -11), &h),
	    0);
	ck_assert_uint_eq(h, 0x3c02);
	/* Half the smallest subnormal rounds to zero, a bit more to it. */
	ck_assert_int_eq(inspect_double_to_half(ldexp(1, -25), &h), 0);
	ck_assert_uint_eq(h, 0);
	ck_assert_int_eq(inspect_double_to_half(ldexp(1.5, -25), &h), 0);
	ck_assert_uint_eq(h, 1);
	ck_assert_int_eq(inspect_double_to_half(-0.0, &h), 0);
	ck_assert_uint_eq(h, 0x8000);
	ck_assert(isnan(inspect_half_to_double(0xfe00)));
	ck_assert(signbit(inspect_half_to_double(0xfe00)));
}
END_TEST

START_TEST(test_leb128)
{
	char	run[INSPECT_MAX + 1];

	DEC(INSPECT_ULEB, 0, "\xe5\x8e\x26", "624485 (3 bytes)");
	DEC(INSPECT_SLEB, 0, "\xc0\xbb\x78", "-123456 (3 bytes)");
	DEC(INSPECT_SLEB, 0, "\x7f", "-1 (1 byte)");
	DEC(INSPECT_SLEB, 0, "\xff\x7f", "-1 (2 bytes)");
	DEC(INSPECT_ULEB, 0, "\x80\x80\x00", "0 (3 bytes)");
	DEC(INSPECT_ULEB, 0, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01",
	    "18446744073709551615 (10 bytes)");
	DEC(INSPECT_ULEB, 0, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02",
	    "too large for 64 bits");
	DEC(INSPECT_ULEB, 0, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x81\x01",
	    "too large for 64 bits");
	DEC(INSPECT_ULEB, 0, "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01",
	    "too large for 64 bits");
	/* Padding past 64 bits is fine while it carries no bits. */
	DEC(INSPECT_ULEB, 0, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x81\x00",
	    "18446744073709551615 (11 bytes)");
	DEC(INSPECT_ULEB, 0, "\x81\x80\x80\x80\x80\x80\x80\x80\x80\x80\x00",
	    "1 (11 bytes)");
	DEC(INSPECT_SLEB, 0, "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x7f",
	    "-9223372036854775808 (10 bytes)");
	DEC(INSPECT_SLEB, 0, "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x7e",
	    "too large for 64 bits");
	DEC(INSPECT_SLEB, 0, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f",
	    "-1 (10 bytes)");
	DEC(INSPECT_SLEB, 0, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f",
	    "-1 (11 bytes)");
	DEC(INSPECT_ULEB, 0, "\x80", "end of file");
	memset(run, 0x80, sizeof run);
	ck_assert_str_eq(dec(INSPECT_ULEB, 0, run, INSPECT_MAX),
	    "longer than 16 bytes");
	ENC("uleb128", "624485", "\xe5\x8e\x26");
	ENC("uleb128", "0", "\x00");
	ENC("uleb128", "18446744073709551615",
	    "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01");
	ENC("sleb128", "-123456", "\xc0\xbb\x78");
	ENC("sleb128", "-1", "\x7f");
	ENC("sleb128", "63", "\x3f");
	ENC("sleb128", "64", "\xc0\x00");
	ENC("sleb128", "-64", "\x40");
	ENC("sleb128", "-65", "\xbf\x7f");
	ENC("sleb128", "-9223372036854775808",
	    "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x7f");
	enc_bad("uleb128", "-1", "out of range");
	enc_bad("sleb128", "9223372036854775808", "out of range");
}
END_TEST

START_TEST(test_chars)
{
	DEC(INSPECT_UTF8, 0, "A", "'A' U+0041");
	DEC(INSPECT_UTF8, 0, "\n", "U+000A");
	DEC(INSPECT_UTF8, 0, "\x7f", "U+007F");
	DEC(INSPECT_UTF8, 0, "\xc3\xa9", "'\xc3\xa9' U+00E9 (2 bytes)");
	DEC(INSPECT_UTF8, 0, "\xc2\x85", "U+0085 (2 bytes)");
	DEC(INSPECT_UTF8, 0, "\xe2\x80\xae", "U+202E (3 bytes)");
	DEC(INSPECT_UTF8, 0, "\xf0\x9f\x98\x80",
	    "'\xf0\x9f\x98\x80' U+1F600 (4 bytes)");
	DEC(INSPECT_UTF8, 0, "\xff", "invalid UTF-8");
	DEC(INSPECT_UTF8, 0, "\xc0\x80", "invalid UTF-8");
	DEC(INSPECT_UTF8, 0, "\xed\xa0\x80", "invalid UTF-8");
	DEC(INSPECT_UTF8, 0, "\xf4\x90\x80\x80", "invalid UTF-8");
	DEC(INSPECT_UTF8, 0, "\xe2\x82", "end of file");
	DEC(INSPECT_UTF16, 0, "A\x00", "'A' U+0041");
	DEC(INSPECT_UTF16, 1, "\x00\x1b", "U+001B");
	DEC(INSPECT_UTF16, 0, "\x3d\xd8\x00\xde",
	    "'\xf0\x9f\x98\x80' U+1F600 (pair)");
	DEC(INSPECT_UTF16, 1, "\xd8\x3d\xde\x00",
	    "'\xf0\x9f\x98\x80' U+1F600 (pair)");
	DEC(INSPECT_UTF16, 0, "\x00\xdc", "lone surrogate U+DC00");
	DEC(INSPECT_UTF16, 0, "\x3d\xd8\x41\x00", "lone surrogate U+D83D");
	DEC(INSPECT_UTF16, 0, "\x3d\xd8", "end of file");
	ENC("utf8", "\xc3\xa9", "\xc3\xa9");
	ENC("utf8", "U+1F600", "\xf0\x9f\x98\x80");
	ENC("utf8", "A", "A");
	ENC("utf8", "u+7ff", "\xdf\xbf");
	ENC("utf16be", "U+1F600", "\xd8\x3d\xde\x00");
	ENC("utf16", "\xc3\xa9", "\xe9\x00");
	enc_bad("utf8", "ab", "not one character");
	enc_bad("utf8", "U+D800", "not a Unicode scalar value");
	enc_bad("utf16", "U+110000", "not a Unicode scalar value");
	enc_bad("utf8", "\xc0\x80", "not one character");
}
END_TEST

START_TEST(test_times)
{
	DEC(INSPECT_TIME32, 0, "\x00\x00\x00\x00", "1970-01-01T00:00:00Z");
	DEC(INSPECT_TIME32, 0, "\xff\xff\xff\x7f", "2038-01-19T03:14:07Z");
	DEC(INSPECT_TIME32, 0, "\x00\x00\x00\x80", "1901-12-13T20:45:52Z");
	DEC(INSPECT_TIME32, 1, "\x65\xe0\x81\x05", "2024-02-29T13:05:09Z");
	DEC(INSPECT_TIME64, 0, "\xff\xff\xff\xff\xff\xff\xff\x7f",
	    "292277026596-12-04T15:30:07Z");
	DEC(INSPECT_TIME64, 0, "\x00\x00\x00\x00\x00\x00\x00\x80",
	    "-292277022657-01-27T08:29:52Z");
	DEC(INSPECT_TIME64, 1, "\x00\x00\x00\x00\xf4\x86\x57\x00",
	    "2100-01-01T00:00:00Z");
	DEC(INSPECT_DOSTIME, 0, "\x00\x00\x21\x00", "1980-01-01T00:00:00");
	DEC(INSPECT_DOSTIME, 0, "\x7d\xbf\x9f\xff", "2107-12-31T23:59:58");
	DEC(INSPECT_DOSTIME, 1, "\xff\x9f\xbf\x7d", "2107-12-31T23:59:58");
	DEC(INSPECT_DOSTIME, 0, "\x00\x00\x00\x00", "invalid DOS date/time");
	DEC(INSPECT_DOSTIME, 0, "\x00\x00\x5d\x56", "invalid DOS date/time");
	DEC(INSPECT_DOSTIME, 0, "\x00\x00\x5d\x58", "2024-02-29T00:00:00");
	DEC(INSPECT_DOSTIME, 0, "\x00\xc0\x21\x00", "invalid DOS date/time");
	DEC(INSPECT_FILETIME, 0, "\x00\x00\x00\x00\x00\x00\x00\x00",
	    "1601-01-01T00:00:00.0000000Z");
	DEC(INSPECT_FILETIME, 0, "\x00\x80\x3e\xd5\xde\xb1\x9d\x01",
	    "1970-01-01T00:00:00.0000000Z");
	DEC(INSPECT_FILETIME, 0, "\x80\xe9\xa5\xd4\xde\xb1\x9d\x01",
	    "1969-12-31T23:59:59.0000000Z");
	DEC(INSPECT_FILETIME, 0, "\x01\x00\x00\x00\x00\x00\x00\x00",
	    "1601-01-01T00:00:00.0000001Z");
	DEC(INSPECT_FILETIME, 0, "\xff\xff\xff\xff\xff\xff\xff\xff",
	    "60056-05-28T05:36:10.9551615Z");
	ENC("time32", "1970-01-01T00:00:00Z", "\x00\x00\x00\x00");
	ENC("time32be", "2024-02-29T13:05:09Z", "\x65\xe0\x81\x05");
	ENC("time32", "2024-02-29 14:05:09+01:00", "\x05\x81\xe0\x65");
	ENC("time32", "1901-12-13T20:45:52Z", "\x00\x00\x00\x80");
	ENC("time64", "292277026596-12-04T15:30:07Z",
	    "\xff\xff\xff\xff\xff\xff\xff\x7f");
	ENC("time64", "1969-12-31", "\x80\xae\xfe\xff\xff\xff\xff\xff");
	enc_bad("time64", "292277026596-12-04T15:30:08Z", "not an ISO");
	enc_bad("time32", "2038-01-19T03:14:08Z", "out of range");
	enc_bad("time32", "2023-02-29T00:00:00Z", "not an ISO 8601 time");
	enc_bad("time32", "2024-02-29T24:00:00Z", "not an ISO 8601 time");
	enc_bad("time32", "1.5", "not an ISO 8601 time");
	enc_bad("time64", "2024-01-01T00:00:00.5Z", "fraction");
	ENC("dostime", "1980-01-01T00:00:00", "\x00\x00\x21\x00");
	ENC("dostime", "2107-12-31T23:59:58", "\x7d\xbf\x9f\xff");
	ENC("dostimebe", "2107-12-31T23:59:58", "\xff\x9f\xbf\x7d");
	enc_bad("dostime", "1979-12-31T23:59:58", "out of range");
	enc_bad("dostime", "2108-01-01T00:00:00", "out of range");
	enc_bad("dostime", "2000-01-01T00:00:01", "even second");
	ENC("filetime", "1601-01-01T00:00:00Z",
	    "\x00\x00\x00\x00\x00\x00\x00\x00");
	ENC("filetime", "1969-12-31T23:59:59Z",
	    "\x80\xe9\xa5\xd4\xde\xb1\x9d\x01");
	ENC("filetime", "1601-01-01T00:00:00.0000001Z",
	    "\x01\x00\x00\x00\x00\x00\x00\x00");
	ENC("filetime", "60056-05-28T05:36:10.9551615Z",
	    "\xff\xff\xff\xff\xff\xff\xff\xff");
	enc_bad("filetime", "60056-05-28T05:36:10.9551616Z", "out of range");
	enc_bad("filetime", "1600-12-31T23:59:59Z", "out of range");
	enc_bad("filetime", "2000-01-01T00:00:00.12345678Z", "ISO 8601");
}
END_TEST

START_TEST(test_guid_and_eof)
{
	const char	*g = "\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb"
			    "\xcc\xdd\xee\xff";
	struct inspect_bytes	b;
	char			out[INSPECT_TEXT];

	ck_assert_str_eq(dec(INSPECT_GUID, 0, g, 16),
	    "33221100-5544-7766-8899-aabbccddeeff");
	ck_assert_str_eq(dec(INSPECT_GUID, 1, g, 16),
	    "00112233-4455-6677-8899-aabbccddeeff");
	ENC("guid", "33221100-5544-7766-8899-aabbccddeeff", "\x00\x11\x22"
	    "\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\xcc\xdd\xee\xff");
	ENC("guidbe", "{00112233-4455-6677-8899-AABBCCDDEEFF}", "\x00\x11\x22"
	    "\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\xcc\xdd\xee\xff");
	enc_bad("guid", "00112233-4455-6677-8899-aabbccddeef", "not a GUID");
	enc_bad("guid", "00112233+4455-6677-8899-aabbccddeeff", "not a GUID");
	ck_assert_str_eq(dec(INSPECT_GUID, 0, g, 15), "end of file");
	ck_assert_str_eq(dec(INSPECT_U32, 0, g, 3), "end of file");
	ck_assert_str_eq(dec(INSPECT_BINARY, 0, g, 0), "end of file");
	memset(&b, 0, sizeof b);
	b.n = 2;
	b.unreadable = 1;
	inspect_decode(INSPECT_U32, 0, &b, out);
	ck_assert_str_eq(out, "unreadable");
	inspect_decode(INSPECT_U16, 0, &b, out);
	ck_assert_str_eq(out, "0");
	inspect_decode(INSPECT_F64, 1, &b, out);
	ck_assert_str_eq(out, "unreadable");
}
END_TEST

START_TEST(test_encode_numbers)
{
	ENC("u8", "255", "\xff");
	ENC("u8", "0xff", "\xff");
	ENC("u8", " 7 ", "\x07");
	ENC("i8", "-128", "\x80");
	ENC("u16be", "0x1234", "\x12\x34");
	ENC("u16le", "0x1234", "\x34\x12");
	ENC("u24", "16777215", "\xff\xff\xff");
	ENC("i24be", "-2", "\xff\xff\xfe");
	ENC("u32", "4294967295", "\xff\xff\xff\xff");
	ENC("i32", "-2147483648", "\x00\x00\x00\x80");
	ENC("u64", "18446744073709551615", "\xff\xff\xff\xff\xff\xff\xff\xff");
	ENC("i64be", "-9223372036854775808", "\x80\x00\x00\x00\x00\x00\x00"
	    "\x00");
	ENC("binary", "0b101", "\x05");
	ENC("binary", "11111111", "\xff");
	enc_bad("u8", "256", "out of range");
	enc_bad("u8", "-1", "out of range");
	enc_bad("i8", "128", "out of range");
	enc_bad("i8", "-129", "out of range");
	enc_bad("u64", "18446744073709551616", "not a number");
	enc_bad("i64", "9223372036854775808", "out of range");
	enc_bad("u32", "12abc", "not a number");
	enc_bad("u32", "0x", "not a number");
	enc_bad("u32", "", "empty");
	enc_bad("binary", "102", "binary digits");
	enc_bad("binary", "111111111", "binary digits");
	ENC("f32", "inf", "\x00\x00\x80\x7f");
	ENC("f32be", "-inf", "\xff\x80\x00\x00");
	ENC("f32", "3.4028235e38", "\xff\xff\x7f\x7f");
	ENC("f32", "1e-45", "\x01\x00\x00\x00");
	ENC("f64", "-0", "\x00\x00\x00\x00\x00\x00\x00\x80");
	ENC("f64", "0.1", "\x9a\x99\x99\x99\x99\x99\xb9\x3f");
	ENC("f64be", "5e-324", "\x00\x00\x00\x00\x00\x00\x00\x01");
	ENC("f16", "65504", "\xff\x7b");
	ENC("f16", "65519", "\xff\x7b");
	ENC("f16", "nan", "\x00\x7e");
	ENC("f16", "6e-8", "\x01\x00");
	enc_bad("f32", "1e39", "out of range");
	enc_bad("f32", "3.40282357e38", "out of range");
	enc_bad("f64", "1e309", "out of range");
	enc_bad("f16", "65520", "out of range");
	enc_bad("f64", "1.5x", "not a number");
	ENC("hex", "de ad be ef", "\xde\xad\xbe\xef");
	ENC("hex", "00ff", "\x00\xff");
	enc_bad("hex", "d", "hex digits");
	enc_bad("hex", "  ", "empty");
	ENC("text", "a b", "a b");
}
END_TEST

START_TEST(test_type_names)
{
	char	err[256];
	int	be;

	ck_assert_int_eq(inspect_type_find("u32be", &be, err, sizeof err),
	    INSPECT_U32);
	ck_assert_int_eq(be, 1);
	ck_assert_int_eq(inspect_type_find("f64le", &be, err, sizeof err),
	    INSPECT_F64);
	ck_assert_int_eq(be, 0);
	ck_assert_int_eq(inspect_type_find("i16", &be, err, sizeof err),
	    INSPECT_I16);
	ck_assert_int_eq(inspect_type_find("text", &be, err, sizeof err),
	    INSPECT_STRING);
	ck_assert_int_eq(inspect_type_find("u8be", &be, err, sizeof err), -1);
	ck_assert_int_eq(inspect_type_find("u33", &be, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "unknown type 'u33'"));
	ck_assert_int_eq(inspect_type_find("u32xx", &be, err, sizeof err),
	    -1);
}
END_TEST

/* No row ever holds a control byte, a C1 control or DEL. */
START_TEST(test_no_control_bytes)
{
	struct inspect_bytes	b;
	char			out[INSPECT_TEXT];
	uint64_t		seed = 42;
	int			i, t, be;
	size_t			k;

	for (i = 0; i < 300; i++) {
		memset(&b, 0, sizeof b);
		tu_random(b.b, sizeof b.b, &seed);
		b.n = (size_t)(tu_rand(&seed) % (INSPECT_MAX + 1));
		b.unreadable = (int)(tu_rand(&seed) & 1);
		for (t = 0; t < INSPECT_ROWS; t++)
			for (be = 0; be < 2; be++) {
				inspect_decode(t, be, &b, out);
				ck_assert_uint_gt(strlen(out), 0);
				for (k = 0; out[k] != '\0'; k++) {
					ck_assert_uint_ge((unsigned char)out[k],
					    0x20);
					ck_assert_uint_ne((unsigned char)out[k],
					    0x7f);
					ck_assert(!((unsigned char)out[k] ==
					    0xc2 && (unsigned char)out[k + 1] <
					    0xa0));
				}
			}
	}
}
END_TEST

/* Random bytes: decode, encode what was shown, get the bytes back. */
START_TEST(test_round_trip_bytes)
{
	static const enum inspect_type	types[] = { INSPECT_U8, INSPECT_I8,
		INSPECT_U16, INSPECT_I16, INSPECT_U24, INSPECT_I24,
		INSPECT_U32, INSPECT_I32, INSPECT_U64, INSPECT_I64,
		INSPECT_F16, INSPECT_F32, INSPECT_F64, INSPECT_TIME32,
		INSPECT_FILETIME, INSPECT_GUID, INSPECT_BINARY };
	struct inspect_bytes	b;
	unsigned char		out[16];
	char			text[INSPECT_TEXT], err[256];
	uint64_t		seed = 7;
	size_t			i, k, len, size;
	int			be;

	for (i = 0; i < 2000; i++) {
		k = i % (sizeof types / sizeof types[0]);
		be = (int)(i / 7 % 2);
		size = inspect_types[types[k]].size;
		memset(&b, 0, sizeof b);
		tu_random(b.b, sizeof b.b, &seed);
		b.n = INSPECT_MAX;
		inspect_decode(types[k], be, &b, text);
		ck_assert_msg(inspect_encode(types[k], be, text, out, sizeof out,
		    &len, err, sizeof err) == 0, "%s", err);
		ck_assert_uint_eq(len, size);
		if (strstr(text, "nan") != NULL) {
			memcpy(b.b, out, len);
			inspect_decode(types[k], be, &b, err);
			ck_assert_str_eq(err, text);
			continue;
		}
		ck_assert_msg(memcmp(out, b.b, size) == 0, "%s %s did not "
		    "round-trip", inspect_types[types[k]].name, text);
	}
}
END_TEST

/* Model: random values and times encoded, then read back. */
START_TEST(test_round_trip_values)
{
	struct inspect_bytes	b;
	struct inspect_tm	tm;
	char			text[80], shown[INSPECT_TEXT], err[256];
	uint64_t		seed = 99, v, got;
	int64_t			secs;
	unsigned long		cp;
	size_t			i;
	int			t, be;

	for (i = 0; i < 1000; i++) {
		v = tu_rand(&seed) >> (tu_rand(&seed) % 64);
		t = i % 2 ? INSPECT_SLEB : INSPECT_ULEB;
		snprintf(text, sizeof text, t == INSPECT_SLEB ? "%lld" : "%llu",
		    (unsigned long long)v);
		if (t == INSPECT_SLEB && (i & 2))
			snprintf(text, sizeof text, "%lld", -(long long)(v >> 1));
		memset(&b, 0, sizeof b);
		ck_assert_int_eq(inspect_encode(t, 0, text, b.b, sizeof b.b,
		    &b.n, err, sizeof err), 0);
		ck_assert_int_eq(inspect_integer(t, 0, &b, &got), 0);
		snprintf(shown, sizeof shown, t == INSPECT_SLEB ? "%lld" :
		    "%llu", (unsigned long long)got);
		ck_assert_str_eq(shown, text);
		/* Times within nine-digit years, both byte orders. */
		secs = (int64_t)(tu_rand(&seed) % 60000000000000000ULL) -
		    30000000000000000LL;
		inspect_tm_of(secs, &tm);
		inspect_tm_format(text, sizeof text, &tm, 0, 0);
		be = (int)(i & 1);
		ck_assert_int_eq(inspect_encode(INSPECT_TIME64, be, text, b.b,
		    sizeof b.b, &b.n, err, sizeof err), 0);
		ck_assert_uint_eq(inspect_load(b.b, 8, be), (uint64_t)secs);
		inspect_decode(INSPECT_TIME64, be, &b, shown);
		ck_assert_str_eq(shown, text);
		cp = (unsigned long)(tu_rand(&seed) % 0x10f800);
		snprintf(text, sizeof text, "U+%04lX", cp < 0xd800 ? cp :
		    cp + 0x800);
		ck_assert_int_eq(inspect_encode(i & 1 ? INSPECT_UTF16 :
		    INSPECT_UTF8, be, text, b.b, sizeof b.b, &b.n, err,
		    sizeof err), 0);
		inspect_decode(i & 1 ? INSPECT_UTF16 : INSPECT_UTF8, be, &b,
		    shown);
		ck_assert_msg(strstr(shown, text) != NULL, "%s: %s", text,
		    shown);
	}
}
END_TEST

START_TEST(test_dos_round_trip)
{
	struct inspect_bytes	b;
	char			text[INSPECT_TEXT], err[256];
	unsigned char		out[8];
	uint64_t		seed = 5;
	size_t			len;
	int			i, n = 0;

	for (i = 0; i < 5000; i++) {
		memset(&b, 0, sizeof b);
		tu_random(b.b, 4, &seed);
		b.n = 4;
		inspect_decode(INSPECT_DOSTIME, i & 1, &b, text);
		if (strncmp(text, "invalid", 7) == 0)
			continue;
		n++;
		ck_assert_int_eq(inspect_encode(INSPECT_DOSTIME, i & 1, text,
		    out, sizeof out, &len, err, sizeof err), 0);
		ck_assert_uint_eq(len, 4);
		ck_assert_msg(memcmp(out, b.b, 4) == 0, "%s", text);
	}
	ck_assert_int_gt(n, 100);
}
END_TEST

Suite *
inspect_suite(void)
{
	Suite	*s = suite_create("inspect");
	TCase	*tc = tcase_create("values");

	tcase_set_timeout(tc, 60);

	tcase_add_test(tc, test_integers);
	tcase_add_test(tc, test_floats);
	tcase_add_test(tc, test_half_rounding);
	tcase_add_test(tc, test_leb128);
	tcase_add_test(tc, test_chars);
	tcase_add_test(tc, test_times);
	tcase_add_test(tc, test_guid_and_eof);
	tcase_add_test(tc, test_encode_numbers);
	tcase_add_test(tc, test_type_names);
	tcase_add_test(tc, test_no_control_bytes);
	tcase_add_test(tc, test_round_trip_bytes);
	tcase_add_test(tc, test_round_trip_values);
	tcase_add_test(tc, test_dos_round_trip);
	suite_add_tcase(s, tc);
	return (s);
}
