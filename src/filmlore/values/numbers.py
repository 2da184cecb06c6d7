"""English number words, shared by the quantity parser and the text and quote comparators.

>>> NUMBER_WORDS["thirty"], NUMBER_WORDS["seven"]
(30, 7)
"""

from __future__ import annotations

__all__ = ["NUMBER_WORDS", "ONES", "TENS"]

#: zero to nineteen, in order: ``ONES[n]`` is the word for ``n``.
ONES: tuple[str, ...] = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip

#: twenty to ninety: ``TENS[k]`` is the word for ``20 + 10 * k``.
TENS: tuple[str, ...] = (
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
)

#: Each word of :data:`ONES` and :data:`TENS` and its value.
NUMBER_WORDS: dict[str, int] = {
    **{word: n for n, word in enumerate(ONES)},
    **{word: 20 + 10 * k for k, word in enumerate(TENS)},
}
