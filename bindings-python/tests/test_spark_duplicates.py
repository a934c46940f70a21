"""``onr.spark``: exact duplicate search on Spark (``local[2]``) gives the single-machine pair set
and similarities, for the self-join and the R-S join, on tens of thousands of synthetic persons
from scripts/gen-persons.py (registry and dense vocabularies, missing birth dates, passivated
and duplicate persons)."""

import datetime
import importlib.util
import os
import shutil
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("PySpark needs a JDK", allow_module_level=True)

import onr  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def synthetic(n: int, seed: int, vocabulary: str) -> list[dict[str, Any]]:
    spec = importlib.util.spec_from_file_location("gen_persons", ROOT / "scripts" / "gen-persons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    persons: list[dict[str, Any]] = module.synthetic(n, seed, vocabulary)
    return persons


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("onr-spark-duplicates")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "1g")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    yield session
    session.stop()


def frame(spark: Any, persons: list[dict[str, Any]], dates: bool) -> Any:
    """A Spark data frame of the persons: birth dates as DATE (``dates``) or as text."""
    import pandas as pd

    pdf = pd.DataFrame(persons)
    if dates:
        pdf["syntymaaika"] = [None if d is None else datetime.date.fromisoformat(d) for d in pdf["syntymaaika"]]
        schema = "id string, etunimet string, kutsumanimi string, sukunimi string, syntymaaika date, passivoitu boolean, duplicate boolean"
    else:
        schema = "id string, etunimet string, kutsumanimi string, sukunimi string, syntymaaika string, passivoitu boolean, duplicate boolean"
    return spark.createDataFrame(pdf[["id", "etunimet", "kutsumanimi", "sukunimi", "syntymaaika", "passivoitu", "duplicate"]], schema)


def collect(df: Any) -> list[tuple[str, str, float]]:
    return sorted((r["id_a"], r["id_b"], r["similarity"]) for r in df.collect())


def check_population(persons: list[dict[str, Any]]) -> None:
    assert sum(p["syntymaaika"] is None for p in persons) > 100
    assert sum(p["passivoitu"] for p in persons) > len(persons) // 100 and sum(p["duplicate"] for p in persons) > len(persons) // 100


@pytest.mark.parametrize(("vocabulary", "n", "chunks"), [("registry", 16_000, None), ("dense", 8_000, 4)])
def test_self_join_equals_one_machine(spark: Any, vocabulary: str, n: int, chunks: Any) -> None:
    from onr import spark as onr_spark

    persons = synthetic(n, 14, vocabulary)
    check_population(persons)
    want = sorted((min(a, b), max(a, b), s) for a, b, s in onr.find_duplicates(persons))
    assert len(want) > (300 if vocabulary == "registry" else 3_000)
    got = collect(onr_spark.find_duplicates(frame(spark, persons, dates=chunks is None), chunks=chunks))
    assert got == want
    excluded = {p["id"] for p in persons if p["passivoitu"] or p["duplicate"]}
    assert not excluded & {i for a, b, _ in got for i in (a, b)}


@pytest.mark.parametrize("vocabulary", ["registry", "dense"])
def test_rs_join_equals_one_machine(spark: Any, vocabulary: str) -> None:
    from onr import spark as onr_spark

    # The batch's persons come after the reference's, so near duplicates cross the two.
    persons = synthetic(18_000 if vocabulary == "registry" else 7_500, 15, vocabulary)
    cut = len(persons) * 2 // 3
    reference, batch = persons[:cut], persons[cut:]
    check_population(reference)
    pairs = onr.DuplicateIndex(reference).pairs_with(onr.DuplicateIndex(batch))
    want = sorted((b, r, s) for r, b, s in pairs)
    assert len(want) > (100 if vocabulary == "registry" else 1_000)
    df_b, df_r = frame(spark, batch, dates=True), frame(spark, reference, dates=False)
    got = collect(onr_spark.find_duplicates_against(df_b, df_r, chunks=2, reference_chunks=3))
    assert got == want


def test_inputs_are_checked_on_the_driver(spark: Any) -> None:
    from onr import spark as onr_spark

    df = frame(spark, synthetic(10, 1, "registry"), dates=True)
    with pytest.raises(onr.SimilarityError):
        onr_spark.find_duplicates(df, threshold=1.5)
    with pytest.raises(ValueError, match="sukunimi"):
        onr_spark.find_duplicates(df.drop("sukunimi"))
    with pytest.raises(ValueError, match="chunks"):
        onr_spark.find_duplicates_against(df, df, chunks=0)
    # Each chunk-pair task has a partition of its own: the keys onr.spark computes land in
    # distinct partitions under Spark's own hash partitioning.
    from pyspark.sql import functions as F

    tasks = 21
    keys = onr_spark._partition_keys(tasks)
    placed = spark.createDataFrame([(k,) for k in keys], "key int").repartition(tasks, "key")
    rows = placed.select("key", F.spark_partition_id().alias("p")).collect()
    assert sorted(r["p"] for r in rows) == list(range(tasks))
    assert all(keys[r["p"]] == r["key"] for r in rows)
    # Without the flag columns every record is active (the ids may be numbers); any number
    # of chunks, here more chunks than records (empty tasks), gives the same pairs.
    rows = [(1, "Anna Maria", "Anna", "Virtanen", None), (2, "Anna", "Anna", "Virtanen", None), (3, "Pekka", "Pekka", "Puupää", None)]
    small = spark.createDataFrame(rows, "id long, etunimet string, kutsumanimi string, sukunimi string, syntymaaika string")
    want = [("1", "2", onr.similarity("Anna Maria Anna Virtanen", "Anna Anna Virtanen"))]
    assert collect(onr_spark.find_duplicates(small, chunks=5)) == want


def test_flags_are_read_by_onr_cores_rule(spark: Any) -> None:
    # Text flags as onr.DuplicateIndex reads them: "kyllä" is true (Spark's boolean cast made
    # it null, so the passivated person was a candidate), "0" and null are false, and a value
    # that is no flag fails the job with onr-core's error (cell.flag) instead of counting as false.
    from onr import spark as onr_spark

    names = ("Anna Maria", "Anna", "Virtanen", "2001-02-03")
    rows = [("1", *names, "kyllä", None), ("2", *names, "0", "ei"), ("3", *names, None, "F"), ("4", *names, "KYLLA", "0")]
    schema = "id string, etunimet string, kutsumanimi string, sukunimi string, syntymaaika string, passivoitu string, duplicate string"
    df = spark.createDataFrame(rows, schema)
    records = [dict(zip(["id", "etunimet", "kutsumanimi", "sukunimi", "syntymaaika", "passivoitu", "duplicate"], r)) for r in rows]
    want = sorted((min(a, b), max(a, b), s) for a, b, s in onr.find_duplicates(records))
    assert [(a, b) for a, b, _ in want] == [("2", "3")]
    assert collect(onr_spark.find_duplicates(df, chunks=2)) == want
    # A DOUBLE column's NaN (pandas' gap) is missing, so false, as onr.DuplicateIndex reads it.
    gaps = spark.createDataFrame([("1", *names, float("nan")), ("2", *names, None)],
                                 "id string, etunimet string, kutsumanimi string, sukunimi string, syntymaaika string, passivoitu double")
    assert [(a, b) for a, b, _ in collect(onr_spark.find_duplicates(gaps, chunks=1))] == [("1", "2")]
    bad = spark.createDataFrame([("1", *names, "2", None), ("2", *names, None, None)], schema)
    with pytest.raises(Exception, match="passivoitu: not a true/false value"):
        onr_spark.find_duplicates(bad, chunks=1).collect()


def test_docstring_examples() -> None:
    import doctest

    from onr import spark as onr_spark

    result = doctest.testmod(onr_spark)
    assert result.attempted >= 2 and result.failed == 0
    for cores in range(1, 300):
        k = onr_spark.chunks_for_cores(cores)
        assert onr_spark.tasks_for_chunks(k) >= 2 * cores > onr_spark.tasks_for_chunks(k - 1)
