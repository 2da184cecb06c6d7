"""The commands that read a dossier and report on it: validate, reconcile, quotes."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from filmlore.cli._app import App, DataError, UsageError, count
from filmlore.cli._load import load
from filmlore.cli._parser import REPORT_FORMATS

__all__ = ["cmd_quotes", "cmd_reconcile", "cmd_validate"]

_SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                   ".json": "json", ".txt": "text"}  # fmt: skip


def cmd_validate(app: App, args: argparse.Namespace) -> int:
    import filmlore
    from filmlore.report._rich import issues_renderable

    dossier = load(app, args.path, args.kinds, sources=args.sources, hierarchy=args.hierarchy)
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
    what = f"{count(len(dossier.claims), 'claim')}, {count(len(dossier.sources), 'source')}"
    if issues:
        app.say(f"{args.path}: no errors ({summary}; {what})", "green")
    else:
        app.say(f"{args.path}: no issues ({what})", "green")
    return 0


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
        suffix = Path(args.output).suffix.lower()
        if suffix not in _SUFFIX_FORMATS:
            known = ", ".join(sorted(_SUFFIX_FORMATS))
            raise UsageError(
                f"-o {args.output}: a report is written as text, Markdown, HTML or JSON, "
                f"named by the suffix ({known}) or by --format {{{','.join(REPORT_FORMATS)}}}"
            )
        return _SUFFIX_FORMATS[suffix]
    return "text"


def cmd_reconcile(app: App, args: argparse.Namespace) -> int:
    import filmlore
    from filmlore import report
    from filmlore.reconcile import reconcile

    policy = _policy(args.policy, _weights(args.weight))
    fmt = _report_format(args)
    dossier = load(app, args.path, args.kinds, sources=args.sources, hierarchy=args.hierarchy)
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


def cmd_quotes(app: App, args: argparse.Namespace) -> int:
    from filmlore.report import quote_fidelity
    from filmlore.report._rich import quotes_renderable

    dossier = load(app, args.path, args.kinds, sources=args.sources)
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
