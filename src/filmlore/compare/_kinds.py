"""The built-in comparators, one per value kind.

Every comparator takes ``(a, b, *, context, tolerance)`` and returns a
:class:`~filmlore.Comparison`; each is symmetric: swapping ``a`` and ``b`` gives the same
verdict with :attr:`~filmlore.Comparison.refines` pointing the other way.
"""

from __future__ import annotations

import datetime
import functools
import math
from decimal import Decimal
from typing import Any

from filmlore.compare._context import CompareContext, Target
from filmlore.compare._names import ParsedName, given_match, parse_name, split_names
from filmlore.compare._quotes import QuoteKind, align, quote_text
from filmlore.compare._result import (
    IDENTICAL,
    Comparison,
    Side,
    Verdict,
    compatible,
    conflict,
    same,
    unrelated,
)
from filmlore.compare._taxonomy import Relation, Taxonomy
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
from filmlore.models import Quote
from filmlore.values.dates import DateInterval, PartialDate, Precision
from filmlore.values.quantities import Duration, Measure, Money, Quantity
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

__all__ = ["BUILTIN", "same_speaker", "show", "term_relation", "text_of"]


def text_of(value: object) -> str:
    """The string inside a text-like value (its printed form for any other value)."""
    if isinstance(value, (str, Text, Quote)):
        return quote_text(value)
    return str(value)


def _lang(value: object) -> str | None:
    if isinstance(value, Text) and value.lang:
        return value.lang.split("-")[0].lower()
    return None


@functools.lru_cache(maxsize=65536)
def _label(value: object) -> str:
    return str(value)


def show(value: object) -> str:
    """A value as a reason names it: text in quotes, other values printed."""
    if isinstance(value, (PartialDate, DateInterval, Measure, EntityRef)):
        return _label(value)
    if isinstance(value, (str, Text, Quote)):
        text = text_of(value)
        if len(text) > 60:
            text = text[:57] + "..."
        return f"'{text}'"
    return str(value)


# --- dates ------------------------------------------------------------------------------------

_OPEN_START = -(10**9)  # before every date, however approximate
_OPEN_END = 10**9  # after every date
# How far an approximate date reaches beyond its span, by precision: about one unit.
_APPROX_DAYS = {Precision.YEAR: 365, Precision.MONTH: 31, Precision.DAY: 7}
_PRECISION_WORD = {Precision.YEAR: "year", Precision.MONTH: "month", Precision.DAY: "day"}


def _as_date(value: object) -> PartialDate | DateInterval:
    if isinstance(value, (PartialDate, DateInterval)):
        return value
    if isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    raise TypeError(f"expected a PartialDate, DateInterval or datetime.date, got {value!r}")


def _date_span(d: PartialDate) -> tuple[int, int]:
    first, last = d.earliest.toordinal(), d.latest.toordinal()
    if d.approximate:
        reach = _APPROX_DAYS[d.precision]
        first, last = first - reach, last + reach
    return first, last


@functools.lru_cache(maxsize=65536)
def effective_span(value: PartialDate | DateInterval) -> tuple[int, int]:
    """The days a date may fall on, as ordinals; an approximate date reaches about one unit
    of its precision further (a year, a month, a week); open ends reach forever."""
    if isinstance(value, PartialDate):
        return _date_span(value)
    first, last = _OPEN_START, _OPEN_END
    if value.start is not None:
        first = _date_span(value.start)[0]
        if value.end is not None:
            first = min(first, _date_span(value.end)[0])
    if value.end is not None:
        last = _date_span(value.end)[1]
        if value.start is not None:
            last = max(last, _date_span(value.start)[1])
    return first, last


@functools.lru_cache(maxsize=65536)
def _flagged(value: PartialDate | DateInterval) -> tuple[bool, bool]:
    parts = [value] if isinstance(value, PartialDate) else [value.start, value.end]
    approximate = any(p is not None and p.approximate for p in parts)
    uncertain = any(p is not None and p.uncertain for p in parts)
    return approximate, uncertain


def _days(n: int) -> str:
    if n >= 365:
        years = round(n / 365.25)
        return f"about {years} year{'s' if years != 1 else ''}"
    if n >= 31:
        months = round(n / 30.44)
        return f"about {months} month{'s' if months != 1 else ''}"
    return f"{n} day{'s' if n != 1 else ''}"


def compare_dates(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """Dates by the days they may fall on: equal spans are the same date, a span inside
    another refines it, overlapping spans are compatible, disjoint ones conflict."""
    da, db = _as_date(a), _as_date(b)
    if da == db:
        return IDENTICAL
    return _compare_dates(da, db)


@functools.lru_cache(maxsize=65536)
def _compare_dates(da: PartialDate | DateInterval, db: PartialDate | DateInterval) -> Comparison:
    sa, sb = effective_span(da), effective_span(db)
    approx_a, uncertain_a = _flagged(da)
    approx_b, uncertain_b = _flagged(db)
    doubt = 0.1 if (uncertain_a or uncertain_b) else 0.0
    if sa == sb:
        score = 1.0 if (approx_a, uncertain_a) == (approx_b, uncertain_b) else 0.9
        return same(f"{show(da)} and {show(db)} cover the same days", score - doubt)
    a_in_b = sb[0] <= sa[0] and sa[1] <= sb[1]
    b_in_a = sa[0] <= sb[0] and sb[1] <= sa[1]
    if a_in_b or b_in_a:
        narrow, wide = (da, db) if a_in_b else (db, da)
        side: Side = "a" if a_in_b else "b"
        detail = "it is the more precise date"
        if isinstance(narrow, PartialDate) and isinstance(wide, PartialDate):
            if narrow.precision > wide.precision:
                detail = (
                    f"the {_PRECISION_WORD[narrow.precision]} refines the "
                    f"{_PRECISION_WORD[wide.precision]}"
                )
            elif wide.approximate and not narrow.approximate:
                detail = f"{show(narrow)} is exact where {show(wide)} is approximate"
        return compatible(f"{show(narrow)} lies within {show(wide)}: {detail}", side, 0.8 - doubt)
    if sa[0] <= sb[1] and sb[0] <= sa[1]:
        overlap = min(sa[1], sb[1]) - max(sa[0], sb[0]) + 1
        union = max(sa[1], sb[1]) - min(sa[0], sb[0]) + 1
        share = overlap / union if union < 10**6 else 0.0
        return compatible(
            f"{show(da)} and {show(db)} overlap, so both can be right",
            None,
            0.5 + 0.3 * share - doubt,
        )
    gap = max(sa[0], sb[0]) - min(sa[1], sb[1])
    closeness = math.exp(-gap / 365.0)
    if (
        isinstance(da, PartialDate)
        and isinstance(db, PartialDate)
        and da.precision == db.precision
        and not (approx_a or approx_b)
    ):
        unit = _PRECISION_WORD[da.precision]
        return conflict(f"{show(da)} and {show(db)} are different {unit}s", 0.4 * closeness)
    return conflict(
        f"{show(da)} and {show(db)} do not overlap: they are {_days(gap)} apart", 0.4 * closeness
    )


# --- quantities -------------------------------------------------------------------------------


def _unit_key(unit: str) -> str:
    words = key(unit).split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _fmt_amount(value: Decimal | float, measure: Measure) -> str:
    if isinstance(measure, Duration):
        minutes = float(value) / 60
        return f"{minutes:.4g} min"
    text = f"{float(value):,.2f}".removesuffix(".00")
    if isinstance(measure, Money):
        return f"{text} {measure.currency}"
    unit = measure.unit if isinstance(measure, Quantity) else ""
    return f"{text} {unit}".strip()


@functools.lru_cache(maxsize=65536)
def _bounds(measure: Measure) -> tuple[Decimal, Decimal | None]:
    return measure.bounds()


@functools.lru_cache(maxsize=65536)
def _fmt_range(measure: Measure) -> str:
    low, high = _bounds(measure)
    if high is None:
        return f"at least {_fmt_amount(low, measure)}"
    if low == high:
        return _fmt_amount(low, measure)
    return f"{_fmt_amount(low, measure)} to {_fmt_amount(high, measure)}"


def _check_tolerance(tolerance: float | None) -> float:
    if tolerance is None:
        return 0.0
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)):
        raise TypeError(f"tolerance must be a number in [0, 1), got {tolerance!r}")
    if not 0 <= tolerance < 1:
        raise ValueError(f"tolerance must be a relative difference in [0, 1), got {tolerance!r}")
    return float(tolerance)


def _numbers(va: float, vb: float, sa: str, sb: str, tolerance: float) -> Comparison:
    """Two exact numbers: the same within the relative tolerance, else a conflict."""
    if va == vb:
        return same(f"{sa} and {sb} are the same amount")
    largest = max(abs(va), abs(vb))
    rel = abs(va - vb) / largest
    pct = f"{rel:.1%}"
    if rel <= tolerance:
        return same(
            f"{sa} and {sb} differ by {pct}, within the tolerance of {tolerance:.0%}",
            1.0 - 0.5 * rel / tolerance,
        )
    beyond = f", more than the tolerance of {tolerance:.0%}" if tolerance else ""
    return conflict(f"{sa} and {sb} differ by {pct}{beyond}", 0.4 * max(0.0, 1.0 - rel / 0.5))


def compare_measures(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """Durations, money and counts by the intervals they stand for, widened by a relative
    ``tolerance``: equal amounts (or within tolerance) are the same, an interval inside
    another refines it, overlapping ones are compatible, disjoint ones conflict."""
    t = _check_tolerance(tolerance)
    if type(a) is not type(b) or not isinstance(a, Measure) or not isinstance(b, Measure):
        return unrelated(f"{show(a)} and {show(b)} measure different things")
    if isinstance(a, Money) and isinstance(b, Money) and a.currency != b.currency:
        if a.amount == 0 and b.amount == 0:
            return same(f"{show(a)} and {show(b)} are both nothing")
        return unrelated(
            f"{show(a)} and {show(b)} are in different currencies ({a.currency}, {b.currency}), "
            "which are not converted"
        )
    if (
        isinstance(a, Quantity)
        and isinstance(b, Quantity)
        and _unit_key(a.unit) != _unit_key(b.unit)
    ):
        return unrelated(f"{show(a)} and {show(b)} count different things ('{a.unit}', '{b.unit}')")
    if a == b:
        return IDENTICAL
    return _compare_measures(a, b, t)


@functools.lru_cache(maxsize=65536)
def _compare_measures(a: Measure, b: Measure, t: float) -> Comparison:
    low_a, high_a = _bounds(a)
    low_b, high_b = _bounds(b)
    la, lb = show(a), show(b)
    if (low_a, high_a) == (low_b, high_b):
        return same(f"{la} and {lb} are the same amount ({_fmt_range(a)})")
    if low_a == high_a and low_b == high_b:
        return _numbers(float(low_a), float(low_b), la, lb, t)
    fa_low, fb_low = float(low_a), float(low_b)
    fa_high = math.inf if high_a is None else float(high_a)
    fb_high = math.inf if high_b is None else float(high_b)
    a_in_b = fb_low * (1 - t) <= fa_low and fa_high <= fb_high * (1 + t)
    b_in_a = fa_low * (1 - t) <= fb_low and fb_high <= fa_high * (1 + t)
    if a_in_b and b_in_a:
        return same(
            f"{la} ({_fmt_range(a)}) and {lb} ({_fmt_range(b)}) cover the same range within "
            f"the tolerance of {t:.0%}",
            0.9,
        )
    if a_in_b or b_in_a:
        narrow, wide = (a, b) if a_in_b else (b, a)
        return compatible(
            f"{show(narrow)} lies within {show(wide)} ({_fmt_range(wide)}): "
            "it is the more precise amount",
            "a" if a_in_b else "b",
            0.8,
        )
    if fa_low * (1 - t) <= fb_high * (1 + t) and fb_low * (1 - t) <= fa_high * (1 + t):
        overlap = min(fa_high, fb_high) - max(fa_low, fb_low)
        union = max(fa_high, fb_high) - min(fa_low, fb_low)
        share = overlap / union if math.isfinite(union) and union > 0 else 0.0
        return compatible(
            f"{la} ({_fmt_range(a)}) and {lb} ({_fmt_range(b)}) overlap, so both can be right",
            None,
            0.5 + 0.3 * max(0.0, share),
        )
    gap_low, gap_high = (fa_high, fb_low) if fa_high < fb_low else (fb_high, fa_low)
    rel = (gap_high - gap_low) / gap_high if gap_high else 1.0
    return conflict(
        f"{la} ({_fmt_range(a)}) and {lb} ({_fmt_range(b)}) do not overlap",
        0.4 * max(0.0, 1.0 - rel / 0.5),
    )


def compare_integers(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """Whole numbers: equal, or within the relative ``tolerance``, are the same."""
    t = _check_tolerance(tolerance)
    if a == b:
        return IDENTICAL
    if a == 0 or b == 0:
        return conflict(f"{a} and {b} differ", 0.0)
    return _numbers(float(a), float(b), str(a), str(b), t)


def compare_booleans(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """True and false: equal or conflicting."""
    if bool(a) == bool(b):
        return IDENTICAL
    return conflict(f"{str(a).lower()} and {str(b).lower()} contradict each other")


# --- references -------------------------------------------------------------------------------


def _describe_target(target: Target, context: CompareContext) -> str:
    return context.name_of(target)


def compare_refs(a: Any, b: Any, *, context: CompareContext, tolerance: float | None) -> Comparison:
    """References to entities: the same once the context's aliases and shared outside ids
    are followed, else different entities; a name given as text resolves through the
    context's names."""
    if isinstance(a, EntityRef) and isinstance(b, EntityRef):
        if a == b:
            return IDENTICAL
        ra, rb = context.resolve_ref(a), context.resolve_ref(b)
        if ra == rb:
            return same(f"{a} and {b} are the same entity, {_describe_target(ra, context)}", 0.95)
        if ra.kind != rb.kind:
            return unrelated(f"{a} is a {ra.kind} and {b} a {rb.kind}")
        return conflict(
            f"{_describe_target(ra, context)} and {_describe_target(rb, context)} are "
            f"different {ra.kind}s"
        )
    if not isinstance(a, EntityRef) and not isinstance(b, EntityRef):
        return compare_names(a, b, context=context, tolerance=tolerance)
    if not isinstance(a, EntityRef):
        return compare_refs(b, a, context=context, tolerance=tolerance).swapped()
    ref = context.resolve_ref(a)
    found = context.resolve(text_of(b))
    if isinstance(found, EntityRef):
        if found == ref:
            return same(f"{show(b)} names {_describe_target(ref, context)}", 0.9)
        if found.kind != ref.kind:
            return unrelated(f"{show(b)} names a {found.kind} and {a} is a {ref.kind}")
        return conflict(
            f"{show(b)} names {_describe_target(found, context)}, not "
            f"{_describe_target(ref, context)}"
        )
    name = context.names.get(ref)
    if name is None and ref.kind in ("person", "character"):
        slug = " ".join(ref.key.replace("_", "-").replace(".", "-").split("-"))
        guess = compare_names(slug, text_of(b), context=context, tolerance=tolerance)
        if guess.agrees:
            return Comparison(
                verdict=guess.verdict,
                score=0.8 * guess.score,
                reason=f"the key of {a} reads '{slug}', and {guess.reason}",
                refines=guess.refines,
            )
    if name is None:
        return unrelated(f"the context does not say who or what {a} is, to compare with {show(b)}")
    result = compare_names(name, text_of(b), context=context, tolerance=tolerance)
    return _restate(result, f"{a} is {name}, and {result.reason}")


def _restate(result: Comparison, reason: str) -> Comparison:
    return Comparison(
        verdict=result.verdict, score=result.score, reason=reason, refines=result.refines
    )


# --- text and titles --------------------------------------------------------------------------


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


# --- names ------------------------------------------------------------------------------------


def _given_relation(ga: tuple[str, ...], gb: tuple[str, ...]) -> str | None:
    """How two lists of given names relate: ``same``, ``nickname``, ``a``/``b`` (that side
    is more complete), ``mixed`` (each more complete somewhere) or None (different)."""
    if ga == gb:
        return "same"
    if not ga or not gb:
        return "a" if ga else "b"
    first = given_match(ga[0], gb[0])
    if first is None:
        return None
    a_more = b_more = False
    nick = first == "nickname"
    if first == "initial":
        a_more, b_more = len(ga[0]) > 1, len(gb[0]) > 1
    i, j = 1, 1
    while i < len(ga) and j < len(gb):
        m = given_match(ga[i], gb[j])
        if m is None:
            return None
        nick = nick or m == "nickname"
        if m == "initial":
            a_more = a_more or len(ga[i]) > 1
            b_more = b_more or len(gb[j]) > 1
        i, j = i + 1, j + 1
    a_more = a_more or i < len(ga)
    b_more = b_more or j < len(gb)
    if a_more and b_more:
        return "mixed"
    if a_more:
        return "a"
    if b_more:
        return "b"
    return "nickname" if nick else "same"


def _titles_note(pa: ParsedName, pb: ParsedName) -> str:
    if pa.titles == pb.titles:
        return ""
    titles = sorted({*pa.titles, *pb.titles} - ({*pa.titles} & {*pb.titles}))
    return f" ('{', '.join(titles)}' is a rank or title, not part of the name)"


@functools.lru_cache(maxsize=65536)
def _name_rules(ta: str, tb: str) -> Comparison:
    """Two single names compared by their parts alone."""
    pa, pb = parse_name(ta), parse_name(tb)
    sa, sb = show(ta), show(tb)
    if not pa.surname or not pb.surname:
        if key(ta) == key(tb):
            return same(f"{sa} and {sb} are the same name once normalised")
        return conflict(f"{sa} and {sb} are different names")
    note = _titles_note(pa, pb)
    if pa.single and pb.single:
        wa, wb = pa.surname[0], pb.surname[0]
        if pa.surname_key == pb.surname_key:
            return same(f"{sa} and {sb} are the same name{note}", 0.95 if note else 1.0)
        if given_match(wa, wb) == "nickname":
            return same(f"{sa} and {sb} are forms of one given name", 0.8)
        return conflict(f"{sa} and {sb} are different names", 0.5 * similarity(wa, wb))
    if pa.single or pb.single:
        single, full, side = (pa, pb, "b") if pa.single else (pb, pa, "a")
        s_text, f_text = (sa, sb) if pa.single else (sb, sa)
        word = single.surname[0]
        if single.surname_key == full.surname_key or word == full.surname[-1]:
            return compatible(f"{s_text} gives only the surname of {f_text}{note}", side, 0.7)  # type: ignore[arg-type]
        if full.given and given_match(word, full.given[0]) in ("equal", "nickname"):
            return compatible(f"{s_text} gives only the given name of {f_text}{note}", side, 0.6)  # type: ignore[arg-type]
        return conflict(f"{sa} and {sb} are different names", 0.3 * similarity(pa.key, pb.key))
    relation = _given_relation(pa.given, pb.given)
    if pa.surname_key == pb.surname_key:
        if relation == "same":
            return same(f"{sa} and {sb} are the same name{note}", 0.95 if note else 1.0)
        if relation == "nickname":
            return same(f"{sa} and {sb} are the same name, one with a short given name{note}", 0.9)
        if relation in ("a", "b"):
            fuller, other = (sa, sb) if relation == "a" else (sb, sa)
            return compatible(f"{other} is a less complete form of {fuller}{note}", relation, 0.8)  # type: ignore[arg-type]
        if relation == "mixed":
            return compatible(
                f"{sa} and {sb} can be the same name, each more complete in part", None, 0.7
            )
        return conflict(f"{sa} and {sb} share the surname but not the given names", 0.3)
    words_a = [w.replace("'", "").replace("-", "") for w in (*pa.given, *pa.surname)]
    words_b = [w.replace("'", "").replace("-", "") for w in (*pb.given, *pb.surname)]
    if sorted(words_a) == sorted(words_b):
        return same(f"{sa} and {sb} are the same names in another order{note}", 0.85)
    if given_match(words_a[0], words_b[0]) in ("equal", "nickname"):
        for longer, shorter, side in ((words_a, words_b, "a"), (words_b, words_a, "b")):
            if len(longer) > len(shorter) and _in_order(shorter[1:], longer[1:]):
                fuller, other = (sa, sb) if side == "a" else (sb, sa)
                return compatible(
                    f"{fuller} has all the names in {other} and more{note}",
                    side,  # type: ignore[arg-type]
                    0.7,
                )
    if relation in ("same", "nickname") and min(len(pa.surname_key), len(pb.surname_key)) >= 5:
        sim = similarity(pa.surname_key, pb.surname_key)
        if sim >= 0.85:
            return same(f"{sa} and {sb} are probably the same name spelt differently", 0.75 * sim)
    return conflict(f"{sa} and {sb} are different names", 0.5 * similarity(pa.key, pb.key))


def _in_order(short: list[str], long: list[str]) -> bool:
    """True when the words of ``short`` occur in ``long`` in the same order."""
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def _canonical_text(target: Target | None, context: CompareContext) -> str | None:
    if target is None:
        return None
    if isinstance(target, EntityRef):
        return context.names.get(target)
    return target


def compare_one_name(ta: str, tb: str, context: CompareContext) -> Comparison:
    """Two single names: through the context first, then by their parts."""
    if ta == tb:
        return IDENTICAL
    if not context.names and not context.aliases:
        return _name_rules(ta, tb)
    ra, rb = context.resolve(ta), context.resolve(tb)
    if isinstance(ra, EntityRef) and isinstance(rb, EntityRef) and ra.kind == rb.kind:
        if ra == rb:
            exact = key(ta) == key(tb)
            return same(
                f"{show(ta)} and {show(tb)} both name {context.name_of(ra)}", 1.0 if exact else 0.9
            )
        return conflict(
            f"{show(ta)} names {context.name_of(ra)} and {show(tb)} names {context.name_of(rb)}",
            0.1,
        )
    if isinstance(ra, EntityRef) and isinstance(rb, EntityRef):  # a person and a character
        return _name_rules(ta, tb)
    if ra is not None and ra == rb:
        return same(f"{show(ta)} and {show(tb)} both stand for {context.name_of(ra)}", 0.9)
    ca, cb = _canonical_text(ra, context), _canonical_text(rb, context)
    na, nb = ca or ta, cb or tb
    result = _name_rules(na, nb)
    if (na, nb) == (ta, tb):
        return result
    via = []
    if ca is not None and ca != ta:
        via.append(f"{show(ta)} is {ca}")
    if cb is not None and cb != tb:
        via.append(f"{show(tb)} is {cb}")
    return _restate(result, f"in this context {' and '.join(via)}, so {result.reason}")


def _orient(la: list[str], lb: list[str]) -> bool:
    """True when the lists should be compared the other way round (for symmetry)."""
    return sorted(map(key, la)) > sorted(map(key, lb))


def _compare_name_lists(
    ta: str, tb: str, la: list[str], lb: list[str], context: CompareContext
) -> Comparison:
    if _orient(la, lb):
        return _compare_name_lists(tb, ta, lb, la, context).swapped()
    pairs = []
    for i, x in enumerate(la):
        for j, y in enumerate(lb):
            c = compare_one_name(x, y, context)
            if c.agrees:
                pairs.append((-c.score, i, j, c))
    pairs.sort(key=lambda p: (p[0], p[1], p[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched: list[Comparison] = []
    for _, i, j, c in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        matched.append(c)
    only_a = [la[i] for i in range(len(la)) if i not in used_a]
    only_b = [lb[j] for j in range(len(lb)) if j not in used_b]
    directions = {c.refines for c in matched if c.verdict is Verdict.COMPATIBLE}
    base = sum(c.score for c in matched) / max(len(la), len(lb))
    if not only_a and not only_b:
        if all(c.verdict is Verdict.SAME for c in matched):
            return same(f"the same {len(matched)} names", base)
        refines = directions.pop() if len(directions) == 1 else None
        return compatible(
            f"the same {len(matched)} people, some named more fully on one side",
            refines,
            0.8 * base,
        )
    if only_a and only_b:
        return conflict(
            f"different people: {show(ta)} has {', '.join(only_a)} where {show(tb)} has "
            f"{', '.join(only_b)}",
            0.5 * base,
        )
    fuller: Side = "a" if only_a else "b"
    (short_text, _short_list), (long_text, long_list) = (
        ((tb, lb), (ta, la)) if fuller == "a" else ((ta, la), (tb, lb))
    )
    missing = only_a or only_b
    refines = fuller if directions <= {fuller, None} else None
    return compatible(
        f"{show(short_text)} names {len(matched)} of the {len(long_list)} people in "
        f"{show(long_text)}: it is less complete, without {', '.join(missing)}",
        refines,
        0.5 + 0.3 * base,
    )


def compare_names(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """People's names, and lists of them: ``De Niro, Robert`` is ``Robert De Niro``;
    ``R. De Niro`` and ``De Niro`` are less complete forms; ``Bob`` is ``Robert``; ranks
    (``Lt.``) are not part of a name; names resolve through the context.  A list that has
    every name of another and more refines it; lists with different people conflict."""
    ta, tb = text_of(a), text_of(b)
    if ta == tb:
        return IDENTICAL
    if normalize_text(ta) == normalize_text(tb):
        return same(f"{show(a)} and {show(b)} are the same once normalised")
    knows = context.knows if (context.names or context.aliases) else None
    la = split_names(ta, knows)
    lb = split_names(tb, knows)
    if len(la) > 1 or len(lb) > 1:
        return _compare_name_lists(ta, tb, la or [ta], lb or [tb], context)
    return compare_one_name(ta, tb, context)


def same_speaker(a: str | EntityRef, b: str | EntityRef, context: CompareContext) -> bool | None:
    """Whether two speakers are one: references through the context (an actor counts as
    the character they play), names by :func:`compare_names`; None when it cannot tell."""
    ra = context.resolve(a)
    rb = context.resolve(b)
    if isinstance(ra, EntityRef) and isinstance(rb, EntityRef):
        if ra == rb:
            return True
        if ra.kind == rb.kind:
            return False
        person, character = (ra, rb) if ra.kind == "person" else (rb, ra)
        return person in context.played_by.get(character, ())
    ta = _canonical_text(ra, context) if isinstance(a, EntityRef) else a
    tb = _canonical_text(rb, context) if isinstance(b, EntityRef) else b
    if ta is None or tb is None:
        return None
    return compare_one_name(ta, tb, context).agrees


# --- places and categories --------------------------------------------------------------------


def _place_path(text: str, places: Taxonomy) -> list[str]:
    """A place as a path of known or written names, broadest first."""
    if text in places:
        return list(places.path(text))
    parts = [p.strip() for p in text.split(",") if p.strip()]
    components: list[str] = []
    i = 0
    while i < len(parts):
        j = len(parts)
        while j > i + 1 and ", ".join(parts[i:j]) not in places:
            j -= 1
        components.append(", ".join(parts[i:j]))
        i = j
    components.reverse()  # broadest first
    if not components:
        return []
    path = list(places.path(components[0])) or [components[0]]
    for component in components[1:]:
        path.append(places.canonical(component) or component)
    return path


def compare_places(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """Places as paths from the broadest part: ``Minneapolis, Minnesota, USA`` refines
    ``USA``; ``USA``, ``U.S.`` and ``United States`` are one; different places at the same
    level conflict; unknown places with no known relation conflict with a low score."""
    ta, tb = text_of(a), text_of(b)
    if ta == tb:
        return IDENTICAL
    places = context.places
    pa, pb = _place_path(ta, places), _place_path(tb, places)
    ka, kb = [key(x) for x in pa], [key(x) for x in pb]
    if not ka or not kb:
        return conflict(f"{show(a)} and {show(b)} name no place that can be compared")
    # a path whose broadest part is unknown is aligned where that part occurs in the other
    if ka[0] not in kb and kb[0] in ka and kb[0] not in places:
        ka = ka[ka.index(kb[0]) :]
    elif kb[0] not in ka and ka[0] in kb and ka[0] not in places:
        kb = kb[kb.index(ka[0]) :]
    if ka == kb:
        return same(f"{show(a)} and {show(b)} are the same place")
    k = 0
    while k < min(len(ka), len(kb)) and ka[k] == kb[k]:
        k += 1
    if k == len(kb):
        return compatible(f"{show(a)} lies within {show(b)}", "a", 0.8)
    if k == len(ka):
        return compatible(f"{show(b)} lies within {show(a)}", "b", 0.8)
    xa = pa[len(pa) - len(ka) + k]
    xb = pb[len(pb) - len(kb) + k]
    if xa in places and xb in places:
        within = f" within {pa[len(pa) - len(ka) + k - 1]}" if k else ""
        return conflict(
            f"{show(a)} and {show(b)} are different places ({xa} and {xb}{within})",
            0.3 if k else 0.1,
        )
    return conflict(f"nothing known relates {show(a)} to {show(b)}", 0.1)


_STOPWORDS = frozenset(
    ["a", "an", "the", "in", "on", "at", "of", "for", "to", "with", "together", "same"]
)
_NEGATIONS = frozenset(["non", "not", "no", "un", "anti", "without"])


def term_relation(a: str, b: str, taxonomy: Taxonomy) -> Relation:
    """How term ``a`` stands to ``b``: by the taxonomy, else by their words -- a term with
    all the other's words and more is narrower (``speaking scene`` < ``scene``)."""
    relation = taxonomy.relation(a, b)
    if relation != "unknown":
        return relation
    wa = {w for w in key(a).split() if w not in _STOPWORDS}
    wb = {w for w in key(b).split() if w not in _STOPWORDS}
    if not wa or not wb or (wa | wb) & _NEGATIONS:
        return "same" if wa == wb and key(a) == key(b) else "unknown"
    if wa == wb:
        return "same"
    if wb < wa:
        return "narrower"
    if wa < wb:
        return "broader"
    return "unknown"


def compare_categories(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """Terms of a taxonomy: a narrower term refines a broader one (``Delta Force`` refines
    ``military``); terms in different branches conflict (``police`` and ``military``);
    terms the taxonomy does not relate conflict with a low score, unless one has all the
    other's words and more."""
    ta, tb = text_of(a), text_of(b)
    if ta == tb:
        return IDENTICAL
    if key(ta) == key(tb):
        return same(f"{show(a)} and {show(b)} are the same term")
    taxonomy = context.taxonomy
    relation = taxonomy.relation(ta, tb)
    if relation == "same":
        return same(f"{show(a)} and {show(b)} are one term in the taxonomy", 0.95)
    if relation in ("narrower", "broader"):
        narrow, wide = (a, b) if relation == "narrower" else (b, a)
        return compatible(
            f"{show(narrow)} is a kind of {show(wide)} in the taxonomy",
            "a" if relation == "narrower" else "b",
            0.8,
        )
    if relation == "disjoint":
        steps = taxonomy.distance(ta, tb)
        if steps is None:
            return conflict(f"{show(a)} and {show(b)} are unrelated terms of the taxonomy", 0.05)
        return conflict(
            f"{show(a)} and {show(b)} are different branches of the taxonomy", 0.6 / steps
        )
    words = term_relation(ta, tb, Taxonomy())
    if words in ("narrower", "broader"):
        narrow, wide = (a, b) if words == "narrower" else (b, a)
        return compatible(
            f"{show(narrow)} narrows {show(wide)} with more words",
            "a" if words == "narrower" else "b",
            0.6,
        )
    known = [show(x) for x in (a, b) if text_of(x) in taxonomy]
    what = f"the taxonomy knows only {known[0]}" if known else "the taxonomy knows neither"
    return conflict(f"{show(a)} and {show(b)} differ and {what}", 0.1)


# --- quotes -----------------------------------------------------------------------------------


def compare_quote_values(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """Renderings of a quote: the same words are the same; a truncated or elided rendering
    is compatible with the fuller one, which refines it; a paraphrase or a different line
    conflicts, since a quotation claims exact words."""
    ta, tb = text_of(a), text_of(b)
    if ta == tb:
        return IDENTICAL
    al = align(ta, tb)
    n_a, n_b = len(al.ref_tokens), len(al.cand_tokens)
    if n_a < n_b or (n_a == n_b and normalize_text(ta) > normalize_text(tb)):
        return compare_quote_values(b, a, context=context, tolerance=tolerance).swapped()
    from filmlore.compare._quotes import _reason

    reason = _reason(al)
    kind = al.kind
    if kind is QuoteKind.EXACT:
        return same(f"{show(a)} and {show(b)} have the same words", 1.0)
    if kind in (QuoteKind.TRUNCATED, QuoteKind.ELIDED):
        shorter = show(b)
        text = reason.replace("the candidate", shorter, 1)
        if al.framed:
            return compatible(text, None, 0.5 + 0.3 * al.similarity)
        return compatible(text, "a", 0.5 + 0.4 * al.similarity)
    if kind is QuoteKind.EXTENDED:  # only for equal token counts, which cannot happen
        return compatible(reason.replace("the candidate", show(b), 1), "b", 0.8)
    text = reason.replace("the candidate", show(b), 1)
    return conflict(text, 0.5 * al.similarity)


def compare_fallback(
    a: Any, b: Any, *, context: CompareContext, tolerance: float | None
) -> Comparison:
    """For kinds with no comparator: text compares as text, anything else by equality."""
    if isinstance(a, (str, Text)) and isinstance(b, (str, Text)):
        return compare_texts(a, b, context=context, tolerance=tolerance)
    if a == b:
        return IDENTICAL
    return conflict(f"{show(a)} and {show(b)} differ (no comparator is registered for them)")


#: The comparator of every built-in kind.
BUILTIN = {
    "date": compare_dates,
    "duration": compare_measures,
    "money": compare_measures,
    "quantity": compare_measures,
    "integer": compare_integers,
    "boolean": compare_booleans,
    "ref": compare_refs,
    "text": compare_texts,
    "assessment": compare_texts,
    "title": compare_titles,
    "name": compare_names,
    "place": compare_places,
    "category": compare_categories,
    "quote": compare_quote_values,
}
