"""Evaluate the reuse stage on generated batches: PAN measures, document and pair F1, baselines.

    .venv/bin/python benchmarks/reuse/evaluate.py --seed 11 --units 30 --variant b --out benchmarks/out/reuse

Generates the batch with the corpus generator unless ``--folder`` points at one, runs
``ReuseStage`` (repository templates only, no user bank), and writes ``<out>/<name>/`` with
pan.csv, docs.csv, pairs.csv, baselines.csv, scores.csv (per report and finding) and summary.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.stages.reuse import ReuseParams, ReuseStage  # noqa: E402
from pipeline.stages.reuse.bank import load_templates  # noqa: E402
from pipeline.stages.reuse.evaluate import (  # noqa: E402
    baseline_report,
    baseline_scores,
    batch_from_folder,
    doc_obfuscations,
    doc_report,
    pair_report,
    pan_report,
    short_copies,
)

FINDINGS = ("copied_prior", "copied_peer", "template_heavy")


def generate(seed: int, units: int, years: str, variant: str, folder: Path) -> Path:
    if (folder / "truth_spans.csv").is_file():
        return folder
    from pipeline.corpus.generator import generate as gen

    gen(seed, units, years, folder, "txt", variant, None)
    return folder


def evaluate(folder: Path, out: Path, params: ReuseParams | None = None, baselines: bool = True) -> dict:
    batch = batch_from_folder(folder)
    stage = ReuseStage(params=params, bank_dirs=[])
    t = time.perf_counter()
    stage.run(batch)
    seconds = time.perf_counter() - t
    truth = pd.read_csv(folder / "truth.csv", dtype={"doc_id": str}, keep_default_na=False)
    spans = pd.read_csv(folder / "truth_spans.csv", dtype={"doc_id": str, "source_doc_id": str})
    out.mkdir(parents=True, exist_ok=True)
    pan = pan_report(spans, batch.matches)
    docs = doc_report(truth, batch.findings, doc_obfuscations(spans), short_copies(spans))
    pairs = pair_report(spans, batch.matches)
    scores = batch.findings.pivot_table(index="doc_id", columns="finding", values="score").reset_index()
    scores = scores.merge(
        truth[["doc_id", *FINDINGS]].rename(columns={f: f"truth_{f}" for f in FINDINGS}), on="doc_id"
    )
    pan.to_csv(out / "pan.csv", index=False)
    docs.to_csv(out / "docs.csv", index=False)
    pairs.to_csv(out / "pairs.csv", index=False)
    scores.to_csv(out / "scores.csv", index=False)
    batch.matches.drop(columns=["text", "source_text"]).to_csv(out / "matches.csv", index=False)
    summary = {
        "folder": str(folder),
        "reports": len(batch.documents),
        "seconds": round(seconds, 2),
        "timings": batch.params["reuse"]["timings_s"],
        "candidates": batch.params["reuse"]["candidates"],
        "boilerplate": batch.params["reuse"]["boilerplate"],
        "pan": pan.set_index("subset").to_dict("index"),
        "docs": {
            f"{r.finding}|{r.subset}": {
                "f1": r.f1,
                "p": r.precision,
                "r": r.recall,
                "tp": r.tp,
                "fp": r.fp,
                "fn": r.fn,
            }
            for r in docs.itertuples()
        },
        "pairs": pairs.set_index("channel").to_dict("index"),
    }
    summary["checks"] = checks(batch, truth)
    notes = stage.direction_notes
    copied = {
        d: set(str(v).split(";")) - {""} for d, v in zip(truth.doc_id, truth.copied_peer_of, strict=True)
    }
    decided = [n for n in notes if n["author"]]
    summary["checks"]["direction_by_history"] = {
        "same_year_pairs_flagged_both_ways": len(notes),
        "author_named": len(decided),
        "author_named_right": sum(
            (n["b"] if n["author"] == n["a"] else n["a"]) in copied
            and n["author"] in copied[n["b"] if n["author"] == n["a"] else n["a"]]
            for n in decided
        ),
    }
    if baselines:
        t = time.perf_counter()
        bs = baseline_scores(batch, load_templates([], include_repo=True))
        base = baseline_report(bs, truth)
        base.to_csv(out / "baselines.csv", index=False)
        summary["baselines"] = {
            f"{r.finding}|{r.measure}": {"f1": r.f1, "threshold": r.threshold} for r in base.itertuples()
        }
        summary["baseline_seconds"] = round(time.perf_counter() - t, 1)
    (out / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False), encoding="utf-8")
    return summary


def checks(batch, truth: pd.DataFrame) -> dict:
    """False flags broken down: genuine next-year reports flagged copied_prior (the member has an
    earlier report in the batch and did not copy it), and copied_peer false flags on a report
    that is in truth the *source* of a flagged colleague's copy (direction only)."""
    f = batch.findings
    t = truth.set_index("doc_id")
    docs = batch.documents.set_index("doc_id")
    year = pd.to_numeric(docs["year"], errors="coerce")
    first = year.groupby(docs["member_id"]).transform("min")
    earlier = set(docs.index[(docs["member_id"].fillna("") != "") & (year > first)])
    prior = f[(f.finding == "copied_prior") & (f.flag == 1)]
    genuine = [d for d in prior.doc_id if d in earlier and int(t.loc[d, "copied_prior"]) == 0]
    peer = f[(f.finding == "copied_peer") & (f.flag == 1)]
    fp = peer[[int(t.loc[d, "copied_peer"]) == 0 for d in peer.doc_id]]
    direction = [
        r.doc_id
        for r in fp.itertuples()
        if set(str(r.detail).split(";")) & set(str(t.loc[r.doc_id, "peer_source_of"]).split(";"))
    ]
    return {
        "next_year_reports_with_earlier_report": len(earlier),
        "genuine_next_year_flagged_copied_prior": len(genuine),
        "genuine_next_year_flagged_ids": genuine[:30],
        "copied_peer_false_flags": len(fp),
        "copied_peer_false_flags_source_of_the_copy": len(direction),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--units", type=int, default=30)
    ap.add_argument("--years", default="2022-2025")
    ap.add_argument("--variant", default="a")
    ap.add_argument("--folder", type=Path, help="an existing generated folder")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "reuse")
    ap.add_argument("--no-baselines", action="store_true")
    a = ap.parse_args()
    name = a.folder.name if a.folder else f"s{a.seed}-u{a.units}-{a.variant}"
    folder = a.folder or generate(a.seed, a.units, a.years, a.variant, a.out / "data" / name)
    s = evaluate(folder, a.out / name, baselines=not a.no_baselines)
    print(
        json.dumps(
            {k: s[k] for k in ("reports", "seconds", "pan", "docs", "pairs")}, indent=1, ensure_ascii=False
        )
    )
    if "baselines" in s:
        print(json.dumps(s["baselines"], indent=1))


if __name__ == "__main__":
    main()
