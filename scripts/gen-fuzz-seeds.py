#!/usr/bin/env python3
"""Writes the committed fuzz seed corpus, fuzz/seeds/<target>/, from the shared vectors
(tests/vectors) and the example files (examples/): each fuzz target starts from real inputs
of its format instead of an empty corpus. Deterministic; rerun after changing a vector file.
Usage: scripts/gen-fuzz-seeds.py"""
import hashlib
import json
import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VEC = os.path.join(ROOT, "tests", "vectors")
OUT = os.path.join(ROOT, "fuzz", "seeds")


def rows(name):
    with open(os.path.join(VEC, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def write(target, seeds):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    for s in seeds:
        data = s if isinstance(s, bytes) else s.encode("utf-8")
        with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
            f.write(data)


def example(name):
    with open(os.path.join(ROOT, "examples", name), "rb") as f:
        return f.read()


shutil.rmtree(OUT, ignore_errors=True)
hetus = [r[0] for r in list(rows("hetu_codes.tsv"))[1:]]
write("hetu_parse", hetus[:200])
write("oid_parse", [r[0] for r in list(rows("oid.tsv"))[1:]][:200])
jw = [f"{r[0]}\t{r[1]}" for r in rows("jaro_winkler.tsv") if len(r) > 1]
write("jaro_winkler", jw[:200] + ["a" * 300 + "\t" + "a" * 299 + "b"])
tri = [f"{r[0]}\t{r[1]}" for r in rows("trigram.tsv") if len(r) > 1]
write("trigram_similarity", tri[:200])
write("unaccent_lower", [r[1] for r in rows("unaccent.tsv") if len(r) > 1][:300])
cases = json.load(open(os.path.join(VEC, "import_onr.json"), encoding="utf-8"))["cases"]
batches = [json.dumps(c["batch"], ensure_ascii=False) for c in cases]
write("import_json", batches + [example("batch.json")])
csvs = [example(n) for n in ("learners.csv", "rules.csv", "existing.csv")]
crlf_bom = b"\xef\xbb\xbf" + example("rules.csv").replace(b"\n", b"\r\n")
write("import_csv", csvs + [crlf_bom, b'tunniste,etunimet\nA,"Aino\nB,Eino\n'])
write("link_table", [b"master_oid,slave_oid\nM,S1\nM,S2\nN,T\n",
                     b"master_oid,slave_oid,master_passivoitu,slave_duplicate\nA,A,,\nM1,S,,true\nM2,S,,\n"])
# check_batch: the first byte picks the format (even: JSON, odd: CSV).
write("check_batch", [b"\x00" + b.encode("utf-8") for b in batches[:60]]
      + [b"\x00" + example("batch.json")] + [b"\x01" + c for c in csvs + [crlf_bom]]
      + [b"\x01tunniste,passinumero,etunimet,kutsumanimi,sukunimi,syntymaaika,kansalaisuus\n"
         + b"".join(b"T%d,P%d,Anna Maria,Anna,Virtanen,2001-01-01,752\n" % (i, i) for i in range(300))])
print("fuzz seeds:", {t: len(os.listdir(os.path.join(OUT, t))) for t in sorted(os.listdir(OUT))})
