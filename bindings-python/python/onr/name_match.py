"""Name matching (ONR's name normalisation and the Jaro-Winkler name rules).

ONR compares a person's names with another source's (VTJ, the population register, or an
import row) after one normalisation (``comparison_form``: NFD, accents stripped, Junidecode's
ASCII transliteration, lowercase) and always with Lucene's Jaro-Winkler (``onr.jaro_winkler``)
at ``>= 0.85``:

* ``surname``: the comparison forms are similar;
* ``first_names``: the reference's form contains the given one, or a token of each is similar
  (tokens: whitespace-separated names plus the parts of hyphenated ones);
* ``names_match`` (import conflicts, existence checks): the surname rule, then the first-name
  rule;
* ``identification`` (``tarkistaNimet``): ONR's names against VTJ's, with former surnames and
  sources that swap the fields.

Verdicts are dicts with ``is_match`` and the similarities that decided.

>>> from onr import name_match
>>> name_match.comparison_form("Äyrämö")
'ayramo'
>>> name_match.names_match("Anna", "Virtanen", "Hanna-Leena", "Virtanen")["verdict"]
'match'
"""

from __future__ import annotations

from onr import _onr

comparison_form = _onr.name_comparison_form
first_name_tokens = _onr.name_first_name_tokens
surname = _onr.name_surname
first_names = _onr.name_first_names
names_match = _onr.name_names_match
identification = _onr.name_identification
jaro_winkler = _onr.jaro_winkler_similarity
is_similar = _onr.jaro_winkler_is_similar

#: ONR's threshold for both first names and surnames (single precision ``0.85f``), from onr-core.
THRESHOLD: float = _onr.NAME_MATCH_THRESHOLD

__all__ = [
    "THRESHOLD",
    "comparison_form",
    "first_name_tokens",
    "first_names",
    "identification",
    "is_similar",
    "jaro_winkler",
    "names_match",
    "surname",
]
