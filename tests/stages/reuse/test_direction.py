"""Who wrote a same-year text two colleagues share: the writers' own earlier reports decide."""

from __future__ import annotations

import pandas as pd

from pipeline.model import Batch
from pipeline.stages.reuse import ReuseParams, ReuseStage

from .helpers import load_cases


def _untold_pair(with_history: bool) -> Batch:
    """Bình's 2024 report and An's identical copy, with the post named in the text replaced (no
    tell, same rank): the texts alone cannot say who copied. Optionally with Bình's own 2023
    report (an honest, rewritten report on the same work: xóm Bãi, the disaster fund)."""
    names = ["binh_2024.txt", "an_2024_copy.txt"] + (["binh_2023.txt"] if with_history else [])
    b = load_cases(names)
    docs = b.documents.copy()
    for i in docs.index:  # same-length replacement: section spans stay valid
        docs.loc[i, "text"] = docs.loc[i, "text"].replace("kế toán ngân sách xã", "cán bộ phụ trách quỹ")
    b.documents = docs
    return b


def _flags(b: Batch) -> dict[str, tuple[int, str]]:
    f = b.findings[b.findings.finding == "copied_peer"]
    return {r.doc_id: (int(r.flag), str(r.detail)) for r in f.itertuples()}


def test_earlier_report_holding_the_shared_wording_names_the_author() -> None:
    b = _untold_pair(with_history=True)
    stage = ReuseStage(templates={}, bank_dirs=[])
    stage.run(b)
    flags = _flags(b)
    assert flags["U06-M002-2024"] == (1, "U06-M001-2024")  # An copied Bình
    assert flags["U06-M001-2024"][0] == 0  # Bình wrote it: her 2023 report holds its wording
    assert flags["U06-M001-2023"][0] == 0
    (note,) = stage.direction_notes
    assert note["author"] == "U06-M001-2024"
    # Bình's honest rewrite is not a copy of her own 2023 report
    prior = b.findings[(b.findings.finding == "copied_prior") & (b.findings.doc_id == "U06-M001-2024")]
    assert int(prior.flag.iloc[0]) == 0


def test_without_history_or_switched_off_both_stay_flagged() -> None:
    for with_history, on in ((False, True), (True, False)):
        b = _untold_pair(with_history)
        ReuseStage(params=ReuseParams(direction_history=on), templates={}, bank_dirs=[]).run(b)
        flags = _flags(b)
        assert flags["U06-M002-2024"] == (1, "U06-M001-2024")
        assert flags["U06-M001-2024"] == (1, "U06-M002-2024")


def test_copier_whose_earlier_report_holds_the_wording_too_is_not_decided() -> None:
    """When both writers' earlier reports hold the shared wording (both wrote about the same
    work before), history does not tell who copied: both stay flagged."""
    b = _untold_pair(with_history=True)
    docs = b.documents.copy()
    binh23 = docs.index[docs.doc_id == "U06-M001-2023"][0]
    an23 = docs.loc[binh23].copy()
    an23["doc_id"], an23["member_id"] = "U06-M002-2023", "U06-M002"
    docs.loc[len(docs)] = an23
    b.documents = docs.reset_index(drop=True)
    secs = b.sections[b.sections.doc_id == "U06-M001-2023"].assign(doc_id="U06-M002-2023")
    b.sections = pd.concat([b.sections, secs], ignore_index=True)
    ReuseStage(templates={}, bank_dirs=[]).run(b)
    flags = _flags(b)
    assert flags["U06-M002-2024"][0] == 1 and flags["U06-M001-2024"][0] == 1
