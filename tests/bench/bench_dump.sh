#!/bin/sh
#
# bench_dump.sh: `maphex --dump` against xxd on 256 MiB of random bytes,
# and the formatter against its scalar path and a plain vector formatter.
#
# A benchmark, not a test.  First the formatter alone on the same bytes
# in memory (bench_dump_simd.c, built from src/ with $CC -O2): each path
# this CPU runs against the scalar path, then the path --dump picks
# against the vector reference formatter written in bench_dump_simd.c
# (target >= 0.8 of its speed).  Then it makes the file in a temp dir,
# warms the page cache, times maphex (best of 5 wall-clock times, and of
# 5 user + system times where GNU time exists, as a loaded machine skews
# wall-clock) and xxd (best of 2) in the same run, output to /dev/null,
# for the default layout (target >= 25x) and -p, and prints maphex's
# peak RSS where GNU time exists (target < 16 MiB).  Rows are markdown
# for tests/bench/run.
# Needs MAPHEX; prints a skip row where xxd is missing.

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
    "$top/src/dump_simd.c" "$top/src/dump_scalar.c" \
    -o "$tmp/bench_dump_simd" &&
    "$tmp/bench_dump_simd" 256 >"$tmp/simd"; then
	awk '$1 == "scalar" { s = $2 } $1 == "reference" { r = $2 }
	$1 == "best" { b = $2 }
	$1 != "reference" && $1 != "best" { t[++n] = $1; v[n] = $2; at[$1] = $2 }
	END {
		for (i = 1; i <= n; i++)
			printf "| --dump formatter, 256 MiB in memory (CPU" \
			    " time), %s | %.3f s (%.2f GB/s) | scalar %.3f s |" \
			    " %.2fx | - |\n", t[i], v[i], 0.268435456 / v[i],
			    s, s / v[i]
		if (r > 0 && at[b] > 0)
			printf "| --dump formatter (%s, the one --dump picks)" \
			    " against a plain vector formatter | %.3f s" \
			    " (%.2f GB/s) | reference %.3f s (%.2f GB/s) |" \
			    " %.2f | target >= 0.8 |\n", b, at[b],
			    0.268435456 / at[b], r, 0.268435456 / r, r / at[b]
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

# best N CMD...: "WALL CPU", the best of N wall-clock times of CMD and
# the best of its N user + system times (0 without GNU time), in seconds.
best() {
	runs=$1
	shift
	: >"$tmp/times"
	while [ "$runs" -gt 0 ]; do
		runs=$((runs - 1))
		t0=$(date +%s%N)
		if [ -x /usr/bin/time ]; then
			/usr/bin/time -f "%U %S" -o "$tmp/cpu" "$@" >/dev/null ||
			    return 1
		else
			"$@" >/dev/null || return 1
			echo "0 0" >"$tmp/cpu"
		fi
		t1=$(date +%s%N)
		echo "$((t1 - t0)) $(cat "$tmp/cpu")" >>"$tmp/times"
	done
	awk 'NR == 1 || $1 < w { w = $1 } NR == 1 || $2 + $3 < c { c = $2 + $3 }
	    END { print w / 1e9, c }' "$tmp/times"
}

# against NAME FLAGS: a row of maphex --dump FLAGS against xxd FLAGS.
# FLAGS is a word list on purpose.
# shellcheck disable=SC2086
against() {
	if ! ours=$(best 5 "$MAPHEX" --dump $2 "$file"); then
		echo "| $1 | failed | $MAPHEX --dump $2 exits non-zero | - |" \
		    "target >= 25x |"
		return 1
	fi
	theirs=$(best 2 xxd $2 "$file") || return 1
	echo "$ours $theirs" | awk -v label="$1" '{
		printf "| %s | %.3f s (CPU %.2f s) | xxd %.3f s (CPU %.2f s)" \
		    " | %.1fx faster", label, $1, $2, $3, $4, $3 / $1
		if ($2 > 0)
			printf " (CPU %.1fx)", $4 / $2
		printf " | target >= 25x |\n"
	}'
}

status=0
against "$label" "" || status=1
against "--dump -p 256 MiB" "-p" || status=1
if [ -x /usr/bin/time ] &&
    /usr/bin/time -f %M -o "$tmp/rss" "$MAPHEX" --dump "$file" >/dev/null; then
	awk '{ printf "| --dump 256 MiB, peak RSS | %.1f MiB | - | - |" \
	    " target < 16 MiB |\n", $1 / 1024 }' "$tmp/rss"
fi
exit "$status"
