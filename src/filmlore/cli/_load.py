"""Reading the command's input: a dossier, a claims table and its sources, a hierarchy."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from filmlore.cli._app import App, DataError, UsageError

__all__ = ["check_path", "load", "load_error", "parse_kinds"]


def parse_kinds(pairs: Sequence[str]) -> dict[str, str]:
    from filmlore.values.kinds import get_kind

    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, kind = pair.partition("=")
        if not sep or not name.strip() or not kind.strip():
            raise UsageError(f"--kinds takes PROPERTY=KIND, got {pair!r}")
        try:
            get_kind(kind.strip())
        except LookupError as exc:
            raise UsageError(str(exc).strip("'\"")) from None
        out[name.strip()] = kind.strip()
    return out


def check_path(path: str) -> Path:
    found = Path(path)
    if not found.exists():
        raise UsageError(f"no such file or folder: {path}")
    return found


def load_error(path: str, exc: Any) -> DataError:
    """The DataError of a LoadError from ``path``: every problem, with its place."""
    return DataError(
        f"cannot load {path}: {len(exc.problems)} problem(s)", [str(p) for p in exc.problems]
    )


def load(
    app: App,
    path: str,
    kinds: Sequence[str],
    format: str | None = None,
    sources: str | None = None,
    hierarchy: str | None = None,
) -> Any:
    """The dossier at ``path`` (with the sources table ``sources`` beside a claims CSV, and
    the links of the hierarchy table ``hierarchy`` added to its own); a DataError with
    every problem and its place if it has any."""
    import filmlore

    source = check_path(path)
    mapping = parse_kinds(kinds)
    table = None
    if sources is not None:
        table = check_path(sources)
        given = format or ("folder" if source.is_dir() else source.suffix.lower().lstrip("."))
        if given != "csv":
            raise UsageError(
                f"--sources gives the sources of a claims CSV, and {path} is not one: a "
                "dossier declares its sources itself"
            )
    try:
        with app.progress(f"Loading {source.name}"):
            loaded = filmlore.load(
                source,
                format=format,  # type: ignore[arg-type]
                kinds=mapping or None,
                sources=table,
            )
    except filmlore.LoadError as exc:
        raise load_error(path, exc) from None
    except filmlore.FilmloreError as exc:
        raise DataError(f"cannot load {path}: {exc}") from None
    except ValueError as exc:  # an unknown suffix or format: the command line's fault
        raise UsageError(str(exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read {path}: {exc}") from None
    if hierarchy is not None:
        from filmlore.io._folder import read_hierarchy

        try:
            links = read_hierarchy(check_path(hierarchy))
        except filmlore.LoadError as exc:
            raise load_error(hierarchy, exc) from None
        import attrs

        loaded = attrs.evolve(loaded, hierarchy=(*loaded.hierarchy, *links))
    return loaded
