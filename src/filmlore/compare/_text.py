"""Text normalisation for comparison: Unicode, typography, case, diacritics and spelling.

Normalised text is a *key* for comparing, never text to show: ``normalize_text`` folds
British spellings to American ones and may over-fold rare words (``promise`` becomes
``promize``); both sides of a comparison are folded alike, so nothing is lost.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import attrs
from rapidfuzz import fuzz

from filmlore.values.numbers import NUMBER_WORDS

__all__ = [
    "TitleInfo",
    "key",
    "normalize_text",
    "number_key",
    "similarity",
    "title_info",
    "title_key",
    "title_parts",
]

# Typographic characters NFKC leaves alone, mapped to their plain forms.
_TYPOGRAPHY = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "ʼ": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "⁃": "-",
        "…": "...",
    }
)
# Letters that no Unicode decomposition splits, folded by hand (after case folding).
_LETTERS = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)

# British → American spelling.  Whole words first, then word stems, then suffix rules.
_SPELLING_WORDS: dict[str, str] = {
    "grey": "gray",
    "greys": "grays",
    "programme": "program",
    "programmes": "programs",
    "catalogue": "catalog",
    "catalogues": "catalogs",
    "jewellery": "jewelry",
    "aluminium": "aluminum",
    "mould": "mold",
    "moulds": "molds",
    "plough": "plow",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "scepticism": "skepticism",
    "ageing": "aging",
    "judgement": "judgment",
    "judgements": "judgments",
    "acknowledgement": "acknowledgment",
    "defence": "defense",
    "defences": "defenses",
    "offence": "offense",
    "offences": "offenses",
    "licence": "license",
    "licences": "licenses",
    "pretence": "pretense",
    "centred": "centered",
    "fuelled": "fueled",
    "fuelling": "fueling",
    "dialled": "dialed",
    "dialling": "dialing",
    "tyre": "tire",
    "tyres": "tires",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "manoeuvred": "maneuvered",
    "encyclopaedia": "encyclopedia",
    "paediatric": "pediatric",
    "anaesthetic": "anesthetic",
    "foetus": "fetus",
}
# Words starting with one of these take the American stem: armoured → armored.
_OUR_STEMS = (
    "armour",
    "ardour",
    "behaviour",
    "candour",
    "clamour",
    "colour",
    "endeavour",
    "favour",
    "fervour",
    "flavour",
    "harbour",
    "honour",
    "humour",
    "labour",
    "neighbour",
    "odour",
    "parlour",
    "rancour",
    "rigour",
    "rumour",
    "saviour",
    "savour",
    "splendour",
    "succour",
    "tumour",
    "valour",
    "vapour",
    "vigour",
)
_RE_STEMS = (
    "calibre",
    "centimetre",
    "centre",
    "fibre",
    "goitre",
    "kilometre",
    "lacklustre",
    "litre",
    "lustre",
    "meagre",
    "metre",
    "millimetre",
    "mitre",
    "ochre",
    "sabre",
    "saltpetre",
    "sceptre",
    "sepulchre",
    "sombre",
    "spectre",
    "theatre",
)
_ISE_RE = re.compile(r"([a-z]{2,})is(e|es|ed|ing|ation|ations|er|ers|able)")
_YSE_RE = re.compile(r"([a-z]+)ys(e|es|ed|ing|er|ers)")
_LL_RE = re.compile(r"([a-z]{2,}[aeiou])ll(ed|ing|er|ers)")
_WORD_RE = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=16384)
def _americanize(word: str) -> str:
    """The American spelling of one lower-case ASCII word (the word itself if none)."""
    found = _SPELLING_WORDS.get(word)
    if found is not None:
        return found
    for stem in _OUR_STEMS:
        if word.startswith(stem):
            return stem[:-2] + "r" + word[len(stem) :]
    for stem in _RE_STEMS:
        if word.startswith(stem):
            rest = word[len(stem) :]
            american = stem[:-2] + "er"
            return american + ("ed" if rest == "d" else rest)
    match = _ISE_RE.fullmatch(word) or _YSE_RE.fullmatch(word)
    if match is not None:
        middle = "iz" if match.re is _ISE_RE else "yz"
        return match.group(1) + middle + match.group(2)
    match = _LL_RE.fullmatch(word)
    if match is not None:
        return match.group(1) + "l" + match.group(2)
    return word


def _fold_once(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY).casefold().translate(_LETTERS)
    s = "".join(
        ch
        for ch in unicodedata.normalize("NFKD", s)
        if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
    )
    s = " ".join(unicodedata.normalize("NFC", s).split())
    return _WORD_RE.sub(lambda m: _americanize(m.group()), s)


@functools.lru_cache(maxsize=65536)
def normalize_text(text: str) -> str:
    """Text folded for comparison: Unicode, typography, case, diacritics, spacing, spelling.

    The steps: Unicode compatibility forms (NFKC: no-break spaces, ligatures, ``…`` as
    ``...``); curly quotes to straight ones and every dash to ``-``; case folding; accents
    dropped (``é`` → ``e``); invisible format characters dropped; runs of whitespace to
    one space, trimmed; British spellings to American ones (``armoured`` → ``armored``,
    ``humanising`` → ``humanizing``, ``centre`` → ``center``, ``unravelling`` →
    ``unraveling``).  The result is a key for comparing, not text to show.  It is
    idempotent: ``normalize_text(normalize_text(s)) == normalize_text(s)``.

    >>> normalize_text("  Don’t  let\u00a0yourself — ARMOURED Café ")
    "don't let yourself - armored cafe"
    >>> normalize_text("realised") == normalize_text("realized")
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize_text needs a str, got {text!r}")
    result = _fold_once(text)
    for _ in range(4):  # rare characters need another pass to settle
        again = _fold_once(result)
        if again == result:
            break
        result = again
    return result


_ABBREVIATION_MARKS = re.compile(r"['.]")
_PUNCTUATION = re.compile(r"[^\w\s]|_")


@functools.lru_cache(maxsize=65536)
def key(text: str) -> str:
    """:func:`normalize_text` without punctuation, for matching names, titles and terms.

    Dots and apostrophes vanish (``U.S.`` → ``us``, ``Heat's`` → ``heats``), ``&`` reads
    ``and``, and other punctuation separates words (``on-screen`` → ``on screen``).

    >>> key("The Heat’s On:  U.S. Cut")
    'the heats on us cut'
    """
    s = normalize_text(text).replace("&", " and ")
    s = _ABBREVIATION_MARKS.sub("", s)
    return " ".join(_PUNCTUATION.sub(" ", s).split())


_YEAR_SUFFIX = re.compile(r"\s*\((\d{4})(?:\s*-\s*\d{0,4})?\)\s*$")
_ALTERNATIVE = re.compile(r"\s*\((?:a\.?k\.?a\.?\s+)?([^()]+)\)\s*$")
_ARTICLE_SUFFIX = re.compile(
    r"^(?P<rest>.+?),\s*(?P<article>the|a|an|le|la|les|l'|il|lo|gli|el|los|las|der|die|das"
    r"|den|det|het|de)$"
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")
_TITLE_WORDS = {
    "ii": "2",
    "iii": "3",
    "iv": "4",
    "v": "5",
    "vi": "6",
    "vii": "7",
    "viii": "8",
    "ix": "9",
    "x": "10",
    "dr": "doctor",
    "mr": "mister",
    "st": "saint",
    "vs": "versus",
    "pt": "part",
    "vol": "volume",
}
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
#: Where a title splits into a series title and a subtitle, or a possessive and the rest.
TITLE_SEPARATOR = re.compile(r":\s*|\s+-\s+|'s\s+")


def _front_article(s: str) -> str:
    article = _ARTICLE_SUFFIX.match(s)
    if article is None:
        return s
    word = article.group("article")
    return word + ("" if word.endswith("'") else " ") + article.group("rest")


@functools.lru_cache(maxsize=65536)
def number_key(text_key: str) -> str:
    """A key with number words from one to a hundred written as digits (``sixty`` → ``60``,
    ``twenty five`` → ``25``), and no spaces: ``Gone in Sixty Seconds`` → ``gonein60seconds``.
    """
    words = text_key.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in _TENS_WORDS:
            value = _TENS_WORDS[w]
            if (
                i + 1 < len(words)
                and words[i + 1] in _UNIT_WORDS
                and _UNIT_WORDS[words[i + 1]] < 10
            ):
                value += _UNIT_WORDS[words[i + 1]]
                i += 1
            out.append(str(value))
        elif w in _UNIT_WORDS:
            out.append(str(_UNIT_WORDS[w]))
        else:
            out.append(w)
        i += 1
    return "".join(out)


_UNIT_WORDS = {w: n for w, n in NUMBER_WORDS.items() if 0 < n < 20}
_TENS_WORDS = {w: n for w, n in NUMBER_WORDS.items() if n >= 20}
_TENS_WORDS["hundred"] = 100


@functools.lru_cache(maxsize=65536)
def title_key(text: str) -> str:
    """The matching key of a title without year or alternatives: :func:`key`, with Roman
    numerals II to X as digits, a few abbreviations spelt out (``Dr.`` → ``doctor``), and
    digits apart from letters (``Alien3`` → ``alien 3``)."""
    words = key(_LETTER_DIGIT.sub(" ", _front_article(normalize_text(text)))).split()
    return " ".join(_TITLE_WORDS.get(w, w) for w in words)


@attrs.frozen(slots=True)
class TitleInfo:
    """A title read for comparison: its main form, alternatives, key and year."""

    main: str  # normalised, article in front, without year and alternatives
    key: str
    alternatives: tuple[str, ...]  # keys of "(a.k.a. …)" / "(Original Title)" parts
    year: int | None

    @property
    def bare_key(self) -> str:
        """The key without a leading English article."""
        return _LEADING_ARTICLE.sub("", self.key)


@functools.lru_cache(maxsize=32768)
def title_info(text: str) -> TitleInfo:
    """Read a title as databases write it.

    A trailing ``(1995)`` is the year; a trailing parenthesised part before it is another
    title of the same film (MovieLens: ``Seven (a.k.a. Se7en) (1995)``, ``Boot, Das (Boat,
    The) (1981)``); a trailing article moves to the front (``Heat's On, The``).

    >>> title_info("Dark Knight, The (2008)")
    TitleInfo(main='the dark knight', key='the dark knight', alternatives=(), year=2008)
    >>> title_info("Boot, Das (Boat, The) (1981)").alternatives
    ('the boat',)
    """
    s = normalize_text(text)
    year: int | None = None
    match = _YEAR_SUFFIX.search(s)
    if match is not None and match.start() > 0:
        year = int(match.group(1))
        s = s[: match.start()]
    alternatives: list[str] = []
    while True:
        alt = _ALTERNATIVE.search(s)
        if alt is None or alt.start() == 0:
            break
        alt_key = title_key(alt.group(1))
        if alt_key:
            alternatives.insert(0, alt_key)
        s = s[: alt.start()]
    main = _front_article(s.strip())
    return TitleInfo(main=main, key=title_key(main), alternatives=tuple(alternatives), year=year)


def title_parts(text: str) -> tuple[str, int | None]:
    """A title's matching key and the year it carries, if any.

    >>> title_parts("Heat (1995)"), title_parts("Heat\u00a0")
    (('heat', 1995), ('heat', None))
    """
    info = title_info(text)
    return info.key, info.year


def similarity(a: str, b: str) -> float:
    """How alike two (already normalised) strings are, from 0 to 1 (rapidfuzz's ratio).

    Callers use it only after cheap exact checks failed.
    """
    if a == b:
        return 1.0
    return float(fuzz.ratio(a, b)) / 100.0


def token_similarity(a: str, b: str) -> float:
    """Word-order-insensitive likeness of two normalised strings, from 0 to 1."""
    if a == b:
        return 1.0
    return float(fuzz.token_sort_ratio(a, b)) / 100.0
