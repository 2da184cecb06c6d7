"""Li, Dong, Lyons, Meng & Srivastava's flight data (VLDB 2013, "Truth finding on the deep
web: is the problem solved?").

``conflicting_data/YYYYMMDD.txt`` has, for each of 31 days of December 2011, rows of
``source, flight, scheduled departure, actual departure, departure gate, scheduled arrival,
actual arrival, arrival gate`` from 38 web sources; ``ground_truth/YYYYMMDD.txt`` has the
same six attributes for 100 flights, taken from the airlines' own sites.  The airline
sources ``aa``, ``ua`` and ``CO`` supplied the gold too, so they are dropped from the
claims (:data:`AIRLINES`).

An object is one attribute of one flight on one day (``20111201|AA-1007-TPA-MIA|actual
departure``).  Values are normalised before anyone votes (:func:`normalise_time`,
:func:`normalise_gate`):

- a time in any of the sources' formats ("12/1/2011 2:07PM EST", "12/1/11 2:06 PM
  (-05:00)", "2:07p Dec 1", "Thu., Dec. 01, 2011 2:07 p.m.", "2011-12-01 Thu 14:07") becomes
  the local clock time ``HH:MM`` on a 24-hour clock: every source gives the airport's local
  time, and the object already names the day, so the date and the zone are dropped;
  "(Estimated)", "(Runway)" and similar notes are dropped with them;
- a gate loses its terminal ("Terminal A - 17", "K7/T3" → "17", "K7"), spaces, a trailing
  "?" and a dash inside ("C-14" → "C14"), and is upper-cased;
- placeholders ("Not Available", "Contact Airline", "Not provided by airline", "-", "--",
  "Cancelled", a terminal with no gate) are no claim at all.

The gold values go through the same functions, and an answer is right when it equals the
normalised gold value.  The normalised claims are cached in ``benchmarks/_work`` (a
throwaway folder) because reading 776k rows takes a while.
"""

from __future__ import annotations

import pickle
import re
from pathlib import Path

from ._common import DATA, TruthSet

#: The airlines' own sources, which also supplied the gold: never used as claims here.
AIRLINES = frozenset({"aa", "ua", "CO"})
ATTRIBUTES = (
    "scheduled departure",
    "actual departure",
    "departure gate",
    "scheduled arrival",
    "actual arrival",
    "arrival gate",
)
_GATES = frozenset({2, 5})
_TIME = re.compile(r"(\d{1,2}):(\d{2})\s*(?:([AaPp])\.?\s*[Mm]?\.?)?")
_NOON = re.compile(r"12:00\s*noon", re.IGNORECASE)
_TERMINAL = re.compile(r"^(?:terminal|term)\s+\S+\s*(?:-\s*)?", re.IGNORECASE)
_NONE = re.compile(
    r"not available|contact airline|not provided|cancel+ed|^-+$|^n/?a$", re.IGNORECASE
)
CACHE = Path(__file__).resolve().parent.parent / "_work" / "flight-normalised.pickle"


def normalise_time(text: str) -> str | None:
    """The clock time ``HH:MM`` (24-hour) in a flight time as any source writes it."""
    text = _NOON.sub("12:00 PM", text.replace("&nbsp", " "))
    if _NONE.search(text):
        return None
    match = _TIME.search(text)
    if match is None:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2)), match.group(3)
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half in "Pp" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def normalise_gate(text: str) -> str | None:
    """A gate as ``K7``, ``17``, ``C14``: no terminal, no spaces, upper case."""
    text = text.replace("&nbsp", " ").strip()
    if not text or _NONE.search(text):
        return None
    rest = _TERMINAL.sub("", text).strip() if " - " in text else text
    if _TERMINAL.match(rest + " "):
        return None  # a terminal and no gate
    rest = rest.split("/")[0].strip().rstrip("?").replace("-", "").replace(" ", "")
    return rest.upper() or None


def _normalise(column: int, text: str) -> str | None:
    return normalise_gate(text) if column in _GATES else normalise_time(text)


def _read_day(path: Path, day: str, out: tuple[list[str], list[str], list[str]]) -> None:
    objects, sources, values = out
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) < 3:
                continue
            source, flight = parts[0].strip(), parts[1].strip()
            if source in AIRLINES:
                continue
            for column, text in enumerate(parts[2:8]):
                value = _normalise(column, text) if text.strip() else None
                if value is not None:
                    objects.append(f"{day}|{flight}|{ATTRIBUTES[column]}")
                    sources.append(source)
                    values.append(value)


def _read_gold(root: Path) -> dict[str, str]:
    gold: dict[str, str] = {}
    for path in sorted((root / "ground_truth").glob("*.txt")):
        day = path.stem
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                parts = line.rstrip("\r\n").split("\t")
                if len(parts) < 2:
                    continue
                flight = parts[0].strip()
                for column, text in enumerate(parts[1:7]):
                    value = _normalise(column, text) if text.strip() else None
                    if value is not None:
                        gold[f"{day}|{flight}|{ATTRIBUTES[column]}"] = value
    return gold


def _judge(predicted: object, gold: object) -> tuple[bool, None]:
    return predicted == gold, None


def load(folder: Path | None = None, *, cache: bool = True) -> TruthSet:
    """Every non-airline claim of the 31 days, normalised, with the gold of 100 flights."""
    root = (folder or DATA) / "flight"
    columns: tuple[list[str], list[str], list[str]] | None = None
    if cache and folder is None and CACHE.exists():
        with CACHE.open("rb") as handle:
            columns = pickle.load(handle)
    if columns is None:
        columns = ([], [], [])
        for path in sorted((root / "conflicting_data").glob("*.txt")):
            _read_day(path, path.stem, columns)
        if cache and folder is None:
            CACHE.parent.mkdir(parents=True, exist_ok=True)
            with CACHE.open("wb") as handle:
                pickle.dump(columns, handle, protocol=pickle.HIGHEST_PROTOCOL)
    objects, sources, values = columns
    return TruthSet(
        name="flight (no airline sources)",
        objects=objects,
        sources=sources,
        values=values,
        gold=_read_gold(root),
        judge=_judge,
        kind="label",
    )


def days(folder: Path | None = None) -> list[TruthSet]:
    """The flight data one day at a time, each day's claims only about the flights of that
    day's gold (about 100 flights, 35 sources and 8,000 claims a day): the small samples a
    user may hold, where one family of mirrors can sway the answer."""
    whole = load(folder)
    flights: dict[str, set[str]] = {}
    for key in whole.gold:
        day, flight, _ = key.split("|", 2)
        flights.setdefault(day, set()).add(flight)
    rows: dict[str, list[int]] = {}
    for i, obj in enumerate(whole.objects):
        day, flight, _ = obj.split("|", 2)
        if flight in flights.get(day, ()):
            rows.setdefault(day, []).append(i)
    out = []
    for day in sorted(rows):
        idx = rows[day]
        out.append(
            TruthSet(
                name=f"flight {day}",
                objects=[whole.objects[i] for i in idx],
                sources=[whole.sources[i] for i in idx],
                values=[whole.values[i] for i in idx],
                gold={k: v for k, v in whole.gold.items() if k.startswith(day)},
                judge=_judge,
                kind="label",
            )
        )
    return out
