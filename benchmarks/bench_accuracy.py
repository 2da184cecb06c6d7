"""Accuracy and calibration of reconciliation on data with known truth, majority vote beside it.

Usage::

    python benchmarks/bench_accuracy.py [--datasets NAME,...] [--lodo] [--json OUT]

(NAME: population, heritages, flight, flight-days, synthetic; all by default)

The real data sets come from ``../shared/data/truth`` through the loaders in
``benchmarks/truth`` (see their docstrings for the formats and the normalisation of flight
times and gates); ``flight-days`` is the flight data one day at a time (31 small samples of
about 100 flights and 35 sources); ``synthetic`` is every regime of
``benchmarks/truth/synthetic.py``, with truth known by construction.  Each is reconciled
with :class:`filmlore.Vote` and the default :class:`filmlore.TruthDiscovery` -- one
configuration for every data set, never tuned on the gold -- as a
:class:`filmlore.ClaimTable` of the data set's value kind (and place hierarchy, for the
heritage sites).  Only gold objects that some claim is about are scored.

Printed for each: accuracy (and the data set's lenient accuracy: within 1% for
populations, any place on the gold path for heritage sites), and the calibration of the
answers' confidences -- the expected calibration error over ten equal bins, and the Brier
score -- against whether each answer is true (for a place, whether it contains the truth).

``--lodo`` runs the leave-one-data-set-out check of the defaults: for each data set, the
configuration (of a small grid around the defaults) that does best on all the *other* data
sets, and how it does on the one left out.

The numbers of off-the-shelf truth discovery (the ``truthdiscovery`` package, measured in
``../shared/data/README.md`` with one fixed protocol) are printed beside ours.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

import truth  # noqa: E402
from filmlore import Policy, TruthDiscovery, Vote, reconcile  # noqa: E402
from truth import flight, heritages, population, synthetic  # noqa: E402

#: What the best off-the-shelf method scores (../shared/data/README.md).
OFF_THE_SHELF = {
    "population": "vote 0.708 / 0.758, best 0.820 / 0.848 (TruthFinder, Investment)",
    "heritages": "vote 0.376 / 0.889, best 0.376 / 0.898",
    "flight": "vote 0.795, best 0.897 (PooledInvestment)",
}


def evaluate(data: truth.TruthSet, policy: Policy, table: Any = None) -> dict[str, Any]:
    """Accuracy, lenient accuracy, ECE and Brier of ``policy`` on ``data``."""
    table = table if table is not None else data.table()
    start = time.perf_counter()
    answers = reconcile(table, policy=policy, context=data.context).answers(with_confidence=True)
    elapsed = time.perf_counter() - start
    predicted = {subject: vc for (subject, _), vc in answers.items()}
    score = data.score({k: v for k, (v, _) in predicted.items()})
    ece, brier = data.calibration(predicted)
    return {
        "policy": repr(policy),
        "exact": round(score.accuracy, 4),
        "lenient": None if score.lenient is None else round(score.lenient_accuracy or 0.0, 4),
        "lenient_name": score.lenient_name,
        "correct": score.correct,
        "total": score.total,
        "ece": round(ece, 4),
        "brier": round(brier, 4),
        "seconds": round(elapsed, 3),
    }


def _line(r: dict[str, Any]) -> str:
    extra = f", {r['lenient_name']} {r['lenient']:.3f}" if r["lenient"] is not None else ""
    return (
        f"  {r['policy']:<18} exact {r['exact']:.3f} ({r['correct']}/{r['total']}){extra}"
        f"  ECE {r['ece']:.3f}  Brier {r['brier']:.3f}  [{r['seconds']:.2f} s]"
    )


def datasets(names: list[str]) -> list[truth.TruthSet]:
    """The data sets asked for (``flight-days`` and ``synthetic`` expand to several)."""
    out: list[truth.TruthSet] = []
    for name in names:
        if name == "population":
            out.append(population.load())
        elif name == "heritages":
            out.append(heritages.load())
        elif name == "flight":
            out.append(flight.load())
        elif name == "flight-days":
            out.extend(flight.days())
        elif name == "synthetic":
            out.extend(regime() for regime in synthetic.REGIMES.values())
        else:
            raise SystemExit(
                f"unknown data set {name!r}: population, heritages, flight, flight-days, synthetic"
            )
    return out


def main(argv: list[str]) -> int:
    """Score every data set asked for; print a table (and write JSON with ``--json``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", default="population,heritages,flight,flight-days,synthetic")
    parser.add_argument("--lodo", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    args, _ = parser.parse_known_args(argv)  # run.py passes every benchmark the same args
    names = [n.strip() for n in args.datasets.split(",")]
    if not truth.DATA.exists():
        print(f"no truth data at {truth.DATA}: only the synthetic regimes are measured")
        names = [n for n in names if n == "synthetic"]
    sets = datasets(names)
    reports = []
    days: list[dict[str, Any]] = []
    for data in sets:
        table = data.table()
        results = [evaluate(data, p, table) for p in (Vote(), TruthDiscovery())]
        report = {"dataset": data.name, "claims": len(data), "results": results}
        reports.append(report)
        if data.name.startswith("flight 20"):
            days.append(report)
            continue
        print(f"{data.name}: {len(data):,} claims")
        for r in results:
            print(_line(r))
        key = data.name.split(" ")[0]
        if key in OFF_THE_SHELF and not data.name.startswith("synthetic"):
            print(f"  off the shelf: {OFF_THE_SHELF[key]}")
        print()
    if days:
        vote = [d["results"][0]["exact"] for d in days]
        td = [d["results"][1]["exact"] for d in days]
        ece = [d["results"][1]["ece"] for d in days]
        wins = sum(t >= v for t, v in zip(td, vote, strict=True))
        print(f"flight, one day at a time ({len(days)} days):")
        print(f"  Vote()             exact mean {sum(vote) / len(vote):.3f}, min {min(vote):.3f}")
        print(
            f"  TruthDiscovery()   exact mean {sum(td) / len(td):.3f}, min {min(td):.3f}; "
            f"ECE mean {sum(ece) / len(ece):.3f}; at least as good as Vote on {wins} of "
            f"{len(days)} days"
        )
        worst = sorted(zip(td, vote, [d["dataset"] for d in days], strict=True))[:3]
        print("  worst days: " + ", ".join(f"{n[7:]} {t:.3f} (Vote {v:.3f})" for t, v, n in worst))
        print()
    if args.lodo:
        reports.append({"lodo": lodo([s for s in sets if not s.name.startswith("flight 20")])})
    if args.json is not None:
        args.json.write_text(json.dumps(reports, indent=2) + "\n", encoding="utf-8")
    return 0


#: The grid the leave-one-data-set-out check searches, around the defaults.
GRID = {
    "prior_weight": (5.0, 20.0, 50.0),
    "min_false_values": (1.5, 2.0, 4.0),
    "generalise_prior": (0.1, 0.3, 0.5),
    "copying": (True, False),
}


def lodo(sets: list[truth.TruthSet]) -> dict[str, Any]:
    """For each data set: the grid configuration best on the others (by mean exact
    accuracy), and its accuracy on the one left out, beside the defaults' -- chosen from
    the whole grid, and from the configurations with copy detection off (the default)."""
    configs = [dict(zip(GRID, values, strict=True)) for values in itertools.product(*GRID.values())]
    tables = [s.table() for s in sets]
    scores: list[list[float]] = []
    for config in configs:
        policy = TruthDiscovery(**config)
        scores.append([evaluate(s, policy, t)["exact"] for s, t in zip(sets, tables, strict=True)])
    default = [evaluate(s, TruthDiscovery(), t)["exact"] for s, t in zip(sets, tables, strict=True)]
    out: dict[str, Any] = {
        "configs": configs,
        "datasets": [s.name for s in sets],
        "scores": scores,
        "defaults": default,
    }
    for label, allowed in (
        ("the whole grid", range(len(configs))),
        ("copy detection off", [k for k, c in enumerate(configs) if not c["copying"]]),
    ):
        print(f"leave one data set out, from {label} (best on the others, on the one left out):")
        folds = []
        for i, data in enumerate(sets):
            others = {k: sum(scores[k][:i] + scores[k][i + 1 :]) for k in allowed}
            best = max(others, key=lambda k: (others[k], -k))
            folds.append(
                {
                    "left_out": data.name,
                    "chosen": configs[best],
                    "left_out_exact": scores[best][i],
                    "default_exact": default[i],
                }
            )
            print(
                f"  {data.name:<28} chosen {configs[best]}: {scores[best][i]:.3f}"
                f" (defaults {default[i]:.3f})"
            )
        out[label] = folds
        print()
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
