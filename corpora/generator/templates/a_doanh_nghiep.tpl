@id a_doanh_nghiep
@family a
@occupation enterprise
@kind individual
@role member
@form 2019
#header
ĐẢNG BỘ …
CHI BỘ …
ĐẢNG CỘNG SẢN VIỆT NAM
…, ngày … tháng … năm …
Mẫu 02-HD KĐ.ĐG 2019
BẢN KIỂM ĐIỂM CÁ NHÂN
Năm …
Họ và tên: …
Ngày sinh: …
Chức vụ Đảng: …
Chức vụ chính quyền: …
Đơn vị công tác: Công ty …
Chi bộ: …
#section parent | I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC
#section ideology+ethics+discipline+working_style | 1. Về phẩm chất chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc
[id] Luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, kiên định mục tiêu độc lập dân tộc và chủ nghĩa xã hội. [id] Luôn đặt lợi ích của Đảng, của tập thể lên trên lợi ích cá nhân.
[et] Có phẩm chất đạo đức tốt, lối sống trong sáng, lành mạnh, giản dị, trung thực. [et] Luôn giữ gìn đoàn kết nội bộ, có tinh thần tương thân tương ái, giúp đỡ đồng nghiệp.
[di] Chấp hành nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình, quy chế làm việc của cơ quan. [di] Chấp hành nghiêm nội quy lao động, quy định về an toàn lao động của công ty. [di] Không vi phạm những điều đảng viên không được làm.
[ws] Luôn chủ động, sáng tạo trong công việc, phối hợp tốt với đồng nghiệp.
#section duties | 2. Về thực hiện chức trách, nhiệm vụ được giao
- [du] Được phân công công tác tại phòng {…dept}, bản thân luôn hoàn thành công việc với tinh thần trách nhiệm cao.
- [du] Thực hiện tốt các quy trình, quy định của công ty, bảo đảm an toàn trong sản xuất, kinh doanh.
- [du] Tham gia đầy đủ các hoạt động chuyên môn và phong trào thi đua do cơ quan phát động.
- [du] Tích cực tham gia phong trào phát huy sáng kiến, cải tiến kỹ thuật, tiết kiệm chi phí cho công ty.
- [du] Khối lượng, chất lượng và tiến độ công việc cơ bản đáp ứng yêu cầu.
#section commitment | 3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm
[co] Thực hiện đúng cam kết tu dưỡng, rèn luyện, phấn đấu đã đăng ký đầu năm.
#section parent | II. NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN
#section weaknesses | 1. Hạn chế, khuyết điểm
- [we generic initiative] Có thời điểm chưa chủ động, sáng tạo trong công việc.
- [we generic deadline] Một số nhiệm vụ hoàn thành còn chậm so với kế hoạch.
#section causes | 2. Nguyên nhân
[ca] Khối lượng công việc nhiều, nhiều nhiệm vụ đột xuất phát sinh. [ca] Bản thân chưa chủ động sắp xếp thời gian hợp lý.
#section remedy_earlier | III. KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CẤP CÓ THẨM QUYỀN KẾT LUẬN HOẶC ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC
[re] Các hạn chế nêu ra ở kỳ kiểm điểm trước cơ bản đã được khắc phục.
#section explanations | IV. GIẢI TRÌNH NHỮNG VẤN ĐỀ ĐƯỢC GỢI Ý KIỂM ĐIỂM (NẾU CÓ)
[ot] Không có.
#section collective_responsibility | V. LÀM RÕ TRÁCH NHIỆM CỦA CÁ NHÂN ĐỐI VỚI NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM CỦA TẬP THỂ (NẾU CÓ)
[cr] Không.
#section plan | VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM
- [pl vague initiative] Chủ động, sáng tạo hơn nữa trong thực hiện nhiệm vụ.
- [pl vague deadline] Sắp xếp công việc khoa học hơn để bảo đảm tiến độ.
- [pl vague gen] Nâng cao tinh thần trách nhiệm, hoàn thành tốt nhiệm vụ được giao trong thời gian tới.
#rating self_rating | VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG
[ra] Xếp loại cán bộ, công chức, viên chức: Hoàn thành tốt nhiệm vụ.
[ra] Xếp loại đảng viên: Hoàn thành tốt nhiệm vụ.
#footer
NGƯỜI TỰ KIỂM ĐIỂM
(Ký, ghi rõ họ tên)
