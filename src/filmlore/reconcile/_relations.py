"""How the candidates of one question relate, as :func:`~filmlore.compare_claims` judges them,
and the evidence arrays built from them.

Two candidates are compared the way two claims are: their values by the property's kind
and tolerance (:func:`~filmlore.compare`), their properties by family (a remake is a kind of
"based on"), their directions where a relation cannot hold both ways, and their narrowing
qualifiers (:func:`~filmlore.compare._claims.with_scope`).  The verdict becomes a
:class:`Relation`: one implies the other, they are the same within tolerance, they overlap,
or they are rivals.  Compatibility is never chained: 2004-08-04 and 2004-08-06 each imply
2004, but they stay rivals of each other.
"""

from __future__ import annotations

import enum
from typing import Any

import numpy as np

from filmlore.compare import CompareContext, Comparison, Verdict, compare
from filmlore.compare._claims import property_relation, scope_relation, with_scope
from filmlore.compare._names import partial_list
from filmlore.compare._result import IDENTICAL, conflict, same
from filmlore.compare._show import text_of
from filmlore.properties import Property
from filmlore.reconcile._evidence import HEDGE_WEIGHT, Evidence
from filmlore.reconcile._grouping import Grouping, PropertyPlan
from filmlore.reconcile._table import STANCE_CODES, ClaimTable
from filmlore.reconcile._types import IntArray
from filmlore.values.refs import EntityRef

__all__ = ["PRECISE_KINDS", "Relater", "Relation", "build_evidence"]

#: Value kinds whose truth is always precise (a release date is a day, a runtime a number of
#: minutes): a coarser claim of them can never be the whole truth once a finer one is made.
PRECISE_KINDS = frozenset({"date", "duration", "money", "quantity", "integer"})

#: Value kinds whose different values are always rivals (when no tolerance is set).
_EQUALITY_KINDS = frozenset({"boolean", "integer", "label"})


class Relation(enum.IntEnum):
    """How candidate ``a`` stands to candidate ``b`` of one question."""

    EQUIV = 0  # the same within tolerance: each implies the other
    A_FINER = 1  # a implies b (a is the finer)
    B_FINER = 2  # b implies a
    OVERLAP = 3  # both can be true, neither implies the other
    RIVAL = 4  # at most one is true (one-valued questions)
    APART = 5  # no bearing on each other (different values of a many-valued question)


class Relater:
    """Compares the candidates of a :class:`Grouping`, remembering value comparisons."""

    def __init__(self, grouping: Grouping, table: ClaimTable, context: CompareContext) -> None:
        self.g = grouping
        self.context = context
        self.registry = table.registry
        self._values: dict[tuple[Any, ...], Comparison] = {}
        self._props: dict[str, Property | None] = {}

    def _name(self, ref: Any) -> str:
        names = self.context.names
        return str(names[ref]) if isinstance(ref, EntityRef) and ref in names else str(ref)

    def _prop(self, name: str) -> Property | None:
        if name not in self._props:
            self._props[name] = self.registry.find(name)
        return self._props[name]

    def compare_values(self, plan: PropertyPlan, a: Any, b: Any) -> Comparison:
        """``a`` and ``b`` compared by the plan's kind and tolerance (by their own kinds
        when they do not fit it; a conflict when nothing can read them)."""
        if a == b and type(a) is type(b):
            return IDENTICAL
        k = (plan.kind, plan.tolerance, a, b)
        found = self._values.get(k)
        if found is not None:
            return found
        try:
            found = compare(a, b, kind=plan.kind, context=self.context, tolerance=plan.tolerance)
        except Exception:  # a value that does not fit the property's kind
            try:
                found = compare(a, b, context=self.context, tolerance=plan.tolerance)
            except Exception:
                found = conflict(f"{a!s} and {b!s} cannot be compared")
        self._values[k] = found
        return found

    def relate(self, a: int, b: int) -> tuple[Relation, Comparison]:
        """How candidate ``a`` stands to candidate ``b`` (of one item), and the comparison
        that says why."""
        g = self.g
        item = int(g.cand_item[a])
        plan = g.plan(item)
        one_valued = not bool(g.item_many[item])
        pa, pb = g.prop(a), g.prop(b)
        if g.item_pair[item]:
            name = self._name
            if g.cand_subject[a] == g.cand_subject[b]:
                v = same(f"both run from {name(g.cand_subject[a])} to {name(g.cand_value[a])}")
            else:
                la = {p.name for p in self.registry.lineage(pa)}
                lb = {p.name for p in self.registry.lineage(pb)}
                one_way = sorted(n for n in la & lb if self.registry.get(n).asymmetric)
                if one_way:
                    v = conflict(
                        f"{name(g.cand_subject[a])} {pa} {name(g.cand_value[a])} and "
                        f"{name(g.cand_subject[b])} {pb} {name(g.cand_value[b])} run opposite "
                        f"ways, and {one_way[0]} cannot hold both ways",
                        0.1,
                    )
                else:
                    v = Comparison(
                        verdict=Verdict.COMPATIBLE,
                        score=0.5,
                        reason=f"the relation is claimed both ways, which {plan.root} allows",
                    )
        else:
            v = self.compare_values(plan, g.cand_value[a], g.cand_value[b])
            if not one_valued and v.verdict in (Verdict.CONFLICT, Verdict.UNRELATED):
                # two values of a many-valued property: each is decided on its own,
                # whatever their scopes
                return Relation.APART, v
        props: tuple[Any, str] = ("same", "")
        same_way = not g.item_pair[item] or g.cand_subject[a] == g.cand_subject[b]
        if pa != pb and same_way:
            fa, fb = self._prop(pa), self._prop(pb)
            if fa is not None and fb is not None:
                props = property_relation(self.registry, fa, fb)
        qa = {q.key: q.value for q in g.quals(a)}
        qb = {q.key: q.value for q in g.quals(b)}
        scope = scope_relation(qa, qb, self.context) if (qa or qb) else ("same", [])
        found = with_scope(v, scope, one_valued, props)
        return _relation(found, one_valued), found

    def exact(self, a: int, b: int) -> bool:
        """True when coarser candidate ``b`` can never be the whole truth, ``a`` refining
        it in the value itself (not only in scope or property): a value of a precise kind
        (a year, where release dates are days) or a list of names marked partial
        ("Ullman et al.")."""
        g = self.g
        plan = g.plan(int(g.cand_item[a]))
        if g.item_pair[int(g.cand_item[a])]:
            return False
        precise = plan.kind in PRECISE_KINDS
        if not precise and not (plan.kind == "name" and partial_list(text_of(g.cand_value[b]))[1]):
            return False
        v = self.compare_values(plan, g.cand_value[a], g.cand_value[b])
        return v.verdict is Verdict.COMPATIBLE and v.refines == "a"


def _relation(found: Comparison, one_valued: bool) -> Relation:
    verdict = found.verdict
    if verdict is Verdict.SAME:
        return Relation.EQUIV
    if verdict is Verdict.COMPATIBLE:
        if found.refines == "a":
            return Relation.A_FINER
        if found.refines == "b":
            return Relation.B_FINER
        return Relation.OVERLAP
    return Relation.RIVAL if one_valued else Relation.APART


def _needs_relating(g: Grouping) -> IntArray:
    """The items whose candidates may relate otherwise than as rivals (or apart): two or
    more candidates, and a kind that compares more than equality, a tolerance, a pair of
    directions, more than one property, or narrowing qualifiers."""
    if not g.n_cands:
        return np.zeros(0, dtype=np.int64)
    plain_root = np.asarray(
        [p.kind in _EQUALITY_KINDS and p.tolerance is None for p in g.root_plans], dtype=bool
    )
    first = g.item_start[g.cand_item]
    complex_ = (
        (g.cand_narrow != 0)
        | (g.cand_fwd != g.cand_fwd[first])
        | g.item_pair[g.cand_item]
        | ~plain_root[g.item_root_code[g.cand_item]]
    )
    sizes = np.diff(g.item_start)
    flagged = np.bincount(g.cand_item, complex_.astype(float), g.n_items) > 0
    out: IntArray = np.flatnonzero((sizes >= 2) & flagged)
    return out


def build_evidence(table: ClaimTable, g: Grouping, relater: Relater) -> Evidence:
    """The evidence arrays of a grouped table: one row per (candidate, origin, stance), the
    strongest stance and then the first source of the origin's claims; and the relations.

    An origin is one voice on a one-valued question however many values it gives: when it
    asserts several (170 and 171 min, or a year and a day), its say is shared among them.
    """
    active = np.flatnonzero(g.row_cand >= 0)
    stance = np.asarray(table.stance)[active]
    deny = (stance == STANCE_CODES["denies"]).astype(np.int64)
    hedge = (stance == STANCE_CODES["hedges"]).astype(np.int64)
    n_orig = max(len(table.origin.labels), 1)
    n_src = max(len(table.source.labels), 1)
    cand = g.row_cand[active]
    key = (cand * n_orig + table.origin.codes[active]) * 2 + deny
    if (g.n_cands * n_orig * 2 + 2) * 2 * n_src < 2**62:
        # one packed key and a stable sort: several times faster than three keys
        packed = (key * 2 + hedge) * n_src + table.source.codes[active]
        order = np.argsort(packed, kind="stable")
    else:
        order = np.lexsort((table.source.codes[active], hedge, key))
    k_sorted = key[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = k_sorted[1:] != k_sorted[:-1]
    picked = active[order[first]]
    ev_src = table.source.codes[picked]
    ev_hedge = hedge[order[first]]
    rep_key = key[order[first]]
    del n_src
    ev_cand = (rep_key // 2) // n_orig
    ev_deny = (rep_key % 2).astype(bool)
    origin = (rep_key // 2) % n_orig
    ev = Evidence(
        n_items=g.n_items,
        item_start=g.item_start,
        item_many=g.item_many,
        cand_item=g.cand_item,
        cand_order=np.arange(g.n_cands, dtype=np.int64) - g.item_start[g.cand_item],
        ev_cand=ev_cand,
        ev_src=ev_src,
        ev_weight=np.where(ev_hedge == 1, HEDGE_WEIGHT, 1.0),
        ev_deny=ev_deny,
        sources=table.source_infos,
    )
    _relate(ev, g, relater)
    _one_voice(ev, origin, n_orig)
    return ev


def _one_voice(ev: Evidence, origin: IntArray, n_orig: int) -> None:
    """Share an origin's say among its rows that are one voice: all its rows on a
    one-valued question (what it asserts and what it denies), and on a many-valued one its
    rows on values that are the same."""
    value_class = np.arange(ev.n_cands, dtype=np.int64)
    if len(ev.imp_from):
        # the candidates the same within tolerance as each other: one class, its least index
        for a, b in sorted(
            zip(ev.imp_from[ev.imp_equiv].tolist(), ev.imp_to[ev.imp_equiv].tolist(), strict=True)
        ):
            low = min(value_class[a], value_class[b])
            value_class[value_class == value_class[a]] = low
            value_class[value_class == value_class[b]] = low
    many = ev.item_many[ev.cand_item[ev.ev_cand]]
    group = np.where(many, ev.n_items + value_class[ev.ev_cand], ev.cand_item[ev.ev_cand])
    key = (group * n_orig + origin) * 2 + (ev.ev_deny & many)
    if not len(key):
        return
    _, slot, counts = np.unique(key, return_inverse=True, return_counts=True)
    ev.ev_weight = ev.ev_weight / counts[slot.reshape(-1)]


def _relate(ev: Evidence, g: Grouping, relater: Relater) -> None:
    frm: list[int] = []
    to: list[int] = []
    equiv: list[bool] = []
    exact: list[bool] = []
    partial: list[bool] = []
    ovl_a: list[int] = []
    ovl_b: list[int] = []
    for item in _needs_relating(g).tolist():
        lo, hi = int(g.item_start[item]), int(g.item_start[item + 1])
        names = g.plan(item).kind == "name"
        before = len(frm)
        for a in range(lo, hi):
            for b in range(a + 1, hi):
                rel, _ = relater.relate(a, b)
                if rel is Relation.EQUIV:
                    frm += [a, b]
                    to += [b, a]
                    equiv += [True, True]
                    exact += [False, False]
                elif rel is Relation.A_FINER:
                    frm.append(a)
                    to.append(b)
                    equiv.append(False)
                    exact.append(relater.exact(a, b))
                elif rel is Relation.B_FINER:
                    frm.append(b)
                    to.append(a)
                    equiv.append(False)
                    exact.append(relater.exact(b, a))
                elif rel is Relation.OVERLAP:
                    ovl_a += [a, b]
                    ovl_b += [b, a]
        partial += [names] * (len(frm) - before)
    if frm:
        ev.imp_from = np.asarray(frm, dtype=np.int64)
        ev.imp_to = np.asarray(to, dtype=np.int64)
        ev.imp_equiv = np.asarray(equiv, dtype=bool)
        ev.imp_exact = np.asarray(exact, dtype=bool)
        ev.imp_partial = np.asarray(partial, dtype=bool) & ~ev.imp_equiv & ~ev.imp_exact
        strict = ~ev.imp_equiv
        ev.cand_spec = np.bincount(ev.imp_from[strict], None, ev.n_cands).astype(float)
        closed = np.zeros(ev.n_cands, dtype=bool)
        closed[ev.imp_to[ev.imp_exact]] = True
        ev.cand_open = ~closed
    if ovl_a:
        ev.ovl_a = np.asarray(ovl_a, dtype=np.int64)
        ev.ovl_b = np.asarray(ovl_b, dtype=np.int64)
