"""Tests for filmlore.values.dates: partial dates, intervals, parsing and span laws."""

from __future__ import annotations

import contextlib
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmlore.errors import FieldError, ParseError
from filmlore.testing._dates import date_intervals, dates, partial_dates
from filmlore.values.dates import DateInterval, PartialDate, Precision, parse_date


def pd(
    year: int,
    month: int | None = None,
    day: int | None = None,
    *,
    approximate: bool = False,
    uncertain: bool = False,
) -> PartialDate:
    return PartialDate(
        year=year, month=month, day=day, approximate=approximate, uncertain=uncertain
    )


# -- construction -----------------------------------------------------------------------------


def test_valid_construction_and_precision() -> None:
    """Each precision is reported from which fields are set."""
    assert pd(1995).precision is Precision.YEAR
    assert pd(1995, 12).precision is Precision.MONTH
    assert pd(1995, 12, 15).precision is Precision.DAY
    assert pd(1996, 2, 29).day == 29


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"year": 0}, "year"),
        ({"year": 10000}, "year"),
        ({"year": -5}, "year"),
        ({"year": True}, "year"),
        ({"year": 1995.0}, "year"),
        ({"year": "1995"}, "year"),
        ({"year": 1995, "month": 0}, "month"),
        ({"year": 1995, "month": 13}, "month"),
        ({"year": 1995, "month": True}, "month"),
        ({"year": 1995, "day": 15}, "day"),
        ({"year": 1995, "month": 2, "day": 29}, "day"),
        ({"year": 1900, "month": 2, "day": 29}, "day"),
        ({"year": 1995, "month": 4, "day": 31}, "day"),
        ({"year": 1995, "month": 1, "day": 0}, "day"),
        ({"year": 1995, "month": 1, "day": 32}, "day"),
        ({"year": 1995, "month": 1, "day": 1.0}, "day"),
        ({"year": 1995, "approximate": 1}, "approximate"),
        ({"year": 1995, "uncertain": "yes"}, "uncertain"),
    ],
)
def test_invalid_fields_raise_field_error(kwargs: dict[str, object], field: str) -> None:
    """Out-of-range, wrongly typed or impossible fields raise FieldError naming the field."""
    with pytest.raises(FieldError) as info:
        PartialDate(**kwargs)  # type: ignore[arg-type]
    assert info.value.model == "PartialDate"
    assert info.value.field == field


def test_leap_days() -> None:
    """Feb 29 exists in leap years only (1996, 2000), not in 1995 or 1900."""
    assert pd(2000, 2, 29).latest == datetime.date(2000, 2, 29)
    assert pd(1996, 2).latest == datetime.date(1996, 2, 29)
    assert pd(1900, 2).latest == datetime.date(1900, 2, 28)
    with pytest.raises(FieldError):
        pd(1900, 2, 29)


def test_earliest_and_latest() -> None:
    """Bounds cover exactly the stated precision, never more."""
    assert (pd(1995).earliest, pd(1995).latest) == (
        datetime.date(1995, 1, 1),
        datetime.date(1995, 12, 31),
    )
    assert (pd(1996, 2).earliest, pd(1996, 2).latest) == (
        datetime.date(1996, 2, 1),
        datetime.date(1996, 2, 29),
    )
    assert pd(1995, 12, 15).earliest == pd(1995, 12, 15).latest == datetime.date(1995, 12, 15)


def test_from_date() -> None:
    """from_date gives a day-precision date without flags."""
    assert PartialDate.from_date(datetime.date(1995, 12, 15)) == pd(1995, 12, 15)


def test_kind() -> None:
    """Both value classes are of the 'date' kind."""
    assert PartialDate.kind == DateInterval.kind == "date"


# -- EDTF output ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (pd(1995), "1995"),
        (pd(1995, 12), "1995-12"),
        (pd(1995, 12, 15), "1995-12-15"),
        (pd(1995, approximate=True), "1995~"),
        (pd(1995, uncertain=True), "1995?"),
        (pd(1995, approximate=True, uncertain=True), "1995%"),
        (pd(1995, 12, approximate=True), "1995-12~"),
        (pd(7), "0007"),
    ],
)
def test_partial_date_edtf(value: PartialDate, text: str) -> None:
    """to_edtf and str print EDTF with the right qualifier."""
    assert value.to_edtf() == text
    assert str(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (DateInterval(start=pd(1989), end=pd(1995)), "1989/1995"),
        (DateInterval(start=None, end=pd(1995)), "../1995"),
        (DateInterval(start=pd(1995, 6), end=None), "1995-06/.."),
        (
            DateInterval(start=pd(1993, approximate=True), end=pd(1997, approximate=True)),
            "1993~/1997~",
        ),
    ],
)
def test_interval_edtf(value: DateInterval, text: str) -> None:
    """Intervals print as EDTF with '..' for an open end, and parse back."""
    assert value.to_edtf() == text
    assert str(value) == text
    assert DateInterval.parse(text) == value
    assert parse_date(text) == value


# -- parsing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1995", pd(1995)),
        ("1995-12", pd(1995, 12)),
        ("1995-12-15", pd(1995, 12, 15)),
        ("1995~", pd(1995, approximate=True)),
        ("1995?", pd(1995, uncertain=True)),
        ("1995%", pd(1995, approximate=True, uncertain=True)),
        ("1995-12~", pd(1995, 12, approximate=True)),
        ("  1995-12  ", pd(1995, 12)),
        ("Dec 15, 1995", pd(1995, 12, 15)),
        ("December 15, 1995 (United States)", pd(1995, 12, 15)),
        ("15 December 1995", pd(1995, 12, 15)),
        ("12/15/1995", pd(1995, 12, 15)),
        ("Dec 1995", pd(1995, 12)),
        ("December 1995", pd(1995, 12)),
        ("Dec 25 2001", pd(2001, 12, 25)),
        ("circa 1995", pd(1995, approximate=True)),
        ("c. 1995", pd(1995, approximate=True)),
        ("about 1995", pd(1995, approximate=True)),
        ("ca. December 1995", pd(1995, 12, approximate=True)),
        ("Dec 1995?", pd(1995, 12, uncertain=True)),
        ("circa 1995?", pd(1995, approximate=True, uncertain=True)),
    ],
)
def test_parse_examples(text: str, expected: PartialDate) -> None:
    """PartialDate.parse and parse_date read EDTF and free text at the text's own precision."""
    assert PartialDate.parse(text) == expected
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [("Jul 17", 7, 17), ("July 17", 7, 17), ("17 July", 7, 17), ("Feb 29", 2, 29)],
)
def test_no_year_stays_unknown_unless_a_year_is_given(text: str, month: int, day: int) -> None:
    """A yearless date keeps no year without help, and takes default_year or context's year
    with it."""
    no_year = PartialDate(year=None, month=month, day=day)
    assert PartialDate.parse(text) == no_year
    assert parse_date(text) == no_year
    assert PartialDate.parse(text, default_year=1996) == pd(1996, month, day)
    assert parse_date(text, context=pd(2000, 5)) == pd(2000, month, day)
    assert PartialDate.parse(text, context=datetime.date(2004, 1, 1)) == pd(2004, month, day)
    assert PartialDate.parse(text, default_year=1996, context=pd(2000)) == pd(1996, month, day)
    assert PartialDate.parse(text, context=no_year) == no_year


def test_no_year_month_only_with_default_year() -> None:
    """A bare month name reads at month precision when a year is supplied."""
    assert PartialDate.parse("December", default_year=1995) == pd(1995, 12)


def test_no_year_feb_29_in_common_year_is_impossible() -> None:
    """Resolving 'Feb 29' against a common year is an impossible date, not Feb 28 or Mar 1."""
    with pytest.raises(ParseError) as info:
        PartialDate.parse("Feb 29", default_year=1995)
    assert "real calendar date" in info.value.expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello",
        "not a date at all",
        "1995-13",
        "1995-02-30",
        "1995-02-29",
        "0000",
        "19",
        "1995-1-5x",
        "Sunday",
        "10:30",
        "17",
        "~",
        "circa",
        "()",
        "1995 2001",
        "x" * 1000,
    ],
)
def test_parse_garbage_raises_parse_error(text: str) -> None:
    """Garbage, empty and impossible text raise ParseError, never a dateutil error."""
    with pytest.raises(ParseError) as info:
        PartialDate.parse(text)
    assert info.value.kind == "date"
    assert info.value.text == text
    with pytest.raises(ParseError):
        parse_date(text, default_year=1995)


@pytest.mark.parametrize("text", ["1995-02-30", "1995-04-31", "1995-02-29"])
def test_impossible_day_message(text: str) -> None:
    """An impossible EDTF day says a real calendar date was expected."""
    with pytest.raises(ParseError, match="real calendar date"):
        parse_date(text)


@pytest.mark.parametrize("value", [None, 1995, 1995.0, b"1995", datetime.date(1995, 1, 1)])
def test_parse_non_str_raises_parse_error(value: object) -> None:
    """Non-string input raises ParseError (not TypeError) from every parser."""
    with pytest.raises(ParseError, match="a string"):
        PartialDate.parse(value)  # type: ignore[arg-type]
    with pytest.raises(ParseError, match="a string"):
        DateInterval.parse(value)  # type: ignore[arg-type]
    with pytest.raises(ParseError, match="a string"):
        parse_date(value)  # type: ignore[arg-type]


def test_str_subclass_is_accepted() -> None:
    """A str subclass parses like a str."""

    class Text(str):
        pass

    assert PartialDate.parse(Text("1995-12")) == pd(1995, 12)


def test_partial_date_parse_refuses_intervals() -> None:
    """PartialDate.parse points interval text to parse_date instead of misreading it."""
    for text in ("1989/1995", "the 1990s"):
        with pytest.raises(ParseError, match="parse_date"):
            PartialDate.parse(text)


def test_us_slash_date_is_not_an_interval() -> None:
    """12/15/1995 and 12/1995 are single dates, 1989/1995 is an interval."""
    assert parse_date("12/15/1995") == pd(1995, 12, 15)
    assert parse_date("12/1995") == pd(1995, 12)
    assert isinstance(parse_date("1989/1995"), DateInterval)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1989/1995", pd(1989), pd(1995)),
        ("1989 / 1995-06", pd(1989), pd(1995, 6)),
        ("../1995", None, pd(1995)),
        ("1995-06/..", pd(1995, 6), None),
        ("1995-06/", pd(1995, 6), None),
        ("1993~/1997~", pd(1993, approximate=True), pd(1997, approximate=True)),
        ("1995/1995", pd(1995), pd(1995)),
    ],
)
def test_parse_intervals(text: str, start: PartialDate | None, end: PartialDate | None) -> None:
    """EDTF intervals, open ends included, parse to DateInterval."""
    expected = DateInterval(start=start, end=end)
    assert DateInterval.parse(text) == expected
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["", "/", "../..", "1995/1989", "1989/1995/2001", "Dec 1995/1996", "1995-13/1996", 3]
)
def test_bad_intervals_raise_parse_error(text: object) -> None:
    """Malformed, doubly open, reversed or invalid intervals raise ParseError."""
    with pytest.raises(ParseError):
        DateInterval.parse(text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("the 1990s", pd(1990), pd(1999)),
        ("the '90s", pd(1990), pd(1999)),
        ("1990s", pd(1990), pd(1999)),
        ("the 90s", pd(1990), pd(1999)),
        ("the 1990's", pd(1990), pd(1999)),
        ("early 1990s", pd(1990, approximate=True), pd(1993, approximate=True)),
        ("the early '90s", pd(1990, approximate=True), pd(1993, approximate=True)),
        ("mid-'90s", pd(1993, approximate=True), pd(1997, approximate=True)),
        ("mid-1990s", pd(1993, approximate=True), pd(1997, approximate=True)),
        ("Mid 1990s", pd(1993, approximate=True), pd(1997, approximate=True)),
        ("late '90s", pd(1997, approximate=True), pd(1999, approximate=True)),
        ("the late 1990s", pd(1997, approximate=True), pd(1999, approximate=True)),
        ("the 2000s", pd(2000), pd(2009)),
        ("the ’20s", pd(1920), pd(1929)),
    ],
)
def test_decade_phrases(text: str, start: PartialDate, end: PartialDate) -> None:
    """Decade phrases parse to their documented spans."""
    assert parse_date(text) == DateInterval(start=start, end=end)


def test_two_digit_decade_uses_reference_year() -> None:
    """A two-digit decade is the latest one starting no later than default_year/context."""
    assert parse_date("the '20s", default_year=2024) == DateInterval(start=pd(2020), end=pd(2029))
    assert parse_date("the '90s", context=datetime.date(2005, 1, 1)) == DateInterval(
        start=pd(1990), end=pd(1999)
    )
    assert parse_date("the '20s", context=pd(1950)) == DateInterval(start=pd(1920), end=pd(1929))


# -- spans ------------------------------------------------------------------------------------


def test_contains_and_overlaps_examples() -> None:
    """contains needs the whole span inside; overlaps needs one shared day."""
    year, month, day = pd(1995), pd(1995, 12), pd(1995, 12, 15)
    assert year.contains(month)
    assert year.contains(day)
    assert month.contains(day)
    assert not day.contains(month)
    assert not month.contains(year)
    assert year.contains(datetime.date(1995, 6, 1))
    assert not year.contains(datetime.date(1996, 1, 1))
    interval = DateInterval.parse("1989/1995")
    assert interval.contains(year)
    assert not year.contains(interval)
    assert year.overlaps(interval)
    assert interval.overlaps(day)
    assert not pd(1996).overlaps(interval)
    assert not year.contains(DateInterval.parse("1995/.."))
    assert DateInterval.parse("../1995").contains(pd(1, 1, 1))
    assert not DateInterval.parse("1995/..").overlaps(DateInterval.parse("../1994-12-31"))


def test_contains_rejects_other_types() -> None:
    """contains and overlaps raise TypeError for values that have no span."""
    with pytest.raises(TypeError):
        pd(1995).contains("1995")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        DateInterval.parse("1989/1995").overlaps(1995)  # type: ignore[arg-type]


def test_interval_bounds_and_validation() -> None:
    """Intervals report open ends as None and reject doubly open or reversed ends."""
    assert DateInterval.parse("../1995").earliest is None
    assert DateInterval.parse("1995/..").latest is None
    assert DateInterval.parse("1995/1995-03").latest == datetime.date(1995, 12, 31)
    assert DateInterval.parse("1995-06/1995").earliest == datetime.date(1995, 1, 1)
    with pytest.raises(FieldError):
        DateInterval(start=None, end=None)
    with pytest.raises(FieldError):
        DateInterval(start=pd(1996), end=pd(1995))
    with pytest.raises(FieldError):
        DateInterval(start="1995", end=None)  # type: ignore[arg-type]
    with pytest.raises(FieldError):
        DateInterval(start=None, end=datetime.date(1995, 1, 1))  # type: ignore[arg-type]


def test_sort_key_orders_mixed_values() -> None:
    """sort_key orders dates and intervals together by span, deterministically."""
    texts = ["1995-12-15", "1995", "../1995", "1994", "1995-12", "1995~", "1989/1995", "1995/.."]
    values = [parse_date(t) for t in texts]
    ordered = [str(v) for v in sorted(values, key=lambda v: v.sort_key())]
    assert ordered == [
        "../1995",
        "1989/1995",
        "1994",
        "1995",
        "1995~",
        "1995/..",
        "1995-12",
        "1995-12-15",
    ]


# -- properties -------------------------------------------------------------------------------


@given(dates())
def test_round_trip(value: PartialDate | DateInterval) -> None:
    """parse_date(str(x)) == x for every date and interval."""
    assert parse_date(str(value)) == value


@given(partial_dates())
def test_partial_date_round_trip_via_class(value: PartialDate) -> None:
    """PartialDate.parse reads back what to_edtf prints."""
    assert PartialDate.parse(value.to_edtf()) == value


@given(date_intervals())
def test_interval_round_trip_via_class(value: DateInterval) -> None:
    """DateInterval.parse reads back what to_edtf prints."""
    assert DateInterval.parse(value.to_edtf()) == value


@given(partial_dates())
def test_earliest_not_after_latest(value: PartialDate) -> None:
    """A date's earliest day is never after its latest, and both lie in its year."""
    assert value.earliest <= value.latest
    assert value.earliest.year == value.latest.year == value.year


@given(date_intervals())
def test_interval_contains_its_ends(value: DateInterval) -> None:
    """An interval contains its own start and end, and its bounds are ordered."""
    if value.earliest is not None and value.latest is not None:
        assert value.earliest <= value.latest
    for end in (value.start, value.end):
        if end is not None:
            assert value.contains(end)
            assert value.overlaps(end)


@given(partial_dates().filter(lambda d: d.day is not None))
def test_day_in_month_in_year(value: PartialDate) -> None:
    """A day is contained in its month and year, which are not contained in it."""
    month = PartialDate(year=value.year, month=value.month)
    year = PartialDate(year=value.year)
    assert month.contains(value)
    assert year.contains(value)
    assert year.contains(month)
    assert not value.contains(month)
    assert not value.contains(year)
    assert value.contains(value.earliest)


@given(dates(), dates())
def test_contains_implies_overlaps(
    a: PartialDate | DateInterval, b: PartialDate | DateInterval
) -> None:
    """If a contains b then a overlaps b."""
    if a.contains(b):
        assert a.overlaps(b)


@given(dates(), dates())
def test_overlaps_is_symmetric(
    a: PartialDate | DateInterval, b: PartialDate | DateInterval
) -> None:
    """a overlaps b exactly when b overlaps a."""
    assert a.overlaps(b) == b.overlaps(a)


@given(st.data())
def test_contains_is_transitive(data: st.DataObject) -> None:
    """If a contains b and b contains c then a contains c."""
    year = data.draw(st.integers(1990, 1999))
    pool = dates(min_year=year, max_year=year + 1)
    a, b, c = data.draw(pool), data.draw(pool), data.draw(pool)
    if a.contains(b) and b.contains(c):
        assert a.contains(c)


@given(dates())
def test_every_value_contains_and_overlaps_itself(value: PartialDate | DateInterval) -> None:
    """Containment and overlap are reflexive."""
    assert value.contains(value)
    assert value.overlaps(value)


@given(dates(), dates())
def test_sort_key_is_total_and_consistent_with_eq(
    a: PartialDate | DateInterval, b: PartialDate | DateInterval
) -> None:
    """Sort keys compare without error and are equal exactly for equal values."""
    assert (a.sort_key() == b.sort_key()) == (a == b)
    assert (a.sort_key() < b.sort_key()) or (a.sort_key() >= b.sort_key())


@given(st.integers(1, 9999))
def test_year_never_gains_month_or_day(year: int) -> None:
    """A bare year parses with no month and no day, and its span is the whole year."""
    value = parse_date(f"{year:04d}")
    assert isinstance(value, PartialDate)
    assert value.month is None
    assert value.day is None
    assert value.precision is Precision.YEAR
    assert value.earliest == datetime.date(year, 1, 1)
    assert value.latest == datetime.date(year, 12, 31)


@given(st.dates())
def test_from_date_round_trip(day: datetime.date) -> None:
    """from_date keeps the day, and its span is that one day."""
    value = PartialDate.from_date(day)
    assert value.earliest == value.latest == day
    assert parse_date(str(value)) == value


@given(st.text(max_size=40))
def test_parse_never_leaks_other_exceptions(text: str) -> None:
    """Any text either parses or raises ParseError."""
    with contextlib.suppress(ParseError):
        parse_date(text, default_year=2000)


# --- numbers-only dates: day/month order and two-digit years are declared, never guessed -------


@pytest.mark.parametrize("text", ["03/04/1981", "4/3/1981", "03.04.1981", "03-04-1981"])
def test_a_date_whose_day_and_month_could_swap_is_refused_without_an_order(text: str) -> None:
    with pytest.raises(ParseError, match="date_order"):
        PartialDate.parse(text)


def test_a_declared_order_reads_day_and_month_its_way() -> None:
    assert PartialDate.parse("03/04/1981", date_order="dmy") == pd(1981, 4, 3)
    assert PartialDate.parse("03/04/1981", date_order="mdy") == pd(1981, 3, 4)
    assert parse_date("03/04/1981", date_order="dmy") == pd(1981, 4, 3)
    with pytest.raises(ParseError, match="real calendar date"):
        PartialDate.parse("12/15/1995", date_order="dmy")


def test_a_date_that_can_only_be_read_one_way_needs_no_order() -> None:
    assert PartialDate.parse("12/15/1995") == pd(1995, 12, 15)
    assert PartialDate.parse("15/12/1995") == pd(1995, 12, 15)
    assert PartialDate.parse("04/04/1995") == pd(1995, 4, 4)
    # a year written first is year-month-day whatever order is declared for the rest
    assert PartialDate.parse("1995/12/15", date_order="dmy") == pd(1995, 12, 15)


@pytest.mark.parametrize("text", ["5/24/67", "12/15/75", "12/15/76", "Dec 15 95", "15.12.95"])
def test_a_two_digit_year_is_refused_without_a_pivot(text: str) -> None:
    with pytest.raises(ParseError, match="pivot"):
        PartialDate.parse(text)


def test_a_pivot_places_a_two_digit_year_in_its_hundred() -> None:
    assert PartialDate.parse("5/24/67", pivot=1930) == pd(1967, 5, 24)
    assert PartialDate.parse("5/24/12", pivot=1930) == pd(2012, 5, 24)
    assert PartialDate.parse("5/24/30", pivot=1930) == pd(1930, 5, 24)
    assert PartialDate.parse("Dec 15 95", pivot=1900) == pd(1995, 12, 15)
    assert PartialDate.parse("Dec 15 95", pivot=2000) == pd(2095, 12, 15)


@given(
    st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31)),
    st.sampled_from(["/", ".", "-"]),
)
def test_numbers_only_dates_read_back_by_their_order_or_not_at_all(
    day: datetime.date, sep: str
) -> None:
    mdy = f"{day.month:02d}{sep}{day.day:02d}{sep}{day.year}"
    dmy = f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year}"
    want = pd(day.year, day.month, day.day)
    assert PartialDate.parse(mdy, date_order="mdy") == want
    assert PartialDate.parse(dmy, date_order="dmy") == want
    if day.day <= 12 and day.day != day.month:
        with pytest.raises(ParseError):
            PartialDate.parse(mdy)
    else:
        assert PartialDate.parse(mdy) == want
    two = f"{day.month:02d}{sep}{day.day:02d}{sep}{day.year % 100:02d}"
    assert PartialDate.parse(two, date_order="mdy", pivot=day.year - day.year % 100) == want
