"""Claim values: read and written by the value kind of the claim's property.

A claim's value is written as its property's kind prints it (``nearly 3 hours`` for a
``duration``).  A value whose type does not fit its property's kind -- or whose property is
unknown -- is written *tagged*, ``{kind: integer, value: 5}``, so that every claim
round-trips; :func:`filmlore.validate` reports such a claim.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Mapping
from typing import Any

from filmlore.errors import FieldError, ParseError
from filmlore.io._hooks import Invalid, describe, expected, text_from_mapping
from filmlore.io._memo import printed, shared_text
from filmlore.properties import Property, PropertyRegistry, registry
from filmlore.values.dates import DateInterval, PartialDate
from filmlore.values.kinds import ValueKind, get_kind, kinds
from filmlore.values.quantities import Duration, Money, Quantity
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

__all__ = ["KindTable", "natural_kind", "value_out"]

_NATIVE = (bool, int, float)
_EXAMPLES = {
    "date": "a date written as a string, e.g. '1995' or '1995-12-15'",
    "duration": "a duration written as text, e.g. '170 min'",
    "money": "an amount written as text, e.g. '$60 million'",
    "quantity": "a quantity written as text, e.g. 'about 40 screens'",
    "ref": "an entity reference written as 'kind:key', e.g. 'person:al-pacino'",
    "integer": "an integer",
    "boolean": "true or false",
}
_NATURAL: dict[type, str] = {
    PartialDate: "date",
    DateInterval: "date",
    Duration: "duration",
    Money: "money",
    Quantity: "quantity",
    EntityRef: "ref",
    Text: "text",
    bool: "boolean",
    int: "integer",
}


def _is_native(kind: ValueKind) -> bool:
    return all(t in _NATIVE for t in kind.types)


def _is_text(kind: ValueKind) -> bool:
    return kind.types == (Text,)


def natural_kind(value: object) -> ValueKind | None:
    """The kind a value is written as when it does not fit its property's kind: ``date``
    for a PartialDate, ``integer`` for an int…, else the first registered kind it fits."""
    name = _NATURAL.get(type(value))
    if name is not None:
        return get_kind(name)
    for kind in kinds().values():
        if kind.check(value):
            return kind
    return None


class Reader:
    """Reads the values of one kind from parsed data (JSON, YAML, TOML) or from text (CSV)."""

    def __init__(self, kind: ValueKind) -> None:
        self.kind = kind
        self.native = _is_native(kind)
        self.text_like = _is_text(kind)
        self.what = _EXAMPLES.get(kind.name) or (
            "a string, or a mapping {text, lang}" if self.text_like else f"a {kind.name} as text"
        )
        parse: Callable[[str], Any] = kind.parse
        if not self.native and not self.text_like:
            parse = functools.lru_cache(maxsize=4096)(parse)
        self.parse = parse

    def __call__(self, raw: Any) -> Any:
        """Read ``raw`` as parsed from JSON/YAML/TOML: native kinds need native data."""
        if raw.__class__ is str:
            if self.text_like:
                return shared_text(raw)
            if not self.native:
                return self._parse(raw)
        elif self.native:
            if self.kind.check(raw):
                return raw
        elif self.text_like and raw.__class__ is dict:
            return text_from_mapping(raw)
        raise expected(f"{self.what} (the {self.kind.name} kind)", raw)

    def from_text(self, text: str, lang: str | None = None) -> Any:
        """Read a CSV cell: every kind from its printed text."""
        if self.text_like:
            try:
                return Text(text, lang=lang)
            except FieldError as exc:
                raise Invalid(f"expected {exc.expected}, got {describe(exc.got)}") from None
        return self._parse(text)

    def _parse(self, text: str) -> Any:
        try:
            return self.parse(text)
        except (ParseError, FieldError, ValueError) as exc:
            if isinstance(exc, FieldError):
                raise Invalid(f"expected {exc.expected}, got {describe(exc.got)}") from None
            raise Invalid(str(exc)) from None


@functools.cache
def _reader(kind: ValueKind) -> Reader:
    return Reader(kind)


class KindTable:
    """Which kind each property's values have while loading one input.

    The ``kinds`` mapping given to the loader comes first, then the properties declared in
    the input (its ``properties`` list), then the global registry.
    """

    def __init__(self, kinds: Mapping[str, str | ValueKind] | None = None) -> None:
        self.explicit: dict[str, ValueKind] = {}
        for name, kind in (kinds or {}).items():
            self.explicit[name] = kind if isinstance(kind, ValueKind) else get_kind(kind)
        self.registry: PropertyRegistry = registry
        self._copied = False
        self._readers: dict[str, Reader | None] = {}
        self._implied: dict[str, set[str]] = {}
        self._registered: dict[str, bool] = {}

    def declare(self, prop: Property) -> None:
        """Add a property declared in the input."""
        if not self._copied:
            self.registry = registry.copy()
            self._copied = True
        self.registry.register(prop, replace=True)
        self._readers.clear()

    def note(self, prop: str, kind: ValueKind) -> None:
        """Note that a value of ``prop`` was read as ``kind`` on the input's own say (a
        claims table's ``kind`` column, or ``kinds=``), for :meth:`implied`."""
        known = self._registered.get(prop)
        if known is None:
            known = self._registered[prop] = self.registry.find(prop) is not None
        if not known:
            self._implied.setdefault(prop, set()).add(kind.name)

    def implied(self) -> list[Property]:
        """The properties the input declares only through the kinds of their values: each
        property no registry knows whose values were all read as one kind.  (A name or a
        place is a :class:`~filmlore.Text` once read; without its property saying so, its
        kind would be lost.)"""
        out = []
        for name, given in self._implied.items():
            if len(given) == 1 and self.registry.find(name) is None:
                try:
                    out.append(Property(name=name, kind=next(iter(given))))
                except (TypeError, ValueError):
                    continue  # a name a property cannot have: its values keep their kinds
        return out

    def reader(self, name: str) -> Reader | None:
        """The reader for the values of property ``name``, or None if it is unknown."""
        found = self._readers.get(name)
        if found is None and name not in self._readers:
            kind = self.explicit.get(name)
            if kind is None:
                prop = self.registry.find(name)
                kind = None if prop is None else get_kind(prop.kind)
            found = None if kind is None else _reader(kind)
            self._readers[name] = found
        return found

    def unknown(self, name: str) -> Invalid:
        """The problem of a claim whose property is not known, at its ``property``."""
        names = [n for p in self.registry for n in (p.name, *p.aliases)]
        close = difflib.get_close_matches(name, names, n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        return Invalid(
            f"unknown property {name!r}{hint}, so the kind of its value is unknown: declare "
            f"it in the dossier's properties, register it, pass kinds={{{name!r}: <kind>}}, or "
            "write the value tagged as {kind, value}",
            ("property",),
        )

    def value(self, raw: Any, prop: Any) -> Any:
        """The typed value of a claim: ``raw`` as written, ``prop`` its property's name."""
        reader = self._readers.get(prop) if prop.__class__ is str else None
        if reader is not None and raw.__class__ is not dict:
            return reader(raw)  # the common case: a known property, a value as written
        if raw.__class__ is dict and "kind" in raw:
            return tagged(raw)
        if prop.__class__ is not str:
            raise Invalid("cannot read the value of a claim without a valid property")
        reader = self.reader(prop)
        if reader is None:
            raise self.unknown(prop)
        return reader(raw)


def tagged(raw: dict[str, Any]) -> Any:
    """A value written ``{kind: <kind>, value: <value>}``."""
    extra = [k for k in raw if k not in ("kind", "value")]
    if extra:
        raise Invalid(
            f"unknown key {extra[0]!r}: a tagged value takes only 'kind' and 'value'", (extra[0],)
        )
    name = raw["kind"]
    if name.__class__ is not str:
        raise expected("the name of a value kind", name, ("kind",))
    try:
        kind = get_kind(name)
    except LookupError:
        known = ", ".join(sorted(kinds()))
        raise Invalid(f"unknown value kind {name!r}; known kinds: {known}", ("kind",)) from None
    if "value" not in raw:
        raise Invalid("missing required key 'value'", ("value",))
    try:
        return _reader(kind)(raw["value"])
    except Invalid as exc:
        raise Invalid(exc.message, ("value", *exc.path)) from None


def value_out(value: Any, kind: ValueKind | None) -> Any:
    """The serialised form of a claim's value whose property has ``kind`` (None: unknown)."""
    if kind is not None and kind.check(value):
        return _plain_out(value, kind)
    natural = natural_kind(value)
    if natural is None:
        raise ValueError(f"cannot write the claim value {value!r}: no value kind fits it")
    return {"kind": natural.name, "value": _plain_out(value, natural)}


def _plain_out(value: Any, kind: ValueKind) -> Any:
    if value.__class__ is Text:
        return value.text if value.lang is None else {"text": value.text, "lang": value.lang}
    if value.__class__ is EntityRef:
        return value.kind + ":" + value.key
    if _is_native(kind):
        return value
    if kind.format is str:
        return printed(value)
    return kind.format(value)


def text_out(value: Any, kind: ValueKind | None) -> tuple[str, str | None, str | None]:
    """A claim's value for a CSV row: ``(cell, kind column, lang column)``."""
    if kind is None or not kind.check(value):
        natural = natural_kind(value)
        if natural is None:
            raise ValueError(f"cannot write the claim value {value!r}: no value kind fits it")
        tag: str | None = natural.name
        kind = natural
    else:
        tag = None
    if value.__class__ is Text:
        return value.text, tag, value.lang
    return kind.format(value), tag, None
