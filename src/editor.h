/*
 * editor.h: the session: what is open, where the cursor is, what the
 * status line says, and the named commands that act on it.
 *
 * The editor never touches the terminal.  Keys come in as keymap ints
 * through editor_key(); what to draw is read back by the view.  Long
 * operations (search) report progress and poll for cancel through the
 * hooks that the program installs.
 */
#ifndef MAPHEX_EDITOR_H
#define MAPHEX_EDITOR_H

#include <stddef.h>
#include <stdint.h>

#include "mapping.h"

struct journal;

enum editor_pane { EDITOR_HEX, EDITOR_TEXT };

/* What a command or key changed, for the main loop. */
#define EDITOR_QUIT	0x01	/* leave the program */
#define EDITOR_REPAINT	0x02	/* repaint the whole terminal */
#define EDITOR_SUSPEND	0x04	/* stop the process (Ctrl-Z) */

/* What the status line is busy with instead of showing the position. */
enum editor_prompt {
	EDITOR_PROMPT_NONE,
	EDITOR_PROMPT_GOTO,
	EDITOR_PROMPT_SEARCH,
	EDITOR_PROMPT_FILL,
	EDITOR_PROMPT_SAVE_SELECTION,
	EDITOR_PROMPT_QUIT,		/* save / discard / cancel */
	EDITOR_PROMPT_TRUNCATE		/* yes / no */
};

struct editor_hooks {
	/* Returns non-zero if the user asked to cancel (Ctrl-C, Esc). */
	int	(*cancel)(void *arg);
	/* Shows the editor now, e.g. a progress message. */
	void	(*show)(void *arg);
	void	*arg;
};

struct editor_search {
	char		 text[256];	/* the pattern as typed */
	int		 hex;		/* a hex pattern, else text */
	int		 icase;		/* case-insensitive text */
	int		 backward;	/* direction of the last search */
	int		 valid;		/* a search has been made */
};

struct editor {
	struct mapping		*map;
	struct journal		*journal;
	struct editor_hooks	 hooks;

	uint64_t		 cursor;
	uint64_t		 top;		/* offset of the first row */
	enum editor_pane	 pane;
	int			 nibble;	/* 1: low nibble is next */
	int			 quote;		/* next key is typed */

	size_t			 columns;	/* bytes a row */
	int			 maximize;	/* fit columns to the width */
	int			 rows;		/* data rows on screen */
	int			 width;		/* terminal width */

	int			 has_mark;
	uint64_t		 mark;
	unsigned char		*clip;
	size_t			 cliplen;

	int			 has_match;
	uint64_t		 match;
	size_t			 matchlen;
	struct editor_search	 search;	/* the last search made */
	struct editor_search	 ask;		/* the one being typed */

	enum editor_prompt	 prompt;
	char			 prompt_label[64];
	char			 input[256];
	size_t			 inputlen;

	int			 help;		/* help screen shown */
	int			 help_top;

	char			 message[256];
	int			 message_error;
	uint64_t		 fault;		/* unreadable offset + 1 */
};

/*
 * Sets up an editor over an open mapping (not owned) with columns bytes
 * a row (0: 16).  Returns 0, or -1 with a reason in err.
 */
int	editor_init(struct editor *, struct mapping *, size_t columns,
	    int maximize, char *err, size_t errlen);

/* Frees what editor_init allocated; the mapping stays open. */
void	editor_free(struct editor *);

/* Tells the editor the terminal size; relayouts and keeps the cursor. */
void	editor_resize(struct editor *, int rows, int width);

/* Handles one key; returns EDITOR_ flags. */
int	editor_key(struct editor *, int key);

/* Runs a named command; returns EDITOR_ flags, or -1 if unknown. */
int	editor_command(struct editor *, const char *name);

/*
 * Re-reads the file size and remaps when it changed, keeping the view
 * on the same offset.  Called on a timer and before drawing.
 */
void	editor_refresh(struct editor *);

/* Moves the cursor to off (clamped) and scrolls it into view. */
void	editor_goto(struct editor *, uint64_t off);

/* Sets the status message; error non-zero shows it as an error. */
void	editor_message(struct editor *, int error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* Returns non-zero when the byte at off is unsaved. */
int	editor_is_dirty(const struct editor *, uint64_t off);

/* Returns the count of unsaved bytes. */
uint64_t editor_unsaved(const struct editor *);

/* Returns non-zero when off lies in the mark's selection. */
int	editor_in_selection(const struct editor *, uint64_t off);

/* Returns the selection's first offset and length; 0 if no mark. */
int	editor_selection(const struct editor *, uint64_t *start,
	    uint64_t *len);

/* Refuses an edit in read-only mode with a message; non-zero if so. */
int	editor_refuse_edit(struct editor *);

/* Quits the way a SIGTERM asks: direct mode flushes.  0 or -1. */
int	editor_terminate(struct editor *);

#endif
