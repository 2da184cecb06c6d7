"""JSON and JSON Lines: parsed with orjson when installed (the ``fast`` extra), else json."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from filmlore.io._locate import json_locator
from filmlore.io._reader import Collector

__all__ = [
    "PARSE_FAILED",
    "dumps_json",
    "dumps_line",
    "loads_json",
    "parse_json",
    "read_json",
    "read_jsonl",
]

_orjson: Any
try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - the fast extra is not installed
    _orjson = None


class JSONSyntaxError(ValueError):
    """Text that is not JSON, with the line and column where parsing stopped."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def loads_json(data: bytes | str) -> Any:
    """Parse JSON: orjson first; the standard library when orjson refuses (integers beyond
    64 bits) or to explain a syntax error with its line and column."""
    if _orjson is not None:
        try:
            return _orjson.loads(data)
        except _orjson.JSONDecodeError:
            pass
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JSONSyntaxError(exc.msg, exc.lineno, exc.colno) from None
    except RecursionError:
        raise JSONSyntaxError("nested too deeply", 1, 1) from None


def _text(data: bytes | str) -> str:
    return data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data


#: What :func:`parse_json` returns for a document it could not read (the problem is noted).
PARSE_FAILED: Any = object()


def parse_json(data: bytes | str, collector: Collector, file: str | None) -> Any:
    """One JSON document, parsed, with the file's line locator registered for later problems;
    a syntax or encoding error is noted on ``collector`` and :data:`PARSE_FAILED` returned."""
    try:
        parsed = loads_json(data)
    except JSONSyntaxError as exc:
        collector.problem(
            None, (), f"not valid JSON: {exc.message} (column {exc.column})", file, exc.line
        )
        return PARSE_FAILED
    except UnicodeDecodeError as exc:
        collector.problem(None, (), f"not UTF-8 text: {exc.reason}", file, None)
        return PARSE_FAILED
    collector.locators[file] = lambda paths: json_locator(_text(data))(paths)
    return parsed


def read_json(data: bytes | str, collector: Collector, file: str | None) -> None:
    """A whole dossier written as one JSON object."""
    parsed = parse_json(data, collector, file)
    if parsed is not PARSE_FAILED:
        collector.mapping(parsed, file)


def read_jsonl(
    lines: Iterable[bytes | str], collector: Collector, file: str | None, default: str | None
) -> Iterator[list[Any]]:
    """JSON Lines, one record a line; yields the records read from each line."""
    loads = _orjson.loads if _orjson is not None else json.loads
    line_of = collector.line
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = loads(line)
        except ValueError:
            try:
                data = loads_json(line)
            except (JSONSyntaxError, UnicodeDecodeError) as exc:
                message = (
                    f"not valid JSON: {exc.message} (column {exc.column})"
                    if isinstance(exc, JSONSyntaxError)
                    else f"not UTF-8 text: {exc.reason}"
                )
                collector.problem(_text(line).rstrip("\r\n"), (), message, file, number)
                continue
        yield line_of(data, file, number, default)


def dumps_json(data: Any) -> bytes:
    """Indented JSON, UTF-8, ending with a newline."""
    if _orjson is not None:
        try:
            out: bytes = _orjson.dumps(data, option=_orjson.OPT_INDENT_2)
            return out + b"\n"
        except TypeError:  # integers beyond 64 bits
            pass
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def dumps_line(data: Any) -> bytes:
    """One JSON Lines line, ending with a newline."""
    if _orjson is not None:
        try:
            line: bytes = _orjson.dumps(data, option=_orjson.OPT_APPEND_NEWLINE)
            return line
        except TypeError:
            pass
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
