"""Import speed: a synthetic ``title.principals.tsv`` of 10M rows streamed into claims by the
``imdb`` importer, against loading the same file into SQLite the way imdb-sqlite does.

Usage::

    python benchmarks/bench_import.py [--rows 10000000] [--small 1000000] [--json OUT]

The data (deterministic, seed 0) is shaped like IMDb's ``title.principals.tsv``: titles in
IMDb's order with 1 to 15 principals each (about 10), ids as IMDb writes them (``tt`` and
``nm`` with 7 or 8 digits), people drawn with a long tail (a few in many titles), IMDb's
categories in about its proportions, ``job`` mostly ``\\N``, and ``characters`` as a JSON
list (one name mostly, two now and then, an escaped quote in some, ``["Self"]`` for people
seen as themselves, ``\\N`` for crew).  It is written once to
``benchmarks/_work/title.principals-<rows>.tsv`` and reused; a file of ``--small`` rows
beside it shows whether memory stays flat.

Each measurement runs in a fresh worker process, so that its peak memory is its own:

* ``records``: ``filmlore.iter_load(path, format="imdb")``, every record (credits,
  characters, claims) built, validated and handed out, then dropped;
* ``columns``: ``filmlore.importers.iter_columns(path, "imdb", ...)``, the claims as
  columns of 100,000 (no Python object per claim, no entities);
* ``sqlite executemany``: the peer, a plain ``csv`` reader (tab, no quoting, ``\\N`` as
  NULL) and ``executemany`` into a table of a file database, in batches of 10,000 rows, one
  transaction, ``synchronous=OFF``;
* ``sqlite as imdb-sqlite``: the same file loaded as imdb-sqlite 1.x does it (its own tab
  split into a dict per row, one ``execute`` per row, one transaction, into its ``crew``
  table of five columns): its README reports 88k-158k rows/s (128k for principals, Python
  3.6 on its author's machine in 2018).

Times are wall-clock seconds of the whole read (the file opened, decoded and parsed), and
the worker's CPU seconds beside them (steadier on a shared machine); memory is the peak
resident set size of the worker (``ru_maxrss``), the interpreter and its imports included
(``baseline`` is them alone).  ``make bench`` runs it with the other
benchmarks (``benchmarks/run.py``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "_work"
sys.path.insert(0, str(ROOT / "src"))

# --- the data ---------------------------------------------------------------------------------

HEADER = "tconst\tordering\tnconst\tcategory\tjob\tcharacters\n"
# IMDb's categories, about as often as they come in title.principals.
_CATEGORIES = (
    ("actor", 27),
    ("actress", 17),
    ("self", 14),
    ("writer", 9),
    ("director", 8),
    ("producer", 7),
    ("composer", 4),
    ("cinematographer", 4),
    ("editor", 3),
    ("archive_footage", 3),
    ("production_designer", 2),
    ("casting_director", 1),
    ("archive_sound", 1),
)
_JOBS = {
    "writer": ("screenplay", "novel", "story", "written by", "creator", "teleplay"),
    "producer": ("producer", "executive producer", "co-producer", "line producer"),
    "director": ("co-director", "segment director"),
}
_FIRST = (
    "Neil", "Vincent", "Chris", "Nate", "Eady", "Justine", "Charlene", "Waingro", "Lauren",
    "Michael", "Anna", "Maria", "Jean", "Luc", "Yuki", "Hiroshi", "Olga", "Ivan", "Carmen",
    "José", "Zoë", "Søren", "Dr.", "Officer", "Young", "Old", "Detective", "Sergeant",
)  # fmt: skip
_LAST = (
    "McCauley", "Hanna", "Shiherlis", "Cerito", "Breedan", "Gustafson", "Van Zant", "Kelso",
    "Smith", "Jones", "García", "Müller", "Rossi", "Tanaka", "Ivanova", "O'Brien", "Nguyen",
    "Dubois", "Kowalski", "Andersen", "Silva", "Park", "Khan", "Cohen", "Levi", "Brown",
)  # fmt: skip
_SELVES = ('["Self"]', '["Self"]', '["Self"]', '["Self - Host"]', '["Self - Guest"]')


def _character(r: random.Random) -> str:
    name = f"{r.choice(_FIRST)} {r.choice(_LAST)}"
    p = r.random()
    if p < 0.05:
        return "\\N"
    if p < 0.08:
        return json.dumps([name, f"{r.choice(_FIRST)} {r.choice(_LAST)}"], ensure_ascii=False)
    if p < 0.09:
        return json.dumps([f'{name} "The Kid"'], ensure_ascii=False)  # an escaped quote
    return json.dumps([name], ensure_ascii=False)


def generate(path: Path, rows: int) -> None:
    """Write ``rows`` principals rows (and the header) to ``path``."""
    r = random.Random(0)
    categories = [c for c, _ in _CATEGORIES]
    weights = [w for _, w in _CATEGORIES]
    people = max(100, rows // 4)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    title = 0
    written = 0
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        lines: list[str] = []
        while written < rows:
            title += r.randint(1, 19)  # past tt9999999 at 10M rows: 7 and 8 digits
            tconst = f"tt{title:07d}"
            count = min(r.randint(1, 15), rows - written)
            for ordering, category in enumerate(r.choices(categories, weights, k=count), 1):
                person = int(people * r.random() ** 3) + 1  # a few people in many titles
                jobs = _JOBS.get(category)
                job = r.choice(jobs) if jobs is not None and r.random() < 0.4 else "\\N"
                if category in ("actor", "actress"):
                    characters = _character(r)
                elif category in ("self", "archive_footage", "archive_sound"):
                    characters = r.choice(_SELVES)
                else:
                    characters = "\\N"
                lines.append(
                    f"{tconst}\t{ordering}\tnm{person:07d}\t{category}\t{job}\t{characters}\n"
                )
            written += count
            if len(lines) >= 100_000:
                f.writelines(lines)
                lines.clear()
        f.writelines(lines)
    tmp.replace(path)


def data_file(rows: int) -> Path:
    """The synthetic file of ``rows`` rows, generated on first use."""
    path = WORK / f"title.principals-{rows}.tsv"
    if not path.exists():
        start = time.perf_counter()
        generate(path, rows)
        print(
            f"generated {path.name}: {rows:,} rows, {path.stat().st_size / 1e6:,.0f} MB in "
            f"{time.perf_counter() - start:.0f} s",
            flush=True,
        )
    return path


# --- the workers ------------------------------------------------------------------------------


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _records(path: Path) -> dict[str, Any]:
    import filmlore

    counts: dict[str, int] = {}
    start = time.perf_counter()
    for record in filmlore.iter_load(path, format="imdb"):
        kind = type(record).__name__
        counts[kind] = counts.get(kind, 0) + 1
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "records": sum(counts.values()), "kinds": counts}


def _columns(path: Path) -> dict[str, Any]:
    from filmlore.importers import ImportOptions, iter_columns

    claims = 0
    start = time.perf_counter()
    for columns in iter_columns(path, "imdb", ImportOptions()):
        claims += len(columns)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "records": claims, "kinds": {"claims": claims}}


def _database(path: Path, columns: str) -> tuple[sqlite3.Connection, Path]:
    db = WORK / f"{path.stem}.sqlite"
    for leftover in (db, db.with_name(db.name + "-journal")):
        leftover.unlink(missing_ok=True)
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute(f"CREATE TABLE crew ({columns})")
    return connection, db


def _sqlite_executemany(path: Path) -> dict[str, Any]:
    connection, db = _database(
        path,
        "title_id VARCHAR, ordering INTEGER, person_id VARCHAR, category VARCHAR, "
        "job VARCHAR, characters VARCHAR",
    )
    sql = "INSERT INTO crew VALUES (?, ?, ?, ?, ?, ?)"
    rows = 0
    start = time.perf_counter()
    connection.execute("BEGIN")
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        batch: list[list[str | None]] = []
        for cells in reader:
            batch.append([None if c == "\\N" else c for c in cells])
            if len(batch) >= 10_000:
                connection.executemany(sql, batch)
                rows += len(batch)
                batch.clear()
        connection.executemany(sql, batch)
        rows += len(batch)
    connection.execute("COMMIT")
    seconds = time.perf_counter() - start
    connection.close()
    db.unlink()
    return {"seconds": seconds, "records": rows, "kinds": {"rows": rows}}


def _sqlite_as_imdb_sqlite(path: Path) -> dict[str, Any]:
    connection, db = _database(
        path,
        "title_id VARCHAR, person_id VARCHAR, category VARCHAR, job VARCHAR, characters VARCHAR",
    )
    cursor = connection.cursor()
    columns = ("tconst", "nconst", "category", "job", "characters")
    sql = "INSERT INTO crew (title_id, person_id, category, job, characters) VALUES (?,?,?,?,?)"
    rows = 0
    start = time.perf_counter()
    cursor.execute("BEGIN")
    with open(path, encoding="utf-8") as f:
        headers = [h.strip() for h in next(f).split("\t")]
        for line in f:
            values = [(v.strip() if v and v != "\\N" else None) for v in line.rstrip().split("\t")]
            row = dict(zip(headers, values, strict=False))
            cursor.execute(sql, [row[h] for h in columns if h in row])
            rows += 1
    connection.commit()
    seconds = time.perf_counter() - start
    connection.close()
    db.unlink()
    return {"seconds": seconds, "records": rows, "kinds": {"rows": rows}}


def _baseline(path: Path) -> dict[str, Any]:
    import filmlore.importers  # noqa: F401

    return {"seconds": 0.0, "records": 0, "kinds": {}}


WORKERS = {
    "baseline": _baseline,
    "records": _records,
    "columns": _columns,
    "sqlite-executemany": _sqlite_executemany,
    "sqlite-imdb-sqlite": _sqlite_as_imdb_sqlite,
}


def worker(task: str, path: Path) -> dict[str, Any]:
    """Run one measurement in this process: its wall-clock and CPU seconds, its peak."""
    cpu = time.process_time()
    result = WORKERS[task](path)
    result["cpu_seconds"] = time.process_time() - cpu
    result["peak_mb"] = _peak_mb()
    return result


# --- the run ----------------------------------------------------------------------------------


def _run(task: str, path: Path, rows: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--worker", task, "--path", str(path)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"worker {task} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result.update(task=task, rows=rows)
    seconds = result["seconds"]
    result["rows_per_s"] = rows / seconds if seconds else None
    result["records_per_s"] = result["records"] / seconds if seconds else None
    cpu = result["cpu_seconds"]
    result["rows_per_cpu_s"] = rows / cpu if seconds else None
    speed = f"{result['rows_per_s']:>10,.0f} rows/s ({cpu:.1f} s CPU)" if seconds else ""
    print(
        f"  {task:<20} {rows:>11,} rows {seconds:8.1f} s {speed:<34} "
        f"peak {result['peak_mb']:6.0f} MB",
        flush=True,
    )
    return result


def report(results: list[dict[str, Any]], rows: int, small: int) -> str:
    """The table of the results, with the ratios to the peer and memory at both sizes."""
    by = {(r["task"], r["rows"]): r for r in results}
    base = by[("baseline", 0)]["peak_mb"]
    peer = by[("sqlite-executemany", rows)]
    legacy = by[("sqlite-imdb-sqlite", rows)]
    out = [
        f"\n{rows:,} rows of title.principals ({small:,} for the memory check); "
        f"interpreter and imports alone: {base:.0f} MB\n",
        f"{'route':<44}{'rows/s':>10}{'records/s':>11}{'vs peer':>9}{'rows/CPU s':>12}"
        f"{'peak MB':>9}{'at ' + format(small, ',') + ' rows':>18}",
    ]
    labels = (
        ("records", "filmlore.iter_load (records)"),
        ("columns", "filmlore.importers.iter_columns (claims)"),
        ("sqlite-executemany", "peer: csv + executemany into SQLite"),
        ("sqlite-imdb-sqlite", "imdb-sqlite's way: execute per row"),
    )
    for task, label in labels:
        r = by[(task, rows)]
        s = by.get((task, small))
        ratio = r["rows_per_s"] / peer["rows_per_s"]
        records = f"{r['records_per_s']:>11,.0f}" if task in ("records", "columns") else " " * 11
        at_small = f"{s['peak_mb']:.0f} MB" if s else ""
        out.append(
            f"{label:<44}{r['rows_per_s']:>10,.0f}{records}{ratio:>8.2f}x"
            f"{r['rows_per_cpu_s']:>12,.0f}{r['peak_mb']:>9.0f}{at_small:>18}"
        )
    rec = by[("records", rows)]
    out.append(
        f"\nrecords handed out: {rec['records']:,} ({', '.join(f'{v:,} {k}' for k, v in rec['kinds'].items())}); "  # noqa: E501
        f"claims as columns: {by[('columns', rows)]['records']:,}"
    )
    out.append(
        f"imdb-sqlite's way runs at {legacy['rows_per_s']:,.0f} rows/s here (its README: "
        "88k-158k rows/s on its authors' machines)"
    )
    return "\n".join(out)


def main(argv: list[str]) -> int:
    """Generate the data, run every worker, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--small", type=int, default=1_000_000, help="rows of the memory check")
    parser.add_argument("--only", nargs="*", choices=list(WORKERS), help="run only these")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--worker", choices=list(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args, _ = parser.parse_known_args(argv)  # run.py passes every benchmark the same args
    if args.worker:
        print(json.dumps(worker(args.worker, args.path)))
        return 0
    small = min(args.small, args.rows)
    big = data_file(args.rows)
    little = data_file(small)
    tasks = args.only or list(WORKERS)
    results = [_run("baseline", big, 0)] if "baseline" in tasks else []
    for task in tasks:
        if task == "baseline":
            continue
        results.append(_run(task, big, args.rows))
        if task in ("records", "columns") and small != args.rows:
            results.append(_run(task, little, small))
    if not args.only:
        print(report(results, args.rows, small))
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main(sys.argv[1:]))
