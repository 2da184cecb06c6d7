"""The entry point: :func:`reconcile`."""

from __future__ import annotations

from collections.abc import Iterable

from filmlore.compare import CompareContext
from filmlore.dossier import Dossier
from filmlore.models import Claim
from filmlore.reconcile._algorithms import decide
from filmlore.reconcile._facts import FactBuilder
from filmlore.reconcile._grouping import group
from filmlore.reconcile._policies import Policy, TruthDiscovery
from filmlore.reconcile._relations import Relater, build_evidence
from filmlore.reconcile._results import Reconciliation
from filmlore.reconcile._table import ClaimTable

__all__ = ["DEFAULT_POLICY", "ContextLike", "reconcile"]

#: The policy used when none is given.
DEFAULT_POLICY: Policy = TruthDiscovery()

#: What ``context`` accepts: a comparison context, or a dossier to build one from.
ContextLike = CompareContext | Dossier | None


def reconcile(
    claims: Dossier | Iterable[Claim] | ClaimTable,
    *,
    policy: Policy | None = None,
    context: ContextLike = None,
) -> Reconciliation:
    """Decide what is most likely true from many claims, how sure, and why.

    ``claims`` is a :class:`~filmlore.Dossier`, any iterable of :class:`~filmlore.Claim`
    (read from a claims CSV, say) or a :class:`~filmlore.ClaimTable` (millions of claims as
    columns).  All three take one road: a dossier or a list of claims becomes a table, and
    the same claims give the same facts whichever way they come.  ``policy`` chooses between
    conflicting values -- :class:`~filmlore.Vote`, :class:`~filmlore.WeightedVote`,
    :class:`~filmlore.Authority`, :class:`~filmlore.MostSpecific` or, by default,
    :class:`~filmlore.TruthDiscovery`.  ``context`` (a :class:`~filmlore.CompareContext`, or
    a :class:`~filmlore.Dossier` whose names, aliases, sources and hierarchies it is built
    from) tells the comparisons about names and hierarchies; for a dossier it is built from
    the dossier itself.

    Values are compared exactly as :func:`~filmlore.compare` compares them, and
    compatibility is never chained: a vague value backs every finer value it contains, but
    two values that conflict stay a dispute.  Claims relayed from one origin (the person
    they are attributed to, else the first source of their ``via`` chain) count once per
    value; a hedged claim counts half; a denial counts against its value; deprecated claims
    are left out and listed on the facts they concern.

    >>> from filmlore import Claim, Duration, EntityRef
    >>> heat = EntityRef("film", "heat-1995")
    >>> claims = [
    ...     Claim(id=EntityRef("claim", "a"), subject=heat, property="duration",
    ...           value=Duration.parse("nearly 3 hours"), source=EntityRef("source", "blog")),
    ...     Claim(id=EntityRef("claim", "b"), subject=heat, property="duration",
    ...           value=Duration.parse("170 min"), source=EntityRef("source", "tmdb")),
    ... ]
    >>> fact = reconcile(claims).fact(heat, "duration")
    >>> fact.printed, fact.status.value, round(fact.confidence, 2)
    ('170 min', 'agreed', 0.63)
    >>> [(s.source, s.value_text, s.relation) for s in fact.supporters]
    [('source:tmdb', '170 min', 'gives'), ('source:blog', 'nearly 3 hours', 'coarser')]
    >>> print(fact.explanation)
    170 min (tmdb); 'nearly 3 hours' (blog) is consistent with it: 170 min lies within nearly 3 hours (153 min to 180 min): it is the more precise amount; no source disagrees.
    """  # noqa: E501
    chosen = policy if policy is not None else DEFAULT_POLICY
    dossier = claims if isinstance(claims, Dossier) else None
    if dossier is None and isinstance(context, Dossier):
        dossier = context
    if isinstance(claims, ClaimTable):
        table = claims
    elif isinstance(claims, Dossier):
        table = ClaimTable.from_dossier(claims)
    else:
        items = list(claims)
        table = ClaimTable.from_claims(
            items,
            sources=dossier.sources if dossier is not None else None,
            registry=dossier.registry if dossier is not None else None,
        )
    if isinstance(context, CompareContext):
        ctx = context
    elif dossier is not None:
        ctx = CompareContext.from_dossier(dossier)
    else:
        ctx = CompareContext(registry=table.registry)
    grouping = group(table)
    relater = Relater(grouping, table, ctx)
    ev = build_evidence(table, grouping, relater)
    outcome = chosen.outcome(ev)
    decisions = decide(ev, outcome)
    builder = FactBuilder(
        table,
        grouping,
        ev,
        outcome,
        decisions,
        relater,
        chosen.reason(),
        display_names=ctx.names,
    )
    copies: tuple[tuple[str, str, float], ...] = ()
    if outcome.dependence is not None:
        ids = [s.id for s in ev.sources]
        copies = tuple(
            (ids[a], ids[b], round(float(d), 6))
            for a, b, d in zip(
                outcome.dependence.a.tolist(),
                outcome.dependence.b.tolist(),
                outcome.dependence.d.tolist(),
                strict=True,
            )
        )
    trust = decisions.trust.tolist()
    return Reconciliation(
        policy=chosen,
        facts=builder.facts,
        conflicts=builder.conflicts,
        rejected=builder.rejected,
        source_trust={s.id: float(t) for s, t in zip(ev.sources, trust, strict=True)},
        answers=builder.answers,
        iterations=outcome.iterations,
        copies=copies,
        registry=table.registry,
    )
