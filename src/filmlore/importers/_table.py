"""Any film table -- CSV, TSV, a JSON array or JSON Lines of flat records, compressed or
not -- read through a :class:`~filmlore.importers._table_mapping.TableMapping` that says
which column holds what, so that a new table imports without code.

Each row is one film: its id from the outside ids the mapping names (an IMDb id, also read
out of an IMDb link), else its title and year (``film:heat-1995``).  The title column gives a
``title`` claim; every mapped column gives claims of its property, each with the cell as
written and a ``file:line$.column`` locator.  People named in a person column (``director``,
``cast_member``, ...) become :class:`~filmlore.Person` entities (``person:michael-mann``; one
name, one person) with a :class:`~filmlore.Credit` each, and a
:class:`~filmlore.Character` when a ``character_role`` qualifier names one.

A row whose cell cannot be read is rejected whole, with every reason (lenient mode keeps the
others); absent cells (empty, ``\\N`` or the mapping's ``absent``) are no claim.  What is read
but changed is noted: whitespace other than spaces trimmed, mojibake repaired (when asked),
ids saved as spreadsheet numbers, a date later than the data set (kept, deprecated), rows
repeated.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from filmlore.errors import FieldError, LoadError, Location, ParseError, Problem
from filmlore.importers._context import ImportContext
from filmlore.importers._files import stem
from filmlore.importers._ids import film_ref, person_ref, read_imdb_id, read_number_id, slug, where
from filmlore.importers._registry import Importer
from filmlore.importers._table_mapping import ColumnMapping, TableMapping, as_table_mapping
from filmlore.importers._table_read import (
    Cell,
    clean_text,
    month_date,
    read_number,
    records,
    sniff_format,
    text_of,
    whole_number,
    with_line,
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
from filmlore.properties import registry
from filmlore.values.dates import PartialDate
from filmlore.values.ids import MovieLensId, TmdbId, WikidataId
from filmlore.values.kinds import get_kind
from filmlore.values.quantities import Duration, Money, Quantity
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

__all__ = ["IMPORTER"]

#: The credit a person column gives.
_ROLES = {
    "director": RoleKind.DIRECTOR,
    "cast_member": RoleKind.CAST,
    "screenwriter": RoleKind.WRITER,
    "producer": RoleKind.PRODUCER,
    "composer": RoleKind.COMPOSER,
    "director_of_photography": RoleKind.CINEMATOGRAPHER,
    "film_editor": RoleKind.EDITOR,
}
_TEXT_KINDS = frozenset(
    {"text", "title", "name", "place", "quote", "category", "assessment", "label"}
)
# A value and a parenthetical after it: "December 15, 1995 (United States)".
_PARENS = re.compile(r"(.*?)\s*\(([^()]*)\)\s*", re.DOTALL)
# A cell that is only a number (with separators): read with the column's unit or currency.
_BARE_NUMBER = re.compile(r"[+-]?[0-9][0-9,.' ]*")
_YEAR = re.compile(r"([0-9]{4})(?:\.0+)?")
#: Where an id is in a link (``pattern: url``).
_URL_IDS = {
    "imdb": re.compile(r"/title/(tt[0-9]+)"),
    "tmdb": re.compile(r"/(?:movie|film)/([0-9]+)"),
    "wikidata": re.compile(r"/(?:wiki|entity)/(Q[0-9]+)"),
    "movielens": re.compile(r"/movies/([0-9]+)"),
}


@attrs.frozen(slots=True)
class _Value:
    """One value read from a cell, ready to claim."""

    value: Any
    qualifiers: tuple[Qualifier, ...]
    note: str | None
    rank: Rank


@attrs.frozen(slots=True)
class _Plan:
    """How one mapped column is read."""

    col: ColumnMapping
    prop: str
    kind: str
    person: bool
    role: RoleKind | None
    absent: frozenset[str]


def _join(*notes: str | None) -> str | None:
    found = [n for n in notes if n]
    return "; ".join(found) if found else None


class _TableReader:
    """Reads the records of one table file into ``ctx``."""

    def __init__(self, table: TableMapping, ctx: ImportContext, label: str) -> None:
        self.table = table
        self.ctx = ctx
        self.label = label
        self.absent = frozenset(s.strip() for s in table.absent) | {""}
        declared = {p.name: p for p in table.properties}
        self.plans: list[_Plan] = []
        for col in table.columns:
            if col.ignore or col.property is None or col.kind is None:
                continue
            prop = declared.get(col.property) or registry.get(col.property)
            absent = (
                self.absent
                if col.absent is None
                else frozenset(s.strip() for s in col.absent) | {""}
            )
            self.plans.append(
                _Plan(
                    col=col,
                    prop=prop.name,
                    kind=col.kind,
                    person=prop.ref_kind == "person",
                    role=_ROLES.get(prop.name),
                    absent=absent,
                )
            )
        self.patterns = {
            i.column: re.compile(i.pattern) for i in table.ids if i.pattern not in (None, "url")
        }
        ignored = {c.column for c in table.columns if c.ignore}
        self.used = sorted(table.named() - set(table.skip) - ignored)
        self.seen: dict[EntityRef, tuple[int, bytes]] = {}
        # Who holds each billing order of a film (a film's second row may bill another).
        self.billed: dict[tuple[str, int], str] = {}

    # --- the file's columns -----------------------------------------------------------------

    def check_columns(self, names: list[str], line: int) -> None:
        """Refuse a mapping that names columns the file lacks; note (or, with
        ``strict_columns``, refuse) the columns the mapping does not name."""
        named = self.table.named()
        missing = sorted(named - set(names))
        problems = [
            Problem(
                message=(
                    f"column {name!r} is named in the mapping but not in the file "
                    f"(its columns: {', '.join(names)})"
                ),
                location=Location(file=self.label, line=line, path=f"$.{name}"),
            )
            for name in missing
        ]
        unmapped = [n for n in names if n not in named]
        if unmapped and self.table.strict_columns:
            problems.append(
                Problem(
                    message=(
                        f"columns the mapping does not name (strict_columns): "
                        f"{', '.join(unmapped)}; map them, or list them under options.skip"
                    ),
                    location=Location(file=self.label, line=line),
                )
            )
        if problems:
            raise LoadError(problems, self.label)
        if unmapped:
            self.ctx.note(
                "unmapped columns",
                f"columns the mapping does not name, not read: {', '.join(unmapped)}",
                Location(file=self.label, line=line),
            )

    # --- one record -------------------------------------------------------------------------

    def row(self, line: int, cells: dict[str, Cell]) -> None:
        """Read one record: reject it whole, or add its film, people and claims."""
        ctx, table, label = self.ctx, self.table, self.label
        problems: list[tuple[str, str]] = []

        raw_title = text_of(cells.get(table.title))
        title, title_note = clean_text(ctx, raw_title, label, line, table.title)
        if title in self.absent:
            problems.append((table.title, f"{table.title}: no title (the film's title column)"))
        year, year_note = None, None
        if table.year is not None:
            raw_year = text_of(cells.get(table.year)).strip()
            if raw_year not in self.absent:
                try:
                    year, year_note = self.year(raw_year, line)
                except ParseError as exc:
                    problems.append((table.year, f"{table.year}: {exc}"))
        ids: dict[str, Any] = {}
        id_notes: list[str] = []
        for idc in table.ids:
            raw = text_of(cells.get(idc.column)).strip()
            if raw in self.absent:
                continue
            try:
                ids[idc.id], note = self.outside_id(idc.id, idc.column, idc.pattern, raw)
            except ParseError as exc:
                problems.append((idc.column, f"{idc.column}: {exc}"))
                continue
            if note is not None:
                id_notes.append(note)
                ctx.note("spreadsheet ids", note, where(label, line, idc.column)[1])

        staged: list[tuple[_Plan, str, list[_Value]]] = []
        for plan in self.plans:
            cell = cells.get(plan.col.column)
            if cell is None:
                continue
            try:
                values = self.cell(plan, cell, cells, line)
            except (ParseError, FieldError) as exc:
                problems.append((plan.col.column, f"{plan.col.column}: {exc}"))
                continue
            if values:
                staged.append((plan, text_of(cell), values))

        if problems:
            ctx.reject(
                cells,
                Location(file=label, line=line, path=f"$.{problems[0][0]}"),
                *(m for _, m in problems),
            )
            return

        ref = film_ref(
            imdb=ids.get("imdb"),
            wikidata=ids.get("wikidata"),
            tmdb=ids.get("tmdb"),
            movielens=ids.get("movielens"),
            title=title,
            year=year,
        )
        if self.repeated(ref, line, cells):
            return
        if ctx.columns is None and not ctx.has(ref):
            ctx.entity(
                Film(
                    id=ref,
                    title=Text(title),
                    year=year,
                    ids=ExternalIds(
                        imdb=ids.get("imdb"),
                        tmdb=ids.get("tmdb"),
                        wikidata=ids.get("wikidata"),
                        movielens=ids.get("movielens"),
                    ),
                )
            )
        ctx.claim(
            ref,
            "title",
            Text(title),
            text=raw_title,
            locator=f"{label}:{line}$.{table.title}",
            note=_join(title_note, year_note, *id_notes),
        )
        for plan, raw, values in staged:
            locator = f"{label}:{line}$.{plan.col.column}"
            for v in values:
                value = v.value
                if plan.person:
                    value = self.person(ref, plan, value, v.qualifiers, line)
                ctx.claim(
                    ref,
                    plan.prop,
                    value,
                    text=raw,
                    locator=locator,
                    qualifiers=v.qualifiers,
                    note=v.note,
                    rank=v.rank,
                )

    def repeated(self, ref: EntityRef, line: int, cells: dict[str, Cell]) -> bool:
        """True when this row repeats an earlier row of the same film word for word (it is
        noted and adds nothing); a film's second row with other values is noted and kept."""
        digest = hashlib.blake2b(
            repr([cells.get(c) for c in self.used]).encode(), digest_size=8
        ).digest()
        first = self.seen.get(ref)
        if first is None:
            self.seen[ref] = (line, digest)
            return False
        at = Location(file=self.label, line=line)
        if first[1] == digest:
            self.ctx.note(
                "duplicate rows",
                f"line {line} repeats line {first[0]} ({ref}) word for word: read once",
                at,
            )
            return True
        self.ctx.note(
            "repeated films",
            f"line {line} is {ref} again (first at line {first[0]}) with other values: "
            "the claims of both rows are kept",
            at,
        )
        return False

    # --- cells ------------------------------------------------------------------------------

    def year(self, raw: str, line: int) -> tuple[int | None, str | None]:
        """The film's year from a year (``1995``, a spreadsheet's ``1995.0``) or a date."""
        match = _YEAR.fullmatch(raw)
        found = int(match[1]) if match else (month_date(raw) or self.ctx.date(raw)).year
        if found is None:  # "Jul 17": a date, but no year in it
            raise ParseError("year", raw, "a year, or a date with one")
        year = found
        limit = self.table.not_after
        if limit is not None and limit.year is not None and year > limit.year:
            note = (
                f"year {year} is later than the data set can know (not_after: {limit}): not "
                "taken as the film's year"
            )
            at = where(self.label, line, self.table.year)[1]
            self.ctx.note("dates after not_after", note, at)
            return None, note
        return year, None

    def outside_id(
        self, kind: str, column: str, pattern: str | None, raw: str
    ) -> tuple[Any, str | None]:
        """An outside id from its cell (or a link, or a pattern's group), and a note when it
        was a spreadsheet number."""
        text = raw
        if pattern is not None:
            regex = _URL_IDS[kind] if pattern == "url" else self.patterns[column]
            match = regex.search(raw)
            if match is None:
                expected = (
                    "a link holding the id, such as http://www.imdb.com/title/tt0113277/"
                    if pattern == "url"
                    else f"text matching {pattern!r}"
                )
                raise ParseError(f"{kind} id", raw, expected)
            text = match[1]
        if kind == "imdb":
            imdb, note = read_imdb_id(text)
            if imdb.kind != "title":
                raise ParseError("IMDb title id", raw, "a title id such as tt0113277")
            return imdb, note
        if kind == "wikidata":
            wikidata = WikidataId.parse(text)
            if wikidata.is_property:
                raise ParseError("Wikidata item id", raw, "an item id such as Q1046")
            return wikidata, None
        number, note = read_number_id(text)
        return (TmdbId(number) if kind == "tmdb" else MovieLensId(number)), note

    def cell(self, plan: _Plan, cell: Cell, cells: dict[str, Cell], line: int) -> list[_Value]:
        """The values of one cell (several when it is split or a list)."""
        col = plan.col
        if cell is None:
            return []
        if isinstance(cell, tuple):
            parts: list[str] = list(cell)
        elif col.split is not None:
            parts = cell.split(col.split)
        else:
            parts = [cell]
        quals = list(col.qualifiers)
        for key, source in col.qualifier_columns:
            found = text_of(cells.get(source))
            text, _ = clean_text(self.ctx, found, self.label, line, source)
            if text not in self.absent:
                quals.append(Qualifier(key=key, value=text))
        out = []
        for part in parts:
            if plan.person or plan.kind in _TEXT_KINDS:
                text, trim_note = clean_text(self.ctx, part, self.label, line, col.column)
            else:
                text, trim_note = part.strip(), None
            if text in plan.absent:
                continue
            these = quals
            if col.parentheses is not None:
                match = _PARENS.fullmatch(text)
                if match is not None:
                    text = match[1].strip()
                    inner = match[2].strip()
                    if inner:
                        these = [*quals, Qualifier(key=col.parentheses, value=inner)]
                    if not text:
                        raise ParseError(plan.kind, part, "a value before the parentheses")
            value, note = self.value(plan, text)
            rank = Rank.NORMAL
            limit = self.table.not_after
            first = value.earliest if isinstance(value, PartialDate) else None
            last = None if limit is None else limit.latest
            if first is not None and last is not None and first > last:
                rank = Rank.DEPRECATED
                late = (
                    f"{value} is later than the data set can know (not_after: {limit}): kept "
                    "as written, deprecated (a year read in the wrong century?)"
                )
                self.ctx.note("dates after not_after", late, where(self.label, line, col.column)[1])
                note = _join(note, late)
            out.append(_Value(value, tuple(these), _join(trim_note, note), rank))
        return out

    def value(self, plan: _Plan, text: str) -> tuple[Any, str | None]:
        """One value of a column's kind from its (trimmed) text."""
        kind, col = plan.kind, plan.col
        if plan.person:
            return text, None  # a name: the person is made once the row is accepted
        if kind in _TEXT_KINDS:
            return Text(text), None
        if kind == "date":
            return month_date(text) or self.ctx.date(text), None
        bare = _BARE_NUMBER.fullmatch(text) is not None
        if kind == "integer":
            return whole_number(text, col.thousands), None
        if kind == "duration":
            if not bare:
                return Duration.parse(text), None
            if col.unit is None:
                raise ParseError(
                    "duration", text, "a number with a unit, such as 170 min (or declare unit:)"
                )
            return Duration(amount=read_number(text, col.thousands, kind), unit=col.unit), None
        if kind == "money":
            if not bare:
                return Money.parse(text), None
            if col.currency is None:
                raise ParseError(
                    "money",
                    text,
                    "an amount with a currency, such as $60,000,000 (or declare currency:)",
                )
            amount = read_number(text, col.thousands, kind)
            return Money(amount=amount, currency=col.currency), None
        if kind == "quantity":
            if not bare:
                return Quantity.parse(text), None
            return Quantity(
                amount=read_number(text, col.thousands, kind), unit=col.unit or ""
            ), None
        if kind == "ref":
            return EntityRef.parse(text), None
        return get_kind(kind).parse(text), None

    def person(
        self, film: EntityRef, plan: _Plan, name: str, quals: tuple[Qualifier, ...], line: int
    ) -> EntityRef:
        """The person named in a person column (added once), with their credit and the
        character they play."""
        ref = person_ref(name=name)
        ctx = self.ctx
        if ctx.columns is not None:
            return ref
        if not ctx.has(ref):
            ctx.entity(Person(id=ref, name=name))
        if plan.role is None:
            return ref
        character: EntityRef | None = None
        role_name = next((q.value for q in quals if q.key == "character_role"), None)
        if role_name is not None and plan.role is RoleKind.CAST:
            character = EntityRef("character", f"{film.key}-{slug(role_name)}")
            if not ctx.has(character):
                ctx.entity(Character(id=character, film=film, name=role_name, played_by=(ref,)))
        credit = EntityRef("credit", f"{film.key}-{slug(plan.role.value)}-{ref.key}")
        if not ctx.has(credit):
            billing = plan.col.billing
            if billing is not None and plan.role is RoleKind.CAST:
                holder = self.billed.setdefault((film.key, billing), ref.key)
                if holder != ref.key:
                    ctx.note(
                        "billing taken",
                        f"{film} bills {holder} at {billing} already: {ref} credited without "
                        "a billing order",
                        where(self.label, line, plan.col.column)[1],
                    )
                    billing = None
            ctx.entity(
                Credit(
                    id=credit,
                    film=film,
                    person=ref,
                    role=plan.role,
                    character=character,
                    billing=billing,
                )
            )
        return ref


def _apply_options(ctx: ImportContext, table: TableMapping) -> None:
    """The mapping's encoding, date order and pivot, where the caller gave none (the
    caller's options win: they know this copy of the file)."""
    given = ctx.options
    changes = {
        name: getattr(table, name)
        for name in ("encoding", "date_order", "pivot")
        if getattr(given, name) is None and getattr(table, name) is not None
    }
    if changes:
        ctx.options = attrs.evolve(given, **changes)


def read(path: Path, ctx: ImportContext, mapping: Any) -> Iterator[None]:
    """Read a film table through its mapping."""
    table = as_table_mapping(mapping)
    _apply_options(ctx, table)
    label = ctx.label(path)
    info = table.dataset
    if info is not None:
        ctx.dataset(
            info.key,
            title=info.title,
            url=info.url,
            publisher=info.publisher,
            description=info.description,
            path=path,
        )
    else:
        name = stem(path)
        ctx.dataset(slug(name.rsplit(".", 1)[0] if "." in name else name), title=name, path=path)
    for prop in table.properties:
        ctx.declare(prop)
    reader = _TableReader(table, ctx, label)
    fmt = table.format or sniff_format(path)
    first = True
    keys: set[str] = set()
    try:
        for line, cells in records(path, ctx, fmt, table.delimiter, keys):
            if first and fmt == "csv":
                reader.check_columns(list(cells), 1)  # the header's columns
            first = False
            reader.row(line, cells)
            yield
    except LoadError as exc:
        raise with_line(exc, path, label) from None
    if fmt != "csv" and keys:
        # A JSON file has no header: its columns are the keys of its records.
        reader.check_columns(sorted(keys), 1)


def recognises(path: Path) -> bool:
    """Never: a table is read only through a mapping, so its format is always named."""
    return False


IMPORTER = Importer(
    name="table",
    description="any film table (CSV, TSV, JSON array, JSON Lines) through a column mapping",
    read=read,
    recognises=recognises,
    needs_mapping=True,
)
