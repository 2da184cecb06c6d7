"""Reports: quote fidelity, the agreement matrix, and the text, Markdown and JSON renderings."""

from __future__ import annotations

import io
import json
import re

import pytest

import filmlore
from filmlore import Dossier, EntityRef, QuoteKind, Reconciliation, Vote, reconcile, report
from tests.conftest import ROOT

HEAT_DIR = filmlore.example_path("heat")

#: A small dossier with a resolved runtime dispute, a misattributed quote, and source text
#: that must be escaped in every format.
SMALL = """
title: A <small> dossier & friends
films:
  - id: film:f
    title: The Film
people:
  - id: person:p
    name: Pat Doe
characters:
  - id: character:c
    film: film:f
    name: Chris
    played_by: [person:p]
  - id: character:d
    film: film:f
    name: Dana
quotes:
  - id: quote:q
    film: film:f
    speaker: character:c
    text: Never go back to a place you have left.
sources:
  - id: source:db
    kind: database
    title: "The <b>database</b>"
    url: https://example.org/db?x=1&y=2
    text: "Runtime 170 min. <script>alert('x')</script>"
  - id: source:blog
    kind: blog
    url: javascript:alert(1)
    text: "It runs 170 minutes | long. Chris says: Never go back to a place you have left."
  - id: source:zine
    kind: article
    text: "A tight 120 minutes. Dana says: never go back."
claims:
  - id: claim:db-runtime
    subject: film:f
    property: duration
    value: 170 min
    source: source:db
    excerpt: "Runtime 170 min. <script>alert('x')</script>"
  - id: claim:blog-runtime
    subject: film:f
    property: duration
    value: 170 min
    source: source:blog
    excerpt: "It runs 170 minutes | long."
  - id: claim:zine-runtime
    subject: film:f
    property: duration
    value: 120 min
    source: source:zine
    excerpt: A tight 120 minutes.
  - id: claim:blog-quote
    subject: quote:q
    property: quotation
    value: Never go back to a place you have left.
    source: source:blog
    excerpt: "Never go back to a place you have left."
  - id: claim:zine-quote
    subject: quote:q
    property: quotation
    value: never go back
    source: source:zine
    excerpt: never go back
  - id: claim:zine-speaker
    subject: quote:q
    property: speaker
    value: character:d
    source: source:zine
    excerpt: Dana says
"""


def small_dossier() -> Dossier:
    """The small dossier above, loaded."""
    loaded = filmlore.loads(SMALL, format="yaml")
    assert isinstance(loaded, Dossier)
    return loaded


@pytest.fixture(scope="module")
def heat_result(heat: Dossier) -> Reconciliation:
    """Heat, reconciled with the default policy."""
    return reconcile(heat)


@pytest.fixture
def small() -> Dossier:
    """The small dossier."""
    return small_dossier()


# --- quote fidelity ---------------------------------------------------------------------------


def test_heat_quote_fidelity_judges_the_three_renderings(heat: Dossier) -> None:
    """McCauley's line: the review is exact, the blog truncates it, the article paraphrases."""
    lines = filmlore.quote_fidelity(heat)
    line = next(x for x in lines if x.quote == EntityRef("quote", "thirty-seconds-flat"))
    assert line.text == heat["quote:thirty-seconds-flat"].text
    assert line.basis == "the dossier's quote"
    assert line.speaker == EntityRef("character", "neil-mccauley")
    kinds = {r.source.key: r.kind for r in line.renderings}
    assert kinds == {
        "inscker-review": QuoteKind.EXACT,
        "crime-epic-blog": QuoteKind.TRUNCATED,
        "coffee-shop-article": QuoteKind.PARAPHRASE,
    }


def test_heat_quotes_of_one_speaker_stay_separate_lines(heat: Dossier) -> None:
    """Mann's five different quotations are five lines, not one."""
    lines = filmlore.quote_fidelity(heat)
    mann = [x for x in lines if x.speaker == EntityRef("person", "michael-mann")]
    assert len(mann) == 5
    assert all(x.quote is None and len(x.renderings) == 1 for x in mann)
    assert {r.kind for x in mann for r in x.renderings} == {QuoteKind.EXACT}


def test_a_source_giving_the_words_to_another_character_misattributes(small: Dossier) -> None:
    """The zine's own speaker claim names Dana, not Chris: its rendering is misattributed."""
    (line,) = filmlore.quote_fidelity(small)
    kinds = {r.source.key: r.kind for r in line.renderings}
    assert kinds == {"blog": QuoteKind.EXACT, "zine": QuoteKind.MISATTRIBUTED}
    zine = next(r for r in line.renderings if r.source.key == "zine")
    assert zine.speaker == EntityRef("character", "d")


def _quotation(key: str, source: str, words: str, **extra: object) -> filmlore.Claim:
    return filmlore.Claim(
        id=EntityRef("claim", key),
        subject=EntityRef("person", "mann"),
        property="quotation",
        value=filmlore.Text(words),
        source=EntityRef("source", source),
        attributed_to=EntityRef("person", "mann"),
        **extra,  # type: ignore[arg-type]
    )


def test_without_a_quote_entity_the_rendering_most_sources_give_is_the_line() -> None:
    """Two of three sources agree on the words: theirs is the best-attested text."""
    full = "It isn't a crime film to me. It is a drama."
    claims = [
        _quotation("a", "a", full),
        _quotation("b", "b", "It isn’t a crime film to me. It is a drama."),
        _quotation("c", "c", "It isn't a crime film to me."),
    ]
    (line,) = filmlore.quote_fidelity(Dossier(claims=claims))
    assert line.quote is None
    assert line.text == full
    assert line.basis == "given by 2 of 3 sources"
    assert [r.kind for r in line.renderings] == [
        QuoteKind.EXACT,
        QuoteKind.EXACT,
        QuoteKind.TRUNCATED,
    ]


def test_a_loose_rendering_by_the_same_speaker_joins_the_dossiers_quote(small: Dossier) -> None:
    """A quotation about the film, attributed to the character's actor, joins the quote's line."""
    loose = filmlore.Claim(
        id=EntityRef("claim", "loose"),
        subject=EntityRef("film", "f"),
        property="quotation",
        value=filmlore.Text("Never go back to a place you have left"),
        source=EntityRef("source", "db"),
        attributed_to=EntityRef("person", "p"),
    )
    dossier = small.merge(Dossier(claims=[loose]))
    lines = filmlore.quote_fidelity(dossier)
    assert len(lines) == 1
    assert EntityRef("claim", "loose") in [r.claim for r in lines[0].renderings]


def test_quote_lines_are_json_ready(small: Dossier) -> None:
    """QuoteLine.to_dict() round-trips through JSON with the fidelity of each rendering."""
    data = [x.to_dict() for x in filmlore.quote_fidelity(small)]
    again = json.loads(json.dumps(data))
    assert again[0]["quote"] == "quote:q"
    assert [r["fidelity"] for r in again[0]["renderings"]] == ["exact", "misattributed"]


# --- the agreement matrix -------------------------------------------------------------------


def test_agreement_matrix_counts_who_sides_with_whom(small: Dossier) -> None:
    """db and blog agree on the runtime; the zine disagrees with both."""
    matrix = report.agreement_matrix(reconcile(small), small)
    assert set(matrix.sources) == {
        EntityRef.parse(s) for s in ("source:db", "source:blog", "source:zine")
    }
    assert matrix.rate("source:db", "source:blog") == 1.0
    assert matrix.rate("source:db", "source:zine") == 0.0
    # blog and zine agree on the quotation but disagree on the runtime
    assert matrix.rate("source:blog", "source:zine") == 0.5
    i = matrix.sources.index(EntityRef("source", "zine"))
    assert matrix.agree[i][i] == 3  # the zine speaks to three facts


# --- rendering --------------------------------------------------------------------------------


def test_json_keeps_to_dict_and_adds_the_sheet(heat: Dossier, heat_result: Reconciliation) -> None:
    """format="json" holds Reconciliation.to_dict()'s four keys unchanged, and adds the
    rejected values, the sections in report order and the numbered notes."""
    data = json.loads(report.render(heat_result, heat, format="json"))
    expected = json.loads(json.dumps(heat_result.to_dict()))
    assert {key: data[key] for key in expected} == expected
    added = ["rejected", "sections", "notes"]
    assert list(data) == ["policy", "facts", "conflicts", "sources", *added]
    assert [f["value"] for f in data["rejected"]] == [f.printed for f in heat_result.rejected]
    assert [s["key"] for s in data["sections"]] == [key for key, _ in report.SECTIONS]
    numbers = [n["number"] for n in data["notes"]]
    assert numbers == list(range(1, len(numbers) + 1))


def test_text_report_has_every_section_and_the_dispute_sides(small: Dossier) -> None:
    """The text report gives the summary, each section, both sides with excerpts, and trust."""
    text = report.render(reconcile(small), small)
    assert text.startswith("A <small> dossier & friends\n")
    flat = " ".join(text.split())
    assert "0 open disputes, 1 resolved dispute, 1 agreed fact and 1 single-source fact" in flat
    assert "Resolved disputes (1)" in text
    assert "Open disputes (0)" in text
    assert "✓ accepted: 170 min — blog, db (2 independent sources)" in text
    assert "✗ turned down: 120 min — zine" in text
    assert "zine: “A tight 120 minutes.”" in text  # the losing side's excerpt, by its source
    assert "why: " in text
    assert re.search(r"zine\s+misattributed\s+0\.50", text)
    assert "Source trust" in text


def test_open_disputes_are_listed_with_their_explanation(small: Dossier) -> None:
    """With a plain vote and a 1-1 split, the runtime stays open and says why."""
    dossier = Dossier(
        films=small.films,
        sources=small.sources,
        claims=[c for c in small.claims if c.id.key in ("db-runtime", "zine-runtime")],
    )
    text = report.render(reconcile(dossier, policy=Vote()), dossier)
    assert "Open disputes (1)" in text
    section = text.split("Open disputes (1)")[1]
    assert "The Film · duration" in section
    assert "170 min" in section
    assert "120 min" in section


def test_rejected_values_show_the_denial(heat: Dossier, heat_result: Reconciliation) -> None:
    """A value the evidence turns down is listed with the denying source and its words."""
    text = report.render(heat_result, heat)
    assert "1 rejected value" in text
    section = text.split("Rejected values (1)")[1].split("Agreed facts")[0]
    assert (
        "The Godfather Part II · shared_scene: Al Pacino and Robert De Niro — turned down"
        in section
    )
    assert "• denied by inscker-review" in section
    assert "but never interacted" in section


def test_markdown_footnotes_all_resolve_and_text_is_escaped(small: Dossier) -> None:
    """Every [^n] used is defined once, every note is used, and source text cannot inject."""
    text = report.render(reconcile(small), small, format="markdown")
    used = set(re.findall(r"\[\^(\d+)\](?!:)", text))
    defined = re.findall(r"^\[\^(\d+)\]:", text, flags=re.M)
    assert used == set(defined)
    assert len(defined) == len(set(defined))
    assert "# A \\<small\\> dossier \\& friends" in text
    assert "<script>" not in text
    assert "It runs 170 minutes \\| long." in text
    assert "<https://example.org/db?x=1&y=2>" in text
    assert "javascript:" not in text  # only http(s) links are written


def test_md_escape_keeps_a_cell_on_one_line() -> None:
    """Pipes, markup and newlines cannot break a Markdown table row."""
    from filmlore.report._markdown import md_escape

    assert md_escape("a|b\n*c*") == "a\\|b \\*c\\*"


def test_render_without_a_dossier_shows_ids(small: Dossier) -> None:
    """Given the claims alone, the report names subjects by id and still cites the claims."""
    result = reconcile(small.claims)
    text = report.render(result, small.claims)
    assert "film:f" in text
    assert "170 min" in text
    bare = report.render(result)
    assert "film:f · duration" in bare


def test_unknown_format_is_refused(small: Dossier) -> None:
    """An unknown report format raises ValueError naming the formats."""
    with pytest.raises(ValueError, match="text, markdown, html, json"):
        report.render(reconcile(small), small, format="pdf")  # type: ignore[arg-type]


def test_rich_report_renders_tables(heat: Dossier, heat_result: Reconciliation) -> None:
    """rich_report() prints the sections as tables on a rich console."""
    from rich.console import Console

    console = Console(file=io.StringIO(), width=120, color_system=None)
    console.print(report.rich_report(heat_result, heat))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    for heading in ("Agreed facts", "Resolved disputes", "Single-source facts", "Source trust"):
        assert heading in out
    assert "Quote fidelity" in out
    assert "paraphrase" in out


def test_the_report_module_is_curated_and_documented() -> None:
    """filmlore.report's __all__ is sorted, documented in the reference, with docstrings."""
    order = sorted(set(report.__all__), key=lambda n: (not n.isupper(), not n[0].isupper(), n))
    assert list(report.__all__) == order  # constants, classes, functions (isort's order)
    text = (ROOT / "docs" / "reference" / "report.rst").read_text(encoding="utf-8")
    documented = set(re.findall(r"\.\. auto\w+:: (?:filmlore\.(?:report\.)?)?(\w+)", text))
    assert sorted(set(report.__all__) - documented) == []
    undocumented = [
        n for n in report.__all__ if callable(getattr(report, n)) and not getattr(report, n).__doc__
    ]
    assert undocumented == []


def test_a_fact_names_only_the_sources_that_give_its_value(heat: Dossier) -> None:
    """Heat's release day comes from the database alone; the articles that give the year
    are listed as coarser support in their own words, never as giving the day."""
    text = report.render(reconcile(heat), heat)
    line = next(x for x in text.splitlines() if x.strip().startswith("release_date: 1995-12-15"))
    assert "— tmdb-heat;" in line
    assert "crime-epic-blog" not in line
    assert "also '1995' (coarser) — coffee-shop-article, crime-epic-blog, inscker-review" in text
