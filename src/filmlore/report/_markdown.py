"""The Markdown report: a fact sheet a writer can paste, with footnote citations."""

from __future__ import annotations

import re

from filmlore.report._entries import ALWAYS_SHOWN, Citation, FactView, ReportView
from filmlore.report._text import (
    dispute_heading,
    side_statement,
    side_who,
    source_keys,
    summary_line,
)

__all__ = ["md_escape", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")
_SPACE = re.compile(r"\s+")


def md_escape(text: str) -> str:
    """Text made safe for a Markdown table cell or paragraph: one line, markup escaped.

    >>> md_escape("a | b *c* [d]")
    'a \\\\| b \\\\*c\\\\* \\\\[d\\\\]'
    """
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text).strip())


def _notes(numbers: tuple[int, ...]) -> str:
    return "".join(f"[^{n}]" for n in numbers)


def _fact_row(fact: FactView) -> str:
    value = md_escape(fact.value)
    value += "".join(f"<br>also {md_escape(w)}" for w in fact.also)
    value += "".join(f"<br>{md_escape(k)} hedges: {md_escape(w)}" for k, w in fact.hedges)
    cells = [
        md_escape(fact.subject_name),
        md_escape(fact.property),
        value,
        f"{md_escape(source_keys(fact.sources))} {_notes(fact.citations)}".strip(),
        md_escape(fact.count.text),
    ]
    if not fact.opinion:
        cells.append(f"{fact.confidence:.2f}")
    return "| " + " | ".join(cells) + " |"


def _dispute(fact: FactView) -> list[str]:
    out = [
        f"### {md_escape(dispute_heading(fact))}",
        "",
    ]
    for side in fact.sides:
        mark = f"{side.mark} " if side.mark != "•" else ""
        said = md_escape(side_statement(fact, side))
        said = f"**{said}**" if side.chosen else said
        joiner = " by " if fact.status == "rejected" else " — "
        out.append(f"- {mark}{said}{joiner}{md_escape(side_who(side))}{_notes(side.citations)}")
    if fact.explanation:
        out += ["", f"*Why:* {md_escape(fact.explanation)}"]
    out.append("")
    return out


def _footnote(note: Citation) -> str:
    who = md_escape(note.label)
    if note.source is not None:
        who = f"`{note.source}` {who}"
    if note.url and note.url.lower().startswith(("http://", "https://")):
        who += f" <{note.url}>"
    if note.said_by:
        who += f", quoting {md_escape(note.said_by)}"
    if note.via:
        who += f" (via {md_escape(', '.join(note.via))})"
    words = f": {md_escape(note.words)}" if note.words else f" ({note.claim})"
    return f"[^{note.number}]: {who}{words}"


def render_markdown(view: ReportView) -> str:
    """The report as Markdown (GitHub-flavoured: tables and footnotes)."""
    out = [
        f"# {md_escape(view.title)}",
        "",
        f"*Reconciled with {md_escape(view.policy)}: {md_escape(summary_line(view))}.*",
        "",
    ]
    for key, heading, facts in view.sections():
        if not facts and key not in ALWAYS_SHOWN:
            continue
        out += [f"## {heading}", ""]
        if not facts:
            out += ["None.", ""]
        for fact in facts:
            if fact.disputed:
                out += _dispute(fact)
        rows = [f for f in facts if not f.disputed]
        if rows:
            confidence = "" if key == "opinions" else " Confidence |"
            out += [
                f"| Subject | Property | {'Opinion' if key == 'opinions' else 'Value'} "
                f"| Sources | Evidence |{confidence}",
                "|---|---|---|---|---|" + ("" if key == "opinions" else "---:|"),
            ]
            out += [_fact_row(f) for f in rows]
            out.append("")
    if view.quotes:
        out += ["## Quote fidelity", ""]
        for line in view.quotes:
            who = view.name(line.speaker) if line.speaker is not None else "unknown speaker"
            out += [
                f"> {md_escape(line.text)}",
                ">",
                f"> — {md_escape(who)} ({md_escape(line.basis)})",
                "",
                "| Source | Fidelity | Similarity | Rendering |",
                "|---|---|---:|---|",
            ]
            for r in line.renderings:
                out.append(
                    f"| `{r.source}` | {r.kind.value} | {r.similarity:.2f} | {md_escape(r.text)} |"
                )
            out.append("")
    if view.sources:
        out += [
            "## Sources and trust",
            "",
            "| Source | Kind | Trust | Claims |",
            "|---|---|---:|---:|",
        ]
        for s in view.sources:
            trust = "—" if s.trust is None else f"{s.trust:.2f}"
            label = md_escape(s.label)
            if s.relays:
                label += f" (via {md_escape(', '.join(s.relays))})"
            out.append(f"| `{s.id}` {label} | {s.kind or '—'} | {trust} | {s.claims} |")
        out.append("")
    if view.citations:
        out += [_footnote(n) for n in view.citations]
    return "\n".join(out).rstrip("\n") + "\n"
