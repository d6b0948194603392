/*
 * commands.h: the named commands, one table that lists them all.
 *
 * Every user action is a command with a stable name ("page-down"), a
 * function taking the session and returning SESSION_ flags, flags that
 * say what it needs, and a line of help.  Keys are bound to names in
 * keymap.c, never to functions; the help screen and --keys are made
 * from this table and that one (help.c).
 */
#ifndef MAPHEX_COMMANDS_H
#define MAPHEX_COMMANDS_H

struct session;

/* What a command needs; commands_run() checks it once for all. */
#define COMMAND_EDITS		0x01	/* changes bytes: not in read-only */
#define COMMAND_SELECTION	0x02	/* acts on the mark's selection */

struct command {
	const char	*name;
	int		(*fn)(struct session *);
	int		 flags;
	const char	*help;
};

/* The command table, ended by an entry whose name is NULL. */
extern const struct command commands_table[];

/* Returns the command called name, or NULL. */
const struct command *commands_find(const char *name);

/*
 * Runs the command called name: refuses it with a message when its
 * flags are not met (an edit in read-only mode, no selection), else
 * calls it.  Returns SESSION_ flags, or -1 if no command has the name.
 */
int	commands_run(struct session *, const char *name);

#endif
