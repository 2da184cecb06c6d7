"""Calendar arithmetic on plain numbers: the days of a month, the days a partial date covers
as ordinals, stepping a date by its own unit, and the days a date without a year falls on.

Shared by :mod:`filmlore.values.dates`; nothing here knows the date classes.
"""

from __future__ import annotations

import datetime

# Day counts per month (index 0 unused); February is corrected for leap years.
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

#: Ordinals standing for the open ends of an interval: before and after every real date.
OPEN_START = datetime.date.min.toordinal() - 1
OPEN_END = datetime.date.max.toordinal() + 1


def is_leap(year: int) -> bool:
    """True for a leap year of the proleptic Gregorian calendar."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def month_days(year: int | None, month: int) -> int:
    """The days in ``month`` of ``year``; with no year, the most it can have (29 in Feb)."""
    if month == 2 and (year is None or is_leap(year)):
        return 29
    return _MONTH_DAYS[month]


def span(year: int, month: int | None, day: int | None) -> tuple[int, int]:
    """The first and last day (ordinals) of a date known to the year, month or day."""
    first = datetime.date(year, month or 1, day or 1)
    last_month = month or 12
    last = datetime.date(year, last_month, day or month_days(year, last_month))
    return first.toordinal(), last.toordinal()


def step(
    year: int, month: int | None, day: int | None, by: int
) -> tuple[int, int | None, int | None]:
    """The date ``by`` units of its own precision (years, months or days) away.

    Raises ValueError when the result lies outside the years 1 to 9999.
    """
    if month is None:
        result: tuple[int, int | None, int | None] = (year + by, None, None)
    elif day is None:
        months = year * 12 + month - 1 + by
        result = (months // 12, months % 12 + 1, None)
    else:
        ordinal = datetime.date(year, month, day).toordinal() + by
        if not 1 <= ordinal <= datetime.date.max.toordinal():
            raise ValueError("a date within the years 1 to 9999")
        moved = datetime.date.fromordinal(ordinal)
        result = (moved.year, moved.month, moved.day)
    if not 1 <= result[0] <= 9999:
        raise ValueError("a date within the years 1 to 9999")
    return result


def falls_on(day: datetime.date, month: int, on_day: int | None) -> bool:
    """True when ``day`` falls on ``month`` (and ``on_day``, when given) of any year."""
    return day.month == month and (on_day is None or day.day == on_day)


def recurs_within(month: int, day: int | None, first: int, last: int) -> bool:
    """True when a day from ordinal ``first`` to ``last`` falls on ``month`` (and ``day``)
    of some year; open ends reach forever."""
    if first <= OPEN_START or last >= OPEN_END or last - first >= 9 * 366:
        return True  # nine years or more hold every month and day, a leap day too
    for year in range(
        datetime.date.fromordinal(first).year, datetime.date.fromordinal(last).year + 1
    ):
        if day is not None and day > month_days(year, month):
            continue  # Feb 29 in a common year
        start, end = span(year, month, day)
        if start <= last and first <= end:
            return True
    return False


def within_one(month: int, day: int | None, first: int, last: int) -> bool:
    """True when every day from ordinal ``first`` to ``last`` falls on ``month`` (and
    ``day``): the span lies inside one occurrence of a date without a year."""
    if first <= OPEN_START or last >= OPEN_END or last - first > 31:
        return False
    return all(falls_on(datetime.date.fromordinal(d), month, day) for d in range(first, last + 1))
