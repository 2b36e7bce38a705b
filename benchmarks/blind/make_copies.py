"""Derive the blind set's copied reports from their hand-written sources, and its .docx files.

The copies are what a member does by hand: take the source file, change a few strings (the
year, some figures, the name) and hand it in. Writing them as explicit replacement lists keeps
every change visible and the copies reproducible. Run once after editing a source:

    .venv/bin/python benchmarks/blind/make_copies.py

b02 = b01 one year on (year and figures changed), b04 = b03 moved into the 2025 form (header,
year and figures changed, body kept), b28 = b27 with the name, birth date and date changed.
Three hand-written .txt reports (b17, b34, b36) are converted to .docx (one paragraph per line,
the header fields in a two-column table for b34) and the .txt removed.
"""

from __future__ import annotations

import io
import os
import tempfile
import unicodedata
from pathlib import Path

BLIND = Path(__file__).resolve().parents[2] / "corpora" / "labelled" / "blind"

#: (source, copy, [(old, new), ...]); every old string must occur in the source.
COPIES: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "b01_thuy_loi_ky_thuat_vien_2023.txt",
        "b02_thuy_loi_ky_thuat_vien_2024.txt",
        [
            ("ngày 12 tháng 12 năm 2023", "ngày 11 tháng 12 năm 2024"),
            ("Năm 2023\n", "Năm 2024\n"),
            ("1.240 ha", "1.255 ha"),
            ("1.180 ha", "1.190 ha"),
            ("860 ha trong đợt mưa lớn cuối tháng 9/2023", "910 ha trong đợt mưa lớn cuối tháng 9/2024"),
            ("4,6 km", "5,2 km"),
            ("38 triệu", "41 triệu"),
            ("giảm 4,1% so với năm 2022", "giảm 3,6% so với năm 2023"),
        ],
    ),
    (
        "b03_bhxh_giam_dinh_bhyt_2024.txt",
        "b04_bhxh_giam_dinh_bhyt_2025.txt",
        [
            ("ngày 16 tháng 12 năm 2024", "ngày 12 tháng 12 năm 2025"),
            ("Mẫu 02A-HD KĐ.ĐG 2023", "Mẫu 2B-HD KĐ.ĐG 2025"),
            (
                "BẢN KIỂM ĐIỂM CÁ NHÂN\nNăm 2024\n(Dùng cho cá nhân không giữ",
                "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN\nNăm 2025\n(Dùng cho đảng viên không giữ",
            ),
            (
                "tôi tự kiểm điểm năm 2024 như sau:\n",
                "tôi tự kiểm điểm năm 2025 như sau:\n\nA. NỘI DUNG KIỂM ĐIỂM\n",
            ),
            ("chuyên đề năm 2024", "chuyên đề năm 2025"),
            ("năm 2024 tôi đã:", "năm 2025 tôi đã:"),
            ("41.300 hồ sơ", "43.850 hồ sơ"),
            ("612 triệu", "655 triệu"),
            ("27 ý kiến", "31 ý kiến"),
            ("tháng 7/2024", "tháng 7/2025"),
            ("Năm 2023 chi bộ góp ý", "Năm 2024 chi bộ góp ý"),
            ("Năm 2024 tôi đã báo cáo", "Năm 2025 tôi đã báo cáo"),
            ("92,8%, thấp hơn chỉ tiêu 94%", "93,4%, thấp hơn chỉ tiêu 95%"),
            ("trong năm 2025.", "trong năm 2026."),
            (
                "VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG: Hoàn thành tốt nhiệm vụ.",
                "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI\nNhóm tiêu chí chung 27/30; Nhóm tiêu chí về kết quả "
                "thực hiện nhiệm vụ 58/70; Tổng điểm 85/100.\nĐề xuất xếp loại: Hoàn thành tốt nhiệm vụ.",
            ),
        ],
    ),
    (
        "b27_quan_ly_thi_truong_kiem_soat_vien_2024.txt",
        "b28_quan_ly_thi_truong_kiem_soat_vien_2_2024.txt",
        [
            ("ngày 09 tháng 12 năm 2024", "ngày 10 tháng 12 năm 2024"),
            ("Họ và tên: Lương Văn Toản", "Họ và tên: Bùi Đức Thịnh"),
            ("22/4/1983", "07/01/1986"),
            ("NGƯỜI TỰ KIỂM ĐIỂM\nLương Văn Toản", "NGƯỜI TỰ KIỂM ĐIỂM\nBùi Đức Thịnh"),
        ],
    ),
]

#: Hand-written .txt reports handed in as .docx; the value says whether the header fields
#: (the lines before the first Roman-numeral or lettered part) go into a two-column table.
DOCX: dict[str, bool] = {
    "b17_cang_ca_truong_ban_2025.txt": False,
    "b34_kiem_toan_nha_nuoc_kiem_toan_vien_2025.txt": True,
    "b36_dai_hoc_hieu_truong_2023.txt": False,
}


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def apply_replacements(text: str, replacements: list[tuple[str, str]]) -> str:
    """Apply each (old, new) pair once; fail loudly when ``old`` is missing."""
    for old, new in replacements:
        if old not in text:
            raise ValueError(f"not found in source: {old!r}")
        text = text.replace(old, new)
    return unicodedata.normalize("NFC", text)


def to_docx(txt: Path, header_table: bool) -> Path:
    """Save a text report as .docx (one paragraph per line) next to it and return the path."""
    import docx  # python-docx, imported here so the copies need nothing beyond the stdlib

    lines = txt.read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    if header_table:
        field_lines = [line for line in lines[:20] if ":" in line and line.split(":")[0].strip() in _FIELDS]
        table = document.add_table(rows=len(field_lines), cols=2)
        for row, line in zip(table.rows, field_lines, strict=True):
            key, value = line.split(":", 1)
            row.cells[0].text = key.strip() + ":"
            row.cells[1].text = value.strip()
        lines = [line for line in lines if line not in field_lines]
    for line in lines:
        paragraph = document.add_paragraph(line)
        if line.isupper() and line.strip():
            for run in paragraph.runs:
                run.bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    out = txt.with_suffix(".docx")
    _write_atomic(out, buffer.getvalue())
    return out


_FIELDS = {"Họ và tên", "Ngày sinh", "Đơn vị công tác", "Chi bộ"}


def main() -> None:
    """Write the copies and the .docx files."""
    for source, copy, replacements in COPIES:
        text = (BLIND / source).read_text(encoding="utf-8")
        _write_atomic(BLIND / copy, apply_replacements(text, replacements).encode("utf-8"))
    for name, header_table in DOCX.items():
        txt = BLIND / name
        if txt.exists():
            to_docx(txt, header_table)
            txt.unlink()


if __name__ == "__main__":
    main()
