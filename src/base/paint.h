/* paint.h — the paint values that the FO styles carry and the area tree keeps: a colour and a
 * border side. In base because fo computes them, area holds them and render paints them, and
 * area sees nothing of fo. */
#ifndef GW_PAINT_H
#define GW_PAINT_H

/* A colour, components 0–1 (a = alpha). */
typedef struct { double r, g, b, a; } gw_rgba;

/* A border's style (border-*-style). */
typedef enum { GW_BS_NONE, GW_BS_SOLID, GW_BS_DASHED, GW_BS_DOTTED, GW_BS_DOUBLE,
               GW_BS_GROOVE, GW_BS_RIDGE, GW_BS_INSET, GW_BS_OUTSET, GW_BS_HIDDEN } gw_bstyle;
/* One side of a border. */
typedef struct { double width; gw_bstyle style; gw_rgba color; } gw_border;

#endif
