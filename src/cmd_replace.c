/*
 * cmd_replace.c: the replace command (Esc-%) and its prompts.
 *
 * Three prompts in turn: the pattern (Tab cycles hex, text, text
 * ignoring case and regex, as in search), the replacement (Tab cycles
 * hex and text), then for each match from the cursor on a one-key
 * answer: y replaces it (one undo step), n skips it, a replaces it and
 * every later one as a single undo step, q stops.  Matches are taken
 * left to right without overlapping.  Only a replacement as long as the
 * match can be written: the file is never resized here, and a match of
 * another length stops the command before anything is written, with a
 * message.  Scans and the replace-all write show progress and can be
 * cancelled.  The state between key presses lives in the session.
 */
#include "config.h"

#include "cmd_replace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "journal.h"
#include "keymap.h"
#include "progress.h"
#include "search.h"
#include "search_regex.h"
#include "session.h"

/* A parsed pattern: literal, or a regex when re is set. */
struct rp_pat {
	struct pattern		 pat;
	struct search_regex	*re;
};

/* The matches a replace-all collects. */
struct rp_list {
	uint64_t	*off;
	size_t		 n, cap;
	uint64_t	 next;		/* literal: the end of the last one */
	uint64_t	 len;		/* literal: the pattern's length */
	uint64_t	 want;		/* the replacement's length */
	uint64_t	 bad, badlen;	/* a match of another length */
	int		 nomem;
};

static const char *rp_mode(const struct session_search *);
static void	rp_find_label(struct session *);
static void	rp_find_tab(void *);
static int	rp_find_submit(void *, const char *);
static void	rp_with_label(struct session *);
static void	rp_with_tab(void *);
static int	rp_with_submit(void *, const char *);
static int	rp_parse(struct session *, struct rp_pat *);
static void	rp_free(struct rp_pat *);
static void	rp_opts(struct session *, struct search_opts *,
		    struct progress *);
static int	rp_next(struct session *, uint64_t);
static int	rp_answer(void *, int);
static int	rp_one(struct session *);
static int	rp_all(struct session *, uint64_t);
static int	rp_add(struct rp_list *, uint64_t, uint64_t);
static int	rp_add_literal(void *, uint64_t);
static int	rp_add_regex(void *, uint64_t, uint64_t);
static void	rp_wrong_length(struct session *, uint64_t, uint64_t);

static const char *
rp_mode(const struct session_search *a)
{
	if (a->regex)
		return ("regex");
	return (a->hex ? "hex" : a->icase ? "text, ignore case" : "text");
}

static void
rp_find_label(struct session *s)
{
	snprintf(s->prompt.label, sizeof s->prompt.label, "Replace (%s): ",
	    rp_mode(&s->replace.find));
}

int
cmd_replace(struct session *s)
{
	struct session_replace	*r = &s->replace;

	memset(&r->find, 0, sizeof r->find);
	r->find.hex = session_window(s)->pane == WINDOW_HEX;
	prompt_open_line(&s->prompt, "", rp_find_submit, rp_find_tab, s);
	rp_find_label(s);
	return (0);
}

/* Tab: hex, text, text ignoring case, regex, and round again. */
static void
rp_find_tab(void *arg)
{
	struct session_search	*a = &((struct session *)arg)->replace.find;

	if (a->hex) {
		a->hex = 0;
		a->icase = 0;
	} else if (a->regex) {
		a->regex = 0;
		a->hex = 1;
	} else if (!a->icase)
		a->icase = 1;
	else {
		a->icase = 0;
		a->regex = 1;
	}
	rp_find_label(arg);
}

/* Parses the pattern; returns 0, or -1 with a message. */
static int
rp_parse(struct session *s, struct rp_pat *rp)
{
	const struct session_search	*a = &s->replace.find;
	char				 err[256];
	int				 rc;

	memset(rp, 0, sizeof *rp);
	if (a->regex)
		rc = (rp->re = search_regex_new(a->text, strlen(a->text), 0,
		    err, sizeof err)) != NULL ? 0 : -1;
	else if (a->hex)
		rc = pattern_parse_hex(a->text, &rp->pat, err, sizeof err);
	else
		rc = pattern_parse_text(a->text, a->icase, &rp->pat, err,
		    sizeof err);
	if (rc == -1)
		session_message(s, 1, "bad pattern: %s", err);
	return (rc);
}

static void
rp_free(struct rp_pat *rp)
{
	pattern_free(&rp->pat);
	search_regex_free(rp->re);
}

static int
rp_find_submit(void *arg, const char *text)
{
	struct session	*s = arg;
	struct rp_pat	 rp;

	if (text[0] == '\0') {
		session_message(s, 1, "nothing to replace: type a pattern");
		return (0);
	}
	snprintf(s->replace.find.text, sizeof s->replace.find.text, "%s",
	    text);
	if (rp_parse(s, &rp) == -1)
		return (0);
	rp_free(&rp);
	s->replace.with_hex = s->replace.find.hex;
	prompt_open_line(&s->prompt, "", rp_with_submit, rp_with_tab, s);
	rp_with_label(s);
	return (0);
}

static void
rp_with_label(struct session *s)
{
	snprintf(s->prompt.label, sizeof s->prompt.label, "Replace with "
	    "(%s): ", s->replace.with_hex ? "hex" : "text");
}

static void
rp_with_tab(void *arg)
{
	struct session	*s = arg;

	s->replace.with_hex = !s->replace.with_hex;
	rp_with_label(s);
}

static int
rp_with_submit(void *arg, const char *text)
{
	struct session		*s = arg;
	struct session_replace	*r = &s->replace;
	struct pattern		 with;
	struct rp_pat		 rp;
	char			 err[256];

	if (r->with_hex && pattern_parse_hex(text, &with, err,
	    sizeof err) == -1) {
		session_message(s, 1, "bad replacement: %s", err);
		return (0);
	}
	if (!r->with_hex && pattern_parse_text(text, 0, &with, err,
	    sizeof err) == -1) {
		session_message(s, 1, "bad replacement: %s", err);
		return (0);
	}
	if (memchr(with.mask, 0x00, with.len) != NULL) {
		pattern_free(&with);
		session_message(s, 1, "a replacement cannot contain ??: type "
		    "the bytes to write");
		return (0);
	}
	memcpy(r->with, with.bytes, with.len);
	r->withlen = with.len;
	pattern_free(&with);
	if (rp_parse(s, &rp) == -1)
		return (0);
	if (rp.re == NULL && rp.pat.len != r->withlen) {
		session_message(s, 1, "the pattern is %zu bytes and the "
		    "replacement %zu: replace needs the same length",
		    rp.pat.len, r->withlen);
		rp_free(&rp);
		return (0);
	}
	rp_free(&rp);
	r->done = 0;
	return (rp_next(s, session_window(s)->cursor));
}

/* Search options with progress and cancel through run. */
static void
rp_opts(struct session *s, struct search_opts *o, struct progress *run)
{
	memset(o, 0, sizeof *o);
	o->use_holes = doc_mode(s->doc) != MAPPING_PREVIEW ||
	    session_unsaved(s) == 0;
	progress_begin(run, s, "searching");
	o->progress = progress_hook;
	o->cancel = progress_cancel_hook;
	o->arg = run;
}

static void
rp_wrong_length(struct session *s, uint64_t at, uint64_t len)
{
	session_message(s, 1, "the match at 0x%llx is %llu bytes and the "
	    "replacement %zu: replace needs the same length",
	    (unsigned long long)at, (unsigned long long)len,
	    s->replace.withlen);
}

/* Finds the next match from from on and asks about it. */
static int
rp_next(struct session *s, uint64_t from)
{
	struct session_replace	*r = &s->replace;
	struct progress		 run;
	struct search_opts	 o;
	struct rp_pat		 rp;
	enum search_result	 res;
	uint64_t		 at = 0, len = 0;
	char			 err[256];

	if (rp_parse(s, &rp) == -1)
		return (0);
	rp_opts(s, &o, &run);
	len = rp.pat.len;
	if (from >= doc_size(s->doc))
		res = SEARCH_NOT_FOUND;
	else if (rp.re != NULL)
		res = search_regex_forward(s->doc, rp.re, from, &o, &at, &len,
		    err, sizeof err);
	else
		res = search_forward(s->doc, &rp.pat, from, &o, &at, err,
		    sizeof err);
	rp_free(&rp);
	if (res == SEARCH_ERROR)
		session_message(s, 1, "replace stopped: %s", err);
	else if (res == SEARCH_CANCELLED)
		session_message(s, 0, "replace cancelled: %llu replaced",
		    (unsigned long long)r->done);
	else if (res == SEARCH_NOT_FOUND)
		session_message(s, r->done == 0, "%s: %llu replaced",
		    r->done == 0 ? "not found" : "no more matches",
		    (unsigned long long)r->done);
	else if (len != r->withlen) {
		window_goto(session_window(s), at);
		rp_wrong_length(s, at, len);
	} else {
		window_goto(session_window(s), at);
		s->has_match = 1;
		s->match = r->at = at;
		s->matchlen = (size_t)(r->len = len);
		prompt_open_key(&s->prompt, "Replace? (y)es (n)o (a)ll "
		    "(q)uit ", rp_answer, s);
	}
	return (0);
}

/* Replaces the match asked about as one undo step. */
static int
rp_one(struct session *s)
{
	struct session_replace	*r = &s->replace;
	char			 err[256];

	if (journal_write(s->journal, r->at, r->with, r->withlen, err,
	    sizeof err) == -1) {
		session_message(s, 1, "%s", err);
		return (-1);
	}
	r->done++;
	return (0);
}

static int
rp_answer(void *arg, int key)
{
	struct session		*s = arg;
	struct session_replace	*r = &s->replace;

	switch (key) {
	case 'y':
	case 'Y':
	case ' ':
		prompt_close(&s->prompt);
		if (rp_one(s) == -1)
			return (0);
		return (rp_next(s, r->at + r->len));
	case 'n':
	case 'N':
	case KEYMAP_DELETE:
		prompt_close(&s->prompt);
		return (rp_next(s, r->at + r->len));
	case 'a':
	case 'A':
	case '!':
		prompt_close(&s->prompt);
		return (rp_all(s, r->at));
	case 'q':
	case 'Q':
	case '\r':
	case KEYMAP_ESC:
	case KEYMAP_CTRL('G'):
	case KEYMAP_CTRL('C'):
		prompt_close(&s->prompt);
		session_message(s, 0, "replace stopped: %llu replaced",
		    (unsigned long long)r->done);
		return (0);
	}
	session_message(s, 1, "press y to replace, n to skip, a for all, "
	    "q to stop");
	return (0);
}

/* Adds a match, noting the first one of the wrong length. */
static int
rp_add(struct rp_list *l, uint64_t at, uint64_t len)
{
	uint64_t	*off;

	if (len != l->want) {
		l->bad = at;
		l->badlen = len;
		return (1);
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		if ((off = realloc(l->off, l->cap * sizeof *off)) == NULL) {
			l->nomem = 1;
			return (1);
		}
		l->off = off;
	}
	l->off[l->n++] = at;
	return (0);
}

/* search_all() reports overlapping matches: keep those after the last. */
static int
rp_add_literal(void *arg, uint64_t at)
{
	struct rp_list	*l = arg;

	if (at < l->next)
		return (0);
	l->next = at + l->len;
	return (rp_add(l, at, l->len));
}

static int
rp_add_regex(void *arg, uint64_t at, uint64_t len)
{
	return (rp_add(arg, at, len));
}

/*
 * Replaces every match from from on as one undo step: collects them all
 * first, so that a match of the wrong length, a cancel or an error
 * leaves the file as it was.
 */
static int
rp_all(struct session *s, uint64_t from)
{
	struct session_replace	*r = &s->replace;
	struct rp_list		 l;
	struct progress		 run;
	struct search_opts	 o;
	struct rp_pat		 rp;
	enum search_result	 res;
	char			 err[256];
	int			 rc;

	if (rp_parse(s, &rp) == -1)
		return (0);
	memset(&l, 0, sizeof l);
	l.bad = UINT64_MAX;
	l.len = rp.pat.len;
	l.want = r->withlen;
	rp_opts(s, &o, &run);
	if (rp.re != NULL)
		res = search_regex_all(s->doc, rp.re, from, &o, rp_add_regex,
		    &l, err, sizeof err);
	else
		res = search_all(s->doc, &rp.pat, from, &o, rp_add_literal, &l,
		    err, sizeof err);
	rp_free(&rp);
	if (res == SEARCH_ERROR || res == SEARCH_CANCELLED || l.nomem ||
	    l.bad != UINT64_MAX || l.n == 0) {
		if (res == SEARCH_ERROR)
			session_message(s, 1, "replace stopped: %s", err);
		else if (res == SEARCH_CANCELLED)
			session_message(s, 0, "replace cancelled: %llu "
			    "replaced", (unsigned long long)r->done);
		else if (l.nomem)
			session_message(s, 1, "replace: out of memory for "
			    "the matches: nothing replaced");
		else if (l.bad != UINT64_MAX) {
			window_goto(session_window(s), l.bad);
			rp_wrong_length(s, l.bad, l.badlen);
		} else
			session_message(s, r->done == 0, "not found: %llu "
			    "replaced", (unsigned long long)r->done);
		free(l.off);
		return (0);
	}
	progress_begin(&run, s, "replacing");
	journal_set_progress(s->journal, progress_step_hook, &run);
	rc = journal_write_at(s->journal, l.off, l.n, r->with, r->withlen,
	    err, sizeof err);
	journal_set_progress(s->journal, NULL, NULL);
	if (rc == -1 && run.cancelled)
		session_message(s, 0, "replace cancelled: nothing changed by "
		    "replace all");
	else if (rc == -1)
		session_message(s, 1, "%s", err);
	else {
		r->done += l.n;
		window_goto(session_window(s), l.off[l.n - 1]);
		session_message(s, 0, "replaced %zu in one undo step (%llu "
		    "in all)", l.n, (unsigned long long)r->done);
	}
	free(l.off);
	return (0);
}
