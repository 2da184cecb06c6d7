"""Reading dates from text: the patterns and words of EDTF, of dates written in words or in
numbers, of decades (*the mid-'90s*) and of dates relative to another (*before Thief
(1981)*).

:mod:`filmlore.values.dates` calls the readers here and builds its values from the plain
fields they return; nothing here knows the date classes, so imports run one way.
"""

from __future__ import annotations

import datetime
import re
import warnings
from typing import Literal, NamedTuple

from dateutil import parser as _dateutil_parser

from filmlore.errors import ParseError

#: How a date written in numbers orders its parts: month-day-year, day-month-year or
#: year-month-day.
DateOrder = Literal["mdy", "dmy", "ymd"]
ORDERS = ("mdy", "dmy", "ymd")

MAX_TEXT = 256

DATE_EXAMPLES = "a date such as 1995, 1995-12, 1995-12-15, 1995~, Dec 15, 1995 or Jul 17"
INTERVAL_EXAMPLES = (
    "an EDTF interval such as 1989/1995, ../1995 or 1993~/1997~, a decade such as the 1990s "
    "or the mid-'90s, or a date relative to another such as 'before 1981' or "
    "'before Thief (1981)'"
)
TWO_DIGITS = (
    "a year of four digits: a two-digit year could be in any century "
    "(pass pivot=, the first year of the hundred it lies in, e.g. pivot=1930)"
)
LENGTH_OF_TIME = (
    "a date or a span of dates, not a length of time: for when it happened, name the decade "
    "(the 1990s, the mid-'90s) or the years (1985/1995, 1999~); for how long it took, state "
    "it with a quantity property ('10 years')"
)


class Fields(NamedTuple):
    """The fields of a partial date as read from text; ``year`` is None when the text has
    none."""

    year: int | None
    month: int | None
    day: int | None
    approximate: bool = False
    uncertain: bool = False


# -- EDTF ----------------------------------------------------------------------------------------

# ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` with an optional EDTF qualifier; ``XXXX`` is a year
# not known (EDTF's unspecified digits).
EDTF_DATE = r"(?:[0-9]{4}|XXXX)(?:-[0-9]{2}(?:-[0-9]{2})?)?[~?%]?"
_EDTF_RE = re.compile(r"([0-9]{4}|XXXX)(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%]?)")
INTERVAL_RE = re.compile(rf"\s*({EDTF_DATE}|\.\.)?\s*/\s*({EDTF_DATE}|\.\.)?\s*")


def edtf_fields(text: str) -> Fields | None:
    """The fields of plain EDTF ``text``, or None when the text is not of that shape."""
    match = _EDTF_RE.fullmatch(text)
    if match is None:
        return None
    year, month, day, qualifier = match.groups()
    return Fields(
        None if year == "XXXX" else int(year),
        None if month is None else int(month),
        None if day is None else int(day),
        qualifier in ("~", "%"),
        qualifier in ("?", "%"),
    )


# -- decades ---------------------------------------------------------------------------------

_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
_PART = r"early|mid|late"
_JOIN = r"(?:\s*-\s*|\s+)"
_DECADE_RE = re.compile(
    rf"\s*(?:the\s+)?(?:(?P<part>{_PART})(?:{_JOIN}to{_JOIN}(?P<upto>{_PART}))?{_JOIN})?"
    rf"(?:(?P<three>[0-9]{{3}})0['’]?s|['’‘]?(?P<one>[0-9])0['’]?s"
    rf"|(?P<word>{'|'.join(_DECADE_WORDS)}))\s*",
    re.IGNORECASE,
)

#: The years of a decade each phrase covers, as offsets from its first year, and whether
#: the phrase is approximate.  *Early* is the first four years, *mid* the middle five,
#: *late* the last three: the spans of common usage, overlapping at the years where
#: writers differ (a "mid-'90s" 1993 is also "early '90s").
DECADE_PARTS: dict[str, tuple[int, int, bool]] = {
    "": (0, 9, False),
    "early": (0, 3, True),
    "mid": (3, 7, True),
    "late": (7, 9, True),
}


def read_decade(text: str, reference: int | None) -> tuple[int, int, bool] | None:
    """``(first year, last year, approximate)`` of a decade phrase, or None when ``text``
    is not one.

    A two-digit or worded decade (*the '90s*, *the nineties*) is the latest such decade
    that starts no later than ``reference``, or the 1900s without one.
    """
    match = _DECADE_RE.fullmatch(text)
    if match is None:
        return None
    if match["three"] is not None:
        start_year = int(match["three"]) * 10
    else:
        offset = 10 * (
            int(match["one"]) if match["one"] is not None else _DECADE_WORDS[match["word"].lower()]
        )
        if reference is None:
            start_year = 1900 + offset
        else:
            start_year = reference // 100 * 100 + offset
            if start_year > reference:
                start_year -= 100
    part = (match["part"] or "").lower()
    first, last, approximate = DECADE_PARTS[part]
    if match["upto"] is not None:
        upto_first, last, _ = DECADE_PARTS[match["upto"].lower()]
        if upto_first <= first:
            raise ParseError(
                "date interval",
                text,
                "a decade's parts in order: early to mid, mid to late or early to late",
            )
    return start_year + first, start_year + last, approximate


# -- dates relative to another -----------------------------------------------------------------

#: The words that place a date before or after another, and what each keeps of the other:
#: ``before`` and ``after`` exclude it, ``by`` and ``since`` include it.
RELATIONS = {
    "before": "before",
    "prior to": "before",
    "earlier than": "before",
    "after": "after",
    "later than": "after",
    "by": "by",
    "until": "by",
    "till": "by",
    "up to": "by",
    "no later than": "by",
    "since": "since",
    "from": "since",
    "no earlier than": "since",
}
_RELATIVE_RE = re.compile(
    r"\s*(?P<rel>"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(RELATIONS, key=len)[::-1])
    + r")\s+(?P<rest>\S.*?)\s*",
    re.IGNORECASE | re.DOTALL,
)
# A work with its date in parentheses: "Thief (1981)", "Heat (December 15, 1995)".
_WORK_RE = re.compile(r"(?P<work>.*?\S)\s*\((?P<when>[^()]+)\)", re.DOTALL)


def read_relative(text: str) -> tuple[str, str, str] | None:
    """``(relation, its word as written, the rest)`` for a date relative to another
    (``before 1981``), the relation one of ``before``, ``after``, ``by``, ``since``; None
    for other text."""
    match = _RELATIVE_RE.fullmatch(text)
    if match is None:
        return None
    word = " ".join(match["rel"].lower().split())
    return RELATIONS[word], word, match["rest"]


def read_work(text: str) -> tuple[str, str] | None:
    """``(work, its date as written)`` for text such as ``Thief (1981)``, else None."""
    match = _WORK_RE.fullmatch(text)
    if match is None:
        return None
    return match["work"], match["when"].strip()


_LENGTH_RE = re.compile(
    r"\bdecades?\b|\b(?:years?|months?|weeks?|days?)\s+(?:later|earlier|ago|on|before|after)\b",
    re.IGNORECASE,
)


def is_length_of_time(text: str) -> bool:
    """True for text that states a length of time (*a decade*, *two years later*)."""
    return _LENGTH_RE.search(text) is not None


def is_span(text: str) -> bool:
    """True for text that reads as an interval: EDTF with ``/``, a decade, or a date
    relative to another."""
    return bool(
        INTERVAL_RE.fullmatch(text) or _DECADE_RE.fullmatch(text) or _RELATIVE_RE.fullmatch(text)
    )


# -- free text -------------------------------------------------------------------------------

_APPROX_RE = re.compile(
    r"(?:(?:circa|about|around|approximately|approx|ca|c)\s+|(?:approx|ca|c)\.\s*)",
    re.IGNORECASE,
)
_PAREN_RE = re.compile(r"\s*\([^()]*\)\s*$")
# A date written in numbers only: 12/15/1995, 15.12.95, 1995-12-15 with other separators.
_NUMERIC_RE = re.compile(r"([0-9]{1,4})([/.\-])([0-9]{1,2})\2([0-9]{1,4})")
_DIGIT_RUN_RE = re.compile(r"[0-9]+")

# Two defaults for dateutil: a field that differs between the two parses was not in the text.
# Both years are leap years (so a yearless "Feb 29" reads), and the days are two weeks apart
# so that a weekday name ("Sunday") cannot move both parses onto the same day.
_DEFAULT_A = datetime.datetime(2000, 1, 1)
_DEFAULT_B = datetime.datetime(2004, 7, 15)


def _in_window(two_digits: int, pivot: int) -> int:
    """The year ending in ``two_digits`` among the hundred years from ``pivot``."""
    return pivot + (two_digits - pivot % 100) % 100


def _year_of(text: str, digits: str, pivot: int | None) -> int:
    if len(digits) == 4:
        return int(digits)
    if len(digits) == 2:
        if pivot is None:
            raise ParseError("date", text, TWO_DIGITS)
        return _in_window(int(digits), pivot)
    raise ParseError("date", text, "a year of four digits (or two with pivot=)")


def _numeric(
    text: str, match: re.Match[str], date_order: DateOrder | None, pivot: int | None
) -> Fields:
    """A date written in numbers only, read by ``date_order`` or by what it can only be."""
    first, _, second, third = match.groups()
    if len(first) == 4 or date_order == "ymd":  # a year written first is never swapped
        return Fields(_year_of(text, first, pivot), int(second), int(third))
    year = _year_of(text, third, pivot)
    a, b = int(first), int(second)
    if date_order == "mdy":
        return Fields(year, a, b)
    if date_order == "dmy":
        return Fields(year, b, a)
    if a <= 12 and b <= 12 and a != b:
        raise ParseError(
            "date",
            text,
            f"a date whose day and month cannot be swapped: {first}/{second} could be "
            "either (pass date_order='mdy' or 'dmy')",
        )
    return Fields(year, b, a) if a > 12 else Fields(year, a, b)


def read_free(
    text: str,
    default_year: int | None,
    context_year: int | None,
    date_order: DateOrder | None,
    pivot: int | None,
) -> Fields:
    """The fields of a single date written in free text (not plain EDTF).

    A trailing parenthetical is dropped, a leading *circa* (and its kin) or a trailing EDTF
    qualifier sets the flags.  A date written without a year takes ``default_year``, else
    ``context_year``, else none: its year stays unknown.
    """
    s = text.strip()
    if not s:
        raise ParseError("date", text, f"{DATE_EXAMPLES}, not an empty string")
    if len(s) > MAX_TEXT:
        raise ParseError("date", text, f"{DATE_EXAMPLES}, in at most {MAX_TEXT} characters")
    if is_length_of_time(s):
        raise ParseError("date", text, LENGTH_OF_TIME)
    if is_span(s):
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
        raise ParseError("date", text, DATE_EXAMPLES)

    found = edtf_fields(s)
    if found is None:
        numeric = _NUMERIC_RE.fullmatch(s)
        if numeric is not None:
            found = _numeric(text, numeric, date_order, pivot)
    if found is not None:
        return found._replace(
            approximate=found.approximate or approximate, uncertain=found.uncertain or uncertain
        )

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            a = _dateutil_parser.parse(s, default=_DEFAULT_A)
            b = _dateutil_parser.parse(s, default=_DEFAULT_B)
        except Exception:  # dateutil raises several types; none should escape
            raise ParseError("date", text, DATE_EXAMPLES) from None

    if a.month != b.month:  # a bare day, a weekday or a time of day is not a date
        raise ParseError("date", text, DATE_EXAMPLES)
    year: int | None
    if a.year == b.year:
        year = a.year
        if not any(len(run) >= 3 for run in _DIGIT_RUN_RE.findall(s)):
            # The year came from two digits ("Dec 15 95"): dateutil would pick a century.
            if pivot is None:
                raise ParseError("date", text, TWO_DIGITS)
            year = _in_window(year % 100, pivot)
    else:
        year = default_year if default_year is not None else context_year
    day = a.day if a.day == b.day else None
    return Fields(year, a.month, day, approximate, uncertain)
