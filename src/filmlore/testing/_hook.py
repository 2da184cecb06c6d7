"""The Hypothesis entry point: registers filmlore's strategies with ``st.from_type``.

Hypothesis imports this module while it is itself being imported, so nothing here may import
:mod:`filmlore.testing`'s strategy modules at import time: each registration is deferred and
resolved on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

from hypothesis import strategies as st

from filmlore.dossier import Dossier
from filmlore.models import (
    Character,
    Claim,
    Credit,
    Film,
    HierarchyLink,
    Person,
    Quote,
    Scene,
    Source,
)
from filmlore.values.dates import DateInterval, PartialDate
from filmlore.values.ids import ImdbId, MovieLensId, TmdbId, WikidataId
from filmlore.values.quantities import Duration, Money, Quantity
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

#: Each type and the name of its strategy in :mod:`filmlore.testing`.
STRATEGIES: dict[type, str] = {
    PartialDate: "partial_dates",
    DateInterval: "date_intervals",
    Duration: "durations",
    Money: "money",
    Quantity: "quantities",
    EntityRef: "entity_refs",
    Text: "texts",
    ImdbId: "imdb_ids",
    TmdbId: "tmdb_ids",
    MovieLensId: "movielens_ids",
    WikidataId: "wikidata_ids",
    Film: "films",
    Person: "people",
    Character: "characters",
    Credit: "credits",
    Scene: "scenes",
    Quote: "quotes",
    Source: "sources",
    Claim: "claims",
    HierarchyLink: "hierarchy_links",
    Dossier: "dossiers",
}


def _deferred(name: str) -> st.SearchStrategy[Any]:
    def make() -> st.SearchStrategy[Any]:
        strategy: st.SearchStrategy[Any] = getattr(
            importlib.import_module("filmlore.testing"), name
        )()
        return strategy

    return st.deferred(make)


def register_strategies() -> None:
    """Register a strategy for every value and model type with :func:`st.from_type`."""
    for cls, name in STRATEGIES.items():
        st.register_type_strategy(cls, _deferred(name))


def _hypothesis_setup_hook() -> None:
    """Called by Hypothesis through the ``hypothesis`` entry point."""
    register_strategies()
