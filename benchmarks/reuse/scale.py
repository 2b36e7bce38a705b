"""Time and memory of the reuse stage on generated batches, against all-pairs comparison.

    .venv/bin/python benchmarks/reuse/scale.py --sizes 1000,10000,50000 [--allpairs-max 1000]

For each size a batch is generated (``--units`` = size / 60: the generator writes about 60
reports per unit over 2022-2025) into ``benchmarks/out/reuse/scale/`` and the stage runs in a
fresh subprocess, so that the peak resident memory (``ru_maxrss``) is the stage's own, batch
loading included. All-pairs comparison (every pair of reports through the same sentence
alignment, the verifier the stage runs on its candidates) is timed in full up to
``--allpairs-max`` reports and extrapolated from a random sample of pairs above that; for the
sizes where it runs in full, the copies it finds that the candidate channels missed are counted.
Results: ``benchmarks/out/reuse/scale/results.json`` and a table on stdout.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "benchmarks" / "out" / "reuse" / "scale"


def generate(size: int, seed: int) -> Path:
    folder = OUT / f"n{size}-s{seed}"
    if not (folder / "manifest.csv").is_file():
        from pipeline.corpus.generator import generate as gen

        gen(seed, max(1, math.ceil(size / 60)), "2022-2025", folder, "txt", "a", None)
    return folder


def run_stage(folder: Path, workers: int = 1) -> dict:
    """In this process: load, run the stage, report seconds and peak memory."""
    from pipeline.stages.reuse import ReuseParams, ReuseStage
    from pipeline.stages.reuse.evaluate import batch_from_folder

    t0 = time.perf_counter()
    batch = batch_from_folder(folder)
    t1, c1 = time.perf_counter(), time.process_time()
    stage = ReuseStage(params=ReuseParams(align_workers=workers), bank_dirs=[])
    stage.run(batch)
    t2, c2 = time.perf_counter(), time.process_time()
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "reports": len(batch.documents),
        "load_s": round(t1 - t0, 1),
        "stage_s": round(t2 - t1, 1),
        "stage_cpu_s": round(c2 - c1, 1),  # this process
        "workers": workers,
        "workers_cpu_s": round(child.ru_utime + child.ru_stime, 1),  # forked alignment workers
        "workers_peak_mb": round(child.ru_maxrss / 1024),
        "load_avg_1min": round(os.getloadavg()[0], 2),
        "timings": batch.params["reuse"]["timings_s"],
        "candidates": batch.params["reuse"]["candidates"],
        "matches": len(batch.matches),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def all_pairs(folder: Path, sample: int | None, seed: int = 0) -> dict:
    """The stage with every pair of reports verified (``peer_all_pairs``) against the stage with
    its candidate index: time, and copied pairs the index missed. With ``sample``, only the
    sentence alignment of that many random pairs is timed and extrapolated to all pairs."""
    from pipeline.stages.reuse import ReuseParams, ReuseStage
    from pipeline.stages.reuse.align import align_pair
    from pipeline.stages.reuse.evaluate import batch_from_folder

    if sample:
        batch = batch_from_folder(folder)
        stage = ReuseStage(bank_dirs=[])
        stage.run(batch)
        run = stage.last_run
        reps, vocab, a_p = run["reps"][: run["n_query"]], run["vocab"], stage.params.align
        n = len(reps)
        rng = random.Random(seed)
        pairs = set()
        while len(pairs) < sample:
            i, j = rng.randrange(n), rng.randrange(n)
            if i != j:
                pairs.add((min(i, j), max(i, j)))
        segs = [r.seg_comparable(a_p.min_seg_tokens) for r in reps]
        t = time.perf_counter()
        for i, j in sorted(pairs):
            align_pair(reps[i], reps[j], vocab, segs[i], segs[j], a_p, both_sides=True)
        secs = time.perf_counter() - t
        total = n * (n - 1) // 2
        return {
            "pairs": len(pairs),
            "all_pairs": total,
            "seconds": round(secs, 1),
            "extrapolated_s": round(secs / len(pairs) * total, 1),
            "full": False,
            "note": "alignment only, extrapolated from a random sample of pairs",
        }
    found = {}
    secs = {}
    for mode in (False, True):
        batch = batch_from_folder(folder)
        stage = ReuseStage(params=ReuseParams(peer_all_pairs=mode), bank_dirs=[])
        t = time.perf_counter()
        stage.run(batch)
        secs[mode] = time.perf_counter() - t
        m = batch.matches
        found[mode] = set(zip(m["doc_id"], m["source_doc_id"], m["source_kind"], strict=True))
        n = len(batch.documents)
    return {
        "pairs": n * (n - 1) // 2,
        "all_pairs": n * (n - 1) // 2,
        "seconds": round(secs[True], 1),
        "extrapolated_s": round(secs[True], 1),
        "full": True,
        "stage_s_same_run": round(secs[False], 1),
        "copied_pairs_index": len(found[False]),
        "copied_pairs_all_pairs": len(found[True]),
        "found_only_by_all_pairs": sorted(map(list, found[True] - found[False]))[:50],
        "found_only_by_index": len(found[False] - found[True]),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--seed", type=int, default=101)
    ap.add_argument("--allpairs-max", type=int, default=1000, help="largest size compared in full")
    ap.add_argument("--allpairs-sample", type=int, default=3000, help="pairs timed above that")
    ap.add_argument("--workers", type=int, default=2, help="alignment processes (as a screen on 2 cores)")
    ap.add_argument("--run", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--allpairs", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--sample", type=int, default=0, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.run:
        print(json.dumps(run_stage(a.run, a.workers)))
        return
    if a.allpairs:
        print(json.dumps(all_pairs(a.allpairs, a.sample or None)))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for size in [int(x) for x in a.sizes.split(",")]:
        t = time.perf_counter()
        folder = generate(size, a.seed)
        gen_s = time.perf_counter() - t
        res = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--run", str(folder), "--workers", str(a.workers)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        res["size"], res["generate_s"] = size, round(gen_s, 1)
        sample = 0 if size <= a.allpairs_max else a.allpairs_sample
        ap_res = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--allpairs", str(folder), "--sample", str(sample)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        res["all_pairs"] = ap_res
        results.append(res)
        print(json.dumps(res), flush=True)
        (OUT / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"{'reports':>8} {'stage s':>8} {'peak MB':>8} {'cand pairs':>10} {'all-pairs s':>12}")
    for r in results:
        c = r["candidates"]
        n_c = c["prior_pairs"] + c["peer_pairs"] + c["template_pairs"]
        ap_s = (
            r["all_pairs"]["seconds"]
            if r["all_pairs"]["full"]
            else f"~{r['all_pairs']['extrapolated_s']:.0f}"
        )
        print(f"{r['reports']:>8} {r['stage_s']:>8} {r['peak_mb']:>8} {n_c:>10} {ap_s:>12}")


if __name__ == "__main__":
    main()
