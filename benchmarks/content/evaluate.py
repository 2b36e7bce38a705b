"""Document-level evaluation of the content stage and of the keyword-lexicon baseline.

Test sets:

* generated batches (pipeline.corpus, variant b for evaluation): DIR/manifest.csv and DIR/truth.csv;
* the hand-written reports labelled in corpora/labelled/documents.csv: the 32 section-labelled
  reports (markers removed with pipeline.evaluate.sections, each its own unit) and the reports in
  corpora/labelled/documents/ (with their manifest.csv, which pairs leaders with their unit's
  collective report).

Each batch is read, segmented and tokenised by ``pipeline.screen.screen`` (reuse, content and plans
skipped; cached as DIR/.content-cache/batch.pkl), then the content stage and the lexicon baseline
run on the same batch. Usage::

    .venv/bin/python benchmarks/content/evaluate.py --generated DIR [DIR ...] --handwritten [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.model import Batch
from pipeline.stages.content import ContentStage
from pipeline.stages.content.evaluation import FINDINGS, handwritten_folder, prepare, score_findings

__all__ = ["FINDINGS", "evaluate_batch", "handwritten_folder", "load_or_screen"]

CACHE = ".content-cache"


def load_or_screen(folder: Path, manifest: Path | None = None) -> Batch:
    """The prepared batch of a folder (sentences, sections), screened once and cached."""
    folder = Path(folder)
    cache = folder / CACHE / "batch.pkl"
    if cache.exists():
        with cache.open("rb") as fh:
            return pickle.load(fh)
    batch = prepare(folder, manifest, cache_dir=folder / CACHE / "tokens")
    cache.parent.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as fh:
        pickle.dump(batch, fh)
    return batch


evaluate_batch = score_findings


def print_table(name: str, res: dict[str, Any]) -> None:
    print(f"\n== {name}: {res['documents']} documents, stage {res['stage_seconds']} s")
    print(f"{'finding':30s} {'pos':>4s}  {'stage P/R/F1':>20s}  {'lexicon P/R/F1':>20s}")
    for f, r in res["findings"].items():
        s, b = r["stage"], r["lexicon"]
        print(
            f"{f:30s} {s['positives']:4d}  {s['precision']:.2f}/{s['recall']:.2f}/{s['f1']:.3f}      {b['precision']:.2f}/{b['recall']:.2f}/{b['f1']:.3f}"
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--generated", nargs="*", type=Path, default=[])
    ap.add_argument("--handwritten", action="store_true")
    ap.add_argument("--work", type=Path, default=Path("/tmp/soi-content-handwritten"))
    ap.add_argument("--out", type=Path)
    ap.add_argument("--errors", action="store_true", help="list the misclassified documents")
    args = ap.parse_args()
    results: dict[str, Any] = {}
    stage = ContentStage()
    for d in args.generated:
        truth = pd.read_csv(d / "truth.csv").set_index("doc_id")
        res = evaluate_batch(load_or_screen(d), truth, stage)
        results[str(d)] = res
        print_table(str(d), res)
    if args.handwritten:
        folder, truth = handwritten_folder(args.work)
        res = evaluate_batch(load_or_screen(folder), truth, stage)
        results["handwritten"] = res
        print_table("hand-written (corpora/labelled/documents.csv)", res)
    if args.errors:
        for name, res in results.items():
            print(f"\n-- errors in {name}")
            for f, errs in res["errors"].items():
                if errs:
                    print(f"  {f}: {', '.join(errs[:30])}")
    if args.out:
        args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
