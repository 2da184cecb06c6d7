"""Hedges: the words before (or after) an amount that say how loosely it is stated, the
interval each makes of the amount, and the wording a source used for it.

:class:`Hedge` is public through :mod:`filmlore.values.quantities`; the measure classes
there split the hedge off the text with :func:`split_hedge` and keep the source's own words
for it as their ``wording``.
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal

from filmlore.errors import ParseError
from filmlore.values._exact import _EXACT, _ONE, _canonical
from filmlore.values._quantity_parse import _FLAGS, _alternatives, _examples

MAX_TEXT = 200


class Hedge(str, enum.Enum):
    """How loosely an amount is stated; the value is the word printed before the amount.

    Each hedge turns an amount *v* into an interval ``[low, high]`` (``None`` = open):

    ==============  ==========  ============  ============  ================================
    hedge           printed     low           high          also read from
    ==============  ==========  ============  ============  ================================
    ``EXACT``       (nothing)   v             v             exactly, precisely, only, just,
                                                            merely, a mere, all of,
                                                            a whopping
    ``ABOUT``       about       0.9 v         1.1 v         around, approximately, approx.,
                                                            roughly, some, circa, c., ca.,
                                                            an estimated, more or less, ~,
                                                            *v* or so
    ``NEARLY``      nearly      0.85 v        v             almost, close to, not quite,
                                                            just under, a little under,
                                                            slightly under, just shy of
    ``JUST_OVER``   just over   v             1.15 v        a little over, slightly over,
                                                            a little more than
    ``BARELY``      barely      0.9 v         1.05 v        only just, hardly
    ``OVER``        over        v             open          more than, upwards of, well
                                                            over, in excess of, north of
    ``UNDER``       under       0             v             less than, fewer than, below,
                                                            well under
    ``AT_LEAST``    at least    v             open          no less than, no fewer than,
                                                            a minimum of, *v* or more
    ``AT_MOST``     at most     0             v             up to, no more than, as many
                                                            as, as much as, a maximum of,
                                                            *v* or less, *v* or fewer
    ==============  ==========  ============  ============  ================================

    ``NEARLY`` and ``JUST_OVER`` mirror each other: a little below and a little above *v*.
    ``OVER`` is strictly more than *v*, but its interval is kept closed at *v*: the bounds
    are for judging compatibility, and a source's "over 2 hours" rarely excludes 2 hours.
    The words for ``EXACT`` (*only 90 minutes*) add emphasis, not doubt: the amount stands.
    An emphasis word may also lead another hedge: *only about 90 minutes* is ``ABOUT``.

    >>> Hedge.NEARLY.interval(Decimal(180))
    (Decimal('153'), Decimal('180'))
    >>> Hedge.OVER.interval(Decimal(120))
    (Decimal('120'), None)
    >>> Hedge.from_phrase("Close to")
    <Hedge.NEARLY: 'nearly'>
    """

    EXACT = "exact"
    ABOUT = "about"
    NEARLY = "nearly"
    JUST_OVER = "just over"
    BARELY = "barely"
    OVER = "over"
    UNDER = "under"
    AT_LEAST = "at least"
    AT_MOST = "at most"

    @property
    def phrase(self) -> str:
        """The words printed before an amount: the value, or nothing for ``EXACT``.

        >>> Hedge.AT_LEAST.phrase, Hedge.EXACT.phrase
        ('at least', '')
        """
        return "" if self is Hedge.EXACT else self.value

    @property
    def factors(self) -> tuple[Decimal | None, Decimal | None]:
        """The factors giving ``(low, high)`` from the amount; ``None`` for an open high end.

        A low factor of ``None`` means the interval starts at zero.

        >>> Hedge.ABOUT.factors
        (Decimal('0.9'), Decimal('1.1'))
        >>> Hedge.UNDER.factors
        (None, Decimal('1'))
        """
        return _FACTORS[self]

    def interval(self, value: Decimal) -> tuple[Decimal, Decimal | None]:
        """The interval this hedge makes of ``value``: ``(low, high)``, ``high`` ``None`` if open.

        >>> Hedge.BARELY.interval(Decimal(90))
        (Decimal('81'), Decimal('94.5'))
        """
        low_factor, high_factor = _FACTORS[self]
        low = Decimal(0) if low_factor is None else _canonical(_EXACT.multiply(value, low_factor))
        high = None if high_factor is None else _canonical(_EXACT.multiply(value, high_factor))
        return low, high

    @classmethod
    def from_phrase(cls, text: str) -> Hedge:
        """The hedge a phrase such as ``"more than"``, ``"only"`` or ``"~"`` stands for.

        >>> Hedge.from_phrase("upwards of")
        <Hedge.OVER: 'over'>
        >>> Hedge.from_phrase("only about")
        <Hedge.ABOUT: 'about'>
        >>> Hedge.from_phrase("perhaps")
        Traceback (most recent call last):
        ...
        filmlore.errors.ParseError: cannot read 'perhaps' as a hedge: expected one of ...
        """
        found = hedge_of(text) if isinstance(text, str) else None
        if found is None:
            words = sorted({*_WORDS, *_AFTER})
            raise ParseError("hedge", text, "one of " + ", ".join(words))
        return found


_FACTORS: dict[Hedge, tuple[Decimal | None, Decimal | None]] = {
    Hedge.EXACT: (_ONE, _ONE),
    Hedge.ABOUT: (Decimal("0.9"), Decimal("1.1")),
    Hedge.NEARLY: (Decimal("0.85"), _ONE),
    Hedge.JUST_OVER: (_ONE, Decimal("1.15")),
    Hedge.BARELY: (Decimal("0.9"), Decimal("1.05")),
    Hedge.OVER: (_ONE, None),
    Hedge.UNDER: (None, _ONE),
    Hedge.AT_LEAST: (_ONE, None),
    Hedge.AT_MOST: (None, _ONE),
}

#: Words that stress an amount without doubting it: ``EXACT``, and able to lead a hedge.
EMPHASIS = ("only", "just", "merely", "a mere", "all of", "a whopping", "exactly", "precisely")

_WORDS: dict[str, Hedge] = {
    **dict.fromkeys(("exact", *EMPHASIS), Hedge.EXACT),
    **dict.fromkeys(
        ("about", "around", "approximately", "approx.", "approx", "roughly", "some", "circa",
         "c.", "ca.", "an estimated", "estimated", "more or less", "~"),
        Hedge.ABOUT,
    ),
    **dict.fromkeys(
        ("nearly", "almost", "close to", "not quite", "just under", "a little under",
         "slightly under", "just shy of", "shy of", "a little less than", "slightly less than"),
        Hedge.NEARLY,
    ),
    **dict.fromkeys(
        ("just over", "a little over", "slightly over", "a little more than",
         "slightly more than", "just more than"),
        Hedge.JUST_OVER,
    ),
    **dict.fromkeys(("barely", "only just", "hardly"), Hedge.BARELY),
    **dict.fromkeys(
        ("over", "more than", "upwards of", "well over", "in excess of", "north of"), Hedge.OVER
    ),
    **dict.fromkeys(("under", "less than", "fewer than", "below", "well under"), Hedge.UNDER),
    **dict.fromkeys(("at least", "no less than", "no fewer than", "a minimum of"), Hedge.AT_LEAST),
    **dict.fromkeys(
        ("at most", "up to", "no more than", "as many as", "as much as", "a maximum of"),
        Hedge.AT_MOST,
    ),
}  # fmt: skip

#: Hedges written after the amount: *90 minutes or so*.
_AFTER: dict[str, Hedge] = {
    "or so": Hedge.ABOUT,
    "or more": Hedge.AT_LEAST,
    "or less": Hedge.AT_MOST,
    "or fewer": Hedge.AT_MOST,
}


def _key(text: str) -> str:
    return " ".join(text.split()).lower()


def hedge_of(wording: str) -> Hedge | None:
    """The hedge ``wording`` stands for -- a hedge word, one written after the amount, or an
    emphasis word leading a hedge (``only about``) -- or None."""
    key = _key(wording)
    found = _WORDS.get(key) or _AFTER.get(key)
    if found is not None:
        return found
    for lead in EMPHASIS:
        rest = key.removeprefix(lead + " ")
        if rest != key and rest in _WORDS and _WORDS[rest] is not Hedge.EXACT:
            return _WORDS[rest]
    return None


def is_after(wording: str | None) -> bool:
    """True for a wording written after the amount (``or so``)."""
    return wording is not None and wording in _AFTER


def wording_problem(hedge: Hedge, wording: object) -> str | None:
    """Why ``wording`` cannot be the source's words for ``hedge``, or None if it can."""
    if wording is None:
        return None
    if not isinstance(wording, str) or hedge_of(wording) is not hedge:
        return f"words for the hedge {hedge.name}, such as {_example_words(hedge)}, or None"
    return None


def _example_words(hedge: Hedge) -> str:
    words = [w for w, h in (*_WORDS.items(), *_AFTER.items()) if h is hedge][:3]
    return ", ".join(repr(w) for w in words)


def canonical_wording(wording: str) -> str | None:
    """``wording`` as stored: lower case, single spaces; None when it is empty."""
    return _key(wording) or None


def hedged(hedge: Hedge, wording: str | None, body: str) -> str:
    """``body`` (the amount printed) with its hedge, in the source's words if kept."""
    phrase = wording if wording is not None else hedge.phrase
    if not phrase:
        return body
    if phrase in _AFTER:
        return f"{body} {phrase}"
    if phrase == "~":
        return f"~{body}"
    return f"{phrase} {body}"


# -- reading -------------------------------------------------------------------------------------

_HEDGE_RE = re.compile(
    rf"(?:(?P<word>{_alternatives(w for w in _WORDS if w != '~')})(?=\s|$)|(?P<tilde>~))\s*",
    _FLAGS,
)
_AFTER_RE = re.compile(rf"\s*,?\s+(?P<after>{_alternatives(_AFTER)})\s*$", _FLAGS)
_NEGATIVE_RE = re.compile(r"(?:US\$|[$€£¥]|[A-Z]{3}\s*)?\s*[-−–]\s*(?:US\$|[$€£¥])?\s*[0-9]")


def ends_with_after(text: str) -> bool:
    """True when ``text`` ends with a hedge written after an amount (``... or so``)."""
    return _AFTER_RE.search(" " + text) is not None


def split_hedge(kind: str, text: object) -> tuple[Hedge, str | None, str]:
    """Check ``text``, normalise its spacing and split off its hedge.

    Returns ``(hedge, the hedge as written or None, the rest)``: a hedge before the amount
    (``about``, or an emphasis word and a hedge, ``only about``), or one after it
    (``or so``), never both.
    """
    if not isinstance(text, str):
        raise ParseError(kind, text, f"a string: {_examples(kind)}")
    if len(text) > MAX_TEXT:
        raise ParseError(kind, text, f"{_examples(kind)}, in at most {MAX_TEXT} characters")
    clean = " ".join(text.split())
    if not clean:
        raise ParseError(kind, text, f"{_examples(kind)}, not an empty string")
    hedge, phrase, rest = Hedge.EXACT, None, clean
    match = _HEDGE_RE.match(clean)
    if match is not None:
        phrase = match.group("word") or match.group("tilde")
        rest = clean[match.end() :]
        if _key(phrase) in EMPHASIS:
            then = _HEDGE_RE.match(rest)
            if then is not None and then.group("word") is not None:
                second = _WORDS[_key(then.group("word"))]
                if second is not Hedge.EXACT:
                    phrase = f"{phrase} {then.group('word')}"
                    rest = rest[then.end() :]
        found = hedge_of(phrase)
        hedge = Hedge.EXACT if found is None else found
    after = _AFTER_RE.search(rest)
    if after is not None and after.start() > 0:
        if phrase is not None:
            raise ParseError(
                kind, text, f"one hedge, not two ({phrase!r} and {after.group('after')!r})"
            )
        phrase = after.group("after")
        hedge = _AFTER[_key(phrase)]
        rest = rest[: after.start()]
    if not rest:
        raise ParseError(kind, text, f"a number after {phrase!r}")
    if _NEGATIVE_RE.match(rest):
        raise ParseError(kind, text, "a non-negative amount")
    return hedge, phrase, rest
