#!/bin/sh
# find.sh: maphex --find against grep on real binaries of this machine.
#
# For patterns that cannot overlap themselves, the offsets --find prints
# must be exactly those of `grep -obUaF PATTERN FILE | cut -d: -f1`.
# Also checks --hex, -i, and the exit statuses: 0 found, 1 not found,
# 2 on error (a missing file, a malformed hex pattern).  Skips (77)
# when $MAPHEX is not built.
set -u

if [ -z "${MAPHEX:-}" ] || [ ! -x "$MAPHEX" ]; then
	echo "find.sh: MAPHEX is not set to a built maphex; skipping"
	exit 77
fi
LC_ALL=C
export LC_ALL

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-find.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
fails=0

fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# Runs maphex --find with the given arguments; output in $tmp/got,
# errors in $tmp/err, status in $status.
find_run() {
	"$MAPHEX" --find "$@" >"$tmp/got" 2>"$tmp/err"
	status=$?
}

# against_grep FILE PATTERN [-i]: --find must print what grep finds.
against_grep() {
	file=$1
	pat=$2
	shift 2
	grep -obUaF "$@" -e "$pat" "$file" | cut -d: -f1 >"$tmp/want"
	want=1
	[ -s "$tmp/want" ] && want=0
	find_run "$pat" "$@" "$file"
	if [ "$status" -ne "$want" ]; then
		fail "--find '$pat' $* $file: exit $status, want $want"
	elif ! cmp -s "$tmp/got" "$tmp/want"; then
		fail "--find '$pat' $* $file: offsets differ from grep"
		diff "$tmp/got" "$tmp/want" | head -n 5
	fi
}

# expect_status WANT ARGS...: --find ARGS must exit WANT.
expect_status() {
	want=$1
	shift
	find_run "$@"
	[ "$status" -eq "$want" ] ||
	    fail "--find $*: exit $status, want $want"
}

files=
for f in /bin/ls /bin/sh /usr/bin/env /usr/bin/grep /usr/bin/cut \
    /usr/bin/sort "$MAPHEX"; do
	[ -f "$f" ] && [ -r "$f" ] && files="$files $f"
done
[ -n "$files" ] || { echo "find.sh: no binaries to search; skipping"; exit 77; }

n=0
for f in $files; do
	for pat in ELF GLIBC main .so. "maphex-absent-pattern"; do
		against_grep "$f" "$pat"
		n=$((n + 1))
	done
	against_grep "$f" glibc -i
	against_grep "$f" MAIN -i
	n=$((n + 2))
done

# --hex: the same bytes spelled in hex find the same offsets.
for f in $files; do
	find_run GLIBC "$f"
	cp "$tmp/got" "$tmp/text"
	find_run "47 4c 49 42 43" --hex "$f"
	cmp -s "$tmp/got" "$tmp/text" || fail "--hex 47 4c 49 42 43 $f"
	find_run "474C4942??" --hex "$f"
	# Every GLIBC must be among the matches of GLIB??.
	[ -z "$(comm -23 "$tmp/text" "$tmp/got")" ] ||
	    fail "--hex 474C4942?? $f misses a GLIBC"
done
first=${files# }
first=${first%% *}
find_run "7f 45 4c 46" --hex "$first"
[ "$(head -n 1 "$tmp/got")" = 0 ] || fail "--hex 7f454c46 not at 0 in $first"

# Overlapping matches are all printed.
printf 'aaaaa' >"$tmp/a"
find_run aaa "$tmp/a"
[ "$(tr '\n' ' ' <"$tmp/got")" = "0 1 2 " ] || fail "overlapping matches"

# Exit statuses.
: >"$tmp/empty"
expect_status 0 ELF "$first"
expect_status 1 maphex-absent-pattern "$first"
expect_status 1 x "$tmp/empty"
expect_status 2 ELF "$tmp/missing"
expect_status 2 "7f 4" --hex "$first"
grep -q "odd number of hex digits" "$tmp/err" ||
    fail "no message for an odd hex digit count: $(cat "$tmp/err")"
expect_status 2 "7f zz" --hex "$first"
grep -q "unexpected 'z'" "$tmp/err" ||
    fail "no message for a stray character: $(cat "$tmp/err")"
[ -s "$tmp/got" ] && fail "output on error"

echo "find.sh: $n comparisons with grep, $fails failures"
[ "$fails" -eq 0 ]
