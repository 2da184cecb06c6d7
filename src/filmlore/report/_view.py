"""The report built from a reconciliation: each fact's view with its sides, evidence and
numbered citations, in report order; the sources; who agrees with whom.

Every format (text, the terminal, Markdown, HTML, JSON) renders the one
:class:`~filmlore.report._entries.ReportView` that :func:`build_view` makes, from a
reconciliation and, when given, the dossier its claims come from.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from filmlore.dossier import Dossier
from filmlore.models import Claim, Source
from filmlore.properties import registry as default_registry
from filmlore.reconcile import Conflict, Fact, Reconciliation, Support
from filmlore.report._entries import (
    DISPUTES,
    SECTION_ORDER,
    AgreementMatrix,
    Citation,
    Count,
    FactView,
    ReportView,
    Side,
    SourceView,
    count_of,
    is_opinion,
    ref_of,
    status_name,
    verdict,
)
from filmlore.report._evidence import Cell, Field, csv_rows, excerpt_fields, quoted
from filmlore.report._names import describe_source, name_of, value_text
from filmlore.report._quotes import quote_fidelity
from filmlore.values.refs import EntityRef

__all__ = ["agreement_matrix", "build_view"]


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
        self.rows: dict[EntityRef, list[list[Cell]]] = {}

    def _fields(self, claim: Claim, entity: Any) -> tuple[str | None, tuple[Field, ...]]:
        if claim.excerpt is None:
            return None, ()
        source = entity if isinstance(entity, Source) else None
        rows = None
        if source is not None and source.text and claim.excerpt.locator is None:
            rows = self.rows.get(source.id)
            if rows is None:
                rows = self.rows[source.id] = csv_rows(source.text)
        return excerpt_fields(claim.excerpt, source, rows)

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
        where, fields = self._fields(claim, entity) if claim is not None else (None, ())
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
                fields=fields,
                where=where,
                stance=claim.stance.value if claim is not None else "asserts",
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


def _value_text(dossier: Dossier | None, fact_or_side: Any) -> str:
    if not isinstance(fact_or_side, Fact) and fact_or_side.value_text is not None:
        return str(fact_or_side.value_text)  # a side in its own words, names and scope
    value = fact_or_side.value
    if isinstance(value, EntityRef):
        return value_text(dossier, value)
    return str(fact_or_side.printed)


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


def _hedged(supports: Iterable[Support]) -> tuple[EntityRef, ...]:
    """The sources whose every claim among ``supports`` hedges."""
    items = list(supports)
    firm = {s.source for s in items if s.stance != "hedges"}
    return _refs(sorted({s.source for s in items if s.stance == "hedges"} - firm))


def _hedges(dossier: Dossier | None, supports: Iterable[Support]) -> tuple[tuple[str, str], ...]:
    """Each hedging supporter's source and its words as written (its excerpt)."""
    out: dict[tuple[str, str], None] = {}
    for s in supports:
        if s.stance != "hedges":
            continue
        claim = _claim(dossier, s.claim)
        words = quoted(claim.excerpt.text) if claim is not None and claim.excerpt else ""
        out[(s.source.split(":", 1)[-1], words)] = None
    return tuple(out)


def _refs(items: Iterable[Any]) -> tuple[EntityRef, ...]:
    return _dedupe(r for r in (ref_of(x) for x in items) if r is not None)


def _conflict_for(fact: Fact, conflicts: Mapping[tuple[str, str], list[Conflict]]) -> Any:
    """The conflict whose sides include this fact's supporting claims, if any."""
    support = {str(c) for c in fact.support}
    for conflict in conflicts.get((str(fact.subject), fact.property), ()):
        if any(support & set(map(str, side.claims)) for side in conflict.sides):
            return conflict
    return None


class _Builder:
    """Builds the view of each fact, numbering citations as they are first used."""

    def __init__(
        self,
        dossier: Dossier | None,
        notes: _Notes,
        conflicts: Mapping[tuple[str, str], list[Conflict]],
    ) -> None:
        self.dossier, self.notes, self.conflicts = dossier, notes, conflicts
        self.registry = dossier.registry if dossier is not None else default_registry
        self._opinions: dict[str, bool] = {}

    def is_opinion(self, property: str) -> bool:
        """:func:`is_opinion` of ``property`` in the dossier's registry (asked once)."""
        found = self._opinions.get(property)
        if found is None:
            found = self._opinions[property] = is_opinion(property, self.registry)
        return found

    def cite(self, ids: Iterable[EntityRef]) -> tuple[int, ...]:
        return _dedupe(self.notes.cite(ref, _claim(self.dossier, ref)) for ref in ids)

    def sources_of(self, ids: Iterable[EntityRef], given: Iterable[Any]) -> tuple[EntityRef, ...]:
        found = _refs(given)
        if found:
            return found
        claims = (_claim(self.dossier, r) for r in ids)
        return _dedupe(c.source for c in claims if c is not None)

    def side(
        self,
        status: str,
        value: str,
        stance: str,
        ids: Sequence[EntityRef],
        supports: Sequence[Support],
        given: Iterable[Any] = (),
        *,
        chosen: bool = False,
    ) -> Side:
        sources = self.sources_of(ids, given)
        # without the supporters' origins, how many are independent is not known
        count = count_of(supports) if supports else Count(sources=len(sources), independent=None)
        return Side(
            value=value,
            stance=stance,
            sources=sources,
            citations=self.cite(ids),
            chosen=chosen,
            verdict=verdict(status, chosen, stance),
            count=count,
            hedged=_hedged(supports),
        )

    def other_sides(self, fact: Fact, status: str, value: str) -> list[Side]:
        """The sides against the fact: those of its conflict, else its dissenters by value."""
        dossier = self.dossier
        dissent_ids = _refs(fact.dissent)
        if not dissent_ids:
            return []
        conflict = _conflict_for(fact, self.conflicts)
        sides: list[Side] = []
        if conflict is not None:
            support = {str(c) for c in fact.support}
            dissent = {str(c) for c in fact.dissent}
            for side in conflict.sides:
                claims = set(map(str, side.claims))
                if support & claims or not dissent & claims:
                    continue
                hedging = bool(side.supporters) and all(
                    x.stance == "hedges" for x in side.supporters
                )
                stance = "denies" if side.denies else "hedges" if hedging else "asserts"
                sides.append(
                    self.side(
                        status,
                        _value_text(dossier, side),
                        stance,
                        _refs(side.claims),
                        side.supporters,
                        side.sources,
                    )
                )
            return sides
        groups: dict[tuple[str, str], tuple[list[EntityRef], list[Support]]] = {}
        if fact.dissenters:
            for s in fact.dissenters:
                ids, sups = groups.setdefault((s.value_text, s.stance), ([], []))
                ids.extend(_refs([s.claim]))
                sups.append(s)
        else:  # a fact without its dissenters' words: read them from the claims
            for ref in dissent_ids:
                claim = _claim(dossier, ref)
                key = (
                    ("another value", "asserts")
                    if claim is None
                    else (value_text(dossier, claim.value), claim.stance.value)
                )
                groups.setdefault(key, ([], []))[0].append(ref)
        for (other, stance), (ids, sups) in groups.items():
            sides.append(self.side(status, other, stance, ids, sups))
        return sides

    def fact(self, fact: Fact, *, rejected: bool = False) -> FactView:
        """A fact as the report shows it; a ``rejected`` one is supported by its denials."""
        dossier = self.dossier
        value = _value_text(dossier, fact)
        status = "rejected" if rejected else status_name(fact.status)
        support_ids = _refs(fact.support)
        chosen = self.side(
            status,
            value,
            "denies" if rejected else "asserts",
            support_ids,
            fact.supporters,
            fact.sources,
            chosen=True,
        )
        sides = [chosen, *self.other_sides(fact, status, value)]
        confidence = float(fact.confidence)
        subject = ref_of(fact.subject)
        return FactView(
            subject=str(fact.subject),
            subject_name=name_of(dossier, subject) if subject is not None else str(fact.subject),
            property=fact.property,
            value=_qualified(value, fact.qualifiers, dossier),
            also=() if rejected else _also(dossier, fact),
            status=status,
            confidence=confidence if math.isfinite(confidence) else 0.0,
            explanation=fact.explanation,
            sources=(() if rejected else _givers(dossier, fact)) or chosen.sources,
            citations=chosen.citations,
            sides=tuple(sides),
            support=len(support_ids),
            dissent=len(_refs(fact.dissent)),
            count=chosen.count,
            hedges=() if rejected else _hedges(dossier, fact.supporters),
            opinion=self.is_opinion(fact.property),
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
    reconciliation: Reconciliation, dossier: Dossier | None, notes: _Notes
) -> tuple[FactView, ...]:
    """Every fact and rejected value in report order: by section; within one, disputes
    first, then by subject (the dossier's films first, then as they come).  Citations are
    numbered in that order."""
    builder = _Builder(dossier, notes, _conflicts(reconciliation))
    items = [(f, False) for f in reconciliation.facts]
    items += [(f, True) for f in reconciliation.rejected]
    first: dict[str, int] = {}
    for film in dossier.films if dossier is not None else ():
        first.setdefault(str(film.id), len(first))
    for fact, _ in items:
        first.setdefault(str(fact.subject), len(first))
    sections = {name: i for i, name in enumerate(SECTION_ORDER)}

    def place(item: tuple[Fact, bool]) -> tuple[int, int, int, int]:
        fact, rejected = item
        status = "rejected" if rejected else status_name(fact.status)
        section = "opinions" if builder.is_opinion(fact.property) else status
        return (
            sections.get(section, len(sections)),
            0 if status in DISPUTES else 1,
            first[str(fact.subject)],
            sections.get(status, len(sections)),
        )

    items.sort(key=place)
    return tuple(builder.fact(f, rejected=r) for f, r in items)


def _matrix(facts: Sequence[FactView], trust: Mapping[Any, float]) -> AgreementMatrix:
    order: dict[EntityRef, None] = {}
    for key in trust:
        ref = ref_of(key)
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
) -> ReportView:
    """The report of ``reconciliation``, with names, excerpts and quotes from ``dossier``."""
    dossier = _as_dossier(dossier)
    notes = _Notes(dossier)
    facts = _fact_views(reconciliation, dossier, notes)
    trust = {str(k): float(v) for k, v in reconciliation.source_trust.items()}
    matrix = _matrix(facts, reconciliation.source_trust)
    known: dict[EntityRef, None] = dict.fromkeys(matrix.sources)
    for key in reconciliation.source_trust:
        ref = ref_of(key)
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
