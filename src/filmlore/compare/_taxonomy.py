"""Hierarchies of terms: categories ("Delta Force" is a kind of "military"), scopes, places."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from os import PathLike
from typing import Literal, Union

from filmlore.compare._text import key
from filmlore.errors import HierarchyError

__all__ = ["Relation", "Taxonomy", "TreeSpec"]

#: How two terms of a taxonomy relate.
Relation = Literal["same", "narrower", "broader", "disjoint", "unknown"]

#: What :class:`Taxonomy` is built from: parent → children, nested at will.
TreeSpec = Mapping[str, Union[Iterable[str], "TreeSpec"]]


class Taxonomy:
    """A hierarchy of terms -- categories ("Delta Force" is a kind of "military"), scopes,
    places ("Milan" lies in "Lombardy") -- each under any number of broader terms, with
    synonyms.

    Terms are matched by their :func:`~filmlore.normalize_text` form without punctuation,
    so ``LAPD``, ``lapd`` and ``L.A.P.D.`` are one term.  Build it from a mapping of parent
    to children -- nested mappings make deeper trees -- or from ``(child, parent)`` pairs
    (:meth:`from_pairs`, :meth:`read_csv`), and extend it with :meth:`add` and
    :meth:`add_synonym`.  A term may have several broader terms (a border town in two
    regions, a genre under two others); a cycle is refused.

    >>> tax = Taxonomy({"military": ["Delta Force", "army"], "police": ["LAPD"]})
    >>> tax.refines("Delta Force", "military"), tax.refines("military", "Delta Force")
    (True, False)
    >>> tax.relation("police", "military")
    'disjoint'
    >>> tax.add("police", "Robbery-Homicide"); tax.ancestors("robbery homicide")
    ('police',)
    """

    __slots__ = ("_children", "_label", "_parents", "_synonyms")

    def __init__(
        self, tree: TreeSpec | None = None, *, synonyms: Mapping[str, str] | None = None
    ) -> None:
        self._label: dict[str, str] = {}  # key → the term as first written
        self._parents: dict[str, list[str]] = {}  # key → parent keys, in the order added
        self._children: dict[str, list[str]] = {}
        self._synonyms: dict[str, str] = {}  # key of a synonym → key of its term
        if tree is not None:
            self.update(tree)
        for alias, term in (synonyms or {}).items():
            self.add_synonym(alias, term)

    @classmethod
    def from_pairs(
        cls, pairs: Iterable[tuple[str, str]], *, base: Taxonomy | None = None
    ) -> Taxonomy:
        """A taxonomy of ``(child, parent)`` pairs -- on top of a copy of ``base`` when given.

        >>> places = Taxonomy.from_pairs([("Milan", "Lombardy"), ("Lombardy", "Italy")])
        >>> places.ancestors("Milan")
        ('Lombardy', 'Italy')
        """
        tax = base.copy() if base is not None else cls()
        for child, parent in pairs:
            tax.add(parent, child)
        return tax

    @classmethod
    def read_csv(cls, path: str | PathLike[str], *, base: Taxonomy | None = None) -> Taxonomy:
        """A taxonomy read from a CSV table with the header ``child,parent`` (UTF-8), one
        link a row -- the table of a dossier folder's ``hierarchy.csv`` -- on top of a copy
        of ``base`` when given.  A row that is not a link is a :class:`~filmlore.LoadError`
        naming the file, the line and the column; a link that would close a cycle, a
        :class:`~filmlore.HierarchyError` naming the link.
        """
        from filmlore.io._folder import read_hierarchy

        return cls.from_pairs(
            ((link.child, link.parent) for link in read_hierarchy(path)), base=base
        )

    # -- building ------------------------------------------------------------------------

    def _key(self, term: str) -> str:
        k = key(term)
        if not k:
            raise HierarchyError(f"a taxonomy term needs letters or digits, got {term!r}")
        return self._synonyms.get(k, k)

    def add_term(self, term: str) -> None:
        """Add ``term`` at the top of the hierarchy (no broader term), if it is not known."""
        k = self._key(term)
        self._label.setdefault(k, term)

    def add(self, parent: str, child: str) -> None:
        """Put ``child`` under ``parent``, adding either term if it is new.  A term may have
        several broader terms; a link that would make a cycle is refused.

        >>> tax = Taxonomy({"military": ["army"]})
        >>> tax.add("army", "Delta Force"); tax.ancestors("Delta Force")
        ('army', 'military')
        >>> tax.add("special forces", "Delta Force"); tax.parents("Delta Force")
        ('army', 'special forces')
        >>> tax.add("Delta Force", "military")
        Traceback (most recent call last):
        ...
        filmlore.errors.HierarchyError: 'military' under 'Delta Force' would make a cycle
        """
        p, c = self._key(parent), self._key(child)
        if p == c or c in self._lineage(p):
            raise HierarchyError(f"{child!r} under {parent!r} would make a cycle")
        self._label.setdefault(p, parent)
        self._label.setdefault(c, child)
        parents = self._parents.setdefault(c, [])
        if p not in parents:
            parents.append(p)
            self._children.setdefault(p, []).append(c)

    def add_synonym(self, synonym: str, term: str) -> None:
        """Make ``synonym`` another name of ``term`` (added at the top if new).

        >>> tax = Taxonomy({"police": ["LAPD"]})
        >>> tax.add_synonym("Los Angeles Police Department", "LAPD")
        >>> tax.relation("Los Angeles Police Department", "lapd")
        'same'
        """
        target = self._key(term)
        self._label.setdefault(target, term)
        alias = key(synonym)
        if not alias:
            raise HierarchyError(f"a synonym needs letters or digits, got {synonym!r}")
        if alias == target:
            return
        if alias in self._label:
            raise HierarchyError(f"{synonym!r} is a term of its own; it cannot be a synonym")
        self._synonyms[alias] = target

    def update(self, tree: TreeSpec) -> None:
        """Add every parent → children pair of ``tree`` (nested mappings allowed)."""
        for parent, children in tree.items():
            self.add_term(parent)
            if isinstance(children, Mapping):
                for child in children:
                    self.add(parent, child)
                self.update(children)
            elif isinstance(children, str):
                self.add(parent, children)
            else:
                for child in children:
                    self.add(parent, child)

    def copy(self) -> Taxonomy:
        """An independent copy, to extend without touching this one."""
        new = Taxonomy()
        new._label = dict(self._label)
        new._parents = {k: list(v) for k, v in self._parents.items()}
        new._children = {k: list(v) for k, v in self._children.items()}
        new._synonyms = dict(self._synonyms)
        return new

    # -- reading -------------------------------------------------------------------------

    def _find(self, term: str) -> str | None:
        k = key(term)
        k = self._synonyms.get(k, k)
        return k if k in self._label else None

    def _lineage(self, k: str) -> list[str]:
        """Every key above ``k``, nearest first (breadth first over all its parents)."""
        out: list[str] = []
        seen = {k}
        frontier = list(self._parents.get(k, ()))
        while frontier:
            nxt: list[str] = []
            for parent in frontier:
                if parent in seen:
                    continue
                seen.add(parent)
                out.append(parent)
                nxt.extend(self._parents.get(parent, ()))
            frontier = nxt
        return out

    def _first_line(self, k: str) -> list[str]:
        """The keys above ``k`` following each term's first parent, nearest first."""
        out: list[str] = []
        seen = {k}
        parents = self._parents.get(k)
        while parents:
            parent = parents[0]
            if parent in seen:
                break
            seen.add(parent)
            out.append(parent)
            parents = self._parents.get(parent)
        return out

    def canonical(self, term: str) -> str | None:
        """The term as the taxonomy writes it (synonyms resolved), or None if unknown.

        >>> Taxonomy.default_places().canonical("U.S.")
        'United States'
        """
        k = self._find(term)
        return None if k is None else self._label[k]

    def parent(self, term: str) -> str | None:
        """The first broader term directly above ``term``, or None (top-level or unknown)."""
        found = self.parents(term)
        return found[0] if found else None

    def parents(self, term: str) -> tuple[str, ...]:
        """Every broader term directly above ``term``, in the order they were added."""
        k = self._find(term)
        return tuple(self._label[p] for p in self._parents.get(k, ())) if k else ()

    def ancestors(self, term: str) -> tuple[str, ...]:
        """Every broader term above ``term``, nearest first; ``()`` when unknown.

        >>> Taxonomy.default_places().ancestors("Minneapolis")
        ('Minnesota', 'United States', 'North America')
        """
        k = self._find(term)
        if k is None:
            return ()
        return tuple(self._label[p] for p in self._lineage(k))

    def children(self, term: str) -> tuple[str, ...]:
        """The terms directly under ``term``."""
        k = self._find(term)
        return tuple(self._label[c] for c in self._children.get(k, ())) if k else ()

    def refines(self, a: str, b: str) -> bool:
        """True when ``a`` is strictly narrower than ``b`` (``b`` is one of its ancestors)."""
        return self.relation(a, b) == "narrower"

    def relation(self, a: str, b: str) -> Relation:
        """How ``a`` stands to ``b``: ``same``, ``narrower``, ``broader``, ``disjoint``
        (both known, neither above the other) or ``unknown`` (either is not known).

        >>> tax = Taxonomy.default()
        >>> tax.relation("in a speaking scene", "on screen")
        'narrower'
        """
        ka, kb = self._find(a), self._find(b)
        if ka is None or kb is None:
            return "unknown"
        if ka == kb:
            return "same"
        if kb in self._lineage(ka):
            return "narrower"
        if ka in self._lineage(kb):
            return "broader"
        return "disjoint"

    def distance(self, a: str, b: str) -> int | None:
        """Steps between two known terms through their nearest common broader term (None
        when unknown or unconnected)."""
        ka, kb = self._find(a), self._find(b)
        if ka is None or kb is None:
            return None
        up_a = [ka, *self._lineage(ka)]
        up_b = [kb, *self._lineage(kb)]
        best: int | None = None
        for i, node in enumerate(up_a):
            if node in up_b:
                steps = i + up_b.index(node)
                best = steps if best is None else min(best, steps)
        return best

    def path(self, term: str) -> tuple[str, ...]:
        """``term`` and its ancestors along each term's first broader term, broadest first;
        ``()`` when unknown.

        >>> Taxonomy.default_places().path("L.A.")
        ('North America', 'United States', 'California', 'Los Angeles')
        """
        k = self._find(term)
        if k is None:
            return ()
        return tuple(self._label[x] for x in reversed([k, *self._first_line(k)]))

    def pairs(self) -> list[tuple[str, str]]:
        """Every ``(child, parent)`` link, as the terms are written."""
        return [
            (self._label[c], self._label[p])
            for c, parents in self._parents.items()
            for p in parents
        ]

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self._find(term) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._label.values())

    def __len__(self) -> int:
        return len(self._label)

    def __repr__(self) -> str:
        return f"<Taxonomy with {len(self)} terms>"

    # -- built-ins -----------------------------------------------------------------------

    @classmethod
    def default(cls) -> Taxonomy:
        """A copy of the built-in taxonomy of categories and scopes, to use or extend.

        It knows a few organisations (``military`` ⊃ ``army`` ⊃ ``Delta Force``; ``law
        enforcement`` ⊃ ``police`` ⊃ ``LAPD``), genres, and the scopes of being together
        in a film (``on screen`` ⊃ ``in a scene`` ⊃ ``in a speaking scene``).

        >>> Taxonomy.default().refines("Delta Force", "military")
        True
        """
        return _DEFAULT.copy()

    @classmethod
    def default_places(cls) -> Taxonomy:
        """A copy of the built-in place hierarchy: continents, countries, the US states and
        some big cities, with their usual short names (``USA``, ``U.S.``, ``L.A.``).

        >>> Taxonomy.default_places().refines("Minneapolis", "USA")
        True
        """
        return _PLACES.copy()


def _build_default() -> Taxonomy:
    from filmlore.compare._data import CATEGORY_SYNONYMS, CATEGORY_TREE

    return Taxonomy(CATEGORY_TREE, synonyms=CATEGORY_SYNONYMS)


def _build_places() -> Taxonomy:
    from filmlore.compare._data import PLACE_SYNONYMS, PLACE_TREE

    return Taxonomy(PLACE_TREE, synonyms=PLACE_SYNONYMS)


_DEFAULT = _build_default()
_PLACES = _build_places()


def shared_default() -> Taxonomy:
    """The built-in taxonomy shared (read-only) by every default context."""
    return _DEFAULT


def shared_places() -> Taxonomy:
    """The built-in place hierarchy shared (read-only) by every default context."""
    return _PLACES
