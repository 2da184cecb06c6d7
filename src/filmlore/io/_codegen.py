"""The functions generated for each model: its fast structuring and its unstructuring.

cattrs' generator writes such functions for any attrs class; the ones written here know
filmlore's models and hooks, and inline what the common case needs.  :class:`_FastStructurer`
writes those of the fast structuring converter: the reads of a string, an integer, a flag,
an enumeration or a reference inline, every other case and every error left to the field's
hook.  :class:`_Unstructurer` writes those of the unstructuring converter: references joined
in place, defaults left out by identity.  The detailed structuring converter uses cattrs'
own generator, which explains every problem.

Each function is compiled under a file name of its own (``<filmlore structure Film>``) whose
lines are put in :mod:`linecache`, as cattrs does for the functions it generates, so that a
traceback through one shows the line that failed.
"""

from __future__ import annotations

import enum
import linecache
import sys
from types import CodeType
from typing import Any, Union, get_args

import attrs
import cattrs

from filmlore.io._hooks import (
    Hook,
    Invalid,
    _excerpt_out,
    _is_homogeneous_tuple,
    _is_optional,
    _text_out,
    expected,
)
from filmlore.io._memo import SHORT, printed
from filmlore.models import Value
from filmlore.models import _as_tuple as _list_to_tuple
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

__all__ = ["_FastStructurer", "_Unstructurer"]


def _compile(source: str, what: str, cls: type[Any]) -> CodeType:
    """``source`` compiled under the file name ``<filmlore {what} {cls}>``, its lines in
    :mod:`linecache` (as cattrs' ``gen/_lc.py`` does).

    A name that already holds other lines (a function written again for the same model,
    differently) is left as it is: ``-2``, ``-3``, ... is added to the name until it is free
    or holds the same lines.  Entries without a modification time are kept by
    :func:`linecache.checkcache`.
    """
    lines = [line + "\n" for line in source.splitlines()]
    count = 1
    extra = ""
    while True:
        filename = f"<filmlore {what} {cls.__name__}{extra}>"
        entry = (len(source), None, lines, filename)
        if linecache.cache.setdefault(filename, entry) == entry:
            return compile(source, filename, "exec")
        count += 1
        extra = f"-{count}"


# --- structuring ------------------------------------------------------------------------------


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
        exec(_compile(source, "structure", cls), globs)
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
        exec(_compile(source, "unstructure", cls), namespace)
        fn: Hook = namespace[f"unstructure_{cls.__name__}"]
        return fn
