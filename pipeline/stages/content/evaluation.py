"""Document-level evaluation helpers of the content stage (shared by benchmarks/content and the
regression test in tests/stages/content).

* :func:`handwritten_folder` writes the hand-written reports labelled in
  corpora/labelled/documents.csv into one folder with one manifest;
* :func:`prepare` reads, segments and tokenises a folder (the stages themselves skipped);
* :func:`labelled_set` prepares one of the outside-written sets (corpora/labelled/blind, blind2);
* :func:`score_findings` runs the content stage and the lexicon baseline on a prepared batch and
  returns precision / recall / F1 of both per finding.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.labelled import labelled_dir
from pipeline.model import Batch
from pipeline.stages.content.lexicon import lexicon_findings
from pipeline.stages.content.stage import ContentStage

FINDINGS: tuple[str, ...] = (
    "missing_ideology",
    "missing_ethics",
    "generic_weaknesses",
    "unquantified_results",
    "no_collective_responsibility",
)


def handwritten_folder(work: Path) -> tuple[Path, pd.DataFrame]:
    """Write the hand-written test reports into ``work`` with one manifest; returns it and the labels
    (indexed by doc_id = the file's path under corpora/labelled)."""
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
        rows.append(
            {
                "path": name,
                "member_id": member,
                "unit": unit,
                "year": r.year,
                "kind": r.kind,
                "role": r.role,
                "doc_id": r.file,
            }
        )
    with (work / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    truth = labels.rename(columns={"file": "doc_id"}).set_index("doc_id")
    for f in (*FINDINGS, "vague_plan"):
        truth[f] = truth[f].astype(int)
    return work, truth


def labelled_set(name: str) -> tuple[Batch, pd.DataFrame]:
    """A labelled set of corpora/labelled/<name>/ (manifest.csv, labels.csv: the blind sets, now
    development sets) prepared, restricted to its labelled reports, and its labels by doc_id."""
    folder = labelled_dir() / name
    labels = pd.read_csv(folder / "labels.csv", dtype=str, keep_default_na=False).set_index("doc_id")
    for f in FINDINGS:
        labels[f] = labels[f].astype(int)
    batch = prepare(folder, folder / "manifest.csv")
    keep = set(labels.index)
    for attr in ("documents", "sections", "sentences"):
        frame = getattr(batch, attr)
        setattr(batch, attr, frame[frame["doc_id"].isin(keep)].reset_index(drop=True))
    return batch, labels


def prepare(folder: Path, manifest: Path | None = None, cache_dir: Path | None = None) -> Batch:
    """The batch of a folder read, segmented and tokenised, with no stage run."""
    from pipeline.screen import screen

    result = screen(
        [folder],
        manifest=manifest or folder / "manifest.csv",
        skip=("reuse", "content", "plans"),
        cache_dir=cache_dir,
    )
    batch = result.batch
    batch.findings = batch.findings.iloc[0:0]
    return batch


def prf(pred: pd.Series, y: pd.Series) -> dict[str, Any]:
    """Counts, precision, recall and F1 of 0/1 predictions against 0/1 truth."""
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    tn = int(((pred == 0) & (y == 0)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {
        "n": tp + fp + fn + tn,
        "positives": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
    }


def score_findings(batch: Batch, truth: pd.DataFrame, stage: ContentStage | None = None) -> dict[str, Any]:
    """Stage and lexicon-baseline metrics per finding on one prepared batch. Documents where a
    finding is not applicable are scored too (their truth is 0 and both systems must say 0)."""
    stage = stage or ContentStage()
    batch.findings = batch.findings.iloc[0:0]
    t = time.perf_counter()
    stage.run(batch)
    seconds = time.perf_counter() - t
    ours = batch.findings.pivot(index="doc_id", columns="finding", values="flag").astype(int)
    base = lexicon_findings(batch).pivot(index="doc_id", columns="finding", values="flag").astype(int)
    out: dict[str, Any] = {
        "documents": int(len(batch.documents)),
        "stage_seconds": round(seconds, 2),
        "findings": {},
    }
    errors: dict[str, list[str]] = {}
    for f in FINDINGS:
        y = truth[f].reindex(ours.index).astype(int)
        out["findings"][f] = {"stage": prf(ours[f], y), "lexicon": prf(base[f].reindex(ours.index), y)}
        errors[f] = [
            f"{'FN' if yy else 'FP'} {d}"
            for d, yy, pp in zip(ours.index, y, ours[f], strict=True)
            if yy != pp
        ]
    out["errors"] = errors
    return out
