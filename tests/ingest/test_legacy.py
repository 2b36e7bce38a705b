"""Legacy encodings on real byte sequences (TCVN3 / VNI as Word and text editors store them)."""

from pathlib import Path

import pytest
from docx_builder import make_docx

from pipeline.ingest.encodings import DecodeError, decode_bytes
from pipeline.ingest.legacy import (
    _EDGE,
    best_decoding,
    convert,
    diacritic_ratio,
    is_vietnamese_syllable,
    legacy_font_kind,
    looks_legacy,
    syllable_ratio,
    tcvn3_to_unicode,
    vni_to_unicode,
)
from pipeline.ingest.readers import read_document

# "Báo cáo tài chính quý II năm 2026" typed in .VnTime, as bytes of an 8-bit text file
TCVN3_BYTES = b"B\xb8o c\xb8o t\xb5i ch\xddnh qu\xfd II n\xa8m 2026"
# "Đảng Cộng sản Việt Nam, tư tưởng Hồ Chí Minh" in TCVN3: note 0xAD (soft hyphen) is "ư"
TCVN3_PARTY = b"\xa7\xb6ng C\xe9ng s\xb6n Vi\xd6t Nam, t\xad t\xad\xebng H\xe5 Ch\xdd Minh"
# "Xin chào các bạn, Đảng viên" in VNI-Windows
VNI_BYTES = b"Xin cha\xf8o ca\xf9c ba\xefn, \xd1a\xfbng vie\xe2n"


def test_tcvn3_table_on_real_bytes():
    assert tcvn3_to_unicode(TCVN3_BYTES.decode("latin-1")) == "Báo cáo tài chính quý II năm 2026"
    assert tcvn3_to_unicode(TCVN3_PARTY.decode("latin-1")) == "Đảng Cộng sản Việt Nam, tư tưởng Hồ Chí Minh"
    assert tcvn3_to_unicode("hÐp møt tÕt".replace("Ð", "é")) == "hộp mứt tết"


def test_tcvn3_heading_font_is_upper_cased():
    assert tcvn3_to_unicode("b¶n kiÓm ®iÓm", heading_font=True) == "BẢN KIỂM ĐIỂM"


def test_vni_on_real_bytes():
    assert vni_to_unicode(VNI_BYTES.decode("latin-1")) == "Xin chào các bạn, Đảng viên"
    assert vni_to_unicode("tö töôûng Hoà Chí Minh") == "tư tưởng Hồ Chí Minh"


def test_font_names():
    assert legacy_font_kind(".VnTime") == "tcvn3"
    assert legacy_font_kind(".VnTimeH") == "tcvn3h"
    assert legacy_font_kind("VNI-Times") == "vni"
    assert legacy_font_kind("Times New Roman") is None


def test_statistics_leave_unicode_alone():
    text = "Bản thân luôn giữ gìn phẩm chất đạo đức, lối sống giản dị; hoàn thành tốt nhiệm vụ được giao."
    assert best_decoding(text)[1] is None


def test_txt_files_in_legacy_and_other_encodings(tmp_path: Path):
    sentence = "Đảng Cộng sản Việt Nam, tư tưởng Hồ Chí Minh, phẩm chất đạo đức, lối sống"
    assert decode_bytes(TCVN3_PARTY * 3)[0].startswith("Đảng Cộng sản Việt Nam")
    assert decode_bytes((sentence + "\n").encode("utf-8-sig"))[0].startswith(sentence)
    assert decode_bytes((sentence + "\n").encode("utf-16"))[0].startswith(sentence)
    assert decode_bytes((sentence + "\n").encode("utf-16-le"))[0].startswith(sentence)
    cp1258 = decode_bytes(_to_cp1258("Báo cáo kiểm điểm của đảng viên năm 2024, " * 5))
    assert cp1258[1] == "windows-1258"
    assert "Báo cáo kiểm điểm" in __import__("unicodedata").normalize("NFC", cp1258[0])
    # UTF-8 read as Windows-1252 and saved again as UTF-8 (undefined bytes become C1 controls)
    misread = "".join(_cp1252_char(b) for b in sentence.encode("utf-8"))
    text, name = decode_bytes(misread.encode("utf-8"))
    assert text == sentence and "double-encoded" in name


def _to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters precomposed, tone marks combining."""
    import unicodedata

    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def _cp1252_char(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


def test_unknown_8bit_text_is_an_error_not_garbage():
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(128, 256)) * 20)


def test_docx_runs_in_legacy_fonts_are_converted(tmp_path: Path):
    path = make_docx(
        tmp_path / "legacy.docx",
        [
            (("b¸o c¸o", ".VnTimeH"),),
            ((TCVN3_PARTY.decode("latin-1"), ".VnTime"),),
            ((VNI_BYTES.decode("latin-1"), "VNI-Times"),),
            (("Họ và tên: ", None), ("NguyÔn V¨n An", ".VnTime")),
        ],
    )
    doc = read_document(path)
    lines = doc.text.split("\n")
    assert lines[0] == "BÁO CÁO"
    assert lines[1] == "Đảng Cộng sản Việt Nam, tư tưởng Hồ Chí Minh"
    assert lines[2] == "Xin chào các bạn, Đảng viên"
    assert lines[3] == "Họ và tên: Nguyễn Văn An"
    assert any("TCVN3" in w for w in doc.warnings) and any("VNI" in w for w in doc.warnings)


def test_docx_legacy_text_without_font_name_detected_by_statistics(tmp_path: Path):
    path = make_docx(
        tmp_path / "nofont.docx", [TCVN3_PARTY.decode("latin-1") + ", phÈm chÊt ®¹o ®øc, lèi sèng"]
    )
    doc = read_document(path)
    assert doc.text.startswith("Đảng Cộng sản Việt Nam, tư tưởng Hồ Chí Minh, phẩm chất đạo đức, lối sống")


@pytest.mark.parametrize(
    "text",
    [
        "Bản thân luôn giữ gìn phẩm chất đạo đức, lối sống giản dị; hoàn thành tốt nhiệm vụ được giao.",
        "Hoàn thành xuất sắc nhiệm vụ",  # all syllables: ratio 1.0, the short cut applies
        "Quá trình hòa nhập, ổn định tổ chức",
        TCVN3_PARTY.decode("latin-1"),
        VNI_BYTES.decode("latin-1"),
        TCVN3_BYTES.decode("latin-1") + " " + VNI_BYTES.decode("latin-1"),
        "hoà ñoàn keát, OK",
    ],
)
def test_best_decoding_short_cut_only_skips_conversions_that_cannot_win(text: str):
    base = syllable_ratio(text)
    trials = {kind: syllable_ratio(convert(text, kind)) for kind in ("tcvn3", "vni")}
    for min_gain in (0.15, 0.0):
        got = best_decoding(text, min_gain=min_gain)
        if not looks_legacy(text) or base + min_gain > 1.0:
            assert got == (text, None, base)
            assert all(ratio < base + min_gain for ratio in trials.values()) or not looks_legacy(text)
        else:  # no short cut: the winner is a conversion that gained enough, or the text as is
            assert got[1] is None or trials[got[1]] == got[2] >= base + min_gain
    if text.startswith(TCVN3_PARTY.decode("latin-1")[:5]) or text == TCVN3_BYTES.decode("latin-1"):
        assert best_decoding(text)[1] == "tcvn3"
    if text == VNI_BYTES.decode("latin-1"):
        assert best_decoding(text)[1] == "vni"


def test_ratio_memo_matches_the_plain_count():
    text = "Đảng viên, (hoàn thành) 2024 tốt… xyzq “nhiệm vụ” — kế hoạch! Đảng viên A4 co-op"
    tokens = [t.strip(_EDGE) for t in text.split()]
    counted = [t for t in tokens if t and not any(c.isdigit() for c in t)]
    expected = sum(is_vietnamese_syllable(t) for t in counted) / len(counted)
    assert syllable_ratio(text) == syllable_ratio(text) == expected  # second call from the memo
    letters = [t for t in tokens if t.isalpha()]  # "co-op" and "A4" are not counted
    assert (
        diacritic_ratio(text)
        == diacritic_ratio(text)
        == 11 / 12
        == sum(not t.isascii() for t in letters) / len(letters)
    )
    assert syllable_ratio("2024 — 12/3") == diacritic_ratio("2024 — 12/3") == 0.0
