"""``python -m filmlore``: the ``filmlore`` command (see :mod:`filmlore.cli`)."""

from __future__ import annotations

from filmlore.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
