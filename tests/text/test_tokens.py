from pathlib import Path

from pipeline.text.tokens import Tokenizer


def test_sentences_have_offsets_into_the_text_and_word_segmentation():
    text = "Năm 2024 tôi hoàn thành 120 hồ sơ. Tỷ lệ đúng hạn đạt 98,5%.\nChủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh"
    sentences = Tokenizer(None).sentences(text)
    assert [text[a:b] for a, b, _ in sentences] == [
        "Năm 2024 tôi hoàn thành 120 hồ sơ.",
        "Tỷ lệ đúng hạn đạt 98,5%.",
        "Chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh",
    ]
    assert "hồ_sơ" in sentences[0][2] and "Hồ_Chí_Minh" in sentences[2][2]


def test_cache_is_hit_on_rerun(tmp_path: Path):
    text = "Bản thân luôn giữ gìn phẩm chất đạo đức. Hoàn thành tốt nhiệm vụ."
    first = Tokenizer(tmp_path)
    a = first.sentences(text)
    second = Tokenizer(tmp_path)
    b = second.sentences(text)
    assert a == b and (first.misses, second.hits, second.misses) == (1, 1, 0)
    # a damaged cache entry is recomputed, not trusted
    for f in tmp_path.rglob("*.json"):
        f.write_text("{broken")
    assert Tokenizer(tmp_path).sentences(text) == a


def test_memo_gives_the_same_sentences_and_counts_repeats(monkeypatch):
    from pipeline.text import tokens

    text = "Hoàn thành tốt nhiệm vụ được giao. Sống giản dị.\nHoàn thành tốt nhiệm vụ được giao. Khác."
    memo_off = tokens.SegmentMemo(tokens._segment, 0)
    monkeypatch.setattr(tokens, "PIECE_MEMO", memo_off)
    monkeypatch.setattr(tokens, "LINE_MEMO", tokens.SegmentMemo(tokens._split_line, 0))
    plain = Tokenizer(None).sentences(text)
    memo_on = tokens.SegmentMemo(tokens._segment, 100)
    monkeypatch.setattr(tokens, "PIECE_MEMO", memo_on)
    monkeypatch.setattr(tokens, "LINE_MEMO", tokens.SegmentMemo(tokens._split_line, 100))
    assert Tokenizer(None).sentences(text) == plain
    # the repeated sentence was segmented once; the memo off segments every piece
    assert (memo_on.hits, memo_on.misses, memo_off.hits, memo_off.misses) == (1, 3, 0, 4)
    assert memo_on.chars_hit == len("Hoàn thành tốt nhiệm vụ được giao.")


def test_memo_is_bounded_least_recently_used():
    from pipeline.text.tokens import SegmentMemo

    calls: list[str] = []
    memo = SegmentMemo(lambda s: calls.append(s) or s.upper(), 2)
    assert [memo(k) for k in ("a", "b", "a", "c", "b", "a")] == ["A", "B", "A", "C", "B", "A"]
    # "b" was the least recently used when "c" came in, so it was computed again
    assert calls == ["a", "b", "c", "b", "a"] and memo.stats()["hits"] == 1
