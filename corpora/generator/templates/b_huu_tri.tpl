@id b_huu_tri
@family b
@occupation retiree
@kind individual
@role member
@form 2023-02A
#header
ĐẢNG BỘ PHƯỜNG …
CHI BỘ KHU PHỐ …
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm …
BẢN KIỂM ĐIỂM CÁ NHÂN
Năm …
Họ và tên: …
Ngày sinh: …
Chức vụ Đảng: Đảng viên
Chức vụ chính quyền: Nghỉ hưu
Chi bộ: …
#section parent | I. MẶT LÀM ĐƯỢC
#section ideology+ethics+discipline+working_style | 1. Các mặt chính trị, đạo đức, kỷ luật, lề lối công tác
- [id] Dù tuổi đã cao, tôi vẫn đọc báo Nhân Dân, nghe thời sự hằng ngày để nắm tình hình và chủ trương mới.
- [id] Đồng tình, ủng hộ và vận động gia đình, người thân thực hiện tốt các chủ trương mới.
- [et] Người thân trong gia đình đều chấp hành đúng pháp luật và quy ước của khu dân cư.
- [et] Các sự kiện của gia đình đều được tổ chức gọn nhẹ, đúng quy định.
- [et] Tham gia đầy đủ các hoạt động của tổ dân phố, đóng góp các quỹ do địa phương phát động.
- [di att] Có mặt đầy đủ ở các kỳ họp chi bộ, nộp đảng phí hằng tháng đúng hạn.
#section duties | 2. Nhiệm vụ chi bộ phân công
- [du] Được chi bộ phân công theo dõi, giúp đỡ các hộ gia đình ở tổ {…n}
- [du] Phối hợp với ban điều hành khu phố hòa giải mâu thuẫn nhỏ trong bà con.
- [du] Nhắc nhở con cháu giữ gìn vệ sinh chung, bảo đảm an ninh trật tự ở khu dân cư.
#section commitment | 3. Mặt tu dưỡng, rèn luyện theo cam kết
[co] Những điều đã hứa với chi bộ, bản thân đều cố gắng làm được.
#section parent | II. TỒN TẠI, KHUYẾT ĐIỂM
#section weaknesses | 1. Những điểm còn yếu
- [we generic skills_it] Kỹ năng sử dụng các phần mềm, ứng dụng công nghệ thông tin chưa thành thạo.
- [we generic criticism] Còn tâm lý giữ hòa khí, góp ý cho người khác chưa thẳng thắn.
#section causes | 2. Lý do
[ca] Tuổi cao, trí nhớ giảm, việc tiếp thu cái mới chậm hơn trước.
#section remedy_earlier | III. SỬA CHỮA TỒN TẠI KỲ TRƯỚC
[re] Kỳ kiểm điểm năm trước bản thân không bị chỉ ra khuyết điểm nào.
#section plan | IV. HƯỚNG SỬA CHỮA
- [pl vague skills_it m1] Nhờ con cháu hướng dẫn để dùng được sổ tay đảng viên điện tử.
- [pl vague gen] Luôn tự nhắc nhở bản thân giữ gìn tư cách người đảng viên.
#rating self_rating | V. ĐỀ NGHỊ XẾP LOẠI
[ra] Tôi đề nghị chi bộ xếp loại Hoàn thành tốt nhiệm vụ.
#footer
NGƯỜI TỰ KIỂM ĐIỂM
