/* intern.h — interned strings of one document: equal strings share one copy, so a style or an
 * element's properties hold them as pointers (compared and hashed as pointers). */
#ifndef GW_INTERN_H
#define GW_INTERN_H

#include <glib.h>

typedef struct gw_strings gw_strings;

/* Creates an empty string table; caller owns (gw_strings_free). */
gw_strings *gw_strings_new (void);
/* Frees the table and every string in it. */
void gw_strings_free (gw_strings *strings);
/* The table's copy of `s` (added when new); borrowed, lives as long as the table. */
const char *gw_strings_intern (gw_strings *strings, const char *s);

#endif
