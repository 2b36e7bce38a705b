"""Same inputs and parameters, same outputs, byte for byte.

The batch (tests/hostile/runs.py) is screened twice through the CLI: once in this process and
once in a fresh process with another ``PYTHONHASHSEED`` (so set and dict orders built from
strings differ), which is also the offline run of test_offline.py. Compared byte for byte:
every CSV. Compared after removing what records *when* the run happened, explicitly:

* run.json: every ``seconds`` and ``timings_s`` entry at any depth (time per stage, and per
  step inside a stage: ``parameters.reuse.timings_s``, ``parameters.content.seconds``);
* report.html: the generation time stamp (``YYYY-MM-DD HH:MM``);
* report.xlsx: the created/modified times in ``docProps/core.xml`` and the zip entries' dates
  (every sheet and style part is compared byte for byte).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from hostile.runs import shared_runs

_STAMP = re.compile(r"20\d\d-\d\d-\d\d \d\d:\d\d")
_CORE_TIMES = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    runs = shared_runs(tmp_path_factory.mktemp("runs"))
    assert runs.b_returncode == 0, runs.b_stderr
    return runs.out_a, runs.out_b


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_same_files(two_runs: tuple[Path, Path]) -> None:
    a, b = two_runs
    assert _files(a) == _files(b)
    assert {"documents.csv", "matches.csv", "plans.csv", "errors.csv", "run.json"} <= set(_files(a))


def test_the_batch_is_not_trivial(two_runs: tuple[Path, Path]) -> None:
    import pandas as pd

    a, _ = two_runs
    docs = pd.read_csv(a / "documents.csv")
    assert len(docs) == 16
    assert len(pd.read_csv(a / "errors.csv")) == 2
    assert len(pd.read_csv(a / "matches.csv")) > 0, "the copies give matches.csv rows to compare"


@pytest.mark.parametrize("name", ["documents.csv", "matches.csv", "plans.csv", "errors.csv", "units.csv"])
def test_csv_byte_identical(two_runs: tuple[Path, Path], name: str) -> None:
    a, b = two_runs
    if not (a / name).exists():
        pytest.skip(f"{name} not written by this version")
    assert (a / name).read_bytes() == (b / name).read_bytes()


#: Keys holding time measurements in run.json, at any depth (stages record their own).
TIME_KEYS = ("seconds", "timings_s")


def _without_times(run: object) -> object:
    """run.json without its time measurements: every :data:`TIME_KEYS` entry, at any depth."""
    if isinstance(run, dict):
        return {k: _without_times(v) for k, v in run.items() if k not in TIME_KEYS}
    if isinstance(run, list):
        return [_without_times(v) for v in run]
    return run


def test_run_json_identical_but_seconds(two_runs: tuple[Path, Path]) -> None:
    a, b = two_runs
    run_a = json.loads((a / "run.json").read_text(encoding="utf-8"))
    run_b = json.loads((b / "run.json").read_text(encoding="utf-8"))
    assert set(run_a["seconds"]) == set(run_b["seconds"])
    a_, b_ = _without_times(run_a), _without_times(run_b)
    assert a_ == b_, "run.json differs at: " + "; ".join(_differences(a_, b_))[:2000]


def _differences(a: object, b: object, path: str = "") -> list[str]:
    """Where two JSON values differ (key paths with both values), for a readable failure."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b), key=str):
            out += _differences(a.get(k, "<missing>"), b.get(k, "<missing>"), f"{path}.{k}")
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [
            d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in _differences(x, y, f"{path}[{i}]")
        ]
    return [] if a == b else [f"{path or '.'}: {a!r} != {b!r}"[:300]]


def test_html_identical_but_time_stamp(two_runs: tuple[Path, Path]) -> None:
    a, b = two_runs
    if not (a / "report.html").exists():
        pytest.skip("report.html not written by this version")
    html_a = _STAMP.sub("<stamp>", (a / "report.html").read_text(encoding="utf-8"))
    html_b = _STAMP.sub("<stamp>", (b / "report.html").read_text(encoding="utf-8"))
    assert html_a == html_b


def test_xlsx_identical_but_times(two_runs: tuple[Path, Path]) -> None:
    a, b = two_runs
    if not (a / "report.xlsx").exists():
        pytest.skip("report.xlsx not written by this version")
    za = zipfile.ZipFile(io.BytesIO((a / "report.xlsx").read_bytes()))
    zb = zipfile.ZipFile(io.BytesIO((b / "report.xlsx").read_bytes()))
    assert za.namelist() == zb.namelist()
    for name in za.namelist():
        da, db = za.read(name), zb.read(name)
        if name == "docProps/core.xml":
            da, db = _CORE_TIMES.sub(b"", da), _CORE_TIMES.sub(b"", db)
        assert da == db, name
