"""Choose the content stage's thresholds on generated variant-a batches (the train side).

For each setting of the sentence-level parameters (heading weight, text floor, minimum syllables)
the stage's decisions are recomputed from one set of model scores; each finding's document
threshold is then swept and the F1 against the batch's truth.csv recorded. Nothing here sees the
variant-b evaluation batches or the hand-written reports.

    .venv/bin/python benchmarks/content/tune.py DIR [DIR ...] [--out tune.json]

Each DIR is a generated batch (variant a) already screened by benchmarks/content/evaluate.py
(which caches the batch as DIR/.content-cache/batch.pkl).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import load_or_screen  # noqa: E402

from pipeline.stages.content import ContentParams, ContentStage  # noqa: E402

FINDINGS = ("missing_ideology", "missing_ethics", "generic_weaknesses", "unquantified_results", "no_collective_responsibility")
THRESHOLD_FIELD = {
    "missing_ideology": "ideology_threshold",
    "missing_ethics": "ethics_threshold",
    "generic_weaknesses": "weakness_threshold",
    "unquantified_results": "results_threshold",
    "no_collective_responsibility": "link_threshold",
}


def f1_at(best: np.ndarray, y: np.ndarray, t: float) -> float:
    """F1 of 'flag when best < t'."""
    pred = best < t
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    stage = ContentStage()
    prepared = []
    for d in args.dirs:
        batch = load_or_screen(d)
        truth = pd.read_csv(d / "truth.csv").set_index("doc_id")
        prepared.append((batch, stage.score(batch), truth))
    grid_w = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)
    grid_floor = (0.0, 0.05, 0.15)
    grid_syl = (5, 6)
    thresholds = np.round(np.arange(0.05, 0.96, 0.05), 2)
    results = []
    for w, floor, syl in itertools.product(grid_w, grid_floor, grid_syl):
        stage.params = replace(ContentParams(), heading_weight=w, text_floor=floor, min_syllables=syl)
        bests: dict[str, list[float]] = {f: [] for f in FINDINGS}
        ys: dict[str, list[int]] = {f: [] for f in FINDINGS}
        for batch, scored, truth in prepared:
            rows, _ = stage.decide(batch, scored)
            frame = pd.DataFrame(rows)
            for f in FINDINGS:
                sub = frame[frame["finding"] == f].set_index("doc_id")
                applicable = ~sub["detail"].astype(str).str.startswith("not applicable")
                sub = sub[applicable]
                bests[f] += list(1.0 - sub["score"].astype(float))
                ys[f] += list(truth[f].reindex(sub.index).astype(int))
        row = {"heading_weight": w, "text_floor": floor, "min_syllables": syl}
        for f in FINDINGS:
            b, y = np.array(bests[f]), np.array(ys[f])
            curve = {float(t): round(f1_at(b, y, t), 4) for t in thresholds}
            t_best = max(curve, key=lambda t: (curve[t], -abs(t - 0.5)))
            row[f] = {"best_threshold": t_best, "f1": curve[t_best], "curve": curve}
        results.append(row)
        print(
            f"w={w} floor={floor} syl={syl} "
            + " ".join(f"{f[:12]}={row[f]['f1']:.3f}@{row[f]['best_threshold']}" for f in FINDINGS),
            flush=True,
        )
    if args.out:
        args.out.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
