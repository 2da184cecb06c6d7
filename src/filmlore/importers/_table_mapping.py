"""A table mapping: which column of a film table holds what, so that any CSV, TSV, JSON array
or JSON Lines file of films imports without code (``format="table"``).

A mapping is a small YAML file or dict::

    dataset: {key: movie-industry, title: "Movie Industry (Kaggle)"}
    film:                                   # how a row identifies its film
      title: name                           # the title column (required)
      year: year                            # the year column (optional)
      ids: {imdb: {column: link, pattern: url}}
    columns:                                # column -> claims
      released: {property: release_date, parentheses: country}
      runtime: {property: duration, unit: min}
      budget: {property: cost, currency: USD}
      star: {property: cast_member, billing: 1}
      genre: {property: genre, split: "|"}
      score: {property: user_rating, qualifiers: {scale: "10"}}
      year: release_date                    # shorthand for {property: release_date}
    options: {date_order: mdy, pivot: 1930, delimiter: ";", skip: [index]}

Everything is checked when the mapping is read, and every mistake is reported at once with
its ``$.path`` in the mapping (:class:`~filmlore.MappingError`).  See :doc:`/howto/import-table`.
"""

from __future__ import annotations

import codecs
import datetime
import os
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import attrs
import yaml

from filmlore.errors import FieldError, Location, MappingError, ParseError, Problem
from filmlore.models import Qualifier
from filmlore.properties import Cardinality, Property, registry
from filmlore.values.dates import DateOrder, PartialDate
from filmlore.values.kinds import get_kind
from filmlore.values.quantities import Duration, Money, Quantity

__all__ = ["ColumnMapping", "DatasetInfo", "IdColumn", "TableMapping"]

#: The outside ids a row may give its film.
ID_KINDS = ("imdb", "tmdb", "wikidata", "movielens")
#: Kinds whose cells are numbers (and may declare ``thousands``).
NUMBER_KINDS = frozenset({"duration", "money", "quantity", "integer"})
#: The characters a table may group thousands with.
THOUSANDS = (",", ".", " ", "'")
#: Cells that say nothing, unless the mapping says otherwise (an empty cell always).
DEFAULT_ABSENT = ("", "\\N")

_FORMATS = ("csv", "json", "jsonl")
_ORDERS = ("mdy", "dmy", "ymd")
_TOP_KEYS = ("dataset", "film", "columns", "options")
_DATASET_KEYS = ("key", "title", "url", "publisher", "description")
_FILM_KEYS = ("title", "year", "ids")
_ID_KEYS = ("column", "pattern")
_COLUMN_KEYS = (
    "property",
    "kind",
    "many",
    "description",
    "split",
    "unit",
    "currency",
    "thousands",
    "parentheses",
    "qualifiers",
    "qualifier_columns",
    "absent",
    "billing",
    "ignore",
)
_OPTION_KEYS = (
    "format",
    "delimiter",
    "encoding",
    "date_order",
    "pivot",
    "skip",
    "strict_columns",
    "absent",
    "not_after",
)
_KEY_RE = re.compile(r"[a-z0-9][a-z0-9._-]*")
_CURRENCY_RE = re.compile(r"[A-Z]{3}")


@attrs.frozen(kw_only=True)
class DatasetInfo:
    """The data set a table comes from: its claims are credited to ``source:KEY``."""

    key: str
    title: str
    url: str | None = None
    publisher: str | None = None
    description: str | None = None


@attrs.frozen(kw_only=True)
class IdColumn:
    """A column giving the film an outside id (``imdb``, ``tmdb``, ``wikidata``,
    ``movielens``).  ``pattern`` is ``"url"`` (the id is read from a link such as
    ``http://www.imdb.com/title/tt0113277/?ref_=fn_tt_tt_1``) or a regular expression whose
    one group is the id; None reads the cell as the id itself."""

    id: Literal["imdb", "tmdb", "wikidata", "movielens"]
    column: str
    pattern: str | None = None


@attrs.frozen(kw_only=True)
class ColumnMapping:
    """What one column says: claims of ``property`` (its canonical name), values read as
    ``kind``.  See :meth:`TableMapping.from_dict` for each key."""

    column: str
    property: str | None = None
    kind: str | None = None
    split: str | None = None
    unit: str | None = None
    currency: str | None = None
    thousands: str | None = None
    parentheses: str | None = None
    qualifiers: tuple[Qualifier, ...] = ()
    qualifier_columns: tuple[tuple[str, str], ...] = ()
    absent: tuple[str, ...] | None = None
    billing: int | None = None
    ignore: bool = False


@attrs.frozen(kw_only=True)
class TableMapping:
    """How a table of films maps onto films and claims.

    Build one with :meth:`from_dict` or :meth:`from_yaml` (both check everything and report
    every problem at once as a :class:`~filmlore.MappingError`); ``filmlore.load(path,
    format="table", mapping=...)`` takes a ``TableMapping``, its dict, or a YAML file.
    """

    #: The column holding the film's title.
    title: str
    #: The column holding the film's year (a year, or a date whose year is taken).
    year: str | None = None
    #: Columns holding outside ids.
    ids: tuple[IdColumn, ...] = ()
    #: Columns that give claims (or are ignored).
    columns: tuple[ColumnMapping, ...] = ()
    #: The data set (None: named after the file).
    dataset: DatasetInfo | None = None
    #: Properties the mapping declares (not in the registry).
    properties: tuple[Property, ...] = ()
    #: ``csv`` (also TSV and other delimiters), ``json`` (an array of flat objects) or
    #: ``jsonl``; None: told from the file's first character.
    format: Literal["csv", "json", "jsonl"] | None = None
    delimiter: str | None = None
    encoding: str | None = None
    date_order: DateOrder | None = None
    pivot: int | None = None
    #: Columns not read (and not listed as unmapped).
    skip: tuple[str, ...] = ()
    #: True: a column the mapping does not name is an error, not a note.
    strict_columns: bool = False
    #: Cells that mean "absent" in every column (a column's own ``absent`` replaces it;
    #: an empty cell is always absent).
    absent: tuple[str, ...] = DEFAULT_ABSENT
    #: The data set's date: a date after it is kept as a deprecated claim, with a note.
    not_after: PartialDate | None = None

    def named(self) -> set[str]:
        """Every column the mapping names (read, qualifying, skipped or ignored)."""
        names = {self.title, *self.skip}
        if self.year is not None:
            names.add(self.year)
        names.update(i.column for i in self.ids)
        for col in self.columns:
            names.add(col.column)
            names.update(source for _, source in col.qualifier_columns)
        return names

    @classmethod
    def from_dict(cls, mapping: Mapping[str, Any], *, source: str | None = None) -> TableMapping:
        """Read and check a mapping (its keys are described in :doc:`/howto/import-table`).

        Raises:
            MappingError: with every problem and its ``$.path``.
        """
        reader = _Reader(source)
        found = reader.read(mapping)
        if reader.problems or found is None:
            raise MappingError(reader.problems, source)
        return found

    @classmethod
    def from_yaml(cls, source: str | os.PathLike[str]) -> TableMapping:
        """Read a mapping from a YAML file (a path, or a ``str`` ending in ``.yaml`` or
        ``.yml``) or from YAML text (any other ``str``).

        Raises:
            MappingError: for a file that cannot be read, YAML that does not parse, or a
                mapping with problems.
        """
        label: str | None = None
        if isinstance(source, os.PathLike) or (
            isinstance(source, str)
            and "\n" not in source
            and source.strip().lower().endswith((".yaml", ".yml"))
        ):
            path = Path(source)
            label = str(path)
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise MappingError(
                    [Problem(message=f"cannot read the mapping: {exc}", location=_at("$", label))],
                    label,
                ) from None
        elif isinstance(source, str):
            text = source
        else:
            raise MappingError(
                [Problem(message=f"expected a YAML file or text, got {source!r}")], None
            )
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            problem = getattr(exc, "problem", None) or str(exc)
            raise MappingError(
                [
                    Problem(
                        message=f"not YAML: {problem}",
                        location=Location(path="$", file=label, line=line),
                    )
                ],
                label,
            ) from None
        if not isinstance(data, Mapping):
            raise MappingError(
                [
                    Problem(
                        message=f"expected a mapping with film: and columns:, got {data!r}",
                        location=_at("$", label),
                    )
                ],
                label,
            )
        return cls.from_dict(data, source=label)


def _at(path: str, file: str | None) -> Location:
    return Location(path=path, file=file)


def _describe(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class _Reader:
    """Reads a mapping, collecting every problem with its path."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def bad(self, path: str, message: str) -> None:
        self.problems.append(Problem(message=message, location=_at(path, self.source)))

    # --- small readers ------------------------------------------------------------------

    def keys(self, value: Mapping[Any, Any], allowed: tuple[str, ...], path: str) -> None:
        for key in value:
            if key not in allowed:
                hint = " (YAML reads a bare null, ~ or empty key as none: quote it)"
                self.bad(
                    f"{path}.{key}",
                    f"unknown key {key!r}; expected one of {', '.join(allowed)}"
                    + (hint if key is None else ""),
                )

    def mapping(self, value: object, path: str, what: str) -> Mapping[Any, Any] | None:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.bad(path, f"expected {what}, got {_describe(value)}")
            return None
        return value

    def text(self, value: object, path: str, what: str = "a string") -> str | None:
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)  # a column named 2019 in YAML is an int
        if not isinstance(value, str) or not value.strip():
            self.bad(path, f"expected {what}, got {_describe(value)}")
            return None
        return value

    def flag(self, value: object, path: str) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            self.bad(path, f"expected true or false, got {_describe(value)}")
            return False
        return value

    def strings(self, value: object, path: str, *, empty_ok: bool = False) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            self.bad(path, f"expected a list of strings, got {_describe(value)}")
            return ()
        out = []
        for i, item in enumerate(value):
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or (not empty_ok and not item.strip()):
                self.bad(f"{path}[{i}]", f"expected a string, got {_describe(item)}")
                continue
            out.append(item)
        return tuple(out)

    # --- the parts ----------------------------------------------------------------------

    def read(self, top: object) -> TableMapping | None:
        if not isinstance(top, Mapping):
            self.bad("$", f"expected a mapping with film: and columns:, got {_describe(top)}")
            return None
        self.keys(top, _TOP_KEYS, "$")
        dataset = self.dataset(top.get("dataset"))
        options = self.options(top.get("options"))
        film = self.mapping(top.get("film"), "$.film", "a mapping with title: (a column)")
        title: str | None = None
        year: str | None = None
        ids: tuple[IdColumn, ...] = ()
        if film is not None:
            self.keys(film, _FILM_KEYS, "$.film")
            if film.get("title") is None:
                self.bad("$.film.title", "missing: the column holding the film's title")
            title = self.text(film.get("title"), "$.film.title", "a column name")
            year = self.text(film.get("year"), "$.film.year", "a column name")
            ids = self.ids(film.get("ids"))
        columns, declared = self.columns(top.get("columns"))
        skip = options.get("skip", ())
        for col in columns:
            if col.column in skip:
                self.bad(f"$.columns.{col.column}", "the column is also in options.skip")
        if title is None:
            return None  # reported
        return TableMapping(
            title=title,
            year=year,
            ids=ids,
            columns=columns,
            dataset=dataset,
            properties=declared,
            **options,
        )

    def dataset(self, value: object) -> DatasetInfo | None:
        found = self.mapping(value, "$.dataset", "a mapping with key: and title:")
        if not found:
            return None
        self.keys(found, _DATASET_KEYS, "$.dataset")
        key = self.text(found.get("key"), "$.dataset.key", "a key such as 'movie-industry'")
        if key is None:
            if found.get("key") is None:
                self.bad("$.dataset.key", "missing: a key such as 'movie-industry'")
            return None
        if not _KEY_RE.fullmatch(key):
            self.bad(
                "$.dataset.key",
                f"expected lower-case letters, digits and hyphens such as 'movie-industry', "
                f"got {key!r}",
            )
            return None
        strs = {k: self.text(found.get(k), f"$.dataset.{k}") for k in _DATASET_KEYS[1:]}
        return DatasetInfo(
            key=key,
            title=strs["title"] or key,
            url=strs["url"],
            publisher=strs["publisher"],
            description=strs["description"],
        )

    def ids(self, value: object) -> tuple[IdColumn, ...]:
        found = self.mapping(value, "$.film.ids", "a mapping such as {imdb: imdb_id}")
        if not found:
            return ()
        out = []
        for kind, spec in found.items():
            path = f"$.film.ids.{kind}"
            if kind not in ID_KINDS:
                self.bad(path, f"unknown id {kind!r}; expected one of {', '.join(ID_KINDS)}")
                continue
            pattern: str | None = None
            if isinstance(spec, Mapping):
                self.keys(spec, _ID_KEYS, path)
                column = self.text(spec.get("column"), f"{path}.column", "a column name")
                if column is None and spec.get("column") is None:
                    self.bad(f"{path}.column", "missing: the column holding the id")
                pattern = self.text(spec.get("pattern"), f"{path}.pattern", "'url' or a regex")
                if pattern is not None and pattern != "url":
                    try:
                        groups = re.compile(pattern).groups
                    except re.error as exc:
                        self.bad(f"{path}.pattern", f"not a regular expression: {exc}")
                    else:
                        if groups != 1:
                            self.bad(
                                f"{path}.pattern",
                                f"expected 'url' or a regex with one group (the id), got "
                                f"{groups} groups in {pattern!r}",
                            )
            else:
                column = self.text(spec, path, "a column name, or {column:, pattern:}")
            if column is not None:
                out.append(IdColumn(id=kind, column=column, pattern=pattern))
        return tuple(out)

    def options(self, value: object) -> dict[str, Any]:
        found = self.mapping(value, "$.options", "a mapping of options")
        out: dict[str, Any] = {}
        if not found:
            return out
        self.keys(found, _OPTION_KEYS, "$.options")
        fmt = found.get("format")
        if fmt is not None:
            if fmt not in _FORMATS:
                self.bad("$.options.format", f"expected one of {', '.join(_FORMATS)}, got {fmt!r}")
            else:
                out["format"] = fmt
        delimiter = found.get("delimiter")
        if delimiter is not None:
            if not isinstance(delimiter, str) or len(delimiter) != 1 or delimiter in '"\r\n':
                self.bad(
                    "$.options.delimiter",
                    f"expected one character such as ';' or '\\t', got {_describe(delimiter)}",
                )
            else:
                out["delimiter"] = delimiter
        encoding = found.get("encoding")
        if encoding is not None:
            try:
                if not isinstance(encoding, str):
                    raise LookupError(encoding)
                codecs.lookup(encoding)
            except LookupError:
                self.bad(
                    "$.options.encoding",
                    f"expected a codec name such as 'cp1252', got {_describe(encoding)}",
                )
            else:
                out["encoding"] = encoding
        order = found.get("date_order")
        if order is not None:
            if order not in _ORDERS:
                self.bad(
                    "$.options.date_order",
                    f"expected one of {', '.join(_ORDERS)}, got {_describe(order)}",
                )
            else:
                out["date_order"] = order
        pivot = found.get("pivot")
        if pivot is not None:
            if isinstance(pivot, bool) or not isinstance(pivot, int) or not 1 <= pivot <= 9900:
                self.bad(
                    "$.options.pivot",
                    f"expected a year such as 1930 (the first of the hundred a two-digit year "
                    f"lies in), got {_describe(pivot)}",
                )
            else:
                out["pivot"] = pivot
        out["skip"] = self.strings(found.get("skip"), "$.options.skip")
        out["strict_columns"] = self.flag(found.get("strict_columns"), "$.options.strict_columns")
        if found.get("absent") is not None:
            out["absent"] = self.strings(found.get("absent"), "$.options.absent", empty_ok=True)
        not_after = found.get("not_after")
        if not_after is not None:
            out["not_after"] = self.date(not_after, "$.options.not_after")
        return out

    def date(self, value: object, path: str) -> PartialDate | None:
        if isinstance(value, datetime.date):
            return PartialDate.from_date(value)
        try:
            if isinstance(value, int) and not isinstance(value, bool):
                return PartialDate(year=value)
            if isinstance(value, str):
                return PartialDate.parse(value)
        except (ParseError, FieldError):
            pass
        self.bad(path, f"expected a year or an ISO date such as 2010-12-31, got {_describe(value)}")
        return None

    def columns(self, value: object) -> tuple[tuple[ColumnMapping, ...], tuple[Property, ...]]:
        found = self.mapping(value, "$.columns", "a mapping of column names to properties")
        if not found:
            return (), ()
        out: list[ColumnMapping] = []
        declared: dict[str, tuple[Property, str]] = {}
        for name, spec in found.items():
            column = str(name)
            path = f"$.columns.{column}"
            if isinstance(spec, str):
                spec = {"property": spec}
            if spec is None:
                spec = {"ignore": True}
            if not isinstance(spec, Mapping):
                self.bad(path, f"expected a property name or a mapping, got {_describe(spec)}")
                continue
            col = self.column(column, spec, path, declared)
            if col is not None:
                out.append(col)
        return tuple(out), tuple(p for p, _ in declared.values())

    def column(
        self,
        column: str,
        spec: Mapping[Any, Any],
        path: str,
        declared: dict[str, tuple[Property, str]],
    ) -> ColumnMapping | None:
        self.keys(spec, _COLUMN_KEYS, path)
        ignore = self.flag(spec.get("ignore"), f"{path}.ignore")
        if ignore:
            others = [k for k in spec if k not in ("ignore", "description")]
            if others:
                self.bad(path, f"ignore: true takes no other keys, got {', '.join(others)}")
            return ColumnMapping(column=column, ignore=True)
        name = self.text(spec.get("property"), f"{path}.property", "a property name")
        if name is None:
            if spec.get("property") is None:
                self.bad(f"{path}.property", "missing: the property the column gives")
            return None
        kind_name = self.text(spec.get("kind"), f"{path}.kind", "a value kind name")
        if kind_name is not None:
            try:
                get_kind(kind_name)
            except LookupError as exc:
                self.bad(f"{path}.kind", str(exc))
                return None
        quals = self.qualifiers(spec.get("qualifiers"), f"{path}.qualifiers")
        qual_cols = self.qualifier_columns(spec.get("qualifier_columns"), path)
        parentheses = self.text(spec.get("parentheses"), f"{path}.parentheses", "a qualifier key")
        prop = registry.find(name)
        if prop is None:
            if kind_name is None:
                self.bad(
                    f"{path}.property",
                    f"unknown property {name!r}: give kind: to declare it (a kind such as "
                    "text, date, integer)",
                )
                return None
            scope = {q.key for q in quals} | {k for k, _ in qual_cols}
            if parentheses is not None:
                scope.add(parentheses)
            many = self.flag(spec.get("many"), f"{path}.many")
            description = self.text(spec.get("description"), f"{path}.description") or ""
            try:
                prop = Property(
                    name=name,
                    kind=kind_name,
                    cardinality=Cardinality.MANY if many else Cardinality.ONE,
                    description=description,
                    scope_keys=tuple(sorted(scope)),
                )
            except FieldError as exc:
                self.bad(f"{path}.property", str(exc))
                return None
            earlier = declared.get(name)
            if earlier is not None:
                if earlier[0].kind != prop.kind or earlier[0].cardinality != prop.cardinality:
                    self.bad(
                        f"{path}.property",
                        f"{name!r} is declared at {earlier[1]} with another kind or many:",
                    )
                    return None
                merged = tuple(sorted(set(earlier[0].scope_keys) | set(prop.scope_keys)))
                prop = attrs.evolve(earlier[0], scope_keys=merged)
                path_first = earlier[1]
            else:
                path_first = path
            declared[name] = (prop, path_first)
        else:
            for key in ("many", "description"):
                if spec.get(key) is not None:
                    self.bad(
                        f"{path}.{key}",
                        f"{key}: declares a new property; {prop.name!r} is registered already",
                    )
            if kind_name is not None and kind_name != prop.kind:
                self.bad(
                    f"{path}.kind",
                    f"{prop.name!r} takes {prop.kind} values, not {kind_name}",
                )
                return None
        kind = prop.kind
        split = self.text(spec.get("split"), f"{path}.split", "a separator such as '|'")
        unit = self.unit(spec.get("unit"), kind, f"{path}.unit")
        currency = self.currency(spec.get("currency"), kind, f"{path}.currency")
        thousands = spec.get("thousands")
        if thousands is not None:
            if kind not in NUMBER_KINDS:
                self.bad(f"{path}.thousands", f"thousands: is for numbers, not {kind} values")
                thousands = None
            elif thousands not in THOUSANDS:
                self.bad(
                    f"{path}.thousands",
                    f"expected one of {', '.join(map(repr, THOUSANDS))}, got "
                    f"{_describe(thousands)}",
                )
                thousands = None
        absent = None
        if spec.get("absent") is not None:
            absent = self.strings(spec.get("absent"), f"{path}.absent", empty_ok=True)
        billing = spec.get("billing")
        if billing is not None:
            if prop.ref_kind != "person":
                self.bad(f"{path}.billing", f"billing: is for people, not {prop.name} values")
                billing = None
            elif isinstance(billing, bool) or not isinstance(billing, int) or billing < 0:
                self.bad(
                    f"{path}.billing",
                    f"expected a billing order (a whole number >= 0), got {_describe(billing)}",
                )
                billing = None
        return ColumnMapping(
            column=column,
            property=prop.name,
            kind=kind,
            split=split,
            unit=unit,
            currency=currency,
            thousands=thousands,
            parentheses=parentheses,
            qualifiers=quals,
            qualifier_columns=qual_cols,
            absent=absent,
            billing=billing,
        )

    def qualifiers(self, value: object, path: str) -> tuple[Qualifier, ...]:
        found = self.mapping(value, path, "a mapping of qualifier names to values")
        if not found:
            return ()
        out = []
        for key, given in found.items():
            if isinstance(given, bool) or not isinstance(given, (str, int, float, Decimal)):
                self.bad(f"{path}.{key}", f"expected a string, got {_describe(given)}")
                continue
            try:
                out.append(Qualifier(key=str(key), value=str(given)))
            except FieldError as exc:
                self.bad(f"{path}.{key}", str(exc))
        return tuple(out)

    def qualifier_columns(self, value: object, path: str) -> tuple[tuple[str, str], ...]:
        found = self.mapping(
            value, f"{path}.qualifier_columns", "a mapping of qualifier names to columns"
        )
        if not found:
            return ()
        out = []
        for key, column in found.items():
            name = self.text(column, f"{path}.qualifier_columns.{key}", "a column name")
            if name is not None:
                out.append((str(key), name))
        return tuple(out)

    def unit(self, value: object, kind: str, path: str) -> str | None:
        if value is None:
            return None
        if kind not in ("duration", "quantity") or not isinstance(value, str):
            what = "a time unit" if kind == "duration" else "a unit"
            if kind not in ("duration", "quantity"):
                self.bad(path, f"unit: is for durations and quantities, not {kind} values")
            else:
                self.bad(path, f"expected {what}, got {_describe(value)}")
            return None
        try:
            if kind == "duration":
                return Duration.parse(f"1 {value}").unit
            Quantity(amount=1, unit=value)
        except (ParseError, FieldError):
            expected = (
                "a time unit: s, min or h" if kind == "duration" else "a unit such as 'votes'"
            )
            self.bad(path, f"expected {expected}, got {_describe(value)}")
            return None
        return value

    def currency(self, value: object, kind: str, path: str) -> str | None:
        if value is None:
            return None
        if kind != "money":
            self.bad(path, f"currency: is for money, not {kind} values")
            return None
        if not isinstance(value, str) or not _CURRENCY_RE.fullmatch(value):
            self.bad(path, f"expected an ISO 4217 code such as USD, got {_describe(value)}")
            return None
        try:
            Money(amount=1, currency=value)
        except FieldError as exc:
            self.bad(path, str(exc))
            return None
        return value


def as_table_mapping(mapping: Any) -> TableMapping:
    """A :class:`TableMapping` from what ``load(..., mapping=)`` takes: a TableMapping, its
    dict, or a YAML file (a path) or text."""
    if isinstance(mapping, TableMapping):
        return mapping
    if isinstance(mapping, Mapping):
        return TableMapping.from_dict(mapping)
    if isinstance(mapping, (str, os.PathLike)):
        return TableMapping.from_yaml(mapping)
    raise MappingError(
        [
            Problem(
                message=(
                    f"expected a TableMapping, a dict or a YAML file, got {type(mapping).__name__}"
                )
            )
        ]
    )
