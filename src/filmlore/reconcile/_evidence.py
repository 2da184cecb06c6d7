"""What every policy decides on: questions, candidate values, the voices for them, and how
the candidates relate -- as numpy arrays.

An *item* is one question -- one subject's property (or, for a relation that cannot hold
both ways, one pair of entities) -- and its *candidates* are the distinct things claimed for
it, stored item by item.  An evidence *row* is one origin's word on one candidate (relayed
copies of one origin are merged before this point, so a row is one independent voice); it
asserts the value, hedges it or denies it.

Relations between the candidates of one item, as :func:`~filmlore.compare` judges them:

``imp_from ⇒ imp_to``
    if the first is true the second is too: 1995-12-15 ⇒ 1995; 170 min ⇒ "nearly 3 hours";
    Milan ⇒ Italy; a remake ⇒ "based on".  ``imp_equiv`` marks the pairs that are the same
    within tolerance (170 and 171 min: each implies the other).  ``imp_exact`` marks the
    pairs whose coarser value can never be the whole truth (a year, where release dates are
    days; "nearly 3 hours", where a film runs some number of minutes): a claim of it then
    backs the finer value fully, where otherwise (a country, for a place known only by its
    country) it is a right but vague answer.  ``imp_partial`` marks the pairs whose coarser
    value is one of the many partial forms of the finer one: of names, an initial for a
    given name, a shorter list for a longer one.
``ovl_a ~ ovl_b``
    the two can both be true, though neither implies the other (two hedged durations that
    overlap).
anything else
    in a one-valued question, the two are rivals: at most one is true.  In a many-valued
    question, each value is decided on its own.

A candidate is *open* when it may be the whole truth: the coarse value of a precise kind
("1995" for a release date) is not, once a finer candidate (1995-12-15) is claimed.
"""

from __future__ import annotations

import attrs
import numpy as np

from filmlore.models import SourceKind
from filmlore.reconcile._types import BoolArray, FloatArray, IntArray

__all__ = ["HEDGE_WEIGHT", "Evidence", "SourceInfo"]

#: How much a hedged claim ("I read that…", "reportedly") counts against a plain assertion.
HEDGE_WEIGHT = 0.5


@attrs.frozen(slots=True)
class SourceInfo:
    """What policies may know about one source: its id, kind, stated prior, weight, name."""

    id: str
    kind: SourceKind | str | None = None
    reliability: float | None = None
    weight: float | None = None
    name: str | None = None


def _empty_int() -> IntArray:
    return np.zeros(0, dtype=np.int64)


def _empty_bool() -> BoolArray:
    return np.zeros(0, dtype=bool)


@attrs.define(slots=True, eq=False)
class Evidence:
    """Candidates, evidence rows and relations (see the module docstring)."""

    n_items: int
    item_start: IntArray  # n_items + 1 offsets into the candidates
    item_many: BoolArray  # decide each candidate on its own
    cand_item: IntArray  # the item of each candidate (non-decreasing)
    cand_order: IntArray  # the fixed tie-break rank of each candidate in its item
    ev_cand: IntArray  # each row's candidate
    ev_src: IntArray  # each row's source
    ev_weight: FloatArray  # 1 for an assertion or denial, HEDGE_WEIGHT for a hedge
    ev_deny: BoolArray  # the row denies its candidate
    sources: list[SourceInfo]
    cand_spec: FloatArray | None = attrs.field(default=None)  # how many it strictly implies
    cand_open: BoolArray | None = attrs.field(default=None)  # may be the whole truth
    imp_from: IntArray = attrs.field(factory=_empty_int)
    imp_to: IntArray = attrs.field(factory=_empty_int)
    imp_equiv: BoolArray = attrs.field(factory=_empty_bool)
    imp_exact: BoolArray = attrs.field(factory=_empty_bool)
    imp_partial: BoolArray = attrs.field(factory=_empty_bool)
    ovl_a: IntArray = attrs.field(factory=_empty_int)
    ovl_b: IntArray = attrs.field(factory=_empty_int)

    def __attrs_post_init__(self) -> None:
        if self.cand_spec is None:
            self.cand_spec = np.zeros(self.n_cands)
        if self.cand_open is None:
            self.cand_open = np.ones(self.n_cands, dtype=bool)

    @property
    def spec(self) -> FloatArray:
        """How many other candidates of its item each candidate strictly implies."""
        assert self.cand_spec is not None
        return self.cand_spec

    @property
    def open(self) -> BoolArray:
        """Which candidates may be the whole truth."""
        assert self.cand_open is not None
        return self.cand_open

    @property
    def n_cands(self) -> int:
        """How many candidates there are."""
        return len(self.cand_item)

    @property
    def n_sources(self) -> int:
        """How many sources there are."""
        return len(self.sources)

    @property
    def has_relations(self) -> bool:
        """True when some candidates imply or overlap others."""
        return len(self.imp_from) > 0 or len(self.ovl_a) > 0

    def class_size(self) -> FloatArray:
        """How many candidates each candidate is the same as, itself included (170 and 171
        min within tolerance are one value written two ways: 2 each)."""
        size = np.ones(self.n_cands)
        if len(self.imp_from):
            size += np.bincount(self.imp_from[self.imp_equiv], None, self.n_cands)
        out: FloatArray = size
        return out

    def distinct_values(self, mask: BoolArray) -> FloatArray:
        """Per item, how many distinct values its candidates in ``mask`` are, counting the
        candidates that are the same within tolerance as one."""
        out: FloatArray = np.bincount(
            self.cand_item[mask], 1.0 / self.class_size()[mask], self.n_items
        )
        return out

    def item_related(self) -> BoolArray:
        """True for the items in which some candidate implies or overlaps another."""
        out = np.zeros(self.n_items, dtype=bool)
        out[self.cand_item[self.imp_from]] = True
        out[self.cand_item[self.ovl_a]] = True
        return out

    def coarse(self) -> BoolArray:
        """True for the candidates that some other candidate of their item is strictly
        finer than (Italy, where Milan is claimed; 1995, where 1995-12-15 is)."""
        out = np.zeros(self.n_cands, dtype=bool)
        if len(self.imp_from):
            out[self.imp_to[~self.imp_equiv]] = True
        return out

    def assert_weight(self) -> FloatArray:
        """Each row's weight if it asserts or hedges, else 0."""
        return np.where(self.ev_deny, 0.0, self.ev_weight)

    def deny_weight(self) -> FloatArray:
        """Each row's weight if it denies, else 0."""
        return np.where(self.ev_deny, self.ev_weight, 0.0)

    def per_cand(self, per_row: FloatArray) -> FloatArray:
        """The sum of a per-row quantity over each candidate's rows."""
        return np.bincount(self.ev_cand, per_row, self.n_cands)

    def implied_sum(self, per_cand: FloatArray, mask: BoolArray | None = None) -> FloatArray:
        """For each candidate a: the sum of ``per_cand[b]`` over the candidates b that a
        implies (``mask`` picks some of the pairs)."""
        if not len(self.imp_from):
            return np.zeros(self.n_cands)
        frm, to = self.imp_from, self.imp_to
        if mask is not None:
            frm, to = frm[mask], to[mask]
        return np.bincount(frm, per_cand[to], self.n_cands)

    def implying_sum(self, per_cand: FloatArray, vague: bool = False) -> FloatArray:
        """For each candidate b: the sum of ``per_cand[a]`` over the candidates a that
        imply b (with ``vague``, only those that make b a right but vague answer: strictly
        finer, where b could have been the whole truth)."""
        if not len(self.imp_from):
            return np.zeros(self.n_cands)
        frm, to = self.imp_from, self.imp_to
        if vague:
            keep = ~self.imp_equiv & ~self.imp_exact
            frm, to = frm[keep], to[keep]
        return np.bincount(to, per_cand[frm], self.n_cands)

    def overlap_sum(self, per_cand: FloatArray) -> FloatArray:
        """For each candidate: the sum of ``per_cand`` over the candidates it overlaps."""
        if not len(self.ovl_a):
            return np.zeros(self.n_cands)
        return np.bincount(self.ovl_a, per_cand[self.ovl_b], self.n_cands)

    def compatible_sum(self, per_cand: FloatArray) -> FloatArray:
        """For each candidate: the sum of ``per_cand`` over the *other* candidates of its
        item that can be true with it (implied, implying or overlapping)."""
        out = self.overlap_sum(per_cand)
        if len(self.imp_from):
            one_way = ~self.imp_equiv
            out = out + np.bincount(self.imp_from, per_cand[self.imp_to], self.n_cands)
            # b ⇒ a without a ⇒ b: the pairs listed once, from the finer side
            out = out + np.bincount(
                self.imp_to[one_way], per_cand[self.imp_from[one_way]], self.n_cands
            )
        return out

    def item_sum(self, per_cand: FloatArray) -> FloatArray:
        """The sum of ``per_cand`` over each item's candidates."""
        return np.bincount(self.cand_item, per_cand, self.n_items)

    def no_rival(self) -> BoolArray:
        """True for the candidates that no other candidate of their item contradicts (and
        for every candidate of a many-valued item, where values are no alternatives)."""
        ones = np.ones(self.n_cands)
        size = self.item_sum(ones)[self.cand_item]
        rivals = size - 1.0 - self.compatible_sum(ones)
        out: BoolArray = (rivals < 0.5) | self.item_many[self.cand_item]
        return out
