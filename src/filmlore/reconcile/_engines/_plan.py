"""The relational plan: which part of the questions each claim belongs to, as SQL.

A question is asked of one subject read forward -- the claim's subject, or its value when
the property is read the other way round ("L.A. Takedown ``remade_as`` Heat" is a question
about Heat), or the lesser of the two for a relation asked pair by pair -- so hashing that
entity sends every claim of a question to one part.  The plan is written once, as a
sqlglot expression, and printed in each engine's dialect; the one difference sqlglot does
not bridge, the hash function and its sign, is given per dialect here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from filmlore.errors import require
from filmlore.reconcile._grouping import PropertyPlan

__all__ = ["ASKED_OF", "asked_of", "partition_query"]

#: How a property's question is keyed: by the subject, by the value, or by the pair.
ASKED_OF = {"subject": 0, "value": 1, "pair": 2}


def asked_of(plan: PropertyPlan) -> int:
    """What a property's questions are asked of (a code of :data:`ASKED_OF`)."""
    if plan.pairwise:
        return ASKED_OF["pair"]
    if plan.flipped:
        return ASKED_OF["value"]
    return ASKED_OF["subject"]


def _hash(dialect: str, column: str, parts: int) -> str:
    if dialect == "spark":
        return f"pmod(hash({column}), {parts})"
    return f"hash({column}) % {parts}"


def partition_query(
    dialect: str, parts: int, *, claims: str = "claims", plans: str = "plans", keep: Sequence[str]
) -> str:
    """SQL, in ``dialect`` (``duckdb`` or ``spark``), that gives each row of ``claims``
    (columns ``subject``, ``property``, ``value`` and those in ``keep``) the part its
    question falls in, as the column ``part``; ``plans`` holds each property's ``asked_of``
    code (a property it does not list is asked of the subject)."""
    sqlglot: Any = require("sqlglot", extra="duckdb", feature="reconciling on an engine")
    key = (
        "CASE p.asked_of WHEN 1 THEN c.value "
        "WHEN 2 THEN LEAST(c.subject, c.value) ELSE c.subject END"
    )
    columns = ", ".join(f"c.{name}" for name in keep)
    generic = (
        f"SELECT {columns}, HASHPART(({key})) AS part "
        f"FROM {claims} AS c LEFT JOIN {plans} AS p ON c.property = p.property"
    )
    tree = sqlglot.parse_one(generic, read="duckdb")

    def bucket(node: Any) -> Any:
        # the one function sqlglot cannot map: a non-negative hash bucket
        if isinstance(node, sqlglot.exp.Anonymous) and node.name.upper() == "HASHPART":
            inner = node.expressions[0].sql(dialect=dialect)
            return sqlglot.parse_one(_hash(dialect, inner, parts), read=dialect)
        return node

    text: str = tree.transform(bucket).sql(dialect=dialect)
    return text
