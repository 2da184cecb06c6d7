"""The columnar claims table and the vectorised path."""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np
import pytest

import filmlore
from filmlore import (
    Claim,
    ClaimTable,
    CompareContext,
    Comparison,
    Duration,
    EntityRef,
    FactStatus,
    MostSpecific,
    Stance,
    Taxonomy,
    TruthDiscovery,
    ValueKind,
    Verdict,
    Vote,
    reconcile,
    register_comparator,
    register_kind,
)


def small() -> ClaimTable:
    """Three sources on two films' runtimes."""
    return ClaimTable.from_columns(
        subject=["heat", "heat", "heat", "takedown", "takedown"],
        property="runtime",
        value=["170 min", "170 min", "171 min", "97 min", "97 min"],
        source=["tmdb", "imdb", "blog", "tmdb", "imdb"],
        claim_id=["c1", "c2", "c3", "c4", "c5"],
    )


def test_columns_are_factorised_once_with_sorted_labels() -> None:
    """Every column becomes codes into sorted labels; a scalar property fills every row."""
    table = small()
    assert len(table) == 5
    assert table.labels("source") == ["blog", "imdb", "tmdb"]
    assert table.codes("source").tolist() == [2, 1, 0, 2, 1]
    assert table.labels("property") == ["runtime"]
    assert table.codes("property").tolist() == [0] * 5
    assert "5 claims, 2 subjects" in repr(table)


def test_integer_and_string_arrays_are_accepted() -> None:
    """numpy integer columns (dense codes) and string arrays factorise like lists."""
    table = ClaimTable.from_columns(
        subject=np.array([7, 7, 3]), property="p", value=np.array(["a", "b", "a"]), source=[1, 2, 1]
    )
    assert table.labels("subject") == [3, 7]
    assert table.codes("subject").tolist() == [1, 1, 0]
    assert table.labels("value") == ["a", "b"]


def test_columns_of_different_lengths_are_refused() -> None:
    """A column with more or fewer rows than the subjects is an error naming it."""
    with pytest.raises(ValueError, match="value has 2 rows"):
        ClaimTable.from_columns(subject=["a"], property="p", value=["x", "y"], source=["s"])
    with pytest.raises(KeyError, match="no column"):
        small().labels("colour")


def test_a_stance_must_be_one_of_three() -> None:
    """Stances are asserts, hedges or denies."""
    with pytest.raises(ValueError, match="row 0"):
        ClaimTable.from_columns(
            subject=["a"], property="p", value=["x"], source=["s"], stance=["maybe"]
        )


def test_a_table_compares_values_by_their_kind() -> None:
    """The property "runtime" is the registry's duration: 170 and 171 min agree within its
    3% tolerance,
    as they do in a dossier -- the table does not compare by equality alone."""
    rec = reconcile(small(), policy=Vote())
    assert rec.answers() == {("heat", "duration"): "170 min", ("takedown", "duration"): "97 min"}
    heat = rec.fact("heat", "runtime")
    assert heat is not None
    assert (heat.support, heat.dissent) == (("c1", "c2", "c3"), ())
    assert heat.status is FactStatus.AGREED
    (blog,) = [s for s in heat.supporters if s.source == "blog"]
    assert (blog.value_text, blog.relation) == ("171 min", "same")
    assert "within the tolerance of 3%" in blog.reason
    assert rec.conflicts == ()


def test_values_of_an_equality_kind_are_rivals() -> None:
    """Labels compare character for character: the majority wins, the other dissents."""
    table = ClaimTable.from_columns(
        subject=["f"] * 3,
        property="gate",
        value=["K7", "K7", "K 7"],
        source=["a", "b", "c"],
        kind="label",
        claim_id=["c1", "c2", "c3"],
    )
    rec = reconcile(table, policy=Vote())
    fact = rec.fact("f", "gate")
    assert fact is not None
    assert (fact.value, fact.support, fact.dissent) == ("K7", ("c1", "c2"), ("c3",))
    assert fact.status is FactStatus.RESOLVED
    (conflict,) = rec.conflicts
    assert [s.printed for s in conflict.sides] == ["K7", "K 7"]
    assert rec.source_trust == {"a": 1.0, "b": 1.0, "c": 0.0}


def test_a_property_without_a_kind_takes_its_values_kind() -> None:
    """An unregistered property of whole numbers is compared as integers; one of text as
    text; ``kind=`` names it for every property or for each."""
    ints = ClaimTable.from_columns(subject=["x"], property="count", value=[3], source=["s"])
    assert ints.kind_of("count") == "integer"
    texts = ClaimTable.from_columns(subject=["x"], property="note", value=["a"], source=["s"])
    assert texts.kind_of("note") == "text"
    named = ClaimTable.from_columns(
        subject=["x"], property="author", value=["Ullman"], source=["s"], kind={"author": "name"}
    )
    assert named.kind_of("author") == "name"
    with pytest.raises(ValueError, match="unknown value kind"):
        ClaimTable.from_columns(
            subject=["x"], property="p", value=["a"], source=["s"], kind="colour"
        )


def test_origins_count_once_on_a_table() -> None:
    """Rows relayed from one origin are one voice."""
    table = ClaimTable.from_columns(
        subject=["f"] * 4,
        property="runtime",
        value=["180 min", "180 min", "170 min", "170 min"],
        source=["a1", "a2", "db1", "db2"],
        origin=["mann", "mann", "db1", "db2"],
    )
    assert reconcile(table, policy=Vote()).answers() == {("f", "duration"): "170 min"}


def test_denials_on_a_table_reject_a_value() -> None:
    """A many-valued value denied more than asserted is rejected, not a fact."""
    table = ClaimTable.from_columns(
        subject=["heat"] * 4,
        property="genre",
        value=["drama", "crime film", "crime film", "crime film"],
        source=["a", "a", "b", "c"],
        stance=["asserts", "asserts", Stance.DENIES, "denies"],
        many=["genre"],
    )
    rec = reconcile(table, policy=Vote())
    assert rec.answers() == {("heat", "genre"): ("drama",)}
    assert [(f.value, f.support) for f in rec.rejected] == [("crime film", ("2", "3"))]
    assert len(rec.conflicts) == 1


def test_the_registry_says_which_properties_are_many_valued() -> None:
    """cast_member is many-valued by the registry: every member is a fact."""
    table = ClaimTable.from_columns(
        subject=["heat"] * 3,
        property="cast_member",
        value=["person:al-pacino", "person:robert-de-niro", "person:val-kilmer"],
        source=["a", "a", "b"],
    )
    assert len(reconcile(table, policy=Vote()).facts) == 3


def test_a_table_from_claims_answers_like_the_object_path() -> None:
    """The same claims, as objects or as a table, get the same answers by vote."""
    heat = EntityRef("film", "heat-1995")
    values = ["170 min", "170 min", "120 min", "90 min", "90 min", "90 min"]
    claims = [
        Claim(
            id=EntityRef("claim", f"c{i}"),
            subject=heat,
            property="runtime",
            value=Duration.parse(v),
            source=EntityRef("source", f"s{i}"),
        )
        for i, v in enumerate(values)
    ]
    by_table = reconcile(ClaimTable.from_claims(claims), policy=Vote())
    by_object = reconcile(claims, policy=Vote())
    assert str(by_table.answers()[(heat, "duration")]) == "90 min"
    assert {k: str(v) for k, v in by_table.answers().items()} == {
        k: str(v) for k, v in by_object.answers().items()
    }
    fact = by_table.facts[0]
    assert fact.support == ("claim:c3", "claim:c4", "claim:c5")


def _copied() -> ClaimTable:
    """Three sources copy each other, wrong whenever they stand apart from five others;
    on the last question they outnumber the two independent sources that answer it."""
    subjects, values, sources = [], [], []
    for q in range(60):
        for s in ("copy1", "copy2", "copy3"):
            subjects.append(f"q{q}")
            values.append("wrong")
            sources.append(s)
        for s in ("i1", "i2", "i3", "i4", "i5"):
            subjects.append(f"q{q}")
            values.append("right")
            sources.append(s)
    for s in ("copy1", "copy2", "copy3"):
        subjects.append("last")
        values.append("copied")
        sources.append(s)
    for s in ("i1", "i2"):
        subjects.append("last")
        values.append("independent")
        sources.append(s)
    return ClaimTable.from_columns(subject=subjects, property="p", value=values, source=sources)


def test_copies_that_are_always_wrong_lose_with_or_without_copy_detection() -> None:
    """Three copies wrong wherever five others agree have earned no trust: two independent
    sources beat them on a question they face alone; copy detection finds the family."""
    table = _copied()
    assert reconcile(table, policy=Vote()).answers()[("last", "p")] == "copied"
    for policy in (TruthDiscovery(), TruthDiscovery(copying=True)):
        rec = reconcile(table, policy=policy)
        assert rec.answers()[("last", "p")] == "independent", policy
        assert rec.source_trust["i1"] > 0.85 > 0.2 > rec.source_trust["copy1"]
    found = reconcile(table, policy=TruthDiscovery(copying=True)).copies
    assert {(a, b) for a, b, _ in found} >= {("copy1", "copy2"), ("copy1", "copy3")}
    assert reconcile(table).copies == ()


def test_without_a_record_copies_are_voices() -> None:
    """On a fresh question nothing shows copying: three voices beat two."""
    table = ClaimTable.from_columns(
        subject=["x"] * 5,
        property="p",
        value=["copied"] * 3 + ["independent"] * 2,
        source=["copy1", "copy2", "copy3", "i1", "i2"],
    )
    for policy in (TruthDiscovery(), TruthDiscovery(copying=True)):
        assert reconcile(table, policy=policy).answers()[("x", "p")] == "copied"


def test_a_place_hierarchy_relates_values_on_a_table() -> None:
    """With a place tree in the context, a district backs the province it lies in against
    a rival province that as many sources give."""
    places = Taxonomy({"Afghanistan": {"Ghur Province": ["Shahrak District"]}})
    table = ClaimTable.from_columns(
        subject=["jam"] * 5,
        property="site",
        value=["Ghur Province", "Ghur Province", "Shahrak District", "Badghis", "Badghis"],
        source=["a", "b", "c", "d", "e"],
        kind="place",
    )
    assert reconcile(table, policy=Vote()).answers()[("jam", "site")] == "Badghis"
    related = reconcile(table, policy=TruthDiscovery(), context=CompareContext(places=places))
    assert related.answers()[("jam", "site")] in {"Ghur Province", "Shahrak District"}
    (fact,) = related.facts
    assert set(fact.support) == {"0", "1", "2"}
    assert fact.dissent == ("3", "4")


def test_most_specific_refines_the_vote_winner_on_a_table() -> None:
    """The vote's winner gives way to the precise value that implies it."""
    places = Taxonomy({"Afghanistan": {"Ghur Province": ["Shahrak District"]}})
    table = ClaimTable.from_columns(
        subject=["jam"] * 4,
        property="site",
        value=["Afghanistan", "Afghanistan", "Ghur Province", "Shahrak District"],
        source=["a", "b", "c", "d"],
        kind="place",
    )
    context = CompareContext(places=places)
    vote = reconcile(table, policy=Vote(), context=context).answers()
    assert vote[("jam", "site")] == "Afghanistan"
    precise = reconcile(table, policy=MostSpecific(), context=context)
    assert precise.answers()[("jam", "site")] == "Shahrak District"
    assert precise.facts[0].status is FactStatus.AGREED


def test_a_registered_comparator_relates_values_on_a_table() -> None:
    """A kind of the user's own, with its comparator, is how a table compares its values."""
    register_kind(
        ValueKind(name="aspect_ratio", types=(str,), parse=str, description="like 2.39:1"),
        replace=True,
    )

    def by_ratio(a: object, b: object, *, context: object, tolerance: object) -> Comparison:
        ra, rb = (float(x.split(":")[0]) / float(x.split(":")[1]) for x in (str(a), str(b)))
        if abs(ra - rb) < 0.01:
            return Comparison(verdict=Verdict.SAME, score=1.0, reason=f"{a} is {b}")
        return Comparison(verdict=Verdict.CONFLICT, score=0.0, reason=f"{a} is not {b}")

    register_comparator("aspect_ratio", by_ratio, replace=True)
    table = ClaimTable.from_columns(
        subject=["f"] * 3,
        property="ratio",
        value=["2.39:1", "239:100", "1.85:1"],
        source=["a", "b", "c"],
        kind="aspect_ratio",
    )
    fact = reconcile(table, policy=Vote()).fact("f", "ratio")
    assert fact is not None
    assert len(fact.support) == 2
    assert len(fact.dissent) == 1


def test_a_kind_shares_its_accuracy_with_its_sources() -> None:
    """A source seen once inherits its kind's record: an anonymous editor who is usually
    wrong loses to a registered one on a question the two face alone."""
    subjects, values, sources = [], [], []
    for q in range(30):
        subjects += [f"q{q}"] * 3
        values += ["right", "right", "wrong"]
        sources += [f"reg{q}", "bot", f"anon{q}"]
    subjects += ["last", "last"]
    values += ["a", "b"]
    sources += ["anon-new", "reg-new"]
    kinds = {s: ("anonymous" if s.startswith("anon") else "registered") for s in set(sources)}
    table = ClaimTable.from_columns(
        subject=subjects, property="p", value=values, source=sources, source_kind=kinds
    )
    rec = reconcile(table, policy=TruthDiscovery())
    assert rec.answers()[("last", "p")] == "b"
    assert rec.source_trust["anon-new"] < 0.5 < rec.source_trust["reg-new"]


def test_facts_are_built_lazily_and_match_the_answers() -> None:
    """The facts built on demand carry the values answers() gives."""
    rec = reconcile(small(), policy=TruthDiscovery())
    answers = rec.answers()
    assert {(f.subject, f.property): f.value for f in rec.facts} == answers
    assert rec.iterations >= 1


def test_qualifiers_and_ranks_ride_in_the_table() -> None:
    """A qualifiers column narrows claims (each supporter keeps its scope) and a rank
    column leaves deprecated rows out of the count but on the fact."""
    table = ClaimTable.from_columns(
        subject=["heat"] * 3,
        property="first_film_together",
        value=["Al Pacino and Robert De Niro"] * 3,
        source=["blog", "review", "troll"],
        qualifiers=[{"scope": "on screen"}, {"scope": "in a speaking scene"}, None],
        rank=["normal", "normal", "deprecated"],
        kind="name",
        claim_id=["b", "r", "t"],
    )
    (fact,) = reconcile(table, policy=Vote()).facts
    assert [(q.key, q.value) for q in fact.qualifiers] == [("scope", "in a speaking scene")]
    assert fact.ignored == ("t",)
    assert {s.claim: [q.value for q in s.qualifiers] for s in fact.supporters} == {
        "r": ["in a speaking scene"],
        "b": ["on screen"],
    }


def test_a_dossier_and_its_table_give_the_same_facts() -> None:
    """The Heat dossier reconciled as a dossier and as ClaimTable.from_dossier: every fact,
    conflict and trust the same."""
    heat = filmlore.load(filmlore.example_path("heat"))
    assert isinstance(heat, filmlore.Dossier)
    by_dossier = reconcile(heat)
    by_table = reconcile(ClaimTable.from_dossier(heat), context=heat)
    assert [f.to_dict() for f in by_table.facts] == [f.to_dict() for f in by_dossier.facts]
    assert [c.to_dict() for c in by_table.conflicts] == [c.to_dict() for c in by_dossier.conflicts]
    assert by_table.source_trust == by_dossier.source_trust


def _synthetic(questions: int, seed: int) -> tuple[ClaimTable, Any]:
    """The benchmark's generator in small: 2-5 values per question, one true; ten
    sources of 60 answer each, right with their own reliability (0.3 to 0.95), else
    with one of the wrong values at random."""
    rng = np.random.default_rng(seed)
    reliability = rng.uniform(0.3, 0.95, 60)
    k = rng.integers(2, 6, questions)
    truth = rng.integers(0, k)
    subject = np.repeat(np.arange(questions), 10)
    source = np.concatenate([rng.choice(60, 10, replace=False) for _ in range(questions)])
    right = rng.random(len(subject)) < reliability[source]
    kk, tt = k[subject], truth[subject]
    wrong = (tt + 1 + (rng.random(len(subject)) * (kk - 1)).astype(np.int64)) % kk
    value = np.where(right, tt, wrong)
    table = ClaimTable.from_columns(subject=subject, property="p", value=value, source=source)
    return table, truth


def test_counting_the_wrong_values_per_question_pays_on_few_values() -> None:
    """Where a question has only a few possible values, n per question beats a fixed
    n = 10, and both beat the vote."""
    table, truth = _synthetic(3000, seed=1)

    def accuracy(policy: Any) -> float:
        answers = reconcile(table, policy=policy).answers()
        predicted = np.array([answers[(q, "p")] for q in range(len(truth))])
        return float((predicted == truth).mean())

    vote, fixed, per_question = (
        accuracy(p) for p in (Vote(), TruthDiscovery(false_values=10), TruthDiscovery())
    )
    assert per_question > vote
    assert fixed > vote


def test_agreement_reveals_accuracies_alike_with_few_sources_and_many(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each source's accuracy as its agreement with the others reveals it, with no belief
    about the truth: close to the reliabilities the claims were drawn with, and the same
    whether the pairs of sources are counted in matrices (few sources) or as lists."""
    copying = importlib.import_module("filmlore.reconcile._copying")
    truth_module = importlib.import_module("filmlore.reconcile._truth")
    captured: dict[str, Any] = {}
    real = truth_module.truth_discovery

    def spy(ev: Any, p: Any) -> Any:
        captured["ev"], captured["p"] = ev, p
        return real(ev, p)

    policies = importlib.import_module("filmlore.reconcile._policies")
    monkeypatch.setattr(policies, "truth_discovery", spy)
    table, _ = _synthetic(3000, seed=7)
    reconcile(table, policy=TruthDiscovery())
    (ev,), p = captured["ev"], captured["p"]
    stats = copying.pair_stats(ev, truth_module.false_values(ev, p))
    dense = copying.agreement_accuracy(stats)
    monkeypatch.setattr(copying, "_DENSE_SOURCES", 0)
    listed = copying.agreement_accuracy(copying.pair_stats(ev, truth_module.false_values(ev, p)))
    assert dense is not None
    assert listed is not None
    np.testing.assert_allclose(dense, listed, atol=1e-9)
    reliability = np.random.default_rng(7).uniform(0.3, 0.95, 60)
    codes = [int(str(label)) for label in table.source.labels]
    assert np.abs(dense - reliability[codes]).mean() < 0.06
