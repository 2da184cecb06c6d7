"""From evidence to decisions, the same way for every policy.

A policy returns an :class:`Outcome`: how strongly it prefers each candidate (its
*support*), the belief in each (how probable it is that it holds), and what it learned of
the sources.  :func:`decide` then picks, the same way for every policy:

* in a one-valued question, the *open* candidate (one that may be the whole truth) it
  prefers most -- ties going to the more specific candidate, then to the one with more
  voices of its own, then to the fixed order of the candidates -- provided some source
  asserts something consistent with it;
* in a many-valued question, every candidate that holds with probability one half or
  more and that some source asserts (itself, or a finer value that implies it).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import numpy as np

from filmlore.reconcile._copying import Dependence
from filmlore.reconcile._evidence import Evidence
from filmlore.reconcile._truth import Belief
from filmlore.reconcile._types import BoolArray, FloatArray, IntArray

__all__ = [
    "Decisions",
    "Outcome",
    "consistent_votes",
    "decide",
    "decide_parts",
    "rank_candidates",
]


@attrs.frozen(slots=True)
class Outcome:
    """What a policy says about each candidate (arrays over candidates and sources).

    ``support`` is the policy's own measure (consistent votes, or the log-odds of truth
    discovery) and orders the candidates of an item; ``belief`` holds the probabilities;
    ``trust`` is what the policy learned of each source, or None (then each source's share
    of claims that agree with the facts is reported).
    """

    support: FloatArray
    belief: Belief
    trust: FloatArray | None = None
    dependence: Dependence | None = None
    iterations: int = 0

    @property
    def prob(self) -> FloatArray:
        """The probability that each candidate holds: the confidence of a fact of it."""
        return self.belief.holds


@attrs.frozen(slots=True)
class Decisions:
    """Which candidates became facts, each candidate's place in its item, and how far each
    source agrees with the facts."""

    chosen: BoolArray  # a fact's value (one-valued: the winner; many-valued: accepted)
    rank: IntArray  # the order of preference inside each item, 0 first
    trust: FloatArray


def consistent_votes(ev: Evidence, weight: FloatArray) -> tuple[FloatArray, FloatArray]:
    """For each candidate: the weight of the assertions consistent with it being the
    truth (its own, and those of values it implies or overlaps), and of its own alone."""
    own = ev.per_cand(ev.assert_weight() * weight)
    consistent = own + ev.implied_sum(own) + ev.overlap_sum(own)
    return consistent, own


def rank_candidates(ev: Evidence, keys: list[tuple[FloatArray, bool]]) -> IntArray:
    """Each candidate's place in its item when sorted by ``keys`` (arrays over candidates,
    most significant first, each with True for descending), then by the fixed order."""
    columns = [ev.cand_order] + [(-k if desc else k) for k, desc in reversed(keys)]
    columns.append(ev.cand_item)
    order = np.lexsort(tuple(columns))
    rank = np.empty(ev.n_cands, dtype=np.int64)
    rank[order] = np.arange(ev.n_cands, dtype=np.int64) - ev.item_start[ev.cand_item[order]]
    return rank


def _choose(ev: Evidence, outcome: Outcome) -> tuple[BoolArray, IntArray]:
    """The candidates an outcome makes facts of, and each candidate's place in its item."""
    aw = ev.assert_weight()
    own_votes = ev.per_cand(aw)
    asserted_near = own_votes + ev.implying_sum(own_votes) + ev.implied_sum(own_votes)
    asserted_near = asserted_near + ev.overlap_sum(own_votes)
    many_c = ev.item_many[ev.cand_item]
    eligible = ev.open & (asserted_near > 0) & ~many_c
    rank = rank_candidates(
        ev,
        [
            (eligible.astype(float), True),
            (outcome.support, True),
            (ev.spec, True),
            (own_votes, True),
        ],
    )
    winner = (rank == 0) & eligible
    implied_by_asserted = own_votes + ev.implying_sum(own_votes)
    accepted = (outcome.prob >= 0.5 - 1e-12) & (implied_by_asserted > 0) & many_c
    return winner | accepted, rank


def decide_parts(parts: Sequence[Evidence], outcomes: Sequence[Outcome]) -> list[Decisions]:
    """The facts the outcomes of evidence split by question lead to (see the module
    docstring), and each source's trust -- what the policy learned, else the share of its
    claims, over every part, that agree with the facts."""
    chosen_rank = [_choose(ev, o) for ev, o in zip(parts, outcomes, strict=True)]
    learned = outcomes[0].trust if outcomes else None
    if learned is not None:
        trust = learned
    else:
        S = parts[0].n_sources if parts else 0
        hits, count = np.zeros(S), np.zeros(S)
        for ev, (chosen, _) in zip(parts, chosen_rank, strict=True):
            chosen_f = chosen.astype(float)
            holds = chosen_f + ev.implying_sum(chosen_f) > 0
            right = np.where(ev.ev_deny, ~holds[ev.ev_cand], holds[ev.ev_cand])
            hits = hits + np.bincount(ev.ev_src, ev.ev_weight * right, S)
            count = count + np.bincount(ev.ev_src, ev.ev_weight, S)
        trust = np.where(count > 0, hits / np.maximum(count, 1e-300), 0.0)
    return [Decisions(chosen=c, rank=r, trust=trust) for c, r in chosen_rank]


def decide(ev: Evidence, outcome: Outcome) -> Decisions:
    """The facts an outcome leads to (see the module docstring), and each source's trust."""
    return decide_parts([ev], [outcome])[0]
