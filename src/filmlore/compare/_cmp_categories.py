"""Comparing terms of a taxonomy, and how one term stands to another."""

from __future__ import annotations

from typing import Any

from filmlore.compare._context import CompareContext
from filmlore.compare._result import IDENTICAL, Comparison, compatible, conflict, same, unrelated
from filmlore.compare._show import show, text_of
from filmlore.compare._taxonomy import Relation, Taxonomy
from filmlore.compare._text import key

__all__ = ["compare_categories", "term_relation"]


_STOPWORDS = frozenset(
    ["a", "an", "the", "in", "on", "at", "of", "for", "to", "with", "together", "same"]
)
_NEGATIONS = frozenset(["non", "not", "no", "un", "anti", "without"])


def term_relation(a: str, b: str, taxonomy: Taxonomy) -> Relation:
    """How term ``a`` stands to ``b``: by the taxonomy, else by their words -- a term with
    all the other's words and more is narrower (``speaking scene`` < ``scene``)."""
    relation = taxonomy.relation(a, b)
    if relation != "unknown":
        return relation
    wa = {w for w in key(a).split() if w not in _STOPWORDS}
    wb = {w for w in key(b).split() if w not in _STOPWORDS}
    if not wa or not wb or (wa | wb) & _NEGATIONS:
        return "same" if wa == wb and key(a) == key(b) else "unknown"
    if wa == wb:
        return "same"
    if wb < wa:
        return "narrower"
    if wa < wb:
        return "broader"
    return "unknown"


def compare_categories(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """Terms of a taxonomy: a narrower term refines a broader one (``Delta Force`` refines
    ``military``); terms in different branches of one tree conflict (``police`` and
    ``military``); one with all the other's words and more refines it (``heist thriller``
    and ``thriller``); terms nothing relates are *unrelated*, not in conflict -- in a
    many-valued property both may hold, and only on a one-valued property, where both are
    asserted as its one value, does reconciliation treat them as rivals."""
    ta, tb = text_of(a), text_of(b)
    if ta == tb:
        return IDENTICAL
    if key(ta) == key(tb):
        return same(f"{show(a)} and {show(b)} are the same term")
    taxonomy = context.taxonomy
    relation = taxonomy.relation(ta, tb)
    if relation == "same":
        return same(f"{show(a)} and {show(b)} are one term in the taxonomy", 0.95)
    if relation in ("narrower", "broader"):
        narrow, wide = (a, b) if relation == "narrower" else (b, a)
        return compatible(
            f"{show(narrow)} is a kind of {show(wide)} in the taxonomy",
            "a" if relation == "narrower" else "b",
            0.8,
        )
    if relation == "disjoint":
        steps = taxonomy.distance(ta, tb)
        if steps is None:
            return unrelated(f"nothing in the taxonomy relates {show(a)} to {show(b)}")
        return conflict(
            f"{show(a)} and {show(b)} are different branches of the taxonomy", 0.6 / steps
        )
    words = term_relation(ta, tb, Taxonomy())
    if words in ("narrower", "broader"):
        narrow, wide = (a, b) if words == "narrower" else (b, a)
        return compatible(
            f"{show(narrow)} narrows {show(wide)} with more words",
            "a" if words == "narrower" else "b",
            0.6,
        )
    known = [show(x) for x in (a, b) if text_of(x) in taxonomy]
    what = f"the taxonomy knows only {known[0]}" if known else "the taxonomy knows neither"
    return unrelated(f"nothing relates {show(a)} to {show(b)}: {what}")
