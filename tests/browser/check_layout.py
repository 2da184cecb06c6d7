"""The HTML report in headless Chromium at a laptop's and a phone's width.

Renders the HTML report of the Heat dossier, opens it in headless Chromium at 1280 and
390 CSS pixels wide, and fails when

* the page is wider than the window (``document.documentElement.scrollWidth``), so that a
  reader would scroll sideways;
* an element's content spills out of its box (``scrollWidth > clientWidth``) when the box
  does not scroll it itself (``overflow-x: auto`` or ``scroll``, as the agreement matrix
  does): a clipped header, a bar drawn over its label;
* a source name, a property or a column header (``.name``, ``.prop``, ``th``) is broken
  over two lines.

It takes a screenshot of the whole page at each width into the output folder
(``heat-report-1280.png``, ``heat-report-390.png``).  Run by ``make browser-check`` (part
of ``make test``)::

    python tests/browser/check_layout.py [--out build] [--chromium PATH] [PAGE.html ...]

Given pages, it checks those instead of Heat's report.  Chromium is driven through its
DevTools protocol over a pipe (``--remote-debugging-pipe``), which lets the page be laid
out at exactly 390 px: a headless window is never narrower than 500 px, so
``--window-size=390,…`` alone would lay the page out at 500.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The widths the report is checked at: a laptop and a phone, in CSS pixels.
WIDTHS = (1280, 390)
#: The height of the window at each width (the screenshot covers the whole page).
HEIGHTS = {1280: 900, 390: 844}
#: The flags Chromium runs with: headless, no sandbox (as root in a container), nothing
#: fetched in the background, a fresh profile each run.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
#: How to install Chromium where it is missing (Debian and Ubuntu).
INSTALL = "sudo apt-get install -y chromium"
#: The tallest screenshot taken, in CSS pixels (the rest of a longer page is left out;
#: Heat's report is about 61,000 px tall at 390 px wide).
TALLEST = 100_000
#: How long one step in the browser may take, in seconds.
TIMEOUT = 60.0

#: Measures the page: run in it after it has loaded; returns JSON.
MEASURE = r"""
(() => {
  const doc = document.documentElement;
  const describe = (e) => {
    let s = e.tagName.toLowerCase();
    if (e.id) s += "#" + e.id;
    if (typeof e.className === "string" && e.className.trim())
      s += "." + e.className.trim().split(/\s+/).join(".");
    const text = (e.textContent || "").trim().replace(/\s+/g, " ");
    return s + (text ? ' "' + text.slice(0, 40) + '"' : "");
  };
  const spilling = [], scrolling = [], broken = [];
  for (const e of document.body.querySelectorAll("*")) {
    if (!(e instanceof HTMLElement) || e.clientWidth === 0) continue;
    if (e.scrollWidth > e.clientWidth + 1) {
      const x = getComputedStyle(e).overflowX;
      (x === "auto" || x === "scroll" ? scrolling : spilling).push(
        describe(e) + " " + e.scrollWidth + " > " + e.clientWidth);
    }
  }
  for (const e of document.body.querySelectorAll(".name, .prop, th")) {
    const range = document.createRange();
    range.selectNodeContents(e);
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    if (tops.size > 1) broken.push(describe(e));
  }
  return JSON.stringify({
    width: window.innerWidth, room: doc.clientWidth, page: doc.scrollWidth,
    height: doc.scrollHeight,
    spilling, scrolling, broken,
  });
})()
"""


class BrowserError(RuntimeError):
    """Chromium is missing, would not start, or did not answer in time."""


@dataclass
class Layout:
    """How a page laid out at one width: the page's width, the room it has (the window's
    width less a scroll bar), what spills out of its box, what scrolls in its own box, and
    which names were broken over two lines."""

    url: str
    width: int
    room: int
    page: int
    height: int
    spilling: list[str] = field(default_factory=list)
    scrolling: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    screenshot: Path | None = None

    @property
    def problems(self) -> list[str]:
        """What is wrong with the layout, in words; empty when nothing is."""
        out = []
        if self.page > min(self.width, self.room):
            out.append(
                f"the page is {self.page} px wide in a {self.width} px window "
                f"({self.room} px of room): a reader scrolls sideways"
            )
        out += [f"spills out of its box: {e}" for e in self.spilling]
        out += [f"broken over two lines: {e}" for e in self.broken]
        return out


def find_chromium(given: str | None = None) -> str:
    """The Chromium program to run: ``given``, else ``chromium`` (or ``chromium-browser``)
    on the PATH; :class:`BrowserError` with the install line when there is none."""
    for name in (given,) if given else ("chromium", "chromium-browser"):
        found = shutil.which(name) if name else None
        if found:
            return found
    raise BrowserError(f"Chromium is not installed; install it with: {INSTALL}")


class Chromium:
    """A headless Chromium driven over its DevTools pipe (fd 3 in, fd 4 out)."""

    def __init__(self, program: str, profile: Path) -> None:
        to_browser, self._write = os.pipe()
        self._read, from_browser = os.pipe()

        def pipes() -> None:  # in the child: its fd 3 reads our commands, fd 4 answers
            a, b = os.dup(to_browser), os.dup(from_browser)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(
            [program, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=pipes,  # the browser reads fd 3 and writes fd 4
            close_fds=False,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        """Close the browser (and kill it when it does not go)."""
        with suppress(BrowserError, OSError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._read, self._write):
            with suppress(OSError):
                os.close(fd)

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._read], [], [], max(left, 0))
            if not ready:
                raise BrowserError(f"Chromium did not answer within {TIMEOUT:.0f} s")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise BrowserError("Chromium closed the connection (did it start?)")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        """Send one command and return its result (events that come first are kept)."""
        self._id += 1
        command: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session is not None:
            command["sessionId"] = session
        os.write(self._write, json.dumps(command).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._message(deadline)
            if message.get("id") == self._id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error'].get('message')}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def wait_for(self, event: str, session: str) -> None:
        """Wait until ``event`` has come for ``session``."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            for k, message in enumerate(self.events):
                if message.get("method") == event and message.get("sessionId") == session:
                    del self.events[k]
                    return
            self.events.append(self._message(deadline))

    def open(self, url: str, width: int) -> str:
        """A new tab laid out ``width`` CSS pixels wide (a phone below 600), showing ``url``
        once it has loaded; returns the tab's session."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = str(
            self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        )
        metrics = {
            "width": width,
            "height": HEIGHTS.get(width, 900),
            "deviceScaleFactor": 1,
            "mobile": width < 600,
        }
        self.send("Emulation.setDeviceMetricsOverride", metrics, session)
        self.send("Page.enable", {}, session)
        self.send("Page.navigate", {"url": url}, session)
        self.wait_for("Page.loadEventFired", session)
        return session

    def measure(self, session: str) -> dict[str, Any]:
        """The page's :data:`MEASURE`."""
        found = self.send(
            "Runtime.evaluate", {"expression": MEASURE, "returnByValue": True}, session
        )
        if "exceptionDetails" in found:
            raise BrowserError(f"measuring the page failed: {found['exceptionDetails']}")
        data: dict[str, Any] = json.loads(found["result"]["value"])
        return data

    def screenshot(self, session: str, width: int, height: int, target: Path) -> None:
        """The page's first ``height`` pixels, ``width`` wide, as a PNG in ``target``."""
        clip = {"x": 0, "y": 0, "width": width, "height": min(height, TALLEST), "scale": 1}
        shot = self.send(
            "Page.captureScreenshot",
            {"format": "png", "clip": clip, "captureBeyondViewport": True},
            session,
        )
        target.write_bytes(base64.b64decode(shot["data"]))


@contextmanager
def chromium(program: str | None = None) -> Iterator[Chromium]:
    """A headless Chromium with a fresh profile, closed (and its profile removed) after."""
    found = find_chromium(program)
    with tempfile.TemporaryDirectory(prefix="filmlore-chromium-") as profile:
        browser = Chromium(found, Path(profile))
        try:
            yield browser
        finally:
            browser.close()


def check(
    pages: Sequence[Path],
    *,
    widths: Sequence[int] = WIDTHS,
    shots: Path | None = None,
    program: str | None = None,
) -> list[Layout]:
    """How each page lays out at each width; with ``shots``, a screenshot of each into that
    folder as ``<page name>-<width>.png``."""
    out = []
    with chromium(program) as browser:
        for page in pages:
            url = page.resolve().as_uri()
            for width in widths:
                session = browser.open(url, width)
                data = browser.measure(session)
                layout = Layout(
                    url=url,
                    width=width,
                    room=int(data["room"]),
                    page=int(data["page"]),
                    height=int(data["height"]),
                    spilling=list(data["spilling"]),
                    scrolling=list(data["scrolling"]),
                    broken=list(data["broken"]),
                )
                if shots is not None:
                    shots.mkdir(parents=True, exist_ok=True)
                    layout.screenshot = shots / f"{page.stem}-{width}.png"
                    browser.screenshot(session, width, layout.height, layout.screenshot)
                out.append(layout)
    return out


def heat_report(folder: Path) -> Path:
    """The HTML report of the Heat dossier, written into ``folder``."""
    import filmlore

    dossier = filmlore.load(filmlore.example_path("heat"))
    page = filmlore.report.render(filmlore.reconcile(dossier), dossier, format="html")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "heat-report.html"
    target.write_text(page, encoding="utf-8")
    return target


def main(argv: Sequence[str] | None = None) -> int:
    """Check the pages (Heat's report by default); 0 when every layout is sound, 1 when
    one is not, 2 when Chromium is missing or fails."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", type=Path, help="HTML pages (default: Heat's)")
    parser.add_argument("--out", type=Path, default=Path("build"), help="screenshot folder")
    parser.add_argument("--chromium", default=None, help="the Chromium program to run")
    args = parser.parse_args(argv)
    try:
        pages = args.pages or [heat_report(args.out / "browser")]
        layouts = check(pages, shots=args.out, program=args.chromium)
    except BrowserError as exc:
        print(f"browser check: {exc}", file=sys.stderr)
        return 2
    failed = False
    for layout in layouts:
        problems = layout.problems
        failed = failed or bool(problems)
        verdict = "FAILS" if problems else "fits"
        print(
            f"{layout.url} at {layout.width} px: {verdict} (page {layout.page} px wide, "
            f"{layout.height} px tall; {len(layout.scrolling)} box(es) scroll on their own)"
            + (f"; screenshot {layout.screenshot}" if layout.screenshot else "")
        )
        for problem in problems:
            print(f"  {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
