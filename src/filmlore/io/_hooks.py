"""The hooks of the strict cattrs converters: how each kind of value is read and written.

Every structuring hook is strict: it checks the exact Python type that the parser gave (``123``
is not a title, ``"1999"`` is not a year, ``95.5`` is not a billing order, ``"drama"`` is not a
list of genres) and raises :class:`Invalid` with a message in plain words otherwise, or an
:class:`InvalidGroup` of them when one hook finds several problems.  The values that repeat
are shared through the memos of :mod:`filmlore.io._memo`.  The unstructuring hooks write the
serialised form of ``docs/explanation/dossier-format.md``.

The converters that register these hooks are built in :mod:`filmlore.io._converters`.
"""

from __future__ import annotations

import datetime
import enum
import functools
import sys
from collections.abc import Callable
from typing import Any, Union, get_args

import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote

from filmlore.errors import FieldError, ParseError
from filmlore.io._memo import (
    _DURATIONS,
    _MONEY,
    _ONE_QUALIFIER,
    _ONE_REF,
    _QUALIFIERS,
    _QUANTITIES,
    _REFS,
    _STRS,
    SHORT,
    _Memo,
    shared_text,
)
from filmlore.models import (
    Character,
    Excerpt,
    Film,
    Person,
    Qualifier,
    Rank,
    RoleKind,
    Scene,
    Source,
    SourceKind,
    Stance,
)
from filmlore.properties import Cardinality
from filmlore.values.dates import DateInterval, PartialDate, parse_date
from filmlore.values.ids import ImdbId, MovieLensId, TmdbId, WikidataId
from filmlore.values.quantities import Duration, Hedge, Money, Quantity
from filmlore.values.refs import EntityRef, ref_from_text
from filmlore.values.text import Text

__all__ = [
    "ENUMS",
    "Hook",
    "Invalid",
    "InvalidGroup",
    "describe",
    "expected",
    "text_from_mapping",
]

Path = tuple[str | int, ...]
Hook = Callable[..., Any]

#: The ``str``-based enumerations of the models.  Each gets its own hook: a hook for ``str``
#: would otherwise catch them too (they are subclasses of ``str``).
ENUMS: tuple[type[enum.Enum], ...] = (RoleKind, SourceKind, Stance, Rank, Cardinality, Hedge)


class Invalid(Exception):
    """A value that is not what its place expects.

    ``message`` says what was expected and what came, in plain words; ``path`` leads from
    the place the hook was called for to the part that is wrong (``("lang",)`` for the
    language of a ``{text, lang}`` mapping).
    """

    def __init__(self, message: str, path: Path = ()) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


class InvalidGroup(Exception):
    """Several :class:`Invalid` found by one hook."""

    def __init__(self, errors: list[Invalid]) -> None:
        super().__init__(f"{len(errors)} problems")
        self.errors = errors


def _invalid_group(errors: list[Invalid]) -> InvalidGroup:
    return InvalidGroup(errors)


_KINDS_OF_DATA: tuple[tuple[type, str], ...] = (
    (bool, "a boolean"),
    (int, "an integer"),
    (float, "a number"),
    (str, "a string"),
    (list, "a list"),
    (tuple, "a list"),
    (dict, "a mapping"),
    (datetime.datetime, "an unquoted timestamp; write it as a quoted string"),
    (datetime.date, "an unquoted date; write it as a quoted string"),
)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def describe(value: object) -> str:
    """``value`` for a message: its repr, shortened, and what kind of data it is.

    Filmlore's own values are shown by their printed form.

    >>> describe("1999"), describe(95.5), describe(None)
    ("'1999' (a string)", '95.5 (a number)', 'null')
    """
    if value is None:
        return "null"
    if isinstance(value, (EntityRef, Text, PartialDate, DateInterval, Duration, Money, Quantity)):
        return repr(str(value))
    if isinstance(value, (ImdbId, WikidataId, TmdbId, MovieLensId)):
        return repr(value.value)
    if isinstance(value, enum.Enum):
        return repr(value.value)
    for cls, words in _KINDS_OF_DATA:
        if isinstance(value, cls):
            if isinstance(value, datetime.date):
                return f"{value.isoformat()} ({words})"
            return f"{_short(value)} ({words})"
    return _short(value)


def expected(what: str, value: object, path: Path = ()) -> Invalid:
    """An :class:`Invalid` saying ``expected <what>, got <value>``."""
    return Invalid(f"expected {what}, got {describe(value)}", path)


def _parse_error(exc: ParseError | FieldError) -> Invalid:
    if isinstance(exc, FieldError):
        return Invalid(f"expected {exc.expected}, got {describe(exc.got)}")
    return Invalid(str(exc))


# --- hooks for plain data and values ----------------------------------------------------------
#
# Each hook checks the exact class first (the common case costs one comparison), and only
# then whether ``None`` is allowed: every hook comes in a plain and a nullable variant so
# that an optional field costs one call, not two.


def _plain(cls: type, what: str, nullable: bool) -> Hook:
    def hook(value: Any, _: Any = None) -> Any:
        if value.__class__ is cls:
            return value
        if nullable and value is None:
            return None
        raise expected(what, value)

    hook.inline = ("exact", cls)  # type: ignore[attr-defined]
    return hook


def _float(nullable: bool) -> Hook:
    def hook(value: Any, _: Any = None) -> Any:
        cls = value.__class__
        if cls is float or cls is int:
            return value
        if nullable and value is None:
            return None
        raise expected("a number", value)

    return hook


def _bool(nullable: bool) -> Hook:
    def hook(value: Any, _: Any = None) -> Any:
        if value is True or value is False:
            return value
        if nullable and value is None:
            return None
        raise expected("true or false", value)

    hook.inline = ("bool", None)  # type: ignore[attr-defined]
    return hook


def _enum(cls: type[enum.Enum], nullable: bool) -> Hook:
    members = dict(cls._value2member_map_)
    words = ", ".join(repr(v) for v in members)

    def hook(value: Any, _: Any = None) -> Any:
        if value.__class__ is str:
            found = members.get(value)
            if found is not None:
                return found
        if nullable and value is None:
            return None
        raise expected(f"one of {words}", value)

    hook.inline = ("enum", members)  # type: ignore[attr-defined]
    return hook


def _text_parser(
    parse: Callable[[str], Any], what: str, *, memo: _Memo | None = None
) -> Callable[[bool], Hook]:
    """Hooks reading a value from its text with ``parse``.

    With a ``memo`` (one of :mod:`filmlore.io._memo`) the values read are kept in it, shared
    by the hooks (values are immutable, so sharing them is safe).
    """

    def make(nullable: bool) -> Hook:
        def hook(value: Any, _: Any = None) -> Any:
            if value.__class__ is str:
                try:
                    return parse(value)
                except (ParseError, FieldError) as exc:
                    raise _parse_error(exc) from None
            if nullable and value is None:
                return None
            raise expected(what, value)

        return hook

    if memo is None:
        return make

    def make_cached(nullable: bool) -> Hook:
        slow = make(nullable)

        def hook(value: Any, _: Any = None) -> Any:
            if value.__class__ is str:
                found = memo.young.get(value)
                if found is not None:
                    return found
                found = memo.get(value)
                if found is not None:
                    return found
            found = slow(value)
            if found is not None:
                memo.put(value, found)
            return found

        # The generated structuring functions look a value up here first, without a call.
        hook.memo_get = memo.young.get  # type: ignore[attr-defined]
        return hook

    return make_cached


#: :meth:`EntityRef.parse`, with a fast path for the canonical ``kind:key`` that checks
#: both parts once.
parse_ref = ref_from_text


#: The models whose ids other records refer to.
_REFERRED = frozenset((Film, Person, Character, Scene, Source))
_REF_WORDS = "an entity reference written as 'kind:key', e.g. 'film:heat-1995'"
#: References to other entities repeat (a film's id in each of its credits): memoised.
ref_hooks = _text_parser(parse_ref, _REF_WORDS, memo=_REFS)
ref_hook = ref_hooks(False)
#: An entity's own id is unique: not memoised, to keep the cache for what repeats.
id_hook = _text_parser(parse_ref, _REF_WORDS)(False)
id_hook.inline = ("ref", None)  # type: ignore[attr-defined]
date_hooks = _text_parser(
    PartialDate.parse, "a date written as a string, e.g. '1995' or '1995-12-15'"
)
date_or_interval_hook = _text_parser(
    parse_date, "a date or interval written as a string, e.g. '1995-12-15' or '1989/1995'"
)(False)
duration_hooks = _text_parser(
    Duration.parse, "a duration written as text, e.g. '170 min'", memo=_DURATIONS
)
money_hooks = _text_parser(
    Money.parse, "an amount written as text, e.g. '$60 million'", memo=_MONEY
)
quantity_hooks = _text_parser(
    Quantity.parse, "a quantity written as text, e.g. 'about 40 screens'", memo=_QUANTITIES
)
imdb_hooks = _text_parser(ImdbId.parse, "an IMDb id written as a string, e.g. 'tt0113277'")
wikidata_hooks = _text_parser(WikidataId.parse, "a Wikidata id written as a string, e.g. 'Q42198'")


def _number_id(cls: type[TmdbId] | type[MovieLensId], nullable: bool) -> Hook:
    def hook(value: Any, _: Any = None) -> Any:
        if value.__class__ is int:
            try:
                return cls(value)
            except FieldError as exc:
                raise _parse_error(exc) from None
        if nullable and value is None:
            return None
        raise expected("a positive integer", value)

    return hook


def text_from_mapping(value: dict[str, Any]) -> Text:
    """A :class:`Text` from ``{text, lang}``; :class:`Invalid` naming the key that is wrong."""
    unknown = [k for k in value if k not in ("text", "lang")]
    if unknown:
        raise Invalid(
            f"unknown key {unknown[0]!r}: text takes only 'text' and 'lang'", (unknown[0],)
        )
    if "text" not in value:
        raise Invalid("missing required key 'text'", ("text",))
    text, lang = value["text"], value.get("lang")
    if text.__class__ is not str:
        raise expected("a string", text, ("text",))
    if lang is not None and lang.__class__ is not str:
        raise expected("a language tag such as 'en'", lang, ("lang",))
    try:
        return Text(text, lang=lang)
    except FieldError as exc:
        raise Invalid(f"expected {exc.expected}, got {describe(exc.got)}", (exc.field,)) from None


def _str(nullable: bool) -> Hook:
    intern = sys.intern

    def hook(value: Any, _: Any = None) -> Any:
        if value.__class__ is str:
            return intern(value) if len(value) <= SHORT else value
        if nullable and value is None:
            return None
        raise expected("a string", value)

    hook.inline = ("str", None)  # type: ignore[attr-defined]
    return hook


def _text(nullable: bool) -> Hook:
    def hook(value: Any, _: Any = None) -> Any:
        if value.__class__ is str:
            return shared_text(value)
        if value.__class__ is dict:
            return text_from_mapping(value)
        if nullable and value is None:
            return None
        raise expected("a string, or a mapping {text, lang}", value)

    return hook


text_hook = _text(False)


def _passthrough(value: Any, _: Any = None) -> Any:
    """Claim values are read by the property's kind before the claim is structured."""
    return value


#: Hook factories by type: ``factory(nullable)``.
_VALUE_HOOKS: dict[Any, Callable[[bool], Hook]] = {
    str: _str,
    int: functools.partial(_plain, int, "an integer"),
    float: _float,
    bool: _bool,
    EntityRef: ref_hooks,
    PartialDate: date_hooks,
    Duration: duration_hooks,
    Money: money_hooks,
    Quantity: quantity_hooks,
    ImdbId: imdb_hooks,
    WikidataId: wikidata_hooks,
    TmdbId: functools.partial(_number_id, TmdbId),
    MovieLensId: functools.partial(_number_id, MovieLensId),
    Text: _text,
    **{cls: functools.partial(_enum, cls) for cls in ENUMS},
}


# --- hooks for containers ---------------------------------------------------------------------


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return getattr(t, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_factory(detailed: bool) -> Callable[[Any, cattrs.Converter], Hook]:
    def factory(t: Any, converter: cattrs.Converter) -> Hook:
        item = get_args(t)[0]
        if item is str:

            def strs(value: Any, _: Any = None) -> tuple[Any, ...]:
                cls = value.__class__
                if cls is not list and cls is not tuple:
                    raise expected("a list of strings", value)
                for s in value:
                    if s.__class__ is not str:
                        break
                else:
                    found = tuple(value)
                    if len(found) <= 4:
                        # Short lists of short strings repeat (genres, countries): shared.
                        shared = _STRS.young.get(found) or _STRS.get(found)
                        if shared is not None:
                            return shared  # type: ignore[no-any-return]
                        if all(len(s) <= SHORT for s in found):
                            found = tuple([sys.intern(s) for s in found])
                            _STRS.put(found, found)
                    return found
                errors: list[tuple[int, Exception]] = [
                    (i, expected("a string", s))
                    for i, s in enumerate(value)
                    if s.__class__ is not str
                ]
                if not detailed:
                    raise errors[0][1]
                raise _iterable_error(errors, t)

            return strs

        handler = converter.get_structure_hook(item)
        what = f"a list of {getattr(item, '__name__', item)}"
        memo_get = getattr(handler, "memo_get", None)
        if memo_get is not None and not detailed:

            def memoised(value: Any, _: Any = None) -> tuple[Any, ...]:
                cls = value.__class__
                if cls is not list and cls is not tuple:
                    raise expected(what, value)
                if len(value) == 1 and value[0].__class__ is str:
                    # One reference (a character played by one person): one shared tuple.
                    one = value[0]
                    found = _ONE_REF.young.get(one) or _ONE_REF.get(one)
                    if found is None:
                        found = (memo_get(one) or handler(one, item),)
                        _ONE_REF.put(one, found)
                    return found  # type: ignore[no-any-return]
                return tuple([memo_get(v) or handler(v, item) for v in value])

            return memoised

        def items(value: Any, _: Any = None) -> tuple[Any, ...]:
            cls = value.__class__
            if cls is not list and cls is not tuple:
                raise expected(what, value)
            if not detailed:
                return tuple([handler(v, item) for v in value])
            out: list[Any] = []
            errors: list[tuple[int, Exception]] = []
            for i, v in enumerate(value):
                try:
                    out.append(handler(v, item))
                except Exception as exc:
                    errors.append((i, exc))
            if errors:
                raise _iterable_error(errors, t)
            return tuple(out)

        return items

    return factory


def _iterable_error(errors: list[tuple[int, Exception]], t: Any) -> IterableValidationError:
    excs = []
    for index, exc in errors:
        note = IterableValidationNote(f"Structuring {t} @ index {index}", index, t)
        setattr(exc, "__notes__", [*getattr(exc, "__notes__", []), note])  # noqa: B010
        excs.append(exc)
    return IterableValidationError(f"While structuring {t}", excs, t)


def _optional_factory(t: Any, converter: cattrs.Converter) -> Hook:
    args = [a for a in get_args(t) if a is not type(None)]
    inner: Any = args[0] if len(args) == 1 else Union[tuple(args)]  # noqa: UP007
    make = _VALUE_HOOKS.get(inner)
    if make is not None:
        return make(True)
    handler = converter.get_structure_hook(inner)

    def optional(value: Any, _: Any = None) -> Any:
        if value is None:
            return None
        return handler(value, inner)

    return optional


def _is_optional(t: Any) -> bool:
    args = get_args(t)
    return len(args) >= 2 and type(None) in args and _is_union(t)


def _is_union(t: Any) -> bool:
    import types

    origin = getattr(t, "__origin__", None)
    return origin is Union or isinstance(t, types.UnionType)


def _qualifiers_hook(detailed: bool) -> Hook:
    def qualifiers(value: Any, _: Any = None) -> tuple[Qualifier, ...]:
        if value.__class__ is not dict:
            raise expected("a mapping of qualifier names to text, e.g. {scope: cut}", value)
        if len(value) == 1 and not detailed:
            for pair in value.items():
                one = _ONE_QUALIFIER.get(pair)
                if one is not None:
                    return one
        out = []
        errors: list[Invalid] = []
        for key, text in value.items():
            if text.__class__ is not str:
                errors.append(expected("a string", text, (key,)))
                continue
            try:
                found = _QUALIFIERS.get((key, text))
                if found is None:
                    if len(_QUALIFIERS) >= 1 << 14:
                        _QUALIFIERS.clear()
                    found = Qualifier(key=key, value=text)
                    if len(text) <= SHORT:
                        _QUALIFIERS[(key, text)] = found
                out.append(found)
            except FieldError as exc:
                errors.append(Invalid(f"expected {exc.expected}, got {describe(exc.got)}", (key,)))
        if errors:
            if not detailed or len(errors) == 1:
                raise errors[0]
            raise _invalid_group(errors)
        if len(out) == 1 and not detailed and len(out[0].value) <= SHORT:
            if len(_ONE_QUALIFIER) >= 1 << 14:
                _ONE_QUALIFIER.clear()
            one = _ONE_QUALIFIER[(out[0].key, out[0].value)] = (out[0],)
            return one
        return tuple(out)

    return qualifiers


# --- hooks for unstructuring ------------------------------------------------------------------


def _text_out(value: Text) -> Any:
    if value.lang is None:
        return value.text
    return {"text": value.text, "lang": value.lang}


def _excerpt_out(value: Excerpt) -> Any:
    if value.start is None:
        if value.locator is None:
            return value.text
        return {"text": value.text, "locator": value.locator}
    if value.locator is None:
        return {"text": value.text, "start": value.start, "end": value.end}
    return {"text": value.text, "start": value.start, "end": value.end, "locator": value.locator}


def _qualifiers_out(value: tuple[Qualifier, ...]) -> dict[str, str]:
    return {q.key: q.value for q in value}


def _ref_out(value: EntityRef) -> str:
    return value.kind + ":" + value.key


def _id_out(value: Any) -> Any:
    return value.value


def _enum_out(value: enum.Enum) -> Any:
    return value._value_
