#!/bin/sh
# faults.sh: the file changing size under maphex, a save that fails
# (ulimit -f), and paths that cannot be opened (a directory, a FIFO, a
# socket, /dev/null, a missing path).
# shellcheck source-path=SCRIPTDIR source=lib.sh disable=SC1091
. "${TESTLIB:-$(dirname "$0")/lib.sh}"

# Short relative names keep the status line clear of the path.
cd "$T_DIR" || exit 1

# is GOT WANT WHAT
is() {
	if [ "$1" = "$2" ]; then
		t_ok 0 "$3"
	else
		t_ok 1 "$3 (got '$1', want '$2')"
	fi
}

# running WHAT: maphex has not ended.
running() {
	[ ! -s "$T_DIR/status" ] && [ -n "$(t_pid)" ]
	t_ok $? "$1"
}

# within_1s PATTERN WHAT: the screen matches PATTERN within a second.
within_1s() {
	w_i=0
	while [ $w_i -lt 50 ]; do
		t_screen | grep -q -- "$1" && break
		sleep 0.02
		w_i=$((w_i + 1))
	done
	t_screen | grep -q -- "$1"
	t_ok $? "$2"
}

head -c 65536 /dev/zero | tr '\0' 'x' >orig.bin
printf 'END!' | dd of=orig.bin bs=1 seek=65532 conv=notrunc status=none

# ---------------------------------------------------------------------
# The file shrinks while maphex shows its end.
cp orig.bin shrink.bin
t_start -r shrink.bin
t_keys '>'
t_expect '^0000fff0  .*|xxxxxxxxxxxxEND!|' "the end of the file is shown"
truncate -s 32768 shrink.bin
t_expect '??\|file size changed from 65536 to 32768' \
    "after a shrink the screen shows ?? or the status says the size changed"
running "maphex did not die of the shrink"
t_keys C-l
t_expect 'READ-ONLY  shrink.bin  0x00007fff (32767) / 0x8000 (32768)  100%' \
    "after a redraw the status follows the new size, cursor on the new last byte"
t_expect '^00007ff0  78 ' "the new last row is drawn"
t_expect_not '^0000fff0\|^00008000\|??' "nothing past the new end, no ?? left"
t_keys '<' '>'
t_expect '0x00007fff (32767)' "> goes to the new end"
t_keys C-x
is "$(t_wait_exit)" 0 "quits normally"

# Direct mode, with an unsaved edit that the shrink cuts off.
cp orig.bin shrink.bin
t_start shrink.bin
t_keys '>' Left Left Left
t_keys 4 1
t_expect '\*\* 1 unsaved' "an unsaved edit near the end"
truncate -s 32768 shrink.bin
t_expect 'file shrank to 32768 bytes' "direct mode: the status says the file shrank"
running "maphex did not die of the shrink in direct mode"
t_keys C-l
t_expect '/ 0x8000 (32768)' "the status follows the new size"
t_keys C-x
t_expect '(s)ave, (d)iscard, (c)ancel' "the cut-off edit still counts as unsaved"
t_keys d
is "$(t_wait_exit)" 0 "discard quits"
is "$(wc -c <shrink.bin | tr -d ' ')" 32768 "discard did not write past the new end"

# The file shrinks under a running search, whose reads then fault
# (SIGBUS).  Preview mode with an unsaved edit scans every page of a
# sparse file, which takes long enough to truncate it meanwhile.
for size in 8G 4G 2G; do
	rm -f sparse.img
	truncate -s $size sparse.img
	t_start -p sparse.img
	[ -s "$T_DIR/status" ] || break
	echo "note: no private mapping of $size: $(cat "$T_DIR/stderr")"
done
t_expect ' PREVIEW  ' "a $size sparse file in preview"
t_keys 4 1
t_keys C-s
t_type 'de ad be ef 01'
t_send Enter
t_expect 'searching\.\.\.' "a long search runs"
truncate -s 1M sparse.img
t_expect 'search stopped: .*shrank to 1048576 bytes' \
    "the search stops and says the file shrank"
running "maphex did not die of SIGBUS during the search"
t_keys C-l
t_expect '/ 0x100000 (1048576)' "the status follows the new size"
t_expect '^00000000  41 00 ' "the unsaved edit is still shown"
t_keys C-c
is "$(t_wait_exit)" 0 "Ctrl-C quits"
rm -f sparse.img

# ---------------------------------------------------------------------
# The file grows: noticed within a second, the cursor stays.
cp orig.bin grow.bin
t_start -r grow.bin
t_keys Down Down Right
t_expect '0x00000021 (33)' "cursor at 33"
head -c 4096 /dev/zero | tr '\0' 'y' >>grow.bin
within_1s 'file size changed from 65536 to 69632' \
    "a file growing under maphex is noticed within a second"
t_keys C-l
t_expect 'grow.bin  0x00000021 (33) / 0x11000 (69632)' \
    "the status shows the new size; the cursor stays on its offset"
t_keys '>'
t_expect '^00010ff0  79 79 ' "the new bytes can be shown"
t_expect '0x00010fff (69631)' "> goes to the new end"
t_keys C-x
t_wait_exit >/dev/null

# ---------------------------------------------------------------------
# A failing save in preview: ulimit -f 1 (512 bytes) makes the pwrite
# near the end of a 64 KiB file fail with EFBIG.
cp orig.bin limit.bin
real_maphex=$MAPHEX
cat >limited <<EOF
#!/bin/sh
ulimit -f 1 || exit 99
exec $real_maphex "\$@"
EOF
chmod +x limited
MAPHEX="$T_DIR/limited"
t_start -p limit.bin
t_expect ' PREVIEW  ' "preview under ulimit -f 1"
t_keys '>' Left Left
t_keys 0 0
t_expect '\*\* 1 unsaved' "one unsaved byte near the end"
t_keys F2
t_expect 'save failed, edits kept' "F2 says 'save failed, edits kept'"
t_expect 'save failed, edits kept.*File too large' "with the reason (EFBIG)"
t_expect_not 'save failed, edits kept.*save failed, edits kept' \
    "and says it once"
t_keys C-l
t_expect '\*\* 1 unsaved' "the unsaved count stays"
cmp -s limit.bin orig.bin
t_ok $? "the file is untouched"
t_keys C-x
t_expect '(s)ave, (d)iscard, (c)ancel' "quit still asks"
t_keys s
t_expect 'save failed, edits kept' "s fails the same way and does not quit"
running "maphex still runs after the failed save"
t_keys C-c
is "$(t_wait_exit)" 0 "Ctrl-C quits"
cmp -s limit.bin orig.bin
t_ok $? "the file is still untouched"
MAPHEX=$real_maphex

# ---------------------------------------------------------------------
# Paths that cannot be opened: one line on stderr naming the path and
# the reason, exit status 2, nothing drawn, nothing blocks.
mkdir adir
mkfifo afifo
have_sock=0
if command -v python3 >/dev/null 2>&1 &&
    python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])' asock 2>/dev/null && [ -S asock ]; then
	have_sock=1
fi

# bad PATH REASON: the checks for one path that cannot be opened.
bad() {
	# In a terminal (tmux): the real open error.
	t_launch "$1"
	is "$(t_wait_exit)" 2 "$1: exit status 2 in a terminal"
	is "$(wc -l <"$T_DIR/stderr" | tr -d ' ')" 1 "$1: one line on stderr"
	grep -q -- "$1.*$2" "$T_DIR/stderr"
	t_ok $? "$1: it names the path and says '$2': $(cat "$T_DIR/stderr")"
	! t_screen | grep -q '[^ ]'
	t_ok $? "$1: nothing drawn on the terminal"
	[ "$(t_pane_fmt '#{alternate_on}')" = 0 ]
	t_ok $? "$1: the terminal was not taken over"
	# Without a terminal.
	timeout 10 "$MAPHEX" "$1" </dev/null >out 2>err
	is $? 2 "$1: exit status 2 without a terminal"
	is "$(wc -l <err | tr -d ' ')" 1 "$1: one line on stderr without a terminal"
	grep -q -- "$1" err
	t_ok $? "$1: it names the path: $(cat err)"
	[ ! -s out ]
	t_ok $? "$1: nothing on stdout"
	# Non-interactive.
	timeout 10 "$MAPHEX" --dump "$1" >out 2>err
	is $? 2 "$1: --dump exits 2"
	is "$(wc -l <err | tr -d ' ')" 1 "$1: --dump: one line on stderr"
	grep -q -- "$1.*$2" err
	t_ok $? "$1: --dump names the path and the reason: $(cat err)"
}

bad adir 'directory'
bad afifo 'FIFO'
if [ $have_sock = 1 ]; then
	bad asock 'socket'
else
	echo "skip: no python3 to make a socket"
fi
bad /dev/null 'character device'
bad missing.bin 'No such file'

t_done
