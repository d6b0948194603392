# shellcheck shell=sh
# lib.sh: drives the real maphex binary inside a private tmux server.
#
# Sourced by the terminal tests.  Each test gets its own tmux socket and
# scratch directory, both removed on exit.  Tests skip (exit 77) where
# tmux is missing.

command -v tmux >/dev/null 2>&1 || { echo "tmux not installed: skip"; exit 77; }
: "${MAPHEX:?MAPHEX must name the maphex binary}"

T_DIR=$(mktemp -d /tmp/maphex-term-XXXXXX)
T_SOCK="$T_DIR/tmux.sock"
T_FAILS=0
T_CHECKS=0
export ASAN_OPTIONS="${ASAN_OPTIONS:-handle_sigbus=0}"

# Ends a maphex that is still running with SIGTERM (SIGKILL if it
# lingers) before the tmux server goes, so no test leaves one behind
# that lost its terminal.
t_cleanup() {
	t_left=$(t_pid 2>/dev/null)
	if [ -n "$t_left" ]; then
		kill -TERM "$t_left" 2>/dev/null
		t_n=0
		while kill -0 "$t_left" 2>/dev/null && [ $t_n -lt 20 ]; do
			sleep 0.1
			t_n=$((t_n + 1))
		done
		kill -KILL "$t_left" 2>/dev/null
	fi
	tmux -S "$T_SOCK" kill-server 2>/dev/null
	rm -rf "$T_DIR"
}
trap t_cleanup EXIT

# t_start ARGS...: runs maphex ARGS in a 100x30 pane; its exit status
# lands in $T_DIR/status when it ends.
t_start() {
	t_launch "$@"
	t_wait_for 'READ-ONLY\|DIRECT\|PREVIEW\|empty\|too small' || true
}

t_keys() {
	tmux -S "$T_SOCK" send-keys "$@"
	sleep 0.15
}

# t_type TEXT: types TEXT literally.
t_type() {
	tmux -S "$T_SOCK" send-keys -l "$1"
	sleep 0.15
}

t_screen() {
	tmux -S "$T_SOCK" capture-pane -p
}

t_status_line() {
	t_screen | sed -n 30p
}

t_resize() {
	tmux -S "$T_SOCK" resize-window -x "$1" -y "$2"
	sleep 0.3
}

# t_wait_for PATTERN: waits up to 5 s for the screen to match (grep).
t_wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		t_screen | grep -q -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# t_wait_exit: waits up to 5 s for maphex to end; prints its status.
t_wait_exit() {
	i=0
	while [ $i -lt 50 ] && [ ! -s "$T_DIR/status" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	cat "$T_DIR/status" 2>/dev/null || echo "still running"
}

t_ok() {
	T_CHECKS=$((T_CHECKS + 1))
	if [ "$1" = 0 ]; then
		echo "ok: $2"
	else
		echo "FAIL: $2"
		t_screen | sed 's/^/  | /'
		T_FAILS=$((T_FAILS + 1))
	fi
}

# t_expect PATTERN WHAT: the screen matches PATTERN (waits for it).
t_expect() {
	t_wait_for "$1"
	t_ok $? "$2"
}

# t_expect_not PATTERN WHAT: the screen does not match PATTERN now.
t_expect_not() {
	if t_screen | grep -q -- "$1"; then t_ok 1 "$2"; else t_ok 0 "$2"; fi
}

t_done() {
	echo "$((T_CHECKS - T_FAILS)) passed, $T_FAILS failed"
	[ "$T_FAILS" = 0 ]
}

# t_pid: prints the pid of the program the pane runs (the child of the
# pane's shell), or nothing once it has ended.
t_pid() {
	[ -s "$T_DIR/status" ] && return 0
	t_pane=$(tmux -S "$T_SOCK" display-message -p '#{pane_pid}')
	pgrep -P "$t_pane" | head -n 1
}

# t_pane_fmt FORMAT: prints a tmux format for the pane, e.g.
# '#{alternate_on}' (1 while a full-screen program owns the terminal)
# or '#{pane_tty}'.
t_pane_fmt() {
	tmux -S "$T_SOCK" display-message -p "$1"
}

# t_tty_sane: the pane's terminal is back in cooked mode (echo and
# canonical input on, as a shell leaves it) and off the alternate
# screen; returns 0 if so.
t_tty_sane() {
	t_tty=$(t_pane_fmt '#{pane_tty}')
	t_modes=$(stty -a <"$t_tty" 2>/dev/null) || return 1
	[ "$(t_pane_fmt '#{alternate_on}')" = 0 ] &&
	    printf '%s\n' "$t_modes" | tr ' ' '\n' | grep -qx icanon &&
	    printf '%s\n' "$t_modes" | tr ' ' '\n' | grep -qx echo
}

# t_launch ARGS...: like t_start, but does not wait for maphex to draw
# (for runs that are expected to fail at once).  maphex runs inside the
# scratch directory, so whatever it is told to write (a saved selection
# named by random keys, say) is removed with it.
t_launch() {
	rm -f "$T_DIR/status"
	tmux -S "$T_SOCK" -f /dev/null new-session -d -x 100 -y 30 -c "$T_DIR" \
	    "$MAPHEX $* 2>$T_DIR/stderr; echo \$? >$T_DIR/status; sleep 30"
}
