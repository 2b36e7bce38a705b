"""report.html in a real headless browser (Debian's chromium): renders, filters, no console errors.

Filters are driven through the URL fragment the page reads on load (``#unit=..&year=..&finding=..``);
``--dump-dom`` returns the DOM after the scripts ran. A screenshot of the top of the report is
kept in tests/artifacts/report-top.png (gitignored).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from .browser import DomSummary, dump_dom, require_chromium, screenshot
from .fixtures import UNIT_B, make_result

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(scope="module")
def chromium() -> str:
    return require_chromium()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    make_result().write(out, xlsx=False)
    return out / "report.html"


def test_renders_without_console_errors(chromium: str, page: Path) -> None:
    run = dump_dom(chromium, page)
    dom = DomSummary.parse(run.stdout)
    assert run.console == []
    assert dom.body.get("data-ready") == "1", "the page script did not finish"
    assert dom.body.get("data-shown") == "6"
    assert len(dom.visible_rows()) == 6 and len(dom.visible_details()) == 6
    # the report containing <script> and an <img onerror> rendered as text, nothing ran
    assert "data-pwned" not in dom.body
    assert dom.scripts == 1
    text = "".join(dom.text)
    assert "<script>document.body.setAttribute('data-pwned', 'script')</script>" in text
    assert dom.title == "Soi — kết quả sàng lọc bản kiểm điểm"


@pytest.mark.parametrize(
    ("fragment", "rows"),
    [
        ("#finding=copied_peer", ["m3-2025", "m2-2025"]),
        ("#year=2024", ["m5-2024", "m1-2024"]),
        (f"#unit={quote(UNIT_B)}&finding=template_heavy", ["m4-2025"]),
        ("#finding=excellent_flagged", ["m1-2025", "m5-2024"]),
        ("#finding=none", ["m1-2024"]),
        ("#year=2031", None),  # a value that is not offered: filter ignored, everything shown
    ],
)
def test_filters_from_fragment(chromium: str, page: Path, fragment: str, rows: list[str] | None) -> None:
    run = dump_dom(chromium, page, fragment)
    dom = DomSummary.parse(run.stdout)
    assert run.console == []
    expected = rows if rows is not None else [r["data-doc"] for r in dom.rows]
    assert sorted(dom.visible_rows()) == sorted(expected)
    assert sorted(dom.visible_details()) == sorted(expected)
    assert dom.body["data-shown"] == str(len(expected))


def test_unit_filter_applies_to_unit_summary(chromium: str, page: Path) -> None:
    dom = DomSummary.parse(dump_dom(chromium, page, f"#unit={quote(UNIT_B)}").stdout)
    visible = [r for r in dom.unit_rows if "hidden" not in r]
    assert {r["data-unit"] for r in visible} == {UNIT_B}
    assert len(visible) == 2


def test_screenshot_of_the_top(chromium: str, page: Path) -> None:
    shot = ARTIFACTS / "report-top.png"
    run = screenshot(chromium, page, shot)
    assert run.console == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    with Image.open(shot) as im:
        assert im.size == (1280, 900)
        colours = im.convert("L").getextrema()
        assert colours[1] - colours[0] > 100, "blank screenshot"
