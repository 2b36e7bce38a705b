"""Hand-labelled section boundaries (corpora/labelled/sections) and segmentation accuracy.

File format (see corpora/labelled/sections/README.md): the report's text with inline markers
``[[label]]`` where a section starts; table rows written ``| cell | cell |`` are read as our
.docx reader flattens tables, one cell per line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.schema import MERGE_SEP
from pipeline.text.normalize import normalize
from pipeline.text.sections import Section, SectionSegmenter

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


# --- generated batches and per-label scores ---------------------------------------------------


def load_generated(folder: str | Path, limit: int | None = None) -> list[LabelledReport]:
    """Reports of a generated batch (``soi corpus generate``) with truth_sections.csv as labels.

    The generator writes normalised text and its truth spans index that text; the document kind
    comes from manifest.csv. ``limit`` keeps the first reports (in manifest order).
    """
    import csv

    folder = Path(folder)
    with open(folder / "manifest.csv", encoding="utf-8", newline="") as fh:
        manifest = list(csv.DictReader(fh))
    spans: dict[str, list[tuple[str, int, int]]] = {}
    with open(folder / "truth_sections.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            spans.setdefault(row["doc_id"], []).append((row["label"], int(row["start"]), int(row["end"])))
    out: list[LabelledReport] = []
    for row in manifest[:limit] if limit else manifest:
        text = normalize((folder / row["path"]).read_text(encoding="utf-8"))
        labels = ["header"] * len(text)
        for label, start, end in spans.get(row["doc_id"], []):
            labels[start:end] = [label] * (min(end, len(text)) - start)
        kind = "collective" if row.get("kind") == "collective" else "individual"
        out.append(LabelledReport(row["doc_id"], text, labels, kind))
    return out


def confusion(segmenter: SectionSegmenter, reports: list[LabelledReport]) -> Counter[tuple[str, str]]:
    """Non-space characters counted by (true label, predicted label) over ``reports``."""
    counts: Counter[tuple[str, str]] = Counter()
    for report in reports:
        predicted = ["header"] * len(report.text)
        for s in segmenter.segment(report.text, report.kind):
            predicted[s.start : s.end] = [s.label] * (s.end - s.start)
        counts.update(
            (t, p) for c, t, p in zip(report.text, report.labels, predicted, strict=True) if not c.isspace()
        )
    return counts


def _compatible(true: str, predicted: str) -> bool:
    """Equal labels, or one a part of the other's merged label ("weaknesses" for a true
    "weaknesses+causes": the generator labels a merged heading's whole section merged, where our
    annotation guide splits it at "Nguyên nhân")."""
    return true == predicted or predicted in true.split(MERGE_SEP) or true in predicted.split(MERGE_SEP)


def summarise(counts: Counter[tuple[str, str]], top: int = 12) -> dict[str, Any]:
    """Character accuracy (exact, and part-compatible: see :func:`_compatible`), per-label
    recall/precision/support and the largest confusions."""
    total = sum(counts.values())
    correct = sum(n for (t, p), n in counts.items() if t == p)
    compatible = sum(n for (t, p), n in counts.items() if _compatible(t, p))
    true_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    for (t, p), n in counts.items():
        true_n[t] += n
        pred_n[p] += n
    per_label = {
        label: {
            "recall": round(counts[(label, label)] / true_n[label], 3) if true_n[label] else None,
            "precision": round(counts[(label, label)] / pred_n[label], 3) if pred_n[label] else None,
            "chars": true_n[label],
        }
        for label in sorted(set(true_n) | set(pred_n))
    }
    errors = sorted(((n, t, p) for (t, p), n in counts.items() if t != p), reverse=True)[:top]
    return {
        "accuracy": round(correct / total, 4) if total else 1.0,
        "compatible_accuracy": round(compatible / total, 4) if total else 1.0,
        "chars": total,
        "per_label": per_label,
        "confusions": [{"true": t, "predicted": p, "chars": n} for n, t, p in errors],
    }


#: Folds of corpora/labelled/sections for cross-fitting: files 01-16 and 17-32 (two writers)
#: and the files added for robustness (43 on), each scored by a model trained without its fold.
def labelled_folds(reports: list[LabelledReport]) -> list[list[LabelledReport]]:
    """Split the annotated training reports into the cross-fitting folds (by file number)."""
    bounds = ((1, 16), (17, 32), (33, 99))
    folds = [[r for r in reports if lo <= int(r.name[:2]) <= hi] for lo, hi in bounds]
    return [f for f in folds if f]


def cross_fitted_confusion(
    reports: list[LabelledReport], **segmenter_kwargs: Any
) -> Counter[tuple[str, str]]:
    """Confusion over ``reports``, each fold segmented with a paragraph model trained without it."""
    from pipeline.text.paragraphs import ParagraphSectionModel, train

    counts: Counter[tuple[str, str]] = Counter()
    for fold in labelled_folds(reports):
        model = ParagraphSectionModel(train(exclude={r.name for r in fold})[0])
        counts.update(confusion(SectionSegmenter(model, **segmenter_kwargs), fold))
    return counts


def main(argv: list[str] | None = None) -> None:
    """``python -m pipeline.evaluate.sections [--cv] [--heldout] [DIR ...]``: JSON scores of the
    shipped segmenter on generated batches (DIR: ``soi corpus generate`` output), on the blind
    hand-labelled set, and cross-fitted on the training set."""
    import argparse
    import json

    from pipeline.labelled import labelled_dir
    from pipeline.screen import default_segmenter

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("folders", nargs="*", help="generated batch folders")
    parser.add_argument("--heldout", action="store_true", help="the blind set sections_heldout")
    parser.add_argument("--cv", action="store_true", help="cross-fitted on corpora/labelled/sections")
    args = parser.parse_args(argv)
    out: dict[str, Any] = {}
    if args.cv:
        out["sections_cv"] = summarise(
            cross_fitted_confusion(load_labelled_sections(labelled_dir() / "sections"))
        )
    if args.heldout:
        reports = load_labelled_sections(labelled_dir() / "sections_heldout")
        out["sections_heldout"] = summarise(confusion(default_segmenter(), reports))
    for folder in args.folders:
        out[str(folder)] = summarise(confusion(default_segmenter(), load_generated(folder)))
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
