"""People's names: reading "De Niro, Robert", "Lt. Vincent Hanna", "R. De Niro" and lists.

A name is read into given names and a surname; ranks and honorifics before it and suffixes
after it (``Jr.``) are set aside.  Nothing here knows any particular person: resolving
"Trejo" to Danny Trejo is the context's job (see :mod:`filmlore.compare._context`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import attrs

from filmlore.compare._data import NICKNAMES, PARTICLES, SUFFIXES, TITLES
from filmlore.compare._text import normalize_text

__all__ = ["ParsedName", "given_match", "parse_name", "split_names"]

_PAREN = re.compile(r"\s*\([^()]*\)")
_TOKEN = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*\.?|\d+")
_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,}")


@attrs.frozen(slots=True)
class ParsedName:
    """A name read into parts, every part normalised (lower case, no accents)."""

    given: tuple[str, ...]  # given names; one letter for an initial
    surname: tuple[str, ...]  # surname words, particles included ("de", "niro")
    titles: tuple[str, ...] = ()  # ranks and honorifics set aside ("lt")
    suffixes: tuple[str, ...] = ()

    @property
    def single(self) -> bool:
        """True for a one-word name ("Trejo", "Chris"): given name or surname, unknown."""
        return not self.given and len(self.surname) == 1

    @property
    def surname_key(self) -> str:
        """The surname without spaces, hyphens or apostrophes: ``deniro``."""
        return "".join(w.replace("'", "").replace("-", "") for w in self.surname)

    @property
    def key(self) -> str:
        """Given names and surname, space-separated: ``robert de niro``."""
        return " ".join((*self.given, *self.surname))

    @property
    def display(self) -> str:
        """The name in natural order, title-cased: ``Robert De Niro``."""
        words = [w.upper() + "." if len(w) == 1 else w.title() for w in self.given]
        return " ".join((*words, *(w.title() for w in self.surname)))


def _words(text: str) -> list[str]:
    """The word tokens of normalised ``text``, initials split (``j.r.r.`` → ``j r r``)."""
    spaced = _INITIALS.sub(lambda m: m.group().replace(".", ". "), text)
    return [raw.rstrip(".") for raw in _TOKEN.findall(spaced)]


def _strip_titles(tokens: list[str]) -> tuple[list[str], list[str]]:
    titles: list[str] = []
    while len(tokens) > 1 and tokens[0] in TITLES:
        titles.append(tokens.pop(0))
    return tokens, titles


def _strip_suffixes(tokens: list[str]) -> tuple[list[str], list[str]]:
    suffixes: list[str] = []
    while len(tokens) > 1 and tokens[-1] in SUFFIXES:
        suffixes.insert(0, tokens.pop())
    return tokens, suffixes


def _surname_start(tokens: list[str]) -> int:
    """Where the surname begins: the last word, with the particles just before it."""
    start = len(tokens) - 1
    while start > 0 and tokens[start - 1] in PARTICLES:
        start -= 1
    if start == 1 and tokens[0] in PARTICLES:  # "De Niro" alone is all surname
        start = 0
    return start


def _surnameish(tokens: list[str]) -> bool:
    """True when ``tokens`` could be a surname alone: one word, or particles + a word."""
    if not tokens:
        return False
    return len(tokens) == 1 or all(t in PARTICLES for t in tokens[:-1])


def _givenish(tokens: list[str]) -> bool:
    """True when ``tokens`` could be the given names after an inverted surname."""
    if not tokens:
        return False
    full = [t for t in tokens if len(t) > 1 and t not in SUFFIXES]
    return len(full) <= 1 or (len(full) == 2 and len(tokens) == 2 and len(tokens[1]) <= 2)


@functools.lru_cache(maxsize=32768)
def parse_name(text: str) -> ParsedName:
    """Read one name.

    ``Surname, Given`` (the comma form) is recognised when the part before the comma could
    be a surname and the part after it given names (see :func:`split_names`).

    >>> parse_name("De Niro, Robert")
    ParsedName(given=('robert',), surname=('de', 'niro'), titles=(), suffixes=())
    >>> parse_name("Lt. Vincent Hanna").titles
    ('lt',)
    >>> parse_name("R. De Niro").given
    ('r',)
    """
    s = _PAREN.sub(" ", normalize_text(text))
    head, comma, tail = s.partition(",")
    titles: list[str] = []
    suffixes: list[str] = []
    if comma:
        left = _words(head)
        right = _words(tail)
        right_core = [t for t in right if t not in SUFFIXES]
        if right and not right_core:  # "Robert Downey, Jr."
            tokens = left
            suffixes = right
        else:
            left, titles = _strip_titles(left)
            right, titles2 = _strip_titles(right)
            right, suffixes = _strip_suffixes(right)
            titles += titles2
            if _surnameish(left) and _givenish(right):
                return ParsedName(
                    given=tuple(right),
                    surname=tuple(left),
                    titles=tuple(titles),
                    suffixes=tuple(suffixes),
                )
            tokens = left + right
    else:
        tokens = _words(s)
    tokens, more_titles = _strip_titles(tokens)
    titles += more_titles
    tokens, more_suffixes = _strip_suffixes(tokens)
    suffixes = more_suffixes + suffixes
    if not tokens:
        return ParsedName(given=(), surname=(), titles=tuple(titles), suffixes=tuple(suffixes))
    start = _surname_start(tokens)
    return ParsedName(
        given=tuple(tokens[:start]),
        surname=tuple(tokens[start:]),
        titles=tuple(titles),
        suffixes=tuple(suffixes),
    )


_LIST_SEPARATOR = re.compile(r"\s*;\s*|\s*,?\s+(?:and|&)\s+|\s*,?\s*&\s*", re.IGNORECASE)


#: What marks a list of names as partial: "Ullman et al.", "Mann and others".
_PARTIAL = re.compile(
    r"(?:\s*[,;]?\s*(?:et\.?\s*al\.?|and\s+others|&\s*al\.?|et\s+alii|u\.\s*a\.)\s*)$",
    re.IGNORECASE,
)


def partial_list(text: str) -> tuple[str, bool]:
    """A list of names without its "et al." (or "and others"), and whether it had one: a
    list so marked is partial -- it names some of the people, never all of them.

    >>> partial_list("Jeffrey D. Ullman et al.")
    ('Jeffrey D. Ullman', True)
    >>> partial_list("Ullman, Jeffrey D.; Widom, Jennifer")
    ('Ullman, Jeffrey D.; Widom, Jennifer', False)
    """
    found = _PARTIAL.search(text)
    if found is None or found.start() == 0:
        return text, False
    return text[: found.start()].rstrip(" ,;"), True


def split_names(text: str, is_known: Callable[[str], bool] | None = None) -> list[str]:
    """Split a list of names written with ``;``, ``,``, ``and`` or ``&``.

    A comma separates two names unless the parts read as one inverted name ``Surname,
    Given``: the part before it one word (or particles and a word, ``De Niro``) and the
    part after it one given name, perhaps with initials.  So ``De Niro, Robert`` is one name
    and ``Al Pacino, Robert De Niro`` two.  ``Pacino, Kilmer`` reads as one inverted name
    unless ``is_known`` (the context's lookup) knows both words as names on their own.

    >>> split_names("Al Pacino, Robert De Niro and Val Kilmer")
    ['Al Pacino', 'Robert De Niro', 'Val Kilmer']
    >>> split_names("De Niro, Robert; Pacino, Al")
    ['De Niro, Robert', 'Pacino, Al']
    >>> split_names("Ullman, Jeffrey D. et al.")
    ['Ullman, Jeffrey D.']
    """
    text, _ = partial_list(text)
    names: list[str] = []
    for chunk in _LIST_SEPARATOR.split(text):
        parts = [p.strip() for p in chunk.split(",")]
        parts = [p for p in parts if p]
        i = 0
        while i < len(parts):
            part = parts[i]
            if i + 1 < len(parts):
                nxt = parts[i + 1]
                left = _words(normalize_text(part))
                right = _words(normalize_text(nxt))
                right_core, _ = _strip_titles([t for t in right if t not in SUFFIXES])
                if right and not right_core:  # "Robert Downey, Jr."
                    names.append(f"{part}, {nxt}")
                    i += 2
                    continue
                left_core, _ = _strip_titles(left)
                inverted = _surnameish(left_core) and _givenish(right_core)
                if inverted and is_known is not None and is_known(part) and is_known(nxt):
                    inverted = False
                if inverted:
                    names.append(f"{part}, {nxt}")
                    i += 2
                    continue
            names.append(part)
            i += 1
    return [n for n in names if any(ch.isalnum() for ch in n)]


def _full_forms(word: str) -> frozenset[str]:
    return frozenset((word, *NICKNAMES.get(word, ())))


def given_match(a: str, b: str) -> str | None:
    """How two given names match: ``"equal"``, ``"nickname"`` (Bob, Robert), ``"initial"``
    (R., Robert) or None.

    >>> given_match("bob", "robert"), given_match("r", "bob"), given_match("val", "tom")
    ('nickname', 'initial', None)
    """
    if a == b:
        return "equal"
    a, b = a.replace("'", "").replace("-", ""), b.replace("'", "").replace("-", "")
    if a == b:
        return "equal"
    if len(a) == 1 or len(b) == 1:
        initial, word = (a, b) if len(a) == 1 else (b, a)
        if len(word) == 1:
            return None
        if any(form.startswith(initial) for form in _full_forms(word)):
            return "initial"
        return None
    if _full_forms(a) & _full_forms(b):
        return "nickname"
    return None
