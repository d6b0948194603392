/*
 * prompt.h: the one-line prompt on the status line.
 *
 * A prompt either collects a line of text (an offset, a pattern, a file
 * name, fill bytes) and hands it to a submit callback, or takes a
 * one-key answer (save / discard / cancel) and hands each key to an
 * answer callback.  Whoever opens it passes the callbacks and their
 * argument; the prompt knows no command.  Callbacks return the flags
 * of whatever they did, which prompt_key() passes back.
 */
#ifndef MAPHEX_PROMPT_H
#define MAPHEX_PROMPT_H

#include <stddef.h>

/* What prompt_key() did with a key, besides a callback's flags. */
enum prompt_event {
	PROMPT_EDITED,		/* the line changed, or a callback ran */
	PROMPT_CANCELLED,	/* Esc, Ctrl-G or Ctrl-C closed it */
	PROMPT_REFUSED		/* a key that means nothing here */
};

#define PROMPT_HISTORY	16	/* lines a history keeps */
#define PROMPT_LINE	256	/* bytes of a line, with its NUL */

/* The lines submitted to one kind of prompt, oldest first. */
struct prompt_history {
	char	 line[PROMPT_HISTORY][PROMPT_LINE];
	int	 n;
};

struct prompt {
	int	 active;
	char	 label[64];
	char	 input[PROMPT_LINE];
	size_t	 len;
	size_t	 pos;		/* the editing cursor, a byte offset */
	struct prompt_history *hist;	/* Up/Down browse it, or NULL */
	int	 browse;	/* history line shown; n: the typed one */
	/* A line prompt: Return hands the line over (already closed). */
	int	(*submit)(void *arg, const char *line);
	/* A one-key prompt: every key goes here; it closes the prompt. */
	int	(*answer)(void *arg, int key);
	/* Tab in a line prompt, or NULL. */
	void	(*tab)(void *arg);
	void	 *arg;
};

/* Opens a line prompt with label; the input starts empty. */
void	prompt_open_line(struct prompt *, const char *label,
	    int (*submit)(void *, const char *), void (*tab)(void *),
	    void *arg);

/*
 * Gives an open line prompt a history (kept by the caller): Up and Down
 * browse it, and Return adds the line to it.
 */
void	prompt_set_history(struct prompt *, struct prompt_history *);

/* Replaces the input line with text and puts the cursor at its end. */
void	prompt_set_input(struct prompt *, const char *text);

/* Adds line to h, unless it is empty or the same as the newest. */
void	prompt_history_add(struct prompt_history *, const char *line);

/* Opens a one-key prompt with label. */
void	prompt_open_key(struct prompt *, const char *label,
	    int (*answer)(void *, int), void *arg);

/* Closes the prompt and forgets its input. */
void	prompt_close(struct prompt *);

/*
 * Handles one key of an open prompt.  Returns the flags of the callback
 * it ran (0 if none) and sets *event.
 */
int	prompt_key(struct prompt *, int key, enum prompt_event *event);

#endif
