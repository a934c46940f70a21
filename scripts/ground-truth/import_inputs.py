#!/usr/bin/env python3
"""Generates messy, vendor-like import batches (`PUT /oppija` bodies) that probe ONR's JSON
reader, bean validation and post-validator.

Usage: import_inputs.py [--seed N] [--count N] > batches.jsonl

One JSON object a line: {"env": "production"|"test", "body": "<the request body as text>"}.
The body is text, not a parsed value, so that it can hold duplicate keys and numbers written
as a vendor wrote them (`1e3`, `246.0`). The people are synthetic: random names, dates and
hetu numbers, never real people's data.

The batches mix valid rows with rows that carry zero to four faults of the kinds real exports
have: dates as arrays, numbers or date-times; numbers and booleans where strings belong and
the other way round; `null` rows; unknown fields; duplicate keys; codes as bare strings
(`"kansalaisuus": ["246"]`); the output field `conflict`; wrong identifiers for the
environment (temporary 9xx hetus in production).
"""
import argparse
import json
import random

CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
NAMES = ["Aino", "Matti", "Liisa", "Ville", "Helmi", "Eino", "Ä", "Jean-Luc", "Mei", "O'Neil",
         "Sofia Maria", "Juha  Pekka", " Anna", "Väinö", "Åsa"]
SURNAMES = ["Virtanen", "Korhonen", "Nieminen", "Mäkinen", "de la Cruz", "Öhman", "Li"]


class Obj:
    """A JSON object as an ordered list of pairs (keys may repeat)."""

    def __init__(self, pairs=None):
        self.pairs = list(pairs or [])

    def set(self, key, value):
        for i, (k, _) in enumerate(self.pairs):
            if k == key:
                self.pairs[i] = (key, value)
                return
        self.pairs.append((key, value))

    def get(self, key):
        for k, v in self.pairs:
            if k == key:
                return v
        return None

    def drop(self, key):
        self.pairs = [(k, v) for k, v in self.pairs if k != key]


class Raw:
    """JSON text written as is (a number in a vendor's notation)."""

    def __init__(self, text):
        self.text = text


def dump(v) -> str:
    if isinstance(v, Obj):
        return "{" + ", ".join(json.dumps(k) + ": " + dump(x) for k, x in v.pairs) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(dump(x) for x in v) + "]"
    if isinstance(v, Raw):
        return v.text
    return json.dumps(v, ensure_ascii=False)


def hetu(rnd, temporary=False, broken=False):
    year = rnd.randint(1950, 2015)
    day, month = rnd.randint(1, 28), rnd.randint(1, 12)
    sign = "-" if year < 2000 else "A"
    n = rnd.randint(900, 999) if temporary else rnd.randint(2, 899)
    ddmmyy = f"{day:02d}{month:02d}{year % 100:02d}"
    c = CHECK[int(ddmmyy + f"{n:03d}") % 31]
    if broken:
        c = CHECK[(CHECK.index(c) + rnd.randint(1, 30)) % 31]
    return f"{ddmmyy}{sign}{n:03d}{c}", f"{year:04d}-{month:02d}-{day:02d}"


def koodi(v):
    return Obj([("koodi", v)])


SCALAR_SWAPS = [
    lambda r: r.randint(0, 99999), lambda r: Raw("1e3"), lambda r: Raw("246.0"), lambda r: 1.5,
    lambda r: True, lambda r: False, lambda r: None, lambda r: "", lambda r: "  ",
    lambda r: Obj(), lambda r: Obj([("a", 1)]), lambda r: ["x"], lambda r: [],
    lambda r: Raw("-0"), lambda r: Raw("12345678901234567890"), lambda r: Raw("12345678901"),
    lambda r: Raw("1E+2"), lambda r: Raw("0.10"), lambda r: -7,
]
# Values where an object belongs (a row, `henkilo`, a code).
NOT_OBJECTS = ["x", "", " ", 5, 1.5, Raw("12345678901"), Raw("12345678901234567890"), True,
               False, [], [Obj()], Raw("1e2")]
DATES = [
    "2005-03-14", " 2005-03-14 ", "", "  ", "2005-3-14", "2005-02-30", "2005-03-14T00:00:00",
    "2005-03-14T00:00:00Z", "14.3.2005", "20050314", "+2005-03-14", "2005-03-14 ", "0000-01-01",
    "9999-12-31", "2005/03/14", "2005-13-01", None, [2005, 3, 14], [2005, 3], 20050314, 0, True,
    Obj(), Obj([("year", 2005)]), Raw("1.5"), "２００５-03-14",
    "-2005-03-14", "+12005-03-14", "12005-03-14", "2005-04-31", "2004-02-29", "2005-02-29",
    "2005-00-10", "2005-01-00", "2005-01-32", "2005-03-1", "2005-03-14x", "\t2005-03-14\n",
    "2005-+3-14", "05-03-14", "2005-03-14T", "x" * 70, "-0000-01-01",
]
SEX = [koodi("1"), koodi("2"), koodi(1), koodi(2), koodi("3"), koodi(None), Obj(), "1", 1, [],
       None, koodi(Obj()), koodi(["1"]), koodi(True), Obj([("koodi", "1"), ("koodi", "9")]),
       Obj([("koodi", "9"), ("koodi", "2")]), koodi(""), Obj([("foo", "1")]), [koodi("1")], "", " ", 1.5, False,
       Raw("12345678901"), koodi(Raw("1.0")), koodi(Raw("1e0"))]
LANG = [koodi("FI"), koodi("SV"), koodi("fi"), koodi("XX"), koodi(None), koodi(246), Obj(),
        "FI", None, koodi(""), koodi(["FI"]), [koodi("FI")]]
CITIZEN = [
    [koodi("246")], [koodi("752")], ["246"], "246", [], None, [None], [koodi(None)],
    [koodi("999"), koodi("abc")], [koodi(246)], koodi("246"), [koodi("246"), koodi("246")],
    [koodi(Raw("246.0"))], [koodi(Raw("2.46e2"))], [koodi("246"), None], [koodi("246"), "752"],
    [koodi("xx"), koodi("yy"), koodi("zz"), koodi("246")], [Obj()], [koodi(Obj())], [[koodi("246")]],
    [koodi("246"), koodi(None), None, koodi("000")], 246, Obj(), [koodi("")], [koodi(True)],
    [""], [" "], [1.5], [False], [5], "", " ", True, [koodi(Raw("12345678901234567890"))],
    [koodi("246"), koodi(Raw("246.0")), koodi(Raw("2.46E2")), koodi(-0.0), koodi(Raw("1e400"))],
]
CONFLICT = [True, False, "true", "false", 1, 0, 2, -1, "yes", "1", "0", None, "TRUE", "True",
            Raw("1.0"), Raw("0.0"), [], Obj(), "", " true", [True], Raw("1e0"), " ", "null", "false ",
            Raw("12345678901"), Raw("12345678901234567890"), "tRue", "on", "t"]
STRING_FIELDS = ["hetu", "etunimet", "kutsumanimi", "sukunimi", "oid", "passinumero",
                 "sahkoposti"]
ROW_STRINGS = ["tunniste", "henkiloOid", "henkiloNimi"]
EMAILS = ["a@b.fi", "matti.virtanen@example.com", "bad", "a@b", "", "  a@b.fi", "a@@b.fi"]
OIDS = ["1.2.246.562.24.10000000003", "1.2.246.562.24.00000000001", "oid1", ""]


def base_row(rnd, env, i):
    p = Obj()
    first = rnd.choice(NAMES)
    kind = rnd.random()
    if kind < 0.6:
        h, date = hetu(rnd, temporary=(env == "test" and rnd.random() < 0.7))
        p.set("hetu", h)
        if rnd.random() < 0.3:
            p.set("syntymaaika", date)
    elif kind < 0.8:
        p.set("passinumero", f"XP{rnd.randint(100000, 999999)}")
        p.set("syntymaaika", f"{rnd.randint(1990, 2015)}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}")
    else:
        p.set("sahkoposti", rnd.choice(EMAILS[:2]))
    p.set("etunimet", first + (" " + rnd.choice(NAMES) if rnd.random() < 0.3 else ""))
    p.set("kutsumanimi", first)
    p.set("sukunimi", rnd.choice(SURNAMES))
    if rnd.random() < 0.5:
        p.set("sukupuoli", koodi(rnd.choice(["1", "2"])))
    if rnd.random() < 0.4:
        p.set("aidinkieli", koodi(rnd.choice(["FI", "SV", "EN"])))
    has_hetu = p.get("hetu") is not None
    p.set("kansalaisuus", [koodi("246" if has_hetu and rnd.random() < 0.8 else "752")])
    if rnd.random() < 0.3:
        # Shuffle the key order, as exports do.
        rnd.shuffle(p.pairs)
    row = Obj([("tunniste", f"r{i}"), ("henkilo", p)])
    if rnd.random() < 0.2:
        row.pairs.reverse()
    return row


def fault(rnd, env, row: Obj):
    p = row.get("henkilo")
    if not isinstance(p, Obj):
        p = Obj()
        row.set("henkilo", p)
    f = rnd.randrange(17)
    if f == 0:
        p.set("syntymaaika", rnd.choice(DATES))
    elif f == 1:
        p.set(rnd.choice(STRING_FIELDS), rnd.choice(SCALAR_SWAPS)(rnd))
    elif f == 2:
        p.set("sukupuoli", rnd.choice(SEX))
    elif f == 3:
        p.set("aidinkieli", rnd.choice(LANG))
    elif f == 4:
        p.set("kansalaisuus", rnd.choice(CITIZEN))
    elif f == 5:
        row.set("conflict", rnd.choice(CONFLICT))
    elif f == 6:
        row.set(rnd.choice(ROW_STRINGS), rnd.choice(SCALAR_SWAPS)(rnd))
    elif f == 7:
        target = rnd.choice([row, p])
        target.pairs.insert(rnd.randrange(len(target.pairs) + 1),
                            (rnd.choice(["foo", "Hetu", "henkilo_oid", "extra", "id"]),
                             rnd.choice(SCALAR_SWAPS)(rnd)))
    elif f == 8:
        # A duplicate key: the same field again, later in the object, with another value.
        key = rnd.choice(STRING_FIELDS + ["syntymaaika", "kansalaisuus", "sukupuoli"])
        value = rnd.choice([rnd.choice(SCALAR_SWAPS)(rnd), rnd.choice(DATES),
                            rnd.choice(CITIZEN), "Aino", hetu(rnd)[0]])
        if rnd.random() < 0.5:
            p.pairs.insert(0, (key, value))
        else:
            p.pairs.append((key, value))
    elif f == 9:
        h, _ = hetu(rnd, temporary=rnd.random() < 0.5, broken=rnd.random() < 0.5)
        p.set("hetu", rnd.choice([h, "", " ", h.lower(), h + " ", "131052-308T"]))
    elif f == 10:
        for k in ["hetu", "oid", "passinumero", "sahkoposti"]:
            p.drop(k)
        if rnd.random() < 0.5:
            p.set("kansalaisuus", [koodi("246")])
    elif f == 11:
        p.set(rnd.choice(["etunimet", "kutsumanimi", "sukunimi"]), rnd.choice([None, "", " "]))
        if rnd.random() < 0.3:
            p.drop("sukunimi")
    elif f == 12:
        row.set("henkilo", rnd.choice([None, Obj()] + NOT_OBJECTS))
    elif f == 13:
        p.set("oid", rnd.choice(OIDS))
    elif f == 14:
        p.set("sahkoposti", rnd.choice(EMAILS))
    elif f == 15:
        p.set("passinumero", rnd.choice(["", " ", "AB123"]))
    else:
        p.drop("kansalaisuus")


def batch(rnd, env):
    n = rnd.choice([1, 1, 1, 2, 3, 4, 5, 8])
    rows = []
    for i in range(n):
        r = rnd.random()
        if r < 0.04:
            rows.append(None)
            continue
        if r < 0.07:
            rows.append(rnd.choice(NOT_OBJECTS))
            continue
        row = base_row(rnd, env, i)
        for _ in range(rnd.choice([0, 0, 1, 1, 1, 2, 2, 3, 4])):
            fault(rnd, env, row)
        rows.append(row)
    top = Obj()
    r = rnd.random()
    if r < 0.5:
        top.set("sahkoposti", rnd.choice(EMAILS + [5, Obj(), None, ["a@b.fi"], True]))
    top.set("henkilot", rows)
    r = rnd.random()
    if r < 0.03:
        top.set("henkilot", rnd.choice([None, [], Obj(), "x", "", 5, True, [None]]))
    elif r < 0.06:
        top.pairs.append(("extra", rnd.choice(SCALAR_SWAPS)(rnd)))
    if rnd.random() < 0.3:
        top.pairs.reverse()
    return dump(top)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=300)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    for _ in range(args.count):
        env = rnd.choice(["production", "test"])
        print(json.dumps({"env": env, "body": batch(rnd, env)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
