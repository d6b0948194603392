#!/bin/sh
# bench_search.sh: search throughput, side by side in one run.
#
# On a 1 GiB file of pseudo-random bytes in the page cache, with a
# needle planted every 16 MiB, times maphex's search (forward literal,
# backward literal, wildcard, case-insensitive) against a plain mmap +
# memmem loop over the same file and against grep -c -F; then an absent
# pattern over a 64 GiB sparse file holding a few MiB of data.  Each
# time is the best of three runs.  Prints markdown table rows
# "| name | maphex | baseline | ratio | target |".
#
# Run by tests/bench/run with MAPHEX and CC set and the build directory
# as the working directory; the sources are found next to this script.
# Backward, wildcard and case-insensitive searches have no command-line
# form, so they go through a small driver: $BENCH_SEARCH (and
# $BENCH_MEMMEM for the baseline), which `make bench` builds from
# bench_memmem.c; without them both are built here from src/ with $CC.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(pwd)
: "${CC:=cc}"
: "${MAPHEX:=$build/maphex}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

needle=MapHexNeedle
size_mib=1024
big=$tmp/big.bin
sparse=$tmp/sparse.img

# config.h comes from the build; without one, make a minimal one.
cfg=$build
if [ ! -f "$cfg/config.h" ]; then
	cfg=$tmp
	printf '%s\n' '#define _GNU_SOURCE 1' '#define _FILE_OFFSET_BITS 64' \
	    '#define HAVE_MEMRCHR 1' '#define HAVE_LINUX_FS_H 1' \
	    >"$cfg/config.h"
fi
memmem_bin=${BENCH_MEMMEM:-$tmp/bench_memmem}
search_bin=${BENCH_SEARCH:-$tmp/bench_search}
if [ -z "${BENCH_MEMMEM:-}" ]; then
	"$CC" -O2 -I"$cfg" "$here/bench_memmem.c" -o "$memmem_bin"
fi
if [ -z "${BENCH_SEARCH:-}" ]; then
	# Every layer but the terminal and main, as in src/libmaphex.a.
	srcs=$(ls "$top"/src/*.c | grep -v '/main\.c$\|/ui_curses\.c$')
	# shellcheck disable=SC2086
	"$CC" -O2 -I"$cfg" -I"$top/src" -DBENCH_SEARCH \
	    "$here/bench_memmem.c" $srcs -o "$search_bin"
fi

bench=bench_search
# shellcheck source=search_lib.sh disable=SC1091
. "$here/search_lib.sh"

"$memmem_bin" gen "$big" "$size_mib" "$needle"
cat "$big" >/dev/null
planted=$((size_mib / 16))

base=$(best_us "$memmem_bin" memmem "$big" "$needle")
expect "$planted"
short=$(best_us "$memmem_bin" memmem "$big" HexNe)
expect "$planted"
grep_us=$(best_us grep -c -F "$needle" "$big")
expect "$planted"
grepi_us=$(best_us grep -c -F -i "$needle" "$big")
expect "$planted"

if [ -x "$MAPHEX" ]; then
	fwd=$(best_us "$MAPHEX" --find "$needle" "$big")
	fwd_name="forward literal, 12 B (maphex --find)"
else
	fwd=$(best_us "$search_bin" forward "$big" "$needle")
	fwd_name="forward literal, 12 B (driver: no $MAPHEX)"
fi
expect "$planted"
fwd5=$(best_us "$search_bin" forward "$big" HexNe)
expect "$planted"
bwd=$(best_us "$search_bin" backward "$big" "$needle")
expect "$planted"
wild=$(best_us "$search_bin" forward "$big" \
    "4d 61 70 48 65 78 ?? 65 65 64 ?? 65" hex)
expect "$planted"
icase=$(best_us "$search_bin" forward "$big" mAPhEXnEEDLE icase)
expect "$planted"

row "$fwd_name" "$fwd" "$base" "memmem loop" ">= 1x"
row "forward literal, 12 B" "$fwd" "$grep_us" "grep -c -F" "-"
row "forward literal, 5 B" "$fwd5" "$short" "memmem loop" ">= 1x"
row "backward literal, 12 B" "$bwd" "$base" "memmem loop (forward)" \
    ">= 0.5x"
row "wildcard, 12 B with 2 ??" "$wild" "$base" "memmem loop (literal)" \
    ">= 0.5x"
row "case-insensitive, 12 letters" "$icase" "$base" \
    "memmem loop (exact case)" ">= 0.3x"
row "case-insensitive, 12 letters" "$icase" "$grepi_us" "grep -c -F -i" "-"

# A 64 GiB sparse file with 8 MiB of data in four places.
: >"$sparse"
truncate -s 64G "$sparse"
for at in 0 9000 40000 65530; do
	dd if="$big" of="$sparse" bs=1M count=2 skip=$((at % 1000)) \
	    seek="$at" conv=notrunc status=none
done
rm -f "$big"
if [ -x "$MAPHEX" ]; then
	sp=$(best_us "$MAPHEX" --find maphex-absent-pattern "$sparse")
	sp_name="64 GiB sparse, absent pattern (maphex --find)"
else
	sp=$(best_us "$search_bin" forward "$sparse" \
	    maphex-absent-pattern)
	sp_name="64 GiB sparse, absent pattern (driver, forward)"
fi
spb=$(best_us "$search_bin" backward "$sparse" maphex-absent-pattern)
printf '| %s | %s ms | - | - | < 1000 ms |\n' "$sp_name" \
    "$(awk -v us="$sp" 'BEGIN { printf "%.1f", us / 1000 }')"
printf '| %s | %s ms | - | - | < 1000 ms |\n' \
    "64 GiB sparse, absent pattern (driver, backward)" \
    "$(awk -v us="$spb" 'BEGIN { printf "%.1f", us / 1000 }')"
