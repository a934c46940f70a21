#!/usr/bin/env python3
"""Pairs of strings for checking Jaro-Winkler against the real Lucene class.

Usage:
  jw_pairs.py fixture            the curated + seeded set behind tests/vectors/jaro_winkler.tsv
  jw_pairs.py random SEED COUNT  fresh random pairs (the live differential test)
  jw_pairs.py escape             read raw "a<TAB>b<TAB>rest" lines, escape a and b (fixture form)

Pairs are printed raw as "a<TAB>b" lines. No string contains a tab, CR or LF (Lucene's tool
reads lines with Java's readLine and splits at the first tab), nor a lone surrogate (Rust
strings cannot hold one): every other code point may appear.
"""
import random
import sys
import unicodedata

FINNISH = """Matti Juhani Mikko Mika Pekka Jukka Timo Kari Antti Heikki Seppo Sepo Teppo Teijo Taneli
Tahvelo Pertti Elias Eelis Aino Anna Hanna Hanna-Leena Leena Liisa Anna-Liisa Maija Marja Terttu
Karpalo Krista Johanna Kaarina Eva-Kaarina Kyllikki Sanna Satu Päivi Tiina Riikka Outi Jyrki Väinö
Ilmari Urho Kaleva Eino Aatu Onni Eetu Lauri Veeti Venla Iida Siiri Aada Helmi Ellen Pihla Ahti
Tuomas Juho Jussi Esa Olli Yrjö Sakari Ville Kalle Niilo Äijä Ööpinen Åke""".split()
SURNAMES = """Virtanen Korhonen Korhola Mäkinen Mäkelä Nieminen Mäkelä Hämäläinen Laine Heikkinen
Heikkilä Koskinen Järvinen Lehtonen Saarinen Salminen Meikäläinen Testiäinen Testaaja Peipponen
Virkailija Virkalija Halla-aho Hallaaho Nyrkki-Kyllikki Karhu Karju Hurja Kurja Jääskeläinen
Äyrämö Ahonen Huttunen Kinnunen Turunen Niemi Lindqvist Lindström Öberg Ångström Sjöberg
Björklund Grönroos Wikström Åkerlund Söderholm""".split()
SAMI = """Ánte Áilu Gáddja Máret Sárá Ovllá Biret Ásllat Niillas Ristenrauna Čáhppes Đuođđa Ŋuolla
Šiellat Ŧuolla Žárjá Guttorm Vuolab Sámi Ǯieđa Ʒoama Ǥáđa Ǩeavri Ǒvla Aikio Näkkäläjärvi""".split()
ESTONIAN = "Jüri Õunapuu Tõnu Mägi Külli Šaržanov Žukov Tamm Saar Sepp Mänd Kõiv Pärn Ülle Õie".split()
EUROPEAN = """Łukasz Żółć Jędrzej Ścibor Dvořák Řehoř Ťuťák Ůžasný François Cœur Œdipe Ægir Straße
Groß Þór Ðuríður Æsa Søren Zoë Renée Nöel Amélie Hélène Ðông Bùi Müller Schröder Çelik Ğüneş
İsmail Ιωάννης Μαρία Ελένη Ζωή Άρης Νίκος Γιώργος Κωνσταντίνος Иван Ёлкин Щукин Юлия Яковлева
Алексей Наталья Сергей Ольга Дмитрий Татьяна Владимир Олег""".split()
CJK = "王小明 李华 张伟 刘洋 陈静 김민준 이서연 박지훈 やまだ たろう 山田太郎 鈴木 佐藤 田中".split()
NONBMP = ["😀", "👍🏽", "👨‍👩‍👧", "𝐀𝐧𝐧𝐚", "𠀀𠀁", "🇫🇮", "𝔐𝔞𝔱𝔱𝔦", "🙂a", "a🙂", "😀😀", "😀😁", "𐐀𐐁"]
DECOMPOSED = [unicodedata.normalize("NFD", s) for s in ["Äyrämö", "Öberg", "Ångström", "Hélène", "Mäkelä", "Ǯieđa"]]
ODD = ["", " ", "  ", "-", "--", "'", "a", "A", "ab", "ba", "abc", "cba", "a b", "a-b", "O'Brien",
       "D'Artagnan", "Anna-Liisa", "anna liisa", "1234", "12", "Ⅳ", "½", "ﬁ", "ß", "ẞ", "ǅ",
       "\u00a0", "\u200b", "\u2028", "\ufeff", "\u0301", "e\u0301", "\u00e9", "\x00", "\x7f", "\ufffd",
       "\uffff", "\U0010ffff"]

ONR_EXAMPLES = [
    ("test", "test"), ("test", "tes"), ("test", "te"), ("test", "t"), ("a", "b"), (" ", " "),
    ("", ""), ("anna", "hanna"), ("virkailija", "virkalija"), ("halla-aho", "hallaaho"),
    ("karhu", "karju"), ("elias", "eelis"), ("hurja", "kurja"), ("sepo", "seppo"),
    ("matti", "mati"), ("mikko", "mika"), ("korhonen", "korhola"), ("heikkinen", "heikkila"),
    ("makinen", "makela"), ("teppo", "teijo"), ("krista", "liisa"), ("pertti", "seppo"),
    ("abc", "cba"), ("hanna", "ahnn"), ("ab", "ba"),
]

ALL_NAMES = FINNISH + SURNAMES + SAMI + ESTONIAN + EUROPEAN + CJK + NONBMP + DECOMPOSED


def clean(s):
    return "".join(c for c in s if c not in "\t\r\n" and not 0xD800 <= ord(c) <= 0xDFFF)


def mutate(rng, s):
    """A typo-like edit of s: swap, delete, insert, replace, double, case change or accent drop."""
    chars = list(s)
    kind = rng.randrange(8)
    if not chars:
        return rng.choice("aä")
    i = rng.randrange(len(chars))
    if kind == 0 and len(chars) > 1:
        j = min(i + 1, len(chars) - 1)
        chars[i], chars[j] = chars[j], chars[i]
    elif kind == 1:
        del chars[i]
    elif kind == 2:
        chars.insert(i, rng.choice("aeiouyäöhjklmnprst"))
    elif kind == 3:
        chars[i] = rng.choice("aeiouyäöåšžõhjklmnprst")
    elif kind == 4:
        chars.insert(i, chars[i])
    elif kind == 5:
        chars[i] = chars[i].swapcase()
    elif kind == 6:
        chars = list(unicodedata.normalize("NFD", s))
        chars = [c for c in chars if not unicodedata.combining(c)]
    else:
        k = rng.randrange(len(chars))
        chars = chars[k:] + chars[:k]
    return "".join(chars)


def random_char(rng):
    pools = [(0x61, 0x7A), (0x41, 0x5A), (0x20, 0x7E), (0xC0, 0x24F), (0x300, 0x36F), (0x370, 0x3FF),
             (0x400, 0x4FF), (0x3040, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0x1F300, 0x1F64F),
             (0x1D400, 0x1D7FF), (0x10000, 0x10FFFF), (0xE000, 0xFFFF), (0x80, 0x7FF)]
    lo, hi = rng.choice(pools)
    while True:
        cp = rng.randint(lo, hi)
        c = chr(cp)
        if c not in "\t\r\n" and not 0xD800 <= cp <= 0xDFFF:
            return c


def random_string(rng, max_len):
    n = rng.randint(0, max_len)
    mode = rng.randrange(4)
    if mode == 0:
        alphabet = rng.choice(["ab", "abc", "aeiou", "abcdefgh", "😀a", "😀😁", "a\u0301", "äa"])
        return "".join(rng.choice(alphabet) for _ in range(n))
    if mode == 1:
        return "".join(random_char(rng) for _ in range(n))
    if mode == 2:
        return " ".join(rng.choice(ALL_NAMES) for _ in range(rng.randint(1, 3)))
    return mutate(rng, rng.choice(ALL_NAMES))


def random_pair(rng):
    kind = rng.randrange(10)
    if kind <= 2:
        a = rng.choice(ALL_NAMES + ODD)
        b = a
        for _ in range(rng.randint(1, 3)):
            b = mutate(rng, b)
        return a, b
    if kind == 3:
        a = random_string(rng, 12)
        return a, a
    if kind == 4:
        # equal lengths: the max/min choice is by argument position
        n = rng.randint(1, 12)
        alphabet = rng.choice(["ab", "abc", "abcd", "xyz😀"])
        a = "".join(rng.choice(alphabet) for _ in range(n))
        b = "".join(rng.choice(alphabet) for _ in range(n))
        return a, b
    if kind == 5:
        a = random_string(rng, 300)
        b = a
        for _ in range(rng.randint(0, 20)):
            b = mutate(rng, b)
        return a, b
    if kind == 6:
        return rng.choice(ALL_NAMES + ODD), rng.choice(ALL_NAMES + ODD)
    return random_string(rng, 20), random_string(rng, 20)


def fixture_pairs():
    rng = random.Random(20240611)
    pairs = list(ONR_EXAMPLES)
    pairs += [(b, a) for a, b in ONR_EXAMPLES]
    odd = ODD + NONBMP + DECOMPOSED
    pairs += [(a, b) for a in odd for b in odd]
    names = FINNISH + SURNAMES
    pairs += [(a.lower(), b.lower()) for a in names for b in names if rng.random() < 0.25]
    pairs += [(a, b) for a in SAMI + ESTONIAN + EUROPEAN + CJK for b in SAMI + ESTONIAN + EUROPEAN + CJK
              if rng.random() < 0.1]
    for name in ALL_NAMES:
        for _ in range(6):
            m = name
            for _ in range(rng.randint(1, 2)):
                m = mutate(rng, m)
            pairs.append((name, m))
            pairs.append((m, name))
    for n in [1, 2, 3, 4, 5, 8, 16, 63, 64, 65, 100, 500, 1000]:
        a = "".join(rng.choice("abcdefghij") for _ in range(n))
        pairs.append((a, a))
        pairs.append((a, mutate(rng, a)))
        pairs.append((a, a[::-1]))
        pairs.append(("😀" * n, "😀" * n + "a"))
    pairs += [random_pair(rng) for _ in range(6000)]
    return pairs


def escape(s):
    out = []
    for c in s:
        cp = ord(c)
        if c == "\\":
            out.append("\\\\")
        elif c == "\t":
            out.append("\\t")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif 0x20 <= cp < 0x7F or (cp > 0x7F and unicodedata.category(c)[0] in "LNPS" and unicodedata.category(c) != "Co"):
            out.append(c)
        else:
            out.append("\\u{%X}" % cp)
    return "".join(out)


def main():
    out = sys.stdout
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "fixture":
        pairs = fixture_pairs()
    elif mode == "random":
        rng = random.Random(int(sys.argv[2]))
        pairs = [random_pair(rng) for _ in range(int(sys.argv[3]))]
    elif mode == "escape":
        for line in sys.stdin.buffer.read().decode("utf-8").split("\n"):
            if line:
                a, b, rest = line.split("\t", 2)
                out.write(f"{escape(a)}\t{escape(b)}\t{rest}\n")
        return
    else:
        sys.exit(__doc__)
    for a, b in pairs:
        out.write(f"{clean(a)}\t{clean(b)}\n")


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    sys.stdin.reconfigure(encoding="utf-8")
    main()
