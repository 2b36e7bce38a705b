"""The direct .docx path (XML parts read straight from the checked zip) gives python-docx's text,
and hands every package it does not find ordinary to python-docx, which then fails as before."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx_builder import make_docx, set_font

from pipeline.ingest import readers
from pipeline.ingest.readers import IngestError, read_document

REPO = Path(__file__).resolve().parents[2]


def _both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """(direct, python-docx) reading of one file: text and warnings, or the error message."""

    def read() -> object:
        try:
            doc = read_document(path)
        except IngestError as exc:
            return str(exc)
        return doc.text, doc.warnings

    direct = read()
    with monkeypatch.context() as m:
        m.setattr(readers, "_direct_parts", lambda parts: None)
        return direct, read()


def _styled(path: Path) -> Path:
    """Paragraph styles with fonts, a legacy-font run, a nested table, a merged cell, a break."""
    document = docx.Document()
    document.add_paragraph("BẢN KIỂM ĐIỂM CÁ NHÂN", style="Heading 1")
    run = document.add_paragraph().add_run("§¶ng viªn")
    set_font(run, ".VnTime")
    p = document.add_paragraph("Dòng một")
    p.add_run().add_break()
    p.add_run("dòng hai\tcột")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Gộp dọc"
    table.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "Bảng lồng"
    table.cell(1, 1).text = "b"
    document.save(str(path))
    return path


def test_direct_text_equals_python_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    files = [
        _styled(tmp_path / "styled.docx"),
        make_docx(tmp_path / "t.docx", ["Tiêu đề", [["a", "b"], ["c", "d"]], "Cuối"]),
        *sorted((REPO / "corpora" / "sample").rglob("*.docx"))[:4],
    ]
    for path in files:
        assert readers._direct_parts(readers._checked_parts(path.read_bytes())) is not None, path
        direct, via_docx = _both(path, monkeypatch)
        assert direct == via_docx, path
    assert "Đảng viên" in direct_text(files[0]) and "Bảng lồng" in direct_text(files[0])


def direct_text(path: Path) -> str:
    return read_document(path).text


def _rewrite(src: Path, dst: Path, drop: str = "", replace: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == drop:
                continue
            data = (replace or {}).get(info.filename, zin.read(info.filename))
            zout.writestr(info.filename, data)
    return dst


def test_odd_packages_go_to_python_docx_and_fail_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    good = make_docx(tmp_path / "good.docx", ["Nội dung"])
    odd = [
        _rewrite(good, tmp_path / "nostyles.docx", drop="word/styles.xml"),
        _rewrite(good, tmp_path / "badsettings.docx", replace={"word/settings.xml": b"<w:settings"}),
        _rewrite(good, tmp_path / "badrels.docx", replace={"_rels/.rels": b"<Relationships"}),
        _rewrite(good, tmp_path / "nodoctype.docx", replace={"[Content_Types].xml": b"<Types/>"}),
    ]
    for path in odd:
        assert readers._direct_parts(readers._checked_parts(path.read_bytes())) is None, path
        direct, via_docx = _both(path, monkeypatch)
        assert direct == via_docx and isinstance(direct, str), (path, direct)
    # a package without a styles relationship reads with python-docx's default styles
    rels = zipfile.ZipFile(io.BytesIO(good.read_bytes())).read("word/_rels/document.xml.rels")
    unstyled = rels.replace(b"relationships/styles", b"relationships/stylesX")
    path = _rewrite(good, tmp_path / "unstyled.docx", replace={"word/_rels/document.xml.rels": unstyled})
    assert readers._direct_parts(readers._checked_parts(path.read_bytes())) is None
    assert read_document(path).text == "Nội dung"
