"""onr.spark on Spark local[2] against the single-machine join, in one run (not a test).

For each N (default 200,000 and 1,000,000 registry-shaped persons from scripts/gen-persons.py)
prints, for the self-join (``find_duplicates``) and the R-S join (``find_duplicates_against``,
the last third of the persons against the first two thirds):

* the single-machine wall time (``onr.DuplicateIndex(records)`` + the streamed join, in this
  process, on the same 2 cores) and Spark local[2]'s (reading a Parquet file, chunk-pair tasks,
  the pairs counted), and their ratio (the overhead of running on Spark);
* the shuffle volume: bytes written by the shuffle (Spark's own stage metrics, from its REST
  API on loopback) per input record;
* the skew: the largest task's share of the run time of the join's stage (the ideal is
  1 / tasks), with the number of tasks;
* that both give the same number of pairs.

Usage: python benches/spark_duplicates.py [N ...] (needs onr with the [spark] extra and a JDK;
benches/spark-duplicates.sh builds the wheel into a virtual environment and runs this).
"""

import importlib.util
import json
import os
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

import onr
from onr import spark as onr_spark

ROOT = Path(__file__).resolve().parents[1]


def synthetic(n: int, seed: int) -> list[dict[str, Any]]:
    spec = importlib.util.spec_from_file_location("gen_persons", ROOT / "scripts" / "gen-persons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    persons: list[dict[str, Any]] = module.synthetic(n, seed, "registry")
    return persons


def stages(app: str, ui: str) -> dict[int, dict[str, Any]]:
    with urllib.request.urlopen(f"{ui}/api/v1/applications/{app}/stages") as r:
        return {s["stageId"]: s for s in json.load(r)}


def task_times(app: str, ui: str, stage: dict[str, Any]) -> list[int]:
    url = f"{ui}/api/v1/applications/{app}/stages/{stage['stageId']}/{stage['attemptId']}/taskList?length=100000"
    with urllib.request.urlopen(url) as r:
        return [t["taskMetrics"]["executorRunTime"] for t in json.load(r) if "taskMetrics" in t]


def measure(spark: Any, run: Any) -> tuple[float, int, int, float, int]:
    """(wall seconds, pairs, shuffle bytes written, largest task's share, tasks) of one job."""
    app, ui = spark.sparkContext.applicationId, spark.sparkContext.uiWebUrl.rstrip("/")
    before = set(stages(app, ui))
    t0 = time.perf_counter()
    pairs = run().count()
    wall = time.perf_counter() - t0
    time.sleep(1.0)  # the listener bus catches up with the last stage's metrics
    new = [s for i, s in stages(app, ui).items() if i not in before and s["status"] == "COMPLETE"]
    shuffle = sum(s["shuffleWriteBytes"] for s in new)
    join = max(new, key=lambda s: s["executorRunTime"])
    times = task_times(app, ui, join)
    share = max(times) / max(1, sum(times))
    return wall, pairs, shuffle, share, len(times)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [200_000, 1_000_000]
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("onr-spark-bench")
        .config("spark.ui.enabled", "true")
        .config("spark.ui.host", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.memory", "6g")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    k = onr_spark.default_chunks(spark)
    print(f"Spark {spark.version} local[2], onr {onr.__version__}, chunks k={k}, {os.cpu_count()} CPUs (shared machine)")
    tmp = Path(tempfile.mkdtemp())
    for n in sizes:
        persons = synthetic(n, 2026)
        cut = n * 2 // 3
        path = tmp / f"persons-{n}.parquet"
        pq.write_table(pa.Table.from_pylist(persons), path)
        df = spark.read.parquet(str(path))
        # Ids are S1..Sn: the first two thirds are the reference, the rest the batch.
        ref_df = df.where(df["id"].substr(2, 9).cast("long") <= cut)
        batch_df = df.where(df["id"].substr(2, 9).cast("long") > cut)

        # Single machine: the index built from the records and the streamed join, this process.
        t0 = time.perf_counter()
        index = onr.DuplicateIndex(persons)
        single_pairs = sum(len(c["a"]) for c in index.pair_chunks(columns=True))
        single = time.perf_counter() - t0
        del index
        t0 = time.perf_counter()
        reference, batch = onr.DuplicateIndex(persons[:cut]), onr.DuplicateIndex(persons[cut:])
        single_rs_pairs = sum(len(c["a"]) for c in reference.pair_chunks_with(batch, columns=True))
        single_rs = time.perf_counter() - t0
        del reference, batch

        for name, one, one_pairs, run, records in [
            ("self-join", single, single_pairs, lambda: onr_spark.find_duplicates(df, chunks=k), n),
            ("R-S join ", single_rs, single_rs_pairs, lambda: onr_spark.find_duplicates_against(batch_df, ref_df, chunks=k, reference_chunks=k), n),
        ]:
            wall, pairs, shuffle, share, tasks = measure(spark, run)
            same = "same pairs" if pairs == one_pairs else f"PAIRS DIFFER ({one_pairs} on one machine)"
            print(
                f"N {n:>9,} {name} pairs {pairs:>9,} | one machine {one:7.1f} s | Spark local[2] {wall:7.1f} s"
                f" | ratio {wall / one:5.2f} | shuffle {shuffle / records:6.0f} B/record"
                f" | largest task {share:5.1%} of {tasks} tasks (ideal {1 / tasks:5.1%}) | {same}"
            )
        path.unlink()
    spark.stop()


if __name__ == "__main__":
    main()
