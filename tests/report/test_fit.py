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
    n = 4000
    frame = pd.DataFrame({f: (rng.random(n) < 0.15).astype(int) for f in schema.ALL_FINDINGS[:3]})
    for f in schema.ALL_FINDINGS[3:]:
        frame[f] = pd.array([pd.NA] * n, dtype="Int64")  # stage not run
    p = noisy_or(frame[list(schema.ALL_FINDINGS[:3])].to_numpy(float), np.array([0.95, 0.7, 0.2]))
    frame["true_copied_prior"] = (rng.random(n) < p).astype(int)
    card = fit(frame.iloc[:3000], frame.iloc[3000:], computed=list(schema.ALL_FINDINGS[:3]))
    assert card["fitted"] == list(schema.ALL_FINDINGS[:3])
    assert card["weights"]["missing_ideology"] == 0.5 and "missing_ideology" in card["not_fitted"]
    assert card["weights"]["copied_prior"] > card["weights"]["copied_peer"] > card["weights"]["template_heavy"]
    test = card["metrics"]["test"]
    assert test["fitted"]["log_loss"] <= test["default_0.5"]["log_loss"]
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
    assert card["data"]["train_reports"] > 0 and card["metrics"]["train"]["fitted"]["n"] > 0
    weights, origin = load_weights()
    assert weights == card["weights"] and origin.startswith("fitted")
