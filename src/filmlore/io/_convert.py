"""The strict cattrs converters shared by every format.

Two structuring converters are built from one set of hooks (:mod:`filmlore.io._hooks`): a
*fast* one (no detailed validation) that every record goes through first, and a *detailed*
one (cattrs' detailed validation, errors collected in exception groups) that a record goes
through again only when the fast one fails, to find every problem in it.  One unstructuring
converter writes the serialised form of ``docs/explanation/dossier-format.md``.
"""

from __future__ import annotations

import enum
import functools
import sys
from typing import Any, Union, get_args

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, override

from filmlore.errors import FieldError
from filmlore.io._hooks import (
    _REFERRED,
    _VALUE_HOOKS,
    ENUMS,
    Hook,
    Invalid,
    _enum_out,
    _excerpt_out,
    _id_out,
    _is_homogeneous_tuple,
    _is_optional,
    _optional_factory,
    _parse_error,
    _passthrough,
    _qualifiers_hook,
    _qualifiers_out,
    _ref_out,
    _text_out,
    _tuple_factory,
    date_or_interval_hook,
    expected,
    id_hook,
    ref_hook,
)
from filmlore.io._memo import SHORT, printed
from filmlore.models import (
    Character,
    Claim,
    Credit,
    Excerpt,
    ExternalIds,
    Film,
    Person,
    Quote,
    ReleaseDate,
    Scene,
    Source,
    Value,
)
from filmlore.models import _as_tuple as _list_to_tuple
from filmlore.properties import Property
from filmlore.values.dates import DateInterval, PartialDate
from filmlore.values.ids import ImdbId, MovieLensId, TmdbId, WikidataId
from filmlore.values.quantities import Duration, Money, Quantity
from filmlore.values.refs import (
    _KEY_MATCH,
    _KIND_NAMES,
    EntityRef,
    _set_key,
    _set_kind,
)
from filmlore.values.text import Text

__all__ = ["MODELS", "Converters", "converters"]

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
