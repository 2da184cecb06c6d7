"""Hypothesis strategies for durations, money and quantities, valid by construction.

Every strategy covers every :class:`~filmlore.values.quantities.Hedge`, whole and decimal
amounts, and the edges of the valid range (zero, 20 decimal places, just below 10**30).

>>> from hypothesis import find
>>> find(durations(), lambda d: d.unit == "h" and d.amount > 1).amount
Decimal('2')
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from filmlore.values.quantities import Duration, Hedge, Money, Quantity, _unit_problem

__all__ = ["amounts", "durations", "money", "quantities"]

_COMMON_UNITS = (
    "",
    "screens",
    "theatres",
    "admissions",
    "countries",
    "episodes",
    "%",
    "Academy Award nominations",
    "tickets sold",
    "DVD copies",
    "prints in 70mm",
    "IMAX screens",
    "écrans",
)
_COMMON_CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CHF", "FRF", "ITL", "INR", "SEK", "KRW")


def amounts() -> st.SearchStrategy[Decimal]:
    """Valid amounts: whole numbers, decimals up to 20 places, zero and the largest values.

    >>> from hypothesis import find
    >>> find(amounts(), lambda a: a != a.to_integral_value()) < 1
    True
    """
    return st.one_of(
        st.integers(min_value=0, max_value=10_000).map(Decimal),
        st.integers(min_value=0, max_value=10**30 - 1).map(Decimal),
        st.integers(min_value=1, max_value=6).flatmap(
            lambda places: st.decimals(
                min_value=0, max_value=10**6, places=places, allow_nan=False, allow_infinity=False
            )
        ),
        st.decimals(min_value=0, max_value=1, places=20, allow_nan=False, allow_infinity=False),
        st.sampled_from((Decimal(0), Decimal("0.5"), Decimal(10**30 - 1), Decimal("1E-20"))),
    )


def _money_amounts() -> st.SearchStrategy[Decimal]:
    """Amounts with money's printed scales in mind: round millions and billions too."""
    return st.one_of(
        amounts(),
        st.integers(min_value=1, max_value=10**6).map(lambda n: Decimal(n) * 1000),
        st.integers(min_value=1, max_value=10**4).map(lambda n: Decimal(n) * 10**6),
        st.integers(min_value=1, max_value=10**4).map(lambda n: Decimal(n) * 10**9),
    )


def durations() -> st.SearchStrategy[Duration]:
    """Durations in seconds, minutes and hours, with every hedge.

    >>> from hypothesis import find
    >>> find(durations(), lambda d: d.hedge is Hedge.NEARLY).hedge
    <Hedge.NEARLY: 'nearly'>
    """
    return st.builds(
        Duration,
        amount=amounts(),
        unit=st.sampled_from(("s", "min", "h")),
        hedge=st.sampled_from(Hedge),
    )


def money() -> st.SearchStrategy[Money]:
    """Money in common and arbitrary three-letter currencies, with every hedge.

    >>> from hypothesis import find
    >>> find(money(), lambda m: m.currency == "EUR").currency
    'EUR'
    """
    currencies = st.one_of(
        st.sampled_from(_COMMON_CURRENCIES),
        st.from_regex(r"[A-Z]{3}", fullmatch=True).filter(lambda c: c not in {"HRS", "MIN", "SEC"}),
    )
    return st.builds(
        Money, amount=_money_amounts(), currency=currencies, hedge=st.sampled_from(Hedge)
    )


def _units() -> st.SearchStrategy[str]:
    word = st.text(alphabet=st.characters(categories=("Ll", "Lu")), min_size=1, max_size=8)
    made_up = st.lists(word, min_size=1, max_size=3).map(" ".join)
    return st.one_of(
        st.sampled_from(_COMMON_UNITS), made_up.filter(lambda u: _unit_problem(u) is None)
    )


def quantities() -> st.SearchStrategy[Quantity]:
    """Quantities with common and made-up units (or none), with every hedge.

    >>> from hypothesis import find
    >>> find(quantities(), lambda q: q.unit == "screens").unit
    'screens'
    """
    return st.builds(Quantity, amount=amounts(), unit=_units(), hedge=st.sampled_from(Hedge))
