"""The plans stage on the engine's workers (reports in chunks) gives the serial stage's rows."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from pipeline.engine import LocalEngine, SerialEngine, using_engine
from pipeline.stages.plans import PlanStage
from pipeline.stages.plans import stage as stage_module

from .test_stage import SPECIFIC_PLAN, VAGUE_PLAN, WEAK, _batch


def test_plans_on_workers_equal_serial(monkeypatch: pytest.MonkeyPatch):
    docs = {
        f"D{i}": [("weaknesses", WEAK), ("plan", SPECIFIC_PLAN if i % 3 else VAGUE_PLAN)] for i in range(9)
    }
    docs["E"] = [("weaknesses", WEAK)]  # no plan section at all
    serial, parallel = _batch(docs), _batch(docs)
    with using_engine(SerialEngine()):
        PlanStage().run(serial)
    pids: list[int] = []
    run_docs = PlanStage.run_docs

    def spy(self, inputs, threshold):  # type: ignore[no-untyped-def]
        pids.append(os.getpid())
        return run_docs(self, inputs, threshold)

    monkeypatch.setattr(PlanStage, "run_docs", spy)
    monkeypatch.setattr(stage_module, "PARALLEL_MIN_DOCS", 2)
    with using_engine(LocalEngine(workers=2)):
        stage = PlanStage()
        stage.run(parallel)
    assert pids == []  # every chunk ran in a worker (the spy's list stays empty here)
    assert len(serial.plans) > 0 and serial.findings["flag"].sum() > 0
    pd.testing.assert_frame_equal(serial.plans, parallel.plans)
    pd.testing.assert_frame_equal(serial.findings, parallel.findings)
    assert serial.params["plans"]["counts"] == parallel.params["plans"]["counts"]
    assert list(stage.last_run["items"]) == list(docs)


def test_plans_on_dask_equal_serial(monkeypatch: pytest.MonkeyPatch):
    pytest.importorskip("distributed")
    from pipeline.engine.dask import DaskEngine

    docs = {
        f"D{i}": [("weaknesses", WEAK), ("plan", SPECIFIC_PLAN if i % 2 else VAGUE_PLAN)] for i in range(6)
    }
    serial, on_dask = _batch(docs), _batch(docs)
    with using_engine(SerialEngine()):
        PlanStage().run(serial)
    monkeypatch.setattr(stage_module, "PARALLEL_MIN_DOCS", 2)
    with DaskEngine(workers=2) as engine, using_engine(engine):
        PlanStage().run(on_dask)  # the stage (with its models) is scattered once per worker
    pd.testing.assert_frame_equal(serial.plans, on_dask.plans)
    pd.testing.assert_frame_equal(serial.findings, on_dask.findings)
