"""The ``filmlore`` command: validate, reconcile, quotes, convert and import, over the library's
functions.

Install it with the ``cli`` extra (``pip install 'filmlore[cli]'``), which brings rich for
tables, colour and progress.  Exit codes: 0 when all went well, 1 when the data has errors
(it cannot be loaded, or ``validate`` finds errors), 2 for a usage error (an unknown
option, policy, format or kind, a path that does not exist).  Problems in the data are
printed with their place -- ``message @ $.path (file:line)`` -- never as a traceback.
Colour is used only on a terminal and never when ``NO_COLOR`` is set; progress is shown
on a terminal only.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence

from filmlore.cli._app import NEEDS_RICH, App, DataError, UsageError, in_cli_words
from filmlore.cli._convert import cmd_convert, cmd_import
from filmlore.cli._parser import build_parser
from filmlore.cli._read import cmd_quotes, cmd_reconcile, cmd_validate
from filmlore.cli._write import cmd_add_source, cmd_example, cmd_excerpt, cmd_new

__all__ = ["build_parser", "main"]

_COMMANDS: dict[str, Callable[[App, argparse.Namespace], int]] = {
    "validate": cmd_validate,
    "reconcile": cmd_reconcile,
    "quotes": cmd_quotes,
    "convert": cmd_convert,
    "import": cmd_import,
    "new": cmd_new,
    "add-source": cmd_add_source,
    "excerpt": cmd_excerpt,
    "example": cmd_example,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``filmlore`` command with ``argv`` (default: ``sys.argv[1:]``); return the
    exit code: 0 ok, 1 errors in the data, 2 a usage error."""
    try:
        import rich.console
        import rich.progress
        import rich.text
    except ImportError:
        print(NEEDS_RICH, file=sys.stderr)
        return 2
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    from filmlore.errors import FilmloreError
    from filmlore.importers import OptionError

    app = App(rich)
    command = f"filmlore {args.command}"

    def say(text: str, style: str = "") -> None:
        app.say(in_cli_words(text, args.command), style)

    try:
        return _COMMANDS[args.command](app, args)
    except (UsageError, OptionError) as exc:
        say(f"{command}: error: {exc}", "bold red")
        return 2
    except DataError as exc:
        say(f"{command}: {exc.head}", "bold red")
        for line in exc.lines:
            say(f"  {line}")
        return 1
    except ImportError as exc:  # an optional extra that is missing, with its install hint
        say(f"{command}: {exc}", "bold red")
        return 2
    except FilmloreError as exc:  # anything else wrong with the data: its message, no trace
        say(f"{command}: {exc}", "bold red")
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (``| head``): not an error of ours
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
