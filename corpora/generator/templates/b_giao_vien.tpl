@id b_giao_vien
@family b
@occupation teacher
@kind individual
@role member
@form 2025-2B
#header
ĐẢNG BỘ …
CHI BỘ TRƯỜNG …
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng 12 năm 2025
BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN
Năm 2025
(Cá nhân không giữ chức vụ lãnh đạo, quản lý)
Họ và tên: …
Ngày sinh: …
Đơn vị công tác: Trường …
Chi bộ: …
Theo Hướng dẫn số 43-HD/BTCTW ngày 31/10/2025 của Ban Tổ chức Trung ương, tôi viết bản kiểm điểm gồm các nội dung dưới đây:
#section parent | A. NỘI DUNG KIỂM ĐIỂM
#section parent | I. Mặt làm được
#section ideology+ethics | 1. Chính trị tư tưởng, đạo đức và lối sống
- [id] Bản lĩnh chính trị được giữ vững, một lòng tin theo chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.
- [id] Nắm chắc và thực hiện đúng các quan điểm, đường lối của Đảng, chính sách, pháp luật của Nhà nước.
- [id] Đứng trên bục giảng, tôi luôn ý thức mỗi bài dạy phải góp phần hình thành nhân cách, lòng yêu nước cho học trò.
- [et] Sống chân thành, mộc mạc, không đua đòi, không xa hoa.
- [et] Trong quan hệ với đồng nghiệp luôn cởi mở, sẵn sàng chia sẻ khó khăn, không kèn cựa, đố kỵ.
- [et] Không ép học sinh học thêm, không nhận quà biếu của phụ huynh dưới bất kỳ hình thức nào.
#section discipline+working_style | 2. Kỷ luật và phong cách công tác
- [di] Mọi quyết định của tổ chức đều được bản thân chấp hành nghiêm, có ý kiến thì phát biểu trong cuộc họp, không nói sau lưng.
- [di att] Có mặt đầy đủ ở các kỳ họp chi bộ, nộp đảng phí hằng tháng đúng hạn.
- [di] Không vi phạm những điều đảng viên không được làm.
- [di] Các phát ngôn trên mạng xã hội và nơi công cộng đều có chừng mực, đúng quy định.
- [ws] Cách làm việc gọn gàng, rõ ràng, việc nào xong việc đó.
#section duties | 3. Kết quả công tác chuyên môn
[du] Năm học {…year}, tôi dạy môn {…subject} ở các lớp {…klass}, làm chủ nhiệm lớp {…klass} [du] Giáo án được soạn theo chương trình giáo dục phổ thông mới, có điều chỉnh phù hợp với từng đối tượng học sinh. [du] Các tiết dự giờ đều được tổ chuyên môn đánh giá đạt yêu cầu trở lên. [du] Nhìn chung công việc chuyên môn đạt yêu cầu đề ra.
#section commitment | 4. Kết quả thực hiện bản cam kết
[co] Những điều đã hứa với chi bộ, bản thân đều cố gắng làm được.
#section parent | II. Tồn tại, khuyết điểm và lý do
#section weaknesses+causes | Tồn tại và nguyên nhân
- [we generic criticism] Trong các cuộc họp còn ngại phát biểu, ít nêu ý kiến góp ý cho đồng chí, đồng nghiệp.
- [we generic skills_it] Kỹ năng sử dụng các phần mềm, ứng dụng công nghệ thông tin chưa thành thạo.
- [ca] Tính cách còn rụt rè, ngại nói trước đông người. [ca] Công việc chuyên môn dồn dập, nhất là vào những tháng cuối năm.
#section remedy_earlier | III. Sửa chữa khuyết điểm năm trước
[re] Những điểm còn yếu được chi bộ góp ý năm trước đã được bản thân sửa chữa từng bước.
#section explanations | IV. Những vấn đề phải giải trình
[ot] Không phát sinh.
#section collective_responsibility | V. Phần trách nhiệm với tập thể
[cr] Những tồn tại của chi bộ cũng có phần trách nhiệm của bản thân.
#section plan | VI. Hướng sửa chữa trong năm tới
- [pl vague criticism m1] Chuẩn bị kỹ ý kiến trước mỗi cuộc họp để phát biểu thẳng thắn hơn.
- [pl vague skills_it] Học thêm cách sử dụng các phần mềm phục vụ công việc.
- [pl vague gen] Cố gắng làm tốt hơn nữa phần việc của mình trong năm tới.
#section parent | B. TỰ CHẤM ĐIỂM VÀ XẾP LOẠI
#rating self_rating | I. Điểm tự chấm
[ra] Điểm nhóm tiêu chí chung: …/30. [ra] Điểm kết quả thực hiện nhiệm vụ: …/70. [ra] Cộng: …/100 điểm.
#rating self_rating | II. Mức đề nghị
[ra] Đề nghị mức: Hoàn thành tốt nhiệm vụ.
#footer
NGƯỜI TỰ KIỂM ĐIỂM
