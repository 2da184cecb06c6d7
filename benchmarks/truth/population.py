"""Pasternack & Roth's Wikipedia city populations (COLING 2010).

``population-new-new.txt`` has 4,183 claims ``city_year<TAB>contributor<TAB>value<TAB>year``
from 2,415 editors; ``population-new.txt`` has 50,239.  ``population-gd.txt`` gives 308
gold city-years as ``city, state, year, population`` (277 of them have claims in the small
file).  Values are whole numbers; an answer is *exact* when it equals the gold number and
*within 1%* when it is no further than 1% of the gold number from it.

A contributor is written ``contributor #<user id>: <name>``, or ``contributor #0 (<IP
address>)`` for an edit made without logging in: the data itself says which editors are
anonymous, and :func:`editor_kind` turns that into a source kind ("anonymous" or
"registered"), so that each group's accuracy is learned apart -- an editor seen once is
trusted like the others of its group.  Nothing else about a contributor is used: no
names, no gold.
"""

from __future__ import annotations

from pathlib import Path

from ._common import DATA, TruthSet

FILES = {"small": "population-new-new.txt", "large": "population-new.txt"}


def _judge(predicted: object, gold: object) -> tuple[bool, bool]:
    p, g = int(predicted), int(gold)  # type: ignore[call-overload]
    return p == g, abs(p - g) <= 0.01 * abs(g)


def editor_kind(contributor: str) -> str:
    """The kind of an editor: anonymous (user #0, named by its IP address) or registered."""
    return "anonymous" if contributor.startswith("contributor #0 ") else "registered"


def load(size: str = "small", folder: Path | None = None) -> TruthSet:
    """The population claims (``size`` "small": 4,183 claims; "large": 50,239) and gold."""
    root = (folder or DATA) / "population"
    objects: list[str] = []
    sources: list[str] = []
    values: list[int] = []
    with (root / FILES[size]).open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                continue
            obj, source, value, _year = parts
            objects.append(obj.strip())
            sources.append(source.strip())
            values.append(int(value))
    gold: dict[str, int] = {}
    with (root / "population-gd.txt").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            place, year, number = (p.strip() for p in line.rsplit(",", 2))
            gold[f"{place}_{year}"] = int(number)
    return TruthSet(
        name=f"population ({size})",
        objects=objects,
        sources=sources,
        values=values,
        gold=gold,
        judge=_judge,
        lenient_name="within 1%",
        kind="integer",
        source_kinds={s: editor_kind(s) for s in set(sources)},
    )
