"""The outcome of comparing two values: a :class:`Verdict`, a score and a reason."""

from __future__ import annotations

import enum
from typing import Any, Literal

import attrs

from filmlore.errors import FieldError

__all__ = ["Comparison", "Side", "Verdict"]

#: Which of the two compared values is the more specific one.
Side = Literal["a", "b"]


class Verdict(str, enum.Enum):
    """What two values say relative to each other.

    ``SAME``
        They say the same thing (``3 h`` and ``180 min``; ``Heat (1995)`` and ``Heat``).
    ``COMPATIBLE``
        Both can be true at once.  Usually one *refines* the other -- it says the same thing
        more precisely (``1989-04-30`` refines ``1989``) -- and :attr:`Comparison.refines`
        says which; when the two merely overlap, neither refines the other.
    ``CONFLICT``
        They cannot both be true (``1989`` and ``1990``; ``barely 90 minutes`` and
        ``170 min``).
    ``UNRELATED``
        They are not about the same thing, so they cannot agree or disagree (a date and a
        duration; sums in two currencies; claims about two different films).

    >>> Verdict.COMPATIBLE.agrees, Verdict.CONFLICT.agrees
    (True, False)
    """

    SAME = "same"
    COMPATIBLE = "compatible"
    CONFLICT = "conflict"
    UNRELATED = "unrelated"

    @property
    def agrees(self) -> bool:
        """True for ``SAME`` and ``COMPATIBLE``: the two values can both be true."""
        return self is Verdict.SAME or self is Verdict.COMPATIBLE


def _check_verdict(instance: Comparison, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Verdict):
        raise FieldError("Comparison", "verdict", "a Verdict", value)


def _to_score(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _check_score(instance: Comparison, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, float) or not 0.0 <= value <= 1.0:
        raise FieldError("Comparison", "score", "a float from 0 to 1", value)


def _check_reason(instance: Comparison, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise FieldError("Comparison", "reason", "a non-empty sentence", value)


@attrs.frozen(slots=True, kw_only=True, repr=False)
class Comparison:
    """The verdict on two values ``a`` and ``b``, how strongly they agree, and why.

    ``score`` runs from 0 (nothing in common) to 1 (identical once normalised); within a
    verdict a higher score means a closer match -- ``170 min`` and ``171 min`` are the
    same runtime within tolerance, but less so than ``170 min`` and ``2 h 50 min``.
    ``refines`` is ``"a"`` or ``"b"`` when the verdict is ``COMPATIBLE`` and that side is
    the more specific value, else ``None``.  ``reason`` is one sentence naming the values
    themselves (never "the first"/"the second"), so it stays true for :meth:`swapped`.

    >>> c = Comparison(verdict=Verdict.COMPATIBLE, score=0.8, refines="b",
    ...                reason="1989-04-30 lies within 1989: it is the more precise date")
    >>> c
    <Comparison compatible, b refines a, score 0.80: 1989-04-30 lies within 1989: it is the more precise date>
    >>> c.swapped().refines
    'a'
    """  # noqa: E501

    verdict: Verdict = attrs.field(validator=_check_verdict)
    score: float = attrs.field(converter=_to_score, validator=_check_score)
    reason: str = attrs.field(validator=_check_reason)
    refines: Side | None = attrs.field(default=None)

    @refines.validator
    def _check_refines(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in (None, "a", "b"):
            raise FieldError("Comparison", "refines", "'a', 'b' or None", value)
        if value is not None and self.verdict is not Verdict.COMPATIBLE:
            raise FieldError(
                "Comparison", "refines", f"None for a {self.verdict.value} verdict", value
            )

    @property
    def agrees(self) -> bool:
        """True when both values can be true at once (``SAME`` or ``COMPATIBLE``)."""
        return self.verdict.agrees

    def swapped(self) -> Comparison:
        """The comparison of ``b`` with ``a``: the same verdict, score and reason, with
        :attr:`refines` pointing at the other side.

        >>> same = Comparison(verdict=Verdict.SAME, score=1.0, reason="identical")
        >>> same.swapped() == same
        True
        """
        if self.refines is None:
            return self
        return attrs.evolve(self, refines="b" if self.refines == "a" else "a")

    def __repr__(self) -> str:
        direction = ""
        if self.refines is not None:
            other = "b" if self.refines == "a" else "a"
            direction = f", {self.refines} refines {other}"
        return (
            f"<Comparison {self.verdict.value}{direction}, score {self.score:.2f}: {self.reason}>"
        )


def same(reason: str, score: float = 1.0) -> Comparison:
    """A ``SAME`` comparison."""
    return Comparison(verdict=Verdict.SAME, score=_clamp(score), reason=reason)


def compatible(reason: str, refines: Side | None, score: float = 0.8) -> Comparison:
    """A ``COMPATIBLE`` comparison, ``refines`` naming the more specific side."""
    return Comparison(
        verdict=Verdict.COMPATIBLE, score=_clamp(score), reason=reason, refines=refines
    )


def conflict(reason: str, score: float = 0.0) -> Comparison:
    """A ``CONFLICT`` comparison."""
    return Comparison(verdict=Verdict.CONFLICT, score=_clamp(score), reason=reason)


def unrelated(reason: str) -> Comparison:
    """An ``UNRELATED`` comparison (score 0)."""
    return Comparison(verdict=Verdict.UNRELATED, score=0.0, reason=reason)


def flip(side: Side | None) -> Side | None:
    """The other side."""
    if side is None:
        return None
    return "b" if side == "a" else "a"


def _clamp(score: float) -> float:
    return float(min(1.0, max(0.0, score)))


#: The shared result for two equal values: the fast path returns this object.
IDENTICAL = Comparison(verdict=Verdict.SAME, score=1.0, reason="the two values are identical")
