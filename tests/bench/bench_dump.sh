#!/bin/sh
#
# bench_dump.sh: `maphex --dump` against xxd on 256 MiB of random bytes.
#
# A benchmark, not a test: it makes the file in a temp dir, warms the page
# cache, times both programs in the same run (best of 3 wall-clock times
# each, output to /dev/null) and prints one markdown table row for
# tests/bench/run.  Needs MAPHEX; prints a skip row where xxd is missing.

: "${MAPHEX:?MAPHEX must name the maphex binary}"

label="--dump 256 MiB"
if ! command -v xxd >/dev/null 2>&1; then
	echo "| $label | skipped | xxd not found | - | target >= 10x |"
	exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-bench-dump.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
file="$tmp/random"
if ! head -c $((256 * 1024 * 1024)) /dev/urandom >"$file"; then
	echo "| $label | failed | cannot write $file | - | target >= 10x |"
	exit 1
fi
cat "$file" >/dev/null

# best CMD...: the best of 3 wall-clock times of CMD, in nanoseconds.
best() {
	b=
	for _ in 1 2 3; do
		t0=$(date +%s%N)
		"$@" >/dev/null || return 1
		t1=$(date +%s%N)
		t=$((t1 - t0))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then
			b=$t
		fi
	done
	echo "$b"
}

if ! ours=$(best "$MAPHEX" --dump "$file"); then
	echo "| $label | failed | $MAPHEX --dump exits non-zero | - |" \
	    "target >= 10x |"
	exit 1
fi
theirs=$(best xxd "$file") || exit 1
awk -v label="$label" -v a="$ours" -v b="$theirs" 'BEGIN {
	printf "| %s | %.3f s | xxd %.3f s | %.1fx faster | target >= 10x |\n",
	    label, a / 1e9, b / 1e9, b / a
}'
