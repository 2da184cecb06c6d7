"""Tests for dates written without a year ("Jul 17"): stored as EDTF XXXX-07-17, never given
a year, printed and read back through every format, and compared by month and day."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import filmlore
from filmlore import (
    Claim,
    DateInterval,
    EntityRef,
    FieldError,
    ParseError,
    PartialDate,
    Precision,
    Verdict,
    compare,
    parse_date,
)
from filmlore.testing import dates, partial_dates


def no_year(month: int, day: int | None = None, **flags: bool) -> PartialDate:
    return PartialDate(year=None, month=month, day=day, **flags)


# The most days each month can have in some year: February 29 is a real date without a year.
_MOST_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@st.composite
def yearless_dates(draw: st.DrawFn) -> PartialDate:
    """Dates without a year: a month, perhaps a day, perhaps flags."""
    month = draw(st.integers(1, 12))
    day = draw(st.none() | st.integers(1, _MOST_DAYS[month]))
    return PartialDate(
        year=None,
        month=month,
        day=day,
        approximate=draw(st.booleans()),
        uncertain=draw(st.booleans()),
    )


# -- the model --------------------------------------------------------------------------------


def test_a_date_without_a_year_keeps_month_and_day_and_has_no_span() -> None:
    """XXXX-07-17 is known to the day of an unknown year: it has no earliest or latest day."""
    d = no_year(7, 17)
    assert d.year is None
    assert not d.has_year
    assert d.precision is Precision.DAY
    assert no_year(7).precision is Precision.MONTH
    assert d.earliest is None
    assert d.latest is None
    assert str(d) == d.to_edtf() == "XXXX-07-17"
    assert str(no_year(7, approximate=True)) == "XXXX-07~"
    assert str(no_year(2, 29, uncertain=True)) == "XXXX-02-29?"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"year": None}, "month"),
        ({"year": None, "day": 17}, "month"),
        ({"year": None, "month": 2, "day": 30}, "day"),
        ({"year": None, "month": 4, "day": 31}, "day"),
        ({"year": None, "month": 13}, "month"),
    ],
)
def test_a_date_without_a_year_needs_a_real_month_and_day(
    kwargs: dict[str, object], field: str
) -> None:
    """Without a year a month is required, and the day must exist in that month of some year."""
    with pytest.raises(FieldError) as info:
        PartialDate(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_with_year_resolves_only_when_asked() -> None:
    """with_year gives the date in a year known from elsewhere; Feb 29 needs a leap year."""
    assert no_year(7, 17).with_year(1995) == PartialDate(year=1995, month=7, day=17)
    assert no_year(2, 29).with_year(1996) == PartialDate(year=1996, month=2, day=29)
    with pytest.raises(FieldError):
        no_year(2, 29).with_year(1995)


def test_an_interval_end_must_have_a_year() -> None:
    """An interval's ends are dated: a date without a year is not a bound of days."""
    with pytest.raises(FieldError, match="with a year"):
        DateInterval(start=no_year(7, 17), end=None)
    with pytest.raises(ParseError):
        DateInterval.parse("XXXX-07/XXXX-08")


# -- reading ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jul 17", no_year(7, 17)),
        ("July 17", no_year(7, 17)),
        ("17 July", no_year(7, 17)),
        ("July 17th", no_year(7, 17)),
        ("Jul. 17", no_year(7, 17)),
        ("Thursday, July 17", no_year(7, 17)),
        ("Feb 29", no_year(2, 29)),
        ("December", no_year(12)),
        ("circa July 17", no_year(7, 17, approximate=True)),
        ("Jul 17?", no_year(7, 17, uncertain=True)),
        ("XXXX-07-17", no_year(7, 17)),
        ("XXXX-07", no_year(7)),
        ("XXXX-07-17%", no_year(7, 17, approximate=True, uncertain=True)),
    ],
)
def test_text_without_a_year_reads_as_a_date_without_one(text: str, expected: PartialDate) -> None:
    """Free text and EDTF with no year read to a date with no year; nothing is invented."""
    assert PartialDate.parse(text) == expected
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["XXXX", "XXXX~", "XXXX-02-30", "XXXX-13", "xxxx-07-17"])
def test_edtf_without_a_year_must_still_be_a_date(text: str) -> None:
    """XXXX alone, an impossible day or lower-case x is refused, saying what was expected."""
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert info.value.expected


def test_a_year_comes_only_from_the_caller() -> None:
    """default_year and context resolve a date written without a year; a context without a
    year resolves nothing."""
    assert parse_date("Jul 17", default_year=1995) == PartialDate(year=1995, month=7, day=17)
    assert parse_date("Jul 17", context=datetime.date(2001, 3, 3)) == PartialDate(
        year=2001, month=7, day=17
    )
    assert parse_date("Jul 17", context=no_year(1)) == no_year(7, 17)


@given(yearless_dates())
def test_a_date_without_a_year_round_trips_through_its_text(value: PartialDate) -> None:
    """str and parse are inverses for dates without a year, through every reader."""
    text = str(value)
    assert text.startswith("XXXX-")
    assert PartialDate.parse(text) == value
    assert parse_date(text) == value
    assert filmlore.get_kind("date").parse(text) == value


# -- spans and order --------------------------------------------------------------------------


def test_contains_and_overlaps_treat_it_as_that_day_of_every_year() -> None:
    """XXXX-07-17 holds each July 17 and overlaps any span that has one; no dated span holds
    it."""
    jul17, july = no_year(7, 17), no_year(7)
    day = PartialDate(year=1995, month=7, day=17)
    assert jul17.contains(day)
    assert july.contains(day)
    assert july.contains(PartialDate(year=1995, month=7))
    assert july.contains(jul17)
    assert not jul17.contains(july)
    assert not jul17.contains(PartialDate(year=1995, month=7))
    assert not jul17.contains(PartialDate(year=1995, month=7, day=18))
    assert not PartialDate(year=1995).contains(jul17)
    assert not DateInterval.parse("../1995").contains(jul17)
    assert jul17.overlaps(PartialDate(year=1995))
    assert PartialDate(year=1995).overlaps(jul17)
    assert jul17.overlaps(DateInterval.parse("1995-07-10/1995-07-20"))
    assert not jul17.overlaps(DateInterval.parse("1995-07-18/1996-07-16"))
    assert not no_year(2, 29).overlaps(PartialDate(year=1995))
    assert no_year(2, 29).overlaps(DateInterval.parse("1997/2001"))
    assert jul17.overlaps(july)
    assert not jul17.overlaps(no_year(7, 18))
    assert jul17.overlaps(datetime.date(2020, 7, 17))


@given(yearless_dates(), partial_dates(min_year=1, max_year=9998))
def test_overlap_means_the_day_exists_in_the_span(no_y: PartialDate, dated: PartialDate) -> None:
    """A date without a year overlaps a dated one exactly when some year puts it inside."""
    assert dated.year is not None
    found = False
    for year in range(dated.year - 1, dated.year + 2):
        try:
            candidate = no_y.with_year(year)
        except FieldError:
            continue
        found = found or candidate.overlaps(dated)
    assert no_y.overlaps(dated) is found
    assert dated.overlaps(no_y) is found


@given(st.lists(st.one_of(yearless_dates(), dates()), min_size=2, max_size=6))
def test_sort_key_is_total_with_dates_without_a_year_last(
    values: list[PartialDate | DateInterval],
) -> None:
    """sort_key orders every mix; dates without a year come after all dated values, and equal
    keys mean equal values."""
    ordered = sorted(values, key=lambda v: v.sort_key())
    seen_no_year = False
    for value in ordered:
        is_no_year = isinstance(value, PartialDate) and value.year is None
        assert is_no_year or not seen_no_year
        seen_no_year = seen_no_year or is_no_year
    for a in values:
        for b in values:
            assert (a.sort_key() == b.sort_key()) == (a == b)


# -- comparison -------------------------------------------------------------------------------


def test_the_same_month_and_day_with_a_year_is_compatible_not_equal() -> None:
    """1995-07-17 falls on XXXX-07-17: compatible, the dated value refines; never the same."""
    c = compare(parse_date("Jul 17"), parse_date("1995-07-17"))
    assert c.verdict is Verdict.COMPATIBLE
    assert c.refines == "b"
    assert "1995-07-17" in c.reason
    assert "XXXX-07-17" in c.reason
    assert compare(parse_date("1995-07-17"), parse_date("Jul 17")).refines == "a"


@pytest.mark.parametrize(
    ("a", "b", "verdict", "refines"),
    [
        ("Jul 17", "Jul 17", Verdict.SAME, None),
        ("Jul 17", "Jul 17~", Verdict.SAME, None),
        ("July", "Jul 17", Verdict.COMPATIBLE, "b"),
        ("Jul 17", "Jul 18", Verdict.CONFLICT, None),
        ("Jul 17", "Aug 17", Verdict.CONFLICT, None),
        ("July", "August", Verdict.CONFLICT, None),
        ("Jul 17~", "Jul 20", Verdict.COMPATIBLE, None),
        ("Jul 17", "1995", Verdict.COMPATIBLE, None),
        ("Jul 17", "1995-07", Verdict.COMPATIBLE, None),
        ("Jul 17", "1995-07-18", Verdict.CONFLICT, None),
        ("Jul 17", "1993~/1997~", Verdict.COMPATIBLE, None),
        ("Jul 17", "../1995", Verdict.COMPATIBLE, None),
        ("Feb 29", "1995", Verdict.CONFLICT, None),
        ("Feb 29", "1996", Verdict.COMPATIBLE, None),
        ("Jul 17", "1995-07-18~", Verdict.COMPATIBLE, None),
    ],
)
def test_dates_without_a_year_compare_by_month_and_day(
    a: str, b: str, verdict: Verdict, refines: str | None
) -> None:
    """Two dates without a year compare by month and day; against a dated value, by whether
    that day occurs in its span."""
    c = compare(parse_date(a), parse_date(b))
    assert c.verdict is verdict, c.reason
    assert c.refines == refines
    swapped = compare(parse_date(b), parse_date(a))
    assert swapped.verdict is verdict
    assert swapped.score == pytest.approx(c.score)


def test_a_year_apart_is_a_day_apart_around_new_year() -> None:
    """Dec 31 and Jan 1 are one day apart: the conflict is a close one."""
    c = compare(parse_date("Dec 31"), parse_date("Jan 1"))
    assert c.verdict is Verdict.CONFLICT
    assert "1 day apart" in c.reason
    far = compare(parse_date("Dec 31"), parse_date("Jun 30"))
    assert far.score < c.score


@given(yearless_dates(), dates())
def test_compare_never_calls_a_date_without_a_year_the_same_as_a_dated_one(
    no_y: PartialDate, dated: PartialDate | DateInterval
) -> None:
    """However they relate, a date without a year and a dated value are never the same."""
    c = compare(no_y, dated)
    assert c.verdict is not Verdict.SAME
    assert c.verdict in (Verdict.COMPATIBLE, Verdict.CONFLICT)
    if c.verdict is Verdict.COMPATIBLE and c.refines is not None:
        assert c.refines == "b"  # only the dated value can refine


# -- every format -----------------------------------------------------------------------------


def _claim(value: object) -> Claim:
    return Claim(
        id=EntityRef("claim", "review-date"),
        subject=EntityRef("film", "heat-1995"),
        property="release_date",
        value=value,  # type: ignore[arg-type]
        source=EntityRef("source", "review"),
    )


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml", "toml", "csv"])
@pytest.mark.parametrize("text", ["XXXX-07-17", "XXXX-02-29~", "XXXX-12"])
def test_a_claim_with_a_date_without_a_year_round_trips_every_format(fmt: str, text: str) -> None:
    """dumps then loads keeps the date without a year, in JSON, JSON Lines, YAML, TOML and
    CSV, and the written text is the EDTF form."""
    claim = _claim(parse_date(text))
    written = filmlore.dumps([claim], format=fmt)  # type: ignore[arg-type]
    assert text in written
    loaded = filmlore.loads(written, format=fmt)  # type: ignore[arg-type]
    assert loaded.claims == (claim,)


def test_a_claims_file_may_write_the_date_as_the_source_did() -> None:
    """A YAML claim whose value is 'Jul 17' loads as XXXX-07-17, and a source's published
    date may lack a year too."""
    text = """
sources:
- id: source:review
  kind: review
  title: A review
  published: Jul 17
claims:
- id: claim:review-date
  subject: film:heat-1995
  property: release_date
  value: July 17th
  source: source:review
"""
    d = filmlore.loads(text, format="yaml")
    assert d.claims[0].value == no_year(7, 17)
    assert d.sources[0].published == no_year(7, 17)
    again = filmlore.loads(filmlore.dumps(d, format="yaml"), format="yaml")
    assert again == d
