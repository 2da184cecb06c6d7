"""schema.org JSON-LD: ``Movie`` (and ``TVSeries``, ``TVEpisode``), ``Person``, ``Review`` and
``ClaimReview`` nodes, from a JSON-LD file (an object, an array or an ``@graph``) or from the
``<script type="application/ld+json">`` blocks of a saved web page.

The page is the source of its claims: a database record when it is a page of a film database
(IMDb, TMDb, Rotten Tomatoes, Letterboxd …), else an article; its url is the page's canonical
link (or its ``WebPage`` node's, or its first node's ``url``).  Each claim's locator is the
file, the script block's line for a page, and the JSON path: ``heat.html:12$.actor[0]``.

A ``Movie`` is a :class:`~filmlore.Film` whose id comes from the IMDb, Wikidata or TMDb URL
among its ``@id``, ``url`` and ``sameAs`` (else its name and year); its fields are claims.
Each person named (``director``, ``actor``, ``author``/``creator`` as writers, ``producer``,
``musicBy``) is a :class:`~filmlore.Person` with a credit; an actor in a ``PerformanceRole``
plays the character of its ``characterName`` (a ``character_role`` qualifier and a
:class:`~filmlore.Character`).  A ``Review`` is a source of its own (a user review when a
database page carries it, else a critic's review) holding an ``assessment`` of the film; a
``ClaimReview`` is a fact-check: an ``assessment`` (its verdict) of the source where the
claim appeared, by the fact-checker's article.

A value schema.org does not allow (a ``duration`` of ``"long"``) rejects that field with its
path; the rest of the node is kept.  Fields that are not film facts (``image``, ``trailer``,
``potentialAction``) are skipped; any other field filmlore does not read is noted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from filmlore.errors import Location, ParseError
from filmlore.importers._context import ImportContext
from filmlore.importers._files import decode_error, open_text, peek
from filmlore.importers._ids import film_ref, person_ref, slug
from filmlore.importers._jsonld_page import (
    as_list,
    filled,
    is_schema_org,
    iso_date,
    iso_duration,
    lang_tag,
    literal,
    number,
    outside_ids,
    page_source,
    paths,
    quiet_date,
    read_page,
    types,
    unescape,
)
from filmlore.importers._registry import Importer
from filmlore.models import (
    Character,
    Credit,
    ExternalIds,
    Film,
    Person,
    Qualifier,
    RoleKind,
    Source,
    SourceKind,
)
from filmlore.values.dates import PartialDate
from filmlore.values.quantities import Duration, Quantity
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

__all__ = ["IMPORTER"]

_PEEK = 1 << 16
_FILM_TYPES = frozenset(("Movie", "TVSeries", "TVEpisode", "TVSeason", "MovieSeries"))
_REVIEW_TYPES = frozenset(("Review", "CriticReview", "UserReview", "EmployerReview"))
#: Nodes that describe the page or the site, not a film.
_PAGE_TYPES = frozenset(
    ("WebPage", "ItemPage", "WebSite", "BreadcrumbList", "Organization", "ImageObject",
     "VideoObject", "SearchAction", "SiteNavigationElement", "CollectionPage", "AboutPage")
)  # fmt: skip
#: A film node's fields that are not facts about the film.
_FURNITURE = frozenset(
    ("@context", "@type", "@id", "url", "sameAs", "image", "trailer", "thumbnailUrl",
     "thumbnail", "potentialAction", "mainEntityOfPage")
)  # fmt: skip
#: People fields: the property and the credit's role.
_PEOPLE = {
    "director": ("director", RoleKind.DIRECTOR),
    "directors": ("director", RoleKind.DIRECTOR),
    "actor": ("cast_member", RoleKind.CAST),
    "actors": ("cast_member", RoleKind.CAST),
    "author": ("screenwriter", RoleKind.WRITER),
    "creator": ("screenwriter", RoleKind.WRITER),
    "producer": ("producer", RoleKind.PRODUCER),
    "musicBy": ("composer", RoleKind.COMPOSER),
}
#: People fields whose organisations are production companies.
_COMPANY_TOO = frozenset(("author", "creator", "producer"))
#: Text fields: the property each value is a claim of.
_TEXTS = {
    "alternateName": "alternative_title",
    "genre": "genre",
    "contentRating": "content_rating",
    "description": "description",
    "keywords": "keyword",
    "inLanguage": "original_language",
    "countryOfOrigin": "country_of_origin",
    "productionCompany": "production_company",
}
_DATES = {"datePublished": "release_date", "dateCreated": "production_date"}
_INTEGERS = {"episodeNumber": "episode_number", "seasonNumber": "season_number"}


def recognises(path: Path) -> bool:
    """A ``.jsonld`` file, or JSON or HTML holding schema.org JSON-LD."""
    if path.is_dir():
        return False
    head = peek(path, _PEEK).lstrip(" \t\r\n")
    if head.startswith("<"):
        return "application/ld+json" in head.lower() and "schema.org" in head
    if not head.startswith(("{", "[")):
        return False
    return path.name.lower().endswith((".jsonld", ".jsonld.gz", ".jsonld.bz2")) or (
        '"@context"' in head and "schema.org" in head
    )


class _Page:
    """Reads the nodes of one page into a context."""

    def __init__(self, ctx: ImportContext, label: str, source: Source) -> None:
        self.ctx = ctx
        self.label = label
        self.source = source
        self.database = source.kind is SourceKind.DATABASE
        self.line: int | None = None
        self.index: dict[str, dict[str, Any]] = {}
        self.films: dict[int, EntityRef | None] = {}
        self.people: dict[int, EntityRef | None] = {}

    # --- where ----------------------------------------------------------------------------

    def at(self, path: str) -> Location:
        return Location(file=self.label, line=self.line, path=path)

    def locator(self, path: str) -> str:
        where = self.label if self.line is None else f"{self.label}:{self.line}"
        return f"{where}{path}"

    def reject(self, value: Any, path: str, message: str) -> None:
        self.ctx.reject(value, self.at(path), message)

    # --- values ---------------------------------------------------------------------------

    def resolve(self, value: Any) -> Any:
        """A node given by reference (``{"@id": …}``) as the node of the page with that id."""
        if isinstance(value, dict) and "@id" in value and len(value) <= 2:
            found = self.index.get(str(value["@id"]))
            if found is not None and found is not value:
                return found
        return value

    def text(
        self, value: Any, path: str, *, quiet: bool = False
    ) -> tuple[str, str, str | None, str | None] | None:
        """``(text, as written, language, note)`` of a literal, or of a node's ``name``;
        a repair is noted on the load unless ``quiet`` (the text is also read elsewhere)."""
        value = self.resolve(value)
        if isinstance(value, dict) and "@value" not in value:
            value = value.get("name")
            if isinstance(value, list):
                value = value[0] if value else None
        found = literal(value)
        if found is None or not found[0].strip():
            return None
        raw, lang = found
        clean, note = unescape(raw)
        if note is not None and not quiet:
            self.ctx.note("HTML character references", note, self.at(path))
        fixed, repaired = self.ctx.fix_text(clean)
        if repaired is not None:
            if not quiet:
                self.ctx.note("mojibake", repaired, self.at(path))
            note = f"{note}; {repaired}" if note else repaired
        return fixed.strip(), raw, lang, note

    def urls(self, node: dict[str, Any]) -> list[str]:
        found = [node.get("@id"), node.get("url"), *as_list(node.get("sameAs"))]
        return [u for u in found if isinstance(u, str)]

    def claim(
        self,
        subject: EntityRef,
        prop: str,
        value: Any,
        raw: str,
        path: str,
        *,
        qualifiers: tuple[Qualifier, ...] = (),
        note: str | None = None,
        source: Source | None = None,
    ) -> None:
        self.ctx.claim(
            subject,
            prop,
            value,
            text=raw,
            locator=self.locator(path),
            qualifiers=qualifiers,
            note=note,
            source=source or self.source,
        )

    def date(self, value: Any, path: str) -> tuple[PartialDate, str, str | None] | None:
        """A schema.org date; another way of writing a date is read with the caller's date
        order (and noted); anything else rejects the field."""
        found = literal(value)
        if found is None:
            self.reject(value, path, "an ISO 8601 date such as '1995-12-15'")
            return None
        raw = found[0]
        date = iso_date(raw)
        if date is not None:
            return date, raw, None
        try:
            date = self.ctx.date(raw)
        except ParseError as exc:
            self.reject(raw, path, f"an ISO 8601 date such as '1995-12-15': {exc}")
            return None
        note = f"not an ISO 8601 date: {raw!r} read as {date}"
        self.ctx.note("dates not in ISO 8601", note, self.at(path))
        return date, raw, note

    # --- nodes ----------------------------------------------------------------------------

    def node(self, node: Any, path: str) -> None:
        """A top-level node: a film, a person, a review, a fact-check or a list of them."""
        node = self.resolve(node)
        kinds = types(node)
        if kinds & _FILM_TYPES:
            self.film(node, path)
        elif "Person" in kinds:
            self.person(node, path, top=True)
        elif "ClaimReview" in kinds:
            self.claim_review(node, path)
        elif kinds & _REVIEW_TYPES:
            item, item_path = node.get("itemReviewed"), f"{path}.itemReviewed"
            film = self.film(self.resolve(item), item_path) if item is not None else None
            if film is None:
                self.reject(node, item_path, "a Review of a Movie (itemReviewed)")
                return
            self.review(film, node, path, nested=False)
        elif "ItemList" in kinds:
            for element, at in paths(node.get("itemListElement"), f"{path}.itemListElement"):
                element = self.resolve(element)
                if isinstance(element, dict) and "item" in element:
                    self.node(element["item"], f"{at}.item")
                else:
                    self.node(element, at)
        elif not (kinds & _PAGE_TYPES):
            what = ", ".join(sorted(kinds)) or "a node without @type"
            self.ctx.note("nodes not read", f"{what}: not a film, person or review", self.at(path))

    def film(self, node: Any, path: str) -> EntityRef | None:
        if not isinstance(node, dict) or not types(node) & _FILM_TYPES:
            self.reject(node, path, "a Movie node")
            return None
        if id(node) in self.films:
            return self.films[id(node)]
        imdb, wikidata, tmdb = outside_ids(self.urls(node), "film")
        names = [(self.text(v, at), at) for v, at in paths(node.get("name"), f"{path}.name")]
        name = names[0][0] if names else None
        # The year is only for an id of last resort: datePublished is often a re-release.
        published = literal(node.get("datePublished"))
        year_date = iso_date(published[0]) if published is not None else None
        year = year_date.year if year_date is not None else None
        if name is None and imdb is None and wikidata is None and tmdb is None:
            self.films[id(node)] = None
            self.reject(node, path, "a Movie with a name (or an IMDb, Wikidata or TMDb url)")
            return None
        ref = film_ref(
            imdb=imdb, wikidata=wikidata, tmdb=tmdb, title=name[0] if name else None, year=year
        )
        self.films[id(node)] = ref
        # A film named by its url only (a review's itemReviewed) is the film, not a record
        # of it: no entity, but any fact the node gives is still claimed.
        if name is not None and self.ctx.columns is None:
            about = self.text(node.get("description"), f"{path}.description", quiet=True)
            self.ctx.entity(
                Film(
                    id=ref,
                    title=Text(name[0], lang=lang_tag(name[2])),
                    ids=ExternalIds(imdb=imdb, tmdb=tmdb, wikidata=wikidata),
                    description=about[0] if about else None,
                )
            )
        for i, (found, at) in enumerate(names):
            if found is not None:
                self.claim(
                    ref,
                    "title" if i == 0 else "alternative_title",
                    Text(found[0], lang=lang_tag(found[2])),
                    found[1],
                    at,
                    note=found[3],
                )
        for key, value in node.items():
            self.field(ref, key, value, f"{path}.{key}")
        return ref

    def field(self, film: EntityRef, key: str, value: Any, path: str) -> None:
        if key in _FURNITURE or key == "name":
            return
        if key in _PEOPLE:
            for item, at in paths(value, path):
                self.credit(film, key, item, at)
        elif key in _TEXTS:
            prop = _TEXTS[key]
            for item, at in paths(value, path):
                found = self.text(item, at)
                if found is None:
                    self.reject(item, at, f"a text or a node with a name for {key}")
                    continue
                parts = [found[0]]
                if key == "keywords":
                    parts = [p.strip() for p in found[0].split(",") if p.strip()]
                for part in parts:
                    self.claim(film, prop, Text(part), found[1], at, note=found[3])
        elif key in _DATES:
            for item, at in paths(value, path):
                date = self.date(item, at)
                if date is not None:
                    self.claim(film, _DATES[key], date[0], date[1], at, note=date[2])
        elif key == "duration":
            for item, at in paths(value, path):
                self.duration(film, item, at)
        elif key in _INTEGERS:
            whole = number(value)
            if whole is None or whole != whole.to_integral_value() or whole < 0:
                self.reject(value, path, f"a whole number for {key}")
            else:
                self.claim(film, _INTEGERS[key], int(whole), str(value), path)
        elif key == "aggregateRating":
            self.rating(film, self.resolve(value), path)
        elif key == "review":
            for item, at in paths(value, path):
                self.review(film, self.resolve(item), at, nested=True)
        else:
            self.ctx.note("fields not read", f"{key}: not a field filmlore reads", self.at(path))

    def duration(self, film: EntityRef, value: Any, path: str) -> None:
        found = literal(value)
        raw = found[0] if found is not None else json.dumps(value, default=str)
        read = iso_duration(raw) if found is not None else None
        note = None
        if read is None and found is not None:
            try:
                read = Duration.parse(raw)
            except ParseError:
                read = None
            else:
                note = f"not an ISO 8601 duration: {raw!r} read as {read}"
                self.ctx.note("durations not in ISO 8601", note, self.at(path))
        if read is None:
            self.reject(value, path, f"an ISO 8601 duration such as 'PT2H50M', got {raw!r}")
            return
        self.claim(film, "duration", read, raw, path, note=note)

    def rating(self, film: EntityRef, node: Any, path: str) -> None:
        if not isinstance(node, dict):
            self.reject(node, path, "an AggregateRating node")
            return
        value = number(node.get("ratingValue"))
        if value is None or value < 0:
            self.reject(
                node.get("ratingValue"), f"{path}.ratingValue", "a rating written as a number"
            )
        else:
            best, note = self.best(node)
            self.claim(
                film,
                "user_rating",
                Quantity(amount=value),
                str(node.get("ratingValue")),
                f"{path}.ratingValue",
                qualifiers=(Qualifier(key="scale", value=best),),
                note=note,
            )
        count = node.get("ratingCount")
        if count is not None:
            found = number(count)
            if found is None or found != found.to_integral_value() or found < 0:
                self.reject(count, f"{path}.ratingCount", "a count written as a whole number")
            else:
                self.claim(film, "vote_count", int(found), str(count), f"{path}.ratingCount")

    def best(self, node: dict[str, Any]) -> tuple[str, str | None]:
        """A rating's best value, printed; schema.org's default of 5 when none is given."""
        best = number(node.get("bestRating"))
        if best is None:
            return "5", "no bestRating: schema.org's default, 5"
        return str(best), None

    # --- people ---------------------------------------------------------------------------

    def person(self, node: Any, path: str, *, top: bool = False) -> EntityRef | None:
        """A person named by a node or a string; with ``top``, its facts are claims."""
        node = self.resolve(node)
        if isinstance(node, str) or (isinstance(node, dict) and "@value" in node):
            name = self.text(node, path)
            if name is None:
                self.reject(node, path, "a Person or a name")
                return None
            ref = person_ref(name=name[0])
            self.ctx.entity(Person(id=ref, name=name[0]))
            return ref
        if not isinstance(node, dict) or "Person" not in types(node):
            self.reject(node, path, "a Person or a name")
            return None
        if not top and id(node) in self.people:  # a node named again (by its @id)
            return self.people[id(node)]
        imdb, wikidata, tmdb = outside_ids(self.urls(node), "person")
        name = self.text(node.get("name"), f"{path}.name")
        if name is None:
            self.reject(node, path, "a Person with a name")
            self.people[id(node)] = None
            return None
        ref = person_ref(
            imdb=imdb, wikidata=wikidata, tmdb=tmdb.value if tmdb else None, name=name[0]
        )
        self.people[id(node)] = ref
        born, died = quiet_date(node.get("birthDate")), quiet_date(node.get("deathDate"))
        if top:
            self.claim(ref, "name", Text(name[0]), name[1], f"{path}.name", note=name[3])
            for key, prop in (("birthDate", "date_of_birth"), ("deathDate", "date_of_death")):
                if node.get(key) is None:
                    continue
                date = self.date(node[key], f"{path}.{key}")
                if date is not None:
                    self.claim(ref, prop, date[0], date[1], f"{path}.{key}", note=date[2])
            for key, prop in (
                ("description", "description"),
                ("jobTitle", "occupation"),
                ("birthPlace", "place_of_birth"),
                ("alternateName", "name"),
            ):
                for value, at in paths(node.get(key), f"{path}.{key}"):
                    found = self.text(value, at)
                    if found is None:
                        self.reject(value, at, f"a text or a node with a name for {key}")
                    else:
                        self.claim(ref, prop, Text(found[0]), found[1], at, note=found[3])
            known = {"name", "birthDate", "deathDate", "description", "jobTitle", "birthPlace"}
            for key in node:
                if key not in _FURNITURE and key not in known and key != "alternateName":
                    self.ctx.note(
                        "fields not read",
                        f"{key}: not a field filmlore reads",
                        self.at(f"{path}.{key}"),
                    )
        if self.ctx.columns is None:
            aliases = [
                t[0]
                for v, at in paths(node.get("alternateName"), f"{path}.alternateName")
                if (t := literal(v)) is not None and t[0].strip()
            ]
            about = self.text(node.get("description"), f"{path}.description", quiet=True)
            self.ctx.entity(
                Person(
                    id=ref,
                    name=name[0],
                    aliases=tuple(unescape(a)[0].strip() for a in aliases),
                    ids=ExternalIds(imdb=imdb, tmdb=tmdb, wikidata=wikidata),
                    born=born,
                    died=died,
                    description=about[0] if about else None,
                )
            )
        return ref

    def credit(self, film: EntityRef, key: str, value: Any, path: str) -> None:
        """One value of a people field: a person, a role holding people, or a company."""
        prop, role = _PEOPLE[key]
        value = self.resolve(value)
        kinds = types(value)
        if kinds & {"Organization", "Corporation", "MusicGroup"} and "Person" not in kinds:
            if key not in _COMPANY_TOO:
                self.reject(value, path, f"a Person for {key}, not an organisation")
                return
            found = self.text(value, path)
            if found is None:  # IMDb names its companies by url only
                self.ctx.note(
                    "organisations without a name",
                    f"an organisation with no name ({value.get('url') or value.get('@id')})",
                    self.at(path),
                )
                return
            self.claim(film, "production_company", Text(found[0]), found[1], path, note=found[3])
            return
        if kinds & {"PerformanceRole", "Role", "OrganizationRole"}:
            inner = key if key in value else ("actor" if "actor" in value else key)
            character = self.text(value.get("characterName"), f"{path}.characterName")
            named = self.text(value.get("roleName"), f"{path}.roleName")
            extra = (Qualifier(key="role", value=named[0]),) if named else ()
            for person, at in paths(value.get(inner), f"{path}.{inner}"):
                self.person_credit(film, prop, role, person, at, character, path, extra)
            if value.get(inner) is None:
                self.reject(value, path, f"a {', '.join(sorted(kinds))} with the {inner}")
            return
        self.person_credit(film, prop, role, value, path, None, path)

    def person_credit(
        self,
        film: EntityRef,
        prop: str,
        role: RoleKind,
        value: Any,
        path: str,
        character: tuple[str, str, str | None, str | None] | None,
        claim_path: str,
        extra: tuple[Qualifier, ...] = (),
    ) -> None:
        person = self.person(value, path)
        if person is None:
            return
        quals: tuple[Qualifier, ...] = extra
        char_ref = None
        if character is not None and role is RoleKind.CAST:
            quals = (Qualifier(key="character_role", value=character[0]), *extra)
            char_ref = EntityRef("character", f"{film.key}-{slug(character[0])}")
            if self.ctx.columns is None:
                self.ctx.entity(
                    Character(id=char_ref, film=film, name=character[0], played_by=(person,))
                )
        found = literal(self.resolve(value).get("name")) if isinstance(value, dict) else None
        raw = found[0] if found is not None else (value if isinstance(value, str) else "")
        self.claim(film, prop, person, raw or str(person), claim_path, qualifiers=quals)
        if self.ctx.columns is None:
            key = f"{film.key}-{slug(role.value)}-{person.key}"
            if char_ref is not None:
                key += f"-{slug(character[0]) if character else ''}"
            self.ctx.entity(
                Credit(
                    id=EntityRef("credit", key), film=film, person=person, role=role,
                    character=char_ref,
                )
            )  # fmt: skip

    # --- reviews and fact-checks ----------------------------------------------------------

    def names(self, value: Any, path: str) -> list[str]:
        out = []
        for item, at in paths(value, path):
            found = self.text(item, at)
            if found is not None:
                out.append(found[0])
        return out

    def review_source(
        self, node: dict[str, Any], path: str, key: str, kind: SourceKind, title: str | None
    ) -> Source:
        url = filled(node.get("url"))
        ident = slug(url.split("://", 1)[-1])[:60] if url else self.digest(path)
        date = None
        for field in ("datePublished", "dateCreated"):
            found = literal(node.get(field))
            if found is not None:
                date = iso_date(found[0])
                if date is not None:
                    break
        publisher = self.names(node.get("publisher"), f"{path}.publisher")
        lang = literal(node.get("inLanguage"))
        return self.ctx.add_source(
            Source(
                id=EntityRef("source", f"{key}-{ident}"),
                kind=kind,
                title=title,
                authors=tuple(self.names(node.get("author"), f"{path}.author")),
                publisher=publisher[0] if publisher else None,
                url=url,
                published=date,
                language=filled(lang[0]) if lang is not None else None,
                via=(self.source.id,) if url != self.source.url else (),
            )
        )

    def digest(self, path: str) -> str:
        return hashlib.blake2b(
            f"{self.source.id}\x1f{self.line}\x1f{path}".encode(), digest_size=6
        ).hexdigest()

    def review(self, film: EntityRef, node: Any, path: str, *, nested: bool) -> None:
        """A review of ``film``: a source of its own and its ``assessment``."""
        if not isinstance(node, dict) or not types(node) & _REVIEW_TYPES:
            self.reject(node, path, "a Review node")
            return
        body = self.text(node.get("reviewBody"), f"{path}.reviewBody")
        title = self.text(node.get("name") or node.get("headline"), f"{path}.name")
        rating = self.resolve(node.get("reviewRating"))
        quals: tuple[Qualifier, ...] = ()
        score = None
        if rating is not None:
            value = number(rating.get("ratingValue")) if isinstance(rating, dict) else None
            if value is None:
                self.reject(rating, f"{path}.reviewRating", "a Rating with a ratingValue number")
                return
            best, _ = self.best(rating)
            score = f"{value}/{best}"
            quals = (Qualifier(key="rating", value=score),)
        kind = SourceKind.USER_REVIEW if nested and self.database else SourceKind.REVIEW
        source = self.review_source(node, path, "review", kind, title[0] if title else None)
        if body is not None:
            self.claim(
                film, "assessment", Text(body[0]), body[1], f"{path}.reviewBody",
                qualifiers=quals, note=body[3], source=source,
            )  # fmt: skip
        elif title is not None or score is not None:
            text = title[0] if title is not None else str(score)
            raw = title[1] if title is not None else str(score)
            self.claim(
                film, "assessment", Text(text), raw, f"{path}.name", qualifiers=quals,
                source=source,
            )  # fmt: skip
        else:
            self.reject(node, path, "a Review with a reviewBody, a name or a reviewRating")

    def claim_review(self, node: dict[str, Any], path: str) -> None:
        """A fact-check: the fact-checker's article assesses the source the claim appeared
        in (its verdict the claim's value; the claim reviewed a qualifier)."""
        claimed = self.text(node.get("claimReviewed"), f"{path}.claimReviewed")
        rating = self.resolve(node.get("reviewRating"))
        if claimed is None or not isinstance(rating, dict):
            self.reject(node, path, "a ClaimReview with claimReviewed and a reviewRating")
            return
        verdict = self.text(rating.get("alternateName") or rating.get("name"), f"{path}.verdict")
        value = number(rating.get("ratingValue"))
        if verdict is None and value is None:
            self.reject(
                rating, f"{path}.reviewRating", "a Rating with alternateName or ratingValue"
            )
            return
        title = self.text(node.get("name") or node.get("headline"), f"{path}.name")
        checker = self.review_source(
            node, path, "factcheck", SourceKind.ARTICLE, title[0] if title else None
        )
        item = self.resolve(node.get("itemReviewed"))
        item = item if isinstance(item, dict) else {}
        appearance = self.resolve(item.get("appearance") or item.get("firstAppearance"))
        appearance = appearance[0] if isinstance(appearance, list) and appearance else appearance
        appearance = appearance if isinstance(appearance, dict) else {}
        url = filled(appearance.get("url"))
        authors = self.names(item.get("author") or appearance.get("author"), f"{path}.author")
        kinds = types(appearance)
        kind = (
            SourceKind.BLOG
            if kinds & {"BlogPosting", "SocialMediaPosting", "DiscussionForumPosting"}
            else SourceKind.VIDEO
            if "VideoObject" in kinds
            else SourceKind.ARTICLE
            if url or kinds & {"Article", "NewsArticle"}
            else SourceKind.OTHER
        )
        when = literal(item.get("datePublished") or appearance.get("datePublished"))
        said = slug(url.split("://", 1)[-1])[:60] if url else self.digest(f"{path}.itemReviewed")
        headline = self.text(appearance.get("headline") or appearance.get("name"), path)
        origin = self.ctx.add_source(
            Source(
                id=EntityRef("source", f"claim-{said}"),
                kind=kind,
                title=headline[0] if headline else None,
                authors=tuple(authors),
                url=url,
                published=iso_date(when[0]) if when is not None else None,
            )
        )
        quals = [Qualifier(key="claim_reviewed", value=claimed[0])]
        if value is not None:
            best, _ = self.best(rating)
            quals.append(Qualifier(key="rating", value=f"{value}/{best}"))
        about = self.resolve(item.get("about") or node.get("about"))
        if isinstance(about, dict) and types(about) & _FILM_TYPES:
            film = self.film(about, f"{path}.itemReviewed.about")
            if film is not None:
                quals.append(Qualifier(key="about", value=str(film)))
        if verdict is not None:
            text, raw, at = verdict[0], verdict[1], f"{path}.reviewRating.alternateName"
        else:
            text = raw = f"{value}/{self.best(rating)[0]}"
            at = f"{path}.reviewRating.ratingValue"
        self.claim(origin.id, "assessment", Text(text), raw, at, qualifiers=tuple(quals),
                   source=checker)  # fmt: skip


def read(path: Path, ctx: ImportContext, mapping: Any = None) -> Iterator[None]:
    """Read a JSON-LD file or an HTML page's JSON-LD."""
    label = ctx.label(path)
    with open_text(path, ctx) as f:
        try:
            text = f.read()
        except UnicodeDecodeError:
            raise decode_error(path, label, 1, ctx.options.encoding) from None
    blocks, info = read_page(text)
    docs: list[tuple[int | None, Any]] = []
    for block in blocks:
        if not block.text.strip():
            continue
        try:
            docs.append((block.line, json.loads(block.text, parse_float=Decimal)))
        except json.JSONDecodeError as exc:
            ctx.rows += 1
            ctx.reject(
                block.text[:200],
                Location(file=label, line=(block.line or 1) + exc.lineno - 1),
                f"not JSON-LD: {exc.msg} at column {exc.colno}",
            )
    page = _Page(ctx, label, page_source(ctx, path, info, docs))
    for line, doc in docs:
        page.line = line
        top: list[tuple[Any, str]] = []
        for node, at in paths(doc, "$"):
            graph = node.get("@graph") if isinstance(node, dict) else None
            if graph is not None:
                top.extend(paths(graph, f"{at}.@graph" if at != "$" else "$.@graph"))
            else:
                top.append((node, at))
        if not any(is_schema_org(doc, n) for n, _ in top):
            ctx.note(
                "not schema.org",
                "a JSON-LD block whose @context is not schema.org: skipped",
                Location(file=label, line=line),
            )
            continue
        page.index = {
            str(n["@id"]): n
            for n, _ in top
            if isinstance(n, dict) and isinstance(n.get("@id"), str)
        }
        for node, at in top:
            ctx.rows += 1
            page.node(node, at)
            yield


IMPORTER = Importer(
    name="jsonld",
    description="schema.org JSON-LD (Movie, Person, Review, ClaimReview) in files or web pages",
    read=read,
    recognises=recognises,
)
