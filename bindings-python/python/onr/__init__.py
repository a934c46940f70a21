"""onr: the rules of Finland's learner-number registry (Oppijanumerorekisteri, ONR), applied
locally, at native speed, with ONR's exact verdicts.

A thin typed layer over the Rust library onr-core: every rule lives there, this package only
converts. Modules follow python-stdnum's verbs (``is_valid``, ``validate``, ``normalize``...):

* ``onr.hetu``: the Finnish personal identity code (henkilötunnus), ``onr.Hetu``;
* ``onr.oid``: OIDs of the Finnish education administration, ``onr.Oid``;
* ``onr.Person``: a person record and the state ONR derives from it;
* ``onr.linking``: master/slave linking of duplicate person records;
* ``onr.jaro_winkler`` and ``onr.name_match``: Lucene's Jaro-Winkler and ONR's name rules;
* ``onr.similarity``, ``onr.trigram``, ``onr.TrigramSet``, ``onr.names``, ``onr.DuplicateIndex``
  and ``onr.find_duplicates``: ONR's duplicate search (pg_trgm over ``lower(unaccent())``), bit for
  bit PostgreSQL's, at scale;
* ``onr.check_import``: ONR's verdict on a whole import batch before it is sent (its report
  typed in ``onr.import_check``);
* ``onr.client.Client``: send a checked batch to ONR, follow it to the end, audit the result,
  and read the change feed (the protocol is onr-client's, in Rust).

Errors are ``onr.OnrError`` (a ``ValueError``) subclasses carrying a stable ``code``.

>>> import onr
>>> onr.hetu.is_valid("131052-308T")
True
>>> onr.Hetu.parse("131052-308T").birth_date
datetime.date(1952, 10, 13)
"""

from __future__ import annotations

from onr import _onr
from onr._enums import Category, Change, Edit, Environment, HetuWarning, Lang, Sex
from onr._errors import (
    ClientError,
    HetuError,
    ImportBatchError,
    InternalError,
    LinkError,
    OidError,
    OnrError,
    PersonError,
    SimilarityError,
)
from onr._onr import DuplicateIndex, Hetu, Oid, Person, TrigramSet, check_import, find_duplicates
from onr._onr import jaro_winkler_is_similar, jaro_winkler_many
from onr._onr import jaro_winkler_similarity as jaro_winkler
from onr._onr import trigram_similarity_fmt as similarity

from onr import client, hetu, import_check, linking, name_match, names, oid, trigram  # noqa: E402  (submodules)

__version__: str = _onr.CORE_VERSION

__all__ = [
    "Category",
    "ClientError",
    "DuplicateIndex",
    "Change",
    "Edit",
    "Environment",
    "Hetu",
    "HetuError",
    "HetuWarning",
    "ImportBatchError",
    "InternalError",
    "Lang",
    "LinkError",
    "Oid",
    "OidError",
    "OnrError",
    "Person",
    "PersonError",
    "Sex",
    "SimilarityError",
    "TrigramSet",
    "__version__",
    "check_import",
    "find_duplicates",
    "hetu",
    "import_check",
    "jaro_winkler",
    "jaro_winkler_is_similar",
    "jaro_winkler_many",
    "linking",
    "name_match",
    "names",
    "oid",
    "similarity",
    "trigram",
]
