"""Wikidata: entity JSON -- one entity, a ``Special:EntityData`` document (``{"entities":
{…}}``), or a dump of one entity a line (Wikidata's ``[``, one entity and a comma a line,
``]``; or JSON Lines), plain, gzip or bzip2, read line by line.

An item that is an instance of *human* (P31 Q5) is a :class:`~filmlore.Person`; an item that
is a film or a TV work (P31 film, feature film, TV film, TV series …, or with an IMDb title
id, a TMDb id, a director or a cast) is a :class:`~filmlore.Film`; any other item is
skipped with a note.  The entity's id is its IMDb id when it has one (``film:tt0113277``),
else its Wikidata id (``film:Q42198``); an item another statement named before it was read
keeps the id that statement gave it (``person:Q25132``), so that references resolve.

Every statement is a claim, its locator the statement's id: properties the registry knows
by their Wikidata id (P2047 → ``duration``, P161 → ``cast_member``) keep their names and
kinds; any other property is declared as ``p1234`` (so that nothing Wikidata says is lost).
Qualifiers are the claim's qualifiers, keyed by name where filmlore has one (P453 →
``character_role``, P291 → ``country``, P4633 → ``character_name``, P1545 →
``series_ordinal``) and by property id otherwise; P585 *point in time* is the claim's
``valid_at``.  Ranks are ranks.  Each reference is a :class:`~filmlore.Source` the claim
comes ``via``: the claim's source is Wikidata, and reconciliation credits the claim to its
first reference (``speaker_of``), so that a runtime *stated in* IMDb counts as IMDb's word.
An *unknown value* (``somevalue``) or *no value* (``novalue``) has no value to claim: each
is noted.  Labels, aliases and descriptions are ``title``/``name``,
``alternative_title``/``name`` and ``description`` claims qualified by ``language``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from filmlore.errors import Location, ParseError
from filmlore.importers._context import ImportContext
from filmlore.importers._files import decode_error, open_text, peek
from filmlore.importers._ids import film_ref, person_ref, slug
from filmlore.importers._registry import Importer
from filmlore.importers._wikidata_values import (
    Refused,
    compact,
    item_id,
    keys_in_order,
    read_quantity,
    read_time,
    reference_source,
    snak_printed,
    snak_value,
)
from filmlore.models import (
    Character,
    Credit,
    ExternalIds,
    Film,
    Person,
    Qualifier,
    Rank,
    RoleKind,
)
from filmlore.properties import Cardinality, Property, registry
from filmlore.values.dates import PartialDate
from filmlore.values.ids import ImdbId, TmdbId, WikidataId
from filmlore.values.kinds import get_kind
from filmlore.values.quantities import Duration, Money, Quantity
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

__all__ = ["IMPORTER"]

_PEEK = 1 << 16
_HUMAN = "Q5"
#: Classes of film and television work (P31 values) read as films.
_FILM_CLASSES = frozenset(
    (
        "Q11424",  # film
        "Q24869",  # feature film
        "Q506240",  # television film
        "Q202866",  # animated film
        "Q226730",  # silent film
        "Q24862",  # short film
        "Q93204",  # documentary film
        "Q229390",  # 3D film
        "Q24856",  # film series
        "Q5398426",  # television series
        "Q21191270",  # television series episode
    )
)
#: Properties whose statements also give the entity's outside ids.
_IMDB, _TMDB_FILM, _TMDB_TV, _TMDB_PERSON = "P345", "P4947", "P4983", "P4985"
#: Qualifier keys by property id, where filmlore names the qualifier.
_QUALIFIER_KEYS = {
    "P453": "character_role",
    "P4633": "character_name",
    "P291": "country",
    "P1545": "series_ordinal",
    "P1810": "named_as",
    "P518": "applies_to_part",
    "P580": "start_time",
    "P582": "end_time",
    "P2241": "reason_for_deprecation",
    "P1480": "sourcing_circumstances",
    "P3831": "object_has_role",
    "P407": "language",
}
#: Statements that are also credits.
_CREDIT_ROLES = {
    "P161": RoleKind.CAST,
    "P57": RoleKind.DIRECTOR,
    "P58": RoleKind.WRITER,
    "P162": RoleKind.PRODUCER,
    "P86": RoleKind.COMPOSER,
    "P344": RoleKind.CINEMATOGRAPHER,
    "P1040": RoleKind.EDITOR,
}
#: The value kind of a property the registry does not know, by its Wikidata datatype.
_DECLARED_KINDS = {
    "time": "date",
    "monolingualtext": "text",
    "string": "text",
    "math": "text",
    "musical-notation": "text",
}
_QID_RE = re.compile(r"[Qq][1-9]\d*")
_ENTITY_ID_RE = re.compile(r'"id"\s*:\s*"[QPL][1-9]\d*"')
_RANKS = {r.value: r for r in Rank}


def recognises(path: Path) -> bool:
    """Wikidata entity JSON, an entity data document or a dump (plain, gzip or bzip2): JSON
    with an entity id and ``claims``, and no JSON-LD ``@context``."""
    if path.is_dir():
        return False
    head = peek(path, _PEEK).lstrip(" \t\r\n")
    return (
        head.startswith(("{", "["))
        and "@context" not in head
        and '"claims"' in head
        and _ENTITY_ID_RE.search(head) is not None
    )


# --- reading the file -----------------------------------------------------------------------


def _lines(f: Any, path: Path, label: str, encoding: str | None) -> Iterator[tuple[int, str]]:
    number = 0
    while True:
        number += 1
        try:
            line = f.readline()
        except UnicodeDecodeError:
            raise decode_error(path, label, number, encoding) from None
        if not line:
            return
        yield number, line


def _unwrap(doc: Any, line: int | None, where: str) -> Iterator[tuple[Any, int | None, str]]:
    """The entities of one JSON value: an entity, an ``{"entities": …}`` document or a
    list of either."""
    if isinstance(doc, dict) and isinstance(doc.get("entities"), dict):
        for key, entity in doc["entities"].items():
            yield entity, line, f"{where}.entities.{key}"
    elif isinstance(doc, list):
        for i, item in enumerate(doc):
            yield from _unwrap(item, line, f"{where}[{i}]")
    else:
        yield doc, line, where


_Found = list[tuple[Any, int | None, str]]


def _entity_line(line: str) -> str:
    """A dump's line without its trailing comma (and blank for ``[`` and ``]``)."""
    text = line.strip()
    if text.endswith(","):
        text = text[:-1].rstrip()
    return "" if text in ("[", "]") else text


def _parses(text: str) -> tuple[Any, str | None, int]:
    """The JSON value of ``text``, or None, why it is not JSON and on which of its lines."""
    try:
        return json.loads(text), None, 1
    except json.JSONDecodeError as exc:
        return None, f"{exc.msg} at column {exc.colno}", exc.lineno


def _entities(path: Path, ctx: ImportContext) -> Iterator[_Found]:
    """The entities of the file, in order, as ``(entity, line, path)``, one list for each
    JSON value read: a line of a dump (``[``, an entity and a comma a line, ``]``) or of
    JSON Lines, or the whole file when it is one document."""
    label = ctx.label(path)
    with open_text(path, ctx) as f:
        encoding = ctx.options.encoding or getattr(f, "encoding", None)
        lines = _lines(f, path, label, encoding)
        seen: list[str] = []  # the lines read to tell the form, for a whole document
        for number, line in lines:  # noqa: B007 - the first line that is not blank
            seen.append(line)
            text = _entity_line(line)
            if text:
                break
        else:
            return
        doc, why, _ = _parses(text)
        # An entity a line (a dump, JSON Lines) when the first line is an entity's JSON (or
        # looks like one, broken); else the file is one, pretty-printed, document.
        if why is None or (text.startswith("{") and text.endswith("}")):
            yield from _line_entities(ctx, label, number, text, lines)
            return
        try:
            rest = f.read()
        except UnicodeDecodeError:
            raise decode_error(path, label, number, encoding) from None
        doc, why, at = _parses("".join(seen) + rest)
        if why is not None:
            ctx.rows += 1
            ctx.reject(None, Location(file=label, line=at), f"not Wikidata entity JSON: {why}")
            return
        yield list(_unwrap(doc, None, "$"))


def _line_entities(
    ctx: ImportContext, label: str, number: int, text: str, lines: Iterator[tuple[int, str]]
) -> Iterator[_Found]:
    """The entities of a dump or JSON Lines, from the first entity's line on."""
    while True:
        doc, why, _ = _parses(text)
        if why is None:
            yield list(_unwrap(doc, number, "$"))
        else:
            ctx.rows += 1
            shown = text if len(text) <= 200 else text[:200] + "…"
            ctx.reject(shown, Location(file=label, line=number), f"not an entity's JSON: {why}")
        for number, line in lines:  # noqa: B007 - the next line that is not blank
            text = _entity_line(line)
            if text:
                break
        else:
            return


# --- one entity -----------------------------------------------------------------------------


def _statements(claims: dict[str, Any], pid: str) -> list[dict[str, Any]]:
    found = claims.get(pid)
    return [s for s in found if isinstance(s, dict)] if isinstance(found, list) else []


def _main_values(claims: dict[str, Any], pid: str) -> list[Any]:
    """The values of ``pid``'s statements that are not deprecated, preferred first."""
    best: list[Any] = []
    rest: list[Any] = []
    for st in _statements(claims, pid):
        snak = st.get("mainsnak")
        if not isinstance(snak, dict) or snak.get("snaktype", "value") != "value":
            continue
        value = snak_value(snak)
        rank = st.get("rank", "normal")
        if value is None or rank == "deprecated":
            continue
        (best if rank == "preferred" else rest).append(value)
    return best + rest


def _items(claims: dict[str, Any], pid: str) -> list[str]:
    out = []
    for value in _main_values(claims, pid):
        try:
            out.append(item_id(value))
        except Refused:
            continue
    return out


def _lang_texts(block: Any) -> dict[str, list[str]]:
    """A labels, aliases or descriptions block as ``{language: [texts]}``."""
    out: dict[str, list[str]] = {}
    if not isinstance(block, dict):
        return out
    for lang, entry in block.items():
        for item in entry if isinstance(entry, list) else [entry]:
            if isinstance(item, dict) and isinstance(item.get("value"), str):
                if item["value"].strip():
                    out.setdefault(str(lang), []).append(item["value"])
            elif isinstance(item, str) and item.strip():  # formatversion=2 style
                out.setdefault(str(lang), []).append(item)
    return out


def _first_text(texts: dict[str, list[str]]) -> tuple[str, str] | None:
    for lang in ("en", "mul", *sorted(texts)):
        if texts.get(lang):
            return lang, texts[lang][0]
    return None


def _text(value: str, lang: str | None) -> Text:
    try:
        return Text(value, lang=lang)
    except ValueError:  # not a BCP 47 tag (Wikidata's 'simple', 'be-x-old')
        return Text(value)


def _ids(claims: dict[str, Any], kind: str) -> tuple[ImdbId | None, TmdbId | None]:
    imdb = tmdb = None
    want = "title" if kind == "film" else "name"
    for value in _main_values(claims, _IMDB):
        try:
            found = ImdbId.parse(value) if isinstance(value, str) else None
        except ParseError:
            continue
        if found is not None and found.kind == want:
            imdb = found
            break
    pids = (_TMDB_FILM, _TMDB_TV) if kind == "film" else (_TMDB_PERSON,)
    for pid in pids:
        for value in _main_values(claims, pid):
            try:
                tmdb = TmdbId.parse(value) if isinstance(value, str) else None
            except ParseError:
                continue
            if tmdb is not None:
                return imdb, tmdb
    return imdb, tmdb


def _first_date(claims: dict[str, Any], pid: str, earliest: bool = False) -> PartialDate | None:
    found: list[PartialDate] = []
    for value in _main_values(claims, pid):
        try:
            date = read_time(value)[0]
        except Refused:
            continue
        if isinstance(date, PartialDate):
            if not earliest:
                return date
            found.append(date)
    return min(found, key=lambda d: d.sort_key()) if found else None


class _Reader:
    """Reads entities into a context, remembering the ids it gave to items."""

    def __init__(self, ctx: ImportContext, label: str) -> None:
        self.ctx = ctx
        self.label = label
        self.by_pid = {p.wikidata.value: p for p in registry if p.wikidata is not None}
        self.declared: dict[str, Property] = {}
        #: The id given to each item read or named so far.
        self.known: dict[str, EntityRef] = {}
        #: The source made of each reference, by its hash (a reference is cited often).
        self.references: dict[str, EntityRef] = {}

    # --- what an entity is --------------------------------------------------------------

    @staticmethod
    def kind_of(claims: dict[str, Any]) -> str | None:
        classes = set(_items(claims, "P31"))
        if _HUMAN in classes:
            return "person"
        imdb = [v for v in _main_values(claims, _IMDB) if isinstance(v, str)]
        if (
            classes & _FILM_CLASSES
            or any(v.lower().startswith("tt") for v in imdb)
            or any(_main_values(claims, p) for p in (_TMDB_FILM, _TMDB_TV, "P57", "P161"))
        ):
            return "film"
        if any(v.lower().startswith("nm") for v in imdb) or _main_values(claims, _TMDB_PERSON):
            return "person"
        return None

    def subject(self, qid: str, kind: str, claims: dict[str, Any]) -> EntityRef:
        """The entity's id: the one an earlier statement gave it, else from its ids."""
        known = self.known.get(qid)
        if known is not None and known.kind == kind:
            return known
        imdb, _ = _ids(claims, kind)
        wikidata = WikidataId(qid)
        if kind == "person":
            ref = person_ref(imdb=imdb, wikidata=wikidata)
        else:
            ref = film_ref(imdb=imdb, wikidata=wikidata)
        self.known.setdefault(qid, ref)
        return ref

    def named(self, qid: str, kind: str) -> EntityRef:
        """The id of an item a statement names."""
        known = self.known.get(qid)
        if known is not None and known.kind == kind:
            return known
        ref = EntityRef(kind, qid)
        self.known.setdefault(qid, ref)
        return ref

    @staticmethod
    def parts(entity: Any) -> tuple[str, dict[str, Any]] | str:
        """The entity's id and claims, or why it cannot be read."""
        if not isinstance(entity, dict):
            return f"an entity: a JSON object, got {compact(entity)[:80]}"
        qid = entity.get("id")
        if "missing" in entity:
            return f"an entity that exists: Wikidata has no entity {qid!r}"
        if not isinstance(qid, str) or not _QID_RE.fullmatch(qid):
            return f"an entity with an item id such as 'Q1046', got {qid!r}"
        claims = entity.get("claims", {})
        if not isinstance(claims, dict):
            return f"claims as an object of property ids, got {compact(claims)[:80]}"
        return qid.upper(), claims

    def register(self, entity: Any) -> None:
        """Give a subject its id before any statement names it (in one document)."""
        parts = self.parts(entity)
        if isinstance(parts, tuple):
            kind = self.kind_of(parts[1])
            if kind is not None:
                self.subject(parts[0], kind, parts[1])

    # --- reading ------------------------------------------------------------------------

    def read(self, entity: Any, line: int | None, where: str) -> None:
        ctx = self.ctx
        ctx.rows += 1
        if isinstance(entity, dict) and entity.get("type", "item") != "item":
            ctx.note(
                "not items",
                f"{entity.get('type')} {entity.get('id')} skipped: only items are read",
                Location(file=self.label, line=line, path=where),
            )
            return
        parts = self.parts(entity)
        if isinstance(parts, str):
            ctx.reject(entity, Location(file=self.label, line=line, path=where), parts)
            return
        qid, claims = parts
        kind = self.kind_of(claims)
        if kind is None:
            classes = ", ".join(_items(claims, "P31")) or "no class"
            ctx.note(
                "not films or people",
                f"{qid} ({classes}) skipped: neither a film nor a person",
                Location(file=self.label, line=line, path=where),
            )
            return
        ref = self.subject(qid, kind, claims)
        labels = _lang_texts(entity.get("labels"))
        aliases = _lang_texts(entity.get("aliases"))
        descriptions = _lang_texts(entity.get("descriptions"))
        if ctx.columns is None:
            self.entity(ref, qid, claims, labels, aliases, descriptions)
        self.terms(ref, qid, labels, aliases, descriptions)
        for pid, statements in claims.items():
            if not isinstance(statements, list):
                ctx.reject(
                    statements,
                    Location(file=self.label, line=line, path=f"{where}.claims.{pid}"),
                    f"a list of statements, got {json.dumps(statements, default=str)[:80]}",
                )
                continue
            for i, st in enumerate(statements):
                self.statement(ref, qid, str(pid), st, line, f"{where}.claims.{pid}[{i}]")

    def entity(
        self,
        ref: EntityRef,
        qid: str,
        claims: dict[str, Any],
        labels: dict[str, list[str]],
        aliases: dict[str, list[str]],
        descriptions: dict[str, list[str]],
    ) -> None:
        imdb, tmdb = _ids(claims, ref.kind)
        ids = ExternalIds(imdb=imdb, tmdb=tmdb, wikidata=WikidataId(qid))
        first = _first_text(labels)
        about = _first_text(descriptions)
        description = about[1] if about is not None and about[0] in ("en", "mul") else None
        if ref.kind == "person":
            self.ctx.entity(
                Person(
                    id=ref,
                    name=first[1] if first is not None else qid,
                    aliases=tuple(dict.fromkeys(aliases.get("en", []))),
                    ids=ids,
                    born=_first_date(claims, "P569"),
                    died=_first_date(claims, "P570"),
                    description=description,
                )
            )
            return
        if first is None:
            titles = [v for v in _main_values(claims, "P1476") if isinstance(v, dict)]
            if titles and isinstance(titles[0].get("text"), str) and titles[0]["text"].strip():
                first = (str(titles[0].get("language", "")), titles[0]["text"])
        release = _first_date(claims, "P577", earliest=True)
        self.ctx.entity(
            Film(
                id=ref,
                title=_text(first[1], first[0]) if first is not None else Text(qid),
                year=release.year if release is not None else None,
                ids=ids,
                description=description,
            )
        )

    def terms(
        self,
        ref: EntityRef,
        qid: str,
        labels: dict[str, list[str]],
        aliases: dict[str, list[str]],
        descriptions: dict[str, list[str]],
    ) -> None:
        person = ref.kind == "person"
        blocks = (
            ("labels", labels, "name" if person else "title"),
            ("aliases", aliases, "name" if person else "alternative_title"),
            ("descriptions", descriptions, "description"),
        )
        for block, texts, prop in blocks:
            for lang, values in texts.items():
                for i, value in enumerate(values):
                    at = f"{qid}$.{block}.{lang}" + (f"[{i}]" if block == "aliases" else "")
                    text = _text(value, lang)
                    self.ctx.claim(
                        ref,
                        prop,
                        text,
                        text=value,
                        locator=at,
                        qualifiers=(Qualifier(key="language", value=lang),),
                        note=None
                        if text.lang == lang
                        else f"language code {lang!r} is not a BCP 47 tag: kept as the qualifier",
                    )

    # --- one statement ------------------------------------------------------------------

    def property_for(self, pid: str, datatype: Any, value: Any) -> Property:
        """The registry's property with Wikidata id ``pid``, else one declared for it."""
        prop = self.by_pid.get(pid)
        if prop is not None:
            return prop
        found = self.declared.get(pid)
        if found is not None:
            return found
        name = pid.lower()
        kind = _DECLARED_KINDS.get(str(datatype), "label")
        if isinstance(value, (Duration, Money, Quantity)):
            kind = value.kind
        prop = registry.find(name) or Property(
            name=name,
            kind=kind,
            cardinality=Cardinality.MANY,
            subjects=("film", "person"),
            wikidata=WikidataId(pid),
            description=f"Wikidata property {pid} (read from Wikidata; not in the registry)",
        )
        self.declared[pid] = prop
        if registry.find(name) is None:
            self.ctx.declare(prop)
        return prop

    def value(self, pid: str, snak: dict[str, Any]) -> tuple[Any, str | None]:
        """The statement's value as filmlore holds it, and a note of any change."""
        datavalue = snak.get("datavalue")
        if not isinstance(datavalue, dict) or "value" not in datavalue:
            raise Refused(f"a data value {{'value': …, 'type': …}}, got {compact(datavalue)}")
        raw, kind = datavalue["value"], datavalue.get("type")
        if kind == "wikibase-entityid":
            target = item_id(raw)
            prop = self.by_pid.get(pid)
            if prop is not None and prop.kind == "ref" and _QID_RE.fullmatch(target):
                return self.named(target, prop.ref_kind or "work"), None
            return Text(target), None
        if kind == "time":
            return read_time(raw)
        if kind == "quantity":
            read = read_quantity(raw)
            if isinstance(read, tuple):
                if pid in self.by_pid:
                    raise Refused(
                        f"a time unit (Q11574, Q7727, Q25235), a currency filmlore knows or no "
                        f"unit, got unit {read[1]}"
                    )
                return Text(f"{read[0]} {read[1]}"), None
            return read, None
        if kind == "monolingualtext" and isinstance(raw, dict):
            text, lang = raw.get("text"), raw.get("language")
            if not isinstance(text, str):
                raise Refused(f"a monolingual text {{'text': …, 'language': …}}, got {raw!r}")
            found = _text(text, lang if isinstance(lang, str) else None)
            note = None
            if lang is not None and found.lang != lang:
                note = f"language code {lang!r} is not a BCP 47 tag: dropped"
            return found, note
        if kind == "globecoordinate" and isinstance(raw, dict):
            return Text(f"{raw.get('latitude')},{raw.get('longitude')}"), None
        if isinstance(raw, str):
            return Text(raw), None
        return Text(compact(raw)), None

    def qualifiers(self, st: dict[str, Any]) -> tuple[tuple[Qualifier, ...], PartialDate | None]:
        quals = st.get("qualifiers")
        if not isinstance(quals, dict):
            return (), None
        pids = keys_in_order(quals, st.get("qualifiers-order"))
        values: dict[str, list[str]] = {}
        valid_at = None
        for pid in pids:
            snaks = (
                [s for s in quals[pid] if isinstance(s, dict)]
                if isinstance(quals[pid], list)
                else []
            )
            if pid == "P585" and len(snaks) == 1 and snaks[0].get("snaktype", "value") == "value":
                try:
                    when = read_time(snak_value(snaks[0]))[0]
                except Refused:
                    when = None
                if isinstance(when, PartialDate):
                    valid_at = when
                    continue
            known = self.by_pid.get(pid)
            key = _QUALIFIER_KEYS.get(pid) or (known.name if known is not None else pid)
            for snak in snaks:
                text = snak_printed(snak)
                values.setdefault(key, []).append(text if text.strip() else json.dumps(text))
        return tuple(Qualifier(key=k, value="; ".join(v)) for k, v in values.items()), valid_at

    def statement(
        self, subject: EntityRef, qid: str, pid: str, st: Any, line: int | None, where: str
    ) -> None:
        ctx = self.ctx
        at = Location(file=self.label, line=line, path=where)
        snak = st.get("mainsnak") if isinstance(st, dict) else None
        if not isinstance(snak, dict):
            ctx.reject(st, at, "a statement with a mainsnak")
            return
        given = st.get("rank", "normal")
        rank = _RANKS.get(given) if isinstance(given, str) else None
        if rank is None:
            ctx.reject(st, at, f"rank: preferred, normal or deprecated, got {st.get('rank')!r}")
            return
        snaktype = snak.get("snaktype", "value")
        if snaktype in ("somevalue", "novalue"):
            what = "unknown values" if snaktype == "somevalue" else "no values"
            says = "has a value but not which" if snaktype == "somevalue" else "has none"
            ctx.note(what, f"{qid} {pid}: Wikidata says it {says} ({snaktype}): no claim", at)
            return
        if subject.kind == "person" and pid == "P31":
            return  # a human: what made the entity a person
        given = st.get("id")
        locator = given if isinstance(given, str) and given.strip() else f"{qid}{where}"
        try:
            value, note = self.value(pid, snak)
        except Refused as exc:
            ctx.reject(st, Location(file=self.label, line=line, path=f"{where}.mainsnak"), str(exc))
            return
        prop = self.property_for(pid, snak.get("datatype"), value)
        kind = get_kind(prop.kind)
        if not kind.check(value):
            ctx.reject(
                st,
                Location(file=self.label, line=line, path=f"{where}.mainsnak"),
                f"{pid} ({prop.name}) takes a {prop.kind} value, got "
                f"{type(value).__name__} {str(value)!r}",
            )
            return
        qualifiers, valid_at = self.qualifiers(st)
        references = st.get("references")
        via = tuple(
            self.reference(r)
            for r in (references if isinstance(references, list) else [])
            if isinstance(r, dict)
        )
        text = compact(snak_value(snak))
        ctx.claim(
            subject,
            prop.name,
            value,
            text=text,
            locator=locator,
            qualifiers=qualifiers,
            note=note,
            rank=rank,
            via=via,
            valid_at=valid_at,
        )
        role = _CREDIT_ROLES.get(pid)
        if (
            role is not None
            and subject.kind == "film"
            and isinstance(value, EntityRef)
            and value.kind == "person"
            and rank is not Rank.DEPRECATED
            and ctx.columns is None
        ):
            self.credit(subject, value, role, st)

    def reference(self, reference: dict[str, Any]) -> EntityRef:
        """The source of a reference, made once for each reference hash."""
        digest = reference.get("hash")
        if isinstance(digest, str):
            found = self.references.get(digest)
            if found is not None:
                return found
        ref = self.ctx.add_source(reference_source(reference)).id
        if isinstance(digest, str):
            self.references[digest] = ref
        return ref

    def credit(
        self, film: EntityRef, person: EntityRef, role: RoleKind, st: dict[str, Any]
    ) -> None:
        found = st.get("qualifiers")
        quals: dict[str, Any] = found if isinstance(found, dict) else {}

        def string(pid: str) -> str | None:
            for snak in quals.get(pid, []) if isinstance(quals.get(pid), list) else []:
                value = snak_value(snak)
                if isinstance(value, str) and value.strip():
                    return value.strip()
            return None

        name = string("P4633") if role is RoleKind.CAST else None
        order = string("P1545")
        character = None
        if name is not None:
            character = EntityRef("character", f"{film.key}-{slug(name)}")
            self.ctx.entity(Character(id=character, film=film, name=name, played_by=(person,)))
        key = f"{film.key}-{slug(role.value)}-{person.key}" + (f"-{slug(name)}" if name else "")
        self.ctx.entity(
            Credit(
                id=EntityRef("credit", key),
                film=film,
                person=person,
                role=role,
                character=character,
                credited_as=string("P1810"),
                billing=int(order) if order is not None and order.isdigit() else None,
            )
        )


def read(path: Path, ctx: ImportContext, mapping: Any = None) -> Iterator[None]:
    """Read a Wikidata entity file or dump."""
    ctx.dataset(
        "wikidata",
        title="Wikidata",
        publisher="Wikimedia Foundation",
        url="https://www.wikidata.org/",
        path=path,
    )
    reader = _Reader(ctx, ctx.label(path))
    for found in _entities(path, ctx):
        if len(found) > 1:  # one document of several: give every subject its id first
            for entity, _, _ in found:
                reader.register(entity)
        for entity, line, where in found:
            reader.read(entity, line, where)
            yield


IMPORTER = Importer(
    name="wikidata",
    description="Wikidata entity JSON, Special:EntityData documents and JSON dumps",
    read=read,
    recognises=recognises,
)
