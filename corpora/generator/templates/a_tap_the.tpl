@id a_tap_the
@family a
@occupation collective
@kind collective
@role leader
@form 2023-collective
#header
ĐẢNG BỘ …
CHI BỘ …
Số …-BC/CB
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm …
BÁO CÁO
KIỂM ĐIỂM TẬP THỂ CHI BỘ … NĂM …
Thực hiện Hướng dẫn số 25-HD/BTCTW ngày 10/11/2023 của Ban Tổ chức Trung ương, Chi bộ … báo cáo kết quả kiểm điểm tập thể như sau:
#section parent | I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC
#section principles | 1. Việc chấp hành nguyên tắc tổ chức và hoạt động, nhất là nguyên tắc tập trung dân chủ; thực hiện quy chế làm việc
[di] Chi bộ duy trì nghiêm chế độ sinh hoạt định kỳ, thực hiện đúng nguyên tắc tập trung dân chủ. [di] Các nghị quyết của chi bộ được thảo luận dân chủ, thống nhất cao trước khi ban hành. [di] Nội dung sinh hoạt chi bộ từng bước được đổi mới, thiết thực hơn.
#section targets | 2. Kết quả thực hiện mục tiêu, chỉ tiêu, nhiệm vụ trong nghị quyết đại hội, kế hoạch, chương trình công tác năm
[du] Năm {…year}, chi bộ lãnh đạo cơ quan, đơn vị thực hiện tốt nhiệm vụ chính trị được giao. [du] Chi bộ lãnh đạo hoàn thành các chỉ tiêu, nhiệm vụ chính trị được giao. [du] Các chỉ tiêu chủ yếu cơ bản đạt và vượt kế hoạch đề ra.
#section party_building | 3. Công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị
[le] Công tác giáo dục chính trị, tư tưởng được quan tâm; đảng viên chấp hành tốt chủ trương, đường lối của Đảng. [le] Tổ chức quán triệt, học tập đầy đủ các nghị quyết, chỉ thị của cấp trên. [le] Chi bộ thực hiện tốt công tác kiểm tra, giám sát theo kế hoạch. [le] Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được gắn với thực hiện nhiệm vụ chuyên môn của từng đảng viên.
#section political_task | 4. Trách nhiệm của tập thể lãnh đạo trong việc thực hiện nhiệm vụ chính trị của cơ quan, đơn vị
[le] Tập thể chi ủy luôn đoàn kết, thống nhất trong lãnh đạo thực hiện nhiệm vụ chính trị của đơn vị.
#section parent | II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN
#section weaknesses | 1. Hạn chế, khuyết điểm
- [we generic coll_content] Nội dung sinh hoạt chi bộ có lúc chưa phong phú, chất lượng sinh hoạt chưa cao.
- [we generic coll_inspection] Công tác kiểm tra, giám sát có lúc chưa thường xuyên.
- [we generic coll_new_members] Công tác phát triển đảng viên mới còn gặp khó khăn.
#section causes | 2. Nguyên nhân
[ca] Khối lượng công việc nhiều, nhiều nhiệm vụ đột xuất phát sinh. [ca] Chi ủy chưa quyết liệt trong lãnh đạo, chỉ đạo khắc phục hạn chế.
#section remedy_earlier | III. KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC
[re] Các hạn chế nêu ra ở kỳ kiểm điểm trước cơ bản đã được khắc phục.
#section explanations | IV. GIẢI TRÌNH NHỮNG VẤN ĐỀ ĐƯỢC GỢI Ý KIỂM ĐIỂM (NẾU CÓ)
[ot] Không có.
#section collective_responsibility | V. LÀM RÕ TRÁCH NHIỆM CỦA TẬP THỂ VÀ CÁ NHÂN ĐỐI VỚI NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM
[cr] Tập thể chi ủy và từng đồng chí chi ủy viên nghiêm túc nhận trách nhiệm về những hạn chế đã nêu.
#section plan | VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM
- [pl vague coll_content] Tiếp tục đổi mới nội dung, nâng cao chất lượng sinh hoạt chi bộ.
- [pl vague coll_inspection] Tăng cường công tác kiểm tra, giám sát.
- [pl vague coll_new_members] Quan tâm tạo nguồn, phát triển đảng viên mới.
#rating self_rating | VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG
[ra] Chi bộ tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ.
#footer
T/M CHI BỘ
BÍ THƯ
