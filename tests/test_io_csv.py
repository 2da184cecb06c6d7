"""CSV: a table of claims, with cells read by their property's kind."""

from __future__ import annotations

import csv
import hashlib
import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import filmlore
from filmlore import Claim, Dossier, Duration, EntityRef, LoadError, Text
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
