#!/usr/bin/env python3
"""Writes tests/vectors/learners_check.tsv: what `onr check --format json examples/learners.csv`
reports, per row (index, line, verdict, errors as field:key, warning codes, action kind) plus
one `batch` line (number of rows, verdict, batch errors). The JVM suite checks that
ImportCheck.checkCsv gives the same for the same file (ImportCsvTest).

Usage, from the repository root: scripts/gen-learners-check.py [path/to/onr]
(default: builds and runs the CLI with `cargo run --release -q -p onr-cli --`).
"""
import json
import subprocess
import sys

cmd = [sys.argv[1]] if len(sys.argv) > 1 else ["cargo", "run", "--release", "-q", "-p", "onr-cli", "--"]
out = subprocess.run(cmd + ["check", "--format", "json", "examples/learners.csv"],
                     check=True, capture_output=True, text=True).stdout
report = json.loads(out)


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t")


def pairs(errors):
    return " ".join(sorted(esc(f"{e['field']}:{e['key']}") for e in errors))


lines = [
    "# What `onr check --format json examples/learners.csv` (production) reports: per row the",
    "# 0-based index, input line, verdict, errors (field:key, sorted), warning codes (sorted) and",
    "# action kind; the first line is the batch (number of rows in `line`, its verdict, batch errors).",
    "# source: onr-cli's `onr check` on examples/learners.csv",
    "# regenerate: scripts/gen-learners-check.py",
    "index\tline\tverdict\terrors\twarnings\taction",
]
summary = report["summary"]
accepted = summary["rejected"] == 0 and not report["batch_errors"]
lines.append("\t".join(["batch", str(summary["rows"]), "accepted" if accepted else "rejected",
                        pairs(report["batch_errors"]), "", ""]))
for row in report["rows"]:
    lines.append("\t".join([
        str(row["index"]), str(row["line"]), row["verdict"], pairs(row["errors"]),
        " ".join(sorted(w["code"] for w in row["warnings"])), row["action"]["kind"],
    ]))
with open("tests/vectors/learners_check.tsv", "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(f"{len(report['rows'])} rows, {summary['rejected']} rejected")
