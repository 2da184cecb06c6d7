"""Writing a dossier by hand: a folder to start from, and sources stored with their text.

:func:`new_dossier` lays out a dossier folder for one film; :func:`add_source` stores a web
page's or a file's text under ``sources/`` and registers the source, with a claims file
ready for its claims; :func:`~filmlore.find_excerpt` finds a claim's words in that text.
The command line's ``filmlore new``, ``add-source`` and ``excerpt`` call them.
"""

from __future__ import annotations

from filmlore.authoring._add import AddedSource, add_source
from filmlore.authoring._new import new_dossier
from filmlore.authoring._pages import Page, page_text, read_page

__all__ = ["AddedSource", "Page", "add_source", "new_dossier", "page_text", "read_page"]
