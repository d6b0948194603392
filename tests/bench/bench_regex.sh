#!/bin/sh
# bench_regex.sh: regex search throughput, side by side in one run.
#
# On one 1 GiB file of pseudo-random bytes in the page cache, with a
# needle planted every 16 MiB, times `maphex --find --regex` for a
# literal regex and for a character-class regex against `grep -P -c`
# and, where installed, `rg -c` with the same patterns, and the literal
# regex against maphex's own literal search (`--find`).  Each time is
# the best of three runs.  Prints markdown table rows
# "| name | maphex | baseline | ratio | target |": the ratio is the
# baseline's time over maphex's, so above 1 maphex is faster.
#
# Run by tests/bench/run with MAPHEX and CC set and the build directory
# as the working directory; skips (77) without a built maphex.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=$(pwd)
: "${CC:=cc}"
: "${MAPHEX:=$build/maphex}"
[ -x "$MAPHEX" ] || { echo "bench_regex: no $MAPHEX" >&2; exit 77; }
LC_ALL=C
export LC_ALL

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-bench-rx.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

needle=MapHexNeedle
class='MapHex[A-Z][a-z]{5}'
size_mib=1024
big=$tmp/big.bin
planted=$((size_mib / 16))

cfg=$build
if [ ! -f "$cfg/config.h" ]; then
	cfg=$tmp
	printf '%s\n' '#define _GNU_SOURCE 1' '#define _FILE_OFFSET_BITS 64' \
	    >"$cfg/config.h"
fi
memmem_bin=${BENCH_MEMMEM:-$tmp/bench_memmem}
[ -n "${BENCH_MEMMEM:-}" ] ||
    "$CC" -O2 -I"$cfg" "$here/bench_memmem.c" -o "$memmem_bin"

bench=bench_regex
# shellcheck source=search_lib.sh disable=SC1091
. "$here/search_lib.sh"

"$memmem_bin" gen "$big" "$size_mib" "$needle"
cat "$big" >/dev/null

lit=$(best_us "$MAPHEX" --find "$needle" "$big")
expect "$planted"
rx=$(best_us "$MAPHEX" --find --regex "$needle" "$big")
expect "$planted"
rxc=$(best_us "$MAPHEX" --find --regex "$class" "$big")
expect "$planted"
gp=$(best_us grep -P -c "$needle" "$big")
gpc=$(best_us grep -P -c "$class" "$big")

row "regex, literal 12 B (--find --regex)" "$rx" "$lit" \
    "maphex literal --find" ">= 0.67x (within 1.5x)"
row "regex, literal 12 B" "$rx" "$gp" "grep -P -c" "-"
row "regex, class $class" "$rxc" "$gpc" "grep -P -c" "-"
if command -v rg >/dev/null 2>&1; then
	rg_us=$(best_us rg -c -a "$needle" "$big")
	rgc=$(best_us rg -c -a "$class" "$big")
	row "regex, literal 12 B" "$rx" "$rg_us" "rg -c" "-"
	row "regex, class $class" "$rxc" "$rgc" "rg -c" "-"
else
	printf '| regex vs rg | - | rg not installed | - | - |\n'
fi
