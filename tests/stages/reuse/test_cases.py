"""Hand-made cases: the four situations the stage must get right, on realistic reports."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from pipeline import schema
from pipeline.stages.base import Stage
from pipeline.stages.reuse import ReuseStage

from .helpers import case_templates, load_cases


@pytest.fixture(scope="module")
def batch():
    b = load_cases()
    ReuseStage(templates=case_templates(), bank_dirs=[]).run(b)
    return b


def _syllables(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _finding(batch, doc_id: str, finding: str) -> pd.Series:
    f = batch.findings
    rows = f[(f.doc_id == doc_id) & (f.finding == finding)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_protocol_and_rows(batch):
    stage = ReuseStage(bank_dirs=[])
    assert isinstance(stage, Stage)
    assert stage.name == "reuse"
    assert set(stage.provides) <= set(schema.ALL_FINDINGS)
    n = len(batch.documents)
    assert len(batch.findings) == 3 * n
    assert set(batch.findings.finding) == set(stage.provides)
    assert list(batch.matches.columns) == list(schema.MATCH_COLUMNS)
    assert set(batch.matches.source_kind) <= set(schema.SOURCE_KINDS)
    assert set(batch.matches.match_type) <= set(schema.MATCH_TYPES)
    assert set(batch.params["reuse"]["common_wording_share"]) == set(batch.documents.doc_id)
    assert batch.params["reuse"]["prior_threshold"] > 0


def test_last_year_with_year_changed_is_copied_prior(batch):
    row = _finding(batch, "U01-M001-2024", "copied_prior")
    assert row.flag == 1 and row.score > 0.9
    assert "U01-M001-2023" in row.reason and "năm 2023" in row.reason
    assert "'Trong năm 2023'" in row.reason  # the wrong year left in
    m = batch.matches[batch.matches.doc_id == "U01-M001-2024"]
    assert set(m.match_type) == {"refreshed"}  # figures and years changed, nothing else
    assert set(m.source_doc_id) == {"U01-M001-2023"}


def test_spans_point_at_the_same_text(batch):
    docs = batch.documents.set_index("doc_id")["text"]
    for r in batch.matches.itertuples():
        assert docs[r.doc_id][r.start : r.end] == r.text
        if r.source_kind != "template":
            assert docs[r.source_doc_id][r.source_start : r.source_end] == r.source_text
        if r.match_type == "identical":
            assert _syllables(r.text) == _syllables(r.source_text)


def test_genuine_next_year_report_is_not_flagged(batch):
    row = _finding(batch, "U01-M001-2024g", "copied_prior")
    assert row.flag == 0 and row.score < 0.1


def test_colleague_copy_with_name_changed(batch):
    row = _finding(batch, "U02-M002-2024", "copied_peer")
    assert row.flag == 1 and row.score > 0.6  # one rewritten sentence keeps its section out
    assert row.detail == "U02-M001-2024"
    assert "Nguyễn Văn Hùng" in row.reason  # the source's name left in the signature


def test_stock_phrases_only_are_not_copies(batch):
    for doc in ("U03-M001-2024", "U04-M001-2024"):
        for finding in ("copied_peer", "template_heavy", "copied_prior"):
            assert _finding(batch, doc, finding).flag == 0
        assert batch.params["reuse"]["common_wording_share"][doc] > 0.3
    m = batch.matches
    assert not len(m[m.doc_id.isin(["U03-M001-2024", "U04-M001-2024"])])


def test_published_sample_is_template_heavy(batch):
    row = _finding(batch, "U05-M001-2024", "template_heavy")
    assert row.flag == 1 and row.score > 0.9
    assert row.detail == "mau_dang_vien_chung"
    assert "Ví dụ:" in row.reason
    for doc in batch.documents.doc_id:
        if doc != "U05-M001-2024":
            assert _finding(batch, doc, "template_heavy").flag == 0


def test_header_and_signature_are_not_compared(batch):
    docs = batch.documents.set_index("doc_id")["text"]
    secs = batch.sections
    for r in batch.matches.itertuples():
        own = secs[(secs.doc_id == r.doc_id) & secs.label.isin(["header", "other", "self_rating"])]
        for s in own.itertuples():
            assert r.end <= s.start or r.start >= s.end, (r.doc_id, docs[r.doc_id][r.start : r.end][:40])


def test_history_is_searched_but_not_screened():
    b = load_cases(["mai_2024_copy.txt"])
    h = load_cases(["mai_2023.txt"])
    b.history, b.history_sections = h.documents, h.sections
    ReuseStage(templates={}, bank_dirs=[]).run(b)
    assert set(b.findings.doc_id) == {"U01-M001-2024"}
    assert _finding(b, "U01-M001-2024", "copied_prior").flag == 1


def test_empty_batch():
    b = load_cases([])
    ReuseStage(templates={}, bank_dirs=[]).run(b)
    assert len(b.findings) == 0 and len(b.matches) == 0
    assert "reuse" in b.params


def test_copy_typed_without_diacritics():
    from pipeline.text.normalize import strip_accents

    b = load_cases(["hung_2024.txt", "tuan_2024_copy.txt", "lan_2024.txt"])
    docs = b.documents.copy()
    i = docs.index[docs.doc_id == "U02-M002-2024"][0]
    docs.loc[i, "text"] = strip_accents(docs.loc[i, "text"])  # same length: spans still valid
    b.documents = docs
    ReuseStage(templates={}, bank_dirs=[]).run(b)
    row = _finding(b, "U02-M002-2024", "copied_peer")
    assert row.flag == 1 and row.score > 0.6
    assert _finding(b, "U03-M001-2024", "copied_peer").flag == 0
    m = b.matches[b.matches.doc_id == "U02-M002-2024"]
    assert len(m) and set(m.match_type) <= {"refreshed", "paraphrased"}


def test_identical_colleague_copy_direction_from_the_post(batch):
    """Two members' reports of the same year, identical body text: who copied whom is not in the
    sequence rule (same rank) nor in any rewording; the text names 'kế toán ngân sách xã', the
    post in Bình's header, so An (Công chức Địa chính - Xây dựng) is the one who copied."""
    an = _finding(batch, "U06-M002-2024", "copied_peer")
    assert an.flag == 1 and an.score > 0.9
    assert an.detail == "U06-M001-2024"
    assert _finding(batch, "U06-M001-2024", "copied_peer").flag == 0
    m = batch.matches[batch.matches.doc_id == "U06-M002-2024"]
    assert set(m.match_type) == {"identical"}


def test_identical_colleague_copy_without_a_tell_flags_both():
    """Without the post in the text (nor a rewording, nor a rank), the direction cannot be read
    from the texts: both reports are flagged, each naming the other."""
    b = load_cases(["binh_2024.txt", "an_2024_copy.txt"])
    docs = b.documents.copy()
    for i in docs.index:  # same-length replacement: section spans stay valid
        docs.loc[i, "text"] = docs.loc[i, "text"].replace("kế toán ngân sách xã", "cán bộ phụ trách quỹ")
    b.documents = docs
    ReuseStage(templates={}, bank_dirs=[]).run(b)
    assert _finding(b, "U06-M002-2024", "copied_peer").detail == "U06-M001-2024"
    assert _finding(b, "U06-M001-2024", "copied_peer").detail == "U06-M002-2024"
