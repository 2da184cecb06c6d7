"""Every ``pip install`` line of the README gives what it says: for each extra set the
README names, a fresh virtual environment gets the built wheel with that set, and a small
use of what the set promises runs in it. Where the set brings the command line (``cli``,
``all``), every command of the installed ``filmlore`` script runs; where it does not, the
script says which install line brings it. The README's sets must be pyproject.toml's.

Run by ``make dist-check`` (part of ``make test``) after the wheel is built:

    python tests/extras/check_extras.py dist/filmlore-*.whl build/extras

An extra the README names without a check here fails the run, so a new install line
cannot go untested.
"""

from __future__ import annotations

import re
import subprocess
import sys
import venv
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAT = ROOT / "src" / "filmlore" / "examples" / "heat"

#: Every command of the ``filmlore`` script, run where the ``cli`` extra is installed; the
#: run fails unless every command the parser has was run and exited 0.
CLI_EVERY_COMMAND = """
import pathlib, subprocess, sys, tempfile
from filmlore.cli import build_parser
script = str(pathlib.Path(sys.executable).parent / "filmlore")
work = pathlib.Path(tempfile.mkdtemp())
(work / "page.html").write_text(
    "<html><title>Takedown</title><body><p>L.A. Takedown runs 97 minutes.</p></body></html>",
    encoding="utf-8")
(work / "movies.csv").write_text("movieId,title,genres\\n6,Heat (1995),Crime\\n", encoding="utf-8")
runs = [
    ["example", "heat", "heat"],
    ["validate", "heat"],
    ["reconcile", "heat"],
    ["reconcile", "heat", "-o", "heat.html"],
    ["reconcile", "heat", "--format", "json"],
    ["quotes", "heat"],
    ["convert", "heat", "heat.json"],
    ["new", "takedown", "--film", "L.A. Takedown", "--year", "1989"],
    ["add-source", "takedown", "page.html", "--kind", "review", "--key", "page"],
    ["excerpt", "takedown/sources/page.txt", "runs 97 minutes"],
    ["validate", "takedown"],
    ["reconcile", "takedown"],
    ["import", "movielens", "movies.csv", "-o", "ml.json"],
]
for args in runs:
    done = subprocess.run([script, *args], capture_output=True, text=True, cwd=work)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
(commands,) = [a for a in build_parser()._actions if hasattr(a, "choices") and a.choices
               and isinstance(a.choices, dict)]
missing = set(commands.choices) - {args[0] for args in runs}
assert not missing, f"commands not run: {sorted(missing)}"
assert (work / "heat.html").stat().st_size > 10_000
"""

#: Without the ``cli`` extra, the ``filmlore`` script says which install line brings it.
CLI_NEEDS_EXTRA = """
import pathlib, subprocess, sys
script = str(pathlib.Path(sys.executable).parent / "filmlore")
done = subprocess.run([script, "validate", "."], capture_output=True, text=True)
assert done.returncode == 2, done
assert "pip install 'filmlore[cli]'" in done.stderr, done.stderr
"""

#: What each extra set promises, as a program run in an environment with only that set.
CHECKS: dict[str, str] = {
    "": (
        f"import filmlore\nd = filmlore.load({str(HEAT)!r})\nassert filmlore.reconcile(d).facts\n"
        "assert filmlore.load(filmlore.example_path('heat')) == d\n" + CLI_NEEDS_EXTRA
    ),
    "fast": (
        "import orjson, filmlore\n"
        f"d = filmlore.load({str(HEAT)!r})\n"
        "assert filmlore.loads(filmlore.dumps(d, format='json'), format='json') == d\n"
        + CLI_NEEDS_EXTRA
    ),
    "testing": (
        "from filmlore.testing import films\n"
        "from hypothesis import given, settings\n"
        "@settings(max_examples=5)\n"
        "@given(films())\n"
        "def check(f): assert f.title.text\n"
        "check()\n" + CLI_NEEDS_EXTRA
    ),
    "cli": CLI_EVERY_COMMAND,
    "all": CLI_EVERY_COMMAND + "import orjson, hypothesis, charset_normalizer, ftfy\n",
    "import": (
        "import pathlib, tempfile, filmlore\n"
        "root = pathlib.Path(tempfile.mkdtemp())\n"
        "(root / 'movies.csv').write_bytes('movieId,title,genres\\n9,Amélie (2001),Comedy\\n'"
        ".encode('cp1252'))\n"
        "r = filmlore.load(root / 'movies.csv', format='movielens', lenient=True)\n"
        "assert [str(c.value) for c in r.dossier.claims_for('title')] == ['Amélie'], r\n"
        "assert any('not UTF-8' in n.message for n in r.notes)\n" + CLI_NEEDS_EXTRA
    ),
}


def pyproject_extras() -> list[str]:
    """The extra sets pyproject.toml declares for users (all but ``dev``)."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return sorted(k for k in data["project"]["optional-dependencies"] if k != "dev")


def readme_extras() -> list[str]:
    """The extra sets the README's ``pip install`` lines name (``""`` for the core)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        match = re.match(r"\s*pip install '?filmlore(?:\[([a-z,]+)\])?'?(\s|$)", line)
        if match:
            found.append(match[1] or "")
    return found


def check(extra: str, wheel: str, workdir: str) -> tuple[str, str | None]:
    """Install the wheel with ``extra`` in a fresh environment and run its check; the
    install line, and the error (None when it passed)."""
    label = f"pip install 'filmlore[{extra}]'" if extra else "pip install filmlore"
    env = Path(workdir).resolve() / (extra or "core")
    venv.EnvBuilder(clear=True, with_pip=False).create(env)
    python = str(env / "bin" / "python")
    spec = f"{wheel}[{extra}]" if extra else wheel
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", spec],
        capture_output=True,
        text=True,
    )
    if installed.returncode:
        return label, installed.stdout + installed.stderr
    done = subprocess.run([python, "-c", CHECKS[extra]], capture_output=True, text=True, cwd=env)
    return label, (done.stderr or "failed") if done.returncode else None


def main(wheel: str, workdir: str) -> int:
    extras = readme_extras()
    unknown = [e for e in extras if e not in CHECKS]
    if unknown:
        print(f"README names extras without a check: {unknown}", file=sys.stderr)
        return 1
    declared = pyproject_extras()
    if sorted(e for e in extras if e) != declared:
        print(
            f"the README's install lines name the extras {sorted(e for e in extras if e)}, "
            f"and pyproject.toml declares {declared}",
            file=sys.stderr,
        )
        return 1
    chosen = extras
    with ThreadPoolExecutor(max_workers=len(chosen) or 1) as pool:
        results = list(pool.map(lambda e: check(e, wheel, workdir), chosen))
    failed = 0
    for label, error in results:
        if error is None:
            print(f"ok   {label}")
        else:
            failed += 1
            print(f"FAIL {label}\n{error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
