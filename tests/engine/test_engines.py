"""The engine contract: func over items, results in input order, streaming, same outputs."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from scale_fixtures import assert_same_outputs, write_batch

from pipeline import screen
from pipeline.engine import LocalEngine, SerialEngine, get_engine
from pipeline.engine.local import chunk_size, run_chunk


def slow_square(x: int) -> tuple[int, int]:
    """Later items finish first (so order has to be restored), and the worker's pid."""
    time.sleep(0.002 * ((7 - x) % 7))
    return x * x, os.getpid()


def square(x: int) -> int:
    return x * x


def fail_on_three(x: int) -> int:
    if x == 3:
        raise ValueError("three")
    return x


def test_chunk_size_spreads_small_batches_and_caps_large_ones():
    assert chunk_size(10, workers=2, largest=16) == 2  # 5 chunks of 2 for 2 workers
    assert chunk_size(100_000, workers=2, largest=16) == 16
    assert chunk_size(None, workers=2, largest=16) == 16
    assert chunk_size(1, workers=8, largest=16) == 1
    assert run_chunk(abs, [-1, 2, -3]) == [1, 2, 3]


def test_local_engine_keeps_input_order_and_uses_several_processes():
    items = list(range(60))
    with LocalEngine(workers=2, chunksize=4) as engine:
        out = list(engine.map(slow_square, items))
    assert [r for r, _ in out] == [x * x for x in items]
    assert len({pid for _, pid in out}) == 2 and os.getpid() not in {pid for _, pid in out}


def test_local_engine_streams_a_generator_with_bounded_work_in_flight():
    pulled = []

    def items():
        for i in range(1000):
            pulled.append(i)
            yield i

    engine = LocalEngine(workers=2, chunksize=5, max_pending=3)
    it = engine.map(square, items())
    assert next(it) == 0
    # 3 chunks of 5 were submitted, then one more after the first chunk came back
    assert len(pulled) <= 4 * 5
    assert list(it) == [x * x for x in range(1, 1000)]


def test_local_engine_raises_the_worker_error():
    with pytest.raises(ValueError, match="three"):
        list(LocalEngine(workers=2, chunksize=1).map(fail_on_three, range(6)))


def test_get_engine_by_name():
    assert isinstance(get_engine("serial"), SerialEngine)
    assert get_engine("local", 3).workers == 3
    with pytest.raises(ValueError, match="unknown engine"):
        get_engine("spark")


def test_screen_on_local_engine_equals_serial(tmp_path: Path):
    manifest = write_batch(tmp_path / "batch")
    serial = screen([tmp_path / "batch"], manifest=manifest, cache_dir=None, engine=SerialEngine())
    local = screen(
        [tmp_path / "batch"], manifest=manifest, cache_dir=None, engine=LocalEngine(workers=2, chunksize=2)
    )
    assert len(serial.documents) == 5
    assert_same_outputs(serial, local)
    # the batch has a copy from the member's own previous year: the comparison is not vacuous
    assert (serial.matches["source_kind"] == "prior").any()
    assert local.run["parameters"]["engine"] == {"name": "local", "workers": 2}


def test_stages_see_the_screens_engine(tmp_path: Path, monkeypatch):
    from pipeline.engine import current_engine, using_engine
    from pipeline.stages.reuse import ReuseStage

    assert isinstance(current_engine(), SerialEngine)
    engine = LocalEngine(workers=2)
    with using_engine(engine):
        assert current_engine() is engine
    seen = []
    original = ReuseStage.run

    def run(self, batch):
        seen.append(current_engine())
        return original(self, batch)

    monkeypatch.setattr(ReuseStage, "run", run)
    manifest = write_batch(tmp_path / "batch")
    screen([tmp_path / "batch"], manifest=manifest, cache_dir=None, engine=engine, skip=("content", "plans"))
    assert seen == [engine] and isinstance(current_engine(), SerialEngine)
