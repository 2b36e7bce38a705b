"""The plans stage on generated batches (pipeline.corpus): document flags, items, links.

    .venv/bin/python benchmarks/plans/generated.py --variant b --seed 2 --units 6
    .venv/bin/python benchmarks/plans/generated.py --variant a --seed 1 --units 6 --sweep-link

Generates a batch into a temporary folder (or reads ``--dir``), screens it with the reuse and
content stages skipped, and compares with truth.csv / truth_plans.csv. ``--sweep-link`` also
scores the link threshold on a grid (use it on variant a only: variant b is the held-out family).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.screen import screen  # noqa: E402
from pipeline.stages.plans.evaluate import (  # noqa: E402
    evaluate_documents,
    evaluate_generated_items,
)
from pipeline.stages.plans.evaluate import generate_batch as generate  # noqa: E402


def run(folder: Path, link_thresholds: list[float] | None = None) -> dict:
    truth = pd.read_csv(folder / "truth.csv", dtype={"doc_id": str})
    tplans = pd.read_csv(folder / "truth_plans.csv", dtype={"doc_id": str})
    out: dict = {}
    thresholds = link_thresholds or [None]
    for th in thresholds:
        params = {} if th is None else {"plans": {"link": {"threshold": th}}}
        res = screen(
            [folder],
            manifest=folder / "manifest.csv",
            skip=("reuse", "content"),
            cache_dir=None,
            stage_params=params,
        )
        key = "default" if th is None else f"link_threshold={th}"
        out[key] = {
            "documents": evaluate_documents(res.documents, truth),
            "items": evaluate_generated_items(res.plans, tplans),
            "link_threshold": res.run["parameters"]["plans"]["link"]["threshold"],
            "item_threshold": res.run["parameters"]["plans"]["item_threshold"],
        }
        print(key, json.dumps(out[key], ensure_ascii=False), flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", type=Path)
    ap.add_argument("--variant", default="b")
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--units", type=int, default=6)
    ap.add_argument("--years", default="2023-2025")
    ap.add_argument("--sweep-link", action="store_true")
    ap.add_argument("--out", type=Path, help="write the results as JSON here")
    a = ap.parse_args()
    sweep = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] if a.sweep_link else None
    if a.dir:
        res = run(a.dir, sweep)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            generate(Path(tmp), a.seed, a.units, a.years, a.variant)
            res = run(Path(tmp), sweep)
    if a.out:
        a.out.write_text(
            json.dumps(
                {"variant": a.variant, "seed": a.seed, "units": a.units, "results": res},
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )


if __name__ == "__main__":
    main()
