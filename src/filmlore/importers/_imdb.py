"""IMDb's non-commercial datasets: ``name.basics``, ``title.basics``, ``title.akas``,
``title.crew``, ``title.episode``, ``title.principals`` and ``title.ratings``, as ``.tsv`` or
compressed ``.tsv.gz``, from a folder or one file at a time.

Each file is told by its header (not its name).  A folder's files are read people first,
then titles, then what refers to them (``name.basics``, ``title.basics``, ``title.akas``,
``title.episode``, ``title.crew``, ``title.principals``, ``title.ratings``), each streamed a
row at a time.  IMDb writes no quotes (a title may hold a bare ``"``) and ``\\N`` for an
absent value.

What comes out (every claim credited to the source ``source:imdb``, its excerpt the cell as
written, its locator ``file:line$.column``):

* ``title.basics``: a :class:`~filmlore.Film` per title of any type (``film:tt0113277``,
  with its primary title, start year and IMDb id) and the claims ``title``,
  ``original_title`` (when it differs), ``work_type`` (IMDb's title type), ``release_date``
  (the start year, a year-precision date), ``duration`` (minutes) and ``genre`` per genre;
* ``title.akas``: ``alternative_title`` per row (``original_title`` when the row says it is
  the original) qualified with ``region``, ``language``, ``kind`` (IMDb's types) and
  ``attributes``;
* ``title.principals``: a :class:`~filmlore.Credit` per row, a
  :class:`~filmlore.Character` per character named, and ``cast_member`` (qualified with
  ``character_role``) or the crew property of its category;
* ``title.crew``: ``director`` and ``screenwriter`` per person listed;
* ``title.episode``: ``part_of_series``, ``season_number``, ``episode_number``;
* ``title.ratings``: ``user_rating`` (qualified ``scale=10``) and ``vote_count``;
* ``name.basics``: a :class:`~filmlore.Person` per name (``person:nm0000199``, with the
  name, birth and death years and IMDb id) and the claims ``name``, ``date_of_birth``,
  ``date_of_death``, ``occupation`` per profession and ``known_for`` per title.

A row with a cell that cannot be read is set aside whole, with every reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from filmlore.errors import LoadError, Location, Problem
from filmlore.importers._context import ImportContext
from filmlore.importers._files import peek
from filmlore.importers._imdb_principals import read_principals
from filmlore.importers._imdb_titles import (
    read_akas,
    read_basics,
    read_crew,
    read_episodes,
    read_names,
    read_ratings,
)
from filmlore.importers._registry import Importer

__all__ = ["FILES", "IMPORTER", "kind_of"]

Reader = Callable[[Path, ImportContext], Iterator[None]]

#: Each of IMDb's files, in the order a folder is read: its header, and its reader.
FILES: dict[str, tuple[tuple[str, ...], Reader]] = {
    "name.basics": (
        ("nconst", "primaryName", "birthYear", "deathYear", "primaryProfession", "knownForTitles"),
        read_names,
    ),
    "title.basics": (
        (
            "tconst",
            "titleType",
            "primaryTitle",
            "originalTitle",
            "isAdult",
            "startYear",
            "endYear",
            "runtimeMinutes",
            "genres",
        ),
        read_basics,
    ),
    "title.akas": (
        (
            "titleId",
            "ordering",
            "title",
            "region",
            "language",
            "types",
            "attributes",
            "isOriginalTitle",
        ),
        read_akas,
    ),
    "title.episode": (("tconst", "parentTconst", "seasonNumber", "episodeNumber"), read_episodes),
    "title.crew": (("tconst", "directors", "writers"), read_crew),
    "title.principals": (
        ("tconst", "ordering", "nconst", "category", "job", "characters"),
        read_principals,
    ),
    "title.ratings": (("tconst", "averageRating", "numVotes"), read_ratings),
}
_BY_HEADER = {header: name for name, (header, _) in FILES.items()}
_ORDER = {name: i for i, name in enumerate(FILES)}
_PEEK = 1 << 12


def _header(path: Path) -> tuple[str, ...]:
    """The first line of a file, decompressed, split at tabs; empty when unreadable."""
    first = peek(path, _PEEK).split("\n", 1)[0].rstrip("\r")
    return tuple(cell.strip() for cell in first.split("\t")) if first else ()


def kind_of(path: Path) -> str | None:
    """Which of IMDb's files ``path`` is (``title.basics`` …), told by its header."""
    if not path.is_file():
        return None
    return _BY_HEADER.get(_header(path))


def recognises(path: Path) -> bool:
    """A file with the header of one of IMDb's files, or a folder holding one."""
    if path.is_dir():
        try:
            return any(kind_of(p) is not None for p in path.iterdir())
        except OSError:
            return False
    return kind_of(path) is not None


def _expected() -> str:
    return "; ".join(f"{name}: {' '.join(header)}" for name, (header, _) in FILES.items())


def _files(path: Path, ctx: ImportContext) -> list[tuple[str, Path]]:
    """The IMDb files of ``path`` (a file, or a folder's), in the order they are read.  In
    a folder, other files are left alone (a README, an ORIGIN.md), but a file named like
    IMDb's (``title.*``, ``name.*``) whose header is none of theirs is a rejected input."""
    label = path.name
    if not path.is_dir():
        kind = kind_of(path)
        if kind is None:
            head = "\t".join(_header(path))
            message = (
                f"not one of IMDb's dataset files: its header is {head!r}; "
                f"expected the header of one of them, tab-separated ({_expected()})"
            )
            raise LoadError([Problem(message=message, location=Location(file=label))], label)
        return [(kind, path)]
    found: list[tuple[str, Path]] = []
    for child in sorted(path.iterdir()):
        kind = kind_of(child)
        if kind is not None:
            found.append((kind, child))
        elif child.is_file() and child.name.startswith(("title.", "name.")):
            # Named as IMDb names its files, but not one of them: set aside, not ignored.
            head = "\t".join(_header(child))
            ctx.reject(
                None,
                Location(file=child.name, line=1),
                f"not read: named like IMDb's files, but its header is {head!r}; expected "
                f"the header of one of them, tab-separated ({_expected()})",
            )
    if not found:
        message = (
            "no IMDb dataset file in the folder: expected files with the header of one of "
            f"them, tab-separated ({_expected()})"
        )
        raise LoadError([Problem(message=message, location=Location(file=label))], label)
    found.sort(key=lambda item: (_ORDER[item[0]], item[1].name))
    return found


def read(path: Path, ctx: ImportContext, mapping: Any = None) -> Iterator[None]:
    """Read an IMDb folder or file into ``ctx``, a step a row."""
    files = _files(path, ctx)
    ctx.dataset(
        "imdb",
        title="IMDb non-commercial datasets",
        publisher="IMDb",
        url="https://developer.imdb.com/non-commercial-datasets/",
        path=files[0][1],
    )
    for kind, file in files:
        yield from FILES[kind][1](file, ctx)


IMPORTER = Importer(
    name="imdb",
    description="IMDb's non-commercial dataset TSVs (title.*, name.basics), .tsv or .tsv.gz",
    read=read,
    recognises=recognises,
    folders=True,
)
