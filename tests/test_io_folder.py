"""The dossier folder: dossier.yaml, one folder per list, and the sources' texts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import filmlore
from filmlore import Dossier, EntityRef, LoadError
from tests.conftest import shared_file

DOSSIER_YAML = """\
title: Heat
films:
  - id: film:heat-1995
    title: Heat
sources:
  - id: source:article-a
    kind: article
claims:
  - id: claim:a
    subject: film:heat-1995
    property: duration
    value: nearly 3 hours
    source: source:article-a
    excerpt: a nearly 3 hours crime epic
"""
MORE_CLAIMS = """\
# claims of source:article-a, paragraph 2
- id: claim:b
  subject: film:heat-1995
  property: mood
  value: tense
  source: source:article-a
"""


def _folder(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def _problems(root: Path) -> list[str]:
    with pytest.raises(LoadError) as caught:
        filmlore.load(root)
    return [str(p) for p in caught.value.problems]


def test_folder_layout(tmp_path: Path) -> None:
    """dossier.yaml, list folders in name order, properties first and texts byte for byte."""
    root = _folder(
        tmp_path / "heat",
        {
            "dossier.yaml": DOSSIER_YAML,
            "claims/b.yaml": MORE_CLAIMS,
            "claims/a.json": '[{"id": "claim:c", "subject": "film:heat-1995", '
            '"property": "title", "value": "Heat", "source": "source:article-a"}]',
            "properties/mood.yaml": "- name: mood\n  kind: category\n",
            "sources/article-a.txt": b"Heat is a nearly 3 hours\r\ncrime epic.\n",
        },
    )
    dossier = filmlore.load(root)
    assert dossier.title == "Heat"
    assert [str(c.id) for c in dossier.claims] == ["claim:a", "claim:c", "claim:b"]
    assert dossier.sources[0].text == "Heat is a nearly 3 hours\r\ncrime epic.\n"
    assert dossier.properties[0].name == "mood"
    assert filmlore.validate(dossier) == []


def test_folder_problems_name_the_file_and_line(tmp_path: Path) -> None:
    """A problem in a list file names that file, the path in it and the line."""
    root = _folder(tmp_path / "heat", {"dossier.yaml": DOSSIER_YAML, "claims/b.yaml": MORE_CLAIMS})
    (problem,) = _problems(root)
    assert problem.startswith("unknown property 'mood'")
    assert problem.endswith(f"@ $[0].property ({root / 'claims' / 'b.yaml'}:4)")


def test_text_twice_is_a_problem(tmp_path: Path) -> None:
    """A source with a text of its own and a text file is an error: keep one."""
    yaml = DOSSIER_YAML.replace("    kind: article\n", "    kind: article\n    text: Heat\n")
    root = _folder(tmp_path / "heat", {"dossier.yaml": yaml, "sources/article-a.txt": "Heat"})
    (problem,) = _problems(root)
    assert problem.startswith("source:article-a has a text in its record and in article-a.txt")


def test_stray_files_are_problems(tmp_path: Path) -> None:
    """Orphan texts and unknown files or folders are problems; hidden files are not."""
    root = _folder(
        tmp_path / "heat",
        {
            "dossier.yaml": DOSSIER_YAML,
            "sources/article-z.txt": "z",
            "claim/a.yaml": "[]",
            "notes.txt": "x",
            "README.md": "about this dossier",
            ".hidden": "",
        },
    )
    problems = _problems(root)
    assert len(problems) == 3
    assert any("unexpected folder 'claim'" in p for p in problems)
    assert any("unexpected file 'notes.txt'" in p for p in problems)
    assert any(
        "article-z.txt is the text of source:article-z, but there is no such source" in p
        for p in problems
    )


def test_dump_writes_texts_apart(tmp_path: Path) -> None:
    """dump writes dossier.yaml and each kept text as sources/KEY.txt."""
    source = filmlore.Source(
        id=EntityRef("source", "a"), kind=filmlore.SourceKind.BLOG, text="line\r\nline\n"
    )
    root = tmp_path / "out"
    filmlore.dump(Dossier(sources=[source]), root)
    assert (root / "sources" / "a.txt").read_bytes() == b"line\r\nline\n"
    assert "text" not in (root / "dossier.yaml").read_text()
    assert filmlore.load(root) == Dossier(sources=[source])


def test_dump_refuses_a_folder_in_use(tmp_path: Path) -> None:
    """Writing into a folder that holds files is refused: they would be read back too."""
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "dossier.yaml").write_text("title: old\n")
    with pytest.raises(FileExistsError, match="is not empty"):
        filmlore.dump(Dossier(), tmp_path / "x")


# --- the hierarchy: hierarchy.csv -----------------------------------------------------------------


def test_hierarchy_csv_is_read_after_dossier_yaml(tmp_path: Path) -> None:
    """hierarchy.csv's links (columns in any order, BOM and empty rows allowed) follow the
    ones dossier.yaml lists, in file order."""
    yaml = DOSSIER_YAML + "hierarchy:\n  - {child: Milan, parent: Lombardy}\n"
    root = _folder(
        tmp_path / "heat",
        {
            "dossier.yaml": yaml,
            "hierarchy.csv": '\ufeffparent,child\nItaly,Lombardy\n\n"Lombardy, Italy",Milan\n',
        },
    )
    dossier = filmlore.load(root)
    assert [(link.child, link.parent) for link in dossier.hierarchy] == [
        ("Milan", "Lombardy"),
        ("Lombardy", "Italy"),
        ("Milan", "Lombardy, Italy"),
    ]


def test_hierarchy_csv_problems_name_the_file_line_and_column(tmp_path: Path) -> None:
    """Every bad row of hierarchy.csv is a problem at its line and column, all at once."""
    root = _folder(
        tmp_path / "heat",
        {
            "dossier.yaml": DOSSIER_YAML,
            "hierarchy.csv": 'child,parent\nMilan,Milan\n,Italy\n"Turin\nTorino",  \nRome\n',
        },
    )
    file = root / "hierarchy.csv"
    assert _problems(root) == [
        f"expected a value other than the child, got 'Milan' (a string) @ $.parent ({file}:2)",
        f"missing value in column 'child' @ $.child ({file}:3)",
        f"expected a non-empty str, got '  ' (a string) @ $.parent ({file}:4)",
        f"expected 2 cells as in the header, got 1 @ $ ({file}:6)",
    ]


def test_hierarchy_csv_header_is_checked(tmp_path: Path) -> None:
    """A header other than child and parent is refused, with the columns it takes."""
    root = _folder(
        tmp_path / "heat", {"dossier.yaml": DOSSIER_YAML, "hierarchy.csv": "child,parent,note\n"}
    )
    assert _problems(root) == [
        "unknown column(s) 'note' (a hierarchy table takes child, parent) "
        f"@ $ ({root / 'hierarchy.csv'}:1)"
    ]


def test_the_hierarchy_is_not_a_list_folder(tmp_path: Path) -> None:
    """A hierarchy/ folder is not read: it is a problem naming where links go."""
    root = _folder(
        tmp_path / "heat",
        {"dossier.yaml": DOSSIER_YAML, "hierarchy/a.yaml": "- {child: Milan, parent: Italy}\n"},
    )
    (problem,) = _problems(root)
    assert problem.startswith(
        "unexpected folder 'hierarchy' in the dossier folder: it holds dossier.yaml, "
        "hierarchy.csv and folders named after the lists (properties, films, people,"
    )


def test_dump_writes_the_hierarchy_to_hierarchy_csv(tmp_path: Path) -> None:
    """dump writes the links to hierarchy.csv (child,parent; quoted where needed), not to
    dossier.yaml, and reads them back."""
    links = [
        filmlore.HierarchyLink(child="Milan", parent="Lombardy"),
        filmlore.HierarchyLink(child='The "Bel Paese"', parent="Europe, South"),
    ]
    dossier = Dossier(title="Places", hierarchy=links)
    filmlore.dump(dossier, tmp_path / "out")
    assert (tmp_path / "out" / "hierarchy.csv").read_text(encoding="utf-8") == (
        'child,parent\nMilan,Lombardy\n"The ""Bel Paese""","Europe, South"\n'
    )
    assert (tmp_path / "out" / "dossier.yaml").read_text(encoding="utf-8") == "title: Places\n"
    assert filmlore.load(tmp_path / "out") == dossier
    filmlore.dump(Dossier(title="No places"), tmp_path / "none")
    assert not (tmp_path / "none" / "hierarchy.csv").exists()


def test_a_real_place_tree_loads_and_its_repeated_names_are_found(tmp_path: Path) -> None:
    """The heritage benchmark's place tree (ID,name,parentID), written as hierarchy.csv by
    name, loads; by name, its places that share a name make one link twice and one cycle
    (a Denmark within the Region of Southern Denmark), and validation finds both."""
    tree = shared_file("data", "truth", "heritages", "hierarchy.csv")
    with open(tree, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    names = {row["ID"]: row["name"] for row in rows}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["child", "parent"])
    pairs = []
    for row in rows:
        parent = names.get(row["parentID"])
        if parent is not None and parent != row["name"]:
            writer.writerow([row["name"], parent])
            pairs.append((row["name"], parent))
    root = _folder(tmp_path / "heritages", {"hierarchy.csv": out.getvalue()})
    dossier = filmlore.load(root)
    assert [(link.child, link.parent) for link in dossier.hierarchy] == pairs
    assert len(pairs) > 1000
    assert [str(i) for i in filmlore.validate(dossier)] == [
        "error hierarchy-cycle: the hierarchy goes round in a cycle, 'Denmark' → 'Region of "
        "Southern Denmark' → 'Denmark' (child → parent): a value cannot lie within itself "
        "@ $.hierarchy[74]",
        "warning duplicate-link: the link 'Maharashtra State' → 'Aurangabad District' is "
        "listed at $.hierarchy[885] already @ $.hierarchy[889]",
    ]
