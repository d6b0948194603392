/*
 * help.c: the help text, made from the tables.
 *
 * One function gathers a command's keys; the help screen and the
 * --keys list are two layouts of what it gathers.
 */
#include "config.h"

#include "help.h"

#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "keymap.h"

static int	help_keys(const struct command *, int, char *, size_t);
static void	help_add(struct help *, int, const char *);
static void	help_hexpane(const struct command *, char *, size_t);

/*
 * Writes the keys of c into buf, with the read-only (less) keys too
 * when readonly is set; returns how many names it wrote.
 */
static int
help_keys(const struct command *c, int readonly, char *buf, size_t len)
{
	char	less[128];
	size_t	used;
	int	n;

	n = keymap_keys_for(c->name, 0, buf, len);
	if (readonly && keymap_keys_for(c->name, 1, less, sizeof less) > 0) {
		used = strlen(buf);
		snprintf(buf + used, len - used, "%s%s", n > 0 ? ", " : "",
		    less);
		n++;
	}
	return (n);
}

/*
 * Writes " (KEY only in the hex pane)" into buf when one of c's keys
 * acts only there (it types in the text pane), else "".
 */
static void
help_hexpane(const struct command *c, char *buf, size_t len)
{
	const struct keymap_entry	*e;
	char				 name[32];

	buf[0] = '\0';
	for (e = keymap_table; e->command != NULL; e++) {
		if (e->where != KEYMAP_HEXPANE || strcmp(e->command, c->name))
			continue;
		keymap_key_name(e->key, name, sizeof name);
		snprintf(buf, len, " (%s only in the hex pane)", name);
		return;
	}
}

static void
help_add(struct help *h, int title, const char *s)
{
	if (h->n == HELP_LINES)
		return;
	snprintf(h->line[h->n], HELP_WIDTH, "%s", s);
	h->title[h->n++] = title;
}

void
help_build(struct help *h, int readonly)
{
	const struct command	*c;
	char			 keys[256], line[HELP_WIDTH], hex[64];

	h->n = 0;
	help_add(h, 1, "maphex keys (Up/Down/PgDn scroll, any other key "
	    "closes)");
	help_add(h, 0, "");
	for (c = commands_table; c->name != NULL; c++) {
		if (help_keys(c, readonly, keys, sizeof keys) == 0)
			continue;
		help_hexpane(c, hex, sizeof hex);
		snprintf(line, sizeof line, "  %-34s %s%s", keys, c->help, hex);
		help_add(h, 0, line);
	}
	help_add(h, 0, "");
	help_add(h, 0, "  Hex digits (hex pane) and printable keys (text "
	    "pane) overwrite the byte at the cursor.");
	help_add(h, 0, "  In read-only mode the keys of less work too: q / ? "
	    "n N g G F Space b j k.");
}

int
help_keys_line(size_t i, char *buf, size_t len)
{
	const struct command	*c = commands_table;
	char			 keys[256], less[128], hex[64];
	size_t			 k;

	for (k = 0; k < i && c->name != NULL; k++)
		c++;
	if (c->name == NULL)
		return (-1);
	keymap_keys_for(c->name, 0, keys, sizeof keys);
	help_hexpane(c, hex, sizeof hex);
	if (keymap_keys_for(c->name, 1, less, sizeof less) > 0)
		snprintf(buf, len, "%-18s %s (read-only also: %s): %s%s",
		    c->name, keys, less, c->help, hex);
	else
		snprintf(buf, len, "%-18s %s: %s%s", c->name, keys, c->help,
		    hex);
	return (0);
}
