#!/usr/bin/env python3
"""Regenerates the bundled koodisto code lists in onr-core/data/koodisto/*.tsv.

ONR checks import rows against three code lists of the national koodisto service, fetched at
run time with onlyValidKoodis=false (so expired codes count as valid): `sukupuoli`,
`kieli` (values in upper case) and `maatjavaltiot2`; create/update also use `kunta`. onr-core
cannot reach koodisto, so it bundles snapshots:

* sukupuoli, kieli, maatjavaltiot2: the koodisto exports that ONR's own repository ships as
  mock API responses (henkilo-ui/src/main/static/mock-api/src/api/koodisto-service/rest/json/
  <uri>/koodi/GET.json in Opetushallitus/oppijanumerorekisteri). They are complete exports of
  the test koodisto, expired codes included. With --iso-codes, the country list is compared
  with ISO 3166-1 numeric codes of Debian's iso-codes package and the differences printed.
* kunta: the koodisto `kunta` export that CSC's oiva-frontend ships as story data
  (src/components/02-organisms/CategoryFilter/storydata/kunnat.js, snapshot of March 2021).

Usage: scripts/gen-koodisto.py ONR_REPO_GIT_DIR OIVA_REPO_GIT_DIR [--iso-codes FILE]
(the git directories of the two repositories, read with `git show HEAD:<path>`).
"""
import json
import re
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "onr-core" / "data" / "koodisto"
MOCK = "henkilo-ui/src/main/static/mock-api/src/api/koodisto-service/rest/json/{}/koodi/GET.json"
KUNNAT = "src/components/02-organisms/CategoryFilter/storydata/kunnat.js"


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def commit_of(repo, path):
    return git(repo, "log", "-1", "--format=%H %cs", "HEAD", "--", path).strip()


def write(name, source, commit, rows, note=""):
    rows = sorted(rows, key=lambda r: r[0])
    with open(OUT / f"{name}.tsv", "w", encoding="utf-8") as f:
        f.write(f"# koodisto `{name}`: {len(rows)} codes (koodiArvo as ONR compares it, case-sensitive)\n")
        f.write(f"# source: {source}\n")
        f.write(f"# source commit and date: {commit}\n")
        if note:
            f.write(f"# note: {note}\n")
        f.write("# regenerate: scripts/gen-koodisto.py\n")
        f.write("koodi\tfi\tsv\ten\n")
        for r in rows:
            f.write("\t".join(x.replace("\t", " ") for x in r) + "\n")


def from_mock(repo, uri):
    path = MOCK.format(uri)
    data = json.loads(git(repo, "show", f"HEAD:{path}"))
    rows = []
    for k in data:
        names = {m.get("kieli"): (m.get("nimi") or "") for m in k.get("metadata", [])}
        rows.append((k["koodiArvo"], names.get("FI", ""), names.get("SV", ""), names.get("EN", "")))
    src = f"Opetushallitus/oppijanumerorekisteri {path} (koodisto export, onlyValidKoodis=false)"
    return src, commit_of(repo, path), rows


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    onr, oiva = sys.argv[1], sys.argv[2]
    OUT.mkdir(parents=True, exist_ok=True)
    for uri in ["sukupuoli", "kieli", "maatjavaltiot2"]:
        src, commit, rows = from_mock(onr, uri)
        note = ""
        if uri == "kieli":
            note = "ONR's import compares these upper-case values; person create/update compares them lower-cased"
        write(uri, src, commit, rows, note)
        if uri == "maatjavaltiot2" and "--iso-codes" in sys.argv:
            iso = json.load(open(sys.argv[sys.argv.index("--iso-codes") + 1]))["3166-1"]
            iso_codes = {c["numeric"] for c in iso}
            ours = {r[0] for r in rows}
            print("maatjavaltiot2 codes not in ISO 3166-1:", sorted(ours - iso_codes), file=sys.stderr)
            print("ISO 3166-1 codes not in maatjavaltiot2:", sorted(iso_codes - ours), file=sys.stderr)
    text = git(oiva, "show", f"HEAD:{KUNNAT}")
    rows = []
    for block in re.split(r"\n  \{", text)[1:]:
        code = re.search(r'koodiarvo: "([^"]+)"', block).group(1)
        names = dict(re.findall(r'kieli: "(FI|SV|EN)",\s*nimi: "([^"]*)"', block))
        rows.append((code, names.get("FI", ""), names.get("SV", ""), names.get("EN", "")))
    write("kunta", f"CSC-IT-Center-for-Science/oiva-frontend {KUNNAT} (koodisto `kunta` export, versio 2)",
          commit_of(oiva, KUNNAT), rows,
          "municipalities valid in 2021 and 999 (unknown); merged municipalities of earlier years are missing")


if __name__ == "__main__":
    main()
