"""Reports: the reconciled fact sheet as text, Markdown, HTML or JSON, and quote fidelity.

:func:`render` turns a :class:`~filmlore.Reconciliation` -- with the dossier its claims
come from, for names, excerpts and quotes -- into a report a person reads:

``text``
    plain text: the facts by status, the disputes with both sides and their excerpts,
    quote fidelity and source trust.
``markdown``
    a fact sheet to paste into an article, with footnote citations (``[^1]``) to the
    sources and the words they rest on.
``html``
    one self-contained page (inline CSS and SVG; no scripts, fonts or images fetched) with
    the fact sheet, the disputes, the quote-fidelity table and a source × source agreement
    matrix.
``json``
    exactly :meth:`Reconciliation.to_dict() <filmlore.Reconciliation.to_dict>`.

:func:`quote_fidelity` needs no reconciliation: it says, for every line the sources quote,
how faithfully each source renders it.  :func:`rich_report` gives the terminal report as
`rich <https://rich.readthedocs.io>`_ tables (the ``cli`` extra).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Literal

from filmlore.dossier import Dossier
from filmlore.models import Claim
from filmlore.reconcile import Reconciliation
from filmlore.report._html import HTML_ORDER, render_html
from filmlore.report._markdown import render_markdown
from filmlore.report._quotes import QuoteLine, QuoteRendering, quote_fidelity
from filmlore.report._rich import view_renderable
from filmlore.report._text import render_text
from filmlore.report._view import AgreementMatrix, agreement_matrix, build_view

__all__ = [
    "FORMATS",
    "AgreementMatrix",
    "QuoteLine",
    "QuoteRendering",
    "agreement_matrix",
    "quote_fidelity",
    "render",
    "rich_report",
]

#: The formats :func:`render` writes.
FORMATS: tuple[str, ...] = ("text", "markdown", "html", "json")

ReportFormat = Literal["text", "markdown", "html", "json"]


def render(
    reconciliation: Reconciliation,
    dossier: Dossier | Iterable[Claim] | None = None,
    *,
    format: ReportFormat = "text",
    title: str | None = None,
) -> str:
    """The report of ``reconciliation`` in ``format``: ``text``, ``markdown``, ``html`` or
    ``json``.

    ``dossier`` (or the claims that were reconciled) names subjects and values, gives each
    claim's source and excerpt for citations and both sides of every dispute, and adds the
    quote-fidelity table (with a dossier) and the source agreement matrix; without it the
    report shows ids.  ``title`` defaults to the dossier's title.  ``json`` is exactly
    ``reconciliation.to_dict()``, indented, whatever the dossier.

    """
    if format not in FORMATS:
        raise ValueError(f"unknown report format {format!r}; formats: {', '.join(FORMATS)}")
    if format == "json":
        return json.dumps(reconciliation.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if format == "html":
        return render_html(build_view(reconciliation, dossier, title=title, order=HTML_ORDER))
    view = build_view(reconciliation, dossier, title=title)
    if format == "text":
        return render_text(view)
    return render_markdown(view)


def rich_report(
    reconciliation: Reconciliation,
    dossier: Dossier | Iterable[Claim] | None = None,
    *,
    title: str | None = None,
) -> Any:
    """The report as a `rich <https://rich.readthedocs.io>`_ renderable -- coloured tables for
    a terminal: ``rich.console.Console().print(rich_report(reconciliation, dossier))``.

    Needs the ``cli`` extra (rich); raises :class:`~filmlore.MissingDependencyError` without it.
    """
    return view_renderable(build_view(reconciliation, dossier, title=title))
