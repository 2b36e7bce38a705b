@id b_tap_the
@family b
@occupation collective
@kind collective
@role leader
@form 2025-collective
#header
ĐẢNG BỘ …
CHI BỘ …
Số …-BC/CB
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm 2025
BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI TẬP THỂ CHI BỘ … NĂM 2025
Theo Hướng dẫn số 43-HD/BTCTW ngày 31/10/2025 của Ban Tổ chức Trung ương, chi bộ … kiểm điểm tập thể năm 2025 với các nội dung sau:
#section parent | A. KIỂM ĐIỂM CÁC MẶT
#section parent | I. Kết quả, mặt mạnh
#section principles | 1. Mặt chấp hành nguyên tắc, quy chế
[di] Lịch họp chi bộ hằng tháng được giữ đều, mọi vấn đề lớn đều đưa ra tập thể bàn bạc. [di] Chi ủy phân công nhiệm vụ cụ thể cho từng đảng viên, có kiểm tra, nhắc nhở. [di] Quy chế làm việc của chi bộ được rà soát, bổ sung cho phù hợp.
#section targets | 2. Mặt thực hiện chỉ tiêu năm
[du] Phần lớn các chỉ tiêu của đơn vị đạt yêu cầu. [du] Nhiệm vụ chuyên môn của đơn vị được triển khai đồng bộ, có chuyển biến. [du] Đơn vị năm 2025 có {…n} chỉ tiêu đạt và vượt, {…n} chỉ tiêu chưa đạt.
#section party_building | 3. Mặt xây dựng tổ chức đảng
[le] Tư tưởng của cán bộ, đảng viên ổn định, tin tưởng vào sự lãnh đạo của Đảng. [le] Các nghị quyết, chỉ thị mới đều được triển khai kịp thời đến từng đảng viên. [le] Việc kiểm tra, giám sát đảng viên được tiến hành đúng kế hoạch, không có đảng viên vi phạm. [le] Chi bộ thực hiện nghiêm việc sắp xếp tổ chức bộ máy, chuyển đổi số trong công tác đảng.
#section political_task | 4. Chi ủy với nhiệm vụ chính trị
[le] Chi ủy bám sát nhiệm vụ chính trị, kịp thời lãnh đạo tháo gỡ khó khăn.
#section parent | II. Tồn tại, khuyết điểm và lý do
#section weaknesses | 1. Tồn tại, khuyết điểm
- [we generic coll_content] Buổi sinh hoạt chi bộ đôi khi còn nặng về thông báo, ít thảo luận.
- [we generic coll_digital] Sổ sách, hồ sơ đảng vụ vẫn chủ yếu làm thủ công.
- [we generic coll_attendance] Số đảng viên vắng họp có lý do còn nhiều.
#section causes | 2. Lý do
[ca] Công việc chuyên môn dồn dập, nhất là vào những tháng cuối năm. [ca] Sự chỉ đạo của chi ủy có lúc chưa sát sao.
#section remedy_earlier | III. Kết quả sửa chữa tồn tại kỳ trước
[re] Đến nay các tồn tại đã nêu năm trước không còn lặp lại.
#section collective_responsibility | V. Trách nhiệm của tập thể và cá nhân
[cr] Chi ủy nhận trách nhiệm tập thể, từng chi ủy viên nhận phần của mình về các tồn tại trên.
#section plan | VI. Giải pháp năm tới
- [pl vague coll_content] Chọn chuyên đề sinh hoạt sát với công việc của đơn vị.
- [pl vague coll_digital] Từng bước số hóa hồ sơ đảng vụ.
- [pl vague coll_attendance] Nhắc nhở đảng viên dự họp đầy đủ.
#section parent | B. TỰ CHẤM ĐIỂM VÀ XẾP LOẠI
#rating self_rating | I. Điểm tự chấm
[ra] Điểm nhóm tiêu chí chung: …/30. [ra] Điểm kết quả thực hiện nhiệm vụ: …/70. [ra] Cộng: …/100 điểm.
#rating self_rating | II. Mức đề nghị
[ra] Chi bộ đề nghị xếp loại: Hoàn thành tốt nhiệm vụ.
#footer
T/M CHI BỘ
BÍ THƯ
