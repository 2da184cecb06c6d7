"""Reading amounts from text: the words, symbols and patterns that durations, sums of money
and counts are written with, the readers that turn what follows a hedge into an amount and a
unit, and the errors that say what was expected instead.

:mod:`filmlore.values.quantities` splits off the hedge, calls the readers here and builds
the measure from what they return; nothing here knows the measure classes, so imports run
one way.
"""

from __future__ import annotations

import decimal
import itertools
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

from filmlore.errors import ParseError
from filmlore.values._exact import _EXACT, _ONE, _canonical
from filmlore.values.numbers import NUMBER_WORDS
from filmlore.values.numbers import ONES as _ONES
from filmlore.values.numbers import TENS as _TENS

# --------------------------------------------------------------------------------------------
# Units, currencies and scales


_DURATION_UNITS: dict[str, Decimal] = {"s": _ONE, "min": Decimal(60), "h": Decimal(3600)}
_DURATION_WORDS: dict[str, str] = {
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), "s"),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), "min"),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), "h"),
}

_SYMBOL_CURRENCY: dict[str, str] = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_CURRENCY_WORDS: dict[str, str] = {
    **dict.fromkeys(("dollar", "dollars", "us dollars", "usd"), "USD"),
    **dict.fromkeys(("euro", "euros", "eur"), "EUR"),
    **dict.fromkeys(("pound", "pounds", "pounds sterling", "gbp"), "GBP"),
    **dict.fromkeys(("yen", "jpy"), "JPY"),
}
_MONEY_SCALES: dict[str, int] = {
    **dict.fromkeys(("thousand", "k"), 3),
    **dict.fromkeys(("million", "mn", "m"), 6),
    **dict.fromkeys(("billion", "bn", "b"), 9),
    **dict.fromkeys(("trillion", "tn"), 12),
}

_QUANTITY_SCALES: dict[str, int] = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}


# --------------------------------------------------------------------------------------------
# Patterns


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_WORD_VALUES: dict[str, int] = {
    **NUMBER_WORDS,
    "a": 1,
    "an": 1,
    "hundred": 100,
}

_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_ONE_TO_NINE = "|".join(sorted(_ONES[1:10], key=len, reverse=True))
_UNDER_100 = rf"(?:(?:{_alternatives(_TENS)})(?:[-\s](?:{_ONE_TO_NINE}))?|{_alternatives(_ONES)})"
_WORDS = (
    rf"(?:(?:(?:an?|{_ONE_TO_NINE})\s+)?hundred(?:\s+(?:and\s+)?{_UNDER_100})?"
    rf"|{_UNDER_100}|an?)(?![^\W\d_])"
)
# A number; word numbers must be followed by a space before anything else.
_NUMBER = rf"(?:{_DIGITS}|{_WORDS}(?=\s|$))"
_NOT_LETTER = r"(?![^\W\d_])"

# Case-insensitive for ASCII only: with full Unicode folding "ſ" would match "s" and "K"
# (Kelvin) "k", and words read that way would not be found in the tables.
_FLAGS = re.IGNORECASE | re.ASCII

_NUMBER_START_RE = re.compile(_NUMBER, _FLAGS)

_DURATION_PART_RE = re.compile(
    rf"(?P<num>{_DIGITS}|{_WORDS}\s)\s*(?P<unit>{_alternatives(_DURATION_WORDS)}){_NOT_LETTER}",
    _FLAGS,
)
_DURATION_SEP_RE = re.compile(r"\s*,?\s*(?:and\s+)?", _FLAGS)
_CLOCK_RE = re.compile(r"([0-9]+):([0-5][0-9])(?::([0-5][0-9]))?")
_ISO_NUM = r"([0-9]+(?:\.[0-9]+)?)"
_ISO_RE = re.compile(rf"PT(?=[0-9])(?:{_ISO_NUM}H)?(?:{_ISO_NUM}M)?(?:{_ISO_NUM}S)?", _FLAGS)
_HALF_RE = re.compile(r"half\s+an?\s+(hour|minute)", _FLAGS)

_SYMBOL_RE = r"US\$|[$€£¥]"
_CODE_RE = r"(?-i:[A-Z]{3})"
_SCALE_RE = rf"(?P<scale>{_alternatives(_MONEY_SCALES)}){_NOT_LETTER}"
_MONEY_PREFIX_RE = re.compile(
    rf"(?:(?P<symbol>{_SYMBOL_RE})|(?P<code>{_CODE_RE})(?![A-Za-z]))\s*"
    rf"(?P<num>{_NUMBER})(?:\s*{_SCALE_RE})?",
    _FLAGS,
)
_MONEY_SUFFIX_RE = re.compile(
    rf"(?P<num>{_NUMBER})(?:\s*{_SCALE_RE})?\s*"
    rf"(?:(?P<code>{_CODE_RE})|(?P<word>{_alternatives(_CURRENCY_WORDS)})|(?P<symbol>{_SYMBOL_RE}))",
    _FLAGS,
)
_QUANTITY_RE = re.compile(
    rf"(?P<num>{_NUMBER})(?:\s+(?P<scale>{_alternatives(_QUANTITY_SCALES)}){_NOT_LETTER})?"
    r"(?:\s*(?P<unit>\S.*))?",
    _FLAGS | re.DOTALL,
)

_DURATION_EXAMPLES = "a duration such as '170 min', 'nearly 3 hours', '2:50' or 'PT2H50M'"
_MONEY_EXAMPLES = "an amount of money such as '$60 million', '€5.5 million' or '60000000 USD'"
_QUANTITY_EXAMPLES = "a quantity such as 'about 40 screens' or '3'"
_KNOWN_SYMBOLS = "$ (USD), US$, € (EUR), £ (GBP), ¥ (JPY)"


def _number(text: str) -> Decimal:
    """The exact value of a number matched by ``_NUMBER``: digits, or words up to 999."""
    if text[0] in "0123456789":
        return Decimal(text.replace(",", ""))
    value = 0
    for word in re.split(r"[-\s]+", text.strip().lower()):
        if word == "hundred":
            value = (value or 1) * 100
        elif word != "and":
            value += _WORD_VALUES[word]
    return Decimal(value)


def _examples(kind: str) -> str:
    return {"duration": _DURATION_EXAMPLES, "money": _MONEY_EXAMPLES}.get(kind, _QUANTITY_EXAMPLES)


def _number_expected(phrase: str, examples: str) -> str:
    return f"a number after {phrase!r}" if phrase else examples


def _refuse_unknown_symbol(kind: str, text: str, rest: str) -> None:
    for ch in rest:
        if unicodedata.category(ch) == "Sc" and ch not in _SYMBOL_CURRENCY:
            raise ParseError(
                kind,
                text,
                f"a known currency symbol ({_KNOWN_SYMBOLS}) or an ISO 4217 code, not {ch!r}",
            )


# Durations ----------------------------------------------------------------------------------


def _read_duration(rest: str) -> tuple[Decimal, str] | None:
    """``(amount, unit)`` for a duration without hedge, or ``None`` if ``rest`` is not one."""
    try:
        return _read_duration_parts(rest)
    except decimal.DecimalException:  # pragma: no cover - _EXACT is wide enough
        return None


_UNIT_RANK = {"h": 0, "min": 1, "s": 2}


def _combine(parts: list[tuple[Decimal, str]]) -> tuple[Decimal, str] | None:
    """One ``(amount, unit)`` from parts with units largest first, each at most once: the
    part itself if alone, else the total in minutes (seconds if there are seconds)."""
    ranks = [_UNIT_RANK[unit] for _, unit in parts]
    if any(a >= b for a, b in itertools.pairwise(ranks)):
        return None
    if len(parts) == 1:
        return parts[0]
    target = "s" if "s" in (unit for _, unit in parts) else "min"
    total = Decimal(0)
    for amount, unit in parts:
        factor = _EXACT.divide(_DURATION_UNITS[unit], _DURATION_UNITS[target])
        total = _EXACT.add(total, _EXACT.multiply(amount, factor))
    return _canonical(total), target


def _read_duration_parts(rest: str) -> tuple[Decimal, str] | None:
    half = _HALF_RE.fullmatch(rest)
    if half is not None:
        return Decimal(30), "min" if half.group(1).lower() == "hour" else "s"
    clock = _CLOCK_RE.fullmatch(rest)
    if clock is not None:
        units = ("h", "min", "s")
        return _combine(
            [(Decimal(v), u) for v, u in zip(clock.groups(), units, strict=True) if v is not None]
        )
    iso = _ISO_RE.fullmatch(rest)
    if iso is not None:
        units = ("h", "min", "s")
        return _combine(
            [(Decimal(v), u) for v, u in zip(iso.groups(), units, strict=True) if v is not None]
        )
    parts: list[tuple[Decimal, str]] = []
    position = 0
    while position < len(rest):
        if parts:
            separator = _DURATION_SEP_RE.match(rest, position)
            position = position if separator is None else separator.end()
        match = _DURATION_PART_RE.match(rest, position)
        if match is None:
            return None
        number = _number(match.group("num").strip())
        parts.append((number, _DURATION_WORDS[match.group("unit").lower()]))
        position = match.end()
    return _combine(parts) if parts else None


def _duration_error(text: str, phrase: str, rest: str) -> ParseError:
    if _NUMBER_START_RE.match(rest) is None:
        return ParseError("duration", text, _number_expected(phrase, _DURATION_EXAMPLES))
    return ParseError(
        "duration",
        text,
        "a time unit (s, min or h; seconds, minutes or hours) after each number, largest "
        "unit first; or h:mm, h:mm:ss or PT2H50M",
    )


# Money --------------------------------------------------------------------------------------


def _read_money(rest: str) -> tuple[Decimal, str] | None:
    """``(amount, currency)`` for money without hedge, or ``None`` if ``rest`` is not money."""
    for pattern in (_MONEY_PREFIX_RE, _MONEY_SUFFIX_RE):
        match = pattern.fullmatch(rest)
        if match is None:
            continue
        groups = match.groupdict()
        if groups["symbol"]:
            currency = _SYMBOL_CURRENCY[groups["symbol"].upper()]
        elif groups["code"]:
            currency = groups["code"]
        else:
            currency = _CURRENCY_WORDS[" ".join(groups["word"].split()).lower()]
        amount = _number(groups["num"])
        if groups["scale"]:
            try:
                amount = _EXACT.scaleb(amount, _MONEY_SCALES[groups["scale"].lower()])
            except decimal.DecimalException:  # pragma: no cover - _EXACT is wide enough
                return None
        return _canonical(amount), currency
    return None


def _money_error(text: str, phrase: str, rest: str) -> ParseError:
    _refuse_unknown_symbol("money", text, rest)
    number = re.sub(rf"^(?:{_SYMBOL_RE}|{_CODE_RE}(?![A-Za-z]))\s*", "", rest)
    if _NUMBER_START_RE.match(number) is None:
        return ParseError("money", text, _number_expected(phrase, _MONEY_EXAMPLES))
    return ParseError(
        "money",
        text,
        f"one currency: a symbol ({_KNOWN_SYMBOLS}), an ISO 4217 code (USD) or a word "
        "(dollars, euros, pounds, yen); and a scale, if any, such as k, million or bn",
    )


# Words that are not amounts -----------------------------------------------------------------

# A kind of budget or of length: a category a film belongs to, not a sum or a running time.
_BUDGET_CATEGORY_RE = re.compile(
    r"(?:(?:on\s+)?an?\s+)?(?P<word>(?:(?:ultra|very|super)[-\s]?)?"
    r"(?:low|big|high|mid|medium|micro|no|modest|small|tiny|large|huge|massive|mega|lavish)"
    r"[-\s]?budget(?:ed)?|shoestring(?:[-\s]budget)?|blockbuster|expensive|inexpensive|cheap"
    r"|costly|pricey)(?:\s+(?:film|movie|picture|production|feature))?",
    _FLAGS,
)
_LENGTH_CATEGORY_RE = re.compile(
    r"(?:an?\s+)?(?P<word>feature[-\s]length|full[-\s]length|short|long|lengthy|overlong"
    r"|epic[-\s]length|short[-\s]film|feature)(?:\s+(?:film|movie|picture|running\s+time))?",
    _FLAGS,
)
# Vague counts: "dozens of screens", "millions of dollars" -- and the least each can be.
_VAGUE_COUNTS = {
    "dozens": "24",
    "scores": "40",
    "hundreds": "200",
    "thousands": "2,000",
    "tens of thousands": "20,000",
    "hundreds of thousands": "200,000",
    "millions": "2 million",
    "tens of millions": "20 million",
    "hundreds of millions": "200 million",
    "billions": "2 billion",
}
_VAGUE_RE = re.compile(rf"(?P<word>{_alternatives(_VAGUE_COUNTS)})\s+of\s+(?P<what>.+)", _FLAGS)
# A length of days or years: not a Duration, which measures running times.
_LONG_TIME_RE = re.compile(
    rf"(?:(?P<num>{_NUMBER})\s*)?(?P<unit>decades?|years?|months?|weeks?|days?)", _FLAGS
)


def refuse_words(kind: str, text: str, rest: str) -> None:
    """Refuse, with a suggestion, words that are not an amount of ``kind``: a category such
    as *low-budget* or *feature-length*, a vague count such as *dozens of screens*, or a
    length of days or years given as a running time."""
    budget = _BUDGET_CATEGORY_RE.fullmatch(rest)
    if budget is not None and kind in ("money", "quantity"):
        word = budget.group("word").lower()
        raise ParseError(
            kind,
            text,
            f"{_MONEY_EXAMPLES}, not a category: '{word}' says what kind of budget a film had, "
            f"not how much -- state it with the property budget_category (value: {word}), "
            "or in a description",
        )
    length = _LENGTH_CATEGORY_RE.fullmatch(rest)
    if length is not None and kind in ("duration", "quantity"):
        word = length.group("word").lower()
        raise ParseError(
            kind,
            text,
            f"{_DURATION_EXAMPLES}, not a category: '{word}' says what kind of film it is, not "
            "how long it runs -- state it in a description, and the running time as minutes",
        )
    vague = _VAGUE_RE.fullmatch(rest)
    if vague is not None:
        word, what = vague.group("word").lower(), vague.group("what")
        least = _VAGUE_COUNTS[" ".join(word.split())]
        raise ParseError(
            kind,
            text,
            f"a definite number, not '{word} of {what}': write the least it can be as a bound, "
            f"such as 'at least {least} {what}'",
        )
    long_time = _LONG_TIME_RE.fullmatch(rest)
    if long_time is not None and kind == "duration":
        raise ParseError(
            kind,
            text,
            "a running time in hours, minutes or seconds, not a span of "
            f"{long_time.group('unit').lower().removesuffix('s')}s: state it as a quantity "
            "('10 years') or as dates ('1985/1995')",
        )
