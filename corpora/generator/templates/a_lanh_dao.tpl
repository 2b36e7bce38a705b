@id a_lanh_dao
@family a
@occupation leader
@kind individual
@role leader
@form 2023-02B
#header
ĐẢNG BỘ …
CHI BỘ …
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm …
Mẫu 02B-HD KĐ.ĐG 2023
BẢN KIỂM ĐIỂM CÁ NHÂN
Năm …
(Dùng cho cá nhân giữ chức vụ lãnh đạo, quản lý)
Họ và tên: …
Ngày sinh: …
Chức vụ Đảng: Bí thư chi bộ
Chức vụ chính quyền: …
Đơn vị công tác: …
Chi bộ: …
#section parent | I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC
#section ideology+ethics+discipline+working_style | 1. Về phẩm chất chính trị, đạo đức, lối sống, đoàn kết nội bộ; ý thức tổ chức kỷ luật, trách nhiệm nêu gương; tác phong, lề lối làm việc
[id] Luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, kiên định mục tiêu độc lập dân tộc và chủ nghĩa xã hội. [id] Có lập trường tư tưởng chính trị vững vàng, không dao động trước những khó khăn, thách thức. [id] Qua đối chiếu, bản thân không có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa".
[et] Có phẩm chất đạo đức tốt, lối sống trong sáng, lành mạnh, giản dị, trung thực. [et] Không có biểu hiện cơ hội, vụ lợi, chủ nghĩa cá nhân, ích kỷ, thực dụng.
[di] Chấp hành nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình, quy chế làm việc của cơ quan. [di] Thực hiện kê khai tài sản, thu nhập trung thực, đúng thời hạn. [di] Không vi phạm những điều đảng viên không được làm.
[ws] Có tác phong làm việc khoa học, dân chủ, sâu sát, gần gũi với quần chúng.
#section duties | 2. Việc thực hiện chức trách, nhiệm vụ, quyền hạn được giao
[du] Trên cương vị {…post}, bản thân đã cùng tập thể lãnh đạo đơn vị triển khai đồng bộ các nhiệm vụ chính trị năm {…year}. [du] Thực hiện đầy đủ các nhiệm vụ theo chức năng, nhiệm vụ của vị trí việc làm.
#section leadership | 3. Kết quả lãnh đạo, chỉ đạo, tổ chức thực hiện nhiệm vụ và mức độ hoàn thành nhiệm vụ của cơ quan, đơn vị được giao quản lý
[le] Lãnh đạo, chỉ đạo đơn vị hoàn thành các chỉ tiêu, nhiệm vụ được giao. [le] Đơn vị hoàn thành {…n}/{…n} chỉ tiêu, nhiệm vụ trọng tâm năm {…year}.
#section leadership | 4. Năng lực tập hợp, quy tụ, xây dựng đoàn kết nội bộ
[le] Luôn quan tâm xây dựng khối đoàn kết thống nhất trong chi bộ và cơ quan. [le] Được cán bộ, đảng viên trong đơn vị tín nhiệm.
#section leadership | 5. Tinh thần trách nhiệm, đổi mới, sáng tạo, dám nghĩ, dám nói, dám làm, dám chịu trách nhiệm
[le] Dám nghĩ, dám làm, dám chịu trách nhiệm trong công việc được giao.
#section leadership | 6. Việc thực hiện trách nhiệm nêu gương của bản thân và gia đình; phòng, chống tham nhũng, lãng phí, tiêu cực
[le] Thực hiện tốt trách nhiệm nêu gương của người đứng đầu, giáo dục gia đình và người thân chấp hành tốt pháp luật. [le] Chỉ đạo thực hiện nghiêm các quy định về phòng, chống tham nhũng, lãng phí, tiêu cực trong đơn vị.
#section commitment | 7. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm
[co] Thực hiện đúng cam kết tu dưỡng, rèn luyện, phấn đấu đã đăng ký đầu năm.
#section parent | II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN
#section weaknesses | 1. Hạn chế, khuyết điểm
- [we generic direction] Công tác kiểm tra, đôn đốc cấp dưới thực hiện nhiệm vụ có lúc chưa thường xuyên.
- [we generic delegation] Đôi khi còn ôm đồm công việc, chưa phân công, giao việc hợp lý cho cấp dưới.
#section causes | 2. Nguyên nhân
[ca] Khối lượng công việc nhiều, nhiều nhiệm vụ đột xuất phát sinh. [ca] Chưa quyết liệt trong chỉ đạo, đôn đốc thực hiện nhiệm vụ.
#section remedy_earlier | III. KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CẤP CÓ THẨM QUYỀN KẾT LUẬN HOẶC ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC
[re] Bản thân đã nghiêm túc khắc phục những hạn chế, khuyết điểm đã được chỉ ra ở kỳ kiểm điểm trước.
#section explanations | IV. GIẢI TRÌNH NHỮNG VẤN ĐỀ ĐƯỢC GỢI Ý KIỂM ĐIỂM (NẾU CÓ)
[ot] Không có.
#section collective_responsibility | V. LÀM RÕ TRÁCH NHIỆM CỦA CÁ NHÂN ĐỐI VỚI NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM CỦA TẬP THỂ (NẾU CÓ)
[cr] Là người đứng đầu, bản thân chịu trách nhiệm chính đối với những hạn chế, khuyết điểm của tập thể đã nêu trong báo cáo kiểm điểm của chi bộ.
#section plan | VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM
- [pl vague direction] Tăng cường kiểm tra, đôn đốc cấp dưới thực hiện nhiệm vụ.
- [pl vague delegation] Phân công, giao việc hợp lý, phát huy vai trò của cấp phó và cán bộ, nhân viên.
- [pl vague gen] Tiếp tục phát huy những ưu điểm đã đạt được, khắc phục những hạn chế, khuyết điểm.
#rating self_rating | VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG
[ra] Tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ.
#footer
NGƯỜI TỰ KIỂM ĐIỂM
(Ký, ghi rõ họ tên)
