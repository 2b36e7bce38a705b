@id b_sinh_vien
@family b
@occupation student
@kind individual
@role member
@form 2025-2C
#header
ĐẢNG BỘ TRƯỜNG ĐẠI HỌC …
CHI BỘ SINH VIÊN …
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm 2025
Mẫu 2C-HD KĐ.ĐG 2025
BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN
Năm 2025
(Đảng viên không làm việc trong hệ thống chính trị)
Họ và tên: …
Ngày sinh: …
Đơn vị: Lớp …, Khoa …
Chi bộ: …
#section parent | A. KIỂM ĐIỂM CÁC MẶT
#section parent | I. Kết quả, mặt mạnh
#section ideology+ethics+discipline+working_style | 1. Chính trị tư tưởng, đạo đức, lối sống, kỷ luật và phong cách công tác
[id] Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được bản thân duy trì đều đặn, gắn với công việc hằng ngày. [id] Thông tin trên mạng xã hội đều được bản thân sàng lọc kỹ, không bình luận, chia sẻ nội dung chưa kiểm chứng.
[et] Sống chân thành, mộc mạc, không đua đòi, không xa hoa. [et] Luôn giữ hình ảnh người sinh viên đảng viên trong mắt bạn bè, thầy cô.
[di] Tuân thủ nội quy, quy chế của cơ quan, đơn vị một cách tự giác. [di att] Sinh hoạt chi bộ đủ các kỳ, đảng phí nộp đều hằng tháng. [di] Không vi phạm những điều đảng viên không được làm.
#section duties | 2. Việc thực hiện quyền và nghĩa vụ của đảng viên theo các nhiệm vụ được cấp ủy, chi bộ phân công
[du] Kết quả học tập năm học {…year}: điểm trung bình {…gpa}, xếp loại {…grade} [du] Tham gia ban cán sự lớp, hỗ trợ các bạn có hoàn cảnh khó khăn trong học tập. [du] Được chi bộ giao theo dõi, bồi dưỡng {…n} quần chúng ưu tú, các bạn đều đã học lớp nhận thức về Đảng. [du] Các phần việc được giao đều được thực hiện xong, không để tồn đọng.
#section commitment | 3. Kết quả thực hiện bản cam kết
[co] Bản đăng ký tu dưỡng, rèn luyện đầu năm được bản thân bám sát trong suốt năm.
#section parent | II. Những mặt còn yếu
#section weaknesses | 1. Khuyết điểm, tồn tại
- [we generic skills_lang] Khả năng sử dụng tiếng Anh trong công việc còn yếu.
- [we generic initiative] Đôi khi còn làm theo thói quen, thiếu chủ động đề xuất cách làm mới.
#section causes | 2. Lý do của tồn tại
[ca] Cách bố trí thời gian giữa công việc và học tập của bản thân chưa hợp lý.
#section remedy_earlier | III. Sửa chữa khuyết điểm năm trước
[re] Những điểm còn yếu được chi bộ góp ý năm trước đã được bản thân sửa chữa từng bước.
#section plan | VI. Hướng sửa chữa trong năm tới
- [pl vague skills_lang] Từng bước cải thiện khả năng tiếng Anh.
- [pl vague initiative] Mạnh dạn đề xuất cách làm mới trong công việc.
- [pl vague gen] Cố gắng làm tốt hơn nữa phần việc của mình trong năm tới.
#section parent | B. TỰ CHẤM ĐIỂM VÀ XẾP LOẠI
#rating self_rating | I. Điểm tự chấm
[ra] Cộng: …/100 điểm.
#rating self_rating | II. Mức đề nghị
[ra] Mức tự xếp loại: Hoàn thành tốt nhiệm vụ.
#footer
Mong các đồng chí chỉ ra thêm những điểm bản thân chưa nhận thấy.
NGƯỜI TỰ KIỂM ĐIỂM
