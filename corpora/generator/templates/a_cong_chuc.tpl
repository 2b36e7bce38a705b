@id a_cong_chuc
@family a
@occupation civil_servant
@kind individual
@role member
@form 2025-2B
#header
Mẫu 02B-HD KĐ.ĐG 2025
ĐẢNG BỘ …
CHI BỘ …
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm 2025
BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN
Năm 2025
(Cá nhân không giữ chức vụ lãnh đạo, quản lý)
Họ và tên: …
Ngày sinh: …
Đơn vị công tác: …
Chi bộ: …
#section parent | A. NỘI DUNG KIỂM ĐIỂM
#section parent | I. Ưu điểm, kết quả đạt được
#section ideology+ethics+discipline+working_style | 1. Về phẩm chất chính trị, đạo đức, lối sống, đoàn kết nội bộ; ý thức tổ chức kỷ luật, kỷ luật phát ngôn, trách nhiệm nêu gương; tác phong, lề lối làm việc
[id] Luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, kiên định mục tiêu độc lập dân tộc và chủ nghĩa xã hội. [id] Tin tưởng tuyệt đối vào sự lãnh đạo của Đảng và công cuộc đổi mới của đất nước. [id] Tích cực học tập, quán triệt các nghị quyết, chỉ thị của Đảng và vận dụng vào công việc được giao. [id] Thường xuyên đấu tranh, phản bác các quan điểm sai trái, thù địch trên không gian mạng.
[et] Có phẩm chất đạo đức tốt, lối sống trong sáng, lành mạnh, giản dị, trung thực. [et] Không có biểu hiện cơ hội, vụ lợi, chủ nghĩa cá nhân, ích kỷ, thực dụng. [et] Gia đình chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định nơi cư trú. [et] Không để người thân, người quen lợi dụng vị trí công tác của bản thân để vụ lợi.
[di] Chấp hành nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình, quy chế làm việc của cơ quan. [di] Giữ đúng kỷ luật phát ngôn, không phát ngôn tùy tiện trên mạng xã hội. [di] Không vi phạm những điều đảng viên không được làm.
[ws] Thái độ phục vụ nhân dân tận tình, chu đáo, không gây phiền hà, sách nhiễu. [ws] Làm việc có kế hoạch, có trách nhiệm, giải quyết công việc kịp thời, đúng quy định.
[id] Qua đối chiếu, bản thân không có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa".
#section duties | 2. Việc thực hiện chức trách, nhiệm vụ, quyền hạn được giao gắn với hiệu quả, tiến độ, chất lượng công việc
[du] Bản thân được phân công nhiệm vụ {…post}, phụ trách lĩnh vực {…area}
- [du] Tham mưu cho lãnh đạo ban hành các văn bản thuộc lĩnh vực phụ trách bảo đảm đúng thẩm quyền, đúng quy định.
- [du] Tiếp nhận, giải quyết hồ sơ của tổ chức, công dân đúng quy trình; trong năm đã giải quyết {…n} hồ sơ, không có hồ sơ quá hạn.
- [du] Thực hiện tốt công tác cải cách hành chính, ứng dụng công nghệ thông tin trong giải quyết công việc.
- [du] Khối lượng, chất lượng và tiến độ công việc cơ bản đáp ứng yêu cầu.
- [du] Hoàn thành tốt nhiệm vụ được giao.
#section commitment | 3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm
[co] Xây dựng kế hoạch tu dưỡng, rèn luyện của bản thân ngay từ đầu năm và nghiêm túc thực hiện. [co] Các nội dung cam kết cơ bản đã hoàn thành.
#section parent | II. Hạn chế, khuyết điểm và nguyên nhân
#section weaknesses | 1. Hạn chế, khuyết điểm
- [we generic theory_study] Chưa dành nhiều thời gian nghiên cứu lý luận chính trị, nghị quyết, văn bản của cấp trên.
- [we generic deadline] Một số nhiệm vụ hoàn thành còn chậm so với kế hoạch.
#section causes | 2. Nguyên nhân
[ca] Các văn bản hướng dẫn thường xuyên thay đổi, có văn bản ban hành chậm. [ca] Tinh thần tự học, tự rèn luyện chưa thật sự thường xuyên.
#section remedy_earlier | III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước
[re] Các hạn chế nêu ra ở kỳ kiểm điểm trước cơ bản đã được khắc phục.
#section explanations | IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)
[ot] Không có vấn đề nào được gợi ý kiểm điểm.
#section collective_responsibility | V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)
[cr] Bản thân cùng tập thể chịu trách nhiệm về những hạn chế, khuyết điểm chung của chi bộ.
#section plan | VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm
- [pl vague theory_study] Tự giác học tập, nghiên cứu, cập nhật văn bản mới để nâng cao trình độ lý luận chính trị.
- [pl vague deadline] Sắp xếp công việc khoa học hơn để bảo đảm tiến độ.
- [pl vague gen] Nâng cao tinh thần trách nhiệm, hoàn thành tốt nhiệm vụ được giao trong thời gian tới.
#section parent | B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI
#rating self_rating | I. Tự đánh giá, chấm điểm
[ra] Nhóm tiêu chí chung: …/30 điểm.
[ra] Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: …/70 điểm.
[ra] Tổng điểm: …/100 điểm.
#rating self_rating | II. Đề xuất xếp loại mức chất lượng
[ra] Hoàn thành tốt nhiệm vụ.
#footer
NGƯỜI TỰ KIỂM ĐIỂM
(Ký, ghi rõ họ tên)
