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
import csv
import json
from pathlib import Path
from typing import Any

from pipeline.corpus.generator import Generator, parse_years


class RecordingGenerator(Generator):
    """A Generator that also keeps (doc_id, sentence annotations) for every emitted report."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sentence_rows: list[dict[str, Any]] = []

    def _emit(self, doc: Any, tr: Any, sinks: Any, source_of: list[str]) -> None:
        super()._emit(doc, tr, sinks, source_of)
        for sec in doc.sections:
            for s in sec.body.sentences():
                self.sentence_rows.append(
                    {
                        "doc_id": doc.doc_id,
                        "text": s.text,
                        "dim": s.dim,
                        "subst": int(s.subst),
                        "quant": int(s.quant),
                        "attendance": int(s.attendance),
                        "kind": s.kind,
                        "label": s.label,
                    }
                )


def generate_with_sentences(
    seed: int, units: int, years: str, out: Path, variant: str, rates: dict[str, Any] | None = None
) -> dict[str, Any]:
    gen = RecordingGenerator(seed, units, parse_years(years), out, "txt", variant, rates)
    summary = gen.run()
    with (out / "truth_sentences.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(gen.sentence_rows[0]))
        w.writeheader()
        w.writerows(gen.sentence_rows)
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
