"""MovieLens: ``movies.csv`` (``movieId,title,genres``: a title with its year in parentheses,
pipe-separated genres) and ``links.csv`` (``movieId,imdbId,tmdbId``: IMDb ids padded or not,
TMDb ids possibly missing or saved as floats).

Each film's id is its IMDb id when ``links.csv`` gives one (read first when both files are
in a folder), so that MovieLens films meet the same films of other data sets.  Claims: the
title (``title``, without the year suffix), the year (``release_date`` of year precision),
each genre (``genre``; ``(no genres listed)`` is no claim); the links become the film's
outside ids.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from filmlore.errors import Location, ParseError
from filmlore.importers._context import ImportContext
from filmlore.importers._files import read_rows
from filmlore.importers._ids import film_ref, read_imdb_id, read_number_id, where
from filmlore.importers._registry import Importer
from filmlore.models import ExternalIds, Film
from filmlore.values.dates import PartialDate
from filmlore.values.ids import ImdbId, MovieLensId, TmdbId
from filmlore.values.text import Text

__all__ = ["IMPORTER"]

_MOVIES = ("movieId", "title", "genres")
_LINKS = ("movieId", "imdbId", "tmdbId")
# "Heat (1995)", "Babylon 5 (1994-1998)", "Kein Bund für's Leben (2007) " -- the year last.
_TITLE_YEAR = re.compile(r"\s*(.*?)\s*\((\d{4})(?:[-–]\d{4})?\)\s*")
_NO_GENRES = "(no genres listed)"


def _header(path: Path) -> tuple[str, ...]:
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            return tuple(c.strip() for c in f.readline().strip().split(","))
    except OSError:
        return ()


def _files(path: Path) -> tuple[Path | None, Path | None]:
    if path.is_dir():
        movies, links = path / "movies.csv", path / "links.csv"
        return (movies if movies.exists() else None, links if links.exists() else None)
    head = _header(path)
    if head[:3] == _LINKS:
        return None, path
    return path, None


def recognises(path: Path) -> bool:
    """A ``movies.csv`` or ``links.csv`` with MovieLens's header, or a folder of them."""
    if path.is_dir():
        movies = path / "movies.csv"
        return movies.exists() and _header(movies)[:3] == _MOVIES
    return _header(path)[:3] in (_MOVIES, _LINKS)


def _links(path: Path, ctx: ImportContext) -> dict[str, tuple[ImdbId | None, TmdbId | None]]:
    label = ctx.label(path)
    found: dict[str, tuple[ImdbId | None, TmdbId | None]] = {}
    for row in read_rows(path, ctx):
        cells = row.cells
        imdb: ImdbId | None = None
        tmdb: TmdbId | None = None
        problems = []
        try:
            read_number_id(cells.get("movieId", ""))
        except ParseError as exc:
            problems.append(f"movieId: {exc}")
        for column in ("imdbId", "tmdbId"):
            text = cells.get(column, "").strip()
            if not text:
                continue
            try:
                if column == "imdbId":
                    imdb, note = read_imdb_id(text)
                else:
                    number, note = read_number_id(text)
                    tmdb = TmdbId(number)
            except ParseError as exc:
                problems.append(f"{column}: {exc}")
                continue
            if note is not None:
                ctx.note("spreadsheet ids", note, where(label, row.line, column)[1])
        if problems:
            ctx.reject(cells, Location(file=label, line=row.line), *problems)
            continue
        found[cells["movieId"].strip()] = (imdb, tmdb)
    return found


def read(path: Path, ctx: ImportContext, mapping: Any = None) -> Any:
    """Read a MovieLens folder, ``movies.csv`` or ``links.csv``."""
    movies, links_path = _files(path)
    ctx.dataset(
        "movielens",
        title="MovieLens",
        publisher="GroupLens",
        url="https://grouplens.org/datasets/movielens/",
        path=movies or links_path,
    )
    links = _links(links_path, ctx) if links_path is not None else {}
    if movies is None:
        for key, (imdb, tmdb) in links.items():
            ml = MovieLensId(int(key))
            ref = film_ref(imdb=imdb, tmdb=tmdb, movielens=ml)
            ctx.entity(
                Film(
                    id=ref,
                    title=Text(f"MovieLens {key}"),
                    ids=ExternalIds(imdb=imdb, tmdb=tmdb, movielens=ml),
                )
            )
            yield
        return
    label = ctx.label(movies)
    for row in read_rows(movies, ctx):
        cells = row.cells
        try:
            number, _ = read_number_id(cells["movieId"])
        except ParseError as exc:
            ctx.reject(cells, Location(file=label, line=row.line, path="$.movieId"), str(exc))
            yield
            continue
        raw_title = cells["title"]
        match = _TITLE_YEAR.fullmatch(raw_title)
        title = (match[1] if match else raw_title.strip()) or raw_title.strip()
        year = int(match[2]) if match else None
        if not title:
            ctx.reject(cells, Location(file=label, line=row.line, path="$.title"), "no title")
            yield
            continue
        ml = MovieLensId(number)
        imdb, tmdb = links.get(str(number), (None, None))
        ref = film_ref(imdb=imdb, tmdb=tmdb, movielens=ml)
        ctx.entity(
            Film(
                id=ref,
                title=Text(title),
                year=year,
                ids=ExternalIds(imdb=imdb, tmdb=tmdb, movielens=ml),
            )
        )
        locator = where(label, row.line, "title")[0]
        ctx.claim(ref, "title", Text(title), text=raw_title, locator=locator)
        if year is not None:
            ctx.claim(ref, "release_date", PartialDate(year=year), text=raw_title, locator=locator)
        genres = cells["genres"]
        if genres.strip() and genres.strip() != _NO_GENRES:
            genre_at = where(label, row.line, "genres")[0]
            for genre in genres.split("|"):
                if genre.strip():
                    ctx.claim(ref, "genre", genre.strip(), text=genres, locator=genre_at)
        yield


IMPORTER = Importer(
    name="movielens",
    description="MovieLens movies.csv and links.csv",
    read=read,
    recognises=recognises,
    folders=True,
)
