"""A small batch of real-looking reports on disk, for the engine and archive tests.

Texts: hand-written section-labelled reports (corpora/labelled/sections) and the reuse
stage's hand-made copy pair (a member's 2023 report and the 2024 report copied from it), with
their ``[[label]]`` markers removed.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[2]
LABELLED = REPO / "corpora" / "labelled" / "sections"
CASES = REPO / "tests" / "stages" / "reuse" / "cases"
_MARK_RE = re.compile(r"\[\[[a-z_+]+\]\]")

#: (source file, doc_id, member_id, unit, year)
REPORTS: tuple[tuple[Path, str, str, str, int], ...] = (
    (CASES / "mai_2023.txt", "MAI-2023", "MAI", "U01", 2023),
    (CASES / "mai_2024_copy.txt", "MAI-2024", "MAI", "U01", 2024),
    (CASES / "hung_2024.txt", "HUNG-2024", "HUNG", "U02", 2024),
    (CASES / "tuan_2024_copy.txt", "TUAN-2024", "TUAN", "U02", 2024),
    (LABELLED / "01_ubnd_xa_tan_lap.txt", "L01-2024", "L01", "U03", 2024),
)


def write_batch(folder: Path, years: tuple[int, ...] | None = None) -> Path:
    """Write the reports (of ``years``, or all) as .txt files with a manifest; returns the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for src, doc_id, member, unit, year in REPORTS:
        if years is not None and year not in years:
            continue
        name = f"{doc_id.lower()}.txt"
        (folder / name).write_text(_MARK_RE.sub("", src.read_text(encoding="utf-8")), encoding="utf-8")
        rows.append(
            {
                "path": name,
                "member_id": member,
                "unit": unit,
                "year": year,
                "kind": "individual",
                "role": "member",
                "doc_id": doc_id,
            }
        )
    manifest = folder / "manifest.csv"
    with manifest.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return manifest


def sorted_frame(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Rows sorted by ``keys`` (then every column), index reset: for order-free comparison."""
    cols = keys + [c for c in frame.columns if c not in keys]
    return frame.astype(str).sort_values(cols, kind="stable").reset_index(drop=True)


def assert_same_outputs(a, b) -> None:
    """documents, matches and plans of two ScreenResults are identical after sorting."""
    pd.testing.assert_frame_equal(
        sorted_frame(a.documents, ["doc_id"]), sorted_frame(b.documents, ["doc_id"])
    )
    pd.testing.assert_frame_equal(
        sorted_frame(a.matches, ["doc_id", "source_doc_id", "start"]),
        sorted_frame(b.matches, ["doc_id", "source_doc_id", "start"]),
    )
    pd.testing.assert_frame_equal(
        sorted_frame(a.plans, ["doc_id", "start"]), sorted_frame(b.plans, ["doc_id", "start"])
    )
