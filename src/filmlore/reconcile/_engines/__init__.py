"""Engines: reconciliation split by question and planned in SQL, run by DuckDB or Spark.

Every question's claims are sent to one *part* by the relational plan
(:mod:`._plan`), run on the engine; each part is grouped and its evidence built as the
in-process path builds it, and the policy then decides over all parts at once -- a round
of truth discovery is a map over the parts and a sum, per source, over them.  The same
claims give the same facts on every engine.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from filmlore.errors import PolicyError
from filmlore.reconcile._engines._connect import duckdb_parts, spark_parts
from filmlore.reconcile._engines._split import key_columns, take_rows
from filmlore.reconcile._table import ClaimTable

__all__ = ["ENGINES", "PART_SIZE", "split"]

#: The engines :func:`~filmlore.reconcile` runs on.
ENGINES = ("numpy", "duckdb", "spark")

#: How many claims a part holds, about, by default.
PART_SIZE = 1_000_000


def split(
    table: ClaimTable, engine: str, *, spark: Any = None, part_size: int | None = None
) -> list[ClaimTable]:
    """``table`` cut into parts by question, the parts chosen by ``engine``'s run of the
    plan; about ``part_size`` claims a part."""
    size = PART_SIZE if part_size is None else part_size
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise PolicyError(f"part_size must be a whole number >= 1, got {part_size!r}")
    n = len(table)
    count = max(1, math.ceil(n / size))
    if n == 0:
        return [table]
    claims, plans = key_columns(table)
    if engine == "duckdb":
        part = duckdb_parts(claims, plans, count)
    elif engine == "spark":
        part = spark_parts(claims, plans, count, spark)
    else:
        raise PolicyError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    order = np.argsort(part, kind="stable")
    bounds = np.searchsorted(part[order], np.arange(count + 1))
    return [
        take_rows(table, order[lo:hi])
        for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)
        if hi > lo
    ]
