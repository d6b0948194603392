#!/bin/sh
#
# bench_dump.sh: `maphex --dump` against xxd on 256 MiB of random bytes,
# and the formatter's vector paths against its scalar one.
#
# A benchmark, not a test: it makes the file in a temp dir, warms the page
# cache, times both programs in the same run (best of 3 wall-clock times
# each, output to /dev/null) and prints markdown table rows for
# tests/bench/run: maphex against xxd (target >= 25x), then each path of
# the formatter this CPU runs (bench_dump_simd.c, built from src/ with
# $CC) against the scalar path on the same bytes in memory.  Needs MAPHEX;
# prints a skip row where xxd is missing.

: "${MAPHEX:?MAPHEX must name the maphex binary}"
: "${CC:=cc}"

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(pwd)
label="--dump 256 MiB"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-bench-dump.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# The formatter alone, each path against the scalar one.
cfg=$build
if [ ! -f "$cfg/config.h" ]; then
	cfg=$tmp
	printf '%s\n' '#define _GNU_SOURCE 1' >"$cfg/config.h"
fi
if "$CC" -O2 -I"$cfg" -I"$top/src" "$here/bench_dump_simd.c" \
    "$top/src/dump_simd.c" -o "$tmp/bench_dump_simd" &&
    "$tmp/bench_dump_simd" 256 >"$tmp/simd"; then
	awk '$1 == "scalar" { s = $2 } { t[NR] = $1; v[NR] = $2 }
	END {
		for (i = 1; i <= NR; i++)
			printf "| --dump formatter, 256 MiB in memory, %s |" \
			    " %.3f s (%.2f GB/s) | scalar %.3f s | %.2fx |" \
			    " - |\n", t[i], v[i], 0.268435456 / v[i],
			    s, s / v[i]
	}' "$tmp/simd"
else
	echo "| --dump formatter | skipped | cannot build bench_dump_simd | - | - |"
fi

if ! command -v xxd >/dev/null 2>&1; then
	echo "| $label | skipped | xxd not found | - | target >= 25x |"
	exit 0
fi
file="$tmp/random"
if ! head -c $((256 * 1024 * 1024)) /dev/urandom >"$file"; then
	echo "| $label | failed | cannot write $file | - | target >= 25x |"
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
	    "target >= 25x |"
	exit 1
fi
theirs=$(best xxd "$file") || exit 1
awk -v label="$label" -v a="$ours" -v b="$theirs" 'BEGIN {
	printf "| %s | %.3f s | xxd %.3f s | %.1fx faster | target >= 25x |\n",
	    label, a / 1e9, b / 1e9, b / a
}'
