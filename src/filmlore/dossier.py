"""The :class:`Dossier`: every entity and claim about one or more films, indexed by id.

>>> from filmlore import Credit, Dossier, EntityRef, Film, Person, RoleKind, Text
>>> heat, pacino = EntityRef("film", "heat-1995"), EntityRef("person", "al-pacino")
>>> d = Dossier(
...     films=[Film(id=heat, title=Text("Heat"))],
...     people=[Person(id=pacino, name="Al Pacino")],
...     credits=[Credit(id=EntityRef("credit", "heat-pacino"), film=heat, person=pacino,
...                     role=RoleKind.CAST, billing=1)],
... )
>>> [d[c.person].name for c in d.cast(heat)]
['Al Pacino']
>>> d["film:heat-1995"].title.text
'Heat'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

import attrs

from filmlore.errors import FieldError, UnresolvedReferenceError
from filmlore.models import (
    Character,
    Claim,
    Credit,
    Entity,
    Film,
    HierarchyLink,
    Person,
    Quote,
    RoleKind,
    Scene,
    Source,
)
from filmlore.properties import Property, PropertyRegistry, registry
from filmlore.values.refs import EntityRef

__all__ = ["ENTITY_COLLECTIONS", "Dossier", "DossierOrigin"]

#: The dossier's entity collections, in the order they are stored, iterated and written.
ENTITY_COLLECTIONS: tuple[str, ...] = (
    "films",
    "people",
    "characters",
    "credits",
    "scenes",
    "quotes",
    "sources",
    "claims",
)

T = TypeVar("T")


class DossierOrigin(str, enum.Enum):
    """What a :class:`Dossier` was read from, as far as it bears on what its input could
    declare.

    Every format but one can declare every entity.  A claims table (a claims CSV) declares
    claims and nothing else: the films, people and sources its claims refer to cannot be in
    it, so :func:`filmlore.validate` does not count their absence as an error.  A sources
    table given beside it declares sources too.

    * ``DOSSIER``: a format that declares every entity -- JSON, JSON Lines, YAML, TOML, a
      dossier folder -- or a dossier built in code.  The default.
    * ``CLAIMS_TABLE``: a claims table alone.
    * ``CLAIMS_AND_SOURCES_TABLES``: a claims table and a sources table.
    * ``DATA_SET``: a data set read by an importer (IMDb's files, TMDb, Wikidata …).  It
      declares its sources and the entities it describes, but its claims and credits may
      refer to films and people it does not describe (``title.principals`` names people by
      id only; a Wikidata statement names items by id).
    """

    DOSSIER = "dossier"
    CLAIMS_TABLE = "claims-table"
    CLAIMS_AND_SOURCES_TABLES = "claims-and-sources-tables"
    DATA_SET = "data-set"


def _origin_of(a: DossierOrigin, b: DossierOrigin) -> DossierOrigin:
    """The origin of two dossiers merged: a data set's if either is one (what it refers to
    lies outside it, wherever it is merged); else a claims table only if both are claims
    tables (once merged with a dossier, the entities had a place to be declared in)."""
    if DossierOrigin.DATA_SET in (a, b):
        return DossierOrigin.DATA_SET
    if DossierOrigin.DOSSIER in (a, b):
        return DossierOrigin.DOSSIER
    if DossierOrigin.CLAIMS_AND_SOURCES_TABLES in (a, b):
        return DossierOrigin.CLAIMS_AND_SOURCES_TABLES
    return DossierOrigin.CLAIMS_TABLE


def _check_origin(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, DossierOrigin):
        raise FieldError("Dossier", "origin", "a DossierOrigin", value)


def _to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Store any iterable of entities as a tuple (a string is not one)."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # refused by the validator with a message
    return tuple(value)


def _items(model: type[Any]) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        # One isinstance per distinct type, not per item.
        if not isinstance(value, tuple) or not all(
            issubclass(t, model) for t in set(map(type, value))
        ):
            raise FieldError("Dossier", attribute.name, f"a sequence of {model.__name__}", value)

    return check


def _group(claims: tuple[Claim, ...], field: str) -> dict[EntityRef, list[Claim]]:
    """Claims by the reference in their ``field``, in order."""
    groups: dict[EntityRef, list[Claim]] = {}
    for claim in claims:
        key = getattr(claim, field)
        found = groups.get(key)
        if found is None:
            groups[key] = [claim]
        else:
            found.append(claim)
    return groups


def _as_ref(ref: EntityRef | str) -> EntityRef:
    return ref if isinstance(ref, EntityRef) else EntityRef.parse(ref)


@attrs.frozen(slots=True, kw_only=True)
class Dossier:
    """Films, people, characters, credits, scenes, quotes, sources and claims, with indexes.

    Collections are stored as tuples in the order given.  The dossier does not refuse
    duplicate ids or dangling references when built — :func:`filmlore.validate` reports them
    all at once; lookups return the first entity with an id.  ``properties`` declares
    dossier-specific properties on top of the global registry; ``hierarchy`` declares the
    dossier's value hierarchies (places, categories) as :class:`~filmlore.HierarchyLink`
    pairs.

    ``origin`` says what the dossier was read from (:class:`DossierOrigin`): the loaders set
    it to ``CLAIMS_TABLE`` for a claims CSV, so that validation knows which entities the
    input could not declare.  It is not written by any format and is not part of equality:
    the same records are the same dossier, wherever they were read from.
    """

    title: str | None = None
    description: str | None = None
    films: tuple[Film, ...] = attrs.field(
        factory=tuple, converter=_to_tuple, validator=_items(Film)
    )
    people: tuple[Person, ...] = attrs.field(
        factory=tuple, converter=_to_tuple, validator=_items(Person)
    )
    characters: tuple[Character, ...] = attrs.field(
        factory=tuple, converter=_to_tuple, validator=_items(Character)
    )
    credits: tuple[Credit, ...] = attrs.field(
        factory=tuple, converter=_to_tuple, validator=_items(Credit)
    )
    scenes: tuple[Scene, ...] = attrs.field(
        factory=tuple, converter=_to_tuple, validator=_items(Scene)
    )
    quotes: tuple[Quote, ...] = attrs.field(
        factory=tuple, converter=_to_tuple, validator=_items(Quote)
    )
    sources: tuple[Source, ...] = attrs.field(
        factory=tuple, converter=_to_tuple, validator=_items(Source)
    )
    claims: tuple[Claim, ...] = attrs.field(
        factory=tuple, converter=_to_tuple, validator=_items(Claim)
    )
    properties: tuple[Property, ...] = attrs.field(
        factory=tuple, converter=_to_tuple, validator=_items(Property)
    )
    hierarchy: tuple[HierarchyLink, ...] = attrs.field(
        factory=tuple, converter=_to_tuple, validator=_items(HierarchyLink)
    )
    origin: DossierOrigin = attrs.field(
        default=DossierOrigin.DOSSIER, eq=False, validator=_check_origin
    )

    # The indexes are built on first use (a load need not pay for them), then kept.  Two
    # threads may both build one; each builds the same, and either is kept.
    _index_: dict[EntityRef, Entity] | None = attrs.field(
        init=False, default=None, eq=False, repr=False, alias="_index_"
    )
    _by_film_: dict[EntityRef, dict[str, list[Any]]] | None = attrs.field(
        init=False, default=None, eq=False, repr=False, alias="_by_film_"
    )
    _by_subject_: dict[EntityRef, list[Claim]] | None = attrs.field(
        init=False, default=None, eq=False, repr=False, alias="_by_subject_"
    )
    _by_source_: dict[EntityRef, list[Claim]] | None = attrs.field(
        init=False, default=None, eq=False, repr=False, alias="_by_source_"
    )
    _registry: PropertyRegistry = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        reg = registry
        if self.properties:
            reg = registry.copy()
            for prop in self.properties:
                reg.register(prop, replace=True)
        object.__setattr__(self, "_registry", reg)

    # --- indexes --------------------------------------------------------------------------

    @property
    def _index(self) -> dict[EntityRef, Entity]:
        index = self._index_
        if index is None:
            index = {}
            setdefault = index.setdefault
            for group in self._groups():
                for entity in group:
                    setdefault(entity.id, entity)
            object.__setattr__(self, "_index_", index)
        return index

    @property
    def _by_film(self) -> dict[EntityRef, dict[str, list[Any]]]:
        by_film = self._by_film_
        if by_film is None:
            by_film = {}
            for group in (self.characters, self.credits, self.scenes, self.quotes):
                for item in group:
                    kinds = by_film.get(item.film)
                    if kinds is None:
                        kinds = by_film[item.film] = {}
                    items = kinds.get(item.entity_kind)
                    if items is None:
                        kinds[item.entity_kind] = [item]
                    else:
                        items.append(item)
            object.__setattr__(self, "_by_film_", by_film)
        return by_film

    @property
    def _by_subject(self) -> dict[EntityRef, list[Claim]]:
        found = self._by_subject_
        if found is None:
            found = _group(self.claims, "subject")
            object.__setattr__(self, "_by_subject_", found)
        return found

    @property
    def _by_source(self) -> dict[EntityRef, list[Claim]]:
        found = self._by_source_
        if found is None:
            found = _group(self.claims, "source")
            object.__setattr__(self, "_by_source_", found)
        return found

    def _groups(self) -> tuple[tuple[Any, ...], ...]:
        return (
            self.films,
            self.people,
            self.characters,
            self.credits,
            self.scenes,
            self.quotes,
            self.sources,
            self.claims,
        )

    # --- lookups ------------------------------------------------------------------------

    def entities(self) -> Iterator[Entity]:
        """Every entity, in the order films, people, characters, credits, scenes, quotes,
        sources, claims."""
        for name in ENTITY_COLLECTIONS:
            yield from getattr(self, name)

    def get(self, ref: EntityRef | str) -> Entity | None:
        """The entity with id ``ref`` (an EntityRef or its text), or None."""
        return self._index.get(_as_ref(ref))

    def __getitem__(self, ref: EntityRef | str) -> Any:
        found = self._index.get(_as_ref(ref))
        if found is None:
            raise UnresolvedReferenceError(ref)
        return found

    def __contains__(self, ref: object) -> bool:
        if isinstance(ref, str):
            try:
                ref = EntityRef.parse(ref)
            except ValueError:
                return False
        return ref in self._index

    def __len__(self) -> int:
        return sum(1 for _ in self.entities())

    def duplicate_ids(self) -> list[EntityRef]:
        """Ids used by more than one entity, each once, in first-seen order."""
        seen: set[EntityRef] = set()
        dups: dict[EntityRef, None] = {}
        for entity in self.entities():
            if entity.id in seen:
                dups[entity.id] = None
            seen.add(entity.id)
        return list(dups)

    # --- films ----------------------------------------------------------------------------

    def _of_film(self, film: EntityRef | str, kind: str) -> list[Any]:
        group = self._by_film.get(_as_ref(film))
        return list(group.get(kind, ())) if group else []

    def credits_of(self, film: EntityRef | str, role: RoleKind | None = None) -> list[Credit]:
        """A film's credits, optionally of one role, in the dossier's order."""
        found: list[Credit] = self._of_film(film, "credit")
        return [c for c in found if role is None or c.role is role]

    def cast(self, film: EntityRef | str) -> list[Credit]:
        """A film's cast credits by billing order (unbilled last, in dossier order)."""
        credits = self.credits_of(film, RoleKind.CAST)
        return sorted(credits, key=lambda c: (c.billing is None, c.billing or 0))

    def crew(self, film: EntityRef | str) -> list[Credit]:
        """A film's credits other than cast."""
        return [c for c in self.credits_of(film) if c.role is not RoleKind.CAST]

    def characters_of(self, film: EntityRef | str) -> list[Character]:
        """A film's characters."""
        return self._of_film(film, "character")

    def scenes_of(self, film: EntityRef | str) -> list[Scene]:
        """A film's scenes, by ordinal where given (then dossier order)."""
        scenes: list[Scene] = self._of_film(film, "scene")
        return sorted(scenes, key=lambda s: (s.ordinal is None, s.ordinal or 0))

    def quotes_of(
        self, film: EntityRef | str | None = None, *, character: EntityRef | str | None = None
    ) -> list[Quote]:
        """Quotes of a film, or spoken by a character (or both filters)."""
        quotes: Iterable[Quote] = self._of_film(film, "quote") if film is not None else self.quotes
        if character is not None:
            who = _as_ref(character)
            quotes = [q for q in quotes if q.speaker == who]
        return list(quotes)

    def credits_for(self, person: EntityRef | str) -> list[Credit]:
        """Every credit of a person, across films."""
        who = _as_ref(person)
        return [c for c in self.credits if c.person == who]

    def film_of(self, entity: Character | Credit | Scene | Quote) -> Film | None:
        """The film an entity belongs to, if the dossier has it."""
        found = self._index.get(entity.film)
        return found if isinstance(found, Film) else None

    # --- claims ---------------------------------------------------------------------------

    def claims_about(self, subject: EntityRef | str, property: str | None = None) -> list[Claim]:
        """Claims about a subject, optionally of one property (aliases resolve)."""
        claims = self._by_subject.get(_as_ref(subject), [])
        if property is None:
            return list(claims)
        name = self.property(property).name if property in self._registry else property
        return [c for c in claims if self._canonical(c.property) == name]

    def claims_by(self, source: EntityRef | str) -> list[Claim]:
        """Claims made by one source."""
        return list(self._by_source.get(_as_ref(source), []))

    def claims_for(self, property: str) -> list[Claim]:
        """Claims of one property, about any subject."""
        name = self._canonical(property)
        return [c for c in self.claims if self._canonical(c.property) == name]

    def claims_attributed_to(self, person: EntityRef | str) -> list[Claim]:
        """Claims attributed to a person (what they said, through any source)."""
        who = _as_ref(person)
        return [c for c in self.claims if c.attributed_to == who]

    def groups(self) -> dict[tuple[EntityRef, str], list[Claim]]:
        """Claims grouped by (subject, canonical property name), in first-seen order."""
        groups: dict[tuple[EntityRef, str], list[Claim]] = {}
        for claim in self.claims:
            groups.setdefault((claim.subject, self._canonical(claim.property)), []).append(claim)
        return groups

    # --- properties -----------------------------------------------------------------------

    @property
    def registry(self) -> PropertyRegistry:
        """The global property registry extended with this dossier's ``properties``."""
        return self._registry

    def property(self, name: str) -> Property:
        """The property called ``name`` here (dossier first, then the global registry)."""
        return self._registry.get(name)

    def _canonical(self, name: str) -> str:
        found = self._registry.find(name)
        return found.name if found is not None else name

    # --- building -------------------------------------------------------------------------

    def merge(self, other: Dossier) -> Dossier:
        """A dossier with this one's entities, properties and hierarchy links followed by
        ``other``'s.

        It is a claims table (its ``origin``) only when both are, or when the other holds
        nothing: merged with a dossier that could declare them, the entities its claims
        refer to had a place to be.
        """
        fields = (*ENTITY_COLLECTIONS, "properties", "hierarchy")
        if not any(getattr(other, f) for f in fields):
            origin = self.origin
        elif not any(getattr(self, f) for f in fields):
            origin = other.origin
        else:
            origin = _origin_of(self.origin, other.origin)
        return attrs.evolve(
            self, origin=origin, **{f: getattr(self, f) + getattr(other, f) for f in fields}
        )

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{len(getattr(self, f))} {f}" for f in ENTITY_COLLECTIONS if getattr(self, f)
        )
        return f"<Dossier {self.title or ''!s}{': ' if self.title else ''}{counts or 'empty'}>"
