"""The content stage on hand-made reports: interface, each finding both ways, reasons and details."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.stages.base import Stage
from pipeline.stages.content import ContentStage
from pipeline.stages.registry import load_stage

from .helpers import (
    DUTIES_OK,
    DUTIES_VAGUE,
    ETHICS_OK,
    IDEOLOGY_OK,
    PLAN,
    RATING,
    WEAK_GENERIC,
    WEAK_SPECIFIC,
    make_batch,
    report,
)

GOOD = report(IDEOLOGY_OK, ETHICS_OK, DUTIES_OK, WEAK_SPECIFIC, PLAN, RATING)


def run(stage: ContentStage, docs: list[dict]) -> pd.DataFrame:
    batch = make_batch(docs)
    stage.run(batch)
    return batch.findings.set_index(["doc_id", "finding"])


def test_registered_stage_protocol() -> None:
    s = load_stage("content")
    assert isinstance(s, Stage)
    assert s.name == "content"
    assert set(s.provides) == {
        "missing_ideology",
        "missing_ethics",
        "generic_weaknesses",
        "unquantified_results",
        "no_collective_responsibility",
    }


def test_one_row_per_document_and_finding_and_params(stage: ContentStage) -> None:
    batch = make_batch(
        [{"doc_id": "a", "text": GOOD}, {"doc_id": "b", "text": report(DUTIES_VAGUE, WEAK_GENERIC)}]
    )
    stage.run(batch)
    f = batch.findings
    assert len(f) == 2 * len(stage.provides)
    assert set(f.groupby("doc_id")["finding"].apply(frozenset)) == {frozenset(stage.provides)}
    assert set(f["flag"]) <= {0, 1}
    assert f["score"].between(0, 1).all()
    params = batch.params["content"]
    for key in (
        "heading_weight",
        "ideology_threshold",
        "results_threshold",
        "weakness_threshold",
        "link_threshold",
        "models",
    ):
        assert key in params


def test_good_report_has_no_content_finding(stage: ContentStage) -> None:
    f = run(stage, [{"doc_id": "good", "text": GOOD}])
    assert f["flag"].sum() == 0, f[f["flag"] == 1]["reason"].tolist()
    assert f.loc[("good", "missing_ideology"), "reason"] == ""


@pytest.mark.parametrize(
    "ideology",
    [
        "[[ideology]]1. Về tư tưởng chính trị: Bản thân đảm bảo.\n",
        "[[ideology]]1. Về tư tưởng chính trị:\n",
        # the heading trap: attendance and dues under an ideology heading are not ideology content
        "[[ideology]]1. Về tư tưởng chính trị\nTham gia đầy đủ các buổi sinh hoạt chi bộ, đóng đảng phí đầy đủ, đúng quy định.\n",
    ],
    ids=["formal-clause", "bare-heading", "attendance-only"],
)
def test_missing_ideology(stage: ContentStage, ideology: str) -> None:
    f = run(stage, [{"doc_id": "x", "text": report(ideology, ETHICS_OK, DUTIES_OK, WEAK_SPECIFIC, PLAN)}])
    assert f.loc[("x", "missing_ideology"), "flag"] == 1
    assert "tư tưởng chính trị" in f.loc[("x", "missing_ideology"), "reason"]
    assert f.loc[("x", "missing_ethics"), "flag"] == 0


def test_stock_phrasing_plus_personal_fact_is_present(stage: ContentStage) -> None:
    ideology = (
        "[[ideology]]1. Về tư tưởng chính trị\nBản thân luôn kiên định mục tiêu độc lập dân tộc và chủ nghĩa xã hội. "
        "Tháng 6/2024 tôi hoàn thành lớp trung cấp lý luận chính trị, xếp loại khá.\n"
    )
    f = run(stage, [{"doc_id": "x", "text": report(ideology, ETHICS_OK, DUTIES_OK, WEAK_SPECIFIC)}])
    assert f.loc[("x", "missing_ideology"), "flag"] == 0
    assert f.loc[("x", "missing_ideology"), "detail"]  # the evidence sentences


def test_missing_ethics_when_only_dues(stage: ContentStage) -> None:
    ethics = (
        "[[ethics]]2. Về đạo đức, lối sống\nDự họp chi bộ đầy đủ, đóng đảng phí hằng tháng theo quy định.\n"
    )
    f = run(stage, [{"doc_id": "x", "text": report(IDEOLOGY_OK, ethics, DUTIES_OK, WEAK_SPECIFIC)}])
    assert f.loc[("x", "missing_ethics"), "flag"] == 1
    assert "đạo đức, lối sống" in f.loc[("x", "missing_ethics"), "reason"]


def test_semicolon_chained_topics_count(stage: ContentStage) -> None:
    merged = (
        "[[ideology+ethics]]1. Về tư tưởng chính trị, đạo đức, lối sống\n"
        "Luôn kiên định lập trường tư tưởng, chấp hành nghiêm chủ trương của Đảng; sống giản dị, đoàn kết với "
        "đồng nghiệp; không có biểu hiện suy thoái.\n"
    )
    f = run(stage, [{"doc_id": "x", "text": report(merged, DUTIES_OK, WEAK_SPECIFIC)}])
    assert f.loc[("x", "missing_ideology"), "flag"] == 0
    assert f.loc[("x", "missing_ethics"), "flag"] == 0


def test_unquantified_results(stage: ContentStage) -> None:
    f = run(stage, [{"doc_id": "v", "text": report(IDEOLOGY_OK, ETHICS_OK, DUTIES_VAGUE, WEAK_SPECIFIC)}])
    row = f.loc[("v", "unquantified_results")]
    assert row["flag"] == 1
    assert "không có số liệu" in row["reason"] and "câu" in row["reason"]
    assert row["detail"]
    assert f.loc[("v", "generic_weaknesses"), "flag"] == 0


def test_generic_weaknesses(stage: ContentStage) -> None:
    f = run(stage, [{"doc_id": "g", "text": report(IDEOLOGY_OK, ETHICS_OK, DUTIES_OK, WEAK_GENERIC)}])
    assert f.loc[("g", "generic_weaknesses"), "flag"] == 1
    assert "chung chung" in f.loc[("g", "generic_weaknesses"), "reason"]


def test_no_weakness_stated_is_generic(stage: ContentStage) -> None:
    none = "[[weaknesses]]II. Hạn chế, khuyết điểm\nQua tự kiểm điểm, bản thân chưa thấy có hạn chế, khuyết điểm gì đáng kể.\n"
    f = run(stage, [{"doc_id": "n", "text": report(IDEOLOGY_OK, ETHICS_OK, DUTIES_OK, none)}])
    assert f.loc[("n", "generic_weaknesses"), "flag"] == 1


def test_excellent_self_rating_is_called_out(stage: ContentStage) -> None:
    f = run(
        stage,
        [
            {
                "doc_id": "e",
                "self_rating": "hoan_thanh_xuat_sac",
                "text": report(IDEOLOGY_OK, ETHICS_OK, DUTIES_VAGUE, WEAK_GENERIC),
            }
        ],
    )
    for finding in ("unquantified_results", "generic_weaknesses"):
        assert f.loc[("e", finding), "reason"].startswith("Tự nhận Hoàn thành xuất sắc nhiệm vụ nhưng ")
    assert f.loc[("e", "missing_ideology"), "reason"] == ""


def test_collective_report_topics_not_applicable(stage: ContentStage) -> None:
    coll = (
        "[[header]]BÁO CÁO KIỂM ĐIỂM TẬP THỂ CHI BỘ NĂM 2024\n"
        + DUTIES_OK.replace("[[duties]]", "[[targets]]")
        + WEAK_SPECIFIC
    )
    f = run(stage, [{"doc_id": "c", "kind": "collective", "role": "leader", "text": coll}])
    for finding in ("missing_ideology", "missing_ethics", "no_collective_responsibility"):
        assert f.loc[("c", finding), "flag"] == 0
        assert f.loc[("c", finding), "score"] == 0
        assert f.loc[("c", finding), "reason"] == ""
    assert f.loc[("c", "unquantified_results"), "flag"] == 0


def test_empty_batch(stage: ContentStage) -> None:
    batch = make_batch([])
    stage.run(batch)
    assert len(batch.findings) == 0


def test_form_instruction_in_parentheses_is_not_content(stage: ContentStage) -> None:
    ideology = (
        "[[ideology]]1. Về tư tưởng chính trị, đạo đức, lối sống\n"
        '(Liên hệ các biểu hiện về suy thoái tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa")\n'
        "Bản thân đảm bảo.\n"
    )
    f = run(stage, [{"doc_id": "x", "text": report(ideology, DUTIES_OK, WEAK_SPECIFIC)}])
    assert f.loc[("x", "missing_ideology"), "flag"] == 1
    assert f.loc[("x", "missing_ethics"), "flag"] == 1


def test_ethics_under_a_wrong_heading_is_found_by_its_text(stage: ContentStage) -> None:
    # the ethics paragraph lost its heading and sits in the weaknesses section
    misplaced = (
        "[[weaknesses]]II. Hạn chế, khuyết điểm\n"
        "Còn 03 hồ sơ trả kết quả chậm từ 2 đến 5 ngày trong tháng 8/2024, phải gửi thư xin lỗi công dân. "
        "Tôi sống giản dị, trung thực; đám cưới con trai tôi tổ chức gọn nhẹ, không nhận phong bì của người dân.\n"
    )
    f = run(stage, [{"doc_id": "x", "text": report(IDEOLOGY_OK, DUTIES_OK, misplaced)}])
    assert f.loc[("x", "missing_ethics"), "flag"] == 0
    # a plan item about ethics is not ethics content
    plan = "[[plan]]III. Phương hướng khắc phục\nNăm tới tiếp tục tu dưỡng, rèn luyện đạo đức, lối sống.\n"
    f = run(stage, [{"doc_id": "y", "text": report(IDEOLOGY_OK, DUTIES_OK, WEAK_SPECIFIC, plan)}])
    assert f.loc[("y", "missing_ethics"), "flag"] == 1


RESULT_CASES = {
    # duty results under a working-style heading (no duties section): found by their text
    "results_without_a_duties_section": (
        "[[working_style]]3. Về phong cách, lề lối làm việc\n"
        "Làm việc khoa học, đúng giờ. Trong năm tôi tiếp nhận và trả đúng hạn 412 hồ sơ một cửa, "
        "số hóa 1.250 trang sổ hộ tịch.\n",
        0,
    ),
    # attendance figures are not work results
    "attendance_figures": (
        "[[duties]]3. Về thực hiện nhiệm vụ được giao\n"
        "Hoàn thành tốt nhiệm vụ được giao, khối lượng, chất lượng, tiến độ công việc cơ bản đáp ứng yêu cầu. "
        "Tôi có mặt ở 11/12 kỳ họp chi bộ, 01 kỳ vắng đã xin phép.\n",
        1,
    ),
    # figures written in words are quantities
    "figures_in_words": (
        "[[duties]]2. Về thực hiện chức trách, nhiệm vụ được giao\n"
        "Trong năm tôi tiếp nhận và trả đúng hạn ba trăm mười hai hồ sơ một cửa, "
        "số hóa hai nghìn trang sổ hộ tịch.\n",
        0,
    ),
    # a report segmented as one weaknesses section: its results are found by their text
    "results_under_a_weaknesses_heading": (
        "[[weaknesses]]II. Ưu điểm, khuyết điểm\n"
        "Tôi quản lý lưới điện của 4 xóm; năm 2023 thay 26 cột điện hỏng, xử lý 140 sự cố mất điện "
        "trong ngày, không để xảy ra tai nạn.\n",
        0,
    ),
    # a .docx results table flattened one cell per line: the figures belong to the row's label
    "table_flattened_to_cells": (
        "[[duties]]2. Kết quả thực hiện nhiệm vụ\nNội dung\nKế hoạch\nThực hiện\n"
        "Hồ sơ tiếp nhận và giải quyết\n1.200\n1.246\nTỷ lệ trả kết quả đúng hạn\n95%\n98,6%\n",
        0,
    ),
    # figures chained with a stock clause by ';' are judged clause by clause
    "figures_chained_with_a_stock_clause": (
        "[[duties]]2. Về thực hiện chức trách, nhiệm vụ được giao\n"
        "Năm 2024 tôi trực tiếp tham gia chữa cháy 37 vụ, cứu nạn 9 vụ, kiểm tra an toàn tại 112 cơ sở; "
        "bản thân luôn xác định rõ trách nhiệm, chủ động xây dựng kế hoạch công tác, hoàn thành tốt nhiệm "
        "vụ được giao, khối lượng, chất lượng và tiến độ công việc đáp ứng yêu cầu.\n",
        0,
    ),
}


@pytest.mark.parametrize("case", sorted(RESULT_CASES))
def test_result_statements(stage: ContentStage, case: str) -> None:
    section, expected = RESULT_CASES[case]
    f = run(stage, [{"doc_id": "x", "text": report(IDEOLOGY_OK, ETHICS_OK, section, WEAK_SPECIFIC)}])
    assert f.loc[("x", "unquantified_results"), "flag"] == expected


def test_collective_results_found_without_a_targets_section(stage: ContentStage) -> None:
    """A collective report whose results heading is read as another part-I section: its results
    are found by their text, not reported as absent."""
    coll = (
        "[[header]]BÁO CÁO KIỂM ĐIỂM TẬP THỂ CHI BỘ NĂM 2024\n"
        "[[political_task]]2. Kết quả thực hiện nhiệm vụ chính trị năm học 2023-2024\n"
        "- Tốt nghiệp THCS 68/69 em (98,6%); 41 em đỗ vào các trường THPT.\n"
        "- 3 học sinh giỏi cấp tỉnh, tổ chức 6 giải thể thao cấp trường.\n"
        "[[weaknesses]]II. Hạn chế, khuyết điểm\n- 7 học sinh bỏ học trong năm học.\n"
    )
    f = run(stage, [{"doc_id": "c", "kind": "collective", "role": "leader", "text": coll}])
    assert f.loc[("c", "unquantified_results"), "flag"] == 0
