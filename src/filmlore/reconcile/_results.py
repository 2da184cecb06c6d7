"""What reconciliation returns: facts, conflicts, source trust -- and their JSON form."""

from __future__ import annotations

import builtins
import enum
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from filmlore.models import Qualifier
from filmlore.properties import PropertyRegistry
from filmlore.values.refs import EntityRef

if TYPE_CHECKING:
    from filmlore.reconcile._policies import Policy

__all__ = ["Conflict", "ConflictSide", "Fact", "FactStatus", "Reconciliation", "Support"]


class FactStatus(str, enum.Enum):
    """How a fact was reached.

    ``agreed``
        At least two independent origins give it, none disagrees, and no two of them
        contradict each other.
    ``single-source``
        One origin gives it and none disagrees.
    ``resolved``
        Some disagree (or two of its supporters contradict each other), but it holds with
        a confidence of at least two thirds.
    ``disputed``
        Some disagree and the confidence is lower: an open question.
    """

    AGREED = "agreed"
    RESOLVED = "resolved"
    DISPUTED = "disputed"
    SINGLE_SOURCE = "single-source"


#: The confidence from which a fact that some sources dispute counts as resolved.
RESOLVED_AT = 2 / 3


def status_for(dissent: bool, origins: int, confidence: float) -> FactStatus:
    """The status of a fact with or without dissent, given its origins and confidence."""
    if not dissent:
        return FactStatus.AGREED if origins >= 2 else FactStatus.SINGLE_SOURCE
    return FactStatus.RESOLVED if confidence >= RESOLVED_AT - 1e-12 else FactStatus.DISPUTED


def _text(x: object) -> str:
    return str(x)


#: How a supporting or dissenting claim stands to a fact's value, in :attr:`Support.relation`.
RELATIONS = {
    "gives": "the claim gives the fact's value",
    "same": "the same value, written differently or within the property's tolerance",
    "coarser": "a vaguer value that the fact's value lies within",
    "finer": "a more precise value that lies within the fact's value",
    "overlap": "a value that can be true together with the fact's value",
    "rival": "a value that cannot be true together with the fact's value",
    "denies": "the claim denies the fact's value, or a value it implies",
}


@attrs.frozen(slots=True, kw_only=True)
class Support:
    """One claim behind a fact or against it, with the value *it* gave.

    ``relation`` says how that value stands to the fact's (``gives``, ``same``,
    ``coarser``, ``finer``, ``overlap`` for support; ``rival`` and ``denies`` for dissent)
    and ``reason`` says why, in :func:`~filmlore.compare`'s words ("92 min and 90 min
    differ by 2.2%, within the tolerance of 3%").  ``subject`` and ``property`` are the
    claim's own, read forward (a claim that L.A. Takedown was *remade as* Heat supports the
    fact that Heat is a *remake of* it); ``qualifiers`` are the claim's narrowing ones.
    """

    claim: str
    source: str
    origin: str
    value: Any
    value_text: str
    relation: str
    reason: str = ""
    stance: str = "asserts"
    subject: Any = None
    property: str = ""
    qualifiers: tuple[Qualifier, ...] = ()
    who: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The supporter as JSON-able data."""
        return {
            "claim": self.claim,
            "source": self.source,
            "origin": self.origin,
            "value": self.value_text,
            "relation": self.relation,
            "reason": self.reason,
            "stance": self.stance,
            "property": self.property,
            "qualifiers": {q.key: q.value for q in self.qualifiers},
        }


@attrs.frozen(slots=True, kw_only=True)
class Fact:
    """What the sources most likely say about one property of one subject.

    ``value`` is a value some source gave: the accepted one (typed as claimed, or the
    table's label).  ``supporters`` lists every claim behind it with the value *that claim*
    gave and how it stands to the fact's (:class:`Support`); ``dissenters`` every claim
    against it.  ``support`` and ``dissent`` are their claim ids -- relayed copies
    included, though a relayed copy counts only once.  ``confidence`` is the probability
    that the value is right given the evidence: a lone source's claim gets about that
    source's trust, not 1.  ``qualifiers`` are the scope of the question (a release date's
    ``country``) and the fact's own narrowing qualifiers; each supporter keeps its own.
    ``ignored`` lists the deprecated claims about it, which were not counted;
    ``sources`` and ``dissenting_sources`` are the ids of the sources behind ``support``
    and ``dissent``.
    """

    subject: Any
    property: str
    value: Any
    status: FactStatus
    confidence: float
    support: tuple[str, ...]
    dissent: tuple[str, ...] = ()
    explanation: str = ""
    qualifiers: tuple[Qualifier, ...] = ()
    ignored: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    dissenting_sources: tuple[str, ...] = ()
    value_text: str | None = attrs.field(default=None, repr=False)
    value_data: Any = attrs.field(default=None, repr=False, eq=False)
    supporters: tuple[Support, ...] = attrs.field(default=(), repr=False)
    dissenters: tuple[Support, ...] = attrs.field(default=(), repr=False)

    @builtins.property
    def printed(self) -> str:
        """The value as its kind prints it."""
        return self.value_text if self.value_text is not None else _text(self.value)

    def to_dict(self) -> dict[str, Any]:
        """The fact as JSON-able data: ``value`` printed, ``value_data`` in dump form, and
        every supporter and dissenter with the value it gave."""
        data = self.value_data if self.value_data is not None else self.printed
        return {
            "subject": str(self.subject),
            "property": self.property,
            "value": self.printed,
            "value_data": data,
            "status": self.status.value,
            "confidence": round(float(self.confidence), 6),
            "support": list(self.support),
            "dissent": list(self.dissent),
            "explanation": self.explanation,
            "qualifiers": {q.key: q.value for q in self.qualifiers},
            "ignored": list(self.ignored),
            "supporters": [x.to_dict() for x in self.supporters],
            "dissenters": [x.to_dict() for x in self.dissenters],
        }


@attrs.frozen(slots=True, kw_only=True)
class ConflictSide:
    """One side of a conflict: a value, the claims that give (or deny) it and their
    sources.  ``denies`` is True for the side of claims denying ``value``.  A vaguer claim
    consistent with several sides ("2004" beside 2004-08-04 and 2004-08-06) is listed on
    each of them, in ``claims`` and in ``shared``."""

    value: Any
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    confidence: float = 0.0
    denies: bool = False
    value_text: str | None = attrs.field(default=None, repr=False)
    supporters: tuple[Support, ...] = attrs.field(default=(), repr=False)
    shared: tuple[str, ...] = ()

    @builtins.property
    def printed(self) -> str:
        """The value as its kind prints it."""
        return self.value_text if self.value_text is not None else _text(self.value)

    def to_dict(self) -> dict[str, Any]:
        """The side as JSON-able data."""
        return {
            "value": self.printed,
            "denies": self.denies,
            "claims": list(self.claims),
            "shared": list(self.shared),
            "sources": list(self.sources),
            "confidence": round(float(self.confidence), 6),
            "supporters": [x.to_dict() for x in self.supporters],
        }


@attrs.frozen(slots=True, kw_only=True)
class Conflict:
    """A question on which sources disagree, with its sides, best first.

    ``status`` is :attr:`FactStatus.RESOLVED` when the policy settled it (``winner`` is
    then the accepted value) and :attr:`FactStatus.DISPUTED` when it stays open.
    """

    subject: Any
    property: str
    sides: tuple[ConflictSide, ...]
    status: FactStatus
    winner: Any = None
    explanation: str = ""

    @builtins.property
    def open(self) -> bool:
        """True when the policy could not settle it."""
        return self.status is FactStatus.DISPUTED

    def to_dict(self) -> dict[str, Any]:
        """The conflict as JSON-able data."""
        return {
            "subject": str(self.subject),
            "property": self.property,
            "status": self.status.value,
            "winner": None if self.winner is None else _text(self.winner),
            "sides": [s.to_dict() for s in self.sides],
            "explanation": self.explanation,
        }


class Reconciliation:
    """The outcome of :func:`~filmlore.reconcile`: facts, conflicts and source trust.

    ``facts`` has one :class:`Fact` per (subject, property) of a single-valued property
    (two or more only when claims hold in different scopes) and one per accepted value of
    a many-valued property.  ``rejected`` holds the values the evidence turned down
    (denied more than asserted).  ``source_trust`` maps each source id to a trust in
    [0, 1]: what truth discovery learned, or else the share of the source's claims that
    agree with the facts.

    On the vectorised path the facts are built when first asked for; :meth:`answers`
    gives the accepted values without building them.
    """

    def __init__(
        self,
        *,
        policy: Policy,
        facts: tuple[Fact, ...] | Callable[[], tuple[Fact, ...]],
        conflicts: tuple[Conflict, ...] | Callable[[], tuple[Conflict, ...]],
        source_trust: dict[str, float],
        rejected: tuple[Fact, ...] | Callable[[], tuple[Fact, ...]] = (),
        answers: Callable[[bool], dict[tuple[Any, str], Any]] | None = None,
        iterations: int = 0,
        copies: tuple[tuple[str, str, float], ...] = (),
        registry: PropertyRegistry | None = None,
    ) -> None:
        self.policy = policy
        self.source_trust = source_trust
        self.iterations = iterations
        self.copies = copies
        self._registry = registry
        self._facts = facts
        self._conflicts = conflicts
        self._rejected = rejected
        self._answers = answers

    @staticmethod
    def _force(value: Any) -> tuple[Any, ...]:
        return value if isinstance(value, tuple) else tuple(value())

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every accepted fact."""
        if not isinstance(self._facts, tuple):
            self._facts = self._force(self._facts)
        return self._facts

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        """Every question on which sources disagree, resolved or open."""
        if not isinstance(self._conflicts, tuple):
            self._conflicts = self._force(self._conflicts)
        return self._conflicts

    @property
    def rejected(self) -> tuple[Fact, ...]:
        """Values the evidence turned down: denied more strongly than asserted."""
        if not isinstance(self._rejected, tuple):
            self._rejected = self._force(self._rejected)
        return self._rejected

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.facts)

    def __len__(self) -> int:
        return len(self.facts)

    def __repr__(self) -> str:
        counts: dict[FactStatus, int] = {}
        for fact in self.facts:
            counts[fact.status] = counts.get(fact.status, 0) + 1
        parts = ", ".join(
            f"{n} {s.value}" for s, n in sorted(counts.items(), key=lambda x: x[0].value)
        )
        return (
            f"<Reconciliation by {self.policy!r}: {len(self.facts)} facts"
            f"{' (' + parts + ')' if parts else ''}, {len(self.conflicts)} conflicts>"
        )

    def answers(self, *, with_confidence: bool = False) -> dict[tuple[Any, str], Any]:
        """{(subject, property): value} for single-valued questions and {(subject,
        property): (value, ...)} for many-valued ones -- without building :class:`Fact`
        objects.  With ``with_confidence``, each value comes as ``(value, confidence)``."""
        if self._answers is not None:
            return self._answers(with_confidence)
        out: dict[tuple[Any, str], Any] = {}
        many: dict[tuple[Any, str], list[Any]] = {}
        for fact in self.facts:
            key = (fact.subject, fact.property)
            value = (fact.value, fact.confidence) if with_confidence else fact.value
            if key in out or key in many:
                many.setdefault(key, [out.pop(key)] if key in out else []).append(value)
            else:
                out[key] = value
        out.update({k: tuple(v) for k, v in many.items()})
        return out

    def fact(self, subject: EntityRef | str, property: str) -> Fact | None:
        """The (first) fact about ``subject``'s ``property``, or None.

        Properties are matched by family and from either end: asked for L.A. Takedown's
        ``followed_by``, it finds the fact that Heat ``follows`` L.A. Takedown.
        """
        want = str(subject)
        for fact in self.facts:
            if str(fact.subject) == want and fact.property == property:
                return fact
        reg = self._registry
        if reg is None or reg.find(property) is None:
            return None
        _, flipped = reg.forward(property)
        root = reg.lineage(property)[-1].name
        for fact in self.facts:
            if reg.find(fact.property) is None or reg.lineage(fact.property)[-1].name != root:
                continue
            _, fact_flipped = reg.forward(fact.property)
            subject_fwd, value_fwd = (
                (fact.value, fact.subject) if fact_flipped else (fact.subject, fact.value)
            )
            if str(value_fwd if flipped else subject_fwd) == want:
                return fact
        return None

    def facts_about(self, subject: EntityRef | str) -> list[Fact]:
        """Every fact about ``subject``."""
        want = str(subject)
        return [f for f in self.facts if str(f.subject) == want]

    def to_dict(self) -> dict[str, Any]:
        """JSON-able data with the keys ``policy``, ``facts``, ``conflicts`` and
        ``sources`` (``[{"id", "trust"}]``, most trusted first)."""
        return {
            "policy": self.policy.describe(),
            "facts": [f.to_dict() for f in self.facts],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "sources": [
                {"id": sid, "trust": round(float(t), 6)}
                for sid, t in sorted(self.source_trust.items(), key=lambda x: (-x[1], x[0]))
            ],
        }
