"""``onr.check_import(existing=PATH)``: the existing-persons file (``tests/existing/``, which the
Rust and Java suites read too), read by onr-core as ``onr check --existing`` reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

import onr

from conftest import VECTORS

FIXTURE = VECTORS.parent / "existing"

BATCH = {
    "henkilot": [
        {
            "tunniste": "S1",
            "henkilo": {
                "hetu": "140305A902U",
                "etunimet": "Aino Maria",
                "kutsumanimi": "Aino",
                "sukunimi": "Virtanen",
                "kansalaisuus": [{"koodi": "246"}],
            },
        },
        {
            "tunniste": "S2",
            "henkilo": {
                "passinumero": "XK0000000",
                "etunimet": "Aino Marja",
                "kutsumanimi": "Aino",
                "sukunimi": "Virtanen",
                "syntymaaika": "2005-03-14",
                "kansalaisuus": [{"koodi": "752"}],
            },
        },
    ]
}


@pytest.mark.parametrize("name", ["persons.csv", "persons.json"])
def test_existing_file_matches_and_lists_duplicate_candidates(name: str) -> None:
    for path in (FIXTURE / name, str(FIXTURE / name)):
        report = onr.check_import(BATCH, env="test", existing=path)
        first, second = report["rows"]
        assert first["action"]["kind"] == "match"
        assert first["action"]["oid"] == "1.2.246.562.24.10000000003"
        # The second row is new; ONR's duplicate search lists Aino Maria for it.
        (found,) = [w for w in second["warnings"] if w["code"] == "import.lint.existing_duplicates"]
        assert [c["oid"] for c in found["candidates"]] == ["1.2.246.562.24.10000000003"]


def test_existing_file_errors_name_line_and_column_not_the_cell(tmp_path: Path) -> None:
    no_oid = tmp_path / "persons.csv"
    no_oid.write_text("hetu,etunimet\n140305A902U,Aino\n", encoding="utf-8")
    with pytest.raises(onr.OnrError) as info:
        onr.check_import(BATCH, existing=no_oid)
    assert info.value.code == "import.existing.no_oid_column"
    flags = tmp_path / "flags.csv"
    flags.write_text(
        "oid,etunimet,sukunimi,kutsumanimi,syntymaaika,duplicate\n"
        "1.2.246.562.24.10000000003,Aino,Virtanen,Aino,2005-03-14,140305A902U\n",
        encoding="utf-8",
    )
    with pytest.raises(onr.OnrError) as info:
        onr.check_import(BATCH, existing=flags)
    assert info.value.code == "cell.flag"
    assert str(info.value).startswith("line 2: duplicate:")
    assert "140305A902U" not in str(info.value)
    not_array = tmp_path / "persons.json"
    not_array.write_text('{"oidHenkilo": "1.2.246.562.24.10000000003"}', encoding="utf-8")
    with pytest.raises(onr.OnrError) as info:
        onr.check_import(BATCH, existing=not_array)
    assert info.value.code == "import.existing.not_an_array"
    with pytest.raises(OSError):
        onr.check_import(BATCH, existing=tmp_path / "missing.csv")
