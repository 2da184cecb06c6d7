"""Entity ids for imported records, made the same way by every importer.

A film or person gets the strongest outside id it has as its key, so that the same film
read from two databases has the same id whenever they share that id: an IMDb id
(``film:tt0113277``, ``person:nm0000199``), else a Wikidata id (``film:Q42198``), else a TMDb id
(``film:tmdb-949``, ``person:tmdb-1158``), else a MovieLens id (``film:movielens-6``), else the
title and year or the name as a slug (``film:heat-1995``, ``person:michael-mann``).
:func:`filmlore.match` then joins records of one film that no shared id linked.
"""

from __future__ import annotations

import re
from typing import Literal

from filmlore.errors import Location, ParseError
from filmlore.values.ids import ImdbId, MovieLensId, TmdbId, WikidataId
from filmlore.values.refs import EntityRef, slug

__all__ = ["film_ref", "person_ref", "read_imdb_id", "read_number_id", "slug"]

# A whole number a spreadsheet saved as a float: 113277.0
_EXCEL_NUMBER = re.compile(r"\s*([0-9]+)\.0+\s*")


def film_ref(
    *,
    imdb: ImdbId | None = None,
    wikidata: WikidataId | None = None,
    tmdb: TmdbId | None = None,
    movielens: MovieLensId | None = None,
    title: str | None = None,
    year: int | None = None,
) -> EntityRef:
    """A film's id from the strongest id it has (see the module's docs)."""
    if imdb is not None:
        return EntityRef("film", imdb.value)
    if wikidata is not None:
        return EntityRef("film", wikidata.value)
    if tmdb is not None:
        return EntityRef("film", f"tmdb-{tmdb.value}")
    if movielens is not None:
        return EntityRef("film", f"movielens-{movielens.value}")
    if title is None:
        raise ValueError("a film needs an id or a title")
    return EntityRef("film", slug(title) + (f"-{year}" if year is not None else ""))


def person_ref(
    *,
    imdb: ImdbId | None = None,
    wikidata: WikidataId | None = None,
    tmdb: int | None = None,
    name: str | None = None,
) -> EntityRef:
    """A person's id from the strongest id they have (see the module's docs)."""
    if imdb is not None:
        return EntityRef("person", imdb.value)
    if wikidata is not None:
        return EntityRef("person", wikidata.value)
    if tmdb is not None:
        return EntityRef("person", f"tmdb-{tmdb}")
    if name is None:
        raise ValueError("a person needs an id or a name")
    return EntityRef("person", slug(name))


def read_number_id(text: str) -> tuple[int, str | None]:
    """A positive whole-number id as written, and a note when a spreadsheet had saved it as
    a float (``113277.0``, read as 113277).  Raises ParseError for anything else."""
    stripped = text.strip()
    if stripped.isdigit() and stripped.isascii():
        number, note = int(stripped), None
    else:
        match = _EXCEL_NUMBER.fullmatch(text)
        if match is None:
            raise ParseError("id", text, "a positive whole number")
        number = int(match[1])
        note = f"id written as a spreadsheet number {stripped!r}: read as {number}"
    if number <= 0:
        raise ParseError("id", text, "a positive whole number")
    return number, note


def read_imdb_id(text: str, kind: Literal["title", "name"] = "title") -> tuple[ImdbId, str | None]:
    """An IMDb id written as ``tt0113277``, ``0113277``, ``113277`` or a spreadsheet's
    ``113277.0``, and a note when it was the last."""
    stripped = text.strip()
    if stripped[:2].lower() in ("tt", "nm"):
        return ImdbId.parse(stripped), None
    number, note = read_number_id(text)
    return ImdbId.parse(number, kind=kind), note


def where(file: str, line: int, column: str | None = None) -> tuple[str, Location]:
    """A row's (or a cell's) locator, ``file:line`` or ``file:line$.column``, and its
    :class:`~filmlore.Location`."""
    path = f"$.{column}" if column else "$"
    locator = f"{file}:{line}" if column is None else f"{file}:{line}$.{column}"
    return locator, Location(file=file, line=line, path=path)
