"""What every policy decides on: candidate values, the evidence for them, how they relate.

Both paths build one :class:`Evidence`: the object path from claims compared with
:func:`filmlore.compare_claims`, the vectorised path from a :class:`~filmlore.ClaimTable`'s
integer codes.  An *item* is one question -- one (subject, property) -- and its *candidates*
are the distinct values claimed for it, stored item by item.  An evidence *row* is one
origin's word on one candidate (relayed copies of the same origin are merged before this
point, so a row is one independent voice); it asserts the value, hedges it or denies it.

Relations between candidates of one item, where known:

``implies`` (``imp_from`` → ``imp_to``, strength ``imp_w``)
    if the first is true the second is too: 1995-12-15 implies 1995, 170 min implies
    "nearly 3 hours", "Minneapolis, Minnesota, USA" implies "USA".  Numbers within a
    tolerance imply each other with a strength that falls with their distance.
    ``imp_exact`` marks the pairs where the coarser value can never be the whole truth
    (a year, when release dates are days; "nearly 3 hours", when a film runs some number
    of minutes): a claim of it is then full support for the finer value, where otherwise
    (a country, when a site may be known only by its country) it is a vague answer.
``agree`` (``agree_a``, ``agree_b``, both directions)
    the two can both be true (implied, overlapping, in different scopes, or unrelated):
    neither is an alternative to the other.  Candidates not listed here conflict.
"""

from __future__ import annotations

from typing import Any

import attrs

from filmlore.reconcile._xp import Backend

__all__ = ["HEDGE_WEIGHT", "Evidence", "SourceInfo"]

#: How much a hedged claim ("I read that…", "reportedly") counts against a plain assertion.
HEDGE_WEIGHT = 0.5


@attrs.frozen(slots=True)
class SourceInfo:
    """What policies may know about one source: its id, kind and stated reliability."""

    id: str
    kind: Any = None  # a SourceKind, or a free label on the vectorised path
    reliability: float | None = None


@attrs.define(slots=True, eq=False)
class Evidence:
    """Candidates, evidence rows and relations, as arrays of one backend."""

    xp: Backend
    n_items: int
    item_start: Any  # int array, n_items + 1 offsets into the candidates
    item_many: Any  # bool array: decide each candidate on its own
    cand_item: Any  # int array: the item of each candidate (non-decreasing)
    cand_order: Any  # int array: the fixed tie-break rank of each candidate in its item
    cand_spec: Any  # float array: how many candidates of its item it implies
    ev_cand: Any  # int array: each row's candidate
    ev_src: Any  # int array: each row's source
    ev_weight: Any  # float array: 1 for an assertion or denial, HEDGE_WEIGHT for a hedge
    ev_deny: Any  # bool array: the row denies its candidate
    sources: list[SourceInfo]
    imp_from: Any = None
    imp_to: Any = None
    imp_w: Any = None
    imp_exact: Any = None  # bool per implication pair
    agree_a: Any = None
    agree_b: Any = None

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
        """True when some candidates imply others."""
        return self.imp_from is not None and len(self.imp_from) > 0

    def assert_weight(self) -> Any:
        """Each row's weight if it asserts or hedges, else 0."""
        xp = self.xp
        return xp.where(self.ev_deny, 0.0, self.ev_weight)

    def deny_weight(self) -> Any:
        """Each row's weight if it denies, else 0."""
        return self.xp.where(self.ev_deny, self.ev_weight, 0.0)

    def implied_sum(self, per_cand: Any) -> Any:
        """For each candidate u: the sum over the candidates v that u implies of
        ``imp_w * per_cand[v]`` (0 without relations)."""
        xp = self.xp
        if not self.has_relations:
            return xp.full(self.n_cands, 0.0)
        return xp.bincount(self.imp_from, self.imp_w * per_cand[self.imp_to], self.n_cands)

    def implied_pairs(self, exact: Any, vague: Any) -> Any:
        """For each candidate u: the sum over the candidates v that u implies of
        ``imp_w`` times ``exact[v]`` where the pair is marked ``imp_exact``, else
        ``vague[v]`` (0 without relations)."""
        xp = self.xp
        if not self.has_relations:
            return xp.full(self.n_cands, 0.0)
        per_pair = exact[self.imp_to]
        if self.imp_exact is not None:
            per_pair = xp.where(self.imp_exact, per_pair, vague[self.imp_to])
        else:
            per_pair = vague[self.imp_to]
        return xp.bincount(self.imp_from, self.imp_w * per_pair, self.n_cands)

    def implying_sum(self, per_cand: Any) -> Any:
        """For each candidate v: the sum over the candidates u that imply v of
        ``imp_w * per_cand[u]`` (0 without relations)."""
        xp = self.xp
        if not self.has_relations:
            return xp.full(self.n_cands, 0.0)
        return xp.bincount(self.imp_to, self.imp_w * per_cand[self.imp_from], self.n_cands)

    def agreeing_sum(self, per_cand: Any) -> Any:
        """For each candidate: the sum of ``per_cand`` over the *other* candidates of its
        item that do not conflict with it."""
        xp = self.xp
        if self.agree_a is None or len(self.agree_a) == 0:
            return xp.full(self.n_cands, 0.0)
        return xp.bincount(self.agree_a, per_cand[self.agree_b], self.n_cands)

    def item_sum(self, per_cand: Any) -> Any:
        """The sum of ``per_cand`` over each item's candidates."""
        return self.xp.bincount(self.cand_item, per_cand, self.n_items)
