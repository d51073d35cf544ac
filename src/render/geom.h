/* geom.h — the geometry both renderers (render.c: Cairo PDF/PNG, ofd.c: OFD) read off the
 * area tree the same way: turned frames (reference-orientation) and EXIF-turned pictures.
 * Matrices are cairo_matrix_t (xx, yx, xy, yy, x0, y0): a point (x, y) goes to
 * (xx·x + xy·y + x0, yx·x + yy·y + y0). */
#ifndef GW_RENDER_GEOM_H
#define GW_RENDER_GEOM_H

#include "area/area.h"
#include <cairo.h>

/* TRUE if an area turns its children (a BLOCK or REGION of reference-orientation ≠ 0). */
gboolean gw_geom_turns (const gw_area *a);
/* The transform of an area's children frame onto the area (reference-orientation): a child
 * point (px, py) is at (px - x, py - y) in a frame w × h (exchanged for 90/270) whose top
 * points left (90), down (180) or right (270) on the page. */
void gw_geom_orient_matrix (const gw_area *a, cairo_matrix_t *m);

/* The matrix `a`'s children are placed with: `m` (NULL: none) when `a` does not turn, else
 * `a`'s turn followed by `m`, written to `buf` and returned. */
const cairo_matrix_t *gw_geom_child_matrix (const gw_area *a, const cairo_matrix_t *m,
                                            cairo_matrix_t *buf);
/* The transform of a stored picture of iw × ih pixels with EXIF `orientation` (1–8; others
 * as 1) onto its upright self; *uw × *uh receive the upright size in pixels. */
void gw_geom_exif_matrix (guint orientation, int iw, int ih, cairo_matrix_t *m, double *uw,
                          double *uh);

#endif
