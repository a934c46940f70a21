"""``onr.TrigramSet`` and the text index (``DuplicateIndex.from_texts``, ``find_set``,
``pairs(progress=...)``): the set agrees with ``onr.trigram``'s functions and with PostgreSQL's
``show_trgm`` on the shared vectors, and the index agrees with brute force over the sets."""

from __future__ import annotations

import math
import random
import struct
from typing import Any, List, Optional, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import onr
from onr import Category, TrigramSet, trigram

from test_duplicates import pg_rows


def f32(x: float) -> bytes:
    return struct.pack("<f", x)


def calcsml(common: int, la: int, lb: int) -> float:
    """pg_trgm's CALCSML in single precision."""
    if la == 0 or lb == 0:
        return 0.0
    q = struct.unpack("<f", struct.pack("<f", common))[0] / struct.unpack("<f", struct.pack("<f", la + lb - common))[0]
    return float(struct.unpack("<f", struct.pack("<f", q))[0])


# --- TrigramSet ------------------------------------------------------------------------------


def test_sets_match_postgres_vectors() -> None:
    rows = pg_rows("trigram.tsv")
    assert len(rows) > 2000
    bad = []
    for r in rows:
        a, b, fa, fb = r[0], r[1], r[2], r[3]
        raw_a, raw_b = TrigramSet(a), TrigramSet(b)
        fmt_a, fmt_b = TrigramSet(a, form="onr"), TrigramSet(b, form="onr")
        shown = r[9].split("|") if r[9] else []
        checks = [
            # the text as given: trigram.similarity and PostgreSQL's similarity(a, b)
            f32(raw_a.similarity(raw_b)) == f32(trigram.similarity(a, b)) == f32(float(r[4])),
            f32(raw_a.similarity_to(b)) == f32(raw_b.similarity_to(a)) == f32(float(r[4])),
            # ONR's form: trigram.similarity_fmt and similarity(fa, fb)
            f32(fmt_a.similarity(fmt_b)) == f32(trigram.similarity_fmt(a, b)) == f32(float(r[5])),
            f32(fmt_a.similarity_to(b, form="onr")) == f32(fmt_b.similarity_to(a, form="onr")) == f32(float(r[5])),
            # show_trgm(fa), in PostgreSQL's order
            fmt_a.trigrams() == shown,
            len(fmt_a) == len(shown),
            fmt_a == TrigramSet(fa) and hash(fmt_a) == hash(TrigramSet(fa)),
            fmt_b == TrigramSet(fb),
            f32(calcsml(fmt_a.common(fmt_b), len(fmt_a), len(fmt_b))) == f32(float(r[5])),
            fmt_a.common(fmt_b) == fmt_b.common(fmt_a) <= min(len(fmt_a), len(fmt_b)),
        ]
        if not all(checks):
            bad.append((a, b, checks))
    assert not bad, bad[:10]


ALPHABET = "aaaeeiinnosttuvwkmlrÄäÖöÅåÉéüß-' 0123456789ŋčž"


def random_text(rnd: random.Random, max_len: int = 24) -> str:
    return "".join(rnd.choice(ALPHABET) for _ in range(rnd.randrange(max_len)))


def test_sets_match_functions_on_generated_pairs() -> None:
    rnd = random.Random(11)
    pairs = [(random_text(rnd), random_text(rnd)) for _ in range(3000)]
    raw = trigram.similarity_many(pairs, form="raw")
    fmt = trigram.similarity_many(pairs, form="onr")
    for (a, b), r, f in zip(pairs, raw, fmt):
        assert f32(TrigramSet(a).similarity(TrigramSet(b))) == f32(r) == f32(trigram.similarity(a, b)), (a, b)
        assert f32(TrigramSet(a, form="onr").similarity(TrigramSet(b, form="onr"))) == f32(f), (a, b)
        assert f32(TrigramSet(a).similarity_to(b)) == f32(r)
        assert f32(TrigramSet(a, form="onr").similarity_to(b, form="onr")) == f32(f)


def test_set_basics() -> None:
    cat = TrigramSet("cat")
    assert len(cat) == 4 and cat.trigrams() == ["  c", " ca", "at ", "cat"]
    assert TrigramSet("CAT") == cat and TrigramSet("Cät") != cat and TrigramSet("Cät", form="onr") == cat
    assert len({cat, TrigramSet("Cat"), TrigramSet("dog")}) == 2
    assert cat != "cat" and cat != 4
    assert TrigramSet("abc").common(TrigramSet("abd")) == 2
    assert TrigramSet("abc").similarity(TrigramSet("abd")) == pytest.approx(2 / 6) and f32(
        TrigramSet("abc").similarity(TrigramSet("abd"))
    ) == f32(2 / 6)
    assert TrigramSet("word").similarity(TrigramSet("two words")) == 0.36363637
    # No word characters: similar to nothing, not even itself (as PostgreSQL).
    empty = TrigramSet("-- ²½ 😀")
    assert len(empty) == 0 and not empty and empty.trigrams() == []
    assert empty.similarity(empty) == 0.0 and empty.similarity_to("") == 0.0


def test_repr_never_shows_the_text() -> None:
    s = TrigramSet("Meikäläinen Matti", form="onr")
    assert repr(s) == f"TrigramSet(len={len(s)})" == "TrigramSet(len=17)"
    assert "meik" not in repr(s).lower() and "matti" not in str(s).lower()


def test_set_type_errors() -> None:
    with pytest.raises(TypeError, match="text must be str"):
        TrigramSet(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        TrigramSet(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        TrigramSet("a").similarity("a")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        TrigramSet("a").common(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be str"):
        TrigramSet("a").similarity_to(b"a")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        TrigramSet("a", True)  # type: ignore[misc]
    assert onr.trigram.TrigramSet is onr.TrigramSet


@settings(max_examples=200)
@given(st.text(max_size=30), st.text(max_size=30), st.sampled_from(["raw", "onr"]))
def test_similarity_is_symmetric_and_in_range(a: str, b: str, form: str) -> None:
    x, y = TrigramSet(a, form=form), TrigramSet(b, form=form)
    s = x.similarity(y)
    assert s == y.similarity(x) == x.similarity_to(b, form=form) == y.similarity_to(a, form=form)
    assert 0.0 <= s <= 1.0
    assert x.similarity(x) == (1.0 if len(x) else 0.0)
    assert s == (trigram.similarity_fmt(a, b) if form == "onr" else trigram.similarity(a, b))
    assert (x == y) == (x.trigrams() == y.trigrams())


# --- DuplicateIndex.from_texts ------------------------------------------------------------------

FIRST = ["Anna", "Anni", "Hanna", "Aino", "Eino", "Matti", "Mathias", "Liisa", "Lisa", "Åke"]
LAST = ["Virtanen", "Wirtanen", "Korhonen", "Mäkinen", "Makinen", "Nieminen", "Ñúñez"]


def generated_texts(n: int, seed: int) -> List[Optional[str]]:
    """Name-like texts, a few missing, a few without any word character."""
    rnd = random.Random(seed)
    out: List[Optional[str]] = []
    for _ in range(n):
        roll = rnd.random()
        if roll < 0.05:
            out.append(None)
        elif roll < 0.07:
            out.append(rnd.choice(["", "--", "😀 ²"]))
        else:
            names = " ".join(rnd.choice(FIRST) for _ in range(rnd.randrange(1, 3)))
            date = f"{rnd.randrange(1990, 1993)}-0{rnd.randrange(1, 4)}-1{rnd.randrange(3)}"
            out.append(f"{names} {rnd.choice(LAST)} {date}" if rnd.random() < 0.7 else f"{names} {rnd.choice(LAST)}")
    return out


def brute_pairs(texts: List[Optional[str]], threshold: float, form: str) -> List[Tuple[str, str, float]]:
    sets = [None if t is None else TrigramSet(t, form=form) for t in texts]
    out = []
    for i, x in enumerate(sets):
        for j in range(i + 1, len(sets)):
            y = sets[j]
            if x is not None and y is not None:
                s = x.similarity(y)
                if trigram.is_similar(s, threshold):
                    out.append((f"t{i}", f"t{j}", s))
    return out


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.7])
def test_from_texts_pairs_equal_brute_force(threshold: float) -> None:
    texts = generated_texts(300, int(threshold * 10))
    ids = [f"t{i}" for i in range(len(texts))]
    index = onr.DuplicateIndex.from_texts(ids, texts, threshold)
    assert len(index) == 300 and index.threshold == threshold and index.id(7) == "t7"
    expected = brute_pairs(texts, threshold, form="onr")
    assert len(expected) > 100
    assert index.pairs() == expected


def test_from_texts_as_given() -> None:
    texts = generated_texts(200, 5)
    ids = [f"t{i}" for i in range(len(texts))]
    raw = onr.DuplicateIndex.from_texts(ids, texts, form="raw").pairs()
    assert raw == brute_pairs(texts, 0.5, form="raw")
    assert raw != onr.DuplicateIndex.from_texts(ids, texts).pairs()  # Mäkinen/Makinen, Ñúñez...


def test_find_set_equals_find_text_and_brute_force() -> None:
    texts = generated_texts(300, 9)
    ids = [f"t{i}" for i in range(len(texts))]
    index = onr.DuplicateIndex.from_texts(ids, texts)
    sets = [None if t is None else TrigramSet(t, form="onr") for t in texts]
    queries = [t for t in texts[:40] if t is not None] + ["Anna Virtanen", "MÄKINEN", "", "--"]
    for q in queries:
        found = index.find_text(q)
        assert index.find_set(TrigramSet(q, form="onr")) == found
        qs = TrigramSet(q, form="onr")
        expected = [(f"t{i}", qs.similarity(s)) for i, s in enumerate(sets) if s is not None and trigram.is_similar(qs.similarity(s))]
        expected.sort(key=lambda c: (-c[1], int(c[0][1:])))
        assert found == expected, q


def test_missing_texts_never_match() -> None:
    import pandas as pd

    same = "Anna Virtanen 1990-01-01"
    texts: List[Any] = [same, None, same, float("nan"), pd.NA, same, "--", "--"]
    index = onr.DuplicateIndex.from_texts([str(i) for i in range(len(texts))], texts)
    assert index.pairs() == [("0", "2", 1.0), ("0", "5", 1.0), ("2", "5", 1.0)]
    assert [c[0] for c in index.find_text(same)] == ["0", "2", "5"]
    assert index.find_text("--") == [] and index.find_set(TrigramSet("")) == []
    # Data frame columns: ids through str() as a record's id.
    df = pd.DataFrame({"id": range(len(texts)), "text": texts})
    assert onr.DuplicateIndex.from_texts(df["id"], df["text"]).pairs() == index.pairs()


def test_from_texts_errors() -> None:
    with pytest.raises(onr.SimilarityError) as info:
        onr.DuplicateIndex.from_texts(["a", "b"], ["x"])
    err = info.value
    assert isinstance(err, ValueError)
    assert err.code == "similarity.length_mismatch" and err.category == Category.CONSISTENCY
    assert str(err) == "one text per id expected, found 2 ids and 1 texts"
    assert err.message("fi").startswith("jokaiselle tunnisteelle odotettiin yksi teksti")
    with pytest.raises(onr.SimilarityError) as info:
        onr.DuplicateIndex.from_texts(iter(["a"]), (t for t in ["x", "y"]))
    assert info.value.code == "similarity.length_mismatch"
    with pytest.raises(onr.SimilarityError) as info:
        onr.DuplicateIndex.from_texts(["a"], ["x"], threshold=-0.1)
    assert info.value.code == "similarity.threshold"
    with pytest.raises(onr.SimilarityError):
        onr.DuplicateIndex.from_texts(["a"], ["x"], math.nan)
    with pytest.raises(TypeError, match="item 1"):
        onr.DuplicateIndex.from_texts(["a", "b"], ["x", 5])
    with pytest.raises(TypeError, match="single str"):
        onr.DuplicateIndex.from_texts("ab", ["x", "y"])
    with pytest.raises(TypeError, match="single str"):
        onr.DuplicateIndex.from_texts(["a", "b"], "xy")
    with pytest.raises(TypeError, match="missing"):
        onr.DuplicateIndex.from_texts(["a", None], ["x", "y"])
    with pytest.raises(TypeError):
        onr.DuplicateIndex.from_texts(["a"], ["x"]).find_set("x")  # type: ignore[arg-type]
    empty = onr.DuplicateIndex.from_texts([], [])
    assert len(empty) == 0 and empty.pairs() == [] and empty.find_text("x") == []


# --- pairs(progress=...) ---------------------------------------------------------------------


def test_progress_reports_until_total() -> None:
    texts = generated_texts(3000, 21)
    index = onr.DuplicateIndex.from_texts([f"t{i}" for i in range(len(texts))], texts)
    calls: List[Tuple[int, int]] = []
    pairs = index.pairs(progress=lambda done, total: calls.append((done, total)))
    assert pairs == index.pairs() == index.pairs(progress=None)
    assert len(calls) >= 2 and calls[-1] == (3000, 3000)  # reports while the search runs
    assert all(total == 3000 for _, total in calls)
    done = [d for d, _ in calls]
    assert done == sorted(set(done)) and all(0 <= d <= 3000 for d in done)  # each count once

    empty: List[Tuple[int, int]] = []
    assert onr.DuplicateIndex.from_texts([], []).pairs(progress=lambda d, t: empty.append((d, t))) == []
    assert empty[-1] == (0, 0)


def test_progress_exception_propagates_after_the_join() -> None:
    texts = generated_texts(500, 4)
    index = onr.DuplicateIndex.from_texts([f"t{i}" for i in range(len(texts))], texts)
    calls = []

    def stop(done: int, total: int) -> None:
        calls.append(done)
        raise KeyError("stop here")

    with pytest.raises(KeyError, match="stop here"):
        index.pairs(progress=stop)
    assert len(calls) == 1  # no call after the first exception
    with pytest.raises(TypeError, match="progress must be callable"):
        index.pairs(progress=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        index.pairs(lambda d, t: None)  # type: ignore[misc]
    assert index.pairs() == brute_pairs(texts, 0.5, form="onr")  # the index is unharmed
