"""TRIGRAM (pg_trgm's trigram similarity, the metric of ONR's duplicate search).

ONR finds duplicate persons in PostgreSQL: ``similarity(a, b) >= 0.5`` (the ``%`` operator) over
``lower(unaccent(etunimet kutsumanimi sukunimi YYYY-MM-DD))``. pg_trgm splits each word
(letters and digits) into trigrams of ``"  w" + word + " "``, and the similarity is the number
of shared trigrams over the size of their union, in single precision. ``similarity_fmt`` (also
``onr.similarity``) compares ONR's ``lower(unaccent())`` forms; ``similarity`` the strings as
given. Values are bit for bit PostgreSQL's. To compare one text with many, build its
``TrigramSet`` once (``TrigramSet(text)`` as given, ``TrigramSet(text, fmt=True)`` in ONR's
form); ``onr.DuplicateIndex.from_texts`` indexes any texts the same way.

>>> from onr import trigram
>>> trigram.similarity_fmt("Mäkinen Matti", "Makinen Matti")
1.0
>>> trigram.pg_float4_text(trigram.similarity("word", "two words"))
'0.36363637'
>>> trigram.TrigramSet("Mäkinen Matti", fmt=True).similarity_to("Makinen Matti")
1.0
"""

from __future__ import annotations

from onr import _onr

TrigramSet = _onr.TrigramSet
similarity = _onr.trigram_similarity
similarity_fmt = _onr.trigram_similarity_fmt
similarity_many = _onr.trigram_similarity_many
is_similar = _onr.trigram_is_similar
distance = _onr.trigram_distance
pg_float4_text = _onr.trigram_pg_float4_text

#: ONR's duplicate threshold (pg_trgm's default ``similarity_threshold``).
DEFAULT_THRESHOLD = 0.5

__all__ = [
    "DEFAULT_THRESHOLD",
    "TrigramSet",
    "distance",
    "is_similar",
    "pg_float4_text",
    "similarity",
    "similarity_fmt",
    "similarity_many",
]
