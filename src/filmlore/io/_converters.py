"""The strict cattrs converters shared by every format, built once by :func:`converters`.

Two structuring converters are built from one set of hooks (:mod:`filmlore.io._hooks`): a
*fast* one (no detailed validation, a function generated for each model by
:mod:`filmlore.io._codegen`) that every record goes through first, and a *detailed* one
(cattrs' detailed validation, errors collected in exception groups) that a record goes
through again only when the fast one fails, to find every problem in it.  One unstructuring
converter, its functions generated too, writes the serialised form of
``docs/explanation/dossier-format.md``.
"""

from __future__ import annotations

import functools
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, override

from filmlore.errors import FieldError
from filmlore.io._codegen import _FastStructurer, _Unstructurer
from filmlore.io._hooks import (
    _REFERRED,
    _VALUE_HOOKS,
    ENUMS,
    Hook,
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
from filmlore.io._memo import printed
from filmlore.models import (
    Character,
    Claim,
    Credit,
    Excerpt,
    ExternalIds,
    Film,
    HierarchyLink,
    Person,
    Quote,
    ReleaseDate,
    Scene,
    Source,
    Value,
)
from filmlore.properties import Property
from filmlore.values.dates import DateInterval, PartialDate
from filmlore.values.ids import ImdbId, MovieLensId, TmdbId, WikidataId
from filmlore.values.quantities import Duration, Money, Quantity
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

__all__ = ["MODELS", "Converters", "converters"]

#: The records a dossier is made of, in the order they are written.
MODELS: tuple[type[Any], ...] = (
    Property,
    HierarchyLink,
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


# --- structuring ------------------------------------------------------------------------------


_new = object.__new__
_excerpt_text = Excerpt.__dict__["text"].__set__
_excerpt_start = Excerpt.__dict__["start"].__set__
_excerpt_end = Excerpt.__dict__["end"].__set__
_excerpt_locator = Excerpt.__dict__["locator"].__set__


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
                _excerpt_locator(found, None)
                return found
            try:
                return Excerpt(text=value)
            except FieldError as exc:
                raise _parse_error(exc) from None
        if value.__class__ is dict:
            return excerpt_fn(value)  # type: ignore[no-any-return]
        raise expected("a string, or a mapping {text, start, end, locator}", value)

    conv.register_structure_hook(Excerpt, excerpt)
    for nested in (ExternalIds, ReleaseDate):
        nested_fn = gen(nested) if detailed else _FastStructurer(conv).make(nested)
        conv.register_structure_hook(nested, _mapping_only(nested, nested_fn))

    records: dict[type[Any], Hook] = {}
    if detailed:
        own_id = override(struct_hook=id_hook)
        records[Property] = gen(Property)
        records[HierarchyLink] = gen(HierarchyLink)
        for model in (Film, Person, Character, Credit, Scene, Quote, Source):
            records[model] = gen(model, id=own_id)
        records[Claim] = gen(
            Claim, id=own_id, qualifiers=override(struct_hook=_qualifiers_hook(detailed))
        )
    else:
        fast = _FastStructurer(conv)
        records[Property] = fast.make(Property)
        records[HierarchyLink] = fast.make(HierarchyLink)
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
