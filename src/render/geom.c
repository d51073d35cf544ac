/* geom.c — turned frames and EXIF-turned pictures, shared by the renderers. */
#include "render/geom.h"

/* TRUE if the area turns its children. */
gboolean
gw_geom_turns (const gw_area *a)
{
  return (a->kind == GW_AREA_BLOCK || a->kind == GW_AREA_REGION) && a->u.box.orient;
}

/* The children frame → page transform of a turned area. */
void
gw_geom_orient_matrix (const gw_area *a, cairo_matrix_t *m)
{
  double c = 0, s = 0, tx = a->x, ty = a->y;
  switch (a->u.box.orient)
    {
    case 90: s = -1, ty = a->y + a->h; break;                       /* (u, v) → (v, -u) */
    case 180: c = -1, tx = a->x + a->w, ty = a->y + a->h; break;    /* (u, v) → (-u, -v) */
    case 270: s = 1, tx = a->x + a->w; break;                       /* (u, v) → (-v, u) */
    default: c = 1; break;
    }
  cairo_matrix_init (m, c, s, -s, c, tx, ty);
  cairo_matrix_translate (m, -a->x, -a->y);
}

/* The stored → upright transform of an EXIF-oriented picture. */
void
gw_geom_exif_matrix (guint orientation, int iw, int ih, cairo_matrix_t *m, double *uw,
                     double *uh)
{
  /* pixel (px, py) of the stored picture → upright (dx, dy) = (xx·px + xy·py, yx·px + yy·py)
   * + the upright size where a coefficient is negative; rows {xx, yx, xy, yy} for 1 … 8 */
  static const double turn[8][4] = { { 1, 0, 0, 1 }, { -1, 0, 0, 1 }, { -1, 0, 0, -1 },
                                     { 1, 0, 0, -1 }, { 0, 1, 1, 0 }, { 0, 1, -1, 0 },
                                     { 0, -1, -1, 0 }, { 0, -1, 1, 0 } };
  guint o = orientation >= 1 && orientation <= 8 ? orientation - 1 : 0;
  const double *t = turn[o];
  *uw = o >= 4 ? ih : iw;
  *uh = o >= 4 ? iw : ih;
  cairo_matrix_init (m, t[0], t[1], t[2], t[3], t[0] < 0 || t[2] < 0 ? *uw : 0,
                     t[1] < 0 || t[3] < 0 ? *uh : 0);
}

/* The matrix `a`'s children are placed with (see geom.h). */
const cairo_matrix_t *
gw_geom_child_matrix (const gw_area *a, const cairo_matrix_t *m, cairo_matrix_t *buf)
{
  if (!gw_geom_turns (a))
    return m;
  gw_geom_orient_matrix (a, buf);
  if (m)
    cairo_matrix_multiply (buf, buf, m);
  return buf;
}
