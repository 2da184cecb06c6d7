"""The entry point: :func:`reconcile`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any

from filmlore.compare import CompareContext
from filmlore.dossier import Dossier
from filmlore.errors import PolicyError
from filmlore.models import Claim
from filmlore.reconcile._algorithms import decide_parts
from filmlore.reconcile._facts import FactBuilder
from filmlore.reconcile._grouping import group
from filmlore.reconcile._policies import Policy, TruthDiscovery
from filmlore.reconcile._relations import Relater, build_evidence
from filmlore.reconcile._results import Reconciliation
from filmlore.reconcile._table import ClaimTable

__all__ = [
    "DEFAULT_POLICY",
    "ContextLike",
    "compare_context",
    "reconcile",
    "reconcile_parts",
]

#: The policy used when none is given.
DEFAULT_POLICY: Policy = TruthDiscovery()

#: What ``context`` accepts: a comparison context, or a dossier to build one from.
ContextLike = CompareContext | Dossier | None


def reconcile(
    claims: Dossier | Iterable[Claim] | ClaimTable,
    *,
    policy: Policy | None = None,
    context: ContextLike = None,
    engine: str | None = None,
    spark: Any = None,
    part_size: int | None = None,
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
    ctx = compare_context(context, dossier, table)
    name = engine if engine is not None else ("spark" if spark is not None else "numpy")
    if name == "numpy" and spark is None and part_size is None:
        return reconcile_parts([table], chosen, ctx)
    from filmlore.reconcile._engines import split

    if name == "numpy":
        raise PolicyError(
            "part_size and spark= are for the duckdb and spark engines; "
            "the numpy engine takes every claim at once"
        )
    return reconcile_parts(split(table, name, spark=spark, part_size=part_size), chosen, ctx)


def compare_context(
    context: ContextLike, dossier: Dossier | None, table: ClaimTable
) -> CompareContext:
    """The comparison context a reconciliation uses: the one given, else one built from
    the dossier, else the table's property registry alone."""
    if isinstance(context, CompareContext):
        return context
    if dossier is not None:
        return CompareContext.from_dossier(dossier)
    return CompareContext(registry=table.registry)


def reconcile_parts(
    tables: Sequence[ClaimTable], policy: Policy, ctx: CompareContext
) -> Reconciliation:
    """Reconcile claims split by question into tables that share their source labels
    (the codes of their ``source`` columns index one list): each table is grouped and its
    evidence built on its own, the policy decides over all of them at once, and the
    facts of every table make one :class:`Reconciliation`.

    Every question's claims must be in one table; the in-process path passes one table,
    the engines one per part of the questions.
    """
    groupings = [group(t) for t in tables]
    relaters = [Relater(g, t, ctx) for g, t in zip(groupings, tables, strict=True)]
    parts = [build_evidence(t, g, r) for t, g, r in zip(tables, groupings, relaters, strict=True)]
    outcomes = policy.outcomes(parts)
    decisions = decide_parts(parts, outcomes)
    builders = [
        FactBuilder(t, g, ev, o, d, r, policy.reason(), display_names=ctx.names)
        for t, g, ev, o, d, r in zip(
            tables, groupings, parts, outcomes, decisions, relaters, strict=True
        )
    ]
    first = outcomes[0] if outcomes else None
    copies: tuple[tuple[str, str, float], ...] = ()
    if first is not None and first.dependence is not None:
        ids = [s.id for s in parts[0].sources]
        dep = first.dependence
        copies = tuple(
            (ids[a], ids[b], round(float(d), 6))
            for a, b, d in zip(dep.a.tolist(), dep.b.tolist(), dep.d.tolist(), strict=True)
        )
    sources = parts[0].sources if parts else []
    trust = decisions[0].trust.tolist() if decisions else []
    registry = tables[0].registry if tables else None
    if len(builders) == 1:
        (builder,) = builders
        return Reconciliation(
            policy=policy,
            facts=builder.facts,
            conflicts=builder.conflicts,
            rejected=builder.rejected,
            source_trust={s.id: float(t) for s, t in zip(sources, trust, strict=True)},
            answers=builder.answers,
            iterations=first.iterations if first is not None else 0,
            copies=copies,
            registry=registry,
        )

    def answers(with_confidence: bool = False) -> dict[tuple[Any, str], Any]:
        out: dict[tuple[Any, str], Any] = {}
        for b in builders:
            out.update(b.answers(with_confidence))
        return out

    return Reconciliation(
        policy=policy,
        facts=lambda: tuple(chain.from_iterable(b.facts() for b in builders)),
        conflicts=lambda: tuple(chain.from_iterable(b.conflicts() for b in builders)),
        rejected=lambda: tuple(chain.from_iterable(b.rejected() for b in builders)),
        source_trust={s.id: float(t) for s, t in zip(sources, trust, strict=True)},
        answers=answers,
        iterations=first.iterations if first is not None else 0,
        copies=copies,
        registry=registry,
    )
