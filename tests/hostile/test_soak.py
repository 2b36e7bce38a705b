"""Soak: a batch with 5% hostile files mixed in; every good report must be in documents.csv.

* fast (CI): 57 hand-built good reports (tests/hostile/builders.py) and 3 hostile files,
  screened in this process through the CLI;
* slow (``pytest -m slow``): a 4,750-report batch from the corpus generator
  (``python -m pipeline.corpus.cli generate``; hand-built reports when the generator is not
  installed) and 250 hostile files, every kind of tests/hostile in turn (zip bombs included),
  screened by ``soi screen`` in a subprocess with the default engine (all cores).
  ``SOI_SOAK_REPORTS`` changes the number of good reports.

Checked: exit code 0; each good file exactly once in documents.csv; each hostile file exactly
once in errors.csv (or, for text without diacritics, in documents.csv with its warning); no
file lost or counted twice; run.json's counts agree.
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from .builders import BOMBS, HOSTILE, _build, docx_bytes, good_report

HOSTILE_SHARE = 0.05


def _mix_in_hostile(folders: list[Path], count: int, kinds: list[str], seed: int) -> dict[str, str]:
    """Write ``count`` hostile files (cycling through ``kinds``) into random ``folders``;
    return {path: expectation}."""
    rng = random.Random(seed)
    expect = {h.name: h.expect for h in HOSTILE}
    out = {}
    for k in range(count):
        kind = kinds[k % len(kinds)]
        folder = rng.choice(folders)
        path = folder / f"h{k:04d}_{kind}"
        _build(kind, path)
        out[str(path.resolve())] = expect[kind]
    return out


def _check(out: Path, good: set[str], hostile: dict[str, str]) -> dict[str, int]:
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    errors = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False)
    screened = [str(Path(p).resolve()) for p in docs["path"]]
    failed = [str(Path(p).resolve()) for p in errors["path"]]
    assert len(screened) == len(set(screened)), "a report counted twice"
    assert len(failed) == len(set(failed)), "an error reported twice"
    missing = good - set(screened)
    assert not missing, f"{len(missing)} good reports not in documents.csv, e.g. {sorted(missing)[:3]}"
    for path, expectation in hostile.items():
        if expectation == "error":
            assert path in failed, f"no errors.csv row for {path}"
        else:
            assert path in screened, f"{path} should be screened with a warning"
    assert set(screened) | set(failed) == good | set(hostile), "a file is lost or unexpected"
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["counts"]["documents"] == len(screened)
    assert run["counts"]["errors"] == len(failed)
    return {"documents": len(screened), "errors": len(failed)}


def test_soak_fast(tmp_path: Path) -> None:
    from pipeline.cli import main

    total = 60
    n_hostile = round(total * HOSTILE_SHARE)
    folders = [tmp_path / "batch" / f"chi_bo_{u}" for u in range(3)]
    for f in folders:
        f.mkdir(parents=True)
    good = set()
    for i in range(total - n_hostile):
        folder = folders[i % len(folders)]
        text = good_report(100 + i, year=2024, seed=7)
        path = folder / f"dv{i:03d}.{'docx' if i % 3 else 'txt'}"
        path.write_bytes(docx_bytes(text) if i % 3 else text.encode("utf-8"))
        good.add(str(path.resolve()))
    hostile = _mix_in_hostile(
        folders, n_hostile, ["truncated.docx", "junk.txt", "billion_laughs.docx"], seed=7
    )
    out = tmp_path / "out"
    args = ["screen", str(tmp_path / "batch"), "--out", str(out), "--no-cache", "-q", "--engine", "serial"]
    res = CliRunner().invoke(main, [*args, "--no-html", "--no-xlsx"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    counts = _check(out, good, hostile)
    assert counts == {"documents": total - n_hostile, "errors": n_hostile}


#: Units per generator run: one run of 158 units was once killed by the kernel at 21 GB (the
#: generator as it was on 26 Nov, 23 GB machine), so the batch is generated in parts of about
#: 320 reports and the manifests merged.
UNITS_PER_RUN = 10


def _generate(folder: Path, reports: int, seed: int) -> tuple[set[str], Path | None]:
    """Good reports from the corpus generator (about 15 per unit and year), else hand-built.

    Parts get their own folder and seed; ids are prefixed with the part so they stay unique.
    """
    try:
        import pipeline.corpus.cli  # noqa: F401
    except ImportError:
        pipeline_corpus = False
    else:
        pipeline_corpus = True
    if pipeline_corpus:
        units = max(1, round(reports / 30))
        rows: list[dict[str, str]] = []
        for part, first in enumerate(range(0, units, UNITS_PER_RUN)):
            sub = folder / f"part{part:02d}"
            n = min(UNITS_PER_RUN, units - first)
            cmd = [sys.executable, "-m", "pipeline.corpus.cli", "generate", "--seed", str(seed * 1000 + part)]
            cmd += ["--units", str(n), "--years", "2024-2025", "--out", str(sub), "--format", "docx"]
            subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=7200)
            with (sub / "manifest.csv").open(encoding="utf-8") as fh:
                for r in csv.DictReader(fh):
                    r["path"] = f"{sub.name}/{r['path']}"
                    for col in ("member_id", "unit", "doc_id"):
                        if r.get(col):
                            r[col] = f"p{part:02d}-{r[col]}"
                    rows.append(r)
        manifest = folder / "manifest.csv"
        with manifest.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        return {str((folder / r["path"]).resolve()) for r in rows}, manifest
    paths = set()
    for i in range(reports):
        sub = folder / f"chi_bo_{i % 150:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"dv{i:05d}.docx"
        path.write_bytes(docx_bytes(good_report(i % 3000, year=2024 + i // 3000, seed=seed)))
        paths.add(str(path.resolve()))
    return paths, None


@pytest.mark.slow
def test_soak_5000(tmp_path: Path) -> None:
    t0 = time.perf_counter()
    good, manifest = _generate(tmp_path / "batch", int(os.environ.get("SOI_SOAK_REPORTS", "4750")), seed=11)
    folders = sorted({Path(p).parent for p in good})
    n_hostile = round(len(good) * HOSTILE_SHARE / (1 - HOSTILE_SHARE))
    kinds = [h.name for h in HOSTILE]
    hostile = _mix_in_hostile(folders, n_hostile, kinds, seed=11)
    built = time.perf_counter() - t0
    out = tmp_path / "out"
    # the generator writes its truth files (and, for .docx, hidden .canonical/ text) next to the reports:
    # screen the report folders only
    inputs = sorted({str(Path(p).parents[2]) for p in good}) if manifest else [str(tmp_path / "batch")]
    cmd = [sys.executable, "-m", "pipeline.cli", "screen", *inputs, "--out", str(out), "-q"]
    cmd += ["--no-cache"] + (["--manifest", str(manifest)] if manifest else [])
    t1 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=4 * 3600, env=dict(os.environ))
    screened = time.perf_counter() - t1
    assert proc.returncode == 0, proc.stderr[-3000:]
    counts = _check(out, good, hostile)
    print(
        f"soak: {len(good)} good + {len(hostile)} hostile ({sum(k in BOMBS for k in map(lambda p: Path(p).name[6:], hostile))} bombs); "
        f"built in {built:.0f} s, screened in {screened:.0f} s; {counts}"
    )
