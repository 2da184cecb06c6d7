"""Rich renderables for the terminal: the report, quote fidelity and validation issues.

rich comes with the ``cli`` extra and is imported only here, when a terminal report is
asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from filmlore.dossier import Dossier
from filmlore.errors import require
from filmlore.report._names import name_of
from filmlore.report._quotes import QuoteLine
from filmlore.report._text import source_keys, summary_line
from filmlore.report._view import DISPUTES, STATUSES, ReportView

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["STYLES", "issues_renderable", "quotes_renderable", "view_renderable"]

#: The colour of each fact status, quote fidelity and issue severity.
STYLES = {
    "agreed": "green",
    "resolved": "blue",
    "disputed": "red",
    "single-source": "yellow",
    "rejected": "magenta",
    "exact": "green",
    "truncated": "cyan",
    "elided": "cyan",
    "extended": "magenta",
    "paraphrase": "yellow",
    "different": "red",
    "misattributed": "bold red",
    "error": "bold red",
    "warning": "yellow",
    "info": "dim",
}


def _rich() -> Any:
    require("rich", extra="cli", feature="the terminal report")
    import rich.box
    import rich.console
    import rich.markup
    import rich.table
    import rich.text

    return rich


def _table(title: str | None = None, **kwargs: Any) -> Any:
    rich = _rich()
    options: dict[str, Any] = {
        "title_justify": "left",
        "title_style": "bold",
        "box": rich.box.SIMPLE_HEAD,
        "header_style": "bold",
        "expand": False,
    }
    options.update(kwargs)
    return rich.table.Table(title=title, **options)


def _text(value: str, style: str = "") -> Any:
    return _rich().text.Text(value, style=style)


def quotes_renderable(lines: Sequence[QuoteLine], dossier: Dossier | None = None) -> Any:
    """Every quoted line with each source's rendering and its fidelity, as rich tables;
    ``dossier`` names the speakers."""
    rich = _rich()
    parts: list[RenderableType] = []
    for line in lines:
        who = name_of(dossier, line.speaker) if line.speaker is not None else "unknown speaker"
        table = _table(title=f"“{line.text}” — {who} ({line.basis})")
        table.add_column("Source", no_wrap=True)
        table.add_column("Fidelity", no_wrap=True)
        table.add_column("Sim.", justify="right")
        table.add_column("Rendering", ratio=3)
        table.add_column("Why", ratio=2, style="dim")
        for r in line.renderings:
            kind = r.kind.value
            table.add_row(
                r.source.key,
                _text(kind, STYLES.get(kind, "")),
                f"{r.similarity:.2f}",
                _text(r.text),
                _text(r.match.reason),
            )
        parts.append(table)
    return rich.console.Group(*parts)


def issues_renderable(issues: Sequence[Any]) -> Any:
    """Validation issues as a rich table: severity, code, path, message."""
    table = _table()
    table.add_column("Severity", no_wrap=True)
    table.add_column("Code", no_wrap=True)
    table.add_column("Path", overflow="fold")
    table.add_column("Message", ratio=1)
    for issue in issues:
        severity = getattr(issue.severity, "value", str(issue.severity))
        table.add_row(
            _text(severity, STYLES.get(severity, "")),
            issue.code,
            _text(issue.path),
            _text(issue.message),
        )
    return table


def view_renderable(view: ReportView) -> Any:
    """The whole report as rich renderables: facts by status, disputes, quotes, sources."""
    rich = _rich()
    parts: list[RenderableType] = [
        _text(view.title, "bold underline"),
        _text(f"Reconciled with {view.policy}: {summary_line(view)}", "dim"),
        _text(""),
    ]
    for status, heading in STATUSES:
        facts = view.with_status(status)
        disputes = status in DISPUTES
        if not facts and status not in ("resolved", "disputed"):
            continue
        style = STYLES[status]
        parts.append(_text(""))
        if disputes:
            parts.append(_text(f"{heading} ({len(facts)})", f"bold {style}"))
            if not facts and status != "rejected":
                parts.append(_text("  none"))
            for fact in facts:
                table = _table(
                    title=f"{fact.subject_name} · {fact.property}  "
                    f"(confidence {fact.confidence:.2f})",
                    caption=f"why: {fact.explanation}" if fact.explanation else None,
                    caption_justify="left",
                    show_header=False,
                )
                table.add_column("", no_wrap=True)
                table.add_column("Value", ratio=1)
                table.add_column("Sources", ratio=1)
                table.add_column("Excerpts", ratio=3, style="italic")
                for side in fact.sides:
                    mark = _text("✓", "green") if side.chosen else _text("✗", "red")
                    stance = "" if side.stance == "asserts" else f" [{side.stance}]"
                    excerpts = [
                        f"“{view.citation(n).excerpt}”"
                        for n in side.citations
                        if view.citation(n).excerpt
                    ]
                    table.add_row(
                        mark,
                        _text(side.value + stance, "bold" if side.chosen else ""),
                        source_keys(side.sources),
                        _text("\n".join(excerpts)),
                    )
                parts.append(table)
            continue
        table = _table(title=f"{heading} ({len(facts)})", title_style=f"bold {style}")
        table.add_column("Subject", style="dim", max_width=28)
        table.add_column("Property", no_wrap=True)
        table.add_column("Value", ratio=2)
        table.add_column("Conf.", justify="right")
        table.add_column("Sources", ratio=1)
        previous = None
        for fact in facts:
            table.add_row(
                _text(fact.subject_name if fact.subject != previous else ""),
                fact.property,
                _text("\n".join([fact.value, *(f"also {w}" for w in fact.also)])),
                f"{fact.confidence:.2f}",
                source_keys(fact.sources),
            )
            previous = fact.subject
        parts.append(table)
    if view.quotes:
        parts += [
            _text(""),
            _text("Quote fidelity", "bold"),
            quotes_renderable(view.quotes, view.dossier),
        ]
    if view.sources:
        parts.append(_text(""))
        table = _table(title="Source trust")
        table.add_column("Source", no_wrap=True)
        table.add_column("Kind")
        table.add_column("Trust", justify="right")
        table.add_column("Claims", justify="right")
        table.add_column("What", ratio=1)
        for s in sorted(view.sources, key=lambda s: (s.trust is None, -(s.trust or 0.0))):
            label = s.label + (f"; via {', '.join(s.relays)}" if s.relays else "")
            table.add_row(
                s.id.key,
                s.kind,
                "—" if s.trust is None else f"{s.trust:.2f}",
                str(s.claims),
                _text(label),
            )
        parts.append(table)
    return rich.console.Group(*parts)
