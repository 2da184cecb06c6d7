"""The strict cattrs converters shared by every format.

Two structuring converters are built from one set of hooks: a *fast* one (no detailed
validation) that every record goes through first, and a *detailed* one (cattrs' detailed
validation, errors collected in exception groups) that a record goes through again only
when the fast one fails, to find every problem in it.  One unstructuring converter writes
the serialised form of ``docs/explanation/dossier-format.md``.

Every hook is strict: it checks the exact Python type that the parser gave (``123`` is not
a title, ``"1999"`` is not a year, ``95.5`` is not a billing order, ``"drama"`` is not a
list of genres) and raises :class:`Invalid` with a message in plain words otherwise.
"""

from __future__ import annotations

import datetime
import enum
import functools
import sys
from collections.abc import Callable
from typing import Any, Union, get_args

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, override

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
    printed,
    shared_text,
)
from filmlore.models import (
    Character,
    Claim,
    Credit,
    Excerpt,
    ExternalIds,
    Film,
    Person,
    Qualifier,
    Quote,
    Rank,
    ReleaseDate,
    RoleKind,
    Scene,
    Source,
    SourceKind,
    Stance,
    Value,
)
from filmlore.models import _as_tuple as _list_to_tuple
from filmlore.properties import Cardinality, Property
from filmlore.values.dates import DateInterval, PartialDate, parse_date
from filmlore.values.ids import ImdbId, MovieLensId, TmdbId, WikidataId
from filmlore.values.quantities import Duration, Hedge, Money, Quantity
from filmlore.values.refs import (
    _KEY_MATCH,
    _KIND_NAMES,
    EntityRef,
    _set_key,
    _set_kind,
    ref_from_text,
)
from filmlore.values.text import Text

__all__ = [
    "ENUMS",
    "MODELS",
    "Converters",
    "Invalid",
    "converters",
    "describe",
    "expected",
]

Path = tuple[str | int, ...]
Hook = Callable[..., Any]

#: The records a dossier is made of, in the order they are written.
MODELS: tuple[type[Any], ...] = (
    Property,
    Film,
    Person,
    Character,
    Credit,
    Scene,
    Quote,
    Source,
    Claim,
)
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


class InvalidGroup(Exception):
    """Several :class:`Invalid` found by one hook."""

    def __init__(self, errors: list[Invalid]) -> None:
        super().__init__(f"{len(errors)} problems")
        self.errors = errors


def _invalid_group(errors: list[Invalid]) -> InvalidGroup:
    return InvalidGroup(errors)


# --- the converters ---------------------------------------------------------------------------


def _mapping_only(cls: type[Any], fn: Hook) -> Hook:
    what = f"a mapping (a {cls.__name__})"

    def hook(value: Any, _: Any = None) -> Any:
        if value.__class__ is not dict:
            raise expected(what, value)
        return fn(value)

    hook.__name__ = f"structure_{cls.__name__}"
    return hook


@attrs.frozen
class Converters:
    """The structuring functions of one converter, one per record model."""

    converter: cattrs.Converter
    records: dict[type[Any], Hook]


class _FastStructurer:
    """Writes the fast structuring function of a model, as cattrs' generator does without
    detailed validation, but calling the model once with every field (absent ones as their
    defaults) instead of filling a dict to unpack, checking for unknown keys with one
    ``issuperset``, and looking references up in their memo without a call.  Any failure
    sends the record to cattrs' detailed function, which explains it."""

    def __init__(self, conv: cattrs.Converter) -> None:
        self.conv = conv

    def make(self, cls: type[Any], overrides: dict[str, Hook] | None = None) -> Hook:
        attrs.resolve_types(cls)
        fields = [a for a in attrs.fields(cls) if a.init]
        globs: dict[str, Any] = {
            "_cl": cls,
            "_keys": frozenset(a.alias or a.name for a in fields),
            "_extra": _extra_keys,
            "_intern": sys.intern,
            "_kinds": _KIND_NAMES,
            "_keym": _KEY_MATCH,
            "_new": object.__new__,
            "_ER": EntityRef,
            "_sk": _set_kind,
            "_sy": _set_key,
        }
        lines = []
        args = []
        for i, a in enumerate(fields):
            key = a.alias or a.name
            hook = (overrides or {}).get(a.name) or self.conv.get_structure_hook(a.type)
            globs[f"_h{i}"] = hook
            read = self._read(i, hook, globs)
            default = a.default
            if default is attrs.NOTHING:
                lines += [f"    a{i} = o[{key!r}]", *(f"    {r}" for r in read)]
                args.append(f"{a.name}=a{i}")
                continue
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                if default.takes_self:
                    raise TypeError(f"{cls.__name__}.{a.name}: a default taking self")
                made = default.factory()
                shared = made == () or _frozen(made)
                if shared:
                    globs[f"_d{i}"] = made
                    fallback = f"_d{i}"
                else:
                    globs[f"_f{i}"] = default.factory
                    fallback = f"_f{i}()"
            else:
                globs[f"_d{i}"] = default
                fallback = f"_d{i}"
            lines += [
                f"    if {key!r} in o:",
                f"        a{i} = o[{key!r}]",
                *(f"        {r}" for r in read),
                "    else:",
                f"        a{i} = {fallback}",
            ]
            args.append(f"{a.name}=a{i}")
        name = f"structure_{cls.__name__}"
        if _direct(cls, fields):
            # Built as its __init__ would, without the frame: every field set through its
            # slot, then the model's checks (its ``__attrs_post_init__``) run as they would.
            globs["_post"] = cls.__attrs_post_init__
            build = ["    s = _new(_cl)"]
            for i, a in enumerate(fields):
                globs[f"_s{i}"] = cls.__dict__[a.name].__set__
                build.append(f"    _s{i}(s, a{i})")
            build += ["    _post(s)", "    return s"]
        else:
            build = [f"    return _cl({', '.join(args)})"]
        source = "\n".join(
            [
                f"def {name}(o, _=None):",
                "    if not _keys.issuperset(o):",
                "        raise _extra(o, _keys)",
                *lines,
                *build,
            ]
        )
        exec(compile(source, f"<filmlore structure {cls.__name__}>", "exec"), globs)
        fn: Hook = globs[name]
        return fn

    @staticmethod
    def _read(i: int, hook: Hook, globs: dict[str, Any]) -> list[str]:
        """Statements reading the value ``a{i}`` as ``hook`` would, with what the common
        case needs inlined; anything else (and every error) is left to ``hook``."""
        v = f"a{i}"
        memo_get = getattr(hook, "memo_get", None)
        if memo_get is not None:
            globs[f"_g{i}"] = memo_get
            return [f"{v} = _g{i}({v}) or _h{i}({v})"]
        kind, arg = getattr(hook, "inline", (None, None))
        if kind == "str":
            return [
                f"if {v}.__class__ is str:",
                f"    if len({v}) <= {SHORT}: {v} = _intern({v})",
                f"else: {v} = _h{i}({v})",
            ]
        if kind == "exact":
            globs[f"_c{i}"] = arg
            return [f"if {v}.__class__ is not _c{i}: {v} = _h{i}({v})"]
        if kind == "bool":
            return [f"if {v} is not True and {v} is not False: {v} = _h{i}({v})"]
        if kind == "enum":
            globs[f"_m{i}"] = arg
            return [
                f"_e = _m{i}.get({v}) if {v}.__class__ is str else None",
                f"{v} = _h{i}({v}) if _e is None else _e",
            ]
        if kind == "ref":
            return [
                f"_k, _c, _y = {v}.partition(':') if {v}.__class__ is str else (None, '', '')",
                "_k = _kinds.get(_k)",
                "if _k is not None and _keym(_y) is not None:",
                f"    {v} = _new(_ER); _sk({v}, _k); _sy({v}, _y)",
                f"else: {v} = _h{i}({v})",
            ]
        return [f"{v} = _h{i}({v})"]


_new = object.__new__
_excerpt_text = Excerpt.__dict__["text"].__set__
_excerpt_start = Excerpt.__dict__["start"].__set__
_excerpt_end = Excerpt.__dict__["end"].__set__


def _direct(cls: type[Any], fields: list[attrs.Attribute[Any]]) -> bool:
    """Whether a model can be built by setting its slots and calling its post-init: all its
    checks are in ``__attrs_post_init__`` (no validator), its only converter turns lists
    into tuples (the structuring hooks give tuples), and every field is a slot and in
    ``__init__``."""
    if "__attrs_post_init__" not in cls.__dict__ or hasattr(cls, "__attrs_pre_init__"):
        return False
    if len(fields) != len(attrs.fields(cls)):
        return False
    for a in fields:
        converter: Any = a.converter
        if a.validator is not None or converter not in (None, _list_to_tuple):
            return False
        if type(cls.__dict__.get(a.name)).__name__ != "member_descriptor":
            return False
    return True


def _frozen(value: Any) -> bool:
    """True for an instance of a frozen attrs class (safe to share as a default)."""
    if not attrs.has(type(value)):
        return False
    first = attrs.fields(type(value))[0].name
    try:
        setattr(value, first, getattr(value, first))
    except attrs.exceptions.FrozenInstanceError:
        return True
    return False


def _extra_keys(o: Any, keys: frozenset[str]) -> Exception:
    if o.__class__ is not dict:
        return expected("a mapping", o)
    return Invalid(f"unknown keys {sorted(set(o) - keys)}")


def _structuring(detailed: bool) -> Converters:
    conv = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)
    for cls, make in _VALUE_HOOKS.items():
        conv.register_structure_hook(cls, make(False))
    conv.register_structure_hook(PartialDate | DateInterval, date_or_interval_hook)
    conv.register_structure_hook(Value, _passthrough)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_factory(detailed))
    conv.register_structure_hook_factory(_is_optional, _optional_factory)

    def gen(cls: type[Any], **overrides: Any) -> Hook:
        return make_dict_structure_fn(
            cls,
            conv,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=detailed,
            **overrides,
        )

    excerpt_fn = gen(Excerpt) if detailed else _FastStructurer(conv).make(Excerpt)

    def excerpt(value: Any, _: Any = None) -> Excerpt:
        if value.__class__ is str:
            if value and not value.isspace():
                # What Excerpt(text=value) checks and builds, without its frames.
                found: Excerpt = _new(Excerpt)
                _excerpt_text(found, value)
                _excerpt_start(found, None)
                _excerpt_end(found, None)
                return found
            try:
                return Excerpt(text=value)
            except FieldError as exc:
                raise _parse_error(exc) from None
        if value.__class__ is dict:
            return excerpt_fn(value)  # type: ignore[no-any-return]
        raise expected("a string, or a mapping {text, start, end}", value)

    conv.register_structure_hook(Excerpt, excerpt)
    for nested in (ExternalIds, ReleaseDate):
        nested_fn = gen(nested) if detailed else _FastStructurer(conv).make(nested)
        conv.register_structure_hook(nested, _mapping_only(nested, nested_fn))

    records: dict[type[Any], Hook] = {}
    if detailed:
        own_id = override(struct_hook=id_hook)
        records[Property] = gen(Property)
        for model in (Film, Person, Character, Credit, Scene, Quote, Source):
            records[model] = gen(model, id=own_id)
        records[Claim] = gen(
            Claim, id=own_id, qualifiers=override(struct_hook=_qualifiers_hook(detailed))
        )
    else:
        fast = _FastStructurer(conv)
        records[Property] = fast.make(Property)
        for model in (Film, Person, Character, Credit, Scene, Quote, Source):
            # The ids of what is referred to (a film by its credits, a character by its
            # quotes) go through the memo of references, so that the references read after
            # them are the same objects; the rest are unique, and left out of it.
            own = ref_hook if model in _REFERRED else id_hook
            records[model] = fast.make(model, {"id": own})
        records[Claim] = fast.make(Claim, {"id": id_hook, "qualifiers": _qualifiers_hook(detailed)})
    for model, fn in records.items():
        conv.register_structure_hook(model, _mapping_only(model, fn))
    return Converters(conv, records)


# --- unstructuring ----------------------------------------------------------------------------


def _text_out(value: Text) -> Any:
    if value.lang is None:
        return value.text
    return {"text": value.text, "lang": value.lang}


def _excerpt_out(value: Excerpt) -> Any:
    if value.start is None:
        return value.text
    return {"text": value.text, "start": value.start, "end": value.end}


def _qualifiers_out(value: tuple[Qualifier, ...]) -> dict[str, str]:
    return {q.key: q.value for q in value}


def _ref_out(value: EntityRef) -> str:
    return value.kind + ":" + value.key


def _id_out(value: Any) -> Any:
    return value.value


def _enum_out(value: enum.Enum) -> Any:
    return value._value_


class _Unstructurer:
    """Writes a fast unstructuring function for each model, as cattrs' generator does, but
    with what the serialised form needs inlined: references joined in place, enumerations
    by their value, defaults left out by identity (``is None``, an empty tuple, ``False``)
    rather than by ``!=``, which costs a Python call for attrs classes."""

    def __init__(self, conv: cattrs.Converter) -> None:
        self.conv = conv
        self.globs: dict[str, Any] = {
            "_printed": printed,
            "_text_out": _text_out,
            "_excerpt_out": _excerpt_out,
        }

    def _expr(self, t: Any, v: str, name: str) -> str:
        """An expression unstructuring the value ``v`` of type ``t``."""
        if t in (str, int, float, bool) or t is Value:
            return v
        if t is EntityRef:
            return f"{v}.kind + ':' + {v}.key"
        if t in (PartialDate, DateInterval, Duration, Money, Quantity) or t == (
            PartialDate | DateInterval
        ):
            return f"_printed({v})"
        if t in (ImdbId, WikidataId, TmdbId, MovieLensId):
            return f"{v}.value"
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return f"{v}._value_"
        if t is Text:
            return f"({v}.text if {v}.lang is None else _text_out({v}))"
        if _is_homogeneous_tuple(t):
            item = get_args(t)[0]
            if item is str:
                return f"list({v})"
            return f"[{self._expr(item, '_x', name)} for _x in {v}]"
        handler = f"_h_{name}_{len(self.globs)}"
        self.globs[handler] = self.conv.get_unstructure_hook(t)
        return f"{handler}({v})"

    def make(self, cls: type[Any], overrides: dict[str, Hook] | None = None) -> Hook:
        attrs.resolve_types(cls)
        lines = [f"def unstructure_{cls.__name__}(o):", "    res = {}"]
        for a in attrs.fields(cls):
            if not a.init:
                continue
            t = a.type
            v = f"o.{a.name}"
            if overrides and a.name in overrides:
                hook = f"_o_{a.name}"
                self.globs[hook] = overrides[a.name]
                expr = f"{hook}(v)"
            else:
                if _is_optional(t):
                    args = [x for x in get_args(t) if x is not type(None)]
                    t = args[0] if len(args) == 1 else Union[tuple(args)]  # noqa: UP007
                expr = self._expr(t, "v", a.name)
            default = a.default
            lines.append(f"    v = {v}")
            if default is attrs.NOTHING:
                lines.append(f"    res[{a.name!r}] = {expr}")
            elif default is None:
                lines.append(f"    if v is not None: res[{a.name!r}] = {expr}")
            elif default is False:
                lines.append(f"    if v is not False: res[{a.name!r}] = {expr}")
            elif isinstance(default, attrs.Factory) and default.factory is tuple:  # type: ignore[arg-type]
                lines.append(f"    if v: res[{a.name!r}] = {expr}")
            elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                # A nested record (ExternalIds): left out when it writes nothing.
                lines += [f"    w = {expr}", f"    if w: res[{a.name!r}] = w"]
            else:
                name = f"_d_{a.name}"
                self.globs[name] = default
                test = "is not" if isinstance(default, enum.Enum) else "!="
                lines.append(f"    if v {test} {name}: res[{a.name!r}] = {expr}")
        lines.append("    return res")
        source = "\n".join(lines)
        namespace = dict(self.globs)
        exec(compile(source, f"<filmlore unstructure {cls.__name__}>", "exec"), namespace)
        fn: Hook = namespace[f"unstructure_{cls.__name__}"]
        return fn


def _unstructuring() -> Converters:
    conv = cattrs.Converter()
    conv.register_unstructure_hook(EntityRef, _ref_out)
    for printable in (PartialDate, DateInterval, Duration, Money, Quantity):
        conv.register_unstructure_hook(printable, printed)
    for id_cls in (ImdbId, WikidataId, TmdbId, MovieLensId):
        conv.register_unstructure_hook(id_cls, _id_out)
    for enum_cls in ENUMS:
        conv.register_unstructure_hook(enum_cls, _enum_out)
    conv.register_unstructure_hook(Text, _text_out)
    conv.register_unstructure_hook(Excerpt, _excerpt_out)
    conv.register_unstructure_hook(Value, _passthrough)
    conv.register_unstructure_hook(PartialDate | DateInterval, printed)
    gen = _Unstructurer(conv)
    for nested in (ExternalIds, ReleaseDate):
        conv.register_unstructure_hook(nested, gen.make(nested))
    records: dict[type[Any], Hook] = {}
    for model in MODELS:
        overrides = {"qualifiers": _qualifiers_out} if model is Claim else None
        fn = gen.make(model, overrides)
        records[model] = fn
        conv.register_unstructure_hook(model, fn)
    return Converters(conv, records)


@functools.cache
def converters() -> tuple[Converters, Converters, Converters]:
    """The fast and the detailed structuring converters, and the unstructuring one."""
    return _structuring(False), _structuring(True), _unstructuring()
