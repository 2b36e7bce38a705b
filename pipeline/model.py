"""The shared document model: one ``Batch`` of DataFrames that every stage reads and extends.

Like spaCy's ``Doc``, but columnar: a stage reads the frames it needs and appends rows to
``findings``, ``matches`` or ``plans``. Frames and their columns:

``documents`` (one row per screened report, in input order)
    doc_id, path, member_id, unit, year (int), kind, role, form_version, self_rating, name, dob,
    text (normalised text, the coordinate system of every character span), sha256,
    guessed_fields (';'-joined header fields read from the text instead of a manifest),
    warnings (';'-joined).
``sections`` (one row per section span)
    doc_id, label (a ``schema.SECTION_LABELS`` name or a merged ``a+b`` label), heading, start, end.
``sentences`` (one row per sentence)
    doc_id, sent_idx, start, end, section, text, tokens (underthesea word segmentation,
    words joined by spaces, syllables inside a word by ``_``).
``findings`` (one row per document and finding a stage computed)
    doc_id, finding, flag (0/1), score (float, units documented by the stage), reason
    (Vietnamese, one short line), detail (finding-specific, e.g. ';'-joined peer doc_ids).
``matches``, ``plans``: ``schema.MATCH_COLUMNS`` and ``schema.PLAN_COLUMNS``.
``errors``: path, error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pipeline import schema

DOCUMENT_FRAME_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "path",
    "member_id",
    "unit",
    "year",
    "kind",
    "role",
    "form_version",
    "self_rating",
    "name",
    "dob",
    "text",
    "sha256",
    "guessed_fields",
    "warnings",
)
SECTION_COLUMNS: tuple[str, ...] = ("doc_id", "label", "heading", "start", "end")
SENTENCE_COLUMNS: tuple[str, ...] = ("doc_id", "sent_idx", "start", "end", "section", "text", "tokens")
FINDING_COLUMNS: tuple[str, ...] = ("doc_id", "finding", "flag", "score", "reason", "detail")


def empty_frame(columns: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """An empty DataFrame with the given columns (object dtype)."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


@dataclass
class Batch:
    """Everything known about one screening run. Stages add to it; none removes."""

    documents: pd.DataFrame = field(default_factory=lambda: empty_frame(DOCUMENT_FRAME_COLUMNS))
    sections: pd.DataFrame = field(default_factory=lambda: empty_frame(SECTION_COLUMNS))
    sentences: pd.DataFrame = field(default_factory=lambda: empty_frame(SENTENCE_COLUMNS))
    findings: pd.DataFrame = field(default_factory=lambda: empty_frame(FINDING_COLUMNS))
    matches: pd.DataFrame = field(default_factory=lambda: empty_frame(schema.MATCH_COLUMNS))
    plans: pd.DataFrame = field(default_factory=lambda: empty_frame(schema.PLAN_COLUMNS))
    errors: pd.DataFrame = field(default_factory=lambda: empty_frame(schema.ERROR_COLUMNS))
    #: Earlier years' processed reports (same columns as ``documents``) from the archive,
    #: searched by the reuse stage but not screened or written out.
    history: pd.DataFrame = field(default_factory=lambda: empty_frame(DOCUMENT_FRAME_COLUMNS))
    history_sections: pd.DataFrame = field(default_factory=lambda: empty_frame(SECTION_COLUMNS))
    #: Parameters and thresholds each stage used, recorded in run.json.
    params: dict[str, Any] = field(default_factory=dict)
    #: Seconds spent per stage, recorded in run.json.
    timings: dict[str, float] = field(default_factory=dict)
    #: Stages that ran; a finding whose stage did not run is written as an empty column.
    stages_run: list[str] = field(default_factory=list)

    def add_findings(self, rows: pd.DataFrame | list[dict[str, Any]]) -> None:
        """Append finding rows (``FINDING_COLUMNS``)."""
        frame = pd.DataFrame(rows) if not isinstance(rows, pd.DataFrame) else rows
        for col in FINDING_COLUMNS:
            if col not in frame.columns:
                frame[col] = "" if col in ("reason", "detail") else None
        self.findings = _concat(self.findings, frame[list(FINDING_COLUMNS)])

    def add_matches(self, rows: pd.DataFrame) -> None:
        self.matches = _concat(self.matches, rows.reindex(columns=list(schema.MATCH_COLUMNS)))

    def add_plans(self, rows: pd.DataFrame) -> None:
        self.plans = _concat(self.plans, rows.reindex(columns=list(schema.PLAN_COLUMNS)))

    def add_errors(self, rows: list[dict[str, str]]) -> None:
        self.errors = _concat(self.errors, pd.DataFrame(rows, columns=list(schema.ERROR_COLUMNS)))

    def section_text(self, doc_id: str, labels: set[str]) -> list[tuple[int, int, str]]:
        """Spans ``(start, end, text)`` of a document's sections whose label has a part in ``labels``."""
        text = self.documents.loc[self.documents["doc_id"] == doc_id, "text"].iloc[0]
        rows = self.sections[self.sections["doc_id"] == doc_id]
        out = []
        for row in rows.itertuples():
            if set(str(row.label).split(schema.MERGE_SEP)) & labels:
                out.append((int(row.start), int(row.end), text[int(row.start) : int(row.end)]))
        return out


def _concat(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    if len(b) == 0:
        return a
    if len(a) == 0:
        return b.reset_index(drop=True)
    return pd.concat([a, b], ignore_index=True)
