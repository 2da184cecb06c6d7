"""The HTML report checked in a real browser (headless Chromium)."""
