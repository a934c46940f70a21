"""The worked examples of the README, run as tests: cleaning a pandas column of hetus and
finding duplicate learners in a polars DataFrame."""

from __future__ import annotations

import datetime

import onr


def test_pandas_clean_a_column_of_hetus() -> None:
    import pandas as pd

    df = pd.DataFrame(
        {
            "learner": ["a", "b", "c", "d", "e", "f"],
            "hetu": ["131052-308T", " 131052-308t", "010594Y9032", None, "310490-123D", "131052-308X"],
        }
    )

    # One call for the whole column: valid flag, error code, birth date, sex, warnings.
    checked = df.join(pd.DataFrame(onr.hetu.validate_columns(df["hetu"]), index=df.index))

    assert checked["valid"].tolist() == [True, False, False, None, True, False]
    assert checked["code"].fillna("-").tolist() == ["-", "hetu.length", "hetu.temporary", "-", "-", "hetu.checksum"]
    assert checked.loc[0, "birth_date"] == datetime.date(1952, 10, 13)
    assert checked.loc[0, "sex"] == "2"
    # ONR accepts 31 April and stores 30 April as the birth date; the warning says so.
    assert checked.loc[4, "birth_date"] == datetime.date(1990, 4, 30)
    assert checked.loc[4, "warnings"] == "hetu.warning.date_clamped"

    # Dates as a datetime64 column, for filtering by age.
    checked["birth_date"] = pd.to_datetime(checked["birth_date"])
    assert checked["birth_date"].dt.year.tolist()[0] == 1952

    # Repair what a person would read the same (spaces, case, dashes), then check again.
    repaired = df["hetu"].map(lambda s: onr.hetu.normalize(s).value if isinstance(s, str) else s)
    assert onr.hetu.validate_columns(repaired)["valid"] == [True, True, False, None, True, False]

    # A typo: the closest valid codes, best first.
    assert str(onr.hetu.suggest("131052-3O8T")[0].hetu) == "131052-308T"

    # The test environment accepts temporary (9xx) codes.
    assert onr.hetu.validate_columns(df["hetu"], env="test")["valid"][2] is True


def test_polars_find_duplicate_learners() -> None:
    import polars as pl

    learners = pl.DataFrame(
        {
            "id": [1, 2, 3, 4, 5],
            "hetu": ["131052-308T", "131052–308t ", "010190-123M", "010190-１２３M", "130252-308T"],
        }
    )
    # The same person written twice: normalize, check, and group by the canonical code.
    normalized = [onr.hetu.normalize(s).value for s in learners["hetu"]]
    cols = onr.hetu.validate_columns(normalized)
    canonical = [str(r.hetu) if r.valid else None for r in onr.hetu.validate_many(normalized)]
    checked = learners.with_columns(
        pl.Series("canonical", canonical),
        pl.Series("valid", cols["valid"]),
        pl.Series("birth_date", cols["birth_date"], dtype=pl.Date),
    )
    duplicates = (
        checked.filter(pl.col("valid"))
        .group_by("canonical")
        .agg(pl.col("id").sort())
        .filter(pl.col("id").list.len() > 1)
        .sort("canonical")
    )
    assert duplicates["id"].to_list() == [[3, 4], [1, 2]]
    assert checked["birth_date"].dtype == pl.Date
    assert checked.filter(~pl.col("valid"))["id"].to_list() == [5]


def test_polars_duplicate_learners_as_onr_finds_them() -> None:
    import polars as pl

    learners = pl.DataFrame(
        {
            "id": ["1", "2", "3", "4", "5"],
            "etunimet": ["Matti Juhani", "Matti", "Anna", "Eino Ilmari Urho Kaleva", "Eino"],
            "kutsumanimi": ["Matti", "Matti", "Anna", "Eino", "Eino"],
            "sukunimi": ["Meikäläinen", "Meikalainen", "Virtanen", "Testiäinen", "Testiäinen"],
            "syntymaaika": [datetime.date(2005, 3, 14)] * 3 + [datetime.date(1911, 11, 11)] * 2,
            "passivoitu": [False, False, False, False, False],
        }
    )
    # ONR's duplicate search (pg_trgm >= 0.5 over lower(unaccent(names + birth date))), every
    # pair at once: the same pairs PostgreSQL's GIN self-join gives.
    pairs = pl.DataFrame(
        onr.find_duplicates(learners), schema=["id_a", "id_b", "similarity"], orient="row"
    )
    named = pairs.join(learners.select("id", "sukunimi"), left_on="id_a", right_on="id")
    assert pairs.select("id_a", "id_b").rows() == [("1", "2"), ("4", "5")]
    assert named["sukunimi"].to_list() == ["Meikäläinen", "Testiäinen"]
    assert pairs["similarity"].to_list()[1] == onr.similarity(
        "Eino Ilmari Urho Kaleva Eino Testiäinen 1911-11-11", "Eino Eino Testiäinen 1911-11-11"
    )

    # One new learner against the register, in ONR's order.
    index = onr.DuplicateIndex(learners)
    found = index.find(etunimet="Matti", kutsumanimi="Matti", sukunimi="Meikäläinen", syntymaaika=datetime.date(2005, 3, 14))
    assert [id_ for id_, _ in found] == ["2", "1"]
