"""Tests for the everyday words around amounts: hedges kept as written ("only 90 minutes",
"almost 3 hours", "90 minutes or so"), the hedge family made consistent ("just over" mirrors
"just under"), and words that are not amounts ("low-budget") refused with a suggestion."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import filmlore
from filmlore import (
    Claim,
    Duration,
    EntityRef,
    FieldError,
    Hedge,
    Money,
    ParseError,
    Quantity,
    Verdict,
    compare,
    parse_quantity,
)
from filmlore.testing import durations, money, quantities

D = Decimal

# Every word for each hedge, as the documented table lists them.
WORDS: dict[Hedge, tuple[str, ...]] = {
    Hedge.EXACT: ("exactly", "precisely", "only", "just", "merely", "a mere", "all of",
                  "a whopping"),
    Hedge.ABOUT: ("about", "around", "approximately", "approx.", "roughly", "some", "circa",
                  "c.", "ca.", "an estimated", "more or less"),
    Hedge.NEARLY: ("nearly", "almost", "close to", "not quite", "just under", "a little under",
                   "slightly under", "just shy of"),
    Hedge.JUST_OVER: ("just over", "a little over", "slightly over", "a little more than"),
    Hedge.BARELY: ("barely", "only just", "hardly"),
    Hedge.OVER: ("over", "more than", "upwards of", "well over", "in excess of", "north of"),
    Hedge.UNDER: ("under", "less than", "fewer than", "below", "well under"),
    Hedge.AT_LEAST: ("at least", "no less than", "no fewer than", "a minimum of"),
    Hedge.AT_MOST: ("at most", "up to", "no more than", "as many as", "as much as",
                    "a maximum of"),
}  # fmt: skip
AFTER: dict[str, Hedge] = {
    "or so": Hedge.ABOUT,
    "or more": Hedge.AT_LEAST,
    "or less": Hedge.AT_MOST,
    "or fewer": Hedge.AT_MOST,
}
PAIRS = [(word, hedge) for hedge, words in WORDS.items() for word in words]


# -- the words of the family ------------------------------------------------------------------


@pytest.mark.parametrize(("word", "hedge"), PAIRS)
def test_every_word_reads_as_its_hedge_and_is_kept_as_written(word: str, hedge: Hedge) -> None:
    """Each word before an amount gives its hedge; the word is kept, printed and read back."""
    assert Hedge.from_phrase(word) is hedge
    for value in (
        Duration.parse(f"{word} 90 minutes"),
        Money.parse(f"{word} $60 million"),
        Quantity.parse(f"{word} 40 screens"),
    ):
        assert value.hedge is hedge
        assert value.written_hedge == word
        assert value.wording == (None if word == hedge.phrase else word)
        assert str(value).startswith(word + " ")
        assert parse_quantity(str(value)) == value


@pytest.mark.parametrize(("word", "hedge"), AFTER.items())
def test_a_hedge_after_the_amount_reads_and_prints_after_it(word: str, hedge: Hedge) -> None:
    """'90 minutes or so' is about 90 minutes, printed with 'or so' after the amount."""
    value = Duration.parse(f"90 minutes {word}")
    assert (value.amount, value.unit, value.hedge, value.wording) == (D(90), "min", hedge, word)
    assert str(value) == f"90 min {word}"
    assert Duration.parse(str(value)) == value
    assert Quantity.parse(f"40 screens, {word}").unit == "screens"


def test_only_90_minutes_is_90_minutes_with_its_word() -> None:
    """'only' adds emphasis, not doubt: the bounds are exactly 90 minutes, the word is kept,
    and it is the same amount as a plain '90 min'."""
    only = Duration.parse("only 90 minutes")
    assert only.hedge is Hedge.EXACT
    assert only.is_exact
    assert only.wording == "only"
    assert only.bounds() == (D(5400), D(5400))
    assert str(only) == "only 90 min"
    assert only != Duration.parse("90 min")
    c = compare(only, Duration.parse("90 min"))
    assert c.verdict is Verdict.SAME
    assert c.score == 1.0


def test_over_60_million_is_a_lower_bound() -> None:
    """'over $60 million' is more than 60 million dollars: bounded below, open above."""
    over = Money.parse("over $60 million")
    assert (over.amount, over.currency, over.hedge) == (D(60_000_000), "USD", Hedge.OVER)
    assert over.bounds() == (D(60_000_000), None)
    assert over.contains(Money.parse("$64 million"))
    assert not over.overlaps(Money.parse("$50 million"))
    assert compare(over, Money.parse("$50 million")).verdict is Verdict.CONFLICT


def test_just_over_mirrors_just_under() -> None:
    """'just under' is up to 15% below the amount and 'just over' up to 15% above it: 2 h 30
    is not 'just over 2 hours', while 'over 2 hours' allows it."""
    assert Hedge.JUST_OVER.interval(D(100)) == (D(100), D(115))
    assert Hedge.NEARLY.interval(D(100)) == (D(85), D(100))
    just_over = Duration.parse("just over 2 hours")
    assert just_over.contains(Duration.parse("123 min"))
    assert not just_over.overlaps(Duration.parse("150 min"))
    assert Duration.parse("over 2 hours").contains(Duration.parse("150 min"))
    assert compare(just_over, Duration.parse("150 min")).verdict is Verdict.CONFLICT


@pytest.mark.parametrize(
    ("text", "hedge", "wording"),
    [
        ("only about 90 minutes", Hedge.ABOUT, "only about"),
        ("just about 2 hours", Hedge.ABOUT, "just about"),
        ("merely under 2 hours", Hedge.UNDER, "merely under"),
        ("Only  About 90 minutes", Hedge.ABOUT, "only about"),
    ],
)
def test_an_emphasis_word_may_lead_a_hedge(text: str, hedge: Hedge, wording: str) -> None:
    """'only about' is about, kept as written (in lower case, single spaces)."""
    value = Duration.parse(text)
    assert (value.hedge, value.wording) == (hedge, wording)
    assert Duration.parse(str(value)) == value


def test_the_tilde_is_kept_against_the_amount() -> None:
    """'~170 min' is about 170 minutes and prints back as written."""
    value = Duration.parse("~170 min")
    assert (value.hedge, value.wording, str(value)) == (Hedge.ABOUT, "~", "~170 min")


def test_two_hedges_are_refused() -> None:
    """A hedge before the amount and another after it is refused: one hedge, not two."""
    with pytest.raises(ParseError, match="one hedge, not two"):
        Duration.parse("about 90 minutes or so")


# -- the wording field ------------------------------------------------------------------------


def test_wording_is_canonical_and_must_fit_its_hedge() -> None:
    """The wording is stored in lower case; the hedge's own word is stored as None; words of
    another hedge are refused."""
    assert Duration(amount=3, unit="h", hedge=Hedge.NEARLY, wording="Almost").wording == "almost"
    assert Duration(amount=3, unit="h", hedge=Hedge.NEARLY, wording="nearly") == Duration(
        amount=3, unit="h", hedge=Hedge.NEARLY
    )
    with pytest.raises(FieldError) as info:
        Duration(amount=3, unit="h", hedge=Hedge.NEARLY, wording="over")
    assert info.value.field == "wording"
    with pytest.raises(FieldError):
        Money(amount=5, currency="USD", wording="perhaps")
    with pytest.raises(FieldError):
        Quantity(amount=5, wording=5)  # type: ignore[arg-type]


def test_with_hedge_drops_the_old_words() -> None:
    """A copy with another hedge prints that hedge's own word, not the source's old one."""
    almost = Duration.parse("almost 3 hours")
    assert str(almost.with_hedge(Hedge.ABOUT)) == "about 3 hours"
    assert almost.with_hedge(Hedge.ABOUT).wording is None


def test_the_repr_shows_the_wording_only_when_kept() -> None:
    """The repr is unchanged for a value in the hedge's own word, and shows a kept wording."""
    assert repr(Duration.parse("nearly 3 hours")) == (
        "Duration(amount=Decimal('3'), unit='h', hedge=<Hedge.NEARLY: 'nearly'>)"
    )
    assert repr(Duration.parse("almost 3 hours")).endswith(", wording='almost')")


def test_a_unit_may_not_end_with_a_hedge() -> None:
    """A unit ending with 'or so' would not read back as itself: refused."""
    with pytest.raises(FieldError, match="does not end with a hedge"):
        Quantity(amount=3, unit="screens or so")


@st.composite
def worded(draw: st.DrawFn) -> Duration | Money | Quantity:
    """A measure with a hedge and any of that hedge's words, before or after the amount."""
    value = draw(st.one_of(durations(), money(), quantities()))
    words = [*WORDS[value.hedge], *(w for w, h in AFTER.items() if h is value.hedge)]
    return attrs.evolve(value, wording=draw(st.sampled_from([None, *words])))


@given(worded())
def test_every_worded_measure_round_trips_through_its_text(
    value: Duration | Money | Quantity,
) -> None:
    """type(x).parse(str(x)) == x and parse_quantity(str(x)) == x, with the wording kept."""
    text = str(value)
    assert type(value).parse(text) == value
    assert parse_quantity(text) == value
    assert value.bounds() == value.with_hedge(value.hedge).bounds()


@given(worded())
def test_wording_never_changes_a_comparison_verdict(value: Duration | Money | Quantity) -> None:
    """A value and the same value in its hedge's own word are the same amount."""
    plain = value.with_hedge(value.hedge)
    c = compare(value, plain)
    assert c.verdict is Verdict.SAME


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml", "toml", "csv"])
@pytest.mark.parametrize("text", ["only 90 min", "almost 3 hours", "90 min or so"])
def test_a_worded_runtime_round_trips_every_format(fmt: str, text: str) -> None:
    """A claim whose runtime keeps the source's words loads back equal from every format."""
    claim = Claim(
        id=EntityRef("claim", "runtime"),
        subject=EntityRef("film", "heat-1995"),
        property="duration",
        value=Duration.parse(text),
        source=EntityRef("source", "blog"),
    )
    written = filmlore.dumps([claim], format=fmt)  # type: ignore[arg-type]
    assert text in written
    assert filmlore.loads(written, format=fmt).claims == (claim,)  # type: ignore[arg-type]


# -- words that are not amounts ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["low-budget", "low budget", "a low budget", "big-budget", "micro-budget", "on a shoestring",
     "a blockbuster", "Low-Budget", "a low-budget film"],
)  # fmt: skip
def test_a_budget_category_is_refused_with_a_suggestion(text: str) -> None:
    """'low-budget' is a category, not a sum: refused, suggesting budget_category or a
    description, wherever money or a quantity is read."""
    for read in (Money.parse, Quantity.parse, parse_quantity):
        with pytest.raises(ParseError) as info:
            read(text)
        message = str(info.value)
        assert "not a category" in message
        assert "budget_category" in message
        assert "description" in message
        assert "$60 million" in message


@pytest.mark.parametrize("text", ["feature-length", "a feature-length film", "short", "lengthy"])
def test_a_length_category_is_refused_with_a_suggestion(text: str) -> None:
    """'feature-length' describes the film, not its running time: refused with a suggestion."""
    with pytest.raises(ParseError) as info:
        Duration.parse(text)
    assert "not a category" in str(info.value)
    assert "description" in str(info.value)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("dozens of screens", "at least 24 screens"),
        ("hundreds of theatres", "at least 200 theatres"),
        ("millions of dollars", "at least 2 million dollars"),
        ("tens of millions of dollars", "at least 20 million dollars"),
    ],
)
def test_a_vague_count_is_refused_with_a_bound_to_write(text: str, suggestion: str) -> None:
    """'dozens of screens' is no number: the error suggests the least it can be, as a bound
    that itself reads."""
    with pytest.raises(ParseError) as info:
        parse_quantity(text)
    assert suggestion in str(info.value)
    assert parse_quantity(suggestion).hedge is Hedge.AT_LEAST


@pytest.mark.parametrize("text", ["a decade", "ten years", "40 days", "two weeks"])
def test_a_span_of_days_or_years_is_not_a_running_time(text: str) -> None:
    """A Duration measures running times: days and years are refused, suggesting a quantity
    or dates."""
    with pytest.raises(ParseError) as info:
        Duration.parse(text)
    assert "10 years" in str(info.value)
    assert "1985/1995" in str(info.value)


def test_a_reason_says_when_only_the_tolerance_makes_an_amount_fit() -> None:
    """97 min is outside 'barely 90 minutes' (81 to 94.5 min) but within a 3% tolerance of
    it: the reason says so instead of claiming it lies within."""
    near = compare(Duration.parse("barely 90 minutes"), Duration.parse("97 min"), tolerance=0.03)
    assert near.verdict is Verdict.COMPATIBLE
    assert "within the tolerance of 3%" in near.reason
    inside = compare(Duration.parse("nearly 3 hours"), Duration.parse("170 min"), tolerance=0.03)
    assert "tolerance" not in inside.reason
    assert "lies within nearly 3 hours" in inside.reason
