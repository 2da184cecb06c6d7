"""A TMDb movie read by :mod:`._tmdb_movie` into the film's identity and claims, and its
cast and crew into people, characters, credits and claims.

Budget, revenue and runtime of ``0`` are TMDb's way of saying *unknown*: they make no
claim.  A character written ``Woody (voice)``, ``Pedestrian (uncredited)`` or
``Ray (as Joe Smith)`` is read by TMDb's convention: the role is ``Woody``, and the voice,
uncredited and credited-as marks go on the credit (the claim's note says so, its excerpt
keeps what was written).
"""

from __future__ import annotations

import re
from collections import Counter

from filmlore.importers._context import ImportContext
from filmlore.importers._ids import film_ref, person_ref, slug
from filmlore.importers._tmdb_movie import CastMember, CrewMember, Movie, Said
from filmlore.models import (
    Character,
    Credit,
    ExternalIds,
    Film,
    Person,
    Qualifier,
    RoleKind,
)
from filmlore.values.ids import ImdbId, MovieLensId, TmdbId
from filmlore.values.quantities import Duration, Money, Quantity
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

__all__ = ["Links", "claim_movie", "film_entity", "identify"]

#: Crew jobs that make a claim, by TMDb's job name.
_JOB_PROPERTY = {
    "Director": "director",
    "Screenplay": "screenwriter",
    "Writer": "screenwriter",
    "Teleplay": "screenwriter",
    "Producer": "producer",
    "Original Music Composer": "composer",
    "Music": "composer",
    "Composer": "composer",
    "Director of Photography": "director_of_photography",
    "Cinematography": "director_of_photography",
    "Editor": "film_editor",
}
_JOB_ROLE = {
    "Director": RoleKind.DIRECTOR,
    "Producer": RoleKind.PRODUCER,
    "Executive Producer": RoleKind.EXECUTIVE_PRODUCER,
    "Original Music Composer": RoleKind.COMPOSER,
    "Music": RoleKind.COMPOSER,
    "Composer": RoleKind.COMPOSER,
    "Director of Photography": RoleKind.CINEMATOGRAPHER,
    "Cinematography": RoleKind.CINEMATOGRAPHER,
    "Editor": RoleKind.EDITOR,
    "Production Design": RoleKind.PRODUCTION_DESIGNER,
    "Costume Design": RoleKind.COSTUME_DESIGNER,
    "Casting": RoleKind.CASTING,
}
_DEPARTMENT_ROLE = {"Writing": RoleKind.WRITER, "Sound": RoleKind.SOUND}
_SELF = frozenset(("himself", "herself", "themselves", "themself", "self", "yourself"))
# A mark at the end of a character: "(voice)", "(uncredited)", "(as Joe Smith)".
_MARK = re.compile(r"\s*\((voice|uncredited|as\s+[^()]*[^()\s])\)\s*$", re.IGNORECASE)
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~+-]*")
_USD = "USD"


class Links:
    """A MovieLens ``links.csv`` read as TMDb id → (movieId, IMDb id) pairs, to give films
    the IMDb and MovieLens ids their own record lacks."""

    def __init__(self) -> None:
        self.by_tmdb: dict[int, list[tuple[int, ImdbId | None]]] = {}
        self.used: set[int] = set()

    def add(self, movielens: int, imdb: ImdbId | None, tmdb: int) -> None:
        """One link."""
        self.by_tmdb.setdefault(tmdb, []).append((movielens, imdb))

    def __len__(self) -> int:
        return len(self.by_tmdb)

    def resolve(self, ctx: ImportContext, movie: Movie) -> tuple[ImdbId | None, MovieLensId | None]:
        """The IMDb and MovieLens ids of ``movie``: its own IMDb id wins over a link's (the
        disagreement is noted); without one, the links' when they name one IMDb id."""
        links = self.by_tmdb.get(movie.tmdb)
        if not links:
            return movie.imdb, None
        self.used.add(movie.tmdb)
        own = movie.imdb
        if own is not None:
            agree = [m for m, i in links if i == own]
            others = [(m, i) for m, i in links if i is not None and i != own]
            if others and not agree:
                listed = ", ".join(f"{i} (movieId {m})" for m, i in others)
                ctx.note(
                    "links disagree",
                    f"links.csv links TMDb id {movie.tmdb} to {listed}, but the movie's own "
                    f"imdb_id is {own}: the film keeps {own} and no MovieLens id",
                    movie.place.location("imdb_id"),
                )
            return own, MovieLensId(agree[0]) if len(agree) == 1 else None
        imdbs = {i for _, i in links if i is not None}
        movielens = MovieLensId(links[0][0]) if len(links) == 1 else None
        if len(imdbs) > 1:
            ctx.note(
                "links ambiguous",
                f"links.csv links TMDb id {movie.tmdb} to {len(imdbs)} IMDb ids "
                f"({', '.join(sorted(str(i) for i in imdbs))}): none is taken",
                movie.place.location("id"),
            )
            return None, movielens
        return (imdbs.pop() if imdbs else None), movielens


def identify(ctx: ImportContext, movie: Movie, links: Links) -> tuple[EntityRef, ExternalIds]:
    """The film's id (``film:tt…`` with an IMDb id, else ``film:tmdb-<id>``) and its
    outside ids."""
    imdb, movielens = links.resolve(ctx, movie)
    tmdb = TmdbId(movie.tmdb)
    ids = ExternalIds(imdb=imdb, tmdb=tmdb, wikidata=movie.wikidata, movielens=movielens)
    return film_ref(imdb=imdb, wikidata=movie.wikidata, tmdb=tmdb), ids


def film_entity(ctx: ImportContext, movie: Movie, ref: EntityRef, ids: ExternalIds) -> None:
    """The film, when the record names it (a title or original title)."""
    name = movie.name
    if ctx.columns is not None or name is None or ctx.has(ref):
        return
    year = movie.release_date.value.year if movie.release_date is not None else None
    # a repair of the title is noted on its title claim
    ctx.entity(Film(id=ref, title=Text(ctx.fix_text(name)[0]), year=year, ids=ids))


def _fixed(ctx: ImportContext, text: str, movie: Movie, path: str) -> tuple[str, str | None]:
    """``text`` repaired when ``repair_text`` is on, and the repair noted."""
    fixed, note = ctx.fix_text(text)
    if note is not None:
        ctx.note("mojibake", note, movie.place.location(path))
    return fixed, note


def _text(
    ctx: ImportContext,
    film: EntityRef,
    prop: str,
    movie: Movie,
    said: Said[str],
    *,
    lang: str | None = None,
) -> None:
    value, note = ctx.fix_text(said.value)
    if note is not None:
        ctx.note("mojibake", note, movie.place.location(said.path))
    ctx.claim(
        film,
        prop,
        Text(value, lang=lang),
        text=said.text,
        locator=movie.place.locator(said.path),
        note=note,
    )


def _lang(movie: Movie) -> str | None:
    said = movie.original_language
    code = said.value.lower() if said is not None else None
    return code if code is not None and re.fullmatch(r"[a-z]{2,3}", code) else None


def claim_movie(ctx: ImportContext, movie: Movie, film: EntityRef) -> None:
    """Every claim the movie's fields make, and its cast and crew."""
    place = movie.place

    def claim(prop: str, said: Said[object], value: object, *quals: Qualifier) -> None:
        ctx.claim(
            film, prop, value, text=said.text, locator=place.locator(said.path), qualifiers=quals
        )

    if movie.title is not None:
        _text(ctx, film, "title", movie, movie.title)
    if movie.original_title is not None:
        _text(ctx, film, "original_title", movie, movie.original_title, lang=_lang(movie))
    if movie.original_language is not None:
        claim("original_language", movie.original_language, Text(movie.original_language.value))
    if movie.release_date is not None:
        claim("release_date", movie.release_date, movie.release_date.value)
    if movie.runtime is not None and movie.runtime.value:
        claim("duration", movie.runtime, Duration(amount=movie.runtime.value, unit="min"))
    if movie.budget is not None and movie.budget.value:
        claim("cost", movie.budget, Money(amount=movie.budget.value, currency=_USD))
    if movie.revenue is not None and movie.revenue.value:
        money = Money(amount=movie.revenue.value, currency=_USD)
        claim("box_office", movie.revenue, money, Qualifier(key="region", value="worldwide"))
    for prop, listed in (
        ("genre", movie.genres),
        ("keyword", movie.keywords),
        ("production_company", movie.companies),
    ):
        for said in listed:
            _text(ctx, film, prop, movie, said)
    for said in movie.countries:
        claim("country_of_origin", said, Text(said.value))
    for said in movie.languages:
        claim("spoken_language", said, Text(said.value))
    if movie.tagline is not None:
        _text(ctx, film, "tagline", movie, movie.tagline)
    if movie.overview is not None:
        _text(ctx, film, "description", movie, movie.overview)
    votes = movie.vote_count
    if votes is not None:
        claim("vote_count", votes, votes.value)
    rating = movie.vote_average
    if rating is not None and (votes.value > 0 if votes is not None else rating.value > 0):
        claim(
            "user_rating", rating, Quantity(amount=rating.value), Qualifier(key="scale", value="10")
        )
    if movie.collection is not None:
        series = EntityRef("work", f"tmdb-collection-{movie.collection.value}")
        claim("part_of_series", movie.collection, series)
    if movie.cast:
        _cast(ctx, movie, film)
    if movie.crew:
        _crew(ctx, movie, film)


# --- cast and crew ----------------------------------------------------------------------------


def read_role(character: str) -> tuple[str | None, bool, bool, str | None]:
    """A TMDb character read by its marks: the role's name (None when only marks), voice,
    uncredited, and the name the actor is credited as.

    >>> read_role("Woody (voice)")
    ('Woody', True, False, None)
    >>> read_role("Bank Teller (as Joe Smith) (uncredited)")
    ('Bank Teller', False, True, 'Joe Smith')
    """
    name = character.strip()
    voice = uncredited = False
    credited: str | None = None
    while True:
        match = _MARK.search(name)
        if match is None:
            break
        mark = match[1]
        if mark.lower() == "voice":
            voice = True
        elif mark.lower() == "uncredited":
            uncredited = True
        else:
            credited = mark[2:].strip()
        name = name[: match.start()].rstrip()
    return name or None, voice, uncredited, credited


def _person(ctx: ImportContext, movie: Movie, path: str, tmdb: int, name: str) -> EntityRef:
    ref = person_ref(tmdb=tmdb)
    if ctx.columns is None and not ctx.has(ref):
        fixed, _ = _fixed(ctx, name, movie, f"{path}.name")
        ctx.entity(Person(id=ref, name=fixed, ids=ExternalIds(tmdb=TmdbId(tmdb))))
    return ref


def _credit_ref(film: EntityRef, credit_id: str | None, path: str) -> EntityRef:
    if credit_id is not None and _KEY.fullmatch(credit_id):
        return EntityRef("credit", f"tmdb-{credit_id}")
    return EntityRef("credit", f"{film.key}-{slug(path)}")


def _billing(ctx: ImportContext, movie: Movie) -> set[int]:
    """The orders given to more than one cast member (their billing is left out: the data
    set does not say who comes first)."""
    counts = Counter(m.order for m in movie.cast if m.order is not None)
    shared = {order for order, n in counts.items() if n > 1}
    for order in sorted(shared):
        names = [m.name for m in movie.cast if m.order == order]
        first = next(m for m in movie.cast if m.order == order)
        ctx.note(
            "shared billing",
            f"cast order {order} is given to {len(names)} people ({', '.join(names)}): "
            "their credits have no billing",
            movie.place.location(f"{first.path}.order"),
        )
    return shared


def _cast(ctx: ImportContext, movie: Movie, film: EntityRef) -> None:
    place = movie.place
    shared = _billing(ctx, movie)
    read: list[tuple[CastMember, EntityRef, str | None, bool, bool, str | None, str | None]] = []
    characters: dict[EntityRef, tuple[str, list[EntityRef]]] = {}
    for member in movie.cast:
        person = _person(ctx, movie, member.path, member.person, member.name)
        written, repair = _fixed(ctx, member.character or "", movie, f"{member.path}.character")
        role, voice, uncredited, credited = read_role(written)
        read.append((member, person, role, voice, uncredited, credited, repair))
        if role is not None and role.lower() not in _SELF:
            ref = EntityRef("character", f"{film.key}-{slug(role)}")
            name, played = characters.setdefault(ref, (role, []))
            if person not in played:
                played.append(person)
    if ctx.columns is None:
        for ref, (name, played) in characters.items():
            ctx.entity(Character(id=ref, film=film, name=name, played_by=tuple(played)))
    for member, person, role, voice, uncredited, credited, repair in read:
        character = None
        if role is not None and role.lower() not in _SELF:
            character = EntityRef("character", f"{film.key}-{slug(role)}")
        if ctx.columns is None:
            ctx.entity(
                Credit(
                    id=_credit_ref(film, member.credit_id, member.path),
                    film=film,
                    person=person,
                    role=RoleKind.CAST,
                    character=character,
                    credited_as=credited,
                    billing=None if member.order in shared else member.order,
                    uncredited=uncredited,
                    voice=voice,
                )
            )
        note = None
        if member.character is not None and (voice or uncredited or credited):
            marks = [m for m, on in (("voice", voice), ("uncredited", uncredited)) if on]
            if credited:
                marks.append(f"credited as {credited!r}")
            note = (
                f"character written {member.character!r}: role {role!r}, {', '.join(marks)}"
                if role
                else f"character written {member.character!r}: {', '.join(marks)}"
            )
        if repair is not None:
            note = f"{note}; {repair}" if note else repair
        quals = (Qualifier(key="character_role", value=role),) if role else ()
        ctx.claim(
            film,
            "cast_member",
            person,
            text=member.name,
            locator=place.locator(f"{member.path}.name"),
            qualifiers=quals,
            note=note,
        )


def _role_of(member: CrewMember) -> RoleKind:
    job = member.job or ""
    found = _JOB_ROLE.get(job)
    if found is not None:
        return found
    if "stunt" in job.lower():
        return RoleKind.STUNTS
    return _DEPARTMENT_ROLE.get(member.department or "", RoleKind.CREW)


def _crew(ctx: ImportContext, movie: Movie, film: EntityRef) -> None:
    place = movie.place
    for member in movie.crew:
        person = _person(ctx, movie, member.path, member.person, member.name)
        if ctx.columns is None:
            ctx.entity(
                Credit(
                    id=_credit_ref(film, member.credit_id, member.path),
                    film=film,
                    person=person,
                    role=_role_of(member),
                    department=member.department,
                    job=member.job,
                )
            )
        prop = _JOB_PROPERTY.get(member.job or "")
        if prop is not None:
            ctx.claim(
                film, prop, person, text=member.name, locator=place.locator(f"{member.path}.name")
            )
