# shellcheck shell=sh
# lib.sh: drives the real maphex binary inside a private tmux server.
#
# Sourced by the terminal tests.  Each test gets its own scratch
# directory and each maphex run its own tmux server and socket in it,
# all removed on exit, so test scripts can run in parallel.  Tests skip
# (exit 77) where tmux is missing.
#
# Nothing here sleeps a fixed time per key: after sending keys, t_keys
# polls every 20 ms until maphex has read them and is idle again (see
# t_settle), t_resize until maphex has seen the new size, and t_expect
# polls the screen until it matches.  T_TIMEOUT (seconds, default 20,
# for a sanitizer build on a busy machine) bounds every wait for keys,
# a screen, a size or an exit; T_QUIET (polls, default 8) is how long a
# screen is watched for a change where /proc cannot tell that maphex
# read its keys.  Every maphex runs in a tmux server of its own, on a
# new socket (see t_launch).

command -v tmux >/dev/null 2>&1 || { echo "tmux not installed: skip"; exit 77; }
: "${MAPHEX:?MAPHEX must name the maphex binary}"

T_DIR=$(mktemp -d /tmp/maphex-term-XXXXXX)
T_SOCK="$T_DIR/tmux.sock"
T_FAILS=0
T_CHECKS=0
T_PID=
T_TTY=
: "${T_TIMEOUT:=20}"
: "${T_QUIET:=8}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-handle_sigbus=0}"

t_cleanup() {
	t_end_server
	rm -rf "$T_DIR"
}
trap t_cleanup EXIT

# t_end_server: ends a maphex that is still running with SIGTERM
# (SIGKILL if it lingers) before the tmux server goes, so none is left
# behind that lost its terminal; then ends the server.
t_end_server() {
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
}

# t_start ARGS...: runs maphex ARGS in a 100x30 pane; its exit status
# lands in $T_DIR/status when it ends.
t_start() {
	t_launch "$@"
	t_poll t_drawn || true
}

# t_keys KEY...: sends the keys (tmux names: C-x, M-u, Enter...) and
# waits for maphex to deal with them (t_settle).
# An Esc that ends the keys is a key of its own only if nothing follows
# within maphex's Esc wait (60 ms, UI_ESC_WAIT_MS in ui_curses.c): it
# has been read, but the next keys must wait longer than that, and
# until maphex has left that wait (t_esc_taken): on a busy machine it
# may get to run only well after its 60 ms, and then still takes a key
# that is there by then as the Esc's.
t_keys() {
	t_mark
	tmux -S "$T_SOCK" send-keys "$@"
	t_sync
	t_settle
	t_last=
	eval "t_last=\${$#}"
	if [ "$t_last" = Escape ]; then
		sleep 0.15
		t_poll t_esc_taken || true
	fi
}

# t_esc_taken: maphex is not in its wait for the key after an Esc (a
# poll of one descriptor for 60 ms, 0x3c: syscall 7 in /proc on x86-64;
# its main loop waits 0, 30 or 500 ms) and is idle.  True once it has
# ended or where /proc says nothing.
t_esc_taken() {
	[ -n "$T_PID" ] || return 0
	read -r e_nr _ e_n e_ms _ 2>/dev/null <"/proc/$T_PID/syscall" ||
	    return 0
	[ "$e_nr" != running ] || return 1
	[ "$e_nr $e_n $e_ms" != "7 0x1 0x3c" ] && ! t_busy
}

# t_send KEY...: sends the keys as t_keys does, but waits only until
# maphex has read them, not until it is idle again: for keys that start
# a long search, or reach one running, which could be over by then.
t_send() {
	t_mark
	tmux -S "$T_SOCK" send-keys "$@"
	t_sync
	[ -z "$t_mark_reads" ] || t_poll t_read_keys || true
}

# t_type TEXT: types TEXT literally, then waits as t_keys does.
t_type() {
	t_mark
	tmux -S "$T_SOCK" send-keys -l "$1"
	t_sync
	t_settle
}

# t_reads: sets t_reads to the number of read calls maphex has made
# (syscr in /proc/PID/io); false where /proc does not tell.
t_reads() {
	t_reads=
	[ -n "$T_PID" ] || T_PID=$(t_pid 2>/dev/null)
	[ -n "$T_PID" ] || return 1
	while read -r t_k t_v; do
		[ "$t_k" = syscr: ] && t_reads=$t_v
	done 2>/dev/null <"/proc/$T_PID/io"
	[ -n "$t_reads" ]
}

# t_busy: maphex is running or waiting to run (state R in /proc) or in
# a disk wait (D), so it may not have drawn everything yet.  False
# where /proc says nothing.
t_busy() {
	[ -n "$T_PID" ] || T_PID=$(t_pid 2>/dev/null)
	[ -n "$T_PID" ] || return 1
	read -r t_stat 2>/dev/null <"/proc/$T_PID/stat" || return 1
	t_stat=${t_stat##*) }
	case ${t_stat%% *} in R|D) return 0 ;; esac
	return 1
}

# t_mark: notes what t_settle compares with: maphex's read count where
# /proc has it, else the screen.
t_mark() {
	t_mark_screen=
	t_reads && t_mark_reads=$t_reads && return 0
	t_mark_reads=
	t_mark_screen=$(t_screen)
}

# t_settle: polls every 20 ms after keys were sent.  Returns once
# maphex has read them (or has ended) and is idle again (blocked: it
# has drawn and waits for more input).  tmux hands keys on when its
# loop gets to them, so on a busy machine that can take a while, and
# no count of quiet polls may stand in for it: the read is waited for
# up to T_TIMEOUT s.  Idle is waited for 100 polls at most, as a long
# search stays busy and reads its keys as it goes.  Where /proc cannot
# tell, returns once the screen differs from the one t_mark saw;
# otherwise after T_QUIET quiet polls (a screen the keys leave alone)
# or at most 100 polls.  A later t_expect still waits for what it
# needs.
t_settle() {
	s_n=0
	if [ -n "$t_mark_reads" ]; then
		t_poll t_read_keys || return 0
		while [ $s_n -lt 100 ] && t_busy; do
			sleep 0.02
			s_n=$((s_n + 1))
		done
		return 0
	fi
	s_quiet=0
	while [ $s_n -lt 100 ] && [ $s_quiet -lt "$T_QUIET" ]; do
		sleep 0.02
		s_n=$((s_n + 1))
		[ "$(t_screen)" != "$t_mark_screen" ] && return 0
		s_quiet=$((s_quiet + 1))
	done
	return 0
}

# t_sync: one more round trip to the tmux server.  tmux may answer
# send-keys before it has written the keys to the pane's terminal; by
# the time it answers the next command, it has.
t_sync() {
	tmux -S "$T_SOCK" display-message -p '' >/dev/null 2>&1
}

# t_read_keys: maphex has read since t_mark and left nothing in its
# terminal's input queue (a read of the file on a tick must not pass
# for the keys'), or has ended.
t_read_keys() {
	t_reads || return 0
	[ "$t_reads" != "$t_mark_reads" ] && [ "$(t_unread)" = 0 ]
}

# t_unread: prints how many bytes wait in the input queue of the pane's
# terminal (FIONREAD, 0x541B on Linux, through perl); 0 where that
# cannot be told.
t_unread() {
	[ -n "$T_TTY" ] || T_TTY=$(t_pane_fmt '#{pane_tty}' 2>/dev/null)
	perl -e 'open(my $t, "<", $ARGV[0]) or exit 1;
	    my $n = pack("L", 0); ioctl($t, 0x541B, $n) or exit 1;
	    print unpack("L", $n), "\n";' "$T_TTY" 2>/dev/null || echo 0
}

# t_idle: waits until maphex is idle and two captures of the screen 20
# ms apart are the same, e.g. before asserting that something is not
# on it; 100 polls at most, as a screen with a search's progress on it
# keeps changing.
t_idle() {
	i_prev=$(t_screen)
	i_n=0
	while [ $i_n -lt 100 ]; do
		sleep 0.02
		i_n=$((i_n + 1))
		i_cur=$(t_screen)
		[ "$i_cur" = "$i_prev" ] && ! t_busy && return 0
		i_prev=$i_cur
	done
	return 0
}

t_screen() {
	tmux -S "$T_SOCK" capture-pane -p
}

t_status_line() {
	t_screen | sed -n 30p
}

# t_resize COLS ROWS: resizes the pane and waits until maphex has taken
# the new size: tmux sets the terminal's size a while after it answers
# (later still on a busy machine), and a key sent before then would
# reach maphex at the old size.
t_resize() {
	tmux -S "$T_SOCK" resize-window -x "$1" -y "$2"
	t_poll t_size_is "$2 $1" || true
	t_poll t_sig_taken 0x8000000 || true
	t_idle
}

# t_size_is "ROWS COLS": the pane's terminal has that size now.
t_size_is() {
	[ "$(stty size <"$(t_pane_fmt '#{pane_tty}')" 2>/dev/null)" = "$1" ]
}

# t_sig_taken MASK: maphex has no signal waiting whose bit is in MASK
# (the low word of SigPnd and ShdPnd in /proc: signal N is bit N-1, so
# SIGWINCH is 0x8000000 and SIGPIPE 0x1000) and is idle; true once it
# has ended or where /proc says nothing.
t_sig_taken() {
	[ -n "$T_PID" ] || T_PID=$(t_pid 2>/dev/null)
	[ -n "$T_PID" ] || return 0
	w_pending=0
	while read -r w_k w_v; do
		case $w_k in
		SigPnd:|ShdPnd:)
			w_low=${w_v#????????}
			w_pending=$((w_pending | (0x$w_low & $1))) ;;
		esac
	done 2>/dev/null <"/proc/$T_PID/status"
	[ "$w_pending" = 0 ] && ! t_busy
}

# t_poll COMMAND...: runs COMMAND every 20 ms until it succeeds (0) or
# T_TIMEOUT seconds have passed (1).  The clock, not a count of polls,
# bounds the wait, so a loaded machine gets the same time.
t_poll() {
	p_end=$(($(date +%s) + T_TIMEOUT))
	p_n=0
	while ! "$@"; do
		p_n=$((p_n + 1))
		[ $((p_n % 10)) = 0 ] && [ "$(date +%s)" -gt "$p_end" ] &&
		    return 1
		sleep 0.02
	done
	return 0
}

# t_matches PATTERN: the screen matches PATTERN (grep) now.
t_matches() {
	t_screen | grep -q -- "$1"
}

# t_drawn: maphex has drawn its status line (the last row is not
# blank) or has ended.
t_drawn() {
	[ -s "$T_DIR/status" ] || t_screen | sed -n '$p' | grep -q '[^ ]'
}

# t_wait_for PATTERN: waits up to T_TIMEOUT s for the screen to match
# (grep), polling every 20 ms.
t_wait_for() {
	t_poll t_matches "$1"
}

# t_ended: maphex has ended and its status is written.
t_ended() {
	[ -s "$T_DIR/status" ]
}

# t_wait_exit: waits up to T_TIMEOUT s for maphex to end; prints its
# status.
t_wait_exit() {
	t_poll t_ended
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

# t_expect_not PATTERN WHAT: the screen, once settled (t_idle), does
# not match PATTERN.
t_expect_not() {
	t_idle
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
# named by random keys, say) is removed with it.  Each run gets a new
# tmux server on a new socket, the last one's ended first: a server
# told to go is on its way out for a while, and a session started on
# its socket meanwhile fails ("server exited unexpectedly").
t_launch() {
	t_end_server
	t_runs=$((${t_runs:-0} + 1))
	T_SOCK="$T_DIR/tmux$t_runs.sock"
	rm -f "$T_DIR/status"
	T_PID=
	T_TTY=
	tmux -S "$T_SOCK" -f /dev/null new-session -d -x 100 -y 30 -c "$T_DIR" \
	    "$MAPHEX $* 2>$T_DIR/stderr; echo \$? >$T_DIR/status; sleep 30"
	T_TTY=$(t_pane_fmt '#{pane_tty}' 2>/dev/null)
}

# t_bytes FILE OFFSET N: the N bytes at OFFSET as hex, no spaces.
t_bytes() {
	od -An -v -tx1 -j "$2" -N "$3" "$1" | tr -d ' \n'
}

# t_bytes_are FILE OFFSET N WANT: the N bytes at OFFSET are WANT (hex,
# no spaces) now; t_poll t_bytes_are waits for them.
t_bytes_are() {
	[ "$(t_bytes "$1" "$2" "$3")" = "$4" ]
}
