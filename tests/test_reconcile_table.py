"""The columnar claims table and the vectorised path."""

from __future__ import annotations

import sys
from typing import Any

import pytest

pytest.importorskip("numpy")

import numpy as np

from filmlore import (
    Claim,
    ClaimTable,
    Duration,
    EntityRef,
    FactStatus,
    MissingDependencyError,
    MostSpecific,
    Stance,
    Taxonomy,
    TruthDiscovery,
    Vote,
    reconcile,
)
from filmlore.reconcile import _xp


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


def test_vote_on_a_table_gives_facts_with_claim_ids() -> None:
    """The majority runtime wins; its claims support it, the other dissents."""
    rec = reconcile(small(), policy=Vote())
    assert rec.answers() == {("heat", "runtime"): "170 min", ("takedown", "runtime"): "97 min"}
    heat = rec.fact("heat", "runtime")
    assert heat is not None
    assert (heat.support, heat.dissent) == (("c1", "c2"), ("c3",))
    assert heat.status is FactStatus.RESOLVED
    assert heat.sources == ("imdb", "tmdb")
    assert "blog" in heat.explanation
    takedown = rec.fact("takedown", "runtime")
    assert takedown is not None
    assert takedown.status is FactStatus.AGREED
    (conflict,) = rec.conflicts
    assert [s.printed for s in conflict.sides] == ["170 min", "171 min"]
    assert conflict.winner == "170 min"
    assert rec.source_trust == {"blog": 0.0, "imdb": 1.0, "tmdb": 1.0}


def test_origins_count_once_on_a_table() -> None:
    """Rows relayed from one origin are one voice."""
    table = ClaimTable.from_columns(
        subject=["f"] * 4,
        property="runtime",
        value=["180 min", "180 min", "170 min", "170 min"],
        source=["a1", "a2", "db1", "db2"],
        origin=["mann", "mann", "db1", "db2"],
    )
    assert reconcile(table, policy=Vote()).answers() == {("f", "runtime"): "170 min"}


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


def test_truth_discovery_counts_copies_once() -> None:
    """Detected copies weigh as one source: two independent sources beat three copies."""
    table = _copied()
    assert reconcile(table, policy=Vote()).answers()[("last", "p")] == "copied"
    rec = reconcile(table, policy=TruthDiscovery())
    assert rec.answers()[("last", "p")] == "independent"
    assert rec.source_trust["i1"] > 0.9 > 0.2 > rec.source_trust["copy1"]


def test_copy_detection_can_be_turned_off() -> None:
    """With copying=False the copies are three voices again (on a fresh question)."""
    subjects = ["x"] * 5
    values = ["copied"] * 3 + ["independent"] * 2
    sources = ["copy1", "copy2", "copy3", "i1", "i2"]
    table = ClaimTable.from_columns(subject=subjects, property="p", value=values, source=sources)
    answer = reconcile(table, policy=TruthDiscovery(copying=False)).answers()[("x", "p")]
    assert answer == "copied"


def test_implies_relates_places_on_a_table() -> None:
    """With a place tree, a district backs the province it lies in against a rival
    province that as many sources give."""
    places = Taxonomy({"Afghanistan": {"Ghur Province": ["Shahrak District"]}})
    table = ClaimTable.from_columns(
        subject=["jam"] * 5,
        property="site",
        value=["Ghur Province", "Ghur Province", "Shahrak District", "Badghis", "Badghis"],
        source=["a", "b", "c", "d", "e"],
    )
    plain = reconcile(table, policy=TruthDiscovery()).answers()[("jam", "site")]
    assert plain == "Badghis"  # a tie, broken by the fixed rule
    related = reconcile(table, policy=TruthDiscovery(implies=places))
    assert related.answers()[("jam", "site")] == "Ghur Province"
    (fact,) = related.facts
    assert fact.support == ("0", "1", "2")
    assert fact.dissent == ("3", "4")


def test_most_specific_refines_the_vote_winner_on_a_table() -> None:
    """The vote's winner gives way to the precise value that implies it."""
    places = Taxonomy({"Afghanistan": {"Ghur Province": ["Shahrak District"]}})
    table = ClaimTable.from_columns(
        subject=["jam"] * 4,
        property="site",
        value=["Afghanistan", "Afghanistan", "Ghur Province", "Shahrak District"],
        source=["a", "b", "c", "d"],
    )
    assert reconcile(table, policy=Vote()).answers()[("jam", "site")] == "Afghanistan"
    precise = reconcile(table, policy=MostSpecific(implies=places))
    assert precise.answers()[("jam", "site")] == "Shahrak District"
    assert precise.facts[0].status is FactStatus.AGREED


def test_implies_can_be_a_function() -> None:
    """A function relates values: "USA" and the city in it together outweigh "Lyon"."""

    def inside(a: object, b: object) -> float:
        return 1.0 if (a, b) == ("Minneapolis, Minnesota, USA", "USA") else 0.0

    table = ClaimTable.from_columns(
        subject=["s"] * 5,
        property="place",
        value=["USA", "USA", "Minneapolis, Minnesota, USA", "Lyon, France", "Lyon, France"],
        source=["a", "b", "c", "d", "e"],
    )
    assert reconcile(table, policy=TruthDiscovery()).answers()[("s", "place")] == "Lyon, France"
    answers = reconcile(table, policy=TruthDiscovery(implies=inside)).answers()
    assert answers[("s", "place")] in {"USA", "Minneapolis, Minnesota, USA"}
    with pytest.raises(TypeError, match="implies"):
        reconcile(table, policy=TruthDiscovery(implies=42))


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


def test_the_table_needs_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without numpy the table says which extra to install; dossiers still reconcile."""
    monkeypatch.setattr(_xp, "_NUMPY", None)
    monkeypatch.setitem(sys.modules, "numpy", None)
    with pytest.raises(MissingDependencyError, match=r"filmlore\[fast\]"):
        small()
    assert _xp.backend() is _xp.backend(numpy=False)
    claim = Claim(
        id=EntityRef("claim", "c"),
        subject=EntityRef("film", "heat-1995"),
        property="duration",
        value=Duration.parse("170 min"),
        source=EntityRef("source", "s"),
    )
    assert len(reconcile([claim]).facts) == 1


def test_false_values_are_the_other_values_claimed() -> None:
    """n per question: the other values claimed for it, at least min_false_values."""
    from filmlore.reconcile._algorithms import TDParams, false_values

    table = ClaimTable.from_columns(
        subject=["two"] * 2 + ["five"] * 5 + ["one"],
        property="p",
        value=["a", "b", "a", "b", "c", "d", "e", "a"],
        source=["s1", "s2", "s1", "s2", "s3", "s4", "s5", "s1"],
    )
    ev, _, keys = table.evidence()
    subjects, _ = table.item_labels(keys)
    n = dict(zip(subjects, false_values(ev, TDParams()).tolist(), strict=True))
    assert n == {"two": 2.0, "five": 4.0, "one": 2.0}
    fixed = false_values(ev, TDParams(false_values=10.0)).tolist()
    assert fixed == [10.0, 10.0, 10.0]


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
    assert per_question > fixed > vote
