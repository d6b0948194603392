#!/bin/sh
#
# bench_rss.sh: peak resident memory of scans over a 1 GiB file.
#
# A benchmark, not a test: it makes a 1 GiB file of random bytes in a
# temp dir, runs `maphex --dump` and `maphex --find` (an absent pattern,
# so the whole file is scanned) under /usr/bin/time, and prints one
# markdown table row each for tests/bench/run: the peak RSS next to the
# file size, as a fraction of it.  Scans let go of the pages they have
# passed (MADV_DONTNEED), so the target is a small constant.  Needs
# MAPHEX and GNU time; prints a skip row without it.

: "${MAPHEX:?MAPHEX must name the maphex binary}"

if [ ! -x /usr/bin/time ]; then
	echo "| scan RSS | skipped | /usr/bin/time not found | - | target < 64 MiB |"
	exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-bench-rss.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
file="$tmp/random"
if ! head -c $((1024 * 1024 * 1024)) /dev/urandom >"$file"; then
	echo "| scan RSS | failed | cannot write $file | - | target < 64 MiB |"
	exit 1
fi

# peak LABEL ARGS...: one row with the peak RSS of maphex ARGS.
peak() {
	p_label=$1
	shift
	/usr/bin/time -f %M -o "$tmp/rss" "$MAPHEX" "$@" >/dev/null 2>&1
	awk -v label="$p_label" -v k="$(tail -n 1 "$tmp/rss")" 'BEGIN {
		printf "| %s | %.1f MiB | file 1024 MiB | %.2f%% of it |" \
		    " target < 64 MiB |\n", label, k / 1024, k / 1024 / 10.24
	}'
}

peak "--dump 1 GiB, peak RSS" --dump "$file"
peak "--find absent, 1 GiB, peak RSS" --find 'zzzzzzzzzzzzqq' "$file"
