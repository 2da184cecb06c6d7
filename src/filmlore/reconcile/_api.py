"""The entry point: :func:`reconcile`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from filmlore.dossier import Dossier
from filmlore.models import Claim
from filmlore.reconcile._policies import Policy, TruthDiscovery
from filmlore.reconcile._results import Reconciliation
from filmlore.reconcile._table import ClaimTable

__all__ = ["DEFAULT_POLICY", "reconcile"]

#: The policy used when none is given: the one that measures best on the benchmarks.
DEFAULT_POLICY: Policy = TruthDiscovery()


def reconcile(
    claims: Dossier | Iterable[Claim] | ClaimTable,
    *,
    policy: Policy | None = None,
    context: Any = None,
) -> Reconciliation:
    """Decide what is most likely true from many claims, how sure, and why.

    ``claims`` is a :class:`~filmlore.Dossier`, any iterable of :class:`~filmlore.Claim`
    (read from a claims CSV, say) or a :class:`~filmlore.ClaimTable` (the vectorised path
    for millions of claims; it needs numpy).  ``policy`` chooses between conflicting
    values -- :class:`~filmlore.Vote`, :class:`~filmlore.WeightedVote`,
    :class:`~filmlore.Authority`, :class:`~filmlore.MostSpecific` or, by default,
    :class:`~filmlore.TruthDiscovery`, which measures best on the benchmarks.  ``context``
    (a :class:`~filmlore.CompareContext` or a :class:`~filmlore.Dossier`) tells the
    comparisons about names, aliases and taxonomies; for a dossier it is built from the
    dossier itself.

    Claims relayed from one origin (the person they are attributed to, else the first
    source of their ``via`` chain) count once per value; a hedged claim counts half; a
    denial counts against its value; deprecated claims are left out and listed on the
    facts they concern.  Compatible values -- one refining the other, or holding in
    another scope -- support each other and never count as dissent.

    >>> from filmlore import Claim, Duration, EntityRef
    >>> heat = EntityRef("film", "heat-1995")
    >>> claims = [
    ...     Claim(id=EntityRef("claim", "a"), subject=heat, property="duration",
    ...           value=Duration.parse("nearly 3 hours"), source=EntityRef("source", "blog")),
    ...     Claim(id=EntityRef("claim", "b"), subject=heat, property="duration",
    ...           value=Duration.parse("170 min"), source=EntityRef("source", "tmdb")),
    ... ]
    >>> fact = reconcile(claims).fact(heat, "duration")
    >>> fact.printed, fact.status.value, fact.confidence
    ('170 min', 'agreed', 1.0)
    >>> fact.explanation
    "170 min (tmdb) is compatible with 'nearly 3 hours' (blog); no source disagrees."
    """
    chosen = policy if policy is not None else DEFAULT_POLICY
    if isinstance(claims, ClaimTable):
        from filmlore.reconcile._vectorised import reconcile_table

        return reconcile_table(claims, chosen)
    from filmlore.reconcile._objects import reconcile_claims

    return reconcile_claims(claims, chosen, context=context)
