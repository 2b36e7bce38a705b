"""Template bank (``soi bank add``) and genre tells."""

from __future__ import annotations

import docx

from pipeline.stages.reuse import ReuseStage, tells
from pipeline.stages.reuse.bank import add_to_bank, default_bank_dirs, load_templates

from .helpers import CASES, load_cases


def test_add_to_bank_txt_and_docx(tmp_path):
    src = tmp_path / "samples"
    src.mkdir()
    (src / "mẫu giáo viên.txt").write_text("Bản thân luôn trung thành…… hoà đồng\r\n", encoding="utf-8")
    d = docx.Document()
    d.add_paragraph("BẢN KIỂM ĐIỂM CÁ NHÂN")
    d.add_paragraph("Luôn giữ gìn phẩm chất đạo đức của người đảng viên.")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "ĐẢNG BỘ ………"
    t.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    d.save(src / "mau_hoatieu.docx")
    (src / "broken.docx").write_bytes(b"not a zip")
    (src / "empty.txt").write_text("  \n", encoding="utf-8")
    (src / "notes.pdf").write_bytes(b"%PDF")
    bank = tmp_path / "bank"
    ids = add_to_bank(src, bank)
    assert ids == ["mau_hoatieu", "mẫu_giáo_viên"]
    txt = (bank / "mẫu_giáo_viên.txt").read_text(encoding="utf-8")
    assert txt == "Bản thân luôn trung thành… hòa đồng\n"  # normalised: leaders, tone placement
    loaded = load_templates([bank], include_repo=False)
    assert set(loaded) == set(ids)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in loaded["mau_hoatieu"]


def test_bank_env(monkeypatch, tmp_path):
    monkeypatch.setenv("SOI_BANK", str(tmp_path / "b"))
    assert default_bank_dirs() == [tmp_path / "b"]
    monkeypatch.delenv("SOI_BANK")
    assert default_bank_dirs()[0].name == "bank"


def test_user_bank_finds_the_sample(tmp_path):
    ids = add_to_bank(CASES / "templates", tmp_path / "bank")
    b = load_cases(["hoa_2024_tpl.txt", "lan_2024.txt"])
    ReuseStage(bank_dirs=[tmp_path / "bank"], include_repo_templates=False).run(b)
    f = b.findings.set_index(["doc_id", "finding"])
    assert f.loc[("U05-M001-2024", "template_heavy"), "flag"] == 1
    assert f.loc[("U05-M001-2024", "template_heavy"), "detail"] == ids[0]
    assert f.loc[("U03-M001-2024", "template_heavy"), "flag"] == 0
    assert b.params["reuse"]["templates"] == ids


def test_year_tells():
    text = (
        "Trong năm 2023 bản thân đã dạy tốt. Năm học 2023 - 2024 đạt kết quả. Kỳ kiểm điểm năm 2023 chỉ ra."
    )
    assert tells.year_tells(text, 2024) == ["Trong năm 2023"]
    assert tells.year_tells(text, 2023) == []
    assert tells.year_tells("BẢN KIỂM ĐIỂM\nNăm 2022\n", 2024) == ["Năm 2022"]


def test_regulation_tells():
    text = "Thực hiện Quy định số 132-QĐ/TW và Hướng dẫn 25-HD/BTCTW."
    assert tells.regulation_tells(text, 2022) == []
    assert tells.regulation_tells(text, 2024) == ["132-QĐ/TW"]
    assert tells.regulation_tells(text, 2025) == ["132-QĐ/TW", "25-HD/BTCTW"]


def test_name_and_placeholder_tells():
    text = "Họ và tên: Lê Minh Tuấn\n…\nNGƯỜI TỰ KIỂM ĐIỂM\nNguyễn Văn Hùng"
    assert tells.name_tells(text, "Lê Minh Tuấn", ["Nguyễn Văn Hùng", "Lê Minh Tuấn", "Hùng"]) == [
        "Nguyễn Văn Hùng"
    ]
    assert tells.placeholder_tells("Họ và tên: Nguyễn Văn A\nVí dụ: ghi kết quả\nĐơn vị: XXX") == [
        "Nguyễn Văn A",
        "Ví dụ:",
        "XXX",
    ]
    assert tells.placeholder_tells("Kết quả: 12 hồ sơ.") == []


def test_bank_cli(tmp_path):
    from click.testing import CliRunner

    from pipeline.stages.reuse.cli import bank

    src = tmp_path / "s"
    src.mkdir()
    (src / "mau.txt").write_text("Bản thân luôn trung thành với Đảng.", encoding="utf-8")
    res = CliRunner().invoke(bank, ["add", str(src), "--bank", str(tmp_path / "b")])
    assert res.exit_code == 0, res.output
    assert "1 template(s)" in res.output and "mau" in res.output
    res = CliRunner().invoke(bank, ["list", "--bank", str(tmp_path / "b")])
    assert res.exit_code == 0 and "mau\t" in res.output


def test_header_post_and_post_lean():
    from pipeline.stages.reuse.tells import header_post, post_lean

    head = "Họ và tên: Trịnh Văn An\nChức vụ Đảng: Đảng viên\nChức vụ chính quyền: Kế toán ngân hàng\n"
    assert header_post(head) == "kế toán ngân hàng"
    assert header_post("Chức vụ chính quyền: Không\n") == ""
    assert header_post("Chức vụ: …\n") == ""
    text = "Với cương vị kế toán ngân hàng, bản thân đã đối chiếu 1.200 chứng từ."
    assert post_lean(text, "thủ quỹ", "kế toán ngân hàng") == 1  # names the other's post: copied
    assert post_lean(text, "kế toán ngân hàng", "thủ quỹ") == -1
    # the shorter post inside the longer one only counts outside it
    assert post_lean(text, "kế toán", "kế toán ngân hàng") == 1
    assert post_lean(text, "kế toán ngân hàng", "kế toán") == -1
    assert post_lean(text, "kế toán ngân hàng", "kế toán ngân hàng") == 0
    assert post_lean("Hoàn thành tốt nhiệm vụ.", "thủ quỹ", "kế toán") == 0
