"""The words a claim rests on, as a reader should see them.

An excerpt of an article is quoted.  An excerpt of a data set is shown as the fields of the
row it comes from -- ``revenue = 187436818; runtime = 170.0`` -- never as the raw text of the
file (``,187436818,170.0,``) or a Python dict (``{'id': 80, 'name': 'Crime'}``):

* an imported claim's :attr:`Excerpt.locator <filmlore.Excerpt.locator>` names its field
  (``movies.csv:7$.runtime``): the field is that path, the value the excerpt;
* an excerpt of a ``database`` source whose text is kept (a table saved as CSV, a header
  row above its data rows) is found in that text, and each cell it covers is named by its
  column; a cell holding a list of records (``[{'id': 80, 'name': 'Crime'}, …]``) names the
  record's keys under the column (``genres.id = 80; genres.name = Crime``).

When the excerpt cannot be placed in a row (it spans rows, it is found twice in different
places, the text has no header row), it is quoted as it is.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Sequence
from typing import Any

import attrs

from filmlore.models import Excerpt, Source, SourceKind

__all__ = ["Cell", "Field", "csv_rows", "excerpt_fields", "quoted"]

#: A field of a row as a reader sees it: (name, value).
Field = tuple[str, str]

#: Quotation marks that open a quote; an excerpt starting with one keeps its own.
_OPENING = ("“", '"', "„", "«", "‘", "'", "‹", "「")
#: Quotation marks that close a quote.
_CLOSING = ("”", '"', "»", "’", "'", "›", "」")
#: A column name in a header row.
_NAME = re.compile(r"[A-Za-z_][\w .\-]{0,63}\Z")
#: The longest excerpt read as a record (longer ones are quoted as they are).
_LONGEST_RECORD = 4000


def quoted(text: str) -> str:
    """``text`` in quotation marks -- unless it opens (or closes) with its own, which are
    kept rather than doubled.

    >>> quoted("a towering achievement")
    '“a towering achievement”'
    >>> quoted("“It isn’t a crime film to me,” he told Scraps from the Loft.")
    '“It isn’t a crime film to me,” he told Scraps from the Loft.'
    >>> quoted("but I don’t.”")
    '“but I don’t.”'
    """
    if text.startswith(_OPENING):
        return text
    if text.endswith(_CLOSING):
        return f"“{text}"
    return f"“{text}”"


@attrs.frozen(slots=True)
class Cell:
    """A cell of a CSV text: its value, and where its content starts and ends in the text."""

    start: int
    end: int
    value: str


def csv_rows(text: str) -> list[list[Cell]]:
    """The rows of a CSV text, each cell with the offsets of its content (inside the quotes
    of a quoted cell).

    >>> [[c.value for c in row] for row in csv_rows('a,b\\n1,"x, y"\\n')]
    [['a', 'b'], ['1', 'x, y']]
    >>> csv_rows('a,"b"')[0][1]
    Cell(start=3, end=4, value='b')
    """
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == '"':
            j, parts = i + 1, []
            while j < n:
                if text[j] == '"':
                    if text[j + 1 : j + 2] == '"':
                        parts.append('"')
                        j += 2
                        continue
                    break
                parts.append(text[j])
                j += 1
            cell = Cell(i + 1, j, "".join(parts))
            k = j + 1
            while k < n and text[k] not in ",\r\n":
                k += 1  # stray characters after a closing quote: kept out of the value
        else:
            k = i
            while k < n and text[k] not in ",\r\n":
                k += 1
            cell = Cell(i, k, text[i:k])
        row.append(cell)
        if k >= n:
            break
        if text[k] == ",":
            i = k + 1
            if i >= n:
                row.append(Cell(i, i, ""))
            continue
        rows.append(row)
        row = []
        i = k + 2 if text[k : k + 2] == "\r\n" else k + 1
    if row:
        rows.append(row)
    return rows


def _is_header(row: Sequence[Cell]) -> bool:
    return bool(row) and all(_NAME.match(c.value) for c in row)


def _header(rows: Sequence[Sequence[Cell]], index: int) -> Sequence[Cell] | None:
    """The header row of the data row ``rows[index]``: the nearest row above it made of
    column names only, with as many cells."""
    if _is_header(rows[index]):
        return None
    for k in range(index - 1, -1, -1):
        if _is_header(rows[k]):
            return rows[k] if len(rows[k]) == len(rows[index]) else None
    return None


def _show(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, (bool, int, float)):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False)


def _record(fragment: str) -> dict[str, Any] | None:
    """A record written as a Python or JSON literal (``{'id': 80, 'name': 'Crime'}``, or its
    inside without the braces), else None."""
    text = fragment.strip().strip(",").strip()
    if not text or len(text) > _LONGEST_RECORD:
        return None
    for candidate in (text, "{" + text + "}"):
        try:
            value = ast.literal_eval(candidate)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
        if isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
            return value
    return None


def _raw(text: str, start: int, end: int) -> str:
    """The words of a cell between two offsets, its doubled quotes undone."""
    return text[start:end].replace('""', '"')


def _row_fields(
    text: str, rows: Sequence[Sequence[Cell]], start: int, end: int
) -> tuple[Field, ...]:
    """The fields of the row that ``text[start:end]`` lies in, or () when it is not in one
    row under a header."""
    for index, row in enumerate(rows):
        if not row or row[-1].end < start:
            continue
        if row[0].start > start + 1 or row[-1].end < end - 1:
            return ()  # before the row's first cell, or running on into the next row
        header = _header(rows, index)
        if header is None:
            return ()
        covered = [
            (name.value, cell)
            for name, cell in zip(header, row, strict=True)
            if cell.start < end and start < cell.end
        ]
        if len(covered) == 1:
            name, cell = covered[0]
            lo, hi = max(start, cell.start), min(end, cell.end)
            record = _record(_raw(text, lo, hi))
            if record is not None:
                return tuple((f"{name}.{k}", _show(v)) for k, v in record.items())
        fields = []
        for name, cell in covered:
            lo, hi = max(start, cell.start), min(end, cell.end)
            part = _raw(text, lo, hi)
            if not part.strip():
                continue
            shown = ("…" if lo > cell.start else "") + part + ("…" if hi < cell.end else "")
            fields.append((name, shown))
        return tuple(fields)
    return ()


def _places(text: str, excerpt: Excerpt) -> list[tuple[int, int]]:
    if excerpt.start is not None and excerpt.end is not None:
        return [(excerpt.start, excerpt.end)]
    out, at = [], text.find(excerpt.text)
    while at >= 0:
        out.append((at, at + len(excerpt.text)))
        at = text.find(excerpt.text, at + 1)
    return out


def excerpt_fields(
    excerpt: Excerpt, source: Source | None, rows: Sequence[Sequence[Cell]] | None = None
) -> tuple[str | None, tuple[Field, ...]]:
    """Where an excerpt of a data set is (``movies.csv:7``, or None) and the fields it
    shows, as ``(name, value)`` pairs; ``(None, ())`` for the excerpt of a text, or one
    that cannot be placed in a row.  ``rows`` are the source text's :func:`csv_rows`, when
    already read."""
    if excerpt.locator is not None:
        where, sep, path = excerpt.locator.partition("$.")
        if sep and path:
            return where or None, ((path, excerpt.text),)
    if source is None or source.kind is not SourceKind.DATABASE or not source.text:
        return None, ()
    places = _places(source.text, excerpt)
    if not places:
        return None, ()
    table = rows if rows is not None else csv_rows(source.text)
    found = {_row_fields(source.text, table, start, end) for start, end in places}
    if len(found) != 1:
        return None, ()  # the same words in rows that say different things
    return None, found.pop()
