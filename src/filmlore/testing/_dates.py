"""Hypothesis strategies for partial dates and date intervals, valid by construction.

>>> from hypothesis import find
>>> find(partial_dates(), lambda d: d.day is not None).precision
<Precision.DAY: 3>
"""

from __future__ import annotations

from hypothesis import strategies as st

from filmlore.values.dates import DateInterval, PartialDate, Precision

__all__ = ["date_intervals", "dates", "partial_dates"]

_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_days(year: int, month: int) -> int:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _MONTH_DAYS[month]


@st.composite
def _partial_dates(draw: st.DrawFn, min_year: int, max_year: int) -> PartialDate:
    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(Precision))
    month = day = None
    if precision >= Precision.MONTH:
        month = draw(st.integers(1, 12))
        if precision is Precision.DAY:
            day = draw(st.integers(1, _month_days(year, month)))
    return PartialDate(
        year=year,
        month=month,
        day=day,
        approximate=draw(st.booleans()),
        uncertain=draw(st.booleans()),
    )


def partial_dates(*, min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[PartialDate]:
    """Partial dates of every precision, with every combination of the two flags.

    >>> from hypothesis import find
    >>> find(partial_dates(min_year=1995, max_year=1995), lambda d: True)
    PartialDate(year=1995, month=None, day=None, approximate=False, uncertain=False)
    """
    if not 1 <= min_year <= max_year <= 9999:
        raise ValueError(f"need 1 <= min_year <= max_year <= 9999, got {min_year}, {max_year}")
    return _partial_dates(min_year, max_year)


@st.composite
def _date_intervals(draw: st.DrawFn, min_year: int, max_year: int) -> DateInterval:
    one = draw(partial_dates(min_year=min_year, max_year=max_year))
    if draw(st.booleans()) and one.year is not None:  # nearby years, often overlapping
        low, high = max(min_year, one.year - 1), min(max_year, one.year + 1)
        other = draw(partial_dates(min_year=low, max_year=high))
    else:
        other = draw(partial_dates(min_year=min_year, max_year=max_year))
    # If ``one`` starts after ``other`` ends, ``other`` lies wholly before it: swap them.
    start, end = (other, one) if one.sort_key()[0] > other.sort_key()[1] else (one, other)
    shape = draw(st.sampled_from(("closed", "open start", "open end")))
    if shape == "open start":
        return DateInterval(start=None, end=end)
    if shape == "open end":
        return DateInterval(start=start, end=None)
    return DateInterval(start=start, end=end)


def date_intervals(*, min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[DateInterval]:
    """Date intervals: closed, open at the start (``../x``) or open at the end (``x/..``).

    >>> from hypothesis import find
    >>> find(date_intervals(), lambda iv: iv.start is None).end is not None
    True
    """
    partial_dates(min_year=min_year, max_year=max_year)  # validates the bounds
    return _date_intervals(min_year, max_year)


def dates(
    *, min_year: int = 1, max_year: int = 9999
) -> st.SearchStrategy[PartialDate | DateInterval]:
    """Either a partial date or a date interval: any value of the ``date`` kind.

    >>> from hypothesis import find
    >>> isinstance(find(dates(), lambda d: isinstance(d, DateInterval)), DateInterval)
    True
    """
    return st.one_of(
        partial_dates(min_year=min_year, max_year=max_year),
        date_intervals(min_year=min_year, max_year=max_year),
    )
