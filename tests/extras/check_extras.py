"""Every ``pip install`` line of the README gives what it says: for each extra set the
README names, a fresh virtual environment gets the built wheel with that set, and a small
use of what the set promises runs in it.

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

#: What each extra set promises, as a program run in an environment with only that set.
CHECKS: dict[str, str] = {
    "": (
        f"import filmlore\nd = filmlore.load({str(HEAT)!r})\nassert filmlore.reconcile(d).facts\n"
    ),
    "fast": (
        "import orjson, filmlore\n"
        f"d = filmlore.load({str(HEAT)!r})\n"
        "assert filmlore.loads(filmlore.dumps(d, format='json'), format='json') == d\n"
    ),
    "testing": (
        "from filmlore.testing import films\n"
        "from hypothesis import given, settings\n"
        "@settings(max_examples=5)\n"
        "@given(films())\n"
        "def check(f): assert f.title.text\n"
        "check()\n"
    ),
    "cli": (
        "import subprocess, sys\n"
        "for args in (['validate'], ['reconcile'], ['quotes']):\n"
        f"    done = subprocess.run([sys.executable, '-m', 'filmlore', *args, {str(HEAT)!r}],\n"
        "                          capture_output=True, text=True)\n"
        "    assert done.returncode == 0, (args, done.stderr)\n"
    ),
    "import": (
        "import pathlib, tempfile, filmlore\n"
        "root = pathlib.Path(tempfile.mkdtemp())\n"
        "(root / 'movies.csv').write_bytes('movieId,title,genres\\n9,Amélie (2001),Comedy\\n'"
        ".encode('cp1252'))\n"
        "r = filmlore.load(root / 'movies.csv', format='movielens', lenient=True)\n"
        "assert [str(c.value) for c in r.dossier.claims_for('title')] == ['Amélie'], r\n"
        "assert any('not UTF-8' in n.message for n in r.notes)\n"
    ),
}


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
    unknown = [e for e in extras if e not in CHECKS and e != "all"]
    if unknown:
        print(f"README names extras without a check: {unknown}", file=sys.stderr)
        return 1
    # [all] is what the wheel check installs to run every test; the others each alone.
    chosen = [e for e in extras if e != "all"]
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
