"""Line numbers for ``$.paths`` in JSON, YAML and TOML text.

Parsing is done fast and without positions (orjson, libyaml, tomllib); only when something
is wrong is the text scanned again, once per file, to find the line of every path that has
a problem.  A path that does not exist in the text (a missing key) gets the line of the
deepest part of it that does.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from filmlore.io._problems import Path

__all__ = ["Locator", "json_locator", "toml_locator", "yaml_locator"]

#: Given the paths that have problems, their line numbers (1-based) where known.
Locator = Callable[[Iterable[Path]], dict[Path, int]]

_WS = re.compile(r"[ \t\n\r]*")


def _trie(paths: Iterable[Path]) -> dict[Any, Any]:
    root: dict[Any, Any] = {}
    for path in paths:
        node = root
        for part in path:
            node = node.setdefault(part, {})
    return root


def _deepest(found: dict[Path, int], path: Path) -> int | None:
    for end in range(len(path), -1, -1):
        line = found.get(path[:end])
        if line is not None:
            return line
    return None


class _Lines:
    """Line numbers of offsets into one text."""

    def __init__(self, text: str) -> None:
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1


def json_locator(text: str, first_line: int = 1) -> Locator:
    """A :data:`Locator` for JSON ``text`` (whose first line is ``first_line``)."""

    def locate(paths: Iterable[Path]) -> dict[Path, int]:
        wanted = list(paths)
        found: dict[Path, int] = {}
        lines = _Lines(text)
        decoder = json.JSONDecoder()
        scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]

        def skip(i: int) -> int:
            return _WS.match(text, i).end()  # type: ignore[union-attr]

        def walk(i: int, trie: dict[Any, Any], prefix: Path) -> int:
            i = skip(i)
            found.setdefault(prefix, lines(i) + first_line - 1)
            char = text[i : i + 1]
            if char == "{" and trie:
                i = skip(i + 1)
                if text[i : i + 1] == "}":
                    return i + 1
                while True:
                    key_at = i
                    key, i = scanstring(text, i + 1)
                    i = skip(i)
                    i = skip(i + 1)  # the colon
                    if key in trie:
                        sub: Path = (*prefix, key)
                        found[sub] = lines(key_at) + first_line - 1
                        i = walk(i, trie[key], sub)
                    else:
                        i = decoder.raw_decode(text, i)[1]
                    i = skip(i)
                    if text[i : i + 1] != ",":
                        return i + 1
                    i = skip(i + 1)
            if char == "[" and trie:
                i = skip(i + 1)
                if text[i : i + 1] == "]":
                    return i + 1
                index = 0
                while True:
                    if index in trie:
                        i = walk(i, trie[index], (*prefix, index))
                    else:
                        i = decoder.raw_decode(text, i)[1]
                    i = skip(i)
                    if text[i : i + 1] != ",":
                        return i + 1
                    i = skip(i + 1)
                    index += 1
            return int(decoder.raw_decode(text, i)[1])

        with contextlib.suppress(ValueError, IndexError):  # not JSON: keep what was found
            walk(0, _trie(wanted), ())
        return {p: line for p in wanted if (line := _deepest(found, p)) is not None}

    return locate


def yaml_locator(text: str, loader: Any) -> Locator:
    """A :data:`Locator` for YAML ``text``, from the marks of its composed node tree."""
    import yaml

    def locate(paths: Iterable[Path]) -> dict[Path, int]:
        wanted = list(paths)
        found: dict[Path, int] = {}
        try:
            root = yaml.compose(text, Loader=loader)
        except yaml.YAMLError:
            return {}

        def walk(node: Any, trie: dict[Any, Any], prefix: Path) -> None:
            found.setdefault(prefix, node.start_mark.line + 1)
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    key = getattr(key_node, "value", None)
                    if isinstance(key, str) and key in trie:
                        sub: Path = (*prefix, key)
                        found[sub] = key_node.start_mark.line + 1
                        walk(value_node, trie[key], sub)
            elif isinstance(node, yaml.SequenceNode):
                for index, item in enumerate(node.value):
                    if index in trie:
                        walk(item, trie[index], (*prefix, index))

        if root is not None:
            walk(root, _trie(wanted), ())
        return {p: line for p in wanted if (line := _deepest(found, p)) is not None}

    return locate


_TOML_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""


def toml_locator(text: str) -> Locator:
    """A :data:`Locator` for TOML ``text``, good for the layout filmlore writes.

    ``$.claims[3]`` is the line of the fourth ``[[claims]]`` header and ``$.claims[3].value``
    the line of ``value = …`` under it; a path inside an inline table or array gets the line
    of its key.  Hand-written TOML in other layouts gets the nearest line found.
    """

    def locate(paths: Iterable[Path]) -> dict[Path, int]:
        lines = text.splitlines()
        out: dict[Path, int] = {}
        for path in paths:
            line = _toml_line(lines, path)
            if line is not None:
                out[path] = line
        return out

    return locate


def _toml_key(line: str, key: str) -> bool:
    match = re.match(rf"\s*({_TOML_KEY})\s*=", line)
    if match is None:
        return False
    written = match.group(1)
    if written[:1] in "\"'":
        try:
            written = json.loads(written) if written[0] == '"' else written[1:-1]
        except ValueError:
            return False
    return bool(written == key)


def _toml_line(lines: list[str], path: Path) -> int | None:
    if not path:
        return 1
    head = path[0]
    if not isinstance(head, str):
        return None
    if len(path) >= 2 and isinstance(path[1], int):
        header = re.compile(rf"\s*\[\[\s*{re.escape(head)}\s*\]\]")
        seen = -1
        for number, line in enumerate(lines):
            if header.match(line):
                seen += 1
                if seen == path[1]:
                    if len(path) == 2 or not isinstance(path[2], str):
                        return number + 1
                    for offset, inner in enumerate(lines[number + 1 :], start=number + 2):
                        if inner.lstrip().startswith("["):
                            break
                        if _toml_key(inner, path[2]):
                            return offset
                    return number + 1
    for number, line in enumerate(lines):  # a top-level key: before the first table
        if line.lstrip().startswith("["):
            break
        if _toml_key(line, head):
            return number + 1
    return None
