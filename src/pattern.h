/*
 * pattern.h: search and fill patterns, parsed from what the user typed.
 *
 * A pattern is a string of bytes, each with a mask saying whether it
 * must match or is a wildcard, and a flag folding ASCII case.  Parsing
 * fails with a one-line message naming the column at fault; nothing
 * here prints or exits.
 */
#ifndef MAPHEX_PATTERN_H
#define MAPHEX_PATTERN_H

#include <stddef.h>

struct pattern {
	unsigned char	*bytes;
	unsigned char	*mask;	/* 0xff: must match, 0x00: any byte */
	size_t		 len;
	int		 icase;	/* ASCII letters match either case */
};

/*
 * Parses hex bytes ("de ad ?? ef", "??" any byte; spaces are optional
 * between bytes and refused inside one) into p, which the caller frees
 * with pattern_free().  Returns 0, or -1 with a message naming the
 * fault and leaves p empty.
 */
int	pattern_parse_hex(const char *text, struct pattern *p, char *err,
	    size_t errlen);

/*
 * Parses text taken literally; icase makes ASCII letters match either
 * case.  Returns 0, or -1 (empty text, no memory) with a message.
 */
int	pattern_parse_text(const char *text, int icase, struct pattern *p,
	    char *err, size_t errlen);

/* Frees what a parse allocated; safe on an empty or freed pattern. */
void	pattern_free(struct pattern *p);

#endif
