"""A proven copy gains the sentences whose clauses were moved around (``reorder_sim``)."""

from __future__ import annotations

from pipeline.model import Batch
from pipeline.stages.reuse import ReuseParams, ReuseStage
from pipeline.stages.reuse.align import AlignParams, match_segments
from pipeline.stages.reuse.shingles import Vocab, make_rep

from .helpers import load_cases

SWAPPED = "Bồi dưỡng đội tuyển học sinh giỏi Ngữ văn cấp huyện, có 5 em đạt giải, trong đó 2 giải nhì và 3 giải khuyến khích."


def _swap_clauses(sentence: str) -> str:
    """'A, B.' -> 'B, A.' (same length, so section spans stay valid)."""
    head, tail = sentence[:-1].split(", ", 1)
    return f"{tail}, {head}."


def _batch() -> Batch:
    """Mai's 2024 report copied from her 2023 one, with one duties sentence's clauses moved."""
    b = load_cases(["mai_2023.txt", "mai_2024_copy.txt"])
    docs = b.documents.copy()
    i = docs.index[docs.doc_id == "U01-M001-2024"][0]
    assert SWAPPED in docs.loc[i, "text"]
    docs.loc[i, "text"] = docs.loc[i, "text"].replace(SWAPPED, _swap_clauses(SWAPPED))
    b.documents = docs
    return b


def _covered(b: Batch, needle: str) -> bool:
    text = b.documents.set_index("doc_id").loc["U01-M001-2024", "text"]
    start = text.index(needle)
    m = b.matches[(b.matches.doc_id == "U01-M001-2024") & (b.matches.source_kind == "prior")]
    return any(s <= start and start + len(needle) <= e for s, e in zip(m.start, m.end, strict=True))


def test_reordered_sentence_joins_the_proven_copy() -> None:
    moved = _swap_clauses(SWAPPED)
    on, off = _batch(), _batch()
    ReuseStage(templates={}, bank_dirs=[]).run(on)
    ReuseStage(params=ReuseParams(reorder_sim=101.0), templates={}, bank_dirs=[]).run(off)
    for b in (on, off):
        f = b.findings[(b.findings.doc_id == "U01-M001-2024") & (b.findings.finding == "copied_prior")]
        assert int(f.flag.iloc[0]) == 1
    assert _covered(on, moved)
    assert not _covered(off, moved)  # under the ordered ratio's cutoff, the section falls short


def test_first_pass_scores_clause_order_blind_only_when_asked() -> None:
    """``match_segments`` with ``reorder_sim``: a sentence whose clauses were swapped matches its
    source (never as identical or refreshed); without it the ordered ratio misses it."""
    other = "Dự đủ 12 kỳ sinh hoạt chi bộ và đóng đảng phí trước ngày 10 hằng tháng."
    vocab = Vocab()
    a = make_rep("a", f"{_swap_clauses(SWAPPED)}\n{other}\n", vocab)
    s = make_rep("s", f"{SWAPPED}\n{other}\n", vocab)
    segs_a, segs_s = a.seg_comparable(3), s.seg_comparable(3)
    ordered = match_segments(a, s, vocab, segs_a, segs_s, AlignParams(min_pairs=1))
    blind = match_segments(a, s, vocab, segs_a, segs_s, AlignParams(min_pairs=1), reorder_sim=80.0)
    assert len(ordered) == 1 and ordered[0].exact  # only the untouched sentence
    assert len(blind) == 2
    moved = next(q for q in blind if not q.exact)
    assert moved.score >= 99 and not moved.refreshed
