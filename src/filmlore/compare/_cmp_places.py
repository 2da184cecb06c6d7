"""Comparing places as paths from their broadest part."""

from __future__ import annotations

from typing import Any

from filmlore.compare._context import CompareContext
from filmlore.compare._result import IDENTICAL, Comparison, compatible, conflict, same
from filmlore.compare._show import show, text_of
from filmlore.compare._taxonomy import Taxonomy
from filmlore.compare._text import key

__all__ = ["compare_places"]


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
    """Places by the place hierarchy (:attr:`CompareContext.places
    <filmlore.CompareContext.places>`), else as paths from the broadest part: ``Minneapolis,
    Minnesota, USA`` refines ``USA``; ``USA``, ``U.S.`` and ``United States`` are one; a
    place under several broader places refines each of them; different places at the same
    level conflict; unknown places with no known relation conflict with a low score."""
    ta, tb = text_of(a), text_of(b)
    if ta == tb:
        return IDENTICAL
    places = context.places
    if ta in places and tb in places:
        relation = places.relation(ta, tb)
        if relation == "same":
            return same(f"{show(a)} and {show(b)} are the same place")
        if relation == "narrower":
            return compatible(f"{show(a)} lies within {show(b)}", "a", 0.8)
        if relation == "broader":
            return compatible(f"{show(b)} lies within {show(a)}", "b", 0.8)
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
