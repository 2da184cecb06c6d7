"""The property registry and value kinds."""

from __future__ import annotations

import pytest

from filmlore import (
    Cardinality,
    FieldError,
    Property,
    PropertyRegistry,
    UnknownPropertyError,
    WikidataId,
    get_kind,
    get_property,
)

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
    ],
)
def test_property_validators(kwargs: dict[str, object], field: str) -> None:
    """Property refuses bad names, unknown kinds and subjects, misplaced ref kinds."""
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
