"""What every loader returns: claims as columns, gold answers, and scoring."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Where the truth datasets live: ``../shared/data/truth`` beside the repository.
DATA = Path(
    os.environ.get(
        "FILMLORE_TRUTH_DATA",
        Path(__file__).resolve().parents[3] / "shared" / "data" / "truth",
    )
)


@dataclass(frozen=True)
class Score:
    """Accuracy on the gold objects: ``correct`` of ``total`` (and the lenient variant)."""

    correct: int
    total: int
    lenient: int | None = None
    lenient_name: str | None = None

    @property
    def accuracy(self) -> float:
        """The share of gold objects answered exactly right."""
        return self.correct / self.total if self.total else 0.0

    @property
    def lenient_accuracy(self) -> float | None:
        """The share answered right by the dataset's lenient rule (within 1%, generalised)."""
        if self.lenient is None:
            return None
        return self.lenient / self.total if self.total else 0.0

    def __str__(self) -> str:
        text = f"{self.accuracy:.3f} ({self.correct}/{self.total})"
        if self.lenient is not None:
            text += f", {self.lenient_name} {self.lenient_accuracy:.3f}"
        return text


@dataclass(frozen=True)
class TruthSet:
    """One benchmark dataset: claims as columns, gold answers and a scorer.

    ``objects``, ``sources`` and ``values`` are parallel columns (one row per claim).
    ``gold`` maps each gold object to its answer.  ``kind`` is the value kind the values
    are compared by (and ``tolerance`` its relative tolerance), ``context`` the
    :class:`filmlore.CompareContext` that knows their hierarchy (the place tree of the
    heritage sites).  ``source_kinds`` (when the dataset says what kind of source each one
    is, as Wikipedia's anonymous and registered editors) maps a source to its kind:
    sources of a kind share a prior in truth discovery.  ``judge(predicted, gold)``
    returns (exact, lenient) for one object; ``calibrate_on`` says which of the two is
    what an answer's confidence claims ("lenient" where a vaguer answer that contains the
    truth is true, as a country is for a city).
    """

    name: str
    objects: Sequence[str]
    sources: Sequence[str]
    values: Sequence[Any]
    gold: Mapping[str, Any]
    judge: Callable[[Any, Any], tuple[bool, bool | None]]
    lenient_name: str | None = None
    kind: str | None = None
    tolerance: float | None = None
    context: Any = None
    source_kinds: Mapping[str, str] | None = None
    calibrate_on: str = "exact"
    notes: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.objects)

    def table(self, property: str = "value") -> Any:
        """The claims as a :class:`filmlore.ClaimTable` (one property for every row, of
        the dataset's kind)."""
        from filmlore import ClaimTable, Property, PropertyRegistry

        registry = None
        if self.kind is not None:
            registry = PropertyRegistry(
                [Property(name=property, kind=self.kind, tolerance=self.tolerance)]
            )
        return ClaimTable.from_columns(
            subject=self.objects,
            property=property,
            value=self.values,
            source=self.sources,
            source_kind=self.source_kinds,
            registry=registry,
        )

    def score(self, predicted: Mapping[str, Any]) -> Score:
        """Score predictions ({object: value}) on the gold objects that have claims.

        A gold object with claims but no prediction counts as wrong; gold objects that no
        claim is about are left out (nothing could answer them).
        """
        claimed = set(self.objects)
        correct = lenient = total = 0
        has_lenient = False
        for obj, answer in self.gold.items():
            if obj not in claimed:
                continue
            total += 1
            if obj not in predicted:
                continue
            exact, loose = self.judge(predicted[obj], answer)
            correct += exact
            if loose is not None:
                has_lenient = True
                lenient += loose
        return Score(
            correct=correct,
            total=total,
            lenient=lenient if has_lenient else None,
            lenient_name=self.lenient_name if has_lenient else None,
        )

    def calibration(
        self, predicted: Mapping[str, tuple[Any, float]], bins: int = 10
    ) -> tuple[float, float]:
        """Expected calibration error (``bins`` equal-width bins) and Brier score of the
        answers' confidences, against whether each answer is true (``calibrate_on``); an
        unanswered gold object counts as an answer of confidence 0."""
        claimed = set(self.objects)
        pairs: list[tuple[float, float]] = []
        for obj, answer in self.gold.items():
            if obj not in claimed:
                continue
            if obj not in predicted:
                pairs.append((0.0, 0.0))
                continue
            value, confidence = predicted[obj]
            exact, loose = self.judge(value, answer)
            true = loose if self.calibrate_on == "lenient" and loose is not None else exact
            pairs.append((float(confidence), float(bool(true))))
        if not pairs:
            return 0.0, 0.0
        sums: dict[int, list[float]] = {}
        for conf, ok in pairs:
            b = min(int(conf * bins), bins - 1)
            row = sums.setdefault(b, [0.0, 0.0, 0.0])
            row[0] += conf
            row[1] += ok
            row[2] += 1
        ece = sum(abs(c - o) for c, o, _ in sums.values()) / len(pairs)
        brier = sum((c - o) ** 2 for c, o in pairs) / len(pairs)
        return ece, brier
