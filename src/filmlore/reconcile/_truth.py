"""Truth discovery: how far to trust each source, learned from the claims themselves.

The model is Dong, Berti-Equille and Srivastava's ACCU (VLDB 2009), with what film facts
need on top:

* **a source is right with probability A** (its accuracy); when wrong it picks one of the
  question's ``n`` wrong values.  A claim then moves the odds of its value by
  ``n·A / (1 - A)`` -- and a lone claim is believed with probability exactly ``A``;
* **compatible values are evidence for each other**: a claim of "Italy" backs "Milan" as
  right but vague (a source gives a vaguer value than the truth with probability ``g``,
  learned); a claim of "1995" or of "nearly 3 hours" can never be the whole truth of a
  release date or a runtime, so it backs every finer value it contains in full; two values
  the same within tolerance back each other in full;
* **sources of a kind share a prior** (:data:`SOURCE_PRIORS`, or a stated reliability), and
  a source's accuracy is a Beta posterior worth ``prior_weight`` claims at that prior: a
  source with few claims stays near it.  A claim never vouches for itself -- each is
  weighed by its source's record on its *other* claims;
* **copies count about once** (:mod:`filmlore.reconcile._copying`);
* **many-valued properties** decide each value on its own.

The *confidence* of a value is the probability that it holds -- it, or a finer value that
implies it, is true -- with the values nobody claimed kept in the reckoning, so it is a
probability and not a share of the votes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

import attrs
import numpy as np

from filmlore.models import SourceKind
from filmlore.reconcile._copying import (
    Dependence,
    PairStats,
    agreement_accuracy,
    dependence,
    independence,
    merge_pair_stats,
    pair_stats,
)
from filmlore.reconcile._evidence import Evidence
from filmlore.reconcile._types import BoolArray, FloatArray, IntArray

__all__ = [
    "SOURCE_PRIORS",
    "UNKNOWN_PRIOR",
    "Belief",
    "Learned",
    "TDParams",
    "believe",
    "false_values",
    "per_source",
    "source_priors",
    "truth_discovery",
]

#: The trust a source starts from, by kind: the film itself above a database above the
#: press, the maker in an interview above a critic, a critic above a blog or a user review.
#: Evidence moves it; a source with few claims stays near it.
SOURCE_PRIORS: Mapping[SourceKind, float] = MappingProxyType(
    {
        SourceKind.FILM: 0.95,
        SourceKind.DATABASE: 0.85,
        SourceKind.INTERVIEW: 0.8,
        SourceKind.ENCYCLOPEDIA: 0.8,
        SourceKind.BOOK: 0.8,
        SourceKind.PRESS: 0.75,
        SourceKind.ARTICLE: 0.7,
        SourceKind.REVIEW: 0.7,
        SourceKind.VIDEO: 0.6,
        SourceKind.BLOG: 0.6,
        SourceKind.USER_REVIEW: 0.55,
        SourceKind.OTHER: 0.65,
    }
)
#: The prior of a source whose kind is not known (or is a label of the caller's own).
UNKNOWN_PRIOR = 0.7

_EPS = 1e-4


@attrs.frozen(slots=True)
class TDParams:
    """The fixed hyperparameters of :func:`truth_discovery` (see :class:`TruthDiscovery`)."""

    false_values: float | None = None  # None: estimated per question
    min_false_values: float = 1.5
    prior_accuracy: float = UNKNOWN_PRIOR
    prior_weight: float = 20.0
    kind_weight: float = 2.0
    generalise_prior: float = 0.3
    generalise_weight: float = 10.0
    copying: bool = False
    copy_z: float = 2.0
    max_iterations: int = 200
    tolerance: float = 1e-6


@attrs.frozen(slots=True)
class Belief:
    """What the evidence says of each candidate, given the sources' accuracies.

    ``post`` is the probability that a candidate is the whole truth of a one-valued question
    (0 for a candidate that cannot be); ``unnamed`` that the truth is a value nobody named,
    finer than a candidate that cannot be the whole truth (another day of the year named);
    ``holds`` that the candidate is true (it, a finer candidate or an unnamed value
    finer than either is the truth); ``score`` the log-odds evidence for it.  ``log_z`` is
    each question's log evidence summed over its hypotheses (a likelihood's makings).
    """

    score: FloatArray
    post: FloatArray
    holds: FloatArray
    unnamed: FloatArray
    log_z: FloatArray


def false_values(ev: Evidence, p: TDParams) -> FloatArray:
    """*n* for each item: the number of wrong values it can take.

    Fixed when ``p.false_values`` is set; otherwise the number of *other* values claimed for
    it, at least ``p.min_false_values``: a wrong source picks one of the *n* wrong values,
    and the floor keeps a question with two claimed values from being read as a strict
    either-or, since a wrong source could have said something else again.
    """
    if p.false_values is not None:
        return np.full(ev.n_items, float(p.false_values))
    k = ev.distinct_values(ev.open)
    out: FloatArray = np.maximum(k - 1.0, p.min_false_values)
    return out


def source_priors(
    ev: Evidence, unknown: float = UNKNOWN_PRIOR
) -> tuple[FloatArray, FloatArray, IntArray]:
    """Per source: its stated reliability or -1; the documented prior of its kind; and a
    code for its kind (sources of one kind pool their records)."""
    stated = []
    documented = []
    codes: dict[object, int] = {}
    kind_code = []
    for s in ev.sources:
        r = s.reliability
        stated.append(-1.0 if r is None else min(max(float(r), 0.01), 0.99))
        kind = s.kind
        if isinstance(kind, str) and kind in SourceKind._value2member_map_:
            kind = SourceKind(kind)
        documented.append(
            SOURCE_PRIORS.get(kind, unknown) if isinstance(kind, SourceKind) else unknown
        )
        kind_code.append(codes.setdefault(kind, len(codes)))
    return (
        np.asarray(stated, dtype=float),
        np.asarray(documented, dtype=float),
        np.asarray(kind_code, dtype=np.int64),
    )


def _item_max(ev: Evidence, *scores: FloatArray) -> FloatArray:
    """Per item, the largest of the scores given (at least 0)."""
    top = np.zeros(ev.n_items)
    starts = ev.item_start[:-1]
    nonempty = ev.item_start[1:] > starts
    if nonempty.any() and ev.n_cands:
        for s in scores:
            top[nonempty] = np.maximum(top[nonempty], np.maximum.reduceat(s, starts[nonempty]))
    return top


def believe(
    ev: Evidence,
    voice: FloatArray,
    gen: FloatArray,
    n_item: FloatArray,
    related: BoolArray,
) -> Belief:
    """The belief in every candidate, given each row's ``voice`` (its log-odds weight,
    ``ln(n·A / (1 - A))`` times its independence) and each source's ``gen`` (how often it
    is right but vague).

    A one-valued question's hypotheses are: each open candidate is the whole truth; the
    truth is a value nobody named (``n + 1`` values in all, ``n`` as many as a wrong source
    picks from); and, below each candidate that cannot be the whole truth but that a finer
    one is claimed under (the year of a release date given as a day), the truth is another
    value finer than it -- ``n`` of those too, backed by the claims of the candidate and of
    what it implies as a finer candidate is.  Without these, claims of "1995" would back
    the one source that says "1995-12-15" as if no other day of 1995 could be the answer;
    with them, that lone day is believed about as far as its source is trusted.  (A coarse
    value that can be the whole truth -- a country, for a birthplace -- stands for the
    values below it that nobody named.)

    A source trusted less than a random guess (``n·A < 1 - A``) is no evidence against what
    it says: its voice is at least 0.
    """
    aw, dw = ev.assert_weight(), ev.deny_weight()
    g = np.clip(gen, _EPS, 1 - _EPS)
    said = aw * voice
    plain = ev.per_cand(said)
    # (work for relations and denials only where the data has them: the common case of
    # plain rival values costs two sums over the rows)
    denied = ev.per_cand(dw * voice) if ev.ev_deny.any() else np.zeros(ev.n_cands)
    if related.any():
        rel_row = related[ev.cand_item[ev.ev_cand]]
        exact = ev.per_cand(said + aw * np.where(rel_row, np.log(1.0 - g)[ev.ev_src], 0.0))
        vague = ev.per_cand(said + aw * np.log(g)[ev.ev_src])
    else:
        exact, vague = plain, plain
    many_c = ev.item_many[ev.cand_item]
    open_ = ev.open & ~many_c
    size = ev.class_size()
    # what the candidates a candidate implies say for anything at or below it
    above = -ev.implied_sum(denied)
    if len(ev.imp_from):
        full = ev.imp_equiv | ev.imp_exact
        above = above + ev.implied_sum(exact, full) + ev.implied_sum(vague, ~full)
        if ev.imp_partial.any():
            # a name has many partial forms (initials, shorter lists), and a source that
            # gives one gives one of them: a vague claim's say is shared among the partial
            # forms of the value that are named (each once, however it is written)
            part = ev.imp_partial
            forms = np.maximum(ev.implied_sum(1.0 / size, part), 1.0)
            above = above - np.log(forms) * ev.implied_sum(ev.per_cand(aw), part)
    # an unnamed value below a candidate that cannot be the whole truth: its claims are as
    # right as for any finer candidate (what overlapping candidates say left out)
    u_score = exact - denied + above
    score = u_score + ev.overlap_sum(vague) if len(ev.ovl_a) else u_score
    coarse = ev.coarse() & ~ev.open & ~many_c
    unseen = np.maximum(n_item + 1.0 - ev.distinct_values(open_), 0.0)
    s_open = np.where(open_, score, -np.inf)
    s_unnamed = np.where(coarse, u_score, -np.inf)
    top = _item_max(ev, s_open, s_unnamed)
    shift = top[ev.cand_item]
    # candidates that are one value written two ways share that value's hypothesis
    e = np.where(open_, np.exp(np.minimum(s_open - shift, 0.0)), 0.0) / size
    u = np.where(coarse, n_item[ev.cand_item] * np.exp(np.minimum(s_unnamed - shift, 0.0)), 0.0)
    u = u / size
    z = np.maximum(ev.item_sum(e + u) + unseen * np.exp(-top), 1e-300)
    post = e / z[ev.cand_item]
    unnamed = u / z[ev.cand_item]
    below = post + unnamed
    holds = below + ev.implying_sum(below) if len(ev.imp_from) else below
    holds = np.minimum(holds, 1.0)
    log_z = np.log(z) + top
    if many_c.any():
        # many-valued: each value on its own, backed by the claims of values that imply it
        many_score = plain - denied + ev.implying_sum(plain) - ev.implied_sum(denied)
        score = np.where(many_c, many_score, score)
        odds = np.clip(many_score - np.log(n_item)[ev.cand_item], -700.0, 700.0)
        p_many = 1.0 / (1.0 + np.exp(-odds))
        holds = np.where(many_c, p_many, holds)
        post = np.where(many_c, p_many, post)
        log_z = log_z + ev.item_sum(np.where(many_c, np.logaddexp(0.0, odds), 0.0))
    return Belief(score=score, post=post, holds=holds, unnamed=unnamed, log_z=log_z)


def _generalisation(
    parts: Sequence[Evidence],
    beliefs: Sequence[Belief],
    related: Sequence[BoolArray],
    kind: IntArray,
    n_kinds: int,
    p: TDParams,
) -> FloatArray:
    """How often each source is right but vague: of its right claims in questions where
    values refine each other, the share that are right only because a finer value is true
    -- a Beta posterior worth ``generalise_weight`` claims at its kind's rate, itself pooled
    over the kind's sources from ``generalise_prior`` (most sources of a web benchmark
    name the country where the truth is a city; a database names the city)."""
    S = len(kind)
    vague = np.zeros(S)
    right = np.zeros(S)
    for ev, belief, rel in zip(parts, beliefs, related, strict=True):
        aw = ev.assert_weight() * rel[ev.cand_item[ev.ev_cand]]
        # right only because a finer value (named or not) is the truth
        finer = ev.implying_sum(belief.post, vague=True)
        vague = vague + np.bincount(ev.ev_src, finer[ev.ev_cand] * aw, S)
        right = right + np.bincount(ev.ev_src, belief.holds[ev.ev_cand] * aw, S)
    pool = (np.bincount(kind, vague, n_kinds) + p.generalise_weight * p.generalise_prior) / (
        np.bincount(kind, right, n_kinds) + p.generalise_weight
    )
    out: FloatArray = (vague + p.generalise_weight * pool[kind]) / (right + p.generalise_weight)
    return out


def _row_right(ev: Evidence, belief: Belief) -> FloatArray:
    """How probably each row's claim is right: its candidate holds (or, for a denial, does
    not)."""
    right = belief.holds[ev.ev_cand]
    out: FloatArray = np.where(ev.ev_deny, 1.0 - right, right)
    return out


def per_source(parts: Sequence[Evidence], per_row: Sequence[FloatArray]) -> FloatArray:
    """The sum of a per-row quantity over each source's rows, across every part."""
    S = parts[0].n_sources if parts else 0
    out = np.zeros(S)
    for ev, x in zip(parts, per_row, strict=True):
        out = out + np.bincount(ev.ev_src, x, S)
    return out


@attrs.frozen(slots=True)
class Learned:
    """What :func:`truth_discovery` learned: the belief in each part, each source's trust,
    how often it is right but vague, the dependent pairs found, and the rounds it took."""

    beliefs: tuple[Belief, ...]
    trust: FloatArray
    gen: FloatArray
    dependence: Dependence | None
    iterations: int


@attrs.define(slots=True)
class _Setting:
    """What every run of :func:`_em` on one split of the evidence shares: the sources'
    priors and claim counts (over every part), and each part's ``n`` and related items."""

    stated: FloatArray
    documented: FloatArray
    kind: IntArray
    n_kinds: int
    count: FloatArray
    n_item: list[FloatArray]
    n_row: list[FloatArray]
    related: list[BoolArray]

    @property
    def any_related(self) -> bool:
        """True when some question of some part has values that refine each other."""
        return any(bool(r.any()) for r in self.related)


@attrs.define(slots=True)
class _Run:
    beliefs: list[Belief]
    trust: FloatArray
    gen: FloatArray
    hits: FloatArray
    prior: FloatArray
    iterations: int


def _setting(parts: Sequence[Evidence], p: TDParams) -> _Setting:
    stated, documented, kind = source_priors(parts[0], p.prior_accuracy)
    n_item = [false_values(ev, p) for ev in parts]
    return _Setting(
        stated=stated,
        documented=documented,
        kind=kind,
        n_kinds=int(kind.max()) + 1 if len(kind) else 0,
        count=per_source(parts, [ev.ev_weight for ev in parts]),
        n_item=n_item,
        n_row=[n[ev.cand_item[ev.ev_cand]] for ev, n in zip(parts, n_item, strict=True)],
        related=[ev.item_related() for ev in parts],
    )


def _em(
    parts: Sequence[Evidence],
    p: TDParams,
    st: _Setting,
    start: FloatArray,
    indep: Sequence[FloatArray],
    gen0: FloatArray,
) -> _Run:
    """EM rounds from the trust ``start`` to a fixed point (see :func:`truth_discovery`).

    Each round is a map over the parts of the evidence -- the belief in each part's
    candidates, given the sources' trust -- and a sum over them, per source: a part holds
    whole questions, so the parts only meet in the sources' records.
    """
    S = len(st.kind)
    pw = p.prior_weight
    kind, n_kinds = st.kind, st.n_kinds
    prior = np.where(st.stated >= 0, st.stated, st.documented)
    trust = start.copy()
    gen = gen0.copy()
    rights: list[FloatArray] | None = None
    hits = np.zeros(S)
    beliefs: list[Belief] = []
    iterations = 0
    for _ in range(p.max_iterations):
        iterations += 1
        beliefs = []
        new_rights = []
        for i, ev in enumerate(parts):
            w = ev.ev_weight
            if rights is None:  # the first round: every source at its starting trust
                acc = np.clip(trust, _EPS, 1 - _EPS)[ev.ev_src]
            else:  # each claim weighed by its source's accuracy on its other claims
                own = w * rights[i]
                acc = (hits[ev.ev_src] - own + pw * prior[ev.ev_src]) / (
                    st.count[ev.ev_src] - w + pw
                )
                acc = np.clip(acc, _EPS, 1 - _EPS)
            voice = np.log(st.n_row[i] * acc / (1.0 - acc)) * indep[i]
            belief = believe(ev, voice, gen, st.n_item[i], st.related[i])
            beliefs.append(belief)
            new_rights.append(_row_right(ev, belief))
        rights = new_rights
        hits = per_source(parts, [ev.ev_weight * r for ev, r in zip(parts, rights, strict=True)])
        # a source's prior: its kind's record on the kind's *other* sources, from the
        # kind's documented prior -- a source alone of its kind starts from that prior
        kind_hits = np.bincount(kind, hits, n_kinds)[kind] - hits
        kind_count = np.bincount(kind, st.count, n_kinds)[kind] - st.count
        kind_acc = (kind_hits + p.kind_weight * st.documented) / (kind_count + p.kind_weight)
        prior = np.where(st.stated >= 0, st.stated, kind_acc)
        new_trust = (hits + pw * prior) / (st.count + pw)
        if st.any_related:
            gen = _generalisation(parts, beliefs, st.related, kind, n_kinds, p)
        change = float(np.abs(new_trust - trust).max()) if S else 0.0
        trust = new_trust
        if change < p.tolerance:
            break
    return _Run(
        beliefs=beliefs, trust=trust, gen=gen, hits=hits, prior=prior, iterations=iterations
    )


def _objective(
    parts: Sequence[Evidence], p: TDParams, st: _Setting, run: _Run, indep: Sequence[FloatArray]
) -> float:
    """How well a fixed point explains the claims: the log-likelihood of every claim under
    the model at the run's trust, plus the log density of each trust under its Beta prior
    at the source's starting prior -- what tells a right fixed point from a wrong one that
    EM may also reach."""
    A = np.clip(run.trust, _EPS, 1 - _EPS)
    total = 0.0
    for i, ev in enumerate(parts):
        acc = A[ev.ev_src]
        voice = np.log(st.n_row[i] * acc / (1.0 - acc)) * indep[i]
        belief = believe(ev, voice, run.gen, st.n_item[i], st.related[i])
        # every hypothesis of a one-valued question starts equally likely: the named
        # values, the unnamed ones and the unnamed ones below each coarse candidate
        many_c = ev.item_many[ev.cand_item]
        below = np.where(ev.coarse() & ~ev.open & ~many_c, st.n_item[i][ev.cand_item], 0.0)
        mass = st.n_item[i] + 1.0 + ev.item_sum(below)
        total += float(np.sum(belief.log_z - np.log(mass)))
        total += float(np.sum(ev.ev_weight * indep[i] * np.log((1.0 - acc) / st.n_row[i])))
    # the prior each source starts from (not the one pooled during the run, which differs
    # between runs and would make their objectives incomparable)
    prior = np.clip(np.where(st.stated >= 0, st.stated, st.documented), _EPS, 1 - _EPS)
    pw = p.prior_weight
    total += float(np.sum(pw * prior * np.log(A) + pw * (1.0 - prior) * np.log(1.0 - A)))
    return total


def spectral_start(stats: PairStats, S: int, shrink: float = 5.0) -> FloatArray | None:
    """A starting trust for each source from the leading eigenvector of how far the
    sources agree beyond chance (a spectral start, as for Dawid and Skene's model): the
    largest body of sources that agree with each other starts trusted, the sources at odds
    with it distrusted.  None when too few sources share questions to say."""
    if S < 3 or len(stats) < 2:
        return None
    m = (stats.agree + 0.5 * shrink) / (stats.shared + shrink) - 0.5
    a, b = stats.a, stats.b
    v: FloatArray = np.full(S, 1.0 / np.sqrt(S))
    for _ in range(100):
        raw: FloatArray = np.bincount(a, m * v[b], S) + np.bincount(b, m * v[a], S)
        norm = float(np.linalg.norm(raw))
        if norm == 0.0:
            return None
        nxt: FloatArray = raw / norm
        if float(np.abs(nxt - v).max()) < 1e-9:
            v = nxt
            break
        v = nxt
    if v.sum() < 0:
        v = -v
    low, high = float(v.min()), float(v.max())
    if high - low < 1e-12:
        return None
    out: FloatArray = 0.5 + 0.45 * (v - low) / (high - low)
    return out


def truth_discovery(parts: Evidence | Sequence[Evidence], p: TDParams) -> Learned:
    """Iterate to a fixed point of source accuracy and belief (see the module docstring).

    ``parts`` is the evidence, whole or split by question into parts that share the
    sources (as the engines split a large table); a split gives the same answer as the
    whole.  Each round weighs every claim by its source's accuracy on its *other* claims,
    computes the belief in every candidate, and re-estimates each source's accuracy -- a
    Beta posterior with ``prior_weight`` claims at its prior, the prior being its stated
    reliability or its kind's accuracy (itself pooled over the kind's sources, starting
    from the kind's documented prior).

    Such iterations can settle on a wrong fixed point -- one where a large body of sources
    that share one error vouch for each other -- so they run from several starts: every
    source at its prior (a vote), a *spectral* start from the sources' agreement with each
    other (:func:`spectral_start`), and each source's accuracy as its agreement with the
    others reveals it (:func:`~filmlore.reconcile._copying.agreement_accuracy`).  The fixed
    point that explains the claims best (:func:`_objective`) is kept -- with copying on,
    judged with copies counted about once, the dependence between sources measured against
    those agreement accuracies, which no fixed point can inflate.
    """
    parts = [parts] if isinstance(parts, Evidence) else list(parts)
    S = parts[0].n_sources
    st = _setting(parts, p)
    prior = np.where(st.stated >= 0, st.stated, st.documented)
    gen0 = np.full(S, p.generalise_prior)
    stats = (
        merge_pair_stats([pair_stats(ev, n) for ev, n in zip(parts, st.n_item, strict=True)])
        if S >= 2
        else None
    )
    starts = [prior]
    dep: Dependence | None = None
    indep = [np.ones(len(ev.ev_cand)) for ev in parts]
    if stats is not None:
        spectral = spectral_start(stats, S)
        if spectral is not None:
            starts.append(spectral)
        revealed = agreement_accuracy(stats)
        if revealed is not None:
            starts.append(np.where(np.isnan(revealed), prior, revealed))
        if p.copying:
            dep = dependence(stats, p.copy_z)
            if dep is not None:
                indep = [independence(ev, dep, starts[-1]) for ev in parts]
    runs = [_em(parts, p, st, start, indep, gen0) for start in starts]
    iterations = sum(r.iterations for r in runs)
    scores = [_objective(parts, p, st, r, indep) for r in runs]
    best = runs[int(np.argmax(scores))]
    return Learned(
        beliefs=tuple(best.beliefs),
        trust=best.trust,
        gen=best.gen,
        dependence=dep,
        iterations=iterations,
    )


def fixed_belief(
    ev: Evidence, p: TDParams, weight: FloatArray | None = None, mean: float | None = None
) -> Belief:
    """The belief when every source is trusted at its prior (its stated reliability, else
    its kind's documented prior): how sure a policy that learns nothing can be.  ``weight``
    (per evidence row) scales each claim's say, as a weighted vote weighs it -- relative to
    the mean weight (``mean``: over every part of a split evidence; by default over
    ``ev``'s rows), so that weights change who is heard more, not how sure all are."""
    stated, documented, _ = source_priors(ev, p.prior_accuracy)
    prior = np.clip(np.where(stated >= 0, stated, documented), _EPS, 1 - _EPS)
    n_item = false_values(ev, p)
    n_row = n_item[ev.cand_item[ev.ev_cand]]
    acc = prior[ev.ev_src]
    voice = np.log(n_row * acc / (1.0 - acc))
    if weight is not None and len(weight):
        if mean is None:
            mean = float(weight.mean())
        voice = voice * (weight / mean if mean > 0 else 1.0)
    gen = np.full(ev.n_sources, p.generalise_prior)
    return believe(ev, voice, gen, n_item, ev.item_related())
