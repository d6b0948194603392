#!/bin/sh
# safety.sh: nothing is written that the user did not type, and maphex
# always ends cleanly.  Key sequences maphex does not know (rxvt, CSI-u,
# xterm modifiers, bracketed paste, and F10 under TERM=dumb) are
# consumed whole and never typed; while the terminal is too small only
# quit and redraw act; SIGINT and SIGQUIT end maphex like SIGTERM, with
# the terminal restored and one line on stderr; SIGPIPE is ignored.
# Every check ends with the file's bytes compared.
# shellcheck source-path=SCRIPTDIR source=lib.sh disable=SC1091
. "${TESTLIB:-$(dirname "$0")/lib.sh}"

orig="$T_DIR/orig.bin"
f="$T_DIR/f.bin"
i=0
while [ $i -lt 64 ]; do
	printf '0123456789abcdef'
	i=$((i + 1))
done >"$orig"

same() {
	cmp -s "$1" "$2"
	t_ok $? "$3"
}

# ---------------------------------------------------------------------
# Unknown sequences, in both panes: nothing typed, "ignored" said.
cp "$orig" "$f"
t_start -w "$f"
for pane in hex text; do
	for seq in '\033Oa' '\033[57;5u' '\033[1;9A' '\033[99;99~' \
	    '\033[200~4142\033[201~'; do
		t_type "$(printf "$seq")"
		t_expect 'ignored' "$pane pane: $seq is ignored"
		t_expect_not 'unsaved' "$pane pane: $seq types nothing"
	done
	t_keys Tab
done
t_keys C-q
t_type "$(printf '\033[57;5u')"
t_expect 'unknown key sequence' "after Ctrl-Q an unknown sequence is still ignored"
t_expect_not 'unsaved' "and nothing is typed"
t_keys C-x
t_wait_exit >/dev/null
same "$f" "$orig" "unknown sequences left the file as it was"

# Under TERM=dumb, F10 arrives as a raw sequence: it must not type.
cp "$orig" "$f"
printf '#!/bin/sh\nTERM=dumb exec "%s" "$@"\n' "$MAPHEX" >"$T_DIR/dumb"
chmod +x "$T_DIR/dumb"
real=$MAPHEX
MAPHEX="$T_DIR/dumb"
t_start -w "$f"
MAPHEX=$real
t_type "$(printf '\033[21~')"
t_expect 'ignored' "TERM=dumb: F10's sequence is ignored"
t_expect_not 'unsaved' "TERM=dumb: F10 types nothing"
t_keys C-x
t_wait_exit >/dev/null
same "$f" "$orig" "TERM=dumb: the file is unchanged"

# ---------------------------------------------------------------------
# Too small: typing, prompts and help do nothing; quit still asks.
cp "$orig" "$f"
t_start -w -c 16 "$f"
t_keys 4 1
t_expect '\*\* 1 unsaved' "one edit before the terminal shrinks"
t_resize 30 5
t_expect 'terminal too small' "a 30-column terminal is too small"
t_keys 7 7 C-s F1 Enter
t_expect 'only quit' "keys other than quit and redraw are refused"
t_resize 100 30
t_keys C-l
t_expect '\*\* 1 unsaved' "back at full size: still one edit"
t_expect_not 'Search\|Go to\|maphex keys' "no prompt or help opened"
t_resize 30 5
t_keys F10
t_expect '(s)ave' "quit asks while too small"
t_keys d
s=$(t_wait_exit)
is_ok=1
[ "$s" = 0 ] && is_ok=0
t_ok $is_ok "discard quits (status $s)"
same "$f" "$orig" "too small: nothing typed, the edit discarded"
t_resize 100 30

# ---------------------------------------------------------------------
# SIGINT and SIGQUIT end maphex as SIGTERM does; SIGPIPE is ignored.
for sig in INT QUIT; do
	cp "$orig" "$f"
	t_start -w "$f"
	t_keys 4 1
	t_expect '\*\* 1 unsaved' "one edit before SIG$sig"
	pid=$(t_pid)
	[ -n "$pid" ] && kill -PIPE "$pid"
	t_poll t_sig_taken 0x1000
	[ -n "$(t_pid)" ]
	t_ok $? "SIGPIPE does not end maphex"
	[ -n "$pid" ] && kill -"$sig" "$pid"
	s=$(t_wait_exit)
	[ "$s" = 0 ]
	t_ok $? "SIG$sig ends maphex with status 0 (got $s)"
	t_tty_sane
	t_ok $? "SIG$sig restores the terminal"
	[ "$(wc -l <"$T_DIR/stderr")" = 1 ] &&
	    grep -q "ended by SIG$sig: 1 changed byte saved" "$T_DIR/stderr"
	t_ok $? "SIG$sig prints one line: $(cat "$T_DIR/stderr")"
	[ "$(od -An -tx1 -N1 "$f" | tr -d ' ')" = 41 ]
	t_ok $? "SIG$sig in direct mode: the edit is in the file"
done

t_done
