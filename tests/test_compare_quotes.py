"""compare_quotes(): McCauley's thirty-seconds line as the three seed articles render it."""

from __future__ import annotations

import re

import pytest

from filmlore import (
    Character,
    Dossier,
    EntityRef,
    FieldError,
    Person,
    Quote,
    QuoteKind,
    QuoteMatch,
    Text,
    Verdict,
    compare,
    compare_quotes,
)
from tests.conftest import shared_file

#: The line as the film has it.
FILM_LINE = (
    "Don't let yourself get attached to anything you are not willing to walk out on in "
    "thirty seconds flat if you feel the heat around the corner."
)
SEED_000 = (
    "Don’t let yourself get attached to anything you are not willing to walk out on in 30 "
    "seconds flat."
)
SEED_001 = (
    "Don’t let yourself get attached to anything you are not willing to walk out on in 30 "
    "seconds flat if you feel the heat around the corner."
)
SEED_002 = (
    "it’s best to not get attached to anything you are not willing to walk out on in 30 "
    "seconds flat"
)
HEAT = EntityRef("film", "heat-1995")
NEIL = EntityRef("character", "neil-mccauley")
HANNA = EntityRef("character", "vincent-hanna")
DE_NIRO = EntityRef("person", "robert-de-niro")


def test_the_renderings_are_in_the_seed_articles() -> None:
    """The three renderings are quoted verbatim from the seed articles."""
    texts = [
        shared_file("seeds", name).read_text(encoding="utf-8")
        for name in (
            "000_05545e27386137c5.txt",
            "001_b4dc83e880c83c7f.txt",
            "002_d9cd4448f0a58d72.txt",
        )
    ]
    for text, rendering in zip(texts, (SEED_000, SEED_001, SEED_002), strict=True):
        assert rendering in text


def test_seed_001_is_the_line() -> None:
    """'30' for 'thirty' and curly apostrophes do not make the quote different."""
    m = compare_quotes(FILM_LINE, SEED_001)
    assert m.kind is QuoteKind.EXACT
    assert m.similarity == 1.0
    assert "number words" in m.reason


def test_seed_000_is_truncated() -> None:
    """Seed 000 stops after 'flat', leaving out the condition."""
    for reference in (FILM_LINE, SEED_001):
        m = compare_quotes(reference, SEED_000)
        assert m.kind is QuoteKind.TRUNCATED
        assert "leaving out 'if you feel the heat around the corner'" in m.reason
        assert 0.5 < m.similarity < 1.0


def test_seed_002_is_a_paraphrase() -> None:
    """Seed 002 replaces the line's opening imperative with its own words: a paraphrase.

    Every word from 'get attached' to 'flat' is there, but 'Don't let yourself' -- the
    words that make it McCauley's rule -- became the writer's 'it's best to not', so it is
    not the line extended by a lead-in (EXTENDED keeps every word of the line).
    """
    m = compare_quotes(FILM_LINE, SEED_002)
    assert m.kind is QuoteKind.PARAPHRASE
    assert "replaces 'Don't let yourself' with 'it’s best to not'" in m.reason
    assert "leaves out 'if you feel the heat around the corner'" in m.reason
    ((ref_span, cand_span),) = m.spans
    assert FILM_LINE[slice(*ref_span)].startswith("get attached")
    assert SEED_002[slice(*cand_span)] == SEED_002[SEED_002.index("get") :]


def test_spans_point_into_the_texts_as_given() -> None:
    """Spans are character offsets into the original texts, number words included."""
    m = compare_quotes(FILM_LINE, SEED_000)
    ((ref_span, cand_span),) = m.spans
    assert FILM_LINE[slice(*ref_span)].endswith("thirty seconds flat")
    assert SEED_000[slice(*cand_span)] == SEED_000.rstrip(".")
    assert m.matched() == [(FILM_LINE[slice(*ref_span)], SEED_000[slice(*cand_span)])]


@pytest.mark.parametrize(
    ("candidate", "kind"),
    [
        ("Don't let yourself get attached to anything ... if you feel the heat around the "
         "corner.", QuoteKind.ELIDED),
        ("Don't let yourself get attached to anything … if you feel the heat around the "
         "corner.", QuoteKind.ELIDED),
        ("Don't let yourself get attached to anything if you feel the heat around the "
         "corner.", QuoteKind.ELIDED),
        ("As McCauley puts it: " + FILM_LINE, QuoteKind.EXTENDED),
        (FILM_LINE + " And then he walks.", QuoteKind.EXTENDED),
        ("walk out on in thirty seconds flat", QuoteKind.TRUNCATED),
        ("If you feel the heat around the corner, walk out in thirty seconds.",
         QuoteKind.PARAPHRASE),
        ("I don't know how to do anything else.", QuoteKind.DIFFERENT),
        ("", QuoteKind.DIFFERENT),
    ],
)  # fmt: skip
def test_quote_kinds(candidate: str, kind: QuoteKind) -> None:
    """Elided, extended, truncated, paraphrased and different renderings are told apart."""
    assert compare_quotes(FILM_LINE, candidate).kind is kind


def test_elision_marks_are_reported() -> None:
    """A marked elision says so; an unmarked one says the cut is not marked."""
    marked = compare_quotes(FILM_LINE, "Don't let yourself get attached … if you feel the heat")
    assert "marked with an ellipsis" in marked.reason
    unmarked = compare_quotes(FILM_LINE, "Don't let yourself get attached if you feel the heat")
    assert "without marking the cut" in unmarked.reason
    assert len(unmarked.spans) == 2


def test_punctuation_never_counts() -> None:
    """Colons for commas, straight for curly quotes, and case leave a quote exact."""
    a = "Hanna said: “I don’t know how to do anything else.”"
    b = 'hanna said, "I do not know how to do anything else"'
    assert compare_quotes(a, b).kind is QuoteKind.EXACT


def test_misattributed_when_the_speaker_is_wrong() -> None:
    """The right words from the wrong speaker are misattributed; unknown speakers are not."""
    m = compare_quotes(FILM_LINE, SEED_001, reference_speaker="Neil McCauley",
                       candidate_speaker="Vincent Hanna")  # fmt: skip
    assert m.kind is QuoteKind.MISATTRIBUTED
    assert m.speaker_matches is False
    assert "Vincent Hanna, not Neil McCauley" in m.reason
    assert m.words_match
    truncated = compare_quotes(FILM_LINE, SEED_000, reference_speaker="Neil McCauley",
                               candidate_speaker="Hanna")  # fmt: skip
    assert truncated.kind is QuoteKind.MISATTRIBUTED
    assert "truncated" in truncated.reason
    right = compare_quotes(FILM_LINE, SEED_001, reference_speaker="Neil McCauley",
                           candidate_speaker="McCauley")  # fmt: skip
    assert right.kind is QuoteKind.EXACT
    assert right.speaker_matches is True
    unknown = compare_quotes(FILM_LINE, SEED_001, reference_speaker="Neil McCauley")
    assert unknown.kind is QuoteKind.EXACT
    assert unknown.speaker_matches is None


def test_paraphrase_with_the_wrong_speaker_stays_a_paraphrase() -> None:
    """Misattribution is for the right words; a reworded line notes the speaker instead."""
    m = compare_quotes(FILM_LINE, SEED_002, reference_speaker="Neil McCauley",
                       candidate_speaker="Michael Mann")  # fmt: skip
    assert m.kind is QuoteKind.PARAPHRASE
    assert m.speaker_matches is False
    assert "Michael Mann" in m.reason
    assert not m.words_match


def test_speakers_resolve_through_the_dossier() -> None:
    """'De Niro's character' and the actor himself speak McCauley's line; Hanna does not."""
    d = Dossier(
        people=[Person(id=DE_NIRO, name="Robert De Niro")],
        characters=[
            Character(id=NEIL, film=HEAT, name="Neil McCauley", played_by=(DE_NIRO,)),
            Character(id=HANNA, film=HEAT, name="Vincent Hanna"),
        ],
    )
    line = Quote(id=EntityRef("quote", "thirty-seconds"), film=HEAT, text=FILM_LINE, speaker=NEIL)
    ok = compare_quotes(line, SEED_001, candidate_speaker="De Niro's character", context=d)
    assert ok.kind is QuoteKind.EXACT
    assert ok.speaker_matches is True
    actor = compare_quotes(line, SEED_001, candidate_speaker=DE_NIRO, context=d)
    assert actor.speaker_matches is True
    wrong = compare_quotes(line, SEED_001, candidate_speaker=HANNA, context=d)
    assert wrong.kind is QuoteKind.MISATTRIBUTED
    assert "Vincent Hanna" in wrong.reason
    assert "Neil McCauley" in wrong.reason


def test_quote_match_repr_and_validation() -> None:
    """QuoteMatch has a readable repr and checks its similarity."""
    m = compare_quotes(FILM_LINE, SEED_000)
    assert repr(m).startswith("<QuoteMatch truncated, similarity 0.8")
    with pytest.raises(FieldError, match="similarity"):
        QuoteMatch(kind=QuoteKind.EXACT, similarity=2.0, spans=(), reason="x")
    with pytest.raises(TypeError):
        compare_quotes(FILM_LINE, 30)  # type: ignore[arg-type]


def test_compare_quote_kind_verdicts() -> None:
    """As values of kind 'quote': the fuller rendering refines; a paraphrase conflicts."""
    exact = compare(FILM_LINE, SEED_001, kind="quote")
    assert exact.verdict is Verdict.SAME
    truncated = compare(FILM_LINE, SEED_000, kind="quote")
    assert (truncated.verdict, truncated.refines) == (Verdict.COMPATIBLE, "a")
    assert compare(SEED_000, FILM_LINE, kind="quote").refines == "b"
    paraphrase = compare(Text(FILM_LINE), Text(SEED_002), kind="quote")
    assert paraphrase.verdict is Verdict.CONFLICT
    assert "reworded" in paraphrase.reason
    different = compare(FILM_LINE, "I don't know how to do anything else.", kind="quote")
    assert different.verdict is Verdict.CONFLICT
    assert different.score < paraphrase.score


def test_number_words_in_longer_numbers() -> None:
    """Compound number words read as one number."""
    a = "in twenty five seconds, a hundred and two times"
    b = "in 25 seconds, 102 times"
    assert compare_quotes(a, b).kind is QuoteKind.EXACT
    assert compare_quotes("twenty-five", "25").kind is QuoteKind.EXACT


def test_contractions_are_spelt_out() -> None:
    """'don't' matches 'do not', 'it's' matches 'it is', 'can't' matches 'cannot'."""
    m = compare_quotes("It's what I do, I can't stop", "it is what I do, I cannot stop")
    assert m.kind is QuoteKind.EXACT


def test_every_quote_in_the_seeds_aligns_with_itself() -> None:
    """Each quoted passage of the seed articles is exact against itself, and spans cover it."""
    text = shared_file("seeds", "002_d9cd4448f0a58d72.txt").read_text(encoding="utf-8")
    quotes = re.findall(r"“([^”]{20,})”", text)
    assert len(quotes) >= 5
    for q in quotes:
        m = compare_quotes(q, q)
        assert m.kind is QuoteKind.EXACT
        assert m.spans[0][0][0] == 0


def test_quote_models_compare_as_quotes() -> None:
    """A Quote model and a rendering of it compare under the quote kind by inference."""
    line = Quote(id=EntityRef("quote", "thirty-seconds"), film=HEAT, text=FILM_LINE)
    c = compare(line, Text(SEED_000))
    assert (c.verdict, c.refines) == (Verdict.COMPATIBLE, "a")
    assert compare(Text(SEED_001), line).verdict is Verdict.SAME
