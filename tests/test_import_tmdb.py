"""The ``tmdb`` importer: The Movies Dataset (Python-repr cells, links.csv, its broken
rows), TMDB 5000 (JSON cells) and TMDb API JSON, each known by its shape; films, people,
characters, credits and claims with their places; dirt refused or noted, no row lost."""

from __future__ import annotations

import csv
import gzip
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import filmlore
from filmlore import (
    Character,
    ClaimTable,
    Credit,
    DataWarning,
    Film,
    LoadError,
    LoadResult,
    Person,
    RoleKind,
    Severity,
    validate,
)
from filmlore.importers import recognise

from .conftest import shared_file

DATA = Path(__file__).parent / "data" / "import" / "tmdb"
MOVIES_DATASET = DATA / "the_movies_dataset"
TMDB_5000 = DATA / "tmdb_5000"
HEAT_JSON = DATA / "api" / "heat.json"
HEAT = "film:tt0113277"
HEADER = (
    "adult,belongs_to_collection,budget,genres,homepage,id,imdb_id,original_language,"
    "original_title,overview,popularity,poster_path,production_companies,"
    "production_countries,release_date,revenue,runtime,spoken_languages,status,tagline,"
    "title,video,vote_average,vote_count"
)


def copy(tmp_path: Path, source: Path = MOVIES_DATASET) -> Path:
    root = tmp_path / source.name
    shutil.copytree(source, root)
    return root


def values(d: filmlore.Dossier, subject: str, prop: str) -> list[str]:
    return [str(c.value) for c in d.claims_about(subject, prop)]


def entity(d: filmlore.Dossier, ref: str, kind: type) -> object:
    found = d.get(ref)
    assert isinstance(found, kind), ref
    return found


def noted(path: Path) -> filmlore.Dossier:
    """A strict load of an extract whose dirt is noted: it warns (the notes' kinds)."""
    with pytest.warns(DataWarning):
        return filmlore.load(path, format="tmdb")


def lenient(path: Path) -> LoadResult:
    result = filmlore.load(path, format="tmdb", lenient=True)
    assert isinstance(result, LoadResult)
    return result


def row(**cells: str) -> str:
    """A movies_metadata.csv row: Heat's cells, some replaced."""
    with open(MOVIES_DATASET / "movies_metadata.csv", newline="", encoding="utf-8") as f:
        heat = next(r for r in csv.DictReader(f) if r["id"] == "949")
    heat.update(cells)
    out = []
    for name in HEADER.split(","):
        value = heat[name]
        out.append(
            '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n') else value
        )
    return ",".join(out)


def metadata(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "movies_metadata.csv"
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


# --- The Movies Dataset -------------------------------------------------------------------------


def test_heat_from_the_movies_dataset() -> None:
    """Heat: film:tt0113277 (its imdb_id), TMDb 949, MovieLens 6 (links.csv); the facts of
    its row as typed claims, each with the cell as written and its place."""
    assert recognise(MOVIES_DATASET) == "tmdb"  # a folder of The Movies Dataset
    d = noted(MOVIES_DATASET)
    heat = entity(d, HEAT, Film)
    assert isinstance(heat, Film)
    assert heat.title.text == "Heat"
    assert heat.year == 1995
    assert (str(heat.ids.imdb), str(heat.ids.tmdb), str(heat.ids.movielens)) == (
        "tt0113277",
        "949",
        "6",
    )
    assert values(d, HEAT, "duration") == ["170 min"]
    assert values(d, HEAT, "release_date") == ["1995-12-15"]
    assert values(d, HEAT, "cost") == ["$60 million"]
    assert values(d, HEAT, "box_office") == ["$187,436,818"]
    assert values(d, HEAT, "genre") == ["Action", "Crime", "Drama", "Thriller"]
    assert values(d, HEAT, "production_company") == [
        "Regency Enterprises",
        "Forward Pass",
        "Warner Bros.",
    ]
    assert values(d, HEAT, "country_of_origin") == ["US"]
    assert values(d, HEAT, "original_language") == ["en"]
    assert values(d, HEAT, "spoken_language") == ["en", "es"]
    assert values(d, HEAT, "tagline") == ["A Los Angeles Crime Saga"]
    assert values(d, HEAT, "vote_count") == ["1886"]
    (runtime,) = d.claims_about(HEAT, "duration")
    assert runtime.value == filmlore.Duration(amount=Decimal(170), unit="min")
    assert runtime.excerpt is not None
    assert (runtime.excerpt.text, runtime.excerpt.locator) == (
        "170.0",
        "movies_metadata.csv:7$.runtime",
    )
    assert str(runtime.source) == "source:the-movies-dataset"
    (money,) = d.claims_about(HEAT, "cost")
    assert isinstance(money.value, filmlore.Money)
    assert money.value.currency == "USD"
    (gross,) = d.claims_about(HEAT, "box_office")
    assert gross.qualifier("region") == "worldwide"
    (rating,) = d.claims_about(HEAT, "user_rating")
    assert str(rating.value) == "7.7"
    assert rating.qualifier("scale") == "10"
    date = d.claims_about(HEAT, "release_date")[0].value
    assert isinstance(date, filmlore.PartialDate)
    assert date.day == 15
    genre = d.claims_about(HEAT, "genre")[1]
    assert genre.excerpt is not None
    assert genre.excerpt.locator == ("movies_metadata.csv:7$.genres[1].name")


def test_keywords_come_from_keywords_csv() -> None:
    """keywords.csv gives keyword claims, placed in its own file."""
    d = noted(MOVIES_DATASET)
    keywords = d.claims_about(HEAT, "keyword")
    assert [str(k.value) for k in keywords[:3]] == ["robbery", "detective", "bank"]
    assert keywords[0].excerpt is not None
    assert keywords[0].excerpt.locator == "keywords.csv:7$.keywords[0].name"


def test_credits_make_people_characters_credits_and_claims() -> None:
    """Cast: a person per TMDb id, a character, a credit with the billing order, and a
    cast_member claim with the role; crew: credits, and claims by job."""
    d = noted(MOVIES_DATASET)
    pacino = entity(d, "person:tmdb-1158", Person)
    assert isinstance(pacino, Person)
    assert pacino.name == "Al Pacino"
    hanna = entity(d, "character:tt0113277-lt-vincent-hanna", Character)
    assert isinstance(hanna, Character)
    assert hanna.name == "Lt. Vincent Hanna"
    assert [str(p) for p in hanna.played_by] == ["person:tmdb-1158"]
    credit = entity(d, "credit:tmdb-52fe4292c3a36847f80291f5", Credit)
    assert isinstance(credit, Credit)
    assert (credit.role, credit.billing, credit.character) == (RoleKind.CAST, 0, hanna.id)
    cast = d.claims_about(HEAT, "cast_member")
    assert str(cast[0].value) == "person:tmdb-1158"
    assert cast[0].qualifier("character_role") == "Lt. Vincent Hanna"
    assert cast[0].excerpt is not None
    assert cast[0].excerpt.locator == ("credits.csv:3$.cast[0].name")
    assert values(d, HEAT, "director") == ["person:tmdb-638"]
    assert values(d, HEAT, "screenwriter") == ["person:tmdb-638"]
    assert values(d, HEAT, "producer") == ["person:tmdb-1254", "person:tmdb-638"]
    assert values(d, HEAT, "composer") == ["person:tmdb-5581"]
    assert values(d, HEAT, "director_of_photography") == ["person:tmdb-11099"]
    assert len(values(d, HEAT, "film_editor")) == 4
    mann = entity(d, "person:tmdb-638", Person)
    assert isinstance(mann, Person)
    assert mann.name == "Michael Mann"
    executive = [c for c in d.credits if c.job == "Executive Producer" and c.film == credit.film]
    assert {c.role for c in executive} == {RoleKind.EXECUTIVE_PRODUCER}


def test_an_uncredited_mark_goes_on_the_credit_and_the_note() -> None:
    """ "Solenko, Restaurant Manager (uncredited)": the role without the mark, the credit
    uncredited, the excerpt the name as written, the note saying how it was read."""
    d = noted(MOVIES_DATASET)
    (claim,) = [
        c for c in d.claims_about(HEAT, "cast_member") if str(c.value) == "person:tmdb-4971"
    ]
    assert claim.qualifier("character_role") == "Solenko, Restaurant Manager"
    assert claim.note is not None
    assert "(uncredited)" in claim.note
    (credit,) = [c for c in d.credits if str(c.person) == "person:tmdb-4971"]
    assert credit.uncredited
    assert not credit.voice


def test_zero_budget_and_revenue_are_unknown_not_zero() -> None:
    """Grumpier Old Men has budget 0 and revenue 0: TMDb's unknown, so no claim."""
    d = noted(MOVIES_DATASET)
    film = "film:tt0113228"
    assert values(d, film, "cost") == []
    assert values(d, film, "box_office") == []
    assert values(d, film, "duration") == ["101 min"]


def test_a_repeated_row_is_read_once_and_said() -> None:
    """TMDb 105045 is on two lines cell for cell: one film, claims from the first line, a
    note for the second."""
    result = lenient(MOVIES_DATASET)
    (note,) = [n for n in result.notes if "repeats" in n.message]
    assert note.location.line == 10
    assert "repeats line 8" in note.message
    films = [f for f in result.dossier.films if f.ids.tmdb and f.ids.tmdb.value == 105045]
    assert len(films) == 1
    lines = {
        c.excerpt.locator.split("$")[0]
        for c in result.dossier.claims_about(films[0].id)
        if c.excerpt and c.excerpt.locator
    }
    assert lines == {"movies_metadata.csv:8"}


def test_links_csv_that_disagrees_does_not_move_the_film() -> None:
    """links.csv says TMDb 131232 is tt0092123; the row's own imdb_id says tt0333373: the
    film keeps its own (TMDb's) and no MovieLens id, and the note says so."""
    result = lenient(MOVIES_DATASET)
    film = entity(result.dossier, "film:tt0333373", Film)
    assert isinstance(film, Film)
    assert film.ids.movielens is None
    assert result.dossier.get("film:tt0092123") is None
    assert any("tt0092123 (movieId 723)" in n.message for n in result.notes)
    toy = entity(result.dossier, "film:tt0114709", Film)
    assert isinstance(toy, Film)
    assert toy.ids.movielens is not None


def test_no_row_of_the_extract_is_lost() -> None:
    """Every data row of every file is in the dossier (a claim placed on its line), or
    rejected, or noted; the dossier validates without errors."""
    result = lenient(MOVIES_DATASET)
    placed = {
        c.excerpt.locator.split("$")[0]
        for c in result.dossier.claims
        if c.excerpt and c.excerpt.locator
    }
    listed = {f"{r.location.file}:{r.location.line}" for r in result.rejected}
    listed |= {f"{n.location.file}:{n.location.line}" for n in result.notes}
    for name in ("movies_metadata.csv", "credits.csv", "keywords.csv"):
        with open(MOVIES_DATASET / name, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            next(reader)
            starts, last = [], 1
            for _ in reader:
                starts.append(last + 1)
                last = reader.line_num
        for line in starts:
            assert f"{name}:{line}" in placed | listed, (name, line)
    assert not [i for i in validate(result.dossier) if i.severity is Severity.ERROR]


# --- dirt -------------------------------------------------------------------------------------


def test_a_record_broken_across_two_lines_is_rejected_with_the_counts(tmp_path: Path) -> None:
    """The full movies_metadata.csv breaks three records in two at an unquoted line break
    in the overview (Midnight Man, TMDb ids 1997-08-20 ... as pandas reads them): each
    half is rejected with its cell count, and the rows around are read."""
    first = (
        "False,,0,\"[{'id': 28, 'name': 'Action'}]\",,109962,tt0119667,en,Midnight Man,"
        "British soldiers force a recently captured IRA terrorist to cooperate"
    )
    second = (
        " - Written by Ørnås,0.065736,/ff9qCepilowshEtG2GYWwzt2bs4.jpg,"
        "\"[{'name': 'Carousel Productions', 'id': 11176}]\","
        "\"[{'iso_3166_1': 'CA', 'name': 'Canada'}]\",1997-08-20,0,104.0,"
        "\"[{'iso_639_1': 'en', 'name': 'English'}]\",Released,,Midnight Man,False,6.0,1"
    )
    path = metadata(tmp_path, row(), first, second, row(id="950", imdb_id="tt0000950"))
    result = lenient(path)
    problems = [str(p) for r in result.rejected for p in r.problems]
    assert problems == [
        "expected 24 cells as in the header, got 10 @ $ (movies_metadata.csv:3)",
        "expected 24 cells as in the header, got 15 @ $ (movies_metadata.csv:4)",
    ]
    assert len(result.dossier.films) == 2
    assert result.rows == 4


def test_a_shifted_row_as_pandas_saves_it_is_rejected_naming_the_shift(tmp_path: Path) -> None:
    """Re-saved by pandas, the broken half has all 24 cells, shifted: adult holds the
    overview's end and id a date.  The row is rejected with both reasons."""
    shifted = row(adult=" - Written by Ørnås", id="1997-08-20", imdb_id="0")
    result = lenient(metadata(tmp_path, shifted))
    (rejected,) = result.rejected
    messages = [p.message for p in rejected.problems]
    assert rejected.location.line == 2
    assert len(messages) == 3
    assert messages[0].startswith("$.adult: expected True or False, got ' - Written by Ørnås'")
    assert "shifted" in messages[0]
    assert messages[1].startswith("$.id: cannot read '1997-08-20' as an id")
    assert messages[2].startswith("$.imdb_id:")
    assert result.dossier.films == ()


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("[{'id': 28, 'name': 'Action'}", "expected a list or mapping written as JSON"),
        ("[__import__('os').system('touch pwned')]", "expected a list or mapping"),
        ("{'id': 28, 'name': 'Action'}", "expected a list of mappings"),
        ("[{'id': 28}]", "expected a name (text), got none"),
        ("[" * 100_000, "expected a list or mapping"),
        ("[" + "{'id': 1, 'name': 'x'}, " * 200_000 + "]", "characters, more than the"),
    ],
)
def test_a_bad_list_cell_rejects_its_row_naming_the_column(
    tmp_path: Path, cell: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cell that is neither JSON nor a Python literal, or not a list of mappings with
    names, or too deep or too large: the row rejected with $.genres and why -- never
    evaluated, never a traceback."""
    monkeypatch.chdir(tmp_path)
    result = lenient(metadata(tmp_path, row(genres=cell)))
    (rejected,) = result.rejected
    (problem,) = rejected.problems
    assert problem.location.path.startswith("$.genres")
    assert expected in problem.message
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize(
    ("cells", "path"),
    [
        ({"runtime": "about 170"}, "$.runtime"),
        ({"runtime": "-170"}, "$.runtime"),
        ({"budget": "$60M"}, "$.budget"),
        ({"release_date": "1995-13-45"}, "$.release_date"),
        ({"imdb_id": "nm0000199"}, "$.imdb_id"),
        ({"vote_count": "1886.5"}, "$.vote_count"),
        ({"title": "", "original_title": ""}, "$.title"),
    ],
)
def test_a_bad_cell_rejects_its_row(tmp_path: Path, cells: dict[str, str], path: str) -> None:
    """Each bad cell rejects its row with file, line, $.column; strict raises them all."""
    bad = metadata(tmp_path, row(**cells))
    result = lenient(bad)
    (rejected,) = result.rejected
    assert (rejected.location.file, rejected.location.line) == ("movies_metadata.csv", 2)
    assert rejected.location.path == path
    with pytest.raises(LoadError, match=r"movies_metadata\.csv:2"):
        filmlore.load(bad, format="tmdb")


@pytest.mark.parametrize("empty", ["0", "0.0", ""])
def test_zero_or_empty_runtime_is_unknown(tmp_path: Path, empty: str) -> None:
    """runtime 0, 0.0 or empty: no duration claim (TMDb's unknown), the row read."""
    result = lenient(metadata(tmp_path, row(runtime=empty)))
    assert result.ok
    assert values(result.dossier, HEAT, "duration") == []
    assert values(result.dossier, HEAT, "title") == ["Heat"]


def test_a_tmdb_id_saved_as_a_float_is_read_and_noted(tmp_path: Path) -> None:
    """id 949.0 is 949, with a note at $.id."""
    result = lenient(metadata(tmp_path, row(id="949.0")))
    film = entity(result.dossier, HEAT, Film)
    assert isinstance(film, Film)
    assert film.ids.tmdb is not None
    assert film.ids.tmdb.value == 949
    assert [n.location.path for n in result.notes] == ["$.id"]


def test_mojibake_is_kept_unless_repair_is_asked_and_then_noted(tmp_path: Path) -> None:
    """A title and an actor's name in mojibake stay as written by default; with
    repair_text=True they are repaired, and the title claim's note and the load's notes
    say what was read as what."""
    pytest.importorskip("ftfy")
    cast = repr([{"id": 9, "name": "AmÃ©lie Poulain", "character": "CafÃ© Owner", "order": 0}])
    metadata(tmp_path, row(title="CafÃ© Society"))
    credits = tmp_path / "credits.csv"
    credits.write_text(f'cast,crew,id\n"{cast}",[],949\n', encoding="utf-8")
    kept = lenient(tmp_path)
    assert values(kept.dossier, HEAT, "title") == ["CafÃ© Society"]
    result = filmlore.load(tmp_path, format="tmdb", lenient=True, repair_text=True)
    (title,) = result.dossier.claims_about(HEAT, "title")
    assert str(title.value) == "Café Society"
    assert title.excerpt is not None
    assert title.excerpt.text == "CafÃ© Society"
    assert title.note is not None
    assert "mojibake" in title.note
    person = entity(result.dossier, "person:tmdb-9", Person)
    assert isinstance(person, Person)
    assert person.name == "Amélie Poulain"
    (cast_claim,) = result.dossier.claims_about(HEAT, "cast_member")
    assert cast_claim.qualifier("character_role") == "Café Owner"
    assert {n.location.path for n in result.notes} == {
        "$.title",
        "$.cast[0].name",
        "$.cast[0].character",
    }


def test_a_gzipped_file_reads_the_same(tmp_path: Path) -> None:
    """A .gz copy of movies_metadata.csv is recognised and gives the same claims."""
    plain = noted(MOVIES_DATASET / "movies_metadata.csv")
    packed = tmp_path / "movies_metadata.csv.gz"
    packed.write_bytes(gzip.compress((MOVIES_DATASET / "movies_metadata.csv").read_bytes()))
    assert recognise(packed) == "tmdb"
    with pytest.warns(DataWarning, match="repeated rows"):
        again = filmlore.load(packed)
    assert [(c.property, c.value) for c in again.claims] == [
        (c.property, c.value) for c in plain.claims
    ]


def test_a_single_credits_file_names_films_by_tmdb_id() -> None:
    """credits.csv alone: the films are film:tmdb-<id> (no movies file, no links), not
    described, so validate reports them as info only."""
    d = filmlore.load(MOVIES_DATASET / "credits.csv", format="tmdb")
    assert values(d, "film:tmdb-949", "director") == ["person:tmdb-638"]
    assert d.films == ()
    issues = validate(d)
    assert not [i for i in issues if i.severity is Severity.ERROR]
    assert any(i.code == "undeclared-reference" for i in issues)


def test_a_tmdb_5000_credits_file_alone_names_its_films_by_title() -> None:
    """TMDB 5000's credits rows carry the film's title: read alone, each film is made,
    titled, with its title claimed from that column."""
    d = noted(TMDB_5000 / "tmdb_5000_credits.csv")
    turbo = entity(d, "film:tmdb-77950", Film)
    assert isinstance(turbo, Film)
    assert turbo.title.text == "Turbo"
    (title,) = d.claims_about("film:tmdb-77950", "title")
    assert title.excerpt is not None
    assert title.excerpt.locator == "tmdb_5000_credits.csv:4$.title"
    assert values(d, "film:tmdb-77950", "cast_member")


def test_a_links_file_alone_is_not_tmdb() -> None:
    """Asked to read a MovieLens links.csv as TMDb, the importer says what it reads."""
    with pytest.raises(LoadError, match="expected a TMDb table or API JSON file"):
        filmlore.load(MOVIES_DATASET / "links.csv", format="tmdb")


# --- TMDB 5000 ----------------------------------------------------------------------------------


def test_tmdb_5000_json_cells() -> None:
    """TMDB 5000 has no IMDb ids: films are film:tmdb-<id>; JSON cells read as the reprs."""
    result = lenient(TMDB_5000)
    d = result.dossier
    assert result.ok
    assert result.rows == 7
    prince = entity(d, "film:tmdb-9543", Film)
    assert isinstance(prince, Film)
    assert prince.title.text == "Prince of Persia: The Sands of Time"
    assert str(d.sources[0].id) == "source:tmdb-5000"
    assert "Action" in values(d, "film:tmdb-9543", "genre")
    assert "based on video game" in values(d, "film:tmdb-9543", "keyword")
    assert values(d, "film:tmdb-9543", "duration") == ["116 min"]
    voices = [c for c in d.credits if str(c.film) == "film:tmdb-77950" and c.voice]
    assert voices  # Turbo's "(voice)" roles


def test_a_shared_billing_order_is_left_out_and_said() -> None:
    """Prince of Persia gives order 1 to two actors: neither credit has a billing (no
    guess who comes first), and the note names both."""
    result = lenient(TMDB_5000)
    shared = [
        c
        for c in result.dossier.credits
        if str(c.film) == "film:tmdb-9543" and c.role is RoleKind.CAST and c.billing is None
    ]
    assert len(shared) == 2
    assert any("Gemma Arterton, Ben Kingsley" in n.message for n in result.notes)
    assert not [i for i in validate(result.dossier) if i.severity is Severity.ERROR]


def test_a_blank_keyword_is_left_out_and_said() -> None:
    """Joe Dirt's sixth keyword is a no-break space: no claim, a note, the row kept."""
    result = lenient(TMDB_5000)
    (note,) = [n for n in result.notes if "blank" in n.message]
    assert note.location.path == "$.keywords[5].name"
    assert values(result.dossier, "film:tmdb-10956", "title") == ["Joe Dirt"]


# --- TMDb API JSON ------------------------------------------------------------------------------


def test_heat_from_the_api() -> None:
    """The API's Heat: the same film and facts; credits and keywords appended; locators
    are JSON paths in the file."""
    assert recognise(HEAT_JSON) == "tmdb"
    d = filmlore.load(HEAT_JSON)
    heat = entity(d, HEAT, Film)
    assert isinstance(heat, Film)
    assert str(heat.ids.tmdb) == "949"
    assert values(d, HEAT, "duration") == ["170 min"]
    assert values(d, HEAT, "cost") == ["$60 million"]
    assert values(d, HEAT, "director") == ["person:tmdb-638"]
    assert values(d, HEAT, "keyword")[:2] == ["robbery", "detective"]
    assert str(d.sources[0].id) == "source:tmdb"
    (runtime,) = d.claims_about(HEAT, "duration")
    assert runtime.excerpt is not None
    assert (runtime.excerpt.text, runtime.excerpt.locator) == ("170", "heat.json$.runtime")
    pacino = d.claims_about(HEAT, "cast_member")[0]
    assert pacino.excerpt is not None
    assert pacino.excerpt.locator == "heat.json$.credits.cast[0].name"
    assert values(d, HEAT, "user_rating") == ["7.7"]
    assert not [i for i in validate(d) if i.severity is Severity.ERROR]


def test_the_api_and_the_movies_dataset_agree_on_heat() -> None:
    """The facts both give (hand-written from the data set's values) are the same."""
    api = filmlore.load(HEAT_JSON)
    csv_ = noted(MOVIES_DATASET)
    for prop in ("title", "duration", "cost", "box_office", "release_date", "genre"):
        assert values(api, HEAT, prop) == values(csv_, HEAT, prop), prop


def test_a_list_of_movies_and_json_lines(tmp_path: Path) -> None:
    """A JSON list of movies is placed by index; JSON Lines by line, a broken line
    rejected with its number and the others read."""
    heat = json.loads(HEAT_JSON.read_text())
    other = dict(heat, id=950, imdb_id=None, title="Heat 2", external_ids={})
    listed = tmp_path / "movies.json"
    listed.write_text(json.dumps([heat, other]))
    d = filmlore.load(listed, format="tmdb")
    assert [
        str(c.excerpt.locator) for c in d.claims_about("film:tmdb-950", "title") if c.excerpt
    ] == ["movies.json$[1].title"]
    lines = tmp_path / "movies.jsonl"
    lines.write_text(json.dumps(heat) + "\n{not json\n\n" + json.dumps(other) + "\n")
    result = lenient(lines)
    (rejected,) = result.rejected
    assert (rejected.location.line, result.rows) == (2, 3)
    title = result.dossier.claims_about("film:tmdb-950", "title")[0]
    assert title.excerpt is not None
    assert title.excerpt.locator == "movies.jsonl:4$.title"


def test_external_ids_give_a_wikidata_id(tmp_path: Path) -> None:
    """external_ids.wikidata_id goes on the film's outside ids (IMDb still names it)."""
    heat = json.loads(HEAT_JSON.read_text())
    heat["external_ids"]["wikidata_id"] = "Q12345"
    path = tmp_path / "heat.json"
    path.write_text(json.dumps(heat))
    film = entity(filmlore.load(path, format="tmdb"), HEAT, Film)
    assert isinstance(film, Film)
    assert str(film.ids.wikidata) == "Q12345"


def test_an_api_movie_without_an_id_is_rejected(tmp_path: Path) -> None:
    """A movie object without id (or a list item that is no object) is rejected."""
    path = tmp_path / "movies.json"
    path.write_text(json.dumps([{"title": "Heat", "original_title": "Heat", "vote_average": 1}, 3]))
    result = lenient(path)
    assert [r.location.path for r in result.rejected] == ["$[0].id", "$[1]"]


# --- recognising and reading roads ------------------------------------------------------------


def test_each_shape_is_recognised(tmp_path: Path) -> None:
    """Each file alone and each folder is tmdb's; a links.csv alone is MovieLens's; a
    folder that mixes two data sets is refused."""
    for path in (
        MOVIES_DATASET,
        MOVIES_DATASET / "movies_metadata.csv",
        MOVIES_DATASET / "credits.csv",
        MOVIES_DATASET / "keywords.csv",
        TMDB_5000,
        TMDB_5000 / "tmdb_5000_credits.csv",
        DATA / "api",
    ):
        assert recognise(path) == "tmdb", path
    assert recognise(MOVIES_DATASET / "links.csv") == "movielens"
    mixed = copy(tmp_path)
    shutil.copy(TMDB_5000 / "tmdb_5000_movies.csv", mixed)
    with pytest.raises(LoadError, match="mixes The Movies Dataset and TMDB 5000"):
        filmlore.load(mixed, format="tmdb")


def test_other_files_in_the_folder_are_noted(tmp_path: Path) -> None:
    """A ratings file beside the tables is left, and said."""
    root = copy(tmp_path)
    (root / "ratings.csv").write_text("userId,movieId,rating,timestamp\n1,6,4.0,1\n")
    result = lenient(root)
    assert any(n.message.startswith("ratings.csv: not a TMDb table") for n in result.notes)


def test_streams_and_columns_give_the_same_claims() -> None:
    """iter_load hands out the same claims as load; ClaimTable.load counts them alike."""
    d = noted(MOVIES_DATASET)
    with pytest.warns(DataWarning):
        streamed = [
            r
            for r in filmlore.iter_load(MOVIES_DATASET, format="tmdb")
            if isinstance(r, filmlore.Claim)
        ]
    assert [c.id for c in streamed] == [c.id for c in d.claims]
    with pytest.warns(DataWarning):  # the columns road warns as the others do
        assert len(ClaimTable.load(MOVIES_DATASET, format="tmdb")) == len(d.claims)
    again = noted(MOVIES_DATASET)
    assert [c.id for c in again.claims] == [c.id for c in d.claims]


# --- properties ---------------------------------------------------------------------------------

_NAMES = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12
).filter(lambda s: s.strip() == s and s != "")


@settings(max_examples=30)
@given(
    names=st.lists(_NAMES, min_size=1, max_size=5, unique=True),
    as_json=st.booleans(),
    runtime=st.integers(1, 999),
    float_runtime=st.booleans(),
)
def test_list_cells_and_runtimes_read_alike_however_written(
    tmp_path_factory: pytest.TempPathFactory,
    names: list[str],
    as_json: bool,
    runtime: int,
    float_runtime: bool,
) -> None:
    """Genres written as JSON (TMDB 5000) or as a repr (The Movies Dataset) give the same
    claims; a runtime N or N.0 is N minutes."""
    genres = [{"id": i + 1, "name": n} for i, n in enumerate(names)]
    cell = json.dumps(genres) if as_json else repr(genres)
    written = f"{runtime}.0" if float_runtime else str(runtime)
    root = tmp_path_factory.mktemp("tmdb")
    d = filmlore.load(metadata(root, row(genres=cell, runtime=written)), format="tmdb")
    assert values(d, HEAT, "genre") == names
    assert values(d, HEAT, "duration") == [f"{runtime} min"]


# --- the real files -----------------------------------------------------------------------------


def test_the_real_movies_dataset() -> None:
    """All 2,996 rows of the shared movies_metadata.csv: 2,995 films (one row repeated,
    noted), none rejected; Heat's runtime 170 as in IMDb; the dossier validates."""
    root = shared_file("data", "film", "the_movies_dataset")
    result = lenient(root)
    d = result.dossier
    assert result.ok
    assert len(d.films) == 2995
    assert [n.location.line for n in result.notes if "repeats" in n.message] == [1468]
    assert values(d, HEAT, "duration") == ["170 min"]
    heat = entity(d, HEAT, Film)
    assert isinstance(heat, Film)
    assert str(heat.ids.movielens) == "6"
    assert len({str(c.film) for c in d.credits}) == 35
    assert not [i for i in validate(d) if i.severity is Severity.ERROR]


def test_the_real_tmdb_5000() -> None:
    """4,803 films and 198 credits rows: the one row without a movie_id is rejected with
    the reason; every other row is read; the dossier validates."""
    root = shared_file("data", "film", "tmdb_5000")
    result = lenient(root)
    d = result.dossier
    assert len(d.films) == 4803
    (rejected,) = result.rejected
    assert (rejected.location.line, rejected.location.path) == (11, "$.movie_id")
    assert "no TMDb id" in rejected.problems[0].message
    assert result.rows == 4803 + 198  # the credits file holds 198 rows despite its name
    assert len({str(c.film) for c in d.credits}) == 197
    assert not [i for i in validate(d) if i.severity is Severity.ERROR]
