"""TRIGRAM (pg_trgm's trigram similarity, the metric of ONR's duplicate search).

ONR finds duplicate persons in PostgreSQL: ``similarity(a, b) >= 0.5`` (the ``%`` operator) over
``lower(unaccent(etunimet kutsumanimi sukunimi YYYY-MM-DD))``. pg_trgm splits each word
(letters and digits) into trigrams of ``"  w" + word + " "``, and the similarity is the number
of shared trigrams over the size of their union, in single precision. ``similarity_fmt`` (also
``onr.similarity``) compares ONR's ``lower(unaccent())`` forms; ``similarity`` the strings as
given. Values are bit for bit PostgreSQL's. To compare one text with many, build its
``TrigramSet`` once (``TrigramSet(text)`` as given, ``TrigramSet(text, form="onr")`` in ONR's
form); ``onr.DuplicateIndex.from_texts`` indexes any texts the same way. Where you choose the
form, ``form=`` takes ``"raw"`` or ``"onr"`` or a ``Form`` (``fmt=True``/``False`` is its
deprecated alias).

>>> from onr import trigram
>>> trigram.similarity_fmt("Mäkinen Matti", "Makinen Matti")
1.0
>>> trigram.pg_float4_text(trigram.similarity("word", "two words"))
'0.36363637'
>>> trigram.TrigramSet("Mäkinen Matti", form="onr").similarity_to("Makinen Matti")
1.0
"""

from __future__ import annotations

from onr import _onr
from onr._enums import _CodeEnum


class Form(_CodeEnum):
    """The form in which a text's trigrams are taken (onr-core's ``trigram::Form``).

    ``RAW`` (``"raw"``): the text as given, pg_trgm's own rule (``show_trgm(text)``);
    ``ONR`` (``"onr"``): ONR's comparison form ``lower(unaccent(text))`` (ONR's
    ``duplicate_search_fmt``). Functions take a member or its value.

    >>> from onr import trigram
    >>> trigram.TrigramSet("Äijä", form=trigram.Form.ONR) == trigram.TrigramSet("aija", form="raw")
    True
    """

    RAW = "raw"
    ONR = "onr"


TrigramSet = _onr.TrigramSet
similarity = _onr.trigram_similarity
similarity_fmt = _onr.trigram_similarity_fmt
similarity_many = _onr.trigram_similarity_many
is_similar = _onr.trigram_is_similar
distance = _onr.trigram_distance
pg_float4_text = _onr.trigram_pg_float4_text

#: ONR's duplicate threshold (pg_trgm's default ``similarity_threshold``, 0.5), from onr-core.
DEFAULT_THRESHOLD: float = _onr.TRIGRAM_DEFAULT_THRESHOLD

__all__ = [
    "DEFAULT_THRESHOLD",
    "Form",
    "TrigramSet",
    "distance",
    "is_similar",
    "pg_float4_text",
    "similarity",
    "similarity_fmt",
    "similarity_many",
]
