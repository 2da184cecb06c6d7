"""Hypothesis strategies for identifiers, references, text and every model."""

from __future__ import annotations

import string
from typing import Any

import attrs
from hypothesis import strategies as st

from filmlore.dossier import Dossier
from filmlore.models import (
    Character,
    Claim,
    Credit,
    Excerpt,
    ExternalIds,
    Film,
    HierarchyLink,
    Person,
    Qualifier,
    Quote,
    Rank,
    ReleaseDate,
    RoleKind,
    Scene,
    Source,
    SourceKind,
    Stance,
)
from filmlore.testing._dates import dates, partial_dates
from filmlore.testing._quantities import durations, money, quantities
from filmlore.values.ids import ImdbId, MovieLensId, TmdbId, WikidataId
from filmlore.values.refs import ENTITY_KINDS, EntityRef
from filmlore.values.text import Text

__all__ = [
    "characters",
    "claims",
    "credits",
    "dossiers",
    "entity_refs",
    "external_ids",
    "films",
    "hierarchies",
    "hierarchy_links",
    "imdb_ids",
    "movielens_ids",
    "people",
    "quotes",
    "scenes",
    "sources",
    "texts",
    "tmdb_ids",
    "values",
    "wikidata_ids",
]

_KEY_ALPHABET = string.ascii_lowercase + string.digits
_keys = st.text(_KEY_ALPHABET, min_size=1, max_size=8).flatmap(
    lambda head: st.text(_KEY_ALPHABET + "-._", max_size=8).map(lambda tail: head + tail)
)
_words = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "Zs", "P"), exclude_characters="\x00"),
    min_size=1,
    max_size=30,
).filter(lambda s: bool(s.strip()))
_optional_words = st.none() | _words
_langs = st.none() | st.sampled_from(["en", "en-GB", "en-US", "fr", "de", "ja", "es"])


def entity_refs(kind: str | None = None) -> st.SearchStrategy[EntityRef]:
    """References of one kind (or any kind): ``film:x1``, ``person:al-pacino``…"""
    kinds = st.just(kind) if kind is not None else st.sampled_from(ENTITY_KINDS)
    return st.builds(EntityRef, kinds, _keys)


def texts() -> st.SearchStrategy[Text]:
    """Text with or without a language tag."""
    return st.builds(Text, _words, lang=_langs)


def imdb_ids(kind: str = "tt") -> st.SearchStrategy[ImdbId]:
    """IMDb ids with the given prefix (``tt`` titles, ``nm`` names)."""
    return st.integers(1, 99_999_999).map(lambda n: ImdbId(f"{kind}{n:07d}"))


def tmdb_ids() -> st.SearchStrategy[TmdbId]:
    """TMDb ids."""
    return st.integers(1, 10_000_000).map(TmdbId)


def movielens_ids() -> st.SearchStrategy[MovieLensId]:
    """MovieLens ids."""
    return st.integers(1, 1_000_000).map(MovieLensId)


def wikidata_ids(letter: str = "Q") -> st.SearchStrategy[WikidataId]:
    """Wikidata item (``Q``) or property (``P``) ids."""
    return st.integers(1, 200_000_000).map(lambda n: WikidataId(f"{letter}{n}"))


def external_ids(imdb_prefix: str = "tt") -> st.SearchStrategy[ExternalIds]:
    """Outside ids, any of them missing."""
    return st.builds(
        ExternalIds,
        imdb=st.none() | imdb_ids(imdb_prefix),
        tmdb=st.none() | tmdb_ids(),
        wikidata=st.none() | wikidata_ids(),
        movielens=st.none() | movielens_ids(),
    )


def values() -> st.SearchStrategy[Any]:
    """Any typed claim value."""
    return st.one_of(
        dates(),
        durations(),
        money(),
        quantities(),
        entity_refs(),
        texts(),
        st.integers(-10_000, 10_000),
        st.booleans(),
    )


def _refs(kind: str, max_size: int = 3) -> st.SearchStrategy[tuple[EntityRef, ...]]:
    return st.lists(entity_refs(kind), max_size=max_size, unique=True).map(tuple)


def films(id: st.SearchStrategy[EntityRef] | None = None) -> st.SearchStrategy[Film]:
    """Films with any mix of optional fields."""
    releases = st.builds(
        ReleaseDate,
        date=dates(),
        country=st.none() | st.sampled_from(["US", "GB", "FR", "JP"]),
        kind=st.none() | st.sampled_from(["theatrical", "premiere", "festival"]),
    )
    return st.builds(
        Film,
        id=id if id is not None else entity_refs("film"),
        title=texts(),
        titles=st.lists(texts(), max_size=2).map(tuple),
        year=st.none() | st.integers(1888, 2100),
        releases=st.lists(releases, max_size=2).map(tuple),
        runtime=st.none() | durations(),
        budget=st.none() | money(),
        revenue=st.none() | money(),
        ids=external_ids("tt"),
        genres=st.lists(_words, max_size=3).map(tuple),
        countries=st.lists(st.sampled_from(["US", "GB", "FR"]), max_size=2, unique=True).map(tuple),
        languages=st.lists(st.sampled_from(["en", "fr", "es"]), max_size=2, unique=True).map(tuple),
        description=_optional_words,
    )


def people(id: st.SearchStrategy[EntityRef] | None = None) -> st.SearchStrategy[Person]:
    """People."""
    return st.builds(
        Person,
        id=id if id is not None else entity_refs("person"),
        name=_words,
        aliases=st.lists(_words, max_size=2).map(tuple),
        ids=external_ids("nm"),
        born=st.none() | partial_dates(),
        died=st.none() | partial_dates(),
        description=_optional_words,
    )


def characters(film: st.SearchStrategy[EntityRef] | None = None) -> st.SearchStrategy[Character]:
    """Characters of a film."""
    return st.builds(
        Character,
        id=entity_refs("character"),
        film=film if film is not None else entity_refs("film"),
        name=_words,
        aliases=st.lists(_words, max_size=2).map(tuple),
        played_by=_refs("person"),
        based_on=_refs("person", 1),
        description=_optional_words,
    )


def credits(film: st.SearchStrategy[EntityRef] | None = None) -> st.SearchStrategy[Credit]:
    """Credits: cast credits may name a character, others never do."""
    role = st.sampled_from(list(RoleKind))
    return role.flatmap(
        lambda r: st.builds(
            Credit,
            id=entity_refs("credit"),
            film=film if film is not None else entity_refs("film"),
            person=entity_refs("person"),
            role=st.just(r),
            character=(st.none() | entity_refs("character")) if r is RoleKind.CAST else st.none(),
            credited_as=_optional_words,
            billing=st.none() | st.integers(0, 200),
            uncredited=st.booleans(),
            voice=st.booleans(),
            department=_optional_words,
            job=_optional_words,
        )
    )


def scenes(film: st.SearchStrategy[EntityRef] | None = None) -> st.SearchStrategy[Scene]:
    """Scenes of a film."""
    return st.builds(
        Scene,
        id=entity_refs("scene"),
        film=film if film is not None else entity_refs("film"),
        title=_words,
        ordinal=st.none() | st.integers(0, 500),
        location=_optional_words,
        characters=_refs("character"),
        description=_optional_words,
        starts_at=st.none() | durations(),
        ends_at=st.none() | durations(),
        aliases=st.lists(_words, max_size=2).map(tuple),
    )


def quotes(film: st.SearchStrategy[EntityRef] | None = None) -> st.SearchStrategy[Quote]:
    """Quotes of a film."""
    optional_char = st.none() | entity_refs("character")
    return st.builds(
        Quote,
        id=entity_refs("quote"),
        film=film if film is not None else entity_refs("film"),
        text=_words,
        speaker=optional_char,
        addressee=optional_char,
        scene=st.none() | entity_refs("scene"),
        variants=st.lists(_words, max_size=2).map(tuple),
        lang=st.none() | st.just("en"),
    )


def sources() -> st.SearchStrategy[Source]:
    """Sources of every kind, with partial published dates and optional full text."""
    return st.builds(
        Source,
        id=entity_refs("source"),
        kind=st.sampled_from(list(SourceKind)),
        title=_optional_words,
        authors=st.lists(_words, max_size=2).map(tuple),
        publisher=_optional_words,
        url=st.none() | _keys.map(lambda k: f"https://example.org/{k}"),
        published=st.none() | partial_dates(),
        retrieved=st.none() | partial_dates(),
        language=st.none() | st.just("en"),
        reliability=st.none() | st.floats(0, 1),
        weight=st.none() | st.floats(0, 100),
        person=st.none() | entity_refs("person"),
        via=_refs("source", 2),
        text=st.none() | st.text(max_size=200),
        description=_optional_words,
    )


def claims(
    subject: st.SearchStrategy[EntityRef] | None = None,
    source: st.SearchStrategy[EntityRef] | None = None,
) -> st.SearchStrategy[Claim]:
    """Claims with any typed value, qualifiers, stance, excerpt and rank."""
    qualifiers = st.dictionaries(
        st.sampled_from(["scope", "country", "cut", "kind"]), _words, max_size=2
    ).map(lambda d: tuple(Qualifier(key=k, value=v) for k, v in d.items()))
    excerpts = st.builds(
        Excerpt,
        text=_words,
        start=st.none(),
        end=st.none(),
        locator=st.none() | _words,
    ) | st.tuples(_words, st.integers(0, 10_000), st.none() | _words).map(
        lambda t: Excerpt(text=t[0], start=t[1], end=t[1] + len(t[0]), locator=t[2])
    )
    return st.builds(
        Claim,
        id=entity_refs("claim"),
        subject=subject if subject is not None else entity_refs("film"),
        property=st.sampled_from(["duration", "release_date", "cost", "title", "assessment"]),
        value=values(),
        source=source if source is not None else entity_refs("source"),
        qualifiers=qualifiers,
        stance=st.sampled_from(list(Stance)),
        excerpt=st.none() | excerpts,
        attributed_to=st.none() | entity_refs("person"),
        via=_refs("source", 2),
        valid_at=st.none() | partial_dates(),
        rank=st.sampled_from(list(Rank)),
        note=_optional_words,
    )


def hierarchy_links() -> st.SearchStrategy[HierarchyLink]:
    """Links of a value hierarchy: a child and a parent, two different values."""
    return (
        st.tuples(_words, _words)
        .filter(lambda pair: pair[0] != pair[1])
        .map(lambda pair: HierarchyLink(child=pair[0], parent=pair[1]))
    )


@st.composite
def hierarchies(draw: st.DrawFn, max_links: int = 6) -> tuple[HierarchyLink, ...]:
    """Hierarchies without a cycle or a link listed twice, a child often with several
    parents: each link leads from a value to one drawn before it."""
    terms = draw(st.lists(_words, max_size=max_links, unique=True))
    if len(terms) < 2:
        return ()
    links = st.integers(1, len(terms) - 1).flatmap(
        lambda child: st.tuples(st.just(child), st.integers(0, child - 1))
    )
    pairs = draw(st.lists(links, max_size=max_links, unique=True))
    return tuple(HierarchyLink(child=terms[c], parent=terms[p]) for c, p in pairs)


@st.composite
def dossiers(draw: st.DrawFn, max_films: int = 2, max_claims: int = 6) -> Dossier:
    """Dossiers whose references all resolve, whose ids are unique and whose hierarchy
    has no cycle."""
    film_list = draw(st.lists(films(), min_size=1, max_size=max_films, unique_by=lambda f: f.id))
    film_ids = st.sampled_from([f.id for f in film_list])
    people_list = draw(st.lists(people(), max_size=3, unique_by=lambda p: p.id))
    source_list = draw(
        st.lists(sources(), min_size=1, max_size=3, unique_by=lambda s: s.id).map(
            lambda ss: [attrs.evolve(s, via=(), person=None) for s in ss]
        )
    )
    source_ids = st.sampled_from([s.id for s in source_list])
    claim_list = draw(
        st.lists(
            claims(subject=film_ids, source=source_ids),
            max_size=max_claims,
            unique_by=lambda c: c.id,
        )
    )
    claim_list = [attrs.evolve(c, attributed_to=None, via=()) for c in claim_list]
    return Dossier(
        films=film_list,
        people=people_list,
        sources=source_list,
        claims=claim_list,
        hierarchy=draw(hierarchies()),
    )
