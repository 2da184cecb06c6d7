"""The engines that run the plan: DuckDB in process, Apache Spark on a cluster (or in
local mode).  Each takes the claims as Arrow and gives back each row's part."""

from __future__ import annotations

from typing import Any

import numpy as np

from filmlore.errors import require
from filmlore.reconcile._engines._plan import partition_query
from filmlore.reconcile._types import IntArray

__all__ = ["arrow_tables", "duckdb_parts", "spark_parts"]


def arrow_tables(claims: dict[str, Any], plans: dict[str, Any], *, plain: bool) -> tuple[Any, Any]:
    """The claims and plans columns as pyarrow tables; dictionary-encoded text unless
    ``plain`` (Spark reads plain strings only)."""
    pa: Any = require("pyarrow", extra="arrow", feature="reconciling on an engine")
    columns = {}
    for name, col in claims.items():
        if isinstance(col, tuple):
            codes, labels = col
            array = pa.DictionaryArray.from_arrays(
                pa.array(codes.astype(np.int32, copy=False)), pa.array(labels, pa.string())
            )
            columns[name] = array.cast(pa.string()) if plain else array
        else:
            columns[name] = pa.array(col)
    return pa.table(columns), pa.table(
        {"property": pa.array(plans["property"], pa.string()), "asked_of": plans["asked_of"]}
    )


def _parts_of(result: Any, n: int) -> IntArray:
    rows = result.column("row").to_numpy()
    part = np.empty(n, dtype=np.int64)
    part[rows] = result.column("part").to_numpy().astype(np.int64)
    return part


def duckdb_parts(claims: dict[str, Any], plans: dict[str, Any], parts: int) -> IntArray:
    """Each row's part, computed by DuckDB (in process)."""
    duckdb: Any = require("duckdb", extra="duckdb", feature='reconcile(..., engine="duckdb")')
    table, plan_table = arrow_tables(claims, plans, plain=False)
    con = duckdb.connect()
    try:
        con.register("claims", table)
        con.register("plans", plan_table)
        result = con.sql(partition_query("duckdb", parts, keep=["row"])).fetch_arrow_table()
    finally:
        con.close()
    return _parts_of(result, table.num_rows)


def spark_parts(claims: dict[str, Any], plans: dict[str, Any], parts: int, spark: Any) -> IntArray:
    """Each row's part, computed by Spark (the session given, else a local one)."""
    table, plan_table = arrow_tables(claims, plans, plain=True)
    session = spark if spark is not None else local_spark()
    session.createDataFrame(table).createOrReplaceTempView("claims")
    session.createDataFrame(plan_table).createOrReplaceTempView("plans")
    result = session.sql(partition_query("spark", parts, keep=["row"])).toArrow()
    return _parts_of(result, table.num_rows)


_LOCAL: list[Any] = []


def local_spark() -> Any:
    """A Spark session in local mode on this machine's cores (made once per process)."""
    if _LOCAL:
        return _LOCAL[0]
    sql: Any = require("pyspark.sql", extra="spark", feature='reconcile(..., engine="spark")')
    session = (
        sql.SparkSession.builder.master("local[2]")
        .appName("filmlore")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    _LOCAL.append(session)
    return session
