"""From models to the serialised form: the inverse of :mod:`filmlore.io._reader`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from filmlore.dossier import Dossier, DossierOrigin
from filmlore.io._converters import converters
from filmlore.io._reader import COLLECTIONS, MODEL_COLLECTION
from filmlore.io._values import value_out
from filmlore.models import Claim, Film
from filmlore.properties import Property, PropertyRegistry
from filmlore.values.kinds import ValueKind, get_kind

__all__ = ["RecordWriter", "as_dossier", "dossier_data", "jsonl_records"]

_SINGULAR = {
    "properties": "property",
    "hierarchy": "hierarchy_link",
    "films": "film",
    "people": "person",
    "characters": "character",
    "credits": "credit",
    "scenes": "scene",
    "quotes": "quote",
    "sources": "source",
    "claims": "claim",
}


def as_dossier(obj: Any) -> Dossier:
    """``obj`` if it is a Dossier, else a Dossier of the entities (and properties and
    hierarchy links) it yields."""
    if isinstance(obj, Dossier):
        return obj
    if isinstance(obj, (str, bytes)) or not isinstance(obj, Iterable):
        raise TypeError(
            f"can only dump a Dossier or an iterable of entities, not {type(obj).__name__}"
        )
    lists: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}
    for item in obj:
        name = MODEL_COLLECTION.get(type(item))
        if name is None:
            raise TypeError(f"cannot dump {type(item).__name__} {item!r}: not an entity")
        lists[name].append(item)
    return Dossier(**lists)  # type: ignore[arg-type]


class RecordWriter:
    """Unstructures records; claims' values by the kind of their property in ``registry``."""

    def __init__(self, registry: PropertyRegistry) -> None:
        self.registry = registry
        self.records = converters()[2].records
        self._kinds: dict[str, ValueKind | None] = {}

    def kind(self, name: str) -> ValueKind | None:
        """The kind of property ``name``'s values, or None when the property is unknown."""
        try:
            return self._kinds[name]
        except KeyError:
            prop = self.registry.find(name)
            kind = None if prop is None else get_kind(prop.kind)
            self._kinds[name] = kind
            return kind

    def __call__(self, obj: Any) -> dict[str, Any]:
        data: dict[str, Any] = self.records[type(obj)](obj)
        if type(obj) is Claim:
            data["value"] = value_out(obj.value, self.kind(obj.property))
        return data

    def many(self, name: str, items: Iterable[Any]) -> list[dict[str, Any]]:
        """The records of collection ``name``."""
        fn = self.records[COLLECTIONS[name]]
        if name != "claims":
            return [fn(item) for item in items]
        out = []
        kind = self.kind
        for claim in items:
            data = fn(claim)
            data["value"] = value_out(claim.value, kind(claim.property))
            out.append(data)
        return out


def dossier_data(dossier: Dossier) -> dict[str, Any]:
    """The serialised form of a whole dossier: a mapping without empty keys."""
    write = RecordWriter(dossier.registry)
    data: dict[str, Any] = {}
    if dossier.title is not None:
        data["title"] = dossier.title
    if dossier.description is not None:
        data["description"] = dossier.description
    if dossier.origin is DossierOrigin.DATA_SET:
        data["origin"] = dossier.origin.value
    for name in COLLECTIONS:
        items = getattr(dossier, name)
        if items:
            data[name] = write.many(name, items)
    return data


def _bundles(dossier: Dossier) -> list[dict[str, list[Any]]] | None:
    """Each film's characters, credits, scenes, quotes and claims about it, if writing them
    film by film keeps the order of every list; None otherwise."""
    # Keyed by the films' keys: a str hashes faster than an EntityRef.
    order = {film.id.key: i for i, film in enumerate(dossier.films)}
    if len(order) != len(dossier.films):
        return None
    groups: list[dict[str, list[Any]]] = [{} for _ in dossier.films]
    for name in ("characters", "credits", "scenes", "quotes", "claims"):
        last = -1
        current: list[Any] = []
        for item in getattr(dossier, name):
            film = item.subject if name == "claims" else item.film
            position = order.get(film.key, -1) if film.kind == "film" else -1
            if position < last or position < 0:
                return None
            if position != last:
                current = groups[position][name] = []
                last = position
            current.append(item)
    return groups


def jsonl_records(dossier: Dossier) -> Iterator[dict[str, Any]]:
    """The lines of a dossier in JSON Lines.

    A ``{"dossier": {title, description}}`` line if it has either, then one tagged line per
    property, hierarchy link, person and source, then one line per film with what belongs
    to it --
    ``{"film": {...}, "characters": [...], "credits": [...], "scenes": [...], "quotes": [...],
    "claims": [...]}`` -- when that keeps the dossier's order; otherwise one tagged line per
    record (``{"credit": {...}}``).
    """
    write = RecordWriter(dossier.registry)
    header = {
        k: getattr(dossier, k) for k in ("title", "description") if getattr(dossier, k) is not None
    }
    if dossier.origin is DossierOrigin.DATA_SET:
        header["origin"] = dossier.origin.value
    if header:
        yield {"dossier": header}
    bundles = _bundles(dossier)
    if bundles is None:
        for name in COLLECTIONS:
            tag = _SINGULAR[name]
            for item in getattr(dossier, name):
                yield {tag: write(item)}
        return
    for name in ("properties", "hierarchy", "people", "sources"):
        tag = _SINGULAR[name]
        for item in getattr(dossier, name):
            yield {tag: write(item)}
    film_out = write.records[Film]
    for film, group in zip(dossier.films, bundles, strict=True):
        line: dict[str, Any] = {"film": film_out(film)}
        for name, items in group.items():
            line[name] = write.many(name, items)
        yield line


def property_data(prop: Property) -> dict[str, Any]:
    """The serialised form of one property."""
    data: dict[str, Any] = converters()[2].records[Property](prop)
    return data
