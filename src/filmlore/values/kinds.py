"""Value kinds: what a claim's value is, how it is read from text and printed back.

A property (see :mod:`filmlore.properties`) names its value kind; loaders use the kind to read
a value written as text (``nearly 3 hours`` for a ``duration``), dumpers to print it, and the
comparison helpers to choose their rules.  Users add kinds with :func:`register_kind`.

>>> get_kind("duration").parse("nearly 3 hours")
Duration(amount=Decimal('3'), unit='h', hedge=<Hedge.NEARLY: 'nearly'>)
>>> get_kind("date").format(get_kind("date").parse("Dec 15, 1995"))
'1995-12-15'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from filmlore.errors import FieldError, ParseError
from filmlore.values.dates import DateInterval, PartialDate, parse_date
from filmlore.values.quantities import Duration, Money, Quantity
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

__all__ = ["ValueKind", "get_kind", "kinds", "register_kind"]


def _parse_int(text: str) -> int:
    if not isinstance(text, str) or not text.strip().lstrip("+-").isdigit():
        raise ParseError("integer", text, "a whole number written with digits")
    return int(text.strip())


def _parse_bool(text: str) -> bool:
    lowered = text.strip().lower() if isinstance(text, str) else None
    if lowered in {"true", "yes"}:
        return True
    if lowered in {"false", "no"}:
        return False
    raise ParseError("boolean", text, "true/false or yes/no")


def _format_bool(value: Any) -> str:
    return "true" if value else "false"


@attrs.frozen(slots=True, kw_only=True)
class ValueKind:
    """A named kind of value: its Python types, parser and printer.

    ``types`` is what a value of this kind may be; ``parse`` reads the printed form back,
    so that ``parse(format(v)) == v`` for every value ``v`` of the kind.
    """

    name: str
    types: tuple[type, ...]
    parse: Callable[[str], Any] = attrs.field(repr=False)
    format: Callable[[Any], str] = attrs.field(default=str, repr=False)
    description: str = ""

    def check(self, value: object) -> bool:
        """True when ``value`` is of one of this kind's types (``bool`` is not an integer)."""
        if isinstance(value, bool) and bool not in self.types:
            return False
        return isinstance(value, self.types)

    def coerce(self, value: object) -> Any:
        """Return ``value`` if it already fits, parse it if it is text; otherwise refuse."""
        if self.check(value):
            return value
        if isinstance(value, str):
            return self.parse(value)
        raise FieldError("value", self.name, f"a {self.name} or its text", value)


_REGISTRY: dict[str, ValueKind] = {}


def register_kind(kind: ValueKind, *, replace: bool = False) -> ValueKind:
    """Add a value kind to the registry (``replace=True`` to redefine one) and return it."""
    if kind.name in _REGISTRY and not replace:
        raise ValueError(f"value kind {kind.name!r} is registered already; pass replace=True")
    _REGISTRY[kind.name] = kind
    return kind


def get_kind(name: str) -> ValueKind:
    """The registered value kind called ``name``."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise LookupError(
            f"unknown value kind {name!r}; known kinds: {', '.join(sorted(_REGISTRY))}"
        ) from None


def kinds() -> dict[str, ValueKind]:
    """A copy of the registry: name → kind."""
    return dict(_REGISTRY)


def _text_kind(name: str, description: str) -> ValueKind:
    return ValueKind(name=name, types=(Text,), parse=Text.parse, description=description)


for _kind in (
    ValueKind(
        name="date",
        types=(PartialDate, DateInterval),
        parse=parse_date,
        description="a partial date or an interval (EDTF)",
    ),
    ValueKind(
        name="duration",
        types=(Duration,),
        parse=Duration.parse,
        description="a length of time",
    ),
    ValueKind(name="money", types=(Money,), parse=Money.parse, description="an amount of money"),
    ValueKind(
        name="quantity",
        types=(Quantity,),
        parse=Quantity.parse,
        description="a count or amount with a free unit",
    ),
    ValueKind(
        name="ref",
        types=(EntityRef,),
        parse=EntityRef.parse,
        description="a reference to an entity",
    ),
    ValueKind(name="integer", types=(int,), parse=_parse_int, description="a whole number"),
    ValueKind(
        name="boolean",
        types=(bool,),
        parse=_parse_bool,
        format=_format_bool,
        description="true or false",
    ),
    _text_kind("text", "free text"),
    _text_kind("title", "a title of a work"),
    _text_kind("name", "a person's name, or a list of names"),
    _text_kind("place", "a place, most specific part first: 'Minneapolis, Minnesota, USA'"),
    _text_kind("quote", "words spoken in a film or by a person"),
    _text_kind("category", "a term from a taxonomy: 'Delta Force', 'police'"),
    _text_kind("assessment", "an opinion or judgement"),
    _text_kind("label", "a code compared character for character: a gate, a time of day, an id"),
):
    register_kind(_kind)
