"""Reconciling a :class:`~filmlore.ClaimTable`: decisions on arrays, facts when asked."""

from __future__ import annotations

from typing import Any

from filmlore.reconcile._algorithms import Decisions, Outcome, decide
from filmlore.reconcile._policies import Policy
from filmlore.reconcile._results import (
    Conflict,
    ConflictSide,
    Fact,
    FactStatus,
    Reconciliation,
    status_for,
)
from filmlore.reconcile._table import ClaimTable

__all__ = ["reconcile_table"]


def _names(labels: list[str], limit: int = 3) -> str:
    if len(labels) <= limit:
        return ", ".join(labels)
    return f"{', '.join(labels[:limit])} and {len(labels) - limit} more"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


class _Built:
    """The decisions on a table, and what is needed to turn them into facts on demand."""

    def __init__(self, table: ClaimTable, policy: Policy) -> None:
        self.table, self.policy = table, policy
        self.ev, self.row_cand, self.item_keys = table.evidence(policy.implies)
        self.outcome: Outcome = policy.outcome(self.ev)
        self.decisions: Decisions = decide(self.ev, self.outcome)
        self._subjects: list[Any] | None = None
        self._properties: list[str] | None = None

    def _items(self) -> tuple[list[Any], list[str]]:
        if self._subjects is None or self._properties is None:
            subjects, properties = self.table.item_labels(self.item_keys)
            self._subjects, self._properties = subjects, [str(p) for p in properties]
        return self._subjects, self._properties

    def answers(self) -> dict[tuple[Any, str], Any]:
        np = self.ev.xp.np
        ev, table = self.ev, self.table
        chosen = np.flatnonzero(self.decisions.chosen)
        items = ev.cand_item[chosen]
        values = np.asarray(table.value.labels, dtype=object)[ev.cand_order[chosen]].tolist()
        subjects, properties = self._items()
        subj = np.asarray(subjects, dtype=object)[items].tolist()
        prop = np.asarray(properties, dtype=object)[items].tolist()
        many = ev.item_many[items]
        if not many.any():
            return dict(zip(zip(subj, prop, strict=True), values, strict=True))
        out: dict[tuple[Any, str], Any] = {}
        grouped: dict[tuple[Any, str], list[Any]] = {}
        for s, p, v, m in zip(subj, prop, values, many.tolist(), strict=True):
            if m:
                grouped.setdefault((s, p), []).append(v)
            else:
                out[(s, p)] = v
        out.update({k: tuple(v) for k, v in grouped.items()})
        return out

    def trust(self) -> dict[str, float]:
        values = self.decisions.trust.tolist()
        return {s.id: float(t) for s, t in zip(self.ev.sources, values, strict=True)}

    # --- facts and conflicts ----------------------------------------------------------------

    def _layout(self) -> dict[str, Any]:
        """Plain lists for building facts: each candidate's asserting and denying rows."""
        ev, table = self.ev, self.table
        np = ev.xp.np
        stance = np.asarray(table.stance)
        denies = (stance == 2).astype(np.int64)
        order = np.lexsort((denies, self.row_cand))
        key = self.row_cand[order] * 2 + denies[order]
        bounds = np.searchsorted(key, np.arange(2 * ev.n_cands + 1)).tolist()
        agree: dict[int, set[int]] = {}
        if ev.agree_a is not None:
            for a, b in zip(ev.agree_a.tolist(), ev.agree_b.tolist(), strict=True):
                agree.setdefault(a, set()).add(b)
        ids = table.claim_ids_list()
        return {
            "order": order.tolist(),
            "bounds": bounds,
            "agree": agree,
            "src": table.source.codes.tolist(),
            "origin": table.origin.codes.tolist(),
            "src_labels": [str(x) for x in table.source.labels],
            "ids": ids,
        }

    @staticmethod
    def _rows(lay: dict[str, Any], c: int) -> tuple[list[int], list[int]]:
        b, order = lay["bounds"], lay["order"]
        return order[b[2 * c] : b[2 * c + 1]], order[b[2 * c + 1] : b[2 * c + 2]]

    @staticmethod
    def _sources(lay: dict[str, Any], rows: list[int]) -> list[str]:
        labels, src = lay["src_labels"], lay["src"]
        return sorted({labels[src[r]] for r in rows})

    def facts(self) -> tuple[Fact, ...]:
        return self._facts(rejected=False)

    def rejected(self) -> tuple[Fact, ...]:
        return self._facts(rejected=True)

    def _facts(self, *, rejected: bool) -> tuple[Fact, ...]:
        ev, table = self.ev, self.table
        lay = self._layout()
        ids, origin, agree = lay["ids"], lay["origin"], lay["agree"]
        subjects, properties = self._items()
        starts = ev.item_start.tolist()
        prob = self.outcome.prob.tolist()
        many = ev.item_many.tolist()
        values = table.value.labels
        cand_value = ev.cand_order.tolist()
        cand_item = ev.cand_item.tolist()
        np = ev.xp.np
        picked = np.flatnonzero(~self.decisions.chosen if rejected else self.decisions.chosen)
        out: list[Fact] = []
        for c in picked.tolist():
            item = cand_item[c]
            lo, hi = starts[item], starts[item + 1]
            asserting, denying = self._rows(lay, c)
            if rejected:
                if not denying or (asserting and not many[item]):
                    continue
                support, against = sorted(denying), sorted(asserting)
                conf = 1.0 - float(prob[c]) if asserting else 1.0
            else:
                support, against = list(asserting), list(denying)
                for o in range(lo, hi):
                    if o == c:
                        continue
                    if o in agree.get(c, ()):
                        support += self._rows(lay, o)[0]
                    elif not many[item]:
                        against += self._rows(lay, o)[0]
                support.sort()
                against.sort()
                conf = float(prob[c])
            status = status_for(bool(against), len({origin[r] for r in support}), conf)
            value = values[cand_value[c]]
            backers = self._sources(lay, support)
            dissenters = self._sources(lay, against) if against else []
            out.append(
                Fact(
                    subject=subjects[item],
                    property=properties[item],
                    value=value,
                    status=status,
                    confidence=conf,
                    support=tuple([ids[r] for r in support]),
                    dissent=tuple([ids[r] for r in against]),
                    explanation=self._explain(
                        value, backers, dissenters, status, conf, many[item], rejected
                    ),
                    sources=tuple(backers),
                    dissenting_sources=tuple(dissenters),
                    value_data=value if isinstance(value, (str, int, float, bool)) else None,
                )
            )
        return tuple(out)

    def _explain(
        self,
        value: Any,
        sources: list[str],
        dissenters: list[str],
        status: FactStatus,
        conf: float,
        many: bool,
        rejected: bool,
    ) -> str:
        if rejected:
            said = f"{value!s} is denied by {_plural(len(sources), 'source')} ({_names(sources)})"
            if not dissenters:
                return said + "; no source asserts it."
            return f"{said} against {_names(dissenters)} (confidence {conf:.2f})."
        said = f"{value!s} is given by {_plural(len(sources), 'source')} ({_names(sources)})"
        if not dissenters:
            return said + "; no source disagrees."
        one = len(dissenters) == 1
        if many:
            verb = "denies it" if one else "deny it"
        else:
            verb = "gives another value" if one else "give other values"
        against = f"{_plural(len(dissenters), 'source')} ({_names(dissenters)}) {verb}"
        if status is FactStatus.RESOLVED:
            reason = self.policy.reason()
            return f"{said}; {against}, but it wins because {reason} (confidence {conf:.2f})."
        return f"{said}; {against}, and no side prevails (confidence {conf:.2f})."

    def conflicts(self) -> tuple[Conflict, ...]:
        ev, table = self.ev, self.table
        lay = self._layout()
        subjects, properties = self._items()
        starts = ev.item_start.tolist()
        chosen = self.decisions.chosen.tolist()
        rank = self.outcome.ranking(self.ev).tolist()
        prob = self.outcome.prob.tolist()
        many = ev.item_many.tolist()
        values = table.value.labels
        cand_value = ev.cand_order.tolist()
        out: list[Conflict] = []
        for item in range(ev.n_items):
            lo, hi = starts[item], starts[item + 1]
            cands = sorted(range(lo, hi), key=lambda c: rank[c])
            sides: list[ConflictSide] = []
            asserted: list[int] = []
            denied = False
            for c in cands:
                asserting, denying = self._rows(lay, c)
                asserting, denying = sorted(asserting), sorted(denying)
                value = values[cand_value[c]]
                if asserting:
                    asserted.append(c)
                    sides.append(
                        ConflictSide(
                            value=value,
                            claims=tuple(lay["ids"][r] for r in asserting),
                            sources=tuple(self._sources(lay, asserting)),
                            confidence=float(prob[c]),
                        )
                    )
                if denying and asserting:
                    denied = True
                    sides.append(
                        ConflictSide(
                            value=value,
                            claims=tuple(lay["ids"][r] for r in denying),
                            sources=tuple(self._sources(lay, denying)),
                            confidence=1.0 - float(prob[c]),
                            denies=True,
                        )
                    )
            clash = not many[item] and any(
                b not in lay["agree"].get(a, ()) for a in asserted for b in asserted if a != b
            )
            if not (clash or denied):
                continue
            winners = [c for c in cands if chosen[c]]
            confidence = max((float(prob[c]) for c in winners), default=0.0)
            status = status_for(True, 2, confidence) if winners else FactStatus.DISPUTED
            winner = values[cand_value[winners[0]]] if winners and not many[item] else None
            settled = winner is not None and status is FactStatus.RESOLVED
            reason = self.policy.reason()
            out.append(
                Conflict(
                    subject=subjects[item],
                    property=str(properties[item]),
                    sides=tuple(sides),
                    status=status,
                    winner=winner,
                    explanation=(
                        f"{winner!s} wins because {reason} (confidence {confidence:.2f})."
                        if settled
                        else f"{len(sides)} sides and none prevails."
                    ),
                )
            )
        return tuple(out)


def reconcile_table(table: ClaimTable, policy: Policy) -> Reconciliation:
    """Reconcile a claims table: the decisions now, the facts when first asked for."""
    built = _Built(table, policy)
    return Reconciliation(
        policy=policy,
        facts=built.facts,
        conflicts=built.conflicts,
        rejected=built.rejected,
        source_trust=built.trust(),
        answers=built.answers,
        iterations=built.outcome.iterations,
    )
