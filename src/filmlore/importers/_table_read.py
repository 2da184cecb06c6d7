"""Reading a film table's records and cells: CSV/TSV rows, a JSON array or JSON Lines of
flat objects (streamed, with the line each record starts on), numbers written with or
without thousands separators, and text with its stray whitespace and mojibake.

Cells come out as text as written: a JSON number is its digits (``6.1`` stays ``"6.1"``,
never a float), ``null`` is None (absent), a list of scalars is a tuple of texts (values
already split).
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Literal

from filmlore.errors import LoadError, Location, ParseError, Problem
from filmlore.importers._context import ImportContext
from filmlore.importers._files import decode_error, open_binary, open_text, read_rows
from filmlore.values.dates import PartialDate

__all__ = [
    "Cell",
    "clean_text",
    "month_date",
    "read_number",
    "records",
    "sniff_format",
    "text_of",
    "whole_number",
]

#: A cell: text as written, a tuple of texts (a JSON list), or None (absent).
Cell = str | tuple[str, ...] | None

_CHUNK = 1 << 16
_SAMPLE = 4096
_PLAIN = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
# Commas that can only group thousands: two groups or more, or one before a decimal point.
_COMMAS = re.compile(r"[+-]?[0-9]{1,3}(?:(?:,[0-9]{3}){2,}(?:\.[0-9]+)?|,[0-9]{3}\.[0-9]+)")
_DOTS = re.compile(r"[+-]?[0-9]{1,3}(?:\.[0-9]{3}){2,}")
_ONE_GROUP = re.compile(r"[+-]?[0-9]{1,3}[,.][0-9]{3}")
_NUMBER_EXAMPLES = "a number written with digits, such as 170, 8.4 or 67,436,818"
# Whitespace a CSV writer or a spreadsheet leaves and nobody means: trimmed without a note.
_PLAIN_SPACE = frozenset(" \t\r\n")


def _grouped(thousands: str) -> re.Pattern[str]:
    sep = re.escape(thousands)
    dec = re.escape("," if thousands in (".", " ") else ".")
    return re.compile(rf"[+-]?(?:[0-9]{{1,3}}(?:{sep}[0-9]{{3}})+|[0-9]+)(?:{dec}[0-9]+)?")


_GROUPED = {sep: _grouped(sep) for sep in (",", ".", " ", "'")}


def read_number(text: str, thousands: str | None = None, kind: str = "number") -> Decimal:
    """The number ``text`` writes, exactly.

    Digits with an optional decimal point read as they are (``146.0``, ``8.4``).  Thousands
    separators are read only when they cannot be a decimal mark: ``67,436,818`` (two groups)
    or ``1,234.5`` read, ``1,305`` (which could be 1305 or 1.305) is refused unless the
    column declares ``thousands``.  With ``thousands`` declared, only that separator groups
    (and ``,`` is the decimal mark when it is ``.`` or a space).
    """
    s = text.strip()
    if thousands is not None:
        if _GROUPED[thousands].fullmatch(s):
            dec = "," if thousands in (".", " ") else "."
            return Decimal(s.replace(thousands, "").replace(dec, "."))
        raise ParseError(
            kind, text, f"a number grouped with {thousands!r} as the mapping declares (thousands:)"
        )
    if _PLAIN.fullmatch(s):
        return Decimal(s)
    if _COMMAS.fullmatch(s):
        return Decimal(s.replace(",", ""))
    if _DOTS.fullmatch(s):
        return Decimal(s.replace(".", ""))
    if _ONE_GROUP.fullmatch(s):
        sep = s[-4]
        other = "." if sep == "," else ","
        raise ParseError(
            kind,
            text,
            f"a number that reads one way: {s!r} could be {s.replace(sep, '')} or "
            f"{s.replace(sep, other)} (declare the column's thousands: {sep!r})",
        )
    raise ParseError(kind, text, _NUMBER_EXAMPLES)


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
# "December 15, 1995", "Jun 12 1998", "Dec. 15 1995", "December 1995".
_MONTH_FIRST = re.compile(r"([A-Za-z]{3,9})\.?\s+(?:([0-9]{1,2}),?\s+)?([0-9]{4})")
# "15 December 1995".
_DAY_FIRST = re.compile(r"([0-9]{1,2})\s+([A-Za-z]{3,9})\.?,?\s+([0-9]{4})")


def month_date(text: str) -> PartialDate | None:
    """The date of text that names its month and writes a four-digit year (``December 15,
    1995``, ``Jun 12 1998``, ``15 December 1995``, ``December 1995``), read without dateutil
    (the same date :meth:`PartialDate.parse` reads, ten times faster); None for any other
    text, or a day the month does not have (left to the full parser and its error)."""
    match = _MONTH_FIRST.fullmatch(text)
    if match is not None:
        month, day, year = match[1], match[2], match[3]
    else:
        match = _DAY_FIRST.fullmatch(text)
        if match is None:
            return None
        day, month, year = match[1], match[2], match[3]
    number = _MONTHS.get(month.lower())
    if number is None:
        return None
    try:
        return PartialDate(year=int(year), month=number, day=int(day) if day else None)
    except ValueError:
        return None


def whole_number(text: str, thousands: str | None = None) -> int:
    """A whole number; ``927000.0`` (a count a spreadsheet saved as a decimal) is the same
    number, 927000, and reads; ``8.4`` does not."""
    number = read_number(text, thousands, "whole number")
    if number != number.to_integral_value():
        raise ParseError("whole number", text, "a whole number such as 927000")
    return int(number)


def clean_text(
    ctx: ImportContext, raw: str, file: str, line: int, column: str
) -> tuple[str, str | None]:
    """``raw`` with mojibake repaired (when the caller asked) and surrounding whitespace
    trimmed, and a note of what changed beyond ordinary spaces (None if nothing did), also
    recorded on ``ctx`` at the cell (``file``, ``line``, ``column``)."""
    if raw.isascii():
        return raw.strip(), None  # the common case: nothing to repair, nothing odd to trim
    at = Location(file=file, line=line, path=f"$.{column}")
    fixed, note = ctx.fix_text(raw)
    if note is not None:
        ctx.note("mojibake repaired", note, at)
    stripped = fixed.strip()
    if len(stripped) != len(fixed):
        left = fixed[: len(fixed) - len(fixed.lstrip())]
        right = fixed[len(fixed.rstrip()) :]
        odd = sorted({ch for ch in left + right if ch not in _PLAIN_SPACE})
        if odd:
            names = ", ".join(f"U+{ord(ch):04X}" for ch in odd)
            trimmed = f"whitespace {names} trimmed from {raw!r}"
            ctx.note("whitespace trimmed", trimmed, at)
            note = f"{note}; {trimmed}" if note else trimmed
    return stripped, note


def text_of(cell: Cell) -> str:
    """A cell as written: its text, or a JSON list as JSON."""
    if cell is None:
        return ""
    if isinstance(cell, tuple):
        return json.dumps(list(cell), ensure_ascii=False)
    return cell


def sniff_format(path: Path) -> Literal["csv", "json", "jsonl"]:
    """``json`` for a file whose first character is ``[``, ``jsonl`` for ``{``, else
    ``csv`` (compressed files are looked into)."""
    with open_binary(path) as f:
        sample = f.read(_SAMPLE)
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = sample.decode("utf-16", errors="ignore")
    else:
        head = sample.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="ignore")
    head = head.lstrip()
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        return "jsonl"
    return "csv"


# --- records ------------------------------------------------------------------------------


def records(
    path: Path, ctx: ImportContext, fmt: str, delimiter: str | None, keys: set[str]
) -> Iterator[tuple[int, dict[str, Cell]]]:
    """The records of a table file, each with the line it starts on; rows that are not
    records (ragged, not JSON, not flat) are rejected on ``ctx`` and skipped.  The keys of
    every JSON object read are added to ``keys`` (a JSON file has no header)."""
    if fmt == "csv":
        for row in read_rows(path, ctx, delimiter=delimiter):
            yield row.line, dict(row.cells)
    elif fmt == "json":
        yield from _json_array(path, ctx, keys)
    else:
        yield from _json_lines(path, ctx, keys)


def _decoder() -> json.JSONDecoder:
    # Numbers are kept as written (a float would change 6.1 or 1e21 into something else).
    return json.JSONDecoder(parse_float=str, parse_int=str, parse_constant=str)


def _flat(
    obj: Any, label: str, line: int, ctx: ImportContext, keys: set[str]
) -> dict[str, Cell] | None:
    """A JSON record's cells, or None with the record rejected."""
    if isinstance(obj, dict):
        keys.update(obj)
    else:
        ctx.reject(
            obj,
            Location(file=label, line=line),
            f"expected a JSON object (one film's fields), got {type(obj).__name__}",
        )
        return None
    cells: dict[str, Cell] = {}
    problems: list[tuple[str, str]] = []
    for key, value in obj.items():
        if value is None or isinstance(value, str):
            cells[key] = value
        elif isinstance(value, bool):
            cells[key] = "true" if value else "false"
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            cells[key] = tuple(value)
        else:
            problems.append(
                (
                    key,
                    f"{key}: expected a flat value (text, number, true/false, null or a list "
                    f"of them), got {json.dumps(value)[:60]}",
                )
            )
    if problems:
        ctx.reject(
            obj,
            Location(file=label, line=line, path=f"$.{problems[0][0]}"),
            *(m for _, m in problems),
        )
        return None
    return cells


class _Stream:
    """Text read in chunks, with the line number of the read position."""

    def __init__(self, text: IO[str], path: Path, label: str, encoding: str | None) -> None:
        self.file = text
        self.path = path
        self.label = label
        self.encoding = encoding
        self.buf = ""
        self.pos = 0
        self.line = 1
        self.eof = False

    def fill(self) -> bool:
        if self.eof:
            return False
        try:
            chunk = self.file.read(_CHUNK)
        except UnicodeDecodeError:
            line = self.line + self.buf.count("\n", self.pos)
            raise decode_error(self.path, self.label, line, self.encoding) from None
        if not chunk:
            self.eof = True
            return False
        if self.pos > _CHUNK:
            self.buf = self.buf[self.pos :]
            self.pos = 0
        self.buf += chunk
        return True

    def skip_space(self) -> str:
        """The next character that is not whitespace ('' at the end)."""
        while True:
            buf, pos = self.buf, self.pos
            while pos < len(buf) and buf[pos] in " \t\r\n":
                if buf[pos] == "\n":
                    self.line += 1
                pos += 1
            self.pos = pos
            if pos < len(buf):
                return buf[pos]
            if not self.fill():
                return ""

    def advance(self, end: int) -> None:
        self.line += self.buf.count("\n", self.pos, end)
        self.pos = end


def _json_array(
    path: Path, ctx: ImportContext, keys: set[str]
) -> Iterator[tuple[int, dict[str, Cell]]]:
    label = ctx.label(path)
    decoder = _decoder()
    with open_text(path, ctx) as text:
        s = _Stream(text, path, label, ctx.options.encoding or getattr(text, "encoding", None))

        def stop(message: str, line: int) -> None:
            ctx.reject(None, Location(file=label, line=line), message)

        if s.skip_space() != "[":
            stop("expected a JSON array of objects ([ {...}, {...} ])", s.line)
            return
        s.advance(s.pos + 1)
        if s.skip_space() == "]":
            s.advance(s.pos + 1)
        else:
            while True:
                first = s.skip_space()
                if not first:
                    stop("the JSON array does not end (no ']')", s.line)
                    return
                while True:
                    try:
                        obj, end = decoder.raw_decode(s.buf, s.pos)
                    except json.JSONDecodeError as exc:
                        if s.fill():
                            continue
                        at = s.line + s.buf.count("\n", s.pos, exc.pos)
                        stop(f"not JSON: {exc.msg} (at line {at}) in the record from here", s.line)
                        return
                    if end == len(s.buf) and s.fill():
                        continue  # a number may go on in the next chunk
                    break
                start = s.line
                s.advance(end)
                ctx.rows += 1
                cells = _flat(obj, label, start, ctx, keys)
                if cells is not None:
                    yield start, cells
                after = s.skip_space()
                s.advance(s.pos + 1)
                if after == "]":
                    break
                if after != ",":
                    shown = repr(after) if after else "the end of the file"
                    stop(f"not JSON: expected ',' or ']' after a record, got {shown}", s.line)
                    return
        if s.skip_space():
            stop("not JSON: text after the array's closing ']'", s.line)


def _json_lines(
    path: Path, ctx: ImportContext, keys: set[str]
) -> Iterator[tuple[int, dict[str, Cell]]]:
    label = ctx.label(path)
    decoder = _decoder()
    blank = first_blank = 0
    with open_text(path, ctx) as text:
        encoding = ctx.options.encoding or getattr(text, "encoding", None)
        line = 0
        while True:
            line += 1
            try:
                raw = text.readline()
            except UnicodeDecodeError:
                raise decode_error(path, label, line, encoding) from None
            if not raw:
                break
            if not raw.strip():
                blank += 1
                first_blank = first_blank or line
                continue
            ctx.rows += 1
            try:
                obj = decoder.decode(raw)
            except json.JSONDecodeError as exc:
                ctx.reject(
                    raw,
                    Location(file=label, line=line),
                    f"not JSON: {exc.msg} (column {exc.colno})",
                )
                continue
            cells = _flat(obj, label, line, ctx, keys)
            if cells is not None:
                yield line, cells
    if blank:
        ctx.note(
            "blank rows",
            f"{blank} blank row(s) skipped, the first at line {first_blank}",
            Location(file=label, line=first_blank),
        )


def first_undecodable_line(path: Path) -> int | None:
    """The first line (of the first 64 KiB) whose bytes are not UTF-8, for an error that
    says where a file stops being text."""
    with open_binary(path) as f:
        sample = f.read(_CHUNK)
    lines = sample.split(b"\n")
    cut = len(sample) == _CHUNK  # the sample may end inside a character
    for number, line in enumerate(lines, 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as exc:
            if cut and number == len(lines) and exc.start >= len(line) - 3:
                continue
            return number
    return None


def with_line(exc: LoadError, path: Path, label: str) -> LoadError:
    """``exc`` (an encoding that cannot be told) with the line where the bytes stop being
    UTF-8 text, when the base error names none."""
    if len(exc.problems) != 1 or exc.problems[0].location.line is not None:
        return exc
    line = first_undecodable_line(path)
    if line is None:
        return exc
    problem = exc.problems[0]
    return LoadError(
        [Problem(message=problem.message, location=Location(file=label, line=line))],
        exc.source,
    )
