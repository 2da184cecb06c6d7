"""Quantities with hedges: durations, money and counts, with no false precision.

Sources state amounts loosely: *a nearly 3 hours crime epic*, *a concept that barely lasted
90 minutes*, *the $60 million cost*, *about 40 screens*.  A hedged amount is kept as written
(amount, unit and :class:`Hedge`, and the source's own words for the hedge when they are not
its usual word: *almost*, *only*, *upwards of*) and stands for an interval, so that *nearly 3
hours* and *170 min* can later be judged compatible:

>>> epic = Duration.parse("nearly 3 hours")
>>> epic
Duration(amount=Decimal('3'), unit='h', hedge=<Hedge.NEARLY: 'nearly'>)
>>> epic.bounds()
(Decimal('9180'), Decimal('10800'))
>>> epic.contains(Duration.parse("170 min"))
True
>>> parse_quantity("$60M")
Money(amount=Decimal('60000000'), currency='USD', hedge=<Hedge.EXACT: 'exact'>)
>>> only = Duration.parse("only 90 minutes")
>>> only.hedge, only.wording, str(only), only.bounds()
(<Hedge.EXACT: 'exact'>, 'only', 'only 90 min', (Decimal('5400'), Decimal('5400')))
>>> Money.parse("over $60 million").bounds()
(Decimal('60000000'), None)

Every value prints as canonical text that reads back equal: ``type(x).parse(str(x)) == x``
and ``parse_quantity(str(x)) == x``.  Words that name a category rather than an amount are
refused with a suggestion:

>>> Money.parse("low-budget")
Traceback (most recent call last):
...
filmlore.errors.ParseError: cannot read 'low-budget' as a money: expected an amount of money such as '$60 million', '€5.5 million' or '60000000 USD', not a category: 'low-budget' says what kind of budget a film had, not how much -- state it with the property budget_category (value: low-budget), or in a description

Amounts are :class:`~decimal.Decimal` (or ``int``); floats are refused, since ``2.8`` is
not the number a source wrote.  Amounts are stored canonically -- no exponent, no trailing
zeros -- so ``Decimal("3.0")`` is kept as ``Decimal("3")`` and ``Decimal("6E+7")`` as
``Decimal("60000000")``.  An amount lies in ``0 <= amount < 10**30`` with at most 20
decimal places, which keeps every computation here exact.
"""  # noqa: E501

from __future__ import annotations

import decimal
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar, TypeVar, cast

import attrs

from filmlore.errors import FieldError, ParseError
from filmlore.values._exact import _EXACT, _ROUNDED, _canonical
from filmlore.values._hedges import (
    Hedge,
    canonical_wording,
    ends_with_after,
    hedged,
    split_hedge,
    wording_problem,
)
from filmlore.values._quantity_parse import (
    _CURRENCY_WORDS,
    _DURATION_UNITS,
    _DURATION_WORDS,
    _MONEY_SCALES,
    _QUANTITY_EXAMPLES,
    _QUANTITY_RE,
    _QUANTITY_SCALES,
    _duration_error,
    _money_error,
    _number,
    _number_expected,
    _read_duration,
    _read_money,
    _refuse_unknown_symbol,
    refuse_words,
)

__all__ = ["Duration", "Hedge", "Measure", "Money", "Quantity", "parse_quantity"]

_M = TypeVar("_M", bound="Measure")
_T = TypeVar("_T")

_MAX_AMOUNT = Decimal(10) ** 30
_MAX_PLACES = 20
_AMOUNT_RULE = (
    f"a finite Decimal (or int), at least 0 and below 10**30, with at most {_MAX_PLACES} decimal "
    "places; not a float, which is imprecise -- write Decimal('2.5')"
)
_AMOUNT_TEXT_RULE = f"an amount below 10**30 with at most {_MAX_PLACES} decimal places"
_MAX_UNIT = 100


# --------------------------------------------------------------------------------------------
# Amounts


def _to_amount(value: Decimal | int) -> Decimal:
    """Converter: ints and finite Decimals to canonical Decimals; anything else passes through
    unchanged for the validator to refuse with a :class:`FieldError`."""
    raw: object = value
    if isinstance(raw, bool):
        return cast(Decimal, raw)
    if isinstance(raw, int):
        raw = Decimal(raw)
    if isinstance(raw, Decimal) and raw.is_finite() and raw.adjusted() < 40:
        return _canonical(raw)
    return cast(Decimal, raw)


def _amount_ok(value: object) -> bool:
    if not isinstance(value, Decimal) or not value.is_finite():
        return False
    exponent = value.as_tuple().exponent
    return (
        Decimal(0) <= value < _MAX_AMOUNT and isinstance(exponent, int) and -exponent <= _MAX_PLACES
    )


def _check_amount(instance: Measure, attribute: attrs.Attribute[Any], value: object) -> None:
    if not _amount_ok(value):
        raise FieldError(type(instance).__name__, attribute.name, _AMOUNT_RULE, value)


def _check_hedge(instance: Measure, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Hedge):
        raise FieldError(type(instance).__name__, attribute.name, "a Hedge", value)


def _to_wording(value: object) -> object:
    """Converter: the source's words for the hedge in lower case with single spaces, None
    for none; anything else passes through for the validator to refuse."""
    return canonical_wording(value) if isinstance(value, str) else value


def _check_wording(instance: Measure, attribute: attrs.Attribute[Any], value: object) -> None:
    problem = wording_problem(instance.hedge, value)
    if problem is not None:
        raise FieldError(type(instance).__name__, attribute.name, problem, value)


def _wording_field() -> Any:
    return attrs.field(
        default=None,
        converter=_to_wording,
        validator=_check_wording,
    )


def _plain(value: Decimal) -> str:
    """A canonical amount as digits: ``170``, ``0.5``, never ``1E+2``."""
    return format(_canonical(value), "f")


def _grouped(value: Decimal) -> str:
    """A canonical amount with thousands separators: ``1,500.25``."""
    return format(_canonical(value), ",f")


# --------------------------------------------------------------------------------------------
# The shared base


class Measure:
    """What :class:`Duration`, :class:`Money` and :class:`Quantity` share.

    A measure is an ``amount`` with a :class:`Hedge`; it stands for the interval
    :meth:`bounds` in its base unit (seconds, the currency's unit, or the amount itself).
    Two measures are :meth:`comparable` when they are of one dimension: two durations, two
    sums in one currency, or two quantities of one unit.  :meth:`contains` and
    :meth:`overlaps` are ``False`` for measures that are not comparable.

    ``wording`` keeps the source's own words for the hedge (``"almost"``, ``"only"``,
    ``"or so"``; lower case) when they are not the hedge's printed word, and ``None``
    otherwise; it must be words for that hedge (see :class:`Hedge`).  It is printed, read
    back and compared like the rest of the value, and never changes :meth:`bounds`.

    >>> Duration(amount=90, unit="min", wording="Only")
    Duration(amount=Decimal('90'), unit='min', hedge=<Hedge.EXACT: 'exact'>, wording='only')
    >>> Money.parse("about $60 million").overlaps(Money.parse("$64 million"))
    True
    >>> Money.parse("$60 million").comparable(Money.parse("€60 million"))
    False
    """

    __slots__ = ()

    kind: ClassVar[str] = "measure"
    amount: Decimal
    hedge: Hedge
    wording: str | None

    def __attrs_post_init__(self) -> None:
        # The hedge's own printed word is stored as no wording, so that "nearly 3 hours" is
        # one value however it was built.
        if self.wording is not None and self.wording == self.hedge.phrase:
            object.__setattr__(self, "wording", None)

    def __repr__(self) -> str:
        # The attrs repr, leaving out a wording that is not set.
        shown = (
            f"{f.name}={getattr(self, f.name)!r}"
            for f in attrs.fields(type(cast(Any, self)))
            if f.name != "wording" or self.wording is not None
        )
        return f"{type(self).__name__}({', '.join(shown)})"

    @property
    def written_hedge(self) -> str:
        """The hedge in the source's words (``almost``, ``only``, ``or so``), else the
        hedge's own printed word; empty for an amount stated plainly.

        >>> Duration.parse("almost 3 hours").written_hedge
        'almost'
        >>> Duration.parse("nearly 3 hours").written_hedge, Duration.parse("3 h").written_hedge
        ('nearly', '')
        """
        return self.hedge.phrase if self.wording is None else self.wording

    @property
    def dimension(self) -> tuple[str, ...]:
        """What must match for two measures to be compared.

        >>> Duration.parse("2 h").dimension, Money.parse("$5").dimension
        (('duration',), ('money', 'USD'))
        """
        return (self.kind,)

    def _in_base_unit(self, amount: Decimal) -> Decimal:
        return amount

    @property
    def is_exact(self) -> bool:
        """True when the amount is stated exactly (hedge ``EXACT``).

        >>> Duration.parse("170 min").is_exact, Duration.parse("about 170 min").is_exact
        (True, False)
        """
        return self.hedge is Hedge.EXACT

    def bounds(self) -> tuple[Decimal, Decimal | None]:
        """The interval this measure stands for, in the base unit; ``None`` for an open end.

        >>> Duration.parse("barely 90 minutes").bounds()
        (Decimal('4860'), Decimal('5670'))
        >>> Quantity.parse("over 40 screens").bounds()
        (Decimal('40'), None)
        """
        return self.hedge.interval(self._in_base_unit(self.amount))

    def comparable(self, other: Measure) -> bool:
        """True when ``other`` has the same :attr:`dimension`, so bounds can be compared.

        >>> Quantity.parse("40 screens").comparable(Quantity.parse("40 theatres"))
        False
        """
        return isinstance(other, Measure) and self.dimension == other.dimension

    def contains(self, other: Measure) -> bool:
        """True when ``other`` is comparable and its bounds lie within this one's.

        >>> Duration.parse("nearly 3 hours").contains(Duration.parse("2:50"))
        True
        >>> Duration.parse("nearly 3 hours").contains(Duration.parse("over 2 hours"))
        False
        """
        if not self.comparable(other):
            return False
        low, high = self.bounds()
        other_low, other_high = other.bounds()
        if other_low < low:
            return False
        return high is None or (other_high is not None and other_high <= high)

    def overlaps(self, other: Measure) -> bool:
        """True when ``other`` is comparable and the two intervals share at least one point.

        >>> Money.parse("over $50 million").overlaps(Money.parse("about $60 million"))
        True
        >>> Duration.parse("under 1 hour").overlaps(Duration.parse("90 min"))
        False
        """
        if not self.comparable(other):
            return False
        low, high = self.bounds()
        other_low, other_high = other.bounds()
        return (high is None or other_low <= high) and (other_high is None or low <= other_high)

    def with_hedge(self: _M, hedge: Hedge) -> _M:
        """A copy with another hedge, in that hedge's own word.

        >>> str(Duration.parse("almost 170 min").with_hedge(Hedge.ABOUT))
        'about 170 min'
        """
        return cast(_M, attrs.evolve(cast(Any, self), hedge=hedge, wording=None))

    @classmethod
    def parse(cls: type[_M], text: str) -> _M:
        """Read a measure of this class from text; see the subclasses."""
        raise NotImplementedError


# --------------------------------------------------------------------------------------------
# Durations


def _check_duration_unit(
    instance: Duration, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, str) or value not in _DURATION_UNITS:
        raise FieldError("Duration", attribute.name, "one of 's', 'min', 'h'", value)


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False, repr=False)
class Duration(Measure):
    """A length of time: ``amount`` in ``unit`` (``"s"``, ``"min"`` or ``"h"``), hedged.

    Reads ``170 min``, ``170 minutes``, ``170m``, ``2h 50m``, ``2 hours 50 minutes``,
    ``2:50`` (h:mm, or h:mm:ss), ISO 8601 ``PT2H50M``, ``90 seconds``, ``an hour``,
    ``half an hour``, ``2.5 hours`` and number words (``twenty-five``, ``a hundred``), after
    any hedge (``almost three hours``).  A compound value becomes
    minutes (seconds if it has seconds): ``2h 50m`` is ``170 min``.

    >>> Duration.parse("2 hours 50 minutes")
    Duration(amount=Decimal('170'), unit='min', hedge=<Hedge.EXACT: 'exact'>)
    >>> str(Duration.parse("almost three hours"))
    'almost 3 hours'
    >>> Duration.parse("PT2H50M").seconds
    Decimal('10200')
    >>> Duration(amount=2.5, unit="h")
    Traceback (most recent call last):
    ...
    filmlore.errors.FieldError: Duration.amount: expected a finite Decimal...
    """

    kind: ClassVar[str] = "duration"

    amount: Decimal = attrs.field(converter=_to_amount, validator=_check_amount)
    unit: str = attrs.field(validator=_check_duration_unit)
    hedge: Hedge = attrs.field(default=Hedge.EXACT, validator=_check_hedge)
    wording: str | None = _wording_field()

    def _in_base_unit(self, amount: Decimal) -> Decimal:
        return _canonical(_EXACT.multiply(amount, _DURATION_UNITS[self.unit]))

    @property
    def seconds(self) -> Decimal:
        """The amount in seconds, exactly (the hedge is not applied).

        >>> Duration.parse("2.5 hours").seconds
        Decimal('9000')
        """
        return self._in_base_unit(self.amount)

    @property
    def minutes(self) -> Decimal:
        """The amount in minutes: exact when seconds divide exactly by 60 (90 s is 1.5 min),
        otherwise rounded to 28 significant digits (10 s is 0.1666…7 min).

        >>> Duration.parse("90 s").minutes
        Decimal('1.5')
        """
        try:
            return _canonical(_EXACT.divide(self.seconds, Decimal(60)))
        except decimal.Inexact:
            return _ROUNDED.divide(self.seconds, Decimal(60))

    def __str__(self) -> str:
        word = self.unit
        if self.unit == "h":
            word = "hour" if self.amount == 1 else "hours"
        return hedged(self.hedge, self.wording, f"{_plain(self.amount)} {word}")

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Read a duration such as ``nearly 3 hours``, ``170 min`` or ``PT2H50M``.

        >>> Duration.parse("barely 90 minutes")
        Duration(amount=Decimal('90'), unit='min', hedge=<Hedge.BARELY: 'barely'>)
        >>> Duration.parse("170 parsecs")
        Traceback (most recent call last):
        ...
        filmlore.errors.ParseError: cannot read '170 parsecs' as a duration: expected a time ...
        """
        hedge, phrase, rest = split_hedge("duration", text)
        found = _read_duration(rest)
        if found is None:
            refuse_words("duration", text, rest)
            raise _duration_error(text, phrase or "", rest)
        amount, unit = found
        return _build(
            "duration", text, lambda: cls(amount=amount, unit=unit, hedge=hedge, wording=phrase)
        )


# --------------------------------------------------------------------------------------------
# Money


_CURRENCY_SYMBOL: dict[str, str] = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_PRINT_SCALES = ((9, "billion"), (6, "million"))
_CURRENCY_RE = re.compile(r"[A-Z]{3}")
# Three letters that read as a time unit, so that "170 MIN" is a duration; none is a currency.
_NOT_CURRENCIES = frozenset(("HRS", "MIN", "SEC"))


def _check_currency(instance: Money, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _CURRENCY_RE.fullmatch(value) or value in _NOT_CURRENCIES:
        raise FieldError(
            "Money",
            attribute.name,
            "an ISO 4217 code: three upper-case letters such as USD (not HRS, MIN or SEC)",
            value,
        )


def _money_figure(amount: Decimal) -> str:
    """``60 million``, ``5.5 million``, ``1.2 billion`` or, when no scale fits, ``1,500``."""
    for exponent, word in _PRINT_SCALES:
        scale = Decimal(10) ** exponent
        step = Decimal(10) ** (exponent - 3)
        if amount >= scale and _EXACT.remainder(amount, step) == 0:
            return f"{_grouped(_EXACT.divide(amount, scale))} {word}"
    return _grouped(amount)


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False, repr=False)
class Money(Measure):
    """An amount of money in a ``currency`` (an ISO 4217 code), hedged.

    Reads ``$60 million``, ``$60M``, ``US$60 million``, ``60000000 USD``,
    ``USD 60,000,000``, ``€5.5 million``, ``£3 billion``, ``60 million dollars`` and
    ``about $60 million``; ``$`` is USD, ``€`` EUR, ``£`` GBP and ``¥`` JPY, and the scales
    are thousand (k), million (m, M, mn), billion (b, bn) and trillion (tn).  The amount is
    stored in full: ``$60M`` is ``Decimal('60000000')``.

    It prints with the symbol for USD, EUR, GBP and JPY (``$60 million``, ``$1,500``) and
    with the code after the digits otherwise (``60000000 CHF``).

    >>> Money.parse("$60M")
    Money(amount=Decimal('60000000'), currency='USD', hedge=<Hedge.EXACT: 'exact'>)
    >>> str(Money.parse("€5.5 million")), str(Money.parse("about 2500000 CHF"))
    ('€5.5 million', 'about 2500000 CHF')
    """

    kind: ClassVar[str] = "money"

    amount: Decimal = attrs.field(converter=_to_amount, validator=_check_amount)
    currency: str = attrs.field(validator=_check_currency)
    hedge: Hedge = attrs.field(default=Hedge.EXACT, validator=_check_hedge)
    wording: str | None = _wording_field()

    @property
    def dimension(self) -> tuple[str, ...]:
        """``("money", currency)``: sums in different currencies are not compared."""
        return (self.kind, self.currency)

    def __str__(self) -> str:
        symbol = _CURRENCY_SYMBOL.get(self.currency)
        if symbol is None:
            body = f"{_plain(self.amount)} {self.currency}"
        else:
            body = symbol + _money_figure(self.amount)
        return hedged(self.hedge, self.wording, body)

    @classmethod
    def parse(cls, text: str) -> Money:
        """Read an amount of money such as ``$60 million`` or ``USD 60,000,000``.

        >>> Money.parse("60 million dollars").amount
        Decimal('60000000')
        >>> Money.parse("₿5")
        Traceback (most recent call last):
        ...
        filmlore.errors.ParseError: cannot read '₿5' as a money: expected a known currency ...
        """
        hedge, phrase, rest = split_hedge("money", text)
        found = _read_money(rest)
        if found is None:
            refuse_words("money", text, rest)
            raise _money_error(text, phrase or "", rest)
        amount, currency = found
        return _build(
            "money",
            text,
            lambda: cls(amount=amount, currency=currency, hedge=hedge, wording=phrase),
        )


# --------------------------------------------------------------------------------------------
# Quantities


# "a" or "an" before these words is not the number one.
_VAGUE_AFTER_A = frozenset(
    ("few", "couple", "dozen", "handful", "lot", "lots", "number", "bunch", "score", "half",
     "pair", "great", "good", "whole", "little", "bit", "fraction", "variety", "host")
)  # fmt: skip


_FIRST_WORD_RE = re.compile(r"(?:[^\W\d_]|[%‰°])(?:[^\W\d_]|[-'’.%‰°])*")


def _unit_problem(unit: object) -> str | None:
    """Why ``unit`` cannot be a :class:`Quantity` unit, or ``None`` if it can.

    A unit must read back as itself after an amount, so it may not be a time unit or a
    currency (those are :class:`Duration` and :class:`Money`), nor start with a scale word;
    its first word is letters, without digits, so that garbage such as ``1e5 min`` is not
    taken for 1 of a unit ``e5 min``.
    """
    if not isinstance(unit, str):
        return "a str"
    if not unit:
        return None
    if len(unit) > _MAX_UNIT:
        return f"a unit of at most {_MAX_UNIT} characters"
    if unit != " ".join(unit.split()) or not unit.isprintable():
        return "a unit of printable words separated by single spaces"
    first = unit.split(" ")[0]
    if not _FIRST_WORD_RE.fullmatch(first):
        return "a unit whose first word is letters (or %, ‰, °), with no digits"
    if any(unicodedata.category(ch) == "Sc" for ch in unit):
        return "a unit without currency symbols (use Money for money)"
    if first.lower() in _DURATION_WORDS:
        return "a unit that is not a time unit (use Duration for lengths of time)"
    if first.lower() in _CURRENCY_WORDS:
        return "a unit that is not a currency (use Money for money)"
    if first.lower() in _QUANTITY_SCALES or first.lower() in _MONEY_SCALES:
        return "a unit that does not start with a scale word such as 'million'"
    if ends_with_after(unit):
        return "a unit that does not end with a hedge such as 'or so' or 'or more'"
    if _read_duration(f"1 {unit}") is not None:
        return "a unit that is not a time unit (use Duration for lengths of time)"
    if _read_money(f"1 {unit}") is not None:
        return "a unit that is not a currency (use Money for money)"
    match = _QUANTITY_RE.fullmatch(f"1 {unit}")
    if match is None or match.group("scale") or match.group("unit") != unit:
        return "a unit that does not start with a scale word such as 'million'"
    return None


def _check_unit(instance: Quantity, attribute: attrs.Attribute[Any], value: object) -> None:
    problem = _unit_problem(value)
    if problem is not None:
        raise FieldError("Quantity", attribute.name, problem, value)


@attrs.frozen(slots=True, kw_only=True, weakref_slot=False, repr=False)
class Quantity(Measure):
    """A count or amount with a free-text ``unit`` (``"screens"``; ``""`` for none), hedged.

    Reads ``<hedge> <number> [thousand|million|billion|trillion] <unit words>``:
    ``about 40 screens``, ``3``, ``over 1.2 million admissions``, ``three films``.  The unit
    may not be a time unit or a currency -- use :class:`Duration` and :class:`Money` -- nor
    start with a digit or a scale word; a three-letter upper-case unit reads as a currency.

    >>> Quantity.parse("about 40 screens")
    Quantity(amount=Decimal('40'), unit='screens', hedge=<Hedge.ABOUT: 'about'>)
    >>> Quantity.parse("over 1.2 million admissions").bounds()
    (Decimal('1200000'), None)
    >>> Quantity(amount=3, unit="hours")
    Traceback (most recent call last):
    ...
    filmlore.errors.FieldError: Quantity.unit: expected a unit that is not a time unit ...
    """

    kind: ClassVar[str] = "quantity"

    amount: Decimal = attrs.field(converter=_to_amount, validator=_check_amount)
    unit: str = attrs.field(default="", validator=_check_unit)
    hedge: Hedge = attrs.field(default=Hedge.EXACT, validator=_check_hedge)
    wording: str | None = _wording_field()

    @property
    def dimension(self) -> tuple[str, ...]:
        """``("quantity", unit)``: only quantities of one unit are compared."""
        return (self.kind, self.unit)

    def __str__(self) -> str:
        body = _plain(self.amount)
        return hedged(self.hedge, self.wording, f"{body} {self.unit}" if self.unit else body)

    @classmethod
    def parse(cls, text: str) -> Quantity:
        """Read a quantity such as ``about 40 screens`` or ``3``.

        >>> Quantity.parse("3")
        Quantity(amount=Decimal('3'), unit='', hedge=<Hedge.EXACT: 'exact'>)
        >>> Quantity.parse("nearly")
        Traceback (most recent call last):
        ...
        filmlore.errors.ParseError: cannot read 'nearly' as a quantity: expected a number ...
        """
        hedge, phrase, rest = split_hedge("quantity", text)
        _refuse_unknown_symbol("quantity", text, rest)
        match = _QUANTITY_RE.fullmatch(rest)
        if match is None:
            refuse_words("quantity", text, rest)
            raise ParseError("quantity", text, _number_expected(phrase or "", _QUANTITY_EXAMPLES))
        number, scale, unit = match.group("num", "scale", "unit")
        unit = unit or ""
        if number.lower() in {"a", "an"}:
            refuse_words("quantity", text, rest)  # "a low budget" is not one of anything
            if unit.split(" ")[0].lower() in _VAGUE_AFTER_A:
                raise ParseError("quantity", text, f"a definite number, not '{number} {unit}'")
        problem = _unit_problem(unit)
        if problem is not None:
            raise ParseError("quantity", text, problem)
        amount = _number(number)
        if scale:
            amount = _EXACT.scaleb(amount, _QUANTITY_SCALES[scale.lower()])
        return _build(
            "quantity", text, lambda: cls(amount=amount, unit=unit, hedge=hedge, wording=phrase)
        )


def parse_quantity(text: str) -> Duration | Money | Quantity:
    """Read any measure: a duration if it has time units, money if it names a currency,
    else a :class:`Quantity`.

    >>> parse_quantity("about $60 million")
    Money(amount=Decimal('60000000'), currency='USD', hedge=<Hedge.ABOUT: 'about'>)
    >>> parse_quantity("2:50")
    Duration(amount=Decimal('170'), unit='min', hedge=<Hedge.EXACT: 'exact'>)
    >>> parse_quantity("some 40 screens")
    Quantity(amount=Decimal('40'), unit='screens', hedge=<Hedge.ABOUT: 'about'>, wording='some')
    """
    hedge, phrase, rest = split_hedge("quantity", text)
    _refuse_unknown_symbol("money", text, rest)
    duration = _read_duration(rest)
    if duration is not None:
        seconds, unit = duration
        return _build(
            "duration",
            text,
            lambda: Duration(amount=seconds, unit=unit, hedge=hedge, wording=phrase),
        )
    money = _read_money(rest)
    if money is not None:
        amount, currency = money
        return _build(
            "money",
            text,
            lambda: Money(amount=amount, currency=currency, hedge=hedge, wording=phrase),
        )
    if _QUANTITY_RE.fullmatch(rest) is None:
        refuse_words("quantity", text, rest)
        expected = _number_expected(
            phrase or "",
            "a duration ('170 min'), money ('$60 million') or a count ('40 screens')",
        )
        raise ParseError("quantity", text, expected)
    return Quantity.parse(text)


# --------------------------------------------------------------------------------------------
# Reading text
#
# The hedge is split off by filmlore.values._hedges; the amount after it is read by
# filmlore.values._quantity_parse.


def _build(kind: str, text: str, make: Callable[[], _T]) -> _T:
    """Call ``make()``, turning the :class:`FieldError` of a bad field into a ParseError."""
    try:
        return make()
    except FieldError as exc:
        expected = _AMOUNT_TEXT_RULE if exc.field == "amount" else exc.expected
        raise ParseError(kind, text, expected) from None
