"""What comparison knows beyond the two values: aliases, entities' names, taxonomies."""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Union

import attrs

from filmlore.compare._names import ParsedName, given_match, parse_name
from filmlore.compare._taxonomy import Taxonomy, shared_default, shared_places
from filmlore.compare._text import key, normalize_text, title_parts
from filmlore.dossier import Dossier
from filmlore.models import ExternalIds
from filmlore.properties import PropertyRegistry
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

__all__ = ["CompareContext", "ContextLike", "Target", "as_context"]

#: What a name resolves to: an entity, or a canonical name when no entity is known.
Target = EntityRef | str

#: What the ``context`` argument of the compare functions accepts.
ContextLike = Union["CompareContext", Dossier, None]


class _Ambiguous:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<ambiguous>"


_AMBIGUOUS = _Ambiguous()
_CHARACTER_OF = re.compile(r"(.+?)'s?\s+(?:character|role|part)")
_PEOPLE_KINDS = frozenset({"person", "character"})


def _name_keys(text: str) -> list[str]:
    """The keys a name is indexed and looked up under: as written, as a person's name
    (ranks dropped, ``Surname, Given`` turned round) and as a title (year dropped)."""
    keys: list[str] = []
    plain = key(text)
    if plain:
        keys.append(plain)
    parsed = parse_name(text)
    name_key = parsed.key
    if name_key and name_key not in keys:
        keys.append(name_key)
    title_key = title_parts(text)[0]
    if title_key and title_key not in keys:
        keys.append(title_key)
    return keys


def _aliases_dict(value: Any) -> dict[Target, Target]:
    return dict(value) if value is not None else {}


def _follow_refs(refs: Mapping[EntityRef, EntityRef], ref: EntityRef) -> EntityRef:
    """Follow reference aliases to the end (a cycle stops where it closes)."""
    seen = {ref}
    current = ref
    while True:
        nxt = refs.get(current)
        if nxt is None or nxt in seen:
            return current
        seen.add(nxt)
        current = nxt


def _names_dict(value: Mapping[EntityRef, str]) -> dict[EntityRef, str]:
    return dict(value)


def _played_by_dict(
    value: Mapping[EntityRef, tuple[EntityRef, ...]],
) -> dict[EntityRef, tuple[EntityRef, ...]]:
    return {k: tuple(v) for k, v in value.items()}


def _check_aliases(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    assert isinstance(value, dict)
    for k, v in value.items():
        if not isinstance(k, (str, EntityRef)) or not isinstance(v, (str, EntityRef)):
            raise TypeError(
                f"CompareContext.aliases maps names or EntityRefs to names or EntityRefs; "
                f"got {k!r} → {v!r}"
            )


@attrs.frozen(slots=True, kw_only=True, eq=False)
class CompareContext:
    """What comparison may know beyond the two values: aliases, names, taxonomies.

    ``aliases`` maps a name or an :class:`~filmlore.EntityRef` to its canonical name or
    entity: ``{"Chris": "Chris Shiherlis"}``, ``{EntityRef("person", "pacino"):
    EntityRef("person", "al-pacino")}``.  ``names`` gives entities' names (so that text can
    resolve to an entity), ``played_by`` the people who play each character (so that
    "De Niro's character" resolves), ``taxonomy`` the tree of categories and scopes,
    ``places`` the place hierarchy, and ``registry`` the properties for
    :func:`~filmlore.compare_claims`.  :meth:`from_dossier` fills all of these from a
    :class:`~filmlore.Dossier`.

    >>> ctx = CompareContext(aliases={"Chris": "Chris Shiherlis"})
    >>> ctx.resolve("chris")
    'Chris Shiherlis'
    """

    aliases: Mapping[Target, Target] = attrs.field(
        factory=dict, converter=_aliases_dict, validator=_check_aliases
    )
    names: Mapping[EntityRef, str] = attrs.field(factory=dict, converter=_names_dict)
    played_by: Mapping[EntityRef, tuple[EntityRef, ...]] = attrs.field(
        factory=dict, converter=_played_by_dict
    )
    taxonomy: Taxonomy = attrs.field(
        factory=shared_default, validator=attrs.validators.instance_of(Taxonomy)
    )
    places: Taxonomy = attrs.field(
        factory=shared_places, validator=attrs.validators.instance_of(Taxonomy)
    )
    registry: PropertyRegistry | None = attrs.field(default=None)

    _refs: dict[EntityRef, EntityRef] = attrs.field(init=False, repr=False)
    _index: dict[str, Target | _Ambiguous] = attrs.field(init=False, repr=False)
    _tokens: dict[str, list[tuple[Target, ParsedName]]] = attrs.field(init=False, repr=False)
    _characters_of: dict[EntityRef, list[EntityRef]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        refs: dict[EntityRef, EntityRef] = {}
        index: dict[str, Target | _Ambiguous] = {}
        tokens: dict[str, list[tuple[Target, ParsedName]]] = {}

        def put(table: dict[str, Target | _Ambiguous], k: str, target: Target) -> None:
            old = table.get(k)
            if old is None:
                table[k] = target
            elif old != target:
                table[k] = _AMBIGUOUS

        for ref, name in self.names.items():
            for k in _name_keys(name):
                put(index, k, ref)
        for alias, target in self.aliases.items():
            if isinstance(alias, EntityRef):
                if isinstance(target, EntityRef) and target != alias:
                    refs[alias] = target
                continue
            for k in _name_keys(alias):
                put(index, k, target)
        # partial names: a person's or character's first name and surname
        named: list[tuple[Target, str]] = [
            (ref, name) for ref, name in self.names.items() if ref.kind in _PEOPLE_KINDS
        ]
        named += [(t, t) for t in self.aliases.values() if isinstance(t, str)]
        for target, name in named:
            if isinstance(target, EntityRef):
                target = _follow_refs(refs, target)
            parsed = parse_name(name)
            for word in {*parsed.given[:1], parsed.surname_key}:
                if len(word) > 1:
                    entry = tokens.setdefault(word, [])
                    if all(t != target for t, _ in entry):
                        entry.append((target, parsed))
        characters_of: dict[EntityRef, list[EntityRef]] = {}
        for character, people in self.played_by.items():
            for person in people:
                characters_of.setdefault(person, []).append(character)
        object.__setattr__(self, "_refs", refs)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_tokens", tokens)
        object.__setattr__(self, "_characters_of", characters_of)

    # -- resolving -----------------------------------------------------------------------

    def resolve_ref(self, ref: EntityRef) -> EntityRef:
        """The canonical reference for ``ref`` (itself when no alias applies).

        >>> a, b = EntityRef("person", "pacino"), EntityRef("person", "al-pacino")
        >>> CompareContext(aliases={a: b}).resolve_ref(a)
        EntityRef('person:al-pacino')
        """
        return _follow_refs(self._refs, ref)

    def resolve(self, name: str | Text | EntityRef) -> Target | None:
        """The entity (or canonical name) that ``name`` stands for, or None if the context
        cannot tell (unknown, or more than one candidate).

        Tried in order: the name itself, its aliases; ``X's character`` through who plays
        whom; a one-word name (``Trejo``, ``McCauley``) that is the first name or surname of
        exactly one person or character.
        """
        if isinstance(name, EntityRef):
            return self.resolve_ref(name)
        text = name.text if isinstance(name, Text) else name
        return self._resolve_text(text, 0)

    def _resolve_text(self, text: str, depth: int) -> Target | None:
        found = self._lookup(text)
        if found is not None or depth > 3:
            return self._follow(found, depth) if found is not None else None
        match = _CHARACTER_OF.fullmatch(normalize_text(text))
        if match is not None:
            person = self._resolve_text(match.group(1), depth + 1)
            if isinstance(person, EntityRef):
                characters = self._characters_of.get(person, [])
                if len(set(characters)) == 1:
                    return self.resolve_ref(characters[0])
            return None
        parsed = parse_name(text)
        candidates = self._tokens.get(parsed.surname_key, [])
        if parsed.given:  # "R. De Niro": the surname, and given names that fit
            candidates = [
                (target, known)
                for target, known in candidates
                if known.surname_key == parsed.surname_key
                and known.given
                and given_match(known.given[0], parsed.given[0]) is not None
            ]
        if len(candidates) == 1:
            return self._follow(candidates[0][0], depth)
        return None

    def _lookup(self, text: str) -> Target | None:
        for k in _name_keys(text):
            found = self._index.get(k)
            if isinstance(found, _Ambiguous):
                return None
            if found is not None:
                return found
        return None

    def _follow(self, target: Target, depth: int) -> Target:
        if isinstance(target, EntityRef):
            return self.resolve_ref(target)
        if depth > 3:
            return target
        further = self._lookup(target)
        if further is None or further == target:
            return target
        return self._follow(further, depth + 1)

    def name_of(self, target: Target) -> str:
        """A readable name for a resolved target: the entity's name, or the text itself."""
        if isinstance(target, EntityRef):
            name = self.names.get(target)
            return f"{name} ({target})" if name else str(target)
        return target

    def knows(self, name: str) -> bool:
        """True when ``name`` resolves to something in this context."""
        return self.resolve(name) is not None

    # -- building ------------------------------------------------------------------------

    @classmethod
    def from_dossier(
        cls,
        dossier: Dossier,
        *,
        aliases: Mapping[Target, Target] | None = None,
        taxonomy: Taxonomy | None = None,
        places: Taxonomy | None = None,
    ) -> CompareContext:
        """A context with everything a dossier knows about names.

        Every person, character, film and scene is known by its name and aliases; people
        also by the names they are credited as; characters by who plays them; entities that
        share an outside id (IMDb, TMDb, Wikidata, MovieLens) are one entity, and a reference
        whose key is such an id (``person:nm0000134``) stands for the entity with that id.
        The dossier's property registry comes along for :func:`~filmlore.compare_claims`,
        and its :attr:`~filmlore.Dossier.hierarchy` is added to copies of the category
        taxonomy and the place hierarchy (``taxonomy`` and ``places``, else the built-in
        ones); a link that would close a cycle with them is a
        :class:`~filmlore.HierarchyError`.

        >>> from filmlore import Character, Dossier, EntityRef, Person
        >>> heat, deniro = EntityRef("film", "heat-1995"), EntityRef("person", "robert-de-niro")
        >>> neil = EntityRef("character", "neil-mccauley")
        >>> d = Dossier(people=[Person(id=deniro, name="Robert De Niro")],
        ...             characters=[Character(id=neil, film=heat, name="Neil McCauley",
        ...                                   played_by=(deniro,))])
        >>> ctx = CompareContext.from_dossier(d)
        >>> ctx.resolve("De Niro's character"), ctx.resolve("McCauley")
        (EntityRef('character:neil-mccauley'), EntityRef('character:neil-mccauley'))
        """
        names: dict[EntityRef, str] = {}
        merged: dict[Target, Target] = {}
        played_by: dict[EntityRef, tuple[EntityRef, ...]] = {}
        by_id: dict[tuple[str, str], EntityRef] = {}

        def add_ids(ref: EntityRef, ids: ExternalIds) -> None:
            for field in attrs.fields(ExternalIds):
                value = getattr(ids, field.name)
                if value is None:
                    continue
                first = by_id.setdefault((field.name, str(value)), ref)
                if first != ref:
                    merged[ref] = first
                id_text = str(value)
                if field.name in ("imdb", "wikidata"):  # unambiguous as text
                    merged.setdefault(id_text, first)
                if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._~+-]*", id_text):
                    merged.setdefault(EntityRef(ref.kind, id_text), first)

        def add_names(ref: EntityRef, name: str, extra: Iterable[str]) -> None:
            names.setdefault(ref, name)
            for alias in extra:
                merged.setdefault(alias, ref)

        for film in dossier.films:
            add_names(film.id, film.title.text, (t.text for t in film.titles))
            add_ids(film.id, film.ids)
        for person in dossier.people:
            add_names(person.id, person.name, person.aliases)
            add_ids(person.id, person.ids)
        for character in dossier.characters:
            add_names(character.id, character.name, character.aliases)
            played_by[character.id] = character.played_by
        for scene in dossier.scenes:
            add_names(scene.id, scene.title, scene.aliases)
        for credit in dossier.credits:
            if credit.credited_as:
                merged.setdefault(credit.credited_as, credit.person)
        merged.update(aliases or {})
        taxonomy = taxonomy if taxonomy is not None else shared_default()
        places = places if places is not None else shared_places()
        links = [(link.child, link.parent) for link in dossier.hierarchy]
        if links:  # the dossier's own hierarchy, on top of copies of both trees
            taxonomy = Taxonomy.from_pairs(links, base=taxonomy)
            places = Taxonomy.from_pairs(links, base=places)
        return cls(
            aliases=merged,
            names=names,
            played_by=played_by,
            taxonomy=taxonomy,
            places=places,
            registry=dossier.registry,
        )


_DEFAULT_CONTEXT: CompareContext | None = None
_CACHE: dict[int, tuple[weakref.ref[Dossier], CompareContext]] = {}
_LOCK = threading.Lock()


def _forget(ident: int) -> Callable[[weakref.ref[Dossier]], None]:
    """A weakref callback dropping a dead dossier's cached context."""

    def drop(_ref: weakref.ref[Dossier]) -> None:
        with _LOCK:
            cached = _CACHE.get(ident)
            if cached is not None and cached[0] is _ref:
                del _CACHE[ident]

    return drop


def as_context(context: ContextLike) -> CompareContext:
    """The :class:`CompareContext` for what a caller passed: itself, the default one for
    None, or the (cached) context of a dossier."""
    global _DEFAULT_CONTEXT
    if isinstance(context, CompareContext):
        return context
    if context is None:
        if _DEFAULT_CONTEXT is None:
            _DEFAULT_CONTEXT = CompareContext()
        return _DEFAULT_CONTEXT
    if isinstance(context, Dossier):
        ident = id(context)
        with _LOCK:
            cached = _CACHE.get(ident)
            if cached is not None and cached[0]() is context:
                return cached[1]
        built = CompareContext.from_dossier(context)
        with _LOCK:
            _CACHE[ident] = (weakref.ref(context, _forget(ident)), built)
        return built
    raise TypeError(
        f"context must be a CompareContext, a Dossier or None, not {type(context).__name__}"
    )
