/*
 * commands_search.c: the search commands and their prompt.
 *
 * The pattern is hex in the hex pane and text in the text pane; Tab in
 * the prompt cycles hex, text, and text ignoring case.  An empty line
 * repeats the last search, which the prompt shows with its mode when
 * that differs from the prompt's own.  Only a pattern that parsed is
 * remembered, and the direction of the last search run is what n
 * repeats.  Long scans report progress and poll for cancel through the
 * editor's hooks, at most every 50 ms, so that the search layer itself
 * stays free of any terminal.
 */
#include "config.h"

#include "commands.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "editor.h"
#include "journal.h"
#include "quote.h"
#include "search.h"

#define SEARCH_SHOW_NS	200000000ULL	/* progress: 5 times a second */
#define SEARCH_POLL_NS	50000000ULL	/* cancel: 20 times a second */

struct ask_state {
	struct editor	*ed;
	uint64_t	 shown;		/* when progress was last shown */
	uint64_t	 polled;	/* when cancel was last polled */
	int		 cancelled;
};

static uint64_t	ask_now(void);
static void	ask_progress(void *, uint64_t, uint64_t);
static int	ask_cancel(void *);
static int	ask_open(struct editor *, int);
static const char *ask_mode(const struct editor_search *);
static size_t	ask_label_last(struct editor *, size_t);
static void	ask_label(struct editor *);
static int	ask_parse(struct editor *, const struct editor_search *,
		    struct search_pattern *);
static int	ask_run(struct editor *, const struct search_pattern *, int,
		    int);
static int	ask_repeat(struct editor *, int);
static void	ask_result(struct editor *, enum search_result, uint64_t,
		    size_t, const char *);

static uint64_t
ask_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec);
}

static void
ask_progress(void *arg, uint64_t done, uint64_t total)
{
	struct ask_state	*r = arg;
	uint64_t		 now = ask_now();

	if (now - r->shown < SEARCH_SHOW_NS || r->ed->hooks.show == NULL)
		return;
	r->shown = now;
	editor_message(r->ed, 0, "searching... %llu%% (Ctrl-C or Esc "
	    "cancels)", (unsigned long long)(total ? done / (total / 100 +
	    1) : 0));
	r->ed->hooks.show(r->ed->hooks.arg);
}

static int
ask_cancel(void *arg)
{
	struct ask_state	*r = arg;
	uint64_t		 now = ask_now();

	if (r->cancelled)
		return (1);
	if (now - r->polled < SEARCH_POLL_NS || r->ed->hooks.cancel == NULL)
		return (0);
	r->polled = now;
	r->cancelled = r->ed->hooks.cancel(r->ed->hooks.arg);
	return (r->cancelled);
}

static const char *
ask_mode(const struct editor_search *a)
{
	return (a->hex ? "hex" : a->icase ? "text, ignore case" : "text");
}

/*
 * Appends at n to the prompt's label, in brackets, what an empty line
 * repeats: the last pattern, with its mode when that is not the
 * prompt's, cut short with "..." when the label has no room for it.
 * Returns the label's new length.
 */
static size_t
ask_label_last(struct editor *ed, size_t n)
{
	const struct editor_search	*l = &ed->search;
	char				*b = ed->prompt_label;
	size_t				 cut, size = sizeof ed->prompt_label;
	int				 same;

	same = l->hex == ed->ask.hex && l->icase == ed->ask.icase;
	n += (size_t)snprintf(b + n, size - n, " [%s%s", same ? "" :
	    ask_mode(l), same ? "" : ": ");
	/* Room for the text before "]: " and the NUL; 18 or more. */
	cut = n + 7 < size ? size - n - 4 : 3;
	if (strlen(l->text) <= cut)
		return (n + (size_t)snprintf(b + n, size - n, "%s]", l->text));
	/* Cut before "...", and never inside a UTF-8 character. */
	cut = quote_char_start(l->text, cut - 3);
	return (n + (size_t)snprintf(b + n, size - n, "%.*s...]", (int)cut,
	    l->text));
}

/* Labels the prompt with its direction, its mode and the last search. */
static void
ask_label(struct editor *ed)
{
	char	*b = ed->prompt_label;
	size_t	 n, size = sizeof ed->prompt_label;

	n = (size_t)snprintf(b, size, "Search %s (%s)",
	    ed->ask.backward ? "backward" : "forward", ask_mode(&ed->ask));
	if (ed->search.valid && n < size)
		n = ask_label_last(ed, n);
	if (n < size)
		snprintf(b + n, size - n, ": ");
}

static int
ask_open(struct editor *ed, int backward)
{
	commands_prompt_open(ed, EDITOR_PROMPT_SEARCH, "");
	ed->ask.backward = backward;
	ed->ask.hex = ed->pane == EDITOR_HEX;
	/* A text prompt keeps the case mode of the last text search. */
	ed->ask.icase = !ed->ask.hex && ed->search.valid &&
	    !ed->search.hex && ed->search.icase;
	ask_label(ed);
	return (0);
}

void
commands_search_toggle(struct editor *ed)
{
	if (ed->ask.hex) {
		ed->ask.hex = 0;
		ed->ask.icase = 0;
	} else if (!ed->ask.icase)
		ed->ask.icase = 1;
	else {
		ed->ask.hex = 1;
		ed->ask.icase = 0;
	}
	ask_label(ed);
}

int
cmd_search_forward(struct editor *ed)
{
	return (ask_open(ed, 0));
}

int
cmd_search_backward(struct editor *ed)
{
	return (ask_open(ed, 1));
}

/* Parses the pattern of a; returns 0, or -1 with a message. */
static int
ask_parse(struct editor *ed, const struct editor_search *a,
    struct search_pattern *pat)
{
	char	err[256];
	int	rc;

	if (a->hex)
		rc = search_parse_hex(a->text, pat, err, sizeof err);
	else
		rc = search_parse_text(a->text, a->icase, pat, err,
		    sizeof err);
	if (rc == -1)
		editor_message(ed, 1, "bad pattern: %s", err);
	return (rc);
}

/* Scans for pat from the cursor; again skips the cursor. */
static int
ask_run(struct editor *ed, const struct search_pattern *pat, int backward,
    int again)
{
	struct ask_state	 run = { ed, 0, 0, 0 };
	struct search_opts	 opts;
	enum search_result	 res;
	char			 err[256];
	uint64_t		 from = ed->cursor, at = 0;

	if (again || (ed->has_match && ed->match == ed->cursor)) {
		if ((backward && from == 0) ||
		    (!backward && from + 1 >= ed->map->size)) {
			editor_message(ed, 1, "not found");
			return (0);
		}
		from = backward ? from - 1 : from + 1;
	}
	memset(&opts, 0, sizeof opts);
	opts.use_holes = ed->map->mode != MAPPING_PREVIEW ||
	    editor_unsaved(ed) == 0;
	opts.progress = ask_progress;
	opts.cancel = ask_cancel;
	opts.arg = &run;
	run.shown = run.polled = ask_now();
	if (backward)
		res = search_backward(ed->map, pat, from, &opts, &at, err,
		    sizeof err);
	else
		res = search_forward(ed->map, pat, from, &opts, &at, err,
		    sizeof err);
	ask_result(ed, res, at, pat->len, err);
	return (0);
}

/* Runs the last search again, past the cursor, in a direction. */
static int
ask_repeat(struct editor *ed, int backward)
{
	struct search_pattern	pat;

	if (ask_parse(ed, &ed->search, &pat) == -1)
		return (0);
	ask_run(ed, &pat, backward, 1);
	search_pattern_free(&pat);
	return (0);
}

static void
ask_result(struct editor *ed, enum search_result res, uint64_t at,
    size_t len, const char *err)
{
	switch (res) {
	case SEARCH_FOUND:
		editor_goto(ed, at);
		ed->has_match = 1;
		ed->match = at;
		ed->matchlen = len;
		editor_message(ed, 0, "found at 0x%llx (%llu)",
		    (unsigned long long)at, (unsigned long long)at);
		break;
	case SEARCH_NOT_FOUND:
		editor_message(ed, 1, "not found");
		break;
	case SEARCH_CANCELLED:
		editor_message(ed, 0, "search cancelled");
		break;
	case SEARCH_ERROR:
		editor_refresh(ed);
		editor_message(ed, 1, "search stopped: %s", err);
		break;
	}
}

int
commands_search_submit(struct editor *ed, const char *text)
{
	struct editor_search	a = ed->ask;
	struct search_pattern	pat;

	if (text[0] == '\0') {
		if (!ed->search.valid) {
			editor_message(ed, 1, "no previous search to repeat");
			return (0);
		}
		/* n and N go by the direction of the last search run. */
		ed->search.backward = a.backward;
		return (ask_repeat(ed, a.backward));
	}
	snprintf(a.text, sizeof a.text, "%s", text);
	a.valid = 1;
	if (ask_parse(ed, &a, &pat) == -1)
		return (0);
	ed->search = a;
	ask_run(ed, &pat, a.backward, 0);
	search_pattern_free(&pat);
	return (0);
}

int
cmd_search_next(struct editor *ed)
{
	if (!ed->search.valid)
		return (ask_open(ed, 0));
	return (ask_repeat(ed, ed->search.backward));
}

int
cmd_search_previous(struct editor *ed)
{
	if (!ed->search.valid)
		return (ask_open(ed, 1));
	return (ask_repeat(ed, !ed->search.backward));
}
