"""The Vietnamese deadline grammar: targets on the hand-made set, the issue's examples, fuzzing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.labelled import load_plan_items, load_temporal
from pipeline.stages.plans.evaluate import evaluate_temporal
from pipeline.stages.plans.temporal import find_deadlines, find_vague_time

HELDOUT = "hand-written-heldout"


@pytest.fixture(scope="module")
def temporal_scores():
    df = load_temporal()
    return evaluate_temporal(df[df["source"] != HELDOUT])


def test_temporal_heldout_set_targets():
    """Issue 9 targets on the second hand-made set (rows TH001-TH131 of temporal.csv, source
    ``hand-written-heldout``): >= 100 expressions in sentences, precision >= 0.95, recall >= 0.9.

    The set was written without running the grammar; its first score (precision 0.967, recall
    0.978, normalisation 0.912; benchmarks/plans/temporal_heldout_before.json) is the
    out-of-sample figure. The grammar was then fixed on its failures, so this test now guards
    against regressions rather than measuring generalisation.
    """
    df = load_temporal()
    held = df[df["source"] == HELDOUT]
    assert len(held) >= 100 and held["is_deadline"].sum() >= 60
    s = evaluate_temporal(held)
    assert s.precision >= 0.95, s.errors
    assert s.recall >= 0.9, s.errors
    assert s.normalisation_accuracy >= 0.9, [e for e in s.errors if e["error"] == "norm"]


def test_temporal_set_targets(temporal_scores):
    """Issue 9 targets: precision >= 0.95, recall >= 0.9 on the first 244 rows of temporal.csv.

    The grammar was written with this set in view, so these are in-sample figures; the
    out-of-sample check is test_plan_items_deadline_agreement below.
    """
    s = temporal_scores
    assert s.tp + s.fn >= 150, "the hand-made set should hold at least 150 deadlines"
    assert s.precision >= 0.95, s.errors
    assert s.recall >= 0.9, s.errors


def test_temporal_set_normalisation(temporal_scores):
    assert temporal_scores.norm_total >= 100
    assert temporal_scores.normalisation_accuracy >= 0.9, [
        e for e in temporal_scores.errors if e["error"] == "norm"
    ]


def test_plan_items_deadline_agreement():
    """Out-of-sample: the has_deadline column of plan_items.csv (written independently of the
    grammar) agrees with "the grammar finds a deadline" on at least 95% of the 420 items."""
    df = load_plan_items()
    found = [int(bool(find_deadlines(t, 2024))) for t in df["text"]]
    agree = sum(int(a == b) for a, b in zip(found, df["has_deadline"], strict=True)) / len(df)
    tp = sum(int(a and b) for a, b in zip(found, df["has_deadline"], strict=True))
    precision = tp / max(sum(found), 1)
    recall = tp / max(int(df["has_deadline"].sum()), 1)
    assert agree >= 0.95 and precision >= 0.95 and recall >= 0.9, (agree, precision, recall)


@pytest.mark.parametrize(
    ("text", "year", "expr", "start", "end"),
    [
        ("Nộp hồ sơ trước ngày 30/6/2025.", 2024, "trước ngày 30/6/2025", None, date(2025, 6, 30)),
        (
            "Học xong lớp bồi dưỡng trong quý I/2025.",
            2024,
            "trong quý I/2025",
            date(2025, 1, 1),
            date(2025, 3, 31),
        ),
        ("Tổ chức hội thao quý IV năm 2025.", 2024, "quý IV năm 2025", date(2025, 10, 1), date(2025, 12, 31)),
        (
            "6 tháng đầu năm 2025 hoàn thành 2 chuyên đề.",
            2024,
            "6 tháng đầu năm 2025",
            date(2025, 1, 1),
            date(2025, 6, 30),
        ),
        ("Thu hồi dứt điểm nợ đến hết năm 2025.", 2024, "đến hết năm 2025", None, date(2025, 12, 31)),
        ("Từ tháng 01/2025 áp dụng kê đơn điện tử.", 2024, "Từ tháng 01/2025", date(2025, 1, 1), None),
        (
            "Dự giờ 18 tiết trong năm học 2024 - 2025.",
            2024,
            "trong năm học 2024 - 2025",
            date(2024, 9, 1),
            date(2025, 5, 31),
        ),
        (
            "Học xong lớp trung cấp lý luận chính trị trước quý III/2025.",
            2024,
            "trước quý III/2025",
            None,
            date(2025, 6, 30),
        ),
        ("Bàn giao sổ sách trước 31/12.", 2019, "trước 31/12", None, date(2020, 12, 31)),
        (
            "Từ tháng 3 đến tháng 6/2025 phụ đạo 8 học sinh.",
            2024,
            "Từ tháng 3 đến tháng 6/2025",
            date(2025, 3, 1),
            date(2025, 6, 30),
        ),
        (
            "Trong học kỳ II năm học 2024 - 2025 gặp 100% sinh viên.",
            2024,
            "Trong học kỳ II năm học 2024 - 2025",
            date(2025, 1, 16),
            date(2025, 5, 31),
        ),
    ],
)
def test_issue_examples_normalised(text, year, expr, start, end):
    found = find_deadlines(text, year)
    assert [d.text for d in found] == [expr]
    assert (found[0].period_start, found[0].period_end) == (start, end)
    assert text[found[0].start : found[0].end] == expr


@pytest.mark.parametrize(
    ("text", "expr"),
    [
        ("Nộp báo cáo tiến độ chậm nhất ngày 15 hằng tháng.", "chậm nhất ngày 15 hằng tháng"),
        ("Họp giao ban với nhà thầu vào sáng thứ Hai hằng tuần.", "vào sáng thứ Hai hằng tuần"),
        ("Kiểm tra chéo hồ sơ bệnh án mỗi quý một lần.", "mỗi quý một lần"),
        ("Trao quà cho 20 hộ nghèo trước Tết Nguyên đán.", "trước Tết Nguyên đán"),
    ],
)
def test_recurring_and_events(text, expr):
    assert [d.text for d in find_deadlines(text, 2024)] == [expr]


@pytest.mark.parametrize(
    "text",
    [
        "Thường xuyên tu dưỡng, rèn luyện phẩm chất đạo đức cách mạng.",
        "Trong thời gian tới tiếp tục phát huy ưu điểm, khắc phục hạn chế.",
        "Kịp thời nắm bắt tâm tư, nguyện vọng của quần chúng.",
        "Năm tới cố gắng hoàn thành tốt hơn nhiệm vụ được giao.",
        "Hằng tháng tự kiểm điểm, rút kinh nghiệm bản thân.",  # recurring, but no concrete action
        "Giải quyết đơn thư trong thời hạn không quá 30 ngày kể từ ngày thụ lý.",  # a duration
        "Học tập Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.",  # a document's date
        "Nghiên cứu Luật Đất đai năm 2024 để hướng dẫn người dân.",  # a year labelling an object
        "Phát biểu ở 12/12 kỳ sinh hoạt chi bộ.",  # a ratio, not a date
    ],
)
def test_not_deadlines(text):
    assert find_deadlines(text, 2024) == []


def test_vague_time_found():
    assert [v[2] for v in find_vague_time("Trong thời gian tới sẽ thường xuyên học tập.")] == [
        "Trong thời gian tới",
        "thường xuyên",
    ]


_ALPHABET = st.sampled_from(
    list("0123456789/.-–, :;()aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệốồổỗộớờởỡợứừửữựíìỉĩịúùủũụ\nTQHNĐ")
    + [" ", "\u00a0"]
)
_TOKENS = st.sampled_from(
    [
        "trước",
        "ngày",
        "tháng",
        "quý",
        "năm",
        "học",
        "kỳ",
        "hằng",
        "mỗi",
        "từ",
        "đến",
        "hết",
        "cuối",
        "đầu",
        "trong",
        "I",
        "II",
        "IV",
        "2025",
        "31/12",
        "30/6/2025",
        "15.11.2023",
        "-",
        "/",
        "nay",
        "tuần",
        "thứ",
        "Hai",
        "Chín",
        "Mười Hai",
        "6",
        "tết",
        "khi",
        "vụ",
        "hè",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(_ALPHABET, max_size=80), st.lists(_TOKENS, max_size=14).map(" ".join)),
    st.integers(min_value=-5, max_value=3000),
)
def test_fuzz_never_raises(text, year):
    for d in find_deadlines(text, year):
        assert text[d.start : d.end] == d.text
        assert d.kind in ("date", "period", "recurring", "event")
        if d.period_start and d.period_end:
            assert d.period_start <= d.period_end
