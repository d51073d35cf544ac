/* intern.c — interned strings: a GStringChunk for the bytes, a hash set for the lookup. */
#include "fo/intern.h"

struct gw_strings {
  /* owned */
  GStringChunk *chunk;
  GHashTable *index; /* char* (in chunk) → same */
};

/* Creates an empty table. */
gw_strings *
gw_strings_new (void)
{
  gw_strings *t = g_new0 (gw_strings, 1);
  t->chunk = g_string_chunk_new (4096);
  t->index = g_hash_table_new (g_str_hash, g_str_equal);
  return t;
}

/* Frees the table. */
void
gw_strings_free (gw_strings *strings)
{
  if (!strings)
    return;
  g_hash_table_destroy (strings->index);
  g_string_chunk_free (strings->chunk);
  g_free (strings);
}

/* Interns a string. */
const char *
gw_strings_intern (gw_strings *strings, const char *s)
{
  const char *found = g_hash_table_lookup (strings->index, s);
  if (found)
    return found;
  char *copy = g_string_chunk_insert (strings->chunk, s);
  g_hash_table_add (strings->index, copy);
  return copy;
}
