"""Comparing dates: partial dates and intervals by the days they may fall on.

A date without a year (``XXXX-07-17``) falls on that day of every year: a dated value on
that day refines it (compatible, never the same), a dated value that holds such a day
somewhere overlaps it, and two dates without a year compare by month and day.
"""

from __future__ import annotations

import datetime
import functools
import math
from typing import Any

from filmlore.compare._context import CompareContext
from filmlore.compare._result import IDENTICAL, Comparison, Side, compatible, conflict, same
from filmlore.compare._show import show
from filmlore.errors import FieldError
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
    first, last = d.earliest, d.latest
    if first is None or last is None:
        raise TypeError(f"{d} has no year, so no span of days")
    return _reach(d, first.toordinal(), last.toordinal())


def _reach(d: PartialDate, first: int, last: int) -> tuple[int, int]:
    if d.approximate:
        reach = _APPROX_DAYS[d.precision]
        first, last = first - reach, last + reach
    return first, last


@functools.lru_cache(maxsize=65536)
def effective_span(value: PartialDate | DateInterval) -> tuple[int, int]:
    """The days a dated value may fall on, as ordinals; an approximate date reaches about one
    unit of its precision further (a year, a month, a week); open ends reach forever.

    A date without a year has no such span: it raises :class:`TypeError`."""
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
    if _no_year(da) or _no_year(db):
        return _compare_no_year(da, db)
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


# -- dates without a year ----------------------------------------------------------------------

_LEAP_YEAR = 2000  # a year in which every month and day of a date without a year exists
_DAYS_IN_CYCLE = 366


def _no_year(value: PartialDate | DateInterval) -> bool:
    return isinstance(value, PartialDate) and value.year is None


def _in_leap_year(d: PartialDate) -> tuple[int, int]:
    """The first and last day of the year (from 0) that a date without a year covers."""
    dated = d.with_year(_LEAP_YEAR)
    first, last = dated.earliest, dated.latest
    if first is None or last is None:  # pragma: no cover - it has a year now
        raise TypeError(f"{dated} has no span of days")
    start = datetime.date(_LEAP_YEAR, 1, 1)
    return (first - start).days, (last - start).days


def _cycle_gap(a: PartialDate, b: PartialDate) -> int:
    """Days between two dates without a year, around the year: Dec 31 is a day from Jan 1."""
    (a_first, a_last), (b_first, b_last) = _in_leap_year(a), _in_leap_year(b)
    if a_first <= b_last and b_first <= a_last:
        return 0
    gaps = (abs(x - y) for x in (a_first, a_last) for y in (b_first, b_last))
    return min(min(g, _DAYS_IN_CYCLE - g) for g in gaps)


def _in_years(no_year: PartialDate, first: int, last: int) -> list[tuple[int, int]] | None:
    """The spans (with ``no_year``'s reach) of ``no_year`` in the years around ``first`` to
    ``last``, near enough to find the closest; None when the span is so wide (nine years or
    more, or open) that it holds every day of the year."""
    if first <= _OPEN_START or last >= _OPEN_END or last - first >= 9 * 366:
        return None
    # Nine years either side: a February 29 is at most eight years from any day.
    low = max(datetime.date.fromordinal(max(first, 1)).year - 9, 1)
    high = min(datetime.date.fromordinal(min(last, datetime.date.max.toordinal())).year + 9, 9999)
    spans = []
    for year in range(low, high + 1):
        try:
            dated = no_year.with_year(year)
        except FieldError:  # Feb 29 in a common year
            continue
        spans.append(_date_span(dated))
    return spans


@functools.lru_cache(maxsize=65536)
def _compare_no_year(da: PartialDate | DateInterval, db: PartialDate | DateInterval) -> Comparison:
    """A date without a year against another value, one of them without a year."""
    doubt = 0.1 if (_flagged(da)[1] or _flagged(db)[1]) else 0.0
    if isinstance(da, PartialDate) and isinstance(db, PartialDate) and _no_year(da) == _no_year(db):
        return _both_without_year(da, db, doubt)
    side: Side
    if isinstance(da, PartialDate) and _no_year(da):
        no_year, dated, side = da, db, "b"
    elif isinstance(db, PartialDate):
        no_year, dated, side = db, da, "a"
    else:  # pragma: no cover - one of the two has no year
        raise TypeError(f"expected a date without a year, got {da!r} and {db!r}")
    first, last = effective_span(dated)
    spans = _in_years(no_year, first, last)
    if spans is None:  # nine years or more, or an open end: every day of the year is in it
        return compatible(
            f"{show(dated)} and {show(no_year)} can both be right: {show(dated)} holds "
            f"{show(no_year)} of some year",
            None,
            0.5 - doubt,
        )
    if any(s[0] <= first and last <= s[1] for s in spans):
        return compatible(
            f"{show(dated)} falls on {show(no_year)}: its year refines a date given without one",
            side,
            0.8 - doubt,
        )
    if any(s[0] <= last and first <= s[1] for s in spans):
        return compatible(
            f"{show(dated)} and {show(no_year)} overlap, so both can be right", None, 0.5 - doubt
        )
    gap = min(min(abs(s[0] - last), abs(first - s[1])) for s in spans)
    return conflict(
        f"{show(dated)} does not fall on {show(no_year)}: they are {_days(gap)} apart",
        0.4 * math.exp(-gap / 365.0),
    )


def _both_without_year(da: PartialDate, db: PartialDate, doubt: float) -> Comparison:
    """Two dates without a year, by month and day (an approximate one reaches a week, or a
    month when it gives no day)."""
    if da.month == db.month and da.day == db.day:
        unit = "month" if da.day is None else "day"
        return same(f"{show(da)} and {show(db)} are the same {unit} of the year", 0.9 - doubt)
    if da.month == db.month and (da.day is None or db.day is None):
        side: Side = "a" if da.day is not None else "b"
        narrow, wide = (da, db) if side == "a" else (db, da)
        return compatible(
            f"{show(narrow)} lies within {show(wide)}: the day refines the month", side, 0.8 - doubt
        )
    gap = _cycle_gap(da, db)
    reach = max((_APPROX_DAYS[d.precision] for d in (da, db) if d.approximate), default=0)
    if gap <= reach:
        return compatible(
            f"{show(da)} and {show(db)} are {_days(gap)} apart, within what an approximate "
            "date allows",
            None,
            0.5 - doubt,
        )
    unit = "day" if da.day is not None and db.day is not None else "month"
    return conflict(
        f"{show(da)} and {show(db)} are different {unit}s of the year, {_days(gap)} apart",
        0.4 * math.exp(-gap / 365.0),
    )
