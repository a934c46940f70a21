#!/usr/bin/env python3
"""Generates examples/persons.csv for `onr duplicates`: synthetic persons, some of them near
duplicates of each other (a missing middle name, a typo, ä for a, a different birth date), some
passivated or already marked duplicate. Deterministic; every person is invented.

Usage: scripts/gen-persons.py > examples/persons.csv

With `--n N [--vocabulary dense|registry] [--seed S]` it prints N persons for tests and
benchmarks at scale instead (see `synthetic`): Zipf-weighted names shaped like the benches'
generator (benches/src/synthetic.rs), near duplicates, missing birth dates, passivated and
duplicate persons. Other scripts import `synthetic` from this file.
"""
import csv
import itertools
import random
import sys
from datetime import date, timedelta

FIRST = ["Aino", "Anna", "Emilia", "Helmi", "Iida", "Liisa", "Maria", "Minna", "Venla", "Elsa",
         "Aleksi", "Eino", "Elias", "Jussi", "Juhani", "Kalle", "Matti", "Mikael", "Onni", "Väinö"]
LAST = ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
        "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lindqvist", "Öhman", "Saarinen"]


SYLLABLES = ["ka", "le", "mi", "no", "ra", "si", "tu", "va", "ee", "ja", "lo", "ne", "ri", "ta", "vi",
             "ai", "ho", "ki", "lu", "ma", "ni", "sa", "te", "yl", "hä", "mö", "ky", "pe"]
SUFFIXES = ["nen", "la", "lä", "mäki", "niemi", "salo", "aho", "koski", "järvi", "inen", "onen", "ainen"]
#: Vocabulary sizes and Zipf exponents (first names, surnames), as in benches/src/synthetic.rs:
#: `dense` is a stress test (the top surname 8% of persons), `registry` is shaped like a real
#: population register (the top surname about 0.4%).
VOCABULARIES = {"dense": (200, 1.0, 500, 0.8), "registry": (5000, 0.8, 50000, 0.65)}


def synthetic(n, seed=2026, vocabulary="registry"):
    """`n` synthetic persons as dicts (`id` "S1".."Sn", `etunimet`, `kutsumanimi`, `sukunimi`,
    `syntymaaika` as `YYYY-MM-DD` or None, `passivoitu`, `duplicate`): 2-3 first names with the
    kutsumanimi one of them, birth dates over 1950-2015 (3% unknown), 5% near duplicates of an
    earlier person (a typo, no date, another date), 2% passivated, 2% marked duplicate."""
    n_first, e_first, n_last, e_last = VOCABULARIES[vocabulary]
    rnd = random.Random(seed)

    def words(count, make):
        out, seen = list(FIRST if make is first_name else LAST), set()
        seen.update(out)
        while len(out) < count:
            w = make()
            if w not in seen:
                seen.add(w)
                out.append(w)
        return out

    def first_name():
        return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.choice([2, 3]))).capitalize()

    def surname():
        return ("".join(rnd.choice(SYLLABLES) for _ in range(rnd.choice([1, 2, 3]))) + rnd.choice(SUFFIXES)).capitalize()

    first, last = words(n_first, first_name), words(n_last, surname)
    c_first = list(itertools.accumulate(1 / (i + 1) ** e_first for i in range(len(first))))
    c_last = list(itertools.accumulate(1 / (i + 1) ** e_last for i in range(len(last))))

    def date_():
        if rnd.random() < 0.03:
            return None
        return (date(1950, 1, 1) + timedelta(days=rnd.randint(0, 23740))).isoformat()

    def typo(text):
        i = rnd.randrange(len(text))
        return text[:i] + rnd.choice("aeiklmnorstuyä") + text[i + 1:]

    out = []
    for i in range(n):
        if out and rnd.random() < 0.05:
            p = dict(out[-1 - rnd.randrange(min(len(out), 5000))])
            kind = rnd.randrange(4)
            if kind == 0:
                p["sukunimi"] = typo(p["sukunimi"])
            elif kind == 1:
                p["etunimet"] = typo(p["etunimet"])
            elif kind == 2:
                p["syntymaaika"] = None
            else:
                p["syntymaaika"] = date_()
        else:
            names = []
            want = rnd.choice([2, 3])
            while len(names) < want:
                f = rnd.choices(first, cum_weights=c_first)[0]
                if f not in names:
                    names.append(f)
            p = {"etunimet": " ".join(names), "kutsumanimi": rnd.choice(names),
                 "sukunimi": rnd.choices(last, cum_weights=c_last)[0], "syntymaaika": date_()}
        r = rnd.random()
        p.update(id=f"S{i + 1}", passivoitu=r < 0.02, duplicate=0.02 <= r < 0.04)
        out.append(p)
    return out


def print_synthetic(args):
    opts = dict(zip(args[::2], args[1::2]))
    persons = synthetic(int(opts["--n"]), int(opts.get("--seed", 2026)), opts.get("--vocabulary", "registry"))
    cols = ["id", "etunimet", "kutsumanimi", "sukunimi", "syntymaaika", "passivoitu", "duplicate"]
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(cols)
    for p in persons:
        w.writerow([{None: "", True: "true", False: "false"}.get(p[c], p[c]) if not isinstance(p[c], str) else p[c]
                    for c in cols])


def main():
    if len(sys.argv) > 1:
        return print_synthetic(sys.argv[1:])
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
