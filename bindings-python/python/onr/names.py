"""NAMES (the name normalisation of ONR's duplicate search, as PostgreSQL applies it).

ONR's duplicate search compares ``lower(unaccent(x))`` strings: ``unaccent`` is PostgreSQL's
extension with its default rules (letters with diacritics to the base letter, ligatures such as
``æ`` to ``ae``, ``ß`` to ``ss``, typographic punctuation to ASCII, combining marks deleted;
no Unicode normalisation), ``lower`` PostgreSQL's in a UTF-8 libc locale (glibc's ``towlower``
per character, no final-sigma rule). The stored side is the generated column
``etunimet || ' ' || kutsumanimi || ' ' || sukunimi || ' ' || YYYY-MM-DD`` (NULL when a name
part is NULL); the query side joins the parts present.

>>> from onr import names
>>> names.duplicate_search_fmt("Äijälä Œdipe ẞ")
'aijala oedipe ss'
"""

from __future__ import annotations

from onr import _onr

unaccent = _onr.names_unaccent
lower = _onr.names_lower
duplicate_search_fmt = _onr.names_duplicate_search_fmt
stored_search_string = _onr.names_stored_search_string
query_search_string = _onr.names_query_search_string

__all__ = ["duplicate_search_fmt", "lower", "query_search_string", "stored_search_string", "unaccent"]
