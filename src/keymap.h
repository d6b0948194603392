/*
 * keymap.h: which key runs which named command.
 *
 * Keys are plain ints independent of any terminal library: a character,
 * a Ctrl combination (its control code), one of the KEYMAP_ specials,
 * or KEYMAP_META plus a key for Esc-prefixed keys.  The table here is
 * the only place bindings live; the help screen and --keys are printed
 * from it.
 */
#ifndef MAPHEX_KEYMAP_H
#define MAPHEX_KEYMAP_H

#include <stddef.h>

#define KEYMAP_CTRL(c)	((c) & 0x1f)
#define KEYMAP_META	0x100000
#define KEYMAP_F(n)	(KEYMAP_F0 + (n))
#define KEYMAP_ESC	0x1b

enum {
	KEYMAP_UP = 0x10000,
	KEYMAP_DOWN,
	KEYMAP_LEFT,
	KEYMAP_RIGHT,
	KEYMAP_PGUP,
	KEYMAP_PGDN,
	KEYMAP_HOME,
	KEYMAP_END,
	KEYMAP_BACKSPACE,
	KEYMAP_DELETE,
	KEYMAP_RESIZE,
	KEYMAP_HANGUP,		/* the terminal went away */
	KEYMAP_UNKNOWN,		/* a key sequence maphex does not know */
	KEYMAP_PASTE,		/* a bracketed paste, read and dropped */
	KEYMAP_LOST,		/* keys typed during a scan were dropped */
	KEYMAP_INSERT,
	KEYMAP_F0 = 0x10100
};

/* Where a binding applies. */
#define KEYMAP_ALL	0	/* everywhere */
#define KEYMAP_HEXPANE	1	/* only while the hex pane is active */
#define KEYMAP_LESS	2	/* only in read-only mode (less keys) */
#define KEYMAP_INSPECTOR 3	/* only while the inspector pane is active */

/* The active pane, as keymap_lookup() takes it. */
#define KEYMAP_PANE_TEXT	0
#define KEYMAP_PANE_HEX		1
#define KEYMAP_PANE_INSPECT	2

struct keymap_entry {
	int		 key;
	const char	*command;
	int		 where;
};

/* The binding table, ended by an entry whose command is NULL. */
extern const struct keymap_entry keymap_table[];

/*
 * Returns the command bound to key for the given pane (KEYMAP_PANE_)
 * and mode, or NULL when the key is unbound there (the caller may then
 * type it).  The inspector pane's own keys come before all others.
 */
const char	*keymap_lookup(int key, int pane, int readonly);

/* Writes a key's name ("Ctrl-F", "Esc-V", "F6", "PgDn") into buf. */
void	keymap_key_name(int key, char *buf, size_t len);

/*
 * Writes the names of every key bound to command, joined by ", ", into
 * buf; returns the number of keys.  Bindings limited to read-only mode
 * are included only when less is non-zero.
 */
int	keymap_keys_for(const char *command, int less, char *buf,
	    size_t len);

#endif
