"""What every importer writes into: entities, claims with their provenance, rejected rows
and notes of what was repaired or skipped.

An importer reads its files and calls :meth:`ImportContext.claim`,
:meth:`~ImportContext.entity`, :meth:`~ImportContext.reject` and
:meth:`~ImportContext.note`; it never builds a dossier itself.  The context decides what the
calls make:

* records (:class:`~filmlore.Claim` and the entities) for a :class:`~filmlore.Dossier`, kept
  for :func:`filmlore.load` or handed out as they come for :func:`filmlore.iter_load`;
* or columns of claims (:class:`ClaimColumns`), for a
  :class:`~filmlore.ClaimTable` of millions of rows without a Python object per claim.

So one reading of each format serves both roads.
"""

from __future__ import annotations

import datetime
import hashlib
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from filmlore.dossier import Dossier, DossierOrigin
from filmlore.errors import DataWarning, LoadError, Location, ParseError, Problem
from filmlore.importers._options import ImportOptions
from filmlore.io._result import LoadResult, Rejected
from filmlore.models import Claim, Entity, Excerpt, Qualifier, Rank, Source, SourceKind, Stance
from filmlore.properties import Property
from filmlore.values.dates import PartialDate
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

__all__ = ["ClaimColumns", "ImportContext"]

_STANCES = {s: s.value for s in Stance}
_RANKS = {r: r.value for r in Rank}

#: How many notes of one kind are kept with their locations (all are counted).
_NOTES_KEPT = 1000

_new = object.__new__


def claim_key(
    source: EntityRef, locator: str, prop: str, value: Any, qualifiers: tuple[Qualifier, ...]
) -> str:
    """The key of an imported claim's id: its source's key and a digest of where it is, its
    property, its value as printed and its qualifiers -- the same row gives the same id in
    every import, and on both roads (records and columns)."""
    printed = str(value)
    if qualifiers:
        printed += "\x1f" + ";".join(f"{q.key}={q.value}" for q in qualifiers)
    digest = hashlib.blake2b(
        f"{locator}\x1f{prop}\x1f{printed}".encode(), digest_size=8
    ).hexdigest()
    return f"{source.key}-{digest}"


@attrs.define(slots=True)
class ClaimColumns:
    """Claims as parallel columns, one entry per claim: what
    :meth:`filmlore.ClaimTable.from_columns` takes, plus each claim's excerpt and locator
    (and its id, made when asked for with :meth:`claim_ids`).  ``source`` is the source a
    claim draws its trust on (the first of its ``via`` chain, else its own), ``reporter``
    the claim's own source, as in :meth:`~filmlore.ClaimTable.from_claims`."""

    subject: list[EntityRef] = attrs.field(factory=list)
    property: list[str] = attrs.field(factory=list)
    value: list[Any] = attrs.field(factory=list)
    source: list[str] = attrs.field(factory=list)
    reporter: list[EntityRef] = attrs.field(factory=list)
    qualifiers: list[tuple[Qualifier, ...]] = attrs.field(factory=list)
    stance: list[str] = attrs.field(factory=list)
    rank: list[str] = attrs.field(factory=list)
    excerpt: list[str] = attrs.field(factory=list)
    locator: list[str] = attrs.field(factory=list)
    #: The sources the claims come from (the data set's, and any it cites).
    sources: list[Source] = attrs.field(factory=list)

    def __len__(self) -> int:
        return len(self.subject)

    def claim_ids(self) -> list[str]:
        """Each claim's id: the id the same claim has in a dossier."""
        return [
            "claim:" + claim_key(r, loc, p, v, q)
            for r, loc, p, v, q in zip(
                self.reporter,
                self.locator,
                self.property,
                self.value,
                self.qualifiers,
                strict=True,
            )
        ]


class ImportContext:
    """Collects what an importer reads from one input.

    ``keep`` keeps the records for a dossier (else they are only handed out by
    :meth:`drain`); ``columns`` collects claims as :class:`ClaimColumns` instead of
    records (entities other than sources are then not built).
    """

    def __init__(
        self,
        options: ImportOptions,
        *,
        keep: bool = True,
        columns: bool = False,
        base: Path | None = None,
    ) -> None:
        self.options = options
        self.keep = keep
        self.columns: ClaimColumns | None = ClaimColumns() if columns else None
        self.base = base
        self.rows = 0
        self.rejected: list[Rejected] = []
        self.notes: list[Problem] = []
        self.note_counts: dict[str, int] = {}
        self.properties: list[Property] = []
        self._entities: dict[EntityRef, Entity] = {}
        self._claims: list[Claim] = []
        self._pending: list[Any] = []
        self._sources: dict[EntityRef, Source] = {}
        self._default: Source | None = None
        self._place = ""
        self._said: list[tuple[Any, ...]] = []
        self._labels: dict[EntityRef, str] = {}
        self._seen: set[EntityRef] = set()
        self._first_note: dict[str, Problem] = {}

    # --- provenance -----------------------------------------------------------------------

    def label(self, path: Path) -> str:
        """How a file is named in locators and messages: relative to the input's folder."""
        if self.base is not None:
            try:
                return path.relative_to(self.base).as_posix()
            except ValueError:
                pass
        return path.name

    def dataset(
        self,
        key: str,
        *,
        title: str,
        url: str | None = None,
        publisher: str | None = None,
        path: Path | None = None,
        description: str | None = None,
    ) -> Source:
        """Declare the data set the claims come from (once per input) and return its source:
        ``source:KEY``, a database, with its ``title``, ``publisher`` and ``url``, and as its
        ``retrieved`` date the file's modification date (the snapshot's date).  The caller's
        ``source`` option, when given, replaces it."""
        given = self.options.source
        if given is not None:
            source = given
        else:
            retrieved = None
            if path is not None:
                stamp = path.stat().st_mtime
                retrieved = PartialDate.from_date(
                    datetime.datetime.fromtimestamp(stamp, tz=datetime.timezone.utc).date()
                )
            source = Source(
                id=EntityRef("source", key),
                kind=SourceKind.DATABASE,
                title=title,
                publisher=publisher,
                url=url,
                retrieved=retrieved,
                description=description,
            )
        self._default = source
        self.add_source(source)
        return source

    def add_source(self, source: Source) -> Source:
        """Add a source (a reference a data set cites); the first with an id is kept."""
        found = self._sources.get(source.id)
        if found is not None:
            return found
        self._sources[source.id] = source
        self._seen.add(source.id)
        self._add(source)
        return source

    def sources(self) -> list[Source]:
        """Every source declared so far."""
        return list(self._sources.values())

    @property
    def source(self) -> Source:
        """The data set's source, declared with :meth:`dataset`."""
        if self._default is None:
            raise RuntimeError("an importer must declare its data set before its claims")
        return self._default

    # --- records --------------------------------------------------------------------------

    def _add(self, record: Any) -> None:
        if self.columns is not None and not isinstance(record, (Source, Property)):
            return
        if self.keep:
            if isinstance(record, Claim):
                self._claims.append(record)
            elif isinstance(record, Property):
                self.properties.append(record)
            else:
                self._entities[record.id] = record
        self._pending.append(record)

    def entity(self, entity: Entity) -> bool:
        """Add an entity unless one with its id is already in; True when added.  (In a
        stream the entities are handed out, not kept, but their ids are, so that none is
        handed out twice.)"""
        if self.columns is not None:
            return False
        ref = entity.id
        if ref in self._seen:
            return False
        self._seen.add(ref)
        self._add(entity)
        return True

    def new_entity(self, entity: Entity) -> None:
        """Add an entity the reader knows to be new (its id made from its row's place, as a
        credit's is).  In a stream its id is not remembered, so that memory stays flat
        however many rows come; when the records are kept, it is :meth:`entity`."""
        if self.keep or self.columns is not None:
            self.entity(entity)
        else:
            self._add(entity)

    def has(self, ref: EntityRef) -> bool:
        """True when an entity with this id was added."""
        return ref in self._seen

    def get(self, ref: EntityRef) -> Entity | None:
        """The entity added with this id, if it is kept."""
        return self._entities.get(ref)

    def claim(
        self,
        subject: EntityRef,
        property: str,
        value: Any,
        *,
        text: str,
        locator: str,
        qualifiers: Iterable[Qualifier] = (),
        note: str | None = None,
        rank: Rank = Rank.NORMAL,
        stance: Stance = Stance.ASSERTS,
        source: Source | None = None,
        via: tuple[EntityRef, ...] = (),
        valid_at: PartialDate | None = None,
    ) -> None:
        """Add one claim: ``subject`` has ``value`` for ``property``, as the data set wrote
        it (``text``, the field as written) at ``locator`` (``file:line``, or an entity and
        statement id).  The claim's id is derived from its locator, property and value, so
        that the same row gives the same id in every import; its source is the data set's
        unless ``source`` is given.  A string value is kept as :class:`~filmlore.Text`."""
        src = source if source is not None else self.source
        if value.__class__ is str:
            value = Text(value)
        quals = qualifiers if qualifiers.__class__ is tuple else tuple(qualifiers)
        # The same statement twice at one place (a genre listed twice in one cell) is what
        # the place says once; only the statements of the current place are remembered,
        # and compared only when a place says more than one thing.
        said = (property, value, quals, src.id, stance)
        if locator != self._place:
            self._place = locator
            self._said = [said]
        elif said in self._said:
            return
        else:
            self._said.append(said)
        cols = self.columns
        if cols is not None:
            cols.subject.append(subject)
            cols.property.append(property)
            cols.value.append(value)
            cols.source.append(self._label(via[0] if via else src.id))
            cols.reporter.append(src.id)
            cols.qualifiers.append(quals)
            cols.stance.append(_STANCES[stance])
            cols.rank.append(_RANKS[rank])
            cols.excerpt.append(text)
            cols.locator.append(locator)
            return
        claim = Claim(
            id=EntityRef("claim", claim_key(src.id, locator, property, value, quals)),
            subject=subject,
            property=property,
            value=value,
            source=src.id,
            qualifiers=quals,
            stance=stance,
            excerpt=Excerpt(text=text, locator=locator) if text.strip() else None,
            via=via,
            valid_at=valid_at,
            rank=rank,
            note=note,
        )
        self._add(claim)

    def _label(self, ref: EntityRef) -> str:
        label = self._labels.get(ref)
        if label is None:
            label = self._labels[ref] = str(ref)
        return label

    def declare(self, prop: Property) -> None:
        """Declare a property the registry does not know (a mapped table's own column)."""
        self._add(prop)

    # --- what went wrong, and what was repaired ------------------------------------------

    def reject(self, record: Any, location: Location, *messages: str) -> None:
        """Set a record aside with every reason; nothing of it is kept."""
        problems = [Problem(message=m, location=location, record=record) for m in messages]
        rejected = Rejected(record=record, location=location, problems=problems)
        self.rejected.append(rejected)
        self._pending.append(rejected)

    def note(self, kind: str, message: str, location: Location) -> None:
        """Record something read but changed or skipped on the way in (an id written as a
        spreadsheet number, blank rows, a detected encoding).  Notes of one ``kind`` are all
        counted; the first thousand are kept with their locations."""
        count = self.note_counts.get(kind, 0)
        self.note_counts[kind] = count + 1
        if count < _NOTES_KEPT:
            note = Problem(message=message, location=location)
            self.notes.append(note)
            if not count:
                self._first_note[kind] = note

    def date(self, text: str) -> PartialDate:
        """A date read with the declared ``date_order`` and ``pivot`` (never guessed)."""
        return PartialDate.parse(text, date_order=self.options.date_order, pivot=self.options.pivot)

    def fix_text(self, text: str) -> tuple[str, str | None]:
        """``text`` with mojibake repaired when ``repair_text`` is on, and a note of the
        repair (None when nothing changed)."""
        if not self.options.repair_text or text.isascii():
            return text, None
        from filmlore.errors import require

        ftfy = require("ftfy", extra="import", feature="repairing mojibake (repair_text=True)")
        fixed = str(ftfy.fix_encoding(text))  # mojibake only: quotes and the rest as written
        if fixed == text:
            return text, None
        return fixed, f"mojibake repaired: {text!r} read as {fixed!r}"

    # --- handing out ----------------------------------------------------------------------

    def drain(self) -> list[Any]:
        """The records made since the last call, in order (for a stream)."""
        out = self._pending
        self._pending = []
        return out

    def warn(self) -> None:
        """Say what was changed or skipped, one :class:`~filmlore.DataWarning` per kind."""
        for kind, count in self.note_counts.items():
            first = self._first_note[kind]
            warnings.warn(
                DataWarning(
                    f"{kind}: {count} time(s), the first at {first.location}: {first.message}"
                ),
                stacklevel=4,
            )

    def dossier(self, title: str | None = None) -> Dossier:
        """A dossier of the kept records."""
        buckets: dict[str, list[Any]] = {
            kind: [] for kind in ("film", "person", "character", "credit", "scene", "quote")
        }
        buckets["source"] = []
        for entity in self._entities.values():
            buckets[entity.entity_kind].append(entity)
        return Dossier(
            title=title,
            films=buckets["film"],
            people=buckets["person"],
            characters=buckets["character"],
            credits=buckets["credit"],
            scenes=buckets["scene"],
            quotes=buckets["quote"],
            sources=buckets["source"],
            claims=self._claims,
            properties=self.properties,
            origin=DossierOrigin.DATA_SET,
        )

    def finish(self, label: str, title: str | None = None) -> Dossier | LoadResult:
        """The dossier (strict: every rejected row raised at once as a
        :class:`~filmlore.LoadError`) or, when lenient, a :class:`~filmlore.LoadResult` with
        the rejected rows, the notes and the count of rows read."""
        if self.options.lenient:
            return LoadResult(
                dossier=self.dossier(title),
                rejected=self.rejected,
                notes=self.notes,
                rows=self.rows,
            )
        if self.rejected:
            raise LoadError([p for r in self.rejected for p in r.problems], label)
        self.warn()
        return self.dossier(title)


def parse_or_reject(
    ctx: ImportContext, parse: Any, text: str, record: Any, location: Location, what: str
) -> Any:
    """``parse(text)``, or None with the row rejected naming ``what`` was expected."""
    try:
        return parse(text)
    except ParseError as exc:
        ctx.reject(record, location, f"{what}: {exc}")
        return None


def stream(ctx: ImportContext, steps: Iterator[None]) -> Iterator[Any]:
    """Run an importer's steps, handing out the records made after each."""
    for _ in steps:
        if ctx._pending:
            yield from ctx.drain()
    if ctx._pending:
        yield from ctx.drain()
