"""Model scoring on the engine's workers (``chunked_proba`` over ``engine.map_shared``): the
same probabilities, bit for bit, as one call in this process, on every engine."""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pytest

from pipeline.engine import LocalEngine, SerialEngine, using_engine
from pipeline.engine import proba as proba_module
from pipeline.engine.proba import chunked_proba
from pipeline.modelio import load_model
from pipeline.stages.content.features import input_frame
from pipeline.stages.content.models import DIMENSION_MODEL

TEXTS = [
    "Luôn trung thành với mục tiêu, lý tưởng của Đảng.",
    "Trong năm giải quyết 312 hồ sơ, không có hồ sơ trễ hạn.",
    "Còn nể nang trong tự phê bình và phê bình.",
    "Chấp hành nghiêm sự phân công của tổ chức.",
    "Quý IV/2025 hoàn thành lớp bồi dưỡng nghiệp vụ.",
    "",
]


class PidModel:
    """A stand-in model whose 'probabilities' name the process that computed each row."""

    classes_ = np.array(["pid", "row"])

    def predict_proba(self, frame: pd.DataFrame) -> np.ndarray:
        return np.column_stack([np.full(len(frame), os.getpid()), frame["row"].to_numpy(dtype=float)])


def add(shared: dict[str, int], item: int) -> tuple[int, int]:
    return shared["base"] + item, os.getpid()


@pytest.fixture
def frame() -> pd.DataFrame:
    texts = TEXTS * 9
    return input_frame(texts, tokens=[t.lower().replace(" ", "_", 1) for t in texts])


def test_map_shared_keeps_order_and_runs_on_other_processes():
    shared = {"base": 1000}
    out = list(LocalEngine(workers=2).map_shared(add, shared, range(40)))
    assert [v for v, _ in out] == [1000 + i for i in range(40)]
    assert os.getpid() not in {pid for _, pid in out}
    assert list(SerialEngine().map_shared(add, shared, [1, 2])) == [(1001, os.getpid()), (1002, os.getpid())]
    # spawned workers (threads running in the parent) get the object pickled once each
    spawned = list(LocalEngine(workers=2, context="spawn").map_shared(add, shared, range(4)))
    assert [v for v, _ in spawned] == [1000, 1001, 1002, 1003]


def test_chunked_proba_on_local_workers_is_bit_identical(
    frame: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
):
    model = load_model(DIMENSION_MODEL)
    whole = np.asarray(model.predict_proba(frame.astype(object)), dtype=float)
    monkeypatch.setattr(proba_module, "PARALLEL_MIN_ROWS", 10)
    with using_engine(LocalEngine(workers=2)):
        parallel = chunked_proba(model, frame)
    with using_engine(SerialEngine()):
        serial = chunked_proba(model, frame, chunk_rows=7)
    assert np.array_equal(parallel, whole) and np.array_equal(serial, whole)


def test_chunked_proba_goes_to_the_workers_only_when_large(monkeypatch: pytest.MonkeyPatch):
    rows = pd.DataFrame({"row": range(50)})
    engine = LocalEngine(workers=2)
    with using_engine(engine):
        small = chunked_proba(PidModel(), rows)
        monkeypatch.setattr(proba_module, "PARALLEL_MIN_ROWS", 20)
        large = chunked_proba(PidModel(), rows)
    assert set(small[:, 0]) == {os.getpid()}
    assert os.getpid() not in set(large[:, 0])
    assert np.array_equal(large[:, 1], np.arange(50.0))


def test_chunked_proba_on_dask_is_bit_identical(frame: pd.DataFrame, monkeypatch: pytest.MonkeyPatch):
    pytest.importorskip("distributed")
    from pipeline.engine.dask import DaskEngine

    model = load_model(DIMENSION_MODEL)
    whole = np.asarray(model.predict_proba(frame.astype(object)), dtype=float)
    monkeypatch.setattr(proba_module, "PARALLEL_MIN_ROWS", 10)
    with DaskEngine(workers=2) as engine, using_engine(engine):
        on_dask = chunked_proba(model, frame)
        pids = chunked_proba(PidModel(), pd.DataFrame({"row": range(30)}))
    assert np.array_equal(on_dask, whole)
    assert os.getpid() not in set(pids[:, 0]) and np.array_equal(pids[:, 1], np.arange(30.0))
