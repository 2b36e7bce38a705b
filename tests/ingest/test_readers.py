from pathlib import Path

import pytest
from docx_builder import make_docx

from pipeline.ingest.readers import _DTD_MARKS, IngestError, _declares_dtd, read_document


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path):
    path = make_docx(
        tmp_path / "r.docx",
        [
            "BẢN KIỂM ĐIỂM CÁ NHÂN",
            [
                ["1. Về tư tưởng chính trị", "Luôn trung thành với Đảng."],
                ["2. Về đạo đức, lối sống", "Sống giản dị."],
            ],
            "II. HẠN CHẾ, KHUYẾT ĐIỂM",
        ],
    )
    lines = read_document(path).text.split("\n")
    assert lines == [
        "BẢN KIỂM ĐIỂM CÁ NHÂN",
        "1. Về tư tưởng chính trị",
        "Luôn trung thành với Đảng.",
        "2. Về đạo đức, lối sống",
        "Sống giản dị.",
        "II. HẠN CHẾ, KHUYẾT ĐIỂM",
    ]


def test_merged_cells_are_read_once(tmp_path: Path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Gộp dọc"
    table.cell(0, 1).text = "a"
    table.cell(1, 1).text = "b"
    document.save(str(tmp_path / "m.docx"))
    assert read_document(tmp_path / "m.docx").text.split("\n") == ["Gộp dọc", "a", "b"]


def test_markdown_is_flattened_like_docx(tmp_path: Path):
    path = tmp_path / "r.md"
    path.write_text(
        "# I. ƯU ĐIỂM\n**1. Về tư tưởng chính trị:** tốt\n\n| STT | Kết quả |\n|---|---|\n| 1 | 120 hồ sơ |\n",
        encoding="utf-8",
    )
    assert read_document(path).text.split("\n") == [
        "I. ƯU ĐIỂM",
        "1. Về tư tưởng chính trị: tốt",
        "",
        "STT",
        "Kết quả",
        "1",
        "120 hồ sơ",
    ]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("junk.txt", bytes(range(256)) * 8, "binary content"),
        ("broken.docx", b"PK\x03\x04 truncated", "corrupt or truncated .docx"),
        ("renamed.docx", b"plain text, not a Word file at all", "corrupt .docx"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".doc"),
        ("scan.pdf", b"%PDF-1.4\n%binary", "PDF"),
        ("sheet.xlsx", b"PK\x03\x04", "unsupported file type"),
        (
            "locked.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100,
            "password-protected",
        ),
    ],
)
def test_bad_files_give_plain_reasons(tmp_path: Path, name: str, data: bytes, reason: str):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError, match=reason):
        read_document(path)


def test_docx_without_document_part(tmp_path: Path):
    import zipfile

    path = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(IngestError, match="not a Word document"):
        read_document(path)


def test_dtd_check_pre_scan_misses_no_mark():
    assert all(b"!" in mark for mark in _DTD_MARKS)  # what the one-byte pre-scan relies on
    for codec in ("utf-8", "utf-16-le", "utf-16-be"):
        for prolog in ('<!DOCTYPE w:document [<!ENTITY a "b">]>', "<!doctype html>", '<!ENTITY x "y">'):
            xml = f'<?xml version="1.0"?>\n{prolog}<w:document>Xin chào!</w:document>'
            assert _declares_dtd(xml.encode(codec))
        assert not _declares_dtd("<w:t>Tốt lắm! <!-- note --></w:t>".encode(codec))
        assert not _declares_dtd("<w:t>không có dấu chấm than</w:t>".encode(codec))
