"""The text of the catalogue page, written from filmlore's registries when the docs are built.

:func:`catalogue_page` returns reStructuredText: every property of a registry (the
built-in one unless told), with its kind, cardinality, Wikidata id, inverse, aliases, the
entities it applies to and its description; then the value kinds, the source kinds and
the credit roles.  Nothing here lists a property by hand, so a property added to the
registry appears on the page at the next build.  The Sphinx extension beside it
(``filmlore_catalogue``) puts the text where a page says ``.. filmlore-catalogue::``.

The text uses plain reStructuredText only (no Sphinx roles), so docutils alone can read it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from filmlore import SOURCE_PRIORS, Authority, Property, PropertyRegistry, RoleKind, SourceKind
from filmlore.properties import registry as default_registry
from filmlore.values.kinds import kinds
from filmlore.values.refs import ENTITY_KINDS

__all__ = ["catalogue_page", "property_label"]

#: The sections properties are grouped in, by the first entity kind each applies to.
_GROUPS = {
    "film": "Films and works",
    "work": "Films and works",
    "person": "People",
    "character": "Characters",
    "scene": "Scenes",
    "quote": "Quotes",
}
_ANY = "Any entity"
_WIKIDATA = "https://www.wikidata.org/wiki/Property:{}"
_SPECIAL = re.compile(r"([\\`*_|\[\]<>:])")


def property_label(name: str) -> str:
    """The page's link target for property ``name`` (``property-duration``)."""
    return f"property-{name}"


def _plain(text: str) -> str:
    """``text`` as one line of plain text: whitespace collapsed, markup escaped, and the
    first character escaped too, so that no text starts a list, a field or a comment."""
    flat = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return flat if not flat or flat.startswith("\\") else f"\\{flat}"


def _sentence(text: str) -> str:
    """A description as a sentence: capitalised, ending in a full stop."""
    flat = " ".join(text.split())
    if not flat:
        return _plain("(No description.)")
    end = "" if flat.endswith((".", "!", "?")) else "."
    return _plain(f"{flat[:1].upper()}{flat[1:]}{end}")


def _literal(word: str) -> str:
    """``word`` as inline code, or as escaped text when it cannot be inline code."""
    flat = " ".join(word.split())
    if flat and "`" not in flat:
        return f"``{flat}``"
    return _plain(flat) or "(blank)"


def _literals(words: Iterable[str]) -> str:
    return ", ".join(_literal(w) for w in words)


def _link(name: str) -> str:
    """A link to property ``name``'s entry on the page."""
    return f"`{name} <{property_label(name)}_>`__"


def _title(text: str, underline: str) -> list[str]:
    return [text, underline * len(text), ""]


def _group_of(prop: Property) -> str:
    if set(prop.subjects) >= set(ENTITY_KINDS):
        return _ANY
    return _GROUPS.get(prop.subjects[0], f"{prop.subjects[0].capitalize()}s")


def _entry(prop: Property, reg: PropertyRegistry) -> list[str]:
    """One property: a link target, its name, its description and a line of its facts."""
    inverse = reg.inverse_of(prop.name)
    wikidata = (
        f"`{prop.wikidata} <{_WIKIDATA.format(prop.wikidata)}>`__" if prop.wikidata else "none"
    )
    facts = [
        f"kind {_literal(prop.kind)}",
        "many values" if prop.many else "one value",
        f"Wikidata {wikidata}",
        f"inverse {_link(inverse.name)}" if inverse is not None else "inverse none",
        f"aliases {_literals(prop.aliases)}" if prop.aliases else "aliases none",
        f"applies to {', '.join(prop.subjects)}",
    ]
    if prop.ref_kind is not None:
        facts.append(f"refers to a {prop.ref_kind}")
    if prop.broader is not None:
        facts.append(f"a kind of {_link(prop.broader)}")
    if prop.scope_keys:
        facts.append(f"separate questions by {_literals(prop.scope_keys)}")
    if prop.values:
        facts.append(f"usual terms {_literals(prop.values)}")
    if prop.tolerance is not None:
        facts.append(f"values within {prop.tolerance:.0%} are the same")
    return [
        f".. _{property_label(prop.name)}:",
        "",
        f"``{prop.name}``",
        f"   {_sentence(prop.description)}",
        "",
        f"   {' · '.join(facts)}.",
        "",
    ]


def _properties(reg: PropertyRegistry) -> list[str]:
    groups: dict[str, list[Property]] = {}
    for prop in reg:
        groups.setdefault(_group_of(prop), []).append(prop)
    order = [g for g in dict.fromkeys(_GROUPS.values()) if g in groups]
    order += sorted(g for g in groups if g not in order and g != _ANY)
    order += [_ANY] if _ANY in groups else []
    lines = [
        *_title("Properties", "-"),
        f"{len(reg)} properties, grouped by the first kind of entity each applies to.  "
        "A claim may name a property by any of its aliases.  A subject has *one value* of "
        "a property (a runtime) or *many* (cast members); *separate questions by* names "
        "the qualifiers under which claims are separate questions rather than rivals "
        "(one box-office figure per region; every property is also asked anew for each "
        "``valid_at``); *usual terms* are the terms a category property usually takes -- "
        "others are accepted too.",
        "",
    ]
    for group in order:
        lines += _title(group, "~")
        for prop in sorted(groups[group], key=lambda p: p.name):
            lines += _entry(prop, reg)
    return lines


def _table(header: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> list[str]:
    lines = [".. list-table::", "   :header-rows: 1", ""]
    for row in (header, *rows):
        lines.append(f"   * - {row[0]}")
        lines.extend(f"     - {cell}" for cell in row[1:])
    lines.append("")
    return lines


def _value_kinds(reg: PropertyRegistry) -> list[str]:
    users: dict[str, list[str]] = {}
    for prop in reg:
        users.setdefault(prop.kind, []).append(prop.name)
    rows = [
        (
            _literal(name),
            _plain(kind.description) or "(no description)",
            ", ".join(_link(n) for n in sorted(users.get(name, []))) or "none",
        )
        for name, kind in sorted(kinds().items())
    ]
    return [
        *_title("Value kinds", "-"),
        "The kind of value each property holds, and the properties of each kind.",
        "",
        *_table(("Kind", "What it holds", "Properties"), rows),
    ]


def _source_kinds() -> list[str]:
    order = Authority().order
    rows = []
    for kind in SourceKind:
        rank = order.index(kind.value) + 1 if kind.value in order else len(order) + 1
        prior = SOURCE_PRIORS.get(kind)
        rows.append(
            (
                f"``{kind.value}``",
                f"``SourceKind.{kind.name}``",
                str(rank),
                f"{prior:.2f}" if prior is not None else "none",
            )
        )
    return [
        *_title("Source kinds", "-"),
        "What a source's ``kind`` may be, as written in a dossier, with its place in the "
        "default authority order (1 is trusted first) and the prior trust reconciliation "
        "starts a source of that kind from.",
        "",
        *_table(("Kind", "In Python", "Authority rank", "Prior trust"), rows),
    ]


def _roles() -> list[str]:
    rows = [(f"``{role.value}``", f"``RoleKind.{role.name}``") for role in RoleKind]
    return [
        *_title("Credit roles", "-"),
        "What a credit's ``role`` may be, as written in a dossier; a job no role names can "
        "be written as ``crew``, with the job in the credit's ``job``.",
        "",
        *_table(("Role", "In Python"), rows),
    ]


def catalogue_page(registry: PropertyRegistry | None = None) -> str:
    """The catalogue as reStructuredText: the properties of ``registry`` (the built-in
    registry when None), the value kinds, the source kinds and the credit roles."""
    reg = default_registry if registry is None else registry
    lines = [*_properties(reg), *_value_kinds(reg), *_source_kinds(), *_roles()]
    return "\n".join(lines).rstrip() + "\n"
