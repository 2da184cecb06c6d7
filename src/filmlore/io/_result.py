"""What a lenient load returns: the good records, and the bad ones set aside with reasons."""

from __future__ import annotations

from typing import Any

import attrs

from filmlore.dossier import Dossier
from filmlore.errors import Location, Problem

__all__ = ["LoadResult", "Rejected"]


@attrs.frozen(slots=True, kw_only=True)
class Rejected:
    """One record that could not be loaded: the data as it was read, and why.

    ``record`` is the raw data (a mapping from JSON, YAML or TOML, a row's cells as a
    mapping for CSV, or the line's text when it was not even valid JSON); ``location`` is
    where the record starts; ``problems`` are every problem found in it.

    >>> r = Rejected(record={"id": "film:x"}, location=Location(path="$.films[0]", line=3),
    ...              problems=[Problem(message="missing required key 'title'",
    ...                                location=Location(path="$.films[0].title", line=3))])
    >>> print(r)
    $.films[0] (line 3): missing required key 'title' @ $.films[0].title (line 3)
    """

    record: Any
    location: Location
    problems: list[Problem] = attrs.field(factory=list)

    def __str__(self) -> str:
        return f"{self.location}: " + "; ".join(map(str, self.problems))


@attrs.frozen(slots=True, kw_only=True)
class LoadResult:
    """What :func:`filmlore.load` returns with ``lenient=True``.

    ``dossier`` holds every record that loaded; ``rejected`` every record that did not, with
    its problems -- nothing good is dropped and nothing bad passes silently.  An importer
    also lists its ``notes`` (what it changed or skipped on the way in) and the number of
    ``rows`` it read.

    >>> import filmlore
    >>> text = '{"films": [{"id": "film:heat-1995", "title": "Heat"}, {"id": "film:x"}]}'
    >>> result = filmlore.loads(text, format="json", lenient=True)
    >>> [f.title.text for f in result.dossier.films]
    ['Heat']
    >>> print(result.rejected[0].problems[0])
    missing required key 'title' @ $.films[1].title (line 1)
    """

    dossier: Dossier
    rejected: list[Rejected] = attrs.field(factory=list)
    #: What an importer read but changed or skipped: ids repaired, blank rows, an encoding
    #: detected (empty for filmlore's own formats, which change nothing).
    notes: list[Problem] = attrs.field(factory=list)
    #: How many rows an importer read (None for filmlore's own formats).
    rows: int | None = None

    @property
    def ok(self) -> bool:
        """True when no record was rejected."""
        return not self.rejected

    @property
    def problems(self) -> list[Problem]:
        """Every problem of every rejected record, in input order."""
        return [p for r in self.rejected for p in r.problems]
