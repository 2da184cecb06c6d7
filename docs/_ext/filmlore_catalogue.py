"""A Sphinx extension: ``.. filmlore-catalogue::`` is replaced by the catalogue of filmlore's
properties, value kinds, source kinds and credit roles, written from the registries at
build time (the text comes from :func:`catalogue_page.catalogue_page`)."""

from __future__ import annotations

from typing import Any

from catalogue_page import catalogue_page
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

__all__ = ["CatalogueDirective", "setup"]


class CatalogueDirective(SphinxDirective):
    """The catalogue, parsed in place (its sections nest under the page's title)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        """The catalogue's nodes."""
        # Read the page again at every build: the registry may have changed, not the page.
        self.env.note_reread()
        text = catalogue_page()
        source = "<filmlore catalogue>"
        content = StringList(text.splitlines(), source=source)
        holder = nodes.section()
        holder.document = self.state.document
        nested_parse_with_titles(self.state, content, holder)
        return list(holder.children)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``filmlore-catalogue`` directive."""
    app.add_directive("filmlore-catalogue", CatalogueDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
