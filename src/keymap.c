/*
 * keymap.c: the key binding table and key names.
 *
 * hexedit's keys are the baseline; maphex adds to them and changes
 * none.  In read-only mode no key edits, so the keys of less are bound
 * as well.  Nothing here runs a command; it only names one.
 */
#include "config.h"

#include "keymap.h"

#include <stdio.h>
#include <string.h>

#define C(c)	KEYMAP_CTRL(c)
#define M(c)	(KEYMAP_META | (c))

static const char	*keymap_special_name(int);
static int		 keymap_listed(const char *, const char *);

const struct keymap_entry keymap_table[] = {
	/* First: in the inspector pane these win over the keys below. */
	{ KEYMAP_UP, "inspector-previous-row", KEYMAP_INSPECTOR },
	{ C('P'), "inspector-previous-row", KEYMAP_INSPECTOR },
	{ KEYMAP_DOWN, "inspector-next-row", KEYMAP_INSPECTOR },
	{ C('N'), "inspector-next-row", KEYMAP_INSPECTOR },
	{ '\r', "inspector-edit", KEYMAP_INSPECTOR },
	{ '\n', "inspector-edit", KEYMAP_INSPECTOR },
	{ 'e', "inspector-byte-order", KEYMAP_INSPECTOR },
	{ 'f', "inspector-follow", KEYMAP_INSPECTOR },
	{ M('D'), "inspector", KEYMAP_ALL },
	{ KEYMAP_LEFT, "backward-char", KEYMAP_ALL },
	{ C('B'), "backward-char", KEYMAP_ALL },
	{ KEYMAP_RIGHT, "forward-char", KEYMAP_ALL },
	{ C('F'), "forward-char", KEYMAP_ALL },
	{ KEYMAP_UP, "previous-line", KEYMAP_ALL },
	{ C('P'), "previous-line", KEYMAP_ALL },
	{ 'k', "previous-line", KEYMAP_LESS },
	{ KEYMAP_DOWN, "next-line", KEYMAP_ALL },
	{ C('N'), "next-line", KEYMAP_ALL },
	{ 'j', "next-line", KEYMAP_LESS },
	{ M(KEYMAP_RIGHT), "forward-block", KEYMAP_ALL },
	{ M('F'), "forward-block", KEYMAP_ALL },
	{ M(KEYMAP_LEFT), "backward-block", KEYMAP_ALL },
	{ M('B'), "backward-block", KEYMAP_ALL },
	{ M(KEYMAP_DOWN), "next-rows", KEYMAP_ALL },
	{ M('N'), "next-rows", KEYMAP_ALL },
	{ M(KEYMAP_UP), "previous-rows", KEYMAP_ALL },
	{ M('P'), "previous-rows", KEYMAP_ALL },
	{ KEYMAP_PGDN, "page-down", KEYMAP_ALL },
	{ C('V'), "page-down", KEYMAP_ALL },
	{ KEYMAP_F(6), "page-down", KEYMAP_ALL },
	{ ' ', "page-down", KEYMAP_LESS },
	{ KEYMAP_PGUP, "page-up", KEYMAP_ALL },
	{ M('V'), "page-up", KEYMAP_ALL },
	{ KEYMAP_F(5), "page-up", KEYMAP_ALL },
	{ 'b', "page-up", KEYMAP_LESS },
	{ M('L'), "page-from-cursor", KEYMAP_ALL },
	{ KEYMAP_HOME, "beginning-of-line", KEYMAP_ALL },
	{ C('A'), "beginning-of-line", KEYMAP_ALL },
	{ KEYMAP_END, "end-of-line", KEYMAP_ALL },
	{ C('E'), "end-of-line", KEYMAP_ALL },
	{ '<', "beginning-of-file", KEYMAP_HEXPANE },
	{ M('<'), "beginning-of-file", KEYMAP_ALL },
	{ M(KEYMAP_HOME), "beginning-of-file", KEYMAP_ALL },
	{ 'g', "beginning-of-file", KEYMAP_LESS },
	{ '>', "end-of-file", KEYMAP_HEXPANE },
	{ M('>'), "end-of-file", KEYMAP_ALL },
	{ M(KEYMAP_END), "end-of-file", KEYMAP_ALL },
	{ 'G', "end-of-file", KEYMAP_LESS },
	{ 'F', "follow", KEYMAP_LESS },
	{ '\r', "goto-offset", KEYMAP_ALL },
	{ '\n', "goto-offset", KEYMAP_ALL },
	{ C('G'), "goto-offset", KEYMAP_ALL },
	{ KEYMAP_F(4), "goto-offset", KEYMAP_ALL },
	{ M('M'), "set-bookmark", KEYMAP_ALL },
	{ M('J'), "jump-bookmark", KEYMAP_ALL },
	{ M(','), "back", KEYMAP_ALL },
	{ '\t', "switch-pane", KEYMAP_ALL },
	{ C('T'), "switch-pane", KEYMAP_ALL },
	{ C('Q'), "quoted-insert", KEYMAP_ALL },
	{ C('S'), "search-forward", KEYMAP_ALL },
	{ '/', "search-forward", KEYMAP_HEXPANE },
	{ '/', "search-forward", KEYMAP_LESS },
	{ C('R'), "search-backward", KEYMAP_ALL },
	{ '?', "search-backward", KEYMAP_LESS },
	{ M('/'), "search-next", KEYMAP_ALL },
	{ 'n', "search-next", KEYMAP_LESS },
	{ M('?'), "search-previous", KEYMAP_ALL },
	{ 'N', "search-previous", KEYMAP_LESS },
	{ KEYMAP_BACKSPACE, "undo", KEYMAP_ALL },
	{ C('H'), "undo", KEYMAP_ALL },
	{ 0x7f, "undo", KEYMAP_ALL },
	{ M('U'), "redo", KEYMAP_ALL },
	{ M(C('H')), "undo-bytes", KEYMAP_ALL },
	{ M(0x7f), "undo-bytes", KEYMAP_ALL },
	{ M(KEYMAP_BACKSPACE), "undo-bytes", KEYMAP_ALL },
	{ C('U'), "undo-all", KEYMAP_ALL },
	{ C('_'), "undo-all", KEYMAP_ALL },
	{ KEYMAP_F(2), "save", KEYMAP_ALL },
	{ C('W'), "save", KEYMAP_ALL },
	{ M('S'), "save-as", KEYMAP_ALL },
	{ C('O'), "open-file", KEYMAP_ALL },
	{ KEYMAP_F(3), "open-file", KEYMAP_ALL },
	{ KEYMAP_F(10), "quit", KEYMAP_ALL },
	{ C('X'), "quit", KEYMAP_ALL },
	{ 'q', "quit", KEYMAP_LESS },
	{ C('C'), "quit-discard", KEYMAP_ALL },
	{ 0, "mark-here", KEYMAP_ALL },
	{ KEYMAP_F(9), "set-mark", KEYMAP_ALL },
	{ M('W'), "copy", KEYMAP_ALL },
	{ KEYMAP_F(7), "copy", KEYMAP_ALL },
	{ KEYMAP_DELETE, "copy", KEYMAP_ALL },
	{ C('Y'), "paste", KEYMAP_ALL },
	{ KEYMAP_F(8), "paste", KEYMAP_ALL },
	{ KEYMAP_INSERT, "paste", KEYMAP_ALL },
	{ M('Y'), "save-selection", KEYMAP_ALL },
	{ KEYMAP_F(11), "save-selection", KEYMAP_ALL },
	{ M('I'), "fill-selection", KEYMAP_ALL },
	{ KEYMAP_F(12), "fill-selection", KEYMAP_ALL },
	{ M('T'), "truncate", KEYMAP_ALL },
	{ M('%'), "replace", KEYMAP_ALL },
	{ M('A'), "insert-mode", KEYMAP_ALL },
	{ C('D'), "delete", KEYMAP_ALL },
	{ M('E'), "resize", KEYMAP_ALL },
	{ M('C'), "copy-to-cursor", KEYMAP_ALL },
	{ KEYMAP_F(1), "help", KEYMAP_ALL },
	{ M('H'), "help", KEYMAP_ALL },
	{ C('L'), "redraw", KEYMAP_ALL },
	{ C('Z'), "suspend", KEYMAP_ALL },
	{ 0, NULL, 0 }
};

const char *
keymap_lookup(int key, int pane, int readonly)
{
	const struct keymap_entry	*e;

	for (e = keymap_table; e->command != NULL; e++) {
		if (e->key != key)
			continue;
		if (e->where == KEYMAP_HEXPANE && pane != KEYMAP_PANE_HEX &&
		    !readonly)
			continue;
		if (e->where == KEYMAP_INSPECTOR && pane != KEYMAP_PANE_INSPECT)
			continue;
		if (e->where == KEYMAP_LESS && !readonly)
			continue;
		return (e->command);
	}
	return (NULL);
}

static const char *
keymap_special_name(int key)
{
	static const struct {
		int		 key;
		const char	*name;
	} names[] = {
		{ KEYMAP_UP, "Up" }, { KEYMAP_DOWN, "Down" },
		{ KEYMAP_LEFT, "Left" }, { KEYMAP_RIGHT, "Right" },
		{ KEYMAP_PGUP, "PgUp" }, { KEYMAP_PGDN, "PgDn" },
		{ KEYMAP_HOME, "Home" }, { KEYMAP_END, "End" },
		{ KEYMAP_BACKSPACE, "Backspace" }, { KEYMAP_DELETE, "Delete" },
		{ KEYMAP_INSERT, "Insert" },
		{ '\r', "Return" }, { '\n', "Ctrl-J" }, { '\t', "Tab" },
		{ ' ', "Space" }, { 0, "Ctrl-Space" }, { 0x7f, "Backspace" },
		{ KEYMAP_UNKNOWN, "An unknown key sequence" },
		{ KEYMAP_PASTE, "Pasted text" },
		{ KEYMAP_LOST, "Keys typed meanwhile" },
	};
	size_t	i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key)
			return (names[i].name);
	return (NULL);
}

void
keymap_key_name(int key, char *buf, size_t len)
{
	const char	*name;
	char		 inner[32];

	if (key & KEYMAP_META) {
		keymap_key_name(key & ~KEYMAP_META, inner, sizeof inner);
		snprintf(buf, len, "Esc-%s", inner);
	} else if ((name = keymap_special_name(key)) != NULL)
		snprintf(buf, len, "%s", name);
	else if (key >= KEYMAP_F0 && key <= KEYMAP_F(12))
		snprintf(buf, len, "F%d", key - KEYMAP_F0);
	else if (key == KEYMAP_ESC)
		snprintf(buf, len, "Esc");
	else if (key > 0 && key < 0x20)
		snprintf(buf, len, "Ctrl-%c", key == 0x1f ? '_' : key + '@');
	else if (key > 0x20 && key < 0x7f)
		snprintf(buf, len, "%c", key);
	else
		snprintf(buf, len, "key %#x", (unsigned)key);
}

/* Returns non-zero if name is already one of the ", "-joined names. */
static int
keymap_listed(const char *list, const char *name)
{
	size_t		 n = strlen(name);
	const char	*p;

	for (p = list; (p = strstr(p, name)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') &&
		    (p[n] == ',' || p[n] == '\0'))
			return (1);
	return (0);
}

int
keymap_keys_for(const char *command, int less, char *buf, size_t len)
{
	const struct keymap_entry	*e;
	char				 name[32];
	size_t				 used = 0;
	int				 n = 0;

	if (len > 0)
		buf[0] = '\0';
	for (e = keymap_table; e->command != NULL; e++) {
		if (strcmp(e->command, command) != 0 ||
		    (e->where == KEYMAP_LESS) != (less != 0))
			continue;
		keymap_key_name(e->key, name, sizeof name);
		if (keymap_listed(buf, name))
			continue;
		if (used < len)
			used += (size_t)snprintf(buf + used, len - used, "%s%s",
			    n > 0 ? ", " : "", name);
		n++;
	}
	return (n);
}
