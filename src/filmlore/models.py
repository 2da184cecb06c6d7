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
from collections.abc import Callable
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

    The default :class:`~filmlore.Authority` order ranks them: the film itself, the maker in
    an interview, a database, the press, an article or review, a blog.
    """

    FILM = "film"
    INTERVIEW = "interview"
    DATABASE = "database"
    PRESS = "press"
    BOOK = "book"
    ARTICLE = "article"
    REVIEW = "review"
    BLOG = "blog"
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

_Check = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _instance(types: type | tuple[type, ...], expected: str, *, optional: bool = False) -> _Check:
    """A validator raising FieldError unless the value is of ``types`` (bool is never int)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if isinstance(value, bool) and bool not in (
            types if isinstance(types, tuple) else (types,)
        ):
            raise FieldError(type(instance).__name__, attribute.name, expected, value)
        if not isinstance(value, types):
            raise FieldError(type(instance).__name__, attribute.name, expected, value)

    return check


def _ref(kind: str, *, optional: bool = False) -> _Check:
    """A validator for an EntityRef of one kind."""
    expected = f"a reference to a {kind}"

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, EntityRef) or value.kind != kind:
            raise FieldError(type(instance).__name__, attribute.name, expected, value)

    return check


def _tuple_of(check_item: Callable[[Any], bool], expected: str) -> _Check:
    """A validator for a tuple whose items all pass ``check_item``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple) or not all(check_item(v) for v in value):
            raise FieldError(
                type(instance).__name__, attribute.name, f"a tuple of {expected}", value
            )

    return check


def _refs(kind: str) -> _Check:
    return _tuple_of(
        lambda v: isinstance(v, EntityRef) and v.kind == kind, f"references to {kind}s"
    )


def _strs() -> _Check:
    return _tuple_of(lambda v: isinstance(v, str) and bool(v.strip()), "non-empty strings")


def _nonempty(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise FieldError(type(instance).__name__, attribute.name, "a non-empty str", value)


def _optional_str(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _nonempty(instance, attribute, value)


def _as_tuple(value: Any) -> Any:
    """Accept a list where a tuple is stored (keeps models hashable); leave the rest to checks."""
    return tuple(value) if isinstance(value, list) else value


def _id_field(kind: str) -> Any:
    return attrs.field(validator=_ref(kind))


def _refs_field(kind: str) -> Any:
    return attrs.field(factory=tuple, converter=_as_tuple, validator=_refs(kind))


def _strs_field() -> Any:
    return attrs.field(factory=tuple, converter=_as_tuple, validator=_strs())


def _opt(types: type | tuple[type, ...], expected: str) -> Any:
    return attrs.field(default=None, validator=_instance(types, expected, optional=True))


def _flag() -> Any:
    return attrs.field(default=False, validator=_instance(bool, "a bool"))


# --- shared parts ---------------------------------------------------------------------------


@attrs.frozen(slots=True, kw_only=True)
class ExternalIds:
    """An entity's ids in outside databases; any may be missing.

    >>> from filmlore import ImdbId, TmdbId
    >>> ExternalIds(imdb=ImdbId("tt0113277"), tmdb=TmdbId(949)).imdb
    ImdbId('tt0113277')
    """

    imdb: ImdbId | None = _opt(ImdbId, "an ImdbId")
    tmdb: TmdbId | None = _opt(TmdbId, "a TmdbId")
    wikidata: WikidataId | None = _opt(WikidataId, "a WikidataId")
    movielens: MovieLensId | None = _opt(MovieLensId, "a MovieLensId")

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) is not None for f in attrs.fields(ExternalIds))


@attrs.frozen(slots=True, kw_only=True)
class ReleaseDate:
    """A film's release in one country and of one kind (theatrical, premiere, festival…).

    >>> from filmlore import PartialDate
    >>> str(ReleaseDate(date=PartialDate(year=1995, month=12, day=15), country="US").date)
    '1995-12-15'
    """

    date: PartialDate | DateInterval = attrs.field(
        validator=_instance((PartialDate, DateInterval), "a PartialDate or DateInterval")
    )
    country: str | None = attrs.field(default=None, validator=_optional_str)
    kind: str | None = attrs.field(default=None, validator=_optional_str)


# --- entities -------------------------------------------------------------------------------


@attrs.frozen(slots=True, kw_only=True)
class Film:
    """A film: titles, releases, runtime, money and outside ids.

    Credits, scenes, quotes and characters refer to their film by id and live in the
    :class:`~filmlore.Dossier` beside it (``dossier.credits_of(film)``), so one film's record
    stays small and every entity has one home.
    """

    entity_kind: ClassVar[str] = "film"

    id: EntityRef = _id_field("film")
    title: Text = attrs.field(validator=_instance(Text, "a Text"))
    titles: tuple[Text, ...] = attrs.field(
        factory=tuple,
        converter=_as_tuple,
        validator=_tuple_of(lambda v: isinstance(v, Text), "Text"),
    )
    year: int | None = _opt(int, "an int year")
    releases: tuple[ReleaseDate, ...] = attrs.field(
        factory=tuple,
        converter=_as_tuple,
        validator=_tuple_of(lambda v: isinstance(v, ReleaseDate), "ReleaseDate"),
    )
    runtime: Duration | None = _opt(Duration, "a Duration")
    budget: Money | None = _opt(Money, "a Money")
    revenue: Money | None = _opt(Money, "a Money")
    ids: ExternalIds = attrs.field(
        factory=ExternalIds, validator=_instance(ExternalIds, "ExternalIds")
    )
    genres: tuple[str, ...] = _strs_field()
    countries: tuple[str, ...] = _strs_field()
    languages: tuple[str, ...] = _strs_field()
    description: str | None = attrs.field(default=None, validator=_optional_str)


@attrs.frozen(slots=True, kw_only=True)
class Person:
    """A real person: an actor, a director, a critic, a real-life model for a character.

    >>> from filmlore import EntityRef
    >>> Person(id=EntityRef("person", "al-pacino"), name="Al Pacino").name
    'Al Pacino'
    """

    entity_kind: ClassVar[str] = "person"

    id: EntityRef = _id_field("person")
    name: str = attrs.field(validator=_nonempty)
    aliases: tuple[str, ...] = _strs_field()
    ids: ExternalIds = attrs.field(
        factory=ExternalIds, validator=_instance(ExternalIds, "ExternalIds")
    )
    born: PartialDate | None = _opt(PartialDate, "a PartialDate")
    died: PartialDate | None = _opt(PartialDate, "a PartialDate")
    description: str | None = attrs.field(default=None, validator=_optional_str)


@attrs.frozen(slots=True, kw_only=True)
class Character:
    """A character of one film, the names sources use for it, who played it, and who it is
    based on ("Chris" is Chris Shiherlis; Neil McCauley is named after a real criminal)."""

    entity_kind: ClassVar[str] = "character"

    id: EntityRef = _id_field("character")
    film: EntityRef = attrs.field(validator=_ref("film"))
    name: str = attrs.field(validator=_nonempty)
    aliases: tuple[str, ...] = _strs_field()
    played_by: tuple[EntityRef, ...] = _refs_field("person")
    based_on: tuple[EntityRef, ...] = _refs_field("person")
    description: str | None = attrs.field(default=None, validator=_optional_str)


def _positive_int(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FieldError(type(instance).__name__, attribute.name, "an int >= 0", value)


@attrs.frozen(slots=True, kw_only=True)
class Credit:
    """One person's credit on one film: role, character, billing and flags."""

    entity_kind: ClassVar[str] = "credit"

    id: EntityRef = _id_field("credit")
    film: EntityRef = attrs.field(validator=_ref("film"))
    person: EntityRef = attrs.field(validator=_ref("person"))
    role: RoleKind = attrs.field(validator=_instance(RoleKind, "a RoleKind"))
    character: EntityRef | None = attrs.field(
        default=None, validator=_ref("character", optional=True)
    )
    credited_as: str | None = attrs.field(default=None, validator=_optional_str)
    billing: int | None = attrs.field(default=None, validator=_positive_int)
    uncredited: bool = _flag()
    voice: bool = _flag()
    department: str | None = attrs.field(default=None, validator=_optional_str)
    job: str | None = attrs.field(default=None, validator=_optional_str)

    def __attrs_post_init__(self) -> None:
        if self.character is not None and self.role is not RoleKind.CAST:
            raise FieldError(
                "Credit", "character", "no character for a non-cast credit", self.character
            )


@attrs.frozen(slots=True, kw_only=True)
class Scene:
    """A scene of a film: where it sits, where it happens, who is in it."""

    entity_kind: ClassVar[str] = "scene"

    id: EntityRef = _id_field("scene")
    film: EntityRef = attrs.field(validator=_ref("film"))
    title: str = attrs.field(validator=_nonempty)
    ordinal: int | None = attrs.field(default=None, validator=_positive_int)
    location: str | None = attrs.field(default=None, validator=_optional_str)
    characters: tuple[EntityRef, ...] = _refs_field("character")
    description: str | None = attrs.field(default=None, validator=_optional_str)
    starts_at: Duration | None = _opt(Duration, "a Duration from the film's start")
    ends_at: Duration | None = _opt(Duration, "a Duration from the film's start")
    aliases: tuple[str, ...] = _strs_field()


@attrs.frozen(slots=True, kw_only=True)
class Quote:
    """A line spoken in a film, as the film has it, and the variants sources give."""

    entity_kind: ClassVar[str] = "quote"

    id: EntityRef = _id_field("quote")
    film: EntityRef = attrs.field(validator=_ref("film"))
    text: str = attrs.field(validator=_nonempty)
    speaker: EntityRef | None = attrs.field(
        default=None, validator=_ref("character", optional=True)
    )
    addressee: EntityRef | None = attrs.field(
        default=None, validator=_ref("character", optional=True)
    )
    scene: EntityRef | None = attrs.field(default=None, validator=_ref("scene", optional=True))
    variants: tuple[str, ...] = _strs_field()
    lang: str | None = attrs.field(default=None, validator=_optional_str)


def _reliability(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise FieldError(type(instance).__name__, attribute.name, "a number in [0, 1]", value)


@attrs.frozen(slots=True, kw_only=True)
class Source:
    """Where claims come from: an article, an interview, a database record, the film itself.

    ``via`` lists the sources that relayed this one to us, nearest first: Mann's words at
    Busan reached the article through *Variety*, so the interview source has
    ``via=(source:variety-…, source:article-…)``.  ``text`` holds the full text when kept, so
    that every claim's excerpt can be checked against it.
    """

    entity_kind: ClassVar[str] = "source"

    id: EntityRef = _id_field("source")
    kind: SourceKind = attrs.field(validator=_instance(SourceKind, "a SourceKind"))
    title: str | None = attrs.field(default=None, validator=_optional_str)
    authors: tuple[str, ...] = _strs_field()
    publisher: str | None = attrs.field(default=None, validator=_optional_str)
    url: str | None = attrs.field(default=None, validator=_optional_str)
    published: PartialDate | None = _opt(PartialDate, "a PartialDate")
    retrieved: PartialDate | None = _opt(PartialDate, "a PartialDate")
    language: str | None = attrs.field(default=None, validator=_optional_str)
    reliability: float | None = attrs.field(default=None, validator=_reliability)
    person: EntityRef | None = attrs.field(default=None, validator=_ref("person", optional=True))
    via: tuple[EntityRef, ...] = _refs_field("source")
    text: str | None = attrs.field(default=None, eq=True, repr=False)
    description: str | None = attrs.field(default=None, validator=_optional_str)

    @text.validator
    def _check_text(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not isinstance(value, str):
            raise FieldError("Source", "text", "a str or None", value)


# --- claims ---------------------------------------------------------------------------------


@attrs.frozen(slots=True, kw_only=True)
class Qualifier:
    """A qualifier that narrows a claim's scope (Wikidata's qualifiers): ``scope`` →
    ``in a speaking scene``; ``country`` → ``US``."""

    key: str = attrs.field(validator=_nonempty)
    value: str = attrs.field(validator=_nonempty)

    def __str__(self) -> str:
        return f"{self.key}={self.value}"


@attrs.frozen(slots=True, kw_only=True)
class Excerpt:
    """The verbatim words of a source that a claim rests on, and where they are in its text.

    ``start``/``end`` are character offsets into the source's ``text`` when known.
    """

    text: str = attrs.field(validator=_nonempty)
    start: int | None = attrs.field(default=None, validator=_positive_int)
    end: int | None = attrs.field(default=None, validator=_positive_int)

    def __attrs_post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise FieldError(
                "Excerpt", "end", "start and end given together", (self.start, self.end)
            )
        if self.start is not None and self.end is not None and self.end < self.start:
            raise FieldError("Excerpt", "end", f"an offset >= start ({self.start})", self.end)


def _value_check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, _VALUE_TYPES) and not isinstance(value, bool):
        raise FieldError(
            "Claim",
            "value",
            "a typed value (PartialDate, DateInterval, Duration, Money, Quantity, EntityRef, "
            "Text, int or bool) — wrap strings in Text or parse them by kind",
            value,
        )


def _qualifiers_check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not all(isinstance(q, Qualifier) for q in value):
        raise FieldError("Claim", "qualifiers", "a tuple of Qualifier", value)
    keys = [q.key for q in value]
    if len(set(keys)) != len(keys):
        raise FieldError("Claim", "qualifiers", "each qualifier key once", keys)


@attrs.frozen(slots=True, kw_only=True)
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

    id: EntityRef = _id_field("claim")
    subject: EntityRef = attrs.field(validator=_instance(EntityRef, "an EntityRef"))
    property: str = attrs.field(validator=_nonempty)
    value: Value = attrs.field(validator=_value_check)
    source: EntityRef = attrs.field(validator=_ref("source"))
    qualifiers: tuple[Qualifier, ...] = attrs.field(
        factory=tuple, converter=_as_tuple, validator=_qualifiers_check
    )
    stance: Stance = attrs.field(default=Stance.ASSERTS, validator=_instance(Stance, "a Stance"))
    excerpt: Excerpt | None = _opt(Excerpt, "an Excerpt")
    attributed_to: EntityRef | None = attrs.field(
        default=None, validator=_ref("person", optional=True)
    )
    via: tuple[EntityRef, ...] = _refs_field("source")
    valid_at: PartialDate | None = _opt(PartialDate, "a PartialDate")
    rank: Rank = attrs.field(default=Rank.NORMAL, validator=_instance(Rank, "a Rank"))
    note: str | None = attrs.field(default=None, validator=_optional_str)

    def qualifier(self, key: str) -> str | None:
        """The value of qualifier ``key``, or None."""
        for q in self.qualifiers:
            if q.key == key:
                return q.value
        return None


#: Every entity model, by its ``entity_kind``.
Entity = Film | Person | Character | Credit | Scene | Quote | Source | Claim
ENTITY_MODELS: dict[str, type[Any]] = {
    m.entity_kind: m for m in (Film, Person, Character, Credit, Scene, Quote, Source, Claim)
}
