"""A new dossier folder for one film."""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from filmlore.errors import ScaffoldError
from filmlore.io._yaml import dumps_yaml
from filmlore.values.refs import EntityRef, slug

__all__ = ["film_ref_for", "new_dossier"]


_GUIDE = """\
# A dossier of {title}.
#
# This file holds the entities (films, people, characters, credits, scenes, quotes) and
# the sources; `filmlore add-source . URL` adds a source and its text. Claims go in
# claims/<source-key>.yaml, one file per source; each claim cites the words it rests on:
#
#   source: source:KEY        # said once, for every claim in the file
#   subject: {film}
#   claims:                   # (subject: the default; a claim may name another)
#     - property: director
#       value: person:michael-mann
#       excerpt: directed by Michael Mann
#
# Claim ids are made from what each claim says when it has none. `filmlore excerpt
# sources/KEY.txt "words"` finds the words in a source's text; `filmlore validate .`
# checks everything; `filmlore reconcile .` writes the fact sheet.

"""


def film_ref_for(film: str, year: int | None) -> EntityRef:
    """The id a new dossier gives its film: its title and year as a key
    (``film:la-takedown-1989``)."""
    title = film.replace(".", "")  # L.A. Takedown: la-takedown, not l-a-takedown
    return EntityRef("film", slug(title if year is None else f"{title} {year}"))


def new_dossier(folder: str | PathLike[str], *, film: str, year: int | None = None) -> Path:
    """Lay out a new dossier folder for ``film`` (released in ``year``): ``dossier.yaml``
    with the film and a guide in comments, and the empty ``claims/`` and ``sources/``
    folders.  Returns the folder.

    Raises:
        ScaffoldError: the folder exists and is not empty (nothing is overwritten), the
            title is empty, or the year is not a plausible year of a film.
    """
    root = Path(folder)
    title = film.strip()
    if not title:
        raise ScaffoldError("a film's title is needed")
    if year is not None and not 1870 <= year <= 2100:
        raise ScaffoldError(f"{year} is not a year a film was made in")
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise ScaffoldError(
            f"{root} already exists and is not an empty folder: a new dossier is made in a "
            "new or empty folder, so that nothing is overwritten"
        )
    ref = film_ref_for(title, year)
    record: dict[str, object] = {"id": str(ref), "title": title}
    if year is not None:
        record["year"] = year
    named = f"{title} ({year})" if year is not None else title
    data = {"title": named, "films": [record], "sources": []}
    root.mkdir(parents=True, exist_ok=True)
    (root / "claims").mkdir()
    (root / "sources").mkdir()
    text = _GUIDE.format(title=named, film=ref) + dumps_yaml(data)
    (root / "dossier.yaml").write_text(text, encoding="utf-8")
    return root
