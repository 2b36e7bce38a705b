"""Drive Debian's chromium headless without selenium/playwright: ``--dump-dom`` and ``--screenshot``.

The page reads its filter from the URL fragment, so a filtered view is just a URL. Console
messages (errors included) are logged to stderr with ``--enable-logging=stderr`` as lines
containing ``:CONSOLE``; the report itself never logs, so any such line is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--enable-logging=stderr",
    "--v=0",
)
TIMEOUT = 60


def chromium_path() -> str | None:
    """The chromium binary, or None (Debian names it ``chromium``; Ubuntu ``chromium-browser``)."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    """The binary; skips the test when absent, unless CI demands it (SOI_REQUIRE_BROWSER=1)."""
    path = chromium_path()
    if path is None:
        msg = (
            "Debian's chromium is not installed, so the headless-browser test of report.html cannot run "
            "(install it with: apt-get install -y chromium; CI installs it in scripts/setup.sh)"
        )
        if os.environ.get("SOI_REQUIRE_BROWSER") == "1":
            pytest.fail(msg + " — SOI_REQUIRE_BROWSER=1 makes this a failure")
        pytest.skip(msg)
    return path


@dataclass
class Run:
    stdout: str
    stderr: str

    @property
    def console(self) -> list[str]:
        """Console lines the page produced (errors, warnings, logs)."""
        return [line for line in self.stderr.splitlines() if ":CONSOLE" in line]


def run_chromium(binary: str, url: str, *extra: str) -> Run:
    """One headless run with a fresh profile."""
    with tempfile.TemporaryDirectory(prefix="soi-chromium-") as profile:
        proc = subprocess.run(
            [binary, *FLAGS, f"--user-data-dir={profile}", *extra, url],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    if proc.returncode != 0:
        raise AssertionError(f"chromium exited {proc.returncode}: {proc.stderr[-2000:]}")
    return Run(proc.stdout, proc.stderr)


def dump_dom(binary: str, page: Path, fragment: str = "") -> Run:
    return run_chromium(binary, page.resolve().as_uri() + fragment, "--dump-dom")


def screenshot(binary: str, page: Path, out: Path, width: int = 1280, height: int = 900) -> Run:
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    return run_chromium(
        binary,
        page.resolve().as_uri(),
        f"--screenshot={out.resolve()}",
        f"--window-size={width},{height}",
        "--hide-scrollbars",
    )


class DomSummary(HTMLParser):
    """What the tests read from a dumped DOM: body attributes, table rows, detail sections."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body: dict[str, str] = {}
        self.rows: list[dict[str, str]] = []
        self.details: list[dict[str, str]] = []
        self.unit_rows: list[dict[str, str]] = []
        self.scripts = 0
        self.title = ""
        self._in_title = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        cls = a.get("class", "").split()
        if tag == "body":
            self.body = a
        elif tag == "tr" and "doc-row" in cls:
            self.rows.append(a)
        elif tag == "tr" and "unit-row" in cls:
            self.unit_rows.append(a)
        elif tag == "section" and "doc-detail" in cls:
            self.details.append(a)
        elif tag == "script":
            self.scripts += 1
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.text.append(data)

    @classmethod
    def parse(cls, html: str) -> DomSummary:
        p = cls()
        p.feed(html)
        return p

    def visible_rows(self) -> list[str]:
        return [r["data-doc"] for r in self.rows if "hidden" not in r]

    def visible_details(self) -> list[str]:
        return [r["data-doc"] for r in self.details if "hidden" not in r]
