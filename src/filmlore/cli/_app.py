"""The console of one run of the ``filmlore`` command, its errors and its help's layout."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import textwrap
from collections.abc import Callable, Iterator, Sequence
from typing import Any

__all__ = [
    "NEEDS_RICH",
    "App",
    "DataError",
    "Formatter",
    "UsageError",
    "count",
    "in_cli_words",
    "para",
    "version",
]

NEEDS_RICH = "filmlore's command line needs rich: pip install 'filmlore[cli]'"


class UsageError(Exception):
    """A command line that cannot be carried out as written (exit code 2)."""


class DataError(Exception):
    """Input data with errors (exit code 1); ``lines`` say what and where."""

    def __init__(self, head: str, lines: Sequence[str] = ()) -> None:
        super().__init__(head)
        self.head = head
        self.lines = list(lines)


class Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=min(_columns(), 100))


def _columns() -> int:
    """The width to write to: ``COLUMNS`` when set, else the terminal's (the one on stdout,
    stderr or stdin: piping the output keeps the width of the terminal it came from), else
    100.  Output wraps the same whether it is shown or piped to a file."""
    try:
        return max(60, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        pass
    for fd in (1, 2, 0):
        try:
            return max(60, os.get_terminal_size(fd).columns)
        except (OSError, ValueError):
            continue
    return 100


def para(text: str) -> str:
    """A description wrapped to the help's width (the epilogs keep their own lines)."""
    return textwrap.fill(" ".join(text.split()), width=min(_columns(), 100) - 2)


def version() -> str:
    import filmlore

    return f"filmlore {filmlore.__version__}"


class App:
    """The consoles and helpers of one run."""

    def __init__(self, rich: Any) -> None:
        width = _columns()
        self.rich = rich
        self.out = rich.console.Console(highlight=False, width=width)
        self.err = rich.console.Console(stderr=True, highlight=False)

    def say(self, text: str, style: str = "") -> None:
        """A line on stderr (messages, not results)."""
        self.err.print(self.rich.text.Text(text, style=style), soft_wrap=True)

    def show(self, renderable: Any) -> None:
        """Print a rich renderable on stdout; piped, without the tables' trailing spaces."""
        if self.out.is_terminal:
            self.out.print(renderable)
            return
        with self.out.capture() as captured:
            self.out.print(renderable)
        lines = captured.get().splitlines()
        self.out.file.write("".join(line.rstrip() + "\n" for line in lines))

    @contextlib.contextmanager
    def progress(self, label: str) -> Iterator[None]:
        """A pulsing progress bar on stderr while a step runs -- on a terminal only."""
        if not self.err.is_terminal:
            yield
            return
        progress = self.rich.progress
        bar = progress.Progress(
            progress.SpinnerColumn(),
            progress.TextColumn("{task.description}"),
            progress.BarColumn(),
            progress.TimeElapsedColumn(),
            console=self.err,
            transient=True,
        )
        with bar:
            bar.add_task(label, total=None)
            yield

    @contextlib.contextmanager
    def counting(self, label: str, unit: str) -> Iterator[Callable[[int], None]]:
        """A counter on stderr while a long step runs (on a terminal only); yields the
        function to call with the count so far."""
        if not self.err.is_terminal:
            yield lambda n: None
            return
        progress = self.rich.progress
        bar = progress.Progress(
            progress.SpinnerColumn(),
            progress.TextColumn("{task.description}"),
            progress.TextColumn("{task.completed:,} " + unit),
            progress.TimeElapsedColumn(),
            console=self.err,
            transient=True,
        )
        with bar:
            task = bar.add_task(label, total=None)
            yield lambda n: bar.update(task, completed=n)


def count(n: int, noun: str) -> str:
    """``1 source``, ``7 sources``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


#: A library argument named in a message, and the option of the command line that sets it.
_OPTIONS = {
    "mapping": "--mapping FILE",
    "date_order": "--date-order",
    "pivot": "--pivot",
    "encoding": "--encoding",
    "repair_text": "--repair-text",
    "kinds": "--kinds PROPERTY=KIND",
    "sources": "--sources FILE",
    "hierarchy": "--hierarchy FILE",
    "lenient": "--lenient",
}
_IMPORT_CALL = re.compile(r"load\(path, format='(\w+)', mapping=\.\.\.\)")
_NEEDS = re.compile(r"format='?(\w+)'? needs")
_PASS_FORMAT = re.compile(r"pass format= ?")
_ARGUMENT = re.compile(r"\b(" + "|".join(_OPTIONS) + r")=(?:\.\.\.|<[^>]*>|\{[^}]*\})?")


def in_cli_words(text: str, command: str) -> str:
    """A library message as the command line says it: the options of ``command`` in place
    of the Python arguments that the library's message names (``mapping=`` is
    ``--mapping FILE``; ``load(path, format='table', mapping=...)`` is
    ``filmlore import table PATH --mapping FILE``).

    >>> in_cli_words("format='table' needs mapping= (which column holds what)", "import")
    'table needs --mapping FILE (which column holds what)'
    """
    text = _IMPORT_CALL.sub(r"filmlore import \1 PATH --mapping FILE", text)
    text = _NEEDS.sub(r"\1 needs", text)
    given = {
        "convert": "pass --from or --to, ",
        "import": "name the FORMAT, ",
    }.get(command, "give the file a suffix that says which, ")
    text = _PASS_FORMAT.sub(given, text)
    return _ARGUMENT.sub(lambda m: _OPTIONS[m[1]], text)
