"""Sphinx configuration for the filmlore documentation."""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE / "_ext"))

import filmlore  # noqa: E402

project = "filmlore"
author = "The filmlore developers"
copyright = "2026, The filmlore developers"
release = filmlore.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "myst_parser",
    "filmlore_catalogue",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
root_doc = "index"

html_theme = "furo"
html_title = "filmlore"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
autoclass_content = "class"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Offline builds (CI has no network) fall back to the small inventories kept in
# docs/_inventories/, which list the outside names these pages link to.
_INV = HERE / "_inventories"
_OFFLINE = os.environ.get("FILMLORE_DOCS_OFFLINE", "1") == "1"


def _inventory(url: str, name: str) -> tuple[str, str | None]:
    return (url, str(_INV / f"{name}.inv") if _OFFLINE else None)


intersphinx_mapping = {
    "python": _inventory("https://docs.python.org/3", "python"),
    "attrs": _inventory("https://www.attrs.org/en/stable", "attrs"),
    "cattrs": _inventory("https://catt.rs/en/stable", "cattrs"),
}
intersphinx_timeout = 5

doctest_global_setup = """
import datetime
from decimal import Decimal
import filmlore
from filmlore import *
from filmlore.testing import *
"""
