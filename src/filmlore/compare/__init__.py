"""Comparing values, claims and quotes: same, compatible (one refines the other), conflict.

Reconciling sources starts with knowing, for two values, whether they say the same thing,
one refines the other, or they conflict -- and saying why in words a person accepts:

>>> from filmlore import Duration, compare
>>> compare(Duration.parse("nearly 3 hours"), Duration.parse("170 min"))
<Comparison compatible, b refines a, score 0.80: 170 min lies within nearly 3 hours (153 min to 180 min): it is the more precise amount>

The public names are re-exported from :mod:`filmlore`; import them from there.
"""  # noqa: E501

from __future__ import annotations

from filmlore.compare._claims import compare_claims
from filmlore.compare._cmp_quotes import QuoteMatch, compare_quotes
from filmlore.compare._context import CompareContext
from filmlore.compare._quotes import QuoteKind
from filmlore.compare._registry import Comparator, compare, register_comparator
from filmlore.compare._result import Comparison, Verdict
from filmlore.compare._taxonomy import Taxonomy
from filmlore.compare._text import normalize_text

__all__ = [
    "Comparator",
    "CompareContext",
    "Comparison",
    "QuoteKind",
    "QuoteMatch",
    "Taxonomy",
    "Verdict",
    "compare",
    "compare_claims",
    "compare_quotes",
    "normalize_text",
    "register_comparator",
]
