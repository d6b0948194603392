#!/bin/sh
# readonly_fuzz.sh: a few hundred random keys in read-only mode leave
# the file's bytes and mtime exactly as they were.
# shellcheck source=lib.sh
. "${TESTLIB:-$(dirname "$0")/lib.sh}"

f="$T_DIR/evidence.bin"
head -c 65536 /dev/urandom >"$f"
touch -d '2020-01-02 03:04:05' "$f"
sum_before=$(sha256sum <"$f")
mtime_before=$(stat -c %Y "$f")

t_start -r "$f"
t_expect 'READ-ONLY' "opened read-only"

# Every key but the ones that end or stop the program, and '/': the
# save-selection prompt writes a new file wherever its path points, and
# maphex runs in the scratch directory, so paths must stay relative.
set -- Up Down Left Right PageUp PageDown Home End Tab Enter Escape BSpace \
    DC F1 F2 F4 F5 F6 F7 F8 F9 F11 F12 C-a C-b C-e C-f C-g C-h C-l C-n \
    C-p C-q C-r C-s C-t C-u C-v C-w C-y C-_ M-u M-w M-y M-i M-t M-v \
    0 1 2 3 4 5 6 7 8 9 a b c d e f A F x y z '?' n N g G j k '<' '>' \
    ' ' '.' '+' '-' ff 00 de
n=$#
seed=${SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d " ")}
echo "seed $seed"
i=0
while [ $i -lt 300 ]; do
	seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
	k=$(( seed / 65536 % n + 1 ))
	key=
	eval "key=\${$k}"
	tmux -S "$T_SOCK" send-keys -- "$key"
	i=$((i + 1))
done
t_idle
# Esc alone closes any prompt or the help screen; Ctrl-L then clears
# the message, so the status line must show the mode again.
t_keys Escape
t_keys Escape
t_keys C-l
t_keys C-l
t_expect ' READ-ONLY  ' "maphex still runs after 300 random keys"
[ ! -s "$T_DIR/status" ]
t_ok $? "it did not exit"

t_keys C-c
t_wait_exit >/dev/null
sum_after=$(sha256sum <"$f")
mtime_after=$(stat -c %Y "$f")
[ "$sum_before" = "$sum_after" ]
t_ok $? "bytes unchanged (sha256)"
[ "$mtime_before" = "$mtime_after" ]
t_ok $? "mtime unchanged"
t_done
