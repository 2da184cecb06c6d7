"""Partial dates and date intervals, with no false precision.

A film fact is often dated only as precisely as its source: *released in 1995*, *shot in
December 1995*, *premiered December 15, 1995 (United States)*, a review dated *Jul 17*.
:class:`PartialDate` keeps exactly the precision the source gave -- ``1995`` never becomes
``1995-01-01`` and a year is never invented -- and :class:`DateInterval` holds a span such as
*the mid-'90s* or *before Thief (1981)*.

Both print as EDTF (Extended Date/Time Format) and read it back:

>>> parse_date("December 15, 1995 (United States)")
PartialDate(year=1995, month=12, day=15, approximate=False, uncertain=False)
>>> str(parse_date("circa 1995")), str(parse_date("Jul 17"))
('1995~', 'XXXX-07-17')
>>> str(parse_date("mid-'90s")), str(parse_date("before Thief (1981)"))
('1993~/1997~', '../1981')
>>> parse_date("1995").precision
<Precision.YEAR: 1>

Each dated value covers a span of days, from :attr:`~PartialDate.earliest` to
:attr:`~PartialDate.latest`; :meth:`~PartialDate.contains` and
:meth:`~PartialDate.overlaps` compare those spans.  A date without a year (``XXXX-07-17``)
stands for that day in every year: it has no earliest or latest day, and contains each
July 17.  The ``approximate`` and ``uncertain`` flags are carried and printed, but do not
widen a span.
"""

from __future__ import annotations

import datetime
import enum
import functools
from typing import ClassVar

import attrs

from filmlore.errors import FieldError, ParseError
from filmlore.values._calendar import (
    OPEN_END,
    OPEN_START,
    month_days,
    recurs_within,
    span,
    step,
    within_one,
)
from filmlore.values._date_text import (
    DATE_EXAMPLES,
    INTERVAL_EXAMPLES,
    LENGTH_OF_TIME,
    MAX_TEXT,
    ORDERS,
    DateOrder,
    Fields,
    edtf_fields,
    is_length_of_time,
    is_span,
    read_decade,
    read_free,
    read_relative,
    read_work,
)

__all__ = ["DateInterval", "DateOrder", "PartialDate", "Precision", "parse_date"]

# The first item of a yearless date's sort key: after every dated value.
_YEARLESS = OPEN_END + 1


def _not_int(value: object) -> bool:
    """True unless ``value`` is an ``int`` (``bool`` does not count)."""
    if value.__class__ is int:
        return False
    return isinstance(value, bool) or not isinstance(value, int)


class Precision(enum.IntEnum):
    """How much of a date is known: the year, the month too, or the day too.

    A date without a year has the precision of what it does give: ``XXXX-07-17`` is known
    to the day (of an unknown year).

    >>> Precision.DAY > Precision.YEAR
    True
    """

    YEAR = 1
    MONTH = 2
    DAY = 3


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class PartialDate:
    """A date known to a year, a month or a day, optionally approximate and/or uncertain.

    A missing month or day stays missing: ``PartialDate(year=1995)`` means *some time in
    1995*, spanning 1995-01-01 to 1995-12-31.  A missing year stays missing too:
    ``PartialDate(year=None, month=7, day=17)`` is *Jul 17* of a year the source did not
    give (EDTF ``XXXX-07-17``); it needs a month, and a February 29 is allowed.

    >>> d = PartialDate(year=1996, month=2)
    >>> d.precision, d.earliest, d.latest
    (<Precision.MONTH: 2>, datetime.date(1996, 2, 1), datetime.date(1996, 2, 29))
    >>> str(PartialDate(year=1995, approximate=True))
    '1995~'
    >>> str(PartialDate(year=None, month=7, day=17))
    'XXXX-07-17'
    >>> PartialDate(year=1995, month=2, day=29)
    Traceback (most recent call last):
    ...
    filmlore.errors.FieldError: PartialDate.day: expected a day from 1 to 28 in 1995-02, got 29
    """

    kind: ClassVar[str] = "date"

    year: int | None
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False

    def __attrs_post_init__(self) -> None:
        # Plain comparisons only: this runs for every date of every load.
        year = self.year
        month = self.month
        if year is None:
            if month is None:
                raise FieldError(
                    "PartialDate", "month", "a month when the year is unknown (None)", month
                )
        elif _not_int(year) or not 1 <= year <= 9999:
            raise FieldError("PartialDate", "year", "an int from 1 to 9999, or None", year)
        day = self.day
        if month is None:
            if day is not None:
                raise FieldError("PartialDate", "day", "no day when the month is unknown", day)
        else:
            if _not_int(month) or not 1 <= month <= 12:
                raise FieldError("PartialDate", "month", "an int from 1 to 12, or None", month)
            if day is not None and (
                _not_int(day) or day < 1 or (day > 28 and day > month_days(year, month))
            ):
                last = month_days(year, month)
                where = f"{month:02d}" if year is None else f"{year:04d}-{month:02d}"
                raise FieldError("PartialDate", "day", f"a day from 1 to {last} in {where}", day)
        if self.approximate.__class__ is not bool:
            raise FieldError("PartialDate", "approximate", "a bool", self.approximate)
        if self.uncertain.__class__ is not bool:
            raise FieldError("PartialDate", "uncertain", "a bool", self.uncertain)

    # -- precision and span ------------------------------------------------------------------

    @property
    def precision(self) -> Precision:
        """What the date is known to: :attr:`Precision.YEAR`, ``MONTH`` or ``DAY``.

        >>> PartialDate(year=1995, month=12).precision
        <Precision.MONTH: 2>
        """
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def has_year(self) -> bool:
        """False for a date written without a year (``XXXX-07-17``).

        >>> PartialDate.parse("Jul 17").has_year, PartialDate.parse("Jul 17, 1995").has_year
        (False, True)
        """
        return self.year is not None

    @property
    def earliest(self) -> datetime.date | None:
        """The first day the date may be; None when its year is unknown.

        >>> PartialDate(year=1995).earliest
        datetime.date(1995, 1, 1)
        """
        if self.year is None:
            return None
        return datetime.date.fromordinal(span(self.year, self.month, self.day)[0])

    @property
    def latest(self) -> datetime.date | None:
        """The last day the date may be; None when its year is unknown.

        >>> PartialDate(year=1995).latest
        datetime.date(1995, 12, 31)
        """
        if self.year is None:
            return None
        return datetime.date.fromordinal(span(self.year, self.month, self.day)[1])

    def with_year(self, year: int) -> PartialDate:
        """This date in ``year``: how a date written without one is resolved against a
        year known from elsewhere (never guessed).

        >>> str(PartialDate.parse("Jul 17").with_year(1995))
        '1995-07-17'
        >>> PartialDate.parse("Feb 29").with_year(1995)
        Traceback (most recent call last):
        ...
        filmlore.errors.FieldError: PartialDate.day: expected a day from 1 to 28 in 1995-02, got 29
        """
        return attrs.evolve(self, year=year)

    def contains(self, other: PartialDate | DateInterval | datetime.date) -> bool:
        """True when all of ``other``'s span lies within this date's span.

        A date without a year contains each day that falls on it, in any year.

        >>> PartialDate(year=1995).contains(PartialDate(year=1995, month=12, day=15))
        True
        >>> PartialDate(year=1995, month=12).contains(PartialDate(year=1995))
        False
        >>> PartialDate.parse("July").contains(PartialDate.parse("1995-07-17"))
        True
        """
        return _contains(self, other)

    def overlaps(self, other: PartialDate | DateInterval | datetime.date) -> bool:
        """True when this date's span and ``other``'s share at least one day.

        >>> PartialDate(year=1995).overlaps(DateInterval.parse("1990/1995-03"))
        True
        >>> PartialDate.parse("Jul 17").overlaps(PartialDate(year=1995))
        True
        """
        return _overlaps(self, other)

    def sort_key(self) -> tuple[int, ...]:
        """A key for a deterministic order of dates and intervals.

        The key is ``(earliest, latest, 0, approximate, uncertain)`` with the days as
        proleptic Gregorian ordinals, so keys of dates and of intervals compare with each
        other (earlier spans first, then narrower ones).  Dates without a year come after
        every dated value, by month and day.

        >>> dates = [parse_date(t) for t in ("1995-12", "Jul 17", "1995", "1994", "1995-12-15")]
        >>> [str(d) for d in sorted(dates, key=lambda d: d.sort_key())]
        ['1994', '1995', '1995-12', '1995-12-15', 'XXXX-07-17']
        """
        flags = (int(self.approximate), int(self.uncertain))
        if self.year is None:
            return (_YEARLESS, self.month or 0, self.day or 0, *flags)
        first, last = _dated_span(self)
        return (first, last, 0, *flags)

    # -- text --------------------------------------------------------------------------------

    def to_edtf(self) -> str:
        """The date in EDTF: ``1995``, ``1995-12``, ``1995-12-15``, ``XXXX-07-17`` (no year),
        qualified by ``~ ? %``.

        ``~`` marks an approximate date, ``?`` an uncertain one, ``%`` both.

        >>> PartialDate(year=1995, month=12, approximate=True, uncertain=True).to_edtf()
        '1995-12%'
        """
        text = "XXXX" if self.year is None else f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        if self.approximate:
            return text + ("%" if self.uncertain else "~")
        if self.uncertain:
            return text + "?"
        return text

    def __str__(self) -> str:
        return self.to_edtf()

    @classmethod
    def from_date(cls, d: datetime.date) -> PartialDate:
        """A day-precision date from a :class:`datetime.date` (or ``datetime``).

        >>> str(PartialDate.from_date(datetime.date(1995, 12, 15)))
        '1995-12-15'
        """
        return cls(year=d.year, month=d.month, day=d.day)

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        default_year: int | None = None,
        context: PartialDate | datetime.date | None = None,
        date_order: DateOrder | None = None,
        pivot: int | None = None,
    ) -> PartialDate:
        """Read a date from EDTF or free text, keeping only the precision the text has.

        Accepted: EDTF ``1995``, ``1995-12``, ``1995-12-15``, ``XXXX-07-17`` with an
        optional qualifier (``1995~``, ``1995?``, ``1995%``); free text such as
        ``Dec 15, 1995``, ``15 December 1995``, ``12/15/1995``, ``December 1995``,
        ``July 17th``; a trailing parenthetical (``(United States)``) is dropped; a leading
        ``circa``, ``c.``, ``ca.``, ``about``, ``around`` or ``approximately`` marks it
        approximate.

        A year is never guessed.  Text without a year (``Jul 17``, ``17 July``) is a date
        without one (``XXXX-07-17``), unless ``default_year`` -- or else the year of
        ``context`` -- says which year is meant.  A two-digit year (``12/15/95``) reads only
        with a ``pivot``: the first year of the hundred it lies in (``pivot=1930`` reads
        ``95`` as 1995 and ``12`` as 2012).  A date in numbers whose day and month could be
        either (``03/04/1981``) reads only with a ``date_order`` (``"mdy"``, ``"dmy"`` or
        ``"ymd"``); ``12/15/1995`` can only be month first, and reads without one.

        >>> PartialDate.parse("Dec 1995")
        PartialDate(year=1995, month=12, day=None, approximate=False, uncertain=False)
        >>> PartialDate.parse("July 17th")
        PartialDate(year=None, month=7, day=17, approximate=False, uncertain=False)
        >>> str(PartialDate.parse("Jul 17", default_year=1995))
        '1995-07-17'
        >>> str(PartialDate.parse("03/04/1981", date_order="dmy"))
        '1981-04-03'
        >>> str(PartialDate.parse("5/24/67", pivot=1930))
        '1967-05-24'
        """
        raw: object = text
        if raw.__class__ is str:
            # The fast path: plain EDTF, no dateutil, results cached.
            found = _parse_edtf(text)
            if found is not None:
                return found
        elif not isinstance(raw, str):
            raise ParseError("date", raw, f"a string, {DATE_EXAMPLES}")
        if date_order is not None and date_order not in ORDERS:
            raise ParseError("date", text, f"date_order one of {', '.join(ORDERS)}")
        fields = read_free(str(text), default_year, _year_of(context), date_order, pivot)
        return _build(text, fields)


def _year_of(context: PartialDate | datetime.date | None) -> int | None:
    return None if context is None else context.year


def _build(text: str, fields: Fields) -> PartialDate:
    """A date from the fields read out of ``text``; a ParseError if it is not a real one."""
    try:
        return PartialDate(
            year=fields.year,
            month=fields.month,
            day=fields.day,
            approximate=fields.approximate,
            uncertain=fields.uncertain,
        )
    except FieldError as exc:
        raise ParseError("date", text, f"a real calendar date ({exc.expected})") from None


@functools.lru_cache(maxsize=8192)
def _parse_edtf(text: str) -> PartialDate | None:
    """The date in plain EDTF ``text``, or None when the text is not of that shape."""
    fields = edtf_fields(text)
    return None if fields is None else _build(text, fields)


# -- spans -------------------------------------------------------------------------------------


def _dated_span(value: PartialDate | DateInterval | datetime.date) -> tuple[int, int]:
    """The first and last day of a dated ``value`` as ordinals; open ends lie beyond every
    date."""
    if isinstance(value, PartialDate):
        if value.year is None:
            raise TypeError(f"{value} has no year, so no span of days")
        return span(value.year, value.month, value.day)
    if isinstance(value, DateInterval):
        return value._span()
    raw: object = value
    if isinstance(raw, datetime.date):
        day = raw.toordinal()
        return day, day
    raise TypeError(f"expected a PartialDate, DateInterval or datetime.date, got {value!r}")


def _no_year(value: object) -> tuple[int, int | None] | None:
    """``(month, day)`` of a date without a year, None for any other value."""
    if isinstance(value, PartialDate) and value.year is None and value.month is not None:
        return value.month, value.day
    return None


def _contains(
    outer: PartialDate | DateInterval, inner: PartialDate | DateInterval | datetime.date
) -> bool:
    """``outer.contains(inner)``: a date without a year holds that day of every year, so
    only another such date, as precise or more, can hold it."""
    outer_md, inner_md = _no_year(outer), _no_year(inner)
    if inner_md is not None:
        if outer_md is None:
            return False
        same_day = outer_md[1] is None or outer_md[1] == inner_md[1]
        return outer_md[0] == inner_md[0] and same_day
    first, last = _dated_span(inner)
    if outer_md is not None:
        return within_one(*outer_md, first, last)
    outer_first, outer_last = _dated_span(outer)
    return outer_first <= first and last <= outer_last


def _overlaps(a: PartialDate | DateInterval, b: PartialDate | DateInterval | datetime.date) -> bool:
    """``a.overlaps(b)``: a date without a year overlaps a span holding that day of some
    year."""
    a_md, b_md = _no_year(a), _no_year(b)
    if a_md is not None and b_md is not None:
        return a_md[0] == b_md[0] and (a_md[1] is None or b_md[1] is None or a_md[1] == b_md[1])
    if a_md is not None:
        return recurs_within(*a_md, *_dated_span(b))
    if b_md is not None:
        return recurs_within(*b_md, *_dated_span(a))
    sa, sb = _dated_span(a), _dated_span(b)
    return sa[0] <= sb[1] and sb[0] <= sa[1]


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class DateInterval:
    """A span from one partial date to another; ``None`` is an open end (EDTF ``..``).

    The span runs from the earliest day of either end to the latest day of either end, so
    an interval always contains both of its ends.  Each end has a year.

    >>> iv = DateInterval.parse("1989/1995")
    >>> iv.earliest, iv.latest
    (datetime.date(1989, 1, 1), datetime.date(1995, 12, 31))
    >>> iv.contains(PartialDate(year=1992, month=6))
    True
    >>> str(DateInterval(start=None, end=PartialDate(year=1995)))
    '../1995'
    """

    kind: ClassVar[str] = "date"

    start: PartialDate | None
    end: PartialDate | None

    def __attrs_post_init__(self) -> None:
        start, end = self.start, self.end
        for name, value in (("start", start), ("end", end)):
            if value is None:
                continue
            if not isinstance(value, PartialDate) or value.year is None:
                raise FieldError(
                    "DateInterval", name, "a PartialDate with a year, or None (open)", value
                )
        if start is None and end is None:
            raise FieldError("DateInterval", "end", "a PartialDate where start is open", end)
        if start is not None and end is not None and _dated_span(start)[0] > _dated_span(end)[1]:
            raise FieldError("DateInterval", "end", f"a date not before the start {start}", end)

    @property
    def earliest(self) -> datetime.date | None:
        """The first day of the span, or None when the start is open.

        >>> print(DateInterval.parse("../1995").earliest)
        None
        """
        if self.start is None:
            return None
        return datetime.date.fromordinal(self._span()[0])

    @property
    def latest(self) -> datetime.date | None:
        """The last day of the span, or None when the end is open.

        >>> DateInterval.parse("1995-06/1997").latest
        datetime.date(1997, 12, 31)
        """
        if self.end is None:
            return None
        return datetime.date.fromordinal(self._span()[1])

    def _span(self) -> tuple[int, int]:
        start, end = self.start, self.end
        first, last = OPEN_START, OPEN_END
        if start is not None:
            first, start_last = _dated_span(start)
            if end is None:
                return first, last
            end_first, last = _dated_span(end)
            return min(first, end_first), max(last, start_last)
        if end is not None:
            last = _dated_span(end)[1]
        return first, last

    def contains(self, other: PartialDate | DateInterval | datetime.date) -> bool:
        """True when all of ``other``'s span lies within this interval's span.

        A date without a year recurs every year, so no interval contains it.

        >>> DateInterval.parse("1995-06/..").contains(datetime.date(2024, 1, 1))
        True
        """
        return _contains(self, other)

    def overlaps(self, other: PartialDate | DateInterval | datetime.date) -> bool:
        """True when this interval's span and ``other``'s share at least one day.

        >>> DateInterval.parse("1989/1995").overlaps(DateInterval.parse("1995-12/.."))
        True
        """
        return _overlaps(self, other)

    def sort_key(self) -> tuple[int, ...]:
        """A key for a deterministic order, comparable with :meth:`PartialDate.sort_key`.

        ``(earliest, latest, 1, *start key, *end key)`` as day ordinals; an open start sorts
        before every date, an open end after every date.

        >>> DateInterval.parse("../1995").sort_key() < PartialDate(year=1).sort_key()
        True
        """
        first, last = self._span()
        start = (OPEN_START, OPEN_START, 0, 0, 0) if self.start is None else self.start.sort_key()
        end = (OPEN_END, OPEN_END, 0, 0, 0) if self.end is None else self.end.sort_key()
        return (first, last, 1, *start, *end)

    def to_edtf(self) -> str:
        """The interval in EDTF: ``1989/1995``, ``../1995``, ``1995-06/..``, ``1993~/1997~``.

        >>> DateInterval(start=PartialDate(year=1995, month=6), end=None).to_edtf()
        '1995-06/..'
        """
        start = ".." if self.start is None else self.start.to_edtf()
        end = ".." if self.end is None else self.end.to_edtf()
        return f"{start}/{end}"

    def __str__(self) -> str:
        return self.to_edtf()

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        default_year: int | None = None,
        context: PartialDate | datetime.date | None = None,
    ) -> DateInterval:
        """Read an EDTF interval, a decade phrase, or a date relative to another.

        **EDTF**: each end is an EDTF date or ``..`` (open; an empty end, EDTF's *unknown*,
        is read as open too).

        **Decades**: ``the 1990s``, ``the '90s`` and ``the nineties`` are ``1990/1999``;
        a part of one is approximate -- *early* is its first four years (``1990~/1993~``),
        *mid* the middle five (``1993~/1997~``), *late* the last three (``1997~/1999~``),
        and ``early-to-mid`` or ``mid-to-late`` join two parts.  A two-digit or worded decade
        means the 1900s unless ``default_year`` (or ``context``'s year) is given, which picks
        the latest such decade starting no later than that year.

        **Relative dates**: ``before D`` ends the unit before D (``before 1981`` is
        ``../1980``, ``before Dec 15, 1995`` is ``../1995-12-14``); ``after D`` starts the
        unit after it; ``by``/``until D`` end with D and ``since``/``from D`` start with
        it.  A work dated in parentheses -- ``before Thief (1981)`` -- is an event on some day
        in that year, which the date may share: ``../1981`` (``after Thief (1981)`` is
        ``1981/..``).  The work's name is not kept in the value: keep it in the claim's
        excerpt.

        *A decade* alone, or *a decade later*, is a length of time, not a date: refused.

        >>> str(DateInterval.parse("1993~/1997~"))
        '1993~/1997~'
        >>> str(DateInterval.parse("the early '20s", default_year=2024))
        '2020~/2023~'
        >>> str(DateInterval.parse("after December 1995"))
        '1996-01/..'
        >>> DateInterval.parse("a decade")
        Traceback (most recent call last):
        ...
        filmlore.errors.ParseError: cannot read 'a decade' as a date interval: expected a date or a span of dates, not a length of time: ...
        """  # noqa: E501
        raw: object = text
        if not isinstance(raw, str):
            raise ParseError("date interval", raw, f"a string, {INTERVAL_EXAMPLES}")
        if len(text) > MAX_TEXT:
            raise ParseError(
                "date interval", text, f"{INTERVAL_EXAMPLES}, in at most {MAX_TEXT} characters"
            )
        reference = default_year if default_year is not None else _year_of(context)
        decade = read_decade(text, reference)
        if decade is not None:
            return _decade(text, *decade)
        relative = read_relative(text)
        if relative is not None:
            return _relative(text, *relative, default_year=default_year, context=context)
        if is_length_of_time(text):
            raise ParseError("date interval", text, LENGTH_OF_TIME)
        parts = text.split("/")
        if len(parts) != 2:
            raise ParseError("date interval", text, INTERVAL_EXAMPLES)
        ends: list[PartialDate | None] = []
        for part in parts:
            part = part.strip()
            if part in ("", ".."):
                ends.append(None)
                continue
            end = _parse_edtf(part) if len(part) <= 11 else None
            if end is None:
                raise ParseError("date interval", text, INTERVAL_EXAMPLES)
            ends.append(end)
        try:
            return cls(start=ends[0], end=ends[1])
        except FieldError as exc:
            raise ParseError(
                "date interval", text, f"{INTERVAL_EXAMPLES} ({exc.expected})"
            ) from None


def _decade(text: str, first: int, last: int, approximate: bool) -> DateInterval:
    try:
        return DateInterval(
            start=PartialDate(year=first, approximate=approximate),
            end=PartialDate(year=last, approximate=approximate),
        )
    except FieldError:
        raise ParseError("date interval", text, "a decade within the years 1 to 9999") from None


def _step(date: PartialDate, by: int) -> PartialDate:
    """The year, month or day (at ``date``'s precision) ``by`` units from a dated ``date``."""
    if date.year is None:
        raise TypeError(f"{date} has no year to step from")
    try:
        year, month, day = step(date.year, date.month, date.day, by)
    except ValueError as exc:
        raise FieldError("PartialDate", "year", str(exc), date) from None
    return attrs.evolve(date, year=year, month=month, day=day)


def _relative(
    text: str,
    relation: str,
    word: str,
    rest: str,
    *,
    default_year: int | None,
    context: PartialDate | datetime.date | None,
) -> DateInterval:
    """``before``, ``after``, ``by`` or ``since`` a date, or a work dated in parentheses."""
    expected = (
        f"a date with a year after '{word}' ('{word} 1981'), or a work with its year "
        f"in parentheses ('{word} Thief (1981)')"
    )
    work = read_work(rest)
    anchor: PartialDate | DateInterval | None = None
    if work is not None:
        try:
            anchor = parse_date(work[1], default_year=default_year, context=context)
        except ParseError:
            anchor = None  # not a date in the parentheses: "December 15, 1995 (US)"
    is_work = anchor is not None
    if anchor is None:
        try:
            anchor = parse_date(rest, default_year=default_year, context=context)
        except ParseError:
            raise ParseError("date interval", text, expected) from None
    if isinstance(anchor, DateInterval):
        first, last = anchor.start, anchor.end
        if first is None or last is None:
            raise ParseError("date interval", text, f"{expected}, not an open interval")
    else:
        if anchor.year is None:
            raise ParseError("date interval", text, f"{expected}: {anchor} has no year")
        first = last = anchor
    try:
        if relation == "before":
            # A work dated to a year or month happened on some day in it, which the date
            # may share; a plain date (or a work's exact day) is excluded whole.
            end = last if is_work and last.precision < Precision.DAY else _step(first, -1)
            return DateInterval(start=None, end=end)
        if relation == "after":
            start = first if is_work and first.precision < Precision.DAY else _step(last, 1)
            return DateInterval(start=start, end=None)
        if relation == "by":
            return DateInterval(start=None, end=last)
        return DateInterval(start=first, end=None)
    except FieldError:
        raise ParseError("date interval", text, f"{expected}, within the years 1 to 9999") from None


def parse_date(
    text: str,
    *,
    default_year: int | None = None,
    context: PartialDate | datetime.date | None = None,
    date_order: DateOrder | None = None,
    pivot: int | None = None,
) -> PartialDate | DateInterval:
    """Read a date or an interval: what :meth:`PartialDate.parse` or
    :meth:`DateInterval.parse` accepts.

    Text is an interval when it is EDTF with a ``/`` (``1989/1995``, ``../1995``), a decade
    phrase (``the '90s``, ``early 1990s``, ``mid-'90s``, ``late 1990s``) or a date relative
    to another (``before Thief (1981)``, ``since 1995``); anything else, including
    ``12/15/1995``, is read as a single date (with ``date_order`` and ``pivot`` as in
    :meth:`PartialDate.parse`), and a date without a year stays without one.

    >>> str(parse_date("1989/1995")), str(parse_date("12/15/1995"))
    ('1989/1995', '1995-12-15')
    >>> str(parse_date("the '90s")), str(parse_date("late 1990s"))
    ('1990/1999', '1997~/1999~')
    >>> str(parse_date("before Thief (1981)")), str(parse_date("before 1981"))
    ('../1981', '../1980')
    >>> str(parse_date("17 July"))
    'XXXX-07-17'
    """
    raw: object = text
    if raw.__class__ is str:
        found = _parse_edtf(text)
        if found is not None:
            return found
        if is_span(text) and not is_length_of_time(text):
            return DateInterval.parse(text, default_year=default_year, context=context)
    return PartialDate.parse(
        text, default_year=default_year, context=context, date_order=date_order, pivot=pivot
    )
