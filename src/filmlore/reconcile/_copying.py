"""Which sources copy each other, from how often they agree -- and only when the data shows it.

Two independent sources of accuracy ``a`` and ``b`` agree on a question when both are right,
or both are wrong the same way: with probability ``a·b + (1 - a)(1 - b)/n`` for a question
with ``n`` wrong values.  Over the questions they share, that gives the number of
*disagreements* to expect, ``E``.  Sources that copy each other disagree far less often than
that: a family of five mirrors of one feed never disagrees at all, right or wrong.

The dependence of a pair is ``1 - D⁺ / E``, where ``D⁺`` is a generous upper bound on the
disagreements seen (``D + z·√D + z²``): a pair that shares few questions, or whose sources
are so accurate that they would rarely disagree anyway, has a small ``E`` and so no
measurable dependence -- the detector backs off instead of guessing.  Only one-valued
questions are used, where a disagreement is a real one.
"""

from __future__ import annotations

import attrs
import numpy as np

from filmlore.reconcile._evidence import Evidence
from filmlore.reconcile._types import BoolArray, FloatArray, IntArray

__all__ = [
    "Dependence",
    "PairStats",
    "agreement_accuracy",
    "dependence",
    "independence",
    "merge_pair_stats",
    "pair_stats",
    "pairs_in_groups",
]

#: Rows of pairs enumerated at once (bounds the memory of :func:`dependence`).
_CHUNK = 4_000_000

#: Up to this many sources, pairs of sources are counted in square matrices.
_DENSE_SOURCES = 2048


@attrs.frozen(slots=True)
class Dependence:
    """Pairs of sources (``a < b``) that copy each other, and how much (0..1)."""

    a: IntArray
    b: IntArray
    d: FloatArray

    def __len__(self) -> int:
        return len(self.a)

    def merged(self, other: Dependence | None) -> Dependence:
        """The pairs of both, each with the larger of its dependences: once sources are
        seen to copy each other, a later round that trusts them more does not unsee it."""
        if other is None or not len(other):
            return self
        found: dict[tuple[int, int], float] = {}
        for dep in (self, other):
            for a, b, d in zip(dep.a.tolist(), dep.b.tolist(), dep.d.tolist(), strict=True):
                found[(a, b)] = max(found.get((a, b), 0.0), d)
        keys = sorted(found)
        return Dependence(
            a=np.asarray([k[0] for k in keys], dtype=np.int64),
            b=np.asarray([k[1] for k in keys], dtype=np.int64),
            d=np.asarray([found[k] for k in keys], dtype=float),
        )

    def matrix(self, n_sources: int) -> dict[tuple[int, int], float]:
        """``{(a, b): d}`` for every dependent pair."""
        return {
            (int(x), int(y)): float(z)
            for x, y, z in zip(self.a.tolist(), self.b.tolist(), self.d.tolist(), strict=True)
        }


def pairs_in_groups(keys: IntArray) -> tuple[IntArray, IntArray]:
    """All pairs (i, j), i before j in a stable sort, of positions with equal ``keys``."""
    if len(keys) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    sizes = np.diff(np.r_[starts, len(order)])
    pos = np.arange(len(order)) - np.repeat(starts, sizes)
    partners = np.repeat(sizes, sizes) - pos - 1
    total = int(partners.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    first = np.repeat(np.arange(len(order)), partners)
    offset = np.arange(total) - np.repeat(np.cumsum(partners) - partners, partners)
    return order[first], order[first + 1 + offset]


def _chunks(item_of_row: IntArray, limit: int) -> list[tuple[int, int]]:
    """Ranges of rows (sorted by item) whose within-item pairs number at most ``limit``
    (an item larger than that is a chunk of its own)."""
    n = len(item_of_row)
    if n == 0:
        return []
    starts = np.flatnonzero(np.r_[True, item_of_row[1:] != item_of_row[:-1]])
    sizes = np.diff(np.r_[starts, n])
    cost = np.cumsum(sizes * (sizes - 1) // 2)
    out: list[tuple[int, int]] = []
    lo_item = 0
    while lo_item < len(starts):
        base = cost[lo_item - 1] if lo_item else 0
        hi_item = int(np.searchsorted(cost, base + limit, side="right"))
        hi_item = max(hi_item, lo_item + 1)
        lo = int(starts[lo_item])
        hi = int(starts[hi_item]) if hi_item < len(starts) else n
        out.append((lo, hi))
        lo_item = hi_item
    return out


@attrs.frozen(slots=True)
class PairStats:
    """What each pair of sources (``a < b``) shares on one-valued questions.

    ``shared`` counts the questions both answer and ``agree`` those where they give the same
    value.  Against the *others'* word -- the value most of the other sources give, where
    any other source answers -- ``judged`` counts the shared questions the others speak to,
    ``wrong_a`` and ``wrong_b`` those where each of the two departs from the others, and
    ``wrong_same`` those where both depart *with the same value*; ``q_sum`` sums ``1 / n``
    over the judged questions (how often two wrong sources would agree by chance).
    """

    a: IntArray
    b: IntArray
    shared: FloatArray
    agree: FloatArray
    judged: FloatArray
    wrong_a: FloatArray
    wrong_b: FloatArray
    wrong_same: FloatArray
    q_sum: FloatArray
    n_sources: int

    def __len__(self) -> int:
        return len(self.a)


def _leading(ev: Evidence, rows: IntArray) -> tuple[IntArray, FloatArray]:
    """The three most-voted candidates of each item (-1 where there are fewer) and every
    candidate's votes, counting the given rows."""
    votes = np.bincount(ev.ev_cand[rows], None, ev.n_cands).astype(float)
    order = np.lexsort((ev.cand_order, -votes, ev.cand_item))
    place = np.empty(ev.n_cands, dtype=np.int64)
    place[order] = np.arange(ev.n_cands) - ev.item_start[ev.cand_item[order]]
    top = np.full((ev.n_items, 3), -1, dtype=np.int64)
    for k in range(3):
        at = np.flatnonzero(place == k)
        top[ev.cand_item[at], k] = at
    return top, votes


def _others_choice(
    top: IntArray, votes: FloatArray, ca: IntArray, cb: IntArray, item: IntArray
) -> tuple[IntArray, BoolArray]:
    """For each pair of rows (candidates ``ca``, ``cb`` of ``item``): the candidate most of
    the *other* rows give (of the item's three leaders, the first in their order on ties),
    and whether any other row speaks at all."""
    best = np.full(len(ca), -1, dtype=np.int64)
    best_votes = np.full(len(ca), 0.0)
    for k in range(3):
        cand = top[item, k]
        present = cand >= 0
        safe = np.where(present, cand, 0)
        v = np.where(present, votes[safe] - (safe == ca) - (safe == cb), -1.0)
        better = present & (v > best_votes)
        best = np.where(better, cand, best)
        best_votes = np.where(better, v, best_votes)
    return best, best_votes > 0


def pair_stats(ev: Evidence, false_values: FloatArray, truth: IntArray | None = None) -> PairStats:
    """The :class:`PairStats` of every pair of sources that share a one-valued question
    (assertions only), counted in chunks so that memory stays bounded.  With ``truth`` (a
    candidate per item, -1 for none), departures are judged against it instead of against
    the others' word."""
    S = ev.n_sources
    many = ev.item_many[ev.cand_item[ev.ev_cand]]
    rows = np.flatnonzero(~ev.ev_deny & ~many)
    top, votes = _leading(ev, rows)
    item = ev.cand_item[ev.ev_cand[rows]]
    order = np.argsort(item, kind="stable")
    rows, item = rows[order], item[order]
    inv_n = 1.0 / np.maximum(false_values, 1.0)
    parts: list[tuple[IntArray, list[FloatArray]]] = []
    dense = [np.zeros(S * S) for _ in range(7)] if S <= _DENSE_SOURCES else None
    for lo, hi in _chunks(item, _CHUNK):
        i, j = pairs_in_groups(item[lo:hi])
        ra, rb = rows[lo:hi][i], rows[lo:hi][j]
        sa, sb = ev.ev_src[ra], ev.ev_src[rb]
        keep = sa != sb
        if not keep.all():  # a source with two values for one question
            ra, rb, sa, sb = ra[keep], rb[keep], sa[keep], sb[keep]
        swap = sa > sb
        ra, rb = np.where(swap, rb, ra), np.where(swap, ra, rb)
        sa, sb = np.minimum(sa, sb), np.maximum(sa, sb)
        ca, cb = ev.ev_cand[ra], ev.ev_cand[rb]
        it = ev.cand_item[ca]
        if truth is None:
            choice, judged = _others_choice(top, votes, ca, cb, it)
        else:
            choice = truth[it]
            judged = choice >= 0
        wa = judged & (ca != choice)
        wb = judged & (cb != choice)
        key = sa.astype(np.int64) * S + sb
        columns = [
            np.ones(len(key)),
            (ca == cb).astype(float),
            judged.astype(float),
            wa.astype(float),
            wb.astype(float),
            (wa & wb & (ca == cb)).astype(float),
            np.where(judged, inv_n[it], 0.0),
        ]
        if dense is not None:  # few sources: count in place, no sort
            for k, c in enumerate(columns):
                dense[k] += np.bincount(key, c, S * S)
            continue
        uniq, inverse = np.unique(key, return_inverse=True)
        parts.append((uniq, [np.bincount(inverse, c, len(uniq)) for c in columns]))
    if dense is not None:
        present = np.flatnonzero(dense[0])
        parts.append((present, [d[present] for d in dense]))
    if not parts:
        empty_i = np.zeros(0, dtype=np.int64)
        empty_f = np.zeros(0)
        return PairStats(
            a=empty_i,
            b=empty_i,
            shared=empty_f,
            agree=empty_f,
            judged=empty_f,
            wrong_a=empty_f,
            wrong_b=empty_f,
            wrong_same=empty_f,
            q_sum=empty_f,
            n_sources=S,
        )
    keys = np.concatenate([x[0] for x in parts])
    uniq, inverse = np.unique(keys, return_inverse=True)
    totals = [
        np.bincount(inverse, np.concatenate([x[1][k] for x in parts]), len(uniq)) for k in range(7)
    ]
    shared, agree, judged, wrong_a, wrong_b, wrong_same, q_sum = totals
    return PairStats(
        a=uniq // S,
        b=uniq % S,
        shared=shared,
        agree=agree,
        judged=judged,
        wrong_a=wrong_a,
        wrong_b=wrong_b,
        wrong_same=wrong_same,
        q_sum=q_sum,
        n_sources=S,
    )


def merge_pair_stats(found: list[PairStats]) -> PairStats:
    """The :class:`PairStats` of evidence split into parts by question: each pair's counts
    summed over the parts (one part is returned as it is)."""
    if len(found) == 1:
        return found[0]
    S = found[0].n_sources
    keys = np.concatenate([f.a.astype(np.int64) * S + f.b for f in found])
    uniq, inverse = np.unique(keys, return_inverse=True)
    inverse = inverse.reshape(-1)

    def total(name: str) -> FloatArray:
        values = np.concatenate([getattr(f, name) for f in found])
        out: FloatArray = np.bincount(inverse, values, len(uniq))
        return out

    return PairStats(
        a=uniq // S,
        b=uniq % S,
        shared=total("shared"),
        agree=total("agree"),
        judged=total("judged"),
        wrong_a=total("wrong_a"),
        wrong_b=total("wrong_b"),
        wrong_same=total("wrong_same"),
        q_sum=total("q_sum"),
        n_sources=S,
    )


def agreement_accuracy(stats: PairStats, rounds: int = 50) -> FloatArray | None:
    """Each source's accuracy as its agreement with the others reveals it, without any
    belief about the truth: two independent sources of accuracies ``a`` and ``b`` agree
    with probability ``a·b + (1 - a)(1 - b)/n``, so the accuracies are fitted to the
    agreement rates by weighted least squares (the method of moments of Dawid and Skene's
    one-coin model), leaving out the pairs found to copy each other.  None when too few
    sources share questions."""
    S = stats.n_sources
    if S < 3 or len(stats) < 3:
        return None
    a, b = stats.a, stats.b
    w = stats.shared
    r = stats.agree / np.maximum(stats.shared, 1.0)
    q = stats.q_sum / np.maximum(stats.judged, 1.0)
    keep = _dependence_values(stats, 2.0) == 0
    acc = np.full(S, 0.7)
    ww = w * keep
    # source a's equation, with its partners' accuracies x fixed: over its pairs,
    # c = (1 + q)·x - q and y = r - q·(1 - x), so the sums of w·c·y and w·c² are
    # quadratics in x whose coefficients are summed once (as matrices when the sources
    # are few enough, each round then three matrix products)
    ends = np.concatenate([a, b]), np.concatenate([b, a])
    wq, qq, rr = np.tile(ww, 2), np.tile(q, 2), np.tile(r, 2)
    coef = [
        wq * (1 + qq) * qq,  # w·c·y: x²
        wq * ((1 + qq) * (rr - qq) - qq * qq),  # x
        -wq * qq * (rr - qq),  # 1
        wq * (1 + qq) ** 2,  # w·c²: x²
        -2 * wq * qq * (1 + qq),  # x
        wq * qq * qq,  # 1
    ]
    dense = S <= _DENSE_SOURCES
    if dense:
        mats = [np.zeros((S, S)) for _ in range(4)]
        for m, c in zip(mats, (coef[0], coef[1], coef[3], coef[4]), strict=True):
            m[ends] = c  # each pair once, and (a, b) never (b, a): no repeats
    const_num = np.bincount(ends[0], coef[2], S)
    const_den = np.bincount(ends[0], coef[5], S)
    for _ in range(rounds):  # alternating least squares; a few dozen rounds settle it
        if dense:
            num = mats[0] @ (acc * acc) + mats[1] @ acc + const_num
            den = mats[2] @ (acc * acc) + mats[3] @ acc + const_den
        else:
            x = acc[ends[1]]
            num = np.bincount(ends[0], (coef[0] * x + coef[1]) * x, S) + const_num
            den = np.bincount(ends[0], (coef[3] * x + coef[4]) * x, S) + const_den
        new = np.clip(np.where(den > 0, num / np.maximum(den, 1e-12), acc), 0.05, 0.999)
        if float(np.abs(new - acc).max()) < 1e-4:
            acc = new
            break
        acc = new
    seen = (np.bincount(a, ww, S) + np.bincount(b, ww, S)) > 0
    out: FloatArray = np.where(seen, acc, np.nan)
    return out


def dependence(stats: PairStats, z: float) -> Dependence | None:
    """The pairs of sources that copy each other, from the mistakes they share.

    Independent sources depart from the others' word on different questions, and when both
    do, they rarely depart with the same value: of ``wrong_a`` and ``wrong_b`` departures
    over ``judged`` questions, about ``wrong_a · wrong_b / judged · (1 / n)`` shared ones are
    expected by chance.  Copies share nearly all their departures.  The dependence is the
    share of the smaller side's departures that both make beyond chance, taken at a
    cautious bound (``wrong_same - z·√wrong_same``): a pair with few shared mistakes shows
    nothing, and none is reported.
    """
    if not len(stats):
        return None
    d = _dependence_values(stats, z)
    hit = d > 0
    if not hit.any():
        return None
    return Dependence(a=stats.a[hit], b=stats.b[hit], d=d[hit])


def _dependence_values(stats: PairStats, z: float) -> FloatArray:
    """The dependence of every pair of :class:`PairStats` (0 where none shows)."""
    judged = np.maximum(stats.judged, 1.0)
    q = stats.q_sum / judged
    chance = stats.wrong_a * stats.wrong_b / judged * q
    smaller = np.minimum(stats.wrong_a, stats.wrong_b)
    seen = stats.wrong_same
    bound = np.maximum(seen - z * np.sqrt(seen), 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.where(smaller > chance, (bound - chance) / (smaller - chance), 0.0)
    out: FloatArray = np.clip(d, 0.0, 1.0)
    return out


def _dependent_rows(ev: Evidence, dep: Dependence) -> list[tuple[IntArray, IntArray, FloatArray]]:
    """Pairs of rows that assert the same candidate from sources that copy each other,
    with their dependence, in chunks."""
    S = ev.n_sources
    involved = np.zeros(S, dtype=bool)
    involved[dep.a] = True
    involved[dep.b] = True
    rows = np.flatnonzero(~ev.ev_deny & involved[ev.ev_src])
    if len(rows) < 2:
        return []
    dep_keys = dep.a.astype(np.int64) * S + dep.b
    order = np.argsort(dep_keys)
    dep_keys, dep_vals = dep_keys[order], dep.d[order]
    cand = ev.ev_cand[rows]
    sort = np.argsort(cand, kind="stable")
    rows, cand = rows[sort], cand[sort]
    out = []
    for lo, hi in _chunks(cand, _CHUNK):
        i, j = pairs_in_groups(cand[lo:hi])
        ra, rb = rows[lo:hi][i], rows[lo:hi][j]
        sa, sb = ev.ev_src[ra], ev.ev_src[rb]
        key = np.minimum(sa, sb).astype(np.int64) * S + np.maximum(sa, sb)
        at = np.minimum(np.searchsorted(dep_keys, key), len(dep_keys) - 1)
        hit = dep_keys[at] == key
        if hit.any():
            out.append((ra[hit], rb[hit], dep_vals[at[hit]]))
    return out


def independence(ev: Evidence, dep: Dependence | None, trust: FloatArray) -> FloatArray:
    """Each row's weight as an independent voice: 1, times ``1 - d`` for every source it
    depends on that backs the same candidate and comes earlier (the more trusted first,
    then by code) -- Dong, Berti-Equille and Srivastava's vote discount, so that a family of
    copies counts about once.

    The discount applies where copying shows: to a value that *only* the family gives.
    Where a source outside the family gives the same value too, sharing it is no sign of
    copying -- independent sources share the truth -- and the family's claims count in
    full, so that detecting copies never turns a corroborated value into a lone one.
    """
    n = len(ev.ev_cand)
    if dep is None or not len(dep):
        return np.ones(n)
    logs = np.zeros(n)
    kin = np.zeros(n)  # rows on the same candidate from sources this row's source copies
    for ra, rb, d in _dependent_rows(ev, dep):
        sa, sb = ev.ev_src[ra], ev.ev_src[rb]
        ta, tb = trust[sa], trust[sb]
        a_first = (ta > tb) | ((ta == tb) & (sa < sb))
        later = np.where(a_first, rb, ra)
        logs += np.bincount(later, np.log(np.maximum(1.0 - d, 1e-12)), n)
        kin += np.bincount(ra, None, n) + np.bincount(rb, None, n)
    asserting = (~ev.ev_deny).astype(float)
    backers = np.bincount(ev.ev_cand, asserting, ev.n_cands)[ev.ev_cand] - asserting
    outside = backers - kin > 0.5
    out: FloatArray = np.where(outside, 1.0, np.exp(logs))
    return out
