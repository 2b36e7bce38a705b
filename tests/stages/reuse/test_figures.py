"""A reworded sentence around other figures carries no rarity bits (``align.pair_bits``)."""

from __future__ import annotations

import numpy as np

from pipeline.stages.reuse.align import AlignParams, match_segments, pair_bits, same_figures
from pipeline.stages.reuse.shingles import Vocab, make_rep

LAST = "Trong năm 2023, tôi đã tham gia hòa giải thành 5 vụ mâu thuẫn trong khu dân cư số 4."
REWORDED_NEW = "Năm 2024, bản thân tham gia hòa giải thành công 7 vụ mâu thuẫn ở khu dân cư số 4."
REWORDED_SAME = "Năm 2023, bản thân tham gia hòa giải thành công 5 vụ mâu thuẫn ở khu dân cư số 4."
REFRESHED = "Trong năm 2024, tôi đã tham gia hòa giải thành 7 vụ mâu thuẫn trong khu dân cư số 4."


def _bits(sentence: str) -> tuple[float, bool]:
    """Rarity bits of ``sentence`` matched to ``LAST`` (both rare: found in one report each)."""
    vocab = Vocab()
    a = make_rep("a", sentence + "\n", vocab)
    s = make_rep("s", LAST + "\n", vocab)
    for r in (a, s):
        r.seg_df = np.ones(len(r.seg_lo), dtype=np.int32)
        r.seg_dfi = np.ones(len(r.seg_lo), dtype=np.int32)
        r.seg_boiler = np.zeros(len(r.seg_lo), dtype=bool)
    pairs = match_segments(a, s, vocab, a.seg_comparable(3), s.seg_comparable(3), AlignParams(min_pairs=1))
    assert len(pairs) == 1
    q = pairs[0]
    return pair_bits(q, a, s, 1000.0), same_figures(a, q.a_seg, s, q.s_seg)


def test_reworded_with_new_figures_carries_no_bits() -> None:
    bits, same = _bits(REWORDED_NEW)
    assert not same
    assert bits == 0.0


def test_reworded_with_the_same_figures_keeps_its_bits() -> None:
    bits, same = _bits(REWORDED_SAME)
    assert same
    assert bits > 5.0  # log2(1000 / 1) scaled by the similarity


def test_refreshed_sentence_keeps_its_bits() -> None:
    """Equal up to figures (a refreshed copy): the wording is the source's, the rule does not apply."""
    bits, same = _bits(REFRESHED)
    assert not same
    assert bits > 5.0
