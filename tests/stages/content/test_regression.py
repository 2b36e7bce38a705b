"""Regression guard: the content stage's document-level F1 on the hand-written reports
(corpora/labelled/documents.csv) and on a small generated variant-b batch must not fall below the
floors below.

The floors are the figures measured for models/CONTENT.md (same models, same thresholds) minus
about one document's worth of F1; they are guards against regressions, not targets, and nothing
was tuned on these sets (thresholds come from the variant-a tuning batches).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.stages.content import ContentStage
from pipeline.stages.content.evaluation import handwritten_folder, labelled_set, prepare, score_findings

#: finding -> minimum F1 on the 77 hand-written reports (measured values in models/CONTENT.md).
HANDWRITTEN_FLOORS: dict[str, float] = {
    "missing_ideology": 0.9,  # measured 1.000 (6 positives)
    "missing_ethics": 0.9,  # 1.000 (6; 0.909 before the sixth round)
    "generic_weaknesses": 0.82,  # 0.872 (18)
    "unquantified_results": 0.85,  # 0.900 (10; 0.857 before the sixth round)
    "no_collective_responsibility": 0.75,  # 0.857 (3)
}
#: finding -> minimum F1 on the generated variant-b batch of :func:`generated_b` (seed 211).
GENERATED_FLOORS: dict[str, float] = {
    "missing_ideology": 0.85,  # measured 0.952 (10 positives)
    "missing_ethics": 0.75,  # 0.833 (12; 0.909 in the fifth round, before its models and threshold)
    "generic_weaknesses": 0.85,  # 1.000 (11; 0.957 in the fifth round)
    "unquantified_results": 0.85,  # 0.919 (19)
    "no_collective_responsibility": 0.5,  # 0.800 (2)
}
#: set -> finding -> minimum F1 on the two outside-written sets, development sets since the sixth
#: round (models/CONTENT.md, History 8): measured values minus about one document.
DEVELOPMENT_FLOORS: dict[str, dict[str, float]] = {
    "blind": {
        "missing_ideology": 0.85,  # 1.000 (5 positives)
        "missing_ethics": 0.85,  # 1.000 (5)
        "generic_weaknesses": 0.9,  # 1.000 (11)
        "unquantified_results": 0.7,  # 0.857 (4)
        "no_collective_responsibility": 0.85,  # 1.000 (4)
    },
    "blind2": {
        "missing_ideology": 0.85,  # 1.000 (4)
        "missing_ethics": 0.7,  # 0.857 (4)
        "generic_weaknesses": 0.9,  # 1.000 (10)
        "unquantified_results": 0.9,  # 1.000 (6)
        "no_collective_responsibility": 0.8,  # 1.000 (3)
    },
}


@pytest.fixture(scope="module")
def handwritten(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, pd.DataFrame]:
    folder, truth = handwritten_folder(tmp_path_factory.mktemp("handwritten"))
    return prepare(folder), truth


@pytest.fixture(scope="module")
def generated_b(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, pd.DataFrame]:
    from pipeline.corpus.generator import Generator

    out = Path(tmp_path_factory.mktemp("gen_b"))
    rates = {"missing_ideology": 0.25, "missing_ethics": 0.25}
    Generator(211, 2, [2024, 2025], out, "txt", "b", rates).run()
    return prepare(out), pd.read_csv(out / "truth.csv").set_index("doc_id")


def _check(result: dict, floors: dict[str, float]) -> None:
    low = {
        f: (result["findings"][f]["stage"]["f1"], floor)
        for f, floor in floors.items()
        if result["findings"][f]["stage"]["f1"] < floor
    }
    assert not low, f"F1 below the floor (measured, floor): {low}; errors: {result['errors']}"


def test_handwritten_reports_do_not_regress(
    stage: ContentStage, handwritten: tuple[object, pd.DataFrame]
) -> None:
    batch, truth = handwritten
    result = score_findings(batch, truth, stage)
    print({f: r["stage"]["f1"] for f, r in result["findings"].items()})
    _check(result, HANDWRITTEN_FLOORS)


def test_generated_variant_b_does_not_regress(
    stage: ContentStage, generated_b: tuple[object, pd.DataFrame]
) -> None:
    batch, truth = generated_b
    result = score_findings(batch, truth, stage)
    print({f: (r["stage"]["f1"], r["stage"]["positives"]) for f, r in result["findings"].items()})
    _check(result, GENERATED_FLOORS)


@pytest.mark.parametrize("name", sorted(DEVELOPMENT_FLOORS))
def test_development_sets_do_not_regress(stage: ContentStage, name: str) -> None:
    batch, truth = labelled_set(name)
    result = score_findings(batch, truth, stage)
    print(name, {f: (r["stage"]["f1"], r["stage"]["positives"]) for f, r in result["findings"].items()})
    _check(result, DEVELOPMENT_FLOORS[name])
