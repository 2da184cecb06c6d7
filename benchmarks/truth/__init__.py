"""Loaders for the truth-discovery benchmarks in ``../shared/data/truth``.

Each module reads one dataset into a :class:`TruthSet`: the claims as columns (object,
source, value -- values already normalised), the gold answers, and what the dataset knows
about how its values relate (numeric closeness for population, the place tree for
heritages).  :meth:`TruthSet.table` turns the columns into a :class:`filmlore.ClaimTable`.

The data is third-party and stays outside the repository; :data:`DATA` is where it is
looked for (the ``FILMLORE_TRUTH_DATA`` environment variable overrides it).

    import truth.population
    data = truth.population.load()
    print(data.score(predictions))
"""

from __future__ import annotations

from ._common import DATA, Score, TruthSet

__all__ = ["DATA", "Score", "TruthSet"]
