"""``title.principals``: who worked on each title, in billing order, as credits and claims.

The largest of IMDb's files (about 90 million rows), so it is read a row at a time and
nothing is kept beyond the rows of the title being read (IMDb writes a title's rows
together): a title's rows are gathered so that a character two people play is one
:class:`~filmlore.Character` played by both, then handed out row by row.  Read into
columns, no entity is made and no row waits.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from filmlore.errors import Location
from filmlore.importers._context import ImportContext
from filmlore.importers._files import read_rows
from filmlore.importers._ids import slug
from filmlore.importers._imdb_cells import (
    ABSENT,
    Problems,
    Refs,
    reject,
    text_of,
)
from filmlore.models import Character, Credit, Qualifier, RoleKind
from filmlore.values.refs import EntityRef, checked_ref

__all__ = ["CATEGORIES", "read_principals"]

#: What each of IMDb's categories is: the credit's role, the property of its claims (None
#: when the registry has none: the credit alone says it), and a qualifier its claims carry
#: (a person seen as themselves or in archive footage is in the cast, but plays no part).
#: Any other category is a crew credit with the category as its department.
CATEGORIES: dict[str, tuple[RoleKind, str | None, tuple[Qualifier, ...]]] = {
    "actor": (RoleKind.CAST, "cast_member", ()),
    "actress": (RoleKind.CAST, "cast_member", ()),
    "self": (RoleKind.CAST, "cast_member", (Qualifier(key="category", value="self"),)),
    "archive_footage": (
        RoleKind.CAST,
        "cast_member",
        (Qualifier(key="category", value="archive_footage"),),
    ),
    "archive_sound": (
        RoleKind.CAST,
        "cast_member",
        (Qualifier(key="category", value="archive_sound"),),
    ),
    "director": (RoleKind.DIRECTOR, "director", ()),
    "writer": (RoleKind.WRITER, "screenwriter", ()),
    "producer": (RoleKind.PRODUCER, "producer", ()),
    "composer": (RoleKind.COMPOSER, "composer", ()),
    "cinematographer": (RoleKind.CINEMATOGRAPHER, "director_of_photography", ()),
    "editor": (RoleKind.EDITOR, "film_editor", ()),
    "production_designer": (RoleKind.PRODUCTION_DESIGNER, None, ()),
    "casting_director": (RoleKind.CASTING, None, ()),
}
_EXECUTIVE = "executive producer"
# A person seen as themselves plays no character: "Self", "Himself", "Self - Host".
_SELF = re.compile(r"(?:self|himself|herself|themselves|themself|itself)\b", re.IGNORECASE).match
_SELF_FIRST = frozenset("SsHhTtIi")
_CHARACTERS_EXPECTED = 'a JSON list of names such as ["Neil McCauley"]'
_KEYS_KEPT = 1 << 16


class _Row(NamedTuple):
    """One row read and checked, waiting for the rest of its title's rows."""

    line: int
    film: EntityRef
    person: EntityRef
    order: int
    category: str
    job: str | None
    names: tuple[str, ...]
    notes: tuple[str | None, ...]
    nconst: str
    cells: dict[str, str]


def _names(text: str, problems: Problems) -> tuple[str, ...]:
    """The characters of a ``characters`` cell (a JSON list of strings), in order, each
    once; none when the list is empty."""
    if not text:
        return ()
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(
            ("characters", f"cannot read {text!r} as characters: expected {_CHARACTERS_EXPECTED}")
        )
        return ()
    return tuple(dict.fromkeys(v for v in value if v.strip()))


def _lossy(name: str) -> bool:
    """True when a name's letters do not all survive as ASCII in its slug (``Тони``)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return not "".join(c for c in decomposed if not unicodedata.combining(c)).isascii()


class _Characters:
    """Character ids: ``character:<title>-<slug of the name>`` (``tt0113277-neil-mccauley``),
    with a digest of the name added when its letters are not all Latin, or it has none (so
    that two names in another script, or of signs alone, do not share a slug); the keys of
    the latest names are kept."""

    def __init__(self) -> None:
        self._keys: dict[str, str] = {}

    def key(self, name: str) -> str:
        found = self._keys.get(name)
        if found is None:
            found = slug(name)
            if (found == "x" and name.strip().lower() != "x") or (
                not name.isascii() and _lossy(name)
            ):
                digest = hashlib.blake2b(name.encode(), digest_size=4).hexdigest()
                found = digest if found == "x" else f"{found}-{digest}"
            if len(self._keys) >= _KEYS_KEPT:
                self._keys.clear()
            self._keys[name] = found
        return found


def read_principals(path: Path, ctx: ImportContext) -> Iterator[None]:
    """``title.principals``: a :class:`~filmlore.Credit` per row (role from the category,
    billing from the ordering, the first character), a :class:`~filmlore.Character` per
    named character (not for a person seen as themselves), and a claim per row and
    character: ``cast_member`` qualified with ``character_role``, or the crew property of
    the category (``director``, ``screenwriter``, ``producer``, ``composer``,
    ``director_of_photography``, ``film_editor``) qualified with the ``job`` when IMDb
    gives one."""
    label = ctx.label(path)
    refs = Refs(ctx, label)
    people = refs.people
    columns = ctx.columns is not None
    repair = ctx.options.repair_text
    emit = _Emitter(ctx, label)
    claims = emit.claims
    group: list[_Row] = []
    orders: dict[int, int] = {}  # the current title's orderings: their lines
    tconst = "\x00"  # the current title, as written
    film: EntityRef | None = None
    last_number, last_key = -1, ""
    numeric = textual = True
    unsorted = False
    # The hot loop: every row of a file of tens of millions.  Cells are looked up once,
    # the title and person references come from caches, and the common forms of a cell
    # (one character name, no job) are read without calling out.
    for row in read_rows(path, ctx, delimiter="\t", quoting=csv.QUOTE_NONE):
        cells = row.cells
        line = row.line
        problems: Problems = []
        written = cells["tconst"]
        if written != tconst:
            # A new title: hand out the one read, and check IMDb's order.
            tconst = written
            film = refs.film(written, "tconst", line, problems)
            if group:
                yield from emit.title(group)
                group.clear()
            orders.clear()
            if film is not None:
                # A title's rows come together when the titles ascend, by number
                # (tt9999999, tt10000000) or as text (tt10000000, tt9999999).
                key = film.key
                number = int(key[2:])
                numeric = numeric and number > last_number
                textual = textual and key > last_key
                if not (numeric or textual or unsorted):
                    unsorted = True
                    emit.unsorted(line)
                last_number, last_key = number, key
        elif film is None:
            refs.film(written, "tconst", line, problems)  # the same bad id: say so again
        nconst = cells["nconst"]
        person = people.get(nconst)
        if person is None:
            person = refs.person(nconst, "nconst", line, problems)
        ordering = cells["ordering"]
        order = int(ordering) if ordering.isdigit() and ordering.isascii() else -1
        if order < 0:
            problems.append(
                ("ordering", f"cannot read {ordering!r} as an ordering: expected digits such as 1")
            )
        elif order in orders:
            problems.append(
                ("ordering", f"ordering {order} of {written} is given at line {orders[order]}")
            )
        category = cells["category"]
        role = CATEGORIES.get(category)
        if role is None and (category == ABSENT or not category.strip()):
            problems.append(("category", "no category: expected one such as actor or director"))
        job: str | None = cells["job"]
        if job == ABSENT or not job:
            job = None
        chars = cells["characters"]
        inner = chars[2:-2]
        if chars == ABSENT:
            names: tuple[str, ...] = ()
        elif chars[:2] == '["' and chars[-2:] == '"]' and '"' not in inner and "\\" not in inner:
            names = (inner,) if inner.strip() else ()  # one name without escapes: most rows
        else:
            names = _names(chars, problems)
        if problems or film is None or person is None:
            reject(ctx, cells, label, line, problems)
            yield
            continue
        orders[order] = line
        notes: tuple[str | None, ...] = ()
        if repair and names:
            fixed = [text_of(ctx, n, label, line, "characters") for n in names]
            names = tuple(f for f, _ in fixed)
            notes = tuple(n for _, n in fixed)
        if columns:
            claims(film, person, nconst, line, role, job, names, notes)
            yield
        else:
            group.append(
                _Row(line, film, person, order, category, job, names, notes, nconst, cells)
            )
    if group:
        yield from emit.title(group)


class _Emitter:
    """Makes the entities and claims of checked rows."""

    def __init__(self, ctx: ImportContext, label: str) -> None:
        self.ctx = ctx
        self.label = label
        self.at = f"{label}:"
        self.characters = _Characters()
        self.add: Callable[[Any], object] = ctx.new_entity
        # True when every entity's id is remembered (a dossier, or a file out of order).
        self.remember = ctx.keep
        self.qualifiers: dict[tuple[str, str], Qualifier] = {}

    def unsorted(self, line: int) -> None:
        """The file is not sorted by title (a title comes after a later one): from here on
        every entity's id is remembered, so that a title whose rows lie apart does not hand
        out its credits or characters twice."""
        self.add = self.ctx.entity
        self.remember = True
        self.ctx.note(
            "title.principals not sorted by title",
            f"the titles are not in IMDb's order from line {line} on: the credits and "
            "characters of a title whose rows lie apart are made once (those handed out "
            "before this line cannot be checked)",
            Location(file=self.label, line=line),
        )

    def _qualifier(self, key: str, value: str) -> Qualifier:
        found = self.qualifiers.get((key, value))
        if found is None:
            if len(self.qualifiers) >= _KEYS_KEPT:
                self.qualifiers.clear()
            found = self.qualifiers[key, value] = Qualifier(key=key, value=value)
        return found

    def claims(
        self,
        film: EntityRef,
        person: EntityRef,
        nconst: str,
        line: int,
        role: tuple[RoleKind, str | None, tuple[Qualifier, ...]] | None,
        job: str | None,
        names: tuple[str, ...],
        notes: tuple[str | None, ...],
    ) -> None:
        """The claims of one row: one per character, else one."""
        prop = None if role is None else role[1]
        if prop is None:
            return
        extra = role[2]  # type: ignore[index]
        if job is not None:
            extra = (*extra, self._qualifier("job", job))
        claim = self.ctx.claim
        locator = f"{self.at}{line}$.nconst"
        if not names:
            claim(film, prop, person, text=nconst, locator=locator, qualifiers=extra)
        else:
            qualifiers = self.qualifiers
            for i, name in enumerate(names):
                found = qualifiers.get(("character_role", name))
                if found is None:
                    found = self._qualifier("character_role", name)
                claim(
                    film,
                    prop,
                    person,
                    text=nconst,
                    locator=locator,
                    qualifiers=(found, *extra),
                    note=notes[i] if notes else None,
                )

    def title(self, rows: list[_Row]) -> Iterator[None]:
        """The entities and claims of one title's rows, a row at a time."""
        film = rows[0].film
        prefix = film.key + "-"
        key_of = self.characters.key
        # Each row's characters by key (not a person seen as themselves), and who plays each.
        keyed: list[list[tuple[str, str]]] = []
        played: dict[str, list[EntityRef]] = {}
        for row in rows:
            pairs = [(key_of(n), n) for n in row.names if not (n[0] in _SELF_FIRST and _SELF(n))]
            keyed.append(pairs)
            for key, _ in pairs:
                people = played.setdefault(key, [])
                if row.person not in people:
                    people.append(row.person)
        made: set[str] = set()
        add = self.add
        for row, pairs in zip(rows, keyed, strict=True):
            credit = checked_ref("credit", f"{prefix}{row.order}")
            if self.remember and self.ctx.has(credit):
                # The same title and ordering again, rows apart: a second credit cannot be.
                message = f"ordering {row.order} of {film.key} is given already"
                reject(self.ctx, row.cells, self.label, row.line, [("ordering", message)])
                yield
                continue
            character: EntityRef | None = None
            for key, name in pairs:
                ref = checked_ref("character", prefix + key)
                if character is None:
                    character = ref
                if key not in made:
                    made.add(key)
                    add(Character(id=ref, film=film, name=name, played_by=tuple(played[key])))
            role = CATEGORIES.get(row.category)
            kind = RoleKind.CREW if role is None else role[0]
            if kind is RoleKind.PRODUCER and row.job == _EXECUTIVE:
                kind = RoleKind.EXECUTIVE_PRODUCER
            add(
                Credit(
                    id=credit,
                    film=film,
                    person=row.person,
                    role=kind,
                    character=character,
                    billing=row.order,
                    department=row.category if role is None else None,
                    job=row.job,
                )
            )
            self.claims(film, row.person, row.nconst, row.line, role, row.job, row.names, row.notes)
            yield
