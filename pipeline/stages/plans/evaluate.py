"""Measurements of the plans stage against the hand-made sets (used by tests and benchmarks).

* :func:`evaluate_temporal` — deadline detection and normalisation on corpora/labelled/temporal.csv.
* :func:`evaluate_items` — the item classifier (and the lexicon baseline) on the fixed test split
  of corpora/labelled/plan_items.csv.
* :func:`evaluate_documents` — document-level vague_plan / unremedied_weaknesses against a truth
  table (generated corpus or hand-labelled documents).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pipeline.stages.plans.temporal import find_deadlines


@dataclass
class TemporalScores:
    """Deadline detection on the hand-made set.

    A found deadline is a true positive when its span overlaps the gold expression of a row whose
    ``is_deadline`` is 1; every other found deadline is a false positive; a gold deadline with no
    overlapping find is a false negative. Normalisation is scored on the true positives whose
    gold row gives a start or an end date: both must be equal (empty = None).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact_span: int = 0
    norm_total: int = 0
    norm_correct: int = 0
    kind_correct: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def normalisation_accuracy(self) -> float:
        return self.norm_correct / self.norm_total if self.norm_total else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "exact_span_share": round(self.exact_span / self.tp, 4) if self.tp else None,
            "kind_accuracy": round(self.kind_correct / self.tp, 4) if self.tp else None,
            "normalisation_accuracy": round(self.normalisation_accuracy, 4),
            "normalised_rows": self.norm_total,
        }


def evaluate_temporal(df: pd.DataFrame) -> TemporalScores:
    """Score :func:`find_deadlines` on a temporal.csv frame (see :class:`TemporalScores`)."""
    sc = TemporalScores()
    for row in df.itertuples(index=False):
        text = str(row.text)
        found = find_deadlines(text, int(row.report_year))
        gold = int(row.is_deadline) == 1
        g_start = g_end = -1
        if gold:
            g_start = text.find(str(row.expression))
            if g_start < 0:
                g_start = text.lower().find(str(row.expression).lower())
            g_end = g_start + len(str(row.expression))
        hit = None
        for d in found:
            if gold and g_start >= 0 and d.start < g_end and d.end > g_start and hit is None:
                hit = d
            else:
                sc.fp += 1
                sc.errors.append(
                    {"id": row.id, "error": "fp", "found": d.text, "gold": row.expression if gold else ""}
                )
        if gold and hit is None:
            sc.fn += 1
            sc.errors.append({"id": row.id, "error": "fn", "found": "", "gold": row.expression})
        if hit is not None:
            sc.tp += 1
            sc.exact_span += hit.text == str(row.expression)
            sc.kind_correct += hit.kind == str(row.kind)
            if str(row.start) or str(row.end):
                sc.norm_total += 1
                ok = hit.iso_start == str(row.start) and hit.iso_end == str(row.end)
                sc.norm_correct += ok
                if not ok:
                    sc.errors.append(
                        {
                            "id": row.id,
                            "error": "norm",
                            "found": f"{hit.text} -> {hit.iso_start}..{hit.iso_end}",
                            "gold": f"{row.expression} -> {row.start}..{row.end}",
                        }
                    )
    return sc


def _prf(gold: list[int], pred: list[int]) -> dict[str, float]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    acc = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold) if gold else 1.0
    return {
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "f1": round(f1, 4),
        "accuracy": round(acc, 4),
        "n": len(gold),
        "positives": sum(gold),
    }


def evaluate_documents(
    documents: pd.DataFrame,
    truth: pd.DataFrame,
    findings: tuple[str, ...] = ("vague_plan", "unremedied_weaknesses"),
) -> dict[str, Any]:
    """Document-level precision/recall/F1 of each finding's flag against a truth table (doc_id + columns)."""
    merged = documents[["doc_id", *findings]].merge(
        truth[["doc_id", *findings]], on="doc_id", suffixes=("", "_true")
    )
    out: dict[str, Any] = {}
    for f in findings:
        m = merged.dropna(subset=[f, f"{f}_true"])
        out[f] = _prf([int(x) for x in m[f"{f}_true"]], [int(x) for x in m[f]])
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def evaluate_generated_items(plans: pd.DataFrame, truth_plans: pd.DataFrame) -> dict[str, Any]:
    """Item extraction and labelling against a generated corpus's truth_plans.csv.

    A true item is found when a predicted item covers at least half of it (and vice versa for
    precision). Label and slot accuracy are measured on the found pairs.
    """
    found = 0
    label_ok = 0
    slot_ok = {"measure": 0, "deadline": 0, "target": 0}
    pred_by_doc = {d: g for d, g in plans.groupby("doc_id")} if len(plans) else {}
    true_by_doc = {d: g for d, g in truth_plans.groupby("doc_id")} if len(truth_plans) else {}
    matched_pred = 0
    n_pred = len(plans)
    for doc_id, tg in true_by_doc.items():
        pg = pred_by_doc.get(doc_id)
        preds = [] if pg is None else list(pg.itertuples(index=False))
        used: set[int] = set()
        for t in tg.itertuples(index=False):
            span = (int(t.start), int(t.end))
            best, best_ov = None, 0
            for k, p in enumerate(preds):
                ov = _overlap(span, (int(p.start), int(p.end)))
                if ov > best_ov:
                    best, best_ov = k, ov
            if best is None or best_ov * 2 < span[1] - span[0]:
                continue
            found += 1
            p = preds[best]
            if best not in used:
                used.add(best)
                matched_pred += 1
            label_ok += p.label == t.label
            missing = set(str(p.missing).split(";")) if isinstance(p.missing, str) else set()
            for s in slot_ok:
                slot_ok[s] += (s not in missing) == bool(getattr(t, f"has_{s}"))
    n_true = len(truth_plans)
    return {
        "true_items": n_true,
        "predicted_items": n_pred,
        "item_recall": round(found / n_true, 4) if n_true else 1.0,
        "item_precision": round(matched_pred / n_pred, 4) if n_pred else 1.0,
        "label_accuracy_on_found": round(label_ok / found, 4) if found else None,
        **{f"slot_{s}_accuracy_on_found": round(v / found, 4) if found else None for s, v in slot_ok.items()},
    }


def labelled_documents_batch(tmp_dir: Any) -> tuple[Any, pd.DataFrame]:
    """A Batch of the hand-labelled reports of corpora/labelled/documents.csv, prepared as
    ``soi screen`` prepares them (normalisation, header, section segmentation; no tokens, which
    the plans stage does not use), and the labels frame with a ``doc_id`` column.

    Reports in corpora/labelled/sections carry inline ``[[label]]`` markers: they are written
    without them into ``tmp_dir`` first.
    """
    from pathlib import Path

    from pipeline.evaluate.sections import parse_annotated
    from pipeline.ingest.manifest import ManifestRow
    from pipeline.labelled import labelled_dir
    from pipeline.prepare import prepare_file
    from pipeline.screen import build_batch, default_segmenter

    folder = labelled_dir()
    labels = pd.read_csv(folder / "documents.csv", dtype={"file": str})
    tmp = Path(tmp_dir)
    seg = default_segmenter()
    prepared = []
    ids = []
    for i, row in enumerate(labels.itertuples(index=False)):
        src = folder / str(row.file)
        doc_id = f"L{i:03d}-{Path(str(row.file)).stem}"
        if "sections" in Path(str(row.file)).parts[0]:
            dst = tmp / f"{doc_id}.txt"
            dst.write_text(parse_annotated(src.read_text(encoding="utf-8"), src.name).text, encoding="utf-8")
            src = dst
        mrow = ManifestRow(
            i + 2, src, doc_id, "labelled", int(row.year), str(row.kind), str(row.role), doc_id
        )
        prepared.append(prepare_file(src, mrow, seg))
        ids.append(doc_id)
    batch = build_batch(prepared, [])
    return batch, labels.assign(doc_id=ids)


def generate_batch(out: Any, seed: int, units: int, years: str, variant: str) -> None:
    """Write a generated batch (``soi corpus generate``) into ``out`` (a subprocess, as the CLI)."""
    import subprocess
    import sys
    from pathlib import Path

    cmd = [
        sys.executable,
        "-m",
        "pipeline.corpus.cli",
        "generate",
        "--seed",
        str(seed),
        "--units",
        str(units),
    ]
    cmd += ["--years", years, "--out", str(out), "--variant", variant]
    subprocess.run(cmd, check=True, cwd=Path(__file__).resolve().parents[3], capture_output=True)
