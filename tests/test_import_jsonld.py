"""The JSON-LD importer: schema.org Movie, Person, Review and ClaimReview nodes from JSON-LD
files and from the script blocks of web pages, credited to the page, located by file, line
and JSON path."""

from __future__ import annotations

import copy
import gzip
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import filmlore
from filmlore import (
    Character,
    Duration,
    EntityRef,
    LoadError,
    LoadResult,
    PartialDate,
    Person,
    Quantity,
    Source,
    SourceKind,
    Text,
    validate,
)
from filmlore.importers import recognise

DATA = Path(__file__).parent / "data" / "import" / "jsonld"
IMDB = DATA / "imdb-tt0120731.jsonld"  # IMDb's own JSON-LD for one title (see ORIGIN.md)
HEAT = DATA / "heat.html"  # a hand-written page: @graph, @id references, PerformanceRole
FACTCHECK = DATA / "factcheck.html"  # a hand-written ClaimReview page
REVIEW = DATA / "review.jsonld"  # a hand-written critic's Review


def lenient(path: Path) -> LoadResult:
    result = filmlore.load(path, format="jsonld", lenient=True)
    assert isinstance(result, LoadResult)
    return result


def values(dossier: filmlore.Dossier, subject: str, prop: str) -> list[str]:
    return [str(c.value) for c in dossier.claims_about(subject, prop)]


def write(tmp_path: Path, doc: Any, name: str = "page.jsonld") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def movie(**fields: Any) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "Movie",
        "name": "Heat",
        "sameAs": "https://www.imdb.com/title/tt0113277/",
        **fields,
    }


# --- IMDb's JSON-LD ---------------------------------------------------------------------------


def test_imdb_json_ld_is_read_as_the_page_wrote_it() -> None:
    """IMDb's Movie node: the film by its IMDb id, its runtime from ISO 8601, its rating on
    IMDb's scale of 10, its people by their IMDb ids, all credited to the IMDb page (a
    database record)."""
    result = lenient(IMDB)
    assert result.rejected == []
    d = result.dossier
    (film,) = d.films
    assert str(film.id) == "film:tt0120731"
    assert film.title == Text("La leggenda del pianista sull'oceano")
    assert values(d, "film:tt0120731", "duration") == ["169 min"]  # the trailer's is not
    (rating,) = d.claims_about("film:tt0120731", "user_rating")
    assert rating.value == Quantity(amount=8)
    assert rating.qualifier("scale") == "10"
    assert values(d, "film:tt0120731", "vote_count") == ["69067"]
    assert values(d, "film:tt0120731", "genre") == ["Drama", "Music", "Romance"]
    assert values(d, "film:tt0120731", "keyword") == ["ship", "piano", "pianist", "jazz", "snow"]
    assert values(d, "film:tt0120731", "release_date") == ["2019-11-15"]
    assert values(d, "film:tt0120731", "director") == ["person:nm0868153"]
    assert values(d, "film:tt0120731", "screenwriter") == ["person:nm0054621", "person:nm0868153"]
    page = d.get("source:page-www-imdb-com-title-tt0120731")
    assert isinstance(page, Source)
    assert page.kind is SourceKind.DATABASE
    assert page.url == "https://www.imdb.com/title/tt0120731/"
    assert {str(c.source) for c in d.claims if c.property != "assessment"} == {str(page.id)}


def test_html_character_references_are_decoded_and_said() -> None:
    """IMDb writes ``sull&apos;oceano`` inside its JSON: the text is decoded, the excerpt
    keeps what was written, and the repair is noted on the load and on the claim."""
    result = lenient(IMDB)
    (title,) = result.dossier.claims_about("film:tt0120731", "title")
    assert title.value == Text("La leggenda del pianista sull'oceano")
    assert title.excerpt is not None
    assert title.excerpt.text == "La leggenda del pianista sull&apos;oceano"
    assert title.note is not None
    assert "HTML character references" in title.note
    assert any("sull&apos;oceano" in str(n) for n in result.notes)


def test_an_imdb_user_review_is_a_user_review_relayed_by_the_page() -> None:
    d = lenient(IMDB).dossier
    (assessment,) = d.claims_about("film:tt0120731", "assessment")
    review = d.get(assessment.source)
    assert isinstance(review, Source)
    assert review.kind is SourceKind.USER_REVIEW
    assert review.authors == ("howard.schumann",)
    assert review.published == PartialDate(year=2005, month=1, day=24)
    assert review.title == "A lovely film that has a heart"
    assert [str(v) for v in review.via] == ["source:page-www-imdb-com-title-tt0120731"]
    assert assessment.qualifier("rating") == "8/10"
    assert str(assessment.value).startswith("On the first day of the twentieth century")
    assert '"father"' in str(assessment.value)


def test_companies_named_by_url_only_are_noted() -> None:
    result = lenient(IMDB)
    nameless = [n for n in result.notes if "organisation with no name" in str(n)]
    assert [n.location.path for n in nameless] == ["$.creator[0]", "$.creator[1]"]
    assert result.dossier.claims_about("film:tt0120731", "production_company") == []


# --- a page with a graph ----------------------------------------------------------------------


def test_a_page_is_the_source_and_each_claim_knows_its_block_and_path() -> None:
    d = lenient(HEAT).dossier
    page = d.get("source:page-www-example-org-films-heat-1995")
    assert isinstance(page, Source)
    assert page.kind is SourceKind.ARTICLE
    assert page.title == "Heat (1995) – cast, crew & reviews | Example Film Guide"
    assert page.publisher == "Example Film Guide"
    (runtime,) = d.claims_about("film:tt0113277", "duration")
    assert runtime.value == Duration(amount=170, unit="min")
    assert runtime.excerpt is not None
    assert runtime.excerpt.text == "PT2H50M"
    assert runtime.excerpt.locator == "heat.html:9$.@graph[1].duration"
    assert values(d, "person:nm0371660", "date_of_birth") == ["1954-06-02"]
    haysbert = d.claims_about("person:nm0371660", "name")[0]
    assert haysbert.excerpt is not None
    assert haysbert.excerpt.locator == "heat.html:106$.name"


def test_the_film_has_the_ids_of_its_same_as_urls() -> None:
    (film,) = lenient(HEAT).dossier.films
    assert str(film.id) == "film:tt0113277"
    assert (str(film.ids.imdb), str(film.ids.wikidata), str(film.ids.tmdb)) == (
        "tt0113277",
        "Q1046",
        "949",
    )


def test_performance_roles_make_characters_and_qualified_cast_claims() -> None:
    d = lenient(HEAT).dossier
    cast = d.claims_about("film:tt0113277", "cast_member")
    assert [(str(c.value), c.qualifier("character_role")) for c in cast] == [
        ("person:nm0000199", "Lt. Vincent Hanna"),
        ("person:nm0000134", "Neil McCauley"),
        ("person:nm0000174", "Chris Shiherlis"),
        ("person:jon-voight", None),
    ]
    mccauley = d.get("character:tt0113277-neil-mccauley")
    assert isinstance(mccauley, Character)
    assert [str(p) for p in mccauley.played_by] == ["person:nm0000134"]
    credits = {str(c.id): c for c in d.cast("film:tt0113277")}
    assert str(credits["credit:tt0113277-cast-nm0000134-neil-mccauley"].character) == (
        "character:tt0113277-neil-mccauley"
    )
    assert "credit:tt0113277-cast-jon-voight" in credits


def test_nodes_given_by_id_are_resolved_in_the_graph() -> None:
    """``{"@id": "#michael-mann"}`` is the Person node of that id: the director, writer and
    producer are one person, with the birth date the node gives."""
    d = lenient(HEAT).dossier
    for prop in ("director", "screenwriter"):
        assert values(d, "film:tt0113277", prop) == ["person:nm0000520"]
    assert values(d, "film:tt0113277", "producer") == ["person:art-linson", "person:nm0000520"]
    mann = d.get("person:nm0000520")
    assert isinstance(mann, Person)
    assert mann.born == PartialDate(year=1943, month=2, day=5)
    assert values(d, "person:nm0000520", "occupation") == ["Film director"]


def test_the_rest_of_a_movie_node() -> None:
    d = lenient(HEAT).dossier
    heat = "film:tt0113277"
    assert values(d, heat, "release_date") == ["1995-12-15"]
    assert values(d, heat, "production_date") == ["1995"]
    assert values(d, heat, "alternative_title") == ["Heat: A Los Angeles Crime Saga"]
    assert values(d, heat, "country_of_origin") == ["United States"]
    assert values(d, heat, "original_language") == ["en"]
    assert values(d, heat, "production_company") == ["Forward Pass", "Regency Enterprises"]
    assert values(d, heat, "composer") == ["person:elliot-goldenthal"]
    assert values(d, heat, "content_rating") == ["R"]
    assert values(d, heat, "user_rating") == ["8.3"]
    assert values(d, heat, "vote_count") == ["712345"]
    (critic,) = d.claims_about(heat, "assessment")
    review = d.get(critic.source)
    assert isinstance(review, Source)
    assert review.kind is SourceKind.REVIEW  # a critic's, on a page that is not a database
    assert review.publisher == "Example Film Guide"
    assert critic.qualifier("rating") == "3.5/4"
    assert "Pacino & De Niro" in str(critic.value)


def test_no_node_is_lost() -> None:
    """Every top-level node is read: a film, a person, page furniture, or a rejection."""
    result = lenient(HEAT)
    assert result.rows == 5  # WebPage, Movie, Person, BreadcrumbList; the second block's Person
    assert result.rejected == []
    assert {str(p.id) for p in result.dossier.people} >= {"person:nm0000520", "person:nm0371660"}


# --- fact-checks and reviews ------------------------------------------------------------------


def test_a_claim_review_is_the_fact_checkers_assessment_of_where_the_claim_appeared() -> None:
    d = lenient(FACTCHECK).dossier
    (verdict,) = d.claims_for("assessment")
    assert verdict.value == Text("Mostly false")
    assert str(verdict.subject) == "source:claim-blog-example-net-2021-02-longest-heist-films"
    assert verdict.qualifier("claim_reviewed") == "Heat runs over three hours."
    assert verdict.qualifier("rating") == "2/5"
    assert verdict.qualifier("about") == "film:tt0113277"
    checker = d.get(verdict.source)
    assert isinstance(checker, Source)
    assert checker.kind is SourceKind.ARTICLE
    assert checker.authors == ("Example Fact Check",)
    assert checker.published == PartialDate(year=2021, month=3, day=2)
    blog = d.get(verdict.subject)
    assert isinstance(blog, Source)
    assert blog.kind is SourceKind.BLOG
    assert blog.authors == ("A. Blogger",)
    assert blog.title == "The longest heist films ever made"


def test_a_review_node_on_its_own() -> None:
    d = lenient(REVIEW).dossier
    (review,) = d.claims_about("film:tt0113277", "assessment")
    assert review.value == Text("Mann's epic never flags across its nearly three hours.")
    assert review.qualifier("rating") == "4/5"
    source = d.get(review.source)
    assert isinstance(source, Source)
    assert (source.kind, source.authors, source.publisher) == (
        SourceKind.REVIEW,
        ("B. Reviewer",),
        "Example Weekly",
    )
    assert values(d, "film:tt0113277", "director") == ["person:nm0000520"]


@pytest.mark.parametrize("path", [IMDB, HEAT, FACTCHECK, REVIEW])
def test_the_imported_dossier_validates_without_errors(path: Path) -> None:
    issues = validate(lenient(path).dossier)
    assert [str(i) for i in issues if i.severity.value == "error"] == []


# --- what schema.org does not allow -----------------------------------------------------------


def test_values_schema_org_does_not_allow_reject_their_field(tmp_path: Path) -> None:
    """A duration of "long", a date of "soon", a rating of "great" and a director that is
    a company each reject that field, with its path; the rest of the film is read."""
    doc = movie(
        duration="long",
        datePublished="soon",
        aggregateRating={"@type": "AggregateRating", "ratingValue": "great", "ratingCount": 3},
        director={"@type": "Organization", "name": "Forward Pass"},
        genre="Crime",
    )
    result = lenient(write(tmp_path, doc))
    problems = {r.location.path: str(r.problems[0].message) for r in result.rejected}
    assert set(problems) == {
        "$.duration",
        "$.datePublished",
        "$.aggregateRating.ratingValue",
        "$.director",
    }
    assert "ISO 8601 duration" in problems["$.duration"]
    assert "'long'" in problems["$.duration"]
    assert values(result.dossier, "film:tt0113277", "genre") == ["Crime"]
    assert values(result.dossier, "film:tt0113277", "vote_count") == ["3"]
    with pytest.raises(LoadError) as err:
        filmlore.load(write(tmp_path, doc), format="jsonld")
    assert "$.duration" in str(err.value)


def test_other_ways_of_writing_are_read_when_unambiguous_and_noted(tmp_path: Path) -> None:
    doc = movie(duration="170 min", datePublished="December 15, 1995")
    result = lenient(write(tmp_path, doc))
    (runtime,) = result.dossier.claims_about("film:tt0113277", "duration")
    assert runtime.value == Duration(amount=170, unit="min")
    assert runtime.note == "not an ISO 8601 duration: '170 min' read as 170 min"
    assert values(result.dossier, "film:tt0113277", "release_date") == ["1995-12-15"]
    ambiguous = lenient(write(tmp_path, movie(datePublished="03/04/1995")))
    ((rejected,),) = [ambiguous.rejected]
    assert rejected.location.path == "$.datePublished"
    day_first = filmlore.load(
        write(tmp_path, movie(datePublished="03/04/1995")), format="jsonld", date_order="dmy",
        lenient=True,
    )  # fmt: skip
    assert values(day_first.dossier, "film:tt0113277", "release_date") == ["1995-04-03"]


def test_a_movie_without_a_name_or_an_id_is_rejected(tmp_path: Path) -> None:
    doc = [movie(), {"@context": "https://schema.org", "@type": "Movie", "genre": "Crime"}]
    result = lenient(write(tmp_path, doc))
    ((rejected,),) = [result.rejected]
    assert rejected.location.path == "$[1]"
    assert result.rows == 2


def test_a_film_named_by_url_only_still_has_its_facts_claimed(tmp_path: Path) -> None:
    """A Movie with an IMDb url and no name is that film: no record of it is made (it has
    no title), but what the node says of it is claimed; a role's roleName is kept."""
    doc = {
        "@context": "https://schema.org",
        "@type": "Movie",
        "url": "https://www.imdb.com/title/tt0113277/",
        "genre": "Crime",
        "actor": {
            "@type": "PerformanceRole",
            "actor": {"@type": "Person", "name": "Al Pacino"},
            "characterName": "Vincent Hanna",
            "roleName": "lead",
        },
    }
    result = lenient(write(tmp_path, doc))
    assert result.rejected == []
    assert result.dossier.films == ()
    assert values(result.dossier, "film:tt0113277", "genre") == ["Crime"]
    (cast,) = result.dossier.claims_about("film:tt0113277", "cast_member")
    assert [(q.key, q.value) for q in cast.qualifiers] == [
        ("character_role", "Vincent Hanna"),
        ("role", "lead"),
    ]


def test_a_block_that_is_not_json_is_rejected_with_its_line(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head>\n<script type=\'application/ld+json\'>\n{"@type": "Movie",\n'
        '"name": }\n</script>\n<script type="application/ld+json">'
        + json.dumps(movie())
        + "</script></head></html>\n",
        encoding="utf-8",
    )
    result = lenient(page)
    ((rejected,),) = [result.rejected]
    assert rejected.location.line == 4
    assert values(result.dossier, "film:tt0113277", "title") == ["Heat"]


def test_json_ld_of_another_vocabulary_is_skipped_with_a_note(tmp_path: Path) -> None:
    doc = {"@context": "https://example.org/vocab/", "@type": "Movie", "name": "Heat"}
    result = lenient(write(tmp_path, doc))
    assert result.dossier.films == ()
    assert any("not schema.org" in str(n) for n in result.notes)


def test_pages_and_json_ld_files_are_recognised(tmp_path: Path) -> None:
    for path in (IMDB, HEAT, FACTCHECK, REVIEW):
        assert recognise(path) == "jsonld", path
    plain = write(tmp_path, {"name": "Heat"}, name="heat.json")
    assert recognise(plain) is None
    assert recognise(DATA.parent / "wikidata" / "heat.json") == "wikidata"


def test_a_gzipped_file_reads_as_the_plain_one(tmp_path: Path) -> None:
    packed = tmp_path / "imdb.jsonld.gz"
    packed.write_bytes(gzip.compress(IMDB.read_bytes()))
    plain, read = lenient(IMDB), lenient(packed)
    assert [c.value for c in read.dossier.claims] == [c.value for c in plain.dossier.claims]


def test_a_stream_hands_out_each_node_as_it_is_read() -> None:
    records = list(filmlore.iter_load(HEAT, format="jsonld", lenient=True))
    kinds = [type(r).__name__ for r in records]
    assert kinds[0] == "Source"
    assert kinds.count("Film") == 1
    assert kinds.index("Film") < len(kinds) - 1


def test_the_claims_can_be_credited_to_a_source_of_the_callers(tmp_path: Path) -> None:
    mine = Source(id=EntityRef("source", "my-crawl"), kind=SourceKind.DATABASE, title="crawl")
    d = filmlore.load(write(tmp_path, movie(genre="Crime")), format="jsonld", dataset=mine)
    assert isinstance(d, filmlore.Dossier)
    assert {str(c.source) for c in d.claims} == {"source:my-crawl"}


# --- a round trip -----------------------------------------------------------------------------

_names = st.text(
    st.characters(codec="ascii", categories=("Lu", "Ll")), min_size=1, max_size=12
).map(str.capitalize)
_people = st.tuples(_names, _names).map(" ".join)


@st.composite
def _movies(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """A schema.org Movie and the claims it must read back as."""
    title = draw(_people)
    day = draw(st.dates(min_value=__import__("datetime").date(1890, 1, 1)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    written = {"year": f"{day:%Y}", "month": f"{day:%Y-%m}", "day": f"{day:%Y-%m-%d}"}[precision]
    date = PartialDate(
        year=day.year,
        month=day.month if precision != "year" else None,
        day=day.day if precision == "day" else None,
    )
    minutes = draw(st.integers(min_value=1, max_value=600))
    directors = draw(st.lists(_people, min_size=1, max_size=2, unique=True))
    cast = draw(st.lists(st.tuples(_people, _people), max_size=4, unique_by=lambda c: c[0]))
    genres = draw(st.lists(_names, max_size=3, unique=True))
    rating = draw(st.decimals(min_value=0, max_value=10, places=1))
    doc = {
        "@context": "https://schema.org",
        "@type": "Movie",
        "name": title,
        "datePublished": written,
        "duration": f"PT{minutes // 60}H{minutes % 60}M",
        "director": [{"@type": "Person", "name": n} for n in directors],
        "actor": [
            {
                "@type": "PerformanceRole",
                "actor": {"@type": "Person", "name": a},
                "characterName": c,
            }
            for a, c in cast
        ],
        "genre": genres,
        "aggregateRating": {
            "@type": "AggregateRating",
            "ratingValue": str(rating),
            "bestRating": 10,
        },
    }
    expected = {
        "title": [(Text(title), ())],
        "release_date": [(date, ())],
        "duration": [(Duration(amount=minutes, unit="min"), ())],
        "director": [(EntityRef("person", _slug(n)), ()) for n in directors],
        "cast_member": [(EntityRef("person", _slug(a)), (("character_role", c),)) for a, c in cast],
        "genre": [(Text(g), ()) for g in genres],
        "user_rating": [(Quantity(amount=Decimal(str(rating))), (("scale", "10"),))],
    }
    return doc, expected


def _slug(name: str) -> str:
    from filmlore.importers._ids import slug

    return slug(name)


@settings(max_examples=60)
@given(st.lists(_movies(), min_size=1, max_size=3))
def test_generated_movies_read_back_claim_for_claim(
    tmp_path_factory: Any, generated: list[Any]
) -> None:
    """schema.org Movie documents generated from strategies (titles, dates of each
    precision, durations, directors, cast with characters, genres, ratings) read back as
    claims equal to what was generated, value for value and qualifier for qualifier."""
    path = write(tmp_path_factory.mktemp("ld"), {"@graph": [doc for doc, _ in generated]})
    result = lenient(path)
    assert result.rejected == []
    d = result.dossier
    for i, (_, expected) in enumerate(generated):
        at = f"page.jsonld$.@graph[{i}]."
        for prop, wanted in expected.items():
            got = [
                (c.value, tuple((q.key, q.value) for q in c.qualifiers))
                for c in d.claims_for(prop)
                if c.excerpt is not None and (c.excerpt.locator or "").startswith(at)
            ]
            assert got == wanted, prop


# --- dirt that is not a value -----------------------------------------------------------------

_JUNK: list[Any] = [
    None, 0, -1, 1.5, "", " ", "x", [], {}, [1], {"a": 1}, True, "Q5", "+170",
    {"@id": "#michael-mann"}, {"id": "Q1"}, {"time": "+1995"}, "PT", "1995-13-45",
]  # fmt: skip


def _places(doc: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [at]
    items = (
        doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else []
    )
    for key, value in items:
        found.extend(_places(value, (*at, key)))
    return found


def _mutate(doc: Any, changes: list[tuple[int, int, bool]]) -> Any:
    """``doc`` with some of its values replaced by junk, or their keys dropped."""
    doc = json.loads(json.dumps(doc))
    places = [p for p in _places(doc) if p]
    for where, junk, drop in changes:
        place = places[where % len(places)]
        holder = doc
        try:
            for key in place[:-1]:
                holder = holder[key]
            if drop and isinstance(holder, dict):
                del holder[place[-1]]
            else:
                # a copy: junk shared between places could come to hold itself
                holder[place[-1]] = copy.deepcopy(_JUNK[junk % len(_JUNK)])
        except (KeyError, IndexError, TypeError):
            continue
    return doc


_changes = st.lists(
    st.tuples(st.integers(0, 10**6), st.integers(0, 100), st.booleans()), min_size=1, max_size=4
)


@settings(max_examples=80)
@given(_changes, st.sampled_from([IMDB, REVIEW]))
def test_any_mangled_node_loads_or_is_rejected_never_a_traceback(
    tmp_path_factory: Any, changes: list[tuple[int, int, bool]], source: Path
) -> None:
    """A page whose parts are replaced by values of the wrong shape is read as far as it
    can be; what cannot be read is rejected or noted, and nothing raises."""
    doc = _mutate(json.loads(source.read_text(encoding="utf-8")), changes)
    result = lenient(write(tmp_path_factory.mktemp("ld"), doc))
    assert all(r.problems for r in result.rejected)
