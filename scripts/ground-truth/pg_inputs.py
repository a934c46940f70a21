#!/usr/bin/env python3
"""Input strings for the PostgreSQL ground truth (pg-trgm-fixtures.sh, pg-differential.sh).

  pg_inputs.py fixtures            curated + seeded-random pairs, tab-separated, one per line
  pg_inputs.py random SEED N       N fresh random pairs
  pg_inputs.py persons SEED N      N synthetic person rows: id,etunimet,kutsumanimi,sukunimi,syntymaaika
                                   (few distinct names, many near-duplicates, some non-ASCII)
  pg_inputs.py finnish SEED N      N synthetic Finnish-looking persons for benchmarks: Zipf-weighted
                                   first names, surnames from stems and suffixes, 8% near-duplicates
  pg_inputs.py namepairs SEED N    N pairs of such persons' search texts ("etunimet kutsumanimi
                                   sukunimi YYYY-MM-DD"): half a person and a near-duplicate of
                                   it, half two persons

Strings never contain a tab, newline, carriage return, backslash or NUL (the TSV and COPY
formats stay trivial); every other character is fair game.
"""
import random
import sys

FIRST = """Matti Juhani Mikko Timo Jari Kari Antti Tuomas Eino Ilmari Urho Kaleva Väinö Veikko Pekka
Heikki Lauri Onni Eetu Aleksi Elias Oliver Leo Aatu Niilo Toivo Arvo Jussi Ville Sami Juha
Anna Maria Liisa Helena Johanna Kaarina Marjatta Hanna Leena Aino Sofia Emma Ellen Aada Venla
Eveliina Ilona Kerttu Lyydia Siiri Saara Hilja Elli Iida Päivi Sirpa Tuula Ritva Pirjo Seija
Björn Åsa Gunnar Göran Ulla-Britt Märta Øystein Søren Ægir Ragnhild Ingrid Sven-Erik""".split()
LAST = """Virtanen Korhonen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen
Lehtonen Lehtinen Saarinen Salminen Heinonen Niemi Heikkilä Kinnunen Salonen Turunen Salo
Laitinen Tuominen Rantanen Karjalainen Jokinen Mattila Savolainen Lahtinen Ahonen Meikäläinen
Testiäinen Pöyhönen Äijälä Öhman Åberg Söderström Lindqvist Halla-aho Yli-Härsilä O'Connor
d'Artagnan Nyrkki-Kyllikki Šmíd Gödel Łukasiewicz Ørsted Þórsdóttir Müller Straße""".split()
SAMI = ["Áŋŋá", "Čoavddáš", "Máret", "Ánde", "Niillas", "Sárá", "Ŋuvtte", "Đávvet", "Ǯiegŋa", "Ʒuŋŋe", "Ŧuomas"]
ESTONIAN = ["Õie", "Tõnu", "Jüri", "Mäger", "Šults", "Žanna", "Kõiv", "Pärtel", "Külliki"]
CYRILLIC = ["Иван", "Пётр", "Ёлка", "Наталья", "ЖУКОВ", "Щукин", "Ђорђе", "Їжак", "Үрүмчи"]
GREEK = ["Ὀδυσσεύς", "ΟΔΥΣΣΕΥΣ", "Σοφία", "Άννα", "Ελένη", "ΐ", "ΰ", "ς σ Σ"]
CJK = ["山田 太郎", "李小龍", "김철수", "さくら", "カタカナ", "中文名字", "田中"]
LIGATURE = ["Æsa", "Œdipe", "ﬁnn", "ﬂora", "Ĳssel", "ǅore", "ǈuba", "ǋina", "ß", "ẞ", "Þór", "ŉ"]
DECOMPOSED = ["Ma\u0308kinen", "A\u030asa", "Jo\u0308rgen", "e\u0301e\u0300", "\u0308", "a\u0301\u0301\u0301", "n\u0303o"]
PUNCT = ["Halla-aho", "halla aho", "O'Brien", "O’Brien", "Anna–Liisa", "Anna—Liisa", "Anna‐Liisa", "x_y", "a.b", "a,b",
         "“quoted”", "«guillemets»", "…", "-", "--", "'", " ", "  ", "", "a", "ab", "abc", "aa aa", "a b c"]
DIGITS = ["1911-11-11", "2005-03-14", "2005-04-13", "0001-01-01", "12345-06-07", "123", "٣٤", "²", "½", "¼", "Ⅳ", "①", "１２３", "x²y"]
EMOJI = ["😀", "Anna 😀", "👍🏽", "❤️", "🇫🇮", "Matti🙂Meikäläinen", "€ 5", "™", "©"]
MISC = ["İstanbul", "ıi", "K", "Å", "µ", "ª", "º", "ǰ", "ẖ", "ﬃ", "ⓐ", "Ⓐ", "ǅǄǆ", "ǲ", "Ⱥ", "ⱥ", "ſ", "ƿ", "Ƿ",
        "\u00a0a\u00a0", "a\u200bb", "a\u00adb", "Ꝏ", "𝐀𝐁𝐂", "𝔄𝔅", "ｆｕｌｌ ｗｉｄｔｈ", "ﾊﾝｶｸ", "Ǉ", "Ǌ", "ǈ", "Ω", "K"]
ALL = SAMI + ESTONIAN + CYRILLIC + GREEK + CJK + LIGATURE + DECOMPOSED + PUNCT + DIGITS + EMOJI + MISC
# Characters the random generator draws from, weighted towards Finnish names.
POOL = ("abcdefghijklmnopqrstuvwxyzäöå" * 6 + "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÅ" * 2 + "0123456789" * 2
        + "     --''" + "éèêëáàâãçñøæœßþðšžčćđłőűůěřťďňįųėęāēīōūõüÿŋŧǥǩʒ"
        + "ÉÈÁÀÇÑØÆŒẞÞÐŠŽČĆĐŁŐŰŮĚŘŤĎŇĮŲĖĘĀĒĪŌŪÕÜŸŊŦǤǨƷİıſ"
        + "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙΑΒΓΔΕΖΗΘάέήίόύώΐΰςσΣ"
        + "中山田李김さカ😀👍½²①Ⅳ’‘“”–—…\u0301\u0308\u030a\u00a0\u200b,.;:!?()/&@#%+*=")


def rand_text(rng):
    k = rng.randint(0, 4)
    if k == 0:
        return rng.choice(ALL)
    if k == 1:
        return "".join(rng.choice(POOL) for _ in range(rng.randint(0, 25)))
    words = [rng.choice(FIRST + LAST + ALL) for _ in range(rng.randint(1, 5))]
    return " ".join(words)


def mutate(rng, s):
    ops = rng.randint(0, 3)
    cs = list(s)
    for _ in range(ops):
        op = rng.randint(0, 2)
        i = rng.randint(0, len(cs))
        if op == 0:
            cs.insert(i, rng.choice(POOL))
        elif op == 1 and cs:
            del cs[min(i, len(cs) - 1)]
        elif cs:
            cs[min(i, len(cs) - 1)] = rng.choice(POOL)
    return "".join(cs)


def person_text(rng):
    e = " ".join(rng.sample(FIRST, rng.randint(1, 3)))
    k = e.split()[0]
    s = rng.choice(LAST)
    d = "%04d-%02d-%02d" % (rng.randint(1930, 2020), rng.randint(1, 12), rng.randint(1, 28))
    return "%s %s %s %s" % (e, k, s, d)


def random_pairs(rng, n):
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.35:
            a = person_text(rng)
            b = mutate(rng, a) if rng.random() < 0.7 else person_text(rng)
        elif r < 0.7:
            a = rand_text(rng)
            b = mutate(rng, a)
        else:
            a, b = rand_text(rng), rand_text(rng)
        out.append((a, b))
    return out


def fixtures():
    rng = random.Random(20240531)
    pairs = [
        ("eino ilmari urho kaleva eino testiainen 1911-11-11", "eino eino testiainen 1911-11-11"),
        ("Eino Ilmari Urho Kaleva Eino Testiäinen 1911-11-11", "Eino Eino Testiäinen 1911-11-11"),
        ("matti juhani matti meikalainen 2005-03-14", "matti matti meikalainen 2005-03-14"),
        ("matti juhani matti meikalainen 2005-03-14", "matti juhani matti meikalainen 2005-04-13"),
        ("matti juhani matti meikalainen 2005-03-14", "matti juhani matti meikalainen "),
        ("matti juhani matti meikalainen 2005-03-14", "matti matti virtanen 2005-03-14"),
        ("anna anna virtanen 2001-01-01", "anna anna virtanen 2011-10-10"),
        ("", ""), ("", "a"), ("a", "a"), ("-", "-"), ("😀", "😀"),
    ]
    for s in ALL + FIRST + LAST:
        pairs.append((s, s))
        pairs.append((s, s.upper()))
        pairs.append((s, rng.choice(ALL + FIRST + LAST)))
    pairs += random_pairs(rng, 1500)
    return pairs


STEMS = """Virta Korho Mäki Niemi Laine Heikki Koski Järvi Lehto Saari Salmi Heino Kinnu Turu Laiti
Tuomi Ranta Karja Joki Matti Savo Lahti Aho Lepp Hiet Kallio Kangas Kivi Lind Mänty Nurmi Oja Pelto
Rinne Suo Tammi Vaara Vuori Hakala Halo Hämä Ilves Jussi Kauppi Kettu Kokko Kuusi Laakso Lampi Mark
Mieti Myllä Nieme Paju Palo Peura Pihla Pulkki Raati Rauta Repo Riihi Ruohon Sepp Sirvi Soini Susi
Taipa Tapio Toivo Uusi Vainio Valko Vehka Viita Ylä Alan Anttila Eskel Haapa Hirvo Honka Huttu Ikonen
Jaakko Jokela Kaartin Karhu Keto Koivu Kor Kuja Kulma Lahde Lauri Lumme Marti Mustan Nousi Ollil""".split()
SUFFIXES = ["nen", "la", "lä", "mäki", "niemi", "salo", "aho", "koski", "järvi", "lahti", "ranta", "vaara",
            "inen", "onen", "ainen", "ala", "ela", "kangas", "oja", "lehto", "pelto", "suo", "vuori", "saari", ""]


def zipf_choice(rng, items, s=1.0):
    # P(i) ~ 1/(i+1)^s, via a cached cumulative table
    key = (id(items), s)
    cum = _ZIPF.get(key)
    if cum is None:
        tot, cum = 0.0, []
        for i in range(len(items)):
            tot += 1.0 / (i + 1) ** s
            cum.append(tot)
        _ZIPF[key] = cum
    import bisect
    return items[bisect.bisect_left(cum, rng.random() * cum[-1])]


_ZIPF = {}


def finnish_rows(rng, n):
    first = FIRST[:60] + [f for f in FIRST[60:] if f.isalpha()]
    rows = []
    for i in range(n):
        if rows and rng.random() < 0.08:
            e, k, s, d = rng.choice(rows[-5000:])
            r = rng.random()
            if r < 0.3:
                s = mutate(rng, s)
            elif r < 0.5:
                e = mutate(rng, e)
            elif r < 0.7:
                d = ""
            elif r < 0.85:
                d = "%04d-%02d-%02d" % (rng.randint(1940, 2020), rng.randint(1, 12), rng.randint(1, 28))
            else:
                k = e.split()[-1]
        else:
            names = []
            for _ in range(rng.choice([1, 2, 2, 2, 3, 3])):
                f = zipf_choice(rng, first, 0.8)
                if f not in names:
                    names.append(f)
            e = " ".join(names)
            k = names[0]
            s = rng.choice(STEMS) + rng.choice(SUFFIXES)
            if rng.random() < 0.05:
                s += "-" + rng.choice(STEMS) + rng.choice(SUFFIXES)
            d = "%04d-%02d-%02d" % (rng.randint(1940, 2020), rng.randint(1, 12), rng.randint(1, 28))
        rows.append((e, k, s, d))
    return rows


def clean(s):
    return "".join(c for c in s if c not in "\t\n\r\\\x00")


def main():
    mode = sys.argv[1]
    out = sys.stdout
    if mode == "fixtures":
        for a, b in fixtures():
            out.write("%s\t%s\n" % (clean(a), clean(b)))
    elif mode == "random":
        rng = random.Random(int(sys.argv[2]))
        for a, b in random_pairs(rng, int(sys.argv[3])):
            out.write("%s\t%s\n" % (clean(a), clean(b)))
    elif mode == "namepairs":
        rng = random.Random(int(sys.argv[2]))
        n = int(sys.argv[3])
        texts = [" ".join(p for p in row) for row in finnish_rows(rng, n)]
        for a in texts:
            b = mutate(rng, a) if rng.random() < 0.5 else rng.choice(texts)
            out.write("%s\t%s\n" % (clean(a), clean(b)))
    elif mode == "persons":
        rng = random.Random(int(sys.argv[2]))
        n = int(sys.argv[3])
        out.write("id,etunimet,kutsumanimi,sukunimi,syntymaaika,passivoitu,duplicate\n")
        base = []
        for i in range(n):
            if base and rng.random() < 0.15:
                e, k, s, d = rng.choice(base)
                e, s = mutate(rng, e) if rng.random() < 0.5 else e, mutate(rng, s) if rng.random() < 0.5 else s
                if rng.random() < 0.3:
                    d = ""
            else:
                e = " ".join(rng.sample(FIRST, rng.randint(1, 3)))
                k = e.split()[0] if rng.random() < 0.9 else rng.choice(FIRST)
                s = rng.choice(LAST + SAMI + ESTONIAN + CYRILLIC[:3] + GREEK[:3] + LIGATURE[:4])
                d = "" if rng.random() < 0.05 else "%04d-%02d-%02d" % (rng.randint(1950, 2015), rng.randint(1, 12), rng.randint(1, 28))
                base.append((e, k, s, d))
            flags = ["true" if rng.random() < 0.03 else "false", "true" if rng.random() < 0.03 else "false"]
            fields = [str(i + 1), e, k, s, d] + flags
            out.write(",".join('"%s"' % clean(f).replace('"', '""') for f in fields) + "\n")
    elif mode == "finnish":
        rng = random.Random(int(sys.argv[2]))
        out.write("id,etunimet,kutsumanimi,sukunimi,syntymaaika\n")
        for i, (e, k, s, d) in enumerate(finnish_rows(rng, int(sys.argv[3]))):
            fields = [str(i + 1), e, k, s, d]
            out.write(",".join('"%s"' % clean(f).replace('"', '""') for f in fields) + "\n")
    else:
        sys.exit("usage: pg_inputs.py fixtures | random SEED N | persons SEED N")


if __name__ == "__main__":
    main()
