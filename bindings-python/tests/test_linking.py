"""``onr.Person`` and ``onr.linking``: the conversions (records as ONR's JSON shape, outcomes
and violations as dicts, ``onr.LinkError``) over a few of the linking scenarios of the Rust
suite (``onr-core/tests/linking_scenarios.rs``)."""

from __future__ import annotations

import datetime
import pickle

import pytest

import onr
from onr import LinkError, Person, PersonError, linking
from onr.linking import Registry


def vtj(oid: str, hetu: str) -> Person:
    return Person(oid, hetu=hetu, yksiloityVTJ=True)


def test_person_round_trips_onrs_json_shape() -> None:
    data = {
        "oidHenkilo": "1.2.246.562.24.10000000003",
        "hetu": "131052-308T",
        "kaikkiHetut": ["131052-308T"],
        "etunimet": "Anna Maria",
        "kutsumanimi": "Anna",
        "sukunimi": "Virtanen",
        "syntymaaika": datetime.date(1952, 10, 13),
        "kansalaisuus": [{"kansalaisuusKoodi": "246"}],
        "identifications": [{"idpEntityId": "email", "identifier": "anna@example.invalid"}],
        "yksiloityVTJ": True,
    }
    p = Person.from_dict(data)
    assert (p.oid, p.hetu, p.etunimet, p.kutsumanimi, p.sukunimi) == (
        "1.2.246.562.24.10000000003",
        "131052-308T",
        "Anna Maria",
        "Anna",
        "Virtanen",
    )
    assert p.syntymaaika == datetime.date(1952, 10, 13)
    d = p.to_dict()
    assert d["oidHenkilo"] == data["oidHenkilo"] and d["syntymaaika"] == "1952-10-13"
    assert d["kansalaisuus"] == [{"kansalaisuusKoodi": "246"}]
    assert Person.from_dict(d) == p
    assert p.replace(sukunimi="Korhonen").sukunimi == "Korhonen" and p.sukunimi == "Virtanen"
    assert p.is_strongly_identified and p.oppijanumero == p.oid and p.yksilointi_tila == "OK"
    for secret in ("131052", "Virtanen", "Anna", "anna@"):
        assert secret not in repr(p)


def test_person_derived_state_and_rules() -> None:
    p = Person("O", hetu="131052-308T", sukupuoli="1")
    assert p.yksilointi_tila == "KESKEN" and p.oppijanumero is None
    assert p.replace(yksilointiYritetty=True).yksilointi_tila == "VIRHE"
    saved = p.saved()
    assert (saved.syntymaaika, saved.sukupuoli) == (datetime.date(1952, 10, 13), "2")
    assert Person("O", hetu="").saved().hetu is None
    passive = Person("O", passivoitu=True)
    assert not passive.included_in("duplicate_search") and passive.included_in("by_oid")
    assert passive.included_in("name_search", include_passive=True)
    with pytest.raises(PersonError) as info:
        passive.check_reactivation(False, actor="official")
    assert info.value.code == "person.reactivation_forbidden" and info.value.http_status == 403
    assert info.value.onr_message == "Vain rekisterinpitäjä voi aktivoida henkilön"
    passive.check_reactivation(False, actor="superuser")
    hidden = Person("O", turvakielto=True, kotikunta="493")
    assert hidden.view("consumer").to_dict()["kotikunta"] is None
    assert hidden.view("guardian").to_dict()["kotikunta"] == "493"
    with pytest.raises(ValueError, match="unknown lookup"):
        passive.included_in("nowhere")
    with pytest.raises(ValueError, match="invalid person"):
        Person("O", passivoitu="yes")


def test_link_and_unlink() -> None:
    reg = Registry()
    reg.extend_persons([Person("M"), Person("S")])
    out = reg.link("M", ["S"])
    assert out["master"] == "M" and out["slaves"] == ["S"]
    assert out["links_created"] == [{"master": "M", "slave": "S"}]
    assert out["accounts_passivated"] == ["S"] and out["saved"] == ["M"]
    assert out["change_feed"] == ["M", "S"]
    s = reg.person("S")
    assert s is not None and s.duplicate and s.passivoitu
    assert reg.master_of("S") == "M" and reg.resolve("S") == "M" and reg.group("S") == ["M", "S"]
    assert reg.links() == [("M", "S")] and reg.link_count == 1 and reg.person_count == 2
    assert reg.check() == []
    assert reg.duplicate_henkilos() == [{"henkiloOid": "S", "masterOid": "M"}]
    out = reg.unlink("M", "S")
    assert reg.link_count == 0 and len(out["links_deleted"]) == 1
    s = reg.person("S")
    assert s is not None and not s.duplicate and not s.passivoitu


def test_refusals_raise_link_error_and_change_nothing() -> None:
    reg = Registry()
    reg.extend_persons([vtj("A", "080274-0084"), vtj("B", "131161-3476")])
    with pytest.raises(LinkError) as info:
        reg.force_link("A", ["B"])
    err = info.value
    assert isinstance(err, onr.OnrError) and isinstance(err, ValueError)
    assert err.code == "link.force_link_identified"
    assert err.http_status == 400 and err.onr_message is None
    assert reg.link_count == 0
    back = pickle.loads(pickle.dumps(err))
    assert (back.code, back.http_status, back.onr_message) == (err.code, 400, None)

    reg = Registry()
    reg.extend_persons([vtj("O", "080863-924N"), Person("D1"), Person("D2")])
    reg.link("O", ["D1"])
    with pytest.raises(LinkError) as info:
        reg.link("D1", ["D2"])
    assert info.value.code == "link.already_duplicate"
    assert info.value.onr_message == "Henkilo D1is already a duplicate"
    assert reg.master_of("D2") is None


def test_check_links_of_a_loaded_table() -> None:
    assert linking.check_links([("M", "S")]) == []
    found = linking.check_links([("A", "B"), ("B", "C")])
    assert [v["kind"] for v in found] == ["chain"]
    assert found[0]["code"].startswith("link.") and found[0]["message"]
    rows = [{"master_oid": "M", "slave_oid": "S", "slave_duplicate": False}]
    assert [v["kind"] for v in linking.check_links(rows)] == ["slave_not_duplicate"]
    reg = Registry.from_links([("A", "A")])
    assert [v["kind"] for v in reg.check()] == ["self_link"]
    with pytest.raises(TypeError):
        linking.check_links([5])


def test_registry_queries_and_types() -> None:
    reg = Registry.from_links([("M", "S1"), ("M", "S2")], env="test")
    assert reg.environment == "test"
    assert reg.slaves_of("M") == ["S1", "S2"] and reg.masters_of("S1") == ["M"]
    with_persons = Registry()
    with_persons.extend_persons([Person("M"), Person("S")])
    with_persons.link("M", ["S"])
    assert dict(with_persons.masters_by_oids(["S", "M"]))["S"] == "M"
    assert repr(reg) == "Registry(env='test', persons=0, links=2)"
    with pytest.raises(TypeError, match="not a single str"):
        reg.link("M", "S1")
    with pytest.raises(TypeError):
        Registry.from_links([("M",)])
    with pytest.raises(TypeError):
        reg.extend_persons([{"oidHenkilo": "X"}])


def test_change_feed_tracker_follows_two_levels() -> None:
    t = linking.ChangeFeedTracker(["A", "B", "C"], masters=[("T", "B")])
    assert t.master_of("T") == "B" and t.master_of("X") is None
    assert t.apply([("B", "A")]) == [("B", "B", "A"), ("T", "B", "A")]
    # An unknown OID moves nobody; a repeated entry changes nothing.
    assert t.apply([("X", "Y"), ("B", "A")]) == []
    assert t.apply([("A", "C")]) == [("A", "A", "C"), ("B", "A", "C"), ("T", "A", "C")]
    assert t.apply([("A", "A")]) == [("A", "C", "A")]
    with pytest.raises(TypeError, match="item 0"):
        t.apply(["AB"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        linking.ChangeFeedTracker("A")


def test_change_feed_entries_keep_a_tracker_in_step_with_the_registry() -> None:
    oids = [f"P{i}" for i in range(8)]
    reg = Registry()
    reg.extend_persons([Person(o) for o in oids])
    tracker = linking.ChangeFeedTracker(oids)
    steps = [
        lambda: reg.link("P0", ["P1", "P2"]),
        lambda: reg.link("P3", ["P4"]),
        lambda: reg.force_link("P5", ["P0"]),  # P0's slaves follow it to P5
        lambda: reg.unlink("P5", "P1"),
        lambda: reg.link("P6", ["P3"]),
    ]
    for step in steps:
        outcome = step()
        entries = reg.change_feed_entries(outcome)
        assert [oid for oid, _ in entries] == outcome["change_feed"]
        tracker.apply(entries)
        assert {o: tracker.master_of(o) for o in oids} == {o: reg.resolve(o) for o in oids}
    with pytest.raises(TypeError, match="change_feed"):
        reg.change_feed_entries({})
