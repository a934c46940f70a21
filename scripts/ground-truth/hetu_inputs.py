#!/usr/bin/env python3
"""Generates hetu-shaped inputs that probe every rule and quirk of ONR's hetu validator.

Usage: hetu_inputs.py [--seed N] [--count N] > inputs.txt

One input per line (no line breaks inside inputs; `\\r` is avoided because Java's readLine
splits on it). The inputs are synthetic: random dates and numbers, never real people's data.
"""
import argparse
import random

CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
SIGNS = {18: "+", 19: "-YXWVU", 20: "ABCDEF"}
ODD = ["a", "b", "f", "y", "u", "z", "G", "I", "O", "Q", "Z", " ", "\t", ":", "_", ".", "/",
       "\u2013", "\u2212", "\u00a0", "\uff0d", "\uff0b", "\u0660", "\u0669", "\u06f5", "\u0967",
       "\uff10", "\uff19", "\uff15", "\u00b2", "\u00bd", "\u2460", "\u0e51", "\uabf9", "\u1d7ce",
       "\U0001d7ce", "\U0001f600", "\u0301", "\u00e4", "\u00c4", "\u0131", "\u0130", "+", "-",
       "A", "F", "U", "Y", "9", "0", "1", "\ufffd", "\u200b", "\x00", "\x7f", "\u1946", "\u19da"]
UNI_DIGITS = [0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0E50, 0x0F20, 0x1040, 0x17E0, 0x1810,
              0x1946, 0x19D0, 0x1A80, 0xA620, 0xA8D0, 0xABF0, 0xFF10, 0x1D7CE, 0x2070, 0x2080]


def check(ddmmyy: str, nnn: str) -> str:
    return CHECK[int(ddmmyy + nnn) % 31]


def code(day, month, year, individual, sign=None, rnd=random):
    century = year // 100
    sign = sign or rnd.choice(SIGNS.get(century, "-"))
    ddmmyy = f"{day:02d}{month:02d}{year % 100:02d}"
    nnn = f"{individual:03d}"
    return ddmmyy + sign + nnn + check(ddmmyy, nnn)


def uni(d: int, rnd) -> str:
    base = rnd.choice(UNI_DIGITS)
    return chr(base + d)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--count", type=int, default=20000)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    out = []
    # Every day 00..32 of every month 00..13 in leap/non-leap years of each century.
    for year in (1800, 1900, 1901, 1904, 1999, 2000, 2023, 2024, 2099):
        for month in range(0, 14):
            for day in (0, 1, 28, 29, 30, 31, 32):
                out.append(code(day, month, year, rnd.randint(2, 999), rnd=rnd))
    # Individual numbers at the edges, with and without the matching check character.
    for ind in (0, 1, 2, 3, 898, 899, 900, 901, 998, 999):
        c = code(rnd.randint(1, 28), rnd.randint(1, 12), rnd.randint(1800, 2099), ind, rnd=rnd)
        out.append(c)
        out.append(c[:10] + rnd.choice(CHECK.replace(c[10], "")))
    # Every century sign and many non-signs, case variants of the check character.
    for s in "+-YXWVUABCDEFyxwvuabcdefZGHQ*:/ _\u2013":
        c = code(rnd.randint(1, 28), rnd.randint(1, 12), 1990, rnd.randint(2, 899), rnd=rnd)
        out.append(c[:6] + s + c[7:])
        out.append(c[:10] + c[10].lower())
    for _ in range(a.count):
        year = rnd.randint(1800, 2099)
        month = rnd.randint(1, 12)
        day = rnd.randint(1, 31)
        c = code(day, month, year, rnd.randint(0, 999), rnd=rnd)
        kind = rnd.randrange(10)
        if kind == 0:
            pass
        elif kind == 1:  # one random odd character anywhere
            i = rnd.randrange(11)
            c = c[:i] + rnd.choice(ODD) + c[i + 1:]
        elif kind == 2:  # Unicode digits in the individual number, valid check char for the value
            ddmmyy = c[:6]
            nnn = f"{rnd.randint(0, 999):03d}"
            digits = "".join(uni(int(d), rnd) if rnd.random() < 0.6 else d for d in nnn)
            c = ddmmyy + c[6] + digits + check(ddmmyy, nnn)
        elif kind == 3:  # Unicode digits in the date
            i = rnd.randrange(6)
            c = c[:i] + uni(int(c[i]), rnd) + c[i + 1:]
        elif kind == 4:  # whitespace around
            c = rnd.choice([" ", "\t", "\u00a0"]) + c if rnd.random() < 0.5 else c + " "
        elif kind == 5:  # length 10 or 12
            c = c[:-1] if rnd.random() < 0.5 else c + rnd.choice(CHECK)
        elif kind == 6:  # transposition
            i = rnd.randrange(10)
            c = c[:i] + c[i + 1] + c[i] + c[i + 2:]
        elif kind == 7:  # random check char
            c = c[:10] + rnd.choice(CHECK + "GIOQZ")
        elif kind == 8:  # fake-rule probes: '9' variants in position 7
            ddmmyy = c[:6]
            nnn = "9" + f"{rnd.randint(0, 99):02d}"
            seven = rnd.choice(["9", "\uff19", "\u0669", "\u096f"])
            c = ddmmyy + c[6] + seven + nnn[1:] + check(ddmmyy, nnn)
        else:  # non-BMP character making 11 UTF-16 units out of 10 chars
            i = rnd.randrange(10)
            c = c[:i] + rnd.choice(["\U0001d7ce", "\U0001f600", "\U0001d7d8"]) + c[i + 2:]
        out.append(c)
    for line in out:
        assert "\n" not in line and "\r" not in line
        print(line)


if __name__ == "__main__":
    main()
