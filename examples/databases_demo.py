"""Heat and a handful of other films across eight real film databases.

Imports the rows kept in ``examples/databases/data/`` (copied from the data sets with their
origin: see ``ORIGIN.md`` there) with filmlore's importers -- IMDb's files, MovieLens,
TMDb's CSVs and four scraped tables through their mappings -- matches the films across
them, reconciles what the databases say, and prints, film by film, where they agree, where
they disagree and why.

Run with ``make demo`` (after the articles' dossier) or ``python examples/databases_demo.py``.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import filmlore
from filmlore import Dossier, Fact, LoadResult, Reconciliation

HERE = Path(__file__).parent / "databases"
DATA = HERE / "data"
MAPPINGS = HERE / "mappings"

#: Each data set: its name, importer, path and mapping (for the tables).
DATA_SETS: tuple[tuple[str, str, Path, Path | None], ...] = (
    ("IMDb (one film of the sample)", "imdb", DATA / "imdb", None),
    ("MovieLens", "movielens", DATA / "movielens", None),
    ("The Movies Dataset (TMDb)", "tmdb", DATA / "the_movies_dataset", None),
    ("TMDB 5000", "tmdb", DATA / "tmdb_5000", None),
    ("IMDB 5000 (scraped)", "table", DATA / "imdb5000/movie_metadata.csv",
     MAPPINGS / "imdb5000.yaml"),
    ("Movie Industry (scraped)", "table", DATA / "movie_industry/movies.csv",
     MAPPINGS / "movie_industry.yaml"),
    ("IMDb Top 1000 (scraped)", "table", DATA / "imdb_top_1000/imdb_top_1000.csv",
     MAPPINGS / "imdb_top_1000.yaml"),
    ("vega movies", "table", DATA / "vega_movies/movies.json", MAPPINGS / "vega_movies.yaml"),
)  # fmt: skip

#: What the demo shows of each film.
SHOWN = ("duration", "release_date", "cost", "box_office", "director")


def import_all() -> list[Dossier]:
    """Every data set, imported leniently: what each read, rejected and repaired."""
    dossiers = []
    print("Importing:")
    for name, fmt, path, mapping in DATA_SETS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", filmlore.DataWarning)  # the notes are printed
            loaded = filmlore.load(
                path,
                format=fmt,  # type: ignore[arg-type]
                mapping=None if mapping is None else filmlore.TableMapping.from_yaml(mapping),
                lenient=True,
            )
        assert isinstance(loaded, LoadResult)
        d = loaded.dossier
        print(
            f"  {name:32} {loaded.rows or 0:3} rows → {len(d.films):2} films, "
            f"{len(d.people):3} people, {len(d.claims):4} claims; "
            f"{len(loaded.rejected)} rejected, {len(loaded.notes)} notes"
        )
        for note in loaded.notes[:3]:
            print(f"      note: {note.message} ({note.location})")
        dossiers.append(d)
    return dossiers


def show_fact(fact: Fact, dossier: Dossier) -> None:
    """One fact: its value, its standing, who said what, and why when sources disagree."""
    scope = "".join(f" [{q.key}={q.value}]" for q in fact.qualifiers)
    print(f"    {fact.property}{scope}: {fact.printed}  ({fact.status.value}, "
          f"confidence {fact.confidence:.2f})")  # fmt: skip
    said: dict[tuple[str, str], list[str]] = {}
    for s in (*fact.supporters, *fact.dissenters):
        source = dossier.get(s.source)
        label = getattr(source, "title", None) or s.source
        said.setdefault((s.value_text, s.relation), []).append(str(label))
    for (value, relation), sources in said.items():
        mark = "against" if relation in ("rival", "denies") else relation
        print(f"      {value:>16} {mark:>8}  {', '.join(sorted(set(sources)))}")
    if fact.dissenters and fact.explanation:
        print(f"      why: {fact.explanation}")


def main(argv: Sequence[str] = ()) -> int:
    """Import, match, reconcile and show the films of the example."""
    dossiers = import_all()
    joined = filmlore.match(*dossiers)
    print(f"\nMatching: {len(joined.matches)} records joined to another")
    for m in joined.matches:
        if m.merged.kind == "film":
            print(f"  {m}")
    for a in joined.ambiguous:
        print(f"  left alone: {a}")
    dossier = joined.dossier
    issues = [i for i in filmlore.validate(dossier) if i.severity is filmlore.Severity.ERROR]
    print(f"Validation: {len(issues)} error(s)")

    result: Reconciliation = filmlore.reconcile(dossier)
    counts: dict[str, int] = {}
    for fact in result.facts:
        counts[fact.status.value] = counts.get(fact.status.value, 0) + 1
    said = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    print(
        f"\nReconciled by {result.policy.name}: {len(result.facts)} facts ({said}), "
        f"{len(result.conflicts)} disputes\n"
    )
    for film in sorted(dossier.films, key=lambda f: (f.year or 0, f.title.text)):
        facts = [f for f in result.facts_about(film.id) if f.property in SHOWN]
        if not facts:
            continue
        print(f"{film.title.text} ({film.year}) — {film.id}")
        for fact in sorted(facts, key=lambda f: (SHOWN.index(f.property), f.printed)):
            show_fact(fact, dossier)
        cast = {str(c.value) for c in dossier.claims_about(film.id, "cast_member")}
        if cast:
            print(f"    cast_member: {len(cast)} people named across the databases")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
