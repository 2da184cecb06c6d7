"""TOML: read with :mod:`tomllib` (``tomli`` before Python 3.11), written by a small writer.

The writer covers exactly the serialised form: top-level ``title``/``description`` keys,
then one ``[[films]]``-style array-of-tables entry per record, each field on its own line,
nested values as inline tables and arrays, every string a basic string with escapes.  TOML
has no null; the serialised form never needs one.
"""

from __future__ import annotations

import math
import re
import sys
from typing import Any

from filmlore.io._locate import toml_locator
from filmlore.io._reader import Collector

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["dumps_toml", "read_toml"]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_LINE = re.compile(r"at line (\d+)")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


def _escape(char: re.Match[str]) -> str:
    c = char.group()
    return _ESCAPES.get(c) or f"\\u{ord(c):04X}"


def _string(text: str) -> str:
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def _key(key: str) -> str:
    return key if _BARE.fullmatch(key) else _string(key)


def _value(value: Any) -> str:
    if isinstance(value, str):
        return _string(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        text = repr(value)
        return text if any(c in text for c in ".en") else text + ".0"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    if value is None:
        raise TypeError("TOML has no null: a None value cannot be written")
    raise TypeError(f"cannot write {type(value).__name__} {value!r} as TOML")


def dumps_toml(data: dict[str, Any]) -> str:
    """TOML for a mapping of scalars and lists of mappings (arrays of tables)."""
    head: list[str] = []
    tables: list[str] = []
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for record in value:
                tables.append(f"\n[[{_key(key)}]]")
                tables.extend(f"{_key(k)} = {_value(v)}" for k, v in record.items())
        else:
            head.append(f"{_key(key)} = {_value(value)}")
    text = "\n".join(head + tables).lstrip("\n")
    return text + "\n" if text else ""


def read_toml(text: str | bytes, collector: Collector, file: str | None) -> None:
    """A whole dossier written as TOML."""
    try:
        source = text.decode("utf-8") if isinstance(text, bytes) else text
        data = tomllib.loads(source)
    except UnicodeDecodeError as exc:
        collector.problem(None, (), f"not UTF-8 text: {exc.reason}", file, None)
        return
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _LINE.search(message)
        line = int(found.group(1)) if found else None
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", message)
        collector.problem(None, (), f"not valid TOML: {message}", file, line)
        return
    collector.locators[file] = toml_locator(source)
    collector.mapping(data, file)
