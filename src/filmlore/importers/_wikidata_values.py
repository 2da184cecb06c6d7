"""Wikidata's data values read as filmlore values, and its references as sources.

A statement's value is read with the precision and unit Wikidata gives it:

* a **time** of precision 11 is a day, 10 a month, 9 a year (:class:`~filmlore.PartialDate`);
  8 a decade, 7 a century and 6 a millennium are :class:`~filmlore.DateInterval` spans; a
  date in the Julian calendar is converted to the Gregorian calendar at day precision (and
  kept as written, with a note, at coarser precisions); finer than a day (hours) keeps the
  day, with a note;
* a **quantity** in a time unit (second, minute, hour) is a :class:`~filmlore.Duration`, in
  a currency it is :class:`~filmlore.Money`, without a unit a :class:`~filmlore.Quantity`;
  its bounds become a hedge when one holds them (equal bounds: exact; ``±`` within 10%:
  *about*; below only, within 15%: *nearly*), and are refused otherwise;
* a **monolingual text** is a :class:`~filmlore.Text` with its language;
* an **item** is its id (``Q25132``), made a reference by the caller when the property
  takes one.

Each reference becomes a :class:`~filmlore.Source` (see :func:`reference_source`).
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from filmlore.importers._jsonld_page import database_host, filled, host_of
from filmlore.models import Source, SourceKind
from filmlore.values.dates import DateInterval, PartialDate
from filmlore.values.quantities import Duration, Hedge, Money, Quantity
from filmlore.values.refs import EntityRef

__all__ = [
    "CURRENCIES",
    "TIME_UNITS",
    "Refused",
    "compact",
    "item_id",
    "keys_in_order",
    "printed",
    "read_quantity",
    "read_time",
    "reference_source",
    "snak_printed",
    "snak_value",
]

ENTITY_URI = "http://www.wikidata.org/entity/"
_JULIAN = ENTITY_URI + "Q1985786"

#: Wikidata's time units, as :class:`~filmlore.Duration` units.
TIME_UNITS: dict[str, str] = {"Q11574": "s", "Q7727": "min", "Q25235": "h"}

#: Wikidata's currency items, as ISO 4217 codes (the ones film data uses most).
CURRENCIES: dict[str, str] = {
    "Q4917": "USD",
    "Q4916": "EUR",
    "Q25224": "GBP",
    "Q8146": "JPY",
    "Q25344": "CHF",
    "Q259502": "AUD",
    "Q122922": "SEK",
    "Q132643": "NOK",
    "Q25417": "DKK",
    "Q80524": "INR",
    "Q39099": "CNY",
    "Q41044": "RUB",
}

_TIME_RE = re.compile(r"([+-])(\d{1,16})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z")
_PRECISIONS = {6: "millennium", 7: "century", 8: "decade", 9: "year", 10: "month", 11: "day"}
_ITEM_LETTERS = {"item": "Q", "property": "P", "lexeme": "L"}
_AMOUNT_RE = re.compile(r"[+-]?\d+(?:\.\d+)?")


class Refused(Exception):
    """A value filmlore cannot hold as Wikidata wrote it; the message says what was expected."""


def compact(value: Any) -> str:
    """A data value as written: a string as it is, anything else as compact JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def item_id(value: Any) -> str:
    """The id of an entity-id data value: ``Q25132`` (from ``id``, or an old dump's
    ``numeric-id`` and ``entity-type``)."""
    if isinstance(value, dict):
        found = value.get("id")
        if isinstance(found, str) and found.strip():
            return found.strip()
        number, kind = value.get("numeric-id"), value.get("entity-type", "item")
        letter = _ITEM_LETTERS.get(kind) if isinstance(kind, str) else None
        if isinstance(number, int) and not isinstance(number, bool) and letter:
            return f"{letter}{number}"
    raise Refused(f"an entity id such as {{'id': 'Q25132'}}, got {compact(value)}")


def _unit(unit: Any) -> str | None:
    """A quantity's unit as an item id, or None for ``"1"`` (no unit)."""
    if unit == "1" or unit is None:
        return None
    if isinstance(unit, str) and unit.startswith(ENTITY_URI):
        return unit[len(ENTITY_URI) :]
    raise Refused(f"a unit that is '1' or an item URI ({ENTITY_URI}Q…), got {unit!r}")


def _amount(text: Any, what: str) -> Decimal:
    if not isinstance(text, str) or not _AMOUNT_RE.fullmatch(text):
        raise Refused(f"{what} written as a signed decimal such as '+170', got {text!r}")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise Refused(f"{what} written as a decimal, got {text!r}") from None


def _hedge(amount: Decimal, lower: Decimal | None, upper: Decimal | None) -> Hedge:
    """The hedge that holds a quantity's bounds (see the module's docs)."""
    if lower is None and upper is None:
        return Hedge.EXACT
    if lower is None or upper is None:
        raise Refused("both bounds or neither")
    if lower == amount == upper:
        return Hedge.EXACT
    if lower <= amount <= upper:
        low, high = Hedge.ABOUT.interval(amount)
        if lower < amount < upper and low <= lower and high is not None and upper <= high:
            return Hedge.ABOUT
        low, high = Hedge.NEARLY.interval(amount)
        if lower < amount == upper and low <= lower:
            return Hedge.NEARLY
    raise Refused(
        f"bounds that filmlore can hold as a hedge: {lower} to {upper} around {amount} is "
        "neither exact, within 10% either side (about) nor within 15% below (nearly)"
    )


def read_quantity(value: Any) -> Duration | Money | Quantity | tuple[Decimal, str]:
    """A quantity data value as a duration, money or a unitless quantity; for another unit,
    the amount and the unit's item id (the caller decides whether it can keep it)."""
    if not isinstance(value, dict):
        raise Refused(f"a quantity such as {{'amount': '+170', 'unit': '1'}}, got {value!r}")
    amount = _amount(value.get("amount"), "an amount")
    lower = value.get("lowerBound")
    upper = value.get("upperBound")
    low = None if lower is None else _amount(lower, "a lower bound")
    high = None if upper is None else _amount(upper, "an upper bound")
    unit = _unit(value.get("unit"))
    if amount < 0:
        raise Refused(f"an amount of at least 0, got {value.get('amount')}")
    hedge = _hedge(amount, low, high)
    try:
        if unit is None:
            return Quantity(amount=amount, unit="", hedge=hedge)
        if unit in TIME_UNITS:
            return Duration(amount=amount, unit=TIME_UNITS[unit], hedge=hedge)
        if unit in CURRENCIES:
            return Money(amount=amount, currency=CURRENCIES[unit], hedge=hedge)
    except ValueError as exc:  # a FieldError: an amount out of the models' range
        raise Refused(str(exc)) from None
    if hedge is not Hedge.EXACT:
        raise Refused(f"an exact amount in unit {unit} (not a time unit or a known currency)")
    return amount, unit


def _julian_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of a Julian calendar date (through its Julian day number)."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return datetime.date.fromordinal(jdn - 1721425)


def _span(first: int, last: int) -> DateInterval:
    return DateInterval(
        start=PartialDate(year=max(first, 1)), end=PartialDate(year=min(last, 9999))
    )


def read_time(value: Any) -> tuple[PartialDate | DateInterval, str | None]:
    """A time data value at its precision, and a note of what was changed (a Julian date
    converted, hours dropped) or None."""
    if not isinstance(value, dict) or not isinstance(value.get("time"), str):
        raise Refused(f"a time such as {{'time': '+1995-12-15T00:00:00Z'}}, got {value!r}")
    text = value["time"]
    match = _TIME_RE.fullmatch(text)
    if match is None:
        raise Refused(f"a time written as +YYYY-MM-DDT00:00:00Z, got {text!r}")
    precision = value.get("precision", 11)
    if not isinstance(precision, int) or isinstance(precision, bool) or precision < 6:
        raise Refused(
            f"a precision from 6 (millennium) to 14 (second), got {precision!r} for {text!r}"
        )
    sign, year_text, month_text, day_text = match.group(1, 2, 3, 4)
    year, month, day = int(year_text), int(month_text), int(day_text)
    if sign == "-" or not 1 <= year <= 9999:
        raise Refused(f"a year from 1 to 9999 (CE), got {text!r}")
    notes = []
    if precision > 11:
        notes.append(f"{text} is given to precision {precision}: kept to the day")
        precision = 11
    if precision >= 10 and not 1 <= month <= 12:
        raise Refused(f"a month from 01 to 12 at precision {precision}, got {text!r}")
    if precision == 11 and day == 0:
        raise Refused(f"a day at precision 11, got {text!r}")
    julian = value.get("calendarmodel") == _JULIAN
    if precision == 8:
        start = year - year % 10
        return _span(start, start + 9), None
    if precision == 7:
        century = (year - 1) // 100
        return _span(century * 100 + 1, century * 100 + 100), None
    if precision == 6:
        millennium = (year - 1) // 1000
        return _span(millennium * 1000 + 1, millennium * 1000 + 1000), None
    try:
        if precision == 11 and julian:
            gregorian = _julian_to_gregorian(year, month, day)
            date = PartialDate.from_date(gregorian)
            notes.append(f"Julian calendar date {text[1:11]} read as the Gregorian {date}")
            return date, "; ".join(notes)
        date = PartialDate(
            year=year,
            month=month if precision >= 10 else None,
            day=day if precision == 11 else None,
        )
    except (ValueError, OverflowError) as exc:
        raise Refused(f"a date that exists, got {text!r} ({exc})") from None
    if julian:
        notes.append(f"Julian calendar date {date} kept as written (precision {precision})")
    return date, "; ".join(notes) or None


def printed(datavalue: Any) -> str:
    """A data value printed for a qualifier or a reference: an item's id, a date in EDTF, a
    quantity as filmlore prints it, a text as written; the raw value when it cannot be
    read."""
    if not isinstance(datavalue, dict):
        return compact(datavalue)
    value, kind = datavalue.get("value"), datavalue.get("type")
    try:
        if kind == "wikibase-entityid":
            return item_id(value)
        if kind == "time":
            return str(read_time(value)[0])
        if kind == "quantity":
            read = read_quantity(value)
            if isinstance(read, tuple):
                return f"{read[0]} {read[1]}"
            return str(read)
        if kind == "monolingualtext" and isinstance(value, dict):
            return str(value.get("text", ""))
    except Refused:
        pass
    return compact(value)


def snak_printed(snak: Any) -> str:
    """A snak printed: its value, or Wikidata's words for an unknown value or no value."""
    if not isinstance(snak, dict):
        return compact(snak)
    kind = snak.get("snaktype", "value")
    if kind == "somevalue":
        return "unknown value"
    if kind == "novalue":
        return "no value"
    return printed(snak.get("datavalue"))


def snak_value(snak: Any) -> Any:
    """A snak's value (``snak["datavalue"]["value"]``), or None when it has none."""
    datavalue = snak.get("datavalue") if isinstance(snak, dict) else None
    return datavalue.get("value") if isinstance(datavalue, dict) else None


def keys_in_order(mapping: dict[str, Any], order: Any) -> list[str]:
    """The keys of ``mapping``: those its ``…-order`` list names first, then the rest."""
    first = (
        [p for p in order if isinstance(p, str) and p in mapping] if isinstance(order, list) else []
    )
    return first + [p for p in mapping if p not in first]


def _values(snaks: dict[str, Any], pid: str) -> list[Any]:
    found = snaks.get(pid)
    return [s for s in found if isinstance(s, dict)] if isinstance(found, list) else []


def _first_value(snaks: dict[str, Any], pid: str) -> Any:
    for snak in _values(snaks, pid):
        if snak.get("snaktype", "value") == "value":
            return snak_value(snak)
    return None


def _first_date(snaks: dict[str, Any], pid: str) -> PartialDate | None:
    value = _first_value(snaks, pid)
    if value is None:
        return None
    try:
        date = read_time(value)[0]
    except Refused:
        return None
    return date if isinstance(date, PartialDate) else None


def reference_source(reference: Any) -> Source:
    """A Wikidata reference as a :class:`~filmlore.Source`.

    Its id is ``source:wikidata-ref-`` and the reference's hash, so that statements citing
    one reference cite one source.  Its kind: *imported from a Wikimedia project* (P143) is
    an encyclopedia; *stated in* (P248) a database; a reference URL (P854) alone a
    database record when the site is a film database, else an article.  Its title is the
    reference's title (P1476), else the item it is stated in or imported from (its id);
    its url P854 (else P953), its ``retrieved`` date P813, its ``published`` date P577,
    its authors P50 and P2093, its publisher P123.  Every snak is also listed in its
    description, ``P248=Q37312; P813=2016-04-27``, so that nothing of the reference is
    lost.
    """
    snaks_any = reference.get("snaks") if isinstance(reference, dict) else None
    snaks: dict[str, Any] = snaks_any if isinstance(snaks_any, dict) else {}
    digest = reference.get("hash") if isinstance(reference, dict) else None
    if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-fA-F]{8,}", digest):
        digest = hashlib.blake2b(compact(snaks).encode(), digest_size=20).hexdigest()
    order = reference.get("snaks-order") if isinstance(reference, dict) else None
    pids = keys_in_order(snaks, order)
    listed = "; ".join(f"{pid}={snak_printed(s)}" for pid in pids for s in _values(snaks, pid))
    stated = _first_value(snaks, "P248")
    imported = _first_value(snaks, "P143")
    url = _first_value(snaks, "P854") or _first_value(snaks, "P953")
    url = filled(url)
    title_value = _first_value(snaks, "P1476")
    title: str | None = None
    language: str | None = None
    if isinstance(title_value, dict) and str(title_value.get("text", "")).strip():
        title = str(title_value["text"])
        lang = title_value.get("language")
        language = filled(lang)
    for found in (stated, imported):
        if title is None and found is not None:
            with contextlib.suppress(Refused):
                title = item_id(found)
    if title is None and url is not None:
        title = host_of(url) or None
    if imported is not None and stated is None:
        kind = SourceKind.ENCYCLOPEDIA
    elif stated is not None or (url is not None and database_host(url)):
        kind = SourceKind.DATABASE
    elif url is not None:
        kind = SourceKind.ARTICLE
    else:
        kind = SourceKind.OTHER
    authors = [snak_printed(s) for s in _values(snaks, "P50")]
    authors += [snak_printed(s) for s in _values(snaks, "P2093")]
    publisher = _first_value(snaks, "P123")
    published_by = printed({"type": "wikibase-entityid", "value": publisher}).strip()
    return Source(
        id=EntityRef("source", f"wikidata-ref-{digest.lower()[:16]}"),
        kind=kind,
        title=title,
        authors=tuple(a for a in authors if a.strip()),
        publisher=published_by if publisher is not None and published_by else None,
        url=url,
        published=_first_date(snaks, "P577"),
        retrieved=_first_date(snaks, "P813"),
        language=language,
        description=f"a Wikidata reference: {listed}" if listed else "a Wikidata reference",
    )
