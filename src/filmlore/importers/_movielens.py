"""MovieLens: ``movies.csv`` (``movieId,title,genres``: a title with its year in parentheses,
pipe-separated genres) and ``links.csv`` (``movieId,imdbId,tmdbId``: IMDb ids padded or not,
TMDb ids possibly missing or saved as floats).

Each film's id is its IMDb id when ``links.csv`` gives one (read first when both files are
in a folder), so that MovieLens films meet the same films of other data sets.  Claims: the
title (``title``, without the year suffix), the year (``release_date`` of year precision),
each genre (``genre``; ``(no genres listed)`` is no claim); the links become the film's
outside ids.

A MovieLens title follows two conventions, read openly: a leading article is written last
(``American President, The (1995)`` is *The American President*; the claim's note says
so), and other titles follow in parentheses (``Seven (a.k.a. Se7en) (1995)``,
``Shanghai Triad (Yao a yao yao dao waipo qiao) (1995)``): each is an
``alternative_title`` claim.  Every excerpt keeps the title as written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from filmlore.errors import Location, ParseError
from filmlore.importers._context import ImportContext
from filmlore.importers._files import Row, peek, read_rows
from filmlore.importers._ids import film_ref, read_imdb_id, read_number_id, where
from filmlore.importers._registry import Importer
from filmlore.models import ExternalIds, Film
from filmlore.values.dates import PartialDate
from filmlore.values.ids import ImdbId, MovieLensId, TmdbId
from filmlore.values.text import Text

__all__ = ["IMPORTER", "LINKS_HEADER", "read_links", "read_title"]

_MOVIES = ("movieId", "title", "genres")
#: The header of a MovieLens ``links.csv`` (The Movies Dataset ships one too).
LINKS_HEADER = ("movieId", "imdbId", "tmdbId")
# "Heat (1995)", "Babylon 5 (1994-1998)", "Kein Bund für's Leben (2007) " -- the year last.
_TITLE_YEAR = re.compile(r"\s*(.*?)\s*\((\d{4})(?:[-–]\d{4})?\)\s*")
_NO_GENRES = "(no genres listed)"
# A leading article MovieLens writes after a comma at the end: "Usual Suspects, The".
_ARTICLE = re.compile(
    r"(?P<rest>.+?),\s+(?P<article>The|A|An|La|Le|Les|L'|El|Il|Lo|Los|Las|I|Gli|Un|Une|"
    r"Der|Die|Das|Den|Det|De|Het)"
)
_AKA = re.compile(r"(?:a\.k\.a\.|aka)\s+(?P<title>.+)", re.IGNORECASE)


def _header(path: Path) -> tuple[str, ...]:
    first = peek(path, 1 << 12).split("\n", 1)[0].strip()
    return tuple(c.strip() for c in first.split(",")) if first else ()


def _files(path: Path) -> tuple[Path | None, Path | None]:
    if path.is_dir():
        movies, links = path / "movies.csv", path / "links.csv"
        return (movies if movies.exists() else None, links if links.exists() else None)
    head = _header(path)
    if head[:3] == LINKS_HEADER:
        return None, path
    return path, None


def recognises(path: Path) -> bool:
    """A ``movies.csv`` or ``links.csv`` with MovieLens's header, or a folder of them."""
    if path.is_dir():
        movies = path / "movies.csv"
        return movies.exists() and _header(movies)[:3] == _MOVIES
    return _header(path)[:3] in (_MOVIES, LINKS_HEADER)


def read_links(
    path: Path, ctx: ImportContext, rows: dict[str, Row] | None = None
) -> dict[str, tuple[ImdbId | None, TmdbId | None]]:
    """A ``links.csv``: each movieId's IMDb and TMDb ids (either may be missing).  A row
    with an id that cannot be read is rejected; an id saved as a float is read and noted.
    ``rows``, when given, receives each movieId's row as written."""
    label = ctx.label(path)
    found: dict[str, tuple[ImdbId | None, TmdbId | None]] = {}
    for row in read_rows(path, ctx):
        cells = row.cells
        imdb: ImdbId | None = None
        tmdb: TmdbId | None = None
        problems = []
        movie = None
        try:
            movie, note = read_number_id(cells.get("movieId", ""))
            if note is not None:
                ctx.note("spreadsheet ids", note, where(label, row.line, "movieId")[1])
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
        if problems or movie is None:
            ctx.reject(cells, Location(file=label, line=row.line), *problems)
            continue
        found[str(movie)] = (imdb, tmdb)
        if rows is not None:
            rows[str(movie)] = row
    return found


def _front(title: str) -> tuple[str, bool]:
    """``title`` with a trailing article put back in front (``Usual Suspects, The`` →
    ``The Usual Suspects``), and whether it was moved."""
    match = _ARTICLE.fullmatch(title)
    if match is None:
        return title, False
    article = match["article"]
    joint = "" if article.endswith("'") else " "
    return f"{article}{joint}{match['rest']}", True


def _peel(body: str) -> tuple[str, list[str]]:
    """A title's trailing parenthesised groups, split off: ``Seven (a.k.a. Se7en)`` →
    ``Seven``, [``a.k.a. Se7en``].  A group must stand apart (a space before it) and leave a
    title before it, so ``Frontière(s)`` and ``(500) Days of Summer`` stay whole."""
    groups: list[str] = []
    while body.endswith(")"):
        depth = 0
        start = -1
        for i in range(len(body) - 1, -1, -1):
            if body[i] == ")":
                depth += 1
            elif body[i] == "(":
                depth -= 1
                if depth == 0:
                    start = i
                    break
        if start <= 0 or not body[start - 1].isspace():
            break
        inside = body[start + 1 : -1].strip()
        head = body[:start].rstrip()
        if not inside or not head:
            break
        groups.insert(0, inside)
        body = head
    return body, groups


def read_title(written: str) -> tuple[str, int | None, list[str], list[str]]:
    """A MovieLens title as written, read: the title, the year (None when not given), its
    alternative titles, and what was read by convention (for the claim's note).

    >>> read_title("American President, The (1995)")[:3]
    ('The American President', 1995, [])
    >>> read_title("Léon: The Professional (a.k.a. The Professional) (Léon) (1994)")[:3]
    ('Léon: The Professional', 1994, ['The Professional', 'Léon'])
    """
    match = _TITLE_YEAR.fullmatch(written)
    body = match[1] if match else written.strip()
    year = int(match[2]) if match else None
    main, groups = _peel(body)
    said = []
    title, moved = _front(main)
    if moved:
        said.append(f"the article written last in {main!r} is read in front: {title!r}")
    others = []
    for group in groups:
        aka = _AKA.fullmatch(group)
        other, moved = _front(aka["title"].strip() if aka else group)
        others.append(other)
    if others:
        said.append("the titles in parentheses are read as alternative titles")
    return title, year, others, said


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
    written: dict[str, Row] = {}
    links = read_links(links_path, ctx, written) if links_path is not None else {}
    if movies is None and links_path is not None:
        # links.csv alone says which ids name one film, and nothing else: no title to make
        # a Film of, so each id is a claim about the film its strongest id names.
        label = ctx.label(links_path)
        for key, (imdb, tmdb) in links.items():
            row = written[key]
            ref = film_ref(imdb=imdb, tmdb=tmdb, movielens=MovieLensId(int(key)))
            for prop, column, value in (
                ("movielens_id", "movieId", key),
                ("imdb_id", "imdbId", None if imdb is None else imdb.value),
                ("tmdb_id", "tmdbId", None if tmdb is None else str(tmdb.value)),
            ):
                if value is not None:
                    ctx.claim(
                        ref,
                        prop,
                        Text(value),
                        text=row.cells[column],
                        locator=where(label, row.line, column)[0],
                    )
            yield
        return
    if movies is None:
        return
    label = ctx.label(movies)
    used = 0
    for row in read_rows(movies, ctx):
        cells = row.cells
        try:
            number, note = read_number_id(cells["movieId"])
        except ParseError as exc:
            ctx.reject(cells, Location(file=label, line=row.line, path="$.movieId"), str(exc))
            yield
            continue
        if note is not None:
            ctx.note("spreadsheet ids", note, where(label, row.line, "movieId")[1])
        raw_title = cells["title"]
        title, year, others, said = read_title(raw_title)
        if not title.strip():
            ctx.reject(cells, Location(file=label, line=row.line, path="$.title"), "no title")
            yield
            continue
        ml = MovieLensId(number)
        linked = links.get(str(number))
        used += linked is not None
        imdb, tmdb = linked or (None, None)
        ref = film_ref(imdb=imdb, tmdb=tmdb, movielens=ml)
        if ctx.columns is None:
            ctx.entity(
                Film(
                    id=ref,
                    title=Text(title),
                    year=year,
                    ids=ExternalIds(imdb=imdb, tmdb=tmdb, movielens=ml),
                )
            )
        locator = where(label, row.line, "title")[0]
        note = "; ".join(said) if said else None
        ctx.claim(ref, "title", Text(title), text=raw_title, locator=locator, note=note)
        for other in others:
            ctx.claim(
                ref,
                "alternative_title",
                Text(other),
                text=raw_title,
                locator=locator,
                note="a title in parentheses after the MovieLens title",
            )
        if year is not None:
            ctx.claim(ref, "release_date", PartialDate(year=year), text=raw_title, locator=locator)
        genres = cells["genres"]
        if genres.strip() and genres.strip() != _NO_GENRES:
            genre_at = where(label, row.line, "genres")[0]
            for genre in genres.split("|"):
                if genre.strip():
                    ctx.claim(ref, "genre", genre.strip(), text=genres, locator=genre_at)
        yield
    if links_path is not None and len(links) > used:
        ctx.note(
            "links unused",
            f"{len(links) - used} row(s) of links.csv name a movieId that movies.csv does not "
            "have: they give nothing to claim",
            Location(file=ctx.label(links_path)),
        )


IMPORTER = Importer(
    name="movielens",
    description="MovieLens movies.csv and links.csv",
    read=read,
    recognises=recognises,
    folders=True,
)
