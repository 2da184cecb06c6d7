"""Text with an optional language tag.

>>> Text("Heat", lang="en")
Text('Heat', lang='en')
>>> str(Text("Heat"))
'Heat'
"""

from __future__ import annotations

import re
from typing import ClassVar

import attrs

from filmlore.errors import FieldError, ParseError

__all__ = ["Text"]

_LANG_RE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


@attrs.frozen(slots=True, repr=False, order=True, weakref_slot=False)
class Text:
    """A piece of text and, when known, its BCP 47 language tag (``en``, ``en-GB``, ``fr``).

    Text is kept exactly as given: no trimming, no case folding; comparison helpers do their
    own normalisation and say so.
    """

    text: str
    lang: str | None = attrs.field(default=None, kw_only=True)
    value_kind: ClassVar[str] = "text"

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise FieldError("Text", "text", "a str", self.text)
        if self.lang is not None and (
            not isinstance(self.lang, str) or not _LANG_RE.fullmatch(self.lang)
        ):
            raise FieldError("Text", "lang", "a language tag like 'en' or 'en-GB'", self.lang)

    @classmethod
    def parse(cls, text: str) -> Text:
        """Wrap a string (no language); the inverse of :func:`str`."""
        if not isinstance(text, str):
            raise ParseError("text", text, "a string")
        return cls(text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        if self.lang is None:
            return f"Text({self.text!r})"
        return f"Text({self.text!r}, lang={self.lang!r})"
