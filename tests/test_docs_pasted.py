"""Every example in the docs' pages runs when pasted: each page's doctest blocks, in order,
in a fresh interpreter (no setup the docs build adds, nothing left by other tests), from an
empty folder."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = sorted(
    p for p in DOCS.rglob("*.md") if "_build" not in p.parts and "{doctest}" in p.read_text("utf-8")
)
_BLOCK = re.compile(r"```\{doctest\}\n(.*?)```", re.S)


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_the_page_runs_when_pasted(page: Path, tmp_path: Path) -> None:
    blocks = _BLOCK.findall(page.read_text(encoding="utf-8"))
    assert any(">>> " in block for block in blocks), page
    session = tmp_path / "session.txt"
    session.write_text("\n".join(blocks), encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "doctest",
            "-o",
            "ELLIPSIS",
            "-o",
            "IGNORE_EXCEPTION_DETAIL",
            str(session),
        ],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
