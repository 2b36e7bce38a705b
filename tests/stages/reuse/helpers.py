"""Hand-made reuse cases: reports written with ``[[label]]`` section markers (like corpora/labelled)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from pipeline.model import DOCUMENT_FRAME_COLUMNS, SECTION_COLUMNS, Batch
from pipeline.text.normalize import normalize

CASES = Path(__file__).with_name("cases")
_MARK_RE = re.compile(r"\[\[([a-z_+]+)\]\]")


def parse_marked(raw: str) -> tuple[str, list[tuple[str, int, int]]]:
    """Text without markers and ``(label, start, end)`` sections."""
    raw = normalize(raw)
    parts, labels, pos = [], [], 0
    out = ""
    for m in _MARK_RE.finditer(raw):
        out += raw[pos : m.start()]
        labels.append((m.group(1), len(out)))
        pos = m.end()
    out += raw[pos:]
    del parts
    sections = []
    for k, (label, start) in enumerate(labels):
        end = labels[k + 1][1] if k + 1 < len(labels) else len(out)
        sections.append((label, start, end))
    return out, sections


def load_cases(names: list[str] | None = None) -> Batch:
    """A Batch of the hand-made reports listed in cases/manifest.csv (all, or ``names`` by file)."""
    docs, secs = [], []
    with (CASES / "manifest.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if names is not None and row["file"] not in names:
                continue
            text, sections = parse_marked((CASES / row["file"]).read_text(encoding="utf-8"))
            docs.append(
                {
                    "doc_id": row["doc_id"],
                    "path": row["file"],
                    "member_id": row["member_id"],
                    "unit": row["unit"],
                    "year": int(row["year"]),
                    "kind": row["kind"],
                    "role": row["role"],
                    "name": row["name"],
                    "text": text,
                }
            )
            secs.extend(
                {"doc_id": row["doc_id"], "label": lab, "heading": "", "start": s, "end": e}
                for lab, s, e in sections
            )
    batch = Batch()
    batch.documents = pd.DataFrame(docs).reindex(columns=list(DOCUMENT_FRAME_COLUMNS))
    batch.sections = pd.DataFrame(secs).reindex(columns=list(SECTION_COLUMNS))
    return batch


def case_templates() -> dict[str, str]:
    return {
        p.stem: normalize(p.read_text(encoding="utf-8")) for p in sorted((CASES / "templates").glob("*.txt"))
    }
