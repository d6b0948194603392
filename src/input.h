/*
 * input.h: where a key goes.
 *
 * One key at a time, in this order: an open prompt takes it, then the
 * help screen, then a quoted insert types it, then the key table names
 * a command to run, and a key bound to nothing may type a byte.
 */
#ifndef MAPHEX_INPUT_H
#define MAPHEX_INPUT_H

struct session;

/* Handles one key (a keymap int); returns SESSION_ flags. */
int	input_key(struct session *, int key);

#endif
