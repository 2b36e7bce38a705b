from pipeline.ingest.header import form_version, parse_header
from pipeline.text.normalize import normalize


def test_fields_from_an_individual_header(report_2024: str):
    info = parse_header(normalize(report_2024))
    assert info.name == "Nguyễn Thị Bích Ngọc"
    assert info.dob == "1985-07-04"
    assert info.unit == "Chi bộ Khu phố 3"
    assert info.year == 2024
    assert info.kind == "individual"
    assert info.role == "member"
    assert form_version(info.year, info.kind, info.role, info)[0] == "2023-02A"


def test_a_b_letters_swap_between_2023_and_2025():
    leader_2023 = parse_header(
        "BẢN KIỂM ĐIỂM CÁ NHÂN\nNăm 2024\nMẫu 02B-HD KĐ.ĐG 2023\n(Cá nhân giữ chức vụ lãnh đạo, quản lý)\nHọ và tên: A"
    )
    assert leader_2023.role == "leader"
    assert form_version(2024, "individual", leader_2023.role, leader_2023)[0] == "2023-02B"
    leader_2025 = parse_header(
        "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN\nNăm 2025\nMẫu 2A-HD KĐ.ĐG 2025\nHọ và tên: B"
    )
    assert leader_2025.role == "leader"
    assert form_version(2025, "individual", "leader", leader_2025)[0] == "2025-2A"
    member_2025 = parse_header(
        "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN NĂM 2025\n(Cá nhân không giữ chức vụ lãnh đạo, quản lý)\nHọ và tên: C"
    )
    assert member_2025.role == "member"
    assert form_version(2025, "individual", "member", member_2025)[0] == "2025-2B"
    outside = parse_header(
        "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN NĂM 2025\n(Đảng viên không làm việc trong hệ thống chính trị)\nHọ và tên: D"
    )
    assert form_version(2025, "individual", outside.role, outside)[0] == "2025-2C"


def test_collective_and_year_from_date_line():
    info = parse_header(
        "ĐẢNG BỘ XÃ AN PHÚ\nCHI BỘ THÔN 2\nAn Phú, ngày 05 tháng 01 năm 2025\nBÁO CÁO KIỂM ĐIỂM TẬP THỂ CHI BỘ"
    )
    assert info.kind == "collective"
    assert info.year == 2024  # a January date reviews the previous year
    assert info.unit == "Chi bộ Thôn 2"
    assert form_version(2024, "collective", "leader", info)[0] == "2023-collective"


def test_form_code_of_another_era_is_warned():
    info = parse_header("BẢN KIỂM ĐIỂM CÁ NHÂN\nNăm 2025\nMẫu 02A-HD KĐ.ĐG 2023\nHọ và tên: E")
    version, warnings = form_version(2025, "individual", "member", info)
    assert version == "2025-2B"
    assert any("2A-2023" in w and "2025" in w for w in warnings)


def test_header_typed_without_diacritics_is_read_folded(report_2024: str):
    from pipeline.text.normalize import strip_accents

    plain = strip_accents(normalize(report_2024))
    assert parse_header(plain).year is None  # the accented patterns find nothing there
    info = parse_header(plain, folded=True)
    assert info.name == "Nguyen Thi Bich Ngoc"
    assert info.dob == "1985-07-04"
    assert info.unit == "Chi bộ Khu pho 3"  # the field "Chi bo: ..." names the cell
    assert (info.year, info.kind, info.role) == (2024, "individual", "member")
    collective = parse_header(
        "DANG BO XA AN PHU\nCHI BO THON 2\nAn Phu, ngay 05 thang 01 nam 2025\nBAO CAO KIEM DIEM TAP THE CHI BO",
        folded=True,
    )
    assert (collective.kind, collective.year, collective.role) == ("collective", 2024, "leader")
    assert collective.unit == "Chi Bo Thon 2"


def test_folded_patterns_read_accented_text_the_same(report_2024: str):
    from pipeline.text.normalize import strip_accents

    accented = parse_header(normalize(report_2024))
    folded = parse_header(normalize(report_2024), folded=True)
    for field in ("dob", "year", "kind", "role", "form_code", "subtitle_role"):
        assert getattr(folded, field) == getattr(accented, field), field
    assert folded.name == strip_accents(accented.name or "")


def test_accentless_report_without_manifest_gets_its_header_fields(report_2024: str, tmp_path):
    from pipeline.prepare import prepare_file
    from pipeline.screen import default_segmenter
    from pipeline.text.normalize import strip_accents

    path = tmp_path / "khong_dau.txt"
    path.write_text(strip_accents(report_2024), encoding="utf-8")
    doc = prepare_file(path, None, default_segmenter())
    assert any("without Vietnamese diacritics" in w for w in doc.warnings)
    assert (doc.year, doc.kind, doc.role, doc.name) == (2024, "individual", "member", "Nguyen Thi Bich Ngoc")
    assert not any("not found in the header" in w for w in doc.warnings)
