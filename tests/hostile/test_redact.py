"""``--redact``: outputs to share outside the commission, with people pseudonymised.

A batch where names and dates of birth sit everywhere a screen carries them: headers, signature
blocks in capitals, a colleague's copy (the name reaches matches.csv), "đồng chí …" mentions, a
report typed without diacritics, file names, a duplicate file (file names in warnings), a file
that cannot be read (errors.csv), phone numbers. Every output file (CSV, JSON, HTML, the XML
inside the workbook) is searched for every form of every name and date of birth.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.report.outputs import write_outputs
from pipeline.report.redact import redact
from pipeline.text.normalize import strip_accents

from .builders import _build, docx_bytes, good_report, person

SECRETARY = "Trần Quốc Hưng"
COLLEAGUE = "Phạm Minh Tuấn"
PHONE = "0912 345 678"
#: People outside the batch and identifiers in running text (no "Field:" before them).
OUTSIDERS = ("Lê Văn Bình", "Đỗ Thị Hoa", "đ/c Hùng", "001085012345", "ngoc.nt@example.vn", "sinh năm 1985")
FREE_TEXT_LINE = (
    "Phối hợp với anh Lê Văn Bình (Trưởng thôn) và Trưởng ban Đỗ Thị Hoa; đ/c Hùng góp ý. "
    "Liên hệ ngoc.nt@example.vn, CCCD 001085012345; vợ tôi sinh năm 1985. "
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."
)
PEOPLE = [50, 51, 52, 53]


#: A line naming a colleague who is a member of the batch (person 50), in person 51's reports.
PARTNER_LINE = "Phối hợp với {} hoàn thành hồ sơ kiểm tra 12 đơn vị trước ngày 30/11."


def _report(i: int, year: int) -> str:
    name, _ = person(i)
    text = good_report(i, year=year)
    text = text.replace("Chức vụ Đảng: Đảng viên", f"Chức vụ Đảng: Đảng viên\nĐiện thoại: {PHONE}")
    text = text.replace(
        "2. Nguyên nhân:",
        f"Được đồng chí {COLLEAGUE} nhắc nhở về việc nộp báo cáo chậm.\n{FREE_TEXT_LINE}\n2. Nguyên nhân:",
    )
    if i == 51:
        text = text.replace("II. NHỮNG HẠN CHẾ", PARTNER_LINE.format(person(50)[0]) + "\nII. NHỮNG HẠN CHẾ")
    lines = text.rstrip("\n").split("\n")
    lines[-1] = name.upper()  # the signature in capitals
    lines += ["T/M CHI BỘ", "BÍ THƯ", SECRETARY]
    return "\n".join(lines) + "\n"


def _file_name(i: int, year: int) -> str:
    return strip_accents(person(i)[0]).replace(" ", "_") + f"_{year}"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from pipeline.screen import screen

    root = tmp_path_factory.mktemp("redact")
    batch = root / "batch"
    batch.mkdir()
    for i in PEOPLE:
        for year in (2023, 2024):
            text = _report(i, year)
            if i == 51 and year == 2024:  # last year's body again: matches.csv quotes it
                text = text.split("I. ƯU ĐIỂM")[0] + "I. ƯU ĐIỂM" + _report(51, 2023).split("I. ƯU ĐIỂM")[1]
            if i == 53:
                (batch / f"{_file_name(i, year)}.txt").write_text(strip_accents(text), encoding="utf-8")
            else:
                (batch / f"{_file_name(i, year)}.docx").write_bytes(docx_bytes(text))
    shutil.copyfile(batch / f"{_file_name(52, 2024)}.docx", batch / f"{_file_name(52, 2024)}_ban_sao.docx")
    _build("old_binary.doc", batch / f"{_file_name(54, 2024)}.doc")
    result = screen([batch], cache_dir=None)
    redacted = redact(result)
    write_outputs(result, root / "plain")
    write_outputs(redacted, root / "redacted")
    return {"root": root, "batch": batch, "result": result, "redacted": redacted}


def _secrets() -> list[str]:
    """Every form of every name, date of birth and file name that must not leak."""
    out = [SECRETARY, COLLEAGUE, PHONE, *OUTSIDERS, *map(strip_accents, OUTSIDERS)]
    for i in [*PEOPLE, 54]:
        name, dob = person(i)
        d, m, y = dob.split("/")
        out += [name, name.upper(), strip_accents(name), strip_accents(name).upper(), _file_name(i, 2024)]
        out += [dob, f"{int(d)}/{int(m)}/{y}", f"{y}-{m}-{d}"]
        out += [name.replace(" ", "_"), strip_accents(name).lower().replace(" ", "-")]  # tokens, slugs
    return out


def _output_texts(folder: Path) -> dict[str, str]:
    texts = {}
    for path in folder.iterdir():
        if path.name.endswith(".xlsx"):
            with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as zf:
                for name in zf.namelist():
                    texts[f"{path.name}:{name}"] = zf.read(name).decode("utf-8", errors="replace")
        elif path.is_file():
            texts[path.name] = path.read_text(encoding="utf-8", errors="replace")
    return texts


def test_unredacted_outputs_do_contain_the_secrets(outputs: dict) -> None:
    """Otherwise the next test would prove nothing."""
    blob = "\n".join(_output_texts(outputs["root"] / "plain").values())
    found = [s for s in _secrets() if s in blob]
    assert {SECRETARY, COLLEAGUE, PHONE, *OUTSIDERS, person(50)[0], person(50)[1]} <= set(found)


def test_no_secret_in_any_redacted_output(outputs: dict) -> None:
    texts = _output_texts(outputs["root"] / "redacted")
    assert {"documents.csv", "matches.csv", "plans.csv", "errors.csv", "run.json", "report.html"} <= set(
        texts
    )
    assert [n for n in texts if n.startswith("report.xlsx:xl/worksheets/")], "the workbook's sheets"
    assert "Đảng viên 0" in texts["report.html"], "the evidence is still shown, pseudonymised"
    assert "Hồ Chí Minh" in texts["report.html"], "public figures are not redacted"
    leaks = [(s, name) for s in _secrets() for name, text in texts.items() if s.casefold() in text.casefold()]
    assert leaks == []
    batch_folder = str(outputs["batch"])
    assert not [name for name, text in texts.items() if batch_folder in text]


def test_pseudonyms_stable_within_the_run(outputs: dict) -> None:
    docs = outputs["redacted"].documents
    assert docs["name"].str.fullmatch(r"Đảng viên \d{3}").all()
    assert docs["member_id"].str.fullmatch(r"dv\d{3}").all()
    assert docs["doc_id"].str.fullmatch(r"dv\d{3}-(\d{4}|unknown)(-\d+)?").all()  # no year: no diacritics
    per_member = docs.groupby("member_id")["name"].nunique()
    assert (per_member == 1).all()
    assert docs.groupby("member_id")["year"].apply(set).map(len).max() == 2, (
        "a member keeps one pseudonym over years"
    )
    assert docs["name"].nunique() == len(PEOPLE)
    assert (docs["sha256"].fillna("") == "").all()
    original = outputs["result"].documents
    assert docs["path"].tolist() == [
        d + Path(p).suffix for d, p in zip(docs["doc_id"], original["path"], strict=True)
    ]


def test_pseudonyms_in_texts_follow_the_person(outputs: dict) -> None:
    """The copied name tell reads as the source member's pseudonym, not as a blank."""
    red = outputs["redacted"]
    texts = dict(zip(red.batch.documents["doc_id"], red.batch.documents["text"], strict=True))
    names = dict(zip(red.documents["doc_id"], red.documents["name"], strict=True))
    for doc_id, text in texts.items():
        plain = strip_accents(text)  # one report was typed without diacritics
        assert strip_accents(f"Họ và tên: {names[doc_id]}") in plain
        assert (
            strip_accents("Điện thoại: [đã ẩn]") in plain and strip_accents("Ngày sinh: [ngày sinh]") in plain
        )
        assert strip_accents("đồng chí [họ tên]") in plain
        assert (
            strip_accents("với anh [họ tên] (Trưởng thôn) và Trưởng ban [họ tên]; đ/c [họ tên] góp ý")
            in plain
        )
        assert strip_accents("Liên hệ [đã ẩn], CCCD [đã ẩn]; vợ tôi sinh năm [ngày sinh].") in plain
        assert "BÍ THƯ\n[họ tên]" in text or "BI THU\n[họ tên]" in text
    original = outputs["result"].documents
    row = {Path(p).stem: k for k, p in enumerate(original["path"])}
    copy_id = red.documents["doc_id"].iloc[row[_file_name(51, 2024)]]
    partner = red.documents["name"].iloc[row[_file_name(50, 2024)]]
    assert PARTNER_LINE.format(partner) in texts[copy_id]
    assert names[copy_id] != partner
    assert any(PARTNER_LINE.format(partner) in t for t in red.matches["text"]), "the quoted passage too"
    assert red.errors["path"].str.fullmatch(r"tep-\d{3}\.doc").all()
    assert any("identical file submitted under another name: dv" in w for w in red.documents["warnings"])


def test_findings_and_scores_unchanged(outputs: dict) -> None:
    plain, red = outputs["result"].documents, outputs["redacted"].documents
    keep = [
        c
        for c in plain.columns
        if c not in ("doc_id", "path", "member_id", "name", "reasons", "warnings", "copied_peer_of", "sha256")
    ]
    pd.testing.assert_frame_equal(plain[keep].reset_index(drop=True), red[keep].reset_index(drop=True))
    assert len(outputs["redacted"].matches) == len(outputs["result"].matches) > 0


def test_spans_point_at_the_redacted_texts(outputs: dict) -> None:
    red = outputs["redacted"]
    texts = dict(zip(red.batch.documents["doc_id"], red.batch.documents["text"], strict=True))
    for m in red.matches.itertuples():
        if m.doc_id in texts:
            assert texts[m.doc_id][int(m.start) : int(m.end)] == m.text
        if m.source_doc_id in texts:
            assert texts[m.source_doc_id][int(m.source_start) : int(m.source_end)] == m.source_text
    for doc_id, g in red.batch.sections.sort_values(["doc_id", "start"]).groupby("doc_id"):
        assert g["start"].iloc[0] == 0 and g["end"].iloc[-1] == len(texts[doc_id])
        assert (g["start"].to_numpy()[1:] == g["end"].to_numpy()[:-1]).all()
    for s in red.batch.sentences.itertuples():
        assert texts[s.doc_id][s.start : s.end] == s.text


def test_cli_flag(outputs: dict, tmp_path: Path) -> None:
    from pipeline.cli import main

    batch = tmp_path / "b"
    batch.mkdir()
    for i in (50, 51):
        (batch / f"{_file_name(i, 2024)}.txt").write_text(_report(i, 2024), encoding="utf-8")
    args = ["screen", str(batch), "--out", str(tmp_path / "o"), "--no-cache", "-q", "--engine", "serial"]
    args += ["--skip", "reuse", "--skip", "content", "--skip", "plans", "--no-html", "--no-xlsx", "--redact"]
    res = CliRunner().invoke(main, args, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "(redacted)" in res.output
    blob = "\n".join(_output_texts(tmp_path / "o").values())
    assert not [s for s in _secrets() if s in blob]
    assert re.search(r"Đảng viên \d{3}", blob)
