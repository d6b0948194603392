#!/bin/sh
#
# bench_stdin.sh: 1 GiB through a pipe into maphex, shown while it
# arrives.
#
# A benchmark, not a test: it runs `head -c 1G /dev/zero | maphex` in
# a private tmux server, presses Right nine times while the input
# arrives and times each from send-keys to the cursor's new offset on
# the screen, then times the input to "end of input".  The baseline is
# the same pipe into cat writing to /dev/shm, in the same run.  Prints
# rows for tests/bench/run; a skip row without tmux.

: "${MAPHEX:?MAPHEX must name the maphex binary}"

if ! command -v tmux >/dev/null 2>&1; then
	echo "| stdin 1 GiB | skipped | tmux not found | - | - |"
	exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-bench-stdin.XXXXXX") || exit 1
sock="$tmp/tmux.sock"
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

now() {
	date +%s%N
}

# shows PATTERN: the screen matches PATTERN now.
shows() {
	tmux -S "$sock" capture-pane -p | grep -q -- "$1"
}

# wait_for PATTERN: polls every 5 ms, for at most 120 s; 1 on timeout.
wait_for() {
	w_end=$(($(date +%s) + 120))
	while ! shows "$1"; do
		[ "$(date +%s)" -gt "$w_end" ] && return 1
		sleep 0.005
	done
	return 0
}

t0=$(now)
tmux -S "$sock" -f /dev/null new-session -d -x 100 -y 30 -c "$tmp" \
    "head -c 1073741824 /dev/zero | $MAPHEX 2>$tmp/err; sleep 60"
wait_for 'reading stdin' || exit 1
: >"$tmp/lat"
i=1
while [ $i -le 9 ]; do
	k0=$(now)
	tmux -S "$sock" send-keys Right
	wait_for "0x0*$i ($i)" || exit 1
	echo $((($(now) - k0) / 1000000)) >>"$tmp/lat"
	i=$((i + 1))
done
early=$(shows 'end of input' && echo "(the input ended first)")
wait_for 'end of input' || exit 1
t1=$(now)
tmux -S "$sock" send-keys C-x d
c0=$(now)
head -c 1073741824 /dev/zero | cat >/dev/shm/maphex-bench-stdin.$$
c1=$(now)
rm -f /dev/shm/maphex-bench-stdin.$$
sort -n "$tmp/lat" >"$tmp/sorted"
awk -v m=$((t1 - t0)) -v c=$((c1 - c0)) 'BEGIN {
	printf "| stdin 1 GiB into the memfd, shown | %.2f s | cat to " \
	    "/dev/shm %.2f s | %.2fx | - |\n", m / 1e9, c / 1e9, m / c
}'
printf '| a key while 1 GiB arrives (9 keys) | median %s ms | max %s ms %s | - | target < 100 ms |\n' \
    "$(sed -n 5p "$tmp/sorted")" "$(sed -n 9p "$tmp/sorted")" "$early"
