"""The flagship example: the Heat (1995) dossier in examples/heat/."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import filmlore
from filmlore import Dossier, EntityRef, Severity, Stance
from tests.conftest import ROOT

HEAT_DIR = filmlore.example_path("heat")
HEAT = EntityRef("film", "heat-1995")


def test_loads_and_validates_with_no_issues(heat: Dossier) -> None:
    """The dossier loads and validate() finds no issue of any severity."""
    issues = filmlore.validate(heat)
    assert [str(i) for i in issues if i.severity is Severity.ERROR] == []
    assert [str(i) for i in issues] == []


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_every_excerpt_is_verbatim_in_its_source(heat: Dossier) -> None:
    """Each claim's excerpt stands, word for word, in its source's stored text."""
    missing = []
    for claim in heat.claims:
        assert claim.excerpt is not None, f"{claim.id} has no excerpt"
        text = heat[claim.source].text
        assert text, f"{claim.source} has no stored text"
        if _squash(claim.excerpt.text) not in _squash(text):
            missing.append(str(claim.id))
    assert missing == []


def test_sources_are_the_three_articles_the_database_and_the_relays(heat: Dossier) -> None:
    """Every seed article is a source with its full text; Mann's words come via Variety."""
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("seed articles not present")
    texts = {s.text for s in heat.sources if s.text}
    for seed in seeds:
        assert seed.read_text(encoding="utf-8") in texts, seed.name
    busan = heat["source:mann-busan-2025"]
    assert busan.person == EntityRef("person", "michael-mann")
    assert str(busan.published) == "2025"
    review = heat["source:inscker-review"]
    assert review.published is None  # "Jul 17" has no year: none is invented


def test_well_over_a_hundred_claims_from_every_article(heat: Dossier) -> None:
    """Each article contributes many claims; the dossier holds well over 100 in all."""
    per_source = Counter(c.source.key for c in heat.claims)
    assert sum(per_source.values()) > 150
    for key in ("crime-epic-blog", "inscker-review", "coffee-shop-article", "tmdb-heat"):
        assert per_source[key] >= 50, (key, per_source[key])


def test_the_key_disagreements_are_encoded(heat: Dossier) -> None:
    """Scope of the first pairing, the runtimes, and the three renderings of the line."""
    firsts = heat.claims_about(HEAT, "first_film_together")
    assert {c.qualifier("scope") for c in firsts} >= {"on screen", "in a speaking scene"}
    runtimes = {str(c.value) for c in heat.claims_about(HEAT, "duration")}
    assert {"nearly 3 hours", "170 min"} <= runtimes
    renderings = heat.claims_about("quote:thirty-seconds-flat", "quotation")
    assert {c.source.key for c in renderings} >= {
        "crime-epic-blog",
        "inscker-review",
        "coffee-shop-article",
    }
    hedged = [c for c in heat.claims if c.stance is Stance.HEDGES]
    assert hedged, "the 'I read that…' claims are hedged"


def test_names_resolve_through_characters(heat: Dossier) -> None:
    """'Chris' is Chris Shiherlis, played by Val Kilmer."""
    chris = next(c for c in heat.characters_of(HEAT) if "Chris" in c.aliases)
    assert chris.name == "Chris Shiherlis"
    assert [heat[p].name for p in chris.played_by] == ["Val Kilmer"]


def test_demo_prints_the_account(tmp_path: Path) -> None:
    """`make demo`'s script prints the reconciled fact sheet and writes the HTML report."""
    target = tmp_path / "heat-report.html"
    run = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "heat_demo.py"), str(HEAT_DIR), str(target)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "Validation: no issues" in run.stdout
    for section in ("Agreed facts", "Resolved disputes", "Open disputes", "Source trust"):
        assert section in run.stdout, section
    assert "source:inscker-review" in run.stdout
    assert "170 min" in run.stdout
    assert "why: " in run.stdout  # a resolved dispute comes with its explanation
    assert run.stdout.rstrip().splitlines()[-2].endswith(str(target.resolve()))
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page
