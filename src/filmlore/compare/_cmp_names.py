"""Comparing people's names and lists of them; and whether two speakers are one."""

from __future__ import annotations

import functools
from typing import Any

from filmlore.compare._context import CompareContext, Target
from filmlore.compare._names import ParsedName, given_match, parse_name, partial_list, split_names
from filmlore.compare._result import (
    IDENTICAL,
    Comparison,
    Side,
    Verdict,
    compatible,
    conflict,
    same,
)
from filmlore.compare._show import show, text_of
from filmlore.compare._text import key, normalize_text, similarity
from filmlore.values.refs import EntityRef

__all__ = ["compare_names", "compare_one_name", "same_speaker"]


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


def _restate(result: Comparison, reason: str) -> Comparison:
    return Comparison(
        verdict=result.verdict, score=result.score, reason=reason, refines=result.refines
    )


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


def _people(n: int) -> str:
    return "name" if n == 1 else f"{n} names"


def _compare_name_lists(
    ta: str, tb: str, la: list[str], lb: list[str], context: CompareContext
) -> Comparison:
    if _orient(la, lb) or (_orient(lb, la) is False and la == lb and ta > tb):
        return _compare_name_lists(tb, ta, lb, la, context).swapped()
    partial_a, partial_b = partial_list(ta)[1], partial_list(tb)[1]
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
        if partial_a != partial_b:
            fuller_side: Side = "b" if partial_a else "a"
            marked = show(ta) if partial_a else show(tb)
            return compatible(
                f"the same {_people(len(matched))}, but {marked} marks its list as partial "
                "('et al.'): the other may be the whole list",
                fuller_side,
                0.8 * base,
            )
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
    if (fuller == "a" and partial_a and not partial_b) or (
        fuller == "b" and partial_b and not partial_a
    ):
        # the longer list is marked partial and the shorter complete: the shorter leaves out
        # people the longer names, so it cannot be the whole list either
        return conflict(
            f"{show(tb if fuller == 'a' else ta)} is given as the whole list but leaves out "
            f"{', '.join(only_a or only_b)}",
            0.4 * base,
        )
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
    (``Lt.``) are not part of a name; names resolve through the context.  Lists compare as
    sets of people, whatever their order or format: a list that has every name of another
    and more refines it, and a list marked partial ("Ullman et al.") is refined by any
    list that has its names; lists with different people conflict."""
    ta, tb = text_of(a), text_of(b)
    if ta == tb:
        return IDENTICAL
    if normalize_text(ta) == normalize_text(tb):
        return same(f"{show(a)} and {show(b)} are the same once normalised")
    knows = context.knows if (context.names or context.aliases) else None
    la = split_names(ta, knows)
    lb = split_names(tb, knows)
    if len(la) > 1 or len(lb) > 1 or partial_list(ta)[1] or partial_list(tb)[1]:
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
