"""Shallow specificity features, heading lines and the lexicon baseline."""

from __future__ import annotations

import pytest

from pipeline.stages.content.features import (
    SHALLOW_NAMES,
    has_concrete_marker,
    shallow_features,
    spelled_numbers_to_digits,
)
from pipeline.stages.content.lexicon import lexicon_findings
from pipeline.stages.content.stage import _sent_ref, heading_end

from .helpers import DUTIES_OK, DUTIES_VAGUE, IDEOLOGY_OK, WEAK_GENERIC, make_batch, report


def test_shallow_features_see_figures_dates_money_and_documents() -> None:
    f = dict(
        zip(
            SHALLOW_NAMES,
            shallow_features(
                'Ngày 30/6/2024 tôi xử lý 56 sự cố (12/12 kỳ), thu 3,5 tỷ đồng theo Nghị quyết 18-NQ/TW tại xã "Hòa An".'
            ),
            strict=True,
        )
    )
    for name in ("non_year_numbers", "ratio", "date", "money", "counted", "docref", "quote"):
        assert f[name] > 0, name
    g = dict(
        zip(SHALLOW_NAMES, shallow_features("Đôi lúc còn ngại va chạm, chưa mạnh dạn phê bình."), strict=True)
    )
    assert g["hedge"] > 0 and g["numbers"] == 0
    assert has_concrete_marker("Hoàn thành 18 cuộc kiểm tra") and not has_concrete_marker(
        "Năm 2024 hoàn thành tốt nhiệm vụ"
    )


def test_heading_end() -> None:
    text = "I. ƯU ĐIỂM\n1. Về tư tưởng chính trị: Tôi luôn kiên định.\nCâu tiếp theo."
    assert text[heading_end(text, 0, len(text)) :].startswith(" Tôi luôn")
    text2 = "1. Về đạo đức, lối sống\nSống giản dị, trung thực.\n"
    assert text2[heading_end(text2, 0, len(text2)) :].startswith("Sống")


def test_sentence_reference() -> None:
    assert _sent_ref([2, 3, 4, 8]) == "câu 3-5, 9"


def test_lexicon_baseline_decides_each_finding() -> None:
    batch = make_batch(
        [
            {"doc_id": "a", "text": report(IDEOLOGY_OK, DUTIES_OK, WEAK_GENERIC)},
            {"doc_id": "b", "text": report(DUTIES_VAGUE)},
        ]
    )
    f = lexicon_findings(batch).set_index(["doc_id", "finding"])["flag"]
    assert len(f) == 10
    assert f[("a", "missing_ideology")] == 0 and f[("b", "missing_ideology")] == 1
    assert f[("a", "unquantified_results")] == 0 and f[("b", "unquantified_results")] == 1
    assert f[("a", "generic_weaknesses")] == 1


def test_heading_lines_across_a_blank_line_and_in_an_unheaded_section() -> None:
    """A capitals line, a blank line and a numbered line without a full stop are all heading
    lines; the section starts with a capitals line even when the segmenter named it by content."""
    from pipeline.stages.content.stage import _starts_with_caps_line

    text = (
        "I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC\n\n1. Chấp hành chủ trương, chính sách; ý thức tổ chức kỷ luật\n"
        "Bản thân tham gia sinh hoạt chi bộ đầy đủ, đóng đảng phí đúng quy định.\n"
    )
    assert _starts_with_caps_line(text, 0, len(text))
    assert text[heading_end(text, 0, len(text)) :].startswith("Bản thân tham gia")
    prose = "Bản thân luôn giữ vững lập trường.\nI. HẠN CHẾ\n"
    assert not _starts_with_caps_line(prose, 0, len(prose))
    # a numbered line ending in a full stop after the heading is content, blank line or not
    text = "1. Về tư tưởng chính trị\n\na) Tôi đã viết 2 bài thu hoạch về Nghị quyết Trung ương 4.\n"
    assert text[heading_end(text, 0, len(text)) :].startswith("a) Tôi đã viết")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lập hai mươi ba hồ sơ, mười lăm biên bản", "Lập 23 hồ sơ, 15 biên bản"),
        ("ba nghìn hai trăm năm mươi trang", "3250 trang"),
        ("một trăm linh năm vụ", "105 vụ"),
        ("hai mươi năm qua", "20 năm qua"),  # years, not 25
        ("năm 2024 tôi học ba lớp", "năm 2024 tôi học ba lớp"),  # bare digit words stay
        ("hàng trăm hộ dân; tư tưởng", "hàng trăm hộ dân; tư tưởng"),
    ],
)
def test_spelled_numbers_become_digits(text: str, expected: str) -> None:
    assert spelled_numbers_to_digits(text) == expected
