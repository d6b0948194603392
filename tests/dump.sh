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
		-s) start=$(($2)) ;;
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

# Real binaries and text of the machine, whole and in ranges.
for f in /bin/ls /bin/sh /etc/passwd "$(command -v xxd)"; do
	[ -r "$f" ] || continue
	check "$f"
	check "$f" -s 0 -l 0
	check "$f" -s 1
	check "$f" -s 17 -l 1000
	check "$f" -s 0x10 -l 0x100
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
