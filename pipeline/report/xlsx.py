"""report.xlsx: the output tables as one workbook for commissions (openpyxl, write-only mode).

Sheets ``documents`` (riskiest first), ``matches``, ``plans``, ``units``, ``errors`` — named like
the CSV files so scripts can find them — with readable (Vietnamese by default) headers, the
header row frozen, an autofilter over each table and column widths fitted to the content.
Coded values people read (self rating, source kind, match type, plan label and slots, quota
status) are translated; identifiers and numbers are kept as in the CSV.

Cell hygiene: characters openpyxl refuses (C0 controls such as Word's ``\\x0b``) become spaces,
text is capped at Excel's 32,767 characters per cell, and text beginning with ``=`` is stored
as text, never as a formula (a report cannot put a formula into the commission's workbook).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from pipeline import schema
from pipeline.report.i18n import (
    MATCH_TYPE_LABELS,
    QUOTA_STATUS_LABELS,
    RATING_LABELS,
    SLOT_LABELS,
    SOURCE_KIND_LABELS,
    check_lang,
    column_header,
)

if TYPE_CHECKING:
    from pipeline.screen import ScreenResult

SHEETS: tuple[str, ...] = ("documents", "matches", "plans", "units", "errors")
MAX_CELL_CHARS = 32_767
MAX_WIDTH = 60
MIN_WIDTH = 6
#: Rows sampled per column to fit its width.
WIDTH_SAMPLE = 500

_ILLEGAL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="FFE8EAED")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="top")


def clean_cell(value: Any) -> Any:
    """A value openpyxl accepts: missing -> None, NumPy -> Python, text cleaned and capped."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, str):
        value = _ILLEGAL_RE.sub(" ", value)
        if len(value) > MAX_CELL_CHARS:
            value = value[: MAX_CELL_CHARS - 1] + "…"
    return value


def _translate(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Coded values people read, in ``lang``."""
    df = df.copy()
    tables = {
        "self_rating": RATING_LABELS[lang],
        "source_kind": SOURCE_KIND_LABELS[lang],
        "match_type": MATCH_TYPE_LABELS[lang],
        "quota_status": QUOTA_STATUS_LABELS[lang],
    }
    for col, table in tables.items():
        if col in df.columns:
            df[col] = df[col].map(lambda v, t=table: t.get(v, v) if isinstance(v, str) else v)
    if "missing" in df.columns:
        slots = SLOT_LABELS[lang]
        df["missing"] = df["missing"].map(
            lambda v: "; ".join(slots.get(s, s) for s in v.split(";") if s) if isinstance(v, str) else v
        )
    if "label" in df.columns and "item" in df.columns:  # plans
        plan_labels = {"vi": {"specific": "cụ thể", "vague": "chung chung"}, "en": {}}[lang]
        df["label"] = df["label"].map(lambda v: plan_labels.get(v, v) if isinstance(v, str) else v)
    return df


def _width(header: str, values: pd.Series) -> float:
    sample = values.head(WIDTH_SAMPLE)
    longest = max([len(header) * 0.9] + [len(str(v)) for v in sample if v is not None and not pd.isna(v)])
    return float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2)))


def _write_sheet(wb: Workbook, title: str, df: pd.DataFrame, lang: str, freeze: str) -> None:
    ws = wb.create_sheet(title)
    cols = list(df.columns)
    headers = [column_header(c, lang) for c in cols]
    for k, (h, c) in enumerate(zip(headers, cols, strict=True), start=1):
        ws.column_dimensions[get_column_letter(k)].width = _width(h, df[c])
    ws.freeze_panes = freeze
    if cols:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{len(df) + 1}"
    header_cells = []
    for h in headers:
        cell = WriteOnlyCell(ws, value=h)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _HEADER_ALIGN
        header_cells.append(cell)
    ws.append(header_cells)
    for values in df.itertuples(index=False, name=None):
        row: list[Any] = []
        for v in values:
            v = clean_cell(v)
            if isinstance(v, str) and v.startswith("="):
                cell = WriteOnlyCell(ws, value=v)
                cell.data_type = "s"  # text, never a formula
                row.append(cell)
            else:
                row.append(v)
        ws.append(row)


def sheet_frames(result: ScreenResult) -> dict[str, pd.DataFrame]:
    """The five tables as they go into the workbook (before translation)."""
    docs = result.documents.copy()
    if len(docs):
        docs["_r"] = pd.to_numeric(docs["risk"], errors="coerce")
        docs = docs.sort_values(["_r", "doc_id"], ascending=[False, True], na_position="last", kind="stable")
        docs = docs.drop(columns="_r").reset_index(drop=True)
    units = result.units if hasattr(result, "units") else None
    if units is None:
        from pipeline.report.units import unit_summary

        units = unit_summary(result.documents)
    return {
        "documents": docs,
        "matches": result.matches.reindex(columns=list(schema.MATCH_COLUMNS)),
        "plans": result.plans.reindex(columns=list(schema.PLAN_COLUMNS)),
        "units": units,
        "errors": result.errors.reindex(columns=list(schema.ERROR_COLUMNS)),
    }


def write_xlsx(result: ScreenResult, target: str | Path | IO[bytes], lang: str = "vi") -> None:
    """Write report.xlsx to a path or a binary file object."""
    lang = check_lang(lang)
    wb = Workbook(write_only=True)
    for name, df in sheet_frames(result).items():
        freeze = "B2" if name in ("documents", "matches", "plans") else "A2"
        _write_sheet(wb, name, _translate(df, lang), lang, freeze)
    wb.save(target)


def xlsx_bytes(result: ScreenResult, lang: str = "vi") -> bytes:
    """report.xlsx as bytes (for the atomic writer)."""
    buf = io.BytesIO()
    write_xlsx(result, buf, lang)
    return buf.getvalue()
