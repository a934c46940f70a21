#!/usr/bin/env python3
"""Generates examples/persons.csv for `onr duplicates`: synthetic persons, some of them near
duplicates of each other (a missing middle name, a typo, ä for a, a different birth date), some
passivated or already marked duplicate. Deterministic; every person is invented.

Usage: scripts/gen-persons.py > examples/persons.csv
"""
import csv
import random
import sys
from datetime import date, timedelta

FIRST = ["Aino", "Anna", "Emilia", "Helmi", "Iida", "Liisa", "Maria", "Minna", "Venla", "Elsa",
         "Aleksi", "Eino", "Elias", "Jussi", "Juhani", "Kalle", "Matti", "Mikael", "Onni", "Väinö"]
LAST = ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
        "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lindqvist", "Öhman", "Saarinen"]


def main():
    rnd = random.Random(7)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["id", "etunimet", "kutsumanimi", "sukunimi", "syntymaaika", "passivoitu", "duplicate"])
    n = 0
    for _ in range(150):
        firsts = rnd.sample(FIRST, rnd.choice([1, 2, 3]))
        person = [" ".join(firsts), rnd.choice(firsts), rnd.choice(LAST),
                  (date(1960, 1, 1) + timedelta(days=rnd.randint(0, 20000))).isoformat()]
        n += 1
        w.writerow([f"P{n:04d}"] + person + ["false", "false"])
        if rnd.random() < 0.3:  # a near duplicate of the same person
            e, k, s, d = person
            kind = rnd.randrange(4)
            if kind == 0 and " " in e:
                e = e.split(" ")[0]
            elif kind == 1:
                s = s.replace("ä", "a").replace("ö", "o") if any(c in s for c in "äö") else s[:-1] + "m"
            elif kind == 2:
                d = (date.fromisoformat(d) + timedelta(days=rnd.choice([1, 31, 365]))).isoformat()
            else:
                d = ""
            n += 1
            flags = rnd.choice([["false", "false"], ["false", "false"], ["true", "false"], ["false", "true"]])
            w.writerow([f"P{n:04d}", e, k, s, d] + flags)


if __name__ == "__main__":
    main()
