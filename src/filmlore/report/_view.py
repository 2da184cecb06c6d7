"""The report, format-free: facts by status, their sides, citations, sources and agreement.

Every format (text, Markdown, HTML, the terminal) renders one :class:`ReportView`, built
once from a reconciliation and, when given, the dossier its claims come from.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from filmlore.dossier import Dossier
from filmlore.models import Claim, Source
from filmlore.reconcile import Conflict, ConflictSide, Fact, Reconciliation, Support
from filmlore.report._names import describe_source, name_of, value_text
from filmlore.report._quotes import QuoteLine, quote_fidelity
from filmlore.values.refs import EntityRef

__all__ = [
    "DISPUTES",
    "STATUSES",
    "AgreementMatrix",
    "Citation",
    "FactView",
    "ReportView",
    "Side",
    "SourceView",
    "agreement_matrix",
    "build_view",
]

#: Fact statuses in report order, with their section headings.
STATUSES: tuple[tuple[str, str], ...] = (
    ("agreed", "Agreed facts"),
    ("resolved", "Resolved disputes"),
    ("disputed", "Open disputes"),
    ("rejected", "Rejected values"),
    ("single-source", "Single-source facts"),
)
#: The statuses alone, in report order.
STATUS_ORDER: tuple[str, ...] = tuple(name for name, _ in STATUSES)
#: The statuses shown with every side and its excerpts, not as a row of a table.
DISPUTES = frozenset(("resolved", "disputed", "rejected"))


def status_name(status: Any) -> str:
    """The status as its lower-case word (``agreed``, ``single-source`` …)."""
    value = getattr(status, "value", status)
    return str(value).lower().replace("_", "-")


def _ref(value: Any) -> EntityRef | None:
    if isinstance(value, EntityRef):
        return value
    try:
        return EntityRef.parse(str(value))
    except ValueError:
        return None


@attrs.frozen(slots=True, kw_only=True)
class Citation:
    """A numbered note: the claim, its source, and the words it rests on."""

    number: int
    claim: EntityRef
    source: EntityRef | None
    label: str
    excerpt: str | None = None
    url: str | None = None
    via: tuple[str, ...] = ()
    said_by: str | None = None


@attrs.frozen(slots=True, kw_only=True)
class Side:
    """One side of a fact: a value, whether the sources assert or deny it, who, and where."""

    value: str
    stance: str
    sources: tuple[EntityRef, ...]
    citations: tuple[int, ...]
    chosen: bool


@attrs.frozen(slots=True, kw_only=True)
class FactView:
    """A fact as a report shows it.

    ``sources`` are the sources that give its value in its own terms; ``also`` lists the
    other supporters in their own words ("'1995' (coarser) — crime-epic-blog"), so that no
    source is shown giving a value it did not give.  ``sides`` are the sides of its dispute,
    each with every source on it.
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
        """The facts of one status, in report order."""
        return [f for f in self.facts if f.status == status]

    def citation(self, number: int) -> Citation:
        """The citation numbered ``number``."""
        return self.citations[number - 1]

    def counts(self) -> dict[str, int]:
        """How many facts of each status."""
        return {status: len(self.with_status(status)) for status, _ in STATUSES}

    def name(self, ref: EntityRef | None) -> str:
        """The name of what ``ref`` names."""
        return name_of(self.dossier, ref)


def _policy_label(reconciliation: Reconciliation) -> str:
    """The policy's name as reports print it (``truth discovery``)."""
    policy = reconciliation.policy
    name = getattr(policy, "name", None)
    return str(name) if name else type(policy).__name__


class _Notes:
    """Numbers citations in order of first use; one number per (source, excerpt)."""

    def __init__(self, dossier: Dossier | None) -> None:
        self.dossier = dossier
        self.items: list[Citation] = []
        self.seen: dict[tuple[Any, ...], int] = {}

    def cite(self, claim_id: EntityRef, claim: Claim | None) -> int:
        source = claim.source if claim is not None else None
        excerpt = claim.excerpt.text if claim is not None and claim.excerpt else None
        key: tuple[Any, ...] = (source, excerpt) if excerpt else (claim_id,)
        if key in self.seen:
            return self.seen[key]
        entity = self.dossier.get(source) if self.dossier is not None and source else None
        url = entity.url if isinstance(entity, Source) else None
        via = tuple(name_of(self.dossier, v) for v in claim.via) if claim is not None else ()
        said = claim.attributed_to if claim is not None else None
        number = len(self.items) + 1
        self.items.append(
            Citation(
                number=number,
                claim=claim_id,
                source=source,
                label=describe_source(self.dossier, source) if source else str(claim_id),
                excerpt=excerpt,
                url=url,
                via=via,
                said_by=name_of(self.dossier, said) if said is not None else None,
            )
        )
        self.seen[key] = number
        return number


def _claim(dossier: Dossier | None, ref: Any) -> Claim | None:
    if dossier is None:
        return None
    found = dossier.get(ref) if isinstance(ref, (EntityRef, str)) else None
    return found if isinstance(found, Claim) else None


def _dedupe(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(items))


def _value_text(dossier: Dossier | None, fact_or_side: Fact | ConflictSide) -> str:
    if isinstance(fact_or_side, ConflictSide) and fact_or_side.value_text is not None:
        return fact_or_side.value_text  # the side in its own words, names and scope
    value = fact_or_side.value
    if isinstance(value, EntityRef):
        return value_text(dossier, value)
    return fact_or_side.printed


def _qualifier_text(dossier: Dossier | None, value: str) -> str:
    """A qualifier's value, a reference by the name of what it names."""
    try:
        ref = EntityRef.parse(value)
    except ValueError:
        return value
    return name_of(dossier, ref)


def _qualified(text: str, qualifiers: Iterable[Any], dossier: Dossier | None = None) -> str:
    quals = ", ".join(f"{q.key}: {_qualifier_text(dossier, q.value)}" for q in qualifiers)
    return f"{text} [{quals}]" if quals else text


def _words(dossier: Dossier | None, fact: Fact, s: Support) -> str:
    """What supporter ``s`` said, in its own terms: its value with its qualifiers, and, for
    a claim made from the other end of the relation, the whole relation ("Heat influenced
    The Dark Knight")."""
    value = s.value_text
    if isinstance(s.value, EntityRef):
        value = value_text(dossier, s.value)
    words = _qualified(value, s.qualifiers, dossier)
    if s.property != fact.property:
        subject = value_text(dossier, s.subject) if s.subject is not None else ""
        words = f"{subject} {s.property} {words}".strip()
    return words


def _gives_value(fact: Fact, s: Support, words: str, own: str) -> bool:
    """True when supporter ``s``, whose own words are ``words``, gives the fact's own value
    (``own``) in the fact's own terms."""
    return s.property == fact.property and (s.relation == "gives" or words == own)


def _also(dossier: Dossier | None, fact: Fact) -> tuple[str, ...]:
    """The supporters whose own words differ from the fact's -- another value, another
    property, another scope -- as "'nearly 3 hours' (coarser) — crime-epic-blog"."""
    own = _qualified(_value_text(dossier, fact), fact.qualifiers, dossier)
    said: dict[str, list[str]] = {}
    for s in fact.supporters:
        words = _words(dossier, fact, s)
        if _gives_value(fact, s, words, own):
            continue
        reversed_ = s.subject is not None and str(s.subject) != str(fact.subject)
        relation = "the other way round" if reversed_ and s.relation == "gives" else s.relation
        key = f"'{words}' ({relation})"
        said.setdefault(key, []).append(s.source.split(":", 1)[-1])
    return tuple(f"{k} — {', '.join(sorted(set(v)))}" for k, v in said.items())


def _givers(dossier: Dossier | None, fact: Fact) -> tuple[EntityRef, ...]:
    """The sources that give the fact's own value (not a coarser or related one); all its
    sources when none does in the fact's own terms."""
    own = _qualified(_value_text(dossier, fact), fact.qualifiers, dossier)
    return _refs(
        sorted(
            {
                s.source
                for s in fact.supporters
                if _gives_value(fact, s, _words(dossier, fact, s), own)
            }
        )
    )


def _refs(items: Iterable[Any]) -> tuple[EntityRef, ...]:
    return _dedupe(r for r in (_ref(x) for x in items) if r is not None)


def _conflict_for(fact: Fact, conflicts: Mapping[tuple[str, str], list[Conflict]]) -> Any:
    """The conflict whose sides include this fact's supporting claims, if any."""
    support = {str(c) for c in fact.support}
    for conflict in conflicts.get((str(fact.subject), fact.property), ()):
        if any(support & set(map(str, side.claims)) for side in conflict.sides):
            return conflict
    return None


def _fact_view(
    fact: Fact,
    dossier: Dossier | None,
    notes: _Notes,
    conflicts: Mapping[tuple[str, str], list[Conflict]],
    *,
    rejected: bool = False,
) -> FactView:
    """A fact as the report shows it; a ``rejected`` one is supported by its denials."""
    value = _value_text(dossier, fact)
    support_ids = _refs(fact.support)
    dissent_ids = _refs(fact.dissent)

    def cite(ids: Iterable[EntityRef]) -> tuple[int, ...]:
        return _dedupe(notes.cite(ref, _claim(dossier, ref)) for ref in ids)

    def sources_of(ids: Iterable[EntityRef], given: Iterable[Any]) -> tuple[EntityRef, ...]:
        found = _refs(given)
        if found:
            return found
        return _dedupe(c.source for c in (_claim(dossier, r) for r in ids) if c is not None)

    chosen = Side(
        value=value,
        stance="denies" if rejected else "asserts",
        sources=sources_of(support_ids, fact.sources),
        citations=cite(support_ids),
        chosen=True,
    )
    sides = [chosen]
    conflict = _conflict_for(fact, conflicts) if dissent_ids else None
    if conflict is not None:
        support = {str(c) for c in fact.support}
        dissent = {str(c) for c in fact.dissent}
        for side in conflict.sides:
            claims = set(map(str, side.claims))
            if support & claims or not dissent & claims:
                continue
            ids = _refs(side.claims)
            sides.append(
                Side(
                    value=_value_text(dossier, side),
                    stance="denies" if side.denies else "asserts",
                    sources=sources_of(ids, side.sources),
                    citations=cite(ids),
                    chosen=False,
                )
            )
    else:
        others: dict[tuple[str, str], list[EntityRef]] = {}  # (value, stance): claims
        for ref in dissent_ids:
            claim = _claim(dossier, ref)
            if claim is None:
                key = ("another value", "asserts")
            else:
                key = (value_text(dossier, claim.value), claim.stance.value)
            others.setdefault(key, []).append(ref)
        for (other, stance), group in others.items():
            sides.append(
                Side(
                    value=other,
                    stance=stance,
                    sources=sources_of(group, ()),
                    citations=cite(group),
                    chosen=False,
                )
            )
    confidence = float(fact.confidence)
    subject = _ref(fact.subject)
    return FactView(
        subject=str(fact.subject),
        subject_name=name_of(dossier, subject) if subject is not None else str(fact.subject),
        property=fact.property,
        value=_qualified(value, fact.qualifiers, dossier),
        also=() if rejected else _also(dossier, fact),
        status="rejected" if rejected else status_name(fact.status),
        confidence=confidence if math.isfinite(confidence) else 0.0,
        explanation=fact.explanation,
        sources=(() if rejected else _givers(dossier, fact)) or chosen.sources,
        citations=chosen.citations,
        sides=tuple(sides),
        support=len(support_ids),
        dissent=len(dissent_ids),
    )


def _conflicts(reconciliation: Reconciliation) -> dict[tuple[str, str], list[Conflict]]:
    out: dict[tuple[str, str], list[Conflict]] = {}
    for conflict in reconciliation.conflicts:
        out.setdefault((str(conflict.subject), conflict.property), []).append(conflict)
    return out


def agreement_matrix(
    reconciliation: Reconciliation, dossier: Dossier | Iterable[Claim] | None = None
) -> AgreementMatrix:
    """Who agrees with whom: for every pair of sources, the facts they agree and disagree on.

    Sources are on the same side of a fact when they support its value, or give the same
    other value; each fact counts once per pair.  ``dossier`` (or the claims themselves)
    says which source made each claim when the facts do not.
    """
    known = _as_dossier(dossier)
    return _matrix(_fact_views(reconciliation, known, _Notes(None)), reconciliation.source_trust)


def _fact_views(
    reconciliation: Reconciliation,
    dossier: Dossier | None,
    notes: _Notes,
    order: Sequence[str] = STATUS_ORDER,
) -> tuple[FactView, ...]:
    """Every fact and rejected value: by status in ``order``, then by subject (the dossier's
    films first, then as they come).  Citations are numbered in that order."""
    conflicts = _conflicts(reconciliation)
    items = [(f, False) for f in reconciliation.facts]
    items += [(f, True) for f in reconciliation.rejected]
    first: dict[str, int] = {}
    for film in dossier.films if dossier is not None else ():
        first.setdefault(str(film.id), len(first))
    for fact, _ in items:
        first.setdefault(str(fact.subject), len(first))
    rank = {status: i for i, status in enumerate(order)}

    def place(item: tuple[Fact, bool]) -> tuple[int, int]:
        fact, rejected = item
        status = "rejected" if rejected else status_name(fact.status)
        return rank.get(status, len(rank)), first[str(fact.subject)]

    items.sort(key=place)
    return tuple(_fact_view(f, dossier, notes, conflicts, rejected=r) for f, r in items)


def _matrix(facts: Sequence[FactView], trust: Mapping[Any, float]) -> AgreementMatrix:
    order: dict[EntityRef, None] = {}
    for key in trust:
        ref = _ref(key)
        if ref is not None:
            order[ref] = None
    for fact in facts:
        for side in fact.sides:
            for source in side.sources:
                order[source] = None
    spoken = {s for f in facts for side in f.sides for s in side.sources}
    sources = tuple(s for s in order if s in spoken)
    index = {s: i for i, s in enumerate(sources)}
    n = len(sources)
    agree = [[0] * n for _ in range(n)]
    disagree = [[0] * n for _ in range(n)]
    for fact in facts:
        side_of: dict[int, set[int]] = {}
        for k, side in enumerate(fact.sides):
            for source in side.sources:
                side_of.setdefault(index[source], set()).add(k)
        for i, mine in side_of.items():
            agree[i][i] += 1
            for j, theirs in side_of.items():
                if i == j:
                    continue
                if mine & theirs:
                    agree[i][j] += 1
                else:
                    disagree[i][j] += 1
    return AgreementMatrix(
        sources=sources,
        agree=tuple(map(tuple, agree)),
        disagree=tuple(map(tuple, disagree)),
    )


def _as_dossier(dossier: Dossier | Iterable[Claim] | None) -> Dossier | None:
    if dossier is None or isinstance(dossier, Dossier):
        return dossier
    return Dossier(claims=list(dossier))


def build_view(
    reconciliation: Reconciliation,
    dossier: Dossier | Iterable[Claim] | None = None,
    *,
    title: str | None = None,
    quotes: bool = True,
    order: Sequence[str] = STATUS_ORDER,
) -> ReportView:
    """The report of ``reconciliation``, with names, excerpts and quotes from ``dossier``."""
    dossier = _as_dossier(dossier)
    notes = _Notes(dossier)
    facts = _fact_views(reconciliation, dossier, notes, order)
    trust = {str(k): float(v) for k, v in reconciliation.source_trust.items()}
    matrix = _matrix(facts, reconciliation.source_trust)
    known: dict[EntityRef, None] = dict.fromkeys(matrix.sources)
    for key in reconciliation.source_trust:
        ref = _ref(key)
        if ref is not None:
            known.setdefault(ref, None)
    if dossier is not None:
        for source in dossier.sources:
            known.setdefault(source.id, None)
    behind: dict[EntityRef, int] = {}  # claims a source makes or relays
    for claim in dossier.claims if dossier is not None else ():
        for ref in _dedupe((claim.source, *claim.via)):
            behind[ref] = behind.get(ref, 0) + 1
    sources = []
    for ref in known:
        entity = dossier.get(ref) if dossier is not None else None
        relays: tuple[str, ...] = ()
        if isinstance(entity, Source):
            relays = tuple(v.key for v in entity.via)
        sources.append(
            SourceView(
                id=ref,
                label=describe_source(dossier, ref),
                kind=entity.kind.value if isinstance(entity, Source) else "",
                url=entity.url if isinstance(entity, Source) else None,
                trust=trust.get(str(ref)),
                claims=behind.get(ref, 0),
                relays=relays,
            )
        )
    if title is None:
        title = (dossier.title if dossier is not None else None) or "Reconciled facts"
    lines = tuple(quote_fidelity(dossier)) if quotes and dossier is not None else ()
    return ReportView(
        title=title,
        policy=_policy_label(reconciliation),
        facts=facts,
        sources=tuple(sources),
        citations=tuple(notes.items),
        matrix=matrix,
        quotes=lines,
        claims=len(dossier.claims) if dossier is not None else 0,
        conflicts=len(reconciliation.conflicts),
        dossier=dossier,
    )
