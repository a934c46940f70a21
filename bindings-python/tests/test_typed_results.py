"""The dict results of ``onr.linking``, ``onr.Person.to_dict`` and ``onr.name_match`` against
their TypedDicts, on real calls: every key the TypedDict requires is there, no other key is,
and every value has the declared type (``Literal`` values, nested TypedDicts, lists,
``Optional``), so a drift of the native module or of a TypedDict fails here. Every member of
each tagged union is produced at least once."""

from __future__ import annotations

import sys
import typing
from typing import Any, Dict, List, Set, Union

import pytest

import onr
from onr import Person, import_check, linking, name_match
from onr._columns import PairColumns
from onr.client import Student
from onr.linking import Registry

from conftest import VECTORS

# TypedDicts that some value matched, to check that each union member was produced.
SEEN: Set[type] = set()


@pytest.fixture(autouse=True)
def fresh_seen() -> None:
    SEEN.clear()


def is_typeddict(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, dict) and hasattr(tp, "__required_keys__")


def problems(value: Any, tp: Any, path: str = "$") -> List[str]:
    """Why ``value`` is not a ``tp`` (empty if it is)."""
    if tp is Any:
        return [f"{path}: typed Any"]
    if tp is type(None):
        return [] if value is None else [f"{path}: {value!r} is not None"]
    if is_typeddict(tp):
        if not isinstance(value, dict):
            return [f"{path}: {type(value).__name__} is not a dict ({tp.__name__})"]
        hints = typing.get_type_hints(tp, vars(sys.modules[tp.__module__]))
        required, optional = set(tp.__required_keys__), set(tp.__optional_keys__)
        found = [f"{path}: {tp.__name__} lacks {k!r}" for k in sorted(required - set(value))]
        found += [f"{path}: {tp.__name__} has no key {k!r}" for k in sorted(set(value) - required - optional)]
        for k in sorted(set(value) & set(hints)):
            found += problems(value[k], hints[k], f"{path}.{k}")
        if not found:
            SEEN.add(tp)
        return found
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Union:
        attempts = []
        for a in args:
            before = set(SEEN)
            attempts.append(problems(value, a, path))
            if not attempts[-1]:
                return []
            SEEN.intersection_update(before)  # what a failed attempt matched inside is not seen
        return [f"{path}: matches no member of {tp}: " + " | ".join("; ".join(p) for p in attempts)]
    if origin is typing.Literal:
        ok = any(type(value) is type(a) and value == a for a in args)
        return [] if ok else [f"{path}: {value!r} is not one of {args}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: {type(value).__name__} is not a list"]
        return [p for i, item in enumerate(value) for p in problems(item, args[0], f"{path}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{path}: {type(value).__name__} is not a dict"]
        found = [p for k in value for p in problems(k, args[0], f"{path}[key {k!r}]")]
        return found + [p for k, v in value.items() for p in problems(v, args[1], f"{path}[{k!r}]")]
    if tp in (str, int, float, bool):
        # Exact: a bool is not an int here, an int not a float.
        return [] if type(value) is tp else [f"{path}: {value!r} is not {tp.__name__}"]
    raise AssertionError(f"{path}: the checker does not know {tp!r}")


def conforms(value: Any, tp: Any) -> None:
    found = problems(value, tp)
    assert not found, "\n".join(found)


def members(union: Any) -> Set[type]:
    return set(typing.get_args(union))


def test_the_checker_catches_a_drift() -> None:
    good = {"master": "M", "slave": "S"}
    assert problems(good, linking.Link) == []
    assert problems({"master": "M"}, linking.Link) == ["$: Link lacks 'slave'"]
    assert problems({**good, "extra": 1}, linking.Link) == ["$: Link has no key 'extra'"]
    assert problems({"master": "M", "slave": 5}, linking.Link) == ["$.slave: 5 is not str"]
    assert problems({"kind": "nope", "oid": "A"}, linking.LinkLint)
    assert problems({"similarity": 1, "similar": True, "is_match": True}, name_match.SurnameVerdict)
    assert problems({"rule": "different", "best_similarity": 0.5, "is_match": True}, name_match.FirstNamesVerdict)
    assert problems({"none": 1, "nope": 2}, typing.Dict[import_check.ActionKind, int]) == [
        "$[key 'nope']: 'nope' is not one of ('none', 'match', 'same_as_row', 'create', 'match_or_create', "
        "'match_or_same_as_row')"
    ]


def test_every_result_typed_dict_has_every_key_always() -> None:
    # The TypedDicts are total: the native module writes every key of these shapes always.
    for module in (linking, name_match, import_check):
        for name in module.__all__:
            tp = getattr(module, name)
            if is_typeddict(tp):
                assert not tp.__optional_keys__, f"{module.__name__}.{name}"


def outcomes() -> Dict[str, List[linking.Outcome]]:
    """Every linking operation on scenarios that give links, repoints, merges, field changes
    and most lints."""
    out: Dict[str, List[linking.Outcome]] = {}
    reg = Registry()
    reg.extend_persons(
        [
            Person("M", passivoitu=True),
            Person(
                "S",
                kansalaisuus=[{"kansalaisuusKoodi": "246"}],
                identifications=[{"idpEntityId": "email", "identifier": "x@example.invalid"}],
                aidinkieli={"kieliKoodi": "fi"},
            ),
            Person("T"),
            Person("H", hetu="131052-308T"),
            Person("U"),
        ]
    )
    out["link"] = [reg.link("M", ["M", "S", "T"]), reg.link("U", ["H"])]
    out["unlink"] = [reg.unlink("M", "S"), reg.unlink("M", "U")]
    out["identify_without_hetu"] = [reg.identify_without_hetu("T")]
    out["passivate"] = [reg.passivate("U")]
    reg = Registry()
    reg.extend_persons([Person("A", hetu="131052-308T", yksiloityVTJ=True), Person("B", hetu="080274-0084")])
    out["link_with_vtj_hetu"] = [reg.link_with_vtj_hetu("B", "131052-308T")]
    reg = Registry()
    reg.extend_persons([Person("A", hetu="131052-308T", yksiloityVTJ=True), Person("C", hetu="080274-0084")])
    out["force_update_hetu"] = [reg.force_update_hetu("C", "131052-308T")]
    out["remove_duplicate_hetu_and_link"] = [reg.remove_duplicate_hetu_and_link("C", "080274-0084")]
    reg = Registry()
    reg.extend_persons([Person("A"), Person("B"), Person("C")])
    reg.link("A", ["B"])
    out["link"].append(reg.link("C", ["A", "B"]))
    out["force_link"] = [reg.force_link("C", ["A"])]
    return out


def test_linking_outcomes_are_outcomes() -> None:
    all_outcomes = outcomes()
    for name, results in all_outcomes.items():
        for o in results:
            conforms(o, linking.Outcome)
    kinds = {lint["kind"] for results in all_outcomes.values() for o in results for lint in o["lints"]}
    assert kinds >= {
        "silent_reactivation",
        "self_link_ignored",
        "hetu_counts_as_identified",
        "merge_not_reverted",
        "unlink_without_link",
        "identified_slave_keeps_link",
        "passivation_not_in_change_feed",
    }, kinds
    assert SEEN >= members(linking.LinkLint) | {linking.Merge, linking.Identification}
    every = [o for results in all_outcomes.values() for o in results]
    assert any(o["links_repointed"] for o in every) and any(o["field_changes"] for o in every)
    assert {c["field"] for o in every for c in o["field_changes"]} >= {"hetu", "kotikuntaHistoria", "kaikkiHetut"}


def test_violations_of_check_and_check_links() -> None:
    reg = Registry.from_links([("M1", "S"), ("M2", "S"), ("A", "B"), ("B", "C"), ("X", "Y"), ("Y", "X"), ("Q", "Q")])
    found = reg.check() + linking.check_links(
        [
            {"master_oid": "M", "slave_oid": "S", "slave_duplicate": False, "slave_passivoitu": False,
             "master_passivoitu": True, "master_duplicate": True},
            {"master_oid": "M", "slave_oid": "S2", "master_passivoitu": False},
        ]
    )
    for v in found:
        conforms(v, linking.Violation)
        assert v["code"] == f"link.check.{v['kind']}"
    assert SEEN >= members(linking.Violation)
    assert {v["kind"] for v in found} == {
        "self_link", "several_masters", "chain", "cycle", "slave_not_duplicate",
        "slave_not_passivated", "master_passivated", "master_duplicate", "inconsistent_flags",
    }


def test_registry_views() -> None:
    reg = Registry()
    reg.extend_persons([Person("A"), Person("B")])
    reg.link("A", ["B"])
    conforms(reg.yleistunniste("B"), Student)
    conforms(reg.yleistunniste("A"), Student)
    dups = reg.duplicate_henkilos()
    assert dups
    for d in dups + reg.duplicate_henkilos(["B"]):
        conforms(d, linking.DuplicateHenkilo)


def test_person_to_dict() -> None:
    full = Person.from_dict(
        {
            "oidHenkilo": "1.2.246.562.24.10000000003",
            "hetu": "131052-308T",
            "kaikkiHetut": ["131052-308T"],
            "etunimet": "Anna Maria",
            "kutsumanimi": "Anna",
            "sukunimi": "Virtanen",
            "syntymaaika": "1952-10-13",
            "sukupuoli": "2",
            "aidinkieli": {"kieliKoodi": "fi"},
            "kansalaisuus": [{"kansalaisuusKoodi": "246"}],
            "passinumerot": ["X1"],
            "identifications": [{"idpEntityId": "google", "identifier": "anna"}],
            "eidasTunnisteet": [{"tunniste": "FI/FI/1"}],
            "kotikunta": "091",
            "yhteystiedotRyhma": [
                {
                    "ryhmaKuvaus": "yhteystietotyyppi2",
                    "ryhmaAlkuperaTieto": "alkupera2",
                    "readOnly": True,
                    "yhteystieto": [
                        {"yhteystietoTyyppi": "YHTEYSTIETO_SAHKOPOSTI", "yhteystietoArvo": "a@example.invalid"},
                        {"yhteystietoTyyppi": "YHTEYSTIETO_MAA"},
                    ],
                },
                {"ryhmaAlkuperaTieto": "alkupera1"},
            ],
            "huoltajat": ["1.2.246.562.24.20000000008"],
            "passivoitu": True,
            "yksiloityVTJ": True,
        }
    )
    for p in (full, Person("1.2.246.562.24.10000000003"), full.view("consumer")):
        conforms(p.to_dict(), linking.PersonDict)
    assert {linking.ContactGroup, linking.ContactInfo, linking.Kielisyys, linking.EidasTunniste} <= SEEN


def test_name_verdicts() -> None:
    conforms(name_match.surname("Virtanen", "Wirtanen"), name_match.SurnameVerdict)
    conforms(name_match.surname("Virtanen", "Korhonen"), name_match.SurnameVerdict)
    for given, reference in [("Anna", "Hanna-Leena"), ("Ana Maria", "Anna"), ("Pekka", "Anna")]:
        conforms(name_match.first_names(given, reference), name_match.FirstNamesVerdict)
    for args in [
        ("Anna", "Virtanen", "Hanna-Leena", "Virtanen"),
        ("Anna", "Virtanen", "Anna", "Korhonen"),
        ("Pekka", "Virtanen", "Anna", "Virtanen"),
        ("Anni", "Virtanen", "Anna", "Virtanen"),
    ]:
        conforms(name_match.names_match(*args), name_match.NamesVerdict)
    for v in [
        name_match.identification("Virtanen", "Anna", "Anna", "Virtanen"),
        name_match.identification("Anna", "Virtanen", "Anna", "Korhonen", former_surnames=["Virtanen"]),
        name_match.identification("", "", "Anna", "Virtanen", has_hetu=True),
        name_match.identification("Pekka", "Mäkinen", "Anna", "Virtanen"),
        name_match.identification("Pekka", "Virtanen", "Anna", "Virtanen"),
    ]:
        conforms(v, name_match.IdentificationVerdict)
    unions = [
        name_match.FirstNamesVerdict,
        name_match.FirstNamesRule,
        name_match.NamesVerdict,
        name_match.IdentificationVerdict,
    ]
    expected = set().union(*(members(u) for u in unions)) | {name_match.VtjFormerSurname}
    # Nested in a match, the first-names rule is one that matched (never "different"), and a
    # mismatch nests only names verdicts that differ (never a match).
    expected -= {name_match.FirstNamesDifferent, name_match.NamesMatch}
    assert SEEN >= expected, expected - SEEN


@pytest.mark.parametrize("with_other", [False, True])
def test_pair_chunk_columns(with_other: bool) -> None:
    import onr

    index = onr.DuplicateIndex.from_texts(["a", "b", "c"], ["Anna Virtanen"] * 3)
    chunks = list(index.pair_chunks_with(index, columns=True) if with_other else index.pair_chunks(columns=True))
    assert chunks
    for chunk in chunks:
        conforms(chunk, PairColumns)


def test_check_import_report() -> None:
    # Accepted and rejected rows, errors of every stage (`later`), a match by hetu and by a
    # passport number, a row repeated in the batch, ONR's duplicate candidates, likely
    # duplicates inside the batch, a batch error and a summary with ONR's answer.
    def person(**fields: object) -> Dict[str, object]:
        base = {"etunimet": "Aino Maria", "kutsumanimi": "Aino", "sukunimi": "Virtanen",
                "kansalaisuus": [{"koodi": "246"}]}
        return {**base, **fields}

    henkilot = [
        {"tunniste": "1", "henkilo": person(hetu="140305A902U")},
        {"tunniste": "2", "henkilo": person(passinumero="XK0000000", etunimet="Aino Marja",
                                             syntymaaika="2005-03-14",
                                             kansalaisuus=[{"koodi": "752"}])},
        {"tunniste": "3", "henkilo": person(passinumero="XK0000001", etunimet="Aino Marja",
                                             syntymaaika="2005-03-14",
                                             kansalaisuus=[{"koodi": "752"}])},
        {"tunniste": "4", "henkilo": person(hetu="140305A902U")},
        {"tunniste": "5", "henkilo": person(passinumero="XK1111111", etunimet="Olga",
                                             kutsumanimi="Olga", sukunimi="Ivanova",
                                             kansalaisuus=[{"koodi": "643"}])},
        {"tunniste": None, "henkilo": {"hetu": "131052-308X", "etunimet": "Pekka", "kutsumanimi": "Matti",
                                       "sukupuoli": "9", "aidinkieli": {"koodi": "xx"}}},
    ]
    existing = VECTORS.parent / "existing" / "persons.csv"
    for batch, env in (({"sahkoposti": "not an address", "henkilot": henkilot}, "test"),
                       ({"henkilot": henkilot[:3]}, "production"),
                       ({"henkilot": [{"henkilo": {"syntymaaika": "14.3.2005"}}]}, "test")):
        report = onr.check_import(batch, env=env, existing=existing)
        conforms(report, import_check.CheckReport)
    report = onr.check_import({"sahkoposti": "not an address", "henkilot": henkilot}, env="test",
                              existing=existing)
    rows = report["rows"]
    assert [r["verdict"] for r in rows] == ["accepted"] * 5 + ["rejected"]
    assert rows[0]["action"]["kind"] == "match" and rows[3]["action"]["kind"] in ("match", "same_as_row")
    assert rows[4]["action"]["by"] == "passinumero"
    assert {e["stage"] for e in rows[5]["later"]} <= {"bean_validation", "post_validation", "server"}
    assert report["likely_duplicates"] and report["likely_duplicates"][0]["a"] < report["likely_duplicates"][0]["b"]
    assert report["batch_errors"][0]["field"] == "sahkoposti"
    seen = set(SEEN)
    assert {import_check.ExistingDuplicatesLint, import_check.Lint, import_check.LaterError,
            import_check.LikelyDuplicate, import_check.RowWarning} <= seen
