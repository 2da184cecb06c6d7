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
from filmlore.values.refs import EntityRef

__all__ = [
    "ALWAYS_SCOPED",
    "compare_claims",
    "property_relation",
    "scope_relation",
    "scoping_keys",
    "value_comparison",
    "with_scope",
]

ScopeRelation = Literal["same", "a", "b", "different", "conflict"]

#: Qualifiers that make separate questions for every property: the date a claim holds for.
ALWAYS_SCOPED = frozenset({"valid_at"})


def _registry(ctx: CompareContext) -> PropertyRegistry:
    return ctx.registry if ctx.registry is not None else default_registry


def _qualifiers(claim: Claim) -> dict[str, str]:
    found = {q.key: q.value for q in claim.qualifiers}
    if claim.valid_at is not None:
        found.setdefault("valid_at", str(claim.valid_at))
    return found


def scoping_keys(*props: Property | None) -> frozenset[str]:
    """The qualifiers that make separate questions of the given properties' claims: their
    ``scope_keys`` and, for every property, ``valid_at``."""
    keys = set(ALWAYS_SCOPED)
    for prop in props:
        if prop is not None:
            keys.update(prop.scope_keys)
    return frozenset(keys)


def scope_relation(
    x: dict[str, str], y: dict[str, str], ctx: CompareContext
) -> tuple[ScopeRelation, list[str]]:
    """How two claims' narrowing qualifiers relate -- the same scope, ``a`` or ``b``
    narrower, narrower each in a different way (``different``), or at odds (``conflict``:
    one key with two values that nothing relates) -- and the words that say so.

    A qualifier only one claim has narrows that claim.  Two values of one key are related
    by the taxonomy (``on screen`` ⊃ ``in a scene`` ⊃ ``in a speaking scene``), then the
    place hierarchy, then by their words: a value with all the other's words and more is
    narrower.
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
            sides.add("conflict")
            notes.append(f"{k} differs ('{vx}', '{vy}')")
    if not sides:
        return "same", notes
    if "conflict" in sides:
        return "conflict", notes
    if sides == {"a"}:
        return "a", notes
    if sides == {"b"}:
        return "b", notes
    return "different", notes


def value_comparison(
    a: object, b: object, prop: Property | None, ctx: CompareContext
) -> Comparison:
    """Two claimed values compared by their property's kind and tolerance (by their own
    kinds when they do not fit the property's)."""
    kind = None
    tolerance = None
    if prop is not None:
        tolerance = prop.tolerance
        value_kind = get_kind(prop.kind)
        if value_kind.check(a) and value_kind.check(b):
            kind = prop.kind
        elif prop.kind == "ref" and infer_kind(a, b) == "ref":
            kind = "ref"
    return compare(a, b, kind=kind, context=ctx, tolerance=tolerance)


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


def with_scope(
    v: Comparison,
    scope: tuple[ScopeRelation, list[str]],
    one_valued: bool,
    properties: tuple[Literal["same", "a", "b", "different"], str] = ("same", ""),
) -> Comparison:
    """A value comparison combined with how the claims' narrowing qualifiers relate and,
    for properties of one family, which property is the narrower (``properties``: the
    relation and the words that say it).

    A narrower scope or a narrower property *refines* a claim: the same value said more
    narrowly is compatible with it.  It never makes two values compatible that are not: on
    a one-valued property, ``rank: sergeant {force: LAPD}`` and ``rank: detective`` dispute;
    on a many-valued property, claims in different scopes are no alternatives to each
    other.  A key with two unrelated values (a scene at 9 p.m. and at 10 p.m.) is a conflict
    on a one-valued property.
    """
    relation, notes = scope
    prop_relation, prop_note = properties
    if v.verdict is Verdict.UNRELATED:
        return v
    words = list(notes)
    sides: set[str] = set()
    if prop_relation != "same":
        sides.add(prop_relation)
        words.insert(0, prop_note)
    if relation in ("a", "b", "different"):
        sides.add(relation)
    text = "; ".join(words)
    if relation == "conflict":
        if one_valued:
            if v.verdict is Verdict.CONFLICT:
                return conflict(f"{v.reason}; and {text}", v.score)
            return conflict(f"{_lower(v.reason)}, but {text}", min(v.score, 0.3))
        if v.verdict is Verdict.CONFLICT:
            return compatible(
                f"the values differ but the scopes differ too ({text}), so this is not a conflict",
                None,
                0.3,
            )
        return compatible(f"{_lower(v.reason)}, in different scopes ({text})", None, 0.6 * v.score)
    if not sides:
        return v
    if v.verdict is Verdict.CONFLICT:
        if one_valued:
            return conflict(
                f"{v.reason}; a narrower scope does not reconcile two values of a one-valued "
                f"property ({text})",
                v.score,
            )
        return compatible(
            f"the values differ but one claim has a narrower scope ({text}), so this is not a "
            "conflict",
            None,
            0.3,
        )
    if v.verdict is Verdict.COMPATIBLE:
        sides.add(v.refines or "different")
    refines: Side | None = None
    if sides == {"a"}:
        refines = "a"
    elif sides == {"b"}:
        refines = "b"
    if v.verdict is Verdict.SAME:
        return compatible(f"the same value, said more narrowly ({text})", refines, 0.85 * v.score)
    return compatible(f"{_lower(v.reason)}, and {text}", refines, v.score)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _forward(
    claim: Claim, reg: PropertyRegistry
) -> tuple[Property | None, object, object, tuple[Property, ...]]:
    """The claim's property read forward, its subject and value in that reading, and the
    property's lineage (itself and every broader property)."""
    prop = reg.find(claim.property)
    if prop is None:
        return None, claim.subject, claim.value, ()
    forward, flipped = reg.forward(prop.name)
    lineage = reg.lineage(prop.name)
    if flipped and isinstance(claim.value, EntityRef):
        return forward, claim.value, claim.subject, lineage
    return forward, claim.subject, claim.value, lineage


def property_relation(
    reg: PropertyRegistry, a: Property, b: Property
) -> tuple[Literal["same", "a", "b", "different"], str]:
    relation = reg.relation(a.name, b.name)
    if relation == "same":
        return "same", ""
    if relation == "narrower":
        return "a", f"{a.name} is a narrower kind of {b.name}"
    if relation == "broader":
        return "b", f"{b.name} is a narrower kind of {a.name}"
    return "different", f"{a.name} and {b.name} are different kinds of one relation"


def compare_claims(x: Claim, y: Claim, *, context: ContextLike = None) -> Comparison:
    """Whether two claims agree, taking subject, property, value, stance and qualifiers
    into account.

    Properties are read forward and by family (see :meth:`PropertyRegistry.forward
    <filmlore.properties.PropertyRegistry.forward>`): "L.A. Takedown ``remade_as`` Heat" and
    "Heat ``remake_of`` L.A. Takedown" say the same; ``remake_of`` refines ``based_on``; and
    where a relation cannot hold both ways, "Heat ``based_on`` L.A. Takedown" and "L.A.
    Takedown ``inspired_by`` Heat" conflict.  Claims about different subjects, properties of
    different families, or different *scopes* (the qualifiers a property is scoped by, such
    as a release date's ``country``, and ``valid_at``) are ``UNRELATED``.  The values are
    compared by the property's kind and ``tolerance`` from the registry -- the context
    dossier's when a :class:`~filmlore.Dossier` is given.  Then:

    * a claim and its denial (same value) conflict; denying a value is compatible with
      asserting a different one;
    * a hedged claim is weaker, never a conflict by itself: the asserted one refines it;
    * the other qualifiers narrow a claim: the same value in a narrower scope (``in a
      speaking scene`` against ``on screen``) is compatible with the narrower claim
      refining; a narrower scope never makes two values of a one-valued property
      compatible (:func:`with_scope`).

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
    reg = _registry(ctx)
    px, sx, vx, lx = _forward(x, reg)
    py, sy, vy, ly = _forward(y, reg)
    root_x = lx[-1] if lx else None
    root_y = ly[-1] if ly else None
    name_x = root_x.name if root_x is not None else x.property
    name_y = root_y.name if root_y is not None else y.property
    if name_x != name_y:
        return unrelated(f"the claims are about different properties ({name_x}, {name_y})")
    if x.id == y.id and x == y:
        return same(f"the claim {x.id} is compared with itself")
    rsx = ctx.resolve_ref(sx) if isinstance(sx, EntityRef) else sx
    rsy = ctx.resolve_ref(sy) if isinstance(sy, EntityRef) else sy
    reversed_pair = False
    if rsx != rsy:
        rvx = ctx.resolve_ref(vx) if isinstance(vx, EntityRef) else vx
        rvy = ctx.resolve_ref(vy) if isinstance(vy, EntityRef) else vy
        if isinstance(vx, EntityRef) and isinstance(vy, EntityRef) and rsx == rvy and rvx == rsy:
            reversed_pair = True
        else:
            return unrelated(f"the claims are about different subjects ({x.subject}, {y.subject})")
    keys = scoping_keys(px, root_x)
    qx, qy = _qualifiers(x), _qualifiers(y)
    part_x = {k: key(v) for k, v in qx.items() if k in keys}
    part_y = {k: key(v) for k, v in qy.items() if k in keys}
    if part_x != part_y:
        shown = ", ".join(
            f"{k}: {qx.get(k, '—')} / {qy.get(k, '—')}"
            for k in sorted(set(part_x) | set(part_y))
            if part_x.get(k) != part_y.get(k)
        )
        return unrelated(f"the claims are about different scopes ({shown})")
    narrow_x = {k: v for k, v in qx.items() if k not in keys}
    narrow_y = {k: v for k, v in qy.items() if k not in keys}
    many = root_x.many if root_x is not None else False
    if reversed_pair:
        common = {p.name for p in lx} & {p.name for p in ly}
        one_way = sorted(n for n in common if reg.get(n).asymmetric)
        if one_way:
            v = conflict(
                f"the claims run opposite ways between {sx} and {sy}, and {one_way[0]} cannot "
                "hold both ways",
                0.1,
            )
        else:
            v = compatible(f"the relation is claimed both ways, which {name_x} allows", None, 0.5)
        v = _with_stance(v, x, y)
        return with_scope(v, scope_relation(narrow_x, narrow_y, ctx), not many)
    v = value_comparison(vx, vy, px, ctx)
    v = _with_stance(v, x, y)
    props: tuple[Literal["same", "a", "b", "different"], str] = ("same", "")
    if px is not None and py is not None:
        props = property_relation(reg, px, py)
    return with_scope(v, scope_relation(narrow_x, narrow_y, ctx), not many, props)
