"""The argument parser of the ``filmlore`` command: every command and option."""

from __future__ import annotations

import argparse

from filmlore.cli._app import Formatter, para, version

__all__ = ["POLICIES", "REPORT_FORMATS", "build_parser"]

#: Policy names on the command line, and how to build each.
POLICIES = ("truth-discovery", "vote", "weighted-vote", "authority", "most-specific")
REPORT_FORMATS = ("text", "markdown", "html", "json")


def _add_common(parser: argparse.ArgumentParser) -> None:
    from filmlore.values.kinds import kinds

    parser.add_argument("--version", action="version", version=version())
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
        formatter_class=Formatter,
        description=para(
            "Film knowledge with provenance: check a dossier of sourced claims, "
            "reconcile what the sources say, and see how faithfully they quote."
        ),
        epilog="examples:\n"
        "  filmlore new takedown --film 'L.A. Takedown' --year 1989\n"
        "  filmlore add-source takedown https://example.org/review.html --kind review\n"
        "  filmlore excerpt takedown/sources/review.txt 'a TV pilot'\n"
        "  filmlore example heat heat    # a finished dossier to read\n"
        "  filmlore validate heat\n"
        "  filmlore reconcile heat -o heat-report.html\n"
        "  filmlore quotes heat\n"
        "  filmlore convert heat heat.json\n\n"
        "exit codes: 0 ok, 1 errors in the data, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=version())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    validate = commands.add_parser(
        "validate",
        formatter_class=Formatter,
        help="check a dossier: references, ids, excerpts, dates, value kinds",
        description=para(
            "Load a dossier (a folder or any file filmlore reads) and list every "
            "issue validation finds, with its severity, code and $.path.  Exits with 1 when "
            "any issue is an error."
        ),
        epilog="example:\n  filmlore validate heat\n"
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
        formatter_class=Formatter,
        help="decide what the sources most likely say, and report it",
        description=para(
            "Load a dossier or a file of claims (a claims CSV too), reconcile the "
            "claims with a policy, and report the facts -- agreed, resolved, disputed, "
            "single-source -- with their sources, the disputes with both sides, quote fidelity "
            "and source trust.  --format json prints Reconciliation.to_dict() and the report's "
            "rejected values, sections and notes."
        ),
        epilog="examples:\n"
        "  filmlore reconcile heat\n"
        "  filmlore reconcile heat --policy authority --format markdown\n"
        "  filmlore reconcile heat -o heat-report.html\n"
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
        formatter_class=Formatter,
        help="how faithfully each source quotes each line",
        description=para(
            "Every line the sources quote, grouped by line, with each source's "
            "rendering and its fidelity -- exact, truncated, elided, extended, paraphrase, "
            "different, misattributed -- against the best-attested text: the dossier's quote "
            "when there is one, else the rendering most sources give."
        ),
        epilog="example:\n  filmlore quotes heat\n  filmlore quotes heat --format json",
    )
    quotes.add_argument("path", metavar="PATH", help="a dossier folder or file")
    quotes.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (tables) or json"
    )
    _add_sources(quotes)
    _add_common(quotes)

    convert = commands.add_parser(
        "convert",
        formatter_class=Formatter,
        help="convert a dossier between formats",
        description=para(
            "Load IN and write it to OUT.  Formats come from the suffixes -- "
            ".json, .jsonl, .yaml, .toml, .csv (claims only); a path without a suffix is a "
            "dossier folder -- or from --from and --to."
        ),
        epilog="examples:\n  filmlore convert heat heat.json\n"
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

    _add_writing(commands)

    from filmlore.importers import IMPORTERS

    imported = commands.add_parser(
        "import",
        formatter_class=Formatter,
        help="import a data set (IMDb, TMDb, MovieLens, Wikidata, JSON-LD, a table)",
        description=para(
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


def _add_writing(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The commands that write a dossier by hand."""
    from filmlore.examples import EXAMPLES
    from filmlore.models import SourceKind

    new = commands.add_parser(
        "new",
        formatter_class=Formatter,
        help="start a dossier folder for a film",
        description=para(
            "Make FOLDER a new dossier of one film: dossier.yaml with the film and a guide "
            "in comments, and the folders claims/ and sources/.  FOLDER must be new or empty."
        ),
        epilog="example:\n  filmlore new takedown --film 'L.A. Takedown' --year 1989",
    )
    new.add_argument("--version", action="version", version=version())
    new.add_argument("folder", metavar="FOLDER", help="the folder to make")
    new.add_argument("--film", required=True, metavar="TITLE", help="the film's title")
    new.add_argument("--year", type=int, metavar="YEAR", help="the year it came out")

    add = commands.add_parser(
        "add-source",
        formatter_class=Formatter,
        help="store a web page's or a file's text as a source of a dossier",
        description=para(
            "Read LOCATION (a web address, an HTML page or a text file), store its readable "
            "text in FOLDER/sources/KEY.txt and its record (title, author, publisher, date "
            "and language as the page states them) in FOLDER/sources/KEY.yaml, and make "
            "FOLDER/claims/KEY.yaml ready for its claims."
        ),
        epilog="examples:\n  filmlore add-source takedown https://example.org/takedown.html "
        "--kind review\n  filmlore add-source takedown notes.txt --kind interview --key mann",
    )
    add.add_argument("--version", action="version", version=version())
    add.add_argument("folder", metavar="FOLDER", help="the dossier folder")
    add.add_argument("location", metavar="URL-or-FILE", help="the page or file to add")
    kinds = tuple(k.value for k in SourceKind)
    add.add_argument(
        "--kind", choices=kinds, metavar="KIND", help=f"what it is: {', '.join(kinds)}"
    )
    add.add_argument("--key", help="the source's key (default: from its title)")
    add.add_argument("--title", help="its title (default: the page's)")
    add.add_argument(
        "--author", action="append", default=[], metavar="NAME", help="an author (repeatable)"
    )
    add.add_argument("--published", metavar="DATE", help="when it was published (YYYY-MM-DD)")

    excerpt = commands.add_parser(
        "excerpt",
        formatter_class=Formatter,
        help="find a phrase in a source's text, verbatim, with its offsets",
        description=para(
            "Find PHRASE in the text SOURCE (a text file, or a source key of the dossier "
            "--dossier names) -- word for word, then with quotes, dashes, spaces and case "
            "told apart, then the closest words -- and print them as the text has them, "
            "with their offsets, ready to paste as a claim's excerpt."
        ),
        epilog="examples:\n  filmlore excerpt takedown/sources/review.txt 'a tv pilot'\n"
        "  filmlore excerpt review 'a tv pilot' --dossier takedown",
    )
    excerpt.add_argument("--version", action="version", version=version())
    excerpt.add_argument("source", metavar="SOURCE", help="a text file, or a source key")
    excerpt.add_argument("phrase", metavar="PHRASE", help="the words to find")
    excerpt.add_argument(
        "--dossier", default=".", metavar="FOLDER", help="the dossier of a source key (default: .)"
    )
    excerpt.add_argument(
        "--min-score",
        type=float,
        default=80.0,
        metavar="N",
        help="the least closeness (of 100) of a close match (default: 80)",
    )
    excerpt.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (YAML) or json"
    )

    example = commands.add_parser(
        "example",
        formatter_class=Formatter,
        help="copy an example dossier that ships with filmlore",
        description=para(
            "Copy the example dossier NAME into FOLDER (default: NAME), to read, run and edit."
        ),
        epilog="example:\n  filmlore example heat heat",
    )
    example.add_argument("--version", action="version", version=version())
    example.add_argument("name", metavar="NAME", choices=tuple(EXAMPLES), help=", ".join(EXAMPLES))
    example.add_argument("folder", metavar="FOLDER", nargs="?", help="where to copy it")
