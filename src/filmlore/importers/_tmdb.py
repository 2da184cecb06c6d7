"""TMDb, in the three shapes users hold it:

* **The Movies Dataset** (Kaggle): ``movies_metadata.csv`` (lists and mappings written as
  Python reprs, ``runtime`` as a float), ``credits.csv``, ``keywords.csv``, and MovieLens's
  ``links.csv``;
* **TMDB 5000** (Kaggle): ``tmdb_5000_movies.csv`` and ``tmdb_5000_credits.csv`` (JSON in
  the cells);
* **TMDb API JSON**: movie details with ``credits`` (and ``keywords``, ``external_ids``)
  appended -- one movie, a list of movies, or JSON Lines of them.

Each file is known by its header (or, for JSON, its keys), alone or in a folder.  A folder
is read links first (to give films their IMDb ids), then the movies, keywords and credits
tables, then JSON; its other files are noted and left.  A film's id is its IMDb id when its
record or a link gives one (``film:tt0113277``), else its TMDb id (``film:tmdb-949``).
What each field becomes is in :mod:`._tmdb_claims` and the how-to (``import-tmdb``).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from filmlore.errors import LoadError, Location, Problem
from filmlore.importers._context import ImportContext
from filmlore.importers._files import decode_error, open_text, peek, read_rows, stem
from filmlore.importers._movielens import LINKS_HEADER, read_links
from filmlore.importers._registry import Importer
from filmlore.importers._tmdb_cells import Bad
from filmlore.importers._tmdb_claims import Links, claim_movie, film_entity, identify
from filmlore.importers._tmdb_movie import Fields, Place, read_movie
from filmlore.values.refs import EntityRef

__all__ = ["IMPORTER"]

_SAMPLE = 1 << 16
_MOVIES_DATASET = "the-movies-dataset"
_TMDB_5000 = "tmdb-5000"
_API = "tmdb-api"
_DATASETS = {
    _MOVIES_DATASET: {
        "key": "the-movies-dataset",
        "title": "The Movies Dataset",
        "publisher": "Kaggle (Rounak Banik)",
        "url": "https://www.kaggle.com/datasets/rounakbanik/the-movies-dataset",
        "description": "TMDb metadata, credits and keywords read from the TMDb API, with "
        "GroupLens's MovieLens links",
    },
    _TMDB_5000: {
        "key": "tmdb-5000",
        "title": "TMDB 5000 Movie Dataset",
        "publisher": "Kaggle (The Movie Database)",
        "url": "https://www.kaggle.com/datasets/tmdb/tmdb-movie-metadata",
        "description": "TMDb metadata and credits of about 5,000 films",
    },
    _API: {
        "key": "tmdb",
        "title": "The Movie Database (TMDb)",
        "publisher": "TMDb",
        "url": "https://www.themoviedb.org",
        "description": "movie details from the TMDb API",
    },
}
# The order a folder's files are read in.
_ORDER = {"links": 0, "movies": 1, "keywords": 2, "credits": 3, "json": 4}
_JSON_KEYS = (
    re.compile(r'"id"\s*:'),
    re.compile(r'"original_title"\s*:'),
    re.compile(r'"(?:vote_average|release_date|imdb_id)"\s*:'),
)


@attrs.frozen
class _File:
    path: Path
    flavour: str | None  # None for links, which serve any flavour
    table: str  # links, movies, keywords, credits, json


def _classify(path: Path) -> _File | None:
    """What a file is, told by its header or its first keys; None when not TMDb's."""
    sample = peek(path)
    head = sample.lstrip()
    if head[:1] in ("{", "["):
        if all(key.search(sample) for key in _JSON_KEYS):
            return _File(path, _API, "json")
        return None
    line = sample.split("\n", 1)[0].rstrip("\r")
    try:
        names = tuple(n.strip() for n in next(csv.reader([line])))
    except (csv.Error, StopIteration):
        return None
    have = set(names)
    if names[:3] == LINKS_HEADER:
        return _File(path, None, "links")
    if {"id", "title", "genres"} <= have and have & {"adult", "imdb_id"}:
        return _File(path, _MOVIES_DATASET, "movies")
    if {"id", "title", "genres", "keywords"} <= have:
        return _File(path, _TMDB_5000, "movies")
    if have == {"cast", "crew", "id"}:
        return _File(path, _MOVIES_DATASET, "credits")
    if {"movie_id", "cast", "crew"} <= have:
        return _File(path, _TMDB_5000, "credits")
    if have == {"id", "keywords"}:
        return _File(path, _MOVIES_DATASET, "keywords")
    return None


def _folder(path: Path) -> Iterator[Path]:
    return (p for p in sorted(path.iterdir()) if p.is_file() and not p.name.startswith("."))


def recognises(path: Path) -> bool:
    """A TMDb table or API JSON file, or a folder holding one (a ``links.csv`` alone is
    MovieLens's)."""
    if path.is_dir():
        return any(_is_tmdb(p) for p in _folder(path))
    return _is_tmdb(path)


def _is_tmdb(path: Path) -> bool:
    found = _classify(path)
    return found is not None and found.table != "links"


def _plan(path: Path, ctx: ImportContext) -> tuple[str, list[_File]]:
    """The files to read, in order, and the flavour they share."""
    if path.is_dir():
        found: list[_File] = []
        for p in _folder(path):
            file = _classify(p)
            if file is None:
                ctx.note(
                    "files left",
                    f"{p.name}: not a TMDb table or API JSON (told by its header): not read",
                    Location(file=ctx.label(p)),
                )
            else:
                found.append(file)
    else:
        file = _classify(path)
        if file is None and peek(path).lstrip()[:1] in ("{", "["):
            file = _File(path, _API, "json")  # asked for: JSON is read as the API's
        found = [file] if file is not None else []
    label = str(path)
    flavours = sorted({f.flavour for f in found if f.flavour is not None})
    if not flavours:
        what = "a TMDb table or API JSON file" if not path.is_dir() else "TMDb files"
        raise LoadError(
            [
                Problem(
                    message=(
                        f"expected {what}: The Movies Dataset's movies_metadata.csv, "
                        "credits.csv or keywords.csv, TMDB 5000's tmdb_5000_movies.csv or "
                        "tmdb_5000_credits.csv, or TMDb API JSON (told by the header or keys)"
                    ),
                    location=Location(file=path.name),
                )
            ],
            label,
        )
    if len(flavours) > 1:
        names = {_MOVIES_DATASET: "The Movies Dataset", _TMDB_5000: "TMDB 5000", _API: "API JSON"}
        raise LoadError(
            [
                Problem(
                    message=(
                        "the folder mixes "
                        + " and ".join(names[f] for f in flavours)
                        + " files: import each data set on its own (each is its own source)"
                    ),
                    location=Location(file=path.name),
                )
            ],
            label,
        )
    found.sort(key=lambda f: (_ORDER[f.table], f.path.name))
    return flavours[0], found


@attrs.define
class _State:
    links: Links = attrs.field(factory=Links)
    #: Each TMDb id read so far, and its film's id.
    films: dict[int, EntityRef] = attrs.field(factory=dict)


def read(path: Path, ctx: ImportContext, mapping: Any = None) -> Iterator[None]:
    """Read The Movies Dataset, TMDB 5000 or TMDb API JSON: a file or a folder."""
    flavour, files = _plan(path, ctx)
    main = next((f for f in files if f.table != "links"), files[0])
    ctx.dataset(path=main.path, **_DATASETS[flavour])
    state = _State()
    for file in files:
        if file.table == "links":
            _read_links(ctx, file.path, state.links)
            yield
        elif file.table == "json":
            yield from _read_json(ctx, file.path, state)
        else:
            yield from _read_table(ctx, file, state)
    links = [f for f in files if f.table == "links"]
    unused = len(state.links) - len(state.links.used)
    if links and unused:
        ctx.note(
            "links unused",
            f"{unused} of the {len(state.links)} TMDb ids linked in {links[0].path.name} name "
            "films no other file describes: they give nothing to claim",
            Location(file=ctx.label(links[0].path)),
        )


def _read_links(ctx: ImportContext, path: Path, links: Links) -> None:
    for movielens, (imdb, tmdb) in read_links(path, ctx).items():
        if tmdb is not None:
            links.add(int(movielens), imdb, tmdb.value)


def _reject(ctx: ImportContext, record: Any, place: Place, problems: list[Bad]) -> None:
    if len(problems) == 1:
        ctx.reject(record, place.location(problems[0].path), problems[0].message)
    else:
        messages = [f"{place.path(b.path)}: {b.message}" for b in problems]
        ctx.reject(record, place.location(), *messages)


def _movie(ctx: ImportContext, fields: Fields, place: Place, state: _State, table: str) -> bool:
    """Read one record; False when it was rejected."""
    movie, problems, notes = read_movie(fields, ctx, place, needs_title=table in ("movies", "json"))
    if movie is None:
        record = {k: v for k, (_, v) in fields.items()}
        _reject(ctx, record, place, problems)
        return False
    for kind, at, note in notes:
        ctx.note(kind, note, place.location(at))
    ref = state.films.get(movie.tmdb)
    if ref is None or table in ("movies", "json"):
        # A movie record names its film by its own ids; a keywords or credits row names
        # the film its TMDb id was given to first.
        ref, ids = identify(ctx, movie, state.links)
        state.films.setdefault(movie.tmdb, ref)
        film_entity(ctx, movie, ref, ids)
    claim_movie(ctx, movie, ref)
    return True


def _read_table(ctx: ImportContext, file: _File, state: _State) -> Iterator[None]:
    label = ctx.label(file.path)
    # A row repeated cell for cell (The Movies Dataset repeats some) is read once.
    seen: dict[str, tuple[int, int]] = {}
    for row in read_rows(file.path, ctx):
        place = Place(label, row.line)
        fields: dict[str, tuple[str, Any]] = {name: (name, c) for name, c in row.cells.items()}
        if "movie_id" in fields:
            fields["id"] = fields.pop("movie_id")
        key = fields.get("id", ("", ""))[1].strip()
        digest = hash(tuple(row.cells.values()))
        first = seen.get(key)
        if first is not None and first[1] == digest:
            ctx.note(
                "repeated rows",
                f"line {row.line} repeats line {first[0]} (TMDb id {key}) cell for cell: read once",
                place.location(),
            )
            yield
            continue
        if _movie(ctx, fields, place, state, file.table) and first is None:
            seen[key] = (row.line, digest)
        yield


def _api_fields(movie: dict[str, Any]) -> Fields:
    """An API movie's fields, with its appended credits, keywords and outside ids."""
    fields = {k: (k, v) for k, v in movie.items() if k not in ("credits", "keywords")}
    credits = movie.get("credits")
    if isinstance(credits, dict):
        for key in ("cast", "crew"):
            if key in credits:
                fields[key] = (f"credits.{key}", credits[key])
    elif credits is not None:
        fields["cast"] = ("credits", credits)
    keywords = movie.get("keywords")
    if isinstance(keywords, dict):
        fields["keywords"] = ("keywords.keywords", keywords.get("keywords"))
    elif keywords is not None:
        fields["keywords"] = ("keywords", keywords)
    outside = movie.get("external_ids")
    if isinstance(outside, dict):
        if outside.get("wikidata_id") is not None:
            fields["wikidata_id"] = ("external_ids.wikidata_id", outside["wikidata_id"])
        if movie.get("imdb_id") is None and outside.get("imdb_id") is not None:
            fields["imdb_id"] = ("external_ids.imdb_id", outside["imdb_id"])
    return fields


def _api_movie(ctx: ImportContext, value: Any, place: Place, state: _State) -> None:
    ctx.rows += 1
    if not isinstance(value, dict):
        ctx.reject(value, place.location(), f"expected a movie (a JSON object), got {value!r:.80}")
        return
    _movie(ctx, _api_fields(value), place, state, "json")


def _read_json(ctx: ImportContext, path: Path, state: _State) -> Iterator[None]:
    label = ctx.label(path)
    lines = stem(path).lower().endswith((".jsonl", ".ndjson"))
    with open_text(path, ctx) as f:
        if not lines:
            try:
                text = f.read()
            except UnicodeDecodeError:
                raise decode_error(path, label, 1, ctx.options.encoding) from None
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                if exc.msg != "Extra data":
                    ctx.rows += 1
                    where = Location(file=label, line=exc.lineno)
                    ctx.reject(None, where, f"not JSON: {exc.msg} (column {exc.colno})")
                    yield
                    return
                lines = True  # several documents: JSON Lines under another name
            else:
                if isinstance(data, list):
                    for i, value in enumerate(data):
                        _api_movie(ctx, value, Place(label, None, f"$[{i}]"), state)
                        yield
                else:
                    _api_movie(ctx, data, Place(label), state)
                    yield
                return
            source: Iterator[str] = iter(text.splitlines())
        else:
            source = iter(f)
        number = 0
        while True:
            try:
                line = next(source)
            except StopIteration:
                break
            except UnicodeDecodeError:
                raise decode_error(path, label, number + 1, ctx.options.encoding) from None
            number += 1
            if not line.strip():
                continue
            place = Place(label, number)
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                ctx.rows += 1
                ctx.reject(line, place.location(), f"not JSON: {exc.msg} (column {exc.colno})")
                yield
                continue
            _api_movie(ctx, value, place, state)
            yield


IMPORTER = Importer(
    name="tmdb",
    description="TMDb: The Movies Dataset, TMDB 5000 and TMDb API JSON",
    read=read,
    recognises=recognises,
    folders=True,
)
