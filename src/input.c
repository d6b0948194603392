/*
 * input.c: dispatches keys to the prompt, the help screen, commands or
 * typing.
 *
 * This file decides who gets a key and nothing else: what a command
 * does is in the cmd_*.c files, what a prompt does with its line is up
 * to whoever opened it.  While the view follows the end of the file,
 * a key only stops that.  Esc-letter arrives as KEYMAP_META plus the
 * letter and is looked up in upper case, so Esc-v and Esc-V are one
 * key.
 */
#include "config.h"

#include "input.h"

#include <ctype.h>
#include <string.h>

#include "cmd_edit.h"
#include "commands.h"
#include "doc.h"
#include "help.h"
#include "journal.h"
#include "keymap.h"
#include "session.h"

static int	input_prompt(struct session *, int);
static int	input_help(struct session *, int);
static int	input_unbound(struct session *, int);
static int	input_stray(struct session *, int);
static int	input_too_small(struct session *, const char *);
static int	input_dispatch(struct session *, int);
static int	input_pane(const struct window *);
static int	input_unfollow(struct session *);

/* The window's active pane as the keymap names it. */
static int
input_pane(const struct window *w)
{
	return (w->pane == WINDOW_HEX ? KEYMAP_PANE_HEX : w->pane ==
	    WINDOW_TEXT ? KEYMAP_PANE_TEXT : KEYMAP_PANE_INSPECT);
}

static int
input_prompt(struct session *s, int key)
{
	enum prompt_event	ev;
	int			flags;

	flags = prompt_key(&s->prompt, key, &ev);
	if (ev == PROMPT_CANCELLED)
		session_message(s, 0, "cancelled");
	else if (ev == PROMPT_REFUSED)
		session_message(s, 1, "Return to accept, Esc to cancel");
	return (flags);
}

/* Scrolls the help screen; any key that does not scroll closes it. */
static int
input_help(struct session *s, int key)
{
	struct help	h;
	int		page, last;

	switch (key) {
	case KEYMAP_DOWN:
	case 'j':
	case KEYMAP_CTRL('N'):
		s->help_top++;
		break;
	case KEYMAP_UP:
	case 'k':
	case KEYMAP_CTRL('P'):
		s->help_top--;
		break;
	case KEYMAP_PGDN:
	case ' ':
	case KEYMAP_CTRL('V'):
	case KEYMAP_PGUP:
	case 'b':
		page = session_window(s)->rows > 1 ?
		    session_window(s)->rows - 1 : 1;
		s->help_top += key == KEYMAP_PGUP || key == 'b' ? -page : page;
		break;
	default:
		s->help = 0;
		return (0);
	}
	help_build(&h, doc_mode(s->doc) == MAPPING_READONLY);
	last = h.n - session_window(s)->rows;
	if (s->help_top > last)
		s->help_top = last;
	if (s->help_top < 0)
		s->help_top = 0;
	return (0);
}

/* Types key if the pane takes it; else says it is not bound. */
static int
input_unbound(struct session *s, int key)
{
	char	name[32];

	if (cmd_type(s, key) == 0)
		return (0);
	keymap_key_name(key, name, sizeof name);
	session_message(s, 1, "%s is not bound here (F1 shows the keys)",
	    name);
	return (0);
}

/*
 * Keys that are never typed and never reach a prompt: an unknown
 * sequence, a paste, keys lost while a scan ran.  Returns 1 if key was
 * one of them (and said so), else 0.
 */
static int
input_stray(struct session *s, int key)
{
	if (key != KEYMAP_UNKNOWN && key != KEYMAP_PASTE &&
	    key != KEYMAP_LOST)
		return (0);
	/* It was the key a quoted insert waited for: nothing is typed. */
	s->quote = 0;
	switch (key) {
	case KEYMAP_UNKNOWN:
		session_message(s, 1, "an unknown key sequence was ignored "
		    "(not bound; F1 shows the keys)");
		return (1);
	case KEYMAP_PASTE:
		session_message(s, 1, "pasted text was ignored: type it, or "
		    "copy and paste with Esc-W and Ctrl-Y");
		return (1);
	case KEYMAP_LOST:
		session_message(s, 1, "out of memory: keys typed during the "
		    "last operation were dropped");
		return (1);
	}
	return (0);
}

/*
 * While the screen is too small to show what a key does, only quit and
 * redraw act; returns 1 if the command called name may run.
 */
static int
input_too_small(struct session *s, const char *name)
{
	if (name != NULL && (strcmp(name, "quit") == 0 ||
	    strcmp(name, "quit-discard") == 0 || strcmp(name, "redraw") == 0))
		return (1);
	session_message(s, 1, "terminal too small: only quit (F10, Ctrl-X, "
	    "Ctrl-C) and redraw (Ctrl-L) work");
	return (0);
}

/*
 * Any key stops following the end and does nothing else, as any key
 * (not only Ctrl-C) interrupts less's F: a key typed to stop the
 * scrolling must not also quit or edit.
 */
static int
input_unfollow(struct session *s)
{
	session_message(s, 0, "stopped following the end%s",
	    doc_mode(s->doc) == MAPPING_READONLY ? " (F follows again)" : "");
	return (0);
}

/* Dispatches one key: prompt, help, quoted insert, keymap, typing. */
static int
input_dispatch(struct session *s, int key)
{
	const char	*name;

	if (key == KEYMAP_RESIZE)
		return (0);
	if (session_unfollow(s))
		return (input_unfollow(s));
	if ((key & KEYMAP_META) && islower(key & 0xff) &&
	    (key & ~KEYMAP_META) < 0x80)
		key = KEYMAP_META | toupper(key & 0xff);
	/* A message the first half of a byte raised stays for the second. */
	if (!session_window(s)->nibble)
		s->message[0] = '\0';
	if (input_stray(s, key))
		return (0);
	if (s->prompt.active)
		return (input_prompt(s, key));
	name = keymap_lookup(key, input_pane(session_cwindow(s)),
	    doc_mode(s->doc) == MAPPING_READONLY);
	if (s->too_small && !input_too_small(s, name))
		return (0);
	if (s->help)
		return (input_help(s, key));
	if (s->quote)
		return (input_unbound(s, key));
	if (name == NULL)
		return (input_unbound(s, key));
	return (commands_run(s, name));
}

int
input_key(struct session *s, int key)
{
	uint64_t	dropped = 0;
	int		rc;

	rc = input_dispatch(s, key);
	if (s->journal != NULL &&
	    (dropped = journal_take_dropped(s->journal)) == 1)
		session_message(s, 1, "undo history is full: the oldest step "
		    "can no longer be undone");
	else if (dropped > 1)
		session_message(s, 1, "undo history is full: the %llu oldest "
		    "steps can no longer be undone", (unsigned long long)
		    dropped);
	return (rc);
}
