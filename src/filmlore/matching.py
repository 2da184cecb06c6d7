"""Matching films and people across data sets, and saying how each match was made.

Data sets name one film differently: IMDb as ``tt0113277``, TMDb as ``949``, MovieLens as
``6``, a scraped table only as *Heat* (1995).  :func:`match` joins the dossiers read from
them into one, where each film and person has one id, in this order of evidence:

1. **shared ids**: records that share an IMDb, TMDb, Wikidata or MovieLens id are one
   (directly or through a third record that shares one with each);
2. **title and year** (films without a shared id): the same title, folded for comparison
   (case, accents, punctuation, a trailing ``, The``), and years at most one apart
   (festival and release years differ); or a title within a small edit of it and the same
   year, with the same numbers in both, in digits or Roman numerals (so *Rocky II* never
   meets *Rocky III*);
3. **name and work or dates** (people without a shared id): the same name, folded, and a
   film both are credited on or claimed for, or the same date of birth.

A record with more than one candidate is never merged: it is listed in
:attr:`Matching.ambiguous` with its candidates (*Heat* 1995, *The Heat* 2013 and *Heat*
1986 stay three films; a *Heat* without a year matches none of them).  Every merge is
listed in :attr:`Matching.matches` with how it was made.  Claims, credits and characters
are rewritten to the ids kept; nothing else about them changes.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from rapidfuzz import fuzz

from filmlore.compare import normalize_text
from filmlore.dossier import ENTITY_COLLECTIONS, Dossier, _origin_of
from filmlore.models import Character, Claim, Credit, ExternalIds, Film, Person
from filmlore.values.refs import EntityRef

__all__ = ["Ambiguity", "Match", "Matching", "match"]

#: How alike two folded titles must be (rapidfuzz ratio, 0-100) to match by a small edit.
TITLE_SIMILARITY = 92.0
_ARTICLE_AT_END = re.compile(r"^(.*), (the|a|an)$")
_ROMAN = re.compile(r"(?=[ivxlc]+$)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_NON_WORD = re.compile(r"[^\w\s]|_")
_ID_FIELDS = ("imdb", "wikidata", "tmdb", "movielens")


@attrs.frozen(slots=True, kw_only=True)
class Match:
    """One record joined to another: ``merged`` now goes by ``kept``, and ``how`` says on
    what evidence (``"same imdb id tt0113277"``, ``"title and year"``, …)."""

    kept: EntityRef
    merged: EntityRef
    how: str

    def __str__(self) -> str:
        return f"{self.merged} → {self.kept}: {self.how}"


@attrs.frozen(slots=True, kw_only=True)
class Ambiguity:
    """A record that could be any of several others, and was left alone."""

    ref: EntityRef
    candidates: tuple[EntityRef, ...]
    why: str

    def __str__(self) -> str:
        return f"{self.ref}: {self.why} ({', '.join(map(str, self.candidates))})"


@attrs.frozen(slots=True, kw_only=True)
class Matching:
    """What :func:`match` made: the joined dossier, the matches and the records left alone
    because more than one record could be theirs."""

    dossier: Dossier
    matches: tuple[Match, ...] = ()
    ambiguous: tuple[Ambiguity, ...] = ()

    def kept(self, ref: EntityRef | str) -> EntityRef:
        """The id a record goes by after matching (itself when it was kept)."""
        key = ref if isinstance(ref, EntityRef) else EntityRef.parse(ref)
        for m in self.matches:
            if m.merged == key:
                return m.kept
        return key


def fold_title(title: str) -> str:
    """A title folded for matching: :func:`~filmlore.normalize_text`, punctuation dropped,
    a trailing article brought to the front (``American President, The`` → ``the american
    president``)."""
    text = normalize_text(title)
    moved = _ARTICLE_AT_END.match(text)
    if moved is not None:
        text = f"{moved[2]} {moved[1]}"
    return " ".join(_NON_WORD.sub(" ", text).split())


def _numbers(folded: str) -> list[int]:
    """The numbers in a folded title, written in digits or Roman numerals (``rocky iii``:
    3), in order: two titles that differ in one are different films."""
    found = []
    for token in folded.split():
        if token.isdigit():
            found.append(int(token))
        elif _ROMAN.fullmatch(token):
            total = 0
            for a, b in zip(token, [*token[1:], ""], strict=True):
                value = _ROMAN_VALUES[a]
                total += -value if b and _ROMAN_VALUES[b] > value else value
            found.append(total)
    return found


def _rank(ref: EntityRef) -> tuple[int, str]:
    """Which of several ids is kept: an IMDb id, a Wikidata id, a TMDb id, a MovieLens id,
    then any other; among equals, the first in sort order."""
    key = ref.key
    if key[:2] in ("tt", "nm") and key[2:].isdigit():
        return (0, key)
    if key[:1] == "Q" and key[1:].isdigit():
        return (1, key)
    if key.startswith("tmdb-"):
        return (2, key)
    if key.startswith("movielens-"):
        return (3, key)
    return (4, key)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[EntityRef, EntityRef] = {}
        self.how: dict[EntityRef, str] = {}

    def find(self, ref: EntityRef) -> EntityRef:
        parent = self.parent.setdefault(ref, ref)
        while parent != ref:
            grand = self.parent.setdefault(parent, parent)
            self.parent[ref] = grand
            ref, parent = parent, grand
        return ref

    def join(self, a: EntityRef, b: EntityRef, how: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        keep, drop = (ra, rb) if _rank(ra) <= _rank(rb) else (rb, ra)
        self.parent[drop] = keep
        self.how.setdefault(drop, how)


def _ids_of(entity: Film | Person) -> list[tuple[str, str]]:
    ids = entity.ids
    return [(f, str(getattr(ids, f))) for f in _ID_FIELDS if getattr(ids, f) is not None]


def _join_by_ids(entities: Iterable[Film | Person], union: _Union) -> None:
    first: dict[tuple[str, str], EntityRef] = {}
    for entity in entities:
        union.find(entity.id)
        for key in _ids_of(entity):
            seen = first.setdefault(key, entity.id)
            if seen != entity.id:
                union.join(seen, entity.id, f"same {key[0]} id {key[1]}")


def _has_strong_id(entity: Film | Person) -> bool:
    return bool(entity.ids) or _rank(entity.id)[0] < 4


def _match_films(films: list[tuple[int, Film]], union: _Union, ambiguous: list[Ambiguity]) -> None:
    by_title: dict[str, list[tuple[int, Film]]] = defaultdict(list)
    for origin, film in films:
        by_title[fold_title(film.title.text)].append((origin, film))
    for origin, film in films:
        if _has_strong_id(film):
            continue  # joined by ids, or a database's own record: never by title alone
        folded = fold_title(film.title.text)
        if film.year is None:
            others = [f.id for o, f in by_title.get(folded, []) if o != origin and f.id != film.id]
            if others:
                ambiguous.append(
                    Ambiguity(
                        ref=film.id,
                        candidates=tuple(sorted(set(others), key=str)),
                        why="the same title, but no year to tell the films apart",
                    )
                )
            continue
        exact = [
            f
            for o, f in by_title.get(folded, [])
            if o != origin and f.year is not None and abs(f.year - film.year) <= 1
        ]
        how = "the same title and a year at most one apart"
        if not exact:
            numbers = _numbers(folded)
            exact = [
                f
                for other_title, group in by_title.items()
                if other_title != folded
                and _numbers(other_title) == numbers
                and fuzz.ratio(other_title, folded) >= TITLE_SIMILARITY
                for o, f in group
                if o != origin and f.year == film.year
            ]
            how = "a title within a small edit and the same year"
        mine = union.find(film.id)  # the same id read from another data set is this film
        targets = {union.find(f.id) for f in exact} - {mine}
        if len(targets) == 1:
            union.join(next(iter(targets)), film.id, how)
        elif len(targets) > 1:
            ambiguous.append(
                Ambiguity(
                    ref=film.id,
                    candidates=tuple(sorted(targets, key=str)),
                    why=f"{len(targets)} films with {how}",
                )
            )


def _works_of(dossiers: list[Dossier], union: _Union) -> dict[EntityRef, set[EntityRef]]:
    """Each person's films (as kept after film matching), from credits and claims."""
    works: dict[EntityRef, set[EntityRef]] = defaultdict(set)
    for dossier in dossiers:
        for credit in dossier.credits:
            works[credit.person].add(union.find(credit.film))
        for claim in dossier.claims:
            value = claim.value
            if not isinstance(value, EntityRef):
                continue
            if value.kind == "person" and claim.subject.kind == "film":
                works[value].add(union.find(claim.subject))
            elif claim.subject.kind == "person" and value.kind == "film":
                works[claim.subject].add(union.find(value))
    return works


def _match_people(
    people: list[tuple[int, Person]],
    union: _Union,
    films: _Union,
    works: Mapping[EntityRef, set[EntityRef]],
    ambiguous: list[Ambiguity],
) -> None:
    by_name: dict[str, list[tuple[int, Person]]] = defaultdict(list)
    for origin, person in people:
        for name in (person.name, *person.aliases):
            by_name[fold_title(name)].append((origin, person))
    for origin, person in people:
        if _has_strong_id(person):
            continue
        mine = {films.find(w) for w in works.get(person.id, ())}
        me = union.find(person.id)
        found: set[EntityRef] = set()
        hows: list[str] = []
        for o, other in by_name.get(fold_title(person.name), []):
            if o == origin or union.find(other.id) == me:
                continue
            shared = mine & {films.find(w) for w in works.get(other.id, ())}
            if shared:
                found.add(union.find(other.id))
                hows.append(f"the same name and a shared film ({sorted(map(str, shared))[0]})")
            elif person.born is not None and person.born == other.born:
                found.add(union.find(other.id))
                hows.append(f"the same name and date of birth ({person.born})")
        if len(found) == 1:
            union.join(next(iter(found)), person.id, hows[0])
        elif len(found) > 1:
            ambiguous.append(
                Ambiguity(
                    ref=person.id,
                    candidates=tuple(sorted(found, key=str)),
                    why=f"{len(found)} people with the same name and a shared film or date",
                )
            )


def _merged_ids(records: list[Any]) -> ExternalIds:
    found: dict[str, Any] = {}
    for record in records:
        for field in _ID_FIELDS:
            value = getattr(record.ids, field)
            if value is not None:
                found.setdefault(field, value)
    return ExternalIds(**found)


def _merge_records(group: list[Any], kept: EntityRef) -> Any:
    """One record for a group of matched films or people: the first's fields, every id
    any of them has, and the first year, birth or death date any gives."""
    first = group[0]
    changes: dict[str, Any] = {"id": kept, "ids": _merged_ids(group)}
    if isinstance(first, Film):
        if first.year is None:
            changes["year"] = next((f.year for f in group if f.year is not None), None)
    else:
        for field in ("born", "died"):
            if getattr(first, field) is None:
                changes[field] = next(
                    (getattr(p, field) for p in group if getattr(p, field) is not None), None
                )
        names = {first.name, *first.aliases}
        aliases = list(first.aliases)
        for other in group[1:]:
            for name in (other.name, *other.aliases):
                if name not in names:
                    names.add(name)
                    aliases.append(name)
        changes["aliases"] = tuple(aliases)
    return attrs.evolve(first, **changes)


def _rewrite(entity: Any, to: Mapping[EntityRef, EntityRef]) -> Any:
    def new(ref: EntityRef | None) -> Any:
        return ref if ref is None else to.get(ref, ref)

    if isinstance(entity, Claim):
        value = entity.value
        changes: dict[str, Any] = {}
        if entity.subject in to:
            changes["subject"] = to[entity.subject]
        if isinstance(value, EntityRef) and value in to:
            changes["value"] = to[value]
        if entity.attributed_to in to:
            changes["attributed_to"] = new(entity.attributed_to)
        return attrs.evolve(entity, **changes) if changes else entity
    if isinstance(entity, Credit):
        if entity.film in to or entity.person in to:
            return attrs.evolve(entity, film=new(entity.film), person=new(entity.person))
        return entity
    if isinstance(entity, Character):
        refs = (entity.film, *entity.played_by, *entity.based_on)
        if any(r in to for r in refs):
            return attrs.evolve(
                entity,
                film=new(entity.film),
                played_by=tuple(new(r) for r in entity.played_by),
                based_on=tuple(new(r) for r in entity.based_on),
            )
        return entity
    return entity


def match(*dossiers: Dossier) -> Matching:
    """Join dossiers read from different data sets, matching their films and people (see
    the module's docs for the evidence, in order) and listing what could not be told.

    >>> from filmlore import Dossier, EntityRef, ExternalIds, Film, ImdbId, Text
    >>> def film(key, title, year=None, imdb=None):
    ...     ids = ExternalIds(imdb=ImdbId(imdb)) if imdb else ExternalIds()
    ...     return Film(id=EntityRef("film", key), title=Text(title), year=year, ids=ids)
    >>> imdb = Dossier(films=[film("tt0113277", "Heat", 1995, "tt0113277"),
    ...                       film("tt2404463", "The Heat", 2013, "tt2404463"),
    ...                       film("heat-1986", "Heat", 1986)])
    >>> table = Dossier(films=[film("heat-1995", "Heat", 1995), film("heat", "Heat")])
    >>> joined = match(imdb, table)
    >>> for m in joined.matches:
    ...     print(m)
    film:heat-1995 → film:tt0113277: the same title and a year at most one apart
    >>> for a in joined.ambiguous:
    ...     print(a)
    film:heat: the same title, but no year to tell the films apart (film:heat-1986, film:tt0113277)
    >>> len(joined.dossier.films)
    4
    """
    films: list[tuple[int, Film]] = []
    people: list[tuple[int, Person]] = []
    for origin, dossier in enumerate(dossiers):
        films.extend((origin, f) for f in dossier.films)
        people.extend((origin, p) for p in dossier.people)
    ambiguous: list[Ambiguity] = []
    film_union = _Union()
    _join_by_ids((f for _, f in films), film_union)
    _match_films(films, film_union, ambiguous)
    person_union = _Union()
    _join_by_ids((p for _, p in people), person_union)
    _match_people(
        people, person_union, film_union, _works_of(list(dossiers), film_union), ambiguous
    )

    to: dict[EntityRef, EntityRef] = {}
    matches: list[Match] = []
    for union in (film_union, person_union):
        for ref in list(union.parent):
            kept = union.find(ref)
            if kept != ref:
                to[ref] = kept
                matches.append(Match(kept=kept, merged=ref, how=union.how.get(ref, "joined")))

    collections: dict[str, Any] = {name: [] for name in ENTITY_COLLECTIONS}
    groups: dict[EntityRef, list[Any]] = defaultdict(list)
    seen: set[EntityRef] = set()
    for dossier in dossiers:
        for name in ENTITY_COLLECTIONS:
            for entity in getattr(dossier, name):
                if isinstance(entity, (Film, Person)):
                    kept = to.get(entity.id, entity.id)
                    if kept not in groups:
                        collections[name].append(kept)
                    groups[kept].append(entity)
                    continue
                if entity.id in seen:
                    continue  # the same record (a source, a claim) from two inputs
                seen.add(entity.id)
                collections[name].append(_rewrite(entity, to))
    for name in ("films", "people"):
        collections[name] = [_merge_records(groups[k], k) for k in collections[name]]
    joined = Dossier(
        title=next((d.title for d in dossiers if d.title), None),
        properties=[p for d in dossiers for p in d.properties],
        hierarchy=[h for d in dossiers for h in d.hierarchy],
        **collections,
    )
    origins = [d.origin for d in dossiers]
    joined = attrs.evolve(joined, origin=functools.reduce(_origin_of, origins, joined.origin))
    matches.sort(key=lambda m: (str(m.kept), str(m.merged)))
    return Matching(dossier=joined, matches=tuple(matches), ambiguous=tuple(ambiguous))
