@id a_huu_tri
@family a
@occupation retiree
@kind individual
@role member
@form 2025-2C
#header
ĐẢNG BỘ …
CHI BỘ …
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm 2025
Mẫu 02C-HD KĐ.ĐG 2025
BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN
Năm 2025
(Đảng viên không làm việc trong hệ thống chính trị)
Họ và tên: …
Ngày sinh: …
Nơi cư trú: …
Chi bộ: …
#section parent | A. NỘI DUNG KIỂM ĐIỂM
#section parent | I. Ưu điểm, kết quả đạt được
#section ideology+ethics+discipline+working_style | 1. Về phẩm chất chính trị, đạo đức, lối sống, đoàn kết nội bộ; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc
- [id] Luôn giữ vững niềm tin vào con đường đi lên chủ nghĩa xã hội mà Đảng và Bác Hồ đã lựa chọn. [id] Tuy đã nghỉ hưu nhưng bản thân vẫn thường xuyên theo dõi thời sự, tìm hiểu các chủ trương, nghị quyết mới của Đảng.
- [id] Không nghe, không đọc, không chia sẻ các thông tin xấu, độc trên mạng xã hội.
- [et] Gia đình chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định nơi cư trú. [et] Tổ chức việc hiếu, việc hỉ theo nếp sống văn minh, không phô trương, lãng phí.
- [et] Sống hòa nhã với bà con lối xóm, góp phần giữ gìn tình làng nghĩa xóm.
- [di att] Tham gia đầy đủ các buổi sinh hoạt chi bộ, đóng đảng phí đầy đủ, đúng quy định. [di] Không vi phạm những điều đảng viên không được làm.
- [ws] Luôn lắng nghe, tiếp thu ý kiến đóng góp để điều chỉnh cách làm việc.
#section duties | 2. Việc thực hiện quyền và nghĩa vụ của đảng viên theo các nhiệm vụ được cấp ủy, chi bộ phân công
- [du] Tham gia đầy đủ các cuộc họp của tổ dân phố, đóng góp ý kiến xây dựng khu dân cư.
- [du] Tích cực tham gia cuộc vận động "Toàn dân đoàn kết xây dựng đời sống văn hóa" ở khu dân cư.
- [du] Vận động con cháu và bà con lối xóm chấp hành tốt pháp luật, giữ gìn an ninh trật tự, vệ sinh môi trường.
- [du] Tham gia đóng góp các loại quỹ do địa phương phát động.
#section commitment | 3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm
[co] Các nội dung cam kết cơ bản đã hoàn thành.
#section parent | II. Hạn chế, khuyết điểm và nguyên nhân
#section weaknesses | 1. Hạn chế, khuyết điểm
- [we generic theory_study] Chưa dành nhiều thời gian nghiên cứu lý luận chính trị, nghị quyết, văn bản của cấp trên.
- [we generic residence] Chưa tích cực tham gia các phong trào, hoạt động ở nơi cư trú.
#section causes | 2. Nguyên nhân
[ca] Tuổi cao, sức khỏe có phần hạn chế. [ca] Bản thân chưa chủ động sắp xếp thời gian hợp lý.
#section remedy_earlier | III. Kết quả khắc phục những hạn chế, khuyết điểm đã được chỉ ra ở các kỳ kiểm điểm trước
[re] Năm trước bản thân không có hạn chế, khuyết điểm được cấp có thẩm quyền kết luận.
#section explanations | IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)
[ot] Không có.
#section collective_responsibility | V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)
[cr] Không.
#section plan | VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm
- [pl vague theory_study] Tự giác học tập, nghiên cứu, cập nhật văn bản mới để nâng cao trình độ lý luận chính trị.
- [pl vague residence] Tích cực tham gia các hoạt động ở nơi cư trú.
- [pl vague gen] Thường xuyên tu dưỡng, rèn luyện phẩm chất đạo đức, lối sống.
#section parent | B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI
#rating self_rating | I. Tự chấm điểm
[ra] Tổng điểm: …/100 điểm.
#rating self_rating | II. Đề xuất xếp loại
[ra] Hoàn thành tốt nhiệm vụ.
#footer
NGƯỜI TỰ KIỂM ĐIỂM
(Ký, ghi rõ họ tên)
