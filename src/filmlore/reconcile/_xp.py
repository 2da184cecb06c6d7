"""Array backends: numpy when it is installed, else a small pure-Python stand-in.

The reconciliation algorithms are written once against the few array operations listed in
:class:`Backend` and run on either backend: numpy for the vectorised path over a
:class:`~filmlore.ClaimTable` (required there), and for claims of a dossier whichever is at
hand -- so that reconciling a dossier never needs an extra.  The pure-Python arrays sum in
the same order as ``numpy.bincount``, so both backends give the same numbers up to the last
bit of ``exp`` and ``log``.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from filmlore.errors import require

__all__ = ["Backend", "PyArray", "backend"]

_Num = float | int | bool


def _broadcast(a: Any, b: Any, op: Callable[[Any, Any], Any]) -> PyArray:
    if isinstance(b, PyArray):
        if isinstance(a, PyArray):
            if len(a.v) != len(b.v):
                raise ValueError(f"length mismatch: {len(a.v)} and {len(b.v)}")
            return PyArray([op(x, y) for x, y in zip(a.v, b.v, strict=True)])
        return PyArray([op(a, y) for y in b.v])
    return PyArray([op(x, b) for x in a.v])


class PyArray:
    """A one-dimensional array of Python numbers with numpy's elementwise operators."""

    __slots__ = ("v",)

    def __init__(self, values: Iterable[Any]) -> None:
        self.v: list[Any] = list(values)

    def __len__(self) -> int:
        return len(self.v)

    def __iter__(self) -> Any:
        return iter(self.v)

    def __repr__(self) -> str:
        return f"PyArray({self.v!r})"

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, PyArray):
            items = index.v
            if items and isinstance(items[0], bool):
                return PyArray([x for x, keep in zip(self.v, items, strict=True) if keep])
            return PyArray([self.v[i] for i in items])
        if isinstance(index, list):
            return PyArray([self.v[i] for i in index])
        if isinstance(index, slice):
            return PyArray(self.v[index])
        return self.v[index]

    def tolist(self) -> list[Any]:
        """The values as a list."""
        return list(self.v)

    def max(self) -> Any:
        """The largest value."""
        return max(self.v)

    def min(self) -> Any:
        """The smallest value."""
        return min(self.v)

    def sum(self) -> Any:
        """The sum of the values."""
        return math.fsum(self.v) if self.v and isinstance(self.v[0], float) else sum(self.v)

    def any(self) -> bool:
        """True when any value is true."""
        return any(self.v)

    def astype(self, kind: type) -> PyArray:
        """The values converted by ``kind`` (``float``, ``int``, ``bool``)."""
        return PyArray([kind(x) for x in self.v])

    def __add__(self, o: Any) -> PyArray:
        return _broadcast(self, o, operator.add)

    def __radd__(self, o: Any) -> PyArray:
        return _broadcast(self, o, operator.add)

    def __sub__(self, o: Any) -> PyArray:
        return _broadcast(self, o, operator.sub)

    def __rsub__(self, o: Any) -> PyArray:
        return PyArray([o - x for x in self.v])

    def __mul__(self, o: Any) -> PyArray:
        return _broadcast(self, o, operator.mul)

    def __rmul__(self, o: Any) -> PyArray:
        return _broadcast(self, o, operator.mul)

    def __truediv__(self, o: Any) -> PyArray:
        return _broadcast(self, o, operator.truediv)

    def __rtruediv__(self, o: Any) -> PyArray:
        return PyArray([o / x for x in self.v])

    def __neg__(self) -> PyArray:
        return PyArray([-x for x in self.v])

    def __gt__(self, o: Any) -> PyArray:
        return _broadcast(self, o, operator.gt)

    def __ge__(self, o: Any) -> PyArray:
        return _broadcast(self, o, operator.ge)

    def __lt__(self, o: Any) -> PyArray:
        return _broadcast(self, o, operator.lt)

    def __le__(self, o: Any) -> PyArray:
        return _broadcast(self, o, operator.le)

    def __eq__(self, o: Any) -> PyArray:  # type: ignore[override]
        return _broadcast(self, o, operator.eq)

    def __ne__(self, o: Any) -> PyArray:  # type: ignore[override]
        return _broadcast(self, o, operator.ne)

    def __and__(self, o: Any) -> PyArray:
        return _broadcast(self, o, lambda x, y: bool(x) and bool(y))

    def __or__(self, o: Any) -> PyArray:
        return _broadcast(self, o, lambda x, y: bool(x) or bool(y))

    def __invert__(self) -> PyArray:
        return PyArray([not x for x in self.v])

    __hash__ = None  # type: ignore[assignment]


def _vals(a: Any) -> list[Any]:
    return a.v if isinstance(a, PyArray) else list(a)


class Backend:
    """The array operations the algorithms use, on numpy or on :class:`PyArray`."""

    def __init__(self, numpy: Any | None) -> None:
        self.np: Any = numpy
        self.is_numpy = numpy is not None

    def __repr__(self) -> str:
        return f"<Backend {'numpy' if self.is_numpy else 'python'}>"

    # --- making arrays ------------------------------------------------------------------

    def asarray(self, values: Any, kind: type = float) -> Any:
        """An array of ``values`` as ``kind`` (float, int or bool)."""
        if self.np is not None:
            dtype = {float: self.np.float64, int: self.np.int64, bool: bool}[kind]
            return self.np.asarray(values, dtype=dtype)
        return PyArray(kind(x) for x in _vals(values))

    def full(self, n: int, value: _Num) -> Any:
        """An array of ``n`` copies of ``value``."""
        if self.np is not None:
            return self.np.full(n, value, dtype=type(value) if type(value) is bool else None)
        return PyArray([value] * n)

    def arange(self, n: int) -> Any:
        """0 .. n-1."""
        if self.np is not None:
            return self.np.arange(n, dtype=self.np.int64)
        return PyArray(range(n))

    def tolist(self, a: Any) -> list[Any]:
        """A plain list of an array's values."""
        return [x.item() if hasattr(x, "item") else x for x in a.tolist()]

    # --- elementwise --------------------------------------------------------------------

    def log(self, a: Any) -> Any:
        """Natural logarithm, elementwise."""
        if self.np is not None:
            return self.np.log(a)
        return PyArray(math.log(x) for x in a.v)

    def exp(self, a: Any) -> Any:
        """Exponential, elementwise."""
        if self.np is not None:
            return self.np.exp(a)
        return PyArray(math.exp(x) for x in a.v)

    def abs(self, a: Any) -> Any:
        """Absolute value, elementwise."""
        if self.np is not None:
            return self.np.abs(a)
        return PyArray(abs(x) for x in a.v)

    def maximum(self, a: Any, b: Any) -> Any:
        """Elementwise maximum (either may be a scalar)."""
        if self.np is not None:
            return self.np.maximum(a, b)
        return _broadcast(a, b, max) if isinstance(a, PyArray) else _broadcast(b, a, max)

    def minimum(self, a: Any, b: Any) -> Any:
        """Elementwise minimum (either may be a scalar)."""
        if self.np is not None:
            return self.np.minimum(a, b)
        return _broadcast(a, b, min) if isinstance(a, PyArray) else _broadcast(b, a, min)

    def clip(self, a: Any, lo: float, hi: float) -> Any:
        """Values limited to [lo, hi]."""
        if self.np is not None:
            return self.np.clip(a, lo, hi)
        return PyArray(min(hi, max(lo, x)) for x in a.v)

    def where(self, cond: Any, a: Any, b: Any) -> Any:
        """``a`` where ``cond`` holds, else ``b`` (arrays or scalars)."""
        if self.np is not None:
            return self.np.where(cond, a, b)
        n = len(cond.v)
        av = a.v if isinstance(a, PyArray) else [a] * n
        bv = b.v if isinstance(b, PyArray) else [b] * n
        return PyArray(x if c else y for c, x, y in zip(cond.v, av, bv, strict=True))

    # --- grouping -----------------------------------------------------------------------

    def bincount(self, index: Any, weights: Any = None, n: int = 0) -> Any:
        """Sums of ``weights`` (or counts) by ``index``, ``n`` bins at least, as floats."""
        if self.np is not None:
            if len(index) == 0:
                return self.np.zeros(n, dtype=self.np.float64)
            out = self.np.bincount(index, weights=weights, minlength=n)
            return out.astype(self.np.float64, copy=False)
        size = max(n, (max(index.v) + 1) if len(index.v) else 0)
        sums = [0.0] * size
        if weights is None:
            for i in index.v:
                sums[i] += 1.0
        else:
            for i, w in zip(index.v, _vals(weights), strict=True):
                sums[i] += w
        return PyArray(sums)

    def segment_max(self, a: Any, starts: Sequence[int] | Any, n_segments: int) -> Any:
        """The maximum of each run ``a[starts[i]:starts[i+1]]`` (runs are non-empty)."""
        if self.np is not None:
            if n_segments == 0:
                return self.np.zeros(0)
            return self.np.maximum.reduceat(a, starts[:n_segments])
        st = _vals(starts)
        return PyArray(max(a.v[st[i] : st[i + 1]]) for i in range(n_segments))


_NUMPY: Backend | None = None
_PYTHON = Backend(None)


def backend(*, numpy: bool | None = None, feature: str = "vectorised reconciliation") -> Backend:
    """The backend to use: numpy (``numpy=True``, installing the hint when missing), pure
    Python (``numpy=False``), or numpy when it can be imported (``None``)."""
    global _NUMPY
    if numpy is False:
        return _PYTHON
    if _NUMPY is None:
        if numpy:
            _NUMPY = Backend(require("numpy", extra="fast", feature=feature))
        else:
            try:
                import numpy as np
            except ImportError:
                return _PYTHON
            _NUMPY = Backend(np)
    return _NUMPY
