/*
 * help.h: the help screen and the --keys list, made from the command
 * table and the key table.
 *
 * Nothing here is written by hand twice: every line names a command's
 * keys (keymap.c) and its help (commands.c).  The help screen lists
 * only the commands that have a key in the mode at hand.
 */
#ifndef MAPHEX_HELP_H
#define MAPHEX_HELP_H

#include <stddef.h>

#define HELP_LINES	64
#define HELP_WIDTH	192

struct help {
	int	n;			/* lines in use */
	char	line[HELP_LINES][HELP_WIDTH];
	int	title[HELP_LINES];	/* non-zero for a heading */
};

/* Fills h with the help screen for read-only mode or not. */
void	help_build(struct help *h, int readonly);

/*
 * Writes the --keys line of command i of the table into buf: its name,
 * keys, less keys and help.  Returns 0, or -1 past the last command.
 */
int	help_keys_line(size_t i, char *buf, size_t len);

#endif
