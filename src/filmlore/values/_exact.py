"""Exact decimal arithmetic on amounts: the contexts and the canonical form of an amount.

Shared by the measure classes of :mod:`filmlore.values.quantities` and the readers of
:mod:`filmlore.values._quantity_parse`.
"""

from __future__ import annotations

import decimal
from decimal import Decimal

# Exact arithmetic: no number in a text of at most quantities._MAX_TEXT characters, nor any
# valid amount, comes near 1000 digits, so nothing rounds; Inexact is trapped so that rounding
# cannot pass unseen all the same.
_EXACT = decimal.Context(
    prec=1000,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
# For the few results that cannot be exact (seconds as minutes): 28 significant digits.
_ROUNDED = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)

_ONE = Decimal(1)


def _canonical(value: Decimal) -> Decimal:
    """``value`` without exponent or trailing zeros, computed exactly (no context rounding)."""
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or not any(digits):
        return Decimal(0) if isinstance(exponent, int) else value
    kept = list(digits)
    while exponent < 0 and kept[-1] == 0:
        kept.pop()
        exponent += 1
    if exponent > 0:
        kept.extend([0] * exponent)
        exponent = 0
    return Decimal((sign, tuple(kept), exponent))
