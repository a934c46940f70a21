"""``onr.check_import`` over the shared import vectors (``tests/vectors/import_onr.json``, the
same cases and expectations as ``onr-core/tests/import_vectors.rs``: ONR's own test cases and
computed ones), plus the conversions of its arguments."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

import onr

from conftest import VECTORS

CASES = json.loads((VECTORS / "import_onr.json").read_text(encoding="utf-8"))["cases"]


def existing_person(p: dict[str, Any]) -> onr.Person:
    """The vectors' existing-person shape as an ``onr.Person`` (ONR's JSON shape)."""
    return onr.Person(
        p["oid"],
        hetu=p.get("hetu"),
        kaikkiHetut=p.get("hetu_history") or [],
        passinumerot=p.get("passinumerot") or [],
        identifications=[{"idpEntityId": "email", "identifier": e} for e in p.get("sahkopostit") or []],
        etunimet=p.get("etunimet") or "",
        sukunimi=p.get("sukunimi") or "",
    )


def test_there_are_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=[c["name"][:80] for c in CASES])
def test_import_vectors(case: dict[str, Any]) -> None:
    existing = [existing_person(p) for p in case["existing"]] if "existing" in case else None
    report = onr.check_import(
        case["batch"], env=case["env"], existing=existing, koodisto=case.get("koodisto")
    )
    # Batch errors of the vectors are those of the batch itself (not unreadable values).
    # The vectors hold ONR's part of an error (field, key, message); onr-core adds its own code
    # and explanation, which are checked elsewhere.
    def onr_part(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: e[k] for k in ("field", "key", "message")} for e in errors]

    batch_errors = [e for e in report["batch_errors"] if e["key"] != "HttpMessageNotReadableException"]
    assert onr_part(batch_errors) == case["expect"]["batch_errors"]
    assert all(e["code"] and e["explanation"] for e in batch_errors)
    rows = [{"verdict": r["verdict"], "errors": onr_part(r["errors"])} for r in report["rows"]]
    assert rows == case["expect"]["rows"]
    for i, codes in enumerate(case.get("warnings", [])):
        assert [w["code"] for w in report["rows"][i]["warnings"]] == codes
    for i, fields in enumerate(case.get("actions", [])):
        action = report["rows"][i]["action"]
        for key, value in fields.items():
            assert action[key] == value, (i, key)


def test_batch_as_text_and_as_dict_agree() -> None:
    batch = CASES[0]["batch"]
    assert onr.check_import(json.dumps(batch)) == onr.check_import(batch)
    dated = {"henkilot": [{"henkilo": {"syntymaaika": datetime.date(2000, 1, 1), "etunimet": "A"}}]}
    assert onr.check_import(dated)["summary"]["rows"] == 1


def test_summary_and_warnings_in_every_language() -> None:
    report = onr.check_import(CASES[0]["batch"], env="test", lang="fi")
    summary = report["summary"]
    assert summary["environment"] == "test" and summary["rows"] == summary["accepted"] == 1
    assert summary["onr"] == {"status": 200, "stage": None, "accepted": True}
    assert summary["duplicates_skipped"] is False and summary["row_warnings"] == []


def test_summary_lists_in_batch_duplicates() -> None:
    person = {"etunimet": "Matti Juhani", "kutsumanimi": "Matti", "sukunimi": "Meikäläinen",
              "syntymaaika": "2005-03-14", "passinumero": "XP1234567", "kansalaisuus": [{"koodi": "246"}]}
    twin = dict(person, passinumero="XP7654321", sukunimi="Meikalainen")
    batch = {"henkilot": [{"tunniste": "a", "henkilo": person}, {"tunniste": "b", "henkilo": twin}]}
    summary = onr.check_import(batch, lang="en")["summary"]
    warnings = summary["row_warnings"]
    assert [w["index"] for w in warnings] == [0, 1]
    assert {w["code"] for w in warnings} == {"import.lint.likely_duplicate"}
    assert warnings[0]["row"] == 1 and warnings[0]["similarity"] == 1.0 and warnings[0]["message"]


def test_errors() -> None:
    with pytest.raises(onr.ImportBatchError) as info:
        onr.check_import("[1, 2]")
    assert info.value.code.startswith("import.") and isinstance(info.value, onr.OnrError)
    with pytest.raises(TypeError):
        onr.check_import(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        onr.check_import({"henkilot": []}, existing=[{"oidHenkilo": "x"}])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="kutsumanimi_rule"):
        onr.check_import({"henkilot": []}, kutsumanimi_rule="strict")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown koodisto"):
        onr.check_import({"henkilot": []}, koodisto={"kunta": ["091"]})


RECORDED = json.loads((VECTORS / "import_onr_recorded.json").read_text(encoding="utf-8"))["cases"]


def _as_onr(status: int, stage: str | None, errors: list[dict[str, Any]], own: str | None = None) -> dict[str, Any]:
    """A report's errors in the recorded answers' shape (bean errors sorted; a 500 has none)."""
    out = []
    for e in errors if stage not in (None, "server") else []:
        field = e["field"]
        if own is not None and field.startswith(own):
            field = "henkilot[0]" + field[len(own):]
        out.append({"field": field, "code": e["key"], "message": e["message"]})
    if stage == "bean_validation":
        out.sort(key=lambda e: (e["field"] or "", e["code"], e["message"] or ""))
    return {"status": status, "stage": stage, "errors": out}


STATUS = {"deserialization": 400, "bean_validation": 400, "post_validation": 400, "server": 500}


def test_recorded_onr_answers() -> None:
    """ONR's recorded answers (its own request stack): the batch answer and every row alone."""
    assert len(RECORDED) >= 1000
    mismatches = []
    for n, case in enumerate(RECORDED):
        report = onr.check_import(case["body"], env=case["env"])
        onr_answer = report["summary"]["onr"]
        got = _as_onr(onr_answer["status"], onr_answer["stage"], report["summary"]["answer"])
        want = {k: case["answer"][k] for k in ("status", "stage", "errors")}
        if got != want:
            mismatches.append((n, "batch", got, want))
        assert len(report["rows"]) == len(case["rows"]), n
        for i, (row, alone) in enumerate(zip(report["rows"], case["rows"])):
            stage = row["stage"]
            got = _as_onr(STATUS.get(stage, 200), stage, row["errors"], f"henkilot[{row['index']}]")
            want = {k: alone[k] for k in ("status", "stage", "errors")}
            if got != want:
                mismatches.append((n, i, got, want))
            if alone["status"] == 200:
                sent = any(w["code"] == "import.lint.sent_conflict" and "conflict: true" in w["message"]
                           for w in row["warnings"])
                if alone["conflict"][0] != sent:
                    mismatches.append((n, i, "conflict", alone["conflict"]))
    assert mismatches == []


def test_a_koodisto_file_replaces_the_bundled_lists(tmp_path: Path) -> None:
    row = {"tunniste": "1", "henkilo": {"passinumero": "P123", "etunimet": "Aino", "kutsumanimi": "Aino",
                                        "sukunimi": "Virtanen", "aidinkieli": {"koodi": "QQ"},
                                        "kansalaisuus": [{"koodi": "000"}]}}
    batch = {"henkilot": [row]}
    keys = [e["key"] for e in onr.check_import(batch, env="test")["rows"][0]["errors"]]
    assert "invalid.aidinkieli" in keys and "invalid.kansalaisuus" in keys
    lists = {"sukupuoli": [{"koodi": "1"}, {"koodi": "2"}], "kieli": [{"koodi": "FI"}, {"koodi": "QQ", "fi": "uusi"}],
             "maatjavaltiot2": [{"koodi": "246"}, {"koodi": "000"}]}
    path = tmp_path / "koodisto.json"
    path.write_text(json.dumps({"format": 1, "fetched": "2026-12-02T17:00:00Z", "source": "test", "lists": lists}))
    for arg in (path, str(path)):
        report = onr.check_import(batch, env="test", koodisto=arg)
        assert report["rows"][0]["errors"] == [] and report["rows"][0]["verdict"] == "accepted"
    path.write_text(json.dumps({"format": 2}))
    with pytest.raises(onr.OnrError) as info:
        onr.check_import(batch, koodisto=path)
    assert info.value.code == "koodisto.file.format"
    with pytest.raises(OSError):
        onr.check_import(batch, koodisto=tmp_path / "missing.json")
    with pytest.raises(TypeError):
        onr.check_import(batch, koodisto=42)  # type: ignore[arg-type]
