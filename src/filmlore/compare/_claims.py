"""Comparing claims: subject, property, value, stance, qualifiers and the date they hold for."""

from __future__ import annotations

from typing import Literal

from filmlore.compare._cmp_categories import term_relation
from filmlore.compare._context import CompareContext, ContextLike, as_context
from filmlore.compare._registry import compare, infer_kind
from filmlore.compare._result import (
    Comparison,
    Side,
    Verdict,
    compatible,
    conflict,
    flip,
    same,
    unrelated,
)
from filmlore.compare._text import key
from filmlore.models import Claim, Stance
from filmlore.properties import Property, PropertyRegistry
from filmlore.properties import registry as default_registry
from filmlore.values.kinds import get_kind

__all__ = ["compare_claims", "scope_relation"]

ScopeRelation = Literal["same", "a", "b", "different"]


def _registry(ctx: CompareContext) -> PropertyRegistry:
    return ctx.registry if ctx.registry is not None else default_registry


def _qualifiers(claim: Claim) -> dict[str, str]:
    found = {q.key: q.value for q in claim.qualifiers}
    if claim.valid_at is not None:
        found.setdefault("valid_at", str(claim.valid_at))
    return found


def scope_relation(
    x: dict[str, str], y: dict[str, str], ctx: CompareContext
) -> tuple[ScopeRelation, list[str]]:
    """How two claims' qualifiers relate: the same scope, ``a`` or ``b`` narrower, or
    different scopes -- and the words that say so.

    A qualifier only one claim has narrows that claim.  Two values of one key are related
    by the taxonomy (``on screen`` ⊃ ``in a scene`` ⊃ ``in a speaking scene``), then the
    place hierarchy, then by their words: a value with all the other's words and more is
    narrower.  Anything else is a different scope -- never a conflict.
    """
    sides: set[str] = set()
    notes: list[str] = []
    for k in sorted(set(x) | set(y)):
        vx, vy = x.get(k), y.get(k)
        if vx is not None and vy is not None and key(vx) == key(vy):
            continue
        if vy is None:
            sides.add("a")
            notes.append(f"only one claim has {k}={vx}")
            continue
        if vx is None:
            sides.add("b")
            notes.append(f"only one claim has {k}={vy}")
            continue
        relation = term_relation(vx, vy, ctx.taxonomy)
        if relation == "unknown":
            place = ctx.places.relation(vx, vy)
            relation = place if place != "disjoint" else "unknown"
        if relation == "same":
            continue
        if relation == "narrower":
            sides.add("a")
            notes.append(f"{k} '{vx}' is narrower than '{vy}'")
        elif relation == "broader":
            sides.add("b")
            notes.append(f"{k} '{vy}' is narrower than '{vx}'")
        else:
            sides.add("different")
            notes.append(f"{k} differs ('{vx}', '{vy}')")
    if not sides:
        return "same", notes
    if sides == {"a"}:
        return "a", notes
    if sides == {"b"}:
        return "b", notes
    return "different", notes


def _value_comparison(x: Claim, y: Claim, prop: Property | None, ctx: CompareContext) -> Comparison:
    kind = None
    tolerance = None
    if prop is not None:
        tolerance = prop.tolerance
        value_kind = get_kind(prop.kind)
        if value_kind.check(x.value) and value_kind.check(y.value):
            kind = prop.kind
        elif prop.kind == "ref" and infer_kind(x.value, y.value) == "ref":
            kind = "ref"
    return compare(x.value, y.value, kind=kind, context=ctx, tolerance=tolerance)


def _with_stance(v: Comparison, x: Claim, y: Claim) -> Comparison:
    """The value comparison adjusted for what each claim does with its value."""
    sx, sy = x.stance, y.stance
    if sx is sy and sx is not Stance.DENIES:
        if sx is Stance.HEDGES and v.verdict is not Verdict.UNRELATED:
            return _rescore(v, 0.9, "both claims are hedged")
        return v
    if v.verdict is Verdict.UNRELATED:
        return v
    if sx is Stance.DENIES and sy is Stance.DENIES:
        if v.verdict is Verdict.SAME:
            return same(f"both claims deny the same value: {v.reason}", v.score)
        return compatible(f"two denials never contradict each other: {v.reason}", None, 0.3)
    if Stance.DENIES in (sx, sy):
        denier: Side = "a" if sx is Stance.DENIES else "b"
        other = flip(denier)
        hedged = Stance.HEDGES in (sx, sy)
        weight = 0.5 if hedged else 1.0
        if v.verdict is Verdict.SAME:
            return conflict(
                f"one claim denies what the other {'only hedges' if hedged else 'asserts'}: "
                f"{v.reason}",
                max(0.0, 1.0 - 0.5 * weight) * 0.5,
            )
        if v.verdict is Verdict.COMPATIBLE and v.refines == other:
            return conflict(f"the asserted value implies the denied one: {v.reason}", 0.25 * weight)
        return compatible(
            f"denying one value does not contradict asserting another here: {v.reason}",
            None,
            0.3,
        )
    # one asserts, the other hedges
    hedger: Side = "a" if sx is Stance.HEDGES else "b"
    asserter = flip(hedger)
    if v.verdict is Verdict.SAME:
        return compatible(
            f"the same value, asserted by one claim and only hedged by the other: {v.reason}",
            asserter,
            0.85 * v.score,
        )
    if v.verdict is Verdict.CONFLICT:
        return conflict(f"{v.reason}, though one claim only hedges", 0.5 * v.score + 0.1)
    return _rescore(v, 0.9, "one claim only hedges")


def _rescore(v: Comparison, factor: float, note: str) -> Comparison:
    return Comparison(
        verdict=v.verdict, score=v.score * factor, reason=f"{v.reason} ({note})", refines=v.refines
    )


def _with_scope(v: Comparison, relation: ScopeRelation, notes: list[str]) -> Comparison:
    if relation == "same" or v.verdict is Verdict.UNRELATED:
        return v
    scope = "; ".join(notes)
    if relation == "different":
        if v.verdict is Verdict.CONFLICT:
            return compatible(
                f"the values differ but the scopes differ too ({scope}), so this is not a conflict",
                None,
                0.3,
            )
        return compatible(f"{_lower(v.reason)}, in different scopes ({scope})", None, 0.6 * v.score)
    narrower: Side = relation
    if v.verdict is Verdict.CONFLICT:
        return compatible(
            f"the values differ but one claim has a narrower scope ({scope}), so this is not a "
            "conflict",
            None,
            0.3,
        )
    if v.verdict is Verdict.SAME:
        return compatible(f"the same value in a narrower scope ({scope})", narrower, 0.85 * v.score)
    refines = narrower if v.refines in (None, narrower) else None
    return compatible(f"{_lower(v.reason)}, and one scope is narrower ({scope})", refines, v.score)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def compare_claims(x: Claim, y: Claim, *, context: ContextLike = None) -> Comparison:
    """Whether two claims agree, taking subject, property, value, stance and qualifiers
    into account.

    Claims about different subjects or properties are ``UNRELATED`` (references and
    property aliases are resolved first).  The values are compared by the property's kind
    and ``tolerance`` from the registry -- the context dossier's when a
    :class:`~filmlore.Dossier` is given, else :data:`filmlore.properties.registry`.  Then:

    * a claim and its denial (same value) conflict; denying a value is compatible with
      asserting a different one;
    * a hedged claim is weaker, never a conflict by itself: the asserted one refines it;
    * qualifiers narrow a claim's scope: the same value in a narrower scope (``in a
      speaking scene`` against ``on screen``) is compatible with the narrower claim
      refining; different scopes (``country=US`` against ``country=FR``) are compatible,
      never a conflict.

    >>> from filmlore import Claim, EntityRef, Qualifier, Text
    >>> def claim(n, scope):
    ...     return Claim(id=EntityRef("claim", f"c{n}"), subject=EntityRef("film", "heat-1995"),
    ...                  property="description", value=Text("Pacino and De Niro together"),
    ...                  source=EntityRef("source", f"s{n}"),
    ...                  qualifiers=[Qualifier(key="scope", value=scope)])
    >>> c = compare_claims(claim(1, "on screen"), claim(2, "in a speaking scene"))
    >>> c.verdict, c.refines
    (<Verdict.COMPATIBLE: 'compatible'>, 'b')
    """
    ctx = as_context(context)
    sx, sy = ctx.resolve_ref(x.subject), ctx.resolve_ref(y.subject)
    if sx != sy:
        return unrelated(f"the claims are about different subjects ({x.subject}, {y.subject})")
    reg = _registry(ctx)
    px, py = reg.find(x.property), reg.find(y.property)
    name_x = px.name if px is not None else x.property
    name_y = py.name if py is not None else y.property
    if name_x != name_y:
        return unrelated(f"the claims are about different properties ({name_x}, {name_y})")
    if x.id == y.id and x == y:
        return same(f"the claim {x.id} is compared with itself")
    v = _value_comparison(x, y, px, ctx)
    v = _with_stance(v, x, y)
    relation, notes = scope_relation(_qualifiers(x), _qualifiers(y), ctx)
    return _with_scope(v, relation, notes)
