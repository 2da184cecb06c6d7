"""Reports: the reconciled fact sheet as text, Markdown, HTML or JSON, and quote fidelity.

:func:`render` turns a :class:`~filmlore.Reconciliation` -- with the dossier its claims
come from, for names, excerpts and quotes -- into a report a person reads:

``text``
    plain text: the sections in order, each dispute with every side and its excerpts,
    quote fidelity and source trust.
``markdown``
    a fact sheet to paste into an article, with footnote citations (``[^1]``) to the
    sources and the words they rest on.
``html``
    one self-contained page (inline CSS and SVG; no scripts, fonts or images fetched) with
    the fact sheet, the disputes, the quote-fidelity table and a source × source agreement
    matrix; it reads on a phone as on a laptop.
``json``
    :meth:`Reconciliation.to_dict() <filmlore.Reconciliation.to_dict>`, with the rejected
    values, the sections in report order and the numbered notes beside its keys.

Every format leads with what needs a decision: open disputes, resolved disputes, rejected
values; then the agreed and the single-source facts; then, in a section of their own, the
opinions (:func:`is_opinion`).  Each value comes with how much evidence is behind it
("4 sources (2 independent)"), its qualifiers, and the words of any source that only
hedges; an excerpt of a data set is shown as the fields of its row (``runtime = 170.0``).

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
from filmlore.report._entries import OPINION_KINDS, SECTIONS, AgreementMatrix, is_opinion
from filmlore.report._html import render_html
from filmlore.report._json import report_dict
from filmlore.report._markdown import render_markdown
from filmlore.report._quotes import QuoteLine, QuoteRendering, quote_fidelity
from filmlore.report._rich import view_renderable
from filmlore.report._text import render_text
from filmlore.report._view import agreement_matrix, build_view

__all__ = [
    "FORMATS",
    "OPINION_KINDS",
    "SECTIONS",
    "AgreementMatrix",
    "QuoteLine",
    "QuoteRendering",
    "agreement_matrix",
    "is_opinion",
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
    report shows ids.  ``title`` defaults to the dossier's title.  ``json`` holds
    ``reconciliation.to_dict()``'s keys unchanged and adds ``rejected``, ``sections`` and
    ``notes`` (see :doc:`/howto/reports`).

    """
    if format not in FORMATS:
        raise ValueError(f"unknown report format {format!r}; formats: {', '.join(FORMATS)}")
    if format == "json":
        view = build_view(reconciliation, dossier, title=title, quotes=False)
        data = report_dict(reconciliation, view)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    view = build_view(reconciliation, dossier, title=title)
    if format == "html":
        return render_html(view)
    if format == "text":
        return render_text(view)
    return render_markdown(view)


def rich_report(
    reconciliation: Reconciliation,
    dossier: Dossier | Iterable[Claim] | None = None,
    *,
    title: str | None = None,
) -> Any:
    """The report as a `rich <https://rich.readthedocs.io>`_ renderable for a terminal:
    ``rich.console.Console().print(rich_report(reconciliation, dossier))``.  It is the text
    report, coloured, wrapped at the terminal's width or 100 columns, whichever is less --
    piped into a file it reads exactly as ``render(..., format="text")``.

    Needs the ``cli`` extra (rich); raises :class:`~filmlore.MissingDependencyError` without it.
    """
    return view_renderable(build_view(reconciliation, dossier, title=title))
