"""The dossier folder of ``docs/explanation/dossier-format.md``.

Reading: ``dossier.yaml`` (every key optional), then for each list -- properties first, so
that claims can use them -- the files ``<list>/*.yaml``, ``*.yml`` or ``*.json`` in file-name
order, each a list of records appended after ``dossier.yaml``'s (a claims file may
instead be a mapping that states ``source`` and a default ``subject`` once, with the list
under ``claims``); the hierarchy's links from
``hierarchy.csv`` (``child,parent``), after ``dossier.yaml``'s; then the text of each
source ``source:KEY`` from ``sources/KEY.txt`` (UTF-8, byte for byte).  A source with both a
``text`` and a text file, a text file without its source, and any other file or folder (but
hidden ones and ``README*``) are problems: nothing in the folder is silently ignored.

Writing: ``dossier.yaml`` with everything but the hierarchy and the sources' texts, which
go to ``hierarchy.csv`` and ``sources/KEY.txt``.  The folder must not exist or be empty.
"""

from __future__ import annotations

import os
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from filmlore.dossier import Dossier
from filmlore.errors import LoadError
from filmlore.io._csv import dumps_hierarchy_csv, read_hierarchy_csv
from filmlore.io._json import PARSE_FAILED, parse_json
from filmlore.io._reader import COLLECTIONS, Collector
from filmlore.io._writer import dossier_data
from filmlore.io._yaml import dumps_yaml, read_yaml
from filmlore.models import HierarchyLink, Source

__all__ = ["DOSSIER_FILE", "HIERARCHY_FILE", "dump_folder", "read_folder", "read_hierarchy"]

DOSSIER_FILE = "dossier.yaml"
HIERARCHY_FILE = "hierarchy.csv"
_RECORD_SUFFIXES = (".yaml", ".yml", ".json")
#: The lists that may have a folder of their own (the hierarchy is a table, hierarchy.csv).
_LIST_FOLDERS = tuple(name for name in COLLECTIONS if name != "hierarchy")


def _ignored(name: str) -> bool:
    return name.startswith(".") or name.upper().startswith("README")


def _read_list(path: Path, name: str, collector: Collector) -> None:
    """One file of a list folder: a list of records."""
    label = str(path)
    raw = path.read_bytes()
    data: Any
    if path.suffix == ".json":
        data = parse_json(raw, collector, label)
        if data is PARSE_FAILED:
            return
    else:
        data = read_yaml(raw, collector, label)
        if data is None and label not in collector.locators:
            return  # a syntax error, noted
    if name == "claims" and data.__class__ is dict:
        _read_claims_file(data, collector, label)
        return
    collector.many(name, data, (), label)


#: What a claims file written as a mapping may say once for all its claims.
CLAIM_DEFAULTS = ("source", "subject")


def _read_claims_file(data: dict[str, Any], collector: Collector, label: str) -> None:
    """A claims file written as a mapping: ``source`` and ``subject`` stated once, for
    every claim under ``claims`` that does not state its own."""
    for key in data:
        if key not in (*CLAIM_DEFAULTS, "claims"):
            collector.problem(
                data[key],
                (str(key),),
                f"unknown key {key!r}: a claims file is a list of claims, or a mapping with "
                f"{', '.join(CLAIM_DEFAULTS)} (said once for every claim) and claims (the list)",
                label,
            )
    defaults = {key: data[key] for key in CLAIM_DEFAULTS if key in data}
    items = data.get("claims")
    if items.__class__ is list and defaults:
        items = [{**defaults, **item} if item.__class__ is dict else item for item in items]
    collector.many("claims", items, ("claims",), label)


def read_folder(root: Path, collector: Collector) -> None:
    """Read the dossier folder ``root`` into ``collector``."""
    label = str(root)
    dossier_file = root / DOSSIER_FILE
    head: Any = None
    if dossier_file.is_file():
        head = read_yaml(dossier_file.read_bytes(), collector, str(dossier_file))
    elif (root / "dossier.yml").is_file():
        dossier_file = root / "dossier.yml"
        head = read_yaml(dossier_file.read_bytes(), collector, str(dossier_file))
    hierarchy_file = root / HIERARCHY_FILE
    for entry in sorted(os.listdir(root)):
        path = root / entry
        if _ignored(entry) or path == dossier_file:
            continue
        if path == hierarchy_file and path.is_file():
            continue
        if not (path.is_dir() and entry in _LIST_FOLDERS):
            collector.problem(
                None,
                (),
                f"unexpected {'folder' if path.is_dir() else 'file'} {entry!r} in the dossier "
                f"folder: it holds {DOSSIER_FILE}, {HIERARCHY_FILE} and folders named after "
                f"the lists ({', '.join(_LIST_FOLDERS)})",
                label,
            )
    file = str(dossier_file)
    if isinstance(head, dict) and "properties" in head:
        head = dict(head)
        collector.many("properties", head.pop("properties"), ("properties",), file)
    _read_folder_lists(root, "properties", collector)
    if head is not None:
        collector.mapping(head, file)
    if hierarchy_file.is_file():
        _read_hierarchy_file(hierarchy_file, collector)
    for name in _LIST_FOLDERS:
        if name != "properties":
            _read_folder_lists(root, name, collector)
    _attach_texts(root / "sources", collector)


def _read_hierarchy_file(path: Path, collector: Collector) -> None:
    with open(path, encoding="utf-8-sig", newline="") as f:
        try:
            read_hierarchy_csv(f, collector, str(path))
        except UnicodeDecodeError as exc:
            collector.problem(None, (), f"not UTF-8 text: {exc.reason}", str(path))


def read_hierarchy(path: str | PathLike[str]) -> list[HierarchyLink]:
    """The links of a ``child,parent`` table (a dossier folder's ``hierarchy.csv``, or one
    of its own); a row that is not a link is a :class:`~filmlore.LoadError` naming the
    file, the line and the column."""
    collector = Collector()
    try:
        _read_hierarchy_file(Path(path), collector)
    except OSError as exc:
        collector.problem(None, (), f"cannot read the file: {exc.strerror or exc}", str(path))
    if collector.pending:
        raise LoadError(collector.problems(), source=str(path))
    return list(collector.lists["hierarchy"])


def _read_folder_lists(root: Path, name: str, collector: Collector) -> None:
    folder = root / name
    if not folder.is_dir():
        return
    for entry in sorted(os.listdir(folder)):
        path = folder / entry
        if _ignored(entry):
            continue
        if name == "sources" and entry.endswith(".txt") and path.is_file():
            continue
        if path.is_file() and path.suffix in _RECORD_SUFFIXES:
            _read_list(path, name, collector)
        else:
            collector.problem(
                None,
                (),
                f"unexpected {'folder' if path.is_dir() else 'file'} {entry!r}: {name}/ holds "
                "lists of records in .yaml, .yml or .json files"
                + (", and sources' texts in KEY.txt files" if name == "sources" else ""),
                str(folder),
            )


def _attach_texts(folder: Path, collector: Collector) -> None:
    if not folder.is_dir():
        return
    texts = {
        entry[: -len(".txt")]: folder / entry
        for entry in sorted(os.listdir(folder))
        if entry.endswith(".txt") and not _ignored(entry) and (folder / entry).is_file()
    }
    if not texts:
        return
    sources: list[Source] = collector.lists["sources"]
    used: set[str] = set()
    for index, source in enumerate(sources):
        path = texts.get(source.id.key)
        if path is None:
            continue
        used.add(source.id.key)
        if source.text is not None:
            collector.problem(
                None,
                (),
                f"{source.id} has a text in its record and in {path.name}: keep one",
                str(path),
            )
            continue
        with open(path, encoding="utf-8", newline="") as f:
            try:
                text = f.read()
            except UnicodeDecodeError as exc:
                collector.problem(None, (), f"not UTF-8 text: {exc.reason}", str(path))
                continue
        sources[index] = attrs.evolve(source, text=text)
    for key, path in texts.items():
        if key not in used:
            collector.problem(
                None,
                (),
                f"{path.name} is the text of source:{key}, but there is no such source",
                str(path),
            )


def dump_folder(dossier: Dossier, root: Path) -> None:
    """Write ``dossier`` as a dossier folder at ``root`` (which must not exist or be empty)."""
    if root.exists():
        if not root.is_dir():
            raise FileExistsError(f"{root} exists and is not a folder")
        if any(root.iterdir()):
            raise FileExistsError(
                f"{root} is not empty: a dossier folder is written into a new or empty folder "
                "(its files would otherwise be read back with the new ones)"
            )
    shared = _ids_sharing_a_text(dossier)
    if shared:
        raise ValueError(
            f"cannot write a dossier folder: {', '.join(shared)} is the id of more than one "
            "source, and a folder keeps one sources/KEY.txt per id; give each source its own id "
            "(filmlore.validate reports duplicate ids)"
        )
    root.mkdir(parents=True, exist_ok=True)
    texts = {s.id.key: s.text for s in dossier.sources if s.text is not None}
    if texts:
        dossier = attrs.evolve(
            dossier, sources=[attrs.evolve(s, text=None) for s in dossier.sources]
        )
    links = dossier.hierarchy
    if links:
        dossier = attrs.evolve(dossier, hierarchy=())
    (root / DOSSIER_FILE).write_text(dumps_yaml(dossier_data(dossier)), encoding="utf-8")
    if links:
        with open(root / HIERARCHY_FILE, "w", encoding="utf-8", newline="") as f:
            f.write(dumps_hierarchy_csv(links))
    if texts:
        (root / "sources").mkdir()
        for key, text in texts.items():
            with open(root / "sources" / f"{key}.txt", "w", encoding="utf-8", newline="") as f:
                f.write(text)


def _ids_sharing_a_text(dossier: Dossier) -> list[str]:
    """Ids of sources that share their id with another source while one of them has a text."""
    seen: dict[object, int] = {}
    texted: set[object] = set()
    for source in dossier.sources:
        seen[source.id] = seen.get(source.id, 0) + 1
        if source.text is not None:
            texted.add(source.id)
    return [str(ref) for ref, count in seen.items() if count > 1 and ref in texted]
