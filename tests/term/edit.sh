#!/bin/sh
# edit.sh: the edit layer through the real binary.  Types in the hex
# and text panes, undoes, redoes, saves, quits each way, truncates,
# kills and signals maphex in direct, preview and read-only mode, and
# checks the file's bytes against exactly what is expected (cmp, od)
# both while maphex runs and after it ends.
# shellcheck source-path=SCRIPTDIR source=lib.sh disable=SC1091
. "${TESTLIB:-$(dirname "$0")/lib.sh}"

# The content: "0123456789abcdef" repeated, so no byte typed below
# (0x12 0xab 0x7f 'h' 'i' 0x01 0x13 0xee ...) is already there.
orig="$T_DIR/orig.bin"
i=0
while [ $i -lt 512 ]; do
	printf '0123456789abcdef'
	i=$((i + 1))
done >"$orig"

# put FILE OFFSET HEX...: writes the bytes into FILE at OFFSET.
put() {
	p_file=$1
	p_off=$2
	shift 2
	p_s=
	for p_h in "$@"; do
		p_s="$p_s$(printf '\\0%03o' "0x$p_h")"
	done
	printf '%b' "$p_s" |
	    dd of="$p_file" bs=1 seek="$p_off" conv=notrunc status=none
}

# at FILE OFFSET N: the N bytes at OFFSET as hex, no spaces.
at() {
	od -An -v -tx1 -j "$2" -N "$3" "$1" | tr -d ' \n'
}

# same FILE1 FILE2 WHAT: the two files are byte for byte equal.
same() {
	cmp -s "$1" "$2"
	t_ok $? "$3"
}

# is BYTES EXPECTED WHAT
is() {
	if [ "$1" = "$2" ]; then
		t_ok 0 "$3"
	else
		t_ok 1 "$3 (got $1, want $2)"
	fi
}

# at_is FILE OFFSET N WANT: the N bytes at OFFSET are WANT now.
at_is() {
	[ "$(at "$1" "$2" "$3")" = "$4" ]
}

# is_at FILE OFFSET N WANT WHAT: the N bytes at OFFSET become WANT
# (hex, no spaces) within T_TIMEOUT s.
is_at() {
	t_poll at_is "$@"
	is "$(at "$1" "$2" "$3")" "$4" "$5"
}

# status_is EXIT WHAT: maphex ended (within 5 s) with status EXIT.
status_is() {
	s_got=$(t_wait_exit)
	is "$s_got" "$1" "$2"
}

# ---------------------------------------------------------------------
# Direct mode (the default on a writable file).
f="$T_DIR/direct.bin"
cp "$orig" "$f"
t_start "$f"
t_expect ' DIRECT  ' "a writable file opens in direct mode by default"

t_keys 1
is_at "$f" 0 1 10 "the first hex digit sets the high nibble (0x30 -> 0x10), in the file at once"
t_expect '0x00000000 (0)' "after one digit the cursor stays on the byte"
t_keys 2
is_at "$f" 0 1 12 "the second digit sets the low nibble"
t_expect '0x00000001 (1)' "after two digits the cursor moves on"
t_keys a B 7
is_at "$f" 1 2 ab72 "upper-case digits type too; a half-typed byte (0x32 -> 0x72) is in the file"
t_keys f
is_at "$f" 0 3 12ab7f "three bytes typed in the hex pane"
t_expect '\*\* 3 unsaved' "status: ** 3 unsaved"

t_keys Tab
t_type hi
is_at "$f" 3 2 6869 "Tab goes to the text pane, where keys type their bytes"
t_keys C-q C-a
t_keys Tab
t_keys C-q C-s
t_expect_not 'Search' "Ctrl-Q Ctrl-S types 0x13 instead of searching"
exp="$T_DIR/exp.bin"
cp "$orig" "$exp"
put "$exp" 0 12 ab 7f 68 69 01 13
is_at "$f" 0 8 12ab7f6869011337 "text keys and quoted Ctrl-A / Ctrl-S land in the file"
same "$f" "$exp" "another process (cmp) sees exactly the edits while maphex runs"
t_expect '^00000000  12 ab 7f 68 69 01 13 37 ' "the row shows the new bytes"
t_expect '|...hi..789abcdef|' "the text column shows them too"
t_expect '\*\* 7 unsaved' "status: ** 7 unsaved"

t_keys F2
t_expect 'saved 7 changed bytes' "F2 saves: 'saved 7 changed bytes'"
t_keys C-l
t_expect ' DIRECT  .*0x00000007 (7)' "the status line is back after the message"
t_expect_not 'unsaved' "no unsaved count after the save"
same "$f" "$exp" "the file holds the saved bytes"
saved1="$T_DIR/saved1.bin"
cp "$exp" "$saved1"

# Undo and redo, each seen in the file at once.
t_keys BSpace
t_expect 'undo: 1 unsaved' "Backspace undoes after a save: a new unsaved change"
is_at "$f" 6 1 36 "the undone byte is back in the file"
t_keys C-h
t_expect 'undo: 2 unsaved' "Ctrl-H undoes one more step"
is_at "$f" 5 1 35 "its byte is back"
t_keys BSpace
t_expect 'undo: 3 unsaved' "Backspace undoes one more step"
is_at "$f" 3 4 68343536 "the text-pane byte is back"
t_keys M-u
t_expect 'redo: 2 unsaved' "Esc-U (M-u) redoes"
is_at "$f" 4 1 69 "the redone byte is in the file"
t_keys Escape u
t_expect 'redo: 1 unsaved' "Escape then u redoes too"
is_at "$f" 5 1 01 "and its byte is in the file"
t_keys C-u
t_expect 'undo all: 0 unsaved' "Ctrl-U undoes all unsaved changes"
same "$f" "$saved1" "after Ctrl-U the file is exactly as at the last save"
t_keys C-l
t_expect_not 'unsaved' "nothing unsaved after Ctrl-U"

# Quit: cancel, then discard rolls back to the last save.
t_keys Enter
t_type 0x100
t_keys Enter
t_expect '0x00000100 (256)' "go to 0x100"
t_keys e e 0 1
is_at "$f" 256 2 ee01 "two more bytes typed"
t_keys F10
t_expect '(s)ave, (d)iscard, (c)ancel' "F10 with unsaved changes asks save / discard / cancel"
t_keys c
t_expect 'cancelled' "c cancels the quit"
t_idle
[ ! -s "$T_DIR/status" ]
t_ok $? "maphex still runs after cancel"
is "$(at "$f" 256 2)" ee01 "cancel keeps the edits"
t_keys C-x
t_expect '(s)ave, (d)iscard, (c)ancel' "Ctrl-X asks too"
t_keys d
status_is 0 "d quits with status 0"
same "$f" "$saved1" "discard in direct mode leaves the file exactly as at the last save"

# Save and quit with s; -w names direct mode explicitly.
t_start -w "$f"
t_expect ' DIRECT  ' "-w opens in direct mode"
t_keys '>'
t_keys 4 2
t_keys C-x
t_expect '(s)ave, (d)iscard, (c)ancel' "quit asks"
t_keys s
status_is 0 "s saves and quits with status 0"
cp "$saved1" "$exp"
put "$exp" 8191 42
same "$f" "$exp" "the saved last byte is in the file"
cp "$exp" "$saved1"

# Ctrl-C quits discarding.
t_start "$f"
t_keys Tab
t_type XYZ
is_at "$f" 0 3 58595a "typed bytes are in the file"
t_keys C-c
status_is 0 "Ctrl-C quits with status 0"
same "$f" "$saved1" "Ctrl-C discarded them: the file is as saved"

# Ctrl-W saves; kill -9 afterwards keeps the save.
t_start "$f"
t_keys 9 9
t_keys C-w
t_expect 'saved 1 changed byte' "Ctrl-W saves"
pid=$(t_pid)
[ -n "$pid" ] && kill -9 "$pid"
status_is 137 "kill -9 ends maphex"
put "$exp" 0 99
same "$f" "$exp" "after kill -9 the file keeps what was saved"
cp "$exp" "$saved1"

# ---------------------------------------------------------------------
# Preview mode: nothing reaches the file until F2.
g="$T_DIR/preview.bin"
cp "$orig" "$g"
t_start -p "$g"
t_expect ' PREVIEW  ' "-p opens in preview mode"
t_keys d e a d
t_keys Tab
t_type ok
t_expect '^00000000  de ad 6f 6b ' "the preview shows the edits"
t_expect '\*\* 4 unsaved' "status: ** 4 unsaved"
same "$g" "$orig" "while maphex runs the file is untouched"
t_keys F2
t_expect 'saved 4 changed bytes' "F2 commits the preview"
pexp="$T_DIR/pexp.bin"
cp "$orig" "$pexp"
put "$pexp" 0 de ad 6f 6b
same "$g" "$pexp" "after F2 the file holds exactly the edits"
t_type zz
t_expect '\*\* 2 unsaved' "two more edits"
same "$g" "$pexp" "the new edits are not in the file"
t_keys F10
t_expect '(s)ave, (d)iscard, (c)ancel' "quit asks in preview"
t_keys d
status_is 0 "discard quits"
same "$g" "$pexp" "discard in preview leaves the file as at the last save"

t_start -p "$g"
t_keys 0 0 0 0
t_keys C-c
status_is 0 "Ctrl-C quits the preview"
same "$g" "$pexp" "Ctrl-C in preview leaves the file untouched"

t_start -p "$g"
t_keys f f f f
t_expect '\*\* 2 unsaved' "two edits in preview"
pid=$(t_pid)
[ -n "$pid" ] && kill -9 "$pid"
status_is 137 "kill -9 ends the preview"
same "$g" "$pexp" "kill -9 in preview leaves the file untouched"

t_start -p "$g"
t_keys '>'
t_keys 4 1
t_keys F10
t_keys s
status_is 0 "s saves and quits the preview"
put "$pexp" 8191 41
same "$g" "$pexp" "the preview's edit was committed"

# ---------------------------------------------------------------------
# Read-only mode: every edit key is refused.
r="$T_DIR/ro.bin"
cp "$orig" "$r"
t_start -r "$r"
t_expect ' READ-ONLY  ' "-r opens read-only"
t_keys 1
t_expect 'read-only' "a hex digit gets a read-only message"
t_keys Tab
t_type x
t_expect 'read-only' "a text key gets a read-only message"
t_keys C-q
t_expect 'read-only' "Ctrl-Q gets a read-only message"
t_keys C-l C-u
t_expect 'read-only' "Ctrl-U gets a read-only message"
t_keys C-l F2
t_expect 'read-only' "F2 gets a read-only message"
t_keys C-l
t_expect_not 'unsaved' "nothing is unsaved"
same "$r" "$orig" "the file is unchanged"
t_keys C-x
status_is 0 "Ctrl-X quits read-only at once"

# ---------------------------------------------------------------------
# SIGTERM: the terminal is restored; direct keeps the edits in the
# file, preview leaves it untouched.
cp "$orig" "$f"
t_start "$f"
t_keys c 0 f f
t_expect '\*\* 2 unsaved' "two edits before SIGTERM"
is "$(t_pane_fmt '#{alternate_on}')" 1 "maphex owns the alternate screen while it runs"
pid=$(t_pid)
[ -n "$pid" ] && kill -TERM "$pid"
s=$(t_wait_exit)
[ "$s" != "still running" ]
t_ok $? "SIGTERM ends maphex (status $s)"
t_tty_sane
t_ok $? "SIGTERM in direct mode restores the terminal"
[ "$(wc -l <"$T_DIR/stderr")" = 1 ] &&
    grep -q 'ended by SIGTERM: 2 changed bytes saved' "$T_DIR/stderr"
t_ok $? "and prints one line on stderr: $(cat "$T_DIR/stderr")"
cp "$orig" "$exp"
put "$exp" 0 c0 ff
same "$f" "$exp" "SIGTERM in direct mode: the edits are in the file"

cp "$orig" "$f"
t_start "$f"
t_keys Tab
t_type hup
t_expect '\*\* 3 unsaved' "three edits before SIGHUP"
pid=$(t_pid)
[ -n "$pid" ] && kill -HUP "$pid"
s=$(t_wait_exit)
[ "$s" != "still running" ]
t_ok $? "SIGHUP ends maphex (status $s)"
t_tty_sane
t_ok $? "SIGHUP in direct mode restores the terminal"
cp "$orig" "$exp"
put "$exp" 0 68 75 70
same "$f" "$exp" "SIGHUP in direct mode: the edits are in the file"

cp "$orig" "$g"
t_start -p "$g"
t_keys c 0 f f
t_expect '\*\* 2 unsaved' "two edits in preview before SIGTERM"
pid=$(t_pid)
[ -n "$pid" ] && kill -TERM "$pid"
s=$(t_wait_exit)
[ "$s" != "still running" ]
t_ok $? "SIGTERM ends the preview (status $s)"
t_tty_sane
t_ok $? "SIGTERM in preview restores the terminal"
same "$g" "$orig" "SIGTERM in preview: the file is untouched"

# ---------------------------------------------------------------------
# A file without write permission opens read-only and says why.
ro_dir="$T_DIR/perm"
mkdir "$ro_dir"
chmod 0755 "$T_DIR" "$ro_dir"
nw="$ro_dir/nowrite.bin"
cp "$orig" "$nw"
chmod 0444 "$nw"
run_as=
if [ "$(id -u)" = 0 ]; then
	if setpriv --reuid=65534 --regid=65534 --clear-groups \
	    "$MAPHEX" --version >/dev/null 2>&1; then
		run_as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	else
		run_as=none
	fi
fi
if [ "$run_as" = none ]; then
	# As root the open would succeed; setpriv drops to nobody.
	echo "skip: cannot run maphex as an unprivileged user (setpriv)"
else
	real_maphex=$MAPHEX
	[ -n "$run_as" ] && MAPHEX="$run_as $MAPHEX"
	t_start "$nw"
	t_expect 'read-only: Permission denied' "a file without write permission opens read-only and says why"
	t_keys C-l
	t_expect ' READ-ONLY  ' "the status line names the mode READ-ONLY"
	t_expect "READ-ONLY  .*nowrite.bin  .*Permission denied" "the reason stays on the status line (a long path is cut from the left)"
	t_keys 1
	t_expect 'read-only.*Permission denied' "an edit key is refused, with the reason"
	t_keys C-x
	status_is 0 "quits"
	same "$nw" "$orig" "the file is unchanged"

	t_start -w "$nw"
	t_expect 'read-only: Permission denied' "-w on a file without write permission opens read-only too, saying why"
	t_keys C-x
	status_is 0 "quits"

	t_start -p "$nw"
	t_keys C-l
	t_expect ' PREVIEW  ' "-p on an unwritable file still previews"
	t_keys 5 5
	t_expect '\*\* 1 unsaved' "and can edit"
	t_keys F2
	t_expect 'Permission denied' "but F2 says it cannot save, and why"
	t_keys C-l
	t_expect '\*\* 1 unsaved' "the edit is kept"
	t_keys C-c
	status_is 0 "Ctrl-C quits"
	same "$nw" "$orig" "the file is unchanged"
	MAPHEX=$real_maphex
fi

# ---------------------------------------------------------------------
# Fill: a ?? wildcard is refused and writes nothing; bytes repeat.
h="$T_DIR/fill.bin"
cp "$orig" "$h"
t_start "$h"
t_keys F9 Right Right Right F12
t_type 'ab ??'
t_keys Enter
t_expect 'fill pattern cannot contain ??' "fill refuses a ?? wildcard"
same "$h" "$orig" "and writes nothing"
t_keys F12
t_type 'ab 00'
t_keys Enter
is_at "$h" 0 5 ab00ab0034 "fill repeats its bytes over the selection only"
t_keys C-c
status_is 0 "Ctrl-C quits"
same "$h" "$orig" "and rolls the fill back"

# ---------------------------------------------------------------------
# Truncate (Esc-T): direct mode only, asks first, cannot be undone.
tr="$T_DIR/trunc.bin"
texp="$T_DIR/trunc.exp"
cp "$orig" "$tr"
t_start "$tr"
t_keys Enter
t_type 0x1000
t_keys Enter
t_expect '0x00001000 (4096)' "go to 0x1000 before truncating"
t_keys M-t
t_expect 'Truncate to 4096 bytes? This cannot be undone (y/n)' "Esc-T asks before truncating at the cursor"
t_keys n
t_expect 'cancelled' "n cancels the truncate"
same "$tr" "$orig" "a cancelled truncate leaves the file exactly as it was"
t_keys Escape T
t_expect 'Truncate to 4096 bytes?' "Escape then T asks too"
t_keys Escape
t_expect_not 'Truncate to' "Esc closes the question"
same "$tr" "$orig" "and the file is untouched"
t_keys M-t
t_expect 'Truncate to 4096 bytes?' "asked again"
t_keys y
t_expect 'truncated to 4096 bytes' "y truncates: 'truncated to 4096 bytes'"
is "$(wc -c <"$tr" | tr -d ' ')" 4096 "the file is 4096 bytes long"
head -c 4096 "$orig" >"$texp"
same "$tr" "$texp" "the bytes before the cursor are kept, byte for byte"
t_keys C-l
t_expect '/ 0x1000 (4096)' "the status line shows the new size"
t_expect '0x00000fff (4095)' "the cursor moves onto the new last byte"
t_keys BSpace
t_expect 'nothing to undo' "truncate cannot be undone: Backspace has nothing to undo"
is "$(wc -c <"$tr" | tr -d ' ')" 4096 "the file stays 4096 bytes long"
t_keys 4 1
is_at "$tr" 4095 1 41 "an edit after the truncate lands in the file"
t_keys M-t
t_expect 'save first (F2): truncate cannot be undone' "with unsaved changes Esc-T says to save first"
t_keys C-l
t_expect_not 'Truncate to' "and does not ask"
put "$texp" 4095 41
same "$tr" "$texp" "the file keeps its size and the edit"
t_keys F2
t_expect 'saved 1 changed byte' "F2 saves"
t_keys '<'
t_keys M-t
t_expect 'Truncate to 0 bytes?' "Esc-T at offset 0 asks to empty the file"
t_keys y
t_expect 'truncated to 0 bytes' "y empties it"
is "$(wc -c <"$tr" | tr -d ' ')" 0 "the file is empty"
t_keys C-x
status_is 0 "Ctrl-X quits after truncating, with nothing to save"
is "$(wc -c <"$tr" | tr -d ' ')" 0 "the file is still empty after quitting"

cp "$orig" "$tr"
t_start -r "$tr"
t_keys '>'
t_keys M-t
t_expect 'read-only' "read-only mode refuses Esc-T with a message"
t_expect_not 'Truncate to' "without asking"
t_keys C-x
status_is 0 "quits"
same "$tr" "$orig" "read-only: the file is untouched"

t_start -p "$tr"
t_keys '>'
t_keys M-t
t_expect 'truncate works only on files in direct mode (-w)' "preview mode refuses Esc-T with a message"
t_expect_not 'Truncate to' "without asking"
t_keys C-x
status_is 0 "quits"
same "$tr" "$orig" "preview: the file is untouched"

t_done
