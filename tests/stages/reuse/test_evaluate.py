"""PAN measures of the evaluation module, on cases worked by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from pipeline.stages.reuse.evaluate import Span, best_threshold, pan_report, pan_scores

#: truth_spans.csv columns
TRUTH_COLUMNS = [
    "doc_id",
    "source_doc_id",
    "source_kind",
    "start",
    "end",
    "source_start",
    "source_end",
    "obfuscation",
]


def _s(a0, a1, s0, s1, doc="d", src="s"):
    return Span(doc, src, a0, a1, s0, s1)


def test_exact_detection():
    r = pan_scores([_s(0, 100, 0, 100)], [_s(0, 100, 0, 100)])
    assert (r["precision"], r["recall"], r["granularity"], r["plagdet"]) == (1, 1, 1, 1)


def test_split_detection_is_penalised_by_granularity():
    r = pan_scores([_s(0, 100, 0, 100)], [_s(0, 50, 0, 50), _s(50, 100, 50, 100)])
    assert r["recall"] == 1 and r["precision"] == 1 and r["granularity"] == 2
    assert r["plagdet"] == pytest.approx(1 / math.log2(3), abs=1e-4)


def test_partial_and_false_detections():
    cases = [_s(0, 100, 0, 100)]
    dets = [_s(0, 50, 0, 50), _s(0, 100, 0, 100, src="other")]  # second: wrong source
    r = pan_scores(cases, dets)
    assert r["recall"] == 0.5
    assert r["precision"] == 0.5  # mean of 1.0 and 0.0
    r = pan_scores(cases, [_s(0, 200, 0, 200)])  # detection twice as long as the case
    assert r["precision"] == 0.5 and r["recall"] == 1


def test_report_subsets():
    truth = pd.DataFrame(
        [
            ("d1", "s1", "prior", 0, 10, 0, 10, "verbatim"),
            ("d2", "s2", "peer", 0, 10, 0, 10, "paraphrased"),
        ],
        columns=TRUTH_COLUMNS,
    )
    m = truth.rename(columns={"obfuscation": "match_type"}).iloc[:1]
    rep = pan_report(truth, m).set_index("subset")
    assert rep.loc["channel=prior", "plagdet"] == 1
    assert rep.loc["channel=peer", "recall"] == 0
    assert rep.loc["obfuscation=verbatim", "recall"] == 1
    assert rep.loc["all", "recall"] == 0.5


def test_best_threshold():
    thr, res = best_threshold(np.array([0.1, 0.2, 0.8, 0.9]), np.array([0, 0, 1, 1]))
    assert thr == 0.8 and res["f1"] == 1


def test_obfuscation_precision_counts_every_case_of_the_pair():
    """A whole-report copy whose sections carry different obfuscations: one detection covering a
    verbatim and a reordered section is exact, not half wrong, in the verbatim subset."""
    cols = TRUTH_COLUMNS
    truth = pd.DataFrame(
        [("d1", "s1", "prior", 0, 10, 0, 10, "verbatim"), ("d1", "s1", "prior", 10, 20, 10, 20, "reordered")],
        columns=cols,
    )
    m = pd.DataFrame([("d1", "s1", "prior", 0, 20, 0, 20, "identical")], columns=cols[:-1] + ["match_type"])
    rep = pan_report(truth, m).set_index("subset")
    assert rep.loc["obfuscation=verbatim", "precision"] == 1
    assert rep.loc["obfuscation=verbatim", "recall"] == 1
    # a detection running past every case of the pair still loses precision
    m.loc[0, ["end", "source_end"]] = 40
    rep = pan_report(truth, m).set_index("subset")
    assert rep.loc["obfuscation=verbatim", "precision"] == 0.5
