from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

REPORT_2024 = """ĐẢNG BỘ PHƯỜNG AN KHÁNH
CHI BỘ KHU PHỐ 3
ĐẢNG CỘNG SẢN VIỆT NAM
An Khánh, ngày 12 tháng 12 năm 2024
BẢN KIỂM ĐIỂM CÁ NHÂN
Năm 2024
(Dùng cho đảng viên không giữ chức vụ lãnh đạo, quản lý)
Họ và tên: Nguyễn Thị Bích Ngọc
Ngày sinh: 04/07/1985
Chức vụ Đảng: Đảng viên
Chức vụ chính quyền: Chuyên viên Văn phòng
Chi bộ: Khu phố 3
I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC
1. Về tư tưởng chính trị
Bản thân luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh. Năm 2024 tôi học tập đủ 4 chuyên đề Nghị quyết Trung ương 8, bài thu hoạch đạt loại khá.
2. Về phẩm chất đạo đức, lối sống
Sống giản dị, trung thực; đã từ chối quà của một hộ dân khi giải quyết hồ sơ tháng 5/2024 và báo cáo lãnh đạo.
3. Về thực hiện chức trách, nhiệm vụ được giao
Tiếp nhận và trả đúng hạn 412/415 hồ sơ một cửa; soạn thảo 36 văn bản tham mưu.
II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN
1. Hạn chế, khuyết điểm
Để 3 hồ sơ chứng thực trễ hẹn từ 1 đến 2 ngày trong tháng 9.
2. Nguyên nhân
Chưa sắp xếp thời gian hợp lý khi khối lượng công việc tăng.
VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC
- Lập sổ theo dõi hạn trả hồ sơ, rà soát hằng tuần, bảo đảm 100% hồ sơ đúng hạn trong năm 2025.
VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG
Tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ.
NGƯỜI TỰ KIỂM ĐIỂM
Nguyễn Thị Bích Ngọc
"""


@pytest.fixture
def report_2024() -> str:
    return REPORT_2024
