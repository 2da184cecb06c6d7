"""Bulk building: pause the cyclic garbage collector while many objects are made.

Loading and validation build millions of small frozen objects that hold no reference
cycles; collecting while they are built only costs time.  Private: used by
:mod:`filmlore.io` and :mod:`filmlore.validate`.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["PAUSE_GC", "bulk"]

#: Pause the collector in :func:`bulk`; the load benchmark turns it off to measure what the
#: pause saves.
PAUSE_GC = True


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects.

    Models hold no reference cycles, so collecting while loading only costs time: each
    collection walks every object built so far.  Afterwards the new objects are moved, in
    constant time, to the oldest generation (``gc.freeze`` then ``gc.unfreeze``), so that the
    next young collections do not walk them either -- unless the program froze objects of its
    own, which are left frozen.  The collector's enabled state is restored.
    """
    if not PAUSE_GC:
        yield
        return
    enabled = gc.isenabled()
    frozen = gc.get_freeze_count()
    gc.disable()
    try:
        yield
    finally:
        if frozen == 0:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()
