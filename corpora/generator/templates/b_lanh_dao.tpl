@id b_lanh_dao
@family b
@occupation leader
@kind individual
@role leader
@form 2025-2A
#header
ĐẢNG BỘ …
CHI BỘ …
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm 2025
Mẫu 02A-HD KĐ.ĐG 2025
BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN
Năm 2025
(Cá nhân giữ chức vụ lãnh đạo, quản lý)
Họ và tên: …
Ngày sinh: …
Chức vụ Đảng: …
Chức vụ chính quyền: …
Đơn vị công tác: …
Chi bộ: …
Nhìn lại một năm công tác, đối chiếu với Hướng dẫn số 43-HD/BTCTW ngày 31/10/2025 của Ban Tổ chức Trung ương, tôi tự kiểm điểm cụ thể:
#section parent | A. PHẦN THỨ NHẤT: KIỂM ĐIỂM
#section parent | I. Kết quả, mặt mạnh
#section ideology+ethics+discipline+working_style | 1. Các mặt chính trị, đạo đức, kỷ luật, lề lối công tác
[id] Bản lĩnh chính trị được giữ vững, một lòng tin theo chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh. [id] Tự soi, tự sửa theo các biểu hiện đã được nhận diện, bản thân chưa thấy dấu hiệu "tự diễn biến", "tự chuyển hóa".
[et] Không để lợi ích riêng chi phối công việc, không lợi dụng vị trí công tác để trục lợi. [et] Sống chân thành, mộc mạc, không đua đòi, không xa hoa.
[di] Bản thân làm tốt việc nêu gương, nói và làm đúng với cương vị của mình. [di] Bản kê khai tài sản, thu nhập được lập đầy đủ, trung thực. [di] Các phát ngôn trên mạng xã hội và nơi công cộng đều có chừng mực, đúng quy định.
[ws] Biết phối hợp nhịp nhàng với các bộ phận liên quan để công việc chung thông suốt.
#section duties | 2. Mặt công tác được phân công
[du] Với chức trách người đứng đầu, tôi trực tiếp điều hành các mặt công tác của đơn vị, phụ trách lĩnh vực {…area} [du] Nhiệm vụ của vị trí công tác được triển khai nghiêm túc, đúng quy trình.
#section leadership | 3. Vai trò lãnh đạo, quản lý
[le] Điều hành công việc chung bảo đảm dân chủ, công khai, minh bạch. [le] Đơn vị năm nay hoàn thành {…n} chỉ tiêu, trong đó {…n} chỉ tiêu vượt kế hoạch. [le] Quy tụ được anh chị em trong đơn vị, không để xảy ra mất đoàn kết. [le] Không né tránh việc khó, chịu trách nhiệm đến cùng với các quyết định của mình. [le] Người thân trong gia đình không lợi dụng chức vụ của bản thân để tác động vào công việc của đơn vị. [le] Công khai tài chính, tài sản của đơn vị theo đúng quy định, không để xảy ra thất thoát.
#section commitment | 4. Kết quả thực hiện bản cam kết
[co] Kết quả thực hiện cam kết được chi bộ ghi nhận.
#section parent | II. Những mặt còn yếu
#section weaknesses | 1. Khuyết điểm, tồn tại
- [we generic direction] Việc theo dõi, nhắc nhở các bộ phận thực hiện nhiệm vụ chưa sát sao.
- [we generic delegation] Còn trực tiếp làm nhiều việc sự vụ, chưa tập trung cho công việc quản lý.
#section causes | 2. Lý do của tồn tại
[ca] Nhân lực của bộ phận mỏng, một người phải kiêm nhiệm nhiều việc. [ca] Việc theo dõi, đôn đốc của bản thân thiếu quyết liệt.
#section remedy_earlier | III. Kết quả sửa chữa tồn tại kỳ trước
[re] Đến nay các tồn tại đã nêu năm trước không còn lặp lại.
#section explanations | IV. Nội dung giải trình
[ot] Cấp trên không gợi ý nội dung kiểm điểm đối với bản thân.
#section collective_responsibility | V. Trách nhiệm liên đới với chi bộ
[cr] Những tồn tại của chi bộ cũng có phần trách nhiệm của bản thân.
#section plan | VI. Giải pháp năm tới
- [pl vague direction] Theo dõi sát hơn việc thực hiện nhiệm vụ của các bộ phận.
- [pl vague delegation] Giao việc rõ người, rõ việc, bớt trực tiếp làm thay.
#section parent | B. PHẦN THỨ HAI: TỰ CHẤM ĐIỂM, XẾP LOẠI
#rating self_rating | I. Điểm tự chấm
[ra] Điểm nhóm tiêu chí chung: …/30. [ra] Điểm kết quả thực hiện nhiệm vụ: …/70. [ra] Cộng: …/100 điểm.
#rating self_rating | II. Mức đề nghị
[ra] Đề nghị mức: Hoàn thành tốt nhiệm vụ.
#footer
Mọi ý kiến đóng góp bản thân xin được lắng nghe và tiếp thu.
NGƯỜI TỰ KIỂM ĐIỂM
