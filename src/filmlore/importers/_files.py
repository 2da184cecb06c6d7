"""Opening what users have: compressed or not, UTF-8 or not, comma, semicolon or tab.

Every importer reads its files through :func:`open_text` and :func:`read_rows`, so that an
encoding is decided one way, a delimiter sniffed one way, and a blank row counted one way,
whatever the format.
"""

from __future__ import annotations

import bz2
import codecs
import contextlib
import csv
import gzip
import io
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, NamedTuple

from filmlore.errors import LoadError, Location, Problem

if TYPE_CHECKING:
    from filmlore.importers._context import ImportContext

__all__ = ["Row", "open_binary", "open_text", "peek", "read_rows", "sniff_delimiter", "stem"]

_SAMPLE = 1 << 16
_DELIMITERS = (",", ";", "\t", "|")
#: The largest field the csv module will read (some data sets hold long JSON in a cell).
_FIELD_LIMIT = 1 << 27


def stem(path: Path) -> str:
    """A file's name without its compression suffix: ``title.basics.tsv.gz`` →
    ``title.basics.tsv``."""
    name = path.name
    for suffix in (".gz", ".bz2"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


@contextlib.contextmanager
def open_binary(path: Path) -> Iterator[IO[bytes]]:
    """``path`` opened for reading bytes, decompressed when it is gzip or bzip2 (told by its
    first bytes, not only its suffix)."""
    with open(path, "rb") as raw:
        magic = raw.read(3)
        raw.seek(0)
        if magic[:2] == b"\x1f\x8b":
            with gzip.open(raw) as f:
                yield f  # type: ignore[misc]
        elif magic == b"BZh":
            with bz2.open(raw) as f:
                yield f
        else:
            yield raw


def peek(path: Path, size: int = _SAMPLE) -> str:
    """The first ``size`` bytes of a file (decompressed) as text, a byte-order mark dropped
    and bytes that are not UTF-8 replaced; '' when the file cannot be read.  What the
    importers recognise their inputs by."""
    try:
        with open_binary(path) as f:
            sample = f.read(size)
    except (OSError, EOFError, zlib.error, ValueError):  # BadGzipFile is an OSError
        return ""
    return sample.decode("utf-8-sig", errors="replace")


def _decodes(sample: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        decoder.decode(sample, final=False)  # a character cut at the sample's end is fine
    except UnicodeDecodeError:
        return False
    return True


def _detect(sample: bytes, label: str, ctx: ImportContext) -> str:
    """The encoding of bytes that are not UTF-8, detected by charset-normalizer."""
    try:
        import charset_normalizer
    except ImportError:
        raise LoadError(
            [
                Problem(
                    message=(
                        "the file is not UTF-8 text: pass encoding= (e.g. 'cp1252'), or "
                        "install charset-normalizer to detect it: pip install 'filmlore[import]'"
                    ),
                    location=Location(file=label),
                )
            ],
            label,
        ) from None
    best = charset_normalizer.from_bytes(sample).best()
    if best is None:
        raise LoadError(
            [
                Problem(
                    message=(
                        "the file is not UTF-8 text and its encoding cannot be detected: "
                        "pass encoding="
                    ),
                    location=Location(file=label),
                )
            ],
            label,
        )
    encoding = str(best.encoding)
    ctx.note(
        "encoding",
        f"not UTF-8: read as {encoding} (detected; pass encoding= to say otherwise)",
        Location(file=label),
    )
    return encoding


@contextlib.contextmanager
def open_text(path: Path, ctx: ImportContext) -> Iterator[IO[str]]:
    """``path`` as text: in ``ctx.options.encoding`` when given; else UTF-8 (a byte-order
    mark dropped), or UTF-16 with its mark; else the encoding charset-normalizer detects
    from the first 64 KiB, recorded as a note.  Decompressed when gzip or bzip2."""
    label = ctx.label(path)
    with open_binary(path) as f:
        buffered: Any = f if isinstance(f, io.BufferedReader) else io.BufferedReader(f)
        sample = buffered.peek(_SAMPLE)[:_SAMPLE]
        encoding = ctx.options.encoding
        if encoding is None:
            if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                encoding = "utf-16"
            elif _decodes(sample, "utf-8"):
                encoding = "utf-8-sig"
            else:
                encoding = _detect(sample, label, ctx)
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise LoadError(
                [Problem(message=f"unknown encoding {encoding!r}", location=Location(file=label))],
                label,
            ) from None
        text = io.TextIOWrapper(buffered, encoding=encoding, errors="strict", newline="")
        try:
            yield text
        finally:
            with contextlib.suppress(ValueError):
                text.detach()


def _bad_line(path: Path, encoding: str) -> int | None:
    """The first line of ``path`` holding bytes that are not text in ``encoding`` (text
    is decoded a block at a time, so where the decoder stopped does not say)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    with open_binary(path) as f:
        for number, raw in enumerate(f, 1):
            try:
                decoder.decode(raw)
            except UnicodeDecodeError:
                return number
    return None


def decode_error(path: Path, label: str, line: int, encoding: str | None) -> LoadError:
    """The error for bytes that are not text in the encoding a file was read in, at the
    line that holds them."""
    if encoding:
        with contextlib.suppress(LookupError, OSError):
            line = _bad_line(path, encoding) or line
    how = f"in {encoding}" if encoding else "as UTF-8"
    return LoadError(
        [
            Problem(
                message=(
                    f"bytes that cannot be read {how}: pass the file's encoding= "
                    "(e.g. 'cp1252' or 'latin-1')"
                ),
                location=Location(file=label, line=line),
            )
        ],
        label,
    )


class _Cells(dict[str, str]):
    """A row's cells by column; a column the file's header lacks is a LoadError that names
    the file, the header's line and the columns it has (never a bare KeyError)."""

    label: str = ""
    header_line: int = 1
    names: tuple[str, ...] = ()

    def __missing__(self, key: str) -> str:
        has = ", ".join(repr(n) for n in self.names) or "none"
        raise LoadError(
            [
                Problem(
                    message=f"no column {key!r} in the header (its columns: {has}): is this "
                    "the file the format expects?",
                    location=Location(file=self.label, line=self.header_line, path=f"$.{key}"),
                )
            ],
            self.label,
        )


def sniff_delimiter(header: str) -> str:
    """The delimiter of a table, from its header line: the one of ``,``, ``;``, tab and
    ``|`` that occurs most often outside quotes (a comma on a tie)."""
    outside, quoted = [], False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(ch)
    counts = {d: outside.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


class Row(NamedTuple):
    """One row of a table: its first line in the file, and its cells by column name."""

    line: int
    cells: dict[str, str]


def read_rows(
    path: Path,
    ctx: ImportContext,
    *,
    delimiter: str | None = None,
    quoting: Literal[0, 1, 2, 3] = csv.QUOTE_MINIMAL,
) -> Iterator[Row]:
    """The rows of a delimited table with a header line, in order.

    The delimiter is sniffed from the header unless given.  A blank row is counted (one
    note for all of them) and skipped; a row with more or fewer cells than the header is
    rejected with both counts; bytes that are not text stop the read with the file and
    line.  Every row read is counted on ``ctx``.
    """
    label = ctx.label(path)
    csv.field_size_limit(_FIELD_LIMIT)
    with open_text(path, ctx) as text:
        encoding = ctx.options.encoding or getattr(text, "encoding", None)
        line = 1
        try:
            first = text.readline()
            while first and not first.strip():
                line += 1
                first = text.readline()
        except UnicodeDecodeError:
            raise decode_error(path, label, line, encoding) from None
        if not first:
            return
        sep = delimiter or sniff_delimiter(first)
        header = next(csv.reader([first], delimiter=sep, quoting=quoting))
        names = [h.strip() for h in header]
        width = len(names)
        cells_of = type(
            "Cells", (_Cells,), {"label": label, "header_line": line, "names": tuple(names)}
        )
        reader = csv.reader(text, delimiter=sep, quoting=quoting, strict=False)
        blank = 0
        first_blank = 0
        while True:
            start = line + reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            except UnicodeDecodeError:
                raise decode_error(path, label, start, encoding) from None
            except csv.Error as exc:
                ctx.reject(None, Location(file=label, line=start), f"not a table row: {exc}")
                continue
            if not cells or (len(cells) <= width and not "".join(cells).strip()):
                blank += 1
                first_blank = first_blank or start
                continue
            ctx.rows += 1
            if len(cells) != width:
                ctx.reject(
                    dict(zip(names, cells, strict=False)),
                    Location(file=label, line=start),
                    f"expected {width} cells as in the header, got {len(cells)}",
                )
                continue
            yield Row(start, cells_of(zip(names, cells)))  # noqa: B905 - equal widths
        if blank:
            ctx.note(
                "blank rows",
                f"{blank} blank row(s) skipped, the first at line {first_blank}",
                Location(file=label, line=first_blank),
            )


def is_file_like(source: Any) -> bool:
    """True for an open file rather than a path."""
    return not isinstance(source, (str, os.PathLike))
