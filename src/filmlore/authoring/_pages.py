"""A source's text from a web page or a file: the words a reader sees, and what the page
says about itself (title, author, publisher, date, language)."""

from __future__ import annotations

import html.parser
import re
import urllib.error
import urllib.request
from os import PathLike
from pathlib import Path

import attrs

from filmlore.errors import PageError

__all__ = ["Page", "page_text", "read_page"]

#: Elements whose text a reader does not see as the page's words.
_HIDDEN = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "iframe",
        "select",
        "head",
    ]
)
#: Elements that stand as blocks: a paragraph break before and after.
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "section",
        "article",
        "main",
        "figure",
        "figcaption",
        "tr",
        "table",
        "pre",
        "hr",
        "dd",
        "dt",
        "dl",
        "address",
    ]
)
_VOID = frozenset(
    [
        "br",
        "hr",
        "img",
        "meta",
        "link",
        "input",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
    ]
)
_MAX_BYTES = 20_000_000
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|p|div)\b", re.IGNORECASE)


@attrs.frozen(slots=True, kw_only=True)
class Page:
    """The readable text of a page and what it says about itself (each None when the page
    does not say)."""

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None


class _Reader(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]
        self.hidden = 0
        self.stack: list[str] = []
        self.main_depth: int | None = None
        self.main_blocks: list[list[str]] | None = None
        self.title: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.language: str | None = None

    def _break(self) -> None:
        for blocks in (self.blocks, self.main_blocks):
            if blocks is not None and blocks[-1]:
                blocks.append([])

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs_}
        if tag == "html" and found.get("lang"):
            self.language = found["lang"]
        if tag == "meta":
            name = found.get("property") or found.get("name") or found.get("itemprop") or ""
            if name and found.get("content") and name.lower() not in self.meta:
                self.meta[name.lower()] = found["content"].strip()
            return
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag in _BLOCKS:
                self._break()
            return
        self.stack.append(tag)
        if tag in _HIDDEN:
            self.hidden += 1
        if tag in ("article", "main") and self.main_blocks is None:
            self.main_depth, self.main_blocks = len(self.stack), [[]]
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if top in _HIDDEN:
                self.hidden -= 1
            if self.main_depth is not None and len(self.stack) < self.main_depth:
                self.main_depth = -1  # the main content is closed: keep what it held
            if top == tag:
                break
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.hidden:
            return
        self.blocks[-1].append(data)
        if self.main_blocks is not None and self.main_depth not in (None, -1):
            self.main_blocks[-1].append(data)


def _join(blocks: list[list[str]]) -> str:
    paragraphs = (" ".join("".join(block).split()) for block in blocks)
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def page_text(markup: str) -> Page:
    """The readable text of the HTML page ``markup`` -- its article or main part when it
    marks one, without scripts, styles, navigation, headers and footers -- as paragraphs
    separated by blank lines, with what the page's title and meta tags say about it.

    >>> page = page_text("<html lang=en><title>Heat</title><nav>Home</nav>"
    ...                  "<article><h1>Heat</h1><p>A  crime <b>epic</b>.</p></article></html>")
    >>> page.text, page.title, page.language
    ('Heat\\n\\nA crime epic.\\n', 'Heat', 'en')
    """
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    main = reader.main_blocks
    text = _join(main) if main is not None and any(main) else _join(reader.blocks)
    meta = reader.meta
    title = meta.get("og:title") or " ".join("".join(reader.title).split()) or None
    author = meta.get("author") or meta.get("article:author")
    return Page(
        text=text,
        title=title,
        authors=(author,) if author and not author.startswith("http") else (),
        publisher=meta.get("og:site_name"),
        published=meta.get("article:published_time")
        or meta.get("datepublished")
        or meta.get("date"),
        language=reader.language,
    )


def _decode(raw: bytes, declared: str | None, where: str) -> str:
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return raw.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        raise PageError(
            f"{where} is not UTF-8 text; install filmlore[import] to detect its encoding "
            "(pip install 'filmlore[import]'), or save it as UTF-8"
        ) from None
    best = from_bytes(raw).best()
    if best is None:
        raise PageError(f"{where} is not text in any encoding that could be recognised")
    return str(best)


def read_page(location: str | PathLike[str], *, timeout: float = 30.0) -> Page:
    """The :class:`Page` at ``location``: a web address (``http://``, ``https://``) or a
    file -- HTML (by its suffix or contents) or plain text.

    Raises:
        PageError: the address cannot be fetched, the file cannot be read, it is not text
            (a PDF, an image), or it is larger than 20 MB.
    """
    where = str(location)
    url: str | None = None
    declared: str | None = None
    if isinstance(location, str) and re.match(r"https?://", location):
        url = location
        request = urllib.request.Request(url, headers={"User-Agent": "filmlore (add-source)"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                raw = response.read(_MAX_BYTES + 1)
                declared = response.headers.get_content_charset()
                kind = response.headers.get_content_type()
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise PageError(f"cannot fetch {url}: {reason}") from None
        is_html = kind in ("text/html", "application/xhtml+xml")
        if not is_html and not kind.startswith("text/"):
            raise PageError(f"{url} is {kind}, not a web page or text")
    else:
        path = Path(location)
        try:
            with open(path, "rb") as f:
                raw = f.read(_MAX_BYTES + 1)
        except OSError as exc:
            raise PageError(f"cannot read {where}: {exc.strerror or exc}") from None
        is_html = path.suffix.lower() in (".html", ".htm", ".xhtml") or bool(
            _HTML.search(raw[:2048])
        )
        if raw.startswith(b"%PDF"):
            raise PageError(
                f"{where} is a PDF: save its text as a .txt file first (a source's text must "
                "be the words its excerpts are checked against)"
            )
    if len(raw) > _MAX_BYTES:
        raise PageError(f"{where} is larger than 20 MB: is it a web page or a text?")
    text = _decode(raw, declared, where)
    if "\x00" in text:
        raise PageError(f"{where} is not text (it holds NUL characters)")
    if is_html:
        return attrs.evolve(page_text(text), url=url)
    text = text.replace("\r\n", "\n")
    return Page(text=text, url=url)
