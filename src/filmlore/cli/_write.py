"""The commands that write a dossier by hand: new, add-source, excerpt, example."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from filmlore.cli._app import App, DataError, UsageError

__all__ = ["cmd_add_source", "cmd_example", "cmd_excerpt", "cmd_new"]


def cmd_new(app: App, args: argparse.Namespace) -> int:
    from filmlore.authoring import new_dossier
    from filmlore.errors import ScaffoldError

    try:
        root = new_dossier(args.folder, film=args.film, year=args.year)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    app.say(f"made the dossier {root} for {args.film}", "green")
    app.say(f"next: filmlore add-source {root} URL-or-FILE --kind article")
    return 0


def cmd_add_source(app: App, args: argparse.Namespace) -> int:
    from filmlore.authoring import add_source
    from filmlore.errors import PageError, ScaffoldError

    try:
        with app.progress(f"Reading {args.location}"):
            added = add_source(
                args.folder,
                args.location,
                key=args.key,
                kind=args.kind or "other",
                title=args.title,
                authors=tuple(args.author),
                published=args.published,
            )
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    except PageError as exc:
        raise DataError(str(exc)) from None
    source = added.source
    words = len(added.page.text.split())
    app.say(f"added {source.id} ({source.kind.value}): {source.title or args.location}", "green")
    app.say(f"  its text, {words} words: {added.text_file}")
    app.say(f"  its record: {added.record_file}")
    app.say(f"  its claims go in: {added.claims_file}")
    if args.kind is None:
        app.say(
            "  its kind is 'other' until you say what it is: edit the record, or add it "
            "with --kind article, review, blog, interview, database, …"
        )
    return 0


def _source_text(args: argparse.Namespace) -> tuple[str, str]:
    """The text to look in, and what to call it: a file, or a source of a dossier."""
    given = Path(args.source)
    if given.is_file():
        path = given
    else:
        key = args.source.removeprefix("source:")
        path = Path(args.dossier) / "sources" / f"{key}.txt"
        if not path.is_file():
            raise UsageError(
                f"no such file, nor a text of source:{key} in {args.dossier}/sources/: "
                "give a text file, or a source key with --dossier FOLDER"
            )
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read(), str(path)
    except UnicodeDecodeError as exc:
        raise DataError(f"cannot read {path}: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror or exc}") from None


def cmd_excerpt(app: App, args: argparse.Namespace) -> int:
    import json

    from filmlore.excerpts import find_excerpt
    from filmlore.io._yaml import dumps_yaml

    text, name = _source_text(args)
    found = find_excerpt(text, args.phrase, min_score=args.min_score)
    if found is None:
        raise DataError(
            f"{args.phrase!r} is not in {name}, and nothing there comes close "
            f"(at least {args.min_score:g} of 100)"
        )
    if args.format == "json":
        data = {
            "text": found.text,
            "start": found.start,
            "end": found.end,
            "how": found.how,
            "score": found.score,
        }
        app.out.file.write(json.dumps(data, ensure_ascii=False) + "\n")
        return 0
    how = {
        "verbatim": "word for word",
        "normalised": "once quotes, dashes, spaces and case are set aside",
        "close": f"a close match ({found.score:g} of 100): check it says what you meant",
    }[found.how]
    app.say(f"{name}, characters {found.start}–{found.end}, {how}:")
    excerpt = {"excerpt": {"text": found.text, "start": found.start, "end": found.end}}
    app.out.file.write(dumps_yaml(excerpt))
    return 0


def cmd_example(app: App, args: argparse.Namespace) -> int:
    from filmlore.examples import example_path

    target = Path(args.folder or args.name)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target} already exists and is not an empty folder")
    try:
        shutil.copytree(example_path(args.name), target, dirs_exist_ok=True)
    except OSError as exc:
        raise DataError(f"cannot write {target}: {exc.strerror or exc}") from None
    app.say(f"copied the {args.name} dossier to {target}", "green")
    return 0
