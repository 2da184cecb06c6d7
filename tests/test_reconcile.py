"""Reconciliation on small hand-made cases with known answers, and on the Heat dossier."""

from __future__ import annotations

import json
from typing import Any

import pytest

import filmlore
from filmlore import (
    Authority,
    Claim,
    Dossier,
    Duration,
    EntityRef,
    Fact,
    FactStatus,
    MostSpecific,
    PartialDate,
    Rank,
    Source,
    SourceKind,
    Stance,
    Text,
    TruthDiscovery,
    Vote,
    WeightedVote,
    reconcile,
)
from filmlore.reconcile._evidence import SourceInfo
from filmlore.reconcile._truth import UNKNOWN_PRIOR

HEAT = EntityRef("film", "heat-1995")
MANN = EntityRef("person", "michael-mann")

_counter = iter(range(1_000_000))


def src(key: str) -> EntityRef:
    return EntityRef("source", key)


def claim(
    prop: str,
    value: Any,
    source: str,
    *,
    subject: EntityRef = HEAT,
    key: str | None = None,
    **extra: Any,
) -> Claim:
    """A claim with an id of its own."""
    return Claim(
        id=EntityRef("claim", key or f"c{next(_counter)}"),
        subject=subject,
        property=prop,
        value=value,
        source=src(source),
        **extra,
    )


def date(text: str) -> PartialDate:
    value = filmlore.parse_date(text)
    assert isinstance(value, PartialDate)
    return value


def dossier(claims: list[Claim], kinds: dict[str, SourceKind] | None = None) -> Dossier:
    """A dossier of claims whose sources have the given kinds (articles otherwise)."""
    names = sorted({c.source.key for c in claims} | {v.key for c in claims for v in c.via})
    kinds = kinds or {}
    return Dossier(
        sources=[Source(id=src(n), kind=kinds.get(n, SourceKind.ARTICLE)) for n in names],
        claims=claims,
    )


def only_fact(rec: filmlore.Reconciliation, prop: str) -> Fact:
    found = [f for f in rec.facts if f.property == prop]
    assert len(found) == 1, found
    return found[0]


# --- vote -------------------------------------------------------------------------------------


def prior_odds(prior: float = UNKNOWN_PRIOR, n: float = 1.5) -> float:
    """How far one claim of a source at ``prior`` moves the odds of its value, against ``n``
    wrong values (the floor of the number of wrong values a question can take)."""
    return n * prior / (1 - prior)


def test_vote_majority_wins_and_the_minority_dissents() -> None:
    """Two sources against one: the majority's date is resolved, the other claim dissents,
    and the confidence is the probability the sources' priors give it -- not a share of
    votes."""
    a = claim("release_date", date("1995-12-15"), "a")
    b = claim("release_date", date("1995-12-15"), "b")
    c = claim("release_date", date("1996-01-19"), "c")
    fact = only_fact(reconcile([a, b, c], policy=Vote()), "release_date")
    assert str(fact.value) == "1995-12-15"
    assert fact.status is FactStatus.RESOLVED
    odds = prior_odds()
    # two values claimed, n = 1.5: half a value nobody claimed is left at odds 1
    assert fact.confidence == pytest.approx(odds**2 / (odds**2 + odds + 0.5))
    assert set(fact.support) == {str(a.id), str(b.id)}
    assert fact.dissent == (str(c.id),)


def test_vote_tie_is_broken_by_the_fixed_rule_and_stays_disputed() -> None:
    """One against one: disputed, and the value that prints first wins whatever the order."""
    a = claim("duration", Duration.parse("170 min"), "a")
    b = claim("duration", Duration.parse("120 min"), "b")
    first = only_fact(reconcile([a, b], policy=Vote()), "duration")
    second = only_fact(reconcile([b, a], policy=Vote()), "duration")
    assert first.status is FactStatus.DISPUTED
    assert str(first.value) == str(second.value) == "120 min"
    assert first.confidence == second.confidence < 0.5


def test_relayed_claims_of_one_origin_count_once() -> None:
    """Two articles quoting Mann are one voice: two independent sources outvote them."""
    quoted = [
        claim("duration", Duration.parse("180 min"), s, attributed_to=MANN)
        for s in ("article-1", "article-2")
    ]
    independent = [claim("duration", Duration.parse("170 min"), s) for s in ("db-1", "db-2")]
    fact = only_fact(reconcile(quoted + independent, policy=Vote()), "duration")
    assert str(fact.value) == "170 min"
    odds = prior_odds()
    assert fact.confidence == pytest.approx(odds**2 / (odds**2 + odds + 0.5))


def test_a_via_chain_names_the_origin() -> None:
    """Claims relayed from one interview (the first of their via chain) count once."""
    via = (src("interview"),)
    relayed = [claim("cost", filmlore.Money.parse("$60 million"), s, via=via) for s in "xy"]
    other = [claim("cost", filmlore.Money.parse("$50 million"), s) for s in "ab"]
    fact = only_fact(reconcile(relayed + other, policy=Vote()), "cost")
    assert str(fact.value) == "$50 million"


def test_a_hedged_claim_weighs_half() -> None:
    """A hedged claim loses to a plain assertion of another value."""
    hedged = claim("duration", Duration.parse("180 min"), "a", stance=Stance.HEDGES)
    plain = claim("duration", Duration.parse("170 min"), "b")
    fact = only_fact(reconcile([hedged, plain], policy=Vote()), "duration")
    assert str(fact.value) == "170 min"
    odds = prior_odds()
    assert fact.confidence == pytest.approx(odds / (odds + odds**0.5 + 0.5))


def test_deprecated_claims_are_ignored_but_listed() -> None:
    """A deprecated claim does not vote; the fact lists it as ignored."""
    good = claim("duration", Duration.parse("170 min"), "a")
    bad = [
        claim("duration", Duration.parse("120 min"), s, rank=Rank.DEPRECATED) for s in ("b", "c")
    ]
    fact = only_fact(reconcile([good, *bad], policy=Vote()), "duration")
    assert str(fact.value) == "170 min"
    assert fact.status is FactStatus.SINGLE_SOURCE
    assert set(fact.ignored) == {str(c.id) for c in bad}
    assert fact.dissent == ()


def test_a_denial_of_a_many_valued_value_is_dissent() -> None:
    """Two sources give a genre and one denies it: accepted, resolved, the denial dissents."""
    yes = [claim("genre", Text("crime film"), s) for s in ("a", "b")]
    no = claim("genre", Text("crime film"), "c", stance=Stance.DENIES)
    rec = reconcile([*yes, no], policy=Vote())
    fact = only_fact(rec, "genre")
    assert fact.status is FactStatus.RESOLVED
    assert fact.dissent == (str(no.id),)
    assert [c.status for c in rec.conflicts] == [FactStatus.RESOLVED]


def test_a_value_denied_more_than_asserted_is_rejected() -> None:
    """One source gives a genre and two deny it: no fact, a rejected value instead."""
    yes = claim("genre", Text("crime film"), "a")
    no = [claim("genre", Text("crime film"), s, stance=Stance.DENIES) for s in ("b", "c")]
    rec = reconcile([yes, *no], policy=Vote())
    assert [f for f in rec.facts if f.property == "genre"] == []
    assert [str(f.value) for f in rec.rejected] == ["crime film"]
    assert set(rec.rejected[0].support) == {str(c.id) for c in no}


def test_many_valued_values_are_decided_one_by_one() -> None:
    """Different cast members are not alternatives: each is a fact, none dissents."""
    people = [EntityRef("person", p) for p in ("al-pacino", "robert-de-niro", "val-kilmer")]
    claims = [claim("cast_member", p, s) for p in people for s in ("a", "b")]
    rec = reconcile(claims, policy=Vote())
    assert sorted(str(f.value) for f in rec.facts) == sorted(str(p) for p in people)
    assert {f.status for f in rec.facts} == {FactStatus.AGREED}
    assert rec.conflicts == ()


def test_compatible_values_are_not_a_dispute() -> None:
    """170 min and "nearly 3 hours" agree: one fact, no dissent, no conflict."""
    a = claim("duration", Duration.parse("nearly 3 hours"), "a")
    b = claim("duration", Duration.parse("170 min"), "b")
    for policy in (Vote(), TruthDiscovery(), MostSpecific(), Authority()):
        rec = reconcile([a, b], policy=policy)
        fact = only_fact(rec, "duration")
        assert fact.status is FactStatus.AGREED, policy
        assert fact.dissent == ()
        assert rec.conflicts == ()


# --- weighted vote and authority ----------------------------------------------------------------


def test_weighted_vote_lets_a_weighty_source_outvote_two() -> None:
    """With weight 3 on one source, its value beats two others."""
    claims = [
        claim("duration", Duration.parse("170 min"), "tmdb"),
        claim("duration", Duration.parse("120 min"), "a"),
        claim("duration", Duration.parse("120 min"), "b"),
    ]
    assert str(only_fact(reconcile(claims, policy=Vote()), "duration").value) == "120 min"
    weighted = reconcile(claims, policy=WeightedVote({"source:tmdb": 3}))
    fact = only_fact(weighted, "duration")
    assert str(fact.value) == "170 min"
    assert fact.status is FactStatus.DISPUTED
    # the weights (3, 1, 1, mean 5/3) scale each claim's say: 9/5 against 3/5 + 3/5
    odds = prior_odds()
    assert fact.confidence == pytest.approx(odds**1.8 / (odds**1.8 + odds**1.2 + 0.5))


def test_weighted_vote_weighs_by_kind_and_stated_reliability() -> None:
    """A kind's weight applies to its sources; a source's stated reliability otherwise."""
    claims = [claim("duration", Duration.parse("170 min"), "db")] + [
        claim("duration", Duration.parse("120 min"), s) for s in ("b1", "b2")
    ]
    d = dossier(claims, {"db": SourceKind.DATABASE, "b1": SourceKind.BLOG, "b2": SourceKind.BLOG})
    by_kind = reconcile(d, policy=WeightedVote({SourceKind.BLOG: 0.25}))
    assert str(only_fact(by_kind, "duration").value) == "170 min"
    sources = [
        Source(id=src("db"), kind=SourceKind.DATABASE, reliability=0.9),
        Source(id=src("b1"), kind=SourceKind.BLOG, reliability=0.3),
        Source(id=src("b2"), kind=SourceKind.BLOG, reliability=0.3),
    ]
    stated = reconcile(Dossier(sources=sources, claims=claims), policy=WeightedVote())
    assert str(only_fact(stated, "duration").value) == "170 min"


def test_authority_prefers_the_database_to_two_blogs() -> None:
    """The default order puts a database above blogs."""
    claims = [claim("duration", Duration.parse("170 min"), "db")] + [
        claim("duration", Duration.parse("120 min"), s) for s in ("b1", "b2")
    ]
    d = dossier(claims, {"db": SourceKind.DATABASE, "b1": SourceKind.BLOG, "b2": SourceKind.BLOG})
    fact = only_fact(reconcile(d, policy=Authority()), "duration")
    assert str(fact.value) == "170 min"
    assert fact.status is FactStatus.RESOLVED


def test_authority_takes_a_custom_order_of_kinds_and_sources() -> None:
    """A source named in the order outranks the kinds after it."""
    claims = [
        claim("duration", Duration.parse("170 min"), "db"),
        claim("duration", Duration.parse("120 min"), "fan"),
    ]
    d = dossier(claims, {"db": SourceKind.DATABASE, "fan": SourceKind.BLOG})
    policy = Authority(["source:fan", SourceKind.DATABASE])
    assert str(only_fact(reconcile(d, policy=policy), "duration").value) == "120 min"
    assert policy.rank_of(SourceInfo(id="x", kind=None)) == 2


def test_authority_refuses_a_repeated_entry() -> None:
    """Naming a kind twice in the order is an error."""
    with pytest.raises(ValueError, match="once"):
        Authority([SourceKind.BLOG, "blog"])


# --- most specific --------------------------------------------------------------------------------


def test_a_year_never_outvotes_the_day_it_contains() -> None:
    """1995-12-15 refines 1995, and a release date is a day: the year can never be the
    whole truth, so every policy gives the day, with the years as its support."""
    claims = [claim("release_date", date("1995"), s) for s in "abc"]
    claims.append(claim("release_date", date("1995-12-15"), "d"))
    for policy in (Vote(), MostSpecific(), TruthDiscovery()):
        fact = only_fact(reconcile(claims, policy=policy), "release_date")
        assert str(fact.value) == "1995-12-15", policy
        assert fact.status is FactStatus.AGREED
        assert len(fact.support) == 4
        assert {s.relation for s in fact.supporters} == {"gives", "coarser"}


def test_two_days_under_one_year_stay_a_dispute() -> None:
    """Two different days under one year: the year backs both, so it is listed on both
    sides of the dispute, and never turns into an agreed "1995"."""
    claims = [claim("release_date", date("1995"), s) for s in "abc"]
    claims += [
        claim("release_date", date("1995-12-15"), "d"),
        claim("release_date", date("1995-12-16"), "e"),
    ]
    years = {str(c.id) for c in claims[:3]}
    for policy in (Vote(), MostSpecific(), TruthDiscovery()):
        rec = reconcile(claims, policy=policy)
        fact = only_fact(rec, "release_date")
        assert str(fact.value) in {"1995-12-15", "1995-12-16"}, policy
        assert fact.status is FactStatus.DISPUTED
        (conflict,) = rec.conflicts
        assert [s.printed for s in conflict.sides] == ["1995-12-15", "1995-12-16"]
        assert all(years <= set(side.shared) for side in conflict.sides)


# --- truth discovery ------------------------------------------------------------------------------


def _track_record() -> list[Claim]:
    """Source 'good' agrees with the crowd on ten films, 'bad' never does; then they meet."""
    claims = []
    for n in range(10):
        film = EntityRef("film", f"f{n}")
        right, wrong = Duration.parse(f"{100 + n} min"), Duration.parse(f"{150 + n} min")
        claims += [claim("duration", right, s, subject=film) for s in ("good", "x", "y")]
        claims.append(claim("duration", wrong, "bad", subject=film))
    claims.append(claim("duration", Duration.parse("170 min"), "good"))
    claims.append(claim("duration", Duration.parse("120 min"), "bad"))
    return claims


def test_truth_discovery_learns_whom_to_trust() -> None:
    """A source with a good record beats one with a bad record where they meet alone."""
    rec = reconcile(_track_record(), policy=TruthDiscovery())
    # a prior worth twenty claims (at the record of the other sources of its kind) keeps
    # eleven claims from going all the way
    good, bad = rec.source_trust["source:good"], rec.source_trust["source:bad"]
    assert good > 0.7
    assert bad < 0.65
    assert good - bad > 0.1
    fact = rec.fact(HEAT, "duration")
    assert fact is not None
    assert str(fact.value) == "170 min"
    # one claim against one: the better record tips it, but does not settle it
    vote = reconcile(_track_record(), policy=Vote()).fact(HEAT, "duration")
    assert vote is not None
    assert fact.confidence > 0.5
    assert vote.confidence < 0.5


def test_vote_cannot_tell_the_record_apart() -> None:
    """The same meeting is a tie for a vote (the control for the test above)."""
    fact = reconcile(_track_record(), policy=Vote()).fact(HEAT, "duration")
    assert fact is not None
    assert fact.status is FactStatus.DISPUTED
    assert str(fact.value) == "120 min"  # the fixed rule: the value that prints first


def test_vote_trust_is_the_share_of_claims_that_agree_with_the_facts() -> None:
    """Without learning, a source's trust is how often it agrees with the facts."""
    trust = reconcile(_track_record(), policy=Vote()).source_trust
    assert trust["source:x"] == 1.0
    assert trust["source:bad"] == pytest.approx(1 / 11)


def test_truth_discovery_takes_a_stated_reliability_as_prior() -> None:
    """Two sources alone on one question: the one stated more reliable wins."""
    claims = [
        claim("duration", Duration.parse("170 min"), "a"),
        claim("duration", Duration.parse("120 min"), "b"),
    ]
    sources = [
        Source(id=src("a"), kind=SourceKind.DATABASE, reliability=0.95),
        Source(id=src("b"), kind=SourceKind.DATABASE, reliability=0.6),
    ]
    rec = reconcile(Dossier(sources=sources, claims=claims), policy=TruthDiscovery())
    assert str(only_fact(rec, "duration").value) == "170 min"


def test_truth_discovery_prefers_the_precise_date_the_vague_ones_back() -> None:
    """Years back the day they contain: the day (from the database) is the fact."""
    claims = [claim("release_date", date("1995"), s) for s in "abc"]
    claims.append(claim("release_date", date("1995-12-15"), "tmdb"))
    fact = only_fact(reconcile(claims), "release_date")
    assert str(fact.value) == "1995-12-15"
    assert fact.status is FactStatus.AGREED


def test_truth_discovery_parameters_are_checked() -> None:
    """Hyperparameters out of range are refused with the parameter's name."""
    with pytest.raises(ValueError, match="false_values"):
        TruthDiscovery(false_values=0.5)
    with pytest.raises(ValueError, match="min_false_values"):
        TruthDiscovery(min_false_values=0)
    with pytest.raises(ValueError, match="prior_weight"):
        TruthDiscovery(prior_weight=0)
    with pytest.raises(ValueError, match="prior_accuracy"):
        TruthDiscovery(prior_accuracy=1.0)


def test_truth_discovery_counts_the_wrong_values_per_question() -> None:
    """By default n is estimated per question (the other values claimed, at least two);
    a number fixes it, and shows in the repr."""
    assert TruthDiscovery().params.false_values is None
    assert TruthDiscovery(false_values=10).params.false_values == 10.0
    assert repr(TruthDiscovery(false_values=10)) == "TruthDiscovery(false_values=10)"
    assert TruthDiscovery(false_values=10).parameters() == {"false_values": 10}


# --- results --------------------------------------------------------------------------------------


def test_to_dict_has_exactly_the_documented_keys_and_is_json() -> None:
    """to_dict has policy, facts, conflicts and sources, and json.dumps takes it."""
    claims = [
        claim("release_date", date("1995-12-15"), "a"),
        claim("release_date", date("1995-12-15"), "b"),
        claim("release_date", date("1996"), "c"),
    ]
    data = reconcile(claims, policy=Vote()).to_dict()
    assert set(data) == {"policy", "facts", "conflicts", "sources"}
    fact = data["facts"][0]
    keys = {"subject", "property", "value", "value_data", "status", "confidence"}
    assert keys | {"support", "dissent", "explanation"} <= set(fact)
    assert fact["value"] == "1995-12-15"
    assert fact["value_data"] == "1995-12-15"
    assert fact["status"] == "resolved"
    assert data["policy"]["name"] == "vote"
    assert data["sources"][0] == {"id": "source:a", "trust": 1.0}
    assert data["conflicts"][0]["sides"][0]["sources"] == ["source:a", "source:b"]
    json.dumps(data)


def test_policies_have_readable_reprs() -> None:
    """Each policy's repr says what it is and how it is set."""
    assert repr(Vote()) == "Vote()"
    assert repr(MostSpecific(Authority())).startswith("MostSpecific(Authority(film > interview")
    assert repr(TruthDiscovery(copying=True)) == "TruthDiscovery(copying=True)"
    assert repr(WeightedVote({"source:a": 2}, default=0.5)) == (
        "WeightedVote({'source:a': 2.0}, default=0.5)"
    )


def test_a_weight_must_be_a_non_negative_number() -> None:
    """A negative or non-numeric weight is refused."""
    with pytest.raises(ValueError, match="weight"):
        WeightedVote({"source:a": -1})


def test_the_default_policy_is_truth_discovery() -> None:
    """reconcile without a policy uses TruthDiscovery."""
    rec = reconcile([claim("duration", Duration.parse("170 min"), "a")])
    assert isinstance(rec.policy, TruthDiscovery)
    assert "1 single-source" in repr(rec)


def test_no_claims_make_an_empty_reconciliation() -> None:
    """Reconciling nothing gives no facts, conflicts or sources."""
    rec = reconcile([])
    assert (rec.facts, rec.conflicts, rec.source_trust) == ((), (), {})


def test_answers_map_questions_to_values() -> None:
    """answers() gives the value of each single-valued question, a tuple for many-valued."""
    people = [EntityRef("person", "al-pacino"), EntityRef("person", "robert-de-niro")]
    claims = [claim("cast_member", p, "a") for p in people]
    claims.append(claim("duration", Duration.parse("170 min"), "a"))
    answers = reconcile(claims, policy=Vote()).answers()
    assert str(answers[(HEAT, "duration")]) == "170 min"
    assert sorted(map(str, answers[(HEAT, "cast_member")])) == sorted(map(str, people))


# --- the Heat dossier ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def heat() -> filmlore.Reconciliation:
    """The Heat dossier reconciled with the default policy."""
    return reconcile(filmlore.load(filmlore.example_path("heat")))


def test_heat_scopes_are_not_a_dispute(heat: filmlore.Reconciliation) -> None:
    """'On screen' and 'in a speaking scene' are two scopes of one agreed fact."""
    facts = [f for f in heat.facts if f.property == "first_film_together"]
    assert len(facts) == 1
    assert facts[0].status is FactStatus.AGREED
    assert len(facts[0].support) == 2
    assert facts[0].dissent == ()
    assert not [c for c in heat.conflicts if c.property == "first_film_together"]


def test_heat_cut_and_reworded_quotes_do_not_count_against_the_line(
    heat: filmlore.Reconciliation,
) -> None:
    """The full line and its cut version agree; the article's rewording is no dissent."""
    facts = heat.facts_about("quote:thirty-seconds-flat")
    lines = [f for f in facts if f.property == "quotation"]
    full = max(lines, key=lambda f: len(f.printed))
    assert full.printed.endswith("if you feel the heat around the corner.")
    assert full.status is FactStatus.AGREED
    assert full.dissent == ()
    assert all(f.dissent == () for f in lines)
    assert not [c for c in heat.conflicts if str(c.subject) == "quote:thirty-seconds-flat"]


def test_heat_runtime_is_agreed(heat: filmlore.Reconciliation) -> None:
    """The database's 170 min is compatible with "nearly 3 hours": agreed, not disputed."""
    fact = heat.fact(HEAT, "duration")
    assert fact is not None
    assert fact.printed == "170 min"
    assert fact.status is FactStatus.AGREED
    assert "nearly 3 hours" in fact.explanation
    assert fact.explanation.endswith("no source disagrees.")


def test_heat_release_date_takes_the_day(heat: filmlore.Reconciliation) -> None:
    """Three articles give 1995, the database the day: the day is the agreed fact."""
    fact = heat.fact(HEAT, "release_date")
    assert fact is not None
    assert fact.printed == "1995-12-15"
    assert fact.status is FactStatus.AGREED


def test_heat_denied_shared_scene_is_rejected(heat: filmlore.Reconciliation) -> None:
    """The review denies a shared scene in The Godfather Part II; nobody asserts it."""
    rejected = heat.rejected
    godfather = [f for f in rejected if str(f.subject) == "film:the-godfather-part-ii-1974"]
    assert [f.property for f in godfather] == ["shared_scene"]
    assert "no source asserts it" in godfather[0].explanation


def test_heat_manns_denial_of_crime_film_is_a_conflict(heat: filmlore.Reconciliation) -> None:
    """Mann says Heat is not a crime film; the blog and the genre 'Crime' say it is."""
    conflict = next(c for c in heat.conflicts if c.property == "genre")
    assert [s.denies for s in conflict.sides] == [False, True]
    assert conflict.sides[1].sources == ("source:mann-scraps-from-the-loft",)
    assert conflict.status is FactStatus.RESOLVED


def test_heat_trust_covers_every_speaking_source(heat: filmlore.Reconciliation) -> None:
    """Every source that speaks, relayed interviews included, gets a trust in [0, 1]."""
    assert set(heat.source_trust) >= {
        "source:tmdb-heat",
        "source:crime-epic-blog",
        "source:mann-busan-2025",
    }
    assert all(0.0 <= t <= 1.0 for t in heat.source_trust.values())
    data = heat.to_dict()
    json.dumps(data)
    assert len(data["facts"]) == len(heat.facts)
