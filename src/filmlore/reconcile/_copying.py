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
from filmlore.reconcile._types import FloatArray, IntArray

__all__ = [
    "Dependence",
    "PairStats",
    "agreement_accuracy",
    "dependence",
    "independence",
    "pair_stats",
    "pairs_in_groups",
]

#: Rows of pairs enumerated at once (bounds the memory of :func:`dependence`).
_CHUNK = 4_000_000


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
    """How often each pair of sources (``a < b``) speaks to the same one-valued question
    (``shared``), gives the same value there (``agree``), and the sum over those questions
    of ``1 / n`` (``q_sum``: how often two wrong sources would agree by chance)."""

    a: IntArray
    b: IntArray
    shared: FloatArray
    agree: FloatArray
    q_sum: FloatArray
    n_sources: int

    def __len__(self) -> int:
        return len(self.a)


def pair_stats(ev: Evidence, false_values: FloatArray) -> PairStats:
    """The :class:`PairStats` of every pair of sources that share a one-valued question
    (assertions only), counted in chunks so that memory stays bounded."""
    S = ev.n_sources
    many = ev.item_many[ev.cand_item[ev.ev_cand]]
    rows = np.flatnonzero(~ev.ev_deny & ~many)
    item = ev.cand_item[ev.ev_cand[rows]]
    order = np.argsort(item, kind="stable")
    rows, item = rows[order], item[order]
    inv_n = 1.0 / np.maximum(false_values, 1.0)
    parts: list[tuple[IntArray, FloatArray, FloatArray, FloatArray]] = []
    for lo, hi in _chunks(item, _CHUNK):
        i, j = pairs_in_groups(item[lo:hi])
        ra, rb = rows[lo:hi][i], rows[lo:hi][j]
        sa, sb = ev.ev_src[ra], ev.ev_src[rb]
        keep = sa != sb
        ra, rb, sa, sb = ra[keep], rb[keep], sa[keep], sb[keep]
        key = np.minimum(sa, sb).astype(np.int64) * S + np.maximum(sa, sb)
        same = (ev.ev_cand[ra] == ev.ev_cand[rb]).astype(float)
        uniq, inverse = np.unique(key, return_inverse=True)
        parts.append(
            (
                uniq,
                np.bincount(inverse, None, len(uniq)).astype(float),
                np.bincount(inverse, same, len(uniq)),
                np.bincount(inverse, inv_n[ev.cand_item[ev.ev_cand[ra]]], len(uniq)),
            )
        )
    if not parts:
        empty_i = np.zeros(0, dtype=np.int64)
        empty_f = np.zeros(0)
        return PairStats(empty_i, empty_i, empty_f, empty_f, empty_f, S)
    keys = np.concatenate([x[0] for x in parts])
    uniq, inverse = np.unique(keys, return_inverse=True)
    def total(k: int) -> FloatArray:
        out: FloatArray = np.bincount(inverse, np.concatenate([x[k] for x in parts]), len(uniq))
        return out
    return PairStats(
        a=uniq // S, b=uniq % S, shared=total(1), agree=total(2), q_sum=total(3), n_sources=S
    )


def agreement_accuracy(stats: PairStats, rounds: int = 50) -> FloatArray | None:
    """Each source's accuracy as its agreement with the others reveals it, without any
    belief about the truth: two independent sources of accuracies ``a`` and ``b`` agree
    with probability ``a·b + (1 - a)(1 - b)/n``, so the accuracies are fitted to the
    agreement rates by weighted least squares (the method of moments of Dawid and Skene's
    one-coin model).  Pairs that agree far beyond the fit -- copies -- are left out of it,
    so a family of mirrors cannot vouch for itself.  None when too few sources share
    questions."""
    S = stats.n_sources
    if S < 3 or len(stats) < 3:
        return None
    a, b = stats.a, stats.b
    w = stats.shared
    r = stats.agree / np.maximum(stats.shared, 1.0)
    q = stats.q_sum / np.maximum(stats.shared, 1.0)
    acc = np.full(S, 0.7)
    keep = np.ones(len(a), dtype=bool)
    for _ in range(rounds):
        for _ in range(3):
            ca, ya = acc[b] * (1 + q) - q, r - q * (1 - acc[b])
            cb, yb = acc[a] * (1 + q) - q, r - q * (1 - acc[a])
            ww = w * keep
            num = np.bincount(a, ww * ca * ya, S) + np.bincount(b, ww * cb * yb, S)
            den = np.bincount(a, ww * ca * ca, S) + np.bincount(b, ww * cb * cb, S)
            acc = np.clip(np.where(den > 0, num / np.maximum(den, 1e-12), acc), 0.05, 0.999)
        fitted = acc[a] * acc[b] + (1 - acc[a]) * (1 - acc[b]) * q
        residual = (r - fitted) * np.sqrt(w)
        scale = float(np.median(np.abs(residual))) * 1.4826 + 1e-9
        new_keep = residual < 3.0 * scale
        if (new_keep == keep).all():
            break
        keep = new_keep
    seen = (np.bincount(a, w * keep, S) + np.bincount(b, w * keep, S)) > 0
    out: FloatArray = np.where(seen, acc, np.nan)
    return out


def dependence(stats: PairStats, accuracy: FloatArray, z: float) -> Dependence | None:
    """The dependent pairs of sources, from their agreement on one-valued questions beyond
    what their ``accuracy`` explains (see the module docstring); None when there are none.

    ``z`` is how many standard deviations of caution the bound on the disagreements takes.
    """
    if not len(stats):
        return None
    a, b = stats.a, stats.b
    acc = np.clip(accuracy, 0.01, 0.99)
    n = stats.shared
    both_right = acc[a] * acc[b]
    both_wrong = (1.0 - acc[a]) * (1.0 - acc[b])
    expected = n - (both_right * n + both_wrong * stats.q_sum)
    seen = n - stats.agree
    bound = seen + z * np.sqrt(seen) + z * z
    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.where(expected > 0, 1.0 - bound / expected, 0.0)
    d = np.clip(d, 0.0, 1.0)
    hit = d > 0
    if not hit.any():
        return None
    return Dependence(a=a[hit], b=b[hit], d=d[hit])


def independence(ev: Evidence, dep: Dependence | None, trust: FloatArray) -> FloatArray:
    """Each row's weight as an independent voice: 1, times ``1 - d`` for every source it
    depends on that backs the same candidate and comes earlier (the more trusted first,
    then by code) -- Dong, Berti-Equille and Srivastava's vote discount, so that a family of
    copies counts about once."""
    if dep is None or not len(dep):
        return np.ones(len(ev.ev_cand))
    S = ev.n_sources
    involved = np.zeros(S, dtype=bool)
    involved[dep.a] = True
    involved[dep.b] = True
    rows = np.flatnonzero(~ev.ev_deny & involved[ev.ev_src])
    if len(rows) < 2:
        return np.ones(len(ev.ev_cand))
    dep_keys = dep.a.astype(np.int64) * S + dep.b
    order = np.argsort(dep_keys)
    dep_keys, dep_vals = dep_keys[order], dep.d[order]
    logs = np.zeros(len(ev.ev_cand))
    cand = ev.ev_cand[rows]
    sort = np.argsort(cand, kind="stable")
    rows, cand = rows[sort], cand[sort]
    for lo, hi in _chunks(cand, _CHUNK):
        i, j = pairs_in_groups(cand[lo:hi])
        ra, rb = rows[lo:hi][i], rows[lo:hi][j]
        sa, sb = ev.ev_src[ra], ev.ev_src[rb]
        key = np.minimum(sa, sb).astype(np.int64) * S + np.maximum(sa, sb)
        at = np.minimum(np.searchsorted(dep_keys, key), len(dep_keys) - 1)
        hit = dep_keys[at] == key
        if not hit.any():
            continue
        ra, rb, sa, sb, d = ra[hit], rb[hit], sa[hit], sb[hit], dep_vals[at[hit]]
        ta, tb = trust[sa], trust[sb]
        a_first = (ta > tb) | ((ta == tb) & (sa < sb))
        later = np.where(a_first, rb, ra)
        logs += np.bincount(later, np.log(np.maximum(1.0 - d, 1e-12)), len(ev.ev_cand))
    out: FloatArray = np.exp(logs)
    return out
