"""Quotes: how a rendering of a line stands to the line, word by word, with spans."""

from __future__ import annotations

import enum
import functools
import itertools
import re
from collections import Counter
from collections.abc import Sequence

import attrs
from rapidfuzz.distance import Indel

from filmlore.compare._text import normalize_text
from filmlore.models import Quote
from filmlore.values.numbers import NUMBER_WORDS
from filmlore.values.text import Text

__all__ = ["Alignment", "QuoteKind", "Span", "align", "quote_text"]

#: A ``(start, end)`` range of character offsets into a text.
Span = tuple[int, int]

#: What a quote may be given as.
QuoteLike = str | Text | Quote


class QuoteKind(str, enum.Enum):
    """How a candidate rendering of a quote stands to the reference line.

    ``EXACT``
        The same words; punctuation, case, curly quotes, British/American spelling,
        contractions (``don't``/``do not``) and number words (``thirty``/``30``) aside.
    ``TRUNCATED``
        A contiguous part of the line: it stops early, starts late, or both.
    ``ELIDED``
        The line with words left out from inside it (marked with ``…`` or not).
    ``EXTENDED``
        The whole line, with a lead-in, a continuation or words inserted.
    ``PARAPHRASE``
        Reworded: many words in common, some replaced.
    ``DIFFERENT``
        Not the same line.
    ``MISATTRIBUTED``
        The right words (exact, truncated, elided or extended), the wrong speaker.
    """

    EXACT = "exact"
    TRUNCATED = "truncated"
    ELIDED = "elided"
    EXTENDED = "extended"
    PARAPHRASE = "paraphrase"
    DIFFERENT = "different"
    MISATTRIBUTED = "misattributed"


# --- tokens -----------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’‘ʼ][^\W\d_]+)*")
_ELLIPSIS_RE = re.compile(r"\.\s?\.\s?\.|…|\[\s*(?:\.\s?){3}\s*\]|\[…\]")
_PIECE_RE = re.compile(r"[\w']+")

_CONTRACTIONS: dict[str, tuple[str, ...]] = {
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "won't": ("will", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
    "let's": ("let", "us"),
}
_CONTRACTED = (("'re", "are"), ("'m", "am"), ("'ll", "will"), ("'ve", "have"), ("'d", "would"))
_IS_AFTER = frozenset(["it", "that", "he", "she", "there", "here", "what", "who", "where", "how"])

_UNIT_VALUE = {w: n for w, n in NUMBER_WORDS.items() if n < 20}
_TENS_VALUE = {w: n for w, n in NUMBER_WORDS.items() if n >= 20}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


@attrs.frozen(slots=True)
class _Token:
    word: str
    start: int
    end: int


@functools.lru_cache(maxsize=4096)
def _expand(word: str) -> tuple[str, ...]:
    """A normalised word with its contraction spelt out: ``don't`` → ``do not``."""
    found = _CONTRACTIONS.get(word)
    if found is not None:
        return found
    if word.endswith("n't") and len(word) > 3:
        return (word[:-3], "not")
    for suffix, full in _CONTRACTED:
        if word.endswith(suffix) and len(word) > len(suffix):
            return (word[: -len(suffix)], full)
    if word.endswith("'s") and word[:-2] in _IS_AFTER:
        return (word[:-2], "is")
    return (word,)


def _number_word(word: str) -> int | None:
    if word in _UNIT_VALUE:
        return _UNIT_VALUE[word]
    return _TENS_VALUE.get(word)


def _merge_numbers(tokens: list[_Token]) -> list[_Token]:
    """Number words read as digits: ``thirty`` → ``30``, ``twenty five`` → ``25``,
    ``a hundred and two`` → ``102``."""
    words = [t.word for t in tokens]

    def at(k: int) -> str:
        return words[k] if k < len(words) else ""

    out: list[_Token] = []
    i = 0
    while i < len(tokens):
        first = _number_word(words[i])
        if first is None and not (words[i] in ("a", "an") and at(i + 1) in _SCALES):
            out.append(tokens[i])
            i += 1
            continue
        total, current = 0, 1 if first is None else first
        j = i + 1
        previous = words[i]
        while j < len(tokens):
            w = words[j]
            value = _number_word(w)
            if previous in _TENS_VALUE and value is not None and 0 < value < 10:
                current += value
            elif w in _SCALES and current:
                if _SCALES[w] == 100:
                    current *= 100
                else:
                    total += current * _SCALES[w]
                    current = 0
            elif previous in _SCALES and value is not None:
                current += value
            elif previous in _SCALES and w == "and" and _number_word(at(j + 1)) is not None:
                j += 1  # "a hundred and two": the scale stays the previous word
                continue
            else:
                break
            previous = w
            j += 1
        out.append(_Token(str(total + current), tokens[i].start, tokens[j - 1].end))
        i = j
    return out


@functools.lru_cache(maxsize=2048)
def _tokenize(text: str) -> tuple[tuple[_Token, ...], tuple[int, ...]]:
    """Normalised word tokens with their spans in ``text``, and where ``text`` has ellipses."""
    tokens: list[_Token] = []
    for match in _TOKEN_RE.finditer(text):
        raw = match.group()
        start, end = match.span()
        if raw[0].isdigit():
            tokens.append(_Token(raw.replace(",", ""), start, end))
            continue
        for piece in _PIECE_RE.findall(normalize_text(raw)):
            for word in _expand(piece.strip("'")):
                if word:
                    tokens.append(_Token(word, start, end))
    ellipses = tuple(m.start() for m in _ELLIPSIS_RE.finditer(text))
    return tuple(_merge_numbers(tokens)), ellipses


def quote_text(value: object) -> str:
    """The words of a quote given as ``str``, :class:`~filmlore.Text` or
    :class:`~filmlore.Quote`."""
    if isinstance(value, str):
        return value
    if isinstance(value, Text):
        return value.text
    if isinstance(value, Quote):
        return value.text
    raise TypeError(f"a quote is a str, Text or Quote, not {type(value).__name__}")


# --- alignment ------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Alignment:
    """Two texts' tokens and the blocks of words they share, with the resulting kind."""

    reference: str
    candidate: str
    ref_tokens: tuple[_Token, ...]
    cand_tokens: tuple[_Token, ...]
    blocks: tuple[tuple[int, int, int], ...]  # (reference index, candidate index, size)
    edits: tuple[tuple[str, int, int, int, int], ...]  # opcodes other than "equal"
    ref_ellipses: tuple[int, ...]
    cand_ellipses: tuple[int, ...]
    kind: QuoteKind
    similarity: float
    framed: bool  # a truncation with words of the candidate's own around it

    @property
    def matched(self) -> int:
        return sum(size for _, _, size in self.blocks)

    def spans(self) -> tuple[tuple[Span, Span], ...]:
        out = []
        for r, c, size in self.blocks:
            rs = (self.ref_tokens[r].start, self.ref_tokens[r + size - 1].end)
            cs = (self.cand_tokens[c].start, self.cand_tokens[c + size - 1].end)
            out.append((rs, cs))
        return tuple(out)


def _gaps(n: int, starts: Sequence[tuple[int, int]]) -> tuple[int, int, int]:
    """Unmatched words before, between and after the matched runs of a text of ``n`` words."""
    if not starts:
        return n, 0, 0
    head = starts[0][0]
    tail = n - (starts[-1][0] + starts[-1][1])
    matched = sum(size for _, size in starts)
    return head, n - matched - head - tail, tail


def align(reference: str, candidate: str) -> Alignment:
    """Align two texts word by word and say how the candidate stands to the reference."""
    ref_tokens, ref_ellipses = _tokenize(reference)
    cand_tokens, cand_ellipses = _tokenize(candidate)
    ref_words = [t.word for t in ref_tokens]
    cand_words = [t.word for t in cand_tokens]
    if ref_words == cand_words:
        blocks: tuple[tuple[int, int, int], ...] = ((0, 0, len(ref_words)),) if ref_words else ()
        edits: tuple[tuple[str, int, int, int, int], ...] = ()
    else:
        indel = Indel
        opcodes = indel.opcodes(ref_words, cand_words)
        blocks = _trim(
            [
                (op.src_start, op.dest_start, op.src_end - op.src_start)
                for op in opcodes
                if op.tag == "equal" and op.src_end > op.src_start
            ],
            ref_tokens,
            cand_tokens,
        )
        edits = _edits(blocks, len(ref_words), len(cand_words))
    n_r, n_c = len(ref_words), len(cand_words)
    matched = sum(size for _, _, size in blocks)
    similarity = 1.0 if n_r + n_c == 0 else 2.0 * matched / (n_r + n_c)
    r_head, r_mid, r_tail = _gaps(n_r, [(r, s) for r, _, s in blocks])
    c_head, c_mid, c_tail = _gaps(n_c, [(c, s) for _, c, s in blocks])
    framed = False
    if n_r == n_c == matched:
        kind = QuoteKind.EXACT
    elif matched == 0:
        kind = QuoteKind.DIFFERENT
    elif matched == n_c and matched >= min(3, n_r):
        if r_mid == 0:
            kind = QuoteKind.TRUNCATED
        elif min(s for _, _, s in blocks) >= 2 or cand_ellipses:
            kind = QuoteKind.ELIDED
        else:
            kind = _reworded(similarity, ref_words, cand_words)
    elif matched == n_r and matched >= min(3, n_c):
        if c_mid == 0 or min(s for _, _, s in blocks) >= 2:
            kind = QuoteKind.EXTENDED
        else:
            kind = _reworded(similarity, ref_words, cand_words)
    elif (
        r_mid == 0
        and c_mid == 0
        and not (r_head and c_head)
        and not (r_tail and c_tail)
        and matched >= 4
        and 3 * matched >= min(n_r, n_c)
        and not _reuses(ref_words, cand_words, blocks)
    ):
        kind = QuoteKind.TRUNCATED
        framed = True
    else:
        kind = _reworded(similarity, ref_words, cand_words)
    return Alignment(
        reference=reference,
        candidate=candidate,
        ref_tokens=ref_tokens,
        cand_tokens=cand_tokens,
        blocks=blocks,
        edits=edits,
        ref_ellipses=ref_ellipses,
        cand_ellipses=cand_ellipses,
        kind=kind,
        similarity=round(similarity, 6),
        framed=framed,
    )


def _trim(
    blocks: list[tuple[int, int, int]],
    ref_tokens: Sequence[_Token],
    cand_tokens: Sequence[_Token],
) -> tuple[tuple[int, int, int], ...]:
    """Matched runs shrunk so that none starts or ends inside a written word that is
    partly unmatched: in ``don't`` against ``to not``, only ``not`` of ``do not`` would
    match, and the whole of ``Don't`` is better shown as replaced."""
    matched_r = {r + k for r, _, size in blocks for k in range(size)}
    matched_c = {c + k for _, c, size in blocks for k in range(size)}

    def split(tokens: Sequence[_Token], i: int, j: int, matched: set[int]) -> bool:
        """True when tokens i and j come from one written word and j is unmatched."""
        if not 0 <= j < len(tokens) or j in matched:
            return False
        return (tokens[i].start, tokens[i].end) == (tokens[j].start, tokens[j].end)

    out: list[tuple[int, int, int]] = []
    for r, c, size in blocks:
        while size > 0 and (
            split(ref_tokens, r, r - 1, matched_r) or split(cand_tokens, c, c - 1, matched_c)
        ):
            matched_r.discard(r)
            matched_c.discard(c)
            r, c, size = r + 1, c + 1, size - 1
        while size > 0 and (
            split(ref_tokens, r + size - 1, r + size, matched_r)
            or split(cand_tokens, c + size - 1, c + size, matched_c)
        ):
            matched_r.discard(r + size - 1)
            matched_c.discard(c + size - 1)
            size -= 1
        if size > 0:
            out.append((r, c, size))
    return tuple(out)


def _edits(
    blocks: Sequence[tuple[int, int, int]], n_r: int, n_c: int
) -> tuple[tuple[str, int, int, int, int], ...]:
    """The gaps around matched runs as edits: ``delete``, ``insert`` or ``replace``."""
    out: list[tuple[str, int, int, int, int]] = []
    r_prev = c_prev = 0
    for r, c, size in [*blocks, (n_r, n_c, 0)]:
        if r > r_prev or c > c_prev:
            tag = "replace" if r > r_prev and c > c_prev else ("delete" if r > r_prev else "insert")
            out.append((tag, r_prev, r, c_prev, c))
        r_prev, c_prev = r + size, c + size
    return tuple(out)


def _unmatched(words: Sequence[str], starts: Sequence[tuple[int, int]]) -> Counter[str]:
    """The words of a text outside the matched runs ``(start, size)``."""
    inside = {k for start, size in starts for k in range(start, start + size)}
    return Counter(w for k, w in enumerate(words) if k not in inside)


def _reuses(
    ref_words: Sequence[str], cand_words: Sequence[str], blocks: Sequence[tuple[int, int, int]]
) -> bool:
    """True when the candidate's own words are largely the line's left-out words, moved:
    then it rewords the line rather than framing a part of it."""
    extra = _unmatched(cand_words, [(c, size) for _, c, size in blocks])
    missing = _unmatched(ref_words, [(r, size) for r, _, size in blocks])
    moved = sum((extra & missing).values())
    return moved >= 2 and 3 * moved >= sum(extra.values())


def _reworded(similarity: float, ref_words: Sequence[str], cand_words: Sequence[str]) -> QuoteKind:
    """A paraphrase when the words largely agree, in order or not; else a different line."""
    if similarity >= 0.5:
        return QuoteKind.PARAPHRASE
    shared = sum((Counter(ref_words) & Counter(cand_words)).values())
    total = len(ref_words) + len(cand_words)
    return QuoteKind.PARAPHRASE if total and 2 * shared >= 0.5 * total else QuoteKind.DIFFERENT


# --- reasons --------------------------------------------------------------------------------


def _phrase(text: str, tokens: Sequence[_Token], i: int, j: int) -> str:
    """The words ``tokens[i:j]`` as written in ``text``, shortened in the middle if long."""
    if j <= i:
        return "''"
    if j - i > 9:
        head = text[tokens[i].start : tokens[i + 3].end]
        tail = text[tokens[j - 3].start : tokens[j - 1].end]
        return f"'{head} … {tail}'"
    return f"'{text[tokens[i].start : tokens[j - 1].end]}'"


def _edit_phrases(al: Alignment) -> list[str]:
    """Edits as words: 'replaces X with Y', 'leaves out X', 'adds Y'."""
    out: list[str] = []
    for tag, r0, r1, c0, c1 in al.edits:
        old = _phrase(al.reference, al.ref_tokens, r0, r1)
        new = _phrase(al.candidate, al.cand_tokens, c0, c1)
        if tag == "replace":
            out.append(f"replaces {old} with {new}")
        elif tag == "delete":
            out.append(f"leaves out {old}")
        else:
            out.append(f"adds {new}")
    return out


def _reason(al: Alignment) -> str:
    n_r, n_c = len(al.ref_tokens), len(al.cand_tokens)
    m = al.matched
    kind = al.kind
    if kind is QuoteKind.EXACT:
        if al.reference == al.candidate:
            return "the candidate is the reference, character for character"
        return (
            "the same words; only punctuation, case, spelling, contractions or number words differ"
        )
    if kind is QuoteKind.DIFFERENT:
        return f"not the same line: the candidate shares only {m} of the {n_r} words of the line"
    blocks = al.blocks
    first_r, first_c, _ = blocks[0]
    last_r, last_c, last_size = blocks[-1]
    marked = " (marked with an ellipsis)" if al.cand_ellipses else ""
    if kind is QuoteKind.TRUNCATED and not al.framed:
        pieces = []
        end = last_r + last_size
        if first_r > 0:
            head = _phrase(al.reference, al.ref_tokens, 0, first_r)
            pieces.append(f"leaves out the beginning {head}")
        if end < n_r:
            last_words = _phrase(al.reference, al.ref_tokens, max(first_r, end - 3), end)
            left_out = _phrase(al.reference, al.ref_tokens, end, n_r)
            pieces.append(f"stops after {last_words}, leaving out {left_out}")
        return "the candidate " + " and ".join(pieces) + marked
    if kind is QuoteKind.TRUNCATED:
        shared = _phrase(al.reference, al.ref_tokens, first_r, last_r + last_size)
        own = []
        if first_c > 0:
            own.append(f"a lead-in {_phrase(al.candidate, al.cand_tokens, 0, first_c)}")
        if last_c + last_size < n_c:
            own.append(
                f"a continuation {_phrase(al.candidate, al.cand_tokens, last_c + last_size, n_c)}"
            )
        return f"the candidate quotes only {shared} of the line, with " + " and ".join(own)
    if kind is QuoteKind.ELIDED:
        gaps = [
            _phrase(al.reference, al.ref_tokens, r0 + s0, r1)
            for (r0, _, s0), (r1, _, _) in itertools.pairwise(blocks)
            if r1 > r0 + s0
        ]
        cut = "marked with an ellipsis" if al.cand_ellipses else "without marking the cut"
        return f"the candidate leaves out {' and '.join(gaps)} from inside the line, {cut}"
    if kind is QuoteKind.EXTENDED:
        pieces = []
        if first_c > 0:
            pieces.append(f"adds the lead-in {_phrase(al.candidate, al.cand_tokens, 0, first_c)}")
        if last_c + last_size < n_c:
            pieces.append(
                f"continues with {_phrase(al.candidate, al.cand_tokens, last_c + last_size, n_c)}"
            )
        inside = [
            _phrase(al.candidate, al.cand_tokens, c0 + s0, c1)
            for (_, c0, s0), (_, c1, _) in itertools.pairwise(blocks)
            if c1 > c0 + s0
        ]
        if inside:
            pieces.append(f"inserts {' and '.join(inside)}")
        return "the candidate keeps every word of the line and " + " and ".join(pieces)
    edits = _edit_phrases(al)[:4]
    shown = edits[0] if len(edits) == 1 else ", ".join(edits[:-1]) + " and " + edits[-1]
    return f"reworded: the candidate shares {m} of the {n_r} words of the line but {shown}"
