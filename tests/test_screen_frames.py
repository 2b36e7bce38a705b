"""The sentence frame stores equal sentence texts and token strings once (same values)."""

from __future__ import annotations

import pandas as pd

from pipeline.model import Batch
from pipeline.screen import sentence_frame


def test_equal_sentences_share_one_string():
    text = "Hoàn thành tốt nhiệm vụ. Sống giản dị."
    batch = Batch()
    batch.documents = pd.DataFrame(
        {"doc_id": ["a", "b"], "path": ["a.txt", "b.txt"], "text": [text, "Khác. " + text]}
    ).reindex(columns=list(batch.documents.columns))
    spans = [(0, 23, "Hoàn_thành tốt nhiệm_vụ ."), (24, 38, "Sống giản_dị .")]
    shifted = [(0, 5, "Khác ."), *((a + 6, b + 6, "".join(list(t))) for a, b, t in spans)]
    frame = sentence_frame(batch, {"a.txt": spans, "b.txt": shifted})
    texts, tokens = list(frame["text"]), list(frame["tokens"])
    assert texts == [text[:23], text[24:38], "Khác.", text[:23], text[24:38]]
    assert tokens == [t for _, _, t in spans] + ["Khác ."] + [t for _, _, t in spans]
    assert texts[0] is texts[3] and texts[1] is texts[4]
    assert tokens[0] is tokens[3] and tokens[1] is tokens[4]
    assert list(frame["section"]) == ["header"] * 5
