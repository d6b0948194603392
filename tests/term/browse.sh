#!/bin/sh
# browse.sh: open, move, go to, resize, help and quit in the real binary.
# shellcheck source=lib.sh
. "${TESTLIB:-$(dirname "$0")/lib.sh}"

f="$T_DIR/data.bin"
head -c 100000 /dev/urandom >"$f"
printf '\177ELF' | dd of="$f" conv=notrunc status=none
printf 'TAIL' | dd of="$f" bs=1 seek=99996 conv=notrunc status=none

t_start -r "$f"
t_expect '^00000000  7f 45 4c 46 ' "first row shows the ELF magic"
t_expect "READ-ONLY  $f  0x00000000 (0) / 0x186a0 (100000)  0%" \
    "status line: mode, file, offset, size, percent"

t_keys Right Right Down
t_expect '0x00000012 (18)' "arrows move the cursor"
t_keys C-f C-n
t_expect '0x00000023 (35)' "Ctrl-F and Ctrl-N move too"
t_keys End
t_expect '0x0000002f (47)' "End goes to the row end"
t_keys Home
t_expect '0x00000020 (32)' "Home goes to the row start"
t_keys PageDown
t_expect '0x000001f0 (496)' "PgDn moves a screen (29 rows)"
t_expect '^000001d0  ' "the view scrolled with it"
t_keys PageUp
t_expect '0x00000020 (32)' "PgUp moves back"
t_keys '>'
t_expect '0x0001869f (99999)' "> goes to the last byte"
t_expect 'TAIL|$' "the last row is drawn"
t_keys '<'
t_expect '0x00000000 (0)' "< goes to the first byte"

t_keys Enter
t_expect 'Go to offset (0x1f, 31' "Return opens the go-to prompt"
t_type 0x1f; t_keys Enter
t_expect '0x0000001f (31)' "go to 0x1f"
t_keys C-g; t_type +16; t_keys Enter
t_expect '0x0000002f (47)' "go to +16"
t_keys F4; t_type end-16; t_keys Enter
t_expect '0x00018690 (99984)' "go to end-16"
t_keys Enter; t_type 50%; t_keys Enter
t_expect '0x0000c350 (50000)' "go to 50%"
t_keys Enter; t_type nonsense; t_keys Enter
t_expect 'not a' "garbage gets a message"
t_keys Right
t_expect '0x0000c351 (50001)' "and no jump"

t_keys Tab
t_expect '\[text\]' "Tab switches to the text pane"
t_keys Tab

t_keys F1
t_expect 'maphex keys' "F1 shows the help screen"
t_expect 'PgDn, Ctrl-V, F6, Space' "help is generated from the keymap"
t_keys x
t_expect_not 'maphex keys' "any key closes help"

t_resize 12 12
t_expect '^terminal too' "a tiny terminal says so"
t_resize 100 30
t_expect '^0000c350  ' "resize back relayouts at once"

t_keys q
t_ok "$([ "$(t_wait_exit)" = 0 ]; echo $?)" "q quits with status 0"

# -s, -c and -m.
t_start -r -s 0x100 -c 8 "$f"
t_expect '^00000100  ' "-s starts at the offset"
t_expect '0x00000100 (256)' "-s puts the cursor there"
t_keys Right Right Right Right Right Right Right Right
t_expect '0x00000108 (264)' "-c 8: eight bytes a row"
t_keys C-x
t_wait_exit >/dev/null

t_start -r -m "$f"
t_resize 140 30
t_expect '^00000018  ' "-m fits 24 bytes a row in 140 columns"
t_resize 100 30
t_expect '^00000010  ' "and 16 after shrinking to 100"
t_keys C-x
t_wait_exit >/dev/null

# Empty file and errors.
: >"$T_DIR/empty"
t_start "$T_DIR/empty"
t_expect 'empty' "an empty file opens and says so"
t_keys C-x
t_wait_exit >/dev/null

t_done
