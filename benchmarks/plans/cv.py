"""Model selection for the plan-item classifier by cross-validation on the TRAIN split only.

    .venv/bin/python benchmarks/plans/cv.py            # prints a table, writes cv_results.json

Repeated stratified 5-fold CV (3 repeats) over a small grid of feature variants and
regularisation; the out-of-fold scores also pick the decision threshold. The test split of
plan_items.csv is never read here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import RepeatedStratifiedKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pipeline.labelled import load_plan_items  # noqa: E402
from pipeline.schema import PLAN_SLOTS  # noqa: E402
from pipeline.stages.plans.classifier import LexiconModel, PlanItemModel, item_metrics  # noqa: E402

OUT = Path(__file__).with_name("cv_results.json")


def main() -> None:
    df = load_plan_items()
    tr = df[df["split"] == "train"].reset_index(drop=True)
    texts = tr["text"].tolist()
    labels = np.asarray(tr["label"].tolist())
    grid = []
    for use_ngrams, use_cues in ((True, False), (False, True), (True, True)):
        for C in (0.5, 2.0, 8.0):
            for w in (1.0, 2.0, 4.0) if use_cues and use_ngrams else (1.0,):
                grid.append({"use_ngrams": use_ngrams, "use_cues": use_cues, "C": C, "cue_weight": w})
    cv = RepeatedStratifiedKFold(n_splits=5, n_repeats=3, random_state=0)
    splits = list(cv.split(texts, labels))
    results = []
    base = [p["label"] for p in LexiconModel().predict(texts)]
    results.append({"variant": "lexicon", **item_metrics(labels, base)})
    for params in grid:
        oof = np.zeros((3, len(texts)))
        for k, (a, b) in enumerate(splits):
            m = PlanItemModel(**params).fit(
                [texts[i] for i in a],
                labels[a].tolist(),
                {s: tr[f"has_{s}"].to_numpy()[a].tolist() for s in PLAN_SLOTS},
                fit_slots=False,
            )
            oof[k // 5, b] = m.score([texts[i] for i in b])
        best_t, best = 0.5, None
        for t in np.arange(0.30, 0.71, 0.05):
            accs = [item_metrics(labels, np.where(o >= t, "specific", "vague"))["accuracy"] for o in oof]
            if best is None or np.mean(accs) > best + 1e-9:
                best, best_t = float(np.mean(accs)), round(float(t), 2)
        at05 = [item_metrics(labels, np.where(o >= 0.5, "specific", "vague")) for o in oof]
        row = {
            "variant": json.dumps(params, sort_keys=True),
            **{k: round(float(np.mean([m[k] for m in at05])), 4) for k in at05[0]},
            "best_threshold": best_t,
            "best_threshold_accuracy": round(best, 4),
        }
        results.append(row)
        print(row, flush=True)
    OUT.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
