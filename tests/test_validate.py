"""Cross-record validation: one test per rule, each with a dossier that breaks it and the
clean dossier that does not."""

from __future__ import annotations

import time
from typing import Any

import attrs
import pytest
from hypothesis import given

import filmlore
from filmlore import (
    Character,
    Claim,
    Credit,
    Dossier,
    DossierOrigin,
    Duration,
    EntityRef,
    Excerpt,
    Film,
    HierarchyLink,
    Issue,
    IssuesFound,
    PartialDate,
    Person,
    Quote,
    ReleaseDate,
    RoleKind,
    Scene,
    Severity,
    Source,
    SourceKind,
    Text,
)
from filmlore.testing import dossiers

HEAT = EntityRef("film", "heat-1995")
PACINO = EntityRef("person", "al-pacino")
MANN = EntityRef("person", "michael-mann")
HANNA = EntityRef("character", "vincent-hanna")
DINER = EntityRef("scene", "coffee-shop")
ARTICLE = EntityRef("source", "article-a")
TEXT = "Heat is a “nearly 3 hours”   crime epic by Michael Mann.\nIt came out in 1995."


def _ref(kind: str, key: str) -> EntityRef:
    return EntityRef(kind, key)


def _claim(key: str, prop: str, value: Any, **kwargs: Any) -> Claim:
    return Claim(
        id=_ref("claim", key),
        subject=kwargs.pop("subject", HEAT),
        property=prop,
        value=value,
        source=kwargs.pop("source", ARTICLE),
        **kwargs,
    )


def _dossier() -> Dossier:
    """A small dossier that breaks no rule."""
    return Dossier(
        films=[
            Film(
                id=HEAT,
                title=Text("Heat"),
                year=1995,
                releases=[ReleaseDate(date=PartialDate(year=1995, month=12, day=15))],
            ),
        ],
        people=[
            Person(id=PACINO, name="Al Pacino", born=PartialDate(year=1940)),
            Person(id=MANN, name="Michael Mann"),
        ],
        characters=[Character(id=HANNA, film=HEAT, name="Vincent Hanna", played_by=[PACINO])],
        credits=[
            Credit(
                id=_ref("credit", "pacino"),
                film=HEAT,
                person=PACINO,
                role=RoleKind.CAST,
                character=HANNA,
                billing=1,
            ),
            Credit(id=_ref("credit", "mann"), film=HEAT, person=MANN, role=RoleKind.DIRECTOR),
        ],
        scenes=[Scene(id=DINER, film=HEAT, title="Coffee shop", characters=[HANNA])],
        quotes=[Quote(id=_ref("quote", "q"), film=HEAT, text="Don't.", speaker=HANNA, scene=DINER)],
        sources=[
            Source(
                id=ARTICLE,
                kind=SourceKind.ARTICLE,
                published=PartialDate(year=2020),
                text=TEXT,
                person=MANN,
            ),
        ],
        claims=[
            _claim(
                "runtime",
                "duration",
                Duration.parse("nearly 3 hours"),
                excerpt=Excerpt(text='a "nearly 3 hours" crime epic'),
            ),
            _claim(
                "director",
                "director",
                MANN,
                attributed_to=MANN,
                excerpt=Excerpt(text="by Michael Mann", start=40, end=55),
            ),
            _claim("made", "production_date", PartialDate(year=1995, month=4)),
        ],
    )


def _codes(dossier: Dossier) -> list[tuple[str, str, str]]:
    return [(i.severity.value, i.code, i.path) for i in filmlore.validate(dossier)]


def _with(dossier: Dossier, name: str, index: int, **changes: Any) -> Dossier:
    items = list(getattr(dossier, name))
    items[index] = attrs.evolve(items[index], **changes)
    return attrs.evolve(dossier, **{name: items})


def test_the_clean_dossier_has_no_issue() -> None:
    """The dossier every other test breaks in one place is clean."""
    assert filmlore.validate(_dossier()) == []


def test_duplicate_ids() -> None:
    """An id used twice is an error at the second use, naming the first."""
    d = _dossier()
    d = attrs.evolve(d, people=[*d.people, Person(id=PACINO, name="Al")])
    (issue,) = filmlore.validate(d)
    assert (issue.code, issue.path) == ("duplicate-id", "$.people[2].id")
    assert issue.message == "person:al-pacino is the id of $.people[0] already"


@pytest.mark.parametrize(
    ("name", "index", "field", "value", "path"),
    [
        ("claims", 0, "subject", _ref("film", "x"), "$.claims[0].subject"),
        ("claims", 0, "source", _ref("source", "x"), "$.claims[0].source"),
        ("claims", 1, "attributed_to", _ref("person", "x"), "$.claims[1].attributed_to"),
        ("claims", 0, "via", (_ref("source", "x"),), "$.claims[0].via[0]"),
        ("credits", 0, "person", _ref("person", "x"), "$.credits[0].person"),
        ("credits", 0, "film", _ref("film", "x"), "$.credits[0].film"),
        ("credits", 0, "character", _ref("character", "x"), "$.credits[0].character"),
        ("quotes", 0, "speaker", _ref("character", "x"), "$.quotes[0].speaker"),
        ("quotes", 0, "scene", _ref("scene", "x"), "$.quotes[0].scene"),
        ("scenes", 0, "characters", (_ref("character", "x"),), "$.scenes[0].characters[0]"),
        ("characters", 0, "played_by", (_ref("person", "x"),), "$.characters[0].played_by[0]"),
        ("characters", 0, "based_on", (_ref("person", "x"),), "$.characters[0].based_on[0]"),
        ("sources", 0, "via", (_ref("source", "x"),), "$.sources[0].via[0]"),
        ("sources", 0, "person", _ref("person", "x"), "$.sources[0].person"),
    ],
)
def test_unresolved_references(name: str, index: int, field: str, value: Any, path: str) -> None:
    """A reference to no record is an error at its field."""
    codes = _codes(_with(_dossier(), name, index, **{field: value}))
    assert ("error", "unresolved-reference", path) in codes


def test_references_to_unmodelled_kinds_are_not_checked() -> None:
    """A claim about a work (no model holds works) is not an unresolved reference."""
    d = _with(_dossier(), "claims", 0, subject=_ref("work", "la-takedown"))
    assert "unresolved-reference" not in [c for _, c, _ in _codes(d)]


def test_duplicate_billing() -> None:
    """Two cast credits of one film with one billing order are an error; crew are not."""
    d = _dossier()
    twin = Credit(id=_ref("credit", "twin"), film=HEAT, person=MANN, role=RoleKind.CAST, billing=1)
    assert _codes(attrs.evolve(d, credits=[*d.credits, twin])) == [
        ("error", "duplicate-billing", "$.credits[2].billing")
    ]
    crew = attrs.evolve(twin, role=RoleKind.WRITER)
    assert _codes(attrs.evolve(d, credits=[*d.credits, crew])) == []


def _other_film(d: Dossier) -> Dossier:
    other = Film(id=_ref("film", "other"), title=Text("Other"))
    stranger = Character(id=_ref("character", "stranger"), film=other.id, name="Stranger")
    elsewhere = Scene(id=_ref("scene", "elsewhere"), film=other.id, title="Elsewhere")
    return attrs.evolve(
        d,
        films=[*d.films, other],
        characters=[*d.characters, stranger],
        scenes=[*d.scenes, elsewhere],
    )


def test_speaker_not_in_film() -> None:
    """A quote's speaker must be a character of the quote's film."""
    d = _with(_other_film(_dossier()), "quotes", 0, speaker=_ref("character", "stranger"))
    assert _codes(d) == [("error", "speaker-not-in-film", "$.quotes[0].speaker")]


def test_character_and_scene_not_in_film() -> None:
    """A credit's or scene's character, and a quote's scene, must be of the same film."""
    d = _other_film(_dossier())
    d = _with(d, "credits", 0, character=_ref("character", "stranger"))
    d = _with(d, "quotes", 0, scene=_ref("scene", "elsewhere"))
    assert _codes(d) == [
        ("error", "character-not-in-film", "$.credits[0].character"),
        ("error", "scene-not-in-film", "$.quotes[0].scene"),
    ]


def test_excerpt_not_in_source() -> None:
    """An excerpt that is not in the source's text is an error that says how it compared."""
    d = _with(_dossier(), "claims", 0, excerpt=Excerpt(text="a three hours crime epic"))
    (issue,) = filmlore.validate(d)
    assert (issue.code, issue.path) == ("excerpt-not-in-source", "$.claims[0].excerpt")
    assert "typographic quotes and dashes read as plain ones" in issue.message


def test_excerpt_normalises_only_spaces_and_quotes() -> None:
    """Curly and straight quotes and runs of whitespace match; case and dashes do not."""
    ok = _with(_dossier(), "claims", 0, excerpt=Excerpt(text="“nearly 3 hours” crime\nepic"))
    assert _codes(ok) == []
    case = _with(_dossier(), "claims", 0, excerpt=Excerpt(text="NEARLY 3 hours"))
    assert _codes(case) == [("error", "excerpt-not-in-source", "$.claims[0].excerpt")]


def test_excerpt_offsets() -> None:
    """An excerpt found in the text but not at its offsets is a warning."""
    d = _with(_dossier(), "claims", 1, excerpt=Excerpt(text="by Michael Mann", start=0, end=15))
    assert _codes(d) == [("warning", "excerpt-offset-mismatch", "$.claims[1].excerpt")]


def test_excerpt_without_text_cannot_be_checked() -> None:
    """A source without text gives one info issue, with the count of its claims' excerpts."""
    d = _with(_dossier(), "sources", 0, text=None)
    (issue,) = filmlore.validate(d)
    assert (issue.severity, issue.code, issue.path) == (
        Severity.INFO,
        "excerpt-unchecked",
        "$.sources[0].text",
    )
    assert issue.message.startswith("cannot check the excerpts of 2 claim(s)")


def test_source_before_release() -> None:
    """A source published before the film came out is a warning; a review, an error."""
    early = _with(_dossier(), "sources", 0, published=PartialDate(year=1995, month=6))
    assert _codes(early) == [("warning", "source-before-release", "$.claims[0].source")]
    review = _with(early, "sources", 0, kind=SourceKind.REVIEW)
    assert _codes(review) == [("error", "source-before-release", "$.claims[0].source")]
    same_month = _with(_dossier(), "sources", 0, published=PartialDate(year=1995, month=12))
    assert _codes(same_month) == []


def test_release_before_production() -> None:
    """A production date after the film's release is a warning."""
    d = _with(_dossier(), "claims", 2, value=PartialDate(year=1996))
    assert _codes(d) == [("warning", "release-before-production", "$.claims[2].value")]


def test_died_before_born() -> None:
    """A person who died before being born is an error; the same year is fine."""
    d = _with(_dossier(), "people", 0, died=PartialDate(year=1939))
    assert _codes(d) == [("error", "died-before-born", "$.people[0].died")]
    assert _codes(_with(_dossier(), "people", 0, died=PartialDate(year=1940))) == []


def test_unknown_property() -> None:
    """A claim of a property nobody registered is an error."""
    d = _with(_dossier(), "claims", 0, property="runtime_text")
    assert _codes(d) == [("error", "unknown-property", "$.claims[0].property")]


def test_value_kind_mismatch() -> None:
    """A value that is not of its property's kind (a tagged value) is an error."""
    d = _with(_dossier(), "claims", 0, value=170)
    (issue,) = filmlore.validate(d)
    assert (issue.code, issue.path) == ("value-kind-mismatch", "$.claims[0].value")
    assert issue.message == "duration takes a duration value, but claim:runtime has int '170'"


def test_ref_kind_mismatch() -> None:
    """A reference value to the wrong kind of entity is an error."""
    d = _with(_dossier(), "claims", 1, value=HEAT)
    assert _codes(d) == [("error", "ref-kind-mismatch", "$.claims[1].value")]


def test_subject_kind_mismatch() -> None:
    """A claim about an entity its property does not apply to is a warning."""
    d = _with(_dossier(), "claims", 0, subject=PACINO)
    assert _codes(d) == [("warning", "subject-kind-mismatch", "$.claims[0].subject")]


def test_dossier_properties_count() -> None:
    """A property declared in the dossier is known to validation."""
    prop = filmlore.Property(name="runtime_text", kind="duration")
    d = _with(_dossier(), "claims", 0, property="runtime_text")
    assert _codes(attrs.evolve(d, properties=[prop])) == []


def test_raise_for_issues() -> None:
    """Errors raise IssuesFound with the errors; warnings and infos do not raise."""
    warning = Issue(severity=Severity.WARNING, code="w", path="$", message="careful")
    filmlore.raise_for_issues([warning])
    error = Issue(
        severity=Severity.ERROR, code="duplicate-id", path="$.films[1].id", message="twice"
    )
    with pytest.raises(IssuesFound) as caught:
        filmlore.raise_for_issues([warning, error])
    assert caught.value.issues == [error]
    assert str(caught.value) == (
        "1 validation issue(s):\n  - error duplicate-id: twice @ $.films[1].id"
    )


def test_validation_is_linear() -> None:
    """Ten times the records take about ten times as long, not a hundred."""

    def big(n: int) -> Dossier:
        films = [Film(id=_ref("film", f"f{i}"), title=Text("T")) for i in range(n)]
        credits = [
            Credit(
                id=_ref("credit", f"c{i}"),
                film=films[i % n].id,
                person=PACINO,
                role=RoleKind.CAST,
                billing=i,
            )
            for i in range(4 * n)
        ]
        return Dossier(films=films, people=[Person(id=PACINO, name="P")], credits=credits)

    def timed(d: Dossier) -> float:
        start = time.perf_counter()
        filmlore.validate(d)
        return time.perf_counter() - start

    small, large = big(500), big(5000)
    timed(small)
    assert timed(large) < 30 * max(timed(small), 1e-4)


# --- hierarchies --------------------------------------------------------------------------------


def _links(*pairs: str) -> list[HierarchyLink]:
    """Links from ``"child > parent"`` strings."""
    return [HierarchyLink(child=c, parent=p) for c, p in (pair.split(" > ") for pair in pairs)]


def test_a_hierarchy_with_several_parents_and_no_cycle_is_clean() -> None:
    """A child under two parents, and two paths to one ancestor, are no cycle."""
    d = Dossier(
        hierarchy=_links(
            "Milan > Lombardy",
            "Milan > Metropolitan City of Milan",
            "Metropolitan City of Milan > Lombardy",
            "Lombardy > Italy",
        )
    )
    assert filmlore.validate(d) == []


def test_a_cycle_in_the_hierarchy_is_an_error_at_the_link_closing_it() -> None:
    """Milan → Lombardy → Milan: an error at the second link, naming the whole cycle."""
    d = Dossier(hierarchy=_links("Milan > Lombardy", "Lombardy > Italy", "Lombardy > Milan"))
    (issue,) = filmlore.validate(d)
    assert issue.severity is Severity.ERROR
    assert (issue.code, issue.path) == ("hierarchy-cycle", "$.hierarchy[2]")
    assert issue.message == (
        "the hierarchy goes round in a cycle, 'Milan' → 'Lombardy' → 'Milan' (child → parent): "
        "a value cannot lie within itself"
    )


def test_every_link_closing_a_cycle_is_reported_in_dossier_order() -> None:
    """Two cycles through one value are two errors, each with its own cycle; dropping the
    reported links leaves none."""
    links = _links(
        "Milan > Lombardy",
        "Lombardy > Italy",
        "Italy > Milan",
        "Turin > Piedmont",
        "Lombardy > Milan",
    )
    issues = filmlore.validate(Dossier(hierarchy=links))
    assert [(i.code, i.path) for i in issues] == [
        ("hierarchy-cycle", "$.hierarchy[2]"),
        ("hierarchy-cycle", "$.hierarchy[4]"),
    ]
    assert "'Milan' → 'Lombardy' → 'Italy' → 'Milan'" in issues[0].message
    assert "'Milan' → 'Lombardy' → 'Milan'" in issues[1].message
    kept = [link for i, link in enumerate(links) if i not in (2, 4)]
    assert filmlore.validate(Dossier(hierarchy=kept)) == []


def test_a_long_cycle_is_shown_with_its_middle_counted() -> None:
    """A cycle through 100,001 values is found without exhausting the stack, and its message
    shows both ends and how many values it leaves out."""
    n = 100_000
    links = [HierarchyLink(child=f"v{i}", parent=f"v{i + 1}") for i in range(n)]
    links.append(HierarchyLink(child=f"v{n}", parent="v0"))
    (issue,) = filmlore.validate(Dossier(hierarchy=links))
    assert issue.path == f"$.hierarchy[{n}]"
    assert issue.message == (
        "the hierarchy goes round in a cycle, 'v0' → 'v1' → 'v2' → 'v3' → 'v4' → 'v5' → "
        "… 99991 more … → 'v99997' → 'v99998' → 'v99999' → 'v100000' → 'v0' (child → "
        "parent): a value cannot lie within itself"
    )


def test_a_link_listed_twice_is_a_warning_at_the_second() -> None:
    """The same child and parent twice: a warning naming the first; values as written."""
    d = Dossier(hierarchy=_links("Milan > Lombardy", "milan > Lombardy", "Milan > Lombardy"))
    (issue,) = filmlore.validate(d)
    assert issue.severity is Severity.WARNING
    assert (issue.code, issue.path) == ("duplicate-link", "$.hierarchy[2]")
    assert issue.message == "the link 'Milan' → 'Lombardy' is listed at $.hierarchy[0] already"


@given(dossiers())
def test_generated_hierarchies_have_no_cycle_or_repeat(d: Dossier) -> None:
    """The dossiers strategy's hierarchies validate clean (they are valid by construction)."""
    codes = {i.code for i in filmlore.validate(d)}
    assert not codes & {"hierarchy-cycle", "duplicate-link"}


# --- what a claims table cannot declare ---------------------------------------------------------


def _table(origin: DossierOrigin, sources: list[Source] | None = None) -> Dossier:
    """Three claims as a claims table holds them: subjects, people and sources undeclared."""
    other = _ref("source", "blog")
    return Dossier(
        sources=sources or [],
        claims=[
            _claim("a", "duration", Duration.parse("170 min"), excerpt=Excerpt(text="170 min")),
            _claim("b", "duration", Duration.parse("171 min"), source=other, attributed_to=MANN),
            _claim("c", "title", Text("Heat"), attributed_to=MANN, via=(other,)),
        ],
        origin=origin,
    )


def test_a_claims_table_cannot_declare_entities() -> None:
    """From a claims table, what it refers to is an info, once per entity at its first
    reference, with the count of the others; nothing is an error."""
    issues = filmlore.validate(_table(DossierOrigin.CLAIMS_TABLE))
    assert [str(i) for i in issues] == [
        "info undeclared-reference: the subject film:heat-1995 of claim:a (and 2 more "
        "references to it) is not declared: a claims table cannot declare entities "
        "@ $.claims[0].subject",
        "info undeclared-reference: the source source:article-a of claim:a (and 1 more "
        "reference to it) is not declared: a claims table cannot declare entities "
        "@ $.claims[0].source",
        "info undeclared-reference: the source source:blog of claim:b (and 1 more reference "
        "to it) is not declared: a claims table cannot declare entities @ $.claims[1].source",
        "info undeclared-reference: the person person:michael-mann of claim:b (and 1 more "
        "reference to it) is not declared: a claims table cannot declare entities "
        "@ $.claims[1].attributed_to",
    ]
    filmlore.raise_for_issues(issues)


def test_a_sources_table_resolves_its_sources_and_misses_are_warnings() -> None:
    """With a sources table, its sources resolve as in any dossier (their excerpts are
    counted unchecked); a source it does not list is a warning, once, at its first use."""
    listed = Source(id=ARTICLE, kind=SourceKind.DATABASE)
    issues = filmlore.validate(_table(DossierOrigin.CLAIMS_AND_SOURCES_TABLES, [listed]))
    assert [(i.severity.value, i.code, i.path) for i in issues] == [
        ("info", "excerpt-unchecked", "$.sources[0].text"),
        ("info", "undeclared-reference", "$.claims[0].subject"),
        ("info", "undeclared-reference", "$.claims[1].attributed_to"),
        ("warning", "source-not-in-table", "$.claims[1].source"),
    ]
    assert issues[-1].message == (
        "the source source:blog of claim:b (and 1 more reference to it) is not in the sources table"
    )


def test_the_same_records_from_a_dossier_are_errors() -> None:
    """Built in code (or read from any other format), the same references are errors."""
    codes = _codes(_table(DossierOrigin.DOSSIER))
    assert codes == [
        ("error", "unresolved-reference", "$.claims[0].subject"),
        ("error", "unresolved-reference", "$.claims[0].source"),
        ("error", "unresolved-reference", "$.claims[1].subject"),
        ("error", "unresolved-reference", "$.claims[1].source"),
        ("error", "unresolved-reference", "$.claims[1].attributed_to"),
        ("error", "unresolved-reference", "$.claims[2].subject"),
        ("error", "unresolved-reference", "$.claims[2].source"),
        ("error", "unresolved-reference", "$.claims[2].attributed_to"),
        ("error", "unresolved-reference", "$.claims[2].via[0]"),
    ]


def test_a_claims_csv_validates_without_errors() -> None:
    """Loaded from CSV text, a claims table's subjects and sources are infos; with a
    sources table, an unlisted source is a warning and the listed one resolves."""
    table = "subject,property,value,source\nfilm:heat-1995,duration,170 min,source:tmdb\n"
    alone = filmlore.loads(table, format="csv")
    assert alone.origin is DossierOrigin.CLAIMS_TABLE
    assert [(i.code, i.path) for i in filmlore.validate(alone)] == [
        ("undeclared-reference", "$.claims[0].subject"),
        ("undeclared-reference", "$.claims[0].source"),
    ]
    listed = filmlore.loads(table, format="csv", sources="id,kind\ntmdb,database\n")
    assert listed.origin is DossierOrigin.CLAIMS_AND_SOURCES_TABLES
    assert [(i.code, i.path) for i in filmlore.validate(listed)] == [
        ("undeclared-reference", "$.claims[0].subject")
    ]
    other = filmlore.loads(table, format="csv", sources="id,kind\nblog,blog\n")
    assert [(i.severity.value, i.code) for i in filmlore.validate(other)] == [
        ("info", "undeclared-reference"),
        ("warning", "source-not-in-table"),
    ]
