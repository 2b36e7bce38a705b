"""Risk: one 0-1 score per report from its findings, and the ranking it induces.

``risk = 1 - prod_f (1 - w_f) ** flag_f`` (noisy-OR): each raised finding is an independent
chance that the report is formulaic, with weight ``w_f``. The weights are read from
models/risk.json when it exists (fitted on the corpus, see its card); otherwise every finding
weighs :data:`DEFAULT_WEIGHT` and run.json says the weights are not fitted. With no finding
stage run, risk is empty.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from pipeline import schema
from pipeline.model import Batch
from pipeline.modelio import models_dir

DEFAULT_WEIGHT = 0.5


def load_weights() -> tuple[dict[str, float], str]:
    path = models_dir() / "risk.json"
    if path.exists():
        card = json.loads(path.read_text(encoding="utf-8"))
        return {k: float(v) for k, v in card["weights"].items()}, "fitted (models/risk.json)"
    return dict.fromkeys(schema.ALL_FINDINGS, DEFAULT_WEIGHT), f"default {DEFAULT_WEIGHT} each (not fitted)"


def score_risk(documents: pd.DataFrame, batch: Batch) -> pd.DataFrame:
    """Fill the ``risk`` column (empty where no finding was computed)."""
    weights, origin = load_weights()
    batch.params["risk"] = {"weights": weights, "origin": origin, "formula": "1 - prod(1 - w_f) ** flag_f"}
    flags = documents[[f for f in schema.ALL_FINDINGS if f in documents.columns]]
    computed = flags.notna().any(axis=1)
    log_keep = np.zeros(len(documents))
    for f in flags.columns:
        w = min(max(weights.get(f, DEFAULT_WEIGHT), 0.0), 0.999)
        log_keep += flags[f].fillna(0).astype(float).to_numpy() * np.log1p(-w)
    risk = 1.0 - np.exp(log_keep)
    documents = documents.copy()
    documents["risk"] = pd.array(np.where(computed.to_numpy(), np.round(risk, 4), np.nan), dtype="Float64")
    return documents
