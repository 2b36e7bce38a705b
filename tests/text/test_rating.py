import pytest

from pipeline.text.rating import parse_self_rating, parse_self_score


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("Tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ.", "hoan_thanh_tot"),
        ("VII. TỰ NHẬN MỨC XẾP LOẠI\n1. Xếp loại cán bộ: Hoàn thành tốt nhiệm vụ\n2. Xếp loại đảng viên: Hoàn thành xuất sắc nhiệm vụ", "hoan_thanh_xuat_sac"),
        ("Tự nhận xếp loại\n- Hoàn thành xuất sắc nhiệm vụ\n- Hoàn thành tốt nhiệm vụ ☒\n- Hoàn thành nhiệm vụ\n- Không hoàn thành nhiệm vụ", "hoan_thanh_tot"),
        ("Đề xuất xếp loại mức chất lượng: Hoàn thành nhiệm vụ", "hoan_thanh"),
        ("Tự nhận xếp loại: Không hoàn thành nhiệm vụ", "khong_hoan_thanh"),
        ("Tự nhận mức xếp loại:\n- Hoàn thành xuất sắc nhiệm vụ\n- Hoàn thành tốt nhiệm vụ\n- Hoàn thành nhiệm vụ", None),
        ("Không có phần xếp loại ở đây.", None),
        ("PHẦN VI. Đề nghị xếp loại\n- Mức đề nghị: Hoàn thành xuất sắc nhiệm vụ.", "hoan_thanh_xuat_sac"),
        ("V. Tự chấm và đề nghị xếp loại\nTôi đề nghị chi bộ xếp loại Hoàn thành tốt nhiệm vụ.", "hoan_thanh_tot"),
    ],
)
def test_self_rating(text: str, rating):
    assert parse_self_rating(text) == rating


def test_self_score():
    assert parse_self_score("Tổng điểm: 86/100") == 86.0
    assert parse_self_score("Tổng số điểm tự chấm: 91,5 điểm") == 91.5
    assert parse_self_score("không có điểm") is None


def test_whole_report_fallback_ignores_the_stock_duties_phrase():
    text = "Luôn hoàn thành tốt nhiệm vụ được giao.\nĐề nghị xếp loại: Hoàn thành nhiệm vụ."
    assert parse_self_rating(text, whole_report=True) == "hoan_thanh"
    assert parse_self_rating("Luôn hoàn thành tốt nhiệm vụ được giao.", whole_report=True) is None
