"""Shared test settings: Hypothesis profiles and paths to the shared real data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import filmlore
from filmlore import Dossier

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "thorough", deadline=None, max_examples=1000, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def shared_file(*parts: str) -> Path:
    """A file under ../shared; the test is skipped with a reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not present: {path}")
    return path


def on_a_terminal(
    *args: str,
    columns: int = 80,
    stdout: bool = False,
    stderr: bool = False,
    env: dict[str, str] | None = None,
) -> tuple[str, str]:
    """Run ``python -m filmlore ARGS`` with stdout and/or stderr on one pseudo-terminal
    ``columns`` wide (``COLUMNS``, ``FORCE_COLOR`` and ``NO_COLOR`` unset, unless ``env``
    sets them); what the terminal showed (``\\r\\n`` read as ``\\n``) and what was piped
    to stdout."""
    import fcntl
    import pty
    import select
    import struct
    import subprocess
    import sys
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    environ = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "COLUMNS")
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "filmlore", *args],
        stdout=follower if stdout else subprocess.PIPE,
        stderr=follower if stderr else subprocess.DEVNULL,
        env={**environ, "TERM": "xterm-256color", **(env or {})},
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    piped = b""
    if process.stdout is not None:
        piped = process.stdout.read()
        process.stdout.close()
    process.wait(timeout=120)
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
    return shown, piped.decode("utf-8")


@pytest.fixture(scope="session")
def heat() -> Dossier:
    """The Heat dossier that ships with filmlore, loaded once (a Dossier is immutable)."""
    loaded = filmlore.load(filmlore.example_path("heat"))
    assert isinstance(loaded, Dossier)
    return loaded
