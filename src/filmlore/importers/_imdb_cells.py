"""Reading the cells of IMDb's dataset files: ids, years, numbers and lists, ``\\N`` absent.

Shared by the readers of :mod:`filmlore.importers._imdb`.  Each reader collects the problems
of a row (``column: what came, what was expected``) and rejects the row once with all of
them; a cell that reads is never changed on the way in, except an IMDb id IMDb would have
written otherwise (``tt113277`` read as ``tt0113277``), which is noted.
"""

from __future__ import annotations

import re

from filmlore.errors import Location, ParseError
from filmlore.importers._context import ImportContext
from filmlore.values.dates import PartialDate
from filmlore.values.ids import ImdbId
from filmlore.values.refs import EntityRef, checked_ref

__all__ = [
    "ABSENT",
    "Problems",
    "Refs",
    "read_count",
    "read_flag",
    "read_list",
    "read_year",
    "reject",
    "text_of",
]

#: How IMDb writes an absent value (an empty cell is read the same way).
ABSENT = "\\N"
# What IMDb writes: tt or nm and 7 to 9 digits (the 8-digit ids came in 2018).
_TITLE_ID = re.compile(r"tt[0-9]{7,9}").fullmatch
_NAME_ID = re.compile(r"nm[0-9]{7,9}").fullmatch
_YEAR = re.compile(r"[0-9]{4}").fullmatch
#: How many person ids :class:`Refs` keeps before it starts again (a cache, not a record).
_CACHED = 1 << 17

#: A row's problems, each ``(column, message)``.
Problems = list[tuple[str, str]]


class Refs:
    """Entity references for IMDb ids, checked once and shared: ``tt0113277`` is
    ``film:tt0113277``, ``nm0000199`` is ``person:nm0000199``.

    A title file repeats one title on many rows and a person on many titles; building a
    reference costs more than finding it, so the last title and a bounded number of people
    are kept (the cache starts again when full: memory stays flat on any file).
    """

    __slots__ = ("_film", "_film_id", "ctx", "label", "people")

    def __init__(self, ctx: ImportContext, label: str) -> None:
        self.ctx = ctx
        self.label = label
        self._film_id = ""
        self._film: EntityRef | None = None
        #: The people met lately, by id as written.
        self.people: dict[str, EntityRef] = {}

    def film(self, text: str, column: str, line: int, problems: Problems) -> EntityRef | None:
        """The film a title id names, or None with a problem (absent or not an id)."""
        if text == self._film_id:
            return self._film
        if _TITLE_ID(text):
            ref = checked_ref("film", text)
        else:
            key = self._repaired(text, "tt", column, line, problems)
            if key is None:
                return None
            ref = checked_ref("film", key)
        self._film_id, self._film = text, ref
        return ref

    def person(self, text: str, column: str, line: int, problems: Problems) -> EntityRef | None:
        """The person a name id names, or None with a problem (absent or not an id)."""
        people = self.people
        ref = people.get(text)
        if ref is not None:
            return ref
        if _NAME_ID(text):
            ref = checked_ref("person", text)
        else:
            key = self._repaired(text, "nm", column, line, problems)
            if key is None:
                return None
            ref = checked_ref("person", key)
        if len(people) >= _CACHED:
            people.clear()
        people[text] = ref
        return ref

    def _repaired(
        self, text: str, prefix: str, column: str, line: int, problems: Problems
    ) -> str | None:
        """An id IMDb writes otherwise (``TT113277``, `` tt0113277``) read as IMDb would
        write it, with a note; None, with a problem, when it is not an id of this kind."""
        what = "title" if prefix == "tt" else "name"
        expected = f"an IMDb {what} id such as {'tt0113277' if prefix == 'tt' else 'nm0000199'}"
        if text in ("", ABSENT):
            problems.append((column, f"no {what} id: expected {expected}"))
            return None
        try:
            value = ImdbId.parse(text).value
        except ParseError:
            value = ""
        if not value.startswith(prefix):
            problems.append(
                (column, f"cannot read {text!r} as an IMDb {what} id: expected {expected}")
            )
            return None
        self.ctx.note(
            "IMDb ids repaired",
            f"IMDb id written as {text!r}: read as {value}",
            Location(file=self.label, line=line, path=f"$.{column}"),
        )
        return value


def read_year(text: str, column: str, problems: Problems) -> PartialDate | None:
    """A year (``1995``, four digits as IMDb writes it) as a date of year precision; None
    when absent or unreadable."""
    if text == ABSENT or not text:
        return None
    if _YEAR(text) and text != "0000":
        return PartialDate(year=int(text))
    problems.append(
        (
            column,
            f"cannot read {text!r} as a year: expected a four-digit year such as 1995 (IMDb "
            "writes four digits; '95' could be 1995 or 95)",
        )
    )
    return None


def read_count(
    text: str, column: str, problems: Problems, what: str = "a whole number"
) -> int | None:
    """A whole number >= 0 written with digits; None when absent or unreadable."""
    if text == ABSENT or not text:
        return None
    if text.isdigit() and text.isascii():
        return int(text)
    problems.append((column, f"cannot read {text!r} as {what}: expected digits such as 170"))
    return None


def read_flag(text: str, column: str, problems: Problems) -> bool | None:
    """IMDb's ``0``/``1`` flags; None when absent or unreadable."""
    if text == "1":
        return True
    if text == "0":
        return False
    if text != ABSENT and text:
        problems.append((column, f"cannot read {text!r} as a flag: expected 0 or 1"))
    return None


def read_list(text: str) -> list[str]:
    """A comma-separated cell (genres, professions, ids) as its items; none when absent."""
    if text == ABSENT or not text:
        return []
    return [item for item in text.split(",") if item]


def reject(
    ctx: ImportContext, cells: dict[str, str], label: str, line: int, problems: Problems
) -> None:
    """Set a row aside with every problem found in it: at its one bad cell, or at the row
    when several are bad; each message names its column."""
    path = f"$.{problems[0][0]}" if len(problems) == 1 else "$"
    ctx.reject(
        cells,
        Location(file=label, line=line, path=path),
        *(f"{column}: {message}" for column, message in problems),
    )


def text_of(
    ctx: ImportContext, text: str, label: str, line: int, column: str
) -> tuple[str, str | None]:
    """A text cell as written, or with its mojibake repaired when the caller asked for it
    (``repair_text``): then the repair is noted, and returned to go on the claim's note."""
    fixed, note = ctx.fix_text(text)
    if note is not None:
        ctx.note("mojibake repaired", note, Location(file=label, line=line, path=f"$.{column}"))
    return fixed, note
