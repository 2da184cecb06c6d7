"""Load and dump 100k films as JSON Lines: filmlore against msgspec, in one run.

Usage::

    python benchmarks/bench_load.py [--films N] [--keep DIR]

Generates N films (100,000 by default; deterministic) as JSON Lines into a temporary folder:
a pool of people and sources as tagged lines, then one line per film with its characters,
~15 credits, ~2 quotes and ~10 claims (dates of every precision, hedged durations, money,
references), about 5 KB a line.  Then, each in a fresh subprocess so that every peak of
memory is its own, with the same interpreter and the collector left as Python starts it:

* ``filmlore load``: ``filmlore.load(path)`` -- every record checked by the strict converter
  and every model validator -- into a Dossier (filmlore pauses the collector inside), and
  again with that pause turned off, to show what it saves;
* ``filmlore models``: the part of the load spent in the models themselves -- every record
  built again from its already-typed fields, then the Dossier;
* ``filmlore validate``: ``filmlore.validate(dossier)`` on what was loaded (timed apart);
* ``msgspec decode``: each line decoded by ``msgspec.json.Decoder`` into an equivalent
  ``msgspec.Struct`` schema that checks what msgspec can express (reference and date
  patterns, non-empty strings, ranges, enumerations, unknown fields refused).  The peer is
  msgspec in its documented fast configuration for acyclic data, ``gc=False`` structs, under
  the same collector settings as filmlore (as Python starts it); for information, also
  default (``gc=True``) structs, and ``gc=False`` structs with the collector disabled;
* ``filmlore dump`` / ``msgspec encode``: writing what was loaded back as JSON Lines.

Times are wall-clock, the best over ``--rounds`` rounds of every worker in turn (default 1;
interleaving the rounds evens out a busy machine) and ``--repeat`` runs within a worker;
memory is the peak resident set size of the worker process (``ru_maxrss``), with the
interpreter and imports (measured alone first) included.
"""

# No ``from __future__ import annotations``: msgspec reads the annotations of the Structs
# defined inside a function, which must therefore be evaluated where they are written.

import argparse
import enum
import gc
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# --- the data -----------------------------------------------------------------------------------

_ROLES = ("director", "writer", "producer", "composer", "cinematographer", "editor", "sound")
_GENRES = ("Crime", "Drama", "Thriller", "Action", "Comedy", "Romance", "Western", "Sci-Fi")
_WORDS = (
    "heist", "detective", "career", "criminal", "Los", "Angeles", "robbery", "crew",
    "informant", "obsession", "night", "city", "coffee", "shop", "loneliness", "duality",
    "airport", "shootout", "downtown", "bank", "armored", "truck",
)  # fmt: skip


def _date(r: random.Random, interval: bool = True) -> str:
    year = r.randint(1920, 2020)
    p = r.random()
    if p < 0.25:
        return f"{year}"
    if p < 0.45:
        return f"{year}-{r.randint(1, 12):02d}"
    if p < 0.85:
        return f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
    if p < 0.9:
        return f"{year}~"
    if p < 0.95 or not interval:
        return f"{year}-{r.randint(1, 12):02d}?"
    return f"{year}/{year + r.randint(1, 3)}"


def _sentence(r: random.Random, n: int) -> str:
    return " ".join(r.choice(_WORDS) for _ in range(n)).capitalize() + "."


def film_line(i: int, people: int, sources: int) -> dict[str, Any]:
    """The JSON Lines record of film ``i``: the film and what belongs to it."""
    r = random.Random(i)
    fid = f"film:f{i}"
    chars = [f"character:f{i}-c{j}" for j in range(6)]
    film: dict[str, Any] = {
        "id": fid,
        "title": {"text": f"The {r.choice(_WORDS)} {i}", "lang": "en"},
        "titles": [f"Le film {i}"],
        "year": r.randint(1920, 2020),
        "releases": [
            {"date": _date(r), "country": "US", "kind": "theatrical"},
            {"date": _date(r), "country": "FR"},
        ],
        "runtime": f"{r.randint(80, 200)} min",
        "budget": f"${r.randint(1, 200)} million",
        "ids": {
            "imdb": f"tt{r.randint(1, 9_999_999):07d}",
            "tmdb": r.randint(1, 10**6),
            "wikidata": f"Q{r.randint(1, 10**8)}",
            "movielens": i + 1,
        },
        "genres": r.sample(_GENRES, 3),
        "countries": ["US"],
        "languages": ["en"],
        "description": _sentence(r, 24),
    }
    characters = [
        {
            "id": c,
            "film": fid,
            "name": f"{r.choice(_WORDS).title()} {j}",
            "played_by": [f"person:p{r.randint(1, people)}"],
        }
        for j, c in enumerate(chars)
    ]
    credits = []
    for j in range(15):
        cast = j < 8
        credit: dict[str, Any] = {
            "id": f"credit:f{i}-{j}",
            "film": fid,
            "person": f"person:p{r.randint(1, people)}",
            "role": "cast" if cast else _ROLES[j % len(_ROLES)],
        }
        if cast:
            credit.update(character=chars[j % 6], billing=j + 1, credited_as=f"Actor {j}")
        else:
            credit.update(department="Crew", job=f"Key {credit['role']}")
        credits.append(credit)
    quotes = [
        {
            "id": f"quote:f{i}-{j}",
            "film": fid,
            "text": _sentence(r, 14),
            "speaker": chars[j],
        }
        for j in range(2)
    ]
    values = (
        (
            "duration",
            lambda: f"{r.choice(('', 'nearly ', 'about ', 'over '))}{r.randint(80, 200)} min",
        ),
        ("release_date", lambda: _date(r)),
        ("cost", lambda: f"about ${r.randint(1, 200)} million"),
        ("title", lambda: f"The {r.choice(_WORDS)} {i}"),
        ("director", lambda: f"person:p{r.randint(1, people)}"),
        ("genre", lambda: r.choice(_GENRES).lower()),
        ("cast_member", lambda: f"person:p{r.randint(1, people)}"),
        ("assessment", lambda: _sentence(r, 6)),
    )
    claims = []
    for j in range(10):
        prop, value = values[j % len(values)]
        claim: dict[str, Any] = {
            "id": f"claim:f{i}-{j}",
            "subject": fid,
            "property": prop,
            "value": value(),
            "source": f"source:s{r.randint(1, sources)}",
            "excerpt": _sentence(r, 7),
        }
        if j % 3 == 0:
            claim["qualifiers"] = {"country": "US"}
        if j % 4 == 0:
            claim["stance"] = "hedges"
        claims.append(claim)
    return {
        "film": film,
        "characters": characters,
        "credits": credits,
        "quotes": quotes,
        "claims": claims,
    }


def generate(path: Path, films: int) -> int:
    """Write the benchmark's JSON Lines file; returns its size in bytes."""
    import orjson

    people, sources = max(10, films // 5), max(5, films // 200)
    r = random.Random(0)
    with open(path, "wb") as f:
        for p in range(1, people + 1):
            person: dict[str, Any] = {"id": f"person:p{p}", "name": f"Person {p}"}
            if p % 3:
                person["born"] = _date(r, interval=False)
            f.write(orjson.dumps({"person": person}) + b"\n")
        for s in range(1, sources + 1):
            source = {
                "id": f"source:s{s}",
                "kind": r.choice(("review", "article", "blog")),
                "title": f"Source {s}",
                "published": _date(r, interval=False),
            }
            f.write(orjson.dumps({"source": source}) + b"\n")
        for i in range(films):
            f.write(orjson.dumps(film_line(i, people, sources)) + b"\n")
    return path.stat().st_size


# --- the msgspec schema ---------------------------------------------------------------------


def msgspec_schema(tracked: bool = False) -> Any:
    """The msgspec Structs equivalent to filmlore's models, with the checks msgspec has.

    ``tracked=False`` (the default) gives ``gc=False`` structs, msgspec's documented fast
    configuration for data without reference cycles: the structs are not tracked by the
    collector.  Dict-shaped, as filmlore's input (``array_like`` would be another format).
    """
    import msgspec
    from msgspec import Meta, field

    class Struct(msgspec.Struct, gc=tracked):  # type: ignore[call-arg]
        pass

    key = r"[A-Za-z0-9][A-Za-z0-9._~+-]*"

    def ref(kind: str) -> Any:
        return Annotated[str, Meta(pattern=f"^{kind}:{key}$")]

    any_ref = Annotated[str, Meta(pattern=f"^[a-z]+:{key}$")]
    one = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[~?%]?"
    Date = Annotated[str, Meta(pattern=f"^{one}(/{one})?$")]
    NonEmpty = Annotated[str, Meta(min_length=1)]
    roles: Any = enum.Enum("Role", {r.upper(): r for r in ("cast", *_ROLES)})
    stances: Any = enum.Enum(
        "Stance", {"ASSERTS": "asserts", "DENIES": "denies", "HEDGES": "hedges"}
    )
    source_kinds: Any = enum.Enum(
        "Kind",
        {
            k.upper(): k
            for k in ("film", "interview", "database", "press", "book", "article", "review", "blog")
        },
    )

    class TextM(Struct, forbid_unknown_fields=True):
        text: str
        lang: str | None = None

    class Release(Struct, forbid_unknown_fields=True):
        date: Date
        country: NonEmpty | None = None
        kind: NonEmpty | None = None

    class Ids(Struct, forbid_unknown_fields=True):
        imdb: Annotated[str, Meta(pattern=r"^(tt|nm)\d{7,9}$")] | None = None
        tmdb: Annotated[int, Meta(gt=0)] | None = None
        wikidata: Annotated[str, Meta(pattern=r"^[QP][1-9]\d*$")] | None = None
        movielens: Annotated[int, Meta(gt=0)] | None = None

    class Film(Struct, forbid_unknown_fields=True):
        id: ref("film")
        title: str | TextM
        titles: tuple[str | TextM, ...] = ()
        year: int | None = None
        releases: tuple[Release, ...] = ()
        runtime: NonEmpty | None = None
        budget: NonEmpty | None = None
        revenue: NonEmpty | None = None
        ids: Ids = field(default_factory=Ids)
        genres: tuple[NonEmpty, ...] = ()
        countries: tuple[NonEmpty, ...] = ()
        languages: tuple[NonEmpty, ...] = ()
        description: NonEmpty | None = None

    class Person(Struct, forbid_unknown_fields=True):
        id: ref("person")
        name: NonEmpty
        aliases: tuple[NonEmpty, ...] = ()
        born: Date | None = None
        died: Date | None = None

    class Source(Struct, forbid_unknown_fields=True):
        id: ref("source")
        kind: source_kinds
        title: NonEmpty | None = None
        published: Date | None = None

    class Character(Struct, forbid_unknown_fields=True):
        id: ref("character")
        film: ref("film")
        name: NonEmpty
        aliases: tuple[NonEmpty, ...] = ()
        played_by: tuple[ref("person"), ...] = ()
        based_on: tuple[ref("person"), ...] = ()
        description: NonEmpty | None = None

    class Credit(Struct, forbid_unknown_fields=True):
        id: ref("credit")
        film: ref("film")
        person: ref("person")
        role: roles
        character: ref("character") | None = None
        credited_as: NonEmpty | None = None
        billing: Annotated[int, Meta(ge=0)] | None = None
        uncredited: bool = False
        voice: bool = False
        department: NonEmpty | None = None
        job: NonEmpty | None = None

    class Quote(Struct, forbid_unknown_fields=True):
        id: ref("quote")
        film: ref("film")
        text: NonEmpty
        speaker: ref("character") | None = None
        addressee: ref("character") | None = None
        scene: ref("scene") | None = None
        variants: tuple[NonEmpty, ...] = ()
        lang: NonEmpty | None = None

    class Claim(Struct, forbid_unknown_fields=True):
        id: ref("claim")
        subject: any_ref
        property: Annotated[str, Meta(pattern=r"^[a-z][a-z0-9_]*$")]
        value: str | int | bool | TextM
        source: ref("source")
        qualifiers: dict[NonEmpty, NonEmpty] = field(default_factory=dict)
        stance: stances = stances.ASSERTS
        excerpt: NonEmpty | None = None
        attributed_to: ref("person") | None = None
        via: tuple[ref("source"), ...] = ()
        valid_at: Date | None = None
        note: NonEmpty | None = None

    class Line(Struct, forbid_unknown_fields=True, omit_defaults=True):
        film: Film | None = None
        person: Person | None = None
        source: Source | None = None
        characters: tuple[Character, ...] = ()
        credits: tuple[Credit, ...] = ()
        quotes: tuple[Quote, ...] = ()
        claims: tuple[Claim, ...] = ()

    return msgspec.json.Decoder(Line), msgspec.json.Encoder()


# --- the workers ----------------------------------------------------------------------------------


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _best(fn: Any, repeat: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        result = None
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def worker(task: str, path: Path, out: Path, repeat: int) -> dict[str, Any]:
    """Run one measurement in this process; returns seconds and peak RSS (MB)."""
    if task == "baseline":
        import msgspec  # noqa: F401

        import filmlore

        return {"seconds": 0.0, "peak_mb": _peak_mb()}
    if task.startswith("msgspec"):
        decoder, encoder = msgspec_schema(tracked=task == "msgspec-decode-gcstructs")

        def decode() -> list[Any]:
            with open(path, "rb") as f:
                return [decoder.decode(line) for line in f]

        if task == "msgspec-decode-nogc":

            def decode_nogc() -> list[Any]:
                gc.disable()
                try:
                    return decode()
                finally:
                    gc.enable()

            seconds, lines = _best(decode_nogc, repeat)
        else:
            seconds, lines = _best(decode, repeat)
        result = {"seconds": seconds, "peak_mb": _peak_mb(), "records": len(lines)}
        if task == "msgspec-encode":

            def encode() -> None:
                with open(out, "wb") as f:
                    for line in lines:
                        f.write(encoder.encode(line) + b"\n")

            result["seconds"], _ = _best(encode, repeat)
        return result
    import filmlore

    if task == "filmlore-models":
        return _models_only(path)
    if task == "filmlore-load-gc-on":
        import filmlore._bulk

        filmlore._bulk.PAUSE_GC = False
    seconds, dossier = _best(lambda: filmlore.load(path), repeat)
    result = {"seconds": seconds, "peak_mb": _peak_mb(), "records": len(dossier)}
    if task == "filmlore-validate":
        result["seconds"], issues = _best(lambda: filmlore.validate(dossier), repeat)
        result["issues"] = len(issues)
    elif task == "filmlore-dump":
        result["seconds"], _ = _best(lambda: filmlore.dump(dossier, out), repeat)
    return result


def _models_only(path: Path) -> dict[str, Any]:
    """The time spent building the models alone: every record of the loaded dossier built
    again from its already-typed fields (``cls(**fields)``, checks included), a chunk of
    records at a time, then the Dossier (whose indexes are built on first use)."""
    import attrs

    import filmlore

    dossier = filmlore.load(path)
    gc.disable()
    seconds = 0.0
    lists: dict[str, list[Any]] = {}
    for name in ("films", "people", "characters", "credits", "scenes", "quotes", "sources",
                 "claims"):  # fmt: skip
        items = getattr(dossier, name)
        built: list[Any] = []
        for start in range(0, len(items), 20_000):
            chunk = items[start : start + 20_000]
            kwargs = [
                (type(e), {a.name: getattr(e, a.name) for a in attrs.fields(type(e)) if a.init})
                for e in chunk
            ]
            begin = time.perf_counter()
            built.extend([cls(**kw) for cls, kw in kwargs])
            seconds += time.perf_counter() - begin
        lists[name] = built
    del dossier
    begin = time.perf_counter()
    filmlore.Dossier(**lists)
    seconds += time.perf_counter() - begin
    gc.enable()
    return {"seconds": seconds, "peak_mb": _peak_mb()}


TASKS = (
    "baseline",
    "filmlore-load",
    "filmlore-load-gc-on",
    "filmlore-models",
    "msgspec-decode",
    "msgspec-decode-gcstructs",
    "msgspec-decode-nogc",
    "filmlore-validate",
    "filmlore-dump",
    "msgspec-encode",
)


def main(argv: list[str] | None = None) -> int:
    """Generate the data, run every worker in a subprocess and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--films", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1, help="runs per worker (best is kept)")
    parser.add_argument(
        "--rounds", type=int, default=1, help="rounds of all workers, interleaved (best is kept)"
    )
    parser.add_argument("--keep", type=Path, help="write the data here and keep it")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.path, args.out, args.repeat)))
        return 0
    with tempfile.TemporaryDirectory(prefix="filmlore-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"films-{args.films}.jsonl"
        start = time.perf_counter()
        size = generate(path, args.films)
        print(
            f"generated {args.films:,} films, {size / 1e6:,.0f} MB "
            f"({size / args.films / 1e3:.1f} KB a film) in {time.perf_counter() - start:.0f} s",
            flush=True,
        )
        results: dict[str, dict[str, Any]] = {}
        for round_ in range(args.rounds):
            if args.rounds > 1:
                print(f"round {round_ + 1} of {args.rounds}", flush=True)
            for task in TASKS:
                cmd = [
                    sys.executable, __file__, "--worker", task, "--path", str(path),
                    "--out", str(folder / f"out-{task}.jsonl"), "--repeat", str(args.repeat),
                ]  # fmt: skip
                done = subprocess.run(cmd, capture_output=True, text=True, check=False)
                if done.returncode != 0:
                    print(done.stderr, file=sys.stderr)
                    return done.returncode
                r = json.loads(done.stdout.strip().splitlines()[-1])
                best = results.setdefault(task, r)
                best["seconds"] = min(best["seconds"], r["seconds"])
                best["peak_mb"] = max(best["peak_mb"], r["peak_mb"])
                print(
                    f"  {task:<22} {r['seconds']:8.2f} s   peak {r['peak_mb']:7.0f} MB",
                    flush=True,
                )
    print(report(results, args.films))
    return 0


def report(results: dict[str, dict[str, Any]], films: int) -> str:
    """The Markdown table of the results."""
    rows = [
        ("load: filmlore.load (strict, validated models)", "filmlore-load", True),
        ("load: filmlore.load without pausing the collector", "filmlore-load-gc-on", True),
        ("load: msgspec decode, `gc=False` structs (the peer)", "msgspec-decode", True),
        (
            "load: msgspec decode, default (`gc=True`) structs, collector as is",
            "msgspec-decode-gcstructs",
            True,
        ),
        (
            "load: msgspec decode, `gc=False` structs, collector disabled",
            "msgspec-decode-nogc",
            True,
        ),
        (
            "within filmlore's load: the models alone (attrs `__init__`, checks, Dossier)",
            "filmlore-models",
            False,
        ),
        ("filmlore.validate (cross-record rules)", "filmlore-validate", False),
        ("dump: filmlore.dump (JSON Lines)", "filmlore-dump", False),
        ("dump: msgspec encode (the same `gc=False` structs)", "msgspec-encode", False),
    ]
    lines = [
        "| measurement | seconds | films/s | peak RSS (MB) |",
        "|---|---:|---:|---:|",
    ]
    for label, task, peak in rows:
        r = results[task]
        rate = films / r["seconds"] if r["seconds"] else float("inf")
        lines.append(
            f"| {label} | {r['seconds']:.2f} | {rate:,.0f} | "
            + (f"{r['peak_mb']:,.0f}" if peak else "")
            + " |"
        )
    load, dec = results["filmlore-load"]["seconds"], results["msgspec-decode"]["seconds"]
    gcstructs = results["msgspec-decode-gcstructs"]["seconds"]
    dump, enc = results["filmlore-dump"]["seconds"], results["msgspec-encode"]["seconds"]
    base = results["baseline"]["peak_mb"]
    lines += [
        "",
        f"- load ratio filmlore / msgspec (`gc=False` structs): {load / dec:.2f}x "
        f"(against default structs with the collector as is: {load / gcstructs:.2f}x)",
        f"- dump ratio filmlore / msgspec: {dump / enc:.2f}x",
        f"- peak RSS of filmlore's load: {results['filmlore-load']['peak_mb']:,.0f} MB, "
        f"msgspec's: {results['msgspec-decode']['peak_mb']:,.0f} MB "
        f"(interpreter and imports alone: {base:,.0f} MB)",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
