"""Tests for the date phrases film writers use: decades and their parts ("early 1990s",
"mid-'90s", "the nineties"), dates relative to another ("before Thief (1981)"), and what is
refused ("a decade", "two years later")."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmlore import DateInterval, ParseError, PartialDate, Verdict, compare, parse_date
from filmlore.testing import partial_dates


def year(y: int, *, approximate: bool = False) -> PartialDate:
    return PartialDate(year=y, approximate=approximate)


def span(first: int, last: int, *, approximate: bool = False) -> DateInterval:
    return DateInterval(
        start=year(first, approximate=approximate), end=year(last, approximate=approximate)
    )


# -- decades ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 1990s", span(1990, 1999)),
        ("the nineties", span(1990, 1999)),
        ("the Eighties", span(1980, 1989)),
        ("early 1990s", span(1990, 1993, approximate=True)),
        ("the early nineties", span(1990, 1993, approximate=True)),
        ("mid-'90s", span(1993, 1997, approximate=True)),
        ("mid-nineties", span(1993, 1997, approximate=True)),
        ("mid 90s", span(1993, 1997, approximate=True)),
        ("late 1980s", span(1987, 1989, approximate=True)),
        ("the late eighties", span(1987, 1989, approximate=True)),
        ("early-to-mid 1990s", span(1990, 1997, approximate=True)),
        ("the mid to late '80s", span(1983, 1989, approximate=True)),
        ("early to late 1970s", span(1970, 1979, approximate=True)),
    ],
)
def test_decades_and_their_parts_have_the_documented_bounds(
    text: str, expected: DateInterval
) -> None:
    """A decade is its ten years; early is years 0-3, mid 3-7, late 7-9, each approximate;
    two parts joined by 'to' run from the first's start to the second's end."""
    assert parse_date(text) == expected
    assert DateInterval.parse(text) == expected
    assert parse_date(str(expected)) == expected


def test_a_worded_decade_takes_its_century_from_the_reference_year() -> None:
    """'the twenties' is the 1920s unless a reference year says the 2020s."""
    assert parse_date("the twenties") == span(1920, 1929)
    assert parse_date("the twenties", default_year=2024) == span(2020, 2029)


@pytest.mark.parametrize("text", ["mid to early 1990s", "late-to-mid '90s", "late to early 80s"])
def test_decade_parts_out_of_order_are_refused(text: str) -> None:
    """'mid to early' runs backwards: a ParseError says the parts must be in order."""
    with pytest.raises(ParseError, match="in order"):
        parse_date(text)


@given(st.integers(100, 999), st.sampled_from(["", "early ", "mid-", "late "]))
def test_every_decade_part_lies_within_its_decade(decade: int, part: str) -> None:
    """Each part of a decade lies within the whole decade, and the whole is not approximate."""
    whole = parse_date(f"the {decade * 10}s")
    piece = parse_date(f"{part}{decade * 10}s")
    assert isinstance(whole, DateInterval)
    assert isinstance(piece, DateInterval)
    assert whole.contains(piece)
    assert compare(piece, whole).verdict in (Verdict.SAME, Verdict.COMPATIBLE)


# -- relative to another date -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("before Thief (1981)", "../1981"),
        ("after Thief (1981)", "1981/.."),
        ("by Thief (1981)", "../1981"),
        ("since Thief (1981)", "1981/.."),
        ("before Heat (December 15, 1995)", "../1995-12-14"),
        ("after Heat (December 15, 1995)", "1995-12-16/.."),
        ("before Heat (December 1995)", "../1995-12"),
        ("before 1941 (1979)", "../1979"),
        ("before 1981", "../1980"),
        ("prior to 1981", "../1980"),
        ("after 1981", "1982/.."),
        ("before December 1995", "../1995-11"),
        ("before January 1995", "../1994-12"),
        ("after December 1995", "1996-01/.."),
        ("before Dec 15, 1995", "../1995-12-14"),
        ("before Jan 1, 1995", "../1994-12-31"),
        ("after Dec 31, 1995", "1996-01-01/.."),
        ("before December 15, 1995 (United States)", "../1995-12-14"),
        ("by 1995", "../1995"),
        ("until 1995", "../1995"),
        ("since 1995", "1995/.."),
        ("from 1995-06", "1995-06/.."),
        ("before circa 1981", "../1980~"),
        ("before the 1990s", "../1989"),
        ("after the mid-'90s", "1998~/.."),
        ("Before  Thief  (1981)", "../1981"),
    ],
)
def test_relative_dates_read_as_open_intervals(text: str, edtf: str) -> None:
    """'before'/'after' exclude the other date's own unit; 'by'/'since' include it; a work's
    date in parentheses is a day within it, which the event may share."""
    value = parse_date(text)
    assert isinstance(value, DateInterval)
    assert str(value) == edtf
    assert DateInterval.parse(text) == value
    assert parse_date(str(value)) == value


def test_a_work_is_before_a_date_in_the_same_year() -> None:
    """'before Thief (1981)' leaves room for early 1981; 'before 1981' does not."""
    work = parse_date("before Thief (1981)")
    plain = parse_date("before 1981")
    march = PartialDate(year=1981, month=3)
    assert work.contains(march)
    assert not plain.contains(march)
    assert compare(work, march).verdict is Verdict.COMPATIBLE
    assert compare(plain, march).verdict is Verdict.CONFLICT


@given(partial_dates(min_year=2, max_year=9998))
def test_before_and_after_a_date_never_include_it(day: PartialDate) -> None:
    """'before D' ends before D's first day and 'after D' starts after D's last; 'by D' and
    'since D' hold D."""
    text = str(day)
    before, after = parse_date(f"before {text}"), parse_date(f"after {text}")
    by, since = parse_date(f"by {text}"), parse_date(f"since {text}")
    assert isinstance(before, DateInterval)
    assert isinstance(after, DateInterval)
    assert before.latest is not None
    assert after.earliest is not None
    assert day.earliest is not None
    assert day.latest is not None
    assert before.latest < day.earliest
    assert after.earliest > day.latest
    assert before.latest + datetime.timedelta(days=1) == day.earliest
    assert after.earliest - datetime.timedelta(days=1) == day.latest
    assert by.contains(day)
    assert since.contains(day)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("before Thief", "work with its year in parentheses"),
        ("before Jul 17", "has no year"),
        ("after Thief (sometime)", "work with its year in parentheses"),
        ("before ../1995", "not an open interval"),
        ("before 0001", "within the years 1 to 9999"),
        ("after 9999", "within the years 1 to 9999"),
    ],
)
def test_relative_dates_without_a_usable_date_are_refused(text: str, words: str) -> None:
    """A relative date needs a dated anchor: the error says what was expected and how to
    write it."""
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert words in str(info.value)
    assert "before Thief (1981)" in str(info.value) or "(1981)" in str(info.value)


def test_partial_date_parse_refuses_relative_dates_as_spans() -> None:
    """PartialDate.parse reads one date: a relative date is a span, and it says where to go."""
    with pytest.raises(ParseError, match="not a span"):
        PartialDate.parse("before Thief (1981)")


# -- a decade is a length of time -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["decade", "a decade", "the decade", "decades", "a decade later", "two years later",
     "a decade after Thief (1981)", "three months earlier"],
)  # fmt: skip
def test_a_length_of_time_is_not_a_date(text: str) -> None:
    """'a decade' says how long, not when: refused with a suggestion to name the decade or
    the years, or to use a quantity for how long."""
    for read in (parse_date, PartialDate.parse, DateInterval.parse):
        with pytest.raises(ParseError) as info:
            read(text)
        message = str(info.value)
        assert "not a length of time" in message
        assert "the 1990s" in message
        assert "10 years" in message
