@id a_sinh_vien
@family a
@occupation student
@kind individual
@role member
@form 2023-02A
#header
ĐẢNG BỘ TRƯỜNG …
CHI BỘ SINH VIÊN …
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm …
BẢN KIỂM ĐIỂM CÁ NHÂN
Năm …
(Dùng cho cá nhân không giữ chức vụ lãnh đạo, quản lý)
Họ và tên: …
Ngày sinh: …
Lớp: …
Chi bộ: …
#section parent | I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC
#section ideology+ethics+discipline+working_style | 1. Về phẩm chất chính trị, đạo đức, lối sống, đoàn kết nội bộ; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc
[id] Luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, kiên định mục tiêu độc lập dân tộc và chủ nghĩa xã hội. [id] Có lập trường tư tưởng chính trị vững vàng, không dao động trước những khó khăn, thách thức. [id] Không nghe, không đọc, không chia sẻ các thông tin xấu, độc trên mạng xã hội.
[et] Có phẩm chất đạo đức tốt, lối sống trong sáng, lành mạnh, giản dị, trung thực. [et] Là sinh viên đảng viên, bản thân luôn cố gắng gương mẫu trong học tập, rèn luyện để các bạn trong lớp noi theo. [et] Thực hành tiết kiệm, chống lãng phí, không tham gia các tệ nạn xã hội.
[di] Chấp hành nghiêm quy chế, nội quy của nhà trường và quy định của ký túc xá. [di att] Tham gia đầy đủ các buổi sinh hoạt chi bộ, đóng đảng phí đầy đủ, đúng quy định.
[ws] Luôn lắng nghe, tiếp thu ý kiến đóng góp để điều chỉnh cách làm việc.
#section duties | 2. Việc thực hiện chức trách, nhiệm vụ được giao
- [du] Trong năm học, bản thân đạt điểm trung bình tích lũy {…gpa}, xếp loại học tập {…grade}
- [du] Tham gia tích cực các hoạt động của Đoàn thanh niên, Hội sinh viên như tình nguyện mùa hè xanh, hiến máu nhân đạo.
- [du] Hoàn thành tốt nhiệm vụ được chi bộ phân công là giúp đỡ quần chúng ưu tú phấn đấu vào Đảng.
- [du] Hoàn thành tốt nhiệm vụ được giao.
#section commitment | 3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm
[co] Thực hiện đúng cam kết tu dưỡng, rèn luyện, phấn đấu đã đăng ký đầu năm.
#section parent | II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN
#section weaknesses | 1. Hạn chế, khuyết điểm
- [we generic criticism] Chưa mạnh dạn trong phê bình, đóng góp ý kiến tại các buổi sinh hoạt chi bộ.
- [we generic skills_lang] Trình độ ngoại ngữ còn hạn chế.
#section causes | 2. Nguyên nhân
[ca] Bản thân chưa chủ động sắp xếp thời gian hợp lý. [ca] Còn ngại va chạm, dè dặt khi phát biểu ý kiến.
#section remedy_earlier | III. KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC
[re] Bản thân đã nghiêm túc khắc phục những hạn chế, khuyết điểm đã được chỉ ra ở kỳ kiểm điểm trước.
#section plan | VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM
- [pl vague criticism] Mạnh dạn tham gia đóng góp ý kiến trong sinh hoạt chi bộ.
- [pl vague skills_lang] Dành thời gian tự học ngoại ngữ.
- [pl vague gen] Tiếp tục phát huy những ưu điểm đã đạt được, khắc phục những hạn chế, khuyết điểm.
#rating self_rating | VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG
[ra] Tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ.
#footer
NGƯỜI TỰ KIỂM ĐIỂM
(Ký, ghi rõ họ tên)
