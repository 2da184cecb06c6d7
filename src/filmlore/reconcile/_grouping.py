"""Which claims ask the same question, and which say the same thing.

A claim's property is first read *forward* (:meth:`PropertyRegistry.forward
<filmlore.properties.PropertyRegistry.forward>`): "L.A. Takedown ``remade_as`` Heat" is read
as "Heat ``remake_of`` L.A. Takedown".  Claims then ask one question -- they form one *item*
-- when they are about the same subject and the same family of properties (``remake_of``,
``based_on`` and ``inspired_by`` are one family, asked of its root), in the same *scope*:
the qualifiers that a property is scoped by (a release date's ``country``; for every
property, the date a claim holds for, ``valid_at``) make separate questions.

A many-valued family in which a relation cannot hold both ways (``based_on``: if Heat is
based on L.A. Takedown, L.A. Takedown is not based on Heat) is asked pair by pair: one item
per two entities, whose candidates are the two directions -- so that "Heat is a remake of
L.A. Takedown" and "L.A. Takedown was inspired by Heat" meet and dispute.

Within an item, a *candidate* is one distinct thing claimed: a value (or a direction), with
the property it was claimed under and its other qualifiers, which only narrow what it says.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np

from filmlore.models import Qualifier
from filmlore.properties import Property, PropertyRegistry
from filmlore.reconcile._table import RANK_CODES, ClaimTable, dense_unique
from filmlore.reconcile._types import BoolArray, IntArray

__all__ = ["Grouping", "PropertyPlan", "group"]

_DEPRECATED = RANK_CODES["deprecated"]

#: Qualifiers that make separate questions for every property: the date a claim holds for.
ALWAYS_SCOPED = frozenset({"valid_at"})


@attrs.frozen(slots=True)
class PropertyPlan:
    """How the claims of one property (as the table names it) are read."""

    name: str  # as claimed
    forward: str  # read forward
    flipped: bool  # subject and value swap to read it forward
    root: str  # the family's root: the question the item asks
    pairwise: bool  # asked pair by pair (a many-valued relation that cannot hold both ways)
    many: bool
    kind: str | None
    tolerance: float | None
    scope_keys: frozenset[str]


def _directional_roots(reg: PropertyRegistry) -> set[str]:
    """The roots of families with a property that cannot hold both ways."""
    out: set[str] = set()
    for prop in reg:
        try:
            lineage = reg.lineage(prop.name)
        except LookupError:
            continue
        if any(p.asymmetric for p in lineage):
            out.add(lineage[-1].name)
    return out


def plan_properties(table: ClaimTable) -> list[PropertyPlan]:
    """A :class:`PropertyPlan` for each property label of ``table``, in code order."""
    reg = table.registry
    directional = _directional_roots(reg)
    plans = []
    for label in table.property.labels:
        name = str(label)
        prop: Property | None = reg.find(name)
        if prop is None:
            plans.append(
                PropertyPlan(
                    name=name,
                    forward=name,
                    flipped=False,
                    root=name,
                    pairwise=False,
                    many=table.is_many(name),
                    kind=table.kind_of(name),
                    tolerance=None,
                    scope_keys=ALWAYS_SCOPED,
                )
            )
            continue
        forward, flipped = reg.forward(name)
        lineage = reg.lineage(name)
        root = lineage[-1]
        many = table.is_many(root.name) if name != root.name else table.is_many(name)
        kind = table.kind_of(name)
        plans.append(
            PropertyPlan(
                name=name,
                forward=forward.name,
                flipped=flipped and kind == "ref",
                root=root.name,
                pairwise=root.name in directional and many and kind == "ref",
                many=many,
                kind=kind,
                tolerance=forward.tolerance if forward.tolerance is not None else root.tolerance,
                scope_keys=ALWAYS_SCOPED | set(forward.scope_keys) | set(root.scope_keys),
            )
        )
    return plans


@attrs.define(slots=True, eq=False)
class Grouping:
    """Items and candidates of a table (arrays over items and candidates, with labels)."""

    plans: list[PropertyPlan]
    n_items: int
    item_start: IntArray
    item_subject: list[Any]  # the subject, or for a pair item the first entity
    item_other: list[Any]  # for a pair item the second entity, else None
    item_root: list[str]
    item_root_code: IntArray  # index into root_plans
    root_plans: list[PropertyPlan]  # the plan of each family's root (kind, tolerance, many)
    item_scope: list[tuple[Qualifier, ...]]
    item_many: BoolArray
    item_pair: BoolArray
    cand_item: IntArray
    cand_value: list[Any]  # the value (for a pair item: the entity the subject points to)
    cand_subject: list[Any]  # the subject read forward
    cand_fwd: IntArray  # the property read forward, as an index into forwards
    cand_narrow: IntArray  # the qualifiers that narrow it, as an index into narrow_labels
    forwards: list[str]
    narrow_labels: list[tuple[Qualifier, ...]]
    row_cand: IntArray  # per table row: its candidate, or -1 (deprecated)
    row_item: IntArray  # per table row: its item, or -1 (a deprecated claim alone)

    @property
    def n_cands(self) -> int:
        """How many candidates there are."""
        return len(self.cand_item)

    def plan(self, item: int) -> PropertyPlan:
        """The plan of an item's family root: its kind, tolerance and cardinality."""
        return self.root_plans[int(self.item_root_code[item])]

    def prop(self, c: int) -> str:
        """Candidate ``c``'s property, read forward."""
        return self.forwards[int(self.cand_fwd[c])]

    def quals(self, c: int) -> tuple[Qualifier, ...]:
        """The qualifiers that narrow candidate ``c``."""
        return self.narrow_labels[int(self.cand_narrow[c])]

    def ignored_rows(self) -> dict[int, list[int]]:
        """The deprecated rows of each item."""
        out: dict[int, list[int]] = {}
        for row in np.flatnonzero(self.row_cand < 0).tolist():
            item = int(self.row_item[row])
            if item >= 0:
                out.setdefault(item, []).append(row)
        return out


def _split_scopes(
    table: ClaimTable, plans: Sequence[PropertyPlan]
) -> tuple[IntArray, IntArray, list[tuple[Qualifier, ...]], list[tuple[Qualifier, ...]]]:
    """Per row: a code of the qualifiers that scope its question and of those that narrow
    it; and the two lists of qualifier tuples the codes index."""
    nq = max(len(table.qualifiers.labels), 1)
    combo_keys, combo_of_row = dense_unique(
        table.property.codes * nq + table.qualifiers.codes, len(plans) * nq
    )
    scope_index: dict[tuple[Qualifier, ...], int] = {(): 0}
    narrow_index: dict[tuple[Qualifier, ...], int] = {(): 0}
    scope_of = np.zeros(len(combo_keys), dtype=np.int64)
    narrow_of = np.zeros(len(combo_keys), dtype=np.int64)
    for i, k in enumerate(combo_keys.tolist()):
        plan = plans[k // nq]
        quals: tuple[Qualifier, ...] = table.qualifiers.labels[k % nq]
        scope = tuple(q for q in quals if q.key in plan.scope_keys)
        narrow = tuple(q for q in quals if q.key not in plan.scope_keys)
        scope_of[i] = scope_index.setdefault(scope, len(scope_index))
        narrow_of[i] = narrow_index.setdefault(narrow, len(narrow_index))
    return (
        scope_of[combo_of_row],
        narrow_of[combo_of_row],
        list(scope_index),
        list(narrow_index),
    )


def _sorted_codes(labels: list[Any]) -> tuple[list[Any], IntArray]:
    """``labels`` sorted (as the table sorts them) and each old position's new code."""
    from filmlore.reconcile._table import _sort_key

    order = sorted(range(len(labels)), key=lambda i: _sort_key(labels[i]))
    remap = np.empty(len(labels), dtype=np.int64)
    remap[np.asarray(order, dtype=np.int64)] = np.arange(len(labels), dtype=np.int64)
    return [labels[i] for i in order], remap


def object_array(labels: Sequence[Any]) -> Any:
    """Labels as a numpy array of objects (element by element, so that tuples stay whole)."""
    out = np.empty(len(labels), dtype=object)
    for i, label in enumerate(labels):
        out[i] = label
    return out


def unique_rows(columns: list[IntArray]) -> tuple[IntArray, IntArray]:
    """The distinct rows of non-negative integer ``columns``, sorted, and each row's index
    among them -- packed into one integer key when their ranges allow (a fast 1-d unique),
    else compared column by column."""
    n = len(columns[0]) if columns else 0
    if n == 0:
        return np.zeros((0, len(columns)), dtype=np.int64), np.zeros(0, dtype=np.int64)
    sizes = [int(c.max()) + 1 for c in columns]
    bound = 1
    for size in sizes:
        bound *= size
    if bound < 2**62:
        packed = np.zeros(n, dtype=np.int64)
        for column, size in zip(columns, sizes, strict=True):
            packed = packed * size + column
        keys, inverse = dense_unique(packed, bound)
        out = np.empty((len(keys), len(columns)), dtype=np.int64)
        rest = keys
        for k in range(len(columns) - 1, -1, -1):
            out[:, k] = rest % sizes[k]
            rest = rest // sizes[k]
        return out, inverse
    stacked = np.stack(columns, axis=1)
    keys, inverse = np.unique(stacked, axis=0, return_inverse=True)
    return keys, inverse.reshape(-1)


def group(table: ClaimTable) -> Grouping:
    """The items and candidates of ``table`` (see the module docstring)."""
    plans = plan_properties(table)
    n = len(table)
    prop = table.property.codes
    flipped = np.asarray([p.flipped for p in plans], dtype=bool)[prop] if n else np.zeros(0, bool)
    pairwise = np.asarray([p.pairwise for p in plans], dtype=bool)[prop] if n else np.zeros(0, bool)
    roots = sorted({p.root for p in plans})
    root_code = np.asarray([roots.index(p.root) for p in plans], dtype=np.int64)
    forwards = sorted({p.forward for p in plans})
    fwd_code = np.asarray([forwards.index(p.forward) for p in plans], dtype=np.int64)
    root_plan = {p.root: p for p in plans if p.name == p.root}
    for p in plans:
        root_plan.setdefault(p.root, p)
    scope, narrow, scope_labels, narrow_labels = _split_scopes(table, plans)
    # subjects and values in one space when some claims turn round or pair up
    if flipped.any() or pairwise.any():
        index: dict[Any, int] = {}
        for label in table.subject.labels:
            index.setdefault(label, len(index))
        for label in table.value.labels:
            index.setdefault(label, len(index))
        atoms, remap = _sorted_codes(list(index))
        subj_atom = remap[np.asarray([index[x] for x in table.subject.labels], dtype=np.int64)]
        val_atom = remap[np.asarray([index[x] for x in table.value.labels], dtype=np.int64)]
        s = subj_atom[table.subject.codes]
        v = val_atom[table.value.codes]
        s, v = np.where(flipped, v, s), np.where(flipped, s, v)
        subject_labels: Sequence[Any] = atoms
        value_labels: Sequence[Any] = atoms
    else:
        s, v = table.subject.codes, table.value.codes
        subject_labels, value_labels = table.subject.labels, table.value.labels
    first = np.where(pairwise, np.minimum(s, v), s)
    second = np.where(pairwise, np.maximum(s, v), -1)
    direction = (pairwise & (s > v)).astype(np.int64)
    item_keys, row_item = unique_rows([first, root_code[prop], scope, second + 1])
    item_keys[:, 3] -= 1
    active = table.rank != _DEPRECATED
    # items with an active claim, renumbered in order
    has_active = np.zeros(len(item_keys), dtype=bool)
    has_active[row_item[active]] = True
    new_item = np.cumsum(has_active) - 1
    row_item = np.where(has_active[row_item], new_item[row_item], -1)
    item_keys = item_keys[has_active]
    value_or_dir = np.where(pairwise, direction, v)
    cand_keys, inverse = unique_rows(
        [row_item[active], value_or_dir[active], fwd_code[prop][active], narrow[active]]
    )
    row_cand = np.full(n, -1, dtype=np.int64)
    row_cand[np.flatnonzero(active)] = inverse.reshape(-1)
    n_items = len(item_keys)
    cand_item = cand_keys[:, 0].astype(np.int64)
    item_start = np.searchsorted(cand_item, np.arange(n_items + 1)).astype(np.int64)
    item_root_code = item_keys[:, 1]
    item_root = [roots[int(r)] for r in item_root_code.tolist()]
    item_pair = item_keys[:, 3] >= 0
    subjects = object_array(subject_labels)
    values = object_array(value_labels)
    item_subject_arr = subjects[item_keys[:, 0]]
    item_other_arr: Any = np.where(item_pair, values[np.maximum(item_keys[:, 3], 0)], None)
    vd = cand_keys[:, 1]
    pair_c = item_pair[cand_item]
    forward_way = vd == 0
    first_entity = item_subject_arr[cand_item]
    second_entity = item_other_arr[cand_item]
    cand_subject = np.where(pair_c & ~forward_way, second_entity, first_entity)
    cand_value = np.where(
        pair_c,
        np.where(forward_way, second_entity, first_entity),
        values[np.where(pair_c, 0, vd)],
    )
    root_plans = [root_plan[r] for r in roots]
    root_many = np.asarray([p.many for p in root_plans], dtype=bool)
    return Grouping(
        plans=plans,
        n_items=n_items,
        item_start=item_start,
        item_subject=item_subject_arr.tolist(),
        item_other=item_other_arr.tolist(),
        item_root=item_root,
        item_root_code=item_root_code,
        root_plans=root_plans,
        item_scope=[scope_labels[int(x)] for x in item_keys[:, 2].tolist()],
        item_many=root_many[item_root_code] & ~item_pair if n_items else np.zeros(0, bool),
        item_pair=item_pair,
        cand_item=cand_item,
        cand_value=cand_value.tolist(),
        cand_subject=cand_subject.tolist(),
        cand_fwd=cand_keys[:, 2],
        cand_narrow=cand_keys[:, 3],
        forwards=forwards,
        narrow_labels=narrow_labels,
        row_cand=row_cand,
        row_item=row_item,
    )
