"""Comparing dates: partial dates and intervals by the days they may fall on."""

from __future__ import annotations

import datetime
import functools
import math
from typing import Any

from filmlore.compare._context import CompareContext
from filmlore.compare._result import IDENTICAL, Comparison, Side, compatible, conflict, same
from filmlore.compare._show import show
from filmlore.values.dates import DateInterval, PartialDate, Precision

__all__ = ["compare_dates", "effective_span"]


_OPEN_START = -(10**9)  # before every date, however approximate
_OPEN_END = 10**9  # after every date
# How far an approximate date reaches beyond its span, by precision: about one unit.
_APPROX_DAYS = {Precision.YEAR: 365, Precision.MONTH: 31, Precision.DAY: 7}
_PRECISION_WORD = {Precision.YEAR: "year", Precision.MONTH: "month", Precision.DAY: "day"}


def _as_date(value: object) -> PartialDate | DateInterval:
    if isinstance(value, (PartialDate, DateInterval)):
        return value
    if isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    raise TypeError(f"expected a PartialDate, DateInterval or datetime.date, got {value!r}")


def _date_span(d: PartialDate) -> tuple[int, int]:
    first, last = d.earliest.toordinal(), d.latest.toordinal()
    if d.approximate:
        reach = _APPROX_DAYS[d.precision]
        first, last = first - reach, last + reach
    return first, last


@functools.lru_cache(maxsize=65536)
def effective_span(value: PartialDate | DateInterval) -> tuple[int, int]:
    """The days a date may fall on, as ordinals; an approximate date reaches about one unit
    of its precision further (a year, a month, a week); open ends reach forever."""
    if isinstance(value, PartialDate):
        return _date_span(value)
    first, last = _OPEN_START, _OPEN_END
    if value.start is not None:
        first = _date_span(value.start)[0]
        if value.end is not None:
            first = min(first, _date_span(value.end)[0])
    if value.end is not None:
        last = _date_span(value.end)[1]
        if value.start is not None:
            last = max(last, _date_span(value.start)[1])
    return first, last


@functools.lru_cache(maxsize=65536)
def _flagged(value: PartialDate | DateInterval) -> tuple[bool, bool]:
    parts = [value] if isinstance(value, PartialDate) else [value.start, value.end]
    approximate = any(p is not None and p.approximate for p in parts)
    uncertain = any(p is not None and p.uncertain for p in parts)
    return approximate, uncertain


def _days(n: int) -> str:
    if n >= 365:
        years = round(n / 365.25)
        return f"about {years} year{'s' if years != 1 else ''}"
    if n >= 31:
        months = round(n / 30.44)
        return f"about {months} month{'s' if months != 1 else ''}"
    return f"{n} day{'s' if n != 1 else ''}"


def compare_dates(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """Dates by the days they may fall on: equal spans are the same date, a span inside
    another refines it, overlapping spans are compatible, disjoint ones conflict."""
    da, db = _as_date(a), _as_date(b)
    if da == db:
        return IDENTICAL
    return _compare_dates(da, db)


@functools.lru_cache(maxsize=65536)
def _compare_dates(da: PartialDate | DateInterval, db: PartialDate | DateInterval) -> Comparison:
    sa, sb = effective_span(da), effective_span(db)
    approx_a, uncertain_a = _flagged(da)
    approx_b, uncertain_b = _flagged(db)
    doubt = 0.1 if (uncertain_a or uncertain_b) else 0.0
    if sa == sb:
        score = 1.0 if (approx_a, uncertain_a) == (approx_b, uncertain_b) else 0.9
        return same(f"{show(da)} and {show(db)} cover the same days", score - doubt)
    a_in_b = sb[0] <= sa[0] and sa[1] <= sb[1]
    b_in_a = sa[0] <= sb[0] and sb[1] <= sa[1]
    if a_in_b or b_in_a:
        narrow, wide = (da, db) if a_in_b else (db, da)
        side: Side = "a" if a_in_b else "b"
        detail = "it is the more precise date"
        if isinstance(narrow, PartialDate) and isinstance(wide, PartialDate):
            if narrow.precision > wide.precision:
                detail = (
                    f"the {_PRECISION_WORD[narrow.precision]} refines the "
                    f"{_PRECISION_WORD[wide.precision]}"
                )
            elif wide.approximate and not narrow.approximate:
                detail = f"{show(narrow)} is exact where {show(wide)} is approximate"
        return compatible(f"{show(narrow)} lies within {show(wide)}: {detail}", side, 0.8 - doubt)
    if sa[0] <= sb[1] and sb[0] <= sa[1]:
        overlap = min(sa[1], sb[1]) - max(sa[0], sb[0]) + 1
        union = max(sa[1], sb[1]) - min(sa[0], sb[0]) + 1
        share = overlap / union if union < 10**6 else 0.0
        return compatible(
            f"{show(da)} and {show(db)} overlap, so both can be right",
            None,
            0.5 + 0.3 * share - doubt,
        )
    gap = max(sa[0], sb[0]) - min(sa[1], sb[1])
    closeness = math.exp(-gap / 365.0)
    if (
        isinstance(da, PartialDate)
        and isinstance(db, PartialDate)
        and da.precision == db.precision
        and not (approx_a or approx_b)
    ):
        unit = _PRECISION_WORD[da.precision]
        return conflict(f"{show(da)} and {show(db)} are different {unit}s", 0.4 * closeness)
    return conflict(
        f"{show(da)} and {show(db)} do not overlap: they are {_days(gap)} apart", 0.4 * closeness
    )
