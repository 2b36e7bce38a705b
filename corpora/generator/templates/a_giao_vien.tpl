@id a_giao_vien
@family a
@occupation teacher
@kind individual
@role member
@form 2023-02A
#header
ĐẢNG BỘ …
CHI BỘ …
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm …
Mẫu 02A-HD KĐ.ĐG 2023
BẢN KIỂM ĐIỂM CÁ NHÂN
Năm …
(Dùng cho cá nhân không giữ chức vụ lãnh đạo, quản lý)
Họ và tên: …
Ngày sinh: …
Chức vụ Đảng: Đảng viên
Chức vụ chính quyền: Giáo viên
Đơn vị công tác: Trường …
Chi bộ: …
Thực hiện Hướng dẫn số 25-HD/BTCTW ngày 10/11/2023 của Ban Tổ chức Trung ương, tôi xin tự kiểm điểm như sau:
#section parent | I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC
#section ideology+ethics+discipline+working_style | 1. Về phẩm chất chính trị, đạo đức, lối sống, đoàn kết nội bộ; ý thức tổ chức kỷ luật, trách nhiệm nêu gương; tác phong, lề lối làm việc
- [id] Luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, kiên định mục tiêu độc lập dân tộc và chủ nghĩa xã hội. [id] Có lập trường tư tưởng chính trị vững vàng, không dao động trước những khó khăn, thách thức.
- [id] Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và các quy định của cơ quan.
- [id] Là nhà giáo, bản thân luôn xác định rõ trách nhiệm giáo dục thế hệ trẻ có lý tưởng, có đạo đức, có ích cho xã hội.
- [et] Có phẩm chất đạo đức tốt, lối sống trong sáng, lành mạnh, giản dị, trung thực. [et] Luôn giữ gìn đoàn kết nội bộ, có tinh thần tương thân tương ái, giúp đỡ đồng nghiệp.
- [et] Giữ gìn phẩm chất, uy tín, danh dự của nhà giáo; thương yêu, tôn trọng học sinh, đối xử công bằng với học sinh.
- [di] Chấp hành nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình, quy chế làm việc của cơ quan. [di att] Tham gia đầy đủ các buổi sinh hoạt chi bộ, đóng đảng phí đầy đủ, đúng quy định.
- [di] Không vi phạm những điều đảng viên không được làm.
- [ws] Có tác phong làm việc khoa học, dân chủ, sâu sát, gần gũi với quần chúng. [ws] Luôn lắng nghe, tiếp thu ý kiến đóng góp để điều chỉnh cách làm việc.
- [id] Qua đối chiếu, bản thân không có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa".
#section duties | 2. Việc thực hiện chức trách, nhiệm vụ, quyền hạn được giao và kết quả thực hiện các chỉ tiêu, nhiệm vụ trong năm
[du] Trong năm học {…year}, bản thân được phân công giảng dạy môn {…subject}, kiêm nhiệm công tác chủ nhiệm lớp.
- [du] Thực hiện đầy đủ hồ sơ, sổ sách chuyên môn theo quy định; soạn giảng đúng chương trình, đúng kế hoạch.
- [du] Tích cực đổi mới phương pháp dạy học theo hướng phát huy năng lực, phẩm chất của học sinh.
- [du] Tham gia đầy đủ các buổi sinh hoạt chuyên môn, dự giờ, thao giảng do tổ và nhà trường tổ chức.
- [du] Chất lượng bộ môn đạt chỉ tiêu đề ra, tỷ lệ học sinh đạt yêu cầu trở lên là {…p}%.
- [du] Hoàn thành tốt nhiệm vụ được giao.
#section commitment | 3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm
[co] Thực hiện đúng cam kết tu dưỡng, rèn luyện, phấn đấu đã đăng ký đầu năm. [co] Thường xuyên tự soi, tự sửa để thực hiện tốt cam kết của bản thân.
#section parent | II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN
#section weaknesses | 1. Hạn chế, khuyết điểm
- [we generic criticism] Chưa mạnh dạn trong phê bình, đóng góp ý kiến tại các buổi sinh hoạt chi bộ.
- [we generic skills_it] Trình độ tin học còn hạn chế, chưa đáp ứng yêu cầu chuyển đổi số.
- [we generic professional] Việc tự học, tự nghiên cứu nâng cao trình độ chuyên môn chưa thường xuyên, hiệu quả chưa cao.
#section causes | 2. Nguyên nhân
- [ca] Khối lượng công việc nhiều, nhiều nhiệm vụ đột xuất phát sinh.
- [ca] Bản thân chưa chủ động sắp xếp thời gian hợp lý.
#section remedy_earlier | III. KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CẤP CÓ THẨM QUYỀN KẾT LUẬN HOẶC ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC
[re] Bản thân đã nghiêm túc khắc phục những hạn chế, khuyết điểm đã được chỉ ra ở kỳ kiểm điểm trước.
#section explanations | IV. GIẢI TRÌNH NHỮNG VẤN ĐỀ ĐƯỢC GỢI Ý KIỂM ĐIỂM (NẾU CÓ)
[ot] Không có.
#section collective_responsibility | V. LÀM RÕ TRÁCH NHIỆM CỦA CÁ NHÂN ĐỐI VỚI NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM CỦA TẬP THỂ (NẾU CÓ)
[cr] Không.
#section plan | VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM
- [pl vague criticism] Mạnh dạn tham gia đóng góp ý kiến trong sinh hoạt chi bộ.
- [pl vague skills_it] Tích cực học tập nâng cao trình độ tin học đáp ứng yêu cầu công việc.
- [pl vague professional] Không ngừng học tập nâng cao trình độ chuyên môn, nghiệp vụ.
- [pl vague gen] Tiếp tục phát huy những ưu điểm đã đạt được, khắc phục những hạn chế, khuyết điểm.
#rating self_rating | VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG
[ra] Tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ.
#footer
NGƯỜI TỰ KIỂM ĐIỂM
(Ký, ghi rõ họ tên)
…
