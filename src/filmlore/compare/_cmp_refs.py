"""Comparing references to entities, through the context's aliases, outside ids and names."""

from __future__ import annotations

from typing import Any

from filmlore.compare._cmp_names import _restate, compare_names
from filmlore.compare._context import CompareContext, Target
from filmlore.compare._result import IDENTICAL, Comparison, conflict, same, unrelated
from filmlore.compare._show import show, text_of
from filmlore.values.refs import EntityRef

__all__ = ["compare_refs"]


def _describe_target(target: Target, context: CompareContext) -> str:
    return context.name_of(target)


def compare_refs(a: Any, b: Any, *, context: CompareContext, tolerance: float | None) -> Comparison:
    """References to entities: the same once the context's aliases and shared outside ids
    are followed, else different entities; a name given as text resolves through the
    context's names."""
    if isinstance(a, EntityRef) and isinstance(b, EntityRef):
        if a == b:
            return IDENTICAL
        ra, rb = context.resolve_ref(a), context.resolve_ref(b)
        if ra == rb:
            return same(f"{a} and {b} are the same entity, {_describe_target(ra, context)}", 0.95)
        if ra.kind != rb.kind:
            return unrelated(f"{a} is a {ra.kind} and {b} a {rb.kind}")
        return conflict(
            f"{_describe_target(ra, context)} and {_describe_target(rb, context)} are "
            f"different {ra.kind}s"
        )
    if not isinstance(a, EntityRef) and not isinstance(b, EntityRef):
        return compare_names(a, b, context=context, tolerance=tolerance)
    if not isinstance(a, EntityRef):
        return compare_refs(b, a, context=context, tolerance=tolerance).swapped()
    ref = context.resolve_ref(a)
    found = context.resolve(text_of(b))
    if isinstance(found, EntityRef):
        if found == ref:
            return same(f"{show(b)} names {_describe_target(ref, context)}", 0.9)
        if found.kind != ref.kind:
            return unrelated(f"{show(b)} names a {found.kind} and {a} is a {ref.kind}")
        return conflict(
            f"{show(b)} names {_describe_target(found, context)}, not "
            f"{_describe_target(ref, context)}"
        )
    name = context.names.get(ref)
    if name is None and ref.kind in ("person", "character"):
        slug = " ".join(ref.key.replace("_", "-").replace(".", "-").split("-"))
        guess = compare_names(slug, text_of(b), context=context, tolerance=tolerance)
        if guess.agrees:
            return Comparison(
                verdict=guess.verdict,
                score=0.8 * guess.score,
                reason=f"the key of {a} reads '{slug}', and {guess.reason}",
                refines=guess.refines,
            )
    if name is None:
        return unrelated(f"the context does not say who or what {a} is, to compare with {show(b)}")
    result = compare_names(name, text_of(b), context=context, tolerance=tolerance)
    return _restate(result, f"{a} is {name}, and {result.reason}")
