#!/bin/sh
# inspect.sh: --inspect and --set on the command line.  The rows at an
# offset (name, little-endian, big-endian), typed writes checked byte
# for byte with cmp and xxd, and the errors: a bad type, a value out of
# range, an offset past the end, a malformed spec, a read-only file.
# An invalid --set among valid ones writes nothing.  Needs no terminal;
# skips (77) when $MAPHEX is not built.
set -u

if [ -z "${MAPHEX:-}" ] || [ ! -x "$MAPHEX" ]; then
	echo "inspect.sh: MAPHEX is not set to a built maphex; skipping"
	exit 77
fi
LC_ALL=C
export LC_ALL

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-inspect.XXXXXX")
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
checks=0
fails=0

ok() {
	checks=$((checks + 1))
	if [ "$1" = 0 ]; then
		printf 'ok: %s\n' "$2"
	else
		printf 'FAIL: %s\n' "$2"
		fails=$((fails + 1))
	fi
}

run() {
	"$MAPHEX" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
	status=$?
}

# row NAME: the tab-separated row NAME of the last --inspect.
row() {
	grep "^$1	" "$tmp/out"
}

# fails_with WHAT STATUS ARGS...: exit STATUS, one line on stderr,
# nothing on stdout, and the file untouched.
fails_with() {
	f_what=$1
	f_want=$2
	shift 2
	cp "$tmp/f.bin" "$tmp/before.bin"
	run "$@"
	[ "$status" = "$f_want" ]
	ok $? "$f_what: exit $f_want (got $status)"
	[ "$(wc -l <"$tmp/err" | tr -d ' ')" = 1 ] &&
	    grep -q '^maphex: ' "$tmp/err"
	ok $? "$f_what: one line on stderr: $(head -n 3 "$tmp/err" | tr '\n' '|')"
	[ ! -s "$tmp/out" ]
	ok $? "$f_what: nothing on stdout"
	cmp -s "$tmp/f.bin" "$tmp/before.bin"
	ok $? "$f_what: the file is untouched"
}

# 32 bytes: 00 01 02 ... 1f.
i=0
while [ $i -lt 32 ]; do
	printf "\\$(printf '%03o' $i)"
	i=$((i + 1))
done >"$tmp/f.bin"
cp "$tmp/f.bin" "$tmp/orig.bin"

run --inspect 0x10 "$tmp/f.bin"
ok "$status" "--inspect 0x10: exit 0"
[ "$(wc -l <"$tmp/out" | tr -d ' ')" = 23 ]
ok $? "--inspect prints 23 rows"
[ "$(row u8)" = "u8	16	-" ]
ok $? "u8 row: $(row u8)"
[ "$(row u32)" = "u32	319951120	269554195" ]
ok $? "u32 row: $(row u32)"
[ "$(row binary)" = "binary	00010000	-" ]
ok $? "binary row: $(row binary)"
[ "$(row guid)" = "guid	13121110-1514-1716-1819-1a1b1c1d1e1f	10111213-1415-1617-1819-1a1b1c1d1e1f" ]
ok $? "guid row: $(row guid)"
[ ! -s "$tmp/err" ]
ok $? "--inspect: nothing on stderr"

run --inspect end-2 "$tmp/f.bin"
[ "$status" = 0 ] && [ "$(row u16)" = "u16	7966	7711" ] &&
    [ "$(row u32)" = "u32	end of file	end of file" ]
ok $? "--inspect end-2: u16 read, u32 past the end: $(row u32)"

run --inspect 0 "$tmp/f.bin"
[ "$(row utf8)" = "utf8	U+0000	-" ]
ok $? "a NUL shows as its code point: $(row utf8)"
LC_ALL=C tr -d '\t\n' <"$tmp/out" | LC_ALL=C grep -q '[[:cntrl:]]'
[ $? = 1 ]
ok $? "--inspect prints no control byte but tab and newline"

# Typed writes, all in one run, then the bytes.
run --set u32le@0=0x11223344 --set u16be@4=258 --set i8@6=-1 \
    --set f64be@8=1.5 --set f32le@16=-inf --set hex@20='de ad' \
    --set text@22=hi --set time32le@24=1970-01-01T00:01:00Z "$tmp/f.bin"
ok "$status" "--set eight values: exit 0 ($(cat "$tmp/err"))"
printf '\104\063\042\021\001\002\377\007\077\370\000\000\000\000\000\000' \
    >"$tmp/want.bin"
printf '\000\000\200\377\336\255hi\074\000\000\000\034\035\036\037' \
    >>"$tmp/want.bin"
cmp "$tmp/f.bin" "$tmp/want.bin"
ok $? "--set wrote exactly the bytes asked for"
[ "$(xxd -p -s 8 -l 8 "$tmp/f.bin")" = 3ff8000000000000 ]
ok $? "f64be 1.5 is 3ff8000000000000 (xxd)"
run --inspect 8 "$tmp/f.bin"
[ "$(row f64 | cut -f3)" = 1.5 ]
ok $? "--inspect reads back f64be 1.5: $(row f64)"
run --inspect 16 "$tmp/f.bin"
[ "$(row f32 | cut -f2)" = -inf ]
ok $? "--inspect reads back f32le -inf: $(row f32)"

fails_with "u8 out of range among valid ones" 2 --set u8@0=7 \
    --set u8@1=256 "$tmp/f.bin"
grep -q "out of range" "$tmp/err"
ok $? "the error says out of range: $(cat "$tmp/err")"
fails_with "a bad type" 2 --set u33@0=1 "$tmp/f.bin"
fails_with "a value past the end" 2 --set u32@30=1 "$tmp/f.bin"
fails_with "an offset past the end" 2 --set u8@32=1 "$tmp/f.bin"
fails_with "no @" 2 --set u8=1 "$tmp/f.bin"
fails_with "not a number" 2 --set i16@0=12x "$tmp/f.bin"
fails_with "a bad time" 2 --set time32@0=2024-13-01 "$tmp/f.bin"
fails_with "--inspect past the end" 2 --inspect 32 "$tmp/f.bin"
fails_with "--set with --dump" 2 --set u8@0=1 --dump "$tmp/f.bin"
fails_with "--set with -r" 2 --set u8@0=1 -r "$tmp/f.bin"
fails_with "a missing file" 2 --set u8@0=1 "$tmp/none.bin"

chmod a-w "$tmp/f.bin"
if [ -w "$tmp/f.bin" ]; then
	echo "skip: a read-only file (root can write it)"
else
	fails_with "a read-only file" 2 --set u8@0=1 "$tmp/f.bin"
fi
chmod u+w "$tmp/f.bin"

printf '%s checks, %s failed\n' "$checks" "$fails"
[ "$fails" = 0 ]
