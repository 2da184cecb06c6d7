"""Example dossiers that ship with filmlore, so that the tutorial and the command line work
from an installed package.

>>> import filmlore
>>> path = filmlore.example_path("heat")
>>> sorted(p.name for p in path.iterdir())
['claims', 'dossier.yaml', 'sources']
"""

from __future__ import annotations

from pathlib import Path

from filmlore.errors import UnknownExampleError

__all__ = ["EXAMPLES", "example_path"]

_HERE = Path(__file__).resolve().parent

#: The example dossiers by name, each with a line on what it holds.
EXAMPLES: dict[str, str] = {
    "heat": "Heat (1995): three articles, two interviews and a database record that disagree",
}


def example_path(name: str = "heat") -> Path:
    """The folder of the example dossier ``name``, inside the installed package.

    Load it with :func:`filmlore.load`; copy it before editing it (the command
    ``filmlore example heat FOLDER`` does that).

    Raises:
        UnknownExampleError: ``name`` is not one of :data:`EXAMPLES` (a :class:`LookupError`).
    """
    if name not in EXAMPLES:
        known = ", ".join(sorted(EXAMPLES))
        raise UnknownExampleError(f"no example dossier named {name!r}; the examples are: {known}")
    return _HERE / name
