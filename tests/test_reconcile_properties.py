"""Properties every reconciliation keeps, whatever the claims (Hypothesis)."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from filmlore import (
    Claim,
    ClaimTable,
    Duration,
    EntityRef,
    FactStatus,
    Policy,
    Reconciliation,
    Stance,
    Text,
    TruthDiscovery,
    Verdict,
    Vote,
    compare,
    get_property,
    parse_date,
    reconcile,
)

FILMS = [EntityRef("film", k) for k in ("heat-1995", "la-takedown-1989")]
SOURCES = [EntityRef("source", k) for k in ("tmdb", "imdb", "blog", "review", "article")]
RUNTIMES = ["170 min", "171 min", "175 min", "2 h", "nearly 3 hours", "90 min", "barely 90 min"]
GENRES = ["crime", "drama", "thriller", "crime film"]
DATES = ["2004", "2004-08", "2004-08-04", "2004-08-06", "2005"]
POLICIES: list[Policy] = [Vote(), TruthDiscovery()]


@st.composite
def claims(draw: st.DrawFn, *, min_size: int = 0) -> list[Claim]:
    """A small set of runtime, genre and release-date claims about two films from five
    sources."""
    n = draw(st.integers(min_value=min_size, max_value=9))
    out = []
    for i in range(n):
        value: Any
        which = draw(st.integers(0, 2))
        if which == 0:
            prop, value = "duration", Duration.parse(draw(st.sampled_from(RUNTIMES)))
        elif which == 1:
            prop, value = "genre", Text(draw(st.sampled_from(GENRES)))
        else:
            prop, value = "release_date", parse_date(draw(st.sampled_from(DATES)))
        out.append(
            Claim(
                id=EntityRef("claim", f"c{i}"),
                subject=draw(st.sampled_from(FILMS)),
                property=prop,
                value=value,
                source=draw(st.sampled_from(SOURCES)),
                stance=draw(st.sampled_from([Stance.ASSERTS] * 4 + [Stance.HEDGES, Stance.DENIES])),
            )
        )
    return out


def summary(rec: Reconciliation) -> tuple[Any, ...]:
    """What a reconciliation decided, as comparable data."""
    facts = sorted(
        (
            str(f.subject),
            f.property,
            f.printed,
            f.status.value,
            round(f.confidence, 9),
            f.support,
            f.dissent,
            f.explanation,
        )
        for f in rec.facts
    )
    trust = sorted((k, round(v, 9)) for k, v in rec.source_trust.items())
    rejected = sorted((str(f.subject), f.property, f.printed) for f in rec.rejected)
    return facts, trust, rejected, len(rec.conflicts)


@settings(max_examples=60)
@given(claims(), st.randoms(use_true_random=False), st.sampled_from(POLICIES))
def test_the_result_does_not_depend_on_claim_order(
    found: list[Claim], rnd: Any, policy: Policy
) -> None:
    """Shuffling the claims changes no fact, trust or conflict."""
    shuffled = list(found)
    rnd.shuffle(shuffled)
    assert summary(reconcile(shuffled, policy=policy)) == summary(reconcile(found, policy=policy))


@settings(max_examples=60)
@given(claims(min_size=1), st.data(), st.sampled_from(POLICIES))
def test_an_exact_duplicate_claim_changes_nothing(
    found: list[Claim], data: st.DataObject, policy: Policy
) -> None:
    """Adding a claim again, from the same source, leaves the result as it was."""
    again = data.draw(st.sampled_from(found))
    before = summary(reconcile(found, policy=policy))
    assert summary(reconcile([*found, again], policy=policy)) == before


@settings(max_examples=60)
@given(
    st.lists(st.sampled_from(SOURCES), min_size=1, max_size=5),
    st.sampled_from(RUNTIMES),
    st.sampled_from(POLICIES),
)
def test_a_unanimous_value_is_agreed_and_surer_with_more_sources(
    sources: list[EntityRef], runtime: str, policy: Policy
) -> None:
    """Every source giving one value: one fact, agreed (or single-source), no dissent; its
    confidence is below 1, a lone source's no more than that source's trust, and more
    independent sources make it surer."""
    found = [
        Claim(
            id=EntityRef("claim", f"c{i}"),
            subject=FILMS[0],
            property="duration",
            value=Duration.parse(runtime),
            source=s,
        )
        for i, s in enumerate(sources)
    ]
    rec = reconcile(found, policy=policy)
    (fact,) = rec.facts
    expected = FactStatus.AGREED if len(set(sources)) > 1 else FactStatus.SINGLE_SOURCE
    assert fact.status is expected
    assert fact.dissent == ()
    assert 0.5 < fact.confidence < 1.0
    if len(set(sources)) == 1:
        assert fact.confidence <= rec.source_trust[str(sources[0])] + 1e-9
    else:
        (lone,) = reconcile(found[:1], policy=policy).facts
        assert fact.confidence > lone.confidence


@settings(max_examples=40)
@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 4), st.integers(0, 3)), min_size=1, max_size=30
    ),
    st.randoms(use_true_random=False),
    st.sampled_from(POLICIES),
)
def test_the_table_path_does_not_depend_on_row_order(
    rows: list[tuple[int, int, int]], rnd: Any, policy: Policy
) -> None:
    """A claims table's answers and trust do not change when its rows are shuffled."""

    def run(rs: list[tuple[int, int, int]]) -> tuple[Any, Any]:
        table = ClaimTable.from_columns(
            subject=[f"s{r[0]}" for r in rs],
            property="runtime",
            value=[f"{90 + 10 * r[2]} min" for r in rs],
            source=[f"src{r[1]}" for r in rs],
        )
        rec = reconcile(table, policy=policy)
        trust = sorted((k, round(v, 9)) for k, v in rec.source_trust.items())
        return rec.answers(), trust

    shuffled = list(rows)
    rnd.shuffle(shuffled)
    assert run(shuffled) == run(rows)


@settings(max_examples=80)
@given(claims(min_size=2), st.sampled_from(POLICIES))
def test_no_agreed_fact_holds_two_values_compare_calls_a_conflict(
    found: list[Claim], policy: Policy
) -> None:
    """No bridging: whenever compare() calls two values a conflict, no agreed fact has both
    among its supporters (a vague value may back two rivals, which then stay a dispute)."""
    by_id = {str(c.id): c for c in found}
    for fact in reconcile(found, policy=policy).facts:
        if fact.status is not FactStatus.AGREED:
            continue
        prop = get_property(fact.property)
        values = [by_id[s.claim].value for s in fact.supporters]
        for a, b in itertools.combinations(values, 2):
            verdict = compare(a, b, kind=prop.kind, tolerance=prop.tolerance).verdict
            assert verdict is not Verdict.CONFLICT, (fact.explanation, a, b)


@settings(max_examples=60)
@given(claims(min_size=1), st.sampled_from(POLICIES))
def test_a_lone_sources_confidence_is_at_most_its_trust(found: list[Claim], policy: Policy) -> None:
    """A fact only one source speaks to -- nobody else claims, hedges or denies anything
    about that question -- is no surer than that source is trusted."""
    rec = reconcile(found, policy=policy)
    speakers: dict[tuple[str, str], set[str]] = {}
    for c in found:
        prop = get_property(c.property).name
        speakers.setdefault((str(c.subject), prop), set()).add(str(c.source))
    for fact in rec.facts:
        alone = speakers[(str(fact.subject), fact.property)] == set(fact.sources)
        if fact.status is FactStatus.SINGLE_SOURCE and len(fact.sources) == 1 and alone:
            trust = rec.source_trust[fact.sources[0]]
            if isinstance(policy, TruthDiscovery):
                assert fact.confidence <= trust + 1e-4  # equal at the fixed point


@settings(max_examples=60)
@given(claims(), st.sampled_from(POLICIES))
def test_a_dossier_and_its_table_decide_alike(found: list[Claim], policy: Policy) -> None:
    """The same claims as objects and as a ClaimTable give the same facts, conflicts,
    rejected values and trust."""
    by_objects = reconcile(found, policy=policy)
    by_table = reconcile(ClaimTable.from_claims(found), policy=policy)
    assert summary(by_table) == summary(by_objects)
    assert [f.to_dict() for f in by_table.facts] == [f.to_dict() for f in by_objects.facts]
