@id a_bac_si
@family a
@occupation doctor
@kind individual
@role member
@form 2023-02A
#header
ĐẢNG BỘ …
CHI BỘ …
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm …
BẢN KIỂM ĐIỂM CÁ NHÂN
Năm …
(Dùng cho cá nhân không giữ chức vụ lãnh đạo, quản lý)
Họ và tên: …
Ngày sinh: …
Chức vụ Đảng: Đảng viên
Chức vụ chính quyền: Bác sĩ
Đơn vị công tác: Khoa …
Chi bộ: …
#section parent | I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC
#section ideology+ethics+discipline+working_style | 1. Về phẩm chất chính trị, đạo đức, lối sống, đoàn kết nội bộ; ý thức tổ chức kỷ luật, trách nhiệm nêu gương; tác phong, lề lối làm việc
[id] Luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, kiên định mục tiêu độc lập dân tộc và chủ nghĩa xã hội. [id] Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và các quy định của cơ quan. [id] Tích cực học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Chỉ thị 05-CT/TW.
[et] Có phẩm chất đạo đức tốt, lối sống trong sáng, lành mạnh, giản dị, trung thực. [et] Thực hiện tốt quy tắc ứng xử của ngành y tế, lời dạy "lương y như từ mẫu", tận tụy với người bệnh. [et] Không gây khó khăn, phiền hà, không nhận phong bì của người bệnh và người nhà người bệnh.
[di] Chấp hành nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình, quy chế làm việc của cơ quan. [di att] Tham gia đầy đủ các buổi sinh hoạt chi bộ, đóng đảng phí đầy đủ, đúng quy định. [di] Không vi phạm những điều đảng viên không được làm.
[ws] Làm việc có kế hoạch, có trách nhiệm, giải quyết công việc kịp thời, đúng quy định. [ws] Luôn chủ động, sáng tạo trong công việc, phối hợp tốt với đồng nghiệp.
#section duties | 2. Việc thực hiện chức trách, nhiệm vụ, quyền hạn được giao và kết quả thực hiện các chỉ tiêu, nhiệm vụ trong năm
- [du] Thực hiện tốt công tác khám bệnh, chữa bệnh, chăm sóc người bệnh theo đúng quy chế chuyên môn của bệnh viện.
- [du] Tham gia trực cấp cứu, trực lễ, Tết đầy đủ theo lịch phân công của khoa; trong năm khám, điều trị cho {…n} lượt người bệnh.
- [du] Hoàn thiện hồ sơ bệnh án đầy đủ, đúng quy định.
- [du] Tích cực tham gia các lớp tập huấn, cập nhật kiến thức chuyên môn.
- [du] Thực hiện tốt công tác tư vấn, giáo dục sức khỏe cho người bệnh.
- [du] Hoàn thành tốt nhiệm vụ được giao.
#section commitment | 3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm
[co] Thực hiện đúng cam kết tu dưỡng, rèn luyện, phấn đấu đã đăng ký đầu năm.
#section parent | II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN
#section weaknesses | 1. Hạn chế, khuyết điểm
- [we generic skills_lang] Trình độ ngoại ngữ còn hạn chế.
- [we generic documentation] Việc cập nhật, lưu trữ hồ sơ, sổ sách đôi lúc chưa kịp thời.
- [we generic criticism] Đôi lúc còn nể nang, ngại va chạm trong đấu tranh tự phê bình và phê bình.
#section causes | 2. Nguyên nhân
- [ca] Khối lượng công việc nhiều, nhiều nhiệm vụ đột xuất phát sinh.
- [ca] Điều kiện cơ sở vật chất, trang thiết bị làm việc còn thiếu.
- [ca] Còn ngại va chạm, dè dặt khi phát biểu ý kiến.
#section remedy_earlier | III. KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC
[re] Tiếp tục khắc phục những hạn chế còn tồn tại.
#section explanations | IV. GIẢI TRÌNH NHỮNG VẤN ĐỀ ĐƯỢC GỢI Ý KIỂM ĐIỂM
[ot] Không có.
#section collective_responsibility | V. LÀM RÕ TRÁCH NHIỆM CỦA CÁ NHÂN ĐỐI VỚI NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM CỦA TẬP THỂ
[cr] Không.
#section plan | VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM
- [pl vague skills_lang] Dành thời gian tự học ngoại ngữ.
- [pl vague documentation m1] Lập sổ theo dõi để cập nhật, lưu trữ hồ sơ đầy đủ, kịp thời.
- [pl vague gen] Thường xuyên tu dưỡng, rèn luyện phẩm chất đạo đức, lối sống.
- [pl vague gen] Tiếp tục phát huy những ưu điểm đã đạt được, khắc phục những hạn chế, khuyết điểm.
#rating self_rating | VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG
[ra] Hoàn thành tốt nhiệm vụ.
#footer
NGƯỜI TỰ KIỂM ĐIỂM
