@id b_bac_si
@family b
@occupation doctor
@kind individual
@role member
@form 2019
#header
Mẫu 02-HD KĐ.ĐG 2019
ĐẢNG BỘ …
CHI BỘ KHOA …
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm …
BẢN KIỂM ĐIỂM CÁ NHÂN
Năm …
Họ và tên: …
Ngày sinh: …
Chức vụ Đảng: Đảng viên
Chức vụ chính quyền: …
Đơn vị công tác: Khoa …, Trung tâm Y tế …
Chi bộ: …
#section parent | I. KẾT QUẢ, MẶT MẠNH
#section ideology+ethics+discipline+working_style | 1. Các mặt chính trị, đạo đức, kỷ luật, lề lối công tác
[id] Bản lĩnh chính trị được giữ vững, một lòng tin theo chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh. [id] Mọi lời nói, việc làm đều hướng theo mục tiêu độc lập dân tộc và chủ nghĩa xã hội.
[et] Người thầy thuốc phải có tâm, tôi luôn đặt sức khỏe, tính mạng của người bệnh lên trước hết. [et] Biết quý trọng của công, chi tiêu hợp lý, tránh phung phí. [et] Đón nhận góp ý một cách thẳng thắn, coi đó là dịp để tự hoàn thiện mình.
[di] Tuân thủ nội quy, quy chế của cơ quan, đơn vị một cách tự giác. [di] Không vi phạm những điều đảng viên không được làm.
[ws] Biết phối hợp nhịp nhàng với các bộ phận liên quan để công việc chung thông suốt. [ws] Sẵn sàng nhận việc khó, làm thêm giờ khi công việc đòi hỏi.
#section duties | 2. Mặt công tác được phân công
[du] Cả năm đã khám, điều trị cho {…n} lượt bệnh nhân, tham gia {…n} phiên trực theo lịch của khoa. [du] Bệnh án được hoàn thiện theo đúng mẫu của Bộ Y tế. [du] Các y lệnh được thực hiện chính xác, kịp thời. [du] Nhiệm vụ của vị trí công tác được triển khai nghiêm túc, đúng quy trình.
#section commitment | 3. Mặt tu dưỡng, rèn luyện theo cam kết
[co] Kết quả thực hiện cam kết được chi bộ ghi nhận.
#section parent | II. MẶT CÒN TỒN TẠI VÀ LÝ DO
#section weaknesses | 1. Mặt còn tồn tại
- [we generic professional] Kiến thức chuyên môn chưa được cập nhật thường xuyên theo yêu cầu mới.
- [we generic skills_lang] Khả năng sử dụng tiếng Anh trong công việc còn yếu.
#section causes | 2. Lý do của tồn tại
[ca] Máy móc, phương tiện phục vụ công việc đã cũ, hay hỏng hóc. [ca] Cách bố trí thời gian giữa công việc và học tập của bản thân chưa hợp lý.
#section remedy_earlier | III. KẾT QUẢ SỬA CHỮA TỒN TẠI KỲ TRƯỚC
[re] Một số tồn tại vẫn đang được bản thân tiếp tục sửa chữa.
#section explanations | IV. NỘI DUNG GIẢI TRÌNH
[ot] Năm nay bản thân không có nội dung phải giải trình.
#section collective_responsibility | V. TRÁCH NHIỆM LIÊN ĐỚI VỚI CHI BỘ
[cr] Bản thân chia sẻ trách nhiệm với tập thể về các mặt còn hạn chế của đơn vị.
#section plan | VI. GIẢI PHÁP NĂM TỚI
- [pl vague professional] Chịu khó cập nhật kiến thức chuyên môn mới.
- [pl vague gen] Giữ vững những mặt đã làm được, từng bước sửa chữa những điểm còn yếu.
#rating self_rating | VII. ĐỀ NGHỊ XẾP LOẠI
[ra] Là công chức, viên chức: Hoàn thành tốt nhiệm vụ.
[ra] Là đảng viên: Hoàn thành tốt nhiệm vụ.
#footer
NGƯỜI TỰ KIỂM ĐIỂM
