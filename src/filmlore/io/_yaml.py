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

    def __init__(self, message: str, line: int | None, path: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.path = path


def loads_yaml(text: str | bytes) -> Any:
    """Parse one YAML document safely."""
    try:
        return yaml.load(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = None if mark is None else mark.line + 1
        raise YAMLSyntaxError(_in_words(exc, text, line), line, _where(text)) from None
    except yaml.YAMLError as exc:
        raise YAMLSyntaxError(str(exc), None) from None


def _in_words(exc: yaml.MarkedYAMLError, text: str | bytes, line: int | None) -> str:
    """PyYAML's complaint about ``text``, said the way a writer can act on it, with where
    in the data it stopped (``$.claims[2].value``) and the parser's own words after."""
    said = " ".join(p for p in (exc.context, exc.problem) if p)
    lines = (
        text.decode("utf-8", errors="replace") if isinstance(text, bytes) else text
    ).splitlines()
    row = lines[line - 1] if line is not None and 0 < line <= len(lines) else ""
    problem = exc.problem or ""
    advice = ""
    if "mapping values are not allowed" in problem:
        key, _, rest = row.strip().lstrip("- ").partition(": ")
        advice = (
            f"a colon followed by a space inside the unquoted value {rest.strip()!r}: YAML "
            f"reads it as a new key. Put the value in quotes: {key}: " + _quoted(rest.strip())
        )
    elif "tab character" in problem or ("cannot start any token" in problem and "\\t" in problem):
        advice = "a tab: YAML indents with spaces only"
    elif "found unexpected end of stream" in problem or "found unexpected end" in said:
        advice = "a quotation mark opened and never closed"
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        advice = "a line indented differently from the lines around it"
    elif "could not find expected ':'" in problem:
        advice = (
            "a line that is neither 'key: value' nor a list item; a long value that goes on "
            "to the next line must be indented further, or quoted"
        )
    elif "found character" in problem and ("'`'" in problem or "'@'" in problem):
        advice = "a value starting with ` or @, which YAML reserves: put it in quotes"
    return f"{advice} (the YAML parser says: {said})" if advice else said


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _where(text: str | bytes) -> tuple[str | int, ...]:
    """The path in the data the parser had reached when it stopped."""
    source = text.decode("utf-8", errors="replace") if isinstance(text, bytes) else text
    frames: list[list[Any]] = []  # [is_mapping, key or index, awaiting a key]
    try:
        for event in yaml.parse(source, Loader=Loader):
            top = frames[-1] if frames else None
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if top is not None and not top[0]:
                    top[1] += 1
                frames.append(
                    [True, None, True]
                    if isinstance(event, yaml.MappingStartEvent)
                    else [False, -1, False]
                )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frames.pop()
                if frames and frames[-1][0]:
                    frames[-1][2] = True
            elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)) and top is not None:
                if not top[0]:
                    top[1] += 1
                elif top[2]:
                    top[1], top[2] = getattr(event, "value", None), False
                else:
                    top[2] = True
    except yaml.YAMLError:
        pass
    path: list[str | int] = []
    for is_mapping, at, _ in frames:
        if is_mapping and at is not None:
            path.append(str(at))
        elif not is_mapping and at >= 0:
            path.append(at)
    return tuple(path)


def read_yaml(text: str | bytes, collector: Collector, file: str | None) -> Any:
    """Parse ``text`` and note its locator; the data, or None after noting a syntax error."""
    try:
        data = loads_yaml(text)
    except YAMLSyntaxError as exc:
        collector.problem(None, exc.path, f"not valid YAML: {exc.message}", file, exc.line)
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
