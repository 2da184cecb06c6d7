"""The importers, by format name, and how a path's format is recognised."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

from filmlore.importers._context import ImportContext

__all__ = ["Importer"]

#: An importer's reading: the input's path (a file or a folder) into a context, one step a
#: record (so that a stream hands records out as they come).
Read = Callable[[Path, ImportContext, Any], Iterator[None]]


@attrs.frozen(kw_only=True)
class Importer:
    """One importer: its format name, what it reads, how it recognises its input."""

    #: The ``format=`` name.
    name: str
    #: What it reads, for messages and the docs.
    description: str
    #: Reads a path into a context; the third argument is the table mapping (``table``
    #: only; None for the others).
    read: Read
    #: True when a path is, beyond doubt, this importer's input (for inferring the format).
    recognises: Callable[[Path], bool]
    #: True when the importer reads a folder of files as well as single files.
    folders: bool = False
    #: True when the importer needs a mapping (``table``).
    needs_mapping: bool = False
