"""Reconciliation: from many claims, what is most likely true, how sure, and why.

The public names are re-exported from :mod:`filmlore`; import them from there.
"""

from __future__ import annotations

from filmlore.reconcile._api import reconcile
from filmlore.reconcile._policies import (
    Authority,
    MostSpecific,
    Policy,
    TruthDiscovery,
    Vote,
    WeightedVote,
)
from filmlore.reconcile._results import (
    Conflict,
    ConflictSide,
    Fact,
    FactStatus,
    Reconciliation,
    Support,
)
from filmlore.reconcile._table import ClaimTable
from filmlore.reconcile._truth import SOURCE_PRIORS

__all__ = [
    "SOURCE_PRIORS",
    "Authority",
    "ClaimTable",
    "Conflict",
    "ConflictSide",
    "Fact",
    "FactStatus",
    "MostSpecific",
    "Policy",
    "Reconciliation",
    "Support",
    "TruthDiscovery",
    "Vote",
    "WeightedVote",
    "reconcile",
]
