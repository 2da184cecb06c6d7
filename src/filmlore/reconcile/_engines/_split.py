"""A claims table cut into parts by question, each part a table of its own that shares the
whole table's labels -- so source codes mean the same in every part, and nothing is
decoded again."""

from __future__ import annotations

import attrs
import numpy as np

from filmlore.reconcile._grouping import plan_properties
from filmlore.reconcile._table import ClaimTable, Column
from filmlore.reconcile._types import IntArray

__all__ = ["key_columns", "take_rows"]


def take_rows(table: ClaimTable, rows: IntArray) -> ClaimTable:
    """The rows ``rows`` of ``table`` as a table with the same labels, kinds, cardinalities,
    sources and registry."""

    def take(col: Column) -> Column:
        return attrs.evolve(col, codes=col.codes[rows])

    props = [str(p) for p in table.property.labels]
    ids = table.claim_ids_list()
    return ClaimTable(
        subject=take(table.subject),
        property=take(table.property),
        value=take(table.value),
        source=take(table.source),
        origin=take(table.origin),
        reporter=take(table.reporter),
        qualifiers=take(table.qualifiers),
        stance=np.asarray(table.stance)[rows],
        rank=np.asarray(table.rank)[rows],
        claim_ids=[ids[i] for i in rows.tolist()],
        kinds={p: k for p in props if (k := table.kind_of(p)) is not None},
        many=[p for p in props if table.is_many(p)],
        sources={str(s): table.source_info(s) for s in table.source.labels},
        registry_=table.registry,
    )


def key_columns(table: ClaimTable) -> tuple[dict[str, object], dict[str, object]]:
    """What the plan needs of ``table``, as plain columns: each row's number, subject,
    property and value (dictionary-encoded: the table's codes and its labels as text),
    and each property's ``asked_of`` code."""
    from filmlore.reconcile._engines._plan import asked_of

    def text(col: Column) -> tuple[IntArray, list[str]]:
        return col.codes, [str(label) for label in col.labels]

    claims: dict[str, object] = {
        "row": np.arange(len(table), dtype=np.int64),
        "subject": text(table.subject),
        "property": text(table.property),
        "value": text(table.value),
    }
    plans = plan_properties(table)
    return claims, {
        "property": [p.name for p in plans],
        "asked_of": [asked_of(p) for p in plans],
    }
