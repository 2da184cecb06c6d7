"""Writing a dossier by hand: new_dossier, add_source, find_excerpt, claims files that say
their source and subject once, derived claim ids, and YAML mistakes explained."""

from __future__ import annotations

import datetime
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import filmlore
from filmlore import (
    EntityRef,
    LoadError,
    PageError,
    ScaffoldError,
    SourceKind,
    add_source,
    find_excerpt,
    new_dossier,
)

PAGE = """<!doctype html><html lang="en"><head><title>L.A. Takedown review | Film Blog</title>
<meta property="og:site_name" content="Film Blog"><meta name="author" content="Jane Critic">
<meta property="article:published_time" content="2021-03-04T10:00:00Z">
<script>var hidden = "not text";</script><style>p {}</style></head><body>
<nav>Home | About</nav>
<article><h1>L.A. Takedown (1989)</h1>
<p>Michael Mann’s <em>L.A. Takedown</em> is a TV pilot that runs
   barely 90 minutes.</p>
<p>It was directed by Michael Mann and later remade as “Heat” in 1995.</p></article>
<footer>© 2021 Film Blog</footer></body></html>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A web server on loopback serving review.html (and nothing from outside)."""
    root = tmp_path_factory.mktemp("www")
    (root / "review.html").write_text(PAGE, encoding="utf-8")
    (root / "paper.pdf").write_bytes(b"%PDF-1.4 not a page")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))

    class Quiet(http.server.ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass

    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    server = Quiet(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# --- new_dossier -------------------------------------------------------------------------------


def test_new_dossier_lays_out_a_folder_that_loads(tmp_path: Path) -> None:
    root = new_dossier(tmp_path / "takedown", film="L.A. Takedown", year=1989)
    assert sorted(p.name for p in root.iterdir()) == ["claims", "dossier.yaml", "sources"]
    dossier = filmlore.load(root)
    (film,) = dossier.films
    assert film.id == EntityRef("film", "la-takedown-1989")
    assert (film.title.text, film.year) == ("L.A. Takedown", 1989)
    assert dossier.title == "L.A. Takedown (1989)"
    assert filmlore.validate(dossier) == []
    assert "filmlore add-source" in (root / "dossier.yaml").read_text(encoding="utf-8")


def test_new_dossier_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="not an empty folder"):
        new_dossier(tmp_path / "full", film="Heat")
    assert (tmp_path / "full" / "notes.txt").read_text(encoding="utf-8") == "mine"
    with pytest.raises(ScaffoldError, match="title"):
        new_dossier(tmp_path / "x", film="  ")
    with pytest.raises(ScaffoldError, match="19 is not a year"):
        new_dossier(tmp_path / "y", film="Heat", year=19)


# --- add_source --------------------------------------------------------------------------------


def test_add_source_from_a_web_page(tmp_path: Path, site: str) -> None:
    root = new_dossier(tmp_path / "takedown", film="L.A. Takedown", year=1989)
    added = add_source(root, f"{site}/review.html", kind="review", today=datetime.date(2026, 12, 3))
    source = added.source
    assert source.id == EntityRef("source", "la-takedown-review")
    assert source.kind is SourceKind.REVIEW
    assert source.title == "L.A. Takedown review"  # the site's name is the publisher
    assert (source.publisher, source.authors, source.language) == (
        "Film Blog",
        ("Jane Critic",),
        "en",
    )
    assert str(source.published) == "2021-03-04"
    assert str(source.retrieved) == "2026-12-03"
    text = added.text_file.read_text(encoding="utf-8")
    assert text.startswith("L.A. Takedown (1989)\n\nMichael Mann’s L.A. Takedown is a TV pilot")
    assert "runs barely 90 minutes." in text  # the line break inside the paragraph is a space
    for hidden in ("not text", "Home | About", "© 2021"):
        assert hidden not in text
    dossier = filmlore.load(root)
    assert dossier.sources == (filmlore.load(root)[source.id],)
    assert dossier[source.id].text == text
    claims = added.claims_file.read_text(encoding="utf-8")
    assert "source: source:la-takedown-review" in claims
    assert "subject: film:la-takedown-1989" in claims
    # the same page again gets a key of its own
    again = add_source(root, f"{site}/review.html")
    assert again.source.id == EntityRef("source", "la-takedown-review-2")
    assert again.source.kind is SourceKind.OTHER
    assert len(filmlore.load(root).sources) == 2


def test_add_source_from_files(tmp_path: Path) -> None:
    root = new_dossier(tmp_path / "d", film="Heat", year=1995)
    notes = tmp_path / "Mann at Busan.txt"
    notes.write_bytes("He said “it isn’t a crime film”.\r\nThen he left.\r\n".encode())
    added = add_source(root, notes, kind=SourceKind.INTERVIEW, key="busan")
    assert added.source.id == EntityRef("source", "busan")
    assert added.source.retrieved is None
    assert added.source.url is None
    assert added.text_file.read_text(encoding="utf-8") == (
        "He said “it isn’t a crime film”.\nThen he left.\n"
    )
    page = tmp_path / "saved.html"
    page.write_text(PAGE, encoding="utf-8")
    assert add_source(root, page).source.id == EntityRef("source", "la-takedown-review")
    with pytest.raises(ScaffoldError, match="already in"):
        add_source(root, notes, key="busan")
    with pytest.raises(ScaffoldError, match="not a key"):
        add_source(root, notes, key="no spaces")
    with pytest.raises(ScaffoldError, match="unknown source kind 'podcast'"):
        add_source(root, notes, kind="podcast")
    with pytest.raises(ScaffoldError, match="not a dossier folder"):
        add_source(tmp_path, notes)
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.7 binary")
    with pytest.raises(PageError, match="is a PDF"):
        add_source(root, pdf)
    with pytest.raises(PageError, match="cannot read"):
        add_source(root, tmp_path / "missing.txt")
    assert len(filmlore.load(root).sources) == 2


def test_add_source_refuses_what_is_not_a_page(tmp_path: Path, site: str) -> None:
    root = new_dossier(tmp_path / "d", film="Heat")
    with pytest.raises(PageError, match="not a web page or text"):
        add_source(root, f"{site}/paper.pdf")
    with pytest.raises(PageError, match="cannot fetch"):
        add_source(root, f"{site}/missing.html")
    assert list((root / "sources").iterdir()) == []


# --- find_excerpt ------------------------------------------------------------------------------

TEXT = (
    "Mann said: “It isn’t a crime film to me,” he told Scraps from the Loft.\n"
    "L.A. Takedown was a TV pilot — barely   90 minutes long."
)


@pytest.mark.parametrize(
    ("phrase", "found", "how"),
    [
        ("he told Scraps", "he told Scraps", "verbatim"),
        ('"It isn\'t a crime film to me,"', "“It isn’t a crime film to me,”", "normalised"),
        ("a tv pilot - barely 90 minutes", "a TV pilot — barely   90 minutes", "normalised"),
        ("It isnt a crime film to me", "It isn’t a crime film to me", "close"),
        (
            "L.A. Takedown was a TV pilot, barely 90",
            "L.A. Takedown was a TV pilot — barely   90",
            "close",
        ),
    ],
)
def test_find_excerpt_gives_the_words_of_the_text(phrase: str, found: str, how: str) -> None:
    match = find_excerpt(TEXT, phrase)
    assert match is not None
    assert (match.text, match.how) == (found, how)
    assert TEXT[match.start : match.end] == match.text
    excerpt = match.to_excerpt()
    assert (excerpt.start, excerpt.end) == (match.start, match.end)


def test_find_excerpt_says_when_nothing_comes_close() -> None:
    assert find_excerpt(TEXT, "the Godfather Part II was released in 1974") is None
    assert find_excerpt(TEXT, "   ") is None


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=300), st.data())
def test_any_slice_of_a_text_is_found_verbatim_in_it(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    phrase = text[start:end]
    match = find_excerpt(text, phrase)
    if not phrase.strip():
        assert match is None
        return
    assert match is not None
    assert match.how == "verbatim"
    assert match.text == phrase.strip()
    assert text[match.start : match.end] == match.text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Heat", "“crime”", "film", "—", "De Niro", "’s", "1995"]),
        min_size=1,
        max_size=12,
    ),
    st.data(),
)
def test_a_match_is_always_the_texts_own_words(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    phrase = data.draw(st.text(alphabet="Heatcrimfl\"' -DNo19", min_size=1, max_size=20))
    match = find_excerpt(text, phrase, min_score=50)
    if match is not None:
        assert text[match.start : match.end] == match.text
        assert match.text == match.text.strip()


# --- claims files, derived ids -----------------------------------------------------------------

CLAIMS = """\
source: source:blog
subject: film:la-takedown-1989
claims:
  - property: runtime
    value: barely 90 minutes
    excerpt: runs barely 90 minutes
  - property: genre
    value: crime
    excerpt: a crime
  - subject: person:michael-mann
    property: occupation
    value: director
    excerpt: directed by Michael Mann
"""


def _dossier(root: Path, claims: str) -> Path:
    new_dossier(root, film="L.A. Takedown", year=1989)
    (root / "sources" / "blog.yaml").write_text(
        "- id: source:blog\n  kind: blog\n", encoding="utf-8"
    )
    (root / "people").mkdir()
    (root / "people" / "mann.yaml").write_text(
        "- id: person:michael-mann\n  name: Michael Mann\n", encoding="utf-8"
    )
    (root / "sources" / "blog.txt").write_text(
        "L.A. Takedown runs barely 90 minutes, a crime story directed by Michael Mann.\n",
        encoding="utf-8",
    )
    (root / "claims" / "blog.yaml").write_text(claims, encoding="utf-8")
    return root


def test_a_claims_file_says_its_source_and_subject_once(tmp_path: Path) -> None:
    dossier = filmlore.load(_dossier(tmp_path / "d", CLAIMS))
    runtime, genre, job = dossier.claims
    assert {c.source for c in dossier.claims} == {EntityRef("source", "blog")}
    assert runtime.subject == genre.subject == EntityRef("film", "la-takedown-1989")
    assert job.subject == EntityRef("person", "michael-mann")  # a claim may name its own
    assert str(runtime.value) == "barely 90 min"
    assert all(str(c.id).startswith(f"claim:blog-{c.property}-") for c in dossier.claims)
    assert len({c.id for c in dossier.claims}) == 3


def test_derived_ids_survive_edits_of_other_claims(tmp_path: Path) -> None:
    before = filmlore.load(_dossier(tmp_path / "a", CLAIMS)).claims
    edited = CLAIMS.replace("value: crime", "value: thriller").replace(
        "claims:\n",
        "claims:\n  - property: director\n    value: person:michael-mann\n"
        "    excerpt: directed by Michael Mann\n",
    )
    after = filmlore.load(_dossier(tmp_path / "b", edited)).claims
    assert after[1].id == before[0].id  # the runtime claim moved down and kept its id
    assert after[3].id == before[2].id
    assert after[2].id != before[1].id  # the edited claim is a new claim
    again = filmlore.load(_dossier(tmp_path / "c", CLAIMS)).claims
    assert [c.id for c in again] == [c.id for c in before]
    stated = CLAIMS.replace(
        "  - property: runtime", "  - id: claim:my-runtime\n    property: runtime"
    )
    assert filmlore.load(_dossier(tmp_path / "e", stated)).claims[0].id == EntityRef(
        "claim", "my-runtime"
    )


def test_a_claims_file_with_an_unknown_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        filmlore.load(_dossier(tmp_path / "d", "sauce: source:blog\n" + CLAIMS))
    (problem,) = caught.value.problems
    assert "unknown key 'sauce'" in problem.message
    assert problem.location.path == "$.sauce"
    assert problem.location.line == 1


def test_a_bad_claim_in_a_claims_file_is_located(tmp_path: Path) -> None:
    bad = CLAIMS.replace("value: barely 90 minutes", "value: barely ninety-ish")
    with pytest.raises(LoadError) as caught:
        filmlore.load(_dossier(tmp_path / "d", bad))
    (problem,) = caught.value.problems
    assert problem.location.path == "$.claims[0].value"
    assert problem.location.line == 5
    assert problem.location.file is not None
    assert problem.location.file.endswith("blog.yaml")
    assert "id" not in problem.message.split(":")[0]  # no complaint about the missing id


def test_validate_suggests_the_nearest_verbatim_excerpt(tmp_path: Path) -> None:
    wrong = CLAIMS.replace("excerpt: runs barely 90 minutes", "excerpt: runs barely ninety minutes")
    issues = filmlore.validate(filmlore.load(_dossier(tmp_path / "d", wrong)))
    (issue,) = issues
    assert issue.code == "excerpt-not-in-source"
    assert issue.path == "$.claims[0].excerpt"
    assert "did you mean “runs barely 90 minutes”" in issue.message
    far = CLAIMS.replace(
        "excerpt: runs barely 90 minutes", "excerpt: the Godfather Part II is long"
    )
    (issue,) = filmlore.validate(filmlore.load(_dossier(tmp_path / "e", far)))
    assert "nothing in the text comes close" in issue.message


# --- YAML mistakes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "words", "path", "line"),
    [
        (
            ("value: crime", "value: crime: thriller"),
            'Put the value in quotes: value: "crime: thriller"',
            "$.claims[1].value",
            8,
        ),
        (
            ("    excerpt: a crime", "\texcerpt: a crime"),
            "YAML indents with spaces only",
            "$.claims[1]",
            9,
        ),
        (
            ("excerpt: a crime", 'excerpt: "a crime'),
            "a quotation mark opened and never closed",
            "$.claims[1].excerpt",
            None,
        ),
    ],
)
def test_yaml_mistakes_are_explained_in_words(
    tmp_path: Path, change: tuple[str, str], words: str, path: str, line: int | None
) -> None:
    with pytest.raises(LoadError) as caught:
        filmlore.load(_dossier(tmp_path / "d", CLAIMS.replace(*change)))
    (problem,) = caught.value.problems
    assert words in problem.message
    assert "the YAML parser says" in problem.message  # its own words kept, after ours
    assert problem.location.path.startswith(path)
    if line is not None:
        assert problem.location.line == line
