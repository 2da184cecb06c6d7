"""One TMDb movie record, read into typed fields: a row of a movies, keywords or credits
table, or one movie of the API.

:func:`read_movie` reads every field a record has and collects every problem at once, so
that a bad row is rejected with all its reasons; :mod:`filmlore.importers._tmdb_claims`
turns a movie read into the film's claims, people, characters and credits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Generic, TypeVar

import attrs

from filmlore.errors import Location
from filmlore.importers import _tmdb_cells as cells
from filmlore.importers._context import ImportContext
from filmlore.importers._tmdb_cells import Bad
from filmlore.values.dates import PartialDate
from filmlore.values.ids import ImdbId, WikidataId

__all__ = ["CastMember", "CrewMember", "Fields", "Movie", "Place", "Said", "read_movie"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

#: A record's fields by TMDb's name: where each is (its path below the record) and its
#: value (a CSV cell's text, or a JSON value).
Fields = Mapping[str, tuple[str, Any]]


@attrs.frozen
class Place:
    """Where a record is: its file, its line (None in a JSON document) and its path in the
    file (``$``, or ``$[3]`` for the fourth movie of a JSON list)."""

    file: str
    line: int | None = None
    prefix: str = "$"

    def path(self, sub: str = "") -> str:
        """The ``$.path`` of a field of the record."""
        return f"{self.prefix}.{sub}" if sub else self.prefix

    def locator(self, sub: str) -> str:
        """A field's locator: ``file:line$.path``, or ``file$.path`` without a line."""
        at = self.file if self.line is None else f"{self.file}:{self.line}"
        return at + self.path(sub)

    def location(self, sub: str = "") -> Location:
        """A field's :class:`~filmlore.Location`."""
        return Location(file=self.file, line=self.line, path=self.path(sub))


@attrs.frozen
class Said(Generic[T_co]):
    """A value read, where it was (``runtime``, ``genres[1].name``) and as it was written."""

    path: str
    text: str
    value: T_co


@attrs.frozen
class CastMember:
    """One entry of a cast list."""

    path: str
    person: int
    name: str
    character: str | None
    order: int | None
    credit_id: str | None


@attrs.frozen
class CrewMember:
    """One entry of a crew list."""

    path: str
    person: int
    name: str
    job: str | None
    department: str | None
    credit_id: str | None


@attrs.define
class Movie:
    """What one record says about one film (every field optional but its TMDb id)."""

    place: Place
    tmdb: int
    imdb: ImdbId | None = None
    wikidata: WikidataId | None = None
    title: Said[str] | None = None
    original_title: Said[str] | None = None
    original_language: Said[str] | None = None
    release_date: Said[PartialDate] | None = None
    runtime: Said[Decimal] | None = None
    budget: Said[Decimal] | None = None
    revenue: Said[Decimal] | None = None
    vote_average: Said[Decimal] | None = None
    vote_count: Said[int] | None = None
    tagline: Said[str] | None = None
    overview: Said[str] | None = None
    #: The collection's TMDb id, written as its name.
    collection: Said[int] | None = None
    genres: list[Said[str]] = attrs.field(factory=list)
    keywords: list[Said[str]] = attrs.field(factory=list)
    companies: list[Said[str]] = attrs.field(factory=list)
    countries: list[Said[str]] = attrs.field(factory=list)
    languages: list[Said[str]] = attrs.field(factory=list)
    cast: list[CastMember] = attrs.field(factory=list)
    crew: list[CrewMember] = attrs.field(factory=list)

    @property
    def name(self) -> str | None:
        """The title the film is known by here: its title, else its original title."""
        said = self.title or self.original_title
        return said.value if said is not None else None


# The Movies Dataset's broken records: a line break inside an unquoted overview split a
# record in two, so the second half's cells sit nine columns to the left (an overview's end
# under `adult`, a release date under `id`).  Re-saved by pandas, such a row has every cell.
_SHIFTED = (
    ": the row's cells look shifted to the left, as in a record broken across two lines "
    "(an overview's end under adult, a release date under id)"
)


class _Reader:
    """Reads the fields of one record, keeping every problem."""

    def __init__(self, fields: Fields, ctx: ImportContext, place: Place) -> None:
        self.fields = fields
        self.ctx = ctx
        self.place = place
        self.problems: list[Bad] = []
        #: What was read but left or changed: (kind, path, message).
        self.notes: list[tuple[str, str, str]] = []

    def get(self, name: str, read: Callable[[Any, str], T]) -> T | None:
        found = self.fields.get(name)
        if found is None:
            return None
        path, value = found
        try:
            return read(value, path)
        except Bad as bad:
            self.problems.append(bad)
            return None

    def said(self, name: str, read: Callable[[Any, str], T | None]) -> Said[T] | None:
        found = self.fields.get(name)
        if found is None:
            return None
        path, value = found
        try:
            parsed = read(value, path)
        except Bad as bad:
            self.problems.append(bad)
            return None
        if parsed is None:
            return None
        return Said(path, cells.written(value), parsed)

    def date(self, name: str) -> Said[PartialDate] | None:
        def read(value: Any, path: str) -> PartialDate | None:
            written = cells.text(value, path)
            if written is None:
                return None
            try:
                return self.ctx.date(written.strip())
            except ValueError as exc:
                raise Bad(path, str(exc)) from None

        return self.said(name, read)

    def names(self, name: str, key: str, *, code: bool = False) -> list[Said[str]]:
        """The ``key`` of each mapping of a list column (``genres[1].name``)."""
        found = self.fields.get(name)
        if found is None:
            return []
        path, value = found
        try:
            listed = cells.items(value, path)
        except Bad as bad:
            self.problems.append(bad)
            return []
        out = []
        for at, item in listed:
            word = item.get(key)
            where = f"{at}.{key}"
            if not isinstance(word, str):
                self.problems.append(Bad(where, f"expected a {key} (text), got {_of(item, key)}"))
                continue
            if not word.strip():  # a blank entry of a list: absent, and said
                self.notes.append(("blank entries", where, f"{word!r}: a blank {key}, left out"))
                continue
            if code and word.strip() == "xx":
                continue  # TMDb's "No Language": no language to claim
            out.append(Said(where, word, word.strip() if code else word))
        return out

    def collection(self, name: str) -> Said[int] | None:
        found = self.fields.get(name)
        if found is None:
            return None
        path, value = found
        try:
            held = cells.mapping(value, path)
            if held is None:
                return None
            number = cells.item_id(held.get("id"), f"{path}.id")
            title = cells.text(held.get("name"), f"{path}.name")
        except Bad as bad:
            self.problems.append(bad)
            return None
        if title is None:
            self.problems.append(Bad(f"{path}.name", "expected the collection's name"))
            return None
        return Said(f"{path}.name", title, number)

    def people(self, name: str) -> list[tuple[str, dict[str, Any], int, str, str | None]]:
        """Each entry of a cast or crew list: its path, the mapping, the person's TMDb id
        and name, and its credit id."""
        found = self.fields.get(name)
        if found is None:
            return []
        path, value = found
        try:
            listed = cells.items(value, path)
        except Bad as bad:
            self.problems.append(bad)
            return []
        out = []
        for at, item in listed:
            try:
                person = cells.item_id(item.get("id"), f"{at}.id")
                who = cells.text(item.get("name"), f"{at}.name")
                if who is None:
                    raise Bad(f"{at}.name", f"expected the person's name, got {_of(item, 'name')}")
                credit = cells.text(item.get("credit_id"), f"{at}.credit_id")
            except Bad as bad:
                self.problems.append(bad)
                continue
            out.append((at, item, person, who, credit))
        return out

    def cast(self, name: str) -> list[CastMember]:
        out = []
        for at, item, person, who, credit in self.people(name):
            try:
                character = cells.text(item.get("character"), f"{at}.character")
                order = cells.whole(item.get("order"), f"{at}.order")
            except Bad as bad:
                self.problems.append(bad)
                continue
            out.append(CastMember(at, person, who, character, order, credit))
        return out

    def crew(self, name: str) -> list[CrewMember]:
        out = []
        for at, item, person, who, credit in self.people(name):
            try:
                job = cells.text(item.get("job"), f"{at}.job")
                department = cells.text(item.get("department"), f"{at}.department")
            except Bad as bad:
                self.problems.append(bad)
                continue
            out.append(CrewMember(at, person, who, job, department, credit))
        return out


def _of(item: Mapping[str, Any], key: str) -> str:
    return cells.short(item[key]) if key in item else "none"


def _language(value: Any, path: str) -> str | None:
    code = cells.text(value, path)
    return None if code is None or code.strip() == "xx" else code.strip()


def read_movie(
    fields: Fields, ctx: ImportContext, place: Place, *, needs_title: bool = False
) -> tuple[Movie | None, list[Bad], list[tuple[str, str, str]]]:
    """The movie a record's ``fields`` hold, every problem found, and notes of what was
    repaired or left on the way (a kind, a path and a message).  ``needs_title``: a movie
    record (not a keywords or credits row) must give a title or an original title.  With a
    problem the movie is None: the record is rejected whole."""
    r = _Reader(fields, ctx, place)
    notes = r.notes
    if "adult" in fields:  # The Movies Dataset: its flag tells a shifted row at once
        path, value = fields["adult"]
        try:
            cells.flag(value, path)
        except Bad as bad:
            r.problems.append(Bad(bad.path, bad.message + _SHIFTED))
    tmdb = None
    found = fields.get("id")
    if found is None or cells.written(found[1]).strip() == "":
        r.problems.append(Bad(found[0] if found else "id", "no TMDb id: the row names no film"))
    else:
        try:
            tmdb, note = cells.number_id(found[1], found[0])
            if note is not None:
                notes.append(("spreadsheet ids", found[0], note))
        except Bad as bad:
            r.problems.append(bad)
    imdb = None
    if "imdb_id" in fields:
        path, value = fields["imdb_id"]
        try:
            imdb, note = cells.imdb_id(value, path)
            if note is not None:
                notes.append(("spreadsheet ids", path, note))
        except Bad as bad:
            r.problems.append(bad)
    movie = Movie(
        place=place,
        tmdb=tmdb or 1,
        imdb=imdb,
        wikidata=r.get("wikidata_id", cells.wikidata_id),
        title=r.said("title", cells.text),
        original_title=r.said("original_title", cells.text),
        original_language=r.said("original_language", _language),
        release_date=r.date("release_date"),
        runtime=r.said("runtime", cells.amount),
        budget=r.said("budget", cells.amount),
        revenue=r.said("revenue", cells.amount),
        vote_average=r.said("vote_average", cells.amount),
        vote_count=r.said("vote_count", cells.whole),
        tagline=r.said("tagline", cells.text),
        overview=r.said("overview", cells.text),
        collection=r.collection("belongs_to_collection"),
        genres=r.names("genres", "name"),
        keywords=r.names("keywords", "name"),
        companies=r.names("production_companies", "name"),
        countries=r.names("production_countries", "iso_3166_1", code=True),
        languages=r.names("spoken_languages", "iso_639_1", code=True),
        cast=r.cast("cast"),
        crew=r.crew("crew"),
    )
    if needs_title and not r.problems and movie.name is None:
        r.problems.append(Bad("title", "no title: neither title nor original_title is given"))
    if r.problems or tmdb is None:
        return None, r.problems, notes
    return movie, [], notes
