/* ofd-zip.h — the zip container of an OFD package (libzip, in memory). */
#ifndef GW_RENDER_OFD_ZIP_H
#define GW_RENDER_OFD_ZIP_H

#include "base/ctx.h"

/* Zips the files `names` (char*) with contents `datas` (GBytes*, kept until it returns) in
 * that order, every entry stamped with `when` (its UTC fields, written back unchanged
 * whatever the time zone: the same bytes everywhere), pictures stored, the rest deflated.
 * Returns the zip (caller frees), or NULL after reporting on `path`. */
GBytes *gw_ofd_zip_new (gw_ctx *ctx, GPtrArray *names, GPtrArray *datas, gint64 when,
                        const char *path) G_GNUC_WARN_UNUSED_RESULT;

#endif
