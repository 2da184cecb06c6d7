"""Reconciling claims as objects: compare them, build the evidence, explain the facts.

For each (subject, property) the claims are grouped into *candidates* -- claims whose
values and qualifiers say the same thing (:func:`~filmlore.compare_claims` says SAME: "3 h"
and "180 min") -- and every two candidates are related:

* one *refines* the other (COMPATIBLE with a side): the finer implies the coarser -- 170 min
  and "nearly 3 hours", a speaking scene and "on screen", a full line and its truncation;
* they *overlap* (COMPATIBLE, same scope, values that can both hold): each half-implies the
  other;
* they hold in *different scopes* (compatible only because their qualifiers differ, as
  release dates in two countries): neither supports nor contradicts the other, and each
  may become a fact of its own scope;
* they *conflict*, or are *unrelated* (about different things).

A deprecated claim is left out and listed on the fact it concerns.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from filmlore.compare import CompareContext, Verdict, compare, compare_claims
from filmlore.dossier import Dossier
from filmlore.models import Claim, Qualifier, Rank, Source, Stance
from filmlore.properties import Cardinality, Property, PropertyRegistry, registry
from filmlore.reconcile._algorithms import Decisions, Outcome, decide
from filmlore.reconcile._evidence import HEDGE_WEIGHT, Evidence, SourceInfo
from filmlore.reconcile._policies import Policy
from filmlore.reconcile._results import (
    Conflict,
    ConflictSide,
    Fact,
    FactStatus,
    Reconciliation,
    status_for,
)
from filmlore.reconcile._xp import backend
from filmlore.values.kinds import get_kind

__all__ = ["origin_of", "reconcile_claims", "speaker_of"]

_IMPLIES, _OVERLAP, _SCOPE, _CONFLICT, _UNRELATED = (
    "implies",
    "overlap",
    "scope",
    "conflict",
    "unrelated",
)
#: Value kinds whose truth is always precise (a release date is a day, a runtime a number
#: of minutes): a coarser claim of them is no evidence against a finer one.
_PRECISE_KINDS = frozenset({"date", "duration", "money", "quantity", "integer"})


def origin_of(claim: Claim) -> str:
    """Who a claim comes from in the end: the person it is attributed to, else the first
    source of its ``via`` chain, else its source.  Claims of one origin count once."""
    if claim.attributed_to is not None:
        return str(claim.attributed_to)
    if claim.via:
        return str(claim.via[0])
    return str(claim.source)


def speaker_of(claim: Claim) -> str:
    """The source whose trust a claim draws on: the first of its ``via`` chain (the
    interview an article quotes), else its own source."""
    return str(claim.via[0]) if claim.via else str(claim.source)


def _value_key(value: Any) -> tuple[str, str]:
    return (type(value).__name__, str(value))


def _quals(claim: Claim) -> tuple[Qualifier, ...]:
    return tuple(sorted(claim.qualifiers, key=lambda q: (q.key, q.value)))


@attrs.define(slots=True, eq=False)
class _Candidate:
    """Claims of one value (and scope) about one question."""

    value: Any
    qualifiers: tuple[Qualifier, ...]
    claims: list[Claim]
    printed: str = ""

    @property
    def asserting(self) -> list[Claim]:
        return [c for c in self.claims if c.stance is not Stance.DENIES]

    @property
    def denying(self) -> list[Claim]:
        return [c for c in self.claims if c.stance is Stance.DENIES]

    def representative(self) -> Claim:
        first = min(self.claims, key=lambda c: str(c.id))
        return attrs.evolve(first, stance=Stance.ASSERTS)


@attrs.define(slots=True, eq=False)
class _Item:
    subject: Any
    property: str
    prop: Property | None
    many: bool
    candidates: list[_Candidate]
    ignored: tuple[str, ...]
    relation: dict[tuple[int, int], str] = attrs.Factory(dict)  # (a, b): a's relation to b
    first: int = 0  # index of the first candidate in the evidence


def _printer(prop: Property | None) -> Any:
    if prop is None:
        return str
    kind = get_kind(prop.kind)

    def show(value: Any) -> str:
        try:
            return kind.format(value) if kind.check(value) else str(value)
        except Exception:  # a printer that cannot print this value: fall back
            return str(value)

    return show


def _value_data(value: Any, prop: Property | None) -> Any:
    """The value's serialised (dump) form."""
    kind = get_kind(prop.kind) if prop is not None else None
    try:
        from filmlore.io._values import value_out

        return value_out(value, kind)
    except Exception:  # no dumper for this value: a plain tagged form
        pass
    return {"kind": kind.name if kind else type(value).__name__, "text": str(value)}


class _Builder:
    """Groups, compares and encodes the claims; then turns decisions into facts."""

    def __init__(self, claims: Iterable[Claim], dossier: Dossier | None, context: Any) -> None:
        self.dossier = dossier
        self.registry: PropertyRegistry = dossier.registry if dossier is not None else registry
        if context is None and dossier is not None:
            context = CompareContext.from_dossier(dossier)
        elif isinstance(context, Dossier):
            context = CompareContext.from_dossier(context)
        self.context = context
        self.sources: dict[str, Source] = {}
        for d in (dossier, context if isinstance(context, Dossier) else None):
            if d is not None:
                self.sources.update({str(s.id): s for s in d.sources})
        self.items = self._group(claims)

    # --- grouping and comparing ------------------------------------------------------------

    def _canonical(self, name: str) -> tuple[str, Property | None]:
        prop = self.registry.find(name)
        return (prop.name, prop) if prop is not None else (name, None)

    def _group(self, claims: Iterable[Claim]) -> list[_Item]:
        groups: dict[tuple[Any, str], list[Claim]] = {}
        props: dict[str, Property | None] = {}
        for claim in claims:
            name, prop = self._canonical(claim.property)
            props[name] = prop
            groups.setdefault((claim.subject, name), []).append(claim)
        items = []
        for (subject, name), group in sorted(
            groups.items(), key=lambda kv: (str(kv[0][0]), kv[0][1])
        ):
            prop = props[name]
            active = [c for c in group if c.rank is not Rank.DEPRECATED]
            ignored = tuple(sorted(str(c.id) for c in group if c.rank is Rank.DEPRECATED))
            if not active:
                continue
            item = _Item(
                subject=subject,
                property=name,
                prop=prop,
                many=prop is not None and prop.cardinality is Cardinality.MANY,
                candidates=self._candidates(active, prop),
                ignored=ignored,
            )
            self._relate(item)
            items.append(item)
        return items

    def _candidates(self, claims: list[Claim], prop: Property | None) -> list[_Candidate]:
        by_key: dict[tuple[Any, ...], _Candidate] = {}
        for claim in sorted(claims, key=lambda c: str(c.id)):
            key = (_value_key(claim.value), _quals(claim))
            found = by_key.get(key)
            if found is None:
                by_key[key] = _Candidate(
                    value=claim.value, qualifiers=_quals(claim), claims=[claim]
                )
            else:
                found.claims.append(claim)
        cands = list(by_key.values())
        # merge candidates that say the same thing ("3 h" and "180 min")
        parent = list(range(len(cands)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        reps = [c.representative() for c in cands]
        for i in range(len(cands)):
            for j in range(i + 1, len(cands)):
                v = compare_claims(reps[i], reps[j], context=self.context)
                if v.verdict is Verdict.SAME:
                    a, b = find(i), find(j)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
        merged: dict[int, _Candidate] = {}
        members: dict[int, list[int]] = {}
        for i, cand in enumerate(cands):
            root = find(i)
            members.setdefault(root, []).append(i)
            if root not in merged:
                merged[root] = _Candidate(value=cand.value, qualifiers=cand.qualifiers, claims=[])
            merged[root].claims.extend(cand.claims)
        show = _printer(prop)
        out = []
        for root, cand in merged.items():
            # the representative value: the one most origins give, then the one printed first
            forms = [cands[i] for i in members[root]]
            best = min(
                forms,
                key=lambda c: (
                    -len({origin_of(x) for x in c.claims}),
                    show(c.value),
                    tuple(str(q) for q in c.qualifiers),
                ),
            )
            cand.value, cand.qualifiers = best.value, best.qualifiers
            cand.printed = show(cand.value)
            cand.claims.sort(key=lambda c: str(c.id))
            out.append(cand)
        out.sort(key=lambda c: (c.printed, tuple(str(q) for q in c.qualifiers)))
        return out

    def _relate(self, item: _Item) -> None:
        cands = item.candidates
        reps = [c.representative() for c in cands]
        kind = item.prop.kind if item.prop is not None else None
        tolerance = item.prop.tolerance if item.prop is not None else None
        for i in range(len(cands)):
            for j in range(i + 1, len(cands)):
                v = compare_claims(reps[i], reps[j], context=self.context)
                rel_ij, rel_ji = _CONFLICT, _CONFLICT
                if v.verdict is Verdict.SAME:  # merged already; keep them together
                    rel_ij = rel_ji = _OVERLAP
                elif v.verdict is Verdict.COMPATIBLE:
                    if v.refines == "a":
                        rel_ij, rel_ji = _IMPLIES, "implied"
                    elif v.refines == "b":
                        rel_ij, rel_ji = "implied", _IMPLIES
                    else:
                        a, b = cands[i].value, cands[j].value
                        agrees = self._values_agree(a, b, kind, tolerance)
                        rel_ij = rel_ji = _OVERLAP if agrees else _SCOPE
                elif v.verdict is Verdict.UNRELATED:
                    rel_ij = rel_ji = _UNRELATED
                item.relation[(i, j)] = rel_ij
                item.relation[(j, i)] = rel_ji

    def _values_agree(self, a: Any, b: Any, kind: str | None, tolerance: float | None) -> bool:
        """True when two values can both hold, whatever the claims' scopes."""
        if kind is not None:
            value_kind = get_kind(kind)
            if not (value_kind.check(a) and value_kind.check(b)):
                kind = None
        try:
            found = compare(a, b, kind=kind, context=self.context, tolerance=tolerance)
        except Exception:  # values a comparator cannot read: not known to agree
            return False
        return found.verdict.agrees

    # --- the evidence --------------------------------------------------------------------

    def evidence(self) -> tuple[Evidence, list[str]]:
        xp = backend()
        speakers: set[str] = set()
        for item in self.items:
            for cand in item.candidates:
                speakers.update(speaker_of(c) for c in cand.claims)
        source_ids = sorted(speakers)
        src_index = {s: i for i, s in enumerate(source_ids)}
        infos = []
        for sid in source_ids:
            s = self.sources.get(sid)
            infos.append(
                SourceInfo(
                    id=sid, kind=s.kind if s else None, reliability=s.reliability if s else None
                )
            )
        item_start = [0]
        many: list[bool] = []
        cand_item: list[int] = []
        cand_order: list[int] = []
        cand_spec: list[float] = []
        rows: dict[tuple[int, str, bool], tuple[float, int]] = {}
        imp_from: list[int] = []
        imp_to: list[int] = []
        imp_w: list[float] = []
        imp_exact: list[bool] = []
        agree_a: list[int] = []
        agree_b: list[int] = []
        k = 0
        for n, item in enumerate(self.items):
            item.first = k
            many.append(item.many)
            precise = item.prop is not None and item.prop.kind in _PRECISE_KINDS
            for i, cand in enumerate(item.candidates):
                cand_item.append(n)
                cand_order.append(i)
                spec = 0.0
                for j in range(len(item.candidates)):
                    rel = item.relation.get((i, j))
                    if rel == _IMPLIES:
                        spec += 1
                        imp_from.append(item.first + i)
                        imp_to.append(item.first + j)
                        imp_w.append(1.0)
                        imp_exact.append(precise)
                    elif rel == _OVERLAP:
                        imp_from.append(item.first + i)
                        imp_to.append(item.first + j)
                        imp_w.append(0.5)
                        imp_exact.append(True)
                    if rel is not None and rel != _CONFLICT:
                        agree_a.append(item.first + i)
                        agree_b.append(item.first + j)
                cand_spec.append(spec)
                for claim in cand.claims:
                    deny = claim.stance is Stance.DENIES
                    weight = HEDGE_WEIGHT if claim.stance is Stance.HEDGES else 1.0
                    key = (item.first + i, origin_of(claim), deny)
                    src = src_index[speaker_of(claim)]
                    old = rows.get(key)
                    if old is None or (weight, -src) > (old[0], -old[1]):
                        rows[key] = (weight, src)
            k += len(item.candidates)
            item_start.append(k)
        ordered = sorted(rows.items())
        ev = Evidence(
            xp=xp,
            n_items=len(self.items),
            item_start=xp.asarray(item_start, int),
            item_many=xp.asarray(many, bool),
            cand_item=xp.asarray(cand_item, int),
            cand_order=xp.asarray(cand_order, int),
            cand_spec=xp.asarray(cand_spec, float),
            ev_cand=xp.asarray([r[0][0] for r in ordered], int),
            ev_src=xp.asarray([r[1][1] for r in ordered], int),
            ev_weight=xp.asarray([r[1][0] for r in ordered], float),
            ev_deny=xp.asarray([r[0][2] for r in ordered], bool),
            sources=infos,
        )
        if imp_from:
            ev.imp_from = xp.asarray(imp_from, int)
            ev.imp_to = xp.asarray(imp_to, int)
            ev.imp_w = xp.asarray(imp_w, float)
            ev.imp_exact = xp.asarray(imp_exact, bool)
        if agree_a:
            ev.agree_a = xp.asarray(agree_a, int)
            ev.agree_b = xp.asarray(agree_b, int)
        return ev, source_ids

    # --- facts -----------------------------------------------------------------------------

    def name(self, claim: Claim) -> str:
        """A short name for where a claim comes from."""
        base = claim.source.key
        if claim.via:
            return f"{claim.via[0].key} via {base}"
        if claim.attributed_to is not None:
            return f"{claim.attributed_to.key} in {base}"
        return base

    def results(
        self,
        policy: Policy,
        ev: Evidence,
        outcome: Outcome,
        decisions: Decisions,
        source_ids: list[str],
    ) -> Reconciliation:
        xp = ev.xp
        prob = xp.tolist(outcome.prob)
        rank = xp.tolist(outcome.ranking(ev))
        chosen = xp.tolist(decisions.chosen)
        facts: list[Fact] = []
        rejected: list[Fact] = []
        conflicts: list[Conflict] = []
        for item in self.items:
            made = self._item_facts(item, policy, prob, rank, chosen)
            turned_down = self._rejected(item, policy, prob, chosen)
            facts.extend(made)
            rejected.extend(turned_down)
            conflicts.extend(self._conflicts(item, prob, rank, chosen, made, turned_down))
        trust = xp.tolist(decisions.trust)
        return Reconciliation(
            policy=policy,
            facts=tuple(facts),
            conflicts=tuple(conflicts),
            rejected=tuple(rejected),
            source_trust={sid: float(t) for sid, t in zip(source_ids, trust, strict=True)},
            iterations=outcome.iterations,
        )

    def _supports(self, item: _Item, w: int, j: int) -> bool:
        """True when candidate j's assertions back candidate w's value."""
        return j == w or item.relation.get((w, j)) in (_IMPLIES, "implied", _OVERLAP)

    def _contradicts(self, item: _Item, w: int, j: int) -> bool:
        return j != w and item.relation.get((w, j)) == _CONFLICT

    def _item_facts(
        self, item: _Item, policy: Policy, prob: list[float], rank: list[int], chosen: list[bool]
    ) -> list[Fact]:
        base = item.first
        n = len(item.candidates)
        order = sorted(range(n), key=lambda i: rank[base + i])
        picked: list[int] = []
        if item.many:
            accepted = [i for i in order if chosen[base + i]]
            accepted.sort(
                key=lambda i: (
                    -sum(1 for j in range(n) if item.relation.get((i, j)) == _IMPLIES),
                    rank[base + i],
                )
            )
            groups: list[list[int]] = []
            for i in accepted:
                for g in groups:
                    if self._supports(item, g[0], i):
                        g.append(i)
                        break
                else:
                    groups.append([i])
            return [self._fact(item, g[0], policy, prob, extra=g[1:]) for g in groups]
        winner = order[0] if chosen[base + order[0]] else None
        if winner is None:
            return []
        picked.append(winner)
        for i in order[1:]:
            if not item.candidates[i].asserting:
                continue
            if any(self._supports(item, p, i) or self._contradicts(item, p, i) for p in picked):
                continue
            if all(item.relation.get((p, i)) == _SCOPE for p in picked):
                picked.append(i)
        return [self._fact(item, p, policy, prob) for p in picked]

    def _fact(
        self, item: _Item, w: int, policy: Policy, prob: list[float], extra: list[int] | None = None
    ) -> Fact:
        cands = item.candidates
        n = len(cands)
        backers = [j for j in range(n) if self._supports(item, w, j) or j in (extra or [])]
        support = [c for j in backers for c in cands[j].asserting]
        against: list[Claim] = []
        for j in range(n):
            if self._contradicts(item, w, j) and not item.many:
                against.extend(cands[j].asserting)
            if j == w or item.relation.get((w, j)) == _IMPLIES:
                against.extend(cands[j].denying)
        conf = float(prob[item.first + w])
        origins = {origin_of(c) for c in support}
        status = status_for(bool(against), len(origins), conf)
        shared = set(cands[w].qualifiers)
        for c in support:
            shared &= set(c.qualifiers)
        return Fact(
            subject=item.subject,
            property=item.property,
            value=cands[w].value,
            status=status,
            confidence=conf,
            support=tuple(sorted({str(c.id) for c in support})),
            dissent=tuple(sorted({str(c.id) for c in against})),
            explanation=self._explain(item, w, backers, against, status, conf, policy),
            qualifiers=tuple(sorted(shared, key=lambda q: (q.key, q.value))),
            ignored=item.ignored,
            sources=tuple(sorted({speaker_of(c) for c in support})),
            dissenting_sources=tuple(sorted({speaker_of(c) for c in against})),
            value_text=cands[w].printed,
            value_data=_value_data(cands[w].value, item.prop),
        )

    def _rejected(
        self, item: _Item, policy: Policy, prob: list[float], chosen: list[bool]
    ) -> list[Fact]:
        out = []
        for i, cand in enumerate(item.candidates):
            if chosen[item.first + i] or not cand.denying:
                continue
            if not item.many and cand.asserting:
                continue  # a losing value of a single-valued question: a conflict side
            conf = 1.0 - float(prob[item.first + i]) if cand.asserting else 1.0
            label = self.display(item, i)
            verb = "denies" if len({self.name(c) for c in cand.denying}) == 1 else "deny"
            text = f"{self._who(cand.denying)} {verb} {label}"
            hedged = [c for c in cand.asserting if c.stance is Stance.HEDGES]
            firm = [c for c in cand.asserting if c.stance is not Stance.HEDGES]
            if firm:
                text += f", against {self._who(firm)}"
            if hedged:
                text += (
                    f"; {self._who(hedged)} only {'reports' if len(hedged) == 1 else 'report'} it"
                )
            if not cand.asserting:
                text += "; no source asserts it"
            text += "."
            out.append(
                Fact(
                    subject=item.subject,
                    property=item.property,
                    value=cand.value,
                    status=status_for(
                        bool(cand.asserting), len({origin_of(c) for c in cand.denying}), conf
                    ),
                    confidence=conf,
                    support=tuple(str(c.id) for c in cand.denying),
                    dissent=tuple(str(c.id) for c in cand.asserting),
                    explanation=text,
                    ignored=item.ignored,
                    sources=tuple(sorted({speaker_of(c) for c in cand.denying})),
                    dissenting_sources=tuple(sorted({speaker_of(c) for c in cand.asserting})),
                    value_text=cand.printed,
                    value_data=_value_data(cand.value, item.prop),
                )
            )
        return out

    def _side(
        self, item: _Item, i: int, claims: list[Claim], conf: float, denies: bool = False
    ) -> ConflictSide:
        return ConflictSide(
            value=item.candidates[i].value,
            claims=tuple(sorted({str(c.id) for c in claims})),
            sources=tuple(sorted({speaker_of(c) for c in claims})),
            confidence=conf,
            denies=denies,
            value_text=item.candidates[i].printed,
        )

    def _conflicts(
        self,
        item: _Item,
        prob: list[float],
        rank: list[int],
        chosen: list[bool],
        made: list[Fact],
        rejected: list[Fact],
    ) -> list[Conflict]:
        """The item's conflicts: in a single-valued item one, with a side per group of
        compatible values (and one per denied value); in a many-valued item one per value
        that some assert and others deny."""
        cands = item.candidates
        n = len(cands)
        base = item.first
        order = sorted(range(n), key=lambda i: rank[base + i])
        out: list[Conflict] = []
        if item.many:
            for i in order:
                cand = cands[i]
                if not (cand.denying and cand.asserting):
                    continue
                backers = [j for j in order if cands[j].asserting and self._supports(item, i, j)]
                claims = [c for j in backers for c in cands[j].asserting]
                p_holds = float(prob[base + i])
                pair = [
                    self._side(item, i, claims, p_holds),
                    self._side(item, i, cand.denying, 1.0 - p_holds, denies=True),
                ]
                pair.sort(key=lambda s: -s.confidence)
                fact = next((f for f in made if f.value == cand.value), None)
                if fact is None:
                    fact = next((f for f in rejected if f.value == cand.value), None)
                status = fact.status if fact is not None and fact.dissent else FactStatus.DISPUTED
                out.append(
                    Conflict(
                        subject=item.subject,
                        property=item.property,
                        sides=tuple(pair),
                        status=status,
                        winner=cand.value if chosen[base + i] else None,
                        explanation=fact.explanation if fact is not None else "",
                    )
                )
            return out
        asserted = [i for i in order if cands[i].asserting]
        clash = any(self._contradicts(item, a, b) for a in asserted for b in asserted)
        denied = [i for i in order if cands[i].denying]
        if not clash and not (denied and asserted):
            return out
        sides: list[ConflictSide] = []
        placed: set[int] = set()
        for i in asserted:
            if i in placed:
                continue
            group = [i] + [
                j for j in asserted if j not in placed and j != i and self._supports(item, i, j)
            ]
            placed.update(group)
            claims = [c for j in group for c in cands[j].asserting]
            sides.append(self._side(item, i, claims, float(prob[base + i])))
        for i in denied:
            conf = 1.0 - float(prob[base + i]) if cands[i].asserting else 1.0
            sides.append(self._side(item, i, cands[i].denying, conf, denies=True))
        if len(sides) < 2:
            return out
        fact = next((f for f in made if f.dissent), made[0] if made else None)
        status = fact.status if fact is not None and fact.dissent else FactStatus.DISPUTED
        out.append(
            Conflict(
                subject=item.subject,
                property=item.property,
                sides=tuple(sides),
                status=status,
                winner=fact.value if fact is not None and status is FactStatus.RESOLVED else None,
                explanation=fact.explanation if fact is not None else "",
            )
        )
        return out

    # --- explanations ----------------------------------------------------------------------

    def _who(self, claims: list[Claim]) -> str:
        return _names(sorted({self.name(c) for c in claims}))

    def display(self, item: _Item, j: int) -> str:
        """How candidate j reads in a sentence: names for references, quotes shortened."""
        cand = item.candidates[j]
        value = cand.value
        names = getattr(self.context, "names", None)
        if names is not None and hasattr(value, "kind") and value in names:
            text = str(names[value])
        else:
            text = cand.printed
        return _short(text)

    def _label(self, item: _Item, j: int, main: int) -> str:
        text = self.display(item, j)
        quals = item.candidates[j].qualifiers
        if quals != item.candidates[main].qualifiers and quals:
            text += " [" + ", ".join(f"{q.key}: {q.value}" for q in quals) + "]"
        return text

    def _explain(
        self,
        item: _Item,
        w: int,
        backers: list[int],
        against: list[Claim],
        status: FactStatus,
        conf: float,
        policy: Policy,
    ) -> str:
        cands = item.candidates
        main_label = self._label(item, w, w)
        by_label: dict[str, list[Claim]] = {main_label: list(cands[w].asserting)}
        for j in backers:
            if j != w and cands[j].asserting:
                by_label.setdefault(self._label(item, j, w), []).extend(cands[j].asserting)
        main_claims = by_label.pop(main_label)
        if by_label:
            rest = " and ".join(
                f"'{label}' ({self._who(claims)})" for label, claims in list(by_label.items())[:3]
            )
            head = f"{main_label} ({self._who(main_claims)}) is compatible with {rest}"
        elif status is FactStatus.SINGLE_SOURCE:
            head = f"Only {self._who(main_claims)} gives {main_label}"
        elif len({origin_of(c) for c in main_claims}) > 1:
            head = f"{self._who(main_claims)} agree on {main_label}"
        else:
            head = f"{main_label} ({self._who(main_claims)})"
        if not against:
            return head + "; no source disagrees."
        deniers = [c for c in against if c.stance is Stance.DENIES]
        rivals = [c for c in against if c.stance is not Stance.DENIES]
        parts = []
        if rivals:
            values = sorted({self._rival_label(item, c, w) for c in rivals})
            verb = "gives" if len({self.name(c) for c in rivals}) == 1 else "give"
            parts.append(f"{self._who(rivals)} {verb} " + " or ".join(f"'{v}'" for v in values))
        if deniers:
            verb = "denies" if len({self.name(c) for c in deniers}) == 1 else "deny"
            parts.append(f"{self._who(deniers)} {verb} it")
        dispute = "; ".join(parts)
        if status is FactStatus.RESOLVED:
            return f"{head}; {dispute}, but {policy.reason()} (confidence {conf:.2f})."
        return f"{head}; {dispute}, and the evidence does not settle it (confidence {conf:.2f})."

    def _rival_label(self, item: _Item, claim: Claim, main: int) -> str:
        for j, cand in enumerate(item.candidates):
            if claim in cand.claims:
                return self._label(item, j, main)
        return _short(str(claim.value))


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _names(names: list[str]) -> str:
    if not names:
        return "no source"
    if len(names) == 1:
        return names[0]
    if len(names) <= 4:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return ", ".join(names[:3]) + f" and {len(names) - 3} more"


def reconcile_claims(
    claims: Dossier | Iterable[Claim], policy: Policy, *, context: Any = None
) -> Reconciliation:
    """Reconcile claims as objects (see the module docstring)."""
    if isinstance(claims, Dossier):
        dossier: Dossier | None = claims
        items: Iterable[Claim] = claims.claims
    else:
        dossier = context if isinstance(context, Dossier) else None
        items = list(claims)
    builder = _Builder(items, dossier, context)
    ev, source_ids = builder.evidence()
    outcome = policy.outcome(ev)
    decisions = decide(ev, outcome)
    return builder.results(policy, ev, outcome, decisions, source_ids)
