"""Linking (linkitys, joining duplicate person records under one master).

ONR joins records of the same real person by links from a *master* (the surviving record) to
*slaves* (duplicates, flagged ``duplicate`` and ``passivoitu``). Two levels only: a master is
never a slave, a slave has exactly one master. ``Registry`` holds persons (``onr.Person``) and
links and applies ONR's operations exactly (``link``, ``force_link``, ``unlink``, the hetu
collisions, ``passivate``), each atomic, returning what changed or raising
``onr.LinkError``; ``check_links`` checks a link table loaded from elsewhere;
``ChangeFeedTracker`` follows ONR's change feed on a consumer's side. The results are plain
dicts typed below (``Outcome``, ``Violation``, ``PersonDict``, ...).

>>> from onr import linking
>>> reg = linking.Registry.from_links([("M", "S1"), ("M", "S2")])
>>> reg.master_of("S1"), reg.slaves_of("M")
('M', ['S1', 'S2'])
"""

from __future__ import annotations

from typing import List, Literal, Optional, TypedDict, Union

from onr import _onr
from onr._errors import LinkError

Registry = _onr.Registry
ChangeFeedTracker = _onr.ChangeFeedTracker
check_links = _onr.linking_check_links

#: How many OIDs ONR's ``/s2s/duplicateHenkilos`` queries at once (5000), from onr-core.
DUPLICATE_QUERY_CHUNK: int = _onr.LINKING_DUPLICATE_QUERY_CHUNK
#: The most OIDs ``masterHenkilosByOidList`` accepts (5000), from onr-core.
MAX_MASTER_QUERY: int = _onr.LINKING_MAX_MASTER_QUERY

__all__ = [
    "DUPLICATE_QUERY_CHUNK",
    "ChangeFeedTracker",
    "LinkError",
    "MAX_MASTER_QUERY",
    "Registry",
    "check_links",
]


# --- the typed shapes of the results (plain dicts, in the shapes of onr-core's serde derives) ---

#: A flag of a person record (ONR's field name).
Flag = Literal[
    "passivoitu", "duplicate", "yksiloity", "yksiloityVTJ", "yksiloityEidas", "yksilointiYritetty", "turvakielto"
]
#: A non-flag field of a person record that an operation changed (values are not repeated).
Field = Literal[
    "hetu",
    "kaikkiHetut",
    "identifications",
    "kansalaisuus",
    "aidinkieli",
    "huoltajat",
    "syntymaaika",
    "sukupuoli",
    "yhteystiedotRyhma",
    "kotikuntaHistoria",
]
#: An identity provider of a login identification.
IdpEntityId = Literal["oppijaToken", "google", "email", "eidas"]


class Identification(TypedDict):
    """A login identification: the identity provider and the identifier there."""

    idpEntityId: IdpEntityId
    identifier: str


class Kielisyys(TypedDict):
    """A language code of koodisto ``kieli`` (``aidinkieli``)."""

    kieliKoodi: str


class Kansalaisuus(TypedDict):
    """A citizenship code of koodisto ``maatjavaltiot2``."""

    kansalaisuusKoodi: str


class EidasTunniste(TypedDict):
    """An eIDAS identifier."""

    tunniste: str


class ContactInfo(TypedDict):
    """A contact value: its type (e.g. ``YHTEYSTIETO_SAHKOPOSTI``) and free text."""

    yhteystietoTyyppi: str
    yhteystietoArvo: Optional[str]


class ContactGroup(TypedDict):
    """A group of contact values: its description and origin codes, and whether it is read-only."""

    ryhmaKuvaus: Optional[str]
    ryhmaAlkuperaTieto: str
    readOnly: bool
    yhteystieto: List[ContactInfo]


class PersonDict(TypedDict):
    """``onr.Person.to_dict()``: the record in ONR's JSON shape (every key always present;
    ``syntymaaika`` is ISO text). ``Person.from_dict`` reads it back."""

    oidHenkilo: str
    hetu: Optional[str]
    kaikkiHetut: List[str]
    etunimet: str
    kutsumanimi: str
    sukunimi: str
    syntymaaika: Optional[str]
    sukupuoli: Optional[str]
    aidinkieli: Optional[Kielisyys]
    kansalaisuus: List[Kansalaisuus]
    passinumerot: List[str]
    identifications: List[Identification]
    eidasTunnisteet: List[EidasTunniste]
    kotikunta: Optional[str]
    yhteystiedotRyhma: List[ContactGroup]
    huoltajat: List[str]
    passivoitu: bool
    duplicate: bool
    yksiloity: bool
    yksiloityVTJ: bool
    yksiloityEidas: bool
    yksilointiYritetty: bool
    turvakielto: bool


class Link(TypedDict):
    """A link row (master to slave)."""

    master: str
    slave: str


#: A link row whose master changed (a slave's slave handed over to the new master).
Repoint = TypedDict("Repoint", {"slave": str, "from": str, "to": str})
#: A flag an operation changed, with its value before (``from``) and after (``to``).
FlagChange = TypedDict("FlagChange", {"oid": str, "flag": Flag, "from": bool, "to": bool})


class FieldChange(TypedDict):
    """A field an operation changed (the values are not repeated: they may be personal data)."""

    oid: str
    field: Field


class Merge(TypedDict):
    """What linking moved from a slave to its master (only when neither has a hetu)."""

    slave: str
    master: str
    identifications: List[Identification]
    kansalaisuus: List[str]
    aidinkieli: Optional[str]


class OidLint(TypedDict):
    """A surprising effect of an operation about one person (``kind``; code ``link.lint.*``)."""

    kind: Literal[
        "silent_reactivation",
        "hetu_counts_as_identified",
        "self_link_ignored",
        "repeated_slave_in_response",
        "unlink_reactivates_other_passivation",
        "still_linked_but_not_duplicate",
        "identified_slave_keeps_link",
        "passivation_not_in_change_feed",
    ]
    oid: str


class LinkRowLint(TypedDict):
    """A surprising effect of an operation about a link row (``kind``; code ``link.lint.*``)."""

    kind: Literal["duplicate_link_row", "unlink_without_link", "merge_not_reverted"]
    master: str
    slave: str


#: A surprising effect of an operation, tagged by ``kind``; lints never change the outcome.
LinkLint = Union[OidLint, LinkRowLint]


class Outcome(TypedDict):
    """What a ``Registry`` operation did: ONR's answer (``master``, ``slaves``) and every side
    effect a mirror must reproduce. Every key is always present (lists may be empty)."""

    master: str
    slaves: List[str]
    links_created: List[Link]
    links_deleted: List[Link]
    links_repointed: List[Repoint]
    flag_changes: List[FlagChange]
    field_changes: List[FieldChange]
    merges: List[Merge]
    guardians_cleared: List[str]
    accounts_passivated: List[str]
    saved: List[str]
    change_feed: List[str]
    notifications: List[str]
    lints: List[LinkLint]


class DuplicateHenkilo(TypedDict):
    """An item of ONR's ``/s2s/duplicateHenkilos``: a slave and its master."""

    henkiloOid: str
    masterOid: str


class OidViolation(TypedDict):
    """A broken invariant about one person, with its stable ``code`` (``link.check.<kind>``)
    and English ``message``."""

    kind: Literal[
        "self_link",
        "slave_not_duplicate",
        "slave_not_passivated",
        "master_passivated",
        "master_duplicate",
        "inconsistent_flags",
    ]
    oid: str
    code: str
    message: str


class SeveralMastersViolation(TypedDict):
    """A slave with more than one distinct master (``masters`` in row order)."""

    kind: Literal["several_masters"]
    slave: str
    masters: List[str]
    code: str
    message: str


class ChainViolation(TypedDict):
    """A person that is both a slave and a master (more than two levels)."""

    kind: Literal["chain"]
    oid: str
    masters: List[str]
    slaves: List[str]
    code: str
    message: str


class CycleViolation(TypedDict):
    """Persons linked in a cycle, in order of first appearance."""

    kind: Literal["cycle"]
    oids: List[str]
    code: str
    message: str


#: A broken invariant of a link table (``Registry.check``, ``check_links``), tagged by ``kind``.
Violation = Union[OidViolation, SeveralMastersViolation, ChainViolation, CycleViolation]

__all__ += [
    "ChainViolation",
    "ContactGroup",
    "ContactInfo",
    "CycleViolation",
    "DuplicateHenkilo",
    "EidasTunniste",
    "Field",
    "FieldChange",
    "Flag",
    "FlagChange",
    "IdpEntityId",
    "Identification",
    "Kansalaisuus",
    "Kielisyys",
    "Link",
    "LinkLint",
    "LinkRowLint",
    "Merge",
    "OidLint",
    "OidViolation",
    "Outcome",
    "PersonDict",
    "Repoint",
    "SeveralMastersViolation",
    "Violation",
]
