"""The property registry: what can be claimed about what, and with which kind of value.

A :class:`Property` has a name, a value kind (see :mod:`filmlore.values.kinds`), a
cardinality (a film has one runtime but many cast members), the entity kinds it applies to,
and its Wikidata property id where one exists.  The built-in registry covers the usual film
properties -- the documentation's property catalogue lists each one, written from this
registry -- and users register their own, globally with :func:`register_property` or for
one dossier in its ``properties`` list.

>>> get_property("duration").wikidata
WikidataId('P2047')
>>> get_property("budget").name          # an alias
'cost'
>>> get_property("cast_member").cardinality
<Cardinality.MANY: 'many'>

Properties know each other.  ``remade_as`` is the *inverse* of ``remake_of`` (a claim that
L.A. Takedown was remade as Heat says that Heat is a remake of L.A. Takedown), and
``remake_of`` is a *narrower* kind of ``based_on``, itself a kind of ``inspired_by``: claims
made from either end, or at different generality, meet as one question in reconciliation.

>>> registry.forward("remade_as")
(Property(name='remake_of', ...), True)
>>> [p.name for p in registry.lineage("remake_of")]
['remake_of', 'based_on', 'inspired_by', 'influenced_by']
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from filmlore._builtin_properties import BUILTIN, Spec
from filmlore.errors import FieldError, PropertyDeclarationError, UnknownPropertyError
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
    ``scope_keys`` are the qualifiers that make separate questions of its claims (a box
    office figure for one ``region`` does not dispute another region's).  ``values`` are
    the terms a ``category`` property usually takes (``theatrical``, ``TV film``, ...):
    the catalogue lists them, and a claim may still give another term.

    >>> get_property("distribution_format").values
    ('theatrical', 'TV film', 'pilot', 'streaming')
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
    inverse: str | None = attrs.field(default=None)
    broader: str | None = attrs.field(default=None)
    asymmetric: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    scope_keys: tuple[str, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    values: tuple[str, ...] = attrs.field(factory=tuple, converter=_as_tuple)

    @inverse.validator
    def _check_inverse(self, attribute: attrs.Attribute[object], value: object) -> None:
        if value is not None:
            if not isinstance(value, str) or not _NAME_RE.fullmatch(value):
                raise FieldError("Property", "inverse", "a property name", value)
            if self.kind != "ref":
                raise FieldError(
                    "Property", "inverse", "None on a property whose kind is not ref", value
                )
            if value == self.name:
                raise FieldError("Property", "inverse", "another property's name", value)

    @broader.validator
    def _check_broader(self, attribute: attrs.Attribute[object], value: object) -> None:
        if value is not None:
            if not isinstance(value, str) or not _NAME_RE.fullmatch(value):
                raise FieldError("Property", "broader", "a property name", value)
            if value == self.name:
                raise FieldError("Property", "broader", "another property's name", value)

    @scope_keys.validator
    def _check_scope_keys(self, attribute: attrs.Attribute[object], value: object) -> None:
        if not isinstance(value, tuple) or not all(isinstance(k, str) and k for k in value):
            raise FieldError("Property", "scope_keys", "a tuple of qualifier names", value)

    @values.validator
    def _check_values(self, attribute: attrs.Attribute[object], value: object) -> None:
        if not isinstance(value, tuple) or not all(isinstance(v, str) and v for v in value):
            raise FieldError("Property", "values", "a tuple of terms", value)
        if value and self.kind != "category":
            raise FieldError(
                "Property", "values", "values only on a property whose kind is category", value
            )

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
        self._families: dict[str, tuple[Property, bool, tuple[Property, ...]]] = {}
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
        self._families.clear()
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

    # --- properties that know each other -----------------------------------------------------

    def inverse_of(self, name: str) -> Property | None:
        """The property that says what ``name`` says from the other end, or None.

        >>> from filmlore.properties import registry
        >>> registry.inverse_of("remake_of").name, registry.inverse_of("remade_as").name
        ('remade_as', 'remake_of')
        """
        prop = self.get(name)
        if prop.inverse is not None:
            return self._target(prop, "inverse", prop.inverse)
        for other in self._by_name.values():
            if other.inverse == prop.name:
                return other
        return None

    def forward(self, name: str) -> tuple[Property, bool]:
        """The property ``name`` is read as, and whether a claim of it must be turned round.

        Of two inverse properties one is the *forward* one -- the one that does not declare
        the other as its ``inverse`` (of two that both do, the first by name): a claim "L.A.
        Takedown ``remade_as`` Heat" is read as "Heat ``remake_of`` L.A. Takedown".
        """
        return self._family(name)[:2]

    def lineage(self, name: str) -> tuple[Property, ...]:
        """The forward property of ``name`` and every broader property above it, nearest
        first; the last is the *root* that a question about any of them is asked of."""
        return self._family(name)[2]

    def relation(self, a: str, b: str) -> str | None:
        """How property ``a`` stands to ``b`` (both read forward): ``same``, ``narrower``
        (``remake_of`` to ``based_on``), ``broader``, or None when neither is a kind of
        the other.

        >>> from filmlore.properties import registry
        >>> registry.relation("remake_of", "based_on"), registry.relation("based_on", "remake_of")
        ('narrower', 'broader')
        """
        la, lb = self.lineage(a), self.lineage(b)
        if la[0].name == lb[0].name:
            return "same"
        if any(p.name == lb[0].name for p in la):
            return "narrower"
        if any(p.name == la[0].name for p in lb):
            return "broader"
        return None

    def _target(self, prop: Property, field: str, name: str) -> Property:
        found = self.find(name)
        if found is None:
            raise PropertyDeclarationError(prop.name, field, name, "no such property")
        return found

    def _family(self, name: str) -> tuple[Property, bool, tuple[Property, ...]]:
        prop = self.get(name)
        cached = self._families.get(prop.name)
        if cached is not None:
            return cached
        flipped = False
        forward = prop
        if prop.inverse is not None:
            other = self._target(prop, "inverse", prop.inverse)
            if other.inverse is not None and other.inverse != prop.name:
                raise PropertyDeclarationError(
                    other.name, "inverse", other.inverse, f"{prop.name!r} declares it its inverse"
                )
            if other.inverse is None or other.name < prop.name:
                forward, flipped = other, True
        chain = [forward]
        seen = {forward.name}
        current = forward
        while current.broader is not None:
            up = self._target(current, "broader", current.broader)
            if up.name in seen:
                raise PropertyDeclarationError(
                    current.name, "broader", up.name, "the properties are broader than themselves"
                )
            seen.add(up.name)
            chain.append(up)
            current = up
        found = (forward, flipped, tuple(chain))
        self._families[prop.name] = found
        return found

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and (name in self._by_name or name in self._alias)

    def __iter__(self) -> Iterator[Property]:
        return iter(self._by_name.values())

    def __len__(self) -> int:
        return len(self._by_name)

    def __repr__(self) -> str:
        return f"<PropertyRegistry with {len(self)} properties>"


def _from_spec(spec: Spec) -> Property:
    return Property(
        name=spec.name,
        kind=spec.kind,
        cardinality=Cardinality.MANY if spec.many else Cardinality.ONE,
        subjects=spec.subjects,
        wikidata=WikidataId(spec.wikidata) if spec.wikidata else None,
        ref_kind=spec.ref_kind,
        tolerance=spec.tolerance,
        aliases=spec.aliases,
        description=spec.description,
        inverse=spec.inverse,
        broader=spec.broader,
        asymmetric=spec.asymmetric,
        scope_keys=spec.scope_keys,
        values=spec.values,
    )


#: The registry used when no other is given: the built-in properties (the table is in
#: ``filmlore/_builtin_properties.py``; the documentation lists them in its catalogue).
registry = PropertyRegistry(_from_spec(spec) for spec in BUILTIN)


def get_property(name: str) -> Property:
    """The built-in or registered property called ``name`` (or aliased so)."""
    return registry.get(name)


def register_property(prop: Property, *, replace: bool = False) -> Property:
    """Add a property to the default registry and return it."""
    return registry.register(prop, replace=replace)
