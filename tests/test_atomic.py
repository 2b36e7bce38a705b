"""Outputs are written atomically: a screen interrupted at any moment leaves the previous output
set intact, or the complete new one, never a truncated or half-written file.

Two kinds of interrupted runs, each starting from an output folder holding a previous complete
set (another batch, another year, so the files differ; one that is the same in both sets, such
as a header-only plans.csv, counts as either):

* precise moments of the write itself: a subprocess writes a pickled screen result with
  ``write_outputs``, pausing (2 s) at a chosen step, where the test sends SIGINT, SIGTERM or
  SIGKILL: while the staging files are written (first fsync), before the first file is moved
  into place, half-way through the moves, and just before run.json;
* the real CLI (``soi screen``) signalled at several moments of a whole screen, including the
  moment its staging folder appears.

The contract checked after every interruption: each output file is byte-identical to the
previous or to the new version; run.json present means the set is complete and consistent
(all previous or all new). SIGINT/SIGTERM during the moves are held until the moves are done
(all new); a SIGKILL there (a window of about a millisecond in a real run) leaves each file
whole and run.json absent: the set says it is incomplete. Hidden ``.soi-staging-*`` folders
that a SIGKILL leaves behind are ignored.
"""

from __future__ import annotations

import json
import pickle
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile.builders import _build, docx_bytes, good_report

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

CSVS = ("documents.csv", "matches.csv", "plans.csv", "errors.csv", "units.csv")
PAUSE_SECONDS = 2.0

_DRIVER = r"""
import os, pickle, sys, time
from pathlib import Path
import pipeline.report.outputs as outputs

result = pickle.loads(Path(sys.argv[1]).read_bytes())
out, pause_at = Path(sys.argv[2]), sys.argv[3]
real_replace, real_fsync = os.replace, os.fsync
fsyncs = 0

def replace(src, dst):
    name = Path(dst).name
    print(f"REPLACE {name}", flush=True)
    if name == pause_at:
        time.sleep(PAUSE)
    real_replace(src, dst)

def fsync(fd):
    global fsyncs
    fsyncs += 1
    if fsyncs == 1:
        print("FSYNC", flush=True)
        if pause_at == "fsync":
            time.sleep(PAUSE)
    real_fsync(fd)

os.replace, os.fsync = replace, fsync
outputs.write_outputs(result, out, html=False, xlsx=False)
print("DONE", flush=True)
""".replace("PAUSE", repr(PAUSE_SECONDS))


@dataclass
class Sets:
    previous: dict[str, bytes]  # the folder's content before the interrupted run
    new: dict[str, bytes]  # the complete output of the interrupted run
    new_batch: Path
    pickled: Path


def _read_set(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}


def _batch(folder: Path, year: int, people: range, broken: str) -> Path:
    folder.mkdir(parents=True)
    for i in people:
        text = good_report(i, year=year)
        (folder / f"dv{i}_{year}.docx").write_bytes(docx_bytes(text))
    # a colleague's copy, so matches.csv has rows
    (folder / f"copy_{year}.txt").write_text(
        good_report(people[0], year=year).replace(*_swap_name(people[0], people[-1] + 1)), encoding="utf-8"
    )
    _build(broken, folder / broken)
    return folder


def _swap_name(i: int, j: int) -> tuple[str, str]:
    from hostile.builders import person

    return person(i)[0], person(j)[0]


@pytest.fixture(scope="module")
def sets(tmp_path_factory: pytest.TempPathFactory) -> Sets:
    from pipeline.report.outputs import write_outputs
    from pipeline.screen import screen

    root = tmp_path_factory.mktemp("atomic")
    old_batch = _batch(root / "old_batch", 2023, range(20, 23), "truncated.docx")
    new_batch = _batch(root / "new_batch", 2024, range(30, 34), "english.txt")
    previous = screen([old_batch], cache_dir=None)
    write_outputs(previous, root / "previous", html=False, xlsx=False)
    new = screen([new_batch], cache_dir=None)
    write_outputs(new, root / "new", html=False, xlsx=False)
    pickled = root / "new.pickle"
    pickled.write_bytes(pickle.dumps(new))
    sets = Sets(_read_set(root / "previous"), _read_set(root / "new"), new_batch, pickled)
    assert set(sets.previous) == set(sets.new) == set(CSVS) | {"run.json"}
    for name in ("documents.csv", "errors.csv", "units.csv", "matches.csv", "run.json"):
        assert sets.previous[name] != sets.new[name], f"{name} must differ between the two sets"
    return sets


def _fresh_out(sets: Sets, folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, data in sets.previous.items():
        (folder / name).write_bytes(data)
    return folder


def _same(name: str, a: bytes, b: bytes | None, timed: bool) -> bool:
    """Equal bytes; for run.json of a real CLI run, equal but for its time measurements."""
    if b is None:
        return False
    if a == b:
        return True
    if name != "run.json" or not timed:
        return False
    from test_determinism import _without_times

    try:
        return _without_times(json.loads(a)) == _without_times(json.loads(b))
    except ValueError:  # a truncated run.json is no JSON
        return False


def check_contract(out: Path, sets: Sets, timed: bool = False) -> str:
    """Assert the atomicity contract on ``out``; return "previous", "new" or "incomplete".

    ``timed``: the new set comes from a real CLI run, whose run.json has other timings.
    """
    now = _read_set(out)
    origin: dict[str, str] = {}
    for name, data in now.items():
        if sets.previous.get(name) == sets.new.get(name) == data:
            continue  # the same in both sets (e.g. a header-only plans.csv): either origin
        if _same(name, data, sets.previous.get(name), False):
            origin[name] = "previous"
        elif _same(name, data, sets.new.get(name), timed):
            origin[name] = "new"
        else:
            raise AssertionError(f"{name}: neither the previous nor the new version ({len(data)} bytes)")
    kinds = set(origin.values())
    if "run.json" in now:
        assert len(kinds) == 1, f"run.json present but the set is mixed: {origin}"
        kind = kinds.pop()
        expected = sets.new if kind == "new" else sets.previous
        assert set(expected) <= set(now), f"run.json present but {sorted(set(expected) - set(now))} missing"
        return kind
    lost = set(sets.previous) - set(now) - {"run.json"}
    assert not lost, f"previous files lost without a replacement: {sorted(lost)}"
    return "incomplete"


def _interrupt(sets: Sets, out: Path, pause_at: str, sig: int) -> tuple[str, int]:
    """Run the driver, signal it when it reaches ``pause_at``; return (outcome, returncode)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _DRIVER, str(sets.pickled), str(out), pause_at],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    marker = "FSYNC" if pause_at == "fsync" else f"REPLACE {pause_at}"
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == marker:
            proc.send_signal(sig)
            break
    else:
        proc.wait()
        raise AssertionError(f"marker {marker!r} never printed: {proc.stderr.read() if proc.stderr else ''}")
    proc.communicate(timeout=60)
    return check_contract(out, sets), proc.returncode


#: (signal, pause point, expected outcome). "plans.csv": two files already moved.
WRITE_CASES = [
    (signal.SIGKILL, "fsync", "previous"),
    (signal.SIGKILL, "documents.csv", "incomplete"),
    (signal.SIGKILL, "plans.csv", "incomplete"),
    (signal.SIGKILL, "run.json", "incomplete"),
    (signal.SIGINT, "fsync", "previous"),
    (signal.SIGINT, "plans.csv", "new"),
    (signal.SIGTERM, "fsync", "previous"),
    (signal.SIGTERM, "plans.csv", "new"),
]


@pytest.fixture(scope="module")
def write_outcomes(
    sets: Sets, tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[int, str], tuple[str, int]]:
    root = tmp_path_factory.mktemp("interrupted")

    def run(case: tuple[int, str, str]) -> tuple[tuple[int, str], tuple[str, int]]:
        sig, pause_at, _ = case
        out = _fresh_out(sets, root / f"{sig.name}-{pause_at}")
        return (sig, pause_at), _interrupt(sets, out, pause_at, sig)

    with ThreadPoolExecutor(max_workers=len(WRITE_CASES)) as pool:
        return dict(pool.map(run, WRITE_CASES))


@pytest.mark.parametrize(
    "sig,pause_at,expected", WRITE_CASES, ids=[f"{s.name}-{p}" for s, p, _ in WRITE_CASES]
)
def test_interrupted_write(write_outcomes: dict, sig: int, pause_at: str, expected: str) -> None:
    outcome, returncode = write_outcomes[(sig, pause_at)]
    assert outcome == expected
    assert returncode != 0, "the signal ended the process"


def test_uninterrupted_driver_writes_the_new_set(sets: Sets, tmp_path: Path) -> None:
    out = _fresh_out(sets, tmp_path / "out")
    proc = subprocess.run(
        [sys.executable, "-c", _DRIVER, str(sets.pickled), str(out), "none"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert check_contract(out, sets) == "new"
    assert not [p for p in out.iterdir() if p.name.startswith(".soi-staging")]


def test_first_write_into_an_empty_folder_killed_leaves_nothing_misleading(
    sets: Sets, tmp_path: Path
) -> None:
    out = tmp_path / "empty"
    out.mkdir()
    empty = Sets({}, sets.new, sets.new_batch, sets.pickled)
    outcome, _ = _interrupt(empty, out, "plans.csv", signal.SIGKILL)
    assert outcome == "incomplete"  # some new files, whole, and no run.json


# --- the real CLI, signalled during a whole screen ----------------------------------------------


def _cli(batch: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "screen", str(batch), "--out", str(out), "--no-cache", "-q"]
        + ["--engine", "serial", "--no-html", "--no-xlsx"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _when_staging_appears(out: Path, proc: subprocess.Popen, limit: float = 120.0) -> bool:
    """Poll (2 ms) until the CLI creates its staging folder; False if it finished first."""
    before = {p.name for p in out.iterdir()}
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.name.startswith(".soi-staging") and p.name not in before for p in out.iterdir()):
            return True
        time.sleep(0.002)
    return False


CLI_CASES = [(signal.SIGINT, 1.5), (signal.SIGTERM, 3.0), (signal.SIGKILL, 4.5), (signal.SIGKILL, "staging")]


def test_cli_interrupted_at_several_moments(sets: Sets, tmp_path: Path) -> None:
    def run(case: tuple[int, float | str]) -> tuple[str, str, int]:
        sig, when = case
        out = _fresh_out(sets, tmp_path / f"{sig.name}-{when}")
        (out / ".soi-staging-leftover").mkdir()  # as a SIGKILLed earlier run leaves it
        proc = _cli(sets.new_batch, out)
        if when == "staging":
            caught = _when_staging_appears(out, proc)
            label = "staging" if caught else "staging (missed: finished first)"
        else:
            time.sleep(float(when))
            label = f"{when} s"
        proc.send_signal(sig)
        proc.communicate(timeout=120)
        return label, check_contract(out, sets, timed=True), proc.returncode

    with ThreadPoolExecutor(max_workers=len(CLI_CASES)) as pool:
        results = list(pool.map(run, CLI_CASES))
    print("CLI interruptions (signal, moment, outcome, exit code):")
    for (sig, _), (label, outcome, returncode) in zip(CLI_CASES, results, strict=True):
        print(f"  {sig.name} at {label}: {outcome}, {returncode}")
    for (sig, _), (label, outcome, returncode) in zip(CLI_CASES, results, strict=True):
        assert outcome in ("previous", "new", "incomplete"), (sig, label)
        if outcome != "new":
            assert returncode != 0, (sig.name, label, outcome)
        if label.startswith("staging (missed"):
            assert outcome == "new" and returncode == 0  # it finished: a complete run


# --- the archive, signalled in the middle of `soi archive add` ----------------------------------

_ARCHIVE_DRIVER = r"""
import sys, time
import pipeline.store.archive as archive_module

real, calls = archive_module.encode_sentences, [0]

def encode_sentences(sentences):
    calls[0] += 1
    if calls[0] == 2:  # inside the write transaction, one report already inserted
        print("ADDING", flush=True)
        time.sleep(PAUSE)
    return real(sentences)

archive_module.encode_sentences = encode_sentences
from pipeline.cli import main
main(sys.argv[1:])
""".replace("PAUSE", repr(PAUSE_SECONDS))


def _archive_add(batch: Path, archive: Path) -> list[str]:
    # the content and plan stages (and their model loads) change nothing in how the archive
    # writes: switched off to keep the five runs of the test fast
    return [
        "archive",
        "add",
        str(batch),
        "--archive",
        str(archive),
        "--no-cache",
        "-q",
        "--engine",
        "serial",
    ] + [
        "--skip",
        "content",
        "--skip",
        "plans",
    ]


def _archive_state(path: Path) -> tuple[dict, str]:
    """Counts per table and year (read-only, as `soi archive info` opens it) and SQLite's own
    integrity check (read-write: it also rolls back a journal a killed writer left)."""
    import sqlite3

    from pipeline.store.archive import Archive

    with Archive(path, readonly=True) as store:
        stats = {k: v for k, v in store.stats().items() if k not in ("bytes", "path")}
    con = sqlite3.connect(path)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()
    return stats, integrity


ARCHIVE_SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGKILL]


def test_archive_add_interrupted_adds_nothing(sets: Sets, tmp_path: Path) -> None:
    """The add before and the add after run in this process; the three interrupted ones in
    subprocesses, in parallel."""
    import shutil

    from click.testing import CliRunner

    from pipeline.cli import main

    old_batch = sets.new_batch.parent / "old_batch"
    base = tmp_path / "base.soi"
    first = CliRunner().invoke(main, _archive_add(old_batch, base), catch_exceptions=False)
    assert first.exit_code == 0, first.output
    before, integrity = _archive_state(base)
    assert integrity == "ok" and before["reports"] > 0

    def run(sig: int) -> tuple[int, Path]:
        path = tmp_path / f"{sig.name}.soi"
        shutil.copyfile(base, path)
        proc = subprocess.Popen(
            [sys.executable, "-c", _ARCHIVE_DRIVER, *_archive_add(sets.new_batch, path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == "ADDING":
                proc.send_signal(sig)
                break
        else:
            proc.wait()
            raise AssertionError(
                f"never reached the write transaction: {proc.stderr.read() if proc.stderr else ''}"
            )
        proc.communicate(timeout=120)
        return proc.returncode, path

    with ThreadPoolExecutor(max_workers=len(ARCHIVE_SIGNALS)) as pool:
        results = dict(zip(ARCHIVE_SIGNALS, pool.map(run, ARCHIVE_SIGNALS), strict=True))
    for sig, (returncode, path) in results.items():
        assert returncode != 0, f"{sig.name}: the signal ended the add"
        after, integrity = _archive_state(path)
        assert integrity == "ok", (sig.name, integrity)
        assert after == before, f"{sig.name}: the interrupted add left something in the archive"
    # the archive a SIGKILL interrupted takes the next add as usual
    killed = results[signal.SIGKILL][1]
    again = CliRunner().invoke(main, _archive_add(sets.new_batch, killed), catch_exceptions=False)
    assert again.exit_code == 0, again.output
    after, integrity = _archive_state(killed)
    assert integrity == "ok" and after["reports"] > before["reports"] and after["runs"] == before["runs"] + 1
