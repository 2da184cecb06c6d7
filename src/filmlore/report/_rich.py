"""Rich renderables for the terminal: the report, quote fidelity and validation issues.

rich comes with the ``cli`` extra and is imported only here, when a terminal report is
asked for.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from filmlore.dossier import Dossier
from filmlore.errors import require
from filmlore.report._entries import ReportView
from filmlore.report._names import name_of
from filmlore.report._quotes import QuoteLine
from filmlore.report._text import WIDTH, Line, quote_lines, report_lines, wrap

__all__ = ["STYLES", "issues_renderable", "quotes_renderable", "view_renderable"]

#: The colour of each report section, line style, quote fidelity and issue severity.
STYLES = {
    "agreed": "green",
    "resolved": "blue",
    "disputed": "red",
    "single-source": "yellow",
    "rejected": "magenta",
    "opinions": "cyan",
    "title": "bold underline",
    "heading": "bold",
    "subject": "bold",
    "why": "dim",
    "words": "italic",
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


#: The colours of the marks before a dispute's sides.
_MARKS = {"✓": "bold green", "✗": "bold red", "•": "bold"}


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


class _Lines:
    """Report lines as a rich renderable: wrapped at the console's width or
    :data:`~filmlore.report._text.WIDTH`, whichever is less, and coloured by their style;
    a word longer than a line runs past it rather than being cut."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = list(lines)

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        text_type = _rich().text.Text
        width = min(int(options.max_width), WIDTH)
        for line in self.lines:
            style = STYLES.get(line.style, "")
            for chunk in wrap(line, width):
                text = text_type(chunk, style=style, no_wrap=True, overflow="ignore")
                mark = chunk.lstrip()[:1]
                if mark in _MARKS:
                    at = len(chunk) - len(chunk.lstrip())
                    text.stylize(_MARKS[mark], at, at + 1)
                yield text


def quotes_renderable(lines: Sequence[QuoteLine], dossier: Dossier | None = None) -> Any:
    """Every quoted line with each source's rendering and its fidelity, for a terminal;
    ``dossier`` names the speakers."""
    _rich()
    return _Lines(quote_lines(lines, lambda ref: name_of(dossier, ref)))


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
    """The whole report for a terminal: the lines of the plain-text report, coloured, and
    wrapped at the terminal's width or :data:`~filmlore.report._text.WIDTH`, whichever
    is less -- so that the report reads the same on a terminal and piped into a file."""
    _rich()
    return _Lines(report_lines(view))
