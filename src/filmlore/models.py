"""The domain: films, people, characters, credits, scenes, quotes, sources and claims.

Every model is a frozen, slotted, keyword-only attrs class whose fields are checked when it
is built; a bad field raises :class:`~filmlore.errors.FieldError` naming the model, the field,
what was expected and what came.  Every entity's ``id`` is an :class:`~filmlore.EntityRef` of
the entity's own kind, and links between entities are references too, resolved through a
:class:`~filmlore.Dossier`.

>>> from filmlore import EntityRef, Film, Text
>>> heat = Film(id=EntityRef("film", "heat-1995"), title=Text("Heat", lang="en"))
>>> heat.title.text
'Heat'
>>> Film(id=EntityRef("person", "heat"), title=Text("Heat"))
Traceback (most recent call last):
...
filmlore.errors.FieldError: Film.id: expected a reference to a film, got EntityRef('person:heat')
"""

from __future__ import annotations

import enum
from typing import Any, ClassVar

import attrs

from filmlore.errors import FieldError
from filmlore.values.dates import DateInterval, PartialDate
from filmlore.values.ids import ImdbId, MovieLensId, TmdbId, WikidataId
from filmlore.values.quantities import Duration, Money, Quantity
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

__all__ = [
    "Character",
    "Claim",
    "Credit",
    "Entity",
    "Excerpt",
    "ExternalIds",
    "Film",
    "HierarchyLink",
    "Person",
    "Qualifier",
    "Quote",
    "Rank",
    "ReleaseDate",
    "RoleKind",
    "Scene",
    "Source",
    "SourceKind",
    "Stance",
    "Value",
]

#: Every type a claim's value may have.
Value = PartialDate | DateInterval | Duration | Money | Quantity | EntityRef | Text | int | bool
_VALUE_TYPES: tuple[type, ...] = (
    PartialDate,
    DateInterval,
    Duration,
    Money,
    Quantity,
    EntityRef,
    Text,
    int,
)


class RoleKind(str, enum.Enum):
    """What a person did on a film.  Values are the lower-case words used in files."""

    CAST = "cast"
    DIRECTOR = "director"
    WRITER = "writer"
    PRODUCER = "producer"
    EXECUTIVE_PRODUCER = "executive producer"
    COMPOSER = "composer"
    CINEMATOGRAPHER = "cinematographer"
    EDITOR = "editor"
    PRODUCTION_DESIGNER = "production designer"
    COSTUME_DESIGNER = "costume designer"
    CASTING = "casting"
    SOUND = "sound"
    STUNTS = "stunts"
    TECHNICAL_ADVISOR = "technical advisor"
    CREW = "crew"


class SourceKind(str, enum.Enum):
    """What kind of source a claim comes from, from the most to the least first-hand.

    The default :class:`~filmlore.Authority` order ranks them in this order: the film
    itself, the maker in an interview, a database, an encyclopedia, the press, a book, an
    article, a critic's review, a blog, a user review, a video, anything else.  Each kind
    also has a prior trust that reconciliation starts a source of that kind from
    (:data:`filmlore.SOURCE_PRIORS`).
    """

    FILM = "film"
    INTERVIEW = "interview"
    DATABASE = "database"
    ENCYCLOPEDIA = "encyclopedia"
    PRESS = "press"
    BOOK = "book"
    ARTICLE = "article"
    REVIEW = "review"
    BLOG = "blog"
    USER_REVIEW = "user_review"
    VIDEO = "video"
    OTHER = "other"


class Stance(str, enum.Enum):
    """How a source holds a claim: it asserts it, denies it, or hedges ("I read that…")."""

    ASSERTS = "asserts"
    DENIES = "denies"
    HEDGES = "hedges"


class Rank(str, enum.Enum):
    """Wikidata-style rank: a wrong but sourced claim is deprecated, never deleted."""

    PREFERRED = "preferred"
    NORMAL = "normal"
    DEPRECATED = "deprecated"


# --- field checks ---------------------------------------------------------------------------
#
# Each model checks all its fields in one ``__attrs_post_init__``, in the order they are
# declared, and raises FieldError(model, field, expected, got) for the first that breaks its
# rule.  One function per model costs a fraction of one validator call per field.


def _as_tuple(value: Any) -> Any:
    """Accept a list where a tuple is stored (keeps models hashable); leave the rest to checks."""
    return tuple(value) if isinstance(value, list) else value


def _refs_ok(value: Any, kind: str) -> bool:
    """A tuple of references to ``kind``."""
    if not isinstance(value, tuple):
        return False
    for v in value:  # noqa: SIM110 - a loop costs less than all() over a generator
        if not isinstance(v, EntityRef) or v.kind != kind:
            return False
    return True


def _strs_ok(value: Any) -> bool:
    """A tuple of non-empty strings."""
    if not isinstance(value, tuple):
        return False
    for v in value:  # noqa: SIM110
        if not isinstance(v, str) or not v or v.isspace():
            return False
    return True


def _all_of(value: Any, cls: type) -> bool:
    """A tuple of ``cls``."""
    return isinstance(value, tuple) and all(isinstance(v, cls) for v in value)


def _count_ok(value: Any) -> bool:
    """None or an int >= 0 (not a bool)."""
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)


_EMPTY: tuple[()] = ()  # the empty tuple, a singleton: every default of a tuple field
_NONEMPTY = "a non-empty str"
_STRS = "a tuple of non-empty strings"
_COUNT = "an int >= 0"


# --- shared parts ---------------------------------------------------------------------------


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class ExternalIds:
    """An entity's ids in outside databases; any may be missing.

    >>> from filmlore import ImdbId, TmdbId
    >>> ExternalIds(imdb=ImdbId("tt0113277"), tmdb=TmdbId(949)).imdb
    ImdbId('tt0113277')
    """

    imdb: ImdbId | None = None
    tmdb: TmdbId | None = None
    wikidata: WikidataId | None = None
    movielens: MovieLensId | None = None

    def __attrs_post_init__(self) -> None:
        if self.imdb is not None and not isinstance(self.imdb, ImdbId):
            raise FieldError("ExternalIds", "imdb", "an ImdbId", self.imdb)
        if self.tmdb is not None and not isinstance(self.tmdb, TmdbId):
            raise FieldError("ExternalIds", "tmdb", "a TmdbId", self.tmdb)
        if self.wikidata is not None and not isinstance(self.wikidata, WikidataId):
            raise FieldError("ExternalIds", "wikidata", "a WikidataId", self.wikidata)
        if self.movielens is not None and not isinstance(self.movielens, MovieLensId):
            raise FieldError("ExternalIds", "movielens", "a MovieLensId", self.movielens)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) is not None for f in attrs.fields(ExternalIds))


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class ReleaseDate:
    """A film's release in one country and of one kind (theatrical, premiere, festival…).

    >>> from filmlore import PartialDate
    >>> str(ReleaseDate(date=PartialDate(year=1995, month=12, day=15), country="US").date)
    '1995-12-15'
    """

    date: PartialDate | DateInterval
    country: str | None = None
    kind: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.date, (PartialDate, DateInterval)):
            raise FieldError("ReleaseDate", "date", "a PartialDate or DateInterval", self.date)
        if self.country is not None and (
            not isinstance(self.country, str) or not self.country or self.country.isspace()
        ):
            raise FieldError("ReleaseDate", "country", _NONEMPTY, self.country)
        if self.kind is not None and (
            not isinstance(self.kind, str) or not self.kind or self.kind.isspace()
        ):
            raise FieldError("ReleaseDate", "kind", _NONEMPTY, self.kind)


# --- entities -------------------------------------------------------------------------------


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class Film:
    """A film: titles, releases, runtime, money and outside ids.

    Credits, scenes, quotes and characters refer to their film by id and live in the
    :class:`~filmlore.Dossier` beside it (``dossier.credits_of(film)``), so one film's record
    stays small and every entity has one home.
    """

    entity_kind: ClassVar[str] = "film"

    id: EntityRef
    title: Text
    titles: tuple[Text, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    year: int | None = None
    releases: tuple[ReleaseDate, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    runtime: Duration | None = None
    budget: Money | None = None
    revenue: Money | None = None
    ids: ExternalIds = attrs.field(factory=ExternalIds)
    genres: tuple[str, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    countries: tuple[str, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    languages: tuple[str, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    description: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, EntityRef) or self.id.kind != "film":
            raise FieldError("Film", "id", "a reference to a film", self.id)
        if not isinstance(self.title, Text):
            raise FieldError("Film", "title", "a Text", self.title)
        if self.titles is not _EMPTY and not _all_of(self.titles, Text):
            raise FieldError("Film", "titles", "a tuple of Text", self.titles)
        year = self.year
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            raise FieldError("Film", "year", "an int year", year)
        if self.releases is not _EMPTY and not _all_of(self.releases, ReleaseDate):
            raise FieldError("Film", "releases", "a tuple of ReleaseDate", self.releases)
        if self.runtime is not None and not isinstance(self.runtime, Duration):
            raise FieldError("Film", "runtime", "a Duration", self.runtime)
        if self.budget is not None and not isinstance(self.budget, Money):
            raise FieldError("Film", "budget", "a Money", self.budget)
        if self.revenue is not None and not isinstance(self.revenue, Money):
            raise FieldError("Film", "revenue", "a Money", self.revenue)
        if not isinstance(self.ids, ExternalIds):
            raise FieldError("Film", "ids", "ExternalIds", self.ids)
        if self.genres is not _EMPTY and not _strs_ok(self.genres):
            raise FieldError("Film", "genres", _STRS, self.genres)
        if self.countries is not _EMPTY and not _strs_ok(self.countries):
            raise FieldError("Film", "countries", _STRS, self.countries)
        if self.languages is not _EMPTY and not _strs_ok(self.languages):
            raise FieldError("Film", "languages", _STRS, self.languages)
        if self.description is not None and (
            not isinstance(self.description, str)
            or not self.description
            or self.description.isspace()
        ):
            raise FieldError("Film", "description", _NONEMPTY, self.description)


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class Person:
    """A real person: an actor, a director, a critic, a real-life model for a character.

    >>> from filmlore import EntityRef
    >>> Person(id=EntityRef("person", "al-pacino"), name="Al Pacino").name
    'Al Pacino'
    """

    entity_kind: ClassVar[str] = "person"

    id: EntityRef
    name: str
    aliases: tuple[str, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    ids: ExternalIds = attrs.field(factory=ExternalIds)
    born: PartialDate | None = None
    died: PartialDate | None = None
    description: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, EntityRef) or self.id.kind != "person":
            raise FieldError("Person", "id", "a reference to a person", self.id)
        if not isinstance(self.name, str) or not self.name or self.name.isspace():
            raise FieldError("Person", "name", _NONEMPTY, self.name)
        if self.aliases is not _EMPTY and not _strs_ok(self.aliases):
            raise FieldError("Person", "aliases", _STRS, self.aliases)
        if not isinstance(self.ids, ExternalIds):
            raise FieldError("Person", "ids", "ExternalIds", self.ids)
        if self.born is not None and not isinstance(self.born, PartialDate):
            raise FieldError("Person", "born", "a PartialDate", self.born)
        if self.died is not None and not isinstance(self.died, PartialDate):
            raise FieldError("Person", "died", "a PartialDate", self.died)
        if self.description is not None and (
            not isinstance(self.description, str)
            or not self.description
            or self.description.isspace()
        ):
            raise FieldError("Person", "description", _NONEMPTY, self.description)


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class Character:
    """A character of one film, the names sources use for it, who played it, and who it is
    based on ("Chris" is Chris Shiherlis; Neil McCauley is named after a real criminal)."""

    entity_kind: ClassVar[str] = "character"

    id: EntityRef
    film: EntityRef
    name: str
    aliases: tuple[str, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    played_by: tuple[EntityRef, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    based_on: tuple[EntityRef, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    description: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, EntityRef) or self.id.kind != "character":
            raise FieldError("Character", "id", "a reference to a character", self.id)
        if not isinstance(self.film, EntityRef) or self.film.kind != "film":
            raise FieldError("Character", "film", "a reference to a film", self.film)
        if not isinstance(self.name, str) or not self.name or self.name.isspace():
            raise FieldError("Character", "name", _NONEMPTY, self.name)
        if self.aliases is not _EMPTY and not _strs_ok(self.aliases):
            raise FieldError("Character", "aliases", _STRS, self.aliases)
        if self.played_by is not _EMPTY and not _refs_ok(self.played_by, "person"):
            raise FieldError(
                "Character", "played_by", "a tuple of references to persons", self.played_by
            )
        if self.based_on is not _EMPTY and not _refs_ok(self.based_on, "person"):
            raise FieldError(
                "Character", "based_on", "a tuple of references to persons", self.based_on
            )
        if self.description is not None and (
            not isinstance(self.description, str)
            or not self.description
            or self.description.isspace()
        ):
            raise FieldError("Character", "description", _NONEMPTY, self.description)


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class Credit:
    """One person's credit on one film: role, character, billing and flags."""

    entity_kind: ClassVar[str] = "credit"

    id: EntityRef
    film: EntityRef
    person: EntityRef
    role: RoleKind
    character: EntityRef | None = None
    credited_as: str | None = None
    billing: int | None = None
    uncredited: bool = False
    voice: bool = False
    department: str | None = None
    job: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, EntityRef) or self.id.kind != "credit":
            raise FieldError("Credit", "id", "a reference to a credit", self.id)
        if not isinstance(self.film, EntityRef) or self.film.kind != "film":
            raise FieldError("Credit", "film", "a reference to a film", self.film)
        if not isinstance(self.person, EntityRef) or self.person.kind != "person":
            raise FieldError("Credit", "person", "a reference to a person", self.person)
        if not isinstance(self.role, RoleKind):
            raise FieldError("Credit", "role", "a RoleKind", self.role)
        character = self.character
        if character is not None and (
            not isinstance(character, EntityRef) or character.kind != "character"
        ):
            raise FieldError("Credit", "character", "a reference to a character", character)
        if self.credited_as is not None and (
            not isinstance(self.credited_as, str)
            or not self.credited_as
            or self.credited_as.isspace()
        ):
            raise FieldError("Credit", "credited_as", _NONEMPTY, self.credited_as)
        billing = self.billing
        if billing is not None and (
            (
                billing.__class__ is not int
                and (not isinstance(billing, int) or billing is True or billing is False)
            )
            or billing < 0
        ):
            raise FieldError("Credit", "billing", _COUNT, billing)
        if self.uncredited is not False and not isinstance(self.uncredited, bool):
            raise FieldError("Credit", "uncredited", "a bool", self.uncredited)
        if self.voice is not False and not isinstance(self.voice, bool):
            raise FieldError("Credit", "voice", "a bool", self.voice)
        if self.department is not None and (
            not isinstance(self.department, str) or not self.department or self.department.isspace()
        ):
            raise FieldError("Credit", "department", _NONEMPTY, self.department)
        if self.job is not None and (
            not isinstance(self.job, str) or not self.job or self.job.isspace()
        ):
            raise FieldError("Credit", "job", _NONEMPTY, self.job)
        if character is not None and self.role is not RoleKind.CAST:
            raise FieldError("Credit", "character", "no character for a non-cast credit", character)


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class Scene:
    """A scene of a film: where it sits, where it happens, who is in it."""

    entity_kind: ClassVar[str] = "scene"

    id: EntityRef
    film: EntityRef
    title: str
    ordinal: int | None = None
    location: str | None = None
    characters: tuple[EntityRef, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    description: str | None = None
    starts_at: Duration | None = None
    ends_at: Duration | None = None
    aliases: tuple[str, ...] = attrs.field(factory=tuple, converter=_as_tuple)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, EntityRef) or self.id.kind != "scene":
            raise FieldError("Scene", "id", "a reference to a scene", self.id)
        if not isinstance(self.film, EntityRef) or self.film.kind != "film":
            raise FieldError("Scene", "film", "a reference to a film", self.film)
        if not isinstance(self.title, str) or not self.title or self.title.isspace():
            raise FieldError("Scene", "title", _NONEMPTY, self.title)
        if self.ordinal is not None and not _count_ok(self.ordinal):
            raise FieldError("Scene", "ordinal", _COUNT, self.ordinal)
        if self.location is not None and (
            not isinstance(self.location, str) or not self.location or self.location.isspace()
        ):
            raise FieldError("Scene", "location", _NONEMPTY, self.location)
        if self.characters is not _EMPTY and not _refs_ok(self.characters, "character"):
            raise FieldError(
                "Scene", "characters", "a tuple of references to characters", self.characters
            )
        if self.description is not None and (
            not isinstance(self.description, str)
            or not self.description
            or self.description.isspace()
        ):
            raise FieldError("Scene", "description", _NONEMPTY, self.description)
        if self.starts_at is not None and not isinstance(self.starts_at, Duration):
            raise FieldError(
                "Scene", "starts_at", "a Duration from the film's start", self.starts_at
            )
        if self.ends_at is not None and not isinstance(self.ends_at, Duration):
            raise FieldError("Scene", "ends_at", "a Duration from the film's start", self.ends_at)
        if self.aliases is not _EMPTY and not _strs_ok(self.aliases):
            raise FieldError("Scene", "aliases", _STRS, self.aliases)


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class Quote:
    """A line spoken in a film, as the film has it, and the variants sources give."""

    entity_kind: ClassVar[str] = "quote"

    id: EntityRef
    film: EntityRef
    text: str
    speaker: EntityRef | None = None
    addressee: EntityRef | None = None
    scene: EntityRef | None = None
    variants: tuple[str, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    lang: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, EntityRef) or self.id.kind != "quote":
            raise FieldError("Quote", "id", "a reference to a quote", self.id)
        if not isinstance(self.film, EntityRef) or self.film.kind != "film":
            raise FieldError("Quote", "film", "a reference to a film", self.film)
        if not isinstance(self.text, str) or not self.text or self.text.isspace():
            raise FieldError("Quote", "text", _NONEMPTY, self.text)
        if self.speaker is not None and (
            not isinstance(self.speaker, EntityRef) or self.speaker.kind != "character"
        ):
            raise FieldError("Quote", "speaker", "a reference to a character", self.speaker)
        if self.addressee is not None and (
            not isinstance(self.addressee, EntityRef) or self.addressee.kind != "character"
        ):
            raise FieldError("Quote", "addressee", "a reference to a character", self.addressee)
        if self.scene is not None and (
            not isinstance(self.scene, EntityRef) or self.scene.kind != "scene"
        ):
            raise FieldError("Quote", "scene", "a reference to a scene", self.scene)
        if self.variants is not _EMPTY and not _strs_ok(self.variants):
            raise FieldError("Quote", "variants", _STRS, self.variants)
        if self.lang is not None and (
            not isinstance(self.lang, str) or not self.lang or self.lang.isspace()
        ):
            raise FieldError("Quote", "lang", _NONEMPTY, self.lang)


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class Source:
    """Where claims come from: an article, an interview, a database record, the film itself.

    ``via`` lists the sources that relayed this one to us, nearest first: Mann's words at
    Busan reached the article through *Variety*, so the interview source has
    ``via=(source:variety-…, source:article-…)``.  ``text`` holds the full text when kept, so
    that every claim's excerpt can be checked against it.  ``reliability`` is a prior trust
    in [0, 1] stated for this source (else its kind's prior is used); ``weight`` is how much
    it counts in a :class:`~filmlore.WeightedVote` when the policy names no weight for it.
    """

    entity_kind: ClassVar[str] = "source"

    id: EntityRef
    kind: SourceKind
    title: str | None = None
    authors: tuple[str, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    publisher: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    retrieved: PartialDate | None = None
    language: str | None = None
    reliability: float | None = None
    weight: float | None = None
    person: EntityRef | None = None
    via: tuple[EntityRef, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    text: str | None = attrs.field(default=None, eq=True, repr=False)
    description: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, EntityRef) or self.id.kind != "source":
            raise FieldError("Source", "id", "a reference to a source", self.id)
        if not isinstance(self.kind, SourceKind):
            raise FieldError("Source", "kind", "a SourceKind", self.kind)
        if self.title is not None and (
            not isinstance(self.title, str) or not self.title or self.title.isspace()
        ):
            raise FieldError("Source", "title", _NONEMPTY, self.title)
        if self.authors is not _EMPTY and not _strs_ok(self.authors):
            raise FieldError("Source", "authors", _STRS, self.authors)
        if self.publisher is not None and (
            not isinstance(self.publisher, str) or not self.publisher or self.publisher.isspace()
        ):
            raise FieldError("Source", "publisher", _NONEMPTY, self.publisher)
        if self.url is not None and (
            not isinstance(self.url, str) or not self.url or self.url.isspace()
        ):
            raise FieldError("Source", "url", _NONEMPTY, self.url)
        if self.published is not None and not isinstance(self.published, PartialDate):
            raise FieldError("Source", "published", "a PartialDate", self.published)
        if self.retrieved is not None and not isinstance(self.retrieved, PartialDate):
            raise FieldError("Source", "retrieved", "a PartialDate", self.retrieved)
        if self.language is not None and (
            not isinstance(self.language, str) or not self.language or self.language.isspace()
        ):
            raise FieldError("Source", "language", _NONEMPTY, self.language)
        r = self.reliability
        if r is not None and (
            isinstance(r, bool) or not isinstance(r, (int, float)) or not 0 <= r <= 1
        ):
            raise FieldError("Source", "reliability", "a number in [0, 1]", r)
        w = self.weight
        if w is not None and (
            isinstance(w, bool) or not isinstance(w, (int, float)) or not 0 <= w < float("inf")
        ):
            raise FieldError("Source", "weight", "a number >= 0", w)
        if self.person is not None and (
            not isinstance(self.person, EntityRef) or self.person.kind != "person"
        ):
            raise FieldError("Source", "person", "a reference to a person", self.person)
        if self.via is not _EMPTY and not _refs_ok(self.via, "source"):
            raise FieldError("Source", "via", "a tuple of references to sources", self.via)
        if self.text is not None and not isinstance(self.text, str):
            raise FieldError("Source", "text", "a str or None", self.text)
        if self.description is not None and (
            not isinstance(self.description, str)
            or not self.description
            or self.description.isspace()
        ):
            raise FieldError("Source", "description", _NONEMPTY, self.description)


# --- claims ---------------------------------------------------------------------------------


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class Qualifier:
    """A qualifier that narrows a claim's scope (Wikidata's qualifiers): ``scope`` →
    ``in a speaking scene``; ``country`` → ``US``."""

    key: str
    value: str

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.key, str) or not self.key or self.key.isspace():
            raise FieldError("Qualifier", "key", _NONEMPTY, self.key)
        if not isinstance(self.value, str) or not self.value or self.value.isspace():
            raise FieldError("Qualifier", "value", _NONEMPTY, self.value)

    def __str__(self) -> str:
        return f"{self.key}={self.value}"


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class Excerpt:
    """The verbatim words of a source that a claim rests on, and where they are in it.

    ``start``/``end`` are character offsets into the source's ``text`` when known.
    ``locator`` says where the words are when the source is not one text: a data set's
    ``file:line`` (``title.basics.tsv:4``), a field of a row (``movies.csv:7$.runtime``),
    or a Wikidata statement (``Q1046$P2047$…``).

    >>> Excerpt(text="170", locator="title.basics.tsv:4").locator
    'title.basics.tsv:4'
    """

    text: str
    start: int | None = None
    end: int | None = None
    locator: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.text, str) or not self.text or self.text.isspace():
            raise FieldError("Excerpt", "text", _NONEMPTY, self.text)
        locator = self.locator
        if locator is not None and (
            not isinstance(locator, str) or not locator or locator.isspace()
        ):
            raise FieldError("Excerpt", "locator", _NONEMPTY, locator)
        start, end = self.start, self.end
        if start is None and end is None:
            return
        if not _count_ok(start):
            raise FieldError("Excerpt", "start", _COUNT, start)
        if not _count_ok(end):
            raise FieldError("Excerpt", "end", _COUNT, end)
        if (start is None) != (end is None):
            raise FieldError("Excerpt", "end", "start and end given together", (start, end))
        if start is not None and end is not None and end < start:
            raise FieldError("Excerpt", "end", f"an offset >= start ({start})", end)


_VALUE_EXPECTED = (
    "a typed value (PartialDate, DateInterval, Duration, Money, Quantity, EntityRef, "
    "Text, int or bool) — wrap strings in Text or parse them by kind"
)


def _qualifiers_problem(value: Any) -> FieldError | None:
    if not isinstance(value, tuple) or not all(isinstance(q, Qualifier) for q in value):
        return FieldError("Claim", "qualifiers", "a tuple of Qualifier", value)
    keys = [q.key for q in value]
    if len(set(keys)) != len(keys):
        return FieldError("Claim", "qualifiers", "each qualifier key once", keys)
    return None


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class Claim:
    """One source's statement of one property of one subject, with its evidence.

    A claim is Wikidata's statement plus its reference: a ``subject`` (an entity), a
    ``property`` from the registry, a typed ``value``, ``qualifiers`` that narrow its scope, a
    ``stance`` (asserts, denies, hedges), the ``source`` it comes from and the verbatim
    ``excerpt`` it rests on, who it is ``attributed_to`` (the director, speaking in an
    interview), the ``via`` chain of sources that relayed it, the date it holds for
    (``valid_at``), and a ``rank``.

    >>> from filmlore import Duration, EntityRef, Excerpt
    >>> claim = Claim(
    ...     id=EntityRef("claim", "a-runtime"),
    ...     subject=EntityRef("film", "heat-1995"),
    ...     property="duration",
    ...     value=Duration.parse("nearly 3 hours"),
    ...     source=EntityRef("source", "article-a"),
    ...     excerpt=Excerpt(text="a nearly 3 hours crime epic"),
    ... )
    >>> str(claim.value)
    'nearly 3 hours'
    """

    entity_kind: ClassVar[str] = "claim"

    id: EntityRef
    subject: EntityRef
    property: str
    value: Value
    source: EntityRef
    qualifiers: tuple[Qualifier, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    stance: Stance = Stance.ASSERTS
    excerpt: Excerpt | None = None
    attributed_to: EntityRef | None = None
    via: tuple[EntityRef, ...] = attrs.field(factory=tuple, converter=_as_tuple)
    valid_at: PartialDate | None = None
    rank: Rank = Rank.NORMAL
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, EntityRef) or self.id.kind != "claim":
            raise FieldError("Claim", "id", "a reference to a claim", self.id)
        if not isinstance(self.subject, EntityRef):
            raise FieldError("Claim", "subject", "an EntityRef", self.subject)
        if not isinstance(self.property, str) or not self.property or self.property.isspace():
            raise FieldError("Claim", "property", _NONEMPTY, self.property)
        if not isinstance(self.value, _VALUE_TYPES):
            raise FieldError("Claim", "value", _VALUE_EXPECTED, self.value)
        if not isinstance(self.source, EntityRef) or self.source.kind != "source":
            raise FieldError("Claim", "source", "a reference to a source", self.source)
        if self.qualifiers is not _EMPTY:
            problem = _qualifiers_problem(self.qualifiers)
            if problem is not None:
                raise problem
        if self.stance.__class__ is not Stance and not isinstance(self.stance, Stance):
            raise FieldError("Claim", "stance", "a Stance", self.stance)
        if self.excerpt is not None and not isinstance(self.excerpt, Excerpt):
            raise FieldError("Claim", "excerpt", "an Excerpt", self.excerpt)
        if self.attributed_to is not None and (
            not isinstance(self.attributed_to, EntityRef) or self.attributed_to.kind != "person"
        ):
            raise FieldError(
                "Claim", "attributed_to", "a reference to a person", self.attributed_to
            )
        if self.via is not _EMPTY and not _refs_ok(self.via, "source"):
            raise FieldError("Claim", "via", "a tuple of references to sources", self.via)
        if self.valid_at is not None and not isinstance(self.valid_at, PartialDate):
            raise FieldError("Claim", "valid_at", "a PartialDate", self.valid_at)
        if self.rank is not Rank.NORMAL and not isinstance(self.rank, Rank):
            raise FieldError("Claim", "rank", "a Rank", self.rank)
        if self.note is not None and (
            not isinstance(self.note, str) or not self.note or self.note.isspace()
        ):
            raise FieldError("Claim", "note", _NONEMPTY, self.note)

    def qualifier(self, key: str) -> str | None:
        """The value of qualifier ``key``, or None."""
        for q in self.qualifiers:
            if q.key == key:
                return q.value
        return None


# --- hierarchies ----------------------------------------------------------------------------


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False)
class HierarchyLink:
    """One link of a value hierarchy: ``child`` lies within, or is a kind of, ``parent``.

    A dossier declares its hierarchies of places and categories as data, in its
    ``hierarchy``: one link per ``child, parent`` pair, as many parents per child as there
    are (a city within its region and within a metropolitan area).  Values are compared as
    written, so ``Milan`` and ``milan`` are two values.  A link is not an entity: it has no
    id; :func:`filmlore.validate` reports a link listed twice and a cycle.

    >>> HierarchyLink(child="Milan", parent="Lombardy")
    HierarchyLink(child='Milan', parent='Lombardy')
    >>> HierarchyLink(child="Milan", parent="Milan")
    Traceback (most recent call last):
    ...
    filmlore.errors.FieldError: HierarchyLink.parent: expected a value other than the child, got 'Milan'
    """  # noqa: E501

    child: str
    parent: str

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.child, str) or not self.child or self.child.isspace():
            raise FieldError("HierarchyLink", "child", _NONEMPTY, self.child)
        if not isinstance(self.parent, str) or not self.parent or self.parent.isspace():
            raise FieldError("HierarchyLink", "parent", _NONEMPTY, self.parent)
        if self.parent == self.child:
            raise FieldError("HierarchyLink", "parent", "a value other than the child", self.parent)


#: Every entity model, by its ``entity_kind``.
Entity = Film | Person | Character | Credit | Scene | Quote | Source | Claim
ENTITY_MODELS: dict[str, type[Any]] = {
    m.entity_kind: m for m in (Film, Person, Character, Credit, Scene, Quote, Source, Claim)
}
