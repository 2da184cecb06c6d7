"""The public API stays curated: sorted, importable, documented."""

from __future__ import annotations

import re

import filmlore
from tests.conftest import ROOT


def _isort_key(name: str) -> tuple[int, str]:
    """The order ruff keeps ``__all__`` in: CONSTANTS, then Classes, then functions."""
    if name.isupper():
        return (0, name)
    return (1, name) if name[:1].isupper() else (2, name)


def test_all_is_sorted_and_unique() -> None:
    """__all__ is sorted (constants, classes, functions) and has no repeats."""
    assert list(filmlore.__all__) == sorted(set(filmlore.__all__), key=_isort_key)


def test_every_name_in_all_exists() -> None:
    """Every name in __all__ is an attribute of the package."""
    missing = [n for n in filmlore.__all__ if not hasattr(filmlore, n)]
    assert missing == []


def test_every_public_name_is_in_the_reference() -> None:
    """Every name in __all__ is documented in docs/reference."""
    text = "\n".join(p.read_text() for p in (ROOT / "docs" / "reference").glob("*.rst"))
    documented = set(re.findall(r"\.\. (?:auto\w+|data):: (?:filmlore\.)?(\w+)", text))
    assert sorted(set(filmlore.__all__) - documented) == []


def test_every_public_callable_has_a_docstring() -> None:
    """Every public class and function has a docstring."""
    undocumented = [
        n
        for n in filmlore.__all__
        if callable(getattr(filmlore, n)) and not (getattr(filmlore, n).__doc__ or "").strip()
    ]
    assert undocumented == []
