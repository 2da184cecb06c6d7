"""Entity references: ``film:heat-1995``, ``person:al-pacino``.

Every entity in filmlore has an :class:`EntityRef` as its id, and every link between
entities (a claim's subject, a credit's person, a quote's speaker) is one.

>>> ref = EntityRef.parse("film:heat-1995")
>>> ref.kind, ref.key
('film', 'heat-1995')
>>> str(ref)
'film:heat-1995'
"""

from __future__ import annotations

import re
import unicodedata
from typing import ClassVar

import attrs

from filmlore.errors import FieldError, ParseError

__all__ = ["ENTITY_KINDS", "EntityRef", "slug"]

#: The kinds of entity a reference may name.
ENTITY_KINDS: tuple[str, ...] = (
    "film",
    "person",
    "character",
    "credit",
    "scene",
    "quote",
    "source",
    "claim",
    "organization",
    "place",
    "work",
)
_KIND_SET = frozenset(ENTITY_KINDS)
_KEY_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~+-]*")
_KEY_MATCH = _KEY_RE.fullmatch
_EXPECTED = "'kind:key' with kind one of " + ", ".join(ENTITY_KINDS) + " and a key like 'heat-1995'"


@attrs.frozen(slots=True, repr=False, order=True, weakref_slot=False)
class EntityRef:
    """A typed reference to an entity: its kind and a key unique within that kind.

    >>> EntityRef("person", "al-pacino")
    EntityRef('person:al-pacino')
    >>> EntityRef.parse("movie:heat")
    Traceback (most recent call last):
    ...
    filmlore.errors.ParseError: cannot read 'movie:heat' as an entity reference: expected \
'kind:key' with kind one of film, person, character, credit, scene, quote, source, claim, \
organization, place, work and a key like 'heat-1995'
    """

    kind: str
    key: str
    value_kind: ClassVar[str] = "ref"

    def __attrs_post_init__(self) -> None:
        if self.kind not in _KIND_SET:
            raise FieldError("EntityRef", "kind", "one of " + ", ".join(ENTITY_KINDS), self.kind)
        if not isinstance(self.key, str) or not _KEY_RE.fullmatch(self.key):
            raise FieldError(
                "EntityRef", "key", "letters, digits and . _ ~ + - (not first)", self.key
            )

    @classmethod
    def parse(cls, text: str, *, kind: str | None = None) -> EntityRef:
        """Read ``kind:key``; with ``kind`` given, a bare key is accepted too."""
        if not isinstance(text, str):
            raise ParseError("entity reference", text, _EXPECTED)
        head, sep, tail = text.strip().partition(":")
        if not sep:
            if kind is None:
                raise ParseError("entity reference", text, _EXPECTED)
            head, tail = kind, head
        if head not in _KIND_SET or not _KEY_RE.fullmatch(tail):
            raise ParseError("entity reference", text, _EXPECTED)
        if kind is not None and head != kind:
            raise ParseError("entity reference", text, f"a reference to a {kind}")
        if cls is EntityRef:
            return checked_ref(_KIND_NAMES[head], tail)  # checked above: not again
        return cls(head, tail)

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"

    def __repr__(self) -> str:
        return f"EntityRef({str(self)!r})"


# One string object per entity kind, shared by every reference (not one per reference).
_KIND_NAMES = {kind: kind for kind in ENTITY_KINDS}
_new = object.__new__
_set_kind = EntityRef.__dict__["kind"].__set__
_set_key = EntityRef.__dict__["key"].__set__


def checked_ref(kind: str, key: str) -> EntityRef:
    """An EntityRef of a ``kind`` and ``key`` that the caller has already checked (a kind
    of :data:`ENTITY_KINDS`, a key matching the key pattern): built without checking them
    again, for readers that make millions of them."""
    ref: EntityRef = _new(EntityRef)
    _set_kind(ref, kind)
    _set_key(ref, key)
    return ref


def ref_from_text(text: str) -> EntityRef:
    """:meth:`EntityRef.parse` without ``kind``, with a fast path for the canonical
    ``kind:key``; any other text goes through :meth:`EntityRef.parse`, which strips spaces
    and explains what is wrong."""
    kind, _, key = text.partition(":")
    shared = _KIND_NAMES.get(kind)
    if shared is not None and _KEY_MATCH(key) is not None:
        ref: EntityRef = _new(EntityRef)
        _set_kind(ref, shared)
        _set_key(ref, key)
        return ref
    return EntityRef.parse(text)


_NON_KEY = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """``text`` as an id key: accents dropped, lower case, runs of other characters as one
    hyphen; ``x`` when nothing is left.

    >>> slug("Léon: The Professional")
    'leon-the-professional'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    key = _NON_KEY.sub("-", folded.lower()).strip("-")
    return key or "x"
