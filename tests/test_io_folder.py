"""The dossier folder: dossier.yaml, one folder per list, and the sources' texts."""

from __future__ import annotations

from pathlib import Path

import pytest

import filmlore
from filmlore import Dossier, EntityRef, LoadError

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
