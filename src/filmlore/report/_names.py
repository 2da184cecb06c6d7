"""Readable names for entity references and values, through a dossier when there is one."""

from __future__ import annotations

from typing import Any

from filmlore.dossier import Dossier
from filmlore.models import Quote, Source
from filmlore.values.refs import EntityRef

__all__ = ["describe_source", "name_of", "value_text"]

_NOUNS = {"press": "press report", "database": "database record", "other": "source"}


def name_of(dossier: Dossier | None, ref: EntityRef | None) -> str:
    """The name or title of the entity ``ref`` names, else the reference itself."""
    if ref is None:
        return "—"
    entity = dossier.get(ref) if dossier is not None else None
    if entity is not None:
        for attribute in ("name", "title"):
            value = getattr(entity, attribute, None)
            if value is not None:
                return str(value)
        if isinstance(entity, Source) and entity.publisher:
            return entity.publisher
        if isinstance(entity, Quote):
            words = entity.text if len(entity.text) <= 48 else entity.text[:47].rstrip() + "…"
            return f"“{words}”"
    return str(ref)


def value_text(dossier: Dossier | None, value: Any) -> str:
    """A value as a person reads it: references by the name of what they name."""
    if isinstance(value, EntityRef):
        named = name_of(dossier, value)
        return named if named != str(value) else str(value)
    return str(value)


def describe_source(dossier: Dossier | None, ref: EntityRef) -> str:
    """A one-line description of a source: who, what, where, when -- as much as is known."""
    source = dossier.get(ref) if dossier is not None else None
    if not isinstance(source, Source):
        return str(ref)
    parts: list[str] = []
    if source.authors:
        parts.append(", ".join(source.authors))
    kind = source.kind.value
    parts.append(f"“{source.title}”" if source.title else f"an untitled {_NOUNS.get(kind, kind)}")
    if source.publisher:
        parts.append(source.publisher)
    if source.published is not None:
        parts.append(str(source.published))
    return ", ".join(parts) + (f" ({kind})" if source.title else "")
