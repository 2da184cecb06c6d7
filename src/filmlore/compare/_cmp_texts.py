"""Comparing free text and titles."""

from __future__ import annotations

from typing import Any

from filmlore.compare._context import CompareContext
from filmlore.compare._result import (
    IDENTICAL,
    Comparison,
    Side,
    compatible,
    conflict,
    same,
    unrelated,
)
from filmlore.compare._show import show, text_of
from filmlore.compare._text import (
    TITLE_SEPARATOR,
    TitleInfo,
    key,
    normalize_text,
    number_key,
    similarity,
    title_info,
    title_key,
    token_similarity,
)
from filmlore.values.text import Text

__all__ = ["compare_labels", "compare_texts", "compare_titles"]


def _lang(value: object) -> str | None:
    if isinstance(value, Text) and value.lang:
        return value.lang.split("-")[0].lower()
    return None


def _words(text: str) -> list[str]:
    return key(text).split()


def _subset_side(wa: list[str], wb: list[str]) -> Side | None:
    """The side whose words include all the other's and more, if one does."""
    sa, sb = set(wa), set(wb)
    if sa < sb:
        return "b"
    if sb < sa:
        return "a"
    return None


def compare_texts(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """Free text: the same once normalised; compatible when one says all the other says
    and more; nearly equal (a typo) is the same with a lower score; otherwise a conflict."""
    ta, tb = text_of(a), text_of(b)
    if ta == tb:
        return IDENTICAL
    if normalize_text(ta) == normalize_text(tb):
        return same(f"{show(a)} and {show(b)} are the same text once normalised")
    la, lb = _lang(a), _lang(b)
    if la and lb and la != lb:
        return unrelated(f"{show(a)} and {show(b)} are in different languages ({la}, {lb})")
    ka, kb = key(ta), key(tb)
    if ka == kb:
        return same(f"{show(a)} and {show(b)} differ only in punctuation", 0.98)
    if not ka or not kb:
        return conflict(f"{show(a)} and {show(b)} differ")
    side = _subset_side(ka.split(), kb.split())
    if side is not None:
        more, less = (a, b) if side == "a" else (b, a)
        return compatible(f"{show(more)} says all that {show(less)} says, and more", side, 0.7)
    sim = token_similarity(ka, kb)
    if sim >= 0.9:
        return same(f"{show(a)} and {show(b)} are nearly the same text (similarity {sim:.2f})", sim)
    return conflict(f"{show(a)} and {show(b)} say different things", 0.5 * sim)


def _title_split(longer: TitleInfo, shorter_key: str) -> str | None:
    """``subtitle`` when ``longer`` is the shorter title followed by a subtitle, ``prefix``
    when it is the shorter title after a series title or a possessive, else None."""
    for match in TITLE_SEPARATOR.finditer(longer.main):
        head, tail = longer.main[: match.start()], longer.main[match.end() :]
        if title_key(head) == shorter_key:
            return "subtitle"
        if title_key(tail) == shorter_key:
            return "prefix"
    return None


def _title_parts(info: TitleInfo) -> list[str]:
    return sorted(title_key(p) for p in TITLE_SEPARATOR.split(info.main) if p.strip())


def _same_title(
    a: Any, b: Any, ia: TitleInfo, ib: TitleInfo, reason: str, score: float
) -> Comparison:
    """A same-title verdict, unless the years say these are different works."""
    ya, yb = ia.year, ib.year
    if ya is not None and yb is not None and ya != yb:
        return same(f"{reason}; their years differ by one", 0.85 * score)
    if ya != yb:
        return same(f"{reason}, one with its year", 0.95 * score)
    return same(reason, score)


def compare_titles(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """Titles: the same once normalised, with a trailing article moved back to the front
    (``Heat's On, The``), a year suffix (``Heat (1995)``) set aside and a parenthesised
    alternative title (``Seven (a.k.a. Se7en)``) counted as the same title; a subtitle or
    series title makes the fuller title refine the shorter; a leading article one side
    lacks leaves them compatible; years more than one apart make a conflict."""
    ta, tb = text_of(a), text_of(b)
    if ta == tb:
        return IDENTICAL
    ia, ib = title_info(ta), title_info(tb)
    result = _compare_title_info(a, b, ia, ib)
    ya, yb = ia.year, ib.year
    if result.agrees and ya is not None and yb is not None and abs(ya - yb) > 1:
        return conflict(
            f"{_lower(result.reason)}, but their years ({ya}, {yb}) make them different works",
            0.3 * result.score,
        )
    return result


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1] != "'" else text


def _compare_title_info(a: Any, b: Any, ia: TitleInfo, ib: TitleInfo) -> Comparison:
    ta, tb = text_of(a), text_of(b)
    sa, sb = show(a), show(b)
    if ia.key == ib.key:
        if normalize_text(ta) == normalize_text(tb):
            return same(f"{sa} and {sb} are the same title once normalised")
        return _same_title(
            a, b, ia, ib, f"{sa} and {sb} are the same title", 1.0 if ia.key else 0.9
        )
    if (
        ia.key in ib.alternatives
        or ib.key in ia.alternatives
        or (set(ia.alternatives) & set(ib.alternatives))
    ):
        return _same_title(a, b, ia, ib, f"{sa} and {sb} are titles of the same film", 0.9)
    la, lb = _lang(a), _lang(b)
    if la and lb and la != lb:
        return unrelated(f"{sa} and {sb} are titles in different languages ({la}, {lb})")
    if not ia.key or not ib.key:
        return conflict(f"{sa} and {sb} are different titles")
    if ia.bare_key == ib.bare_key:
        return compatible(
            f"{sa} and {sb} differ only in a leading article, which some sources drop", None, 0.7
        )
    if number_key(ia.key) == number_key(ib.key):
        return _same_title(
            a, b, ia, ib, f"{sa} and {sb} are the same title, numbers or spaces written apart", 0.85
        )
    parts_a, parts_b = _title_parts(ia), _title_parts(ib)
    if len(parts_a) > 1 and parts_a == parts_b:
        return _same_title(a, b, ia, ib, f"{sa} and {sb} are one title in another order", 0.85)
    for longer, shorter, side, fuller, other in ((ia, ib, "a", sa, sb), (ib, ia, "b", sb, sa)):
        split = _title_split(longer, shorter.key)
        if split is not None:
            what = "a subtitle" if split == "subtitle" else "a series title or author"
            return compatible(f"{fuller} is {other} with {what}", side, 0.75)  # type: ignore[arg-type]
    sim = similarity(ia.key, ib.key)
    if sim >= 0.92 and min(len(ia.key), len(ib.key)) >= 8:
        return same(f"{sa} and {sb} are nearly the same title (similarity {sim:.2f})", sim)
    return conflict(f"{sa} and {sb} are different titles", 0.5 * sim)


def compare_labels(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """Codes (a gate, a time of day, an identifier) are the same only when they are written
    the same, spaces at either end aside: ``K7`` and ``K 7`` are two labels."""
    ta, tb = text_of(a).strip(), text_of(b).strip()
    if ta == tb:
        return IDENTICAL
    return conflict(f"{show(a)} and {show(b)} are different labels")
