"""Quote fidelity: every line the sources quote, and how faithfully each source renders it."""

from __future__ import annotations

from typing import Any

import attrs

from filmlore.compare import CompareContext, QuoteKind, QuoteMatch, compare_quotes, normalize_text
from filmlore.dossier import Dossier
from filmlore.models import Claim, Quote
from filmlore.values.refs import EntityRef

__all__ = ["QuoteLine", "QuoteRendering", "quote_fidelity"]

_SPEAKER_PROPERTIES = ("speaker", "said_by")
_SPEAKER_KINDS = frozenset(("person", "character"))


@attrs.frozen(slots=True, kw_only=True)
class QuoteRendering:
    """One source's rendering of a line: the claim, its words, and how they match the line.

    ``speaker`` is who this source gives the words to (from its own ``speaker`` or
    ``said_by`` claim, or whom the claim is attributed to), when it says.
    """

    claim: EntityRef
    source: EntityRef
    text: str
    match: QuoteMatch
    speaker: EntityRef | None = None
    excerpt: str | None = None

    @property
    def kind(self) -> QuoteKind:
        """How the rendering stands to the line: exact, truncated, paraphrase …"""
        return self.match.kind

    @property
    def similarity(self) -> float:
        """How many words the rendering shares with the line, from 0 to 1."""
        return self.match.similarity

    def to_dict(self) -> dict[str, Any]:
        """The rendering as JSON-ready data."""
        return {
            "claim": str(self.claim),
            "source": str(self.source),
            "text": self.text,
            "fidelity": self.kind.value,
            "similarity": round(self.similarity, 4),
            "reason": self.match.reason,
            "speaker": None if self.speaker is None else str(self.speaker),
            "excerpt": self.excerpt,
        }


@attrs.frozen(slots=True, kw_only=True)
class QuoteLine:
    """A line the sources quote: its best-attested text and every source's rendering of it.

    ``text`` is the dossier's :class:`~filmlore.Quote` text when the line is one of the
    dossier's quotes (``quote`` is then its id), else the rendering most sources give (the
    fullest one when no two sources agree); ``basis`` says which, in words.
    """

    text: str
    basis: str
    renderings: tuple[QuoteRendering, ...]
    quote: EntityRef | None = None
    speaker: EntityRef | None = None

    def to_dict(self) -> dict[str, Any]:
        """The line and its renderings as JSON-ready data."""
        return {
            "quote": None if self.quote is None else str(self.quote),
            "speaker": None if self.speaker is None else str(self.speaker),
            "text": self.text,
            "basis": self.basis,
            "renderings": [r.to_dict() for r in self.renderings],
        }


def _speaker_of(claim: Claim, speakers: dict[tuple[EntityRef, EntityRef], EntityRef]) -> Any:
    """Who ``claim``'s source gives the words to, if it says."""
    given = speakers.get((claim.subject, claim.source))
    if given is not None:
        return given
    if claim.attributed_to is not None:
        return claim.attributed_to
    if claim.subject.kind in _SPEAKER_KINDS:
        return claim.subject
    return None


def _same_line(match: QuoteMatch) -> bool:
    return match.kind is not QuoteKind.DIFFERENT


def _best_attested(claims: list[Claim]) -> tuple[str, str]:
    """The rendering most sources give (the fullest on a tie), and the basis in words."""
    sources: dict[str, set[EntityRef]] = {}
    first: dict[str, str] = {}
    for claim in claims:
        key = normalize_text(str(claim.value))
        sources.setdefault(key, set()).add(claim.source)
        first.setdefault(key, str(claim.value))
    total = len({c.source for c in claims})
    best = max(sources, key=lambda k: (len(sources[k]), len(k)))
    count = len(sources[best])
    if total == 1:
        basis = "the only source's rendering"
    elif count > 1:
        basis = f"given by {count} of {total} sources"
    else:
        basis = f"the fullest of {len(sources)} renderings; no two sources agree"
    return first[best], basis


def quote_fidelity(dossier: Dossier, *, context: Any = None) -> list[QuoteLine]:
    """Every line the dossier's sources quote, with each rendering's fidelity to the line.

    The renderings of a line are the ``quotation`` claims whose subject is one of the
    dossier's quotes, or whose words match one of them and that give it the same speaker;
    other ``quotation`` claims are grouped by speaker and by wording (two renderings are of
    one line unless :func:`~filmlore.compare_quotes` finds them different).  Each rendering
    is compared with the best-attested text of its line -- the dossier's quote when there is
    one, else the rendering most sources give -- and with the speaker its source names, so
    a line given to the wrong character is *misattributed*.  Lines come in the dossier's
    order: its quotes first, then the others as first seen.  ``context`` (a
    :class:`~filmlore.CompareContext`) resolves names; by default the dossier does.

    """
    ctx: CompareContext | Dossier = context if context is not None else dossier
    quotations = dossier.claims_for("quotation")
    speakers: dict[tuple[EntityRef, EntityRef], EntityRef] = {}
    for prop in _SPEAKER_PROPERTIES:
        for claim in dossier.claims_for(prop):
            if isinstance(claim.value, EntityRef):
                speakers.setdefault((claim.subject, claim.source), claim.value)

    by_quote: dict[EntityRef, list[Claim]] = {q.id: [] for q in dossier.quotes}
    loose: list[Claim] = []
    for claim in quotations:
        if claim.subject in by_quote:
            by_quote[claim.subject].append(claim)
        else:
            loose.append(claim)

    # A loose rendering joins one of the dossier's quotes when it gives the same speaker
    # and its words match the line.
    unplaced: list[Claim] = []
    for claim in loose:
        speaker = _speaker_of(claim, speakers)
        home = None
        if speaker is not None:
            for quote in dossier.quotes:
                if _speaks(quote, speaker, dossier) and _same_line(
                    compare_quotes(quote.text, str(claim.value))
                ):
                    home = quote.id
                    break
        if home is None:
            unplaced.append(claim)
        else:
            by_quote[home].append(claim)

    lines: list[QuoteLine] = []
    for quote in dossier.quotes:
        claims = by_quote[quote.id]
        if claims:
            lines.append(
                _line(
                    quote.text,
                    "the dossier's quote",
                    claims,
                    quote.id,
                    quote.speaker,
                    speakers,
                    ctx,
                )
            )

    # The rest: by speaker, then by wording.
    clusters: list[tuple[Any, list[Claim]]] = []
    for claim in unplaced:
        speaker = _speaker_of(claim, speakers)
        for cluster_speaker, members in clusters:
            if cluster_speaker == speaker and _same_line(
                compare_quotes(str(members[0].value), str(claim.value))
            ):
                members.append(claim)
                break
        else:
            clusters.append((speaker, [claim]))
    for speaker, members in clusters:
        text, basis = _best_attested(members)
        lines.append(_line(text, basis, members, None, speaker, speakers, ctx))
    return lines


def _speaks(quote: Quote, speaker: EntityRef, dossier: Dossier) -> bool:
    """Whether ``speaker`` (a character, or a person who plays it) speaks ``quote``."""
    if quote.speaker is None:
        return False
    if quote.speaker == speaker:
        return True
    character = dossier.get(quote.speaker)
    return speaker in getattr(character, "played_by", ())


def _line(
    text: str,
    basis: str,
    claims: list[Claim],
    quote: EntityRef | None,
    speaker: EntityRef | None,
    speakers: dict[tuple[EntityRef, EntityRef], EntityRef],
    context: Any,
) -> QuoteLine:
    renderings = []
    for claim in claims:
        given = _speaker_of(claim, speakers)
        match = compare_quotes(
            text,
            str(claim.value),
            reference_speaker=speaker if given is not None else None,
            candidate_speaker=given if speaker is not None else None,
            context=context,
        )
        renderings.append(
            QuoteRendering(
                claim=claim.id,
                source=claim.source,
                text=str(claim.value),
                match=match,
                speaker=given,
                excerpt=claim.excerpt.text if claim.excerpt is not None else None,
            )
        )
    return QuoteLine(
        text=text, basis=basis, renderings=tuple(renderings), quote=quote, speaker=speaker
    )
