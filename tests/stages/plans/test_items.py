"""Item and weakness extraction, and linking items to weaknesses."""

from __future__ import annotations

from pipeline.stages.plans.items import plan_items, weaknesses
from pipeline.stages.plans.linking import is_blanket, link, topics_of


def _doc(parts: list[tuple[str, str]]) -> tuple[str, list[tuple[str, int, int]]]:
    text, secs = "", []
    for label, body in parts:
        secs.append((label, len(text), len(text) + len(body)))
        text += body
    return text, secs


def test_bulleted_plan_with_heading():
    text, secs = _doc(
        [
            (
                "weaknesses",
                "II. HẠN CHẾ, KHUYẾT ĐIỂM\n- Trình độ ngoại ngữ còn hạn chế.\n- Còn 7 hồ sơ đất đai trễ hạn.\n",
            ),
            (
                "plan",
                "VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC\n- Học tiếng Anh, thi chứng chỉ B1 trước 30/6/2025.\n- Rà soát 7 hồ sơ trễ hạn trong quý I/2025.\n",
            ),
            ("self_rating", "VII. TỰ NHẬN MỨC XẾP LOẠI\nHoàn thành tốt nhiệm vụ.\n"),
        ]
    )
    items = plan_items(text, secs)
    assert [i.text for i in items] == [
        "- Học tiếng Anh, thi chứng chỉ B1 trước 30/6/2025.",
        "- Rà soát 7 hồ sơ trễ hạn trong quý I/2025.",
    ]
    assert all(text[i.start : i.end] == i.text for i in items)
    weak = weaknesses(text, secs)
    assert [w.text for w in weak] == ["- Trình độ ngoại ngữ còn hạn chế.", "- Còn 7 hồ sơ đất đai trễ hạn."]
    best, _ = link([w.text for w in weak], [i.text for i in items])
    assert best == [0, 1]


def test_run_on_paragraph_and_heading_with_content():
    text, secs = _doc(
        [
            (
                "plan",
                "IV. Phương hướng khắc phục: Kiểm tra kỹ phiếu công tác trước mỗi lần làm việc; cập nhật số liệu trong vòng 3 ngày. "
                "Đăng ký học Trung cấp lý luận chính trị năm 2024. Mạnh dạn phê bình và tự phê bình.\n",
            )
        ]
    )
    items = [i.text for i in plan_items(text, secs)]
    assert items == [
        "Kiểm tra kỹ phiếu công tác trước mỗi lần làm việc",
        "cập nhật số liệu trong vòng 3 ngày.",
        "Đăng ký học Trung cấp lý luận chính trị năm 2024.",
        "Mạnh dạn phê bình và tự phê bình.",
    ]


def test_lead_in_deadline_is_context():
    text, secs = _doc(
        [
            (
                "plan",
                "Năm 2026 tôi xin hứa với chi bộ: rà soát 12 hồ sơ tồn đọng; mỗi kỳ sinh hoạt chuẩn bị 01 ý kiến.\n",
            )
        ]
    )
    items = plan_items(text, secs)
    assert [i.text for i in items] == ["rà soát 12 hồ sơ tồn đọng", "mỗi kỳ sinh hoạt chuẩn bị 01 ý kiến."]
    assert {i.context for i in items} == {"Năm 2026"}


def test_remedy_inside_weaknesses_section():
    text, secs = _doc(
        [
            (
                "weaknesses",
                "2. Hạn chế, khuyết điểm\n- Việc cập nhật phần mềm quản lý đảng viên còn chậm.\n"
                "Biện pháp khắc phục: cập nhật 100% hồ sơ lên phần mềm trước ngày 31/3/2025.\n",
            ),
            ("causes", "Nguyên nhân: khối lượng công việc lớn.\n"),
            ("self_rating", "Tự xếp loại: Hoàn thành nhiệm vụ.\n"),
        ]
    )
    items = plan_items(text, secs)
    assert [(i.text, i.source) for i in items] == [
        ("cập nhật 100% hồ sơ lên phần mềm trước ngày 31/3/2025.", "inline")
    ]
    assert [w.text for w in weaknesses(text, secs)] == [
        "- Việc cập nhật phần mềm quản lý đảng viên còn chậm."
    ]


def test_weaknesses_stop_at_merged_causes_and_split_semicolons():
    text, secs = _doc(
        [
            (
                "weaknesses+causes",
                "III. Hạn chế, khuyết điểm và nguyên nhân\n1. Hạn chế: Chưa đạt chuẩn ngoại ngữ; nộp báo cáo trễ 02 ngày; phát biểu trong sinh hoạt còn ít.\n"
                "2. Nguyên nhân: chưa biết sắp xếp thời gian.\n",
            )
        ]
    )
    assert [w.text for w in weaknesses(text, secs)] == [
        "Chưa đạt chuẩn ngoại ngữ",
        "nộp báo cáo trễ 02 ngày",
        "phát biểu trong sinh hoạt còn ít.",
    ]


def test_no_plan_and_template_leftovers():
    text, secs = _doc([("plan", "VI. Phương hướng, biện pháp khắc phục\n……………………\n(nếu có)\n")])
    assert plan_items(text, secs) == []
    assert plan_items("Không có mục nào", [("duties", 0, 16)]) == []


def test_blanket_items_never_link():
    assert is_blanket("- Tiếp tục phát huy những ưu điểm đã đạt được, khắc phục những hạn chế đã chỉ ra.")
    assert not is_blanket("Khắc phục hạn chế về ngoại ngữ: học tiếng Anh 3 buổi/tuần.")
    best, scores = link(["Trình độ ngoại ngữ còn hạn chế."], ["Khắc phục những hạn chế, khuyết điểm đã nêu."])
    assert best == [None] and scores == [0.0]


def test_topics_without_diacritics():
    assert "skills_lang" in topics_of("Hoc tieng Anh 3 buoi moi tuan")
    assert "criticism" in topics_of("Chưa mạnh dạn phát biểu, đóng góp ý kiến")
    assert "health" not in topics_of("có thời điểm ôm đồm nhiều việc")


def _doc4(parts: list[tuple[str, str, str]]) -> tuple[str, list[tuple[str, int, int, str]]]:
    """Sections with the segmenter's heading column: (label, heading, body)."""
    text, secs = "", []
    for label, heading, body in parts:
        secs.append((label, len(text), len(text) + len(body), heading))
        text += body
    return text, secs


def test_cause_lists_are_not_weaknesses():
    """Causes the paragraph classifier took for weaknesses: a heading-less block after the causes,
    a numbered '2/ Lý do' line, a stock objective cause, and a heading of another topic."""
    text, secs = _doc4(
        [
            (
                "weaknesses",
                "II/ HẠN CHẾ, KHUYẾT ĐIỂM",
                "II/ HẠN CHẾ, KHUYẾT ĐIỂM\n- Còn 4 hồ sơ thẩm định chậm.\n2/ Lý do: công việc dồn dập.\n",
            ),
            ("causes", "Nguyên nhân", "Nguyên nhân\n- Biên chế ít.\n"),
            ("weaknesses", "", "- Tính cách còn rụt rè, ngại nói trước đông người.\n"),
            (
                "weaknesses",
                "III. Sửa chữa khuyết điểm năm trước",
                "III. Sửa chữa khuyết điểm năm trước\nKỳ trước không bị chỉ ra khuyết điểm nào.\n",
            ),
        ]
    )
    assert [w.text for w in weaknesses(text, secs)] == ["- Còn 4 hồ sơ thẩm định chậm."]
    text, secs = _doc4(
        [
            (
                "weaknesses",
                "II. HẠN CHẾ",
                "II. HẠN CHẾ\n- Máy móc, phương tiện phục vụ công việc đã cũ, hay hỏng hóc.\n- Chưa phát biểu ở 9/12 kỳ họp.\n",
            )
        ]
    )
    assert [w.text for w in weaknesses(text, secs)] == ["- Chưa phát biểu ở 9/12 kỳ họp."]


def test_plan_inside_other_sections():
    """An owner lead-in inside another section, and plan bullets the segmenter took for a heading."""
    text, secs = _doc(
        [
            ("weaknesses", "II. HẠN CHẾ\n- Còn vắng 3 buổi họp chi bộ.\n"),
            (
                "collective_responsibility",
                "IV. TRÁCH NHIỆM\nKhông phát sinh.\nHướng sửa chữa của bản thân năm 2025:\n- Ghi lịch họp chi bộ vào sổ tay, dự đủ 12/12 kỳ họp năm 2025.\n",
            ),
            ("self_rating", "V. TỰ NHẬN MỨC XẾP LOẠI\nHoàn thành nhiệm vụ.\n"),
        ]
    )
    assert [i.text for i in plan_items(text, secs)] == [
        "- Ghi lịch họp chi bộ vào sổ tay, dự đủ 12/12 kỳ họp năm 2025."
    ]
    text, secs4 = _doc4(
        [
            ("plan", "VI PHƯƠNG HƯỚNG, BIỆN PHÁP", "VI PHƯƠNG HƯỚNG, BIỆN PHÁP\nHướng sửa chữa năm 2025:\n"),
            (
                "duties",
                "- Mục tiêu: 12/12 kỳ; cách làm: ghi lịch họp",
                "- Mục tiêu: 12/12 kỳ; cách làm: ghi lịch họp vào sổ tay.\n",
            ),
            ("self_rating", "VII TỰ NHẬN MỨC XẾP LOẠI", "VII TỰ NHẬN MỨC XẾP LOẠI\nHoàn thành nhiệm vụ.\n"),
        ]
    )
    assert len(plan_items(text, secs4)) >= 1


def test_links_by_meaning():
    """Paraphrased remedies link (topic synonyms, compounds split by the stop list); unrelated
    pairs and blanket promises do not."""
    pairs = [
        (
            "Việc theo dõi, nhắc nhở các bộ phận thực hiện nhiệm vụ chưa sát sao.",
            "Theo dõi sát hơn việc thực hiện nhiệm vụ của các bộ phận.",
        ),
        ("Bản thân vắng 2 buổi họp chi bộ trong năm.", "Ghi lịch họp chi bộ vào lịch công tác cá nhân."),
        (
            "Buổi sinh hoạt chi bộ còn nặng về thông báo, ít thảo luận.",
            "Chọn chuyên đề sinh hoạt sát với công việc của đơn vị.",
        ),
        (
            "Có 5 đảng viên nộp thu hoạch muộn.",
            "Đôn đốc đảng viên học nghị quyết và viết bài thu hoạch đúng hạn.",
        ),
    ]
    best, _ = link([w for w, _i in pairs], [i for _w, i in pairs])
    assert best == [0, 1, 2, 3]
    best, _ = link(
        ["Trình độ tiếng Anh còn hạn chế."],
        ["Ghi lịch họp chi bộ vào sổ tay.", "Khắc phục những hạn chế đã nêu."],
    )
    assert best == [None]
