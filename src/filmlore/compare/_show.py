"""The text inside a value, and a value as a reason names it: what every comparator uses."""

from __future__ import annotations

import functools

from filmlore.compare._quotes import quote_text
from filmlore.models import Quote
from filmlore.values.dates import DateInterval, PartialDate
from filmlore.values.quantities import Measure
from filmlore.values.refs import EntityRef
from filmlore.values.text import Text

__all__ = ["show", "text_of"]


def text_of(value: object) -> str:
    """The string inside a text-like value (its printed form for any other value)."""
    if isinstance(value, (str, Text, Quote)):
        return quote_text(value)
    return str(value)


@functools.lru_cache(maxsize=65536)
def _label(value: object) -> str:
    return str(value)


def show(value: object) -> str:
    """A value as a reason names it: text in quotes, other values printed."""
    if isinstance(value, (PartialDate, DateInterval, Measure, EntityRef)):
        return _label(value)
    if isinstance(value, (str, Text, Quote)):
        text = text_of(value)
        if len(text) > 60:
            text = text[:57] + "..."
        return f"'{text}'"
    return str(value)
