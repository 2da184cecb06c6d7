"""Model validators: each model refuses what it should and keeps what it is given."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import filmlore
from filmlore import (
    Character,
    Claim,
    Credit,
    Duration,
    EntityRef,
    Excerpt,
    FieldError,
    Film,
    Person,
    Qualifier,
    Quote,
    RoleKind,
    Scene,
    Source,
    SourceKind,
    Stance,
    Text,
)

HEAT = EntityRef("film", "heat-1995")
PACINO = EntityRef("person", "al-pacino")
HANNA = EntityRef("character", "vincent-hanna")
BLOG = EntityRef("source", "blog")


def claim(**changes: object) -> Claim:
    base: dict[str, object] = {
        "id": EntityRef("claim", "c1"),
        "subject": HEAT,
        "property": "duration",
        "value": Duration(amount=Decimal(170), unit="min"),
        "source": BLOG,
    }
    base.update(changes)
    return Claim(**base)  # type: ignore[arg-type]


def test_film_id_must_be_a_film_reference() -> None:
    """A film's id must reference a film."""
    with pytest.raises(FieldError, match=r"Film\.id: expected a reference to a film"):
        Film(id=PACINO, title=Text("Heat"))


def test_film_title_must_be_text() -> None:
    """A bare string is not a title: titles are Text."""
    with pytest.raises(FieldError, match=r"Film\.title"):
        Film(id=HEAT, title="Heat")  # type: ignore[arg-type]


def test_film_year_is_an_int_not_a_string_or_bool() -> None:
    """'1995' and True are not years."""
    for bad in ["1995", True, 1995.0]:
        with pytest.raises(FieldError, match=r"Film\.year"):
            Film(id=HEAT, title=Text("Heat"), year=bad)  # type: ignore[arg-type]


def test_film_runtime_must_be_a_duration() -> None:
    """A runtime is a Duration, not a number of minutes."""
    with pytest.raises(FieldError, match=r"Film\.runtime"):
        Film(id=HEAT, title=Text("Heat"), runtime=170)  # type: ignore[arg-type]


def test_lists_become_tuples_and_models_stay_hashable() -> None:
    """Lists given for tuple fields are stored as tuples, so models hash."""
    film = Film(id=HEAT, title=Text("Heat"), genres=["Crime", "Drama"])  # type: ignore[arg-type]
    assert film.genres == ("Crime", "Drama")
    assert hash(film) == hash(attrs.evolve(film))


def test_empty_strings_are_refused() -> None:
    """Names and titles may not be blank."""
    with pytest.raises(FieldError, match=r"Person\.name"):
        Person(id=PACINO, name="  ")
    with pytest.raises(FieldError, match=r"Film\.genres"):
        Film(id=HEAT, title=Text("Heat"), genres=("",))


def test_models_are_frozen_and_keyword_only() -> None:
    """Models cannot be changed after construction or built positionally."""
    person = Person(id=PACINO, name="Al Pacino")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        person.name = "Pacino"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Person(PACINO, "Al Pacino")  # type: ignore[misc]


def test_character_refs_are_checked_by_kind() -> None:
    """played_by must list people, film must be a film."""
    with pytest.raises(FieldError, match=r"Character\.played_by"):
        Character(id=HANNA, film=HEAT, name="Vincent Hanna", played_by=(HEAT,))
    ok = Character(id=HANNA, film=HEAT, name="Vincent Hanna", played_by=(PACINO,))
    assert ok.played_by == (PACINO,)


def test_credit_character_only_for_cast() -> None:
    """A director's credit cannot name a character; billing is a non-negative int."""
    with pytest.raises(FieldError, match=r"Credit\.character"):
        Credit(
            id=EntityRef("credit", "x"),
            film=HEAT,
            person=PACINO,
            role=RoleKind.DIRECTOR,
            character=HANNA,
        )
    with pytest.raises(FieldError, match=r"Credit\.billing"):
        Credit(
            id=EntityRef("credit", "x"), film=HEAT, person=PACINO, role=RoleKind.CAST, billing=-1
        )
    with pytest.raises(FieldError, match=r"Credit\.role"):
        Credit(id=EntityRef("credit", "x"), film=HEAT, person=PACINO, role="cast")  # type: ignore[arg-type]


def test_scene_and_quote_fields() -> None:
    """Scenes list characters; quotes name a character as speaker, not a person."""
    scene = Scene(
        id=EntityRef("scene", "coffee"), film=HEAT, title="Coffee shop", characters=(HANNA,)
    )
    assert scene.characters == (HANNA,)
    with pytest.raises(FieldError, match=r"Quote\.speaker"):
        Quote(id=EntityRef("quote", "q"), film=HEAT, text="...", speaker=PACINO)


def test_source_reliability_range_and_kind() -> None:
    """Reliability is in [0, 1]; the kind is a SourceKind."""
    with pytest.raises(FieldError, match=r"Source\.reliability"):
        Source(id=BLOG, kind=SourceKind.BLOG, reliability=1.5)
    with pytest.raises(FieldError, match=r"Source\.kind"):
        Source(id=BLOG, kind="blog")  # type: ignore[arg-type]
    assert Source(id=BLOG, kind=SourceKind.BLOG, reliability=0.4).reliability == 0.4


def test_claim_value_must_be_typed() -> None:
    """A bare string or float is not a claim value."""
    for bad in ["170 min", 170.0, None, ["x"]]:
        with pytest.raises(FieldError, match=r"Claim\.value"):
            claim(value=bad)
    assert claim(value=Text("Heat")).value == Text("Heat")
    assert claim(value=True).value is True


def test_claim_qualifiers_unique_and_lookup() -> None:
    """A qualifier key appears once; qualifier() finds its value."""
    c = claim(qualifiers=[Qualifier(key="scope", value="in a speaking scene")])
    assert c.qualifier("scope") == "in a speaking scene"
    assert c.qualifier("country") is None
    with pytest.raises(FieldError, match=r"Claim\.qualifiers"):
        claim(qualifiers=[Qualifier(key="scope", value="a"), Qualifier(key="scope", value="b")])


def test_claim_stance_and_source_kind() -> None:
    """The stance is a Stance and the source a source reference."""
    assert claim(stance=Stance.HEDGES).stance is Stance.HEDGES
    with pytest.raises(FieldError, match=r"Claim\.source"):
        claim(source=PACINO)
    with pytest.raises(FieldError, match=r"Claim\.attributed_to"):
        claim(attributed_to=BLOG)


def test_excerpt_offsets() -> None:
    """Offsets come together and in order."""
    assert Excerpt(text="abc", start=3, end=6).end == 6
    with pytest.raises(FieldError, match=r"Excerpt\.end"):
        Excerpt(text="abc", start=3)
    with pytest.raises(FieldError, match=r"Excerpt\.end"):
        Excerpt(text="abc", start=6, end=3)


@given(st.from_type(Film))
def test_registered_strategy_films_are_valid(film: Film) -> None:
    """st.from_type(Film) works through the entry point and gives valid films."""
    assert isinstance(film, Film)
    assert attrs.evolve(film) == film


@given(st.from_type(filmlore.Dossier))
def test_generated_dossiers_resolve(dossier: filmlore.Dossier) -> None:
    """Generated dossiers have unique ids and every claim's subject and source resolve."""
    assert dossier.duplicate_ids() == []
    for c in dossier.claims:
        assert c.subject in dossier
        assert c.source in dossier


@given(st.from_type(Claim), st.from_type(Source), st.from_type(Credit))
def test_every_strategy_builds_valid_models(c: Claim, s: Source, cr: Credit) -> None:
    """Re-validating a generated model (evolve runs the validators) never fails."""
    for model in (c, s, cr):
        assert attrs.evolve(model) == model


def test_hierarchy_link_holds_two_different_values() -> None:
    """A hierarchy link joins a child to a parent: two non-empty strings, not the same one."""
    link = filmlore.HierarchyLink(child="Milan", parent="Lombardy")
    assert (link.child, link.parent) == ("Milan", "Lombardy")
    assert link == filmlore.HierarchyLink(child="Milan", parent="Lombardy")
    assert hash(link) == hash(filmlore.HierarchyLink(child="Milan", parent="Lombardy"))
    with pytest.raises(FieldError) as caught:
        filmlore.HierarchyLink(child="Milan", parent="Milan")
    assert str(caught.value) == (
        "HierarchyLink.parent: expected a value other than the child, got 'Milan'"
    )
    with pytest.raises(FieldError) as caught:
        filmlore.HierarchyLink(child=" ", parent="Lombardy")
    assert str(caught.value) == "HierarchyLink.child: expected a non-empty str, got ' '"
    with pytest.raises(FieldError, match=r"HierarchyLink\.parent: expected a non-empty str"):
        filmlore.HierarchyLink(child="Milan", parent=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        filmlore.HierarchyLink("Milan", "Lombardy")  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        link.parent = "Italy"  # type: ignore[misc]


def test_hierarchy_links_compare_values_as_written() -> None:
    """Values are not normalised: 'milan' under 'Milan' is a link, and spaces are kept."""
    link = filmlore.HierarchyLink(child="milan", parent="Milan ")
    assert (link.child, link.parent) == ("milan", "Milan ")
