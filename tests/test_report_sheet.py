"""The fact sheet a fact-checker reads: what needs a decision first, how much evidence,
explanations in plain words, data rows as fields, opinions apart -- the same in every
format, on a terminal or piped."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import filmlore
from filmlore import Dossier, Reconciliation, reconcile, report
from filmlore.report._entries import Count
from tests.conftest import ROOT, on_a_terminal

HEAT_DIR = filmlore.example_path("heat")
#: The section keys in report order.
ORDER = [key for key, _ in report.SECTIONS]
#: A terminal's escape sequences (colours, styles).
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture(scope="module")
def result(heat: Dossier) -> Reconciliation:
    """Heat, reconciled with the default policy."""
    return reconcile(heat)


@pytest.fixture(scope="module")
def text(heat: Dossier, result: Reconciliation) -> str:
    """Heat's plain-text report."""
    return report.render(result, heat)


@pytest.fixture(scope="module")
def markdown(heat: Dossier, result: Reconciliation) -> str:
    """Heat's Markdown report."""
    return report.render(result, heat, format="markdown")


@pytest.fixture(scope="module")
def page(heat: Dossier, result: Reconciliation) -> str:
    """Heat's HTML report."""
    return report.render(result, heat, format="html")


@pytest.fixture(scope="module")
def data(heat: Dossier, result: Reconciliation) -> dict[str, object]:
    """Heat's JSON report, read back."""
    loaded: dict[str, object] = json.loads(report.render(result, heat, format="json"))
    return loaded


def _section(text: str, heading: str) -> str:
    """The text of one section of the plain-text report, up to the next heading."""
    start = text.index(heading)
    rest = text[start + len(heading) :]
    found = re.search(r"\n\n\S[^\n]*\n-+\n", rest)
    return rest[: found.start()] if found else rest


# --- what needs a decision first ----------------------------------------------------------


def test_every_format_leads_with_what_needs_a_decision(
    text: str, markdown: str, page: str, data: dict[str, object]
) -> None:
    """Open disputes, resolved disputes, rejected values, agreed facts, single-source
    facts, then opinions: in the text, the Markdown, the HTML and the JSON alike."""
    headings = dict(report.SECTIONS)
    in_text = [k for k, h in report.SECTIONS if re.search(rf"^{h} \(\d+\)$", text, re.M)]
    in_markdown = [k for k, h in report.SECTIONS if f"\n## {h}\n" in markdown]
    in_html = re.findall(r'<h2 id="([a-z-]+)">', page)
    in_json = [s["key"] for s in data["sections"]]  # type: ignore[attr-defined]
    assert in_text == ORDER
    assert in_markdown == ORDER
    assert [k for k in in_html if k in headings] == ORDER
    assert in_json == ORDER
    positions = [text.index(f"{headings[k]} (") for k in ORDER]
    assert positions == sorted(positions)


def test_the_summary_counts_follow_the_same_order(
    result: Reconciliation, text: str, data: dict[str, object]
) -> None:
    """The summary line names each section's count in report order, and they add up."""
    flat = " ".join(text.split())
    counts = {s["key"]: len(s["entries"]) for s in data["sections"]}  # type: ignore[attr-defined]
    assert "331 claims from 6 sources → 1 open dispute, 1 resolved dispute, 1 rejected value, " in (
        flat
    )
    assert (
        f"{counts['agreed']} agreed facts, {counts['single-source']} single-source facts and "
        f"{counts['opinions']} opinions" in flat
    )
    assert sum(counts.values()) == len(result.facts) + len(result.rejected)


# --- opinions apart ----------------------------------------------------------------------


def test_opinions_are_listed_apart_from_the_facts(
    heat: Dossier, text: str, data: dict[str, object]
) -> None:
    """Every value of an opinion property (kind ``assessment``: Heat's ``assessment``,
    ``reception`` and ``characterization``) is in the Opinions section, and no fact is."""
    opinions = {p.name for p in heat.registry if report.is_opinion(p.name, heat.registry)}
    assert {"assessment", "reception", "characterization"} <= opinions
    assert "character_occupation" not in opinions  # a category: a fact
    for section in data["sections"]:  # type: ignore[attr-defined]
        for entry in section["entries"]:
            assert (entry["property"] in opinions) == (section["key"] == "opinions"), entry
            assert entry["opinion"] == (section["key"] == "opinions")
    facts = text.split("\nOpinions (")[0]
    assert "assessment:" not in facts
    assert "reception:" not in facts
    assert "assessment: changed cinema forever" in _section(text, "Opinions (")


def test_a_property_declared_as_assessment_is_an_opinion() -> None:
    """A dossier's own property of kind ``assessment`` -- or narrower than one -- is an
    opinion; an unknown property is a fact."""
    registry = filmlore.properties.registry.copy()
    registry.register(filmlore.Property(name="verdict", kind="assessment", subjects=("film",)))
    registry.register(
        filmlore.Property(name="rave", kind="assessment", subjects=("film",), broader="verdict")
    )
    assert report.is_opinion("verdict", registry)
    assert report.is_opinion("rave", registry)
    assert not report.is_opinion("duration", registry)
    assert not report.is_opinion("no_such_property", registry)
    assert "assessment" in report.OPINION_KINDS


def test_opinions_carry_no_confidence(text: str) -> None:
    """An opinion is listed with who holds it and how many do, not how likely it is."""
    line = next(x for x in text.splitlines() if "assessment: changed cinema forever" in x)
    assert "coffee-shop-article, crime-epic-blog; 2 independent sources" in line
    assert "confidence" not in line


# --- how much evidence ---------------------------------------------------------------------

#: A claim two articles attribute to one director, and a blog that says it on its own.
VOICES = """
title: Voices
films: [{id: film:f, title: The Film}]
people: [{id: person:d, name: Dee Rector}]
sources:
  - {id: source:a, kind: article, text: "Dee says it runs 100 minutes."}
  - {id: source:b, kind: article, text: "It runs 100 minutes, says Dee."}
  - {id: source:c, kind: blog, text: "I timed it: 100 minutes."}
  - {id: source:d, kind: blog, text: "I read that it is a war film."}
claims:
  - {id: claim:a, subject: film:f, property: duration, value: 100 min, source: source:a,
     attributed_to: person:d, excerpt: "Dee says it runs 100 minutes."}
  - {id: claim:b, subject: film:f, property: duration, value: 100 min, source: source:b,
     attributed_to: person:d, excerpt: "It runs 100 minutes, says Dee."}
  - {id: claim:c, subject: film:f, property: duration, value: 100 min, source: source:c,
     excerpt: "I timed it: 100 minutes."}
  - {id: claim:d, subject: film:f, property: genre, value: war film, source: source:d,
     stance: hedges, excerpt: "I read that it is a war film."}
"""


def test_evidence_counts_sources_and_independent_origins() -> None:
    """Two articles quoting one director and a blog are 3 sources but 2 independent ones."""
    dossier = filmlore.loads(VOICES, format="yaml")
    assert isinstance(dossier, Dossier)
    text = report.render(reconcile(dossier), dossier)
    line = next(x for x in text.splitlines() if "duration: 100 min" in x)
    assert "a, b, c; 3 sources (2 independent)" in line
    data = json.loads(report.render(reconcile(dossier), dossier, format="json"))
    entry = next(e for s in data["sections"] for e in s["entries"] if e["property"] == "duration")
    assert entry["evidence"] == {
        "sources": 3,
        "independent": 2,
        "text": "3 sources (2 independent)",
    }


def test_a_hedge_is_shown_as_written() -> None:
    """A source that only hedges is shown with its own words ("I read that …")."""
    dossier = filmlore.loads(VOICES, format="yaml")
    assert isinstance(dossier, Dossier)
    text = report.render(reconcile(dossier), dossier)
    assert "d hedges: “I read that it is a war film.”" in text


@given(st.integers(0, 50), st.integers(0, 50))
def test_a_count_reads_as_its_numbers(sources: int, independent: int) -> None:
    """A count names its sources, and how many are independent only when that differs."""
    independent = min(independent, sources)
    words = Count(sources=sources, independent=independent).text
    numbers = [int(n) for n in re.findall(r"\d+", words)]
    if sources == 0:
        assert words == "no source"
    elif sources == 1:
        assert words == "1 source"
    elif independent == sources:
        assert words == f"{sources} independent sources"
    else:
        assert numbers == [sources, independent]
    assert Count(sources=3, independent=None).text == "3 sources"


def test_qualifiers_and_hedges_stand_beside_the_values(text: str) -> None:
    """A scope or qualifier is shown with its value; a hedging source with its words."""
    assert "first_film_together: Al Pacino and Robert De Niro [scope: in a speaking scene]" in text
    assert "researched_with: ex-criminals [who: Michael Mann]" in text
    flat = " ".join(text.split())
    assert "crime-epic-blog hedges: “I read that he made the cast spend time with real cops" in flat


# --- explanations in plain words -----------------------------------------------------------


def test_a_resolved_dispute_names_whose_sources_proved_more_accurate(
    result: Reconciliation,
) -> None:
    """Heat's genre: the three sources that call it a crime film are named, and the
    interview that denies it."""
    fact = next(f for f in result.facts if f.property == "genre" and f.printed == "crime film")
    assert fact.status.value == "resolved"
    assert (
        "but crime-epic-blog, inscker-review and tmdb-heat proved more accurate than "
        "mann-scraps-from-the-loft (confidence 1.00)." in fact.explanation
    )
    assert "the sources of the accepted value" not in fact.explanation


@pytest.mark.parametrize(
    ("policy", "words"),
    [
        (filmlore.Vote(), "db and zine outvoted blog"),
        (filmlore.WeightedVote({"source:db": 3}), "db and zine outweighed blog"),
        (filmlore.Authority(), "db and zine outranked blog"),
        (filmlore.MostSpecific(), "it is the most precise value where db and zine outvoted blog"),
    ],
)
def test_every_policy_names_the_sources_on_each_side(policy: filmlore.Policy, words: str) -> None:
    """Each built-in policy's reason names the sources for the value and those against."""
    claims = [
        filmlore.Claim(
            id=filmlore.EntityRef("claim", source),
            subject=filmlore.EntityRef("film", "f"),
            property="duration",
            value=filmlore.Duration(amount=minutes, unit="min"),
            source=filmlore.EntityRef("source", source),
        )
        for source, minutes in (("db", 170), ("zine", 170), ("blog", 120))
    ]
    fact = reconcile(claims, policy=policy).fact("film:f", "duration")
    assert fact is not None
    assert fact.status.value == "resolved", fact.explanation
    assert words in fact.explanation


def test_one_source_that_reports_a_view_and_denies_it_says_so(result: Reconciliation) -> None:
    """The blog reports that some think Hanna "too much" and disagrees: said in words, not
    as "crime-epic-blog denies too much; crime-epic-blog only reports it"."""
    (rejected,) = [f for f in result.rejected if f.property == "assessment"]
    assert rejected.explanation == (
        "crime-epic-blog reports the view 'too much' but denies it itself; "
        "no source asserts it (confidence 0.80)."
    )


def test_no_tick_beside_a_rejected_value(text: str, markdown: str, page: str) -> None:
    """A rejected value is never shown with ✓, in any format."""
    for heading in ("Rejected values (", "Opinions ("):
        section = _section(text, heading)
        for block in section.split("\n  ")[1:]:
            if "turned down, confidence" in block.splitlines()[0]:
                assert "✓" not in block, block
    rejected_md = markdown.split("## Rejected values")[1].split("\n## ")[0]
    assert "✓" not in rejected_md
    for block in re.findall(r'<div class="dispute rejected">.*?<p class="why">', page, re.S):
        assert "✓" not in block


# --- data rows, quotation marks, names ----------------------------------------------------


def test_database_evidence_is_shown_as_fields_of_its_row(
    text: str, markdown: str, page: str
) -> None:
    """TMDb's excerpts read as ``field = value`` from the row, never as a Python dict or the
    raw CSV text."""
    assert "tmdb-heat: genres.id = 80; genres.name = Crime" in text
    assert "genres.id = 80; genres.name = Crime" in markdown
    assert "genres.id = 80; genres.name = Crime" in page
    assert "revenue = 187436818; runtime = 170.0" in markdown
    for rendered in (text, markdown, page):
        assert "{'id':" not in rendered
        assert "{&#x27;id&#x27;:" not in rendered
        assert ",187436818,170.0," not in rendered


def test_no_doubled_quotation_marks(text: str, markdown: str, page: str) -> None:
    """An excerpt that opens with its own quotation mark does not get another."""
    assert "““" not in text + markdown + page
    assert "””" not in text + markdown + page
    assert "coffee-shop-article: “It isn’t a crime film to me,” he told Scraps" in text


def test_source_names_are_never_cut_short(heat: Dossier, result: Reconciliation) -> None:
    """On a narrow terminal every source key is printed whole (wrapped, never elided)."""
    from rich.console import Console

    console = Console(file=io.StringIO(), width=40, color_system=None)
    console.print(report.rich_report(result, heat))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert "…" not in out.replace("…”", "").replace("“…", "")
    for source in heat.sources:
        assert source.id.key in out
    keys = [s.id.key for s in heat.sources]
    tokens = {t.strip(",;:()“”'") for t in out.split()}
    cut = [t for t in tokens for k in keys if "-" in t and k.startswith(t) and t != k]
    assert cut == []


# --- the same wrapping on a terminal and piped ---------------------------------------------


def test_a_report_reads_the_same_on_a_terminal_and_piped(text: str) -> None:
    """`filmlore reconcile` wraps at 100 columns on a wide terminal and when piped: both
    print exactly the plain-text report (less the terminal's colours)."""
    piped = subprocess.run(
        [sys.executable, "-m", "filmlore", "reconcile", str(HEAT_DIR)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**os.environ, "COLUMNS": "160"},
    ).stdout
    assert piped == text
    shown, _ = on_a_terminal("reconcile", str(HEAT_DIR), columns=140, stdout=True)
    assert ESCAPES.sub("", shown) == text
    assert max(len(x) for x in text.splitlines()) <= 100 + len("mann-scraps-from-the-loft")


def test_a_narrow_terminal_wraps_at_its_width(heat: Dossier, result: Reconciliation) -> None:
    """Narrower than 100 columns, the report wraps at the terminal's width instead."""
    from rich.console import Console

    console = Console(file=io.StringIO(), width=72, color_system=None)
    console.print(report.rich_report(result, heat))
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert max(len(x) for x in lines) <= 72
    assert any(len(x) > 66 for x in lines)


# --- the demo ----------------------------------------------------------------------------


def test_the_demo_opens_with_words_not_an_object_repr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first line of `make demo` says what the dossier holds, in words."""
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import heat_demo
    finally:
        sys.path.remove(str(ROOT / "examples"))
    assert heat_demo.main([str(HEAT_DIR), str(tmp_path / "heat.html")]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert "<" not in first
    assert first.endswith(
        "Heat (1995): 8 films, 50 people, 25 characters, 50 credits, "
        "6 scenes, 3 quotes, 7 sources, 331 claims"
    )
    assert (tmp_path / "heat.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
