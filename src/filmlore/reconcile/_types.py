"""Named array types of the reconciliation code.

numpy's element types are checked loosely by type checkers, so the aliases below say what an
array holds for the reader -- codes, weights, flags -- rather than constrain it.
"""

from __future__ import annotations

from typing import Any, TypeAlias

import numpy.typing as npt

__all__ = ["BoolArray", "FloatArray", "IntArray"]

#: Integer codes or counts, one per row, candidate, item or source.
IntArray: TypeAlias = npt.NDArray[Any]
#: Weights, probabilities and scores.
FloatArray: TypeAlias = npt.NDArray[Any]
#: Flags.
BoolArray: TypeAlias = npt.NDArray[Any]
