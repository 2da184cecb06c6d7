"""compare_claims(): subject, property, stance and scope, with the Heat articles' claims."""

from __future__ import annotations

import itertools

import pytest

from filmlore import (
    Claim,
    CompareContext,
    Dossier,
    Duration,
    EntityRef,
    Money,
    Person,
    Property,
    Qualifier,
    Stance,
    Text,
    Value,
    Verdict,
    compare_claims,
    parse_date,
)

HEAT = EntityRef("film", "heat-1995")
SAME, COMPATIBLE, CONFLICT, UNRELATED = (
    Verdict.SAME,
    Verdict.COMPATIBLE,
    Verdict.CONFLICT,
    Verdict.UNRELATED,
)
_ids = itertools.count()


def claim(
    prop: str,
    value: Value,
    *,
    stance: Stance = Stance.ASSERTS,
    subject: EntityRef = HEAT,
    **qualifiers: str,
) -> Claim:
    """A claim about Heat from a source of its own."""
    n = next(_ids)
    return Claim(
        id=EntityRef("claim", f"c{n}"),
        subject=subject,
        property=prop,
        value=value,
        source=EntityRef("source", f"s{n}"),
        stance=stance,
        qualifiers=[Qualifier(key=k, value=v) for k, v in qualifiers.items()],
    )


def both_ways(x: Claim, y: Claim) -> tuple[Verdict, str | None]:
    """The verdict and direction, checked to be the same (flipped) the other way round."""
    forth, back = compare_claims(x, y), compare_claims(y, x)
    assert back.verdict is forth.verdict
    assert back.refines == {"a": "b", "b": "a", None: None}[forth.refines]
    return forth.verdict, forth.refines


def test_different_subject_or_property_is_unrelated() -> None:
    """Claims about other films or other properties are unrelated."""
    runtime = claim("duration", Duration.parse("170 min"))
    other_film = claim("duration", Duration.parse("170 min"), subject=EntityRef("film", "x"))
    budget = claim("cost", Money.parse("$60 million"))
    assert both_ways(runtime, other_film) == (UNRELATED, None)
    assert both_ways(runtime, budget) == (UNRELATED, None)
    assert "different subjects" in compare_claims(runtime, other_film).reason


def test_property_aliases_and_tolerance_come_from_the_registry() -> None:
    """'runtime' is 'duration', whose tolerance of 3% makes 170 and 171 minutes the same."""
    x = claim("duration", Duration.parse("170 min"))
    assert both_ways(x, claim("runtime", Duration.parse("171 min"))) == (SAME, None)
    assert both_ways(x, claim("runtime", Duration.parse("188 min"))) == (CONFLICT, None)
    assert both_ways(claim("duration", Duration.parse("nearly 3 hours")), x) == (COMPATIBLE, "b")


def test_dossier_registry_is_used() -> None:
    """A dossier's own property, with its own tolerance, decides through the context."""
    screens = Property(name="opening_screens", kind="integer", tolerance=0.1)
    d = Dossier(properties=[screens])
    x, y = claim("opening_screens", 1325), claim("opening_screens", 1400)
    assert compare_claims(x, y, context=d).verdict is SAME
    assert compare_claims(x, y).verdict is CONFLICT
    ctx = CompareContext.from_dossier(d)
    assert compare_claims(x, y, context=ctx).verdict is SAME


def test_scope_on_screen_and_in_a_speaking_scene() -> None:
    """'First time on screen together' and '... in a speaking scene' are compatible; the
    speaking scene is the narrower scope (seeds 000 and 001)."""
    pair = Text("Al Pacino and Robert De Niro")
    on_screen = claim("first_pairing", pair, scope="on screen")
    speaking = claim("first_pairing", pair, scope="in a speaking scene")
    assert both_ways(on_screen, speaking) == (COMPATIBLE, "b")
    reason = compare_claims(on_screen, speaking).reason
    assert "'in a speaking scene' is narrower than 'on screen'" in reason


def test_scope_by_words() -> None:
    """A scope with all the other's words and more is narrower, without a taxonomy."""
    x = claim("description", Text("a heist"), scope="downtown shootout")
    y = claim("description", Text("a heist"), scope="shootout")
    assert both_ways(x, y) == (COMPATIBLE, "a")


def test_a_qualifier_narrows() -> None:
    """A claim with a qualifier the other lacks is the narrower one."""
    x = claim("release_date", parse_date("1995-12-15"), place="Westwood")
    y = claim("release_date", parse_date("1995-12-15"))
    assert both_ways(x, y) == (COMPATIBLE, "a")


def test_scope_keys_make_different_questions() -> None:
    """Release dates in different countries -- or one with a country, one without -- are
    answers to different questions: unrelated, neither agreeing nor conflicting."""
    us = claim("release_date", parse_date("1995-12-15"), country="US")
    fr = claim("release_date", parse_date("1996-02-21"), country="FR")
    c = compare_claims(us, fr)
    assert (c.verdict, c.refines) == (UNRELATED, None)
    assert "different scopes (country: US / FR)" in c.reason
    no_country = claim("release_date", parse_date("1996-02-21"))
    assert both_ways(us, no_country) == (UNRELATED, None)
    later = Claim(
        id=EntityRef("claim", "later"),
        subject=HEAT,
        property="release_date",
        value=parse_date("1995-12-15"),
        source=EntityRef("source", "x"),
        valid_at=parse_date("2020"),
    )
    assert both_ways(later, claim("release_date", parse_date("1995-12-15"))) == (UNRELATED, None)


def test_place_qualifiers_use_the_place_hierarchy() -> None:
    """A qualifier value inside the other's place is narrower."""
    x = claim("duration", Duration.parse("170 min"), place="United States")
    y = claim("duration", Duration.parse("170 min"), place="Los Angeles")
    assert both_ways(x, y) == (COMPATIBLE, "b")


def test_a_narrower_scope_does_not_reconcile_two_values_of_a_one_valued_property() -> None:
    """``rank: sergeant {force: LAPD}`` and ``rank: detective``: the qualifier narrows one
    claim, but a character has one rank, so the two values dispute; on a many-valued
    property, a value in a narrower scope is no alternative to another."""
    ranks = Dossier(properties=[Property(name="rank", kind="category", subjects=("character",))])
    hanna = EntityRef("character", "vincent-hanna")
    sergeant = claim("rank", Text("sergeant"), subject=hanna, force="LAPD")
    detective = claim("rank", Text("detective"), subject=hanna)
    c = compare_claims(sergeant, detective, context=ranks)
    assert c.verdict is CONFLICT
    assert "does not reconcile" in c.reason
    adamson = EntityRef("person", "chuck-adamson")
    cop = claim("occupation", Text("police officer"), subject=adamson, place="Chicago")
    crook = claim("occupation", Text("criminal"), subject=adamson)
    assert compare_claims(cop, crook).verdict is not CONFLICT


def test_one_key_with_two_values_conflicts_on_a_one_valued_property() -> None:
    """The same air date at 9 p.m. and at 10 p.m.: one-valued, so the times clash."""
    nine = claim("release_date", parse_date("2004-08-04"), time="9 p.m.")
    ten = claim("release_date", parse_date("2004-08-04"), time="10 p.m.")
    assert both_ways(nine, ten) == (CONFLICT, None)


def test_properties_that_know_each_other_meet() -> None:
    """From either end (an inverse), at different generality (a narrower property), or
    running the other way where a relation cannot hold both ways."""
    lat = EntityRef("film", "la-takedown-1989")
    remake = claim("remake_of", lat)
    remade = claim("remade_as", HEAT, subject=lat)
    assert both_ways(remake, remade) == (SAME, None)
    based = claim("based_on", lat)
    assert both_ways(remake, based) == (COMPATIBLE, "a")
    inspired_backwards = claim("inspired_by", HEAT, subject=lat)
    c = compare_claims(based, inspired_backwards)
    assert c.verdict is CONFLICT
    assert "cannot hold both ways" in c.reason
    influenced_backwards = claim("influenced_by", HEAT, subject=lat)
    assert compare_claims(claim("influenced_by", lat), influenced_backwards).agrees


def test_a_claim_and_its_denial_conflict() -> None:
    """Denying the asserted value is a conflict; denying another value is not."""
    asserted = claim("release_date", parse_date("1995-12-15"))
    denied = claim("release_date", parse_date("1995-12-15"), stance=Stance.DENIES)
    assert both_ways(asserted, denied) == (CONFLICT, None)
    denied_year = claim("release_date", parse_date("1995"), stance=Stance.DENIES)
    assert both_ways(asserted, denied_year) == (CONFLICT, None)
    year = claim("release_date", parse_date("1995"))
    denied_day = claim("release_date", parse_date("1995-12-15"), stance=Stance.DENIES)
    assert both_ways(year, denied_day) == (COMPATIBLE, None)
    other = claim("release_date", parse_date("1996"), stance=Stance.DENIES)
    assert both_ways(asserted, other) == (COMPATIBLE, None)


def test_two_denials() -> None:
    """Two denials of one value are the same; of different values, they do not clash."""
    a = claim("release_date", parse_date("1994"), stance=Stance.DENIES)
    b = claim("release_date", parse_date("1994"), stance=Stance.DENIES)
    c = claim("release_date", parse_date("1996"), stance=Stance.DENIES)
    assert both_ways(a, b) == (SAME, None)
    assert both_ways(a, c) == (COMPATIBLE, None)


def test_hedged_claims_are_weaker_not_conflicting() -> None:
    """'I read that … military training' hedges; Mann's 'Delta Force' asserts and refines."""
    d = Dossier(properties=[Property(name="used_in_training_by", kind="category")])
    hedged = claim("used_in_training_by", Text("military"), stance=Stance.HEDGES)
    asserted = claim("used_in_training_by", Text("Delta Force"))
    c = compare_claims(hedged, asserted, context=d)
    assert (c.verdict, c.refines) == (COMPATIBLE, "b")
    plain = compare_claims(claim("used_in_training_by", Text("military")), asserted, context=d)
    assert c.score < plain.score
    same_value = compare_claims(claim("release_date", parse_date("1995"), stance=Stance.HEDGES),
                                claim("release_date", parse_date("1995")))  # fmt: skip
    assert (same_value.verdict, same_value.refines) == (COMPATIBLE, "b")
    police = claim("used_in_training_by", Text("police"), stance=Stance.HEDGES)
    assert compare_claims(police, asserted, context=d).verdict is CONFLICT


def test_kind_comes_from_the_property() -> None:
    """A 'category' property compares its text through the taxonomy."""
    mine = Property(name="used_in_training_by", kind="category", subjects=("film",))
    d = Dossier(properties=[mine])
    x = claim("used_in_training_by", Text("Delta Force"))
    y = claim("used_in_training_by", Text("military"))
    assert compare_claims(x, y, context=d).refines == "a"


def test_ref_property_with_a_name_value() -> None:
    """A director given as a name is compared with the director given as a reference."""
    mann = EntityRef("person", "michael-mann")
    d = Dossier(people=[Person(id=mann, name="Michael Mann")])
    x = claim("director", mann)
    y = claim("director", Text("Michael Mann"))
    assert compare_claims(x, y, context=d).verdict is SAME
    z = claim("director", Text("Christopher Nolan"))
    assert compare_claims(x, z, context=d).verdict is CONFLICT


def test_same_claim() -> None:
    """A claim compared with itself is the same."""
    x = claim("duration", Duration.parse("170 min"))
    assert compare_claims(x, x).verdict is SAME


@pytest.mark.parametrize("scope", ["in a scene", "in the same scene", "shared a scene"])
def test_scope_synonyms(scope: str) -> None:
    """Usual ways of writing 'in a scene' sit between 'on screen' and 'speaking scene'."""
    pair = Text("Pacino and De Niro")
    x = claim("first_pairing", pair, scope=scope)
    assert both_ways(x, claim("first_pairing", pair, scope="on screen")) == (COMPATIBLE, "a")
    assert both_ways(x, claim("first_pairing", pair, scope="speaking scene")) == (COMPATIBLE, "b")
