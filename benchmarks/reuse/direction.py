"""Choose the history-based direction thresholds of same-year colleague copies (tuning seed only).

    .venv/bin/python benchmarks/reuse/direction.py --folder DIR [--out benchmarks/out/reuse/direction]

Runs the stage once with ``direction_history`` on; every same-year pair flagged both ways is
recorded with its features (``ReuseStage.direction_notes``: earlier report present, the shared text's own wording
and the share of it held by the earlier reports, per side). Joined with truth.csv (who copied
whom), the decision rule is replayed for a grid of (``history_min_words``, ``history_hold``,
``history_lack``):
right calls (the side named as author is the truth source, the other the copier) and wrong calls
(the named author copied, or neither copied the other). Writes ``notes.csv`` and ``grid.csv``.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.stages.reuse import ReuseParams, ReuseStage  # noqa: E402
from pipeline.stages.reuse.evaluate import batch_from_folder  # noqa: E402

GRID = {
    "min_words": [10, 20, 40],
    "hold": [0.05, 0.1, 0.15, 0.2, 0.3],
    "lack": [0.0, 0.02, 0.05, 0.1],
}


def author_of(row: pd.Series, min_words: int, hold: float, lack: float) -> str:
    """The rule of ``ReuseStage.direction_by_history`` on one recorded pair."""
    for a, b in (("a", "b"), ("b", "a")):
        if (
            row[f"{a}_words"] >= min_words
            and row[f"{a}_held"] >= hold
            and (not row[f"{b}_earlier"] or row[f"{b}_held"] <= lack)
        ):
            return str(row[a])
    return ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folder", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "reuse" / "direction")
    a = ap.parse_args()
    batch = batch_from_folder(a.folder)
    stage = ReuseStage(params=ReuseParams(), bank_dirs=[])
    stage.run(batch)
    notes = pd.DataFrame(stage.direction_notes)
    truth = pd.read_csv(a.folder / "truth.csv", dtype={"doc_id": str}, keep_default_na=False).set_index(
        "doc_id"
    )
    copied = {d: set(str(v).split(";")) - {""} for d, v in truth["copied_peer_of"].items()}
    if len(notes):
        notes["a_copied_b"] = [r.b in copied.get(r.a, set()) for r in notes.itertuples()]
        notes["b_copied_a"] = [r.a in copied.get(r.b, set()) for r in notes.itertuples()]
    out = a.out / a.folder.name
    out.mkdir(parents=True, exist_ok=True)
    notes.to_csv(out / "notes.csv", index=False)
    rows = []
    for min_words, hold, lack in itertools.product(GRID["min_words"], GRID["hold"], GRID["lack"]):
        right = wrong = 0
        for _, r in notes.iterrows():
            who = author_of(r, min_words, hold, lack)
            if not who:
                continue
            other = r.b if who == r.a else r.a
            ok = (r.a_copied_b and who == r.b) or (r.b_copied_a and who == r.a)
            ok = ok and not (who in copied.get(other, set()) and other in copied.get(who, set()))
            right += int(ok)
            wrong += int(not ok)
        rows.append({"min_words": min_words, "hold": hold, "lack": lack, "right": right, "wrong": wrong})
    grid = pd.DataFrame(rows)
    grid.to_csv(out / "grid.csv", index=False)
    print(
        f"{len(notes)} same-year pairs flagged both ways; truth: a->b {int(notes.get('a_copied_b', pd.Series()).sum())}, b->a {int(notes.get('b_copied_a', pd.Series()).sum())}"
    )
    print(grid.sort_values(["wrong", "right"], ascending=[True, False]).head(15).to_string(index=False))
    print(grid.sort_values(["right", "wrong"], ascending=[False, True]).head(10).to_string(index=False))


if __name__ == "__main__":
    main()
