"""A source added to a dossier folder: its text stored, its record registered, a claims
file ready for what it says."""

from __future__ import annotations

import datetime
import re
from os import PathLike
from pathlib import Path
from urllib.parse import urlparse

import attrs

from filmlore.authoring._pages import Page, read_page
from filmlore.dossier import Dossier
from filmlore.errors import FilmloreError, ScaffoldError
from filmlore.io._writer import dossier_data
from filmlore.io._yaml import dumps_yaml, loads_yaml
from filmlore.models import Source, SourceKind
from filmlore.values.dates import PartialDate
from filmlore.values.refs import EntityRef, slug

__all__ = ["AddedSource", "add_source"]

_KEY_WORDS = 4


@attrs.frozen(slots=True, kw_only=True)
class AddedSource:
    """What :func:`add_source` wrote: the source's record, its text file, the file of its
    record and the claims file made ready for it, and the page it was read from."""

    source: Source
    text_file: Path
    record_file: Path
    claims_file: Path
    page: Page


def _own_title(page: Page) -> str | None:
    """The page's title without the site's name after it (``Review | Film Blog``)."""
    title = page.title
    if title and page.publisher:
        for mark in (" | ", " - ", " – ", " — ", " · ", " :: "):
            head, sep, tail = title.rpartition(mark)
            if sep and head.strip() and tail.strip().casefold() == page.publisher.casefold():
                return head.strip()
    return title


def _key(page: Page, location: str) -> str:
    if page.title:
        words = slug(page.title.replace(".", "")).split("-")
        return "-".join(words[:_KEY_WORDS])
    parsed = urlparse(location)
    if parsed.scheme in ("http", "https"):
        tail = [p for p in parsed.path.split("/") if p]
        return slug(f"{parsed.hostname or ''} {tail[-1] if tail else ''}")
    return slug(Path(location).stem)


def _taken(root: Path, key: str, head: str) -> bool:
    """Whether ``source:KEY`` is in use: a file of it in ``sources/``, or named in the
    text ``head`` of ``dossier.yaml``."""
    sources = root / "sources"
    if any((sources / f"{key}{suffix}").exists() for suffix in (".txt", ".yaml", ".yml")):
        return True
    return f"source:{key}" in head


def _date(text: str | None) -> PartialDate | None:
    if not text:
        return None
    found = re.match(r"\d{4}-\d{2}-\d{2}", text.strip())
    if found is None:
        return None
    try:
        return PartialDate.parse(found[0])
    except FilmloreError:
        return None


def _only_film(root: Path) -> EntityRef | None:
    """The film of a dossier that has exactly one, read from its ``dossier.yaml``."""
    head = root / "dossier.yaml"
    try:
        data = loads_yaml(head.read_bytes())
    except (OSError, ValueError):
        return None
    films = data.get("films") if isinstance(data, dict) else None
    if isinstance(films, list) and len(films) == 1 and isinstance(films[0], dict):
        try:
            return EntityRef.parse(str(films[0].get("id")))
        except FilmloreError:
            return None
    return None


def add_source(
    folder: str | PathLike[str],
    location: str | PathLike[str],
    *,
    key: str | None = None,
    kind: SourceKind | str = SourceKind.OTHER,
    title: str | None = None,
    authors: tuple[str, ...] = (),
    published: PartialDate | str | None = None,
    today: datetime.date | None = None,
) -> AddedSource:
    """Add the page or file at ``location`` to the dossier folder ``folder`` as a source.

    Its readable text goes to ``sources/KEY.txt`` (the words its claims' excerpts are
    checked against), its record to ``sources/KEY.yaml`` -- with the title, authors,
    publisher, date and language the page states unless given here, and for a web
    address the address and ``today`` as the date it was retrieved -- and a claims file
    ``claims/KEY.yaml`` that names the source once (and the dossier's film as the default
    subject when it has one film) is made ready for its claims.  ``KEY`` is ``key``, else
    made from the title (or address, or file name), with ``-2``, ``-3``… when taken.
    ``kind`` is what the source is (an article, a review, a blog…); ``other`` until said.

    Raises:
        ScaffoldError: ``folder`` is not a dossier folder, or ``key`` is taken or not a key.
        PageError: the page or file cannot be read as text.
    """
    root = Path(folder)
    if not (root / "dossier.yaml").is_file():
        raise ScaffoldError(
            f"{root} is not a dossier folder (it has no dossier.yaml): make one with "
            "filmlore new FOLDER --film TITLE"
        )
    try:
        source_kind = SourceKind(kind)
    except ValueError:
        kinds = ", ".join(k.value for k in SourceKind)
        raise ScaffoldError(f"unknown source kind {kind!r}; the kinds are: {kinds}") from None
    where = str(location)
    declared = (root / "dossier.yaml").read_text(encoding="utf-8")
    page = read_page(location)
    page = attrs.evolve(page, title=_own_title(page))
    if key is not None:
        try:
            EntityRef("source", key)
        except FilmloreError:
            raise ScaffoldError(
                f"{key!r} is not a key: letters, digits, '.', '_', '~', '+' and '-', "
                "starting with a letter or digit"
            ) from None
        if _taken(root, key, declared):
            raise ScaffoldError(f"source:{key} is already in {root}: choose another key")
        chosen = key
    else:
        base = _key(page, where)
        chosen, n = base, 1
        while _taken(root, chosen, declared):
            n += 1
            chosen = f"{base}-{n}"
    stated = published if isinstance(published, PartialDate) else _date(published)
    source = Source(
        id=EntityRef("source", chosen),
        kind=source_kind,
        title=title or page.title,
        authors=authors or page.authors,
        publisher=page.publisher,
        url=page.url,
        published=stated if published is not None else _date(page.published),
        retrieved=None
        if page.url is None
        else PartialDate.parse((today or datetime.date.today()).isoformat()),
        language=page.language,
    )
    (root / "sources").mkdir(exist_ok=True)
    (root / "claims").mkdir(exist_ok=True)
    text_file = root / "sources" / f"{chosen}.txt"
    record_file = root / "sources" / f"{chosen}.yaml"
    claims_file = root / "claims" / f"{chosen}.yaml"
    with open(text_file, "w", encoding="utf-8", newline="") as f:
        f.write(page.text)
    record = dossier_data(Dossier(sources=[source]))["sources"]
    record_file.write_text(
        f"# The record of source:{chosen}, read from {where}.\n" + dumps_yaml(record),
        encoding="utf-8",
    )
    if not claims_file.exists():
        film = _only_film(root)
        head: dict[str, object] = {"source": str(source.id)}
        if film is not None:
            head["subject"] = str(film)
        head["claims"] = []
        claims_file.write_text(
            f"# The claims of source:{chosen}, each with the words of sources/{chosen}.txt "
            "it rests on\n# (filmlore excerpt finds them). A claim may name its own subject.\n"
            + dumps_yaml(head),
            encoding="utf-8",
        )
    return AddedSource(
        source=source,
        text_file=text_file,
        record_file=record_file,
        claims_file=claims_file,
        page=page,
    )
