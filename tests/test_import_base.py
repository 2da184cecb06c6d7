"""What every importer shares: opening files (compressed, encoded, delimited), counting
and rejecting rows, the options, format recognition, the stream and the columns route."""

from __future__ import annotations

import bz2
import gzip
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import filmlore
from filmlore import ClaimTable, DataWarning, LoadError, LoadResult, validate
from filmlore.importers import ImportOptions, OptionError, iter_columns, recognise
from filmlore.importers._files import sniff_delimiter

MOVIES = (
    "movieId,title,genres\n6,Heat (1995),Action|Crime|Thriller\n8,Tom and Huck (1995),Adventure\n"
)
LINKS = "movieId,imdbId,tmdbId\n6,0113277,949\n8,0112302,45325\n"


def folder(tmp_path: Path, movies: bytes | str = MOVIES, links: bytes | str = LINKS) -> Path:
    root = tmp_path / "ml"
    root.mkdir(parents=True)
    for name, data in (("movies.csv", movies), ("links.csv", links)):
        raw = data.encode("utf-8") if isinstance(data, str) else data
        (root / name).write_bytes(raw)
    return root


def heat_claims(dossier: filmlore.Dossier) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for claim in dossier.claims_about("film:tt0113277"):
        found.setdefault(claim.property, []).append(str(claim.value))
    return found


# --- opening files --------------------------------------------------------------------------


def test_claims_carry_the_data_set_the_field_as_written_and_its_place(tmp_path: Path) -> None:
    d = filmlore.load(folder(tmp_path), format="movielens")
    (source,) = d.sources
    assert str(source.id) == "source:movielens"
    assert source.kind is filmlore.SourceKind.DATABASE
    assert source.url
    assert source.retrieved is not None
    title = d.claims_about("film:tt0113277", "title")[0]
    assert title.source == source.id
    assert title.excerpt is not None
    assert title.excerpt.text == "Heat (1995)"
    assert title.excerpt.locator == "movies.csv:2$.title"
    assert heat_claims(d) == {
        "title": ["Heat"],
        "release_date": ["1995"],
        "genre": ["Action", "Crime", "Thriller"],
    }


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress])
def test_compressed_files_read_as_the_plain_ones(tmp_path: Path, compress: object) -> None:
    plain = filmlore.load(folder(tmp_path), format="movielens")
    root = tmp_path / "packed"
    root.mkdir()
    (root / "movies.csv").write_bytes(compress(MOVIES.encode()))  # type: ignore[operator]
    (root / "links.csv").write_bytes(compress(LINKS.encode()))  # type: ignore[operator]
    # the files keep their names: compression is told by the first bytes
    packed = filmlore.load(root, format="movielens")
    assert [c.value for c in packed.claims] == [c.value for c in plain.claims]
    assert [c.id for c in packed.claims] == [c.id for c in plain.claims]


def test_a_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    d = filmlore.load(folder(tmp_path, movies="\ufeff" + MOVIES), format="movielens")
    assert heat_claims(d)["title"] == ["Heat"]


def test_utf16_with_its_mark_is_read(tmp_path: Path) -> None:
    d = filmlore.load(folder(tmp_path, movies=MOVIES.encode("utf-16")), format="movielens")
    assert heat_claims(d)["title"] == ["Heat"]


def test_cp1252_is_detected_and_noted(tmp_path: Path) -> None:
    text = MOVIES + "9,Amélie – Le fabuleux destin d’Amélie Poulain (2001),Comedy|Romance\n"
    root = folder(tmp_path, movies=text.encode("cp1252"))
    result = filmlore.load(root, format="movielens", lenient=True)
    titles = [str(c.value) for c in result.dossier.claims_for("title")]
    assert "Amélie – Le fabuleux destin d’Amélie Poulain" in titles
    assert any("not UTF-8" in n.message for n in result.notes)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        filmlore.load(root, format="movielens")
    assert any(issubclass(w.category, DataWarning) for w in caught)


def test_a_declared_encoding_is_used(tmp_path: Path) -> None:
    root = folder(tmp_path, movies=(MOVIES + "9,Amélie (2001),Comedy\n").encode("latin-1"))
    d = filmlore.load(root, format="movielens", encoding="latin-1")
    assert "Amélie" in [str(c.value) for c in d.claims_for("title")]


def test_bytes_that_are_not_text_in_the_declared_encoding_name_file_and_line(
    tmp_path: Path,
) -> None:
    body = (MOVIES + "9,Caf\xe9 (2001),Comedy\n").encode("latin-1")
    root = folder(tmp_path, movies=body)
    with pytest.raises(LoadError) as caught:
        filmlore.load(root, format="movielens", encoding="utf-8")
    (problem,) = caught.value.problems
    assert problem.location.file == "movies.csv"
    assert problem.location.line == 4
    assert "encoding=" in problem.message


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("a,b,c", ","),
        ("a;b;c", ";"),
        ("a\tb\tc", "\t"),
        ("a|b|c", "|"),
        ('"x;y",b,c', ","),  # a delimiter inside quotes does not count
        ("single", ","),
    ],
)
def test_the_delimiter_is_sniffed_from_the_header(header: str, delimiter: str) -> None:
    assert sniff_delimiter(header) == delimiter


@given(st.sampled_from([",", ";", "\t", "|"]), st.integers(2, 8))
def test_sniffing_finds_the_delimiter_of_any_plain_header(sep: str, width: int) -> None:
    assert sniff_delimiter(sep.join(f"col{i}" for i in range(width))) == sep


def test_semicolon_and_tab_tables_read_as_comma_ones(tmp_path: Path) -> None:
    for sep in (";", "\t"):
        movies = MOVIES.replace(",", sep).replace("|", "|")
        links = LINKS.replace(",", sep)
        sub = tmp_path / ("semi" if sep == ";" else "tab")
        sub.mkdir()
        d = filmlore.load(folder(sub, movies, links), format="movielens")
        assert heat_claims(d)["genre"] == ["Action", "Crime", "Thriller"]


def test_blank_rows_are_counted_and_reported_not_fatal(tmp_path: Path) -> None:
    movies = MOVIES.replace("\n6,", "\n\n,,\n6,")
    result = filmlore.load(folder(tmp_path, movies=movies), format="movielens", lenient=True)
    assert result.ok
    assert result.rows == 4
    (note,) = [n for n in result.notes if "blank" in n.message]
    assert note.message.startswith("2 blank row(s)")
    assert note.location.line == 2


def test_a_ragged_row_is_rejected_with_both_counts_and_nothing_else_is_lost(
    tmp_path: Path,
) -> None:
    movies = MOVIES + "10,Broken,Drama,extra\n"
    result = filmlore.load(folder(tmp_path, movies=movies), format="movielens", lenient=True)
    (rejected,) = result.rejected
    assert rejected.location.line == 4
    assert "expected 3 cells as in the header, got 4" in str(rejected)
    assert len(result.dossier.films) == 2  # the good rows are all in
    assert result.rows == 5  # every row read is counted (links.csv's too), the rejected one too
    with pytest.raises(LoadError, match="expected 3 cells"):
        filmlore.load(folder(tmp_path / "strict", movies=movies), format="movielens")


def test_spreadsheet_ids_are_read_with_a_note_on_the_load(tmp_path: Path) -> None:
    links = "movieId,imdbId,tmdbId\n6,113277.0,949.0\n8,0112302,\n"
    result = filmlore.load(folder(tmp_path, links=links), format="movielens", lenient=True)
    heat = result.dossier["film:tt0113277"]
    assert str(heat.ids.tmdb) == "949"
    assert len([n for n in result.notes if "spreadsheet" in n.message]) == 2
    assert result.dossier["film:tt0112302"].ids.tmdb is None  # empty: absent, not an error


def test_a_bad_id_rejects_its_row_naming_the_column(tmp_path: Path) -> None:
    links = "movieId,imdbId,tmdbId\n6,0113277,nine\n8,0112302,45325\n"
    result = filmlore.load(folder(tmp_path, links=links), format="movielens", lenient=True)
    (rejected,) = result.rejected
    assert "tmdbId" in str(rejected)
    assert rejected.location.line == 2


def test_an_imported_dossier_validates_without_errors(tmp_path: Path) -> None:
    d = filmlore.load(folder(tmp_path), format="movielens")
    assert d.origin is filmlore.DossierOrigin.DATA_SET
    assert [i for i in validate(d) if i.severity is filmlore.Severity.ERROR] == []


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml", "jsonl"])
def test_a_written_data_set_says_so_and_validates_as_one(tmp_path: Path, fmt: str) -> None:
    d = filmlore.load(folder(tmp_path), format="movielens")
    credit = filmlore.Credit(
        id=filmlore.EntityRef("credit", "x"),
        film=filmlore.EntityRef("film", "tt0113277"),
        person=filmlore.EntityRef("person", "nm0000520"),  # a person the data set names only
        role=filmlore.RoleKind.DIRECTOR,
    )
    d = filmlore.Dossier(
        films=d.films, sources=d.sources, credits=[credit], claims=d.claims, origin=d.origin
    )
    again = filmlore.loads(filmlore.dumps(d, format=fmt), format=fmt)  # type: ignore[arg-type]
    assert again == d
    assert again.origin is filmlore.DossierOrigin.DATA_SET
    issues = validate(again)
    assert [i.code for i in issues if i.severity is filmlore.Severity.ERROR] == []
    assert "undeclared-reference" in [i.code for i in issues]


# --- options ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"date_order": "ydm"}, "date_order"),
        ({"pivot": 30}, "pivot"),
        ({"pivot": True}, "pivot"),
        ({"encoding": ""}, "encoding"),
    ],
)
def test_options_are_checked_when_given(options: dict[str, object], message: str) -> None:
    with pytest.raises(OptionError, match=message):
        ImportOptions(**options)  # type: ignore[arg-type]


def test_an_unknown_encoding_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="unknown encoding 'klingon'"):
        filmlore.load(folder(tmp_path), format="movielens", encoding="klingon")


def test_import_options_are_refused_for_filmlore_formats(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text('{"films": []}')
    with pytest.raises(OptionError, match="date_order= is for the importers"):
        filmlore.load(path, date_order="mdy")
    with pytest.raises(OptionError, match="kinds= is for filmlore's own formats"):
        filmlore.load(folder(tmp_path), format="movielens", kinds={"x": "text"})
    with pytest.raises(OptionError, match="mapping= is for format='table'"):
        filmlore.load(folder(tmp_path / "m"), format="movielens", mapping={})


def test_importers_read_paths_not_text() -> None:
    with pytest.raises(OptionError, match="imported from a path"):
        filmlore.loads(MOVIES, format="movielens")  # type: ignore[arg-type]


def test_filmlore_does_not_write_an_importer_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot write format 'movielens'"):
        filmlore.dumps(filmlore.Dossier(), format="movielens")  # type: ignore[arg-type]


# --- recognising inputs -----------------------------------------------------------------------


def test_an_importer_input_is_recognised_by_its_contents(tmp_path: Path) -> None:
    root = folder(tmp_path)
    assert recognise(root) == "movielens"
    assert recognise(root / "movies.csv") == "movielens"
    d = filmlore.load(root)  # no format: the folder is a MovieLens one beyond doubt
    assert "film:tt0113277" in d
    claims = tmp_path / "claims.csv"
    claims.write_text("subject,property,value,source\nfilm:x,duration,170 min,source:a\n")
    assert recognise(claims) is None
    assert len(filmlore.load(claims).claims) == 1  # a claims CSV is still a claims CSV


# --- the stream and the columns -----------------------------------------------------------


def test_the_stream_gives_the_records_of_the_load(tmp_path: Path) -> None:
    root = folder(tmp_path)
    loaded = filmlore.load(root, format="movielens")
    streamed = list(filmlore.iter_load(root, format="movielens"))
    assert [r for r in streamed if isinstance(r, filmlore.Claim)] == list(loaded.claims)
    assert [r for r in streamed if isinstance(r, filmlore.Film)] == list(loaded.films)


def test_a_strict_stream_stops_at_the_first_bad_row_and_raises_them_all(tmp_path: Path) -> None:
    movies = MOVIES + "x,Bad (1999),Drama\n10,Fine (2000),Drama\ny,Worse (2001),Drama\n"
    root = folder(tmp_path, movies=movies)
    got: list[object] = []
    with pytest.raises(LoadError) as caught:
        got.extend(filmlore.iter_load(root, format="movielens"))
    assert len(caught.value.problems) == 2
    assert not any(isinstance(r, filmlore.Film) and r.title.text == "Fine" for r in got)
    lenient = list(filmlore.iter_load(root, format="movielens", lenient=True))
    assert len([r for r in lenient if isinstance(r, filmlore.Rejected)]) == 2
    assert any(isinstance(r, filmlore.Film) and r.title.text == "Fine" for r in lenient)


def test_the_columns_route_makes_the_claims_of_the_dossier(tmp_path: Path) -> None:
    root = folder(tmp_path)
    dossier = filmlore.load(root, format="movielens")
    table = ClaimTable.load(root, format="movielens")
    assert table.claim_ids_list() == [str(c.id) for c in dossier.claims]
    assert sorted(map(str, table.labels("value"))) == sorted({str(c.value) for c in dossier.claims})
    by_table = filmlore.reconcile(table)
    by_dossier = filmlore.reconcile(dossier)
    assert [(str(f.subject), f.property, str(f.value)) for f in by_table.facts] == [
        (str(f.subject), f.property, str(f.value)) for f in by_dossier.facts
    ]


def test_columns_come_in_batches(tmp_path: Path) -> None:
    root = folder(tmp_path)
    batches = list(iter_columns(root, "movielens", ImportOptions(), batch_size=2))
    assert [len(b) for b in batches][:-1] == [len(b) for b in batches][:-1]
    assert all(len(b) >= 2 for b in batches[:-1])
    assert sum(len(b) for b in batches) == len(filmlore.load(root).claims)
    assert all(b.sources for b in batches)


def test_a_lenient_load_is_a_load_result(tmp_path: Path) -> None:
    assert isinstance(filmlore.load(folder(tmp_path), lenient=True), LoadResult)


def test_a_table_of_films_read_as_claims_says_how_to_import_it(tmp_path: Path) -> None:
    path = tmp_path / "films.csv"
    path.write_text("name,year,runtime\nHeat,1995,170\n")
    with pytest.raises(LoadError, match="format='table', mapping="):
        filmlore.load(path)


def test_a_table_of_filmlore_s_own_format_refuses_import_options(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_text("subject,property,value,source\nfilm:x,duration,170 min,source:a\n")
    assert len(ClaimTable.load(path)) == 1
    with pytest.raises(OptionError, match="encoding= is for the importers"):
        ClaimTable.load(path, encoding="cp1252")
