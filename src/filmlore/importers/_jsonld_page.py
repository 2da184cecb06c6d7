"""Reading a page for its JSON-LD: the ``<script type="application/ld+json">`` blocks of an
HTML page (with the stdlib's :mod:`html.parser`) or a JSON-LD file, the page's own url, title
and site, and schema.org's literal values (texts, numbers, ISO 8601 dates and durations,
outside ids in URLs)."""

from __future__ import annotations

import datetime
import html
import json
import re
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import attrs

from filmlore.importers._ids import slug
from filmlore.models import Source, SourceKind
from filmlore.values.dates import PartialDate
from filmlore.values.ids import ImdbId, TmdbId, WikidataId
from filmlore.values.quantities import Duration
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

if TYPE_CHECKING:
    from filmlore.importers._context import ImportContext

__all__ = [
    "Block",
    "PageInfo",
    "as_list",
    "database_host",
    "filled",
    "host_of",
    "is_schema_org",
    "iso_date",
    "iso_duration",
    "lang_tag",
    "literal",
    "number",
    "outside_ids",
    "page_source",
    "paths",
    "quiet_date",
    "read_page",
    "types",
    "unescape",
]

_SCHEMA_PREFIXES = ("https://schema.org/", "http://schema.org/", "schema:")
_ENTITY_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_DATE_RE = re.compile(
    r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?"
)
_DURATION_RE = re.compile(
    r"P(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+(?:\.[0-9]+)?)S)?)?"
)
_NUMBER_RE = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_IMDB_URL = re.compile(r"imdb\.com/(?:[a-z]{2}/)?(?:title|name)/((?:tt|nm)[0-9]{7,9})", re.I)
_WIKIDATA_URL = re.compile(r"wikidata\.org/(?:wiki|entity)/(Q[1-9][0-9]*)", re.I)
_TMDB_URL = re.compile(r"themoviedb\.org/(movie|tv|person)/([0-9]+)", re.I)

# Sites whose pages are records of a film database (a page, or a reference URL, there).
_DATABASE_HOSTS = (
    "imdb.com",
    "filmportal.de",
    "bfi.org.uk",
    "afi.com",
    "allmovie.com",
    "svenskfilmdatabas.se",
    "moviepilot.de",
    "ofdb.de",
    "csfd.cz",
    "themoviedb.org",
    "rottentomatoes.com",
    "letterboxd.com",
    "metacritic.com",
    "allocine.fr",
    "filmaffinity.com",
    "boxofficemojo.com",
    "the-numbers.com",
    "kinopoisk.ru",
    "mubi.com",
    "trakt.tv",
    "wikidata.org",
)


def filled(text: Any) -> str | None:
    """``text`` when it is a string that is not blank, else None."""
    return text if isinstance(text, str) and text.strip() else None


def host_of(url: str | None) -> str:
    """The host of ``url`` in lower case, without ``www.``; empty when there is none."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # a malformed URL ('http://[x')
        return ""
    return (host or "").lower().removeprefix("www.")


@attrs.frozen
class Block:
    """One JSON-LD text: its first line in the file (None for a JSON-LD file) and text."""

    line: int | None
    text: str


@attrs.frozen
class PageInfo:
    """What an HTML page says about itself."""

    title: str | None = None
    url: str | None = None
    site: str | None = None


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title: str | None = None
        self.canonical: str | None = None
        self.og_url: str | None = None
        self.site: str | None = None
        self._script: tuple[int, list[str]] | None = None
        self._title: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "script" and a.get("type", "").split(";")[0].strip().lower() == (
            "application/ld+json"
        ):
            self._script = (self.getpos()[0], [])
        elif tag == "title" and self.title is None:
            self._title = []
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href") or None
        elif tag == "meta":
            prop = a.get("property", a.get("name", "")).lower()
            if prop == "og:url":
                self.og_url = self.og_url or a.get("content") or None
            elif prop == "og:site_name":
                self.site = self.site or a.get("content") or None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)
        elif self._title is not None:
            self._title.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            line, parts = self._script
            self.blocks.append(Block(line, "".join(parts)))
            self._script = None
        elif tag == "title" and self._title is not None:
            self.title = " ".join("".join(self._title).split()) or None
            self._title = None


def read_page(text: str) -> tuple[list[Block], PageInfo]:
    """The JSON-LD blocks of ``text`` (an HTML page, or JSON-LD itself) and what the page
    says about itself."""
    if not text.lstrip("\ufeff \t\r\n").startswith("<"):
        return [Block(None, text)], PageInfo()
    parser = _Scripts()
    parser.feed(text)
    parser.close()
    if parser._script is not None:  # a script never closed: keep what it holds
        line, parts = parser._script
        parser.blocks.append(Block(line, "".join(parts)))
    info = PageInfo(
        title=filled(parser.title),
        url=filled(parser.canonical) or filled(parser.og_url),
        site=filled(parser.site),
    )
    return parser.blocks, info


def types(node: Any) -> set[str]:
    """A node's schema.org types, without a ``schema:`` or ``https://schema.org/`` prefix."""
    if not isinstance(node, dict):
        return set()
    found = node.get("@type")
    out = set()
    for t in found if isinstance(found, list) else [found]:
        if isinstance(t, str):
            for prefix in _SCHEMA_PREFIXES:
                if t.startswith(prefix):
                    t = t[len(prefix) :]
                    break
            out.add(t)
    return out


def literal(value: Any) -> tuple[str, str | None] | None:
    """A JSON-LD literal as ``(text, language)``: a string, a number, or an
    ``{"@value": …, "@language": …}`` object; None for anything else."""
    if isinstance(value, str):
        return value, None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Decimal, float)):
        return str(value), None
    if isinstance(value, dict) and "@value" in value:
        inner = value["@value"]
        lang = value.get("@language")
        text = literal(inner)
        if text is None:
            return None
        return text[0], lang if isinstance(lang, str) and lang else None
    return None


def unescape(text: str) -> tuple[str, str | None]:
    """``text`` with HTML character references decoded (IMDb writes ``sull&apos;oceano`` in
    its JSON-LD), and a note of the repair, or None when there was none."""
    if "&" not in text or not _ENTITY_RE.search(text):
        return text, None
    fixed = html.unescape(text)
    if fixed == text:
        return text, None
    shown = text if len(text) <= 60 else text[:57] + "..."
    return fixed, f"HTML character references decoded in {shown!r}"


def number(value: Any) -> Decimal | None:
    """A number written as a JSON number or a string of digits (``8``, ``"8.3"``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str) and _NUMBER_RE.fullmatch(value.strip()):
        try:
            return Decimal(value.strip())
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
            return None
    return None


def iso_date(text: str) -> PartialDate | None:
    """An ISO 8601 date (``1995-12-15``, ``1995-12``, ``1995``, a date-time), or None."""
    match = _DATE_RE.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        return PartialDate(
            year=int(year),
            month=int(month) if month else None,
            day=int(day) if day else None,
        )
    except ValueError:
        return None


def iso_duration(text: str) -> Duration | None:
    """An ISO 8601 duration (``PT2H50M``, ``PT170M``, ``P0DT2H50M``), or None: minutes
    (seconds when it has seconds, hours when it has only hours)."""
    stripped = text.strip()
    match = _DURATION_RE.fullmatch(stripped)
    if match is None or stripped in ("P", "PT") or stripped.endswith("T"):
        return None
    days, hours, minutes, seconds = match.groups()
    try:
        if seconds is not None:
            total = Decimal(
                int(days or 0) * 86400 + int(hours or 0) * 3600 + int(minutes or 0) * 60
            ) + Decimal(seconds)
            return Duration(amount=total, unit="s")
        if hours is not None and days is None and minutes is None:
            return Duration(amount=int(hours), unit="h")
        total_min = int(days or 0) * 1440 + int(hours or 0) * 60 + int(minutes or 0)
        return Duration(amount=total_min, unit="min")
    except ValueError:
        return None


def outside_ids(
    urls: list[str], kind: str
) -> tuple[ImdbId | None, WikidataId | None, TmdbId | None]:
    """The IMDb, Wikidata and TMDb ids in a node's URLs (``@id``, ``url``, ``sameAs``) for a
    ``film`` or a ``person``."""
    imdb = wikidata = tmdb = None
    prefix = "tt" if kind == "film" else "nm"
    tmdb_kinds = ("movie", "tv") if kind == "film" else ("person",)
    for url in urls:
        found = _IMDB_URL.search(url)
        if imdb is None and found and found[1].lower().startswith(prefix):
            imdb = ImdbId.parse(found[1])
        found = _WIKIDATA_URL.search(url)
        if wikidata is None and found:
            wikidata = WikidataId.parse(found[1])
        found = _TMDB_URL.search(url)
        if tmdb is None and found and found[1].lower() in tmdb_kinds and int(found[2]) > 0:
            tmdb = TmdbId(int(found[2]))
    return imdb, wikidata, tmdb


def database_host(url: str | None) -> bool:
    """True when ``url`` is a page of a film database (IMDb, TMDb, Rotten Tomatoes …)."""
    if not url:
        return False
    host = host_of(url)
    return any(host == h or host.endswith("." + h) for h in _DATABASE_HOSTS)


def as_list(value: Any) -> list[Any]:
    """A field's values: its list, its one value, or none."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def paths(value: Any, path: str) -> list[tuple[Any, str]]:
    """Each value of a field with its path (``$.actor[1]`` in a list, ``$.actor`` alone)."""
    if isinstance(value, list):
        return [(v, f"{path}[{i}]") for i, v in enumerate(value)]
    return [] if value is None else [(value, path)]


def quiet_date(value: Any) -> PartialDate | None:
    """A person's ISO 8601 date for the entity (a top-level node's is also claimed, or
    rejected when it is not a date)."""
    found = literal(value)
    return iso_date(found[0]) if found is not None else None


def lang_tag(tag: str | None) -> str | None:
    """``tag`` when it is a language tag filmlore's texts take (``en``, ``pt-BR``), else
    None."""
    try:
        return Text("x", lang=tag).lang if tag else None
    except ValueError:
        return None


def page_source(
    ctx: ImportContext, path: Path, info: PageInfo, docs: list[tuple[int | None, Any]]
) -> Source:
    """The page as a source: its url, title and site, a database record or an article."""
    if ctx.options.source is not None:
        return ctx.dataset("jsonld", title=path.name, path=path)
    url, title, site = info.url, info.title, info.site
    nodes = []
    for _, doc in docs:
        for node in as_list(doc):
            if isinstance(node, dict):
                nodes.append(node)
                nodes.extend(n for n in as_list(node.get("@graph")) if isinstance(n, dict))
    for node in nodes:
        if url is None and types(node) & {"WebPage", "ItemPage"}:
            found = node.get("url") or node.get("@id")
            url = found if isinstance(found, str) and found.startswith("http") else None
            name = literal(node.get("name"))
            title = title or (filled(unescape(name[0])[0].strip()) if name else None)
    for node in nodes:
        found = node.get("url") or node.get("@id")
        if url is None and isinstance(found, str) and found.startswith("http") and found.strip():
            url = found
    host = host_of(url)
    key = slug(url.split("://", 1)[-1])[:80] if url else slug(path.name)
    stamp = datetime.datetime.fromtimestamp(path.stat().st_mtime, tz=datetime.timezone.utc)
    source = Source(
        id=EntityRef("source", f"page-{key}"),
        kind=SourceKind.DATABASE if database_host(url) else SourceKind.ARTICLE,
        title=title or path.name,
        publisher=site or host or None,
        url=url,
        retrieved=PartialDate.from_date(stamp.date()),
        description=f"JSON-LD read from {ctx.label(path)}",
    )
    return ctx.add_source(source)


def is_schema_org(doc: Any, node: Any) -> bool:
    """True when a node reads as schema.org: its block's (or its own) @context is
    schema.org's, or none is given."""
    for holder in (node, doc if isinstance(doc, dict) else None):
        if isinstance(holder, dict) and "@context" in holder:
            context = holder["@context"]
            return "schema.org" in json.dumps(context, default=str)
    return True
