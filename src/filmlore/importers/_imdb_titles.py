"""The readers of IMDb's files about titles and names (all but ``title.principals``).

Each reader streams its file a row at a time (``yield`` after each row) and keeps nothing
of a row once it is read.  See :mod:`filmlore.importers._imdb` for what each column becomes.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from filmlore.errors import Location
from filmlore.importers._context import ImportContext
from filmlore.importers._files import read_rows
from filmlore.importers._imdb_cells import (
    ABSENT,
    Problems,
    Refs,
    read_count,
    read_flag,
    read_list,
    read_year,
    reject,
    text_of,
)
from filmlore.models import ExternalIds, Film, Person, Qualifier
from filmlore.values.ids import ImdbId
from filmlore.values.quantities import Duration, Quantity
from filmlore.values.text import Text

__all__ = ["read_akas", "read_basics", "read_crew", "read_episodes", "read_names", "read_ratings"]

_RATING = re.compile(r"(?:10|[0-9])(?:\.[0-9])?").fullmatch
#: The qualifier of every IMDb rating: its scale.
_SCALE = (Qualifier(key="scale", value="10"),)
# IMDb separates the items of an array cell (an aka's types or attributes) with U+0002.
_ITEMS = "\x02"


def _rows(path: Path, ctx: ImportContext) -> Iterator[tuple[int, dict[str, str]]]:
    for row in read_rows(path, ctx, delimiter="\t", quoting=csv.QUOTE_NONE):
        yield row.line, row.cells


def _absent(text: str) -> bool:
    return text == ABSENT or not text.strip()


def read_basics(path: Path, ctx: ImportContext) -> Iterator[None]:
    """``title.basics``: a :class:`~filmlore.Film` per title, and its title, original
    title, type, start year, runtime and genres as claims."""
    label = ctx.label(path)
    refs = Refs(ctx, label)
    claim = ctx.claim
    at = f"{label}:"
    for line, cells in _rows(path, ctx):
        problems: Problems = []
        film = refs.film(cells["tconst"], "tconst", line, problems)
        primary = cells["primaryTitle"]
        if _absent(primary):
            problems.append(("primaryTitle", "no title: every IMDb title has a primaryTitle"))
        start = read_year(cells["startYear"], "startYear", problems)
        read_year(cells["endYear"], "endYear", problems)
        minutes = read_count(cells["runtimeMinutes"], "runtimeMinutes", problems, "a runtime")
        read_flag(cells["isAdult"], "isAdult", problems)
        if problems or film is None:
            reject(ctx, cells, label, line, problems)
            yield
            continue
        title, note = text_of(ctx, primary, label, line, "primaryTitle")
        if ctx.columns is None:
            ctx.entity(
                Film(
                    id=film,
                    title=Text(title),
                    year=None if start is None else start.year,
                    ids=ExternalIds(imdb=ImdbId(film.key)),
                )
            )
        here = f"{at}{line}$."
        claim(film, "title", Text(title), text=primary, locator=here + "primaryTitle", note=note)
        original = cells["originalTitle"]
        if not _absent(original) and original != primary:
            fixed, note = text_of(ctx, original, label, line, "originalTitle")
            claim(
                film,
                "original_title",
                Text(fixed),
                text=original,
                locator=here + "originalTitle",
                note=note,
            )
        kind = cells["titleType"]
        if not _absent(kind):
            claim(film, "work_type", Text(kind), text=kind, locator=here + "titleType")
        if start is not None:
            text = cells["startYear"]
            claim(film, "release_date", start, text=text, locator=here + "startYear")
        if minutes is not None:
            claim(
                film,
                "duration",
                Duration(amount=minutes, unit="min"),
                text=cells["runtimeMinutes"],
                locator=here + "runtimeMinutes",
            )
        genres = cells["genres"]
        for genre in read_list(genres):
            claim(film, "genre", Text(genre), text=genres, locator=here + "genres")
        yield


def read_akas(path: Path, ctx: ImportContext) -> Iterator[None]:
    """``title.akas``: each title a work is known by, as an ``alternative_title`` (the
    original title, when the row says it is, as ``original_title``) qualified with its
    region, language, kind (IMDb's types) and attributes."""
    label = ctx.label(path)
    refs = Refs(ctx, label)
    at = f"{label}:"
    for line, cells in _rows(path, ctx):
        problems: Problems = []
        film = refs.film(cells["titleId"], "titleId", line, problems)
        read_count(cells["ordering"], "ordering", problems)
        original = read_flag(cells["isOriginalTitle"], "isOriginalTitle", problems)
        written = cells["title"]
        if _absent(written):
            problems.append(("title", "no title: an aka row names a title"))
        if problems or film is None:
            reject(ctx, cells, label, line, problems)
            yield
            continue
        title, note = text_of(ctx, written, label, line, "title")
        qualifiers = []
        for key, column in (
            ("region", "region"),
            ("language", "language"),
            ("kind", "types"),
            ("attributes", "attributes"),
        ):
            value = cells[column]
            if not _absent(value):
                items = [v for v in value.split(_ITEMS) if v.strip()]
                if items:
                    qualifiers.append(Qualifier(key=key, value=", ".join(items)))
        ctx.claim(
            film,
            "original_title" if original else "alternative_title",
            Text(title),
            text=written,
            locator=f"{at}{line}$.title",
            qualifiers=qualifiers,
            note=note,
        )
        yield


def read_ratings(path: Path, ctx: ImportContext) -> Iterator[None]:
    """``title.ratings``: the average rating (``user_rating``, a quantity qualified with
    ``scale=10``) and the number of votes (``vote_count``)."""
    label = ctx.label(path)
    refs = Refs(ctx, label)
    at = f"{label}:"
    for line, cells in _rows(path, ctx):
        problems: Problems = []
        film = refs.film(cells["tconst"], "tconst", line, problems)
        rating = cells["averageRating"]
        if not _absent(rating) and not _RATING(rating):
            problems.append(
                (
                    "averageRating",
                    f"cannot read {rating!r} as a rating: expected a number from 0 to 10 "
                    "such as 7.5",
                )
            )
        votes = read_count(cells["numVotes"], "numVotes", problems, "a number of votes")
        if problems or film is None:
            reject(ctx, cells, label, line, problems)
            yield
            continue
        here = f"{at}{line}$."
        if not _absent(rating):
            ctx.claim(
                film,
                "user_rating",
                Quantity(amount=Decimal(rating)),
                text=rating,
                locator=here + "averageRating",
                qualifiers=_SCALE,
            )
        if votes is not None:
            ctx.claim(film, "vote_count", votes, text=cells["numVotes"], locator=here + "numVotes")
        yield


def read_episodes(path: Path, ctx: ImportContext) -> Iterator[None]:
    """``title.episode``: the series an episode is part of (``part_of_series``), its season
    and its number in the season."""
    label = ctx.label(path)
    refs = Refs(ctx, label)
    parents = Refs(ctx, label)
    at = f"{label}:"
    for line, cells in _rows(path, ctx):
        problems: Problems = []
        film = refs.film(cells["tconst"], "tconst", line, problems)
        series = parents.film(cells["parentTconst"], "parentTconst", line, problems)
        season = read_count(cells["seasonNumber"], "seasonNumber", problems, "a season number")
        number = read_count(cells["episodeNumber"], "episodeNumber", problems, "an episode number")
        if problems or film is None or series is None:
            reject(ctx, cells, label, line, problems)
            yield
            continue
        here = f"{at}{line}$."
        ctx.claim(
            film,
            "part_of_series",
            series,
            text=cells["parentTconst"],
            locator=here + "parentTconst",
        )
        if season is not None:
            ctx.claim(
                film,
                "season_number",
                season,
                text=cells["seasonNumber"],
                locator=here + "seasonNumber",
            )
        if number is not None:
            ctx.claim(
                film,
                "episode_number",
                number,
                text=cells["episodeNumber"],
                locator=here + "episodeNumber",
            )
        yield


def read_crew(path: Path, ctx: ImportContext) -> Iterator[None]:
    """``title.crew``: a ``director`` claim per director and a ``screenwriter`` claim per
    writer (IMDb's writing credits: the author of a novel it is based on included)."""
    label = ctx.label(path)
    refs = Refs(ctx, label)
    at = f"{label}:"
    for line, cells in _rows(path, ctx):
        problems: Problems = []
        film = refs.film(cells["tconst"], "tconst", line, problems)
        people = []
        for column, prop in (("directors", "director"), ("writers", "screenwriter")):
            for key in read_list(cells[column]):
                person = refs.person(key, column, line, problems)
                if person is not None:
                    people.append((column, prop, person))
        if problems or film is None:
            reject(ctx, cells, label, line, problems)
            yield
            continue
        here = f"{at}{line}$."
        for column, prop, person in people:
            ctx.claim(film, prop, person, text=cells[column], locator=here + column)
        yield


def read_names(path: Path, ctx: ImportContext) -> Iterator[None]:
    """``name.basics``: a :class:`~filmlore.Person` per name, and their name, birth and
    death years, professions (``occupation``) and the titles they are known for
    (``known_for``) as claims."""
    label = ctx.label(path)
    refs = Refs(ctx, label)
    titles = Refs(ctx, label)
    at = f"{label}:"
    for line, cells in _rows(path, ctx):
        problems: Problems = []
        person = refs.person(cells["nconst"], "nconst", line, problems)
        written = cells["primaryName"]
        if _absent(written):
            problems.append(("primaryName", "no name: every IMDb name has a primaryName"))
        born = read_year(cells["birthYear"], "birthYear", problems)
        died = read_year(cells["deathYear"], "deathYear", problems)
        known = cells["knownForTitles"]
        films = [titles.film(key, "knownForTitles", line, problems) for key in read_list(known)]
        if problems or person is None:
            reject(ctx, cells, label, line, problems)
            yield
            continue
        name, note = text_of(ctx, written, label, line, "primaryName")
        if ctx.columns is None:
            dated = (
                born is None
                or died is None
                or born.year is None
                or died.year is None
                or died.year >= born.year
            )
            if not dated:
                ctx.note(
                    "death before birth",
                    f"{person} died ({died}) before being born ({born}): both years are "
                    "claims, the person has neither",
                    Location(file=label, line=line),
                )
            ctx.entity(
                Person(
                    id=person,
                    name=name,
                    ids=ExternalIds(imdb=ImdbId(person.key)),
                    born=born if dated else None,
                    died=died if dated else None,
                )
            )
        here = f"{at}{line}$."
        ctx.claim(person, "name", Text(name), text=written, locator=here + "primaryName", note=note)
        if born is not None:
            ctx.claim(
                person, "date_of_birth", born, text=cells["birthYear"], locator=here + "birthYear"
            )
        if died is not None:
            ctx.claim(
                person, "date_of_death", died, text=cells["deathYear"], locator=here + "deathYear"
            )
        professions = cells["primaryProfession"]
        for job in read_list(professions):
            ctx.claim(
                person,
                "occupation",
                Text(job),
                text=professions,
                locator=here + "primaryProfession",
            )
        for film in films:
            if film is not None:
                ctx.claim(person, "known_for", film, text=known, locator=here + "knownForTitles")
        yield
