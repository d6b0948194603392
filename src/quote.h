/*
 * quote.h: strings made safe to print inside a one-line message.
 *
 * A path or a pattern typed by the user may hold a newline, an escape
 * sequence or bytes that are not UTF-8.  Printed raw into an error,
 * they would split the line or drive the terminal.  Nothing here
 * prints or allocates.
 */
#ifndef MAPHEX_QUOTE_H
#define MAPHEX_QUOTE_H

#include <stddef.h>

/*
 * Copies s into buf (len bytes, always terminated when len > 0) with
 * every byte a terminal could act on written out: \n, \r and \t as
 * themselves, other control bytes, DEL, C1 controls and bytes that are
 * not valid UTF-8 as \xNN.  Backslashes are kept as they are, so
 * quoting twice changes nothing.  An empty s becomes ''.  What does not
 * fit is cut at a whole character and marked with "...".  Returns buf.
 */
const char	*quote_string(char *buf, size_t len, const char *s);

/*
 * Returns where the character holding byte i of s starts, so that a
 * string cut there never ends inside a UTF-8 sequence: i itself,
 * unless s[i] is a continuation byte with a lead byte at most three
 * bytes before it.
 */
size_t		 quote_char_start(const char *s, size_t i);

#endif
