"""report.xlsx: sheets, Vietnamese headers, frozen header, filters, cell hygiene."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import load_workbook

from pipeline.report.xlsx import MAX_CELL_CHARS, SHEETS, clean_cell, xlsx_bytes

from .fixtures import make_result


def test_workbook_sheets_and_headers() -> None:
    result = make_result()
    result.plans.loc[0, "item"] = "=HYPERLINK(\"http://example.invalid\",\"x\")"
    result.matches.loc[0, "text"] = "x" * 40_000
    wb = load_workbook(io.BytesIO(xlsx_bytes(result)))
    assert wb.sheetnames == list(SHEETS)
    docs = wb["documents"]
    headers = [c.value for c in docs[1]]
    assert headers[:4] == ["Mã bản kiểm điểm", "Tệp", "Mã đảng viên", "Chi bộ"]
    assert "Chép lại bản kiểm điểm năm trước" in headers
    assert docs.freeze_panes == "B2"
    assert docs.auto_filter.ref == f"A1:{docs.cell(1, docs.max_column).column_letter}{len(result.documents) + 1}"
    assert docs.max_row == len(result.documents) + 1
    # riskiest first, self rating translated
    risks = [r[headers.index("Mức rủi ro")] for r in docs.iter_rows(min_row=2, values_only=True)]
    assert risks == sorted(risks, reverse=True)
    ratings = {r[headers.index("Tự nhận xếp loại")] for r in docs.iter_rows(min_row=2, values_only=True)}
    assert "Hoàn thành xuất sắc nhiệm vụ" in ratings
    # control character from the warnings column removed
    warn_col = headers.index("Cảnh báo")
    assert all("\x0b" not in (r[warn_col] or "") for r in docs.iter_rows(min_row=2, values_only=True))
    widths = [docs.column_dimensions[c].width for c in ("A", "B", "L")]
    assert all(6 <= w <= 60 for w in widths)
    # text that looks like a formula stays text; long text capped
    plans = wb["plans"]
    cell = plans.cell(2, 2)
    assert cell.value.startswith("=HYPERLINK") and cell.data_type == "s"
    assert len(wb["matches"].cell(2, 10).value) == MAX_CELL_CHARS
    assert wb["units"].cell(1, 1).value == "Chi bộ"
    assert wb["errors"].cell(2, 2).value.startswith("unsupported format")


def test_english_headers() -> None:
    wb = load_workbook(io.BytesIO(xlsx_bytes(make_result(), lang="en")))
    assert wb["documents"].cell(1, 1).value == "Report id"


def test_clean_cell() -> None:
    assert clean_cell("a\x0bb\x00c") == "a b c"
    assert clean_cell(pd.NA) is None and clean_cell(float("nan")) is None
    assert clean_cell(pd.Series([3], dtype="Int64").iloc[0]) == 3
