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
import csv
import json
import pickle
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.labelled import labelled_dir
from pipeline.model import Batch
from pipeline.stages.content import ContentStage
from pipeline.stages.content.lexicon import lexicon_findings

FINDINGS = ("missing_ideology", "missing_ethics", "generic_weaknesses", "unquantified_results", "no_collective_responsibility")
CACHE = ".content-cache"


def load_or_screen(folder: Path, manifest: Path | None = None) -> Batch:
    """The prepared batch of a folder (sentences, sections), screened once and cached."""
    from pipeline.screen import screen

    folder = Path(folder)
    cache = folder / CACHE / "batch.pkl"
    if cache.exists():
        with cache.open("rb") as fh:
            return pickle.load(fh)
    manifest = manifest or folder / "manifest.csv"
    result = screen([folder], manifest=manifest, skip=("reuse", "content", "plans"), cache_dir=folder / CACHE / "tokens")
    batch = result.batch
    batch.findings = batch.findings.iloc[0:0]
    cache.parent.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as fh:
        pickle.dump(batch, fh)
    return batch


def handwritten_folder(work: Path) -> tuple[Path, pd.DataFrame]:
    """Write the hand-written test reports into ``work`` with one manifest; returns it and the labels."""
    from pipeline.evaluate.sections import parse_annotated

    root = labelled_dir()
    labels = pd.read_csv(root / "documents.csv", dtype=str, keep_default_na=False)
    work.mkdir(parents=True, exist_ok=True)
    doc_manifest = pd.read_csv(root / "documents" / "manifest.csv", dtype=str)
    by_path = {f"documents/{r.path}": r for r in doc_manifest.itertuples(index=False)}
    rows = []
    for r in labels.itertuples(index=False):
        src = root / r.file
        name = r.file.replace("/", "__")
        if r.file.startswith("sections/"):
            text = parse_annotated(src.read_text(encoding="utf-8"), src.name).text
            unit, member = f"unit-{Path(r.file).stem}", f"m-{Path(r.file).stem}"
        else:
            text = src.read_text(encoding="utf-8")
            m = by_path[r.file]
            unit, member = m.unit, m.member_id
        (work / name).write_text(text, encoding="utf-8")
        rows.append({"path": name, "member_id": member, "unit": unit, "year": r.year, "kind": r.kind, "role": r.role, "doc_id": r.file})
    with (work / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    truth = labels.rename(columns={"file": "doc_id"}).set_index("doc_id")
    for f in (*FINDINGS, "vague_plan"):
        truth[f] = truth[f].astype(int)
    return work, truth


def prf(pred: pd.Series, y: pd.Series) -> dict[str, Any]:
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    tn = int(((pred == 0) & (y == 0)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"n": tp + fp + fn + tn, "positives": tp + fn, "tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate_batch(batch: Batch, truth: pd.DataFrame, stage: ContentStage | None = None) -> dict[str, Any]:
    """Stage and baseline metrics per finding; documents where a finding is not applicable are
    scored too (their truth is 0 and both systems must say 0)."""
    stage = stage or ContentStage()
    batch.findings = batch.findings.iloc[0:0]
    t = time.perf_counter()
    stage.run(batch)
    seconds = time.perf_counter() - t
    ours = batch.findings.pivot(index="doc_id", columns="finding", values="flag").astype(int)
    base = lexicon_findings(batch).pivot(index="doc_id", columns="finding", values="flag").astype(int)
    out: dict[str, Any] = {"documents": int(len(batch.documents)), "stage_seconds": round(seconds, 2), "findings": {}}
    errors: dict[str, list[str]] = {}
    for f in FINDINGS:
        y = truth[f].reindex(ours.index).astype(int)
        out["findings"][f] = {"stage": prf(ours[f], y), "lexicon": prf(base[f].reindex(ours.index), y)}
        errors[f] = [f"{'FN' if yy else 'FP'} {d}" for d, yy, pp in zip(ours.index, y, ours[f], strict=True) if yy != pp]
    out["errors"] = errors
    return out


def print_table(name: str, res: dict[str, Any]) -> None:
    print(f"\n== {name}: {res['documents']} documents, stage {res['stage_seconds']} s")
    print(f"{'finding':30s} {'pos':>4s}  {'stage P/R/F1':>20s}  {'lexicon P/R/F1':>20s}")
    for f, r in res["findings"].items():
        s, b = r["stage"], r["lexicon"]
        print(f"{f:30s} {s['positives']:4d}  {s['precision']:.2f}/{s['recall']:.2f}/{s['f1']:.3f}      {b['precision']:.2f}/{b['recall']:.2f}/{b['f1']:.3f}")


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
