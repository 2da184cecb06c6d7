"""Accuracy of reconciliation on the truth-discovery benchmarks, with majority vote beside it.

Usage::

    python benchmarks/bench_accuracy.py [--datasets population,heritages,flight] [--json OUT]

Reads ``../shared/data/truth`` through the loaders in ``benchmarks/truth`` (see their
docstrings for the formats and the normalisation of flight times and gates) into
:class:`filmlore.ClaimTable`\\ s, reconciles them with :class:`filmlore.Vote` and
:class:`filmlore.TruthDiscovery` -- with its fixed default hyperparameters, never tuned on
the gold, and with the dataset's own relation between values where it has one (numeric
closeness for populations, the place tree for heritage sites) -- and scores only the gold
objects that some claim is about.  Sources carry the kind the data gives them, where it
gives one: a Wikipedia contributor is anonymous or registered (``population.editor_kind``).
Ties are broken by the fixed rule (the value that sorts first: the smallest population, the
alphabetically first place or time).

The numbers of off-the-shelf truth discovery (the ``truthdiscovery`` package, measured in
``../shared/data/README.md`` with one fixed protocol) are printed beside ours.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

import truth  # noqa: E402
from filmlore import ClaimTable, Policy, TruthDiscovery, Vote, reconcile  # noqa: E402
from truth import flight, heritages, population  # noqa: E402

#: What the best off-the-shelf method scores (../shared/data/README.md).
OFF_THE_SHELF = {
    "population": "vote 0.708 / 0.758, best 0.820 / 0.848 (TruthFinder, Investment)",
    "heritages": "vote 0.376 / 0.889, best 0.376 / 0.898",
    "flight": "vote 0.795, best 0.897 (PooledInvestment)",
}
#: What the issue asks of the default policy.
TARGETS = {
    "population": "exact >= 0.85",
    "heritages": "exact > 0.376 and generalised >= 0.90",
    "flight": ">= 0.92",
}


def _score(data: truth.TruthSet, table: ClaimTable, policy: Policy) -> dict[str, Any]:
    start = time.perf_counter()
    answers = reconcile(table, policy=policy).answers()
    elapsed = time.perf_counter() - start
    score = data.score({subject: value for (subject, _), value in answers.items()})
    return {
        "policy": repr(policy),
        "exact": round(score.accuracy, 4),
        "lenient": None if score.lenient is None else round(score.lenient_accuracy or 0.0, 4),
        "lenient_name": score.lenient_name,
        "correct": score.correct,
        "total": score.total,
        "seconds": round(elapsed, 3),
    }


def run(name: str) -> dict[str, Any]:
    """Load one dataset and score the policies on it."""
    start = time.perf_counter()
    if name == "population":
        data = population.load()
        relation: Any = population.supports
    elif name == "heritages":
        data = heritages.load()
        relation = data.supports
    elif name == "flight":
        data = flight.load()
        relation = None
    else:
        raise SystemExit(f"unknown dataset {name!r}: population, heritages or flight")
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    table = data.table()
    encoded = time.perf_counter() - start
    policies: list[Policy] = [Vote(), TruthDiscovery()]
    if relation is not None:
        policies.append(TruthDiscovery(implies=relation))
    results = [_score(data, table, p) for p in policies]
    return {
        "dataset": name,
        "claims": len(data),
        "load_seconds": round(loaded, 2),
        "table_seconds": round(encoded, 2),
        "results": results,
        "off_the_shelf": OFF_THE_SHELF[name],
        "target": TARGETS[name],
    }


def _print(report: dict[str, Any]) -> None:
    print(
        f"{report['dataset']}: {report['claims']:,} claims "
        f"(loaded in {report['load_seconds']} s, encoded in {report['table_seconds']} s)"
    )
    for r in report["results"]:
        extra = f", {r['lenient_name']} {r['lenient']:.3f}" if r["lenient"] is not None else ""
        print(
            f"  {r['policy']:<40} exact {r['exact']:.3f} ({r['correct']}/{r['total']}){extra}"
            f"  [{r['seconds']:.2f} s]"
        )
    print(f"  off the shelf: {report['off_the_shelf']}; target: {report['target']}\n")


def main(argv: list[str]) -> int:
    """Score every dataset asked for; print a table (and write JSON with ``--json``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", default="population,heritages,flight")
    parser.add_argument("--json", type=Path, default=None)
    args, _ = parser.parse_known_args(argv)  # run.py passes every benchmark the same args
    if not truth.DATA.exists():
        print(f"no truth data at {truth.DATA}: nothing to measure")
        return 0
    reports = []
    for name in args.datasets.split(","):
        report = run(name.strip())
        _print(report)
        reports.append(report)
    if args.json is not None:
        args.json.write_text(json.dumps(reports, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
