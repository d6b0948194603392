/*
 * commands.h: the named commands and the table that lists them.
 *
 * Every user action is a command with a stable name ("page-down"), a
 * function taking the editor and returning EDITOR_ flags, and a line of
 * help.  Keys are bound to names in keymap.c, never to functions.
 */
#ifndef MAPHEX_COMMANDS_H
#define MAPHEX_COMMANDS_H

struct editor;

struct command {
	const char	*name;
	int		(*fn)(struct editor *);
	const char	*help;
};

/* The command table, ended by an entry whose name is NULL. */
extern const struct command commands_table[];

/* Returns the command called name, or NULL. */
const struct command *commands_find(const char *name);

/* Handles a key while a prompt is up; returns EDITOR_ flags. */
int	commands_prompt_key(struct editor *, int key);

/* Handles a key while the help screen is up; returns EDITOR_ flags. */
int	commands_help_key(struct editor *, int key);

/* Number of lines the help screen has. */
int	commands_help_lines(void);

#endif

/*
 * Shared by the command files (commands*.c, prompt.c); not for others.
 */
int	cmd_undo(struct editor *);
int	cmd_redo(struct editor *);
int	cmd_undo_all(struct editor *);
int	cmd_save(struct editor *);
int	cmd_quit(struct editor *);
int	cmd_quit_discard(struct editor *);
int	cmd_set_mark(struct editor *);
int	cmd_copy(struct editor *);
int	cmd_paste(struct editor *);
int	cmd_save_selection(struct editor *);
int	cmd_fill_selection(struct editor *);
int	cmd_truncate(struct editor *);
int	cmd_search_forward(struct editor *);
int	cmd_search_backward(struct editor *);
int	cmd_search_next(struct editor *);
int	cmd_search_previous(struct editor *);

/* Opens a prompt of kind with label; the input starts empty. */
void	commands_prompt_open(struct editor *, int kind, const char *label);

/* Acts on the text of a finished prompt; returns EDITOR_ flags. */
int	commands_goto_submit(struct editor *, const char *);
int	commands_search_submit(struct editor *, const char *);
int	commands_fill_submit(struct editor *, const char *);
int	commands_save_selection_submit(struct editor *, const char *);
void	commands_search_toggle(struct editor *);
int	commands_quit_answer(struct editor *, int key);
int	commands_truncate_answer(struct editor *, int key);
