#!/bin/sh
# bench_search.sh: search throughput, side by side in one run.
#
# On a 1 GiB file of pseudo-random bytes in the page cache, with a
# needle planted every 16 MiB (64 matches; rg counts lines, maphex
# prints offsets, and with a needle this rare both mean 64), times
# maphex's search (forward literal of 12 and 5 bytes, backward literal,
# wildcard, case-insensitive) against ripgrep (`rg -a -F -c`, `-i` for
# case; rg has neither wildcard bytes nor a backward search, so those
# rows compare with its forward literal search, the same 12 bytes) and
# against a plain mmap + memmem loop over the same file.  The search
# scans on up to one thread per CPU (at most 4); two rows run the
# driver on one thread, to show what the threads add.  Then an absent
# pattern over a 64 GiB sparse file holding a few MiB of data.  All the
# commands run in turn, $BENCH_RUNS rounds (default 5), and each keeps
# its best time, so that a busy machine favours none.  Prints markdown
# table rows "| name | maphex | baseline | ratio | target |"; without
# rg, grep -F stands in.
#
# Run by tests/bench/run with MAPHEX and CC set and the build directory
# as the working directory; the sources are found next to this script.
# Backward searches have no command-line form, so they go through a
# small driver: $BENCH_SEARCH (and $BENCH_MEMMEM for the baseline),
# which `make bench` builds from bench_memmem.c; without them both are
# built here from src/ with $CC, and without $MAPHEX the driver does
# the forward searches too.
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
	# shellcheck disable=SC2046,SC2086
	"$CC" -O2 -I"$cfg" -I"$top/src" -DBENCH_SEARCH \
	    "$here/bench_memmem.c" $srcs -o "$search_bin" \
	    $(pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8) \
	    -lm -pthread
fi

bench=bench_search
# shellcheck source=search_lib.sh disable=SC1091
. "$here/search_lib.sh"

"$memmem_bin" gen "$big" "$size_mib" "$needle"
cat "$big" >/dev/null
planted=$((size_mib / 16))
wildhex="4d 61 70 48 65 78 ?? 65 65 64 ?? 65"
folded=mAPhEXnEEDLE

if command -v rg >/dev/null 2>&1; then
	other_f="rg -a -F -c"
	other_i="rg -a -F -i -c"
else
	other_f="grep -c -F"
	other_i="grep -c -F -i"
fi
if [ -x "$MAPHEX" ]; then
	how="maphex --find"
	find_lit() { "$MAPHEX" --find "$1" "$big"; }
	find_hex() { "$MAPHEX" --find "$1" --hex "$big"; }
	find_icase() { "$MAPHEX" --find "$1" -i "$big"; }
else
	how="driver: no $MAPHEX"
	find_lit() { "$search_bin" forward "$big" "$1"; }
	find_hex() { "$search_bin" forward "$big" "$1" hex; }
	find_icase() { "$search_bin" forward "$big" "$1" icase; }
fi

# One function a command, each timed once and checked.
step_memmem() { time_once memmem "$memmem_bin" memmem "$big" "$needle"; }
step_memmem5() { time_once memmem5 "$memmem_bin" memmem "$big" HexNe; }
# shellcheck disable=SC2086
step_other() { time_once other $other_f "$needle" "$big"; }
# shellcheck disable=SC2086
step_other5() { time_once other5 $other_f HexNe "$big"; }
# shellcheck disable=SC2086
step_otheri() { time_once otheri $other_i "$folded" "$big"; }
step_fwd() { time_once fwd find_lit "$needle"; }
step_fwd5() { time_once fwd5 find_lit HexNe; }
step_bwd() { time_once bwd "$search_bin" backward "$big" "$needle"; }
step_fwd1() { time_once fwd1 "$search_bin" forward "$big" "$needle" text 1; }
step_bwd1() {
	time_once bwd1 "$search_bin" backward "$big" "$needle" text 1
}
step_wild() { time_once wild find_hex "$wildhex"; }
step_icase() { time_once icase find_icase "$folded"; }

# Odd rounds go down the list and even ones up it, so that no command
# always follows the same one.
steps="memmem memmem5 other other5 otheri fwd fwd5 bwd wild icase fwd1 bwd1"
back=
for step in $steps; do
	back="$step $back"
done
round=0
while [ "$round" -lt "${BENCH_RUNS:-5}" ]; do
	round=$((round + 1))
	order=$steps
	[ $((round % 2)) -eq 0 ] && order=$back
	for step in $order; do
		"step_$step"
		expect "$planted"
	done
done

# shellcheck disable=SC2154
{
row "forward literal, 12 B ($how)" "$t_fwd" "$t_other" "$other_f" ">= 1x"
row "forward literal, 12 B" "$t_fwd" "$t_memmem" "memmem loop" ">= 1x"
row "forward literal, 5 B ($how)" "$t_fwd5" "$t_other5" "$other_f" ">= 1x"
row "forward literal, 5 B" "$t_fwd5" "$t_memmem5" "memmem loop" ">= 1x"
row "backward literal, 12 B (driver)" "$t_bwd" "$t_other" \
    "$other_f, forward" ">= 1x"
row "backward literal, 12 B" "$t_bwd" "$t_memmem" "memmem loop (forward)" \
    ">= 1x"
row "wildcard, 12 B with 2 ?? ($how --hex)" "$t_wild" "$t_other" \
    "$other_f, literal" ">= 1x"
row "wildcard, 12 B with 2 ??" "$t_wild" "$t_memmem" \
    "memmem loop (literal)" ">= 1x"
row "case-insensitive, 12 letters ($how -i)" "$t_icase" "$t_otheri" \
    "$other_i" ">= 1x"
row "case-insensitive, 12 letters" "$t_icase" "$t_memmem" \
    "memmem loop (exact case)" ">= 1x"
row "forward literal, 12 B, one thread (driver)" "$t_fwd1" "$t_other" \
    "$other_f" "-"
row "backward literal, 12 B, one thread (driver)" "$t_bwd1" "$t_other" \
    "$other_f, forward" "-"
}

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
