"""Speed of the vectorised path: 1M synthetic claims from a claims table to facts, and the
``truthdiscovery`` package on the same claims.

Usage::

    python benchmarks/bench_reconcile.py [--claims 1000000] [--objects 100000]
        [--sources 1000] [--repeat 3] [--no-package] [--json OUT]

The data (deterministic, seed 0): ``--objects`` questions, each with 2-5 candidate values
(one of them true), answered by ~10 distinct sources out of ``--sources``; a source has a
reliability drawn uniformly from [0.3, 0.95] and gives the true value with that
probability, else one of the wrong ones at random.  It is written once to
``benchmarks/_work/synthetic-<claims>.npz`` (subject, value, source as integer columns and
the truth).

Each measurement runs in a fresh worker process, so that its peak memory is its own:

* ``filmlore`` -- :meth:`filmlore.ClaimTable.from_columns` on the integer columns (the
  encoding, timed apart; and once more on the same columns as Python strings), then
  :func:`filmlore.reconcile` and :meth:`~filmlore.Reconciliation.answers` (the decided
  value of every question), with :class:`filmlore.Vote` and with
  :class:`filmlore.TruthDiscovery` (its defaults);
* ``truthdiscovery`` 1.0.4 (GPL; only ever installed in the throwaway venv
  ``benchmarks/_work/td-venv``, never a dependency): ``Dataset(triples)`` on the same
  claims (timed apart), then each algorithm's ``run(data)`` timed as the package times it
  (``Result.time_taken``: the algorithm alone), with its default iterations.

Times are wall-clock seconds, best of ``--repeat``; memory is the peak resident set size of
the worker (``ru_maxrss``) less the interpreter with its imports and the loaded data.
Accuracy is the share of questions answered with the true value.  The venv is made on
first use (``python3 -m venv benchmarks/_work/td-venv`` and ``pip install --no-deps
truthdiscovery==1.0.4 numpy scipy bidict imageio pycairo typing_extensions``; pycairo
needs the cairo headers: ``apt-get install libcairo2-dev pkg-config``); without it the
package's rows are skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "_work"
VENV = WORK / "td-venv"
PACKAGES = [
    "truthdiscovery==1.0.4",
    "numpy",
    "scipy",
    "bidict",
    "imageio",
    "pycairo",
    "typing_extensions",
]


# --- the data -------------------------------------------------------------------------------


def generate(path: Path, claims: int, objects: int, sources: int) -> None:
    """Write the synthetic claims (and the truth) to ``path``."""
    import numpy as np

    rng = np.random.default_rng(0)
    per = max(2, round(claims / objects))
    reliability = rng.uniform(0.3, 0.95, sources)
    k = rng.integers(2, 6, objects)  # candidate values of each question
    truth = rng.integers(0, k)
    # draw a few more sources than needed with replacement, keep the first `per` distinct
    draw = per + 4
    obj = np.repeat(np.arange(objects, dtype=np.int64), draw)
    src = rng.integers(0, sources, objects * draw)
    key = obj * sources + src
    _, first = np.unique(key, return_index=True)
    keep = np.zeros(len(key), dtype=bool)
    keep[first] = True
    rank = np.cumsum(keep) - 1
    start = np.searchsorted(obj, obj, side="left")
    rank_in_obj = rank - (np.cumsum(keep)[start] - keep[start])
    keep &= rank_in_obj < per
    obj, src = obj[keep], src[keep]
    right = rng.random(len(obj)) < reliability[src]
    kk, tt = k[obj], truth[obj]
    wrong = (tt + 1 + (rng.random(len(obj)) * (kk - 1)).astype(np.int64)) % kk
    value = np.where(right, tt, wrong)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, subject=obj, value=value, source=src, truth=truth)


# --- workers (run in their own processes) ----------------------------------------------------


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_strings(path: str, repeat: int) -> dict[str, Any]:
    """How long encoding takes when the columns are Python strings (as read from a CSV)."""
    sys.path.insert(0, str(ROOT / "src"))
    import numpy as np

    from filmlore import ClaimTable

    data = np.load(path)
    subject = [f"film:{i}" for i in data["subject"].tolist()]
    value = [f"{90 + i} min" for i in data["value"].tolist()]
    source = [f"source:{i}" for i in data["source"].tolist()]
    base = _rss_mb()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        ClaimTable.from_columns(subject=subject, property="runtime", value=value, source=source)
        best = min(best, time.perf_counter() - t0)
    return {
        "tool": "strings",
        "claims": len(subject),
        "seconds": round(best, 3),
        "peak_mb": round(_rss_mb() - base, 1),
    }


def worker_filmlore(path: str, policy_name: str, repeat: int) -> dict[str, Any]:
    """Table, reconcile and answers for one policy; the best of ``repeat`` runs."""
    sys.path.insert(0, str(ROOT / "src"))
    import numpy as np

    from filmlore import ClaimTable, TruthDiscovery, Vote, reconcile

    data = np.load(path)
    subject, value, source, truth = data["subject"], data["value"], data["source"], data["truth"]
    base = _rss_mb()
    policy = Vote() if policy_name == "vote" else TruthDiscovery()
    best: dict[str, float] = {}
    answers: dict[Any, Any] = {}
    iterations = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        table = ClaimTable.from_columns(
            subject=subject, property="value", value=value, source=source
        )
        t1 = time.perf_counter()
        rec = reconcile(table, policy=policy)
        t2 = time.perf_counter()
        answers = rec.answers()
        t3 = time.perf_counter()
        iterations = rec.iterations
        for name, seconds in (("table", t1 - t0), ("reconcile", t2 - t1), ("answers", t3 - t2)):
            best[name] = min(best.get(name, seconds), seconds)
    peak = _rss_mb() - base
    t4 = time.perf_counter()
    facts = len(rec.facts)
    best["facts"] = time.perf_counter() - t4
    predicted = np.fromiter((answers[(i, "value")] for i in range(len(truth))), dtype=np.int64)
    return {
        "tool": "filmlore",
        "policy": repr(policy),
        "claims": len(subject),
        "seconds": {k: round(v, 3) for k, v in best.items()},
        "to_answers": round(best["reconcile"] + best["answers"], 3),
        "with_table": round(best["table"] + best["reconcile"] + best["answers"], 3),
        "facts_built": facts,
        "iterations": iterations,
        "accuracy": round(float((predicted == truth).mean()), 4),
        "peak_mb": round(peak, 1),
        "peak_with_facts_mb": round(_rss_mb() - base, 1),
    }


_PACKAGE_WORKER = r"""
import json, resource, sys, time
import numpy as np
from truthdiscovery import (Dataset, MajorityVoting, Sums, AverageLog, Investment,
                            PooledInvestment, TruthFinder)

def rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

path, which, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = np.load(path)
subject, value, source, truth = (data[k] for k in ("subject", "value", "source", "truth"))
triples = list(zip(source.tolist(), subject.tolist(), value.tolist()))
base = rss()
t0 = time.perf_counter()
dataset = Dataset(triples, allow_multiple=True)
built = time.perf_counter() - t0
algorithm = {"MajorityVoting": MajorityVoting, "Sums": Sums, "AverageLog": AverageLog,
             "Investment": Investment, "PooledInvestment": PooledInvestment,
             "TruthFinder": TruthFinder}[which]()
best = None
for _ in range(repeat):
    result = algorithm.run(dataset)
    best = result.time_taken if best is None else min(best, result.time_taken)
correct = 0
for var, beliefs in result.belief.items():
    top = max(beliefs.values())
    guess = min(v for v, b in beliefs.items() if b == top)
    correct += guess == truth[var]
print(json.dumps({"tool": "truthdiscovery", "policy": which, "dataset_seconds": round(built, 3),
                  "algorithm_seconds": round(best, 3), "iterations": result.iterations,
                  "accuracy": round(correct / len(truth), 4), "peak_mb": round(rss() - base, 1)}))
"""


def _venv_python() -> Path | None:
    python = VENV / "bin" / "python"
    if python.exists():
        return python
    try:
        subprocess.run(["python3", "-m", "venv", str(VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--no-deps", *PACKAGES], check=True
        )
        subprocess.run([str(python), "-c", "import truthdiscovery"], check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"  (the truthdiscovery venv could not be made: {exc}; its rows are skipped)")
        return None
    return python


def _run_json(cmd: list[str]) -> dict[str, Any]:
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    line: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return line


# --- the run ----------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    """Generate the data, run every worker, print the table and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--objects", type=int, default=None)
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-package", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--worker", nargs=3, metavar=("PATH", "POLICY", "REPEAT"))
    args, _ = parser.parse_known_args(argv)  # run.py passes every benchmark the same args
    if args.worker:
        path, policy, repeat = args.worker
        if policy == "strings":
            print(json.dumps(worker_strings(path, int(repeat))))
        else:
            print(json.dumps(worker_filmlore(path, policy, int(repeat))))
        return 0
    objects = args.objects or max(1, args.claims // 10)
    path = WORK / f"synthetic-{args.claims}-{objects}-{args.sources}.npz"
    if not path.exists():
        generate(path, args.claims, objects, args.sources)
    rows: list[dict[str, Any]] = []
    for policy in ("vote", "truth", "strings"):
        cmd = [sys.executable, __file__, "--worker", str(path), policy, str(args.repeat)]
        rows.append(_run_json(cmd))
    python = None if args.no_package else _venv_python()
    if python is not None:
        script = WORK / "td_worker.py"
        script.write_text(_PACKAGE_WORKER, encoding="utf-8")
        for which in ("MajorityVoting", "Sums", "Investment", "PooledInvestment", "TruthFinder"):
            cmd = [str(python), str(script), str(path), which, str(args.repeat)]
            rows.append(_run_json(cmd))
    _print(rows)
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


def _print(rows: list[dict[str, Any]]) -> None:
    ours = [r for r in rows if r["tool"] == "filmlore"]
    theirs = [r for r in rows if r["tool"] == "truthdiscovery"]
    strings = [r for r in rows if r["tool"] == "strings"]
    print(f"{ours[0]['claims']:,} claims; seconds are the best of the repeats\n")
    print(f"{'tool / policy':<38}{'encode':>8}{'decide':>8}{'total':>8}{'acc':>8}{'peak MB':>9}")
    for r in ours:
        s = r["seconds"]
        print(
            f"filmlore {r['policy']:<29}{s['table']:>8.3f}{r['to_answers']:>8.3f}"
            f"{r['with_table']:>8.3f}{r['accuracy']:>8.3f}{r['peak_mb']:>9.0f}"
            f"   ({r['iterations']} iterations; {r['facts_built']:,} Fact objects "
            f"built on demand in {s['facts']:.2f} s, peak {r['peak_with_facts_mb']:.0f} MB)"
        )
    for r in strings:
        print(
            f"  (encoding the same claims as Python strings -- 'film:42', '92 min', "
            f"'source:7' -- takes {r['seconds']:.3f} s, {r['peak_mb']:.0f} MB)"
        )
    for r in theirs:
        total = r["dataset_seconds"] + r["algorithm_seconds"]
        print(
            f"truthdiscovery {r['policy']:<23}{r['dataset_seconds']:>8.3f}"
            f"{r['algorithm_seconds']:>8.3f}{total:>8.3f}{r['accuracy']:>8.3f}{r['peak_mb']:>9.0f}"
            f"   ({r['iterations']} iterations)"
        )
    if theirs:
        td = next(r for r in ours if r["policy"].startswith("TruthDiscovery"))
        vote = next(r for r in ours if r["policy"] == "Vote()")
        best = max(theirs, key=lambda r: r["accuracy"])
        pooled = next(r for r in theirs if r["policy"] == "PooledInvestment")
        mv = next(r for r in theirs if r["policy"] == "MajorityVoting")
        print()
        for label, mine, other in (
            ("truth discovery vs their most accurate", td, best),
            ("truth discovery vs PooledInvestment", td, pooled),
            ("vote vs MajorityVoting", vote, mv),
        ):
            whole = (other["dataset_seconds"] + other["algorithm_seconds"]) / mine["with_table"]
            algo = other["algorithm_seconds"] / mine["to_answers"]
            print(
                f"{label} ({other['policy']}, accuracy {other['accuracy']:.3f} against "
                f"{mine['accuracy']:.3f}): {whole:.1f}x faster from claims to answers, "
                f"{algo:.2f}x on the algorithm alone"
            )


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main(sys.argv[1:]))
