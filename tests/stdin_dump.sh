#!/bin/sh
# stdin_dump.sh: --dump, --find and --inspect on stdin (FILE -, or no
# FILE with stdin a pipe) and on /proc files that say they are empty.
# --dump must print what xxd prints for the same bytes, for inputs of
# 0 bytes up; a read error and FILE - where it cannot be are one line
# on stderr and exit 2.  Stdin that is a file is mapped, not copied,
# and dumped from its offset as xxd does; a copy stops at the limit
# (MAPHEX_INPUT_LIMIT), an error for --dump and --find.  Skips (77)
# where xxd is missing.
set -u

: "${MAPHEX:?MAPHEX must name the maphex binary}"
if ! command -v xxd >/dev/null 2>&1; then
	echo "stdin_dump.sh: xxd not found, skipping"
	exit 77
fi
LC_ALL=C
export LC_ALL

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-stdin.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
checks=0
fails=0

# one_line_2 STATUS TEXT: exit 2 and one line on stderr holding TEXT.
one_line_2() {
	[ "$1" = 2 ] && [ "$(wc -l <"$tmp/err" | tr -d ' ')" = 1 ] &&
	    grep -q "$2" "$tmp/err"
}

ok() {
	checks=$((checks + 1))
	if [ "$1" = 0 ]; then
		printf 'ok: %s\n' "$2"
	else
		printf 'FAIL: %s\n' "$2"
		fails=$((fails + 1))
	fi
}

# Inputs of several lengths: the binary's own bytes, cut.
for n in 0 1 15 16 17 4095 4097 70000; do
	in="$tmp/in.$n"
	head -c "$n" "$MAPHEX" >"$in"
	xxd "$in" >"$tmp/want"
	"$MAPHEX" --dump - <"$in" >"$tmp/got" 2>"$tmp/err"
	[ $? = 0 ] && cmp -s "$tmp/got" "$tmp/want" && [ ! -s "$tmp/err" ]
	ok $? "--dump - of $n bytes is xxd's"
	cat "$in" | "$MAPHEX" --dump >"$tmp/got" 2>"$tmp/err"
	[ $? = 0 ] && cmp -s "$tmp/got" "$tmp/want"
	ok $? "cat | --dump (no FILE) of $n bytes is xxd's"
done
in="$tmp/in.70000"
xxd -s 100 -l 300 -c 8 -g 4 "$in" >"$tmp/want"
cat "$in" | "$MAPHEX" --dump -s 100 -l 300 -c 8 -g 4 - >"$tmp/got"
cmp -s "$tmp/got" "$tmp/want"
ok $? "--dump -s -l -c -g on a pipe is xxd's on the file"

# Stdin a file: mapped as it is, dumped as xxd dumps it, from the
# descriptor's offset when it was read from before (no -s: shown from
# 0; -s N: absolute; -s +N: from the offset; -s -N: from the end).
in="$tmp/in.70000"
for s in "" "-s 100" "-s +100" "-s -100" "-s 3 -l 40 -o 7"; do
	# shellcheck disable=SC2086
	(dd bs=1 skip=5 count=0 2>/dev/null; xxd $s) <"$in" >"$tmp/want"
	# shellcheck disable=SC2086
	(dd bs=1 skip=5 count=0 2>/dev/null; "$MAPHEX" --dump $s -) <"$in" \
	    >"$tmp/got"
	[ $? = 0 ] && cmp -s "$tmp/got" "$tmp/want"
	ok $? "--dump $s - with stdin a file read from offset 5 is xxd's"
done
(dd bs=1 skip=5 count=0 2>/dev/null; "$MAPHEX" --find c -) \
    <"$tmp/in.16" >"$tmp/got"
(dd bs=1 skip=5 count=0 2>/dev/null; grep -obUa c | cut -d: -f1) \
    <"$tmp/in.16" >"$tmp/want"
cmp -s "$tmp/got" "$tmp/want"
ok $? "--find on a file read from offset 5 counts from there, as grep -b"
# A 64 GiB sparse file on stdin: nothing is copied (the limit would
# stop a copy at 1 MiB), the end is there at once.
if truncate -s 64G "$tmp/big" 2>/dev/null && printf 'END' |
    dd of="$tmp/big" bs=1 seek=$((64 * 1024 * 1024 * 1024 - 3)) \
    conv=notrunc 2>/dev/null; then
	MAPHEX_INPUT_LIMIT=1M "$MAPHEX" --dump -s -16 - <"$tmp/big" \
	    >"$tmp/got" 2>"$tmp/err"
	[ $? = 0 ] && grep -q '^ffffffff0: 0000 0000 .*\.\.\.\.\.END$' \
	    "$tmp/got"
	ok $? "--dump -s -16 - < a 64 GiB file maps it: $(cat "$tmp/got" "$tmp/err")"
	MAPHEX_INPUT_LIMIT=1M "$MAPHEX" --find END - <"$tmp/big" >"$tmp/got"
	[ $? = 0 ] && [ "$(cat "$tmp/got")" = 68719476733 ]
	ok $? "--find END - < a 64 GiB file finds it at its end"
	rm -f "$tmp/big"
fi

# The copy of a pipe stops at the limit: --dump and --find fail in one
# line rather than print a part as if it were all.
yes | MAPHEX_INPUT_LIMIT=1M "$MAPHEX" --dump >"$tmp/got" 2>"$tmp/err"
st=$?
[ $st = 1 ] && [ ! -s "$tmp/got" ] &&
    [ "$(wc -l <"$tmp/err" | tr -d ' ')" = 1 ] &&
    grep -q 'stdin: stopped reading at 1 MiB (MAPHEX_INPUT_LIMIT); the rest of the input was not read' "$tmp/err"
ok $? "yes | --dump stops at the limit: status $st, $(cat "$tmp/err")"
yes | MAPHEX_INPUT_LIMIT=1M "$MAPHEX" --find zz >"$tmp/got" 2>"$tmp/err"
st=$?
[ $st = 2 ] && grep -q 'stopped reading at 1 MiB' "$tmp/err"
ok $? "yes | --find stops at the limit: status $st (an error, not 'not found')"
head -c 1048576 /dev/zero | MAPHEX_INPUT_LIMIT=1M "$MAPHEX" --dump \
    >"$tmp/got" 2>"$tmp/err"
[ $? = 0 ] && [ ! -s "$tmp/err" ] && [ "$(wc -l <"$tmp/got")" = 65536 ]
ok $? "input of exactly the limit is dumped whole"
printf 'x' | MAPHEX_INPUT_LIMIT=lots "$MAPHEX" --dump >"$tmp/got" 2>"$tmp/err"
one_line_2 $? 'MAPHEX_INPUT_LIMIT=lots'
ok $? "a bad limit is said: $(cat "$tmp/err")"

# --find on stdin, both ways, and its exit statuses.
printf 'abcabcab' | "$MAPHEX" --find bc - >"$tmp/got"
st=$?
[ $st = 0 ] && [ "$(tr '\n' ' ' <"$tmp/got")" = "1 4 " ]
ok $? "--find bc - prints 1 4 (status $st)"
printf 'abcabcab' | "$MAPHEX" --find '62 63' --hex >"$tmp/got"
[ $? = 0 ] && [ "$(tr '\n' ' ' <"$tmp/got")" = "1 4 " ]
ok $? "--find --hex with no FILE reads stdin"
printf 'abc' | "$MAPHEX" --find zz >"$tmp/got"
[ $? = 1 ] && [ ! -s "$tmp/got" ]
ok $? "--find on stdin: not found is exit 1"
printf 'ab' | "$MAPHEX" --inspect 0 - >"$tmp/got"
[ $? = 0 ] && grep -q '^u16	25185	24930$' "$tmp/got"
ok $? "--inspect 0 - reads stdin"

# /proc files: st_size 0, bytes to read.
for f in /proc/version /proc/cpuinfo "/proc/$$/cmdline"; do
	[ -r "$f" ] || continue
	xxd "$f" >"$tmp/want"
	"$MAPHEX" --dump "$f" >"$tmp/got"
	[ $? = 0 ] && [ -s "$tmp/got" ] && cmp -s "$tmp/got" "$tmp/want"
	ok $? "--dump $f is xxd's"
done
"$MAPHEX" --find Linux /proc/version >"$tmp/got"
[ $? = 0 ] && [ "$(head -n 1 "$tmp/got")" = 0 ]
ok $? "--find in /proc/version"
: >"$tmp/empty"
"$MAPHEX" --dump "$tmp/empty" >"$tmp/got"
[ $? = 0 ] && [ ! -s "$tmp/got" ]
ok $? "a real empty file dumps nothing"

# Errors: one line, exit 2.
"$MAPHEX" --dump - </ >"$tmp/got" 2>"$tmp/err"
one_line_2 $? '(stdin): cannot read: Is a directory'
ok $? "a read error on stdin: $(cat "$tmp/err")"
printf 'x' | "$MAPHEX" --set u8@0=1 - >/dev/null 2>"$tmp/err"
one_line_2 $? 'cannot be - (stdin)'
ok $? "--set on -: $(cat "$tmp/err")"
printf 'x' | "$MAPHEX" - >/dev/null 2>"$tmp/err"
one_line_2 $? 'not a terminal'
ok $? "editing stdin without a terminal: $(cat "$tmp/err")"
"$MAPHEX" --dump </dev/null >"$tmp/got" 2>"$tmp/err"
one_line_2 $? 'no FILE given'
ok $? "no FILE and stdin /dev/null is still a usage error"

echo "$((checks - fails)) passed, $fails failed"
[ "$fails" = 0 ]
