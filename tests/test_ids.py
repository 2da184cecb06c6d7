"""Identifiers: validation and explicit normalisation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmlore import FieldError, ImdbId, MovieLensId, ParseError, TmdbId, WikidataId
from filmlore.testing import imdb_ids, movielens_ids, tmdb_ids, wikidata_ids


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("tt0113277", None, "tt0113277"),
        ("tt113277", None, "tt0113277"),
        ("TT0113277", None, "tt0113277"),
        (" nm0000199 ", None, "nm0000199"),
        ("113277", "title", "tt0113277"),
        (113277, "title", "tt0113277"),
        ("199", "name", "nm0000199"),
        ("tt10872600", None, "tt10872600"),
    ],
)
def test_imdb_parse_normalises(text: str | int, kind: str | None, expected: str) -> None:
    """IMDb ids are padded to seven digits; bare numbers need an explicit kind."""
    assert ImdbId.parse(text, kind=kind).value == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["113277", "113277.0", "tt", "xx0113277", "", "tt-1", "tt 0113277"]
)
def test_imdb_parse_refuses_without_a_kind(text: str) -> None:
    """Bare numbers, floats and malformed ids are refused, never guessed."""
    with pytest.raises(ParseError) as info:
        ImdbId.parse(text)
    assert "IMDb id" in str(info.value)


def test_imdb_float_refused_even_with_a_kind() -> None:
    """A spreadsheet float like 113277.0 is not silently read as an id."""
    with pytest.raises(ParseError, match="positive whole number"):
        ImdbId.parse("113277.0", kind="title")


def test_imdb_from_number_reads_spreadsheet_floats_explicitly() -> None:
    """from_number is the explicit way to read 113277.0, and refuses 113277.5."""
    assert ImdbId.from_number(113277.0, kind="title") == ImdbId("tt0113277")
    assert ImdbId.from_number("113277.0", kind="title") == ImdbId("tt0113277")
    with pytest.raises(ParseError):
        ImdbId.from_number(113277.5, kind="title")


def test_imdb_kind_and_number() -> None:
    """An id knows what it identifies and its number."""
    assert ImdbId("nm0000199").kind == "name"
    assert ImdbId("tt0113277").number == 113277


def test_imdb_constructor_validates() -> None:
    """The constructor takes only the canonical form."""
    with pytest.raises(FieldError, match=r"ImdbId\.value"):
        ImdbId("113277")


@pytest.mark.parametrize("cls", [TmdbId, MovieLensId])
def test_numeric_ids(cls: type[TmdbId] | type[MovieLensId]) -> None:
    """TMDb and MovieLens ids read digits and ints, and refuse floats, zero and bools."""
    assert cls.parse("949") == cls(949)
    assert cls.parse(949) == cls(949)
    for bad in ["949.0", "0", "-3", "", "abc"]:
        with pytest.raises(ParseError):
            cls.parse(bad)
    with pytest.raises(FieldError):
        cls(True)  # type: ignore[arg-type]
    with pytest.raises(ParseError):
        cls.parse(9.0)  # type: ignore[arg-type]


def test_wikidata_parse() -> None:
    """Wikidata ids are upper-cased; URLs give their last segment; junk is refused."""
    assert WikidataId.parse("q42198") == WikidataId("Q42198")
    assert WikidataId.parse("https://www.wikidata.org/wiki/Q42198") == WikidataId("Q42198")
    assert WikidataId.parse("P577").is_property
    for bad in ["Q0", "Q", "X12", "42198", ""]:
        with pytest.raises(ParseError):
            WikidataId.parse(bad)


@given(st.one_of(imdb_ids("tt"), imdb_ids("nm")))
def test_imdb_print_parse_round_trip(value: ImdbId) -> None:
    """parse(str(id)) == id for every IMDb id."""
    assert ImdbId.parse(str(value)) == value


@given(tmdb_ids(), movielens_ids(), wikidata_ids("Q"), wikidata_ids("P"))
def test_other_ids_round_trip(tmdb: TmdbId, ml: MovieLensId, q: WikidataId, p: WikidataId) -> None:
    """parse(str(id)) == id for TMDb, MovieLens and Wikidata ids."""
    assert TmdbId.parse(str(tmdb)) == tmdb
    assert MovieLensId.parse(str(ml)) == ml
    assert WikidataId.parse(str(q)) == q
    assert WikidataId.parse(str(p)) == p
