/*
 * session.h: what one run of maphex holds: the document with its
 * journal, the windows over it and which has the focus, the prompt, the
 * status message, the clipboard, the last search, and the hooks for
 * long operations.
 *
 * The session never touches the terminal.  Keys reach it through
 * input.c and commands; the view reads it (const) to draw.  Long
 * operations (search) show progress and poll for cancel through the
 * hooks the program installs: the paint hook only draws, it never
 * refreshes or remaps the document.
 */
#ifndef MAPHEX_SESSION_H
#define MAPHEX_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "mapping.h"
#include "outside.h"
#include "prompt.h"
#include "window.h"

struct doc;
struct journal;

/* What a command or key changed, for the main loop. */
#define SESSION_QUIT	0x01	/* leave the program */
#define SESSION_REPAINT	0x02	/* repaint the whole terminal */
#define SESSION_SUSPEND	0x04	/* stop the process (Ctrl-Z) */

#define SESSION_WINDOWS	2	/* windows a session can hold */
#define SESSION_SECTOR	512	/* bytes a sector (--sector) */
#define SESSION_MARKS	26	/* bookmarks a to z */

/* The prompts that keep a history, one each (Up/Down in the prompt). */
enum session_history { SESSION_HIST_GOTO, SESSION_HIST_SEARCH,
	SESSION_HIST_PATH, SESSION_HIST_FILL, SESSION_HISTORIES };
#define SESSION_BACK	64	/* positions session_back() remembers */

struct session_hooks {
	/* Returns non-zero if the user asked to cancel (Ctrl-C, Esc). */
	int	(*cancel)(void *arg);
	/* Draws the session now (a progress message); nothing more. */
	void	(*paint)(void *arg);
	/* Milliseconds of a steady clock; NULL: CLOCK_MONOTONIC. */
	uint64_t (*now)(void *arg);
	void	*arg;
};

struct session_search {
	char	text[256];	/* the pattern as typed */
	int	hex;		/* a hex pattern, else text */
	int	icase;		/* case-insensitive text */
	int	regex;		/* a PCRE2 regex over the bytes */
	int	backward;	/* direction of the last search */
	int	valid;		/* a search has been made */
};

/* The data inspector pane (Esc-D). */
struct session_inspector {
	int	shown;		/* the pane is on screen */
	int	row;		/* the selected row (enum inspect_type) */
	int	be;		/* values read big-endian */
};

/* A replace under way: see cmd_replace.c. */
struct session_replace {
	struct session_search	find;		/* the pattern and its mode */
	unsigned char		with[256];	/* the replacement */
	size_t			withlen;
	int			with_hex;	/* typed in hex, else text */
	uint64_t		at, len;	/* the match asked about */
	uint64_t		done;		/* replaced so far */
};

struct session {
	struct doc		*doc;		/* not owned */
	struct journal		*journal;
	struct window		 win[SESSION_WINDOWS];
	int			 nwin;
	int			 focus;
	struct session_hooks	 hooks;

	struct prompt		 prompt;
	int			 help;		/* help screen shown */
	int			 help_top;
	int			 quote;		/* the next key is typed */
	int			 too_small;	/* the screen cannot show a row */
	int			 sector;	/* --sector: go-to counts sectors */
	int			 path_state;	/* MAPPING_PATH_ of the file */
	uint64_t		 fault;		/* last unreadable offset + 1 */

	char			 message[256];
	int			 message_error;
	/* What main prints on stderr at exit (a failed rollback), or "". */
	char			 exit_note[640];
	/* What main prints on stderr at exit for information, or "". */
	char			 exit_info[320];
	int			 save_quits;	/* the save under way quits */
	/* The document is an anonymous copy of stdin (see feed.h): */
	int			 reading;	/* still filling: no save as,
						   growth is no news */
	int			 in_memory;	/* never saved: quit asks */

	unsigned char		*clip;
	size_t			 cliplen;

	int			 insert_mode;	/* typing inserts (INS) */
	int			 follow;	/* keep to the end (FOLLOW) */
	struct outside		 outside;	/* bytes others changed */
	/* A size change waiting for its y/n: what cmd_edit.c will do. */
	int			 pending;	/* 1 insert, 2 delete */
	uint64_t		 pending_off;
	uint64_t		 pending_len;
	unsigned char		*pending_bytes;	/* NULL: zeros */
	uint64_t		 pending_cursor;	/* where the cursor goes */
	int			 pending_nibble;
	int			 pending_quiet;
	/* The block copy-to-cursor remembered: its first press. */
	int			 has_block;
	uint64_t		 block_start;
	uint64_t		 block_len;

	int			 has_match;
	uint64_t		 match;
	size_t			 matchlen;
	struct session_search	 search;	/* the last search made */
	struct session_search	 ask;		/* the one being typed */
	struct session_inspector inspector;
	struct session_replace	 replace;

	uint64_t		 mark_at[SESSION_MARKS];
	uint32_t		 marks;		/* which are set, a bit each */
	uint64_t		 back[SESSION_BACK];	/* oldest first */
	size_t			 nback;
	struct prompt_history	 hist[SESSION_HISTORIES];
	/* A save to an existing file waits for "overwrite? (y/n)". */
	char			 overwrite[4096];
	int			 overwrite_as;	/* save as, else selection */
	int			 overwrite_ok;
};

/*
 * Sets up a session with one window over doc (not owned) with columns
 * bytes a row (0: 16).  Returns 0, or -1 with a reason in err.
 */
int	session_init(struct session *, struct doc *, size_t columns,
	    int maximize, char *err, size_t errlen);

/* Frees what session_init allocated; the document stays open. */
void	session_free(struct session *);

/* The window with the focus. */
struct window	*session_window(struct session *);
const struct window *session_cwindow(const struct session *);

/*
 * Opens another window over the document, a copy of the focused one,
 * and gives it the focus.  Returns 0, or -1 when all are in use.
 */
int	session_split(struct session *);

/* Gives the focus to the next window. */
void	session_next_window(struct session *);

/*
 * Moves the focused window's cursor to off (clamped to the last byte),
 * remembering where it was for session_back() when that differs.  Every
 * jump (go-to, a search, a bookmark, a followed value) goes through it;
 * the oldest position is forgotten past SESSION_BACK.
 */
void	session_jump(struct session *, uint64_t off);

/*
 * Moves the focused window back to the position before the last jump
 * and forgets it.  Returns 0, or -1 when no position is remembered.
 */
int	session_back(struct session *);

/* Gives the open line prompt the history of its kind. */
void	session_prompt_history(struct session *, enum session_history);

/* Forgets the remembered positions and the bookmarks (another file). */
void	session_forget_positions(struct session *);

/*
 * Sets bookmark name ('a' to 'z') at the cursor.  Returns 0, or -1 for
 * any other name.
 */
int	session_bookmark_set(struct session *, int name);

/* Sets *off to bookmark name's offset; returns 0, or -1 if it is unset. */
int	session_bookmark_get(const struct session *, int name, uint64_t *off);

/*
 * Writes the set bookmarks' names, "a c f", into buf; returns how many
 * are set.
 */
int	session_bookmark_names(const struct session *, char *buf, size_t len);

/* Sets the status message; error non-zero shows it as an error. */
void	session_message(struct session *, int error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/*
 * Re-reads the file size and maps it again when it changed, keeping
 * every window on the same offset and saying what happened; while
 * following, the focused window goes to the new end instead, quietly.
 * Then notices bytes on screen that another process changed (see
 * outside.h).  Called by the main loop (on a timer and before
 * drawing), never from a hook.
 */
void	session_refresh(struct session *);

/*
 * Starts following the end of the file (as tail -f): the focused
 * window goes to the last byte now and at every size change, until
 * session_unfollow().
 */
void	session_follow(struct session *);

/* Stops following; returns 1 if it was following, else 0. */
int	session_unfollow(struct session *);

/* Returns non-zero when another process changed the byte at off lately. */
int	session_is_outside(const struct session *, uint64_t off);

/* Keeps every window's top and cursor inside the document. */
void	session_clamp(struct session *);

/*
 * Checks what the path names now (see doc_path_state()), says so when
 * that changed, and returns 0 if it is still the open file, or -1 with
 * a one-line reason (replaced, deleted) in err.  Save calls it first.
 */
int	session_check_path(struct session *, char *err, size_t errlen);

/*
 * The view found the byte at off unreadable: re-reads the size and
 * says so on the status line, once for the same offset.
 */
void	session_fault(struct session *, uint64_t off);

/* Returns non-zero when the byte at off is unsaved. */
int	session_is_dirty(const struct session *, uint64_t off);

/* Returns the count of unsaved bytes. */
uint64_t session_unsaved(const struct session *);

/*
 * Maps the document again in mode (see doc_set_mode()), for a copy of
 * stdin that becomes editable at the end of its input, and lets typing
 * append where the size can now change.  0, or -1 with err.
 */
int	session_set_mode(struct session *, enum mapping_mode, char *err,
	    size_t errlen);

/* Refuses an edit in read-only mode with a message; non-zero if so. */
int	session_refuse_edit(struct session *);

/*
 * Ends the session the way a SIGTERM asks: direct mode flushes, a
 * preview drops its edits and leaves the file untouched.  Writes what
 * happened, in a line, to note.  Returns 0, or -1 if edits could not be
 * saved.
 */
int	session_terminate(struct session *, char *note, size_t notelen);

#endif
