#!/bin/sh
#
# bench_keys.sh: what a keystroke costs, applying it and redrawing the
# screen, for a 1 KiB file and a 64 GiB sparse file; the two should be
# the same within noise.
#
# A benchmark, not a test.  The workloads are each a cycle of keys that
# ends where it began, so that both files see exactly the same keys:
#
#  move  Down x40, Right x15, Up x40, Left x15 (read-only mode, -r):
#        the cursor walks and the view scrolls 12 rows down and back.
#  type  32 hex digits, overwriting the 16 bytes of the first row, then
#        Up; once in preview mode (-p: the edits go to private
#        copy-on-write pages, the file is untouched and nothing is
#        saved) and once in direct mode (-w: the edits go into the temp
#        file's pages; nothing is saved but what the kernel writes back
#        and what maphex flushes when it is hung up on at the end).
#
# Measured two ways:
#
#  driver  precise: a small C program, built here with $CC against the
#          library (src/libmaphex.a and config.h of the build dir it
#          runs in), opens the file with mapping_open and editor_init
#          on a 100x30 screen and times editor_key + view_render for
#          each key, as the main loop does, minus the terminal
#          (ncurses).  Median of 7 batches of some 5000 keys; the redraw
#          alone (view_render with nothing changed) is shown too.
#  tmux    end to end: the real binary in a 100x30 tmux pane (one
#          pane a file, taking turns); one send-keys hands it all the
#          keys of 10 cycles (move) or 30 (type), some 1000 keys, then
#          an unbound key (z), and the time runs until the status line
#          says "z is not bound".  Two numbers: maphex's own CPU time
#          (/proc/PID/schedstat; keys, curses and all), which is the
#          one judged, and the wall clock, which includes tmux.  The
#          same for the z alone is taken off before dividing by the
#          number of keys.  Median of 5 runs.
#
# The ratio is 64 GiB / 1 KiB.  Needs MAPHEX and CC; tmux for the end to
# end rows.  Prints markdown rows "| name | maphex | baseline | ratio |
# target |" for tests/bench/run.  The temp dir (files, driver, tmux
# socket) is removed on exit.

: "${MAPHEX:?MAPHEX must name the maphex binary}"
: "${CC:=cc}"
srcdir=$(cd "$(dirname "$0")/../.." && pwd) || exit 1
build=$(pwd)
reps_tmux=5
cycles_tmux_move=10
cycles_tmux_type=30
target="~1x: same within noise (<= 1.2x)"
limit=1.2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-bench-keys.XXXXXX") || exit 1
sock=$tmp/tmux.sock
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# row NAME BIG SMALL [TARGET]: a row comparing the 64 GiB time (BIG)
# with the 1 KiB one (SMALL), both in ns a key, or words saying why not.
row() {
	awk -v name="$1" -v a="$2" -v b="$3" -v target="${4:-$target}" \
	    -v limit="$limit" 'BEGIN {
		num = "^[0-9.]+$"
		ca = a ~ num ? sprintf("%.2f us/key", a / 1000) : a
		cb = b ~ num ? sprintf("%.2f us/key", b / 1000) : b
		ratio = "-"
		if (a ~ num && b ~ num && b > 0) {
			ratio = sprintf("%.2fx", a / b)
			if (target != "-" && a / b > limit)
				ratio = ratio " (MISSED)"
		}
		printf "| %s | %s | 1 KiB: %s | %s | %s |\n", name, ca, cb,
		    ratio, target }'
}

# what WORK: the words for a workload.
what() {
	case $1 in
	move) echo "cursor moves and scrolls (-r)" ;;
	preview) echo "hex digits typed, preview (-p)" ;;
	direct) echo "hex digits typed, direct (-w)" ;;
	esac
}

# why FILE: "failed: " and the reason at the end of FILE's first line
# (its last two ": " parts; the path before them is a temp file's).
why() {
	reason=$(sed -n '1{s/^.*: \([^:]*: [^:]*\)$/\1/;p;}' "$1" | tr '|' '/')
	echo "failed: ${reason:-no message}"
}

if ! head -c 1024 /dev/urandom >"$tmp/1k" ||
    ! truncate -s 64G "$tmp/64g"; then
	row "keystroke + redraw" "failed: cannot write $tmp" "-"
	exit 1
fi

# The driver: keys FILE move|preview|direct prints the median ns a key
# (key and render), then the same for the render alone.
cat >"$tmp/keys.c" <<'EOF'
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "frame.h"
#include "input.h"
#include "keymap.h"
#include "layout.h"
#include "session.h"
#include "view.h"
#include "window.h"

#define BATCHES	7
#define KEYS	5000

static long long
now_ns(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
}

static int
cmp(const void *a, const void *b)
{
	long long	x = *(const long long *)a, y = *(const long long *)b;

	return (x < y ? -1 : x > y);
}

/* One cycle of the workload into keys; returns its length. */
static int
cycle(int type, int *keys)
{
	static const char	hex[] = "0123456789abcdef";
	int			n = 0, i;

	if (type) {
		for (i = 0; i < 32; i++)
			keys[n++] = hex[(i * 7 + 3) % 16];
		keys[n++] = KEYMAP_UP;
		return (n);
	}
	for (i = 0; i < 40; i++)
		keys[n++] = KEYMAP_DOWN;
	for (i = 0; i < 15; i++)
		keys[n++] = KEYMAP_RIGHT;
	for (i = 0; i < 40; i++)
		keys[n++] = KEYMAP_UP;
	for (i = 0; i < 15; i++)
		keys[n++] = KEYMAP_LEFT;
	return (n);
}

int
main(int argc, char **argv)
{
	struct doc	m;
	struct session	ed;
	struct window	*w;
	struct frame	f;
	long long	both[BATCHES], draw[BATCHES], t0;
	unsigned char	row[16];
	char		err[512];
	int		keys[128], type, n, c, b, k, cycles;

	if (argc != 3) {
		fprintf(stderr, "usage: keys FILE move|preview|direct\n");
		return (2);
	}
	type = strcmp(argv[2], "move") != 0;
	memset(&f, 0, sizeof f);
	if (doc_open(&m, argv[1], !type ? MAPPING_READONLY :
	    strcmp(argv[2], "direct") == 0 ? MAPPING_DIRECT : MAPPING_PREVIEW,
	    err, sizeof err) == -1 ||
	    session_init(&ed, &m, 16, 0, err, sizeof err) == -1) {
		fprintf(stderr, "keys: %s\n", err);
		return (1);
	}
	if (frame_resize(&f, 30, 100) == -1) {
		fprintf(stderr, "keys: out of memory\n");
		return (1);
	}
	layout_apply(&ed, 30, 100);
	view_render(&ed, &f);
	n = cycle(type, keys);
	cycles = KEYS / n;
	for (b = -1; b < BATCHES; b++) {
		t0 = now_ns();
		for (c = 0; c < cycles; c++)
			for (k = 0; k < n; k++) {
				input_key(&ed, keys[k]);
				view_render(&ed, &f);
			}
		if (b >= 0)
			both[b] = (now_ns() - t0) / (cycles * n);
		t0 = now_ns();
		for (c = 0; c < cycles * n; c++)
			view_render(&ed, &f);
		if (b >= 0)
			draw[b] = (now_ns() - t0) / (cycles * n);
	}
	/* The workload must end where it began, having done its work. */
	w = session_window(&ed);
	if (w->cursor != 0 || w->top != 0 || ed.message[0] != '\0' ||
	    (type && (doc_read(&m, 0, row, 16) == -1 ||
	    row[0] != 0x3a || row[15] != 0x5c || session_unsaved(&ed) == 0))) {
		fprintf(stderr, "keys: %s: the %s workload went wrong: "
		    "cursor %llu, top %llu, message '%s'\n", argv[1], argv[2],
		    (unsigned long long)w->cursor, (unsigned long long)w->top,
		    ed.message);
		return (1);
	}
	qsort(both, BATCHES, sizeof both[0], cmp);
	qsort(draw, BATCHES, sizeof draw[0], cmp);
	printf("%lld %lld\n", both[BATCHES / 2], draw[BATCHES / 2]);
	frame_free(&f);
	session_free(&ed);
	doc_close(&m);
	return (0);
}
EOF

# Built against the library of this build dir; failing that (run by
# hand elsewhere, or a sanitizer build whose library needs its runtime),
# from the sources, with this build's config.h or one that will do.
inc=$build
if [ ! -f "$build/config.h" ]; then
	inc=$tmp
	printf '%s\n' '#define _GNU_SOURCE 1' '#define _FILE_OFFSET_BITS 64' \
	    '#define HAVE_MEMRCHR 1' '#define HAVE_LINUX_FS_H 1' \
	    '#define PACKAGE_VERSION "bench"' >"$tmp/config.h"
fi
set --
for f in "$srcdir"/src/*.c; do
	case $f in
	*/main.c | */ui_curses.c) ;;
	*) set -- "$@" "$f" ;;
	esac
done
driver=$tmp/keys
# What the library links with: PCRE2 (regex search), libm, threads.
libs="$(pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8) -lm \
    -pthread"
# $CC and $libs are word lists on purpose (CC="ccache gcc").
# shellcheck disable=SC2086
if [ -f "$build/src/libmaphex.a" ] && ! nm "$build/src/libmaphex.a" \
    2>/dev/null | grep -q __asan_ &&
    $CC -O2 -I"$inc" -I"$srcdir/src" "$tmp/keys.c" \
    "$build/src/libmaphex.a" $libs -o "$driver" 2>"$tmp/cc.log"; then
	:
elif $CC -O2 -I"$inc" -I"$srcdir/src" "$tmp/keys.c" "$@" $libs \
    -o "$driver" 2>"$tmp/cc.log"; then
	echo "bench_keys.sh: the driver is built from the sources" >&2
else
	sed 's/^/# /' "$tmp/cc.log" >&2
	row "keystroke + redraw (driver)" "failed: cannot build the driver" \
	    "-"
	driver=
fi

status=0
if [ -n "$driver" ]; then
	for work in move preview direct; do
		if out=$("$driver" "$tmp/64g" "$work" 2>"$tmp/err"); then
			big=${out% *} big_draw=${out#* }
		else
			big=$(why "$tmp/err") big_draw=-
			status=1
		fi
		if out=$("$driver" "$tmp/1k" "$work" 2>"$tmp/err"); then
			small=${out% *} small_draw=${out#* }
		else
			small=$(why "$tmp/err") small_draw=-
			status=1
		fi
		name="keystroke + redraw: $(what "$work")"
		row "$name, 64 GiB sparse (driver)" "$big" "$small"
		row "... of which redraw alone (view_render)" "$big_draw" \
		    "$small_draw" -
	done
fi

if ! command -v tmux >/dev/null 2>&1; then
	row "keystroke + redraw (tmux)" "skipped: tmux not found" "-"
	exit "$status"
fi
if ! tmux -S "$sock" -f /dev/null new-session -d -s hold -x 100 -y 30 \
    sleep 3600 || ! tmux -S "$sock" set-option -g remain-on-exit on; then
	row "keystroke + redraw (tmux)" "failed: cannot start tmux" "-"
	exit 1
fi

# wait_for PANE TEXT: polls the status line (row 29) until it holds
# TEXT; 1 if about 10 s went by.
wait_for() {
	polls=0
	while :; do
		line=$(tmux -S "$sock" capture-pane -p -S 29 -E 29 -t "$1" \
		    2>/dev/null) || return 1
		case $line in
		*"$2"*) return 0 ;;
		esac
		polls=$((polls + 1))
		[ "$polls" -lt 3000 ] || return 1
	done
}

# keys_of WORK CYCLES: the tmux key names of CYCLES cycles of WORK.
keys_of() {
	c=0
	while [ "$c" -lt "$2" ]; do
		case $1 in
		move)
			for k in Down Right Up Left; do
				i=0 n=40
				case $k in Right | Left) n=15 ;; esac
				while [ "$i" -lt "$n" ]; do
					printf '%s ' "$k"
					i=$((i + 1))
				done
			done
			;;
		*)
			i=0
			while [ "$i" -lt 32 ]; do
				printf '%x ' $(((i * 7 + 3) % 16))
				i=$((i + 1))
			done
			printf 'Up '
			;;
		esac
		c=$((c + 1))
	done
}

# start NAME FILE FLAG: starts maphex FLAG FILE in a new window and
# waits for its first paint; sets NAME_pane and NAME_pid, or NAME_fail
# to "failed: " and why.
start() {
	# maphex's stderr goes to a file: tmux may drop what a pane
	# wrote just before it died.
	: >"$tmp/err"
	eval "$1_fail='' $1_pane='' $1_pid=''"
	# The $ are for the inner sh, which execs maphex.
	# shellcheck disable=SC2016
	if ! pane=$(tmux -S "$sock" new-window -d -P -F '#{pane_id}' \
	    -t hold: sh -c 'exec "$@" 2>"$0"' "$tmp/err" "$MAPHEX" "$3" \
	    "$2"); then
		eval "$1_fail='failed: tmux new-window'"
		return 1
	fi
	eval "$1_pane=$pane"
	n=0
	while :; do
		screen=$(tmux -S "$sock" capture-pane -p -t "$pane")
		case $screen in
		# The offset has 8 digits or more: as many as the size's.
		*"0 (0) / 0x"*) break ;;
		*"Pane is dead"*)
			eval "$1_fail=\$(why \"\$tmp/err\")"
			return 1
			;;
		esac
		n=$((n + 1))
		if [ "$n" -gt 3000 ]; then
			eval "$1_fail='failed: no first paint'"
			return 1
		fi
	done
	eval "$1_pid=$(tmux -S "$sock" display -p -t "$pane" '#{pane_pid}')"
}

# cpu PID: the ns PID has run on a CPU so far (/proc/PID/schedstat).
cpu() {
	read -r ns _ <"/proc/$1/schedstat" && echo "$ns"
}

# rep PANE PID N KEYS...: sends KEYS (N of them) and then z, waits until
# the status line shows z's message, and appends the wall time and the
# CPU time of maphex a key to walls and cpus, each less the same for z
# alone.
rep() {
	pane=$1 pid=$2 nkeys=$3
	shift 3
	c0=$(cpu "$pid") t0=$(date +%s%N)
	tmux -S "$sock" send-keys -t "$pane" z
	wait_for "$pane" "not bound" || return 1
	c1=$(cpu "$pid") t1=$(date +%s%N)
	# Left at offset 0 clears the message and moves nothing.
	tmux -S "$sock" send-keys -t "$pane" Left
	wait_for "$pane" "0 (0) / 0x" || return 1
	c2=$(cpu "$pid") t2=$(date +%s%N)
	tmux -S "$sock" send-keys -t "$pane" "$@" z
	wait_for "$pane" "not bound" || return 1
	c3=$(cpu "$pid") t3=$(date +%s%N)
	tmux -S "$sock" send-keys -t "$pane" Left
	wait_for "$pane" "0 (0) / 0x" || return 1
	walls="$walls $(((t3 - t2 - (t1 - t0)) / nkeys))"
	cpus="$cpus $(((c3 - c2 - (c1 - c0)) / nkeys))"
}

# median N...: the median of the numbers.
median() {
	printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"
}

# Each workload runs in two panes at once, one on each file, taking
# turns, so that both see the same state of the machine.
for work in move preview direct; do
	case $work in
	move) flag=-r cycles=$cycles_tmux_move per=110 ;;
	preview) flag=-p cycles=$cycles_tmux_type per=33 ;;
	direct) flag=-w cycles=$cycles_tmux_type per=33 ;;
	esac
	start big "$tmp/64g" "$flag"
	start small "$tmp/1k" "$flag"
	# shellcheck disable=SC2046
	set -- $(keys_of "$work" "$cycles")
	big_walls='' big_cpus='' small_walls='' small_cpus=''
	r=0
	while [ "$r" -lt "$reps_tmux" ]; do
		for f in big small; do
			eval "fail=\$${f}_fail pane=\$${f}_pane pid=\$${f}_pid"
			[ -z "$fail" ] || continue
			eval "walls=\$${f}_walls cpus=\$${f}_cpus"
			if ! rep "$pane" "$pid" $((cycles * per)) "$@"; then
				eval "${f}_fail='failed: the screen never" \
				    "showed the end of the keys'"
				continue
			fi
			eval "${f}_walls=\$walls ${f}_cpus=\$cpus"
		done
		r=$((r + 1))
	done
	for f in big small; do
		eval "pane=\$${f}_pane"
		[ -z "$pane" ] || tmux -S "$sock" kill-pane -t "$pane" 2>/dev/null
	done
	if [ -n "$big_fail$small_fail" ]; then
		status=1
	fi
	# shellcheck disable=SC2086
	big_wall=${big_fail:-$(median $big_walls)}
	# shellcheck disable=SC2086
	big_cpu=${big_fail:-$(median $big_cpus)}
	# shellcheck disable=SC2086
	small_wall=${small_fail:-$(median $small_walls)}
	# shellcheck disable=SC2086
	small_cpu=${small_fail:-$(median $small_cpus)}
	name="keystroke + redraw: $(what "$work")"
	row "$name, 64 GiB sparse (tmux: maphex's CPU time)" "$big_cpu" \
	    "$small_cpu"
	row "... wall clock, key sent to screen shown (tmux)" "$big_wall" \
	    "$small_wall" -
done
exit "$status"
