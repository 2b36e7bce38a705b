"""A small hand-built screening result with every kind of evidence (no stages run).

Six reports in two units over two years: a copy of last year's report, two colleagues sharing
passages, a sample-template copy, a vague plan, a proposal of "excellent" on a report with
findings, and one report whose name and text carry HTML/JS that must render as text.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from pipeline import schema
from pipeline.model import DOCUMENT_FRAME_COLUMNS, Batch
from pipeline.scoring.risk import score_risk
from pipeline.screen import ScreenResult

INJECTION = "<script>document.body.setAttribute('data-pwned', 'script')</script>"
BAD_NAME = '<img src=x onerror="document.body.setAttribute(\'data-pwned\', \'img\')">'
UNIT_A = "Chi bộ Kỹ thuật"
UNIT_B = 'Chi bộ "Hành chính" & <Tổng hợp>'

BASE = (
    "I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC\n"
    "1. Về tư tưởng chính trị: Luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.\n"
    "2. Thực hiện chức trách, nhiệm vụ: Hoàn thành 12 hồ sơ thẩm định trong năm {year}.\n"
    "II. HẠN CHẾ, KHUYẾT ĐIỂM\n"
    "Đôi khi còn chưa mạnh dạn trong đấu tranh phê bình.\n"
    "VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC\n"
    "- Tiếp tục học tập, rèn luyện.\n"
    "- Hoàn thành báo cáo tổng kết trước ngày 31/12/{next}.\n"
    "VII. TỰ NHẬN MỨC XẾP LOẠI: {rating}\n"
)

RATING_TEXT = {
    "hoan_thanh_xuat_sac": "Hoàn thành xuất sắc nhiệm vụ",
    "hoan_thanh_tot": "Hoàn thành tốt nhiệm vụ",
    "hoan_thanh": "Hoàn thành nhiệm vụ",
}

# doc_id, member, name, unit, year, rating, extra text
DOCS = [
    ("m1-2024", "m1", "Nguyễn Văn An", UNIT_A, 2024, "hoan_thanh_tot", ""),
    ("m1-2025", "m1", "Nguyễn Văn An", UNIT_A, 2025, "hoan_thanh_xuat_sac", ""),
    ("m2-2025", "m2", "Trần Thị Bình", UNIT_A, 2025, "hoan_thanh_tot", "Tích cực tham gia phong trào thi đua của cơ quan.\n"),
    ("m3-2025", "m3", "Lê Văn Cường", UNIT_A, 2025, "hoan_thanh_tot", "Tích cực tham gia phong trào thi đua của cơ quan.\n"),
    ("m4-2025", "m4", BAD_NAME, UNIT_B, 2025, "hoan_thanh", INJECTION + "\n"),
    ("m5-2024", "m5", "Phạm Thị Dung", UNIT_B, 2024, "hoan_thanh_xuat_sac", ""),
]


def make_result() -> ScreenResult:
    """The hand-built result (risk from the shipped weights, like a real screen)."""
    batch = Batch()
    rows, secs = [], []
    for doc_id, member, name, unit, year, rating, extra in DOCS:
        text = extra + BASE.format(year=year, next=year + 1, rating=RATING_TEXT[rating])
        rows.append(
            {
                "doc_id": doc_id,
                "path": f"/data/{doc_id}.docx",
                "member_id": member,
                "unit": unit,
                "year": year,
                "kind": "individual",
                "role": "member",
                "form_version": "2025-2B" if year == 2025 else "2023-02A",
                "self_rating": rating,
                "name": name,
                "dob": "",
                "text": text,
                "sha256": f"{abs(hash(text)):x}",
                "guessed_fields": "",
                "warnings": "",
            }
        )
        i = text.index("1. Về tư tưởng")
        j = text.index("2. Thực hiện")
        k = text.index("II. HẠN")
        v = text.index("VI. PHƯƠNG")
        w = text.index("VII.")
        secs += [
            {"doc_id": doc_id, "label": "header", "heading": "", "start": 0, "end": i},
            {"doc_id": doc_id, "label": "ideology", "heading": "", "start": i, "end": j},
            {"doc_id": doc_id, "label": "duties", "heading": "", "start": j, "end": k},
            {"doc_id": doc_id, "label": "weaknesses", "heading": "", "start": k, "end": v},
            {"doc_id": doc_id, "label": "plan", "heading": "", "start": v, "end": w},
            {"doc_id": doc_id, "label": "self_rating", "heading": "", "start": w, "end": len(text)},
        ]
    batch.documents = pd.DataFrame(rows, columns=list(DOCUMENT_FRAME_COLUMNS))
    batch.documents["year"] = batch.documents["year"].astype("Int64")
    batch.sections = pd.DataFrame(secs)
    texts = dict(zip(batch.documents.doc_id, batch.documents.text, strict=True))

    def span(doc_id: str, needle: str) -> tuple[int, int]:
        s = texts[doc_id].index(needle)
        return s, s + len(needle)

    matches = []
    needle = "Luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh."
    a, b = span("m1-2025", needle)
    sa, sb = span("m1-2024", needle)
    matches.append(("m1-2025", "m1-2024", "prior", a, b, sa, sb, 1.0, "identical"))
    a, b = span("m1-2025", "Hoàn thành 12 hồ sơ thẩm định trong năm 2025.")
    sa, sb = span("m1-2024", "Hoàn thành 12 hồ sơ thẩm định trong năm 2024.")
    matches.append(("m1-2025", "m1-2024", "prior", a, b, sa, sb, 0.96, "refreshed"))
    peer = "Tích cực tham gia phong trào thi đua của cơ quan."
    a, b = span("m2-2025", peer)
    sa, sb = span("m3-2025", peer)
    matches.append(("m2-2025", "m3-2025", "peer", a, b, sa, sb, 1.0, "identical"))
    matches.append(("m3-2025", "m2-2025", "peer", sa, sb, a, b, 1.0, "identical"))
    a, b = span("m4-2025", "Đôi khi còn chưa mạnh dạn trong đấu tranh phê bình.")
    matches.append(("m4-2025", "mau-kiem-diem-2025", "template", a, b, 0, b - a, 0.9, "paraphrased"))
    a, b = span("m4-2025", INJECTION)
    matches.append(("m4-2025", "mau-<i>tai-lieu</i>", "template", a, b, 0, b - a, 1.0, "identical"))
    # an archive source (not in the batch)
    a, b = span("m5-2024", "Đôi khi còn chưa mạnh dạn trong đấu tranh phê bình.")
    matches.append(("m5-2024", "m5-2023", "prior", a, b, 10, 10 + b - a, 1.0, "identical"))
    mt = pd.DataFrame(matches, columns=list(schema.MATCH_COLUMNS[:9]))
    mt["text"] = [texts[d][s:e] for d, s, e in zip(mt.doc_id, mt.start, mt.end, strict=True)]
    mt["source_text"] = [
        texts.get(sid, "Đôi khi còn chưa mạnh dạn trong đấu tranh phê bình, tự phê bình.")[ss:se]
        if sid in texts
        else "Đôi khi còn chưa mạnh dạn trong đấu tranh phê bình, tự phê bình."
        for sid, ss, se in zip(mt.source_doc_id, mt.source_start, mt.source_end, strict=True)
    ]
    batch.matches = mt

    plans = []
    for doc_id in texts:
        a, b = span(doc_id, "Tiếp tục học tập, rèn luyện.")
        plans.append((doc_id, "Tiếp tục học tập, rèn luyện.", "vague", "deadline;target", 0.08, a, b, "", "", "", ""))
        item = next(x for x in texts[doc_id].split("\n") if x.startswith("- Hoàn thành báo cáo"))[2:]
        a, b = span(doc_id, item)
        plans.append((doc_id, item, "specific", "", 0.93, a, b, item[-10:-1], "", "", ""))
    batch.plans = pd.DataFrame(plans, columns=list(schema.PLAN_COLUMNS))
    batch.stages_run = ["reuse", "content", "plans"]

    flags = {
        "m1-2025": {"copied_prior": 1, "vague_plan": 1},
        "m2-2025": {"copied_peer": 1},
        "m3-2025": {"copied_peer": 1, "missing_ethics": 1},
        "m4-2025": {"template_heavy": 1, "missing_ethics": 1},
        "m5-2024": {"copied_prior": 1},
    }
    reasons = {
        "copied_prior": "85% nội dung lấy lại từ bản kiểm điểm năm trước",
        "copied_peer": "40% nội dung trùng với bản kiểm điểm của người khác",
        "template_heavy": "60% nội dung trùng với bài mẫu 'mau-kiem-diem-2025'",
        "missing_ethics": "Không có câu nào tự liên hệ về đạo đức, lối sống",
        "vague_plan": "Biện pháp khắc phục chung chung, không có thời hạn",
    }
    frows = []
    for doc_id in texts:
        for f in schema.ALL_FINDINGS:
            flag = flags.get(doc_id, {}).get(f, 0)
            frows.append(
                {
                    "doc_id": doc_id,
                    "finding": f,
                    "flag": flag,
                    "score": 0.8 if flag else 0.1,
                    "reason": reasons.get(f, "") if flag else "",
                    "detail": "m3-2025" if (f == "copied_peer" and doc_id == "m2-2025" and flag) else "",
                }
            )
    batch.add_findings(frows)

    docs = batch.documents
    out = docs[["doc_id", "path", "member_id", "unit", "year", "kind", "role", "form_version", "self_rating"]].copy()
    for f in schema.ALL_FINDINGS:
        out[f] = pd.array([flags.get(d, {}).get(f, 0) for d in out.doc_id], dtype="Int64")
        out[schema.score_column(f)] = pd.array([0.8 if flags.get(d, {}).get(f) else 0.1 for d in out.doc_id], dtype="Float64")
    out["copied_peer_of"] = ["m3-2025" if d == "m2-2025" else ("m2-2025" if d == "m3-2025" else "") for d in out.doc_id]
    out["reasons"] = ["\n".join(reasons[f] for f in flags.get(d, {})) for d in out.doc_id]
    out["name"] = docs["name"].values
    out["guessed_fields"] = ""
    out["warnings"] = ["có ký tự điều khiển\x0btrong văn bản" if d == "m4-2025" else "" for d in out.doc_id]
    out["common_wording_share"] = pd.array([0.1] * len(out), dtype="Float64")
    out["sha256"] = docs["sha256"].values
    out["risk"] = pd.array([None] * len(out), dtype="Float64")
    out = out.reindex(columns=list(schema.DOCUMENT_COLUMNS))
    out = score_risk(out, batch)
    errors = pd.DataFrame(
        [{"path": "/data/cu.doc", "error": "unsupported format (.doc), save as .docx <b>now</b>"}],
        columns=list(schema.ERROR_COLUMNS),
    )
    batch.errors = errors
    run = {"parameters": batch.params, "counts": {"documents": len(out)}}
    return ScreenResult(out, mt.sort_values(["doc_id", "start"]).reset_index(drop=True), batch.plans.copy(), errors, run, batch)


def write_text_batch(folder: Path) -> Path:
    """Three plain-text reports with a manifest: a member's 2024 and 2025 (a copy), a colleague's 2025."""
    from conftest import REPORT_2024

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a-2024.txt").write_text(REPORT_2024, encoding="utf-8")
    copy = REPORT_2024.replace("năm 2024", "năm 2025").replace("Năm 2024", "Năm 2025")
    copy = copy.replace(
        "Tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ", "Tự nhận mức xếp loại: Hoàn thành xuất sắc nhiệm vụ"
    )
    (folder / "a-2025.txt").write_text(copy, encoding="utf-8")
    other = REPORT_2024.replace("Nguyễn Thị Bích Ngọc", "Lê Văn Tâm").replace("04/07/1985", "02/02/1979")
    (folder / "b-2025.txt").write_text(other.replace("2024", "2025"), encoding="utf-8")
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["path", "member_id", "unit", "year", "kind", "role", "doc_id"])
        w.writerow(["a-2024.txt", "a", "Khu phố 3", 2024, "individual", "member", "a-2024"])
        w.writerow(["a-2025.txt", "a", "Khu phố 3", 2025, "individual", "member", "a-2025"])
        w.writerow(["b-2025.txt", "b", "Khu phố 3", 2025, "individual", "member", "b-2025"])
    return folder
