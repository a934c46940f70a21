"""ONR's exact duplicate search on Spark: the same pairs as ``onr.find_duplicates`` and
``DuplicateIndex.pairs_with``, for data that outgrows one machine.

Install with the extra: ``pip install "onr-core[spark]"`` (PySpark and PyArrow).

The input data frames have the columns ``onr.DuplicateIndex`` reads: ``id`` (any type, compared
as text; unique), ``etunimet``, ``kutsumanimi``, ``sukunimi``, ``syntymaaika`` (a date or
``YYYY-MM-DD`` text, may be null) and optionally ``passivoitu`` and ``duplicate`` (booleans,
or text read by onr-core's flag rule as ``onr.DuplicateIndex`` reads it: ``kyllä``/``ei``,
``1``/``0``...; null and NaN are false, other values fail the job with ``cell.flag``).
Rename yours with ``withColumnRenamed`` first. The result is a data frame
``(id_a string, id_b string, similarity double)`` holding exactly the single-machine pair set,
each pair once, with the single-machine similarities.

How (chunk-pair partitioning): every record's id is hashed into one of ``k`` chunks; for each
pair of chunks ``i < j`` one Spark task gets the records of both and runs onr-core's R-S join
(``pair_chunks_with``) on them, and each chunk's self-join runs in a task too (two chunks to
a task, so that all tasks have about the same work). Every pair of records meets in exactly
one join, so the answer is exact by construction, needs no global trigram order, and the
tasks are of about equal size whatever the names. Each record is shuffled ``k`` times (once
to each task of its chunk). All normalisation, trigrams and verification are onr-core's,
inside the tasks; Spark only moves the records. See ``docs/spark.md`` for the design, the
choice of ``k`` and running on a cluster.
"""

from typing import Any, Iterator, Optional

import pyarrow as pa  # type: ignore[import-untyped]
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import DoubleType, FloatType

import onr

__all__ = ["find_duplicates", "find_duplicates_against", "default_chunks", "chunks_for_cores", "tasks_for_chunks"]

#: The result's schema.
SCHEMA = "id_a string, id_b string, similarity double"

_PERSON = ["etunimet", "kutsumanimi", "sukunimi", "syntymaaika"]
_FLAGS = ["passivoitu", "duplicate"]


def tasks_for_chunks(k: int) -> int:
    """The tasks of ``find_duplicates`` with ``k`` chunks: one per pair of chunks, and one per
    two chunks' self-joins.

    >>> from onr.spark import tasks_for_chunks
    >>> [tasks_for_chunks(k) for k in (1, 2, 3, 4, 16)]
    [1, 2, 5, 8, 128]
    """
    return k * (k - 1) // 2 + (k + 1) // 2


def chunks_for_cores(cores: int) -> int:
    """The smallest ``k`` whose ``tasks_for_chunks(k)`` give each of ``cores`` cores at least
    two tasks.

    >>> from onr.spark import chunks_for_cores
    >>> [chunks_for_cores(p) for p in (1, 2, 8, 64)]
    [2, 3, 6, 16]
    """
    k = 1
    while tasks_for_chunks(k) < 2 * max(1, cores):
        k += 1
    return k


def default_chunks(spark: SparkSession) -> int:
    """``chunks_for_cores`` of the session's ``defaultParallelism``: the ``k`` that
    ``find_duplicates`` uses when not told."""
    return chunks_for_cores(spark.sparkContext.defaultParallelism)


def _records(df: DataFrame) -> DataFrame:
    """The columns the index reads, ``id`` as text, the flags as text (null when absent)."""
    missing = [c for c in ["id", *_PERSON] if c not in df.columns]
    if missing:
        raise ValueError(f"the data frame has no column {', '.join(missing)}")
    # Birth dates travel as text: a DATE as YYYY-MM-DD, text as it is (read by onr-core's
    # cell rule in the task, so a bad date fails the job with onr's error).
    cols = [F.col("id").cast("string").alias("id")]
    cols += [F.col(c).cast("string").alias(c) for c in _PERSON]
    # So do the flags: a BOOLEAN as true/false, text as it is, read in the task by onr-core's
    # flag rule as onr.DuplicateIndex reads it ("kyllä" is true, null or blank false, "2" an
    # error: Spark's own boolean cast made both of those null, so false).
    for flag in _FLAGS:
        if flag not in df.columns:
            value = F.lit(None).cast("string")
        elif isinstance(df.schema[flag].dataType, (FloatType, DoubleType)):
            # NaN is missing, as onr.DuplicateIndex reads it (pandas writes NaN for a gap).
            value = F.when(F.isnan(F.col(flag)), F.lit(None)).otherwise(F.col(flag)).cast("string")
        else:
            value = F.col(flag).cast("string")
        cols.append(value.alias(flag))
    return df.select(*cols)


def _chunk(k: int) -> Any:
    """The chunk of a record: its id hashed (Spark's xxhash64) into ``0 .. k-1``."""
    return F.pmod(F.xxhash64(F.col("id")), F.lit(k))


def _spark_hash_int(value: int) -> int:
    """Spark's ``hash()`` of an INT (Murmur3 x86 32-bit, seed 42), as its hash partitioning
    computes it."""
    mask = 0xFFFFFFFF

    def rotl(x: int, r: int) -> int:
        return ((x << r) | (x >> (32 - r))) & mask

    k1 = (value & mask) * 0xCC9E2D51 & mask
    k1 = rotl(k1, 15) * 0x1B873593 & mask
    h1 = rotl(42 ^ k1, 13)
    h1 = (h1 * 5 + 0xE6546B64) & mask
    h1 ^= 4
    h1 ^= h1 >> 16
    h1 = h1 * 0x85EBCA6B & mask
    h1 ^= h1 >> 13
    h1 = h1 * 0xC2B2AE35 & mask
    h1 ^= h1 >> 16
    return h1 - (1 << 32) if h1 >= 1 << 31 else h1


def _partition_keys(tasks: int) -> list[int]:
    """For each task ``t`` an INT key that Spark's hash partitioning into ``tasks`` partitions
    sends to partition ``t``: each task then has a partition of its own (plain task numbers
    would share some partitions and leave others empty)."""
    found: dict[int, int] = {}
    key = 0
    while len(found) < tasks:
        found.setdefault(_spark_hash_int(key) % tasks, key)
        key += 1
    return [found[t] for t in range(tasks)]


def _spread(tagged: DataFrame, tasks: int) -> DataFrame:
    """``tagged`` (with a ``task`` column) in ``tasks`` partitions, one task each, keyed by
    ``key``."""
    key_of = F.array(*[F.lit(k).cast("int") for k in _partition_keys(tasks)])
    keyed = tagged.withColumn("key", F.element_at(key_of, F.col("task") + 1)).drop("task")
    return keyed.repartition(tasks, "key")


#: A task's kind (its ``mode`` column): the self-joins of one or two chunks, the R-S join of two chunks
#: of one data frame (``find_duplicates``), or of a batch chunk and a reference chunk.
_ONE_CHUNK, _TWO_CHUNKS, _AGAINST = 0, 1, 2

_OUT = pa.schema([("id_a", pa.string()), ("id_b", pa.string()), ("similarity", pa.float64())])


def _out(id_a: list[str], id_b: list[str], similarity: list[float], ordered: bool) -> pa.RecordBatch:
    """One output batch; ``ordered``: each pair's ids in text order (the self-join's form)."""
    if ordered:
        id_a, id_b = [min(x, y) for x, y in zip(id_a, id_b)], [max(x, y) for x, y in zip(id_a, id_b)]
    arrays = [pa.array(id_a, pa.string()), pa.array(id_b, pa.string()), pa.array(similarity, pa.float64())]
    return pa.RecordBatch.from_arrays(arrays, schema=_OUT)


def _join_task(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """One chunk-pair task (all rows of one ``key``): onr-core's self-join of one chunk, or
    its R-S join of side 1 (the reference, or the later chunk) with side 0 (the batch, or the
    earlier chunk); pairs leave in Arrow batches as the join finds them."""
    table = pa.Table.from_batches(list(batches))
    if table.num_rows == 0:
        return
    mode = table.column("mode")[0].as_py()
    threshold = float(table.column("threshold")[0].as_py())
    sides = table.column("side").to_pylist()
    rows = table.select(["id", *_PERSON, *_FLAGS]).to_pylist()
    del table
    if mode == _ONE_CHUNK:
        # One or two chunks, each joined with itself only.
        for side in (0, 1):
            records = [r for r, s in zip(rows, sides) if s == side]
            for chunk in onr.DuplicateIndex(records, threshold).pair_chunks(columns=True):
                yield _out(chunk["id_a"], chunk["id_b"], chunk["similarity"], True)
        return
    batch = onr.DuplicateIndex([r for r, s in zip(rows, sides) if s == 0], threshold)
    reference = onr.DuplicateIndex([r for r, s in zip(rows, sides) if s == 1], threshold)
    del rows
    for chunk in reference.pair_chunks_with(batch, columns=True):
        yield _out(chunk["id_b"], chunk["id_a"], chunk["similarity"], mode == _TWO_CHUNKS)


def _run(tagged: DataFrame, tasks: int, threshold: float) -> DataFrame:
    # The threshold is added after the shuffle (it is the same in every row).
    spread = _spread(tagged, tasks).withColumn("threshold", F.lit(float(threshold)))
    return spread.groupBy("key").applyInArrow(_join_task, schema=SCHEMA)


def _check_threshold(threshold: float) -> None:
    # The same check and error as the index's (raised on the driver, before any job).
    onr.DuplicateIndex([], threshold)


def find_duplicates(df: DataFrame, *, threshold: float = onr.trigram.DEFAULT_THRESHOLD, chunks: Optional[int] = None) -> DataFrame:
    """Every pair of duplicate candidates among the rows of ``df``: ``onr.find_duplicates``
    on Spark. Each pair once as ``(id_a, id_b, similarity)`` with ``id_a < id_b`` (as text).

    ``chunks`` is ``k`` (default: ``default_chunks``): ``tasks_for_chunks(k)`` tasks of about
    ``2 n / k`` records each (``k (k - 1) / 2`` pairs of chunks, and the chunks' self-joins two
    to a task), every record shuffled ``k`` times.
    """
    _check_threshold(threshold)
    spark = df.sparkSession
    k = chunks if chunks is not None else default_chunks(spark)
    if k < 1:
        raise ValueError(f"chunks must be at least 1, not {k}")
    recs = _records(df).withColumn("chunk", _chunk(k))
    # A record of chunk c goes to the chunk pairs (min(c, j), max(c, j)) for every j. Pair
    # (i, j), i < j, is task i (k - 1) - i (i - 1) / 2 + j - i - 1 (row-major), chunk i its
    # side 0 and chunk j its side 1. A single chunk's self-join has about half the records
    # and less than half the work of a pair's, so chunks 2m and 2m + 1 share the task
    # k (k - 1) / 2 + m, each joined on its own (side = chunk parity): the tasks are then of
    # about equal work.
    pairs = k * (k - 1) // 2
    j = F.explode(F.sequence(F.lit(0), F.lit(k - 1))).alias("j")
    tagged = recs.select("*", j)
    i_ = F.least(F.col("chunk"), F.col("j"))
    j_ = F.greatest(F.col("chunk"), F.col("j"))
    tagged = tagged.select(
        *[c for c in recs.columns if c != "chunk"],
        F.when(i_ == j_, F.lit(pairs) + F.floor(i_ / 2))
        .otherwise(i_ * (k - 1) - F.floor(i_ * (i_ - 1) / 2) + j_ - i_ - 1)
        .cast("int")
        .alias("task"),
        F.when(i_ == j_, F.col("chunk") % 2).when(F.col("chunk") == j_, 1).otherwise(0).cast("int").alias("side"),
        F.when(i_ == j_, _ONE_CHUNK).otherwise(_TWO_CHUNKS).alias("mode"),
    )
    return _run(tagged, tasks_for_chunks(k), threshold)


def find_duplicates_against(
    df_batch: DataFrame,
    df_reference: DataFrame,
    *,
    threshold: float = onr.trigram.DEFAULT_THRESHOLD,
    chunks: Optional[int] = None,
    reference_chunks: Optional[int] = None,
) -> DataFrame:
    """Every pair of a batch row and a reference row (e.g. a new extract against ONR's
    registry export) that ONR lists as duplicate candidates: ``DuplicateIndex(reference)
    .pairs_with(DuplicateIndex(batch))`` on Spark. Each pair once as ``(id_a, id_b,
    similarity)`` with ``id_a`` the batch's id and ``id_b`` the reference's.

    The batch is hashed into ``chunks`` chunks and the reference into ``reference_chunks``
    (both default to ``default_chunks``); each of the ``chunks x reference_chunks`` tasks
    joins one chunk of each. A batch record is shuffled ``reference_chunks`` times, a
    reference record ``chunks`` times.
    """
    _check_threshold(threshold)
    spark = df_batch.sparkSession
    kb = chunks if chunks is not None else default_chunks(spark)
    kr = reference_chunks if reference_chunks is not None else default_chunks(spark)
    if kb < 1 or kr < 1:
        raise ValueError(f"chunks must be at least 1, not {min(kb, kr)}")
    batch = _records(df_batch).withColumn("chunk", _chunk(kb))
    reference = _records(df_reference).withColumn("chunk", _chunk(kr))
    keep = ["id", *_PERSON, *_FLAGS]

    def copies(df: DataFrame, n: int) -> DataFrame:
        """Each row once for every ``other`` chunk in ``0 .. n-1``."""
        return df.select(*keep, "chunk", F.explode(F.sequence(F.lit(0), F.lit(n - 1))).alias("other"))

    # Task (b, r) = b * kr + r joins batch chunk b (side 0) with reference chunk r (side 1).
    tagged = copies(batch, kr).select(
        *keep, (F.col("chunk") * kr + F.col("other")).cast("int").alias("task"), F.lit(0).alias("side")
    )
    tagged = tagged.unionByName(
        copies(reference, kb).select(
            *keep, (F.col("other") * kr + F.col("chunk")).cast("int").alias("task"), F.lit(1).alias("side")
        )
    )
    tagged = tagged.withColumn("mode", F.lit(_AGAINST))
    return _run(tagged, kb * kr, threshold)
