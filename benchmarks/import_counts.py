"""Every real file in ``../shared/data/film`` through its importer, leniently: the rows read,
rejected and noted, what came in, and the errors :func:`filmlore.validate` finds.

Run from the project root: ``python benchmarks/import_counts.py`` (prints a Markdown table).
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import filmlore

D = Path("../shared/data/film")
M = Path("examples/databases/mappings")
SETS = [
    ("imdb_tsv_sample", "imdb", D / "imdb_tsv_sample", None),
    ("movielens", "movielens", D / "movielens_ml_latest_small", None),
    ("the_movies_dataset", "tmdb", D / "the_movies_dataset", None),
    ("tmdb_5000", "tmdb", D / "tmdb_5000", None),
    ("movie_industry", "table", D / "movie_industry/movies.csv", M / "movie_industry.yaml"),
    ("imdb5000", "table", D / "imdb5000/movie_metadata.csv", M / "imdb5000.yaml"),
    ("vega_movies", "table", D / "vega_movies/movies.json", M / "vega_movies.yaml"),
    ("imdb_top_1000", "table", D / "imdb_top_1000/imdb_top_1000.csv", M / "imdb_top_1000.yaml"),
]
COLUMNS = ("data set", "importer", "rows read", "rejected", "notes", "films", "people",
           "credits", "claims", "errors", "s")  # fmt: skip


def main() -> None:
    """Import every data set and print one row of counts for each."""
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS))
    for name, fmt, path, mapping in SETS:
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            table = None if mapping is None else filmlore.TableMapping.from_yaml(mapping)
            result = filmlore.load(path, format=fmt, lenient=True, mapping=table)  # type: ignore[arg-type]
        seconds = time.perf_counter() - start
        d = result.dossier
        errors = sum(1 for i in filmlore.validate(d) if i.severity is filmlore.Severity.ERROR)
        cells = (name, fmt, f"{result.rows or 0:,}", len(result.rejected), len(result.notes),
                 f"{len(d.films):,}", f"{len(d.people):,}", f"{len(d.credits):,}",
                 f"{len(d.claims):,}", errors, f"{seconds:.1f}")  # fmt: skip
        print("| " + " | ".join(map(str, cells)) + " |")


if __name__ == "__main__":
    main()
