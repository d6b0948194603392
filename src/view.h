/*
 * view.h: draws a session into a frame.
 *
 * Only the rows on screen are read from the document.  The view reads
 * the session and writes nothing but the frame: where it finds a byte
 * it cannot read, it says so in its return value, and the caller tells
 * the session (session_fault()).
 */
#ifndef MAPHEX_VIEW_H
#define MAPHEX_VIEW_H

#include <stdint.h>

struct session;
struct frame;

/*
 * Fills the frame, which the caller has sized to the terminal.
 * Returns 0, or the offset of the first unreadable byte on screen
 * plus one.
 */
uint64_t view_render(const struct session *, struct frame *);

#endif
