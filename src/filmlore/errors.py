"""Every error filmlore raises, and where in the input it happened.

All errors derive from :class:`FilmloreError`; each leaf also derives from the builtin
exception a caller would naturally catch, so ``except ValueError`` keeps working::

    FilmloreError
    ├── ParseError               (ValueError)   text that is not a value of its kind
    ├── FieldError               (ValueError)   a model field that breaks its rule
    ├── UnknownPropertyError     (LookupError)  a property name not in the registry
    ├── PropertyDeclarationError (ValueError)   properties that name each other wrongly
    ├── PolicyError              (ValueError)   a reconciliation policy set up wrongly
    ├── HierarchyError           (ValueError)   a taxonomy link that would make a cycle
    ├── UnresolvedReferenceError (LookupError)  an entity reference with no entity
    ├── DuplicateIdError         (ValueError)   two entities with the same id
    ├── LoadError                (ValueError)   every problem found in one input, at once
    ├── IssuesFound              (ValueError)   validation issues of error severity
    └── MissingDependencyError   (ImportError)  an optional extra that is not installed

Messages say what was expected, what came, and where.  The structured parts stay on the
exception as attributes so that programs need not parse messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

__all__ = [
    "DataWarning",
    "DuplicateIdError",
    "FieldError",
    "FilmloreError",
    "HierarchyError",
    "IssuesFound",
    "LoadError",
    "Location",
    "MappingError",
    "MissingDependencyError",
    "PageError",
    "ParseError",
    "PolicyError",
    "Problem",
    "PropertyDeclarationError",
    "ScaffoldError",
    "UnknownExampleError",
    "UnknownPropertyError",
    "UnresolvedReferenceError",
]


class FilmloreError(Exception):
    """The root of every error filmlore raises."""


@attrs.frozen(slots=True, kw_only=True)
class Location:
    """Where something is in an input: a file, a line and a ``$.path``.

    >>> str(Location(file="heat.yaml", line=48, path="$.claims[12].value"))
    '$.claims[12].value (heat.yaml:48)'
    """

    path: str = "$"
    file: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = self.file if self.line is None else f"{self.file}:{self.line}"
        elif self.line is not None:
            where = f"line {self.line}"
        return f"{self.path} ({where})" if where else self.path


def _describe(value: object) -> str:
    """A short, unambiguous rendering of an offending value for a message."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


class ParseError(FilmloreError, ValueError):
    """Text that cannot be read as a value of the wanted kind.

    >>> err = ParseError("date", "Jul 17", "a year, or a default_year to resolve it against")
    >>> str(err)
    "cannot read 'Jul 17' as a date: expected a year, or a default_year to resolve it against"
    """

    def __init__(self, kind: str, text: object, expected: str) -> None:
        self.kind = kind
        self.text = text
        self.expected = expected
        article = "an" if kind[:1].lower() in "aeiou" else "a"
        super().__init__(f"cannot read {_describe(text)} as {article} {kind}: expected {expected}")


class FieldError(FilmloreError, ValueError):
    """A model field whose value breaks the field's rule.

    >>> str(FieldError("Film", "runtime", "a Duration", "170"))
    "Film.runtime: expected a Duration, got '170'"
    """

    def __init__(self, model: str, field: str, expected: str, got: object) -> None:
        self.model = model
        self.field = field
        self.expected = expected
        self.got = got
        super().__init__(f"{model}.{field}: expected {expected}, got {_describe(got)}")


class UnknownPropertyError(FilmloreError, LookupError):
    """A property name that is not in the property registry."""

    def __init__(self, name: str, known: Sequence[str] = ()) -> None:
        self.name = name
        hint = ""
        close = [k for k in known if k.startswith(name[:3])][:5]
        if close:
            hint = f" (did you mean {', '.join(close)}?)"
        super().__init__(
            f"unknown property {name!r}{hint}; register it with filmlore.register_property"
        )

    def __str__(self) -> str:  # LookupError would otherwise repr() the message
        return str(self.args[0])


class ScaffoldError(FilmloreError, ValueError):
    """A dossier folder that cannot be made, or added to, as asked."""


class PageError(FilmloreError, ValueError):
    """A page or file whose text cannot be read as a source's text."""


class UnknownExampleError(FilmloreError, LookupError):
    """No example dossier ships under the name asked for."""


class HierarchyError(FilmloreError, ValueError):
    """A term or link a :class:`~filmlore.Taxonomy` cannot take: a term with no letters or
    digits, a link that would make a cycle, a synonym that is a term of its own."""


class PolicyError(FilmloreError, ValueError):
    """A reconciliation policy set up wrongly: a weight below 0, a probability outside
    (0, 1), an authority order that names a kind twice."""


class PropertyDeclarationError(FilmloreError, ValueError):
    """Properties that name each other wrongly: an ``inverse`` or ``broader`` property that
    is not registered, a property broader than itself through others, or two properties
    claiming the same inverse.

    >>> raise PropertyDeclarationError("remade_as", "inverse", "remake", "no such property")
    Traceback (most recent call last):
    ...
    filmlore.errors.PropertyDeclarationError: property 'remade_as' has inverse 'remake': ...
    """

    def __init__(self, prop: str, field: str, target: str, problem: str) -> None:
        self.property = prop
        self.field = field
        self.target = target
        self.problem = problem
        super().__init__(f"property {prop!r} has {field} {target!r}: {problem}")


class UnresolvedReferenceError(FilmloreError, LookupError):
    """An entity reference that names no entity in the dossier."""

    def __init__(self, ref: object, where: str = "") -> None:
        self.ref = ref
        suffix = f" (from {where})" if where else ""
        super().__init__(f"no entity {str(ref)!r} in the dossier{suffix}")

    def __str__(self) -> str:
        return str(self.args[0])


class DuplicateIdError(FilmloreError, ValueError):
    """Two entities of a dossier that share one id."""

    def __init__(self, id: object) -> None:
        self.id = id
        super().__init__(f"duplicate id {str(id)!r}: every entity needs its own")


@attrs.frozen(slots=True, kw_only=True)
class Problem:
    """One thing wrong with an input: what, and where.

    >>> str(Problem(message="expected an int, got '1999'", location=Location(path="$.year")))
    "expected an int, got '1999' @ $.year"
    """

    message: str
    location: Location = attrs.field(factory=Location)
    record: Any = None

    def __str__(self) -> str:
        return f"{self.message} @ {self.location}"


class LoadError(FilmloreError, ValueError):
    """Every problem found in one input, reported together."""

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        head = f"{len(self.problems)} problem(s)"
        if source:
            head += f" in {source}"
        lines = [head + ":"] + [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class MappingError(FilmloreError, ValueError):
    """A table mapping that cannot be used: an unknown key, an unknown property or kind, an
    option of the wrong type.  Every problem is listed, each with its ``$.path`` in the
    mapping (and the mapping's file, when it was read from one).

    >>> import filmlore
    >>> filmlore.TableMapping.from_dict(
    ...     {"film": {"title": "name"}, "columns": {"x": {"property": "?"}}})
    Traceback (most recent call last):
    ...
    filmlore.errors.MappingError: 1 problem(s) in the table mapping:
      - unknown property '?': give kind: to declare it (a kind such as text, date, integer) @ $.columns.x.property
    """  # noqa: E501

    def __init__(self, problems: list[Problem], source: str | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        #: The ``$.path`` of the first problem.
        self.path = self.problems[0].location.path if self.problems else "$"
        where = f" {source}" if source else " the table mapping"
        lines = [f"{len(self.problems)} problem(s) in{where}:"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class IssuesFound(FilmloreError, ValueError):
    """Validation found issues of error severity; they are on :attr:`issues`."""

    def __init__(self, issues: Sequence[Any]) -> None:
        self.issues = list(issues)
        lines = [f"{len(self.issues)} validation issue(s):"] + [f"  - {i}" for i in self.issues]
        super().__init__("\n".join(lines))


class DataWarning(UserWarning):
    """Something an importer read but changed or skipped on the way in: an id written as a
    spreadsheet number, blank rows, an encoding detected.  Each change is also recorded on
    the claims it touched, and listed on :attr:`filmlore.LoadResult.notes`."""


class MissingDependencyError(FilmloreError, ImportError):
    """An optional feature whose extra is not installed; the message says how to install it."""

    def __init__(self, module: str, extra: str, feature: str) -> None:
        self.module = module
        self.extra = extra
        super().__init__(f"{feature} needs the {module!r} package: pip install 'filmlore[{extra}]'")


def require(module: str, *, extra: str, feature: str) -> Any:
    """Import an optional module, or raise :class:`MissingDependencyError` with a hint."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(module, extra, feature) from exc
