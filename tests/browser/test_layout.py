"""The HTML report laid out by headless Chromium at 1280 and 390 px: no sideways scrolling,
nothing spilling out of its box, no name broken -- and the check itself fails a page that
is too wide.

These need Debian's ``chromium``; ``make browser-check`` (part of ``make test``) installs it
when run as root and otherwise stops with the install line.  Run alone without Chromium,
they are skipped with that line as the reason.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.browser.check_layout import INSTALL, WIDTHS, Layout, check, heat_report

pytestmark = pytest.mark.skipif(
    shutil.which("chromium") is None and shutil.which("chromium-browser") is None,
    reason=f"Chromium is not installed; install it with: {INSTALL}",
)


@pytest.fixture(scope="module")
def heat(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Layout]:
    """Heat's report laid out at each width, with its screenshots."""
    folder = tmp_path_factory.mktemp("browser")
    layouts = check([heat_report(folder)], shots=folder)
    return {layout.width: layout for layout in layouts}


def _page(folder: Path, body: str) -> Path:
    page = folder / "page.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
        f"<body>{body}</body></html>",
        encoding="utf-8",
    )
    return page


def test_heat_report_fits_a_laptop_and_a_phone(heat: dict[int, Layout]) -> None:
    """At 1280 and 390 px the page is no wider than the window and nothing spills."""
    assert sorted(heat) == sorted(WIDTHS)
    for width, layout in heat.items():
        assert layout.problems == [], (width, layout.problems)
        assert layout.page <= width


def test_the_matrix_scrolls_in_its_own_box_on_a_phone(heat: dict[int, Layout]) -> None:
    """At 390 px the agreement matrix is wider than the screen and scrolls in its box."""
    assert any(box.startswith("div.scroll") for box in heat[390].scrolling)


def test_screenshots_are_taken_at_both_widths(heat: dict[int, Layout]) -> None:
    """Each width leaves a PNG of the page, as wide as the window."""
    for width, layout in heat.items():
        assert layout.screenshot is not None
        png = layout.screenshot.read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(png[16:20], "big") == width


def test_a_page_wider_than_the_window_fails(tmp_path: Path) -> None:
    """A 900 px wide block makes a reader scroll sideways on a phone: the check fails."""
    page = _page(tmp_path, '<div style="width:900px">wide</div>')
    narrow, wide = check([page], widths=(390, 1280))
    assert narrow.page >= 900
    assert any("scrolls sideways" in p for p in narrow.problems)
    assert wide.problems == []


def test_content_spilling_out_of_its_box_fails(tmp_path: Path) -> None:
    """A header clipped by its cell, or a name broken over two lines, fails the check."""
    page = _page(
        tmp_path,
        '<div style="width:80px;overflow:hidden"><span style="white-space:nowrap">'
        "a header far too long for its box</span></div>"
        '<p style="width:60px"><span class="name">crime-epic-blog mann-scraps</span></p>',
    )
    (layout,) = check([page], widths=(390,))
    assert any(p.startswith("spills out of its box: div") for p in layout.problems)
    assert any(p.startswith("broken over two lines: span.name") for p in layout.problems)
