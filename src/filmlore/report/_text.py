"""The plain-text report: the fact sheet as lines, for a terminal, a log or a file.

The report is first made of :class:`Line` objects -- text, indent, a style for a terminal
-- and then wrapped: :func:`render_text` wraps at :data:`WIDTH` columns; the terminal report
(:mod:`filmlore.report._rich`) wraps the same lines at the terminal's width or
:data:`WIDTH`, whichever is less, so a report reads the same on a terminal and piped into
a file.  Words are never broken: a name longer than a line runs past it rather than being
cut.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator, Sequence

import attrs

from filmlore.report._entries import (
    ALWAYS_SHOWN,
    FactView,
    ReportView,
    Side,
    SourceView,
)
from filmlore.report._evidence import quoted
from filmlore.report._quotes import QuoteLine
from filmlore.values.refs import EntityRef

__all__ = [
    "WIDTH",
    "Line",
    "dispute_heading",
    "evidence_text",
    "quote_lines",
    "render_text",
    "report_lines",
    "side_statement",
    "side_who",
    "source_keys",
    "summary_line",
    "wrap",
]

#: The width plain-text reports wrap at, and the widest a terminal report gets.
WIDTH = 100

#: How each section's count reads in the summary line: (one, many).
_NOUNS = {
    "disputed": ("open dispute", "open disputes"),
    "resolved": ("resolved dispute", "resolved disputes"),
    "rejected": ("rejected value", "rejected values"),
    "agreed": ("agreed fact", "agreed facts"),
    "single-source": ("single-source fact", "single-source facts"),
    "opinions": ("opinion", "opinions"),
}
#: How a dispute came out, after its subject and property.
_OUTCOMES = {"disputed": "open", "resolved": "resolved", "rejected": "turned down"}


@attrs.frozen(slots=True)
class Line:
    """A line of the report before wrapping: its text, its indent, how much further its
    wrapped continuation is indented, and its style on a terminal (a rich style name:
    ``heading``, ``why``, ``words`` or a fact status)."""

    text: str
    indent: int = 0
    hang: int = 2
    style: str = ""


def wrap(line: Line, width: int = WIDTH) -> list[str]:
    """The line wrapped at ``width`` columns, words never broken."""
    first = " " * line.indent
    return textwrap.wrap(
        line.text,
        width=max(width, line.indent + line.hang + 20),
        initial_indent=first,
        subsequent_indent=first + " " * line.hang,
        break_on_hyphens=False,
        break_long_words=False,
    ) or [first.rstrip()]


def source_keys(sources: Sequence[object], hedged: Sequence[object] = ()) -> str:
    """Sources by their short keys, those that only hedge marked: ``crime-epic-blog
    (hedged), tmdb-heat``."""
    keys = [getattr(s, "key", str(s)) + (" (hedged)" if s in hedged else "") for s in sources]
    return ", ".join(keys) or "no source"


def _counted(n: int, section: str) -> str:
    one, many = _NOUNS[section]
    return f"{n} {one if n == 1 else many}"


def summary_line(view: ReportView) -> str:
    """How many entries each section has, in report order, in one line."""
    counts = view.counts()
    parts = [_counted(n, key) for key, n in counts.items() if n or key in ALWAYS_SHOWN]
    what = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)
    if view.claims:
        return f"{view.claims} claims from {len(view.matrix.sources)} sources → {what}"
    return what


def _by_subject(facts: Sequence[FactView]) -> Iterator[tuple[str, list[FactView]]]:
    groups: dict[str, list[FactView]] = {}
    for fact in facts:
        groups.setdefault(f"{fact.subject_name}  ({fact.subject})", []).append(fact)
    yield from groups.items()


def evidence_text(fact: FactView) -> str:
    """Who gives a fact, how much evidence there is, and how sure: ``coffee-shop-article,
    tmdb-heat; 2 independent sources; confidence 0.99`` -- ``in all`` when some of them
    give it in their own words (``also`` …) -- and no confidence for an opinion."""
    parts = [source_keys(fact.sources)]
    if fact.count.sources > 1:
        # the others give the value in their own words, on the lines below
        parts.append(f"in all {fact.count.text}" if fact.also else fact.count.text)
    if not fact.opinion:
        parts.append(f"confidence {fact.confidence:.2f}")
    return "; ".join(parts)


def _fact_lines(fact: FactView) -> list[Line]:
    lines = [Line(f"{fact.property}: {fact.value} — {evidence_text(fact)}", 4)]
    lines += [Line(f"also {words}", 8) for words in fact.also]
    lines += [Line(f"{key} hedges: {words}", 8, style="words") for key, words in fact.hedges]
    return lines


def side_statement(fact: FactView, side: Side) -> str:
    """What a side of a dispute says and how it came out, in words: ``accepted: crime
    film``, ``overruled: not crime film``, ``reported (hedged)`` (a rejected value's sides
    all speak of the one value, named in the heading)."""
    if fact.status == "rejected":
        return side.verdict
    value = f"not {side.value}" if side.stance == "denies" else side.value
    return f"{side.verdict}: {value}"


def side_who(side: Side) -> str:
    """The sources of a side, and how much evidence they are when more than one."""
    who = source_keys(side.sources, side.hedged)
    return f"{who} ({side.count.text})" if side.count.sources > 1 else who


def dispute_heading(fact: FactView) -> str:
    """``Heat · genre — resolved, confidence 1.00``; a rejected value is named in it."""
    head = f"{fact.subject_name} · {fact.property}"
    if fact.status == "rejected":
        head += f": {fact.value}"
    return f"{head} — {_OUTCOMES.get(fact.status, fact.status)}, confidence {fact.confidence:.2f}"


def _dispute_lines(view: ReportView, fact: FactView) -> list[Line]:
    lines = [Line(dispute_heading(fact), 2, style=fact.status)]
    for side in fact.sides:
        joiner = " by " if fact.status == "rejected" else " — "
        lines.append(Line(f"{side.mark} {side_statement(fact, side)}{joiner}{side_who(side)}", 4))
        for number in side.citations:
            note = view.citation(number)
            if note.words:
                lines.append(Line(f"{note.key}: {note.words}", 8, style="words"))
    if fact.explanation:
        lines.append(Line(f"why: {fact.explanation}", 4, style="why"))
    return lines


def quote_lines(lines: Sequence[QuoteLine], name: Callable[[EntityRef], str]) -> list[Line]:
    """Each quoted line with every source's rendering and its fidelity, sources in one
    column; ``name`` names a speaker."""
    out: list[Line] = []
    keys = [r.source.key for line in lines for r in line.renderings]
    width = max((len(k) for k in keys), default=0)
    for line in lines:
        who = name(line.speaker) if line.speaker is not None else "unknown speaker"
        out.append(Line(f"{quoted(line.text)} — {who} ({line.basis})", 2))
        for r in line.renderings:
            kind = r.kind.value
            said = f"{r.source.key:<{width}}  {kind:<13} {r.similarity:.2f}  {quoted(r.text)}"
            out.append(Line(said, 4, hang=width + 2, style=kind))
    return out


def _source_lines(sources: Sequence[SourceView]) -> list[Line]:
    lines = []
    for s in sorted(sources, key=lambda s: (s.trust is None, -(s.trust or 0.0))):
        trust = f"{'—':>4}" if s.trust is None else f"{s.trust:.2f}"
        relays = f"; via {', '.join(s.relays)}" if s.relays else ""
        lines.append(Line(f"{trust}  {s.id}  {s.label}{relays}", 2))
    return lines


def _heading(title: str, rule: str, style: str = "heading") -> list[Line]:
    return [Line(title, style=style), Line(rule * min(len(title), WIDTH), style=style)]


def report_lines(view: ReportView) -> list[Line]:
    """The whole report as lines: the summary, the sections in order, quote fidelity and
    source trust."""
    out = [*_heading(view.title, "=", "title"), Line(f"Reconciled with {view.policy}.")]
    out.append(Line(summary_line(view)))
    for key, heading, facts in view.sections():
        if not facts and key not in ALWAYS_SHOWN:
            continue
        out += [Line(""), *_heading(f"{heading} ({len(facts)})", "-", key)]
        if not facts:
            out.append(Line("none", 2))
        for fact in facts:
            if fact.disputed:
                out += _dispute_lines(view, fact)
        for subject, group in _by_subject([f for f in facts if not f.disputed]):
            out.append(Line(subject, 2, style="subject"))
            for fact in group:
                out += _fact_lines(fact)
    if view.quotes:
        out += [Line(""), *_heading("Quote fidelity", "-")]
        out += quote_lines(view.quotes, view.name)
    if view.sources:
        out += [Line(""), *_heading("Source trust", "-")]
        out += _source_lines(view.sources)
    return out


def render_text(view: ReportView) -> str:
    """The report as plain text, wrapped at :data:`WIDTH` columns."""
    return "".join(f"{text}\n" for line in report_lines(view) for text in wrap(line))
