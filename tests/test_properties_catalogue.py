"""The property catalogue in the docs: written from the registries, complete, valid text."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmlore import (
    SOURCE_PRIORS,
    Cardinality,
    Property,
    PropertyRegistry,
    RoleKind,
    SourceKind,
)
from filmlore.properties import registry
from filmlore.values.kinds import kinds
from filmlore.values.refs import ENTITY_KINDS

EXT = Path(__file__).resolve().parent.parent / "docs" / "_ext"


def _load(name: str) -> ModuleType:
    path = EXT / f"{name}.py"
    assert path.exists(), f"the docs extension is read from {path}; copy docs/_ext with tests"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


catalogue = _load("catalogue_page")


def _entries(text: str) -> dict[str, str]:
    """Each property's entry on the page (its name, description and facts), by name."""
    parts = re.split(r"^\.\. _property-([a-z0-9_]+):$", text, flags=re.MULTILINE)
    return {
        name: "\n\n".join(body.strip("\n").split("\n\n")[:2])
        for name, body in zip(parts[1::2], parts[2::2], strict=True)
    }


def _section(text: str, title: str) -> str:
    start = text.index(f"\n{title}\n")
    following = re.search(r"\n[^\n]+\n-{3,}\n", text[start + len(title) + 2 :])
    end = start + len(title) + 2 + following.start() if following else len(text)
    return text[start:end]


def test_every_registered_property_has_an_entry_with_its_facts() -> None:
    """Each built-in property has an entry naming its kind, cardinality, Wikidata id,
    inverse, aliases, subjects and description -- and nothing else has one."""
    text = catalogue.catalogue_page()
    entries = _entries(text)
    assert sorted(entries) == sorted(p.name for p in registry)
    for prop in registry:
        entry = entries[prop.name]
        assert f"``{prop.name}``" in entry
        assert f"kind ``{prop.kind}``" in entry
        assert ("many values" if prop.cardinality is Cardinality.MANY else "one value") in entry
        if prop.wikidata is not None:
            assert f"Wikidata `{prop.wikidata} <" in entry
        else:
            assert "Wikidata none" in entry
        inverse = registry.inverse_of(prop.name)
        assert (f"inverse `{inverse.name} <" if inverse else "inverse none") in entry
        for alias in prop.aliases:
            assert f"``{alias}``" in entry
        assert f"applies to {', '.join(prop.subjects)}" in entry
        for term in prop.values:
            assert f"``{term}``" in entry


def test_a_property_registered_later_appears_on_the_page() -> None:
    """The page is written from the registry it is given, so a new property is listed."""
    reg = registry.copy()
    reg.register(
        Property(
            name="catalogue_probe",
            kind="category",
            cardinality=Cardinality.MANY,
            subjects=("scene",),
            aliases=("probe",),
            values=("opening", "ending"),
            description="where a scene sits",
        )
    )
    entry = _entries(catalogue.catalogue_page(reg))["catalogue_probe"]
    assert "many values" in entry
    assert "``probe``" in entry
    assert "``ending``" in entry
    assert "catalogue_probe" not in catalogue.catalogue_page(registry)


def test_inverse_properties_point_at_each_other() -> None:
    """remake_of and remade_as each name the other as inverse (one declares it, both show it)."""
    entries = _entries(catalogue.catalogue_page())
    assert "inverse `remade_as <property-remade_as_>`__" in entries["remake_of"]
    assert "inverse `remake_of <property-remake_of_>`__" in entries["remade_as"]
    assert "a kind of `based_on <property-based_on_>`__" in entries["remake_of"]


def test_value_kinds_list_the_properties_of_each_kind() -> None:
    """Every registered value kind has a row naming each property of that kind."""
    section = _section(catalogue.catalogue_page(), "Value kinds")
    for name in kinds():
        row = section[section.index(f"   * - ``{name}``") :].split("\n   * - ")[0]
        for prop in registry:
            linked = f"`{prop.name} <property-{prop.name}_>`__"
            assert (linked in row) == (prop.kind == name), (name, prop.name)


def test_source_kinds_and_credit_roles_are_listed() -> None:
    """Every SourceKind appears with its prior trust, every RoleKind with its file spelling."""
    text = catalogue.catalogue_page()
    sources = _section(text, "Source kinds")
    for kind in SourceKind:
        row = sources[sources.index(f"   * - ``{kind.value}``") :].split("\n   * - ")[0]
        assert f"``SourceKind.{kind.name}``" in row
        assert f"{SOURCE_PRIORS[kind]:.2f}" in row
    roles = _section(text, "Credit roles")
    for role in RoleKind:
        assert f"   * - ``{role.value}``\n     - ``RoleKind.{role.name}``" in roles


def _read(text: str) -> tuple[list[str], dict[str, str]]:
    """What docutils makes of ``text``: its messages (problems, at any level), and each
    property's description as a reader sees it."""
    docutils_core = pytest.importorskip("docutils.core")
    from docutils import nodes

    doc = docutils_core.publish_doctree(
        text, settings_overrides={"report_level": 5, "halt_level": 5}
    )
    messages = [m.astext() for m in doc.findall(nodes.system_message)]
    shown = {
        item.next_node(nodes.term).astext(): item.next_node(nodes.paragraph).astext()
        for item in doc.findall(nodes.definition_list_item)
    }
    return messages, shown


def _as_sentence(description: str) -> str:
    words = " ".join(description.split())
    end = "" if words.endswith((".", "!", "?")) else "."
    return f"{words[0].upper()}{words[1:]}{end}"


def test_the_page_is_valid_restructuredtext() -> None:
    """docutils reads the built-in catalogue without a single message, links resolved."""
    assert _read(catalogue.catalogue_page())[0] == []


def test_every_description_reads_as_written() -> None:
    """Each built-in property has a description, shown as a sentence, markup characters
    (``character_role``, ``category: Best Director``) as written."""
    shown = _read(catalogue.catalogue_page())[1]
    for prop in registry:
        assert prop.description, prop.name
        assert shown[prop.name] == _as_sentence(prop.description)


_NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)
_PROSE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n*`_|:<>[]\\-.#"),
    max_size=60,
)


@st.composite
def _registries(draw: st.DrawFn) -> PropertyRegistry:
    names = draw(st.lists(_NAMES, min_size=1, max_size=8, unique=True))
    cut = draw(st.integers(min_value=1, max_value=len(names)))
    props, spare = names[:cut], names[cut:]
    reg = PropertyRegistry()
    for name in props:
        category = draw(st.booleans())
        aliases = [a for a in spare if draw(st.booleans())]
        spare = [a for a in spare if a not in aliases]
        reg.register(
            Property(
                name=name,
                kind="category" if category else draw(st.sampled_from(sorted(kinds()))),
                cardinality=draw(st.sampled_from(Cardinality)),
                subjects=tuple(
                    draw(st.lists(st.sampled_from(ENTITY_KINDS), min_size=1, unique=True))
                ),
                aliases=tuple(aliases),
                scope_keys=tuple(draw(st.lists(_PROSE.filter(str.strip), max_size=2))),
                values=tuple(draw(st.lists(_PROSE.filter(str.strip), max_size=3)))
                if category
                else (),
                description=draw(_PROSE),
            )
        )
    return reg


@given(_registries())
def test_any_registry_makes_a_valid_page(reg: PropertyRegistry) -> None:
    """Whatever a property's description, terms or qualifiers hold -- markup characters,
    line breaks, a leading dash -- the page stays valid and lists every property."""
    text = catalogue.catalogue_page(reg)
    assert sorted(_entries(text)) == sorted(p.name for p in reg)
    # Only the properties' own section holds what the property gives; the tables after it
    # hold names (snake_case by rule) and are read whole for the built-in registry above.
    messages, shown = _read(text[: text.index("\nValue kinds\n")])
    assert messages == []
    for prop in reg:
        if prop.description.strip():
            assert shown[prop.name] == _as_sentence(prop.description)


def test_the_directive_builds_a_page_with_sphinx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Sphinx project using the extension builds, warning-free, a page with an anchor
    for every built-in property."""
    pytest.importorskip("sphinx")
    from sphinx.application import Sphinx

    monkeypatch.setattr(sys, "path", list(sys.path))  # the project's conf.py extends it
    warnings = io.StringIO()
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(EXT)!r})\nextensions = ['filmlore_catalogue']\n",
        encoding="utf-8",
    )
    (src / "index.rst").write_text("Catalogue\n=========\n\n.. filmlore-catalogue::\n")
    app = Sphinx(
        str(src),
        str(src),
        str(tmp_path / "out"),
        str(tmp_path / "doctrees"),
        "html",
        status=None,
        warning=warnings,
        freshenv=True,
    )
    app.build()
    assert app.statuscode == 0
    assert warnings.getvalue() == ""
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    for prop in registry:
        assert f'id="property-{prop.name.replace("_", "-")}"' in html
