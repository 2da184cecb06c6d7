"""The main job on the built-in Heat (1995) example.

Loads the example dossier of Heat (``filmlore.example_path("heat")``), validates it
(printing any issues), reconciles what its sources say, and prints the fact sheet: first
what needs a decision -- the disputes that stay open, those the policy resolved (with its
explanation), the values the evidence turned down -- then the agreed and the single-source
facts, the opinions apart, quote fidelity and how far each source is trusted.  It ends by
writing the self-contained HTML report of the dossier and saying where it is.

Run with ``make demo`` (or ``python examples/heat_demo.py [DOSSIER] [REPORT.html]``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import filmlore
from filmlore import Dossier, report
from filmlore.dossier import ENTITY_COLLECTIONS

HERE = Path(__file__).parent
REPORT = HERE.parent / "build" / "heat-report.html"


def contents(dossier: Dossier) -> str:
    """What the dossier holds, in words: ``8 films, 50 people, …, 331 claims``."""
    counts = [(len(getattr(dossier, name)), name) for name in ENTITY_COLLECTIONS]
    return ", ".join(f"{n} {name}" for n, name in counts if n) or "nothing yet"


def main(argv: Sequence[str] = ()) -> int:
    """Load, validate, reconcile and report a dossier (the Heat example by default)."""
    path = Path(argv[0]) if argv else filmlore.example_path("heat")
    target = Path(argv[1]) if len(argv) > 1 else REPORT
    dossier = filmlore.load(path)
    assert isinstance(dossier, Dossier)
    print(f"filmlore {filmlore.__version__} — {dossier.title}: {contents(dossier)}\n")
    issues = filmlore.validate(dossier)
    if issues:
        print(f"Validation: {len(issues)} issue(s)")
        for issue in issues:
            print(f"  {issue}")
        print()
    else:
        print("Validation: no issues — every reference resolves, every excerpt is verbatim.\n")

    result = filmlore.reconcile(dossier)
    print(report.render(result, dossier, format="text"))

    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(report.render(result, dossier, format="html"), encoding="utf-8")
    print(f"The HTML report of {dossier.title} is in {target.resolve()}")
    print(f"Open it in a browser: file://{target.resolve()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
