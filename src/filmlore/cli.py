"""The ``filmlore`` command: validate, reconcile, quotes, convert and import, over the library's
functions.

Install it with the ``cli`` extra (``pip install 'filmlore[cli]'``), which brings rich for
tables, colour and progress.  Exit codes: 0 when all went well, 1 when the data has errors
(it cannot be loaded, or ``validate`` finds errors), 2 for a usage error (an unknown
option, policy, format or kind, a path that does not exist).  Problems in the data are
printed with their place -- ``message @ $.path (file:line)`` -- never as a traceback.
Colour is used only on a terminal and never when ``NO_COLOR`` is set; progress is shown
on a terminal only.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

__all__ = ["main"]

NEEDS_RICH = "filmlore's command line needs rich: pip install 'filmlore[cli]'"

#: Policy names on the command line, and how to build each.
POLICIES = ("truth-discovery", "vote", "weighted-vote", "authority", "most-specific")
REPORT_FORMATS = ("text", "markdown", "html", "json")
_SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                   ".json": "json", ".txt": "text"}  # fmt: skip


class UsageError(Exception):
    """A command line that cannot be carried out as written (exit code 2)."""


class DataError(Exception):
    """Input data with errors (exit code 1); ``lines`` say what and where."""

    def __init__(self, head: str, lines: Sequence[str] = ()) -> None:
        super().__init__(head)
        self.head = head
        self.lines = list(lines)


# --- the parser -------------------------------------------------------------------------------


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=min(_columns(), 100))


def _columns() -> int:
    try:
        return max(60, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return 100


def _para(text: str) -> str:
    """A description wrapped to the help's width (the epilogs keep their own lines)."""
    return textwrap.fill(" ".join(text.split()), width=min(_columns(), 100) - 2)


def _version() -> str:
    import filmlore

    return f"filmlore {filmlore.__version__}"


def _add_common(parser: argparse.ArgumentParser) -> None:
    from filmlore.values.kinds import kinds

    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument(
        "--kinds",
        nargs="+",
        action="extend",
        default=[],
        metavar="PROPERTY=KIND",
        help="the value kind of a property the input does not declare "
        f"(e.g. runtime_text=duration); kinds: {', '.join(sorted(kinds()))}",
    )


def _add_sources(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sources",
        metavar="FILE",
        help="with a claims CSV: a sources table (CSV with the columns id, kind, and "
        "optionally name, weight, prior) giving each source's kind, name, weight and prior, "
        "which a claims CSV cannot declare",
    )


def _add_hierarchy(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--hierarchy",
        metavar="FILE",
        help="a value hierarchy (CSV with the columns child, parent; several parents "
        "allowed) added to the dossier's own: places and categories within others",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``filmlore`` command, with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="filmlore",
        formatter_class=_Formatter,
        description=_para(
            "Film knowledge with provenance: check a dossier of sourced claims, "
            "reconcile what the sources say, and see how faithfully they quote."
        ),
        epilog="examples:\n"
        "  filmlore validate examples/heat\n"
        "  filmlore reconcile examples/heat --format html -o heat-report.html\n"
        "  filmlore quotes examples/heat\n"
        "  filmlore convert examples/heat heat.json\n\n"
        "exit codes: 0 ok, 1 errors in the data, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    validate = commands.add_parser(
        "validate",
        formatter_class=_Formatter,
        help="check a dossier: references, ids, excerpts, dates, value kinds",
        description=_para(
            "Load a dossier (a folder or any file filmlore reads) and list every "
            "issue validation finds, with its severity, code and $.path.  Exits with 1 when "
            "any issue is an error."
        ),
        epilog="example:\n  filmlore validate examples/heat\n"
        "  filmlore validate claims.csv --kinds runtime_text=duration\n"
        "  filmlore validate claims.csv --sources sources.csv",
    )
    validate.add_argument("path", metavar="PATH", help="a dossier folder or file")
    validate.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (a table) or json"
    )
    _add_sources(validate)
    _add_hierarchy(validate)
    _add_common(validate)

    reconcile = commands.add_parser(
        "reconcile",
        formatter_class=_Formatter,
        help="decide what the sources most likely say, and report it",
        description=_para(
            "Load a dossier or a file of claims (a claims CSV too), reconcile the "
            "claims with a policy, and report the facts -- agreed, resolved, disputed, "
            "single-source -- with their sources, the disputes with both sides, quote fidelity "
            "and source trust.  --format json prints exactly Reconciliation.to_dict()."
        ),
        epilog="examples:\n"
        "  filmlore reconcile examples/heat\n"
        "  filmlore reconcile examples/heat --policy authority --format markdown\n"
        "  filmlore reconcile examples/heat -o heat-report.html\n"
        "  filmlore reconcile claims.csv --policy weighted-vote --weight database=3\n"
        "  filmlore reconcile claims.csv --sources sources.csv --policy authority",
    )
    reconcile.add_argument("path", metavar="PATH", help="a dossier folder or file")
    reconcile.add_argument(
        "--policy",
        choices=POLICIES,
        default="truth-discovery",
        metavar="NAME",
        help=f"how to decide: {', '.join(POLICIES)} (default: truth-discovery)",
    )
    reconcile.add_argument(
        "--weight",
        nargs="+",
        action="extend",
        default=[],
        metavar="SOURCE=NUMBER",
        help="with --policy weighted-vote: the weight of a source id or source kind "
        "(e.g. source:tmdb-heat=3 or blog=0.5); others count their reliability, or 1",
    )
    reconcile.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        default=None,
        help="text, markdown, html or json (default: from -o's suffix, else text)",
    )
    reconcile.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE")
    reconcile.add_argument("--title", help="the report's title (default: the dossier's)")
    _add_sources(reconcile)
    _add_hierarchy(reconcile)
    _add_common(reconcile)

    quotes = commands.add_parser(
        "quotes",
        formatter_class=_Formatter,
        help="how faithfully each source quotes each line",
        description=_para(
            "Every line the sources quote, grouped by line, with each source's "
            "rendering and its fidelity -- exact, truncated, elided, extended, paraphrase, "
            "different, misattributed -- against the best-attested text: the dossier's quote "
            "when there is one, else the rendering most sources give."
        ),
        epilog="example:\n  filmlore quotes examples/heat\n"
        "  filmlore quotes examples/heat --format json",
    )
    quotes.add_argument("path", metavar="PATH", help="a dossier folder or file")
    quotes.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (tables) or json"
    )
    _add_sources(quotes)
    _add_common(quotes)

    convert = commands.add_parser(
        "convert",
        formatter_class=_Formatter,
        help="convert a dossier between formats",
        description=_para(
            "Load IN and write it to OUT.  Formats come from the suffixes -- "
            ".json, .jsonl, .yaml, .toml, .csv (claims only); a path without a suffix is a "
            "dossier folder -- or from --from and --to."
        ),
        epilog="examples:\n  filmlore convert examples/heat heat.json\n"
        "  filmlore convert heat.json heat-claims.csv --claims-only\n"
        "  filmlore convert claims.csv claims.json --sources sources.csv",
    )
    convert.add_argument("input", metavar="IN", help="the file or folder to read")
    convert.add_argument("output", metavar="OUT", help="the file or folder to write")
    formats = "json, jsonl, yaml, toml, csv or folder"
    convert.add_argument(
        "--from", dest="from_format", metavar="FORMAT", help=f"IN's format: {formats}"
    )
    convert.add_argument(
        "--to", dest="to_format", metavar="FORMAT", help=f"OUT's format: {formats}"
    )
    convert.add_argument(
        "--claims-only",
        action="store_true",
        help="write the claims alone (what a CSV file holds)",
    )
    _add_sources(convert)
    _add_hierarchy(convert)
    _add_common(convert)

    from filmlore.importers import IMPORTERS

    imported = commands.add_parser(
        "import",
        formatter_class=_Formatter,
        help="import a data set (IMDb, TMDb, MovieLens, Wikidata, JSON-LD, a table)",
        description=_para(
            "Read PATH (a file or a folder) with the importer FORMAT and write the claims "
            "it holds, with their provenance, to OUT (a dossier folder, or a file by its "
            "suffix).  Prints the rows read, the records made, the rows rejected (each with "
            "its reason, with --lenient) and what was repaired or skipped on the way in.  "
            "With --match, the import is joined with other dossiers: films and people are "
            "matched by their ids, then by title and year or name and work, and the matches "
            "and the records left alone as ambiguous are listed."
        ),
        epilog="examples:\n  filmlore import imdb ~/imdb/ -o imdb-dossier/\n"
        "  filmlore import movielens ml-latest-small/ -o ml.json\n"
        "  filmlore import table movies.csv --mapping movies.yaml --date-order mdy -o movies/\n"
        "  filmlore import tmdb movies_metadata.csv --match imdb-dossier/ -o joined/",
    )
    imported.add_argument(
        "format", metavar="FORMAT", choices=tuple(IMPORTERS), help=", ".join(IMPORTERS)
    )
    imported.add_argument("path", metavar="PATH", help="the file or folder to read")
    imported.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the dossier folder or file to write"
    )
    imported.add_argument("--mapping", metavar="FILE", help="a table's mapping (YAML)")
    imported.add_argument("--encoding", metavar="NAME", help="the files' text encoding")
    imported.add_argument(
        "--date-order", choices=("mdy", "dmy", "ymd"), help="how dates in numbers are ordered"
    )
    imported.add_argument(
        "--pivot", type=int, metavar="YEAR", help="the first year of a two-digit year's hundred"
    )
    imported.add_argument(
        "--repair-text", action="store_true", help="repair mojibake (noted on each claim)"
    )
    imported.add_argument(
        "--lenient", action="store_true", help="keep the good rows and list the bad ones"
    )
    imported.add_argument(
        "--rejected", metavar="FILE", help="write each rejected row and its reasons (JSON Lines)"
    )
    imported.add_argument(
        "--match",
        metavar="DOSSIER",
        action="append",
        default=[],
        help="a dossier to join the import with (repeatable)",
    )
    _add_common(imported)
    return parser


# --- shared steps ---------------------------------------------------------------------------


class _App:
    """The consoles and helpers of one run."""

    def __init__(self, rich: Any) -> None:
        width = None if sys.stdout.isatty() else max(_columns(), 120)
        self.rich = rich
        self.out = rich.console.Console(highlight=False, width=width)
        self.err = rich.console.Console(stderr=True, highlight=False)

    def say(self, text: str, style: str = "") -> None:
        """A line on stderr (messages, not results)."""
        self.err.print(self.rich.text.Text(text, style=style), soft_wrap=True)

    def show(self, renderable: Any) -> None:
        """Print a rich renderable on stdout; piped, without the tables' trailing spaces."""
        if self.out.is_terminal:
            self.out.print(renderable)
            return
        with self.out.capture() as captured:
            self.out.print(renderable)
        lines = captured.get().splitlines()
        self.out.file.write("".join(line.rstrip() + "\n" for line in lines))

    @contextlib.contextmanager
    def progress(self, label: str) -> Iterator[None]:
        """A pulsing progress bar on stderr while a step runs -- on a terminal only."""
        if not self.err.is_terminal:
            yield
            return
        progress = self.rich.progress
        bar = progress.Progress(
            progress.SpinnerColumn(),
            progress.TextColumn("{task.description}"),
            progress.BarColumn(),
            progress.TimeElapsedColumn(),
            console=self.err,
            transient=True,
        )
        with bar:
            bar.add_task(label, total=None)
            yield

    @contextlib.contextmanager
    def counting(self, label: str, unit: str) -> Iterator[Callable[[int], None]]:
        """A counter on stderr while a long step runs (on a terminal only); yields the
        function to call with the count so far."""
        if not self.err.is_terminal:
            yield lambda n: None
            return
        progress = self.rich.progress
        bar = progress.Progress(
            progress.SpinnerColumn(),
            progress.TextColumn("{task.description}"),
            progress.TextColumn("{task.completed:,} " + unit),
            progress.TimeElapsedColumn(),
            console=self.err,
            transient=True,
        )
        with bar:
            task = bar.add_task(label, total=None)
            yield lambda n: bar.update(task, completed=n)


def _kinds(pairs: Sequence[str]) -> dict[str, str]:
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


def _check_path(path: str) -> Path:
    found = Path(path)
    if not found.exists():
        raise UsageError(f"no such file or folder: {path}")
    return found


def _load_error(path: str, exc: Any) -> DataError:
    """The DataError of a LoadError from ``path``: every problem, with its place."""
    return DataError(
        f"cannot load {path}: {len(exc.problems)} problem(s)", [str(p) for p in exc.problems]
    )


def _load(
    app: _App,
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

    source = _check_path(path)
    mapping = _kinds(kinds)
    table = None
    if sources is not None:
        table = _check_path(sources)
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
        raise _load_error(path, exc) from None
    except filmlore.FilmloreError as exc:
        raise DataError(f"cannot load {path}: {exc}") from None
    except ValueError as exc:  # an unknown suffix or format: the command line's fault
        raise UsageError(str(exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read {path}: {exc}") from None
    if hierarchy is not None:
        from filmlore.io._folder import read_hierarchy

        try:
            links = read_hierarchy(_check_path(hierarchy))
        except filmlore.LoadError as exc:
            raise _load_error(hierarchy, exc) from None
        import attrs

        loaded = attrs.evolve(loaded, hierarchy=(*loaded.hierarchy, *links))
    return loaded


# --- the commands -----------------------------------------------------------------------------


def _cmd_validate(app: _App, args: argparse.Namespace) -> int:
    import filmlore
    from filmlore.report._rich import issues_renderable

    dossier = _load(app, args.path, args.kinds, sources=args.sources, hierarchy=args.hierarchy)
    issues = filmlore.validate(dossier)
    errors = sum(1 for i in issues if i.severity is filmlore.Severity.ERROR)
    if args.format == "json":
        data = [
            {"severity": i.severity.value, "code": i.code, "path": i.path, "message": i.message}
            for i in issues
        ]
        app.out.file.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return 1 if errors else 0
    if issues:
        app.show(issues_renderable(issues))
    counts = {s: sum(1 for i in issues if i.severity is s) for s in filmlore.Severity}
    summary = ", ".join(f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items())
    if errors:
        app.say(f"{args.path}: {summary}", "bold red")
        return 1
    what = f"{_count(len(dossier.claims), 'claim')}, {_count(len(dossier.sources), 'source')}"
    if issues:
        app.say(f"{args.path}: no errors ({summary}; {what})", "green")
    else:
        app.say(f"{args.path}: no issues ({what})", "green")
    return 0


def _count(n: int, noun: str) -> str:
    """``1 source``, ``7 sources``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _weights(pairs: Sequence[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for pair in pairs:
        key, sep, number = pair.rpartition("=")
        try:
            weight = float(number)
        except ValueError:
            weight = -1.0
        if not sep or not key or weight < 0:
            raise UsageError(f"--weight takes SOURCE=NUMBER with a number >= 0, got {pair!r}")
        out[key] = weight
    return out


def _policy(name: str, weights: dict[str, float]) -> Any:
    from filmlore.reconcile import Authority, MostSpecific, TruthDiscovery, Vote, WeightedVote

    if weights and name != "weighted-vote":
        raise UsageError("--weight applies to --policy weighted-vote")
    makers: dict[str, Callable[[], Any]] = {
        "truth-discovery": TruthDiscovery,
        "vote": Vote,
        "weighted-vote": lambda: WeightedVote(weights),
        "authority": Authority,
        "most-specific": MostSpecific,
    }
    return makers[name]()


def _report_format(args: argparse.Namespace) -> str:
    if args.format is not None:
        return str(args.format)
    if args.output:
        return _SUFFIX_FORMATS.get(Path(args.output).suffix.lower(), "text")
    return "text"


def _cmd_reconcile(app: _App, args: argparse.Namespace) -> int:
    import filmlore
    from filmlore import report
    from filmlore.reconcile import reconcile

    policy = _policy(args.policy, _weights(args.weight))
    fmt = _report_format(args)
    dossier = _load(app, args.path, args.kinds, sources=args.sources, hierarchy=args.hierarchy)
    try:
        with app.progress(f"Reconciling {len(dossier.claims)} claims"):
            result = reconcile(dossier, policy=policy, context=dossier)
    except filmlore.FilmloreError as exc:
        raise DataError(f"cannot reconcile {args.path}: {exc}") from None
    if fmt == "text" and not args.output:
        app.show(report.rich_report(result, dossier, title=args.title))
        return 0
    text = report.render(result, dossier, format=fmt, title=args.title)  # type: ignore[arg-type]
    if args.output:
        target = Path(args.output)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise DataError(f"cannot write {args.output}: {exc}") from None
        app.say(f"wrote the {fmt} report of {len(result.facts)} facts to {target}", "green")
    else:
        app.out.file.write(text)
    return 0


def _cmd_quotes(app: _App, args: argparse.Namespace) -> int:
    from filmlore.report import quote_fidelity
    from filmlore.report._rich import quotes_renderable

    dossier = _load(app, args.path, args.kinds, sources=args.sources)
    with app.progress("Comparing quotations"):
        lines = quote_fidelity(dossier)
    if args.format == "json":
        text = json.dumps([line.to_dict() for line in lines], indent=2, ensure_ascii=False)
        app.out.file.write(text + "\n")
        return 0
    if not lines:
        app.say(f"{args.path}: no source quotes a line (no quotation claims)")
        return 0
    app.show(quotes_renderable(lines, dossier))
    count = sum(len(line.renderings) for line in lines)
    app.say(f"{len(lines)} lines, {count} renderings")
    return 0


def _cmd_convert(app: _App, args: argparse.Namespace) -> int:
    import filmlore
    from filmlore.io import FORMATS

    for given in (args.from_format, args.to_format):
        if given is not None and given not in FORMATS:
            raise UsageError(f"unknown format {given!r}; formats: {', '.join(FORMATS)}")
    dossier = _load(app, args.input, args.kinds, args.from_format, args.sources, args.hierarchy)
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


def _cmd_import(app: _App, args: argparse.Namespace) -> int:
    import filmlore
    from filmlore.importers import ImportOptions, import_path

    source = _check_path(args.path)
    mapping = None
    if args.mapping is not None:
        mapping = filmlore.TableMapping.from_yaml(_check_path(args.mapping))
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
    others = [_load(app, path, []) for path in args.match]
    try:
        with app.counting(f"Importing {source.name}", "rows") as update:
            result = import_path(source, args.format, options, mapping, progress=update)
    except filmlore.LoadError as exc:
        raise _load_error(args.path, exc) from None
    assert isinstance(result, filmlore.LoadResult)
    if result.rejected and not args.lenient:
        problems = [p for r in result.rejected for p in r.problems]
        raise _load_error(args.path, filmlore.LoadError(problems))
    dossier = result.dossier
    app.say(f"read {_count(result.rows or 0, 'row')}; rejected {len(result.rejected)}")
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
        app.say(f"matched {_count(len(joined.matches), 'record')}")
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
        f"wrote {_count(len(dossier.films), 'film')}, {len(dossier.people)} people, "
        f"{_count(len(dossier.claims), 'claim')} to {target}",
        "green",
    )
    return 0


_COMMANDS: dict[str, Callable[[_App, argparse.Namespace], int]] = {
    "validate": _cmd_validate,
    "reconcile": _cmd_reconcile,
    "quotes": _cmd_quotes,
    "convert": _cmd_convert,
    "import": _cmd_import,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``filmlore`` command with ``argv`` (default: ``sys.argv[1:]``); return the
    exit code: 0 ok, 1 errors in the data, 2 a usage error."""
    try:
        import rich.console
        import rich.progress
        import rich.text
    except ImportError:
        print(NEEDS_RICH, file=sys.stderr)
        return 2
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    from filmlore.errors import FilmloreError

    app = _App(rich)
    command = f"filmlore {args.command}"
    try:
        return _COMMANDS[args.command](app, args)
    except UsageError as exc:
        app.say(f"{command}: error: {exc}", "bold red")
        return 2
    except DataError as exc:
        app.say(f"{command}: {exc.head}", "bold red")
        for line in exc.lines:
            app.say(f"  {line}")
        return 1
    except ImportError as exc:  # an optional extra that is missing, with its install hint
        app.say(f"{command}: {exc}", "bold red")
        return 2
    except FilmloreError as exc:  # anything else wrong with the data: its message, no trace
        app.say(f"{command}: {exc}", "bold red")
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (``| head``): not an error of ours
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
