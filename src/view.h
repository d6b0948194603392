/*
 * view.h: draws the editor's state into a frame.
 *
 * Only the rows on screen are read from the mapping.  The view reads
 * editor state and writes the frame; the one thing it tells the editor
 * is where it found an unreadable byte (ed->fault), so the editor can
 * re-read the size.
 */
#ifndef MAPHEX_VIEW_H
#define MAPHEX_VIEW_H

struct editor;
struct frame;

/* Fills the frame, which the caller has sized to the terminal. */
void	view_render(struct editor *, struct frame *);

#endif
