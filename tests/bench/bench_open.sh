#!/bin/sh
#
# bench_open.sh: open-to-first-paint time and peak RSS of maphex against
# hexedit, for a 1 KiB file, a 1 GiB file of real data (a 1 MiB block of
# random bytes repeated 1024 times; measured once in the page cache,
# where it is just after being written, and once cold, evicted with
# `dd iflag=nocache` before every launch) and a 64 GiB sparse file
# (truncate -s 64G, all hole).
#
# A benchmark, not a test.  "First paint" is the first screen row,
# which starts with 00000000, showing.  It is measured two ways:
#
#  tmux  end to end: each program runs in a new window (100x30) of a
#        private tmux server started once up front; the time runs from
#        just before `tmux new-window` to the first capture-pane whose
#        top row starts with 00000000, polled as fast as tmux answers.
#        Each tmux client call costs a few ms, so this is coarse.
#  pty   precise: a small driver (built here with $CC) starts the
#        program on a 100x30 pseudo-terminal (TERM=screen) and times,
#        with CLOCK_MONOTONIC, from fork to the first 00000000 in what
#        the program writes.
#
# Each time is the median of several launches, maphex and hexedit
# alternating.  The harness floor of each way, the same launch around a
# program that only prints 00000000, is printed too: a time within a
# few tenths of a ms (pty) or a few ms (tmux) of it is at the
# resolution of the method.  Peak RSS is VmHWM from /proc/PID/status of
# the program itself (tmux runs it as the pane's process, with no shell
# between) right after its first paint in tmux; the highest of the
# launches is shown.  maphex runs as `maphex FILE` (the default mode)
# and hexedit as `hexedit FILE`; no key is sent and the program is then
# hung up on (SIGHUP).
#
# Needs MAPHEX (an optimized build without sanitizers: a sanitizer
# runtime inflates both numbers, and a row says so) and tmux; CC for
# the pty rows.  Prints markdown rows "| name | maphex | baseline |
# ratio | target |" for tests/bench/run.  The temp dir, which holds the
# files, the driver and the tmux socket, is removed on exit.

: "${MAPHEX:?MAPHEX must name the maphex binary}"
: "${CC:=cc}"
reps_tmux=7
reps_pty=31
target_paint=1.5
target_rss_kib=8192
sizes="1k 1g 1gcold 64g"

if ! command -v tmux >/dev/null 2>&1; then
	echo "| open-to-paint, peak RSS | skipped | tmux not found | - | - |"
	exit 0
fi
if [ ! -x "$MAPHEX" ]; then
	echo "| open-to-paint, peak RSS | failed | no $MAPHEX | - | - |"
	exit 1
fi
if { nm -D "$MAPHEX" 2>/dev/null; ldd "$MAPHEX" 2>/dev/null; } |
    grep -q -e __asan_init -e __tsan_init -e __msan_init -e __ubsan_ \
    -e 'lib[atmu]*san'; then
	echo "| WARNING: sanitizer build | numbers not meaningful |" \
	    "configure without --enable-sanitizers | - | - |"
fi
hexedit=$(command -v hexedit 2>/dev/null) || hexedit=

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-bench-open.XXXXXX") || exit 1
sock=$tmp/tmux.sock
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# fail TEXT: a failure row, and out.
fail() {
	echo "| open-to-paint, peak RSS | failed | $1 | - | - |"
	exit 1
}

# The data: 1 KiB, 1 GiB (1024 copies of 1 MiB of random bytes), and a
# 64 GiB hole.
if ! head -c 1024 /dev/urandom >"$tmp/1k" ||
    ! head -c 1048576 /dev/urandom >"$tmp/chunk" ||
    ! truncate -s 64G "$tmp/64g"; then
	fail "cannot write $tmp"
fi
i=0
while [ $i -lt 1024 ]; do
	cat "$tmp/chunk"
	i=$((i + 1))
done >"$tmp/1g" || fail "cannot write $tmp/1g"
rm -f "$tmp/chunk"

# The pty driver: paint MARK CMD [ARG...] prints "NS KIB", the time from
# fork to MARK in the output and the program's VmHWM then.
cat >"$tmp/paint.c" <<'EOF'
#define _GNU_SOURCE 1
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long
now_ns(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
}

static long
vmhwm(pid_t pid)
{
	char	 path[64], line[256];
	long	 v = -1;
	FILE	*f;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return (-1);
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "VmHWM: %ld", &v) == 1)
			break;
	fclose(f);
	return (v);
}

static void
reap(pid_t pid)
{
	int	st, i;

	kill(pid, SIGHUP);
	for (i = 0; i < 100 && waitpid(pid, &st, WNOHANG) == 0; i++)
		usleep(10000);
	if (i == 100) {
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
	}
}

int
main(int argc, char **argv)
{
	static char	 buf[1 << 16];
	struct winsize	 ws = { 30, 100, 0, 0 };
	struct pollfd	 pfd;
	const char	*mark;
	size_t		 have = 0, mlen;
	long long	 t0, t1;
	ssize_t		 n;
	pid_t		 pid;
	long		 kib;
	int		 fd, r;

	if (argc < 3 || (mlen = strlen(argv[1])) == 0 ||
	    mlen > sizeof buf / 2) {
		fprintf(stderr, "usage: paint MARK CMD [ARG...]\n");
		return (2);
	}
	mark = argv[1];
	t0 = now_ns();
	if ((pid = forkpty(&fd, NULL, NULL, &ws)) == -1) {
		perror("paint: forkpty");
		return (1);
	}
	if (pid == 0) {
		setenv("TERM", "screen", 1);
		execvp(argv[2], argv + 2);
		_exit(127);
	}
	pfd.fd = fd;
	pfd.events = POLLIN;
	for (;;) {
		if (now_ns() - t0 > 10000000000LL)
			goto fail;
		if ((r = poll(&pfd, 1, 100)) == -1 && errno != EINTR)
			goto fail;
		if (r <= 0)
			continue;
		if (have == sizeof buf) {
			memmove(buf, buf + have - mlen, mlen);
			have = mlen;
		}
		if ((n = read(fd, buf + have, sizeof buf - have)) <= 0)
			goto fail;
		have += (size_t)n;
		if (memmem(buf, have, mark, mlen) != NULL)
			break;
	}
	t1 = now_ns();
	kib = vmhwm(pid);
	reap(pid);
	close(fd);
	printf("%lld %ld\n", t1 - t0, kib);
	return (0);
fail:
	reap(pid);
	close(fd);
	fprintf(stderr, "paint: %s: no %s on the screen\n", argv[2], mark);
	return (1);
}
EOF
# $CC is a word list on purpose (CC="ccache gcc").
# shellcheck disable=SC2086
if $CC -O2 "$tmp/paint.c" -o "$tmp/paint" -lutil 2>"$tmp/cc.log" ||
    $CC -O2 "$tmp/paint.c" -o "$tmp/paint" 2>"$tmp/cc.log"; then
	paint=$tmp/paint
else
	sed 's/^/# /' "$tmp/cc.log" >&2
	paint=
fi

# One detached session holds the server up; each launch is a window.
tmux -S "$sock" -f /dev/null new-session -d -s hold -x 100 -y 30 \
    sleep 3600 || fail "cannot start tmux"

# launch_tmux CMD...: runs CMD in a new window, waits for its first
# paint and sets ns (time to paint) and kib (VmHWM).  Returns 1 if the
# program never painted (it exited, or about 10 s went by).
launch_tmux() {
	t0=$(date +%s%N)
	pane=$(tmux -S "$sock" new-window -d -P -F '#{pane_id}' -t hold: \
	    "$@") || return 1
	n=0
	while :; do
		top=$(tmux -S "$sock" capture-pane -p -S 0 -E 0 -t "$pane" \
		    2>/dev/null) || return 1
		case $top in
		00000000*) break ;;
		esac
		n=$((n + 1))
		if [ "$n" -gt 3000 ]; then
			tmux -S "$sock" kill-pane -t "$pane" 2>/dev/null
			return 1
		fi
	done
	t1=$(date +%s%N)
	pid=$(tmux -S "$sock" display -p -t "$pane" '#{pane_pid}')
	kib=$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$pid/status" \
	    2>/dev/null)
	tmux -S "$sock" kill-pane -t "$pane" 2>/dev/null
	ns=$((t1 - t0))
	[ -n "$kib" ]
}

# launch_pty CMD...: the same through the pty driver.
launch_pty() {
	[ -n "$paint" ] || return 1
	out=$("$paint" 00000000 "$@") || return 1
	ns=${out% *} kib=${out#* }
}

# get VAR: prints the value of the variable named VAR.
get() {
	eval "printf '%s' \"\${$1:-}\""
}

# launch WAY CONF: one launch of configuration CONF (floor, or m_ or h_
# for maphex or hexedit and a size) the WAY way (tmux or pty); appends
# the time and VmHWM to WAY_CONF_ns and WAY_CONF_kib, or sets them to
# "failed" for good.
launch() {
	var=$1_$2
	[ "$(get "${var}_ns")" = failed ] && return 1
	file=$tmp/${2#?_}
	case $2 in
	*cold)
		file=${file%cold}
		dd if="$file" iflag=nocache count=0 status=none 2>/dev/null
		;;
	esac
	case $2 in
	floor) set -- sh -c 'echo 00000000; exec sleep 3600' ;;
	m_*) set -- "$MAPHEX" "$file" ;;
	h_*) set -- "$hexedit" "$file" ;;
	esac
	case $var in
	tmux_*) launch_tmux "$@" ;;
	*) launch_pty "$@" ;;
	esac || {
		eval "${var}_ns=failed ${var}_kib=failed"
		return 1
	}
	eval "${var}_ns=\"\$${var}_ns $ns\" ${var}_kib=\"\$${var}_kib $kib\""
}

# median N...: the median of the numbers, or "failed".
median() {
	case $* in
	*failed*) echo failed ;;
	*) printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p" ;;
	esac
}

# maximum N...: the highest of the numbers, or "failed".
maximum() {
	case $* in
	*failed*) echo failed ;;
	*) printf '%s\n' "$@" | sort -n | tail -n 1 ;;
	esac
}

# Round robin: every configuration once a round, so that drift in the
# machine's state touches all alike.
confs=floor
for size in $sizes; do
	confs="$confs m_$size"
	[ -n "$hexedit" ] && confs="$confs h_$size"
done
for way in tmux pty; do
	[ "$way" = pty ] && [ -z "$paint" ] && continue
	reps=$reps_tmux
	[ "$way" = pty ] && reps=$reps_pty
	i=0
	while [ "$i" -lt "$reps" ]; do
		for conf in $confs; do
			launch "$way" "$conf"
		done
		i=$((i + 1))
	done
done

# ms WAY CONF: the median time of a configuration in ms, or a word.
ms() {
	if [ "${2#h_}" != "$2" ] && [ -z "$hexedit" ]; then
		echo skipped
		return
	fi
	# shellcheck disable=SC2046
	t=$(median $(get "$1_$2_ns"))
	case $t in
	failed) echo failed ;;
	*) awk -v ns="$t" 'BEGIN { printf "%.3f", ns / 1e6 }' ;;
	esac
}

# peak CONF: the highest VmHWM of a configuration in tmux, or a word.
peak() {
	if [ "${1#h_}" != "$1" ] && [ -z "$hexedit" ]; then
		echo skipped
		return
	fi
	# shellcheck disable=SC2046
	maximum $(get "tmux_$1_kib")
}

# label SIZE: the words for a size.
label() {
	case $1 in
	1k) echo "1 KiB" ;;
	1g) echo "1 GiB, in page cache" ;;
	1gcold) echo "1 GiB, cold (evicted)" ;;
	64g) echo "64 GiB sparse" ;;
	esac
}

# ms_cell MS [FLOOR]: "1.52 ms (+0.61 vs floor)", or the word given.
ms_cell() {
	case $1 in
	failed | skipped) echo "$1" ;;
	*) awk -v t="$1" -v f="${2:-}" 'BEGIN {
		if (f ~ /^[0-9.]+$/)
			printf "%.2f ms (%+.2f vs floor)", t, t - f
		else
			printf "%.2f ms", t }' ;;
	esac
}

# kib_cell KIB: "2.5 MiB", or the word given.
kib_cell() {
	case $1 in
	failed | skipped) echo "$1" ;;
	*) awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }' ;;
	esac
}

# base_cell VALUE CELL: "hexedit CELL", or why there is none.
base_cell() {
	case $1 in
	skipped) echo "skipped: no hexedit (apt-get install hexedit)" ;;
	failed) echo "hexedit failed" ;;
	*) echo "hexedit $2" ;;
	esac
}

status=0
for way in tmux pty; do
	if [ "$way" = pty ] && [ -z "$paint" ]; then
		echo "| open-to-paint (pty) | skipped | cannot build the" \
		    "driver with $CC | - | - |"
		continue
	fi
	reps=$reps_tmux
	[ "$way" = pty ] && reps=$reps_pty
	floor=$(ms "$way" floor)
	echo "| harness floor ($way: launch + wait for" \
	    "\`echo 00000000\`) | $(ms_cell "$floor") | - | - | - |"
	ref=$(ms "$way" m_1k)
	for size in $sizes; do
		m=$(ms "$way" "m_$size")
		h=$(ms "$way" "h_$size")
		[ "$m" = failed ] && status=1
		target=-
		[ "$size" = 64g ] && target="<= ${target_paint}x of 1 KiB"
		if [ "$size" = 1k ]; then
			ratio="(reference)"
		else
			ratio=$(awk -v a="$m" -v b="$ref" -v t="$target_paint" \
			    -v judged="$target" 'BEGIN {
				if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/) {
					print "-"
					exit
				}
				miss = ""
				if (judged != "-" && a / b > t)
					miss = " (MISSED)"
				printf "%.2fx of 1 KiB%s", a / b, miss }')
		fi
		echo "| open-to-paint $(label "$size") ($way, median of" \
		    "$reps) |" \
		    "$(ms_cell "$m" "$floor") |" \
		    "$(base_cell "$h" "$(ms_cell "$h")") | $ratio | $target |"
	done
done

for size in $sizes; do
	m=$(peak "m_$size")
	h=$(peak "h_$size")
	[ "$m" = failed ] && status=1
	ratio=$(awk -v a="$m" -v b="$h" -v t="$target_rss_kib" 'BEGIN {
		if (a !~ /^[0-9]+$/) {
			print "-"
			exit
		}
		miss = a < t ? "" : " (MISSED)"
		if (b ~ /^[0-9]+$/)
			printf "%.2fx of hexedit%s", a / b, miss
		else
			print miss == "" ? "-" : "MISSED" }')
	echo "| peak RSS (VmHWM) $(label "$size") | $(kib_cell "$m") |" \
	    "$(base_cell "$h" "$(kib_cell "$h")") | $ratio |" \
	    "< $((target_rss_kib / 1024)) MiB |"
done
exit "$status"
