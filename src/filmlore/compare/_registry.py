"""The comparator registry and :func:`compare`, which dispatches on the value kind."""

from __future__ import annotations

import datetime
from typing import Any, Protocol

from filmlore.compare._builtin import BUILTIN, compare_fallback
from filmlore.compare._context import CompareContext, ContextLike, as_context
from filmlore.compare._result import IDENTICAL, Comparison, unrelated
from filmlore.compare._show import show
from filmlore.models import Quote
from filmlore.values.dates import DateInterval, PartialDate
from filmlore.values.kinds import get_kind, kinds
from filmlore.values.quantities import Duration, Money, Quantity
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

__all__ = ["Comparator", "compare", "get_comparator", "infer_kind", "register_comparator"]


class Comparator(Protocol):
    """What :func:`register_comparator` accepts: a function of two values of one kind.

    It is called with the two values (already read from text when they came as text), the
    :class:`~filmlore.CompareContext` and the relative ``tolerance`` (or None), and returns
    a :class:`~filmlore.Comparison`.  It should be symmetric: ``f(b, a)`` is ``f(a, b)``
    with :attr:`~filmlore.Comparison.refines` flipped.
    """

    def __call__(
        self, a: Any, b: Any, /, *, context: CompareContext, tolerance: float | None
    ) -> Comparison: ...


_COMPARATORS: dict[str, Comparator] = dict(BUILTIN)
_TEXT_KINDS = frozenset(
    {"text", "title", "name", "place", "quote", "category", "assessment", "label"}
)
_BY_TYPE: dict[type, str] = {
    PartialDate: "date",
    DateInterval: "date",
    datetime.date: "date",
    Duration: "duration",
    Money: "money",
    Quantity: "quantity",
    EntityRef: "ref",
    Text: "text",
    str: "text",
    Quote: "quote",
    bool: "boolean",
    int: "integer",
}


def register_comparator(
    kind_name: str, function: Comparator, *, replace: bool = False
) -> Comparator:
    """Make ``function`` the comparator for values of the kind ``kind_name``.

    The kind must be registered (:func:`~filmlore.register_kind`); a kind that has a
    comparator already needs ``replace=True``.  Returns ``function``.

    >>> from filmlore import Comparison, ValueKind, Verdict, register_kind
    >>> _ = register_kind(ValueKind(name="aspect_ratio", types=(str,), parse=str,
    ...                             description="a ratio like 2.39:1"), replace=True)
    >>> def by_ratio(a, b, *, context, tolerance):
    ...     ra, rb = (float(x.split(":")[0]) / float(x.split(":")[1]) for x in (a, b))
    ...     if abs(ra - rb) < 0.01:
    ...         return Comparison(verdict=Verdict.SAME, score=1.0, reason=f"{a} is {b}")
    ...     return Comparison(verdict=Verdict.CONFLICT, score=0.0, reason=f"{a} is not {b}")
    >>> _ = register_comparator("aspect_ratio", by_ratio, replace=True)
    >>> compare("2.39:1", "239:100", kind="aspect_ratio").verdict
    <Verdict.SAME: 'same'>
    """
    get_kind(kind_name)  # a LookupError naming the known kinds when unknown
    if not callable(function):
        raise TypeError(f"a comparator must be callable, got {function!r}")
    if kind_name in _COMPARATORS and not replace:
        raise ValueError(f"value kind {kind_name!r} has a comparator already; pass replace=True")
    _COMPARATORS[kind_name] = function
    return function


def get_comparator(kind_name: str) -> Comparator:
    """The comparator used for ``kind_name`` (a generic one when none is registered)."""
    get_kind(kind_name)
    return _COMPARATORS.get(kind_name, compare_fallback)


def _kind_of(value: object) -> str | None:
    found = _BY_TYPE.get(type(value))
    if found is not None:
        return found
    for cls, name in _BY_TYPE.items():
        if isinstance(value, cls):
            return "boolean" if isinstance(value, bool) else name
    for kind in kinds().values():
        if kind.check(value):
            return kind.name
    return None


def infer_kind(a: object, b: object) -> str | None:
    """The value kind for comparing ``a`` with ``b`` from their Python types, or None when
    they are of different kinds.  Text is ``text``; a reference and a text are ``ref`` (the
    text names an entity); a :class:`~filmlore.Quote` and a text are ``quote``."""
    ka, kb = _kind_of(a), _kind_of(b)
    if ka == kb:
        return ka
    if {ka, kb} == {"ref", "text"}:
        return "ref"
    if {ka, kb} == {"quote", "text"}:
        return "quote"
    return None


def _prepare(kind_name: str, value: Any) -> Any:
    """A value made ready for the comparator of ``kind_name``: text read when it must be."""
    if kind_name in _TEXT_KINDS and isinstance(value, (str, Text)):
        return value
    if kind_name == "quote" and isinstance(value, Quote):
        return value
    if kind_name == "ref" and isinstance(value, (str, Text)):
        text = value.text if isinstance(value, Text) else value
        try:
            return EntityRef.parse(text)
        except ValueError:
            return value  # a name: resolved through the context
    if kind_name == "date" and isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    return get_kind(kind_name).coerce(value)


def compare(
    a: Any,
    b: Any,
    *,
    kind: str | None = None,
    context: ContextLike = None,
    tolerance: float | None = None,
) -> Comparison:
    """Whether two values say the same thing, one refines the other, or they conflict.

    ``kind`` names the value kind (``date``, ``duration``, ``money``, ``quantity``,
    ``ref``, ``text``, ``title``, ``name``, ``place``, ``quote``, ``category``,
    ``assessment``, ``integer``, ``boolean`` or one you registered); when None it is
    inferred from the values' types and :class:`~filmlore.Text` counts as ``text``.  Text
    is read as a value of the kind when the kind needs it (``compare("1989",
    "1989-04-30", kind="date")``).  ``context`` -- a :class:`~filmlore.CompareContext` or a
    :class:`~filmlore.Dossier` -- resolves names and supplies taxonomies.  ``tolerance`` is
    a relative difference under which two numbers still count as the same (``0.03`` lets
    170 and 171 minutes be the same runtime).

    Equal values return at once, without normalising anything.

    >>> from filmlore import Duration, PartialDate
    >>> compare(PartialDate(year=1989), PartialDate(year=1989, month=4, day=30))
    <Comparison compatible, b refines a, score 0.80: 1989-04-30 lies within 1989: the day refines the year>
    >>> compare(Duration.parse("170 min"), Duration.parse("171 min"), tolerance=0.03).verdict
    <Verdict.SAME: 'same'>
    >>> compare(Duration.parse("2 h"), PartialDate(year=1995)).verdict
    <Verdict.UNRELATED: 'unrelated'>
    """  # noqa: E501
    if a is b or (type(a) is type(b) and a == b):
        return IDENTICAL
    ctx = as_context(context)
    if kind is None:
        kind = infer_kind(a, b)
        if kind is None:
            return unrelated(f"{show(a)} and {show(b)} are different kinds of value")
    else:
        a, b = _prepare(kind, a), _prepare(kind, b)
        if type(a) is type(b) and a == b:
            return IDENTICAL
    comparator = _COMPARATORS.get(kind)
    if comparator is None:
        get_kind(kind)
        comparator = compare_fallback
    return comparator(a, b, context=ctx, tolerance=tolerance)
