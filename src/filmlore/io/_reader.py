"""From parsed data to a Dossier: one record at a time, every problem noted.

Each record (one film, one claim, …) goes through the fast converter; if that fails it goes
again through the detailed one, whose exception group is flattened into problems.  Problems
are kept with their file and path; their line numbers are found at the end, once per file,
by that file's locator (for JSON Lines and CSV the line is known as the record is read).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

import attrs

from filmlore.dossier import Dossier, DossierOrigin
from filmlore.errors import LoadError, Location, Problem
from filmlore.io._converters import converters
from filmlore.io._hooks import Invalid, describe
from filmlore.io._locate import Locator
from filmlore.io._problems import Path, flatten, format_path
from filmlore.io._result import LoadResult, Rejected
from filmlore.io._values import KindTable
from filmlore.models import (
    Character,
    Claim,
    Credit,
    Film,
    HierarchyLink,
    Person,
    Quote,
    Scene,
    Source,
)
from filmlore.properties import Property
from filmlore.values.kinds import ValueKind
from filmlore.values.text import Text

__all__ = ["COLLECTIONS", "SINGULAR", "Collector", "derive_claim_id"]

#: The dossier's lists and the model of their records, in the order they are read.
COLLECTIONS: dict[str, type[Any]] = {
    "properties": Property,
    "hierarchy": HierarchyLink,
    "films": Film,
    "people": Person,
    "characters": Character,
    "credits": Credit,
    "scenes": Scene,
    "quotes": Quote,
    "sources": Source,
    "claims": Claim,
}
#: The tag of one record of each list, in JSON Lines: ``{"film": {...}}``.
SINGULAR: dict[str, str] = {
    "property": "properties",
    "hierarchy_link": "hierarchy",
    "film": "films",
    "person": "people",
    "character": "characters",
    "credit": "credits",
    "scene": "scenes",
    "quote": "quotes",
    "source": "sources",
    "claim": "claims",
}
MODEL_COLLECTION: dict[type[Any], str] = {model: name for name, model in COLLECTIONS.items()}
#: Every key a JSON Lines record may be tagged with.
TAGS = frozenset((*COLLECTIONS, *SINGULAR, "dossier"))
_DOSSIER_KEYS = ("title", "description", "origin", *COLLECTIONS)
#: The origins a dossier may declare for itself (the tables' are told by their format).
_DECLARED_ORIGINS = {o.value: o for o in (DossierOrigin.DOSSIER, DossierOrigin.DATA_SET)}


@attrs.define(slots=True)
class _Pending:
    path: Path
    message: str
    file: str | None
    line: int | None
    record: Any


@attrs.define(slots=True)
class _Reject:
    record: Any
    path: Path
    file: str | None
    line: int | None
    problems: list[_Pending]


class Collector:
    """Reads records into lists, and builds the Dossier (or LoadError, or LoadResult)."""

    def __init__(
        self,
        *,
        kinds: Mapping[str, str | ValueKind] | None = None,
        lenient: bool = False,
        source: str | None = None,
        keep: bool = True,
    ) -> None:
        self.table = KindTable(kinds)
        fast, detailed, _ = converters()
        self.fast = {name: fast.records[model] for name, model in COLLECTIONS.items()}
        self.detailed = {name: detailed.records[model] for name, model in COLLECTIONS.items()}
        self.lists: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}
        self.title: str | None = None
        self.description: str | None = None
        self.origin = DossierOrigin.DOSSIER
        self.lenient = lenient
        self.source = source
        self.keep = keep
        self.pending: list[_Pending] = []
        self.rejects: list[_Reject] = []
        self.locators: dict[str | None, Locator] = {}
        self._located = 0
        self._located_rejects = 0
        self._dossier: Dossier | None = None

    # --- one record -------------------------------------------------------------------------

    def record(
        self, collection: str, raw: Any, path: Path, file: str | None, line: int | None = None
    ) -> Any:
        """The entity (or property) read from ``raw``, or None after noting its problems."""
        try:
            if raw.__class__ is not dict:
                raise TypeError
            if collection == "claims":
                return self._claim(raw)
            obj = self.fast[collection](raw)
            if collection == "properties":
                self.table.declare(obj)
            return obj
        except Exception:
            return self.fail(collection, raw, path, file, line)

    def _claim(self, raw: dict[str, Any]) -> Claim:
        value = raw["value"]
        try:
            raw["value"] = self.table.value(value, raw.get("property"))
            return self.fast["claims"](raw)  # type: ignore[no-any-return]
        except BaseException:
            raw["value"] = value
            raise

    def typed_claim(
        self,
        raw: dict[str, Any],
        path: Path,
        file: str | None,
        line: int | None,
        found: list[tuple[Path, str]] | None,
        record: Any = None,
    ) -> Claim | None:
        """A claim whose value is already typed (CSV), or None after noting its problems.

        ``found`` are problems already found in the row; the claim is then only checked,
        with a stand-in value if its own could not be read.
        """
        if found is None:
            try:
                return self.fast["claims"](raw)  # type: ignore[no-any-return]
            except Exception:
                found = []
        data = raw if "value" in raw else {**raw, "value": Text("?")}
        try:
            self.detailed["claims"](data)
        except Exception as exc:
            seen = {p for p, _ in found}
            found = found + [
                (p, m)
                for p, m in flatten(exc)
                if p not in seen and (p[:1] != ("value",) or "value" in raw)
            ]
        if not found:
            found = [((), "could not read this Claim")]
        self.note(raw if record is None else record, found, path, file, line)
        return None

    def fail(
        self, collection: str, raw: Any, path: Path, file: str | None, line: int | None
    ) -> Any:
        """Find every problem of a record that failed, with the detailed converter; or, for
        a claim that failed only for want of an id, the claim with its derived id."""
        model = COLLECTIONS[collection]
        found: list[tuple[Path, str]]
        if collection == "claims" and raw.__class__ is dict and "id" not in raw:
            derived = derive_claim_id(raw)
            if derived is not None:
                raw["id"] = derived
                try:
                    return self._claim(raw)
                except Exception:
                    pass
        if raw.__class__ is not dict:
            found = [((), f"expected a mapping (a {model.__name__}), got {describe(raw)}")]
        elif collection == "claims":
            found = self._explain_claim(raw)
        else:
            found = []
            try:
                obj = self.detailed[collection](raw)
                if collection == "properties":
                    self.table.declare(obj)
            except Exception as exc:
                found = flatten(exc)
            if not found:
                found = [((), f"could not read this {model.__name__}")]
        self.note(raw, found, path, file, line)
        return None

    def _explain_claim(self, raw: dict[str, Any]) -> list[tuple[Path, str]]:
        found: list[tuple[Path, str]] = []
        data = dict(raw)
        if "value" in raw:
            prop = raw.get("property")
            try:
                data["value"] = self.table.value(raw["value"], prop)
            except Invalid as exc:
                data["value"] = Text("?")
                if prop.__class__ is str or (raw["value"].__class__ is dict):
                    path = exc.path if exc.path[:1] == ("property",) else ("value", *exc.path)
                    found.append((path, exc.message))
        try:
            self.detailed["claims"](data)
        except Exception as exc:
            found.extend(flatten(exc))
        if not found:
            found = [((), "could not read this Claim")]
        return found

    def note(
        self,
        raw: Any,
        found: list[tuple[Path, str]],
        path: Path,
        file: str | None,
        line: int | None,
    ) -> None:
        """Record the problems ``found`` in the record ``raw`` at ``path``."""
        pending = [_Pending((*path, *p), m, file, line, raw) for p, m in found]
        self.pending.extend(pending)
        if self.lenient:
            self.rejects.append(_Reject(raw, path, file, line, pending))

    def problem(
        self, raw: Any, path: Path, message: str, file: str | None, line: int | None = None
    ) -> None:
        """Note one problem that is not inside a record (a bad key of the whole input)."""
        self.note(raw, [((), message)], path, file, line)

    # --- shapes -------------------------------------------------------------------------------

    def mapping(self, data: Any, file: str | None, path: Path = ()) -> None:
        """A whole dossier written as a mapping (JSON, YAML, TOML, ``dossier.yaml``)."""
        if data is None:
            return
        if data.__class__ is not dict:
            self.problem(
                data,
                path,
                "expected a mapping with the dossier's keys (title, description, properties, "
                f"films, people, …), got {describe(data)}",
                file,
            )
            return
        for key in data:
            if key not in _DOSSIER_KEYS:
                self.problem(
                    data[key],
                    (*path, str(key)),
                    f"unknown key {key!r}: a dossier takes {', '.join(_DOSSIER_KEYS)}",
                    file,
                )
        for key in ("title", "description", "origin"):
            if key in data:
                self.header(key, data[key], (*path, key), file)
        for name in COLLECTIONS:
            if name in data:
                self.many(name, data[name], (*path, name), file)

    def header(
        self, key: str, value: Any, path: Path, file: str | None, line: int | None = None
    ) -> None:
        """The dossier's ``title``, ``description`` or ``origin`` (``data-set`` for a data
        set written by an importer, whose references may lie outside it)."""
        if key == "origin":
            found = _DECLARED_ORIGINS.get(value) if isinstance(value, str) else None
            if found is None:
                self.problem(
                    value,
                    path,
                    f"expected one of {', '.join(_DECLARED_ORIGINS)}, got {describe(value)}",
                    file,
                    line,
                )
            else:
                self.origin = found
            return
        if value is None or value.__class__ is str:
            setattr(self, key, value)
        else:
            self.problem(value, path, f"expected a string, got {describe(value)}", file, line)

    def many(
        self, name: str, items: Any, path: Path, file: str | None, line: int | None = None
    ) -> list[Any]:
        """A list of records of collection ``name``; returns the ones read."""
        if items is None:
            return []
        if items.__class__ is not list:
            what = COLLECTIONS[name].__name__
            self.problem(
                items, path, f"expected a list of {what} records, got {describe(items)}", file, line
            )
            return []
        read: list[Any] = []
        append = read.append
        if name == "properties":
            for index, item in enumerate(items):
                obj = self.record(name, item, (*path, index), file, line)
                if obj is not None:
                    append(obj)
        else:
            # The hot loop: no call but the structuring function's for a good record.
            fn = self._claim if name == "claims" else self.fast[name]
            for index, item in enumerate(items):
                try:
                    append(fn(item))
                except Exception:
                    recovered = self.fail(name, item, (*path, index), file, line)
                    if recovered is not None:
                        append(recovered)
        if self.keep:
            self.lists[name].extend(read)
        return read

    def line(self, data: Any, file: str | None, line: int, default: str | None) -> list[Any]:
        """One JSON Lines record: tagged, a per-film bundle, or one record of ``default``."""
        if data.__class__ is dict and data and TAGS.issuperset(data):
            read: list[Any] = []
            keys: Any = data
            if "property" in data or "properties" in data or "dossier" in data:
                keys = sorted(data, key=lambda k: k not in ("property", "properties", "dossier"))
            for key in keys:
                value = data[key]
                if key == "dossier":
                    self.dossier_header(value, file, line)
                elif key in SINGULAR:
                    name = SINGULAR[key]
                    obj = self.record(name, value, (key,), file, line)
                    if obj is not None:
                        if self.keep:
                            self.lists[name].append(obj)
                        read.append(obj)
                else:
                    read.extend(self.many(key, value, (key,), file, line))
            return read
        if default is None or data.__class__ is not dict:
            self.problem(
                data,
                (),
                "expected a JSON object tagged with what it holds, such as "
                '{"film": {...}} or {"film": {...}, "credits": [...]}, got ' + describe(data),
                file,
                line,
            )
            return []
        obj = self.record(default, data, (), file, line)
        if obj is None:
            return []
        if self.keep:
            self.lists[default].append(obj)
        return [obj]

    def dossier_header(self, value: Any, file: str | None, line: int | None) -> None:
        """The ``{"dossier": {"title": …, "description": …}}`` line of JSON Lines."""
        if value.__class__ is not dict:
            self.problem(
                value,
                ("dossier",),
                f"expected a mapping {{title, description, origin}}, got {describe(value)}",
                file,
                line,
            )
            return
        for key in value:
            if key not in ("title", "description", "origin"):
                self.problem(
                    value[key],
                    ("dossier", str(key)),
                    f"unknown key {key!r}: the dossier line takes title, description and origin",
                    file,
                    line,
                )
        for key in ("title", "description", "origin"):
            if key in value:
                self.header(key, value[key], ("dossier", key), file, line)

    # --- the end ---------------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        """Every problem noted, with its line found."""
        self._locate()
        return [_problem(p) for p in self.pending]

    def _locate(self) -> None:
        by_file: dict[str | None, list[_Pending]] = {}
        for p in self.pending[self._located :]:
            if p.line is None:
                by_file.setdefault(p.file, []).append(p)
        self._located = len(self.pending)
        for reject in self.rejects[self._located_rejects :]:
            if reject.line is None and reject.file in self.locators:
                paths = self.locators[reject.file]([reject.path])
                reject.line = paths.get(reject.path)
        self._located_rejects = len(self.rejects)
        for file, pending in by_file.items():
            locate = self.locators.get(file)
            if locate is None:
                continue
            lines = locate(p.path for p in pending)
            for p in pending:
                p.line = lines.get(p.path)

    def dossier(self) -> Dossier:
        """The dossier of every record read.

        Built once: each list is handed over as a tuple and let go before the next is
        copied, so that two copies of every record's place are never alive at once.
        """
        if self._dossier is None:
            collections: dict[str, tuple[Any, ...]] = {}
            for name in COLLECTIONS:
                collections[name] = tuple(self.lists[name])
                self.lists[name] = []
            self._dossier = Dossier(
                title=self.title, description=self.description, origin=self.origin, **collections
            )
        return self._dossier

    def rejected(self, start: int = 0) -> list[Rejected]:
        """The records set aside so far (from the ``start``-th on), with their problems."""
        self._locate()
        return [
            Rejected(
                record=r.record,
                location=Location(path=format_path(r.path), file=r.file, line=r.line),
                problems=[_problem(p) for p in r.problems],
            )
            for r in self.rejects[start:]
        ]

    def finish(self) -> Dossier | LoadResult:
        """The Dossier, or LoadResult when lenient; LoadError when strict and any problem."""
        if self.lenient:
            return LoadResult(dossier=self.dossier(), rejected=self.rejected())
        if self.pending:
            raise LoadError(self.problems(), source=self.source)
        return self.dossier()


def derive_claim_id(raw: dict[str, Any]) -> str | None:
    """The id of a claim written without one: ``claim:SOURCE-PROPERTY-HASH``, where HASH
    digests everything else the claim says (subject, value, qualifiers, stance, excerpt…),
    so that it stays the same when other claims are added, edited or moved, and changes
    when this one does; None when the claim names no source or property to build it from.

    >>> derive_claim_id({"source": "source:blog", "property": "runtime", "value": "170 min",
    ...                  "subject": "film:heat-1995"})
    'claim:blog-runtime-76bf4169'
    """
    source, prop = raw.get("source"), raw.get("property")
    if source.__class__ is not str or prop.__class__ is not str:
        return None
    key = source.split(":", 1)[1] if source.startswith("source:") else source
    if not key or not prop:
        return None
    body = {k: v for k, v in raw.items() if k != "id"}
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"claim:{key}-{prop}-{digest}"


def _problem(p: _Pending) -> Problem:
    return Problem(
        message=p.message,
        location=Location(path=format_path(p.path), file=p.file, line=p.line),
        record=p.record,
    )
