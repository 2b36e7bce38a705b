"""no_collective_responsibility: a leader against the collective report of the same unit and year."""

from __future__ import annotations

from pipeline.stages.content import ContentStage
from pipeline.stages.content.collective import content_key, merge_fragments, split_statements

from .helpers import DUTIES_OK, ETHICS_OK, IDEOLOGY_OK, make_batch, report

COLLECTIVE = (
    "[[header]]BÁO CÁO KIỂM ĐIỂM TẬP THỂ CHI BỘ NĂM 2024\n"
    "[[targets]]1. Kết quả thực hiện nhiệm vụ\nHoàn thành 15/17 chỉ tiêu nghị quyết; thu ngân sách đạt 118% dự toán.\n"
    "[[weaknesses]]II. Hạn chế, khuyết điểm\n"
    "- Tiến độ giải phóng mặt bằng tuyến đường huyện ĐH 12 chậm so với kế hoạch.\n"
    "- Tình trạng xây dựng trái phép trên đất nông nghiệp ở khu Cồn Bãi chưa được xử lý dứt điểm.\n"
)
LEADER_WEAK = "[[weaknesses]]II. Hạn chế, khuyết điểm\nCòn 02 cuộc họp giao ban tháng 5/2024 tôi chủ trì chậm 30 phút.\n"
TAKES_ON = (
    "[[collective_responsibility]]III. Trách nhiệm đối với hạn chế của tập thể\n"
    "Đối với việc chậm giải phóng mặt bằng đường ĐH 12 và vi phạm xây dựng trên đất nông nghiệp ở Cồn Bãi, "
    "tôi là Chủ tịch Ủy ban nhân dân xã nên chịu trách nhiệm chính.\n"
)
BLANKET = (
    "[[collective_responsibility]]III. Trách nhiệm đối với hạn chế của tập thể\n"
    "Bản thân xin nhận một phần trách nhiệm chung đối với những hạn chế của tập thể chi bộ.\n"
)


def run(stage: ContentStage, leader_text: str, role: str = "leader", unit: str = "X", year: int = 2024):
    batch = make_batch(
        [
            {
                "doc_id": "coll",
                "kind": "collective",
                "role": "leader",
                "unit": "X",
                "year": 2024,
                "text": COLLECTIVE,
            },
            {"doc_id": "lead", "role": role, "unit": unit, "year": year, "text": leader_text},
        ]
    )
    stage.run(batch)
    return batch.findings.set_index(["doc_id", "finding"]).loc[("lead", "no_collective_responsibility")]


def test_leader_who_takes_on_the_shortcomings(stage: ContentStage) -> None:
    row = run(stage, report(IDEOLOGY_OK, ETHICS_OK, DUTIES_OK, LEADER_WEAK, TAKES_ON))
    assert row["flag"] == 0
    assert row["reason"] == ""


def test_leader_with_only_a_blanket_statement(stage: ContentStage) -> None:
    row = run(stage, report(IDEOLOGY_OK, ETHICS_OK, DUTIES_OK, LEADER_WEAK, BLANKET))
    assert row["flag"] == 1
    assert "Báo cáo tập thể nêu 2 hạn chế" in row["reason"]
    assert "ĐH 12" in row["reason"]
    # the unanswered collective shortcomings, as collective doc_id:sentence index
    assert [d.split(":")[0] for d in row["detail"].split(";")] == ["coll", "coll"]


def test_leader_without_the_section(stage: ContentStage) -> None:
    row = run(stage, report(IDEOLOGY_OK, ETHICS_OK, DUTIES_OK, LEADER_WEAK))
    assert row["flag"] == 1
    assert "không nhận phần trách nhiệm nào" in row["reason"]


def test_not_applicable_cases(stage: ContentStage) -> None:
    member = run(stage, report(IDEOLOGY_OK, DUTIES_OK, LEADER_WEAK), role="member")
    other_unit = run(stage, report(IDEOLOGY_OK, DUTIES_OK, LEADER_WEAK), unit="Y")
    other_year = run(stage, report(IDEOLOGY_OK, DUTIES_OK, LEADER_WEAK), year=2023)
    for row in (member, other_unit, other_year):
        assert row["flag"] == 0 and row["score"] == 0 and row["reason"] == ""
        assert row["detail"].startswith("not applicable")


def test_statement_helpers() -> None:
    assert split_statements(
        "Hạn chế: chậm giải ngân vốn; chưa kết nạp đảng viên mới; nội dung sinh hoạt còn chung chung."
    ) == [
        "chậm giải ngân vốn",
        "chưa kết nạp đảng viên mới",
        "nội dung sinh hoạt còn chung chung",
    ]
    assert "trách" not in content_key("Tôi chịu trách nhiệm chính về việc chậm giải ngân").split()


REFUSES = "[[collective_responsibility]]V. Làm rõ trách nhiệm của cá nhân đối với hạn chế của tập thể (nếu có)\nKhông có.\n"
OWNS_UNIT_FAILING = (
    "[[collective_responsibility]]V. Làm rõ trách nhiệm của cá nhân đối với hạn chế của tập thể\n"
    "Là Trưởng trạm, tôi chịu trách nhiệm người đứng đầu về việc tiêm phòng dại chó chỉ đạt 74% kế hoạch.\n"
)


def test_leader_without_a_collective_report_who_refuses(stage: ContentStage) -> None:
    """No collective report in the batch: a bare "Không có." in part V while the report states
    shortcomings is judged from the leader's own report, and the reason says so."""
    row = run(stage, report(IDEOLOGY_OK, ETHICS_OK, DUTIES_OK, LEADER_WEAK, REFUSES), unit="Y")
    assert row["flag"] == 1
    assert row["reason"].startswith("Không có báo cáo kiểm điểm của tập thể")
    assert row["detail"].split(";")[0] == "without_collective_report"


def test_leader_without_a_collective_report_who_takes_responsibility(stage: ContentStage) -> None:
    row = run(stage, report(IDEOLOGY_OK, ETHICS_OK, DUTIES_OK, LEADER_WEAK, OWNS_UNIT_FAILING), unit="Y")
    assert row["flag"] == 0
    assert row["detail"] == "without_collective_report"


def test_short_shortcoming_pieces_join_their_sentence() -> None:
    pieces = [
        ("c", 3, "Chế độ dinh dưỡng cho vận động viên năng khiếu có 2 tháng chi chậm"),
        ("c", 3, "phụ huynh có ý kiến"),
        ("c", 4, "Kế hoạch có văn bản"),
        ("c", 4, "Quyết toán kinh phí bếp ăn học kỳ II chậm 2 tháng"),
    ]
    assert merge_fragments(pieces) == [
        ("c", 3, "Chế độ dinh dưỡng cho vận động viên năng khiếu có 2 tháng chi chậm; phụ huynh có ý kiến"),
        ("c", 4, "Kế hoạch có văn bản; Quyết toán kinh phí bếp ăn học kỳ II chậm 2 tháng"),
    ]
