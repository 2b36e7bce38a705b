"""The section table behind the reuse card's session-4 decisions (tuning seed only).

    .venv/bin/python benchmarks/reuse/sections.py --folder DIR [--out benchmarks/out/reuse/sections]

Runs the stage once with ``prune_claims`` off (every verified own-earlier and colleague pair
kept), then writes one row per (report, source, section) that the pair touches with coverage
>= 0.9: the section statistics of ``blocks.block_stats`` (syllables, coverage, similarity,
rarity bits, run, matched sentences), the matched sentences stating figures and how many state
the same ones, the stock or common (>= ``common_df`` reports) matched sentences, and
``label`` = 1 when truth_spans.csv marks at least half of the section as copied from that
source. Rarity bits are computed as the stage did before the figures rule (``bits_any``) and
as it does now (``bits``). Prints the counts the card quotes: blocks accepted by the rarity
route at paraphrase level with their figures mostly changed, a route for reordered long
sections, and the sections that pass only the exact route. Writes ``sections.csv``.
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path
from unittest import mock

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.stages.reuse import ReuseParams, ReuseStage  # noqa: E402
from pipeline.stages.reuse.align import segment_figures  # noqa: E402
from pipeline.stages.reuse.blocks import block_stats  # noqa: E402
from pipeline.stages.reuse.evaluate import batch_from_folder  # noqa: E402


def section_table(folder: Path) -> pd.DataFrame:
    """One row per covered (report, source, section) of the own-earlier and colleague pairs."""
    batch = batch_from_folder(folder)
    stage = ReuseStage(params=ReuseParams(prune_claims=False), bank_dirs=[])
    stage.run(batch)
    run, p = stage.last_run, stage.params
    reps, meta = run["reps"], run["meta"]
    row_of = {d: i for i, d in enumerate(meta["doc_id"])}
    spans = pd.read_csv(folder / "truth_spans.csv", dtype={"doc_id": str, "source_doc_id": str})
    truth = pd.read_csv(folder / "truth.csv", dtype={"doc_id": str}, keep_default_na=False).set_index(
        "doc_id"
    )
    by_pair = {k: g for k, g in spans.groupby(["doc_id", "source_doc_id"])}
    rows = []
    for i in range(run["n_query"]):
        a = reps[i]
        compared = run["compared"].get(a.doc_id)
        seg_block, sizes, _ = stage.layout(a, compared)
        bounds = sorted(compared) if compared else []
        for (kind, sid), pairs in run["claims"][i].items():
            if kind == "template":
                continue
            s = run["sources"][(kind, sid)]
            stats = partial(
                block_stats,
                pairs,
                a,
                s,
                seg_block,
                sizes,
                p.align.min_seg_tokens,
                False,
                run["n_ref"],
                p.align.common_df,
            )

            now = {x.block: x for x in stats()}
            with mock.patch("pipeline.stages.reuse.align.same_figures", lambda *_: True):
                before = {x.block: x.bits for x in stats()}
            j = row_of[sid]
            far = kind == "peer" and (meta.unit[i] != meta.unit[j] or str(meta.year[i]) != str(meta.year[j]))
            truth_pair = by_pair.get((a.doc_id, sid))
            for b, x in now.items():
                if x.cov < 0.9:
                    continue
                lo, hi = bounds[b] if b < len(bounds) else (0, 0)
                label = 0
                if truth_pair is not None and hi > lo:
                    overlap = (np.minimum(truth_pair.end, hi) - np.maximum(truth_pair.start, lo)).clip(
                        lower=0
                    )
                    label = int(overlap.sum() >= 0.5 * (hi - lo))
                figs = [(segment_figures(a, q.a_seg), segment_figures(s, q.s_seg)) for q in x.pairs]
                figs = [(fa, fs) for fa, fs in figs if fa or fs]
                df = [max(int(a.seg_df[q.a_seg]), int(s.seg_df[q.s_seg])) for q in x.pairs]
                stock = [bool(a.seg_boiler[q.a_seg] or s.seg_boiler[q.s_seg]) for q in x.pairs]
                rows.append(
                    {
                        "doc_id": a.doc_id,
                        "source_doc_id": sid,
                        "kind": kind,
                        "far": far,
                        "block": b,
                        "n_tokens": x.n_tokens,
                        "cov": round(x.cov, 4),
                        "sim": round(x.sim, 2),
                        "bits": round(x.bits, 2),
                        "bits_any": round(before[b], 2),
                        "run": x.run,
                        "n_pairs": len(x.pairs),
                        "n_figures": len(figs),
                        "same_figures": sum(fa == fs for fa, fs in figs),
                        "n_stock": sum(stock),
                        "n_common": sum(d >= p.align.common_df for d in df),
                        "label": label,
                        "positive": int(
                            truth.loc[a.doc_id, "copied_prior" if kind == "prior" else "copied_peer"]
                        ),
                    }
                )
    return pd.DataFrame(rows)


def summary(t: pd.DataFrame, p: ReuseParams) -> None:
    """The counts quoted in models/REUSE.md (session 4)."""
    for kind, bp in (("prior", p.prior_block), ("peer", p.peer_block)):
        d = t[(t.kind == kind) & ~t.far & (t.sim >= bp.sim) & (t.n_tokens >= bp.min_tokens)]
        rare = d[(d.run >= bp.run) & (d.bits_any >= bp.bits) & (d.sim < bp.exact_sim)]
        changed = rare[(rare.n_figures - rare.same_figures) * 2 > rare.n_figures]
        print(
            f"{kind}: reworded blocks of the rarity route (bits before the figures rule): "
            f"honest {int((rare.label == 0).sum())} ({int((changed.label == 0).sum())} with figures mostly "
            f"changed), copied {int(rare.label.sum())} ({int(changed.label.sum())})"
        )
        for k in (5, 8):
            r = d[(d.sim >= 99) & (d.n_tokens >= 100) & (d.n_pairs >= k) & (d.run < bp.long_run)]
            print(
                f"  reordered long route, >= {k} sentences: copied {int(r.label.sum())}, "
                f"honest {int((r.label == 0).sum())} ({r[r.label == 0].doc_id.nunique()} reports)"
            )
        for er in sorted({4, 5, bp.exact_run}):
            only = d[
                (d.sim >= bp.exact_sim)
                & (d.run >= er)
                & ~((d.run >= bp.run) & (d.bits >= bp.bits))
                & ~((d.run >= bp.long_run) & (d.n_tokens >= bp.long_tokens))
            ]
            print(
                f"  exact route only, >= {er} in a row: copied {int(only.label.sum())}, "
                f"honest {int((only.label == 0).sum())}; of them all stock: "
                f"{int(only[only.n_stock == only.n_pairs].label.sum())} / "
                f"{int((only[only.n_stock == only.n_pairs].label == 0).sum())}"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folder", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "reuse" / "sections")
    a = ap.parse_args()
    t = section_table(a.folder)
    out = a.out / a.folder.name
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / "sections.csv.tmp"
    t.to_csv(tmp, index=False)
    tmp.replace(out / "sections.csv")
    summary(t, ReuseParams())


if __name__ == "__main__":
    main()
