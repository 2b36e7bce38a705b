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
