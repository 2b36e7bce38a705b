"""Choose the content stage's thresholds on generated variant-a batches (the train side).

For each setting of the sentence-level parameters (heading weight, text floor, minimum syllables)
the stage's decisions are recomputed from one set of model scores; each finding's document
threshold is then swept and the F1 against the batch's truth.csv recorded. The threshold kept
(:func:`robust`) is, among those within 0.03 F1 of the best, the one closest to 0.5 for the
calibrated probabilities (topics, results, weaknesses) and the middle of that plateau for the
link similarity. Nothing here sees the
variant-b evaluation batches or the hand-written reports.

    .venv/bin/python benchmarks/content/tune.py DIR [DIR ...] [--out tune.json]

Each DIR is a generated batch (variant a) already screened by benchmarks/content/evaluate.py
(which caches the batch as DIR/.content-cache/batch.pkl).
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import load_or_screen  # noqa: E402

from pipeline.stages.content import ContentParams, ContentStage  # noqa: E402

FINDINGS = (
    "missing_ideology",
    "missing_ethics",
    "generic_weaknesses",
    "unquantified_results",
    "no_collective_responsibility",
)
THRESHOLD_FIELD = {
    "missing_ideology": "ideology_threshold",
    "missing_ethics": "ethics_threshold",
    "generic_weaknesses": "weakness_threshold",
    "unquantified_results": "results_threshold",
    "no_collective_responsibility": "link_threshold",
}


def cached_scores(stage: ContentStage, batch: Any, folder: Path) -> Any:
    """The stage's model scores for a batch, cached next to it and keyed by the model files' hashes."""
    from pipeline.modelio import load_card
    from pipeline.stages.content.models import ALL_MODEL_NAMES

    key = "-".join(str(load_card(n).get("sha256", ""))[:8] for n in ALL_MODEL_NAMES)
    path = folder / ".content-cache" / f"scored-{key}.pkl"
    if path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    scored = stage.score(batch)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump(scored, fh)
    return scored


def robust(curve: dict[float, float], tolerance: float = 0.03, prefer: float | None = 0.5) -> float:
    """The threshold kept: among the thresholds whose F1 is within ``tolerance`` of the best, the
    one closest to ``prefer`` (0.5, the decision boundary of a calibrated probability; data from
    another distribution moves the peak, the boundary is where the model's own evidence is
    balanced), or, with ``prefer=None``, the middle of that plateau."""
    best = max(curve.values())
    ok = sorted(t for t, v in curve.items() if v >= best - tolerance)
    target = (ok[0] + ok[-1]) / 2 if prefer is None else prefer
    argmax = max(curve, key=curve.get)
    return float(min(ok, key=lambda t: (abs(t - target), abs(t - argmax))))


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
    ap.add_argument("--weights", type=float, nargs="+", default=[1.0, 2.0])
    ap.add_argument("--floors", type=float, nargs="+", default=[0.2])
    ap.add_argument("--syllables", type=int, nargs="+", default=[6])
    ap.add_argument("--result-section-min", type=float, nargs="+", default=[0.0, 0.1, 0.3])
    ap.add_argument("--weakness-section-min", type=float, nargs="+", default=[0.0, 0.1, 0.3])
    args = ap.parse_args()
    stage = ContentStage()
    prepared = []
    for d in args.dirs:
        batch = load_or_screen(d)
        truth = pd.read_csv(d / "truth.csv").set_index("doc_id")
        prepared.append((batch, cached_scores(stage, batch, d), truth))
    grid_w = tuple(args.weights)
    grid_floor = tuple(args.floors)
    grid_syl = tuple(args.syllables)
    thresholds = np.round(np.arange(0.05, 0.96, 0.05), 2)
    results = []
    for w, floor, syl, rmin, wmin in itertools.product(
        grid_w, grid_floor, grid_syl, args.result_section_min, args.weakness_section_min
    ):
        stage.params = replace(
            ContentParams(),
            heading_weight=w,
            text_floor=floor,
            min_syllables=syl,
            result_section_min=rmin,
            weakness_section_min=wmin,
        )
        bests: dict[str, list[float]] = {f: [] for f in FINDINGS}
        ys: dict[str, list[int]] = {f: [] for f in FINDINGS}
        for batch, scored, truth in prepared:
            rows, _ = stage.decide(batch, scored)
            frame = pd.DataFrame(rows)
            for f in FINDINGS:
                sub = frame[frame["finding"] == f].set_index("doc_id")
                detail = sub["detail"].astype(str)
                # rows judged without the collective report have their own threshold
                # (responsibility_threshold, a probability), not the link similarity swept here
                applicable = ~detail.str.startswith("not applicable") & ~detail.str.startswith(
                    "without_collective_report"
                )
                sub = sub[applicable]
                bests[f] += list(1.0 - sub["score"].astype(float))
                ys[f] += list(truth[f].reindex(sub.index).astype(int))
        row = {
            "heading_weight": w,
            "text_floor": floor,
            "min_syllables": syl,
            "result_section_min": rmin,
            "weakness_section_min": wmin,
        }
        for f in FINDINGS:
            b, y = np.array(bests[f]), np.array(ys[f])
            curve = {float(t): round(f1_at(b, y, t), 4) for t in thresholds}
            t_best = max(curve, key=lambda t: (curve[t], -abs(t - 0.5)))
            row[f] = {
                "best_threshold": t_best,
                "f1": curve[t_best],
                "robust_threshold": robust(
                    curve, prefer=None if f == "no_collective_responsibility" else 0.5
                ),
                "curve": curve,
            }
        results.append(row)
        print(
            f"w={w} floor={floor} syl={syl} rmin={rmin} wmin={wmin} "
            + " ".join(
                f"{f[:12]}={row[f]['f1']:.3f}@{row[f]['best_threshold']}(robust {row[f]['robust_threshold']})"
                for f in FINDINGS
            ),
            flush=True,
        )
    if args.out:
        args.out.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
