"""The ``table`` importer: any film table (CSV, TSV, a JSON array, JSON Lines) read through a
declared column mapping, with its dirt refused or repaired openly."""

from __future__ import annotations

import csv
import functools
import gzip
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import filmlore
from filmlore import (
    ClaimTable,
    Dossier,
    Duration,
    EntityRef,
    FactStatus,
    LoadError,
    LoadResult,
    MappingError,
    Money,
    PartialDate,
    Rank,
    Severity,
    TableMapping,
    validate,
)
from tests.conftest import ROOT, shared_file

EXTRACTS = ROOT / "tests" / "data" / "import" / "table"
MAPPINGS = ROOT / "examples" / "databases" / "mappings"

#: A small mapping used by the dirt tests: a film table as people write them.
SIMPLE: dict[str, Any] = {
    "dataset": {"key": "my-films", "title": "My films"},
    "film": {"title": "title", "year": "year", "ids": {"imdb": "imdb_id"}},
    "columns": {
        "year": "release_date",
        "released": {"property": "release_date", "parentheses": "country"},
        "runtime": {"property": "duration", "unit": "min"},
        "gross": {"property": "box_office", "currency": "USD"},
        "director": "director",
    },
}
HEADER = "title,year,imdb_id,released,runtime,gross,director\n"
HEAT = 'Heat,1995,tt0113277,December 15 1995 (United States),170,"67,436,818",Michael Mann\n'


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def load(path: Path, mapping: Any = None, **kwargs: Any) -> Dossier:
    found = filmlore.load(path, format="table", mapping=mapping or SIMPLE, **kwargs)
    assert isinstance(found, Dossier)
    return found


def lenient(path: Path, mapping: Any = None, **kwargs: Any) -> LoadResult:
    found = filmlore.load(path, format="table", mapping=mapping or SIMPLE, lenient=True, **kwargs)
    assert isinstance(found, LoadResult)
    return found


def values(d: Dossier, film: str, prop: str) -> list[str]:
    return [str(c.value) for c in d.claims_about(film, prop)]


def claim_lines(d: Dossier) -> set[int]:
    """The lines of the rows the dossier's claims come from."""
    out = set()
    for c in d.claims:
        assert c.excerpt is not None
        assert c.excerpt.locator is not None
        match = re.fullmatch(r"[^:]+:(\d+)\$.*", c.excerpt.locator)
        assert match is not None
        out.add(int(match[1]))
    return out


def accounted(result: LoadResult) -> tuple[set[int], set[int], set[int]]:
    """The lines loaded, rejected and read as word-for-word repeats: a row is in exactly one."""
    loaded = claim_lines(result.dossier)
    rejected = {r.location.line for r in result.rejected if r.location.line is not None}
    repeats = {n.location.line for n in result.notes if "word for word" in n.message}
    assert not loaded & rejected
    assert not loaded & repeats
    assert not rejected & repeats
    assert len(loaded) + len(rejected) + len(repeats) == result.rows
    return loaded, rejected, {x for x in repeats if x is not None}


def no_errors(d: Dossier) -> None:
    errors = [i for i in validate(d) if i.severity is Severity.ERROR]
    assert errors == []


# --- the four real tables -------------------------------------------------------------------


#: The real tables, their extracts, and the example mapping of each.
TABLES = {
    "movie_industry": (("movie_industry", "movies.csv"), "movie_industry.csv"),
    "imdb5000": (("imdb5000", "movie_metadata.csv"), "imdb5000.csv"),
    "vega_movies": (("vega_movies", "movies.json"), "vega_movies.json"),
    "imdb_top_1000": (("imdb_top_1000", "imdb_top_1000.csv"), "imdb_top_1000.csv"),
}


def table_path(name: str, real: bool) -> Path:
    shared, extract = TABLES[name]
    return shared_file("data", "film", *shared) if real else EXTRACTS / extract


@functools.cache
def _read(path: Path, name: str) -> LoadResult:
    return lenient(path, MAPPINGS / f"{name}.yaml")


def read_table(name: str, real: bool) -> LoadResult:
    """A table read leniently through its example mapping (each read once per session)."""
    return _read(table_path(name, real), name)


@pytest.mark.parametrize("real", [True, False], ids=["shared", "extract"])
def test_movie_industry_heat_is_read_as_its_row_says(real: bool) -> None:
    """Heat (1995): its release "December 15, 1995 (United States)" is a day-precision date
    qualified by its country, beside the year column's year; runtime 170.0 is 170 minutes;
    the budget and the gross are dollars; the names are people with credits."""
    result = read_table("movie_industry", real)
    d = result.dossier
    heat = "film:heat-1995"
    dates = {
        str(c.value): [str(q) for q in c.qualifiers] for c in d.claims_about(heat, "release_date")
    }
    assert dates == {"1995": [], "1995-12-15": ["country=United States"]}
    (runtime,) = d.claims_about(heat, "duration")
    assert runtime.value == Duration.parse("170 min")
    assert runtime.excerpt is not None
    assert runtime.excerpt.text == "170.0"
    assert runtime.excerpt.locator is not None
    assert runtime.excerpt.locator.endswith("$.runtime")
    assert values(d, heat, "cost") == [str(Money.parse("$60,000,000"))]
    (gross,) = d.claims_about(heat, "box_office")
    assert gross.value == Money.parse("$187,436,818")
    assert gross.qualifier("region") == "worldwide"
    assert [str(c.value) for c in d.claims_about(heat, "director")] == ["person:michael-mann"]
    assert values(d, heat, "vote_count") == ["596000"]
    pacino = d.get(EntityRef("person", "al-pacino"))
    assert isinstance(pacino, filmlore.Person)
    assert pacino.name == "Al Pacino"
    star = [c for c in d.credits if c.film == EntityRef("film", "heat-1995") and c.billing == 1]
    assert [str(c.person) for c in star] == ["person:al-pacino"]
    assert {str(c.source) for c in d.claims} == {"source:movie-industry"}
    assert not result.rejected


def test_movie_industry_every_row_is_a_film_or_a_reason() -> None:
    """All 7,668 rows load (no row lost, none rejected), and the dossier validates."""
    result = read_table("movie_industry", real=True)
    loaded, rejected, repeats = accounted(result)
    assert result.rows == 7668
    assert len(loaded) == 7668
    assert not rejected
    assert not repeats
    assert len(result.dossier.films) == 7668
    no_errors(result.dossier)


def test_a_year_and_a_date_of_another_country_are_two_claims_kept_apart() -> None:
    """Heat (1986): its year says 1986, its release says March 13, 1987 (United States).
    Both are claimed, neither is fixed; the country makes them two questions (the first
    release, and the release there), so reconciling reports both, undisputed."""
    d = read_table("movie_industry", real=False).dossier
    film = "film:heat-1986"
    assert sorted(values(d, film, "release_date")) == ["1986", "1987-03-13"]
    facts = {
        str(f.value): f
        for f in filmlore.reconcile(d).facts_about(film)
        if f.property == "release_date"
    }
    assert set(facts) == {"1986", "1987-03-13"}
    assert facts["1986"].status is FactStatus.SINGLE_SOURCE
    assert facts["1987-03-13"].status is FactStatus.SINGLE_SOURCE
    assert [str(q) for q in facts["1987-03-13"].qualifiers] == ["country=United States"]


@pytest.mark.parametrize("real", [True, False], ids=["shared", "extract"])
def test_imdb5000_reads_its_semicolons_links_and_stray_spaces(real: bool) -> None:
    """The ';' table: an id out of each IMDb link, titles without their trailing U+00A0
    (noted, the excerpt as written), the index column skipped, three billed actors."""
    result = read_table("imdb5000", real)
    d = result.dossier
    knight = d.get(EntityRef("film", "tt0468569"))
    assert isinstance(knight, filmlore.Film)
    assert knight.title.text == "The Dark Knight"
    (title,) = d.claims_about("film:tt0468569", "title")
    assert title.excerpt is not None
    assert title.excerpt.text == "The Dark Knight\xa0"
    assert title.note is not None
    assert "U+00A0" in title.note
    assert any("U+00A0" in n.message for n in result.notes)
    assert values(d, "film:tt0468569", "duration") == ["152 min"]
    (gross,) = d.claims_about("film:tt0468569", "box_office")
    assert gross.value == Money.parse("$533,316,061")
    assert gross.qualifier("region") == "United States"
    billed = sorted(
        (c.billing, str(c.person))
        for c in d.credits
        if str(c.film) == "film:tt0468569" and c.billing is not None
    )
    assert billed == [
        (1, "person:christian-bale"),
        (2, "person:heath-ledger"),
        (3, "person:morgan-freeman"),
    ]
    assert not any(c.property == "index" for c in d.claims)
    assert not result.rejected
    no_errors(d)


def test_imdb5000_repeated_rows_are_read_once_and_differing_ones_kept() -> None:
    """The Fast and the Furious is there three times: the word-for-word repeat is read once
    (noted); the row with other vote counts is kept, so both counts are claimed.  Brothers
    twice with different third actors: both are credited, the billing order given once."""
    result = read_table("imdb5000", real=False)
    d = result.dossier
    assert sorted(values(d, "film:tt0232500", "vote_count")) == ["272223", "272227"]
    repeats = [n for n in result.notes if "word for word" in n.message]
    assert [(n.location.line, "repeats line 4" in n.message) for n in repeats] == [(5, True)]
    assert any("again" in n.message for n in result.notes)
    brothers = [c for c in d.credits if str(c.film) == "film:tt0765010" and c.role.value == "cast"]
    assert len(brothers) == 4
    assert sorted(c.billing for c in brothers if c.billing is not None) == [1, 2, 3]
    sanctuary = d.get(EntityRef("film", "sanctuary"))  # no link, no year: its title
    assert sanctuary is not None
    accounted(result)
    no_errors(d)


def test_imdb5000_has_124_repeated_rows_and_loses_none() -> None:
    """5,043 rows, 4,919 films: every row is a film's claims or a word-for-word repeat."""
    result = read_table("imdb5000", real=True)
    _loaded, rejected, repeats = accounted(result)
    assert result.rows == 5043
    assert len(result.dossier.films) == 4919
    assert not rejected
    repeated = sum(1 for n in result.notes if "again" in n.message)
    assert len(repeats) + repeated == 124


@pytest.mark.parametrize("real", [True, False], ids=["shared", "extract"])
def test_vega_movies_json_records_are_read_with_their_lines(real: bool) -> None:
    """A JSON array of flat records: numbers as written, nulls absent, the record's line in
    each locator; "Dec 31 2046" (Duel in the Sun, 1946) is kept but deprecated, and not
    the film's year; a record without a title is rejected with its line."""
    result = read_table("vega_movies", real)
    d = result.dossier
    knight = "film:the-dark-knight-2008"
    assert values(d, knight, "release_date") == ["2008-07-18"]
    assert values(d, knight, "duration") == ["152 min"]
    assert values(d, knight, "user_rating") == ["8.9"]
    (rt,) = d.claims_about(knight, "critic_score")
    assert rt.qualifier("by") == "Rotten Tomatoes"
    assert str(rt.value) == "93"
    assert "critic_score" in {p.name for p in d.properties}
    (duel,) = d.claims_about("film:duel-in-the-sun", "release_date")
    assert duel.rank is Rank.DEPRECATED
    assert duel.value == PartialDate(year=2046, month=12, day=31)
    assert duel.note is not None
    assert "later than" in duel.note
    film = d.get(EntityRef("film", "duel-in-the-sun"))
    assert isinstance(film, filmlore.Film)
    assert film.year is None
    assert values(d, "film:1776-1972", "title") == ["1776"]
    assert values(d, "film:1776-1972", "box_office") == []  # 0: not known to The Numbers
    (no_title,) = result.rejected
    assert "no title" in str(no_title)
    if not real:
        assert no_title.location.line == 6
        assert duel.excerpt is not None
        assert duel.excerpt.locator == "vega_movies.json:3$.Release Date"
    accounted(result)
    no_errors(d)


def test_vega_movies_all_3201_records() -> None:
    """3,201 records: 3,200 films and the one without a title; each release date later than
    the mapping's not_after (2012) deprecated, and no other."""
    result = read_table("vega_movies", real=True)
    path = table_path("vega_movies", real=True)
    loaded, rejected, _ = accounted(result)
    assert result.rows == 3201
    assert len(loaded) == 3200
    assert len(rejected) == 1
    records = json.loads(path.read_text(encoding="utf-8"))
    misread = [r for r in records if r["Release Date"] and int(r["Release Date"][-4:]) > 2012]
    late = [c for c in result.dossier.claims if c.rank is Rank.DEPRECATED]
    assert len(late) == len(misread) == 22
    assert {c.excerpt.text for c in late if c.excerpt} == {r["Release Date"] for r in misread}


@pytest.mark.parametrize("real", [True, False], ids=["shared", "extract"])
def test_imdb_top_1000_heat(real: bool) -> None:
    """Heat in the Top 1000: runtime "170 min", gross "67,436,818" (US only), four billed
    stars, genres split at commas, the Indian certificate "A" without a country."""
    result = read_table("imdb_top_1000", real)
    d = result.dossier
    heat = "film:heat-1995"
    assert values(d, heat, "duration") == ["170 min"]
    (gross,) = d.claims_about(heat, "box_office")
    assert gross.value == Money(amount=67436818, currency="USD")
    assert gross.excerpt is not None
    assert gross.excerpt.text == "67,436,818"
    assert gross.qualifier("region") == "United States"
    assert values(d, heat, "genre") == ["Crime", "Drama", "Thriller"]
    (rating,) = d.claims_about(heat, "content_rating")
    assert str(rating.value) == "A"
    assert rating.qualifiers == ()
    stars = sorted(
        (c.billing, str(c.person)) for c in d.credits if str(c.film) == heat and c.billing
    )
    assert stars == [
        (1, "person:al-pacino"),
        (2, "person:robert-de-niro"),
        (3, "person:val-kilmer"),
        (4, "person:jon-voight"),
    ]
    assert values(d, "film:white-heat-1949", "box_office") == []
    loaded, rejected, _ = accounted(result)
    assert not rejected
    assert len(loaded) == (1000 if real else 4)
    no_errors(d)


def test_the_example_mappings_all_read() -> None:
    """Each example mapping is a valid mapping, and declares what it claims."""
    found = {p.stem: TableMapping.from_yaml(p) for p in sorted(MAPPINGS.glob("*.yaml"))}
    assert set(found) == {"movie_industry", "imdb5000", "vega_movies", "imdb_top_1000"}
    assert found["imdb5000"].delimiter == ";"
    assert found["imdb5000"].skip == ("index",)
    assert found["vega_movies"].not_after == PartialDate(year=2012)


def test_one_name_is_one_person_across_rows() -> None:
    """Michael Mann directs and writes Heat: one person, two credits, in both files."""
    d = read_table("movie_industry", real=False).dossier
    assert sum(1 for p in d.people if str(p.id) == "person:michael-mann") == 1
    roles = sorted(c.role.value for c in d.credits if str(c.person) == "person:michael-mann")
    assert roles == ["director", "writer"]


# --- dirt -----------------------------------------------------------------------------------


def test_a_cp1252_file_is_detected_and_noted(tmp_path: Path) -> None:
    """Amélie in Windows-1252 reads as Amélie, with a note of the detected encoding; an
    explicit encoding (the caller's, or the mapping's) is used without detecting."""
    data = (HEADER + "Amélie,2001,tt0211915,,122,,Jean-Pierre Jeunet\n").encode("cp1252")
    path = write(tmp_path, "films.csv", data)
    result = lenient(path)
    assert values(result.dossier, "film:tt0211915", "title") == ["Amélie"]
    assert any("not UTF-8" in n.message for n in result.notes)
    for kwargs, mapping in (
        ({"encoding": "cp1252"}, SIMPLE),
        ({}, {**SIMPLE, "options": {"encoding": "cp1252"}}),
    ):
        declared = lenient(path, mapping, **kwargs)
        assert values(declared.dossier, "film:tt0211915", "title") == ["Amélie"]
        assert not any("not UTF-8" in n.message for n in declared.notes)


def test_mojibake_is_repaired_only_when_asked_and_the_claim_says_so(tmp_path: Path) -> None:
    """ "AmÃ©lie" stays as written by default; with repair_text=True it is Amélie, and the
    claim's note and the load's notes say what was repaired."""
    path = write(tmp_path, "films.csv", HEADER + "AmÃ©lie,2001,tt0211915,,,,Jean-Pierre Jeunet\n")
    kept = load(path)
    assert values(kept, "film:tt0211915", "title") == ["AmÃ©lie"]
    result = lenient(path, repair_text=True)
    (title,) = result.dossier.claims_about("film:tt0211915", "title")
    assert str(title.value) == "Amélie"
    assert title.excerpt is not None
    assert title.excerpt.text == "AmÃ©lie"
    assert title.note is not None
    assert "mojibake" in title.note
    assert any("mojibake" in n.message for n in result.notes)


def test_a_byte_order_mark_is_not_part_of_the_first_column(tmp_path: Path) -> None:
    """A UTF-8 BOM before the header: the first column is still 'title'."""
    path = write(tmp_path, "films.csv", b"\xef\xbb\xbf" + (HEADER + HEAT).encode())
    assert values(load(path), "film:tt0113277", "title") == ["Heat"]


@pytest.mark.parametrize("sep", [";", "\t", "|"])
def test_semicolon_tab_and_pipe_tables_are_sniffed(tmp_path: Path, sep: str) -> None:
    """The same table with another delimiter gives the same claims."""
    rows = list(csv.reader(io.StringIO(HEADER + HEAT)))
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\n").writerows(rows)
    d = load(write(tmp_path, "films.txt", out.getvalue()))
    comma = load(write(tmp_path, "films.csv", HEADER + HEAT))
    assert sorted(str(c.value) for c in d.claims) == sorted(str(c.value) for c in comma.claims)
    assert values(d, "film:tt0113277", "box_office") == [str(Money.parse("$67,436,818"))]


def test_blank_rows_are_counted_not_fatal(tmp_path: Path) -> None:
    """Two blank rows between films: both films load, the blanks are one note."""
    other = "Thief,1981,tt0083190,March 27 1981 (United States),123,,Michael Mann\n"
    result = lenient(write(tmp_path, "films.csv", HEADER + HEAT + "\n,,,,,,\n" + other))
    assert {str(f.id) for f in result.dossier.films} == {"film:tt0113277", "film:tt0083190"}
    (blank,) = [n for n in result.notes if "blank" in n.message]
    assert "2 blank row(s)" in blank.message
    assert blank.location.line == 3


def test_spreadsheet_ids_are_read_with_a_note(tmp_path: Path) -> None:
    """An IMDb id saved as 113277.0 is tt0113277, noted on the load and on the title claim."""
    path = write(tmp_path, "films.csv", HEADER + HEAT.replace("tt0113277", "113277.0"))
    result = lenient(path)
    (title,) = result.dossier.claims_about("film:tt0113277", "title")
    assert title.note is not None
    assert "113277.0" in title.note
    (note,) = [n for n in result.notes if "113277.0" in n.message]
    assert note.location.line == 2
    assert note.location.path == "$.imdb_id"


def test_ambiguous_dates_need_a_date_order(tmp_path: Path) -> None:
    """03/04/1981 is refused row by row without date_order (naming file, line, column and
    what came); the caller's date_order reads it, and wins over the mapping's."""
    rows = HEADER + HEAT + "Thief,1981,tt0083190,03/04/1981,123,,Michael Mann\n"
    path = write(tmp_path, "films.csv", rows)
    result = lenient(path)
    (bad,) = result.rejected
    assert bad.location.line == 3
    assert bad.location.path == "$.released"
    assert "'03/04/1981'" in str(bad)
    assert "date_order" in str(bad)
    assert {str(f.id) for f in result.dossier.films} == {"film:tt0113277"}
    with pytest.raises(LoadError) as caught:
        load(path)
    assert "films.csv:3" in str(caught.value)
    dmy = load(path, date_order="dmy")
    assert "1981-04-03" in values(dmy, "film:tt0083190", "release_date")
    mdy = load(path, {**SIMPLE, "options": {"date_order": "mdy"}})
    assert "1981-03-04" in values(mdy, "film:tt0083190", "release_date")
    caller = load(path, {**SIMPLE, "options": {"date_order": "mdy"}}, date_order="dmy")
    assert "1981-04-03" in values(caller, "film:tt0083190", "release_date")


def test_two_digit_years_need_a_pivot(tmp_path: Path) -> None:
    """5/24/67 is refused without a pivot, and is 1967-05-24 with pivot=1930."""
    path = write(tmp_path, "films.csv", HEADER + "Bonnie and Clyde,,,5/24/67,,,\n")
    (bad,) = lenient(path).rejected
    assert "pivot" in str(bad)
    assert bad.location.path == "$.released"
    d = load(path, pivot=1930)
    assert values(d, "film:bonnie-and-clyde", "release_date") == ["1967-05-24"]


def test_a_file_that_is_not_text_names_file_and_line(tmp_path: Path) -> None:
    """Bytes that are text in no encoding: a clear error with the file and line."""
    junk = bytes(range(128, 256)) * 8
    path = write(tmp_path, "films.csv", HEADER.encode() + HEAT.encode() + junk + b"\n")
    with pytest.raises(LoadError) as caught:
        load(path)
    (problem,) = caught.value.problems
    assert problem.location.file == "films.csv"
    assert problem.location.line == 3
    assert "encoding" in problem.message


def test_a_gzip_file_reads_as_the_plain_one(tmp_path: Path) -> None:
    """A .csv.gz of a real extract gives the claims of the plain file."""
    plain = (EXTRACTS / "movie_industry.csv").read_bytes()
    packed = write(tmp_path, "movies.csv.gz", gzip.compress(plain))
    mapping = MAPPINGS / "movie_industry.yaml"
    a = sorted(str(c.value) for c in lenient(packed, mapping).dossier.claims)
    b = sorted(
        str(c.value) for c in lenient(EXTRACTS / "movie_industry.csv", mapping).dossier.claims
    )
    assert a == b
    assert a


def test_a_bad_cell_rejects_its_row_with_every_reason(tmp_path: Path) -> None:
    """A row with a bad runtime and a bad gross: one rejected row with both reasons, each
    naming its column; strictly, every problem of the file is raised at once."""
    rows = HEADER + HEAT + "Thief,1981,tt0083190,,long,lots,Michael Mann\n"
    path = write(tmp_path, "films.csv", rows)
    (bad,) = lenient(path).rejected
    assert bad.location.path == "$.runtime"
    assert bad.location.line == 3
    messages = [p.message for p in bad.problems]
    assert messages[0].startswith("runtime: cannot read 'long' as a duration")
    assert messages[1].startswith("gross: cannot read 'lots'")
    with pytest.raises(LoadError) as caught:
        load(path)
    assert len(caught.value.problems) == 2


def test_a_number_grouped_one_way_reads_and_an_ambiguous_one_is_refused(tmp_path: Path) -> None:
    """67,436,818 is a whole number; 1,305 could be 1305 or 1.305, and is refused unless
    the column declares its thousands separator."""
    rows = HEADER + HEAT + 'Thief,1981,tt0083190,,123,"1,305",Michael Mann\n'
    path = write(tmp_path, "films.csv", rows)
    (bad,) = lenient(path).rejected
    assert "thousands" in str(bad)
    declared = {**SIMPLE, "columns": {**SIMPLE["columns"]}}
    declared["columns"]["gross"] = {"property": "box_office", "currency": "USD", "thousands": ","}
    d = load(path, declared)
    assert [c.value for c in d.claims_about("film:tt0083190", "box_office")] == [
        Money(amount=1305, currency="USD")
    ]


def test_a_year_that_disagrees_with_a_date_is_a_dispute_not_a_fix(tmp_path: Path) -> None:
    """Without a country, a year column and a date column ask one question: where they
    agree the year supports the date; where they disagree, reconciling reports a dispute."""
    mapping = {
        "film": {"title": "title"},
        "columns": {"year": "release_date", "released": "release_date"},
    }
    path = write(
        tmp_path, "films.csv", "title,year,released\nHeat,1995,1995-12-15\nThief,1980,1981-03-27\n"
    )
    d = load(path, mapping)
    facts = filmlore.reconcile(d)

    def dates(film: str) -> list[Any]:
        return [f for f in facts.facts_about(film) if f.property == "release_date"]

    (heat,) = dates("film:heat")
    assert str(heat.value) == "1995-12-15"
    assert heat.status is not FactStatus.DISPUTED
    assert sorted(str(s.value) for s in heat.supporters) == ["1995", "1995-12-15"]
    thief = dates("film:thief")
    assert thief
    assert all(f.status is FactStatus.DISPUTED for f in thief)
    assert sorted(values(d, "film:thief", "release_date")) == ["1980", "1981-03-27"]


def test_repeated_rows(tmp_path: Path) -> None:
    """A row repeated word for word is read once (noted); the same film with another
    value is kept, so the two values meet in reconciliation."""
    rows = HEADER + HEAT + HEAT + HEAT.replace(",170,", ",171,")
    result = lenient(write(tmp_path, "films.csv", rows))
    assert sorted(values(result.dossier, "film:tt0113277", "duration")) == ["170 min", "171 min"]
    assert [n.location.line for n in result.notes if "word for word" in n.message] == [3]
    accounted(result)


def test_characters_come_from_a_qualifier_column(tmp_path: Path) -> None:
    """A cast column with a character column: the person, a character of the film played by
    them, a credit naming both, and the claim qualified by character_role."""
    mapping = {
        "film": {"title": "title", "year": "year"},
        "columns": {
            "actor": {
                "property": "cast_member",
                "billing": 1,
                "qualifier_columns": {"character_role": "role"},
            }
        },
    }
    path = write(tmp_path, "cast.csv", "title,year,actor,role\nHeat,1995,Al Pacino,Vincent Hanna\n")
    d = load(path, mapping)
    (claim,) = d.claims_about("film:heat-1995", "cast_member")
    assert claim.qualifier("character_role") == "Vincent Hanna"
    (character,) = d.characters
    assert str(character.id) == "character:heat-1995-vincent-hanna"
    assert character.played_by == (EntityRef("person", "al-pacino"),)
    (credit,) = d.credits
    assert credit.character == character.id
    assert credit.billing == 1
    no_errors(d)


def test_a_missing_column_is_an_error_before_any_row(tmp_path: Path) -> None:
    """A mapping naming a column the file lacks fails at once, naming it and the file's
    columns; columns the mapping does not name are one note (an error if strict)."""
    path = write(tmp_path, "films.csv", "title,year,extra\nHeat,1995,x\n")
    with pytest.raises(LoadError) as caught:
        load(path)
    text = str(caught.value)
    assert "'imdb_id' is named in the mapping but not in the file" in text
    assert "title, year, extra" in text
    simple = {"film": {"title": "title", "year": "year"}}
    result = lenient(path, simple)
    (note,) = [n for n in result.notes if "does not name" in n.message]
    assert note.message.endswith("extra")
    with pytest.raises(LoadError, match="strict_columns"):
        load(path, {**simple, "options": {"strict_columns": True}})
    assert lenient(path, {**simple, "options": {"skip": ["extra"]}}).notes == []


def test_absent_cells_are_no_claims(tmp_path: Path) -> None:
    r"""Empty and \N cells are absent, and so is what a column's absent: lists."""
    mapping = {**SIMPLE, "columns": {**SIMPLE["columns"]}}
    mapping["columns"]["runtime"] = {"property": "duration", "unit": "min", "absent": ["0"]}
    path = write(tmp_path, "films.csv", HEADER + "Heat,1995,tt0113277,\\N,0,,\n")
    d = load(path, mapping)
    assert sorted({c.property for c in d.claims}) == ["release_date", "title"]


def test_json_lines_with_a_bad_line(tmp_path: Path) -> None:
    """JSON Lines: each line a record (lists are values already split); a line that is not
    JSON is rejected with its line, a blank line is counted."""
    lines = [
        json.dumps({"title": "Heat", "year": 1995, "genres": ["Crime", "Drama"], "runtime": 170}),
        "",
        '{"title": "Thief", ',
        json.dumps({"title": "Ronin", "year": 1998, "runtime": 122.0, "genres": None}),
    ]
    path = write(tmp_path, "films.jsonl", "\n".join(lines) + "\n")
    mapping = {
        "film": {"title": "title", "year": "year"},
        "columns": {
            "genres": "genre",
            "runtime": {"property": "duration", "unit": "min"},
            "year": "release_date",
        },
    }
    result = lenient(path, mapping)
    d = result.dossier
    assert values(d, "film:heat-1995", "genre") == ["Crime", "Drama"]
    (runtime,) = d.claims_about("film:ronin-1998", "duration")
    assert runtime.excerpt is not None
    assert runtime.excerpt.text == "122.0"
    assert runtime.excerpt.locator == "films.jsonl:4$.runtime"
    (bad,) = result.rejected
    assert bad.location.line == 3
    assert "not JSON" in str(bad)
    assert any("1 blank row" in n.message for n in result.notes)
    assert result.rows == 3


def test_a_json_array_with_nested_values_and_broken_text(tmp_path: Path) -> None:
    """A record with a nested object is rejected naming its key; JSON that breaks off is
    reported at its line, the records before it kept."""
    text = (
        '[\n{"title": "Heat", "year": "1995"},\n{"title": "Thief", "cast": {"a": 1}},\n'
        '{"title": "Ronin", "year": 1998},\n{"title": \n'
    )
    path = write(tmp_path, "films.json", text)
    mapping = {"film": {"title": "title", "year": "year"}, "columns": {"cast": "cast_member"}}
    result = lenient(path, mapping)
    assert {str(f.id) for f in result.dossier.films} == {"film:heat-1995", "film:ronin-1998"}
    nested, broken = result.rejected
    assert nested.location.line == 3
    assert nested.location.path == "$.cast"
    assert broken.location.line == 5
    assert "not JSON" in str(broken)


def test_outside_ids_from_cells_links_and_patterns(tmp_path: Path) -> None:
    """Ids from a TMDb link, a Wikidata cell and a MovieLens id in free text: all on the
    film, whose id is the strongest of them; a link without an id rejects its row."""
    mapping = {
        "film": {
            "title": "title",
            "ids": {
                "tmdb": {"column": "tmdb", "pattern": "url"},
                "wikidata": "wd",
                "movielens": {"column": "ml", "pattern": r"ml-(\d+)"},
            },
        }
    }
    rows = (
        "title,tmdb,wd,ml\n"
        "Heat,https://www.themoviedb.org/movie/949-heat,Q1046,ml-6\n"
        "Thief,https://www.themoviedb.org/movie/11524,,\n"
        "Ronin,https://www.themoviedb.org/tv/1,,\n"
    )
    result = lenient(write(tmp_path, "films.csv", rows), mapping)
    heat = result.dossier.get(EntityRef("film", "Q1046"))
    assert isinstance(heat, filmlore.Film)
    assert (heat.ids.tmdb, heat.ids.movielens) == (filmlore.TmdbId(949), filmlore.MovieLensId(6))
    assert result.dossier.get(EntityRef("film", "tmdb-11524")) is not None
    (bad,) = result.rejected
    assert bad.location.path == "$.tmdb"
    assert "a link holding the id" in str(bad)


def test_declared_properties_validate(tmp_path: Path) -> None:
    """A property the registry lacks, declared with its kind, is in the dossier's
    properties, so its claims validate."""
    mapping = {
        "film": {"title": "title"},
        "columns": {"aspect": {"property": "aspect_ratio", "kind": "quantity"}},
    }
    d = load(write(tmp_path, "films.csv", "title,aspect\nHeat,2.39\n"), mapping)
    assert [p.name for p in d.properties] == ["aspect_ratio"]
    assert values(d, "film:heat", "aspect_ratio") == ["2.39"]
    no_errors(d)


def test_the_stream_and_the_columns_give_the_loads_claims() -> None:
    """iter_load hands out the same claims as load, and ClaimTable.load the same ids."""
    path, mapping = EXTRACTS / "imdb_top_1000.csv", MAPPINGS / "imdb_top_1000.yaml"
    loaded = {str(c.id) for c in lenient(path, mapping).dossier.claims}
    streamed = {
        str(r.id)
        for r in filmlore.iter_load(path, format="table", mapping=mapping)
        if isinstance(r, filmlore.Claim)
    }
    table = ClaimTable.load(path, format="table", mapping=mapping)
    assert streamed == loaded
    assert len(table) == len(loaded)


# --- the mapping ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mapping", "path", "message"),
    [
        ({"film": {"title": "t"}, "colums": {}}, "$.colums", "unknown key 'colums'"),
        ({"film": {}}, "$.film.title", "missing"),
        ({"film": {"title": "t"}, "columns": {"x": "runtim"}}, "$.columns.x.property", "give kind"),
        (
            {"film": {"title": "t"}, "columns": {"x": {"property": "y", "kind": "colour"}}},
            "$.columns.x.kind",
            "unknown value kind 'colour'",
        ),
        (
            {"film": {"title": "t"}, "columns": {"x": {"property": "duration", "unit": "parsec"}}},
            "$.columns.x.unit",
            "a time unit",
        ),
        (
            {"film": {"title": "t"}, "columns": {"x": {"property": "cost", "currency": "usd"}}},
            "$.columns.x.currency",
            "ISO 4217",
        ),
        (
            {"film": {"title": "t"}, "columns": {"x": {"property": "genre", "kind": "date"}}},
            "$.columns.x.kind",
            "takes category values",
        ),
        ({"film": {"title": "t"}, "options": {"date_order": "ydm"}}, "$.options.date_order", "mdy"),
        ({"film": {"title": "t"}, "options": {"pivot": "1930"}}, "$.options.pivot", "a year"),
        ({"film": {"title": "t", "ids": {"imdbb": "x"}}}, "$.film.ids.imdbb", "unknown id"),
        (
            {"film": {"title": "t"}, "columns": {"x": {"property": "genre", "billing": 1}}},
            "$.columns.x.billing",
            "for people",
        ),
    ],
)
def test_a_wrong_mapping_names_its_path(mapping: dict[str, Any], path: str, message: str) -> None:
    """Every mistake in a mapping is a MappingError naming the $.path at fault."""
    with pytest.raises(MappingError) as caught:
        TableMapping.from_dict(mapping)
    assert isinstance(caught.value, filmlore.FilmloreError)
    assert caught.value.path == path
    assert message in str(caught.value)


def test_every_mistake_is_reported_at_once() -> None:
    """Three mistakes, three problems."""
    mapping = {"film": {"title": "t"}, "colums": {}, "options": {"pivot": 0, "delimiter": ";;"}}
    with pytest.raises(MappingError) as caught:
        TableMapping.from_dict(mapping)
    assert [p.location.path for p in caught.value.problems] == [
        "$.colums",
        "$.options.delimiter",
        "$.options.pivot",
    ]


def test_yaml_text_and_files(tmp_path: Path) -> None:
    """A mapping reads from YAML text or a file; YAML that does not parse names its line
    and the file; load takes the file's path as mapping=."""
    text = "film:\n  title: title\ncolumns:\n  runtime: {property: duration, unit: minutes}\n"
    from_text = TableMapping.from_yaml(text)
    assert from_text.columns[0].unit == "min"
    path = write(tmp_path, "m.yaml", text)
    assert TableMapping.from_yaml(path) == from_text
    assert TableMapping.from_yaml(str(path)) == from_text
    bad = write(tmp_path, "bad.yaml", "film:\n  title: [t\ncolumns: {}\n")
    with pytest.raises(MappingError) as caught:
        TableMapping.from_yaml(bad)
    (problem,) = caught.value.problems
    assert problem.location.file == str(bad)
    assert problem.location.line == 3
    films = write(tmp_path, "films.csv", "title,runtime\nHeat,170\n")
    assert values(load(films, path), "film:heat", "duration") == ["170 min"]
    assert values(load(films, from_text), "film:heat", "duration") == ["170 min"]


def test_a_mapping_is_needed() -> None:
    """format='table' without a mapping says so."""
    with pytest.raises(filmlore.FilmloreError, match="mapping"):
        filmlore.load(EXTRACTS / "movie_industry.csv", format="table")


# --- properties -----------------------------------------------------------------------------

_titles = st.text(
    alphabet=st.characters(whitelist_categories=("L", "N"), whitelist_characters=" :'-&"),
    min_size=1,
    max_size=30,
).filter(lambda t: t.strip() not in ("", "\\N"))
_MONTHS = {
    "January": 1,
    "Feb": 2,
    "March": 3,
    "Apr": 4,
    "May": 5,
    "June": 6,
    "Jul": 7,
    "August": 8,
    "Sep": 9,
    "October": 10,
    "Nov": 11,
    "December": 12,
}


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(
            _titles,
            st.integers(1900, 2030),
            st.sampled_from(sorted(_MONTHS)),
            st.integers(1, 28),
            st.integers(1, 400),
            st.integers(0, 3_000_000_000),
            st.booleans(),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_any_table_reads_back_what_it_writes(tmp_path: Path, rows: list[Any]) -> None:
    """Titles, dates written with month names, runtimes and grouped grosses read back as the
    values each row was written from, with the row's line in every locator."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["title", "year", "released", "runtime", "gross"])
    for title, year, month, day, runtime, gross, month_first in rows:
        released = f"{month} {day}, {year}" if month_first else f"{day} {month} {year}"
        writer.writerow([title, year, released, runtime, f"{gross:,}"])
    path = tmp_path / "generated.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    mapping = {
        "film": {"title": "title", "year": "year"},
        "columns": {
            "released": "release_date",
            "runtime": {"property": "duration", "unit": "min"},
            "gross": {"property": "box_office", "currency": "USD", "thousands": ","},
        },
    }
    result = lenient(path, mapping)
    assert not result.rejected
    by_line: dict[int, dict[str, Any]] = {}
    for c in result.dossier.claims:
        assert c.excerpt is not None
        assert c.excerpt.locator is not None
        line = int(c.excerpt.locator.split(":")[1].split("$")[0])
        by_line.setdefault(line, {})[c.property] = c.value
    repeats = {n.location.line for n in result.notes if "word for word" in n.message}
    for i, (title, year, month, day, runtime, gross, _) in enumerate(rows):
        if i + 2 in repeats:
            continue
        found = by_line[i + 2]
        assert str(found["title"]) == title.strip()
        assert found["release_date"] == PartialDate(year=year, month=_MONTHS[month], day=day)
        assert found["duration"] == Duration(amount=runtime, unit="min")
        assert found["box_office"] == Money(amount=gross, currency="USD")
