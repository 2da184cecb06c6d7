"""CSV: a flat table of claims, one claim a row.

Columns (a header row is required; order is free; unknown columns are refused):

=================  =========================================================================
``subject``        the entity the claim is about: ``film:heat-1995``  (required)
``property``       the property's name: ``duration``  (required)
``value``          the value as its kind prints it: ``nearly 3 hours``  (required)
``source``         the source: ``source:article-a``  (required)
``id``             the claim's id; when absent or empty, derived from the row (see below)
``qualifiers``     ``key=value; key=value``; ``\\`` escapes ``;``, ``=``, ``\\`` and
                   spaces at either end of a key or value
``excerpt``        the verbatim words the claim rests on
``excerpt_start``  with ``excerpt_end``: the excerpt's character offsets in the source text
``excerpt_end``
``excerpt_locator`` where the excerpt is when the source is not one text: ``file:line``
``stance``         ``asserts`` (the default), ``denies`` or ``hedges``
``attributed_to``  who the claim is attributed to: ``person:michael-mann``
``via``            the relaying sources, origin first: ``source:a; source:b``
``valid_at``       the date the claim holds for
``rank``           ``preferred``, ``normal`` (the default) or ``deprecated``
``note``           free text
``kind``           the value's kind when it is not the property's (or the property is unknown)
``lang``           the language of a text value: ``en``
=================  =========================================================================

Every cell is text: the value is read with its kind's parser (so an ``integer`` is written
``95`` and a ``boolean`` ``true``).  An empty cell is an absent value, so an empty text
value cannot be written to CSV (dumping one is refused).  The derived id is
``claim:`` followed by the first 16 hex digits of the SHA-256 of the row's cells, in the
column order above from ``subject`` to ``lang`` (``id`` left out), joined by U+001F: the
same row always gets the same id, wherever it is in the file.

Two more tables share the reading machinery (a header naming the columns, rows checked
cell by cell, every problem with its line and ``$.column``):

* a **sources table**, read beside a claims table (``load(..., sources=...)``), one
  source a row: ``id`` (``source:`` optional), ``kind`` (a :class:`~filmlore.SourceKind`
  value), and optionally ``name`` (the source's ``title``), ``weight`` (a number >= 0, its
  ``weight``) and ``prior`` (a number in [0, 1], its ``reliability``);
* a dossier folder's ``hierarchy.csv``: ``child,parent``, one
  :class:`~filmlore.HierarchyLink` a row.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from filmlore.dossier import ENTITY_COLLECTIONS, Dossier
from filmlore.errors import FieldError, ParseError
from filmlore.io._hooks import Invalid, describe
from filmlore.io._problems import Path
from filmlore.io._reader import Collector
from filmlore.io._values import text_out
from filmlore.io._writer import RecordWriter
from filmlore.models import HierarchyLink, Source, SourceKind
from filmlore.properties import Property, registry
from filmlore.values.kinds import get_kind
from filmlore.values.refs import EntityRef

__all__ = [
    "COLUMNS",
    "HIERARCHY_COLUMNS",
    "SOURCE_COLUMNS",
    "dumps_csv",
    "dumps_hierarchy_csv",
    "dumps_sources_csv",
    "read_csv",
    "read_hierarchy_csv",
    "read_sources_csv",
]

COLUMNS = (
    "id",
    "subject",
    "property",
    "value",
    "source",
    "qualifiers",
    "excerpt",
    "excerpt_start",
    "excerpt_end",
    "excerpt_locator",
    "stance",
    "attributed_to",
    "via",
    "valid_at",
    "rank",
    "note",
    "kind",
    "lang",
)
_REQUIRED = ("subject", "property", "value", "source")
# The locator joined the columns later; it is hashed only when given, so that the ids of
# rows without one stay what they were.
_HASHED = tuple(c for c in COLUMNS[1:] if c != "excerpt_locator")
_PLAIN = ("subject", "property", "source", "stance", "attributed_to", "valid_at", "rank", "note")


def derived_id(cells: dict[str, str]) -> str:
    """The id of a row without one: ``claim:`` and 16 hex digits of its cells' SHA-256."""
    joined = "\x1f".join(cells.get(c, "") for c in _HASHED)
    locator = cells.get("excerpt_locator")
    if locator:
        joined += "\x1f" + locator
    return "claim:" + hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


# --- qualifiers: key=value; key=value -----------------------------------------------------------


def parse_qualifiers(text: str) -> dict[str, str]:
    """Read ``key=value; key=value``; a backslash makes the next character literal.

    >>> parse_qualifiers(r"scope=in a speaking scene; note=a\\; b")
    {'scope': 'in a speaking scene', 'note': 'a; b'}
    """
    items: list[list[tuple[str, bool]]] = [[]]
    chars = iter(text)
    for char in chars:
        if char == "\\":
            nxt = next(chars, None)
            if nxt is None:
                raise Invalid("a qualifier ends with a lone backslash")
            items[-1].append((nxt, True))
        elif char == ";":
            items.append([])
        else:
            items[-1].append((char, False))
    out: dict[str, str] = {}
    for item in items:
        item = _strip(item)
        if not item:
            continue
        split = next((i for i, (c, escaped) in enumerate(item) if c == "=" and not escaped), None)
        written = "".join(c for c, _ in item)
        if split is None:
            raise Invalid(f"expected key=value, got {written!r}")
        key = "".join(c for c, _ in _strip(item[:split]))
        value = "".join(c for c, _ in _strip(item[split + 1 :]))
        if not key:
            raise Invalid(f"expected a qualifier name before '=', got {written!r}")
        if key in out:
            raise Invalid(f"qualifier {key!r} is given twice")
        out[key] = value
    return out


def _strip(item: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    start, end = 0, len(item)
    while start < end and not item[start][1] and item[start][0].isspace():
        start += 1
    while end > start and not item[end - 1][1] and item[end - 1][0].isspace():
        end -= 1
    return item[start:end]


def _escape_part(text: str) -> str:
    out = text.replace("\\", "\\\\").replace(";", "\\;").replace("=", "\\=")
    if out[:1].isspace():
        out = "\\" + out
    # A trailing space of the text (not the one just escaped as the first character, nor
    # one after an escaped backslash, which is still a plain space) is escaped.
    if len(text) > 1 and text[-1].isspace():
        out = out[:-1] + "\\" + out[-1]
    return out


def format_qualifiers(qualifiers: dict[str, str]) -> str:
    """Write qualifiers as ``key=value; key=value``, escaping what needs it."""
    return "; ".join(f"{_escape_part(k)}={_escape_part(v)}" for k, v in qualifiers.items())


# --- reading ------------------------------------------------------------------------------------


def _rows(
    lines: Iterable[str],
    collector: Collector,
    file: str | None,
    table: str,
    columns: Sequence[str],
    required: Sequence[str],
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a CSV table as ``(line, cells)``, the empty cells left out.

    The header must name every ``required`` column, only ``columns``, each once; otherwise
    one problem at line 1 says what is wrong and no row is read.  Empty rows are skipped;
    a row with more or fewer cells than the header, or text that is not CSV, is noted at
    its line.  ``table`` names the table in messages (``a claims table``).
    """
    reader = csv.reader(lines)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        collector.problem(None, (), f"not valid CSV: {exc}", file, reader.line_num)
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    unknown = [h for h in header if h not in columns]
    missing = [c for c in required if c not in header]
    twice = sorted({h for h in header if header.count(h) > 1})
    bad = []
    if unknown:
        bad.append(f"unknown column(s) {', '.join(map(repr, unknown))}")
    if missing:
        bad.append(f"missing column(s) {', '.join(map(repr, missing))}")
    if twice:
        bad.append(f"column(s) given twice: {', '.join(map(repr, twice))}")
    if bad:
        hint = ""
        if table == "a claims table" and not set(header) & set(required):
            hint = (
                "; a table of films is imported with load(path, format='table', "
                "mapping=...) (see the how-to on importing a table)"
            )
        collector.problem(
            header, (), "; ".join(bad) + f" ({table} takes {', '.join(columns)}){hint}", file, 1
        )
        return
    last_line = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            collector.problem(None, (), f"not valid CSV: {exc}", file, last_line + 1)
            break
        line = last_line + 1
        last_line = reader.line_num
        if not any(row):
            continue
        if len(row) != len(header):
            collector.problem(
                row,
                (),
                f"expected {len(header)} cells as in the header, got {len(row)}",
                file,
                line,
            )
            continue
        yield line, {h: v for h, v in zip(header, row, strict=True) if v != ""}


def read_csv(lines: Iterable[str], collector: Collector, file: str | None) -> Iterator[list[Any]]:
    """Claims from CSV text (an iterable of lines, newlines kept); yields each row's claim."""
    table = collector.table
    keep = collector.keep
    claims = collector.lists["claims"]
    for line, cells in _rows(lines, collector, file, "a claims table", COLUMNS, _REQUIRED):
        claim = _claim(cells, collector, table, file, line)
        if claim is not None:
            if keep:
                claims.append(claim)
            yield [claim]
    # a property no registry knows, whose rows all give one kind, is declared by them
    for prop in table.implied():
        table.declare(prop)
        if keep:
            collector.lists["properties"].append(prop)
        yield [prop]


def _claim(
    cells: dict[str, str], collector: Collector, table: Any, file: str | None, line: int
) -> Any:
    raw: dict[str, Any] = {k: cells[k] for k in _PLAIN if k in cells}
    raw["id"] = cells.get("id") or derived_id(cells)
    problems: list[Invalid] = []
    for column in _REQUIRED:
        if column not in cells:
            problems.append(Invalid(f"missing value in column {column!r}", (column,)))
    if "qualifiers" in cells:
        try:
            raw["qualifiers"] = parse_qualifiers(cells["qualifiers"])
        except Invalid as exc:
            problems.append(Invalid(exc.message, ("qualifiers",)))
    if "via" in cells:
        raw["via"] = [p.strip() for p in cells["via"].split(";") if p.strip()]
    if "excerpt" in cells:
        start, end = cells.get("excerpt_start"), cells.get("excerpt_end")
        locator = cells.get("excerpt_locator")
        if start is None and end is None and locator is None:
            raw["excerpt"] = cells["excerpt"]
        else:
            excerpt: dict[str, Any] = {"text": cells["excerpt"]}
            if locator is not None:
                excerpt["locator"] = locator
            for column, key, text in (
                ("excerpt_start", "start", start),
                ("excerpt_end", "end", end),
            ):
                if text is None:
                    continue
                if text.strip().isdigit():
                    excerpt[key] = int(text)
                else:
                    problems.append(Invalid(f"expected a whole number, got {text!r}", (column,)))
            raw["excerpt"] = excerpt
    elif "excerpt_start" in cells or "excerpt_end" in cells or "excerpt_locator" in cells:
        problems.append(
            Invalid("excerpt offsets or locator given without an excerpt", ("excerpt",))
        )
    if "value" in cells and "property" in cells:
        try:
            raw["value"] = _value(cells, table)
        except Invalid as exc:
            problems.append(exc)
    if problems:
        found = [(p.path, p.message) for p in problems]
        return collector.typed_claim(raw, (), file, line, found, cells)
    return collector.typed_claim(raw, (), file, line, None, cells)


def _value(cells: dict[str, str], table: Any) -> Any:
    kind_name = cells.get("kind")
    prop = cells["property"]
    if kind_name is not None:
        try:
            reader = _reader_of(kind_name)
        except LookupError:
            raise Invalid(f"unknown value kind {kind_name!r}", ("kind",)) from None
    else:
        reader = table.reader(prop)
        if reader is None:
            raise table.unknown(prop)
    if kind_name is not None or prop in table.explicit:
        table.note(prop, reader.kind)
    lang = cells.get("lang")
    if lang is not None and not reader.text_like:
        raise Invalid(f"a language is given for a {reader.kind.name} value", ("lang",))
    try:
        return reader.from_text(cells["value"], lang)
    except Invalid as exc:
        raise Invalid(exc.message, ("value",)) from None


def _reader_of(name: str) -> Any:
    from filmlore.io._values import _reader

    return _reader(get_kind(name))


# --- the sources table ------------------------------------------------------------------------

#: The columns of a sources table, in the order they are written.
SOURCE_COLUMNS = ("id", "kind", "name", "weight", "prior")
_SOURCE_REQUIRED = ("id", "kind")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_KINDS = {k.value: k for k in SourceKind}
_KIND_WORDS = ", ".join(repr(k) for k in _KINDS)
#: The Source fields a sources table holds, with their column.
_SOURCE_FIELDS = {"id": "id", "kind": "kind", "title": "name", "weight": "weight",
                  "reliability": "prior"}  # fmt: skip


def _number(text: str, column: str, what: str, top: float | None) -> float | Invalid:
    """The number in a cell, or the problem with it."""
    stripped = text.strip()
    if _NUMBER.fullmatch(stripped):
        value = float(stripped)
        if math.isfinite(value) and value >= 0 and (top is None or value <= top):
            return value
    return Invalid(f"expected {what}, got {describe(text)}", (column,))


def _source(cells: dict[str, str]) -> Source | list[Invalid]:
    """The source of one row of a sources table, or every problem of the row."""
    problems: list[Invalid] = []
    fields: dict[str, Any] = {}
    for column in _SOURCE_REQUIRED:
        if column not in cells:
            problems.append(Invalid(f"missing value in column {column!r}", (column,)))
    if "id" in cells:
        try:
            fields["id"] = EntityRef.parse(cells["id"], kind="source")
        except ParseError:
            problems.append(
                Invalid(
                    "expected a source's id such as 'tmdb-heat' or 'source:tmdb-heat', got "
                    + describe(cells["id"]),
                    ("id",),
                )
            )
    if "kind" in cells:
        kind = _KINDS.get(cells["kind"])
        if kind is None:
            problems.append(
                Invalid(f"expected one of {_KIND_WORDS}, got {describe(cells['kind'])}", ("kind",))
            )
        fields["kind"] = kind
    if "name" in cells:
        name = cells["name"]
        if name.isspace():
            problems.append(Invalid(f"expected a non-empty str, got {describe(name)}", ("name",)))
        fields["title"] = name
    for column, field, what, top in (
        ("weight", "weight", "a number >= 0", None),
        ("prior", "reliability", "a number in [0, 1]", 1.0),
    ):
        if column in cells:
            found = _number(cells[column], column, what, top)
            if isinstance(found, Invalid):
                problems.append(found)
            else:
                fields[field] = found
    if problems:
        return problems
    try:
        return Source(**fields)
    except FieldError as exc:  # pragma: no cover - every field is checked above
        column = _SOURCE_FIELDS.get(exc.field, exc.field)
        return [Invalid(f"expected {exc.expected}, got {describe(exc.got)}", (column,))]


def read_sources_csv(
    lines: Iterable[str], collector: Collector, file: str | None
) -> Iterator[list[Any]]:
    """The sources of a sources table (an iterable of lines); yields each row's source."""
    sources = collector.lists["sources"]
    for line, cells in _rows(
        lines, collector, file, "a sources table", SOURCE_COLUMNS, _SOURCE_REQUIRED
    ):
        found = _source(cells)
        if isinstance(found, Source):
            if collector.keep:
                sources.append(found)
            yield [found]
        else:
            collector.note(cells, [(p.path, p.message) for p in found], (), file, line)


# --- hierarchy.csv ----------------------------------------------------------------------------

#: The columns of a hierarchy table (a dossier folder's ``hierarchy.csv``).
HIERARCHY_COLUMNS = ("child", "parent")


def read_hierarchy_csv(lines: Iterable[str], collector: Collector, file: str | None) -> None:
    """The hierarchy links of a ``child,parent`` table, appended to the collector's."""
    links = collector.lists["hierarchy"]
    for line, cells in _rows(
        lines, collector, file, "a hierarchy table", HIERARCHY_COLUMNS, HIERARCHY_COLUMNS
    ):
        problems: list[tuple[Path, str]] = [
            ((column,), f"missing value in column {column!r}")
            for column in HIERARCHY_COLUMNS
            if column not in cells
        ]
        if not problems:
            try:
                links.append(HierarchyLink(child=cells["child"], parent=cells["parent"]))
                continue
            except FieldError as exc:
                problems = [((exc.field,), f"expected {exc.expected}, got {describe(exc.got)}")]
        collector.note(cells, problems, (), file, line)


# --- writing --------------------------------------------------------------------------------------


def _csv_text(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A header and rows as CSV text, one ``\\n`` a line.

    The writer quotes what holds a comma, a quote or a ``\\n``, but not a lone ``\\r``,
    which every CSV reader takes for the end of a line: a row holding one is written with
    every cell quoted, so that it reads back as written.
    """
    out = io.StringIO()
    plain = csv.writer(out, lineterminator="\n")
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    plain.writerow(columns)
    for row in rows:
        (quoted if any("\r" in cell for cell in row) else plain).writerow(row)
    return out.getvalue()


def _counted(dossier: Dossier, name: str) -> str:
    """``3 films``, ``1 hierarchy link``: how many records of a list a dossier has."""
    count = len(getattr(dossier, name))
    if name == "hierarchy":
        return f"{count} hierarchy link{'s' if count != 1 else ''}"
    return f"{count} {name}"


def _said_by_kind(prop: Property) -> bool:
    """Whether a claims table can declare ``prop`` by its rows' ``kind`` column: a
    property no registry knows, with a name and a kind and nothing else."""
    return registry.find(prop.name) is None and prop == Property(name=prop.name, kind=prop.kind)


def dumps_csv(dossier: Dossier, *, with_sources: bool = False) -> str:
    """The claims of ``dossier`` as CSV; a dossier holding anything else is refused.

    A property the dossier declares with only a name and a kind, unknown to the registry,
    is written as the ``kind`` column of its claims' rows (from which it is read back).

    With ``with_sources``, its sources are allowed too (they are written apart, to a
    sources table, by :func:`dumps_sources_csv`).
    """
    said = {p.name: p for p in dossier.properties if _said_by_kind(p)}
    others = [
        name
        for name in ("properties", "hierarchy", *ENTITY_COLLECTIONS)
        if name != "claims"
        and getattr(dossier, name)
        and not (with_sources and name == "sources")
        and not (name == "properties" and len(said) == len(dossier.properties))
    ]
    if others or dossier.title is not None or dossier.description is not None:
        what = ", ".join(_counted(dossier, name) for name in others) or "a title or description"
        hint = ""
        if others == ["sources"]:
            hint = (
                "; or write its sources to a sources table beside the claims with "
                "filmlore.dump(dossier, path, format='csv', sources=sources_path)"
            )
        raise ValueError(
            f"CSV holds only claims, and this dossier also has {what}: dump it as JSON, JSON "
            f"Lines, YAML, TOML or a folder, or dump dossier.claims alone{hint}"
        )
    write = RecordWriter(dossier.registry)
    rows = []
    for claim in dossier.claims:
        data = write.records[type(claim)](claim)
        cell, kind, lang = text_out(claim.value, write.kind(claim.property))
        if cell == "":
            raise ValueError(
                f"{claim.id} has an empty text value, which CSV cannot hold (an empty cell is "
                "an absent value): dump it as JSON, JSON Lines, YAML, TOML or a folder"
            )
        row = {k: v for k, v in data.items() if k in _PLAIN or k == "id"}
        row["value"] = cell
        declared = said.get(claim.property)
        if declared is not None:
            kind = declared.kind
        if kind is not None:
            row["kind"] = kind
        if lang is not None:
            row["lang"] = lang
        if "qualifiers" in data:
            row["qualifiers"] = format_qualifiers(data["qualifiers"])
        if "via" in data:
            row["via"] = "; ".join(data["via"])
        excerpt = data.get("excerpt")
        if isinstance(excerpt, dict):
            row["excerpt"] = excerpt["text"]
            if "start" in excerpt:
                row["excerpt_start"] = str(excerpt["start"])
                row["excerpt_end"] = str(excerpt["end"])
            if "locator" in excerpt:
                row["excerpt_locator"] = excerpt["locator"]
        elif excerpt is not None:
            row["excerpt"] = excerpt
        rows.append(row)
    used = set(_REQUIRED) | {"id"}
    for row in rows:
        used.update(row)
    columns = [c for c in COLUMNS if c in used]
    return _csv_text(columns, ([row.get(c, "") for c in columns] for row in rows))


#: The Source fields a sources table cannot hold.
_NOT_IN_TABLE = ("authors", "publisher", "url", "published", "retrieved", "language", "person",
                 "via", "text", "description")  # fmt: skip


def dumps_sources_csv(sources: Sequence[Source]) -> str:
    """``sources`` as a sources table: ``id`` and ``kind``, and ``name``, ``weight`` and
    ``prior`` when any source has one.  A source with a field the table has no column for
    (an author, a URL, a text …) is refused, not written partly."""
    rows = []
    for source in sources:
        kept = [f for f in _NOT_IN_TABLE if getattr(source, f) not in (None, ())]
        if kept:
            raise ValueError(
                f"{source.id} has {', '.join(kept)}, which a sources table cannot hold (its "
                f"columns are {', '.join(SOURCE_COLUMNS)}): dump it as JSON, JSON Lines, YAML, "
                "TOML or a folder"
            )
        row = {"id": str(source.id), "kind": source.kind.value}
        if source.title is not None:
            row["name"] = source.title
        if source.weight is not None:
            row["weight"] = repr(float(source.weight))
        if source.reliability is not None:
            row["prior"] = repr(float(source.reliability))
        rows.append(row)
    used = set(_SOURCE_REQUIRED).union(*rows)
    columns = [c for c in SOURCE_COLUMNS if c in used]
    return _csv_text(columns, ([row.get(c, "") for c in columns] for row in rows))


def dumps_hierarchy_csv(links: Sequence[HierarchyLink]) -> str:
    """``links`` as a ``child,parent`` table (a dossier folder's ``hierarchy.csv``)."""
    return _csv_text(HIERARCHY_COLUMNS, ([link.child, link.parent] for link in links))
