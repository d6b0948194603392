#!/bin/sh
# stdin_dump.sh: --dump, --find and --inspect on stdin (FILE -, or no
# FILE with stdin a pipe) and on /proc files that say they are empty.
# --dump must print what xxd prints for the same bytes, for inputs of
# 0 bytes up; a read error and FILE - where it cannot be are one line
# on stderr and exit 2.  Skips (77) where xxd is missing.
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
one_line_2() {
	[ "$1" = 2 ] && [ "$(wc -l <"$tmp/err" | tr -d ' ')" = 1 ] &&
	    grep -q "$2" "$tmp/err"
}
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
