@id b_doanh_nghiep
@family b
@occupation enterprise
@kind individual
@role member
@form 2023-02A
#header
ĐẢNG BỘ …
CHI BỘ CÔNG TY …
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm …
Mẫu 02A-HD KĐ.ĐG 2023
BẢN KIỂM ĐIỂM CÁ NHÂN
Năm …
(Dùng cho cá nhân không giữ chức vụ lãnh đạo, quản lý)
Họ và tên: …
Ngày sinh: …
Chức vụ chính quyền: Nhân viên phòng …
Chi bộ: …
#section parent | I. NHỮNG MẶT MẠNH
#section ideology+ethics+discipline+working_style | 1. Chính trị tư tưởng, đạo đức, lối sống, kỷ luật và phong cách công tác
- [id] Nắm chắc và thực hiện đúng các quan điểm, đường lối của Đảng, chính sách, pháp luật của Nhà nước.
- [id] Có ý thức bảo vệ nền tảng tư tưởng của Đảng, góp phần định hướng dư luận trong cơ quan.
- [et] Trong quan hệ với đồng nghiệp luôn cởi mở, sẵn sàng chia sẻ khó khăn, không kèn cựa, đố kỵ.
- [et] Không để lợi ích riêng chi phối công việc, không lợi dụng vị trí công tác để trục lợi.
- [di] Mọi quyết định của tổ chức đều được bản thân chấp hành nghiêm, có ý kiến thì phát biểu trong cuộc họp, không nói sau lưng.
- [di] Tài liệu mật, tài liệu nội bộ được bảo quản, sử dụng đúng quy định.
- [ws] Chủ động đề xuất cách làm mới để rút ngắn thời gian xử lý công việc.
#section duties | 2. Kết quả công tác chuyên môn
- [du] Làm việc tại phòng {…dept}, tôi phụ trách mảng {…area}, đáp ứng yêu cầu của ban giám đốc.
- [du] Tham gia phong trào thi đua lao động sản xuất, thực hành tiết kiệm của công ty.
- [du] Hưởng ứng các phong trào thi đua của ngành và của đơn vị.
- [du] Kết quả công việc được tập thể đánh giá cao.
#section commitment | 3. Mặt tu dưỡng, rèn luyện theo cam kết
[co] Định kỳ, bản thân tự rà lại các nội dung đã cam kết.
#section parent | II. NHỮNG MẶT CÒN YẾU
#section weaknesses | 1. Khuyết điểm, tồn tại
- [we generic deadline] Tiến độ xử lý một vài phần việc chưa bảo đảm, có việc phải lùi thời hạn.
- [we generic documentation] Hồ sơ, tài liệu công việc sắp xếp chưa khoa học, có lúc tìm kiếm mất thời gian.
- [we generic attendance] Một số kỳ sinh hoạt chi bộ vắng mặt vì lý do công tác và gia đình.
#section causes | 2. Lý do của tồn tại
[ca] Công việc chuyên môn dồn dập, nhất là vào những tháng cuối năm. [ca] Cách bố trí thời gian giữa công việc và học tập của bản thân chưa hợp lý.
#section remedy_earlier | III. SỬA CHỮA KHUYẾT ĐIỂM NĂM TRƯỚC
[re] Một số tồn tại vẫn đang được bản thân tiếp tục sửa chữa.
#section explanations | IV. NHỮNG VẤN ĐỀ PHẢI GIẢI TRÌNH
[ot] Không có nội dung.
#section collective_responsibility | V. PHẦN TRÁCH NHIỆM VỚI TẬP THỂ
[cr] Không phát sinh.
#section plan | VI. HƯỚNG SỬA CHỮA TRONG NĂM TỚI
- [pl vague deadline] Bố trí công việc hợp lý để không bị chậm tiến độ.
- [pl vague documentation m1] Sắp xếp lại hồ sơ, tài liệu cho gọn gàng, dễ tra cứu.
- [pl vague gen] Giữ vững những mặt đã làm được, từng bước sửa chữa những điểm còn yếu.
#rating self_rating | VII. ĐỀ NGHỊ XẾP LOẠI
[ra] Mức tự xếp loại: Hoàn thành tốt nhiệm vụ.
#footer
NGƯỜI TỰ KIỂM ĐIỂM
(Ký và ghi rõ họ tên)
