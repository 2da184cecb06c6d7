"""The decision procedures behind the policies, written once for both array backends.

Every procedure takes an :class:`~filmlore.reconcile._evidence.Evidence` and returns an
:class:`Outcome`: a score and a probability for each candidate, and the candidates' order
of preference inside their item.  What is then *decided* is the same for every policy
(:func:`decide`): in a single-valued item the first candidate in that order wins; in a
many-valued item every candidate whose probability reaches one half is accepted.
"""

from __future__ import annotations

from typing import Any

import attrs

from filmlore.reconcile._evidence import Evidence

__all__ = [
    "Decisions",
    "Outcome",
    "TDParams",
    "decide",
    "false_values",
    "most_specific",
    "rank_candidates",
    "truth_discovery",
    "vote",
]


@attrs.frozen(slots=True)
class Outcome:
    """What a policy says about each candidate (arrays over candidates and sources).

    The order of preference inside each item is given by ``keys`` (arrays over candidates,
    most significant first, each with True for descending; the fixed order breaks what
    ties remain) or, when a policy reorders candidates itself, by ``rank`` directly.
    """

    score: Any  # the policy's own measure: votes, weight, log-odds
    prob: Any  # the probability the candidate holds, over the claimed alternatives
    keys: tuple[tuple[Any, bool], ...] = ()
    rank: Any = None  # preference inside its item, 0 first (computed from keys when None)
    trust: Any | None = None  # learned source trust, or None (then taken from the decisions)
    iterations: int = 0

    def ranking(self, ev: Evidence) -> Any:
        """Each candidate's place in its item, 0 first."""
        if self.rank is not None:
            return self.rank
        return rank_candidates(ev, list(self.keys))

    def firsts(self, ev: Evidence) -> Any:
        """True for the first candidate of each item (without sorting when one key
        orders them: the largest, and of equals the first in the fixed order)."""
        xp = ev.xp
        if self.rank is not None or len(self.keys) != 1 or not xp.is_numpy or ev.n_items == 0:
            return self.ranking(ev) == 0
        np = xp.np
        key, descending = self.keys[0]
        key = key if descending else -key
        top = np.maximum.reduceat(key, ev.item_start[:-1])[ev.cand_item]
        at_top = np.flatnonzero(key == top)
        first = np.ones(len(at_top), dtype=bool)
        first[1:] = ev.cand_item[at_top][1:] != ev.cand_item[at_top][:-1]
        out = np.zeros(ev.n_cands, dtype=bool)
        out[at_top[first]] = True
        return out


@attrs.frozen(slots=True)
class Decisions:
    """Which candidates became facts, and how far each source agrees with them."""

    chosen: Any  # bool per candidate: a fact's value (single: the winner; many: accepted)
    consistent: Any  # bool per candidate: can be true together with the facts of its item
    trust: Any  # float per source


# --- ordering ---------------------------------------------------------------------------


def rank_candidates(ev: Evidence, keys: list[tuple[Any, bool]]) -> Any:
    """Each candidate's place in its item when sorted by ``keys`` (arrays over candidates,
    most significant first, each with True for descending), then by the fixed order."""
    xp = ev.xp
    if xp.is_numpy:
        np = xp.np
        columns = [ev.cand_order] + [(-k if desc else k) for k, desc in reversed(keys)]
        columns.append(ev.cand_item)
        order = np.lexsort(tuple(columns))
        rank = np.empty(ev.n_cands, dtype=np.int64)
        rank[order] = np.arange(ev.n_cands, dtype=np.int64) - ev.item_start[ev.cand_item[order]]
        return rank
    lists = [(xp.tolist(k), desc) for k, desc in keys]
    items = xp.tolist(ev.cand_item)
    orders = xp.tolist(ev.cand_order)
    starts = xp.tolist(ev.item_start)

    def sort_key(i: int) -> tuple[Any, ...]:
        return (
            items[i],
            *[(-vals[i] if desc else vals[i]) for vals, desc in lists],
            orders[i],
        )

    out = [0] * ev.n_cands
    for pos, i in enumerate(sorted(range(ev.n_cands), key=sort_key)):
        out[i] = pos - starts[items[i]]
    return xp.asarray(out, int)


def _no_rival(ev: Evidence) -> Any:
    """True for the candidates that no other candidate of their item contradicts (and for
    every candidate of a many-valued item, where values are no alternatives)."""
    xp = ev.xp
    ones = xp.full(ev.n_cands, 1.0)
    size = ev.item_sum(ones)[ev.cand_item]
    rivals = size - 1.0 - ev.agreeing_sum(ones)
    return (rivals < 0.5) | ev.item_many[ev.cand_item]


# --- votes --------------------------------------------------------------------------------


def vote(ev: Evidence, source_weight: Any) -> Outcome:
    """Each candidate's votes: the weights of the sources asserting it (hedges count
    :data:`~filmlore.reconcile._evidence.HEDGE_WEIGHT`); the most votes win.

    The probability of a candidate is the share of the votes cast in its item that are
    for it or for a value compatible with it, less what denials take away.
    """
    xp = ev.xp
    w = source_weight[ev.ev_src]
    votes = xp.bincount(ev.ev_cand, ev.assert_weight() * w, ev.n_cands)
    denials = xp.bincount(ev.ev_cand, ev.deny_weight() * w, ev.n_cands)
    denied = denials + ev.implied_sum(denials)
    agreeing = votes + ev.agreeing_sum(votes)
    total = ev.item_sum(votes)[ev.cand_item]
    alone = _no_rival(ev)
    against = xp.where(alone, 0.0, xp.maximum(total - agreeing, 0.0))
    whole = agreeing + against + denied
    prob = xp.where(whole > 0, agreeing / xp.maximum(whole, 1e-300), 0.0)
    keys = [(votes, True), (ev.cand_spec, True)] if ev.has_relations else [(votes, True)]
    return Outcome(score=votes, prob=prob, keys=tuple(keys))


def most_specific(ev: Evidence, base: Outcome) -> Outcome:
    """``base``'s order, except that in each single-valued item the winner gives way to the
    most precise candidate that implies it and that no other candidate implying the winner
    contradicts (1995-12-15 over 1995, unless 1995-12-16 is claimed too)."""
    xp = ev.xp
    if not ev.has_relations:
        return base
    rank = xp.tolist(base.ranking(ev))
    starts = xp.tolist(ev.item_start)
    many = xp.tolist(ev.item_many)
    spec = xp.tolist(ev.cand_spec)
    score = xp.tolist(base.score)
    implies: dict[int, set[int]] = {}
    for a, b in zip(xp.tolist(ev.imp_from), xp.tolist(ev.imp_to), strict=True):
        implies.setdefault(a, set()).add(b)
    agree: dict[int, set[int]] = {}
    if ev.agree_a is not None:
        for a, b in zip(xp.tolist(ev.agree_a), xp.tolist(ev.agree_b), strict=True):
            agree.setdefault(a, set()).add(b)
    new_rank = list(rank)
    for item in range(ev.n_items):
        lo, hi = starts[item], starts[item + 1]
        if many[item] or hi - lo < 2:
            continue
        cands = range(lo, hi)
        winner = min(cands, key=lambda c: rank[c])
        finer = [c for c in cands if winner in implies.get(c, ()) and score[c] > 0]
        fine = [c for c in finer if all(o == c or o in agree.get(c, ()) for o in finer)]
        if not fine:
            continue
        best = max(fine, key=lambda c: (spec[c], -rank[c]))
        old = rank[best]
        for c in cands:  # move `best` to the front, keep the others' order
            if rank[c] < old:
                new_rank[c] = rank[c] + 1
        new_rank[best] = 0
    return attrs.evolve(base, rank=xp.asarray(new_rank, int))


# --- truth discovery ------------------------------------------------------------------------


@attrs.frozen(slots=True)
class TDParams:
    """The fixed hyperparameters of :func:`truth_discovery` (see :class:`TruthDiscovery`)."""

    false_values: float | None = None  # None: estimated per question
    min_false_values: float = 2.0
    prior_accuracy: float = 0.8
    prior_weight: float = 20.0
    kind_weight: float = 2.0
    generalise_prior: float = 0.3
    generalise_weight: float = 10.0
    specific_at: float = 0.7
    copy_threshold: float = 0.8
    copy_shrink: float = 10.0
    max_iterations: int = 30
    tolerance: float = 1e-6
    detect_copying: bool = True


def _source_priors(ev: Evidence, p: TDParams) -> tuple[Any, Any, int]:
    """Per source: its stated reliability or -1; its kind code; the number of kinds."""
    xp = ev.xp
    kinds: dict[Any, int] = {}
    codes = []
    stated = []
    for s in ev.sources:
        if s.kind is None:
            codes.append(0)
        else:
            codes.append(kinds.setdefault(s.kind, len(kinds) + 1))
        r = s.reliability
        stated.append(-1.0 if r is None else min(max(float(r), 0.01), 0.99))
    return xp.asarray(stated, float), xp.asarray(codes, int), len(kinds) + 1


def _pairs_in_groups(xp: Any, keys: list[int]) -> tuple[list[int], list[int]]:
    """All pairs (i, j), i < j, of positions with equal ``keys`` (pure-Python backend)."""
    groups: dict[int, list[int]] = {}
    for i, k in enumerate(keys):
        groups.setdefault(k, []).append(i)
    left: list[int] = []
    right: list[int] = []
    for members in groups.values():
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                left.append(members[a])
                right.append(members[b])
    return left, right


def _np_pairs_in_groups(np: Any, keys: Any) -> tuple[Any, Any]:
    """All pairs (i, j) of positions with equal ``keys`` (numpy)."""
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    if len(order) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
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


def _copy_pairs(ev: Evidence, p: TDParams) -> tuple[Any, Any, Any] | None:
    """Rows of dependent sources that back the same candidate, and how dependent.

    Two sources are taken to copy each other when, whenever either of them sides with a
    minority value (fewer than half of its item's voices), the other nearly always sides
    with the same value: ``rate = together / (min(minority_a, minority_b) + copy_shrink)``,
    and the dependence ``clip((rate - copy_threshold) / (1 - copy_threshold), 0, 1)``.
    Independent sources share a minority value only when both happen to be right against
    a crowd (or wrong the same way), which is rare; copies share every one.  Returns the
    pairs of rows (same candidate, dependent sources) and their dependence, or None.
    """
    xp = ev.xp
    if not p.detect_copying or ev.n_sources < 2:
        return None
    aw = ev.assert_weight()
    asserting = aw > 0
    voices = xp.bincount(ev.ev_cand, asserting.astype(float), ev.n_cands)
    item_voices = ev.item_sum(voices)
    minority = (voices * 2.0 < item_voices[ev.cand_item]) & (voices >= 2.0)
    row_minor = minority[ev.ev_cand] & asserting
    S = ev.n_sources
    if xp.is_numpy:
        np = xp.np
        rows = np.flatnonzero(row_minor)
        if len(rows) == 0:
            return None
        a, b = _np_pairs_in_groups(np, ev.ev_cand[rows])
        if len(a) == 0:
            return None
        sa, sb = ev.ev_src[rows[a]], ev.ev_src[rows[b]]
        lo, hi = np.minimum(sa, sb), np.maximum(sa, sb)
        keep = lo != hi
        pair = lo[keep].astype(np.int64) * S + hi[keep]
        cells = S * S
        if cells <= max(4 * len(pair), 1 << 22):  # few sources: count in place, no sort
            counts = np.bincount(pair, minlength=cells)
            uniq = np.flatnonzero(counts)
            together = counts[uniq]
        else:
            uniq, together = np.unique(pair, return_counts=True)
        per_source = np.bincount(ev.ev_src[rows], minlength=S)
        u_lo, u_hi = uniq // S, uniq % S
        rate = together / (np.minimum(per_source[u_lo], per_source[u_hi]) + p.copy_shrink)
        dep = np.clip((rate - p.copy_threshold) / (1 - p.copy_threshold), 0.0, 1.0)
        dependent = dep > 0
        if not dependent.any():
            return None
        dep_keys, dep_vals = uniq[dependent], dep[dependent]
        involved = np.zeros(S, dtype=bool)
        involved[u_lo[dependent]] = True
        involved[u_hi[dependent]] = True
        cand_rows = np.flatnonzero(asserting & involved[ev.ev_src])
        a, b = _np_pairs_in_groups(np, ev.ev_cand[cand_rows])
        ra, rb = cand_rows[a], cand_rows[b]
        sa, sb = ev.ev_src[ra], ev.ev_src[rb]
        key = np.minimum(sa, sb).astype(np.int64) * S + np.maximum(sa, sb)
        at = np.searchsorted(dep_keys, key)
        at = np.minimum(at, len(dep_keys) - 1)
        hit = dep_keys[at] == key
        if not hit.any():
            return None
        return ra[hit], rb[hit], dep_vals[at[hit]]
    # pure Python: small inputs
    cand = xp.tolist(ev.ev_cand)
    src = xp.tolist(ev.ev_src)
    minor_rows = [i for i, m in enumerate(xp.tolist(row_minor)) if m]
    per: dict[int, int] = {}
    for i in minor_rows:
        per[src[i]] = per.get(src[i], 0) + 1
    left, right = _pairs_in_groups(xp, [cand[i] for i in minor_rows])
    pair_count: dict[tuple[int, int], int] = {}
    for i, j in zip(left, right, strict=True):
        s, t = sorted((src[minor_rows[i]], src[minor_rows[j]]))
        if s != t:
            pair_count[(s, t)] = pair_count.get((s, t), 0) + 1
    deps: dict[tuple[int, int], float] = {}
    for (s, t), n in pair_count.items():
        rate = n / (min(per[s], per[t]) + p.copy_shrink)
        d = min(1.0, max(0.0, (rate - p.copy_threshold) / (1 - p.copy_threshold)))
        if d > 0:
            deps[(s, t)] = d
    if not deps:
        return None
    rows = [i for i, w in enumerate(xp.tolist(aw)) if w > 0]
    left, right = _pairs_in_groups(xp, [cand[i] for i in rows])
    out_a, out_b, out_d = [], [], []
    for i, j in zip(left, right, strict=True):
        ra, rb = rows[i], rows[j]
        key2 = (min(src[ra], src[rb]), max(src[ra], src[rb]))
        if key2 in deps:
            out_a.append(ra)
            out_b.append(rb)
            out_d.append(deps[key2])
    if not out_a:
        return None
    return xp.asarray(out_a, int), xp.asarray(out_b, int), xp.asarray(out_d, float)


def _independence(ev: Evidence, pairs: tuple[Any, Any, Any] | None, trust: Any) -> Any:
    """Each row's weight as an independent voice: 1, times ``1 - dependence`` for every
    dependent source that backs the same candidate and comes earlier (more trusted first,
    then by source code) -- Dong, Berti-Equille and Srivastava's vote discount."""
    xp = ev.xp
    if pairs is None:
        return xp.full(len(ev.ev_cand), 1.0)
    ra, rb, dep = pairs
    sa, sb = ev.ev_src[ra], ev.ev_src[rb]
    ta, tb = trust[sa], trust[sb]
    a_first = (ta > tb) | ((ta == tb) & (sa < sb))
    later = xp.where(a_first, rb, ra)
    logs = xp.bincount(later, xp.log(xp.maximum(1.0 - dep, 1e-12)), len(ev.ev_cand))
    return xp.exp(logs)


def _source_order(xp: Any, trust: Any) -> list[int]:
    """Sources from the most to the least trusted (ties by code)."""
    values = xp.tolist(trust)
    return sorted(range(len(values)), key=lambda i: (-values[i], i))


def _softmax(ev: Evidence, score: Any, unseen: Any) -> Any:
    """Per item, ``exp(score)`` over its sum plus ``unseen`` values at score 0.

    Each item is shifted by its largest score (at least 0) so that nothing overflows --
    unless every score is small enough for ``exp`` as it is, when the shift (a pass over
    all items) is left out: the result is the same.
    """
    xp = ev.xp
    if ev.n_cands and -500.0 < float(score.min()) <= float(score.max()) < 500.0:
        e = xp.exp(score)
        return e / (ev.item_sum(e) + unseen)[ev.cand_item]
    top = xp.maximum(xp.segment_max(score, ev.item_start, ev.n_items), 0.0)
    e = xp.exp(score - top[ev.cand_item])
    z = ev.item_sum(e) + unseen * xp.exp(-top)
    return e / z[ev.cand_item]


def false_values(ev: Evidence, p: TDParams) -> Any:
    """*n* for each item: the number of wrong values it can take.

    Fixed when ``p.false_values`` is set; otherwise estimated from the item itself as the
    number of *other* values claimed for it (``k - 1`` with ``k`` candidates), at least
    ``p.min_false_values``.  In the ACCU model *n* belongs to an item's domain: a wrong
    source picks one of its *n* wrong values, so a claim is worth ``ln n`` more the more
    ways there are to be wrong.  One of the ``k`` values is (nearly always) true and the
    others are the wrong values the sources actually came up with; the floor keeps a
    question with two claimed values from being read as a strict either-or, since a
    wrong source could have said something else again.
    """
    xp = ev.xp
    if p.false_values is not None:
        return xp.full(ev.n_items, float(p.false_values))
    k = xp.bincount(ev.cand_item, None, ev.n_items)
    return xp.maximum(k - 1.0, p.min_false_values)


def truth_discovery(ev: Evidence, p: TDParams) -> Outcome:
    """ACCU-style truth discovery with source kinds, copy detection and implied values.

    Each round:

    1. A claim of a source of accuracy ``A`` about an item with ``n`` wrong values
       (:func:`false_values`) gives the vote ``ln(n A / (1 - A))``, times its independence
       (:func:`_independence`).  ``A`` is the source's accuracy *on its other claims*
       (leave one out): a claim never vouches for itself, so a source seen once is
       trusted exactly like its prior, whatever the round before decided about it.
    2. A candidate's score is the votes for it, less the votes denying it or a value it
       implies, plus the votes for the values it implies -- each counted as a
       *generalisation*: a source that says "USA" when the truth is "Minneapolis,
       Minnesota, USA" is right but vague, which a source does with probability ``g``, so
       such a vote gains ``ln g`` and an exact one ``ln(1 - g)``.
    3. Single-valued items: a softmax over the candidates and the ``n + 1 - k`` values
       nobody claimed (score 0).  Many-valued items: each candidate on its own, with odds
       ``exp(score) / n``.
    4. A candidate *holds* with its own probability plus that of every candidate implying
       it; a source's accuracy is the (weighted) number of its claims that hold (one
       minus it for denials), plus ``prior_weight`` claims at its prior, over its claims
       plus ``prior_weight`` -- a Beta prior worth ``prior_weight`` claims, so a source
       with one or two claims stays near its prior.  The prior is its stated reliability,
       or the accuracy of its kind, itself shrunk towards ``prior_accuracy``.  ``g`` is
       learned the same way, from how often a source's true claims are vague ones.

    The order of preference in a single-valued item: the most specific candidate that
    holds with probability ``specific_at`` or more (over the claimed alternatives), else
    the most probable.
    """
    xp = ev.xp
    K, S, n_items = ev.n_cands, ev.n_sources, ev.n_items
    stated, kind, n_kinds = _source_priors(ev, p)
    a0 = p.prior_accuracy
    pw = p.prior_weight
    aw, dw = ev.assert_weight(), ev.deny_weight()
    w_all = ev.ev_weight
    count = xp.bincount(ev.ev_src, w_all, S)
    n_claims_item = xp.bincount(ev.cand_item, None, n_items)
    n_item = false_values(ev, p)
    unseen = xp.maximum(n_item + 1.0 - n_claims_item, 0.0)
    log_n_c = xp.log(n_item)[ev.cand_item]
    n_row = n_item[ev.cand_item][ev.ev_cand]
    many_c = ev.item_many[ev.cand_item]
    # what the data needs: the work for relations, denials, hedges and many-valued
    # properties is skipped where there are none (the results are the same)
    rel = ev.has_relations
    has_denials = bool(len(ev.ev_deny)) and bool(ev.ev_deny.any())
    has_many = bool(n_items) and bool(ev.item_many.any())
    unit = not has_denials and bool(len(w_all)) and bool((w_all == 1.0).astype(bool).min())
    pairs = _copy_pairs(ev, p)
    trust = xp.where(stated >= 0, stated, a0)
    gen = xp.full(S, p.generalise_prior)
    independence = _independence(ev, pairs, trust)
    last_order = _source_order(xp, trust)
    prob = holds = score = exact = vague = xp.full(K, 0.0)
    voice = xp.full(len(ev.ev_cand), 0.0)
    right: Any = None
    hits = xp.full(S, 0.0)
    prior = trust
    iterations = 0
    for iterations in range(1, p.max_iterations + 1):  # noqa: B007
        if right is None:  # the first round: every source at its prior
            acc = xp.clip(trust, 1e-4, 1 - 1e-4)
            voice = xp.log(n_row * (acc / (1.0 - acc))[ev.ev_src])
        else:  # each claim weighed by its source's accuracy on its other claims
            prior_c = xp.clip(prior, 1e-4, 1 - 1e-4) * pw
            held = (hits + prior_c)[ev.ev_src]
            if unit:  # every row weighs 1
                held -= right
                missed = (count - hits + (pw - 1.0) - prior_c)[ev.ev_src]
                missed += right
            else:
                held -= w_all * right
                missed = (count - hits + (pw - prior_c))[ev.ev_src]
                missed -= w_all * (1.0 - right)
            held *= n_row
            held /= missed
            voice = xp.log(held)
        if pairs is not None:
            voice = voice * independence
        if rel:
            g = xp.clip(gen, 1e-4, 1 - 1e-4)
            exact = xp.bincount(ev.ev_cand, aw * (voice + xp.log(1.0 - g)[ev.ev_src]), K)
            vague = xp.bincount(ev.ev_cand, aw * (voice + xp.log(g)[ev.ev_src]), K)
        else:
            exact = vague = xp.bincount(ev.ev_cand, voice if unit else aw * voice, K)
        if has_denials:
            against = xp.bincount(ev.ev_cand, dw * voice, K)
            score = exact - against + ev.implied_pairs(exact - against, vague - against)
        elif rel:
            score = exact + ev.implied_pairs(exact, vague)
        else:
            score = exact
        # single-valued items: softmax with the unclaimed values at score 0
        prob = _softmax(ev, score, unseen)
        if has_many:  # many-valued items: each candidate on its own
            odds = xp.exp(xp.clip(score - log_n_c, -700.0, 700.0))
            prob = xp.where(many_c, odds / (1.0 + odds), prob)
        holds = xp.minimum(prob + ev.implying_sum(prob), 1.0) if rel else prob
        right = holds[ev.ev_cand]
        if has_denials:
            right = xp.where(ev.ev_deny, 1.0 - right, right)
        hits = xp.bincount(ev.ev_src, right if unit else w_all * right, S)
        kind_acc = (xp.bincount(kind, hits, n_kinds) + p.kind_weight * a0) / (
            xp.bincount(kind, count, n_kinds) + p.kind_weight
        )
        prior = xp.where(stated >= 0, stated, kind_acc[kind])
        new_trust = (hits + pw * prior) / (count + pw)
        if rel:
            vague_right = xp.maximum(holds - prob, 0.0)[ev.ev_cand] * aw
            gen = (
                xp.bincount(ev.ev_src, vague_right, S) + p.generalise_weight * p.generalise_prior
            ) / (xp.bincount(ev.ev_src, holds[ev.ev_cand] * aw, S) + p.generalise_weight)
        change = xp.abs(new_trust - trust).max() if S else 0.0
        trust = new_trust
        if pairs is not None:
            order = _source_order(xp, trust)
            if order != last_order:  # the discount depends only on who comes first
                independence = _independence(ev, pairs, trust)
                last_order = order
        if change < p.tolerance:
            break
    # probabilities over the claimed alternatives only
    claimed = ev.item_sum(xp.where(many_c, 0.0, prob))[ev.cand_item]
    single_n = xp.where(claimed > 0, prob / xp.maximum(claimed, 1e-300), 0.0)
    support = single_n + ev.agreeing_sum(single_n)
    if has_denials:
        denial = xp.bincount(ev.ev_cand, dw * xp.maximum(voice, 0.0), K)
        denial = denial + ev.implied_sum(denial)
    else:
        denial = xp.full(K, 0.0)
    assertion = exact + ev.implied_pairs(exact, vague)
    alone_n = xp.where(
        denial > 0,
        1.0 / (1.0 + xp.exp(xp.clip(denial - xp.maximum(assertion, 0.0), -700.0, 700.0))),
        xp.where(assertion > 0, 1.0, 0.0),
    )
    conf = xp.where(many_c, alone_n, xp.where(_no_rival(ev), 1.0, xp.minimum(support, 1.0)))
    holds_n = xp.minimum(single_n + ev.implying_sum(single_n), 1.0)
    eligible = xp.where(holds_n >= p.specific_at - 1e-9, 1.0, 0.0)
    if rel:
        keys = [(eligible, True), (ev.cand_spec * eligible, True), (holds_n, True), (score, True)]
    else:  # the probabilities order the candidates as the scores do
        keys = [(score, True)]
    return Outcome(score=score, prob=conf, keys=tuple(keys), trust=trust, iterations=iterations)


# --- deciding -------------------------------------------------------------------------------


def decide(ev: Evidence, outcome: Outcome) -> Decisions:
    """The facts an outcome leads to, and each source's agreement with them."""
    xp = ev.xp
    many_c = ev.item_many[ev.cand_item]
    asserted = xp.bincount(ev.ev_cand, ev.assert_weight(), ev.n_cands) > 0
    winner = outcome.firsts(ev) & asserted
    accepted = (outcome.prob >= 0.5) & asserted
    chosen = xp.where(many_c, accepted, winner)
    chosen_f = chosen.astype(float)
    with_chosen = ev.agreeing_sum(chosen_f) > 0
    consistent = xp.where(many_c, accepted, chosen | with_chosen)
    if outcome.trust is not None:
        trust = outcome.trust
    else:
        right = xp.where(ev.ev_deny, ~consistent[ev.ev_cand], consistent[ev.ev_cand])
        hits = xp.bincount(ev.ev_src, ev.ev_weight * right.astype(float), ev.n_sources)
        count = xp.bincount(ev.ev_src, ev.ev_weight, ev.n_sources)
        trust = xp.where(count > 0, hits / xp.maximum(count, 1e-300), 0.0)
    return Decisions(chosen=chosen, consistent=consistent, trust=trust)
