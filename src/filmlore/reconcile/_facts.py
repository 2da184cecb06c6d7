"""From decisions to facts, conflicts and rejected values -- with every claim's own words.

One builder serves every reconciliation, of a dossier or of a table: a fact lists each
claim behind it with the value *that claim* gave and how it stands to the fact's value
(:class:`~filmlore.Support`), and its explanation says so in words ("'nearly 3 hours'
(crime-epic-blog) is consistent with it: 170 min lies within nearly 3 hours").  A fact is
*agreed* only when no claim disputes it and no two of its supporters contradict each other:
a vague claim that backs two rival values ("2004" beside 2004-08-04 and 2004-08-06) is
listed on both sides of the dispute, never made into agreement.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from filmlore.reconcile._algorithms import Decisions, Outcome
from filmlore.reconcile._evidence import Evidence
from filmlore.reconcile._grouping import Grouping, object_array
from filmlore.reconcile._relations import Relater, Relation
from filmlore.reconcile._results import (
    RESOLVED_AT,
    Conflict,
    ConflictSide,
    Fact,
    FactStatus,
    Support,
    status_for,
)
from filmlore.reconcile._table import STANCE_CODES, ClaimTable
from filmlore.values.kinds import get_kind
from filmlore.values.refs import EntityRef

__all__ = ["FactBuilder", "names"]

_STANCES = {code: name for name, code in STANCE_CODES.items()}
_DENIES = STANCE_CODES["denies"]
_HEDGES = STANCE_CODES["hedges"]
#: How a supporting candidate's relation to the fact's value reads in words.
_VERBS = {
    "same": "is the same",
    "coarser": "is consistent with it",
    "finer": "lies within it",
    "overlap": "can hold with it",
}


def names(labels: list[str]) -> str:
    """A list of names in a sentence, every one of them: ``a``, ``a and b``, ``a, b and c``.

    >>> names(["coffee-shop-article", "crime-epic-blog", "tmdb-heat"])
    'coffee-shop-article, crime-epic-blog and tmdb-heat'
    """
    if not labels:
        return "no source"
    if len(labels) == 1:
        return labels[0]
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _because(reason: str, winners: list[str], losers: list[str]) -> str:
    """A policy's reason with the sources of each side named in it: ``{winners}`` are the
    sources of the accepted value, ``{losers}`` those against it."""
    against = names(losers) if losers else "the other sources"
    return reason.replace("{winners}", names(winners)).replace("{losers}", against)


def _key(label: str) -> str:
    """An entity reference without its kind: ``coffee-shop-article``."""
    kind, sep, rest = label.partition(":")
    return rest if sep and kind.isidentifier() and rest else label


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _printer(kind_name: str | None) -> Callable[[Any], str]:
    if kind_name is None:
        return str
    kind = get_kind(kind_name)

    def show(value: Any) -> str:
        try:
            return kind.format(value) if kind.check(value) else str(value)
        except Exception:  # a printer that cannot print this value: its plain form
            return str(value)

    return show


def _value_data(value: Any, kind_name: str | None) -> Any:
    """The value's serialised (dump) form, or a plain tagged form when none fits."""
    from filmlore.io._values import value_out

    kind = get_kind(kind_name) if kind_name is not None else None
    if isinstance(value, (str, int, float, bool)) and (kind is None or not kind.check(value)):
        return value
    try:
        return value_out(value, kind)
    except Exception:  # no dumper for this value
        return {"kind": kind.name if kind else type(value).__name__, "text": str(value)}


class FactBuilder:
    """Turns the decisions on a grouped table into facts, conflicts and rejected values."""

    def __init__(
        self,
        table: ClaimTable,
        g: Grouping,
        ev: Evidence,
        outcome: Outcome,
        decisions: Decisions,
        relater: Relater,
        reason: str,
        *,
        display_names: Mapping[EntityRef, str] | None = None,
    ) -> None:
        self.table, self.g, self.ev = table, g, ev
        self.outcome, self.decisions, self.relater = outcome, decisions, relater
        self.reason = reason
        self.display_names = display_names or {}
        self._ready = False
        self._printers: dict[str | None, Callable[[Any], str]] = {}
        self._facts: tuple[Fact, ...] | None = None
        self._item_fact: dict[int, Fact] = {}

    def _prepare(self) -> None:
        """The plain lists facts are built from (made once, when facts are first asked)."""
        if self._ready:
            return
        g, table = self.g, self.table
        active = np.flatnonzero(g.row_cand >= 0)
        order = np.argsort(g.row_cand[active], kind="stable")
        rows = active[order]
        bounds = np.searchsorted(g.row_cand[rows], np.arange(g.n_cands + 1))
        self._rows = rows.tolist()
        self._bounds = bounds.tolist()
        self._stance = np.asarray(table.stance).tolist()
        self._src = table.source.codes.tolist()
        self._rep = table.reporter.codes.tolist()
        self._orig = table.origin.codes.tolist()
        self._prop = table.property.codes.tolist()
        self._subj = table.subject.codes.tolist()
        self._val = table.value.codes.tolist()
        self._prob = self.outcome.prob.tolist()
        self._chosen = self.decisions.chosen.tolist()
        self._rank = self.decisions.rank.tolist()
        self._ignored = g.ignored_rows()
        self._ready = True

    # --- rows ------------------------------------------------------------------------------

    def rows(self, c: int) -> list[int]:
        """The table rows of candidate ``c`` (one per claim id: a claim given twice is one
        claim)."""
        rows = self._rows[self._bounds[c] : self._bounds[c + 1]]
        seen: set[str] = set()
        out = []
        for r in rows:
            claim_id = self.table.claim_id(r)
            if claim_id not in seen:
                seen.add(claim_id)
                out.append(r)
        return out

    def asserting(self, c: int) -> list[int]:
        """The rows of ``c`` that assert or hedge it."""
        return [r for r in self.rows(c) if self._stance[r] != _DENIES]

    def denying(self, c: int) -> list[int]:
        """The rows of ``c`` that deny it."""
        return [r for r in self.rows(c) if self._stance[r] == _DENIES]

    def source(self, r: int) -> str:
        """The source a row's claim draws its trust on."""
        return str(self.table.source.labels[self._src[r]])

    def origin(self, r: int) -> str:
        """Who a row's claim comes from in the end."""
        return str(self.table.origin.labels[self._orig[r]])

    def who(self, r: int) -> str:
        """A short name for where a row's claim comes from: its source, "the interview via
        the article" that relays it, or "the person in the article" it is attributed to."""
        source, origin = self.source(r), self.origin(r)
        reporter = str(self.table.reporter.labels[self._rep[r]])
        if reporter != source:
            return f"{_key(source)} via {_key(reporter)}"
        if origin != source:
            return f"{_key(origin)} in {_key(source)}"
        return _key(source)

    def _who(self, rows: list[int]) -> str:
        return names(sorted({self.who(r) for r in rows}))

    # --- values ----------------------------------------------------------------------------

    def _print(self, kind: str | None, value: Any) -> str:
        printer = self._printers.get(kind)
        if printer is None:
            printer = self._printers[kind] = _printer(kind)
        return printer(value)

    def printed(self, c: int) -> str:
        """Candidate ``c``'s value as its kind prints it."""
        plan = self.g.plan(int(self.g.cand_item[c]))
        return self._print(plan.kind, self.g.cand_value[c])

    def display(self, value: Any, kind: str | None) -> str:
        """A value as a sentence shows it: references by name, long text shortened."""
        if isinstance(value, EntityRef) and value in self.display_names:
            return _short(str(self.display_names[value]))
        return _short(self._print(kind, value))

    def label(self, c: int) -> str:
        """How candidate ``c`` reads in a sentence, with its property where that is a
        narrower one and its narrowing qualifiers."""
        g = self.g
        item = int(g.cand_item[c])
        plan = g.plan(item)
        if g.item_pair[item]:
            text = (
                f"{self.display(g.cand_subject[c], 'ref')} {g.prop(c)} "
                f"{self.display(g.cand_value[c], 'ref')}"
            )
        else:
            text = self.display(g.cand_value[c], plan.kind)
            if g.prop(c) != plan.root:
                text += f" ({g.prop(c)})"
        quals = g.quals(c)
        if quals:
            text += " [" + ", ".join(f"{q.key}: {q.value}" for q in quals) + "]"
        return text

    def claimed(self, r: int) -> tuple[Any, str, Any]:
        """A row's subject, property (its registered name) and value, as claimed."""
        subject = self.table.subject.labels[self._subj[r]]
        name = str(self.table.property.labels[self._prop[r]])
        found = self.table.registry.find(name)
        value = self.table.value.labels[self._val[r]]
        return subject, found.name if found is not None else name, value

    def claim_text(self, r: int, c: int) -> str:
        """What row ``r`` claims, as a sentence shows it: the value (references by name),
        or for a relation asked pair by pair, the whole relation in the claim's own words
        ("L.A. Takedown inspired_by Heat")."""
        subject, prop, value = self.claimed(r)
        item = int(self.g.cand_item[c])
        if self.g.item_pair[item]:
            return f"{self.display(subject, 'ref')} {prop} {self.display(value, 'ref')}"
        plan = self.g.plan(item)
        if isinstance(value, EntityRef):
            return self.display(value, "ref")
        return self._print(plan.kind, value)

    def support(self, r: int, c: int, relation: str, reason: str) -> Support:
        """Row ``r`` (a claim of candidate ``c``) as a supporter or dissenter."""
        subject, prop, value = self.claimed(r)
        return Support(
            claim=self.table.claim_id(r),
            source=self.source(r),
            origin=self.origin(r),
            value=value,
            value_text=self.claim_text(r, c),
            relation=relation,
            reason=reason,
            stance=_STANCES[self._stance[r]],
            subject=subject,
            property=prop,
            qualifiers=self.g.quals(c),
            who=self.who(r),
        )

    # --- relations to a fact's candidate ----------------------------------------------------

    def related(self, w: int) -> list[tuple[int, str, str]]:
        """Every other candidate of ``w``'s item: (candidate, how it stands to ``w``, why).

        ``same``, ``coarser`` (``w`` implies it), ``finer`` (it implies ``w``), ``overlap``,
        ``rival`` or ``apart``."""
        g = self.g
        item = int(g.cand_item[w])
        lo, hi = int(g.item_start[item]), int(g.item_start[item + 1])
        out = []
        for c in range(lo, hi):
            if c == w:
                continue
            rel, cmp = self.relater.relate(w, c)
            name = {
                Relation.EQUIV: "same",
                Relation.A_FINER: "coarser",
                Relation.B_FINER: "finer",
                Relation.OVERLAP: "overlap",
                Relation.RIVAL: "rival",
                Relation.APART: "apart",
            }[rel]
            out.append((c, name, cmp.reason))
        return out

    # --- facts ----------------------------------------------------------------------------

    def _fact_form(self, w: int) -> tuple[Any, str, Any]:
        """The subject, property and value a fact of ``w`` is stated with: as most of its
        own claims state it (the forward reading when they are split)."""
        forms: dict[tuple[str, str, str], int] = {}
        first: dict[tuple[str, str, str], tuple[Any, str, Any]] = {}
        for r in self.asserting(w) or self.rows(w):
            subject, prop, value = self.claimed(r)
            key = (str(subject), prop, str(value))
            forms[key] = forms.get(key, 0) + 1
            first.setdefault(key, (subject, prop, value))
        g = self.g
        forward = (g.cand_subject[w], g.prop(w), g.cand_value[w])
        fwd_key = (str(forward[0]), forward[1], str(forward[2]))
        best = max(forms, key=lambda k: (forms[k], k == fwd_key), default=fwd_key)
        subject, prop, value = first.get(best, forward)
        # the value itself is the candidate's (one typed value for every claim of it)
        if str(value) == str(g.cand_value[w]):
            value = g.cand_value[w]
        return subject, prop, value

    def fact(self, w: int, extra: list[int] | None = None) -> Fact:
        """The fact of candidate ``w`` (and of the candidates in ``extra``, accepted
        values of a many-valued question that ``w`` implies)."""
        g = self.g
        item = int(g.cand_item[w])
        many = bool(g.item_many[item])
        plan = g.plan(item)
        supporters: list[Support] = [self.support(r, w, "gives", "") for r in self.asserting(w)]
        dissenters: list[Support] = [
            self.support(r, w, "denies", "denies the value") for r in self.denying(w)
        ]
        others: list[tuple[int, str, str]] = []
        backing: list[int] = [w]
        for c, rel, why in self.related(w):
            if rel in ("same", "coarser", "finer", "overlap") or (extra and c in extra):
                rows = self.asserting(c)
                if rows:
                    others.append((c, rel, why))
                    backing.append(c)
                    supporters.extend(self.support(r, c, rel, why) for r in rows)
                if rel in ("same", "coarser"):
                    dissenters.extend(
                        self.support(r, c, "denies", f"denies {self.label(c)}, which {why}")
                        for r in self.denying(c)
                    )
            elif rel == "rival" and not many:
                rows = self.asserting(c)
                dissenters.extend(self.support(r, c, "rival", why) for r in rows)
        tension = self._tension(backing) if not many else None
        conf = float(self._prob[w])
        origins = {s.origin for s in supporters}
        status = status_for(bool(dissenters) or tension is not None, len(origins), conf)
        subject, prop, value = self._fact_form(w)
        quals = tuple(sorted(g.item_scope[item] + g.quals(w), key=lambda q: (q.key, q.value)))
        ignored = tuple(sorted(self.table.claim_id(r) for r in self._ignored.get(item, [])))
        return Fact(
            subject=subject,
            property=prop,
            value=value,
            status=status,
            confidence=conf,
            support=tuple(sorted({s.claim for s in supporters})),
            dissent=tuple(sorted({s.claim for s in dissenters})),
            explanation=self._explain(w, others, supporters, dissenters, tension, status, conf),
            qualifiers=quals,
            ignored=ignored,
            sources=tuple(sorted({s.source for s in supporters})),
            dissenting_sources=tuple(sorted({s.source for s in dissenters})),
            value_text=self.printed(w) if not g.item_pair[item] else str(value),
            value_data=_value_data(value, plan.kind if not g.item_pair[item] else "ref"),
            supporters=tuple(supporters),
            dissenters=tuple(dissenters),
        )

    def _tension(self, backing: list[int]) -> tuple[int, int, str] | None:
        """Two supporting candidates that contradict each other, if any."""
        for i, a in enumerate(backing):
            if not self.asserting(a):
                continue
            for b in backing[i + 1 :]:
                if not self.asserting(b):
                    continue
                rel, cmp = self.relater.relate(a, b)
                if rel is Relation.RIVAL:
                    return a, b, cmp.reason
        return None

    def _explain(
        self,
        w: int,
        others: list[tuple[int, str, str]],
        supporters: list[Support],
        dissenters: list[Support],
        tension: tuple[int, int, str] | None,
        status: FactStatus,
        conf: float,
    ) -> str:
        main = self.label(w)
        own = self.asserting(w)
        own_origins = {self.origin(r) for r in own}
        if not own:
            head = main
        elif len(own_origins) >= 2:
            head = f"{self._who(own)} agree on {main}"
        elif not others:
            head = f"Only {self._who(own)} gives {main}"
        else:
            head = f"{main} ({self._who(own)})"
        parts = [head]
        for c, rel, why in others[:4]:
            verb = "is the same" if rel == "same" and "tolerance" not in why else _VERBS[rel]
            if rel == "same" and "tolerance" in why:
                verb = "agrees within tolerance"
            parts.append(f"'{self.label(c)}' ({self._who(self.asserting(c))}) {verb}: {why}")
        if len(others) > 4:
            parts.append(f"{len(others) - 4} more values agree")
        text = "; ".join(parts)
        if tension is not None:
            a, b, why = tension
            text += f"; but '{self.label(a)}' and '{self.label(b)}' contradict each other ({why})"
        rivals = [d for d in dissenters if d.relation == "rival"]
        deniers = [d for d in dissenters if d.relation == "denies"]
        dispute = []
        if rivals:
            by_value: dict[str, list[Support]] = {}
            for d in rivals:
                by_value.setdefault(d.value_text, []).append(d)
            said = []
            for value_text, group in list(by_value.items())[:3]:
                speakers = sorted({d.who for d in group})
                verb = "gives" if len(speakers) == 1 else "give"
                said.append(f"{names(speakers)} {verb} '{_short(value_text)}' ({group[0].reason})")
            dispute.append("; ".join(said))
        if deniers:
            who = names(sorted({d.who for d in deniers}))
            verb = "denies" if len({d.who for d in deniers}) == 1 else "deny"
            dispute.append(f"{who} {verb} it")
        if not dispute and tension is None:
            return text + "; no source disagrees."
        if dispute:
            text += "; " + "; ".join(dispute)
        if status is FactStatus.RESOLVED:
            winners = sorted({_key(x.source) for x in supporters})
            losers = sorted({_key(d.source) for d in dissenters} - set(winners))
            reason = _because(self.reason, winners, losers)
            return f"{text}, but {reason} (confidence {conf:.2f})."
        return f"{text}, and the evidence does not settle it (confidence {conf:.2f})."

    # --- the whole result --------------------------------------------------------------------

    def facts(self) -> tuple[Fact, ...]:
        """Every accepted fact, item by item (built once)."""
        self._prepare()
        if self._facts is None:
            self._facts = self._build_facts()
        return self._facts

    def _build_facts(self) -> tuple[Fact, ...]:
        g = self.g
        out: list[Fact] = []
        chosen = self._chosen
        rank = self._rank
        for item in range(g.n_items):
            lo, hi = int(g.item_start[item]), int(g.item_start[item + 1])
            picked = [c for c in range(lo, hi) if chosen[c]]
            if not picked:
                continue
            if not g.item_many[item]:
                made = self.fact(picked[0])
                self._item_fact[item] = made
                out.append(made)
                continue
            spec = self.ev.spec
            picked.sort(key=lambda c: (-float(spec[c]), rank[c]))
            groups: list[list[int]] = []
            for c in picked:
                for grp in groups:
                    rel, _ = self.relater.relate(grp[0], c)
                    if rel in (Relation.EQUIV, Relation.A_FINER, Relation.OVERLAP):
                        grp.append(c)
                        break
                else:
                    groups.append([c])
            out.extend(self.fact(grp[0], extra=grp[1:]) for grp in groups)
        return tuple(out)

    def rejected(self) -> tuple[Fact, ...]:
        """Values the evidence turned down: denied, and not accepted."""
        self._prepare()
        g = self.g
        out: list[Fact] = []
        for c in range(g.n_cands):
            if self._chosen[c]:
                continue
            deny = self.denying(c)
            if not deny:
                continue
            item = int(g.cand_item[c])
            asserting = self.asserting(c)
            if asserting and not g.item_many[item]:
                continue  # a losing value of a one-valued question: a side of its conflict
            conf = 1.0 - float(self._prob[c])
            text = self._rejection(c)
            supporters = tuple(self.support(r, c, "gives", "") for r in deny)
            dissenters = tuple(self.support(r, c, "rival", "asserts it") for r in asserting)
            subject, prop, value = self._fact_form(c)
            plan = g.plan(item)
            out.append(
                Fact(
                    subject=subject,
                    property=prop,
                    value=value,
                    status=status_for(bool(asserting), len({self.origin(r) for r in deny}), conf),
                    confidence=conf,
                    support=tuple(sorted(s.claim for s in supporters)),
                    dissent=tuple(sorted(s.claim for s in dissenters)),
                    explanation=text,
                    ignored=tuple(
                        sorted(self.table.claim_id(r) for r in self._ignored.get(item, []))
                    ),
                    sources=tuple(sorted({s.source for s in supporters})),
                    dissenting_sources=tuple(sorted({s.source for s in dissenters})),
                    value_text=self.printed(c),
                    value_data=_value_data(value, plan.kind),
                    supporters=supporters,
                    dissenters=dissenters,
                )
            )
        return tuple(out)

    def _rejection(self, c: int) -> str:
        """Why candidate ``c`` is turned down: who denies it, against whom -- and, of a
        source that reports the value as others' view and denies it itself, just that."""
        deny, asserting = self.denying(c), self.asserting(c)
        hedged = [r for r in asserting if self._stance[r] == _HEDGES]
        firm = [r for r in asserting if self._stance[r] != _HEDGES]
        deniers = {self.who(r) for r in deny}
        hedgers = {self.who(r) for r in hedged}
        both = sorted(deniers & hedgers)
        label = self.label(c)
        parts = []
        if both:
            one = len(both) == 1
            parts.append(
                f"{names(both)} {'reports' if one else 'report'} the view '{label}' but "
                f"{'denies' if one else 'deny'} it {'itself' if one else 'themselves'}"
            )
        others = sorted(deniers - set(both))
        if others:
            verb = "denies" if len(others) == 1 else "deny"
            parts.append(f"{names(others)} {verb} {'it' if both else label}")
        text = "; ".join(parts)
        if firm:
            text += f", against {self._who(firm)}"
        reporters = sorted(hedgers - set(both))
        if reporters:
            verb = "reports" if len(reporters) == 1 else "report"
            text += f"; {names(reporters)} only {verb} it, hedged"
        if not asserting:
            return text + "; no source asserts it."
        if not firm:
            text += "; no source asserts it"
        return text + f" (confidence {1.0 - float(self._prob[c]):.2f})."

    def _side(self, head: int, members: list[int], shared: set[int]) -> ConflictSide:
        rows = [r for c in members for r in self.asserting(c)]
        sups: list[Support] = []
        for c in members:
            if c == head:
                sups.extend(self.support(r, c, "gives", "") for r in self.asserting(c))
            else:
                rel, cmp = self.relater.relate(head, c)
                name = {
                    Relation.EQUIV: "same",
                    Relation.A_FINER: "coarser",
                    Relation.B_FINER: "finer",
                }.get(rel, "overlap")
                sups.extend(self.support(r, c, name, cmp.reason) for r in self.asserting(c))
        return ConflictSide(
            value=self.g.cand_value[head],
            claims=tuple(sorted({self.table.claim_id(r) for r in rows})),
            sources=tuple(sorted({self.source(r) for r in rows})),
            confidence=float(self._prob[head]),
            value_text=self.label(head),
            supporters=tuple(sups),
            shared=tuple(
                sorted(
                    {
                        self.table.claim_id(r)
                        for c in members
                        if c in shared
                        for r in self.asserting(c)
                    }
                )
            ),
        )

    def conflicts(self) -> tuple[Conflict, ...]:
        """Every question on which sources disagree, with a side per rival value (vague
        claims listed on each side they are consistent with) and one per denied value."""
        g = self.g
        facts = self.facts()
        by_item = self._item_fact
        out: list[Conflict] = []
        for item in range(g.n_items):
            lo, hi = int(g.item_start[item]), int(g.item_start[item + 1])
            order = sorted(range(lo, hi), key=lambda c: self._rank[c])
            if g.item_many[item]:
                out.extend(self._many_conflicts(order, facts))
                continue
            asserted = [c for c in order if self.asserting(c)]
            denied = [c for c in order if self.denying(c)]
            heads: list[int] = []
            for c in asserted:
                if all(self.relater.relate(h, c)[0] is Relation.RIVAL for h in heads):
                    heads.append(c)
            fact = by_item.get(item)
            tension = fact is not None and fact.status in (FactStatus.RESOLVED, FactStatus.DISPUTED)
            if len(heads) < 2 and not (denied and asserted) and not tension:
                continue
            members = {
                h: [h]
                + [
                    c
                    for c in asserted
                    if c != h and self.relater.relate(h, c)[0] is not Relation.RIVAL
                ]
                for h in heads
            }
            count: dict[int, int] = {}
            for ms in members.values():
                for c in ms:
                    count[c] = count.get(c, 0) + 1
            shared = {c for c, n in count.items() if n > 1}
            sides = [self._side(h, members[h], shared) for h in heads]
            for c in denied:
                rows = self.denying(c)
                sides.append(
                    ConflictSide(
                        value=g.cand_value[c],
                        claims=tuple(sorted(self.table.claim_id(r) for r in rows)),
                        sources=tuple(sorted({self.source(r) for r in rows})),
                        confidence=1.0 - float(self._prob[c]),
                        denies=True,
                        value_text=self.label(c),
                        supporters=tuple(self.support(r, c, "denies", "") for r in rows),
                    )
                )
            if len(sides) < 2:
                continue
            status = fact.status if fact is not None and fact.dissent else FactStatus.DISPUTED
            if fact is not None and fact.status in (FactStatus.RESOLVED, FactStatus.DISPUTED):
                status = fact.status
            out.append(
                Conflict(
                    subject=fact.subject if fact is not None else g.cand_subject[lo],
                    property=fact.property if fact is not None else g.prop(lo),
                    sides=tuple(sides),
                    status=status,
                    winner=fact.value
                    if fact is not None and status is FactStatus.RESOLVED
                    else None,
                    explanation=fact.explanation if fact is not None else "",
                )
            )
        return tuple(out)

    def _many_conflicts(self, order: list[int], facts: tuple[Fact, ...]) -> list[Conflict]:
        out = []
        for c in order:
            asserting, deny = self.asserting(c), self.denying(c)
            if not (asserting and deny):
                continue
            p = float(self._prob[c])
            # the value, in any spelling, and the finer values that imply it
            backing = (
                self.ev.imp_from[self.ev.imp_to == c].tolist() if len(self.ev.imp_from) else []
            )
            side_yes = self._side(c, [c, *sorted(set(backing) - {c})], set())
            side_no = ConflictSide(
                value=self.g.cand_value[c],
                claims=tuple(sorted(self.table.claim_id(r) for r in deny)),
                sources=tuple(sorted({self.source(r) for r in deny})),
                confidence=1.0 - p,
                denies=True,
                value_text=self.label(c),
                supporters=tuple(self.support(r, c, "denies", "") for r in deny),
            )
            pair = sorted([side_yes, side_no], key=lambda s: -s.confidence)
            value = self.g.cand_value[c]
            fact = next(
                (
                    f
                    for f in facts
                    if f.value == value
                    and set(f.support) & {self.table.claim_id(r) for r in asserting}
                ),
                None,
            )
            if fact is not None and fact.dissent:
                status, explanation = fact.status, fact.explanation
            else:  # turned down: settled when the denial holds with two thirds or more
                settled = 1.0 - p >= RESOLVED_AT - 1e-12
                status = FactStatus.RESOLVED if settled else FactStatus.DISPUTED
                explanation = self._rejection(c)
            subject, prop, _ = self._fact_form(c)
            out.append(
                Conflict(
                    subject=subject,
                    property=prop,
                    sides=tuple(pair),
                    status=status,
                    winner=value if self._chosen[c] else None,
                    explanation=explanation,
                )
            )
        return out

    def answers(self, with_confidence: bool = False) -> dict[tuple[Any, str], Any]:
        """{(subject, property): value} -- a tuple of values for many-valued questions --
        without building facts (subjects and properties read forward); with
        ``with_confidence``, each value comes as ``(value, confidence)``."""
        g = self.g
        chosen = np.flatnonzero(self.decisions.chosen)
        items = g.cand_item[chosen]
        subjects = object_array(g.cand_subject)[chosen].tolist()
        roots = (
            [g.item_root[i] for i in items.tolist()]
            if len(set(g.item_root)) > 1
            else ([g.item_root[0]] * len(chosen) if g.item_root else [])
        )
        values = object_array(g.cand_value)[chosen].tolist()
        if with_confidence:
            values = list(zip(values, self.outcome.prob[chosen].tolist(), strict=True))
        many = g.item_many[items]
        if not many.any():
            return dict(zip(zip(subjects, roots, strict=True), values, strict=True))
        out: dict[tuple[Any, str], Any] = {}
        grouped: dict[tuple[Any, str], list[Any]] = {}
        for s, p, v, m in zip(subjects, roots, values, many.tolist(), strict=True):
            if m:
                grouped.setdefault((s, p), []).append(v)
            else:
                out[(s, p)] = v
        out.update({k: tuple(v) for k, v in grouped.items()})
        return out
