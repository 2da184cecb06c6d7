"""The Dossier's indexes and queries."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmlore import (
    Character,
    Claim,
    Credit,
    Dossier,
    DossierOrigin,
    EntityRef,
    FieldError,
    Film,
    HierarchyLink,
    Person,
    Property,
    Quote,
    RoleKind,
    Scene,
    Source,
    SourceKind,
    Text,
    UnresolvedReferenceError,
)
from filmlore.testing import dossiers

HEAT = EntityRef("film", "heat-1995")
TAKEDOWN = EntityRef("film", "la-takedown-1989")
PACINO, DE_NIRO = EntityRef("person", "al-pacino"), EntityRef("person", "robert-de-niro")
HANNA, NEIL = EntityRef("character", "vincent-hanna"), EntityRef("character", "neil-mccauley")
A, B = EntityRef("source", "a"), EntityRef("source", "b")


def make() -> Dossier:
    return Dossier(
        title="Heat",
        films=[Film(id=HEAT, title=Text("Heat")), Film(id=TAKEDOWN, title=Text("L.A. Takedown"))],
        people=[Person(id=PACINO, name="Al Pacino"), Person(id=DE_NIRO, name="Robert De Niro")],
        characters=[
            Character(id=HANNA, film=HEAT, name="Vincent Hanna", played_by=(PACINO,)),
            Character(id=NEIL, film=HEAT, name="Neil McCauley", played_by=(DE_NIRO,)),
        ],
        credits=[
            Credit(
                id=EntityRef("credit", "2"),
                film=HEAT,
                person=DE_NIRO,
                role=RoleKind.CAST,
                character=NEIL,
                billing=2,
            ),
            Credit(
                id=EntityRef("credit", "1"),
                film=HEAT,
                person=PACINO,
                role=RoleKind.CAST,
                character=HANNA,
                billing=1,
            ),
            Credit(id=EntityRef("credit", "m"), film=HEAT, person=PACINO, role=RoleKind.PRODUCER),
        ],
        scenes=[
            Scene(id=EntityRef("scene", "bank"), film=HEAT, title="Bank", ordinal=3),
            Scene(id=EntityRef("scene", "coffee"), film=HEAT, title="Coffee", ordinal=2),
        ],
        quotes=[
            Quote(
                id=EntityRef("quote", "q1"), film=HEAT, text="Thirty seconds flat.", speaker=NEIL
            ),
            Quote(
                id=EntityRef("quote", "q2"),
                film=HEAT,
                text="I don't know how to do anything else.",
                speaker=HANNA,
            ),
        ],
        sources=[Source(id=A, kind=SourceKind.BLOG), Source(id=B, kind=SourceKind.REVIEW)],
        claims=[
            Claim(
                id=EntityRef("claim", "1"),
                subject=HEAT,
                property="runtime",
                value=Text("long"),
                source=A,
            ),
            Claim(
                id=EntityRef("claim", "2"),
                subject=HEAT,
                property="duration",
                value=Text("longer"),
                source=B,
            ),
            Claim(
                id=EntityRef("claim", "3"),
                subject=TAKEDOWN,
                property="title",
                value=Text("L.A. Takedown"),
                source=A,
            ),
        ],
    )


def test_lookup_by_ref_and_text() -> None:
    """Entities are found by EntityRef or its text; a missing one raises with the ref."""
    d = make()
    assert d[HEAT].title == Text("Heat")
    assert d["person:al-pacino"].name == "Al Pacino"
    assert "film:heat-1995" in d
    assert "film:nope" not in d
    assert "garbage" not in d
    assert d.get("film:nope") is None
    with pytest.raises(UnresolvedReferenceError, match="film:nope"):
        d["film:nope"]


def test_cast_in_billing_order_and_crew() -> None:
    """cast() orders by billing; crew() is everything else."""
    d = make()
    assert [c.person for c in d.cast(HEAT)] == [PACINO, DE_NIRO]
    assert [c.role for c in d.crew(HEAT)] == [RoleKind.PRODUCER]
    assert d.cast(TAKEDOWN) == []
    assert len(d.credits_for(PACINO)) == 2


def test_scenes_quotes_characters() -> None:
    """Scenes come by ordinal; a character's quotes are found by speaker."""
    d = make()
    assert [s.title for s in d.scenes_of(HEAT)] == ["Coffee", "Bank"]
    assert [q.text for q in d.quotes_of(character=NEIL)] == ["Thirty seconds flat."]
    assert len(d.quotes_of(HEAT)) == 2
    assert {c.name for c in d.characters_of(HEAT)} == {"Vincent Hanna", "Neil McCauley"}
    assert d.film_of(d.characters_of(HEAT)[0]) == d[HEAT]


def test_claims_by_subject_property_alias_and_source() -> None:
    """claims_about resolves aliases (runtime = duration); claims_by groups by source."""
    d = make()
    assert len(d.claims_about(HEAT)) == 2
    assert len(d.claims_about(HEAT, "duration")) == 2
    assert len(d.claims_about(HEAT, "runtime")) == 2
    assert len(d.claims_by(A)) == 2
    assert len(d.claims_for("duration")) == 2
    assert list(d.groups()) == [(HEAT, "duration"), (TAKEDOWN, "title")]


def test_duplicate_ids_are_reported_not_raised() -> None:
    """A dossier with duplicate ids builds; duplicate_ids() lists them once."""
    film = Film(id=HEAT, title=Text("Heat"))
    d = Dossier(films=[film, film, film])
    assert d.duplicate_ids() == [HEAT]


def test_dossier_properties_extend_the_registry_locally() -> None:
    """A dossier's own properties resolve in it and not globally."""
    d = Dossier(properties=[Property(name="rehearsed", kind="boolean", subjects=("scene",))])
    assert d.property("rehearsed").kind == "boolean"
    assert "rehearsed" not in Dossier().registry


def test_merge_keeps_everything() -> None:
    """merge() concatenates collections, the hierarchy too."""
    d = attrs.evolve(make(), hierarchy=[HierarchyLink(child="Milan", parent="Lombardy")])
    merged = d.merge(make())
    assert len(merged.claims) == 2 * len(d.claims)
    assert merged.duplicate_ids()
    assert merged.hierarchy == d.hierarchy
    assert d.merge(d).hierarchy == d.hierarchy * 2


def test_the_hierarchy_is_a_tuple_of_links() -> None:
    """hierarchy takes any sequence of HierarchyLink and stores a tuple; not entities."""
    links = [HierarchyLink(child="Milan", parent="Lombardy")]
    d = Dossier(hierarchy=links)
    assert d.hierarchy == tuple(links)
    assert len(d) == 0
    assert list(d.entities()) == []
    with pytest.raises(FieldError) as caught:
        Dossier(hierarchy=[("Milan", "Lombardy")])  # type: ignore[list-item]
    assert str(caught.value).startswith(
        "Dossier.hierarchy: expected a sequence of HierarchyLink, got (('Milan', 'Lombardy'),)"
    )


def test_the_origin_is_not_part_of_equality() -> None:
    """A dossier read from a claims table equals the same records built in code; the
    origin defaults to DOSSIER and must be a DossierOrigin."""
    claims = make().claims
    table = Dossier(claims=claims, origin=DossierOrigin.CLAIMS_TABLE)
    assert Dossier(claims=claims).origin is DossierOrigin.DOSSIER
    assert table == Dossier(claims=claims)
    assert hash(table) == hash(Dossier(claims=claims))
    assert attrs.evolve(table, title="t").origin is DossierOrigin.CLAIMS_TABLE
    with pytest.raises(FieldError, match=r"Dossier\.origin: expected a DossierOrigin"):
        Dossier(origin="claims-table")  # type: ignore[arg-type]


def test_merging_keeps_a_claims_table_only_with_another() -> None:
    """Two claims tables merge into a claims table (with sources if either has a sources
    table); with a dossier that could declare the entities, the merge is a dossier; an
    empty side changes nothing."""
    claims = make().claims
    table = Dossier(claims=claims, origin=DossierOrigin.CLAIMS_TABLE)
    with_sources = Dossier(claims=claims, origin=DossierOrigin.CLAIMS_AND_SOURCES_TABLES)
    films = Dossier(films=make().films)
    assert table.merge(table).origin is DossierOrigin.CLAIMS_TABLE
    assert table.merge(with_sources).origin is DossierOrigin.CLAIMS_AND_SOURCES_TABLES
    assert with_sources.merge(table).origin is DossierOrigin.CLAIMS_AND_SOURCES_TABLES
    assert table.merge(films).origin is DossierOrigin.DOSSIER
    assert films.merge(table).origin is DossierOrigin.DOSSIER
    assert Dossier().merge(table).origin is DossierOrigin.CLAIMS_TABLE
    assert table.merge(Dossier()).origin is DossierOrigin.CLAIMS_TABLE


@given(dossiers())
def test_every_entity_is_indexed(d: Dossier) -> None:
    """Every entity of a generated dossier is found under its id."""
    for entity in d.entities():
        assert d[entity.id] is entity or d[entity.id] == entity
    assert len(d) == sum(1 for _ in d.entities())


@given(st.lists(st.sampled_from(["duration", "runtime", "title"]), min_size=1, max_size=6))
def test_groups_partition_claims(props: list[str]) -> None:
    """groups() puts every claim in exactly one group."""
    claims = [
        Claim(id=EntityRef("claim", str(i)), subject=HEAT, property=p, value=i, source=A)
        for i, p in enumerate(props)
    ]
    groups = Dossier(claims=claims).groups()
    assert sorted(c.id.key for g in groups.values() for c in g) == sorted(
        str(i) for i in range(len(props))
    )
    assert set(groups) <= {(HEAT, "duration"), (HEAT, "title")}
