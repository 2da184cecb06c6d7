"""The HTML report is one self-contained, escaped page with a picture of who agrees."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from filmlore import Dossier, EntityRef, reconcile, report
from tests.test_report import small_dossier

#: Attributes that make a browser fetch something.
FETCHING = {"src", "href", "srcset", "action", "formaction", "data", "poster", "xlink:href"}


class Page(HTMLParser):
    """Collects the tags, attributes and text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        self.text.append(data)

    def links_out(self) -> list[tuple[str, str, str]]:
        """(tag, attribute, value) of every attribute that would fetch from or go to a URL."""
        return [
            (tag, name, value)
            for tag, attrs in self.tags
            for name, value in attrs.items()
            if name in FETCHING and ":" in value.split("/")[0] and not value.startswith("#")
        ]


def parse(page: str) -> Page:
    """The parsed page."""
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def check_self_contained(page: str, dossier: Dossier) -> Page:
    """Assert the page fetches nothing and links out only to its sources' own URLs."""
    parsed = parse(page)
    urls = {s.url for s in dossier.sources if s.url}
    for tag, name, value in parsed.links_out():
        assert (tag, name) == ("a", "href"), (tag, name, value)
        assert value.startswith(("http:", "https:")), value
        assert value in urls, value
    assert not [t for t, _ in parsed.tags if t in ("script", "link", "iframe", "img", "object")]
    assert "@import" not in parsed.style
    assert "url(" not in parsed.style
    return parsed


def test_heat_report_is_self_contained_with_a_picture_and_every_source(heat: Dossier) -> None:
    """No fetches, an inline <svg>, every source id, and the Kaggle link as a plain anchor."""
    page = report.render(reconcile(heat), heat, format="html")
    parsed = check_self_contained(page, heat)
    tags = [t for t, _ in parsed.tags]
    assert "svg" in tags
    assert tags.count("rect") >= len(heat.sources) ** 2 // 2  # the matrix cells
    text = "".join(parsed.text)
    for source in heat.sources:
        assert str(source.id) in text, source.id
    anchors = [attrs for tag, attrs in parsed.tags if tag == "a" and "rel" in attrs]
    assert {"href": heat["source:tmdb-heat"].url, "rel": "noreferrer noopener"}.items() <= (
        anchors[0].items()
    )
    for heading in ("Open disputes", "Resolved disputes", "Agreed facts", "Quote fidelity"):
        assert heading in text


def test_source_text_is_escaped_everywhere() -> None:
    """A <script> in a source's excerpt and title is shown as text, never run."""
    dossier = small_dossier()
    page = report.render(reconcile(dossier), dossier, format="html")
    parsed = check_self_contained(page, dossier)
    text = "".join(parsed.text)
    assert "Runtime 170 min. <script>alert('x')</script>" in text  # shown, as text
    assert "&lt;script&gt;" in page
    assert "“The <b>database</b>” (database)" in text
    assert "<b>database</b>" not in page
    assert not any(v.startswith("javascript:") for _, a in parsed.tags for v in a.values())


def test_the_dispute_shows_both_sides_and_their_excerpts() -> None:
    """The resolved runtime shows 170 min (accepted) and 120 min, each with its excerpt."""
    dossier = small_dossier()
    parsed = parse(report.render(reconcile(dossier), dossier, format="html"))
    text = " ".join(" ".join(parsed.text).split())
    assert "✓ accepted: 170 min" in text
    assert "✗ turned down: 120 min" in text
    start = text.index("Resolved disputes (1)")
    section = text[start : text.index("Agreed facts (1)", start)]
    assert "170 min" in section
    assert "120 min" in section
    assert "A tight 120 minutes." in section
    assert "It runs 170 minutes | long." in section


def test_matrix_svg_colours_agreement() -> None:
    """Full agreement is green, none red, no overlap grey; the diagonal counts facts."""
    from filmlore.report._html import matrix_svg

    dossier = small_dossier()
    svg = matrix_svg(report.agreement_matrix(reconcile(dossier), dossier))
    assert svg.startswith("<svg")
    assert svg.endswith("</svg>")
    assert 'fill="#288c50"' in svg  # db and blog: 1/1
    assert 'fill="#c83c32"' in svg  # db and zine: 0/1
    assert ">1/1<" in svg
    assert ">0/1<" in svg


def test_the_matrix_tells_one_shared_fact_from_many() -> None:
    """1 of 1 and 21 of 21 both agree always, but a cell resting on one fact is paler and
    says so: every cell gives its counts."""
    from filmlore.report import AgreementMatrix
    from filmlore.report._html import matrix_svg

    refs = tuple(EntityRef("source", k) for k in ("a", "b", "c"))
    matrix = AgreementMatrix(
        sources=refs,
        agree=((30, 1, 21), (1, 5, 0), (21, 0, 40)),
        disagree=((0, 0, 0), (0, 0, 0), (0, 0, 0)),
    )
    svg = matrix_svg(matrix)
    found = re.findall(r'fill="#288c50"(?: fill-opacity="([0-9.]+)")?/><text[^>]*>(\d+/\d+)<', svg)
    shade = {text: float(value or 1) for value, text in found}
    assert shade["1/1"] < 0.6 < shade["21/21"]
    assert shade["21/21"] == 1.0


def test_the_page_is_laid_out_for_a_phone() -> None:
    """The page declares its width, turns its tables into blocks on a narrow screen and
    lets the matrix scroll in its own box."""
    dossier = small_dossier()
    page = report.render(reconcile(dossier), dossier, format="html")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media (max-width: 700px)" in page
    assert '<div class="scroll"><svg' in page
    assert "overflow-x: auto" in page
