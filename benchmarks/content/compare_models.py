"""Compare model families and feature sets for the four content sentence models.

Selection is by 5-fold cross-validated macro-F1 on the train split; the fixed test split is
reported alongside for information (it was not used to choose). Calibration (Platt / temperature,
see pipeline/stages/content/compact.py) is monotonic per model and does not change these F1 values;
its effect on log-loss and ECE is in the model cards. Usage::

    .venv/bin/python benchmarks/content/compare_models.py [--only content_dimension] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from typing import Any

from sklearn.base import clone
from sklearn.linear_model import RidgeClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from pipeline.stages.content.models import (
    CONFIGS,
    MODEL_NAMES,
    ModelConfig,
    build_features,
    build_model,
    labelled_data,
)


def candidates(base: ModelConfig) -> dict[str, Any]:
    """name -> unfitted estimator."""
    nocal = replace(base, calibrate=False)
    out: dict[str, Any] = {}
    for C in (1.0, 4.0, 10.0, 30.0):
        out[f"LR C={C:g} (all features)"] = build_model(replace(nocal, C=C))
    out["LR no shallow features"] = build_model(replace(nocal, shallow_weight=0.0))
    out["LR shallow weight 0.5"] = build_model(replace(nocal, shallow_weight=0.5))
    out["LR shallow weight 2"] = build_model(replace(nocal, shallow_weight=2.0))
    out["LR char n-grams only"] = build_model(replace(nocal, syllables=None, words=None, shallow_weight=0.0))
    out["LR syllable n-grams only"] = build_model(replace(nocal, char=None, words=None, shallow_weight=0.0))
    out["LR word (underthesea) n-grams only"] = build_model(
        replace(nocal, char=None, syllables=None, shallow_weight=0.0)
    )
    out["LR words+syllables+shallow, no char"] = build_model(replace(nocal, char=None))
    feats = build_features(nocal)
    out["LinearSVC C=0.5"] = Pipeline(
        [("features", feats), ("clf", LinearSVC(C=0.5, class_weight="balanced"))]
    )
    out["Ridge alpha=1"] = Pipeline(
        [("features", clone(feats)), ("clf", RidgeClassifier(alpha=1.0, class_weight="balanced"))]
    )
    out["ComplementNB alpha=0.3"] = Pipeline([("features", clone(feats)), ("clf", ComplementNB(alpha=0.3))])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", action="append")
    ap.add_argument("--out")
    args = ap.parse_args()
    results: dict[str, list[dict[str, Any]]] = {}
    for name in MODEL_NAMES:
        if args.only and name not in args.only:
            continue
        data, target = labelled_data(name)
        train, test = data[data["split"] == "train"], data[data["split"] == "test"]
        rows = []
        for label, est in candidates(CONFIGS[name]).items():
            t = time.perf_counter()
            cv = cross_val_predict(
                clone(est), train, train[target], cv=StratifiedKFold(5, shuffle=True, random_state=0)
            )
            model = clone(est).fit(train, train[target])
            pred = model.predict(test)
            row = {
                "model": label,
                "cv_macro_f1": round(float(f1_score(train[target], cv, average="macro")), 4),
                "test_macro_f1": round(float(f1_score(test[target], pred, average="macro")), 4),
                "seconds": round(time.perf_counter() - t, 1),
            }
            rows.append(row)
            print(
                f"{name:20s} {label:40s} cv {row['cv_macro_f1']:.3f} test {row['test_macro_f1']:.3f}",
                flush=True,
            )
        results[name] = rows
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
