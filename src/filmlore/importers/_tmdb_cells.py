"""Reading TMDb's fields as they come: a CSV cell (text) or a JSON value.

The Movies Dataset writes its list and mapping columns as Python reprs
(``[{'id': 80, 'name': 'Crime'}]``), TMDB 5000 as JSON (``[{"id": 80, "name": "Crime"}]``)
and the API as JSON values; numbers come as text (``170.0``) in a CSV and as numbers in
JSON.  Each reader here takes either, returns a typed value or None for an absent field,
and raises :class:`Bad` -- where, what was expected, what came -- for anything else.  A
repr is read with :func:`ast.literal_eval` (which builds literals and runs nothing), after a
bound on the cell's size.
"""

from __future__ import annotations

import ast
import json
import math
import re
from decimal import Decimal
from typing import Any

from filmlore.errors import ParseError
from filmlore.importers._ids import read_imdb_id, read_number_id
from filmlore.values.ids import ImdbId, WikidataId

__all__ = [
    "MAX_CELL",
    "Bad",
    "amount",
    "flag",
    "imdb_id",
    "item_id",
    "items",
    "literal",
    "mapping",
    "number_id",
    "short",
    "text",
    "whole",
    "wikidata_id",
    "written",
]

#: The most characters a list or mapping cell may hold (the largest real cast or crew
#: cell, TMDB 5000's, is about 32,000 characters; the bound keeps a broken file from
#: handing the parser megabytes of one cell).
MAX_CELL = 1 << 22
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


class Bad(Exception):
    """A field that cannot be read: its ``path`` below the record (``runtime``,
    ``cast[3].id``) and what was wrong."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def short(value: object) -> str:
    """``value`` for a message: its repr, cut at 80 characters."""
    shown = repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."


def written(value: object) -> str:
    """A field as written: a string as it is, any other JSON value in JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _absent(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def literal(cell: str, path: str) -> Any:
    """A cell holding a JSON value, or a Python literal (a repr): read as JSON first, then
    with :func:`ast.literal_eval`.  Raises :class:`Bad` naming ``path`` for a cell too large
    or neither."""
    if len(cell) > MAX_CELL:
        raise Bad(path, f"a cell of {len(cell):,} characters, more than the {MAX_CELL:,} read")
    try:
        return json.loads(cell)
    except (ValueError, RecursionError):
        pass
    try:
        return ast.literal_eval(cell.strip())
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        raise Bad(
            path,
            f"expected a list or mapping written as JSON or as a Python literal, got {short(cell)}",
        ) from None


def items(value: object, path: str) -> list[tuple[str, dict[str, Any]]]:
    """A list column (genres, cast ...): each mapping with its path (``genres[1]``); empty
    for an empty cell or null."""
    if _absent(value):
        return []
    if isinstance(value, str):
        value = literal(value, path)
    if not isinstance(value, list):
        raise Bad(path, f"expected a list of mappings, got {short(value)}")
    found = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise Bad(f"{path}[{i}]", f"expected a mapping, got {short(item)}")
        found.append((f"{path}[{i}]", item))
    return found


def mapping(value: object, path: str) -> dict[str, Any] | None:
    """A mapping column (``belongs_to_collection``), or None for an empty cell or null."""
    if _absent(value):
        return None
    if isinstance(value, str):
        value = literal(value, path)
    if not isinstance(value, dict):
        raise Bad(path, f"expected a mapping, got {short(value)}")
    return value


def text(value: object, path: str) -> str | None:
    """A text field, or None when empty."""
    if _absent(value):
        return None
    if not isinstance(value, str):
        raise Bad(path, f"expected text, got {short(value)}")
    return value


def whole(value: object, path: str) -> int | None:
    """A whole number >= 0 (``1886``; ``1886.0`` as pandas writes a float column), or None."""
    if _absent(value):
        return None
    if isinstance(value, bool):
        raise Bad(path, f"expected a whole number, got {short(value)}")
    if isinstance(value, int) and value >= 0:
        return value
    found = amount(value, path)
    if found is None or found != found.to_integral_value():
        raise Bad(path, f"expected a whole number, got {short(value)}")
    return int(found)


def amount(value: object, path: str) -> Decimal | None:
    """A number >= 0 as written (``170.0`` is 170, ``7.7`` stays 7.7), or None.  A JSON
    float is read through its shortest repr, so 7.7 is ``Decimal('7.7')``."""
    if _absent(value):
        return None
    if isinstance(value, bool):
        raise Bad(path, f"expected a number, got {short(value)}")
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float) and math.isfinite(value):
        number = Decimal(repr(value))
    elif isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        number = Decimal(value.strip())
    else:
        raise Bad(path, f"expected a number >= 0 such as 170 or 170.0, got {short(value)}")
    if number < 0:
        raise Bad(path, f"expected a number >= 0, got {short(value)}")
    return number.to_integral_value() if number == number.to_integral_value() else number


def number_id(value: object, path: str) -> tuple[int, str | None]:
    """A TMDb id (``949``), and a note when a spreadsheet had written it ``949.0``."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value, None
    if not isinstance(value, str):
        raise Bad(path, f"expected a TMDb id, a positive whole number, got {short(value)}")
    try:
        return read_number_id(value)
    except ParseError as exc:
        raise Bad(path, str(exc)) from None


def item_id(value: object, path: str) -> int:
    """An id inside a list or mapping cell (a person's, a collection's): a positive whole
    number, as JSON and reprs write it (``1158``), or its digits."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str) and value.strip().isdigit() and int(value) > 0:
        return int(value)
    raise Bad(path, f"expected a TMDb id, a positive whole number, got {short(value)}")


def imdb_id(value: object, path: str) -> tuple[ImdbId | None, str | None]:
    """An IMDb title id (``tt0113277``; ``0113277`` as MovieLens writes it), or None."""
    if _absent(value):
        return None, None
    if not isinstance(value, str):
        raise Bad(path, f"expected an IMDb id such as 'tt0113277', got {short(value)}")
    try:
        found, note = read_imdb_id(value)
    except ParseError as exc:
        raise Bad(path, str(exc)) from None
    if found.kind != "title":
        raise Bad(path, f"expected an IMDb title id (tt...), got {short(value)}")
    return found, note


def wikidata_id(value: object, path: str) -> WikidataId | None:
    """A Wikidata item id (``Q1046``), or None."""
    if _absent(value):
        return None
    if not isinstance(value, str):
        raise Bad(path, f"expected a Wikidata id such as 'Q1046', got {short(value)}")
    try:
        found = WikidataId.parse(value)
    except ParseError as exc:
        raise Bad(path, str(exc)) from None
    if found.is_property:
        raise Bad(path, f"expected a Wikidata item id (Q...), got {short(value)}")
    return found


def flag(value: object, path: str) -> bool | None:
    """``True``/``False`` (a CSV's text or a JSON boolean), or None when empty."""
    if _absent(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip() in ("True", "False", "true", "false"):
        return value.strip().lower() == "true"
    raise Bad(path, f"expected True or False, got {short(value)}")
