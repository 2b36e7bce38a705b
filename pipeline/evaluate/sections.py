"""Hand-labelled section boundaries (corpora/labelled/sections) and segmentation accuracy.

File format (see corpora/labelled/sections/README.md): the report's text with inline markers
``[[label]]`` where a section starts; table rows written ``| cell | cell |`` are read as our
.docx reader flattens tables, one cell per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.text.normalize import normalize
from pipeline.text.sections import Section

MARKER_RE = re.compile(r"\[\[([a-z_+]+)\]\]")


@dataclass
class LabelledReport:
    name: str
    text: str  # normalised text, as the pipeline sees it
    labels: list[str]  # one label per character of ``text``
    kind: str | None


def _flatten_table_rows(raw: str) -> str:
    out = []
    for line in raw.split("\n"):
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            cells = [c.strip() for c in stripped[1:-1].split(" | ")]
            out.extend(c for c in cells if MARKER_RE.sub("", c).strip() or MARKER_RE.search(c))
        else:
            out.append(line)
    return "\n".join(out)


def parse_annotated(raw: str, name: str = "") -> LabelledReport:
    """Strip markers, flatten tables and normalise, carrying one label per character.

    Each marker-delimited segment is normalised on its own; the concatenation is re-normalised
    and the labels carried over by aligning non-space characters (normalisation only changes
    spaces, quotes, dashes and leaders, never letters' order).
    """
    flat = _flatten_table_rows(raw)
    pieces: list[tuple[str, str]] = []
    pos, label = 0, None
    for m in MARKER_RE.finditer(flat):
        if label is not None or m.start() > pos:
            pieces.append((label or "header", flat[pos : m.start()]))
        label, pos = m.group(1), m.end()
    pieces.append((label or "header", flat[pos:]))
    raw_text = "".join(p for _, p in pieces)
    char_labels: list[str] = []
    for lab, piece in pieces:
        char_labels.extend([lab] * len(piece))
    text = normalize(raw_text)
    # carry labels: normalise each piece, walk non-space chars in parallel
    seq: list[str] = []
    for lab, piece in pieces:
        seq.extend(lab for c in normalize(piece) if not c.isspace())
    labels: list[str] = []
    k = 0
    last = seq[0] if seq else "header"
    for c in text:
        if c.isspace():
            labels.append(last)
        else:
            last = seq[min(k, len(seq) - 1)]
            labels.append(last)
            k += 1
    # a space or newline just before a marker belongs to the section it ends: fine either way
    kind = (
        "collective"
        if any(lab in ("principles", "targets", "party_building", "political_task") for lab, _ in pieces)
        else "individual"
    )
    return LabelledReport(name, text, labels, kind)


def load_labelled_sections(folder: str | Path) -> list[LabelledReport]:
    folder = Path(folder)
    return [parse_annotated(p.read_text(encoding="utf-8"), p.name) for p in sorted(folder.glob("*.txt"))]


def char_accuracy(true_labels: list[str], sections: list[Section], text: str) -> float:
    """Share of non-space characters whose predicted section label equals the true one."""
    predicted = ["header"] * len(text)
    for s in sections:
        predicted[s.start : s.end] = [s.label] * (s.end - s.start)
    total = correct = 0
    for c, t, p in zip(text, true_labels, predicted, strict=True):
        if c.isspace():
            continue
        total += 1
        correct += t == p
    return correct / total if total else 1.0
