"""Policies: how to choose between values that sources claim.

Each policy is a small immutable object with a readable repr.  It reads an
:class:`~filmlore.reconcile._evidence.Evidence` and returns an
:class:`~filmlore.reconcile._algorithms.Outcome`; :func:`~filmlore.reconcile` does the
rest, the same way for every policy.  Ties are never broken at random: the fixed rule is the
more specific value first, then the value with more voices of its own, then the value that
sorts first.  Every policy reports its confidence as a probability: the votes choose, and
the sources' priors (their stated reliability, else their kind's) say how sure the choice
is; truth discovery learns the sources' accuracies instead.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

import attrs
import numpy as np

from filmlore.errors import PolicyError
from filmlore.models import SourceKind
from filmlore.reconcile._algorithms import Outcome, rank_candidates
from filmlore.reconcile._evidence import Evidence, SourceInfo
from filmlore.reconcile._truth import TDParams, fixed_belief, truth_discovery
from filmlore.reconcile._types import FloatArray
from filmlore.values.refs import EntityRef

__all__ = [
    "DEFAULT_AUTHORITY",
    "Authority",
    "MostSpecific",
    "Policy",
    "TruthDiscovery",
    "Vote",
    "WeightedVote",
]

#: The default :class:`Authority` order: the film itself, the maker in an interview, a
#: database, an encyclopedia, the press, a book, an article, a review, a blog, a user review,
#: a video, anything else.
DEFAULT_AUTHORITY: tuple[SourceKind, ...] = tuple(SourceKind)

#: The one home of truth discovery's fixed hyperparameters.
_DEFAULTS = TDParams()


def _key(x: object) -> str:
    if isinstance(x, SourceKind):
        return x.value
    return str(x)


class Policy(abc.ABC):
    """The interface every policy implements (subclass it to write your own).

    :meth:`outcome` scores the candidates of every question at once.
    """

    #: The policy's name in :meth:`describe` and reports.
    name: ClassVar[str] = "policy"

    @abc.abstractmethod
    def outcome(self, evidence: Evidence) -> Outcome:
        """Support and belief for every candidate."""

    def outcomes(self, parts: Sequence[Evidence]) -> list[Outcome]:
        """The outcome of each part of evidence split by question (as the engines split a
        large table; the parts share the sources).  By default each part on its own, which
        is right for a policy that decides each question from what it knows of the sources
        beforehand; a policy that learns across questions overrides it."""
        return [self.outcome(ev) for ev in parts]

    def parameters(self) -> dict[str, Any]:
        """The policy's settings that differ from the defaults, as JSON-able data."""
        return {}

    def describe(self) -> dict[str, Any]:
        """``{"name", "parameters", "repr"}``: how :meth:`Reconciliation.to_dict
        <filmlore.Reconciliation.to_dict>` records the policy."""
        return {"name": self.name, "parameters": self.parameters(), "repr": repr(self)}

    def reason(self) -> str:
        """A few words on how this policy decides, for explanations: the clause after
        "but" in "… denies it, but tmdb-heat proved more accurate than the-blog".

        In it ``{winners}`` stands for the names of the sources that give the accepted
        value and ``{losers}`` for those against it; a reason without them is used as it is.
        """
        return "the policy preferred the value of {winners} to that of {losers}"

    def _source_weights(self, sources: list[SourceInfo]) -> FloatArray:
        return np.ones(len(sources))

    def _vote_outcomes(self, parts: Sequence[Evidence]) -> list[Outcome]:
        """:meth:`_votes` on each part, the claims' say relative to the mean weight over
        every part."""
        if len(parts) == 1:
            return [self._votes(parts[0])]
        weights = [self._source_weights(ev.sources)[ev.ev_src] for ev in parts]
        rows = sum(len(w) for w in weights)
        mean = sum(float(w.sum()) for w in weights) / rows if rows else None
        return [self._votes(ev, mean) for ev in parts]

    def _votes(self, evidence: Evidence, mean: float | None = None) -> Outcome:
        weight = self._source_weights(evidence.sources)[evidence.ev_src]
        own = evidence.per_cand(evidence.assert_weight() * weight)
        # values the same within tolerance ("3 h" and "180 min") are one value to vote on
        same = evidence.imp_equiv
        support = own + np.bincount(
            evidence.imp_from[same], own[evidence.imp_to[same]], evidence.n_cands
        )
        return Outcome(support=support, belief=fixed_belief(evidence, _DEFAULTS, weight, mean))


@attrs.frozen(slots=True, repr=False)
class Vote(Policy):
    """Majority vote: the value asserted by the most independent origins wins.

    Each origin counts once per value (claims relayed from one interview, or attributed to
    one person, are one voice); a hedged claim counts half; of two values with as many
    votes, the more specific wins ("Milan" over "Italy"); a vague value that can never be
    the whole truth ("1995" beside 1995-12-15) never wins; denials do not vote but count
    against the confidence.

    >>> Vote()
    Vote()
    """

    name: ClassVar[str] = "vote"

    def outcome(self, evidence: Evidence) -> Outcome:
        """Consistent votes per candidate."""
        return self._votes(evidence)

    def outcomes(self, parts: Sequence[Evidence]) -> list[Outcome]:
        """:meth:`outcome` on each part, weights relative to their mean over every part."""
        return self._vote_outcomes(parts)

    def reason(self) -> str:
        """How the vote decides: by independent voices."""
        return "{winners} outvoted {losers}"

    def __repr__(self) -> str:
        return "Vote()"


def _weights_in(value: Mapping[Any, float] | None) -> dict[str, float]:
    out: dict[str, float] = {}
    for k, w in (value or {}).items():
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not w >= 0:
            raise PolicyError(f"a weight must be a number >= 0, got {w!r} for {k!r}")
        out[_key(k)] = float(w)
    return out


@attrs.frozen(slots=True, repr=False, hash=False)
class WeightedVote(Policy):
    """A vote in which each source counts with a weight.

    ``weights`` maps a source id (``"source:tmdb-heat"``) or a :class:`~filmlore.SourceKind`
    to its weight; a source in neither counts its own ``weight`` (from a dossier or a
    sources table), else its stated ``reliability``, else ``default``.

    >>> WeightedVote({"source:tmdb-heat": 3, SourceKind.BLOG: 0.5})
    WeightedVote({'source:tmdb-heat': 3.0, 'blog': 0.5})
    """

    name: ClassVar[str] = "weighted vote"
    weights: dict[str, float] = attrs.field(factory=dict, converter=_weights_in)
    default: float = 1.0

    def outcome(self, evidence: Evidence) -> Outcome:
        """Weighted consistent votes per candidate."""
        return self._votes(evidence)

    def outcomes(self, parts: Sequence[Evidence]) -> list[Outcome]:
        """:meth:`outcome` on each part, weights relative to their mean over every part."""
        return self._vote_outcomes(parts)

    def _source_weights(self, sources: list[SourceInfo]) -> FloatArray:
        out = []
        for s in sources:
            if s.id in self.weights:
                out.append(self.weights[s.id])
            elif s.kind is not None and _key(s.kind) in self.weights:
                out.append(self.weights[_key(s.kind)])
            elif s.weight is not None:
                out.append(float(s.weight))
            elif s.reliability is not None:
                out.append(float(s.reliability))
            else:
                out.append(self.default)
        return np.asarray(out, dtype=float)

    def parameters(self) -> dict[str, Any]:
        """The weights and the default."""
        return {"weights": dict(self.weights), "default": self.default}

    def reason(self) -> str:
        """How the weighted vote decides: by the sources' weights."""
        return "{winners} outweighed {losers}"

    def __repr__(self) -> str:
        extra = "" if self.default == 1.0 else f", default={self.default:g}"
        return f"WeightedVote({self.weights!r}{extra})"


def _order_in(value: Iterable[SourceKind | str | EntityRef] | None) -> tuple[str, ...]:
    if value is None:
        return tuple(k.value for k in DEFAULT_AUTHORITY)
    out = []
    for item in value:
        if isinstance(item, SourceKind):
            out.append(item.value)
        elif isinstance(item, (str, EntityRef)):
            text = str(item)
            out.append(SourceKind(text).value if text in SourceKind._value2member_map_ else text)
        else:
            raise PolicyError(f"an authority order holds SourceKinds or source ids, got {item!r}")
    if len(set(out)) != len(out):
        raise PolicyError(f"an authority order names each kind or source once: {out}")
    return tuple(out)


@attrs.frozen(slots=True, repr=False)
class Authority(Policy):
    """Trust the most authoritative source: the film itself, then the maker in an
    interview, then a database, an encyclopedia, the press, a book, an article, a review, a
    blog, a user review.

    ``order`` lists source kinds and/or source ids, most authoritative first (a source id
    places that source; otherwise its kind does; anything unlisted comes last).  Each rank
    counts ten times the next, so a database outvotes up to nine press reports; within a
    rank it is a vote.

    >>> Authority()
    Authority(film > interview > database > encyclopedia > press > book > article > review > blog > user_review > video > other)
    """  # noqa: E501

    name: ClassVar[str] = "authority"
    order: tuple[str, ...] = attrs.field(default=None, converter=_order_in)

    #: How much each rank outweighs the next.
    STEP: ClassVar[float] = 10.0

    def outcome(self, evidence: Evidence) -> Outcome:
        """Authority-weighted consistent votes per candidate."""
        return self._votes(evidence)

    def outcomes(self, parts: Sequence[Evidence]) -> list[Outcome]:
        """:meth:`outcome` on each part, weights relative to their mean over every part."""
        return self._vote_outcomes(parts)

    def rank_of(self, source: SourceInfo) -> int:
        """A source's place in the order (0 first; ``len(order)`` when unlisted)."""
        if source.id in self.order:
            return self.order.index(source.id)
        if source.kind is not None and _key(source.kind) in self.order:
            return self.order.index(_key(source.kind))
        return len(self.order)

    def _source_weights(self, sources: list[SourceInfo]) -> FloatArray:
        return np.asarray([self.STEP ** -self.rank_of(s) for s in sources], dtype=float)

    def parameters(self) -> dict[str, Any]:
        """The order."""
        return {"order": list(self.order)}

    def reason(self) -> str:
        """How authority decides: by the sources' rank."""
        return "{winners} outranked {losers}"

    def __repr__(self) -> str:
        return f"Authority({' > '.join(self.order)})"


@attrs.frozen(slots=True, repr=False)
class MostSpecific(Policy):
    """Within a group of compatible values, the most precise wins: 1995-12-15 over 1995,
    170 min over "nearly 3 hours", Milan over Italy -- unless two precise values contradict
    each other (1995-12-15 and 1995-12-16), when the base policy's choice stands.

    ``base`` decides between conflicting values (a :class:`Vote` by default).

    >>> MostSpecific()
    MostSpecific(Vote())
    """

    name: ClassVar[str] = "most specific"
    base: Policy = attrs.field(factory=Vote)

    def outcome(self, evidence: Evidence) -> Outcome:
        """The base policy's outcome, with the most precise compatible value first."""
        return self._refine(evidence, self.base.outcome(evidence))

    def outcomes(self, parts: Sequence[Evidence]) -> list[Outcome]:
        """The base policy's outcomes, with the most precise compatible value first."""
        found = self.base.outcomes(parts)
        return [self._refine(ev, base) for ev, base in zip(parts, found, strict=True)]

    def _refine(self, evidence: Evidence, base: Outcome) -> Outcome:
        ev = evidence
        if not len(ev.imp_from):
            return base
        own = ev.per_cand(ev.assert_weight())
        rank = rank_candidates(ev, [(base.support, True), (ev.spec, True), (own, True)])
        finer: dict[int, list[int]] = {}
        strict = ~ev.imp_equiv
        for a, b in zip(ev.imp_from[strict].tolist(), ev.imp_to[strict].tolist(), strict=True):
            finer.setdefault(b, []).append(a)
        compatible: set[tuple[int, int]] = set(
            zip(ev.imp_from.tolist(), ev.imp_to.tolist(), strict=True)
        ) | set(zip(ev.ovl_a.tolist(), ev.ovl_b.tolist(), strict=True))
        support = base.support.astype(float).copy()
        winners = np.flatnonzero((rank == 0) & ~ev.item_many[ev.cand_item]).tolist()
        for w in winners:
            options = [c for c in finer.get(w, []) if own[c] > 0]
            fine = [
                c
                for c in options
                if all(o == c or (c, o) in compatible or (o, c) in compatible for o in options)
            ]
            if not fine:
                continue
            best = max(fine, key=lambda c: (float(ev.spec[c]), -int(rank[c])))
            item = int(ev.cand_item[w])
            lo, hi = int(ev.item_start[item]), int(ev.item_start[item + 1])
            support[best] = float(support[lo:hi].max()) + 1.0
        return attrs.evolve(base, support=support)

    def parameters(self) -> dict[str, Any]:
        """The base policy."""
        return {"base": self.base.describe()}

    def reason(self) -> str:
        """How the policy decides."""
        return f"it is the most precise value where {self.base.reason()}"

    def __repr__(self) -> str:
        return f"MostSpecific({self.base!r})"


@attrs.frozen(slots=True, repr=False)
class TruthDiscovery(Policy):
    """Learn how far to trust each source from the data, and believe accordingly.

    An iterative method of the ACCU family (Dong, Berti-Equille & Srivastava, VLDB 2009):
    a value is as believable as the sources claiming it are accurate, and a source is as
    accurate as the values it claims are believable.  On top of that:

    * **compatible values are evidence for each other** -- a claim of "Italy" backs
      "Milan" as a right but vague answer, a claim of "1995" backs 1995-12-15 in full (a
      release date is a day), and the most probable value wins: "Milan" over "Italy" when
      its support allows, never a value two rivals merely share;
    * **sources of a kind share a prior** (:data:`~filmlore.SOURCE_PRIORS`): a source with
      few claims is trusted like its kind until its own record says otherwise, and a claim
      never vouches for itself -- each is weighed by its source's record on its *other*
      claims;
    * **copies can count about once** (``copying=True``; off by default): sources that
      share mistakes far more often than chance explains are found to copy each other and
      the values only they give discounted -- only where the data can show it.  It is off
      by default because it can hurt: where the accurate sources are the ones most copied
      (the flight data), discounting every family hands the answer to the independent
      sources that lean on a poor one;
    * **many-valued properties** decide each value on its own.

    The confidence of a fact is the probability that it holds: a lone source's claim gets
    about its source's trust.

    The parameters are fixed hyperparameters, chosen once for every dataset and documented
    in ``docs/explanation/reconciliation.md``: ``false_values`` (n, the wrong values a
    question can take: by default the number of other values claimed for it, at least
    ``min_false_values``; a number fixes it for every question), ``prior_accuracy`` (the
    prior of a source of no known kind), ``prior_weight`` (how many claims a prior is
    worth), ``kind_weight`` (how many claims a kind's documented prior is worth before its
    sources' records move it), ``generalise_prior`` and ``generalise_weight`` (how often a
    right source is vague), ``copying`` and ``copy_z`` (how many standard deviations of
    caution copy detection takes), ``max_iterations`` and ``tolerance``.

    >>> TruthDiscovery()
    TruthDiscovery()
    >>> TruthDiscovery(false_values=100, copying=True)
    TruthDiscovery(false_values=100, copying=True)
    """

    name: ClassVar[str] = "truth discovery"
    false_values: float | None = _DEFAULTS.false_values
    min_false_values: float = _DEFAULTS.min_false_values
    prior_accuracy: float = _DEFAULTS.prior_accuracy
    prior_weight: float = _DEFAULTS.prior_weight
    kind_weight: float = _DEFAULTS.kind_weight
    generalise_prior: float = _DEFAULTS.generalise_prior
    generalise_weight: float = _DEFAULTS.generalise_weight
    copying: bool = _DEFAULTS.copying
    copy_z: float = _DEFAULTS.copy_z
    max_iterations: int = _DEFAULTS.max_iterations
    tolerance: float = _DEFAULTS.tolerance

    def __attrs_post_init__(self) -> None:
        if self.false_values is not None and not self.false_values >= 1:
            raise PolicyError(f"false_values must be >= 1 or None, got {self.false_values!r}")
        if not self.min_false_values >= 1:
            raise PolicyError(f"min_false_values must be >= 1, got {self.min_false_values!r}")
        for name in ("prior_weight", "kind_weight", "generalise_weight"):
            v = getattr(self, name)
            if not v > 0:
                raise PolicyError(f"{name} must be > 0, got {v!r}")
        for name in ("prior_accuracy", "generalise_prior"):
            v = getattr(self, name)
            if not 0 < v < 1:
                raise PolicyError(f"{name} must be between 0 and 1, got {v!r}")
        if not self.copy_z >= 0:
            raise PolicyError(f"copy_z must be >= 0, got {self.copy_z!r}")
        if isinstance(self.max_iterations, bool) or not isinstance(self.max_iterations, int):
            raise PolicyError(f"max_iterations must be a whole number, got {self.max_iterations!r}")
        if self.max_iterations < 1:
            raise PolicyError(f"max_iterations must be >= 1, got {self.max_iterations!r}")

    @property
    def params(self) -> TDParams:
        """The hyperparameters as the algorithm takes them."""
        return TDParams(**{f.name: getattr(self, f.name) for f in attrs.fields(TDParams)})

    def outcome(self, evidence: Evidence) -> Outcome:
        """Iterate to a fixed point of source accuracy and belief."""
        return self.outcomes([evidence])[0]

    def outcomes(self, parts: Sequence[Evidence]) -> list[Outcome]:
        """Iterate to a fixed point of source accuracy and belief over every part: the
        parts share what is learned of the sources."""
        learned = truth_discovery(parts, self.params)
        out = []
        for ev, belief in zip(parts, learned.beliefs, strict=True):
            # the most specific value that is more likely true than not, else the most
            # probable
            likely = belief.holds >= 0.5 - 1e-12
            support = np.where(likely, 2.0 + ev.spec, 0.0) + belief.post
            out.append(
                Outcome(
                    support=support,
                    belief=belief,
                    trust=learned.trust,
                    dependence=learned.dependence,
                    iterations=learned.iterations,
                )
            )
        return out

    def _changed(self) -> dict[str, Any]:
        out = {}
        for field in attrs.fields(type(self)):
            value = getattr(self, field.name)
            if value != field.default:
                out[field.name] = value
        return out

    def parameters(self) -> dict[str, Any]:
        """The hyperparameters that differ from the defaults."""
        return self._changed()

    def reason(self) -> str:
        """How truth discovery decides: by how accurate each source proved on every fact."""
        return "{winners} proved more accurate than {losers}"

    def __repr__(self) -> str:
        parts = [f"{k}={v!r}" for k, v in self._changed().items()]
        return f"TruthDiscovery({', '.join(parts)})"
