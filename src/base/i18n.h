/* i18n.h — the messages' language: GNU gettext, text domain "gongwen" (po/zh_CN.po).
 * Mark user-facing text with _("…") (translated where it is used) or N_("…") (in a
 * table, translated with _() where it is printed). xgettext reads these two keywords. */
#ifndef GW_I18N_H
#define GW_I18N_H

#define GETTEXT_PACKAGE "gongwen"
#include <glib/gi18n-lib.h>

/* Binds the text domain to the folder of compiled catalogs: $GW_LOCALEDIR, else
 * build/locale beside an uninstalled binary, else the installed PREFIX/share/locale. Call
 * once, after setlocale. */
void gw_i18n_init (void);

#endif
