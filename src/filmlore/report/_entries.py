"""What a report shows, format-free: its sections, each fact with its sides, evidence and
citations, the sources, and who agrees with whom.

:mod:`filmlore.report._view` builds a :class:`ReportView` of these from a reconciliation;
every format renders it.  The sections lead with what needs a decision -- open disputes,
resolved disputes, rejected values -- then the agreed and the single-source facts;
opinions (values of a property whose kind is ``assessment``, see :func:`is_opinion`)
come last, in a section of their own.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from typing import Any

import attrs

from filmlore.dossier import Dossier
from filmlore.properties import PropertyRegistry
from filmlore.properties import registry as default_registry
from filmlore.reconcile import Support
from filmlore.report._evidence import Field, quoted
from filmlore.report._names import name_of
from filmlore.report._quotes import QuoteLine
from filmlore.values.refs import EntityRef

__all__ = [
    "ALWAYS_SHOWN",
    "DISPUTES",
    "OPINION_KINDS",
    "SECTIONS",
    "SECTION_ORDER",
    "STATUSES",
    "AgreementMatrix",
    "Citation",
    "Count",
    "FactView",
    "ReportView",
    "Side",
    "SourceView",
    "count_of",
    "is_opinion",
    "ref_of",
    "status_name",
    "verdict",
]

#: The sections of a report, in order, with their headings: what needs a decision first,
#: then the facts, then the opinions.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("disputed", "Open disputes"),
    ("resolved", "Resolved disputes"),
    ("rejected", "Rejected values"),
    ("agreed", "Agreed facts"),
    ("single-source", "Single-source facts"),
    ("opinions", "Opinions"),
)
#: The fact statuses in report order, with their section headings.
STATUSES: tuple[tuple[str, str], ...] = SECTIONS[:-1]
#: The sections alone, in report order.
SECTION_ORDER: tuple[str, ...] = tuple(name for name, _ in SECTIONS)
#: The statuses shown with every side and its excerpts, not as a line of a list.
DISPUTES = frozenset(("resolved", "disputed", "rejected"))
#: The sections shown even when empty ("none"), so that a reader sees there is no dispute.
ALWAYS_SHOWN = frozenset(("disputed", "resolved"))
#: The value kinds that hold opinions rather than facts.
OPINION_KINDS = frozenset(("assessment",))


def is_opinion(property: str, registry: PropertyRegistry | None = None) -> bool:
    """True when ``property`` holds opinions: its value kind, or that of a broader property
    it is a kind of, is one of :data:`OPINION_KINDS` (``assessment``).

    A report lists opinions in a section of their own, never among the facts.  Declare a
    property of your own as an opinion by giving it the kind ``assessment`` (it compares as
    text does).  ``registry`` defaults to the built-in one; unknown properties are facts.

    >>> from filmlore.report import is_opinion
    >>> is_opinion("assessment"), is_opinion("duration")
    (True, False)
    """
    reg = registry if registry is not None else default_registry
    if reg.find(property) is None:
        return False
    try:
        lineage = reg.lineage(property)
    except Exception:  # a declaration that does not resolve: only its own kind counts
        found = reg.find(property)
        return found is not None and found.kind in OPINION_KINDS
    return any(p.kind in OPINION_KINDS for p in lineage)


def status_name(status: Any) -> str:
    """The status as its lower-case word (``agreed``, ``single-source`` …)."""
    value = getattr(status, "value", status)
    return str(value).lower().replace("_", "-")


def ref_of(value: Any) -> EntityRef | None:
    """``value`` as an entity reference, or None when it is not one."""
    if isinstance(value, EntityRef):
        return value
    try:
        return EntityRef.parse(str(value))
    except ValueError:
        return None


@attrs.frozen(slots=True, kw_only=True)
class Count:
    """How much evidence stands behind a value: how many sources, and how many independent
    origins among them (claims relayed from one interview, or attributed to one person,
    are one origin; None when not known)."""

    sources: int
    independent: int | None

    @property
    def text(self) -> str:
        """``1 source``, ``3 independent sources``, ``4 sources (2 independent)``; ``3
        sources`` when how many are independent is not known."""
        if self.sources == 0:
            return "no source"
        if self.sources == 1:
            return "1 source"
        if self.independent is None:
            return f"{self.sources} sources"
        if self.independent >= self.sources:
            return f"{self.sources} independent sources"
        return f"{self.sources} sources ({self.independent} independent)"

    def to_dict(self) -> dict[str, Any]:
        """The count as JSON-ready data."""
        return {"sources": self.sources, "independent": self.independent, "text": self.text}


def count_of(supports: Iterable[Support]) -> Count:
    """How many sources, and independent origins, the supporters ``supports`` are."""
    items = list(supports)
    return Count(sources=len({s.source for s in items}), independent=len({s.origin for s in items}))


@attrs.frozen(slots=True, kw_only=True)
class Citation:
    """A numbered note: the claim, its source, and the words it rests on.

    ``fields`` is set for an excerpt of a data set: the fields of the row it comes from,
    as ``(name, value)`` pairs, and ``where`` names the row when the claim's locator does.
    """

    number: int
    claim: EntityRef
    source: EntityRef | None
    label: str
    excerpt: str | None = None
    url: str | None = None
    via: tuple[str, ...] = ()
    said_by: str | None = None
    fields: tuple[Field, ...] = ()
    where: str | None = None
    stance: str = "asserts"

    @property
    def key(self) -> str:
        """The source's short key (``tmdb-heat``), or the claim id without a source."""
        return self.source.key if self.source is not None else str(self.claim)

    @property
    def words(self) -> str:
        """The evidence as a reader sees it: ``genres.id = 80; genres.name = Crime`` for
        a row of a data set, else the excerpt in quotation marks ("" without one)."""
        if self.fields:
            shown = "; ".join(f"{name} = {value}" for name, value in self.fields)
            return f"{shown} ({self.where})" if self.where else shown
        return quoted(self.excerpt) if self.excerpt else ""

    def to_dict(self) -> dict[str, Any]:
        """The note as JSON-ready data."""
        return {
            "number": self.number,
            "claim": str(self.claim),
            "source": None if self.source is None else str(self.source),
            "label": self.label,
            "excerpt": self.excerpt,
            "fields": dict(self.fields) or None,
            "where": self.where,
            "words": self.words,
            "url": self.url,
            "via": list(self.via),
            "said_by": self.said_by,
            "stance": self.stance,
        }


@attrs.frozen(slots=True, kw_only=True)
class Side:
    """One side of a dispute: a value, whether its sources assert or deny it, who, where,
    and how it came out (``verdict``: ``accepted``, ``turned down``, ``overruled`` …).

    ``hedged`` are the sources on it that only hedge ("I read that …").
    """

    value: str
    stance: str
    sources: tuple[EntityRef, ...]
    citations: tuple[int, ...]
    chosen: bool
    verdict: str = ""
    count: Count = Count(sources=0, independent=0)
    hedged: tuple[EntityRef, ...] = ()

    @property
    def mark(self) -> str:
        """``✓`` for an accepted value, ``✗`` for one turned down or a denial overruled,
        ``•`` otherwise (an open question, or the sides of a rejected value)."""
        if self.verdict == "accepted":
            return "✓"
        if self.verdict in ("turned down", "overruled"):
            return "✗"
        return "•"


def verdict(status: str, chosen: bool, stance: str) -> str:
    """How a side came out, in words."""
    if status == "rejected":
        if stance == "denies":
            return "denied"
        return "reported (hedged)" if stance == "hedges" else "asserted, turned down"
    if status == "disputed":
        if chosen:
            return "leading"
        return "denial" if stance == "denies" else "rival"
    if chosen:
        return "accepted"
    return "overruled" if stance == "denies" else "turned down"


@attrs.frozen(slots=True, kw_only=True)
class FactView:
    """A fact as a report shows it.

    ``sources`` are the sources that give its value in its own terms; ``also`` lists the
    other supporters in their own words ("'1995' (coarser) — crime-epic-blog"), so that no
    source is shown giving a value it did not give; ``count`` counts every supporter.
    ``hedges`` are the supporters that only hedge, with their words as written.  ``sides``
    are the sides of its dispute, each with every source on it.  ``opinion`` is True for an
    opinion (:func:`is_opinion`), which a report lists apart from the facts.
    """

    subject: str
    subject_name: str
    property: str
    value: str
    status: str
    confidence: float
    explanation: str
    sources: tuple[EntityRef, ...]
    citations: tuple[int, ...]
    sides: tuple[Side, ...]
    support: int
    dissent: int
    also: tuple[str, ...] = ()  # supporters in their own words, where those differ
    count: Count = Count(sources=0, independent=0)
    hedges: tuple[tuple[str, str], ...] = ()  # (source key, its hedged words)
    opinion: bool = False

    @builtins.property
    def section(self) -> str:
        """The report section the fact is listed in: its status, or ``opinions``."""
        return "opinions" if self.opinion else self.status

    @builtins.property
    def disputed(self) -> bool:
        """True when the fact is shown as a dispute, with its sides."""
        return self.status in DISPUTES


@attrs.frozen(slots=True, kw_only=True)
class SourceView:
    """A source as a report shows it: what it is, how far it is trusted, and how many
    claims it stands behind (made, or relayed to the source that made them)."""

    id: EntityRef
    label: str
    kind: str
    url: str | None
    trust: float | None
    claims: int
    relays: tuple[str, ...] = ()


@attrs.frozen(slots=True, kw_only=True)
class AgreementMatrix:
    """How often each pair of sources agrees and disagrees over the reconciled facts.

    Two sources *agree* on a fact when they are on the same side of it (both support its
    value, or both give the same other value) and *disagree* when they are on different
    sides.  ``agree[i][j]`` and ``disagree[i][j]`` count facts for ``sources[i]`` and
    ``sources[j]``; on the diagonal, the facts a source speaks to at all.
    """

    sources: tuple[EntityRef, ...]
    agree: tuple[tuple[int, ...], ...]
    disagree: tuple[tuple[int, ...], ...]

    def rate(self, a: EntityRef | str, b: EntityRef | str) -> float | None:
        """The share of the facts both speak to on which ``a`` and ``b`` agree, or None
        when they never speak to the same fact."""
        i, j = self._index(a), self._index(b)
        total = self.agree[i][j] + self.disagree[i][j]
        return None if total == 0 else self.agree[i][j] / total

    def _index(self, ref: EntityRef | str) -> int:
        key = ref if isinstance(ref, EntityRef) else EntityRef.parse(ref)
        return self.sources.index(key)


@attrs.frozen(slots=True, kw_only=True)
class ReportView:
    """Everything a report shows."""

    title: str
    policy: str
    facts: tuple[FactView, ...]
    sources: tuple[SourceView, ...]
    citations: tuple[Citation, ...]
    matrix: AgreementMatrix
    quotes: tuple[QuoteLine, ...]
    claims: int
    conflicts: int
    dossier: Dossier | None = attrs.field(default=None, eq=False, repr=False)

    def with_status(self, status: str) -> list[FactView]:
        """The facts (not opinions) of one status, in report order."""
        return [f for f in self.facts if f.status == status and not f.opinion]

    def in_section(self, section: str) -> list[FactView]:
        """The facts of one section (a status, or ``opinions``), in report order."""
        return [f for f in self.facts if f.section == section]

    def sections(self) -> list[tuple[str, str, list[FactView]]]:
        """Every section in report order: (key, heading, facts), empty ones included."""
        return [(key, heading, self.in_section(key)) for key, heading in SECTIONS]

    def citation(self, number: int) -> Citation:
        """The citation numbered ``number``."""
        return self.citations[number - 1]

    def counts(self) -> dict[str, int]:
        """How many facts in each section, in report order."""
        return {key: len(facts) for key, _, facts in self.sections()}

    def name(self, ref: EntityRef | None) -> str:
        """The name of what ``ref`` names."""
        return name_of(self.dossier, ref)
