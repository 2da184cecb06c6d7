"""The JSON report: :meth:`Reconciliation.to_dict() <filmlore.Reconciliation.to_dict>` and,
beside its keys, the fact sheet in the order every other format shows it.

``policy``, ``facts``, ``conflicts`` and ``sources`` are exactly ``to_dict()``'s; the report
adds ``rejected`` (the values the evidence turned down, as facts), ``sections`` (each
section in report order -- open disputes, resolved disputes, rejected values, agreed facts,
single-source facts, opinions -- with its entries as the report shows them: the evidence
count, the sides of a dispute, the numbers of their notes) and ``notes`` (each numbered
note: the source and the words the claim rests on).
"""

from __future__ import annotations

from typing import Any

from filmlore.reconcile import Reconciliation
from filmlore.report._entries import FactView, ReportView, Side
from filmlore.report._text import dispute_heading, side_statement

__all__ = ["report_dict"]


def _side(fact: FactView, side: Side) -> dict[str, Any]:
    return {
        "value": side.value,
        "stance": side.stance,
        "verdict": side.verdict,
        "says": side_statement(fact, side),
        "sources": [str(s) for s in side.sources],
        "hedged": [str(s) for s in side.hedged],
        "evidence": side.count.to_dict(),
        "notes": list(side.citations),
    }


def _entry(fact: FactView) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "subject": fact.subject,
        "subject_name": fact.subject_name,
        "property": fact.property,
        "value": fact.value,
        "status": fact.status,
        "opinion": fact.opinion,
        "confidence": round(fact.confidence, 6),
        "sources": [str(s) for s in fact.sources],
        "evidence": fact.count.to_dict(),
        "also": list(fact.also),
        "hedges": [{"source": key, "words": words} for key, words in fact.hedges],
        "explanation": fact.explanation,
        "notes": list(fact.citations),
    }
    if fact.disputed:
        entry["heading"] = dispute_heading(fact)
        entry["sides"] = [_side(fact, side) for side in fact.sides]
    return entry


def report_dict(reconciliation: Reconciliation, view: ReportView) -> dict[str, Any]:
    """The JSON report of ``reconciliation``, whose report view is ``view``."""
    data = reconciliation.to_dict()
    data["rejected"] = [f.to_dict() for f in reconciliation.rejected]
    data["sections"] = [
        {"key": key, "heading": heading, "entries": [_entry(f) for f in facts]}
        for key, heading, facts in view.sections()
    ]
    data["notes"] = [note.to_dict() for note in view.citations]
    return data
