"""The HTML report: one self-contained page -- inline CSS and SVG, no scripts, no fetches.

Every piece of text that comes from a source or a dossier is escaped; the only links out
are plain anchors to the sources' own ``http(s)`` URLs.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence

from filmlore.report._text import source_keys, summary_line
from filmlore.report._view import (
    DISPUTES,
    STATUSES,
    AgreementMatrix,
    FactView,
    ReportView,
    SourceView,
)

__all__ = ["HTML_ORDER", "matrix_svg", "render_html"]


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


_CSS = """
:root { --ink: #1d232a; --muted: #5b6570; --line: #d8dde3; --paper: #ffffff;
  --soft: #f4f6f8; --agree: #1a7f4b; --resolve: #1f5fa8; --dispute: #b3261e;
  --single: #8a6d00; --reject: #7a1f5c; --accent: #3b4cca; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--soft); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 48px; background: var(--paper);
  min-height: 100vh; }
h1 { font-size: 30px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 21px; margin: 36px 0 12px; padding-bottom: 6px;
  border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 0 0 8px; }
p.lede { color: var(--muted); margin: 0 0 18px; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 0.86em; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0 4px; }
.card { flex: 1 1 150px; border: 1px solid var(--line); border-radius: 10px;
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
.pictures { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 28px;
  align-items: start; }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 6px; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px;
  border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; position: sticky; top: 0; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.subject { color: var(--muted); }
table.fixed { table-layout: fixed; }
table.fixed td { overflow-wrap: anywhere; }
.bar { display: inline-block; vertical-align: middle; width: 64px; height: 8px;
  background: var(--line); border-radius: 4px; overflow: hidden; margin-right: 6px; }
.bar i { display: block; height: 100%; background: var(--accent); }
sup a { text-decoration: none; color: var(--accent); font-size: 11px; padding: 0 1px; }
.dispute { border: 1px solid var(--line); border-left: 5px solid var(--dispute);
  border-radius: 8px; padding: 12px 16px; margin: 0 0 14px; }
.dispute.resolved { border-left-color: var(--resolve); }
.dispute.rejected { border-left-color: var(--reject); }
.also { color: #555; font-size: 0.85em; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
  gap: 12px; }
.side { background: var(--soft); border-radius: 6px; padding: 8px 12px; }
.side.chosen { background: #e8f3ec; }
.side .value { font-weight: 600; }
.side .who { color: var(--muted); font-size: 13px; }
blockquote { margin: 6px 0 0; padding: 2px 10px; border-left: 3px solid var(--line);
  color: #333c45; font-size: 14px; }
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
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@media (max-width: 860px) { .pictures { grid-template-columns: 1fr; } main { padding: 16px; } }
@media print { body { background: #fff; } main { max-width: none; } th { position: static; } }
"""


#: The page puts what needs a reader's judgement first: open disputes, then resolved ones.
_FIRST = ("disputed", "resolved", "rejected")
_HTML_ORDER = tuple(sorted(STATUSES, key=lambda s: _FIRST.index(s[0]) if s[0] in _FIRST else 3))
#: The statuses in the page's order.
HTML_ORDER = tuple(status for status, _ in _HTML_ORDER)


def _colour(rate: float) -> str:
    """Red (never agree) through amber to green (always agree)."""
    stops = ((0.0, (200, 60, 50)), (0.5, (235, 180, 60)), (1.0, (40, 140, 80)))
    for (r0, c0), (r1, c1) in itertools.pairwise(stops):
        if rate <= r1:
            t = (max(rate, r0) - r0) / (r1 - r0)
            r, g, b = (round(a + (b - a) * t) for a, b in zip(c0, c1, strict=True))
            return f"#{r:02x}{g:02x}{b:02x}"
    return "#288c50"


def matrix_svg(matrix: AgreementMatrix, names: Sequence[str] | None = None) -> str:
    """The source × source agreement matrix as an inline SVG.

    Each cell is coloured by how often the two sources agree on the facts both speak to
    (green always, red never, grey never on the same fact) and says ``agreed/shared``; the
    diagonal gives how many facts each source speaks to.
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
            if i == j:
                fill, ink, text = "#3b4350", "#ffffff", f"{agree}"
                tip = f"{labels[i]} speaks to {agree} facts"
            elif agree + disagree == 0:
                fill, ink, text = "#e9ecef", "#5b6570", "—"
                tip = f"{labels[i]} and {labels[j]} never speak to the same fact"
            else:
                rate = agree / (agree + disagree)
                fill, ink, text = _colour(rate), "#ffffff", f"{agree}/{agree + disagree}"
                tip = (
                    f"{labels[i]} and {labels[j]} agree on {agree} of the "
                    f"{agree + disagree} facts both speak to"
                )
            out.append(
                f'<g><title>{_e(tip)}</title><rect x="{x + 1}" y="{y + 1}" width="{cell - 2}" '
                f'height="{cell - 2}" rx="5" fill="{fill}"/>'
                f'<text x="{x + cell / 2:.0f}" y="{y + cell / 2 + 5:.0f}" text-anchor="middle" '
                f'font-size="13" font-weight="600" fill="{ink}">{_e(text)}</text></g>'
            )
    out.append("</svg>")
    return "".join(out)


def _trust_svg(sources: Sequence[SourceView]) -> str:
    """Each source's trust as a horizontal bar."""
    rows = [s for s in sources if s.trust is not None]
    rows.sort(key=lambda s: -(s.trust or 0.0))
    left = 12 + 7 * max((len(s.id.key) for s in rows), default=4)
    bar, row_h = 200, 26
    width, height = left + bar + 56, 10 + row_h * max(len(rows), 1)
    out = [
        f'<svg role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="trust-title">',
        '<title id="trust-title">Source trust</title>',
    ]
    for k, s in enumerate(rows):
        y = 6 + k * row_h
        trust = s.trust or 0.0
        out.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" font-size="12" '
            f'fill="#1d232a">{_e(s.id.key)}</text>'
            f'<rect x="{left}" y="{y + 4}" width="{bar}" height="14" rx="4" fill="#e9ecef"/>'
            f'<rect x="{left}" y="{y + 4}" width="{bar * trust:.1f}" height="14" rx="4" '
            f'fill="{_colour(trust)}"/>'
            f'<text x="{left + bar + 8}" y="{y + 15}" font-size="12" fill="#1d232a">'
            f"{trust:.2f}</text>"
        )
    if not rows:
        out.append('<text x="8" y="22" font-size="12" fill="#5b6570">no trust scores</text>')
    out.append("</svg>")
    return "".join(out)


def _notes(numbers: Sequence[int]) -> str:
    return "".join(f'<sup><a href="#note-{n}">{n}</a></sup>' for n in numbers)


def _bar(confidence: float) -> str:
    pct = max(0.0, min(1.0, confidence)) * 100
    return (
        f'<span class="bar" title="confidence {confidence:.2f}"><i style="width:{pct:.0f}%">'
        f"</i></span>{confidence:.2f}"
    )


def _fact_table(facts: Sequence[FactView]) -> list[str]:
    out = [
        '<table class="fixed"><colgroup><col style="width:17%"><col style="width:17%">'
        '<col style="width:32%"><col style="width:12%"><col style="width:22%"></colgroup>'
        "<thead><tr><th>Subject</th><th>Property</th><th>Value</th>"
        '<th class="num">Confidence</th><th>Sources</th></tr></thead><tbody>'
    ]
    previous = None
    for f in facts:
        subject = _e(f.subject_name) if f.subject != previous else ""
        previous = f.subject
        out.append(
            f'<tr><td class="subject" title="{_e(f.subject)}">{subject}</td>'
            f"<td>{_e(f.property)}</td><td>{_e(f.value)}"
            + "".join(f'<div class="also">also {_e(w)}</div>' for w in f.also)
            + "</td>"
            f'<td class="num">{_bar(f.confidence)}</td>'
            f'<td><span class="mono">{_e(source_keys(f.sources))}</span>'
            f"{_notes(f.citations)}</td></tr>"
        )
    out.append("</tbody></table>")
    return out


def _dispute(view: ReportView, fact: FactView) -> list[str]:
    out = [
        f'<div class="dispute {_e(fact.status)}">',
        f"<h3>{_e(fact.subject_name)} · {_e(fact.property)} "
        f'<span class="mono" style="font-weight:400">({_e(fact.subject)})</span></h3>',
        '<div class="sides">',
    ]
    for side in fact.sides:
        mark = "✓ chosen" if side.chosen else "✗ not chosen"
        if fact.status == "disputed":
            mark = "leading" if side.chosen else "against"
        elif fact.status == "rejected":
            mark = "✓ denied" if side.chosen else "✗ asserted, turned down"
        stance = "" if side.stance == "asserts" else f" ({_e(side.stance)})"
        out.append(
            f'<div class="side{" chosen" if side.chosen else ""}">'
            f'<div class="value">{_e(side.value)}{stance}</div>'
            f'<div class="who">{_e(mark)} — <span class="mono">'
            f"{_e(source_keys(side.sources))}</span>{_notes(side.citations)}</div>"
        )
        for number in side.citations:
            note = view.citation(number)
            if note.excerpt:
                out.append(f"<blockquote>{_e(note.excerpt)}</blockquote>")
        out.append("</div>")
    out.append("</div>")
    why = f"Confidence {fact.confidence:.2f}."
    if fact.explanation:
        why += f" {fact.explanation}"
    out += [f'<p class="why">{_e(why)}</p>', "</div>"]
    return out


def _link(url: str | None) -> str:
    if url and url.lower().startswith(("http://", "https://")):
        return f'<a href="{_e(url)}" rel="noreferrer noopener">{_e(url)}</a>'
    return _e(url or "")


def render_html(view: ReportView) -> str:
    """The report as one self-contained HTML page."""
    import filmlore

    version = filmlore.__version__
    counts = view.counts()
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
    for status, heading in _HTML_ORDER:
        out.append(
            f'<a class="card {status}" href="#{status}"><b>{counts[status]}</b>'
            f"<span>{_e(heading)}</span></a>"
        )
    out.append("</div>")
    if view.matrix.sources:
        out += [
            "<h2>Who agrees with whom</h2>",
            '<div class="pictures"><figure>',
            matrix_svg(view.matrix),
            "<figcaption>For each pair of sources: on how many of the facts both speak to "
            "they take the same side (green: always, red: never). The diagonal counts the "
            "facts each source speaks to.</figcaption></figure><figure>",
            _trust_svg(view.sources),
            "<figcaption>How far each source is trusted, as the policy scores it.</figcaption>",
            "</figure></div>",
        ]
    for status, heading in _HTML_ORDER:
        facts = view.with_status(status)
        disputes = status in DISPUTES
        if not facts and status not in ("resolved", "disputed"):
            continue
        out.append(f'<h2 id="{status}">{_e(heading)} ({len(facts)})</h2>')
        if not facts:
            out.append('<p class="why">None.</p>')
        elif disputes:
            for fact in facts:
                out += _dispute(view, fact)
        else:
            out += _fact_table(facts)
    if view.quotes:
        out.append('<h2 id="quotes">Quote fidelity</h2>')
        for line in view.quotes:
            who = view.name(line.speaker) if line.speaker is not None else "unknown speaker"
            out += [
                '<div class="line">',
                f"<blockquote>{_e(line.text)}</blockquote>",
                f'<p class="why">— {_e(who)} · {_e(line.basis)}</p>',
                '<table class="fixed"><colgroup><col style="width:19%">'
                '<col style="width:13%"><col style="width:9%"><col style="width:34%">'
                '<col style="width:25%"></colgroup>'
                "<thead><tr><th>Source</th><th>Fidelity</th>"
                '<th class="num">Similarity</th><th>Rendering</th><th>Why</th></tr></thead>'
                "<tbody>",
            ]
            for r in line.renderings:
                out.append(
                    f'<tr><td class="mono">{_e(r.source)}</td>'
                    f'<td><span class="badge {_e(r.kind.value)}">{_e(r.kind.value)}</span></td>'
                    f'<td class="num">{r.similarity:.2f}</td><td>{_e(r.text)}</td>'
                    f"<td>{_e(r.match.reason)}</td></tr>"
                )
            out += ["</tbody></table>", "</div>"]
    if view.sources:
        out += [
            '<h2 id="sources">Sources</h2>',
            "<table><thead><tr><th>Source</th><th>Kind</th>"
            '<th class="num">Trust</th><th class="num">Claims</th><th>Link</th></tr>'
            "</thead><tbody>",
        ]
        for s in view.sources:
            relays = f"<br><small>via {_e(', '.join(s.relays))}</small>" if s.relays else ""
            trust = "—" if s.trust is None else _bar(s.trust)
            out.append(
                f'<tr id="{_e(s.id)}"><td><span class="mono">{_e(s.id)}</span><br>'
                f"{_e(s.label)}{relays}</td><td>{_e(s.kind or '—')}</td>"
                f'<td class="num">{trust}</td><td class="num">{s.claims}</td>'
                f"<td>{_link(s.url)}</td></tr>"
            )
        out.append("</tbody></table>")
    if view.citations:
        out += ['<h2 id="notes">Notes</h2>', '<ol class="notes">']
        for note in view.citations:
            who = f'<span class="mono">{_e(note.source or note.claim)}</span> {_e(note.label)}'
            if note.said_by:
                who += f", quoting {_e(note.said_by)}"
            if note.via:
                who += f" (via {_e(', '.join(note.via))})"
            words = f": “{_e(note.excerpt)}”" if note.excerpt else f" ({_e(note.claim)})"
            out.append(f'<li id="note-{note.number}">{who}{words}</li>')
        out.append("</ol>")
    out += [
        f"<footer>Made by filmlore {_e(version)} from {view.claims} claims. "
        "This page is self-contained: it loads nothing from the network.</footer>",
        "</main></body></html>",
    ]
    return "\n".join(out) + "\n"
