"""Jung, Kim & Shim's world-heritage locations (EDBT 2019).

``claims.csv`` (obj, src, value): 4,424 claims from 1,577 web sites about where 785 world
heritage sites are; a value names a place at any level ("Shahrak District", "Ghur
Province", "Afghanistan").  ``hierarchy.csv`` (ID, name, parentID) is the place tree;
``groundtruths.csv`` gives each site's full place path, most specific first.

An answer is *exact* when it is the gold path's first (most specific) place, and
*generalised* when it is any place on the gold path.  A coarser place is compatible with a
finer one below it: :func:`place_tree` builds the :class:`filmlore.Taxonomy` that says so.
Some names label two nodes of the tree; a name's ancestors are those of every node it
labels.
"""

from __future__ import annotations

import csv
from pathlib import Path

from filmlore import CompareContext, HierarchyError, Taxonomy

from ._common import DATA, TruthSet


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ancestors(folder: Path | None = None) -> dict[str, frozenset[str]]:
    """Each place name's ancestor names (excluding itself and the tree's root)."""
    rows = _read((folder or DATA) / "heritages" / "hierarchy.csv")
    name = {r["ID"]: r["name"] for r in rows}
    parent = {r["ID"]: r["parentID"] for r in rows}
    found: dict[str, set[str]] = {}
    for node in name:
        seen: set[str] = set()
        up = parent.get(node)
        while up in name and name[up] != "Root" and name[up] not in seen:
            seen.add(name[up])
            up = parent.get(up)
        found.setdefault(name[node], set()).update(seen)
    return {k: frozenset(v - {k}) for k, v in found.items()}


def place_tree(folder: Path | None = None) -> Taxonomy:
    """The place hierarchy as a :class:`filmlore.Taxonomy`: every (name, parent name) link
    of the tree, a name under several parents kept under each (links that would close a
    cycle -- the tree has a few -- are left out)."""
    rows = _read((folder or DATA) / "heritages" / "hierarchy.csv")
    name = {r["ID"]: r["name"] for r in rows}
    tree = Taxonomy()
    for r in rows:
        up = name.get(r["parentID"])
        if up is None or up == "Root" or up == r["name"]:
            tree.add_term(r["name"])
            continue
        try:
            tree.add(up, r["name"])
        except HierarchyError:  # a link that would close a cycle
            tree.add_term(r["name"])
    return tree


def _judge(predicted: object, gold: object) -> tuple[bool, bool]:
    path = gold  # a tuple of names, most specific first
    assert isinstance(path, tuple)
    return predicted == path[0], predicted in path


def load(folder: Path | None = None) -> TruthSet:
    """The heritage-site claims, gold paths and the ancestor relation."""
    root = (folder or DATA) / "heritages"
    claims = _read(root / "claims.csv")
    gold = {
        r["obj"]: tuple(p for p in r["value"].split(",")) for r in _read(root / "groundtruths.csv")
    }
    return TruthSet(
        name="heritages",
        objects=[r["obj"] for r in claims],
        sources=[r["src"] for r in claims],
        values=[r["value"] for r in claims],
        gold=gold,
        judge=_judge,
        lenient_name="generalised",
        kind="place",
        context=CompareContext(places=place_tree(folder)),
        calibrate_on="lenient",
        notes=["values are place names; a coarser place on the gold path counts as generalised"],
    )
