"""Hypothesis strategies for every filmlore value and model, for your own tests.

Each strategy makes values that are valid by construction.  Installing filmlore with the
``testing`` extra registers them with Hypothesis, so ``st.from_type(filmlore.Film)`` works::

    from hypothesis import given, strategies as st
    import filmlore

    @given(st.from_type(filmlore.Claim))
    def test_my_exporter(claim): ...

>>> from filmlore.testing import partial_dates
>>> partial_dates().example().precision in {1, 2, 3}  # doctest: +SKIP
True
"""

from __future__ import annotations

from filmlore.errors import require

require("hypothesis", extra="testing", feature="filmlore.testing")

from filmlore.testing._dates import date_intervals, dates, partial_dates  # noqa: E402
from filmlore.testing._hook import register_strategies  # noqa: E402
from filmlore.testing._models import (  # noqa: E402
    characters,
    claims,
    credits,
    dossiers,
    entity_refs,
    external_ids,
    films,
    hierarchies,
    hierarchy_links,
    imdb_ids,
    movielens_ids,
    people,
    quotes,
    scenes,
    sources,
    texts,
    tmdb_ids,
    values,
    wikidata_ids,
)
from filmlore.testing._quantities import durations, money, quantities  # noqa: E402

__all__ = [
    "characters",
    "claims",
    "credits",
    "date_intervals",
    "dates",
    "dossiers",
    "durations",
    "entity_refs",
    "external_ids",
    "films",
    "hierarchies",
    "hierarchy_links",
    "imdb_ids",
    "money",
    "movielens_ids",
    "partial_dates",
    "people",
    "quantities",
    "quotes",
    "register_strategies",
    "scenes",
    "sources",
    "texts",
    "tmdb_ids",
    "values",
    "wikidata_ids",
]
