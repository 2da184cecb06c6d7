"""Loading, dumping and streaming dossiers in every format filmlore reads.

One strict cattrs converter, shared by every format: JSON, JSON Lines, YAML, TOML, CSV
(a table of claims) and the dossier folder.  See ``docs/explanation/dossier-format.md`` for
the serialised form and ``docs/howto/load.md`` for examples.
"""

from __future__ import annotations

from filmlore.importers import TableMapping
from filmlore.io._api import FORMATS, OWN_FORMATS, dump, dumps, format_of, iter_load, load, loads
from filmlore.io._result import LoadResult, Rejected

__all__ = [
    "FORMATS",
    "OWN_FORMATS",
    "LoadResult",
    "Rejected",
    "TableMapping",
    "dump",
    "dumps",
    "format_of",
    "iter_load",
    "load",
    "loads",
]
