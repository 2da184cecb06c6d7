"""Importers: the film data users hold -- IMDb's datasets, TMDb, MovieLens, Wikidata,
schema.org JSON-LD and any film table -- read into claims with provenance.

Each importer is a ``format=`` of :func:`filmlore.load` and :func:`filmlore.iter_load`, and
reads into columns for :meth:`filmlore.ClaimTable.load`.  Every claim is credited to the
data set it comes from (a :class:`~filmlore.Source` with its name, file date and URL), and
its excerpt is the field as written with a ``file:line`` locator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from filmlore.dossier import Dossier
from filmlore.importers._context import ClaimColumns, ImportContext, stream
from filmlore.importers._options import ImportOptions, OptionError
from filmlore.importers._registry import Importer
from filmlore.importers._table_mapping import TableMapping
from filmlore.io._result import LoadResult

__all__ = [
    "IMPORTERS",
    "ClaimColumns",
    "ImportOptions",
    "Importer",
    "OptionError",
    "TableMapping",
    "import_path",
    "iter_columns",
    "iter_import",
    "recognise",
]


def _importers() -> dict[str, Importer]:
    from filmlore.importers import _imdb, _jsonld, _movielens, _table, _tmdb, _wikidata

    found = (_imdb, _tmdb, _movielens, _wikidata, _jsonld, _table)
    return {m.IMPORTER.name: m.IMPORTER for m in found}


#: Every importer, by its format name.
IMPORTERS: dict[str, Importer] = _importers()


def recognise(path: Path) -> str | None:
    """The importer whose input ``path`` is beyond doubt, or None (none, or several)."""
    found = [i.name for i in IMPORTERS.values() if not i.needs_mapping and i.recognises(path)]
    return found[0] if len(found) == 1 else None


def _start(
    path: Path, format: str, options: ImportOptions, mapping: Any, **context: Any
) -> tuple[ImportContext, Iterator[None]]:
    importer = IMPORTERS[format]
    if importer.needs_mapping and mapping is None:
        raise OptionError(f"format={format!r} needs mapping= (which column holds what)")
    if not importer.needs_mapping and mapping is not None:
        raise OptionError(f"mapping= is for format='table', not {format!r}")
    if path.is_dir() and not importer.folders:
        raise OptionError(f"format={format!r} reads files, not a folder: {str(path)!r}")
    base = path if path.is_dir() else path.parent
    ctx = ImportContext(options, base=base, **context)
    return ctx, importer.read(path, ctx, mapping)


#: How many records an importer makes between two calls of a progress callback.
PROGRESS_EVERY = 10_000


def import_path(
    path: Path,
    format: str,
    options: ImportOptions,
    mapping: Any = None,
    *,
    progress: Callable[[int], None] | None = None,
) -> Dossier | LoadResult:
    """Read ``path`` with the importer ``format`` into a dossier (or, lenient, a
    :class:`~filmlore.LoadResult`); ``progress`` is called with the number of rows read so
    far every few thousand records."""
    ctx, steps = _start(path, format, options, mapping)
    for step, _ in enumerate(steps, 1):
        ctx.drain()
        if progress is not None and step % PROGRESS_EVERY == 0:
            progress(ctx.rows)
    return ctx.finish(str(path))


def iter_import(
    path: Path, format: str, options: ImportOptions, mapping: Any = None
) -> Iterator[Any]:
    """Yield the records of ``path`` as the importer makes them (sources, entities, claims;
    rejected rows as :class:`~filmlore.Rejected` when lenient), in constant memory but for
    the ids of the entities already handed out.  Strict: the first rejected row stops the
    records, the rest is read, and every problem is raised at once."""
    ctx, steps = _start(path, format, options, mapping, keep=False)
    failed = False
    for record in stream(ctx, steps):
        if options.lenient:
            yield record
        elif ctx.rejected:
            failed = True
        elif not failed:
            yield record
    if not options.lenient:
        ctx.finish(str(path))


def iter_columns(
    path: Path,
    format: str,
    options: ImportOptions,
    mapping: Any = None,
    *,
    batch_size: int = 100_000,
) -> Iterator[ClaimColumns]:
    """Yield the claims of ``path`` as :class:`ClaimColumns` of about ``batch_size`` claims
    each, without a Python object per claim.  Strict: a rejected row raises every problem
    at the end; lenient: rejected rows are skipped (count them with the context)."""
    ctx, steps = _start(path, format, options, mapping, columns=True, keep=False)
    for _ in steps:
        ctx.drain()
        cols = ctx.columns
        if cols is not None and len(cols) >= batch_size:
            ctx.columns = ClaimColumns()
            cols.sources = ctx.sources()
            yield cols
    if ctx.columns is not None and len(ctx.columns):
        ctx.columns.sources = ctx.sources()
        yield ctx.columns
    if not options.lenient:
        if ctx.rejected:
            ctx.finish(str(path))
        ctx.warn()
