"""Fast development loop for the plans stage on generated batches, with error analysis.

    .venv/bin/python benchmarks/plans/dev.py DIR [DIR ...] [--refresh] [--errors out.json]

Each DIR is a generated batch (``soi corpus generate --out DIR``). The batch is prepared once
(reading, normalising, section segmentation; the other stages skipped) and pickled into
``DIR/.plans_batch.pkl`` (``--refresh`` rebuilds it, e.g. after a segmenter change); the plans
stage then runs on a copy in a few seconds. Besides the document and item scores of
``generated.py`` it scores the weaknesses the stage works on against ``truth_weaknesses.csv``
(a predicted weakness matches a true one when it covers half of it) and, on matched
weaknesses, whether "remedied" agrees with the truth. ``--errors`` writes the false positives
and negatives of unremedied_weaknesses and vague_plan with their weaknesses and items.
"""

from __future__ import annotations

import argparse
import copy
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.stages.plans import PlanStage  # noqa: E402
from pipeline.stages.plans.evaluate import _overlap, evaluate_documents, evaluate_generated_items  # noqa: E402


def prepared_batch(folder: Path, refresh: bool = False) -> Any:
    """The batch of ``folder`` as ``soi screen`` prepares it, before any stage (pickled)."""
    cache = folder / ".plans_batch.pkl"
    if cache.exists() and not refresh:
        return pickle.loads(cache.read_bytes())
    from pipeline.screen import screen

    res = screen(
        [folder], manifest=folder / "manifest.csv", skip=("reuse", "content", "plans"), cache_dir=None
    )
    tmp = cache.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(res.batch))
    tmp.replace(cache)
    return res.batch


def weakness_scores(stage: PlanStage, batch: Any, truth_w: pd.DataFrame) -> dict[str, Any]:
    """Weakness extraction P/R and remedied agreement on matched weaknesses."""
    plans = batch.plans
    found = matched_pred = n_pred = 0
    agree = 0
    true_by_doc = {d: g for d, g in truth_w.groupby("doc_id")}
    weak = stage.last_run["weaknesses"]
    remedied_pred = stage.last_run.get("remedied", {})
    for doc_id, spans in weak.items():
        n_pred += len(spans)
        tg = true_by_doc.get(doc_id)
        rows = [] if tg is None else list(tg.itertuples(index=False))
        for k, sp in enumerate(spans):
            best = max(
                rows, key=lambda t: _overlap((sp.start, sp.end), (int(t.start), int(t.end))), default=None
            )
            if (
                best is not None
                and _overlap((sp.start, sp.end), (int(best.start), int(best.end))) * 2 >= sp.end - sp.start
            ):
                matched_pred += 1
                rem = remedied_pred.get(doc_id, [])
                if k < len(rem):
                    agree += int(bool(rem[k]) == bool(best.remedied))
    for doc_id, tg in true_by_doc.items():
        spans = weak.get(doc_id, [])
        for t in tg.itertuples(index=False):
            if any(
                _overlap((s.start, s.end), (int(t.start), int(t.end))) * 2 >= int(t.end) - int(t.start)
                for s in spans
            ):
                found += 1
    del plans
    return {
        "true_weaknesses": len(truth_w),
        "predicted_weaknesses": n_pred,
        "weakness_recall": round(found / len(truth_w), 4) if len(truth_w) else None,
        "weakness_precision": round(matched_pred / n_pred, 4) if n_pred else None,
        "remedied_agreement_on_matched": round(agree / matched_pred, 4) if matched_pred else None,
    }


def run(folder: Path, refresh: bool, params: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    base = prepared_batch(folder, refresh)
    batch = copy.deepcopy(base)
    stage = PlanStage(**copy.deepcopy(params))
    stage.run(batch)
    batch.stages_run.append("plans")
    from pipeline.report.outputs import document_table, plan_table

    docs = document_table(batch)
    plans = plan_table(batch)
    truth = pd.read_csv(folder / "truth.csv", dtype={"doc_id": str})
    tplans = pd.read_csv(folder / "truth_plans.csv", dtype={"doc_id": str})
    tweak = pd.read_csv(folder / "truth_weaknesses.csv", dtype={"doc_id": str})
    res = {
        "documents": evaluate_documents(docs, truth),
        "items": evaluate_generated_items(plans, tplans),
        "weaknesses": weakness_scores(stage, batch, tweak),
    }
    errors = []
    texts = dict(zip(batch.documents["doc_id"], batch.documents["text"], strict=True))
    merged = docs.merge(
        truth[["doc_id", "vague_plan", "unremedied_weaknesses"]], on="doc_id", suffixes=("", "_true")
    )
    for r in merged.itertuples(index=False):
        for f in ("vague_plan", "unremedied_weaknesses"):
            got, want = int(getattr(r, f)), int(getattr(r, f + "_true"))
            if got == want:
                continue
            text = texts[r.doc_id]
            tw = tweak[tweak.doc_id == r.doc_id]
            tp = tplans[tplans.doc_id == r.doc_id]
            pp = plans[plans.doc_id == r.doc_id]
            errors.append(
                {
                    "doc_id": r.doc_id,
                    "finding": f,
                    "error": "fp" if got else "fn",
                    "true_weaknesses": [
                        [text[int(t.start) : int(t.end)], int(t.remedied)] for t in tw.itertuples(index=False)
                    ],
                    "pred_weaknesses": [w.text for w in stage.last_run["weaknesses"].get(r.doc_id, [])],
                    "pred_remedied": [bool(x) for x in stage.last_run.get("remedied", {}).get(r.doc_id, [])],
                    "true_items": [
                        [text[int(t.start) : int(t.end)], t.label, t.answers_weakness]
                        for t in tp.itertuples(index=False)
                    ],
                    "pred_items": [
                        [p.item, p.label, p.missing, p.score, p.answers_weakness]
                        for p in pp.itertuples(index=False)
                    ],
                }
            )
    return res, errors


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--refresh", action="store_true")
    ap.add_argument("--params", default="{}", help="PlanStage keyword arguments as JSON")
    ap.add_argument("--errors", type=Path)
    ap.add_argument("--out", type=Path)
    a = ap.parse_args()
    params = json.loads(a.params)
    allres: dict[str, Any] = {}
    allerr: list[dict[str, Any]] = []
    for d in a.dirs:
        res, errs = run(d, a.refresh, params)
        allres[d.name] = res
        allerr += [{"batch": d.name, **e} for e in errs]
        print(d.name, json.dumps(res, ensure_ascii=False), flush=True)
    if a.errors:
        a.errors.write_text(json.dumps(allerr, ensure_ascii=False, indent=1) + "\n")
    if a.out:
        a.out.write_text(
            json.dumps({"params": params, "results": allres}, ensure_ascii=False, indent=2) + "\n"
        )


if __name__ == "__main__":
    main()
