"""Generate a synthetic batch and also write the generator's per-sentence annotations.

The corpus generator (pipeline.corpus) knows each sentence's dimension, whether it is a formal
clause (``subst``), whether it states a figure (``quant``) and its weakness/plan label, but its
truth files keep only document flags and spans. This wrapper records the sentences as
``truth_sentences.csv`` (doc_id, text, dim, subst, quant, kind, label) next to the batch, for
evaluation (variant b) and, for variant a only, as optional training data.

    .venv/bin/python benchmarks/content/gensents.py --seed 1 --units 8 --years 2023-2025 --out DIR --variant a
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from pipeline.corpus.generator import parse_years
from pipeline.modelio import atomic_write_bytes
from pipeline.stages.content.gendata import generate_recorded


def generate_with_sentences(
    seed: int, units: int, years: str, out: Path, variant: str, rates: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The batch (pipeline.stages.content.gendata.generate_recorded) plus truth_sentences.csv."""
    summary, frame = generate_recorded(seed, units, parse_years(years), out, variant, rates)
    atomic_write_bytes(out / "truth_sentences.csv", frame.to_csv(index=False).encode("utf-8"))
    return summary


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--units", type=int, required=True)
    ap.add_argument("--years", default="2023-2025")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--variant", choices=["a", "b"], default="a")
    ap.add_argument("--rates", default=None, help="JSON object of rate overrides")
    args = ap.parse_args()
    rates = json.loads(args.rates) if args.rates else None
    s = generate_with_sentences(args.seed, args.units, args.years, args.out, args.variant, rates)
    print(f"{s['documents']} reports -> {args.out}")


if __name__ == "__main__":
    main()
