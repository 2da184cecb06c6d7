"""The property registry and value kinds."""

from __future__ import annotations

import pytest

import filmlore
from filmlore import (
    Cardinality,
    FieldError,
    Property,
    PropertyRegistry,
    UnknownPropertyError,
    WikidataId,
    get_kind,
    get_property,
    load,
)
from filmlore.properties import registry

WIKIDATA = {
    "title": "P1476",
    "release_date": "P577",
    "duration": "P2047",
    "cost": "P2130",
    "director": "P57",
    "cast_member": "P161",
    "composer": "P86",
    "director_of_photography": "P344",
    "screenwriter": "P58",
    "producer": "P162",
    "based_on": "P144",
    "inspired_by": "P941",
    "derivative_work": "P4969",
    "original_title": "P1705",
    "original_broadcaster": "P449",
    "distribution_format": "P437",
    "award_received": "P166",
    "nominated_for": "P1411",
    "box_office": "P2142",
    "filming_location": "P915",
    "narrative_location": "P840",
    "crew_member": "P3092",
}


@pytest.mark.parametrize(("name", "pid"), sorted(WIKIDATA.items()))
def test_builtin_properties_carry_wikidata_ids(name: str, pid: str) -> None:
    """Each built-in film property has its Wikidata property id."""
    assert get_property(name).wikidata == WikidataId(pid)


def test_cardinality_and_kinds() -> None:
    """One runtime, many cast members; kinds name registered value kinds."""
    assert get_property("duration").cardinality is Cardinality.ONE
    assert get_property("cast_member").many
    assert get_property("cast_member").ref_kind == "person"
    for prop in [get_property(n) for n in WIKIDATA]:
        assert get_kind(prop.kind).name == prop.kind


def test_aliases_resolve() -> None:
    """runtime and budget are aliases of duration and cost."""
    assert get_property("runtime").name == "duration"
    assert get_property("budget").name == "cost"


def test_unknown_property_error_suggests() -> None:
    """An unknown name raises a LookupError that names it and suggests close ones."""
    with pytest.raises(UnknownPropertyError) as info:
        get_property("durration")
    assert isinstance(info.value, LookupError)
    assert "'durration'" in str(info.value)
    assert "duration" in str(info.value)


def test_user_registry_is_independent() -> None:
    """A copy can be extended without touching the default registry."""
    reg = PropertyRegistry()
    reg.register(Property(name="rehearsed", kind="boolean", subjects=("scene",)))
    assert "rehearsed" in reg
    with pytest.raises(ValueError, match="registered already"):
        reg.register(Property(name="rehearsed", kind="text"))
    reg.register(Property(name="rehearsed", kind="text"), replace=True)
    assert reg.get("rehearsed").kind == "text"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": "Release Date", "kind": "date"}, "name"),
        ({"name": "x", "kind": "colour"}, "kind"),
        ({"name": "x", "kind": "date", "subjects": ("movie",)}, "subjects"),
        ({"name": "x", "kind": "date", "ref_kind": "person"}, "ref_kind"),
        ({"name": "x", "kind": "duration", "tolerance": 2.0}, "tolerance"),
        ({"name": "x", "kind": "text", "values": ("theatrical",)}, "values"),
        ({"name": "x", "kind": "category", "values": ("theatrical", "")}, "values"),
    ],
)
def test_property_validators(kwargs: dict[str, object], field: str) -> None:
    """Property refuses bad names, unknown kinds and subjects, misplaced ref kinds, and
    terms on a property that is not a category (or blank terms)."""
    with pytest.raises(FieldError, match=rf"Property\.{field}"):
        Property(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "text", "printed"),
    [
        ("date", "Dec 15, 1995", "1995-12-15"),
        ("duration", "170 min", "170 min"),
        ("integer", "42", "42"),
        ("boolean", "yes", "true"),
        ("ref", "person:al-pacino", "person:al-pacino"),
        ("title", "Heat", "Heat"),
    ],
)
def test_value_kinds_parse_and_format(kind: str, text: str, printed: str) -> None:
    """Each kind reads text and prints a form that reads back the same."""
    k = get_kind(kind)
    value = k.parse(text)
    assert k.check(value)
    assert k.format(value) == printed
    assert k.parse(k.format(value)) == value


def test_boolean_is_not_an_integer() -> None:
    """The integer kind does not accept True."""
    assert not get_kind("integer").check(True)
    with pytest.raises(LookupError, match="unknown value kind"):
        get_kind("colour")


# --- the properties film writers reach for ---------------------------------------------------


def test_alternative_titles_are_many_and_separate_by_region_and_language() -> None:
    """A work has many alternative titles; one per region or language is its own question."""
    prop = get_property("aka")
    assert prop.name == "alternative_title"
    assert prop.many
    assert prop.kind == "title"
    assert {"region", "language"} <= set(prop.scope_keys)


@pytest.mark.parametrize(
    ("name", "terms"),
    [
        ("distribution_format", {"theatrical", "TV film", "pilot", "streaming"}),
        ("budget_category", {"low-budget", "independent", "blockbuster"}),
    ],
)
def test_category_properties_list_their_usual_terms(name: str, terms: set[str]) -> None:
    """Distribution format and budget category are categories with their usual terms."""
    prop = get_property(name)
    assert prop.kind == "category"
    assert set(prop.values) == terms


def test_budget_category_is_words_and_cost_is_a_sum() -> None:
    """The words "low-budget" are a category of their own property; a sum is the cost."""
    assert get_property("budget_category").cardinality is Cardinality.ONE
    assert get_kind(get_property("budget").kind).name == "money"
    assert "low-budget" in get_property("budget_category").values


@pytest.mark.parametrize(
    ("name", "kind", "many", "subject"),
    [
        ("original_broadcaster", "text", True, "film"),
        ("network", "text", True, "work"),
        ("character_rank", "category", False, "character"),
        ("filming_location", "place", True, "scene"),
        ("setting", "place", True, "film"),
        ("award_received", "text", True, "person"),
        ("nominated_for", "text", True, "film"),
        ("box_office", "money", False, "film"),
        ("production_date", "date", False, "film"),
        ("filming_date", "date", False, "scene"),
        ("tagline", "text", True, "film"),
        ("crew_member", "ref", True, "film"),
    ],
)
def test_film_writers_properties_are_built_in(
    name: str, kind: str, many: bool, subject: str
) -> None:
    """Each property a film writer reaches for is registered with its kind, cardinality
    and the subject it is about."""
    prop = get_property(name)
    assert prop.kind == kind
    assert prop.many is many
    assert subject in prop.subjects


def test_box_office_is_asked_per_region() -> None:
    """Box office figures for different regions are different questions."""
    assert "region" in get_property("box_office").scope_keys


def test_built_in_properties_are_described_and_wikidata_ids_are_unique() -> None:
    """Every built-in property says what it is; no two share a Wikidata id (the Wikidata
    importer reads each statement as the one property with its id)."""
    ids = [p.wikidata for p in registry if p.wikidata is not None]
    assert len(ids) == len(set(ids))
    assert all(p.description for p in registry)


def test_heat_declares_only_what_the_registry_lacks() -> None:
    """The example dossier declares no property the built-in registry already has, and
    its claims of work_format (an alias) are read as distribution_format."""
    heat = load(filmlore.example_path("heat"))
    assert [p.name for p in heat.properties if p.name in registry] == []
    formats = {
        str(c.value) for c in heat.claims if heat.property(c.property).name == "distribution_format"
    }
    assert formats == {"TV movie", "TV pilot"}
