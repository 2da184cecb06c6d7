"""The columnar claims table: every claim as a row of integer codes, made once.

Encoding strings is what costs at scale (a numpy vote over a million claims takes
hundredths of a second, encoding their strings tenths), so a :class:`ClaimTable` encodes each
column to integer codes exactly once, when it is built, and reconciliation then works on the
codes.  Columns that are numpy arrays of numbers are factorised with ``numpy.unique``; other
columns with one dict pass -- no pandas.  Labels are sorted, so codes -- and every tie broken
by "the value that sorts first" -- do not depend on the order of the rows.

The table is the one road into reconciliation: :func:`~filmlore.reconcile` turns a
:class:`~filmlore.Dossier` or a list of claims into a table first, so a dossier and a table of
the same claims give the same facts.  A table knows each property's *value kind* (from the
property registry, from ``kind=``, or from the values themselves), and values are compared
by kind, exactly as :func:`~filmlore.compare` compares them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from filmlore.dossier import Dossier
from filmlore.errors import FilmloreError
from filmlore.importers import IMPORTERS, ImportOptions, iter_columns
from filmlore.io import format_of, load
from filmlore.models import Claim, Qualifier, Rank, Source, Stance
from filmlore.properties import PropertyRegistry, registry
from filmlore.reconcile._evidence import SourceInfo
from filmlore.reconcile._types import IntArray
from filmlore.values.dates import DateOrder
from filmlore.values.kinds import get_kind

#: The columns of an importer's batches a loaded table is built from.
_LOADED_COLUMNS = (
    "claim_id",
    "subject",
    "property",
    "value",
    "source",
    "reporter",
    "qualifiers",
    "stance",
    "rank",
)


__all__ = ["ClaimTable", "Column", "TableError", "dense_unique", "origin_of", "speaker_of"]

STANCE_CODES = {"asserts": 0, "hedges": 1, "denies": 2}
RANK_CODES = {"normal": 0, "preferred": 1, "deprecated": 2}


class TableError(FilmloreError, ValueError):
    """Columns that do not make a claims table: different lengths, an unknown stance."""


def origin_of(claim: Claim) -> str:
    """Who a claim comes from in the end: the person it is attributed to, else the first
    source of its ``via`` chain, else its source.  Claims of one origin count once."""
    if claim.attributed_to is not None:
        return str(claim.attributed_to)
    if claim.via:
        return str(claim.via[0])
    return str(claim.source)


def speaker_of(claim: Claim) -> str:
    """The source whose trust a claim draws on: the first of its ``via`` chain (the
    interview an article quotes), else its own source."""
    return str(claim.via[0]) if claim.via else str(claim.source)


def _sort_key(x: Any) -> tuple[Any, ...]:
    if isinstance(x, bool):
        return (0, int(x), "")
    if isinstance(x, (int, float)):
        return (0, x, "")
    if isinstance(x, str):
        return (1, 0, x)
    return (2, type(x).__name__, str(x))


@attrs.frozen(slots=True)
class Column:
    """One factorised column: ``codes[i]`` is row i's index into the sorted ``labels``."""

    codes: IntArray
    labels: Sequence[Any]

    def __len__(self) -> int:
        return len(self.codes)


def dense_unique(keys: IntArray, bound: int) -> tuple[IntArray, IntArray]:
    """The sorted distinct values of non-negative integer ``keys`` (all below ``bound``)
    and each key's index among them: with a presence table when ``bound`` is small (one
    pass, no sort), else with ``numpy.unique``."""
    if bound <= 4 * len(keys) + 4096:
        present = np.zeros(bound, dtype=bool)
        present[keys] = True
        remap = np.cumsum(present, dtype=np.int64) - 1
        return np.flatnonzero(present), remap[keys]
    uniq, inverse = np.unique(keys, return_inverse=True)
    return uniq, inverse.reshape(-1).astype(np.int64, copy=False)


def factorise(values: Any, n: int | None = None) -> Column:
    """Encode ``values`` (a sequence or numpy array; one value for every row when ``n`` is
    given and ``values`` is a single string or a non-iterable) as a :class:`Column`."""
    if isinstance(values, str) or not isinstance(values, Iterable):
        size = n if n is not None else 1
        return Column(np.zeros(size, dtype=np.int64), [values])
    if isinstance(values, np.ndarray) and values.dtype.kind in "iu" and len(values):
        low, high = int(values.min()), int(values.max())
        if low >= 0 and high < 4 * len(values) + 4096:
            uniq, codes = dense_unique(values.astype(np.int64, copy=False), high + 1)
            return Column(codes, uniq.tolist())
    if isinstance(values, np.ndarray) and values.dtype.kind in "biufM":
        labels, codes = np.unique(values, return_inverse=True)
        return Column(codes.astype(np.int64, copy=False).reshape(-1), list(labels.tolist()))
    if isinstance(values, np.ndarray):  # strings and objects: hashing beats sorting
        values = values.tolist()
    index: dict[Any, int] = {}
    setdefault = index.setdefault
    raw = [setdefault(v, len(index)) for v in values]
    first_seen = list(index)
    order = sorted(range(len(first_seen)), key=lambda i: _sort_key(first_seen[i]))
    remap = np.empty(len(first_seen), dtype=np.int64)
    remap[np.asarray(order, dtype=np.int64)] = np.arange(len(first_seen), dtype=np.int64)
    codes = remap[np.asarray(raw, dtype=np.int64)] if raw else np.zeros(0, dtype=np.int64)
    return Column(codes, [first_seen[i] for i in order])


def _codes(values: Any, n: int, table: Mapping[str, int], what: str) -> IntArray:
    if values is None:
        return np.zeros(n, dtype=np.int8)
    if isinstance(values, np.ndarray) and values.dtype.kind in "iu":
        return values.astype(np.int8)
    out = np.empty(n, dtype=np.int8)
    for i, s in enumerate(values):
        text = s.value if isinstance(s, (Stance, Rank)) else str(s)
        if text not in table:
            raise TableError(f"a {what} is {' or '.join(table)}; row {i} has {s!r}")
        out[i] = table[text]
    return out


def _qualifier_key(value: Any) -> tuple[Qualifier, ...]:
    if value is None:
        return ()
    if isinstance(value, Mapping):
        items = [Qualifier(key=str(k), value=str(v)) for k, v in value.items()]
    else:
        items = list(value)
    return tuple(sorted(items, key=lambda q: (q.key, q.value)))


def _claim_qualifiers(claim: Claim) -> tuple[Qualifier, ...]:
    found = list(claim.qualifiers)
    if claim.valid_at is not None and not any(q.key == "valid_at" for q in found):
        found.append(Qualifier(key="valid_at", value=str(claim.valid_at)))
    return tuple(sorted(found, key=lambda q: (q.key, q.value)))


def _source_infos(
    sources: Iterable[Source] | Mapping[Any, Source] | None,
    source_kind: Mapping[Any, Any] | None,
    reliability: Mapping[Any, float] | None,
) -> dict[str, SourceInfo]:
    out: dict[str, SourceInfo] = {}
    if isinstance(sources, Mapping):
        sources = sources.values()
    for s in sources or ():
        out[str(s.id)] = SourceInfo(
            id=str(s.id),
            kind=s.kind,
            reliability=s.reliability,
            weight=s.weight,
            name=s.title or s.publisher,
        )
    for label, kind in (source_kind or {}).items():
        old = out.get(str(label), SourceInfo(id=str(label)))
        out[str(label)] = attrs.evolve(old, kind=kind)
    for label, r in (reliability or {}).items():
        old = out.get(str(label), SourceInfo(id=str(label)))
        out[str(label)] = attrs.evolve(old, reliability=float(r))
    return out


class ClaimTable:
    """Claims as columns -- subject, property, value, source and the rest -- encoded to
    integer codes once, for reconciling millions of claims on numpy arrays.

    Build one with :meth:`from_columns` (sequences or numpy arrays: read from a claims CSV,
    say), :meth:`from_claims` or :meth:`from_dossier`, and pass it to
    :func:`~filmlore.reconcile`.  Values are compared by their property's value kind, exactly
    as :func:`~filmlore.compare` compares them: ``"nearly 3 hours"`` and ``"170 min"`` of a
    ``duration`` agree here as they do in a dossier.

    >>> table = ClaimTable.from_columns(
    ...     subject=["film:heat-1995"] * 3, property="duration",
    ...     value=["170 min", "170 min", "171 min"], source=["tmdb", "imdb", "blog"])
    >>> len(table), table.labels("value"), table.kind_of("duration")
    (3, ['170 min', '171 min'], 'duration')
    """

    __slots__ = (
        "_claim_ids",
        "_kinds",
        "_many",
        "_sources",
        "origin",
        "property",
        "qualifiers",
        "rank",
        "registry",
        "reporter",
        "source",
        "stance",
        "subject",
        "value",
    )

    def __init__(
        self,
        *,
        subject: Column,
        property: Column,
        value: Column,
        source: Column,
        origin: Column | None = None,
        reporter: Column | None = None,
        qualifiers: Column | None = None,
        stance: IntArray | None = None,
        rank: IntArray | None = None,
        claim_ids: Sequence[str] | None = None,
        kinds: Mapping[str, str] | None = None,
        many: Iterable[str] | None = None,
        sources: Mapping[str, SourceInfo] | None = None,
        registry_: PropertyRegistry | None = None,
    ) -> None:
        n = len(subject)
        for name, col in (("property", property), ("value", value), ("source", source)):
            if len(col) != n:
                raise TableError(f"column {name} has {len(col)} rows, subject has {n}")
        self.subject, self.property, self.value, self.source = subject, property, value, source
        self.origin = origin if origin is not None else source
        self.reporter = reporter if reporter is not None else source
        self.qualifiers = (
            qualifiers if qualifiers is not None else Column(np.zeros(n, dtype=np.int64), [()])
        )
        self.stance = stance if stance is not None else np.zeros(n, dtype=np.int8)
        self.rank = rank if rank is not None else np.zeros(n, dtype=np.int8)
        for name, arr in (
            ("origin", self.origin),
            ("reporter", self.reporter),
            ("qualifiers", self.qualifiers),
            ("stance", self.stance),
            ("rank", self.rank),
        ):
            if len(arr) != n:
                raise TableError(f"column {name} has {len(arr)} rows, subject has {n}")
        if claim_ids is not None and len(claim_ids) != n:
            raise TableError(f"claim_id has {len(claim_ids)} rows, subject has {n}")
        self._claim_ids = claim_ids
        self.registry = registry_ if registry_ is not None else registry
        self._kinds = {str(k): v for k, v in (kinds or {}).items()}
        for prop, kind in self._kinds.items():
            try:
                get_kind(kind)
            except LookupError as exc:
                raise TableError(f"property {prop!r} has an unknown value kind: {exc}") from None
        self._many = None if many is None else frozenset(str(p) for p in many)
        self._sources = dict(sources or {})

    # --- building -----------------------------------------------------------------------

    @classmethod
    def from_columns(
        cls,
        *,
        subject: Any,
        property: Any,
        value: Any,
        source: Any,
        claim_id: Sequence[str] | None = None,
        stance: Any = None,
        origin: Any = None,
        reporter: Any = None,
        qualifiers: Any = None,
        rank: Any = None,
        kind: str | Mapping[str, str] | None = None,
        many: Iterable[str] | None = None,
        sources: Iterable[Source] | Mapping[Any, Source] | None = None,
        source_kind: Mapping[Any, Any] | None = None,
        reliability: Mapping[Any, float] | None = None,
        registry: PropertyRegistry | None = None,
    ) -> ClaimTable:
        """A table from parallel columns (sequences or numpy arrays, one row per claim).

        ``property`` may be one string for every row.  ``stance`` holds ``asserts`` /
        ``hedges`` / ``denies`` (or :class:`~filmlore.Stance`), asserts when omitted;
        ``origin`` says which rows relay one origin (they count once per value), the source
        when omitted; ``reporter`` is the source that relayed a row's claim when that is not
        the source it draws its trust on (an article quoting an interview: the source is
        the interview, the reporter the article); ``qualifiers`` holds a mapping (or tuple of
        :class:`~filmlore.Qualifier`) per row; ``rank`` holds ``normal`` / ``preferred`` /
        ``deprecated`` (deprecated rows are listed on facts but never counted);
        ``claim_id`` names the rows in facts (their row numbers when omitted).

        ``kind`` is the value kind of every property (one name) or of each
        (``{"author": "name"}``); a property without one takes the registry's kind, else the
        kind its values have (text for strings, integer for whole numbers).  ``many`` names
        the many-valued properties (by default those the registry calls many-valued).
        ``sources`` are :class:`~filmlore.Source` records (a dossier's, or a sources table's)
        giving each source's kind, prior and weight; ``source_kind`` and ``reliability``
        map a source label to its kind and its prior reliability directly.
        """
        subj = factorise(subject)
        n = len(subj)
        prop = factorise(property, n)
        kinds: dict[str, str] = {}
        if isinstance(kind, str):
            kinds = {str(p): kind for p in prop.labels}
        elif kind is not None:
            kinds = {str(k): v for k, v in kind.items()}
        if qualifiers is not None:
            quals = factorise([_qualifier_key(q) for q in qualifiers])
        else:
            quals = None
        return cls(
            subject=subj,
            property=prop,
            value=factorise(value),
            source=factorise(source),
            origin=None if origin is None else factorise(origin),
            reporter=None if reporter is None else factorise(reporter),
            qualifiers=quals,
            stance=_codes(stance, n, STANCE_CODES, "stance"),
            rank=_codes(rank, n, RANK_CODES, "rank"),
            claim_ids=None if claim_id is None else [str(c) for c in claim_id],
            kinds=kinds,
            many=many,
            sources=_source_infos(sources, source_kind, reliability),
            registry_=registry,
        )

    @classmethod
    def from_claims(
        cls,
        claims: Iterable[Claim],
        *,
        sources: Iterable[Source] | Mapping[Any, Source] | None = None,
        registry: PropertyRegistry | None = None,
        many: Iterable[str] | None = None,
    ) -> ClaimTable:
        """A table of claims: each row keeps its claim's id, subject, property, typed value,
        qualifiers (and the date it holds for, as the qualifier ``valid_at``), stance and
        rank.  A row's source is the source whose trust the claim draws on -- the first of
        its ``via`` chain, else its own -- its origin who it comes from in the end (the
        person it is attributed to, else that first relaying source), and its reporter the
        claim's own source.
        """
        rows = list(claims)
        return cls.from_columns(
            subject=[c.subject for c in rows],
            property=[c.property for c in rows],
            value=[c.value for c in rows],
            source=[speaker_of(c) for c in rows],
            origin=[origin_of(c) for c in rows],
            reporter=[str(c.source) for c in rows],
            qualifiers=[_claim_qualifiers(c) for c in rows],
            stance=[c.stance for c in rows],
            rank=[c.rank for c in rows],
            claim_id=[str(c.id) for c in rows],
            many=many,
            sources=sources,
            registry=registry,
        )

    @classmethod
    def from_dossier(cls, dossier: Dossier) -> ClaimTable:
        """A table of a dossier's claims, with its sources and its property registry."""
        return cls.from_claims(dossier.claims, sources=dossier.sources, registry=dossier.registry)

    @classmethod
    def load(
        cls,
        source: str | os.PathLike[str],
        *,
        format: str | None = None,
        lenient: bool = False,
        mapping: Any = None,
        encoding: str | None = None,
        date_order: DateOrder | None = None,
        pivot: int | None = None,
        repair_text: bool = False,
        dataset: Source | None = None,
    ) -> ClaimTable:
        """A table of the claims in ``source``, read as :func:`filmlore.load` reads it.

        An importer's input (``imdb``, ``tmdb``, ``wikidata`` …) is read straight into
        columns, without a Python object per claim: the road for inputs of millions of rows.
        Each row keeps its claim's id (the same id the dossier's claim would have).  With
        ``lenient=True``, rejected rows are left out (:func:`filmlore.load` lists them);
        else the first problem raises every problem at once.  filmlore's own formats are
        loaded as a dossier first.
        """
        fmt = format_of(source, format)
        if fmt not in IMPORTERS:
            # load() refuses the import options for filmlore's own formats, as it does here.
            loaded = load(
                source,
                format=fmt,
                lenient=lenient,
                mapping=mapping,
                encoding=encoding,
                date_order=date_order,
                pivot=pivot,
                repair_text=repair_text,
                dataset=dataset,
            )
            return cls.from_dossier(loaded if isinstance(loaded, Dossier) else loaded.dossier)
        options = ImportOptions(
            encoding=encoding,
            date_order=date_order,
            pivot=pivot,
            repair_text=repair_text,
            source=dataset,
            lenient=lenient,
        )
        columns: dict[str, list[Any]] = {}
        sources: list[Source] = []
        for batch in iter_columns(Path(source), fmt, options, mapping):
            for name in _LOADED_COLUMNS:
                got = batch.claim_ids() if name == "claim_id" else getattr(batch, name)
                columns.setdefault(name, []).extend(got)
            sources = batch.sources
        if not columns:
            columns = {name: [] for name in _LOADED_COLUMNS}
        return cls.from_columns(
            subject=[str(s) for s in columns["subject"]],
            property=columns["property"],
            value=columns["value"],
            source=columns["source"],
            reporter=[str(r) for r in columns["reporter"]],
            qualifiers=columns["qualifiers"],
            stance=columns["stance"],
            rank=columns["rank"],
            claim_id=columns["claim_id"],
            sources=sources,
        )

    # --- reading ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.subject)

    def __repr__(self) -> str:
        return (
            f"<ClaimTable: {len(self)} claims, {len(self.subject.labels)} subjects, "
            f"{len(self.property.labels)} properties, {len(self.source.labels)} sources>"
        )

    def labels(self, column: str) -> list[Any]:
        """The distinct values of ``column`` (subject, property, value, source, origin or
        qualifiers), sorted; row i has ``labels(column)[codes(column)[i]]``."""
        return list(self._column(column).labels)

    def codes(self, column: str) -> IntArray:
        """The integer codes of ``column``, one per row (a numpy array)."""
        return self._column(column).codes

    def _column(self, name: str) -> Column:
        if name not in ("subject", "property", "value", "source", "origin", "qualifiers"):
            raise KeyError(
                f"no column {name!r}: subject, property, value, source, origin or qualifiers"
            )
        col: Column = getattr(self, name)
        return col

    def claim_ids_list(self) -> list[str]:
        """The id of every row: its claim id, or its row number."""
        if self._claim_ids is not None:
            return list(self._claim_ids)
        return [str(i) for i in range(len(self))]

    def claim_id(self, row: int) -> str:
        """The id of row ``row``: its claim id, or its row number."""
        return self._claim_ids[row] if self._claim_ids is not None else str(row)

    def is_many(self, property: str) -> bool:
        """True when ``property`` is decided value by value."""
        if self._many is not None:
            return str(property) in self._many
        found = self.registry.find(str(property))
        return found is not None and found.many

    def kind_of(self, property: str) -> str | None:
        """The value kind ``property``'s values are compared by (None: by equality, for
        values no kind reads)."""
        name = str(property)
        if name in self._kinds:
            return self._kinds[name]
        found = self.registry.find(name)
        if found is not None:
            return found.kind
        return self._inferred_kind(name)

    def _inferred_kind(self, name: str) -> str | None:
        from filmlore.compare._registry import infer_kind

        try:
            code = [str(p) for p in self.property.labels].index(name)
        except ValueError:
            return None
        rows = np.flatnonzero(self.property.codes == code)
        if not len(rows):
            return None
        sample = self.value.labels[int(self.value.codes[rows[0]])]
        return infer_kind(sample, sample)

    def source_info(self, label: Any) -> SourceInfo:
        """What is known of a source: its kind, prior reliability, weight and name."""
        found = self._sources.get(str(label))
        return found if found is not None else SourceInfo(id=str(label))

    @property
    def source_infos(self) -> list[SourceInfo]:
        """One :class:`SourceInfo` per source label, in code order."""
        return [self.source_info(label) for label in self.source.labels]
