"""Document-level vague_plan on the hand-labelled reports (corpora/labelled/documents.csv)."""

from __future__ import annotations

import copy

import pytest

from pipeline.stages.plans import PlanStage
from pipeline.stages.plans.classifier import LexiconModel
from pipeline.stages.plans.evaluate import _prf, labelled_documents_batch


@pytest.fixture(scope="module")
def labelled(tmp_path_factory):
    return labelled_documents_batch(tmp_path_factory.mktemp("labelled_docs"))


def _flags(batch, labels) -> list[int]:
    f = batch.findings[batch.findings["finding"] == "vague_plan"].set_index("doc_id")
    return [int(f.loc[d, "flag"]) for d in labels["doc_id"]]


def test_vague_plan_documents(labelled):
    """Issue 9: document vague_plan F1 >= 0.9, and the lexicon-only baseline beaten."""
    batch, labels = labelled
    assert len(labels) >= 70 and labels["vague_plan"].sum() >= 10
    ours = copy.deepcopy(batch)
    PlanStage().run(ours)
    base = copy.deepcopy(batch)
    PlanStage(model=LexiconModel()).run(base)
    gold = [int(x) for x in labels["vague_plan"]]
    got, lex = _prf(gold, _flags(ours, labels)), _prf(gold, _flags(base, labels))
    assert got["f1"] >= 0.9, got
    assert got["f1"] > lex["f1"], (got, lex)
    # every report gets both findings, with a reason when flagged
    f = ours.findings
    assert set(f["finding"]) == {"vague_plan", "unremedied_weaknesses"}
    assert (f.groupby("doc_id").size() == 2).all()
    assert f[(f["flag"] == 1)]["reason"].str.len().min() > 10
