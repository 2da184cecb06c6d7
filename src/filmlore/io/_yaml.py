"""YAML: safe loading only, with the YAML 1.2 core schema's plain scalars.

PyYAML's safe loader follows YAML 1.1, whose plain scalars hold traps for film data:
``2:50`` (a runtime) is the sexagesimal integer 170, ``1995-12-15`` a ``datetime.date``,
``NO`` (Norway) and ``yes``/``off`` booleans, ``010`` the octal 8.  filmlore's loader keeps
only ``true``/``false``, ``null``/``~``, decimal integers and floats with a dot as non-strings;
everything else plain is a string.  The writer quotes every string that any YAML 1.1 reader
would take for something else, so the files it writes read the same everywhere.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from filmlore.io._locate import yaml_locator
from filmlore.io._reader import Collector

__all__ = ["YAMLSyntaxError", "dumps_yaml", "loads_yaml", "read_yaml"]

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Loader(_BaseLoader):  # type: ignore[misc]
    """A safe loader with YAML 1.2 core plain scalars (see the module docstring)."""


Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
):
    Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


class YAMLSyntaxError(ValueError):
    """Text that is not YAML, with the line where parsing stopped."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def loads_yaml(text: str | bytes) -> Any:
    """Parse one YAML document safely."""
    try:
        return yaml.load(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(p for p in (exc.context, exc.problem) if p)
        raise YAMLSyntaxError(message, None if mark is None else mark.line + 1) from None
    except yaml.YAMLError as exc:
        raise YAMLSyntaxError(str(exc), None) from None


def read_yaml(text: str | bytes, collector: Collector, file: str | None) -> Any:
    """Parse ``text`` and note its locator; the data, or None after noting a syntax error."""
    try:
        data = loads_yaml(text)
    except YAMLSyntaxError as exc:
        collector.problem(None, (), f"not valid YAML: {exc.message}", file, exc.line)
        return None
    source = text.decode("utf-8", errors="replace") if isinstance(text, bytes) else text
    collector.locators[file] = yaml_locator(source, Loader)
    return data


def dumps_yaml(data: Any) -> str:
    """Block-style YAML keeping key order, with non-ASCII text written as is."""
    out: str = yaml.dump(
        data,
        Dumper=_BaseDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
    return out
