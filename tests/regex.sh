#!/bin/sh
# regex.sh: maphex --find --regex against grep -obUaP.
#
# On real binaries of this machine and on random data, for patterns
# that cannot match a newline (grep matches within lines, maphex over
# the whole file), the offsets --find --regex prints must be exactly
# those of `grep -obUaP PATTERN FILE | cut -d: -f1`, and with -o the
# lengths of grep's matches too.  Then the exit statuses: 0 found,
# 1 not found, 2 for a bad regex with its one-line message.  Skips (77)
# when $MAPHEX is not built or grep has no -P.
set -u

if [ -z "${MAPHEX:-}" ] || [ ! -x "$MAPHEX" ]; then
	echo "regex.sh: MAPHEX is not set to a built maphex; skipping"
	exit 77
fi
LC_ALL=C
export LC_ALL
if ! echo x | grep -qP 'x' 2>/dev/null; then
	echo "regex.sh: grep has no -P; skipping"
	exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-regex.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
fails=0
n=0

fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# against_grep FILE PATTERN: offsets, then offset:length, as grep's.
against_grep() {
	grep -obUaP -e "$2" "$1" >"$tmp/grep"
	cut -d: -f1 "$tmp/grep" >"$tmp/want"
	awk '{ i = index($0, ":"); print substr($0, 1, i - 1) ":" \
	    (length($0) - i) }' "$tmp/grep" >"$tmp/wantlen"
	want=1
	[ -s "$tmp/want" ] && want=0
	"$MAPHEX" --find --regex "$2" "$1" >"$tmp/got" 2>"$tmp/err"
	status=$?
	n=$((n + 1))
	if [ "$status" -ne "$want" ]; then
		fail "--regex '$2' $1: exit $status, want $want: $(cat "$tmp/err")"
		return
	fi
	if ! cmp -s "$tmp/got" "$tmp/want"; then
		fail "--regex '$2' $1: offsets differ from grep -obUaP"
		diff "$tmp/got" "$tmp/want" | head -n 5
		return
	fi
	"$MAPHEX" --find "$2" --regex -o "$1" >"$tmp/got" 2>"$tmp/err"
	cmp -s "$tmp/got" "$tmp/wantlen" ||
	    fail "--regex '$2' -o $1: lengths differ from grep -obUaP"
}

files=
for f in "$MAPHEX" /bin/ls /bin/sh /usr/bin/grep; do
	[ -f "$f" ] && [ -r "$f" ] && files="$files $f"
done
# Random bytes, and random text over a few letters, NULs and newlines.
head -c 300000 /dev/urandom >"$tmp/random" || exit 1
head -c 2000000 /dev/urandom | tr -dc 'abAB \000\n' | head -c 200000 \
    >"$tmp/letters" || exit 1
files="$files $tmp/random $tmp/letters"

for f in $files; do
	for pat in 'ELF' 'GLIBC_[0-9.]+' '[A-Za-z_]{8,}' '\x00\x00\xff+' \
	    'lib[a-z]+\.so(\.[0-9]+)*' '[\x80-\xff]{3}' 'ma(in|p)' \
	    '(?i)elf' 'a[^\n]{0,40}?b' '(ab|ba)+' '\bA[a-z]*\b' \
	    '[ab]{3,}(?=\x00)' '(?<=\x00)B+' 'maphex-absent-[p]attern'; do
		against_grep "$f" "$pat"
	done
done

# Exit statuses and messages.
"$MAPHEX" --find --regex 'a(b' /bin/sh >"$tmp/got" 2>"$tmp/err"
status=$?
[ "$status" -eq 2 ] || fail "bad regex: exit $status, want 2"
grep -q "^maphex: bad pattern 'a(b': bad regex at column 4: missing closing parenthesis$" \
    "$tmp/err" || fail "bad regex message: $(cat "$tmp/err")"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "bad regex: not one line"
[ -s "$tmp/got" ] && fail "bad regex printed offsets"
"$MAPHEX" --find --regex x "$tmp/absent" 2>/dev/null
[ $? -eq 2 ] || fail "missing file: want exit 2"
"$MAPHEX" --find x --hex --regex /bin/sh 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'choose one of --hex and --regex' "$tmp/err" ||
    fail "--hex with --regex: want exit 2 and a message"
"$MAPHEX" --find x -o /bin/sh 2>"$tmp/err"
[ $? -eq 2 ] && grep -q -- '-o goes with --regex' "$tmp/err" ||
    fail "-o without --regex: want exit 2 and a message"
printf 'xAbCx\000aBc' >"$tmp/small"
"$MAPHEX" --find --regex 'abc' -i -o "$tmp/small" >"$tmp/got"
printf '1:3\n6:3\n' | cmp -s - "$tmp/got" || fail "-i --regex: $(cat "$tmp/got")"

echo "regex.sh: $n patterns compared with grep -obUaP, $fails failures"
[ "$fails" -eq 0 ]
