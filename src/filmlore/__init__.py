"""filmlore: film knowledge with provenance.

Typed models for films, people, characters, credits, scenes, quotes, sources and sourced
claims; typed values that keep partial dates partial and hedges hedged; a property registry.

>>> import filmlore
>>> str(filmlore.PartialDate.parse("December 15, 1995 (United States)"))
'1995-12-15'
>>> filmlore.Duration.parse("nearly 3 hours").contains(filmlore.Duration.parse("170 min"))
True
"""

from __future__ import annotations

from filmlore.compare import (
    Comparator,
    CompareContext,
    Comparison,
    QuoteKind,
    QuoteMatch,
    Taxonomy,
    Verdict,
    compare,
    compare_claims,
    compare_quotes,
    normalize_text,
    register_comparator,
)
from filmlore.dossier import Dossier, DossierOrigin
from filmlore.errors import (
    DuplicateIdError,
    FieldError,
    FilmloreError,
    IssuesFound,
    LoadError,
    Location,
    MissingDependencyError,
    ParseError,
    PolicyError,
    Problem,
    PropertyDeclarationError,
    UnknownPropertyError,
    UnresolvedReferenceError,
)
from filmlore.io import LoadResult, Rejected, dump, dumps, iter_load, load, loads
from filmlore.models import (
    Character,
    Claim,
    Credit,
    Excerpt,
    ExternalIds,
    Film,
    HierarchyLink,
    Person,
    Qualifier,
    Quote,
    Rank,
    ReleaseDate,
    RoleKind,
    Scene,
    Source,
    SourceKind,
    Stance,
    Value,
)
from filmlore.properties import (
    Cardinality,
    Property,
    PropertyRegistry,
    get_property,
    register_property,
)
from filmlore.reconcile import (
    SOURCE_PRIORS,
    Authority,
    ClaimTable,
    Conflict,
    ConflictSide,
    Fact,
    FactStatus,
    MostSpecific,
    Policy,
    Reconciliation,
    Support,
    TruthDiscovery,
    Vote,
    WeightedVote,
    reconcile,
)
from filmlore.report import QuoteLine, QuoteRendering, quote_fidelity
from filmlore.validate import Issue, Severity, raise_for_issues, validate
from filmlore.values.dates import DateInterval, PartialDate, Precision, parse_date
from filmlore.values.ids import ImdbId, MovieLensId, TmdbId, WikidataId
from filmlore.values.kinds import ValueKind, get_kind, register_kind
from filmlore.values.quantities import Duration, Hedge, Money, Quantity, parse_quantity
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

__version__ = "0.1.0.dev0"

__all__ = [  # noqa: RUF022 - in plain sorted order, which tests/test_public_api.py checks
    "Authority",
    "Cardinality",
    "Character",
    "Claim",
    "ClaimTable",
    "Comparator",
    "CompareContext",
    "Comparison",
    "Conflict",
    "ConflictSide",
    "Credit",
    "DateInterval",
    "Dossier",
    "DossierOrigin",
    "DuplicateIdError",
    "Duration",
    "EntityRef",
    "Excerpt",
    "ExternalIds",
    "Fact",
    "FactStatus",
    "FieldError",
    "Film",
    "FilmloreError",
    "Hedge",
    "HierarchyLink",
    "ImdbId",
    "Issue",
    "IssuesFound",
    "LoadError",
    "LoadResult",
    "Location",
    "MissingDependencyError",
    "Money",
    "MostSpecific",
    "MovieLensId",
    "ParseError",
    "PartialDate",
    "Person",
    "Policy",
    "PolicyError",
    "Precision",
    "Problem",
    "Property",
    "PropertyDeclarationError",
    "PropertyRegistry",
    "Qualifier",
    "Quantity",
    "Quote",
    "QuoteKind",
    "QuoteLine",
    "QuoteMatch",
    "QuoteRendering",
    "Rank",
    "Reconciliation",
    "Rejected",
    "ReleaseDate",
    "RoleKind",
    "SOURCE_PRIORS",
    "Scene",
    "Severity",
    "Source",
    "SourceKind",
    "Stance",
    "Support",
    "Taxonomy",
    "Text",
    "TmdbId",
    "TruthDiscovery",
    "UnknownPropertyError",
    "UnresolvedReferenceError",
    "Value",
    "ValueKind",
    "Verdict",
    "Vote",
    "WeightedVote",
    "WikidataId",
    "compare",
    "compare_claims",
    "compare_quotes",
    "dump",
    "dumps",
    "get_kind",
    "get_property",
    "iter_load",
    "load",
    "loads",
    "normalize_text",
    "parse_date",
    "parse_quantity",
    "quote_fidelity",
    "raise_for_issues",
    "reconcile",
    "register_comparator",
    "register_kind",
    "register_property",
    "validate",
]
