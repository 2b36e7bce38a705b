"""Scale benchmark: generated batches, cold and warm screens, the tokenization floor, all-pairs.

    .venv/bin/python benchmarks/scale/bench.py --sizes 1000,10000,50000 --workdir /tmp/soi-bench

For each size N: generate a batch with the corpus generator (2024-2025, enough units for N
reports, the first N manifest rows kept), then run each phase of ``phase.py`` in its own
process while sampling the RSS of its whole process tree (driver + workers) every 0.2 s:

- ``floor``    underthesea tokenization alone on the same files and cores;
- ``cold``     ``screen()`` with no archive and an empty token cache, outputs written, then the
               screened batch added to a new archive;
- ``warm``     the same batch screened again with ``archive=`` (every report unchanged), its
               outputs compared byte for byte with the cold screen's;
- ``nextyear`` (optional) the archive holding 2024 only, the 2025 reports screened against it;
- ``allpairs`` every report's sentences against every other's with rapidfuzz, stopped at
               ``--allpairs-limit`` seconds and projected from the cells compared per second.

Results are appended as JSON lines to ``--results`` (default benchmarks/scale/results.jsonl), one
line per phase as soon as it ends; ``report.py`` merges them per size and label and turns them
into the tables of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
PHASE = Path(__file__).with_name("phase.py")
PYTHON = sys.executable
#: Reports per unit the generator writes over two years (measured: 291 reports for 10 units).
REPORTS_PER_UNIT_2Y = 29


# --- process-tree memory --------------------------------------------------------------------------
def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                kids.extend(int(k) for k in fh.read().split())
    except OSError:
        pass
    return kids


def _field_kb(path: str, name: str) -> int:
    try:
        with open(path) as fh:
            for line in fh:
                if line.startswith(name):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _rss_kb(pid: int) -> int:
    return _field_kb(f"/proc/{pid}/status", "VmRSS:")


def _pss_kb(pid: int) -> int:
    return _field_kb(f"/proc/{pid}/smaps_rollup", "Pss:")


def _tree_kb(pid: int, measure: Any) -> int:
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        total += measure(p)
        stack.extend(_children(p))
    return total


def tree_rss_mb(pid: int) -> float:
    """RSS of a process and all its descendants (MB; shared pages counted in each process, so
    a forked worker counts again every page it shares with its parent)."""
    return _tree_kb(pid, _rss_kb) / 1024


def tree_pss_mb(pid: int) -> float:
    """PSS of a process and all its descendants (MB): each shared page divided among the
    processes sharing it, so the sum is the memory the tree really holds."""
    return _tree_kb(pid, _pss_kb) / 1024


class TreeSampler(threading.Thread):
    """Samples a process tree's RSS and PSS until stopped; keeps the peaks."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_mb, self.peak_pss_mb = pid, every, 0.0, 0.0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            self.peak_mb = max(self.peak_mb, tree_rss_mb(self.pid))
            self.peak_pss_mb = max(self.peak_pss_mb, tree_pss_mb(self.pid))
            self._halt.wait(self.every)

    def stop(self) -> float:
        self._halt.set()
        self.join()
        return round(self.peak_mb, 1)


def run_phase(args: list[str], log: Path) -> dict[str, Any]:
    """Run one phase.py process; its JSON result plus tree peak RSS and load averages."""
    load_before = os.getloadavg()
    t = time.perf_counter()
    with log.open("a", encoding="utf-8") as err:
        proc = subprocess.Popen([PYTHON, str(PHASE), *args], stdout=subprocess.PIPE, stderr=err, text=True)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        out, _ = proc.communicate()
        peak = sampler.stop()
    if proc.returncode != 0:
        return {"phase": args[0], "failed": proc.returncode, "log": str(log)}
    info = json.loads(out.strip().splitlines()[-1])
    info["tree_peak_rss_mb"] = peak
    info["tree_peak_pss_mb"] = round(sampler.peak_pss_mb, 1)
    info["outer_wall_s"] = round(time.perf_counter() - t, 2)
    info["loadavg_before"] = [round(x, 2) for x in load_before]
    info["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]
    return info


# --- batches ----------------------------------------------------------------------------------------
def generate(n: int, workdir: Path, seed: int, generator_repo: Path = REPO) -> Path:
    """A generated batch of exactly ``n`` reports (2024-2025); returns its manifest."""
    folder = workdir / f"batch-{n}"
    manifest = folder / f"manifest-{n}.csv"
    if manifest.exists():
        return manifest
    units = -(-n // REPORTS_PER_UNIT_2Y) + 1
    subprocess.run(
        [
            PYTHON,
            "-m",
            "pipeline.corpus.cli",
            "generate",
            "--seed",
            str(seed),
            "--units",
            str(units),
            "--years",
            "2024-2025",
            "--out",
            str(folder),
        ],
        check=True,
        cwd=generator_repo,
    )
    with (folder / "manifest.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    if len(rows) < n:
        raise SystemExit(f"generator wrote {len(rows)} reports for {units} units, fewer than {n}")
    # the manifest lists unit by unit: the first n rows are whole units but the last
    kept = rows[:n]
    with manifest.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(kept)
    return manifest


def machine() -> dict[str, Any]:
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = ""
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), "")
    except OSError:
        pass
    return {
        "cores": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "memory_gib": round(mem_gib, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/soi-bench"))
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--phases", default="floor,cold,warm,allpairs", help="comma-separated; also: nextyear, dask"
    )
    ap.add_argument("--allpairs-limit", type=float, default=600.0)
    ap.add_argument(
        "--skip", action="append", default=[], help="stage to switch off in the screens (repeatable)"
    )
    ap.add_argument("--results", type=Path, default=Path(__file__).with_name("results.jsonl"))
    ap.add_argument("--label", default="", help="free text stored with the results (e.g. the commit)")
    ap.add_argument(
        "--generator-repo", type=Path, default=REPO, help="checkout whose pipeline.corpus generates"
    )
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    phases = args.phases.split(",")
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO
    ).stdout
    for n in (int(s) for s in args.sizes.split(",")):
        manifest = generate(n, args.workdir, args.seed, args.generator_repo)
        run_dir = args.workdir / f"run-{n}"
        run_dir.mkdir(exist_ok=True)
        log = run_dir / "phases.log"
        common = ["--manifest", str(manifest), "--workers", str(args.workers)]
        screen_opts = [f"--skip={s}" for s in args.skip]
        archive = run_dir / "archive.soi"
        record: dict[str, Any] = {
            "size": n,
            "machine": machine(),
            "commit": commit.strip(),
            "label": args.label,
            "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "workers": args.workers,
            "skip": args.skip,
        }
        for phase in phases:
            common = [*common[:4], "--heartbeat", str(run_dir / f"heartbeat-{phase}.jsonl")]
            print(f"[{time.strftime('%H:%M:%S')}] {n}: {phase}", file=sys.stderr, flush=True)
            if phase == "floor":
                info = run_phase(["floor", *common], log)
            elif phase == "cold":
                cache = run_dir / "cache-cold"
                subprocess.run(["rm", "-rf", str(cache)], check=True)
                info = run_phase(
                    [
                        "cold",
                        *common,
                        *screen_opts,
                        "--archive",
                        str(archive),
                        "--out",
                        str(run_dir / "out-cold"),
                        "--cache",
                        str(cache),
                    ],
                    log,
                )
            elif phase == "warm":
                info = run_phase(
                    [
                        "warm",
                        *common,
                        *screen_opts,
                        "--archive",
                        str(archive),
                        "--out",
                        str(run_dir / "out-warm"),
                        "--cache",
                        str(run_dir / "cache-cold"),
                        "--compare",
                        str(run_dir / "out-cold"),
                    ],
                    log,
                )
            elif phase == "nextyear":
                copy = run_dir / "archive-2024.soi"
                subprocess.run(["cp", str(archive), str(copy)], check=True)
                info = run_phase(
                    [
                        "nextyear",
                        *common,
                        *screen_opts,
                        "--archive",
                        str(copy),
                        "--out",
                        str(run_dir / "out-nextyear"),
                        "--cache",
                        str(run_dir / "cache-nextyear"),
                    ],
                    log,
                )
            elif phase == "dask":
                cache = run_dir / "cache-dask"
                subprocess.run(["rm", "-rf", str(cache)], check=True)
                info = run_phase(
                    [
                        "cold",
                        *common,
                        *screen_opts,
                        "--engine",
                        "dask",
                        "--out",
                        str(run_dir / "out-dask"),
                        "--cache",
                        str(cache),
                        "--csv-only",
                    ],
                    log,
                )
            elif phase == "allpairs":
                info = run_phase(["allpairs", *common, "--time-limit", str(args.allpairs_limit)], log)
            else:
                raise SystemExit(f"unknown phase {phase}")
            record[phase] = info
            print(json.dumps({phase: info}), file=sys.stderr, flush=True)
            # one line per phase, so that a run stopped half-way keeps what it measured
            with args.results.open("a", encoding="utf-8") as fh:
                fh.write(
                    json.dumps({k: v for k, v in record.items() if k not in phases or k == phase}) + "\n"
                )


if __name__ == "__main__":
    main()
