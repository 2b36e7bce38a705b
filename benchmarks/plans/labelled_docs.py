"""Document-level vague_plan on the hand-labelled reports (corpora/labelled/documents.csv).

    .venv/bin/python benchmarks/plans/labelled_docs.py [--out labelled_docs.json]

Scores the plans stage and the lexicon-only baseline (same stage, ``LexiconModel`` items) on
all labelled reports and on the subset under ``documents/`` that was never read while the
stage was developed. The blind set (corpora/labelled/blind/) is not read here.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.stages.plans import PlanStage  # noqa: E402
from pipeline.stages.plans.classifier import LexiconModel  # noqa: E402
from pipeline.stages.plans.evaluate import _prf, labelled_documents_batch  # noqa: E402


def _flags(batch: Any, doc_ids: list[str]) -> list[int]:
    f = batch.findings[batch.findings["finding"] == "vague_plan"].set_index("doc_id")
    return [int(f.loc[d, "flag"]) for d in doc_ids]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        batch, labels = labelled_documents_batch(tmp)
    out: dict[str, Any] = {}
    for name, model in (("plans_stage", None), ("lexicon_baseline", LexiconModel())):
        b = copy.deepcopy(batch)
        PlanStage(model=model).run(b)
        got = _flags(b, labels["doc_id"].tolist())
        gold = [int(x) for x in labels["vague_plan"]]
        unseen = [i for i, f in enumerate(labels["file"]) if str(f).startswith("documents/")]
        out[name] = {
            "all": _prf(gold, got),
            "documents_subset": _prf([gold[i] for i in unseen], [got[i] for i in unseen]),
        }
        print(name, json.dumps(out[name]), flush=True)
    if a.out:
        a.out.write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
