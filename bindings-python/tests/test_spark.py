"""The worked example for data that outgrows one machine: a PySpark job (local mode) that
validates a column with ``mapInArrow`` and with a pandas UDF."""

import datetime
import os
import shutil
import sys
from typing import Any, Iterator

import pytest

pyspark = pytest.importorskip("pyspark")

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("PySpark needs a JDK", allow_module_level=True)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[1]")
        .appName("onr-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.driver.memory", "512m")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    yield session
    session.stop()


ROWS = [("a", "131052-308T"), ("b", "131052-308X"), ("c", "010594Y9032"), ("d", None), ("e", "310490-123D")]


def test_map_in_arrow(spark: Any) -> None:
    # Defined here so that Spark ships the function itself to its Python workers.
    def validate_hetus(batches: Iterator[Any]) -> Iterator[Any]:
        """A ``mapInArrow`` function: each Arrow batch in, the same rows plus ONR's verdict out."""
        import pyarrow as pa

        import onr

        for batch in batches:
            cols = onr.hetu.validate_columns(batch.column("hetu"))
            yield pa.RecordBatch.from_arrays(
                [
                    batch.column("id"),
                    batch.column("hetu"),
                    pa.array(cols["valid"], pa.bool_()),
                    pa.array(cols["code"], pa.string()),
                    pa.array(cols["birth_date"], pa.date32()),
                    pa.array(cols["sex"], pa.string()),
                ],
                names=["id", "hetu", "valid", "code", "birth_date", "sex"],
            )

    df = spark.createDataFrame(ROWS, "id string, hetu string")
    out = df.mapInArrow(
        validate_hetus, "id string, hetu string, valid boolean, code string, birth_date date, sex string"
    )
    rows = {r["id"]: r for r in out.collect()}
    assert rows["a"]["valid"] is True and rows["a"]["birth_date"] == datetime.date(1952, 10, 13)
    assert rows["a"]["sex"] == "2"
    assert rows["b"]["code"] == "hetu.checksum"
    assert rows["c"]["code"] == "hetu.temporary"
    assert rows["d"]["valid"] is None
    assert rows["e"]["birth_date"] == datetime.date(1990, 4, 30)


def test_pandas_udf(spark: Any) -> None:
    import pandas as pd
    from pyspark.sql.functions import col, pandas_udf

    @pandas_udf("string")  # type: ignore[misc]
    def hetu_error(values: pd.Series) -> pd.Series:
        import onr

        return pd.Series(onr.hetu.validate_columns(values, env="test")["code"], index=values.index)

    df = spark.createDataFrame(ROWS, "id string, hetu string")
    codes = {r["id"]: r["code"] for r in df.select("id", hetu_error(col("hetu")).alias("code")).collect()}
    assert codes == {"a": None, "b": "hetu.checksum", "c": None, "d": None, "e": None}
