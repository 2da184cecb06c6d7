"""The property registry: what can be claimed about what, and with which kind of value.

A :class:`Property` has a name, a value kind (see :mod:`filmlore.values.kinds`), a
cardinality (a film has one runtime but many cast members), the entity kinds it applies to,
and its Wikidata property id where one exists.  The built-in registry covers the usual film
properties; users register their own, globally with :func:`register_property` or for one
dossier in its ``properties`` list.

>>> get_property("duration").wikidata
WikidataId('P2047')
>>> get_property("budget").name          # an alias
'cost'
>>> get_property("cast_member").cardinality
<Cardinality.MANY: 'many'>
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from filmlore.errors import FieldError, UnknownPropertyError
from filmlore.values.ids import WikidataId
from filmlore.values.kinds import get_kind
from filmlore.values.refs import ENTITY_KINDS

__all__ = [
    "Cardinality",
    "Property",
    "PropertyRegistry",
    "get_property",
    "register_property",
    "registry",
]

_NAME_RE = re.compile(r"[a-z][a-z0-9_]*")


class Cardinality(str, enum.Enum):
    """How many values a subject has for a property: ``one`` (runtime) or ``many`` (cast)."""

    ONE = "one"
    MANY = "many"


def _check_name(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not _NAME_RE.fullmatch(value):
        raise FieldError("Property", attribute.name, "snake_case like 'release_date'", value)


def _check_kind(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise FieldError("Property", "kind", "a value kind name", value)
    try:
        get_kind(value)
    except LookupError as exc:
        raise FieldError("Property", "kind", "a registered value kind", value) from exc


def _check_subjects(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not value or not all(v in ENTITY_KINDS for v in value):
        raise FieldError("Property", "subjects", "a non-empty tuple of entity kinds", value)


def _as_tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen(slots=True, kw_only=True)
class Property:
    """A property that claims can be about.

    ``ref_kind`` names the entity kind a ``ref`` value must point to (``person`` for
    ``director``).  ``tolerance`` is the relative difference under which two values of a
    numeric property still count as the same (runtimes of one film differ by a few minutes
    between cuts).  ``aliases`` are other names the property is found under.
    """

    name: str = attrs.field(validator=_check_name)
    kind: str = attrs.field(validator=_check_kind)
    cardinality: Cardinality = attrs.field(
        default=Cardinality.ONE, validator=attrs.validators.instance_of(Cardinality)
    )
    subjects: tuple[str, ...] = attrs.field(
        default=("film",), converter=_as_tuple, validator=_check_subjects
    )
    wikidata: WikidataId | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(WikidataId))
    )
    ref_kind: str | None = attrs.field(default=None)
    tolerance: float | None = attrs.field(default=None)
    aliases: tuple[str, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    description: str = ""

    @ref_kind.validator
    def _check_ref_kind(self, attribute: attrs.Attribute[object], value: object) -> None:
        if value is not None and (self.kind != "ref" or value not in ENTITY_KINDS):
            raise FieldError("Property", "ref_kind", "an entity kind, on a 'ref' property", value)

    @tolerance.validator
    def _check_tolerance(self, attribute: attrs.Attribute[object], value: object) -> None:
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1
        ):
            raise FieldError("Property", "tolerance", "a relative tolerance in [0, 1)", value)

    @property
    def many(self) -> bool:
        """True for a many-valued property."""
        return self.cardinality is Cardinality.MANY


class PropertyRegistry:
    """A mutable mapping of property names (and aliases) to properties.

    >>> reg = PropertyRegistry()
    >>> _ = reg.register(Property(name="rehearsed", kind="boolean", subjects=("scene",)))
    >>> reg.get("rehearsed").kind
    'boolean'
    """

    def __init__(self, properties: Iterable[Property] = ()) -> None:
        self._by_name: dict[str, Property] = {}
        self._alias: dict[str, str] = {}
        for prop in properties:
            self.register(prop)

    def register(self, prop: Property, *, replace: bool = False) -> Property:
        """Add ``prop``; a name or alias already taken needs ``replace=True``."""
        taken = [
            n for n in (prop.name, *prop.aliases) if n in self and self.get(n).name != prop.name
        ]
        if (prop.name in self._by_name or taken) and not replace:
            raise ValueError(
                f"property {prop.name!r} (or an alias) is registered already; pass replace=True"
            )
        old = self._by_name.get(prop.name)
        if old is not None:
            for alias in old.aliases:
                self._alias.pop(alias, None)
        self._by_name[prop.name] = prop
        for alias in prop.aliases:
            self._alias[alias] = prop.name
        return prop

    def get(self, name: str) -> Property:
        """The property called ``name`` (or aliased so); :class:`UnknownPropertyError` if none."""
        found = self.find(name)
        if found is None:
            raise UnknownPropertyError(name, sorted(self._by_name))
        return found

    def find(self, name: str) -> Property | None:
        """The property called ``name`` (or aliased so), or None."""
        prop = self._by_name.get(name)
        if prop is None and name in self._alias:
            prop = self._by_name[self._alias[name]]
        return prop

    def copy(self) -> PropertyRegistry:
        """An independent copy, to extend without touching this one."""
        return PropertyRegistry(self._by_name.values())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and (name in self._by_name or name in self._alias)

    def __iter__(self) -> Iterator[Property]:
        return iter(self._by_name.values())

    def __len__(self) -> int:
        return len(self._by_name)

    def __repr__(self) -> str:
        return f"<PropertyRegistry with {len(self)} properties>"


def _p(
    name: str,
    kind: str,
    wikidata: str | None = None,
    *,
    many: bool = False,
    subjects: tuple[str, ...] = ("film",),
    ref_kind: str | None = None,
    tolerance: float | None = None,
    aliases: tuple[str, ...] = (),
    description: str = "",
) -> Property:
    return Property(
        name=name,
        kind=kind,
        cardinality=Cardinality.MANY if many else Cardinality.ONE,
        subjects=subjects,
        wikidata=WikidataId(wikidata) if wikidata else None,
        ref_kind=ref_kind,
        tolerance=tolerance,
        aliases=aliases,
        description=description,
    )


_WORKS = ("film", "work")
_PEOPLE_ON = {"many": True, "ref_kind": "person"}

#: The registry used when no other is given.
registry = PropertyRegistry(
    [
        _p("title", "title", "P1476", description="the title of a work"),
        _p(
            "release_date",
            "date",
            "P577",
            aliases=("publication_date",),
            subjects=_WORKS,
            description="when the work was first released (qualify with country or kind)",
        ),
        _p("production_date", "date", subjects=_WORKS, description="when the work was made"),
        _p(
            "duration",
            "duration",
            "P2047",
            subjects=("film", "scene", "work"),
            tolerance=0.03,
            aliases=("runtime",),
            description="how long it runs",
        ),
        _p(
            "cost",
            "money",
            "P2130",
            aliases=("budget",),
            tolerance=0.05,
            description="what it cost to make",
        ),
        _p(
            "box_office",
            "money",
            "P2142",
            aliases=("revenue", "gross"),
            tolerance=0.05,
            description="what it earned",
        ),
        _p("director", "ref", "P57", many=True, ref_kind="person", subjects=_WORKS),
        _p(
            "cast_member",
            "ref",
            "P161",
            many=True,
            ref_kind="person",
            description="a person in the cast; qualify with character_role (P453)",
        ),
        _p("screenwriter", "ref", "P58", many=True, ref_kind="person", subjects=_WORKS),
        _p("producer", "ref", "P162", many=True, ref_kind="person"),
        _p("composer", "ref", "P86", many=True, ref_kind="person"),
        _p(
            "director_of_photography",
            "ref",
            "P344",
            many=True,
            ref_kind="person",
            aliases=("cinematographer",),
        ),
        _p("film_editor", "ref", "P1040", many=True, ref_kind="person", aliases=("editor",)),
        _p("production_company", "text", "P272", many=True),
        _p("distributor", "text", "P750", many=True),
        _p("genre", "category", "P136", many=True, subjects=_WORKS),
        _p("country_of_origin", "place", "P495", many=True, subjects=_WORKS),
        _p("original_language", "text", "P364", subjects=_WORKS),
        _p("filming_location", "place", "P915", many=True, subjects=("film", "scene")),
        _p("narrative_location", "place", "P840", many=True, subjects=("film", "scene", "work")),
        _p("based_on", "ref", "P144", many=True, subjects=("film", "character", "scene", "work")),
        _p(
            "inspired_by", "ref", "P941", many=True, subjects=("film", "character", "scene", "work")
        ),
        _p("derivative_work", "ref", "P4969", many=True, subjects=_WORKS),
        _p(
            "influenced",
            "ref",
            many=True,
            subjects=("film", "scene", "person", "work"),
            description="a later work this one influenced (inverse of P737 'influenced by')",
        ),
        _p("influenced_by", "ref", "P737", many=True, subjects=("film", "person", "work")),
        _p("follows", "ref", "P155", subjects=_WORKS, ref_kind="film"),
        _p("followed_by", "ref", "P156", subjects=_WORKS, ref_kind="film"),
        _p("remake_of", "ref", many=True, subjects=_WORKS, ref_kind="film"),
        _p(
            "played_by",
            "ref",
            "P175",
            many=True,
            subjects=("character",),
            ref_kind="person",
            aliases=("performer",),
        ),
        _p("named_after", "ref", "P138", many=True, subjects=("character", "film", "scene")),
        _p(
            "character_name",
            "name",
            many=True,
            subjects=("character",),
            description="a name a source uses for a character",
        ),
        _p(
            "quotation",
            "quote",
            "P1683",
            many=True,
            subjects=("film", "quote", "person", "source"),
            description="the words of a quote as a source renders them",
        ),
        _p("speaker", "ref", subjects=("quote",), ref_kind="character"),
        _p(
            "said_by",
            "ref",
            subjects=("quote",),
            ref_kind="person",
            description="the person who said words quoted from an interview",
        ),
        _p("location", "place", many=True, subjects=("scene",)),
        _p("participant", "ref", many=True, subjects=("scene",), ref_kind="character"),
        _p("award_received", "text", "P166", many=True, subjects=("film", "person")),
        _p("description", "text", subjects=ENTITY_KINDS),
        _p(
            "assessment",
            "assessment",
            many=True,
            subjects=ENTITY_KINDS,
            description="an opinion or judgement a source holds",
        ),
        _p("occupation", "category", "P106", many=True, subjects=("person",)),
        _p("date_of_birth", "date", "P569", subjects=("person",)),
        _p("name", "name", many=True, subjects=("person", "character")),
    ]
)


def get_property(name: str) -> Property:
    """The built-in or registered property called ``name`` (or aliased so)."""
    return registry.get(name)


def register_property(prop: Property, *, replace: bool = False) -> Property:
    """Add a property to the default registry and return it."""
    return registry.register(prop, replace=replace)
