#!/bin/sh
#
# dump.sh: `maphex --dump` against the real xxd on files of this machine.
#
# For every file and range, `$MAPHEX --dump [-s N] [-l N] FILE` must exit 0
# and print exactly what `xxd [-s N] [-l N] FILE` prints (cmp), and
# `xxd -r` of our output must give back the bytes of the range.  Run by
# `make check` with MAPHEX set; exits 77 (skip) where xxd is missing.

: "${MAPHEX:?MAPHEX must name the maphex binary}"

if ! command -v xxd >/dev/null 2>&1; then
	echo "dump.sh: xxd not found, skipping"
	exit 77
fi
if [ ! -x "$MAPHEX" ]; then
	echo "dump.sh: $MAPHEX is not an executable"
	exit 99
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-dump.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
failed=0
checked=0

# fail MESSAGE: reports a failure and remembers it.
fail() {
	echo "FAIL: $*"
	failed=$((failed + 1))
}

# range FILE START [LEN]: the bytes of FILE from START, LEN of them.
range() {
	if [ $# -eq 3 ]; then
		tail -c +"$(($2 + 1))" "$1" | head -c "$3"
	else
		tail -c +"$(($2 + 1))" "$1"
	fi
}

# restore START: `xxd -r` of our output, shifted back to offset 0.
restore() {
	if [ "$1" -eq 0 ]; then
		xxd -r "$tmp/ours"
	else
		xxd -r -s "-$1" "$tmp/ours"
	fi
}

# check FILE [-s START] [-l LEN]: ours and xxd's, then the round trip.
check() {
	f=$1
	shift
	checked=$((checked + 1))
	if ! "$MAPHEX" --dump "$@" "$f" >"$tmp/ours" 2>"$tmp/err"; then
		fail "--dump $* $f exits non-zero: $(cat "$tmp/err")"
		return
	fi
	xxd "$@" "$f" >"$tmp/theirs"
	if ! cmp -s "$tmp/ours" "$tmp/theirs"; then
		fail "--dump $* $f differs from xxd:"
		cmp "$tmp/ours" "$tmp/theirs"
		diff "$tmp/ours" "$tmp/theirs" | head -n 6
		return
	fi
	start=0
	len=
	while [ $# -gt 0 ]; do
		case $1 in
		-s)
			# -s -N counts back from the end, as in xxd.
			case $2 in
			-*) start=$(($(wc -c <"$f") - ${2#-})) ;;
			*) start=$(($2)) ;;
			esac
			;;
		-l) len=$(($2)) ;;
		esac
		shift 2
	done
	restore "$start" >"$tmp/back"
	if [ -n "$len" ]; then
		range "$f" "$start" "$len" >"$tmp/want"
	else
		range "$f" "$start" >"$tmp/want"
	fi
	cmp -s "$tmp/back" "$tmp/want" ||
	    fail "xxd -r of --dump -s $start ${len:+-l $len} $f differs"
}

# Small files made here: the empty file, line-length edges, all bytes.
: >"$tmp/empty"
printf 'A' >"$tmp/one"
printf '0123456789abcdef' >"$tmp/sixteen"
printf '0123456789abcdefg' >"$tmp/seventeen"
head -c 100000 /dev/urandom >"$tmp/random"
i=0
while [ $i -lt 256 ]; do
	# shellcheck disable=SC2059 # the format is the octal escape
	printf "\\$(printf '%03o' $i)"
	i=$((i + 1))
done >"$tmp/allbytes"

for f in "$tmp/empty" "$tmp/one" "$tmp/sixteen" "$tmp/seventeen" \
    "$tmp/allbytes" "$tmp/random"; do
	check "$f"
	check "$f" -s 1
	check "$f" -l 0
	check "$f" -s 15 -l 2
	check "$f" -s 99999999
done

# -s -N: the last N bytes, as xxd seeks from the end.
for f in "$tmp/one" "$tmp/sixteen" "$tmp/seventeen" "$tmp/allbytes" \
    "$tmp/random"; do
	check "$f" -s -1
	check "$f" -s -0x1
	check "$f" -s "-$(wc -c <"$f")"
done
check "$tmp/random" -s -16
check "$tmp/random" -s -0x100 -l 17
check "$tmp/allbytes" -s -100 -l 20

# -s -0 is the end: nothing, as in xxd; before the start is an error.
checked=$((checked + 1))
out=$("$MAPHEX" --dump -s -0 "$tmp/random") && [ -z "$out" ] &&
    [ -z "$(xxd -s -0 "$tmp/random")" ] ||
    fail "--dump -s -0 should print nothing"
checked=$((checked + 1))
"$MAPHEX" --dump -s -17 "$tmp/sixteen" >"$tmp/ours" 2>"$tmp/err"
[ $? -eq 2 ] && [ ! -s "$tmp/ours" ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
    grep -q -- '-s -17: offset before the start' "$tmp/err" ||
    fail "--dump -s -17 of 16 bytes: $(cat "$tmp/err")"

# Offsets are decimal or 0x hex everywhere: a leading 0 is not octal as
# in xxd, so -s 010 is xxd's -s 10.
checked=$((checked + 1))
"$MAPHEX" --dump -s 010 -l 020 "$tmp/random" >"$tmp/ours" &&
    xxd -s 10 -l 20 "$tmp/random" >"$tmp/theirs" &&
    cmp -s "$tmp/ours" "$tmp/theirs" ||
    fail "--dump -s 010 -l 020 should be xxd -s 10 -l 20"

# Real binaries and text of the machine, whole and in ranges.
for f in /bin/ls /bin/sh /etc/passwd "$(command -v xxd)"; do
	[ -r "$f" ] || continue
	check "$f"
	check "$f" -s 0 -l 0
	check "$f" -s 1
	check "$f" -s 17 -l 1000
	check "$f" -s 0x10 -l 0x100
	check "$f" -s -16
	check "$f" -s -0x40 -l 33
	check "$f" -l 33
	check "$f" -s 4096 -l 65536
	check "$f" -s 1000000000
	check "$f" -l 100000000000
done

# Past 4 GiB the offsets need 9 digits; a sparse file costs no disk.
big="$tmp/sparse"
if truncate -s 4294967333 "$big" 2>/dev/null; then
	printf 'ABCD' | dd of="$big" bs=1 seek=4294967294 conv=notrunc \
	    2>/dev/null
	check "$big" -s 0xffffffe0
	check "$big" -s 4294967289 -l 20
	check "$big" -s 4294967296 -l 17
fi

echo "dump.sh: $checked checks, $failed failed"
[ "$failed" -eq 0 ]
