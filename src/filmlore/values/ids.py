"""External identifiers: IMDb, TMDb, Wikidata and MovieLens.

Each identifier is a small frozen value that validates and normalises its text.  Normalising
is always explicit: :meth:`ImdbId.parse` accepts the canonical form (``tt0113277``) and a bare
number only when the caller says which kind of IMDb id it is; a float such as ``113277.0``
(what a spreadsheet makes of an id column) is refused unless :meth:`ImdbId.from_number` is
asked to read it.

>>> ImdbId.parse("tt113277")
ImdbId('tt0113277')
>>> ImdbId.parse("113277", kind="title")
ImdbId('tt0113277')
>>> WikidataId.parse("q42198")
WikidataId('Q42198')
"""

from __future__ import annotations

import re
from typing import ClassVar, Literal

import attrs

from filmlore.errors import FieldError, ParseError

__all__ = ["ImdbId", "MovieLensId", "TmdbId", "WikidataId"]

_IMDB_RE = re.compile(r"(tt|nm|co|ch)(\d{1,9})")
_IMDB_PREFIX = {"title": "tt", "name": "nm", "company": "co", "character": "ch"}
_DIGITS_RE = re.compile(r"\d+")
_WIKIDATA_RE = re.compile(r"([QP])([1-9]\d*)")


def _positive_digits(kind: str, text: object, expected: str) -> int:
    """Read a positive decimal integer written with digits only."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise ParseError(kind, text, expected)
    if isinstance(text, int):
        number = text
    else:
        stripped = text.strip()
        if not _DIGITS_RE.fullmatch(stripped):
            raise ParseError(kind, text, expected)
        number = int(stripped)
    if number <= 0:
        raise ParseError(kind, text, expected)
    return number


def _check_value(model: str, pattern: re.Pattern[str], expected: str):  # type: ignore[no-untyped-def]
    def check(_instance: object, _attribute: object, value: object) -> None:
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise FieldError(model, "value", expected, value)

    return check


@attrs.frozen(slots=True, repr=False, order=True, weakref_slot=False)
class ImdbId:
    """An IMDb identifier: ``tt`` titles, ``nm`` names (people), ``co`` companies.

    The number is zero-padded to at least seven digits, as IMDb prints it.

    >>> ImdbId.parse("nm0000199").kind
    'name'
    >>> ImdbId.parse("113277")
    Traceback (most recent call last):
    ...
    filmlore.errors.ParseError: cannot read '113277' as an IMDb id: expected tt/nm followed by \
digits, e.g. 'tt0113277' (pass kind='title' or kind='name' to read a bare number)
    """

    value: str = attrs.field(
        validator=_check_value("ImdbId", re.compile(r"(tt|nm|co|ch)\d{7,9}"), "an IMDb id")
    )
    id_kind: ClassVar[str] = "imdb"

    @classmethod
    def parse(
        cls,
        text: str | int,
        *,
        kind: Literal["title", "name", "company", "character"] | None = None,
    ) -> ImdbId:
        """Read an IMDb id; a bare number needs ``kind`` to say what it identifies."""
        expected = (
            "tt/nm followed by digits, e.g. 'tt0113277' "
            "(pass kind='title' or kind='name' to read a bare number)"
        )
        if isinstance(text, str):
            match = _IMDB_RE.fullmatch(text.strip().lower())
            if match:
                return cls(f"{match[1]}{int(match[2]):07d}")
            if _DIGITS_RE.fullmatch(text.strip()) is None:
                if kind is not None:
                    expected = (
                        "a positive whole number or a tt/nm id "
                        "(ImdbId.from_number reads a float such as 113277.0)"
                    )
                raise ParseError("IMDb id", text, expected)
        if kind is None:
            raise ParseError("IMDb id", text, expected)
        number = _positive_digits("IMDb id", text, "a positive whole number")
        return cls(f"{_IMDB_PREFIX[kind]}{number:07d}")

    @classmethod
    def from_number(
        cls, number: float | int | str, *, kind: Literal["title", "name", "company", "character"]
    ) -> ImdbId:
        """Explicitly read a number as written by spreadsheets (``113277.0``) as an id.

        >>> ImdbId.from_number(113277.0, kind="title")
        ImdbId('tt0113277')
        """
        value = float(number) if isinstance(number, str) else number
        if isinstance(value, bool) or not float(value).is_integer() or value <= 0:
            raise ParseError("IMDb id", number, "a positive whole number")
        return cls.parse(int(value), kind=kind)

    @property
    def kind(self) -> str:
        """What the id identifies: ``title``, ``name``, ``company`` or ``character``."""
        return {v: k for k, v in _IMDB_PREFIX.items()}[self.value[:2]]

    @property
    def number(self) -> int:
        """The numeric part."""
        return int(self.value[2:])

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"ImdbId({self.value!r})"


@attrs.frozen(slots=True, repr=False, order=True, weakref_slot=False)
class TmdbId:
    """A TMDb numeric id; TMDb numbers films and people separately, so keep them apart.

    >>> TmdbId.parse("949")
    TmdbId(949)
    """

    value: int = attrs.field()
    id_kind: ClassVar[str] = "tmdb"

    @value.validator
    def _check(self, _attribute: object, value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise FieldError("TmdbId", "value", "a positive int", value)

    @classmethod
    def parse(cls, text: str | int) -> TmdbId:
        """Read a TMDb id from digits (``"949"``) or an int."""
        return cls(_positive_digits("TMDb id", text, "a positive whole number, e.g. '949'"))

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"TmdbId({self.value})"


@attrs.frozen(slots=True, repr=False, order=True, weakref_slot=False)
class MovieLensId:
    """A MovieLens ``movieId``.

    >>> MovieLensId.parse("6")
    MovieLensId(6)
    """

    value: int = attrs.field()
    id_kind: ClassVar[str] = "movielens"

    @value.validator
    def _check(self, _attribute: object, value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise FieldError("MovieLensId", "value", "a positive int", value)

    @classmethod
    def parse(cls, text: str | int) -> MovieLensId:
        """Read a MovieLens id from digits or an int."""
        return cls(_positive_digits("MovieLens id", text, "a positive whole number, e.g. '6'"))

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"MovieLensId({self.value})"


@attrs.frozen(slots=True, repr=False, order=True, weakref_slot=False)
class WikidataId:
    """A Wikidata item (``Q…``) or property (``P…``) id.

    >>> WikidataId.parse("P577").is_property
    True
    """

    value: str = attrs.field(
        validator=_check_value("WikidataId", _WIKIDATA_RE, "a Wikidata id like 'Q42198'")
    )
    id_kind: ClassVar[str] = "wikidata"

    @classmethod
    def parse(cls, text: str) -> WikidataId:
        """Read a Wikidata id, upper-casing its letter; URLs' last segment is accepted."""
        if not isinstance(text, str):
            raise ParseError("Wikidata id", text, "a string like 'Q42198'")
        candidate = text.strip().rstrip("/").rsplit("/", 1)[-1].upper()
        if not _WIKIDATA_RE.fullmatch(candidate):
            raise ParseError("Wikidata id", text, "Q or P followed by digits, e.g. 'Q42198'")
        return cls(candidate)

    @property
    def is_property(self) -> bool:
        """True for a property id (``P…``)."""
        return self.value.startswith("P")

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"WikidataId({self.value!r})"
