"""Run every benchmark: each ``benchmarks/bench_*.py`` in turn, in its own process.

Usage::

    python benchmarks/run.py [ARGS...]

``make bench`` runs this.  ARGS are passed to every benchmark (``--films 10000`` for a quick
run of the loading benchmark); a benchmark that fails stops the run with its exit status.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Run each benchmark with ``argv``; the first non-zero exit status, or 0."""
    benches = sorted(HERE.glob("bench_*.py"))
    if not benches:
        print("no benchmarks/bench_*.py found", file=sys.stderr)
        return 1
    for bench in benches:
        print(f"== {bench.name} {' '.join(argv)}".rstrip(), flush=True)
        start = time.perf_counter()
        status = subprocess.call([sys.executable, str(bench), *argv])
        print(f"== {bench.name}: {time.perf_counter() - start:.0f} s, exit {status}\n", flush=True)
        if status != 0:
            return status
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
