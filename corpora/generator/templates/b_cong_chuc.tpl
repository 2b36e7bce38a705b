@id b_cong_chuc
@family b
@occupation civil_servant
@kind individual
@role member
@form 2023-02A
#header
ĐẢNG BỘ …
CHI BỘ …
*
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm …
BẢN KIỂM ĐIỂM CÁ NHÂN NĂM …
(Dùng cho cá nhân không giữ chức vụ lãnh đạo, quản lý)
Họ và tên: … Ngày sinh: …
Chức vụ Đảng: Đảng viên
Chức vụ chính quyền: Công chức …
Đơn vị công tác: …
Chi bộ: …
#section parent | I. NHỮNG MẶT MẠNH
#section ideology | 1. Mặt chính trị, tư tưởng
[id] Trước những diễn biến phức tạp của tình hình, tư tưởng luôn ổn định, niềm tin vào Đảng không hề suy giảm. [id] Kiên quyết không tiếp tay, không phát tán những quan điểm đi ngược đường lối của Đảng. [id] Tự soi, tự sửa theo các biểu hiện đã được nhận diện, bản thân chưa thấy dấu hiệu "tự diễn biến", "tự chuyển hóa".
#section ethics | 2. Mặt đạo đức và lối sống
[et] Không để lợi ích riêng chi phối công việc, không lợi dụng vị trí công tác để trục lợi. [et] Biết quý trọng của công, chi tiêu hợp lý, tránh phung phí. [et] Giữ được sự tôn trọng, tin cậy của anh chị em trong cơ quan và bà con lối xóm.
#section discipline | 3. Mặt tổ chức, kỷ luật
[di] Khi được giao việc không đùn đẩy, không chọn việc nhẹ, tránh việc khó. [di] Tuân thủ nội quy, quy chế của cơ quan, đơn vị một cách tự giác. [di att] Sinh hoạt chi bộ đủ các kỳ, đảng phí nộp đều hằng tháng.
#section working_style | 4. Mặt tác phong công tác
[ws] Khi tiếp xúc với người dân luôn niềm nở, hướng dẫn tận tình, không hách dịch. [ws] Công việc được sắp xếp theo thứ tự ưu tiên, có sổ theo dõi hằng tuần.
#section duties | 5. Kết quả công việc trong năm
- [du] Phần việc chính của tôi trong năm là tham mưu, giải quyết các thủ tục thuộc lĩnh vực {…area}
- [du] Hồ sơ của người dân được tiếp nhận, xử lý đúng quy trình, trả kết quả đúng hẹn.
- [du] Các báo cáo định kỳ, đột xuất được lập và gửi cấp trên theo yêu cầu.
- [du] Các phần việc được giao đều được thực hiện xong, không để tồn đọng.
#section commitment | 6. Mặt tu dưỡng, rèn luyện theo cam kết
[co] Bản đăng ký tu dưỡng, rèn luyện đầu năm được bản thân bám sát trong suốt năm.
#section parent | II. NHỮNG MẶT CÒN YẾU
#section weaknesses | 1. Khuyết điểm, tồn tại
- [we generic theory_study] Thời gian đọc, nghiên cứu các văn kiện, nghị quyết của Đảng còn ít.
- [we generic mass] Thời gian xuống cơ sở, tiếp xúc với người dân còn ít.
#section causes | 2. Lý do của tồn tại
[ca] Nhân lực của bộ phận mỏng, một người phải kiêm nhiệm nhiều việc. [ca] Ý thức tự nghiên cứu của bản thân chưa cao.
#section remedy_earlier | III. SỬA CHỮA KHUYẾT ĐIỂM NĂM TRƯỚC
[re] Đến nay các tồn tại đã nêu năm trước không còn lặp lại.
#section plan | IV. HƯỚNG SỬA CHỮA TRONG NĂM TỚI
- [pl vague theory_study] Dành thêm thời gian đọc tài liệu, nghị quyết của Đảng.
- [pl vague mass] Dành nhiều thời gian hơn cho việc tiếp xúc, lắng nghe người dân.
- [pl vague gen] Luôn tự nhắc nhở bản thân giữ gìn tư cách người đảng viên.
#rating self_rating | V. ĐỀ NGHỊ XẾP LOẠI
[ra] Đề nghị xếp loại: Hoàn thành tốt nhiệm vụ.
#footer
Bản kiểm điểm này được bản thân viết trung thực, xin chi bộ cho ý kiến.
NGƯỜI TỰ KIỂM ĐIỂM
