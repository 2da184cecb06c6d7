"""Synthetic claims with known truth, one data set per regime that reconciliation must get right.

Each regime draws claims from a seeded random generator (the same claims every run), as a
film database or a set of web pages would make them, and keeps the truth for every object:

``independent``
    twelve sources of accuracy 0.55-0.95 answering a one-valued question about 400 objects;
    wrong values are drawn from a few popular mistakes, so that errors collide, as they do
    in real data.
``few_sources``
    three to four sources per object, some seen only a handful of times.
``copiers``
    eight independent sources (accuracy 0.7-0.9) and a poor source (0.55) with five mirrors
    that copy it nineteen times in twenty: a family that outnumbers the truth.
``popular_copies``
    the other way round: an accurate feed (0.95) mirrored by six sites, a mediocre feed
    (0.65) mirrored by four, and weak independent sources that lean on the mediocre one --
    the shape of the flight data.
``hierarchy``
    birthplaces in a place tree (continent > country > region > city); a right source names
    the city, or -- with a probability of its own -- only the region or the country; a wrong
    one names another city (often a neighbour).
``partial_lists``
    author lists of one to four people; sources write them in different formats and
    orders, shorten them ("Ullman et al."), drop a name, or add a wrong one.
``hedged``
    runtimes in minutes: sources give the exact runtime (or one a minute off), a hedged
    amount ("nearly 3 hours"), or a wrong runtime.

Scoring follows each regime's truth: the exact value (the same set of people for a list,
the runtime within its 3% tolerance and not hedged), and *true* -- what the answer's
confidence is checked against -- for a vaguer answer that contains the truth (a region or
country of the right city).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from filmlore import CompareContext, Duration, Taxonomy, Text, Verdict, compare

from ._common import TruthSet

__all__ = ["REGIMES", "load"]


def _accuracies(rng: random.Random, n: int, low: float, high: float) -> list[float]:
    return [rng.uniform(low, high) for _ in range(n)]


def _mistake(rng: random.Random, truth: int, pool: int) -> int:
    """A wrong value: one of a few popular mistakes near the truth, else any other value."""
    if rng.random() < 0.6:
        return truth + rng.choice((1, -1, 10))
    while True:
        value = rng.randrange(pool)
        if value != truth:
            return value


def _flat(
    name: str,
    rng: random.Random,
    accuracy: list[float],
    coverage: Callable[[int], float],
    n_objects: int,
    copies: dict[int, tuple[int, float]] | None = None,
) -> TruthSet:
    """Objects with an integer truth; source ``s`` answers with probability
    ``coverage(s)`` and is right with probability ``accuracy[s]``; ``copies`` maps a copier
    to (the source it copies, how often it copies rather than answers itself)."""
    objects: list[str] = []
    sources: list[str] = []
    values: list[Any] = []
    gold: dict[str, Any] = {}
    copies = copies or {}
    for o in range(n_objects):
        obj = f"{name}:{o}"
        truth = rng.randrange(1000)
        gold[obj] = truth
        said: dict[int, int] = {}
        order = sorted(range(len(accuracy)), key=lambda s: s in copies)
        for s in order:
            if s in copies and copies[s][0] in said and rng.random() < copies[s][1]:
                said[s] = said[copies[s][0]]
            elif rng.random() < coverage(s):
                said[s] = truth if rng.random() < accuracy[s] else _mistake(rng, truth, 1000)
        for s, value in said.items():
            objects.append(obj)
            sources.append(f"s{s}")
            values.append(value)
    return TruthSet(
        name=f"synthetic {name}",
        objects=objects,
        sources=sources,
        values=values,
        gold=gold,
        judge=lambda p, g: (p == g, None),
        kind="integer",
    )


def independent(seed: int = 0) -> TruthSet:
    """Twelve independent sources of mixed accuracy."""
    rng = random.Random(seed)
    acc = _accuracies(rng, 12, 0.55, 0.95)
    return _flat("independent", rng, acc, lambda s: 0.5, 400)


def few_sources(seed: int = 1) -> TruthSet:
    """Three or four sources an object, some of them rare."""
    rng = random.Random(seed)
    acc = _accuracies(rng, 30, 0.55, 0.95)
    weights = [rng.choice((0.02, 0.05, 0.2)) for _ in acc]
    return _flat("few_sources", rng, acc, lambda s: weights[s], 600)


def copiers(seed: int = 2) -> TruthSet:
    """Eight independent sources and a poor one with five near-perfect mirrors."""
    rng = random.Random(seed)
    acc = _accuracies(rng, 8, 0.7, 0.9) + [0.55] * 6
    copy = dict.fromkeys(range(9, 14), (8, 0.95))
    return _flat("copiers", rng, acc, lambda s: 0.7, 400, copy)


def popular_copies(seed: int = 3) -> TruthSet:
    """An accurate feed with six mirrors, a mediocre one with four, weak sources leaning on
    the mediocre feed."""
    rng = random.Random(seed)
    acc = [0.95] * 7 + [0.65] * 5 + _accuracies(rng, 6, 0.5, 0.75)
    copy = dict.fromkeys(range(1, 7), (0, 0.98))
    copy.update(dict.fromkeys(range(8, 12), (7, 0.98)))
    copy.update(dict.fromkeys(range(12, 18), (7, 0.3)))
    return _flat("popular_copies", rng, acc, lambda s: 0.8, 400, copy)


def _place_tree(rng: random.Random) -> tuple[Taxonomy, list[str], dict[str, list[str]]]:
    """A place tree: 4 continents, 20 countries, 80 regions, 400 cities."""
    pairs: list[tuple[str, str]] = []
    cities: list[str] = []
    path: dict[str, list[str]] = {}
    for c in range(4):
        continent = f"Continent {c}"
        for k in range(5):
            country = f"Country {c}-{k}"
            pairs.append((country, continent))
            for r in range(4):
                region = f"Region {c}-{k}-{r}"
                pairs.append((region, country))
                for t in range(5):
                    city = f"City {c}-{k}-{r}-{t}"
                    pairs.append((city, region))
                    cities.append(city)
                    path[city] = [city, region, country, continent]
    del rng
    return Taxonomy.from_pairs(pairs), cities, path


def hierarchy(seed: int = 4) -> TruthSet:
    """Birthplaces in a place tree, named at the city, region or country."""
    rng = random.Random(seed)
    tree, cities, path = _place_tree(rng)
    n_sources = 25
    acc = _accuracies(rng, n_sources, 0.55, 0.95)
    vague = [rng.choice((0.05, 0.3, 0.7)) for _ in range(n_sources)]
    objects: list[str] = []
    sources: list[str] = []
    values: list[Any] = []
    gold: dict[str, Any] = {}
    for o in range(500):
        obj = f"person:{o}"
        city = rng.choice(cities)
        gold[obj] = tuple(path[city])
        for s in rng.sample(range(n_sources), rng.randint(2, 6)):
            if rng.random() < acc[s]:
                level = 0
                if rng.random() < vague[s]:
                    level = rng.choice((1, 2))
                value = path[city][level]
            else:
                region_mates = [c for c in cities if path[c][1] == path[city][1] and c != city]
                other = rng.choice(region_mates) if rng.random() < 0.5 else rng.choice(cities)
                value = other if other != city else rng.choice(cities)
            objects.append(obj)
            sources.append(f"site{s}")
            values.append(value)

    def judge(p: object, g: object) -> tuple[bool, bool]:
        assert isinstance(g, tuple)
        return p == g[0], p in g

    return TruthSet(
        name="synthetic hierarchy",
        objects=objects,
        sources=sources,
        values=values,
        gold=gold,
        judge=judge,
        lenient_name="generalised",
        kind="place",
        context=CompareContext(places=tree),
        calibrate_on="lenient",
    )


_GIVEN = ["Jeffrey", "Jennifer", "Hector", "Michael", "Ann", "Lisa", "Ravi", "Chen", "Maria"]
_FAMILY = ["Ullman", "Widom", "Garcia", "Stonebraker", "Codd", "Gray", "Date", "Kumar", "Rossi"]


def _written(people: list[tuple[str, str]], rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0:
        return "; ".join(f"{f}, {g}" for g, f in people)
    if style == 1:
        return ", ".join(f"{g} {f}" for g, f in people[:-1]) + (
            f" and {people[-1][0]} {people[-1][1]}"
            if len(people) > 1
            else f"{people[0][0]} {people[0][1]}"
        )
    return " & ".join(f"{g[0]}. {f}" if rng.random() < 0.3 else f"{g} {f}" for g, f in people)


def partial_lists(seed: int = 5) -> TruthSet:
    """Author lists written in many ways, shortened, missing or adding a name."""
    rng = random.Random(seed)
    n_sources = 20
    acc = _accuracies(rng, n_sources, 0.55, 0.95)
    lazy = [rng.choice((0.0, 0.2, 0.5)) for _ in range(n_sources)]
    objects: list[str] = []
    sources: list[str] = []
    values: list[Any] = []
    gold: dict[str, Any] = {}
    for o in range(300):
        obj = f"book:{o}"
        k = rng.choice((1, 2, 2, 3, 4))
        people = [(rng.choice(_GIVEN), f) for f in rng.sample(_FAMILY, k)]
        gold[obj] = frozenset(f for _, f in people)
        for s in rng.sample(range(n_sources), rng.randint(2, 7)):
            shown = list(people)
            if k > 1 and rng.random() < lazy[s]:
                text = _written(shown[:1], rng) + " et al."
            else:
                if rng.random() > acc[s]:
                    if k > 1 and rng.random() < 0.5:
                        shown.pop(rng.randrange(k))
                    else:
                        extra = rng.choice([f for f in _FAMILY if f not in gold[obj]])
                        shown.insert(rng.randrange(k + 1), (rng.choice(_GIVEN), extra))
                rng.shuffle(shown)
                text = _written(shown, rng)
            objects.append(obj)
            sources.append(f"shop{s}")
            values.append(Text(text))

    def judge(p: object, g: object) -> tuple[bool, None]:
        text = p.text if isinstance(p, Text) else str(p)
        if "et al" in text:
            return False, None
        found = {f for f in _FAMILY if f in text}
        return found == g, None

    return TruthSet(
        name="synthetic partial_lists",
        objects=objects,
        sources=sources,
        values=values,
        gold=gold,
        judge=judge,
        kind="name",
    )


def hedged(seed: int = 6) -> TruthSet:
    """Runtimes given exactly, hedged ("nearly 3 hours") or wrong."""
    rng = random.Random(seed)
    n_sources = 15
    acc = _accuracies(rng, n_sources, 0.6, 0.95)
    hedging = [rng.choice((0.0, 0.2, 0.6)) for _ in range(n_sources)]
    objects: list[str] = []
    sources: list[str] = []
    values: list[Any] = []
    gold: dict[str, Any] = {}
    for o in range(400):
        obj = f"film:{o}"
        minutes = rng.randint(85, 185)
        gold[obj] = minutes
        for s in rng.sample(range(n_sources), rng.randint(2, 6)):
            if rng.random() < acc[s]:
                if rng.random() < hedging[s]:
                    hours = (minutes + 29) // 60 if minutes % 60 >= 30 else minutes // 60
                    text = (
                        f"nearly {hours} hours"
                        if minutes < hours * 60
                        else f"over {minutes // 60} hours"
                    )
                else:
                    text = f"{minutes + rng.choice((0, 0, 0, 1, -1))} min"
            else:
                text = f"{_mistake(rng, minutes, 200) % 60 + 80} min"
            objects.append(obj)
            sources.append(f"db{s}")
            values.append(Duration.parse(text))

    def judge(p: object, g: object) -> tuple[bool, None]:
        exact = Duration.parse(f"{g} min")
        ok = (
            isinstance(p, Duration)
            and p.hedge.value == "exact"
            and (compare(p, exact, kind="duration", tolerance=0.03).verdict is Verdict.SAME)
        )
        return ok, None

    return TruthSet(
        name="synthetic hedged",
        objects=objects,
        sources=sources,
        values=values,
        gold=gold,
        judge=judge,
        kind="duration",
        tolerance=0.03,
    )


#: Every regime, by name.
REGIMES: dict[str, Callable[[], TruthSet]] = {
    "independent": independent,
    "few_sources": few_sources,
    "copiers": copiers,
    "popular_copies": popular_copies,
    "hierarchy": hierarchy,
    "partial_lists": partial_lists,
    "hedged": hedged,
}


def load(regime: str) -> TruthSet:
    """The synthetic data set of one regime."""
    return REGIMES[regime]()
