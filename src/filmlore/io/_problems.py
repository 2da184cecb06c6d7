"""Turning structuring failures into ``message @ $.path`` problems.

cattrs' detailed validation raises exception groups whose exceptions carry notes naming the
attribute or index they failed at; :func:`flatten` walks them into ``(path, message)`` pairs
with messages that say what was expected and what came, never a raw traceback.
"""

from __future__ import annotations

import re
from typing import Any

from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from filmlore.errors import FieldError, ParseError
from filmlore.io._hooks import Invalid, InvalidGroup, describe

__all__ = ["Path", "flatten", "format_path"]

Path = tuple[str | int, ...]
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def format_path(path: Path) -> str:
    """``$.claims[12].value`` from ``("claims", 12, "value")``.

    >>> format_path(("claims", 12, "qualifiers", "in scene"))
    '$.claims[12].qualifiers["in scene"]'
    """
    parts = ["$"]
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif _IDENT.fullmatch(part):
            parts.append(f".{part}")
        else:
            escaped = part.replace("\\", "\\\\").replace('"', '\\"')
            parts.append(f'["{escaped}"]')
    return "".join(parts)


def _field_names(cls: Any) -> str:
    import attrs

    try:
        return ", ".join(a.name for a in attrs.fields(cls) if a.init)
    except TypeError:
        return ""


def _note(exc: BaseException) -> AttributeValidationNote | IterableValidationNote | None:
    for note in reversed(getattr(exc, "__notes__", ())):
        if isinstance(note, (AttributeValidationNote, IterableValidationNote)):
            return note
    return None


def flatten(exc: BaseException, path: Path = ()) -> list[tuple[Path, str]]:
    """Every problem in ``exc`` (an exception group from cattrs, or one of our errors)."""
    if isinstance(exc, Invalid):
        return [(path + exc.path, exc.message)]
    if isinstance(exc, InvalidGroup):
        return [(path + e.path, e.message) for e in exc.errors]
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        out: list[tuple[Path, str]] = []
        for inner in exc.exceptions:
            note = _note(inner)
            if isinstance(note, AttributeValidationNote):
                sub = (*path, note.name)
                if type(inner) is KeyError and inner.args == (note.name,):
                    out.append((sub, f"missing required key {note.name!r}"))
                else:
                    out.extend(flatten(inner, sub))
            elif isinstance(note, IterableValidationNote):
                out.extend(flatten(inner, (*path, note.index)))
            elif isinstance(inner, ForbiddenExtraKeysError):
                known = _field_names(inner.cl)
                for key in sorted(map(str, inner.extra_fields)):
                    out.append(
                        ((*path, key), f"unknown key {key!r}: a {inner.cl.__name__} takes {known}")
                    )
            elif isinstance(inner, FieldError):
                # Raised by the model's constructor, after every field was read: the field's
                # own rule (a reference of the wrong kind, an empty name, a post-init check).
                out.append(((*path, inner.field), _field_message(inner)))
            else:
                out.extend(flatten(inner, path))
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        known = _field_names(exc.cl)
        return [
            ((*path, key), f"unknown key {key!r}: a {exc.cl.__name__} takes {known}")
            for key in sorted(map(str, exc.extra_fields))
        ]
    if isinstance(exc, FieldError):
        return [(path, _field_message(exc))]
    if isinstance(exc, ParseError):
        return [(path, str(exc))]
    if isinstance(exc, KeyError) and len(exc.args) == 1:
        return [((*path, str(exc.args[0])), f"missing required key {exc.args[0]!r}")]
    return [(path, f"could not read this value ({type(exc).__name__}: {exc})")]


def _field_message(exc: FieldError) -> str:
    return f"expected {exc.expected}, got {describe(exc.got)}"
