"""Tests for hedged quantities: durations, money and counts."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmlore.errors import FieldError, ParseError
from filmlore.testing._quantities import durations, money, quantities
from filmlore.values.quantities import (
    Duration,
    Hedge,
    Measure,
    Money,
    Quantity,
    parse_quantity,
)

D = Decimal
E, ABOUT, NEARLY, BARELY = Hedge.EXACT, Hedge.ABOUT, Hedge.NEARLY, Hedge.BARELY
OVER, UNDER, AT_LEAST, AT_MOST = Hedge.OVER, Hedge.UNDER, Hedge.AT_LEAST, Hedge.AT_MOST

measures = st.one_of(durations(), money(), quantities())


# --------------------------------------------------------------------------------------------
# Durations

DURATIONS = [
    # text, amount, unit, hedge, (low, high) in seconds
    ("170 min", "170", "min", E, ("10200", "10200")),
    ("170 minutes", "170", "min", E, ("10200", "10200")),
    ("170 mins", "170", "min", E, ("10200", "10200")),
    ("170m", "170", "min", E, ("10200", "10200")),
    ("2h 50m", "170", "min", E, ("10200", "10200")),
    ("2 h 50 min", "170", "min", E, ("10200", "10200")),
    ("2 hours 50 minutes", "170", "min", E, ("10200", "10200")),
    ("2 hours and 50 minutes", "170", "min", E, ("10200", "10200")),
    ("2:50", "170", "min", E, ("10200", "10200")),
    ("2:50:30", "10230", "s", E, ("10230", "10230")),
    ("PT2H50M", "170", "min", E, ("10200", "10200")),
    ("PT170M", "170", "min", E, ("10200", "10200")),
    ("PT2H", "2", "h", E, ("7200", "7200")),
    ("PT1H30S", "3630", "s", E, ("3630", "3630")),
    ("90 seconds", "90", "s", E, ("90", "90")),
    ("90 s", "90", "s", E, ("90", "90")),
    ("3 hours", "3", "h", E, ("10800", "10800")),
    ("1 hour", "1", "h", E, ("3600", "3600")),
    ("an hour", "1", "h", E, ("3600", "3600")),
    ("half an hour", "30", "min", E, ("1800", "1800")),
    ("twenty-five minutes", "25", "min", E, ("1500", "1500")),
    ("a hundred minutes", "100", "min", E, ("6000", "6000")),
    ("nearly 3 hours", "3", "h", NEARLY, ("9180", "10800")),
    ("almost three hours", "3", "h", NEARLY, ("9180", "10800")),
    ("nearly an hour", "1", "h", NEARLY, ("3060", "3600")),
    ("barely 90 minutes", "90", "min", BARELY, ("4860", "5670")),
    ("about 2 hours", "2", "h", ABOUT, ("6480", "7920")),
    ("~2 hours", "2", "h", ABOUT, ("6480", "7920")),
    ("over 2 hours", "2", "h", OVER, ("7200", None)),
    ("under 2 hours", "2", "h", UNDER, ("0", "7200")),
    ("at least 2 hours", "2", "h", AT_LEAST, ("7200", None)),
    ("up to 2 hours", "2", "h", AT_MOST, ("0", "7200")),
    ("2.5 hours", "2.5", "h", E, ("9000", "9000")),
    ("  Nearly   3  HOURS ", "3", "h", NEARLY, ("9180", "10800")),
]


@pytest.mark.parametrize(("text", "amount", "unit", "hedge", "bounds"), DURATIONS)
def test_duration_parse_examples(
    text: str, amount: str, unit: str, hedge: Hedge, bounds: tuple[str, str | None]
) -> None:
    """Each documented duration form reads to the right amount, unit, hedge and bounds."""
    value = Duration.parse(text)
    assert (value.amount, value.unit, value.hedge) == (D(amount), unit, hedge)
    low, high = bounds
    assert value.bounds() == (D(low), None if high is None else D(high))


def test_nearly_three_hours_contains_170_minutes() -> None:
    """ "nearly 3 hours" is compatible with 170 min, but not with 3 hours and 10 minutes."""
    epic = Duration.parse("nearly 3 hours")
    assert epic.contains(Duration.parse("170 min"))
    assert epic.overlaps(Duration.parse("170 min"))
    assert not epic.contains(Duration.parse("190 min"))
    assert not epic.overlaps(Duration.parse("190 min"))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Duration(amount=3, unit="h", hedge=NEARLY), "nearly 3 hours"),
        (Duration(amount=170, unit="min"), "170 min"),
        (Duration(amount=90, unit="s"), "90 s"),
        (Duration(amount=1, unit="h"), "1 hour"),
        (Duration(amount=D("2.50"), unit="h", hedge=AT_LEAST), "at least 2.5 hours"),
        (Duration(amount=D("0.5"), unit="min"), "0.5 min"),
    ],
)
def test_duration_prints_canonically(value: Duration, text: str) -> None:
    """Durations print as ``[hedge] amount unit`` with no trailing zeros."""
    assert str(value) == text


def test_duration_seconds_and_minutes() -> None:
    """``seconds`` is exact; ``minutes`` is exact when it can be and rounded otherwise."""
    assert Duration.parse("2.5 hours").seconds == D(9000)
    assert Duration.parse("2.5 hours").minutes == D(150)
    assert Duration.parse("90 s").minutes == D("1.5")
    assert Duration.parse("10 s").minutes == D(10) / D(60)


# --------------------------------------------------------------------------------------------
# Money

MONEY = [
    # text, amount, currency, hedge
    ("$60 million", "60000000", "USD", E),
    ("$60M", "60000000", "USD", E),
    ("$60m", "60000000", "USD", E),
    ("US$60 million", "60000000", "USD", E),
    ("60000000 USD", "60000000", "USD", E),
    ("USD 60,000,000", "60000000", "USD", E),
    ("$60,000,000", "60000000", "USD", E),
    ("€5.5 million", "5500000", "EUR", E),
    ("£3 billion", "3000000000", "GBP", E),
    ("¥1,000", "1000", "JPY", E),
    ("about $60 million", "60000000", "USD", ABOUT),
    ("60 million dollars", "60000000", "USD", E),
    ("sixty million dollars", "60000000", "USD", E),
    ("a million dollars", "1000000", "USD", E),
    ("$1.5bn", "1500000000", "USD", E),
    ("$200k", "200000", "USD", E),
    ("$3b", "3000000000", "USD", E),
    ("60 €", "60", "EUR", E),
    ("CHF 2.5 million", "2500000", "CHF", E),
    ("over 10 million euros", "10000000", "EUR", OVER),
    ("$0.5", "0.5", "USD", E),
]


@pytest.mark.parametrize(("text", "amount", "currency", "hedge"), MONEY)
def test_money_parse_examples(text: str, amount: str, currency: str, hedge: Hedge) -> None:
    """Each documented money form reads to the fully expanded amount, currency and hedge."""
    value = Money.parse(text)
    assert (value.amount, value.currency, value.hedge) == (D(amount), currency, hedge)
    assert str(value.amount) == amount


def test_money_bounds() -> None:
    """ "about $60 million" spans 54 to 66 million dollars and contains $64 million."""
    value = Money.parse("about $60 million")
    assert value.bounds() == (D(54_000_000), D(66_000_000))
    assert value.contains(Money.parse("$64M"))
    assert not value.contains(Money.parse("$67M"))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Money(amount=60_000_000, currency="USD"), "$60 million"),
        (Money(amount=5_500_000, currency="EUR"), "€5.5 million"),
        (Money(amount=3_000_000_000, currency="GBP", hedge=ABOUT), "about £3 billion"),
        (Money(amount=1500, currency="USD"), "$1,500"),
        (Money(amount=1_234_567, currency="USD"), "$1,234,567"),
        (Money(amount=D("0.5"), currency="JPY"), "¥0.5"),
        (Money(amount=60_000_000, currency="CHF"), "60000000 CHF"),
        (Money(amount=D("6E+7"), currency="CHF", hedge=NEARLY), "nearly 60000000 CHF"),
    ],
)
def test_money_prints_canonically(value: Money, text: str) -> None:
    """Money prints with a symbol and scale word where it can, else digits and the code."""
    assert str(value) == text


# --------------------------------------------------------------------------------------------
# Quantities

QUANTITIES = [
    # text, amount, unit, hedge
    ("about 40 screens", "40", "screens", ABOUT),
    ("some 40 screens", "40", "screens", ABOUT),
    ("3", "3", "", E),
    ("three films", "3", "films", E),
    ("an award", "1", "award", E),
    ("over 1.2 million admissions", "1200000", "admissions", OVER),
    ("3 million", "3000000", "", E),
    ("50%", "50", "%", E),
    ("170 parsecs", "170", "parsecs", E),
    ("fewer than 10 DVD copies", "10", "DVD copies", UNDER),
]


@pytest.mark.parametrize(("text", "amount", "unit", "hedge"), QUANTITIES)
def test_quantity_parse_examples(text: str, amount: str, unit: str, hedge: Hedge) -> None:
    """Each quantity form reads to the right amount, unit and hedge."""
    value = Quantity.parse(text)
    assert (value.amount, value.unit, value.hedge) == (D(amount), unit, hedge)


def test_quantity_bounds() -> None:
    """ "about 40 screens" spans 36 to 44 screens; "over 40 screens" is open above."""
    assert Quantity.parse("about 40 screens").bounds() == (D(36), D(44))
    assert Quantity.parse("over 40 screens").bounds() == (D(40), None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("170 min", Duration),
        ("2:50", Duration),
        ("PT2H50M", Duration),
        ("nearly 3 hours", Duration),
        ("170 MIN", Duration),
        ("$60 million", Money),
        ("60000000 USD", Money),
        ("60 million dollars", Money),
        ("about 40 screens", Quantity),
        ("3", Quantity),
        ("3 DVD copies", Quantity),
        ("3 hour-long specials", Quantity),
    ],
)
def test_parse_quantity_detects_the_kind(text: str, kind: type[Measure]) -> None:
    """``parse_quantity`` returns what the class's own parser returns, of the right class."""
    value = parse_quantity(text)
    assert type(value) is kind
    assert value == kind.parse(text)


# --------------------------------------------------------------------------------------------
# Hedges

SYNONYMS = [
    ("about", ABOUT),
    ("around", ABOUT),
    ("approximately", ABOUT),
    ("roughly", ABOUT),
    ("some", ABOUT),
    ("circa", ABOUT),
    ("~", ABOUT),
    ("nearly", NEARLY),
    ("almost", NEARLY),
    ("close to", NEARLY),
    ("just under", NEARLY),
    ("barely", BARELY),
    ("only just", BARELY),
    ("hardly", BARELY),
    ("over", OVER),
    ("more than", OVER),
    ("just over", Hedge.JUST_OVER),
    ("upwards of", OVER),
    ("under", UNDER),
    ("less than", UNDER),
    ("fewer than", UNDER),
    ("at least", AT_LEAST),
    ("no less than", AT_LEAST),
    ("at most", AT_MOST),
    ("up to", AT_MOST),
    ("no more than", AT_MOST),
    ("exactly", E),
]


@pytest.mark.parametrize(("phrase", "hedge"), SYNONYMS)
def test_hedge_synonyms(phrase: str, hedge: Hedge) -> None:
    """Every synonym reads as its hedge, both alone and before an amount."""
    assert Hedge.from_phrase(phrase) is hedge
    assert Duration.parse(f"{phrase} 90 minutes").hedge is hedge
    assert Money.parse(f"{phrase} $5").hedge is hedge
    assert Quantity.parse(f"{phrase} 40 screens").hedge is hedge


@pytest.mark.parametrize(
    ("hedge", "low", "high"),
    [
        (E, "100", "100"),
        (ABOUT, "90", "110"),
        (NEARLY, "85", "100"),
        (Hedge.JUST_OVER, "100", "115"),
        (BARELY, "90", "105"),
        (OVER, "100", None),
        (UNDER, "0", "100"),
        (AT_LEAST, "100", None),
        (AT_MOST, "0", "100"),
    ],
)
def test_hedge_intervals(hedge: Hedge, low: str, high: str | None) -> None:
    """Each hedge turns 100 into the interval of the documented table."""
    assert hedge.interval(D(100)) == (D(low), None if high is None else D(high))
    assert Quantity(amount=100, hedge=hedge).bounds() == (D(low), None if high is None else D(high))


def test_hedge_from_phrase_refuses_unknown_words() -> None:
    """An unknown hedge word is a ParseError naming the known ones."""
    with pytest.raises(ParseError, match="close to"):
        Hedge.from_phrase("perhaps")


def test_exact_hedge_prints_nothing() -> None:
    """The exact hedge adds no word; the others print their canonical word."""
    assert Hedge.EXACT.phrase == ""
    assert str(Quantity(amount=2, unit="films", hedge=AT_MOST)) == "at most 2 films"
    assert str(Quantity(amount=2, unit="films")) == "2 films"


# --------------------------------------------------------------------------------------------
# Construction and validation


@pytest.mark.parametrize(
    ("given", "stored", "exponent"),
    [
        (D("3.0"), "3", 0),
        (D("6E+7"), "60000000", 0),
        (D("0.50"), "0.5", -1),
        (D("-0"), "0", 0),
        (D("0E-5"), "0", 0),
        (170, "170", 0),
    ],
)
def test_amounts_are_stored_canonically(given: Decimal | int, stored: str, exponent: int) -> None:
    """Amounts lose exponents and trailing zeros, so they print and serialise one way."""
    value = Duration(amount=given, unit="min")
    assert isinstance(value.amount, Decimal)
    assert str(value.amount) == stored
    assert value.amount.as_tuple().exponent == exponent


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: Duration(amount=2.5, unit="h"), "amount"),  # type: ignore[arg-type]
        (lambda: Duration(amount=True, unit="h"), "amount"),
        (lambda: Duration(amount="3", unit="h"), "amount"),  # type: ignore[arg-type]
        (lambda: Duration(amount=D("NaN"), unit="h"), "amount"),
        (lambda: Duration(amount=D("Infinity"), unit="h"), "amount"),
        (lambda: Duration(amount=-1, unit="h"), "amount"),
        (lambda: Duration(amount=D(10) ** 30, unit="h"), "amount"),
        (lambda: Duration(amount=D("1E+1000000000"), unit="h"), "amount"),
        (lambda: Duration(amount=D("1E-21"), unit="h"), "amount"),
        (lambda: Duration(amount=3, unit="hours"), "unit"),
        (lambda: Duration(amount=3, unit="h", hedge="nearly"), "hedge"),  # type: ignore[arg-type]
        (lambda: Money(amount=3, currency="usd"), "currency"),
        (lambda: Money(amount=3, currency="US"), "currency"),
        (lambda: Money(amount=3, currency="MIN"), "currency"),
        (lambda: Money(amount=3.0, currency="USD"), "amount"),  # type: ignore[arg-type]
        (lambda: Quantity(amount=3, unit="hours"), "unit"),
        (lambda: Quantity(amount=3, unit="USD"), "unit"),
        (lambda: Quantity(amount=3, unit="dollars"), "unit"),
        (lambda: Quantity(amount=3, unit="million viewers"), "unit"),
        (lambda: Quantity(amount=3, unit="thousand-fold"), "unit"),
        (lambda: Quantity(amount=3, unit=" screens"), "unit"),
        (lambda: Quantity(amount=3, unit="two  words"), "unit"),
        (lambda: Quantity(amount=3, unit="4 apples"), "unit"),
        (lambda: Quantity(amount=3, unit="€ coins"), "unit"),
        (lambda: Quantity(amount=3, unit="x" * 101), "unit"),
        (lambda: Quantity(amount=3, unit=None), "unit"),  # type: ignore[arg-type]
    ],
)
def test_invalid_fields_raise_field_error(make: object, field: str) -> None:
    """Floats, bools, strings, NaN, negatives and bad units or currencies are FieldErrors."""
    assert callable(make)
    with pytest.raises(FieldError) as info:
        make()
    assert info.value.field == field


def test_float_error_says_why() -> None:
    """The float refusal tells the user to write a Decimal."""
    with pytest.raises(FieldError, match=r"Decimal\('2.5'\)"):
        Duration(amount=2.5, unit="h")  # type: ignore[arg-type]


def test_largest_valid_amounts_are_accepted() -> None:
    """Amounts just inside the limits are valid and round-trip."""
    for amount in (D(10**30 - 1), D("1E-20"), D(0)):
        value = Money(amount=amount, currency="EUR")
        assert Money.parse(str(value)) == value


# --------------------------------------------------------------------------------------------
# Parse errors


@pytest.mark.parametrize(
    ("parse", "text", "expected"),
    [
        (Duration.parse, "banana", "a duration such as"),
        (Duration.parse, "", "not an empty string"),
        (Duration.parse, "   ", "not an empty string"),
        (Duration.parse, "-5 min", "non-negative"),
        (Duration.parse, "nearly", "a number after 'nearly'"),
        (Duration.parse, "nearly hours", "a number after 'nearly'"),
        (Duration.parse, "170 parsecs", "a time unit"),
        (Duration.parse, "170", "a time unit"),
        (Duration.parse, "50 minutes 2 hours", "largest unit first"),
        (Duration.parse, "2h 2h", "largest unit first"),
        (Duration.parse, "a few hours", "a time unit"),
        (Duration.parse, "PT", "a duration such as"),
        (Duration.parse, "2:75", "a time unit"),
        (Duration.parse, "1" * 31 + " min", "below 10**30"),
        (Duration.parse, "0." + "1" * 21 + " min", "at most 20 decimal places"),
        (Duration.parse, "9 " * 150, "at most 200 characters"),
        (Duration.parse, 170, "a string"),
        (Duration.parse, None, "a string"),
        (Money.parse, "banana", "an amount of money such as"),
        (Money.parse, "", "not an empty string"),
        (Money.parse, "-$5", "non-negative"),
        (Money.parse, "$-5", "non-negative"),
        (Money.parse, "about", "a number after 'about'"),
        (Money.parse, "₿5", "known currency symbol"),
        (Money.parse, "5 ₹", "known currency symbol"),
        (Money.parse, "60 million", "one currency"),
        (Money.parse, "$60 million USD", "one currency"),
        (Money.parse, "3 MIN", "not HRS, MIN or SEC"),
        (Money.parse, b"$5", "a string"),
        (Quantity.parse, "banana", "a quantity such as"),
        (Quantity.parse, "", "not an empty string"),
        (Quantity.parse, "-3 screens", "non-negative"),
        (Quantity.parse, "over", "a number after 'over'"),
        (Quantity.parse, "170 min", "not a time unit"),
        (Quantity.parse, "5 USD", "not a currency"),
        (Quantity.parse, "1e5 min", "first word is letters"),
        (Quantity.parse, "a few screens", "a definite number"),
        (Quantity.parse, "₿5", "known currency symbol"),
        (Quantity.parse, 3, "a string"),
        (parse_quantity, "banana", "a duration ('170 min'), money"),
        (parse_quantity, "", "not an empty string"),
        (parse_quantity, "-170 min", "non-negative"),
        (parse_quantity, "nearly", "a number after 'nearly'"),
        (parse_quantity, "50 minutes 2 hours", "not a time unit"),
        (parse_quantity, "₿5", "known currency symbol"),
        (parse_quantity, [], "a string"),
    ],
)
def test_parse_errors(parse: object, text: object, expected: str) -> None:
    """Bad text is a ParseError whose ``expected`` says what would have been read."""
    assert callable(parse)
    with pytest.raises(ParseError) as info:
        parse(text)
    assert expected in info.value.expected
    assert info.value.text == text


# --------------------------------------------------------------------------------------------
# Comparison


def test_different_dimensions_are_not_comparable() -> None:
    """Different kinds, currencies or units never contain or overlap each other."""
    pairs = [
        (Money.parse("$60 million"), Money.parse("€60 million")),
        (Quantity.parse("40 screens"), Quantity.parse("40 theatres")),
        (Quantity.parse("60"), Money.parse("$60")),
        (Duration.parse("60 s"), Quantity.parse("60")),
    ]
    for one, other in pairs:
        assert not one.comparable(other)
        assert not one.contains(other)
        assert not one.overlaps(other)


def test_durations_compare_across_units() -> None:
    """Durations in different units compare through seconds."""
    assert Duration.parse("1 hour").contains(Duration.parse("3600 s"))
    assert Duration.parse("about 1 hour").contains(Duration.parse("62 min"))
    assert Duration.parse("over 1 hour").overlaps(Duration.parse("at most 61 min"))
    assert not Duration.parse("over 1 hour").overlaps(Duration.parse("under 59 min"))


def test_with_hedge_keeps_everything_else() -> None:
    """``with_hedge`` changes only the hedge, and returns the same class."""
    value = Money.parse("$60 million").with_hedge(ABOUT)
    assert value == Money(amount=60_000_000, currency="USD", hedge=ABOUT)


def test_is_exact() -> None:
    """Only the exact hedge is exact."""
    assert Duration.parse("170 min").is_exact
    assert not Duration.parse("about 170 min").is_exact


# --------------------------------------------------------------------------------------------
# Properties


@given(measures)
def test_parse_reads_back_what_str_prints(value: Duration | Money | Quantity) -> None:
    """``type(x).parse(str(x)) == x`` for every valid value."""
    assert type(value).parse(str(value)) == value


@given(measures)
def test_parse_quantity_reads_back_what_str_prints(value: Duration | Money | Quantity) -> None:
    """``parse_quantity(str(x)) == x``: the printed form says which kind it is."""
    back = parse_quantity(str(value))
    assert type(back) is type(value)
    assert back == value


@given(measures)
def test_bounds_are_ordered(value: Duration | Money | Quantity) -> None:
    """The low bound is at least zero and never above the high bound."""
    low, high = value.bounds()
    assert low >= 0
    assert high is None or low <= high


@given(measures, st.sampled_from(Hedge))
def test_exact_value_lies_within_every_hedged_version(
    value: Duration | Money | Quantity, hedge: Hedge
) -> None:
    """An exact value is contained in its hedged versions, "about" among them."""
    exact = value.with_hedge(E)
    assert value.with_hedge(ABOUT).contains(exact)
    assert value.with_hedge(hedge).contains(exact)


@st.composite
def _duration_pairs(draw: st.DrawFn) -> tuple[Duration, Duration]:
    one = draw(durations())
    other = draw(st.one_of(durations(), st.sampled_from(Hedge).map(one.with_hedge)))
    return one, other


@given(_duration_pairs())
def test_contains_implies_overlaps(pair: tuple[Duration, Duration]) -> None:
    """A measure that contains another also overlaps it; every measure contains itself."""
    one, other = pair
    assert one.contains(one)
    if one.contains(other):
        assert one.overlaps(other)


@given(st.one_of(_duration_pairs(), st.tuples(measures, measures)))
def test_overlaps_is_symmetric(pair: tuple[Measure, Measure]) -> None:
    """``a.overlaps(b) == b.overlaps(a)``."""
    one, other = pair
    assert one.overlaps(other) == other.overlaps(one)


@given(measures)
def test_amount_is_canonical(value: Duration | Money | Quantity) -> None:
    """Stored amounts have no positive exponent and no trailing fractional zeros."""
    exponent = value.amount.as_tuple().exponent
    assert isinstance(exponent, int)
    assert exponent <= 0
    assert exponent == 0 or value.amount.as_tuple().digits[-1] != 0
    assert attrs.evolve(value) == value
