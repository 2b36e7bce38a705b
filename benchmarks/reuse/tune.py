"""Choose the reuse stage's block thresholds on a generated batch (the *tuning* seed).

    .venv/bin/python benchmarks/reuse/tune.py --folder DIR [--out benchmarks/out/reuse/tune.csv]

Runs the stage once (candidates and sentence alignment do not depend on the block thresholds),
then replays the block decisions (``ReuseStage.decide``) for every grid point, per source kind,
and scores each with document-level F1 against truth.csv (a report is flagged when any passage of
that kind is kept) and PAN plagdet against truth_spans.csv. Writes the whole grid as CSV and prints
the best points per kind. Positives whose truth passages total < 400 characters are also reported
as "short" (one or two stock sentences; see models/REUSE.md).
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.stages.reuse import ReuseParams, ReuseStage  # noqa: E402
from pipeline.stages.reuse.blocks import BlockParams  # noqa: E402
from pipeline.stages.reuse.evaluate import Span, batch_from_folder, f1, pan_scores  # noqa: E402

FINDING = {"prior": "copied_prior", "peer": "copied_peer", "template": "template_heavy"}
SHORT_CHARS = 400

GRID = {
    "cov": [0.9],
    "sim": [80.0, 90.0],
    "min_tokens": [20],
    "bits": [0.0, 10.0, 20.0, 40.0],
    "run": [3],
    "unordered": [99],
    "exact_sim": [99.0],
    "exact_run": [4, 6, 10],
    "extend": [True],
    "whole": [0.8, 1.01],
}


def tables(stage: ReuseStage) -> dict[str, tuple]:
    """Block statistics of every report (they do not depend on the block thresholds)."""
    run = stage.last_run
    out = {}
    for i, cl in run["claims"].items():
        if cl:
            a = run["reps"][i]
            table, order = stage.block_table(
                a, cl, run["sources"], run["n_ref"], run["compared"].get(a.doc_id)
            )
            out[a.doc_id] = (a, table, order, run["far"][i])
    return out


def replay(stage: ReuseStage, cache: dict[str, tuple], kind: str, bp: BlockParams) -> dict[str, list]:
    """Passages of one kind for every report with the block params of that kind replaced."""
    run = stage.last_run
    saved = stage.params
    stage.params = dataclasses.replace(saved, **{f"{kind}_block": bp})
    try:
        out = {}
        for d, (a, table, order, far) in cache.items():
            found = stage.choose(a, table, order, run["sources"], run["priority"], far)
            out[d] = [(sid, src, ps) for k, sid, src, ps in found if k == kind.split("_")[0]]
        return out
    finally:
        stage.params = saved


def evaluate_kind(
    found: dict[str, list], reps: dict, truth: pd.DataFrame, spans: pd.DataFrame, kind: str
) -> dict:
    kind = kind.split("_")[0]
    f = FINDING[kind]
    lab = truth.set_index("doc_id")[f].astype(int)
    pred = {d for d, lst in found.items() if lst}
    sp = spans[spans["source_kind"] == kind]
    length = (sp["end"] - sp["start"]).groupby(sp["doc_id"]).sum()
    short = set(length[length < SHORT_CHARS].index)
    pos = set(lab[lab == 1].index)
    tp, fp, fn = len(pred & pos), len(pred - pos), len(pos - pred)
    tp2, fp2, fn2 = len((pred & pos) - short), len((pred - pos) - short), len((pos - pred) - short)
    cases = [
        Span(r.doc_id, r.source_doc_id, r.start, r.end, r.source_start, r.source_end, r.obfuscation, kind)
        for r in sp.itertuples()
    ]
    dets = []
    for d, lst in found.items():
        a = reps[d]
        for sid, src, ps in lst:
            dets.append(
                Span(
                    d,
                    sid,
                    int(a.starts[ps.a_lo]),
                    int(a.ends[ps.a_hi - 1]),
                    int(src.starts[ps.s_lo]),
                    int(src.ends[ps.s_hi - 1]),
                    ps.match_type,
                    kind,
                )
            )
    pan = pan_scores(cases, dets)
    return {
        "f1": f1(tp, fp, fn)["f1"],
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "f1_long": f1(tp2, fp2, fn2)["f1"],
        "fn_long": fn2,
        "plagdet": pan["plagdet"],
        "pan_p": pan["precision"],
        "pan_r": pan["recall"],
        "gran": pan["granularity"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folder", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "reuse" / "tune.csv")
    ap.add_argument(
        "--kinds",
        default="template,prior,peer,peer_far",
        help="peer: colleagues of the same unit and year; peer_far: the others",
    )
    ap.add_argument(
        "--long-grid",
        action="store_true",
        help="vary only long_run / long_tokens around the stage's current block params",
    )
    a = ap.parse_args()
    batch = batch_from_folder(a.folder)
    truth = pd.read_csv(a.folder / "truth.csv", dtype={"doc_id": str}, keep_default_na=False)
    spans = pd.read_csv(a.folder / "truth_spans.csv", dtype={"doc_id": str, "source_doc_id": str})
    # every verified pair kept: the stage's own pruning would decide with its default block params
    stage = ReuseStage(params=ReuseParams(prune_claims=False), bank_dirs=[])
    t = time.perf_counter()
    stage.run(batch)
    print(f"stage: {time.perf_counter() - t:.0f} s, {len(batch.documents)} reports", flush=True)
    reps = {r.doc_id: r for r in stage.last_run["reps"][: stage.last_run["n_query"]]}
    cache = tables(stage)
    rows = []
    keys = list(GRID)
    for kind in a.kinds.split(","):
        if a.long_grid:  # the stage's block params of that kind, only the long-section route varied
            base = getattr(stage.params, f"{kind}_block")
            points = [dataclasses.replace(base, long_run=99)] + [
                dataclasses.replace(base, long_run=r, long_tokens=n)
                for r in (4, 5, 6, 8)
                for n in (60, 100, 150)
            ]
        else:
            points = [
                BlockParams(**dict(zip(keys, v, strict=True))) for v in itertools.product(*GRID.values())
            ]
        for bp in points:
            if kind == "template" and bp.bits:
                continue  # templates are judged without rarity
            if kind == "peer_far" and bp.bits < 20:
                continue
            res = evaluate_kind(replay(stage, cache, kind, bp), reps, truth, spans, kind)
            rows.append({"kind": kind, **dataclasses.asdict(bp), **res})
        df = pd.DataFrame([r for r in rows if r["kind"] == kind])
        print(kind)
        print(df.sort_values(["f1", "plagdet"], ascending=False).head(8).to_string(index=False), flush=True)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_csv(a.out, index=False)


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
