"""The ``movielens`` importer: ``movies.csv`` titles (the year suffix, the article written
last, other titles in parentheses), genres, ``links.csv`` ids padded or not, missing or
saved by a spreadsheet, and every row kept or listed."""

from __future__ import annotations

import csv
import gzip
import shutil
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import filmlore
from filmlore import ClaimTable, DataWarning, LoadError, Severity, validate
from filmlore.importers import recognise

from .conftest import shared_file

DATA = Path(__file__).parent / "data" / "import" / "movielens"


def extract(tmp_path: Path) -> Path:
    """A copy of the extract, to change a file of."""
    root = tmp_path / "ml"
    shutil.copytree(DATA, root)
    (root / "ORIGIN.md").unlink()
    return root


def values(d: filmlore.Dossier, film: str, prop: str) -> list[str]:
    return [str(c.value) for c in d.claims_about(film, prop)]


def film(d: filmlore.Dossier, ref: str) -> filmlore.Film:
    found = d.get(ref)
    assert isinstance(found, filmlore.Film), ref
    return found


def test_heat_from_the_extract() -> None:
    """Heat is movieId 6, IMDb 0113277 (the film's id), TMDb 949, 1995, three genres."""
    d = filmlore.load(DATA, format="movielens")
    heat = film(d, "film:tt0113277")
    assert heat.title.text == "Heat"
    assert heat.year == 1995
    assert str(heat.ids.imdb) == "tt0113277"
    assert heat.ids.tmdb is not None
    assert heat.ids.tmdb.value == 949
    assert heat.ids.movielens is not None
    assert heat.ids.movielens.value == 6
    assert values(d, "film:tt0113277", "title") == ["Heat"]
    assert values(d, "film:tt0113277", "release_date") == ["1995"]
    assert values(d, "film:tt0113277", "genre") == ["Action", "Crime", "Thriller"]
    title = d.claims_about("film:tt0113277", "title")[0]
    assert title.excerpt is not None
    assert (title.excerpt.text, title.excerpt.locator) == ("Heat (1995)", "movies.csv:2$.title")
    assert title.note is None
    genre = d.claims_about("film:tt0113277", "genre")[0]
    assert genre.excerpt is not None
    assert genre.excerpt.text == "Action|Crime|Thriller"


def test_the_article_written_last_is_read_in_front_and_said() -> None:
    """ "American President, The (1995)" is The American President; the excerpt keeps what
    MovieLens wrote and the note says what was read."""
    d = filmlore.load(DATA, format="movielens")
    ref = "film:tt0112346"
    assert film(d, ref).title.text == "The American President"
    (claim,) = d.claims_about(ref, "title")
    assert str(claim.value) == "The American President"
    assert claim.excerpt is not None
    assert claim.excerpt.text == "American President, The (1995)"
    assert claim.note is not None
    assert "'American President, The'" in claim.note
    assert values(d, "film:tt0113828", "title") == ["Les Misérables"]


def test_titles_in_parentheses_are_alternative_titles() -> None:
    """Other titles in parentheses become alternative_title claims, articles put back."""
    d = filmlore.load(DATA, format="movielens")
    assert values(d, "film:tt0112682", "title") == ["The City of Lost Children"]
    assert values(d, "film:tt0112682", "alternative_title") == ["La Cité des enfants perdus"]
    assert values(d, "film:tt0114369", "title") == ["Seven"]
    assert values(d, "film:tt0114369", "alternative_title") == ["Se7en"]
    assert values(d, "film:tt0110413", "title") == ["Léon: The Professional"]
    assert values(d, "film:tt0110413", "alternative_title") == ["The Professional", "Léon"]
    alt = d.claims_about("film:tt0114369", "alternative_title")[0]
    assert alt.excerpt is not None
    assert alt.excerpt.text == "Seven (a.k.a. Se7en) (1995)"


def test_parentheses_that_belong_to_the_title_stay() -> None:
    """A group glued to a word or opening the title is part of it."""
    d = filmlore.load(DATA, format="movielens")
    assert values(d, "film:tt0814685", "title") == ["Frontière(s)"]
    assert values(d, "film:tt1022603", "title") == ["(500) Days of Summer"]
    assert values(d, "film:tt0814685", "alternative_title") == []


def test_a_title_without_a_year_has_no_release_date() -> None:
    """Babylon 5 has no year: no release_date claim and no year, the title whole."""
    d = filmlore.load(DATA, format="movielens")
    babylon = film(d, "film:tt0105946")
    assert babylon.title.text == "Babylon 5"
    assert babylon.year is None
    assert values(d, "film:tt0105946", "release_date") == []


def test_an_empty_tmdb_id_is_absent() -> None:
    """Babylon 5's links row has no tmdbId: the film has none, and no note is made."""
    result = filmlore.load(DATA, format="movielens", lenient=True)
    babylon = film(result.dossier, "film:tt0105946")
    assert babylon.ids.tmdb is None
    assert babylon.ids.movielens is not None
    assert result.notes == []
    assert result.ok


def test_a_title_ending_in_a_space_and_no_genres_listed() -> None:
    """The trailing space is not part of the title; "(no genres listed)" makes no claim."""
    d = filmlore.load(DATA, format="movielens")
    assert values(d, "film:tt0120860", "title") == ["From Dusk Till Dawn 2: Texas Blood Money"]
    assert values(d, "film:tt0120860", "release_date") == ["1999"]
    assert values(d, "film:tt0121731", "genre") == []
    assert values(d, "film:tt0121731", "title") == ["La cravate"]


@pytest.mark.parametrize("written", ["0113277", "113277", "tt0113277"])
def test_padded_and_unpadded_imdb_ids_name_one_film(tmp_path: Path, written: str) -> None:
    """MovieLens pads IMDb ids to seven digits; other copies do not: one film either way."""
    root = extract(tmp_path)
    (root / "links.csv").write_text(f"movieId,imdbId,tmdbId\n6,{written},949\n")
    d = filmlore.load(root, format="movielens", lenient=True).dossier
    assert film(d, "film:tt0113277").ids.imdb is not None


def test_a_tmdb_id_saved_as_a_float_is_read_and_noted(tmp_path: Path) -> None:
    """949.0 (a spreadsheet's) is read as 949; the note names file, line and column, and a
    strict load warns once."""
    root = extract(tmp_path)
    (root / "links.csv").write_text("movieId,imdbId,tmdbId\n6,0113277,949.0\n")
    result = filmlore.load(root, format="movielens", lenient=True)
    tmdb = film(result.dossier, "film:tt0113277").ids.tmdb
    assert tmdb is not None
    assert tmdb.value == 949
    (note,) = [n for n in result.notes if "949.0" in n.message]
    assert (note.location.file, note.location.line, note.location.path) == (
        "links.csv",
        2,
        "$.tmdbId",
    )
    with pytest.warns(DataWarning, match="spreadsheet ids"):
        filmlore.load(root, format="movielens")


def test_links_rows_without_a_movie_are_noted(tmp_path: Path) -> None:
    """A link to a movieId movies.csv lacks gives nothing, and says so."""
    root = extract(tmp_path)
    with open(root / "links.csv", "a") as f:
        f.write("999999,0000001,1\n")
    result = filmlore.load(root, format="movielens", lenient=True)
    assert any("1 row(s) of links.csv" in n.message for n in result.notes)


def test_a_bad_row_is_rejected_with_its_place_and_the_rest_kept(tmp_path: Path) -> None:
    """A movieId that is no id rejects its row: file, line, column; strict raises it."""
    root = extract(tmp_path)
    with open(root / "movies.csv", "a", encoding="utf-8") as f:
        f.write("six,Heat 2 (2030),Action\n")
    result = filmlore.load(root, format="movielens", lenient=True)
    (rejected,) = result.rejected
    assert (rejected.location.file, rejected.location.line) == ("movies.csv", 13)
    assert rejected.location.path == "$.movieId"
    assert len(result.dossier.films) == 11
    with pytest.raises(LoadError, match=r"movies\.csv:13"):
        filmlore.load(root, format="movielens")


def test_a_movie_id_saved_as_a_float_is_noted(tmp_path: Path) -> None:
    """movies.csv's movieId 6.0 is 6, and the note says so."""
    root = extract(tmp_path)
    text = (root / "movies.csv").read_text(encoding="utf-8")
    (root / "movies.csv").write_text(text.replace("\n6,Heat", "\n6.0,Heat"), encoding="utf-8")
    result = filmlore.load(root, format="movielens", lenient=True)
    assert film(result.dossier, "film:tt0113277").ids.movielens is not None
    assert [n.location.path for n in result.notes] == ["$.movieId"]


def test_a_gzipped_movies_file_reads_the_same(tmp_path: Path) -> None:
    """A .gz copy of movies.csv gives the same claims, with the same ids."""
    root = extract(tmp_path)
    plain = filmlore.load(root / "movies.csv", format="movielens")
    packed = tmp_path / "movies.csv.gz"
    packed.write_bytes(gzip.compress((root / "movies.csv").read_bytes()))
    assert recognise(packed) == "movielens"
    again = filmlore.load(packed, format="movielens")
    assert [(c.property, c.value) for c in again.claims] == [
        (c.property, c.value) for c in plain.claims
    ]


def test_the_extract_validates_and_reads_as_columns() -> None:
    """No errors in the imported dossier; the columns road gives the same claims."""
    d = filmlore.load(DATA)  # recognised by its header
    assert not [i for i in validate(d) if i.severity is Severity.ERROR]
    table = ClaimTable.load(DATA, format="movielens")
    assert len(table) == len(d.claims)


# an article and a year that read back, as MovieLens would write them
_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)


@settings(max_examples=40)
@given(
    words=st.lists(_WORDS, min_size=1, max_size=4),
    article=st.sampled_from(["The", "A", "An", "Les", "La", "Il", "Der"]),
    year=st.integers(1890, 2030),
    other=st.none() | st.lists(_WORDS, min_size=1, max_size=3),
)
def test_a_title_written_the_movielens_way_reads_back(
    tmp_path_factory: pytest.TempPathFactory,
    words: list[str],
    article: str,
    year: int,
    other: list[str] | None,
) -> None:
    """ "Words, The (Other) (1995)" reads as "The Words", the year, and "Other"."""
    root = tmp_path_factory.mktemp("ml")
    main = " ".join(w.capitalize() for w in words)
    written = f"{main}, {article}" + (f" ({' '.join(other)})" if other else "") + f" ({year})"
    with open(root / "movies.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["movieId", "title", "genres"], ["7", written, "Drama"]])
    d = filmlore.load(root / "movies.csv", format="movielens")
    assert values(d, "film:movielens-7", "title") == [f"{article} {main}"]
    assert values(d, "film:movielens-7", "release_date") == [str(year)]
    assert values(d, "film:movielens-7", "alternative_title") == (
        [" ".join(other)] if other else []
    )
    assert film(d, "film:movielens-7").year == year


# --- the real file ------------------------------------------------------------------------------


def test_the_real_ml_latest_small_loses_no_row() -> None:
    """Every one of the 9,742 films of ml-latest-small is read, none rejected, none
    noted; Heat is row 6; the dossier validates without errors."""
    root = shared_file("data", "film", "movielens_ml_latest_small")
    result = filmlore.load(root, format="movielens", lenient=True)
    assert result.ok
    assert result.notes == []
    assert len(result.dossier.films) == 9742
    assert result.rows == 2 * 9742  # movies.csv and links.csv
    d = result.dossier
    heat = d.claims_about("film:tt0113277", "title")[0]
    assert heat.excerpt is not None
    assert heat.excerpt.locator == "movies.csv:7$.title"
    assert film(d, "film:tt0113277").ids.tmdb is not None
    titles = {str(c.value) for c in d.claims if c.property == "title"}
    assert {"The American President", "The Usual Suspects", "Les Misérables"} <= titles
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert not [i for i in validate(d) if i.severity is Severity.ERROR]


def test_links_alone_say_which_ids_name_one_film_and_nothing_more(tmp_path: Path) -> None:
    """A links.csv read alone has no title to make a Film of: its ids are claims about the
    film, as written, and validate as a data set's references."""
    links = tmp_path / "links.csv"
    links.write_text("movieId,imdbId,tmdbId\n6,0113277,949\n8,0112302,\n")
    d = filmlore.load(links, format="movielens")
    assert d.films == ()
    said = {(str(c.subject), c.property, str(c.value), c.excerpt.text) for c in d.claims}  # type: ignore[union-attr]
    assert said == {
        ("film:tt0113277", "movielens_id", "6", "6"),
        ("film:tt0113277", "imdb_id", "tt0113277", "0113277"),
        ("film:tt0113277", "tmdb_id", "949", "949"),
        ("film:tt0112302", "movielens_id", "8", "8"),
        ("film:tt0112302", "imdb_id", "tt0112302", "0112302"),
    }
    errors = [i for i in filmlore.validate(d) if i.severity is filmlore.Severity.ERROR]
    assert errors == []
