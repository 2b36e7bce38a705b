"""The Dask engine: same contract, and a screen on it equals the local engine's."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_fixtures import assert_same_outputs, write_batch

from pipeline import screen
from pipeline.engine import LocalEngine

pytest.importorskip("distributed")

from pipeline.engine.dask import DaskEngine  # noqa: E402


def negate(x: int) -> int:
    return -x


@pytest.fixture(scope="module")
def dask_engine():
    engine = DaskEngine(workers=2, partition_size=3)
    yield engine
    engine.close()


def test_dask_engine_keeps_input_order(dask_engine: DaskEngine):
    assert list(dask_engine.map(negate, range(50))) == [-x for x in range(50)]
    assert list(dask_engine.map(negate, [])) == []
    assert dask_engine.workers == 2


def test_screen_on_dask_equals_local_engine(tmp_path: Path, dask_engine: DaskEngine):
    manifest = write_batch(tmp_path / "batch")
    local = screen([tmp_path / "batch"], manifest=manifest, cache_dir=None, engine=LocalEngine(workers=2))
    on_dask = screen([tmp_path / "batch"], manifest=manifest, cache_dir=None, engine=dask_engine)
    # the comparison is only worth something if every stage ran and produced rows to compare
    assert len(local.documents) == 5 and len(local.matches) > 0 and len(local.plans) > 0
    assert set(local.run["stages_run"]) == {"reuse", "content", "plans"}
    assert on_dask.run["stages_run"] == local.run["stages_run"]
    assert local.documents[["copied_prior", "missing_ideology", "vague_plan"]].notna().all().all()
    assert_same_outputs(local, on_dask)
    assert on_dask.run["parameters"]["engine"]["name"] == "dask"
