"""The commands that move data between formats: convert and import."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from filmlore.cli._app import App, DataError, UsageError, count
from filmlore.cli._load import check_path, load, load_error

__all__ = ["cmd_convert", "cmd_import"]


def cmd_convert(app: App, args: argparse.Namespace) -> int:
    import filmlore
    from filmlore.io import FORMATS

    for given in (args.from_format, args.to_format):
        if given is not None and given not in FORMATS:
            raise UsageError(f"unknown format {given!r}; formats: {', '.join(FORMATS)}")
    dossier = load(app, args.input, args.kinds, args.from_format, args.sources, args.hierarchy)
    target = Path(args.output)
    to = args.to_format
    if to is None and (target.suffix == "" or target.is_dir()):
        to = "folder"
    if args.claims_only:
        dossier = filmlore.Dossier(claims=dossier.claims)
    elif (to or target.suffix.lower()) in ("csv", ".csv") and len(dossier) > len(dossier.claims):
        raise UsageError(
            f"a CSV file holds claims only, and {args.input} holds more: pass --claims-only "
            f"to write its {len(dossier.claims)} claims alone, or choose another format"
        )
    try:
        with app.progress(f"Writing {target.name}"):
            filmlore.dump(dossier, target, format=to)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise DataError(f"cannot write {args.output}: {exc}") from None
    app.say(f"wrote {len(dossier)} records to {target}", "green")
    return 0


def cmd_import(app: App, args: argparse.Namespace) -> int:
    import filmlore
    from filmlore.importers import ImportOptions, import_path

    source = check_path(args.path)
    mapping = None
    if args.mapping is not None:
        mapping = filmlore.TableMapping.from_yaml(check_path(args.mapping))
    try:
        options = ImportOptions(
            encoding=args.encoding,
            date_order=args.date_order,
            pivot=args.pivot,
            repair_text=args.repair_text,
            lenient=True,  # every row is read and counted; strict is decided below
        )
    except filmlore.FilmloreError as exc:
        raise UsageError(str(exc)) from None
    others = [load(app, path, []) for path in args.match]
    try:
        with app.counting(f"Importing {source.name}", "rows") as update:
            result = import_path(source, args.format, options, mapping, progress=update)
    except filmlore.LoadError as exc:
        raise load_error(args.path, exc) from None
    assert isinstance(result, filmlore.LoadResult)
    if result.rejected and not args.lenient:
        problems = [p for r in result.rejected for p in r.problems]
        raise load_error(args.path, filmlore.LoadError(problems))
    dossier = result.dossier
    app.say(f"read {count(result.rows or 0, 'row')}; rejected {len(result.rejected)}")
    for rejected in result.rejected[:20]:
        app.say(f"  {rejected}")
    if len(result.rejected) > 20:
        app.say(f"  … and {len(result.rejected) - 20} more")
    for note in result.notes[:20]:
        app.say(f"  note: {note}")
    if args.rejected is not None:
        with open(args.rejected, "w", encoding="utf-8") as f:
            for rejected in result.rejected:
                line = {
                    "location": str(rejected.location),
                    "problems": [p.message for p in rejected.problems],
                    "record": rejected.record,
                }
                f.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
    if others:
        joined = filmlore.match(dossier, *others)
        dossier = joined.dossier
        app.say(f"matched {count(len(joined.matches), 'record')}")
        for ambiguity in joined.ambiguous[:20]:
            app.say(f"  ambiguous: {ambiguity}")
        if len(joined.ambiguous) > 20:
            app.say(f"  … and {len(joined.ambiguous) - 20} more ambiguous")
    target = Path(args.output)
    try:
        with app.progress(f"Writing {target.name}"):
            filmlore.dump(dossier, target)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise DataError(f"cannot write {args.output}: {exc}") from None
    app.say(
        f"wrote {count(len(dossier.films), 'film')}, {len(dossier.people)} people, "
        f"{count(len(dossier.claims), 'claim')} to {target}",
        "green",
    )
    return 0
