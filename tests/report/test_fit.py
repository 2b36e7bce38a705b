"""Fitting the risk weights: the noisy-OR fit recovers known weights; the shipped card is coherent."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from pipeline import schema
from pipeline.modelio import models_dir
from pipeline.scoring.fit import fit, fit_noisy_or, metrics, noisy_or
from pipeline.scoring.risk import load_weights


def test_noisy_or_recovers_planted_weights() -> None:
    rng = np.random.default_rng(7)
    true_w = np.array([0.9, 0.6, 0.3, 0.05])
    x = (rng.random((20_000, 4)) < [0.2, 0.3, 0.25, 0.4]).astype(float)
    y = (rng.random(20_000) < noisy_or(x, true_w)).astype(int)
    w = fit_noisy_or(x, y)
    assert np.allclose(w, true_w, atol=0.03), w


def test_never_raised_flag_is_not_estimated() -> None:
    x = np.array([[1, 0], [0, 0], [1, 0], [0, 0]], dtype=float)
    y = np.array([1, 0, 0, 1])
    w = fit_noisy_or(x, y)
    assert np.isnan(w[1]) and w[0] == pytest.approx(0.5, abs=0.02)


def test_fit_card_on_planted_frame() -> None:
    rng = np.random.default_rng(3)
    n = 6000
    planted = {"copied_prior": 0.9, "copied_peer": 0.3, "template_heavy": 0.6}
    frame = pd.DataFrame(index=range(n))
    for f, precision in planted.items():
        flag = rng.random(n) < 0.2
        frame[f] = flag.astype(int)
        frame[f"true_{f}"] = ((flag & (rng.random(n) < precision)) | (~flag & (rng.random(n) < 0.03))).astype(int)
    for f in schema.ALL_FINDINGS:
        if f not in planted:
            frame[f] = pd.array([pd.NA] * n, dtype="Int64")  # stage not run
    frame["true_vague_plan"] = (rng.random(n) < 0.5).astype(int)  # truth no stage could see
    card = fit(frame.iloc[:4000], frame.iloc[4000:], computed=list(planted))
    assert card["fitted"] == list(planted)
    for f, precision in planted.items():
        assert card["weights"][f] == pytest.approx(precision, abs=0.04)
    assert card["weights"]["missing_ideology"] == 0.5 and "missing_ideology" in card["not_fitted"]
    test = card["metrics"]["test"]
    assert set(test) == {"detectable", "any"}
    assert set(test["detectable"]) == {"precision_weights", "noisy_or_ml", "default_0.5", "logistic_regression"}
    # equal weights cannot tell a reliable flag from an unreliable one; the fitted ones can
    assert test["detectable"]["precision_weights"]["roc_auc"] > test["detectable"]["default_0.5"]["roc_auc"]
    assert set(card["per_finding_test"]["copied_prior"]) >= {"raised", "precision", "recall"}


def test_metrics_edge_cases() -> None:
    m = metrics(np.array([1, 1]), np.array([0.2, 0.9]))
    assert m["roc_auc"] is None and m["positives"] == 2


def test_shipped_card_is_coherent() -> None:
    path = models_dir() / "risk.json"
    if not path.exists():
        pytest.skip("models/risk.json not fitted yet (python -m pipeline.scoring.fit)")
    card = json.loads(path.read_text(encoding="utf-8"))
    assert set(card["weights"]) == set(schema.ALL_FINDINGS)
    assert all(0.0 <= w <= 1.0 for w in card["weights"].values())
    assert set(card["fitted"]) | set(card["not_fitted"]) == set(schema.ALL_FINDINGS)
    assert card["data"]["train_reports"] > 0 and card["metrics"]["train"]["detectable"]["precision_weights"]["n"] > 0
    weights, origin = load_weights()
    assert weights == card["weights"] and origin.startswith("fitted")
