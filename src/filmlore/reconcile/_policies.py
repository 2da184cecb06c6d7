"""Policies: how to choose between values that sources claim.

Each policy is a small immutable object with a readable repr.  It reads an
:class:`~filmlore.reconcile._evidence.Evidence` and returns an
:class:`~filmlore.reconcile._algorithms.Outcome`; :func:`~filmlore.reconcile` does the
rest.  Ties are never broken at random: the fixed rule is the more specific value first,
then the value that sorts first (its printed form, alphabetically; on the vectorised path
the column's sort order, so the smallest number).
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar

import attrs

from filmlore.models import SourceKind
from filmlore.reconcile._algorithms import (
    Outcome,
    TDParams,
    most_specific,
    truth_discovery,
    vote,
)
from filmlore.reconcile._evidence import Evidence, SourceInfo
from filmlore.values.refs import EntityRef

__all__ = [
    "DEFAULT_AUTHORITY",
    "Authority",
    "Implies",
    "MostSpecific",
    "Policy",
    "TruthDiscovery",
    "Vote",
    "WeightedVote",
]

#: A relation between two values of one question: how surely the first being true makes
#: the second true (1: "Ghur Province" makes "Afghanistan" true), 0 when it says nothing.
#: A :class:`~filmlore.Taxonomy` works too: a narrower term implies its broader ones.
Implies = Callable[[Any, Any], float]

#: The default :class:`Authority` order: the film itself, the maker in an interview, a
#: database, the press, a book, an article, a review, a blog, a video, anything else.
DEFAULT_AUTHORITY: tuple[SourceKind, ...] = tuple(SourceKind)


def _key(x: object) -> str:
    if isinstance(x, SourceKind):
        return x.value
    return str(x)


class Policy(abc.ABC):
    """The interface every policy implements (subclass it to write your own).

    :meth:`outcome` scores the candidates of every question at once; ``implies`` is the
    relation between values used on the vectorised path (the object path takes it from
    :func:`~filmlore.compare_claims`).
    """

    #: The policy's name in :meth:`describe` and reports.
    name: ClassVar[str] = "policy"
    implies: Any = None

    @abc.abstractmethod
    def outcome(self, evidence: Evidence) -> Outcome:
        """Score, probability and preference order for every candidate."""

    def parameters(self) -> dict[str, Any]:
        """The policy's settings that differ from the defaults, as JSON-able data."""
        return {}

    def describe(self) -> dict[str, Any]:
        """``{"name", "parameters", "repr"}``: how :meth:`Reconciliation.to_dict
        <filmlore.Reconciliation.to_dict>` records the policy."""
        return {"name": self.name, "parameters": self.parameters(), "repr": repr(self)}

    def reason(self) -> str:
        """A few words on how this policy decides, for explanations."""
        return "by the policy"

    def _source_weights(self, sources: list[SourceInfo]) -> list[float]:
        return [1.0] * len(sources)


@attrs.frozen(slots=True, repr=False)
class Vote(Policy):
    """Majority vote: the value asserted by the most independent origins wins.

    Each origin counts once per value (claims relayed from one interview, or attributed to
    one person, are one voice); a hedged claim counts half; denials do not vote but count
    against the confidence.

    >>> Vote()
    Vote()
    """

    name: ClassVar[str] = "vote"

    def outcome(self, evidence: Evidence) -> Outcome:
        """Votes per candidate; the most votes first."""
        xp = evidence.xp
        return vote(evidence, xp.asarray(self._source_weights(evidence.sources), float))

    def reason(self) -> str:
        """How the vote decides."""
        return "more sources give it"

    def __repr__(self) -> str:
        return "Vote()"


def _weights_in(value: Mapping[Any, float] | None) -> dict[str, float]:
    out: dict[str, float] = {}
    for k, w in (value or {}).items():
        if isinstance(w, bool) or not isinstance(w, (int, float)) or w < 0:
            raise ValueError(f"a weight must be a number >= 0, got {w!r} for {k!r}")
        out[_key(k)] = float(w)
    return out


@attrs.frozen(slots=True, repr=False, hash=False)
class WeightedVote(Policy):
    """A vote in which each source counts with a weight.

    ``weights`` maps a source id (``"source:tmdb-heat"``) or a :class:`~filmlore.SourceKind`
    to its weight; a source in neither counts its stated ``reliability``, or ``default``.

    >>> WeightedVote({"source:tmdb-heat": 3, SourceKind.BLOG: 0.5})
    WeightedVote({'source:tmdb-heat': 3.0, 'blog': 0.5})
    """

    name: ClassVar[str] = "weighted vote"
    weights: dict[str, float] = attrs.field(factory=dict, converter=_weights_in)
    default: float = 1.0

    def outcome(self, evidence: Evidence) -> Outcome:
        """Weighted votes per candidate; the most weight first."""
        xp = evidence.xp
        return vote(evidence, xp.asarray(self._source_weights(evidence.sources), float))

    def _source_weights(self, sources: list[SourceInfo]) -> list[float]:
        out = []
        for s in sources:
            if s.id in self.weights:
                out.append(self.weights[s.id])
            elif s.kind is not None and _key(s.kind) in self.weights:
                out.append(self.weights[_key(s.kind)])
            elif s.reliability is not None:
                out.append(float(s.reliability))
            else:
                out.append(self.default)
        return out

    def parameters(self) -> dict[str, Any]:
        """The weights and the default."""
        return {"weights": dict(self.weights), "default": self.default}

    def reason(self) -> str:
        """How the weighted vote decides."""
        return "its sources weigh more"

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
            raise TypeError(f"an authority order holds SourceKinds or source ids, got {item!r}")
    if len(set(out)) != len(out):
        raise ValueError(f"an authority order names each kind or source once: {out}")
    return tuple(out)


@attrs.frozen(slots=True, repr=False)
class Authority(Policy):
    """Trust the most authoritative source: the film itself, then the maker in an
    interview, then a database, the press, a book, an article, a review, a blog.

    ``order`` lists source kinds and/or source ids, most authoritative first (a source id
    places that source; otherwise its kind does; anything unlisted comes last).  Each rank
    counts ten times the next, so a database outvotes up to nine press reports; within a
    rank it is a vote.

    >>> Authority()
    Authority(film > interview > database > press > book > article > review > blog > video > other)
    """

    name: ClassVar[str] = "authority"
    order: tuple[str, ...] = attrs.field(default=None, converter=_order_in)

    #: How much each rank outweighs the next.
    STEP: ClassVar[float] = 10.0

    def outcome(self, evidence: Evidence) -> Outcome:
        """Authority-weighted votes per candidate."""
        xp = evidence.xp
        return vote(evidence, xp.asarray(self._source_weights(evidence.sources), float))

    def rank_of(self, source: SourceInfo) -> int:
        """A source's place in the order (0 first; ``len(order)`` when unlisted)."""
        if source.id in self.order:
            return self.order.index(source.id)
        if source.kind is not None and _key(source.kind) in self.order:
            return self.order.index(_key(source.kind))
        return len(self.order)

    def _source_weights(self, sources: list[SourceInfo]) -> list[float]:
        return [self.STEP ** -self.rank_of(s) for s in sources]

    def parameters(self) -> dict[str, Any]:
        """The order."""
        return {"order": list(self.order)}

    def reason(self) -> str:
        """How authority decides."""
        return "its sources rank higher"

    def __repr__(self) -> str:
        return f"Authority({' > '.join(self.order)})"


@attrs.frozen(slots=True, repr=False)
class MostSpecific(Policy):
    """Within a group of compatible values, the most precise wins: 1995-12-15 over 1995,
    170 min over "nearly 3 hours" -- unless two precise values contradict each other
    (1995-12-15 and 1995-12-16), when the common coarser one stands.

    ``base`` decides between conflicting groups (a :class:`Vote` by default).  ``implies``
    relates values on the vectorised path (see :class:`TruthDiscovery`).

    >>> MostSpecific()
    MostSpecific(Vote())
    """

    name: ClassVar[str] = "most specific"
    base: Policy = attrs.field(factory=Vote)
    implies: Implies | Any | None = None

    def outcome(self, evidence: Evidence) -> Outcome:
        """The base policy's outcome, with the most precise compatible value first."""
        return most_specific(evidence, self.base.outcome(evidence))

    def parameters(self) -> dict[str, Any]:
        """The base policy."""
        return {"base": self.base.describe()}

    def reason(self) -> str:
        """How the policy decides."""
        return f"it is the most precise value where {self.base.reason()}"

    def __repr__(self) -> str:
        return f"MostSpecific({self.base!r})"


#: The one home of truth discovery's fixed hyperparameters.
_DEFAULTS = TDParams()


@attrs.frozen(slots=True, repr=False)
class TruthDiscovery(Policy):
    """Learn how far to trust each source from the data, and believe accordingly.

    An iterative method of the ACCU family (Dong, Berti-Equille & Srivastava, VLDB 2009):
    a value is as believable as the sources claiming it are accurate, and a source is as
    accurate as the values it claims are believable.  On top of that:

    * **compatible values support each other** -- a claim of "USA" backs "Minneapolis,
      Minnesota, USA" as a vague but right answer, and the precise value is chosen when it
      holds with probability ``specific_at`` (otherwise the coarser one that does);
    * **the wrong values are counted per question**: a claim weighs more where there are
      more ways to be wrong (by default, the other values claimed for the question);
    * **sources of a kind share a prior**: a source with few claims is trusted like the
      others of its kind (blogs, databases, anonymous editors...) until its own record
      says otherwise, and a claim never vouches for itself -- each is weighed by its
      source's record on its *other* claims;
    * **copies count once**: sources that side together with minority values nearly every
      time are detected as copying each other and their agreement discounted
      (``copying=False`` turns this off);
    * **many-valued properties** decide each value on its own.

    ``implies(a, b)`` relates two values of one question on the vectorised path (the
    object path compares claims with :func:`~filmlore.compare_claims`): how surely ``a``
    being true makes ``b`` true -- a function returning 0..1, or a
    :class:`~filmlore.Taxonomy` (a narrower term implies its broader ones).

    The remaining parameters are fixed hyperparameters, chosen once for every dataset and
    documented in ``docs/explanation/reconciliation.md``: ``false_values`` (n, the wrong
    values a question can take: by default the number of other values claimed for it, at
    least ``min_false_values``; a number fixes it for every question), ``prior_accuracy``
    and ``prior_weight`` (a source starts at 0.8 accuracy, or its kind's, worth twenty
    claims),
    ``kind_weight``, ``generalise_prior`` and ``generalise_weight`` (how often a right
    source is vague), ``specific_at``, ``copy_threshold``, ``copy_shrink``,
    ``max_iterations`` and ``tolerance``.

    >>> TruthDiscovery()
    TruthDiscovery()
    >>> TruthDiscovery(false_values=100, copying=False)
    TruthDiscovery(false_values=100, copying=False)
    """

    name: ClassVar[str] = "truth discovery"
    implies: Implies | Any | None = None
    false_values: float | None = _DEFAULTS.false_values
    min_false_values: float = _DEFAULTS.min_false_values
    prior_accuracy: float = _DEFAULTS.prior_accuracy
    prior_weight: float = _DEFAULTS.prior_weight
    kind_weight: float = _DEFAULTS.kind_weight
    generalise_prior: float = _DEFAULTS.generalise_prior
    generalise_weight: float = _DEFAULTS.generalise_weight
    specific_at: float = _DEFAULTS.specific_at
    copying: bool = _DEFAULTS.detect_copying
    copy_threshold: float = _DEFAULTS.copy_threshold
    copy_shrink: float = _DEFAULTS.copy_shrink
    max_iterations: int = _DEFAULTS.max_iterations
    tolerance: float = _DEFAULTS.tolerance

    def __attrs_post_init__(self) -> None:
        if self.false_values is not None and not self.false_values >= 1:
            raise ValueError(f"false_values must be >= 1 or None, got {self.false_values!r}")
        if not self.min_false_values >= 1:
            raise ValueError(f"min_false_values must be >= 1, got {self.min_false_values!r}")
        for name in ("prior_weight", "kind_weight", "generalise_weight"):
            v = getattr(self, name)
            if not v > 0:
                raise ValueError(f"{name} must be > 0, got {v!r}")
        for name in ("prior_accuracy", "generalise_prior", "specific_at", "copy_threshold"):
            v = getattr(self, name)
            if not 0 < v < 1:
                raise ValueError(f"{name} must be between 0 and 1, got {v!r}")

    @property
    def params(self) -> TDParams:
        """The hyperparameters as the algorithm takes them."""
        given = {
            f.name: getattr(self, f.name) for f in attrs.fields(TDParams) if hasattr(self, f.name)
        }
        if self.false_values is not None:
            given["false_values"] = float(self.false_values)
        given["min_false_values"] = float(self.min_false_values)
        return TDParams(**given, detect_copying=self.copying)

    def outcome(self, evidence: Evidence) -> Outcome:
        """Iterate to a fixed point of source accuracy and value belief."""
        return truth_discovery(evidence, self.params)

    def _changed(self) -> dict[str, Any]:
        out = {}
        for field in attrs.fields(type(self)):
            if field.name == "implies":
                continue
            value = getattr(self, field.name)
            if value != field.default:
                out[field.name] = value
        return out

    def parameters(self) -> dict[str, Any]:
        """The hyperparameters that differ from the defaults (and the relation's name)."""
        out = self._changed()
        if self.implies is not None:
            out["implies"] = getattr(self.implies, "__name__", type(self.implies).__name__)
        return out

    def reason(self) -> str:
        """How truth discovery decides."""
        return "its sources have proved more accurate"

    def __repr__(self) -> str:
        parts = [f"{k}={v!r}" for k, v in self._changed().items()]
        if self.implies is not None:
            parts.insert(0, f"implies={getattr(self.implies, '__name__', self.implies)!r}")
        return f"TruthDiscovery({', '.join(parts)})"
