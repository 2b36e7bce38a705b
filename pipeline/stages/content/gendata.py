"""Sentence-level training data from the corpus generator (variant a only).

The generator (:mod:`pipeline.corpus`) knows, for every sentence it writes, its dimension, whether
it is a purely formal clause (``subst``), whether it states a figure (``quant``) and its weakness
or plan label, but its truth files keep only document-level flags and spans.
:class:`RecordingGenerator` keeps the sentences as it emits each report.

Only phrase family **a** may be used for training; family b is kept for evaluation, so
:func:`generated_sentences` refuses ``variant="b"``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

SENTENCE_COLUMNS = ("doc_id", "text", "dim", "subst", "quant", "attendance", "kind", "label")


def _generator_class() -> type:
    try:
        from pipeline.corpus.generator import Generator
    except ImportError as exc:  # pragma: no cover - the generator ships with the package
        raise RuntimeError(
            "the corpus generator (pipeline.corpus) is needed to build the content topic model"
        ) from exc
    return Generator


class RecordingGenerator(_generator_class()):  # type: ignore[misc]
    """A corpus Generator that also keeps every emitted sentence's annotations."""

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


def generate_recorded(
    seed: int,
    units: int,
    years: list[int],
    out: Path,
    variant: str = "a",
    rates: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], pd.DataFrame]:
    """Write a generated batch to ``out`` and return (summary, sentence annotations)."""
    gen = RecordingGenerator(seed, units, years, Path(out), "txt", variant, rates)
    summary = gen.run()
    return summary, pd.DataFrame(gen.sentence_rows, columns=list(SENTENCE_COLUMNS))


def generated_sentences(
    seed: int = 7, units: int = 6, years: tuple[int, ...] = (2023, 2024, 2025), variant: str = "a"
) -> pd.DataFrame:
    """Annotated sentences of a generated batch (written to a temporary folder and discarded)."""
    if variant != "a":
        raise ValueError(
            "generated training data must come from phrase family a (family b is for evaluation)"
        )
    with tempfile.TemporaryDirectory(prefix="soi-gen-") as tmp:
        _, frame = generate_recorded(seed, units, list(years), Path(tmp), variant)
    return frame
