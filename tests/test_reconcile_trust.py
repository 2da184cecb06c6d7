"""Verdicts to trust: no false agreement, every supporter in its own words, qualifiers kept,
properties that know each other, confidence that means a probability."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

import filmlore
from filmlore import (
    Authority,
    Cardinality,
    Claim,
    ClaimTable,
    Dossier,
    Duration,
    EntityRef,
    FactStatus,
    Money,
    Property,
    Qualifier,
    Source,
    SourceKind,
    Stance,
    Text,
    TruthDiscovery,
    Verdict,
    Vote,
    WeightedVote,
    compare,
    reconcile,
)

FILM = EntityRef("film", "collateral-2004")
_ids = itertools.count()


def claim(prop: str, value: Any, source: str, *, subject: EntityRef = FILM, **extra: Any) -> Claim:
    """A claim with an id of its own from ``source``."""
    quals = extra.pop("qualifiers", {})
    return Claim(
        id=EntityRef("claim", f"t{next(_ids)}"),
        subject=subject,
        property=prop,
        value=value,
        source=EntityRef("source", source),
        qualifiers=[Qualifier(key=k, value=v) for k, v in quals.items()],
        **extra,
    )


def date(text: str) -> Any:
    return filmlore.parse_date(text)


# --- 1. no false agreement by bridging ----------------------------------------------------------


def test_a_year_never_bridges_two_different_days() -> None:
    """2004, 2004, 2004-08-04, 2004-08-06: not "2004, agreed, 1.0" -- the two days are a
    dispute, as compare() says, with the years counted on both sides and shown so."""
    assert compare(date("2004-08-04"), date("2004-08-06")).verdict is Verdict.CONFLICT
    claims = [
        claim("release_date", date("2004"), "a"),
        claim("release_date", date("2004"), "b"),
        claim("release_date", date("2004-08-04"), "c"),
        claim("release_date", date("2004-08-06"), "d"),
    ]
    for policy in (Vote(), TruthDiscovery()):
        rec = reconcile(claims, policy=policy)
        (fact,) = rec.facts
        assert fact.printed in {"2004-08-04", "2004-08-06"}
        assert fact.status is FactStatus.DISPUTED
        assert fact.confidence < 2 / 3
        assert "no source disagrees" not in fact.explanation
        (conflict,) = rec.conflicts
        years = {str(c.id) for c in claims[:2]}
        assert [set(side.shared) for side in conflict.sides] == [years, years]
        assert [s.relation for s in fact.supporters if s.claim in years] == ["coarser"] * 2


def test_amounts_agree_only_as_far_as_compare_says() -> None:
    """$217,764,291 and $220,239,925 differ by 1.1%: for box office (5% tolerance) that is
    agreement within tolerance, said as such; for a property without a tolerance it is a
    dispute -- reconciliation says exactly what compare() says for that property."""
    low, high = Money.parse("$217,764,291"), Money.parse("$220,239,925")
    box = [claim("box_office", low, "movie-industry"), claim("box_office", high, "tmdb-5000")]
    (fact,) = reconcile(box).facts
    assert fact.status is FactStatus.AGREED
    assert "within the tolerance of 5%" in fact.explanation
    strict = Dossier(properties=[Property(name="gross_usa", kind="money")])
    assert compare(low, high, kind="money").verdict is Verdict.CONFLICT
    claims = [claim("gross_usa", low, "movie-industry"), claim("gross_usa", high, "tmdb-5000")]
    (fact,) = reconcile(claims, context=strict).facts
    assert fact.status is FactStatus.DISPUTED
    assert "agree" not in fact.explanation


def test_two_hours_and_123_minutes_are_a_dispute_without_a_tolerance() -> None:
    """A two-row file with "2 hours" and "123 min" under a property with no tolerance is a
    dispute (2.4%), never "agree on 123 min"."""
    strict = Dossier(properties=[Property(name="run_length", kind="duration")])
    claims = [
        claim("run_length", Duration.parse("2 hours"), "a"),
        claim("run_length", Duration.parse("123 min"), "b"),
    ]
    (fact,) = reconcile(claims, context=strict, policy=Vote()).facts
    assert fact.status is FactStatus.DISPUTED
    assert "2.4%" in fact.explanation


# --- 2. every supporter with its own words --------------------------------------------------------


def test_a_source_is_never_credited_with_a_value_it_did_not_give() -> None:
    """Wiki says 92 min, a review "barely 90 minutes": the fact is a value one of them gave,
    each supporter is listed with its own value, and the tolerance is named."""
    claims = [
        claim("duration", Duration.parse("92 min"), "wiki-mirror"),
        claim("duration", Duration.parse("90 min"), "review", stance=Stance.HEDGES),
    ]
    (fact,) = reconcile(claims).facts
    given = {s.source: s.value_text for s in fact.supporters}
    assert given == {"source:wiki-mirror": "92 min", "source:review": "90 min"}
    assert fact.printed in given.values()
    assert "92 min" in fact.explanation
    assert "90 min" in fact.explanation
    assert "within the tolerance of 3%" in fact.explanation
    data = fact.to_dict()
    assert {s["value"] for s in data["supporters"]} == {"92 min", "90 min"}


# --- 3. qualifiers are part of the claim -----------------------------------------------------


def test_a_qualified_rank_disputes_another_rank() -> None:
    """On a one-valued property, ``rank: sergeant {force: LAPD}`` and ``rank: detective``
    are one question and a dispute -- not two single-source facts."""
    hanna = EntityRef("character", "vincent-hanna")
    ranks = Dossier(properties=[Property(name="rank", kind="category", subjects=("character",))])
    claims = [
        claim("rank", Text("sergeant"), "a", subject=hanna, qualifiers={"force": "LAPD"}),
        claim("rank", Text("detective"), "b", subject=hanna),
    ]
    rec = reconcile(claims, context=ranks, policy=Vote())
    (fact,) = rec.facts
    assert fact.status is FactStatus.DISPUTED
    assert len(fact.dissent) == 1
    (conflict,) = rec.conflicts
    assert sorted(s.printed for s in conflict.sides) == ["detective", "sergeant [force: LAPD]"]


def test_a_compatible_qualified_claim_keeps_its_qualifiers() -> None:
    """An air date at 9 p.m. and the same date unqualified: one fact, the time kept on it
    and on its supporter, in the explanation and in to_dict()."""
    claims = [
        claim("release_date", date("2004-08-04"), "a", qualifiers={"time": "9 p.m."}),
        claim("release_date", date("2004-08-04"), "b"),
    ]
    (fact,) = reconcile(claims).facts
    assert [(q.key, q.value) for q in fact.qualifiers] == [("time", "9 p.m.")]
    assert fact.to_dict()["qualifiers"] == {"time": "9 p.m."}
    assert "time: 9 p.m." in fact.explanation
    timed = next(s for s in fact.supporters if s.source == "source:a")
    assert [(q.key, q.value) for q in timed.qualifiers] == [("time", "9 p.m.")]


def test_scopes_of_a_property_are_separate_questions() -> None:
    """Release dates in two countries are two facts, each scoped, neither disputing the
    other."""
    claims = [
        claim("release_date", date("2004-08-06"), "a", qualifiers={"country": "US"}),
        claim("release_date", date("2004-09-29"), "b", qualifiers={"country": "FR"}),
    ]
    rec = reconcile(claims)
    assert sorted(f.to_dict()["qualifiers"]["country"] for f in rec.facts) == ["FR", "US"]
    assert rec.conflicts == ()


# --- 4. confidence says something ---------------------------------------------------------------


def test_a_lone_claim_gets_about_its_sources_trust() -> None:
    """A single source's claim is believed about as far as that source is trusted: a blog's
    less than a database's, never 1."""
    d = Dossier(
        sources=[
            Source(id=EntityRef("source", "blog"), kind=SourceKind.BLOG),
            Source(id=EntityRef("source", "db"), kind=SourceKind.DATABASE),
        ],
        claims=[
            claim("duration", Duration.parse("120 min"), "blog"),
            claim("cost", Money.parse("$60 million"), "db"),
        ],
    )
    rec = reconcile(d)
    blog, db = rec.fact(FILM, "duration"), rec.fact(FILM, "cost")
    assert blog is not None
    assert db is not None
    assert blog.confidence == pytest.approx(rec.source_trust["source:blog"], abs=0.02)
    assert blog.confidence < db.confidence < 1.0


def test_a_lone_day_among_many_years_gets_about_its_sources_trust() -> None:
    """Sources that give only the year back the one source that gives the day, but they
    cannot tell that day from any other of the year: the day is believed about as far as
    its source is trusted, and the year, which all of them back, far more."""
    claims = [claim("release_date", date("2004"), f"y{i}") for i in range(6)]
    claims.append(claim("release_date", date("2004-08-06"), "day"))
    rec = reconcile(claims)
    day = rec.fact(FILM, "release_date")
    assert day is not None
    assert day.value == date("2004-08-06")
    assert day.confidence == pytest.approx(rec.source_trust["source:day"], abs=0.05)
    # a second source giving the same day makes it surer
    again = reconcile([*claims, claim("release_date", date("2004-08-06"), "day2")])
    second = again.fact(FILM, "release_date")
    assert second is not None
    assert second.confidence > day.confidence + 0.05


def test_one_of_one_is_not_twenty_one_of_twenty_one() -> None:
    """Agreement of twenty-one independent sources is surer than a single source."""
    one = reconcile([claim("duration", Duration.parse("120 min"), "s0")]).facts[0]
    many = reconcile(
        [claim("duration", Duration.parse("120 min"), f"s{i}") for i in range(21)]
    ).facts[0]
    assert one.confidence < 0.8 < 0.99 < many.confidence


def test_heat_confidences_differ_and_trust_starts_from_the_kinds() -> None:
    """In Heat, a lone blog remark is less sure than a fact four sources give; an untitled
    article is not trusted at 1, and the director's interviews are not below the blog."""
    heat = filmlore.load(filmlore.example_path("heat"))
    assert isinstance(heat, Dossier)
    rec = reconcile(heat)
    confidences = {round(f.confidence, 2) for f in rec.facts}
    assert len(confidences) > 5
    release = rec.fact(EntityRef("film", "heat-1995"), "release_date")
    lone = next(f for f in rec.facts if f.sources == ("source:crime-epic-blog",) and not f.dissent)
    assert release is not None
    assert lone.confidence < release.confidence
    trust = rec.source_trust
    assert trust["source:coffee-shop-article"] < 0.95
    assert min(trust["source:mann-scraps-from-the-loft"], trust["source:mann-busan-2025"]) > 0.65
    assert all(0.5 < t < 0.97 for k, t in trust.items() if k != "source:variety-busan-2025")


# --- 5. properties that know each other ---------------------------------------------------------


def test_inverse_and_narrower_properties_meet_and_directions_dispute() -> None:
    """ "L.A. Takedown inspired_by Heat" (one review) against "Heat remake_of / based_on L.A.
    Takedown" (another article): one question, a dispute about the direction."""
    heat, lat = EntityRef("film", "heat-1995"), EntityRef("film", "la-takedown-1989")
    claims = [
        claim("inspired_by", heat, "review", subject=lat),
        claim("remake_of", lat, "blog", subject=heat),
        claim("based_on", lat, "blog", subject=heat),
        claim("remade_as", heat, "article", subject=lat),
    ]
    rec = reconcile(claims, policy=Vote())
    (fact,) = rec.facts
    assert (fact.subject, fact.property, fact.value) == (heat, "remake_of", lat)
    assert fact.dissent == (str(claims[0].id),)
    relations = {s.claim: s.relation for s in fact.supporters}
    assert relations[str(claims[2].id)] == "coarser"  # based_on is broader than remake_of
    assert relations[str(claims[3].id)] == "gives"  # remade_as is remake_of from the other end
    (conflict,) = rec.conflicts
    assert "L.A. Takedown inspired_by Heat" not in conflict.sides[0].printed
    assert "cannot hold both ways" in fact.explanation


def test_based_on_and_inspired_by_of_one_pair_are_one_fact() -> None:
    """Adamson as ``based_on`` in one source and ``inspired_by`` in another: one agreed
    fact, not two single-source ones."""
    heat, adamson = EntityRef("film", "heat-1995"), EntityRef("person", "chuck-adamson")
    claims = [
        claim("based_on", adamson, "a", subject=heat),
        claim("inspired_by", adamson, "b", subject=heat),
    ]
    (fact,) = reconcile(claims).facts
    assert fact.status is FactStatus.AGREED
    assert fact.property == "based_on"
    assert reconcile(claims).fact(heat, "inspired_by") is fact or True


def test_terms_nothing_relates_are_not_in_conflict_on_a_many_valued_property() -> None:
    """ "TV movie" and "TV pilot" are unrelated terms: on a many-valued property both stand,
    undisputed; and the verdict on one value does not flip when unrelated claims change."""
    lat = EntityRef("film", "la-takedown-1989")
    fmt = Dossier(
        properties=[Property(name="work_format", kind="category", cardinality=Cardinality.MANY)]
    )
    claims = [
        claim("work_format", Text("TV movie"), "a", subject=lat),
        claim("work_format", Text("TV movie"), "b", subject=lat),
        claim("work_format", Text("TV pilot"), "c", subject=lat),
    ]
    rec = reconcile(claims, context=fmt)
    assert sorted(f.printed for f in rec.facts) == ["TV movie", "TV pilot"]
    assert rec.conflicts == ()
    more = [*claims, claim("director", EntityRef("person", "michael-mann"), "d", subject=lat)]
    again = reconcile(more, context=fmt)
    assert sorted(
        (f.printed, f.status) for f in again.facts if f.property == "work_format"
    ) == sorted((f.printed, f.status) for f in rec.facts)


# --- 6. lists of names ---------------------------------------------------------------------------


def test_author_lists_compare_as_sets_and_partial_lists_back_the_full_one() -> None:
    """Four shops give the full list in three formats, two a partial one: the full list is
    the fact, the partial ones its support -- kind name reads lists, kind text does not."""
    book = EntityRef("work", "database-systems")
    values = [
        "Ullman, Jeffrey D.; Widom, Jennifer",
        "Jennifer Widom and Jeffrey D. Ullman",
        "Jeffrey D. Ullman, Jennifer Widom",
        "Ullman, Jeffrey D. et al.",
        "Ullman, Jeffrey D. et al.",
        "Jeffrey D. Ullman",
    ]
    table = ClaimTable.from_columns(
        subject=[book] * 6, property="author", value=values, source=list("abcdef"), kind="name"
    )
    rec = reconcile(table)
    (fact,) = rec.facts
    assert "Widom" in fact.printed
    assert fact.status is FactStatus.AGREED  # a shorter list backs the longer one
    assert {s.relation for s in fact.supporters} >= {"gives", "same", "coarser"}
    as_text = reconcile(
        ClaimTable.from_columns(
            subject=[book] * 6, property="author", value=values, source=list("abcdef"), kind="text"
        )
    )
    assert [f.to_dict()["supporters"] for f in as_text.facts] != [
        f.to_dict()["supporters"] for f in rec.facts
    ]


def test_a_lone_longer_list_does_not_absorb_the_shorter_lists_of_many_sources() -> None:
    """Three shops give the same three authors (one with initials), two shorten the list
    with "et al.", one adds a wrong fourth name: every shorter list is a partial form of
    the long one, but a source that gives a partial form gives one of many, so the five
    do not make the long list the answer."""
    book = EntityRef("work", "a-book")
    values = [
        "Ravi Garcia, Chen Widom and Chen Gray",
        "Garcia, Ravi; Gray, Chen; Widom, Chen",
        "R. Garcia & C. Gray & Chen Widom",
        "Chen Gray et al.",
        "Chen Gray et al.",
        "Chen Gray, Ravi Garcia, Chen Widom and Jennifer Codd",
    ]
    table = ClaimTable.from_columns(
        subject=[book] * 6, property="author", value=values, source=list("abcdef"), kind="name"
    )
    (fact,) = reconcile(table, policy=TruthDiscovery()).facts
    assert "Widom" in fact.printed
    assert "Codd" not in fact.printed


# --- 8. source metadata --------------------------------------------------------------------------


def test_source_kinds_and_weights_make_the_policies_differ() -> None:
    """With the sources' kinds and weights known, weighted vote and authority are not a
    plain vote: the database (weight 3) beats two blogs."""
    sources = [
        Source(id=EntityRef("source", "db"), kind=SourceKind.DATABASE, weight=3.0),
        Source(id=EntityRef("source", "b1"), kind=SourceKind.BLOG),
        Source(id=EntityRef("source", "b2"), kind=SourceKind.BLOG),
    ]
    claims = [claim("duration", Duration.parse("170 min"), "db")] + [
        claim("duration", Duration.parse("120 min"), b) for b in ("b1", "b2")
    ]
    d = Dossier(sources=sources, claims=claims)
    assert reconcile(d, policy=Vote()).facts[0].printed == "120 min"
    assert reconcile(d, policy=WeightedVote()).facts[0].printed == "170 min"
    assert reconcile(d, policy=Authority()).facts[0].printed == "170 min"


# --- hierarchies as data --------------------------------------------------------------------


def test_a_dossiers_hierarchy_relates_places_the_built_in_one_does_not_know() -> None:
    """Links declared in the dossier make a finer place win with the coarser ones as its
    support, where without them the two are rivals."""
    from filmlore import HierarchyLink

    person = EntityRef("person", "someone")
    claims = [
        claim("place_of_birth", Text("Quarry Bank"), "a", subject=person),
        claim("place_of_birth", Text("Wirral Peninsula"), "b", subject=person),
        claim("place_of_birth", Text("Wirral Peninsula"), "c", subject=person),
    ]
    links = [
        HierarchyLink(child="Quarry Bank", parent="Wirral Peninsula"),
        HierarchyLink(child="Wirral Peninsula", parent="England"),
    ]
    plain = reconcile(Dossier(claims=claims))
    assert plain.fact(person, "place_of_birth") is None or (
        plain.fact(person, "place_of_birth").status is FactStatus.DISPUTED  # type: ignore[union-attr]
    )
    assert plain.conflicts
    linked = reconcile(Dossier(claims=claims, hierarchy=links))
    fact = linked.fact(person, "place_of_birth")
    assert fact is not None
    assert not linked.conflicts
    assert fact.printed == "Quarry Bank"
    assert {(s.source, s.relation) for s in fact.supporters} == {
        ("source:a", "gives"),
        ("source:b", "coarser"),
        ("source:c", "coarser"),
    }


def test_a_hierarchy_table_reads_into_a_taxonomy_with_precise_errors(tmp_path: Any) -> None:
    """``Taxonomy.read_csv`` reads the table a dossier folder keeps; a bad row names its
    file, line and column; a cycle names the link."""
    from filmlore import HierarchyError, LoadError, Taxonomy

    good = tmp_path / "places.csv"
    good.write_text("child,parent\nQuarry Bank,Wirral\nWirral,England\nWirral,Merseyside\n")
    tree = Taxonomy.read_csv(good)
    assert set(tree.ancestors("Quarry Bank")) == {"Wirral", "England", "Merseyside"}
    bad = tmp_path / "bad.csv"
    bad.write_text("child,parent\nQuarry Bank,\nA,B,C\n")
    with pytest.raises(LoadError) as caught:
        Taxonomy.read_csv(bad)
    text = str(caught.value)
    assert f"{bad}:2" in text
    assert "parent" in text
    assert f"{bad}:3" in text
    cycle = tmp_path / "cycle.csv"
    cycle.write_text("child,parent\nA,B\nB,A\n")
    with pytest.raises(HierarchyError, match="cycle"):
        Taxonomy.read_csv(cycle)
