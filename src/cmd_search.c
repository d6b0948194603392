/*
 * cmd_search.c: the search commands and their prompt.
 *
 * The pattern is hex in the hex pane and text in the text pane; Tab in
 * the prompt cycles hex, text, text ignoring case, and a regex.  An empty line
 * repeats the last search, which the prompt shows with its mode when
 * that differs from the prompt's own.  Only a pattern that parsed is
 * remembered, and the direction of the last search run is what n
 * repeats.  Long scans report progress and poll for cancel through
 * progress.c and the session's hooks, so that the search layer itself
 * stays free of any terminal.  The paint hook only draws: the document
 * is refreshed after the scan, never during it.
 */
#include "config.h"

#include "cmd_search.h"

#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "progress.h"
#include "quote.h"
#include "search.h"
#include "search_regex.h"
#include "session.h"

/* A parsed pattern: literal, or a regex when re is set. */
struct ask_pat {
	struct pattern		 pat;
	struct search_regex	*re;
};

static int	ask_open(struct session *, int);
static void	ask_toggle(void *);
static int	ask_submit(void *, const char *);
static const char *ask_mode(const struct session_search *);
static size_t	ask_label_last(struct session *, size_t);
static void	ask_label(struct session *);
static int	ask_parse(struct session *, const struct session_search *,
		    struct ask_pat *);
static void	ask_free(struct ask_pat *);
static int	ask_run(struct session *, const struct ask_pat *, int,
		    int);
static int	ask_repeat(struct session *, int);
static enum search_result ask_scan(struct session *, const struct ask_pat *,
		    int, uint64_t, struct search_opts *, uint64_t *, uint64_t *,
		    char *, size_t);
static void	ask_say(struct session *, enum search_result, uint64_t, int,
		    int);
static void	ask_result(struct session *, enum search_result, uint64_t,
		    size_t, const char *);

static const char *
ask_mode(const struct session_search *a)
{
	if (a->regex)
		return ("regex");
	return (a->hex ? "hex" : a->icase ? "text, ignore case" : "text");
}

/*
 * Appends at n to the prompt's label, in brackets, what an empty line
 * repeats: the last pattern, with its mode when that is not the
 * prompt's, cut short with "..." when the label has no room for it.
 * Returns the label's new length.
 */
static size_t
ask_label_last(struct session *s, size_t n)
{
	const struct session_search	*l = &s->search;
	char				*b = s->prompt.label;
	size_t				 cut, size = sizeof s->prompt.label;
	int				 same;

	same = l->hex == s->ask.hex && l->icase == s->ask.icase &&
	    l->regex == s->ask.regex;
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
ask_label(struct session *s)
{
	char	*b = s->prompt.label;
	size_t	 n, size = sizeof s->prompt.label;

	n = (size_t)snprintf(b, size, "Search %s (%s)",
	    s->ask.backward ? "backward" : "forward", ask_mode(&s->ask));
	if (s->search.valid && n < size)
		n = ask_label_last(s, n);
	if (n < size)
		snprintf(b + n, size - n, ": ");
}

static int
ask_open(struct session *s, int backward)
{
	prompt_open_line(&s->prompt, "", ask_submit, ask_toggle, s);
	session_prompt_history(s, SESSION_HIST_SEARCH);
	s->ask.backward = backward;
	s->ask.hex = session_window(s)->pane == WINDOW_HEX;
	/* A text prompt keeps the case mode of the last text search. */
	s->ask.icase = !s->ask.hex && s->search.valid &&
	    !s->search.hex && s->search.icase;
	s->ask.regex = !s->ask.hex && s->search.valid && s->search.regex;
	ask_label(s);
	return (0);
}

static void
ask_toggle(void *arg)
{
	struct session	*s = arg;

	if (s->ask.hex) {
		s->ask.hex = 0;
		s->ask.icase = 0;
	} else if (s->ask.regex) {
		s->ask.regex = 0;
		s->ask.hex = 1;
	} else if (!s->ask.icase)
		s->ask.icase = 1;
	else {
		s->ask.icase = 0;
		s->ask.regex = 1;
	}
	ask_label(s);
}

int
cmd_search_forward(struct session *s)
{
	return (ask_open(s, 0));
}

int
cmd_search_backward(struct session *s)
{
	return (ask_open(s, 1));
}

/* Parses the pattern of a; returns 0, or -1 with a message. */
static int
ask_parse(struct session *s, const struct session_search *a,
    struct ask_pat *ap)
{
	struct pattern	*pat = &ap->pat;
	char		 err[256];
	int		 rc;

	memset(ap, 0, sizeof *ap);
	if (a->regex)
		rc = (ap->re = search_regex_new(a->text, strlen(a->text), 0,
		    err, sizeof err)) != NULL ? 0 : -1;
	else if (a->hex)
		rc = pattern_parse_hex(a->text, pat, err, sizeof err);
	else
		rc = pattern_parse_text(a->text, a->icase, pat, err,
		    sizeof err);
	if (rc == -1)
		session_message(s, 1, "bad pattern: %s", err);
	return (rc);
}

static void
ask_free(struct ask_pat *ap)
{
	pattern_free(&ap->pat);
	search_regex_free(ap->re);
}

/* Scans for ap from the cursor; again skips the cursor. */
static int
ask_run(struct session *s, const struct ask_pat *ap, int backward,
    int again)
{
	const struct pattern	*pat = &ap->pat;
	struct progress		 run;
	struct search_opts	 opts;
	enum search_result	 res;
	char			 err[256];
	uint64_t		 from = session_window(s)->cursor, at = 0;
	uint64_t		 len = pat->len;
	int			 wrapped = 0;

	if (doc_size(s->doc) == 0) {
		session_message(s, 1, "not found: the file is empty");
		return (0);
	}
	if (again || (s->has_match && s->match == from)) {
		/* At the edge, the next one can only be past the wrap. */
		wrapped = backward ? from == 0 : from + 1 >= doc_size(s->doc);
		if (backward)
			from = from == 0 ? doc_size(s->doc) - 1 : from - 1;
		else
			from = wrapped ? 0 : from + 1;
	}
	memset(&opts, 0, sizeof opts);
	opts.use_holes = doc_mode(s->doc) != MAPPING_PREVIEW ||
	    session_unsaved(s) == 0;
	progress_begin(&run, s, "searching");
	opts.progress = progress_hook;
	opts.cancel = progress_cancel_hook;
	opts.arg = &run;
	res = ask_scan(s, ap, backward, from, &opts, &at, &len, err,
	    sizeof err);
	/* Not found up to the end: go on from the other end, as less does. */
	if (res == SEARCH_NOT_FOUND && (backward ? from + 1 <
	    doc_size(s->doc) : from > 0)) {
		res = ask_scan(s, ap, backward, backward ? doc_size(s->doc) -
		    1 : 0, &opts, &at, &len, err, sizeof err);
		if (res == SEARCH_FOUND && (backward ? at <= from : at >= from))
			res = SEARCH_NOT_FOUND;
		wrapped = 1;
	}
	ask_result(s, res, at, (size_t)len, err);
	if (res == SEARCH_FOUND || res == SEARCH_NOT_FOUND)
		ask_say(s, res, at, backward, wrapped);
	return (0);
}

static enum search_result
ask_scan(struct session *s, const struct ask_pat *ap, int backward,
    uint64_t from, struct search_opts *opts, uint64_t *at, uint64_t *len,
    char *err, size_t errlen)
{
	if (ap->re != NULL && backward)
		return (search_regex_backward(s->doc, ap->re, from, opts, at,
		    len, err, errlen));
	if (ap->re != NULL)
		return (search_regex_forward(s->doc, ap->re, from, opts, at,
		    len, err, errlen));
	*len = ap->pat.len;
	if (backward)
		return (search_backward(s->doc, &ap->pat, from, opts, at, err,
		    errlen));
	return (search_forward(s->doc, &ap->pat, from, opts, at, err,
	    errlen));
}

/*
 * Says what was searched for, which way, and where it was found (and
 * that it wrapped around the end), so n or Esc-/ can be pressed with
 * the pattern in view.
 */
static void
ask_say(struct session *s, enum search_result res, uint64_t at,
    int backward, int wrapped)
{
	char	what[96];

	snprintf(what, sizeof what, "%s%.40s%s (%s, %s)", s->search.hex ?
	    "" : "'", s->search.text, s->search.hex ? "" : "'",
	    ask_mode(&s->search), backward ? "backward" : "forward");
	if (res == SEARCH_NOT_FOUND)
		session_message(s, 1, "%s: not found", what);
	else
		session_message(s, 0, "%s: found at 0x%llx (%llu)%s", what,
		    (unsigned long long)at, (unsigned long long)at, !wrapped ?
		    "" : backward ? "; wrapped past the start" :
		    "; wrapped past the end");
}

/* Runs the last search again, past the cursor, in a direction. */
static int
ask_repeat(struct session *s, int backward)
{
	struct ask_pat	ap;

	if (ask_parse(s, &s->search, &ap) == -1)
		return (0);
	ask_run(s, &ap, backward, 1);
	ask_free(&ap);
	return (0);
}

static void
ask_result(struct session *s, enum search_result res, uint64_t at,
    size_t len, const char *err)
{
	switch (res) {
	case SEARCH_FOUND:
		session_jump(s, at);
		s->has_match = 1;
		s->match = at;
		s->matchlen = len;
		session_message(s, 0, "found at 0x%llx (%llu)",
		    (unsigned long long)at, (unsigned long long)at);
		break;
	case SEARCH_NOT_FOUND:
		session_message(s, 1, "not found");
		break;
	case SEARCH_CANCELLED:
		session_message(s, 0, "search cancelled");
		break;
	case SEARCH_ERROR:
		session_refresh(s);
		session_message(s, 1, "search stopped: %s", err);
		break;
	}
}

static int
ask_submit(void *arg, const char *text)
{
	struct session		*s = arg;
	struct session_search	 a = s->ask;
	struct ask_pat		 ap;

	if (text[0] == '\0') {
		if (!s->search.valid) {
			session_message(s, 1, "no previous search to repeat");
			return (0);
		}
		/* n and N go by the direction of the last search run. */
		s->search.backward = a.backward;
		return (ask_repeat(s, a.backward));
	}
	snprintf(a.text, sizeof a.text, "%s", text);
	a.valid = 1;
	if (ask_parse(s, &a, &ap) == -1)
		return (0);
	s->search = a;
	ask_run(s, &ap, a.backward, 0);
	ask_free(&ap);
	return (0);
}

int
cmd_search_next(struct session *s)
{
	if (!s->search.valid)
		return (ask_open(s, 0));
	return (ask_repeat(s, s->search.backward));
}

int
cmd_search_previous(struct session *s)
{
	if (!s->search.valid)
		return (ask_open(s, 1));
	return (ask_repeat(s, !s->search.backward));
}
