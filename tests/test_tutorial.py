"""The command-line tutorial (docs/tutorial/first-dossier.md) runs as written: in an empty
folder, each file it tells the reader to save is saved, each file it shows as made by a
command is checked against what the command made, and each `$ filmlore …` line runs and
prints the lines the page shows under it."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "tutorial" / "first-dossier.md"

_BLOCK = re.compile(
    r"```(?:\{code-block\} \w+\n:caption: (?P<caption>[^\n]+)\n\n(?P<file>.*?)"
    r"|console\n(?P<console>.*?))```",
    re.S,
)


def _steps(text: str) -> list[tuple[str, str, str]]:
    """The page's steps in order: ("save", path, text), ("check", path, text) for a file a
    command made, ("run", command, the output shown under it)."""
    steps: list[tuple[str, str, str]] = []
    for block in _BLOCK.finditer(text):
        if block["caption"] is not None:
            caption = block["caption"]
            if caption.endswith("(made by filmlore)"):
                steps.append(("check", caption.split(" ", 1)[0], block["file"]))
            else:
                steps.append(("save", caption, block["file"]))
            continue
        command: str | None = None
        shown: list[str] = []
        for line in block["console"].splitlines():
            if line.startswith("$ "):
                if command is not None:
                    steps.append(("run", command, "\n".join(shown)))
                command, shown = line[2:], []
            else:
                shown.append(line)
        if command is not None:
            steps.append(("run", command, "\n".join(shown)))
    return steps


def test_the_tutorial_runs_as_written(tmp_path: Path) -> None:
    steps = _steps(PAGE.read_text(encoding="utf-8"))
    kinds = [kind for kind, _, _ in steps]
    assert kinds.count("run") >= 8
    assert "save" in kinds
    assert "check" in kinds
    environ = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    environ["COLUMNS"] = "100"
    ran: list[str] = []
    for kind, what, text in steps:
        if kind == "save":
            path = tmp_path / what
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            continue
        if kind == "check":
            assert (tmp_path / what).read_text(encoding="utf-8") == text, what
            continue
        words = shlex.split(what)
        if words[0] != "filmlore":
            continue  # pip install: the environment has it
        done = subprocess.run(
            [sys.executable, "-m", "filmlore", *words[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
            env=environ,
            check=False,
        )
        assert done.returncode == 0, (what, done.stderr)
        said = done.stdout + done.stderr
        for line in text.splitlines():
            if line.strip() and line.strip() != "…":
                assert line.rstrip() in said, (what, line, said)
        ran.append(words[1])
    # the tutorial is the whole day: from a new folder to the published fact sheet
    for command in ("new", "add-source", "excerpt", "validate", "reconcile"):
        assert command in ran, command
    assert (tmp_path / "takedown.html").stat().st_size > 10_000
    facts = (tmp_path / "takedown.md").read_text(encoding="utf-8")
    assert "L.A. Takedown" in facts
