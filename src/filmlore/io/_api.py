"""``load``, ``loads``, ``iter_load``, ``dump`` and ``dumps``."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Literal, Union, overload

from filmlore._bulk import bulk
from filmlore.dossier import Dossier, DossierOrigin
from filmlore.importers import IMPORTERS, ImportOptions, import_path, iter_import, recognise
from filmlore.importers._options import OptionError
from filmlore.io._csv import dumps_csv, dumps_sources_csv, read_csv, read_sources_csv
from filmlore.io._folder import dump_folder, read_folder
from filmlore.io._json import dumps_json, dumps_line, read_json, read_jsonl
from filmlore.io._memo import forget_printed
from filmlore.io._reader import MODEL_COLLECTION, Collector
from filmlore.io._result import LoadResult, Rejected
from filmlore.io._toml import dumps_toml, read_toml
from filmlore.io._writer import as_dossier, dossier_data, jsonl_records
from filmlore.io._yaml import dumps_yaml, read_yaml
from filmlore.models import Claim, Entity, HierarchyLink, Source
from filmlore.properties import Property
from filmlore.values.dates import DateOrder
from filmlore.values.kinds import ValueKind

__all__ = ["FORMATS", "OWN_FORMATS", "dump", "dumps", "format_of", "iter_load", "load", "loads"]

Format = Literal[
    "json",
    "jsonl",
    "yaml",
    "toml",
    "csv",
    "folder",
    "imdb",
    "tmdb",
    "movielens",
    "wikidata",
    "jsonld",
    "table",
]
#: filmlore's own formats, which it reads and writes.
OWN_FORMATS: tuple[str, ...] = ("json", "jsonl", "yaml", "toml", "csv", "folder")
#: Every format, by name: filmlore's own, then the importers'.
FORMATS: tuple[str, ...] = OWN_FORMATS + tuple(IMPORTERS)
_SUFFIXES = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".toml": "toml",
    ".csv": "csv",
}
PathLike = Union[str, "os.PathLike[str]"]
Kinds = Mapping[str, str | ValueKind]
#: A table mapping: a :class:`~filmlore.TableMapping`, its mapping form, or a YAML file.
TableMappingLike = Any
#: A sources table: a path or an open file (or, for :func:`loads`, its text).
SourcesTable = PathLike | IO[str] | IO[bytes]
#: The label of a sources table read from text or from a file without a name.
_SOURCES_LABEL = "<sources>"


# --- formats --------------------------------------------------------------------------------------


def format_of(source: Any, format: str | None) -> Format:
    """The format of ``source``: ``format`` when given (checked), else what the path's
    contents (an importer's input) or suffix say."""
    if format is not None:
        if format not in FORMATS:
            raise ValueError(f"unknown format {format!r}; formats: {', '.join(FORMATS)}")
        return format  # type: ignore[return-value]
    name = source if isinstance(source, (str, os.PathLike)) else getattr(source, "name", None)
    if isinstance(name, (str, os.PathLike)):
        path = Path(name)
        # A path is recognised by its contents (an open file is not peeked at).
        imported = None
        if isinstance(source, (str, os.PathLike)) and path.exists():
            imported = recognise(path)
        if imported is not None:
            return imported  # type: ignore[return-value]
        if path.is_dir():
            return "folder"
        found = _SUFFIXES.get(path.suffix.lower())
        if found is not None:
            return found  # type: ignore[return-value]
        raise ValueError(
            f"cannot tell the format of {str(path)!r} from its suffix "
            f"({', '.join(_SUFFIXES)}) or its contents; pass format= one of {', '.join(FORMATS)}"
        )
    raise ValueError(f"cannot tell the format of {source!r}; pass format=")


def _default_collection(model: type[Any] | None, format: str) -> str | None:
    if model is None:
        return "claims" if format in ("jsonl", "csv") else None
    if format not in ("jsonl", "csv"):
        raise ValueError(
            f"model= applies to JSON Lines (what an untagged line holds) and CSV; a {format} "
            "file holds a whole dossier"
        )
    name = MODEL_COLLECTION.get(model)
    if name is None:
        raise ValueError(f"model= must be a filmlore model such as filmlore.Film, not {model!r}")
    if format == "csv" and model is not Claim:
        raise ValueError("a CSV file holds claims only: model= can only be filmlore.Claim")
    return name


def _check_sources(sources: Any, format: str) -> None:
    if sources is not None and format != "csv":
        raise ValueError(
            f"sources= is a sources table beside a claims CSV; a {format} dossier declares "
            "its sources itself"
        )


@contextlib.contextmanager
def _opened(source: Any, binary: bool) -> Iterator[tuple[Any, str | None]]:
    """A file object for ``source`` (a path or an open file) and a name for messages."""
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        if binary:
            with open(name, "rb") as f:
                yield f, name
        else:
            with open(name, encoding="utf-8-sig", newline="") as f:
                yield f, name
    else:
        name = getattr(source, "name", None)
        yield source, name if isinstance(name, str) else None


def _read_all(f: Any) -> bytes | str:
    data = f.read()
    if not isinstance(data, (bytes, str)):
        raise TypeError(f"expected a file opened for reading, got {f!r}")
    return data


@contextlib.contextmanager
def _text_lines(f: Any) -> Iterator[Iterable[str]]:
    """The lines of ``f`` as text: a binary file is read as UTF-8 through a wrapper that is
    detached at the end, so that the caller's file stays open and nothing warns."""
    if isinstance(f, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(f, "mode", ""):
        wrapper = io.TextIOWrapper(f, encoding="utf-8-sig", newline="")
        try:
            yield wrapper
        finally:
            with contextlib.suppress(ValueError):  # the file was closed meanwhile
                wrapper.detach()
        return
    yield f


def _collect(
    source: Any,
    format: str,
    collector: Collector,
    default: str | None,
    sources: Any = None,
) -> Iterator[list[Any]]:
    """Read ``source`` (and the sources table ``sources`` beside a claims CSV) into
    ``collector``; yields the records of each line for streams."""
    if format == "folder":
        if not isinstance(source, (str, os.PathLike)):
            raise TypeError("a dossier folder is loaded from its path")
        read_folder(Path(source), collector)
        return
    if format == "csv":
        collector.origin = DossierOrigin.CLAIMS_TABLE
        if sources is not None:
            collector.origin = DossierOrigin.CLAIMS_AND_SOURCES_TABLES
            with _opened(sources, binary=False) as (f, name), _text_lines(f) as lines:
                yield from read_sources_csv(lines, collector, name or _SOURCES_LABEL)
        with _opened(source, binary=False) as (f, name), _text_lines(f) as lines:
            collector.source = collector.source or name
            yield from read_csv(lines, collector, name)
        return
    if format == "jsonl":
        with _opened(source, binary=True) as (f, name):
            collector.source = collector.source or name
            yield from read_jsonl(f, collector, name, default)
        return
    with _opened(source, binary=True) as (f, name):
        collector.source = collector.source or name
        data = _read_all(f)
    if format == "json":
        read_json(data, collector, name)
    elif format == "yaml":
        parsed = read_yaml(data, collector, name)
        collector.mapping(parsed, name)
    else:
        read_toml(data, collector, name)


# --- loading --------------------------------------------------------------------------------------


@overload
def load(
    source: PathLike | IO[str] | IO[bytes],
    *,
    format: Format | None = ...,
    kinds: Kinds | None = ...,
    lenient: Literal[False] = ...,
    model: type[Any] | None = ...,
    sources: SourcesTable | None = ...,
    mapping: TableMappingLike | None = ...,
    encoding: str | None = ...,
    date_order: DateOrder | None = ...,
    pivot: int | None = ...,
    repair_text: bool = ...,
    dataset: Source | None = ...,
) -> Dossier: ...


@overload
def load(
    source: PathLike | IO[str] | IO[bytes],
    *,
    format: Format | None = ...,
    kinds: Kinds | None = ...,
    lenient: Literal[True],
    model: type[Any] | None = ...,
    sources: SourcesTable | None = ...,
    mapping: TableMappingLike | None = ...,
    encoding: str | None = ...,
    date_order: DateOrder | None = ...,
    pivot: int | None = ...,
    repair_text: bool = ...,
    dataset: Source | None = ...,
) -> LoadResult: ...


@overload
def load(
    source: PathLike | IO[str] | IO[bytes],
    *,
    format: Format | None = ...,
    kinds: Kinds | None = ...,
    lenient: bool,
    model: type[Any] | None = ...,
    sources: SourcesTable | None = ...,
    mapping: TableMappingLike | None = ...,
    encoding: str | None = ...,
    date_order: DateOrder | None = ...,
    pivot: int | None = ...,
    repair_text: bool = ...,
    dataset: Source | None = ...,
) -> Dossier | LoadResult: ...


def load(
    source: PathLike | IO[str] | IO[bytes],
    *,
    format: Format | None = None,
    kinds: Kinds | None = None,
    lenient: bool = False,
    model: type[Any] | None = None,
    sources: SourcesTable | None = None,
    mapping: TableMappingLike | None = None,
    encoding: str | None = None,
    date_order: DateOrder | None = None,
    pivot: int | None = None,
    repair_text: bool = False,
    dataset: Source | None = None,
) -> Dossier | LoadResult:
    """Load a dossier from a file, an open file or a dossier folder.

    The format comes from ``format`` or else from the suffix: ``.json``, ``.jsonl`` and
    ``.ndjson``, ``.yaml`` and ``.yml``, ``.toml``, ``.csv``; a folder is a dossier folder.
    JSON, YAML and TOML files and ``dossier.yaml`` hold a dossier mapping; JSON Lines holds
    one tagged record (or per-film bundle) a line, and untagged lines are records of
    ``model`` (claims unless said otherwise); CSV holds a table of claims.

    ``kinds`` maps property names to value kinds (``{"runtime_text": "duration"}``) for
    properties that are not registered or declared in the input.

    ``sources`` is a sources table (a path or an open file) read beside a claims CSV, since
    a claims table cannot declare its sources: one source a row, with the columns ``id``
    (``source:`` optional) and ``kind`` (a :class:`~filmlore.SourceKind` value), and
    optionally ``name`` (the source's ``title``), ``weight`` (a number >= 0) and ``prior``
    (its ``reliability``, a number in [0, 1]).  Its problems are reported with the claims'.
    A dossier read from a claims CSV has the ``origin``
    :attr:`~filmlore.DossierOrigin.CLAIMS_TABLE` (``CLAIMS_AND_SOURCES_TABLES`` with a
    sources table), so that :func:`~filmlore.validate` does not count what the table could
    not declare as missing.

    The importers read the data users hold, from a path (a file or a folder): ``imdb``
    (IMDb's dataset TSVs), ``tmdb`` (The Movies Dataset, TMDB 5000, TMDb API JSON),
    ``movielens``, ``wikidata`` (entity JSON and dumps), ``jsonld`` (schema.org), and
    ``table`` (any film table, through ``mapping``: a :class:`~filmlore.TableMapping`, its
    mapping form, or a YAML file of it).  A path's format is recognised from its contents
    when they leave no doubt.  Their options: ``encoding`` (else UTF-8, or detected and
    noted), ``date_order`` (``"mdy"``/``"dmy"``: dates in numbers whose day and month could
    swap are refused without it), ``pivot`` (the first year of the hundred a two-digit year
    lies in: refused without it), ``repair_text`` (repair mojibake with ftfy, noting each
    repair on its claim) and ``dataset`` (a :class:`~filmlore.Source` to credit the claims
    to instead of the data set the importer describes).  See :doc:`/howto/import`.

    Returns a :class:`~filmlore.Dossier`.  Strict by default: every problem in the input is
    collected and raised at once as :class:`~filmlore.LoadError`.  With ``lenient=True``,
    returns a :class:`LoadResult`: the dossier of the good records, and the rejected ones
    with their problems.

    Raises:
        LoadError: when strict, with every problem of the input.
        ValueError: for a format that cannot be told or does not take ``model`` or
            ``sources``.
    """
    fmt = format_of(source, format)
    if fmt in IMPORTERS:
        options = _import_options(
            fmt,
            source,
            kinds,
            model,
            sources,
            encoding,
            date_order,
            pivot,
            repair_text,
            dataset,
            lenient,
        )
        with bulk():
            return import_path(Path(source), fmt, options, mapping)  # type: ignore[arg-type]
    _no_import_options(fmt, mapping, encoding, date_order, pivot, repair_text, dataset)
    default = _default_collection(model, fmt)
    _check_sources(sources, fmt)
    collector = Collector(kinds=kinds, lenient=lenient, source=_label(source))
    with bulk():
        for _ in _collect(source, fmt, collector, default, sources):
            pass
        return collector.finish()


@overload
def loads(
    text: str | bytes,
    *,
    format: Format,
    kinds: Kinds | None = ...,
    lenient: Literal[False] = ...,
    model: type[Any] | None = ...,
    sources: str | bytes | IO[str] | IO[bytes] | None = ...,
) -> Dossier: ...


@overload
def loads(
    text: str | bytes,
    *,
    format: Format,
    kinds: Kinds | None = ...,
    lenient: Literal[True],
    model: type[Any] | None = ...,
    sources: str | bytes | IO[str] | IO[bytes] | None = ...,
) -> LoadResult: ...


@overload
def loads(
    text: str | bytes,
    *,
    format: Format,
    kinds: Kinds | None = ...,
    lenient: bool,
    model: type[Any] | None = ...,
    sources: str | bytes | IO[str] | IO[bytes] | None = ...,
) -> Dossier | LoadResult: ...


def loads(
    text: str | bytes,
    *,
    format: Format,
    kinds: Kinds | None = None,
    lenient: bool = False,
    model: type[Any] | None = None,
    sources: str | bytes | IO[str] | IO[bytes] | None = None,
) -> Dossier | LoadResult:
    """Load a dossier from text in ``format``; see :func:`load`.

    ``sources`` is a sources table beside a claims CSV, as its text (like ``text``) or an
    open file; problems in it are located as ``(<sources>:LINE)``.

    >>> import filmlore
    >>> d = filmlore.loads('{"films": [{"id": "film:heat-1995", "title": "Heat"}]}',
    ...                    format="json")
    >>> d.films[0].title.text
    'Heat'
    """
    if format == "folder":
        raise ValueError("a dossier folder is loaded from its path with filmlore.load")
    if format in IMPORTERS:
        raise OptionError(f"format={format!r} is imported from a path: use filmlore.load")
    source: Any = io.BytesIO(text if isinstance(text, bytes) else text.encode("utf-8"))
    table: Any = sources
    if isinstance(sources, (str, bytes)):
        table = io.BytesIO(sources if isinstance(sources, bytes) else sources.encode("utf-8"))
    return load(source, format=format, kinds=kinds, lenient=lenient, model=model, sources=table)


def iter_load(
    source: PathLike | IO[str] | IO[bytes],
    *,
    format: Format | None = None,
    kinds: Kinds | None = None,
    lenient: bool = False,
    model: type[Any] | None = None,
    sources: SourcesTable | None = None,
    mapping: TableMappingLike | None = None,
    encoding: str | None = None,
    date_order: DateOrder | None = None,
    pivot: int | None = None,
    repair_text: bool = False,
    dataset: Source | None = None,
) -> Iterator[Entity | Property | HierarchyLink | Rejected]:
    """Yield the records of a JSON Lines or CSV file one at a time, in constant memory.

    Each line (or row) is read, checked and yielded before the next is read; a per-film
    line yields its film, then its characters, credits, scenes, quotes and claims.  A
    claims CSV's sources table (``sources``, as in :func:`load`) is read first, and its
    sources yielded before the claims.  Other formats are loaded whole and their records
    yielded (properties, hierarchy links, films, people, characters, credits, scenes,
    quotes, sources, claims).

    Strict by default: at the first bad record, nothing more is yielded, the rest of the
    input is still read to find every problem, and :class:`~filmlore.LoadError` is raised
    with all of them.  With ``lenient=True`` a bad record is yielded as a :class:`Rejected`
    in its place, and reading goes on.
    """
    fmt = format_of(source, format)
    if fmt in IMPORTERS:
        options = _import_options(
            fmt,
            source,
            kinds,
            model,
            sources,
            encoding,
            date_order,
            pivot,
            repair_text,
            dataset,
            lenient,
        )
        yield from iter_import(Path(source), fmt, options, mapping)  # type: ignore[arg-type]
        return
    _no_import_options(fmt, mapping, encoding, date_order, pivot, repair_text, dataset)
    default = _default_collection(model, fmt)
    _check_sources(sources, fmt)
    if fmt not in ("jsonl", "csv"):
        loaded = load(source, format=fmt, kinds=kinds, lenient=lenient)
        dossier = loaded.dossier if isinstance(loaded, LoadResult) else loaded
        yield from dossier.properties
        yield from dossier.hierarchy
        yield from dossier.entities()
        if isinstance(loaded, LoadResult):
            yield from loaded.rejected
        return
    collector = Collector(kinds=kinds, lenient=lenient, source=_label(source), keep=False)
    failed = False
    seen = 0
    for records in _collect(source, fmt, collector, default, sources):
        if lenient:
            if len(collector.rejects) > seen:
                yield from _rejected(collector, seen)
                seen = len(collector.rejects)
            yield from records
        elif not collector.pending and not failed:
            yield from records
        else:
            failed = True
    if lenient:
        yield from _rejected(collector, seen)
    elif collector.pending:
        collector.finish()


def _import_options(
    fmt: str,
    source: Any,
    kinds: Any,
    model: Any,
    sources: Any,
    encoding: str | None,
    date_order: DateOrder | None,
    pivot: int | None,
    repair_text: bool,
    dataset: Source | None,
    lenient: bool,
) -> ImportOptions:
    if not isinstance(source, (str, os.PathLike)):
        raise OptionError(f"format={fmt!r} is imported from a path (a file or a folder)")
    for name, given in (("kinds", kinds), ("model", model), ("sources", sources)):
        if given is not None:
            raise OptionError(f"{name}= is for filmlore's own formats, not format={fmt!r}")
    return ImportOptions(
        encoding=encoding,
        date_order=date_order,
        pivot=pivot,
        repair_text=repair_text,
        source=dataset,
        lenient=lenient,
    )


def _no_import_options(
    fmt: str,
    mapping: Any,
    encoding: str | None,
    date_order: DateOrder | None,
    pivot: int | None,
    repair_text: bool,
    dataset: Source | None,
) -> None:
    given = [
        name
        for name, value in (
            ("mapping", mapping),
            ("encoding", encoding),
            ("date_order", date_order),
            ("pivot", pivot),
            ("dataset", dataset),
        )
        if value is not None
    ] + (["repair_text"] if repair_text else [])
    if given:
        raise OptionError(
            f"{', '.join(given)}= {'is' if len(given) == 1 else 'are'} for the importers "
            f"({', '.join(IMPORTERS)}), not format={fmt!r}"
        )


def _rejected(collector: Collector, start: int) -> Iterator[Rejected]:
    yield from collector.rejected(start)


def _label(source: Any) -> str | None:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


# --- dumping --------------------------------------------------------------------------------------


def dumps(obj: Dossier | Iterable[Entity | Property | HierarchyLink], *, format: Format) -> str:
    """The text of ``obj`` (a Dossier, or entities to make one of) in ``format``.

    ``loads(dumps(d, format=f), format=f) == d`` for every dossier ``d`` and every format
    (CSV: a dossier of claims only; :func:`dump` writes a claims CSV's sources table too).

    >>> import filmlore
    >>> heat = filmlore.Film(id=filmlore.EntityRef("film", "heat-1995"),
    ...                      title=filmlore.Text("Heat"), year=1995)
    >>> print(filmlore.dumps([heat], format="yaml"), end="")
    films:
    - id: film:heat-1995
      title: Heat
      year: 1995
    """
    if format == "folder":
        raise ValueError("a dossier folder is written to a path with filmlore.dump")
    if format not in OWN_FORMATS:
        raise ValueError(
            f"cannot write format {format!r}; filmlore writes {', '.join(OWN_FORMATS)}"
        )
    dossier = as_dossier(obj)
    try:
        if format == "json":
            return dumps_json(dossier_data(dossier)).decode("utf-8")
        if format == "jsonl":
            return b"".join(map(dumps_line, jsonl_records(dossier))).decode("utf-8")
        if format == "yaml":
            return dumps_yaml(dossier_data(dossier))
        if format == "toml":
            return dumps_toml(dossier_data(dossier))
        return dumps_csv(dossier)
    finally:
        forget_printed()


def dump(
    obj: Dossier | Iterable[Entity | Property | HierarchyLink],
    target: PathLike | IO[str] | IO[bytes],
    *,
    format: Format | None = None,
    sources: SourcesTable | None = None,
) -> None:
    """Write ``obj`` (a Dossier, or entities to make one of) to a file, an open file or a
    dossier folder; the format as in :func:`load` (a path without a suffix is a folder).

    With ``sources`` (a path or an open file), a claims CSV is written to ``target`` and
    the dossier's sources to ``sources`` as a sources table -- the inverse of
    ``load(target, sources=sources)``.  A source with a field the table has no column for
    (an author, a URL, a text …) is refused, and nothing is written.
    """
    if isinstance(target, (str, os.PathLike)) and format is None:
        path = Path(target)
        format = "folder" if path.suffix == "" or path.is_dir() else None
    fmt = format_of(target, format)
    if fmt not in OWN_FORMATS:
        raise ValueError(f"cannot write format {fmt!r}; filmlore writes {', '.join(OWN_FORMATS)}")
    _check_sources(sources, fmt)
    dossier = as_dossier(obj)
    if sources is not None:
        try:
            claims = dumps_csv(dossier, with_sources=True)
            table = dumps_sources_csv(dossier.sources)
        finally:
            forget_printed()
        with _writing(target) as write:
            write(claims.encode("utf-8"))
        with _writing(sources) as write:
            write(table.encode("utf-8"))
        return
    if fmt == "folder":
        if not isinstance(target, (str, os.PathLike)):
            raise TypeError("a dossier folder is written to a path")
        dump_folder(dossier, Path(target))
        return
    if fmt == "jsonl":
        with _writing(target) as write, bulk():
            try:
                for record in jsonl_records(dossier):
                    write(dumps_line(record))
            finally:
                forget_printed()
        return
    text = dumps(dossier, format=fmt)
    with _writing(target) as write:
        write(text.encode("utf-8"))


@contextlib.contextmanager
def _writing(target: Any) -> Iterator[Any]:
    """A function writing UTF-8 bytes to ``target`` (a path, a binary or a text file)."""
    if isinstance(target, (str, os.PathLike)):
        with open(target, "wb") as f:
            yield f.write
        return
    if isinstance(target, io.TextIOBase) or "b" not in getattr(target, "mode", "b"):

        def write_text(data: bytes) -> None:
            target.write(data.decode("utf-8"))

        yield write_text
        return
    yield target.write
