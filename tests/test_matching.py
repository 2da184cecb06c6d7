"""Matching films and people across data sets: by ids, then title and year, then name and
work; ambiguous records listed, never merged."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import filmlore
from filmlore import (
    Claim,
    Credit,
    Dossier,
    EntityRef,
    ExternalIds,
    Film,
    ImdbId,
    Person,
    RoleKind,
    Source,
    SourceKind,
    Text,
    TmdbId,
    match,
)
from filmlore.matching import fold_title
from filmlore.testing import films as film_records


def ref(text: str) -> EntityRef:
    return EntityRef.parse(text)


def film(key: str, title: str, year: int | None = None, **ids: object) -> Film:
    return Film(id=EntityRef("film", key), title=Text(title), year=year, ids=ExternalIds(**ids))  # type: ignore[arg-type]


def person(key: str, name: str, **fields: object) -> Person:
    return Person(id=EntityRef("person", key), name=name, **fields)  # type: ignore[arg-type]


SOURCE = Source(id=EntityRef("source", "table"), kind=SourceKind.DATABASE)


def claim(key: str, subject: str, prop: str, value: object) -> Claim:
    return Claim(
        id=EntityRef("claim", key),
        subject=ref(subject),
        property=prop,
        value=value,  # type: ignore[arg-type]
        source=SOURCE.id,
    )


HEAT_IMDB = film("tt0113277", "Heat", 1995, imdb=ImdbId("tt0113277"))


def test_records_sharing_an_id_are_one_film_even_through_a_third() -> None:
    tmdb = Dossier(films=[film("tmdb-949", "Heat", 1995, tmdb=TmdbId(949))])
    links = Dossier(films=[film("movielens-6", "Heat", 1995, tmdb=TmdbId(949),
                                imdb=ImdbId("tt0113277"))])  # fmt: skip
    joined = match(Dossier(films=[HEAT_IMDB]), tmdb, links)
    (heat,) = joined.dossier.films
    assert heat.id == ref("film:tt0113277")
    assert heat.ids.tmdb == TmdbId(949)
    assert heat.ids.imdb == ImdbId("tt0113277")
    assert {str(m.merged): m.how for m in joined.matches} == {
        "film:movielens-6": "same imdb id tt0113277",
        "film:tmdb-949": "same tmdb id 949",
    }
    assert joined.kept("film:tmdb-949") == ref("film:tt0113277")


def test_a_film_of_a_table_meets_its_database_record_by_title_and_year() -> None:
    table = Dossier(
        films=[film("heat-1995", "Heat", 1996)],  # the festival-or-release year apart
        sources=[SOURCE],
        claims=[claim("a", "film:heat-1995", "duration", filmlore.Duration.parse("170 min"))],
    )
    joined = match(Dossier(films=[HEAT_IMDB]), table)
    assert [str(m) for m in joined.matches] == [
        "film:heat-1995 → film:tt0113277: the same title and a year at most one apart"
    ]
    (moved,) = joined.dossier.claims
    assert moved.subject == ref("film:tt0113277")
    assert joined.dossier.films == (HEAT_IMDB,)


def test_heat_the_heat_and_the_other_heat_stay_apart() -> None:
    imdb = Dossier(
        films=[
            HEAT_IMDB,
            film("tt2404463", "The Heat", 2013, imdb=ImdbId("tt2404463")),
            film("tt0093164", "Heat", 1986, imdb=ImdbId("tt0093164")),
        ]
    )
    table = Dossier(
        films=[
            film("the-heat-2013", "The Heat", 2013),
            film("heat", "Heat"),
            film("heat-1986", "Heat", 1987),
        ]
    )
    joined = match(imdb, table)
    assert {str(m.merged): str(m.kept) for m in joined.matches} == {
        "film:the-heat-2013": "film:tt2404463",
        "film:heat-1986": "film:tt0093164",
    }
    (ambiguous,) = joined.ambiguous
    assert ambiguous.ref == ref("film:heat")
    assert set(ambiguous.candidates) == {ref("film:tt0113277"), ref("film:tt0093164")}
    assert len(joined.dossier.films) == 4


def test_two_candidates_are_listed_never_merged() -> None:
    a = Dossier(films=[film("tt1", "Crash", 2004, imdb=ImdbId("tt0375679")),
                       film("tt2", "Crash", 2005, imdb=ImdbId("tt0375680"))])  # fmt: skip
    joined = match(a, Dossier(films=[film("crash-2004", "Crash", 2004)]))
    assert joined.matches == ()
    (ambiguous,) = joined.ambiguous
    assert len(ambiguous.candidates) == 2
    assert "2 films" in ambiguous.why


def test_a_small_edit_matches_but_a_different_number_never_does() -> None:
    imdb = Dossier(
        films=[
            film("tt0079817", "Rocky II", 1979, imdb=ImdbId("tt0079817")),
            film("tt0084602", "Rocky III", 1982, imdb=ImdbId("tt0084602")),
            film("tt0211915", "Amélie", 2001, imdb=ImdbId("tt0211915")),
        ]
    )
    table = Dossier(films=[film("rocky-iii-1979", "Rocky III", 1979),
                           film("rocky-2-1982", "Rocky 2", 1982),
                           film("amelie-2001", "Amelie!", 2001)])  # fmt: skip
    joined = match(imdb, table)
    assert {str(m.merged): str(m.kept) for m in joined.matches} == {
        "film:amelie-2001": "film:tt0211915"
    }


def test_a_trailing_article_is_read_in_its_place() -> None:
    assert fold_title("American President, The") == fold_title("The American President")
    assert fold_title("Heat") != fold_title("The Heat")
    imdb = Dossier(films=[film("tt0112346", "The American President", 1995,
                               imdb=ImdbId("tt0112346"))])  # fmt: skip
    joined = match(imdb, Dossier(films=[film("x-1995", "American President, The", 1995)]))
    assert len(joined.matches) == 1


def test_a_name_meets_its_person_through_a_shared_film() -> None:
    imdb = Dossier(
        films=[HEAT_IMDB],
        people=[person("nm0000520", "Michael Mann", ids=ExternalIds(imdb=ImdbId("nm0000520")))],
        credits=[
            Credit(
                id=EntityRef("credit", "c"),
                film=HEAT_IMDB.id,
                person=ref("person:nm0000520"),
                role=RoleKind.DIRECTOR,
            )
        ],
    )
    table = Dossier(
        films=[film("heat-1995", "Heat", 1995), film("collateral-2004", "Collateral", 2004)],
        people=[person("michael-mann", "Michael Mann"), person("michael-mann-2", "Michael Mann")],
        sources=[SOURCE],
        claims=[
            claim("d", "film:heat-1995", "director", ref("person:michael-mann")),
            claim("e", "film:collateral-2004", "director", ref("person:michael-mann-2")),
        ],
    )
    joined = match(imdb, table)
    how = {str(m.merged): m.how for m in joined.matches}
    assert how["person:michael-mann"] == "the same name and a shared film (film:tt0113277)"
    assert "person:michael-mann-2" not in how  # same name, no shared film: not the same
    directors = {str(c.value) for c in joined.dossier.claims if c.property == "director"}
    assert directors == {"person:nm0000520", "person:michael-mann-2"}


def test_a_name_meets_its_person_by_date_of_birth() -> None:
    born = filmlore.PartialDate(year=1943, month=2, day=5)
    imdb = Dossier(people=[person("nm0000520", "Michael Mann", born=born,
                                  ids=ExternalIds(imdb=ImdbId("nm0000520")))])  # fmt: skip
    table = Dossier(people=[person("michael-mann", "Michael Mann", born=born)])
    joined = match(imdb, table)
    assert [m.how for m in joined.matches] == ["the same name and date of birth (1943-02-05)"]


def test_the_same_source_or_claim_in_two_inputs_is_kept_once() -> None:
    a = Dossier(sources=[SOURCE], claims=[claim("a", "film:x", "duration", Text("1"))])
    joined = match(a, a)
    assert len(joined.dossier.sources) == 1
    assert len(joined.dossier.claims) == 1


def test_a_data_set_stays_a_data_set_when_joined() -> None:
    data = Dossier(films=[HEAT_IMDB], origin=filmlore.DossierOrigin.DATA_SET)
    assert match(data, Dossier(films=[film("y", "Y")])).dossier.origin is (
        filmlore.DossierOrigin.DATA_SET
    )


def _outside_ids(f: Film) -> list[object]:
    return [v for v in (f.ids.imdb, f.ids.tmdb, f.ids.wikidata, f.ids.movielens) if v]


@given(st.lists(film_records(), max_size=6, unique_by=lambda f: f.id))
def test_one_dossier_matched_alone_is_itself_unless_two_records_share_an_id(
    films: list[Film],
) -> None:
    d = Dossier(films=films)
    joined = match(d)
    assert joined.ambiguous == ()  # titles and years are never matched within a data set
    shared = [i for f in films for i in _outside_ids(f)]
    if len(shared) == len(set(shared)):
        assert joined.matches == ()
        assert joined.dossier == d
    else:  # records of one data set that share an outside id are one film
        assert all(m.how.startswith("same ") for m in joined.matches)
        assert len(joined.dossier.films) == len(films) - len(joined.matches)


def test_real_data_sets_meet_on_heat(tmp_path: Path) -> None:
    from tests.conftest import shared_file

    movielens = filmlore.load(shared_file("data", "film", "movielens_ml_latest_small"))
    assert "film:tt0113277" in movielens  # its links give it IMDb's id
    renamed = Dossier(films=[film("heat-1995", "Heat", 1995)])
    joined = match(movielens, renamed)
    assert joined.kept("film:heat-1995") == ref("film:tt0113277")


def test_a_title_and_year_id_made_by_two_tables_is_one_film_and_meets_its_record() -> None:
    """Two tables both call Heat film:heat-1995: that is one film, joined once to IMDb's."""
    a = Dossier(films=[film("heat-1995", "Heat", 1995)])
    b = Dossier(films=[film("heat-1995", "Heat", 1995)])
    joined = match(Dossier(films=[HEAT_IMDB]), a, b)
    assert joined.ambiguous == ()
    assert [str(m) for m in joined.matches] == [
        "film:heat-1995 → film:tt0113277: the same title and a year at most one apart"
    ]
    assert len(joined.dossier.films) == 1
