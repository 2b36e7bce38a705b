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
                sc.errors.append({"id": row.id, "error": "fp", "found": d.text, "gold": row.expression if gold else ""})
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
