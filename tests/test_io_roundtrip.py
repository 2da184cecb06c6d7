"""Dump then load gives back what was dumped, for every model and every format."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import filmlore
from filmlore import Dossier
from filmlore.testing import (
    characters,
    claims,
    credits,
    dossiers,
    films,
    hierarchy_links,
    people,
    quotes,
    scenes,
    sources,
)

TEXT_FORMATS = ("json", "jsonl", "yaml", "toml")
# Fewer examples than Hypothesis' default in everyday runs (each dumps and loads whole
# dossiers); the "thorough" profile (HYPOTHESIS_PROFILE=thorough) runs its own, many more.
_EXAMPLES = 40 if settings.default.max_examples <= 100 else settings.default.max_examples
_settings = settings(
    max_examples=_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _roundtrip(dossier: Dossier, fmt: str) -> Dossier:
    loaded = filmlore.loads(filmlore.dumps(dossier, format=fmt), format=fmt)
    assert isinstance(loaded, Dossier)
    return loaded


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@_settings
@given(dossier=dossiers(max_films=3, max_claims=8))
def test_dossier_roundtrips(fmt: str, dossier: Dossier) -> None:
    """A generated dossier survives dump and load in each text format."""
    assert _roundtrip(dossier, fmt) == dossier


_PROPERTIES = st.sampled_from(["ref", "date", "duration", "integer", "boolean", "title"]).flatmap(
    lambda kind: st.builds(
        filmlore.Property,
        name=st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True),
        kind=st.just(kind),
        cardinality=st.sampled_from(list(filmlore.Cardinality)),
        subjects=st.lists(
            st.sampled_from(["film", "person", "scene", "work"]),
            min_size=1,
            max_size=3,
            unique=True,
        ).map(tuple),
        wikidata=st.none() | st.integers(1, 10**6).map(lambda n: filmlore.WikidataId(f"P{n}")),
        ref_kind=st.sampled_from([None, "person", "film"]) if kind == "ref" else st.none(),
        tolerance=st.none() | st.floats(0, 0.99),
        aliases=st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), max_size=2).map(tuple),
        description=st.text(max_size=20),
    )
)

_ONE_OF_EACH = st.fixed_dictionaries(
    {
        "properties": st.lists(_PROPERTIES, max_size=2),
        "hierarchy": st.lists(hierarchy_links(), max_size=3),
        "films": st.lists(films(), max_size=2),
        "people": st.lists(people(), max_size=2),
        "characters": st.lists(characters(), max_size=2),
        "credits": st.lists(credits(), max_size=2),
        "scenes": st.lists(scenes(), max_size=2),
        "quotes": st.lists(quotes(), max_size=2),
        "sources": st.lists(sources(), max_size=2),
        "claims": st.lists(claims(), max_size=2),
    }
).map(lambda lists: Dossier(**lists))


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@_settings
@given(dossier=_ONE_OF_EACH)
def test_every_model_roundtrips(fmt: str, dossier: Dossier) -> None:
    """Every model, with every optional field, survives dump and load in each format."""
    assert _roundtrip(dossier, fmt) == dossier


@_settings
@given(claim_list=st.lists(claims(), max_size=5, unique_by=lambda c: c.id))
def test_claims_roundtrip_through_csv(claim_list: list[filmlore.Claim]) -> None:
    """A claims table survives dump and load as CSV (any value kind, qualifiers, excerpts)."""
    dossier = Dossier(claims=claim_list)
    assert _roundtrip(dossier, "csv") == dossier


#: Sources with only what a sources table holds: id, kind, name, weight and prior.
_TABLE_SOURCES = sources().map(
    lambda s: filmlore.Source(
        id=s.id, kind=s.kind, title=s.title, weight=s.weight, reliability=s.reliability
    )
)


@_settings
@given(
    claim_list=st.lists(claims(), max_size=4, unique_by=lambda c: c.id),
    source_list=st.lists(_TABLE_SOURCES, max_size=4),
)
def test_claims_and_their_sources_roundtrip_through_two_tables(
    tmp_path_factory: pytest.TempPathFactory,
    claim_list: list[filmlore.Claim],
    source_list: list[filmlore.Source],
) -> None:
    """Claims and the sources a sources table can hold survive dump(..., sources=) and
    load(..., sources=): any kind, name, weight and prior."""
    folder = tmp_path_factory.mktemp("tables")
    dossier = Dossier(claims=claim_list, sources=source_list)
    filmlore.dump(dossier, folder / "claims.csv", sources=folder / "sources.csv")
    loaded = filmlore.load(folder / "claims.csv", sources=folder / "sources.csv")
    assert loaded == dossier
    assert loaded.origin is filmlore.DossierOrigin.CLAIMS_AND_SOURCES_TABLES


@settings(max_examples=_EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dossier=_ONE_OF_EACH, title=st.none() | st.text(max_size=10))
def test_folder_roundtrips(
    tmp_path_factory: pytest.TempPathFactory, dossier: Dossier, title: str | None
) -> None:
    """A dossier survives a dossier folder, sources' texts and hierarchy.csv included; one
    whose sources share an id while one has a text is refused, since a folder keeps one
    text per id."""
    dossier = attrs.evolve(dossier, title=title)
    folder: Path = tmp_path_factory.mktemp("dossier") / "heat"
    ids = [s.id for s in dossier.sources]
    texted = {s.id for s in dossier.sources if s.text is not None}
    if any(ids.count(ref) > 1 for ref in texted):
        with pytest.raises(ValueError, match="more than one source"):
            filmlore.dump(dossier, folder)
        assert not folder.exists()
        return
    filmlore.dump(dossier, folder)
    assert filmlore.load(folder) == dossier


def test_folder_refuses_two_sources_sharing_an_id_and_a_text(tmp_path: Path) -> None:
    """Two sources with one id, one with a text, cannot be written as a folder: refused."""
    ref = filmlore.EntityRef("source", "a")
    dossier = Dossier(
        sources=[
            filmlore.Source(id=ref, kind=filmlore.SourceKind.BLOG),
            filmlore.Source(id=ref, kind=filmlore.SourceKind.BLOG, text=""),
        ]
    )
    with pytest.raises(ValueError, match=r"source:a is the id of more than one source"):
        filmlore.dump(dossier, tmp_path / "d")


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_declared_properties_roundtrip(fmt: str) -> None:
    """A dossier's own properties are written and read back, before the claims using them."""
    prop = filmlore.Property(
        name="rehearsal_count",
        kind="integer",
        subjects=("scene",),
        aliases=("rehearsals",),
        description="how often it was rehearsed",
    )
    claim = filmlore.Claim(
        id=filmlore.EntityRef("claim", "r"),
        subject=filmlore.EntityRef("scene", "coffee-shop"),
        property="rehearsals",
        value=3,
        source=filmlore.EntityRef("source", "a"),
    )
    dossier = Dossier(title="t", properties=[prop], claims=[claim])
    text = filmlore.dumps(dossier, format=fmt)
    assert "kind" not in text.split("claim")[-1]  # written plainly, as an integer
    assert _roundtrip(dossier, fmt) == dossier


@pytest.mark.parametrize(
    ("fmt", "written"),
    [
        ("yaml", "hierarchy:\n- child: Milan\n  parent: Lombardy\n"),
        (
            "json",
            '{\n  "hierarchy": [\n    {\n      "child": "Milan",\n'
            '      "parent": "Lombardy"\n    }\n  ]\n}\n',
        ),
        ("toml", '[[hierarchy]]\nchild = "Milan"\nparent = "Lombardy"\n'),
        ("jsonl", '{"hierarchy_link":{"child":"Milan","parent":"Lombardy"}}\n'),
    ],
)
def test_the_hierarchy_is_written_like_the_properties(fmt: str, written: str) -> None:
    """A hierarchy is a list of {child, parent} mappings; in JSON Lines, one line tagged
    hierarchy_link per link, like one tagged property per line."""
    dossier = Dossier(hierarchy=[filmlore.HierarchyLink(child="Milan", parent="Lombardy")])
    assert filmlore.dumps(dossier, format=fmt) == written
    assert _roundtrip(dossier, fmt) == dossier


def test_hierarchy_problems_have_their_path_and_line() -> None:
    """A bad link in any format is a problem at its path and line, all at once; JSON Lines
    takes a list of links under the plural tag too."""
    text = "hierarchy:\n- {child: Milan, parent: Milan}\n- {child: 12, parent: Italy, rank: 1}\n"
    with pytest.raises(filmlore.LoadError) as caught:
        filmlore.loads(text, format="yaml")
    assert [str(p) for p in caught.value.problems] == [
        "expected a value other than the child, got 'Milan' (a string) @ $.hierarchy[0].parent "
        "(line 2)",
        "expected a string, got 12 (an integer) @ $.hierarchy[1].child (line 3)",
        "unknown key 'rank': a HierarchyLink takes child, parent @ $.hierarchy[1].rank (line 3)",
    ]
    lines = '{"hierarchy": [{"child": "Milan", "parent": "Lombardy"}]}\n'
    loaded = filmlore.loads(lines, format="jsonl")
    assert loaded.hierarchy == (filmlore.HierarchyLink(child="Milan", parent="Lombardy"),)
    assert list(filmlore.iter_load(io.StringIO(lines), format="jsonl")) == list(loaded.hierarchy)
