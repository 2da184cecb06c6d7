"""Properties every comparison keeps: reflexive, symmetric, transitive refinement."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from filmlore import (
    Comparison,
    DateInterval,
    Duration,
    PartialDate,
    Taxonomy,
    Text,
    Verdict,
    compare,
    normalize_text,
)
from filmlore.compare._context import as_context
from filmlore.compare._registry import get_comparator
from filmlore.testing import (
    dates,
    durations,
    entity_refs,
    money,
    partial_dates,
    quantities,
    texts,
)

TEXT_KINDS = ("text", "title", "name", "place", "quote", "category", "assessment")
FLIP = {"a": "b", "b": "a", None: None}

_words = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "Zs", "P", "S")), min_size=1, max_size=40
)
_PHRASES = [
    "Heat",
    "The Heat (1995)",
    "Don't let yourself",
    "get attached to anything",
    "in thirty seconds flat",
    "in 30 seconds flat …",
    "De Niro, Robert;",
    "Al Pacino and Val Kilmer",
    "Lt. Vincent Hanna",
    "Chris",
    "armoured car",
    "armored car",
    "Los Angeles, California, USA",
    "U.S.",
    "police",
    "military",
    "Delta Force",
    "...",
]
_film_words = st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=6).map(" ".join)
_any_text = st.one_of(texts(), _words.map(Text), _film_words.map(Text))


def _check_symmetric(forth: Comparison, back: Comparison) -> None:
    assert back.verdict is forth.verdict, (forth, back)
    assert back.refines == FLIP[forth.refines], (forth, back)
    assert abs(back.score - forth.score) < 1e-9, (forth, back)


def _comparator_on_itself(kind: str, value: Any) -> Comparison:
    """The kind's comparator on a value and an equal copy, past compare()'s fast path."""
    comparator = get_comparator(kind)
    return comparator(value, value, context=as_context(None), tolerance=None)


# --- reflexive --------------------------------------------------------------------------------


@given(st.one_of(dates(), durations(), money(), quantities(), entity_refs(), texts()))
def test_compare_a_value_with_itself_is_same(value: Any) -> None:
    """compare(a, a) is SAME with score 1, for every kind of value."""
    c = compare(value, value)
    assert (c.verdict, c.score) == (Verdict.SAME, 1.0)


@given(st.one_of(dates(), durations(), money(), quantities(), entity_refs(), texts()))
def test_comparators_are_reflexive(value: Any) -> None:
    """Each built-in comparator itself finds a value the same as itself."""
    kinds = {
        PartialDate: "date",
        DateInterval: "date",
        Duration: "duration",
        Text: "text",
    }
    kind = kinds.get(type(value), getattr(value, "kind", None))
    kind = "ref" if kind not in ("date", "duration", "money", "quantity", "text") else kind
    assert _comparator_on_itself(kind, value).verdict is Verdict.SAME


@given(_any_text, st.sampled_from(TEXT_KINDS))
def test_text_kinds_are_reflexive(value: Text, kind: str) -> None:
    """Under every text kind, a text is the same as itself and as an unequal copy of it."""
    assert _comparator_on_itself(kind, value).verdict is Verdict.SAME
    copy = attrs.evolve(value, lang=None if value.lang else "en")
    assert compare(value, copy, kind=kind).verdict is Verdict.SAME


@given(dates())
def test_equal_spans_in_another_form_are_same(value: PartialDate | DateInterval) -> None:
    """A date and the interval from it to itself cover the same days."""
    if isinstance(value, PartialDate):
        assert compare(value, DateInterval(start=value, end=value)).verdict is Verdict.SAME


@given(durations().filter(lambda d: d.unit != "s" and d.amount < 10**20))
def test_durations_in_other_units_are_same(value: Duration) -> None:
    """A duration written in seconds is the same duration."""
    factor = 60 if value.unit == "min" else 3600
    seconds = Duration(amount=value.amount * factor, unit="s", hedge=value.hedge)
    assert compare(value, seconds).verdict is Verdict.SAME


# --- symmetric --------------------------------------------------------------------------------


@given(dates(), dates())
def test_dates_are_symmetric(a: Any, b: Any) -> None:
    """compare(b, a) is compare(a, b) with the direction flipped."""
    _check_symmetric(compare(a, b), compare(b, a))


@given(
    st.one_of(
        st.tuples(durations(), durations()),
        st.tuples(money(), money()),
        st.tuples(quantities(), quantities()),
    ),
    st.sampled_from([None, 0.0, 0.03, 0.5]),
)
def test_quantities_are_symmetric(pair: tuple[Any, Any], tolerance: float | None) -> None:
    """Quantities compare the same way round either way, at any tolerance."""
    a, b = pair
    _check_symmetric(compare(a, b, tolerance=tolerance), compare(b, a, tolerance=tolerance))


@given(entity_refs(), entity_refs())
def test_refs_are_symmetric(a: Any, b: Any) -> None:
    """References compare symmetrically."""
    _check_symmetric(compare(a, b), compare(b, a))


@given(_any_text, _any_text, st.sampled_from(TEXT_KINDS))
def test_text_kinds_are_symmetric(a: Text, b: Text, kind: str) -> None:
    """Every text kind is symmetric up to the direction."""
    _check_symmetric(compare(a, b, kind=kind), compare(b, a, kind=kind))


@given(st.one_of(dates(), durations(), entity_refs(), texts()), st.one_of(money(), quantities()))
def test_mixed_kinds_are_unrelated_both_ways(a: Any, b: Any) -> None:
    """Values of different kinds are unrelated whichever comes first."""
    assert compare(a, b).verdict is Verdict.UNRELATED
    assert compare(b, a).verdict is Verdict.UNRELATED


# --- transitive refinement --------------------------------------------------------------------


def _refines(a: Any, b: Any, kind: str | None = None) -> bool:
    """True when a refines b: compatible, with a the more specific side."""
    c = compare(a, b, kind=kind)
    return c.verdict is Verdict.COMPATIBLE and c.refines == "a"


@given(dates(min_year=1995, max_year=1996), dates(min_year=1995, max_year=1996),
       dates(min_year=1995, max_year=1996))  # fmt: skip
def test_date_refinement_is_transitive(a: Any, b: Any, c: Any) -> None:
    """If a refines b and b refines c, then a refines c (for any dates that do)."""
    if _refines(a, b) and _refines(b, c):
        assert _refines(a, c)


@st.composite
def _contained_dates(draw: st.DrawFn) -> tuple[Any, Any, Any]:
    """Three dates, each spanning the one before: a date, an interval around it, a wider one."""
    a = draw(partial_dates(min_year=1900, max_year=2000))
    lo = draw(partial_dates(min_year=1800, max_year=a.year))
    hi = draw(partial_dates(min_year=a.year, max_year=2100))
    assume(lo.earliest <= a.earliest and a.latest <= hi.latest)
    b = DateInterval(start=lo, end=hi)
    c = draw(
        st.sampled_from(
            [
                DateInterval(start=PartialDate(year=1700), end=None),
                DateInterval(start=None, end=PartialDate(year=2200)),
                DateInterval(start=PartialDate(year=1700), end=PartialDate(year=2200)),
            ]
        )
    )
    return a, b, c


@given(_contained_dates())
def test_contained_dates_refine_transitively(chain: tuple[Any, Any, Any]) -> None:
    """A date within an interval within a wider one refines both."""
    a, b, c = chain
    if _refines(a, b) and _refines(b, c):
        assert _refines(a, c)
    assert compare(a, c).refines == "a"


@st.composite
def _nested_dates(draw: st.DrawFn) -> tuple[PartialDate, PartialDate, PartialDate]:
    """A year, a month in it and a day in that month: each refines the one before."""
    day = draw(partial_dates(min_year=1900, max_year=2000).filter(lambda d: d.day is not None))
    month = PartialDate(year=day.year, month=day.month)
    year = PartialDate(year=day.year, approximate=draw(st.booleans()))
    return PartialDate(year=day.year, month=day.month, day=day.day), month, year


@given(_nested_dates())
def test_nested_dates_refine_transitively(nested: tuple[PartialDate, ...]) -> None:
    """Day refines month refines year, and day refines year."""
    day, month, year = nested
    assert _refines(day, month)
    assert _refines(month, year)
    assert _refines(day, year)


_PLACES = Taxonomy.default_places()
_place_terms = st.sampled_from(sorted(_PLACES))


@st.composite
def _place_paths(draw: st.DrawFn) -> str:
    """A place as a path, most specific first, from a known place and some ancestors."""
    term = draw(_place_terms)
    path = list(reversed(_PLACES.path(term)))
    keep = draw(st.integers(1, len(path)))
    start = draw(st.integers(0, len(path) - keep))
    return ", ".join(path[start : start + keep])


@st.composite
def _branch_triples(draw: st.DrawFn) -> tuple[str, str, str]:
    """Three places on one branch of the hierarchy, each written as a path of some of its
    ancestors or as its name alone; sometimes the third is from anywhere."""
    term = draw(_place_terms.filter(lambda t: len(_PLACES.path(t)) >= 3))
    path = _PLACES.path(term)  # broadest first

    def form(depth: int) -> str:
        start = draw(st.integers(0, depth - 1))
        return ", ".join(reversed(path[start:depth]))

    deep, mid, broad = sorted(
        draw(st.lists(st.integers(1, len(path)), min_size=3, max_size=3)), reverse=True
    )
    c = draw(st.one_of(st.just(form(broad)), _place_paths()))
    return form(deep), form(mid), c


@given(_branch_triples())
def test_place_refinement_is_transitive(triple: tuple[str, str, str]) -> None:
    """If place a lies within b and b within c, a lies within c (for any places that do)."""
    a, b, c = triple
    if _refines(a, b, "place") and _refines(b, c, "place"):
        assert _refines(a, c, "place")


@st.composite
def _chains(draw: st.DrawFn) -> tuple[str, str, str]:
    """Three places, each within the next, from the hierarchy."""
    term = draw(_place_terms.filter(lambda t: len(_PLACES.path(t)) >= 3))
    path = _PLACES.path(term)
    i, j, k = sorted(draw(st.lists(st.integers(0, len(path) - 1), min_size=3, max_size=3,
                                   unique=True)))  # fmt: skip
    return path[k], path[j], path[i]


@given(_chains())
def test_place_chains_refine(chain: tuple[str, str, str]) -> None:
    """Places down one branch of the hierarchy refine each other transitively."""
    a, b, c = chain
    assert _refines(a, b, "place")
    assert _refines(b, c, "place")
    assert _refines(a, c, "place")


# --- normalisation ----------------------------------------------------------------------------


@given(st.one_of(_words, st.text(), _film_words))
def test_normalize_text_is_idempotent(text: str) -> None:
    """Normalising twice changes nothing more."""
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text())
def test_normalize_text_has_no_outer_or_double_spaces(text: str) -> None:
    """Whitespace is trimmed and collapsed."""
    once = normalize_text(text)
    assert once == once.strip()
    assert "  " not in once
