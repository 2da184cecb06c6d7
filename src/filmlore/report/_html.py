"""The HTML report: one self-contained page -- inline CSS and SVG, no scripts, no fetches.

Every piece of text that comes from a source or a dossier is escaped; the only links out
are plain anchors to the sources' own ``http(s)`` URLs.  The page reads on a phone as on a
laptop: below 700 px its tables become one block per row, each cell labelled; the
agreement matrix scrolls sideways in its own box; names and properties are never broken
inside a word.
"""

from __future__ import annotations

import html
import itertools
import math
import re
from collections.abc import Sequence

from filmlore.report._entries import (
    ALWAYS_SHOWN,
    SECTIONS,
    AgreementMatrix,
    FactView,
    ReportView,
    Side,
    SourceView,
)
from filmlore.report._text import dispute_heading, side_statement, summary_line

__all__ = ["matrix_svg", "render_html"]


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


_CSS = """
:root { --ink: #1d232a; --muted: #5b6570; --line: #d8dde3; --paper: #ffffff;
  --soft: #f4f6f8; --agree: #1a7f4b; --resolve: #1f5fa8; --dispute: #b3261e;
  --single: #8a6d00; --reject: #7a1f5c; --opinion: #00707a; --accent: #3b4cca; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--soft); color: var(--ink); overflow-wrap: break-word;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 48px; background: var(--paper);
  min-height: 100vh; }
h1 { font-size: 30px; line-height: 1.2; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 21px; margin: 36px 0 12px; padding-bottom: 6px;
  border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 0 0 8px; }
p.lede { color: var(--muted); margin: 0 0 18px; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 0.86em; }
.name, .prop { white-space: nowrap; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0 4px; }
.card { flex: 1 1 140px; border: 1px solid var(--line); border-radius: 10px;
  padding: 10px 14px; border-top: 5px solid var(--muted); color: inherit;
  text-decoration: none; }
.card:hover { background: var(--soft); }
.card b { display: block; font-size: 26px; line-height: 1.2; }
.card span { color: var(--muted); font-size: 13px; }
.card.agreed { border-top-color: var(--agree); }
.card.resolved { border-top-color: var(--resolve); }
.card.disputed { border-top-color: var(--dispute); }
.card.single-source { border-top-color: var(--single); }
.card.rejected { border-top-color: var(--reject); }
.card.opinions { border-top-color: var(--opinion); }
.pictures { display: grid; grid-template-columns: minmax(0, max-content) minmax(300px, 1fr);
  gap: 28px; align-items: start; }
figure { margin: 0; min-width: 0; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 6px; }
.scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--line);
  border-radius: 8px; padding: 4px; }
.scroll svg { display: block; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.trust { display: grid; grid-template-columns: auto minmax(48px, 1fr) auto;
  gap: 6px 10px; align-items: center; font-size: 13px; }
.trust .track { display: block; height: 12px; background: #e9ecef; border-radius: 4px;
  overflow: hidden; }
.trust .track i { display: block; height: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px;
  border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; position: sticky; top: 0;
  white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.subject { color: var(--muted); }
.bar { display: inline-block; vertical-align: middle; width: 48px; height: 8px;
  background: var(--line); border-radius: 4px; overflow: hidden; margin-right: 6px; }
.bar i { display: block; height: 100%; background: var(--accent); }
.count { display: block; color: var(--muted); font-size: 12px; }
sup a { text-decoration: none; color: var(--accent); font-size: 11px; padding: 0 1px; }
.dispute { border: 1px solid var(--line); border-left: 5px solid var(--dispute);
  border-radius: 8px; padding: 12px 16px; margin: 0 0 14px; }
.dispute.resolved { border-left-color: var(--resolve); }
.dispute.rejected { border-left-color: var(--reject); }
.also, .hedge { color: #555; font-size: 0.85em; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(260px, 100%), 1fr));
  gap: 12px; }
.side { background: var(--soft); border-radius: 6px; padding: 8px 12px; min-width: 0; }
.side.accepted { background: #e8f3ec; }
.side .value { font-weight: 600; }
.side .who { color: var(--muted); font-size: 13px; }
blockquote { margin: 6px 0 0; padding: 2px 10px; border-left: 3px solid var(--line);
  color: #333c45; font-size: 14px; }
blockquote cite { display: block; font-style: normal; color: var(--muted); font-size: 12px; }
blockquote.fields { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 12.5px; }
.why { color: var(--muted); font-size: 14px; margin: 8px 0 0; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
  font-weight: 600; color: #fff; background: var(--muted); }
.badge.exact { background: var(--agree); } .badge.truncated { background: #2f7d8c; }
.badge.elided { background: #4b6cb7; } .badge.extended { background: #6b5bb5; }
.badge.paraphrase { background: var(--single); } .badge.different { background: var(--dispute); }
.badge.misattributed { background: #7a1f5c; }
.line { margin: 0 0 18px; }
.line > blockquote { font-size: 16px; border-left-color: var(--accent); color: var(--ink); }
ol.notes { font-size: 13px; color: #333c45; padding-left: 28px; }
ol.notes li { margin-bottom: 4px; }
ol.notes li:target { background: #fff6d5; }
.url { overflow-wrap: anywhere; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@media (max-width: 860px) { .pictures { grid-template-columns: minmax(0, 1fr); }
  main { padding: 16px; } }
@media (max-width: 700px) {
  table.rows, table.rows tbody, table.rows tr, table.rows td { display: block; width: auto; }
  table.rows thead { display: none; }
  table.rows tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  table.rows td { border: 0; padding: 2px 0; text-align: left; }
  table.rows td.num { white-space: normal; }
  table.rows td[data-label]::before { content: attr(data-label) ": "; color: var(--muted);
    font-size: 12px; }
  table.rows td:empty { display: none; }
  table.rows td.subject { font-weight: 600; color: var(--ink); padding-top: 10px; }
  table.rows td.property { color: var(--muted); font-size: 13px; }
}
@media print { body { background: #fff; } main { max-width: none; } th { position: static; } }
"""


class _Keys:
    """Escapes text and keeps each source's key in it whole: a browser breaks lines after
    a hyphen, and ``crime-epic-blog`` must not become ``crime-epic-`` / ``blog``."""

    def __init__(self, keys: Sequence[str]) -> None:
        words = sorted({html.escape(k, quote=True) for k in keys if k}, key=len, reverse=True)
        alternatives = "|".join(re.escape(w) for w in words)
        self.pattern = re.compile(rf"(?<![\w-])((?:source:)?(?:{alternatives}))(?![\w-])")
        self.empty = not words

    def __call__(self, text: object) -> str:
        escaped = _e(text)
        if self.empty:
            return escaped
        return self.pattern.sub(r'<span class="name">\1</span>', escaped)


def _colour(rate: float) -> str:
    """Red (never agree) through amber to green (always agree)."""
    stops = ((0.0, (200, 60, 50)), (0.5, (235, 180, 60)), (1.0, (40, 140, 80)))
    for (r0, c0), (r1, c1) in itertools.pairwise(stops):
        if rate <= r1:
            t = (max(rate, r0) - r0) / (r1 - r0)
            r, g, b = (round(a + (b - a) * t) for a, b in zip(c0, c1, strict=True))
            return f"#{r:02x}{g:02x}{b:02x}"
    return "#288c50"


def _strength(shared: int) -> float:
    """How strongly a cell is shaded: faint for a pair that shares one fact, full from
    twenty shared facts on -- so that 1 of 1 never looks like 21 of 21."""
    return round(0.3 + 0.7 * min(1.0, math.log1p(shared) / math.log1p(20)), 2)


def matrix_svg(matrix: AgreementMatrix, names: Sequence[str] | None = None) -> str:
    """The source × source agreement matrix as an inline SVG.

    Each cell says ``agreed/shared`` and is coloured by how often the two sources agree on
    the facts both speak to (green always, red never, grey never on the same fact), the
    more strongly the more facts they share; the diagonal gives how many facts each
    source speaks to.
    """
    labels = list(names) if names is not None else [s.key for s in matrix.sources]
    n = len(matrix.sources)
    longest = max((len(label) for label in labels), default=4)
    cell, left = 62, 12 + 7 * longest
    top = 14 + 5 * longest  # the column labels, at 45 degrees
    width, height = left + n * cell + 5 * longest, top + n * cell + 8
    out = [
        f'<svg role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="matrix-title">',
        '<title id="matrix-title">Source agreement matrix</title>',
    ]
    for i, label in enumerate(labels):
        y = top + i * cell + cell / 2
        out.append(
            f'<text x="{left - 8}" y="{y + 4:.0f}" text-anchor="end" font-size="12" '
            f'fill="#1d232a">{_e(label)}</text>'
        )
        x = left + i * cell + cell / 2
        out.append(
            f'<text transform="translate({x + 4:.0f},{top - 8}) rotate(-45)" font-size="12" '
            f'fill="#1d232a">{_e(label)}</text>'
        )
    for i in range(n):
        for j in range(n):
            x, y = left + j * cell, top + i * cell
            agree, disagree = matrix.agree[i][j], matrix.disagree[i][j]
            opacity = 1.0
            if i == j:
                fill, ink, text = "#3b4350", "#ffffff", f"{agree}"
                tip = f"{labels[i]} speaks to {agree} facts"
            elif agree + disagree == 0:
                fill, ink, text = "#e9ecef", "#5b6570", "—"
                tip = f"{labels[i]} and {labels[j]} never speak to the same fact"
            else:
                shared = agree + disagree
                opacity = _strength(shared)
                fill, text = _colour(agree / shared), f"{agree}/{shared}"
                ink = "#ffffff" if opacity >= 0.6 else "#1d232a"
                tip = (
                    f"{labels[i]} and {labels[j]} agree on {agree} of the "
                    f"{shared} facts both speak to"
                )
            out.append(
                f'<g><title>{_e(tip)}</title><rect x="{x + 1}" y="{y + 1}" width="{cell - 2}" '
                f'height="{cell - 2}" rx="5" fill="{fill}"'
                + (f' fill-opacity="{opacity}"' if opacity < 1 else "")
                + "/>"
                f'<text x="{x + cell / 2:.0f}" y="{y + cell / 2 + 5:.0f}" text-anchor="middle" '
                f'font-size="13" font-weight="600" fill="{ink}">{_e(text)}</text></g>'
            )
    out.append("</svg>")
    return "".join(out)


def _trust_chart(sources: Sequence[SourceView]) -> str:
    """Each source's trust as a bar, in a grid: name, bar, number -- never on top of one
    another."""
    rows = sorted((s for s in sources if s.trust is not None), key=lambda s: -(s.trust or 0.0))
    if not rows:
        return '<p class="why">No trust scores.</p>'
    out = ['<div class="trust" role="list" aria-label="Source trust">']
    for s in rows:
        trust = s.trust or 0.0
        out.append(
            f'<span class="name mono" role="listitem">{_e(s.id.key)}</span>'
            f'<span class="track"><i style="width:{trust * 100:.0f}%;'
            f'background:{_colour(trust)}"></i></span>'
            f'<span class="num">{trust:.2f}</span>'
        )
    out.append("</div>")
    return "".join(out)


def _notes(numbers: Sequence[int]) -> str:
    return "".join(f'<sup><a href="#note-{n}">{n}</a></sup>' for n in numbers)


def _bar(confidence: float) -> str:
    pct = max(0.0, min(1.0, confidence)) * 100
    return (
        f'<span class="bar" title="confidence {confidence:.2f}"><i style="width:{pct:.0f}%">'
        f"</i></span>{confidence:.2f}"
    )


def _names(sources: Sequence[object], hedged: Sequence[object] = ()) -> str:
    """Source keys, each kept whole on its line."""
    return ", ".join(
        f'<span class="name mono">{_e(getattr(s, "key", s))}'
        + (" (hedged)" if s in hedged else "")
        + "</span>"
        for s in sources
    )


def _fact_table(facts: Sequence[FactView], opinions: bool, names: _Keys) -> list[str]:
    head = "Opinion" if opinions else "Value"
    out = [
        '<table class="rows"><thead><tr><th>Subject</th><th>Property</th>'
        f"<th>{head}</th><th>Sources</th>"
        + ("" if opinions else '<th class="num">Confidence</th>')
        + "</tr></thead><tbody>"
    ]
    previous = None
    for f in facts:
        subject = _e(f.subject_name) if f.subject != previous else ""
        previous = f.subject
        count = ""
        if f.count.sources > 1:
            count = f'<span class="count">{"in all " if f.also else ""}{_e(f.count.text)}</span>'
        out.append(
            f'<tr><td class="subject" title="{_e(f.subject)}">{subject}</td>'
            f'<td class="property"><span class="prop">{_e(f.property)}</span></td>'
            f"<td>{_e(f.value)}"
            + "".join(f'<div class="also">also {names(w)}</div>' for w in f.also)
            + "".join(
                f'<div class="hedge"><span class="name mono">{_e(k)}</span> hedges: {_e(w)}</div>'
                for k, w in f.hedges
            )
            + "</td>"
            f'<td data-label="Sources">{_names(f.sources)}{_notes(f.citations)}{count}</td>'
            + (
                ""
                if opinions
                else f'<td class="num" data-label="Confidence">{_bar(f.confidence)}</td>'
            )
            + "</tr>"
        )
    out.append("</tbody></table>")
    return out


def _side(view: ReportView, fact: FactView, side: Side) -> list[str]:
    mark = f"{side.mark} " if side.mark != "•" else ""
    count = f" ({_e(side.count.text)})" if side.count.sources > 1 else ""
    joiner = "by" if fact.status == "rejected" else "—"
    out = [
        f'<div class="side{" accepted" if side.verdict == "accepted" else ""}">'
        f'<div class="value">{_e(mark + side_statement(fact, side))}</div>'
        f'<div class="who">{joiner} {_names(side.sources, side.hedged)}{count}'
        f"{_notes(side.citations)}</div>"
    ]
    for number in side.citations:
        note = view.citation(number)
        who = f'<cite class="name mono">{_e(note.key)}</cite>'
        if note.fields:
            out.append(f'<blockquote class="fields">{who}{_e(note.words)}</blockquote>')
        elif note.excerpt:
            out.append(f"<blockquote>{who}{_e(note.excerpt)}</blockquote>")
    out.append("</div>")
    return out


def _dispute(view: ReportView, fact: FactView, names: _Keys) -> list[str]:
    out = [
        f'<div class="dispute {_e(fact.status)}">',
        f"<h3>{_e(dispute_heading(fact))} "
        f'<span class="name mono" style="font-weight:400">({_e(fact.subject)})</span></h3>',
        '<div class="sides">',
    ]
    for side in fact.sides:
        out += _side(view, fact, side)
    out.append("</div>")
    if fact.explanation:
        out.append(f'<p class="why">Why: {names(fact.explanation)}</p>')
    out.append("</div>")
    return out


def _link(url: str | None) -> str:
    if url and url.lower().startswith(("http://", "https://")):
        return f'<a class="url" href="{_e(url)}" rel="noreferrer noopener">{_e(url)}</a>'
    return _e(url or "")


def _quotes(view: ReportView) -> list[str]:
    out = ['<h2 id="quotes">Quote fidelity</h2>']
    for line in view.quotes:
        who = view.name(line.speaker) if line.speaker is not None else "unknown speaker"
        out += [
            '<div class="line">',
            f"<blockquote>{_e(line.text)}</blockquote>",
            f'<p class="why">— {_e(who)} · {_e(line.basis)}</p>',
            '<table class="rows"><thead><tr><th>Source</th><th>Fidelity</th>'
            '<th class="num">Similarity</th><th>Rendering</th><th>Why</th></tr></thead>'
            "<tbody>",
        ]
        for r in line.renderings:
            out.append(
                f'<tr><td data-label="Source"><span class="name mono">{_e(r.source.key)}'
                "</span></td>"
                f'<td data-label="Fidelity"><span class="badge {_e(r.kind.value)}">'
                f"{_e(r.kind.value)}</span></td>"
                f'<td class="num" data-label="Similarity">{r.similarity:.2f}</td>'
                f'<td data-label="Rendering">{_e(r.text)}</td>'
                f'<td data-label="Why">{_e(r.match.reason)}</td></tr>'
            )
        out += ["</tbody></table>", "</div>"]
    return out


def _sources(view: ReportView, names: _Keys) -> list[str]:
    out = [
        '<h2 id="sources">Sources</h2>',
        '<table class="rows"><thead><tr><th>Source</th><th>Kind</th>'
        '<th class="num">Trust</th><th class="num">Claims</th><th>Link</th></tr>'
        "</thead><tbody>",
    ]
    for s in view.sources:
        relays = f"<br><small>via {names(', '.join(s.relays))}</small>" if s.relays else ""
        trust = "—" if s.trust is None else _bar(s.trust)
        out.append(
            f'<tr id="{_e(s.id)}"><td><span class="name mono">{_e(s.id)}</span><br>'
            f'{_e(s.label)}{relays}</td><td data-label="Kind">{_e(s.kind or "—")}</td>'
            f'<td class="num" data-label="Trust">{trust}</td>'
            f'<td class="num" data-label="Claims">{s.claims}</td>'
            f'<td data-label="Link">{_link(s.url)}</td></tr>'
        )
    out.append("</tbody></table>")
    return out


def _citations(view: ReportView) -> list[str]:
    out = ['<h2 id="notes">Notes</h2>', '<ol class="notes">']
    for note in view.citations:
        who = f'<span class="name mono">{_e(note.source or note.claim)}</span> {_e(note.label)}'
        if note.said_by:
            who += f", quoting {_e(note.said_by)}"
        if note.via:
            who += f" (via {_e(', '.join(note.via))})"
        words = f": {_e(note.words)}" if note.words else f" ({_e(note.claim)})"
        out.append(f'<li id="note-{note.number}">{who}{words}</li>')
    out.append("</ol>")
    return out


def render_html(view: ReportView) -> str:
    """The report as one self-contained HTML page."""
    import filmlore

    version = filmlore.__version__
    counts = view.counts()
    names = _Keys([s.id.key for s in view.sources])
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="filmlore {_e(version)}">',
        f"<title>{_e(view.title)} — filmlore report</title>",
        f"<style>{_CSS}</style></head><body><main>",
        f"<h1>{_e(view.title)}</h1>",
        f'<p class="lede">Reconciled with {_e(view.policy)}: {_e(summary_line(view))}.</p>',
        '<div class="cards">',
    ]
    for key, heading in SECTIONS:
        out.append(
            f'<a class="card {key}" href="#{key}"><b>{counts[key]}</b>'
            f"<span>{_e(heading)}</span></a>"
        )
    out.append("</div>")
    if view.matrix.sources:
        out += [
            "<h2>Who agrees with whom</h2>",
            '<div class="pictures"><figure>',
            f'<div class="scroll">{matrix_svg(view.matrix)}</div>',
            "<figcaption>For each pair of sources: of the facts both speak to, on how many "
            "they take the same side (green: always, red: never); the paler the cell, the "
            "fewer facts it rests on. The diagonal counts the facts each source speaks to."
            "</figcaption></figure><figure>",
            _trust_chart(view.sources),
            "<figcaption>How far each source is trusted, as the policy scores it.</figcaption>",
            "</figure></div>",
        ]
    for key, heading, facts in view.sections():
        if not facts and key not in ALWAYS_SHOWN:
            continue
        out.append(f'<h2 id="{key}">{_e(heading)} ({len(facts)})</h2>')
        if not facts:
            out.append('<p class="why">None.</p>')
        for fact in facts:
            if fact.disputed:
                out += _dispute(view, fact, names)
        rows = [f for f in facts if not f.disputed]
        if rows:
            out += _fact_table(rows, key == "opinions", names)
    if view.quotes:
        out += _quotes(view)
    if view.sources:
        out += _sources(view, names)
    if view.citations:
        out += _citations(view)
    out += [
        f"<footer>Made by filmlore {_e(version)} from {view.claims} claims. "
        "This page is self-contained: it loads nothing from the network.</footer>",
        "</main></body></html>",
    ]
    return "\n".join(out) + "\n"
