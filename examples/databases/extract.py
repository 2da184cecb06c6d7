"""Copy the rows of a handful of films out of the film databases in ``../shared/data/film``
into ``examples/databases/data/``, byte for byte (quirks included), with their origin.

Run from the project root when the shared data is there:

    python examples/databases/extract.py

The extract is kept in the repository, so the demo runs without the shared data.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared" / "data" / "film"
OUT = HERE / "data"

#: The films: Heat (1995) and a handful that most of the data sets hold, plus *Heat*
#: (1986) and *The Heat* (2013), which share its title.
FILMS = {
    "tt0113277": ("Heat", 1995),
    "tt0114709": ("Toy Story", 1995),
    "tt0114814": ("The Usual Suspects", 1995),
    "tt0120338": ("Titanic", 1997),
    "tt0133093": ("The Matrix", 1999),
    "tt2404463": ("The Heat", 2013),
    "tt0093164": ("Heat", 1986),
}
TITLES = {(title, str(year)) for title, year in FILMS.values()}
IMDB_NUMBERS = {key[2:] for key in FILMS}


def copy_rows(
    source: Path,
    target: Path,
    keep: Callable[[dict[str, str]], bool],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> list[dict[str, str]]:
    """Copy the header and the records ``keep`` accepts, as their raw lines."""
    text = source.read_bytes().decode(encoding)
    lines = text.splitlines(keepends=True)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader)
    kept_lines = [lines[0]]
    kept: list[dict[str, str]] = []
    start = reader.line_num
    for cells in reader:
        end = reader.line_num
        row = dict(zip(header, cells, strict=False))
        if cells and keep(row):
            kept_lines.extend(lines[start:end])
            kept.append(row)
        start = end
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes("".join(kept_lines).encode(encoding))
    return kept


def tsv_rows(source: Path, target: Path, keep: Callable[[list[str]], bool]) -> list[list[str]]:
    """Copy the header and the lines of an IMDb TSV (no quoting) ``keep`` accepts."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [lines[0]]
    rows = []
    for line in lines[1:]:
        cells = line.rstrip("\n").split("\t")
        if keep(cells):
            kept.append(line)
            rows.append(cells)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("".join(kept), encoding="utf-8")
    return rows


def main() -> None:
    # MovieLens: links first, to know the films' movieIds.
    ml = SHARED / "movielens_ml_latest_small"
    links = copy_rows(
        ml / "links.csv", OUT / "movielens/links.csv", lambda r: r["imdbId"] in IMDB_NUMBERS
    )
    ml_ids = {r["movieId"] for r in links}
    copy_rows(ml / "movies.csv", OUT / "movielens/movies.csv", lambda r: r["movieId"] in ml_ids)

    # The Movies Dataset.
    tmd = SHARED / "the_movies_dataset"
    meta = copy_rows(
        tmd / "movies_metadata.csv",
        OUT / "the_movies_dataset/movies_metadata.csv",
        lambda r: r.get("imdb_id") in FILMS,
    )
    tmdb_ids = {r["id"] for r in meta}
    for name in ("credits.csv", "keywords.csv"):
        copy_rows(tmd / name, OUT / "the_movies_dataset" / name, lambda r: r["id"] in tmdb_ids)
    copy_rows(
        tmd / "links.csv",
        OUT / "the_movies_dataset/links.csv",
        lambda r: r["imdbId"] in IMDB_NUMBERS,
    )

    # TMDB 5000: by TMDb id (the file has no IMDb ids), and title and year for the rest.
    t5k = SHARED / "tmdb_5000"
    movies = copy_rows(
        t5k / "tmdb_5000_movies.csv",
        OUT / "tmdb_5000/tmdb_5000_movies.csv",
        lambda r: (r["title"], r["release_date"][:4]) in TITLES,
    )
    t5k_ids = {r["id"] for r in movies}
    copy_rows(
        t5k / "tmdb_5000_credits.first197rows.csv",
        OUT / "tmdb_5000/tmdb_5000_credits.csv",
        lambda r: r["movie_id"] in t5k_ids,
    )

    # Scraped tables: IMDB 5000 (';', an index column, titles ending in U+00A0), the Movie
    # Industry file, IMDb's Top 1000, and vega's movies.json.
    copy_rows(
        SHARED / "imdb5000/movie_metadata.csv",
        OUT / "imdb5000/movie_metadata.csv",
        lambda r: (
            (m := re.search(r"tt(\d+)", r.get("movie_imdb_link", ""))) is not None
            and m[1] in IMDB_NUMBERS
        ),
        delimiter=";",
    )
    copy_rows(
        SHARED / "movie_industry/movies.csv",
        OUT / "movie_industry/movies.csv",
        lambda r: (r["name"], r["year"]) in TITLES,
    )
    copy_rows(
        SHARED / "imdb_top_1000/imdb_top_1000.csv",
        OUT / "imdb_top_1000/imdb_top_1000.csv",
        lambda r: (r["Series_Title"], r["Released_Year"]) in TITLES,
    )
    vega = json.loads((SHARED / "vega_movies/movies.json").read_text(encoding="utf-8"))
    chosen = [m for m in vega if (str(m["Title"]), (m["Release Date"] or "")[-4:]) in TITLES]
    (OUT / "vega_movies").mkdir(parents=True, exist_ok=True)
    (OUT / "vega_movies/movies.json").write_text(
        json.dumps(chosen, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )

    # IMDb's own files: the sample holds none of these films (a 2020 subgraph), so take one
    # feature film of it with everything that refers to it.
    imdb = SHARED / "imdb_tsv_sample"
    basics = [
        line.split("\t")
        for line in (imdb / "title.basics.tsv").read_text(encoding="utf-8").splitlines()[1:]
    ]
    film = next(cells[0] for cells in basics if cells[1] == "movie")
    principals = tsv_rows(
        imdb / "title.principals.tsv",
        OUT / "imdb/title.principals.tsv",
        lambda c: c[0] == film,
    )
    names = {c[2] for c in principals}
    for name in ("title.basics.tsv", "title.akas.tsv", "title.crew.tsv", "title.ratings.tsv"):
        tsv_rows(imdb / name, OUT / "imdb" / name, lambda c: c[0] == film)
    tsv_rows(imdb / "name.basics.tsv", OUT / "imdb/name.basics.tsv", lambda c: c[0] in names)
    print(f"wrote {OUT.relative_to(ROOT)} (IMDb sample film {film})")


if __name__ == "__main__":
    main()
