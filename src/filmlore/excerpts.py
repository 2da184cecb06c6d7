"""Finding a claim's words in its source's text.

An excerpt is the verbatim words a claim rests on.  Writers copy them by hand, and a copy
picks up straight quotes for curly ones, a collapsed line break, a dropped word.
:func:`find_excerpt` finds the phrase in the text all the same and gives back the words as
the text has them, with their offsets -- what ``filmlore excerpt`` prints and what
``filmlore validate`` suggests when an excerpt is not in its source.

>>> text = "Mann said: “It isn’t a crime film to me,” he told Scraps from the Loft."
>>> found = find_excerpt(text, '"It isnt a crime film to me," he told')
>>> found.text, found.start, found.end, found.how
('“It isn’t a crime film to me,” he told', 11, 49, 'close')
>>> text[found.start : found.end] == found.text
True
"""

from __future__ import annotations

import re
from typing import Literal

import attrs

from filmlore.models import Excerpt

__all__ = ["ExcerptMatch", "find_excerpt", "normalise_excerpt"]

#: Typographic characters read as their plain forms (quotes, dashes, spaces, ellipsis).
_PLAIN = {
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "′": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "″": '"',
    "«": '"',
    "»": '"',
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
    "…": "...",
}
_SPACE = re.compile(r"\s")
_WORD = re.compile(r"\w")

#: How a phrase was found: word for word, equal once quotes, dashes, spaces and case are
#: made plain, or only close (a fuzzy match, with its score).
How = Literal["verbatim", "normalised", "close"]


@attrs.frozen(slots=True)
class ExcerptMatch:
    """Where a phrase stands in a text: the verbatim words of the text, their offsets
    (``text == source_text[start:end]``), how they were found and how close they are
    (100 for a match once normalised; less for a close one)."""

    text: str
    start: int
    end: int
    how: How
    score: float

    def to_excerpt(self) -> Excerpt:
        """The :class:`~filmlore.Excerpt` of these words, with their offsets."""
        return Excerpt(text=self.text, start=self.start, end=self.end)


def normalise_excerpt(text: str) -> str:
    """``text`` with typographic quotes, dashes and ellipses plain and runs of whitespace
    made one space, stripped: the form in which an excerpt is looked for in its source.

    >>> normalise_excerpt("  “Don’t”  —\\n  he said… ")
    '"Don\\'t" - he said...'
    """
    return _plain(text)[0].strip()


def _plain(text: str) -> tuple[str, list[int]]:
    """``text`` made plain (see :func:`normalise_excerpt`, without stripping), and for
    each of its characters the offset in ``text`` it comes from."""
    out: list[str] = []
    where: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if _SPACE.match(ch):
            if not space:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        plain = _PLAIN.get(ch, ch)
        out.append(plain)
        where.extend([i] * len(plain))
    return "".join(out), where


def find_excerpt(text: str, phrase: str, *, min_score: float = 80.0) -> ExcerptMatch | None:
    """Where ``phrase`` stands in ``text``, or None when nothing there comes close.

    ``phrase`` is looked for word for word, then with quotes, dashes, whitespace and case
    made plain, then fuzzily (rapidfuzz's best partial alignment, extended to whole words;
    ``min_score`` is the least similarity, out of 100, worth proposing).  The first
    occurrence wins.  The match is always the text's own words, so it can stand as a
    claim's excerpt as it is.

    >>> find_excerpt("Heat runs nearly three hours.", "nearly three hours").how
    'verbatim'
    >>> find_excerpt("Heat runs nearly three hours.", "almost six days") is None
    True
    """
    wanted = phrase.strip()
    if not wanted:
        return None
    at = text.find(wanted)
    if at >= 0:
        return ExcerptMatch(wanted, at, at + len(wanted), "verbatim", 100.0)
    plain, where = _plain(text)
    folded = plain.casefold()
    needle = normalise_excerpt(wanted).casefold()
    if len(folded) == len(plain):  # casefold kept every offset
        at = folded.find(needle)
        if at >= 0:
            return _match(text, where, at, at + len(needle), "normalised", 100.0)
    from rapidfuzz import fuzz

    spans: list[tuple[int, int]] = []
    aligned = fuzz.partial_ratio_alignment(needle, folded, score_cutoff=min_score * 0.8)
    if aligned is not None and aligned.dest_end > aligned.dest_start:
        spans.append(_closest_words(needle, folded, aligned.dest_start, aligned.dest_end))
    if len(needle.split()) <= _SCAN_WORDS:
        spans.append(_best_words(needle, folded))
    scored = [
        (fuzz.ratio(needle, folded[lo:hi]), -(hi - lo), lo, hi) for lo, hi in spans if hi > lo
    ]
    if not scored:
        return None
    score, _, lo, hi = max(scored)
    if score < min_score:
        return None
    return _match(text, where, lo, hi, "close", score)


#: Phrases of at most this many words are also looked for among every run of words.
_SCAN_WORDS = 12


def _edges(text: str, a: int, b: int) -> tuple[list[int], list[int]]:
    """Where words (or runs of punctuation) start and end in ``text[a:b]``."""

    def edge(i: int) -> bool:
        before = text[i - 1] if i > 0 else " "
        after = text[i] if i < len(text) else " "
        return before.isspace() != after.isspace() or (
            not before.isspace() and not after.isspace() and before.isalnum() != after.isalnum()
        )

    starts = [i for i in range(a, b) if not text[i].isspace() and edge(i)]
    ends = [i for i in range(a + 1, b + 1) if not text[i - 1].isspace() and edge(i)]
    return starts, ends


def _best_words(needle: str, text: str) -> tuple[int, int]:
    """The run of words of ``text`` most like ``needle`` (of about its length)."""
    from rapidfuzz import fuzz

    starts, ends = _edges(text, 0, len(text))
    low, high = len(needle) // 2, len(needle) * 3 // 2 + 2
    best = (-1.0, 0, 0, 0)
    j0 = 0
    for s in starts:
        while j0 < len(ends) and ends[j0] <= s:
            j0 += 1
        for e in ends[j0:]:
            if e - s > high:
                break
            if e - s >= low:
                score = fuzz.ratio(needle, text[s:e])
                if (score, -(e - s)) > (best[0], best[1]):
                    best = (score, -(e - s), s, e)
    return best[2], best[3]


def _closest_words(needle: str, text: str, lo: int, hi: int) -> tuple[int, int]:
    """The span of whole words around ``text[lo:hi]`` (the fuzzy alignment, which is as
    long as the needle and may cut words) that is most like ``needle``; the shortest of
    equals."""
    from rapidfuzz import fuzz

    margin = max(8, len(needle) // 4)
    a, b = max(0, lo - margin), min(len(text), hi + margin)

    starts, ends = _edges(text, a, b)
    best = (-1.0, 0, lo, hi)
    for s in starts:
        for e in ends:
            if e > s:
                score = fuzz.ratio(needle, text[s:e])
                if (score, -(e - s)) > (best[0], best[1]):
                    best = (score, -(e - s), s, e)
    return (best[2], best[3]) if best[0] >= 0 else (lo, hi)


def _match(text: str, where: list[int], lo: int, hi: int, how: How, score: float) -> ExcerptMatch:
    """The words of ``text`` behind the plain span ``lo:hi``, extended to whole words."""
    start, end = where[lo], where[hi - 1] + 1
    if how == "close":
        while start > 0 and _WORD.match(text[start - 1]) and _WORD.match(text[start]):
            start -= 1
        while end < len(text) and _WORD.match(text[end]) and _WORD.match(text[end - 1]):
            end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return ExcerptMatch(text[start:end], start, end, how, round(float(score), 1))
