"""What a caller may declare about an input an importer cannot tell by itself."""

from __future__ import annotations

from typing import Any

import attrs

from filmlore.errors import FilmloreError
from filmlore.models import Source
from filmlore.values.dates import DateOrder

__all__ = ["ImportOptions", "OptionError"]

_ORDERS = ("mdy", "dmy", "ymd")


class OptionError(FilmloreError, ValueError):
    """An import option that cannot be used: an unknown date order, a pivot that is not a
    year, a mapping for a format that takes none."""


def _check(instance: ImportOptions, attribute: attrs.Attribute[Any], value: Any) -> None:
    name = attribute.name
    if name == "date_order" and value is not None and value not in _ORDERS:
        raise OptionError(f"date_order must be one of {', '.join(_ORDERS)}, not {value!r}")
    if (
        name == "pivot"
        and value is not None
        and (isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9900)
    ):
        raise OptionError(f"pivot must be a four-digit year such as 1930, not {value!r}")
    if name == "encoding" and value is not None and (not isinstance(value, str) or not value):
        raise OptionError(f"encoding must be a codec name such as 'cp1252', not {value!r}")
    if name == "source" and value is not None and not isinstance(value, Source):
        raise OptionError(f"source must be a filmlore.Source, not {value!r}")


@attrs.frozen(kw_only=True)
class ImportOptions:
    """How to read an input that does not say everything about itself.

    * ``encoding``: the text encoding; by default UTF-8 (with or without a byte-order
      mark), and when the bytes are not UTF-8, the encoding detected by charset-normalizer
      (``pip install 'filmlore[import]'``), recorded as a note.
    * ``date_order``: how dates written in numbers order day and month (``"mdy"``,
      ``"dmy"``); without it, a date that could be read either way is refused.
    * ``pivot``: the first year of the hundred a two-digit year lies in (``1930`` reads
      ``67`` as 1967); without it, a two-digit year is refused.
    * ``repair_text``: repair mojibake (``CafÃ©`` → ``Café``) with ftfy (in the ``import``
      extra); each repair is recorded on the claim's note.  Off by default: a repair
      changes what the source wrote.
    * ``source``: the :class:`~filmlore.Source` the claims are credited to, instead of the
      one the importer describes (the data set's name, file date and URL).
    * ``lenient``: keep every good row and list each bad one with its reason, instead of
      raising every problem at once.
    """

    encoding: str | None = attrs.field(default=None, validator=_check)
    date_order: DateOrder | None = attrs.field(default=None, validator=_check)
    pivot: int | None = attrs.field(default=None, validator=_check)
    repair_text: bool = False
    source: Source | None = attrs.field(default=None, validator=_check)
    lenient: bool = False
