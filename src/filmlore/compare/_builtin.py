"""The built-in comparators, one per value kind, and the fallback for kinds with none.

Every comparator takes ``(a, b, *, context, tolerance)`` and returns a
:class:`~filmlore.Comparison`; each is symmetric: swapping ``a`` and ``b`` gives the same
verdict with :attr:`~filmlore.Comparison.refines` pointing the other way.  They live in one
module per value family: ``_cmp_dates``, ``_cmp_measures``, ``_cmp_refs``, ``_cmp_texts``,
``_cmp_names``, ``_cmp_places``, ``_cmp_categories`` and ``_cmp_quotes``.
"""

from __future__ import annotations

from typing import Any

from filmlore.compare._cmp_categories import compare_categories
from filmlore.compare._cmp_dates import compare_dates
from filmlore.compare._cmp_measures import compare_booleans, compare_integers, compare_measures
from filmlore.compare._cmp_names import compare_names
from filmlore.compare._cmp_places import compare_places
from filmlore.compare._cmp_quotes import compare_quote_values
from filmlore.compare._cmp_refs import compare_refs
from filmlore.compare._cmp_texts import compare_labels, compare_texts, compare_titles
from filmlore.compare._context import CompareContext
from filmlore.compare._result import IDENTICAL, Comparison, conflict
from filmlore.compare._show import show
from filmlore.values.text import Text

__all__ = ["BUILTIN", "compare_fallback"]


def compare_fallback(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """For kinds with no comparator: text compares as text, anything else by equality."""
    if isinstance(a, (str, Text)) and isinstance(b, (str, Text)):
        return compare_texts(a, b, context=context, tolerance=tolerance)
    if a == b:
        return IDENTICAL
    return conflict(f"{show(a)} and {show(b)} differ (no comparator is registered for them)")


#: The comparator of every built-in kind.
BUILTIN = {
    "date": compare_dates,
    "duration": compare_measures,
    "money": compare_measures,
    "quantity": compare_measures,
    "integer": compare_integers,
    "boolean": compare_booleans,
    "ref": compare_refs,
    "text": compare_texts,
    "assessment": compare_texts,
    "title": compare_titles,
    "name": compare_names,
    "place": compare_places,
    "category": compare_categories,
    "quote": compare_quote_values,
    "label": compare_labels,
}
