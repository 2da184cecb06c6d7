"""The ``imdb`` importer: IMDb's dataset TSVs into films, people, credits, characters and
claims with provenance; bad rows set aside with their reasons, nothing lost."""

from __future__ import annotations

import gzip
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import filmlore
from filmlore import (
    Character,
    Claim,
    Credit,
    Dossier,
    Duration,
    EntityRef,
    LoadError,
    LoadResult,
    PartialDate,
    Quantity,
    RoleKind,
    Severity,
    Text,
    validate,
)
from filmlore.importers import IMPORTERS, ImportOptions, iter_columns, recognise
from tests.conftest import ROOT, shared_file

EXTRACT = ROOT / "tests" / "data" / "import" / "imdb"
PRINCIPALS = "tconst\tordering\tnconst\tcategory\tjob\tcharacters\n"
BASICS = (
    "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\t"
    "runtimeMinutes\tgenres\n"
)
NAMES = "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n"
FILES = (
    "name.basics.tsv",
    "title.akas.tsv",
    "title.basics.tsv",
    "title.crew.tsv",
    "title.episode.tsv",
    "title.principals.tsv",
    "title.ratings.tsv",
)


def _load(path: Path, **kwargs: object) -> Dossier:
    loaded = filmlore.load(path, format="imdb", **kwargs)  # type: ignore[call-overload]
    assert isinstance(loaded, Dossier)
    return loaded


def _lenient(path: Path, **kwargs: object) -> LoadResult:
    loaded = filmlore.load(path, format="imdb", lenient=True, **kwargs)  # type: ignore[call-overload]
    assert isinstance(loaded, LoadResult)
    return loaded


def _claims(d: Dossier, subject: str, prop: str) -> list[Claim]:
    ref = EntityRef.parse(subject)
    return [c for c in d.claims if c.subject == ref and c.property == prop]


def _values(d: Dossier, subject: str, prop: str) -> list[object]:
    return [c.value for c in _claims(d, subject, prop)]


def _get(d: Dossier, kind: str, key: str) -> Any:
    found = d.get(EntityRef(kind, key))
    assert found is not None, f"{kind}:{key}"
    return found


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _data_rows(folder: Path) -> dict[str, int]:
    return {
        f.name: sum(1 for line in f.read_text(encoding="utf-8").splitlines()[1:] if line)
        for f in sorted(folder.iterdir())
        if f.suffix == ".tsv"
    }


@pytest.fixture(scope="module")
def extract() -> Dossier:
    return _load(EXTRACT)


# --- what the rows say ------------------------------------------------------------------------


def test_a_title_is_a_film_with_its_facts_as_claims(extract: Dossier) -> None:
    """title.basics and title.ratings of Wyrmwood (tt2535470): the film holds its identity,
    the runtime, year, genres, type, original title and rating are claims, as written."""
    film = _get(extract, "film", "tt2535470")
    assert film.title == Text("Wyrmwood: Road of the Dead")
    assert film.year == 2014
    assert str(film.ids.imdb) == "tt2535470"
    wyrmwood = "film:tt2535470"
    assert _values(extract, wyrmwood, "duration") == [Duration(amount=98, unit="min")]
    (year,) = _values(extract, wyrmwood, "release_date")
    assert year == PartialDate(year=2014)  # a year, not 2014-01-01
    assert _values(extract, wyrmwood, "genre") == [Text("Action"), Text("Comedy"), Text("Horror")]
    assert _values(extract, wyrmwood, "work_type") == [Text("movie")]
    assert _values(extract, wyrmwood, "title") == [Text("Wyrmwood: Road of the Dead")]
    (rating,) = _claims(extract, wyrmwood, "user_rating")
    assert rating.value == Quantity.parse("6.2")
    assert rating.qualifier("scale") == "10"
    assert _values(extract, wyrmwood, "vote_count") == [15169]
    (runtime,) = _claims(extract, wyrmwood, "duration")
    assert runtime.source == EntityRef("source", "imdb")
    assert runtime.excerpt is not None
    assert runtime.excerpt.text == "98"
    assert runtime.excerpt.locator == "title.basics.tsv:4$.runtimeMinutes"


def test_absent_values_make_no_claims(extract: Dossier) -> None:
    """``\\N`` is absent: Once an Angel has no runtime and so no duration claim, and a title
    whose original title is its primary title gets no original_title claim from basics."""
    angel = "film:tt10105774"
    assert _values(extract, angel, "duration") == []
    assert [c.excerpt.locator for c in _claims(extract, angel, "original_title")] == []  # type: ignore[union-attr]
    assert _get(extract, "film", "tt3456370").year == 2014


def test_cast_rows_are_credits_characters_and_cast_member_claims(extract: Dossier) -> None:
    """Bianca Bradey plays Brooke in Wyrmwood, billed second: a cast credit pointing at the
    character, the character played by her, and a cast_member claim with the role."""
    credit = _get(extract, "credit", "tt2535470-2")
    assert isinstance(credit, Credit)
    assert credit.person == EntityRef("person", "nm3658287")
    assert credit.role is RoleKind.CAST
    assert credit.billing == 2
    assert credit.character == EntityRef("character", "tt2535470-brooke")
    brooke = _get(extract, "character", credit.character.key)
    assert brooke.name == "Brooke"
    assert brooke.played_by == (EntityRef("person", "nm3658287"),)
    cast = [
        c for c in _claims(extract, "film:tt2535470", "cast_member") if c.value == credit.person
    ]
    assert [c.qualifier("character_role") for c in cast] == ["Brooke"]
    assert cast[0].excerpt is not None
    assert cast[0].excerpt.locator == "title.principals.tsv:17$.nconst"
    assert _get(extract, "person", "nm3658287").name == "Bianca Bradey"


def test_two_characters_in_one_row(extract: Dossier) -> None:
    """["White Angel","Black Angel"]: two characters, two cast_member claims (one role
    each), one credit whose character is the first."""
    angel = "film:tt10105774"
    roles = sorted(
        c.qualifier("character_role") or "" for c in _claims(extract, angel, "cast_member")
    )
    assert roles == ["Black Angel", "White Angel"]
    credit = _get(extract, "credit", "tt10105774-1")
    assert credit.character == EntityRef("character", "tt10105774-white-angel")
    black = _get(extract, "character", "tt10105774-black-angel")
    assert black.played_by == (EntityRef("person", "nm3658287"),)


def test_crew_rows_become_crew_claims_with_their_job(extract: Dossier) -> None:
    """A principals writer with the job 'screenplay' is a screenwriter claim qualified with
    the job; title.crew lists directors and writers as claims of their own rows; a
    production designer has a credit but no claim (the registry has no such property)."""
    wyrmwood = "film:tt2535470"
    writers = _claims(extract, wyrmwood, "screenwriter")
    by_file = Counter((c.excerpt.locator or "").split(":")[0] for c in writers)  # type: ignore[union-attr]
    assert by_file == {"title.crew.tsv": 2, "title.principals.tsv": 1}
    (principal,) = [c for c in writers if "principals" in (c.excerpt.locator or "")]  # type: ignore[union-attr]
    assert principal.value == EntityRef("person", "nm3736623")
    assert principal.qualifier("job") == "screenplay"
    assert set(_values(extract, wyrmwood, "director")) == {EntityRef("person", "nm3737504")}
    designer = _get(extract, "credit", "tt2535470-9")
    assert designer.role is RoleKind.PRODUCTION_DESIGNER
    assert not [c for c in extract.claims if c.value == designer.person]
    assert _claims(extract, wyrmwood, "composer")[0].value == EntityRef("person", "nm1883403")
    assert _values(extract, wyrmwood, "director_of_photography") == [
        EntityRef("person", "nm6749497")
    ]


def test_akas_are_alternative_titles_with_region_and_language(extract: Dossier) -> None:
    """Each aka is an alternative_title qualified with its region, language and kind; the
    one IMDb marks original is an original_title."""
    akas = _claims(extract, "film:tt2535470", "alternative_title")
    assert len(akas) == 14
    japanese = next(c for c in akas if c.qualifier("region") == "JP")
    assert japanese.value == Text("ゾンビマックス！　怒りのデス・ゾンビ")
    assert japanese.qualifier("language") == "ja"
    assert japanese.qualifier("kind") == "imdbDisplay"
    french = next(c for c in akas if c.qualifier("region") == "FR")
    assert french.qualifier("language") is None
    originals = _claims(extract, "film:tt2535470", "original_title")
    assert sorted(c.excerpt.locator or "" for c in originals) == [  # type: ignore[union-attr]
        "title.akas.tsv:18$.title",
        "title.basics.tsv:4$.originalTitle",
    ]
    aka = next(c for c in originals if "akas" in (c.excerpt.locator or ""))  # type: ignore[union-attr]
    assert aka.value == Text("Wyrmwood")
    assert aka.qualifier("kind") == "original"
    assert aka.qualifier("region") is None


def test_an_episode_knows_its_series(extract: Dossier) -> None:
    """title.episode: Episode #1.2 (tt3471694) is part of tt3456370, season 1, episode 2;
    an episode is a Film entity too, its work_type saying what it is."""
    episode = "film:tt3471694"
    assert _values(extract, episode, "part_of_series") == [EntityRef("film", "tt3456370")]
    assert _values(extract, episode, "season_number") == [1]
    assert _values(extract, episode, "episode_number") == [2]
    assert _values(extract, episode, "work_type") == [Text("tvEpisode")]
    assert _get(extract, "credit", "tt3471694-5").job == "series director"


def test_a_name_is_a_person_with_professions_and_known_for(extract: Dossier) -> None:
    """name.basics of Keith Agius: born 1963 (a year), an actor, known for four titles."""
    person = _get(extract, "person", "nm0013075")
    assert person.name == "Keith Agius"
    assert person.born == PartialDate(year=1963)
    assert person.died is None
    agius = "person:nm0013075"
    assert _values(extract, agius, "date_of_birth") == [PartialDate(year=1963)]
    assert _values(extract, agius, "occupation") == [Text("actor")]
    assert _values(extract, agius, "known_for") == [
        EntityRef("film", key) for key in ("tt0117786", "tt0103511", "tt1724700", "tt0389617")
    ]
    assert _values(extract, agius, "name") == [Text("Keith Agius")]


# --- nothing lost, nothing wrong ---------------------------------------------------------------


def _accounted_lines(d: Dossier) -> set[tuple[str, int]]:
    """Every (file, line) a claim's locator names, and the principals rows of the credits."""
    lines = set()
    for c in d.claims:
        assert c.excerpt is not None
        assert c.excerpt.locator is not None
        where = c.excerpt.locator.split("$")[0]
        name, _, line = where.rpartition(":")
        lines.add((name, int(line)))
    return lines


def test_every_row_is_in_the_dossier_and_it_validates() -> None:
    """Every data row of every file is read (the count matches), none is rejected, every row
    but a principals row without a claimable role leaves a claim, every principals row a
    credit; validate finds no error (people the crew names but name.basics does not
    describe are an info, not an error)."""
    result = _lenient(EXTRACT)
    assert result.rejected == []
    counts = _data_rows(EXTRACT)
    assert result.rows == sum(counts.values())
    d = result.dossier
    lines = _accounted_lines(d)
    for name, rows in counts.items():
        missing = set(range(2, rows + 2)) - {ln for f, ln in lines if f == name}
        if name == "title.principals.tsv":
            assert len(d.credits) == rows
            # rows without a claim: production designers only
            assert len(missing) == 2
        else:
            assert missing == set(), name
    issues = validate(d)
    assert [i for i in issues if i.severity is Severity.ERROR] == []
    # title.crew names people name.basics does not describe: claims about them, no entity
    assert EntityRef("person", "nm2855433") in _values(d, "film:tt10854062", "director")
    assert d.get(EntityRef("person", "nm2855433")) is None


def test_the_whole_shared_sample() -> None:
    """The real sample (75 titles, 219 names): every row read, none rejected, a film per
    title, a person per name, a credit per principals row, and no validation error."""
    folder = shared_file("data", "film", "imdb_tsv_sample")
    result = _lenient(folder)
    assert result.rejected == []
    assert result.rows == sum(_data_rows(folder).values()) == 1236
    d = result.dossier
    assert (len(d.films), len(d.people), len(d.credits)) == (75, 219, 572)
    assert [i for i in validate(d) if i.severity is Severity.ERROR] == []
    assert {c.source for c in d.claims} == {EntityRef("source", "imdb")}
    assert d.sources[0].url == "https://developer.imdb.com/non-commercial-datasets/"


# --- files, compression and recognition -------------------------------------------------------


def test_a_gzipped_file_reads_as_the_plain_one(tmp_path: Path) -> None:
    """title.principals.tsv.gz, alone: the same credits and claims as the plain file (the
    locators name the .gz file); no film or person is made from ids alone."""
    plain = tmp_path / "plain" / "title.principals.tsv"
    plain.parent.mkdir()
    shutil.copy(EXTRACT / "title.principals.tsv", plain)
    packed = tmp_path / "title.principals.tsv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    a, b = _load(plain), _load(packed)
    assert a.credits == b.credits
    assert [(c.subject, c.property, c.value) for c in a.claims] == [
        (c.subject, c.property, c.value) for c in b.claims
    ]
    assert b.claims[0].excerpt.locator.startswith("title.principals.tsv.gz:")  # type: ignore[union-attr]
    assert a.films == ()
    assert a.people == ()
    assert recognise(packed) == "imdb"
    assert [i for i in validate(b) if i.severity is Severity.ERROR] == []


def test_recognised_by_header_not_name(tmp_path: Path) -> None:
    """A file is IMDb's when its header is one of theirs, whatever its name; a folder when
    it holds one; another tab-separated table is not, and loading it as imdb says why."""
    renamed = _write(
        tmp_path / "whatever.txt",
        BASICS + "tt0113277\tmovie\tHeat\tHeat\t0\t1995\t\\N\t170\tCrime\n",
    )
    assert IMPORTERS["imdb"].recognises(renamed)
    loaded = filmlore.load(renamed)
    assert isinstance(loaded, Dossier)
    assert loaded.films[0].title == Text("Heat")
    assert recognise(EXTRACT) == "imdb"
    other = _write(tmp_path / "other.tsv", "id\ttitle\n1\tHeat\n")
    assert not IMPORTERS["imdb"].recognises(other)
    with pytest.raises(LoadError) as caught:
        filmlore.load(other, format="imdb")
    assert "not one of IMDb's dataset files" in str(caught.value)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert not IMPORTERS["imdb"].recognises(empty)


def test_a_folder_reads_people_before_titles_and_refuses_impostors(tmp_path: Path) -> None:
    """In a folder, name.basics comes first and the titles after, whatever the files are
    called; a README is left alone, but a file named like IMDb's whose header is none of
    theirs is a rejected input (strict: an error), not silently skipped."""
    for name in FILES:
        shutil.copy(EXTRACT / name, tmp_path / name.replace("title.", "t_"))
    _write(tmp_path / "README.txt", "not a table\n")
    records = list(filmlore.iter_load(tmp_path, format="imdb"))
    kinds = [type(r).__name__ for r in records]
    assert kinds[0] == "Source"
    assert kinds.index("Person") < kinds.index("Film") < kinds.index("Credit")
    assert len(_load(tmp_path).credits) == 42
    _write(tmp_path / "title.basics.csv", "tconst,primaryTitle\ntt0113277,Heat\n")
    (impostor,) = _lenient(tmp_path).rejected
    assert impostor.location.file == "title.basics.csv"
    assert "named like IMDb's files" in impostor.problems[0].message
    with pytest.raises(LoadError):
        _load(tmp_path)


# --- dirt -------------------------------------------------------------------------------------


def test_bad_cells_reject_their_row_with_every_reason(tmp_path: Path) -> None:
    """A bad id, ordering, category or characters cell sets the row aside, naming the file,
    line, column, what came and what was expected; the other rows are kept."""
    path = _write(
        tmp_path / "title.principals.tsv",
        PRINCIPALS
        + 'tt0113277\t1\tnm0000199\tactor\t\\N\t["Lt. Vincent Hanna"]\n'
        + 'tt0113277\t2\tnm0000134\tactor\t\\N\t["Neil McCauley"\n'
        + "tt0113277\tthree\tx123\t\\N\t\\N\t\\N\n"
        + 'tt0113277\t1\tnm0000158\tactor\t\\N\t["Cherrie"]\n'
        + 'tt01132x7\t5\tnm0000158\tactor\t\\N\t["Cherrie"]\n',
    )
    result = _lenient(path)
    assert result.rows == 5
    assert [r.location.line for r in result.rejected] == [3, 4, 5, 6]
    json_bad, several, twice, bad_id = result.rejected
    assert json_bad.location.path == "$.characters"
    assert "expected a JSON list of names" in str(json_bad.problems[0])
    assert json_bad.location.file == "title.principals.tsv"
    assert len(several.problems) == 3
    assert several.location.path == "$"
    messages = " | ".join(p.message for p in several.problems)
    assert "ordering: cannot read 'three'" in messages
    assert "nconst: cannot read 'x123' as an IMDb name id" in messages
    assert "category: no category" in messages
    assert "ordering 1 of tt0113277 is given at line 2" in str(twice.problems[0])
    assert "tconst" in str(bad_id.problems[0])
    assert [c.id for c in result.dossier.credits] == [EntityRef("credit", "tt0113277-1")]
    with pytest.raises(LoadError) as caught:
        filmlore.load(path, format="imdb")
    assert len(caught.value.problems) == 6


def test_bad_numbers_and_years_are_refused_not_guessed(tmp_path: Path) -> None:
    """A runtime written '170 min', a year '95', a flag '2' and a rating '11' are refused,
    each with its column; a row that reads is kept whole."""
    basics = _write(
        tmp_path / "title.basics.tsv",
        BASICS
        + "tt0113277\tmovie\tHeat\tHeat\t0\t1995\t\\N\t170\tAction,Crime,Drama\n"
        + "tt0000002\tmovie\tX\tX\t2\t95\t\\N\t170 min\t\\N\n",
    )
    result = _lenient(basics)
    (bad,) = result.rejected
    assert sorted(p.message.split(":")[0] for p in bad.problems) == [
        "isAdult",
        "runtimeMinutes",
        "startYear",
    ]
    assert "expected a four-digit year such as 1995" in " ".join(p.message for p in bad.problems)
    assert [f.id.key for f in result.dossier.films] == ["tt0113277"]
    ratings = _write(
        tmp_path / "title.ratings.tsv",
        "tconst\taverageRating\tnumVotes\ntt0113277\t11\t700000\ntt0113277\t8.3\t1,000\n",
    )
    assert [r.problems[0].message.split(":")[0] for r in _lenient(ratings).rejected] == [
        "averageRating",
        "numVotes",
    ]


def test_an_id_imdb_would_write_otherwise_is_repaired_and_noted(tmp_path: Path) -> None:
    """``tt113277`` is read as tt0113277, with a note at its cell (never silently)."""
    path = _write(
        tmp_path / "title.ratings.tsv", "tconst\taverageRating\tnumVotes\ntt113277\t8.3\t700000\n"
    )
    result = _lenient(path)
    assert result.rejected == []
    assert {c.subject for c in result.dossier.claims} == {EntityRef("film", "tt0113277")}
    (note,) = result.notes
    assert "read as tt0113277" in note.message
    assert note.location.path == "$.tconst"
    with pytest.warns(filmlore.DataWarning, match="IMDb ids repaired"):
        _load(path)


def test_death_before_birth_keeps_both_claims_and_notes_it(tmp_path: Path) -> None:
    """A person IMDb says died before being born: both years stay claims (what the row
    says), the person entity holds neither, and the contradiction is noted."""
    path = _write(
        tmp_path / "name.basics.tsv", NAMES + "nm0000001\tA. Person\t1990\t1950\tactor\t\\N\n"
    )
    result = _lenient(path)
    person = result.dossier.people[0]
    assert (person.born, person.died) == (None, None)
    person_ref = "person:nm0000001"
    assert _values(result.dossier, person_ref, "date_of_birth") == [PartialDate(year=1990)]
    assert _values(result.dossier, person_ref, "date_of_death") == [PartialDate(year=1950)]
    assert "died (1950) before being born (1990)" in result.notes[0].message
    assert [i for i in validate(result.dossier) if i.severity is Severity.ERROR] == []


def test_self_is_no_character_and_executive_producers_are_told(tmp_path: Path) -> None:
    """A person seen as themselves (``["Self - Host"]``) is cast, with the category and the
    role as qualifiers, but plays no Character; a producer whose job is 'executive
    producer' has that role; a category IMDb may add is a crew credit in its department."""
    path = _write(
        tmp_path / "title.principals.tsv",
        PRINCIPALS
        + 'tt0000001\t1\tnm0000001\tself\t\\N\t["Self - Host"]\n'
        + "tt0000001\t2\tnm0000002\tproducer\texecutive producer\t\\N\n"
        + "tt0000001\t3\tnm0000003\tstunt_coordinator\t\\N\t\\N\n",
    )
    d = _load(path)
    assert d.characters == ()
    (host,) = _claims(d, "film:tt0000001", "cast_member")
    assert (host.qualifier("category"), host.qualifier("character_role")) == ("self", "Self - Host")
    roles = [(c.role, c.department, c.job) for c in d.credits]
    assert roles == [
        (RoleKind.CAST, None, None),
        (RoleKind.EXECUTIVE_PRODUCER, None, "executive producer"),
        (RoleKind.CREW, "stunt_coordinator", None),
    ]
    (producer,) = _claims(d, "film:tt0000001", "producer")
    assert producer.qualifier("job") == "executive producer"


def test_a_character_two_people_play_is_one_character(tmp_path: Path) -> None:
    """Two rows of a title naming one character (young and old): one Character, played by
    both; the characters of another title are its own."""
    path = _write(
        tmp_path / "title.principals.tsv",
        PRINCIPALS
        + 'tt0000001\t1\tnm0000001\tactor\t\\N\t["Tony"]\n'
        + 'tt0000001\t2\tnm0000002\tactor\t\\N\t["Tony"]\n'
        + 'tt0000002\t1\tnm0000002\tactor\t\\N\t["Tony"]\n'
        + 'tt0000002\t2\tnm0000003\tactor\t\\N\t["Тони"]\n'
        + 'tt0000002\t3\tnm0000004\tactor\t\\N\t["Жан"]\n',
    )
    streamed = [r for r in filmlore.iter_load(path, format="imdb") if isinstance(r, Character)]
    for characters in (_load(path).characters, streamed):
        by_id = {c.id.key: c for c in characters}
        assert len(by_id) == len(characters) == 4
        assert by_id["tt0000001-tony"].played_by == (
            EntityRef("person", "nm0000001"),
            EntityRef("person", "nm0000002"),
        )
        assert by_id["tt0000002-tony"].played_by == (EntityRef("person", "nm0000002"),)
        cyrillic = [c for c in characters if c.film.key == "tt0000002" and c.name != "Tony"]
        assert len({c.id for c in cyrillic}) == 2  # not both 'x'


def test_titles_out_of_order_make_no_second_credit(tmp_path: Path) -> None:
    """A principals file not in IMDb's order: a title's rows that come back after another
    title's are read, their repeated ordering refused, and the disorder noted."""
    path = _write(
        tmp_path / "title.principals.tsv",
        PRINCIPALS
        + 'tt0000002\t1\tnm0000001\tactor\t\\N\t["A"]\n'
        + 'tt0000001\t1\tnm0000002\tactor\t\\N\t["B"]\n'
        + 'tt0000002\t1\tnm0000003\tactor\t\\N\t["C"]\n'
        + 'tt0000002\t2\tnm0000003\tactor\t\\N\t["C"]\n',
    )
    result = _lenient(path)
    assert [r.location.line for r in result.rejected] == [4]
    assert any("not in IMDb's order" in n.message for n in result.notes)
    ids = [c.id.key for c in result.dossier.credits]
    assert sorted(ids) == ["tt0000001-1", "tt0000002-1", "tt0000002-2"]
    # A stream remembers no credit of a file in order; told of the disorder, it says so.
    with pytest.warns(filmlore.DataWarning, match="not in IMDb's order from line 3"):
        list(filmlore.iter_load(path, format="imdb"))


def test_mojibake_is_repaired_only_when_asked(tmp_path: Path) -> None:
    """A title saved through the wrong encoding (``CafÃ©``) stays as written by default;
    with repair_text it is repaired, and the claim's note says what was changed."""
    path = _write(
        tmp_path / "title.basics.tsv",
        BASICS + "tt0000001\tmovie\tCafÃ©\tCafÃ©\t0\t1990\t\\N\t\\N\t\\N\n",
    )
    assert _values(_load(path), "film:tt0000001", "title") == [Text("CafÃ©")]
    with pytest.warns(filmlore.DataWarning, match="mojibake"):
        repaired = _load(path, repair_text=True)
    (title,) = _claims(repaired, "film:tt0000001", "title")
    assert title.value == Text("Café")
    assert title.excerpt is not None
    assert title.excerpt.text == "CafÃ©"
    assert title.note is not None
    assert "Café" in title.note
    assert repaired.films[0].title == Text("Café")


# --- the three roads agree --------------------------------------------------------------------


def test_stream_columns_and_dossier_make_the_same_claims(extract: Dossier) -> None:
    """iter_load hands out the records load keeps (each entity once), and iter_columns the
    same claims, with the same ids, subjects, values and locators."""
    streamed: list[Any] = list(filmlore.iter_load(EXTRACT, format="imdb"))
    ids = [r.id for r in streamed]
    assert len(ids) == len(set(ids))
    assert set(ids) == {e.id for e in extract.entities()}
    columns = list(iter_columns(EXTRACT, "imdb", ImportOptions(), batch_size=100))
    assert len(columns) > 1
    rows = {
        (cid, str(subject), value, locator)
        for cols in columns
        for cid, subject, value, locator in zip(
            cols.claim_ids(), cols.subject, cols.value, cols.locator, strict=True
        )
    }
    assert rows == {
        (str(c.id), str(c.subject), c.value, c.excerpt.locator)  # type: ignore[union-attr]
        for c in extract.claims
    }


_NAME = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(
    lambda s: s.strip() != ""
)


@settings(max_examples=40)
@given(st.lists(_NAME, min_size=1, max_size=3))
def test_characters_read_back_as_written(
    tmp_path_factory: pytest.TempPathFactory, names: list[str]
) -> None:
    """Any list of names IMDb writes as JSON (quotes, backslashes, non-Latin scripts) comes
    back as the character_role qualifiers, in order, each once."""
    folder = tmp_path_factory.mktemp("chars")
    cell = json.dumps(names, ensure_ascii=False)
    path = _write(folder / "p.tsv", PRINCIPALS + f"tt0000001\t1\tnm0000001\tactor\t\\N\t{cell}\n")
    d = _load(path)
    roles = [c.qualifier("character_role") for c in d.claims]
    assert roles == list(dict.fromkeys(names))
    assert [c.excerpt.text for c in d.claims] == ["nm0000001"] * len(roles)  # type: ignore[union-attr]


def _principals_file(path: Path, titles: int) -> Path:
    lines = [PRINCIPALS]
    for t in range(1, titles + 1):
        for order in range(1, 11):
            person = (t * 7 + order) % 50 + 1
            cast = order <= 6
            chars = f'["Part {order}"]' if cast else "\\N"
            category = "actor" if cast else "director"
            lines.append(f"tt{t:07d}\t{order}\tnm{person:07d}\t{category}\t\\N\t{chars}\n")
    return _write(path, "".join(lines))


def test_a_stream_of_principals_keeps_no_memory_per_row(tmp_path: Path) -> None:
    """Streaming title.principals, the memory held does not grow with the rows: four times
    the rows (of the same 50 people) peak at about the same memory -- credits and
    characters are handed out without their ids being kept."""
    import gc
    import tracemalloc

    def peak(titles: int) -> int:
        path = _principals_file(tmp_path / f"p{titles}.tsv", titles)
        gc.collect()
        tracemalloc.start()
        count = sum(1 for _ in filmlore.iter_load(path, format="imdb"))
        top = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert count == 1 + titles * 10 * 2 + titles * 6  # source, credit+claim a row, parts
        return top

    small, large = peak(300), peak(1200)
    # 9,000 more credits and 5,400 more characters would hold over 1.5 MB of ids.
    assert large - small < 300_000
