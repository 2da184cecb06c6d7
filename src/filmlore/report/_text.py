"""The plain-text report: the fact sheet as lines of text, for a terminal, a log or a file."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Sequence

from filmlore.report._view import DISPUTES, STATUSES, FactView, ReportView, SourceView

__all__ = ["render_text", "source_keys", "summary_line"]

WIDTH = 100


def source_keys(sources: Sequence[object]) -> str:
    """Sources by their short keys: ``crime-epic-blog, tmdb-heat``."""
    return ", ".join(getattr(s, "key", str(s)) for s in sources) or "no source"


def summary_line(view: ReportView) -> str:
    """How many facts of each status, in one line."""
    counts = view.counts()
    rejected = counts.pop("rejected", 0)
    parts = [f"{n} {status}" for status, n in counts.items()]
    what = f"{sum(counts.values())} facts ({', '.join(parts)})"
    if rejected:
        what += f" and {rejected} rejected value{'s' if rejected != 1 else ''}"
    if view.claims:
        return f"{view.claims} claims from {len(view.matrix.sources)} sources → {what}"
    return what


def _wrap(text: str, indent: str, width: int = WIDTH) -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent + "  ",
        break_on_hyphens=False,
        break_long_words=False,
    ) or [indent]


def _by_subject(facts: Sequence[FactView]) -> Iterator[tuple[str, list[FactView]]]:
    groups: dict[str, list[FactView]] = {}
    for fact in facts:
        groups.setdefault(f"{fact.subject_name}  ({fact.subject})", []).append(fact)
    yield from groups.items()


def _fact_lines(fact: FactView) -> list[str]:
    who = source_keys(fact.sources)
    lines = _wrap(
        f"{fact.property}: {fact.value}  — {who}; confidence {fact.confidence:.2f}", "    "
    )
    for words in fact.also:
        lines += _wrap(f"also {words}", "        ")
    return lines


def _dispute_lines(view: ReportView, fact: FactView) -> list[str]:
    lines = [f"  {fact.subject_name} · {fact.property}   (confidence {fact.confidence:.2f})"]
    for side in fact.sides:
        mark = "✓" if side.chosen else "✗"
        stance = "" if side.stance == "asserts" else f" [{side.stance}]"
        lines += _wrap(f"{mark} {side.value}{stance} — {source_keys(side.sources)}", "    ")
        for number in side.citations:
            note = view.citation(number)
            if note.excerpt:
                lines += _wrap(f"“{note.excerpt}”", "        ")
    if fact.explanation:
        lines += _wrap(f"why: {fact.explanation}", "    ")
    return lines


def _source_lines(sources: Sequence[SourceView]) -> list[str]:
    lines = []
    for s in sorted(sources, key=lambda s: (s.trust is None, -(s.trust or 0.0))):
        trust = f"{'—':>4}" if s.trust is None else f"{s.trust:.2f}"
        relays = f"; via {', '.join(s.relays)}" if s.relays else ""
        lines += _wrap(f"{trust}  {s.id}  {s.label}{relays}", "  ")
    return lines


def render_text(view: ReportView) -> str:
    """The report as plain text."""
    out = [view.title, "=" * min(len(view.title), WIDTH), f"Reconciled with {view.policy}."]
    out.append(summary_line(view))
    for status, heading in STATUSES:
        facts = view.with_status(status)
        disputes = status in DISPUTES
        if not facts and status not in ("resolved", "disputed"):
            continue
        title = f"{heading} ({len(facts)})"
        out += ["", title, "-" * len(title)]
        if not facts:
            out.append("  none")
        elif disputes:
            for fact in facts:
                out += _dispute_lines(view, fact)
        else:
            for subject, group in _by_subject(facts):
                out.append(f"  {subject}")
                for fact in group:
                    out += _fact_lines(fact)
    if view.quotes:
        out += ["", "Quote fidelity", "-" * len("Quote fidelity")]
        for line in view.quotes:
            who = view.name(line.speaker) if line.speaker is not None else "unknown speaker"
            out += _wrap(f"“{line.text}” — {who} ({line.basis})", "  ")
            for r in line.renderings:
                out += _wrap(
                    f"{r.kind.value:<13} {r.similarity:.2f}  {r.source.key}: “{r.text}”", "    "
                )
    if view.sources:
        out += ["", "Source trust", "-" * len("Source trust")]
        out += _source_lines(view.sources)
    return "\n".join(out) + "\n"
