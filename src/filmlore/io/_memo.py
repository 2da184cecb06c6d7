"""The memos of the converters: every process-wide cache of :mod:`filmlore.io`, in one place.

A load reads the same small values again and again: a film's id in each of its credits,
``Crime`` in the genres of film after film, ``{country: US}`` on claim after claim.  Each is
read once and the object read is shared by every record that holds it, which saves both the
reading and the memory of a copy.  A dump prints the same dates and runtimes more than once.

**What is cached.**  Only immutable values, keyed by what they are made from (a text, a key
and a value) -- or, for printed forms, by the identity of the value printed -- so that a hit
gives what a miss would build:

* ``_REFS``: entity references by their text (``film:heat-1995``), 65,536 entries; the ids
  of what is referred to (films, people, characters, scenes, sources) go in too, so that the
  references read after them are the same objects;
* ``_DURATIONS``, ``_MONEY``, ``_QUANTITIES``: durations, amounts and quantities by their
  text (``170 min``), 4,096 entries each;
* ``_TEXTS``: :class:`~filmlore.values.text.Text` of up to :data:`SHORT` characters (a
  country, a genre, a job), 32,768 entries;
* ``_STRS``: lists of up to four strings of up to :data:`SHORT` characters (genres,
  countries, languages), as tuples of interned strings, 4,096 entries;
* ``_ONE_REF``: lists of one reference (``played_by: [person:…]``) as tuples, 32,768
  entries;
* ``_QUALIFIERS``: qualifiers by key and value of up to :data:`SHORT` characters, and
  ``_ONE_QUALIFIER``: a claim's one qualifier (``{country: US}``) as the tuple the claim
  holds; 16,384 entries each;
* ``_PRINTED``: the printed form of a value (a date, a duration) by the value's identity,
  131,072 entries, for the length of one dump.

Short strings themselves are interned with :func:`sys.intern`, not kept here.

**Sizes and eviction.**  Every cache is bounded.  A :class:`_Memo` keeps two generations of
the size given above, so it holds at most twice that: when the young one is full it becomes
the old one, and a hit in the old one moves back -- what keeps being used stays (a person
credited in film after film), what was used once goes (a film's characters).  The plain
dicts (``_QUALIFIERS``, ``_ONE_QUALIFIER``, ``_PRINTED``) are emptied when full.

**Lifetime.**  The caches live as long as the process and are shared by every load, every
converter and every thread; nothing empties them but their bounds, except ``_PRINTED``,
which :func:`forget_printed` empties at the end of each dump.  An entry keeps its value
alive (in ``_PRINTED``, so that an ``id`` cannot be reused while it is there), never a
dossier.

**Threads.**  There are no locks: the caches are read and written only by single dict
operations, each atomic in CPython (and locked per dict in the free-threaded build).  Two
threads racing (one emptying or turning over a cache while the other reads or fills it) can
lose entries, or build one value twice and keep either; both copies are equal and
immutable, and nothing depends on two reads giving the same object (``_PRINTED`` checks the
identity of what it finds), so a race costs time or memory, never a wrong value.
"""

from __future__ import annotations

from typing import Any

from filmlore.models import Qualifier
from filmlore.values.text import Text

__all__ = ["SHORT", "forget_printed", "printed", "shared_text"]


class _Memo:
    """A bounded memo in two generations: when the young one is full it becomes the old one,
    and a hit in the old one moves back.  What keeps being used stays (a person credited
    in film after film); what was used once goes (a film's characters).
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.young: dict[Any, Any] = {}
        self.old: dict[Any, Any] = {}

    def get(self, key: Any) -> Any:
        found = self.young.get(key)
        if found is None:
            found = self.old.get(key)
            if found is not None:
                self.put(key, found)
        return found

    def put(self, key: Any, value: Any) -> None:
        if len(self.young) >= self.size:
            # The young dict stays the same object: its ``get`` is bound in generated code.
            self.old = self.young.copy()
            self.young.clear()
        self.young[key] = value


#: Short strings and texts repeat (a country, a genre, a job); they are shared, not copied.
SHORT = 32

# --- values read from their text --------------------------------------------------------------
#
# Each is shared by the hooks of its kind of value, plain and nullable, in every converter
# (a memo costs less per hit than :func:`functools.lru_cache`).

#: References to other entities repeat (a film's id in each of its credits).
_REFS = _Memo(1 << 16)
_DURATIONS = _Memo(4096)
_MONEY = _Memo(4096)
_QUANTITIES = _Memo(4096)

# --- shared objects ---------------------------------------------------------------------------

#: Texts of short strings, one object each (:func:`shared_text`).
_TEXTS = _Memo(1 << 15)
#: Short lists of short strings (genres, countries, languages), as shared tuples.
_STRS = _Memo(1 << 12)
#: Lists of one reference (``played_by: [person:…]``), as shared tuples.
_ONE_REF = _Memo(1 << 15)
#: Qualifiers with a short value, by key and value.
_QUALIFIERS: dict[tuple[Any, str], Qualifier] = {}
#: A claim's one qualifier ({country: US}), as the tuple the claim holds, shared.
_ONE_QUALIFIER: dict[tuple[Any, str], tuple[Qualifier]] = {}


def shared_text(value: str) -> Text:
    """``Text(value)``, one object for each short string (a bounded memo)."""
    if len(value) > SHORT:
        return Text(value)
    found: Text | None = _TEXTS.young.get(value) or _TEXTS.get(value)
    if found is None:
        found = Text(value)
        _TEXTS.put(value, found)
    return found


# --- printed values ---------------------------------------------------------------------------

#: Printed values by ``id()``, for the length of one dump: a film's runtime or a date parsed
#: once at load time is one object, printed once.  Each entry keeps its value alive, so an
#: ``id`` cannot be reused while it is in the memo.
_PRINTED: dict[int, tuple[Any, str]] = {}


def printed(value: Any) -> str:
    """``str(value)``, memoised by identity until :func:`forget_printed`."""
    found = _PRINTED.get(id(value))
    if found is not None and found[0] is value:
        return found[1]
    text = str(value)
    if len(_PRINTED) >= 1 << 17:
        _PRINTED.clear()
    _PRINTED[id(value)] = (value, text)
    return text


def forget_printed() -> None:
    """Empty the memo of :func:`printed` (at the end of a dump)."""
    _PRINTED.clear()
