"""compare(): verdicts, the Comparison type, dates, quantities, references and the registry."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

import filmlore
from filmlore import (
    CompareContext,
    Comparison,
    DateInterval,
    Duration,
    EntityRef,
    FieldError,
    Money,
    PartialDate,
    Quantity,
    Text,
    ValueKind,
    Verdict,
    compare,
    parse_date,
    register_comparator,
    register_kind,
)

SAME, COMPATIBLE, CONFLICT, UNRELATED = (
    Verdict.SAME,
    Verdict.COMPATIBLE,
    Verdict.CONFLICT,
    Verdict.UNRELATED,
)


def d(text: str) -> PartialDate | DateInterval:
    """A date or interval from text."""
    return parse_date(text)


def dur(text: str) -> Duration:
    """A duration from text."""
    return Duration.parse(text)


# --- the result type --------------------------------------------------------------------------


def test_comparison_validates_its_fields() -> None:
    """Scores lie in [0, 1], reasons are sentences, and only COMPATIBLE has a direction."""
    with pytest.raises(FieldError, match="score"):
        Comparison(verdict=SAME, score=1.5, reason="x")
    with pytest.raises(FieldError, match="reason"):
        Comparison(verdict=SAME, score=1.0, reason=" ")
    with pytest.raises(FieldError, match="refines"):
        Comparison(verdict=SAME, score=1.0, reason="x", refines="a")
    with pytest.raises(FieldError, match="refines"):
        Comparison(verdict=COMPATIBLE, score=1.0, reason="x", refines="c")  # type: ignore[arg-type]
    with pytest.raises(FieldError, match="verdict"):
        Comparison(verdict="same", score=1.0, reason="x")  # type: ignore[arg-type]
    assert Comparison(verdict=SAME, score=1, reason="x").score == 1.0


def test_swapped_flips_only_the_direction() -> None:
    """swapped() keeps verdict, score and reason and points refines at the other side."""
    c = Comparison(verdict=COMPATIBLE, score=0.8, reason="1995-12-15 lies within 1995", refines="b")
    s = c.swapped()
    assert (s.verdict, s.score, s.reason, s.refines) == (COMPATIBLE, 0.8, c.reason, "a")
    assert s.swapped() == c
    overlap = Comparison(verdict=COMPATIBLE, score=0.6, reason="overlap")
    assert overlap.swapped() is overlap


def test_comparison_repr_is_readable() -> None:
    """The repr names the verdict, the direction, the score and the reason."""
    c = compare(d("1989"), d("1989-04-30"))
    assert repr(c) == (
        "<Comparison compatible, b refines a, score 0.80: "
        "1989-04-30 lies within 1989: the day refines the year>"
    )


def test_verdict_agrees() -> None:
    """SAME and COMPATIBLE agree; CONFLICT and UNRELATED do not."""
    assert [v.agrees for v in Verdict] == [True, True, False, False]
    assert compare(d("1989"), d("1989-04")).agrees
    assert not compare(d("1989"), d("1990")).agrees


def test_equal_values_take_the_fast_path() -> None:
    """Equal values return the one shared identical result without any work."""
    first = compare(Text("Heat"), Text("Heat"))
    assert first.verdict is SAME
    assert first.score == 1.0
    assert compare(dur("170 min"), dur("170 min")) is first
    assert compare(EntityRef("film", "heat-1995"), EntityRef("film", "heat-1995")) is first


def test_different_kinds_are_unrelated() -> None:
    """A date and a duration, or a duration and a count, cannot agree or disagree."""
    assert compare(dur("2 h"), d("1995")).verdict is UNRELATED
    assert compare(dur("2 h"), Quantity.parse("2 screens")).verdict is UNRELATED
    assert compare(1, True).verdict is UNRELATED


def test_kind_reads_text() -> None:
    """With a kind, text is read as a value of that kind."""
    assert compare("1989", "1989-04-30", kind="date").refines == "b"
    assert compare("nearly 3 hours", "170 min", kind="duration").refines == "b"
    assert compare("film:heat-1995", EntityRef("film", "heat-1995"), kind="ref").verdict is SAME
    assert compare(datetime.date(1995, 12, 15), "1995", kind="date").refines == "a"


def test_unknown_kind_is_refused() -> None:
    """An unregistered kind name is a LookupError naming the known kinds."""
    with pytest.raises(LookupError, match="duration"):
        compare("a", "b", kind="no-such-kind")


def test_bad_context_is_refused() -> None:
    """A context must be a CompareContext, a Dossier or None."""
    with pytest.raises(TypeError, match="context"):
        compare(Text("a"), Text("b"), context={"aliases": {}})  # type: ignore[arg-type]


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "verdict", "refines"),
    [
        ("1989", "1989-04-30", COMPATIBLE, "b"),
        ("1989-04-30", "1989", COMPATIBLE, "a"),
        ("1995-12", "1995-12-15", COMPATIBLE, "b"),
        ("1989", "1990", CONFLICT, None),
        ("1995-12-15", "1995-12-14", CONFLICT, None),
        ("1995", "1995/1995", SAME, None),
        ("1993~/1997~", "1996/1999", COMPATIBLE, None),
        ("1989/1992", "1995/1999", CONFLICT, None),
        ("../1995", "1990", COMPATIBLE, "b"),
        ("1995~", "1996", COMPATIBLE, None),
        ("1995", "1995~", COMPATIBLE, "a"),
        ("1995", "1997~", CONFLICT, None),
    ],
)
def test_dates_by_precision_and_overlap(
    a: str, b: str, verdict: Verdict, refines: str | None
) -> None:
    """Partial dates: the more precise one refines, overlaps agree, disjoint spans conflict."""
    c = compare(d(a), d(b))
    assert (c.verdict, c.refines) == (verdict, refines), c


def test_date_reasons_say_why() -> None:
    """Date reasons name the dates and the precision."""
    assert "the day refines the year" in compare(d("1989"), d("1989-04-30")).reason
    assert compare(d("1989"), d("1990")).reason == "1989 and 1990 are different years"
    assert "about 5 years apart" in compare(d("1989"), d("1995/1999")).reason


def test_uncertain_dates_score_lower() -> None:
    """An uncertain date agrees as before, with less confidence."""
    sure = compare(d("1995"), d("1995-12-15"))
    unsure = compare(d("1995?"), d("1995-12-15"))
    assert unsure.verdict is sure.verdict
    assert unsure.score < sure.score


def test_closer_conflicting_dates_score_higher() -> None:
    """A conflict between neighbouring years scores higher than one between distant years."""
    assert compare(d("1989"), d("1990")).score > compare(d("1989"), d("1999")).score


# --- quantities -------------------------------------------------------------------------------


def test_hedged_intervals() -> None:
    """'nearly 3 hours' holds 170 min, which refines it; 'barely 90 minutes' does not."""
    epic = compare(dur("nearly 3 hours"), dur("170 min"))
    assert (epic.verdict, epic.refines) == (COMPATIBLE, "b")
    assert "170 min lies within nearly 3 hours" in epic.reason
    assert compare(dur("barely 90 minutes"), dur("170 min")).verdict is CONFLICT


def test_durations_compare_in_seconds() -> None:
    """3 hours and 180 minutes are one amount; 2:50 and 170 min too."""
    assert compare(dur("3 h"), dur("180 min")).verdict is SAME
    assert compare(dur("2:50"), dur("10200 s")).verdict is SAME


def test_tolerance_makes_close_runtimes_the_same() -> None:
    """Within the relative tolerance two runtimes are SAME with a score below 1."""
    close = compare(dur("170 min"), dur("171 min"), tolerance=0.03)
    assert close.verdict is SAME
    assert 0.5 < close.score < 1.0
    assert "within the tolerance of 3%" in close.reason
    assert compare(dur("170 min"), dur("171 min")).verdict is CONFLICT
    far = compare(dur("170 min"), dur("188 min"), tolerance=0.03)
    assert far.verdict is CONFLICT
    assert "more than the tolerance" in far.reason


def test_tolerance_widens_intervals() -> None:
    """A tolerance lets a value just outside a hedged interval still fall within it."""
    assert compare(dur("under 2 h"), dur("121 min")).verdict is CONFLICT
    assert compare(dur("under 2 h"), dur("121 min"), tolerance=0.03).refines == "b"


@pytest.mark.parametrize("bad", [1.0, -0.1, True, "0.03"])
def test_tolerance_must_be_relative(bad: object) -> None:
    """A tolerance is a number in [0, 1)."""
    with pytest.raises((ValueError, TypeError)):
        compare(dur("170 min"), dur("171 min"), tolerance=bad)  # type: ignore[arg-type]


def test_currencies_are_not_converted() -> None:
    """Different currencies are unrelated, unless both sums are nothing."""
    assert compare(Money.parse("$60 million"), Money.parse("€60 million")).verdict is UNRELATED
    zero = compare(Money(amount=Decimal(0), currency="USD"), Money(amount=0, currency="EUR"))
    assert zero.verdict is SAME


def test_money_hedges_and_budgets() -> None:
    """About $60 million holds $64 million; $60 million and $64 million conflict."""
    assert compare(Money.parse("about $60 million"), Money.parse("$64 million")).refines == "b"
    assert compare(Money.parse("$60 million"), Money.parse("$64 million")).verdict is CONFLICT
    assert (
        compare(Money.parse("$60 million"), Money.parse("$64 million"), tolerance=0.1).verdict
        is SAME
    )


def test_quantities_need_one_unit() -> None:
    """Counts of different things are unrelated; singular and plural are one unit."""
    assert compare(Quantity.parse("40 screens"), Quantity.parse("40 theatres")).verdict is UNRELATED
    assert compare(Quantity.parse("about 40 screens"), Quantity.parse("42 screen")).refines == "b"


def test_open_intervals_overlap() -> None:
    """'over 2 hours' and 'about 3 hours' overlap without either refining the other."""
    c = compare(dur("over 2 hours"), dur("about 3 hours"))
    assert (c.verdict, c.refines) == (COMPATIBLE, "b") or (c.verdict, c.refines) == (
        COMPATIBLE,
        None,
    )
    assert compare(dur("under 1 hour"), dur("over 2 hours")).verdict is CONFLICT


def test_integers_and_booleans() -> None:
    """Whole numbers use the tolerance; booleans are equal or contradict."""
    assert compare(100, 102, tolerance=0.05).verdict is SAME
    assert compare(100, 102).verdict is CONFLICT
    assert compare(True, False).verdict is CONFLICT
    assert compare(True, True).verdict is SAME


# --- references -------------------------------------------------------------------------------


def test_refs_without_context() -> None:
    """Different references are different entities; different kinds are unrelated."""
    assert compare(EntityRef("film", "heat"), EntityRef("film", "heat-1995")).verdict is CONFLICT
    assert compare(EntityRef("film", "heat"), EntityRef("person", "heat")).verdict is UNRELATED


def test_refs_through_aliases() -> None:
    """Two references the context maps to one entity are the same."""
    pacino, al = EntityRef("person", "pacino"), EntityRef("person", "al-pacino")
    ctx = CompareContext(aliases={pacino: al}, names={al: "Al Pacino"})
    c = compare(pacino, al, context=ctx)
    assert c.verdict is SAME
    assert "Al Pacino" in c.reason


def test_ref_and_name() -> None:
    """A name is compared with the name of the entity a reference points to."""
    al = EntityRef("person", "al-pacino")
    ctx = CompareContext(names={al: "Al Pacino"})
    assert compare(al, Text("Al Pacino"), context=ctx).verdict is SAME
    assert compare(Text("Pacino"), al, context=ctx).verdict in (SAME, COMPATIBLE)
    assert compare(al, Text("Robert De Niro"), context=ctx).verdict is CONFLICT
    unknown = compare(EntityRef("film", "x1"), Text("Heat"))
    assert unknown.verdict is UNRELATED


def test_ref_key_reads_as_a_name() -> None:
    """Without a context, a person's readable key may match a name, never refute one."""
    mann = EntityRef("person", "michael-mann")
    assert compare(mann, Text("Michael Mann")).verdict is SAME
    assert compare(mann, Text("Al Pacino")).verdict is UNRELATED


# --- the registry -----------------------------------------------------------------------------


def test_register_comparator_for_a_new_kind() -> None:
    """A new kind's comparator is used by compare(kind=...), and replacing needs consent."""
    register_kind(
        ValueKind(name="rating_test", types=(str,), parse=str, description="a rating"),
        replace=True,
    )

    def by_first_letter(a: str, b: str, *, context: CompareContext, tolerance: float | None):  # type: ignore[no-untyped-def]
        same = a[:1] == b[:1]
        return Comparison(
            verdict=SAME if same else CONFLICT, score=1.0 if same else 0.0, reason=f"{a} vs {b}"
        )

    assert register_comparator("rating_test", by_first_letter, replace=True) is by_first_letter
    assert compare("R", "Restricted", kind="rating_test").verdict is SAME
    with pytest.raises(ValueError, match="replace=True"):
        register_comparator("rating_test", by_first_letter)
    with pytest.raises(LookupError):
        register_comparator("no-such-kind", by_first_letter)
    with pytest.raises(TypeError):
        register_comparator("rating_test", "nope", replace=True)  # type: ignore[arg-type]


def test_kind_without_comparator_falls_back() -> None:
    """A registered kind without a comparator compares text as text, else by equality."""
    register_kind(ValueKind(name="motto_test", types=(str,), parse=str), replace=True)
    assert compare("Armoured car", "armored car", kind="motto_test").verdict is SAME
    assert compare("heist", "shootout", kind="motto_test").verdict is CONFLICT


def test_public_names_are_exported() -> None:
    """The comparison names are importable from filmlore itself."""
    for name in (
        "compare",
        "compare_claims",
        "compare_quotes",
        "Comparison",
        "Verdict",
        "QuoteMatch",
        "QuoteKind",
        "CompareContext",
        "Taxonomy",
        "normalize_text",
        "register_comparator",
        "Comparator",
    ):
        assert name in filmlore.__all__
        assert getattr(filmlore, name).__doc__
