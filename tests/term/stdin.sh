#!/bin/sh
# stdin.sh: input that is not a mappable file.  maphex - reads stdin
# into an anonymous file and shows it while it arrives (a FIFO the test
# writes to, so each stage is seen without sleeping): keys work
# meanwhile, edits wait, Ctrl-C does not quit; at the end it is
# editable, F2 saves it under a name (then cmp), and quitting asks
# while it was never saved.  A real pipe with no FILE, -r, a read
# error, stdin a terminal, and a /proc file (read-only, says why).
# Stdin that is a file is mapped, not copied (< read-only, <> direct);
# an endless producer's copy stops at the limit and says so.
# shellcheck source-path=SCRIPTDIR source=lib.sh disable=SC1091
. "${TESTLIB:-$(dirname "$0")/lib.sh}"

fifo="$T_DIR/in"
mkfifo "$fifo" || exit 99

# feed_start ARGS...: runs maphex ARGS with stdin from the FIFO and
# opens the FIFO's write end as descriptor 3.
feed_start() {
	t_launch "$@" "<in"
	exec 3>"$fifo"
	t_poll t_drawn || true
}

# ---------------------------------------------------------------------
# maphex -: the bytes show as they arrive; keys work meanwhile.
feed_start -
printf abc >&3
t_expect '00000000  61 62 63  ' "abc shows while stdin is still open"
t_expect 'reading stdin' "the status line says stdin is being read"
t_keys Right
t_expect 'READ-ONLY  (stdin)  0x00000001 (1) / 0x3 (3)' \
    "a key moves the cursor while reading; the file is named (stdin)"
t_keys 4
t_expect 'still reading (stdin): edits wait' "an edit waits for the end"
t_keys C-c
t_expect 'never saved: (s)ave as' "Ctrl-C asks instead of quitting"
t_keys c
printf def >&3
t_expect '00000000  61 62 63 64 65 66  ' "then abcdef"
t_keys Left Right
t_expect '/ 0x6 (6)' "the size grows on the status line"
exec 3>&-
t_expect 'stdin: 6 bytes, end of input' "the end of the input is said"
t_keys 4 1
t_expect '61 41 63 64 65 66' "after the end the bytes can be edited"
t_expect 'DIRECT  (stdin)' "in direct mode"
t_keys F10
t_expect 'The input was never saved: (s)ave as, (d)iscard' \
    "quitting asks while the input was never saved"
t_keys c
t_expect_not 'never saved:' "c cancels the quit"
t_keys F2
t_expect 'Save the input as' "F2 asks for a file name"
t_type saved.bin
t_keys Enter
t_expect 'saved 6 bytes as saved.bin' "saved as a file"
printf 'aAcdef' | cmp -s - "$T_DIR/saved.bin"
t_ok $? "the saved file holds the input with the edit"
t_keys F10
status=$(t_wait_exit)
[ "$status" = 0 ]
t_ok $? "once saved, quitting does not ask (status $status)"

# ---------------------------------------------------------------------
# No FILE and stdin a FIFO: stdin is read.  Quitting asks; d discards.
feed_start
printf 'xyz' >&3
exec 3>&-
t_expect '78 79 7a' "no FILE with stdin a pipe reads stdin"
t_expect 'end of input' "to its end"
t_keys C-x
t_expect 'never saved' "Ctrl-X asks"
t_keys d
status=$(t_wait_exit)
[ "$status" = 0 ]
t_ok $? "d quits discarding (status $status)"

# ---------------------------------------------------------------------
# A real pipe, -r: read-only, q quits without asking.
real=$MAPHEX
MAPHEX="printf 'hello' | $real"
t_start -r
MAPHEX=$real
t_expect '68 65 6c 6c 6f' "cmd | maphex -r shows the bytes"
t_expect 'end of input' "and their end"
t_keys 4
t_expect 'read-only mode' "-r refuses edits after the end too"
t_keys q
status=$(t_wait_exit)
[ "$status" = 0 ]
t_ok $? "q quits a read-only copy without asking (status $status)"

# ---------------------------------------------------------------------
# A read error is one line on the status line, and the keys go on.
t_start - "</"
t_expect 'cannot read: Is a directory (0 bytes read)' "a read error is said"
t_keys C-x
t_keys d
status=$(t_wait_exit)
[ "$status" = 0 ]
t_ok $? "and maphex quits (status $status)"

# maphex - with stdin the terminal: a usage error, not a hang.
t_launch -
status=$(t_wait_exit)
[ "$status" = 2 ] && grep -q 'stdin is a terminal' "$T_DIR/stderr"
t_ok $? "maphex - on a terminal: exit 2 and why ($(cat "$T_DIR/stderr"))"

# ---------------------------------------------------------------------
# maphex < FILE: the file itself is mapped, not copied: a 64 GiB sparse
# file shows at once with its size (a copy would stop at the 1 MiB
# limit), read-only since stdin was opened so.
if truncate -s 64G "$T_DIR/big.bin" 2>/dev/null && printf 'END' |
    dd of="$T_DIR/big.bin" bs=1 seek=$((64 * 1024 * 1024 * 1024 - 3)) \
    conv=notrunc 2>/dev/null; then
	real=$MAPHEX
	MAPHEX="MAPHEX_INPUT_LIMIT=1M $real"
	t_start "<big.bin"
	MAPHEX=$real
	t_expect 'stdin is a file open read-only (<> opens it for writing' \
	    "the status line says why it is read-only"
	t_keys Right Left
	t_expect 'READ-ONLY  (stdin)  0x000000000 (0) / 0x1000000000 (68719476736)' \
	    "maphex < a 64 GiB file shows it whole, read-only"
	t_keys '>'
	t_expect '00 00 00 00 00 00 00 00  00 00 00 00 00 45 4e 44  |.............END|' \
	    "its last bytes are there at once"
	t_keys 4
	t_expect 'read-only: stdin is a file open read-only' \
	    "an edit says why it is read-only"
	t_keys q
	status=$(t_wait_exit)
	[ "$status" = 0 ]
	t_ok $? "q quits without asking (status $status)"
	rm -f "$T_DIR/big.bin"
fi

# maphex - <> FILE: stdin open for writing is edited in place.
printf 'abcd' >"$T_DIR/rw.bin"
t_start - "<>rw.bin"
t_expect 'DIRECT  (stdin)' "stdin opened read-write is direct"
t_keys 4 1 F2
t_expect 'saved 1 changed byte' "F2 flushes into the file"
printf 'Abcd' | cmp -s - "$T_DIR/rw.bin"
t_ok $? "the file holds the edit"
t_keys C-x
status=$(t_wait_exit)
[ "$status" = 0 ]
t_ok $? "quits (status $status)"

# An endless producer: the copy stops at the limit and says so.
real=$MAPHEX
MAPHEX="yes | MAPHEX_INPUT_LIMIT=1M $real"
t_start -r
MAPHEX=$real
t_expect 'stopped reading at 1 MiB (MAPHEX_INPUT_LIMIT); the rest of the input is not' \
    "yes | maphex stops at the limit and says so"
t_keys Right
t_expect 'READ-ONLY  (stdin)  0x00000001 (1) / 0x100000 (1048576)' \
    "holding exactly the limit"
t_keys q
status=$(t_wait_exit)
[ "$status" = 0 ]
t_ok $? "q quits (status $status)"

# ---------------------------------------------------------------------
# A /proc file says it is empty and is not: a read-only copy.
t_start /proc/version
t_expect '|Linux version' "/proc/version shows its bytes"
t_keys 4
t_expect 'read-only: /proc file copied at open' "and says why it is read-only"
t_keys q
status=$(t_wait_exit)
[ "$status" = 0 ]
t_ok $? "q quits (status $status)"

# A real empty file still opens empty and editable.
: >"$T_DIR/empty.bin"
t_start "$T_DIR/empty.bin"
t_expect 'empty.bin is empty' "an empty file opens empty"
t_keys 4 2
t_expect 'DIRECT' "in direct mode"
t_keys F2
t_keys C-x
t_wait_exit >/dev/null
printf 'B' | cmp -s - "$T_DIR/empty.bin"
t_ok $? "and typing appends to it"

t_done
