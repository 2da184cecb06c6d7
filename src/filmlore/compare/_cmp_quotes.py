"""Comparing quotes: a rendering with the line, speakers included, and quotes as claim values."""

from __future__ import annotations

from typing import Any

import attrs

from filmlore.compare._cmp_names import same_speaker
from filmlore.compare._context import CompareContext, as_context
from filmlore.compare._quotes import QuoteKind, QuoteLike, Span, _reason, align, quote_text
from filmlore.compare._result import IDENTICAL, Comparison, compatible, conflict, same
from filmlore.compare._show import show, text_of
from filmlore.compare._text import normalize_text
from filmlore.errors import FieldError
from filmlore.models import Quote
from filmlore.values.refs import EntityRef

__all__ = ["QuoteMatch", "compare_quote_values", "compare_quotes"]

_WORDS_MATCH = frozenset(
    {QuoteKind.EXACT, QuoteKind.TRUNCATED, QuoteKind.ELIDED, QuoteKind.EXTENDED}
)


def _check_similarity(instance: QuoteMatch, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, float) or not 0.0 <= value <= 1.0:
        raise FieldError("QuoteMatch", "similarity", "a float from 0 to 1", value)


@attrs.frozen(slots=True, kw_only=True, repr=False)
class QuoteMatch:
    """The alignment of a candidate rendering of a quote with the reference line.

    ``kind`` says how they relate, ``similarity`` (0 to 1) how many words they share,
    ``spans`` which parts match -- pairs of ``(reference span, candidate span)`` in
    character offsets of the texts as given -- and ``reason`` says it in one sentence.
    ``speaker_matches`` is True or False when both speakers were given, else None.

    >>> m = compare_quotes("Don't let yourself get attached to anything.",
    ...                    "don't let yourself get attached")
    >>> m.kind, m.spans
    (<QuoteKind.TRUNCATED: 'truncated'>, (((0, 31), (0, 31)),))
    """

    kind: QuoteKind = attrs.field(validator=attrs.validators.instance_of(QuoteKind))
    similarity: float = attrs.field(validator=_check_similarity)
    spans: tuple[tuple[Span, Span], ...]
    reason: str
    speaker_matches: bool | None = None
    reference: str = attrs.field(default="", repr=False)
    candidate: str = attrs.field(default="", repr=False)

    @property
    def words_match(self) -> bool:
        """True when the candidate keeps the line's own words (exact, truncated, elided,
        extended -- or misattributed, which is one of these with the wrong speaker)."""
        return self.kind in _WORDS_MATCH or self.kind is QuoteKind.MISATTRIBUTED

    def matched(self) -> list[tuple[str, str]]:
        """The matching pieces as text: ``(reference piece, candidate piece)`` pairs."""
        return [(self.reference[r0:r1], self.candidate[c0:c1]) for (r0, r1), (c0, c1) in self.spans]

    def __repr__(self) -> str:
        return f"<QuoteMatch {self.kind.value}, similarity {self.similarity:.2f}: {self.reason}>"


def compare_quote_values(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """Renderings of a quote: the same words are the same; a truncated or elided rendering
    is compatible with the fuller one, which refines it; a paraphrase or a different line
    conflicts, since a quotation claims exact words."""
    ta, tb = text_of(a), text_of(b)
    if ta == tb:
        return IDENTICAL
    al = align(ta, tb)
    n_a, n_b = len(al.ref_tokens), len(al.cand_tokens)
    if n_a < n_b or (n_a == n_b and normalize_text(ta) > normalize_text(tb)):
        return compare_quote_values(b, a, context=context, tolerance=tolerance).swapped()
    reason = _reason(al)
    kind = al.kind
    if kind is QuoteKind.EXACT:
        return same(f"{show(a)} and {show(b)} have the same words", 1.0)
    if kind in (QuoteKind.TRUNCATED, QuoteKind.ELIDED):
        shorter = show(b)
        text = reason.replace("the candidate", shorter, 1)
        if al.framed:
            return compatible(text, None, 0.5 + 0.3 * al.similarity)
        return compatible(text, "a", 0.5 + 0.4 * al.similarity)
    if kind is QuoteKind.EXTENDED:  # only for equal token counts, which cannot happen
        return compatible(reason.replace("the candidate", show(b), 1), "b", 0.8)
    text = reason.replace("the candidate", show(b), 1)
    return conflict(text, 0.5 * al.similarity)


def compare_quotes(
    reference: QuoteLike,
    candidate: QuoteLike,
    *,
    reference_speaker: str | EntityRef | None = None,
    candidate_speaker: str | EntityRef | None = None,
    context: Any = None,
) -> QuoteMatch:
    """How ``candidate`` renders the line ``reference``: exact, truncated, elided,
    extended, a paraphrase, different -- or misattributed, when the words match but the
    speakers do not.

    Words are compared after :func:`~filmlore.normalize_text`, with contractions spelt out
    and number words read as digits, so ``thirty`` matches ``30`` and ``don't`` matches
    ``do not``; punctuation never counts.  ``…`` or ``...`` in the candidate marks an
    elision.  Speakers may be names or references; ``context`` (a
    :class:`~filmlore.CompareContext` or :class:`~filmlore.Dossier`) resolves them, so
    "De Niro's character" is Neil McCauley when the dossier says so.  A
    :class:`~filmlore.Quote` may be passed for either text; its speaker is used when no
    speaker is given.

    >>> line = ("Don't let yourself get attached to anything you are not willing to walk "
    ...         "out on in thirty seconds flat if you feel the heat around the corner.")
    >>> compare_quotes(line, "Don’t let yourself get attached to anything you are not "
    ...                "willing to walk out on in 30 seconds flat.").kind
    <QuoteKind.TRUNCATED: 'truncated'>
    >>> compare_quotes(line, "Don't let yourself get attached to anything … if you feel "
    ...                "the heat around the corner").kind
    <QuoteKind.ELIDED: 'elided'>
    >>> compare_quotes(line, line, reference_speaker="Neil McCauley",
    ...                candidate_speaker="Vincent Hanna").kind
    <QuoteKind.MISATTRIBUTED: 'misattributed'>
    """
    if reference_speaker is None and isinstance(reference, Quote):
        reference_speaker = reference.speaker
    if candidate_speaker is None and isinstance(candidate, Quote):
        candidate_speaker = candidate.speaker
    ref_text, cand_text = quote_text(reference), quote_text(candidate)
    al = align(ref_text, cand_text)
    reason = _reason(al)
    kind = al.kind
    speaker_matches: bool | None = None
    if reference_speaker is not None and candidate_speaker is not None:
        ctx = as_context(context)
        speaker_matches = same_speaker(reference_speaker, candidate_speaker, ctx)
        if speaker_matches is False:
            ref_name = _speaker_name(reference_speaker, ctx)
            cand_name = _speaker_name(candidate_speaker, ctx)
            if kind in _WORDS_MATCH:
                reason = (
                    f"the words match ({kind.value}) but the candidate gives them to "
                    f"{cand_name}, not {ref_name}"
                )
                kind = QuoteKind.MISATTRIBUTED
            else:
                reason += f"; and it gives the words to {cand_name}, not {ref_name}"
    return QuoteMatch(
        kind=kind,
        similarity=float(al.similarity),
        spans=al.spans(),
        reason=reason,
        speaker_matches=speaker_matches,
        reference=ref_text,
        candidate=cand_text,
    )


def _speaker_name(speaker: str | EntityRef, ctx: Any) -> str:
    if isinstance(speaker, EntityRef):
        return str(ctx.name_of(ctx.resolve_ref(speaker)))
    return speaker
