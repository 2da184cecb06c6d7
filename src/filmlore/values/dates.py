"""Partial dates and date intervals, with no false precision.

A film fact is often dated only as precisely as its source: *released in 1995*, *shot in
December 1995*, *premiered December 15, 1995 (United States)*.  :class:`PartialDate` keeps
exactly the precision the source gave -- ``1995`` never becomes ``1995-01-01`` and a year is
never invented -- and :class:`DateInterval` holds a span such as *the mid-'90s*.

Both print as EDTF (Extended Date/Time Format, levels 0 and 1) and read it back:

>>> parse_date("December 15, 1995 (United States)")
PartialDate(year=1995, month=12, day=15, approximate=False, uncertain=False)
>>> str(parse_date("circa 1995"))
'1995~'
>>> str(parse_date("mid-'90s"))
'1993~/1997~'
>>> parse_date("1995").precision
<Precision.YEAR: 1>

Each value covers a span of days, from :attr:`~PartialDate.earliest` to
:attr:`~PartialDate.latest`; :meth:`~PartialDate.contains` and
:meth:`~PartialDate.overlaps` compare those spans.  The ``approximate`` and ``uncertain``
flags are carried and printed, but do not widen a span.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
import warnings
from typing import ClassVar, Literal

import attrs
from dateutil import parser as _dateutil_parser

from filmlore.errors import FieldError, ParseError

__all__ = ["DateInterval", "DateOrder", "PartialDate", "Precision", "parse_date"]

# Day counts per month (index 0 unused); February is corrected for leap years.
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# Ordinals standing for the open ends of an interval: before and after every real date.
_OPEN_START = datetime.date.min.toordinal() - 1
_OPEN_END = datetime.date.max.toordinal() + 1

# ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` with an optional EDTF qualifier; the fast path.
_EDTF_DATE = r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?[~?%]?"
_EDTF_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%]?)")
_INTERVAL_RE = re.compile(rf"\s*({_EDTF_DATE}|\.\.)?\s*/\s*({_EDTF_DATE}|\.\.)?\s*")
_DECADE_RE = re.compile(
    r"\s*(?:the\s+)?(?:(early|mid|late)(?:\s*-\s*|\s+))?"
    r"(?:([0-9]{3})0|['’‘]?([0-9])0)['’]?s\s*",
    re.IGNORECASE,
)
_APPROX_RE = re.compile(
    r"(?:(?:circa|about|around|approximately|approx|ca|c)\s+|(?:approx|ca|c)\.\s*)",
    re.IGNORECASE,
)
_PAREN_RE = re.compile(r"\s*\([^()]*\)\s*$")

# Two defaults for dateutil: a field that differs between the two parses was not in the text.
# Both years are leap years (so a yearless "Feb 29" reads), and the days are two weeks apart
# so that a weekday name ("Sunday") cannot move both parses onto the same day.
_DEFAULT_A = datetime.datetime(2000, 1, 1)
_DEFAULT_B = datetime.datetime(2004, 7, 15)

_MAX_TEXT = 256
# A date written in numbers only: 12/15/1995, 15.12.95, 1995-12-15 with other separators.
_NUMERIC_RE = re.compile(r"([0-9]{1,4})([/.\-])([0-9]{1,2})\2([0-9]{1,4})")
_DIGIT_RUN_RE = re.compile(r"[0-9]+")
#: How a date written in numbers orders its parts: month-day-year, day-month-year or
#: year-month-day.
DateOrder = Literal["mdy", "dmy", "ymd"]
_ORDERS = ("mdy", "dmy", "ymd")
_EXAMPLES = "a date such as 1995, 1995-12, 1995-12-15, 1995~ or Dec 15, 1995"
_TWO_DIGITS = (
    "a year of four digits: a two-digit year could be in any century "
    "(pass pivot=, the first year of the hundred it lies in, e.g. pivot=1930)"
)
_NO_YEAR = "a year (or pass default_year= / context= to resolve a date written without one)"
_INTERVAL_EXAMPLES = (
    "an EDTF interval such as 1989/1995, ../1995 or 1993~/1997~, "
    "or a decade such as the 1990s or the mid-'90s"
)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_days(year: int, month: int) -> int:
    if month == 2 and _is_leap(year):
        return 29
    return _MONTH_DAYS[month]


def _not_int(value: object) -> bool:
    """True unless ``value`` is an ``int`` (``bool`` does not count)."""
    if value.__class__ is int:
        return False
    return isinstance(value, bool) or not isinstance(value, int)


class Precision(enum.IntEnum):
    """How much of a date is known: the year, the month too, or the day too.

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
    1995*, spanning 1995-01-01 to 1995-12-31.

    >>> d = PartialDate(year=1996, month=2)
    >>> d.precision, d.earliest, d.latest
    (<Precision.MONTH: 2>, datetime.date(1996, 2, 1), datetime.date(1996, 2, 29))
    >>> str(PartialDate(year=1995, approximate=True))
    '1995~'
    >>> PartialDate(year=1995, month=2, day=29)
    Traceback (most recent call last):
    ...
    filmlore.errors.FieldError: PartialDate.day: expected a day from 1 to 28 in 1995-02, got 29
    """

    kind: ClassVar[str] = "date"

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False

    def __attrs_post_init__(self) -> None:
        # Plain comparisons only: this runs for every date of every load.
        year = self.year
        if _not_int(year) or not 1 <= year <= 9999:
            raise FieldError("PartialDate", "year", "an int from 1 to 9999", year)
        month = self.month
        day = self.day
        if month is None:
            if day is not None:
                raise FieldError("PartialDate", "day", "no day when the month is unknown", day)
        else:
            if _not_int(month) or not 1 <= month <= 12:
                raise FieldError("PartialDate", "month", "an int from 1 to 12, or None", month)
            if day is not None and (
                _not_int(day) or day < 1 or (day > 28 and day > _month_days(year, month))
            ):
                last = _month_days(year, month)
                raise FieldError(
                    "PartialDate", "day", f"a day from 1 to {last} in {year:04d}-{month:02d}", day
                )
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
    def earliest(self) -> datetime.date:
        """The first day the date may be.

        >>> PartialDate(year=1995).earliest
        datetime.date(1995, 1, 1)
        """
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> datetime.date:
        """The last day the date may be.

        >>> PartialDate(year=1995).latest
        datetime.date(1995, 12, 31)
        """
        month = self.month or 12
        return datetime.date(self.year, month, self.day or _month_days(self.year, month))

    def _span(self) -> tuple[int, int]:
        return self.earliest.toordinal(), self.latest.toordinal()

    def contains(self, other: PartialDate | DateInterval | datetime.date) -> bool:
        """True when all of ``other``'s span lies within this date's span.

        >>> PartialDate(year=1995).contains(PartialDate(year=1995, month=12, day=15))
        True
        >>> PartialDate(year=1995, month=12).contains(PartialDate(year=1995))
        False
        """
        return _contains(self._span(), _span_of(other))

    def overlaps(self, other: PartialDate | DateInterval | datetime.date) -> bool:
        """True when this date's span and ``other``'s share at least one day.

        >>> PartialDate(year=1995).overlaps(DateInterval.parse("1990/1995-03"))
        True
        """
        return _overlaps(self._span(), _span_of(other))

    def sort_key(self) -> tuple[int, ...]:
        """A key for a deterministic order of dates and intervals.

        The key is ``(earliest, latest, 0, approximate, uncertain)`` with the days as
        proleptic Gregorian ordinals, so keys of dates and of intervals compare with each
        other (earlier spans first, then narrower ones).

        >>> dates = [parse_date(t) for t in ("1995-12", "1995", "1994", "1995-12-15")]
        >>> [str(d) for d in sorted(dates, key=lambda d: d.sort_key())]
        ['1994', '1995', '1995-12', '1995-12-15']
        """
        first, last = self._span()
        return (first, last, 0, int(self.approximate), int(self.uncertain))

    # -- text --------------------------------------------------------------------------------

    def to_edtf(self) -> str:
        """The date in EDTF: ``1995``, ``1995-12``, ``1995-12-15``, qualified by ``~ ? %``.

        ``~`` marks an approximate date, ``?`` an uncertain one, ``%`` both.

        >>> PartialDate(year=1995, month=12, approximate=True, uncertain=True).to_edtf()
        '1995-12%'
        """
        text = f"{self.year:04d}"
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

        Accepted: EDTF ``1995``, ``1995-12``, ``1995-12-15`` with an optional qualifier
        (``1995~``, ``1995?``, ``1995%``); free text such as ``Dec 15, 1995``,
        ``15 December 1995``, ``12/15/1995``, ``December 1995``;
        a trailing parenthetical (``(United States)``) is dropped; a leading ``circa``,
        ``c.``, ``ca.``, ``about``, ``around`` or ``approximately`` marks it approximate.

        A year is never guessed.  Text without a year (``Jul 17``) reads only when
        ``default_year`` -- or else the year of ``context`` -- is given.  A two-digit year
        (``12/15/95``) reads only with a ``pivot``: the first year of the hundred it lies
        in (``pivot=1930`` reads ``95`` as 1995 and ``12`` as 2012).  A date in numbers
        whose day and month could be either (``03/04/1981``) reads only with a
        ``date_order`` (``"mdy"``, ``"dmy"`` or ``"ymd"``); ``12/15/1995`` can only be
        month first, and reads without one.

        >>> PartialDate.parse("Dec 1995")
        PartialDate(year=1995, month=12, day=None, approximate=False, uncertain=False)
        >>> str(PartialDate.parse("Jul 17", default_year=1995))
        '1995-07-17'
        >>> PartialDate.parse("Jul 17")
        Traceback (most recent call last):
        ...
        filmlore.errors.ParseError: cannot read 'Jul 17' as a date: expected a year (or pass default_year= / context= to resolve a date written without one)
        >>> str(PartialDate.parse("03/04/1981", date_order="dmy"))
        '1981-04-03'
        >>> str(PartialDate.parse("5/24/67", pivot=1930))
        '1967-05-24'
        """  # noqa: E501
        raw: object = text
        if raw.__class__ is str:
            # The fast path: plain EDTF, no dateutil, results cached.
            found = _parse_edtf(text)
            if found is not None:
                return found
        elif not isinstance(raw, str):
            raise ParseError("date", raw, f"a string, {_EXAMPLES}")
        if date_order is not None and date_order not in _ORDERS:
            raise ParseError("date", text, f"date_order one of {', '.join(_ORDERS)}")
        return _parse_free(str(text), default_year, context, date_order, pivot)


@functools.lru_cache(maxsize=8192)
def _parse_edtf(text: str) -> PartialDate | None:
    """The date in plain EDTF ``text``, or None when the text is not of that shape."""
    match = _EDTF_RE.fullmatch(text)
    if match is None:
        return None
    year, month, day, qualifier = match.groups()
    try:
        return PartialDate(
            year=int(year),
            month=None if month is None else int(month),
            day=None if day is None else int(day),
            approximate=qualifier in ("~", "%"),
            uncertain=qualifier in ("?", "%"),
        )
    except FieldError as exc:
        raise ParseError("date", text, f"a real calendar date ({exc.expected})") from None


def _in_window(two_digits: int, pivot: int) -> int:
    """The year ending in ``two_digits`` among the hundred years from ``pivot``."""
    return pivot + (two_digits - pivot % 100) % 100


def _year_of(text: str, digits: str, pivot: int | None) -> int:
    if len(digits) == 4:
        return int(digits)
    if len(digits) == 2:
        if pivot is None:
            raise ParseError("date", text, _TWO_DIGITS)
        return _in_window(int(digits), pivot)
    raise ParseError("date", text, "a year of four digits (or two with pivot=)")


def _parse_numeric(
    text: str, match: re.Match[str], date_order: DateOrder | None, pivot: int | None
) -> PartialDate:
    """A date written in numbers only, read by ``date_order`` or by what it can only be."""
    first, _, second, third = match.groups()
    if len(first) == 4 or date_order == "ymd":  # a year written first is never swapped
        year, month, day = _year_of(text, first, pivot), int(second), int(third)
    else:
        year = _year_of(text, third, pivot)
        a, b = int(first), int(second)
        if date_order == "mdy":
            month, day = a, b
        elif date_order == "dmy":
            day, month = a, b
        elif a <= 12 and b <= 12 and a != b:
            raise ParseError(
                "date",
                text,
                f"a date whose day and month cannot be swapped: {first}/{second} could be "
                "either (pass date_order='mdy' or 'dmy')",
            )
        elif a > 12:
            day, month = a, b
        else:
            month, day = a, b
    try:
        return PartialDate(year=year, month=month, day=day)
    except FieldError as exc:
        raise ParseError("date", text, f"a real calendar date ({exc.expected})") from None


def _parse_free(
    text: str,
    default_year: int | None,
    context: PartialDate | datetime.date | None,
    date_order: DateOrder | None = None,
    pivot: int | None = None,
) -> PartialDate:
    """The slow path of :meth:`PartialDate.parse`: qualifiers, prefixes and dateutil."""
    s = text.strip()
    if not s:
        raise ParseError("date", text, f"{_EXAMPLES}, not an empty string")
    if len(s) > _MAX_TEXT:
        raise ParseError("date", text, f"{_EXAMPLES}, in at most {_MAX_TEXT} characters")
    if _INTERVAL_RE.fullmatch(s) or _DECADE_RE.fullmatch(s):
        raise ParseError(
            "date", text, "a single date, not a span (use parse_date or DateInterval.parse)"
        )
    while True:  # drop trailing parentheticals: "December 15, 1995 (United States)"
        trimmed = _PAREN_RE.sub("", s)
        if trimmed == s:
            break
        s = trimmed
    approximate = uncertain = False
    prefix = _APPROX_RE.match(s)
    if prefix is not None:
        approximate = True
        s = s[prefix.end() :]
    if s[-1:] in ("~", "?", "%"):
        approximate = approximate or s[-1] in "~%"
        uncertain = s[-1] in "?%"
        s = s[:-1].rstrip()
    if not s:
        raise ParseError("date", text, _EXAMPLES)

    edtf = _parse_edtf(s)
    if edtf is None:
        numeric = _NUMERIC_RE.fullmatch(s)
        if numeric is not None:
            edtf = _parse_numeric(text, numeric, date_order, pivot)
    if edtf is not None:
        if not (approximate or uncertain):
            return edtf
        return attrs.evolve(
            edtf, approximate=edtf.approximate or approximate, uncertain=edtf.uncertain or uncertain
        )

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            a = _dateutil_parser.parse(s, default=_DEFAULT_A)
            b = _dateutil_parser.parse(s, default=_DEFAULT_B)
        except Exception:  # dateutil raises several types; none should escape
            raise ParseError("date", text, _EXAMPLES) from None

    has_month = a.month == b.month
    has_day = a.day == b.day
    if not has_month:  # a bare day, a weekday or a time of day is not a date
        raise ParseError("date", text, _EXAMPLES)
    if a.year == b.year:
        year = a.year
        if not any(len(run) >= 3 for run in _DIGIT_RUN_RE.findall(s)):
            # The year came from two digits ("Dec 15 95"): dateutil would pick a century.
            if pivot is None:
                raise ParseError("date", text, _TWO_DIGITS)
            year = _in_window(year % 100, pivot)
    elif default_year is not None:
        year = default_year
    elif context is not None:
        year = context.year
    else:
        raise ParseError("date", text, _NO_YEAR)
    try:
        return PartialDate(
            year=year,
            month=a.month,
            day=a.day if has_day else None,
            approximate=approximate,
            uncertain=uncertain,
        )
    except FieldError as exc:
        raise ParseError("date", text, f"a real calendar date ({exc.expected})") from None


# -- spans -------------------------------------------------------------------------------------


def _span_of(value: PartialDate | DateInterval | datetime.date) -> tuple[int, int]:
    """The first and last day of ``value`` as ordinals; open ends lie beyond every date."""
    if isinstance(value, (PartialDate, DateInterval)):
        return value._span()
    raw: object = value
    if isinstance(raw, datetime.date):
        day = raw.toordinal()
        return day, day
    raise TypeError(f"expected a PartialDate, DateInterval or datetime.date, got {value!r}")


def _contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class DateInterval:
    """A span from one partial date to another; ``None`` is an open end (EDTF ``..``).

    The span runs from the earliest day of either end to the latest day of either end, so
    an interval always contains both of its ends.

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
        if start is not None and not isinstance(start, PartialDate):
            raise FieldError("DateInterval", "start", "a PartialDate or None (open)", start)
        if end is not None and not isinstance(end, PartialDate):
            raise FieldError("DateInterval", "end", "a PartialDate or None (open)", end)
        if start is None and end is None:
            raise FieldError("DateInterval", "end", "a PartialDate where start is open", end)
        if start is not None and end is not None and start.earliest > end.latest:
            raise FieldError("DateInterval", "end", f"a date not before the start {start}", end)

    @property
    def earliest(self) -> datetime.date | None:
        """The first day of the span, or None when the start is open.

        >>> print(DateInterval.parse("../1995").earliest)
        None
        """
        if self.start is None:
            return None
        if self.end is None:
            return self.start.earliest
        return min(self.start.earliest, self.end.earliest)

    @property
    def latest(self) -> datetime.date | None:
        """The last day of the span, or None when the end is open.

        >>> DateInterval.parse("1995-06/1997").latest
        datetime.date(1997, 12, 31)
        """
        if self.end is None:
            return None
        if self.start is None:
            return self.end.latest
        return max(self.start.latest, self.end.latest)

    def _span(self) -> tuple[int, int]:
        first, last = self.earliest, self.latest
        return (
            _OPEN_START if first is None else first.toordinal(),
            _OPEN_END if last is None else last.toordinal(),
        )

    def contains(self, other: PartialDate | DateInterval | datetime.date) -> bool:
        """True when all of ``other``'s span lies within this interval's span.

        >>> DateInterval.parse("1995-06/..").contains(datetime.date(2024, 1, 1))
        True
        """
        return _contains(self._span(), _span_of(other))

    def overlaps(self, other: PartialDate | DateInterval | datetime.date) -> bool:
        """True when this interval's span and ``other``'s share at least one day.

        >>> DateInterval.parse("1989/1995").overlaps(DateInterval.parse("1995-12/.."))
        True
        """
        return _overlaps(self._span(), _span_of(other))

    def sort_key(self) -> tuple[int, ...]:
        """A key for a deterministic order, comparable with :meth:`PartialDate.sort_key`.

        ``(earliest, latest, 1, *start key, *end key)`` as day ordinals; an open start sorts
        before every date, an open end after every date.

        >>> DateInterval.parse("../1995").sort_key() < PartialDate(year=1).sort_key()
        True
        """
        first, last = self._span()
        start = (_OPEN_START, _OPEN_START, 0, 0, 0) if self.start is None else self.start.sort_key()
        end = (_OPEN_END, _OPEN_END, 0, 0, 0) if self.end is None else self.end.sort_key()
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
        """Read an EDTF interval, or a decade phrase.

        Each end is an EDTF date or ``..`` (open; an empty end, EDTF's *unknown*, is read as
        open too).  Decades: ``the 1990s``/``the '90s`` is ``1990/1999``; ``early 1990s`` is
        ``1990~/1993~``; ``mid-'90s`` is ``1993~/1997~``; ``late '90s`` is ``1997~/1999~``.
        A two-digit decade means the 1900s unless ``default_year`` (or ``context``'s year)
        is given, which picks the latest such decade starting no later than that year.

        >>> str(DateInterval.parse("1993~/1997~"))
        '1993~/1997~'
        >>> str(DateInterval.parse("the early '20s", default_year=2024))
        '2020~/2023~'
        """
        raw: object = text
        if not isinstance(raw, str):
            raise ParseError("date interval", raw, f"a string, {_INTERVAL_EXAMPLES}")
        decade = _DECADE_RE.fullmatch(text)
        if decade is not None:
            return _decade(text, decade, default_year, context)
        parts = text.split("/")
        if len(parts) != 2:
            raise ParseError("date interval", text, _INTERVAL_EXAMPLES)
        ends: list[PartialDate | None] = []
        for part in parts:
            part = part.strip()
            if part in ("", ".."):
                ends.append(None)
                continue
            end = _parse_edtf(part) if len(part) <= 11 else None
            if end is None:
                raise ParseError("date interval", text, _INTERVAL_EXAMPLES)
            ends.append(end)
        try:
            return cls(start=ends[0], end=ends[1])
        except FieldError as exc:
            raise ParseError(
                "date interval", text, f"{_INTERVAL_EXAMPLES} ({exc.expected})"
            ) from None


# Decade phrases: (start offset, end offset, approximate) within the decade.
_DECADE_PARTS = {
    None: (0, 9, False),
    "early": (0, 3, True),
    "mid": (3, 7, True),
    "late": (7, 9, True),
}


def _decade(
    text: str,
    match: re.Match[str],
    default_year: int | None,
    context: PartialDate | datetime.date | None,
) -> DateInterval:
    part, three_digits, one_digit = match.groups()
    if three_digits is not None:
        start_year = int(three_digits) * 10
    else:
        reference = default_year
        if reference is None and context is not None:
            reference = context.year
        offset = int(one_digit) * 10
        if reference is None:
            start_year = 1900 + offset
        else:
            start_year = reference // 100 * 100 + offset
            if start_year > reference:
                start_year -= 100
    first, last, approximate = _DECADE_PARTS[None if part is None else part.lower()]
    try:
        return DateInterval(
            start=PartialDate(year=start_year + first, approximate=approximate),
            end=PartialDate(year=start_year + last, approximate=approximate),
        )
    except FieldError:
        raise ParseError("date interval", text, "a decade within the years 1 to 9999") from None


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

    Text is an interval when it is EDTF with a ``/`` (``1989/1995``, ``../1995``) or a decade
    phrase (``the '90s``, ``early 1990s``, ``mid-'90s``, ``late 1990s``); anything else,
    including ``12/15/1995``, is read as a single date (with ``date_order`` and ``pivot`` as
    in :meth:`PartialDate.parse`).

    >>> str(parse_date("1989/1995")), str(parse_date("12/15/1995"))
    ('1989/1995', '1995-12-15')
    >>> str(parse_date("the '90s")), str(parse_date("late 1990s"))
    ('1990/1999', '1997~/1999~')
    """
    raw: object = text
    if raw.__class__ is str:
        found = _parse_edtf(text)
        if found is not None:
            return found
        if _INTERVAL_RE.fullmatch(text) or _DECADE_RE.fullmatch(text):
            return DateInterval.parse(text, default_year=default_year, context=context)
    return PartialDate.parse(
        text, default_year=default_year, context=context, date_order=date_order, pivot=pivot
    )
