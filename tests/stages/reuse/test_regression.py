"""Regression guard: the reuse stage on a small generated batch must not fall below the floors
recorded in models/REUSE.md (section "Regression floor"). Fast: about 250 reports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline.stages.reuse import ReuseStage
from pipeline.stages.reuse.evaluate import batch_from_folder, doc_report, pan_report

CARD = Path(__file__).resolve().parents[3] / "models" / "REUSE.md"


def _floor() -> dict:
    text = CARD.read_text(encoding="utf-8")
    m = re.search(r"<!-- regression-floor -->\s*```json\s*(\{.*?\})\s*```", text, re.S)
    assert m, "models/REUSE.md lacks the regression-floor block"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    gen = pytest.importorskip("pipeline.corpus.generator")
    floor = _floor()
    cfg = floor["batch"]
    folder = tmp_path_factory.mktemp("reuse") / "batch"
    gen.generate(cfg["seed"], cfg["units"], cfg["years"], folder, "txt", cfg["variant"], None)
    batch = batch_from_folder(folder)
    ReuseStage(bank_dirs=[]).run(batch)
    truth = pd.read_csv(folder / "truth.csv", dtype={"doc_id": str}, keep_default_na=False)
    spans = pd.read_csv(folder / "truth_spans.csv", dtype={"doc_id": str, "source_doc_id": str})
    docs = doc_report(truth, batch.findings).set_index("finding")
    pan = pan_report(spans, batch.matches).set_index("subset")
    out = {f"doc_f1_{f}": float(docs.loc[f, "f1"]) for f in docs.index}
    out["plagdet"] = float(pan.loc["all", "plagdet"])
    out["pan_precision"] = float(pan.loc["all", "precision"])
    return floor, out


def test_no_regression(measured):
    floor, got = measured
    low = {k: v for k, v in floor["floor"].items() if got.get(k, 0.0) < v}
    assert not low, f"below the floor in models/REUSE.md: { {k: (got.get(k), v) for k, v in low.items()} }"
