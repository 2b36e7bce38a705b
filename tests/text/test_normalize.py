from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.normalize import fix_tone_placement, fold, normalize, strip_accents


def test_tone_placement_open_syllables_only():
    assert fix_tone_placement("hoà hoá khoẻ thuỷ Uỷ ban tuỳ") == "hòa hóa khỏe thủy Ủy ban tùy"
    # closed syllables and qu+y keep their marks
    assert fix_tone_placement("hoàn khoảng quý Quỳnh huỳnh suýt") == "hoàn khoảng quý Quỳnh huỳnh suýt"
    assert fix_tone_placement("HOÁ HOÀ") == "HÓA HÒA"


def test_characters_quotes_dashes_bullets_leaders_spaces():
    assert normalize("Ðảng") == "Đảng"
    assert normalize("“tự diễn biến” – ‘x’") == '"tự diễn biến" - \'x\''
    assert normalize("• Một\n● Hai\n➢ Ba") == "- Một\n- Hai\n- Ba"
    assert normalize("Họ và tên: ……………….") == "Họ và tên: …"
    assert normalize("a\u00a0\u00a0b\t c  \r\n\r\n\r\n\r\nd\u200b") == "a b c\n\nd"
    assert normalize("dòng 1\u000bdòng 2") == "dòng 1\ndòng 2"


def test_nfd_input_becomes_nfc():
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Huệ")
    assert nfd != "Nguyễn Thị Huệ"
    assert normalize(nfd) == "Nguyễn Thị Huệ"


def test_fold_and_strip_accents():
    assert fold("Lý luận, kỷ luật, Mỹ") == "lí luận, kỉ luật, mĩ"
    assert fold("tuy nhiên, hay") == "tuy nhiên, hay"
    assert strip_accents("Đảng viên ưu tú") == "Dang vien uu tu"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aàáảãạoòóỏõọeèéẻẽẹuùúủũụyỳýỷỹỵqhnt \n.…\u00a0“”–•", max_size=80))
def test_normalize_vietnamese_alphabet_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
