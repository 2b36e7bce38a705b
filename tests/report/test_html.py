"""report.html without a browser: escaping, self-containment, evidence, languages, limits."""

from __future__ import annotations

import re
import unicodedata

import pytest

from pipeline.report import i18n
from pipeline.report.html import build_context, highlight_segments, render_html, word_diff

from .fixtures import BAD_NAME, INJECTION, UNIT_B, make_result


@pytest.fixture(scope="module")
def result():
    return make_result()


@pytest.fixture(scope="module")
def page(result) -> str:
    return render_html(result, generated="2025-12-31 10:00")


def test_report_text_is_escaped(page: str) -> None:
    assert INJECTION not in page
    assert BAD_NAME not in page
    assert "&lt;script&gt;document.body.setAttribute(" in page
    assert "&lt;img src=x onerror=" in page
    assert "save as .docx &lt;b&gt;now&lt;/b&gt;" in page
    assert "mau-&lt;i&gt;tai-lieu&lt;/i&gt;" in page
    # the only script element is the page's own
    assert len(re.findall(r"<script\b", page, flags=re.I)) == 1
    # attribute values are escaped too (unit names with quotes, ampersand, angle brackets)
    assert 'data-unit="Chi bộ &#34;Hành chính&#34; &amp; &lt;Tổng hợp&gt;"' in page


def test_self_contained(page: str) -> None:
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page, flags=re.I)
    assert "<link" not in page
    assert "@import" not in page
    assert re.search(r'<img id="chart-units" [^>]*src="data:image/png;base64,', page)
    assert re.search(r'<img id="chart-trend" [^>]*src="data:image/png;base64,', page)


def test_ranked_rows_and_evidence(result, page: str) -> None:
    ctx = build_context(result, generated="x")
    ids = [r["doc_id"] for r in ctx["rows"]]
    risks = [r["risk"] for r in ctx["rows"]]
    assert risks == sorted(risks, reverse=True)
    assert set(ids) == set(result.documents.doc_id)
    anchors = {r["doc_id"]: r["anchor"] for r in ctx["rows"]}
    detail = {d["doc_id"]: d for d in ctx["details"]}
    # a copied passage links to last year's report, coloured as a prior source
    src = detail["m1-2025"]["sources"][0]
    assert (src["kind"], src["source_id"], src["href"]) == ("prior", "m1-2024", f"#doc-{anchors['m1-2024']}")
    assert f'href="#doc-{anchors["m1-2024"]}">[1]</a>' in page
    marked = [s for s in detail["m1-2025"]["segments"] if s.sources]
    assert [s.text for s in marked][0] == "Luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh."
    assert marked[0].css.startswith("src-prior-")
    # the side-by-side marks the refreshed year on both sides
    pairs = src["pairs"]
    changed = [(t for t, c in p["a"] if c) for p in pairs]
    assert ["2025"] in [list(c) for c in changed]
    # an archive source has no link and says so
    arch = detail["m5-2024"]["sources"][0]
    assert arch["href"] is None and arch["source_id"] == "m5-2023"
    # plan items with their missing slots, missing topics from the findings
    items = detail["m1-2025"]["plan_items"]
    assert items[0]["label"] == "vague" and items[0]["missing"] == ["deadline", "target"]
    assert [t["name"] for t in detail["m3-2025"]["topics"]] == ["missing_ethics"]
    # excellent proposal on a report with findings is called out; on a clean one it is not
    assert {r["doc_id"] for r in ctx["callouts"]} == {"m1-2025", "m5-2024"}


def test_filters_cover_units_years_findings(result, page: str) -> None:
    ctx = build_context(result, generated="x")
    assert ctx["filter_years"] == ["2024", "2025"]
    assert UNIT_B in ctx["filter_units"]
    for f in ("copied_prior", "copied_peer", "template_heavy", "missing_ethics", "vague_plan"):
        assert f'<option value="{f}">' in page


def test_english_labels(result) -> None:
    en = render_html(result, lang="en", with_plots=False)
    assert "Ranking" in en and "Xếp hạng" not in en
    assert "Copied from own earlier report" in en
    with pytest.raises(ValueError, match="unsupported language"):
        render_html(result, lang="fr")


def test_limits_link_to_rows(result) -> None:
    ctx = build_context(result, max_details=2, generated="x", with_plots=False)
    assert len(ctx["details"]) == 2
    last = ctx["rows"][-1]
    assert not last["has_detail"]
    assert ctx["href"](last["doc_id"]) == f"#row-{last['anchor']}"
    ctx = build_context(result, max_rows=3, generated="x", with_plots=False)
    assert len(ctx["rows"]) == 3 and ctx["n_docs"] == 6


def test_highlight_overlaps() -> None:
    text = "abcdefghij"
    segs = highlight_segments(text, [(2, 6, 1, 0.9), (4, 8, 2, 0.95)])
    assert [(s.text, s.sources) for s in segs] == [
        ("ab", []),
        ("cd", [1]),
        ("ef", [2, 1]),
        ("gh", [2]),
        ("ij", []),
    ]
    assert [s.end_refs for s in segs] == [[], [], [], [1, 2], []]
    assert "".join(s.text for s in segs) == text
    # spans past the end are clipped, empty ones dropped
    assert [(s.text, s.sources) for s in highlight_segments("abc", [(1, 99, 1, 1.0), (2, 2, 2, 1.0)])] == [
        ("a", []),
        ("bc", [1]),
    ]


def test_word_diff_marks_changes_only() -> None:
    a, b = word_diff("Hoàn thành 12 hồ sơ năm 2024.", "Hoàn thành 15 hồ sơ năm 2025.")
    assert [t for t, c in a if c] == ["12", "2024"]
    assert [t for t, c in b if c] == ["15", "2025"]
    assert "".join(t for t, _ in a) == "Hoàn thành 12 hồ sơ năm 2024."


def test_control_characters_do_not_reach_the_page(page: str) -> None:
    assert "\x0b" not in page


def test_labels_are_nfc_and_complete() -> None:
    for lang in i18n.LANGS:
        lab = i18n.labels(lang)
        assert set(lab["findings"]) == set(i18n.FINDING_LABELS["vi"])
        for table in lab.values():
            if isinstance(table, dict):
                for v in table.values():
                    assert unicodedata.normalize("NFC", v) == v
        assert set(lab["ui"]) == set(i18n.UI["vi"])
        assert set(lab["columns"]) == set(i18n.COLUMN_HEADERS["vi"])


def test_explain_lists_reasons_sources_and_plan_gaps(result) -> None:
    text = result.explain("m1-2025")
    assert "Hoàn thành xuất sắc nhiệm vụ" in text and "! Tự nhận hoàn thành xuất sắc" in text
    assert "Trùng với bản năm trước của chính mình m1-2024 (2 đoạn)" in text
    assert "thiếu: thời hạn, kết quả cần đạt" in text
    assert "Không có phát hiện nào." in result.explain("m1-2024")
    with pytest.raises(KeyError):
        result.explain("nope")


def test_batch_where_nothing_could_be_read() -> None:
    import pandas as pd

    from pipeline import schema
    from pipeline.model import Batch
    from pipeline.report.xlsx import xlsx_bytes
    from pipeline.screen import ScreenResult

    docs = pd.DataFrame({c: pd.Series(dtype=object) for c in schema.DOCUMENT_COLUMNS})
    errors = pd.DataFrame([{"path": "cu.doc", "error": "unsupported format (.doc), save as .docx"}])
    empty = ScreenResult(
        docs,
        pd.DataFrame(columns=list(schema.MATCH_COLUMNS)),
        pd.DataFrame(columns=list(schema.PLAN_COLUMNS)),
        errors,
        {},
        Batch(),
    )
    page = render_html(empty)
    assert "save as .docx" in page and 'class="doc-row"' not in page
    assert empty.units.empty
    assert xlsx_bytes(empty)[:2] == b"PK"
