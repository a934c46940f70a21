#!/usr/bin/env python3
"""Generates examples/learners.csv: synthetic learners with realistic mistakes.

Deterministic (fixed seed). Every person is invented: names are drawn from common Finnish and
Swedish name lists, hetus are generated at random (most with ordinary individual numbers, some
with the temporary numbers 900-999), OIDs are generated with ONR's check-digit rules. Any match
with a real person is a coincidence.

A few rows are the same learner entered a second time, under another identifier and with a
slightly different spelling (DUPLICATE_OF): `onr check` reports them as likely duplicates.

Usage: scripts/gen-examples.py > examples/learners.csv
"""
import csv
import random
import sys
from datetime import date, timedelta

CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
SIGNS = {18: "+", 19: "-YXWVU", 20: "ABCDEF"}
FIRST_F = ["Aino", "Anna", "Emilia", "Helmi", "Ilona", "Iida", "Johanna", "Kaisa", "Liisa",
           "Maria", "Minna", "Noora", "Oona", "Pihla", "Sofia", "Venla", "Åsa", "Märta", "Elsa"]
FIRST_M = ["Aleksi", "Eino", "Elias", "Jussi", "Juhani", "Kalle", "Leevi", "Matti", "Mikael",
           "Niilo", "Onni", "Pekka", "Tapani", "Väinö", "Johan", "Björn", "Olli", "Antero"]
LAST = ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
        "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lindqvist", "Öhman", "Saarinen",
        "Salminen", "Turunen", "Räsänen", "Sjöberg", "Ahonen", "Kärkkäinen"]
LANGS = ["FI", "FI", "FI", "SV", "EN", "ET", "RU"]
COUNTRIES = ["246", "246", "246", "246", "752", "233", "643", "616"]
# Row number -> the earlier row whose learner it is again, and how the names were retyped.
# Applied after the row's random draws, so every other row stays as it was.
DUPLICATE_OF = {
    120: (16, "unaccented"),
    240: (17, "one first name"),
}


def hetu(d: date, individual: int, rnd) -> str:
    ddmmyy = f"{d.day:02d}{d.month:02d}{d.year % 100:02d}"
    nnn = f"{individual:03d}"
    return ddmmyy + rnd.choice(SIGNS[d.year // 100]) + nnn + CHECK[int(ddmmyy + nnn) % 31]


def oid(node: int, rnd) -> str:
    number = rnd.randint(1_000_000_000, 9_999_999_999)
    digits = [int(c) for c in str(number)][::-1]
    if node == 24:
        s = sum(d * (7, 3, 1)[i % 3] for i, d in enumerate(digits))
    else:
        s = 0
        for i, d in enumerate(digits):
            if i % 2 == 0:
                d *= 2
                d = d - 9 if d > 9 else d
            s += d
    return f"1.2.246.562.{node}.{number}{(10 - s % 10) % 10}"


def main():
    rnd = random.Random(20261122)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["tunniste", "oid", "hetu", "passinumero", "sahkoposti", "etunimet", "kutsumanimi",
                "sukunimi", "syntymaaika", "sukupuoli", "aidinkieli", "kansalaisuus"])
    rows = []
    for i in range(1, 301):
        female = rnd.random() < 0.5
        firsts = rnd.sample(FIRST_F if female else FIRST_M, rnd.choice([1, 2, 2, 3]))
        etunimet = " ".join(firsts)
        kutsumanimi = rnd.choice(firsts)
        sukunimi = rnd.choice(LAST)
        born = date(1995, 1, 1) + timedelta(days=rnd.randint(0, 365 * 12))
        temporary = rnd.random() < 0.08
        individual = rnd.randint(900, 999) if temporary else rnd.randint(2, 899)
        if (individual % 2 == 0) != female:
            individual += 1 if individual < 999 else -1
        h = hetu(born, individual, rnd)
        row = {
            "tunniste": f"S{i:05d}", "oid": "", "hetu": h, "passinumero": "", "sahkoposti": "",
            "etunimet": etunimet, "kutsumanimi": kutsumanimi, "sukunimi": sukunimi,
            "syntymaaika": born.isoformat(), "sukupuoli": "2" if female else "1",
            "aidinkieli": rnd.choice(LANGS), "kansalaisuus": rnd.choice(COUNTRIES),
        }
        if rnd.random() < 0.15:
            row["oid"] = oid(24, rnd)
        mistake = rnd.random()
        if mistake < 0.05:  # a typo in the check character
            row["hetu"] = h[:10] + rnd.choice(CHECK.replace(h[10], ""))
        elif mistake < 0.09:  # two digits swapped
            j = rnd.choice([0, 2, 4, 7, 8])
            row["hetu"] = h[:j] + h[j + 1] + h[j] + h[j + 2:]
        elif mistake < 0.12:  # whitespace around
            row["hetu"] = h + " "
        elif mistake < 0.14:  # lowercase century letter or check char
            row["hetu"] = h.lower()
        elif mistake < 0.16:  # an en dash from a word processor
            row["hetu"] = h.replace("-", "\u2013")
        elif mistake < 0.22:  # no hetu: foreign learner with a passport number or e-mail
            row["hetu"] = ""
            row["kansalaisuus"] = rnd.choice(["752", "233", "643", "616"])
            if rnd.random() < 0.5:
                row["passinumero"] = f"P{rnd.randint(1000000, 9999999)}"
            else:
                row["sahkoposti"] = f"{kutsumanimi.lower()}.{i}@example.com"
        elif mistake < 0.24:  # a Finnish citizen without a hetu
            row["hetu"] = ""
            row["kansalaisuus"] = "246"
        elif mistake < 0.26:  # an OID with a wrong check digit
            o = oid(24, rnd)
            row["oid"] = o[:-1] + str((int(o[-1]) + 1) % 10)
        elif mistake < 0.28:  # kutsumanimi not one of the first names
            row["kutsumanimi"] = rnd.choice(FIRST_F if female else FIRST_M)
        elif mistake < 0.30:  # impossible day, accepted by ONR
            d = date(2001, 4, 30)
            ddmmyy = "310401"
            nnn = f"{individual:03d}"
            row["hetu"] = ddmmyy + "A" + nnn + CHECK[int(ddmmyy + nnn) % 31]
            row["syntymaaika"] = d.isoformat()
        elif mistake < 0.32:  # birth date contradicting the hetu
            row["syntymaaika"] = (born + timedelta(days=1)).isoformat()
        if i in DUPLICATE_OF:  # the same learner again, by e-mail, names retyped
            src, how = DUPLICATE_OF[i]
            first = rows[src - 1]
            etunimet, kutsumanimi = first["etunimet"], first["kutsumanimi"]
            sukunimi = first["sukunimi"]
            if how == "unaccented":
                table = str.maketrans("äöåÄÖÅ", "aoaAOA")
                etunimet, sukunimi = etunimet.translate(table), sukunimi.translate(table)
                kutsumanimi = kutsumanimi.translate(table)
            else:
                etunimet = kutsumanimi
            row.update({
                "oid": "", "hetu": "", "passinumero": "", "etunimet": etunimet,
                "kutsumanimi": kutsumanimi, "sukunimi": sukunimi,
                "sahkoposti": f"{kutsumanimi.lower()}.{i}@example.com",
                "syntymaaika": first["syntymaaika"], "sukupuoli": first["sukupuoli"],
                "kansalaisuus": "752",
            })
        rows.append(row)
        w.writerow([row[k] for k in ["tunniste", "oid", "hetu", "passinumero", "sahkoposti",
                                     "etunimet", "kutsumanimi", "sukunimi", "syntymaaika",
                                     "sukupuoli", "aidinkieli", "kansalaisuus"]])


if __name__ == "__main__":
    main()
