"""Every example in the docs' pages runs when pasted: each page's doctest blocks, in order,
in a fresh interpreter namespace (no setup the docs build adds), from an empty folder."""

from __future__ import annotations

import doctest
import os
import re
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
    text = "\n".join(_BLOCK.findall(page.read_text(encoding="utf-8")))
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {"__name__": "__pasted__"}, page.name, str(page), 0)
    assert test.examples, page
    flags = doctest.ELLIPSIS | doctest.IGNORE_EXCEPTION_DETAIL
    runner = doctest.DocTestRunner(optionflags=flags)
    failures: list[str] = []
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        outcome = runner.run(test, out=failures.append)
    finally:
        os.chdir(here)
    assert outcome.failed == 0, "".join(failures)
