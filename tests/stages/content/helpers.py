"""Hand-made reports for the content stage tests: text with ``[[label]]`` section markers.

A marker starts a section at the start of a line; the section's heading (as the segmenter would
report it) is the first line after the marker.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from pipeline.model import DOCUMENT_FRAME_COLUMNS, SECTION_COLUMNS, Batch
from pipeline.screen import sentence_frame
from pipeline.text.normalize import normalize
from pipeline.text.tokens import Tokenizer

_MARK_RE = re.compile(r"\[\[([a-z_+]+)\]\]")


def parse_marked(raw: str) -> tuple[str, list[tuple[str, int, int, str]]]:
    """Text without markers and ``(label, start, end, heading)`` sections."""
    raw = normalize(raw)
    out, starts, pos = "", [], 0
    for m in _MARK_RE.finditer(raw):
        out += raw[pos : m.start()]
        starts.append((m.group(1), len(out)))
        pos = m.end()
    out += raw[pos:]
    sections = []
    for k, (label, start) in enumerate(starts):
        end = starts[k + 1][1] if k + 1 < len(starts) else len(out)
        heading = out[start:end].split("\n", 1)[0].strip()
        sections.append((label, start, end, heading))
    return out, sections


def make_batch(docs: list[dict[str, Any]]) -> Batch:
    """A Batch (documents, sections, sentences) from dicts with doc_id, text and optional fields."""
    rows, secs = [], []
    for d in docs:
        text, sections = parse_marked(d["text"])
        rows.append(
            {
                "doc_id": d["doc_id"],
                "path": d["doc_id"] + ".txt",
                "member_id": d.get("member_id", d["doc_id"]),
                "unit": d.get("unit", "U1"),
                "year": d.get("year", 2024),
                "kind": d.get("kind", "individual"),
                "role": d.get("role", "member"),
                "form_version": "unknown",
                "self_rating": d.get("self_rating"),
                "text": text,
            }
        )
        secs.extend(
            {"doc_id": d["doc_id"], "label": lab, "heading": h, "start": s, "end": e}
            for lab, s, e, h in sections
        )
    batch = Batch()
    batch.documents = pd.DataFrame(rows).reindex(columns=list(DOCUMENT_FRAME_COLUMNS))
    batch.documents["year"] = batch.documents["year"].astype("Int64")
    batch.sections = pd.DataFrame(secs).reindex(columns=list(SECTION_COLUMNS))
    tok = Tokenizer(None)
    batch.sentences = sentence_frame(batch, {r["path"]: tok.sentences(r["text"]) for r in rows})
    return batch


HEADER = "ĐẢNG CỘNG SẢN VIỆT NAM\nBẢN KIỂM ĐIỂM CÁ NHÂN NĂM 2024\nHọ và tên: Nguyễn Văn An\n"

IDEOLOGY_OK = (
    "[[ideology]]1. Về tư tưởng chính trị\n"
    "Tôi luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh. Năm 2024 tôi viết 03 bài phản bác "
    "quan điểm sai trái đăng trên trang thông tin của Đảng ủy xã.\n"
)
ETHICS_OK = (
    "[[ethics]]2. Về đạo đức, lối sống\n"
    "Sống giản dị, trung thực, giữ gìn đoàn kết nội bộ. Tháng 5/2024 tôi từ chối phong bì của một hộ dân "
    "khi giải quyết hồ sơ và báo cáo lãnh đạo.\n"
)
DUTIES_OK = (
    "[[duties]]3. Về thực hiện nhiệm vụ được giao\n"
    "Tiếp nhận và trả đúng hạn 412/415 hồ sơ một cửa; soạn thảo 36 văn bản tham mưu; số hóa 1.250 trang sổ hộ tịch.\n"
)
DUTIES_VAGUE = (
    "[[duties]]3. Về thực hiện nhiệm vụ được giao\n"
    "Hoàn thành tốt nhiệm vụ được giao, khối lượng, chất lượng, tiến độ công việc cơ bản đáp ứng yêu cầu. "
    "Thường xuyên phối hợp với đồng nghiệp, tích cực tham gia các phong trào của cơ quan.\n"
)
WEAK_SPECIFIC = (
    "[[weaknesses]]II. Hạn chế, khuyết điểm\n"
    "Còn 03 hồ sơ trả kết quả chậm từ 2 đến 5 ngày trong tháng 8/2024, phải gửi thư xin lỗi công dân.\n"
)
WEAK_GENERIC = (
    "[[weaknesses]]II. Hạn chế, khuyết điểm\n"
    "Đôi lúc còn ngại va chạm, chưa mạnh dạn phê bình trong sinh hoạt chi bộ. "
    "Việc nghiên cứu văn bản mới có lúc chưa kịp thời.\n"
)
PLAN = "[[plan]]III. Phương hướng khắc phục\nTiếp tục phát huy ưu điểm, khắc phục hạn chế.\n"
RATING = "[[self_rating]]IV. Tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ.\n"


def report(*parts: str) -> str:
    """A report: header plus the given section snippets."""
    return "[[header]]" + HEADER + "".join(parts)
