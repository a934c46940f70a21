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

Verdicts are dicts with ``is_match`` and the similarities that decided, typed below
(``SurnameVerdict``, ``FirstNamesVerdict``, ``NamesVerdict``, ``IdentificationVerdict``).

>>> from onr import name_match
>>> name_match.comparison_form("Äyrämö")
'ayramo'
>>> name_match.names_match("Anna", "Virtanen", "Hanna-Leena", "Virtanen")["verdict"]
'match'
"""

from __future__ import annotations

from typing import Literal, TypedDict, Union

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


# --- the typed shapes of the verdicts: ``is_match`` on the outermost dict only, nested rules
# without it. Similarities are ONR's single-precision values as Python floats. ---


class SurnameVerdict(TypedDict):
    """``surname``: the similarity of the comparison forms and whether it is ``>= 0.85``."""

    similarity: float
    similar: bool
    is_match: bool


class FirstNamesSubstring(TypedDict):
    """The reference's comparison form contains the given one."""

    rule: Literal["substring"]


class FirstNamesSimilarTokens(TypedDict):
    """A token of each is similar: their indices (of ``first_name_tokens``) and similarity."""

    rule: Literal["similar_tokens"]
    given_token: int
    reference_token: int
    similarity: float


class FirstNamesDifferent(TypedDict):
    """No rule matched; the best token similarity seen."""

    rule: Literal["different"]
    best_similarity: float


#: The first-name rule that decided, tagged by ``rule`` (nested in the other verdicts).
FirstNamesRule = Union[FirstNamesSubstring, FirstNamesSimilarTokens, FirstNamesDifferent]


class FirstNamesSubstringVerdict(FirstNamesSubstring):
    """``first_names`` matched by substring."""

    is_match: Literal[True]


class FirstNamesSimilarTokensVerdict(FirstNamesSimilarTokens):
    """``first_names`` matched by similar tokens."""

    is_match: Literal[True]


class FirstNamesDifferentVerdict(FirstNamesDifferent):
    """``first_names`` did not match."""

    is_match: Literal[False]


#: ``first_names``: the rule that decided and ``is_match``.
FirstNamesVerdict = Union[FirstNamesSubstringVerdict, FirstNamesSimilarTokensVerdict, FirstNamesDifferentVerdict]


class NamesMatch(TypedDict):
    """The surname and the first names match."""

    verdict: Literal["match"]
    surname_similarity: float
    first_names: FirstNamesRule


class NamesSurnameDiffers(TypedDict):
    """The surnames differ (the first names were not compared)."""

    verdict: Literal["surname_differs"]
    surname_similarity: float


class NamesFirstNamesDiffer(TypedDict):
    """The surnames match, the first names differ."""

    verdict: Literal["first_names_differ"]
    surname_similarity: float
    best_first_name_similarity: float


#: ONR's ``namesMatch``, tagged by ``verdict`` (nested in ``IdentificationMismatch``).
NamesRule = Union[NamesMatch, NamesSurnameDiffers, NamesFirstNamesDiffer]


class NamesMatchVerdict(NamesMatch):
    """``names_match``: a match."""

    is_match: Literal[True]


class NamesSurnameDiffersVerdict(NamesSurnameDiffers):
    """``names_match``: the surnames differ."""

    is_match: Literal[False]


class NamesFirstNamesDifferVerdict(NamesFirstNamesDiffer):
    """``names_match``: the first names differ."""

    is_match: Literal[False]


#: ``names_match``: the verdict and ``is_match``.
NamesVerdict = Union[NamesMatchVerdict, NamesSurnameDiffersVerdict, NamesFirstNamesDifferVerdict]


class VtjFormerSurname(TypedDict):
    """VTJ's former surname that matched, by its index in ``former_surnames``."""

    former: int


class IdentificationBlankNames(TypedDict):
    """ONR's names are blank and the person has a hetu: accepted without comparing."""

    verdict: Literal["blank_names_with_hetu"]
    is_match: Literal[True]


class IdentificationMatch(TypedDict):
    """The names match: whether ONR's fields were swapped, which VTJ surname matched
    (``"current"`` or a former one), and the rules that decided."""

    verdict: Literal["match"]
    swapped: bool
    vtj_surname: Union[Literal["current"], VtjFormerSurname]
    surname_similarity: float
    first_names: FirstNamesRule
    is_match: Literal[True]


class IdentificationMismatch(TypedDict):
    """The names match neither directly nor swapped: both ``namesMatch`` verdicts. (Here
    ``swapped`` is the verdict of the swapped fields, not a ``bool`` as in a match.)"""

    verdict: Literal["mismatch"]
    direct: NamesRule
    swapped: NamesRule
    is_match: Literal[False]


#: ``identification`` (``tarkistaNimet``): the verdict, tagged by ``verdict``, and ``is_match``.
IdentificationVerdict = Union[IdentificationBlankNames, IdentificationMatch, IdentificationMismatch]

__all__ += [
    "FirstNamesDifferent",
    "FirstNamesDifferentVerdict",
    "FirstNamesRule",
    "FirstNamesSimilarTokens",
    "FirstNamesSimilarTokensVerdict",
    "FirstNamesSubstring",
    "FirstNamesSubstringVerdict",
    "FirstNamesVerdict",
    "IdentificationBlankNames",
    "IdentificationMatch",
    "IdentificationMismatch",
    "IdentificationVerdict",
    "NamesFirstNamesDiffer",
    "NamesFirstNamesDifferVerdict",
    "NamesMatch",
    "NamesMatchVerdict",
    "NamesRule",
    "NamesSurnameDiffers",
    "NamesSurnameDiffersVerdict",
    "NamesVerdict",
    "SurnameVerdict",
    "VtjFormerSurname",
]
