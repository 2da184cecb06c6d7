"""Comparing amounts: durations, money and counts by their intervals; integers; booleans."""

from __future__ import annotations

import functools
import math
from decimal import Decimal
from typing import Any

from filmlore.compare._context import CompareContext
from filmlore.compare._result import IDENTICAL, Comparison, compatible, conflict, same, unrelated
from filmlore.compare._show import show
from filmlore.compare._text import key
from filmlore.values.quantities import Duration, Measure, Money, Quantity

__all__ = ["compare_booleans", "compare_integers", "compare_measures"]


def _unit_key(unit: str) -> str:
    words = key(unit).split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _fmt_amount(value: Decimal | float, measure: Measure) -> str:
    if isinstance(measure, Duration):
        minutes = float(value) / 60
        return f"{minutes:.4g} min"
    text = f"{float(value):,.2f}".removesuffix(".00")
    if isinstance(measure, Money):
        return f"{text} {measure.currency}"
    unit = measure.unit if isinstance(measure, Quantity) else ""
    return f"{text} {unit}".strip()


@functools.lru_cache(maxsize=65536)
def _bounds(measure: Measure) -> tuple[Decimal, Decimal | None]:
    return measure.bounds()


@functools.lru_cache(maxsize=65536)
def _fmt_range(measure: Measure) -> str:
    low, high = _bounds(measure)
    if high is None:
        return f"at least {_fmt_amount(low, measure)}"
    if low == high:
        return _fmt_amount(low, measure)
    return f"{_fmt_amount(low, measure)} to {_fmt_amount(high, measure)}"


def _check_tolerance(tolerance: float | None) -> float:
    if tolerance is None:
        return 0.0
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)):
        raise TypeError(f"tolerance must be a number in [0, 1), got {tolerance!r}")
    if not 0 <= tolerance < 1:
        raise ValueError(f"tolerance must be a relative difference in [0, 1), got {tolerance!r}")
    return float(tolerance)


def _numbers(va: float, vb: float, sa: str, sb: str, tolerance: float) -> Comparison:
    """Two exact numbers: the same within the relative tolerance, else a conflict."""
    if va == vb:
        return same(f"{sa} and {sb} are the same amount")
    largest = max(abs(va), abs(vb))
    rel = abs(va - vb) / largest
    pct = f"{rel:.1%}"
    if rel <= tolerance:
        return same(
            f"{sa} and {sb} differ by {pct}, within the tolerance of {tolerance:.0%}",
            1.0 - 0.5 * rel / tolerance,
        )
    beyond = f", more than the tolerance of {tolerance:.0%}" if tolerance else ""
    return conflict(f"{sa} and {sb} differ by {pct}{beyond}", 0.4 * max(0.0, 1.0 - rel / 0.5))


def compare_measures(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """Durations, money and counts by the intervals they stand for, widened by a relative
    ``tolerance``: equal amounts (or within tolerance) are the same, an interval inside
    another refines it, overlapping ones are compatible, disjoint ones conflict."""
    t = _check_tolerance(tolerance)
    if type(a) is not type(b) or not isinstance(a, Measure) or not isinstance(b, Measure):
        return unrelated(f"{show(a)} and {show(b)} measure different things")
    if isinstance(a, Money) and isinstance(b, Money) and a.currency != b.currency:
        if a.amount == 0 and b.amount == 0:
            return same(f"{show(a)} and {show(b)} are both nothing")
        return unrelated(
            f"{show(a)} and {show(b)} are in different currencies ({a.currency}, {b.currency}), "
            "which are not converted"
        )
    if (
        isinstance(a, Quantity)
        and isinstance(b, Quantity)
        and _unit_key(a.unit) != _unit_key(b.unit)
    ):
        return unrelated(f"{show(a)} and {show(b)} count different things ('{a.unit}', '{b.unit}')")
    if a == b:
        return IDENTICAL
    return _compare_measures(a, b, t)


@functools.lru_cache(maxsize=65536)
def _compare_measures(a: Measure, b: Measure, t: float) -> Comparison:
    low_a, high_a = _bounds(a)
    low_b, high_b = _bounds(b)
    la, lb = show(a), show(b)
    if (low_a, high_a) == (low_b, high_b):
        return same(f"{la} and {lb} are the same amount ({_fmt_range(a)})")
    if low_a == high_a and low_b == high_b:
        return _numbers(float(low_a), float(low_b), la, lb, t)
    fa_low, fb_low = float(low_a), float(low_b)
    fa_high = math.inf if high_a is None else float(high_a)
    fb_high = math.inf if high_b is None else float(high_b)
    a_in_b = fb_low * (1 - t) <= fa_low and fa_high <= fb_high * (1 + t)
    b_in_a = fa_low * (1 - t) <= fb_low and fb_high <= fa_high * (1 + t)
    if a_in_b and b_in_a:
        return same(
            f"{la} ({_fmt_range(a)}) and {lb} ({_fmt_range(b)}) cover the same range within "
            f"the tolerance of {t:.0%}",
            0.9,
        )
    if a_in_b or b_in_a:
        narrow, wide = (a, b) if a_in_b else (b, a)
        n_low, n_high = _bounds(narrow)
        w_low, w_high = _bounds(wide)
        strictly = w_low <= n_low and (w_high is None or (n_high is not None and n_high <= w_high))
        within = "lies within" if strictly else f"lies within the tolerance of {t:.0%} of"
        return compatible(
            f"{show(narrow)} {within} {show(wide)} ({_fmt_range(wide)}): "
            "it is the more precise amount",
            "a" if a_in_b else "b",
            0.8,
        )
    if fa_low * (1 - t) <= fb_high * (1 + t) and fb_low * (1 - t) <= fa_high * (1 + t):
        overlap = min(fa_high, fb_high) - max(fa_low, fb_low)
        union = max(fa_high, fb_high) - min(fa_low, fb_low)
        share = overlap / union if math.isfinite(union) and union > 0 else 0.0
        return compatible(
            f"{la} ({_fmt_range(a)}) and {lb} ({_fmt_range(b)}) overlap, so both can be right",
            None,
            0.5 + 0.3 * max(0.0, share),
        )
    gap_low, gap_high = (fa_high, fb_low) if fa_high < fb_low else (fb_high, fa_low)
    rel = (gap_high - gap_low) / gap_high if gap_high else 1.0
    return conflict(
        f"{la} ({_fmt_range(a)}) and {lb} ({_fmt_range(b)}) do not overlap",
        0.4 * max(0.0, 1.0 - rel / 0.5),
    )


def compare_integers(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """Whole numbers: equal, or within the relative ``tolerance``, are the same."""
    t = _check_tolerance(tolerance)
    if a == b:
        return IDENTICAL
    if a == 0 or b == 0:
        return conflict(f"{a} and {b} differ", 0.0)
    return _numbers(float(a), float(b), str(a), str(b), t)


def compare_booleans(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """True and false: equal or conflicting."""
    if bool(a) == bool(b):
        return IDENTICAL
    return conflict(f"{str(a).lower()} and {str(b).lower()} contradict each other")
