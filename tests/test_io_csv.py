"""CSV: a table of claims, with cells read by their property's kind."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import filmlore
from filmlore import (
    Claim,
    Dossier,
    DossierOrigin,
    Duration,
    EntityRef,
    LoadError,
    Source,
    SourceKind,
    Text,
)
from filmlore.io._csv import derived_id, format_qualifiers, parse_qualifiers
from tests.conftest import ROOT, shared_file

DATA = ROOT / "tests" / "data"
HEADER = "subject,property,value,source"


def _load(text: str, **kwargs: object) -> Dossier:
    loaded = filmlore.loads(text, format="csv", **kwargs)  # type: ignore[arg-type]
    assert isinstance(loaded, Dossier)
    return loaded


def _problems(text: str) -> list[str]:
    with pytest.raises(LoadError) as caught:
        filmlore.loads(text, format="csv")
    return [str(p) for p in caught.value.problems]


def test_cells_are_read_by_their_property_kind() -> None:
    """Every kind is read from its printed text: a duration, a date, an integer, a ref."""
    text = (
        "subject,property,value,source,kind\n"
        "film:heat-1995,duration,nearly 3 hours,source:a,\n"
        "film:heat-1995,release_date,1995-12-15,source:a,\n"
        "film:heat-1995,director,person:michael-mann,source:a,\n"
        "film:heat-1995,duration,170,source:a,integer\n"
    )
    values = [c.value for c in _load(text).claims]
    assert values[0] == Duration.parse("nearly 3 hours")
    assert str(values[1]) == "1995-12-15"
    assert values[2] == EntityRef("person", "michael-mann")
    assert values[3] == 170


def test_missing_ids_are_derived_from_the_row() -> None:
    """A row without an id gets claim: + 16 hex digits of the SHA-256 of its cells."""
    row = "film:heat-1995,duration,nearly 3 hours,source:a"
    claim = _load(f"{HEADER}\n{row}\n").claims[0]
    cells = ["film:heat-1995", "duration", "nearly 3 hours", "source:a"] + [""] * 12
    digest = hashlib.sha256("\x1f".join(cells).encode()).hexdigest()[:16]
    assert str(claim.id) == f"claim:{digest}"
    moved = _load(f"{HEADER}\nfilm:x,title,X,source:b\n{row}\n").claims[1]
    assert moved.id == claim.id


def test_given_ids_are_kept() -> None:
    """An id column is used as is."""
    claim = _load("id,subject,property,value,source\nclaim:a,film:f,title,Heat,source:a\n").claims[
        0
    ]
    assert claim.id == EntityRef("claim", "a")


def test_qualifiers_are_key_value_pairs() -> None:
    """qualifiers: key=value; key=value, with backslash escapes."""
    assert parse_qualifiers(r"scope=in a speaking scene; cut=director\;s; eq=a\=b") == {
        "scope": "in a speaking scene",
        "cut": "director;s",
        "eq": "a=b",
    }
    assert parse_qualifiers(r"k=\ padded\ ") == {"k": " padded "}


@given(
    st.dictionaries(st.text(min_size=1).filter(str.strip), st.text().filter(str.strip), max_size=4)
)
def test_qualifiers_roundtrip(qualifiers: dict[str, str]) -> None:
    """Any qualifier names and values survive format_qualifiers then parse_qualifiers."""
    assert parse_qualifiers(format_qualifiers(qualifiers)) == qualifiers


def test_bad_qualifiers_are_problems_at_the_cell() -> None:
    """A qualifier without '=' is reported at the row's line and the qualifiers column."""
    text = f"{HEADER},qualifiers\nfilm:f,title,Heat,source:a,scope\n"
    assert _problems(text) == ["expected key=value, got 'scope' @ $.qualifiers (line 2)"]


def test_errors_have_the_row_line_and_column() -> None:
    """A problem names the row's first line (a quoted cell may span lines) and its column."""
    text = (
        f"{HEADER},excerpt\n"
        'film:heat-1995,title,Heat,source:a,"a quote\nover two lines"\n'
        "film:heat-1995,duration,forever,source:a,\n"
        "film:heat-1995,duration,170 min,source:a b,\n"
    )
    problems = _problems(text)
    assert problems[0].startswith("cannot read 'forever' as a duration")
    assert problems[0].endswith("@ $.value (line 4)")
    assert problems[1].startswith("cannot read 'source:a b' as an entity reference")
    assert problems[1].endswith("@ $.source (line 5)")


def test_missing_cells_and_bad_headers() -> None:
    """An empty required cell is named; an unknown column is refused with the known ones."""
    assert _problems(f"{HEADER}\nfilm:f,title,,source:a\n") == [
        "missing value in column 'value' @ $.value (line 2)"
    ]
    (problem,) = _problems("subject,property,value,source,colour\n")
    assert problem.startswith("unknown column(s) 'colour' (a claims table takes id, subject")


def test_lenient_rows() -> None:
    """lenient=True keeps good rows and sets bad ones aside with their cells as the record."""
    text = f"{HEADER}\nfilm:f,title,Heat,source:a\nfilm:f,duration,forever,source:a\n"
    result = filmlore.loads(text, format="csv", lenient=True)
    assert len(result.dossier.claims) == 1
    assert result.rejected[0].record["value"] == "forever"
    assert result.rejected[0].location.line == 3


def test_text_values_keep_their_language() -> None:
    """A lang column gives a text value its language."""
    claim = _load(f"{HEADER},lang\nfilm:f,title,Heat,source:a,en\n").claims[0]
    assert claim.value == Text("Heat", lang="en")


def test_movielens_extract_loads() -> None:
    """The extract of real MovieLens rows loads, with one derived id per row."""
    dossier = filmlore.load(DATA / "movielens_claims.csv")
    titles = {str(c.subject): c.value.text for c in dossier.claims if c.property == "title"}
    assert titles["film:ml-29"] == "City of Lost Children, The (Cité des enfants perdus, La) (1995)"
    assert titles["film:ml-6"] == "Heat (1995)"
    genres = [c.value.text for c in dossier.claims_about("film:ml-6", "genre")]
    assert genres == ["Action", "Crime", "Thriller"]
    assert len({c.id for c in dossier.claims}) == len(dossier.claims) == 16
    assert all(re.fullmatch(r"claim:[0-9a-f]{16}", str(c.id)) for c in dossier.claims)
    assert all(c.qualifier("field") in ("title", "genres") for c in dossier.claims)


def test_movielens_movies_as_claims() -> None:
    """Hundreds of real MovieLens rows, turned into a claims table, load through CSV."""
    path = shared_file("data", "film", "movielens_ml_latest_small", "movies.csv")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["subject", "property", "value", "source"])
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for _, r in zip(range(500), csv.DictReader(f), strict=False)]
    for row in rows:
        writer.writerow([f"film:ml-{row['movieId']}", "title", row["title"], "source:movielens"])
        for genre in row["genres"].split("|"):
            writer.writerow([f"film:ml-{row['movieId']}", "genre", genre, "source:movielens"])
    dossier = _load(out.getvalue())
    assert sum(c.property == "title" for c in dossier.claims) == 500
    heat = dossier.claims_about("film:ml-6", "title")[0]
    assert heat.value == Text("Heat (1995)")
    assert filmlore.loads(filmlore.dumps(dossier, format="csv"), format="csv") == dossier


def test_dump_writes_only_the_columns_in_use() -> None:
    """The header has id and the four required columns, and optional ones only when used."""
    claim = Claim(
        id=EntityRef("claim", "a"),
        subject=EntityRef("film", "f"),
        property="title",
        value=Text("Heat"),
        source=EntityRef("source", "a"),
    )
    assert filmlore.dumps([claim], format="csv") == (
        "id,subject,property,value,source\nclaim:a,film:f,title,Heat,source:a\n"
    )


def test_derived_id_is_exposed_for_adapters() -> None:
    """derived_id is what the loader uses."""
    cells = {"subject": "film:f", "property": "title", "value": "Heat", "source": "source:a"}
    text = "subject,property,value,source\nfilm:f,title,Heat,source:a\n"
    assert str(_load(text).claims[0].id) == derived_id(cells)


def test_empty_text_values_are_refused() -> None:
    """An empty text value cannot be a CSV cell (empty means absent), so dumping it fails."""
    claim = Claim(
        id=EntityRef("claim", "a"),
        subject=EntityRef("film", "f"),
        property="title",
        value=Text(""),
        source=EntityRef("source", "a"),
    )
    with pytest.raises(ValueError, match="empty text value, which CSV cannot hold"):
        filmlore.dumps([claim], format="csv")


def test_a_lone_carriage_return_is_written_quoted() -> None:
    """A cell holding a lone \\r is quoted (a reader would end the line there): it reads
    back as written."""
    claim = Claim(
        id=EntityRef("claim", "a"),
        subject=EntityRef("film", "f"),
        property="title",
        value=Text("Heat"),
        source=EntityRef("source", "a"),
        note="one\rtwo",
    )
    text = filmlore.dumps([claim], format="csv")
    assert text == (
        'id,subject,property,value,source,note\n"claim:a","film:f","title","Heat","source:a",'
        '"one\rtwo"\n'
    )
    assert _load(text).claims == (claim,)


def test_a_dossier_with_a_hierarchy_is_not_a_claims_table() -> None:
    """The CSV dumper refuses hierarchy links as it refuses every other non-claim record."""
    link = filmlore.HierarchyLink(child="Milan", parent="Lombardy")
    with pytest.raises(ValueError, match="CSV holds only claims") as caught:
        filmlore.dumps(Dossier(hierarchy=[link]), format="csv")
    assert str(caught.value) == (
        "CSV holds only claims, and this dossier also has 1 hierarchy link: dump it as JSON, "
        "JSON Lines, YAML, TOML or a folder, or dump dossier.claims alone"
    )


# --- a sources table beside a claims table ------------------------------------------------------

CLAIMS = (
    "subject,property,value,source\n"
    "film:heat-1995,release_date,1995,source:blog\n"
    "film:heat-1995,release_date,1996,source:tmdb-heat\n"
)
SOURCES = (
    "id,kind,name,weight,prior\n"
    "tmdb-heat,database,Heat in The Movies Dataset,2,0.9\n"
    "source:blog,blog,,0.5,\n"
    "\n"
    'press-kit,press,"Heat, the press kit",,1\n'
)


def _files(tmp_path: Path, claims: str, sources: str) -> tuple[Path, Path]:
    (tmp_path / "claims.csv").write_text(claims, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(sources, encoding="utf-8")
    return tmp_path / "claims.csv", tmp_path / "sources.csv"


def test_a_sources_table_declares_the_sources(tmp_path: Path) -> None:
    """Each row is a Source: its id (source: optional), kind, name as title, weight, and
    prior as reliability; the dossier says it came from a claims and a sources table."""
    claims, sources = _files(tmp_path, CLAIMS, SOURCES)
    dossier = filmlore.load(claims, sources=sources)
    assert dossier.sources == (
        Source(
            id=EntityRef("source", "tmdb-heat"),
            kind=SourceKind.DATABASE,
            title="Heat in The Movies Dataset",
            weight=2.0,
            reliability=0.9,
        ),
        Source(id=EntityRef("source", "blog"), kind=SourceKind.BLOG, weight=0.5),
        Source(
            id=EntityRef("source", "press-kit"),
            kind=SourceKind.PRESS,
            title="Heat, the press kit",
            reliability=1.0,
        ),
    )
    assert len(dossier.claims) == 2
    assert dossier.origin is DossierOrigin.CLAIMS_AND_SOURCES_TABLES
    assert filmlore.load(claims).origin is DossierOrigin.CLAIMS_TABLE
    with open(sources, "rb") as binary:
        assert filmlore.load(claims, sources=binary).sources == dossier.sources
        assert not binary.closed
    assert _load(CLAIMS, sources=io.StringIO(SOURCES)).sources == dossier.sources
    assert _load(CLAIMS, sources=SOURCES.encode("utf-8-sig")).sources == dossier.sources


def test_every_kind_is_a_source_kind() -> None:
    """The kind column takes every SourceKind value, encyclopedia and user_review too."""
    rows = "".join(f"s{i},{kind.value}\n" for i, kind in enumerate(SourceKind))
    sources = _load(CLAIMS, sources="id,kind\n" + rows).sources
    assert [s.kind for s in sources] == list(SourceKind)


def test_sources_table_problems_come_with_the_claims_all_at_once(tmp_path: Path) -> None:
    """Every bad cell of both tables is a problem at its file, line and column, and nothing
    is loaded."""
    claims, sources = _files(
        tmp_path,
        CLAIMS + "film:heat-1995,duration,forever,source:blog\n",
        "id,kind,name,weight,prior\n"
        "film:heat,newspaper,  ,-1,1.5\n"
        ",,,abc,nan\n"
        "ok,blog,,1e400,\n"
        "short,blog\n",
    )
    with pytest.raises(LoadError) as caught:
        filmlore.load(claims, sources=sources)
    kinds = (
        "'film', 'interview', 'database', 'encyclopedia', 'press', 'book', 'article', "
        "'review', 'blog', 'user_review', 'video', 'other'"
    )
    assert [str(p) for p in caught.value.problems] == [
        "expected a source's id such as 'tmdb-heat' or 'source:tmdb-heat', got 'film:heat' "
        f"(a string) @ $.id ({sources}:2)",
        f"expected one of {kinds}, got 'newspaper' (a string) @ $.kind ({sources}:2)",
        f"expected a non-empty str, got '  ' (a string) @ $.name ({sources}:2)",
        f"expected a number >= 0, got '-1' (a string) @ $.weight ({sources}:2)",
        f"expected a number in [0, 1], got '1.5' (a string) @ $.prior ({sources}:2)",
        f"missing value in column 'id' @ $.id ({sources}:3)",
        f"missing value in column 'kind' @ $.kind ({sources}:3)",
        f"expected a number >= 0, got 'abc' (a string) @ $.weight ({sources}:3)",
        f"expected a number in [0, 1], got 'nan' (a string) @ $.prior ({sources}:3)",
        f"expected a number >= 0, got '1e400' (a string) @ $.weight ({sources}:4)",
        f"expected 5 cells as in the header, got 2 @ $ ({sources}:5)",
        "cannot read 'forever' as a duration: expected a duration such as '170 min', "
        f"'nearly 3 hours', '2:50' or 'PT2H50M' @ $.value ({claims}:4)",
    ]
    assert caught.value.source == str(claims)


def test_sources_table_headers_are_checked() -> None:
    """id and kind are required columns; any column but id, kind, name, weight and prior is
    refused; a sources table without a name is located as <sources>."""
    with pytest.raises(LoadError) as caught:
        filmlore.loads(CLAIMS, format="csv", sources="id,title,url\n")
    assert [str(p) for p in caught.value.problems] == [
        "unknown column(s) 'title', 'url'; missing column(s) 'kind' (a sources table takes "
        "id, kind, name, weight, prior) @ $ (<sources>:1)"
    ]


def test_lenient_sources_rows() -> None:
    """lenient=True keeps the good sources and sets the bad rows aside with their cells."""
    result = filmlore.loads(
        CLAIMS, format="csv", sources="id,kind\nblog,blog\ntmdb-heat,db\n", lenient=True
    )
    assert [str(s.id) for s in result.dossier.sources] == ["source:blog"]
    (rejected,) = result.rejected
    assert rejected.record == {"id": "tmdb-heat", "kind": "db"}
    assert str(rejected.location) == "$ (<sources>:3)"
    assert [p.location.path for p in rejected.problems] == ["$.kind"]


def test_iter_load_yields_the_sources_first(tmp_path: Path) -> None:
    """Streaming a claims CSV with a sources table yields the sources, then the claims."""
    claims, sources = _files(tmp_path, CLAIMS, SOURCES)
    records = list(filmlore.iter_load(claims, sources=sources))
    assert [type(r).__name__ for r in records] == ["Source"] * 3 + ["Claim"] * 2


def test_a_sources_table_goes_with_a_claims_csv_only(tmp_path: Path) -> None:
    """Any other format declares its sources itself: sources= is refused."""
    (tmp_path / "d.json").write_text("{}", encoding="utf-8")
    message = "sources= is a sources table beside a claims CSV; a json dossier declares its"
    with pytest.raises(ValueError, match=message):
        filmlore.load(tmp_path / "d.json", sources=io.StringIO(SOURCES))
    with pytest.raises(ValueError, match=message):
        filmlore.loads("{}", format="json", sources=SOURCES)
    with pytest.raises(ValueError, match=message):
        list(filmlore.iter_load(tmp_path / "d.json", sources=io.StringIO(SOURCES)))
    with pytest.raises(ValueError, match="a folder dossier declares its sources itself"):
        filmlore.dump(Dossier(), tmp_path / "folder", sources=tmp_path / "sources.csv")
    assert not (tmp_path / "folder").exists()


def test_a_sources_table_gives_the_policies_their_kinds_and_weights() -> None:
    """Two blogs against one database: the authority order and the weights now apply."""
    claims = CLAIMS + "film:heat-1995,release_date,1995,source:fan-site\n"
    table = "id,kind,weight\nblog,blog,1\nfan-site,blog,1\ntmdb-heat,database,5\n"
    dossier = _load(claims, sources=table)
    for policy in (filmlore.Authority(), filmlore.WeightedVote()):
        result = filmlore.reconcile(dossier, policy=policy, context=dossier)
        assert result.fact("film:heat-1995", "release_date").printed == "1996", policy
    bare = _load(claims)
    result = filmlore.reconcile(bare, policy=filmlore.WeightedVote(), context=bare)
    assert result.fact("film:heat-1995", "release_date").printed == "1995"


def test_dump_writes_a_sources_table_beside_the_claims(tmp_path: Path) -> None:
    """dump(..., sources=) writes the claims and the sources table, and loading them back
    gives the dossier; a source the table cannot hold, or dumps() with sources, is
    refused with what to do."""
    claims, sources = _files(tmp_path, CLAIMS, SOURCES)
    dossier = filmlore.load(claims, sources=sources)
    filmlore.dump(dossier, tmp_path / "out.csv", sources=tmp_path / "out-sources.csv")
    assert (tmp_path / "out-sources.csv").read_text(encoding="utf-8") == (
        "id,kind,name,weight,prior\n"
        "source:tmdb-heat,database,Heat in The Movies Dataset,2.0,0.9\n"
        "source:blog,blog,,0.5,\n"
        'source:press-kit,press,"Heat, the press kit",,1.0\n'
    )
    again = filmlore.load(tmp_path / "out.csv", sources=tmp_path / "out-sources.csv")
    assert again == dossier
    with pytest.raises(ValueError, match=r"dump it as JSON.*sources=sources_path"):
        filmlore.dumps(dossier, format="csv")
    with_url = attrs.evolve(dossier.sources[0], url="https://example.org")
    with pytest.raises(ValueError, match="a sources table cannot hold") as caught:
        filmlore.dump(
            attrs.evolve(dossier, sources=[with_url]),
            tmp_path / "new.csv",
            sources=tmp_path / "new-sources.csv",
        )
    assert str(caught.value) == (
        "source:tmdb-heat has url, which a sources table cannot hold (its columns are id, "
        "kind, name, weight, prior): dump it as JSON, JSON Lines, YAML, TOML or a folder"
    )
    assert not (tmp_path / "new.csv").exists()
    assert not (tmp_path / "new-sources.csv").exists()


NAMES = (
    "subject,property,value,source,kind\n"
    "work:a-book,writers,Jeffrey Ullman et al.,source:shop-a,name\n"
    'work:a-book,writers,"Widom, Jennifer; Ullman, Jeffrey",source:shop-b,name\n'
)


def test_a_kind_column_declares_a_property_no_registry_knows() -> None:
    """Rows of an unknown property that all give one kind declare it with that kind: a
    name stays a name (not plain text) through load, reconcile and dump."""
    dossier = _load(NAMES)
    assert [(p.name, p.kind) for p in dossier.properties] == [("writers", "name")]
    fact = filmlore.reconcile(dossier).fact("work:a-book", "writers")
    assert fact is not None
    assert "Widom" in fact.printed  # the partial list backs the full one, as names do
    assert {s.relation for s in fact.supporters} == {"gives", "coarser"}
    text = filmlore.dumps(dossier, format="csv")
    assert [row["kind"] for row in csv.DictReader(io.StringIO(text))] == ["name", "name"]
    assert _load(text) == dossier


def test_rows_of_several_kinds_declare_nothing_and_streaming_yields_the_declaration() -> None:
    """An unknown property whose rows give different kinds stays undeclared (each value
    keeps its own kind); streaming yields a declared property after the claims."""
    mixed = NAMES + "work:a-book,writers,Ullman,source:shop-c,text\n"
    assert _load(mixed).properties == ()
    records = list(filmlore.iter_load(io.StringIO(NAMES), format="csv"))
    assert [type(r).__name__ for r in records] == ["Claim", "Claim", "Property"]
